#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace disclose {
namespace {

struct FormatCase {
  std::int64_t fen;
  const char* expected;
};

TEST(FormatYuanTest, MatchesContractSpelling) {
  const FormatCase cases[] = {
      {0, "0.00"},
      {5, "0.05"},
      {-5, "-0.05"},
      {496417305, "4964173.05"},
      {3846935, "38469.35"},
      {263330000, "2633300.00"},
      {std::numeric_limits<std::int64_t>::min(), "-92233720368547758.08"},
  };
  for (const FormatCase& c : cases) EXPECT_EQ(FormatYuan(c.fen), c.expected) << c.fen;
}

}  // namespace
}  // namespace disclose
