// Private to the stitch stage (table_stitch.cc): a continuation page of a
// table read without rules, put back on the columns of the page before it.
//
// Without rules a reader finds a page's columns from what that page prints,
// so the same table reads differently on its next page: a 项 code column
// appears or vanishes, a name column indented further splits in two, an
// empty 其他收入 column is missing. The cells still sit where the table's
// one set of columns puts them, so they are placed again by position:
//
//   std::optional<Table> aligned = AlignToColumnsAbove(upper, upper_body, lower);
//   // aligned->column_count == upper.column_count, lower's cells re-placed
#pragma once

#include <optional>
#include <vector>

#include "core/document.h"

namespace disclose {

// `lower`'s cells on `upper`'s columns: a figure column goes to the column
// above whose figures end at the same x (figures are set flush right), a code
// or name column to the text column above it overlaps most. Only rows holding
// a figure (from `upper_body` on, above) say where the columns are. nullopt
// when the parts are not both unruled, when some column of `lower` has no
// place above, when the places would reorder columns or put two figure
// columns in one, or when nothing moves.
std::optional<Table> AlignToColumnsAbove(const Table& upper, int upper_body, const Table& lower);

// The same for two ruled parts: a continuation page that draws only some of
// the table's columns (the cells of a project's name and amount merged down
// from the page above leave no cell on the left: 6 of 11 columns). Each
// column of `lower` goes to the column of `upper` ruled at the same x (both
// edges within a rule's play); the columns `lower` lacks, on the left, come
// back empty. nullopt when the parts are not both ruled, `lower` has no fewer
// columns, or its columns are not the right ones of `upper`, ruled alike.
std::optional<Table> AlignRuledToColumnsAbove(const Table& upper, const Table& lower);

// `lower` with its column c moved to place[c] (ascending, a spanning cell
// over the places of its first and last column) in a grid of `column_count`
// columns; the columns no cell of a row covers get empty cells there.
Table PlaceOnColumns(const Table& lower, int column_count, const std::vector<int>& place);

}  // namespace disclose
