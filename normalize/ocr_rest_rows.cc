#include "normalize/ocr_rest_rows.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_figure.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// A label's wrapped end is a few characters (款, 计, 支出); a longer text is a row's own label,
// unless an amount of the row is proved cut (JoinIntegerCut: 21,791,6 over 64.05), which the row
// then ends: its labels end the labels above (一、一般公共预 over 算财政拨款, H29 s3w_0458), as
// long as none starts a row of its own with an ordinal (二、政府性基金预算拨款).
constexpr std::size_t kMaxWordCodePoints = 4;
constexpr std::size_t kMaxWordCodePointsUnderACut = 8;

bool StartsWithOrdinal(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  if (cps.empty()) return false;
  if (cps[0] == U'(' || cps[0] == U'（' || (cps[0] >= U'0' && cps[0] <= U'9')) return true;
  return cps.size() >= 2 && IsOrdinalNumeral(cps[0]) && (cps[1] == U'、' || cps[1] == U'.');
}

// The digits of a rest (one or two digits alone), a digit's lookalike read as the digit (a
// wrapped 7 read 了, H17 s3w_0266_budget: 3,516,571.1 over 了); "" when `text` is no rest.
std::string RestDigits(std::string_view text) {
  std::string digits;
  for (const char32_t c : DecodeUtf8(text)) {
    const char digit = c >= U'0' && c <= U'9' ? static_cast<char>(c) : OcrLookalikeDigit(c);
    if (digit == 0) return "";
    digits.push_back(digit);
  }
  return digits.size() <= 2 ? digits : "";
}

// The cut amount `text` reads as, with its point put back where a scan read a comma for it
// (59,097， over 00), and how many decimals it kept (0 or 1); nullopt when it is no cut amount.
std::optional<std::pair<std::string, std::size_t>> CutHead(std::string_view text) {
  std::string head(text);
  for (std::string_view comma : {"，", ","}) {
    if (head.size() > comma.size() &&
        head.compare(head.size() - comma.size(), comma.size(), comma) == 0) {
      head.resize(head.size() - comma.size());
      head += '.';
      break;
    }
  }
  if (head.empty() || head[0] < '0' || head[0] > '9') return std::nullopt;
  const std::size_t point = head.find('.');
  if (point == std::string::npos || head.find('.', point + 1) != std::string::npos) {
    return std::nullopt;
  }
  const std::size_t decimals = head.size() - point - 1;
  if (decimals > 1) return std::nullopt;
  for (std::size_t i = 0; i < head.size(); ++i) {
    const char c = head[i];
    if (!(c >= '0' && c <= '9') && c != ',' && i != point) return std::nullopt;
  }
  return std::make_pair(head, decimals);
}

// The whole amount when `head` is an amount cut inside its integer part (2,639,65 over
// 4.73; 1,578,49 over 3.38) or right before its point (12,672 over .73) and `rest` the rest of
// it with its point and two decimals: the two together read as a regularly grouped amount
// with two decimals, which the head alone is not. nullopt otherwise.
std::optional<std::string> JoinIntegerCut(std::string_view head, std::string_view rest) {
  if (head.empty() || rest.size() < 3 || rest.size() > 16 || head[0] < '0' || head[0] > '9') {
    return std::nullopt;
  }
  for (char c : head) {
    if (!(c >= '0' && c <= '9') && c != ',') return std::nullopt;
  }
  for (char c : rest) {
    if (!(c >= '0' && c <= '9') && c != ',' && c != '.') return std::nullopt;
  }
  const std::size_t point = rest.find('.');
  if (point == std::string_view::npos || point + 3 != rest.size()) return std::nullopt;
  const AmountText alone = ParseAmountText(head);
  if (!alone.irregular_grouping && point != 0) return std::nullopt;
  const std::string whole = std::string(head) + std::string(rest);
  const AmountText amount = ParseAmountText(whole);
  if (amount.kind != AmountKind::kNumber || amount.decimals != 2 || amount.irregular_grouping) {
    return std::nullopt;
  }
  return whole;
}

