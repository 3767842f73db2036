#include "normalize/table_stitch_join.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/classification.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The line of a summary or classification a row name names ("208", "income.upper_subsidy"),
// "" when none.
std::string LineNamed(const std::string& text) {
  const std::string key = StripOrdinal(TableKey(text));
  if (const std::optional<std::string> code = FunctionClassCode(key)) return *code;
  const std::string income = IncomeKey(key);
  return income.empty() ? ExpenditureKey(key) : income;
}

// What `lower` is to the name `upper` a break cut: kCompletes when only the whole names a line
// (八、社会保障和就 + 业支出 is 208); kContinues when the upper half already names the line the
// whole does (二、政府性基金预算 + 财政拨款收入, s21w_0054_final: the half keys the fund's
// appropriation as the whole does); kNone otherwise.
enum class NameRest { kNone, kContinues, kCompletes };

NameRest NameRestOf(std::string_view upper, std::string_view lower) {
  const std::string upper_text = Trim(upper);
  const std::string lower_text = Trim(lower);
  if (upper_text.empty() || lower_text.empty()) return NameRest::kNone;
  if (ParseAmountText(lower_text).kind == AmountKind::kNumber) return NameRest::kNone;
  const std::string whole = LineNamed(upper_text + lower_text);
  if (whole.empty()) return NameRest::kNone;
  const std::string half = LineNamed(upper_text);
  if (half.empty()) return NameRest::kCompletes;
  return half == whole ? NameRest::kContinues : NameRest::kNone;
}

}  // namespace

bool CellHalvesJoin(std::string_view upper, std::string_view lower, int table_decimals) {
  const std::string upper_text = RemoveAllWhitespace(upper);
  const std::string lower_text = RemoveAllWhitespace(lower);
  if (upper_text.empty() || lower_text.empty()) return false;
  const AmountText joined = ParseAmountText(upper_text + lower_text);
  if (joined.kind == AmountKind::kNumber && !joined.irregular_grouping && !joined.percent) {
    const AmountText top = ParseAmountText(upper_text);
    const AmountText bottom = ParseAmountText(lower_text);
    if (top.kind == AmountKind::kNotNumber || top.irregular_grouping ||
        bottom.kind == AmountKind::kNotNumber) {
      return true;
    }
    // "5.9" | "6" where the table prints two decimals throughout.
    if (table_decimals > 0 && top.decimals > 0 && top.decimals < table_decimals &&
        joined.decimals == table_decimals && AllDigits(lower_text)) {
      return true;
    }
  }
  // A 7-digit code wrapped in a narrow column breaks after 4 or 6 digits.
  const std::size_t joined_size = upper_text.size() + lower_text.size();
  return AllDigits(upper_text) && AllDigits(lower_text) &&
         (upper_text.size() == 4 || upper_text.size() == 6) &&
         (joined_size == 5 || joined_size == 7);
}

bool CodePieceHalvesJoin(std::string_view upper, std::string_view lower, std::size_t digits) {
  const std::string upper_text = RemoveAllWhitespace(upper);
  const std::string lower_text = RemoveAllWhitespace(lower);
  return digits > 1 && AllDigits(upper_text) && AllDigits(lower_text) &&
         upper_text.size() < digits && upper_text.size() + lower_text.size() == digits;
}

bool IsNamelessFragment(const HeaderAnalysis& header, const Table& upper, int upper_row,
                        const Table& lower, int lower_row) {
  if (SplitSegments(header.keys).size() != 1) return false;
  bool any_name = false;
  for (std::size_t c = 0; c < header.roles.size(); ++c) {
    const std::string& role = header.roles[c];
    if (role != "label" && role != "class" && role != "code") continue;
    const int column = static_cast<int>(c);
    if (!Trim(lower.TextAt(lower_row, column)).empty()) return false;
    if (role == "label") any_name = any_name || !Trim(upper.TextAt(upper_row, column)).empty();
  }
  return any_name;
}

