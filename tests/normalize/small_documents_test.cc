// Small whole documents in, figures in yuan and findings out: units of
// amount, row codes and header shapes met in real files, each reduced to the
// few lines that matter. Cells are tab-separated, as the text reader reads
// seed exports, so positions (a unit declared after its table, 类/款/项 in
// the 合计 row) are exercised exactly as printed.

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

struct DocumentCase {
  std::string name;
  std::string text;
  std::vector<ExpectedFigure> figures;
  std::vector<std::string> findings_present;  // check ids that must be reported
  std::vector<std::string> findings_absent;   // check ids that must not be
};

const std::string kFinalTitle = "上海市普陀区测试局2024年度部门决算\n\n";

const std::vector<DocumentCase>& Cases() {
  static const std::vector<DocumentCase> cases = {
      // A text export laid out with spaces (pdftotext -layout), rows set tight: 合计 wrapped
      // under 本年支出 is one header word (total), not a group's child (expenditure.total).
      {"space-laid table with a header word wrapped under its column",
       kFinalTitle +
           "支出决算表\n\n单位：元\n\n"
           "科目编码          科目名称              本年支出           基本支出         项目支出\n"
           "                                 合计\n"
           "201           一般公共服务支出            1,000.00       600.00       400.00\n"
           "20101         人大事务                1,000.00       600.00       400.00\n"
           "合计                                1,000.00       600.00       400.00\n",
       {{"final.expenditure", "201", "total", "1000.00"},
        {"final.expenditure", "20101", "basic", "600.00"},
        {"final.expenditure", "total", "project", "400.00"}},
       {},
       {"unit.document_default"}},
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
      {"类/款/项 header words in the 合计 row (sh_putuo_finance_2024_final p8)",
       kFinalTitle + "收入决算表\n\n单位：万元\n\n"
                     "支出功能分类科目编码\t\t\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n"
                     "类\t款\t项\t合计\t10.00\t9.00\t1.00\n"
                     "201\t\t\t一般公共服务支出\t10.00\t9.00\t1.00\n"
                     "201\t06\t\t财政事务\t10.00\t9.00\t1.00\n"
                     "201\t06\t01\t行政运行\t10.00\t9.00\t1.00\n",
       {{"final.income", "total", "total", "100000.00"},
        {"final.income", "20106", "fiscal_appropriation", "90000.00"},
        {"final.income", "2010601", "other", "10000.00"}},
       {},
       {"sum.total", "sum.children", "row.unkeyed"}},
      {"a row broken by a page break: code and amounts completed on the next page",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "科目编码\t科目名称\t本年收入合计\t财政拨款收入\n"
                     "210\t卫生健康支出\t3,667,731.42\t3,667,731.42\n"
                     "21015\t医疗保障管理事务\t3,667,731.42\t3,667,731.42\n"
                     "2101501\t行政运行\t3,280,661.42\t3,280,661.42\n"
                     "210150\t信息化建\t387,\t387,070.00\n\n"
                     "- 3 -\n\n"
                     "4\t设\t070.00\t\n",
       {{"final.income", "2101501", "total", "3280661.42"},
        {"final.income", "2101504", "total", "387070.00"},
        {"final.income", "2101504", "fiscal_appropriation", "387070.00"}},
       {"table.row_rejoined"},
       {"sum.children", "amount.unparsed", "amount.irregular_grouping", "row.unkeyed"}},
      {"the rest of a row cut by the page: codes and an amount, no name (seed 004 rendered)",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "科目编码\t\t\t科目名称\t本年收入合计\n"
                     "类\t款\t项\t\t\n"
                     "201\t\t\t一般公共服务支出\t2.20\n"
                     "201\t34\t\t统战事务\t2.20\n"
                     "201\t3\t0\t宗教事务\t2.2\n\n"
                     "- 3 -\n\n"
                     "\t4\t4\t\t0\n"
                     "208\t\t\t社会保障和就业支出\t76.45\n",
       {{"final.income", "2013404", "total", "2.20"}, {"final.income", "208", "total", "76.45"}},
       {"table.row_rejoined"},
       {"sum.children", "row.unkeyed"}},
      {"an amount cut after its first decimal, its name completed below",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "科目编码\t科目名称\t本年收入合计\t财政拨款收入\n"
                     "21011\t行政事业单位医疗\t345.63\t345.63\n"
                     "2101101\t行政单位医疗\t339.67\t339.67\n"
                     "2101103\t公务员医疗\t5.9\t5.96\n\n"
                     "- 3 -\n\n"
                     "\t补助\t6\t\n"
                     "21015\t医疗保障管理事务\t1.00\t1.00\n",
       {{"final.income", "2101103", "total", "5.96"},
        {"final.income", "2101103", "fiscal_appropriation", "5.96"}},
       {"table.row_rejoined"},
       {"sum.children", "row.unkeyed"}},
      {"two whole rows on either side of a page break stay two rows",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "科目编码\t科目名称\t本年收入合计\t财政拨款收入\n"
                     "21015\t医疗保障管理事务\t1,234.00\t1,234.00\n"
                     "2101501\t行政运行\t1,000.00\t1,000.00\n\n"
                     "- 3 -\n\n"
                     "2101504\t信息化建设\t234.00\t234.00\n",
       {{"final.income", "2101501", "total", "1000.00"},
        {"final.income", "2101504", "total", "234.00"}},
       {},
       {"table.row_rejoined", "sum.children"}},
      {"separators in the wrong places: read digit for digit, reported",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "科目编码\t科目名称\t本年收入合计\n"
                     "2101501\t行政运行\t3,279,76\n",
       {{"final.income", "2101501", "total", "327976.00"}},
       {"amount.irregular_grouping"},
       {}},
      {"a header cut by a page break: the first page holds only its upper half",
       kFinalTitle + "收入决算表\n\n金额单位：元\n\n"
                     "支出功能分类\t\t收入\t\n"
                     "科目编码\t科目名称\t本年收\t财政拨\n\n"
                     "- 3 -\n\n"
                     "\t\t入合计\t款收入\n"
                     "2101501\t行政运行\t100.00\t100.00\n",
       {{"final.income", "2101501", "total", "100.00"},
        {"final.income", "2101501", "fiscal_appropriation", "100.00"}},
       {},
       {"column.unkeyed", "row.unkeyed"}},
      {"Jiangsu summary: a class name cut by the page, 收入合计 after the year's subtotal",
       "江苏省测试厅2017年部门预算\n\n收支预算总表\n\n单位：万元\n\n"
       "收入\t\t支出\t\n"
       "项目\t金额\t项目\t金额\n"
       "一、财政拨款\t100.00\t一、一般公共服务支出\t60.00\n"
       "\t\t八、社会保障和就\t40.00\n\n"
       "- 3 -\n\n"
       "\t\t业支出\t\n"
       "当年收入小计\t100.00\t当年支出小计\t100.00\n"
       "上年结转资金\t\t结转下年资金\t\n"
       "收入合计\t100.00\t支出合计\t100.00\n",
       {{"budget.income_expenditure_summary", "expenditure.208", "amount", "400000.00"},
        {"budget.income_expenditure_summary", "income.total_current_year", "amount", "1000000.00"},
        {"budget.income_expenditure_summary", "income.grand_total", "amount", "1000000.00"},
        {"budget.income_expenditure_summary", "expenditure.total_current_year", "amount",
         "1000000.00"},
        {"budget.income_expenditure_summary", "expenditure.grand_total", "amount", "1000000.00"}},
       {"table.row_rejoined"},
       {"row.unkeyed", "summary.expenditure_classes", "summary.balance"}},
      {"款 printed without its leading zero by Excel",
       "上海市普陀区测试街道2024年部门预算\n\n"
       "部门一般公共预算基本支出部门预算经济分类预算表\n\n单位：元\n\n"
       "经济分类科目编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费\n"
       "类\t款\t\t\t\t\n"
       "301\t\t工资福利支出\t300\t300\t0\n"
       "301\t1\t基本工资\t100\t100\t0\n"
       "301\t2\t津贴补贴\t200\t200\t0\n",
       {{"budget.general_budget_basic_expenditure", "30101", "personnel", "100.00"},
        {"budget.general_budget_basic_expenditure", "30102", "total", "200.00"}},
       {},
       {"sum.children", "row.unkeyed"}},
      {"款 and 项 codes in one cell: a PDF without rules where one row alone prints a 项 code",
       "重庆市测试局2025年部门预算\n\n一般公共预算支出情况表\n\n单位：元\n\n"
       "功能分类科目编码\t\t科目名称\t合计\t基本支出\t项目支出\n"
       "类\t款\t项\t\t\t\n"
       "210\t\t卫生健康支出\t4.11\t4.11\t\n"
       "210\t13\t医疗保障管理事务\t4.11\t4.11\t\n"
       "210\t13 01\t行政运行\t4.11\t4.11\t\n",
       {{"budget.general_budget_expenditure", "2101301", "total", "4.11"},
        {"budget.general_budget_expenditure", "21013", "basic", "4.11"}},
       {},
       {"row.unkeyed", "sum.children", "sum.columns"}},
      {"a source-by-row income table (Jiangsu 收入预算总表)",
       "江苏省测试厅2019年部门预算\n\n收入预算总表\n\n单位：万元\n\n"
       "项目名称\t\t金额\n"
       "收入总计\t\t12.00\n"
       "一般公共预算资金\t小计\t10.00\n"
       "其他资金\t小计\t2.00\n",
       {{"budget.income", "income.grand_total", "amount", "120000.00"},
        {"budget.income", "income.other", "amount", "20000.00"}},
       {},
       {}},
      {"a summary's classes printed with their codes are expenditure lines (seed 004 表4)",
       "新疆测试局2024年部门预算\n\n财政拨款收支预算总体情况表\n\n单位：万元\n\n"
       "财政拨款收入\t\t财政拨款支出\t\t\n"
       "项目\t合计\t支出功能分类\t合计\t一般公共预算\n"
       "一、财政拨款（补助）\t2.20\t201 一般公共服务支出\t2.20\t2.20\n",
       {{"budget.fiscal_appropriation_summary", "expenditure.201", "total", "22000.00"},
        {"budget.fiscal_appropriation_summary", "expenditure.201", "general_budget", "22000.00"},
        {"budget.fiscal_appropriation_summary", "income.fiscal_appropriation", "amount",
         "22000.00"}},
       {},
       {"row.unkeyed"}},
      {"one figure row without labels is the totals row (Jiangsu 支出预算总表)",
       "江苏省测试厅2017年部门预算\n\n支出预算总表\n\n单位：万元\n\n"
       "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金\n"
       "9,146.79\t5,916.27\t3,123.68\t106.84\t\n",
       {{"budget.expenditure", "total", "total", "91467900.00"},
        {"budget.expenditure", "total", "reserve", "1068400.00"}},
       {},
       {"sum.columns", "row.unkeyed"}},
      {"三公 items across the header, each split into 预算数 and 决算数 (sh_putuo_finance_2024 "
       "p18)",
       kFinalTitle + "财政拨款“三公”经费支出决算表\n\n单位：万元\n\n"
                     "财政拨款“三公”经费\t\t\t\t\t\t\t\t\t\t\t\n"
                     "合计\t\t因公出国（境）费\t\t公务用车购置及运行费\t\t\t\t\t\t公务接待费\t\n"
                     "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行费\t\t\t\n"
                     "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算"
                     "数\t预算数\t"
                     "决算数\n"
                     "0.95\t\t\t\t\t\t\t\t0.20\t0.10\t0.95\t\n\n"
                     "2024年度“三公”经费财政拨款支出决算为0.00万元。\n",
       {{"final.three_public", "three_public.total", "budget", "9500.00"},
        {"final.three_public", "three_public.reception", "budget", "9500.00"},
        {"final.three_public", "three_public.vehicle_operation", "budget", "2000.00"},
        {"final.three_public", "three_public.vehicle_operation", "final", "1000.00"}},
       {},
       {"narrative.vs_table"}},
      {"a grand total stated in the text is checked against the summary's 总计 (M05, O01)",
       kFinalTitle + "收入支出决算总表\n\n单位：万元\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "一、一般公共预算财政拨款收入\t2,995.39\t一、一般公共服务支出\t2,995.39\n"
                     "本年收入合计\t2,995.39\t本年支出合计\t2,995.39\n"
                     "总计\t2,995.39\t总计\t2,995.39\n\n"
                     "上海市普陀区测试局2024年度收入支出总计0万元。\n",
       {{"narrative", "grand_total", "amount", "0.00"}},
       {"narrative.vs_table"},
       {}},
      {"a grand total that agrees raises nothing",
       kFinalTitle + "收入支出决算总表\n\n单位：万元\n\n"
                     "项目\t金额\t项目\t金额\n"
                     "本年收入合计\t2,995.39\t本年支出合计\t2,995.39\n"
                     "总计\t2,995.39\t总计\t2,995.39\n\n"
                     "上海市普陀区测试局2024年度收入支出总计2995.39万元。\n",
       {{"narrative", "grand_total", "amount", "29953900.00"}},
       {},
       {"narrative.vs_table"}},
      {"the 三公 year-start budget quoted while the table prints none (M03)",
       kFinalTitle + "财政拨款“三公”经费支出决算表\n\n单位：万元\n\n"
                     "项目\t预算数\t决算数\n"
                     "合计\t\t\n"
                     "公务接待费\t\t\n\n"
                     "2024年度“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。\n",
       {{"narrative", "three_public.total_budget", "amount", "9500.00"}},
       {"narrative.three_public_budget"},
       {"narrative.vs_table"}},
      {"the 三公 year-start budget quoted and printed alike",
       kFinalTitle + "财政拨款“三公”经费支出决算表\n\n单位：万元\n\n"
                     "项目\t预算数\t决算数\n"
                     "合计\t0.95\t\n"
                     "公务接待费\t0.95\t\n\n"
                     "2024年度“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元。\n",
       {{"final.three_public", "three_public.total", "budget", "9500.00"}},
       {},
       {"narrative.three_public_budget", "narrative.vs_table"}},
  };
  return cases;
}

TEST(SmallDocumentsTest, FiguresInYuanAndFindings) {
  for (const DocumentCase& c : Cases()) {
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
