// Private to extract: a table without rules cut by a page break between two
// OCR'd pages, read as one table over both sides, as the text layer's pages
// are (extract/pdf/page_break_tables.h), with what OCR read of each cell kept.
//
// The join lays the lines either side of the break one under the other and
// runs the unruled detector on them again: its cells are built from the page
// pass's glyphs, and the page's paragraphs are laid out again. On an OCR'd
// page the cells had been read again one by one (digits only for amounts) and
// marked with their origin and confidence; here every cell the join kept
// (same page, same box) gets its reading back, a cell the join made (a row
// that had been a paragraph) is marked as OCR with its glyphs' least
// confidence, and the paragraphs as OCR with their mean.
//
//   if (ocr::RejoinOcrTableAcrossPageBreak(upper_content, upper, lower_content, lower)) {
//     // upper.tables.back() continues as lower.tables.front()
//   }
#pragma once

#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"

namespace disclose::ocr {

// Whether a table was found across the break between `upper` and `lower`,
// both read by OCR (RejoinTableAcrossPageBreak's contract otherwise).
bool RejoinOcrTableAcrossPageBreak(const pdf::PageContent& upper_content, pdf::PageAnalysis& upper,
                                   const pdf::PageContent& lower_content, pdf::PageAnalysis& lower);

}  // namespace disclose::ocr
