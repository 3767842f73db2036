#include "normalize/validate.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace disclose {
namespace {

struct Cell {
  const char* column;
  const char* printed;  // as printed in the table's unit
  std::int64_t fen;
};

struct RowSpec {
  const char* code;
  const char* name;
  std::vector<Cell> cells;
};

CanonicalTable MakeTable(const std::string& kind, UnitOfAmount unit,
                         const std::vector<RowSpec>& rows) {
  CanonicalTable table;
  table.kind = kind;
  table.unit = unit;
  table.unit_source = UnitSource::kDeclared;
  int index = 0;
  for (const RowSpec& spec : rows) {
    CanonicalRow row;
    row.row_code = spec.code;
    row.row_name = spec.name;
    row.source_row = index++;
    for (const Cell& cell : spec.cells) {
      Figure figure;
      figure.table_kind = kind;
      figure.row_code = spec.code;
      figure.row_name = spec.name;
      figure.column = cell.column;
      figure.amount_fen = cell.fen;
      figure.printed_text = cell.printed;
      figure.printed_unit = unit;
      figure.provenance.row = row.source_row;
      row.values.push_back(figure);
    }
    table.rows.push_back(row);
  }
  return table;
}

// Marks every figure of `table` as read by `origin` (OCR or a text layer).
void ReadBy(CanonicalTable& table, TextOrigin origin) {
  for (CanonicalRow& row : table.rows) {
    for (Figure& figure : row.values) figure.provenance.origin = origin;
  }
}

std::vector<Finding> Only(const std::vector<Finding>& findings, const std::string& check) {
  std::vector<Finding> out;
  for (const Finding& finding : findings) {
    if (finding.check == check) out.push_back(finding);
  }
  return out;
}

std::string Dump(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) out += finding.check + ": " + finding.message + "\n";
  return out;
}

// 万元 cells are rounded to 0.01 万元: 480.10 = 20.60 + 11.41 + 448.10 is off by
// 0.01 万元 = 10,000 fen, within the 4 half-units (20,000 fen) of rounding.
TEST(ValidateTablesTest, ParentSumsWithinWanYuanRounding) {
  std::vector<CanonicalTable> tables = {
      MakeTable("final.expenditure", UnitOfAmount::kWanYuan,
                {
                    {"total", "合计", {{"total", "480.10", 480100000}}},
                    {"208", "社会保障和就业支出", {{"total", "480.10", 480100000}}},
                    {"20805", "行政事业单位养老支出", {{"total", "480.10", 480100000}}},
                    {"2080501", "行政单位离退休", {{"total", "20.60", 20600000}}},
                    {"2080505", "机关事业单位基本养老保险缴费支出", {{"total", "11.41", 11410000}}},
                    {"2080506", "机关事业单位职业年金缴费支出", {{"total", "448.10", 448100000}}},
                })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
}

TEST(ValidateTablesTest, WrongParentIsAnErrorWithExpectedAndActual) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "final.expenditure", UnitOfAmount::kWanYuan,
      {
          {"total", "合计", {{"total", "500.00", 500000000}}},
          {"208", "社会保障和就业支出", {{"total", "500.00", 500000000}}},
          {"20805", "行政事业单位养老支出", {{"total", "480.00", 480000000}}},
          {"2080501", "行政单位离退休", {{"total", "20.00", 20000000}}},
          {"2080505", "机关事业单位基本养老保险缴费支出", {{"total", "460.00", 460000000}}},
      })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> children = Only(findings, "sum.children");
  ASSERT_EQ(children.size(), 1u) << Dump(findings);
  const Finding& finding = children[0];
  EXPECT_EQ(finding.severity, Severity::kError);
  EXPECT_EQ(finding.expected_fen, 480000000);  // 20805
  EXPECT_EQ(finding.actual_fen, 500000000);    // 208 as printed
  EXPECT_EQ(finding.tolerance_fen, 10000);     // two half-units of 0.01 万元
  ASSERT_EQ(finding.figures.size(), 2u);
  EXPECT_EQ(finding.figures[0].row_code, "208");
  EXPECT_NE(finding.message.find("208"), std::string::npos);
}

// s3w_0080_final on a scan: the 项 row 2101103, the only child of 21011 printing a 项目支出, was
// read into a header repeated at a page top; its parent's 505.07 then summed nothing, a sum no
// check ran (no parts), and the lost 505.07 was named by no finding. An OCR'd parent printing an
// amount in a column none of its children prints is a sum.children error that names the parent
// and says what the lost row or cell would print; a zero parent, a column a child prints, or a
// text layer's table (read as printed) gives none.
TEST(ValidateTablesTest, OcrParentWhoseChildrenPrintNothingInAColumn) {
  struct Case {
    const char* name;
    TextOrigin origin;
    std::int64_t parent_project_fen;
    bool child_prints_project;
    std::vector<std::string> expected;  // sum.children findings: "row column printed"
  };
  const Case cases[] = {
      {"OcrChildLost", TextOrigin::kOcr, 505070000, false, {"21011 project 505.07"}},
      {"ParentPrintsZero", TextOrigin::kOcr, 0, false, {}},
      {"ChildPrintsTheColumn", TextOrigin::kOcr, 505070000, true, {}},
      {"TextLayer", TextOrigin::kTextLayer, 505070000, false, {}},
  };
  for (const Case& c : cases) {
    const std::vector<Cell> parent = {
        {"total", "1,799.73", 1799730000},
        {"basic", "1,294.66", 1294660000},
        {"project", c.parent_project_fen == 0 ? "0.00" : "505.07", c.parent_project_fen}};
    std::vector<Cell> child = {{"total", "1,799.73", 1799730000},
                               {"basic", "1,294.66", 1294660000}};
    if (c.child_prints_project) child.push_back({"project", "505.07", 505070000});
    std::vector<CanonicalTable> tables = {
        MakeTable("final.expenditure", UnitOfAmount::kWanYuan,
                  {{"21011", "行政事业单位医疗", parent}, {"2101102", "事业单位医疗", child}})};
    ReadBy(tables[0], c.origin);
    std::vector<Finding> findings;
    ValidateTables(tables, findings, nullptr, /*reading_doubts=*/true);
    std::vector<std::string> got;
    for (const Finding& finding : Only(findings, "sum.children")) {
      ASSERT_EQ(finding.figures.size(), 1u) << c.name;
      EXPECT_EQ(finding.severity, Severity::kError) << c.name;
      EXPECT_NE(finding.message.find("would print 505.07"), std::string::npos) << finding.message;
      got.push_back(finding.figures[0].row_code + " " + finding.figures[0].column + " " +
                    finding.printed_text);
    }
    EXPECT_EQ(got, c.expected) << c.name << "\n" << Dump(findings);
  }
}

