// The rows stage of performance tables (normalize/table_performance.cc): the
// layouts publishers print, each from a real document's grid, and what must
// come out: every funds figure, keyed, and never an indicator value or score.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/table_stages.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

struct PerformanceCase {
  const char* name;
  const char* kind;
  UnitOfAmount declared;
  std::vector<std::vector<std::string>> grid;
  // "row_code|row_name|column|fen" per figure, in output order.
  std::vector<std::string> figures;
  std::vector<std::string> checks;  // findings expected, by check id
  // Grids of the pages the table continues on, stitched after the first.
  std::vector<std::vector<std::vector<std::string>>> continuations = {};
};

class PerformanceRowsTest : public testing::TestWithParam<PerformanceCase> {};

TEST_P(PerformanceRowsTest, FundsAreReadAndIndicatorsAreNot) {
  const PerformanceCase& test = GetParam();
  std::vector<Table> grids{Grid(test.grid)};
  for (const auto& continuation : test.continuations) grids.push_back(Grid(continuation));
  StitchedTable stitched;
  stitched.canonical.kind = test.kind;
  stitched.canonical.printed_title = "项目支出绩效表";
  stitched.declared = test.declared;
  for (std::size_t g = 0; g < grids.size(); ++g) {
    stitched.parts.push_back(TablePart{static_cast<int>(g), &grids[g], AnalyzeHeader(grids[g])});
  }
  std::vector<Finding> findings;
  const CanonicalTable table = ReadPerformanceRows(stitched, KeyColumns(stitched, HeaderOptions{}),
                                                   RowsOptions{}, 3, findings);
  std::vector<std::string> figures;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      EXPECT_EQ(figure.table_index, 3);
      figures.push_back(figure.row_code + "|" + figure.row_name + "|" + figure.column + "|" +
                        std::to_string(figure.amount_fen));
    }
  }
  EXPECT_EQ(figures, test.figures);
  std::vector<std::string> checks;
  for (const Finding& finding : findings) checks.push_back(finding.check);
  EXPECT_EQ(checks, test.checks);
}

