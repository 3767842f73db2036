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

namespace disclose {
namespace {

// A label's wrapped end is a few characters (款, 计, 支出); a longer text is a row's own label.
constexpr std::size_t kMaxWordCodePoints = 4;

bool HasDigit(std::string_view text) {
  for (char c : text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
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

// Whether `word` is marks alone (; : ' …), a speck of the scan read after an amount.
bool IsSpeck(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::ispunct(static_cast<unsigned char>(c)) != 0;
  });
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

// Where the ASCII run that ends `text` starts, when a non-ASCII character (an ideograph, a
// full-width mark) stands right before it; npos otherwise.
std::size_t AfterLastNonAsciiCharacter(std::string_view text) {
  std::size_t i = text.size();
  while (i > 0 && static_cast<unsigned char>(text[i - 1]) < 0x80 && text[i - 1] != ' ') --i;
  if (i == 0 || i == text.size() || static_cast<unsigned char>(text[i - 1]) < 0x80) {
    return std::string_view::npos;
  }
  return i;
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
  bool any_rest = false;
  for (const auto& [column, cell] : row) {
    const std::string text = Trim(cell->text);
    if (text.empty()) continue;
    if (!IsOcr(*cell)) return false;
    const auto up = above.find(column);
    if (up == above.end() || !IsOcr(*up->second)) return false;
    std::string head_text = Trim(up->second->text);
    // The cut amount is the cell's last word (a cell that ran two columns' text together,
    // 59,097. 本年支出合计 59,097., ends with the amount whose rest is under it), a speck after
    // it dropped (3,516,571.1 ; over 了).
    const std::string rest_digits = RestDigits(text);
    if (const std::size_t speck = head_text.find_last_of(" \t\n");
        !rest_digits.empty() && speck != std::string::npos &&
        IsSpeck(std::string_view(head_text).substr(speck + 1))) {
      head_text = Trim(head_text.substr(0, speck));
    }
    // Or the amount a label ran into with no space (11.0本年支出合计11.0 over 3, H17
    // s3w_0264_final): the digits after the cell's last ideograph.
    std::size_t space = head_text.find_last_of(" \t\n");
    if (const std::size_t glued = AfterLastNonAsciiCharacter(head_text);
        glued != std::string::npos && (space == std::string::npos || glued > space + 1)) {
      space = glued - 1;
    }
    const std::string before = space == std::string::npos ? "" : head_text.substr(0, space + 1);
    const std::string last_word =
        space == std::string::npos ? head_text : head_text.substr(space + 1);
    if (const std::optional<std::string> whole = JoinIntegerCut(last_word, text)) {
      joins.push_back(Join{cell, up->second, before + *whole});
      any_rest = true;
      continue;
    }
    if (!rest_digits.empty()) {
      const std::optional<std::pair<std::string, std::size_t>> head = CutHead(last_word);
      std::string whole;
      if (head && head->second + rest_digits.size() == 2) whole = head->first + rest_digits;
      const AmountText amount = ParseAmountText(whole);
      if (!whole.empty() && amount.kind == AmountKind::kNumber && amount.decimals == 2 &&
          !amount.irregular_grouping) {
        joins.push_back(Join{cell, up->second, before + whole});
        any_rest = true;
        continue;
      }
      // Digits under no cut amount end it; a lookalike (I, l) may be a label's wrapped end.
      if (HasDigit(text)) return false;
    }
    // A label's wrapped end, under a label.
    if (HasDigit(text) || DecodeUtf8(text).size() > kMaxWordCodePoints || head_text.empty() ||
        HasDigit(head_text)) {
      return false;
    }
    joins.push_back(Join{cell, up->second, ""});
  }
  if (!any_rest) return false;
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