// H20 s3w_0309_final on a scan: a ruled grid whose amount rows stood half a row off its label
// rows put 公用经费 91.47 in 30113, whose parent 301 prints no 公用经费: no sum could run (no
// parent figure) and the extra figure was named by no finding. OCR'd children printing amounts
// in a column their parent prints nothing in give a sum.children error naming them; children
// printing zeros, a parent printing the column, or a text layer's table give none.
TEST(ValidateTablesTest, OcrChildrenPrintingInAColumnTheirParentLeavesBlank) {
  struct Case {
    const char* name;
    TextOrigin origin;
    std::int64_t child_public_fen;
    bool parent_prints_public;
    std::vector<std::string> expected;  // sum.children findings: figures "row column"
  };
  const Case cases[] = {
      {"OcrChildrenOnly", TextOrigin::kOcr, 914700, false, {"30113 public"}},
      {"ChildrenPrintZero", TextOrigin::kOcr, 0, false, {}},
      {"ParentPrintsTheColumn", TextOrigin::kOcr, 914700, true, {}},
      {"TextLayer", TextOrigin::kTextLayer, 914700, false, {}},
  };
  for (const Case& c : cases) {
    std::vector<Cell> parent = {{"personnel", "275.24", 2752400}};
    if (c.parent_prints_public) parent.push_back({"public", "91.47", c.child_public_fen});
    const std::vector<Cell> child = {
        {"personnel", "151.94", 1519400},
        {"public", c.child_public_fen == 0 ? "0.00" : "91.47", c.child_public_fen}};
    const std::vector<Cell> sibling = {{"personnel", "123.30", 1233000}};
    std::vector<CanonicalTable> tables = {MakeTable("final.general_budget_basic_expenditure",
                                                    UnitOfAmount::kWanYuan,
                                                    {{"301", "工资福利支出", parent},
                                                     {"30103", "奖金", sibling},
                                                     {"30113", "住房公积金", child}})};
    ReadBy(tables[0], c.origin);
    std::vector<Finding> findings;
    ValidateTables(tables, findings, nullptr, /*reading_doubts=*/true);
    std::vector<std::string> got;
    for (const Finding& finding : Only(findings, "sum.children")) {
      for (const FigureRef& ref : finding.figures) got.push_back(ref.row_code + " " + ref.column);
    }
    EXPECT_EQ(got, c.expected) << c.name << "\n" << Dump(findings);
  }
}

// The tally counts every identity evaluated, held or not, so that checked - held
// is the number of failures and a rate can be computed (scripts/identity-rate.py).
TEST(ValidateTablesTest, TallyCountsCheckedAndHeld) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "final.expenditure", UnitOfAmount::kWanYuan,
      {
          {"total", "合计", {{"total", "500.00", 500000000}}},
          {"208", "社会保障和就业支出", {{"total", "500.00", 500000000}}},
          {"20805", "行政事业单位养老支出", {{"total", "480.00", 480000000}}},
          {"2080501", "行政单位离退休", {{"total", "20.00", 20000000}}},
          {"2080505", "机关事业单位基本养老保险缴费支出", {{"total", "460.00", 460000000}}},
      })};
  std::vector<Finding> findings;
  std::map<std::string, CheckTally> tally;
  ValidateTables(tables, findings, &tally);
  // 208 = 20805 fails; 20805 = its two 项 holds; 合计 = 208 holds.
  ASSERT_EQ(tally.count("sum.children"), 1u);
  EXPECT_EQ(tally["sum.children"].checked, 2);
  EXPECT_EQ(tally["sum.children"].held, 1);
  EXPECT_EQ(tally["sum.total"].checked, 1);
  EXPECT_EQ(tally["sum.total"].held, 1);
  int failed = 0;
  for (const auto& [check, count] : tally) failed += count.checked - count.held;
  EXPECT_EQ(failed, static_cast<int>(findings.size())) << Dump(findings);
  // Without a tally the findings are the same.
  std::vector<Finding> untallied;
  ValidateTables(tables, untallied);
  EXPECT_EQ(untallied.size(), findings.size());
}

// In an `other` table (a government book's table of a few named items) the coded
// rows need not add up to its 合计: no sum.total there; sum.children still holds.
TEST(ValidateTablesTest, OtherTablesHaveNoTotalIdentity) {
  std::vector<CanonicalTable> tables = {
      MakeTable("other", UnitOfAmount::kWanYuan,
                {
                    {"total", "合计", {{"amount", "3,567,300.00", 356730000000}}},
                    {"201", "一般公共服务支出", {{"amount", "90.40", 90400000}}},
                    {"20101", "人大事务", {{"amount", "90.40", 90400000}}},
                })};
  std::vector<Finding> findings;
  std::map<std::string, CheckTally> tally;
  ValidateTables(tables, findings, &tally);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
  EXPECT_EQ(tally.count("sum.total"), 0u);
  EXPECT_EQ(tally["sum.children"].checked, 1);
}

