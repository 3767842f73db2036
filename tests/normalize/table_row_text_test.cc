// Rows left out of a table's grid are named (normalize/table_row_text.cc), and a budget's 三公
// table read without its header keys its lone amount column (normalize/table_columns.cc).
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "normalize/ocr_repair.h"
#include "normalize/row_text.h"
#include "normalize/table_stages.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

// The figures the rows-as-text stage read into `table` ("row_code/column=fen"): those other than
// the placeholder 1.00 (100 fen) the test's grid rows carry.
std::vector<std::string> FiguresReadFromText(const CanonicalTable& table) {
  std::vector<std::string> got;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (figure.amount_fen != 100) {
        got.push_back(row.row_code + "/" + figure.column + "=" + std::to_string(figure.amount_fen));
      }
    }
  }
  return got;
}

// The figures of the rows the stage added from text (source block 1 and on; the grid is block
// 0), "row_code/column=fen".
std::vector<std::string> FiguresOfRowsFromText(const CanonicalTable& table) {
  std::vector<std::string> got;
  for (const CanonicalRow& row : table.rows) {
    if (row.source_block < 1) continue;
    for (const Figure& figure : row.values) {
      got.push_back(row.row_code + "/" + figure.column + "=" + std::to_string(figure.amount_fen));
    }
  }
  return got;
}

Block Text(const std::string& text, int page) {
  Paragraph paragraph;
  paragraph.text = text;
  paragraph.provenance.page = page;
  return Block{paragraph};
}

// A standard table in yuan on page 2, its one grid at `block`, keyed by `column_keys`.
CanonicalTable TableOnPage2(const std::string& kind, int block,
                            std::vector<std::string> column_keys) {
  CanonicalTable table;
  table.kind = kind;
  table.unit = UnitOfAmount::kYuan;
  table.pages = {2};
  table.source_blocks = {block};
  table.column_keys = std::move(column_keys);
  return table;
}

struct RowTextCase {
  const char* name;
  std::vector<std::string> before;  // paragraphs above the grid, on the page before it
  std::vector<std::string> after;   // paragraphs right under the grid, on its page
  std::string kind;
  UnitOfAmount unit;
  // Expected: one table.row_as_text finding per entry, its figures as "row_code=amount_fen".
  std::vector<std::vector<std::string>> figures;
};

class RowTextTest : public testing::TestWithParam<RowTextCase> {};

TEST_P(RowTextTest, RowsReadAsParagraphsAreNamed) {
  const RowTextCase& c = GetParam();
  Document document;
  for (const std::string& text : c.before) document.blocks.push_back(Text(text, 4));
  const int grid_block = static_cast<int>(document.blocks.size());
  Block grid{Grid({{"公务接待费", "11,622.67"}})};
  document.blocks.push_back(grid);
  for (const std::string& text : c.after) document.blocks.push_back(Text(text, 5));

  CanonicalTable table;
  table.kind = c.kind;
  table.printed_title = "2023年一般公共预算“三公”经费支出预算表";
  table.unit = c.unit;
  table.pages = {5};
  table.source_blocks = {grid_block};
  std::vector<Finding> findings;
  std::vector<CanonicalTable> tables = {table};
  ReportRowsReadAsText(document, tables, findings);

  std::vector<std::vector<std::string>> got;
  for (const Finding& finding : findings) {
    if (finding.check != "table.row_as_text") continue;
    std::vector<std::string> figures;
    for (const FigureRef& figure : finding.figures) {
      EXPECT_EQ(figure.table_kind, c.kind) << c.name;
      figures.push_back(figure.row_code + "=" + std::to_string(figure.amount_fen));
    }
    got.push_back(figures);
  }
  EXPECT_EQ(got, c.figures) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RowTextTest,
    testing::Values(
        // s2w_0020_budget: the 合计 row alone under the header at the page foot, the grid on the
        // next page under the repeated header.
        RowTextCase{"TotalRowAtThePageFoot",
                    {"表4", "2023年一般公共预算“三公”经费支出预算表", "单位:元", "项目 预算数",
                     "合计 192,827.11", "项目 预算数"},
                    {},
                    "budget.three_public",
                    UnitOfAmount::kYuan,
                    {{"three_public.total=19282711"}}},
        // s2w_0252_budget: two rows in one paragraph, each keyed by its label.
        RowTextCase{
            "TwoRowsInOneParagraph",
            {"2023年一般公共预算“三公”经费支出预算表", "合计 101,587.07因公出国（境）费 36,288.77"},
            {},
            "budget.three_public",
            UnitOfAmount::kYuan,
            {{"three_public.total=10158707", "three_public.overseas=3628877"}}},
        // s2w_0109_final, s3w_0092_final: coded rows after the grid (万元 read in fen).
        RowTextCase{"CodedRowsAfterTheGrid",
                    {},
                    {"2101102事业单位医疗 7,418.02 7,418.02",
                     "22102 住房改革支出 133.15 47.26 2210201 住房公积金 93.96"},
                    "final.income",
                    UnitOfAmount::kWanYuan,
                    {{"2101102=7418020000", "2101102=7418020000"},
                     {"22102=133150000", "22102=47260000", "2210201=93960000"}}},
        // s2w_0206_final: amounts wrapped in narrow cells, heads over their rests.
        RowTextCase{"AmountsWrappedOverTwoParagraphs",
                    {},
                    {"本年收入合计 42,107, 本年支出合计 42,107, 42,107,319.", "319.14 319.14 14"},
                    "final.fiscal_appropriation_summary",
                    UnitOfAmount::kYuan,
                    {{"=4210731914", "=4210731914", "=4210731914"}}},
        // s2w_0047_budget: the cells wrapped after the first decimal
        // (`4,894,298.8` over `3`), the 合计 row at the page foot under its header.
        RowTextCase{"AmountsWrappedAfterTheirFirstDecimal",
                    {},
                    {"合计 6,451,630.1 4,894,298.8 1,557,331.2", "0 3 7"},
                    "budget.general_budget_expenditure",
                    UnitOfAmount::kYuan,
                    {{"total=645163010", "total=489429883", "total=155733127"}}},
        // A row printing one-decimal amounts and a line of digits that completes none of them
        // (two pieces for three amounts): nothing is joined, the row reads as printed.
        RowTextCase{"OneDecimalAmountsWithoutRestsStayAsPrinted",
                    {},
                    {"合计 6,451,630.1 4,894,298.8 1,557,331.2", "12 13"},
                    "budget.general_budget_expenditure",
                    UnitOfAmount::kYuan,
                    {{"total=645163010", "total=489429880", "total=155733120"}}},
        // s6w_0070_budget, s6w_0007_final: the last row and the note under the table read as one
        // paragraph; the note is no part of the row.
        RowTextCase{"LastRowJoinedToTheNoteBelow",
                    {},
                    {"合计 192,827.11注：本表金额单位转换时可能存在尾数误差。"},
                    "budget.three_public",
                    UnitOfAmount::kYuan,
                    {{"three_public.total=19282711"}}},
        // s3w_0054_final on a scan: two rows of a table printing its codes in 类 款 项 columns,
        // read as one paragraph, the first 款 piece's 11 read II. The pieces make the rows'
        // codes (20111, 2011101); they were both keyed 201.
        RowTextCase{"SplitCodePiecesOneReadAsItsLookalikes",
                    {},
                    {"201 II 纪检监察事务 9,634.27 4,989.32 4,644.95 201 11 01 行政运行 9,634.27 "
                     "4,989.32 4,644.95"},
                    "final.general_budget_expenditure",
                    UnitOfAmount::kYuan,
                    {{"20111=963427", "20111=498932", "20111=464495", "2011101=963427",
                      "2011101=498932", "2011101=464495"}}},
        // Prose, amounts with their unit, dates, counts: no row.
        RowTextCase{"ProseAndDatesAreNoRows",
                    {},
                    {"本年收入合计 1,234.56万元", "支出合计 1,234.56，比上年增加", "2024.12.31",
                     "注：本表 12.50 为上年结转", "附表注：合计 1,234.56，见附表",
                     "编制人数 12人 实有 10.50"},
                    "final.income",
                    UnitOfAmount::kYuan,
                    {}}),
    [](const testing::TestParamInfo<RowTextCase>& param) { return std::string(param.param.name); });

TEST(RowTextTest, ParagraphFarFromAnyTableIsNoRow) {
  Document document;
  document.blocks.push_back(Block{Grid({{"公务接待费", "11,622.67"}})});
  for (int i = 0; i < 20; ++i) document.blocks.push_back(Text("第" + std::to_string(i) + "段", 3));
  document.blocks.push_back(Text("合计 192,827.11", 3));
  CanonicalTable table;
  table.kind = "budget.three_public";
  table.unit = UnitOfAmount::kYuan;
  table.pages = {1};
  table.source_blocks = {0};
  std::vector<Finding> findings;
  std::vector<CanonicalTable> tables = {table};
  ReportRowsReadAsText(document, tables, findings);
  EXPECT_TRUE(findings.empty());
}

// s2w_0213_budget, s2w_0101_budget: a row left between the next table's unit line and its grid
// (on the next page) is that table's, not the one above's.
TEST(RowTextTest, RowUnderTheNextTablesUnitLineIsTheNextTables) {
  Document document;
  document.blocks.push_back(Block{Grid({{"2200501行政运行", "14.05"}})});
  for (const char* text : {"附表3", "支出总表", "单位:万元", "科目编码 科目名称 合计 基本支出",
                           "205 教育支出 9.41 9.41"}) {
    document.blocks.push_back(Text(text, 2));
  }
  document.blocks.push_back(Block{Grid({{"合计", "23.46"}})});
  std::vector<CanonicalTable> tables(2);
  tables[0].kind = "budget.income";
  tables[0].pages = {2};
  tables[0].source_blocks = {0};
  tables[1].kind = "budget.expenditure";
  tables[1].pages = {3};
  tables[1].source_blocks = {6};
  for (CanonicalTable& table : tables) table.unit = UnitOfAmount::kWanYuan;
  std::vector<Finding> findings;
  ReportRowsReadAsText(document, tables, findings);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].figures.size(), 2u);
  EXPECT_EQ(findings[0].figures[0].table_kind, "budget.expenditure");
  EXPECT_EQ(findings[0].figures[0].row_code, "205");
  EXPECT_EQ(findings[0].figures[0].amount_fen, 9410000);
}

// A row whose amounts fill every figure column is read (each amount falls to one column); one
// with fewer amounts (a blank cell) or whose code the table already has is only named.
TEST(RowTextTest, RowFillingEveryFigureColumnIsRead) {
  Document document;
  document.blocks.push_back(Block{Grid({{"201", "一般公共服务支出", "1.00", "1.00", ""}})});
  for (const char* text : {"205 教育支出 9.41 5.00 4.41", "206 科学技术支出 3.05 3.05",
                           "201 一般公共服务支出 1.00 1.00 0.00"}) {
    document.blocks.push_back(Text(text, 2));
  }
  std::vector<CanonicalTable> tables = {
      TableOnPage2("budget.expenditure", 0, {"", "", "total", "basic", "project"})};
  CanonicalTable& table = tables[0];
  table.rows.push_back(CanonicalRow{"201", "一般公共服务支出", 1, 0, 0, {}});
  std::vector<Finding> findings;
  ReportRowsReadAsText(document, tables, findings);
  ASSERT_EQ(tables[0].rows.size(), 2u);
  const CanonicalRow& read = tables[0].rows[1];
  EXPECT_EQ(read.row_code, "205");
  EXPECT_EQ(read.row_name, "教育支出");
  EXPECT_EQ(read.level, 1);
  ASSERT_EQ(read.values.size(), 3u);
  EXPECT_EQ(read.values[0].column, "total");
  EXPECT_EQ(read.values[0].amount_fen, 941);
  EXPECT_EQ(read.values[1].column, "basic");
  EXPECT_EQ(read.values[2].column, "project");
  EXPECT_EQ(read.values[2].amount_fen, 441);
  std::vector<std::string> checks;
  for (const Finding& finding : findings) checks.push_back(finding.check);
  EXPECT_EQ(checks, (std::vector<std::string>{"table.row_from_text", "table.row_as_text",
                                              "table.row_as_text"}));
}

// H8 s3w_0126: a quote mark read before an amount of a row read as text (“12,198,254.74) is a
// speck, no label: the row is one row of three amounts, read whole; not a row of one amount and
// a row of two labelled “.
TEST(RowTextTest, QuoteMarkBeforeAnAmountStartsNoRow) {
  for (const char* mark : {"“", "”", "\"", "'", "‘"}) {
    Document document;
    document.blocks.push_back(Block{Grid({{"21011", "行政事业单位医疗", "1.00", "1.00", "1.00"}})});
    document.blocks.push_back(Text(
        std::string("210 卫生健康支出 19,750,707.07 ") + mark + "12,198,254.74 7,552,452.33", 2));
    std::vector<CanonicalTable> tables = {
        TableOnPage2("final.general_budget_expenditure", 0, {"", "", "total", "basic", "project"})};
    tables[0].rows.push_back(CanonicalRow{"21011", "行政事业单位医疗", 2, 0, 0, {}});
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(FiguresReadFromText(tables[0]),
              (std::vector<std::string>{"210/total=1975070707", "210/basic=1219825474",
                                        "210/project=755245233"}))
        << mark;
  }
}

// s6w_0001_final, s6w_0006_final: an income table's header, 合计 and first row read as text at a
// page foot, its grid on the next page without the 其他收入 column (blank all through). Every row
// of the table fills 本年收入合计 and 财政拨款收入 and none fills 其他收入, so a row printing two
// amounts fills those two. Once a row leaves one of them blank, which cell a two-amount row
// leaves blank is unknown: the row is only named.
TEST(RowTextTest, RowSkippingAColumnNoRowFillsIsRead) {
  for (const bool blank_in_a_row : {false, true}) {
    Document document;
    for (const char* text : {"合计 41,967.97 41,967.97", "205 教育支出 13,634.61 13,634.61"}) {
      document.blocks.push_back(Text(text, 1));
    }
    document.blocks.push_back(Block{Grid({{"206", "科学技术支出", "1.00", "1.00"}})});
    std::vector<CanonicalTable> tables = {
        TableOnPage2("final.income", 2, {"", "total", "fiscal_appropriation", "other"})};
    CanonicalTable& table = tables[0];
    for (const char* code : {"206", "20601"}) {
      CanonicalRow row{code, "科学技术支出", 1, 2, 0, {}};
      for (const char* column : {"total", "fiscal_appropriation"}) {
        if (blank_in_a_row && std::string(code) == "20601" && std::string(column) == "total") {
          continue;
        }
        Figure figure;
        figure.column = column;
        figure.amount_fen = 100;
        row.values.push_back(figure);
      }
      table.rows.push_back(row);
    }
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    const std::vector<std::string> got = FiguresReadFromText(tables[0]);
    std::vector<std::string> checks;
    for (const Finding& finding : findings) checks.push_back(finding.check);
    if (blank_in_a_row) {
      EXPECT_TRUE(got.empty());
      EXPECT_EQ(checks, (std::vector<std::string>{"table.row_as_text", "table.row_as_text"}));
    } else {
      EXPECT_EQ(got, (std::vector<std::string>{
                         "total/total=4196797", "total/fiscal_appropriation=4196797",
                         "205/total=1363461", "205/fiscal_appropriation=1363461"}));
      EXPECT_EQ(checks, (std::vector<std::string>{"table.row_from_text", "table.row_from_text"}));
    }
  }
}

// s2w_0213_budget, s2w_0267_budget: a class row read as text at a page foot prints two amounts
// for three figure columns, a blank cell somewhere. Its children (the 款 rows of the grid below)
// fill 合计 and 基本支出 and leave 项目支出 blank; the row prints their sums, so its amounts fall
// to those columns. When the amounts are not the children's sums, or the children fill other
// columns, which cell is blank is unknown and the row is only named.
TEST(RowTextTest, ClassRowPrintingFewerAmountsIsPlacedByItsChildren) {
  struct Case {
    const char* name;
    const char* line;
    std::vector<std::string> expect;  // figures read, "code/column=fen"; empty: only named
  };
  const Case cases[] = {
      {"sums of the children",
       "205 教育支出 9.41 9.41",
       {"205/total=9410000", "205/basic=9410000"}},
      {"within the rounding of two children",
       "205 教育支出 9.42 9.40",
       {"205/total=9420000", "205/basic=9400000"}},
      {"not the children's sums", "205 教育支出 9.51 9.41", {}},
      {"one amount for two filled columns", "205 教育支出 9.41", {}},
      {"a row no child fills", "206 科学技术支出 9.41 9.41", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document document;
    document.blocks.push_back(Text(c.line, 1));
    document.blocks.push_back(Block{Grid({{"20508", "进修及培训", "5.00", "5.00"}})});
    std::vector<CanonicalTable> tables = {
        TableOnPage2("budget.expenditure", 1, {"", "", "total", "basic", "project"})};
    CanonicalTable& table = tables[0];
    table.unit = UnitOfAmount::kWanYuan;
    const std::vector<std::pair<const char*, std::int64_t>> children = {{"20508", 5000000},
                                                                        {"20509", 4410000}};
    for (const auto& [code, fen] : children) {
      CanonicalRow row{code, "教育", 2, 1, 0, {}};
      for (const char* column : {"total", "basic"}) {
        Figure figure;
        figure.column = column;
        figure.amount_fen = fen;
        row.values.push_back(figure);
      }
      table.rows.push_back(row);
    }
    // A row of another class fills 项目支出: the table's rows fill different columns.
    CanonicalRow other{"2010101", "行政运行", 3, 1, 0, {}};
    for (const char* column : {"total", "basic", "project"}) {
      Figure figure;
      figure.column = column;
      figure.amount_fen = 1000000;
      other.values.push_back(figure);
    }
    table.rows.push_back(other);
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> got;
    for (const CanonicalRow& row : tables[0].rows) {
      if (row.row_code.size() != 3) continue;
      for (const Figure& figure : row.values) {
        got.push_back(row.row_code + "/" + figure.column + "=" + std::to_string(figure.amount_fen));
      }
    }
    EXPECT_EQ(got, c.expect);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].check, c.expect.empty() ? "table.row_as_text" : "table.row_from_text");
  }
}

