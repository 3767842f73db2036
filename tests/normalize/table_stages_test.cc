// Each stage of the table pipeline (normalize/table_stages.h) on its own:
// its input built by hand, its output checked, table-driven where the cases
// are many.
#include "normalize/table_stages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/table_code_pieces.h"
#include "normalize/table_figure.h"
#include "normalize/table_stitch_join.h"
#include "normalize/tables.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

Block Text(const std::string& text) {
  Paragraph paragraph;
  paragraph.text = text;
  return Block{paragraph};
}

const std::vector<std::vector<std::string>> kExpenditureGrid = {
    {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
    {"201", "一般公共服务支出", "1,000.00", "600.00", "400.00"},
    {"20101", "人大事务", "1,000.00", "600.00", "400.00"},
};

// ------------------------------------------------------------------ locate

struct LocateCase {
  const char* name;
  std::vector<std::string> before;  // paragraphs above the table
  std::vector<std::vector<std::string>> grid;
  std::string after;  // paragraph below the table ("" for none)
  std::string title;
  UnitOfAmount unit;
};

class LocateTest : public testing::TestWithParam<LocateCase> {};

TEST_P(LocateTest, FindsTitleAndUnit) {
  const LocateCase& test = GetParam();
  Document document;
  for (const std::string& text : test.before) document.blocks.push_back(Text(text));
  document.blocks.push_back(Block{Grid(test.grid)});
  if (!test.after.empty()) document.blocks.push_back(Text(test.after));
  std::vector<Finding> findings;
  std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);
  ASSERT_EQ(located.size(), 1u);
  EXPECT_EQ(located[0].block, static_cast<int>(test.before.size()));
  EXPECT_EQ(located[0].title, test.title);
  EXPECT_EQ(located[0].unit ? located[0].unit->unit : UnitOfAmount::kUnknown, test.unit);
  EXPECT_TRUE(findings.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LocateTest,
    testing::Values(
        LocateCase{"TitleAndUnitAbove",
                   {"公开03表", "一般公共预算财政拨款支出决算表", "金额单位：万元"},
                   kExpenditureGrid,
                   "",
                   "一般公共预算财政拨款支出决算表",
                   UnitOfAmount::kWanYuan},
        LocateCase{"WrappedTitle",
                   {"一般公共预算财政拨款支出预算", "表", "单位：元"},
                   kExpenditureGrid,
                   "",
                   "一般公共预算财政拨款支出预算表",
                   UnitOfAmount::kYuan},
        LocateCase{"TitleInFrameUnitAfter",
                   {},
                   {{"项目支出绩效目标表", "", ""}, {"项目名称", "金额", "目标"}},
                   "单位：万元",
                   "项目支出绩效目标表",
                   UnitOfAmount::kWanYuan},
        // Wrapped near its middle (a narrow page): neither half is a title alone,
        // and the second alone reads as another kind (支出决算表).
        LocateCase{"TitleWrappedInTwoHalves",
                   {"附表5", "一般公共预算财政拨款基本", "支出决算表", "单位：元"},
                   kExpenditureGrid,
                   "",
                   "一般公共预算财政拨款基本支出决算表",
                   UnitOfAmount::kYuan},
        LocateCase{"TitleWrappedInOneParagraph",
                   {"公开05表\n一、一般公共预算财政\n拨款支出决算表\n金额单位：万元"},
                   kExpenditureGrid,
                   "",
                   "一、一般公共预算财政拨款支出决算表",
                   UnitOfAmount::kWanYuan},
        // A department's name above the title is no part of it.
        LocateCase{"DepartmentLineAboveTitle",
                   {"南京市国有资产监督管理委员会", "收支预算总表", "单位：元"},
                   kExpenditureGrid,
                   "",
                   "收支预算总表",
                   UnitOfAmount::kYuan},
        // The title, number and unit in the frame's first (merged) rows; the
        // part heading above names no table.
        LocateCase{"CaptionInFrameBeatsPartHeading",
                   {"第二部分 2023年度部门决算表"},
                   {{"四、财政拨款收入支出决算总表", "", ""},
                    {"单位：元", "", ""},
                    {"项目", "金额", "项目"},
                    {"一、一般公共预算财政拨款", "1.00", "一般公共服务支出"}},
                   "",
                   "四、财政拨款收入支出决算总表",
                   UnitOfAmount::kYuan},
        LocateCase{"WrappedTitleInFrame",
                   {},
                   {{"附表3", "", ""},
                    {"一般公共预算财政拨款", "", ""},
                    {"基本支出决算表", "", ""},
                    {"编制单位：南京市商务局", "", ""},
                    {"单位：万元", "", ""},
                    {"科目编码", "科目名称", "人员经费"},
                    {"301", "工资福利支出", "1.00"}},
                   "",
                   "一般公共预算财政拨款基本支出决算表",
                   UnitOfAmount::kWanYuan},
        // A list of tables above the part heading names every table, not this
        // one: the title is not looked for above the heading.
        LocateCase{"ListOfTablesAboveThePartHeading",
                   {"目录", "七、一般公共预算“三公”经费支出表", "八、政府性基金预算支出表",
                    "第二部分 2023年度部门预算表", "预算01表", "单位：元"},
                   kExpenditureGrid,
                   "",
                   "",
                   UnitOfAmount::kYuan},
        // The previous table's note and this one's title read as one line at
        // the foot of the page before (sweep s1_0046, s1_0082): the title
        // after the note's full stop.
        LocateCase{"TitleAfterTheNoteAbove",
                   {"注：本表金额单位转换时可能存在尾数误差。成都市农业农村局2023年部门支出决算表"},
                   kExpenditureGrid,
                   "",
                   "成都市农业农村局2023年部门支出决算表",
                   UnitOfAmount::kUnknown},
        // "单位：万" at the end of the title's line, its 元 wrapped onto a line
        // of its own (s1_0282_final): the bare 元 is the rest of 万元.
        LocateCase{"UnitWrappedAfterWan",
                   {"一般公共预算财政拨款“三公”经费支出决算表 单位：万", "元"},
                   kExpenditureGrid,
                   "",
                   "一般公共预算财政拨款“三公”经费支出决算表 单位：万",
                   UnitOfAmount::kWanYuan},
        LocateCase{"NoTitle", {"正文一段。"}, kExpenditureGrid, "", "", UnitOfAmount::kUnknown}),
    [](const testing::TestParamInfo<LocateCase>& param) { return std::string(param.param.name); });

TEST(LocateTest, TooLargeGridIsReportedNotLocated) {
  Document document;
  document.blocks.push_back(Block{Grid(kExpenditureGrid)});
  std::vector<Finding> findings;
  LocateOptions options;
  options.max_columns = 3;
  EXPECT_TRUE(LocateTables(document, options, findings).empty());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "table.too_large");
}

// A scan that read nothing of the first table's own number line (a lone 一、):
// the list of tables before the part heading prints 三、, which is not this
// table's number; a number line below the heading still is.
TEST(LocateTest, NumberNotTakenFromAboveAPartHeading) {
  for (const bool own_number : {false, true}) {
    Document document;
    for (const char* line : {"三、一般公共预算财政拨款基本支出决算表",
                             "四、财政拨款“三公”经费支出决算表", "第二部分 2022年度部门决算表"}) {
      document.blocks.push_back(Text(line));
    }
    if (own_number) document.blocks.push_back(Text("一、"));
    document.blocks.push_back(Text("单位：元"));
    document.blocks.push_back(Block{Grid(kExpenditureGrid)});
    std::vector<Finding> findings;
    const std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);
    ASSERT_EQ(located.size(), 1u);
    EXPECT_EQ(located[0].number, own_number ? std::optional<int>(1) : std::nullopt) << own_number;
  }
}

// Paragraphs of one origin (`lines`) and a grid under them.
Document LinesAboveAGrid(const std::vector<std::string>& lines, TextOrigin origin,
                         const std::vector<std::vector<std::string>>& grid) {
  Document document;
  for (const std::string& line : lines) {
    Block block = Text(line);
    block.AsParagraph()->provenance.origin = origin;
    document.blocks.push_back(block);
  }
  document.blocks.push_back(Block{Grid(grid)});
  return document;
}

// The one table LocateTables finds in `document` (which it points into); a failure, and a table
// located nowhere, when it finds another number.
LocatedTable OnlyLocated(const Document& document) {
  std::vector<Finding> findings;
  const std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);
  EXPECT_EQ(located.size(), 1u);
  return located.size() == 1 ? located[0] : LocatedTable{};
}

// s3w_0000_final, s3w_0005_budget on a scan: the header line read as a paragraph, and its lower
// lines (类 款 项 misread 类 豆 项, a stray 5 下, 栏次) as paragraphs of their own between it and
// the grid. They do not count among the few blocks a header is looked for in; on a text layer
// they still do.
TEST(LocateTest, OcrHeaderAboveItsLowerLinesReadApart) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const Document document = LinesAboveAGrid(
        {"部门支出决算表", "金额单位：万元", "功能分类科目编码 科目名称 合计 基本支出 项目支出",
         "类 豆 项", "5 下", "栏次"},
        origin,
        {{"合计", "", "", "", "906.49", "906.49"},
         {"201", "", "", "一般公共服务支出", "906.49", "906.49"}});
    EXPECT_EQ(OnlyLocated(document).header_above.size(), origin == TextOrigin::kOcr ? 5u : 0u)
        << TextOriginName(origin);
  }
}

// s21w_0081_budget (PDF): the header, its 栏次 line and the 合计 row at a page foot read as
// paragraphs, the 栏次 line repeated over the grid on the next page. 栏次 lines are a header's
// lower lines on any reader, and do not count among the few blocks a header is looked for in;
// before, the header was out of reach and the grid's 21 figures went unkeyed.
TEST(LocateTest, HeaderAboveBeyondItsColumnNumbersLines) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const Document document = LinesAboveAGrid(
        {"2026年部门支出总体情况表", "单位：万元", "功能分类科目 合计 基本支出 项目支出",
         "栏次 1 2 3", "合计 19.01 18.60 0.41", "栏次 1 2 3"},
        origin,
        {{"210卫生健康支出", "0.70", "0.70", ""}, {"21011行政事业单位医疗", "0.70", "0.70", ""}});
    EXPECT_EQ(OnlyLocated(document).header_above,
              (std::vector<std::string>{"功能分类科目", "合计", "基本支出", "项目支出"}))
        << TextOriginName(origin);
  }
  // A line of numbers that is no 栏次 line (a row's amounts) still counts.
  const Document amounts = LinesAboveAGrid(
      {"2026年部门支出总体情况表", "单位：万元", "功能分类科目 合计 基本支出 项目支出", "1 2 3",
       "合计 19.01 18.60 0.41", "1 2 3"},
      TextOrigin::kTextLayer,
      {{"210卫生健康支出", "0.70", "0.70", ""}, {"21011行政事业单位医疗", "0.70", "0.70", ""}});
  EXPECT_TRUE(OnlyLocated(amounts).header_above.empty());
}

// s24w_0078_final (PDF): the header line at the top of a page, the grid at the top of the next
// (the 合计 row between, read as text). Its box says which columns its words head, on a page as
// wide; on a page of another width, or two pages up, it says nothing.
TEST(LocateTest, HeaderAboveOnThePageBeforeKeepsItsBox) {
  struct Case {
    const char* name;
    int header_page;
    double header_page_width;
    bool box;
  };
  for (const Case& c : {Case{"PageBefore", 3, 842, true}, Case{"OtherWidth", 3, 595, false},
                        Case{"TwoPagesUp", 2, 842, false}}) {
    Document document = LinesAboveAGrid(
        {"收入决算表", "单位：万元", "科目编码 科目名称 本年收入合计 财政拨款收入 其他收入"},
        TextOrigin::kTextLayer,
        {{"205教育支出", "15.24", "15.24"}, {"20508进修及培训", "15.24", "15.24"}});
    for (Block& block : document.blocks) {
      if (Paragraph* paragraph = block.AsParagraph()) {
        paragraph->provenance.page = c.header_page;
        paragraph->provenance.box = Box{51.1, 56.55, 678.9, 68.25};
      } else if (Table* table = block.AsTable()) {
        table->provenance.page = 4;
        table->provenance.box = Box{51.1, 56.55, 632.1, 332.85};
      }
    }
    document.pages = {Page{2, 842, 595}, Page{3, c.header_page_width, 595}, Page{4, 842, 595}};
    const LocatedTable located = OnlyLocated(document);
    EXPECT_EQ(located.header_above.size(), 5u) << c.name;
    EXPECT_EQ(located.header_above_box.has_value(), c.box) << c.name;
  }
}

// s3w_0146_budget on a scan: the header read as paragraphs above its grid, the first line of the
// wrapped 一般公共预算拨款 glued to 其他收入 beside it and its rest 算拨款 on the 类 款 项 line.
// The rest completes the cut word, whether read apart or glued; a text layer's lines stay as
// printed.
TEST(LocateTest, OcrHeaderWordCompletedByItsRestOnTheCodeWordsLine) {
  struct Case {
    const char* name;
    TextOrigin origin;
    const char* header_line;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"Glued",
       TextOrigin::kOcr,
       "功能分类科目编码 科目名称 合计 一般公共预其他收入",
       {"功能分类科目编码", "科目名称", "合计", "一般公共预算拨款", "其他收入"}},
      {"Apart",
       TextOrigin::kOcr,
       "功能分类科目编码 科目名称 合计 一般公共预 其他收入",
       {"功能分类科目编码", "科目名称", "合计", "一般公共预算拨款", "其他收入"}},
      {"TextLayer",
       TextOrigin::kTextLayer,
       "功能分类科目编码 科目名称 合计 一般公共预其他收入",
       {"功能分类科目编码", "科目名称", "合计", "一般公共预其他收入"}},
  };
  for (const Case& c : cases) {
    const Document document = LinesAboveAGrid(
        {"收入预算总表", "单位:万元", c.header_line, "类 款 项 算拨款", "栏次 1 2 3"}, c.origin,
        {{"206", "01", "", "科学技术管理事务", "7,487.22", "7,487.22"},
         {"合计", "", "", "", "14,378.24", "14,378.24"}});
    EXPECT_EQ(OnlyLocated(document).header_above, c.words) << c.name;
  }
}

// H25 s3w_0391_final on a scan: a continued table's header printed again over its first row and
// read with it as one line (都目编码 笠生保季和就业支出 本年收入合计 4119,853.64 …). Skipped
// for its digits, the grid below had no header and its 22 figures went unkeyed. On a scan the
// line's words without digits are the header when they name three figure columns; a total row
// names fewer (本年收入合计 … 本年支出合计), and a text layer prints no such overlap.
TEST(LocateTest, OcrHeaderReadWithTheRowItWasPrintedOver) {
  struct Case {
    const char* name;
    TextOrigin origin;
    const char* line;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"OverARow",
       TextOrigin::kOcr,
       "都目编码 笠生保季和就业支出 本年收入合计 4119,853.64 财政拨款收入 4119,853.64 其他收入",
       {"都目编码", "笠生保季和就业支出", "本年收入合计", "财政拨款收入", "其他收入"}},
      {"ATotalRow", TextOrigin::kOcr, "本年收入合计 4,853.02 本年支出合计 4,853.02", {}},
      // The 栏次 row read onto the header's line, its 1 lost (H47 s3w_0751_budget).
      {"WithTheColumnNumbers",
       TextOrigin::kOcr,
       "科目编码 科目名称 合计 一般公共预算拨款 其他收入栏次 2",
       {"科目编码", "科目名称", "合计", "一般公共预算拨款", "其他收入"}},
      {"TextLayer",
       TextOrigin::kTextLayer,
       "科目编码 社会保障和就业支出 本年收入合计 4,119,853.64 财政拨款收入 4,119,853.64 其他收入",
       {}},
  };
  for (const Case& c : cases) {
    const Document document =
        LinesAboveAGrid({"收入决算表", "金额单位：元", c.line}, c.origin,
                        {{"20805行政事业单位养老支出", "2,969,189.46", "2,969,189.46"},
                         {"2080501行政单位离退休", "883,918.11", "883,918.11"}});
    EXPECT_EQ(OnlyLocated(document).header_above, c.words) << c.name;
  }
}

// H11 s3w_0171_final on a scan: the 三公 table's title right above its grid, its words read apart
// (一般公共预算财政拨款 “三公 ”经费支出决算表单位:万元), was taken for a header naming two
// figure columns (general_budget, final). A title is no header line.
TEST(LocateTest, OcrTitleIsNoHeaderAbove) {
  const Document document = LinesAboveAGrid(
      {"一般公共预算财政拨款 “三公 ”经费支出决算表单位:万元"}, TextOrigin::kOcr,
      {{"项目 决算数\n合计", "59.15"}, {"因公出国（境）费", "0.00"}, {"公务接待费", "15.55"}});
  EXPECT_TRUE(OnlyLocated(document).header_above.empty());
  // A header line whose words name a kind but print no 表 (H12 s3w_0181_budget's 收入总表 over
  // its grid, 合计 read 计) stays the header.
  const Document header = LinesAboveAGrid(
      {"收入总表", "功能分类科目编码 科目名称 计 一般公共预算拨款 其他收入", "类 二 项", "栏次"},
      TextOrigin::kOcr, {{"206", "", "", "科学技术支出", "59.47", "59.47"}});
  EXPECT_EQ(OnlyLocated(header).header_above,
            (std::vector<std::string>{"功能分类科目编码", "科目名称", "计", "一般公共预算拨款",
                                      "其他收入"}));
}

// s3w_0058_budget on a scan: between the title and the grid on the next page, the header's lines
// (计 出, 款, 栏次 1 2 3) and the 合计 row read as paragraphs pushed the title and unit beyond the
// few blocks looked through; the grid stayed untitled and was later stitched onto the table
// before it. On a scan such lines do not count in the window; a text layer's still do.
TEST(LocateTest, OcrTitleAboveTableLinesReadAsParagraphs) {
  struct Case {
    const char* name;
    TextOrigin origin;
    const char* line;  // one more paragraph between the title and the grid
    const char* title;
  };
  const Case cases[] = {
      {"Ocr", TextOrigin::kOcr, "9", "三、2023 年支出预算总表"},
      {"TextLayer", TextOrigin::kTextLayer, "9", ""},
  };
  for (const Case& c : cases) {
    Document document;
    for (const char* line : {"三、2023 年支出预算总表", "金额单位; 万元",
                             "功能分类科目编码 科目名称 本年支出合。基本支出项目支", "计 出",
                             "款 册、", "栏次 工 2 3", "合计 34,533.62 26,062.7 8,470.8", c.line}) {
      Block block = Text(line);
      block.AsParagraph()->provenance.origin = c.origin;
      document.blocks.push_back(block);
    }
    document.blocks.push_back(
        Block{Grid({{"201", "", "", "一般公共服务支出", "4,761.04", "1,143.00", "3,618.04"}})});
    std::vector<Finding> findings;
    const std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);
    ASSERT_EQ(located.size(), 1u) << c.name;
    EXPECT_EQ(located[0].title, c.title) << c.name;
    EXPECT_EQ(located[0].unit_before.has_value(), *c.title != '\0') << c.name;
  }
}

// ---------------------------------------------------------------- identify

struct IdentifyCase {
  const char* name;
  std::string title;
  DocKind doc_kind;
  std::vector<std::vector<std::string>> grid;
  std::string kind;
  std::vector<std::string> sources;  // evidence sources, in order
  bool disagreement;
  bool printed_empty;
};

class IdentifyTest : public testing::TestWithParam<IdentifyCase> {};

TEST_P(IdentifyTest, KindFromAllTheEvidence) {
  const IdentifyCase& test = GetParam();
  const Table grid = Grid(test.grid);
  LocatedTable located;
  located.title = test.title;
  located.table = &grid;
  std::vector<Finding> findings;
  const IdentifiedTable identified =
      IdentifyTable(located, IdentifyOptions{test.doc_kind}, findings);
  EXPECT_EQ(identified.kind, test.kind);
  std::vector<std::string> sources;
  for (const KindEvidence& evidence : identified.evidence) sources.push_back(evidence.source);
  EXPECT_EQ(sources, test.sources);
  EXPECT_EQ(!findings.empty() && findings[0].check == "table.kind_disagreement", test.disagreement);
  EXPECT_EQ(identified.printed_empty, test.printed_empty);
}

const std::vector<std::vector<std::string>> kBasicGrid = {
    {"科目编码", "科目名称", "合计", "人员经费", "公用经费"},
    {"301", "工资福利支出", "600.00", "600.00", ""},
    {"30101", "基本工资", "300.00", "300.00", ""},
    {"302", "商品和服务支出", "100.00", "", "100.00"},
};

// Income and expenditure side by side, the expenditure split by fund: the
// fiscal appropriation summary's columns (s2w_0113_final, printed with its
// number only, the number misread on the scan); a summary without them is the
// department's.
const std::vector<std::vector<std::string>> kFundSummaryGrid = {
    {"收入", "", "支出", "", "", ""},
    {"项目", "金额", "项目（按功能分类）", "合计", "一般公共预算财政拨款",
     "政府性基金预算财政拨款"},
    {"一般公共预算财政拨款", "100.00", "一般公共服务支出", "100.00", "100.00", ""},
    {"本年收入合计", "100.00", "本年支出合计", "100.00", "100.00", ""},
};
const std::vector<std::vector<std::string>> kSummaryGrid = {
    {"收入", "", "支出", ""},
    {"项目", "金额", "项目（按功能分类）", "金额"},
    {"一般公共预算财政拨款", "100.00", "一般公共服务支出", "100.00"},
    {"本年收入合计", "100.00", "本年支出合计", "100.00"},
};

INSTANTIATE_TEST_SUITE_P(
    Cases, IdentifyTest,
    testing::Values(IdentifyCase{"UntitledSummaryByFund",
                                 "",
                                 DocKind::kFinalAccounts,
                                 kFundSummaryGrid,
                                 "final.fiscal_appropriation_summary",
                                 {"header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"UntitledSummary",
                                 "",
                                 DocKind::kFinalAccounts,
                                 kSummaryGrid,
                                 "final.income_expenditure_summary",
                                 {"header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"Title",
                                 "收入支出决算表",
                                 DocKind::kFinalAccounts,
                                 {{"项目", "金额"}, {"合计", "1.00"}},
                                 "final.income_expenditure_summary",
                                 {"title"},
                                 false,
                                 false},
                    IdentifyCase{"TitleWithFunctionBody",
                                 "一般公共预算财政拨款支出预算表",
                                 DocKind::kBudget,
                                 kExpenditureGrid,
                                 "budget.general_budget_expenditure",
                                 {"title", "header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"UntitledFromHeaderAndBody",
                                 "",
                                 DocKind::kBudget,
                                 kExpenditureGrid,
                                 "budget.expenditure",
                                 {"header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"UnrecognisedTitleEconomicBody",
                                 "表5 经济分类情况",
                                 DocKind::kFinalAccounts,
                                 kBasicGrid,
                                 "final.general_budget_basic_expenditure",
                                 {"title", "header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"TitleDisagreesWithBody",
                                 "政府性基金预算支出表",
                                 DocKind::kBudget,
                                 kBasicGrid,
                                 "budget.gov_fund",
                                 {"title", "header", "body"},
                                 true,
                                 false},
                    IdentifyCase{"EmptyTable",
                                 "国有资本经营预算支出表",
                                 DocKind::kBudget,
                                 {{"科目编码", "科目名称", "合计"}, {"", "本表无数据", ""}},
                                 "budget.state_capital",
                                 {"title"},
                                 false,
                                 true},
                    IdentifyCase{"NewKinds",
                                 "财政拨款支出预算表（按经济分类）",
                                 DocKind::kBudget,
                                 {{"项目", "金额"}, {"合计", "1.00"}},
                                 "budget.fiscal_appropriation_expenditure_economic",
                                 {"title"},
                                 false,
                                 false},
                    // A procurement list whose title OCR lost (or read as another
                    // table): its 采购品目 | 采购组织形式 label columns name it, characters
                    // doubled by the recognizer or not.
                    IdentifyCase{"UntitledProcurementList",
                                 "",
                                 DocKind::kBudget,
                                 {{"采购品目大类", "专项名称", "采购组织形式", "资金来源"},
                                  {"合计", "", "", "4,931.43"},
                                  {"货物", "办公费", "集中采购", "2.00"}},
                                 "budget.gov_procurement",
                                 {"header"},
                                 false,
                                 false},
                    IdentifyCase{"ProcurementHeaderDoubledByOcr",
                                 "公开13表",
                                 DocKind::kBudget,
                                 {{"采采购购品品目大目类大类", "采采购购组组织织形形式", "总计"},
                                  {"合计", "", "10,095.43"},
                                  {"货物", "集中采购", "349.62"}},
                                 "budget.gov_procurement",
                                 {"title", "header"},
                                 false,
                                 false},
                    // A columnar 三公 table whose title OCR lost (“三 read as 王,
                    // js_highcourt_2019 p14): its item columns name it.
                    IdentifyCase{"ThreePublicItemColumns",
                                 "王公经费、会议费、培训费支出预算表",
                                 DocKind::kBudget,
                                 {{"合计", "“三公”经费", "", "", "会议费"},
                                  {"", "小计", "因公出国(境)费", "公务用车购置及运行费", ""},
                                  {"2382.02", "513.75", "160.00", "266.80", "271.02"}},
                                 "budget.three_public",
                                 {"title", "header"},
                                 false,
                                 false},
                    // Item columns beside function codes are no 三公 table.
                    IdentifyCase{"ThreePublicWordsOverFunctionCodes",
                                 "",
                                 DocKind::kBudget,
                                 {{"科目编码", "科目名称", "因公出国(境)费", "公务接待费"},
                                  {"201", "一般公共服务支出", "1.00", "2.00"},
                                  {"20101", "人大事务", "1.00", "2.00"}},
                                 "other",
                                 {"header", "body"},
                                 false,
                                 false},
                    IdentifyCase{"NothingToGoBy",
                                 "",
                                 DocKind::kBudget,
                                 {{"项目", "金额"}, {"合计", "1.00"}},
                                 "other",
                                 {},
                                 false,
                                 false}),
    [](const testing::TestParamInfo<IdentifyCase>& param) {
      return std::string(param.param.name);
    });

// The kind IdentifyTable gives `grid`, its cells read as `origin`, under `title`.
std::string KindOf(Table grid, TextOrigin origin, const std::string& title, DocKind doc_kind) {
  for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
  LocatedTable located;
  located.title = title;
  located.table = &grid;
  std::vector<Finding> findings;
  return IdentifyTable(located, IdentifyOptions{doc_kind}, findings).kind;
}

// H39 s3w_0613_budget on a scan: the title's 表 read 圾 (2025 年一般公共预算支出情况圾): no title
// was located, and the table, its header and body those of an expenditure table, was read as the
// department's 支出总表 (31 figures under the wrong kind, silent). A scanned line that names a
// table with 表 in its last place is the title, read so; a header line of words apart (… 项目支出)
// is none, nor is a text layer's line.
TEST(LocateTest, OcrTitleWithItsTableMisread) {
  struct Case {
    const char* name;
    std::string line;
    TextOrigin origin;
    std::string title;  // located
    std::string kind;   // identified
  };
  const Case cases[] = {
      {"Misread", "2025 年一般公共预算支出情况圾", TextOrigin::kOcr,
       "2025 年一般公共预算支出情况圾", "budget.general_budget_expenditure"},
      {"HeaderWordsApart", "科目编码 科目名称 合计 基本支出 项目支出", TextOrigin::kOcr, "",
       "budget.expenditure"},
      // H40 s3w_0629_budget: a summary's row label read as a line above the next grid; with 款
      // for 表 it would name the 政府性基金 table (the general-budget table read so, silent).
      {"SummaryRowLabel", "二、政府性基金预算拨款", TextOrigin::kOcr, "", "budget.expenditure"},
      {"TextLayer", "2025 年一般公共预算支出情况圾", TextOrigin::kTextLayer, "",
       "budget.expenditure"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document document =
        LinesAboveAGrid({"公开03表", c.line, "单位:万元"}, c.origin, kExpenditureGrid);
    for (TableCell& cell : document.blocks.back().AsTable()->cells)
      cell.provenance.origin = c.origin;
    std::vector<Finding> findings;
    std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);
    ASSERT_EQ(located.size(), 1u);
    EXPECT_EQ(located[0].title, c.title);
    EXPECT_EQ(IdentifyTable(located[0], IdentifyOptions{DocKind::kBudget}, findings).kind, c.kind);
  }
}

// An OCR'd title with Latin noise in it (一般公共 AAA预算支出表) is classified without the
// letters; a text layer's title is classified as printed.
TEST(IdentifyTest, OcrTitleWithLatinNoise) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    EXPECT_EQ(
        KindOf(Grid(kExpenditureGrid), origin, "一般公共 AAA预算支出表", DocKind::kBudget),
        origin == TextOrigin::kOcr ? "budget.general_budget_expenditure" : "budget.expenditure");
  }
}

// s3w_0059_budget on a scan: “三公” read as 4 一AN left 一般公共预算 … 经费支出表, which names the
// general-budget table, over the rows of a 三公 table: its six figures went under the wrong
// kind. An OCR'd title with Latin noise whose rows name another family names no kind; a text
// layer's, or a title read without noise, is kept as titled (with a disagreement finding).
TEST(IdentifyTest, OcrTitleWithLatinNoiseOverRowsOfAnotherFamily) {
  struct Case {
    const char* name;
    const char* title;
    TextOrigin origin;
    const char* kind;
  };
  const Case cases[] = {
      {"OcrNoisy", "表3 2024 年一般公共预算 4 一AN 经费支出表", TextOrigin::kOcr,
       "budget.three_public"},
      {"TextLayer", "表3 2024 年一般公共预算 4 一AN 经费支出表", TextOrigin::kTextLayer,
       "budget.general_budget_expenditure"},
      {"OcrWithoutNoise", "2024年一般公共预算支出表", TextOrigin::kOcr,
       "budget.general_budget_expenditure"},
  };
  for (const Case& c : cases) {
    const Table grid = Grid({{"项目", "预算数"},
                             {"合计", "207.27"},
                             {"因公出国（境）费", "9.01"},
                             {"公务用车购置及运行费", "181.69"},
                             {"其中：公务用车购置费", "131.72"},
                             {"公务用车运行费", "49.97"},
                             {"公务接待费", "16.57"}});
    EXPECT_EQ(KindOf(grid, c.origin, c.title, DocKind::kBudget), c.kind) << c.name;
  }
}

// s3w_0087_budget on a scan: “三公” lost outright, 一般公共预算"经费支出预算表 names the general-
// budget table over the rows of a 三公 table (its six figures went silently under
// general_budget_expenditure with empty row codes); s3w_0059's 4 一AN 经费支出表 is the same class.
// An OCR'd title that keeps the scar of the lost word (经费, or the quotes around it) over 三公
// rows names no kind, and the rows name the 三公 table; a title without the scar, a text layer's
// title, or such a title over rows of function classes is kept as titled.
TEST(IdentifyTest, OcrTitleThatLostItsThreePublicOverThreePublicRows) {
  struct Case {
    const char* name;
    const char* title;
    TextOrigin origin;
    bool three_public_rows;
    const char* kind;
  };
  const Case cases[] = {
      {"QuotesAndJingfeiLeft", "江苏省人民检察院2021 年一般公共预算支出\"经费支出预算表单位：万元",
       TextOrigin::kOcr, true, "budget.three_public"},
      {"JingfeiLeft", "2021年一般公共预算经费支出预算表", TextOrigin::kOcr, true,
       "budget.three_public"},
      {"QuotesLeft", "2021年一般公共预算“”支出预算表", TextOrigin::kOcr, true,
       "budget.three_public"},
      {"NoScar", "2021年一般公共预算支出预算表", TextOrigin::kOcr, true,
       "budget.general_budget_expenditure"},
      {"TextLayer", "2021 年一般公共预算支出\"经费支出预算表", TextOrigin::kTextLayer, true,
       "budget.general_budget_expenditure"},
      {"FunctionRows", "2021 年一般公共预算支出\"经费支出预算表", TextOrigin::kOcr, false,
       "budget.general_budget_expenditure"},
  };
  for (const Case& c : cases) {
    const Table three_public = Grid({{"项目", "预算数"},
                                     {"合计", "108.29"},
                                     {"因公出国(境)费", "29.16"},
                                     {"公务用车购置及运行费", "64.61"},
                                     {"其中:公务用车购置费", "31.15"},
                                     {"公务用车运行费", "33.46"},
                                     {"公务接待费", "14.52"}});
    EXPECT_EQ(KindOf(c.three_public_rows ? three_public : Grid(kExpenditureGrid), c.origin, c.title,
                     DocKind::kBudget),
              c.kind)
        << c.name;
  }
}

// s3w_0066_final and s3w_0074_final on a scan: 财政拨款收入支出决算总表 read
// 财政拨坎收入支出决算总表, which names the plain summary, over a header that splits the
// expenditure by fund: its eleven figures went silently under final.income_expenditure_summary. On
// an OCR'd grid such a title names the fiscal appropriation summary, whatever the misread (or lost)
// 财政拨款; a header of one amount per side keeps the plain summary, and a text layer keeps its
// title.
TEST(IdentifyTest, OcrPlainSummaryTitleOverColumnsByFund) {
  struct Case {
    const char* name;
    const char* title;
    bool by_fund;
    TextOrigin origin;
    const char* kind;
  };
  const Case cases[] = {
      {"MisreadOverFunds", "2023年度财政拨坎收入支出决算总表", true, TextOrigin::kOcr,
       "final.fiscal_appropriation_summary"},
      {"LostOverFunds", "三、收入支出决算总表", true, TextOrigin::kOcr,
       "final.fiscal_appropriation_summary"},
      {"PlainOverOneAmount", "2023年度收入支出决算总表", false, TextOrigin::kOcr,
       "final.income_expenditure_summary"},
      {"TextLayerOverFunds", "2023年度财政拨坎收入支出决算总表", true, TextOrigin::kTextLayer,
       "final.income_expenditure_summary"},
  };
  for (const Case& c : cases) {
    const Table grid =
        c.by_fund
            ? Grid({{"收入", "", "支出", "", "", ""},
                    {"项目", "金额", "项目（按功能分类）", "合计", "一般公共预算财政拨款",
                     "政府性基金预算财政拨款"},
                    {"一、一般公共预算财政拨款", "3,529.37", "社会保障和就业支出", "1,445.17",
                     "1,445.17", ""},
                    {"本年收入合计", "3,529.37", "本年支出合计", "3,529.37", "3,529.37", ""}})
            : Grid({{"收入", "", "支出", ""},
                    {"项目", "金额", "项目（按功能分类）", "金额"},
                    {"一、一般公共预算财政拨款", "3,529.37", "社会保障和就业支出", "1,445.17"},
                    {"本年收入合计", "3,529.37", "本年支出合计", "3,529.37"}});
    EXPECT_EQ(KindOf(grid, c.origin, c.title, DocKind::kFinalAccounts), c.kind) << c.name;
  }
}

// H11 s3w_0161_budget on a scan: the fiscal summary's title misread (收支预算总赤) and its
// expenditure header's 一般公共预算 | 政府性基金预算 read as one word over an empty fund column:
// no column keyed gov_fund, so the header named the plain summary and eleven figures went under
// it. One header cell naming both funds is the split by fund all the same; a header naming one
// fund, or none, is not.
TEST(IdentifyTest, BothFundsInOneHeaderCell) {
  struct Case {
    const char* name;
    const char* fund_header;
    const char* kind;
  };
  const Case cases[] = {
      {"BothInOneCell", "一般公共预算政府性基金预算", "budget.fiscal_appropriation_summary"},
      {"BothWithASpace", "一般公共预算 政府性基金预算", "budget.fiscal_appropriation_summary"},
      {"GeneralBudgetAlone", "一般公共预算", "budget.income_expenditure_summary"},
      {"NeitherFund", "预算数", "budget.income_expenditure_summary"},
  };
  for (const Case& c : cases) {
    const Table grid =
        Grid({{"收入", "", "支出", "", ""},
              {"项目", "预算数", "支出功能分类", "合计", c.fund_header},
              {"一、一般公共预算拨款", "115,331.79", "一般公共服务支出", "56,508.28", "56,508.28"},
              {"本年收入合计", "115,331.79", "本年支出合计", "115,331.79", "115,331.79"}});
    EXPECT_EQ(KindOf(grid, TextOrigin::kOcr, "", DocKind::kBudget), c.kind) << c.name;
  }
}

// H11 s3w_0164_budget on a scan: the basic-expenditure table's title read with its 基本 as 支出
// (一般公共预算支出支出经济分类情况表), which names the economic-class table of all expenditure.
// Its header's figure columns, 人员经费 | 公用经费 alone, split 基本支出 only: the header decides.
// Over 基本支出 | 项目支出 the title stands; a text layer's title is as printed.
TEST(IdentifyTest, OcrEconomicTitleOverPersonnelAndPublicColumns) {
  struct Case {
    const char* name;
    std::vector<std::string> header;
    TextOrigin origin;
    const char* kind;
  };
  const Case cases[] = {
      {"PersonnelAndPublic",
       {"科目编码", "科目名称", "人员经费", "公用经费"},
       TextOrigin::kOcr,
       "budget.general_budget_basic_expenditure"},
      {"BasicAndProject",
       {"科目编码", "科目名称", "基本支出", "项目支出"},
       TextOrigin::kOcr,
       "budget.general_budget_expenditure_economic"},
      {"TextLayer",
       {"科目编码", "科目名称", "人员经费", "公用经费"},
       TextOrigin::kTextLayer,
       "budget.general_budget_expenditure_economic"},
  };
  for (const Case& c : cases) {
    const Table grid = Grid({c.header,
                             {"301", "工资福利支出", "5,520.92", ""},
                             {"30102", "津贴补贴", "1,211.62", ""},
                             {"302", "商品和服务支出", "", "3,626.60"}});
    EXPECT_EQ(KindOf(grid, c.origin, "一般公共预算支出支出经济分类情况表", DocKind::kBudget),
              c.kind)
        << c.name;
  }
}

// hn_changsha_police_2025_budget: a 项目支出绩效目标表 printed with no title (the page before
// ends on another table's note), its header naming the project's funds, 绩效目标 and the
// indicators' levels: a performance table by its header, not `other`. With 得分 or 分值 in the
// header it is a self-evaluation; the indicators alone, without a 绩效 word, name nothing.
TEST(IdentifyTest, PerformanceTableKnownByItsHeader) {
  struct Case {
    std::vector<std::string> first_header_row;
    std::string kind;
  };
  for (const Case& c : std::vector<Case>{
           {{"单位编码", "单位（项目）名称", "资金总额", "绩效目标", "绩效指标", "", ""},
            "performance.targets"},
           {{"单位编码", "项目名称", "资金总额", "绩效目标", "绩效指标", "", "分值"},
            "performance.self_evaluation"},
           {{"单位编码", "项目名称", "资金总额", "年度目标", "指标", "", ""}, "other"}}) {
    const Table grid = Grid({c.first_header_row,
                             {"", "", "", "", "一级指标", "二级指标", "指标值"},
                             {"106001", "大型警保卫及基础设施安全保护工作经费", "428.69",
                              "发挥公安职能", "成本指标", "经济成本指标", "100"}});
    LocatedTable located;
    located.table = &grid;
    std::vector<Finding> findings;
    const IdentifiedTable identified =
        IdentifyTable(located, IdentifyOptions{DocKind::kBudget}, findings);
    EXPECT_EQ(identified.kind, c.kind) << c.first_header_row[3];
    EXPECT_TRUE(findings.empty());
  }
}

// An OCR'd title whose fund name lost characters (一般公共 read 一般人, 一般人4必AN) names the
// general-budget table, not the department's 支出表 its tail names; a text layer's title is
// classified as printed.
TEST(IdentifyTest, OcrTitleWithItsFundNameMisread) {
  for (const std::string title : {"一般人 预算支出表", "一般人4必AN 预算支出表"}) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      EXPECT_EQ(
          KindOf(Grid(kExpenditureGrid), origin, title, DocKind::kBudget),
          origin == TextOrigin::kOcr ? "budget.general_budget_expenditure" : "budget.expenditure")
          << title;
    }
  }
}

// H18 s3w_0281_budget on a scan: 一般公共蔬算基本支出表, its fund name misread in a title that
// names a kind without it (基本支出表: the department's basic expenditure), exported the general
// budget's basic-expenditure figures under the department's table, silent. The fund name put
// back names the fund's table of the same family; a text layer's title as printed.
TEST(IdentifyTest, OcrTitleNamingAKindWithItsFundNameMisread) {
  const std::vector<std::vector<std::string>> basic = {
      {"科目编码", "科目名称", "人员经费", "公用经费"},
      {"301", "工资福利支出", "69.36", ""},
      {"30102", "津贴补贴", "32.63", ""},
      {"302", "商品和服务支出", "", "18.26"}};
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    EXPECT_EQ(KindOf(Grid(basic), origin, "一般公共蔬算基本支出表", DocKind::kBudget),
              origin == TextOrigin::kOcr ? "budget.general_budget_basic_expenditure"
                                         : "budget.basic_expenditure")
        << TextOriginName(origin);
  }
  EXPECT_EQ(KindOf(Grid(basic), TextOrigin::kOcr, "基本支出表", DocKind::kBudget),
            "budget.basic_expenditure");
}

