// Word boxes drawn to their ink before the page's glyphs are made (extract/ocr/word_ink.h).
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <vector>

#include "extract/ocr/word_ink.h"

namespace disclose::ocr {
namespace {

// A 1 bpp page 200 x 60 with ink in columns [x0, x1) of rows 20-39, per span.
struct Span {
  int x0, x1;
};
Pix* PageWithInk(const std::vector<Span>& spans) {
  Pix* pix = pixCreate(200, 60, 1);
  for (const Span& span : spans)
    pixRasterop(pix, span.x0, 20, span.x1 - span.x0, 20, PIX_SET, nullptr, 0, 0);
  return pix;
}

Symbol SymbolOfWord(int word, int x0, int x1, bool horizontal = true) {
  Symbol symbol;
  symbol.text = "预";
  symbol.word = word;
  symbol.word_x0 = symbol.x0 = x0;
  symbol.word_x1 = symbol.x1 = x1;
  symbol.y0 = symbol.line_top = 18;
  symbol.y1 = symbol.line_bottom = 42;
  symbol.horizontal_line = horizontal;
  return symbol;
}

// Tesseract boxed a label's last character over the white up to the amount of the next cell
// (H25 s3w_0397_final: "预" 18 pt wide of its ink); the glyphs of both touched and the row was
// lost. The box shrinks to its ink; it never grows, a box with no ink and a vertical line's
// word keep theirs, and a lone speck (one pixel a column) is no ink.
TEST(WordInkTest, WordBoxShrinksToItsInk) {
  struct Case {
    const char* name;
    std::vector<Span> ink;
    int x0, x1;  // the word box as read
    bool horizontal;
    int want_x0, want_x1;  // after the step
  };
  const std::vector<Case> cases = {
      {"white right of the print", {{40, 60}}, 40, 90, true, 40, 60},
      {"white both sides", {{40, 60}}, 30, 90, true, 40, 60},
      {"ink reaches the edges", {{40, 60}}, 45, 55, true, 45, 55},
      {"no ink", {{120, 140}}, 40, 90, true, 40, 90},
      {"vertical line", {{40, 60}}, 40, 90, false, 40, 90},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Pix* pix = PageWithInk(c.ink);
    std::vector<Symbol> symbols = {SymbolOfWord(0, c.x0, c.x1, c.horizontal)};
    TrimWordsToInk(pix, symbols);
    pixDestroy(&pix);
    EXPECT_EQ(symbols[0].word_x0, c.want_x0);
    EXPECT_EQ(symbols[0].word_x1, c.want_x1);
    EXPECT_GE(symbols[0].x0, symbols[0].word_x0);
    EXPECT_LE(symbols[0].x1, symbols[0].word_x1);
  }
  // A speck: one ink pixel in a column beside the print is not ink.
  Pix* pix = PageWithInk({{40, 60}});
  pixSetPixel(pix, 80, 30, 1);
  std::vector<Symbol> symbols = {SymbolOfWord(0, 40, 90)};
  TrimWordsToInk(pix, symbols);
  pixDestroy(&pix);
  EXPECT_EQ(symbols[0].word_x1, 60);
}

}  // namespace
}  // namespace disclose::ocr
