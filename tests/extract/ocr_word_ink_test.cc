// Word boxes drawn to their ink before the page's glyphs are made (extract/ocr/word_ink.h).
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <string>
#include <vector>

#include "core/text.h"
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

// One word of the page pass, a symbol per character: each character's box from `x0`, `width`
// pixels wide, `step` apart (the band of SymbolOfWord, 24 pixels: a gap of 16 is a cell gap).
struct Read {
  const char* text;  // one symbol a character
  int x0;
};
std::vector<Symbol> WordOf(const std::vector<Read>& parts, int width = 8, int step = 10) {
  std::vector<Symbol> symbols;
  int word_x0 = 1 << 20, word_x1 = 0;
  for (const Read& part : parts) {
    const std::vector<char32_t> text = DecodeUtf8(part.text);
    for (std::size_t i = 0; i < text.size(); ++i) {
      Symbol symbol = SymbolOfWord(7, 0, 0);
      symbol.text = EncodeUtf8(text[i]);
      symbol.x0 = part.x0 + static_cast<int>(i) * step;
      symbol.x1 = symbol.x0 + width;
      word_x0 = std::min(word_x0, symbol.x0);
      word_x1 = std::max(word_x1, symbol.x1);
      symbols.push_back(symbol);
    }
  }
  for (Symbol& symbol : symbols) {
    symbol.word_x0 = word_x0;
    symbol.word_x1 = word_x1;
  }
  return symbols;
}

// The words' texts, in order, a word's symbols sharing one index.
std::vector<std::string> WordTexts(const std::vector<Symbol>& symbols) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i == 0 || symbols[i].word != symbols[i - 1].word) words.emplace_back();
    words.back() += symbols[i].text;
  }
  return words;
}

// The page pass read an amount ending one cell and the next cell's amount as one word over the
// white between them, a mark invented in it (H31 s3w_0487_final: "1407,230.，946,595.11"); the
// table detector, grouping glyphs by the word box, made them one figure that is no amount. A gap
// in the ink a cell gap wide cuts the word; a narrower one, a word with a label's character, a
// digit read in the white, or a part of marks alone do not.
TEST(WordInkTest, AmountWordSplitsAtACellGapInItsInk) {
  struct Case {
    const char* name;
    std::vector<Read> read;
    std::vector<Span> ink;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"two amounts a cell gap apart",
       {{"12.", 10}, {",", 45}, {"34", 70}},
       {{10, 38}, {70, 88}},
       {"12.,", "34"}},
      {"gap under a cell gap", {{"12", 10}, {"34", 40}}, {{10, 28}, {40, 58}}, {"1234"}},
      {"a label's character", {{"1", 10}, {"预", 60}}, {{10, 18}, {60, 68}}, {"1预"}},
      {"a digit in the white",
       {{"12", 10}, {"5", 45}, {"34", 70}},
       {{10, 28}, {70, 88}},
       {"12534"}},
      {"marks alone on one side", {{"12", 10}, {".", 70}}, {{10, 28}, {70, 78}}, {"12."}},
      {"three amounts",
       {{"12", 10}, {"34", 60}, {"56", 110}},
       {{10, 28}, {60, 78}, {110, 128}},
       {"12", "34", "56"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Pix* pix = PageWithInk(c.ink);
    std::vector<Symbol> symbols = WordOf(c.read);
    SplitAmountWordsAtInkGaps(pix, symbols);
    pixDestroy(&pix);
    EXPECT_EQ(WordTexts(symbols), c.want);
    for (const Symbol& symbol : symbols) {
      EXPECT_LE(symbol.word_x0, symbol.x0);
      EXPECT_LT(symbol.x0, symbol.x1);
      EXPECT_LE(symbol.x1, symbol.word_x1);
    }
  }
}

// The LSTM boxed a label's last word short of its first character's print (农林水 | 支出 boxed
// 12 pt apart, 支's ink between them, H31 s3w_0483_final): the label was two chunks and its row
// was lost. Where the white between two words of text is narrower than a gap between characters
// (8 pixels on a 24-pixel band), the right word's box is drawn back to the ink between them;
// wider white, no ink, a digit in either word, or a rule erased between them (two cells of a
// ruled table, 合计 | 基本支出 read 合计基, zj_hangzhou_police p30) leave the boxes as read.
TEST(WordInkTest, WordsOfTextTouchingInPrintMeet) {
  struct Case {
    const char* name;
    const char* right_text;
    std::vector<Span> ink;
    bool rule;  // a rule's pixels were erased at column 48 between the words
    int want_right_x0;
  };
  const std::vector<Case> cases = {
      {"print between the boxes", "支出", {{10, 40}, {42, 75}}, false, 42},
      {"a cell gap of white", "支出", {{10, 40}, {52, 75}}, false, 60},
      {"no ink between", "支出", {{10, 40}, {60, 75}}, false, 60},
      {"a digit on one side", "12", {{10, 40}, {42, 75}}, false, 60},
      {"a rule between", "支出", {{10, 40}, {42, 75}}, true, 60},
  };
  Pix* rule = PageWithInk({{48, 50}});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Pix* pix = PageWithInk(c.ink);
    std::vector<Symbol> symbols = {SymbolOfWord(0, 10, 40), SymbolOfWord(1, 60, 75)};
    symbols[0].text = "水";
    symbols[1].text = c.right_text;
    JoinWordsTouchingInPrint(pix, c.rule ? rule : nullptr, symbols);
    pixDestroy(&pix);
    EXPECT_EQ(symbols[0].word_x0, 10);
    EXPECT_EQ(symbols[0].word_x1, 40);
    EXPECT_EQ(symbols[1].word_x0, c.want_right_x0);
    EXPECT_EQ(symbols[1].word_x1, 75);
  }
  pixDestroy(&rule);
}

