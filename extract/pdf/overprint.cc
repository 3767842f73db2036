// Two rows of a table drawn on one line (layout.h, TakeOverprintedHeaders).
//
// LibreOffice may draw a table's repeated header rows at the top of a page
// over its first body row, glyph on glyph (科目编码 over 201, 本年支出合计
// over 2,052.56). Read as one line, the header words and the row's cells run
// into each other (本年支出合2计,052.56), the row is lost and the columns are
// keyed by the mixture. The two rows are drawn one after the other, the header
// first, so on such a line the glyphs split by drawing order into two layers,
// each a clean line of its own, that cover each other.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/layout.h"

namespace disclose::pdf {
namespace {

double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

// Whether two glyphs of one line cover each other: more than half the
// narrower one's width in common (kerned neighbours touch, they do not cover).
bool Covers(const Box& a, const Box& b) {
  const double common = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const double narrower = std::min(a.width(), b.width());
  return narrower > 0 && common > 0.5 * narrower;
}

bool IsDigitText(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether a layer prints an amount: a digit, a separator or a point, a digit, left to right.
bool HasAmount(std::vector<const Glyph*> layer) {
  std::sort(layer.begin(), layer.end(),
            [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  std::string text;
  for (const Glyph* glyph : layer) text += glyph->text;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (digit(text[i]) && (text[i + 1] == ',' || text[i + 1] == '.') && digit(text[i + 2])) {
      return true;
    }
  }
  return false;
}

// Words in a layer, left to right: runs of glyphs closer than a glyph's width.
int Words(std::vector<const Glyph*> layer) {
  std::sort(layer.begin(), layer.end(),
            [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  int words = 0;
  double right = -1e18;
  for (const Glyph* glyph : layer) {
    if (glyph->box.x0 - right > std::max(1.0, glyph->box.height())) ++words;
    right = std::max(right, glyph->box.x1);
  }
  return words;
}

}  // namespace

std::vector<std::vector<Glyph>> TakeOverprintedHeaders(std::vector<Glyph>& glyphs) {
  // A header covering a row: this many of the row's glyphs under the header's,
  // and a header of words apart (two cells at least).
  constexpr int kMinCovered = 3;
  constexpr int kMinHeaderWords = 2;
  constexpr std::size_t kMaxLineGlyphs = 2000;
  // Lines: glyphs whose vertical centres fall within one another's box, in
  // drawing order within each line.
  std::vector<int> order;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (glyphs[i].rotation == 0 && !RemoveAllWhitespace(glyphs[i].text).empty()) {
      order.push_back(static_cast<int>(i));
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return CenterY(glyphs[static_cast<std::size_t>(a)].box) <
           CenterY(glyphs[static_cast<std::size_t>(b)].box);
  });
  std::vector<std::vector<int>> lines;
  Box band;
  for (int i : order) {
    const Box& box = glyphs[static_cast<std::size_t>(i)].box;
    if (!lines.empty() && CenterY(box) >= band.y0 && CenterY(box) <= band.y1) {
      lines.back().push_back(i);
      band.y0 = std::min(band.y0, box.y0);
      band.y1 = std::max(band.y1, box.y1);
      continue;
    }
    lines.push_back({i});
    band = box;
  }

  std::vector<bool> take(glyphs.size(), false);
  std::vector<std::vector<Glyph>> taken;
  for (std::vector<int>& line : lines) {
    // The search is quadratic in a line's glyphs; a table row prints a few hundred at most,
    // and a longer line (a chart's dense labels, hostile input) is left as it is.
    if (line.size() > kMaxLineGlyphs) continue;
    std::sort(line.begin(), line.end());  // drawing order
    // The first glyph drawn over one drawn before it starts the second layer.
    std::size_t split = line.size();
    for (std::size_t k = 1; k < line.size() && split == line.size(); ++k) {
      for (std::size_t m = 0; m < k; ++m) {
        if (Covers(glyphs[static_cast<std::size_t>(line[k])].box,
                   glyphs[static_cast<std::size_t>(line[m])].box)) {
          split = k;
          break;
        }
      }
    }
    if (split == line.size()) continue;
    std::vector<const Glyph*> first, second;
    for (std::size_t k = 0; k < line.size(); ++k) {
      (k < split ? first : second).push_back(&glyphs[static_cast<std::size_t>(line[k])]);
    }
    // Each layer a clean line: nothing covered within it.
    auto clean = [](const std::vector<const Glyph*>& layer) {
      for (std::size_t a = 0; a < layer.size(); ++a) {
        for (std::size_t b = a + 1; b < layer.size(); ++b) {
          if (Covers(layer[a]->box, layer[b]->box)) return false;
        }
      }
      return true;
    };
    if (!clean(first) || !clean(second)) continue;
    int covered = 0;
    for (const Glyph* glyph : second) {
      if (std::any_of(first.begin(), first.end(),
                      [&](const Glyph* above) { return Covers(glyph->box, above->box); })) {
        ++covered;
      }
    }
    // The layer drawn first is the header: words, no figure; the one under it a row of
    // figures. A row drawn over a row is left as it is (which one is read cannot be told), and
    // so are two header rows at one y (科目编码… over 栏次 1 2 3), which the layout keeps apart.
    const bool header = std::none_of(first.begin(), first.end(),
                                     [](const Glyph* glyph) { return IsDigitText(glyph->text); });
    if (covered < kMinCovered || !header || Words(first) < kMinHeaderWords || !HasAmount(second)) {
      continue;
    }
    std::vector<Glyph> layer;
    for (std::size_t k = 0; k < split; ++k) {
      take[static_cast<std::size_t>(line[k])] = true;
      layer.push_back(glyphs[static_cast<std::size_t>(line[k])]);
    }
    taken.push_back(std::move(layer));
  }
  if (taken.empty()) return taken;
  std::vector<Glyph> kept;
  kept.reserve(glyphs.size());
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (!take[i]) kept.push_back(std::move(glyphs[i]));
  }
  glyphs = std::move(kept);
  return taken;
}

}  // namespace disclose::pdf
