#include <gtest/gtest.h>

#include <string>

#include "normalize/table_stages.h"

namespace disclose {
namespace {

// The canonical key a summary's printed row name gives on each side. 本年支出 (一、本年支出
// beside 一、本年收入, printed uncoded by 19 corpus documents: Chongqing, Changsha, Changchun,
// Suzhou, Wuxi) is this year's total, as 本年收入 is on the income side.
TEST(RowKeysTest, SummaryNamesOnEachSide) {
  const struct {
    const char* name;
    const char* income;
    const char* expenditure;
  } cases[] = {
      {"本年收入", "total_current_year", ""},
      {"本年支出", "", "total_current_year"},
      {"本年支出合计", "", "total_current_year"},
      {"当年支出", "", "total_current_year"},
      {"支出合计", "", "total_current_year"},
      {"收入合计", "total_current_year", ""},
      {"总计", "grand_total", "grand_total"},
      {"支出总计", "", "grand_total"},
      {"收入总计", "grand_total", ""},
      // A header printed again and glued before the 总计 by a scan (H24 s3w_0376_final).
      {"分类)财政拨款算财政拨款总计", "grand_total", "grand_total"},
      {"年终结转结余", "", "closing_carryover"},
      {"上年结转", "opening_carryover", ""},
      {"年末结转", "", "closing_carryover"},
      {"年末结转和结余", "", "closing_carryover"},
      {"年初结转", "opening_carryover", ""},
      {"年初结转和结余", "opening_carryover", ""},
      {"基本支出", "", "basic"},
      {"一般公共服务支出", "", "201"},
      {"本年支出预算", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(IncomeKey(c.name), c.income);
    EXPECT_EQ(ExpenditureKey(c.name), c.expenditure);
  }
}

// H21 s3w_0323_budget on a scan: a summary line's two labels read as one cell, with the income
// amount's digits between them; its amount was exported as the income row's. An income label
// followed by an expenditure class's name (after digits, marks or an ordinal) is both sides; an
// income label alone, or one followed by words no class is named by, is not.
TEST(RowKeysTest, IncomeLabelRunIntoAnExpenditureClass) {
  const struct {
    const char* name;
    bool both;
  } cases[] = {
      {"一、一般公共预算拨款收入4594503一、社会保障和就业支出", true},
      {"二、政府性基金预算拨款收入卫生健康支出", true},
      {"一般公共预算拨款教育支出", true},
      {"一般公共预算拨款收入", false},
      {"二、政府性基金预算拨款", false},
      {"用事业基金弥补收支差额", false},
      {"一般公共预算拨款收入其中:一般财力", false},
      {"本年收入合计本年支出合计", false},  // totals, not classes
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RunsIntoAnExpenditureClass(c.name), c.both) << c.name;
  }
}

}  // namespace
}  // namespace disclose
