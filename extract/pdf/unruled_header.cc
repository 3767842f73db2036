// Stage 5 of the unruled table detector (see unruled_stages.h): the header.
// Up to five rows of figure-free lines just above the first row are the header
// (a 栏次 row besides; a row's lines wrapped tight counted once), and each header word goes to the
// column it heads: the label column when it starts among the labels, the one column whose figures
// it overlaps, the column right of a text column when set flush left in a wide cell, else by the
// bands.
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
namespace {

// Whether a header word starts within the label column: at or left of the
// longest label's end. A word starting right of every label is in another
// cell, even when it ends left of the first figures (a header set flush left
// in a wide cell, "合计" over right-aligned amounts).
bool StartsInLabels(const Chunk& word, const LabelBounds& labels, double em) {
  return !labels.none && word.box.x0 <= labels.end + 0.5 * em && word.box.x1 <= labels.limit;
}

// The columns whose body chunks a header word overlaps: a header sits over its
// column's figures whenever it is as wide as they are.
int OverlappedColumn(const Chunk& word, const std::vector<Column>& columns) {
  int hit = -1;
  int hits = 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const Column& column = columns[k];
    if (column.lo > column.hi) continue;
    if (word.box.x0 < column.hi && word.box.x1 > column.lo) {
      hit = static_cast<int>(k) + 1;
      ++hits;
    }
  }
  return hits == 1 ? hit : -1;
}

// A header word in a text column's band that starts right of everything the
// column's body prints is the next column's header set flush left in a wide
// cell ("小计" left-aligned over figures set flush right), as StartsInLabels
// reasons for the label column. Returns that next column, or -1.
int FlushLeftAfterTextColumn(const Chunk& word, const std::vector<Column>& columns,
                             double label_limit, double em) {
  const int band = BandOf(word.box.x0, columns, label_limit);
  if (band <= 0 || static_cast<std::size_t>(band) >= columns.size()) return -1;
  const Column& column = columns[static_cast<std::size_t>(band - 1)];
  if (!column.text || column.lo > column.hi || word.box.x0 <= column.hi + 0.5 * em) return -1;
  return band + 1;
}

// Extents (x0, x1) in order, those that overlap one another merged: the words of several header
// lines over one column.
std::vector<std::pair<double, double>> MergedExtents(
    std::vector<std::pair<double, double>> extents) {
  std::sort(extents.begin(), extents.end());
  std::vector<std::pair<double, double>> merged;
  for (const auto& extent : extents) {
    if (!merged.empty() && extent.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, extent.second);
    } else {
      merged.push_back(extent);
    }
  }
  return merged;
}

}  // namespace

// The header's first line: figure-free lines of several chunks just above
// the run's first row, up to kMaxHeaderRows rows besides a 栏次 row. Lines set
// tight at the line pitch are one row: narrow cells wrap their words inside the
// word, a piece a line (一般 / 公共 / 预算 / 拨款 beside a 类 款 项 line), and
// counted as lines the header lost its upper half and the columns their keys.
std::size_t FindHeaderFirst(const std::vector<Line>& lines, const Candidate& run) {
  std::size_t header_first = run.first;
  int rows = 0;
  for (int taken = 0; taken < kMaxHeaderBlockLines && header_first > 0; ++taken) {
    const Line& above = lines[header_first - 1];
    const Line& below = lines[header_first];
    const double height = std::max(1.0, below.box.height());
    if (below.box.y0 - above.box.y1 > kRowGapLines * height) break;
    const bool new_row =
        header_first == run.first || below.box.y0 - above.box.y1 > kWrapGapLines * height;
    if (new_row && rows >= kMaxHeaderRows) break;
    const bool figures = std::any_of(above.chunks.begin(), above.chunks.end(),
                                     [](const Chunk& chunk) { return chunk.figure; });
    // The 栏次 row (栏次 1 2 3 …) numbers the columns under the header: its
    // figures are no body; the header words above it belong to the table.
    const bool column_numbers =
        IsColumnNumbers(above) || IsColumnNumbersRest(lines, header_first - 1);
    if ((figures && !column_numbers) || above.leader || IsCaptionLine(above)) break;
    // A line declaring the unit (金额单位：元, often on the title's line) is
    // printed above the table, never in its header: taken as a header row it
    // hid the title from the normalizer.
    if (DeclaresUnit(above)) break;
    // A header word wrapped onto a line of its own ("支出功能分" over "类")
    // sits tight under a header line of several chunks.
    const bool wrapped_word = above.chunks.size() == 1 && header_first >= 2 &&
                              lines[header_first - 2].chunks.size() >= 2 &&
                              !IsCaptionLine(lines[header_first - 2]) &&
                              IsWrappedLabelLine(lines, header_first - 1);
    // Words of neighbouring narrow cells set closer than a column gap read as one chunk: a header
    // row's first line (功能分类本年收入财政拨款…) set tight over its wrapped second line (科目 |
    // 合计 | 收入 | …), reaching over the words of several cells of it. HeaderWords parts it.
    const bool glued_line =
        above.chunks.size() == 1 && header_first < run.first && below.chunks.size() >= 2 &&
        !new_row && above.box.x0 < below.chunks[1].box.x0 && above.box.x1 > below.chunks[1].box.x1;
    // So is a 栏次 row whose numbers were not read (lone digits a scan's page pass drops: 栏次
    // alone over a three-line table's body, H35 s3w_0550_budget, whose header was lost).
    if (above.chunks.size() < 2 && !wrapped_word && !glued_line && !column_numbers) break;
    --header_first;
    if (new_row && !column_numbers) ++rows;
  }
  return header_first;
}