// s3w_0061_final on a scan: the income table's header and 合计 row at one page's foot, its coded
// rows on the next; the 三公 table's 项目 | 决算数 and 合计 row likewise. The first grid's body
// names no family, so each table stayed `other` and all its figures went unkeyed: the rows of
// the parts stitched after it name it. A title naming a kind, a number naming another fitting
// kind, later parts naming two families, or a first part whose own body names a family leave
// the kind as it was.
TEST(IdentifyTest, KindFromTheRowsOfAContinuation) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> first;
    std::vector<std::vector<std::vector<std::string>>> rest;
    std::vector<KindEvidence> evidence;  // the first part's, besides header and body
    std::string kind;
  };
  const std::vector<std::vector<std::string>> income_first = {
      {"科目编码", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"},
      {"", "合计", "7,992,206.56", "7,992,206.56", ""}};
  const std::vector<std::vector<std::string>> income_rest = {
      {"201", "一般公共服务支出", "3,174,896.28", "3,174,896.28", ""},
      {"20101", "人大事务", "1,972,283.82", "1,972,283.82", ""},
      {"2010101", "行政运行", "846,845.92", "846,845.92", ""}};
  const std::vector<std::vector<std::string>> three_public_first = {{"项目", "决算数"},
                                                                    {"合计", "35,872.16"}};
  const std::vector<std::vector<std::string>> three_public_rest = {
      {"因公出国（境）费", "0.00"},
      {"公务用车购置及运行维护费", "29,209.93"},
      {"其中：公务用车购置费", "20,594.07"},
      {"公务用车运行维护费", "8,615.86"},
      {"公务接待费", "6,662.23"}};
  const std::vector<std::vector<std::string>> economic_rest = {
      {"301", "工资福利支出", "3,174,896.28", "3,174,896.28", ""},
      {"30101", "基本工资", "1,972,283.82", "1,972,283.82", ""},
      {"30102", "津贴补贴", "846,845.92", "846,845.92", ""}};
  // H s3w_0105: the header alone on page 2, the coded rows on page 3, its number 三、 read 一、.
  const std::vector<std::vector<std::string>> expenditure_first = {
      {"功能分类科目编码", "", "", "科目名称", "本年支出合计", "基本支出", "项目支出"}};
  const std::vector<std::vector<std::string>> expenditure_rest = {
      {"类", "款", "项", "", "", "", ""},
      {"合计", "", "", "", "291,092.88", "128,273.79", "162,819.09"},
      {"208", "", "", "社会保障和就业支出", "291,092.88", "128,273.79", "162,819.09"},
      {"208", "05", "", "行政事业单位养老支出", "114,924.49", "38,922.54", "76,001.95"},
      {"208", "05", "05", "机关事业单位基本养老保险缴费支出", "114,924.49", "38,922.54",
       "76,001.95"}};
  std::vector<std::vector<std::string>> income_with_codes = income_first;
  income_with_codes.push_back({"201", "一般公共服务支出", "1.00", "1.00", ""});
  income_with_codes.push_back({"20101", "人大事务", "1.00", "1.00", ""});
  const Case cases[] = {
      {"IncomeRowsOnTheNextPage", income_first, {income_rest}, {}, "final.income"},
      {"ThreePublicItemsOnTheNextPage",
       three_public_first,
       {three_public_rest},
       {},
       "final.three_public"},
      {"OnePartOnly", income_first, {}, {}, "other"},
      {"TitleNamingNoKind",
       income_first,
       {income_rest},
       {KindEvidence{"title", "2024年部门预算", ""}},
       "final.income"},
      {"DocumentClass",
       income_first,
       {income_rest},
       {KindEvidence{"document_class", "government_report", ""}},
       "other"},
      {"NumberNamingAnotherFittingKind",
       income_first,
       {income_rest},
       {KindEvidence{"number", "三、 -> listed: 支出决算表", "final.expenditure"}},
       "other"},
      {"NumberNamingAKindTheHeaderRulesOut",
       expenditure_first,
       {expenditure_rest},
       {KindEvidence{"number", "一、 -> listed: 部门收支决算总表",
                     "final.income_expenditure_summary"}},
       "final.expenditure"},
      {"NumberNamingAnotherKindTheHeaderFits",
       expenditure_first,
       {expenditure_rest},
       {KindEvidence{"number", "五、 -> listed: 一般公共预算财政拨款支出决算表",
                     "final.general_budget_expenditure"}},
       "other"},
      {"PartsNamingTwoFamilies", income_first, {income_rest, economic_rest}, {}, "other"},
      {"FirstPartBodyNamesAFamily", income_with_codes, {three_public_rest}, {}, "other"},
  };
  for (const Case& c : cases) {
    std::deque<Table> grids;
    grids.push_back(Grid(c.first));
    grids.back().pages = {3};
    for (std::size_t i = 0; i < c.rest.size(); ++i) {
      grids.push_back(Grid(c.rest[i]));
      grids.back().pages = {static_cast<int>(4 + i)};
    }
    StitchedTable stitched;
    stitched.canonical.kind = "other";
    stitched.canonical.evidence = c.evidence;
    for (std::size_t i = 0; i < grids.size(); ++i) {
      stitched.parts.push_back(TablePart{static_cast<int>(i), &grids[i], AnalyzeHeader(grids[i])});
    }
    std::vector<StitchedTable> tables = {stitched};
    std::vector<Finding> findings;
    IdentifyByContinuedBody(tables, IdentifyOptions{DocKind::kFinalAccounts}, findings);
    EXPECT_EQ(tables[0].canonical.kind, c.kind) << c.name;
    const bool said =
        !tables[0].canonical.evidence.empty() &&
        tables[0].canonical.evidence.back().source == "body" &&
        tables[0].canonical.evidence.back().text.find("(continued on page 4)") != std::string::npos;
    EXPECT_EQ(said, c.kind != "other") << c.name;
  }
}

// A scanned title that lost its “三公” (一般公共预算公 经费支出预算表, H51 s3w_0807_budget) over a
// header-only part, the 三公 items on the next page: the title read as the general-budget table
// and kept that kind, six figures silently under it. Its scar (经费, or the quotes) over 三公 rows
// on the continuation names no kind, as over the table's own rows; a title without the scar, a
// text layer's title, or rows of the title's own family leave the kind as titled.
TEST(IdentifyTest, ScarredTitleOverThreePublicRowsOnTheNextPage) {
  const std::vector<std::vector<std::string>> header_only = {{"项目", "预算数"}};
  const std::vector<std::vector<std::string>> items = {{"合计", "35,043.01"},
                                                       {"因公出国〈境) 费", "6,382.54"},
                                                       {"公务用车购置及运行旨", "26,896.30"},
                                                       {"其中:公务用车购置费", "0.00"},
                                                       {"公务用车运行费", "26,896.30"},
                                                       {"公务接待费", "1,764.17"}};
  const std::vector<std::vector<std::string>> coded = {{"201", "一般公共服务支出", "2,459,048.21"},
                                                       {"20101", "人大事务", "1,312,496.86"}};
  struct Case {
    const char* name;
    std::string title;
    bool ocr;
    std::vector<std::vector<std::string>> rest;
    std::string kind;
  };
  const std::string titled = "budget.general_budget_expenditure";
  const Case cases[] = {
      {"QuotesLeft", "一般公共预算“公 经费支出预算表", true, items, "budget.three_public"},
      {"JingfeiLeft", "一般公共预算公 经费支出预算表", true, items, "budget.three_public"},
      {"NoScar", "一般公共预算支出预算表", true, items, titled},
      {"TextLayer", "一般公共预算公 经费支出预算表", false, items, titled},
      {"RowsOfTheTitlesFamily", "一般公共预算公 经费支出预算表", true, coded, titled},
  };
  for (const Case& c : cases) {
    std::deque<Table> grids;
    grids.push_back(Grid(header_only));
    grids.push_back(Grid(c.rest));
    grids[0].pages = {7};
    grids[1].pages = {8};
    for (Table& grid : grids) {
      for (TableCell& cell : grid.cells) {
        cell.provenance.origin = c.ocr ? TextOrigin::kOcr : TextOrigin::kTextLayer;
      }
    }
    StitchedTable stitched;
    stitched.canonical.kind = titled;
    stitched.canonical.printed_title = c.title;
    stitched.canonical.evidence = {
        KindEvidence{"title", c.title, titled},
        KindEvidence{"number", "附表6 -> listed: 一般公共预算“三公”经费支出预算表",
                     "budget.three_public"}};
    for (std::size_t i = 0; i < grids.size(); ++i) {
      stitched.parts.push_back(TablePart{static_cast<int>(i), &grids[i], AnalyzeHeader(grids[i])});
    }
    std::vector<Finding> findings(1);
    findings[0].check = "table.kind_disagreement";
    findings[0].printed_text = c.title;
    findings[0].message = "table '" + c.title + "' is titled as " + titled + "; kept as titled";
    std::vector<StitchedTable> tables = {stitched};
    IdentifyByContinuedBody(tables, IdentifyOptions{DocKind::kBudget}, findings);
    EXPECT_EQ(tables[0].canonical.kind, c.kind) << c.name;
    const bool reread = c.kind != titled;
    EXPECT_EQ(tables[0].canonical.evidence[0].kind, reread ? "" : titled) << c.name;
    EXPECT_EQ(findings[0].message.find("kept as titled") == std::string::npos, reread) << c.name;
    if (reread) {
      EXPECT_NE(findings[0].message.find("read as budget.three_public"), std::string::npos)
          << findings[0].message;
      EXPECT_NE(tables[0].canonical.evidence.back().text.find("(continued on page 8)"),
                std::string::npos)
          << c.name;
    }
  }
}

// The header-only part and its rows on the next page joined by the stitch into one grid (H
// s3w_0105): one part, two source blocks; identification saw the header alone. The rows the join
// brought identify it, as a continuation's do; a table whose own rows named a family at
// identification (a body evidence entry) is left as it is.
TEST(IdentifyTest, KindFromTheRowsAJoinBrought) {
  Table joined =
      Grid({{"功能分类科目编码", "", "", "科目名称", "本年支出合计", "基本支出", "项目支出"},
            {"类", "款", "项", "", "", "", ""},
            {"合计", "", "", "", "291,092.88", "128,273.79", "162,819.09"},
            {"208", "", "", "社会保障和就业支出", "291,092.88", "128,273.79", "162,819.09"},
            {"208", "05", "", "行政事业单位养老支出", "114,924.49", "38,922.54", "76,001.95"}});
  joined.pages = {2, 3};
  for (const bool body_read : {false, true}) {
    StitchedTable stitched;
    stitched.canonical.kind = "other";
    stitched.canonical.source_blocks = {21, 22};
    stitched.canonical.pages = {2, 3};
    stitched.canonical.evidence = {KindEvidence{"number", "一、 -> listed: 部门收支决算总表",
                                                "final.income_expenditure_summary"}};
    if (body_read) {
      stitched.canonical.evidence.push_back(KindEvidence{"body", "function codes 208", ""});
    }
    stitched.parts.push_back(TablePart{21, &joined, AnalyzeHeader(joined)});
    std::vector<StitchedTable> tables = {stitched};
    std::vector<Finding> findings;
    IdentifyByContinuedBody(tables, IdentifyOptions{DocKind::kFinalAccounts}, findings);
    EXPECT_EQ(tables[0].canonical.kind, body_read ? "other" : "final.expenditure");
    if (!body_read) {
      EXPECT_NE(tables[0].canonical.evidence.back().text.find("(continued on page 3)"),
                std::string::npos);
    }
  }
}

// ------------------------------------------------------------------ stitch

IdentifiedTable Identified(int block, const Table* table, const std::string& title,
                           const std::string& kind,
                           std::optional<UnitDeclaration> unit_before = std::nullopt) {
  IdentifiedTable identified;
  identified.located.block = block;
  identified.located.table = table;
  identified.located.title = title;
  identified.located.unit_before = unit_before;
  identified.located.unit = unit_before;
  identified.kind = kind;
  identified.header = AnalyzeHeader(*table);
  return identified;
}

// A grid on `page`: the header row, then the body.
Table PageGrid(const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& body, int page) {
  std::vector<std::vector<std::string>> rows = {header};
  rows.insert(rows.end(), body.begin(), body.end());
  Table table = Grid(rows);
  table.pages = {page};
  return table;
}

// `first`, titled `title` of `kind`, and the untitled grid `second` after it, stitched.
std::vector<StitchedTable> StitchUntitledAfter(const Table& first, const std::string& title,
                                               const std::string& kind, const Table& second,
                                               std::deque<Table>& owned,
                                               std::vector<Finding>& findings) {
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &first, title, kind));
  identified.push_back(Identified(1, &second, "", "other"));
  return StitchTables(std::move(identified), StitchOptions{}, owned, findings);
}

// The last row, cell by cell, of the one part `body` makes stacked onto the header part `head`
// (StitchUntitledAfter); empty unless it stacks into one part of `columns` columns.
std::vector<std::string> LastRowStackedOnto(const Table& head, const std::string& title,
                                            const std::string& kind, const Table& body,
                                            int columns) {
  std::deque<Table> owned;
  std::vector<Finding> findings;
  const std::vector<StitchedTable> stitched =
      StitchUntitledAfter(head, title, kind, body, owned, findings);
  if (stitched.size() != 1 || stitched[0].parts.size() != 1) return {};
  const Table& grid = *stitched[0].parts[0].table;
  if (grid.column_count != columns) return {};
  std::vector<std::string> row;
  for (int c = 0; c < columns; ++c) row.emplace_back(grid.TextAt(grid.row_count - 1, c));
  return row;
}

// A cell of a hand-built grid at (row, column), spanning `span` columns.
TableCell TextCell(int row, int column, const char* text, int span = 1) {
  TableCell cell;
  cell.row = row;
  cell.column = column;
  cell.column_span = span;
  cell.text = text;
  return cell;
}

// H16 s3w_0249_budget on a scan: a 三公 table whose title inside its frame was misread, on the
// page the general-budget table above it ends on, was stitched onto that table and its 合计
// exported as the general budget's total, silent. An untitled grid whose own header and body
// name the 三公 table (identify's kind) starts a table of its own there; so it does over a page
// break when it prints a header of its own keying an amount column (项目 | 预算数: H23
// s3w_0354_final, its number line lost, stitched on as 公用经费 rows). Over a page break with no
// header (a continuation whose rows merely read so), or when it names no kind, it continues.
TEST(StitchTest, UntitledThreePublicGridUnderAnotherKindOnItsPageIsATableOfItsOwn) {
  struct Case {
    const char* name;
    int page;
    bool header;       // the grid prints 项目 | 预算数 over its rows
    const char* kind;  // identify's kind of the untitled grid
    std::size_t tables;
  };
  const Case cases[] = {
      {"SamePage", 6, true, "budget.three_public", 2},
      {"NextPageUnderAHeaderOfItsOwn", 7, true, "budget.three_public", 2},
      {"NextPageWithoutAHeader", 7, false, "budget.three_public", 1},
      {"NoKind", 6, true, "other", 1},
  };
  for (const Case& c : cases) {
    const Table first = PageGrid({"功能分类科目", "小计", "基本支出", "项目支出"},
                                 {{"210卫生健康支出", "11.87", "11.87", ""}}, 6);
    const std::vector<std::vector<std::string>> rows = {{"合计", "3.55", "", ""},
                                                        {"公务用车购置及运行费", "2.88", "", ""}};
    Table second = c.header ? PageGrid({"项目", "预算数", "", ""}, rows, c.page) : Grid(rows);
    second.pages = {c.page};
    std::vector<IdentifiedTable> identified;
    identified.push_back(Identified(0, &first, "一般公共预算支出功能分类预算表",
                                    "budget.general_budget_expenditure"));
    identified.push_back(Identified(2, &second, "", c.kind));
    std::deque<Table> owned;
    std::vector<Finding> findings;
    const std::vector<StitchedTable> stitched =
        StitchTables(std::move(identified), StitchOptions{}, owned, findings);
    EXPECT_EQ(stitched.size(), c.tables) << c.name;
  }
}

TEST(StitchTest, UntitledSameShapeContinuesAndOtherUnitStartsANewTable) {
  const Table first = Grid(kExpenditureGrid);
  const Table second = Grid({{"202", "外交支出", "5.00", "5.00", ""}});
  const Table third = Grid({{"203", "国防支出", "7.00", "7.00", ""}});
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &first, "支出决算表", "final.expenditure",
                                  UnitDeclaration{"单位：万元", UnitOfAmount::kWanYuan}));
  identified.push_back(Identified(2, &second, "", "other"));
  identified.push_back(
      Identified(4, &third, "", "other", UnitDeclaration{"单位：元", UnitOfAmount::kYuan}));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 2u);
  EXPECT_EQ(stitched[0].parts.size(), 2u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0, 2}));
  EXPECT_EQ(stitched[0].canonical.kind, "final.expenditure");
  EXPECT_EQ(stitched[0].printed_unit, "单位：万元");
  EXPECT_EQ(stitched[1].declared, UnitOfAmount::kYuan);
}

// The title printed again on the next page (Yantai 公开表3 支出总体情况表 on pages
// 10 and 11, Changsha 一般公共预算基本支出情况表): the part continues the table. A
// part under the same title that opens with its own 合计 (one table per sub-unit)
// or that is not on the next page starts a new table.
TEST(StitchTest, TitleRepeatedOnTheNextPageContinues) {
  auto grid = [](const std::vector<std::vector<std::string>>& body, int page) {
    return PageGrid({"科目编码", "科目名称", "合计"}, body, page);
  };
  const Table first = grid({{"", "合计", "10.00"}, {"201", "一般公共服务支出", "4.00"}}, 10);
  const Table second = grid({{"208", "社会保障和就业支出", "6.00"}}, 11);
  const Table unit = grid({{"", "合计", "3.00"}, {"201", "一般公共服务支出", "3.00"}}, 12);
  const Table later = grid({{"210", "卫生健康支出", "1.00"}}, 20);
  std::vector<IdentifiedTable> identified;
  for (const auto& [block, table] : std::vector<std::pair<int, const Table*>>{
           {0, &first}, {2, &second}, {4, &unit}, {6, &later}}) {
    identified.push_back(Identified(block, table, "支出总体情况表", "budget.expenditure"));
  }
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 3u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0, 2}));
  EXPECT_EQ(stitched[1].canonical.source_blocks, (std::vector<int>{4}));
  EXPECT_EQ(stitched[2].canonical.source_blocks, (std::vector<int>{6}));
}

// Yantai prints 公开表5 before the title on every page, and OCR reads the number differently
// on each (公开炎5, 公开去5, or loses it): the title repeated after a misread number still
// continues the table. Another prefix (a sub-unit's name) or a shared tail that names no kind
// of its own (情况表) starts a new table, and a text layer's titles must match as printed.
TEST(StitchTest, OcrTitleRepeatedAfterAMisreadNumberContinues) {
  struct Case {
    const char* first;
    const char* next;
    TextOrigin origin;
    bool continues;
  };
  const Case cases[] = {
      {"公开炎5一般公共预算支出情况表", "公开去5一般公共预算支出情况表", TextOrigin::kOcr, true},
      {"一般公共预算支出情况表", "公开妇10一般公共预算支出情况表", TextOrigin::kOcr, true},
      {"闻AS1加oO1一般公共预算支出情况表", "公开赤5一般公共预算支出情况表", TextOrigin::kOcr, true},
      {"公开炎5一般公共预算支出情况表", "公开去5一般公共预算支出情况表", TextOrigin::kTextLayer,
       false},
      {"审计局一般公共预算支出情况表", "统计局一般公共预算支出情况表", TextOrigin::kOcr, false},
      {"公开表5一般公共预算支出情况表", "公开表6政府性基金预算支出情况表", TextOrigin::kOcr, false},
  };
  for (const Case& c : cases) {
    auto grid = [&c](const std::vector<std::vector<std::string>>& body, int page) {
      Table table = PageGrid({"科目编码", "科目名称", "合计"}, body, page);
      for (TableCell& cell : table.cells) cell.provenance.origin = c.origin;
      return table;
    };
    const Table first = grid({{"", "合计", "10.00"}, {"201", "一般公共服务支出", "4.00"}}, 18);
    const Table second = grid({{"208", "社会保障和就业支出", "6.00"}}, 19);
    std::vector<IdentifiedTable> identified;
    identified.push_back(Identified(0, &first, c.first, "budget.general_budget_expenditure"));
    identified.push_back(Identified(2, &second, c.next, "budget.general_budget_expenditure"));
    std::deque<Table> owned;
    std::vector<Finding> findings;
    std::vector<StitchedTable> stitched =
        StitchTables(std::move(identified), StitchOptions{}, owned, findings);
    EXPECT_EQ(stitched.size(), c.continues ? 1u : 2u) << c.first << " / " << c.next;
  }
}

// Two parts of a 财政拨款收入支出决算总表 under its title, stitched (`owned` outlives the result).
std::vector<StitchedTable> StitchSummaryParts(const Table& first, const Table& second,
                                              std::deque<Table>& owned) {
  std::vector<IdentifiedTable> identified;
  identified.push_back(
      Identified(0, &first, "财政拨款收入支出决算总表", "final.fiscal_appropriation_summary"));
  identified.push_back(
      Identified(2, &second, "财政拨款收入支出决算总表", "final.fiscal_appropriation_summary"));
  std::vector<Finding> findings;
  return StitchTables(std::move(identified), StitchOptions{}, owned, findings);
}

// A summary cut inside a row, its title and header repeated on the next page
// (s4w_0053_final): the rest of the cut label (金预算财政拨款, nothing else in
// its row) reads as one more header row of the part, and the part's first
// body row then seemed its own 本年收入合计, a sub-unit's table: not stitched,
// its label column keyed by the fragment, and its income totals lost silently.
// The rows after those repeating the first part's top decide.
TEST(StitchTest, TitleRepeatedOverTheRestOfACutRowContinues) {
  auto grid = [](const std::vector<std::vector<std::string>>& body, int page) {
    return PageGrid({"项目", "金额", "项目（按功能分类）", "合计"}, body, page);
  };
  const Table first = grid({{"一、一般公共预算财政拨款", "7.51", "教育支出", "5.02"},
                            {"二、政府性基", "", "城乡社区支出", "2.49"}},
                           10);
  const Table second =
      grid({{"金预算财政拨款", "", "", ""}, {"本年收入合计", "7.51", "本年支出合计", "7.51"}}, 11);
  std::deque<Table> owned;
  const std::vector<StitchedTable> stitched = StitchSummaryParts(first, second, owned);
  ASSERT_EQ(stitched.size(), 1u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0, 2}));
  EXPECT_EQ(std::string(stitched[0].parts[0].table->TextAt(2, 0)), "二、政府性基\n金预算财政拨款");
}

// A summary's last row alone on the next page under its repeated title and header
// (s29w_0015_final: 总计 | 55,950,914.59 | 总计 | …): a summary ends with its 总计, so the part
// continues a summary above that has not printed its own; after one that has, the part is
// another summary (another unit's).
TEST(StitchTest, SummaryGrandTotalUnderTheRepeatedTitleContinues) {
  struct Case {
    const char* name;
    bool above_has_grand_total;
    std::size_t tables;
  };
  for (const Case& c : {Case{"above lacks 总计", false, 1u}, Case{"above has 总计", true, 2u}}) {
    auto grid = [](const std::vector<std::vector<std::string>>& body, int page) {
      return PageGrid({"项目", "金额", "项目（按功能分类）", "合计"}, body, page);
    };
    std::vector<std::vector<std::string>> upper_rows = {
        {"一、一般公共预算财政拨款", "7.51", "教育支出", "7.51"},
        {"本年收入合计", "7.51", "本年支出合计", "7.51"}};
    if (c.above_has_grand_total) upper_rows.push_back({"收入总计", "7.51", "支出总计", "7.51"});
    const Table first = grid(upper_rows, 10);
    const Table second = grid({{"总计", "7.51", "总计", "7.51"}}, 11);
    std::deque<Table> owned;
    const std::vector<StitchedTable> stitched = StitchSummaryParts(first, second, owned);
    EXPECT_EQ(stitched.size(), c.tables) << c.name;
  }
}

// A table printed with its number and unit only (预算03表 above it; the title
// is in the document's list of tables, s2w_0006_budget) is not the continuation
// of the table before it, even of the same shape and unit; a part that prints
// its table's own number again (表二（之三）) still continues it.
TEST(StitchTest, NumberOnlyTableStartsANewTable) {
  const Table first = Grid(kExpenditureGrid);
  const Table numbered = Grid(kExpenditureGrid);
  const Table again = Grid({{"202", "外交支出", "5.00", "5.00", ""}});
  const Table unnumbered = Grid({{"203", "国防支出", "7.00", "7.00", ""}});
  auto with_number = [](IdentifiedTable table, int number, const std::string& text) {
    table.located.number = number;
    table.located.number_text = text;
    return table;
  };
  std::vector<IdentifiedTable> identified;
  identified.push_back(with_number(Identified(0, &first, "", "budget.income"), 2, "预算02表"));
  identified.push_back(
      with_number(Identified(2, &numbered, "", "budget.expenditure"), 3, "预算03表"));
  identified.push_back(with_number(Identified(4, &again, "", "other"), 3, "表三（之二）"));
  identified.push_back(Identified(6, &unnumbered, "", "other"));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 2u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0}));
  EXPECT_EQ(stitched[0].canonical.kind, "budget.income");
  EXPECT_EQ(stitched[1].canonical.source_blocks, (std::vector<int>{2, 4, 6}));
  EXPECT_EQ(stitched[1].canonical.kind, "budget.expenditure");
}

// A title and unit drawn in the frame at a page foot, alone on their page, with the header
// and body on the next (s7w_0056_budget: 一、2023年支出预算总表 | 单位：万元, both spanning the
// frame): the caption part is stacked onto the rows below, whose header keys the columns. Its
// 一、 title is no ordinal body label, so the part counts as header-only.
TEST(StitchTest, CaptionRowsAloneAtAPageFootTakeTheHeaderBelow) {
  Table caption;
  caption.row_count = 2;
  caption.column_count = 5;
  caption.pages = {1};
  for (const char* text : {"一、2023年支出预算总表", "单位：万元"}) {
    TableCell cell;
    cell.row = static_cast<int>(caption.cells.size());
    cell.column_span = 5;
    cell.text = text;
    caption.cells.push_back(cell);
  }
  EXPECT_TRUE(OnlyCaptionRows(caption));
  EXPECT_FALSE(OnlyCaptionRows(Grid({{"一、收支总表"}, {"二、收入总表"}})));  // a list of titles
  Table body = Grid(kExpenditureGrid);
  body.pages = {2};
  std::vector<IdentifiedTable> parts(2);
  parts[0] = Identified(0, &caption, "一、2023年支出预算总表", "budget.expenditure");
  parts[1] = Identified(1, &body, "", "other");
  std::deque<Table> stacked;
  std::vector<Finding> reported;
  const std::vector<StitchedTable> tables =
      StitchTables(std::move(parts), StitchOptions{}, stacked, reported);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].canonical.source_blocks, (std::vector<int>{0, 1}));
  ASSERT_EQ(tables[0].parts.size(), 1u);
  const HeaderAnalysis& header = tables[0].parts[0].header;
  EXPECT_EQ(header.header_rows, 3);
  EXPECT_EQ(header.keys, (std::vector<std::string>{"", "", "total", "basic", "project"}));
}

// A ruled 三公 table whose header row the page break cut in two (a row allowed to break across
// pages, s93wn_0017_final): 因公出 | 公务用车购置及运行维护 | 公务接 at the foot of one page,
// 国（境）费 | 费 | 待费 in the same cells on top of the next. Stacked as two header rows the item
// columns were known by neither half, and overseas and reception were lost with no finding. Cells
// spanning the same columns on both sides are one cell's halves where joined they name more items.
TEST(StitchTest, HeaderRowCutByAPageBreakNamesTheThreePublicItems) {
  Table upper;
  upper.row_count = 2;
  upper.column_count = 6;
  upper.pages = {5};
  upper.continues_on_next_page = true;
  upper.cells = {TextCell(0, 0, "预算数", 6), TextCell(1, 0, "合计"), TextCell(1, 1, "因公出"),
                 TextCell(1, 2, "公务用车购置及运行维护", 3), TextCell(1, 5, "公务接")};
  Table lower;
  lower.row_count = 3;
  lower.column_count = 6;
  lower.pages = {6};
  lower.continued_from_previous_page = true;
  lower.cells = {TextCell(0, 0, ""),
                 TextCell(0, 1, "国\n（境）\n费"),
                 TextCell(0, 2, "费", 3),
                 TextCell(0, 5, "待费"),
                 TextCell(1, 0, ""),
                 TextCell(1, 1, ""),
                 TextCell(1, 2, "小计"),
                 TextCell(1, 3, "公务用\n车购置\n费"),
                 TextCell(1, 4, "公务用\n车运行\n维护费"),
                 TextCell(1, 5, ""),
                 TextCell(2, 0, "75,118.92"),
                 TextCell(2, 1, "0.00"),
                 TextCell(2, 2, "59,116.36"),
                 TextCell(2, 3, "0.00"),
                 TextCell(2, 4, "59,116.36"),
                 TextCell(2, 5, "16,002.56")};
  std::deque<Table> stacked;
  std::vector<Finding> reported;
  const std::vector<StitchedTable> tables = StitchUntitledAfter(
      upper, "财政拨款“三公”经费支出决算表", "final.three_public", lower, stacked, reported);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].parts.size(), 1u);
  const Table& grid = *tables[0].parts[0].table;
  EXPECT_EQ(RemoveAllWhitespace(grid.TextAt(1, 1)), "因公出国（境）费");
  EXPECT_EQ(RemoveAllWhitespace(grid.TextAt(1, 5)), "公务接待费");
}

