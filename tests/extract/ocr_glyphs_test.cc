// The page pass's words put right before tables are looked for
// (extract/ocr/ocr_glyphs.h): amounts the grammar or a look-alike reads, and
// stray marks dropped.
#include "extract/ocr/ocr_glyphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.h"

namespace disclose::ocr {
namespace {

// One text line of words, each character a symbol 10 px wide, words 20 px apart; every
// symbol is read with `confidence`.
std::vector<Symbol> LineOfWords(const std::vector<std::string>& words, int confidence = 90) {
  std::vector<Symbol> symbols;
  int x = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const int word_x0 = x;
    const std::size_t first = symbols.size();
    for (char32_t c : DecodeUtf8(words[w])) {
      Symbol symbol;
      symbol.text = EncodeUtf8(c);
      symbol.x0 = x;
      symbol.x1 = x + 10;
      symbol.y0 = 100;
      symbol.y1 = 120;
      symbol.line_top = 100;
      symbol.line_bottom = 120;
      symbol.word = static_cast<int>(w);
      symbol.confidence = confidence;
      symbols.push_back(symbol);
      x += 10;
    }
    for (std::size_t i = first; i < symbols.size(); ++i) {
      symbols[i].word_x0 = word_x0;
      symbols[i].word_x1 = x;
    }
    x += 20;
  }
  return symbols;
}

// The line's words as read after the step, and the least confidence of each.
struct Words {
  std::vector<std::string> texts;
  std::vector<int> confidences;
};

Words WordsOf(const std::vector<Symbol>& symbols) {
  Words words;
  int word = -1;
  for (const Symbol& symbol : symbols) {
    if (words.texts.empty() || symbol.word != word) {
      words.texts.emplace_back();
      words.confidences.push_back(100);
      word = symbol.word;
    }
    words.texts.back() += symbol.text;
    words.confidences.back() = std::min(words.confidences.back(), symbol.confidence);
  }
  return words;
}

// A serif 1 the page pass read as a letter kept "I11,650.14" from being a figure, and its row
// from the table without rules (C s3w_0082_final). A word that is an amount but for one or two
// look-alikes is read with digits for them, its confidence 0 so that the cell's own reading
// wins; words that are not amounts stay as read.
TEST(OcrGlyphsTest, AmountWordsWithLookalikesReadAsDigits) {
  struct Case {
    std::string read;
    std::string want;
    bool guessed;  // confidence 0
  };
  const std::vector<Case> cases = {
      {"I11,650.14", "111,650.14", true},
      {"1Il,650.14", "111,650.14", true},
      {"4O,120.00", "40,120.00", true},
      {"了04.71", "704.71", true},
      {"44,.996.67", "44,996.67", false},  // marks only: the grammar's, as before
      {"111,650.14", "111,650.14", false},
      {"I1l,6L0.14", "I1l,6L0.14", false},  // three look-alikes: left as read
      {"2O21年", "2O21年", false},          // not an amount
      {"IL0", "IL0", false},                // no mark, few digits
      // Marks put right but for a comma lost after the first digit (H23 s3w_0358_final): a
      // figure, irregular, for the normalizer to read digit for digit and name.
      {"1178.936.67", "1178,936.67", false},
      {"1178,.936.67", "1178,936.67", false},
      {"11178.936.67", "11178.936.67", false},
      {"l01", "l01", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.read);
    std::vector<Symbol> symbols = LineOfWords({"合计", c.read});
    NormalizeAmountWords(symbols);
    const Words words = WordsOf(symbols);
    ASSERT_EQ(words.texts.size(), 2u);
    EXPECT_EQ(words.texts[0], "合计");
    EXPECT_EQ(words.texts[1], c.want);
    EXPECT_EQ(words.confidences[1] == 0, c.guessed);
  }
}

// Marks the LSTM reads where no mark is printed bridge a label and its amount into one chunk
// that is no figure: dropped when nothing in the line pairs with them.
TEST(OcrGlyphsTest, StrayMarksAreDropped) {
  struct Case {
    std::vector<std::string> read;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      // An opening quote read between a label and its amount, inside one word
      // (A s3w_0079_budget's fiscal summary).
      {{"一、一般公共预算拨款“875,287.", "自然资源支出"},
       {"一、一般公共预算拨款875,287.", "自然资源支出"}},
      {{"“12,198,254.74"}, {"12,198,254.74"}},
      // A pair of specks around a figure is no pair: quotes quote words (H10 s3w_0148_final's
      // summary line 本年收入合计 “6 11,953,405.56”本年支出合计).
      {{"本年收入合计", "“6", "11,953,405.56”本年支出合计", "13"},
       {"本年收入合计", "6", "11,953,405.56本年支出合计", "13"}},
      {{"306,359.68", "”城乡社区支出"}, {"306,359.68", "城乡社区支出"}},
      {{"]184,067.79"}, {"184,067.79"}},
      // A closing quote before a figure sits on it too: it pairs with no opening one on a
      // figure (H22 s3w_0348_budget: 本年收入合计 “5 1,024.46 本年支出合计 ”11, and the row
      // was read as a paragraph under the table).
      {{"本年收入合计", "“5", "1,024.46", "本年支出合计", "”11", "1,024.46"},
       {"本年收入合计", "5", "1,024.46", "本年支出合计", "11", "1,024.46"}},
      {{"1,024.46“", "本年支出合计"}, {"1,024.46", "本年支出合计"}},
      // Quotes that pair stay.
      {{"“三公”经费", "1,000.00"}, {"“三公”经费", "1,000.00"}},
      {{"“三公", "1,000.00", "”"}, {"“三公", "1,000.00", "”"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.read[0]);
    std::vector<Symbol> symbols = LineOfWords(c.read);
    DropStrayMarks(symbols);
    EXPECT_EQ(WordsOf(symbols).texts, c.want);
  }
}

// The engine's word box holds a mark it read at the word's edge, and ToGlyphs spreads the
// word's characters over that box: a speck read as '”' before "社会保障和就" (H22
// s3w_0348_budget) moved the label up to the amount before it, and the two were read as one
// cell. A dropped mark leaves the word the extent of the symbols it keeps.
TEST(OcrGlyphsTest, DroppedMarkLeavesTheWordBox) {
  struct Case {
    std::vector<std::string> read;
    int word_x0, word_x1;  // of the last word, after the step
  };
  // LineOfWords: "1,024.46" holds x 0-80, the next word starts at 100.
  const std::vector<Case> cases = {
      {{"1,024.46", "”社会"}, 110, 130},  // the quote at 100-110 goes
      {{"1,024.46", "社会“"}, 100, 120},
      {{"1,024.46", "社会"}, 100, 120},    // nothing dropped: unchanged
      {{"1,024.46", "“三公”"}, 100, 140},  // a pair stays
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.read[1]);
    std::vector<Symbol> symbols = LineOfWords(c.read);
    DropStrayMarks(symbols);
    ASSERT_FALSE(symbols.empty());
    EXPECT_EQ(symbols.back().word_x0, c.word_x0);
    EXPECT_EQ(symbols.back().word_x1, c.word_x1);
  }
  // ToGlyphs places the label where its characters are, not where the quote was.
  std::vector<Symbol> symbols = LineOfWords({"1,024.46", "”社会"});
  DropStrayMarks(symbols);
  const std::vector<pdf::Glyph> glyphs = ToGlyphs(symbols, 1.0);
  ASSERT_FALSE(glyphs.empty());
  EXPECT_EQ(glyphs[8].text, "社");
  EXPECT_DOUBLE_EQ(glyphs[8].box.x0, 110);
}

// ToGlyphs closes gaps under an em between CJK characters (the engine's word breaks in Chinese
// are arbitrary). A full-width comma or point after a digit is an amount's mark, not Chinese
// text: "29,026，" cut over "535.86" in a narrow cell (H25 s3w_0397_final) was closed up to
// the next cell's label and read with it as one chunk.
TEST(OcrGlyphsTest, GapAfterAnAmountsFullWidthMarkStaysOpen) {
  struct Case {
    std::vector<std::string> words;  // LineOfWords: 20 px apart, under the line's em (22 px)
    bool closed;                     // the last glyph of the first word reaches the next word
  };
  const std::vector<Case> cases = {
      {{"29,026，", "一、教育支出"}, false},
      {{"1,024．", "总计"}, false},
      {{"22,570,605.，", "一、一般公"}, false},  // a mark doubled
      {{"支出，", "其中"}, true},                // a sentence's comma: Chinese text
      {{"一般公共", "预算"}, true},
      {{"29,026", "一、教育支出"}, false},  // a digit beside CJK: only under half an em
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.words[0]);
    const std::vector<pdf::Glyph> glyphs = ToGlyphs(LineOfWords(c.words), 1.0);
    const std::size_t last = DecodeUtf8(c.words[0]).size() - 1;
    ASSERT_GT(glyphs.size(), last + 1);
    EXPECT_EQ(glyphs[last].box.x1 == glyphs[last + 1].box.x0, c.closed);
  }
}