INSTANTIATE_TEST_SUITE_P(
    Layouts, PerformanceRowsTest,
    testing::Values(
        // A self-evaluation form (central and Xinjiang final accounts): a money
        // header over the funds rows, scores beside them, the unit in the
        // funds cell, indicators below with numbers of their own.
        PerformanceCase{
            "SelfEvaluationForm",
            "performance.self_evaluation",
            UnitOfAmount::kUnknown,
            {{"项目名称", "信访干部培训专项"},
             {"主管部门", "国家信访局", "实施单位", "国家信访局"},
             {"项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
              "得分"},
             {"", "年度资金总额：", "180.61", "180.03", "180.03", "10.0", "100.00%", "10"},
             {"", "其中：财政拨款", "140.61", "140.61", "140.61", "--", "0.0%", "--"},
             {"", "上年结转", "40.00", "39.42", "39.42", "--", "0.0%", "--"},
             {"", "其他资金", "0.00", "0.00", "0.00", "--", "0.0%", "--"},
             {"一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"},
             {"产出指标", "数量指标", "培训人数", "120", "10", "10"}},
            {"funds.total|年度资金总额：|budget|180610000",
             "funds.total|年度资金总额：|adjusted_budget|180030000",
             "funds.total|年度资金总额：|execution|180030000",
             "funds.fiscal_appropriation|其中：财政拨款|budget|140610000",
             "funds.fiscal_appropriation|其中：财政拨款|adjusted_budget|140610000",
             "funds.fiscal_appropriation|其中：财政拨款|execution|140610000",
             "funds.carryover|上年结转|budget|40000000",
             "funds.carryover|上年结转|adjusted_budget|39420000",
             "funds.carryover|上年结转|execution|39420000", "funds.other|其他资金|budget|0",
             "funds.other|其他资金|adjusted_budget|0", "funds.other|其他资金|execution|0"},
            {}},
        // A target form without a money header (Fuzhou): one amount beside
        // each label.
        PerformanceCase{"TargetFormOneAmountPerLabel",
                        "performance.targets",
                        UnitOfAmount::kUnknown,
                        {{"项目名称", "科学普及活动项目"},
                         {"专项资金情况（万元）", "资金总额", "", "80.00"},
                         {"", "财政拨款", "", "80.00"},
                         {"", "其他资金", "", "0.00"},
                         {"绩效目标指标", "一级指标", "二级指标", "三级指标", "指标值"},
                         {"", "成本指标", "经济成本指标", "科普活动专项业务经费", "80"}},
                        {"funds.total|资金总额|amount|80000000",
                         "funds.fiscal_appropriation|财政拨款|amount|80000000",
                         "funds.other|其他资金|amount|0"},
                        {}},
        // Funds that do not add up are said.
        PerformanceCase{"FundsThatDoNotAddUp",
                        "performance.targets",
                        UnitOfAmount::kWanYuan,
                        {{"项目资金", "年度预算资金总额：", "31.00"},
                         {"", "其中：财政拨款", "1.00"},
                         {"", "其他资金", "31.00"}},
                        {"funds.total|年度预算资金总额：|amount|31000000",
                         "funds.fiscal_appropriation|其中：财政拨款|amount|1000000",
                         "funds.other|其他资金|amount|31000000"},
                        {"performance.funds_sum"}},
        // A list, one project per row under a two-line header (Beijing): the
        // indicator values right of it (5, 100) are never money.
        PerformanceCase{
            "ProjectListUnderATwoLineHeader",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"项目名称", "项目总额", "其中：", "", "绩效目标", "一级指标", "本年绩效指标值",
              "绩效度量单位"},
             {"", "", "财政资金", "其他资金"},
             {"扫黄打非基础工作经费", "98.000000", "98.000000", "", "组织开展", "产出指标", "5",
              "月"},
             {"", "", "", "", "", "产出指标", "100", "%"},
             {"宣传经费", "17.398000", "15.000000", "2.398", "宣传", "效益指标", "优", ""}},
            {"|扫黄打非基础工作经费|total|98000000",
             "|扫黄打非基础工作经费|fiscal_appropriation|98000000", "|宣传经费|total|17398000",
             "|宣传经费|fiscal_appropriation|15000000", "|宣传经费|other|2398000"},
            {}},
        // A list with a 合计 row and a unit named in the header (Hangzhou,
        // Changchun).
        PerformanceCase{
            "ProjectListWithTotal",
            "performance.targets",
            UnitOfAmount::kUnknown,
            {{"单位名称", "项目名称", "年度资金总额(万元)", "绩效目标", "指标值", "权重"},
             {"合计", "", "1,745.04", "", "", ""},
             {"杭州市司法局", "法治杭州建设", "69.00", "加快推进", ">=2次", "40"},
             {"杭州市司法局", "法治政府建设", "1,676.04", "推进", "100", "20"}},
            {"total|合计|total|1745040000", "|法治杭州建设|total|69000000",
             "|法治政府建设|total|1676040000"},
            {}},
        // A whole department's targets with no funds: nothing to read.
        PerformanceCase{"IndicatorsOnly",
                        "performance.targets",
                        UnitOfAmount::kUnknown,
                        {{"绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"},
                         {"", "续建大中型水库", "≥", "27", "座", "20"},
                         {"", "农村饮水项目受益人口", "≥", "150", "万人次", "20"}},
                        {},
                        {}},
        // Several amounts beside a label and no header to name them: none is
        // guessed.
        PerformanceCase{"AmbiguousFundsAreReportedNotGuessed",
                        "performance.targets",
                        UnitOfAmount::kWanYuan,
                        {{"项目名称", "某项目"}, {"资金总额", "10.00", "12.00"}},
                        {},
                        {"performance.funds_ambiguous"}},
        // A funds row split by labels beside its amount (Chongqing 重点专项资金
        // forms): the row's own amount, and one row per label with an amount,
        // on its line or the next; a label with none makes no row.
        PerformanceCase{"FundsSplitByLabelsBesideThem",
                        "performance.targets",
                        UnitOfAmount::kWanYuan,
                        {{"项目名称", "水库移民后期扶持", "主管部门", "重庆市水利局"},
                         {"当年预算", "12,700.00", "市级支出", ""},
                         {"", "", "补助区县", "12,700.00"},
                         {"项目概况", "全市库区和移民安置区"},
                         {"绩效指标", "指标名称", "指标性质", "指标值"},
                         {"", "实施项目数量", "≥", "86"}},
                        {"funds.total|当年预算|amount|12700000000", "|补助区县|amount|12700000000"},
                        {}},
        PerformanceCase{
            "FundsSplitOnTheTotalsLine",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"项目名称", "重庆市水利专项资金"},
             {"当年预算", "152,992.83", "市级支出", "152,992.83"},
             {"", "", "补助区县", ""}},
            {"funds.total|当年预算|amount|152992830000", "|市级支出|amount|152992830000"},
            {}},
        // Funds by source, each source split by labels (Kashgar's text
        // export): 财政资金 | 上级安排 | amount, then 本级安排 | amount.
        PerformanceCase{
            "FundsBySourceSplitByLabels",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"部门联系人", "", "袁芳", "联系电话", "2573005", ""},
             {"年度绩效目标", "", "积极推进全民参保计划，提高采购药品金额占全部采购药品金额的比例",
              "", "", ""},
             {"年度预算(万元)", "", "资金来源", "", "资金总额 (万元)", ""},
             {"", "", "财政资金 (万元)", "上级安排", "325,551.42", ""},
             {"", "", "", "本级安排", "2,190.93", ""},
             {"", "", "其他资金 (万元)", "其他", "0.00", ""},
             {"一级指标", "二级指标", "三级指标", "指标值", "指标设定依据", "分值权重"}},
            {"|上级安排|amount|325551420000", "|本级安排|amount|2190930000", "|其他|amount|0"},
            {}},
        // A list of projects whose indicators sit beside them (Beijing's
        // 项目支出绩效目标表): an indicator printed without a number (定性 | 良)
        // ends no money part; each project's amounts are read, over pages.
        PerformanceCase{
            "ListWithQualitativeIndicators",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"项目名称", "项目总额", "其中：", "", "绩效目标", "一级指标", "二级指标", "三级指标",
              "绩效指标性质", "本年绩效指标值"},
             {"", "", "财政资金", "其他资金"},
             {"卫生健康委工作培训", "320.731", "320.731", "", "通过开展各项培训工作", "产出指标",
              "质量指标", "培训人员合格率", "≥", "80"},
             {"", "", "", "", "", "产出指标", "质量指标", "提高管理水平", "定性", "良"},
             {"爱国卫生管理", "618", "618", "", "通过对全市的重点区域", "产出指标", "数量指标",
              "禁烟标志张贴率", "≥", "90"}},
            {"|卫生健康委工作培训|total|320731000",
             "|卫生健康委工作培训|fiscal_appropriation|320731000", "|爱国卫生管理|total|618000000",
             "|爱国卫生管理|fiscal_appropriation|618000000", "|实验室生物安全|total|567100000",
             "|实验室生物安全|fiscal_appropriation|567100000"},
            {},
            {{{"", "", "", "", "", "满意度指标", "服务对象满意度指标", "市民满意度", "定性",
               "满意"},
              {"实验室生物安全", "567.1", "567.1", "", "按照要求", "效益指标", "社会效益指标",
               "提升管理", "＝", "17"}}}},
        // A project's merged cells printed again at the top of a later page
        // (Changsha's 项目支出绩效目标表), after a page of indicators only and
        // under an indicator row: read once. The indicators' header is the
        // second line of the list's header and ends no money part.
        PerformanceCase{
            "ProjectRepeatedAfterAPageOfIndicators",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"单位编码", "单位（项目）名称", "资金总额", "绩效目标", "绩效指标", ""},
             {"", "", "", "", "一级指标", "指标值"},
             {"", "人民来访接待中心专项", "10.22", "按时优质", "成本指标", "10.22"}},
            {"|人民来访接待中心专项|total|10220000", "|人民来访接待中心业务专项|total|102800000"},
            {},
            {{{"", "", "", "", "成本指标", "无"}},
             {{"", "", "", "", "效益指标", "98"},
              {"", "人民来访接待中心专项", "10.22", "", "", ""},
              {"", "人民来访接待中心业务专项", "102.80", "", "产出指标", "5"}}}},
        // One form per page, stitched (Yantai): a page that prints the part
        // above's funds row again at its top drops it; a later project whose
        // funds equal an earlier one's keeps them, and no sum fails.
        PerformanceCase{
            "FormsPerPageRepeatOnlyThePartAbove",
            "performance.targets",
            UnitOfAmount::kWanYuan,
            {{"项目名称", "甲项目"},
             {"项目资金", "年度预算资金总额：", "60.00"},
             {"", "其中：财政拨款", "60.00"},
             {"", "其他资金", "0.00"}},
            {"funds.total|年度预算资金总额：|amount|60000000",
             "funds.fiscal_appropriation|其中：财政拨款|amount|60000000",
             "funds.other|其他资金|amount|0", "funds.total|年度预算资金总额：|amount|10000000",
             "funds.fiscal_appropriation|其中：财政拨款|amount|10000000",
             "funds.other|其他资金|amount|0", "funds.total|年度预算资金总额：|amount|60000000",
             "funds.fiscal_appropriation|其中：财政拨款|amount|60000000",
             "funds.other|其他资金|amount|0"},
            {},
            {{{"项目名称", "乙项目"},
              {"项目资金", "年度预算资金总额：", "10.00"},
              {"", "其中：财政拨款", "10.00"},
              {"", "其他资金", "0.00"}},
             {{"项目名称", "丙项目"},
              {"项目资金", "年度预算资金总额：", "60.00"},
              {"", "其中：财政拨款", "60.00"},
              {"", "其他资金", "0.00"}},
             {{"项目资金", "其他资金", "0.00"},
              {"一级指标", "二级指标", "三级指标", "指标值"},
              {"产出指标", "数量指标", "调查街区", "12"}}}}),
    [](const testing::TestParamInfo<PerformanceCase>& param_info) {
      return param_info.param.name;
    });

}  // namespace
}  // namespace disclose