// The header alone at a page foot (人员经费 | 公用经费 over three groups of code, name and 决算数),
// the next page opening with a whole row: its amounts say it is a body row. Joined to the
// header's last row as a header row's rest, its codes and names seemed to name more columns, and
// the row was lost with its three amounts, silent (tpl96 s96wn_0007_final).
TEST(StitchTest, RowOfWholeAmountsUnderAHeaderAloneIsNoRestOfTheHeader) {
  Table upper;
  upper.row_count = 2;
  upper.column_count = 7;
  upper.pages = {10};
  upper.continues_on_next_page = true;
  upper.cells = {TextCell(0, 0, "人员经费"),   TextCell(0, 1, ""),
                 TextCell(0, 2, "公用经费"),   TextCell(0, 3, ""),
                 TextCell(0, 4, ""),           TextCell(0, 5, ""),
                 TextCell(0, 6, ""),           TextCell(1, 0, "科目编码科目名称"),
                 TextCell(1, 1, "决算数"),     TextCell(1, 2, "科目编码科目名称"),
                 TextCell(1, 3, "决算数"),     TextCell(1, 4, "科目\n编码"),
                 TextCell(1, 5, "科目\n名称"), TextCell(1, 6, "决算数")};
  Table lower;
  lower.row_count = 2;
  lower.column_count = 7;
  lower.pages = {11};
  lower.continued_from_previous_page = true;
  lower.cells = {TextCell(0, 0, "301工资福利支出"),
                 TextCell(0, 1, "25,543,92\n2.63"),
                 TextCell(0, 2, "302商品和服\n务支出"),
                 TextCell(0, 3, "3,179,10\n8.90"),
                 TextCell(0, 4, "30228"),
                 TextCell(0, 5, "工会\n经费"),
                 TextCell(0, 6, "2,293,63\n6.98"),
                 TextCell(1, 0, "30102津贴补贴"),
                 TextCell(1, 1, "5,394,455\n.49"),
                 TextCell(1, 2, "30201办公费"),
                 TextCell(1, 3, "885,471.\n92"),
                 TextCell(1, 4, ""),
                 TextCell(1, 5, ""),
                 TextCell(1, 6, "")};
  std::deque<Table> stacked;
  std::vector<Finding> reported;
  const std::vector<StitchedTable> tables =
      StitchUntitledAfter(upper, "一般公共预算财政拨款基本支出决算表",
                          "final.general_budget_basic_expenditure", lower, stacked, reported);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0].parts.size(), 1u);
  const Table& grid = *tables[0].parts[0].table;
  ASSERT_EQ(grid.row_count, 4);
  EXPECT_EQ(grid.TextAt(1, 1), "决算数");
  EXPECT_EQ(grid.TextAt(2, 0), "301工资福利支出");
  EXPECT_EQ(RemoveAllWhitespace(grid.TextAt(2, 6)), "2,293,636.98");
}

// A table continues over a page break only. The second table below the first
// one's continuation on the same page, under a unit line of its own, is a table
// of its own even when its number line (二、) was lost to the scan; the part on
// the next page continues its table also when the page repeats the unit line.
TEST(StitchTest, GridBelowOnTheSamePageUnderAUnitLineStartsANewTable) {
  auto on_page = [](const std::vector<std::vector<std::string>>& rows, int page) {
    Table table = Grid(rows);
    table.pages = {page};
    return table;
  };
  const UnitDeclaration yuan{"单位：元", UnitOfAmount::kYuan};
  const Table first = on_page(kExpenditureGrid, 1);
  const Table rest = on_page({{"202", "外交支出", "5.00", "5.00", ""}}, 2);
  const Table second = on_page(kExpenditureGrid, 2);
  const Table second_rest = on_page({{"203", "国防支出", "7.00", "7.00", ""}}, 3);
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &first, "", "final.expenditure", yuan));
  identified.push_back(Identified(2, &rest, "", "other", yuan));
  identified.push_back(Identified(4, &second, "", "final.expenditure", yuan));
  identified.push_back(Identified(6, &second_rest, "", "other", yuan));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 2u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0, 2}));
  EXPECT_EQ(stitched[1].canonical.source_blocks, (std::vector<int>{4, 6}));
}

// Two number-only tables whose number lines the scan lost: the second, on the next page, under
// a header of its own that keys other amount columns, is a table of its own; a page that
// prints the same header again (or one read with a word lost) still continues its table, and so
// does the body under a header alone on the page before.
TEST(StitchTest, GridUnderAHeaderOfOtherColumnsStartsANewTable) {
  auto on_page = [](const std::vector<std::vector<std::string>>& rows, int page) {
    Table table = Grid(rows);
    table.pages = {page};
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    return table;
  };
  const Table income =
      on_page({{"科目编码", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"},
               {"210", "卫生健康支出", "9.00", "9.00", ""}},
              1);
  const Table expenditure = on_page(kExpenditureGrid, 2);
  const Table again = on_page({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                               {"202", "外交支出", "5.00", "5.00", ""}},
                              3);
  const Table misread = on_page({{"科目编码", "科目名称", "合计", "外本文山", "项目支出"},
                                 {"203", "国防支出", "7.00", "7.00", ""}},
                                4);
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &income, "", "final.income"));
  identified.push_back(Identified(2, &expenditure, "", "other"));
  identified.push_back(Identified(4, &again, "", "other"));
  identified.push_back(Identified(6, &misread, "", "other"));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  const std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 2u);
  EXPECT_EQ(stitched[0].canonical.source_blocks, (std::vector<int>{0}));
  EXPECT_EQ(stitched[1].canonical.source_blocks, (std::vector<int>{2, 4, 6}));
  // A text layer's pages were never taken for a new table so (a summary's second page opens
  // with label rows that read as a header of other words): they stitch as before.
  std::vector<IdentifiedTable> text_layer;
  Table plain_income = income;
  Table plain_expenditure = expenditure;
  for (Table* t : {&plain_income, &plain_expenditure}) {
    for (TableCell& cell : t->cells) cell.provenance.origin = TextOrigin::kTextLayer;
  }
  text_layer.push_back(Identified(0, &plain_income, "", "final.income"));
  text_layer.push_back(Identified(2, &plain_expenditure, "", "other"));
  EXPECT_EQ(StitchTables(std::move(text_layer), StitchOptions{}, owned, findings).size(), 1u);
  // A header alone at a page foot, then its body, whose first row is the rest of the header's
  // words cut by the break (财政拨款 under 一般公共预算 and 政府性基金预算, H29 s3w_0458_final):
  // that body is no table of other columns, and continues the header.
  const Table header_alone =
      on_page({{"收入", "", "支出", "", "", ""},
               {"项目", "金额", "项目(按功能", "合计", "一般公共预算", "政府性基金预算"}},
              2);
  const Table body = on_page(
      {{"", "", "分类)", "", "财政拨款", "财政拨款"},
       {"一、一般公共预算财政拨款", "21,791,664.05", "一、一般公共服务支出", "21,791,664.05",
        "21,791,664.05", ""},
       {"本年收入合计", "21,791,664.05", "本年支出合计", "21,791,664.05", "21,791,664.05", ""}},
      3);
  std::vector<IdentifiedTable> cut_header;
  cut_header.push_back(Identified(0, &header_alone, "财政拨款收入支出决算总表",
                                  "final.fiscal_appropriation_summary"));
  cut_header.push_back(Identified(2, &body, "", "final.income_expenditure_summary"));
  EXPECT_EQ(StitchTables(std::move(cut_header), StitchOptions{}, owned, findings).size(), 1u);
}

// A summary's row prints two names, both cut by the break (一、一般公 | 42.31 | 一、教育支 over
// 共预算财政拨款 | | 出, the header repeated above them): each cell below completes the name
// above it, so the halves are one row. Left apart, both rows were keyed by neither half
// (s6w_0066_final, s6w_0128_final, s5w_0086_final: three figures under an empty row code each).
// One half may name its line already, as the whole does (二、政府性基金预算 + 财政拨款收入 beside
// 二、自然资源海洋气 + 象等支出, s21w_0054_final: the expenditure class's 9,436.96 went unkeyed);
// a row below whose names are lines of their own stays a row.
TEST(StitchTest, RowWithTwoNamesCutByPageBreakIsRejoined) {
  struct Case {
    const char* name;
    std::vector<std::string> upper, lower;
    bool joined;
  };
  const Case cases[] = {
      {"BothNamesCompleted",
       {"一、一般公", "42.31", "一、教育支", "7.72"},
       {"共预算财政拨款", "", "出", ""},
       true},
      {"OneHalfNamesItsLineAlready",
       {"二、政府性基金预算", "", "二、自然资源海洋气", "9,436.96"},
       {"财政拨款收入", "", "象等支出", ""},
       true},
      {"RowsOfTheirOwn",
       {"二、政府性基金预算", "", "二、自然资源海洋气象等支出", "9,436.96"},
       {"三、上级补助收入", "", "三、住房保障支出", ""},
       false},
  };
  const std::vector<std::string> header = {"项目", "金额", "项目（按功能分类）", "合计"};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Table first = PageGrid(header, {c.upper}, 3);
    const Table second =
        PageGrid(header, {c.lower, {"本年收入合计", "42.31", "本年支出合计", "42.31"}}, 4);
    std::deque<Table> owned;
    std::vector<Finding> findings;
    std::vector<StitchedTable> stitched =
        StitchUntitledAfter(first, "财政拨款收入支出决算表", "final.fiscal_appropriation_summary",
                            second, owned, findings);
    ASSERT_EQ(stitched.size(), 1u);
    const std::string joined = c.upper[2] + "\n" + c.lower[2];
    EXPECT_EQ(std::string(stitched[0].parts[0].table->TextAt(1, 2)),
              c.joined ? joined : c.upper[2]);
    EXPECT_EQ(findings.size(), c.joined ? 1u : 0u);
  }
}

// H42 s3w_0669_final: a summary's row cut by a page break (一、一般公共预算财 | 25,500. over 政拨款
// | 45) under a header the scan read again with a character changed (项目《〈按功能类) over
// 项目〈按功能分类)): the repeated header was not seen as one, the rest was left a row of its
// own and 25,500. unread. A header row read again, most of each word the same, is repeated; a
// row of figures is not, and neither is a text layer's row that differs.
TEST(StitchTest, RowCutUnderAHeaderReadAgainIsRejoined) {
  auto page = [](const std::string& label_header, std::vector<std::string> body_row, int number,
                 TextOrigin origin) {
    Table table = Grid(
        {{"收入", "", "支出", "", "", ""},
         {"项目", "金额", label_header, "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"},
         body_row});
    for (TableCell& cell : table.cells) cell.provenance.origin = origin;
    table.pages = {number};
    return table;
  };
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const Table first =
        page("项目《〈按功能类)",
             {"一、一般公共预算财", "25,500.", "教育支出", "6,350.9", "6,350.94", ""}, 2, origin);
    const Table second = page("项目〈按功能分类)", {"政拨款", "45", "", "4", "", ""}, 3, origin);
    std::deque<Table> owned;
    std::vector<Finding> findings;
    const std::vector<StitchedTable> stitched =
        StitchUntitledAfter(first, "财政拨款收入支出决算表", "final.fiscal_appropriation_summary",
                            second, owned, findings);
    ASSERT_EQ(stitched.size(), 1u);
    const Table& upper = *stitched[0].parts[0].table;
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(std::string(upper.TextAt(2, 1)), "25,500.\n45");
      EXPECT_EQ(std::string(upper.TextAt(2, 0)), "一、一般公共预算财\n政拨款");
    } else {
      EXPECT_EQ(std::string(upper.TextAt(2, 1)), "25,500.");
    }
  }
}

// A ruled table's row cut by the page break under a header the next page repeats with a cell cut
// short (一般公共 / 预算拨款 over 政府性基 / 金预算拨 / 款, the repeated heading's last line drawn
// into its 栏次 row: s94wn_0012_budget). The repeat was not the first part's rows cell by cell, so
// the rest 4.10 | 0.56 stayed a row of its own and 6,777,84 was read digit for digit. The same
// 栏次 row ends the repeated header: the row under it is the rest of the row the break cut.
TEST(StitchTest, RowCutUnderARepeatedHeaderEndingInColumnNumbersIsRejoined) {
  const Table first = PageGrid({"功能分类科目编码", "科目名称", "合计", "政府性基\n金预算拨\n款"},
                               {{"栏次", "", "1", "2"},
                                {"206", "科学技术支出", "6,777,844.10", "4,748,650.56"},
                                {"2060101", "行政运", "6,777,84", "4,748,65"}},
                               1);
  const Table second = PageGrid({"功能分类科目编码", "科目名称", "合计", "政府性基\n金预算拨"},
                                {{"栏次", "", "1", "2"}, {"", "行", "4.10", "0.56"}}, 2);
  std::deque<Table> owned;
  std::vector<Finding> findings;
  const std::vector<StitchedTable> stitched =
      StitchUntitledAfter(first, "二、收入总体情况表", "budget.income", second, owned, findings);
  ASSERT_EQ(stitched.size(), 1u);
  const Table& upper = *stitched[0].parts[0].table;
  EXPECT_EQ(RemoveAllWhitespace(upper.TextAt(3, 2)), "6,777,844.10");
  EXPECT_EQ(RemoveAllWhitespace(upper.TextAt(3, 3)), "4,748,650.56");
  EXPECT_EQ(RemoveAllWhitespace(upper.TextAt(3, 1)), "行政运行");
}

// A cell's halves joined: on a scan, a point the cut followed that was read as a comma is put
// back when one or two digits follow below (H42 s3w_0666_final: 784,902， over 99 was read
// digit for digit, 78,490,299); a comma before a group of three, an amount cut before its
// point's comma, and a text layer's halves stay as printed.
TEST(StitchTest, CellHalvesJoinedWithAPointReadAsAComma) {
  struct Case {
    const char* above;
    const char* below;
    bool ocr;
    const char* joined;
  };
  const Case cases[] = {
      {"784,902，", "99", true, "784,902.\n99"},
      {"784,902,", "9", true, "784,902.\n9"},
      {"784,902.", "99", true, "784,902.\n99"},
      {"784,902，", "99", false, "784,902，\n99"},
      {"784,", "902.99", true, "784,\n902.99"},
      {"3,27", "9.00", true, "3,27\n9.00"},
      {"78,49,", "99", true, "78,49,\n99"},
      {"12.5,", "9", true, "12.5,\n9"},
      {"", "99", true, "99"},
      {"一、一般公", "共预算财政拨款", true, "一、一般公\n共预算财政拨款"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JoinedHalves(c.above, c.below, c.ocr), c.joined) << c.above << " + " << c.below;
  }
  // Through the stitch: a page of header and one cut row, its rest under the next page's top.
  auto ocr_grid = [](const std::vector<std::vector<std::string>>& rows, int page) {
    Table table = Grid(rows);
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    table.pages = {page};
    return table;
  };
  const Table first =
      ocr_grid({{"功能分类科目编码", "", "", "科目名称", "本年收入合计", "财政拨款收入"},
                {"类", "款", "项", "", "", ""},
                {"合计", "", "", "", "784,902.", "784,902，"}},
               1);
  const Table second = ocr_grid(
      {{"", "", "", "", "99", "99"}, {"212", "", "", "城乡社区支出", "784,902.99", "784,902.99"}},
      2);
  std::deque<Table> owned;
  std::vector<Finding> findings;
  const std::vector<StitchedTable> stitched =
      StitchUntitledAfter(first, "收入决算表", "final.income", second, owned, findings);
  ASSERT_EQ(stitched.size(), 1u);
  EXPECT_EQ(std::string(stitched[0].parts[0].table->TextAt(2, 5)), "784,902.\n99");
}

// A row cut in two by a page break, its rest the first row below (3,27 over 9.00). s14w_0086_budget
// (PDF): the page held the header and the 合计 row alone, its amounts cut after one decimal
// (18,632.0 over 8, the rest on the next page under the repeated header); that page prints no
// whole amount, so the decimals the table prints come from the part below.
TEST(StitchTest, RowCutByPageBreakIsRejoined) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> first, second;
    int row, column;  // the joined cell in the first part
    std::string joined;
  };
  const Case cases[] = {
      {"RestAtTheTopOfThePage",
       {{"科目编码", "科目名称", "合计"},
        {"201", "一般公共服务支出", "1,000.00"},
        {"20101", "人大事务", "3,27"}},
       {{"", "", "9.00"}, {"20102", "政协事务", "1.00"}},
       2,
       2,
       "3,27\n9.00"},
      {"RestUnderARepeatedHeaderNoWholeAmountAbove",
       {{"科目编码", "科目名称", "合计", "一般公共预算拨款"}, {"合计", "", "18,632.0", "18,632.0"}},
       {{"科目编码", "科目名称", "合计", "一般公共预算拨款"},
        {"", "", "8", "8"},
        {"201", "一般公共服务支出", "18,632.08", "18,632.08"},
        {"20103", "政府办公厅（室）及相关机构事务", "8,877.98", "8,877.98"}},
       1,
       2,
       "18,632.0\n8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Table first = Grid(c.first);
    const Table second = Grid(c.second);
    std::deque<Table> owned;
    std::vector<Finding> findings;
    const std::vector<StitchedTable> stitched =
        StitchUntitledAfter(first, "支出决算表", "final.expenditure", second, owned, findings);
    ASSERT_EQ(stitched.size(), 1u);
    EXPECT_EQ(std::string(stitched[0].parts[0].table->TextAt(c.row, c.column)), c.joined);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, "table.row_rejoined");
  }
}

// An unruled table's column that no figure fills (其他收入 blank) is read from
// its header on the first page; the continuation page prints no header, so it
// came with one column fewer and was never stitched. The upper part's empty
// columns are the missing ones when the figure columns line up: the lower part
// gets them back. A figure column that does not line up, a ruled table, or a
// part that is not on the next page keeps its own shape.
struct PadCase {
  const char* name;
  double lower_x1;  // right edge of the continuation's figures (the upper's: 300)
  bool ruled;
  int lower_page;
  std::size_t tables;  // stitched tables expected
  // The title printed again over the continuation (a title inside the frame, repeated with
  // the header: s6w_0103_budget's 预算02表 收入预算总表 on page 3): it continues its table, and
  // its columns come back as an untitled part's do. It was taken for another table of that
  // title and its figures were lost with its unkeyed columns.
  bool repeated_title = false;
  // s3w_0054_final, s3w_0058_budget on a scan: a row OCR read as a line of text ended the grid
  // and the rows below it made a grid of their own on the same page, its empty 其他收入 column
  // lost. On a scan a part below the upper one on its page continues it as a part on the next
  // page does; a text layer's grids were never cut so, and one above is no continuation.
  bool ocr = false;
  double lower_top = 100;  // the continuation's top (the upper part ends at 60)
  // s3w_0058_budget: the upper part stacked onto a header-only part on the page before: its box
  // is that page's (at the foot, below the continuation's top), its cells' are on the
  // continuation's page. Below is read from the cells on that page.
  bool upper_box_on_page_before = false;
};

class PadColumnsTest : public testing::TestWithParam<PadCase> {};

TEST_P(PadColumnsTest, ContinuationGetsTheHeaderOnlyColumnBack) {
  const PadCase& test = GetParam();
  // Figures flush right at x1 = 300 in the 合计 column, 400 in 一般公共预算拨款.
  auto place = [&test](Table& table, int page, double top) {
    table.pages = {page};
    table.provenance.page = page;
    table.provenance.box = Box{40, top, 600, top + 20.0 * table.row_count};
    for (TableCell& cell : table.cells) {
      const double x1 = 100.0 + 100.0 * cell.column;
      cell.provenance.page = page;
      cell.provenance.box = Box{x1 - 60, top + 20.0 * cell.row, x1, top + 20.0 * cell.row + 12};
      if (test.ocr) cell.provenance.origin = TextOrigin::kOcr;
    }
  };
  Table first = Grid({{"科目编码", "科目名称", "合计", "一般公共预算拨款", "其他收入"},
                      {"201", "一般公共服务支出", "10.00", "10.00", ""},
                      {"20101", "人大事务", "10.00", "10.00", ""}});
  place(first, 1, 0);
  Table second = Grid({{"208", "社会保障和就业支出", "6.00", "6.00"}});
  place(second, test.lower_page, test.lower_top);
  for (TableCell& cell : second.cells) {
    if (cell.column >= 2) cell.provenance.box->x1 += test.lower_x1 - 300.0;
  }
  if (test.upper_box_on_page_before) {
    first.pages = {test.lower_page - 1, test.lower_page};
    first.provenance.page = test.lower_page - 1;
    first.provenance.box = Box{40, 700, 600, 760};
    for (TableCell& cell : first.cells) cell.provenance.page = test.lower_page;
  }
  first.ruled = second.ruled = test.ruled;
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &first, "收入总表", "budget.income"));
  identified.push_back(test.repeated_title ? Identified(1, &second, "收入总表", "budget.income")
                                           : Identified(1, &second, "", "other"));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), test.tables);
  if (test.tables != 1) return;
  ASSERT_EQ(stitched[0].parts.size(), 2u);
  const Table& lower = *stitched[0].parts[1].table;
  EXPECT_EQ(lower.column_count, 5);
  EXPECT_EQ(std::string(lower.TextAt(0, 2)), "6.00");
  EXPECT_EQ(std::string(lower.TextAt(0, 3)), "6.00");
  EXPECT_EQ(std::string(lower.TextAt(0, 4)), "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PadColumnsTest,
    testing::Values(PadCase{"FiguresLineUp", 300, false, 2, 1},
                    PadCase{"FiguresShiftedByACell", 380, false, 2, 2},
                    PadCase{"RuledTablesHaveTheirColumns", 300, true, 2, 2},
                    PadCase{"NotOnTheNextPage", 300, false, 5, 2},
                    PadCase{"UnderTheRepeatedTitle", 300, false, 2, 1, true},
                    PadCase{"OcrBelowOnTheSamePage", 300, false, 1, 1, false, true},
                    PadCase{"TextLayerBelowOnTheSamePage", 300, false, 1, 2},
                    PadCase{"OcrAboveOnTheSamePage", 300, false, 1, 2, false, true, 0},
                    PadCase{"OcrUnderAPartStackedOnThePageBefore", 300, false, 2, 1, false, true,
                            100, true}),
    [](const testing::TestParamInfo<PadCase>& param) { return std::string(param.param.name); });

// A table read without rules reads its columns from each page's own cells,
// so its next page may read differently (sweep s1_0007, s1_0231): a 项 code
// column the first page never filled, a name column split in two by the
// indent of its lower levels, an empty 其他收入 column missing. The cells go
// back onto the first page's columns by position: figures by their right
// edge, codes and names by the text column they overlap.
struct AlignCase {
  const char* name;
  double figure_shift;  // how far the continuation's figures sit right of the first page's
  std::size_t tables;   // stitched tables expected
};

class AlignColumnsTest : public testing::TestWithParam<AlignCase> {};

TEST_P(AlignColumnsTest, ContinuationCellsGoBackOnTheColumnsAbove) {
  const AlignCase& test = GetParam();
  // Each column's x-extent; a row's boxes sit at y = 20 * row.
  auto place = [](Table& table, int page, const std::vector<std::pair<double, double>>& xs) {
    table.pages = {page};
    for (TableCell& cell : table.cells) {
      const auto& [x0, x1] = xs[static_cast<std::size_t>(cell.column)];
      cell.provenance.page = page;
      cell.provenance.box = Box{x0, 20.0 * cell.row, x1, 20.0 * cell.row + 12};
    }
  };
  // The first page: 类 | 款 (its one 项 row read into 款) | 科目名称 | 合计 |
  // 一般公共预算拨款 | 其他收入 (no figure: known from its header alone).
  Table first = Grid({{"类", "款", "科目名称", "合计", "一般公共预算拨款", "其他收入"},
                      {"206", "", "科学技术支出", "7,748.90", "7,748.90", ""},
                      {"206", "01", "科学技术管理事务", "7,748.90", "7,748.90", ""},
                      {"206", "01 01", "行政运行", "7,748.90", "7,748.90", ""}});
  place(first, 1, {{51, 66}, {144, 189}, {200, 300}, {348, 388}, {435, 482}, {490, 520}});
  // The next page: 类 | 款 | 项 | a name | a name set further in | 合计 | 一般…
  Table second = Grid({{"208", "", "", "社会保障和就业支出", "", "17,760.26", "17,760.26"},
                       {"208", "05", "06", "", "职业年金缴费支出", "10,811.94", "10,811.94"},
                       {"208", "05", "", "行政事业单位养老支出", "", "10,811.94", "10,811.94"}});
  const double shift = test.figure_shift;
  place(second, 2,
        {{51, 66},
         {144, 158},
         {176, 189},
         {200, 300},
         {230, 320},
         {348 + shift, 388 + shift},
         {435 + shift, 482 + shift}});
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &first, "收入总表", "budget.income"));
  identified.push_back(Identified(1, &second, "", "other"));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), test.tables);
  if (test.tables != 1) return;
  ASSERT_EQ(stitched[0].parts.size(), 2u);
  const Table& lower = *stitched[0].parts[1].table;
  ASSERT_EQ(lower.column_count, 6);
  EXPECT_EQ(std::string(lower.TextAt(0, 0)), "208");
  EXPECT_EQ(std::string(lower.TextAt(0, 2)), "社会保障和就业支出");
  EXPECT_EQ(std::string(lower.TextAt(0, 3)), "17,760.26");
  EXPECT_EQ(std::string(lower.TextAt(0, 4)), "17,760.26");
  EXPECT_EQ(std::string(lower.TextAt(0, 5)), "");
  // 款 and 项 both lie in the first page's 款 column; the indented name
  // joins the name column.
  EXPECT_EQ(std::string(lower.TextAt(1, 1)), "05\n06");
  EXPECT_EQ(std::string(lower.TextAt(1, 2)), "职业年金缴费支出");
  EXPECT_EQ(std::string(lower.TextAt(2, 2)), "行政事业单位养老支出");
}

INSTANTIATE_TEST_SUITE_P(Cases, AlignColumnsTest,
                         testing::Values(AlignCase{"FiguresLineUp", 0, 1},
                                         AlignCase{"FiguresShiftedByAColumn", 60, 2}),
                         [](const testing::TestParamInfo<AlignCase>& param) {
                           return std::string(param.param.name);
                         });

// Puts `table` on `page`, column c's cells at xs[c], a row every 20 pt from the page's top.
void PlaceOnPage(Table& table, int page, const std::vector<std::pair<double, double>>& xs) {
  table.pages = {page};
  for (TableCell& cell : table.cells) {
    const auto& [x0, x1] = xs[static_cast<std::size_t>(cell.column)];
    cell.provenance.page = page;
    cell.provenance.box = Box{x0, 60.0 + 20 * cell.row, x1, 72.0 + 20 * cell.row};
  }
}

// H30 s3w_0479_final: a head part whose header OCR glued into one label column (科目编码 and
// 科目名称 over 201一般公共服务支出) reads 4 columns; the pages below read 类 | 款 | 项 | 名称
// apart, 7 columns. The lone row after the head left 项目支出 blank, so its columns alone could
// not place the next page's 项目支出 figures: that page was never stitched and its 23 amounts
// went to `other`. The parts stitched so far share one set of columns and show them all.
TEST(AlignColumnsTest, ContinuationPlacedByTheColumnsOfEveryPartSoFar) {
  Table head = Grid({{"功能分类科目编码 科目名称 类 款 项", "本年支出合计", "基本支出", "项目支出"},
                     {"合计", "3,167.51", "2,148.70", "1,018.81"},
                     {"201一般公共服务支出", "693.16", "693.16", ""}});
  PlaceOnPage(head, 2, {{51, 300}, {348, 392}, {419, 462}, {490, 532}});
  const std::vector<std::pair<double, double>> apart = {
      {51, 66}, {120, 134}, {170, 182}, {200, 290}, {358, 392}, {428, 462}, {498, 532}};
  Table lone_row = Grid({{"201", "11", "", "纪检监察事务", "693.16", "693.16", ""}});
  PlaceOnPage(lone_row, 3, apart);
  Table next_page = Grid({{"201", "11", "01", "行政运行", "693.16", "693.16", ""},
                          {"205", "", "", "教育支出", "460.32", "136.86", "323.46"}});
  PlaceOnPage(next_page, 4, apart);
  std::vector<IdentifiedTable> identified;
  identified.push_back(Identified(0, &head, "支出决算表", "final.expenditure"));
  identified.push_back(Identified(1, &lone_row, "", "other"));
  identified.push_back(Identified(2, &next_page, "", "other"));
  std::deque<Table> owned;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  ASSERT_EQ(stitched.size(), 1u);
  ASSERT_EQ(stitched[0].parts.size(), 3u);
  const Table& lower = *stitched[0].parts[2].table;
  ASSERT_EQ(lower.column_count, 4);
  EXPECT_EQ(std::string(lower.TextAt(1, 0)), "205\n教育支出");
  EXPECT_EQ(std::string(lower.TextAt(1, 1)), "460.32");
  EXPECT_EQ(std::string(lower.TextAt(1, 3)), "323.46");
}

// s14w_0011_budget (the PDF form): the same, with the head part alone above: its two rows leave
// 项目支出 blank, so no figure above says where the next page's 项目支出 figures go; the
// header's last row does (its cells carry their columns' bands). The page was left `other`.
TEST(AlignColumnsTest, ContinuationFigureColumnPlacedByTheHeaderAbove) {
  Table head = Grid({{"功能分类科目编码科目名称", "合计", "基本支出", "项目支出"},
                     {"类款项", "", "", ""},
                     {"206科学技术支出", "985,330.53", "985,330.53", ""},
                     {"206 01科学技术管理事务", "985,330.53", "985,330.53", ""}});
  PlaceOnPage(head, 2, {{51, 345}, {450, 566}, {567, 681}, {682, 740}});
  Table next_page =
      Grid({{"206", "01", "01", "行政运行", "985,330.53", "985,330.53", ""},
            {"212", "", "", "城乡社区支出", "568,312.15", "411,732.90", "156,579.25"}});
  PlaceOnPage(next_page, 3,
              {{51, 71}, {199, 212}, {248, 262}, {297, 345}, {507, 566}, {622, 681}, {721, 780}});
  std::deque<Table> owned;
  std::vector<Finding> findings;
  const std::vector<StitchedTable> stitched = StitchUntitledAfter(
      head, "一般公共预算支出表", "budget.general_budget_expenditure", next_page, owned, findings);
  ASSERT_EQ(stitched.size(), 1u);
  ASSERT_EQ(stitched[0].parts.size(), 2u);
  const Table& lower = *stitched[0].parts[1].table;
  ASSERT_EQ(lower.column_count, 4);
  EXPECT_EQ(std::string(lower.TextAt(1, 0)), "212\n城乡社区支出");
  EXPECT_EQ(std::string(lower.TextAt(1, 1)), "568,312.15");
  EXPECT_EQ(std::string(lower.TextAt(1, 3)), "156,579.25");
}

// s23w_0024_budget (PDF): the header alone at a page foot with its words set flush left in
// their cells (合计 at 347, 一般公共预算拨款 at 495, 其他收入 at 643), the figures below flush
// right (40,280.02 ending at 484, 632), one column fewer (其他收入 blank). Columns reaching
// halfway between the words put the 合计 figures under 一般公共预算拨款 and the others nowhere:
// the body was never stitched, 36 figures under kind `other`. A column reaches from its word's
// left edge to the next word's.
TEST(AlignColumnsTest, BodyUnderAHeaderOfFlushLeftWordsOnThePageBefore) {
  Table head = Grid({{"科目编码科目名称", "合计", "一般公共预算拨款", "其他收入"}});
  const std::vector<std::pair<double, double>> head_words = {
      {51, 241}, {347, 368}, {495, 579}, {643, 685}};
  head.pages = {1};
  for (TableCell& cell : head.cells) {
    const auto& [x0, x1] = head_words[static_cast<std::size_t>(cell.column)];
    cell.provenance.page = 1;
    cell.provenance.box = Box{x0, 515, x1, 528};
  }
  Table body = Grid({{"栏次", "1", "2 3"},
                     {"201一般公共服务支出", "40,280.02", "40,280.02"},
                     {"20101人大事务", "22,853.22", "22,853.22"}});
  const std::vector<std::pair<double, double>> figures = {{51, 283}, {438, 484}, {586, 632}};
  body.pages = {2};
  for (TableCell& cell : body.cells) {
    auto [x0, x1] = figures[static_cast<std::size_t>(cell.column)];
    if (cell.row == 0 && cell.column == 1) x0 = 347, x1 = 353;  // 栏次 1, flush left
    if (cell.row == 0 && cell.column == 2) x0 = 495, x1 = 649;  // 2 and 3 in one cell
    cell.provenance.page = 2;
    cell.provenance.box = Box{x0, 81.0 + 24 * cell.row, x1, 94.0 + 24 * cell.row};
  }
  EXPECT_EQ(LastRowStackedOnto(head, "收入预算总表", "budget.income", body, 4),
            (std::vector<std::string>{"20101人大事务", "22,853.22", "22,853.22", ""}));
}

