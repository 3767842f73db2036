// The numbering a document prints for its tables (normalize/table_numbering.h)
// and identification reading a table's number against it.
#include "normalize/table_numbering.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/tables.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

struct NumberCase {
  const char* line;
  std::optional<int> number;
};

TEST(TableNumberingTest, PrintedTableNumbers) {
  const NumberCase cases[] = {
      {"公开01表", 1},
      {"公开 05 表", 5},
      {"附表3", 3},
      {"表 2", 2},
      {"表十一", 11},
      {"预算08表", 8},
      {"决算02表 收入决算表", 2},
      {"十一、国有资本经营预算支出表", 11},
      {"二十、政府采购表", 20},
      {"1、部门收支总表", 1},
      {"收入总表（预算表2）", 2},
      {"收支总表（公开01表）", 1},
      // A continuation printing its table's number again: the table's number.
      {"表三（之二）", 3},
      {"表2（续）", 2},
      {"2024年收支总表", std::nullopt},
      {"1.50", std::nullopt},
      {"收支总表", std::nullopt},
      {"项目", std::nullopt},
  };
  for (const NumberCase& c : cases) {
    EXPECT_EQ(PrintedTableNumber(c.line), c.number) << c.line;
  }
}

// The numbering read from `lines`, one paragraph each as `origin` gives them, before a table.
TableNumbering NumberingOfLines(const std::vector<std::string>& lines, TextOrigin origin) {
  Document document;
  for (const std::string& line : lines) {
    Paragraph paragraph;
    paragraph.text = line;
    paragraph.provenance.origin = origin;
    document.blocks.push_back(Block{paragraph});
  }
  document.blocks.push_back(Block{Table{}});
  return ReadTableNumbering(document);
}

Block Line(const std::string& text) {
  Paragraph paragraph;
  paragraph.text = text;
  return Block{paragraph};
}

TEST(TableNumberingTest, ListOfTablesBeforeTheFirstTable) {
  Document document;
  for (const char* text :
       {"目录", "第二部分 2025年部门预算表", "一、收支总表……………3", "二、收入总表", "三、支出总表",
        "四、财政拨款收支总表", "1、负责全市公安工作。", "2、承办交办的其他事项。"}) {
    document.blocks.push_back(Line(text));
  }
  Table table;
  document.blocks.push_back(Block{table});
  // The tables' own titles come after the first table: no list.
  document.blocks.push_back(Line("五、一般公共预算支出表"));
  document.blocks.push_back(Line("六、一般公共预算基本支出表"));
  const TableNumbering numbering = ReadTableNumbering(document);
  EXPECT_TRUE(numbering.printed);
  ASSERT_EQ(numbering.titles.size(), 4u);
  EXPECT_EQ(numbering.titles.at(1), "收支总表");
  EXPECT_EQ(numbering.titles.at(4), "财政拨款收支总表");

  // Two numbered lines are no list; nor are numbered sentences.
  Document short_list;
  short_list.blocks.push_back(Line("一、收支总表"));
  short_list.blocks.push_back(Line("二、收入总表"));
  EXPECT_FALSE(ReadTableNumbering(short_list).printed);
}

