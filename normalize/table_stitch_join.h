// Private to the stitch stage (table_stitch.cc): whether two grids printed
// on either side of a page break share a row cut in two, and the grid they
// make stacked.
//
//   CellHalvesJoin("3,27 9,76", "1.42", 2)  -> true  (3,279,761.42)
//   CellHalvesJoin("210150", "1", 0)        -> true  (a 7-digit code)
//   RowHalvesJoin(upper, last_row, lower, first_body_row)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"
#include "normalize/tables.h"

namespace disclose {

// Whether `upper` (end of a page) and `lower` (top of the next) are the two
// halves of one cell: an amount whole only when joined ("3,27 9,76" + "1.42",
// "387," + "070.00", or "5.9" + "6" in a table whose amounts print
// `table_decimals` places), or a class code of a valid length only when joined
// ("210150" + "1").
bool CellHalvesJoin(std::string_view upper, std::string_view lower, int table_decimals);

// A code piece cut by the page: fewer digits above than the column's codes
// print ("0" | "5" where 款 prints two digits), exactly that many joined.
bool CodePieceHalvesJoin(std::string_view upper, std::string_view lower, std::size_t digits);

// In a table of one label group before its amounts, a row printing neither
// a name nor its 类 under a row that prints both is no row of its own: it is
// the rest of that row ("201 | 3 | 0 | 宗教事务 | 2.2" / " | 4 | 4 | | 0").
bool IsNamelessFragment(const HeaderAnalysis& header, const Table& upper, int upper_row,
                        const Table& lower, int lower_row);

// Whether row `upper_row` of `upper` and row `lower_row` of `lower` are
// halves of one row: every filled cell below has a cell above with the same
// anchor column, and some cell proves the join (CellHalvesJoin,
// CodePieceHalvesJoin), or each filled cell below is a name fragment completing
// the name above it, or `lower_is_fragment` (IsNamelessFragment).
bool RowHalvesJoin(const Table& upper, int upper_row, const Table& lower, int lower_row,
                   bool lower_is_fragment = false);

// Columns the header gives an amount key whose body prints names, not
// numbers: a header joined across a row that was no cut ("财政拨款收入" over
// "项目" read as one word keys the label column).
int TextColumnsKeyed(const Table& table, const HeaderAnalysis& header);

// `above` with `below`, the rest a page break or a wrapped cell cut from it, on a line of its
// own. On a scan the point the cut followed may be read as a comma (784,902， over 99, H42
// s3w_0666_final): after a whole amount grouped by threes, a comma then one or two digits is no
// thousands group but the decimals, and the point is put back; read as printed, the amount was
// taken digit for digit (78,490,299). A text layer's halves are joined as printed.
//
//   JoinedHalves("784,902，", "99", true)  -> "784,902.\n99"
//   JoinedHalves("3,27", "9.00", true)     -> "3,27\n9.00"
std::string JoinedHalves(std::string_view above, std::string_view below, bool ocr);

// `lower`'s rows under `upper`'s.
Table StackTables(const Table& upper, const Table& lower);

// The stack with the lower part's first row joined into the upper part's
// last where the page cut a cell: a cell of the lower first row spanning the
// same columns as the upper cell above it is that cell's second half. Cells
// that subdivide the one above (小计 | 其中：教育收费 under 事业收入) start
// the next header row, which the joined cells then span. nullopt when no
// cell joins.
std::optional<Table> TryStackJoiningBoundaryRow(const Table& upper, const Table& lower);

}  // namespace disclose
