// Number formats: a stored decimal rendered into the text a reader of the
// sheet sees. Everything is done on the decimal digits, so a figure stored as
// "38469.35" prints as "38,469.35" under #,##0.00 and never passes through a
// double. Only the parts of the format language that print numbers are
// interpreted; literals, colours, padding and conditions are dropped or kept
// as text.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "extract/sheet/sheet_internal.h"

namespace disclose::sheet {
namespace {

// value = (negative ? -1 : 1) * digits * 10^exponent; digits has no leading zeros.
struct Decimal {
  bool negative = false;
  std::string digits;  // "" means zero
  int exponent = 0;
};

// Stored numbers are short; anything longer or with a wild exponent is not a
// number a person published, so it is shown as stored.
constexpr std::size_t kMaxDecimalChars = 64;
constexpr int kMaxExponent = 60;

std::optional<Decimal> ParseDecimal(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > kMaxDecimalChars) return std::nullopt;
  Decimal value;
  std::size_t i = 0;
  if (text[i] == '-' || text[i] == '+') {
    value.negative = text[i] == '-';
    ++i;
  }
  bool any_digit = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!(value.digits.empty() && c == '0')) value.digits += c;
      if (point) --value.exponent;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    if (i == text.size()) return std::nullopt;
    int exponent = 0;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > kMaxExponent) return std::nullopt;
    }
    value.exponent += exponent_negative ? -exponent : exponent;
  }
  if (value.exponent > kMaxExponent || value.exponent < -kMaxExponent - 64) return std::nullopt;
  if (value.digits.empty()) {
    value.negative = false;
    value.exponent = 0;
  }
  return value;
}

// Adds one to a string of decimal digits.
void Increment(std::string* digits) {
  for (std::size_t i = digits->size(); i-- > 0;) {
    if ((*digits)[i] != '9') {
      ++(*digits)[i];
      return;
    }
    (*digits)[i] = '0';
  }
  digits->insert(digits->begin(), '1');
}

// The value rounded half away from zero to `places` decimals, as an integer
// digit string N meaning N * 10^-places; *exact is false when nonzero digits
// were dropped.
std::string RoundTo(const Decimal& value, int places, bool* exact) {
  *exact = true;
  if (value.digits.empty()) return "0";
  std::string digits = value.digits;
  const int shift = value.exponent + places;  // digits * 10^shift units of 10^-places
  if (shift >= 0) return digits + std::string(static_cast<std::size_t>(shift), '0');
  const std::size_t drop = static_cast<std::size_t>(-shift);
  std::string kept;
  std::string dropped;
  if (drop >= digits.size()) {
    dropped = std::string(drop - digits.size(), '0') + digits;
  } else {
    kept = digits.substr(0, digits.size() - drop);
    dropped = digits.substr(digits.size() - drop);
  }
  *exact = dropped.find_first_not_of('0') == std::string::npos;
  if (kept.empty()) kept = "0";
  if (!dropped.empty() && dropped[0] >= '5') Increment(&kept);
  const std::size_t first = kept.find_first_not_of('0');
  return first == std::string::npos ? "0" : kept.substr(first);
}

std::string GroupThousands(const std::string& integer) {
  std::string out;
  const std::size_t n = integer.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  return out;
}

// What one section of a format code asks for.
struct NumberPattern {
  bool general = false;
  bool date = false;
  bool literal_only = false;  // a section that prints text and no digits ("-" for zero)
  bool grouping = false;
  int min_integer_digits = 0;
  int required_decimals = 0;  // '0' after the point
  int max_decimals = 0;       // '0', '#', '?' after the point
  int percent = 0;            // each % multiplies by 100
  int thousands_scale = 0;    // each trailing ',' divides by 1000
  std::string prefix;
  std::string suffix;
};

bool IsPlaceholder(char c) {
  return c == '0' || c == '#' || c == '?';
}

