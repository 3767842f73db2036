// Private to extract/ocr: Tesseract's symbols made the glyphs a text layer
// would give, so the page goes through the same table detector and layout as
// a text page. Marks the engine invents or garbles are put right or dropped
// first, since a stray quote or a doubled point makes a figure no number to
// the table detector.
//
//   std::vector<Symbol> symbols = engine.RecognizePage(image, dpi, deadline);
//   ocr::DropStrayMarks(symbols);
//   ocr::NormalizeAmountWords(symbols);
//   content.glyphs = ocr::ToGlyphs(symbols, 72.0 / dpi);
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/document.h"
#include "extract/ocr/ocr_engine.h"
#include "extract/pdf/page_content.h"

namespace disclose::ocr {

// The height an OCR glyph is given, from its text line's band (Tesseract's
// line box, in points). The band is drawn tight to the ink: 0.83-0.96 em
// measured (9 pt Noto Serif and 12 pt Noto Sans CJK at 200 dpi), where a text
// layer's glyph box spans ascent to descent, 1.0-1.3 em. Read as the glyph box
// and 0.9 of it as the em (as it was), the gap between a cell's wrapped lines
// (pitch 1.45-1.7 em) measured 0.6-0.75 of a line's height, over the half that
// tells a wrapped label or amount from a new row (unruled_stages.h,
// kWrapGapLines): every wrapped cell of an unruled or three-line scan was cut
// into rows, and its header lines into paragraphs. So the em is the band over
// kBandPerEm, and the box kGlyphBoxEm em tall about the band's middle, as a
// text layer draws it.
//
//   GlyphHeight h = GlyphHeightOfBand(100.0, 111.5);   // 12 pt print
//   // h.em ~ 12.8, h.y1 - h.y0 ~ 15.3
constexpr double kBandPerEm = 0.9;
constexpr double kGlyphBoxEm = 1.2;
struct GlyphHeight {
  double y0 = 0, y1 = 0;  // the glyph box's top and bottom
  double em = 0;          // the font size
};
GlyphHeight GlyphHeightOfBand(double top, double bottom);

// The band (ink) of a glyph box GlyphHeightOfBand made, for cutting a cell of
// a table without rules out of the image as tight as its print.
Box InkBoxOfGlyphBox(const Box& box);

// The end of the text line that starts at `begin`: the symbols after it that
// share its line box (the engine gives every symbol of a line the same one).
std::size_t LineEnd(const std::vector<Symbol>& symbols, std::size_t begin);

// Symbols (pixels) as glyphs (points, `scale` = 72 / dpi), sharing their
// line's band, so layout groups them as the text layer's glyphs. Each word's
// box is shared among its characters by their set widths: the LSTM engine's
// character boxes are too narrow (gaps that layout would read as spaces inside
// a CJK word) and may overlap (which the fake-bold filter would take for a
// re-struck "00").
std::vector<pdf::Glyph> ToGlyphs(const std::vector<Symbol>& unordered, double scale);

// Words of digits and marks the amount grammar puts right ("44,.996.67" ->
// "44,996.67", "13.205.30" -> "13,205.30") are written as it reads them
// before tables are looked for: with a doubled or misread mark a figure is no
// number to the table detector (two points), and its row no row of a table
// without rules (its first row was lost so). Each character of the reading
// takes the word's box and its least confidence.
void NormalizeAmountWords(std::vector<Symbol>& symbols);

// Quotes no other quote of the line pairs with, square brackets stuck to a
// figure, and bars, at a word's edge, are dropped: the LSTM reads a closing
// quote before a word that follows a wide gap ("306,359.68 ”城乡社区支出", with
// no ink where the quote is), a speck before an amount as ']'
// ("]184,067.79") or an opening quote ("拨款“875,287.", inside the word too),
// and a rule's remnant as '|'. Such a mark bridged the gap
// between an amount and the label of the next cell, and made both one chunk
// that is no figure. ("“三公”经费" keeps its quotes: they pair.)
void DropStrayMarks(std::vector<Symbol>& symbols);

// The page's text line height in pixels: the median over its symbols on horizontal lines of
// their line's height, at least 4; nothing when no symbol is on one.
std::optional<int> PageLineHeight(const std::vector<Symbol>& symbols);

// On an upright page, a text line taller than wide and over kStackedLines of the page's lines
// tall is a column of characters set one under another that the engine read as one line: a list's
// ordinals 二 三 四 五, each before its own entry, read 凡耳II with a box over four lines (H25
// s3w_0390_final). Laid out with the line its centre fell on, it put that entry first and the
// list's order wrong. Its symbols are dropped before the page's leftover print is read piece by
// piece (ReadDroppedText), which reads such characters one at a time.
//
//   DropStackedLines(symbols);  // before DropInkReadTwice and ReadDroppedText
constexpr double kStackedLines = 2.5;
void DropStackedLines(std::vector<Symbol>& symbols);

}  // namespace disclose::ocr
