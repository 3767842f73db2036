#include "normalize/amount.h"

#include <gtest/gtest.h>

#include <optional>

namespace disclose {
namespace {

struct AmountCase {
  const char* text;
  UnitOfAmount unit;
  std::optional<std::int64_t> expected_fen;
};

TEST(AmountTest, ParsesPrintedFormsToFen) {
  const AmountCase cases[] = {
      {"4,964,173.05", UnitOfAmount::kYuan, 496417305},
      {"263.33", UnitOfAmount::kWanYuan, 263330000},
      {"263.33万元", UnitOfAmount::kYuan, 263330000},  // suffix wins
      {"38,469.35元", UnitOfAmount::kWanYuan, 3846935},
      {"０.１４", UnitOfAmount::kWanYuan, 140000},
      {"１，２３４．５６", UnitOfAmount::kYuan, 123456},
      {"-12.5", UnitOfAmount::kYuan, -1250},
      {"(12.50)", UnitOfAmount::kYuan, -1250},
      {"（12.50）", UnitOfAmount::kYuan, -1250},
      {" 0 ", UnitOfAmount::kYuan, 0},
      {"0.064万元", UnitOfAmount::kUnknown, 64000},
      {"12.345", UnitOfAmount::kYuan, std::nullopt},  // not exact in fen
      {"12", UnitOfAmount::kUnknown, std::nullopt},   // unit unknown
      {"98.12%", UnitOfAmount::kYuan, std::nullopt},  // a ratio
  };
  for (const AmountCase& c : cases) {
    EXPECT_EQ(ToFen(ParseAmountText(c.text), c.unit), c.expected_fen) << c.text;
  }
}

TEST(AmountTest, IrregularGroupingIsReadButMarked) {
  const struct {
    const char* text;
    bool irregular;
  } cases[] = {
      {"4,964,173.05", false}, {"1,234", false},       {"１，２３４．５６", false},
      {"123", false},          {"1234567.89", false},  {"-5,573万元", false},
      {"3,27\n9,76", true},    {"3,279,76", true},     {"1,2345.00", true},
      {"1234,567", true},      {"12,34,567.00", true}, {"387,070.0", false},
  };
  for (const auto& c : cases) {
    const AmountText amount = ParseAmountText(c.text);
    EXPECT_EQ(amount.kind, AmountKind::kNumber) << c.text;
    EXPECT_EQ(amount.irregular_grouping, c.irregular) << c.text;
  }
  EXPECT_EQ(ParseAmountText("3,279,76").mantissa, 327976);
}

TEST(AmountTest, PlaceholdersAreBlankNotZero) {
  for (const char* text : {"", "  ", "-", "—", "——", "/", "－", "\u3000"}) {
    EXPECT_EQ(ParseAmountText(text).kind, AmountKind::kBlank) << text;
  }
  for (const char* text : {"合计", "1,2,", "1..2", ",5", "2101501a", "—5"}) {
    EXPECT_EQ(ParseAmountText(text).kind, AmountKind::kNotNumber) << text;
  }
}

TEST(AmountTest, PrintedPrecision) {
  EXPECT_EQ(PrintedPrecisionFen(ParseAmountText("263.33"), UnitOfAmount::kWanYuan), 5000);
  EXPECT_EQ(PrintedPrecisionFen(ParseAmountText("12.5"), UnitOfAmount::kYuan), 5);
  EXPECT_EQ(PrintedPrecisionFen(ParseAmountText("12.50"), UnitOfAmount::kYuan), 0);
}

}  // namespace
}  // namespace disclose
