#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"

namespace disclose {
namespace {

struct Joined {
  std::string amount;
  std::string label;
};

// An amount printed with two decimals and a label after it in one cell (391.10城乡社区支出);
// nullopt for anything else. Two decimals: an ordinal 1. or a 1.1 item number is no amount.
std::optional<Joined> AmountThenLabel(std::string_view text) {
  const std::string trimmed = Trim(text);
  std::size_t end = 0;
  while (end < trimmed.size() && ((trimmed[end] >= '0' && trimmed[end] <= '9') ||
                                  trimmed[end] == ',' || trimmed[end] == '.')) {
    ++end;
  }
  if (end == 0 || end == trimmed.size()) return std::nullopt;
  std::string amount = trimmed.substr(0, end);
  const std::size_t point = amount.rfind('.');
  if (point == std::string::npos || amount.size() - point != 3) return std::nullopt;
  const AmountText parsed = ParseAmountText(amount);
  if (parsed.kind != AmountKind::kNumber || parsed.percent) return std::nullopt;
  std::string label = Trim(trimmed.substr(end));
  std::vector<char32_t> cps = DecodeUtf8(label);
  // A quote mark read before the label (705,926.37 “一般公共服务支出, H s3w_0096: a speck of the
  // scan, as before an amount in a row read as text) is no part of it.
  std::size_t specks = 0;
  while (specks < cps.size() &&
         std::u32string_view(U"“”‘’\"'＂＇`").find(cps[specks]) != std::u32string_view::npos) {
    ++specks;
  }
  if (specks > 0) {
    cps.erase(cps.begin(), cps.begin() + static_cast<long>(specks));
    label = Trim(EncodeUtf8(cps));
    cps = DecodeUtf8(label);
  }
  if (cps.empty() || !IsCjkIdeograph(cps.front())) return std::nullopt;
  return Joined{std::move(amount), std::move(label)};
}

bool HasIdeograph(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  return std::any_of(cps.begin(), cps.end(), [](char32_t c) { return IsCjkIdeograph(c); });
}

struct ColumnCells {
  int joined = 0;  // an amount then a label
  int money = 0;
  int labels = 0;
};

ColumnCells Scan(const StitchedTable& stitched, int c) {
  ColumnCells cells;
  for (const TablePart& part : stitched.parts) {
    const Table& table = *part.table;
    for (int r = part.header.header_rows; r < table.row_count; ++r) {
      const std::string_view text = table.TextAt(r, c);
      if (Trim(text).empty()) continue;
      if (AmountThenLabel(text)) {
        ++cells.joined;
      } else if (IsPrintedMoney(text)) {
        ++cells.money;
      } else if (HasIdeograph(text)) {
        ++cells.labels;
      }
    }
  }
  return cells;
}

// Row numbers only (1 2 … 12), or nothing, in every part.
bool IsRowNumberColumn(const StitchedTable& stitched, int c) {
  for (const TablePart& part : stitched.parts) {
    for (int r = part.header.header_rows; r < part.table->row_count; ++r) {
      const std::string text = Trim(part.table->TextAt(r, c));
      if (text.size() > 3 || (!text.empty() && !AllDigits(text))) return false;
    }
  }
  return true;
}

// The amount words a header cell opens with (行次 金额, 预算数支出功能分类): they head the amount
// column split off; the rest heads the labels.
std::pair<std::string, std::string> SplitHeaderWords(std::string_view text) {
  std::string rest = Trim(text);
  std::string words;
  for (bool found = true; found;) {
    found = false;
    for (std::string_view word : {"行次", "金额", "预算数", "决算数"}) {
      if (!StartsWith(rest, word)) continue;
      if (!words.empty()) words += ' ';
      words += word;
      rest = Trim(rest.substr(word.size()));
      found = true;
    }
  }
  return {words, rest};
}

// The column to split in every part, or -1. Parts are read alike: a page break may leave one
// joined cell on each page.
int JoinedColumn(const StitchedTable& stitched) {
  const int columns = stitched.parts.front().table->column_count;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != columns || !IsOcrGrid(*part.table)) return -1;
  }
  for (int c = 1; c < columns; ++c) {
    const ColumnCells cells = Scan(stitched, c);
    if (cells.joined == 0 || cells.money > 0 || cells.joined + cells.labels < 2) continue;
    // The income labels left of it, past a column of row numbers (行次 1 2 3).
    int left_column = c - 1;
    while (left_column > 0 && IsRowNumberColumn(stitched, left_column)) --left_column;
    const ColumnCells left = Scan(stitched, left_column);
    if (left.labels < 2 || left.joined > 0 || left.money > 0) continue;
    // A body cell spanning the column would be cut in two.
    for (const TablePart& part : stitched.parts) {
      for (const TableCell& cell : part.table->cells) {
        if (cell.row >= part.header.header_rows && cell.column_span > 1 && cell.column <= c &&
            cell.column + cell.column_span > c) {
          return -1;
        }
      }
    }
    return c;
  }
  return -1;
}

