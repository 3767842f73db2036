#include "core/table_number.h"

#include <string>

#include "core/text.h"

namespace disclose {
namespace {

int NumeralValue(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c == U'零') return 0;
  const std::size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

bool IsNumeral(char32_t c) {
  return c == U'十' || NumeralValue(c) >= 0;
}

// The value of a run of digits or Chinese numerals (十一, 二十三, 05); -1 when
// the run is empty, mixed, or too long to be a table number.
int RunValue(std::u32string_view run) {
  if (run.empty() || run.size() > 4) return -1;
  if (IsAsciiDigit(run.front())) {
    int value = 0;
    for (char32_t c : run) {
      if (!IsAsciiDigit(c)) return -1;
      value = value * 10 + static_cast<int>(c - U'0');
    }
    return value;
  }
  int value = 0;
  int digit = -1;
  for (char32_t c : run) {
    if (c == U'十') {
      value += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
      continue;
    }
    digit = NumeralValue(c);
    if (digit < 0 || IsAsciiDigit(c)) return -1;
  }
  return value + (digit < 0 ? 0 : digit);
}

}  // namespace

std::optional<TableNumberPrefix> ParseTableNumberPrefix(std::u32string_view cps) {
  std::size_t i = 0;
  auto skip = [&](std::u32string_view word) {
    if (cps.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  };
  if (!skip(U"公开") && !skip(U"预算")) skip(U"决算");
  skip(U"附");
  bool table_word = skip(U"表");
  const std::size_t begin = i;
  while (i < cps.size() && IsNumeral(cps[i])) ++i;
  const int value = RunValue(cps.substr(begin, i - begin));
  if (value <= 0) return std::nullopt;
  table_word = skip(U"表") || table_word;
  // 表二（之三）: the third page of table 2.
  if (cps.substr(i, 2) == U"(之") {
    std::size_t j = i + 2;
    while (j < cps.size() && IsNumeral(cps[j])) ++j;
    if (j < cps.size() && j > i + 2 && cps[j] == U')') i = j + 1;
  }
  const std::size_t before_separator = i;
  while (i < cps.size() && (cps[i] == U':' || cps[i] == U'、' || cps[i] == U'.')) ++i;
  const bool separator = i > before_separator;
  // 1、 or 一、 number a list; a bare 2024 or 1 is no table number.
  if (!table_word && !separator) return std::nullopt;
  // 1.5 is an amount.
  if (!table_word && IsAsciiDigit(cps[begin]) && i < cps.size() && IsAsciiDigit(cps[i])) {
    return std::nullopt;
  }
  return TableNumberPrefix{value, i, table_word};
}

std::u32string FoldTableNumberKey(std::u32string_view line) {
  std::u32string key;
  key.reserve(line.size());
  for (char32_t c : line) {
    if (c == U' ' || c == U'\u3000' || c == U'\t') continue;
    if (c == U'（') c = U'(';
    if (c == U'）') c = U')';
    if (c == U'：') c = U':';
    if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
    key.push_back(c);
  }
  return key;
}

}  // namespace disclose
