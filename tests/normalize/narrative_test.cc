#include "normalize/narrative.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace disclose {
namespace {

Document MakeDocument(const std::vector<std::string>& paragraphs) {
  Document document;
  for (const std::string& text : paragraphs) {
    Paragraph paragraph;
    paragraph.text = text;
    paragraph.provenance.block = static_cast<int>(document.blocks.size());
    paragraph.provenance.line = static_cast<int>(document.blocks.size()) + 1;
    document.blocks.push_back(Block{paragraph});
  }
  return document;
}

DocumentMetadata MakeMetadata(DocKind kind, const char* year) {
  DocumentMetadata metadata;
  metadata.kind = kind;
  metadata.fiscal_year.value = year;
  return metadata;
}

std::map<std::string, Figure> ByMetric(const std::vector<Figure>& figures) {
  std::map<std::string, Figure> out;
  for (const Figure& figure : figures) {
    EXPECT_FALSE(out.count(figure.row_code)) << "metric twice: " << figure.row_code;
    out[figure.row_code] = figure;
  }
  return out;
}

struct Expected {
  const char* metric;
  std::int64_t fen;
};

struct SeedCase {
  const char* name;
  DocKind kind;
  const char* year;
  std::vector<std::string> paragraphs;  // sentences as printed in the seed
  std::vector<Expected> expected;
  std::vector<const char*> absent;  // metrics the traps must not produce
  int inconsistent = 0;             // narrative.inconsistent findings the seed deserves
};

class SeedNarrativeTest : public testing::TestWithParam<SeedCase> {};

TEST_P(SeedNarrativeTest, ExtractsHandCheckedFigures) {
  const SeedCase& c = GetParam();
  std::vector<Finding> findings;
  std::vector<Figure> figures =
      ExtractNarrativeFigures(MakeDocument(c.paragraphs), MakeMetadata(c.kind, c.year), findings);
  std::map<std::string, Figure> by_metric = ByMetric(figures);
  for (const Expected& e : c.expected) {
    auto it = by_metric.find(e.metric);
    ASSERT_NE(it, by_metric.end()) << c.name << ": missing " << e.metric;
    EXPECT_EQ(it->second.amount_fen, e.fen)
        << c.name << ": " << e.metric << " from \"" << it->second.sentence << "\"";
    EXPECT_EQ(it->second.table_kind, "narrative");
    EXPECT_EQ(it->second.column, "amount");
    EXPECT_FALSE(it->second.sentence.empty());
    EXPECT_FALSE(it->second.printed_text.empty());
    EXPECT_GE(it->second.provenance.block, 0);
  }
  for (const char* metric : c.absent) {
    EXPECT_FALSE(by_metric.count(metric))
        << c.name << ": unexpected " << metric << " = " << by_metric[metric].printed_text
        << " from \"" << by_metric[metric].sentence << "\"";
  }
  int inconsistent = 0;
  std::string messages;
  for (const Finding& finding : findings) {
    if (finding.check != "narrative.inconsistent") continue;
    ++inconsistent;
    messages += finding.message + "\n";
  }
  EXPECT_EQ(inconsistent, c.inconsistent) << c.name << "\n" << messages;
}

// Amounts checked by hand against ../shared/seeds: N 万元 = N * 1,000,000 fen.
INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedNarrativeTest,
    testing::Values(
        SeedCase{
            "seed000_xinjiang_2019_final",
            DocKind::kFinalAccounts,
            "2019",
            {
                "2019 年度本年收入 7,979.55 万元，与上年相比，增加 7,979.55 万元，增长 "
                "100%，主要原因是：自治区医保局 2018 年 11 月底新成立，无上年收入数。本年支出 "
                "1,931.57 万元，与上年相比，增加 1,931.57 万元，增长 "
                "100%，主要原因是：自治区医保局 "
                "2018 年 11 月底新成立，无上年支出数。",
                "2019 年度本年收入 7,979.55 万元，其中：财政拨款收入 7,829.45 万元，占 "
                "98.12%；上级补助收入 0 万元，占 0%；其他收入 150.1 万元，占 1.88%。",
                "2019 年度本年支出 1,931.57 万元，其中：基本支出 1,183.77 万元，占 "
                "61.29%；项目支出 747.80 万元，占 38.71%；上缴上级支出 0 万元，占 0%；经营支出 0 "
                "万元，占 0%；对附属单位补助支出 0 万元，占 0%。",
                "2019 年度财政拨款收入 7,829.45 万元，与上年相比，增加 7,829.45 万元，增长 "
                "100%。主要原因是：自治区医保局 2018 年 11 月底新成立，无上年收入数。财政拨款支出 "
                "1,781.57 万元，与上年相比，增加 1,781.57 万元，增长 100%，",
                "与年初预算数相比情况：财政拨款收入年初预算数 499.91 万元，决算数 7,829.45 "
                "万元，预决算差异率 1466.17%，主要原因是：从自治区人社厅划转业务经费 499.91 万元。",
                "2019 年度一般公共预算财政拨款支出 1,781.57 "
                "万元。按功能分类科目项级科目公开，其中：",
                "2101501 行政运行 462.44 万元；",
                "2019 年度一般公共预算财政拨款基本支出 1033.77 万元，其中：",
                "人员经费 515 万元，包括：基本工资 165.3 万元、津贴补贴 161.09 万元、奖金 0.3 "
                "万元",
                "公用经费 518.77 万元，包括：办公费 30.79 万元、印刷费 6.66 万、咨询费 3 "
                "万元、公务接待费 0.71 万元、公务用车运行维护费 29.80 万元",
                "2019 年度一般公共预算“三公”经费支出决算 30.50 万元，比上年增加 30.50 "
                "万元，增长 100%，主要原因是医保局新成立单位，无上年决算数。其中，因公出国（境）"
                "费支出 0 万元，占 0%，比上年增加 0 万元，增长 0%，主要原因是无增减变化；"
                "公务用车购置及运行维护费支出 29.80 万元，占 97.70%，比上年增加 29.80 万元",
                "因公出国（境）费支出 0 万元，开支内容包括：无开支。单位全年安排的因公出国（境）"
                "团组 0 个，因公出国（境）0 人次。",
                "公务用车购置及运行维护费 29.80 万元，其中，公务用车购置费 0 万元，公务用车运行"
                "维护费 29.80 万元。公务用车购置数 0 辆，公务用车保有量 2 辆，核定车辆编制 8 辆。",
                "公务接待费 0.71 万元，开支内容包括举办全区医疗保障工作会议。",
                "与年初预算数相比情况：一般公共预算“三公”经费支出年初预算数 0 万元，决算数 0.71 "
                "万元，预决算差异率 100%，其中：因公出国（境）费预算数 0 万元，决算数 0 万元。",
                "新疆维吾尔自治区医疗保障局（行政单位和参照公务员法管理事业单位) 机关运行经费支出 "
                "518.77 万元 , 比上年增加 518.77 万元, 增长 100%, 主要原因是医保局新成立单位。",
                "2019 年度政府采购支出总额 978.35 万元, 其中: 政府采购货物支出 114.27 万元、"
                "政府采购工程支出 62.74 万元、政府采购服务支出 801.34 万元。",
                "授予中小企业合同金额 0 万元, 占政府采购支出总额的 0%。",
                "截止 2019 年 12 月 31 日, 单位共有房屋 0 (平方米), 价值 0 万元。车辆 2 辆, "
                "价值 85.73 万元。",
            },
            {{"total_income", 7979550000},
             {"total_expenditure", 1931570000},
             {"fiscal_appropriation_income", 7829450000},
             {"fiscal_appropriation_expenditure", 1781570000},
             {"basic_expenditure", 1183770000},
             {"project_expenditure", 747800000},
             {"general_budget_expenditure", 1781570000},
             {"general_budget_basic_expenditure", 1033770000},
             {"personnel_expenditure", 515000000},
             {"public_expenditure", 518770000},
             {"three_public.total", 30500000},
             {"three_public.overseas", 0},
             {"three_public.vehicle_total", 29800000},
             {"three_public.vehicle_purchase", 0},
             {"three_public.vehicle_operation", 29800000},
             {"three_public.reception", 710000},
             {"org_running_cost", 518770000},
             {"gov_procurement_total", 978350000}},
            {},
            // The seed itself says "“三公”经费支出年初预算数 0 万元，决算数 0.71 万元"
            // after stating 30.50 万元: a real contradiction in the document.
            1,
        },
        SeedCase{
            "seed001_dazhou_2018_final",
            DocKind::kFinalAccounts,
            "2018",
            {
                "2018年度财政拨款收入569.38万元，与2017年相比，财政拨款收入减少2233.37万元，下降"
                "79.68%，主要变动原因是原新农合与城镇职工基本医疗保险局整合后。",
                "2018年度财政拨款支出543.37万元，与2017年相比，财政拨款支出减少2290.17万元，下降"
                "80.82%。",
                "2018年本年收入合计569.38万元，其中：一般公共预算财政拨款收入569.38万元，占100%。",
                "2018年本年支出合计543.37万元，其中：基本支出473.52万元，占87.15%；项目支出69.85"
                "万元，占12.85%。",
                "2018年一般公共预算财政拨款支出543.37万元，占本年支出合计的100%。与2017年相比，"
                "一般公共预算财政拨款减少2290.17万元，下降80.82%。",
                "2018年一般公共预算财政拨款支出543.37万元，主要用于以下方面:一般公共服务支出9.3"
                "万元，占1.71%；社会保障和就业支出480.10万元，占88.36%。",
                "2018年一般公共预算财政拨款基本支出473.52万元，其中：",
                "人员经费434.66万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费。",
                "\u3000\u3000公用经费38."
                "86万元，主要包括：办公费、印刷费、手续费、水费、公务接待费。",
                "2018年“三公”经费财政拨款支出决算为0.14万元，完成预算28%，决算数小于预算数的"
                "主要原因是厉行节约",
                "2018年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务"
                "用车购置及运行维护费支出决算0万元，占0%；公务接待费支出决算0.14万元，占100%。",
                "1.因公出国（境）经费支出0万元，完成预算0%。全年安排因公出国（境）团组0次，出国"
                "（境）0人。",
                "2.公务用车购置及运行维护费支出0万元,完成预算0%。公务用车购置及运行维护费支出决算"
                "较2017减少0.13万元,下降100%,原因在于公车改革。",
                "其中：公务用车购置支出0万元。全年按规定更新购置公务用车0辆。",
                "公务用车运行维护费支出0万元。",
                "3.公务接待费支出0.14万元，完成预算28%。公务接待费支出决算比2017年增加0.064万元，"
                "增长89.42%。",
                "主要用于执行公务、开展业务活动开支的交通费、住宿费、用餐费等。国内公务接待1批次，"
                "14人次（不包括陪同人员），共计支出0.14万元，具体内容包括：交叉检查用餐费。其中：",
                "外事接待支出0万元，外事接待0批次，0人，共计支出0万元。",
                "其他国内公务接待支出0万元。",
                "2018年，达州市达川区医疗保险管理局机关运行经费支出38.86万元，比2017年增加34.39"
                "万元，增长769.35%。",
                "2018年，达州市达川区医疗保险管理局政府采购支出总额0万元。 ",
                "党建工作经费项目绩效目标完成情况综述。项目全年预算数3万元，执行数为3万元。",
            },
            {{"total_income", 569380000},
             {"total_expenditure", 543370000},
             {"fiscal_appropriation_income", 569380000},
             {"fiscal_appropriation_expenditure", 543370000},
             {"basic_expenditure", 473520000},
             {"project_expenditure", 69850000},
             {"general_budget_expenditure", 543370000},
             {"general_budget_basic_expenditure", 473520000},
             {"personnel_expenditure", 434660000},
             {"public_expenditure", 38860000},
             {"three_public.total", 140000},
             {"three_public.overseas", 0},
             {"three_public.vehicle_total", 0},
             {"three_public.vehicle_purchase", 0},
             {"three_public.vehicle_operation", 0},
             {"three_public.reception", 140000},
             {"org_running_cost", 38860000},
             {"gov_procurement_total", 0}},
            {},
        },
        SeedCase{
            "seed002_bohu_2024_final",
            DocKind::kFinalAccounts,
            "2024",
            {
                "2024年度收入总计263.33万元，其中：本年收入合计263.33万元，使用非财政拨款结余"
                "（含专用结余）0.00万元，年初结转和结余0.00万元。",
                "2024年度支出总计263.33万元，其中：本年支出合计263.33万元，结余分配0.00万元，"
                "年末结转和结余0.00万元。",
                "收入支出总体与上年相比，增加27.97万元，增长11.88%，主要原因是：本年在职人员工资"
                "调增。",
                "本年收入263.33万元，其中：财政拨款收入263.33万元，占100.00%；上级补助收入0.00"
                "万元，占0.00%。",
                "本年支出263.33万元，其中：基本支出213.52万元，占81.08%；项目支出49.81万元，占"
                "18.92%；上缴上级支出0.00万元，占0.00%。",
                "2024年度财政拨款收入总计263.33万元，其中：年初财政拨款结转和结余0.00万元，本年"
                "财政拨款收入263.33万元。财政拨款支出总计263.33万元，其中：年末财政拨款结转和结余"
                "0.00万元，本年财政拨款支出263.33万元。",
                "财政拨款收入支出总体与上年相比，增加27.98万元，增长11.89%。与年初预算相比，年初"
                "预算数883.69万元，决算数263.33万元。",
                "2024年度一般公共预算财政拨款支出263.33万元，占本年支出合计的100.00%。与上年相比"
                "，增加27.98万元，增长11.89%。",
                "1.社会保障和就业支出(类)32.10万元,占12.19%。",
                "2024年度一般公共预算财政拨款基本支出213.52万元，其中：人员经费206.04万元，包括"
                "：基本工资、津贴补贴、奖金。",
                "公用经费7.48万元，包括：办公费、电费、邮电费。",
                "2024年度财政拨款“三公”经费支出0.00万元，比上年减少0.39万元，下降100.00%，主要"
                "原因是：本部门公务用车报废。其中：因公出国（境）费支出0.00万元，占0.00%，比上年"
                "增加0.00万元，增长0.00%。",
                "因公出国（境）费支出0.00万元，开支内容包括本部门无因公出国（境）费。",
                "公务用车购置及运行维护费0.00万元，其中：公务用车购置费0.00万元，公务用车运行维护"
                "费0.00万元。公务用车购置数0辆，公务用车保有量0辆。",
                "公务接待费0.00万元，开支内容包括本部门无公务接待费。部门全年安排的国内公务接待0批"
                "次，0人次。",
                "与全年预算相比，财政拨款“三公”经费支出全年预算数0.00万元，决算数0.00万元。",
                "2024年度博湖县医疗保障局（行政单位和参照公务员法管理事业单位）机关运行经费支出"
                "7.48万元，比上年增加0.68万元，增长10.00%。",
                "2024年度政府采购支出总额15.10万元，其中：政府采购货物支出12.86万元、政府采购工程"
                "支出0.00万元、政府采购服务支出2.24万元。",
                "授予中小企业合同金额15.10万元，占政府采购支出总额的100.00%，其中：授予小微企业"
                "合同金额0.88万元。",
                "截至2024年12月31日，房屋0.00平方米，价值0.00万元。车辆0辆，价值0.00万元。",
            },
            {{"total_income", 263330000},
             {"total_expenditure", 263330000},
             {"fiscal_appropriation_income", 263330000},
             {"fiscal_appropriation_expenditure", 263330000},
             {"basic_expenditure", 213520000},
             {"project_expenditure", 49810000},
             {"general_budget_expenditure", 263330000},
             {"general_budget_basic_expenditure", 213520000},
             {"personnel_expenditure", 206040000},
             {"public_expenditure", 7480000},
             {"three_public.total", 0},
             {"three_public.overseas", 0},
             {"three_public.vehicle_total", 0},
             {"three_public.vehicle_purchase", 0},
             {"three_public.vehicle_operation", 0},
             {"three_public.reception", 0},
             {"org_running_cost", 7480000},
             {"gov_procurement_total", 15100000}},
            {},
        },
        SeedCase{
            "seed004_kashgar_2024_budget",
            DocKind::kBudget,
            "2024",
            {
                "按照全口径预算的原则，新疆维吾尔自治区喀什地区医疗保障局 2024 "
                "年所有收入和支出均纳入部门预算管理。收支总预算 327,742.35 万元。",
                "新疆维吾尔自治区喀什地区医疗保障局部门收入预算 327,742.35 万元，其中：",
                "一般公共预算 2,190.93 万元，占 0.67%，比上年预算增加 1,189.26 万元，增长 "
                "118.73%。",
                "新疆维吾尔自治区喀什地区医疗保障局2024年支出预算327,742.35万元,其中:",
                "基本支出762.83万元,占0.23%,比上年预算增加98.08万元,增长14.75%,主要原因是2024年"
                "在职增加3人。",
                "项目支出326,979.53万元,占99.77%,比上年预算增加18,223.68万元,增长5.90%。",
                "新疆维吾尔自治区喀什地区医疗保障局2024年财政拨款收支总预算327,740.28万元。",
                "收入预算包括:一般公共预算拨款327,740.28万元。",
                "新疆维吾尔自治区喀什地区医疗保障局 2024 年一般公共预算拨款合计 327,740.28 "
                "万元，其中：",
                "基本支出 761.35 万元，比上年预算增加 98.08 万元，增长 14.79%。",
                "项目支出 326,978.93 万元，比上年预算增加 18,233.28 万元，增长 5.91%。",
                "- 3、卫生健康支出（类）327,602.03 万元，占 99.96%。",
                "新疆维吾尔自治区喀什地区医疗保障局 2024 年一般公共预算基本支出 761.35 "
                "万元，其中：",
                "人员经费 710.89 万元，主要包括：基本工资、津贴补贴、奖金、绩效工资。",
                "公用经费 50.46 万元，主要包括：办公费、手续费、水费、公务用车运行维护费。",
                "资金分配情况：其他交通费 6.68 万元、印刷费 7.4 万元、劳务费 1.92 万元。",
                "资金分配情况：参加革命工作 1937 年至 1945 年周转金发放标准每人 1.6 万元/年。",
                "新疆维吾尔自治区喀什地区医疗保障局 2024 年财政拨款“三公”经费预算数为 4.20 "
                "万元，其中：因公出国（境）费 0.00 万元，公务用车购置费 0.00 万元，公务用车运行费 "
                "4.20 万元，公务接待费 0.00 万元。",
                "2024 年财政拨款“三公”经费预算比上年预算增加 0.00 万元，增长 "
                "0.00%，其中：因公出国（境）费增加 0.00 万元，增长 0.00%，主要原因是 2023 "
                "年因公出国（境）费 0 万元，2024 年因公出国（境）费 0 万元；",
                "新疆维吾尔自治区喀什地区医疗保障局 2024 年的机关运行经费财政拨款预算 50.46 "
                "万元，比上年预算增加 16.93 万元，增长 50.49%。",
                "2024 年，新疆维吾尔自治区喀什地区医疗保障局政府采购预算 421.97 "
                "万元，其中：政府采购货物预算 52.77 万元，政府采购工程预算 0.00 万元。",
            },
            {{"total_income", 327742350000},
             {"total_expenditure", 327742350000},
             {"basic_expenditure", 762830000},
             {"project_expenditure", 326979530000},
             {"general_budget_expenditure", 327740280000},
             {"general_budget_basic_expenditure", 761350000},
             {"personnel_expenditure", 710890000},
             {"public_expenditure", 50460000},
             {"three_public.total", 4200000},
             {"three_public.overseas", 0},
             {"three_public.vehicle_purchase", 0},
             {"three_public.vehicle_operation", 4200000},
             {"three_public.reception", 0},
             {"org_running_cost", 50460000},
             {"gov_procurement_total", 421970000}},
            {"fiscal_appropriation_income", "three_public.vehicle_total"},
        }),
    [](const testing::TestParamInfo<SeedCase>& param_info) {
      return std::string(param_info.param.name);
    });