// H25 s3w_0390_final on a scan: the list's ordinals 二 三 四 五 read down the page as one word
// (凡耳II), the others lost or misread (、, 地、): no numbering, but the titles are the list. A
// table whose kind came from the default numbering (公开03表: 支出决算表) and that the list does
// not name gets table.kind_unlisted naming its figures; a titled table, a table of a kind the list
// names, or no list, gets none.
TEST(TableNumberingTest, KindTheListOfTitlesDoesNotNameIsReported) {
  Document document;
  for (const char* text :
       {"昆明市人力资源和社会保障局2024 年度部门决算", "目录", "一、收入决算表",
        "凡耳II、一般公共预算财政拨款支出决算表", "、财政拨款收入支出决算总表",
        "、一般公共预算财政拨款“三公 ”经费支出决算表", "、政府性基金预算财政拨款收入支出决算表",
        "地、国有资本经营预算财政拨款支出决算表", "第一部分部门概况"}) {
    document.blocks.push_back(Line(text));
  }
  document.blocks.push_back(Block{Table{}});
  EXPECT_FALSE(ReadTableNumbering(document).printed);
  const std::vector<std::string> listed = ReadListedTitles(document);
  ASSERT_EQ(listed.size(), 6u);
  EXPECT_EQ(listed[1], "一般公共预算财政拨款支出决算表");
  EXPECT_EQ(listed[5], "国有资本经营预算财政拨款支出决算表");

  auto report = [](const std::vector<std::string>& list, const std::string& evidence_source) {
    CanonicalTable table;
    table.kind = "final.expenditure";
    table.evidence.push_back(KindEvidence{evidence_source, "公开03表", "final.expenditure"});
    table.rows.emplace_back();
    table.rows.back().row_code = "201";
    table.rows.back().values.emplace_back();
    table.rows.back().values.back().amount_fen = 2479131;
    table.rows.back().values.back().printed_text = "24,791.31";
    std::vector<Finding> findings;
    ReportKindsTheListDoesNotName(list, DocKind::kFinalAccounts, {table}, findings);
    return findings;
  };
  const std::vector<Finding> unlisted = report(listed, "number");
  ASSERT_EQ(unlisted.size(), 1u);
  EXPECT_EQ(unlisted[0].check, "table.kind_unlisted");
  EXPECT_EQ(unlisted[0].figures.size(), 1u);
  EXPECT_NE(unlisted[0].message.find("final.general_budget_expenditure"), std::string::npos);
  EXPECT_NE(unlisted[0].message.find("its amounts: 24,791.31"), std::string::npos);
  EXPECT_TRUE(report(listed, "title").empty());
  EXPECT_TRUE(report({"收入决算表", "支出决算表", "财政拨款收入支出决算总表"}, "number").empty());
  EXPECT_TRUE(report({}, "number").empty());
}

// The list of tables as a scan reads it (s2w_0113_final): the titles read,
// their lone ordinals lost (一、 as 、), dropped or misread (三、 as 加, 六、 as 7N).
// Each title line takes its place in the list when two numbers were read at
// theirs; the same lines from a text layer, or a scan that read fewer numbers
// right, make no list.
TEST(TableNumberingTest, ListOfTablesWithOrdinalsMisreadByOcr) {
  const std::vector<std::string> lines = {
      "长沙市自然资源和规划局2022年度部门决算目录",
      "、长沙市自然资源和规划局2022年部门收支决筑总表",
      "长沙市自然资源和规划局2022年部门支出决筑表",
      "加 长沙市自然资源和规划局2022年财政拨款收入支出决算表",
      "四、长沙市自然资源和规划局2022年一般公共预算财政拨款支出决算表",
      "五、长沙市自然资源和规划局2022年一般公共预算财政拨款基本支出决算表",
      "7N 长沙市自然资源和规划局2022年一般公共预算财政拨款“三公”经费支出决算表",
      "第一部分 部门概况"};
  auto read = [&](TextOrigin origin, std::size_t drop_numbers) {
    std::vector<std::string> read_lines;
    for (std::string line : lines) {
      // Drop the numbers read right (四、 五、) down to `drop_numbers` of them.
      if (drop_numbers > 0 && (line.rfind("四、", 0) == 0 || line.rfind("五、", 0) == 0)) {
        line = line.substr(std::string("四、").size());
        --drop_numbers;
      }
      read_lines.push_back(line);
    }
    return NumberingOfLines(read_lines, origin);
  };
  const TableNumbering ocr = read(TextOrigin::kOcr, 0);
  ASSERT_TRUE(ocr.printed);
  ASSERT_EQ(ocr.titles.size(), 6u);
  EXPECT_EQ(ClassifyTableTitle(ocr.titles.at(3), DocKind::kFinalAccounts),
            "final.fiscal_appropriation_summary");
  EXPECT_EQ(ClassifyTableTitle(ocr.titles.at(4), DocKind::kFinalAccounts),
            "final.general_budget_expenditure");
  EXPECT_EQ(ClassifyTableTitle(ocr.titles.at(6), DocKind::kFinalAccounts), "final.three_public");
  EXPECT_FALSE(read(TextOrigin::kTextLayer, 0).printed);
  EXPECT_FALSE(read(TextOrigin::kOcr, 1).printed);
}