Table SplitColumn(const Table& table, int header_rows, int c) {
  Table out = table;
  out.cells.clear();
  out.column_count = table.column_count + 1;
  for (TableCell cell : table.cells) {
    if (cell.column > c) {
      ++cell.column;
      out.cells.push_back(std::move(cell));
      continue;
    }
    if (cell.column < c) {
      if (cell.column + cell.column_span > c) ++cell.column_span;
      out.cells.push_back(std::move(cell));
      continue;
    }
    TableCell amount = cell;
    amount.column_span = 1;
    ++cell.column;
    if (cell.row < header_rows) {
      auto [words, rest] = SplitHeaderWords(cell.text);
      amount.text = std::move(words);
      cell.text = std::move(rest);
    } else if (const std::optional<Joined> joined = AmountThenLabel(cell.text)) {
      amount.text = joined->amount;
      cell.text = joined->label;
    } else {
      amount.text.clear();
    }
    if (!amount.text.empty()) out.cells.push_back(std::move(amount));
    out.cells.push_back(std::move(cell));
  }
  std::sort(out.cells.begin(), out.cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  return out;
}

// The income amount column of an OCR'd summary whose cells are amounts, but for a few that
// also hold the label of the expenditure line beside them (8.09本年支出合计 | 本年支出合计 |
// 8.09; 402.96本年支出合计 | | 402.96; 3,351.77一、教育支出 | 一、教育支出 | 534.10): the scan read
// the label's left edge into the amount's cell. -1 when none. The column prints money and such
// cells, after a column of income labels (past a column of row numbers) and before a column of
// labels that prints no money.
int AmountColumnWithJoinedLabels(const StitchedTable& stitched) {
  const int columns = stitched.parts.front().table->column_count;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != columns || !IsOcrGrid(*part.table)) return -1;
  }
  for (int c = 1; c + 1 < columns; ++c) {
    const ColumnCells cells = Scan(stitched, c);
    if (cells.joined == 0 || cells.money == 0 || cells.labels > 0) continue;
    int left_column = c - 1;
    while (left_column > 0 && IsRowNumberColumn(stitched, left_column)) --left_column;
    const ColumnCells left = Scan(stitched, left_column);
    if (left.labels < 2 || left.joined > 0 || left.money > 0) continue;
    const ColumnCells right = Scan(stitched, c + 1);
    if (right.money > 0 || right.joined > 0 || right.labels == 0) continue;
    return c;
  }
  return -1;
}

// `table` with each cell of column `c` that prints an amount then a label read as the amount, the
// label going to the empty cell right of it, or dropped when that cell prints the same label; a
// cell whose right neighbour prints another label, or is covered by a span, is left as read.
Table ReadAmountsJoinedToTheNextLabel(const Table& table, int header_rows, int c) {
  Table out = table;
  std::vector<TableCell> added;
  for (TableCell& cell : out.cells) {
    if (cell.column != c || cell.row < header_rows || cell.column_span != 1) continue;
    const std::optional<Joined> joined = AmountThenLabel(cell.text);
    if (!joined) continue;
    const TableCell* right = table.CellAt(cell.row, c + 1);
    if (right == nullptr) {
      TableCell label = cell;
      label.column = c + 1;
      label.row_span = 1;
      label.text = joined->label;
      added.push_back(std::move(label));
    } else if (right->row != cell.row || right->column != c + 1 || right->row_span != 1) {
      continue;
    } else if (!Trim(right->text).empty() && TableKey(right->text) != TableKey(joined->label)) {
      continue;
    }
    cell.text = joined->amount;
    if (right != nullptr && Trim(right->text).empty()) {
      for (TableCell& other : out.cells) {
        if (other.row == cell.row && other.column == c + 1) other.text = joined->label;
      }
    }
  }
  for (TableCell& cell : added) out.cells.push_back(std::move(cell));
  std::sort(out.cells.begin(), out.cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  return out;
}

}  // namespace

