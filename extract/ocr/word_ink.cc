#include "extract/ocr/word_ink.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstddef>

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

}  // namespace

void TrimWordsToInk(const Pix* text_image, std::vector<Symbol>& symbols) {
  if (text_image == nullptr || pixGetDepth(const_cast<Pix*>(text_image)) != 1) return;
  Pix* image = const_cast<Pix*>(text_image);
  const int width = static_cast<int>(pixGetWidth(image));
  const int height = static_cast<int>(pixGetHeight(image));
  const l_uint32* data = pixGetData(image);
  const int words_per_line = static_cast<int>(pixGetWpl(image));
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word &&
           symbols[end].line_top == symbols[begin].line_top)
      ++end;
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