// s6w_0088_final: a fiscal summary's 本年收入合计 and 总计 rows read as paragraphs under its grid,
// both sides on one line. The first piece is the income side's row, the second the expenditure
// side's, keyed by their labels; each side's amounts fill the columns that side's rows fill. When
// the expenditure side's rows fill different columns (a blank cell), the line is only named: one
// side read alone would leave the line half read (s2w_0029_budget: header words run into the
// line, its income side keyed nothing, its expenditure side printed a cut 48.0).
TEST(RowTextTest, SummaryRowWithBothSidesOnOneLineIsReadBySide) {
  for (const bool blank_in_a_row : {false, true}) {
    Document document;
    document.blocks.push_back(
        Block{Grid({{"一般公共预算财政拨款", "1.00", "卫生健康支出", "1.00", "1.00"}})});
    for (const char* text : {"本年收入合计 84,118.60 本年支出合计 84,118.60 84,118.60",
                             "总计 84,118.60 总计 84,118.60 84,118.60"}) {
      document.blocks.push_back(Text(text, 2));
    }
    std::vector<CanonicalTable> tables = {TableOnPage2(
        "final.fiscal_appropriation_summary", 0, {"", "amount", "", "total", "general_budget"})};
    CanonicalTable& table = tables[0];
    auto add_row = [&](const char* code, std::vector<const char*> columns) {
      CanonicalRow row{code, "", 0, 0, 0, {}};
      for (const char* column : columns) {
        Figure figure;
        figure.column = column;
        figure.amount_fen = 100;
        row.values.push_back(figure);
      }
      table.rows.push_back(row);
    };
    add_row("income.general_budget_appropriation", {"amount"});
    add_row("expenditure.210", {"total", "general_budget"});
    add_row("expenditure.212", blank_in_a_row
                                   ? std::vector<const char*>{"total"}
                                   : std::vector<const char*>{"total", "general_budget"});
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> got;
    for (const CanonicalRow& row : tables[0].rows) {
      for (const Figure& figure : row.values) {
        if (figure.amount_fen != 100) got.push_back(row.row_code + "/" + figure.column);
      }
    }
    const std::vector<std::string> read = {"income.total_current_year/amount",
                                           "expenditure.total_current_year/total",
                                           "expenditure.total_current_year/general_budget",
                                           "income.grand_total/amount",
                                           "expenditure.grand_total/total",
                                           "expenditure.grand_total/general_budget"};
    EXPECT_EQ(got, blank_in_a_row ? std::vector<std::string>{} : read);
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, blank_in_a_row ? "table.row_as_text" : "table.row_from_text");
    }
    EXPECT_EQ(findings.size(), 2u);
  }
}

// s3w_0063_final, s3w_0094_final, s3w_0092_final on a scan: a plain summary's line read as a
// paragraph with its income side's 行次 read as a digit's lookalike (总计 了 498.63 总计 14
// 498.63): the label 总计 了 keyed nothing, so neither side was read. On an OCR'd line the
// lookalike is the 行次 and is left out like a digit; a text layer's line is read as printed (named
// only).
TEST(RowTextTest, OcrSummaryLineWithItsRowNumberReadAsALookalike) {
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    std::vector<std::string> read;  // "row_code/column=fen"
  };
  const Case cases[] = {
      {"GrandTotal",
       "总计 了 498.63 总计 14 498.63",
       TextOrigin::kOcr,
       {"income.grand_total/amount=49863", "expenditure.grand_total/amount=49863"}},
      {"FirstLine",
       "一、一般公共预算财政拨款收入 了 430,948.42 一、科学技术支出 8 124,071.51",
       TextOrigin::kOcr,
       {"income.general_budget_appropriation/amount=43094842", "expenditure.206/amount=12407151"}},
      {"OneReadAsI",
       "本年收入合计 I 498.63 本年支出合计 13 498.63",
       TextOrigin::kOcr,
       {"income.total_current_year/amount=49863", "expenditure.total_current_year/amount=49863"}},
      {"TextLayer", "总计 了 498.63 总计 14 498.63", TextOrigin::kTextLayer, {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"三、上级补助收入", "", "三、住房保障支出", "1.00"}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables = {
        TableOnPage2("final.income_expenditure_summary", 0, {"", "amount", "", "amount"})};
    CanonicalTable& table = tables[0];
    for (const char* code : {"income.upper_subsidy", "expenditure.221"}) {
      Figure figure;
      figure.column = "amount";
      figure.amount_fen = 100;
      table.rows.push_back(CanonicalRow{code, "", 0, 0, 0, {figure}});
    }
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    const std::vector<std::string> got = FiguresReadFromText(tables[0]);
    EXPECT_EQ(got, c.read) << c.name;
    ASSERT_EQ(findings.size(), 1u) << c.name;
    EXPECT_EQ(findings[0].check, c.read.empty() ? "table.row_as_text" : "table.row_from_text")
        << c.name;
  }
}

// s3w_0056_final and s3w_0058_budget on a scan: a basic-expenditure table's last 302 rows read as
// lines of text, one amount each (30228 工会 经费 7.96合计 14.44 9.15), in a table of 人员经费 |
// 公用经费: a row printing fewer amounts than the table's columns was only named. The economic
// class says the column: 302 is 公用经费, 301 and 303 are 人员经费 (with 合计 first when the table
// prints one and the row two amounts). Another class, a row short of its class's columns, or a
// text layer's line is only named.
TEST(RowTextTest, OcrEconomicRowFillsItsClassColumn) {
  struct Case {
    const char* name;
    const char* line;
    std::vector<std::string> column_keys;
    TextOrigin origin;
    std::vector<std::string> read;  // "code/column=fen" of the rows read, 合计 aside
  };
  const std::vector<std::string> parts = {"", "personnel", "public"};
  const std::vector<std::string> with_total = {"", "total", "personnel", "public"};
  const Case cases[] = {
      {"PublicItem",
       "30228 工会 经费 7.96合计 14.44 9.15",
       parts,
       TextOrigin::kOcr,
       {"30228/public=7960000"}},
      {"PersonnelItem",
       "30113 住房公积金 38.83",
       parts,
       TextOrigin::kOcr,
       {"30113/personnel=38830000"}},
      {"TotalAndPublic",
       "30231 公务用车运行维护费 8.39 8.39",
       with_total,
       TextOrigin::kOcr,
       {"30231/total=8390000", "30231/public=8390000"}},
      {"ShortOfTheTotal", "30231 公务用车运行维护费 8.39", with_total, TextOrigin::kOcr, {}},
      {"CapitalItem", "31002 办公设备购置 3.00", parts, TextOrigin::kOcr, {}},
      {"TextLayer", "30228 工会 经费 7.96", parts, TextOrigin::kTextLayer, {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"30206", "电费", "", "1.19"}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables = {
        TableOnPage2("final.general_budget_basic_expenditure", 0, c.column_keys)};
    tables[0].unit = UnitOfAmount::kWanYuan;
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> read;
    for (const CanonicalRow& row : tables[0].rows) {
      if (row.row_code == "total") continue;
      for (const Figure& figure : row.values) {
        read.push_back(row.row_code + "/" + figure.column + "=" +
                       std::to_string(figure.amount_fen));
      }
    }
    EXPECT_EQ(read, c.read) << c.name;
  }
}

// s3w_0092_final on a scan: a summary's first line read as a paragraph above its grid went to
// the end of the table's rows, below 本年收入合计 and 总计, and the checks that read a summary's
// rows in their printed order took it for a source printed below 本年收入合计 (a false
// summary.income_total and cross.summary_income error). A row read from text goes among the
// rows in the order of their blocks: above the grid's rows when printed above it, after them
// when printed below.
TEST(RowTextTest, RowReadFromTextTakesItsPrintedPlace) {
  for (const bool above : {true, false}) {
    Document document;
    const std::string line =
        above ? "一、一般公共预算财政拨款收入 430,948.42 一、科学技术支出 124,071.51"
              : "总计 430,948.42 总计 430,948.42";
    if (above) document.blocks.push_back(Text(line, 2));
    const int grid_block = static_cast<int>(document.blocks.size());
    document.blocks.push_back(
        Block{Grid({{"本年收入合计", "430,948.42", "本年支出合计", "430,948.42"}})});
    if (!above) document.blocks.push_back(Text(line, 2));
    std::vector<CanonicalTable> tables = {
        TableOnPage2("final.income_expenditure_summary", grid_block, {"", "amount", "", "amount"})};
    for (const char* code : {"income.total_current_year", "expenditure.total_current_year"}) {
      Figure figure;
      figure.column = "amount";
      figure.amount_fen = 43094842;
      tables[0].rows.push_back(CanonicalRow{code, "", 0, grid_block, 0, {figure}});
    }
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> order;
    for (const CanonicalRow& row : tables[0].rows) order.push_back(row.row_code);
    const std::vector<std::string> expected =
        above ? std::vector<std::string>{"income.general_budget_appropriation", "expenditure.206",
                                         "income.total_current_year",
                                         "expenditure.total_current_year"}
              : std::vector<std::string>{"income.total_current_year",
                                         "expenditure.total_current_year", "income.grand_total",
                                         "expenditure.grand_total"};
    EXPECT_EQ(order, expected) << above;
  }
}

// s3w_0121_budget: the header repeated on the next page read as a paragraph above a grid of rows
// only: its words naming figure columns key the grid's amount columns in order.
TEST(RowTextTest, HeaderPrintedAboveAHeaderlessGridKeysItsColumns) {
  const Table grid = Grid({{"20601科学技术管理事务", "3.05", "3.05", ""},
                           {"213农林水支出", "73.84", "40.04", "33.80"}});
  StitchedTable stitched;
  stitched.canonical.kind = "budget.general_budget_expenditure";
  stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
  stitched.header_above = {"科目编码", "科目名称", "小计", "基本支出", "项目支出"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "total", "basic", "project"}));
  // Words naming fewer columns than the grid has: nothing keyed.
  stitched.header_above = {"科目名称", "基本支出", "项目支出"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, (std::vector<std::string>{"", "", "", ""}));
}

// A three-line summary cut by a page break on a text layer (the sweep's national template,
// s90wn_0004_budget): its header rows drawn above the grid's first rule came out as a paragraph
// (项目 预算数 支出功能分类 预算数), the grid of rows only. Each label word opens a side and the
// side's amount word keys its money column, as on a scan; before, only scans were so keyed and
// both sides' amounts went unkeyed.
TEST(RowTextTest, SummaryHeaderPrintedAboveAHeaderlessTextLayerGridKeysBothSides) {
  const Table grid = Grid({{"一、一般公共预算拨款收入", "3,435.72", "一、教育支出", "3,435.72"},
                           {"二、政府性基金预算拨款收入", "", "", ""},
                           {"本年收入合计", "3,435.72", "本年支出合计", "3,435.72"}});
  StitchedTable stitched;
  stitched.canonical.kind = "budget.income_expenditure_summary";
  stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
  stitched.header_above = {"项目", "预算数", "支出功能分类", "预算数"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "amount", "", "amount"}));
}

// s5w_0005_final: the header's first line at the foot of one page (本年支出合 cut), its rest (计)
// alone at the top of the next, over a grid whose own header rows key nothing (类 | 款 | 项,
// 栏次 1 2 3): the rest completes the word, and the words key the amount columns.
TEST(RowTextTest, HeaderAtThePageFootWithAWordCutKeysTheGridBelow) {
  Document document;
  for (const char* text : {"部门支出决算表", "附表2", "单位：万元",
                           "功能分类科目编码 科目名称 本年支出合 基本支出 项目支出", "计"}) {
    document.blocks.push_back(Text(text, 2));
  }
  document.blocks.push_back(
      Block{Grid({{"类", "款", "项", "", "", "", ""},
                  {"栏次", "", "", "", "1", "2", "3"},
                  {"合计", "", "", "", "3,250.51", "1,582.90", "1,667.61"},
                  {"208", "", "", "社会保障和就业支出", "599.97", "599.97", ""},
                  {"", "08", "", "抚恤", "599.97", "599.97", ""},
                  {"", "", "01", "死亡抚恤", "599.97", "599.97", ""}})});
  std::vector<Finding> located_findings;
  const std::vector<LocatedTable> located =
      LocateTables(document, LocateOptions{}, located_findings);
  ASSERT_EQ(located.size(), 1u);
  EXPECT_EQ(located[0].header_above,
            (std::vector<std::string>{"功能分类科目编码", "科目名称", "本年支出合计", "基本支出",
                                      "项目支出"}));
  const Table* grid = document.blocks.back().AsTable();
  StitchedTable stitched;
  stitched.canonical.kind = "final.expenditure";
  stitched.parts.push_back(TablePart{5, grid, AnalyzeHeader(*grid)});
  stitched.header_above = located[0].header_above;
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "", "", "", "total", "basic", "project"}));
}

// s3w_0000_final, s3w_0002_budget on a scan: the header line above the grid names three figure
// columns, the grid holds two (its 项目支出 / 其他收入 printed nothing, so the scan made no column
// of it). Which two the words do not say; the first is 合计 when it holds the other in every row,
// and the other stays unkeyed. Code pieces are numbers but no money. A text layer's grid is read
// as before.
TEST(RowTextTest, OcrHeaderAboveNamingMoreColumnsThanTheGridKeysItsTotal) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    for (const bool total_first : {true, false}) {
      // A 栏次 row under the grid's header (s3w_0019_budget) is no row of amounts: its numbers
      // rise left to right, and a 合计 beside its parts was taken for one that is not.
      Table grid =
          Grid({{"类款项", "", "", "", "", ""},
                {"栏次", "", "", "", "1", "2"},
                {"合计", "", "", "", "906.49", "906.49"},
                {"201", "", "", "一般公共服务支出", "906.49", "906.49"},
                {"201", "01", "", "人大事务", total_first ? "500.00" : "400.00", "500.00"}});
      for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
      StitchedTable stitched;
      stitched.canonical.kind = "final.expenditure";
      stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
      stitched.header_above = {"功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"};
      std::vector<std::string> keys(6);
      if (origin == TextOrigin::kOcr && total_first) keys[4] = "total";
      EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, keys)
          << TextOriginName(origin) << " " << total_first;
    }
  }
}

// A grid of `rows` read by OCR on page 4, its two amount columns ending at 568.44 and 674.64
// (a landscape table of codes, names and two amounts), with boxes for the header-above search.
Table OcrGridOfTwoAmountColumns(const std::vector<std::vector<std::string>>& rows) {
  Table grid = Grid(rows);
  grid.provenance.page = 4;
  grid.provenance.box = Box{51.12, 303.6, 674.64, 524.76};
  for (TableCell& cell : grid.cells) {
    cell.provenance.origin = TextOrigin::kOcr;
    cell.provenance.page = 4;
    const double right = cell.column == 4 ? 568.44 : cell.column == 5 ? 674.64 : 100.0;
    cell.provenance.box = Box{right - 40, 304.0 + 27 * cell.row, right, 318.0 + 27 * cell.row};
  }
  return grid;
}

// s3w_0071_final, s3w_0073_final, s3w_0079_budget on a scan: the header line above the grid
// names three figure columns (合计 财政拨款收入 其他收入, 小计 基本支出 项目支出), the grid holds
// two, and the line's words reach right past the grid's last amounts: the column printed empty is
// the last, so the grid's two are the first two words. A line ending over the grid's last column
// (the missing one is in the middle), a line with no box, or one whose words end just past the
// amounts (within a quarter of a column) keys the total only, as before.
TEST(RowTextTest, OcrHeaderAboveReachingPastTheGridKeysItsColumns) {
  struct Case {
    const char* name;
    std::optional<double> header_right;  // the header line's right edge; none: no box
    std::vector<std::string> keys;
  };
  const Case cases[] = {
      {"WordsPastTheGrid", 727.2, {"", "", "", "", "total", "basic"}},
      {"WordsOverTheLastColumn", 660.0, {"", "", "", "", "total", ""}},
      {"WordsJustPastTheAmounts", 690.0, {"", "", "", "", "total", ""}},
      {"NoBox", std::nullopt, {"", "", "", "", "total", ""}},
  };
  for (const Case& c : cases) {
    const Table grid =
        OcrGridOfTwoAmountColumns({{"合计", "", "", "", "7,034.77", "7,034.77"},
                                   {"201", "", "", "一般公共服务支出", "3,788.94", "3,788.94"},
                                   {"201", "01", "", "人大事务", "578.61", "578.61"}});
    StitchedTable stitched;
    stitched.canonical.kind = "final.expenditure";
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.header_above = {"功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"};
    if (c.header_right) stitched.header_above_box = Box{51.12, 222.6, *c.header_right, 236.04};
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, c.keys) << c.name;
    // A PDF's text layer reads so too (s24w_0078_final: the header line at the top of the page
    // before the grid, 其他收入 printed empty all down; the grid's two columns went unkeyed).
    // Its codes joined to their names, as a text layer reads them.
    Table text_layer =
        OcrGridOfTwoAmountColumns({{"", "", "", "合计", "7,034.77", "7,034.77"},
                                   {"", "", "", "201一般公共服务支出", "3,788.94", "3,788.94"},
                                   {"", "", "", "20101人大事务", "578.61", "578.61"}});
    for (TableCell& cell : text_layer.cells) cell.provenance.origin = TextOrigin::kTextLayer;
    stitched.parts[0] = TablePart{0, &text_layer, AnalyzeHeader(text_layer)};
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, c.keys) << c.name << " text layer";
  }
}