TEST(ValidateTablesTest, YuanTablesAreExact) {
  std::vector<CanonicalTable> tables = {
      MakeTable("final.general_budget_expenditure", UnitOfAmount::kYuan,
                {
                    {"total", "合计", {{"total", "4,964,173.06", 496417306}}},
                    {"210", "卫生健康支出", {{"total", "4,964,173.05", 496417305}}},
                })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> total = Only(findings, "sum.total");
  ASSERT_EQ(total.size(), 1u) << Dump(findings);
  EXPECT_EQ(total[0].tolerance_fen, 0);
  EXPECT_EQ(total[0].expected_fen, 496417305);
  EXPECT_EQ(total[0].actual_fen, 496417306);
}

TEST(ValidateTablesTest, RowTotalEqualsBasicPlusProject) {
  std::vector<CanonicalTable> tables = {MakeTable("final.expenditure", UnitOfAmount::kWanYuan,
                                                  {
                                                      {"total",
                                                       "合计",
                                                       {{"total", "263.33", 263330000},
                                                        {"basic", "213.52", 213520000},
                                                        {"project", "49.81", 49810000}}},
                                                      {"2101501",
                                                       "行政运行",
                                                       {{"total", "154.40", 154400000},
                                                        {"basic", "150.00", 150000000},
                                                        {"project", "4.00", 4000000}}},
                                                  })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> columns = Only(findings, "sum.columns");
  ASSERT_EQ(columns.size(), 1u) << Dump(findings);
  EXPECT_EQ(columns[0].expected_fen, 154000000);
  EXPECT_EQ(columns[0].actual_fen, 154400000);
}

// 上级补助收入 printed below 本年收入合计 (sd_yantai_housing_2026 p9) is outside it:
// 本年收入合计 = the sources above it, 收入总计 = 本年收入合计 + the sources below.
TEST(ValidateTablesTest, SummarySourcesBelowTheCurrentYearTotal) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "budget.income_expenditure_summary", UnitOfAmount::kWanYuan,
      {
          {"income.general_budget_appropriation",
           "一般公共预算收入",
           {{"amount", "100.00", 100000000}}},
          {"income.other", "五、其他收入", {{"amount", "5.00", 5000000}}},
          {"income.total_current_year", "本年收入合计", {{"amount", "105.00", 105000000}}},
          {"income.upper_subsidy", "上级补助收入", {{"amount", "6.00", 6000000}}},
          {"income.grand_total", "收入总计", {{"amount", "111.00", 111000000}}},
      })};
  std::vector<Finding> findings;
  std::map<std::string, CheckTally> tally;
  ValidateTables(tables, findings, &tally);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
  EXPECT_EQ(tally["summary.income_sources"].held, 1);
  EXPECT_EQ(tally["summary.income_total"].held, 1);
  // The income table lists every source in one total (sd_yantai_housing_2026 p10:
  // 45,967.29 with 上级补助收入 60.00): it matches 本年收入合计 with the sources
  // below it, and a total that misses them is reported.
  struct IncomeCase {
    const char* printed;
    std::int64_t fen;
    std::size_t failures;
  };
  for (const IncomeCase& c :
       {IncomeCase{"111.00", 111000000, 0}, IncomeCase{"105.00", 105000000, 1}}) {
    const std::size_t failures = c.failures;
    std::vector<CanonicalTable> with_income = tables;
    with_income.push_back(MakeTable("budget.income", UnitOfAmount::kWanYuan,
                                    {{"total", "合计", {{"total", c.printed, c.fen}}}}));
    std::vector<Finding> income_findings;
    ValidateTables(with_income, income_findings);
    EXPECT_EQ(Only(income_findings, "cross.summary_income").size(), failures)
        << Dump(income_findings);
  }
  // 一、本年收入 heading its sources (财政拨款收支总表): all of them are within it.
  std::vector<CanonicalTable> heading = {MakeTable(
      "budget.fiscal_appropriation_summary", UnitOfAmount::kWanYuan,
      {
          {"income.total_current_year", "一、本年收入", {{"amount", "105.00", 105000000}}},
          {"income.general_budget_appropriation",
           "一般公共预算",
           {{"amount", "100.00", 100000000}}},
          {"income.gov_fund_appropriation", "政府性基金预算", {{"amount", "5.00", 5000000}}},
          {"income.opening_carryover", "二、上年结转", {{"amount", "6.00", 6000000}}},
          {"income.grand_total", "收入总计", {{"amount", "111.00", 111000000}}},
      })};
  findings.clear();
  ValidateTables(heading, findings);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
}

TEST(ValidateTablesTest, SummaryIdentities) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "final.income_expenditure_summary", UnitOfAmount::kYuan,
      {
          {"income.general_budget_appropriation",
           "一、一般公共预算财政拨款收入",
           {{"amount", "4,964,173.05", 496417305}}},
          {"income.total_current_year", "本年收入合计", {{"amount", "4,964,173.05", 496417305}}},
          {"income.opening_carryover", "年初结转和结余", {{"amount", "100.00", 10000}}},
          {"income.grand_total", "总计", {{"amount", "4,964,273.05", 496427305}}},
          {"expenditure.210", "十、卫生健康支出", {{"amount", "4,964,173.05", 496417305}}},
          {"expenditure.total_current_year",
           "本年支出合计",
           {{"amount", "4,964,173.05", 496417305}}},
          {"expenditure.closing_carryover", "年末结转和结余", {{"amount", "0.00", 0}}},
          {"expenditure.grand_total", "总计", {{"amount", "4,964,173.05", 496417305}}},
      })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  // Income side: 4,964,173.05 + 100.00 = 4,964,273.05: fine. Expenditure side
  // misses the 100 yuan, so the two totals disagree and its own sum is off.
  EXPECT_EQ(Only(findings, "summary.income_total").size(), 0u) << Dump(findings);
  ASSERT_EQ(Only(findings, "summary.balance").size(), 1u) << Dump(findings);
  EXPECT_EQ(Only(findings, "summary.balance")[0].expected_fen, 496427305);
  EXPECT_EQ(Only(findings, "summary.expenditure_total").size(), 0u) << Dump(findings);
}

TEST(ValidateTablesTest, SummaryAgainstExpenditureTable) {
  std::vector<CanonicalTable> tables = {
      MakeTable("final.income_expenditure_summary", UnitOfAmount::kWanYuan,
                {{"expenditure.208", "八、社会保障和就业支出", {{"amount", "32.10", 32100000}}}}),
      MakeTable("final.expenditure", UnitOfAmount::kWanYuan,
                {{"208", "社会保障和就业支出", {{"total", "32.20", 32200000}}}}),
  };
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> cross = Only(findings, "cross.summary_expenditure");
  ASSERT_EQ(cross.size(), 1u) << Dump(findings);
  EXPECT_EQ(cross[0].severity, Severity::kError);
  EXPECT_EQ(cross[0].tolerance_fen, 10000);
}