// A header alone at the foot of its page, its body pushed to the next page, which reads one
// column fewer (其他收入 blank in every row, 栏次 2 and 3 in one cell): no figure above says where
// the columns are, so the header's last row does (类 | 款 | 项 | … | 其他收入, each column reaching
// from its word's left edge to the next word's). The body was never stitched and its figures were
// lost under kind `other` (s5w_0006_final: a whole 收入决算表). Of the same shape, the parts stitch
// as they are, whatever the header's row (功能分类科目编码 over the body's 类 | 款 | 项).
TEST(AlignColumnsTest, BodyUnderAHeaderAloneOnThePageBefore) {
  Table head =
      Grid({{"", "功能分类科目编码", "", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"},
            {"类", "款", "项", "", "", "", ""}});
  const std::vector<std::pair<double, double>> head_row0 = {
      {51, 95}, {51, 147}, {136, 205}, {262, 310}, {333, 381}, {403, 451}, {474, 522}};
  const std::vector<std::pair<double, double>> head_row1 = {
      {51, 63}, {121, 133}, {192, 204}, {206, 322}, {322, 392}, {393, 463}, {464, 522}};
  head.pages = {3};
  for (TableCell& cell : head.cells) {
    const auto& [x0, x1] =
        (cell.row == 0 ? head_row0 : head_row1)[static_cast<std::size_t>(cell.column)];
    cell.provenance.page = 3;
    cell.provenance.box = Box{x0, 700.0 + 20 * cell.row, x1, 712.0 + 20 * cell.row};
  }
  Table body = Grid({{"栏次", "", "", "", "1", "2 3"},
                     {"201", "", "", "一般公共服务支出", "44,755.90", "44,755.90"},
                     {"201", "03", "01", "行政运行", "44,755.90", "44,755.90"}});
  const std::vector<std::pair<double, double>> body_columns = {{51, 70},   {121, 135}, {192, 205},
                                                               {262, 310}, {338, 392}, {408, 463}};
  body.pages = {4};
  for (TableCell& cell : body.cells) {
    auto [x0, x1] = body_columns[static_cast<std::size_t>(cell.column)];
    if (cell.row == 0 && cell.column == 5) x1 = 480;  // 2 and 3 in one cell
    cell.provenance.page = 4;
    cell.provenance.box = Box{x0, 60.0 + 20 * cell.row, x1, 72.0 + 20 * cell.row};
  }
  EXPECT_EQ(
      LastRowStackedOnto(head, "部门收入决算表", "final.income", body, 7),
      (std::vector<std::string>{"201", "03", "01", "行政运行", "44,755.90", "44,755.90", ""}));

  // The same shape below: nothing moves, whatever the header's bands say.
  Table head2 = Grid({{"功能", "分类科目编码", "", "科目名称", "合计", "基本支出", "项目支出"}});
  const std::vector<std::pair<double, double>> head2_row = {
      {51, 69}, {69, 123}, {180, 219}, {248, 284}, {367, 385}, {413, 449}, {478, 514}};
  head2.pages = {4};
  for (TableCell& cell : head2.cells) {
    const auto& [x0, x1] = head2_row[static_cast<std::size_t>(cell.column)];
    cell.provenance.page = 4;
    cell.provenance.box = Box{x0, 750, x1, 762};
  }
  Table body2 = Grid({{"类", "款", "项", "", "", "", ""},
                      {"206", "01", "", "科学技术管理事务", "10.46", "7.41", "3.05"}});
  const std::vector<std::pair<double, double>> body2_columns = {
      {51, 66}, {169, 179}, {209, 219}, {248, 320}, {380, 402}, {450, 468}, {516, 533}};
  body2.pages = {5};
  for (TableCell& cell : body2.cells) {
    const auto& [x0, x1] = body2_columns[static_cast<std::size_t>(cell.column)];
    cell.provenance.page = 5;
    cell.provenance.box = Box{x0, 60.0 + 20 * cell.row, x1, 72.0 + 20 * cell.row};
  }
  std::deque<Table> owned2;
  std::vector<Finding> findings;
  std::vector<StitchedTable> stitched2 = StitchUntitledAfter(
      head2, "一般公共预算支出表", "budget.general_budget_expenditure", body2, owned2, findings);
  ASSERT_EQ(stitched2.size(), 1u);
  const Table& grid2 = *stitched2[0].parts.back().table;
  const int last = grid2.row_count - 1;
  EXPECT_EQ(std::string(grid2.TextAt(last, 1)), "01");
  EXPECT_EQ(std::string(grid2.TextAt(last, 4)), "10.46");
}

// ------------------------------------------------------------------ header

StitchedTable OnePart(const Table& table, const std::string& kind) {
  StitchedTable stitched;
  stitched.canonical.kind = kind;
  stitched.parts.push_back(TablePart{0, &table, AnalyzeHeader(table)});
  return stitched;
}

// Appends `body`, rows without a header read on the next page, as the stitched table's next part.
void AddBodyPart(StitchedTable& stitched, const Table& body) {
  HeaderAnalysis none;
  none.header_rows = 0;
  stitched.parts.push_back(TablePart{static_cast<int>(stitched.parts.size()), &body, none});
}

// Whether a finding of `check` quotes `text` in its message.
bool HasFinding(const std::vector<Finding>& findings, std::string_view check,
                std::string_view text) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.check == check && f.message.find(text) != std::string::npos;
  });
}

// H31 s3w_0482_final on a scan: a table of narrow cells whose amounts and 7-digit codes wrap
// (11,933,498.4 over 8, 210130 over 1) where the reader did not join the rests: they stood as a
// row of digit pieces under the row they complete, its figures one digit short, silently. A row
// of nothing but pieces proven the rest of the row above joins it, a code's rest after the
// code's digits; a row of real figures under it stays, and a text layer's grid is as printed.
TEST(StitchTest, OcrRestsWrappedInTheirCellsJoinTheRowAbove) {
  auto grid = [](TextOrigin origin) {
    Table table =
        Grid({{"科目编码科目名称", "合计", "基本支出", "项目支出"},
              {"21013医疗保障管理事务", "21,291,744.49", "13,260,973.13", "8,030,771.36"},
              {"210130行政运行", "11,933,498.4", "5,933,799.39", "5,999,699.0"},
              {"1", "8", "", "9"},
              {"2101399其他医疗保障管理事务支出", "9,358,246.01", "7,327,173.74", "2,031,072.27"}});
    for (TableCell& cell : table.cells) cell.provenance.origin = origin;
    table.pages = {3};
    return table;
  };
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const Table table = grid(origin);
    std::vector<IdentifiedTable> identified;
    identified.push_back(Identified(0, &table, "一般公共预算财政拨款支出决算表",
                                    "final.general_budget_expenditure"));
    std::deque<Table> owned;
    std::vector<Finding> findings;
    const std::vector<StitchedTable> stitched =
        StitchTables(std::move(identified), StitchOptions{}, owned, findings);
    ASSERT_EQ(stitched.size(), 1u);
    const Table& read = *stitched[0].parts[0].table;
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(std::string(read.TextAt(2, 0)), "2101301行政运行");
      EXPECT_EQ(std::string(read.TextAt(2, 1)), "11,933,498.4\n8");
      EXPECT_EQ(std::string(read.TextAt(2, 3)), "5,999,699.0\n9");
      EXPECT_EQ(std::string(read.TextAt(3, 0)), "");
      EXPECT_EQ(std::string(read.TextAt(4, 1)), "9,358,246.01");
      EXPECT_TRUE(HasFinding(findings, "table.row_rejoined", "11,933,498.4 + 8"));
    } else {
      EXPECT_EQ(std::string(read.TextAt(2, 0)), "210130行政运行");
      EXPECT_EQ(std::string(read.TextAt(3, 1)), "8");
    }
  }
}

// `grid` read as one table of `kind` in 万元, its cells recognised as `origin`.
CanonicalTable ReadGrid(Table grid, const std::string& kind, std::vector<Finding>& findings,
                        TextOrigin origin = TextOrigin::kOcr) {
  for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
  StitchedTable stitched = OnePart(grid, kind);
  stitched.declared = UnitOfAmount::kWanYuan;
  return ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
}

// The column keys of a row's figures, in print order.
std::vector<std::string> ColumnsOf(const CanonicalRow& row) {
  std::vector<std::string> columns;
  for (const Figure& value : row.values) columns.push_back(value.column);
  return columns;
}

// The row codes of `grid` read as one table of `kind` in 万元, its cells recognised as `origin`.
std::vector<std::string> RowCodes(Table grid, const std::string& kind,
                                  std::vector<Finding>& findings,
                                  TextOrigin origin = TextOrigin::kOcr) {
  const CanonicalTable table = ReadGrid(std::move(grid), kind, findings, origin);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
  return codes;
}

// A scan's header repeated on each page of a table, its wrapped words interleaved by OCR on the
// first page (政府>性, 上收级入。补) and read whole on the next (cq_city_commerce p9-p10): the
// later reading keys the columns the first left unkeyed, and never a key another column has.
TEST(HeaderTest, RepeatedHeaderKeysColumnsTheFirstPageMisread) {
  auto scanned = [](Table table) {
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    return table;
  };
  const Table first =
      scanned(Grid({{"科目编码", "科目名称", "总计", "一般公共预算拨款收入", "政府>性",
                     "上收级入。补", "事业收入"},
                    {"201", "一般公共服务支出", "30.00", "10.00", "5.00", "7.00", "8.00"}}));
  const Table next = scanned(Grid({{"科目编码", "科目名称", "总计", "一般公共预算拨款收入",
                                    "政府性基金预算拨款收入", "上级补助收入", "事业收入"},
                                   {"205", "教育支出", "3.00", "1.00", "1.00", "1.00", ""}}));
  StitchedTable stitched = OnePart(first, "budget.income");
  stitched.parts.push_back(TablePart{1, &next, AnalyzeHeader(next)});
  const std::vector<std::string> keyed = {
      "", "", "total", "general_budget", "gov_fund", "upper_subsidy", "business"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, keyed);
  // A later header that keys a column differently leaves the first page's keys alone.
  const Table shifted =
      scanned(Grid({{"科目编码", "科目名称", "总计", "事业收入", "政府性基金预算拨款收入",
                     "上级补助收入", "一般公共预算拨款收入"},
                    {"205", "教育支出", "3.00", "1.00", "1.00", "1.00", ""}}));
  StitchedTable other = OnePart(first, "budget.income");
  other.parts.push_back(TablePart{1, &shifted, AnalyzeHeader(shifted)});
  EXPECT_EQ(KeyColumns(other, HeaderOptions{}).keys, keyed);
  // A text layer prints one header on every page: a later part never rekeys the first.
  const Table printed = Grid({{"科目编码", "科目名称", "总计", "一般公共预算拨款收入", "备注"},
                              {"201", "一般公共服务支出", "30.00", "10.00", "5.00"}});
  const Table printed_next =
      Grid({{"科目编码", "科目名称", "总计", "一般公共预算拨款收入", "政府性基金预算拨款收入"},
            {"205", "教育支出", "3.00", "1.00", "1.00"}});
  StitchedTable text_layer = OnePart(printed, "budget.income");
  text_layer.parts.push_back(TablePart{1, &printed_next, AnalyzeHeader(printed_next)});
  EXPECT_EQ(KeyColumns(text_layer, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "", "total", "general_budget", ""}));
}

TEST(HeaderTest, ColumnKeysFollowTheKind) {
  const Table expenditure = Grid(kExpenditureGrid);
  TableColumns columns = KeyColumns(OnePart(expenditure, "final.expenditure"), HeaderOptions{});
  EXPECT_EQ(columns.keys, (std::vector<std::string>{"", "", "total", "basic", "project"}));
  ASSERT_EQ(columns.segments.size(), 1u);
  EXPECT_EQ(columns.segments[0].amounts, (std::vector<int>{2, 3, 4}));

  // A segment's lone 决算数 column is its amount; 本年收入 loses its side prefix
  // in a summary.
  const Table summary =
      Grid({{"项目", "决算数", "项目", "决算数"},
            {"一、一般公共预算财政拨款收入", "10.00", "一、一般公共服务支出", "10.00"}});
  columns = KeyColumns(OnePart(summary, "final.income_expenditure_summary"), HeaderOptions{});
  EXPECT_EQ(columns.keys, (std::vector<std::string>{"", "amount", "", "amount"}));
  EXPECT_EQ(columns.segments.size(), 2u);

  // 三公 items across the header.
  const Table three_public =
      Grid({{"合计", "因公出国（境）费", "公务接待费"}, {"3.00", "1.00", "2.00"}});
  columns = KeyColumns(OnePart(three_public, "budget.three_public"), HeaderOptions{});
  EXPECT_TRUE(columns.columnar_three_public);
  EXPECT_EQ(columns.column_rows,
            (std::vector<std::string>{"three_public.total", "three_public.overseas",
                                      "three_public.reception"}));

  // 预算数 | 决算数 as the top group over each one's items (cn_central_xinfang 2024 决算): the
  // group says which figure each column holds; a final account's budget columns are no 决算数.
  const Table grouped = Grid({{"预算数", "", "决算数", ""},
                              {"合计", "公务接待费", "合计", "公务接待费"},
                              {"3.00", "3.00", "2.00", "2.00"}});
  columns = KeyColumns(OnePart(grouped, "final.three_public"), HeaderOptions{});
  EXPECT_TRUE(columns.columnar_three_public);
  EXPECT_EQ(columns.column_rows,
            (std::vector<std::string>{"three_public.total", "three_public.reception",
                                      "three_public.total", "three_public.reception"}));
  EXPECT_EQ(columns.column_values,
            (std::vector<std::string>{"budget", "budget", "final", "final"}));
}

// 基本支出 spanning its sub-columns, whose labels were not read (OCR of
// js_wuxi_hrss p28: 小计 | "" | ""), or with no 小计 column at all: the unread
// children take 人员经费 and 公用经费 in the templates' order, never the
// parent's `basic` (18 wrong figures with no finding). Read labels win.
// OCR'd header words read too badly to key a column are keyed by their place in the identified
// kind: the first amount column left of keyed parts is the total (只计 for 合计), and in a
// basic-expenditure table the two after it are 人员经费 and 公用经费 (员类 | ]经费), or, with no
// total column, the one beside a keyed part is the other. A text layer's header keeps what it
// prints.
TEST(HeaderTest, OcrColumnsKeyedByTheirPlaceInTheKind) {
  struct Case {
    const char* name;
    std::string kind;
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> ocr_keys;
    std::vector<std::string> text_keys;
  };
  const Case cases[] = {
      {"TotalMisread",
       "budget.fiscal_appropriation_expenditure",
       {{"科目编码", "科目名称", "只计", "基本支出", "项目支出"},
        {"208", "社会保障和就业支出", "1,284.76", "1,284.76", "0.00"},
        {"20805", "行政事业单位养老支出", "1,284.76", "1,284.76", "0.00"}},
       {"", "", "total", "basic", "project"},
       {"", "", "", "basic", "project"}},
      {"PartsMisread",
       "budget.general_budget_basic_expenditure",
       {{"经济科目编码", "经济科目名称", "总计", "员类", "]经费"},
        {"301", "工资福利支出", "1,212.01", "1,212.01", "0.00"},
        {"30101", "基本工资", "225.08", "225.08", "0.00"}},
       {"", "", "total", "personnel", "public"},
       {"", "", "total", "", ""}},
      // No total column (H15 s3w_0237_final): 公用经费 read 经 beside 人员经费, and the other
      // way round.
      {"PartMisreadNoTotal",
       "final.general_budget_basic_expenditure",
       {{"经济分类科目", "人员经费", "经"},
        {"301工资福利支出", "20,704.24", ""},
        {"30102津贴补贴", "3,480.87", ""},
        {"302商品和服务支出", "", "13,459.56"},
        {"30201办公费", "", "2,785.37"}},
       {"", "personnel", "public"},
       {"", "personnel", ""}},
      {"OtherPartMisreadNoTotal",
       "final.general_budget_basic_expenditure",
       {{"经济分类科目", "人员", "公用经费"},
        {"301工资福利支出", "20,704.24", ""},
        {"30102津贴补贴", "3,480.87", ""},
        {"302商品和服务支出", "", "13,459.56"},
        {"30201办公费", "", "2,785.37"}},
       {"", "personnel", "public"},
       {"", "", "public"}},
      // Yantai's 基本支出预算情况表 splits by source: its columns are not the two parts. Its
      // 财政拨坎 is 财政拨款 with one character misread, keyed as a text layer keys 财政拨款.
      {"SourcesNotParts",
       "budget.basic_expenditure",
       {{"科目编码", "科目名称", "合计", "财政拨坎", "专户"},
        {"301", "工资福利支出", "1,212.01", "1,212.01", "0.00"},
        {"30101", "基本工资", "225.08", "225.08", "0.00"}},
       {"", "", "total", "fiscal_appropriation.total", ""},
       {"", "", "total", "", ""}},
  };
  for (const Case& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid(c.grid);
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      const TableColumns columns = KeyColumns(OnePart(grid, c.kind), HeaderOptions{});
      EXPECT_EQ(columns.keys, origin == TextOrigin::kOcr ? c.ocr_keys : c.text_keys)
          << c.name << " " << TextOriginName(origin);
    }
  }
}

// A columnar 三公 table on a scan whose 运行费 was read 运行避 (sh_putuo_justice_2026_dept_budget):
// the word keys nothing, and the column took its group's key, a second 公务用车 total. With the
// group's 小计 and 购置费 keyed, it is the part left; a text layer's words are as printed.
TEST(HeaderTest, OcrVehiclePartMisreadIsThePartLeft) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", ""},
                       {"", "", "", "小计", "购置费", "运行避"},
                       {"10.81", "0", "0.83", "9.98", "0", "9.98"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const TableColumns columns = KeyColumns(OnePart(grid, "budget.three_public"), HeaderOptions{});
    ASSERT_EQ(columns.column_rows.size(), 6u);
    EXPECT_EQ(columns.column_rows[3], "three_public.vehicle_total");
    EXPECT_EQ(columns.column_rows[4], "three_public.vehicle_purchase");
    EXPECT_EQ(columns.column_rows[5], origin == TextOrigin::kOcr ? "three_public.vehicle_operation"
                                                                 : "three_public.vehicle_total")
        << TextOriginName(origin);
  }
}

// H11 s3w_0171_final on a scan: a final account's 三公 table whose header (项目 决算数) was read
// into its first row's label cell above 合计. The cell's upper words name the lone amount column
// 决算数; a text layer's cell is as printed, and its lone column stays unkeyed.
TEST(HeaderTest, OcrThreePublicHeaderReadIntoTheFirstRow) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"项目 决算数\n合计", "59.15"},
                       {"因公出国（境）费", "0.00"},
                       {"公务用车购置及运行维护费", "43.60"},
                       {"公务接待费", "15.55"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const TableColumns columns = KeyColumns(OnePart(grid, "final.three_public"), HeaderOptions{});
    EXPECT_EQ(columns.keys[1], origin == TextOrigin::kOcr ? "final" : "") << TextOriginName(origin);
  }
}

// A summary's expenditure 金额 lost on its first page's header and read on the next page's
// (s3w_0155_final): the later reading keys it, though the income side's column has that key too,
// for each side has its own 金额. Within one side a key is still taken once.
TEST(HeaderTest, RepeatedHeaderKeysTheSummarySideTheFirstPageLost) {
  auto scanned = [](Table table) {
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    return table;
  };
  const Table first = scanned(
      Grid({{"收入", "", "", "支出", "", ""},
            {"项目", "行次", "金额", "项目(按功能分类)", "行次", ""},
            {"一、一般公共预算财政拨款收入", "1", "54,442.93", "一、科学技术支出", "8", "6,686.03"},
            {"二、政府性基金预算财政拨款收入", "2", "", "卫生健康支出", "9", "31,427.37"},
            {"三、上级补助收入", "3", "", "农林水支出", "10", "16,329.53"}}));
  const Table next =
      scanned(Grid({{"收入", "", "", "支出", "", ""},
                    {"项目", "行次", "金额", "项目(按功能分类)", "行次", "金额"},
                    {"本年收入合计", "6", "54,442.93", "本年支出合计", "13", "54,442.93"},
                    {"总计", "7", "54,442.93", "总计", "14", "54,442.93"}}));
  StitchedTable stitched = OnePart(first, "final.income_expenditure_summary");
  stitched.parts.push_back(TablePart{1, &next, AnalyzeHeader(next)});
  const std::vector<std::string> keys = KeyColumns(stitched, HeaderOptions{}).keys;
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_EQ(keys[2], "amount");
  EXPECT_EQ(keys[5], "amount");
}

// A scan reads a speck under the 编码 cell spanning 类 款 项 as `1` (s3w_0159_final's 决算02表).
// Among words that name columns it is no row number: the row stays header, so the 类 款 项 row
// under it still keys the code columns. A label row with a 行次 number is data as before.
TEST(HeaderTest, OcrSpeckAmongHeaderWordsIsNoRowNumber) {
  struct Case {
    const char* name;
    std::vector<std::string> row;
    bool data;
  };
  const Case cases[] = {
      {"SpeckInTheHeader",
       {"功能分类.", "功能分类科目编码", "1", "科目名称", "合计", "基本支出", "项目支出"},
       false},
      {"RowNumberBesideALabel", {"", "", "", "一、财政拨款收入", "1", "", ""}, true},
      {"TwoNumbersAmongHeaderWords",
       {"功能分类", "1", "2", "科目名称", "合计", "基本支出", "项目支出"},
       true},
  };
  for (const Case& c : cases) {
    Table grid = Grid({c.row,
                       {"类", "款", "项", "", "", "", ""},
                       {"206", "01", "", "科学技术管理事务", "9,937,021.25", "9,937,021.25", ""}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    EXPECT_EQ(ScanRow(grid, 0).data, c.data) << c.name;
  }
  Table grid = Grid({cases[0].row,
                     {"类", "款", "项", "", "", "", ""},
                     {"206", "01", "", "科学技术管理事务", "9,937,021.25", "9,937,021.25", ""}});
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  const HeaderAnalysis header = AnalyzeHeader(grid);
  EXPECT_EQ(header.header_rows, 2);
  EXPECT_EQ(header.roles[0], "class");
  EXPECT_EQ(header.roles[1], "kuan");
  EXPECT_EQ(header.roles[2], "xiang");
}

// An OCR'd grid whose header was lost whole (s2w_0110_final: the header lines read as paragraphs
// above an unruled table) is keyed by the kind's three standard columns when every row's sum says
// so; when the sums do not hold, or the text layer printed no header, nothing is keyed.
TEST(HeaderTest, HeaderlessOcrColumnsKeyedByTheirSums) {
  struct Case {
    const char* name;
    std::string kind;
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> ocr_keys;
  };
  const std::vector<std::string> none(7, "");
  const Case cases[] = {
      {"Expenditure",
       "final.expenditure",
       {{"合计", "", "", "", "47.73", "31.53", "16.20"},
        {"205", "", "", "教育支出", "17.20", "8.63", "8.57"},
        {"205", "08", "03", "培训支出", "17.20", "8.63", "8.57"},
        {"208", "", "", "社会保障和就业支出", "30.53", "22.90", "7.63"}},
       {"", "", "", "", "total", "basic", "project"}},
      {"Basic",
       "final.general_budget_basic_expenditure",
       {{"301", "", "", "工资福利支出", "1,212.01", "1,212.01", ""},
        {"30101", "", "", "基本工资", "225.08", "225.08", ""},
        {"302", "", "", "商品和服务支出", "300.00", "", "300.00"},
        {"30201", "", "", "办公费", "100.00", "", "100.00"}},
       {"", "", "", "", "total", "personnel", "public"}},
      {"SumsDoNotHold",
       "final.expenditure",
       {{"205", "", "", "教育支出", "17.20", "8.63", "1.57"},
        {"208", "", "", "社会保障和就业支出", "30.53", "2.90", "7.63"},
        {"210", "", "", "卫生健康支出", "3.53", "2.90", "0.63"}},
       none},
      {"IncomeKind",
       "final.income",
       {{"205", "", "", "教育支出", "17.20", "8.63", "8.57"},
        {"208", "", "", "社会保障和就业支出", "30.53", "22.90", "7.63"}},
       none},
  };
  for (const Case& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid(c.grid);
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      const TableColumns columns = KeyColumns(OnePart(grid, c.kind), HeaderOptions{});
      EXPECT_EQ(columns.keys, origin == TextOrigin::kOcr ? c.ocr_keys : none)
          << c.name << " " << TextOriginName(origin);
    }
  }
}

// s3w_0005_budget on a scan: the grid's 合计 row was read as a grid of its own, stitched before
// the rest. The columns of money are counted in every part, not in that one row alone.
TEST(HeaderTest, HeaderlessOcrColumnsKeyedByTheSumsOfEveryPart) {
  const std::vector<std::string> none(7, "");
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table total = Grid({{"合计", "", "", "", "47.73", "31.53", "16.20"}});
    Table rest = Grid({{"205", "", "", "教育支出", "17.20", "8.63", "8.57"},
                       {"205", "08", "03", "培训支出", "17.20", "8.63", "8.57"},
                       {"208", "", "", "社会保障和就业支出", "30.53", "22.90", "7.63"}});
    for (Table* grid : {&total, &rest}) {
      for (TableCell& cell : grid->cells) cell.provenance.origin = origin;
    }
    StitchedTable stitched = OnePart(total, "final.expenditure");
    stitched.parts.push_back(TablePart{1, &rest, AnalyzeHeader(rest)});
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    const std::vector<std::string> ocr = {"", "", "", "", "total", "basic", "project"};
    EXPECT_EQ(columns.keys, origin == TextOrigin::kOcr ? ocr : none) << TextOriginName(origin);
  }
}

// OCR'd header words misread past repair (外本文山 for 基本支出, 项上支出 for 项目支出) or read as
// another key (基本支出 twice, the second over 公用经费) leave the table's amount columns to the
// rows' sums: 合计 = 基本支出 + 项目支出 and 基本支出 = 人员经费 + 公用经费 in every row say which
// column is which, and the surviving characters of the words break a tie. The rows stage lists
// the figures of the columns so keyed (column.keyed_by_sums). A column of zeros fits a sum under
// any key and moves no key the header read; sums that do not hold key nothing; a text layer's
// header keeps what it prints.
TEST(HeaderTest, OcrColumnsKeyedByTheRowsSums) {
  struct Case {
    const char* name;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> amounts;  // three rows
    std::vector<std::string> ocr_keys;
  };
  const std::vector<std::vector<std::string>> split = {{"1,284.76", "1,000.00", "284.76"},
                                                       {"600.50", "500.25", "100.25"},
                                                       {"684.26", "499.75", "184.51"}};
  const Case cases[] = {
      {"WordsMisread",
       {"科目编码", "科目名称", "合计", "外本文山", "项上支出"},
       split,
       {"", "", "total", "basic", "project"}},
      {"KeyReadTwice",
       {"科目编码", "科目名称", "合计", "基本支出", "人员经费", "基本支出", "项目支出"},
       {{"1,284.76", "1,000.00", "900.00", "100.00", "284.76"},
        {"600.50", "500.25", "500.00", "0.25", "100.25"},
        {"684.26", "499.75", "400.00", "99.75", "184.51"}},
       {"", "", "total", "basic", "personnel", "public", "project"}},
      {"ZerosMoveNoReadKey",
       {"科目编码", "科目名称", "合计", "基本支出", "项目支出", "结车"},
       {{"1,284.76", "1,000.00", "284.76", "0.00"},
        {"600.50", "500.25", "100.25", "0.00"},
        {"684.26", "499.75", "184.51", "0.00"}},
       {"", "", "total", "basic", "project", ""}},
      // The header read as paragraphs above the grid: the function-class kind splits into
      // 基本支出 | 项目支出.
      {"HeaderLost", {}, split, {"", "", "total", "basic", "project"}},
      {"SumsDoNotHold",
       {"科目编码", "科目名称", "合计", "外本文山", "顶上文山"},
       {{"1,284.76", "1,000.00", "84.76"},
        {"600.50", "50.25", "100.25"},
        {"684.26", "9.75", "4.51"}},
       {"", "", "total", "", ""}},
      // A header word near a known one keys its column though the sums do not hold
      // (ocr_labels.h); 外本文山 is near nothing.
      {"SumsDoNotHoldWordNearLabel",
       {"科目编码", "科目名称", "合计", "外本文山", "项上支出"},
       {{"1,284.76", "1,000.00", "84.76"},
        {"600.50", "50.25", "100.25"},
        {"684.26", "9.75", "4.51"}},
       {"", "", "total", "", "project"}},
  };
  const char* codes[][2] = {
      {"201", "一般公共服务支出"}, {"20101", "人大事务"}, {"2010101", "行政运行"}};
  for (const Case& c : cases) {
    std::vector<std::vector<std::string>> rows;
    if (!c.header.empty()) rows.push_back(c.header);
    for (std::size_t r = 0; r < c.amounts.size(); ++r) {
      std::vector<std::string> row = {codes[r][0], codes[r][1]};
      row.insert(row.end(), c.amounts[r].begin(), c.amounts[r].end());
      rows.push_back(row);
    }
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid(rows);
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      const StitchedTable stitched = OnePart(grid, "budget.general_budget_expenditure");
      const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
      if (origin == TextOrigin::kOcr) {
        EXPECT_EQ(columns.keys, c.ocr_keys) << c.name;
      } else {
        EXPECT_TRUE(columns.keyed_by_sums.empty()) << c.name;
      }
      std::vector<Finding> findings;
      RowsOptions options;
      options.default_unit = UnitOfAmount::kWanYuan;
      ReadRows(stitched, columns, options, 0, findings);
      std::size_t listed = 0;
      for (const Finding& finding : findings) {
        if (finding.check == "column.keyed_by_sums") listed += finding.figures.size();
      }
      EXPECT_EQ(listed, 3 * columns.keyed_by_sums.size()) << c.name;
    }
  }
}

