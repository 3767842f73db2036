// One amount cell of a row read as a figure of its column (AddFigure), or named when it cannot
// be: a cell that is no number, a scan's stray digits among amounts printed with two decimals,
// amounts of a row that prints neither label nor code. Money is read exact in fen by
// FigureOfCell (table_figure.cc); this is where a cell is judged worth reading.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_reader.h"
#include "normalize/table_figure.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// A cell's provenance, its place in the part's grid where the reader gave none: a reader's
// own cell position wins, as the grid may be a stack of parts.
Provenance RowReader::CellProvenance(const TableCell& cell, int block, int r, int c) {
  Provenance provenance = cell.provenance;
  if (provenance.block < 0) provenance.block = block;
  if (provenance.row < 0) provenance.row = r;
  if (provenance.column < 0) provenance.column = c;
  return provenance;
}

// Amounts of a row that prints neither a label nor a class code in its segment and that no
// 合计 label further left took (当年支出小计 over the next segment's amount, as Jiangsu
// summaries print it): no row can be keyed for them, so they are kept to be named.
void RowReader::NoteUnlabelledAmounts(
    const CanonicalTable& table, const Table& grid, int block, int r,
    const std::vector<std::pair<int, std::string>>& amount_columns,
    const std::vector<int>& consumed, int table_index) {
  const CanonicalRow row;
  for (const auto& [c, column] : amount_columns) {
    if (column.empty() || column == kRateColumn) continue;
    if (std::find(consumed.begin(), consumed.end(), c) != consumed.end()) continue;
    const TableCell* cell = grid.CellAt(r, c);
    if (cell == nullptr || cell->row != r || cell->column != c) continue;
    const std::string text = Trim(cell->text);
    const AmountText amount = ParseAmountText(text);
    if (amount.kind != AmountKind::kNumber || amount.percent) continue;
    const Provenance provenance = CellProvenance(*cell, block, r, c);
    if (std::optional<Figure> figure =
            FigureOfCell(table, row, column, text, amount, provenance, table_index, findings_)) {
      unlabelled_.push_back(FigureRef{table.kind, "", column, figure->amount_fen, provenance});
      unlabelled_printed_.push_back(CollapseWhitespace(text));
    }
  }
}

void RowReader::AddFigure(const CanonicalTable& table, CanonicalRow& row, const Table& grid,
                          int block, int r, int c, const std::string& column, int table_index) {
  const TableCell* cell = grid.CellAt(r, c);
  if (cell == nullptr || cell->row != r || cell->column != c) return;
  const std::string text = Trim(cell->text);
  if (text.empty()) return;
  const AmountText amount = ParseAmountText(text);
  read_cells_.insert(cell);
  const Provenance provenance = CellProvenance(*cell, block, r, c);
  if (amount.kind == AmountKind::kBlank || amount.percent) return;
  // A rate column (增减(%), 增长率) holds shares, printed with or without %:
  // read as its table's cells, never money.
  if (column == kRateColumn) return;
  // An amount cell not read names its cell (table, row, column; amount 0: nothing was
  // read) and quotes its text, so the figure it should have held is not lost in silence
  // (two numbers joined in one cell by a column cut, a digit run broken by a stray glyph).
  const auto name_cell = [&] {
    findings_.back().figures.push_back(FigureRef{table.kind, row.row_code, column, 0, provenance});
  };
  if (amount.kind == AmountKind::kNotNumber) {
    AddTableFinding(findings_, "amount.unparsed", Severity::kWarning,
                    "cell '" + CollapseWhitespace(text) + "' in row '" + row.row_name +
                        "', amount column '" + column + "' of table '" + table.printed_title +
                        "' is not a number",
                    provenance, text);
    name_cell();
    return;
  }
  if (StrayOcrDigits(grid, c, *cell, text)) {
    AddTableFinding(findings_, "amount.unparsed", Severity::kWarning,
                    "cell '" + text + "' in row '" + row.row_name + "', amount column '" + column +
                        "' of table '" + table.printed_title +
                        "' is not read: one or two bare digits among amounts printed with two "
                        "decimals, a scan's stray mark or a row number, not money",
                    provenance, text);
    name_cell();
    return;
  }
  if (std::optional<Figure> figure =
          FigureOfCell(table, row, column, text, amount, provenance, table_index, findings_)) {
    row.values.push_back(std::move(*figure));
  }
}

// An OCR'd cell printing one or two bare digits in a grid column whose amounts print two
// decimals: a stray mark read as a digit, or a 行次 number that slid into the amount column
// (五、其他收入 | 1 on s3w_0082's summary, read as 1.00 yuan, which the identity repair then
// "corrected" 462,106.97 to 462,105.97 to fit; 4 on s3w_0058's fiscal summary, read as
// 40,000.00). No table prints money so: it is not read, and its cell is named. A bare 0 is
// zero, though: publishers print 0 for 0.00, OCR drops a zero's .00 (购房补贴 | 0 on
// sh_putuo_justice's scan), and no 行次 is 0.
bool RowReader::StrayOcrDigits(const Table& grid, int c, const TableCell& cell,
                               const std::string& text) {
  if (cell.provenance.origin != TextOrigin::kOcr || text.empty() || text.size() > 2) return false;
  if (!std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return false;
  }
  if (std::all_of(text.begin(), text.end(), [](char ch) { return ch == '0'; })) return false;
  constexpr int kAmountsThatShowIt = 2;
  int two_decimals = 0;  // in the cell's column
  int integers = 0;      // in the cell's column, the cell aside
  int elsewhere = 0;     // with two decimals, in the grid's other columns
  for (int r = 0; r < grid.row_count; ++r) {
    for (int k = 0; k < grid.column_count; ++k) {
      if (r == cell.row && k == cell.column) continue;
      const AmountText other = ParseAmountText(Trim(grid.TextAt(r, k)));
      if (other.kind != AmountKind::kNumber || other.percent) continue;
      if (other.decimals == 2) ++(k == c ? two_decimals : elsewhere);
      if (other.decimals == 0 && k == c) ++integers;
    }
  }
  // A column with one amount on this part of the table (a summary's income side: 35,574.42
  // over 二、政府性基金预算拨款收入 | 8, the expenditure side's 行次 slid left, H11 s3w_0172's
  // first page; its totals are on the next) shows it with the grid's other columns, unless it
  // prints integers too.
  return two_decimals >= kAmountsThatShowIt ||
         (two_decimals >= 1 && integers == 0 && elsewhere >= kAmountsThatShowIt);
}

}  // namespace disclose
