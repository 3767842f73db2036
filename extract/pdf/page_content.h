// Private to extract/pdf: what the Poppler output device collects from one
// page, before layout analysis. Coordinates are PDF points in the displayed
// page (after /Rotate and the CTM), origin top-left, y down.
//
// page_collector.cc fills PageContent from Poppler; table_detector.cc and
// layout.cc turn it into Blocks. No Poppler type appears here, so the layout
// code is testable with hand-built pages.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace disclose::pdf {

struct Glyph {
  std::string text;      // UTF-8 of the glyph (may be several code points for ligatures)
  Box box;               // glyph cell: x from origin to advance, y from ascent to descent
  double font_size = 0;  // in points, after the text matrix and CTM
  std::string font_name;
  bool undecodable = false;  // no Unicode mapping, private use, or U+FFFD
  int rotation = 0;          // 0 for horizontal text; 90/180/270 for rotated text runs
  int confidence = -1;       // OCR only: the recognizer's confidence, 0-100
};

// A stroked line or a thin filled rectangle that may be a table rule.
struct Rule {
  Box box;  // degenerate boxes allowed (x0 == x1 for vertical strokes)
  bool horizontal() const { return box.width() >= box.height(); }
};

// Caps that keep one page bounded; what they cut is counted and reported as a
// page_truncated warning, never dropped in silence.
inline constexpr std::size_t kMaxGlyphsPerPage = 200000;
inline constexpr std::size_t kMaxRulesPerPage = 50000;
// Past this many rules a page is a chart or a hatch: its text is read, its rules
// are not searched for tables (the search is quadratic).
inline constexpr std::size_t kMaxRulesForTables = 5000;

struct PageContent {
  Page page;  // number, size, rotation, glyph counts
  std::vector<Glyph> glyphs;
  std::vector<Rule> rules;
  int dropped_glyphs = 0;  // past kMaxGlyphsPerPage
  int dropped_rules = 0;   // past kMaxRulesPerPage
  // Images drawn on the page: how many, and the displayed area (points^2) and
  // resolution (pixels per inch) of the largest one, 0 when none. The OCR
  // reader renders a page that is one image at that image's own resolution.
  int image_count = 0;
  double largest_image_area = 0;
  double largest_image_ppi = 0;
};

// A table found on a page, in page coordinates, before it becomes a Block.
struct DetectedTable {
  Table table;  // cells with provenance.page and provenance.box set
  Box box;
  std::vector<int> glyph_indices;  // glyphs consumed by the table (not paragraph text)
  // Cells the detector could not place with confidence (code, message, box);
  // the reader reports them as document warnings instead of guessing silently.
  std::vector<Warning> warnings;
};

// table_detector.cc: ruled tables from rules (merged cells from missing inner
// borders), then unruled ones from text alignment among the glyphs left.
std::vector<DetectedTable> DetectTables(const PageContent& page);

// unruled_tables.cc: tables drawn without inner rules (three-line tables, or
// none at all), from glyphs whose `glyph_taken` flag is 0; sets the flags of
// the glyphs it uses. Columns come from the right edges of amounts (figures
// are right-aligned), rows from text lines; a label line with no figure
// between two rows continues the row above.
std::vector<DetectedTable> DetectUnruledTables(const PageContent& page,
                                               std::vector<char>& glyph_taken);

// A cell's glyphs joined into text: lines top to bottom, left to right, a
// space between Latin/digit runs only at a real gap.
std::string CellText(const PageContent& page, std::vector<int> glyph_indices);

}  // namespace disclose::pdf
