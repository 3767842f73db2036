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
      {"年终结转结余", "", "closing_carryover"},
      {"上年结转", "opening_carryover", ""},
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

}  // namespace
}  // namespace disclose