// The whole amount when `head` is an integer printed without separators and `rest` its last
// integer digits with the point and two decimals (217916 over 64.05, its commas lost to the
// scan): the two together read as an amount that `confirmed` says the row prints whole in
// another cell (21,791,664.05 beside it). Digits alone prove no cut: only that amount does.
std::optional<std::string> JoinUngroupedCut(std::string_view head, std::string_view rest,
                                            const std::vector<std::int64_t>& confirmed) {
  constexpr std::size_t kMinHeadDigits = 3;
  constexpr std::size_t kMaxRestIntegerDigits = 3;
  if (head.size() < kMinHeadDigits || !std::all_of(head.begin(), head.end(), IsAsciiDigit)) {
    return std::nullopt;
  }
  const std::size_t point = rest.find('.');
  if (point == std::string_view::npos || point == 0 || point > kMaxRestIntegerDigits ||
      point + 3 != rest.size() ||
      !std::all_of(rest.begin(), rest.begin() + static_cast<long>(point), IsAsciiDigit) ||
      !IsAsciiDigit(rest[point + 1]) || !IsAsciiDigit(rest[point + 2])) {
    return std::nullopt;
  }
  const std::string whole = std::string(head) + std::string(rest);
  const std::optional<std::int64_t> value = ToFen(ParseAmountText(whole), UnitOfAmount::kYuan);
  if (!value || std::find(confirmed.begin(), confirmed.end(), *value) == confirmed.end()) {
    return std::nullopt;
  }
  return whole;
}

// The [from, to) bytes of `text`'s last run of ASCII digits and separators (a comma read for
// the point after it, ， included); [size, size) when it prints no digit.
std::pair<std::size_t, std::size_t> LastAmountRun(std::string_view text) {
  const std::size_t last = text.find_last_of("0123456789");
  if (last == std::string_view::npos) return {text.size(), text.size()};
  constexpr std::string_view kFullWidthComma = "，";
  std::size_t to = last + 1;
  if (to < text.size() && (text[to] == '.' || text[to] == ',')) {
    ++to;
  } else if (text.substr(to, kFullWidthComma.size()) == kFullWidthComma) {
    to += kFullWidthComma.size();
  }
  std::size_t from = last;
  while (from > 0 &&
         (IsAsciiDigit(text[from - 1]) || text[from - 1] == ',' || text[from - 1] == '.')) {
    --from;
  }
  return {from, to};
}

bool IsOcr(const TableCell& cell) {
  return cell.provenance.origin == TextOrigin::kOcr;
}

}  // namespace

