#include "normalize/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

Document ReadSeed(const std::string& name) {
  Result<Document> document =
      ReadDocument(std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/seeds/" + name, ExtractOptions{});
  EXPECT_TRUE(document.ok()) << name;
  return document.ok() ? std::move(document).value() : Document{};
}

TEST(MetadataTest, DepartmentFromLines) {
  EXPECT_EQ(DepartmentFromLine("单位：玉溪市医疗保障局（本级）"), "玉溪市医疗保障局");
  // OCR reads a bracket as any bracket shape, not always as a pair.
  EXPECT_EQ(DepartmentFromLine("2026年度无锡市交通运输局〈本级)单位预算公开"), "无锡市交通运输局");
  EXPECT_EQ(DepartmentFromLine("单位：玉溪市医疗保障局【汇总〕"), "玉溪市医疗保障局");
  EXPECT_EQ(DepartmentFromLine("编制单位：上海市普陀区人民政府办公室"),
            "上海市普陀区人民政府办公室");
  EXPECT_EQ(DepartmentFromLine("上海市普陀区财政局2024年度部门决算"), "上海市普陀区财政局");
  EXPECT_EQ(DepartmentFromLine("2019年江苏省高级人民法院部门预算"), "江苏省高级人民法院");
  EXPECT_EQ(DepartmentFromLine("金额单位：元"), "");
  EXPECT_EQ(DepartmentFromLine("收入支出决算表"), "");
  EXPECT_EQ(DepartmentFromLine("预算主管部门：上海市普陀区人民政府万里街道办事处"),
            "上海市普陀区人民政府万里街道办事处");
  EXPECT_EQ(DepartmentFromLine("附件：江苏省政协办公厅2019年部门预算"), "江苏省政协办公厅");
  EXPECT_EQ(DepartmentFromLine("第二部分 上海市普陀区XX局2024年度部门决算表"), "上海市普陀区XX局");
  // Table titles and class headings name no department.
  EXPECT_EQ(DepartmentFromLine("2024年部门一般公共预算基本支出部门预算经济分类预算表"), "");
  EXPECT_EQ(DepartmentFromLine("检察（款）:2018年预算支出合计16,444.36万元。其中："), "");
  // Table rows and sentence fragments are not departments, whatever follows them.
  EXPECT_EQ(DepartmentFromLine("（二）公务接待费2026年预算"), "");
  EXPECT_EQ(DepartmentFromLine("单位：（二）公务接待费"), "");
  EXPECT_EQ(DepartmentFromLine("纳入本部门2026年部门预算编制范围的单位"), "");
  EXPECT_EQ(DepartmentFromLine("行政运行 2026 年预算"), "");
  // The word 部门 after the name, and a title without 年.
  EXPECT_EQ(DepartmentFromLine("北京市信访办公室部门 2026 年度部门预算"), "北京市信访办公室");
  EXPECT_EQ(DepartmentFromLine("北京市人民政府国有资产监督管理委员会 2026 部门预算情况的说明"),
            "北京市人民政府国有资产监督管理委员会");
  EXPECT_EQ(DepartmentFromLine("部门名称：北京市审计局"), "北京市审计局");
  // OCR noise in a cover's name: a hyphen, one digit between two characters.
  EXPECT_EQ(DepartmentFromLine("由1庆市水利局2026 年部门预算情况说明"), "");
  EXPECT_EQ(DepartmentFromLine("2026 年一-全 度 苏州市自然资源和规划局 部门预算公萎"), "");
  // A digit OCR added to the year (fj_fuzhou_sci's cover at 150 dpi): the name still reads.
  EXPECT_EQ(DepartmentFromLine("20256年度福州市科学技术局(本级)单位预算"), "福州市科学技术局");
  EXPECT_EQ(DepartmentFromLine("单位名称：长沙市12345政务服务热线管理中心"),
            "长沙市12345政务服务热线管理中心");
}

struct DocumentCase {
  const char* name;
  std::vector<std::string> cover;
  std::vector<std::vector<std::string>> table;  // on the second page, when not empty
  std::vector<std::string> body;                // on the second page
  const char* department;
  const char* year;
};

TEST(MetadataTest, DepartmentAndYearFromWhereTheyAreNamed) {
  const DocumentCase cases[] = {
      // The name wrapped over two cover lines; a 三公 row later must not be taken.
      {"wrapped cover",
       {"2026 年度", "福州经济技术开发区生态", "环境局", "单位预算", "目录"},
       {},
       {"（二）公务接待费", "单位：万元", "（二）公务接待费 2026年预算 1.00"},
       "福州经济技术开发区生态环境局",
       "2026"},
      {"stray mark before the name",
       {".", "长春市信访局（本级）", "2026年度部门预算公开", "初审：徐 宁"},
       {},
       {},
       "长春市信访局",
       "2026"},
      // A 2026 budget that compares with 2025 before it states its own year.
      {"comparisons are not the year",
       {"北京市人民政府国有资产监督管理委员会", "2025年当年预算执行数为3269.3万元",
        "比2025年预算增加793.14万元", "2026 部门预算情况的说明"},
       {},
       {},
       "北京市人民政府国有资产监督管理委员会",
       "2026"},
      // Tables only: the department is named in a form's 部门名称 cell.
      {"tables only",
       {"预算01表", "收支总表", "金额单位：万元"},
       {{"部门名称", "北京市审计局"}, {"年度主要任务", "审计监督"}},
       {"2026年部门预算项目绩效目标表"},
       "北京市审计局",
       "2026"},
  };
  for (const DocumentCase& c : cases) {
    SCOPED_TRACE(c.name);
    DocumentBuilder builder;
    builder.Page(c.cover);
    builder.Page(c.body);
    if (!c.table.empty()) builder.Table(c.table);
    const DocumentMetadata metadata = ExtractMetadata(builder.Build());
    EXPECT_EQ(metadata.department.value, c.department) << metadata.department.evidence;
    EXPECT_EQ(metadata.fiscal_year.value, c.year) << metadata.fiscal_year.evidence;
    EXPECT_FALSE(metadata.department.sources.empty());
    for (const AttributeSource& source : metadata.department.sources) {
      EXPECT_FALSE(source.source.empty());
      EXPECT_FALSE(source.evidence.empty());
    }
  }
}

TEST(MetadataTest, SourcesThatDisagreeAreReported) {
  // The cover's title and its 编制单位 line name two departments; two cover
  // titles name two years.
  const Document document = DocumentBuilder()
                                .Page({"杭州市司法局", "2026 年度部门预算",
                                       "编制单位：杭州市公安局", "2025 年部门预算说明"})
                                .Build();
  const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
  EXPECT_EQ(normalized.metadata.department.value, "杭州市司法局");
  EXPECT_EQ(normalized.metadata.fiscal_year.value, "2026");
  int department_findings = 0, year_findings = 0;
  for (const Finding& finding : normalized.findings) {
    // The 编制单位 line is a title line: the title check reports it.
    if (finding.check == "metadata.department") {
      ++department_findings;
      EXPECT_NE(finding.message.find("杭州市公安局"), std::string::npos) << finding.message;
    }
    EXPECT_NE(finding.check, "metadata.department_sources") << finding.message;
    if (finding.check == "metadata.fiscal_year_sources") ++year_findings;
  }
  EXPECT_EQ(department_findings, 1);
  EXPECT_EQ(year_findings, 1);
  // Two forms name two departments (部门名称 cells): no title line says either.
  const NormalizedDocument forms = Normalize(DocumentBuilder()
                                                 .Page({"2026年部门预算项目绩效目标表"})
                                                 .Table({{"部门名称", "北京市审计局"}})
                                                 .Table({{"部门名称", "北京市财政局"}})
                                                 .Build(),
                                             NormalizeOptions{});
  int form_findings = 0;
  for (const Finding& finding : forms.findings) {
    form_findings += finding.check == "metadata.department_sources";
  }
  EXPECT_EQ(form_findings, 1);
  // A cover that sets its name over its year and kind (two lines) naming another department
  // than the one chosen is reported: the line-by-line title check sees neither line whole
  // (bj_city_govdata's image-only cover, 北系市政务服务和数据管理局 / 2026年度部门预算信息公开).
  const NormalizedDocument two_line_cover =
      Normalize(DocumentBuilder()
                    .Page({"北京市审计局", "2026年度部门预算"})
                    .Page({"北京市财政局2026年部门预算", "编制单位：北京市财政局"})
                    .Build(),
                NormalizeOptions{});
  EXPECT_EQ(two_line_cover.metadata.department.value, "北京市财政局");
  int cover_findings = 0;
  for (const Finding& finding : two_line_cover.findings) {
    if (finding.check != "metadata.department_sources") continue;
    ++cover_findings;
    EXPECT_NE(finding.message.find("北京市审计局"), std::string::npos) << finding.message;
  }
  EXPECT_EQ(cover_findings, 1);
  // One department named on the cover and again in a heading is not a disagreement.
  const NormalizedDocument agreeing =
      Normalize(DocumentBuilder()
                    .Page({"江苏省人民检察院", "2019年度部门预算公开"})
                    .Page({"省检察院2019年部门预算"})
                    .Build(),
                NormalizeOptions{});
  for (const Finding& finding : agreeing.findings) {
    EXPECT_NE(finding.check, "metadata.department_sources") << finding.message;
  }
}

struct SeedCase {
  const char* file;
  const char* department;
  const char* year;
  DocKind kind;
};

TEST(MetadataTest, Seeds) {
  const SeedCase cases[] = {
      {"000_28c5b8c0e71a2a67.txt", "新疆维吾尔自治区医疗保障局", "2019", DocKind::kFinalAccounts},
      {"001_1d3965113ca8330b.txt", "达州市达川区医疗保险管理局", "2018", DocKind::kFinalAccounts},
      {"002_5b42121fa295fc4a.txt", "博湖县医疗保障局", "2024", DocKind::kFinalAccounts},
      {"003_f226edb144d9e567.txt", "玉溪市医疗保障局", "2022", DocKind::kFinalAccounts},
      {"004_4b22c8c51bd978dc.txt", "新疆维吾尔自治区喀什地区医疗保障局", "2024", DocKind::kBudget},
  };
  for (const SeedCase& c : cases) {
    const DocumentMetadata metadata = ExtractMetadata(ReadSeed(c.file));
    EXPECT_EQ(metadata.department.value, c.department)
        << c.file << " " << metadata.department.evidence;
    EXPECT_EQ(metadata.fiscal_year.value, c.year) << c.file << " " << metadata.fiscal_year.evidence;
    EXPECT_EQ(metadata.kind, c.kind) << c.file << " " << metadata.doc_kind.evidence;
    EXPECT_FALSE(metadata.department.evidence.empty()) << c.file;
    EXPECT_GE(metadata.fiscal_year.provenance.block, 0) << c.file;
  }
}

// A scan whose cover OCR could not read (宇和生生位预鱼 for 单位预算) and whose titles name a
// fund only still says what it is through its tables' words: 预算数 columns and 总体情况表
// titles for a budget, 决算 for final accounts. Both kinds of words, or none: no kind.
TEST(MetadataTest, DocKindFromTableWordsWhenNoTitleStatesIt) {
  struct Case {
    const char* name;
    std::vector<std::string> paragraphs;
    std::vector<std::vector<std::string>> table;
    const char* doc_kind;
  };
  const Case cases[] = {
      {"budget column",
       {"宇和生生位预鱼", "一般公共预算基本支出经济分类情况表"},
       {{"科目编码", "科目名称", "预算数"}, {"301", "工资福利支出", "10.00"}},
       "budget"},
      {"budget title", {"支出总体情况表"}, {{"科目编码", "合计"}, {"201", "1.00"}}, "budget"},
      // An OCR'd cover (前1必需算公提 for 单位预算公开) and a 收入总表: a budget's name for it.
      {"budget summary title",
       {"前1必需算公提", "公开 02 表", "收入总表"},
       {{"单位名称", "合计", "一般公共预算"}, {"无锡市应急管理局", "1,136.23", "1,136.23"}},
       "budget"},
      {"final summary title",
       {"收入支出决算总表"},
       {{"项目", "行次", "金额"}, {"一般公共预算财政拨款收入", "1", "1.00"}},
       "final_accounts"},
      {"final column",
       {"一般公共预算支出情况表"},
       {{"科目编码", "年初预算数", "决算数"}, {"201", "1.00", "1.00"}},
       "final_accounts"},
      {"both", {"支出总体情况表"}, {{"科目编码", "上年决算数"}, {"201", "1.00"}}, ""},
      {"neither", {"收入情况表"}, {{"科目编码", "合计"}, {"201", "1.00"}}, ""},
  };
  for (const Case& c : cases) {
    Document document;
    for (const std::string& text : c.paragraphs) {
      Paragraph paragraph;
      paragraph.text = text;
      paragraph.provenance.origin = TextOrigin::kOcr;
      document.blocks.push_back(Block{paragraph});
    }
    Table table = Grid(c.table);
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    document.blocks.push_back(Block{table});
    const DocumentMetadata metadata = ExtractMetadata(document);
    EXPECT_EQ(metadata.doc_kind.value, c.doc_kind)
        << c.name << " " << DocumentClassName(metadata.doc_class) << " "
        << metadata.doc_kind.missing_reason;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// A rasterised cover read by OCR (厅 misread 斤) before text-layer pages that
// state the same: the text layer's reading wins; an OCR-only document still
// gets its metadata from OCR.
TEST(MetadataTest, TextLayerIsReadBeforeOcr) {
  auto paragraph = [](const char* text, TextOrigin origin) {
    Paragraph p;
    p.text = text;
    p.provenance.origin = origin;
    return Block{p};
  };
  Document mixed;
  mixed.blocks.push_back(paragraph("江苏省政协办公斤2019年部门预算", TextOrigin::kOcr));
  mixed.blocks.push_back(paragraph("江苏省政协办公厅2019年部门预算", TextOrigin::kTextLayer));
  EXPECT_EQ(ExtractMetadata(mixed).department.value, "江苏省政协办公厅");
  // A scan alone still names its department, when OCR read a name that ends like one: a
  // misread suffix (办公斤) is no organisation, and is not taken for a department.
  Document scanned;
  scanned.blocks.push_back(paragraph("江苏省政协办公厅2019年部门预算", TextOrigin::kOcr));
  EXPECT_EQ(ExtractMetadata(scanned).department.value, "江苏省政协办公厅");
  EXPECT_EQ(ExtractMetadata(scanned).fiscal_year.value, "2019");
  Document misread;
  misread.blocks.push_back(paragraph("江苏省政协办公斤2019年部门预算", TextOrigin::kOcr));
  EXPECT_EQ(ExtractMetadata(misread).department.value, "");
}

// A scanned cover whose emblem OCR read as a line of marks between the title's lines: the
// title is read without it. A short line of ideographs is part of the title, never dropped.
TEST(MetadataTest, OcrMarksBetweenCoverLinesAreLeftOut) {
  auto cover = [](std::vector<const char*> lines) {
    Document document;
    for (const char* text : lines) {
      Paragraph p;
      p.text = text;
      p.provenance.origin = TextOrigin::kOcr;
      p.provenance.page = 1;
      document.blocks.push_back(Block{p});
    }
    return ExtractMetadata(document);
  };
  const DocumentMetadata yantai = cover({"2026年烟台市住房和城乡建设局", "由下 j", "部门预算"});
  EXPECT_EQ(yantai.department.value, "烟台市住房和城乡建设局");
  EXPECT_EQ(yantai.fiscal_year.value, "2026");
  EXPECT_EQ(cover({"2026年烟台市住房和城乡建设局", "..—", "部门预算"}).department.value,
            "烟台市住房和城乡建设局");
  EXPECT_EQ(cover({"2026 年度", "福州经济技术开发区生态", "环境局", "单位预算"}).department.value,
            "福州经济技术开发区生态环境局");
  // The cover's big year cut by OCR over two lines (js_highcourt_2019): its 2 read at the head
  // of the name's line.
  const DocumentMetadata highcourt = cover({"2江苏省高级人民法院", "019年度部门预算公开"});
  EXPECT_EQ(highcourt.fiscal_year.value, "2019");
  EXPECT_EQ(highcourt.department.value, "江苏省高级人民法院");
  // Digits that make no year of the 1900s or 2000s stay where they are.
  EXPECT_EQ(cover({"1江苏省高级人民法院", "019年度部门预算公开"}).fiscal_year.value, "");
}

// A scan whose cover OCR read badly ("20256年部门预算情况说明", a digit doubled) still states its
// year in its tables' titles, which name no 预算/决算 ("2026年部门收支总体情况表") or name one only
// as a fund ("2023年部门一般公共预算支出功能分类预算表": the second 预算 is the kind). A prior
// year's column header (2025年预算数) does not outvote the titles; a sentence that names a year is
// not a title.
TEST(MetadataTest, YearFromTableTitlesWhenTheCoverIsUnreadable) {
  struct Case {
    const char* name;
    std::vector<std::string> cover;
    std::vector<std::string> titles;  // on the second page
    std::vector<std::vector<std::string>> table;
    const char* year;
  };
  const Case cases[] = {
      {"title without a kind word",
       {"20256年部门预算情况说明"},
       {"2026年部门收支总体情况表"},
       {},
       "2026"},
      {"fund then kind",
       {"预算主管部门：上海市普陀区人民政府万里街道办事处"},
       {"2023年部门一般公共预算支出功能分类预算表"},
       {},
       "2023"},
      {"fund only",
       {"重庆市规划和自然资源局"},
       {"2026年一般公共预算支出情况表"},
       {{"科目编码", "2025年预算数", "2026年预算数"}, {"201", "1.00", "2.00"}},
       "2026"},
      {"numbered title", {"过人 门"}, {"表7: 2026年市级部门一般公共预 Ar 经费预算表"}, {}, "2026"},
      {"a sentence is not a title", {"目录"}, {"2025年比上年增加的情况表述如下，详见下表"}, {}, ""},
      {"the cover outweighs a title",
       {"2024年度部门决算"},
       {"2023年部门收支总体情况表"},
       {},
       "2024"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    DocumentBuilder builder;
    builder.Page(c.cover);
    builder.Page(c.titles);
    if (!c.table.empty()) builder.Table(c.table);
    const DocumentMetadata metadata = ExtractMetadata(builder.Build());
    EXPECT_EQ(metadata.fiscal_year.value, c.year) << metadata.fiscal_year.evidence;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

struct OcrRead {
  DocumentMetadata metadata;
  std::vector<Finding> findings;
  bool Reports(const std::string& check) const {
    for (const Finding& finding : findings) {
      if (finding.check == check) return true;
    }
    return false;
  }
};

// Lines OCR read from one scanned page (page 1, each a paragraph) or, with `origin` the text
// layer, printed.
OcrRead ReadLines(const std::vector<const char*>& lines, TextOrigin origin = TextOrigin::kOcr) {
  Document document;
  for (const char* text : lines) {
    Paragraph p;
    p.text = text;
    p.provenance.origin = origin;
    p.provenance.page = 1;
    document.blocks.push_back(Block{p});
  }
  OcrRead read;
  read.metadata = ExtractMetadata(document, &read.findings);
  return read;
}

// The last character of an organisation word misread by OCR along a confusion of shapes (办公打
// for 办公厅, 办公宇 and 办公宝 for 办公室) is put back and reported; any other misread ending
// (办公朵) leaves the department empty, reported; a text layer is never repaired.
TEST(MetadataTest, OcrOrganisationEndMisreadByShape) {
  const OcrRead party = ReadLines({"收支预算总表", "部门: 中共江苏省委办公打 单位:万元"});
  EXPECT_EQ(party.metadata.department.value, "中共江苏省委办公厅");
  EXPECT_TRUE(party.Reports("metadata.ocr_name_repaired"));
  EXPECT_EQ(ReadLines({"预算单位:上海市普陀区人民政府办公宇"}).metadata.department.value,
            "上海市普陀区人民政府办公室");
  EXPECT_EQ(ReadLines({"湖南省信访办公宝2026年部门预算"}).metadata.department.value,
            "湖南省信访办公室");
  // Printed right elsewhere: the name stands on that printing, nothing to report.
  const OcrRead confirmed =
      ReadLines({"江苏省财政厅2019年部门预算", "部门: 江苏省财政打 单位:万元"});
  EXPECT_EQ(confirmed.metadata.department.value, "江苏省财政厅");
  EXPECT_FALSE(confirmed.Reports("metadata.ocr_name_repaired"));
  const OcrRead unread = ReadLines({"部门: 中国共产党江苏省委员会办公朵 单位:万元"});
  EXPECT_EQ(unread.metadata.department.value, "");
  EXPECT_TRUE(unread.Reports("metadata.ocr_name_unread"));
  EXPECT_FALSE(unread.Reports("metadata.ocr_name_repaired"));
  // A cover that sets the name on a line of its own.
  const OcrRead cover = ReadLines({"中共江苏省委办公打", "2019年度部门预算"});
  EXPECT_EQ(cover.metadata.department.value, "中共江苏省委办公厅");
  EXPECT_TRUE(cover.Reports("metadata.ocr_name_repaired"));
  // A unit line whose colon OCR lost: reported, not taken.
  const OcrRead colonless = ReadLines({"上海市2026年市级单位预算", "预算单位上海市花开良种试验场"});
  EXPECT_EQ(colonless.metadata.department.value, "");
  EXPECT_TRUE(colonless.Reports("metadata.ocr_name_unread"));
  const OcrRead court = ReadLines({"江沧省总级人民法叶", "2019年度部门预算公开"});
  EXPECT_EQ(court.metadata.department.value, "");
  EXPECT_TRUE(court.Reports("metadata.ocr_name_unread"));
  const OcrRead typed = ReadLines({"部门: 中共江苏省委办公打 单位:万元"}, TextOrigin::kTextLayer);
  EXPECT_EQ(typed.metadata.department.value, "");
  EXPECT_TRUE(typed.findings.empty());
}

// A scanned cover's name+year line whose kind OCR set apart: a line of marks between it and
// 部门预算公开, or 部门 misread at its end and 预算公开 below. Without a kind below, no title.
TEST(MetadataTest, OcrCoverKindAfterAStrayLine) {
  const OcrRead cppcc = ReadLines({"江苏省政协办公厅2018年度", "2小", "部门预算公开"});
  EXPECT_EQ(cppcc.metadata.department.value, "江苏省政协办公厅");
  EXPECT_EQ(cppcc.metadata.fiscal_year.value, "2018");
  EXPECT_EQ(ReadLines({"江苏省人大常委会办公厅2018年度部站", "预算公开"}).metadata.department.value,
            "江苏省人大常委会办公厅");
  EXPECT_EQ(ReadLines({"福建省福州市公安局2026年度", "2小", "工作总结"}).metadata.department.value,
            "");
  // The kind on the line itself, one of its characters misread (H52 s3w_0818_final).
  EXPECT_EQ(ReadLines({"成都市农业农村局2026 年度部门决答"}).metadata.department.value,
            "成都市农业农村局");
  EXPECT_EQ(ReadLines({"成都市农业农村局2026 年度部门工作"}).metadata.department.value, "");
  EXPECT_EQ(ReadLines({"成都市农业农村局2026 年度部门决答"}, TextOrigin::kTextLayer)
                .metadata.department.value,
            "");
  EXPECT_EQ(ReadLines({"江苏省人大常委会办公厅2018年度部站", "预算公开"}, TextOrigin::kTextLayer)
                .metadata.department.value,
            "");
}

// A department OCR read with a gap inside its name (商 委员会, the 务 lost) is kept as read and
// reported; a title spaced out character by character, or a name wrapped over two lines, is not.
TEST(MetadataTest, OcrNameWithAGapInsideIsReported) {
  const OcrRead commerce =
      ReadLines({"上海市普陀区2025年区级部门预算", "预算主管部门:上海市普陀区商 委员会"});
  EXPECT_EQ(commerce.metadata.department.value, "上海市普陀区商委员会");
  EXPECT_TRUE(commerce.Reports("metadata.ocr_name_gap"));
  EXPECT_FALSE(ReadLines({"杭 州 市 公 安 局 2026 年度部门预算"}).Reports("metadata.ocr_name_gap"));
  const OcrRead wrapped = ReadLines({"2026 年度", "福州经济技术开发区生态", "环境局", "单位预算"});
  EXPECT_EQ(wrapped.metadata.department.value, "福州经济技术开发区生态环境局");
  EXPECT_FALSE(wrapped.Reports("metadata.ocr_name_gap"));
  EXPECT_FALSE(ReadLines({"预算主管部门:上海市普陀区商 委员会"}, TextOrigin::kTextLayer)
                   .Reports("metadata.ocr_name_gap"));
}

// The name OCR read with a gap is put right by another place that prints it whole, one or two
// characters more where the gap is (sh_putuo_commerce_2025's cover read 商 委员会 at 300 dpi,
// the 编制部门 line over its tables 商务委员会); a place that prints more than that, or another
// name, does not.
TEST(MetadataTest, OcrNameWithAGapIsPutRightByAPlaceThatPrintsItWhole) {
  struct Case {
    const char* other_place;
    const char* department;
    bool gap_reported;
  };
  const Case cases[] = {
      {"编制部门:上海市普陀区商务委员会 单位:元", "上海市普陀区商务委员会", false},
      {"编制单位：上海市普陀区商务委员会", "上海市普陀区商务委员会", false},
      {"编制部门:上海市普陀区商务委员会办公室 单位:元", "上海市普陀区商委员会", true},
      {"编制部门:上海市普陀区财政局 单位:元", "上海市普陀区商委员会", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.other_place);
    const OcrRead read =
        ReadLines({"上海市普陀区2025年区级部门预算", "预算主管部门:上海市普陀区商 委员会",
                   "收支预算总表", c.other_place});
    EXPECT_EQ(read.metadata.department.value, c.department);
    EXPECT_EQ(read.Reports("metadata.ocr_name_gap"), c.gap_reported);
  }
}

// 编制部门： names the department as 编制单位： does (Shanghai's district budgets, seed 004).
TEST(MetadataTest, CompilingDepartmentLineIsAUnitLine) {
  const OcrRead read =
      ReadLines({"收支预算总表", "编制部门：上海市普陀区财政局 单位：元"}, TextOrigin::kTextLayer);
  EXPECT_EQ(read.metadata.department.value, "上海市普陀区财政局");
}

// A title whose year OCR read with a digit too many. chi_sim reads a large serif 6 as 56
// (20256年度部门预算 for 2026): that year is put back and reported. Any other digit too many
// (20236) is not guessed, only reported. A year stated elsewhere is taken as printed.
TEST(MetadataTest, OcrYearWithADigitTooMany) {
  const OcrRead police = ReadLines({"杭州市公安局", "20256年度部门预算"});
  EXPECT_EQ(police.metadata.fiscal_year.value, "2026");
  EXPECT_EQ(police.metadata.kind, DocKind::kBudget);
  EXPECT_TRUE(police.Reports("metadata.ocr_year_repaired"));
  EXPECT_EQ(police.metadata.department.value, "杭州市公安局");
  const OcrRead wrapped = ReadLines({"20156年度", "福州市公安局文职人员管理中心单位预算"});
  EXPECT_EQ(wrapped.metadata.fiscal_year.value, "2016");
  const OcrRead other = ReadLines({"杭州市公安局", "20236年度部门预算"});
  EXPECT_EQ(other.metadata.fiscal_year.value, "");
  EXPECT_TRUE(other.Reports("metadata.ocr_year_unread"));
  EXPECT_FALSE(other.Reports("metadata.ocr_year_repaired"));
  const OcrRead stated =
      ReadLines({"杭州市公安局", "20236年度部门预算", "2023年部门收支总体情况表"});
  EXPECT_EQ(stated.metadata.fiscal_year.value, "2023");
  EXPECT_FALSE(stated.Reports("metadata.ocr_year_unread"));
  const OcrRead confirmed =
      ReadLines({"杭州市公安局", "20256年度部门预算", "2026年部门收支总体情况表"});
  EXPECT_EQ(confirmed.metadata.fiscal_year.value, "2026");
  EXPECT_FALSE(confirmed.Reports("metadata.ocr_year_repaired"));
  EXPECT_EQ(ReadLines({"杭州市公安局", "20256年度部门预算"}, TextOrigin::kTextLayer)
                .metadata.fiscal_year.value,
            "");
}

}  // namespace
}  // namespace disclose
