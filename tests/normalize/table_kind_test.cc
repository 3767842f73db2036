#include "normalize/table_kind.h"

#include <gtest/gtest.h>

#include <string>

namespace disclose {
namespace {

struct TitleCase {
  const char* title;
  DocKind doc_kind;
  const char* kind;
};

TEST(TableKindTest, TitlesMapToContractKinds) {
  const TitleCase cases[] = {
      {"2022年度收入支出决算表", DocKind::kUnknown, "final.income_expenditure_summary"},
      {"收入支出决算总表", DocKind::kFinalAccounts, "final.income_expenditure_summary"},
      {"收入决算表", DocKind::kFinalAccounts, "final.income"},
      {"支出决算表", DocKind::kFinalAccounts, "final.expenditure"},
      {"财政拨款收入支出决算表", DocKind::kFinalAccounts, "final.fiscal_appropriation_summary"},
      {"财政拨款收入支出决算总表", DocKind::kUnknown, "final.fiscal_appropriation_summary"},
      {"一般公共预算财政拨款收入支出决算表", DocKind::kFinalAccounts,
       "final.general_budget_expenditure"},
      {"一般公共预算财政拨款支出决算表", DocKind::kUnknown, "final.general_budget_expenditure"},
      {"一般公共预算财政拨款基本支出决算表", DocKind::kUnknown,
       "final.general_budget_basic_expenditure"},
      {"一般公共预算财政拨款项目支出决算表", DocKind::kUnknown,
       "final.general_budget_project_expenditure"},
      {"政府性基金预算财政拨款收入支出决算表", DocKind::kUnknown, "final.gov_fund"},
      {"国有资本经营预算财政拨款收入支出决算表", DocKind::kUnknown, "final.state_capital"},
      {"公开10表 “三公”经费、行政参公单位机关运行经费情况表", DocKind::kFinalAccounts,
       "final.three_public"},
      {"国有资产使用情况表", DocKind::kFinalAccounts, "final.state_assets"},
      {"上海市普陀区财政局2025年部门收支总体情况表", DocKind::kBudget,
       "budget.income_expenditure_summary"},
      {"上海市普陀区财政局2025年部门收支总体情况表", DocKind::kUnknown,
       "budget.income_expenditure_summary"},
      {"表1 收支预算总表", DocKind::kBudget, "budget.income_expenditure_summary"},
      {"部门财务收支预算总表", DocKind::kBudget, "budget.income_expenditure_summary"},
      {"部门收入总体情况表", DocKind::kBudget, "budget.income"},
      {"收入预算总表", DocKind::kBudget, "budget.income"},
      {"部门支出总体情况表", DocKind::kBudget, "budget.expenditure"},
      {"支出预算总表", DocKind::kBudget, "budget.expenditure"},
      {"财政拨款收支预算总体情况表", DocKind::kBudget, "budget.fiscal_appropriation_summary"},
      {"财政拨款收支预算总表", DocKind::kBudget, "budget.fiscal_appropriation_summary"},
      {"一般公共预算支出情况表", DocKind::kBudget, "budget.general_budget_expenditure"},
      {"一般公共预算基本支出情况表", DocKind::kBudget, "budget.general_budget_basic_expenditure"},
      {"政府性基金预算支出情况表", DocKind::kBudget, "budget.gov_fund"},
      {"国有资本经营预算支出情况表", DocKind::kBudget, "budget.state_capital"},
      {"财政拨款\"三公\"经费支出预算表", DocKind::kUnknown, "budget.three_public"},
      {"财政拨款“三公”经费支出情况表", DocKind::kBudget, "budget.three_public"},
      {"上年结转结余情况明细表", DocKind::kBudget, "budget.carryover"},
      // The standard set beyond the contract (docs/schema.md).
      {"财政拨款支出预算表", DocKind::kBudget, "budget.fiscal_appropriation_expenditure"},
      {"财政拨款支出表（功能科目）", DocKind::kBudget, "budget.fiscal_appropriation_expenditure"},
      {"财政拨款支出预算表（按部门预算经济分类）", DocKind::kBudget,
       "budget.fiscal_appropriation_expenditure_economic"},
      {"财政拨款基本支出预算表", DocKind::kBudget, "budget.fiscal_appropriation_basic_expenditure"},
      {"财政拨款基本支出表（经济科目）", DocKind::kBudget,
       "budget.fiscal_appropriation_basic_expenditure"},
      {"一般公共预算支出预算表（按政府预算经济分类）", DocKind::kBudget,
       "budget.general_budget_expenditure_economic"},
      {"机关运行经费支出预算表", DocKind::kBudget, "budget.org_running_cost"},
      {"一般公共预算机关运行经费支出表", DocKind::kFinalAccounts, "final.org_running_cost"},
      {"政府采购预算表", DocKind::kBudget, "budget.gov_procurement"},
      {"2026年政府采购预算明细表", DocKind::kBudget, "budget.gov_procurement"},
      {"财政拨款政府购买服务明细表", DocKind::kBudget, "budget.gov_purchase_services"},
      {"项目支出预算情况表", DocKind::kBudget, "budget.project_expenditure"},
      {"2026年预算单位财政拨款项目支出预算表", DocKind::kBudget, "budget.project_expenditure"},
      {"项目支出表(预算表9)", DocKind::kBudget, "budget.project_expenditure"},
      {"收入总表(预算表2)", DocKind::kBudget, "budget.income"},
      {"公开03表支出总表", DocKind::kBudget, "budget.expenditure"},
      // All funds' basic expenditure by economic class (Yantai 公开表 10).
      {"基本支出预算情况表", DocKind::kBudget, "budget.basic_expenditure"},
      {"十、基本支出预算情况表", DocKind::kBudget, "budget.basic_expenditure"},
      {"基本支出和项目支出预算表", DocKind::kBudget, "other"},
      {"项目支出绩效自评表", DocKind::kFinalAccounts, "performance.self_evaluation"},
      {"财政项目支出绩效目标填报表", DocKind::kBudget, "performance.targets"},
  };
  for (const TitleCase& c : cases) {
    EXPECT_EQ(ClassifyTableTitle(c.title, c.doc_kind), c.kind) << c.title;
  }
}

TEST(TableKindTest, TitleLines) {
  EXPECT_TRUE(IsTableTitleLine("收入支出决算表"));
  EXPECT_TRUE(IsTableTitleLine("公开 01 表：收入支出决算总表"));
  EXPECT_FALSE(IsTableTitleLine("公开01表"));
  EXPECT_FALSE(IsTableTitleLine("表一"));
  // A number with only the unit or the department after it names no table.
  EXPECT_FALSE(IsTableTitleLine("表十 单位：万元"));
  EXPECT_FALSE(IsTableTitleLine("表二（之三） 单位：万元"));
  EXPECT_FALSE(IsTableTitleLine("公开09表部门：国家信访局 金额单位：万元"));
  EXPECT_FALSE(IsTableTitleLine("预算01表"));
  EXPECT_TRUE(IsTableTitleLine("预算01表 收支总表"));
  EXPECT_TRUE(IsTableTitleLine("表10：2026年市级部门项目支出预算表"));
  EXPECT_TRUE(IsTableTitleLine("收入总表(预算表2)"));
  EXPECT_FALSE(IsTableTitleLine("金额单位：元"));
  EXPECT_FALSE(IsTableTitleLine("注：本表反映部门本年度的总收支。"));
  EXPECT_FALSE(IsTableTitleLine("单位：玉溪市医疗保障局（本级）"));
  // A unit budget's title starts with 单位 (sh_putuo_welfarehome_2024_unit_budget.pdf p15).
  EXPECT_TRUE(IsTableTitleLine("单位“三公”经费和机关运行经费预算表"));
  EXPECT_EQ(ClassifyTableTitle("单位“三公”经费和机关运行经费预算表", DocKind::kBudget),
            "budget.three_public");
}

TEST(TableKindTest, UnitDeclarations) {
  EXPECT_EQ(ParseUnitDeclaration("金额单位：元"), UnitOfAmount::kYuan);
  EXPECT_EQ(ParseUnitDeclaration("单位:万元"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("单位：万元"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("（单位：万元）"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("单位：玉溪市医疗保障局（本级）"), UnitOfAmount::kUnknown);
  EXPECT_EQ(ParseUnitDeclaration("公开01表"), UnitOfAmount::kUnknown);
  EXPECT_EQ(ParseUnitDeclaration("单位：万"), UnitOfAmount::kWanYuan);  // 元 wrapped away
  EXPECT_EQ(ParseUnitDeclaration("单位：万部门名称：江苏省高级人民法院 元"),
            UnitOfAmount::kWanYuan);
}

}  // namespace
}  // namespace disclose
