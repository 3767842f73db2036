// Private to extract/ocr: the print the page pass left out. Tesseract's layout
// analysis drops isolated pieces of print: the codes of a table's first column
// ("212", "220" alone at the left margin), single header words (类 款 项), an
// amount alone in its column. A ruled table finds them again (its empty cells
// with ink are read one by one); a table without rules has no cells but the
// words read, so they were lost. The ink left once every word read is taken
// out is read once more, as sparse text.
//
//   std::vector<Symbol> more = ReadDroppedText(engine, text_image, 300, symbols, deadline);
//   symbols.insert(symbols.end(), more.begin(), more.end());   // word indices follow on
#pragma once

#include <chrono>
#include <vector>

#include "extract/ocr/ocr_engine.h"

struct Pix;

namespace disclose::ocr {

// A word read in the second pass is kept when its characters average at least
// this confidence: what is left of a page is also specks, seals and the
// pieces of characters outside their words' boxes, which read as low-confidence
// noise.
constexpr int kMinDroppedWordConfidence = 70;

// Reads what of `text_image` (1 bpp, ink 1, `dpi`) no symbol of `symbols`
// covers, in pieces at least half a text line tall. Nothing when the page pass
// read nothing (an image, not text) or left nothing. The symbols returned
// number their words after the last of `symbols`.
std::vector<Symbol> ReadDroppedText(Engine& engine, Pix* text_image, int dpi,
                                    const std::vector<Symbol>& symbols,
                                    std::chrono::steady_clock::time_point deadline);

}  // namespace disclose::ocr