// Seed 003 prints its narrative inside a self-evaluation form, with the
// misprinted unit the reconciliation must later explain.
TEST(NarrativeTest, ReadsProseInTableCellsWithPrintedUnit) {
  Document document;
  Table table;
  table.row_count = 2;
  table.column_count = 2;
  auto add_cell = [&table](int row, int column, std::string text) {
    TableCell cell;
    cell.row = row;
    cell.column = column;
    cell.text = std::move(text);
    cell.provenance.block = 0;
    cell.provenance.row = row;
    cell.provenance.column = column;
    table.cells.push_back(cell);
  };
  add_cell(0, 0, "(三) 部门整体收支情况");
  add_cell(0, 1,
           "2022年总收入1,567.97万元，其中，财政拨款收入1,567.97万元，占总收入的100.00%。总支出"
           "1,567.97万元，其中：工资福利支出1,085.52万元，占支出总额的70.32%。");
  add_cell(1, 0, "(五) 严控“三公经费”支出情况");
  add_cell(1, 1,
           "2022年“三公”经费支出总额6.25万元，其中“因公出国(境)0.00万元，公务用车运行维护费"
           "3.85元（医保局费用），公务接待费2.41万元。");
  document.blocks.push_back(Block{table});
  std::vector<Finding> findings;
  std::map<std::string, Figure> by_metric = ByMetric(
      ExtractNarrativeFigures(document, MakeMetadata(DocKind::kFinalAccounts, "2022"), findings));
  EXPECT_EQ(by_metric["total_income"].amount_fen, 1567970000);
  EXPECT_EQ(by_metric["total_expenditure"].amount_fen, 1567970000);
  EXPECT_EQ(by_metric["fiscal_appropriation_income"].amount_fen, 1567970000);
  EXPECT_EQ(by_metric["three_public.total"].amount_fen, 6250000);
  EXPECT_EQ(by_metric["three_public.overseas"].amount_fen, 0);
  EXPECT_EQ(by_metric["three_public.reception"].amount_fen, 2410000);
  const Figure& operation = by_metric["three_public.vehicle_operation"];
  EXPECT_EQ(operation.amount_fen, 385);  // as printed; ReconcileNarrative corrects it
  EXPECT_EQ(operation.printed_text, "3.85元");
  EXPECT_EQ(operation.printed_unit, UnitOfAmount::kYuan);
  EXPECT_EQ(operation.provenance.row, 1);
  EXPECT_EQ(operation.provenance.column, 1);
  EXPECT_EQ(operation.row_name, "公务用车运行维护费");
}

