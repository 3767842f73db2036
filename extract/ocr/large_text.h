// Private to extract/ocr: the large print (a cover's title, a chapter heading)
// read again as single lines. Tesseract's page layout analysis cuts print
// several times its usual size into pieces and reads them out of context: a
// 31 pt cover title "2026年烟台市统计局部门预算" came out as "20265 合 和统计局部门
// 预算", though the same pixels read right as one line. The title is where a
// document names its department and year, so such a line is read again whole,
// at the size the recogniser is trained for, and the better reading kept.
//
//   std::vector<Symbol> symbols = engine.RecognizePage(text_image, 300, deadline);
//   RereadLargeLines(engine, text_image, gray, 300, symbols);   // replaces in place
#pragma once

#include <vector>

#include "extract/ocr/ocr_engine.h"

struct Pix;

namespace disclose::ocr {

// A text line this tall or taller, in inches, is large print (0.22 in is
// about 16 pt: headings and titles, never a table's body).
constexpr double kLargeLineInches = 0.22;

// Finds the lines of large print in `text_image` (1 bpp, ink 1) from its ink,
// reads each as one line, and puts the reading in place of the symbols of
// `symbols` inside it when the reading is sure of itself. Each line is read
// from `gray`, the same page in 8-bit gray (PreparedImage::gray).
// Symbols elsewhere are untouched; new symbols number their word after the last.
void RereadLargeLines(Engine& engine, Pix* text_image, Pix* gray, int dpi,
                      std::vector<Symbol>& symbols);

}  // namespace disclose::ocr
