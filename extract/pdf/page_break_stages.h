// Private to extract/pdf: the stages of RejoinTableAcrossPageBreak (page_break_tables.h), which
// reads a table without rules cut by a page break as one table over both sides.
//
// One file per stage, each taking what the one before found:
//   1. page_break_lines.cc: the text lines of some glyphs of a page and what a line can be (a
//      header line, a caption, the rest of a label or of an amount the break cut), and a line's
//      pieces (GlyphLines, Pieces, RepeatsLine, …);
//   2. page_break_sides.cc: which glyphs of each page are read again: the band at the upper
//      page's foot and the lower page's top, the tables there that may continue, the header the
//      lower page repeats (SelectSide);
//   3. page_break_rests.cc: the rest of a row or a header the break cut, printed at the lower
//      page's top, under a repeated header or not (RestOnTop, CompleteRowCutUnderRepeatedHeader);
//   4. page_break_tables.cc: the two sides laid one under the other, read by the unruled
//      detector, and the table found cut back into one part per page (Rejoin).
//
//   Side top = SelectSide(upper_content, upper, true);
//   Side bottom = SelectSide(lower_content, lower, false, upper_lines);
//   bool tight = RestOnTop(upper_content, top.glyphs, upper_bottom, lower_content,
//                          bottom.glyphs, lower_top);
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf::page_break {

// Free lines further from the break than this share of the page are not
// fragments of a table cut by it: a header and two rows take a few lines.
constexpr double kFragmentBand = 0.5;

// A table's header takes at most this many lines (kMaxHeaderRows of the
// unruled detector, each on a line of its own).
constexpr std::size_t kMaxHeaderLinesAbove = 5;

// The lines of a label cell cut by the break, at most (a narrow cell wraps 二、政府性基金预算
// 财政拨款 over four lines).
constexpr std::size_t kMaxRestLines = 3;

inline double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

inline bool Inside(const Box& outer, double x, double y) {
  return x >= outer.x0 - 0.5 && x <= outer.x1 + 0.5 && y >= outer.y0 - 0.5 && y <= outer.y1 + 0.5;
}

inline Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

// One side of the break: the glyphs read again and the table they may extend.
struct Side {
  std::vector<int> glyphs;  // indices into the page's glyphs
  int table = -1;           // index into the analysis' tables, or -1
  bool free_lines = false;  // some glyph no table held
  double from = -1e18;      // the band read again, in page y
  // Lower page only: the lines above its first table that repeat the upper
  // page's foot (a title and header Word repeats on each page, w:tblHeader).
  std::vector<Box> repeated;
};

// One text line of some glyphs of a page (GlyphLines).
struct GlyphLine {
  Box box;
  std::string text;  // whitespace removed
  // Words further apart than a column gap (a header over several columns)
  // and no digit: a header line, never the wrapped rest of a label (one
  // cell) nor a row (its amounts).
  bool header_like = false;
};

// A line's glyphs grouped into pieces, left to right: a gap wider than
// `gap` starts a new piece (one cell's text is set tight).
struct TextPiece {
  std::string text;
  Box box;
};

// page_break_lines.cc

std::vector<bool> ConsumedGlyphs(const PageContent& content, const PageAnalysis& analysis);

bool IsFurniture(const PageAnalysis& analysis, const Glyph& glyph);

// The lines of the upper page's band, whitespace removed: what a repeated
// header on the lower page repeats.
std::vector<std::string> BandLines(const PageAnalysis& analysis, double from);

// The text lines (by vertical overlap) of some glyphs of a page, top to
// bottom, with their boxes. Paragraphs are no help here: the layout may join
// a repeated header line and the first row under it.
std::vector<GlyphLine> GlyphLines(const PageContent& content, std::vector<int> glyphs);

// Whether a line (whitespace removed) prints an amount: a digit, then a
// separator or a decimal point, then a digit.
bool HasAmountText(const std::string& text);

// `lines` (GlyphLines, top to bottom) without the wrapped rests of amounts:
// a line of digits, points and commas only set tight (under half a line)
// under a line that prints digits, as a cell's second line is.
std::vector<GlyphLine> WithoutAmountRests(const std::vector<GlyphLine>& lines);

// A title (…表) or a unit line: what starts a table, never a header's line.
// Two titles of one document differ by a word or two (收入总表, 支出总表).
bool IsCaptionText(const std::string& text);

// Whether an OCR'd line (whitespace removed) is a header line printed again
// from `lines` (sorted) with a few characters misread: six or more
// characters, no amount, no caption, and three quarters of them, in order,
// those of one line (the longest common subsequence).
bool RepeatsLine(const std::string& text, const std::vector<std::string>& lines);

// Whether `text` (whitespace removed) is two lines of `lines` (sorted) drawn over one another:
// LibreOffice draws a repeated header's rows at one y (科目编码 … 项目支出 and 栏次 1 2 3), and
// their glyphs make one line, interleaved (栏科次目编码科目名称本1年支出合计…, s31w_0075_budget):
// the same characters as the two lines together, in another order.
bool RepeatsTwoLinesDrawnOverOneAnother(const std::string& text,
                                        const std::vector<std::string>& lines);

// Past `from`, the index after the lines that each repeat a line of `upper_lines` with a few
// characters misread (RepeatsLine): an OCR'd repeated header's lines read a little differently
// under the ones read as printed (项目 金额 … 人金额 under 附表1 and its title, H25
// s3w_0391_final).
std::size_t PastMisreadRepeats(const std::vector<GlyphLine>& lines, std::size_t from,
                               const std::vector<std::string>& upper_lines);

// A line that can only be the wrapped rest of a label cut by the break: a
// few characters, no digit (a row, a title or a note is longer or has one).
bool IsLabelRest(const std::string& text);

// Past `from`, the index after the lines set tight under the repeated header (the rest of one of
// its cells, wrapped), each a few characters and no digit: the header's last line read
// differently on each page (款 of 政府性基金预算财政拨款, read 3了人 above the break), which is
// no line of the upper band and sat between the rows, ending the run (H31 s3w_0487_final). The
// rest of a label the break cut is a row's, further down than a cell's line pitch.
std::size_t PastWrappedHeaderCells(const std::vector<GlyphLine>& lines, std::size_t from);

// Whether lines[from..] are the rest of one label the break cut, wrapped over one to
// kMaxRestLines lines of its narrow cell (二、政府性基金预算财 at the foot, 政拨款收入 under
// the repeated header at the top): each a cell's line (IsCellLineRest), flush with the first.
bool AreRestsOfACutLabel(const std::vector<GlyphLine>& lines, std::size_t from);

std::vector<TextPiece> Pieces(std::vector<const Glyph*> glyphs, double gap);

// page_break_sides.cc

// The upper page's foot (upper == true) or the lower page's top; `upper_lines`
// are the upper band's lines (BandLines), for the lower page.
Side SelectSide(const PageContent& content, const PageAnalysis& analysis, bool upper,
                const std::vector<std::string>& upper_lines = {}, bool rest_on_top = false);

// page_break_rests.cc

// Whether the lower side's first line is digit pieces only ("9", ".73",
// "583.75"), each under a digit or point of the upper side's last line: the
// rest of amounts wrapped in their cells, cut from them by the page break;
// or the rest of a whole row, its label's wrapped words too (RowRestOnTop);
// or the rest of a header line (HeaderRestOnTop).
bool RestOnTop(const PageContent& upper_content, const std::vector<int>& upper_glyphs,
               double upper_bottom, const PageContent& lower_content,
               const std::vector<int>& lower_glyphs, double lower_top);

// A table's last row at the page foot whose amounts wrapped in narrow cells,
// the rests printed at the top of the next page under the table's repeated
// header (`合计 71,317,314.2` | header | `4 4`, s2w_0136_final): the repeated
// header keeps the rests from being laid under their heads, and no row below
// them makes a part for RejoinTableAcrossPageBreak, so the rests stayed a
// paragraph and the row read 71,317,314.20. The first lines of the lower page
// above any table, down to a line of digit pieces only, carry no amount; the
// pieces are as many as the cut cells of the upper page's last table's last
// row (nothing under it on its page), each ends within the cell it completes,
// and each head with its rest is a well-formed amount. Then the rests join
// their cells, as MarkAmountTails joins them within a page, and the line goes
// to the furniture. Rests that all start with the point (.48 .48) complete
// the cells printing whole numbers instead (27,465, s19w_0065_final).
bool CompleteRowCutUnderRepeatedHeader(PageAnalysis& upper, const PageContent& lower_content,
                                       PageAnalysis& lower);

}  // namespace disclose::pdf::page_break
