#include "normalize/tables.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "core/money.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

Document ReadSeed(const std::string& name) {
  Result<Document> document =
      ReadDocument(std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/seeds/" + name, ExtractOptions{});
  EXPECT_TRUE(document.ok()) << name;
  return document.ok() ? std::move(document).value() : Document{};
}

const CanonicalTable* FindTable(const NormalizedDocument& normalized, const std::string& kind) {
  for (const CanonicalTable& table : normalized.tables) {
    if (table.kind == kind) return &table;
  }
  return nullptr;
}

// The amount of (kind, row, column), or -1 when there is no such figure.
std::int64_t FigureFen(const NormalizedDocument& normalized, const std::string& kind,
                       const std::string& row_code, const std::string& column) {
  for (const CanonicalTable& table : normalized.tables) {
    if (table.kind != kind) continue;
    for (const CanonicalRow& row : table.rows) {
      if (row.row_code != row_code) continue;
      for (const Figure& figure : row.values) {
        if (figure.column == column) return figure.amount_fen;
      }
    }
  }
  return -1;
}

void Dump(const NormalizedDocument& normalized) {
  if (std::getenv("DISCLOSE_DUMP") == nullptr) return;
  const DocumentMetadata& m = normalized.metadata;
  std::cout << "META " << m.department.value << " | " << m.fiscal_year.value << " | "
            << m.doc_kind.value << "\n";
  for (const CanonicalTable& table : normalized.tables) {
    std::cout << "TABLE " << table.kind << " | " << table.printed_title << " | "
              << table.printed_unit << " | " << UnitOfAmountName(table.unit) << " | blocks";
    for (int b : table.source_blocks) std::cout << " " << b;
    std::cout << "\n  columns:";
    for (const std::string& key : table.column_keys) std::cout << " [" << key << "]";
    std::cout << "\n";
    for (const CanonicalRow& row : table.rows) {
      std::cout << "  " << row.row_code << " " << row.row_name;
      for (const Figure& f : row.values)
        std::cout << " " << f.column << "=" << FormatYuan(f.amount_fen);
      std::cout << "\n";
    }
  }
  for (const Finding& f : normalized.findings) {
    if (f.severity != Severity::kInfo)
      std::cout << "FINDING " << f.check << " " << f.message << "\n";
  }
}

// A central department's 一般公共预算支出表 (cn_central_xinfang_2026 p10): the
// prior year's 执行数, the new year's 预算数, each also net of a deduction, and
// the comparison columns. A change or a rate must never take the key of the
// figure it compares (they were keyed `budget`, and sum.total failed).
TEST(TablesTest, ComparisonColumnKeys) {
  struct Case {
    std::vector<std::string> path;
    const char* key;
  };
  const Case cases[] = {
      {{"2025年执行数", "执行数"}, "execution"},
      {{"2025年执行数", "扣除中央基建投资后执行数"}, "execution.net"},
      {{"2026年预算数", "年初预算数", "小计"}, "total"},
      {{"2026年预算数", "扣除中央基建投资后预算数"}, "budget.net"},
      // The wrapped word's second line read into its first on a scan (bj_city_ecoenv p14).
      {{"预算数", "项目支出", "扣除基算建数项目后预"}, "budget.net"},
      {{"决算数", "项目支出", "扣除基建项目后决"}, "final.net"},
      {{"2026年预算数比2025年执行数", "增减额"}, "change"},
      {{"2026年预算数比2025年执行数", "增减(%)"}, "rate"},
      {{"2026年预算数比2025年执行数(扣除中央基建投资)", "增减额"}, "change.net"},
      {{"比上年增减"}, "change"},
      {{"比上年增长率"}, "rate"},
      {{"上年预算数"}, "budget"},
      // Not comparisons: 比 between no figure names, 本年预算.
      {{"本年预算", "一般公共预算"}, "general_budget"},
      {{"决算数"}, "final"},
      // Columns that held amounts no key read (column.unkeyed on ../shared/corpus).
      {{"机关运行经费支出"}, "amount"},
      {{"资金来源", "其他资金"}, "other"},
      {{"得分"}, "rate"},
      {{"分值"}, "rate"},
      // A share printed in percent under no comparison header (bj_govt_2024_final_book p5,
      // zj_hangzhou_govt_2023 books): a rate, not the figure its words name.
      {{"决算数为调整预算数％"}, "rate"},
      {{"2024年", "执行率(%)"}, "rate"},
      // 公开06表 printed three times across (cn_central_xinfang_2024 p12): 科目代码 is a
      // label, never the 人员经费 column (its codes were read as figures' keys).
      {{"人员经费", "科目代码"}, ""},
      {{"人员经费", "决算数"}, "final"},
      // The code and name columns' header words read as one cell, each wrapped in its narrow
      // column (科目编 / 码 beside 科目名称 or 科目名 / 称, the national basic expenditure table in
      // a PDF without rules, s93wn_0089_final): still the labels, never the 人员经费 group's
      // amounts.
      {{"人员经费", "科目编科目名称\n码"}, ""},
      {{"公用经费", "科目编科目名\n码称"}, ""},
      {{"人员经费", "科目\n编码科目名称"}, ""},
      // A 栏次 number read into the header word on a scan (js_suzhou_landres p28: 总计1).
      {{"总计1"}, "total"},
      {{"资金来源", "合计2"}, "total"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ColumnKeyForHeader(c.path), c.key) << c.path.back();
  }
}

// A column name cut over two or three header rows where the rows fall apart in a PDF without
// rules (一般 / 公共预算 / 拨款, 国有资 / 本经营预算拨 / 款: the national income table, twelve
// columns in portrait, s94wn_0081_budget): the first piece names nothing alone, so the pieces are
// one name; 公共预算 had keyed the column budget.
TEST(TablesTest, ColumnNameCutOverHeaderRows) {
  struct Case {
    std::vector<std::string> path;
    const char* key;
  };
  const Case cases[] = {
      {{"一般", "公共预算", "拨款"}, "general_budget"},
      {{"国有资", "本经营预算拨", "款"}, "state_capital"},
      {{"事业", "单位经营", "收入"}, "operating"},
      {{"附属", "单位上缴", "收入"}, "affiliated_remittance"},
      // Over two rows, the rest longer than the two characters the joining of a word's wrapped
      // rest allows (财政专户管理资金 in a column three characters wide, tpl97 s97wn_0096_budget).
      {{"财政专", "户管理资金"}, "fiscal_special_account"},
      {{"一般", "公共预算"}, "general_budget"},
      // A group over its parts keeps the parts' keys.
      {{"本年支出", "基本支出", "人员经费"}, "expenditure.personnel"},
      {{"一般公共预算", "基本支出"}, "basic"},
      // A department's name over the group over its part (bj_city_audit_2026_budget_tables
      // p20: 北京市审计局 over 其他资金 over 合计) is no word cut short.
      {{"北京市审计局", "其他资金", "合计"}, "other"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ColumnKeyForHeader(c.path), c.key) << c.path.back();
  }
}

TEST(TablesTest, ColumnKeys) {
  EXPECT_EQ(ColumnKeyForHeader({"本年支出", "基本支出", "人员经费"}), "expenditure.personnel");
  EXPECT_EQ(ColumnKeyForHeader({"年初结转和结余", "合计"}), "opening.total");
  EXPECT_EQ(ColumnKeyForHeader({"本年收入", "基本支出"}), "income.basic");
  EXPECT_EQ(ColumnKeyForHeader({"本年支出", "基本支出", "小计"}), "expenditure.basic");
  EXPECT_EQ(ColumnKeyForHeader({"本年支出合计"}), "total");
  // A header word wrapped in its cell, read without rules as two header rows
  // (sweep s1_0231): the rest joins the word it ends, unless it is a word or
  // label header of its own.
  EXPECT_EQ(ColumnKeyForHeader({"一般公共预算拨", "款"}), "general_budget");
  EXPECT_EQ(ColumnKeyForHeader({"其他收", "入"}), "other");
  // A fund's name cut mid-word over two header lines, its second line the name's rest and more
  // (H37 s3w_0577_final: 一般公共预 over 算财政拨款 keyed fiscal_appropriation, 政府性基金 over
  // 预算财政拨 and a wrap misread keyed budget, every figure under a wrong key and no finding).
  EXPECT_EQ(ColumnKeyForHeader({"一般公共预", "算财政拨款"}), "general_budget");
  EXPECT_EQ(ColumnKeyForHeader({"政府性基金", "预算财政拨了汪人如"}), "gov_fund");
  EXPECT_EQ(ColumnKeyForHeader({"国有资本", "经营预算"}), "state_capital");
  EXPECT_EQ(ColumnKeyForHeader({"本年支出", "一般公共", "预算"}), "expenditure.general_budget");
  // A fund over its own parts is no cut name.
  EXPECT_EQ(ColumnKeyForHeader({"一般公共预算", "基本支出"}), "basic");
  EXPECT_EQ(ColumnKeyForHeader({"政府性基金预算", "项目支出"}), "project");
  // The 栏次 row printed on the header's line, its numbers read into the words (s2w_0142,
  // s2w_0213 budgets): the word without them.
  EXPECT_EQ(ColumnKeyForHeader({"基2本支出"}), "basic");
  EXPECT_EQ(ColumnKeyForHeader({"项3目支出"}), "project");
  EXPECT_EQ(ColumnKeyForHeader({"合1计"}), "total");
  // Also where the word with the number inside keys another column (一2般公共预算拨款 keyed the
  // figure kind `budget` by its 预算: s25w_0080_budget's general-budget figures, silent).
  EXPECT_EQ(ColumnKeyForHeader({"一2般公共预算拨款"}), "general_budget");
  EXPECT_EQ(ColumnKeyForHeader({"2025年预算数"}), "budget");
  EXPECT_EQ(ColumnKeyForHeader({"财政拨款收入", "项目"}), "");
  EXPECT_EQ(ColumnKeyForHeader({"功能分类科目编码", "类"}), "");
  // sh_putuo_justice_2026_unit_budget.pdf p11: 合计 under 支出预算 is the total.
  EXPECT_EQ(ColumnKeyForHeader({"支出预算", "合计"}), "total");
  EXPECT_EQ(ColumnKeyForHeader({"支出预算", "基本支出"}), "basic");
  // Seed 003 公开11 (国有资产使用情况表).
  EXPECT_EQ(ColumnKeyForHeader({"资产总额"}), "total_assets");
  EXPECT_EQ(ColumnKeyForHeader({"固定资产", "小计"}), "fixed_assets");
  EXPECT_EQ(ColumnKeyForHeader({"固定资产", "单价200万以上大型设备"}),
            "fixed_assets.large_equipment");
  // Seed 004 表11 (上年结转结余情况明细表).
  EXPECT_EQ(ColumnKeyForHeader({"财政拨款", "合计"}), "fiscal_appropriation.total");
  EXPECT_EQ(ColumnKeyForHeader({"非财政拨款", "基本支出", "人员经费"}), "non_fiscal.personnel");
  // Seed 004 表5 and 表8.
  EXPECT_EQ(ColumnKeyForHeader({"一般公共预算支出", "合计"}), "total");
  EXPECT_EQ(ColumnKeyForHeader({"商品服务 支出"}), "economic.302");
  EXPECT_EQ(ColumnKeyForHeader({"资本性支 出（基本 建设）"}), "economic.309");
  // Seed 004 表2 (部门收入总体情况表).
  EXPECT_EQ(ColumnKeyForHeader({"财政拨款（补助）", "上级一般公共预算安排的转移支付"}),
            "general_budget_upper_transfer");
  EXPECT_EQ(ColumnKeyForHeader({"财政拨款结转"}), "carryover");
  EXPECT_EQ(ColumnKeyForHeader({"非财政拨款结转结余"}), "non_fiscal_carryover");
  EXPECT_EQ(ColumnKeyForHeader({"年末结转和结余", "项目支出结转和结余", "小计"}),
            "closing.project");
  EXPECT_EQ(ColumnKeyForHeader({"年末结转和结余", "项目支出结转和结余", "项目支出结转"}),
            "closing.project_carryover");
  EXPECT_EQ(ColumnKeyForHeader({"年末结转和结余", "项目支出结转和结余", "项目支出结余"}),
            "closing.project_surplus");
  EXPECT_EQ(ColumnKeyForHeader({"项目支出"}), "project");
  EXPECT_EQ(ColumnKeyForHeader({"对附属单位补助支出"}), "affiliate_subsidy");
  EXPECT_EQ(ColumnKeyForHeader({"财政拨款收入"}), "fiscal_appropriation");
  EXPECT_EQ(ColumnKeyForHeader({"事业收入", "小计"}), "business");
  EXPECT_EQ(ColumnKeyForHeader({"单位资金", "事业收入"}), "business");
  EXPECT_EQ(ColumnKeyForHeader({"全年预算数"}), "adjusted_budget");
  EXPECT_EQ(ColumnKeyForHeader({"决算数"}), "final");
  EXPECT_EQ(ColumnKeyForHeader({"科目名称"}), "");
  EXPECT_EQ(ColumnKeyForHeader({"项目(按功能分类)"}), "");
  EXPECT_EQ(ColumnKeyForHeader({"类"}), "");
  // 上年结转结余 over the same sources as 本年收入 (Hangzhou, Beijing 收入总表);
  // alone it is the carry-over column.
  EXPECT_EQ(ColumnKeyForHeader({"上年结转结余", "小计"}), "carryover.total");
  EXPECT_EQ(ColumnKeyForHeader({"上年结转结余", "一般公共预算"}), "carryover.general_budget");
  EXPECT_EQ(ColumnKeyForHeader({"上年结转结余", "单位资金"}), "carryover.unit_funds");
  EXPECT_EQ(ColumnKeyForHeader({"上年结转结余"}), "carryover");
  // 基本支出 as 人员支出 | 日常公用支出 (Hangzhou 支出预算总表).
  EXPECT_EQ(ColumnKeyForHeader({"基本支出", "人员支出"}), "personnel");
  EXPECT_EQ(ColumnKeyForHeader({"基本支出", "日常公用支出"}), "public");
  EXPECT_EQ(ColumnKeyForHeader({"人员类"}), "personnel");  // beside 公用经费 (Changsha)
}

// 基本支出预算情况表 keyed by two economic classifications side by side (部门预算
// 支出经济分类 类|款|科目 then 政府预算支出经济分类 类|款|科目, Yantai): the first
// group keys the row, and a class printed once per government class (301 under 501
// and again under 505) heads only the rows below it, so every identity holds.
TEST(TablesTest, SecondEconomicClassificationDoesNotJoinTheCode) {
  const NormalizedDocument normalized = Normalize(
      DocumentBuilder()
          .Page({"烟台市统计局", "2026年部门预算", "编制单位：烟台市统计局"})
          .Page({"公开表10", "基本支出预算情况表", "单位：万元"})
          .Table({{"部门预算支出经济分类", "部门预算支出经济分类", "部门预算支出经济分类",
                   "政府预算支出经济分类", "政府预算支出经济分类", "政府预算支出经济分类", "合计"},
                  {"类", "款", "科目", "类", "款", "科目", ""},
                  {"", "", "合计", "", "", "", "1,000.00"},
                  {"301", "", "工资福利支出", "501", "", "机关工资福利支出", "600.00"},
                  {"301", "01", "基本工资", "501", "01", "工资奖金津补贴", "600.00"},
                  {"301", "", "工资福利支出", "505", "", "对事业单位经常性补助", "400.00"},
                  {"301", "01", "基本工资", "505", "01", "工资福利支出", "300.00"},
                  {"301", "02", "津贴补贴", "505", "01", "工资福利支出", "100.00"}})
          .Build(),
      NormalizeOptions{});
  Dump(normalized);
  const CanonicalTable* table = FindTable(normalized, "budget.basic_expenditure");
  ASSERT_NE(table, nullptr);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table->rows) codes.push_back(row.row_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"total", "301", "30101", "301", "30101", "30102"}));
  for (const Finding& finding : normalized.findings) {
    EXPECT_NE(finding.check.rfind("sum.", 0), 0u) << finding.message;
  }
  EXPECT_EQ(normalized.validation.at("sum.children").checked, 2);
  EXPECT_EQ(normalized.validation.at("sum.children").held, 2);
}