bool RowHalvesJoin(const Table& upper, int upper_row, const Table& lower, int lower_row,
                   bool lower_is_fragment) {
  // The decimal places the upper part's amounts print most often (cells
  // printing a point), and per column the digit count of all-digit cells
  // (codes: 类 3, 款 and 项 2) most often.
  std::map<int, int> decimal_counts;
  std::vector<std::map<std::size_t, int>> digit_counts(
      static_cast<std::size_t>(std::max(upper.column_count, 0)));
  const auto count_decimals = [&decimal_counts](const std::string& text) {
    const AmountText amount = ParseAmountText(text);
    if (amount.kind == AmountKind::kNumber && !amount.percent && !amount.irregular_grouping &&
        amount.decimals > 0) {
      ++decimal_counts[amount.decimals];
    }
  };
  for (const TableCell& cell : upper.cells) {
    const std::string text = RemoveAllWhitespace(cell.text);
    if (AllDigits(text) && cell.column < upper.column_count) {
      ++digit_counts[static_cast<std::size_t>(cell.column)][text.size()];
      continue;
    }
    if (cell.row != upper_row) count_decimals(text);
  }
  // A page that printed the header and one cut row holds no whole amount but the cut ones
  // (18,632.0 over 8): the rows below the cut say how many places the table prints, or failing
  // them the cut row itself.
  if (decimal_counts.empty()) {
    for (const TableCell& cell : lower.cells) {
      if (cell.row > lower_row) count_decimals(RemoveAllWhitespace(cell.text));
    }
  }
  if (decimal_counts.empty()) {
    for (const TableCell& cell : upper.cells) {
      if (cell.row == upper_row) count_decimals(RemoveAllWhitespace(cell.text));
    }
  }
  int decimals = 0;
  for (const auto& [places, count] : decimal_counts) {
    if (decimals == 0 || count > decimal_counts[decimals]) decimals = places;
  }
  auto typical_digits = [&digit_counts](int column) {
    std::size_t digits = 0;
    int best = 0;
    for (const auto& [size, count] : digit_counts[static_cast<std::size_t>(column)]) {
      if (count > best) {
        best = count;
        digits = size;
      }
    }
    return digits;
  };
  bool proven = false;
  int filled = 0;
  int names_completed = 0;  // cells below completing the name above (NameRestOf)
  int names_fitting = 0;    // ... or continuing a name that names its line already
  for (int c = 0; c < lower.column_count; ++c) {
    const TableCell* below = lower.CellAt(lower_row, c);
    if (below == nullptr || below->row != lower_row || below->column != c) continue;
    if (Trim(below->text).empty()) continue;
    const TableCell* above = upper.CellAt(upper_row, c);
    if (above == nullptr || above->row != upper_row || above->column != c) return false;
    ++filled;
    proven = proven || CellHalvesJoin(above->text, below->text, decimals) ||
             CodePieceHalvesJoin(above->text, below->text, typical_digits(c));
    const NameRest rest = NameRestOf(above->text, below->text);
    names_completed += rest == NameRest::kCompletes ? 1 : 0;
    names_fitting += rest != NameRest::kNone ? 1 : 0;
  }
  // Every filled cell a name's rest: a summary's row prints two names, both cut
  // (一、一般公 | 42.31 | 一、教育支 over 共预算财政拨款 | | 出); one of them at least makes a
  // line's name only whole, the other may name its line already cut.
  return proven || (names_completed > 0 && names_fitting == filled) ||
         (lower_is_fragment && filled > 0);
}

std::string JoinedHalves(std::string_view above, std::string_view below, bool ocr) {
  constexpr std::size_t kMostDecimals = 2;
  std::string upper(above);
  const std::string lower = Trim(below);
  const std::string trimmed = Trim(above);
  if (trimmed.empty()) return upper + lower;
  if (ocr && !lower.empty() && lower.size() <= kMostDecimals && AllDigits(lower)) {
    for (const std::string_view comma : {std::string_view(","), std::string_view("，")}) {
      if (!EndsWith(trimmed, comma)) continue;
      const std::string whole = trimmed.substr(0, trimmed.size() - comma.size());
      const AmountText amount = ParseAmountText(whole);
      if (amount.kind == AmountKind::kNumber && !amount.percent && !amount.irregular_grouping &&
          amount.decimals == 0 && whole.find('.') == std::string::npos) {
        upper = whole + ".";
      }
      break;
    }
  }
  return upper + "\n" + lower;
}

int TextColumnsKeyed(const Table& table, const HeaderAnalysis& header) {
  int keyed_text = 0;
  for (std::size_t c = 0; c < header.keys.size(); ++c) {
    if (header.keys[c].empty()) continue;
    int numbers = 0, texts = 0;
    for (int r = header.header_rows; r < table.row_count; ++r) {
      const std::string_view text = table.TextAt(r, static_cast<int>(c));
      if (Trim(text).empty()) continue;
      const AmountKind kind = ParseAmountText(text).kind;
      if (kind == AmountKind::kNumber) {
        ++numbers;
      } else if (kind == AmountKind::kNotNumber) {
        ++texts;
      }
    }
    keyed_text += texts > numbers;
  }
  return keyed_text;
}

Table StackTables(const Table& upper, const Table& lower) {
  Table stacked = upper;
  for (TableCell cell : lower.cells) {
    cell.row += upper.row_count;
    stacked.cells.push_back(std::move(cell));
  }
  stacked.row_count = upper.row_count + lower.row_count;
  for (int page : lower.pages) stacked.pages.push_back(page);
  stacked.continues_on_next_page = lower.continues_on_next_page;
  return stacked;
}

std::optional<Table> TryStackJoiningBoundaryRow(const Table& upper, const Table& lower) {
  const int last = upper.row_count - 1;
  Table stacked = upper;
  std::vector<std::pair<std::size_t, const TableCell*>> joins;  // upper cell index, lower cell
  bool row_stays = false;
  for (const TableCell& cell : lower.cells) {
    if (cell.row != 0) continue;
    const TableCell* above = upper.CellAt(last, cell.column);
    if (above != nullptr && above->column == cell.column &&
        above->column_span == cell.column_span) {
      joins.emplace_back(static_cast<std::size_t>(above - upper.cells.data()), &cell);
    } else {
      row_stays = true;
    }
  }
  if (joins.empty()) return std::nullopt;
  for (const auto& [index, cell] : joins) {
    TableCell& target = stacked.cells[index];
    if (!Trim(cell->text).empty()) {
      target.text = JoinedHalves(target.text, cell->text,
                                 cell->provenance.origin == TextOrigin::kOcr &&
                                     target.provenance.origin == TextOrigin::kOcr);
    }
    target.row_span += row_stays ? cell->row_span : cell->row_span - 1;
  }
  const int offset = row_stays ? last + 1 : last;
  for (TableCell cell : lower.cells) {
    if (cell.row == 0 && std::any_of(joins.begin(), joins.end(), [&cell](const auto& join) {
          return join.second->column == cell.column;
        })) {
      continue;
    }
    cell.row += offset;
    stacked.cells.push_back(std::move(cell));
  }
  stacked.row_count = offset + lower.row_count;
  for (int page : lower.pages) stacked.pages.push_back(page);
  stacked.continues_on_next_page = lower.continues_on_next_page;
  return stacked;
}

}  // namespace disclose
