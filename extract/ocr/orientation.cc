#include "extract/ocr/orientation.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <climits>
#include <cstddef>

#include "extract/ocr/page_image.h"

namespace disclose::ocr {

bool ReadsUpright(const std::vector<Symbol>& symbols) {
  // The LSTM's confidence that a character is right; upright print reads
  // above it nearly everywhere, turned print nearly nowhere.
  constexpr int kSureCharacter = 60;
  if (static_cast<int>(symbols.size()) < kMinUprightCharacters) return false;
  std::size_t upright = 0;
  for (const Symbol& symbol : symbols)
    upright += symbol.horizontal_line && symbol.confidence >= kSureCharacter;
  return 2 * upright >= symbols.size();
}

bool ReadsBetterTurnedHalf(Engine& engine, Pix* text_image, int dpi,
                           const std::vector<Symbol>& symbols) {
  constexpr std::size_t kLines = 2;
  constexpr int kMinCharacters = 4, kMaxCharacters = 10;
  struct TextLine {
    int x0, y0, x1, y1, characters;
  };
  std::vector<TextLine> lines;
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].line_top == symbols[begin].line_top &&
           symbols[end].line_bottom == symbols[begin].line_bottom)
      ++end;
    TextLine line{INT_MAX, symbols[begin].line_top, 0, symbols[begin].line_bottom,
                  static_cast<int>(end - begin)};
    for (std::size_t i = begin; i < end; ++i) {
      line.x0 = std::min(line.x0, symbols[i].x0);
      line.x1 = std::max(line.x1, symbols[i].x1);
    }
    if (symbols[begin].horizontal_line && line.characters >= kMinCharacters &&
        line.characters <= kMaxCharacters && line.x1 > line.x0 && line.y1 > line.y0)
      lines.push_back(line);
    begin = end;
  }
  // The longest of the short lines; reading order breaks ties.
  std::stable_sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
    return a.characters > b.characters;
  });
  if (lines.size() > kLines) lines.resize(kLines);
  long long as_is = 0, turned = 0;
  const int margin = std::max(2, dpi / 100), border = std::max(8, dpi / 20);
  for (const TextLine& line : lines) {
    ::Box* region = boxCreate(line.x0 - margin, line.y0 - margin, line.x1 - line.x0 + 2 * margin,
                              line.y1 - line.y0 + 2 * margin);
    PixPtr crop(pixClipRectangle(text_image, region, nullptr));
    boxDestroy(&region);
    if (crop == nullptr) continue;
    PixPtr framed(pixAddBorder(crop.get(), border, 0));
    PixPtr flipped(framed != nullptr ? pixRotateOrth(framed.get(), 2) : nullptr);
    if (flipped == nullptr) continue;
    as_is += engine.RecognizeLine(framed.get(), dpi, /*numeric=*/false).confidence;
    turned += engine.RecognizeLine(flipped.get(), dpi, /*numeric=*/false).confidence;
  }
  return turned > as_is;
}

}  // namespace disclose::ocr