// H12 s3w_0181_budget on a scan: the header line above an income table's grid read 合计 as 计,
// a word that keys nothing, so 一般公共预算拨款 and 其他收入 went onto the grid's two columns and
// 合计's figures were exported as 其他收入. The word is the one it ends (合计, 小计 and 总计 all
// key the total), as a header cell's is.
TEST(RowTextTest, OcrHeaderAboveWithAWordMissingItsFirstCharacter) {
  for (const char* word : {"合计", "计"}) {
    const Table grid =
        OcrGridOfTwoAmountColumns({{"合计", "", "", "", "59.47", "59.47"},
                                   {"206", "", "", "科学技术支出", "59.47", "59.47"},
                                   {"206", "01", "", "科学技术管理事务", "59.47", "59.47"}});
    StitchedTable stitched;
    stitched.canonical.kind = "budget.income";
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.header_above = {"功能分类科目编码", "科目名称", word, "一般公共预算拨款", "其他收入"};
    stitched.header_above_box = Box{51.12, 222.6, 727.2, 236.04};
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
              (std::vector<std::string>{"", "", "", "", "total", "general_budget"}))
        << word;
  }
}

// H24 s3w_0372_budget on a scan: 合计 read 心. above an income table's grid, a word no key
// nor a lost first character explains; 一般公共预算拨款 and 其他收入 went onto the grid's two
// columns. A word before the first figure word that keys nothing and is no label heads the
// first figure column, 合计 in standard tables: read so where the grid's first amounts hold the
// others in every row, and only there.
TEST(RowTextTest, OcrHeaderAboveWithTheFirstFigureWordMisread) {
  struct Case {
    const char* word;
    const char* second;  // the second column's amount in the body rows
    std::vector<std::string> keys;
  };
  const std::vector<Case> cases = {
      {"心.", "59.47", {"", "", "", "", "total", "general_budget"}},
      {"心.", "12.00", {"", "", "", "", "total", "general_budget"}},
      // The second column larger than the first: no total first; keyed as the words say.
      {"心.", "80.00", {"", "", "", "", "general_budget", "other"}},
      // No CJK in the word: a speck, no word.
      {"..", "59.47", {"", "", "", "", "general_budget", "other"}},
  };
  for (const Case& c : cases) {
    const Table grid =
        OcrGridOfTwoAmountColumns({{"206", "", "", "科学技术支出", "59.47", c.second},
                                   {"206", "01", "", "科学技术管理事务", "59.47", c.second}});
    StitchedTable stitched;
    stitched.canonical.kind = "budget.income";
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.header_above = {"功能分类科目编码", "科目名称", c.word, "一般公共预算拨旭",
                             "其他收入类"};
    stitched.header_above_box = Box{51.12, 222.6, 727.2, 236.04};
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, c.keys) << c.word << " " << c.second;
  }
}

// `grid` read by OCR as the one part of a budget's income table; the grid must outlive it.
StitchedTable OcrIncomeTable(Table& grid) {
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  StitchedTable stitched;
  stitched.canonical.kind = "budget.income";
  stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
  return stitched;
}

// s3w_0038_budget on a scan: the line above an income table's grid read 一般公共预算 and
// 其他收入 as one word (拨款 wrapped below), which keyed the grid's second column `other`: every
// general-budget figure exported as 其他收入, silent. Split, the line names three columns over
// the grid's two: 合计 keyed, the other unkeyed. Names that end in a short word stay whole.
TEST(RowTextTest, OcrHeaderAboveWithTwoColumnNamesJoined) {
  Table grid = Grid({{"类", "款", "项", "", "", ""},
                     {"栏次", "", "", "", "1", "2"},
                     {"合计", "", "", "", "1,131,139.48", "1,131,139.48"},
                     {"210", "", "", "卫生健康支出", "1,131,139.48", "1,131,139.48"},
                     {"210", "11", "", "行政事业单位医疗", "863,036.93", "863,036.93"}});
  StitchedTable stitched = OcrIncomeTable(grid);
  stitched.header_above = {"功能分类科目编码", "科目名称", "合计", "一般公共预算其他收入"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "", "", "", "total", ""}));
  stitched.header_above = {"功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入"};
  EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys,
            (std::vector<std::string>{"", "", "", "", "total", "fiscal_appropriation"}));
}

// H21 s3w_0328_budget on a scan: the header and first rows of a general-budget expenditure table
// read as lines, the rest a grid with no header whose 项目支出 column prints one amount (one row
// has projects). That column did not count as money (it asked for two amounts), the two others
// fit the sums several ways, and 20 figures were lost. One amount makes a money column: the rows
// then fit 合计 | 基本支出 | 项目支出 (column.keyed_by_sums). A column with no amount stays out.
TEST(RowTextTest, OcrHeaderlessGridKeyedBySumsWithAColumnOfOneAmount) {
  for (const bool project : {true, false}) {
    Table grid = Grid({{"201", "11", "01", "行政运行", "8.85", "1.01", project ? "7.84" : ""},
                       {"213", "", "", "农林水支出", "14.63", "14.63", ""},
                       {"213", "01", "", "农业农村", "14.63", "14.63", ""},
                       {"213", "01", "01", "行政运行", "6.86", "6.86", ""},
                       {"213", "01", "04", "事业运行", "7.77", "7.77", ""}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    StitchedTable stitched;
    stitched.canonical.kind = "budget.general_budget_expenditure";
    HeaderAnalysis none;
    none.header_rows = 0;
    stitched.parts.push_back(TablePart{0, &grid, none});
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    if (project) {
      EXPECT_EQ(columns.keys,
                (std::vector<std::string>{"", "", "", "", "total", "basic", "project"}));
      EXPECT_EQ(columns.keyed_by_sums, (std::vector<int>{4, 5, 6}));
    } else {
      EXPECT_TRUE(columns.keyed_by_sums.empty());
    }
  }
}

// s3w_0042_final on a scan: a fiscal-appropriation summary whose header OCR read as a line
// above the grid keyed no column. Its words go side by side onto the grid's sides: the income
// side's 金额 keys its one column; the expenditure side names three funds over two columns (the
// empty 政府性基金 made none). Its second column equals its total on every row, so one fund holds
// all the money: the first named, 一般公共预算, reported as keyed by the rows' sums (H17
// s3w_0269_budget; before, the side stayed unkeyed and its figures were lost). A row where the
// two differ leaves the side unkeyed. 支出功能分类 opens the expenditure side as 项目… does (H17
// s3w_0269_budget: the header's words made one side, and nothing was keyed).
TEST(RowTextTest, OcrSummaryHeaderAboveKeysItsSides) {
  struct Case {
    const char* name;
    std::vector<std::string> header_above;
    const char* second_fund;  // the expenditure side's second amount on its first row
    std::vector<std::string> keys;
    std::vector<int> keyed_by_sums;
  };
  const std::vector<std::string> funds_keyed = {"", "amount", "", "total", "general_budget"};
  const Case cases[] = {
      {"AllFundsNamed",
       {"项目", "金额", "项目〈按功能分类)", "合计", "一般公共预算财政拨款",
        "政府性基金预算财政拨"},
       "1,098,490.47",
       funds_keyed,
       {4}},
      {"FundsDiffer",
       {"项目", "金额", "项目〈按功能分类)", "合计", "一般公共预算财政拨款",
        "政府性基金预算财政拨"},
       "1,098,490.40",
       {"", "amount", "", "", ""},
       {}},
      {"PrintedFundsOnly",
       {"项目", "金额", "项目〈按功能分类)", "合计", "一般公共预算财政拨款"},
       "1,098,490.40",
       funds_keyed,
       {}},
      {"ExpenditureSideNamedByItsClassification",
       {"项目", "预算数", "支出功能分类", "合计", "一般公共预算", "政府性基金预算"},
       "1,098,490.47",
       funds_keyed,
       {4}},
  };
  for (const Case& c : cases) {
    Table grid = Grid(
        {{"一、一般公共预算财政拨款", "1,098,490.47", "教育支出", "1,098,490.47", c.second_fund},
         {"二、政府性基金预算财政拨款", "", "", "", ""},
         {"本年收入合计", "1,098,490.47", "本年支出合计", "1,098,490.47", "1,098,490.47"},
         {"总计", "1,098,490.47", "总计", "1,098,490.47", "1,098,490.47"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    StitchedTable stitched;
    stitched.canonical.kind = "final.fiscal_appropriation_summary";
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.header_above = c.header_above;
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    EXPECT_EQ(columns.keys, c.keys) << c.name;
    EXPECT_EQ(columns.keyed_by_sums, c.keyed_by_sums) << c.name;
  }
}

// H46 s3w_0731_final: a fiscal summary's general-budget header misread past keying anything
// (肌可款公共天对下) between 合计 and 政府性基金: its column of money is the general budget.
// Before, its figures went unread and 合计, the side's one keyed column, was taken for a lone
// amount. A column there that prints no money stays unkeyed.
TEST(RowTextTest, OcrFiscalSummaryFundHeaderMisreadPastKeying) {
  for (const bool money : {true, false}) {
    const std::string gb = money ? "311,533.97" : "";
    const std::string gb_total = money ? "1,608,537.82" : "";
    Table grid = Grid(
        {{"收入", "", "支出", "", "", ""},
         {"项目", "金额", "项目(按功能分类)", "合计", "肌可款公共天对下", "政府性基金预算财政拨款"},
         {"一、一般公共预算财政拨款", "1,608,537.82", "一、社会保障和就业支出", "311,533.97", gb,
          ""},
         {"本年收入合计", "1,608,537.82", "本年支出合计", "1,608,537.82", gb_total, ""},
         {"总计", "1,608,537.82", "总计", "1,608,537.82", gb_total, ""}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
    StitchedTable stitched;
    stitched.canonical.kind = "final.fiscal_appropriation_summary";
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    EXPECT_EQ(columns.keys[4], money ? "general_budget" : "") << money;
    if (money) {
      EXPECT_EQ(columns.keys[3], "total");
    }
  }
}

// H39 s3w_0609_final: a summary's header wrapped in its cells, its upper line read as a paragraph
// above the grid (项目 金 项目(按功能分类) 合 一般公共预算财政 政府性基金预算财政) and its lower
// line as the grid's first row (额 | 计 | 拨款 | 拨款). The rests complete the words above (金额,
// 合计) and the sides are keyed from them; the 政府性基金 column, printed empty all down, opens
// no side. Before, the rests alone keyed two columns "amount" and the funds were lost.
TEST(RowTextTest, OcrSummaryHeaderAboveCompletedByTheGridsFirstRow) {
  Table grid =
      Grid({{"", "额", "", "计", "拨款", "拨款"},
            {"一、一般公共预算财政拨款", "45.89", "教育支出", "13.56", "13.56", ""},
            {"二、政府性基金预算财政拨款", "", "二、社会保障和就业支出", "14.02", "14.02", ""},
            {"", "", "三、住房保障支出", "18.31", "18.31", ""},
            {"本年收入合计", "45.89", "本年支出合计", "45.89", "45.89", ""},
            {"总计", "45.89", "总计", "45.89", "45.89", ""}});
  for (TableCell& cell : grid.cells) cell.provenance.origin = TextOrigin::kOcr;
  StitchedTable stitched;
  stitched.canonical.kind = "final.fiscal_appropriation_summary";
  stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
  stitched.header_above = {
      "项目", "金", "项目(按功能分类)", "合", "一般公共预算财政", "政府性基金预算财政"};
  const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
  EXPECT_EQ(columns.keys,
            (std::vector<std::string>{"", "amount", "", "total", "general_budget", ""}));
  EXPECT_EQ(columns.keyed_by_sums, (std::vector<int>{4}));
  // A first row that prints a word of its own (基本支出) is no line of rests: nothing changes.
  Table own_word = grid;
  own_word.cells[1].text = "基本支出";
  StitchedTable other = stitched;
  other.parts[0] = TablePart{0, &own_word, AnalyzeHeader(own_word)};
  EXPECT_NE(KeyColumns(other, HeaderOptions{}).keys, columns.keys);
}

// s3w_0002_budget, s3w_0038_budget, s3w_0019_budget on a scan: the line above an income
// table's grid names 合计 | 一般公共预算 | 其他收入 over two money columns (其他收入 printed empty
// all down, so no column on the scan); the second stayed unkeyed, 17 figures lost. The summary
// read before lists the income by source: the source whose line there is the column's total
// keys it. No summary, or none of its lines equal, leaves it unkeyed.
TEST(RowTextTest, OcrIncomeSourceColumnNamedByTheSummary) {
  Table grid = Grid({{"类", "款", "项", "", "", ""},
                     {"合计", "", "", "", "7,869.85", "7,869.85"},
                     {"210", "", "", "卫生健康支出", "3,738.44", "3,738.44"},
                     {"221", "", "", "住房保障支出", "4,131.41", "4,131.41"}});
  StitchedTable stitched = OcrIncomeTable(grid);
  stitched.declared = UnitOfAmount::kWanYuan;
  stitched.header_above = {"功能分类科目编码", "科目名称", "合计", "一般公共预算", "其他收入"};
  auto summary_with = [](const std::string& line, std::int64_t fen) {
    std::vector<CanonicalTable> tables(1);
    tables[0].kind = "budget.income_expenditure_summary";
    CanonicalRow row;
    row.row_code = line;
    Figure figure;
    figure.row_code = line;
    figure.column = "amount";
    figure.amount_fen = fen;
    row.values.push_back(figure);
    tables[0].rows.push_back(row);
    return tables;
  };
  auto keys_with = [&](const std::vector<CanonicalTable>* before) {
    HeaderOptions options;
    options.tables_before = before;
    return KeyColumns(stitched, options).keys;
  };
  const std::vector<CanonicalTable> general =
      summary_with("income.general_budget_appropriation", 7869850000);
  EXPECT_EQ(keys_with(&general),
            (std::vector<std::string>{"", "", "", "", "total", "general_budget"}));
  const std::vector<CanonicalTable> other = summary_with("income.other", 7869850000);
  EXPECT_EQ(keys_with(&other), (std::vector<std::string>{"", "", "", "", "total", "other"}));
  const std::vector<CanonicalTable> unequal =
      summary_with("income.general_budget_appropriation", 7869840000);
  EXPECT_EQ(keys_with(&unequal), (std::vector<std::string>{"", "", "", "", "total", ""}));
  EXPECT_EQ(keys_with(nullptr), (std::vector<std::string>{"", "", "", "", "total", ""}));
}

// H46 s3w_0720_final on a scan: the line above an income table's grid names 本年收入合计 |
// 财政拨款收入 | 其他收入 over two money columns (其他收入 printed empty all down), with no summary
// to name the second. The grid's 栏次 row places them: 2 over the second column (3, the empty
// column's, read into the same cell), its 1 read 工. A number lost, out of order or past the
// words places nothing: which column is missing is then unknown.
TEST(RowTextTest, OcrHeaderAboveWordsPlacedByTheColumnNumbers) {
  struct Case {
    const char* name;
    const char* first;
    const char* second;
    std::string key;  // the second column's
  };
  const Case cases[] = {
      {"SecondAndThirdInOneCell", "工", "2       3", "fiscal_appropriation"},
      {"FirstRead", "1", "2 3", "fiscal_appropriation"},
      {"MiddleEmpty", "1 2", "3", "other"},
      {"ANumberLost", "1", "2", ""},
      {"OutOfOrder", "1", "3 2", ""},
      {"PastTheWords", "1", "2 3 4", ""},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"栏次", "", "", "", c.first, c.second},
                       {"合计", "", "", "", "3,676,426.89", "3,676,426.89"},
                       {"206", "", "", "科学技术支出", "3,676,426.89", "3,676,426.89"},
                       {"206", "01", "01", "行政运行", "3,676,426.89", "3,676,426.89"}});
    StitchedTable stitched = OcrIncomeTable(grid);
    stitched.canonical.kind = "final.income";
    stitched.header_above = {"功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入",
                             "其他收入"};
    const std::vector<std::string> keys = KeyColumns(stitched, HeaderOptions{}).keys;
    EXPECT_EQ(keys[4], "total") << c.name;
    EXPECT_EQ(keys[5], c.key) << c.name;
  }
}

// s2w_0020_budget, s2w_0252_budget: the 三公 table's header stayed on the page before, its
// grid has rows only. A budget's lone amount column is its 预算数; a final account's may be
// 预算数 or 决算数: unkeyed, and column.unkeyed names its amounts.
TEST(RowTextTest, HeaderlessThreePublicTable) {
  const Table grid = Grid({{"因公出国（境）费", "26,586.21"},
                           {"公务用车购置及运行费", "154,618.23"},
                           {"公务接待费", "11,622.67"}});
  for (const char* kind : {"budget.three_public", "final.three_public"}) {
    StitchedTable stitched;
    stitched.canonical.kind = kind;
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.declared = UnitOfAmount::kYuan;
    const TableColumns columns = KeyColumns(stitched, HeaderOptions{});
    std::vector<Finding> findings;
    const CanonicalTable table = ReadRows(stitched, columns, RowsOptions{}, 0, findings);
    int figures = 0;
    for (const CanonicalRow& row : table.rows) figures += static_cast<int>(row.values.size());
    bool unkeyed = false;
    for (const Finding& finding : findings) unkeyed = unkeyed || finding.check == "column.unkeyed";
    if (std::string(kind) == "budget.three_public") {
      EXPECT_EQ(columns.keys, (std::vector<std::string>{"", "budget"}));
      EXPECT_EQ(figures, 3);
      EXPECT_FALSE(unkeyed);
    } else {
      EXPECT_EQ(columns.keys, (std::vector<std::string>{"", ""}));
      EXPECT_EQ(figures, 0);
      EXPECT_TRUE(unkeyed);
    }
  }
}

// H17 s3w_0268_budget on a scan: the 三公 table's header word over its lone amount column read
// 项算数, which keys nothing: its six figures were lost. A word one character from 预算数 or 决算数
// says what no word does at least: a budget's column is its 预算数; one character from only 决算数
// (决算效) names it the final; a final account whose word is one character from both stays
// unkeyed; a text layer's header is read as printed.
TEST(RowTextTest, ThreePublicTableWithItsFigureWordMisread) {
  struct Case {
    const char* name;
    const char* kind;
    const char* word;
    TextOrigin origin;
    std::vector<std::string> keys;
  };
  const Case cases[] = {
      {"BudgetFirstCharacterMisread",
       "budget.three_public",
       "项算数",
       TextOrigin::kOcr,
       {"", "budget"}},
      {"FinalLastCharacterMisread",
       "final.three_public",
       "决算效",
       TextOrigin::kOcr,
       {"", "final"}},
      {"FinalFirstCharacterMisread", "final.three_public", "项算数", TextOrigin::kOcr, {"", ""}},
      {"NoFigureWord", "budget.three_public", "备注", TextOrigin::kOcr, {"", ""}},
      {"TextLayer", "budget.three_public", "项算数", TextOrigin::kTextLayer, {"", ""}},
  };
  for (const Case& c : cases) {
    Table grid = Grid({{"项目", c.word},
                       {"因公出国（境）费", "22,513.36"},
                       {"公务用车购置及运行费", "77,785.67"},
                       {"公务接待费", "12,017.51"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = c.origin;
    StitchedTable stitched;
    stitched.canonical.kind = c.kind;
    stitched.parts.push_back(TablePart{0, &grid, AnalyzeHeader(grid)});
    stitched.declared = UnitOfAmount::kYuan;
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, c.keys) << c.name;
  }
}

// s7w_0100_final: a final account's 三公 table, its header and 合计 row at the foot of one page,
// its header repeated as a paragraph right above the rest of its rows on the next: 项目 决算数
// names the lone amount column. Two figure words over one amount column key nothing.
TEST(RowTextTest, HeaderlessThreePublicTableUnderItsRepeatedHeader) {
  Document document;
  for (const char* text : {"2025年度一般公共预算财政拨款“三公”经费支出决算表", "表6", "单位:元",
                           "项目 决算数", "合计 29,773.02", "项目 决算数"}) {
    document.blocks.push_back(Text(text, 4));
  }
  document.blocks.push_back(Block{Grid({{"因公出国（境）费", "8,055.50"},
                                        {"其中：公务用车购置费", "0.00"},
                                        {"公务接待费", "12,423.19"}})});
  std::vector<Finding> located_findings;
  const std::vector<LocatedTable> located =
      LocateTables(document, LocateOptions{}, located_findings);
  ASSERT_EQ(located.size(), 1u);
  EXPECT_EQ(located[0].header_above, (std::vector<std::string>{"项目", "决算数"}));

  const Table* grid = document.blocks.back().AsTable();
  for (const auto& [above, key] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"项目", "决算数"}, "final"}, {{"项目", "预算数", "决算数"}, ""}}) {
    StitchedTable stitched;
    stitched.canonical.kind = "final.three_public";
    stitched.parts.push_back(TablePart{0, grid, AnalyzeHeader(*grid)});
    stitched.declared = UnitOfAmount::kYuan;
    stitched.header_above = above;
    EXPECT_EQ(KeyColumns(stitched, HeaderOptions{}).keys, (std::vector<std::string>{"", key}));
  }
}

}  // namespace
// s3w_0043_final, s3w_0042_final, s3w_0028_final on a scan: the 三公 table's rows read as lines
// of text, no grid. Its items are paired with their amounts in the one order the sums hold for:
// each amount after its item (label and amount read as lines apart) or each before it (a row's
// amount read first). No pairing holding, or a text layer's lines: no table.
TEST(RowTextTest, UngriddedOcrThreePublicTable) {
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    TextOrigin origin;
    std::vector<std::pair<std::string, std::int64_t>> figures;  // row code, fen
  };
  const std::vector<std::string> after = {"项目",
                                          "决算数",
                                          "合计",
                                          "262.29",
                                          "因公出国( 境) 费",
                                          "7.35",
                                          "公务用车购置及运行维护费",
                                          "248.87",
                                          "其中: 公务用车购置费",
                                          "169.92公务用车运行维护费",
                                          "78.95公务接待费",
                                          "6.07"};
  const std::vector<std::string> before = {"决算数",
                                           "项目",
                                           "203,554.55合计",
                                           "14,429.71因公出国( 境) 费",
                                           "182,905.65公务用车购置及运行维护费",
                                           "177,460.38其中: 公务用车购置费",
                                           "5,445.27公务用车运行维护费",
                                           "6,219.19公务接待费"};
  std::vector<std::string> wrong = after;
  wrong[3] = "262.20";
  const Case cases[] = {
      {"AmountAfterItsItem",
       after,
       TextOrigin::kOcr,
       {{"three_public.total", 262290000},
        {"three_public.overseas", 7350000},
        {"three_public.vehicle_total", 248870000},
        {"three_public.vehicle_purchase", 169920000},
        {"three_public.vehicle_operation", 78950000},
        {"three_public.reception", 6070000}}},
      {"AmountBeforeItsItem",
       before,
       TextOrigin::kOcr,
       {{"three_public.total", 20355455},
        {"three_public.overseas", 1442971},
        {"three_public.vehicle_total", 18290565},
        {"three_public.vehicle_purchase", 17746038},
        {"three_public.vehicle_operation", 544527},
        {"three_public.reception", 621919}}},
      {"NoPairingHolds", wrong, TextOrigin::kOcr, {}},
      {"TextLayer", after, TextOrigin::kTextLayer, {}},
  };
  for (const Case& c : cases) {
    Document document;
    const bool wan = c.lines == after || c.lines == wrong;
    document.blocks.push_back(Text("四、一般公共预算财政拨款“三公”经费支出决算表", 3));
    document.blocks.push_back(Text(wan ? "单位:万元" : "金额单位:元", 3));
    for (const std::string& line : c.lines) document.blocks.push_back(Text(line, 4));
    document.blocks.push_back(Text("第三部分名词解释", 4));
    for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedThreePublic(document, DocKind::kFinalAccounts, nullptr, tables, findings);
    std::vector<std::pair<std::string, std::int64_t>> read;
    for (const CanonicalTable& table : tables) {
      EXPECT_EQ(table.kind, "final.three_public") << c.name;
      for (const CanonicalRow& row : table.rows) {
        for (const Figure& figure : row.values) {
          EXPECT_EQ(figure.column, "final") << c.name;
          read.emplace_back(figure.row_code, figure.amount_fen);
        }
      }
    }
    EXPECT_EQ(read, c.figures) << c.name;
    EXPECT_EQ(findings.size(), c.figures.empty() ? 0u : 1u) << c.name;
  }
}

// H11 s3w_0160_final on a scan: the 三公 table printed with its number alone (公开04表), its rows
// read as lines, each amount before its item, and the next table's number after them. The number
// names the table through the list of tables the document prints (四、…“三公”经费支出决算表);
// without a printed list, or under another table's number, nothing is read.
TEST(RowTextTest, OcrThreePublicLinesUnderANumberOnlyTitle) {
  struct Case {
    const char* name;
    const char* number;
    bool list;
    std::size_t read;
  };
  const Case cases[] = {
      {"NumberedByTheList", "公开04表", true, 6},
      {"NoList", "公开04表", false, 0},
      {"AnotherNumber", "公开03表", true, 0},
  };
  for (const Case& c : cases) {
    Document document;
    for (const std::string& line :
         {std::string(c.number), std::string("单位:元"), std::string("决算数"), std::string("项目"),
          std::string("109,212.78合计"), std::string("17,361.42因公出国(境)费"),
          std::string("74,891.91公务用车购置及运行维护费"), std::string("0.00"),
          std::string("其中:公务用车购置费"), std::string("74,891.91公务用车运行维护费"),
          std::string("16,959.45公务接待费"), std::string("公开05表"),
          std::string("政府性基金预算财政拨款收入支出决算表")}) {
      document.blocks.push_back(Text(line, 5));
      document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    }
    TableNumbering numbering;
    numbering.printed = true;
    numbering.titles = {{3, "一般公共预算财政拨款基本支出决算表"},
                        {4, "财政拨款“三公”经费支出决算表"},
                        {5, "政府性基金预算财政拨款收入支出决算表"}};
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedThreePublic(document, DocKind::kFinalAccounts, c.list ? &numbering : nullptr,
                             tables, findings);
    std::size_t read = 0;
    for (const CanonicalTable& table : tables) {
      EXPECT_EQ(table.kind, "final.three_public") << c.name;
      for (const CanonicalRow& row : table.rows) read += row.values.size();
    }
    EXPECT_EQ(read, c.read) << c.name;
  }
}

// s3w_0071_final, s3w_0078_final on a scan: a row left out of the grid, read as a line whose
// amount prints 了 for its 7 (了94.18 for 794.18): table.row_as_text quoted 94.18 only, and the
// figure printed was named by nothing. An OCR'd line's amounts with a digit lookalike are quoted
// read as digits as well; a text layer's line is quoted as printed.
TEST(RowTextTest, OcrRowAsTextNamesAmountsWithDigitLookalikes) {
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    std::vector<std::int64_t> fen;
  };
  const Case cases[] = {
      {"SevenReadLe", "了94.18", TextOrigin::kOcr, {9418, 79418}},
      {"AmongOthers",
       "2080505 机关事业单位基本 114.89 43.07 了1.82",
       TextOrigin::kOcr,
       {11489, 4307, 182, 7182}},
      {"TextLayer", "了94.18", TextOrigin::kTextLayer, {9418}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"30201", "办公费", "11.62"}})});
    document.blocks.push_back(Text(c.line, 5));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    CanonicalTable table;
    table.kind = "final.general_budget_basic_expenditure";
    table.printed_title = "一般公共预算财政拨款基本支出决算表";
    table.unit = UnitOfAmount::kYuan;
    table.pages = {5};
    table.source_blocks = {0};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::int64_t> fen;
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, "table.row_as_text") << c.name;
      for (const FigureRef& figure : finding.figures) fen.push_back(figure.amount_fen);
    }
    EXPECT_EQ(fen, c.fen) << c.name;
  }
}

