#include "extract/ocr/dropped_text.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <optional>

#include "extract/ocr/ocr_glyphs.h"
#include "extract/ocr/page_image.h"

namespace disclose::ocr {

std::vector<Symbol> ReadDroppedText(Engine& engine, Pix* text_image, int dpi,
                                    const std::vector<Symbol>& symbols,
                                    std::chrono::steady_clock::time_point deadline) {
  std::vector<Symbol> out;
  if (text_image == nullptr || pixGetDepth(text_image) != 1 || symbols.empty()) return out;
  const std::optional<int> page_line = PageLineHeight(symbols);
  if (!page_line) return out;
  const int line = *page_line;
  int last_word = 0;
  for (const Symbol& symbol : symbols) last_word = std::max(last_word, symbol.word);

  // Every word read is taken out, with its line's height and a margin (the
  // LSTM's boxes are tight; a stroke's grey fringe stays outside them).
  PixPtr rest(pixCopy(nullptr, text_image));
  if (rest == nullptr) return out;
  const int margin = std::max(1, line / 8);
  // The word's box and its line's band, not the symbol's box: the LSTM gives
  // some symbols boxes far from their word (y 1654 for a word on line
  // 1061-1084), which took a third of a page with them.
  for (const Symbol& symbol : symbols) {
    const bool word_box = symbol.word_x1 > symbol.word_x0;
    const int x0 = word_box ? symbol.word_x0 : symbol.x0;
    const int x1 = word_box ? symbol.word_x1 : symbol.x1;
    const int y0 = symbol.line_top, y1 = symbol.line_bottom;
    pixRasterop(rest.get(), x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin,
                PIX_CLR, nullptr, 0, 0);
  }
  // Pieces the height of print: digits are over half a line, CJK nearly all
  // of it; specks and the cut-off ends of strokes are less, seals and
  // pictures more than three lines.
  PixPtr tall(
      pixSelectBySize(rest.get(), 0, line * 2 / 5, 8, L_SELECT_HEIGHT, L_SELECT_IF_GTE, nullptr));
  PixPtr print(tall == nullptr ? nullptr
                               : pixSelectBySize(tall.get(), 0, 3 * line, 8, L_SELECT_HEIGHT,
                                                 L_SELECT_IF_LTE, nullptr));
  if (print == nullptr) return out;
  l_int32 zero = 1;
  pixZero(print.get(), &zero);
  if (zero) return out;
  // Their points, commas and small strokes come back with them: what lies
  // within an em beside or half a line above and below them.
  PixPtr near(pixDilateBrick(nullptr, print.get(), 2 * line + 1, line + 1));
  if (near == nullptr) return out;
  PixPtr pieces(pixAnd(nullptr, rest.get(), near.get()));
  if (pieces == nullptr) return out;
  std::vector<Symbol> read = engine.RecognizePage(pieces.get(), dpi, deadline, /*sparse=*/true);
  // A piece right beside a word read on its line is a part of that word the
  // LSTM's box left out (a stroke of 目 read "2" inside 科目名称), not print
  // of its own: dropped print stands a cell's padding away from its
  // neighbours at least.
  const int beside = std::max(2, line * 2 / 5);
  auto next_to_a_word = [&](int x0, int x1, int top, int bottom) {
    return std::any_of(symbols.begin(), symbols.end(), [&](const Symbol& symbol) {
      const int overlap = std::min(bottom, symbol.line_bottom) - std::max(top, symbol.line_top);
      if (2 * overlap < std::min(bottom - top, symbol.line_bottom - symbol.line_top)) return false;
      const bool word_box = symbol.word_x1 > symbol.word_x0;
      const int left = word_box ? symbol.word_x0 : symbol.x0;
      const int right = word_box ? symbol.word_x1 : symbol.x1;
      return x0 < right + beside && x1 > left - beside;
    });
  };
  // Whole words of sure characters only.
  for (std::size_t begin = 0; begin < read.size();) {
    std::size_t end = begin + 1;
    while (end < read.size() && read[end].word == read[begin].word) ++end;
    long long sum = 0;
    int x0 = read[begin].x0, x1 = read[begin].x1;
    for (std::size_t i = begin; i < end; ++i) {
      sum += read[i].confidence;
      x0 = std::min(x0, read[i].x0);
      x1 = std::max(x1, read[i].x1);
    }
    const bool sure = sum >= static_cast<long long>(kMinDroppedWordConfidence) *
                                 static_cast<long long>(end - begin);
    if (sure && !next_to_a_word(x0, x1, read[begin].line_top, read[begin].line_bottom)) {
      for (std::size_t i = begin; i < end; ++i) {
        Symbol symbol = read[i];
        symbol.word += last_word + 1;
        out.push_back(std::move(symbol));
      }
    }
    begin = end;
  }
  return out;
}

}  // namespace disclose::ocr