void ReadOcrSummaryShiftedIncomeAmounts(StitchedTable& stitched,
                                        const std::vector<std::string>& keys,
                                        std::deque<Table>& owned, std::vector<Finding>& findings) {
  if (!IsSummaryKind(stitched.canonical.kind)) return;
  const std::vector<Segment> segments = SplitSegments(keys);
  if (segments.size() != 2 || segments[0].amounts.size() != 1) return;
  const int income_amount = segments[0].amounts.front();
  std::string moved;  // what the finding quotes
  for (TablePart& part : stitched.parts) {
    const Table& grid = *part.table;
    if (!IsOcrGrid(grid) || grid.column_count != static_cast<int>(keys.size())) continue;
    std::optional<Table> rewritten;
    for (int r = part.header.header_rows; r < grid.row_count; ++r) {
      const std::string left = Trim(grid.TextAt(r, income_amount));
      // The income amount's cell holds no amount (nothing, or a label shifted into it).
      if (std::any_of(left.begin(), left.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        continue;
      }
      bool income_label = false;
      for (int c : segments[0].labels)
        income_label = income_label || HasIdeograph(grid.TextAt(r, c));
      if (!income_label) continue;
      std::vector<int> money;  // expenditure label columns holding one amount and nothing else
      bool expenditure_words = !left.empty();
      for (int c : segments[1].labels) {
        const std::string text = Trim(grid.TextAt(r, c));
        if (IsPrintedMoney(text) && ParseAmountText(text).kind == AmountKind::kNumber) {
          money.push_back(c);
        } else if (HasIdeograph(text)) {
          expenditure_words = true;
        }
      }
      bool expenditure_amount = false;
      for (int c : segments[1].amounts) {
        expenditure_amount = expenditure_amount || IsPrintedMoney(Trim(grid.TextAt(r, c)));
      }
      // The expenditure line of the row has its amount, or there is none: the amount in a label
      // column is the income line's.
      if (money.size() != 1 || (expenditure_words && !expenditure_amount)) continue;
      if (!rewritten) rewritten = grid;
      Table& out = *rewritten;
      int from = -1;
      int to = -1;
      for (std::size_t i = 0; i < out.cells.size(); ++i) {
        const TableCell& cell = out.cells[i];
        if (cell.row != r || cell.row_span != 1 || cell.column_span != 1) continue;
        if (cell.column == money.front()) from = static_cast<int>(i);
        if (cell.column == income_amount) to = static_cast<int>(i);
      }
      if (from < 0) continue;
      const std::string amount = out.cells[static_cast<std::size_t>(from)].text;
      out.cells[static_cast<std::size_t>(from)].column = income_amount;
      if (to >= 0) out.cells[static_cast<std::size_t>(to)].column = money.front();
      moved += (moved.empty() ? "" : "; ") + std::string("row ") + std::to_string(r + 1) + " '" +
               CollapseWhitespace(Trim(grid.TextAt(r, segments[0].labels.front()))) + "' " +
               Trim(amount);
    }
    if (!rewritten) continue;
    std::sort(rewritten->cells.begin(), rewritten->cells.end(),
              [](const TableCell& a, const TableCell& b) {
                return a.row != b.row ? a.row < b.row : a.column < b.column;
              });
    owned.push_back(std::move(*rewritten));
    part.table = &owned.back();
  }
  if (moved.empty()) return;
  AddTableFinding(findings, "ocr.summary_amount_shifted", Severity::kWarning,
                  "table '" + stitched.canonical.printed_title + "' (" + stitched.canonical.kind +
                      ") is OCR'd and prints an income line's amount in the expenditure side's " +
                      "label column, its own amount cell empty: read as the income line's (" +
                      moved + ")",
                  stitched.parts.front().table->provenance);
}

void SplitOcrSummaryJoinedColumns(std::vector<StitchedTable>& tables, std::deque<Table>& owned) {
  for (StitchedTable& stitched : tables) {
    if (!IsSummaryKind(stitched.canonical.kind) || stitched.parts.empty()) continue;
    const int c = JoinedColumn(stitched);
    if (c >= 0) {
      for (TablePart& part : stitched.parts) {
        owned.push_back(SplitColumn(*part.table, part.header.header_rows, c));
        part.table = &owned.back();
        part.header = AnalyzeHeader(owned.back());
      }
      continue;
    }
    const int amounts = AmountColumnWithJoinedLabels(stitched);
    if (amounts < 0) continue;
    for (TablePart& part : stitched.parts) {
      owned.push_back(
          ReadAmountsJoinedToTheNextLabel(*part.table, part.header.header_rows, amounts));
      part.table = &owned.back();
      part.header = AnalyzeHeader(owned.back());
    }
  }
}

}  // namespace disclose
