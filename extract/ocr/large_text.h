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
//
// chi_sim reads the Latin digits of a large serif face unreliably: a cover's
// bold 2026 came out 20256 from the page pass and 2025 from the line read whole
// (fj_fuzhou_police_civilstaff), where eng reads 2026 at every height. The year
// is what a cover is read for, so a year whose chi_sim readings disagree is
// read again, its digits alone, by eng.
#pragma once

#include <string>
#include <vector>

#include "extract/ocr/ocr_engine.h"

struct Pix;

namespace disclose::ocr {

// A text line this tall or taller, in inches, is large print (0.22 in is
// about 16 pt: headings and titles, never a table's body).
constexpr double kLargeLineInches = 0.22;

// A year in large print that chi_sim read two ways (or with a digit too many),
// settled by the second reader: where it was, in image pixels, and the readings.
struct LargeYearReading {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string page_pass;   // the page pass's digits (20256)
  std::string whole_line;  // the line read whole, "" when that reading was not kept (2025)
  std::string second;      // eng's, now the line's (2026)
};

// Finds the lines of large print in `text_image` (1 bpp, ink 1) from its ink,
// reads each as one line, and puts the reading in place of the symbols of
// `symbols` inside it when the reading is sure of itself. Each line is read
// from `gray`, the same page in 8-bit gray (PreparedImage::gray).
// Symbols elsewhere are untouched; new symbols number their word after the last.
// A year of such a line whose chi_sim readings disagree is read again by eng
// and takes its reading; each such year is returned.
std::vector<LargeYearReading> RereadLargeLines(Engine& engine, Pix* text_image, Pix* gray, int dpi,
                                               std::vector<Symbol>& symbols);

// The runs of four or five digits in `symbols` (by index, in the order given,
// left to right) that start like a year (19, 20): single-digit symbols side by
// side, no wider apart than `max_gap` pixels.
std::vector<std::vector<std::size_t>> YearLikeRuns(const std::vector<Symbol>& symbols,
                                                   const std::vector<std::size_t>& order,
                                                   int max_gap);

// Whether the two chi_sim readings of a year-like run disagree: the page pass
// read other than four digits, or the line read whole (`whole_line`, empty
// when not kept) holds another year-like run.
bool YearReadingsDisagree(const std::string& page_pass, const std::string& whole_line);

}  // namespace disclose::ocr
