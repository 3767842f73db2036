#include "extract/ocr/word_ink.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <optional>
#include <utility>

#include "core/text.h"
#include "extract/ocr/amount_reading.h"
#include "extract/ocr/ocr_glyphs.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::ocr {
namespace {

// The ink of a 1 bpp image, column by column within a text line's band.
class Ink {
 public:
  explicit Ink(Pix* image)
      : data_(pixGetData(image)),
        words_per_line_(static_cast<int>(pixGetWpl(image))),
        width_(static_cast<int>(pixGetWidth(image))),
        height_(static_cast<int>(pixGetHeight(image))) {}

  // Whether column `x` holds ink between rows `top` and `bottom` (inclusive).
  bool InColumn(int x, int top, int bottom) const {
    int ink = 0;
    for (int y = top; y <= bottom; ++y) {
      ink += GET_DATA_BIT(data_ + static_cast<std::ptrdiff_t>(y) * words_per_line_, x);
    }
    return ink >= kMinInkPixelsPerColumn;
  }

  // Whether column `x` holds any pixel between rows `top` and `bottom` (inclusive).
  bool AnyInColumn(int x, int top, int bottom) const {
    for (int y = top; y <= bottom; ++y) {
      if (GET_DATA_BIT(data_ + static_cast<std::ptrdiff_t>(y) * words_per_line_, x)) return true;
    }
    return false;
  }

  int width() const { return width_; }
  int height() const { return height_; }

 private:
  l_uint32* data_;
  int words_per_line_;
  int width_, height_;
};

// A word's box and its line's band, in the image: nothing for a word on a vertical line or
// with no box.
struct WordBand {
  int x0, x1, top, bottom;
};
std::optional<WordBand> BandOf(const Symbol& first, const Ink& ink) {
  const WordBand band{std::clamp(first.word_x0, 0, ink.width() - 1),
                      std::clamp(first.word_x1, 0, ink.width() - 1),
                      std::clamp(first.line_top, 0, ink.height() - 1),
                      std::clamp(first.line_bottom, 0, ink.height() - 1)};
  if (!first.horizontal_line || first.word_x1 <= first.word_x0 || band.x1 <= band.x0 ||
      band.bottom <= band.top) {
    return std::nullopt;
  }
  return band;
}

// A 1 bpp image's ink, nothing for another depth.
std::optional<Ink> InkOf(const Pix* text_image) {
  if (text_image == nullptr || pixGetDepth(const_cast<Pix*>(text_image)) != 1) return std::nullopt;
  return Ink(const_cast<Pix*>(text_image));
}

// The end of the word that starts at `begin`: its symbols share the word index and the line.
std::size_t WordEnd(const std::vector<Symbol>& symbols, std::size_t begin) {
  std::size_t end = begin + 1;
  while (end < symbols.size() && symbols[end].word == symbols[begin].word &&
         symbols[end].line_top == symbols[begin].line_top)
    ++end;
  return end;
}

// Whether the word is digits and marks only, at least two digits.
bool IsAmountWord(const std::vector<Symbol>& symbols, std::size_t begin, std::size_t end) {
  int digits = 0;
  for (std::size_t i = begin; i < end; ++i) {
    for (char32_t c : DecodeUtf8(symbols[i].text)) {
      if (IsDigitLike(c)) {
        ++digits;
      } else if (!IsAmountWordMark(c)) {
        return false;
      }
    }
  }
  return digits >= 2;
}

bool IsMarkSymbol(const Symbol& symbol) {
  const std::vector<char32_t> text = DecodeUtf8(symbol.text);
  return !text.empty() && std::all_of(text.begin(), text.end(), IsAmountWordMark);
}

struct InkGap {
  int x0, x1;  // the first and one past the last ink-free column
};

// The runs of ink-free columns at least `min_width` wide between the word's first and last
// inked columns.
std::vector<InkGap> InkGapsInside(const Ink& ink, const WordBand& band, int min_width) {
  std::vector<InkGap> gaps;
  int last_ink = -1;
  for (int x = band.x0; x <= band.x1; ++x) {
    if (!ink.InColumn(x, band.top, band.bottom)) continue;
    if (last_ink >= 0 && x - last_ink - 1 >= min_width) gaps.push_back({last_ink + 1, x});
    last_ink = x;
  }
  return gaps;
}

}  // namespace

