// Turns a table as written in WordprocessingML (rows of cells with gridSpan,
// vMerge, gridBefore/gridAfter) into the model's anchor grid. Hostile markup
// can declare any span, so columns are capped and a continuation that does not
// line up with the cell above becomes an anchor of its own: the result always
// satisfies ValidateDocument.
#include <algorithm>
#include <utility>

#include "extract/docx/docx_internal.h"
#include "extract/grid/anchor_grid.h"

namespace disclose::docx {
namespace {

// Wider than any real fiscal table; keeps a lying gridSpan from blowing up
// memory and validation.
constexpr int kMaxColumns = 256;

int Clamp(int value, int low, int high) {
  return std::max(low, std::min(value, high));
}

}  // namespace

BuiltTable BuildTable(const RawTable& raw) {
  BuiltTable built;
  Table& table = built.table;
  const int row_count = static_cast<int>(raw.rows.size());
  std::vector<TableCell> anchors;
  // For each column: the anchor whose vertical merge is open there, and the
  // last row it reaches. A continuation in row r extends it only if it
  // reached row r - 1 and starts at the same column with the same width.
  std::vector<int> open_anchor;
  int column_count = Clamp(raw.grid_columns, 0, kMaxColumns);
  built.anchor_of.resize(raw.rows.size());
  for (int r = 0; r < row_count; ++r) {
    const RawRow& row = raw.rows[static_cast<std::size_t>(r)];
    int column = Clamp(row.grid_before, 0, kMaxColumns);
    auto& anchor_of = built.anchor_of[static_cast<std::size_t>(r)];
    for (const RawCell& cell : row.cells) {
      if (column >= kMaxColumns) {
        // No room left: fold the text into the last anchor of the row.
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
      const int span = Clamp(cell.grid_span, 1, kMaxColumns - column);
      if (static_cast<int>(open_anchor.size()) < column + span) {
        open_anchor.resize(static_cast<std::size_t>(column + span), -1);
      }
      int target = -1;
      if (cell.v_merge == RawCell::VMerge::kContinue) {
        const int candidate = open_anchor[static_cast<std::size_t>(column)];
        if (candidate >= 0) {
          const TableCell& above = anchors[static_cast<std::size_t>(candidate)];
          if (above.column == column && above.column_span == span &&
              above.row + above.row_span == r) {
            target = candidate;
          }
        }
      }
      if (target >= 0) {
        TableCell& anchor = anchors[static_cast<std::size_t>(target)];
        ++anchor.row_span;
        // Word ignores text in a continuation; keep it rather than lose it.
        if (!cell.text.empty()) {
          if (!anchor.text.empty()) anchor.text += '\n';
          anchor.text += cell.text;
        }
        anchor_of.emplace_back(anchor.row, anchor.column);
      } else {
        TableCell anchor;
        anchor.row = r;
        anchor.column = column;
        anchor.column_span = span;
        anchor.text = cell.text;
        anchors.push_back(std::move(anchor));
        target = static_cast<int>(anchors.size()) - 1;
        anchor_of.emplace_back(r, column);
      }
      // Only merge-capable cells stay open; a plain cell closes the columns.
      const bool keeps_open = cell.v_merge != RawCell::VMerge::kNone;
      for (int c = column; c < column + span; ++c) {
        open_anchor[static_cast<std::size_t>(c)] = keeps_open ? target : -1;
      }
      column += span;
    }
    // Columns this row does not reach close their merges.
    for (int c = column; c < static_cast<int>(open_anchor.size()); ++c) {
      open_anchor[static_cast<std::size_t>(c)] = -1;
    }
    for (int c = 0; c < std::min<int>(row.grid_before, static_cast<int>(open_anchor.size())); ++c) {
      open_anchor[static_cast<std::size_t>(c)] = -1;
    }
    const int width = std::min(kMaxColumns, column + Clamp(row.grid_after, 0, kMaxColumns));
    column_count = std::max(column_count, width);
  }
  table.row_count = row_count;
  table.column_count = column_count;

  // Anchors are already row-major. Pad holes (gridBefore, short rows) with
  // empty anchors so every grid position belongs to a cell.
  table.cells = grid::PadAnchorGrid(std::move(anchors), row_count, column_count);
  return built;
}

}  // namespace disclose::docx
