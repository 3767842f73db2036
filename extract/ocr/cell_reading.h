// Private to extract/ocr: the second pass over a table page read by OCR. The
// page pass reads a table's cells in context, with chi_sim and no character
// set; each amount cell (and each cell the page pass left empty or was unsure
// of) is then cut out of the image and read on its own, as one line, amounts
// with the numeric character set, and checked by a second reader. Its
// confidence goes on the cell.
//
//   const PixPtr gray_text = TextInGray(prepared.gray.get(), ruling.erased.get());
//   int not_reread = ocr::RefineAnalysis(engine, {ruling.text.get(), gray_text.get()}, dpi,
//                                        content, analysis, deadline);
#pragma once

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/ocr/ocr_engine.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"

struct Pix;

namespace disclose::ocr {

// A text line of a cell image: rows [top, bottom) and the ink in them.
struct LineBand {
  int top = 0, bottom = 0;
  int ink = 0;
};

// The text lines of a cell image from its ink per pixel row: runs of inked
// rows, with runs under half the tallest's height (the strokes of 二, a
// comma's tail) joined to the nearer neighbour. One band for a one-line cell.
std::vector<LineBand> TextLineBands(const std::vector<int>& row_ink, int dpi);

// The print under an amount cell of a table without rules that no glyph of the page holds,
// starting within a line of the cell's ink and inside its column: the rest of an amount wrapped
// in a narrow column ("4,761.0" over "4", "4.1" over "2"), which neither the page pass nor the
// pass over dropped print read (a lone digit is too little for either). `cell_ink` is the cell's
// print in points (one line); `ink` is the page's binary image without rules (ink = 1), at
// `dpi`; `glyphs` are the page's glyph boxes in points. Returns the rest's box in points, or
// nothing when there is none.
std::optional<Box> UnreadPrintBelow(Pix* ink, int dpi, const Box& cell_ink,
                                    const std::vector<Box>& glyphs);

// Whether an amount reading stops where a wrapped amount's first line does: at a mark
// ("34,533.", "12,") or one decimal into two ("4,761.0"), so that its rest may stand below.
bool MayContinueBelow(std::string_view reading);

// Whether `joined` (a cell read with the line under it, NormalizeAmountReading'd) is `first`
// completed: a well-formed amount with two decimals whose digits begin with all of first's.
bool CompletesWrappedAmount(std::string_view first, std::string_view joined);

// A page's two images of its text without rules: `ink` (binary) tells where the lines of a cell
// are, and is read where `gray` (TextInGray) is null.
struct CellImages {
  Pix* ink = nullptr;
  Pix* gray = nullptr;
};

// Reads every table cell again on its own and marks all of the page's text
// as OCR with its confidence.
// Stops reading cells again at `deadline`: past it each cell keeps the page pass's reading, and
// the count of those is returned. A table page's per-cell pass costs seconds, and the document's
// timeout must leave time for the pages after it.
int RefineAnalysis(Engine& engine, const CellImages& images, int dpi,
                   const pdf::PageContent& content, pdf::PageAnalysis& analysis,
                   std::chrono::steady_clock::time_point deadline);

// Marks a page's paragraphs and furniture as OCR'd, with their glyphs' mean
// confidence, and puts the thousands separators OCR read as points back
// (RepairSeparators). RefineAnalysis ends so; so does a page laid out again.
void MarkOcrParagraphs(const pdf::PageContent& content, pdf::PageAnalysis& analysis);

}  // namespace disclose::ocr