// s3w_0139_final on a scan: a 12-pt unruled table's rows read as lines under a grid that kept
// none of its columns, each amount wrapped wherever its narrow cell ran out of width, its rest on
// the line under it after the label's rest and before the next row (`221 住房保障 1,578,49
// 675,998. 902,495，` over `支出 3.38 13 25 221 02 住房改革 …`), the comma a cell wrapped after
// read full-width. Main skipped every such line as prose (the "，") or read no amount from its
// heads: 15 figures lost with no finding. Each row's amounts are joined with their rests and named
// under its code (table.row_as_text; never read, the cut may have lost a digit no sum checks);
// a line whose next line does not complete its heads is named as printed, or not at all; a text
// layer's line is left as before.
TEST(RowTextTest, OcrRowsWithAmountsCutAnywhereAreNamedWhole) {
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    TextOrigin origin;
    std::vector<std::string> named;  // "row_code=fen" per figure named, findings in order
  };
  const Case cases[] = {
      {"RestsThenNextRow",
       {"221 住房保障 1,578,49 675,998. 902,495，",
        "支出 3.38 13 25 221 02 住房改革 1,578,49 675,998. 902,495，",
        "支出 3.38 13 25 221 02 03 购房补贴 1,578,49 675,998, 902,495，", "3.38 13 25注; 本表金额"},
       TextOrigin::kOcr,
       {"221=157849338", "221=67599813", "221=90249525", "22102=157849338", "22102=67599813",
        "22102=90249525", "2210203=157849338", "2210203=67599813", "2210203=90249525"}},
      {"LabelRestBeforeTheRests",
       {"208 社会保障 997,019. 997,019，", "和就业支 92 92", "出"},
       TextOrigin::kOcr,
       {"208=99701992", "208=99701992"}},
      // Fewer pieces on the next line than heads: nothing joined, the heads are no amount; the
      // line is named under its code with its heads as far as they read
      // (CodedLineWhoseAmountsReadAsNoneIsNamed).
      {"TooFewRests",
       {"208 社会保障 997,019. 997,019，", "和就业支 92"},
       TextOrigin::kOcr,
       {"208=99701900", "208=99701900"}},
      // A rest that leaves its head no whole amount (1,578,49 + 3.381): nothing joined, the
      // head named as printed.
      {"RestNotWhole", {"221 住房保障 1,578,49", "支出 3.381"}, TextOrigin::kOcr, {"221=15784900"}},
      {"TextLayer",
       {"208 社会保障 997,019. 997,019，", "和就业支 92 92"},
       TextOrigin::kTextLayer,
       {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"", "206", "64,141.43"}})});
    for (const std::string& line : c.lines) {
      document.blocks.push_back(Text(line, 5));
      document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    }
    CanonicalTable table;
    table.kind = "final.general_budget_expenditure";
    table.unit = UnitOfAmount::kYuan;
    table.pages = {5};
    table.source_blocks = {0};
    table.column_keys = {"", "", ""};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> named;
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, "table.row_as_text") << c.name;
      for (const FigureRef& figure : finding.figures) {
        named.push_back(figure.row_code + "=" + std::to_string(figure.amount_fen));
      }
    }
    EXPECT_EQ(named, c.named) << c.name;
    EXPECT_EQ(FiguresReadFromText(tables[0]), std::vector<std::string>{}) << c.name;
  }
}

// A function-coded table's row for tests: `code`, and per column "column=yuan" figures read by
// `origin`.
CanonicalRow CodedRow(const std::string& kind, const std::string& code,
                      const std::vector<std::pair<std::string, std::int64_t>>& figures,
                      TextOrigin origin = TextOrigin::kOcr) {
  CanonicalRow row;
  row.row_code = code;
  row.row_name = code.empty() ? "科因编码和明和竹管理事务" : "某科目";
  for (const auto& [column, fen] : figures) {
    Figure figure;
    figure.table_kind = kind;
    figure.row_code = code;
    figure.column = column;
    figure.amount_fen = fen;
    figure.printed_text = std::to_string(fen);
    figure.provenance.origin = origin;
    row.values.push_back(figure);
  }
  return row;
}

// C s3w_0092_final and s3w_0080_final on a scan: a continued table's header printed over its
// first row, `科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 项目支出 85,891.55` (the
// code lost, the name garbled, each amount after its column's word), was named only, and the 项
// rows under it were orphans (code.parent). The pieces are one row (each label after the first
// keys the next column), and the row is the one parent the table lacks whose children's totals
// (rows of the table, and coded rows read as lines beside it) sum to its total: read as 22102.
// Two absent parents whose sums both fit, a total no sum makes, or a text layer: named as before.
TEST(RowTextTest, HeaderOverTheFirstRowKeyedByItsOrphansSums) {
  const std::string kind = "final.general_budget_expenditure";
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    std::vector<std::string> lines;
    TextOrigin origin;
    std::vector<std::string> read;  // "row_code/column=fen" read into the table
  };
  const std::string header_row =
      "科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 项目支出 85,891.55";
  const Case cases[] = {
      {"ChildInTheTableAndOneAsText",
       {CodedRow(kind, "221", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}}),
        CodedRow(kind, "2210201", {{"total", 9395713}, {"basic", 806558}, {"project", 8589155}})},
       {header_row, "2210203 购房补贴 39,193.40 39,193.40"},
       TextOrigin::kOcr,
       // 2210203 then fills its parent's remainders (RemainderColumns).
       {"22102/total=13315053", "22102/basic=4725898", "22102/project=8589155",
        "2210203/total=3919340", "2210203/basic=3919340"}},
      {"TwoParentsFit",
       {CodedRow(kind, "221", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}}),
        CodedRow(kind, "2210201", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}}),
        CodedRow(kind, "2120101", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}})},
       {header_row},
       TextOrigin::kOcr,
       {}},
      {"NoSumFits",
       {CodedRow(kind, "221", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}}),
        CodedRow(kind, "2210201", {{"total", 9395713}, {"basic", 806558}, {"project", 8589155}})},
       {header_row},
       TextOrigin::kOcr,
       {}},
      {"TextLayer",
       {CodedRow(kind, "221", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}}),
        CodedRow(kind, "2210201", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}})},
       {header_row},
       TextOrigin::kTextLayer,
       {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"221", "住房保障支出", "1.00", "1.00", "1.00"}})});
    for (const std::string& line : c.lines) {
      document.blocks.push_back(Text(line, 5));
      document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    }
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total", "basic", "project"});
    table.pages = {5};
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    const std::vector<std::string> read = FiguresOfRowsFromText(tables[0]);
    EXPECT_EQ(read, c.read) << c.name;
  }
}

