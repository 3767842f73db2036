// Private to normalize/: part of stage 5 of the table pipeline (table_stages.h), the total row
// of an OCR'd table whose 合计 label the scan misread. A scan reads 合计 as 合让, 台计 or nothing,
// and the row, keyed by no label, is exported uncoded while the identities that close on it
// (sum.total) are not checked. Its amounts still say what it is: in every column it prints the
// sum of the table's top rows.
//
//   类 rows 201 | 5.00 | 3.00   and 208 | 4.00 | 1.00,   an uncoded row "台让" | 9.00 | 4.00
//   -> KeyOcrTotalRowBySums(table) is the 台让 row; it and its figures are keyed "total"
#pragma once

#include <vector>

#include "core/normalized.h"

namespace disclose {

// Keys as `total` the one uncoded row of an OCR'd table, with no total row, whose every figure
// is the sum of the top rows' (the shortest codes, 类 rows or a flat list's 项 rows; under one
// top row only a label keeping 合, 计 or 总) in its column, in two columns at least or in a
// table's only column; or in all columns but one, three at least holding (a cell above
// misread). Returns that row (nullptr when none is keyed).
const CanonicalRow* KeyOcrTotalRowBySums(CanonicalTable& table);

// A summary's (收入支出总表, 财政拨款收支总表) total whose label the scan misread (支出总计 read
// 着计, 到出忌计 or 支出): its side's total is printed on the line of the other side's, and
// equals it. Keys as `expenditure.grand_total` (or `income.…`, or `….total_current_year`) the
// one uncoded row of an OCR'd summary printed on the source line of the other side's keyed
// grand total (or this year's total), on other columns, whose largest figure equals that
// total, when its own side has no such row. Returns the rows keyed.
std::vector<const CanonicalRow*> KeyOcrSummaryTotalsByTheOtherSide(CanonicalTable& table);

}  // namespace disclose