TEST(NarrativeTest, PrintedTextSentenceAndRowNameAsPrinted) {
  std::vector<Finding> findings;
  std::vector<Figure> figures = ExtractNarrativeFigures(
      MakeDocument({"2019 年度本年收入 7,979.55 万元，与上年相比，增加 7,979.55 万元，增长 100%。"
                    "下一句。"}),
      MakeMetadata(DocKind::kFinalAccounts, "2019"), findings);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].row_code, "total_income");
  EXPECT_EQ(figures[0].printed_text, "7,979.55 万元");
  EXPECT_EQ(figures[0].printed_unit, UnitOfAmount::kWanYuan);
  EXPECT_EQ(figures[0].row_name, "2019 年度本年收入");
  EXPECT_EQ(figures[0].sentence,
            "2019 年度本年收入 7,979.55 万元，与上年相比，增加 7,979.55 万元，增长 100%。");
  EXPECT_EQ(figures[0].provenance.line, 1);
}

struct TrapCase {
  const char* sentence;
};

class NarrativeTrapTest : public testing::TestWithParam<TrapCase> {};

// Comparisons, percentages, counts, rates and other years are not figures.
TEST_P(NarrativeTrapTest, YieldsNoFigure) {
  std::vector<Finding> findings;
  std::vector<Figure> figures = ExtractNarrativeFigures(
      MakeDocument({GetParam().sentence}), MakeMetadata(DocKind::kFinalAccounts, "2019"), findings);
  for (const Figure& figure : figures) {
    ADD_FAILURE() << figure.row_code << " = " << figure.printed_text << " from "
                  << GetParam().sentence;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Traps, NarrativeTrapTest,
    testing::Values(
        TrapCase{"与上年相比，增加 7,979.55 万元，增长 100%。"},
        TrapCase{"本年收入比上年减少 12.00 万元。"}, TrapCase{"本年支出较上年下降 3.5 万元。"},
        TrapCase{"2018年本年收入合计 569.38 万元。"},
        TrapCase{"公务用车运行维护费支出决算比2017年增加0.064万元。"},
        TrapCase{"公务接待费占“三公”经费的 100%。"},
        TrapCase{"因公出国（境）团组 0 个，因公出国（境）0 人次。"},
        TrapCase{"公务用车保有量 2 辆，公务用车购置数 1 辆。"},
        TrapCase{"公务接待 1 批次，14 人次。"}, TrapCase{"财政拨款收入年初预算数 499.91 万元。"},
        TrapCase{"“三公”经费支出全年预算数 1.00 万元。"}, TrapCase{"参保人数213.00万人。"},
        // Jiangsu budgets (js_cppcc_2019, js_rendaban_2019): parts of a whole.
        TrapCase{"2.财政专户管理资金收入预算总计0万元，与上年数一致。"},
        TrapCase{"3.其他资金收入预算总计80万元，与上年数一致。"},
        TrapCase{"2019年度一般公共预算拨款安排的会议费预算支出1469.73万元。"},
        TrapCase{"江苏省政协办公厅 2019 年度财政拨款基本支出预算6,442.75万元。"},
        TrapCase{"人员经费标准 0.18万元/人。"},
        TrapCase{"开支内容包括：公务接待费 0.71 万元、公务用车运行维护费 29.80 万元。"},
        // One classification item's figures (js_procuratorate_2018, js_cppcc_2017).
        TrapCase{"检察（款）:2019年支出合计16,444.36万元。"},
        TrapCase{"（8）公务接待费（款）支出16万元，比上年减少2万元。"},
        TrapCase{"住房改革支出(款): 2019年本年支出3,660.38万元。"}));

TEST(NarrativeTest, ReportsMissingMetricsAndDisagreements) {
  std::vector<Finding> findings;
  std::vector<Figure> figures = ExtractNarrativeFigures(
      MakeDocument({"2019年度本年收入 100.00 万元。", "2019年度本年收入 120.00 万元。",
                    "2019年度本年收入 100.004 万元。"}),
      MakeMetadata(DocKind::kFinalAccounts, "2019"), findings);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].amount_fen, 100000000);
  int inconsistent = 0, not_found = 0;
  for (const Finding& finding : findings) {
    if (finding.check == "narrative.inconsistent") {
      ++inconsistent;
      EXPECT_EQ(finding.severity, Severity::kWarning);
      EXPECT_EQ(finding.expected_fen, 100000000);
      EXPECT_EQ(finding.actual_fen, 120000000);
    }
    if (finding.check == "narrative.not_found") {
      ++not_found;
      EXPECT_EQ(finding.severity, Severity::kInfo);
      EXPECT_FALSE(finding.message.empty());
    }
  }
  EXPECT_EQ(inconsistent, 1);  // 100.004 agrees within rounding
  EXPECT_EQ(not_found, 17);
}

