// See table_stitch_align.h.
#include "normalize/table_stitch_align.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// A figure printed as money ("7,748.90", "12.5", a wrapped "7,748.9\n0"):
// class codes and 栏次 numbers print neither a separator nor a point.
bool IsMoney(std::string_view text) {
  std::string compact;
  for (char c : text) {
    if (c != '\n' && c != ' ') compact += c;
  }
  return IsPrintedMoney(compact);
}

// What a column prints in the rows that hold a figure.
struct ColumnProfile {
  int money = 0;
  int text = 0;
  double x0 = 1e18;  // extent of its text cells
  double x1 = -1e18;
  std::vector<double> rights;  // right edges of its figures

  bool Amount() const { return money > 0 && money >= text; }
  bool Text() const { return text > 0 && !Amount(); }
  double Right() const {
    std::vector<double> sorted = rights;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
  }
};

std::vector<ColumnProfile> Profile(const Table& table, int first_row, double& tallest) {
  std::vector<ColumnProfile> profiles(static_cast<std::size_t>(table.column_count));
  std::vector<bool> figure_row(static_cast<std::size_t>(std::max(0, table.row_count)), false);
  for (const TableCell& cell : table.cells) {
    if (cell.row >= first_row && cell.row < table.row_count && IsMoney(Trim(cell.text))) {
      figure_row[static_cast<std::size_t>(cell.row)] = true;
    }
  }
  for (const TableCell& cell : table.cells) {
    if (cell.row < first_row || cell.row >= table.row_count || cell.column < 0 ||
        cell.column >= table.column_count || !figure_row[static_cast<std::size_t>(cell.row)] ||
        !cell.provenance.box || Trim(cell.text).empty()) {
      continue;
    }
    ColumnProfile& profile = profiles[static_cast<std::size_t>(cell.column)];
    const Box& box = *cell.provenance.box;
    if (IsMoney(Trim(cell.text))) {
      ++profile.money;
      profile.rights.push_back(box.x1);
      // One line's height: a wrapped figure's box is two lines tall.
      tallest =
          std::max(tallest, box.height() / (1.0 + static_cast<double>(std::count(
                                                      cell.text.begin(), cell.text.end(), '\n'))));
    } else {
      ++profile.text;
      profile.x0 = std::min(profile.x0, box.x0);
      profile.x1 = std::max(profile.x1, box.x1);
    }
  }
  return profiles;
}

// The columns of a header alone on its page (its body pushed to the next page): its last row,
// where a header is cut finest (类 | 款 | 项 under 科目编码), a cell per column; each column
// reaches from its word's left edge to the next word's. Empty cells carry their column's band;
// a word centred in its column starts right of the column's left edge and a word set flush
// left at it, and either way the next column's word starts right of this column's cells, so a
// cell below lies in the column over its centre. (Reaching halfway between the words, the
// columns of words set flush left ended left of their own figures, set flush right:
// s23w_0024_budget's 收入预算总表 was never stitched to its header, 36 figures lost.) Empty
// when a cell of that row spans columns or has no box.
std::vector<std::pair<double, double>> HeaderColumnBands(const Table& upper, int row) {
  std::vector<std::pair<double, double>> extent(static_cast<std::size_t>(upper.column_count),
                                                {1e18, -1e18});
  for (const TableCell& cell : upper.cells) {
    if (cell.row != row || cell.column < 0 || cell.column >= upper.column_count) continue;
    if (cell.column_span != 1 || !cell.provenance.box) return {};
    extent[static_cast<std::size_t>(cell.column)] = {cell.provenance.box->x0,
                                                     cell.provenance.box->x1};
  }
  for (std::size_t u = 0; u < extent.size(); ++u) {
    if (extent[u].first > extent[u].second) return {};
    if (u > 0 && extent[u].first < extent[u - 1].first) return {};
  }
  std::vector<std::pair<double, double>> bands(extent.size());
  for (std::size_t u = 0; u < extent.size(); ++u) {
    bands[u].first = u == 0 ? -1e18 : extent[u].first;
    bands[u].second = u + 1 == extent.size() ? 1e18 : extent[u + 1].first;
  }
  return bands;
}