// H25 s3w_0390_final on a scan, its lines in order once the ordinals read down the page as one
// word are no longer laid out with one entry: 一、 read, every other ordinal misread but still
// ending at its 、 (、, 地、). The entries are a numbered list in order, each at its place with
// the misread ordinal cut off. An entry with no ordinal's shape, or a text layer, makes no list.
TEST(TableNumberingTest, OcrListWithOneOrdinalReadAndTheOthersShapedIsAList) {
  const std::vector<std::string> lines = {"目录",
                                          "一、收入决算表",
                                          "、财政拨款收入支出决算总表",
                                          "、一般公共预算财政拨款支出决算表",
                                          "、一般公共预算财政拨款“三公 ”经费支出决算表",
                                          "、政府性基金预算财政拨款收入支出决算表",
                                          "地、国有资本经营预算财政拨款支出决算表",
                                          "第一部分部门概况"};
  auto read = [&](TextOrigin origin, bool one_unshaped) {
    std::vector<std::string> read_lines = lines;
    if (one_unshaped) read_lines[6] = read_lines[6].substr(std::string("地、").size());
    return NumberingOfLines(read_lines, origin);
  };
  const TableNumbering ocr = read(TextOrigin::kOcr, false);
  ASSERT_TRUE(ocr.printed);
  ASSERT_EQ(ocr.titles.size(), 6u);
  EXPECT_EQ(ocr.titles.at(2), "财政拨款收入支出决算总表");
  EXPECT_EQ(ocr.titles.at(3), "一般公共预算财政拨款支出决算表");
  EXPECT_EQ(ocr.titles.at(6), "国有资本经营预算财政拨款支出决算表");
  EXPECT_FALSE(read(TextOrigin::kOcr, true).printed);
  EXPECT_FALSE(read(TextOrigin::kTextLayer, false).printed);
}

// s3w_0049_final on a scan: the fourth entry's 表 read 天 (…支出决算天), which made no title line,
// so the list ended at three entries and 公开04表 to 公开06表 found no title (the
// general-budget table took the department's 支出表 kind from its header). An OCR'd entry at its
// place whose title names a table with 表 put back in place of its last character, or after
// it, stays in the list; a text layer's line, an entry that names no table so, or one away from
// its place does not.
TEST(TableNumberingTest, OcrListEntryWithItsTableCharacterMisread) {
  struct Case {
    const char* name;
    const char* fourth;
    TextOrigin origin;
    std::size_t entries;
    const char* title4;  // the fourth title listed ("" for none)
  };
  const Case cases[] = {
      {"TableReadAsAnotherCharacter", "四、一般公共预算财政拨款支出决算天", TextOrigin::kOcr, 6,
       "一般公共预算财政拨款支出决算表"},
      {"TableLost", "四、一般公共预算财政拨款支出决算", TextOrigin::kOcr, 6,
       "一般公共预算财政拨款支出决算表"},
      {"TextLayer", "四、一般公共预算财政拨款支出决算天", TextOrigin::kTextLayer, 3, ""},
      {"NamesNoTable", "四、部门主要职责和机构设置", TextOrigin::kOcr, 3, ""},
      {"AwayFromItsPlace", "七、一般公共预算财政拨款支出决算天", TextOrigin::kOcr, 3, ""},
  };
  for (const Case& c : cases) {
    Document document;
    for (const char* text :
         {"目录", "一、收入支出决算总表", "二、支出决算表", "三、财政拨款收入支出决算表", c.fourth,
          "五、一般公共预算财政拨款基本支出决算表", "六、财政拨款“三公\"经费支出决算表",
          "第一部分部门概况"}) {
      Paragraph paragraph;
      paragraph.text = text;
      paragraph.provenance.origin = c.origin;
      document.blocks.push_back(Block{paragraph});
    }
    document.blocks.push_back(Block{Table{}});
    const TableNumbering numbering = ReadTableNumbering(document);
    EXPECT_EQ(numbering.titles.size(), c.entries) << c.name;
    const auto fourth = numbering.titles.find(4);
    EXPECT_EQ(fourth == numbering.titles.end() ? "" : fourth->second, std::string(c.title4))
        << c.name;
  }
}