// H21 s3w_0325_budget on a scan: a continued table's header repeated at a page top read as one
// line with the row under it (`笠鼎编码 科目名称 合计 过般公共:预算拨款 其他收入2130101 行政运行
// 5,631.31 5,631.31`): the row's code after the header words was no code of the line's, and
// 2130101's figures were only named by its parent's sum. Header words (two at least) before the
// first class code are taken off; the row is read. One header word alone, or a text layer: as
// before. Header words that print amounts among them hold a row of their own, printed over by
// the header (H29 s3w_0461_budget: 项9汰科攻运行 合计 92.13 一般公共预算拨款 92.13 其他收入2200504
// …): taken off, its amounts were lost in silence; kept, a finding names them.
TEST(RowTextTest, HeaderRepeatedOverACodedRowReadAsOneLine) {
  const std::string kind = "budget.income";
  struct Case {
    const char* name;
    std::string line;
    TextOrigin origin;
    std::vector<std::string> read;  // "row_code/column=fen" read into the table
    std::string named = "";         // an amount a finding quotes
  };
  const Case cases[] = {
      {"HeaderWords",
       "笠鼎编码 科目名称 合计 过般公共:预算拨款 其他收入2130101 行政运行 5,631.31 5,631.31",
       TextOrigin::kOcr,
       {"2130101/total=563131", "2130101/general_budget=563131"}},
      {"OneHeaderWord",
       "笠鼎编码 过般公共:预算拨款 其他收入2130101 行政运行 5,631.31 5,631.31",
       TextOrigin::kOcr,
       {}},
      {"TextLayer",
       "笠鼎编码 科目名称 合计 过般公共:预算拨款 其他收入2130101 行政运行 5,631.31 5,631.31",
       TextOrigin::kTextLayer,
       {}},
      {"HeaderOverARowOfItsOwn",
       "项9汰科攻运行 合计 92.13 一般公共预算拨款 92.13 其他收入2130101 行政运行 5,631.31 5,631.31",
       TextOrigin::kOcr,
       {"2130101/total=563131", "2130101/general_budget=563131"},
       "92.13"},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"213", "农林水支出", "1.00", "1.00", ""}})});
    document.blocks.push_back(Text(c.line, 5));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total", "general_budget", "other"});
    table.pages = {5};
    table.rows = {CodedRow(kind, "213", {{"total", 1400844}, {"general_budget", 1400844}}),
                  CodedRow(kind, "21301", {{"total", 1400844}, {"general_budget", 1400844}}),
                  CodedRow(kind, "2130104", {{"total", 837713}, {"general_budget", 837713}})};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    const std::vector<std::string> read = FiguresOfRowsFromText(tables[0]);
    std::string messages;
    for (const Finding& finding : findings)
      messages += finding.check + ": " + finding.message + "\n";
    EXPECT_EQ(read, c.read) << c.name << "\n" << messages;
    if (!c.named.empty()) {
      EXPECT_NE(messages.find(c.named), std::string::npos) << messages;
    }
  }
}

// C s3w_0092_final on a scan: a 项 row left out of the grid printing two amounts of three
// (`2210203 购房补贴 39,193.40 39,193.40`, 项目支出 blank) was named only: which cell is blank
// its line does not say. Its parent (22102) and sibling (2210201) read, each column's remainder
// says it: 合计 and 基本支出 hold 39,193.40 each, 项目支出 nothing; read into those. A remainder
// that differs, a parent not read, or a third column left over: named as before.
TEST(RowTextTest, RowPrintingFewerAmountsFillsItsParentsRemainders) {
  const std::string kind = "final.general_budget_expenditure";
  const CanonicalRow parent =
      CodedRow(kind, "22102", {{"total", 13315053}, {"basic", 4725898}, {"project", 8589155}});
  const CanonicalRow sibling =
      CodedRow(kind, "2210201", {{"total", 9395713}, {"basic", 806558}, {"project", 8589155}});
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    std::string line;
    std::vector<std::string> read;
  };
  const Case cases[] = {
      {"TotalAndBasic",
       {parent, sibling},
       "2210203 购房补贴 39,193.40 39,193.40",
       {"2210203/total=3919340", "2210203/basic=3919340"}},
      // A scan's 7 read 了 in its amounts (H17 s3w_0269: 了7.31 了.31): the reading equal to
      // its column's remainder.
      {"LookalikeSettledByTheRemainders",
       {CodedRow(kind, "22102", {{"total", 17315053}, {"basic", 8725898}, {"project", 8589155}}),
        sibling},
       "2210203 购房补贴 了9,193.40 了9,193.40",
       {"2210203/total=7919340", "2210203/basic=7919340"}},
      {"RemainderDiffers", {parent, sibling}, "2210203 购房补贴 39,193.40 39,193.41", {}},
      {"ParentNotRead", {sibling}, "2210203 购房补贴 39,193.40 39,193.40", {}},
      {"ThirdColumnLeft",
       {parent, CodedRow(kind, "2210201", {{"total", 9395713}, {"basic", 806558}})},
       "2210203 购房补贴 39,193.40 39,193.40",
       {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"221", "住房保障支出", "1.00", "1.00", "1.00"}})});
    document.blocks.push_back(Text(c.line, 5));
    document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total", "basic", "project"});
    table.pages = {5};
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(FiguresOfRowsFromText(tables[0]), c.read) << c.name;
  }
}

// B s3w_0054_final on a scan: a row left out of the grid printing its code in three pieces, the
// 款 piece read with a stroke taken for a letter (`201 01L 02 一般行政管理事务 9，586.84
// 9,586.84`): the pieces stopped at 01L, the row keyed 201 (read already) and was named only. Two
// digits and a letter are the two digits, as in a scan's grid cell (OcrCodePiece): read as
// 2010102. A letter before the digits, or a comma after them, ends the pieces as before.
TEST(RowTextTest, CodePieceWithAStrokeReadAsALetter) {
  const std::string kind = "final.income";
  struct Case {
    const char* name;
    std::string line;
    std::vector<std::string> read;
  };
  const Case cases[] = {
      {"StrokeAfterTheDigits",
       "201 01L 02 一般行政管理事务 9，586.84 9,586.84",
       {"2010102/total=958684", "2010102/fiscal_appropriation=958684"}},
      {"LetterBeforeTheDigits", "201 L01 02 一般行政管理事务 9,586.84 9,586.84", {}},
      {"CommaAfterTheDigits", "201 01, 02 一般行政管理事务 9,586.84 9,586.84", {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"201", "一般公共服务支出", "1.00", "1.00"}})});
    document.blocks.push_back(Text(c.line, 5));
    document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total", "fiscal_appropriation"});
    table.pages = {5};
    table.rows = {CodedRow(kind, "201", {{"total", 2258873}, {"fiscal_appropriation", 2258873}}),
                  CodedRow(kind, "20101", {{"total", 1257729}, {"fiscal_appropriation", 1257729}}),
                  CodedRow(kind, "2010101", {{"total", 299045}, {"fiscal_appropriation", 299045}})};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(FiguresOfRowsFromText(tables[0]), c.read) << c.name;
  }
}

// C s3w_0081_budget on a scan: the basic-expenditure table's 302 rows read as lines after its
// grid, each amount printed before its code (`424.24` over `302 商品和服务支出`, `95.50 30201
// 办公费`, …, `59.03` over `30217 公务接待费`): read as usual, no code took an amount and 10
// figures were only named. The run opens with an amount and closes with a code, and paired each
// code with the amounts before it, 302 is the sum of its children: read so. Sums that fail that
// way, a run closing with an amount, or too few codes: as before (named).
TEST(RowTextTest, RowsPrintingTheirAmountsBeforeTheirCodes) {
  const std::string kind = "budget.general_budget_basic_expenditure";
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    std::vector<std::string> read;
  };
  const std::vector<std::string> before = {
      "424.24", "302 商品和服务支出", "95.50 30201 办公费", "6.72 30205 水费", "52.06 30211 差旅费",
      "269.96", "30217 公务接待费"};
  std::vector<std::string> sums_fail = before;
  sums_fail[0] = "424.25";
  std::vector<std::string> closing_amount = before;
  closing_amount.back() = "30217 公务接待费 1.00";
  const Case cases[] = {
      {"AmountsBeforeCodes",
       before,
       {"302/public=42424", "30201/public=9550", "30205/public=672", "30211/public=5206",
        "30217/public=26996"}},
      {"SumsFail", sums_fail, {}},
      // The last amount after its code: the usual reading (30217's 1.00) and no other.
      {"ClosingWithAnAmount", closing_amount, {"30217/public=100"}},
      {"TooFewCodes", {"424.24", "302 商品和服务支出", "424.24 30201 办公费"}, {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"301", "工资福利支出", "1.00", ""}})});
    for (const std::string& line : c.lines) {
      document.blocks.push_back(Text(line, 5));
      document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    }
    CanonicalTable table = TableOnPage2(kind, 0, {"", "personnel", "public"});
    table.pages = {5};
    table.rows = {CodedRow(kind, "301", {{"personnel", 100}})};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(FiguresOfRowsFromText(tables[0]), c.read) << c.name;
  }
}

// H10 s3w_0152_budget on a scan: the basic-expenditure table's grid ends at 30205 and the rest of
// its rows read as lines, each amount before its code, and its 合计 line prints its amounts
// before the word (456.96 304.04合计). No parent stands in the run: the grid's 302 is the sum of
// its children in the grid and in the run, and the 合计 of the grid's 301 and 302, only with the
// amounts paired each with the code after it. A sum that fails leaves every line named.
TEST(RowTextTest, RowsPrintingTheirAmountsBeforeTheirCodesSummedWithTheGrid) {
  const std::string kind = "budget.general_budget_basic_expenditure";
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    std::vector<std::string> read;
  };
  const std::vector<std::string> lines = {"76.16 30206 电费", "134.58", "30217 公务接待费",
                                          "66.13 30228 工会经费", "456.96 304.04合计"};
  std::vector<std::string> sums_fail = lines;
  sums_fail[3] = "66.14 30228 工会经费";
  const std::vector<std::string> without_total(lines.begin(), lines.end() - 1);
  const Case cases[] = {
      {"WithTheTotal",
       lines,
       {"301/personnel=45696", "302/public=30404", "30201/public=10", "30205/public=2707",
        "30206/public=7616", "30217/public=13458", "30228/public=6613", "total/personnel=45696",
        "total/public=30404"}},
      {"WithoutTheTotal",
       without_total,
       {"301/personnel=45696", "302/public=30404", "30201/public=10", "30205/public=2707",
        "30206/public=7616", "30217/public=13458", "30228/public=6613"}},
      {"SumsFail",
       sums_fail,
       {"301/personnel=45696", "302/public=30404", "30201/public=10", "30205/public=2707"}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"301", "工资福利支出", "456.96", ""}})});
    for (const std::string& line : c.lines) {
      document.blocks.push_back(Text(line, 5));
      document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    }
    CanonicalTable table = TableOnPage2(kind, 0, {"", "personnel", "public"});
    table.pages = {5};
    table.rows = {
        CodedRow(kind, "301", {{"personnel", 45696}}), CodedRow(kind, "302", {{"public", 30404}}),
        CodedRow(kind, "30201", {{"public", 10}}), CodedRow(kind, "30205", {{"public", 2707}})};
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> all;
    for (const CanonicalRow& row : tables[0].rows) {
      for (const Figure& figure : row.values) {
        all.push_back(row.row_code + "/" + figure.column + "=" + std::to_string(figure.amount_fen));
      }
    }
    EXPECT_EQ(all, c.read) << c.name;
  }
}

// H10 s3w_0159_final on a scan: a row left between two parts of its grid as a line whose amounts
// read as none (`26,688,566.` cut before its decimals, `26,688.566.` a comma read as a point). No
// row reads from it; a table.row_as_text warning names its code under the table's kind, with
// the pieces that parse. A line without a code, or a text layer's line, is left as before.
TEST(RowTextTest, CodedLineWhoseAmountsReadAsNoneIsNamed) {
  const std::string kind = "final.income";
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    std::vector<std::int64_t> named;  // fen of the figures the warning names under code 208
  };
  const Case cases[] = {
      {"Named", "208 社会保障和 26,688,566. 26,688.566.", TextOrigin::kOcr, {2668856600, 0}},
      {"NoCode", "社会保障和 26,688,566. 26,688.566.", TextOrigin::kOcr, {}},
      {"TextLayer", "208 社会保障和 26,688,566. 26,688.566.", TextOrigin::kTextLayer, {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"206", "科学技术支出", "9,937,021.25", ""}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables = {
        TableOnPage2(kind, 0, {"", "total", "fiscal_appropriation"})};
    tables[0].rows = {CodedRow(kind, "206", {{"total", 993702125}})};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::int64_t> named;
    for (const Finding& finding : findings) {
      if (finding.check != "table.row_as_text") continue;
      for (const FigureRef& figure : finding.figures) {
        if (figure.table_kind == kind && figure.row_code == "208")
          named.push_back(figure.amount_fen);
      }
    }
    EXPECT_EQ(named, c.named) << c.name;
  }
}

// C s3w_0080_final on a scan: the row under a continued table's header printed over it read in
// the grid with no code and a garbled name (科因编码和明和竹管理事务 | 7,454,500.00), exported
// under an empty code while the 项 row under it was an orphan. It takes the code of the one
// parent the table lacks whose children's totals sum to its total, and says so
// (row.code_by_sums); several parents fitting, no sum, or a text layer's row: as printed.
TEST(RowTextTest, UncodedGridRowKeyedByItsOrphansSums) {
  const std::string kind = "final.general_budget_expenditure";
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    std::vector<std::string> codes;
  };
  const Case cases[] = {
      {"OneParentFits",
       {CodedRow(kind, "212", {{"total", 745450000}}), CodedRow(kind, "", {{"total", 745450000}}),
        CodedRow(kind, "2120101", {{"total", 745450000}})},
       {"212", "21201", "2120101"}},
      {"TwoParentsFit",
       {CodedRow(kind, "212", {{"total", 745450000}}), CodedRow(kind, "", {{"total", 745450000}}),
        CodedRow(kind, "2120101", {{"total", 745450000}}),
        CodedRow(kind, "2130101", {{"total", 745450000}})},
       {"212", "", "2120101", "2130101"}},
      {"NoSum",
       {CodedRow(kind, "212", {{"total", 745450000}}), CodedRow(kind, "", {{"total", 745450000}}),
        CodedRow(kind, "2120101", {{"total", 745450001}})},
       {"212", "", "2120101"}},
      {"TextLayer",
       {CodedRow(kind, "212", {{"total", 745450000}}),
        CodedRow(kind, "", {{"total", 745450000}}, TextOrigin::kTextLayer),
        CodedRow(kind, "2120101", {{"total", 745450000}})},
       {"212", "", "2120101"}},
  };
  for (const Case& c : cases) {
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total"});
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    KeyUncodedRowsByOrphanSums(tables, findings);
    std::vector<std::string> codes;
    for (const CanonicalRow& row : tables[0].rows) codes.push_back(row.row_code);
    EXPECT_EQ(codes, c.codes) << c.name;
    const bool keyed = std::string(c.name) == "OneParentFits";
    EXPECT_EQ(findings.size(), keyed ? 1u : 0u) << c.name;
    if (keyed && !findings.empty()) {
      EXPECT_EQ(findings[0].check, "row.code_by_sums");
      EXPECT_EQ(tables[0].rows[1].values[0].row_code, "21201");
    }
  }
}

// H25 s3w_0394_final on a scan: the 支出决算表's 合计 read 公. 叫, a row keyed nothing above the
// classes; the table had no total row (row.total_missing) and its totals went under a garbled
// name. A row above or below the classes that prints in every column the sum of the top-level
// rows is the total (row.total_by_sums). Between the classes, with another sum, beside a total
// already keyed, two rows fitting, or a text layer's row: as printed.
TEST(RowTextTest, UncodedGridRowKeyedTotalByTheTopLevelSums) {
  const std::string kind = "final.expenditure";
  const auto classes = [&kind](CanonicalRow first) {
    return std::vector<CanonicalRow>{std::move(first),
                                     CodedRow(kind, "205", {{"total", 7000}, {"basic", 4000}}),
                                     CodedRow(kind, "20508", {{"total", 7000}, {"basic", 4000}}),
                                     CodedRow(kind, "210", {{"total", 3000}, {"basic", 2000}})};
  };
  const CanonicalRow garbled = CodedRow(kind, "", {{"total", 10000}, {"basic", 6000}});
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    std::vector<std::string> codes;
  };
  std::vector<CanonicalRow> below = classes(CodedRow(kind, "201", {{"total", 0}}));
  below.erase(below.begin());
  below.push_back(garbled);
  std::vector<CanonicalRow> between = classes(CodedRow(kind, "205", {{"total", 7000}}));
  between.erase(between.begin());
  between.insert(between.begin() + 2, garbled);
  std::vector<CanonicalRow> keyed = classes(CodedRow(kind, "total", {{"total", 10000}}));
  keyed.push_back(garbled);
  std::vector<CanonicalRow> two = classes(garbled);
  two.push_back(garbled);
  const Case cases[] = {
      {"AboveTheClasses", classes(garbled), {"total", "205", "20508", "210"}},
      // A 项 whose 款 is absent is no top-level row while its 类 is printed.
      {"AnOrphanUnderItsClass",
       [&] {
         std::vector<CanonicalRow> rows = classes(garbled);
         rows.push_back(CodedRow(kind, "2100101", {{"total", 3000}, {"basic", 2000}}));
         return rows;
       }(),
       {"total", "205", "20508", "210", "2100101"}},
      {"BelowTheClasses", below, {"205", "20508", "210", "total"}},
      {"BetweenTheClasses", between, {"205", "20508", "", "210"}},
      {"AnotherSum",
       classes(CodedRow(kind, "", {{"total", 10000}, {"basic", 6001}})),
       {"", "205", "20508", "210"}},
      {"ATotalKeyedAlready", keyed, {"total", "205", "20508", "210", ""}},
      {"TwoRowsFit", two, {"", "205", "20508", "210", ""}},
      {"TextLayer",
       classes(CodedRow(kind, "", {{"total", 10000}, {"basic", 6000}}, TextOrigin::kTextLayer)),
       {"", "205", "20508", "210"}},
  };
  for (const Case& c : cases) {
    CanonicalTable table = TableOnPage2(kind, 0, {"", "total", "basic"});
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    KeyUncodedTotalsBySums(tables, findings);
    std::vector<std::string> codes;
    for (const CanonicalRow& row : tables[0].rows) codes.push_back(row.row_code);
    EXPECT_EQ(codes, c.codes) << c.name;
    const std::string name = c.name;
    const bool fixed =
        name == "AboveTheClasses" || name == "BelowTheClasses" || name == "AnOrphanUnderItsClass";
    ASSERT_EQ(findings.size(), fixed ? 1u : 0u) << c.name;
    if (fixed) {
      EXPECT_EQ(findings[0].check, "row.total_by_sums");
      EXPECT_EQ(findings[0].figures.size(), 2u);
    }
  }
}