// J04 (sh_putuo_justice_2026_unit_budget p8 vs p18-19): the summary splits the
// same 基本支出 101,200 元 differently; a summary whose split adds up to a
// different basic expenditure (other funds) is not compared.
TEST(ValidateTablesTest, SummaryBasicSplitAgainstBasicTable) {
  auto tables_with = [](std::int64_t summary_personnel, std::int64_t summary_public) {
    return std::vector<CanonicalTable>{
        MakeTable("budget.income_expenditure_summary", UnitOfAmount::kYuan,
                  {{"expenditure.grand_total",
                    "支出总计",
                    {{"personnel", "p", summary_personnel}, {"public", "u", summary_public}}}}),
        MakeTable("budget.general_budget_basic_expenditure", UnitOfAmount::kYuan,
                  {{"total",
                    "合计",
                    {{"basic", "22,118,861.34", 2211886134},
                     {"personnel", "20,272,981.00", 2027298100},
                     {"public", "1,845,880.34", 184588034}}}}),
    };
  };
  struct Case {
    std::int64_t personnel, public_use;
    std::size_t findings;
  };
  for (const Case& c : {Case{2037418100, 174468000, 2}, Case{2027298100, 184588034, 0},
                        Case{3000000000, 184588034, 0}}) {
    std::vector<CanonicalTable> tables = tables_with(c.personnel, c.public_use);
    tables[0].rows[0].values[0].printed_text = "20,374,181";  // integer cells: 0.50 yuan
    tables[0].rows[0].values[1].printed_text = "1,744,680";
    std::vector<Finding> findings;
    ValidateTables(tables, findings);
    EXPECT_EQ(Only(findings, "cross.summary_basic_split").size(), c.findings)
        << c.personnel << " " << c.public_use << "\n"
        << Dump(findings);
  }
}

// Seed 004: the budget income table's 总计 includes 上年结转 (its carry-over
// columns), so it matches the summary's 收入总计, not its 本年收入合计.
TEST(ValidateTablesTest, BudgetIncomeTableWithCarryOverMatchesTheGrandTotal) {
  std::vector<CanonicalTable> tables = {
      MakeTable(
          "budget.income_expenditure_summary", UnitOfAmount::kWanYuan,
          {{"income.total_current_year", "一、本年收入", {{"amount", "327,740.28", 3277402800}}},
           {"income.grand_total", "收入总计", {{"amount", "327,742.35", 3277423500}}}}),
      MakeTable("budget.income", UnitOfAmount::kWanYuan,
                {{"total",
                  "总计",
                  {{"total", "327,742.35", 3277423500},
                   {"fiscal_appropriation", "327,740.28", 3277402800},
                   {"carryover", "2.08", 20800}}}}),
  };
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  EXPECT_TRUE(Only(findings, "cross.summary_income").empty()) << Dump(findings);
  // Without carry-over columns the table's total is the year's own income.
  tables[1].rows[0].values.pop_back();
  tables[1].rows[0].values[0].amount_fen = 3277423500;
  findings.clear();
  ValidateTables(tables, findings);
  EXPECT_EQ(Only(findings, "cross.summary_income").size(), 1u) << Dump(findings);
}

// Jiangsu's income table lists its sources down the page (收入总计 / 一般公共预算资金 小计 /
// 公共财政拨款(补助)资金 / 其他资金): each source the summary prints is compared with it, not
// 财政拨款, which in the summary holds fund money too (js_procuratorate_2018 p13-14).
TEST(ValidateTablesTest, IncomeListedDownThePageAgainstTheSummary) {
  std::vector<CanonicalTable> tables = {
      MakeTable(
          "budget.income_expenditure_summary", UnitOfAmount::kWanYuan,
          {{"income.fiscal_appropriation", "一、财政拨款", {{"amount", "23,940.96", 2394096000}}},
           {"income.general_budget_appropriation",
            "1.一般公共预算",
            {{"amount", "21,940.96", 2194096000}}},
           {"income.grand_total", "收入总计", {{"amount", "21,955.35", 2195535000}}}}),
      MakeTable("budget.income", UnitOfAmount::kWanYuan,
                {{"income.grand_total", "收入总计", {{"amount", "21,955.35", 2195535000}}},
                 {"income.general_budget_appropriation",
                  "一般公共预算资金",
                  {{"amount", "21,940.96", 2194096000}}},
                 {"income.fiscal_appropriation",
                  "公共财政拨款(补助)资金",
                  {{"amount", "21,940.96", 2194096000}}}}),
  };
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  EXPECT_TRUE(Only(findings, "cross.summary_income").empty()) << Dump(findings);
  tables[1].rows[1].values[0].amount_fen = 2191096000;  // 21,910.96: a 4 read as 1
  findings.clear();
  ValidateTables(tables, findings);
  ASSERT_EQ(Only(findings, "cross.summary_income").size(), 1u) << Dump(findings);
  EXPECT_EQ(Only(findings, "cross.summary_income")[0].actual_fen, 2191096000);
}

// cn_central_xinfang_2026: the 财政拨款收支总表 spends the year's 16,474.82 万元
// and the 2,254.12 万元 carried over (201: 15,291.30), while the 一般公共预算支出表
// prints the year's appropriation only (201: 13,144.37): its total equals the
// year's line, so its classes are not compared; without the carry-over they are.
TEST(ValidateTablesTest, GeneralBudgetTableOfTheYearsAppropriationOnly) {
  auto tables_with = [](std::int64_t carried_fen) {
    return std::vector<CanonicalTable>{
        MakeTable(
            "budget.fiscal_appropriation_summary", UnitOfAmount::kWanYuan,
            {{"income.total_current_year", "一、本年收入", {{"amount", "16,474.82", 16474820000}}},
             {"income.general_budget_appropriation",
              "（一）一般公共预算拨款",
              {{"amount", "16,474.82", 16474820000}}},
             {"income.opening_carryover.general_budget",
              "（一）一般公共预算拨款",
              {{"amount", "2,254.12", carried_fen}}},
             {"expenditure.grand_total", "支出总计", {{"amount", "18,728.94", 18728940000}}},
             {"expenditure.201",
              "（一）一般公共服务支出",
              {{"amount", "15,291.30", 15291300000}}}}),
        MakeTable("budget.general_budget_expenditure", UnitOfAmount::kWanYuan,
                  {{"total", "合计", {{"total", "16,474.82", 16474820000}}},
                   {"201", "一般公共服务支出", {{"total", "13,144.37", 13144370000}}}}),
    };
  };
  std::vector<Finding> findings;
  ValidateTables(tables_with(22541200000), findings);
  EXPECT_TRUE(Only(findings, "cross.fiscal_general_budget").empty()) << Dump(findings);
  findings.clear();
  ValidateTables(tables_with(0), findings);
  EXPECT_EQ(Only(findings, "cross.fiscal_general_budget").size(), 1u) << Dump(findings);
}

