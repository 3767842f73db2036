// Stage 4 of the unruled table detector (see unruled_stages.h): the columns.
// Amounts are right-aligned, so amount columns are clusters of the figures'
// right edges; everything left of the leftmost amount is the label column; a
// text column (a summary's second side) is where words right of the labels
// line up on their left edges.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
// Right-edge clusters of the figures: one per amount column, left to right.
std::vector<double> AmountColumns(const std::vector<Line>& lines, const Candidate& run,
                                  double tolerance) {
  std::vector<std::pair<double, bool>> edges;  // right edge, printed as money
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    // A later group's code is digits but no amount: its right edges made a column of codes.
    const std::vector<bool> later_group = LaterGroupWords(lines[l]);
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      if (IsAmount(lines[l], c) && !later_group[c]) {
        edges.emplace_back(lines[l].chunks[c].box.x1, lines[l].chunks[c].money);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<std::vector<double>> clusters;
  std::vector<bool> money;
  for (const auto& [edge, is_money] : edges) {
    if (clusters.empty() || edge - clusters.back().back() > tolerance) {
      clusters.emplace_back();
      money.push_back(false);
    }
    clusters.back().push_back(edge);
    money.back() = money.back() || is_money;
  }
  std::vector<double> columns;
  std::vector<bool> pieces;  // per column: small numbers only (code pieces)
  std::vector<double> lone;  // right edges of the clusters of one small number
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    // A stray small number is not a column, but one amount printed as money
    // is: a summary's income side often holds a single figure, and a column
    // of one figure on a continuation page is still a column.
    if (clusters[k].size() < 2 && !money[k]) {
      lone.push_back(clusters[k].front());
      continue;
    }
    columns.push_back(clusters[k][clusters[k].size() / 2]);
    pieces.push_back(!money[k]);
  }
  if (lone.empty() || columns.empty()) return columns;
  // Two code pieces of one row never share a cell. A lone small number
  // whose nearest column is a column of code pieces holding another piece of
  // its row is a column of its own: the 项 code of the one 7-digit row on a
  // page of split codes ("08" and "03" under 款 and 项 were read as one cell
  // "08 03", and the row lost its code). Beside amounts it stays out: left
  // of them it is the label's (206 01 in one cell).
  auto nearest = [&columns](double edge) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < columns.size(); ++k) {
      if (std::abs(columns[k] - edge) < std::abs(columns[best] - edge)) best = k;
    }
    return best;
  };
  std::vector<double> kept;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const double edge = lines[l].chunks[c].box.x1;
      if (!IsAmount(lines[l], c) || std::find(lone.begin(), lone.end(), edge) == lone.end()) {
        continue;
      }
      const std::size_t column = nearest(edge);
      if (!pieces[column]) continue;
      for (std::size_t o = 0; o < lines[l].chunks.size(); ++o) {
        if (o != c && IsAmount(lines[l], o) &&
            std::abs(lines[l].chunks[o].box.x1 - edge) > tolerance &&
            nearest(lines[l].chunks[o].box.x1) == column) {
          kept.push_back(edge);
          break;
        }
      }
    }
  }
  if (kept.empty()) return columns;
  columns.insert(columns.end(), kept.begin(), kept.end());
  std::sort(columns.begin(), columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  return columns;
}

// The label column's bounds. It ends where the leftmost amount column's
// figures begin; but header words are centred over their cells, and the first
// amount column's cell starts well left of its right-aligned figures (a
// centred "合计" ended before "11,740.82" began and went to the labels), so
// its band ends halfway between its longest label and the figures.
LabelBounds FindLabelBounds(const std::vector<Line>& lines, const Candidate& run,
                            const std::vector<double>& amount_edges, double em) {
  double label_limit = amount_edges.front();
  double label_right = -1e18;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const Chunk& chunk = lines[l].chunks[c];
      if (IsAmount(lines[l], c) &&
          std::abs(chunk.box.x1 - amount_edges.front()) <= kRightEdgeTolEm * em) {
        label_limit = std::min(label_limit, chunk.box.x0 - 0.5 * em);
      }
    }
  }
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const Chunk& chunk = lines[l].chunks[c];
      if (!IsAmount(lines[l], c) && chunk.box.x1 < label_limit) {
        label_right = std::max(label_right, chunk.box.x1);
      }
    }
  }
  LabelBounds bounds;
  bounds.none = label_right < -1e17;
  bounds.end = label_right > -1e17 ? label_right : label_limit;
  bounds.limit =
      label_right > -1e17 ? std::max(label_right, (label_right + label_limit) / 2) : label_limit;
  return bounds;
}