// A total column whose header word the scan misread past repair (合计 read 心.，局 over an
// income table's sources, 全一 over a fiscal summary's expenditure funds, H14 s3w_0213_budget):
// unkeyed, its figures lost. It prints in every row the sum of the keyed columns right of it: it
// is the total (column.keyed_by_sums). Not when a row prints another amount, when two rows do
// not say so, nor on a text layer.
TEST(HeaderTest, OcrTotalColumnKeyedByTheSumOfItsParts) {
  struct Case {
    const char* name;
    std::string kind;
    // The first part (header and rows) and the part read on the next page; the first part's one
    // row leaves the total to no rule by place.
    std::vector<std::vector<std::string>> first, next;
    TextOrigin origin;
    std::vector<std::string> keys;
  };
  const std::vector<std::vector<std::string>> income_first = {
      {"功能分类科目", "心.，局", "一般公共预算拨款", "其他收入"},
      {"合计", "12,516.07", "12,016.07", "500.00"}};
  const std::vector<std::vector<std::string>> income_next = {
      {"212城乡社区支出", "8,655.96", "8,655.96", ""},
      {"213农林水支出", "3,860.11", "3,360.11", "500.00"}};
  const Case cases[] = {
      {"income sources",
       "budget.income",
       income_first,
       income_next,
       TextOrigin::kOcr,
       {"", "total", "general_budget", "other"}},
      {"a fiscal summary's expenditure funds",
       "budget.fiscal_appropriation_summary",
       {{"项目", "预算数", "支出功能分类", "全一", "一般公共预算", "政府性基金预算"},
        {"一、一般公共预算拨款", "12,516.07", "城乡社区支出", "8,655.96", "8,655.96", ""},
        {"二、政府性基金预算拨款", "", "二、农林水支出", "3,860.11", "3,860.11", ""},
        {"收入总计", "12,516.07", "支出总计", "12,516.07", "12,516.07", ""}},
       {},
       TextOrigin::kOcr,
       {"", "amount", "", "total", "general_budget", "gov_fund"}},
      {"a row prints another amount",
       "budget.income",
       income_first,
       {{"212城乡社区支出", "8,655.96", "8,655.96", ""},
        {"213农林水支出", "3,860.11", "3,360.11", ""}},
       TextOrigin::kOcr,
       {"", "", "general_budget", "other"}},
      // js_wuxi_emergency_enforce p7 on a scan: 小计 under 本年收入 read 人, beside a table total
      // keyed by its header; the group's sources right of it sum to it in every row: it is the
      // group's total.
      {"a group's subtotal",
       "budget.income",
       {{"单位名称", "合计", "本年收入", "", "", "上年结转结余"},
        {"", "", "人", "一般公共预算", "政府性基金预算", ""},
        {"合计", "1,136.23", "1,136.23", "1,000.00", "136.23", ""}},
       {{"某单位", "1,136.23", "1,136.23", "1,000.00", "136.23", ""}},
       TextOrigin::kOcr,
       {"", "total", "income.total", "income.general_budget", "income.gov_fund", "carryover"}},
      {"one row says so",
       "budget.income",
       income_first,
       {},
       TextOrigin::kOcr,
       {"", "", "general_budget", "other"}},
      {"a text layer",
       "budget.income",
       income_first,
       income_next,
       TextOrigin::kTextLayer,
       {"", "", "general_budget", "other"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Table first = Grid(c.first);
    for (TableCell& cell : first.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched = OnePart(first, c.kind);
    Table next;
    if (!c.next.empty()) {
      next = Grid(c.next);
      for (TableCell& cell : next.cells) cell.provenance.origin = c.origin;
      AddBodyPart(stitched, next);
    }
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    EXPECT_EQ(columns.keys, c.keys);
    const bool keyed = std::find(c.keys.begin(), c.keys.end(), "total") != c.keys.end() ||
                       std::find(c.keys.begin(), c.keys.end(), "income.total") != c.keys.end();
    EXPECT_EQ(columns.keyed_by_sums.size(), keyed ? 1u : 0u);
  }
}

// A summary's two sides print the same columns (项目 | 行次 | 金额); OCR lost the income side's
// 金额 (cn_central_xinfang_2024_final p7 on a scan: an empty header cell over 19,572.91), and the
// row stage gave the expenditure side's amounts to the income labels. The column with no header
// word of its own, money in its body and the other side after it takes the other side's key, with
// the side word printed over both (收入 spanning 项目 | 行次 | …) or not. A text layer's header
// keeps what it prints.
TEST(HeaderTest, OcrSummarySideWithoutItsAmountWord) {
  for (const bool grouped : {false, true}) {
    std::vector<std::vector<std::string>> rows = {
        {"项目", "行次", "", "项目", "行次", "金额"},
        {"一、一般公共预算财政拨款收入", "1", "19,572.91", "一般公共服务支出", "32", "10,685.56"},
        {"五、事业收入", "5", "180.03", "教育支出", "36", "180.03"},
        {"本年收入合计", "9", "20,451.35", "本年支出合计", "50", "14,572.53"}};
    if (grouped) rows.insert(rows.begin(), {"收入", "", "", "支出", "", ""});
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid(rows);
      std::vector<TableCell> cells;
      for (TableCell& cell : grid.cells) {
        cell.provenance.origin = origin;
        if (grouped && cell.row == 0 && cell.column % 3 != 0) continue;
        if (grouped && cell.row == 0) cell.column_span = 3;
        cells.push_back(cell);
      }
      grid.cells = cells;
      const TableColumns columns =
          KeyColumns(OnePart(grid, "final.income_expenditure_summary"), HeaderOptions{});
      const std::vector<std::string> ocr = {"", "", "amount", "", "", "amount"};
      const std::vector<std::string> text = {"", "", "", "", "", "amount"};
      EXPECT_EQ(columns.keys, origin == TextOrigin::kOcr ? ocr : text)
          << grouped << " " << TextOriginName(origin);
    }
  }
}

// The income side's amount word misread as a word that names nothing (收入/法 for 金额, H11
// s3w_0171_final), the expenditure side printing 行次 between its labels and its amounts: the
// column takes the other side's amount key, never its 行次's. A misread word that is a label's
// (项目…) or a text layer's header keeps what it prints.
TEST(HeaderTest, OcrSummarySideWithAMisreadAmountWord) {
  struct Case {
    const char* name;
    const char* word;
    TextOrigin origin;
    std::vector<std::string> keys;
  };
  const Case cases[] = {
      {"misread", "法", TextOrigin::kOcr, {"", "amount", "", "", "amount"}},
      {"lost", "", TextOrigin::kOcr, {"", "amount", "", "", "amount"}},
      {"a label's word", "项目名称", TextOrigin::kOcr, {"", "", "", "", "amount"}},
      {"misread on a text layer", "法", TextOrigin::kTextLayer, {"", "", "", "", "amount"}},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"收入", c.word, "支出", "行次", "金额"},
                       {"一、一般公共预算财政拨款收入", "17.34", "城乡社区支出", "8", "9.24"},
                       {"二、政府性基金预算财政拨款收入", "2", "住房保障支出", "9", "8.10"},
                       {"本年收入合计", "17.34", "本年支出合计", "13", "17.34"},
                       {"总计", "17.34", "总计", "14", "17.34"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const TableColumns columns =
        KeyColumns(OnePart(grid, "final.income_expenditure_summary"), HeaderOptions{});
    EXPECT_EQ(columns.keys, c.keys) << c.name;
  }
}

// A figure column's word read onto the end of the label header left of it (项目（按功能分类）合计
// over an empty cell, H12 s3w_0178_final's fiscal summary): the column takes the word's key. Not
// when the left header is itself a figure column's (本年支出合计), when another column has the key,
// nor on a text layer.
TEST(HeaderTest, OcrFigureWordGluedToTheLabelHeader) {
  struct Case {
    const char* name;
    const char* label_header;
    const char* fund_header;
    TextOrigin origin;
    std::vector<std::string> keys;
  };
  const Case cases[] = {
      {"glued",
       "项目（按功能分类）合计",
       "一般公共预算财政拨款",
       TextOrigin::kOcr,
       {"", "amount", "", "total", "general_budget"}},
      {"left header keys a figure column",
       "本年支出合计",
       "一般公共预算财政拨款",
       TextOrigin::kOcr,
       {"", "amount", "total", "", "general_budget"}},
      {"key taken by another column",
       "项目（按功能分类）合计",
       "合计",
       TextOrigin::kOcr,
       {"", "amount", "", "", "amount"}},
      {"text layer",
       "项目（按功能分类）合计",
       "一般公共预算财政拨款",
       TextOrigin::kTextLayer,
       {"", "amount", "", "", "general_budget"}},
  };
  for (const Case& c : cases) {
    Table grid =
        Grid({{"项目", "金额", c.label_header, "", c.fund_header},
              {"一、一般公共预算财政拨款", "573.35", "一、一般公共服务支出", "135.17", "135.17"},
              {"二、政府性基金预算财政拨款", "", "二、社会保障和就业支出", "196.24", "196.24"},
              {"本年收入合计", "573.35", "本年支出合计", "573.35", "573.35"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const TableColumns columns =
        KeyColumns(OnePart(grid, "final.fiscal_appropriation_summary"), HeaderOptions{});
    EXPECT_EQ(columns.keys, c.keys) << c.name;
  }
}

// The keys of a one-part `kind` grid of `rows`, read as `origin`, its column `c` boxed as a scan
// places it: the header cell (row 0) over [header_x0, header_x1], the body's amounts over
// [money_x0, money_x1]; the label column at the left and any other column at the right.
std::vector<std::string> KeysWithColumnBoxed(const std::vector<std::vector<std::string>>& rows,
                                             const std::string& kind, TextOrigin origin, int c,
                                             double header_x0, double header_x1, double money_x0,
                                             double money_x1) {
  Table grid = Grid(rows);
  for (TableCell& cell : grid.cells) {
    cell.provenance.origin = origin;
    const double top = 57.0 + 20 * cell.row;
    if (cell.column == c) {
      cell.provenance.box = cell.row == 0 ? Box{header_x0, top, header_x1, top + 13}
                                          : Box{money_x0, top, money_x1, top + 13};
    } else if (cell.column == 0) {
      cell.provenance.box = Box{51, top, 190, top + 13};
    } else {
      cell.provenance.box = Box{560.0 + 60 * cell.column, top, 600.0 + 60 * cell.column, top + 13};
    }
  }
  return KeyColumns(OnePart(grid, kind), HeaderOptions{}).keys;
}

// H10 s3w_0146_budget on a scan: two columns' names read as one header cell, the first wrapped
// (一般公共预其他收入 over 算拨款; 其他收入 printed empty, so no column of its own): the cell keyed
// `other` and every general-budget figure went out as other income, silent. The column's money
// says whose it is: amounts ending where the first name ends are its; starting after it, the
// second's; spanning both, the column is keyed nothing. A text layer's header is read as printed.
TEST(HeaderTest, OcrTwoColumnNamesInOneHeaderCell) {
  struct Case {
    const char* name;
    double money_x0, money_x1;
    TextOrigin origin;
    std::string key;
  };
  const Case cases[] = {
      {"UnderTheFirstName", 417, 462, TextOrigin::kOcr, "general_budget"},
      {"UnderTheSecondName", 470, 515, TextOrigin::kOcr, "other"},
      {"UnderBoth", 404, 515, TextOrigin::kOcr, ""},
      {"TextLayer", 417, 462, TextOrigin::kTextLayer, "other"},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> keys =
        KeysWithColumnBoxed({{"科目名称", "合计", "一般公共预其他收入"},
                             {"", "", "算拨款"},
                             {"206科学技术支出", "7,487.22", "7,487.22"},
                             {"220自然资源海洋气象等支出", "6,891.02", "6,891.02"},
                             {"合计", "14,378.24", "14,378.24"}},
                            "budget.income", c.origin, 2, 404, 515, c.money_x0, c.money_x1);
    ASSERT_EQ(keys.size(), 3u);
    EXPECT_EQ(keys[2], c.key) << c.name;
  }
}

// H13 s3w_0193_final on a scan: the fiscal summary's 合计 read 计, its five totals unkeyed. A
// summary's header word that lost its first character is completed as any table's is; a text
// layer's is read as printed.
TEST(HeaderTest, OcrSummaryHeaderWordMissingItsFirstCharacter) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid =
        Grid({{"项目", "金额", "项目（按功能分类）", "计", "一般公共预算财政拨款"},
              {"一、一般公共预算财政拨款", "3,828.99", "科学技术支出", "1,188.65", "1,188.65"},
              {"本年收入合计", "3,828.99", "本年支出合计", "3,828.99", "3,828.99"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const TableColumns columns =
        KeyColumns(OnePart(grid, "final.fiscal_appropriation_summary"), HeaderOptions{});
    EXPECT_EQ(columns.keys[3], origin == TextOrigin::kOcr ? "total" : "") << TextOriginName(origin);
  }
}

// A header word with one character misread (财政拨歌收入 for 财政拨款收入, H13 s3w_0200_final's
// income table: 14 figures unread) is keyed as the standard name it differs from by that
// character; not when the names it is near key different columns, when another column has the
// key, when it is shorter than four characters, nor on a text layer.
TEST(HeaderTest, OcrHeaderWordWithOneCharacterMisread) {
  struct Case {
    const char* name;
    const char* word;
    const char* other;  // the third column's header
    TextOrigin origin;
    std::string key;
  };
  const Case cases[] = {
      {"Misread", "财政拨歌收入", "事业收入", TextOrigin::kOcr, "fiscal_appropriation"},
      {"KeyTaken", "财政拨歌收入", "财政拨款收入", TextOrigin::kOcr, ""},
      {"Short", "合汁", "事业收入", TextOrigin::kOcr, ""},
      {"TextLayer", "财政拨歌收入", "事业收入", TextOrigin::kTextLayer, ""},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"科目名称", "本年收入合计", c.word, c.other},
                       {"205教育支出", "5.35", "5.35", "1.00"},
                       {"210卫生健康支出", "20.60", "20.60", "1.00"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const TableColumns columns = KeyColumns(OnePart(grid, "final.income"), HeaderOptions{});
    ASSERT_EQ(columns.keys.size(), 4u);
    EXPECT_EQ(columns.keys[2], c.key) << c.name;
  }
}

// A header word wrapped over two lines whose lines OCR read in the wrong order (算一般公共预 for
// 一般公共预算 over 算, H15 s3w_0234_budget's fiscal summary: its general-budget figures went
// unread, and the 合计 beside them was taken for the side's lone amount) is keyed as the standard
// name it rotates into, in a summary as in any table; not when another column has that key, over
// no money, nor on a text layer.
TEST(HeaderTest, OcrHeaderWordWithItsLinesReadOutOfOrder) {
  struct Case {
    const char* name;
    const char* word;
    const char* other;  // the fourth column's header
    const char* money;
    TextOrigin origin;
    std::string key;
  };
  const Case cases[] = {
      {"Rotated", "算一般公共预", "政府性基金预算", "5.35", TextOrigin::kOcr, "general_budget"},
      {"KeyTaken", "算一般公共预", "一般公共预算", "5.35", TextOrigin::kOcr, ""},
      {"NoMoney", "算一般公共预", "政府性基金预算", "", TextOrigin::kOcr, ""},
      {"TextLayer", "算一般公共预", "政府性基金预算", "5.35", TextOrigin::kTextLayer, ""},
      // One character lost (一般公共算, its 预 read into the next cell: H19 s3w_0297_budget).
      {"OneCharacterLost", "一般公共算", "预政府性基金预算", "5.35", TextOrigin::kOcr,
       "general_budget"},
      {"OneCharacterLostTextLayer", "一般公共算", "政府性基金预算", "5.35", TextOrigin::kTextLayer,
       ""},
      // Too short to tell by the word; in a fiscal summary, between 合计 and 政府性基金 over
      // money, the column is the general budget all the same (H46 s3w_0731_final).
      {"TooShortToTell", "公共算", "政府性基金预算", "5.35", TextOrigin::kOcr, "general_budget"},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"项目", "预算数", "项目", "合计", c.word, c.other},
                       {"一、一般公共预算拨款", "25.95", "一、教育支出", "5.35", c.money, ""},
                       {"", "", "二、卫生健康支出", "20.60", c.money, ""},
                       {"收入总计", "25.95", "支出总计", "25.95", c.money, ""}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const TableColumns columns =
        KeyColumns(OnePart(grid, "budget.fiscal_appropriation_summary"), HeaderOptions{});
    ASSERT_EQ(columns.keys.size(), 6u);
    EXPECT_EQ(columns.keys[4], c.key) << c.name;
  }
}

// A name of four whose last character wrapped to a line the scan did not read (人员经 and 公用经
// over 费, H27 s3w_0427_budget: the public column's figures unkeyed): its head of three keys the
// column; not a head of two, a word of three missing another character, nor on a text layer.
TEST(HeaderTest, OcrHeaderWordCutBeforeItsLastCharacter) {
  struct Case {
    const char* name;
    const char* public_word;
    TextOrigin origin;
    const char* key;  // of the public column
  };
  const Case cases[] = {
      {"Head", "公用经", TextOrigin::kOcr, "public"},
      {"HeadOnATextLayer", "公用经", TextOrigin::kTextLayer, ""},
      {"HeadOfTwo", "公用", TextOrigin::kOcr, ""},
      {"AnotherCharacterLost", "公经费", TextOrigin::kOcr, ""},
  };
  for (const Case& c : cases) {
    // As the scan read it: the header over two lines, the table over two pages, the public
    // column blank on the first.
    Table first = Grid({{"部门预算经济分类", "", "人员经", c.public_word},
                        {"科目编码", "科目名称", "", ""},
                        {"301", "工资福利支出", "188.47", ""},
                        {"30101", "基本工资", "5.54", ""}});
    Table next = Grid({{"302", "商品和服务支出", "", "90.49"},
                       {"30206", "电费", "", "25.26"},
                       {"合计", "", "188.47", "90.49"}});
    for (Table* grid : {&first, &next}) {
      for (TableCell& cell : grid->cells) cell.provenance.origin = c.origin;
    }
    StitchedTable stitched = OnePart(first, "budget.general_budget_basic_expenditure");
    AddBodyPart(stitched, next);
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    ASSERT_EQ(columns.keys.size(), 4u);
    EXPECT_EQ(columns.keys[3], c.key) << c.name;
  }
}

// The misread word's column may print its money only on the next page: 公用经慢 over a 公用经费
// column whose first-page rows (301 工资福利支出 and its items) are blank there (H14
// s3w_0219_final). Its money in the part below counts.
TEST(HeaderTest, OcrHeaderWordWithOneCharacterMisreadOverMoneyOnTheNextPage) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    SCOPED_TRACE(origin == TextOrigin::kOcr ? "OCR" : "text layer");
    Table first = Grid({{"经济分类科目", "人员经费", "公用经慢"},
                        {"301工资福利支出", "31,057,565.76", ""},
                        {"30101基本工资", "28,412,354.33", ""}});
    Table next = Grid({{"302商品和服务支出", "", "15,886,780.06"},
                       {"30201办公费", "", "8,639,477.87"},
                       {"合计", "31,057,565.76", "15,886,780.06"}});
    for (Table* grid : {&first, &next}) {
      for (TableCell& cell : grid->cells) cell.provenance.origin = origin;
    }
    StitchedTable stitched = OnePart(first, "final.general_budget_basic_expenditure");
    AddBodyPart(stitched, next);
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    ASSERT_EQ(columns.keys.size(), 3u);
    EXPECT_EQ(columns.keys[2], origin == TextOrigin::kOcr ? "public" : "");
  }
}

// H13 s3w_0200_final on a scan: the income table's three figure names run together in one header
// cell (本年收入合计财政拨款收入其他收入), which keyed the column 其他收入: seven totals exported
// as other income, silent. Cut where every piece is a standard name, the names share the cell's
// width, and the column takes the name its amounts end under. One whole name is not cut; a text
// layer's header is read as printed.
TEST(HeaderTest, OcrColumnNamesRunTogetherInOneHeaderCell) {
  struct Case {
    const char* name;
    const char* header;
    double money_x0, money_x1;
    TextOrigin origin;
    std::string key;
  };
  const Case cases[] = {
      {"UnderTheFirstName", "本年收入合计财政拨款收入其他收入", 388.8, 407.16, TextOrigin::kOcr,
       "total"},
      {"UnderTheSecondName", "本年收入合计财政拨款收入其他收入", 458.0, 480.0, TextOrigin::kOcr,
       "fiscal_appropriation"},
      {"OverTwoNames", "本年收入合计财政拨款收入其他收入", 380.0, 480.0, TextOrigin::kOcr, ""},
      {"OneWholeName", "一般公共预算财政拨款", 388.8, 407.16, TextOrigin::kOcr, "general_budget"},
      // One character read between two names (H18 s3w_0287_budget: 一般公共预算氢其他收入, the
      // general-budget column exported as other income, 7 silent): the names either side.
      {"ASpeckBetweenTwoNames", "一般公共预算氢其他收入", 388.8, 407.16, TextOrigin::kOcr,
       "general_budget"},
      {"ASpeckBetweenTwoNamesUnderTheSecond", "一般公共预算氢其他收入", 490.0, 525.0,
       TextOrigin::kOcr, "other"},
      // The first name wrapped in the cell, its rest on the cell's second line, the second name
      // beside its first line (H38 s3w_0599_budget: 一般公共。其他收入 over 预算拨款, the
      // general-budget column exported as other income, 11 silent; 其他收入 printed no amount).
      {"TheFirstNameWrappedInTheCell", "一般公共。其他收入\n预算拨款", 388.8, 407.16,
       TextOrigin::kOcr, "general_budget"},
      {"TheFirstNameWrappedInTheCellUnderTheSecond", "一般公共。其他收入\n预算拨款", 490.0, 525.0,
       TextOrigin::kOcr, "other"},
      // A name's character is no speck (H15 s3w_0225_budget: 本年支出合基本支出, 合计 wrapped):
      // the cell is left to the other rules.
      {"ANamesCharacterBetweenTwoNames", "本年支出合基本支出", 388.8, 407.16, TextOrigin::kOcr,
       "basic"},
      {"TextLayer", "本年收入合计财政拨款收入其他收入", 388.8, 407.16, TextOrigin::kTextLayer,
       "other"},
  };
  for (const Case& c : cases) {
    const std::vector<std::string> keys =
        KeysWithColumnBoxed({{"科目名称", c.header, "事业收入"},
                             {"205教育支出", "5.35", "1.00"},
                             {"210卫生健康支出", "20.60", "1.00"},
                             {"合计", "25.95", "2.00"}},
                            "final.income", c.origin, 1, 345.24, 531.0, c.money_x0, c.money_x1);
    ASSERT_EQ(keys.size(), 3u);
    EXPECT_EQ(keys[1], c.key) << c.name;
  }
}

// A group's header over the level below (一般公共预算基本支出 spanning 合计 | 人员经费 | 公用经费,
// Shanghai's basic-expenditure tables on a scan) is no name wrapped onto the line under it: the
// scan keys the columns as the text layer does. Nor is a top word over a word that names a
// column itself.
// s16w_0023_budget (PDF): the 合计 row at a page foot, its amounts cut after their points by the
// break (3,344,476. over 33 on the next page, under the repeated header). Beside those, 合计 was
// taken for a header word: the row joined the header, the 合计 column keyed nothing (12 figures
// lost) and the row was never rejoined with its rest. A cut amount is a figure.
TEST(HeaderTest, TotalRowWithAmountsCutAfterThePointIsNoHeader) {
  const Table grid = Grid({{"功能分类科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                           {"类", "款", "项", "", "", "", ""},
                           {"栏次", "", "", "", "1", "2", "3"},
                           {"合计", "", "", "", "3,344,476.", "1,617,809.", "1,726,666."}});
  const HeaderAnalysis header = AnalyzeHeader(grid);
  EXPECT_EQ(header.header_rows, 3);
  EXPECT_EQ(header.keys[4], "total");
}

// s16w_0086_budget (PDF): a fiscal summary whose income amount cell spans three ruled columns
// (预算数 over 51,567.00), under caption rows drawn in the frame (表2, its title, its unit), which
// print one cell each over empty cells in every column. The two columns the amount spans are no
// columns of their own: the side's one amount column is its `amount` (it was keyed `budget`
// twice, the figures exported under `budget`, silent).
TEST(HeaderTest, ColumnsSpannedUnderCaptionRowsAreNoColumnsOfTheirOwn) {
  Table grid =
      Grid({{"表2", "", "", "", "", "", "", ""},
            {"财政拨款收支总表", "", "", "", "", "", "", ""},
            {"收入", "", "", "", "", "支出", "", ""},
            {"项目", "预算数", "", "", "支出功能分类", "合计", "一般公共预算", "政府性基金预算"},
            {"一、一般公共预算拨款", "51,567.00", "", "", "一、卫生健康支出", "28,966.75",
             "28,966.75", ""},
            {"收入总计", "51,567.00", "", "", "支出总计", "51,567.00", "51,567.00", ""}});
  std::vector<TableCell> cells;
  for (TableCell& cell : grid.cells) {
    const bool spanned = cell.row >= 3 && (cell.column == 2 || cell.column == 3);
    if (spanned) continue;
    if (cell.row >= 3 && cell.column == 1) cell.column_span = 3;
    if (cell.row == 2 && cell.column == 0) cell.column_span = 4;
    if (cell.row == 2 && cell.column > 0 && cell.column < 4) continue;
    cells.push_back(cell);
  }
  grid.cells = cells;
  const TableColumns columns =
      KeyColumns(OnePart(grid, "budget.fiscal_appropriation_summary"), HeaderOptions{});
  ASSERT_EQ(columns.keys.size(), 8u);
  EXPECT_EQ(columns.keys[1], "amount");
  EXPECT_EQ(columns.keys[2], "-");
  EXPECT_EQ(columns.keys[3], "-");
}

TEST(HeaderTest, OcrGroupHeaderOverItsColumnsIsNoWrappedName) {
  for (const bool spanning : {true, false}) {
    Table grid = Grid({{"项目", "", "一般公共预算基本支出", "", ""},
                       {"部门经济分类科目名称", "", "合计", "人员经费", "公用经费"},
                       {"301", "工资福利支出", "3,737,243", "3,737,243", ""},
                       {"30101", "基本工资", "1,042,704", "1,042,704", ""},
                       {"302", "商品和服务支出", "685,140", "", "685,140"}});
    std::vector<TableCell> cells;
    for (TableCell& cell : grid.cells) {
      if (spanning && cell.row == 0 && cell.column > 2) continue;
      if (spanning && cell.row == 0 && cell.column == 2) cell.column_span = 3;
      const double top = 57.0 + 20 * cell.row;
      cell.provenance.box = Box{51.0 + 100 * cell.column, top, 140.0 + 100 * cell.column, top + 13};
      cells.push_back(cell);
    }
    grid.cells = cells;
    std::vector<std::string> keys[2];
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      keys[origin == TextOrigin::kOcr ? 0 : 1] =
          KeyColumns(OnePart(grid, "budget.general_budget_basic_expenditure"), HeaderOptions{})
              .keys;
    }
    EXPECT_EQ(keys[0], keys[1]) << spanning;
    EXPECT_FALSE(keys[0][2].empty()) << spanning;
  }
}

// The column keys of a one-part `kind` grid of `rows`, every cell read as `origin`.
std::vector<std::string> KeysReadAs(const std::vector<std::vector<std::string>>& rows,
                                    const std::string& kind, TextOrigin origin) {
  Table grid = Grid(rows);
  for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
  return KeyColumns(OnePart(grid, kind), HeaderOptions{}).keys;
}

// A fiscal summary's fund columns, each name wrapped over two header lines (一般公共预算 over
// 财政拨款): 财政拨款 there ends the fund's name, it heads no group (both columns had keyed
// fiscal_appropriation.total). On a scan the two funds' first lines read as one word in the first
// column (一般公共预算政府性基金预算 | blank, H27 s3w_0430_final): each column takes one. A text
// layer's word is as printed.
TEST(HeaderTest, FundColumnNamesWrappedOverTwoLinesKeyTheirFunds) {
  const auto rows = [](const char* first, const char* second) {
    return std::vector<std::vector<std::string>>{
        {"收入", "", "支出", "", "", ""},
        {"项目", "金额", "项目（按功能分类）", "合计", first, second},
        {"", "", "", "", "财政拨款", "财政拨款"},
        {"一、一般公共预算财政拨款", "8,668,994.01", "自然资源海洋气象等支出", "8,668,994.01",
         "8,668,994.01", ""},
        {"本年收入合计", "8,668,994.01", "本年支出合计", "8,668,994.01", "8,668,994.01", ""}};
  };
  const std::string kind = "final.fiscal_appropriation_summary";
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    SCOPED_TRACE(TextOriginName(origin));
    const std::vector<std::string> apart =
        KeysReadAs(rows("一般公共预算", "政府性基金预算"), kind, origin);
    ASSERT_EQ(apart.size(), 6u);
    EXPECT_TRUE(EndsWith(apart[4], "general_budget")) << apart[4];
    EXPECT_TRUE(EndsWith(apart[5], "gov_fund")) << apart[5];
    const std::vector<std::string> joined =
        KeysReadAs(rows("一般公共预算政府性基金预算", ""), kind, origin);
    ASSERT_EQ(joined.size(), 6u);
    EXPECT_TRUE(EndsWith(joined[4], "general_budget")) << joined[4];
    EXPECT_EQ(EndsWith(joined[5], "gov_fund"), origin == TextOrigin::kOcr) << joined[5];
  }
}

// A grid whose header words OCR misread: keyed `ocr` when scanned, not at all from a text layer.
struct OcrOnlyKeysCase {
  const char* name;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> ocr;
};

void ExpectKeyedOnlyWhenOcr(const std::vector<OcrOnlyKeysCase>& cases, const std::string& kind) {
  for (const OcrOnlyKeysCase& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      const std::vector<std::string> none(c.ocr.size());
      EXPECT_EQ(KeysReadAs(c.rows, kind, origin), origin == TextOrigin::kOcr ? c.ocr : none)
          << c.name << " " << TextOriginName(origin);
    }
  }
}

// A header word that lost its first character to the scan: 计 for 合计 (s3w_0091_budget: the
// income table's 9 totals unkeyed), 用经费 for 公用经费 (s3w_0078_final: 6 public figures
// unkeyed). Keyed as the word it ends when every completion keys the same column and no other
// column has it; a rest completing to nothing, or to a key another column has, stays unkeyed; a
// text layer's header is read as printed.
TEST(HeaderTest, OcrHeaderWordMissingItsFirstCharacter) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> rows;
    const char* kind;
    std::vector<std::string> ocr;
    std::vector<std::string> text_layer;
  };
  const std::vector<Case> cases = {
      // The table's first part, one row at a page foot: too few amounts to key the column by
      // its place (KeyOcrColumnsByPlace).
      {"计 for 合计",
       {{"功能分类科目编码科目名称", "计", "一般公共预算拨款", "其他收入"},
        {"210卫生健康支出", "30,034.05", "30,034.05", ""}},
       "budget.income",
       {"", "total", "general_budget", "other"},
       {"", "", "general_budget", "other"}},
      {"用经费 for 公用经费",
       {{"经济分类科目", "人员经费", "用经费"},
        {"301工资福利支出", "132.79", ""},
        {"302商品和服务支出", "", "80.62"},
        {"30205", "", "58.15"}},
       "final.general_budget_basic_expenditure",
       {"", "personnel", "public"},
       {"", "personnel", ""}},
      {"completes to a key another column has",
       {{"功能分类科目编码科目名称", "合计", "计", "其他收入"},
        {"210卫生健康支出", "30,034.05", "30,034.05", ""},
        {"21011行政事业单位医疗", "5,004.91", "5,004.91", ""}},
       "budget.income",
       {"", "total", "", "other"},
       {"", "total", "", "other"}},
      {"completes to nothing",
       {{"功能分类科目编码科目名称", "计", "一般公共预算拨款", "畿"},
        {"210卫生健康支出", "30,034.05", "30,034.05", "1.00"},
        {"21011行政事业单位医疗", "5,004.91", "5,004.91", "1.00"}},
       "budget.income",
       {"", "total", "general_budget", ""},
       {"", "", "general_budget", ""}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(KeysReadAs(c.rows, c.kind, TextOrigin::kOcr), c.ocr) << c.name;
    EXPECT_EQ(KeysReadAs(c.rows, c.kind, TextOrigin::kTextLayer), c.text_layer) << c.name;
  }
}

// The same where OCR misread a side's amount word rather than losing it (质算数 for 预算数,
// sd_yantai_audit p8): the column keys nothing, and where both sides print as many columns the
// column in its place on the other side names it, on either side. A text layer keeps its header.
TEST(HeaderTest, OcrSummarySideWithItsAmountWordMisread) {
  for (const bool right : {true, false}) {
    const std::string left_word = right ? "预算数" : "质算数";
    const std::string right_word = right ? "质算数" : "预算数";
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      const std::vector<std::string> keys =
          KeysReadAs({{"项目", left_word, "项目", right_word},
                      {"一、财政拨款收入", "2,776.75", "一、一般公共服务支出", "2,731.79"},
                      {"五、其他收入", "781.60", "八、卫生健康支出", "151.80"},
                      {"本年收入合计", "3,558.35", "本年支出合计", "3,558.35"}},
                     "budget.income_expenditure_summary", origin);
      std::vector<std::string> expected = {"", "amount", "", "amount"};
      if (origin == TextOrigin::kTextLayer) expected[right ? 3 : 1].clear();
      EXPECT_EQ(keys, expected) << right << " " << TextOriginName(origin);
    }
  }
}

// Both sides' amount words misread (预筑数, 预委数 for 预算数: cn_central_xinfang p9 at 150 dpi):
// no side keys a column the other could mirror. Each side prints its labels and one column of
// money, which is its amount. A side of two money columns (合计 | 一般公共预算 misread alike) is
// not guessed; a text layer keeps what its header prints.
TEST(HeaderTest, OcrSummaryBothAmountWordsMisread) {
  const std::vector<OcrOnlyKeysCase> cases = {
      {"one money column a side",
       {{"项目", "预筑数", "项目", "预委数"},
        {"一、一般公共预算拨款", "16,474.82", "一般公共服务支出", "15,291.30"},
        {"二、上年结转", "2,254.12", "教育支出", "118.01"},
        {"收入总计", "18,728.94", "支出总计", "18,728.94"}},
       {"", "amount", "", "amount"}},
      {"two money columns on a side",
       {{"项目", "预筑数", "项目", "合汁", "一般公共预委"},
        {"一、一般公共预算拨款", "16,474.82", "一般公共服务支出", "15,291.30", "15,291.30"},
        {"二、上年结转", "2,254.12", "教育支出", "118.01", "118.01"},
        {"收入总计", "18,728.94", "支出总计", "18,728.94", "18,728.94"}},
       {"", "", "", "", ""}},
  };
  ExpectKeyedOnlyWhenOcr(cases, "budget.fiscal_appropriation_summary");
}

// s3w_0082_final and s3w_0060_budget on a scan: a plain summary whose header was read as a
// paragraph above the grid (项目 行次 金额 项目（按功能分类） 行次 金额) keys no column; the sides
// are found by the body, but the expenditure side's 行次 column (8 … 14, no header word to call
// it one) opened a side of its own, and none was keyed: eight figures unkeyed. A column of row
// numbers opens no side, so each side's one money column is its amount. A text layer keeps its
// header.
TEST(HeaderTest, OcrSummaryRowNumbersWithoutTheirHeaderOpenNoSide) {
  const std::vector<OcrOnlyKeysCase> cases = {
      {"行次 on the expenditure side",
       {{"一、一般公共预算财政拨款收入", "462,106.97", "一、科学技术支出", "8", "54,675.42"},
        {"二、政府性基金预算财政拨款收入", "", "二、自然资源海洋气象等支出", "9", "295,781.41"},
        {"三、上级补助收入", "", "三、住房保障支出", "10", "111,650.14"},
        {"本年收入合计", "462,106.97", "本年支出合计", "13", "462,106.97"},
        {"总计", "462,106.97", "总计", "14", "462,106.97"}},
       {"", "amount", "", "", "amount"}},
      {"行次 on both sides",
       {{"一、一般公共预算财政拨款收入", "1", "462,106.97", "一、科学技术支出", "8", "54,675.42"},
        {"二、政府性基金预算财政拨款收入", "2", "", "二、自然资源海洋气象等支出", "9",
         "295,781.41"},
        {"本年收入合计", "6", "462,106.97", "本年支出合计", "13", "462,106.97"},
        {"总计", "7", "462,106.97", "总计", "14", "462,106.97"}},
       {"", "", "amount", "", "", "amount"}},
  };
  ExpectKeyedOnlyWhenOcr(cases, "final.income_expenditure_summary");
}

// A table of codes, names and one amount column whose amount word OCR misread (金阁 for 金额,
// js_procuratorate_2018 公开06表) keys that column as its amount. A grid with another amount
// column printed empty is not guessed (the money may be its 合计 among parts), nor is a text
// layer's header.
TEST(HeaderTest, OcrLoneMoneyColumnWithItsWordMisread) {
  const std::vector<OcrOnlyKeysCase> cases = {
      {"codes, names, amounts",
       {{"科目编码", "科目名称", "金阁"},
        {"301", "工资福利支出", "10,204.52"},
        {"30101", "基本工资", "2,117.68"},
        {"30102", "津贴补贴", "5,081.98"}},
       {"", "", "amount"}},
      {"a column printed empty",
       {{"科目编码", "科目名称", "台汁", "项月支出"},
        {"301", "工资福利支出", "10,204.52", ""},
        {"30101", "基本工资", "2,117.68", ""},
        {"30102", "津贴补贴", "5,081.98", ""}},
       {"", "", "", ""}},
      // Its word a 合计 misread by one ideograph: keyed by that word, total, not guessed.
      {"a column printed empty, its word 合计 misread",
       {{"科目编码", "科目名称", "合汁", "项月支出"},
        {"301", "工资福利支出", "10,204.52", ""},
        {"30101", "基本工资", "2,117.68", ""},
        {"30102", "津贴补贴", "5,081.98", ""}},
       {"", "", "total", ""}},
      // A first part with no header of its own (s3w_0013: 人员经费 | 公用经费 printed over a
      // later part): its lone money column is the personnel one, not an amount.
      {"no header of its own",
       {{"30102津贴补贴", "1,849,409.53"},
        {"30103", "3,876,092.11"},
        {"30113住房公积金", "1,656,258.98"}},
       {"", ""}},
  };
  ExpectKeyedOnlyWhenOcr(cases, "budget.fiscal_appropriation_basic_expenditure");
}

// A summary whose income amount column OCR read into the expenditure labels' cells
// (2,607.07本年支出合计, the header 预算数支出功能分类) keeps one amount column, the expenditure
// side's. The income labels took those amounts, a wrong figure on every line; they now take
// none, and the expenditure lines theirs. A text layer is read as before.
TEST(RowsTest, OcrSummaryIncomeLabelsTakeNoExpenditureAmounts) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"收入", "支出", "", ""},
                       {"项目", "预算数支出功能分类", "", "预算数"},
                       {"一、一般公共预算拨款收入", "一、社会保障和就业支出", "2,607.07", "818.27"},
                       {"二、政府性基金预算拨款收入", "二、住房保障支出", "", "1,788.80"},
                       {"三、事业收入", "", "", ""},
                       {"本年收入合计", "2,607.07本年支出合计", "", "2,607.07"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const StitchedTable stitched = OnePart(grid, "budget.income_expenditure_summary");
    std::vector<Finding> findings;
    RowsOptions options;
    options.default_unit = UnitOfAmount::kWanYuan;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
    std::vector<std::string> income;
    std::vector<std::string> expenditure;
    for (const CanonicalRow& row : table.rows) {
      for (const Figure& figure : row.values) {
        (StartsWith(row.row_code, "income.") ? income : expenditure)
            .push_back(row.row_code + "=" + figure.printed_text);
      }
    }
    if (origin == TextOrigin::kOcr) {
      EXPECT_TRUE(income.empty()) << testing::PrintToString(income);
      EXPECT_NE(std::find(expenditure.begin(), expenditure.end(), "expenditure.208=818.27"),
                expenditure.end())
          << testing::PrintToString(expenditure);
    } else {
      EXPECT_FALSE(income.empty());
    }
  }
}

// s3w_0082_final and s3w_0058_budget on a scan: a cell printing one or two bare digits in an
// amount column whose amounts print two decimals (五、其他收入 | 1, a 行次 or a stray mark) was
// read as money (1.00 yuan, which the identity repair then fitted by "correcting" 462,106.97). On
// an OCR grid it is not read, and an amount.unparsed finding names its cell; an amount printed with
// decimals, a bare 0 (zero, sh_putuo_justice), a column of integers, or a text layer's cell are
// read as before. A column with one such amount is shown by the grid's other columns.
TEST(RowsTest, OcrStrayDigitsAmongTwoDecimalAmountsAreNoFigure) {
  struct Case {
    const char* name;
    const char* other_income;  // the 五、其他收入 cell
    const char* business;      // the 四、事业收入 cell
    TextOrigin origin;
    std::vector<std::string> read;  // income.* figures other than 本年收入合计's
    int unparsed;
  };
  const Case cases[] = {
      {"StrayOne", "1", "2,000.00", TextOrigin::kOcr, {"income.business=2,000.00"}, 1},
      {"StrayTwoDigits", "12", "2,000.00", TextOrigin::kOcr, {"income.business=2,000.00"}, 1},
      {"AnAmount",
       "1.00",
       "2,000.00",
       TextOrigin::kOcr,
       {"income.business=2,000.00", "income.other=1.00"},
       0},
      {"TextLayer",
       "1",
       "2,000.00",
       TextOrigin::kTextLayer,
       {"income.business=2,000.00", "income.other=1"},
       0},
      {"BareZeroIsZero",
       "0",
       "2,000.00",
       TextOrigin::kOcr,
       {"income.business=2,000.00", "income.other=0"},
       0},
      {"ColumnOfIntegers",
       "1",
       "2000",
       TextOrigin::kOcr,
       {"income.business=2000", "income.other=1"},
       0},
      // One amount with decimals in its column on this part (s3w_0172's summary, its totals on
      // the next page), the grid's other columns printing two decimals.
      {"OneAmountInItsColumn", "8", "", TextOrigin::kOcr, {}, 1},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"项目", "金额", "项目", "金额"},
                       {"四、事业收入", c.business, "一、科学技术支出", "54,675.42"},
                       {"五、其他收入", c.other_income, "二、住房保障支出", "111,650.14"},
                       {"本年收入合计", "462,106.97", "本年支出合计", "462,106.97"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const StitchedTable stitched = OnePart(grid, "final.income_expenditure_summary");
    std::vector<Finding> findings;
    RowsOptions options;
    options.default_unit = UnitOfAmount::kYuan;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
    std::vector<std::string> read;
    for (const CanonicalRow& row : table.rows) {
      if (!StartsWith(row.row_code, "income.") || row.row_code == "income.total_current_year") {
        continue;
      }
      for (const Figure& figure : row.values) {
        read.push_back(row.row_code + "=" + figure.printed_text);
      }
    }
    std::sort(read.begin(), read.end());
    EXPECT_EQ(read, c.read) << c.name;
    int unparsed = 0;
    for (const Finding& finding : findings) {
      if (finding.check != "amount.unparsed") continue;
      ++unparsed;
      ASSERT_EQ(finding.figures.size(), 1u) << c.name;
      EXPECT_EQ(finding.figures[0].row_code, "income.other") << c.name;
    }
    EXPECT_EQ(unparsed, c.unparsed) << c.name;
  }
}

