#include "normalize/table_total_row.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace disclose {
namespace {

struct RowSpec {
  std::string code;
  std::string name;
  std::vector<std::pair<std::string, std::int64_t>> figures;  // column, fen
};

CanonicalTable TableOf(const std::vector<RowSpec>& specs, TextOrigin origin) {
  CanonicalTable table;
  table.kind = "budget.general_budget_expenditure";
  for (const RowSpec& spec : specs) {
    CanonicalRow row;
    row.row_code = spec.code;
    row.row_name = spec.name;
    for (const auto& [column, fen] : spec.figures) {
      Figure figure;
      figure.row_code = spec.code;
      figure.column = column;
      figure.amount_fen = fen;
      figure.provenance.origin = origin;
      row.values.push_back(figure);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The name of the row KeyOcrTotalRowBySums keys as the total, "" when none.
std::string KeyedName(CanonicalTable& table) {
  const CanonicalRow* row = KeyOcrTotalRowBySums(table);
  return row == nullptr ? "" : row->row_name;
}

std::vector<std::string> CodesOf(const CanonicalTable& table) {
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.push_back(row.row_code);
  return codes;
}

// A scan's 合计 read 个号计 keys nothing; its amounts, the sums of the table's top rows in each
// column, make it the total row (bj_city_sasac p12 lists 项 rows alone; a table with 类 rows
// sums those). A row that matches in one column of two, two rows that both match, a single top
// row's copy whose label keeps nothing of 合计, or a text layer's row are left as they are.
TEST(TotalRowTest, OcrTotalRowKeyedBySums) {
  const std::vector<RowSpec> flat = {
      {"2230199", "其他解决历史遗留问题", {{"total", 500}, {"project", 500}}},
      {"2230201", "国有经济结构调整支出", {{"total", 300}, {"project", 300}}},
      {"", "个号计", {{"total", 800}, {"project", 800}}}};
  CanonicalTable table = TableOf(flat, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "个号计");
  EXPECT_EQ(CodesOf(table), (std::vector<std::string>{"2230199", "2230201", "total"}));
  EXPECT_EQ(table.rows[2].values[1].row_code, "total");

  const std::vector<RowSpec> classes = {
      {"201", "一般公共服务支出", {{"total", 500}, {"basic", 200}}},
      {"20101", "人大事务", {{"total", 500}, {"basic", 200}}},
      {"208", "社会保障和就业支出", {{"total", 400}, {"basic", 100}}},
      {"", "台让", {{"total", 900}, {"basic", 300}}}};
  table = TableOf(classes, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "台让");

  std::vector<RowSpec> one_column_off = classes;
  one_column_off[3].figures[1].second = 310;
  table = TableOf(one_column_off, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "");

  std::vector<RowSpec> twice = classes;
  twice.push_back({"", "合让", {{"total", 900}, {"basic", 300}}});
  table = TableOf(twice, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "");

  // Under a single top row its figures say nothing alone; a label keeping 计 (or 合, 总) does.
  table = TableOf({flat[0], {"", "个号计", {{"total", 500}, {"project", 500}}}}, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "个号计");
  table = TableOf({flat[0], {"", "个号让", {{"total", 500}, {"project", 500}}}}, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "");

  table = TableOf(classes, TextOrigin::kTextLayer);
  EXPECT_EQ(KeyedName(table), "");
}

// A table listing each unit's 项 rows in turn (bj_city_audit p5: 2010801 行政运行 under three
// units, each with its own figures): every listed row counts toward the total, and a row printed
// again with the same figures (a page's part repeating it) counts once. One column in four may
// miss the sum, as a cell above misread leaves it; two may not.
TEST(TotalRowTest, OcrTotalRowOverUnitsListedInTurn) {
  const std::vector<std::pair<std::string, std::int64_t>> unit_a = {
      {"total", 500}, {"basic", 400}, {"personnel", 300}, {"public", 100}};
  const std::vector<std::pair<std::string, std::int64_t>> unit_b = {
      {"total", 50}, {"basic", 40}, {"personnel", 30}, {"public", 10}};
  const std::vector<std::pair<std::string, std::int64_t>> other = {
      {"total", 20}, {"basic", 20}, {"personnel", 20}, {"public", 0}};
  struct Case {
    const char* name;
    std::vector<RowSpec> rows;
    std::int64_t total_public;
    const char* keyed;
  };
  const std::vector<Case> cases = {
      {"units in turn",
       {{"2010801", "行政运行", unit_a},
        {"2080505", "养老", other},
        {"2010801", "行政运行", unit_b}},
       110,
       "菠冰"},
      {"a part repeating a row",
       {{"2010801", "行政运行", unit_a},
        {"2080505", "养老", other},
        {"2010801", "行政运行", unit_a},
        {"2010801", "行政运行", unit_b}},
       110,
       "菠冰"},
      {"one column misses",
       {{"2010801", "行政运行", unit_a},
        {"2080505", "养老", other},
        {"2010801", "行政运行", unit_b}},
       130,
       "菠冰"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<RowSpec> rows = c.rows;
    rows.push_back(
        {"",
         "菠冰",
         {{"total", 570}, {"basic", 460}, {"personnel", 350}, {"public", c.total_public}}});
    CanonicalTable table = TableOf(rows, TextOrigin::kOcr);
    EXPECT_EQ(KeyedName(table), c.keyed);
  }
  // Two columns missing: not the total.
  std::vector<RowSpec> rows = cases[0].rows;
  rows.push_back(
      {"", "菠冰", {{"total", 570}, {"basic", 460}, {"personnel", 351}, {"public", 130}}});
  CanonicalTable table = TableOf(rows, TextOrigin::kOcr);
  EXPECT_EQ(KeyedName(table), "");
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

struct SummaryCell {
  std::string code;
  std::string name;
  std::string column;
  std::int64_t fen;
  int line;         // the source row the cell is printed on
  int grid_column;  // its source column: income side 1, expenditure side 3 or 4
};

CanonicalTable SummaryOf(const std::vector<SummaryCell>& cells, TextOrigin origin) {
  CanonicalTable table;
  table.kind = "final.income_expenditure_summary";
  for (const SummaryCell& cell : cells) {
    CanonicalRow row;
    row.row_code = cell.code;
    row.row_name = cell.name;
    Figure figure;
    figure.row_code = cell.code;
    figure.column = cell.column;
    figure.amount_fen = cell.fen;
    figure.provenance.origin = origin;
    figure.provenance.page = 1;
    figure.provenance.row = cell.line;
    figure.provenance.column = cell.grid_column;
    row.values.push_back(figure);
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A summary's 支出总计 read 着计 (H12 s3w_0179_final), 支出 (s3w_0167) or 到出忌计 keys nothing;
// printed on the line of 收入总计 and equal to it, it is the expenditure side's grand total, and
// the other way round. Another amount, another line, a side already keyed or a text layer's row
// is left as it is.
TEST(TotalRowTest, OcrSummaryTotalKeyedByTheOtherSide) {
  const std::vector<SummaryCell> summary = {
      {"income.general_budget_appropriation", "一、一般公共预算财政拨款收入", "amount", 459196, 2,
       1},
      {"expenditure.206", "一、科学技术支出", "amount", 459196, 2, 3},
      {"income.total_current_year", "本年收入合计", "amount", 459196, 7, 1},
      {"expenditure.total_current_year", "本年支出合计", "amount", 459196, 7, 3},
      {"income.grand_total", "总计", "amount", 459196, 8, 1},
      {"", "着计", "amount", 459196, 8, 3}};
  // Rows 4 (总计, income) and 5 (着计, expenditure) as given, and their codes after keying.
  const struct {
    const char* name;
    std::string income_code, expenditure_code;
    std::int64_t expenditure_fen;
    int expenditure_line;
    TextOrigin origin;
    std::string income_keyed, expenditure_keyed;
  } cases[] = {
      {"misread 支出总计", "income.grand_total", "", 459196, 8, TextOrigin::kOcr,
       "income.grand_total", "expenditure.grand_total"},
      {"misread 收入总计", "", "expenditure.grand_total", 459196, 8, TextOrigin::kOcr,
       "income.grand_total", "expenditure.grand_total"},
      {"another amount", "income.grand_total", "", 459195, 8, TextOrigin::kOcr,
       "income.grand_total", ""},
      {"another line", "income.grand_total", "", 459196, 9, TextOrigin::kOcr, "income.grand_total",
       ""},
      {"both misread", "", "", 459196, 8, TextOrigin::kOcr, "", ""},
      {"text layer", "income.grand_total", "", 459196, 8, TextOrigin::kTextLayer,
       "income.grand_total", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<SummaryCell> cells = summary;
    cells[4].code = c.income_code;
    cells[5].code = c.expenditure_code;
    cells[5].fen = c.expenditure_fen;
    cells[5].line = c.expenditure_line;
    CanonicalTable table = SummaryOf(cells, c.origin);
    const std::size_t keyed = KeyOcrSummaryTotalsByTheOtherSide(table).size();
    EXPECT_EQ(table.rows[4].row_code, c.income_keyed);
    EXPECT_EQ(table.rows[5].row_code, c.expenditure_keyed);
    EXPECT_EQ(table.rows[4].values[0].row_code, c.income_keyed);
    EXPECT_EQ(table.rows[5].values[0].row_code, c.expenditure_keyed);
    EXPECT_EQ(keyed,
              (c.income_code != c.income_keyed) + (c.expenditure_code != c.expenditure_keyed));
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// 一、本年支出 beside 一、本年收入 is this year's total, as a text layer keys it (ExpenditureKey):
// a scan's misread label on that line is keyed so too (jl_changchun_xinfang's summary).
TEST(TotalRowTest, OcrSummaryYearTotalKeyedByTheOtherSide) {
  CanonicalTable table =
      SummaryOf({{"income.total_current_year", "一、本年收入", "amount", 459196, 2, 1},
                 {"", "一、本年去出", "amount", 459196, 2, 3},
                 {"expenditure.206", "科学技术支出", "amount", 459196, 3, 3}},
                TextOrigin::kOcr);
  ASSERT_EQ(KeyOcrSummaryTotalsByTheOtherSide(table).size(), 1u);
  EXPECT_EQ(table.rows[1].row_code, "expenditure.total_current_year");
  EXPECT_EQ(table.rows[1].values[0].row_code, "expenditure.total_current_year");
}

}  // namespace
}  // namespace disclose