// H29 s3w_0460_budget on a scan: the 三公 table's 合计 read 全, a row keyed nothing above the
// items. It prints the sum of the items (overseas + vehicles + reception; the vehicles' two
// items where no subtotal is printed): three_public.total. Another sum, or one item only, or a
// text layer's row: as printed.
TEST(RowTextTest, UncodedThreePublicRowKeyedTotalByTheItemsSums) {
  const std::string kind = "budget.three_public";
  const auto items = [&kind](CanonicalRow first, bool subtotal) {
    std::vector<CanonicalRow> rows = {std::move(first),
                                      CodedRow(kind, "three_public.overseas", {{"budget", 0}})};
    if (subtotal) rows.push_back(CodedRow(kind, "three_public.vehicle_total", {{"budget", 6983}}));
    rows.push_back(CodedRow(kind, "three_public.vehicle_purchase", {{"budget", 0}}));
    rows.push_back(CodedRow(kind, "three_public.vehicle_operation", {{"budget", 6983}}));
    rows.push_back(CodedRow(kind, "three_public.reception", {{"budget", 1046}}));
    return rows;
  };
  const CanonicalRow garbled = CodedRow(kind, "", {{"budget", 8029}});
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    bool keyed;
  };
  const Case cases[] = {
      {"WithTheVehicleSubtotal", items(garbled, true), true},
      {"WithoutIt", items(garbled, false), true},
      {"AnotherSum", items(CodedRow(kind, "", {{"budget", 8030}}), true), false},
      {"TextLayer", items(CodedRow(kind, "", {{"budget", 8029}}, TextOrigin::kTextLayer), true),
       false},
  };
  for (const Case& c : cases) {
    CanonicalTable table = TableOnPage2(kind, 0, {"", "budget"});
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    KeyUncodedTotalsBySums(tables, findings);
    EXPECT_EQ(tables[0].rows[0].row_code, c.keyed ? "three_public.total" : "") << c.name;
    ASSERT_EQ(findings.size(), c.keyed ? 1u : 0u) << c.name;
    if (c.keyed) {
      EXPECT_EQ(findings[0].check, "row.total_by_sums");
    }
  }
}

// H20 s3w_0305_budget on a scan: 2080505 read 3080505 under 20805 (its 2 read 3): an orphan
// whose 款 30805 is absent, its figures lost from 2080505. It takes the code under the parent it
// is printed under when that is one digit away and the parent prints the sum of its rows with it
// (ocr.code_by_sums); two digits away, a sum that holds without it or not with it, a code the
// table already has, or a text layer's row: as printed.
TEST(RowTextTest, MisreadCodeKeyedUnderItsParentBySums) {
  const std::string kind = "budget.general_budget_expenditure";
  auto rows_with = [&](const std::string& code, std::int64_t parent_total, TextOrigin origin) {
    return std::vector<CanonicalRow>{CodedRow(kind, "20805", {{"total", parent_total}}),
                                     CodedRow(kind, "2080501", {{"total", 124903302}}),
                                     CodedRow(kind, code, {{"total", 104184496}}, origin),
                                     CodedRow(kind, "2080506", {{"total", 117041337}})};
  };
  struct Case {
    const char* name;
    std::vector<CanonicalRow> rows;
    std::string code;  // of the third row after the stage
  };
  const Case cases[] = {
      {"OneDigitAway", rows_with("3080505", 346129135, TextOrigin::kOcr), "2080505"},
      {"TwoDigitsAway", rows_with("3180505", 346129135, TextOrigin::kOcr), "3180505"},
      {"SumDoesNotHold", rows_with("3080505", 346129136, TextOrigin::kOcr), "3080505"},
      {"SumHoldsWithout", rows_with("3080505", 241944639, TextOrigin::kOcr), "3080505"},
      {"CodeTaken", rows_with("3080501", 346129135, TextOrigin::kOcr), "3080501"},
      {"TextLayer", rows_with("3080505", 346129135, TextOrigin::kTextLayer), "3080505"},
  };
  for (const Case& c : cases) {
    CanonicalTable table = TableOnPage2(kind, 0, {"", "", "total"});
    table.rows = c.rows;
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    RekeyMisreadCodesByParentSums(tables, findings);
    EXPECT_EQ(tables[0].rows[2].row_code, c.code) << c.name;
    EXPECT_EQ(tables[0].rows[2].values[0].row_code, c.code) << c.name;
    const bool keyed = c.code == "2080505";
    ASSERT_EQ(findings.size(), keyed ? 1u : 0u) << c.name;
    if (keyed) {
      EXPECT_EQ(findings[0].check, "ocr.code_by_sums");
    }
  }
}

// s3w_0074_final and s3w_0054_final on a scan: the 三公 table read as lines, each row's label
// and amount one line in either order, or two lines apart (0.00 over 因公出国〈境)费); a unit line
// read 单位 with its 元 lost (0074); an amount with its point read as a comma (46,917,71, 0054).
// Each item takes the amount of its own line, or of the lone amount's line next to it; a unit
// lost is the one the document's other tables declare; an amount whose point was read as a comma
// is read with the point when the sums hold. No unit anywhere, or sums that do not hold: no table.
TEST(RowTextTest, UngriddedOcrThreePublicRowsOnTheirLines) {
  const std::vector<std::string> mixed = {"单位",
                                          "决算数",
                                          "项目",
                                          "47,039.31合计",
                                          "0.00",
                                          "因公出国〈境)费",
                                          "公务用车购置及运行维护费 27,328.75",
                                          "0.00",
                                          "其中:公务用车购置费",
                                          "公务用车运行维护费 27,328.75",
                                          "19,710.56公务接待费"};
  const std::vector<std::string> comma = {"金额单位: 元",
                                          "决算数",
                                          "73,753.95合计",
                                          "8,019.97因公出国境)费",
                                          "46,917.71公务用车购置及运行维护费",
                                          "0.00",
                                          "其中:公务用车购置费",
                                          "46,917,71公务用车运行维护费",
                                          "18,816.27公务接待费"};
  std::vector<std::string> comma_wrong = comma;
  comma_wrong[7] = "46,971,71公务用车运行维护费";
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    UnitOfAmount other_tables;  // the unit another table of the document declares
    std::vector<std::pair<std::string, std::int64_t>> figures;  // row code, fen
    std::vector<std::string> checks;                            // the findings
  };
  const Case cases[] = {
      {"RowsOnTheirLinesUnitFromTheDocument",
       mixed,
       UnitOfAmount::kYuan,
       {{"three_public.total", 4703931},
        {"three_public.overseas", 0},
        {"three_public.vehicle_total", 2732875},
        {"three_public.vehicle_purchase", 0},
        {"three_public.vehicle_operation", 2732875},
        {"three_public.reception", 1971056}},
       {"unit.document_default", "table.row_from_text"}},
      {"NoUnitAnywhere", mixed, UnitOfAmount::kUnknown, {}, {}},
      {"PointReadAsAComma",
       comma,
       UnitOfAmount::kUnknown,
       {{"three_public.total", 7375395},
        {"three_public.overseas", 801997},
        {"three_public.vehicle_total", 4691771},
        {"three_public.vehicle_purchase", 0},
        {"three_public.vehicle_operation", 4691771},
        {"three_public.reception", 1881627}},
       {"table.row_from_text"}},
      {"PointReadAsACommaSumsFail", comma_wrong, UnitOfAmount::kUnknown, {}, {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Text("六、一般公共预算财政拨款“三公”经费支出决算表", 4));
    for (const std::string& line : c.lines) document.blocks.push_back(Text(line, 4));
    document.blocks.push_back(Text("第三部分名词解释", 4));
    for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = TextOrigin::kOcr;
    std::vector<CanonicalTable> tables;
    if (c.other_tables != UnitOfAmount::kUnknown) {
      CanonicalTable other;
      other.kind = "final.income";
      other.unit = c.other_tables;
      other.unit_source = UnitSource::kDeclared;
      tables.push_back(other);
    }
    const std::size_t before = tables.size();
    std::vector<Finding> findings;
    ReadUngriddedThreePublic(document, DocKind::kFinalAccounts, nullptr, tables, findings);
    std::vector<std::pair<std::string, std::int64_t>> read;
    for (std::size_t t = before; t < tables.size(); ++t) {
      EXPECT_EQ(tables[t].kind, "final.three_public") << c.name;
      for (const CanonicalRow& row : tables[t].rows) {
        for (const Figure& figure : row.values) {
          EXPECT_EQ(figure.column, "final") << c.name;
          read.emplace_back(figure.row_code, figure.amount_fen);
        }
      }
    }
    EXPECT_EQ(read, c.figures) << c.name;
    std::vector<std::string> checks;
    for (const Finding& finding : findings) checks.push_back(finding.check);
    EXPECT_EQ(checks, c.checks) << c.name;
  }
}

}  // namespace disclose

namespace disclose {
namespace {

// s3w_0063_final on a scan: the fiscal summary's title read, its rows read as lines of text
// (each row's cells wrapped over two lines) and no grid: the table was lost with no finding that
// named its figures. table.read_as_text quotes every amount the lines print and refers to each
// under the title's kind. A table of that kind read with figures, a grid under the title or a
// text layer's lines say nothing.
TEST(RowTextTest, OcrTableReadAsLinesOfTextIsNamed) {
  const std::vector<std::string> lines = {"四、财政拨款收入支出决算总表",
                                          "金额单位:万元",
                                          "收入 支出",
                                          "项目 金额项目(按功能分 合计“一般公共预算财",
                                          "一、一般公共预算 498，一、教育支出 100. 100.62",
                                          "城乡社区支出 101， 101.14",
                                          "本年收入合计 498.，本年支出合计 498， 498.63",
                                          "注: 本表金额单位转换时可能存在尾数误差。",
                                          "五、一般公共预算财政拨款支出决算表"};
  struct Case {
    const char* name;
    TextOrigin origin;
    bool read_elsewhere;            // a fiscal summary read with figures from a grid
    bool grid_under;                // a grid right under the title
    std::vector<std::int64_t> fen;  // the amounts the finding refers to; none: no finding
  };
  const Case cases[] = {
      {"Ocr", TextOrigin::kOcr, false, false, {100620000, 101140000, 498630000}},
      {"ReadElsewhere", TextOrigin::kOcr, true, false, {}},
      {"GridUnderTheTitle", TextOrigin::kOcr, false, true, {}},
      {"TextLayer", TextOrigin::kTextLayer, false, false, {}},
  };
  for (const Case& c : cases) {
    Document document;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      document.blocks.push_back(Text(lines[i], 3));
      if (i == 0 && c.grid_under) document.blocks.push_back(Block{Grid({{"项目", "金额"}})});
    }
    for (Block& block : document.blocks) {
      if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.origin = c.origin;
    }
    std::vector<CanonicalTable> tables;
    if (c.read_elsewhere) {
      CanonicalTable table = TableOnPage2("final.fiscal_appropriation_summary", 0, {"", "amount"});
      CanonicalRow row;
      row.values.push_back(Figure{});
      table.rows.push_back(row);
      tables.push_back(table);
    }
    std::vector<Finding> findings;
    ReportTablesReadAsText(document, DocKind::kFinalAccounts, tables, findings);
    std::vector<std::int64_t> fen;
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, "table.read_as_text") << c.name;
      EXPECT_NE(finding.message.find("100.62 101.14 498.63"), std::string::npos) << c.name;
      for (const FigureRef& figure : finding.figures) {
        EXPECT_EQ(figure.table_kind, "final.fiscal_appropriation_summary") << c.name;
        fen.push_back(figure.amount_fen);
      }
    }
    EXPECT_EQ(fen, c.fen) << c.name;
  }
}

// s3w_0079_budget on a scan: the fiscal summary read as lines, each total row's amounts wrapped
// in their narrow cells (本年收入合计 875,287. … over a line 63 63 3), one point read as a comma
// (875,287，). The finding quoted the cut heads (875,287.00) and named none of the printed
// figures; the amounts are quoted whole, the line of rests taken with its row. A next line that
// does not complete the heads is a line of its own (its bare numbers no money).
TEST(RowTextTest, OcrTableReadAsLinesQuotesWrappedAmountsWhole) {
  struct Case {
    const char* name;
    const char* rests;
    std::vector<std::int64_t> fen;
  };
  const Case cases[] = {
      {"RestsCompleteTheHeads", "63 63 3", {87528763, 87528763, 87528763}},
      {"RestsDoNotFit", "63 63", {87528700, 87528700, 87528760}},
  };
  for (const Case& c : cases) {
    Document document;
    for (const std::string& line :
         {std::string("四、2021年财政拨款收支预算总表"), std::string("单位:元"),
          std::string("本年收入合计 875,287. 本年支出合计 875,287， 875,287.6"),
          std::string(c.rests), std::string("第三部分名词解释")}) {
      document.blocks.push_back(Text(line, 4));
    }
    for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = TextOrigin::kOcr;
    std::vector<Finding> findings;
    ReportTablesReadAsText(document, DocKind::kBudget, {}, findings);
    std::vector<std::int64_t> fen;
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, "table.read_as_text") << c.name;
      for (const FigureRef& figure : finding.figures) fen.push_back(figure.amount_fen);
    }
    EXPECT_EQ(fen, c.fen) << c.name;
  }
}