// A stitched table of `kind` whose identification recorded `evidence`.
StitchedTable WithEvidence(const std::string& kind, std::vector<KindEvidence> evidence) {
  StitchedTable stitched;
  stitched.canonical.kind = kind;
  stitched.canonical.evidence = std::move(evidence);
  return stitched;
}

const KindEvidence kFunctionHeader{"header", "合计 | 基本支出 | 项目支出", "final.expenditure"};
const KindEvidence kEconomicHeader{"header", "人员经费 | 公用经费",
                                   "final.general_budget_basic_expenditure"};

// Tables in the order of the list, their numbers lost or misread on a scan
// (s2w_0112_final: 一、 and 二、 read as nothing, 三、 as 二、): the second table,
// whose header and body only say "function classes", takes the kind listed
// second. A table more or less than the list, or a title naming another kind
// than its place's, leaves every kind as it was.
TEST(TableNumberingTest, TablesIdentifiedByTheOrderOfTheList) {
  TableNumbering numbering;
  numbering.titles = {{1, "支出决算表"},
                      {2, "一般公共预算财政拨款支出决算表"},
                      {3, "一般公共预算财政拨款基本支出决算表"}};
  numbering.printed = true;
  const KindEvidence misread_number{"number", "二、 -> listed: 一般公共预算财政拨款支出决算表",
                                    "final.general_budget_expenditure"};
  auto tables = [&] {
    return std::vector<StitchedTable>{
        WithEvidence("final.expenditure", {kFunctionHeader}),
        WithEvidence("final.expenditure", {kFunctionHeader}),
        WithEvidence("final.general_budget_basic_expenditure", {kEconomicHeader, misread_number})};
  };
  std::vector<StitchedTable> in_order = tables();
  IdentifyByListOrder(in_order, numbering, DocKind::kFinalAccounts);
  EXPECT_EQ(in_order[0].canonical.kind, "final.expenditure");
  EXPECT_EQ(in_order[1].canonical.kind, "final.general_budget_expenditure");
  ASSERT_EQ(in_order[1].canonical.evidence.size(), 2u);
  EXPECT_EQ(in_order[1].canonical.evidence[1].source, "order");
  EXPECT_EQ(in_order[2].canonical.kind, "final.general_budget_basic_expenditure");

  std::vector<StitchedTable> one_more = tables();
  one_more.push_back(WithEvidence("final.expenditure", {kFunctionHeader}));
  IdentifyByListOrder(one_more, numbering, DocKind::kFinalAccounts);
  EXPECT_EQ(one_more[1].canonical.kind, "final.expenditure");

  std::vector<StitchedTable> titled = tables();
  titled[0].canonical.evidence.push_back(
      KindEvidence{"title", "一般公共预算财政拨款支出决算表", "final.general_budget_expenditure"});
  IdentifyByListOrder(titled, numbering, DocKind::kFinalAccounts);
  EXPECT_EQ(titled[1].canonical.kind, "final.expenditure");
}

// H32 s3w_0507_final on a scan: the first table's 一、 lost and the second's 二、 read 一、, both
// expenditure tables by their headers: with the number read, no way places the tables in the
// list's order (the second on the first entry leaves none for the first). Tables all read by OCR
// are placed without their numbers, one way only: the second is the list's second. A text
// layer's numbers are as printed, and nothing changes.
TEST(TableNumberingTest, ScannedTablesWhoseNumberIsMisreadAgainstTheListOrder) {
  TableNumbering numbering;
  numbering.printed = true;
  numbering.titles = {{1, "部门支出决算表"},
                      {2, "一般公共预算财政拨款支出决算表"},
                      {3, "一般公共预算财政拨款基本支出决算表"}};
  const KindEvidence misread_number{"number", "一、 -> listed: 部门支出决算表",
                                    "final.expenditure"};
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    SCOPED_TRACE(origin == TextOrigin::kOcr ? "ocr" : "text layer");
    Table grid;
    TableCell cell;
    cell.provenance.origin = origin;
    grid.cells.push_back(cell);
    std::vector<StitchedTable> tables = {
        WithEvidence("final.expenditure", {kFunctionHeader}),
        WithEvidence("final.expenditure", {kFunctionHeader, misread_number}),
        WithEvidence("final.general_budget_basic_expenditure", {kEconomicHeader})};
    for (StitchedTable& table : tables) table.parts.push_back(TablePart{0, &grid, {}});
    IdentifyByListOrder(tables, numbering, DocKind::kFinalAccounts);
    EXPECT_EQ(tables[0].canonical.kind, "final.expenditure");
    EXPECT_EQ(tables[1].canonical.kind, origin == TextOrigin::kOcr
                                            ? "final.general_budget_expenditure"
                                            : "final.expenditure");
    EXPECT_EQ(tables[2].canonical.kind, "final.general_budget_basic_expenditure");
    if (origin == TextOrigin::kOcr) {
      ASSERT_EQ(tables[1].canonical.evidence.size(), 3u);
      EXPECT_NE(tables[1].canonical.evidence[2].text.find("the numbers read against every order"),
                std::string::npos);
    }
  }
}