// Each column of `lower` placed under the band over most of its filled cells' centres;
// -1 for a column without filled cells or whose cells split between bands.
std::vector<int> PlacesUnderHeader(const std::vector<std::pair<double, double>>& bands,
                                   const Table& lower) {
  std::vector<std::vector<int>> votes(static_cast<std::size_t>(lower.column_count),
                                      std::vector<int>(bands.size(), 0));
  for (const TableCell& cell : lower.cells) {
    if (cell.column < 0 || cell.column >= lower.column_count || !cell.provenance.box ||
        Trim(cell.text).empty()) {
      continue;
    }
    const double center = (cell.provenance.box->x0 + cell.provenance.box->x1) / 2;
    for (std::size_t u = 0; u < bands.size(); ++u) {
      if (center >= bands[u].first && center < bands[u].second) {
        ++votes[static_cast<std::size_t>(cell.column)][u];
      }
    }
  }
  std::vector<int> place(static_cast<std::size_t>(lower.column_count), -1);
  for (std::size_t c = 0; c < votes.size(); ++c) {
    int total = 0, best = 0;
    for (std::size_t u = 0; u < bands.size(); ++u) {
      total += votes[c][u];
      if (votes[c][u] > votes[c][static_cast<std::size_t>(best)]) best = static_cast<int>(u);
    }
    // A 栏次 row's numbers may share a cell below (`2 3`): most cells, not all.
    if (total > 0 && 4 * votes[c][static_cast<std::size_t>(best)] >= 3 * total) place[c] = best;
  }
  return place;
}

}  // namespace