// zj_hangzhou_transport_2026 p27: a 财政拨款收支总表 with one expenditure column
// whose income names 政府性基金预算 money: 212 城乡社区支出 (437,000.00) spends
// the land-sale fund as well, and is no 一般公共预算 figure (226,000.00 in
// p30's table). Its classes are compared only when no fund money is printed.
TEST(ValidateTablesTest, FundIncomeRowsMakeTheSummaryClassesAllFunds) {
  auto tables_with = [](std::int64_t fund_fen) {
    return std::vector<CanonicalTable>{
        MakeTable("budget.fiscal_appropriation_summary", UnitOfAmount::kWanYuan,
                  {{"income.general_budget_appropriation",
                    "一般公共预算",
                    {{"amount", "226,000.00", 22600000000}}},
                   {"income.gov_fund_appropriation",
                    "政府性基金预算",
                    {{"amount", "211,000.00", fund_fen}}},
                   {"expenditure.212", "城乡社区支出", {{"amount", "437,000.00", 43700000000}}}}),
        MakeTable("budget.general_budget_expenditure", UnitOfAmount::kWanYuan,
                  {{"total", "合计", {{"total", "226,000.00", 22600000000}}},
                   {"212", "城乡社区支出", {{"total", "226,000.00", 22600000000}}}}),
    };
  };
  std::vector<Finding> findings;
  ValidateTables(tables_with(21100000000), findings);
  EXPECT_TRUE(Only(findings, "cross.fiscal_general_budget").empty()) << Dump(findings);
  findings.clear();
  ValidateTables(tables_with(0), findings);
  EXPECT_EQ(Only(findings, "cross.fiscal_general_budget").size(), 1u) << Dump(findings);
}

// Hangzhou's 财政拨款收支预算总表 (zj_hangzhou_justice_2026 p28) prints
// 一、财政拨款 where others print 一、本年收入: in that kind the line is the
// year's income, so 收入总计 = it + 上年结转结余 and it = its sources.
TEST(ValidateTablesTest, FiscalSummaryYearLineNamedFiscalAppropriation) {
  const std::vector<RowSpec> rows = {
      {"income.fiscal_appropriation", "一、财政拨款", {{"amount", "91,495.48", 91495480000}}},
      {"income.general_budget_appropriation",
       "一般公共预算",
       {{"amount", "91,495.48", 91495480000}}},
      {"income.opening_carryover", "二、上年结转结余", {{"amount", "347.32", 347320000}}},
      {"income.grand_total", "收入总计", {{"amount", "91,842.80", 91842800000}}}};
  for (const char* kind :
       {"budget.fiscal_appropriation_summary", "budget.income_expenditure_summary"}) {
    std::vector<CanonicalTable> tables = {MakeTable(kind, UnitOfAmount::kWanYuan, rows)};
    std::vector<Finding> findings;
    ValidateTables(tables, findings);
    // In a 收支总表 一、财政拨款 is one source among others, not the year's line.
    const bool fiscal = std::string(kind) == "budget.fiscal_appropriation_summary";
    EXPECT_EQ(Only(findings, "summary.income_total").size(), fiscal ? 0u : 1u)
        << kind << Dump(findings);
  }
  // A wrong part is still found.
  std::vector<RowSpec> wrong = rows;
  wrong[1].cells[0].fen = 91495000000;
  std::vector<CanonicalTable> tables = {
      MakeTable("budget.fiscal_appropriation_summary", UnitOfAmount::kWanYuan, wrong)};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  EXPECT_EQ(Only(findings, "summary.income_sources").size(), 1u) << Dump(findings);
}