// H21 s3w_0330_final on a scan: 一、 二、 三、 lost, the list's last two tables printed empty
// as notes (no grid): three tables against a list of five. Placed in the list's order, each on an
// entry it fits, they fit one way only: the second takes 一般公共预算财政拨款支出决算表 (its header
// said 支出决算表). When they fit several ways (two function tables before the basic table with
// three function entries listed before it) nothing changes.
TEST(TableNumberingTest, TablesIdentifiedByTheOrderOfAListWithEntriesNotPrinted) {
  TableNumbering numbering;
  numbering.printed = true;
  numbering.titles = {{1, "收入支出决算总表"},
                      {2, "一般公共预算财政拨款支出决算表"},
                      {3, "一般公共预算财政拨款基本支出决算表"},
                      {4, "政府性基金预算财政拨款收入支出决算表"},
                      {5, "国有资本经营预算财政拨款支出决算表"}};
  std::vector<StitchedTable> three = {
      WithEvidence("other", {}), WithEvidence("final.expenditure", {kFunctionHeader}),
      WithEvidence("final.general_budget_basic_expenditure", {kEconomicHeader})};
  IdentifyByListOrder(three, numbering, DocKind::kFinalAccounts);
  EXPECT_EQ(three[0].canonical.kind, "other");  // names nothing: no kind on its place alone
  EXPECT_EQ(three[1].canonical.kind, "final.general_budget_expenditure");
  ASSERT_EQ(three[1].canonical.evidence.size(), 2u);
  EXPECT_EQ(three[1].canonical.evidence[1].source, "order");
  EXPECT_EQ(three[2].canonical.kind, "final.general_budget_basic_expenditure");

  numbering.titles = {{1, "支出决算表"},
                      {2, "一般公共预算财政拨款支出决算表"},
                      {3, "国有资本经营预算财政拨款支出决算表"},
                      {4, "一般公共预算财政拨款基本支出决算表"}};
  std::vector<StitchedTable> ambiguous = {
      WithEvidence("final.expenditure", {kFunctionHeader}),
      WithEvidence("final.expenditure", {kFunctionHeader}),
      WithEvidence("final.general_budget_basic_expenditure", {kEconomicHeader})};
  IdentifyByListOrder(ambiguous, numbering, DocKind::kFinalAccounts);
  EXPECT_EQ(ambiguous[0].canonical.kind, "final.expenditure");
  EXPECT_EQ(ambiguous[1].canonical.kind, "final.expenditure");
}

