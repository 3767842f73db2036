// Private to normalize/: the last digits of amounts wrapped in narrow cells of an OCR'd grid,
// read as a row of their own, put back on the amounts they end. A scan of a table whose amount
// columns are narrow prints 59,097.00 as 59,097. over 00 and 8,852,214.02 as 8,852,214.0 over 2;
// when the row finder cuts between the two lines, the grid gets a row of rests (| 00 | 00 |) under
// a row of cut amounts that no reader takes, and the figures are lost (A s3w_0074's fiscal
// summary, H8 s3w_0113's).
//
//   Document joined = WithWrappedRestRowsJoined(document);  // OCR'd grids only
//
// A row is a rest row when every cell that holds digits holds one or two digits alone, each
// under a cut amount (digits and separators ending in a point, a comma read for the point, or
// one decimal) that reads, with it, as an amount with two decimals, and its other cells hold a
// few words at most (a label's wrapped end: 款, 计). Each cut amount takes its rest, each label
// its end, and the rest row is emptied. Anything else stays as read.
#pragma once

#include "core/document.h"

namespace disclose {

// Whether `table`'s row `r` is a rest row of row `r - 1`; when it is, its rests and words are
// joined to the cells above and its cells emptied.
bool JoinWrappedRestRow(Table& table, int r);

// A copy of `document` with every OCR'd grid's rest rows joined (JoinWrappedRestRow); the
// same blocks, so every provenance still points into `document`.
Document WithWrappedRestRowsJoined(const Document& document);

}  // namespace disclose