void SplitAmountWordsAtInkGaps(const Pix* text_image, std::vector<Symbol>& symbols) {
  const std::optional<Ink> ink = InkOf(text_image);
  if (!ink) return;
  int next_word = 0;
  for (const Symbol& symbol : symbols) next_word = std::max(next_word, symbol.word + 1);
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = WordEnd(symbols, begin);
    const Symbol& first = symbols[begin];
    std::vector<InkGap> gaps;
    if (const std::optional<WordBand> band = BandOf(first, *ink);
        band && IsAmountWord(symbols, begin, end)) {
      const double em = (band->bottom - band->top) / kBandPerEm;
      const int min_width = static_cast<int>(std::ceil(pdf::unruled::kDigitGapEm * em));
      gaps = InkGapsInside(*ink, *band, min_width);
    }
    // Each symbol to the part its middle lies in. A mark in a gap ends the part before it: the
    // engine reads the white after an amount cut by its cell's edge as the amount's last mark
    // ("1407,230.，" over "41"), and the wrapped rest's stage decides what it was.
    std::vector<int> part(end - begin, 0);
    bool cut = !gaps.empty();
    std::vector<int> digits(gaps.size() + 1, 0);
    for (std::size_t i = begin; i < end && cut; ++i) {
      const int middle = (symbols[i].x0 + symbols[i].x1) / 2;
      int p = 0;
      while (p < static_cast<int>(gaps.size()) && middle >= gaps[p].x0) ++p;
      if (p > 0 && middle < gaps[p - 1].x1) {
        if (!IsMarkSymbol(symbols[i])) cut = false;  // a digit in white: the boxes are not to go by
        part[i - begin] = p - 1;
        continue;
      }
      part[i - begin] = p;
      if (!IsMarkSymbol(symbols[i])) ++digits[p];
    }
    cut = cut && std::all_of(digits.begin(), digits.end(), [](int n) { return n > 0; });
    if (!cut) {
      for (std::size_t i = begin; i < end; ++i) out.push_back(std::move(symbols[i]));
      begin = end;
      continue;
    }
    for (std::size_t p = 0; p <= gaps.size(); ++p) {
      const int part_x0 = p == 0 ? first.word_x0 : gaps[p - 1].x1;
      const int part_x1 = p == gaps.size() ? first.word_x1 : gaps[p].x0;
      const int word = p == 0 ? first.word : next_word++;
      for (std::size_t i = begin; i < end; ++i) {
        if (part[i - begin] != static_cast<int>(p)) continue;
        Symbol symbol = symbols[i];
        symbol.word = word;
        symbol.word_x0 = part_x0;
        symbol.word_x1 = part_x1;
        symbol.x0 = std::clamp(symbol.x0, part_x0, part_x1);
        symbol.x1 = std::clamp(symbol.x1, symbol.x0, part_x1);
        if (symbol.x1 <= symbol.x0) {  // a mark read in the white: at the part's end
          symbol.x0 = std::max(part_x0, part_x1 - 1);
          symbol.x1 = symbol.x0 + 1;
        }
        out.push_back(std::move(symbol));
      }
    }
    begin = end;
  }
  symbols = std::move(out);
}

namespace {

// Punctuation: ASCII, general (— … ‘’“”), CJK (、。【】《》) and full-width (，：（）).
bool IsPunctuation(char32_t c) {
  if (c < 0x80) return c > U' ' && !std::isalnum(static_cast<unsigned char>(c));
  return (c >= 0x2010 && c <= 0x206F) || (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

bool IsPunctuationWord(const std::vector<Symbol>& symbols, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const std::vector<char32_t> text = DecodeUtf8(symbols[i].text);
    if (text.empty() || !std::all_of(text.begin(), text.end(), IsPunctuation)) return false;
  }
  return true;
}

}  // namespace

void DropMarksWithoutInk(const Pix* text_image, std::vector<Symbol>& symbols) {
  const std::optional<Ink> ink = InkOf(text_image);
  if (!ink) return;
  std::vector<Symbol> kept;
  kept.reserve(symbols.size());
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = WordEnd(symbols, begin);
    bool inkless = false;
    if (const std::optional<WordBand> band = BandOf(symbols[begin], *ink);
        band && IsPunctuationWord(symbols, begin, end)) {
      const int margin =
          static_cast<int>((band->bottom - band->top) / kBandPerEm * kMarkInkMarginEm);
      // Over the white between the words either side as well: the LSTM's box of a mark may
      // stand off its print (部门 : 江苏… boxed 10 px left of the colon's ink).
      const auto same_line = [&](std::size_t i) {
        return symbols[i].line_top == symbols[begin].line_top &&
               symbols[i].line_bottom == symbols[begin].line_bottom;
      };
      int from = band->x0 - margin, to = band->x1 + margin;
      if (begin > 0 && same_line(begin - 1)) from = std::min(from, symbols[begin - 1].word_x1);
      if (end < symbols.size() && same_line(end)) to = std::max(to, symbols[end].word_x0 - 1);
      inkless = true;
      for (int x = std::max(from, 0); inkless && x <= std::min(to, ink->width() - 1); ++x) {
        inkless = !ink->AnyInColumn(x, band->top, band->bottom);
      }
    }
    if (!inkless) kept.insert(kept.end(), symbols.begin() + begin, symbols.begin() + end);
    begin = end;
  }
  symbols = std::move(kept);
}

