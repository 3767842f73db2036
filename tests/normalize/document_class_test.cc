#include "normalize/document_class.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/metadata.h"
#include "normalize/normalize.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

struct ClassCase {
  const char* name;
  std::vector<std::string> cover;
  std::vector<std::string> body;
  DocumentClass expected;
  const char* year;
  DocKind kind;
};

TEST(DocumentClassTest, FromTheText) {
  const ClassCase cases[] = {
      {"department budget",
       {"2026 年度", "苏州市审计局", "部门预算公开", "目 录"},
       {"第一部分 部门概况", "一、主要职能", "收支总表", "单位：万元", "财政拨款收支总表"},
       DocumentClass::kDepartmentDisclosure,
       "2026",
       DocKind::kBudget},
      {"unit budget of a city",
       {"上海市2026年市级单位预算", "预算单位：上海市福利彩票发行中心"},
       {"2026年预算单位财务收支预算总表", "金额单位：元"},
       DocumentClass::kDepartmentDisclosure,
       "2026",
       DocKind::kBudget},
      // The budget year is the one not reported as executed.
      {"city budget report",
       {"关于北京市 2022 年预算执行情况和", "2023 年预算的报告",
        "———2023 年 1 月 15 日在北京市第十六届", "人民代表大会第一次会议上",
        "北京市财政局局长 吴素芳"},
       {"各位代表:", "一、2022 年预算执行情况", "全市一般公共预算收入完成 5714.4 亿元"},
       DocumentClass::kGovernmentReport,
       "2023",
       DocKind::kBudget},
      // The kind is on the line after the year.
      {"city final accounts report",
       {"关于苏州市 2022 年", "本级决算（草案）的报告",
        "——2023 年 6 月 26 日在市十七届人大常委会第八次会议上", "市财政局局长 刘小玫"},
       {"一、全市决算汇总情况"},
       DocumentClass::kGovernmentReport,
       "2022",
       DocKind::kFinalAccounts},
      {"city final accounts book",
       {"北京市 ２０２４ 年市级决算", "北京市财政局", "２０２５ 年 ７ 月", "目 录"},
       {"表一 北京市 ２０２４ 年市级一般公共预算收入决算情况表", "税收收入"},
       DocumentClass::kGovernmentReport,
       "2024",
       DocKind::kFinalAccounts},
      {"notice allocating funds",
       {"长沙市财政局", "关于下达2025年市级专项资金预算指标的通知", "长财金指〔2025〕1号"},
       {"各有关单位：", "现将2025年专项资金预算下达给你们"},
       DocumentClass::kOther,
       "2025",
       DocKind::kUnknown},  // neither a budget nor final accounts: no doc kind
      {"checklist about a disclosure",
       {"2026年度普陀区部门预算公开情况检查表", "被检查单位：普陀区司法局"},
       {"收支总表", "是否公开"},
       DocumentClass::kOther,
       "2026",
       DocKind::kUnknown},
      // A title the first page quotes is not the document's own.
      // The department is the standing committee's own office: its name is no
      // sign of a report to the congress (a scan's cover read 部门预算公开 as 部站).
      {"congress standing committee's office",
       {"江苏省人大常委会办公厅2018年度部站"},
       {"部门名称：江苏省人大常委会办公厅 单位：万元", "收支总表",
        "部门名称：江苏省人大常委会办公厅", "财政拨款收支总表", "部门名称：江苏省人大常委会办公厅",
        "一般公共预算支出表"},
       DocumentClass::kDepartmentDisclosure,
       "2018",
       DocKind::kBudget},
      {"quoted notice",
       {"重庆市气象局 2026 年部门预算情况说明", "一、单位基本情况",
        "根据中国气象局《关于印发<重庆市国家气象系统机构改革方案>的通知》"},
       {"收支总表", "财政拨款收支总表", "“三公”经费"},
       DocumentClass::kDepartmentDisclosure,
       "2026",
       DocKind::kBudget},
  };
  for (const ClassCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Document document = DocumentBuilder().Page(c.cover).Page(c.body).Build();
    const DocumentMetadata metadata = ExtractMetadata(document);
    EXPECT_EQ(DocumentClassName(metadata.doc_class), DocumentClassName(c.expected))
        << metadata.document_class.evidence;
    EXPECT_EQ(metadata.document_class.value, DocumentClassName(c.expected));
    EXPECT_FALSE(metadata.document_class.evidence.empty());
    EXPECT_EQ(metadata.fiscal_year.value, c.year) << metadata.fiscal_year.evidence;
    EXPECT_EQ(metadata.kind, c.kind) << metadata.doc_kind.evidence;
    EXPECT_EQ(metadata.doc_kind.value, c.kind == DocKind::kUnknown ? "" : DocKindName(c.kind));
    if (c.kind == DocKind::kUnknown) {
      EXPECT_FALSE(metadata.doc_kind.missing_reason.empty());
    }
  }
}

