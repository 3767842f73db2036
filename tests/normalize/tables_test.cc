#include "normalize/tables.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "core/money.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

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

TEST(TablesTest, ColumnKeys) {
  EXPECT_EQ(ColumnKeyForHeader({"本年支出", "基本支出", "人员经费"}), "expenditure.personnel");
  EXPECT_EQ(ColumnKeyForHeader({"年初结转和结余", "合计"}), "opening.total");
  EXPECT_EQ(ColumnKeyForHeader({"本年收入", "基本支出"}), "income.basic");
  EXPECT_EQ(ColumnKeyForHeader({"本年支出", "基本支出", "小计"}), "expenditure.basic");
  EXPECT_EQ(ColumnKeyForHeader({"本年支出合计"}), "total");
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
