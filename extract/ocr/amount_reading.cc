#include "extract/ocr/amount_reading.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/text.h"

namespace disclose::ocr {
namespace {

// The most decimals an amount is printed with: 万元 to the yuan (Beijing's
// budgets print "222.817954").
constexpr std::size_t kMaxLongDecimals = 6;

}  // namespace

bool IsDigitLike(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool IsAmountWordMark(char32_t c) {
  return c == U'.' || c == U',' || c == U'，' || c == U'．' || c == U'-' || c == U';' || c == U'；';
}
bool IsSeparatorLike(char32_t c) {
  return c == U'.' || c == U',' || c == U'-' || c == U'．' || c == U'，' || c == U'－' ||
         c == U'−' || c == U'—' || c == U'%' || c == U' ';
}

CellShape ShapeOf(std::string_view text) {
  int digits = 0, separators = 0, other = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (IsDigitLike(c))
      ++digits;
    else if (IsSeparatorLike(c) || c == U'\n')
      ++separators;
    else
      ++other;
  }
  if (digits + other == 0) return separators > 0 ? CellShape::kNearAmount : CellShape::kEmpty;
  if (other == 0) return CellShape::kAmount;
  // One or two misread characters in a run of digits: an amount OCR garbled.
  if (digits >= 3 && other <= 2) return CellShape::kNearAmount;
  return CellShape::kLabel;
}

// OCR reads a thousands comma, a small mark low on the line, as a point as
// often as not: "13.205.30" for 13,205.30, "9,.270.40" for 9,270.40. A run
// of digits and marks shaped like a grouped amount (1-3 digits, groups of 3,
// then 1-2 decimals), once doubled marks are made one, gets commas for every
// mark but the last. Other runs ("3.1.2", codes) are left alone.
std::string RepairSeparators(std::string_view text) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_mark = [](char c) { return c == '.' || c == ','; };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (is_digit(text[j]) || is_mark(text[j]))) ++j;
    while (j > i && !is_digit(text[j - 1])) --j;  // a full stop after the number
    std::string run(text.substr(i, j - i)), collapsed;
    for (std::size_t k = 0; k < run.size(); ++k) {
      if (is_mark(run[k]) && !collapsed.empty() && is_mark(collapsed.back())) {
        if (run[k] == '.') collapsed.back() = '.';
        continue;
      }
      collapsed += run[k];
    }
    // Shape: d{1,3} ([.,] d{3})+ . d{1,2}
    std::vector<std::string> groups;
    std::string marks;
    std::string current;
    for (char c : collapsed) {
      if (is_mark(c)) {
        groups.push_back(current);
        marks += c;
        current.clear();
      } else {
        current += c;
      }
    }
    groups.push_back(current);
    bool shaped = groups.size() >= 3 && marks.back() == '.' && groups.front().size() <= 3 &&
                  groups.back().size() >= 1 && groups.back().size() <= 2;
    for (std::size_t g = 1; shaped && g + 1 < groups.size(); ++g) shaped = groups[g].size() == 3;
    if (shaped) {
      for (std::size_t k = 0; k + 1 < marks.size(); ++k) marks[k] = ',';
      std::string fixed = groups[0];
      for (std::size_t g = 1; g < groups.size(); ++g)
        fixed += std::string(1, marks[g - 1]) + groups[g];
      out += fixed;
    } else {
      out += run;
    }
    i = j;
  }
  return out;
}

