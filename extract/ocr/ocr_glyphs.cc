#include "extract/ocr/ocr_glyphs.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "core/text.h"
#include "extract/ocr/amount_reading.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::ocr {

GlyphHeight GlyphHeightOfBand(double top, double bottom) {
  const double band = std::max(bottom - top, 0.1);
  const double em = std::max(1.0, band / kBandPerEm);
  const double middle = (top + bottom) / 2;
  return GlyphHeight{middle - kGlyphBoxEm * em / 2, middle + kGlyphBoxEm * em / 2, em};
}

Box InkBoxOfGlyphBox(const Box& box) {
  const double band = box.height() * kBandPerEm / kGlyphBoxEm;
  const double middle = (box.y0 + box.y1) / 2;
  return Box{box.x0, middle - band / 2, box.x1, middle + band / 2};
}

std::size_t LineEnd(const std::vector<Symbol>& symbols, std::size_t begin) {
  std::size_t end = begin + 1;
  while (end < symbols.size() && symbols[end].line_top == symbols[begin].line_top &&
         symbols[end].line_bottom == symbols[begin].line_bottom)
    ++end;
  return end;
}

namespace {

// How wide a character sets, in ems: CJK and full-width forms one, others half.
double WidthUnits(std::string_view text) {
  double units = 0;
  for (char32_t c : DecodeUtf8(text)) {
    units += (IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
                 ? 1.0
                 : 0.5;
  }
  return std::max(units, 0.5);
}

// An ideograph or a full-width mark (、，（）：): what Chinese sets without spaces.
bool IsCjkCharacter(char32_t c) {
  return IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

// The words of each text line ordered left to right (a word's characters
// keep their order). The LSTM's reading order is not always the line's: a
// hallucinated "拨" at x 367 came before the "二" at 143 that starts its line,
// and the words after it were pushed right of it.
std::vector<Symbol> WordsLeftToRight(const std::vector<Symbol>& symbols) {
  struct Word {
    std::size_t begin, end;
    int x0;
  };
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t line = 0; line < symbols.size();) {
    const std::size_t line_end = LineEnd(symbols, line);
    std::vector<Word> words;
    for (std::size_t begin = line; begin < line_end;) {
      std::size_t end = begin + 1;
      while (end < line_end && symbols[end].word == symbols[begin].word) ++end;
      int x0 = symbols[begin].word_x1 > symbols[begin].word_x0 ? symbols[begin].word_x0 : INT_MAX;
      if (x0 == INT_MAX)
        for (std::size_t i = begin; i < end; ++i) x0 = std::min(x0, symbols[i].x0);
      words.push_back({begin, end, x0});
      begin = end;
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    for (const Word& word : words)
      for (std::size_t i = word.begin; i < word.end; ++i) out.push_back(symbols[i]);
    line = line_end;
  }
  return out;
}

}  // namespace

std::vector<pdf::Glyph> ToGlyphs(const std::vector<Symbol>& unordered, double scale) {
  const std::vector<Symbol> symbols = WordsLeftToRight(unordered);
  std::vector<pdf::Glyph> glyphs;
  glyphs.reserve(symbols.size());
  // Words of one text line, left to right, may overlap; each starts where the
  // one before it ended, so characters never interleave.
  int line_top = -1, line_bottom = -1, cursor = 0;
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word) ++end;
    const Symbol& first = symbols[begin];
    int word_x0 = first.word_x0, word_x1 = first.word_x1;
    if (word_x1 <= word_x0) {
      word_x0 = first.x0;
      word_x1 = first.x1;
      for (std::size_t i = begin; i < end; ++i) {
        word_x0 = std::min(word_x0, symbols[i].x0);
        word_x1 = std::max(word_x1, symbols[i].x1);
      }
    }
    if (first.line_top == line_top && first.line_bottom == line_bottom) {
      word_x0 = std::max(word_x0, cursor);
      word_x1 = std::max(word_x1, word_x0 + 1);
    }
    line_top = first.line_top;
    line_bottom = first.line_bottom;
    cursor = word_x1;
    double total = 0;
    for (std::size_t i = begin; i < end; ++i) total += WidthUnits(symbols[i].text);
    double x = word_x0;
    const double per_unit = (word_x1 - word_x0) / total;
    // The whole line's band, not the character's: layout then sees one line.
    const int top = first.line_top, bottom = std::max(first.line_bottom, first.line_top + 1);
    const GlyphHeight height = GlyphHeightOfBand(top * scale, bottom * scale);
    for (std::size_t i = begin; i < end; ++i) {
      const Symbol& symbol = symbols[i];
      const double width = WidthUnits(symbol.text) * per_unit;
      pdf::Glyph glyph;
      glyph.text = SanitizeUtf8(symbol.text);
      glyph.box = Box{x * scale, height.y0, (x + width) * scale, height.y1};
      x += width;
      if (glyph.text.empty()) continue;
      glyph.font_size = height.em;
      glyph.confidence = symbol.confidence;
      glyphs.push_back(std::move(glyph));
    }
    begin = end;
  }
  // Chinese has no spaces: the engine's word breaks inside a run of CJK are
  // arbitrary, and a justified line spreads its characters wider than the
  // 0.45 em layout reads as a space. A gap under one em between two CJK
  // characters is closed; wider gaps (columns) stay. Beside a CJK character
  // any other (a figure in "共计 1,016.73 万元") only under half an em: in a
  // table without rules a label and the 行次 or amount after it are two cells
  // 0.6 em apart (the padding of two cells), and closed they were one
  // ("二、政府性基金预算拨款收入2").
  // A full-width comma or point after a digit is an amount's mark (pdf::unruled::
  // IsFullWidthAmountMark), not Chinese text: closed up to the next cell's label, the cut amount
  // and the label were one chunk and the row was lost (H25 s3w_0397).
  auto amount_mark = [&glyphs](std::size_t i) {
    return i > 0 && pdf::unruled::IsFullWidthAmountMark(glyphs[i].text, glyphs[i - 1].text);
  };
  for (std::size_t i = 1; i < glyphs.size(); ++i) {
    pdf::Glyph& left = glyphs[i - 1];
    const pdf::Glyph& right = glyphs[i];
    if (left.box.y0 != right.box.y0 || left.box.y1 != right.box.y1) continue;
    const double gap = right.box.x0 - left.box.x1;
    if (gap <= 0 || gap >= right.font_size) continue;
    const auto a = DecodeUtf8(left.text), b = DecodeUtf8(right.text);
    const bool cjk_left = !a.empty() && IsCjkCharacter(a.back()) && !amount_mark(i - 1);
    const bool cjk_right = !b.empty() && IsCjkCharacter(b.front());
    if ((cjk_left && cjk_right) || ((cjk_left || cjk_right) && gap < 0.5 * right.font_size))
      left.box.x1 = right.box.x0;
  }
  return glyphs;
}