// 一般公共预算“三公”经费支出情况表 printing 2025年预算数 and 2026年预算数 over the
// same items (Yantai 公开表7): the earlier year is the comparison and gets its own
// column key, so the two years' figures are not two `budget` values of one row.
// The same with the items as rows and the years as columns.
TEST(TablesTest, PriorYearColumnsOfThreePublicGetTheirOwnKey) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> grid;
  };
  const Case cases[] = {
      {"items across, years as groups",
       {{"2025年预算数", "2025年预算数", "2025年预算数", "2026年预算数", "2026年预算数",
         "2026年预算数"},
        {"合计", "因公出国（境）费", "公务接待费", "合计", "因公出国（境）费", "公务接待费"},
        {"11.90", "8.50", "3.40", "3.40", "0.00", "3.40"}}},
      {"items down, years across",
       {{"项目", "2025年预算数", "2026年预算数"},
        {"合计", "11.90", "3.40"},
        {"因公出国（境）费", "8.50", "0.00"},
        {"公务接待费", "3.40", "3.40"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const NormalizedDocument normalized =
        Normalize(DocumentBuilder()
                      .Page({"烟台市审计局", "2026年部门预算", "编制单位：烟台市审计局"})
                      .Page({"公开表7", "一般公共预算“三公”经费支出情况表", "单位：万元"})
                      .Table(c.grid)
                      .Build(),
                  NormalizeOptions{});
    Dump(normalized);
    const std::string kind = "budget.three_public";
    EXPECT_EQ(FigureFen(normalized, kind, "three_public.total", "budget"), 3400000);
    EXPECT_EQ(FigureFen(normalized, kind, "three_public.total", "prior_year_budget"), 11900000);
    EXPECT_EQ(FigureFen(normalized, kind, "three_public.overseas", "prior_year_budget"), 8500000);
    EXPECT_EQ(FigureFen(normalized, kind, "three_public.reception", "budget"), 3400000);
  }
}

// The central template's 一般公共预算支出表 (cn_central_xinfang_2026 p10): 2025年执行数
// beside 2026年预算数, each also net of 中央基建投资, then 增减额 / 增减(%) twice.
// Every figure keeps its own key: the prior year's execution, the change, and
// no rate; the class total holds over its items with no sum finding.
TEST(TablesTest, CentralBudgetComparisonColumns) {
  const std::vector<std::string> top = {"科目编码",
                                        "科目名称",
                                        "2025年执行数",
                                        "2025年执行数",
                                        "2026年预算数",
                                        "2026年预算数",
                                        "2026年预算数",
                                        "2026年预算数",
                                        "2026年预算数比2025年执行数",
                                        "2026年预算数比2025年执行数",
                                        "2026年预算数比2025年执行数（扣除中央基建投资）",
                                        "2026年预算数比2025年执行数（扣除中央基建投资）"};
  const std::vector<std::string> sub = {
      "科目编码", "科目名称",  "执行数",   "扣除中央基建投资后执行数",
      "小计",     "基本支出",  "项目支出", "扣除中央基建投资后预算数",
      "增减额",   "增减（%）", "增减额",   "增减（%）"};
  const NormalizedDocument normalized = Normalize(
      DocumentBuilder()
          .Page({"国家信访局", "2026年部门预算", "编制单位：国家信访局"})
          .Page({"部门公开表5", "一般公共预算支出表", "单位：万元"})
          .Table({top,
                  sub,
                  {"201", "一般公共服务支出", "33,586.67", "10,044.47", "13,144.37", "6,668.44",
                   "6,475.93", "13,144.37", "-20,442.30", "-60.86%", "3,099.90", "30.86%"},
                  {"2014001", "行政运行", "5,555.07", "5,555.07", "5,826.21", "5,826.21", "",
                   "5,826.21", "271.14", "4.88%", "271.14", "4.88%"},
                  {"2014099", "其他信访事务支出", "28,031.60", "4,489.40", "7,318.16", "842.23",
                   "6,475.93", "7,318.16", "-20,713.44", "-73.89%", "2,828.76", "63.01%"}})
          .Build(),
      NormalizeOptions{});
  Dump(normalized);
  const std::string kind = "budget.general_budget_expenditure";
  EXPECT_EQ(FigureFen(normalized, kind, "201", "prior_year_execution"), 33586670000);
  EXPECT_EQ(FigureFen(normalized, kind, "201", "prior_year_execution.net"), 10044470000);
  EXPECT_EQ(FigureFen(normalized, kind, "201", "total"), 13144370000);
  EXPECT_EQ(FigureFen(normalized, kind, "201", "budget.net"), 13144370000);
  EXPECT_EQ(FigureFen(normalized, kind, "201", "change"), -20442300000);
  EXPECT_EQ(FigureFen(normalized, kind, "201", "change.net"), 3099900000);
  // A rate is no figure and no row: three rows, none named by a rate.
  const CanonicalTable* table = FindTable(normalized, kind);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->rows.size(), 3u);
  for (const CanonicalRow& row : table->rows) {
    for (const Figure& figure : row.values) EXPECT_NE(figure.column, "rate") << row.row_code;
  }
  for (const Finding& finding : normalized.findings) {
    EXPECT_NE(finding.check.rfind("sum.", 0), 0u) << finding.message;
  }
}

// 年终结转结余 (Beijing 预算01表 收支总表) is the closing carry-over, so that 支出总计 =
// 本年支出合计 + 年终结转结余 holds.
TEST(TablesTest, SummaryClosingCarryoverWordings) {
  const NormalizedDocument normalized = Normalize(
      DocumentBuilder()
          .Page({"北京市卫生健康委员会", "2026年部门预算", "编制单位：北京市卫生健康委员会"})
          .Page({"预算01表 收支总表", "金额单位：万元"})
          .Table({{"收入", "", "支出", ""},
                  {"项目", "预算数", "项目", "预算数"},
                  {"一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "80.00"},
                  {"本年收入合计", "100.00", "本年支出合计", "80.00"},
                  {"上年结转结余", "", "年终结转结余", "20.00"},
                  {"收入总计", "100.00", "支出总计", "100.00"}})
          .Build(),
      NormalizeOptions{});
  Dump(normalized);
  EXPECT_EQ(FigureFen(normalized, "budget.income_expenditure_summary",
                      "expenditure.closing_carryover", "amount"),
            20000000);
  EXPECT_EQ(normalized.validation.at("summary.expenditure_total").held, 1);
  EXPECT_EQ(normalized.validation.at("summary.expenditure_total").checked, 1);
}

// Code and name in one cell joined by a dash (Beijing 预算03表 支出总表: "2010801-行政运行",
// one row per unit): the code keys the row.
TEST(TablesTest, CodeDashNameInOneCell) {
  const NormalizedDocument normalized =
      Normalize(DocumentBuilder()
                    .Page({"北京市审计局", "2026年部门预算", "编制单位：北京市审计局"})
                    .Page({"预算03表 支出总表", "金额单位：万元"})
                    .Table({{"功能分类科目", "合计", "基本支出", "项目支出"},
                            {"2010801-行政运行", "100.00", "100.00", ""},
                            {"2010801－行政运行", "50.00", "50.00", ""},
                            {"合计", "150.00", "150.00", ""}})
                    .Build(),
                NormalizeOptions{});
  Dump(normalized);
  const CanonicalTable* table = FindTable(normalized, "budget.expenditure");
  ASSERT_NE(table, nullptr);
  int keyed = 0;
  for (const CanonicalRow& row : table->rows) {
    if (row.row_code == "2010801") {
      ++keyed;
      EXPECT_EQ(row.row_name, "行政运行");
    }
  }
  EXPECT_EQ(keyed, 2);
  for (const Finding& finding : normalized.findings) {
    EXPECT_NE(finding.check, "row.unkeyed") << finding.message;
  }
}

// A class code set in the label cell of a narrow column wraps inside the code, its rest on the
// name's second line ("2010 政府办公厅（室）" over "3 及相关机构事务", "2010 事业运行" over "350":
// the sweep's national income table in portrait, s91wn_0017_budget). Read line by line the row had
// no code and its figures went unkeyed. Digits that are no code on the first line and digits on the
// next that make one with them are the code; the name is the rest of both lines.
TEST(TablesTest, CodeWrappedInsideItsCell) {
  struct Case {
    const char* label;
    const char* code;  // "" when the row keys no code
    const char* name;
  };
  const Case cases[] = {
      {"2010 政府办公厅（室）\n3 及相关机构事务", "20103", "政府办公厅（室）及相关机构事务"},
      {"2010 事业运行\n350", "2010350", "事业运行"},
      {"2080 行政事业单位养老\n5 支出", "20805", "行政事业单位养老支出"},
      // The first line's digits a code already: the second line's digits are the name's.
      {"201 一般公共服务支出\n01 人大事务", "201", ""},
      // A year in the name is no code's rest.
      {"20 一般公共服务支出\n2024年", "", ""},
      // Split pieces in 款 and 项 columns one digit wide, each wrapped to the name's second
      // line ("208 0 0 行政" over "5 1 单位离退休": the national income table, twelve columns
      // in portrait sized to their content, s95wn_0008_budget): each one-digit piece joins the
      // digit under it, in order.
      {"208 0 0行政\n5 1单位离退\n休", "2080501", "行政单位离退休"},
      {"208 0行政事\n5业单位养\n老支出", "20805", "行政事业单位养老支出"},
      {"210 1 9 其他\n3 9 医疗保障\n管理事务", "2101399", "其他医疗保障管理事务"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    const NormalizedDocument normalized =
        Normalize(DocumentBuilder()
                      .Page({"长沙市审计局", "2026年部门预算", "编制单位：长沙市审计局"})
                      .Page({"预算03表 支出总表", "金额单位：万元"})
                      .Table({{"功能分类科目", "合计", "基本支出", "项目支出"},
                              {c.label, "3.46", "3.46", ""},
                              {"合计", "3.46", "3.46", ""}})
                      .Build(),
                  NormalizeOptions{});
    Dump(normalized);
    const CanonicalTable* table = FindTable(normalized, "budget.expenditure");
    ASSERT_NE(table, nullptr);
    ASSERT_FALSE(table->rows.empty());
    const CanonicalRow& row = table->rows.front();
    EXPECT_EQ(row.row_code, c.code);
    if (*c.name != '\0') {
      EXPECT_EQ(row.row_name, c.name);
    }
  }
}

// 类 | 款 | 项 set tight under 功能分类科目编码, which wraps over the three narrow code columns: a
// PDF without rules reads each column's two header lines as one cell (功能 / 类, 分类科 / 款,
// 目编码 / 项; the sweep's national income table, s91wn_0033_budget). The code columns are known
// by the cells' last lines, and the pieces join into the codes.
TEST(TablesTest, CodeColumnWordsUnderAWrappedHeaderWord) {
  const NormalizedDocument normalized = Normalize(
      DocumentBuilder()
          .Page({"长沙市审计局", "2026年部门预算", "编制单位：长沙市审计局"})
          .Page({"预算03表 支出总表", "金额单位：万元"})
          .Table({{"功能\n类", "分类科\n款", "目编码\n项", "科目\n名称", "合计", "基本支出"},
                  {"212", "", "", "城乡社区支出", "1,410.40", "1,410.40"},
                  {"212", "01", "", "城乡社区管理事务", "1,410.40", "1,410.40"},
                  {"212", "01", "01", "行政运行", "1,410.40", "1,410.40"},
                  {"合计", "", "", "", "1,410.40", "1,410.40"}})
          .Build(),
      NormalizeOptions{});
  Dump(normalized);
  const CanonicalTable* table = FindTable(normalized, "budget.expenditure");
  ASSERT_NE(table, nullptr);
  std::vector<std::string> codes;
  for (const CanonicalRow& row : table->rows) codes.push_back(row.row_code);
  EXPECT_EQ(codes, (std::vector<std::string>{"212", "21201", "2120101", "total"}));
}

// 合 计 / 总 计 printed letter-spaced over two label columns (H8 s3w_0114's scan: 总 | 记 in the
// summary, 合 | 让 in the 一般公共预算 table): the two cells are one word, the total's. On a scan
// the 计 cell may be read as another ideograph; in a text layer only 计 joins.
TEST(TablesTest, TotalWordSpreadOverTwoLabelColumns) {
  struct Case {
    TextOrigin origin;
    const char* summary_second;  // the 计 of 总计 as read
    const char* table_second;    // the 计 of 合计 as read
    bool keyed;
  };
  const Case cases[] = {
      {TextOrigin::kOcr, "记", "让", true},
      {TextOrigin::kOcr, "计", "计", true},
      {TextOrigin::kTextLayer, "计", "计", true},
      {TextOrigin::kTextLayer, "记", "让", false},
  };
  for (const Case& c : cases) {
    Document document = DocumentBuilder()
                            .Page({"北京市审计局", "2026年部门决算", "编制单位：北京市审计局"})
                            .Page({"公开01表 收入支出决算总表", "金额单位：元"})
                            .Table({{"收入", "", "", "支出", ""},
                                    {"项目", "", "金额", "项目", "金额"},
                                    {"一、一般公共预算财政拨款收入", "", "100.00",
                                     "一、一般公共服务支出", "100.00"},
                                    {"本年收入合计", "", "100.00", "本年支出合计", "100.00"},
                                    {"总", c.summary_second, "100.00", "总计", "100.00"}})
                            .Page({"公开05表 一般公共预算财政拨款支出决算表", "金额单位：元"})
                            .Table({{"科目名称", "", "合计", "基本支出", "项目支出"},
                                    {"合", c.table_second, "100.00", "60.00", "40.00"},
                                    {"201一般公共服务支出", "", "100.00", "60.00", "40.00"}})
                            .Build();
    for (Block& block : document.blocks) {
      if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.origin = c.origin;
      if (Table* table = block.AsTable()) {
        for (TableCell& cell : table->cells) cell.provenance.origin = c.origin;
      }
    }
    const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
    EXPECT_EQ(FigureFen(normalized, "final.income_expenditure_summary", "income.grand_total",
                        "amount") == 10000,
              c.keyed)
        << c.summary_second;
    EXPECT_EQ(FigureFen(normalized, "final.general_budget_expenditure", "total", "basic") == 6000,
              c.keyed)
        << c.table_second;
  }
}

// A summary's class name a scan read cut at its cell's edge (H s3w_0097: 二、自然资源海洋气 |
// 9 | 710,954.68) keys its class; a text layer's name is read as printed.
TEST(TablesTest, OcrSummaryClassNameCutAtTheCellsEdge) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Document document =
        DocumentBuilder()
            .Page({"北京市审计局", "2026年部门决算", "编制单位：北京市审计局"})
            .Page({"公开01表 收入支出决算总表", "金额单位：元"})
            .Table({{"收入", "", "支出", ""},
                    {"项目", "金额", "项目", "金额"},
                    {"一、一般公共预算财政拨款收入", "300.00", "一、一般公共服务支出", "200.00"},
                    {"二、政府性基金预算财政拨款收入", "", "二、自然资源海洋气", "100.00"},
                    {"本年收入合计", "300.00", "本年支出合计", "300.00"}})
            .Build();
    for (Block& block : document.blocks) {
      if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.origin = origin;
      if (Table* table = block.AsTable()) {
        for (TableCell& cell : table->cells) cell.provenance.origin = origin;
      }
    }
    const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
    EXPECT_EQ(
        FigureFen(normalized, "final.income_expenditure_summary", "expenditure.220", "amount"),
        origin == TextOrigin::kOcr ? 10000 : -1);
  }
}

TEST(TablesTest, CleanName) {
  EXPECT_EQ(CleanName("行政 运行"), "行政运行");
  EXPECT_EQ(CleanName("机关事业单位基本养老\n保险缴费支出"), "机关事业单位基本养老保险缴费支出");
}

TEST(TablesTest, Seed003FiguresMatchTheText) {
  const NormalizedDocument normalized = Normalize(ReadSeed("003_f226edb144d9e567.txt"), {});
  Dump(normalized);
  // 支出决算表 (公开03): 2101501 行政运行, 基本支出 3,279,761.42.
  EXPECT_EQ(FigureFen(normalized, "final.expenditure", "2101501", "basic"), 327976142);
  EXPECT_EQ(FigureFen(normalized, "final.expenditure", "total", "total"), 496417305);
  EXPECT_EQ(FigureFen(normalized, "final.expenditure", "total", "project"), 81562225);
  // 收入支出决算表 (公开01), side by side.
  const std::string summary = "final.income_expenditure_summary";
  EXPECT_EQ(FigureFen(normalized, summary, "income.general_budget_appropriation", "amount"),
            496417305);
  EXPECT_EQ(FigureFen(normalized, summary, "expenditure.208", "amount"), 34266730);
  EXPECT_EQ(FigureFen(normalized, summary, "expenditure.210", "amount"), 432696475);
  EXPECT_EQ(FigureFen(normalized, summary, "income.total_current_year", "amount"), 496417305);
  EXPECT_EQ(FigureFen(normalized, summary, "expenditure.grand_total", "amount"), 496417305);
  // 收入决算表 (公开02).
  EXPECT_EQ(FigureFen(normalized, "final.income", "2210203", "fiscal_appropriation"), 730800);
  // 财政拨款收入支出决算表 (公开04).
  const std::string fiscal = "final.fiscal_appropriation_summary";
  EXPECT_EQ(FigureFen(normalized, fiscal, "income.general_budget_appropriation", "amount"),
            496417305);
  EXPECT_EQ(FigureFen(normalized, fiscal, "expenditure.221", "general_budget"), 29454100);
  // 一般公共预算财政拨款收入支出决算表 (公开05).
  EXPECT_EQ(
      FigureFen(normalized, "final.general_budget_expenditure", "2101501", "expenditure.personnel"),
      253968032);
  // Its 年末结转和结余 group is printed one column early in the export.
  EXPECT_EQ(
      FigureFen(normalized, "final.general_budget_expenditure", "2101504", "expenditure.project"),
      38707000);
  EXPECT_EQ(FigureFen(normalized, "final.general_budget_expenditure", "total", "closing.project"),
            -1);
  // 基本支出 (公开06): three side-by-side groups.
  const std::string basic = "final.general_budget_basic_expenditure";
  EXPECT_EQ(FigureFen(normalized, basic, "30101", "amount"), 83706000);
  EXPECT_EQ(FigureFen(normalized, basic, "30231", "amount"), 3846935);
  EXPECT_EQ(FigureFen(normalized, basic, "31002", "amount"), 1297000);
  EXPECT_EQ(FigureFen(normalized, basic, "personnel_total", "amount"), 340846970);
  EXPECT_EQ(FigureFen(normalized, basic, "public_total", "amount"), 74008110);
  // 三公 (公开10).
  EXPECT_EQ(FigureFen(normalized, "final.three_public", "three_public.total", "final"), 5094205);
  EXPECT_EQ(FigureFen(normalized, "final.three_public", "three_public.vehicle_operation", "budget"),
            4000000);
  EXPECT_EQ(
      FigureFen(normalized, "final.three_public", "three_public.reception", "adjusted_budget"),
      1247270);
  const CanonicalTable* expenditure = FindTable(normalized, "final.expenditure");
  ASSERT_NE(expenditure, nullptr);
  EXPECT_EQ(expenditure->printed_unit, "金额单位：元");
  EXPECT_EQ(expenditure->unit, UnitOfAmount::kYuan);
}

TEST(TablesTest, DeterministicAcrossRuns) {
  const Document document = ReadSeed("003_f226edb144d9e567.txt");
  const NormalizedDocument a = Normalize(document, {});
  const NormalizedDocument b = Normalize(document, {});
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].check, b.findings[i].check);
    EXPECT_EQ(a.findings[i].message, b.findings[i].message);
  }
  EXPECT_EQ(a.AllFigures().size(), b.AllFigures().size());
}

}  // namespace
}  // namespace disclose
