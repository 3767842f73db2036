#include "normalize/amount.h"

#include <limits>

#include "core/text.h"

namespace disclose {
namespace {

bool IsBlankPlaceholder(std::string_view folded) {
  // After NFKC: "－" -> "-", "／" -> "/"; dashes U+2014/U+2015/U+2500 stay.
  // Every placeholder is at most two 3-byte dashes; amounts are longer or digits.
  if (folded.size() > 6) return false;
  static constexpr std::string_view kPlaceholders[] = {"",       "-",
                                                       "--",     "/",
                                                       "\u2014", "\u2014\u2014",
                                                       "\u2015", "\u2015\u2015",
                                                       "\u2500", "\u2500\u2500",
                                                       "\u2013", "*",
                                                       "\u2026", "\u2212",
                                                       "\u2012", "\u2010",
                                                       "\u2011"};
  for (std::string_view placeholder : kPlaceholders) {
    if (folded == placeholder) return true;
  }
  return false;
}

constexpr std::int64_t kMaxMantissa = std::numeric_limits<std::int64_t>::max() / 1000000;

}  // namespace

AmountText ParseAmountText(std::string_view text) {
  AmountText amount;
  std::string folded = RemoveAllWhitespace(FoldForMatching(text));
  if (IsBlankPlaceholder(folded)) return amount;

  std::string_view rest = folded;
  auto consume_suffix = [&rest](std::string_view suffix) {
    if (EndsWith(rest, suffix)) {
      rest.remove_suffix(suffix.size());
      return true;
    }
    return false;
  };
  if (consume_suffix("万元") || consume_suffix("万")) {
    amount.suffix_unit = UnitOfAmount::kWanYuan;
  } else if (consume_suffix("元")) {
    amount.suffix_unit = UnitOfAmount::kYuan;
  }
  if (consume_suffix("%")) amount.percent = true;

  bool negative = false;
  if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') {
    negative = true;
    rest = rest.substr(1, rest.size() - 2);
  }
  if (StartsWith(rest, "-")) {
    negative = !negative;
    rest.remove_prefix(1);
  } else if (StartsWith(rest, "\u2212")) {  // MINUS SIGN survives NFKC
    negative = !negative;
    rest.remove_prefix(std::string_view("\u2212").size());
  } else if (StartsWith(rest, "+")) {
    rest.remove_prefix(1);
  }

  amount.kind = AmountKind::kNotNumber;
  if (rest.empty()) return amount;
  std::int64_t mantissa = 0;
  int decimals = 0;
  bool seen_point = false;
  bool seen_digit = false;
  bool seen_separator = false;
  int group_digits = 0;  // integer digits since the last separator
  bool irregular = false;
  char previous = 0;
  for (char c : rest) {
    if (c >= '0' && c <= '9') {
      if (mantissa > kMaxMantissa) return amount;
      mantissa = mantissa * 10 + (c - '0');
      if (seen_point) ++decimals;
      if (!seen_point) ++group_digits;
      seen_digit = true;
    } else if (c == ',') {
      // A separator needs digits on its left and none after the point.
      if (!seen_digit || seen_point || previous == ',') return amount;
      irregular = irregular || (seen_separator ? group_digits != 3 : group_digits > 3);
      seen_separator = true;
      group_digits = 0;
    } else if (c == '.') {
      if (seen_point || !seen_digit) return amount;
      seen_point = true;
    } else {
      return amount;
    }
    previous = c;
  }
  if (!seen_digit || previous == ',' || previous == '.') return amount;
  if (seen_separator && group_digits != 3) irregular = true;
  amount.kind = AmountKind::kNumber;
  amount.irregular_grouping = irregular;
  amount.mantissa = negative ? -mantissa : mantissa;
  amount.decimals = decimals;
  return amount;
}

std::optional<std::int64_t> ToFen(const AmountText& amount, UnitOfAmount unit) {
  if (amount.kind != AmountKind::kNumber || amount.percent) return std::nullopt;
  if (amount.suffix_unit != UnitOfAmount::kUnknown) unit = amount.suffix_unit;
  int fen_digits = 0;  // decimal places of one fen in this unit
  if (unit == UnitOfAmount::kYuan) {
    fen_digits = 2;
  } else if (unit == UnitOfAmount::kWanYuan) {
    fen_digits = 6;
  } else {
    return std::nullopt;
  }
  if (amount.decimals > fen_digits) return std::nullopt;
  std::int64_t value = amount.mantissa;
  for (int i = amount.decimals; i < fen_digits; ++i) {
    if (value > std::numeric_limits<std::int64_t>::max() / 10 ||
        value < std::numeric_limits<std::int64_t>::min() / 10) {
      return std::nullopt;
    }
    value *= 10;
  }
  return value;
}

std::int64_t PrintedPrecisionFen(const AmountText& amount, UnitOfAmount unit) {
  if (amount.suffix_unit != UnitOfAmount::kUnknown) unit = amount.suffix_unit;
  const int fen_digits = unit == UnitOfAmount::kWanYuan ? 6 : 2;
  if (amount.decimals >= fen_digits) return 0;
  std::int64_t last_digit_fen = 1;
  for (int i = amount.decimals; i < fen_digits; ++i) last_digit_fen *= 10;
  return last_digit_fen / 2;
}

}  // namespace disclose