TEST(ValidateTablesTest, CodeNameAndParentConsistency) {
  std::vector<CanonicalTable> tables = {
      MakeTable("final.expenditure", UnitOfAmount::kWanYuan,
                {
                    {"208", "卫生健康支出", {{"total", "1.00", 1000000}}},
                    {"20805", "行政事业单位养老支出", {{"total", "1.00", 1000000}}},
                    {"21011", "行政事业单位医疗", {{"total", "0.00", 0}}},
                    {"2080501", "行政单位离退休", {{"total", "1.00", 1000000}}},
                })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  EXPECT_EQ(Only(findings, "code.name").size(), 1u) << Dump(findings);
  std::vector<Finding> parent = Only(findings, "code.parent");
  ASSERT_EQ(parent.size(), 1u) << Dump(findings);  // 21011 without its 类 210
  EXPECT_NE(parent[0].message.find("21011"), std::string::npos);
}

TEST(ValidateTablesTest, ThreePublicSums) {
  std::vector<CanonicalTable> tables = {
      MakeTable("final.three_public", UnitOfAmount::kYuan,
                {
                    {"three_public.total", "合计", {{"final", "62,500.00", 6250000}}},
                    {"three_public.overseas", "因公出国（境）费", {{"final", "0.00", 0}}},
                    {"three_public.vehicle_total",
                     "公务用车购置及运行维护费",
                     {{"final", "38,469.35", 3846935}}},
                    {"three_public.vehicle_purchase", "公务用车购置费", {{"final", "0.00", 0}}},
                    {"three_public.vehicle_operation",
                     "公务用车运行维护费",
                     {{"final", "38,469.35", 3846935}}},
                    {"three_public.reception", "公务接待费", {{"final", "24,100.00", 2410000}}},
                })};
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> sums = Only(findings, "sum.three_public");
  ASSERT_EQ(sums.size(), 1u) << Dump(findings);
  EXPECT_EQ(sums[0].expected_fen, 6256935);
}

// hn_changsha_police_2025_budget's 项目支出绩效目标表: 合计 40,233.95, its one unit row printing
// the same, and projects under it that add to less. A list whose subtotals add up level by level
// (a unit over its projects) holds.
TEST(ValidateTablesTest, ItemsUnderATotalRow) {
  auto list = [](std::int64_t last_fen, const char* last_printed) {
    return MakeTable("performance.targets", UnitOfAmount::kWanYuan,
                     {
                         {"total", "合计", {{"total", "40,233.95", 40233950000}}},
                         {"", "长沙市公安局", {{"total", "40,233.95", 40233950000}}},
                         {"", "大型警保卫经费", {{"total", "428.69", 428690000}}},
                         {"", "大院运行和维修经费", {{"total", "2,791.51", 2791510000}}},
                         {"", "警务辅助人员经费", {{"total", last_printed, last_fen}}},
                     });
  };
  std::vector<CanonicalTable> holding = {list(37013750000, "37,013.75")};
  std::vector<Finding> findings;
  std::map<std::string, CheckTally> tally;
  ValidateTables(holding, findings, &tally);
  EXPECT_TRUE(Only(findings, "sum.items").empty()) << Dump(findings);
  EXPECT_EQ(tally["sum.items"].checked, 1);
  EXPECT_EQ(tally["sum.items"].held, 1);

  std::vector<CanonicalTable> short_list = {list(35832660000, "35,832.66")};
  findings.clear();
  ValidateTables(short_list, findings);
  std::vector<Finding> items = Only(findings, "sum.items");
  ASSERT_EQ(items.size(), 1u) << Dump(findings);
  EXPECT_EQ(items[0].expected_fen, 39052860000);
  EXPECT_EQ(items[0].actual_fen, 40233950000);
  EXPECT_EQ(items[0].severity, Severity::kError);
  EXPECT_EQ(items[0].figures.size(), 4u);  // the total and three projects, not the unit row
  EXPECT_NE(items[0].message.find("1,181.09"), std::string::npos) << items[0].message;

  // A table with class codes is sum.total's; an `other` table is set aside.
  std::vector<CanonicalTable> others = {list(35832660000, "35,832.66")};
  others[0].kind = "other";
  findings.clear();
  ValidateTables(others, findings);
  EXPECT_TRUE(Only(findings, "sum.items").empty()) << Dump(findings);
}

// sh_putuo_finance_2024_final_MODIFIED removes 支出决算表 (known error M02).
TEST(ValidateTablesTest, MissingStandardTable) {
  std::vector<CanonicalTable> tables;
  for (const char* kind : {"final.income_expenditure_summary", "final.income",
                           "final.fiscal_appropriation_summary", "final.general_budget_expenditure",
                           "final.general_budget_basic_expenditure", "final.three_public"}) {
    tables.push_back(MakeTable(kind, UnitOfAmount::kWanYuan, {}));
  }
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  std::vector<Finding> missing = Only(findings, "table.missing");
  ASSERT_EQ(missing.size(), 1u) << Dump(findings);
  EXPECT_EQ(missing[0].severity, Severity::kWarning);
  EXPECT_NE(missing[0].message.find("final.expenditure"), std::string::npos);
  // A document with no table part is not incomplete.
  findings.clear();
  ValidateTables({MakeTable("final.three_public", UnitOfAmount::kYuan, {})}, findings);
  EXPECT_TRUE(Only(findings, "table.missing").empty());
}

Figure NarrativeFigure(const char* metric, const char* printed, std::int64_t fen,
                       UnitOfAmount unit) {
  Figure figure;
  figure.table_kind = "narrative";
  figure.row_code = metric;
  figure.column = "amount";
  figure.amount_fen = fen;
  figure.printed_text = printed;
  figure.printed_unit = unit;
  return figure;
}

CanonicalTable ThreePublicTable() {
  return MakeTable("final.three_public", UnitOfAmount::kYuan,
                   {
                       {"three_public.vehicle_operation",
                        "公务用车运行维护费",
                        {{"final", "38,469.35", 3846935}}},
                       {"three_public.reception", "公务接待费", {{"final", "24,100.00", 2410000}}},
                   });
}

// The seed 003 case: "公务用车运行维护费3.85元" where the table holds
// 38,469.35 元 = 3.85 万元 within 0.005 万元.
TEST(ReconcileNarrativeTest, CorrectsMisprintedUnit) {
  std::vector<CanonicalTable> tables = {ThreePublicTable()};
  std::vector<Figure> narrative = {
      NarrativeFigure("three_public.vehicle_operation", "3.85元", 385, UnitOfAmount::kYuan),
      NarrativeFigure("three_public.reception", "2.41万元", 2410000, UnitOfAmount::kWanYuan)};
  std::vector<Finding> findings;
  ReconcileNarrative(tables, narrative, findings);
  ASSERT_EQ(findings.size(), 1u) << Dump(findings);
  const Finding& finding = findings[0];
  EXPECT_EQ(finding.check, "narrative.unit_misprint");
  EXPECT_EQ(finding.severity, Severity::kWarning);
  EXPECT_EQ(finding.printed_text, "3.85元");
  EXPECT_EQ(finding.expected_fen, 3846935);
  EXPECT_EQ(finding.actual_fen, 385);
  EXPECT_EQ(finding.tolerance_fen, 5000);
  EXPECT_NE(finding.message.find("3.85元"), std::string::npos);
  EXPECT_NE(finding.message.find("万元"), std::string::npos);
  EXPECT_NE(finding.message.find("38500.00"), std::string::npos);
  EXPECT_NE(finding.message.find("3.85 yuan"), std::string::npos);
  EXPECT_TRUE(narrative[0].corrected);
  EXPECT_EQ(narrative[0].amount_fen, 3850000);
  EXPECT_FALSE(narrative[1].corrected);
  EXPECT_EQ(narrative[1].amount_fen, 2410000);
}

TEST(ReconcileNarrativeTest, WanYuanPrintedWhereTableShowsYuan) {
  std::vector<CanonicalTable> tables = {ThreePublicTable()};
  std::vector<Figure> narrative = {NarrativeFigure("three_public.reception", "24,100.00万元",
                                                   24100000000, UnitOfAmount::kWanYuan)};
  std::vector<Finding> findings;
  ReconcileNarrative(tables, narrative, findings);
  ASSERT_EQ(findings.size(), 1u) << Dump(findings);
  EXPECT_EQ(findings[0].check, "narrative.unit_misprint");
  EXPECT_EQ(narrative[0].amount_fen, 2410000);
  EXPECT_TRUE(narrative[0].corrected);
}

TEST(ReconcileNarrativeTest, UnexplainedMismatchIsAnError) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "final.income_expenditure_summary", UnitOfAmount::kWanYuan,
      {{"income.total_current_year", "本年收入合计", {{"amount", "7,979.55", 7979550000}}}})};
  std::vector<Figure> narrative = {
      NarrativeFigure("total_income", "7,979.57 万元", 7979570000, UnitOfAmount::kWanYuan),
      NarrativeFigure("total_expenditure", "1.00万元", 1000000, UnitOfAmount::kWanYuan)};
  std::vector<Finding> findings;
  ReconcileNarrative(tables, narrative, findings);
  ASSERT_EQ(findings.size(), 1u) << Dump(findings);
  EXPECT_EQ(findings[0].check, "narrative.vs_table");
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_EQ(findings[0].expected_fen, 7979550000);
  EXPECT_EQ(findings[0].actual_fen, 7979570000);
  EXPECT_EQ(findings[0].tolerance_fen, 10000);
  EXPECT_FALSE(narrative[0].corrected);
}