// The LSTM read a "。" in the white between a label and the amount of the next cell (H33
// s3w_0514_budget: 一、一般公共预算拨款 。 57,860,635.62, no print there); it bridged the gap and
// the label and the amount were one cell that is no figure. A word of marks alone with no pixel in
// its box or close beside it, or between the words either side, is dropped; a mark with print
// (even one pixel row, a thin "-"), a word with a character, print just beside the box or
// between its neighbours, and a vertical line's word stay.
TEST(WordInkTest, MarksWithNoInkAreDropped) {
  struct Case {
    const char* name;
    const char* text;
    std::vector<Span> ink;  // besides the words either side, ink at [10, 40) and [120, 150)
    bool thin;              // the ink is one pixel row, not the band
    bool horizontal;
    bool dropped;
  };
  const std::vector<Case> cases = {
      {"invented full stop", "。", {}, false, true, true},
      {"invented quotes", "”“", {}, false, true, true},
      {"printed full stop", "。", {{72, 78}}, false, true, false},
      {"thin dash", "-", {{70, 80}}, true, true, false},
      {"print just beside the box", "。", {{83, 85}}, false, true, false},
      // The LSTM's box of a colon stood off its print (部门 : 江苏…, js_cppcc_2017 p1): print
      // anywhere between the words either side keeps it.
      {"print off the box, between the words", "：", {{100, 104}}, false, true, false},
      {"a character", "工", {}, false, true, false},
      {"vertical line", "。", {}, false, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Pix* pix = PageWithInk({{10, 40}, {120, 150}});
    for (const Span& span : c.ink) {
      pixRasterop(pix, span.x0, c.thin ? 30 : 20, span.x1 - span.x0, c.thin ? 1 : 20, PIX_SET,
                  nullptr, 0, 0);
    }
    std::vector<Symbol> symbols = {SymbolOfWord(0, 10, 40), SymbolOfWord(1, 70, 80, c.horizontal),
                                   SymbolOfWord(2, 120, 150)};
    symbols[1].text = c.text;
    symbols[2].text = "5";
    DropMarksWithoutInk(pix, symbols);
    pixDestroy(&pix);
    const std::vector<std::string> want = c.dropped ? std::vector<std::string>{"预", "5"}
                                                    : std::vector<std::string>{"预", c.text, "5"};
    EXPECT_EQ(WordTexts(symbols), want);
  }
}

}  // namespace
}  // namespace disclose::ocr