const std::vector<std::vector<std::string>> kFunctionGrid = {
    {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
    {"201", "一般公共服务支出", "1,000.00", "600.00", "400.00"},
    {"20101", "人大事务", "1,000.00", "600.00", "400.00"},
};

struct NumberedCase {
  const char* name;
  std::string title;
  bool printed_list;  // the document's own list, else the default numbering
  std::string kind;
  std::string number_evidence;  // the kind the number evidence names ("-" for no evidence)
  bool disagreement;
};

class NumberedIdentifyTest : public testing::TestWithParam<NumberedCase> {};

TEST_P(NumberedIdentifyTest, NumberReadAgainstTheList) {
  const NumberedCase& test = GetParam();
  const Table grid = Grid(kFunctionGrid);
  LocatedTable located;
  located.title = test.title;
  located.table = &grid;
  located.number = 5;
  located.number_text = "表5";
  TableNumbering numbering = DefaultTableNumbering(DocKind::kBudget);
  if (test.printed_list) {
    // This publisher's own list: 五 is 财政拨款支出表 (js_suzhou_audit_2026_budget).
    numbering.titles = {{1, "收支总表"},
                        {2, "收入总表"},
                        {3, "支出总表"},
                        {4, "财政拨款收支总表"},
                        {5, "财政拨款支出表（功能科目）"}};
    numbering.printed = true;
  }
  std::vector<Finding> findings;
  const IdentifiedTable identified = IdentifyTable(
      located, IdentifyOptions{DocKind::kBudget, DocumentClass::kUnknown, &numbering}, findings);
  EXPECT_EQ(identified.kind, test.kind);
  std::string number_kind = "-";
  for (const KindEvidence& evidence : identified.evidence) {
    if (evidence.source == "number") number_kind = evidence.kind;
  }
  EXPECT_EQ(number_kind, test.number_evidence);
  bool disagreement = false;
  for (const Finding& finding : findings) {
    disagreement = disagreement || finding.check == "table.kind_disagreement";
  }
  EXPECT_EQ(disagreement, test.disagreement);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NumberedIdentifyTest,
    testing::Values(
        // Untitled: the document's list names it, before the header and body's
        // guess (budget.expenditure).
        NumberedCase{"UntitledFromTheList", "", true, "budget.fiscal_appropriation_expenditure",
                     "budget.fiscal_appropriation_expenditure", false},
        // No list printed: header and body name the family (expenditure);
        // the default numbering is only the fallback behind them.
        NumberedCase{"UntitledDefaultIsFallbackOnly", "", false, "budget.expenditure",
                     "budget.general_budget_expenditure", false},
        // The title wins; a list giving the number to another table is said.
        NumberedCase{"TitleDisagreesWithTheList", "一般公共预算支出表", true,
                     "budget.general_budget_expenditure", "budget.fiscal_appropriation_expenditure",
                     true},
        // The default numbering is no evidence against a title.
        NumberedCase{"TitledWithDefaultNumbering", "支出总表", false, "budget.expenditure", "-",
                     false}),
    [](const testing::TestParamInfo<NumberedCase>& param) {
      return std::string(param.param.name);
    });

// H38 s3w_0602_budget on a scan: the tables numbered by ordinal alone (五、), the scan's list
// reading 五、一般公共有预算支出表 (一般公共预算, a character inserted). The entry names no kind
// as read; with the fund's name restored it names the general budget's table, which the untitled
// scanned table is (it was read as a second 支出总表). A text layer's list is read as printed.
TEST(TableNumberingTest, OcrListEntryWithItsFundNameMisread) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table grid = Grid(kFunctionGrid);
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    LocatedTable located;
    located.table = &grid;
    located.number = 5;
    located.number_text = "五、";
    TableNumbering numbering;
    numbering.titles = {{1, "收支预算总表"},
                        {2, "收入总表"},
                        {3, "支出总体情况表"},
                        {4, "财政拨款收支总表"},
                        {5, "一般公共有预算支出表"}};
    numbering.printed = true;
    std::vector<Finding> findings;
    const IdentifiedTable identified = IdentifyTable(
        located, IdentifyOptions{DocKind::kBudget, DocumentClass::kUnknown, &numbering}, findings);
    EXPECT_EQ(identified.kind, origin == TextOrigin::kOcr ? "budget.general_budget_expenditure"
                                                          : "budget.expenditure");
  }
}