bool JoinWrappedRestRow(Table& table, int r) {
  if (r <= 0) return false;
  std::map<int, TableCell*> above;
  std::map<int, TableCell*> row;
  for (TableCell& cell : table.cells) {
    if (cell.row == r - 1 && cell.row_span == 1) above[cell.column] = &cell;
    if (cell.row == r && cell.row_span == 1) row[cell.column] = &cell;
  }
  struct Join {
    TableCell* rest;
    TableCell* head;
    std::string joined;  // the whole amount, when the rest is digits
  };
  std::vector<Join> joins;
  int long_words = 0;  // label ends longer than kMaxWordCodePoints
  // The amounts the row above prints whole, in fen as if in yuan (one table, one unit).
  std::vector<std::int64_t> amounts_above;
  for (const auto& [column, cell] : above) {
    const AmountText amount = ParseAmountText(Trim(cell->text));
    if (amount.kind != AmountKind::kNumber || amount.decimals != 2 || amount.irregular_grouping) {
      continue;
    }
    if (const std::optional<std::int64_t> fen = ToFen(amount, UnitOfAmount::kYuan)) {
      amounts_above.push_back(*fen);
    }
  }
  bool any_rest = false;
  bool integer_cut = false;
  for (const auto& [column, cell] : row) {
    const std::string text = Trim(cell->text);
    if (text.empty()) continue;
    if (!IsOcr(*cell)) return false;
    const auto up = above.find(column);
    if (up == above.end() || !IsOcr(*up->second)) return false;
    const std::string head_text = Trim(up->second->text);
    // The cut amount is the cell's last run of digits and separators: a cell may run the text
    // of the columns beside it in before or after it (59,097. 本年支出合计 59,097.;
    // 11.0本年支出合计11.0, H17 s3w_0264_final; 一、一般公共预18,434,307.1卫生健康支出, H16
    // s3w_0249_budget) or a speck after it (3,516,571.1 ;).
    const auto [from, to] = LastAmountRun(head_text);
    const std::string before = head_text.substr(0, from);
    const std::string last_word = head_text.substr(from, to - from);
    // A speck is dropped; words run in stay for the label-run stage (ocr_label_runs.h).
    std::string after = head_text.substr(to);
    if (std::all_of(after.begin(), after.end(), [](char c) {
          return c == ' ' || std::ispunct(static_cast<unsigned char>(c)) != 0;
        })) {
      after.clear();
    }
    const std::string rest_digits = RestDigits(text);
    std::optional<std::string> cut_joined = JoinIntegerCut(last_word, text);
    if (!cut_joined && before.empty() && after.empty()) {
      cut_joined = JoinUngroupedCut(last_word, text, amounts_above);
    }
    if (cut_joined) {
      joins.push_back(Join{cell, up->second, before + *cut_joined + after});
      any_rest = true;
      integer_cut = true;
      continue;
    }
    if (!rest_digits.empty()) {
      const std::optional<std::pair<std::string, std::size_t>> head = CutHead(last_word);
      std::string whole;
      if (head && head->second + rest_digits.size() == 2) whole = head->first + rest_digits;
      const AmountText amount = ParseAmountText(whole);
      if (!whole.empty() && amount.kind == AmountKind::kNumber && amount.decimals == 2 &&
          !amount.irregular_grouping) {
        joins.push_back(Join{cell, up->second, before + whole + after});
        any_rest = true;
        continue;
      }
      // A whole amount ending in the rest's digits is the cell above read with its wrapped end
      // already (H16 s3w_0249_budget: 18,434,307.11 over 1 beside 18,434,307.1 over 1): the
      // rest is that end read twice. It joins no row by itself.
      const AmountText whole_above = ParseAmountText(last_word);
      if (whole_above.kind == AmountKind::kNumber && whole_above.decimals == 2 &&
          EndsWith(last_word, rest_digits)) {
        joins.push_back(Join{cell, up->second, head_text});
        continue;
      }
      // Digits under no cut amount end it; a lookalike (I, l) may be a label's wrapped end.
      if (HasAsciiDigit(text)) return false;
    }
    // A label's wrapped end, under a label.
    const std::size_t code_points = DecodeUtf8(text).size();
    if (HasAsciiDigit(text) || code_points > kMaxWordCodePointsUnderACut || head_text.empty() ||
        HasAsciiDigit(head_text) || (code_points > kMaxWordCodePoints && StartsWithOrdinal(text))) {
      return false;
    }
    if (code_points > kMaxWordCodePoints) ++long_words;
    joins.push_back(Join{cell, up->second, ""});
  }
  if (!any_rest || (long_words > 0 && !integer_cut)) return false;
  for (Join& join : joins) {
    join.head->text =
        join.joined.empty() ? Trim(join.head->text) + Trim(join.rest->text) : join.joined;
    if (join.head->provenance.box && join.rest->provenance.box) {
      join.head->provenance.box->Extend(*join.rest->provenance.box);
    }
    join.rest->text.clear();
  }
  return true;
}

Document WithWrappedRestRowsJoined(const Document& document) {
  Document joined = document;
  for (Block& block : joined.blocks) {
    Table* table = block.AsTable();
    if (table == nullptr) continue;
    for (int r = 1; r < table->row_count; ++r) JoinWrappedRestRow(*table, r);
  }
  return joined;
}

}  // namespace disclose