// Header words: a header chunk split at gaps of a quarter em or more (words
// of neighbouring cells set closer than a column gap still leave a gap; the
// glyphs of one word are set tight).
std::vector<Chunk> HeaderWords(const PageContent& page, const Chunk& chunk, double em) {
  std::vector<Chunk> words;
  for (int k : chunk.glyphs) {
    const Box& box = page.glyphs[static_cast<std::size_t>(k)].box;
    if (words.empty() || box.x0 - words.back().box.x1 >= 0.25 * em) {
      words.push_back(Chunk{box, {}, {}, false, false});
    }
    words.back().box = Union(words.back().box, box);
    words.back().glyphs.push_back(k);
  }
  return words;
}

// Columns no figure shows (`其他收入` all blank or zero-less): a header word
// right of the last amount column's band that overlaps no body chunk starts a
// column of its own, instead of joining its neighbour's header. Words of
// several header lines that overlap are one column.
void AddHeaderOnlyColumns(const PageContent& page, const std::vector<Line>& lines,
                          std::size_t header_first, std::size_t body_first,
                          const LabelBounds& labels, double em, std::vector<Column>& columns) {
  if (columns.empty() || columns.back().text) return;
  std::vector<std::pair<double, double>> words;  // (x0, x1)
  for (std::size_t l = header_first; l < body_first; ++l) {
    if (!lines[l].chunks.empty() && Contains(lines[l].chunks.front().text, "栏次")) continue;
    for (const Chunk& chunk : lines[l].chunks) {
      for (const Chunk& word : HeaderWords(page, chunk, em)) {
        if (StartsInLabels(word, labels, em)) continue;
        if (word.box.x0 <= columns.back().right || OverlappedColumn(word, columns) >= 0) continue;
        words.emplace_back(word.box.x0, word.box.x1);
      }
    }
  }
  const std::vector<std::pair<double, double>> merged = MergedExtents(std::move(words));
  for (std::size_t k = 0; k < merged.size(); ++k) {
    Column column;
    column.empty = true;
    column.edge = merged[k].second;
    column.left = columns.back().right;
    column.right = k + 1 < merged.size() ? (merged[k].second + merged[k + 1].first) / 2 : 1e18;
    columns.push_back(column);
  }
}

