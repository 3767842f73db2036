// Checks inside one paragraph of narrative: growth rates, comparison years and
// item amounts. Each case is a printed paragraph and the check ids it must
// raise (empty: none); sentences are taken from the real documents.
#include "normalize/narrative_sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace disclose {
namespace {

struct SentenceCase {
  const char* name;
  DocKind kind;
  const char* fiscal_year;
  const char* text;
  std::vector<std::string> checks;
};

class NarrativeSentencesTest : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(NarrativeSentencesTest, RaisesExactlyTheExpectedChecks) {
  const SentenceCase& c = GetParam();
  DocumentMetadata metadata;
  metadata.kind = c.kind;
  metadata.fiscal_year.value = c.fiscal_year;
  std::vector<Finding> findings;
  CheckNarrativeSentences(c.text, Provenance{}, metadata, findings);
  std::vector<std::string> checks;
  for (const Finding& finding : findings) checks.push_back(finding.check);
  EXPECT_EQ(checks, c.checks) << c.text;
}

constexpr DocKind kBudget = DocKind::kBudget;
constexpr DocKind kFinal = DocKind::kFinalAccounts;

INSTANTIATE_TEST_SUITE_P(
    Cases, NarrativeSentencesTest,
    ::testing::Values(
        // Two amounts and a rate.
        SentenceCase{"rate_right",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为118.46万元，2026年预算安排124.29万元，"
                     "比2025年预算执行数增加4.92%。",
                     {}},
        SentenceCase{"rate_truncated_not_rounded",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，"
                     "比2025年预算执行数减少2.21%。",
                     {}},
        SentenceCase{"rate_within_amount_rounding",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为0.50万元，2026年预算安排0.62万元，"
                     "比2025年预算执行数增加22.22%。",
                     {}},
        SentenceCase{"base_misprinted",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，"
                     "比2025年预算执行数增加17.62%。",
                     {"narrative.growth_rate"}},
        SentenceCase{"rate_copied_from_another_item",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，"
                     "比2025年预算执行数增加17.66%。",
                     {"narrative.growth_rate"}},
        SentenceCase{"direction_wrong",
                     kBudget,
                     "2026",
                     "2025年当年预算执行数为241.76万元，2026年预算安排170.03万元，"
                     "比2025年预算执行数增加21.74%。",
                     {"narrative.growth_rate"}},
        // Current amount, change and rate.
        SentenceCase{"change_right",
                     kBudget,
                     "2019",
                     "2019年一般公共预算财政拨款支出预算18330.37万元，与上年相比增加2432.93万元，"
                     "增长15.3%。",
                     {}},
        SentenceCase{
            "change_rate_integer_percent",
            kBudget,
            "2018",
            "财政拨款支出21,955.35万元，与上年相比，财政拨款支出增加 3,958.67 万元，增长 22 %。",
            {}},
        SentenceCase{"change_decimal_slip",
                     kBudget,
                     "2018",
                     "2．一般行政管理事务（项）支出3,666万元，与上年相比增加21.8万元，增长0.06%。",
                     {"narrative.growth_rate"}},
        SentenceCase{"change_decrease_right",
                     kFinal,
                     "2024",
                     "机关运行经费支出184.65万元，比2023年度减少2.55万元，下降1.36%。",
                     {}},
        SentenceCase{"share_is_not_a_rate",
                     kBudget,
                     "2018",
                     "基本支出5,678.17万元，占55.94%；项目支出4,472.28万元，占44.06%。",
                     {}},
        SentenceCase{"rate_without_comparison_is_skipped",
                     kBudget,
                     "2026",
                     "人员经费100万元，公用经费50万元，增长10%。",
                     {}},
        // Comparison years.
        SentenceCase{"budget_compared_with_itself",
                     kBudget,
                     "2026",
                     "财政拨款收入9628.22万元，比2026年预算增加793.14万元；"
                     "政府性基金拨款支出预算0万元，与2026年预算持平。",
                     {"narrative.comparison_year"}},
        SentenceCase{"budget_compared_with_last_year",
                     kBudget,
                     "2026",
                     "财政拨款收入8695.94万元，比2025年预算增加794.88万元。",
                     {}},
        SentenceCase{"final_compared_with_its_budget",
                     kFinal,
                     "2024",
                     "支出决算为1511.89万元，与2024年年初预算相比减少48.16万元。",
                     {}},
        SentenceCase{"two_years_joined_by_yu",
                     kFinal,
                     "2024",
                     "主要原因是：2023年与2024年均未安排因公出国（境）费支出。",
                     {}},
        SentenceCase{"final_compared_with_its_own_year",
                     kFinal,
                     "2024",
                     "本年支出合计2940.05万元，与2024年度相比减少63.14万元。",
                     {"narrative.comparison_year"}},
        // Item amounts.
        SentenceCase{"item_heading_contradicted",
                     kBudget,
                     "2026",
                     "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。"
                     "2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，"
                     "比2025年预算执行数增加5.27%。",
                     {"narrative.growth_rate", "narrative.item_amount"}},
        SentenceCase{
            "item_heading_quoted_form",
            kBudget,
            "2024",
            "“住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
            "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，"
            "比2023年预算执行数增加0.53%。",
            {"narrative.growth_rate", "narrative.item_amount"}},
        SentenceCase{"item_agrees",
                     kBudget,
                     "2026",
                     "3、公共安全支出（204类）司法（06款）普法宣传（05项）124.29万元。"
                     "2025年当年预算执行数为118.46万元，2026年预算安排124.29万元，"
                     "比2025年预算执行数增加4.92%。",
                     {}},
        SentenceCase{
            "no_fiscal_year_no_checks", kBudget, "", "比2026年预算增加793.14万元，增长500%。", {}}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

}  // namespace
}  // namespace disclose