// One amount column cell's reading, its marks put right by the amount
// grammar: digits in groups of three between thousands separators, then one
// or two decimals (four to six in 万元 tables printed to the yuan). OCR reads a
// low comma as a point and a point as a comma,
// doubles a mark (",." where the print has ","), and drops one; a wrapped
// cell's lines are one number. When the marks are all at the places the
// grammar allows (a thousands mark has a multiple of three integer digits to
// its right), the reading is written in the canonical form; otherwise it is
// returned as read, for the normalizer's findings and the identities.
std::string NormalizeAmountReading(std::string_view text) {
  const std::string original(text);
  std::vector<std::string> lines(1);
  for (char32_t c : DecodeUtf8(text)) {
    if (c == U'\n') {
      lines.emplace_back();
    } else if (c >= U'０' && c <= U'９') {
      lines.back() += static_cast<char>('0' + (c - U'０'));
    } else if (c == U'．' || c == U'.') {
      lines.back() += '.';
    } else if (c == U',') {
      lines.back() += ',';
    } else if (c == U'，' || c == U';' || c == U'；') {
      // Tables print ASCII commas: a full-width one (or a semicolon,
      // "77;461.32") in a run of digits is the engine's guess at a low mark, a
      // point as often as a comma; the grammar decides which (';' stands for
      // it here).
      lines.back() += ';';
    } else if (c == U'-' || c == U'－' || c == U'−') {
      lines.back() += '-';
    } else if (c >= U'0' && c <= U'9') {
      lines.back() += static_cast<char>(c);
    } else if (c != U' ') {
      return original;  // not a bare amount
    }
  }
  lines.erase(std::remove(lines.begin(), lines.end(), std::string()), lines.end());
  if (lines.empty()) return original;
  auto whole_amount = [](const std::string& line) {
    const std::size_t point = line.find_last_of(".,;");
    return point != std::string::npos && point > 0 && line[point] == '.' &&
           line.size() - point == 3;
  };
  // Two lines that are each a whole amount are two figures, not one wrapped.
  if (lines.size() > 1 && std::all_of(lines.begin(), lines.end(), whole_amount)) return original;
  std::string joined;
  for (const std::string& line : lines) joined += line;
  std::string sign;
  if (joined.front() == '-') {
    sign = "-";
    joined.erase(0, 1);
  }
  // Digit groups and the mark runs between them.
  std::vector<std::string> groups(1);
  std::vector<char> marks;
  for (char c : joined) {
    if (c >= '0' && c <= '9') {
      groups.back() += c;
    } else if (c == '-') {
      return original;
    } else if (!groups.back().empty()) {
      marks.push_back(c);
      groups.emplace_back();
    } else if (marks.empty()) {
      return original;  // a mark before any digit
    } else if (c == '.' || marks.back() == ';') {
      marks.back() = c;  // a doubled mark: the point wins, then the ASCII mark
    }
  }
  if (marks.empty() || groups.back().empty()) return original;
  const std::size_t last = groups.back().size();
  std::string decimals;
  if (last <= 2) {
    // A comma before the last one or two digits is no point misread: it is
    // an amount cut by a page break ("3,27" over "9,76", joined with the rest
    // of its row on the next page) or a digit lost ("12,50" for 12,650).
    if (marks.back() == ',') return original;
    decimals = groups.back();  // one or two digits after the last mark: decimals
    groups.pop_back();
    marks.pop_back();
  } else if (last > 3 && last <= kMaxLongDecimals && marks.back() != ',') {
    // Four to six digits after a point (or an undecided full-width mark):
    // 万元 printed to the yuan ("222.817954", Beijing's budgets) or to the
    // hundred. No thousands group has more than three digits, so the mark is
    // the decimal point, also where OCR doubled it ("222,.817954"). After a
    // comma they stay as read: a point misread, or a comma lost
    // ("323,673308" for 323.673308 or 323,673,308).
    decimals = groups.back();
    groups.pop_back();
    marks.pop_back();
  } else if (!(last == 3 && marks.back() != '.')) {
    return original;  // three digits after a point, or more: not ours to guess
  }
  if (marks.empty()) return decimals.empty() ? original : sign + groups[0] + "." + decimals;
  std::size_t to_the_right = 0;
  for (std::size_t g = groups.size(); g-- > 1;) {
    to_the_right += groups[g].size();
    if (to_the_right % 3 != 0) return original;
  }
  // The marks read are put right, but none is added: a group of more than
  // three digits ("4964,173.05") may be a comma lost or a mark read as a
  // digit ("3817,070.00" for 387,070.00), and stays irregular for a re-read
  // and the normalizer's finding.
  std::string out = sign + groups[0];
  for (std::size_t g = 1; g < groups.size(); ++g) out += "," + groups[g];
  return out + (decimals.empty() ? "" : "." + decimals);
}

bool IsWellFormedAmount(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t first = i;
  int group = 0;
  bool grouped = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',') {
      if (group == 0 || (grouped ? group != 3 : group > 3)) return false;
      grouped = true;
      group = 0;
    } else if (c >= '0' && c <= '9') {
      ++group;
    } else if (c != '\n' || grouped) {
      return false;  // a line break only in an ungrouped run of digits (a code)
    }
  }
  if (i == first || group == 0 || (grouped && group != 3)) return false;
  if (i == text.size()) return true;
  // No amount prints a zero before its other integer digits ('031.22' is 631.22 with its 6 read
  // 0); a code may (款 01), but has no point.
  if (text[first] == '0' && i > first + 1) return false;
  // Three decimals stay doubtful: "1.234" is as likely 1,234 with its comma
  // read as a point.
  const std::size_t decimals = text.size() - i - 1;
  if (decimals < 1 || decimals == 3 || decimals > kMaxLongDecimals) return false;
  for (++i; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

bool IsWellFormedButForLeadingComma(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  // The rest may start with a 0 ("1078,936.67"): tried with a 1 in its place.
  return text.size() > 5 && text[0] >= '1' && text[0] <= '9' && text[4] == ',' &&
         IsWellFormedAmount("1" + std::string(text.substr(2)));
}

std::string StripRuleRemnants(std::string_view text) {
  auto is_remnant = [](char32_t c) {
    return c == U'|' || c == U'“' || c == U'”' || c == U'"' || c == U'\'' || c == U'‘' ||
           c == U'’' || c == U'｜' || c == U'丨';
  };
  auto opens = [](char32_t c) { return c == U'“' || c == U'‘'; };
  auto closes = [](char32_t c) { return c == U'”' || c == U'’'; };
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::vector<char32_t> line = DecodeUtf8(text.substr(start, end - start));
    // A quote that opens a quoted phrase in the line ("“三公”经费") is print.
    auto has = [&line](auto predicate) { return std::any_of(line.begin(), line.end(), predicate); };
    while (!line.empty() && is_remnant(line.front()) && !(opens(line.front()) && has(closes))) {
      line.erase(line.begin());
    }
    while (!line.empty() && is_remnant(line.back()) && !(closes(line.back()) && has(opens))) {
      line.pop_back();
    }
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += EncodeUtf8(line);
    }
    start = end + 1;
  }
  return Trim(out);
}

}  // namespace disclose::ocr