std::optional<Table> AlignToColumnsAbove(const Table& upper, int upper_body, const Table& lower) {
  if (upper.ruled || lower.ruled || upper.column_count < 2 || lower.column_count < 2) {
    return std::nullopt;
  }
  for (const TableCell& cell : lower.cells) {
    if (cell.row_span != 1 || cell.column_span != 1) return std::nullopt;
  }
  double tallest = 0;
  const std::vector<ColumnProfile> above = Profile(upper, upper_body, tallest);
  const std::vector<ColumnProfile> below = Profile(lower, 0, tallest);
  // Figures of one column end within a line height on both pages.
  const double tolerance = std::min(std::max(tallest, 4.0), 24.0);

  std::vector<int> place(static_cast<std::size_t>(lower.column_count), -1);
  int amounts = 0;
  // No figure above: a header alone at the foot of its page places the columns.
  const bool header_only = std::none_of(
      above.begin(), above.end(), [](const ColumnProfile& column) { return column.Amount(); });
  if (header_only) {
    // Of the same shape, the parts stitch as they are: the header's one row may be cut coarser
    // than the body (功能分类科目编码 over 类 | 款 | 项 printed on the next page).
    if (lower.column_count == upper.column_count) return std::nullopt;
    const int header_row = std::min(upper_body, upper.row_count) - 1;
    const std::vector<std::pair<double, double>> bands =
        header_row >= 0 ? HeaderColumnBands(upper, header_row)
                        : std::vector<std::pair<double, double>>{};
    if (bands.empty()) return std::nullopt;
    place = PlacesUnderHeader(bands, lower);
  }
  for (int c = 0; c < lower.column_count && !header_only; ++c) {
    const ColumnProfile& column = below[static_cast<std::size_t>(c)];
    int best = -1;
    double best_score = 0;
    for (int u = 0; u < upper.column_count; ++u) {
      const ColumnProfile& target = above[static_cast<std::size_t>(u)];
      if (column.Amount() && target.Amount()) {
        const double distance = std::abs(column.Right() - target.Right());
        if (distance <= tolerance && (best < 0 || distance < best_score)) {
          best = u;
          best_score = distance;
        }
      } else if (column.Text() && target.Text()) {
        const double overlap = std::min(column.x1, target.x1) - std::max(column.x0, target.x0);
        if (overlap > 0 && overlap > best_score) {
          best = u;
          best_score = overlap;
        }
      }
    }
    place[static_cast<std::size_t>(c)] = best;
  }
  // A figure column no figure above lines up with: the rows above left that column blank (a
  // short head part's 项目支出), so the header's last row places it, on a column with no figure
  // above (s14w_0011_budget).
  if (!header_only && upper_body > 0) {
    std::vector<int> under_header;  // the header's places, computed once, when one is needed
    for (int c = 0; c < lower.column_count; ++c) {
      if (place[static_cast<std::size_t>(c)] >= 0 || !below[static_cast<std::size_t>(c)].Amount()) {
        continue;
      }
      if (under_header.empty()) {
        const std::vector<std::pair<double, double>> bands =
            HeaderColumnBands(upper, std::min(upper_body, upper.row_count) - 1);
        if (bands.empty()) break;
        under_header = PlacesUnderHeader(bands, lower);
      }
      const int u = under_header[static_cast<std::size_t>(c)];
      if (u >= 0 && above[static_cast<std::size_t>(u)].money == 0 &&
          above[static_cast<std::size_t>(u)].text == 0) {
        place[static_cast<std::size_t>(c)] = u;
      }
    }
  }
  for (int c = 0; c < lower.column_count; ++c) {
    if (below[static_cast<std::size_t>(c)].Amount()) ++amounts;
  }
  if (amounts == 0) return std::nullopt;
  // Every filled cell needs a place; places keep the columns' order, and two
  // figure columns never share one.
  int last = -1;
  std::vector<bool> figure_taken(static_cast<std::size_t>(upper.column_count), false);
  for (int c = 0; c < lower.column_count; ++c) {
    const int u = place[static_cast<std::size_t>(c)];
    if (u < 0) continue;
    if (u < last) return std::nullopt;
    if (below[static_cast<std::size_t>(c)].Amount()) {
      if (figure_taken[static_cast<std::size_t>(u)]) return std::nullopt;
      figure_taken[static_cast<std::size_t>(u)] = true;
    }
    last = u;
  }
  for (const TableCell& cell : lower.cells) {
    if (!Trim(cell.text).empty() && place[static_cast<std::size_t>(cell.column)] < 0) {
      return std::nullopt;
    }
  }
  bool moved = lower.column_count != upper.column_count;
  for (int c = 0; c < lower.column_count && !moved; ++c) {
    const int u = place[static_cast<std::size_t>(c)];
    moved = u >= 0 && u != c;
  }
  if (!moved) return std::nullopt;

  Table aligned = lower;
  aligned.column_count = upper.column_count;
  aligned.cells.clear();
  std::vector<const TableCell*> by_position(
      static_cast<std::size_t>(lower.row_count) * static_cast<std::size_t>(lower.column_count),
      nullptr);
  for (const TableCell& cell : lower.cells) {
    if (cell.row < 0 || cell.row >= lower.row_count) continue;
    by_position[static_cast<std::size_t>(cell.row) * static_cast<std::size_t>(lower.column_count) +
                static_cast<std::size_t>(cell.column)] = &cell;
  }
  for (int r = 0; r < lower.row_count; ++r) {
    for (int u = 0; u < upper.column_count; ++u) {
      TableCell cell;
      cell.row = r;
      cell.column = u;
      cell.provenance = lower.provenance;
      bool filled = false;
      for (int c = 0; c < lower.column_count; ++c) {
        if (place[static_cast<std::size_t>(c)] != u) continue;
        const TableCell* source =
            by_position[static_cast<std::size_t>(r) * static_cast<std::size_t>(lower.column_count) +
                        static_cast<std::size_t>(c)];
        if (source == nullptr || Trim(source->text).empty()) continue;
        if (!filled) {
          cell.provenance = source->provenance;
          cell.text = source->text;
        } else {
          // A name split over two columns below is one cell's lines.
          cell.text += "\n" + source->text;
          if (cell.provenance.box && source->provenance.box) {
            cell.provenance.box->Extend(*source->provenance.box);
          }
        }
        filled = true;
      }
      cell.provenance.row = r;
      cell.provenance.column = u;
      aligned.cells.push_back(std::move(cell));
    }
  }
  return aligned;
}