// What a summary grid gives after the OCR summary split (SplitOcrSummaryJoinedColumns), read by
// the rows stage in 万元: its figures as "row_code=printed" (only grid row `only_row`'s when it is
// not -1), and how many tables the split made.
struct SummaryReading {
  std::vector<std::string> figures;
  std::size_t split_tables = 0;
};

SummaryReading ReadSplitSummary(const Table& grid, const std::string& kind, int only_row = -1) {
  std::vector<StitchedTable> tables = {OnePart(grid, kind)};
  std::deque<Table> owned;
  SplitOcrSummaryJoinedColumns(tables, owned);
  std::vector<Finding> findings;
  RowsOptions options;
  options.default_unit = UnitOfAmount::kWanYuan;
  const CanonicalTable table =
      ReadRows(tables[0], KeyColumns(tables[0], HeaderOptions{}), options, 0, findings);
  SummaryReading read;
  read.split_tables = owned.size();
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (only_row >= 0 && figure.provenance.row != only_row) continue;
      read.figures.push_back(row.row_code + "=" + figure.printed_text);
    }
  }
  return read;
}

// s3w_0003_final, s2w_0115_final on a scan: the income side's amounts and the expenditure side's
// labels fell into one column (391.10城乡社区支出, header 金额项目〈按功能分类)). The column is
// split in two, its header words too, and each side reads its own amounts. A text layer keeps its
// grid.
TEST(RowsTest, OcrSummaryColumnOfAmountsJoinedToLabelsSplit) {
  const std::vector<std::vector<std::string>> rows = {
      {"收入", "", "支出", "", ""},
      {"项目", "行次", "金额项目〈按功能分类)", "行次", "金额"},
      {"一、一般公共预算财政拨款收入", "1", "391.10城乡社区支出", "", "391.10"},
      {"二、政府性基金预算财政拨款收入", "2", "", "", ""},
      {"三、上级补助收入", "3", "", "10", ""},
      {"本年收入合计", "6", "391.10本年支出合计", "13", "391.10"}};
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid(rows);
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const SummaryReading read = ReadSplitSummary(grid, "final.income_expenditure_summary");
    const std::vector<std::string> ocr = {
        "income.general_budget_appropriation=391.10", "expenditure.212=391.10",
        "income.total_current_year=391.10", "expenditure.total_current_year=391.10"};
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(read.figures, ocr);
    } else {
      EXPECT_EQ(read.split_tables, 0u);
    }
  }
}

// H s3w_0096_final on a scan: the same joined column, a quote mark read before the label
// (705,926.37 “一般公共服务支出: a speck of the scan): the cell was no amount then a label, the
// column was not split and the income line's figure was lost. A quote mark before the label is
// dropped, whichever the scan read.
TEST(RowsTest, OcrSummaryJoinedColumnWithAQuoteBeforeTheLabelSplit) {
  for (const char* quote : {"“", "\"", "”", "‘"}) {
    Table grid = Grid({{"收入", "", "支出", "", ""},
                       {"项目", "行次", "金额项目〈按功能分类)", "行次", "金额"},
                       {"一、一般公共预算财政拨款收入", "1",
                        std::string("391.10 ") + quote + "城乡社区支出", "", "391.10"},
                       {"二、政府性基金预算财政拨款收入", "2", "", "", ""},
                       {"三、上级补助收入", "3", "", "10", ""},
                       {"本年收入合计", "6", "391.10本年支出合计", "13", "391.10"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    const SummaryReading read = ReadSplitSummary(grid, "final.income_expenditure_summary");
    EXPECT_EQ(read.figures,
              (std::vector<std::string>{
                  "income.general_budget_appropriation=391.10", "expenditure.212=391.10",
                  "income.total_current_year=391.10", "expenditure.total_current_year=391.10"}))
        << quote;
  }
}

// A summary's income amount column whose cells are amounts but for one that also holds the
// label of the expenditure line beside it (s3w_0073 8.09本年支出合计 | 本年支出合计, s3w_0078
// 402.96本年支出合计 | (empty), s3w_0081 3,351.77一、教育支出 | 一、教育支出, s3w_0049, s3w_0091,
// s3w_0092): the cell was no number and the income line's figure was lost (amount.unparsed). The
// cell keeps its amount; the label goes to the empty cell beside it, or is dropped as a copy of
// the label there. A different label beside it leaves the cell as read; a text layer's grid is
// read as printed.
TEST(RowsTest, OcrSummaryIncomeAmountJoinedToTheNextLabel) {
  struct Case {
    const char* name;
    std::vector<std::string> row;  // the 本年收入合计 row
    TextOrigin origin;
    std::vector<std::string> figures;  // of that row, "row_code=printed"
  };
  const Case cases[] = {
      {"LabelCopiedBeside",
       {"本年收入合计", "8.09本年支出合计", "本年支出合计", "8.09"},
       TextOrigin::kOcr,
       {"income.total_current_year=8.09", "expenditure.total_current_year=8.09"}},
      {"LabelCellEmpty",
       {"本年收入合计", "8.09本年支出合计", "", "8.09"},
       TextOrigin::kOcr,
       {"income.total_current_year=8.09", "expenditure.total_current_year=8.09"}},
      {"AnotherLabelBeside",
       {"本年收入合计", "8.09本年支出合计", "总计", "8.09"},
       TextOrigin::kOcr,
       {"expenditure.grand_total=8.09"}},
      {"TextLayer",
       {"本年收入合计", "8.09本年支出合计", "本年支出合计", "8.09"},
       TextOrigin::kTextLayer,
       {"expenditure.total_current_year=8.09"}},
  };
  for (const Case& c : cases) {
    Table grid =
        Grid({{"收入", "", "支出", ""},
              {"项目", "金额", "项目(按功能分类)", "金额"},
              {"一、一般公共预算财政拨款收入", "8.09", "一、自然资源海洋气象等支出", "8.09"},
              {"二、政府性基金预算财政拨款收入", "", "", ""},
              c.row,
              {"总计", "8.09", "总计", "8.09"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const SummaryReading read =
        ReadSplitSummary(grid, "final.income_expenditure_summary", /*only_row=*/4);
    EXPECT_EQ(read.figures, c.figures) << c.name;
  }
}

// s3w_0054_final, s3w_0060_budget (set B) and s3w_0072_final (set A) on a scan: a summary row
// whose income amount the scan put one column right, in the expenditure side's label columns
// (总计 | 7 | 总计 | 22,588.73 | 14 | 22,588.73 after the joined column is split; 五、其他收入 |
// | 65.27 |): the income line's figure was lost. Such an amount is the income line's when the
// row's expenditure line has its own amount, or there is none; not when the expenditure line has
// a label and no amount (the amount may be its), and never in a text layer.
TEST(RowsTest, OcrSummaryIncomeAmountShiftedRight) {
  struct Case {
    const char* name;
    std::vector<std::string> row;  // the row under test, after 收入 | 支出 header rows
    TextOrigin origin;
    std::vector<std::string> figures;  // of that row, "row_code=printed"
  };
  const Case cases[] = {
      {"BesideTheExpenditureLabel",
       {"总计", "7", "总计", "22,588.73", "14", "22,588.73"},
       TextOrigin::kOcr,
       {"income.grand_total=22,588.73", "expenditure.grand_total=22,588.73"}},
      {"NoExpenditureLine",
       {"五、其他收入", "5", "", "65.27", "", ""},
       TextOrigin::kOcr,
       {"income.other=65.27"}},
      {"ExpenditureLabelWithoutItsAmount",
       {"五、其他收入", "5", "农林水支出", "65.27", "", ""},
       TextOrigin::kOcr,
       {}},
      {"TextLayer",
       {"总计", "7", "总计", "22,588.73", "14", "22,588.73"},
       TextOrigin::kTextLayer,
       {}},
  };
  for (const Case& c : cases) {
    Table grid = Grid(
        {{"收入", "", "支出", "", "", ""},
         {"项目", "行次", "金额", "项目（按功能分类）", "行次", "金额"},
         {"一、一般公共预算财政拨款收入", "1", "22,523.46", "一般公共服务支出", "8", "22,588.73"},
         c.row});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched = OnePart(grid, "final.income_expenditure_summary");
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    std::deque<Table> owned;
    std::vector<Finding> findings;
    ReadOcrSummaryShiftedIncomeAmounts(stitched, columns.keys, owned, findings);
    // Nothing moved (a text layer, or an amount that may be the expenditure line's): no grid
    // rewritten, no finding.
    EXPECT_EQ(owned.empty(), c.figures.size() < 1 || c.origin != TextOrigin::kOcr) << c.name;
    EXPECT_EQ(findings.size(), owned.size()) << c.name;
    if (c.origin != TextOrigin::kOcr) continue;
    RowsOptions options;
    options.default_unit = UnitOfAmount::kWanYuan;
    const CanonicalTable table = ReadRows(stitched, columns, options, 0, findings);
    std::vector<std::string> figures;
    for (const CanonicalRow& row : table.rows) {
      if (row.source_row != 3) continue;
      for (const Figure& figure : row.values) {
        figures.push_back(row.row_code + "=" + figure.printed_text);
      }
    }
    EXPECT_EQ(figures, c.figures) << c.name;
  }
}

// s2w_0108_budget on a scan: the 财政拨款收支总表's 一般公共预算 header read `预算`, which keys the
// figure kind; between 合计 and 政府性基金预算 it is the general budget's column. s3w_0078_final
// on a scan: 一般公共预算财政拨款 read 般公共预算财政拨款, keyed by its 财政拨款 as the income
// tables' fiscal_appropriation source. A text layer keeps what it prints.
TEST(HeaderTest, OcrFiscalSummaryFundColumnReadBudget) {
  struct Case {
    const char* header;    // the first fund's column as read
    const char* text_key;  // its key as printed (a text layer)
  };
  const Case cases[] = {{"预算", "budget"}, {"般公共预算财政拨款", "fiscal_appropriation"}};
  for (const Case& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid({{"收入", "", "支出", "", "", ""},
                         {"项目", "预算数", "支出功能分类", "合计", c.header, "政府性基金预算"},
                         {"一、一般公共预算拨款", "33.64", "教育支出", "8.68", "8.68", ""},
                         {"本年收入合计", "33.64", "本年支出合计", "33.64", "33.64", ""}});
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      const TableColumns columns =
          KeyColumns(OnePart(grid, "budget.fiscal_appropriation_summary"), HeaderOptions{});
      EXPECT_EQ(columns.keys[4], origin == TextOrigin::kOcr ? "general_budget" : c.text_key)
          << c.header << " " << TextOriginName(origin);
    }
  }
}

TEST(HeaderTest, UnreadSubColumnsOfASpanningParentTakeTheirOwnKeys) {
  struct Case {
    std::vector<std::string> sub;  // the second header row under 基本支出
    std::vector<std::string> keys;
  };
  const Case cases[] = {
      {{"小计", "", ""}, {"", "", "total", "basic", "personnel", "public", "project"}},
      {{"小计", "人员经费", ""}, {"", "", "total", "basic", "personnel", "public", "project"}},
      {{"小计", "人员经费", "公用经费"},
       {"", "", "total", "basic", "personnel", "public", "project"}},
      {{"", ""}, {"", "", "total", "personnel", "public", "project"}},
      // Three unread children for a two-part split: the first is the parent's own total
      // (小计 unread too, cq_city_propaganda p19 on a scan), the others its parts.
      {{"", "", ""}, {"", "", "total", "basic", "personnel", "public", "project"}},
      {{"", "人员经费", ""}, {"", "", "total", "basic", "personnel", "public", "project"}},
      // Four unread children: nothing to infer.
      {{"", "", "", ""}, {"", "", "total", "basic", "basic", "basic", "basic", "project"}},
      // A span over a column empty in the body (a grid artefact, "~") is no child.
      {{"", "~"}, {"", "", "total", "basic", "basic", "project"}},
  };
  for (const Case& test : cases) {
    const int span = static_cast<int>(test.sub.size());
    std::vector<std::string> top = {"科目编码", "科目名称", "合计", "基本支出"};
    std::vector<std::string> sub = {"", "", ""};
    for (const std::string& label : test.sub) sub.push_back(label == "~" ? "" : label);
    std::vector<std::string> body = {"201", "一般公共服务支出", "10.00"};
    for (const std::string& label : test.sub) body.push_back(label == "~" ? "" : "1.00");
    for (int k = 1; k < span; ++k) top.push_back("");
    top.push_back("项目支出");
    sub.push_back("");
    body.push_back("2.00");
    Table grid = Grid({top, sub, body});
    // 科目编码 … 合计 and 项目支出 span both header rows; 基本支出 spans its children.
    std::vector<TableCell> cells;
    for (const TableCell& cell : grid.cells) {
      const bool tall = cell.column < 3 || cell.column == 3 + span;
      if (cell.row == 1 && tall) continue;
      if (cell.row == 0 && cell.column > 3 && cell.column < 3 + span) continue;
      cells.push_back(cell);
      if (cell.row == 0 && tall) cells.back().row_span = 2;
      if (cell.row == 0 && cell.column == 3) cells.back().column_span = span;
    }
    grid.cells = cells;
    EXPECT_EQ(AnalyzeHeader(grid).keys, test.keys) << test.sub.size() << " " << test.sub[0];
  }
}

// A title drawn inside the frame in merged rows spans every column: read as a
// header row it headed each column (财政拨款… keyed 合计 fiscal_appropriation),
// and an ordinal title (四、…) read as the first body row left no header at all.
TEST(HeaderTest, CaptionRowsInTheFrameAreNoHeader) {
  const std::vector<std::vector<std::string>> caption = {
      {"四、2026年财政拨款收支总表"}, {"公开04表"}, {"单位：万元"}};
  for (bool merged : {true, false}) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : caption) {
      rows.push_back({line[0], "", "", "", ""});
    }
    for (const auto& row : kExpenditureGrid) rows.push_back(row);
    Table grid = Grid(rows);
    if (merged) {
      // One cell per caption row spanning the five columns (a DOCX gridSpan).
      std::vector<TableCell> cells;
      for (const TableCell& cell : grid.cells) {
        if (cell.row < 3 && cell.column > 0) continue;
        cells.push_back(cell);
        if (cell.row < 3) cells.back().column_span = 5;
      }
      grid.cells = cells;
    }
    EXPECT_EQ(CaptionRows(grid), 3) << merged;
    const HeaderAnalysis header = AnalyzeHeader(grid);
    EXPECT_EQ(header.header_rows, 4) << merged;
    EXPECT_EQ(header.keys, (std::vector<std::string>{"", "", "total", "basic", "project"}))
        << merged;
  }
  // A header row of labels is no caption; nor is a grid of nothing but titles.
  EXPECT_EQ(CaptionRows(Grid(kExpenditureGrid)), 0);
  EXPECT_EQ(CaptionRows(Grid({{"项目"}, {"收支总表"}})), 0);
  EXPECT_EQ(CaptionRows(Grid({{"收入决算表"}, {"支出决算表"}})), 0);
}

// A scan read the caption into the grid's first row, its title misread past every title test
// (二、财政拨款收支心 for …收支总表) beside the unit label and the unit's 元 read twice: a caption
// row, so that the header under it keys the columns. A unit inside a header name keeps the row
// a header.
TEST(HeaderTest, MisreadTitleBesideAUnitLabelIsACaptionRow) {
  const std::vector<std::string> body = {
      "一、一般公共预算拨款", "1,605.36", "一般公共服务支出", "1,377.10", "1,377.10", ""};
  const std::vector<std::string> header = {"项目", "预算数",       "支出功能分类",
                                           "合计", "一般公共预算", "政府性基金预算"};
  struct Case {
    std::vector<std::string> first_row;
    int caption_rows;
  };
  const std::vector<Case> cases = {
      {{"", "", "二、财政拨款收支心", "单位: 万元", "[元", ""}, 1},
      {{"", "", "二、财政拨款收支心", "单位: 万元", "", ""}, 1},
      {{"", "", "财政拨款收支", "金额单位：万元", "", ""}, 1},
      // a speck that is no scrap of the row, a header name with the unit in it
      {{"", "", "二、财政拨款收支心", "单位: 万元", "[年", ""}, 0},
      {{"项目", "金额（单位：万元）", "", "", "", ""}, 0},
      {{"", "", "二、财政拨款收支心", "", "", ""}, 0},
  };
  for (const Case& c : cases) {
    const Table grid = Grid({c.first_row, header, body});
    EXPECT_EQ(CaptionRows(grid), c.caption_rows) << c.first_row[2] << c.first_row[4];
  }
}

// 类 | 款 | 项 with 款 misread (类 | 于 | 项 on an OCR'd Shanghai page): the middle column is
// still the 款 code column; a cell that is not one character, or two roles out of order, is not.
TEST(HeaderTest, SplitCodeColumnWithOneRoleMisread) {
  struct Case {
    std::vector<std::string> codes;
    std::vector<std::string> roles;  // of the three code columns
  };
  const Case cases[] = {
      {{"类", "于", "项"}, {"class", "kuan", "xiang"}},
      {{"类", "歼", "项"}, {"class", "kuan", "xiang"}},
      {{"类", "款", "顶"}, {"class", "kuan", "xiang"}},
      // Two characters, or the known roles out of order: no code column is made.
      {{"类", "款项", "项"}, {"class", "label", "xiang"}},
      {{"项", "于", "类"}, {"code", "label", "class"}},
  };
  for (const Case& c : cases) {
    const Table grid = Grid({{"功能分类科目编码", "", "", "功能分类科目名称", "合计"},
                             {c.codes[0], c.codes[1], c.codes[2], "", ""},
                             {"208", "07", "05", "公益性岗位补贴", "6,351,000"}});
    const HeaderAnalysis header = AnalyzeHeader(grid);
    EXPECT_EQ(std::vector<std::string>(header.roles.begin(), header.roles.begin() + 3), c.roles)
        << c.codes[0] << c.codes[1] << c.codes[2];
  }
}

// Split code columns whose header words OCR misread are known by their body: 3-digit classes,
// then 2-digit pieces right of them. A code column a misread header keyed as an amount column
// (类 under 部门预算经济分类科目纳公 → "budget") loses that key. Columns of amounts, names or
// a lone code stay as they are.
TEST(HeaderTest, SplitCodeColumnsKnownByTheirBody) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> grid;
    std::vector<std::string> roles;  // of the first three columns
    std::vector<std::string> keys;   // of the first three columns
  };
  const Case cases[] = {
      {"ClassAndKuanWordsMisread",
       {{"科目编码", "", "科目名称", "合计"},
        {"兰", "庆", "", ""},
        {"302", "", "商品和服务支出", "188.81"},
        {"302", "01", "办公费", "10.00"},
        {"302", "07", "邮电费", "5.00"}},
       {"class", "kuan", "label"},
       {"", "", ""}},
      {"KuanWordMisreadBetweenClassAndXiang",
       {{"科目编码", "", "", "科目名称", "合计"},
        {"类", "二以", "项", "", ""},
        {"205", "", "", "教育支出", "19,801.44"},
        {"", "08", "", "进修及培训", "2.40"},
        {"", "", "03", "培训支出", "2.40"},
        {"", "09", "", "教育费附加安排的支出", "19,800.00"}},
       {"class", "kuan", "xiang"},
       {"", "", ""}},
      {"ClassColumnKeyedByAMisreadParent",
       {{"部门预算经济分类科目纳公", "", "经济分类科目名称", "合计"},
        {"类", "款", "", ""},
        {"301", "", "工资福利支出", "23084662.00"},
        {"301", "01", "基本工资", "2892504.00"}},
       {"class", "kuan", "label"},
       {"", "", ""}},
      // No header in the grid (read as lines above it), a three-row table: the 合计 label in
      // the code column is no misread code, and the one 项 printed is still the 项 column.
      {"TotalLabelInClassColumnAndALoneXiang",
       {{"合计", "", "", "", "4,557,931.12", "1,781,677.10"},
        {"205", "", "", "教育支出", "442,358.12", "172,073.58"},
        {"205", "08", "", "进修及培训", "442,358.12", "172,073.58"},
        {"205", "08", "03", "培训支出", "442,358.12", "172,073.58"}},
       {"class", "kuan", "xiang"},
       {"", "", ""}},
      // s3w_0019_budget: such a table with its 合计 at the foot, read 会计 (a character
      // misread): no misread code either.
      {"MisreadTotalLabelAtTheFoot",
       {{"205", "", "", "教育支出", "148,641.10"},
        {"205", "08", "", "进修及培训", "148,641.10"},
        {"205", "08", "03", "培训支出", "148,641.10"},
        {"会计", "", "", "", "148,641.10"}},
       {"class", "kuan", "xiang"},
       {"", "", ""}},
      // H24 s3w_0372_budget: a page holding a table's first two rows under a header read as
      // lines above the grid prints one 款 piece; right of the classes it is the 款 column
      // (its row was keyed 206, the class, a second time).
      {"ALoneKuanRightOfTheClasses",
       {{"206", "", "", "科学技术支出", "7,335.38", "7,335.38"},
        {"206", "01", "", "科学技术管理事务", "7,335.38", "7,335.38"}},
       {"class", "kuan", ""},
       {"", "", ""}},
      // H41 s3w_0654_final: 功能分类科目编码 read as 功 | 能分类科目编码 over 类 | 款 | 项, the 款
      // and 项 words misread (示人, 昌): the column under 编码 and the one beside it hold pieces
      // only.
      {"KuanAndXiangWordsMisreadUnderTheCodeWord",
       {{"功", "能分类科目编码", "", "科目名称", "本年收入合计"},
        {"类", "示人", "昌", "", ""},
        {"213", "", "", "农林水支出", "10.10"},
        {"213", "01", "", "农业农村", "10.10"},
        {"213", "01", "01", "行政运行", "10.10"},
        {"220", "05", "04", "气象事业机构", "8.72"}},
       {"class", "kuan", "xiang"},
       {"", "", ""}},
      {"KuanAndXiangWordsMisreadUnderASpannedCodeWord",
       {{"功", "能分类科目编码", "能分类科目编码", "科目名称", "本年收入合计"},
        {"类", "示人", "昌", "", ""},
        {"213", "", "", "农林水支出", "10.10"},
        {"213", "01", "", "农业农村", "10.10"},
        {"213", "01", "01", "行政运行", "10.10"},
        {"220", "05", "04", "气象事业机构", "8.72"}},
       {"class", "kuan", "xiang"},
       {"", "", ""}},
      {"AmountsAndNamesStay",
       {{"项目", "金额", "备注"}, {"办公费", "10.00", "无"}, {"邮电费", "5.00", "无"}},
       {"label", "", "label"},
       {"", "amount", ""}},
  };
  auto ocr_grid = [](const std::vector<std::vector<std::string>>& rows) {
    Table table = Grid(rows);
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    return table;
  };
  for (const Case& c : cases) {
    const HeaderAnalysis header = AnalyzeHeader(ocr_grid(c.grid));
    EXPECT_EQ(std::vector<std::string>(header.roles.begin(), header.roles.begin() + 3), c.roles)
        << c.name;
    EXPECT_EQ(std::vector<std::string>(header.keys.begin(), header.keys.begin() + 3), c.keys)
        << c.name;
  }
  // A text layer reads its header words as printed: the body is not asked
  // (on the layout sweep's PDFs it put a continuation page's 项 pieces in the
  // 款 role, 2011101 keyed 20111).
  const HeaderAnalysis text_layer = AnalyzeHeader(Grid(cases[0].grid));
  EXPECT_NE(text_layer.roles[0], "class");
  EXPECT_NE(text_layer.roles[1], "kuan");
}

// A scan reads a header word wrapped in its cell as two rows: 本年收入 over 合计, 财政拨款 over
// 收入. The lower row, beside 类 款 项 and with no figure, is still header (合计 there is no total
// row), and an upper piece over its own column alone is one word with the piece under it, not
// a group: 本年收入合计 is the total, 财政拨款收入 the fiscal appropriation.
TEST(HeaderTest, OcrHeaderWordsWrappedInTheirCells) {
  Table grid = Grid({{"功能分类科目编码", "", "", "科目名称", "本年收入", "财政拨款", "其他收入"},
                     {"类", "款", "项", "", "合计", "收入", ""},
                     {"205", "", "", "教育支出", "8,048.18", "8,048.18", ""},
                     {"205", "08", "", "进修及培训", "8,048.18", "8,048.18", ""}});
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  EXPECT_FALSE(ScanRow(grid, 1).data);
  const StitchedTable stitched = OnePart(grid, "final.income");
  EXPECT_EQ(stitched.parts[0].header.header_rows, 2);
  const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
  EXPECT_EQ(std::vector<std::string>(columns.keys.begin() + 4, columns.keys.end()),
            (std::vector<std::string>{"total", "fiscal_appropriation", "other"}));
  // A group over two columns stays a group; the 合计 row with figures stays a row.
  Table grouped =
      Grid({{"科目名称", "本年支出", ""}, {"", "基本支出", "项目支出"}, {"合计", "3.00", "2.00"}});
  for (TableCell& cell : grouped.cells) cell.provenance.origin = TextOrigin::kOcr;
  const TableColumns group_columns =
      KeyColumns(OnePart(grouped, "final.expenditure"), HeaderOptions{});
  EXPECT_EQ(std::vector<std::string>(group_columns.keys.begin() + 1, group_columns.keys.end()),
            (std::vector<std::string>{"expenditure.basic", "expenditure.project"}));
  EXPECT_TRUE(ScanRow(Grid({{"类", "款", "项", "合计", "3.00"}}), 0).data);
}

// A part under its group whose word OCR misread (日常公用支出 read 日出常公用支 under 基本支出,
// zj_hangzhou_meteo p17) took the group's key (basic); a part is never its group's whole, so
// the word read is keyed as the nearest header word. A text layer's unknown part keeps the
// group's key.
TEST(HeaderTest, OcrPartUnderItsGroupReadOutOfOrder) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"科目名称", "总计", "基本支出", "", "项目支出"},
                       {"", "", "人员支出", "日出常公用支", ""},
                       {"合计", "9.00", "4.00", "2.00", "3.00"},
                       {"教育支出", "9.00", "4.00", "2.00", "3.00"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const TableColumns columns = KeyColumns(OnePart(grid, "budget.expenditure"), HeaderOptions{});
    EXPECT_EQ(columns.keys[3], origin == TextOrigin::kOcr ? "public" : "basic");
  }
}

// A stray digit a scan read among the header words (`0` in the merged 项目 cell) made the
// first header row a body row, and no column of the table was keyed. Rows above the 栏次 row
// are header; a row of figures above it is still a body row.
TEST(HeaderTest, OcrStrayDigitAboveTheColumnNumberRow) {
  Table grid =
      Grid({{"0", "功能分类科目编码", "", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"},
            {"类", "款", "项", "", "1", "sr", ""},
            {"栏次", "", "", "1", "1", "2", "3"},
            {"合计", "", "", "", "474.43", "474.43", ""},
            {"201", "01", "01", "行政运行", "98.86", "98.86", ""}});
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  EXPECT_FALSE(ScanRow(grid, 0).data);
  const HeaderAnalysis header = AnalyzeHeader(grid);
  EXPECT_EQ(header.header_rows, 3);
  EXPECT_EQ(std::vector<std::string>(header.keys.begin() + 4, header.keys.end()),
            (std::vector<std::string>{"total", "fiscal_appropriation", "other"}));
  // Row numbers beside a label, a figure between them and the 栏次 row: body rows.
  const Table body =
      Grid({{"1", "工资福利支出", ""}, {"2", "商品和服务支出", "3.00"}, {"栏次", "", ""}});
  EXPECT_TRUE(ScanRow(body, 0).data);
  EXPECT_TRUE(ScanRow(Grid({{"1", "工资福利支出", ""}, {"", "", ""}}), 0).data);
}

// A summary whose 行次 and 金额 header cells a scan read as one (行次 金额) over the income
// side's amounts: that column holds money, so it is the side's amount column, not its row
// numbers (else the expenditure side's amounts went to the income lines). A text layer's
// 行次 column and a 行次 cell over row numbers stay row numbers.
TEST(HeaderTest, OcrRowNumberWordJoinedToTheAmountWord) {
  const std::vector<std::vector<std::string>> rows = {
      {"收入", "", "支出", "", ""},
      {"项目", "行次     金额", "项目（按功能分类）", "行次", "金额"},
      {"一、一般公共预算财政拨款收入", "2,956,633.84", "一、一般公共服务支出", "8", "275,502.32"},
      {"二、政府性基金预算财政拨款收入", "", "卫生健康支出", "9", "879,138.64"},
      {"本年收入合计", "2,956,633.84", "本年支出合计", "13", "2,956,633.84"}};
  Table grid = Grid(rows);
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  const HeaderAnalysis header = AnalyzeHeader(grid);
  EXPECT_NE(header.roles[1], "rowno");
  EXPECT_EQ(header.roles[3], "rowno");
  const TableColumns columns =
      KeyColumns(OnePart(grid, "final.income_expenditure_summary"), HeaderOptions{});
  EXPECT_EQ(columns.keys[1], "amount");
  EXPECT_EQ(columns.keys[4], "amount");
  EXPECT_EQ(AnalyzeHeader(Grid(rows)).roles[1], "rowno");
}

// A summary whose income 项目 and 行次 header cells a scan read as one (项目 行次, H51
// s3w_0802_final), the row numbers lost or joined to the labels (总计7): the column holds the
// income labels, not row numbers, and its amounts are keyed by them (before, all three went
// unlabelled). A 行次 column over row numbers stays row numbers, whatever its header joins.
TEST(HeaderTest, LabelsUnderAJoined项目行次AreLabels) {
  const std::vector<std::vector<std::string>> rows = {
      {"收入", "", "支出", "", ""},
      {"项目                              行次", "金额", "项目(按功能分\n类)", "行次", "金额"},
      {"一、一般公共预\n算财政拨款收入", "17,338.54", "一、自然资源海\n洋气象等支出", "8",
       "17,338.54"},
      {"二、政府性基金\n预算财政拨款收\n入", "", "", "9", ""},
      {"本年收入合计", "17,338.54", "本年支出合计", "13", "17,338.54"},
      {"总计7", "17,338.54", "总计", "14", "17,338.54"}};
  for (const bool ocr : {true, false}) {
    Table grid = Grid(rows);
    for (TableCell& cell : grid.cells) {
      cell.provenance.origin = ocr ? TextOrigin::kOcr : TextOrigin::kTextLayer;
    }
    const HeaderAnalysis header = AnalyzeHeader(grid);
    EXPECT_NE(header.roles[0], "rowno") << ocr;
    EXPECT_EQ(header.roles[3], "rowno") << ocr;
  }
  std::vector<std::vector<std::string>> numbered = rows;
  for (std::size_t r = 2; r < numbered.size(); ++r) numbered[r][0] = std::to_string(r - 1);
  EXPECT_EQ(AnalyzeHeader(Grid(numbered)).roles[0], "rowno");
}

// -------------------------------------------------------------------- rows

// 款 pieces of a scan read as letters of their shape (1I, D1), with a stroke added (01L), or
// with a digit lost (1 for 11 where the column prints 03): the two digits when the reading
// allows them, else the 项 rows under the 款 row say its piece (rows print in the tree's
// order), and a 项 row whose 款 was lost is under the 款 row above it. A piece of one digit and
// a mark (]5) is a 款 of that digit whose name the row reads. A 款 row nothing
// explains (its name naming none of the pieces its reading allows) keeps its class code
// (ocr.duplicate_code then names it), never a wrong 款.
TEST(RowsTest, OcrCodePiecesMisread) {
  Table grid = Grid({{"功能分类科目编码", "", "", "科目名称", "合计"},
                     {"类", "款", "项", "", ""},
                     {"201", "", "", "一般公共服务支出", "60.00"},
                     {"201", "01L", "", "人大事务", "10.00"},
                     {"201", "D1", "01", "行政运行", "10.00"},
                     {"201", "03", "", "政府办公厅（室）及相关机构事务", "20.00"},
                     {"201", "03", "50", "事业运行", "20.00"},
                     {"201", "TI1", "", "纪检监察事务", "30.00"},
                     {"201", "11", "01", "行政运行", "30.00"},
                     {"210", "1", "", "行政事业单位医疗", "7.00"},
                     {"210", "11", "01", "行政单位医疗", "7.00"},
                     {"212", "IT", "", "城乡社区管理事务", "5.00"},
                     {"212", "Il", "01", "行政运行", "5.00"},
                     {"213", "1", "", "甲乙丙丁", "4.00"},
                     {"213", "1", "01", "行政运行", "4.00"},
                     {"214", "tl", "", "公路水路运输", "3.00"},
                     {"214", "tl", "01", "行政运行", "3.00"},
                     // 05 read ]5, then 了 (H30 s3w_0477_budget: 11 read ]1 and 了).
                     {"208", "]5", "", "行政事业单位养老支出", "2.00"},
                     {"208", "了", "05", "机关事业单位基本养老保险缴费支出", "2.00"}});
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  StitchedTable stitched = OnePart(grid, "budget.expenditure");
  stitched.declared = UnitOfAmount::kYuan;
  const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
  std::vector<Finding> findings;
  const CanonicalTable table = ReadRows(stitched, columns, RowsOptions{}, 0, findings);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
  EXPECT_EQ(codes,
            (std::vector<std::string>{"201", "20101", "2010101", "20103", "2010350", "20111",
                                      "2011101", "21011", "2101101", "21211", "2121101", "213",
                                      "213", "21411", "2141101", "20805", "2080505"}));
}

TEST(RowsTest, CodedRowsAndFiguresInFen) {
  const Table grid = Grid(kExpenditureGrid);
  StitchedTable stitched = OnePart(grid, "final.expenditure");
  stitched.declared = UnitOfAmount::kWanYuan;
  const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
  std::vector<Finding> findings;
  CanonicalTable table = ReadRows(stitched, columns, RowsOptions{}, 7, findings);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].row_code, "201");
  EXPECT_EQ(table.rows[0].level, 1);
  EXPECT_EQ(table.rows[1].row_code, "20101");
  ASSERT_EQ(table.rows[1].values.size(), 3u);
  EXPECT_EQ(table.rows[1].values[1].column, "basic");
  EXPECT_EQ(table.rows[1].values[1].amount_fen, 600 * 10000 * 100);
  EXPECT_EQ(table.rows[1].values[1].table_index, 7);
  EXPECT_TRUE(findings.empty());
}

