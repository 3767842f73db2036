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
      // The department's whole expenditure named 支出预算表 / 支出决算明细表 (as 收入预算表
      // names its income), and a fiscal summary named 财政拨款总表.
      {"部门支出预算表", DocKind::kBudget, "budget.expenditure"},
      {"公开03表 支出预算表", DocKind::kBudget, "budget.expenditure"},
      {"支出决算明细表", DocKind::kFinalAccounts, "final.expenditure"},
      {"财政拨款总表", DocKind::kBudget, "budget.fiscal_appropriation_summary"},
      {"上年结转资金情况表", DocKind::kBudget, "budget.carryover"},
      {"财政专户管理资金收入预算表", DocKind::kBudget, "other"},
      {"财政专户管理资金收入支出决算表", DocKind::kFinalAccounts, "other"},
      {"财政拨款支出预算总表", DocKind::kBudget, "budget.fiscal_appropriation_expenditure"},
      // All funds' basic expenditure by economic class (Yantai 公开表 10).
      {"基本支出预算情况表", DocKind::kBudget, "budget.basic_expenditure"},
      {"十、基本支出预算情况表", DocKind::kBudget, "budget.basic_expenditure"},
      {"基本支出和项目支出预算表", DocKind::kBudget, "other"},
      {"项目支出绩效自评表", DocKind::kFinalAccounts, "performance.self_evaluation"},
      {"财政项目支出绩效目标填报表", DocKind::kBudget, "performance.targets"},
      // OCR read the title's 一般 apart from the rest of the line: 公共预算 is still the fund.
      {"公共预算财政拨款支出决算表", DocKind::kFinalAccounts, "final.general_budget_expenditure"},
      {"公共预算基本支出情况表", DocKind::kBudget, "budget.general_budget_basic_expenditure"},
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

TEST(TableKindTest, SectionHeadingsAreNoTitles) {
  // "第二部分 2023年度部门决算表" heads every table of the part.
  EXPECT_FALSE(IsTableTitleLine("第二部分 2023年度部门决算表"));
  EXPECT_FALSE(IsTableTitleLine("第三章 部门预算表"));
  EXPECT_TRUE(IsTableTitleLine("第一季度收支总表"));
}

struct LineCase {
  const char* line;
  bool fragment;  // the first half of a wrapped title
  bool caption;   // a line printed around a table, not in its header
};

TEST(TableKindTest, TitleFragmentsAndCaptionLines) {
  const LineCase cases[] = {
      {"一般公共预算财政拨款基本", true, false},
      {"一、收入支出", true, false},
      {"南京市商务局2026年一般公共", true, false},
      {"部门支", true, false},
      {"一般公共预算财政拨款支出决算表", false, true},
      {"四、财政拨款收入支出决算总表", false, true},
      {"公开01表", false, true},
      {"附表1", false, true},
      {"表 2", false, true},
      {"预算01表", false, true},
      {"一、", false, true},
      {"单位：元", false, true},
      {"金额单位：万元", false, true},
      {"编制单位：南京市商务局", false, true},
      {"2024年12月31日", false, true},
      // A department's name alone is a heading: 国有资产 would name another kind.
      {"南京市国有资产监督管理委员会", false, false},
      {"玉溪市医疗保障局", false, false},
      {"第二部分 部门决算表", false, false},
      {"注：本表无数据。", false, false},
      // A note about the table before (js_rendaban_2017_budget_full.pdf).
      {"（无政府性基金支出）", false, false},
      {"本部门2026年决算公开如下，数据以报表为准。", false, false},
      // Header words and body cells are neither.
      {"项目", true, false},
      {"1", false, false},
      {"22,435.97", false, false},
      // A row read as text (s16w_0049_budget), not the first half of the next title.
      {"2210203购房补贴 917.29 869.46 47.83", false, false},
      {"栏次", true, false},
  };
  for (const LineCase& c : cases) {
    EXPECT_EQ(IsTitleFragmentLine(c.line), c.fragment) << c.line;
    EXPECT_EQ(IsCaptionLine(c.line), c.caption) << c.line;
  }
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
  // The colon and 万 as OCR reads them off degraded scans (../shared/real pages, 150-300 dpi).
  EXPECT_EQ(ParseUnitDeclaration("单位;万元"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("编制单位;上海市花卉良种试验场 单位，元"), UnitOfAmount::kYuan);
  EXPECT_EQ(ParseUnitDeclaration("部门《单位》:烟台市统计局 单位，万匹"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("部门(单位): 烟台市统计局 单位，方元"), UnitOfAmount::kWanYuan);
  EXPECT_EQ(ParseUnitDeclaration("编制单位，上海市福利彩票发行中心"), UnitOfAmount::kUnknown);
}

}  // namespace
}  // namespace disclose
