// The one reader of a table number at a line's start
// (core/table_number.h), shared by the title locator and the
// numbering reader.
#include "core/table_number.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace disclose {
namespace {

struct PrefixCase {
  std::u32string_view key;  // already folded: ASCII brackets and colons, no spaces
  std::optional<int> value;
  std::size_t end;  // code points of the prefix, when there is one
};

TEST(TableNumberPrefixTest, ReadsEveryPrintedForm) {
  const PrefixCase cases[] = {
      {U"公开01表", 1, 5},
      {U"公开05表收入总表", 5, 5},
      {U"附表3", 3, 3},
      {U"表2", 2, 2},
      {U"表十一收入", 11, 3},
      {U"预算08表", 8, 5},
      {U"决算02表:收入决算表", 2, 6},
      {U"十一、国有资本经营预算支出表", 11, 3},
      {U"二十、政府采购表", 20, 3},
      {U"1、部门收支总表", 1, 2},
      {U"3.收入总表", 3, 2},
      // The third page of table 2: the bracket belongs to the number.
      {U"表二(之三)一般公共预算", 2, 6},
      {U"表二(续)", 2, 2},
      // No number: a year, a bare figure, an amount, a word.
      {U"2024年收支总表", std::nullopt, 0},
      {U"1", std::nullopt, 0},
      {U"1.50", std::nullopt, 0},
      {U"表", std::nullopt, 0},
      {U"收支总表", std::nullopt, 0},
      {U"公开表", std::nullopt, 0},
      {U"表0", std::nullopt, 0},
      {U"12345表", std::nullopt, 0},  // five digits: no table number
      {U"1十表", std::nullopt, 0},    // mixed digit and numeral
  };
  for (const PrefixCase& c : cases) {
    const std::optional<TableNumberPrefix> prefix = ParseTableNumberPrefix(c.key);
    ASSERT_EQ(prefix.has_value(), c.value.has_value()) << static_cast<int>(c.key.size());
    if (!prefix) continue;
    EXPECT_EQ(prefix->value, *c.value);
    EXPECT_EQ(prefix->end, c.end) << prefix->value;
  }
}

// A raw PDF line folded for the parser: spaces, full-width digits and brackets.
TEST(TableNumberPrefixTest, FoldsARawLine) {
  EXPECT_EQ(FoldTableNumberKey(U"公开 ０３ 表（之二）：收入"), U"公开03表(之二):收入");
  const std::u32string key = FoldTableNumberKey(U"公开 03 表");
  const std::optional<TableNumberPrefix> prefix = ParseTableNumberPrefix(key);
  ASSERT_TRUE(prefix.has_value());
  EXPECT_EQ(prefix->value, 3);
  EXPECT_TRUE(prefix->table_word);
  EXPECT_FALSE(ParseTableNumberPrefix(U"一、收入总表")->table_word);
}

}  // namespace
}  // namespace disclose