// A 项 code under a 款 row whose code was misread ("tl" for 11, sd_yantai_landres p13; a text
// layer's reading is not mended as a scan's is) is not joined to the class: 210 + 01 would make
// the 款 code 21001, a wrong key.
TEST(RowsTest, ItemCodeWithoutItsSegmentRowIsNotJoinedToTheClass) {
  const Table grid = Grid({{"类", "款", "项", "科目名称", "合计"},
                           {"210", "", "", "卫生健康支出", "9.00"},
                           {"", "tl", "", "行政事业单位医疗", "9.00"},
                           {"", "", "01", "行政单位医疗", "4.00"},
                           {"", "", "02", "事业单位医疗", "5.00"},
                           {"", "12", "", "疾病防控", "1.00"},
                           {"", "", "01", "疾病预防控制机构", "1.00"}});
  StitchedTable stitched = OnePart(grid, "budget.expenditure");
  stitched.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  const CanonicalTable table =
      ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"210", "", "", "", "21012", "2101201"}));
}

// A 类 code a scan garbled (212 read "上kt" or "ffv ts", sd_yantai_landres p18 and
// sd_yantai_housing p18) is no row name: the class is coded by its name, read by nearness when
// misread too (城乡社区文出), and a class whose name is unreadable as well leaves the rows under
// it uncoded rather than joined to the class above (21102 for 21202). On the next page, whose
// header OCR read worse (科日编例, 类 lost), the first page's code columns still hold codes.
TEST(RowsTest, OcrClassCodeGarbledIsCodedByItsName) {
  auto scanned = [](Table table, int page) {
    table.pages = {page};
    for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
    return table;
  };
  const Table first = scanned(Grid({{"科目编码", "", "", "科目名称", "合计"},
                                    {"类", "款", "项", "", ""},
                                    {"211", "", "", "节能环保支出", "9.00"},
                                    {"", "04", "", "自然生态保护", "9.00"},
                                    {"", "", "99", "其他自然生态保护支出", "9.00"},
                                    {"ffv ts", "", "", "城乡和区文出", "5.00"},
                                    {"", "01", "", "城乡社区管理事务", "5.00"},
                                    {"", "", "01", "行政运行", "5.00"}}),
                              1);
  const Table next = scanned(Grid({{"科日编例", "", "", "科晶名称", "合计"},
                                   {"", "4/愉", "项", "", ""},
                                   {"上kt", "", "", "城乡社区文出", "3.00"},
                                   {"", "02", "", "城乡社区规划与管理", "3.00"},
                                   {"", "", "01", "城乡社区规划与管理", "3.00"},
                                   {"Ax", "", "", "了了了了", "2.00"},
                                   {"", "01", "", "自然资源事务", "2.00"},
                                   {"", "", "01", "行政运行", "2.00"}}),
                             2);
  StitchedTable stitched = OnePart(first, "budget.general_budget_expenditure");
  stitched.parts.push_back(TablePart{1, &next, AnalyzeHeader(next)});
  stitched.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  const CanonicalTable table =
      ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"211", "21104", "2110499", "212", "21201", "2120101",
                                             "212", "21202", "2120201", "", "", ""}));
  EXPECT_TRUE(HasFinding(findings, "ocr.label_matched", "城乡和区文出"));
}

// The 类 | 款 | 项 header words share a ruled row with 合计 (sh_putuo_finance_2024_final p8, 300
// dpi): OCR read them 闫 | 堵 | 页, and the 类 column's ideograph became the row's name, which hid
// 合计: the total row was lost. One ideograph in an OCR'd 类 cell names no row; a text layer's
// prints what it prints.
TEST(RowsTest, OcrHeaderWordsMisreadInTheTotalRowNameNothing) {
  struct Case {
    const char* name;
    const char* class_cell;  // of the total row, as read
    const char* name_cell;
    TextOrigin origin;
    const char* want;  // the first row's code
  };
  const Case cases[] = {
      {"header words misread", "闫", "合计", TextOrigin::kOcr, "total"},
      {"on a text layer", "闫", "合计", TextOrigin::kTextLayer, ""},
      // All the row prints of a name (H28 s3w_0437_budget: 合 lost, 计 in the 类 column).
      {"the name's only cell", "计", "", TextOrigin::kOcr, "total"},
      // 合 | 计 spread over the label columns (IsTotalHalfSpreadOverColumns).
      {"a total's first half", "合", "计", TextOrigin::kOcr, "total"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Table grid = Grid({{"支出功能分类科目编码", "", "", "科目名称", "合计"},
                       {c.class_cell, "堵", "页", c.name_cell, "9.00"},
                       {"211", "", "", "节能环保支出", "9.00"},
                       {"211", "04", "", "自然生态保护", "9.00"},
                       {"211", "04", "01", "生态保护", "2.00"},
                       {"211", "04", "02", "农村环境保护", "2.00"},
                       {"211", "04", "03", "生物及物种资源保护", "2.00"},
                       {"211", "04", "99", "其他自然生态保护支出", "3.00"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched = OnePart(grid, "budget.general_budget_expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    ASSERT_FALSE(table.rows.empty());
    EXPECT_EQ(table.rows.front().row_code, c.want);
  }
}

// H15 s3w_0229_budget: 款 read 和 over a 类 | 款 | 项 header at a page's foot, and two of the
// 款 pieces on the next page garbled into one character (11 read 了, 13 read 卫). The column is
// still the 款 column, its two-digit pieces outnumbering the garbled ones two to one: its codes
// join the class's instead of every row keying as its 类 (or 类 + 项: 20503 for 2050803). A
// column with a name in it, or as many garbled pieces as good ones, is no 款 column.
TEST(RowsTest, OcrSegmentColumnWithMisreadHeaderAndGarbledPieces) {
  struct Case {
    const char* name;
    const char* garbled;
    const char* second;  // the 款 piece of the second 款 row
    std::vector<std::string> codes;
  };
  const Case cases[] = {
      {"GarbledPieces",
       "了",
       "13",
       {"205", "20508", "2050803", "210", "21011", "2101103", "21013", "2101301"}},
      {"AName", "行政运行", "13", {"205", "205", "20503", "210", "210", "210", "210", "21001"}},
      {"AsManyGarbled", "了", "卫", {"205", "205", "20503", "210", "210", "210", "210", "21001"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto scanned = [](Table table, int page) {
      table.pages = {page};
      for (TableCell& cell : table.cells) cell.provenance.origin = TextOrigin::kOcr;
      return table;
    };
    const Table head = scanned(
        Grid({{"功能分类科目编码", "", "", "科目名称", "合计"}, {"类", "和\n总", "项", "", ""}}),
        1);
    const Table body = scanned(Grid({{"205", "", "", "教育支出", "5.00"},
                                     {"205", "08", "", "进修及培训", "5.00"},
                                     {"205", "08", "03", "培训支出", "5.00"},
                                     {"210", "", "", "卫生健康支出", "9.00"},
                                     {"210", c.garbled, "", "行政事业单位医疗", "4.00"},
                                     {"210", c.garbled, "03", "公务员医疗补助", "4.00"},
                                     {"210", c.second, "", "医疗保障管理事务", "5.00"},
                                     {"210", "13", "01", "行政运行", "5.00"}}),
                               2);
    StitchedTable stitched = OnePart(head, "budget.expenditure");
    stitched.parts.push_back(TablePart{1, &body, AnalyzeHeader(body)});
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    std::vector<std::string> codes;
    for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
    EXPECT_EQ(codes, c.codes);
  }
}

// A scan read the gap after a code joined to its name as a stroke (30101I基本工资, H15
// s3w_0238_final): the row keyed nothing. One lookalike letter between a whole code and the
// name is dropped on a scan; a text layer prints what it prints.
TEST(RowsTest, OcrStrokeBetweenACodeAndItsNameIsNone) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"经济分类科目", "人员经费"},
                       {"301工资福利支出", "17.12"},
                       {"30101I基本工资", "2.61"},
                       {"30102l津贴补贴", "14.51"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    const StitchedTable stitched = OnePart(grid, "final.general_budget_basic_expenditure");
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    std::vector<std::string> codes;
    std::vector<std::string> names;
    for (const CanonicalRow& row : table.rows) {
      codes.push_back(row.row_code);
      names.push_back(row.row_name);
    }
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(codes, (std::vector<std::string>{"301", "30101", "30102"}));
      EXPECT_EQ(names, (std::vector<std::string>{"工资福利支出", "基本工资", "津贴补贴"}));
    } else {
      EXPECT_EQ(codes, (std::vector<std::string>{"301", "", ""}));
    }
  }
}

// 项 pieces a scan read with a digit lost (0 for 01) or a stroke taken for a digit (101 for 01,
// sd_yantai_stats p8) are keyed by the one piece their reading allows between the sibling
// before and the row after (the tree prints in ascending order), and said so; a reading that
// allows several is keyed by its name when the classification's children after the row before
// hold one it clearly reads (其他了政事了单位了老支了: 2080599), never 101 as a class code.
TEST(RowsTest, OcrItemPieceWithADigitLostOrAddedIsPlacedByItsNeighbours) {
  Table grid = Grid({{"类", "款", "项", "科目名称", "合计"},
                     {"201", "", "", "一般公共服务支出", "9.00"},
                     {"", "05", "", "统计信息事务", "9.00"},
                     {"", "", "101", "行政运行", "4.00"},
                     {"", "", "02", "一般行政管理事务", "5.00"},
                     {"208", "", "", "社会保障和就业支出", "7.00"},
                     {"", "05", "", "行政事业单位养老支出", "7.00"},
                     {"", "", "0", "行政单位离退休", "1.00"},
                     {"", "", "02", "事业单位离退休", "2.00"},
                     {"", "", "5", "机关事业单位基本养老保险缴费支出", "3.00"},
                     {"", "", "06", "机关事业单位职业年金缴费支出", "0.50"},
                     {"", "", "9", "其他了政事了单位了老支了", "0.50"}});
  std::vector<Finding> findings;
  EXPECT_EQ(RowCodes(grid, "budget.expenditure", findings),
            (std::vector<std::string>{"201", "20105", "2010501", "2010502", "208", "20805",
                                      "2080501", "2080502", "2080505", "2080506", "2080599"}));
  EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "'101' as 01"));
}

// s3w_0083_final on a scan: a table printing the class on every row (210 | 11 | 01) whose 项
// rows' 款 piece the scan lost (210 | | 01) or cut to one digit (210 | 1 | 03) keyed 21001, a 款,
// and 2100103, a 项 of another 款: 3 rows' figures under wrong codes. A 项 row prints under its
// own 款, so the piece is the 款 row's above when the reading allows it (blank, or a digit of a
// padded column that may stand for it), and said so. A one-digit piece that cannot be the one
// above (5 under 11), a 款 row of another class above, or a text layer: as before.
TEST(RowsTest, OcrItemRowsKuanPieceLostIsTheKuanAbove) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> body;
    TextOrigin origin;
    std::vector<std::string> codes;
  };
  const Case cases[] = {
      {"BlankAndCut",
       {{"210", "", "", "卫生健康支出", "9.00"},
        {"210", "11", "", "行政事业单位医疗", "9.00"},
        {"210", "", "01", "行政单位医疗", "4.00"},
        {"210", "11", "02", "事业单位医疗", "2.00"},
        {"210", "1", "03", "公务员医疗补助", "3.00"}},
       TextOrigin::kOcr,
       {"210", "21011", "2101101", "2101102", "2101103"}},
      {"DigitNotOfThePieceAbove",
       {{"210", "", "", "卫生健康支出", "9.00"},
        {"210", "11", "", "行政事业单位医疗", "9.00"},
        {"210", "11", "01", "行政单位医疗", "9.00"},
        {"210", "5", "03", "某项", "0.00"}},
       TextOrigin::kOcr,
       {"210", "21011", "2101101", "2100503"}},
      {"KuanOfAnotherClassAbove",
       {{"208", "", "", "社会保障和就业支出", "9.00"},
        {"208", "05", "", "行政事业单位养老支出", "9.00"},
        {"210", "", "01", "某项", "9.00"}},
       TextOrigin::kOcr,
       {"208", "20805", "21001"}},
      {"TextLayer",
       {{"210", "", "", "卫生健康支出", "9.00"},
        {"210", "11", "", "行政事业单位医疗", "9.00"},
        {"210", "", "01", "行政单位医疗", "9.00"}},
       TextOrigin::kTextLayer,
       {"210", "21011", "21001"}},
  };
  for (const Case& c : cases) {
    std::vector<std::vector<std::string>> rows = {{"类", "款", "项", "科目名称", "合计"}};
    rows.insert(rows.end(), c.body.begin(), c.body.end());
    std::vector<Finding> findings;
    EXPECT_EQ(RowCodes(Grid(rows), "final.expenditure", findings, c.origin), c.codes) << c.name;
    if (std::string(c.name) == "BlankAndCut") {
      EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "款 '1' as 11 (2101103"));
      EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "款 '' as 11 (2101101"));
    }
  }
}

// A 款 row printing its piece alone (Yantai prints the class on a row of its own) read with a
// digit lost (0 for 01, sd_yantai_housing p19) takes the one piece its reading allows between
// the 款 before it and the class's next 款 row; where several fit (0 between 01 and 05) and its
// name names none of them, it stays uncoded and so do its 项 rows, which would otherwise join the
// 款 before (22101 for 22103).
TEST(RowsTest, OcrSegmentPieceWithADigitLostIsPlacedByItsNeighbours) {
  Table grid = Grid({{"类", "款", "项", "科目名称", "合计"},
                     {"221", "", "", "住房保障支出", "9.00"},
                     {"", "0", "", "保障性安居工程支出", "2.00"},
                     {"", "", "99", "其他保障性安居工程支出", "2.00"},
                     {"", "02", "", "住房改革支出", "3.00"},
                     {"", "", "01", "住房公积金", "3.00"},
                     {"", "0", "", "了乡了区了宅", "4.00"},
                     {"", "", "99", "其他城乡社区住宅支出", "4.00"},
                     {"", "05", "", "某款", "0.00"}});
  std::vector<Finding> findings;
  EXPECT_EQ(
      RowCodes(grid, "budget.expenditure", findings),
      (std::vector<std::string>{"221", "22101", "2210199", "22102", "2210201", "", "", "22105"}));
}

// Where a garbled piece allows several codes, the row's name, misread too, tells which of them
// the national classification names so (sd_yantai_housing p19): a 款 "0" between the class and
// its 03 row reads 城乡社区等理下务, 21201 城乡社区管理事务 and not 21202; a 项 99 chi_sim read
// as one ideograph (的, 购) is 2210199 by its name. A name near none of the candidates (了了了)
// leaves the row uncoded, and says so only for the rows it keys.
TEST(RowsTest, OcrGarbledCodePieceIsNamedByTheClassification) {
  Table grid = Grid({{"类", "款", "项", "科目名称", "合计"},
                     {"212", "", "", "城乡社区支出", "9.00"},
                     {"", "0", "", "城乡社区等理下务", "8.00"},
                     {"", "", "01", "行政运行", "8.00"},
                     {"", "03", "", "城乡社区公共设施", "1.00"},
                     {"", "", "99", "其他城乡社区公共设施支出", "1.00"},
                     {"221", "", "", "住房保障支出", "7.00"},
                     {"", "01", "", "保障性安居工程支出", "4.00"},
                     {"", "", "的", "其他保障性安居工程支出", "4.00"},
                     {"", "03", "", "城乡社区住宅", "3.00"},
                     {"", "", "购", "了了了", "3.00"}});
  std::vector<Finding> findings;
  EXPECT_EQ(RowCodes(grid, "budget.expenditure", findings),
            (std::vector<std::string>{"212", "21201", "2120101", "21203", "2120399", "221", "22101",
                                      "2210199", "22103", ""}));
  EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "by its name '城乡社区等理下务'"));
  EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "'的' as 99 (2210199"));
}

// A code piece a scan misread into another number (04 read 01: Yantai's serif 4 at 150 dpi)
// keys the row as a sibling whose name the classification gives otherwise: the row's name,
// misread too, is that of the code one confusable digit away (2200104 自然资源规划及管理), which
// keys it, when the code read is suspect: a row's code already, out of its siblings' order, 00,
// or no code the documents print. A name near the code read keeps it; a text layer's code is as
// printed.
TEST(RowsTest, OcrCodeMisreadAsASiblingIsKeyedByItsName) {
  EXPECT_EQ(CodeMisreadAsAnother("2200101", "有然资源规划及管理"), "2200104");
  EXPECT_EQ(CodeMisreadAsAnother("2200101", "行政运行"), "");
  EXPECT_EQ(CodeMisreadAsAnother("2200101", "了了了了"), "");
  EXPECT_EQ(CodeMisreadAsAnother("220", "自然资源海洋气象等支出"), "");
  const std::vector<std::vector<std::string>> rows = {
      {"类", "款", "项", "科目名称", "合计"},
      {"220", "", "", "自然资源海洋气象等支出", "9.00"},
      {"", "01", "", "自然资源事务", "9.00"},
      {"", "", "01", "行政运行", "4.00"},
      {"", "", "01", "有然资源规划及管理", "5.00"}};
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    std::vector<Finding> findings;
    const std::vector<std::string> codes =
        RowCodes(Grid(rows), "budget.expenditure", findings, origin);
    EXPECT_EQ(codes.back(), origin == TextOrigin::kOcr ? "2200104" : "2200101");
  }
  // A known code read in its order keeps it, though the classification names it otherwise.
  std::vector<Finding> findings;
  EXPECT_EQ(RowCodes(Grid({{"类", "款", "项", "科目名称", "合计"},
                           {"210", "", "", "卫生健康支出", "9.00"},
                           {"", "11", "", "行政事业单位医疗", "4.00"},
                           {"", "13", "", "医疗保障管理事务", "5.00"}}),
                     "budget.expenditure", findings),
            (std::vector<std::string>{"210", "21011", "21013"}));
}

// A serif 6 read 0 makes code pieces 00, which the classification never numbers
// (sh_putuo_finance p8, every row printing 类 | 款 | 项): the 款 rows that read the piece
// otherwise name it (06) for the 款's run of rows; a 项 read 00 takes the one piece of 06, 08, 60,
// 66 … between its neighbours; when several fit, the child after the row before whose name the
// row reads (事业单位医疗: 2101102), or none, never keyed 2080500 or as its 款. A 款 no row reads
// otherwise keeps its class code (221, ocr.duplicate_code names the rows), never 22100. A text
// layer's 00 is read as printed.
TEST(RowsTest, OcrCodePieceReadAsZeroZero) {
  Table grid = Grid({{"类", "款", "项", "科目名称", "合计"},
                     {"201", "", "", "一般公共服务支出", "9.00"},
                     {"201", "00", "", "财政事务", "9.00"},
                     {"201", "00", "01", "行政运行", "4.00"},
                     {"201", "06", "07", "信息化建设", "5.00"},
                     {"208", "", "", "社会保障和就业支出", "7.00"},
                     {"208", "05", "", "行政事业单位养老支出", "7.00"},
                     {"208", "05", "05", "机关事业单位基本养老保险缴费支出", "3.00"},
                     {"208", "05", "00", "机了了了单位了业了金了费支出", "2.00"},
                     {"208", "05", "99", "其他行政事业单位养老支出", "2.00"},
                     {"210", "", "", "卫生健康支出", "1.00"},
                     {"210", "11", "", "行政事业单位医疗", "1.00"},
                     {"210", "11", "01", "行政单位医疗", "0.50"},
                     {"210", "11", "00", "事业单位医疗", "0.50"},
                     {"210", "11", "03", "公务员医疗补助", "0.00"},
                     {"221", "", "", "住房保障支出", "2.00"},
                     {"221", "00", "", "住房改革支出", "2.00"},
                     {"221", "00", "01", "住房公积金", "2.00"}});
  const std::vector<std::string> ocr = {
      "201", "20106", "2010601", "2010607", "208",     "20805", "2080505", "",   "2080599",
      "210", "21011", "2101101", "2101102", "2101103", "221",   "221",     "221"};
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    std::vector<Finding> findings;
    const std::vector<std::string> codes = RowCodes(grid, "final.expenditure", findings, origin);
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(codes, ocr);
    } else {
      EXPECT_EQ(codes[2], "2010001");
      EXPECT_EQ(codes[7], "2080500");
    }
  }
}

// 合计 with one character misread by OCR (合让, sd_yantai_landres p13; 计 read as a mark, 合;,
// H46 s3w_0731_final) heads the table before any coded row: it is the total row. Printed so in a
// text layer, or after coded rows, it is not.
TEST(RowsTest, OcrTotalWordWithOneCharacterMisreadAtTheHead) {
  struct Case {
    const char* label;
    TextOrigin origin;
    bool first;  // before the coded rows
    bool total;
  };
  const Case cases[] = {
      {"合让", TextOrigin::kOcr, true, true},        {"台计", TextOrigin::kOcr, true, true},
      {"合让", TextOrigin::kTextLayer, true, false}, {"合让", TextOrigin::kOcr, false, false},
      {"行政运行", TextOrigin::kOcr, true, false},   {"合;", TextOrigin::kOcr, true, true},
      {"总，", TextOrigin::kOcr, true, true},        {"合;", TextOrigin::kTextLayer, true, false},
      {"合1", TextOrigin::kOcr, true, false},
  };
  for (const Case& c : cases) {
    std::vector<std::vector<std::string>> rows = {{"科目编码", "科目名称", "合计"}};
    // Not the 类 row's sum: after the coded rows a row that is would be keyed by its sums.
    const std::vector<std::string> head = {"", c.label, "7.00"};
    const std::vector<std::string> coded = {"210", "卫生健康支出", "9.00"};
    rows.push_back(c.first ? head : coded);
    rows.push_back(c.first ? coded : head);
    Table grid = Grid(rows);
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched = OnePart(grid, "budget.expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    const bool keyed_total =
        std::any_of(table.rows.begin(), table.rows.end(),
                    [](const CanonicalRow& row) { return row.row_code == "total"; });
    EXPECT_EQ(keyed_total, c.total) << c.label << (c.first ? " first" : " after");
  }
}

// A 类 | 款 | 项 header whose 款 OCR misread (次, sd_yantai_landres p18): the column left of the
// 项 column holding only two-digit numbers is the 款 column, on a scan. In a text layer a
// header that names no 款 is taken as printed.
TEST(RowsTest, OcrSegmentColumnWithItsHeaderMisread) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"科日编例", "", "", "科晶名称", "合 让"},
                       {"", "4\n愉", "项", "", ""},
                       {"220", "", "", "自然资源海洋气象等支出", "9.00"},
                       {"", "01", "", "自然资源事务", "9.00"},
                       {"", "", "01", "行政运行", "4.00"},
                       {"", "", "02", "一般行政管理事务", "5.00"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    StitchedTable stitched = OnePart(grid, "budget.expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    std::vector<std::string> codes;
    for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(codes, (std::vector<std::string>{"220", "22001", "2200101", "2200102"}));
    } else {
      EXPECT_NE(codes, (std::vector<std::string>{"220", "22001", "2200101", "2200102"}));
    }
  }
}

// A 三公 table printed as columns whose 购置费 | 运行费 words under 公务用车购置及运行费 were lost
// (zj_hangzhou_transport p34 on a scan): three columns of each printed row read as one item.
// Figures of one row and one item from two columns cannot all be right: they are named.
TEST(RowsTest, ColumnarThreePublicItemReadFromTwoColumnsIsNamed) {
  const Table grid = Grid({{"单位名称", "合计", "因公出国（境）费", "公务用车购置及运行费",
                            "公务用车购置及运行费", "公务接待费"},
                           {"本级", "6.00", "1.00", "3.00", "2.00", "1.00"},
                           {"下属单位", "2.00", "", "1.00", "1.00", ""}});
  StitchedTable stitched = OnePart(grid, "budget.three_public");
  stitched.declared = UnitOfAmount::kWanYuan;
  const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
  ASSERT_TRUE(columns.columnar_three_public);
  std::vector<Finding> findings;
  ReadRows(stitched, columns, RowsOptions{}, 0, findings);
  std::vector<const Finding*> named;
  for (const Finding& finding : findings) {
    if (finding.check == "column.item_repeated") named.push_back(&finding);
  }
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0]->figures.size(), 4u);  // two rows, two columns each
  EXPECT_NE(named[0]->message.find("three_public.vehicle_total"), std::string::npos);

  // Each item once across the header: nothing to say.
  const Table plain = Grid({{"单位名称", "合计", "因公出国（境）费", "公务接待费"},
                            {"本级", "2.00", "1.00", "1.00"},
                            {"下属单位", "1.00", "", "1.00"}});
  StitchedTable plain_stitched = OnePart(plain, "budget.three_public");
  plain_stitched.declared = UnitOfAmount::kWanYuan;
  findings.clear();
  ReadRows(plain_stitched, KeyColumns(plain_stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  for (const Finding& finding : findings) EXPECT_NE(finding.check, "column.item_repeated");
}

// A scan of a columnar 三公 table (zj_hangzhou_transport p34) misread its 栏次 row (** read 宁来,
// 5 read $) and its total's header (“三公”经费合计 read “表三合公计”经). The numbers read still
// step with their columns, so the row is the 栏次 row, not a header row joined to every column's
// words (which keyed 购置费 and 运行维护费 as 小计); and the one unnamed money column that holds
// the items' sum row by row, one misread row aside, is the total. A text layer's 栏次 row must
// number its columns in order, and a column the sums do not confirm stays unnamed.
// Item words read out of order (因(境公)费出用国) key their columns as the words they hold.
TEST(RowsTest, OcrColumnarThreePublicWithItsNumberRowAndTotalWordMisread) {
  auto columns_of = [](std::vector<std::vector<std::string>> rows, TextOrigin origin) {
    Table grid = Grid(rows);
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    StitchedTable stitched = OnePart(grid, "budget.three_public");
    stitched.declared = UnitOfAmount::kWanYuan;
    return KeyColumns(stitched, HeaderOptions{});
  };
  const std::vector<std::vector<std::string>> scan = {
      {"单位名称", "“表三合公计”经", "因公出国(境)费用", "公务用车购置及运行费", "", "",
       "公务接待费"},
      {"", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""},
      {"宁来", "1", "2", "3", "4", "$", "6"},
      {"合计", "873.20", "", "846.10", "421.30", "424.80", "27.10"},
      {"本级", "6.00", "", "", "", "", "6.00"},
      {"执法队", "6084.00", "", "679.00", "349.00", "330.00", "5.00"},
      {"学校", "11.80", "", "10.80", "", "10.80", "1.00"}};
  const TableColumns read = columns_of(scan, TextOrigin::kOcr);
  EXPECT_EQ(read.keyed_by_sums, std::vector<int>{1});  // and the rows stage says so
  EXPECT_EQ(read.column_rows,
            (std::vector<std::string>{"", "three_public.total", "three_public.overseas",
                                      "three_public.vehicle_total", "three_public.vehicle_purchase",
                                      "three_public.vehicle_operation", "three_public.reception"}));
  std::vector<std::vector<std::string>> unconfirmed = scan;
  unconfirmed[4][1] = "7.00";
  unconfirmed[6][1] = "12.80";
  EXPECT_EQ(columns_of(unconfirmed, TextOrigin::kOcr).column_rows[1], "");
  Table numbers = Grid({{"宁来", "1", "2", "3", "4", "$", "6"}});
  EXPECT_FALSE(ScanRow(numbers, 0).column_numbers);
  for (TableCell& cell : numbers.cells) cell.provenance.origin = TextOrigin::kOcr;
  EXPECT_TRUE(ScanRow(numbers, 0).column_numbers);
  // Two numbers misread as others (zj_hangzhou_meteo p17: 5 read 4, 7 read 了7): the rest
  // still number their columns. Small numbers out of their columns' order are no 栏次 row.
  auto ocr_row = [](std::vector<std::string> cells) {
    Table row = Grid({cells});
    for (TableCell& cell : row.cells) cell.provenance.origin = TextOrigin::kOcr;
    return row;
  };
  EXPECT_TRUE(ScanRow(ocr_row({"本", "1", "2", "3?", "4", "4", "6", "了7"}), 0).column_numbers);
  EXPECT_FALSE(ScanRow(ocr_row({"宁来", "1", "5", "2", "7", "$", "3"}), 0).column_numbers);
}

// An income table's money column whose header OCR could not read at all (政府性基金预算拨款收入
// read as a word no label is near, fj_fuzhou_sci p12): its 0.00 in the 合计 row is no row's name,
// so the amounts after it stay on the 合计 row instead of starting a second row named "0.00".
TEST(RowsTest, OcrUnreadMoneyColumnDoesNotCutItsRow) {
  std::vector<Finding> findings;
  const CanonicalTable table =
      ReadGrid(Grid({{"单位名称", "合计", "一般公共预算拨款收入", "锟斤拷", "事业收入", "其他收入"},
                     {"合计", "70109.24", "70109.24", "0.00", "0.00", "0.00"},
                     {"福州市科学技术局", "70109.24", "70109.24", "", "", ""}}),
               "budget.income", findings);
  ASSERT_FALSE(table.rows.empty());
  EXPECT_EQ(table.rows.front().row_code, "total");
  EXPECT_EQ(ColumnsOf(table.rows.front()),
            (std::vector<std::string>{"total", "general_budget", "business", "other"}));
  for (const CanonicalRow& row : table.rows) EXPECT_NE(row.row_name, "0.00");
}

// A one-row 支出预算总表 with no label column (Jiangsu), one header unread: the unread
// column's amount is not the row's name, and the row is still the totals (js_cppcc_2019 p3).
TEST(RowsTest, OcrOneRowTableWithAnUnreadMoneyColumnKeepsItsTotals) {
  std::vector<Finding> findings;
  const CanonicalTable table =
      ReadGrid(Grid({{"合计", "基本支出", "项目支出", "锟斤拷", "结转下年资金"},
                     {"13,377.11", "6,522.75", "4,968.34", "1,886.02", ""}}),
               "budget.expenditure", findings);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows.front().row_code, "total");
  EXPECT_EQ(ColumnsOf(table.rows.front()), (std::vector<std::string>{"total", "basic", "project"}));
}

// An income table listing its sources down the page, on a scan: a source misread is keyed by
// the nearest label summaries print (js_procuratorate_2018 p14); a text layer's is as printed.
TEST(RowsTest, OcrIncomeSourceListedDownThePageKeyedByItsNearestLabel) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    std::vector<Finding> findings;
    const std::vector<std::string> codes =
        RowCodes(Grid({{"项目名称", "", "金额"},
                       {"收入总计", "", "21,955.35"},
                       {"`般公共据算资金", "小计", "21,940.96"},
                       {"公共财政拨庆(补助)多资金", "", "21,940.96"},
                       {"其他资金", "小计", "14.39"}}),
                 "budget.income", findings, origin);
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(codes, (std::vector<std::string>{"income.grand_total",
                                                 "income.general_budget_appropriation",
                                                 "income.fiscal_appropriation", "income.other"}));
    } else {
      EXPECT_EQ(codes, (std::vector<std::string>{"income.grand_total", "", "", "income.other"}));
    }
  }
}

// A class code misread beside another class's name (cq_city_commerce p9: 205 read 209 over
// 教育支出, its 款 20503 below): on a scan the name, printed in full, keys the row; a text layer's
// code is taken as printed.
TEST(RowsTest, OcrClassCodeMisreadBesideAnotherClassesName) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    std::vector<Finding> findings;
    const std::vector<std::string> codes = RowCodes(Grid({{"科目编码", "科目名称", "合计"},
                                                          {"209", "教育支出", "55,670.32"},
                                                          {"20503", "职业教育", "55,653.68"},
                                                          {"2050305", "高等职业教育", "55,653.68"},
                                                          {"210", "卫生健康支出", "16.64"}}),
                                                    "budget.expenditure", findings, origin);
    const std::string first = origin == TextOrigin::kOcr ? "205" : "209";
    EXPECT_EQ(codes, (std::vector<std::string>{first, "20503", "2050305", "210"}));
  }
}

// An income table's fund names under 本年收入 read out of order on a scan (js_wuxi_transport
// p15): 一算般公共预 and 政金府预算性 (基 lost; it holds 预算 and took a 预算数 key) are keyed
// by the nearest label, with the group's prefix.
TEST(RowsTest, OcrFundNamesUnderTheirGroupReadOutOfOrder) {
  Table grid = Grid({{"单位名称", "合计", "本年收入", "", ""},
                     {"", "", "一算般公共预", "政金府预算性", "其他收入"},
                     {"合计", "984,760.87", "196,278.67", "143,999.00", "644,483.20"}});
  std::vector<TableCell> cells;
  for (TableCell cell : grid.cells) {
    cell.provenance.origin = TextOrigin::kOcr;
    const bool tall = cell.column < 2;
    if (cell.row == 1 && tall) continue;
    if (cell.row == 0 && cell.column > 2) continue;
    if (cell.row == 0 && tall) cell.row_span = 2;
    if (cell.row == 0 && cell.column == 2) cell.column_span = 3;
    cells.push_back(cell);
  }
  grid.cells = cells;
  StitchedTable stitched = OnePart(grid, "budget.income");
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "total", "income.general_budget", "income.gov_fund",
                                      "income.other"}));
}

// 合计 and 小计 misread in a scan's header (sd_yantai_audit p24: 会计, and 小一计 under 财政拨款):
// one ideograph of two misread, or a stroke read between them, is no near label, but still the
// total it was printed as.
TEST(RowsTest, OcrTotalWordsMisreadInAHeaderKeyTheTotals) {
  struct Case {
    const char* total;
    const char* subtotal;
  };
  for (const Case& c : {Case{"合计", "小计"}, Case{"会计", "小一计"}, Case{"合汁", "小:计"}}) {
    Table grid = Grid({{"项目名称", "项目类别", c.total, "财政拨款", "", "单位资金"},
                       {"", "", "", c.subtotal, "一般公共预算", ""},
                       {"合计", "", "781.50", "4.50", "4.50", "777.00"},
                       {"审计业务经费", "其他运转类", "31.00", "", "", "31.00"}});
    std::vector<TableCell> cells;
    for (TableCell cell : grid.cells) {
      cell.provenance.origin = TextOrigin::kOcr;
      const bool tall = cell.column < 3 || cell.column == 5;
      if (cell.row == 1 && tall) continue;
      if (cell.row == 0 && cell.column == 4) continue;
      if (cell.row == 0 && tall) cell.row_span = 2;
      if (cell.row == 0 && cell.column == 3) cell.column_span = 2;
      cells.push_back(cell);
    }
    grid.cells = cells;
    StitchedTable stitched = OnePart(grid, "budget.project_expenditure");
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
              (std::vector<std::string>{"", "", "total", "fiscal_appropriation.total",
                                        "fiscal_appropriation.general_budget", "unit_funds"}))
        << c.total << " " << c.subtotal;
  }
}