// A publisher numbering its own set (s3w_0022_final: no 收支总表 printed, so
// 决算01表 is its 收入决算表): the default numbering, which gives 02 to
// 收入决算表, named the untitled second table (its title lost to the scan, its
// header keying nothing) a second income table, wrong and silent. The titled
// tables disagreeing with the default numbering, it names nothing: the table
// is unclassified, and said so. Titles that agree keep it.
TEST(TableNumberingTest, DefaultNumberingTrustedOnlyWhereTitledTablesAgree) {
  const std::vector<std::vector<std::string>> coded = {{"科目编码", "科目名称", "金额"},
                                                       {"201", "一般公共服务支出", "1,000.00"},
                                                       {"20101", "人大事务", "1,000.00"}};
  auto build = [&](const std::string& first_title, const std::string& third_title) {
    Document document = DocumentBuilder()
                            .Page({"决算01表", first_title, "单位：万元"})
                            .Table(coded)
                            .Page({"决算02表", "单位：万元"})
                            .Table(coded)
                            .Page({"决算03表", third_title, "单位：万元"})
                            .Table(coded)
                            .Build();
    DocumentMetadata metadata;
    metadata.kind = DocKind::kFinalAccounts;
    std::vector<Finding> findings;
    std::vector<CanonicalTable> tables = BuildTables(document, metadata, findings);
    const bool unclassified = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
      return f.check == "table.unclassified";
    });
    EXPECT_EQ(tables.size(), 3u);
    return std::make_pair(tables.size() == 3 ? tables[1].kind : "", unclassified);
  };
  const auto own = build("收入决算表", "一般公共预算财政拨款支出决算表");
  EXPECT_EQ(own.first, "other");
  EXPECT_TRUE(own.second);
  const auto national = build("收入支出决算总表", "支出决算表");
  EXPECT_EQ(national.first, "final.income");
  EXPECT_FALSE(national.second);
}

// 三、 read 一、 on a scan (s2w_0109_final): the list gives 一 to the income table, but the
// table's header prints 基本支出 | 项目支出, which no income table does. Function-coded
// income and expenditure tables are of one family, so only the header tells them apart.
TEST(TableNumberingTest, NumberNamingIncomeOverExpenditurePartsDoesNotFit) {
  const Table grid = Grid(kFunctionGrid);
  LocatedTable located;
  located.table = &grid;
  located.number = 1;
  located.number_text = "一、";
  TableNumbering numbering;
  numbering.titles = {{1, "收入决算表"}, {2, "支出决算表"}, {3, "一般公共预算财政拨款支出决算表"}};
  numbering.printed = true;
  std::vector<Finding> findings;
  const IdentifiedTable identified = IdentifyTable(
      located, IdentifyOptions{DocKind::kFinalAccounts, DocumentClass::kUnknown, &numbering},
      findings);
  EXPECT_EQ(identified.kind, "final.expenditure");
}

// H24 s3w_0372_budget on a scan: an expenditure table's header left at the foot of a page as a
// paragraph, its grid on the next page printing none, and its 三、 read 二、: the number named it
// the income table. The header printed above is the grid's: 基本支出 | 项目支出 rule the income
// table out, as a header row in the grid does. A line above naming no figure columns says
// nothing, and the number stands.
TEST(TableNumberingTest, HeaderPrintedAboveTheGridIsItsHeader) {
  const Table grid = Grid({{"206", "科学技术支出", "7,335.38", "2,849.84", "4,485.54"},
                           {"20601", "科学技术管理事务", "7,335.38", "2,849.84", "4,485.54"}});
  TableNumbering numbering;
  numbering.titles = {{1, "部门财务收支预算总表"}, {2, "收入总体情况表"}, {3, "支出预算总表"}};
  numbering.printed = true;
  auto identify = [&](std::vector<std::string> header_above) {
    LocatedTable located;
    located.table = &grid;
    located.number = 2;
    located.number_text = "二、";
    located.header_above = std::move(header_above);
    std::vector<Finding> findings;
    return IdentifyTable(
        located, IdentifyOptions{DocKind::kBudget, DocumentClass::kUnknown, &numbering}, findings);
  };
  const IdentifiedTable read =
      identify({"功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出妾"});
  EXPECT_EQ(read.kind, "budget.expenditure");
  ASSERT_FALSE(read.evidence.empty());
  EXPECT_EQ(read.evidence.front().source, "header");
  EXPECT_NE(read.evidence.front().text.find("printed above the grid"), std::string::npos);
  EXPECT_EQ(identify({"功能分类科目编码", "科目名称"}).kind, "budget.income");
  EXPECT_EQ(identify({}).kind, "budget.income");
}