// A government book's tables look like a department's (一般公共预算支出决算表 with
// function codes) but cover the whole government: they stay `other`, the
// document class is recorded as evidence and table.unclassified says why. The same
// table in a department's disclosure keeps its kind.
TEST(DocumentClassTest, GovernmentTablesAreNotDepartmentKinds) {
  const std::vector<std::vector<std::string>> grid = {
      {"科目编码", "科目名称", "决算数"},
      {"201", "一般公共服务支出", "1,200.00"},
      {"20101", "人大事务", "1,200.00"},
      {"", "合计", "1,200.00"},
  };
  struct Case {
    const char* name;
    std::vector<std::string> cover;
    const char* kind;
    bool unclassified;
  };
  const Case cases[] = {
      {"city final accounts book",
       {"北京市2024年市级决算", "北京市财政局", "北京市人民代表大会常务委员会会议文件"},
       "other",
       true},
      {"department final accounts",
       {"北京市审计局", "2024年度部门决算", "编制单位：北京市审计局"},
       "final.general_budget_expenditure",
       false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Document document = DocumentBuilder()
                                  .Page(c.cover)
                                  .Page({"一般公共预算支出决算表", "单位：万元"})
                                  .Table(grid)
                                  .Build();
    const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
    ASSERT_EQ(normalized.tables.size(), 1u);
    const CanonicalTable& table = normalized.tables[0];
    EXPECT_EQ(table.kind, c.kind);
    bool class_evidence = false;
    for (const KindEvidence& item : table.evidence) {
      class_evidence = class_evidence || item.source == "document_class";
    }
    EXPECT_EQ(class_evidence, c.unclassified);
    int unclassified = 0;
    for (const Finding& finding : normalized.findings) {
      if (finding.check != "table.unclassified") continue;
      ++unclassified;
      EXPECT_NE(finding.message.find("government_report"), std::string::npos) << finding.message;
    }
    EXPECT_EQ(unclassified, c.unclassified ? 1 : 0);
  }
}

TEST(DocumentClassTest, NoTextIsUnknownWithAReason) {
  const DocumentMetadata metadata = ExtractMetadata(DocumentBuilder().Page({}).Build());
  EXPECT_EQ(metadata.doc_class, DocumentClass::kUnknown);
  EXPECT_TRUE(metadata.document_class.value.empty());
  EXPECT_FALSE(metadata.document_class.missing_reason.empty());
}

// A scan whose title page OCR read too badly to count: its few department statements decide,
// and with none the class is unknown (not other: nothing says the scan is something else), so
// its tables keep the kinds their titles name. The same lines in a text layer are class other.
TEST(DocumentClassTest, OcrScanReadTooBadlyIsNotOther) {
  struct Case {
    std::vector<std::string> cover;
    std::vector<std::string> body;
    DocumentClass ocr;
  };
  const Case cases[] = {
      // js_wuxi_hrss / sd_yantai_audit scans: cover lines garbled, one table title read.
      {{"2026委灶台凡审庆-避襄久预算"},
       {"公开01表", "收支预算总表", "单位;万元"},
       DocumentClass::kDepartmentDisclosure},
      {{"2026年度", "闹刀站世法加"}, {"一般公共预算支出表", "单位;万元"}, DocumentClass::kUnknown},
      // A finance bureau's own budget whose cover was read badly: its 编制部门 lines name the
      // bureau as the department; they are no finance bureau signing a government report.
      {{"门:上海市 它区财政局"},
       {"2025年部门财政拨款收支预算总表", "编制部门：上海市普陀区财政局 单位：元",
        "2025年部门一般公共预算基本支出部门预算经济分类预算表",
        "编制部门：上海市普陀区财政局 单位：元"},
       DocumentClass::kDepartmentDisclosure},
      // A scan that says what else it is stays other.
      {{"长沙市财政局关于下达2025年普惠金融发展专项资金预算的通知"},
       {"收支预算总表"},
       DocumentClass::kOther},
  };
  for (const Case& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Document document = DocumentBuilder().Page(c.cover).Page(c.body).Build();
      for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = origin;
      const DocumentMetadata metadata = ExtractMetadata(document);
      EXPECT_EQ(metadata.doc_class, origin == TextOrigin::kOcr ? c.ocr : DocumentClass::kOther)
          << c.cover.front() << " " << TextOriginName(origin);
      if (metadata.doc_class == DocumentClass::kUnknown) {
        EXPECT_FALSE(metadata.document_class.missing_reason.empty());
      }
    }
  }
}

TEST(DocumentClassTest, FindingForReportsAndOthersOnly) {
  auto findings_of = [](const Document& document) {
    int count = 0;
    Severity severity = Severity::kError;
    for (const Finding& finding : Normalize(document, NormalizeOptions{}).findings) {
      if (finding.check != "document.class") continue;
      ++count;
      severity = finding.severity;
    }
    return std::make_pair(count, severity);
  };
  auto report =
      findings_of(DocumentBuilder()
                      .Page({"关于洛阳市2024年预算执行情况和", "2025年预算（草案）的报告"})
                      .Build());
  EXPECT_EQ(report.first, 1);
  EXPECT_EQ(report.second, Severity::kInfo);
  auto other = findings_of(DocumentBuilder().Page({"2022年度专项支出绩效评价报告"}).Build());
  EXPECT_EQ(other.first, 1);
  EXPECT_EQ(other.second, Severity::kWarning);
  auto department =
      findings_of(DocumentBuilder().Page({"杭州市司法局", "2026 年度部门预算", "目录"}).Build());
  EXPECT_EQ(department.first, 0);
}

}  // namespace
}  // namespace disclose