// The amount columns at `amount_edges` and the text columns of the run's body
// rows (non-figure chunks right of the label column whose left edges line up
// on at least two rows), left to right, with their bands.
std::vector<Column> BuildColumns(const std::vector<Line>& lines, const Candidate& run,
                                 const std::vector<double>& amount_edges, double label_limit,
                                 double em) {
  struct Extent {
    double lo = 1e18, hi = -1e18;
  };
  std::vector<Extent> amounts(amount_edges.size());
  std::vector<std::pair<double, double>> texts;  // (x0, x1) of text chunks
  // The codes and names of a row's later groups (LaterGroupWords): words of a column even where
  // the group prints one row.
  std::vector<std::pair<double, double>> group_words;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    const std::vector<bool> later_group = LaterGroupWords(lines[l]);
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const Chunk& chunk = lines[l].chunks[c];
      if (later_group[c] && chunk.box.x0 > label_limit + em) {
        texts.emplace_back(chunk.box.x0, chunk.box.x1);
        group_words.emplace_back(chunk.box.x0, chunk.box.x1);
      } else if (IsAmount(lines[l], c)) {
        for (std::size_t k = 0; k < amount_edges.size(); ++k) {
          if (std::abs(chunk.box.x1 - amount_edges[k]) <= kRightEdgeTolEm * em) {
            amounts[k].lo = std::min(amounts[k].lo, chunk.box.x0);
          }
        }
      } else if (!chunk.figure && chunk.box.x0 > label_limit + em) {
        texts.emplace_back(chunk.box.x0, chunk.box.x1);
      }
    }
  }
  std::sort(texts.begin(), texts.end());
  std::vector<Column> columns;
  std::vector<Extent> text_extent;
  for (std::size_t i = 0; i < texts.size();) {
    std::size_t j = i;
    Extent extent;
    while (j < texts.size() && texts[j].first - texts[i].first <= kTextColumnTolEm * em) {
      extent.lo = std::min(extent.lo, texts[j].first);
      extent.hi = std::max(extent.hi, texts[j].second);
      ++j;
    }
    if (j - i >= 2) {
      // A cluster starting inside the one before is the same cell's words
      // set further in (a narrow name column indents its lower levels, or
      // wraps "行政单位离" / "退休" flush left): cells never overlap, so
      // overlapping clusters are one column.
      if (!text_extent.empty() && extent.lo < text_extent.back().hi) {
        Extent& merged = text_extent.back();
        merged.hi = std::max(merged.hi, extent.hi);
        columns.back().hi = merged.hi;
      } else {
        columns.push_back(Column{true, extent.lo, 0, 0, extent.lo, extent.hi});
        text_extent.push_back(extent);
      }
    }
    i = j;
  }
  // Words no other word lines up with on its left edge can still be a column:
  // a continuation page with two names, each indented to its own level
  // (行政运行 at 262 pt, 事业运行 at 274 pt, s7w_0100_final), has no two left
  // edges within the tolerance. Their extents overlap, and cells never
  // overlap, so words overlapping each other, clear of every column found and
  // of every amount column's figures, are one text column. Without it the
  // names went to the nearest amount column and each row's amount was read
  // into the name cell (行政运行9,775,824.2). A later group's code or name is a column even
  // alone: the last of three groups often prints one row (30228 | 工会经费 | 3,306.69).
  std::vector<std::pair<double, double>> lone;  // (x0, x1) of the words left out above
  for (std::size_t i = 0; i < texts.size();) {
    std::size_t j = i;
    while (j < texts.size() && texts[j].first - texts[i].first <= kTextColumnTolEm * em) ++j;
    if (j - i == 1) lone.push_back(texts[i]);
    i = j;
  }
  auto clear_of_columns = [&](const Extent& extent) {
    for (const Extent& other : text_extent) {
      if (extent.lo < other.hi && other.lo < extent.hi) return false;
    }
    for (std::size_t k = 0; k < amount_edges.size(); ++k) {
      const double lo = std::min(amounts[k].lo, amount_edges[k]);
      if (extent.lo < amount_edges[k] && lo < extent.hi) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < lone.size();) {
    Extent extent{lone[i].first, lone[i].second};
    std::size_t j = i + 1;
    while (j < lone.size() && lone[j].first < extent.hi) {
      extent.hi = std::max(extent.hi, lone[j].second);
      ++j;
    }
    const bool group_word = j - i == 1 && std::find(group_words.begin(), group_words.end(),
                                                    lone[i]) != group_words.end();
    if ((j - i >= 2 || group_word) && clear_of_columns(extent)) {
      columns.push_back(Column{true, extent.lo, 0, 0, extent.lo, extent.hi});
      text_extent.push_back(extent);
    }
    i = j;
  }
  std::vector<Extent> column_extent = text_extent;
  for (std::size_t k = 0; k < amount_edges.size(); ++k) {
    columns.push_back(Column{false, amount_edges[k], 0, 0, amounts[k].lo, amount_edges[k]});
    column_extent.push_back(amounts[k]);
  }
  std::vector<std::size_t> order(columns.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return columns[a].edge < columns[b].edge; });
  std::vector<Column> sorted;
  std::vector<Extent> extents;
  for (std::size_t k : order) {
    sorted.push_back(columns[k]);
    extents.push_back(column_extent[k]);
  }
  // Band boundaries: after an amount column its right edge; before a text
  // column a little left of its edge; between a text column and the amounts
  // after it, halfway from the text's end to the figures' start.
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    sorted[k].left = k == 0 ? label_limit : sorted[k - 1].right;
    if (k + 1 == sorted.size()) {
      sorted[k].right = sorted[k].text ? 1e18 : sorted[k].edge + 1;
    } else if (!sorted[k].text) {
      sorted[k].right = sorted[k].edge + 1;
    } else if (sorted[k + 1].text) {
      sorted[k].right = sorted[k + 1].edge - 0.25 * em;
    } else {
      sorted[k].right = (extents[k].hi + std::min(extents[k + 1].lo, sorted[k + 1].edge)) / 2;
    }
    sorted[k].right = std::max(sorted[k].right, sorted[k].left);
  }
  return sorted;
}