void TrimWordsToInk(const Pix* text_image, std::vector<Symbol>& symbols) {
  const std::optional<Ink> ink = InkOf(text_image);
  if (!ink) return;
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = WordEnd(symbols, begin);
    if (const std::optional<WordBand> band = BandOf(symbols[begin], *ink)) {
      int left = band->x0, right = band->x1;
      while (left <= right && !ink->InColumn(left, band->top, band->bottom)) ++left;
      while (right >= left && !ink->InColumn(right, band->top, band->bottom)) --right;
      if (left <= right && (left > band->x0 || right < band->x1)) {
        for (std::size_t i = begin; i < end; ++i) {
          Symbol& symbol = symbols[i];
          symbol.word_x0 = left;
          symbol.word_x1 = right + 1;
          symbol.x0 = std::clamp(symbol.x0, left, right + 1);
          symbol.x1 = std::clamp(symbol.x1, symbol.x0, right + 1);
        }
      }
    }
    begin = end;
  }
}

namespace {

bool HasDigit(const std::vector<Symbol>& symbols, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    for (char32_t c : DecodeUtf8(symbols[i].text)) {
      if (IsDigitLike(c)) return true;
    }
  }
  return false;
}

}  // namespace

void JoinWordsTouchingInPrint(const Pix* text_image, const Pix* erased,
                              std::vector<Symbol>& symbols) {
  const std::optional<Ink> ink = InkOf(text_image);
  if (!ink) return;
  std::optional<Ink> rules = InkOf(erased);
  if (rules && (rules->width() != ink->width() || rules->height() != ink->height())) rules.reset();
  struct Word {
    std::size_t begin, end;
  };
  for (std::size_t line = 0; line < symbols.size();) {
    const std::size_t line_end = LineEnd(symbols, line);
    std::vector<Word> words;
    for (std::size_t begin = line; begin < line_end;) {
      const std::size_t end = std::min(WordEnd(symbols, begin), line_end);
      if (BandOf(symbols[begin], *ink)) words.push_back({begin, end});
      begin = end;
    }
    std::stable_sort(words.begin(), words.end(), [&](const Word& a, const Word& b) {
      return symbols[a.begin].word_x0 < symbols[b.begin].word_x0;
    });
    for (std::size_t w = 1; w < words.size(); ++w) {
      const Word& left = words[w - 1];
      const Word& right = words[w];
      if (HasDigit(symbols, left.begin, left.end) || HasDigit(symbols, right.begin, right.end)) {
        continue;
      }
      const WordBand band = *BandOf(symbols[left.begin], *ink);
      const int from = symbols[left.begin].word_x1;
      const int to = std::min(symbols[right.begin].word_x0, ink->width());
      if (from >= to) continue;
      const double em = (band.bottom - band.top) / kBandPerEm;
      const int widest_allowed = static_cast<int>(kCharacterGapEm * em);
      int first_ink = -1, white = 0, widest = 0;
      bool rule = false;
      for (int x = from; x < to && !rule; ++x) {
        rule = rules && rules->AnyInColumn(x, band.top, band.bottom);
        if (ink->InColumn(x, band.top, band.bottom)) {
          if (first_ink < 0) first_ink = x;
          white = 0;
        } else {
          widest = std::max(widest, ++white);
        }
      }
      if (rule || first_ink < 0 || widest >= widest_allowed) continue;
      for (std::size_t i = right.begin; i < right.end; ++i) symbols[i].word_x0 = first_ink;
    }
    line = line_end;
  }
}

}  // namespace disclose::ocr