// Splits a format code into sections on ';' outside quotes, brackets and escapes.
std::vector<std::string_view> Sections(std::string_view code) {
  std::vector<std::string_view> sections;
  std::size_t start = 0;
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']' && bracket > 0) {
      --bracket;
    } else if (c == ';' && bracket == 0) {
      sections.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  sections.push_back(code.substr(start));
  return sections;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

NumberPattern ParsePattern(std::string_view section) {
  NumberPattern pattern;
  if (IsDateFormat(section)) {
    pattern.date = true;
    return pattern;
  }
  bool seen_placeholder = false;
  bool after_point = false;
  bool scientific = false;
  int pending_commas = 0;  // commas after the last integer placeholder so far
  std::string literal;     // literal text since the last placeholder
  std::string_view rest = section;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '"') {
      const std::size_t close = rest.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? rest.size() : close;
      literal.append(rest.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '\\') {
      if (i + 1 < rest.size()) literal += rest[++i];
    } else if (c == '_' || c == '*') {
      ++i;  // padding to the width of a character, or a fill: prints nothing we keep
    } else if (c == '[') {
      const std::size_t close = rest.find(']', i);
      const std::size_t end = close == std::string_view::npos ? rest.size() : close;
      const std::string_view inside = rest.substr(i + 1, end - i - 1);
      // [$¥-804] prints its symbol; colours and conditions print nothing.
      if (!inside.empty() && inside[0] == '$') {
        literal.append(inside.substr(1, inside.find('-') == std::string_view::npos
                                            ? std::string_view::npos
                                            : inside.find('-') - 1));
      }
      i = end;
    } else if (IsPlaceholder(c)) {
      if (!seen_placeholder) {
        pattern.prefix = literal;
      } else if (!literal.empty()) {
        literal.clear();  // text between digits (rare): dropped
      }
      literal.clear();
      seen_placeholder = true;
      if (pending_commas > 0) {
        pattern.grouping = true;  // a comma between integer digits groups thousands
        pending_commas = 0;
      }
      if (after_point) {
        ++pattern.max_decimals;
        if (c == '0') pattern.required_decimals = pattern.max_decimals;
      } else if (c == '0') {
        ++pattern.min_integer_digits;
      }
    } else if (c == ',' && seen_placeholder && !after_point) {
      ++pending_commas;
    } else if (c == '.' && !after_point && (seen_placeholder || i + 1 < rest.size())) {
      if (!seen_placeholder) pattern.prefix = literal;
      literal.clear();
      seen_placeholder = true;
      after_point = true;
      pattern.thousands_scale += pending_commas;
      pending_commas = 0;
    } else if (c == '%') {
      ++pattern.percent;
      literal += c;
    } else if ((c == 'E' || c == 'e') && seen_placeholder) {
      scientific = true;
      break;
    } else if (c == '@') {
      pattern.general = true;
    } else {
      literal += c;
    }
  }
  pattern.thousands_scale += pending_commas;
  if (!seen_placeholder && !pattern.general && !scientific && !literal.empty()) {
    pattern.literal_only = true;
    pattern.prefix = literal;
    return pattern;
  }
  if (!seen_placeholder || scientific) {
    // "General", "G/通用格式", "@" or a format that prints no digits we know.
    pattern.general = true;
    return pattern;
  }
  pattern.suffix = literal;
  return pattern;
}

// Days since 1899-12-30 (the 1900 date system, whose false 1900-02-29 only
// shifts dates before March 1900) to a civil date.
std::string SerialToDate(const Decimal& value) {
  bool exact = true;
  const std::string whole = RoundTo(Decimal{false, value.digits, value.exponent}, 0, &exact);
  if (value.negative || whole.size() > 7) return {};
  std::int64_t days = std::stoll(whole) - 25569;  // to 1970-01-01
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t year = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  if (month <= 2) ++year;
  auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

// General: the value as stored, at most 15 significant digits (Excel's
// precision; digits beyond are binary noise such as 0.30000000000000004).
Rendered RenderGeneral(const Decimal& value) {
  Rendered out;
  if (value.digits.empty()) {
    out.text = "0";
    return out;
  }
  Decimal rounded = value;
  constexpr int kSignificant = 15;
  if (static_cast<int>(rounded.digits.size()) > kSignificant) {
    const int places = -(rounded.exponent + static_cast<int>(rounded.digits.size()) - kSignificant);
    bool exact = true;
    rounded.digits = RoundTo(Decimal{false, value.digits, value.exponent}, places, &exact);
    rounded.exponent = -places;
    out.exact = exact;
  }
  // Trailing zeros of the digit string belong to the exponent.
  while (rounded.digits.size() > 1 && rounded.digits.back() == '0') {
    rounded.digits.pop_back();
    ++rounded.exponent;
  }
  std::string text;
  if (rounded.exponent >= 0) {
    text = rounded.digits + std::string(static_cast<std::size_t>(rounded.exponent), '0');
  } else {
    const std::size_t decimals = static_cast<std::size_t>(-rounded.exponent);
    std::string digits = rounded.digits;
    if (digits.size() <= decimals) digits.insert(0, decimals - digits.size() + 1, '0');
    text =
        digits.substr(0, digits.size() - decimals) + "." + digits.substr(digits.size() - decimals);
  }
  out.text = (value.negative ? "-" : "") + text;
  return out;
}

}  // namespace