TEST(NarrativeTest, YiYuanAndFullWidthDigits) {
  std::vector<Finding> findings;
  std::map<std::string, Figure> by_metric = ByMetric(ExtractNarrativeFigures(
      MakeDocument({"2024年本年收入1.25亿元。", "2024年政府采购支出总额１２.５万元。"}),
      MakeMetadata(DocKind::kFinalAccounts, "2024"), findings));
  EXPECT_EQ(by_metric["total_income"].amount_fen, 12500000000);
  EXPECT_EQ(by_metric["gov_procurement_total"].amount_fen, 12500000);
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

struct SeedFileCase {
  const char* file;
  DocKind kind;
  const char* year;
  std::vector<Expected> expected;
};

class SeedFileNarrativeTest : public testing::TestWithParam<SeedFileCase> {};

// The whole seed through the text reader: the figures checked by hand above
// must come out of the real block structure too.
TEST_P(SeedFileNarrativeTest, ReadsFiguresFromSeedFile) {
  const SeedFileCase& c = GetParam();
  Result<Document> document =
      ReadDocument(std::string(DISCLOSE_SHARED_DIR) + "/seeds/" + c.file, ExtractOptions{});
  if (!document.ok()) GTEST_SKIP() << "seed not readable here: " << c.file;
  std::vector<Finding> findings;
  std::vector<Figure> figures =
      ExtractNarrativeFigures(document.value(), MakeMetadata(c.kind, c.year), findings);
  std::map<std::string, Figure> by_metric = ByMetric(figures);
  for (const Expected& e : c.expected) {
    auto it = by_metric.find(e.metric);
    ASSERT_NE(it, by_metric.end()) << c.file << ": missing " << e.metric;
    EXPECT_EQ(it->second.amount_fen, e.fen)
        << c.file << ": " << e.metric << " from \"" << it->second.sentence << "\"";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedFileNarrativeTest,
    testing::Values(SeedFileCase{"000_28c5b8c0e71a2a67.txt",
                                 DocKind::kFinalAccounts,
                                 "2019",
                                 {{"total_income", 7979550000},
                                  {"total_expenditure", 1931570000},
                                  {"basic_expenditure", 1183770000},
                                  {"project_expenditure", 747800000},
                                  {"general_budget_expenditure", 1781570000},
                                  {"general_budget_basic_expenditure", 1033770000},
                                  {"three_public.total", 30500000},
                                  {"three_public.vehicle_operation", 29800000},
                                  {"three_public.reception", 710000},
                                  {"org_running_cost", 518770000},
                                  {"gov_procurement_total", 978350000}}},
                    SeedFileCase{"001_1d3965113ca8330b.txt",
                                 DocKind::kFinalAccounts,
                                 "2018",
                                 {{"total_income", 569380000},
                                  {"total_expenditure", 543370000},
                                  {"fiscal_appropriation_income", 569380000},
                                  {"basic_expenditure", 473520000},
                                  {"project_expenditure", 69850000},
                                  {"general_budget_basic_expenditure", 473520000},
                                  {"personnel_expenditure", 434660000},
                                  {"public_expenditure", 38860000},
                                  {"three_public.total", 140000},
                                  {"three_public.reception", 140000},
                                  {"org_running_cost", 38860000},
                                  {"gov_procurement_total", 0}}},
                    SeedFileCase{"002_5b42121fa295fc4a.txt",
                                 DocKind::kFinalAccounts,
                                 "2024",
                                 {{"total_income", 263330000},
                                  {"total_expenditure", 263330000},
                                  {"fiscal_appropriation_income", 263330000},
                                  {"basic_expenditure", 213520000},
                                  {"project_expenditure", 49810000},
                                  {"general_budget_expenditure", 263330000},
                                  {"personnel_expenditure", 206040000},
                                  {"public_expenditure", 7480000},
                                  {"three_public.total", 0},
                                  {"org_running_cost", 7480000},
                                  {"gov_procurement_total", 15100000}}},
                    SeedFileCase{"003_f226edb144d9e567.txt",
                                 DocKind::kFinalAccounts,
                                 "2022",
                                 {{"three_public.total", 6250000},
                                  {"three_public.vehicle_operation", 385},
                                  {"three_public.reception", 2410000}}},
                    SeedFileCase{"004_4b22c8c51bd978dc.txt",
                                 DocKind::kBudget,
                                 "2024",
                                 {{"total_income", 327742350000},
                                  {"total_expenditure", 327742350000},
                                  {"basic_expenditure", 762830000},
                                  {"general_budget_expenditure", 327740280000},
                                  {"general_budget_basic_expenditure", 761350000},
                                  {"personnel_expenditure", 710890000},
                                  {"three_public.total", 4200000},
                                  {"three_public.vehicle_operation", 4200000},
                                  {"org_running_cost", 50460000},
                                  {"gov_procurement_total", 421970000}}}),
    [](const testing::TestParamInfo<SeedFileCase>& param_info) {
      return std::string(param_info.param.file).substr(0, 3);
    });

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

struct ComparisonCase {
  const char* text;
  int findings;
};

class ComparisonWordTest : public testing::TestWithParam<ComparisonCase> {};

// sh_putuo_finance_2024_final_MODIFIED flips 小于 to 大于/等于 (known errors M06-M08).
TEST_P(ComparisonWordTest, ComparisonWordMustFollowTheFigures) {
  std::vector<Finding> findings;
  ExtractNarrativeFigures(MakeDocument({GetParam().text}),
                          MakeMetadata(DocKind::kFinalAccounts, "2024"), findings);
  int count = 0;
  for (const Finding& finding : findings) {
    if (finding.check != "narrative.comparison") continue;
    ++count;
    EXPECT_EQ(finding.severity, Severity::kError);
    EXPECT_NE(finding.message.find("万元"), std::string::npos);
  }
  EXPECT_EQ(count, GetParam().findings) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Words, ComparisonWordTest,
    testing::Values(
        ComparisonCase{"年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。"
                       "决算数大于预算数的主要原因：人员进出及退休变化。",
                       1},
        ComparisonCase{"年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。"
                       "决算数小于预算数的主要原因：人员进出及退休变化。",
                       0},
        ComparisonCase{"年初预算为62.29万元，支出决算为60.99万元。决算数等于预算数的主要原因。", 1},
        ComparisonCase{"年初预算为9.3万元，支出决算为9.30万元，决算数等于预算数。", 0},
        ComparisonCase{"决算数大于预算数的主要原因：无。", 0}));

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

struct ClassNameCase {
  const char* text;
  const char* year;
  int findings;
};

class NarrativeClassNameTest : public testing::TestWithParam<ClassNameCase> {};

// sh_putuo_justice_2026 budgets name class 210 by its pre-2019 name (D04, U04).
TEST_P(NarrativeClassNameTest, FlagsRetiredOrWrongClassNames) {
  std::vector<Finding> findings;
  ExtractNarrativeFigures(MakeDocument({GetParam().text}),
                          MakeMetadata(DocKind::kBudget, GetParam().year), findings);
  int count = 0;
  for (const Finding& finding : findings) {
    if (finding.check != "code.name") continue;
    ++count;
    EXPECT_EQ(finding.severity, Severity::kWarning);
    EXPECT_NE(finding.printed_text.find("类"), std::string::npos);
  }
  EXPECT_EQ(count, GetParam().findings) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Names, NarrativeClassNameTest,
    testing::Values(
        ClassNameCase{"11、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）114.97万元",
                      "2026", 1},
        ClassNameCase{"11、卫生健康支出（210类）行政事业单位医疗（11款）114.97万元", "2026", 0},
        ClassNameCase{"医疗卫生与计划生育支出（210类）22.16万元", "2018", 0},
        ClassNameCase{"8、社会保障和就业支出（210类）1.00万元", "2024", 1},
        ClassNameCase{"住房保障（221类）住房改革支出（02款）", "2024", 0}));

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// Damaged text never crashes the scanner: truncated UTF-8, digits at the
// edges, lone units and brackets, and long runs of amounts in one sentence.
TEST(NarrativeTest, SurvivesDamagedText) {
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "本年收入1万元";
  std::vector<std::string> texts = {"",
                                    "1",
                                    "万元",
                                    "（210类",
                                    "(1类)",
                                    "决",
                                    "决算数大于预算数",
                                    "\xe4\xb8",
                                    "1,",
                                    "1.",
                                    "1,000,",
                                    "，，，1万",
                                    many,
                                    "预算为1万元决算为2万元决算数等于预算数",
                                    "\xff\xfe万元1"};
  std::vector<Finding> findings;
  ExtractNarrativeFigures(MakeDocument(texts), MakeMetadata(DocKind::kFinalAccounts, ""), findings);
  SUCCEED();
}

}  // namespace
}  // namespace disclose
