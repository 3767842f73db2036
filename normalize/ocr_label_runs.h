// Private to normalize/: an amount cell of an OCR'd grid into which the next cell's label ran.
// On a scan of a summary the income side's amount and the expenditure side's label are set close
// (本年收入合计 | 7,034.77 本年支出合计 | 7,034.77): the row finder's column edge falls inside the
// label, so the amount cell reads 7,034.77本年支出合计 and the label cell 本年支出合计 again (A
// s3w_0071, H8 s3w_0118). The amount cell is no number, and the income side's 本年收入合计 is
// lost.
//
//   Document fixed = WithLabelRunsTakenOff(document);  // OCR'd grids only
//
// A cell whose text is an amount followed by exactly the text of the next non-empty cell of its
// row (words, no digit) keeps the amount alone; so does one whose text is the previous cell's
// label between digits run in from the left and its own amount. Anything else stays as read.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace disclose {

// The amount `cell` keeps when its text is an amount followed by `next` (the next cell's words);
// "" when it is not.
std::string AmountBeforeRunLabel(std::string_view cell, std::string_view next);

// The amount `cell` keeps when its text is the label of the cell before it (`previous`, words,
// no digit) between what a scan ran in from the left (the other side's cut amount, or nothing)
// and an amount: 11.0本年支出合计11.03 after 本年支出合计 (H17 s3w_0264_final) keeps 11.03; ""
// when it is not.
std::string AmountAfterRunLabel(std::string_view cell, std::string_view previous);

// A copy of `document` whose OCR'd grid cells with the next cell's label run into them keep their
// amount alone; the same blocks, so every provenance still points into `document`.
Document WithLabelRunsTakenOff(const Document& document);

}  // namespace disclose