namespace {

// The digit a letter or ideograph the page pass read in a run of digits stands for: a serif 1
// reads I, l, L or a bar, a 7 reads 了 (the line reader's echo), a 0 reads O or 〇. 0 when it
// is no such look-alike.
char DigitOfLookalike(char32_t c) {
  switch (c) {
    case U'I':
    case U'l':
    case U'L':
    case U'|':
    case U'丨': return '1';
    case U'了': return '7';
    case U'O':
    case U'o':
    case U'〇': return '0';
    default: return 0;
  }
}

// A word whose look-alikes are few beside its digits and marks.
constexpr int kMaxLookalikes = 2;
constexpr int kMinDigitsBesideLookalikes = 3;

}  // namespace

void NormalizeAmountWords(std::vector<Symbol>& symbols) {
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word) ++end;
    std::string text;
    // The word with its look-alikes as digits: "I11,650.14" is an amount whose first 1 the
    // page pass read as a letter. As read, it was no figure, its row no row of a table without
    // rules, and the row was lost with the cells that would have read it again.
    std::string as_digits;
    bool amount_like = true;
    int lookalikes = 0, digits = 0;
    bool mark = false;
    int confidence = 100;
    Symbol first = symbols[begin];
    for (std::size_t i = begin; i < end; ++i) {
      text += symbols[i].text;
      confidence = std::min(confidence, symbols[i].confidence);
      first.x0 = std::min(first.x0, symbols[i].x0);
      first.x1 = std::max(first.x1, symbols[i].x1);
      for (char32_t c : DecodeUtf8(symbols[i].text)) {
        const bool separator = IsAmountWordMark(c);
        if (const char digit = DigitOfLookalike(c); digit != 0) {
          ++lookalikes;
          as_digits += digit;
          continue;
        }
        amount_like = amount_like && (IsDigitLike(c) || separator);
        digits += IsDigitLike(c) ? 1 : 0;
        mark = mark || (separator && c != U'-');
        as_digits += EncodeUtf8(c);
      }
    }
    if (lookalikes > 0) {
      // Only a word that is an amount but for a few look-alikes: digits beside them, a mark.
      amount_like = amount_like && mark && lookalikes <= kMaxLookalikes &&
                    digits >= kMinDigitsBesideLookalikes;
      if (amount_like) text = as_digits;
    }
    const std::string fixed = amount_like ? NormalizeAmountReading(text) : text;
    // (A word with look-alikes that is no amount keeps them, so it reads as no amount.)
    // A reading the grammar put right but for a lost leading comma is written too: as read
    // ("1178,.936.67", "1178.936.67") it was no figure, and the summary's 本年收入合计 and 总计
    // rows that printed it were lost under their table as a paragraph (H23 s3w_0358_final).
    const bool rewrite = (IsWellFormedAmount(fixed) || IsWellFormedButForLeadingComma(fixed)) &&
                         (fixed != text || lookalikes > 0);
    // A guess at each look-alike: the cell is read again (numeric set) once the table is found,
    // and a confidence of 0 says that this reading is not to be kept over any other.
    if (rewrite && lookalikes > 0) confidence = 0;
    if (!rewrite) {
      for (std::size_t i = begin; i < end; ++i) out.push_back(std::move(symbols[i]));
    } else {
      if (first.word_x1 <= first.word_x0) {
        first.word_x0 = first.x0;
        first.word_x1 = first.x1;
      }
      first.confidence = confidence;
      for (char c : fixed) {
        Symbol symbol = first;
        symbol.text = std::string(1, c);
        out.push_back(std::move(symbol));
      }
    }
    begin = end;
  }
  symbols = std::move(out);
}