namespace {

// Each column's left and right rule, from its first single-column cell with a
// box; nullopt for a column no such cell shows.
std::vector<std::optional<std::pair<double, double>>> ColumnEdges(const Table& table) {
  std::vector<std::optional<std::pair<double, double>>> edges(
      static_cast<std::size_t>(std::max(0, table.column_count)));
  for (const TableCell& cell : table.cells) {
    if (cell.column_span != 1 || cell.column < 0 || cell.column >= table.column_count ||
        !cell.provenance.box) {
      continue;
    }
    auto& edge = edges[static_cast<std::size_t>(cell.column)];
    if (!edge) edge = std::make_pair(cell.provenance.box->x0, cell.provenance.box->x1);
  }
  return edges;
}

}  // namespace

Table PlaceOnColumns(const Table& lower, int column_count, const std::vector<int>& place) {
  Table aligned = lower;
  aligned.column_count = column_count;
  std::vector<std::vector<bool>> covered(
      static_cast<std::size_t>(std::max(0, lower.row_count)),
      std::vector<bool>(static_cast<std::size_t>(column_count), false));
  for (TableCell& cell : aligned.cells) {
    const int last = cell.column + cell.column_span - 1;
    const int from = place[static_cast<std::size_t>(cell.column)];
    const int to = place[static_cast<std::size_t>(last)];
    cell.column = from;
    cell.column_span = to - from + 1;
    cell.provenance.column = from;
    for (int r = cell.row; r < cell.row + cell.row_span && r < lower.row_count; ++r) {
      if (r < 0) continue;
      for (int u = from; u <= to; ++u) {
        covered[static_cast<std::size_t>(r)][static_cast<std::size_t>(u)] = true;
      }
    }
  }
  for (int r = 0; r < lower.row_count; ++r) {
    for (int u = 0; u < column_count; ++u) {
      if (covered[static_cast<std::size_t>(r)][static_cast<std::size_t>(u)]) continue;
      TableCell cell;
      cell.row = r;
      cell.column = u;
      cell.provenance = lower.provenance;
      cell.provenance.row = r;
      cell.provenance.column = u;
      aligned.cells.push_back(std::move(cell));
    }
  }
  std::sort(aligned.cells.begin(), aligned.cells.end(), [](const TableCell& a, const TableCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  return aligned;
}

std::optional<Table> AlignRuledToColumnsAbove(const Table& upper, const Table& lower) {
  if (!upper.ruled || !lower.ruled || lower.column_count < 2 ||
      lower.column_count >= upper.column_count) {
    return std::nullopt;
  }
  // Rules drawn at one x on both pages meet within a line's width.
  constexpr double kRulePlay = 1.5;
  const auto above = ColumnEdges(upper);
  const auto below = ColumnEdges(lower);
  std::vector<int> place(static_cast<std::size_t>(lower.column_count), -1);
  int next = 0;
  for (int c = 0; c < lower.column_count; ++c) {
    const auto& edge = below[static_cast<std::size_t>(c)];
    if (!edge) return std::nullopt;
    for (int u = next; u < upper.column_count; ++u) {
      const auto& candidate = above[static_cast<std::size_t>(u)];
      if (candidate && std::abs(candidate->first - edge->first) <= kRulePlay &&
          std::abs(candidate->second - edge->second) <= kRulePlay) {
        place[static_cast<std::size_t>(c)] = u;
        next = u + 1;
        break;
      }
    }
    if (place[static_cast<std::size_t>(c)] < 0) return std::nullopt;
  }
  // Merged cells continue down the left of a table (a project's name and
  // amounts beside its indicators): the columns drawn are the right ones, all
  // of them. A page of the left columns alone is another table of the same
  // template (科目编码 | 科目名称 | 合计 over fewer fund columns).
  for (int c = 0; c < lower.column_count; ++c) {
    if (place[static_cast<std::size_t>(c)] != upper.column_count - lower.column_count + c) {
      return std::nullopt;
    }
  }
  for (const TableCell& cell : lower.cells) {
    if (cell.column < 0 || cell.column + cell.column_span > lower.column_count) return std::nullopt;
  }
  return PlaceOnColumns(lower, upper.column_count, place);
}

}  // namespace disclose
