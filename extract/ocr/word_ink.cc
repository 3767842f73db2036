#include "extract/ocr/word_ink.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "core/text.h"
#include "extract/ocr/amount_reading.h"
#include "extract/ocr/ocr_glyphs.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::ocr {
namespace {

// The ink pixels of column `x` between rows `top` and `bottom` (inclusive).
int InkInColumn(const l_uint32* data, int words_per_line, int x, int top, int bottom) {
  int ink = 0;
  for (int y = top; y <= bottom; ++y) {
    ink += GET_DATA_BIT(
        const_cast<l_uint32*>(data + static_cast<std::ptrdiff_t>(y) * words_per_line), x);
  }
  return ink;
}

// The end of the word that starts at `begin`: its symbols share the word index and the line.
std::size_t WordEnd(const std::vector<Symbol>& symbols, std::size_t begin) {
  std::size_t end = begin + 1;
  while (end < symbols.size() && symbols[end].word == symbols[begin].word &&
         symbols[end].line_top == symbols[begin].line_top)
    ++end;
  return end;
}

bool IsAmountMark(char32_t c) {
  return c == U'.' || c == U',' || c == U'，' || c == U'．' || c == U'-' || c == U';' || c == U'；';
}

// Whether the word is digits and marks only, at least two digits.
bool IsAmountWord(const std::vector<Symbol>& symbols, std::size_t begin, std::size_t end) {
  int digits = 0;
  for (std::size_t i = begin; i < end; ++i) {
    for (char32_t c : DecodeUtf8(symbols[i].text)) {
      if (IsDigitLike(c)) {
        ++digits;
      } else if (!IsAmountMark(c)) {
        return false;
      }
    }
  }
  return digits >= 2;
}

bool IsMarkSymbol(const Symbol& symbol) {
  const std::vector<char32_t> text = DecodeUtf8(symbol.text);
  return !text.empty() && std::all_of(text.begin(), text.end(), IsAmountMark);
}

struct InkGap {
  int x0, x1;  // the first and one past the last ink-free column
};

// The runs of ink-free columns at least `min_width` wide between the word's first and last
// inked columns.
std::vector<InkGap> InkGapsInside(const l_uint32* data, int words_per_line, int x0, int x1, int top,
                                  int bottom, int min_width) {
  std::vector<InkGap> gaps;
  int last_ink = -1;
  for (int x = x0; x <= x1; ++x) {
    if (InkInColumn(data, words_per_line, x, top, bottom) < kMinInkPixelsPerColumn) continue;
    if (last_ink >= 0 && x - last_ink - 1 >= min_width) gaps.push_back({last_ink + 1, x});
    last_ink = x;
  }
  return gaps;
}

}  // namespace

void SplitAmountWordsAtInkGaps(const Pix* text_image, std::vector<Symbol>& symbols) {
  if (text_image == nullptr || pixGetDepth(const_cast<Pix*>(text_image)) != 1) return;
  Pix* image = const_cast<Pix*>(text_image);
  const int width = static_cast<int>(pixGetWidth(image));
  const int height = static_cast<int>(pixGetHeight(image));
  const l_uint32* data = pixGetData(image);
  const int words_per_line = static_cast<int>(pixGetWpl(image));
  int next_word = 0;
  for (const Symbol& symbol : symbols) next_word = std::max(next_word, symbol.word + 1);
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = WordEnd(symbols, begin);
    const Symbol& first = symbols[begin];
    const int x0 = std::clamp(first.word_x0, 0, width - 1);
    const int x1 = std::clamp(first.word_x1, 0, width - 1);
    const int top = std::clamp(first.line_top, 0, height - 1);
    const int bottom = std::clamp(first.line_bottom, 0, height - 1);
    std::vector<InkGap> gaps;
    if (first.horizontal_line && x1 > x0 && bottom > top && IsAmountWord(symbols, begin, end)) {
      const double em = (bottom - top) / kBandPerEm;
      const int min_width = static_cast<int>(std::ceil(pdf::unruled::kDigitGapEm * em));
      gaps = InkGapsInside(data, words_per_line, x0, x1, top, bottom, min_width);
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

void TrimWordsToInk(const Pix* text_image, std::vector<Symbol>& symbols) {
  if (text_image == nullptr || pixGetDepth(const_cast<Pix*>(text_image)) != 1) return;
  Pix* image = const_cast<Pix*>(text_image);
  const int width = static_cast<int>(pixGetWidth(image));
  const int height = static_cast<int>(pixGetHeight(image));
  const l_uint32* data = pixGetData(image);
  const int words_per_line = static_cast<int>(pixGetWpl(image));
  for (std::size_t begin = 0; begin < symbols.size();) {
    const std::size_t end = WordEnd(symbols, begin);
    const Symbol& first = symbols[begin];
    const int x0 = std::clamp(first.word_x0, 0, width - 1);
    const int x1 = std::clamp(first.word_x1, 0, width - 1);
    const int top = std::clamp(first.line_top, 0, height - 1);
    const int bottom = std::clamp(first.line_bottom, 0, height - 1);
    if (first.horizontal_line && first.word_x1 > first.word_x0 && x1 > x0 && bottom > top) {
      int left = x0, right = x1;
      while (left <= right &&
             InkInColumn(data, words_per_line, left, top, bottom) < kMinInkPixelsPerColumn)
        ++left;
      while (right >= left &&
             InkInColumn(data, words_per_line, right, top, bottom) < kMinInkPixelsPerColumn)
        --right;
      if (left <= right && (left > x0 || right < x1)) {
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

}  // namespace disclose::ocr