bool IsDateFormat(std::string_view code) {
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      if (c == '"') quoted = false;
      continue;
    }
    switch (c) {
      case '"': quoted = true; break;
      case '\\':
      case '_':
      case '*': ++i; break;
      case '[': {
        const std::size_t close = code.find(']', i);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case 'y':
      case 'Y':
      case 'd':
      case 'D':
      case 'h':
      case 'H':
      case 's':
      case 'S':
      case 'm':
      case 'M':
        // "General" spells e, n, r, a, l, G: none of these letters, except in
        // the word itself, which is handled by the callers first.
        return true;
      default: break;
    }
  }
  return false;
}

std::string_view BuiltinFormat(int id) {
  switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: return "#,##0";
    case 4: return "#,##0.00";
    case 5:
    case 37: return "#,##0 ;(#,##0)";
    case 6:
    case 38: return "#,##0 ;[Red](#,##0)";
    case 7:
    case 39: return "#,##0.00;(#,##0.00)";
    case 8:
    case 40: return "#,##0.00;[Red](#,##0.00)";
    case 9: return "0%";
    case 10: return "0.00%";
    case 14:
    case 15:
    case 16:
    case 17:
    case 22:
    case 27:
    case 28:
    case 29:
    case 30:
    case 31:
    case 34:
    case 35:
    case 36:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 57:
    case 58: return "yyyy-mm-dd";
    case 41: return "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)";
    case 42: return "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)";
    case 43: return "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)";
    case 44: return "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)";
    case 49: return "@";
    default: return "General";
  }
}

Rendered RenderNumber(std::string_view stored, std::string_view format_code) {
  const std::optional<Decimal> parsed = ParseDecimal(stored);
  if (!parsed) return Rendered{std::string(stored), true};
  const Decimal& value = *parsed;
  const std::vector<std::string_view> sections = Sections(format_code);
  std::string_view section = sections[0];
  bool sign_in_section = false;
  if (value.negative && sections.size() >= 2) {
    section = sections[1];
    sign_in_section = true;  // the negative section prints its own sign, if any
  } else if (value.digits.empty() && sections.size() >= 3) {
    section = sections[2];
  }
  std::string_view trimmed = section;
  if (trimmed.empty() || EqualsIgnoreCase(trimmed, "General") || trimmed == "G/通用格式") {
    return RenderGeneral(value);
  }
  const NumberPattern pattern = ParsePattern(section);
  if (pattern.date) {
    std::string date = SerialToDate(value);
    if (!date.empty()) return Rendered{date, true};
    return RenderGeneral(value);
  }
  if (pattern.general) return RenderGeneral(value);
  if (pattern.literal_only) {
    // Only a zero or negative section prints no digits on purpose; the
    // value is still exact when the section chosen is the zero one.
    Rendered literal{pattern.prefix, value.digits.empty()};
    const std::size_t first = literal.text.find_first_not_of(' ');
    const std::size_t last = literal.text.find_last_not_of(' ');
    literal.text =
        first == std::string::npos ? std::string() : literal.text.substr(first, last - first + 1);
    return literal;
  }

  Decimal scaled = value;
  if (!scaled.digits.empty()) scaled.exponent += 2 * pattern.percent - 3 * pattern.thousands_scale;
  Rendered out;
  std::string digits = RoundTo(scaled, pattern.max_decimals, &out.exact);
  const std::size_t places = static_cast<std::size_t>(pattern.max_decimals);
  if (digits.size() <= places) digits.insert(0, places - digits.size() + 1, '0');
  std::string integer = digits.substr(0, digits.size() - places);
  std::string fraction = digits.substr(digits.size() - places);
  // Optional decimals (#, ?) print only when they are not trailing zeros.
  while (fraction.size() > static_cast<std::size_t>(pattern.required_decimals) &&
         fraction.back() == '0') {
    fraction.pop_back();
  }
  if (integer == "0" && pattern.min_integer_digits == 0) integer.clear();
  if (static_cast<int>(integer.size()) < pattern.min_integer_digits) {
    integer.insert(0, static_cast<std::size_t>(pattern.min_integer_digits) - integer.size(), '0');
  }
  if (pattern.grouping) integer = GroupThousands(integer);
  const bool is_zero = digits.find_first_not_of('0') == std::string::npos;
  std::string text = pattern.prefix + integer;
  if (!fraction.empty()) text += "." + fraction;
  text += pattern.suffix;
  if (value.negative && !sign_in_section && !is_zero) text = "-" + text;
  // Padding (_x) and fills are dropped above; what remains may start or end in spaces.
  const std::size_t first = text.find_first_not_of(' ');
  const std::size_t last = text.find_last_not_of(' ');
  out.text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
  return out;
}

}  // namespace disclose::sheet