TEST(ReconcileNarrativeTest, GrandTotalStatementComparesWithGrandTotal) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "budget.income_expenditure_summary", UnitOfAmount::kWanYuan,
      {{"income.total_current_year", "本年收入合计", {{"amount", "13,297.11", 13297110000}}},
       {"income.grand_total", "收入总计", {{"amount", "13,377.11", 13377110000}}}})};
  std::vector<Figure> narrative = {
      NarrativeFigure("total_income", "13,377.11万元", 13377110000, UnitOfAmount::kWanYuan)};
  narrative[0].row_name = "（一）收入预算总计";
  std::vector<Finding> findings;
  ReconcileNarrative(tables, narrative, findings);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
  // "部门收入预算 X" (seed 004) may name either total: the grand one agrees.
  narrative[0].row_name = "部门收入预算";
  ReconcileNarrative(tables, narrative, findings);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
  narrative[0].row_name = "本年收入";
  ReconcileNarrative(tables, narrative, findings);
  ASSERT_EQ(findings.size(), 1u) << Dump(findings);
  EXPECT_EQ(findings[0].check, "narrative.vs_table");
}

TEST(ReconcileNarrativeTest, AgreesWithinNarrativeRounding) {
  std::vector<CanonicalTable> tables = {MakeTable(
      "final.income_expenditure_summary", UnitOfAmount::kYuan,
      {{"income.total_current_year", "本年收入合计", {{"amount", "79,795,549.99", 7979554999}}}})};
  std::vector<Figure> narrative = {
      NarrativeFigure("total_income", "7,979.55 万元", 7979550000, UnitOfAmount::kWanYuan)};
  std::vector<Finding> findings;
  ReconcileNarrative(tables, narrative, findings);
  EXPECT_TRUE(findings.empty()) << Dump(findings);
}

// A figure printed with fewer decimals than its table's others gets a wider half-unit, and a
// digit the reader lost hides inside it (3,166.6 read for 3,166.64). The identity still holds
// (no sum.* finding), but sum.precision names the short figure when the table's own precision
// would not allow the difference. A short figure that is exact (12.5 for 12.50, a
// spreadsheet's export) adds up at the table's precision and is not named. An OCR'd short figure
// is named whenever the sum is not exact (20.1 read for 20.11 万元 is within three figures'
// rounding); a text layer's is not.
TEST(ValidateTablesTest, IdentityHoldingOnlyByAShortFigureNamesIt) {
  struct Case {
    const char* name;
    Cell total;  // the total row's total, parts 1,000.32 + 2,166.32
    std::size_t findings;
  };
  const Case cases[] = {
      {"LastDigitLost", {"total", "3,166.6", 3166600000}, 1},
      {"AllFigures2Decimals", {"total", "3,166.64", 3166640000}, 0},
      {"ShortButExact", {"total", "3,166.6", 3166600000}, 0},
      // A whole number among decimals is the publisher's rounding, not a lost digit.
      {"WholeNumber", {"total", "3,167", 3167000000}, 0},
      // Parts 1,000.29 + 2,166.32 = 3,166.61: within the table's rounding of three figures.
      {"WithinRounding", {"total", "3,166.6", 3166600000}, 0},
      {"OcrWithinRounding", {"total", "3,166.6", 3166600000}, 1},
      // On a scan a whole number may have lost its decimals to the cell beside it (40,122,867
      // with `,30` read into the next label, H26 s3w_0410_budget): named when not exact.
      {"OcrWholeNumber", {"total", "3,167", 3167000000}, 1},
  };
  for (const Case& c : cases) {
    const bool exact = std::string(c.name) == "ShortButExact";
    const bool within = std::string(c.name).find("WithinRounding") != std::string::npos;
    const Cell first = exact    ? Cell{"total", "1,000.28", 1000280000}
                       : within ? Cell{"total", "1,000.29", 1000290000}
                                : Cell{"total", "1,000.32", 1000320000};
    std::vector<CanonicalTable> tables = {
        MakeTable("budget.expenditure", UnitOfAmount::kWanYuan,
                  {
                      {"total", "合计", {c.total}},
                      {"201", "一般公共服务支出", {first}},
                      {"205", "教育支出", {{"total", "2,166.32", 2166320000}}},
                      {"20501", "教育管理事务", {{"total", "2,166.32", 2166320000}}},
                  })};
    if (std::string(c.name).rfind("Ocr", 0) == 0) {
      tables[0].rows[0].values[0].provenance.origin = TextOrigin::kOcr;
    }
    std::vector<Finding> findings;
    ValidateTables(tables, findings, nullptr, /*reading_doubts=*/true);
    EXPECT_TRUE(Only(findings, "sum.total").empty()) << c.name << Dump(findings);
    const std::vector<Finding> precision = Only(findings, "sum.precision");
    ASSERT_EQ(precision.size(), c.findings) << c.name << Dump(findings);
    if (c.findings == 0) continue;
    EXPECT_EQ(precision[0].figures.front().row_code, "total");
    EXPECT_NE(precision[0].message.find(c.total.printed), std::string::npos);
  }
}