void AddHeaderOnlyColumnsBetween(const PageContent& page, const std::vector<Line>& lines,
                                 std::size_t header_first, std::size_t body_first,
                                 const LabelBounds& labels, double em,
                                 std::vector<Column>& columns) {
  auto over_body = [&](const Chunk& word) {
    return std::any_of(columns.begin(), columns.end(), [&](const Column& column) {
      return column.lo <= column.hi && word.box.x0 < column.hi && word.box.x1 > column.lo;
    });
  };
  // Whether a word of `words` over `next`'s figures lies in its band: that column has its header.
  auto headed = [](const std::vector<Chunk>& words, const Column& next) {
    return std::any_of(words.begin(), words.end(), [&](const Chunk& word) {
      const double centre = (word.box.x0 + word.box.x1) / 2;
      return centre > next.left && centre <= next.right && word.box.x0 < next.hi &&
             word.box.x1 > next.lo;
    });
  };
  std::vector<Column> out;
  for (std::size_t index = 0; index < columns.size(); ++index) {
    Column column = columns[index];
    if (column.empty || column.lo > column.hi) {
      out.push_back(column);
      continue;
    }
    // After a text column the words are a blank column's only where the amount column after
    // it has its own header: else one is that column's set flush left in a wide cell
    // (FlushLeftAfterTextColumn).
    const Column* next = index + 1 < columns.size() ? &columns[index + 1] : nullptr;
    if (column.text && (next == nullptr || next->text || next->lo > next->hi)) {
      out.push_back(column);
      continue;
    }
    // An amount column is headed by the last of its band's words, over its figures, the columns
    // before it known from the words before that; a text column by the first, over its words, the
    // columns after it from the words after.
    std::vector<std::pair<double, double>> apart;  // (x0, x1) of the words heading no body
    double head_edge = column.text ? column.hi : column.lo;
    for (std::size_t l = header_first; l < body_first; ++l) {
      if (IsColumnNumbers(lines[l])) continue;
      std::vector<Chunk> words;
      std::vector<Chunk> line_words;
      for (const Chunk& chunk : lines[l].chunks) {
        for (Chunk& word : HeaderWords(page, chunk, em)) {
          const double centre = (word.box.x0 + word.box.x1) / 2;
          if (centre > column.left && centre <= column.right && !StartsInLabels(word, labels, em)) {
            words.push_back(word);
          }
          line_words.push_back(std::move(word));
        }
      }
      if (words.size() < 2 || (column.text && !headed(line_words, *next))) continue;
      std::sort(words.begin(), words.end(),
                [](const Chunk& a, const Chunk& b) { return a.box.x0 < b.box.x0; });
      const std::size_t head_at = column.text ? 0 : words.size() - 1;
      const Chunk& head = words[head_at];
      if (head.box.x0 >= column.hi || head.box.x1 <= column.lo) continue;
      bool cells_apart = true;
      for (std::size_t w = 0; w + 1 < words.size(); ++w) {
        cells_apart = cells_apart && words[w + 1].box.x0 - words[w].box.x1 >= 0.5 * em;
      }
      for (std::size_t w = 0; w < words.size(); ++w) {
        cells_apart = cells_apart && (w == head_at || !over_body(words[w]));
      }
      if (!cells_apart) continue;
      for (std::size_t w = 0; w < words.size(); ++w) {
        if (w != head_at) apart.emplace_back(words[w].box.x0, words[w].box.x1);
      }
      head_edge = column.text ? std::max(head_edge, head.box.x1) : std::min(head_edge, head.box.x0);
    }
    const std::vector<std::pair<double, double>> merged = MergedExtents(std::move(apart));
    if (merged.empty()) {
      out.push_back(column);
      continue;
    }
    // Each blank column's band reaches halfway to the next word; the headed column keeps the
    // rest of the band, on the side of its head.
    const double band_right = column.right;
    if (column.text) {
      column.right = (head_edge + merged.front().first) / 2;
      out.push_back(column);
    }
    for (std::size_t k = 0; k < merged.size(); ++k) {
      Column blank;
      blank.empty = true;
      blank.edge = merged[k].second;
      // After a text column or another blank, from where that one ends.
      blank.left = column.text || k > 0 ? out.back().right : column.left;
      if (k + 1 < merged.size()) {
        blank.right = (merged[k].second + merged[k + 1].first) / 2;
      } else {
        blank.right = column.text ? band_right : (merged[k].second + head_edge) / 2;
      }
      out.push_back(blank);
    }
    if (!column.text) {
      column.left = out.back().right;
      out.push_back(column);
    }
  }
  columns = std::move(out);
}