std::optional<int> PageLineHeight(const std::vector<Symbol>& symbols) {
  std::vector<int> heights;
  for (const Symbol& symbol : symbols) {
    if (symbol.horizontal_line) heights.push_back(symbol.line_bottom - symbol.line_top);
  }
  if (heights.empty()) return std::nullopt;
  std::nth_element(heights.begin(), heights.begin() + static_cast<long>(heights.size() / 2),
                   heights.end());
  return std::max(4, heights[heights.size() / 2]);
}

void DropStackedLines(std::vector<Symbol>& symbols) {
  const std::optional<int> page_line = PageLineHeight(symbols);
  const auto horizontal = std::count_if(
      symbols.begin(), symbols.end(), [](const Symbol& symbol) { return symbol.horizontal_line; });
  // A page read side-on is all vertical lines: nothing to tell a stacked column by.
  if (!page_line || static_cast<std::size_t>(horizontal) * 2 < symbols.size()) return;
  const double line = *page_line;
  std::erase_if(symbols, [line](const Symbol& symbol) {
    return !symbol.horizontal_line && symbol.line_bottom - symbol.line_top > kStackedLines * line;
  });
}

void DropStrayMarks(std::vector<Symbol>& symbols) {
  auto opening = [](const std::string& t) { return t == "“" || t == "‘"; };
  auto closing = [](const std::string& t) { return t == "”" || t == "’"; };
  // Brackets go only stuck to a figure: in a label an OCR'd bracket may pair
  // with one misread ("因公出国〈境)费").
  auto bracket = [](const std::string& t) {
    return t == "]" || t == "[" || t == "】" || t == "【";
  };
  auto digit = [](const Symbol& symbol) {
    return !symbol.text.empty() && symbol.text[0] >= '0' && symbol.text[0] <= '9';
  };
  auto bar = [](const std::string& t) { return t == "|" || t == "｜" || t == "丨"; };
  std::vector<bool> drop(symbols.size(), false);
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = LineEnd(symbols, begin);
    for (std::size_t i = begin; i < end; ++i) {
      const std::string& text = symbols[i].text;
      const bool word_start = i == begin || symbols[i - 1].word != symbols[i].word;
      const bool word_end = i + 1 == end || symbols[i + 1].word != symbols[i].word;
      // A quote beside a figure, inside a word too: a speck the LSTM read as a quote between a
      // label and its amount ("一、一般公共预算拨款“875,287.", "“6 11,953,405.56”本年支出合计",
      // "本年收入合计 “5 1,024.46 本年支出合计 ”11"). Quotes in text quote words, never a
      // figure, so only a quote clear of figures pairs with it.
      const bool before_figure = i + 1 < end && digit(symbols[i + 1]);
      const bool after_figure = i > begin && digit(symbols[i - 1]);
      const auto at_figure = [&](std::size_t k) {
        return (k + 1 < end && digit(symbols[k + 1])) || (k > begin && digit(symbols[k - 1]));
      };
      const auto opens_on_text = [&](std::size_t k) {
        return opening(symbols[k].text) && !at_figure(k);
      };
      const auto closes_on_text = [&](std::size_t k) {
        return closing(symbols[k].text) && !at_figure(k);
      };
      // Whether a symbol in [from, to) of the line is one `is` names.
      const auto any_in = [&](std::size_t from, std::size_t to, const auto& is) {
        for (std::size_t k = from; k < to; ++k) {
          if (is(k)) return true;
        }
        return false;
      };
      if (opening(text) && (before_figure || after_figure)) {
        drop[i] = !any_in(i + 1, end, closes_on_text);
      } else if (closing(text) && (after_figure || before_figure)) {
        drop[i] = !any_in(begin, i, opens_on_text);
      } else if (!word_start && !word_end) {
        // Other marks go at a word's edge only.
      } else if (bar(text)) {
        drop[i] = true;
      } else if (bracket(text)) {
        drop[i] = (word_start && before_figure) || (word_end && after_figure);
      } else if (closing(text) && word_start) {
        drop[i] = !any_in(begin, i, [&](std::size_t k) { return opening(symbols[k].text); });
      } else if (opening(text) && word_end) {
        drop[i] = !any_in(i + 1, end, [&](std::size_t k) { return closing(symbols[k].text); });
      }
    }
    begin = end;
  }
  // The engine's word box still holds a dropped mark, and ToGlyphs spreads a word's characters
  // over its box: a speck read as '”' before "社会保障和就" moved the label 6 pt left, up to the
  // amount before it, and the two were read as one cell. The word keeps the extent of the
  // symbols it still has.
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word) ++end;
    const bool edge_dropped = drop[begin] || drop[end - 1];
    int x0 = INT_MAX, x1 = INT_MIN;
    for (std::size_t i = begin; i < end; ++i) {
      if (drop[i]) continue;
      x0 = std::min(x0, symbols[i].x0);
      x1 = std::max(x1, symbols[i].x1);
    }
    if (edge_dropped && x0 < x1) {
      for (std::size_t i = begin; i < end; ++i) {
        Symbol& symbol = symbols[i];
        if (symbol.word_x1 <= symbol.word_x0) continue;  // no word box: its own boxes are used
        if (drop[begin]) symbol.word_x0 = std::max(symbol.word_x0, x0);
        if (drop[end - 1]) symbol.word_x1 = std::min(symbol.word_x1, x1);
      }
    }
    begin = end;
  }
  std::vector<Symbol> kept;
  kept.reserve(symbols.size());
  for (std::size_t i = 0; i < symbols.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(symbols[i]));
  symbols = std::move(kept);
}

}  // namespace disclose::ocr