// A failing identity says its difference as the table prints amounts: a row the reader lost
// prints exactly that amount, and the message lets it be found on the page.
TEST(ValidateTablesTest, FailingSumQuotesItsDifferenceAsPrinted) {
  struct Case {
    UnitOfAmount unit;
    Cell lost_child;  // the child row read; its sibling (the difference) was lost
    const char* quoted;
  };
  const Case cases[] = {
      {UnitOfAmount::kWanYuan, {"total", "881.11", 881110000}, "would print 918.62"},
      {UnitOfAmount::kYuan, {"total", "8,811,100.00", 881110000}, "would print 9,186,200.00"},
  };
  for (const Case& c : cases) {
    const std::int64_t parent = 881110000 + 918620000;
    const std::string printed = c.unit == UnitOfAmount::kWanYuan ? "1,799.73" : "17,997,300.00";
    std::vector<CanonicalTable> tables = {
        MakeTable("final.expenditure", c.unit,
                  {
                      {"21011", "行政事业单位医疗", {{"total", printed.c_str(), parent}}},
                      {"2101102", "事业单位医疗", {c.lost_child}},
                  })};
    std::vector<Finding> findings;
    ValidateTables(tables, findings);
    const std::vector<Finding> children = Only(findings, "sum.children");
    ASSERT_EQ(children.size(), 1u) << Dump(findings);
    EXPECT_NE(children[0].message.find(c.quoted), std::string::npos) << children[0].message;
  }
}

// A 类 row with amounts and no 款 row under it, where the table's other 类 rows have theirs:
// its rows were lost, and no sum can say so. A table that prints 类 rows only, or two of three
// classes without children, is not named.
TEST(ValidateTablesTest, ClassRowWithoutItsRowsIsNamed) {
  const RowSpec with_rows[] = {
      {"201", "一般公共服务支出", {{"total", "10.00", 100000}}},
      {"20101", "人大事务", {{"total", "10.00", 100000}}},
      {"205", "教育支出", {{"total", "20.00", 200000}}},
      {"20502", "普通教育", {{"total", "20.00", 200000}}},
  };
  const RowSpec alone = {"221", "住房保障支出", {{"total", "30.00", 300000}}};
  const RowSpec alone2 = {"208", "社会保障和就业支出", {{"total", "40.00", 400000}}};
  struct Case {
    const char* name;
    std::vector<RowSpec> rows;
    std::size_t named;
  };
  const Case cases[] = {
      {"OneClassLostItsRows", {with_rows[0], with_rows[1], with_rows[2], with_rows[3], alone}, 1},
      {"ClassRowsOnly", {with_rows[0], with_rows[2], alone}, 0},
      {"AllHaveTheirRows", {with_rows[0], with_rows[1], with_rows[2], with_rows[3]}, 0},
      {"TwoOfFourWithout",
       {with_rows[0], with_rows[1], with_rows[2], with_rows[3], alone, alone2},
       0},
  };
  for (const Case& c : cases) {
    std::vector<CanonicalTable> tables = {
        MakeTable("final.expenditure", UnitOfAmount::kYuan, c.rows)};
    std::vector<Finding> findings;
    ValidateTables(tables, findings, nullptr, /*reading_doubts=*/true);
    const std::vector<Finding> named = Only(findings, "code.no_children");
    ASSERT_EQ(named.size(), c.named) << c.name << Dump(findings);
    if (c.named == 0) continue;
    ASSERT_EQ(named[0].figures.size(), 1u);
    EXPECT_EQ(named[0].figures[0].row_code, "221");
  }
}

// A function-coded standard table read without its 合计 row says so and what the row would
// print; a table with its total, or one by economic class (two sides whose totals are
// 人员经费合计 / 公用经费合计), does not.
TEST(ValidateTablesTest, CodedTableWithoutItsTotalRowSaysWhatItWouldPrint) {
  struct Case {
    const char* name;
    std::vector<RowSpec> rows;
    const char* quoted;  // "" for no finding
  };
  const Case cases[] = {
      {"TotalLost",
       {{"201", "一般公共服务支出", {{"total", "210.06", 2100600}}},
        {"20101", "人大事务", {{"total", "210.06", 2100600}}},
        {"205", "教育支出", {{"total", "110.52", 1105200}}}},
       "total 320.58"},
      {"TotalRead",
       {{"total", "合计", {{"total", "320.58", 3205800}}},
        {"201", "一般公共服务支出", {{"total", "210.06", 2100600}}},
        {"205", "教育支出", {{"total", "110.52", 1105200}}}},
       ""},
      {"EconomicClasses",
       {{"301", "工资福利支出", {{"total", "210.06", 2100600}}},
        {"302", "商品和服务支出", {{"total", "110.52", 1105200}}}},
       ""},
  };
  for (const Case& c : cases) {
    std::vector<CanonicalTable> tables = {
        MakeTable("budget.general_budget_expenditure", UnitOfAmount::kWanYuan, c.rows)};
    for (CanonicalRow& row : tables[0].rows) {
      for (Figure& figure : row.values) figure.amount_fen *= 100;  // yuan above, in fen
    }
    std::vector<Finding> findings;
    ValidateTables(tables, findings, nullptr, /*reading_doubts=*/true);
    const std::vector<Finding> missing = Only(findings, "row.total_missing");
    if (std::string(c.quoted).empty()) {
      EXPECT_TRUE(missing.empty()) << c.name << Dump(findings);
      continue;
    }
    ASSERT_EQ(missing.size(), 1u) << c.name << Dump(findings);
    EXPECT_NE(missing[0].message.find(c.quoted), std::string::npos) << missing[0].message;
  }
}

}  // namespace
}  // namespace disclose