// A list's ordinals 二 三 四 五, each before its own entry, read as one word 凡耳II in one text
// line over four lines of the page (H25 s3w_0390_final): laid out with the line its centre fell
// on, it put that entry first. On an upright page a line taller than wide and over 2.5 of the
// page's lines tall is dropped; a tall lone digit, a page of vertical lines (read side-on) and
// an empty page keep what they have.
TEST(OcrGlyphsTest, ColumnOfCharactersReadAsOneLineIsDropped) {
  const auto stacked = [](int height) {
    Symbol symbol;
    symbol.text = "凡";
    symbol.x0 = 0;
    symbol.x1 = 12;
    symbol.y0 = 100;
    symbol.y1 = 100 + height;
    symbol.line_top = 100;
    symbol.line_bottom = 100 + height;
    symbol.word = 9;
    symbol.horizontal_line = false;
    return symbol;
  };
  struct Case {
    const char* name;
    int height;           // of the vertical line, px (the page's lines are 20)
    bool upright = true;  // the page's other lines are horizontal
    std::size_t kept;     // symbols after the step, of 9 + 1
  };
  const Case cases[] = {
      {"four lines tall", 132, true, 9},
      {"a tall lone digit", 30, true, 10},
      {"a page read side-on", 132, false, 10},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Symbol> symbols = LineOfWords({"收入决算表", "2024"});
    for (Symbol& symbol : symbols) symbol.horizontal_line = c.upright;
    symbols.push_back(stacked(c.height));
    DropStackedLines(symbols);
    EXPECT_EQ(symbols.size(), c.kept);
  }
  std::vector<Symbol> none;
  DropStackedLines(none);
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace disclose::ocr
