// Private to extract/: the last step every reader of marked-up tables (DOCX, HTML) shares:
// turning the anchors it built, row-major, into the model's full grid, where every position
// belongs to exactly one cell. Holes (Word's gridBefore, short rows, HTML rows with fewer
// cells) become empty anchors, so the normalizer never sees a column that silently shifts.
//
//   std::vector<TableCell> anchors = ...;          // row-major, spans already clamped
//   table.row_count = rows; table.column_count = columns;
//   table.cells = grid::PadAnchorGrid(std::move(anchors), rows, columns);
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "core/document.h"

namespace disclose::grid {

// Above this area a grid is not padded (hostile spans would otherwise cost memory); the
// anchors are returned as they are, which still satisfies ValidateDocument.
inline constexpr long kMaxPaddedArea = 1'000'000;

// `anchors` must be row-major with columns rising within a row and spans inside the grid.
std::vector<TableCell> PadAnchorGrid(std::vector<TableCell> anchors, int row_count,
                                     int column_count);

// For each raw row of the markup, for each raw cell: the (row, column) of the anchor holding it.
using RawAnchors = std::vector<std::vector<std::pair<int, int>>>;

// The anchor holding raw cell `cell` of raw row `row` (where a nested table's markup says it
// sits), or nullopt when that position is outside the table the markup built.
std::optional<std::pair<int, int>> AnchorOfRawCell(const RawAnchors& anchor_of, int row, int cell);

}  // namespace disclose::grid