// A group header over the columns its words below head (公务用车购置及运行维护费 over 小计 |
// 购置费 | 运行维护费), set flush left in its merged cell or centred: its glyphs cross a band's
// edge, and the lines under it hold a header word in each band it spans. Flush left, it spans
// from its first band on while the words below stay left of its line's next word; centred, the
// span whose words below are centred where it is. Two cells' words set close on one line have no
// such words under them. The columns it spans, or nothing (the word is placed as any other).
std::optional<ColumnSpan> GroupHeaderSpan(const PageContent& page, const Chunk& word,
                                          const std::vector<Line>& lines, std::size_t line,
                                          std::size_t body_first,
                                          const std::vector<Column>& columns,
                                          const LabelBounds& labels, double em) {
  int first = -1;
  int last = -1;
  for (int k : word.glyphs) {
    const Box& box = page.glyphs[static_cast<std::size_t>(k)].box;
    const int band = BandOf((box.x0 + box.x1) / 2, columns, labels.limit);
    if (band <= 0) return std::nullopt;
    first = first < 0 ? band : std::min(first, band);
    last = std::max(last, band);
  }
  if (first < 0 || first == last) return std::nullopt;
  const int count = static_cast<int>(columns.size());
  // The words under it, by band.
  std::vector<Box> below(columns.size() + 1);
  std::vector<bool> has_below(columns.size() + 1, false);
  for (std::size_t l = line + 1; l < body_first; ++l) {
    if (IsColumnNumbers(lines[l])) continue;
    for (const Chunk& chunk : lines[l].chunks) {
      for (const Chunk& lower : HeaderWords(page, chunk, em)) {
        const int band = BandOf((lower.box.x0 + lower.box.x1) / 2, columns, labels.limit);
        if (band <= 0) continue;
        const std::size_t b = static_cast<std::size_t>(band);
        below[b] = has_below[b] ? Union(below[b], lower.box) : lower.box;
        has_below[b] = true;
      }
    }
  }
  // Its line's words beside it bound the group.
  double left_bound = -1e18;
  double right_bound = 1e18;
  for (const Chunk& chunk : lines[line].chunks) {
    for (const Chunk& other : HeaderWords(page, chunk, em)) {
      if (other.box.x1 <= word.box.x0) left_bound = std::max(left_bound, other.box.x1);
      if (other.box.x0 >= word.box.x1) right_bound = std::min(right_bound, other.box.x0);
    }
  }
  const auto open = [&](int b) {
    if (b < 1 || b > count) return false;
    const std::size_t band = static_cast<std::size_t>(b);
    return has_below[band] && below[band].x0 > left_bound && below[band].x1 < right_bound;
  };
  if (!open(first) ||
      std::abs(word.box.x0 - below[static_cast<std::size_t>(first)].x0) <= 0.5 * em) {
    // Flush left over the words below its first band (a merged cell's default alignment).
    int end = first;
    while (open(end + 1)) ++end;
    if (!open(first) || end < last) return std::nullopt;
    return ColumnSpan{first, end - first + 1};
  }
  // Centred: the span around its bands whose words below are centred where it is, within two
  // ems. A word much narrower than the words below it fits some centre by chance.
  constexpr double kMinGroupShare = 0.4;
  const double centre = (word.box.x0 + word.box.x1) / 2;
  std::optional<ColumnSpan> best;
  double best_off = 2.0 * em;
  for (int a = first; open(a); --a) {
    Box group = below[static_cast<std::size_t>(a)];
    for (int b = a; b <= count && open(b); ++b) {
      group = Union(group, below[static_cast<std::size_t>(b)]);
      const double off = std::abs((group.x0 + group.x1) / 2 - centre);
      if (b >= last && word.box.width() >= kMinGroupShare * group.width() && off <= best_off) {
        best_off = off;
        best = ColumnSpan{a, b - a + 1};
      }
    }
  }
  return best;
}

// A header word goes to the label column when it starts among the labels,
// else to the one column whose figures it overlaps, else to the column right
// of a text column when it is set flush left in a wide cell; failing all
// three, by the bands. Header words of neighbouring cells may be set closer
// than a column gap ("项目金额项目（按功能分类）金额"): a cell never
// overflows, so a word whose glyphs sit in several bands is cut where the band
// changes.
std::vector<std::pair<Chunk, int>> PlaceHeaderWord(const PageContent& page, const Chunk& word,
                                                   const std::vector<Column>& columns,
                                                   const LabelBounds& labels, double em) {
  const double label_limit = labels.limit;
  const double label_end = labels.end;
  if (StartsInLabels(word, labels, em)) return {{word, 0}};
  if (const int over = OverlappedColumn(word, columns); over > 0) return {{word, over}};
  if (const int next = FlushLeftAfterTextColumn(word, columns, label_limit, em); next > 0) {
    return {{word, next}};
  }
  std::vector<std::vector<int>> runs;
  int band = -1;
  for (int k : word.glyphs) {
    const Box& box = page.glyphs[static_cast<std::size_t>(k)].box;
    // Right of every label: the first column's band reaches back to the
    // labels' end.
    const double x = (box.x0 + box.x1) / 2;
    int here = BandOf(x, columns, label_limit);
    if (here == 0 && !columns.empty() && (labels.none || x > label_end + 0.25 * em)) here = 1;
    if (runs.empty() || here != band) runs.emplace_back();
    runs.back().push_back(k);
    band = here;
  }
  std::vector<std::pair<Chunk, int>> pieces;
  for (const std::vector<int>& run_glyphs : runs) {
    Chunk piece{page.glyphs[static_cast<std::size_t>(run_glyphs.front())].box,
                run_glyphs,
                {},
                false,
                false};
    for (int k : run_glyphs)
      piece.box = Union(piece.box, page.glyphs[static_cast<std::size_t>(k)].box);
    const double centre = (piece.box.x0 + piece.box.x1) / 2;
    int column = BandOf(centre, columns, label_limit);
    if (column < 0) column = ColumnOf(piece, columns, label_limit, true, em);
    if (column == 0 && !columns.empty() && (labels.none || centre > label_end + 0.25 * em)) {
      column = 1;
    }
    pieces.emplace_back(std::move(piece), column);
  }
  return pieces;
}

}  // namespace disclose::pdf::unruled
