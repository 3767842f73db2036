// A year in large print that chi_sim reads two ways is read again by eng
// (extract/ocr/large_text.h): which digit runs count as a year, and when the
// chi_sim readings disagree.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/ocr/large_text.h"

namespace disclose::ocr {
namespace {

// Symbols side by side on one line, each `width` wide with `gap` between, from
// the characters of `text` (ASCII digits and letters; '|' is a wide space).
std::vector<Symbol> LineOf(const std::string& text, int width, int gap) {
  std::vector<Symbol> symbols;
  int x = 0;
  for (char c : text) {
    if (c == '|') {
      x += 10 * width;
      continue;
    }
    Symbol symbol;
    symbol.text = std::string(1, c);
    symbol.x0 = x;
    symbol.x1 = x + width;
    symbols.push_back(symbol);
    x += width + gap;
  }
  return symbols;
}

TEST(LargeTextTest, YearLikeRuns) {
  struct Case {
    const char* name;
    const char* line;
    std::vector<std::string> runs;
  };
  const Case cases[] = {
      {"a year", "2026", {"2026"}},
      {"a digit too many (20256 for 2026)", "20256", {"20256"}},
      {"the year before the kind", "2026年", {"2026"}},
      {"1990s", "1998", {"1998"}},
      {"three digits are no year", "202", {}},
      {"six digits are no year", "202626", {}},
      {"not 19 or 20", "3026", {}},
      {"a page number and a year apart", "12|2026", {"2026"}},
      {"a wide space splits a run", "20|26", {}},
  };
  for (const Case& c : cases) {
    const std::vector<Symbol> symbols = LineOf(c.line, 40, 6);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < symbols.size(); ++i) order.push_back(i);
    std::vector<std::string> runs;
    for (const std::vector<std::size_t>& run : YearLikeRuns(symbols, order, 60)) {
      std::string digits;
      for (std::size_t i : run) digits += symbols[i].text;
      runs.push_back(digits);
    }
    EXPECT_EQ(runs, c.runs) << c.name;
  }
}

TEST(LargeTextTest, YearReadingsDisagree) {
  struct Case {
    const char* page_pass;
    const char* whole_line;
    bool disagree;
  };
  const Case cases[] = {
      {"2026", "", false},      // the page pass alone, a year: kept
      {"2026", "2026", false},  // both alike
      {"20256", "", true},      // a digit too many
      {"20256", "2025", true},  // fj_fuzhou_police_civilstaff's cover
      {"2026", "2025", true},   // one reads 6, the other 5
      {"2025", "20256", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(YearReadingsDisagree(c.page_pass, c.whole_line), c.disagree)
        << c.page_pass << " / " << c.whole_line;
  }
}

}  // namespace
}  // namespace disclose::ocr
