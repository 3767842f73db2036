#include "extract/grid/anchor_grid.h"

#include <cstddef>
#include <utility>

namespace disclose::grid {

std::vector<TableCell> PadAnchorGrid(std::vector<TableCell> anchors, int row_count,
                                     int column_count) {
  if (static_cast<long>(row_count) * column_count > kMaxPaddedArea) return anchors;
  std::vector<TableCell> cells;
  cells.reserve(anchors.size());
  // covered_until[c]: the last row an anchor met so far reaches in column c.
  std::vector<int> covered_until(static_cast<std::size_t>(column_count), -1);
  std::size_t next = 0;
  for (int r = 0; r < row_count; ++r) {
    const std::size_t row_begin = next;
    while (next < anchors.size() && anchors[next].row == r) {
      const TableCell& anchor = anchors[next];
      for (int c = anchor.column; c < anchor.column + anchor.column_span; ++c) {
        covered_until[static_cast<std::size_t>(c)] = r + anchor.row_span - 1;
      }
      ++next;
    }
    std::size_t k = row_begin;
    for (int c = 0; c < column_count; ++c) {
      if (k < next && anchors[k].column == c) {
        cells.push_back(std::move(anchors[k]));
        ++k;
      } else if (covered_until[static_cast<std::size_t>(c)] < r) {
        TableCell pad;
        pad.row = r;
        pad.column = c;
        cells.push_back(std::move(pad));
        covered_until[static_cast<std::size_t>(c)] = r;
      }
    }
  }
  return cells;
}

std::optional<std::pair<int, int>> AnchorOfRawCell(const RawAnchors& anchor_of, int row, int cell) {
  if (row < 0 || static_cast<std::size_t>(row) >= anchor_of.size()) return std::nullopt;
  const auto& cells = anchor_of[static_cast<std::size_t>(row)];
  if (cell < 0 || static_cast<std::size_t>(cell) >= cells.size()) return std::nullopt;
  return cells[static_cast<std::size_t>(cell)];
}

}  // namespace disclose::grid
