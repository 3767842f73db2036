// Units of amount end to end: a small text document in, figures in yuan out.
// Each case is a whole document (tab-separated cells, as the text reader
// reads seed exports), so the declaration's position relative to the table
// is exercised exactly as it is printed.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/money.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

struct ExpectedFigure {
  std::string table_kind;
  std::string row_code;
  std::string column;
  std::string amount_yuan;
};

struct UnitCase {
  std::string name;
  std::string text;
  std::vector<ExpectedFigure> figures;
  std::vector<std::string> findings_present;  // check ids that must be reported
  std::vector<std::string> findings_absent;   // check ids that must not be
};

const std::string kFinalTitle = "上海市普陀区测试局2024年度部门决算\n\n";

const std::vector<UnitCase>& Cases() {
  static const std::vector<UnitCase> cases = {
      {"yuan table",
       kFinalTitle +
           "收入支出决算表\n\n金额单位：元\n\n"
           "项目\t金额\t项目\t金额\n"
           "一、一般公共预算财政拨款收入\t1,234,567.89\t一、一般公共服务支出\t1,234,567.89\n"
           "本年收入合计\t1,234,567.89\t本年支出合计\t1,234,567.89\n",
       {{"final.income_expenditure_summary", "income.general_budget_appropriation", "amount",
         "1234567.89"},
        {"final.income_expenditure_summary", "expenditure.201", "amount", "1234567.89"},
        {"final.income_expenditure_summary", "expenditure.total_current_year", "amount",
         "1234567.89"}},
       {},
       {"unit.document_default", "unit.unknown", "summary.income_sources"}},
      {"wan yuan table",
       kFinalTitle + "收入支出决算表\n\n单位:万元\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "一、一般公共预算财政拨款收入\t263.33\t八、社会保障和就业支出\t263.33\n"
                     "本年收入合计\t263.33\t本年支出合计\t263.33\n",
       {{"final.income_expenditure_summary", "income.general_budget_appropriation", "amount",
         "2633300.00"},
        {"final.income_expenditure_summary", "expenditure.208", "amount", "2633300.00"}},
       {},
       {"unit.document_default", "unit.unknown"}},
      {"unit declared after the table",
       kFinalTitle + "收入支出决算表\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "一、一般公共预算财政拨款收入\t12.50\t八、社会保障和就业支出\t12.50\n"
                     "本年收入合计\t12.50\t本年支出合计\t12.50\n\n"
                     "单位：万元\n",
       {{"final.income_expenditure_summary", "income.general_budget_appropriation", "amount",
         "125000.00"}},
       {},
       {"unit.document_default", "unit.unknown"}},
      {"no unit anywhere: figures not read, error reported",
       kFinalTitle + "收入支出决算表\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "一、一般公共预算财政拨款收入\t12.50\t八、社会保障和就业支出\t12.50\n",
       {},
       {"unit.unknown"},
       {}},
      {"undeclared table falls back on the document's unit with a finding",
       kFinalTitle + "收入支出决算表\n\n金额单位：元\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "本年收入合计\t100.00\t本年支出合计\t100.00\n\n"
                     "支出决算表\n\n"
                     "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
                     "\t合计\t100.00\t60.00\t40.00\n",
       {{"final.expenditure", "total", "basic", "60.00"}},
       {"unit.document_default"},
       {"unit.unknown"}},
      {"misprinted narrative unit is corrected by the table",
       kFinalTitle + "财政拨款“三公”经费支出决算表\n\n金额单位：元\n\n"
                     "项目\t预算数\t决算数\n"
                     "合计\t40,000.00\t38,469.35\n"
                     "公务用车运行维护费\t40,000.00\t38,469.35\n\n"
                     "2024年“三公”经费支出总额3.85万元，其中公务用车运行维护费3.85元。\n",
       {{"final.three_public", "three_public.vehicle_operation", "final", "38469.35"},
        {"narrative", "three_public.vehicle_operation", "amount", "38500.00"},
        {"narrative", "three_public.total", "amount", "38500.00"}},
       {"narrative.unit_misprint"},
       {"narrative.vs_table"}},
      {"summary expenditure split into 人员经费/公用经费 without a 基本支出 column",
       "上海市普陀区测试院2024年单位预算\n\n2024年预算单位财务收支预算总表\n\n单位：元\n\n"
       "本年收入\t\t本年支出\n"
       "项目\t预算数\t项目\t合计\t人员经费\t公用经费\t项目支出\n"
       "一、财政拨款收入\t1,000\t二、社会保障和就业支出\t1,000\t600\t300\t100\n",
       {{"budget.income_expenditure_summary", "expenditure.208", "total", "1000.00"},
        {"budget.income_expenditure_summary", "expenditure.208", "personnel", "600.00"},
        {"budget.income_expenditure_summary", "expenditure.208", "project", "100.00"}},
       {},
       {"sum.columns"}},
  };
  return cases;
}

TEST(UnitsTest, FiguresInYuanAndFindings) {
  for (const UnitCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    Result<Document> document = ReadText(c.text, "case.txt", ExtractOptions{});
    ASSERT_TRUE(document.ok()) << document.status().ToString();
    const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
    const std::vector<Figure> figures = normalized.AllFigures();
    for (const ExpectedFigure& expected : c.figures) {
      int matches = 0;
      std::string amount;
      for (const Figure& figure : figures) {
        if (figure.table_kind == expected.table_kind && figure.row_code == expected.row_code &&
            figure.column == expected.column) {
          ++matches;
          amount = FormatYuan(figure.amount_fen);
        }
      }
      EXPECT_EQ(matches, 1) << expected.table_kind << " " << expected.row_code << " "
                            << expected.column;
      EXPECT_EQ(amount, expected.amount_yuan)
          << expected.table_kind << " " << expected.row_code << " " << expected.column;
    }
    auto reported = [&](const std::string& check) {
      for (const Finding& finding : normalized.findings) {
        if (finding.check == check) return true;
      }
      return false;
    };
    for (const std::string& check : c.findings_present) EXPECT_TRUE(reported(check)) << check;
    for (const std::string& check : c.findings_absent) EXPECT_FALSE(reported(check)) << check;
  }
}

}  // namespace
}  // namespace disclose