// A scan prints digit lookalikes in an amount of a row read as a line of text: noise (了71.77 for
// 71.77, s3w_0089_budget; 7了714.28 for 714.28, s3w_0071_final), a 7 (了1.82 for 71.82,
// s3w_0078_final) or a 1 (1I0,516.71 for 10,516.71, s3w_0091_budget; I41,310.80 for 141,310.80
// and I11,650.14 for 111,650.14, s3w_0082_final), or noise after it (97.01L). Between amounts they
// split the row at the lookalike, so the row was named and never read; before the first they were
// read as noise, so the row was read with an amount short of its leading digit. The row is read
// when exactly one reading of those amounts makes its total the sum of its parts, each such
// amount with an ocr.repaired finding; otherwise (no reading holds, two hold, the text layer, no
// total column) it is split as before and only named.
TEST(RowTextTest, OcrRowWithLookalikeHeadsSettledByItsTotal) {
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    std::vector<std::string> column_keys;
    std::string row;                   // "code=fen,fen,…" of the row read, "" when none
    std::vector<std::string> repairs;  // ocr.repaired: "column=printed->fen"
  };
  const std::vector<std::string> spend = {"", "total", "basic", "project"};
  const Case cases[] = {
      {"NoiseBeforeAnAmount",
       "213 01 农业农村 150.52 了71.77 78.75",
       TextOrigin::kOcr,
       spend,
       "21301=15052,7177,7875",
       {"basic=了71.77->7177"}},
      {"SevenReadAsLe",
       "208 05 05 机关事业单位基本 114.89 43.07 了1.82",
       TextOrigin::kOcr,
       spend,
       "2080505=11489,4307,7182",
       {"project=了1.82->7182"}},
      {"DigitAndNoiseBeforeAnAmount",
       "201 03 50 事业运行 1,021.66 7了714.28 307.38",
       TextOrigin::kOcr,
       spend,
       "2010350=102166,71428,30738",
       {"basic=7了714.28->71428"}},
      {"OneAmongDigits",
       "210 13 01 行政运行 10,516.71 1I0,516.71",
       TextOrigin::kOcr,
       {"", "total", "general_budget"},
       "2101301=1051671,1051671",
       {"general_budget=1I0,516.71->1051671"}},
      {"FirstAmountLeadingOne",
       "2200504 气象事业机构 I41,310.80 51,154.34 90,156.46",
       TextOrigin::kOcr,
       spend,
       "2200504=14131080,5115434,9015646",
       {"total=I41,310.80->14131080"}},
      {"IncomeRowOfOnePart",
       "221 住房保障支出 I11,650.14 111,650.14",
       TextOrigin::kOcr,
       {"", "total", "fiscal_appropriation"},
       "221=11165014,11165014",
       {"total=I11,650.14->11165014"}},
      // Several rows on one line: those that settle are read so, one that does not as printed.
      {"SeveralRowsOneUnsettled",
       "2200504 气象事业机构 I41,310.80 51,154.34 90,156.46 2210203 购房补贴 了1,650.14 53,369.41 "
       "58,280.73",
       TextOrigin::kOcr,
       spend,
       "2200504=14131080,5115434,9015646|2210203=165014,5336941,5828073",
       {"total=I41,310.80->14131080"}},
      // A mark that reads as no digit glued after an amount (97.01L, H15 s3w_0231_budget): only
      // ever dropped.
      {"NoiseAfterAnAmount",
       "206 科学技术支出 186.65 97.01L 89.64",
       TextOrigin::kOcr,
       spend,
       "206=18665,9701,8964",
       {"basic=97.01L->9701"}},
      // A serif 1 read T (H19 s3w_0302_budget: 1T1,188,323.19 for 11,188,323.19): dropped.
      {"SerifOneReadT",
       "221 住房保障支出 11,188,323.19 1T1,188,323.19",
       TextOrigin::kOcr,
       {"", "total", "general_budget"},
       "221=1118832319,1118832319",
       {"general_budget=1T1,188,323.19->1118832319"}},
      // A serif 1 read as a bracket (H22 s3w_0337_final: ],337.14 for 1,337.14): read as 1.
      {"SerifOneReadAsABracket",
       "201 一般公共服务支出 1,538.47 ],337.14 201.33",
       TextOrigin::kOcr,
       spend,
       "201=153847,133714,20133",
       {"basic=],337.14->133714"}},
      // A point read as a hyphen (H22 s3w_0340_final: 5,385-32 for 5,385.32).
      {"PointReadAsAHyphen",
       "2101301 行政运行 5,385-32 4,197.04 1,188.28",
       TextOrigin::kOcr,
       spend,
       "2101301=538532,419704,118828",
       {"total=5,385-32->538532"}},
      {"HyphenAndNoSum",
       "2101301 行政运行 5,386-32 4,197.04 1,188.28",
       TextOrigin::kOcr,
       spend,
       "",
       {}},
      // A lone glyph for an amount's front after the row's amounts (H53 s3w_0833_budget:
      // 4,933.48 read 小933.48, the row split at 小 and only named): each digit tried in its place.
      {"GlyphForALostFront",
       "208 08 01 死亡抚恤 11,921.83 6,988.35 小933.48",
       TextOrigin::kOcr,
       spend,
       "2080801=1192183,698835,493348",
       {"project=小933.48->493348"}},
      {"GlyphForALostFrontNoSum",
       "208 08 01 死亡抚恤 11,921.83 6,988.35 小933.88",
       TextOrigin::kOcr,
       spend,
       "",
       {}},
      {"NoReadingHolds", "213 01 农业农村 150.52 了71.77 79.75", TextOrigin::kOcr, spend, "", {}},
      {"TwoReadingsHold", "213 01 农业农村 72.00 了1.00 了1.00", TextOrigin::kOcr, spend, "", {}},
      {"TextLayer", "213 01 农业农村 150.52 了71.77 78.75", TextOrigin::kTextLayer, spend, "", {}},
      {"NoTotalColumn",
       "213 01 农业农村 150.52 了71.77 78.75",
       TextOrigin::kOcr,
       {"", "basic", "project", "other"},
       "",
       {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"2130101", "行政运行", "1.00", "1.00", ""}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables = {TableOnPage2("final.expenditure", 0, c.column_keys)};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::string row;
    for (const CanonicalRow& read : tables[0].rows) {
      if (!row.empty()) row += "|";
      row += read.row_code + "=";
      for (std::size_t i = 0; i < read.values.size(); ++i) {
        if (i > 0) row += ",";
        row += std::to_string(read.values[i].amount_fen);
      }
    }
    EXPECT_EQ(row, c.row) << c.name;
    std::vector<std::string> repairs;
    for (const Finding& finding : findings) {
      if (finding.check != "ocr.repaired") continue;
      ASSERT_EQ(finding.figures.size(), 1u) << c.name;
      repairs.push_back(finding.figures[0].column + "=" + finding.printed_text + "->" +
                        std::to_string(finding.figures[0].amount_fen));
    }
    EXPECT_EQ(repairs, c.repairs) << c.name;
    // Whatever is not read is named.
    if (c.row.empty()) {
      ASSERT_FALSE(findings.empty()) << c.name;
      EXPECT_EQ(findings.back().check, "table.row_as_text") << c.name;
    }
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// s3w_0049_final, s3w_0079_budget, s3w_0063_final on a scan: a fiscal summary under its title
// read as lines of text, no grid, each amount wrapped in its narrow cell (3,400. over 37; a point
// read as a comma, 498， over 63; 3,400.， read beside a comma) with the labels' ends on the line
// of rests (款 37 37). Each line is a row of each side, keyed by its labels; the amounts are
// joined with their rests; two amounts of the expenditure side on a line ending short of the
// header's last column are 合计 and 一般公共预算 (政府性基金 blank). The table is taken when its
// totals read the same on both sides; a line whose amounts do not key (cut, two labels on one
// side) is named, not read.
TEST(RowTextTest, OcrSummaryReadAsLinesOfText) {
  struct Line {
    std::string text;
    double right;  // the line's right edge; the header's is 528
  };
  const std::vector<Line> wrapped = {
      {"单位:万元", 96},
      {"收入 支出", 226},
      {"项目 金额 项目〈按功能分 合计 一般公共预算财政所。政府性基金预算财政氢", 528},
      {"类) 款 款", 447},
      {"一、一般公共预算财政拨 3,400. 一、卫生健康支出 3,400. 3,400.37", 427},
      {"款 37 37", 330},
      {"二、政府性基金预算财政", 151},
      {"拨款", 68},
      {"本年收入合计 3,400. 本年支出合计 3,400. 3,400.37", 427},
      {"37 37", 330},
      {"总计 3,400.， 总计 3,400， 3,400.37", 427},
      {"37 37", 330}};
  const std::vector<std::pair<std::string, std::string>> read = {
      {"income.general_budget_appropriation/amount", "3400370000"},
      {"expenditure.210/total", "3400370000"},
      {"expenditure.210/general_budget", "3400370000"},
      {"income.total_current_year/amount", "3400370000"},
      {"expenditure.total_current_year/total", "3400370000"},
      {"expenditure.total_current_year/general_budget", "3400370000"},
      {"income.grand_total/amount", "3400370000"},
      {"expenditure.grand_total/total", "3400370000"},
      {"expenditure.grand_total/general_budget", "3400370000"}};
  std::vector<Line> to_the_edge = wrapped;  // two amounts under three columns, ending at the edge
  to_the_edge[4].right = 526;
  std::vector<Line> own_sum = wrapped;  // 总计's 合计 is not its 一般公共预算: that line is named
  own_sum[11].text = "37 38";
  std::vector<Line> totals_apart = wrapped;  // 本年收入合计 is not 本年支出合计: nothing is read
  totals_apart[8].text = "本年收入合计 3,400. 本年支出合计 3,400.36 3,400.36";
  totals_apart[9].text = "37";
  std::vector<Line> cut = wrapped;  // 一般公共预算 income and 卫生健康 cut: 3,400.3 not joined
  cut[4].text = "一、一般公共预算财政拨 3,400.3 一、卫生健康支出 3,400.3 3,400.37";
  cut[5].text = "款";
  std::vector<Line> two_labels = wrapped;  // one amount under two labels: whose it is is unknown
  two_labels[6].text = "二、政府性基金预算财政 2 二、卫生健康支出 3,400.37";
  struct Case {
    const char* name;
    std::vector<Line> lines;
    std::vector<std::pair<std::string, std::string>> figures;  // row/column, fen
    std::vector<std::string> checks;
  };
  const Case cases[] = {
      {"WrappedAmountsJoined", wrapped, read, {"table.row_from_text"}},
      {"TwoAmountsToTheEdgeNamed",
       to_the_edge,
       {read[0], read[3], read[4], read[5], read[6], read[7], read[8]},
       {"table.row_from_text", "table.row_as_text"}},
      {"OwnSumFailsNamed",
       own_sum,
       {read[0], read[1], read[2], read[3], read[4], read[5], read[6]},
       {"table.row_from_text", "table.row_as_text"}},
      {"TotalsApart", totals_apart, {}, {}},
      {"CutAmountNamed",
       cut,
       {read[3], read[4], read[5], read[6], read[7], read[8]},
       {"table.row_from_text", "table.row_as_text"}},
      {"TwoLabelsNamed", two_labels, read, {"table.row_from_text", "table.row_as_text"}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Text("三、财政拨款收入支出决算总表", 2));
    for (const Line& line : c.lines) {
      document.blocks.push_back(Text(line.text, 2));
      document.blocks.back().AsParagraph()->provenance.box = Box{51, 400, line.right, 410};
    }
    document.blocks.push_back(Text("注: 本表金额单位转换时可能存在尾数误差。", 2));
    for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = TextOrigin::kOcr;
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedSummary(document, DocKind::kFinalAccounts, nullptr, tables, findings);
    std::vector<std::pair<std::string, std::string>> got;
    for (const CanonicalTable& table : tables) {
      EXPECT_EQ(table.kind, "final.fiscal_appropriation_summary") << c.name;
      for (const CanonicalRow& row : table.rows) {
        for (const Figure& figure : row.values) {
          got.emplace_back(row.row_code + "/" + figure.column, std::to_string(figure.amount_fen));
        }
      }
    }
    EXPECT_EQ(got, c.figures) << c.name;
    std::vector<std::string> checks;
    for (const Finding& finding : findings) checks.push_back(finding.check);
    EXPECT_EQ(checks, c.checks) << c.name;
  }
}

// s3w_0049_final on a scan: the same summary untitled (its title number-only, 公开03表): the side
// heads' line 收入 支出 over a header that splits the expenditure side by fund names a fiscal
// summary. Under a summary title, or with a header that does not split by fund, it names none.
TEST(RowTextTest, OcrUntitledFiscalSummaryByItsHeads) {
  const std::vector<std::string> body = {
      "一、一般公共预算财政拨 3,400. 一、卫生健康支出 3,400. 3,400.37",
      "款 37 37",
      "本年收入合计 3,400. 本年支出合计 3,400. 3,400.37",
      "37 37",
      "总计 3,400.， 总计 3,400， 3,400.37",
      "37 37"};
  const std::string by_fund =
      "项目 金额 项目〈按功能分 合计 一般公共预算财政所。政府性基金预算财政氢";
  struct Case {
    const char* name;
    std::vector<std::string> above;  // the lines above 收入 支出
    std::string header;
    DocKind doc_kind;
    std::string kind;  // the table read, "" for none
    std::size_t figures;
  };
  const Case cases[] = {
      {"NumberOnlyFinal",
       {"公开03表", "单位:万元"},
       by_fund,
       DocKind::kFinalAccounts,
       "final.fiscal_appropriation_summary",
       9},
      {"NumberOnlyBudget",
       {"公开03表", "单位:万元"},
       by_fund,
       DocKind::kBudget,
       "budget.fiscal_appropriation_summary",
       9},
      {"NoUnit", {"公开03表"}, by_fund, DocKind::kFinalAccounts, "", 0},
      {"HeaderNotByFund",
       {"公开03表", "单位:万元"},
       "项目 金额 项目 金额",
       DocKind::kFinalAccounts,
       "",
       0},
      {"UnknownDocument", {"公开03表", "单位:万元"}, by_fund, DocKind::kUnknown, "", 0},
  };
  for (const Case& c : cases) {
    Document document;
    for (const std::string& line : c.above) document.blocks.push_back(Text(line, 2));
    document.blocks.push_back(Text("收入 支出", 2));
    document.blocks.push_back(Text(c.header, 2));
    document.blocks.back().AsParagraph()->provenance.box = Box{51, 400, 528, 410};
    for (const std::string& line : body) {
      document.blocks.push_back(Text(line, 2));
      document.blocks.back().AsParagraph()->provenance.box = Box{51, 400, 427, 410};
    }
    for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = TextOrigin::kOcr;
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedSummary(document, c.doc_kind, nullptr, tables, findings);
    std::string kind;
    std::size_t figures = 0;
    for (const CanonicalTable& table : tables) {
      kind = table.kind;
      for (const CanonicalRow& row : table.rows) figures += row.values.size();
    }
    EXPECT_EQ(kind, c.kind) << c.name;
    EXPECT_EQ(figures, c.figures) << c.name;
  }
}

// H40 s3w_0629_budget on a scan: a fiscal summary read as lines, its first row's last amount with
// the point read as a full-width comma (12,130，07). Folded, the mark became a comma, 12,130,07
// was no amount and the row went unread (three figures). Two digits after the mark end the
// amount: they are its decimals. A full-width comma before three digits, or at a line's end, is
// no point.
TEST(RowTextTest, OcrSummaryLineWithAPointReadAsAFullWidthComma) {
  const struct {
    const char* read;
    const char* as;
  } marks[] = {
      {"12,130，07", "12,130.07"}, {"997,019，", "997,019，"},     {"1，234.00", "1，234.00"},
      {"二，07", "二，07"},        {"12,130，071", "12,130，071"},
  };
  for (const auto& m : marks) EXPECT_EQ(WithDecimalPointsRead(m.read), m.as) << m.read;

  Document document;
  for (const char* line :
       {"公开03表", "单位:万元", "收入 支出",
        "项目 预算数 支出功能分类 合计 一般公共预算 政府性基金预算",
        "一、一般公共预算拨款 12,130.07 一、社会保障和就业支出 12,130.07 12,130，07",
        "二、政府性基金预算拨款", "本年收入合计 12,130.07 本年支出合计 12,130.07 12,130.07",
        "收入总计 12,130.07 支出总计 12,130.07 12,130.07"}) {
    document.blocks.push_back(Text(line, 3));
    const bool header = std::string_view(line).find("合计 一般") != std::string_view::npos;
    document.blocks.back().AsParagraph()->provenance.box =
        Box{51, 400, header ? 528.0 : 427.0, 410};
    document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
  }
  std::vector<CanonicalTable> tables;
  std::vector<Finding> findings;
  ReadUngriddedSummary(document, DocKind::kBudget, nullptr, tables, findings);
  ASSERT_EQ(tables.size(), 1u);
  std::size_t figures = 0;
  for (const CanonicalRow& row : tables[0].rows) figures += row.values.size();
  EXPECT_EQ(figures, 9u);
}

// H10 s3w_0150_final's class on a scan: a summary printed with its number alone (公开01表), its
// rows read as lines, the next table's number and grid right after them. The number names the
// summary through the list the document prints, and the next number ends its lines (before, the
// grid after them made the lines look like the title's grid). Without a printed list: nothing.
TEST(RowTextTest, OcrSummaryLinesUnderANumberOnlyTitle) {
  for (const bool list : {true, false}) {
    Document document;
    for (const char* line :
         {"公开01表", "单位:万元", "收入 支出", "项目 金额 项目(按功能分类) 金额",
          "一、一般公共预算财政拨款收入 1,721.57 一、社会保障和就业支出 1,721.57",
          "本年收入合计 1,721.57 本年支出合计 1,721.57", "总计 1,721.57 总计 1,721.57", "公开02表",
          "单位:万元"}) {
      document.blocks.push_back(Text(line, 1));
      document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    }
    document.blocks.push_back(Block{Grid({{"208", "社会保障和就业支出", "1,721.57"}})});
    TableNumbering numbering;
    numbering.printed = true;
    numbering.titles = {{1, "部门收支决算总表"}, {2, "收入决算表"}, {3, "部门支出决算表"}};
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedSummary(document, DocKind::kFinalAccounts, list ? &numbering : nullptr, tables,
                         findings);
    std::vector<std::string> read;
    for (const CanonicalTable& table : tables) {
      EXPECT_EQ(table.kind, "final.income_expenditure_summary");
      for (const CanonicalRow& row : table.rows) {
        read.insert(read.end(), row.values.size(), row.row_code);
      }
    }
    const std::vector<std::string> listed = {
        "income.general_budget_appropriation", "expenditure.208",    "income.total_current_year",
        "expenditure.total_current_year",      "income.grand_total", "expenditure.grand_total"};
    EXPECT_EQ(read, list ? listed : std::vector<std::string>{}) << list;
  }
}

// A scanned page of lines, as OCR reads a summary with no grid: the lines `above` (number,
// title, unit, 收入 支出), the header line, then the body lines ending at `body_right`.
Document OcrSummaryLines(const std::vector<std::string>& above, const std::string& header,
                         const std::vector<std::string>& body, int page, double body_right) {
  Document document;
  for (const std::string& line : above) document.blocks.push_back(Text(line, page));
  document.blocks.push_back(Text(header, page));
  document.blocks.back().AsParagraph()->provenance.box = Box{51, 385, 522, 400};
  for (const std::string& line : body) {
    document.blocks.push_back(Text(line, page));
    document.blocks.back().AsParagraph()->provenance.box = Box{51, 454, body_right, 471};
  }
  for (Block& block : document.blocks) block.AsParagraph()->provenance.origin = TextOrigin::kOcr;
  return document;
}

// H8 s3w_0126's fiscal summary on a scan: every label cut at its column's edge, its end on the
// line of rests under it with the amounts' last digits, some of them 7 read 了. The lookalike
// rests complete their amounts, and the words complete the labels that name no row as read.
TEST(RowTextTest, OcrSummaryLinesWithLabelEndsAndLookalikeRests) {
  struct Case {
    const char* name;
    std::vector<std::string> body;
    std::vector<std::string> keys;  // the rows read, in order
  };
  const Case cases[] = {
      {"LabelEndsAndLookalikes",
       {"一、一般公 19,750,707.0卫生健康支 19,750,707.0 19,750,707.0", "共预算财政 7 出 了 了",
        "本年收入合 19,750,707.0 本年支出合 19,750,707.0 19,750,707.0", "计 7 计 7 7",
        "总计 19,750,707.0 总计 19,750,707.0 19,750,707.0", "7 了 7"},
       {"income.general_budget_appropriation", "expenditure.210", "income.total_current_year",
        "expenditure.total_current_year", "income.grand_total", "expenditure.grand_total"}},
      // A s3w_0079: one end on the rest line, for the expenditure label; the income label is
      // whole (and a quote mark before its amount).
      {"OneEndForTheCutLabel",
       {"一、一般公共预算拨款 “875,287. 自然资源海洋气象等支875,287. 875,287.6", "63 出 63 3",
        "本年收入合计 875,287.63 本年支出合计 875,287.63 875,287.63"},
       {"income.general_budget_appropriation", "expenditure.220", "income.total_current_year",
        "expenditure.total_current_year"}},
      // A lookalike inside a word is no rest: the 了 line's amounts stay cut, the line unread.
      {"LookalikeInAWord",
       {"本年收入合计 19,750,707.0 本年支出合计 19,750,707.0 19,750,707.0", "7 了解 7",
        "总计 19,750,707.07 总计 19,750,707.07 19,750,707.07"},
       {"income.grand_total", "expenditure.grand_total"}},
      // H35 s3w_0555: the income label read short (一般公 预算拨款, 共 lost) over a row of labels
      // alone; that row is no line of rests, so its label is no end of the label above (keyed
      // 政府性基金, the amount put on the row that printed none), and the short label is keyed by
      // the label it stands for.
      {"ShortLabelOverALabelRow",
       {"一、一般公 预算拨款 267.44 一、卫生健康支出 267.44 267.44", "二、政府性基金预算拨款",
        "本年收入合计 267.44 本年支出合计 267.44 267.44"},
       {"income.general_budget_appropriation", "expenditure.210", "income.total_current_year",
        "expenditure.total_current_year"}},
      // H50 s3w_0787_final: the amounts whole, no line of rests; the income label's end alone
      // on the line under it (一、一般公共 over 预算财政拨款) completes it. An end that starts a
      // row of its own (二、…) stays a row, as above.
      {"LabelEndAloneUnderWholeAmounts",
       {"一、一般公共 12,112.82 一、教育支出 12,112.82 12,112.82", "预算财政拨款",
        "本年收入合计 12,112.82 本年支出合计 12,112.82 12,112.82"},
       {"income.general_budget_appropriation", "expenditure.205", "income.total_current_year",
        "expenditure.total_current_year"}},
      // A line with a sentence mark (full-width, as OCR reads it) is no label's end either.
      {"MarkedLineUnderWholeAmountsIsNoEnd",
       {"一、一般公共 12,112.82 一、教育支出 12,112.82 12,112.82", "预算，拨款",
        "本年收入合计 12,112.82 本年支出合计 12,112.82 12,112.82"},
       {"expenditure.205", "income.total_current_year", "expenditure.total_current_year"}},
      {"OrdinalLineUnderWholeAmountsIsNoEnd",
       {"一、一般公共 12,112.82 一、教育支出 12,112.82 12,112.82", "二、预算财政拨款",
        "本年收入合计 12,112.82 本年支出合计 12,112.82 12,112.82"},
       {"expenditure.205", "income.total_current_year", "expenditure.total_current_year"}},
  };
  for (const Case& c : cases) {
    const Document document =
        OcrSummaryLines({"附表4", "单位:元", "收入 支出"},
                        "项目 金额 项目(按功 合计 一般公共预 政府性基金", c.body, 3, 451);
    std::vector<CanonicalTable> tables;
    std::vector<Finding> findings;
    ReadUngriddedSummary(document, DocKind::kFinalAccounts, nullptr, tables, findings);
    std::vector<std::string> keys;
    for (const CanonicalTable& table : tables) {
      for (const CanonicalRow& row : table.rows) keys.push_back(row.row_code);
    }
    EXPECT_EQ(keys, c.keys) << c.name;
  }
}

// s3w_0096_final on a scan: a summary's first rows read as lines above a grid identify left
// unclassified (kind other), no standard table near: the lines' amounts were named by nothing.
// An OCR'd line beside an unclassified table on its page is named (table.row_as_text, kind
// other, its amounts quoted); a text layer's line, or a table on another page, names nothing.
TEST(RowTextTest, OcrRowBesideUnclassifiedTableIsNamed) {
  struct Case {
    const char* name;
    TextOrigin origin;
    int table_page;
    UnitOfAmount unit;
    std::vector<std::int64_t> fen;  // the amounts referred to
    bool named;
  };
  const Case cases[] = {
      {"OcrUnitUnknown", TextOrigin::kOcr, 1, UnitOfAmount::kUnknown, {}, true},
      {"OcrInYuan", TextOrigin::kOcr, 1, UnitOfAmount::kYuan, {70592637, 27517894}, true},
      {"TextLayer", TextOrigin::kTextLayer, 1, UnitOfAmount::kYuan, {}, false},
      {"OtherPage", TextOrigin::kOcr, 2, UnitOfAmount::kYuan, {}, false},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Text("一、一般公共 1 705,926.37 一、一般公共 “8 275,178.94", 1));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    document.blocks.push_back(Block{Grid({{"本年收入合计", "6", "705,926.37"}})});
    document.blocks.back().AsTable()->provenance.page = c.table_page;
    CanonicalTable other;
    other.kind = "other";
    other.unit = c.unit;
    other.source_blocks = {1};
    std::vector<CanonicalTable> tables = {other};
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(findings.size(), c.named ? 1U : 0U) << c.name;
    std::vector<std::int64_t> fen;
    for (const Finding& finding : findings) {
      EXPECT_EQ(finding.check, "table.row_as_text") << c.name;
      EXPECT_NE(finding.message.find("275,178.94"), std::string::npos) << c.name;
      for (const FigureRef& figure : finding.figures) {
        EXPECT_EQ(figure.table_kind, "other") << c.name;
        fen.push_back(figure.amount_fen);
      }
    }
    EXPECT_EQ(fen, c.fen) << c.name;
  }
}

// The same lines in a text layer are no scan's: left to the table stages.
TEST(RowTextTest, TextLayerSummaryLinesAreNotReadAsOcr) {
  Document document;
  for (const char* text : {"三、财政拨款收入支出决算总表", "单位:元",
                           "项目 金额 项目 合计 一般公共预算 政府性基金预算",
                           "本年收入合计 3,400.37 本年支出合计 3,400.37 3,400.37"}) {
    document.blocks.push_back(Text(text, 2));
    document.blocks.back().AsParagraph()->provenance.box = Box{51, 400, 427, 410};
  }
  std::vector<CanonicalTable> tables;
  std::vector<Finding> findings;
  ReadUngriddedSummary(document, DocKind::kFinalAccounts, nullptr, tables, findings);
  EXPECT_TRUE(tables.empty());
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H15 s3w_0231_budget on a scan: a summary read as lines, one of which prints both sides'
// labels and one amount (二、政府性基金预算拨款收入 科学技术支出 186.65, the income line
// empty; the class lost its ordinal). The amount is the label's beside it, the expenditure's;
// before, the whole line was read as the income label, and 186.65 went out as a government
// fund appropriation.
TEST(RowTextTest, OcrSummaryLineWithBothSidesLabelsAndOneAmount) {
  const Document document = OcrSummaryLines(
      {"2024年收支总体情况表(表1)", "单位:万元", "收入 支出"}, "项目 预算数 支出功能分类 预算数",
      {"一、一般公共预算拨款收入 210.15 一、教育支出 23.50",
       "二、政府性基金预算拨款收入 科学技术支出 186.65", "本年收入合计 210.15 本年支出合计 210.15",
       "收入总计 210.15 支出总计 210.15"},
      1, 522);
  std::vector<CanonicalTable> tables;
  std::vector<Finding> findings;
  ReadUngriddedSummary(document, DocKind::kBudget, nullptr, tables, findings);
  std::vector<std::string> got;
  for (const CanonicalTable& table : tables) {
    for (const CanonicalRow& row : table.rows) {
      for (const Figure& figure : row.values) {
        got.push_back(row.row_code + "=" + std::to_string(figure.amount_fen));
      }
    }
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "income.general_budget_appropriation=210150000", "expenditure.205=23500000",
                     "expenditure.206=186650000", "income.total_current_year=210150000",
                     "expenditure.total_current_year=210150000", "income.grand_total=210150000",
                     "expenditure.grand_total=210150000"}));
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H16 s3w_0240_budget on a scan: a plain summary's last two rows and the note under the table
// read as one paragraph, the expenditure 行次 11 read 1】1 (本年收入合计 24.10 本年支出合计 1】1
// 24.10收入总计 24.10 支出总计 12 24.10注:…): none of the four totals was read. A line of four
// pieces whose sides alternate is two rows, each read as a line of one row is; a 行次 token
// holding a digit and a mark is left out of its label; the note after the last amount is none
// of the rows'. A text layer's line, or pieces that do not alternate, are only named.
TEST(RowTextTest, OcrSummaryLineHoldingTwoRows) {
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    std::size_t read;
  };
  const Case cases[] = {
      {"TwoRows", "本年收入合计 24.10 本年支出合计 24.10 收入总计 24.10 支出总计 24.10",
       TextOrigin::kOcr, 4},
      {"MarkInRowNumberAndANote",
       "本年收入合计 24.10 本年支出合计 1】1 24.10收入总计 24.10 支出总计 12 "
       "24.10注:本表人金额单位转换时可能存在尾数误差。",
       TextOrigin::kOcr, 4},
      // H17 s3w_0268_budget: 行次 11 read 卫, a glyph no digit looks like; 12 read 1]12.
      {"RowNumberReadAsAGlyph",
       "本年收入合计 24.10 本年支出合计 卫 24.10收入总计 24.10 支出总计 1]12 24.10",
       TextOrigin::kOcr, 4},
      {"SidesNotAlternating", "本年收入合计 24.10 收入总计 24.10 本年支出合计 24.10 支出总计 24.10",
       TextOrigin::kOcr, 0},
      {"TextLayer", "本年收入合计 24.10 本年支出合计 24.10 收入总计 24.10 支出总计 24.10",
       TextOrigin::kTextLayer, 0},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(
        Block{Grid({{"一般公共预算拨款收入", "24.10", "教育支出", "10.53"}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = c.origin;
    std::vector<CanonicalTable> tables = {
        TableOnPage2("budget.income_expenditure_summary", 0, {"", "amount", "", "amount"})};
    CanonicalTable& table = tables[0];
    for (const char* code : {"income.general_budget_appropriation", "expenditure.205"}) {
      CanonicalRow row{code, "", 0, 0, 0, {}};
      Figure figure;
      figure.column = "amount";
      figure.amount_fen = 100;
      row.values.push_back(figure);
      table.rows.push_back(row);
    }
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    std::vector<std::string> got;
    for (const CanonicalRow& row : tables[0].rows) {
      for (const Figure& figure : row.values) {
        if (figure.amount_fen == 2410) got.push_back(row.row_code);
      }
    }
    EXPECT_EQ(got.size(), c.read) << c.name;
    if (c.read == 4) {
      EXPECT_EQ(got, (std::vector<std::string>{"income.total_current_year",
                                               "expenditure.total_current_year",
                                               "income.grand_total", "expenditure.grand_total"}))
          << c.name;
    }
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H17 s3w_0269_budget on a scan: a fiscal summary's line whose income row prints no amount
// (二、政府性基金预算拨款 城乡社区支出 5.19 5.19, the expenditure label's ordinal lost): one piece
// of both labels, which keyed neither side, and the expenditure row's two figures were only
// named. The words after the income label are the expenditure row's label: read there, with the
// columns the side's rows fill. A label that splits into no income label, or two ways, or whose
// expenditure row the table has already, stays named.
TEST(RowTextTest, OcrSummaryLineWhoseIncomeRowPrintsNoAmount) {
  struct Case {
    const char* name;
    const char* line;
    std::vector<std::string> read;  // "row_code/column=fen"
  };
  const Case cases[] = {
      {"IncomeLabelThenExpenditureRow",
       "二、政府性基金预算拨款 城乡社区支出 5.19 5.19",
       {"expenditure.212/total=519", "expenditure.212/general_budget=519"}},
      {"NoIncomeLabel", "城乡社区 城乡社区支出 5.19 5.19", {}},
      {"ExpenditureRowReadAlready", "二、政府性基金预算拨款 教育支出 5.19 5.19", {}},
      {"AmountsNotAsManyAsTheColumns", "二、政府性基金预算拨款 城乡社区支出 5.19", {}},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(
        Block{Grid({{"一、一般公共预算拨款", "24.10", "一、教育支出", "18.91", "18.91"}})});
    document.blocks.push_back(Text(c.line, 2));
    document.blocks.back().AsParagraph()->provenance.origin = TextOrigin::kOcr;
    std::vector<CanonicalTable> tables = {TableOnPage2(
        "budget.fiscal_appropriation_summary", 0, {"", "amount", "", "total", "general_budget"})};
    tables[0].rows.push_back(
        CodedRow(tables[0].kind, "income.general_budget_appropriation", {{"amount", 2410}}));
    tables[0].rows.push_back(
        CodedRow(tables[0].kind, "expenditure.205", {{"total", 1891}, {"general_budget", 1891}}));
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    EXPECT_EQ(FiguresOfRowsFromText(tables[0]), c.read) << c.name;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// H18 s3w_0283_final on a scan: 公务接待费 1]1,215.42 (11,215.42, its 1 read as ]) was read as
// 1,215.42 with the line's confidence, 99, so the accounting identity it broke "repaired" the
// one doubtful figure beside it (因公出国（境）费 2,992.60 -> 12,992.60), wrong and unnamed as
// such. An amount an OCR'd line printed glued to a mark is as doubtful as a doubtful cell: below
// the bar the repair takes figures as read. One after a space, or a text layer's, keeps the
// line's confidence.
TEST(RowTextTest, OcrAmountGluedToAMarkIsDoubtful) {
  struct Case {
    const char* name;
    const char* line;
    TextOrigin origin;
    int confidence;
  };
  const Case cases[] = {
      {"GluedToAMark", "公务接待费 1]1,215.42", TextOrigin::kOcr, kRepairMaxConfidence - 1},
      {"AfterASpace", "公务接待费 1,215.42", TextOrigin::kOcr, 99},
      {"TextLayer", "公务接待费 1]1,215.42", TextOrigin::kTextLayer, 99},
  };
  for (const Case& c : cases) {
    Document document;
    document.blocks.push_back(Block{Grid({{"因公出国（境）费", "2,992.60"}})});
    document.blocks.push_back(Text(c.line, 2));
    Paragraph& line = *document.blocks.back().AsParagraph();
    line.provenance.origin = c.origin;
    line.provenance.confidence = 99;
    std::vector<CanonicalTable> tables = {TableOnPage2("final.three_public", 0, {"", "final"})};
    tables[0].rows.push_back(
        CodedRow(tables[0].kind, "three_public.overseas", {{"final", 299260}}, c.origin));
    std::vector<Finding> findings;
    ReportRowsReadAsText(document, tables, findings);
    const CanonicalRow* read = nullptr;
    for (const CanonicalRow& row : tables[0].rows) {
      if (row.row_code == "three_public.reception") read = &row;
    }
    ASSERT_NE(read, nullptr) << c.name;
    ASSERT_EQ(read->values.size(), 1u) << c.name;
    EXPECT_EQ(read->values[0].amount_fen, 121542) << c.name;
    EXPECT_EQ(read->values[0].provenance.confidence, c.confidence) << c.name;
  }
}

// H19 s3w_0299_final on a scan: the 政府性基金 table printed empty, its title, header line and
// 本表无数据 all read as paragraphs with no grid, was missing from the tables. A title (or a
// number the list names) with the note within five lines under it, no grid and no prose between,
// is the table, present and empty, unless a table of its kind was read.
TEST(RowTextTest, EmptyTablePrintedWithoutAGrid) {
  const std::vector<std::string> title = {"表7 政府性基金预算财政拨款收入支出决算表",
                                          "金额单位:万元",
                                          "科目编码 科目名称 合计 基本支出 项目支出", "本表无数据"};
  struct Case {
    const char* name;
    std::vector<std::string> lines;
    bool grid_first;    // a grid of another table right above the lines
    bool read_already;  // a final.gov_fund table was read
    std::string kind;   // of the table added; "" for none
  };
  const std::vector<Case> cases = {
      {"Titled", title, false, false, "final.gov_fund"},
      {"NumberOnly",
       {"表7", "单位:万元", "科目编码 科目名称 合计", "本表无数据"},
       false,
       false,
       "final.gov_fund"},
      {"ReadAlready", title, false, true, ""},
      {"NoteUnderAGrid", {"本表无数据"}, true, false, ""},
      {"TooFarBelow",
       {"表7 政府性基金预算财政拨款收入支出决算表", "单位:万元", "科目编码", "科目名称", "合计",
        "基本支出", "本表无数据"},
       false,
       false,
       ""},
      // A title wrapped over lines, a speck between (H12 s3w_0178_final): the last line alone
      // names another kind, the whole the table's.
      {"Wrapped",
       {"国有资本经营预算", "<工己", "财政 拨款支出决算表", "单位:万元",
        "功能分类科目 记计 基本支出 项目支出本表无数据"},
       false,
       false,
       "final.state_capital"},
      // The first half with the department and year before it (H23 s3w_0357_final).
      {"WrappedAfterTheDepartment",
       {"江苏省人民检察院2024 年政府", "性基金预算财政拨款收入支出决算表", "单位:万元",
        "本表无数据"},
       false,
       false,
       "final.gov_fund"},
      // A number line above naming another kind than the title's: no table.
      {"NumberAgainstTitle",
       {"表6", "性基金预算财政拨款收入支出决算表", "单位:万元", "本表无数据"},
       false,
       false,
       ""},
      // A sentence under the title saying so is the table's note.
      {"NoteAsASentence",
       {"表7 政府性基金预算财政拨款收入支出决算表",
        "本部门2024年度没有政府性基金预算财政拨款收入支出，故本表为空表。"},
       false,
       false,
       "final.gov_fund"},
      // Prose between a title and a note: the note closes no table's lines.
      {"Prose",
       {"表7 政府性基金预算财政拨款收入支出决算表", "部门决算情况说明如下，请参阅第三部分。",
        "本表无数据"},
       false,
       false,
       ""},
  };
  TableNumbering numbering;
  numbering.printed = true;
  numbering.titles = {{6, "财政拨款“三公”经费支出决算表"},
                      {7, "政府性基金预算财政拨款收入支出决算表"}};
  for (const Case& c : cases) {
    DocumentBuilder builder;
    if (c.grid_first) builder.Table({{"项目", "决算数"}, {"合计", "1.00"}});
    builder.Page(c.lines);
    const Document document = builder.Build();
    std::vector<CanonicalTable> tables;
    if (c.read_already) {
      tables.emplace_back();
      tables.back().kind = "final.gov_fund";
    }
    const std::size_t before = tables.size();
    ReadUngriddedEmptyTables(document, DocKind::kFinalAccounts, &numbering, tables);
    if (c.kind.empty()) {
      EXPECT_EQ(tables.size(), before) << c.name;
      continue;
    }
    ASSERT_EQ(tables.size(), before + 1) << c.name;
    const CanonicalTable& added = tables.back();
    EXPECT_EQ(added.kind, c.kind) << c.name;
    EXPECT_TRUE(added.printed_empty) << c.name;
    EXPECT_TRUE(added.rows.empty()) << c.name;
    if (c.lines.size() > 2) {
      EXPECT_EQ(added.unit, UnitOfAmount::kWanYuan) << c.name;
    }
    EXPECT_EQ(added.source_blocks.size(), c.lines.size()) << c.name;
  }
}

}  // namespace
}  // namespace disclose
