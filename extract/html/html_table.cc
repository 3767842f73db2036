// The HTML table model on the document model's anchor grid: each cell takes
// the first column of its row that no rowspan from above has taken. Markup
// can declare any span, so spans are clamped (colspan to the columns still
// free before the next taken slot, rowspan to the rows that exist) and the
// result always satisfies ValidateDocument.
#include <algorithm>
#include <utility>

#include "extract/grid/anchor_grid.h"
#include "extract/html/html_internal.h"

namespace disclose::html {
namespace {

// Wider than any real fiscal table; keeps a lying colspan from blowing up memory.
constexpr int kMaxColumns = 256;

}  // namespace

GridTable BuildGrid(const RawTable& raw) {
  GridTable built;
  Table& table = built.table;
  const int row_count = static_cast<int>(raw.rows.size());
  // covered_until[c]: the last row a rowspan anchored above reaches in column c.
  std::vector<int> covered_until;
  std::vector<TableCell> anchors;
  int column_count = 0;
  built.anchor_of.resize(raw.rows.size());
  for (int r = 0; r < row_count; ++r) {
    auto& anchor_of = built.anchor_of[static_cast<std::size_t>(r)];
    int column = 0;
    for (const RawCell& cell : raw.rows[static_cast<std::size_t>(r)].cells) {
      while (column < static_cast<int>(covered_until.size()) &&
             covered_until[static_cast<std::size_t>(column)] >= r) {
        ++column;
      }
      if (column >= kMaxColumns) {
        // No room left: fold the text into the row's last anchor rather than lose it.
        if (!anchors.empty() && anchors.back().row == r) {
          if (!cell.text.empty()) {
            if (!anchors.back().text.empty()) anchors.back().text += '\n';
            anchors.back().text += cell.text;
          }
          anchor_of.emplace_back(anchors.back().row, anchors.back().column);
        } else {
          anchor_of.emplace_back(-1, -1);
        }
        continue;
      }
      int span = std::clamp(cell.column_span, 1, kMaxColumns - column);
      for (int k = 1; k < span; ++k) {
        const int c = column + k;
        if (c < static_cast<int>(covered_until.size()) &&
            covered_until[static_cast<std::size_t>(c)] >= r) {
          span = k;  // a rowspan from above holds this slot
          break;
        }
      }
      const int rows_left = row_count - r;
      const int row_span = cell.row_span <= 0 ? rows_left : std::clamp(cell.row_span, 1, rows_left);
      if (static_cast<int>(covered_until.size()) < column + span) {
        covered_until.resize(static_cast<std::size_t>(column + span), -1);
      }
      for (int c = column; c < column + span; ++c) {
        covered_until[static_cast<std::size_t>(c)] = r + row_span - 1;
      }
      TableCell anchor;
      anchor.row = r;
      anchor.column = column;
      anchor.row_span = row_span;
      anchor.column_span = span;
      anchor.text = cell.text;
      anchor.provenance.line = cell.line;
      anchors.push_back(std::move(anchor));
      anchor_of.emplace_back(r, column);
      column += span;
      column_count = std::max(column_count, column);
    }
  }
  table.row_count = row_count;
  table.column_count = column_count;

  // Anchors are row-major already (rows in order, columns rising within a
  // row). Pad every slot no anchor covers so each grid position has a cell.
  table.cells = grid::PadAnchorGrid(std::move(anchors), row_count, column_count);
  return built;
}

}  // namespace disclose::html
