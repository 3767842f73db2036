#include "extract/ocr/ink_read_twice.h"

#include <algorithm>
#include <numeric>

namespace disclose::ocr {
namespace {

long long Area(int x0, int y0, int x1, int y1) {
  return x1 > x0 && y1 > y0 ? static_cast<long long>(x1 - x0) * (y1 - y0) : 0;
}

bool SameLine(const Symbol& a, const Symbol& b) {
  return a.line_top == b.line_top && a.line_bottom == b.line_bottom;
}

bool CoverSameInk(const Symbol& a, const Symbol& b) {
  const long long shared =
      Area(std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1));
  const long long smaller = std::min(Area(a.x0, a.y0, a.x1, a.y1), Area(b.x0, b.y0, b.x1, b.y1));
  return smaller > 0 && static_cast<double>(shared) >= kSameInkShare * static_cast<double>(smaller);
}

int LineHeight(const Symbol& symbol) {
  return symbol.line_bottom - symbol.line_top;
}

}  // namespace

int DropInkReadTwice(std::vector<Symbol>& symbols) {
  // Swept left to right: only symbols whose horizontal extents overlap can
  // share ink, a handful per symbol on a table page of thousands.
  std::vector<std::size_t> order(symbols.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return symbols[a].x0 < symbols[b].x0; });
  std::vector<bool> drop(symbols.size(), false);
  for (std::size_t i = 0; i < order.size(); ++i) {
    Symbol& a = symbols[order[i]];
    for (std::size_t j = i + 1; j < order.size() && symbols[order[j]].x0 < a.x1; ++j) {
      Symbol& b = symbols[order[j]];
      if (SameLine(a, b) || !CoverSameInk(a, b)) continue;
      const int height_a = LineHeight(a), height_b = LineHeight(b);
      if (2 * height_a >= 3 * height_b || 2 * height_b >= 3 * height_a) {
        // The taller line is the one laid over two rows: its reading goes, and
        // the cell keeping the other is read again.
        const bool drop_a = height_a > height_b;
        drop[drop_a ? order[i] : order[j]] = true;
        (drop_a ? b : a).confidence = 0;
      } else {
        // Two lines of one row, split where they overlap (a title read as 一般4
        // and 公共预算…, the 4 a piece of the 公; a wrapped header cell 财政拨款收
        // over 入): the surer reading stays, doubtful, so that a cell holding it
        // is read again on its own rather than as the two lines interleaved.
        const bool drop_a = a.confidence < b.confidence;
        drop[drop_a ? order[i] : order[j]] = true;
        (drop_a ? b : a).confidence = 0;
      }
    }
  }
  int dropped = 0;
  std::vector<Symbol> kept;
  kept.reserve(symbols.size());
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (drop[i]) {
      ++dropped;
    } else {
      kept.push_back(std::move(symbols[i]));
    }
  }
  symbols = std::move(kept);
  return dropped;
}

}  // namespace disclose::ocr