// The band (0 for the label column) that holds x, or -1 between bands.
int BandOf(double x, const std::vector<Column>& columns, double label_limit) {
  if (x <= label_limit) return 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (x > columns[k].left && x <= columns[k].right) return static_cast<int>(k) + 1;
  }
  return -1;
}

// Column of a chunk: the label column (0) left of the amounts; a figure goes
// to the amount column whose right edge is nearest its own, a word to the
// text column it starts at, a header word to the column whose band holds its
// centre; anything else to the nearest right edge, as figures do.
int ColumnOf(const Chunk& chunk, const std::vector<Column>& columns, double label_limit,
             bool header, double em) {
  if (chunk.box.x1 <= label_limit) return 0;
  const double centre = (chunk.box.x0 + chunk.box.x1) / 2;
  if (header) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (centre > columns[k].left && centre <= columns[k].right) return static_cast<int>(k) + 1;
    }
  } else if (!chunk.figure) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].text && std::abs(chunk.box.x0 - columns[k].edge) <= kTextColumnTolEm * em) {
        return static_cast<int>(k) + 1;
      }
    }
    // A word set further in, within a text column's body: that column's.
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].text && chunk.box.x0 > columns[k].edge && chunk.box.x0 < columns[k].hi) {
        return static_cast<int>(k) + 1;
      }
    }
    // A word starting left of a text column but over its words: names centred in their cells
    // start further left the longer they are (气象事务 at 262 pt over 行政运 and 气象事 at 278,
    // s14w_0002_final). Cells never overlap, so the column it overlaps most is its own; it went
    // to the nearest amount and ran into its cell (气象事务17,616,3).
    int overlapped = 0;
    double most = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (!columns[k].text) continue;
      const double overlap =
          std::min(chunk.box.x1, columns[k].hi) - std::max(chunk.box.x0, columns[k].edge);
      if (overlap > most) {
        most = overlap;
        overlapped = static_cast<int>(k) + 1;
      }
    }
    if (overlapped > 0) return overlapped;
  }
  const double anchor = header ? centre : chunk.box.x1;
  int best = 0;
  double best_distance = 1e18;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].text && !header) continue;
    const double distance = std::abs(anchor - columns[k].edge);
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(k) + 1;
    }
  }
  return best;
}

// The column a wrapped label's line continues when it starts in no text column: the text column
// it lies within an em of (a centred name's rest, 行 under 行政运 set further in, s14w_0002_final),
// else the label column (0). Sent to the label column, the rest joined the row's class code
// (220 over 行) and the name lost its end.
int NearestTextColumn(const Chunk& chunk, const std::vector<Column>& columns, double em) {
  int nearest = 0;
  double best = em;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (!columns[k].text) continue;
    const double gap =
        std::max({0.0, columns[k].edge - chunk.box.x1, chunk.box.x0 - columns[k].hi});
    if (gap <= best) {
      best = gap;
      nearest = static_cast<int>(k) + 1;
    }
  }
  return nearest;
}

}  // namespace disclose::pdf::unruled