// 合计 | 人员经费 | 公用经费 under 一般公共预算基本支出, the group misread on a scan
// (sh_city_unit_laoganbu p14): the group read by its nearest label makes 合计 the basic
// column, as the text layer keys it; a text layer's misprint is taken as printed.
TEST(RowsTest, OcrTotalUnderAMisreadGroupTakesTheGroupsKey) {
  for (const char* group : {"-般会共预和枯本支出", "一般公共预算基本支出"}) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      Table grid = Grid({{"类", "科目名称", group, "", ""},
                         {"", "", "合计", "人员经费", "公用经费"},
                         {"301", "工资福利支出", "172,800", "172,800", ""}});
      std::vector<TableCell> cells;
      for (TableCell cell : grid.cells) {
        cell.provenance.origin = origin;
        const bool tall = cell.column < 2;
        if (cell.row == 1 && tall) continue;
        if (cell.row == 0 && cell.column > 2) continue;
        if (cell.row == 0 && tall) cell.row_span = 2;
        if (cell.row == 0 && cell.column == 2) cell.column_span = 3;
        cells.push_back(cell);
      }
      grid.cells = cells;
      StitchedTable stitched = OnePart(grid, "budget.general_budget_basic_expenditure");
      const bool misread = std::string(group) != "一般公共预算基本支出";
      const std::string first = misread && origin == TextOrigin::kTextLayer ? "total" : "basic";
      EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
                (std::vector<std::string>{"", "", first, "personnel", "public"}))
          << group << " " << (origin == TextOrigin::kOcr);
    }
  }
}

// Rows whose code the scan lost entirely (cq_city_landres p20-21): 事业运行 among 22001's 项
// rows is 2200150, 自然灾害防治 under 224 is 22406, by the classification's names of the
// children after the row before; a row whose name names none stays uncoded. A text layer's
// uncoded row is taken as printed.
TEST(RowsTest, OcrRowWithNoCodeIsNamedAmongItsParentsChildren) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"科目编码", "科目名称", "合计"},
                       {"22001", "自然资源事务", "9.00"},
                       {"2200129", "基础测绘与地理信息监管", "2.00"},
                       {"", "事业运行", "5.00"},
                       {"", "呒呒呒呒", "1.00"},
                       {"2200199", "其他自然资源事务支出", "1.00"},
                       {"224", "灾害防治及应急管理支出", "3.00"},
                       {"", "自然灾害防治", "3.00"},
                       {"2240601", "地质灾害防治", "3.00"}});
    std::vector<Finding> findings;
    const std::vector<std::string> codes =
        RowCodes(grid, "budget.general_budget_expenditure", findings, origin);
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(codes, (std::vector<std::string>{"22001", "2200129", "2200150", "", "2200199",
                                                 "224", "22406", "2240601"}));
      EXPECT_TRUE(HasFinding(findings, "ocr.code_inferred", "as 2200150 by its name '事业运行'"));
    } else {
      EXPECT_EQ(codes, (std::vector<std::string>{"22001", "2200129", "", "", "2200199", "224", "",
                                                 "2240601"}));
    }
  }
}

TEST(RowsTest, UndeclaredUnitTakesTheDocumentDefaultWithAFinding) {
  std::vector<StitchedTable> tables(3);
  tables[0].declared = UnitOfAmount::kYuan;
  tables[1].declared = UnitOfAmount::kWanYuan;
  tables[2].declared = UnitOfAmount::kWanYuan;
  EXPECT_EQ(DocumentDefaultUnit(tables), UnitOfAmount::kWanYuan);

  const Table grid = Grid(kExpenditureGrid);
  StitchedTable stitched = OnePart(grid, "final.expenditure");
  RowsOptions options;
  options.default_unit = UnitOfAmount::kYuan;
  std::vector<Finding> findings;
  CanonicalTable table =
      ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
  EXPECT_EQ(table.unit_source, UnitSource::kDocumentDefault);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "unit.document_default");
}

// An OCR'd table read in the document's unit (its own unit line misread) lists its figures in the
// unit.document_default finding: a unit guessed wrong would make all of them wrong. A text
// layer's table does not.
TEST(RowsTest, OcrTableInTheDocumentDefaultUnitListsItsFigures) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid(kExpenditureGrid);
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    StitchedTable stitched = OnePart(grid, "budget.expenditure");
    RowsOptions options;
    options.default_unit = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, "unit.document_default");
    EXPECT_EQ(findings[0].figures.size(), origin == TextOrigin::kOcr ? 6u : 0u);
  }
}

// A 三公 table's row whose name is no item keeps its figures unkeyed on a scan (its 合计 read 全,
// H29 s3w_0460_budget: the figure had been dropped, silently, with the counts and sub-items a
// text layer's rows of no item are); a count row stays without figures either way.
TEST(RowsTest, OcrThreePublicRowOfNoItemKeepsItsFigures) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    SCOPED_TRACE(TextOriginName(origin));
    Table grid = Grid({{"项目", "预算数"},
                       {"全", "80.29"},
                       {"因公出国（境）费", "0.00"},
                       {"公务用车购置及运行费", "69.83"},
                       {"公务接待费", "10.46"},
                       {"公务接待批次（个）", "12"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    StitchedTable stitched = OnePart(grid, "budget.three_public");
    RowsOptions options;
    options.default_unit = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
    const auto figures_of = [&table](const std::string& name) {
      for (const CanonicalRow& row : table.rows)
        if (row.row_name == name) return row.values.size();
      return std::size_t{99};
    };
    EXPECT_EQ(figures_of("全"), origin == TextOrigin::kOcr ? 1u : 0u);
    EXPECT_EQ(figures_of("公务接待批次（个）"), 0u);
    EXPECT_EQ(figures_of("公务接待费"), 1u);
  }
}

// An OCR'd table whose unit line was misread (单位: 泡 for 单位：元) is in 元 when its amounts
// allow no other unit: two amounts of eight digits before the point (over 1000亿元 in 万元), or
// whole numbers only; in 万元 when most amounts print more decimals than a fen needs (Beijing's
// 952.850016). Its figures are listed in a unit.inferred finding. One long amount (two cells read
// as one), one amount with a stray third decimal, amounts with two decimals, and a text layer's
// table keep the document's unit.
TEST(RowsTest, OcrTableUnitInferredFromItsAmounts) {
  struct Case {
    const char* name;
    std::vector<std::string> amounts;  // 合计 of three rows
    TextOrigin origin;
    UnitOfAmount unit;
    const char* check;
  };
  const Case cases[] = {
      {"eight digits",
       {"82,096,797.42", "15,686,797.42", "1,097,073.43"},
       TextOrigin::kOcr,
       UnitOfAmount::kYuan,
       "unit.inferred"},
      {"whole numbers",
       {"8,115,738", "1,368,000", "432,500"},
       TextOrigin::kOcr,
       UnitOfAmount::kYuan,
       "unit.inferred"},
      {"one long amount",
       {"17631595200.00", "1,284.76", "0.50"},
       TextOrigin::kOcr,
       UnitOfAmount::kWanYuan,
       "unit.document_default"},
      {"decimals",
       {"1,097,073.43", "782,855.28", "314,218.15"},
       TextOrigin::kOcr,
       UnitOfAmount::kWanYuan,
       "unit.document_default"},
      {"six decimals",
       {"4,697.043616", "952.850016", "3,744.1936"},
       TextOrigin::kOcr,
       UnitOfAmount::kWanYuan,
       "unit.inferred"},
      {"one stray third decimal",
       {"1,097,073.435", "782,855.28", "314,218.15"},
       TextOrigin::kOcr,
       UnitOfAmount::kWanYuan,
       "unit.document_default"},
      {"text layer",
       {"8,115,738", "1,368,000", "432,500"},
       TextOrigin::kTextLayer,
       UnitOfAmount::kWanYuan,
       "unit.document_default"},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"科目编码", "科目名称", "合计"},
                       {"301", "工资福利支出", c.amounts[0]},
                       {"30101", "基本工资", c.amounts[1]},
                       {"30102", "津贴补贴", c.amounts[2]}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched = OnePart(grid, "budget.general_budget_basic_expenditure");
    RowsOptions options;
    options.default_unit = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), options, 0, findings);
    EXPECT_EQ(table.unit, c.unit) << c.name;
    bool found = false;
    for (const Finding& finding : findings) {
      if (finding.check != c.check) continue;
      found = true;
      EXPECT_EQ(finding.figures.size(), c.origin == TextOrigin::kOcr ? 3u : 0u) << c.name;
    }
    EXPECT_TRUE(found) << c.name;
  }
}

// Several rows of one OCR'd table keyed with the same code (302 | 01 read as 302 on every row)
// get one ocr.duplicate_code finding that lists their figures; a text layer's table does not.
TEST(RowsTest, OcrRowsKeyedWithTheSameCodeAreReported) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid({{"科目编码", "科目名称", "合计"},
                       {"302", "商品和服务支出", "188.81"},
                       {"302", "办公费", "10.00"},
                       {"302", "邮电费", "5.00"},
                       {"303", "对个人和家庭的补助", "1.00"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    StitchedTable stitched = OnePart(grid, "budget.general_budget_basic_expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    if (origin == TextOrigin::kOcr) {
      ASSERT_EQ(findings.size(), 1u);
      EXPECT_EQ(findings[0].check, "ocr.duplicate_code");
      EXPECT_EQ(findings[0].figures.size(), 3u);
      EXPECT_NE(findings[0].message.find("302 (3 rows)"), std::string::npos);
    } else {
      EXPECT_TRUE(findings.empty());
    }
  }
}

// A 三公 table's 公务用车购置及运行维护费 read 公务用车购轩及运行维护名 (H14 s3w_0217_final) was
// keyed as the upkeep below it: two rows keyed vehicle_operation, the total lost, silent. A name of
// both purchase (购) and upkeep (运行, 维护) is their total. Two rows an OCR'd table still keys
// alike under different names get ocr.duplicate_code, canonical keys as codes do.
TEST(RowsTest, OcrThreePublicVehicleTotalWithItsWordsMisread) {
  const struct {
    const char* name;
    const char* vehicle_total;
    const char* upkeep;
    std::string total_key;
    bool duplicate;
  } cases[] = {
      {"printed", "公务用车购置及运行维护费", "公务用车运行维护费", "three_public.vehicle_total",
       false},
      {"misread", "公务用车购轩及运行维护名", "公务用车运行维护费", "three_public.vehicle_total",
       false},
      {"upkeep misread as the total's", "公务用车购置及运行维护费", "公务用车购置及运行维护名",
       "three_public.vehicle_total", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Table grid = Grid({{"项目", "决算数"},
                       {"合计", "44,949.17"},
                       {"因公出国(境)费", "0.00"},
                       {c.vehicle_total, "43,215.36"},
                       {"其中：公务用车购置费", "0.00"},
                       {c.upkeep, "43,215.36"},
                       {"公务接待费", "1,733.81"}});
    std::vector<Finding> findings;
    const CanonicalTable table = ReadGrid(grid, "final.three_public", findings);
    ASSERT_EQ(table.rows.size(), 6u);
    EXPECT_EQ(table.rows[2].row_code, c.total_key);
    EXPECT_EQ(HasFinding(findings, "ocr.duplicate_code", "three_public.vehicle_total (2 rows)"),
              c.duplicate);
  }
}

// A 款 piece a scan read with a digit lost on a row that prints its class (201 | 1 |
// 纪检监察事务, H14 s3w_0219_final) was keyed as the class a second time. As for a 款 row printing
// its piece alone, the pieces its reading allows above the sibling before it, and the name the
// classification gives, say which it is. A name naming none of them keeps the class (and
// ocr.duplicate_code names the rows); a text layer's 1 is Excel's 01.
TEST(RowsTest, OcrKuanPieceWithADigitLostBesideItsClass) {
  const struct {
    const char* name;
    const char* label;
    TextOrigin origin;
    const char* code;
  } cases[] = {
      {"named", "纪检监察事务", TextOrigin::kOcr, "20111"},
      {"named nothing", "甲乙丙丁", TextOrigin::kOcr, "201"},
      {"text layer", "纪检监察事务", TextOrigin::kTextLayer, "20101"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Finding> findings;
    const std::vector<std::string> codes =
        RowCodes(Grid({{"类", "款", "项", "科目名称", "合计"},
                       {"201", "", "", "一般公共服务支出", "23.00"},
                       {"201", "03", "", "政府办公厅（室）及相关机构事务", "22.00"},
                       {"201", "03", "01", "行政运行", "15.00"},
                       {"201", "03", "50", "事业运行", "7.00"},
                       {"201", "1", "", c.label, "1.00"}}),
                 "final.expenditure", findings, c.origin);
    ASSERT_EQ(codes.size(), 5u);
    EXPECT_EQ(codes[4], c.code);
  }
}

TEST(RowsTest, OtherTableWithAmountsIsReportedUnclassified) {
  // Fullwidth digits and separators count as amounts too.
  const Table grid =
      Grid({{"项目", "金额"}, {"税收收入", "３，４９０，０００"}, {"非税收入", "12.50"}});
  StitchedTable stitched = OnePart(grid, "other");
  stitched.canonical.printed_title = "市级一般公共预算收入决算情况表";
  stitched.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "table.unclassified");
  EXPECT_NE(findings[0].message.find("市级一般公共预算收入决算情况表"), std::string::npos);
  EXPECT_NE(findings[0].message.find("holds 2 amount(s)"), std::string::npos);
  EXPECT_NE(findings[0].message.find("neither its title, header nor body"), std::string::npos);
}

// An unclassified table's amounts in columns no header keys make no figure (a text laid out
// with spaces, a table cut from its header by a page break: s27w_0011_final's 支出决算表): the
// finding says they are not exported and quotes them, instead of claiming every figure is
// exported under kind 'other'.
TEST(RowsTest, UnclassifiedTableQuotesTheAmountsItDoesNotExport) {
  struct Case {
    const char* name;
    std::vector<std::string> header;
    const char* says;
  };
  for (const Case& c :
       {Case{"keyed", {"项目", "金额"}, "; its figures are exported under kind 'other'"},
        Case{"unkeyed",
             {"", ""},
             "0 of them are exported under kind 'other', and these 2, in "
             "columns no header keys, are not: 3,490.00 12.50"}}) {
    const Table grid = Grid({c.header, {"税收收入", "3,490.00"}, {"非税收入", "12.50"}});
    StitchedTable stitched = OnePart(grid, "other");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    ASSERT_FALSE(findings.empty()) << c.name;
    const Finding& finding = findings.back();
    EXPECT_EQ(finding.check, "table.unclassified") << c.name;
    EXPECT_NE(finding.message.find(c.says), std::string::npos) << c.name << ": " << finding.message;
  }
}

// Evidence too weak alone to key a table (economic codes in the body, the header misread on a
// scan) is named, not denied: "neither its title, header nor body" would send a user looking
// for a table the tool saw the codes of.
TEST(RowsTest, UnclassifiedTableNamesItsWeakEvidence) {
  const Table grid =
      Grid({{"科目", "金额"}, {"301 工资福利支出", "12.50"}, {"302 商品和服务支出", "3.00"}});
  StitchedTable stitched = OnePart(grid, "other");
  stitched.canonical.evidence.push_back(
      KindEvidence{"body", "economic codes 301 302", "budget.general_budget_basic_expenditure"});
  stitched.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "table.unclassified");
  EXPECT_NE(findings[0].message.find("its body (economic codes 301 302) reads as "
                                     "budget.general_budget_basic_expenditure, but no title or "
                                     "header confirms a canonical kind"),
            std::string::npos)
      << findings[0].message;
}

// A figure the rows stage could not read is named by the finding that says so, so it is never
// a wrong figure without a finding: an `other` table's figures are listed by its
// table.unclassified warning, a cell that is not a number is named by its row and column, and
// every amount of a column no key reads is quoted.
// H21 s3w_0323_budget on a scan: a summary's line read with both labels in its first cell
// (一、一般公共预算拨款收入4594503一、社会保障和就业支出 | 60,873.78): its amount was exported as
// the income row's, a wrong figure no finding named. The row is neither side's: row.unkeyed
// names its amount. The same line from a text layer keeps its income key.
TEST(RowsTest, OcrSummaryLineWithBothLabelsInOneCellIsNeitherSide) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadGrid(Grid({{"项目", "预算数"},
                       {"一、一般公共预算拨款收入4594503一、社会保障和就业支出", "60,873.78"},
                       {"本年收入合计", "459,450.92"}}),
                 "budget.income_expenditure_summary", findings, origin);
    ASSERT_EQ(table.rows.size(), 2u);
    const bool ocr = origin == TextOrigin::kOcr;
    EXPECT_EQ(table.rows[0].row_code, ocr ? "" : "income.general_budget_appropriation");
    EXPECT_EQ(HasFinding(findings, "row.unkeyed", "4594503"), ocr);
  }
}

TEST(RowsTest, FiguresNotReadAreNamedByTheirFinding) {
  struct Case {
    const char* name;
    std::string kind;
    std::vector<std::vector<std::string>> grid;
    const char* check;
    std::vector<std::string> row_codes;  // of the finding's figures
    std::vector<std::string> quoted;     // in its message
  };
  const Case cases[] = {
      {"UnclassifiedTableListsItsFigures",
       "other",
       {{"项目", "金额"}, {"2120101 城乡社区管理事务", "1,295,239.20"}, {"合计", "12.50"}},
       "table.unclassified",
       {"2120101", "total"},
       {}},
      {"UnparsedCellNamesItsRowAndColumn",
       "final.expenditure",
       {{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
        {"201", "一般公共服务支出", "1,000.00", "600.00 2", "400.00"}},
       "amount.unparsed",
       {"201"},
       {"600.00 2", "一般公共服务支出"}},
      {"UnkeyedColumnQuotesEveryAmount",
       "final.expenditure",
       {{"科目编码", "科目名称", "合计", "", "项目支出"},
        {"201", "一般公共服务支出", "1,000.00", "600.00", "400.00"},
        {"20101", "人大事务", "700.00", "350.00", "350.00"}},
       "column.unkeyed",
       {"201", "20101"},  // each amount under its row, its column unknown (H20 s3w_0310_final)
       {"600.00", "350.00"}},
  };
  for (const Case& c : cases) {
    const Table grid = Grid(c.grid);
    StitchedTable stitched = OnePart(grid, c.kind);
    stitched.declared = UnitOfAmount::kYuan;
    std::vector<Finding> findings;
    ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    const Finding* found = nullptr;
    for (const Finding& finding : findings) {
      if (finding.check == c.check) found = &finding;
    }
    ASSERT_NE(found, nullptr) << c.name;
    std::vector<std::string> codes;
    for (const FigureRef& figure : found->figures) codes.push_back(figure.row_code);
    EXPECT_EQ(codes, c.row_codes) << c.name;
    for (const std::string& text : c.quoted) {
      EXPECT_NE(found->message.find(text), std::string::npos) << c.name << ": " << found->message;
    }
  }
}

// The total row printed with a colon (总计：, jl_changchun_xinfang_2026_budget) is the total row.
// A row with amounts and neither a label nor a code keys no row: its amounts are named by a
// `row.unlabelled` finding, never dropped in silence. An amount a 合计 label further left takes
// (公用经费合计 spanning to the last segment's 决算数, cn_central_xinfang p12; Jiangsu's
// 当年支出小计) is read, not named: those were all 28 such rows of ../shared (real, corpus).
TEST(RowsTest, AmountsWithoutLabelOrCodeAreNamed) {
  const Table grid = Grid({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                           {"201", "一般公共服务支出", "1,000.00", "600.00", "400.00"},
                           {"", "", "25.00", "", "25.00"}});
  StitchedTable stitched = OnePart(grid, "budget.expenditure");
  stitched.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  const CanonicalTable table =
      ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
  ASSERT_EQ(table.rows.size(), 1u);
  const auto unlabelled = std::find_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.check == "row.unlabelled";
  });
  ASSERT_NE(unlabelled, findings.end());
  ASSERT_EQ(unlabelled->figures.size(), 2u);
  EXPECT_EQ(unlabelled->figures[0].column, "total");
  EXPECT_EQ(unlabelled->figures[0].amount_fen, 25 * 10000 * 100);
  EXPECT_EQ(unlabelled->figures[1].column, "project");
  EXPECT_EQ(unlabelled->figures[0].table_kind, "budget.expenditure");

  Table basic =
      Grid({{"科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码",
             "科目名称", "决算数"},
            {"30101", "基本工资", "7,967.72", "30201", "办公费", "1,266.65", "30205", "水费",
             "1,000.00"},
            {"人员经费合计", "", "7,967.72", "公用经费合计", "", "", "", "", "2,266.65"}});
  // 人员经费合计 over two columns, 公用经费合计 over five: its amount is the last 决算数.
  for (TableCell& cell : basic.cells) {
    if (cell.row == 2 && cell.column == 0) cell.column_span = 2;
    if (cell.row == 2 && cell.column == 3) cell.column_span = 5;
  }
  basic.cells.erase(std::remove_if(basic.cells.begin(), basic.cells.end(),
                                   [](const TableCell& cell) {
                                     return cell.row == 2 && (cell.column == 1 ||
                                                              (cell.column > 3 && cell.column < 8));
                                   }),
                    basic.cells.end());
  StitchedTable stitched_basic = OnePart(basic, "final.general_budget_basic_expenditure");
  stitched_basic.declared = UnitOfAmount::kWanYuan;
  std::vector<Finding> basic_findings;
  ReadRows(stitched_basic, KeyColumns(stitched_basic, HeaderOptions{}), RowsOptions{}, 0,
           basic_findings);
  for (const Finding& finding : basic_findings) EXPECT_NE(finding.check, "row.unlabelled");
}

// An amount printed with fewer decimals than every other amount of its column prints (26 among
// amounts of two decimals: a narrow cell's 2 | 6 | . at a page foot, its 03 on the next page,
// s95wn_0086_budget; 1,958,839.2 with its 7 lost over the break, s95wn_0002_budget) is likely cut
// short, and a sum's tolerance in 万元 hides it: an `amount.precision` warning names it. A column
// that prints whole numbers, too few amounts to tell, or a zero, is no such sign.
TEST(RowsTest, AmountPrintedShortOfItsColumnsDecimalsIsNamed) {
  struct Case {
    const char* name;
    std::vector<std::string> totals;  // the total column, rows 201, 20101, 2010101…
    std::vector<std::string> named;   // the amounts the finding names, as printed
  };
  const std::vector<std::string> codes = {"201",     "20101",   "2010101", "2010102",
                                          "2010103", "2010104", "2010105"};
  for (const Case& c :
       {Case{"a whole number among two decimals",
             {"40.03", "40.03", "2\n6", "1.00", "3.00", "5.00", "5.03"},
             {"2\n6"}},
        Case{"one decimal",
             {"40.03", "40.03", "1,958,\n839.2", "1.00", "3.00", "5.00", "5.03"},
             {"1,958,\n839.2"}},
        Case{"a zero", {"40.03", "40.03", "0", "1.00", "3.00", "5.00", "5.03"}, {}},
        Case{"whole numbers printed", {"40", "40", "26", "1", "3.00", "5", "5"}, {}},
        Case{"too few to tell", {"40.03", "40.03", "26", "", "", "", ""}, {}}}) {
    SCOPED_TRACE(c.name);
    std::vector<std::vector<std::string>> rows = {{"科目编码", "科目名称", "合计"}};
    for (std::size_t r = 0; r < codes.size(); ++r) {
      if (!c.totals[r].empty()) rows.push_back({codes[r], "事务", c.totals[r]});
    }
    const Table grid = Grid(rows);
    StitchedTable stitched = OnePart(grid, "budget.expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    std::vector<std::string> named;
    for (const Finding& finding : findings) {
      if (finding.check != "amount.precision") continue;
      EXPECT_EQ(finding.severity, Severity::kWarning);
      for (const FigureRef& figure : finding.figures) {
        named.push_back(figure.row_code + " " + figure.column);
      }
    }
    std::vector<std::string> expected;
    for (const std::string& printed : c.named) {
      const auto at = std::find(c.totals.begin(), c.totals.end(), printed);
      expected.push_back(codes[static_cast<std::size_t>(at - c.totals.begin())] + " total");
    }
    EXPECT_EQ(named, expected);
  }
}

TEST(RowsTest, TotalLabelWithAColonIsTheTotalRow) {
  for (const char* label : {"合计", "总计：", "合计:"}) {
    const Table grid = Grid({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                             {"", label, "1,000.00", "600.00", "400.00"},
                             {"201", "一般公共服务支出", "1,000.00", "600.00", "400.00"}});
    StitchedTable stitched = OnePart(grid, "budget.expenditure");
    stitched.declared = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    const CanonicalTable table =
        ReadRows(stitched, KeyColumns(stitched, HeaderOptions{}), RowsOptions{}, 0, findings);
    ASSERT_FALSE(table.rows.empty()) << label;
    EXPECT_EQ(table.rows[0].row_code, "total") << label;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// `document`'s grids, every cell read as `origin`, built into a budget's tables: the figures (fen)
// of the rows coded `row_code` (of every row when empty) and how many findings of `check` there
// are.
std::pair<std::vector<std::int64_t>, int> BuildBudgetWithGridsReadAs(
    Document document, TextOrigin origin, const std::string& check,
    const std::string& row_code = "") {
  for (Block& block : document.blocks) {
    if (Table* grid = block.AsTable()) {
      for (TableCell& cell : grid->cells) cell.provenance.origin = origin;
    }
  }
  DocumentMetadata metadata;
  metadata.kind = DocKind::kBudget;
  std::vector<Finding> findings;
  const std::vector<CanonicalTable> tables = BuildTables(document, metadata, findings);
  std::vector<std::int64_t> fen;
  for (const CanonicalTable& table : tables) {
    for (const CanonicalRow& row : table.rows) {
      if (!row_code.empty() && row.row_code != row_code) continue;
      for (const Figure& figure : row.values) fen.push_back(figure.amount_fen);
    }
  }
  int said = 0;
  for (const Finding& finding : findings) said += finding.check == check;
  return {fen, said};
}

// H50 s3w_0792_budget on a scan: 1,521.10 read 1.521,10 (point and comma the other way round),
// an unparsed cell and the summary's 本年收入合计 lost. Grouped by three with points and two
// decimals after a comma, as no Chinese document prints, it is read with the two swapped and
// said by ocr.separators_swapped; anything else, and a text layer's cell, stays as it was.
TEST(RowsTest, OcrSeparatorsSwappedInAnAmountCell) {
  struct SwapCase {
    const char* text;
    std::optional<std::string> read;
  };
  const SwapCase swaps[] = {
      {"1.521,10", "1,521.10"},      {"12.345.678,09", "12,345,678.09"}, {"1.521, 10", "1,521.10"},
      {"1,521.10", std::nullopt},    {"1.52,10", std::nullopt},          {"1521,10", std::nullopt},
      {"1234.521,10", std::nullopt}, {"1.521,1", std::nullopt},          {"a.521,10", std::nullopt},
      {".521,10", std::nullopt},
  };
  for (const SwapCase& c : swaps) {
    EXPECT_EQ(WithOcrSwappedSeparatorsRead(c.text), c.read) << c.text;
  }
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const auto [fen, said] = BuildBudgetWithGridsReadAs(
        DocumentBuilder()
            .Page({"2024年一般公共预算支出表", "单位:万元"})
            .Table({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                    {"2101101", "行政单位医疗", "1.521,10", "839.48", "681.62"}})
            .Build(),
        origin, "ocr.separators_swapped");
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(fen, (std::vector<std::int64_t>{1521100000, 839480000, 681620000}));
      EXPECT_EQ(said, 1);
    } else {
      EXPECT_EQ(fen, (std::vector<std::int64_t>{839480000, 681620000}));
      EXPECT_EQ(said, 0);
    }
  }
}

// s3w_0050_budget on a scan: 704.71 read 了04.71 in one table (704.71 in the two others), two
// figures missing. On a scan a Chinese recogniser's lookalikes of
// digits (了 7, O 〇 0, l I 丨 1) in an amount cell that then reads as money as printed are read
// as those digits, said by ocr.digit_lookalike; a text layer's cell, or one that is no money so
// read, stays unparsed.
TEST(RowsTest, OcrDigitLookalikesInAnAmountCell) {
  struct LookalikeCase {
    const char* text;
    std::optional<std::string> read;
  };
  const LookalikeCase lookalikes[] = {
      {"了04.71", "704.71"},    {"1,O00.00", "1,000.00"},   {"l23.45", "123.45"},
      {"〇.5O", "0.50"},        {"了生健康", std::nullopt}, {"704.71", std::nullopt},
      {"了04.7", std::nullopt}, {"了,04.71", std::nullopt}, {"了04.71元", std::nullopt},
  };
  for (const LookalikeCase& c : lookalikes) {
    EXPECT_EQ(WithOcrDigitLookalikesRead(c.text), c.read) << c.text;
  }
  // The row in a grid of its own (a row OCR read apart below the rest): a grid whose cells are
  // no numbers was taken for a header, its figures gone with no finding of their own.
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    const auto [fen, said] = BuildBudgetWithGridsReadAs(
        DocumentBuilder()
            .Page({"2024年一般公共预算支出表", "单位:万元"})
            .Table({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                    {"2101101", "行政单位医疗", "1,314.00", "632.38", "681.62"}})
            .Table({{"2101102", "事业单位医疗", "了04.71", "了04.71", ""}})
            .Build(),
        origin, "ocr.digit_lookalike", "2101102");
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(fen, (std::vector<std::int64_t>{704710000, 704710000}));
      EXPECT_EQ(said, 2);
    } else {
      EXPECT_TRUE(fen.empty());
      EXPECT_EQ(said, 0);
    }
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

TEST(RowsTest, MostDeclaredUnit) {
  using U = UnitOfAmount;
  struct Case {
    std::vector<U> declared;
    U unit;
  };
  for (const Case& c : std::vector<Case>{
           {{}, U::kUnknown},
           {{U::kUnknown, U::kUnknown}, U::kUnknown},
           {{U::kUnknown, U::kWanYuan, U::kYuan, U::kYuan}, U::kYuan},
           {{U::kWanYuan, U::kYuan, U::kWanYuan}, U::kWanYuan},
           {{U::kUnknown, U::kWanYuan, U::kYuan}, U::kWanYuan},  // a tie: the first declared
           {{U::kYuan, U::kWanYuan}, U::kYuan},
       }) {
    EXPECT_EQ(MostDeclaredUnit(c.declared), c.unit) << c.declared.size();
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H17 s3w_0258_budget on a scan: the ruled fiscal summary's doubled rules made a column boundary
// inside every cell, 预算数 and each amount under it spanning two columns, so the income side's
// one amount column read as two 预算数 columns and was exported as `budget`, not the side's
// amount. A column no cell starts in, every cell over it spanning from its left, is no column
// of its own: its twin key set aside, the column left of it the side's amount. A column a cell
// starts in, even empty ones, keeps its key.
TEST(HeaderTest, ColumnNoCellStartsInIsNoColumnOfItsOwn) {
  // Whether the body's cells span the twin columns too, or start in them (empty cells there).
  for (const bool body_spans : {true, false}) {
    Table grid = Grid(
        {{"项目", "预算数", "", "项目", "合计", "", "一般公共预算", ""},
         {"一、一般公共预算拨款", "2,716.39", "", "一、教育支出", "2,716.39", "", "2,716.39", ""},
         {"本年收入合计", "2,716.39", "", "本年支出合计", "2,716.39", "", "2,716.39", ""}});
    std::vector<TableCell> cells;
    for (TableCell& cell : grid.cells) {
      cell.provenance.origin = TextOrigin::kOcr;
      const bool twin = cell.column == 2 || cell.column == 5 || cell.column == 7;
      const bool spans = cell.row == 0 || body_spans;
      if (spans && twin) continue;
      if (spans && (cell.column == 1 || cell.column == 4 || cell.column == 6)) {
        cell.column_span = 2;
      }
      cells.push_back(cell);
    }
    grid.cells = cells;
    const TableColumns columns =
        KeyColumns(OnePart(grid, "budget.fiscal_appropriation_summary"), HeaderOptions{});
    if (body_spans) {
      EXPECT_EQ(columns.keys, (std::vector<std::string>{"", "amount", "-", "", "total", "-",
                                                        "general_budget", "-"}));
    } else {
      EXPECT_EQ(columns.keys[1], "budget");
      EXPECT_EQ(columns.keys[2], "budget");
    }
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H18 s3w_0283_final on a scan: a headerless part (its header read as lines above it) whose 款
// pieces a scan garbled in two rows (]1 and 了 for 11): two misread cells in six made the column
// no code column, so its 项 column was none either, and every row keyed by its 类 (205 three
// times, 210 five), 15 figures under the wrong code. Garbled pieces beside twice as many clean
// ones leave the column 款; more of them, or a text layer's, do not.
TEST(HeaderTest, HeaderlessOcrCodeColumnsWithGarbledPieces) {
  struct Case {
    const char* name;
    std::vector<std::string> kuan;
    TextOrigin origin;
    std::vector<std::string> roles;  // of the first three columns
  };
  const Case cases[] = {
      {"TwoGarbledInSix",
       {"", "08", "08", "", "11", "]1", "了", "13"},
       TextOrigin::kOcr,
       {"class", "kuan", "xiang"}},
      {"ThreeGarbledInSix",
       {"", "08", "]8", "", "11", "]1", "了", "13"},
       TextOrigin::kOcr,
       {"class", "", ""}},
      // A text layer's columns keep the roles its header gives (none here).
      {"TextLayer",
       {"", "08", "08", "", "11", "]1", "了", "13"},
       TextOrigin::kTextLayer,
       {"", "", ""}},
  };
  const std::vector<std::string> xiang = {"", "", "03", "", "", "01", "03", ""};
  const std::vector<std::string> names = {"教育支出",       "进修及培训",       "培训支出",
                                          "卫生健康支出",   "行政事业单位医疗", "行政单位医疗",
                                          "公务员医疗补助", "医疗保障管理事务"};
  for (const Case& c : cases) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t r = 0; r < names.size(); ++r) {
      rows.push_back({r < 3 ? "205" : "210", c.kuan[r], xiang[r], names[r], "1,063,000.90"});
    }
    Table grid = Grid(rows);
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    const HeaderAnalysis header = AnalyzeHeader(grid);
    ASSERT_GE(header.roles.size(), 3u) << c.name;
    EXPECT_EQ(std::vector<std::string>(header.roles.begin(), header.roles.begin() + 3), c.roles)
        << c.name;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H18 s3w_0280_final on a scan: a summary's header read 项 for 项目 over the income labels, so
// the column took the 项 code role and its 总计 was taken for a garbled 项 piece: the income
// side's grand total went unlabelled. A code word over a column printing no number and at least
// two names is a label column; over code pieces it stays the code word.
TEST(HeaderTest, OcrCodeWordOverNamesIsALabelColumn) {
  for (const bool names : {true, false}) {
    Table grid = names ? Grid({{"项", "行次", "金额"},
                               {"一、一般公共预算财政拨款收入", "1", "5,229,376.98"},
                               {"本年收入合计", "6", "5,229,376.98"},
                               {"总计", "7", "5,229,376.98"}})
                       : Grid({{"类", "项", "金额"},
                               {"205", "01", "5,229,376.98"},
                               {"205", "02", "5,229,376.98"},
                               {"205", "03", "5,229,376.98"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    const HeaderAnalysis header = AnalyzeHeader(grid);
    if (names) {
      EXPECT_EQ(header.roles[0], "label");
    } else {
      EXPECT_EQ(header.roles[1], "xiang");
    }
  }
}

}  // namespace
}  // namespace disclose