// s3w_0041_budget on a scan: the expenditure table's 二、 read 一、, and the number named it the
// 收支总表, every figure under the summary's kind. No summary prints a code column, so the number
// does not fit a grid of 科目编码 under 基本支出 | 项目支出; nor does the list's order. A grid
// of labels only under those words may still be a summary's.
TEST(TableNumberingTest, NumberNamingASummaryOverCodeColumnsDoesNotFit) {
  TableNumbering numbering;
  numbering.titles = {{1, "部门财务收支预算总表"}, {2, "部门支出总体情况表"}};
  numbering.printed = true;
  auto identify = [&](const Table& grid) {
    LocatedTable located;
    located.table = &grid;
    located.number = 1;
    located.number_text = "一、";
    std::vector<Finding> findings;
    return IdentifyTable(located,
                         IdentifyOptions{DocKind::kBudget, DocumentClass::kUnknown, &numbering},
                         findings)
        .kind;
  };
  EXPECT_EQ(identify(Grid(kFunctionGrid)), "budget.expenditure");
  EXPECT_EQ(identify(Grid({{"项目", "合计", "基本支出", "项目支出"},
                           {"一般公共服务支出", "1,000.00", "600.00", "400.00"}})),
            "budget.income_expenditure_summary");
  // H22 s3w_0339_budget: codes joined to their names (no code column), 三、 read 一、: a body
  // coded below the 类 (20101, 2010101) is no summary's either. A body of 类 codes alone may be.
  EXPECT_EQ(identify(Grid({{"功能分类科目", "合计", "基本支出", "项目支出"},
                           {"201一般公共服务支出", "1,000.00", "600.00", "400.00"},
                           {"20101人大事务", "1,000.00", "600.00", "400.00"},
                           {"2010101行政运行", "1,000.00", "600.00", "400.00"}})),
            "budget.expenditure");
  EXPECT_EQ(identify(Grid({{"项目", "合计", "基本支出", "项目支出"},
                           {"201一般公共服务支出", "1,000.00", "600.00", "400.00"},
                           {"208社会保障和就业支出", "1,000.00", "600.00", "400.00"}})),
            "budget.income_expenditure_summary");
}

// Two OCR'd tables of one kind: the one whose title does not name it is doubted, its figures
// listed and its amounts quoted; a titled one is not. A text layer's is doubted only after a
// table of another kind (s27w_0043_budget's layout text: a 一般公共预算支出表's part cut from
// its title, read as 支出表); right after a table of its own kind it is that table's part.
TEST(TableNumberingTest, DuplicateKindsReported) {
  auto table = [](const std::string& title, bool titled, TextOrigin origin,
                  const std::string& kind = "final.expenditure") {
    CanonicalTable out;
    out.kind = kind;
    out.printed_title = title;
    if (titled) out.evidence.push_back(KindEvidence{"title", title, "final.expenditure"});
    out.evidence.push_back(
        KindEvidence{"header", "合计 | 基本支出 | 项目支出", "final.expenditure"});
    CanonicalRow row;
    row.row_code = "210";
    Figure figure;
    figure.table_kind = out.kind;
    figure.row_code = "210";
    figure.column = "basic";
    figure.amount_fen = 1078536;
    figure.printed_text = "10,785.36";
    figure.provenance.origin = origin;
    row.values.push_back(figure);
    out.rows.push_back(row);
    return out;
  };
  std::vector<Finding> findings;
  ReportDuplicateKinds(
      {table("支出决算表", true, TextOrigin::kOcr), table("", false, TextOrigin::kOcr)}, findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "table.kind_duplicate");
  ASSERT_EQ(findings[0].figures.size(), 1u);
  EXPECT_EQ(findings[0].figures[0].amount_fen, 1078536);
  EXPECT_NE(findings[0].message.find("10,785.36"), std::string::npos);

  findings.clear();
  ReportDuplicateKinds(
      {table("支出决算表", true, TextOrigin::kTextLayer), table("", false, TextOrigin::kTextLayer)},
      findings);
  EXPECT_TRUE(findings.empty());
  ReportDuplicateKinds({table("", false, TextOrigin::kOcr)}, findings);
  EXPECT_TRUE(findings.empty());

  ReportDuplicateKinds({table("支出决算表", true, TextOrigin::kTextLayer),
                        table("一般公共预算财政拨款支出决算表", true, TextOrigin::kTextLayer,
                              "final.general_budget_expenditure"),
                        table("", false, TextOrigin::kTextLayer)},
                       findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "table.kind_duplicate");
  EXPECT_NE(findings[0].message.find("part of the table before it "
                                     "(final.general_budget_expenditure)"),
            std::string::npos)
      << findings[0].message;
}

}  // namespace
}  // namespace disclose
