// Table detection on one page: pure geometry over PageContent, no Poppler.
//
// Ruled tables come from drawn rules: collinear pieces are merged, connected
// horizontal/vertical rules form one table, their coordinates are snapped into
// grid lines, and a missing inner border merges the two cells it would split.
// Glyphs go to the cell containing their centre, so a value printed a few
// points above its label still lands in the label's row (the cell boundaries
// come from the rules, not from text lines).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {
namespace {

constexpr double kMergeTol = 1.5;     // gap allowed between collinear pieces of one rule
constexpr double kSnapTol = 2.0;      // coordinates this close are one grid line
constexpr double kCollapseTol = 3.0;  // double rules closer than this are one line
constexpr double kMaxRuleThickness = 3.0;

// A rule reduced to its centre line: `pos` is y for horizontal segments and x
// for vertical ones; [lo, hi] is the extent along the line.
struct Segment {
  double pos = 0, lo = 0, hi = 0;
};

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int Find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(int a, int b) { parent[Find(a)] = Find(b); }
};

// Merges collinear segments that overlap or touch: sort by position, group
// positions within kMergeTol, then sweep each group along the line.
std::vector<Segment> MergeCollinear(std::vector<Segment> segs) {
  std::sort(segs.begin(), segs.end(),
            [](const Segment& a, const Segment& b) { return a.pos < b.pos; });
  std::vector<Segment> out;
  size_t i = 0;
  while (i < segs.size()) {
    size_t j = i + 1;
    while (j < segs.size() && segs[j].pos - segs[j - 1].pos <= kMergeTol) ++j;
    std::vector<Segment> group(segs.begin() + i, segs.begin() + j);
    std::sort(group.begin(), group.end(),
              [](const Segment& a, const Segment& b) { return a.lo < b.lo; });
    Segment cur = group[0];
    double pos_sum = cur.pos;
    int pos_n = 1;
    for (size_t k = 1; k < group.size(); ++k) {
      if (group[k].lo <= cur.hi + kMergeTol) {
        cur.hi = std::max(cur.hi, group[k].hi);
        pos_sum += group[k].pos;
        ++pos_n;
      } else {
        cur.pos = pos_sum / pos_n;
        out.push_back(cur);
        cur = group[k];
        pos_sum = cur.pos;
        pos_n = 1;
      }
    }
    cur.pos = pos_sum / pos_n;
    out.push_back(cur);
    i = j;
  }
  return out;
}

// Snaps sorted coordinates into grid lines; lines closer than kCollapseTol
// (decorative double rules) become one, so no zero-height rows appear.
std::vector<double> Cluster(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::vector<double> lines;
  size_t i = 0;
  while (i < values.size()) {
    size_t j = i + 1;
    while (j < values.size() && values[j] - values[j - 1] <= kSnapTol) ++j;
    double sum = 0;
    for (size_t k = i; k < j; ++k) sum += values[k];
    double line = sum / static_cast<double>(j - i);
    if (!lines.empty() && line - lines.back() < kCollapseTol) {
      lines.back() = (lines.back() + line) / 2;
    } else {
      lines.push_back(line);
    }
    i = j;
  }
  return lines;
}

// Index of the grid line nearest to v, or -1 when none is within tol.
int NearestLine(const std::vector<double>& lines, double v, double tol) {
  auto it = std::lower_bound(lines.begin(), lines.end(), v);
  int best = -1;
  double best_d = tol;
  for (auto c : {it, it == lines.begin() ? it : it - 1}) {
    if (c == lines.end()) continue;
    double d = std::abs(*c - v);
    if (d <= best_d) {
      best_d = d;
      best = static_cast<int>(c - lines.begin());
    }
  }
  return best;
}

// Index of the band [lines[k], lines[k+1]) holding v, or -1 outside.
int Band(const std::vector<double>& lines, double v) {
  if (lines.size() < 2 || v < lines.front() || v > lines.back()) return -1;
  auto it = std::upper_bound(lines.begin(), lines.end(), v);
  int k = static_cast<int>(it - lines.begin()) - 1;
  return std::clamp(k, 0, static_cast<int>(lines.size()) - 2);
}

// Length of [lo, hi] covered by the segments (on one line), union of overlaps.
double Coverage(const std::vector<Segment>& segs, double lo, double hi) {
  std::vector<std::pair<double, double>> parts;
  for (const Segment& s : segs) {
    double a = std::max(lo, s.lo), b = std::min(hi, s.hi);
    if (b > a) parts.emplace_back(a, b);
  }
  std::sort(parts.begin(), parts.end());
  double total = 0, end = lo;
  for (auto [a, b] : parts) {
    a = std::max(a, end);
    if (b > a) {
      total += b - a;
      end = b;
    }
  }
  return total;
}

bool IsCjk(char32_t c) {
  return IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

double CenterX(const Glyph& g) {
  return (g.box.x0 + g.box.x1) / 2;
}
double CenterY(const Glyph& g) {
  return (g.box.y0 + g.box.y1) / 2;
}

// For each grid line in `lines`, how far the rules drawn on it (`segments`, running across the
// grid's `edge`) reach past that edge, before it (`before`) or after it, by more than
// `min_open`: a rule overshooting its corner by less reaches nothing. Lines whose rules do not
// reach past are left out.
std::vector<double> ReachesPastEdge(const std::vector<Segment>& segments,
                                    const std::vector<double>& lines, double edge, bool before,
                                    double min_open) {
  std::vector<double> ends;
  for (double line : lines) {
    double reach = 0;
    for (const Segment& s : segments) {
      if (std::abs(s.pos - line) > kCollapseTol) continue;
      if (before && s.lo < edge - min_open && s.hi >= edge - kSnapTol) {
        reach = std::max(reach, edge - s.lo);
      }
      if (!before && s.hi > edge + min_open && s.lo <= edge + kSnapTol) {
        reach = std::max(reach, s.hi - edge);
      }
    }
    if (reach > 0) ends.push_back(reach);
  }
  return ends;
}

// A row whose horizontal border was drawn on the other page: a table
// continued at a page's top often opens with a row under no rule (its top
// border closed the previous page), its column rules drawn up to where the
// rule would be (js_highcourt_2017 p14: `2210201 住房公积金 1,029.15` above the
// first rule); a table cut at a page's foot may end the same way. When most
// grid columns' vertical rules run past the first (last) horizontal line by at
// least a text line, the grid gets a border where they end.
void CloseOpenEdges(const std::vector<Segment>& verticals, const std::vector<double>& xs,
                    std::vector<double>& ys) {
  constexpr double kMinOpenRow = 6.0;  // points: less is a rule overshooting its corner
  // Only a table's row: two columns or more, and no taller than its tallest
  // ruled row and a half (a one-column frame, a seal's box, opens nothing).
  if (xs.size() < 3) return;
  double tallest = 0;
  for (std::size_t k = 0; k + 1 < ys.size(); ++k) tallest = std::max(tallest, ys[k + 1] - ys[k]);
  auto close = [&](bool top) {
    const double edge = top ? ys.front() : ys.back();
    const std::vector<double> ends = ReachesPastEdge(verticals, xs, edge, top, kMinOpenRow);
    // Most lines, and at least both borders' worth: one long rule (an axis, a
    // margin line) opens no row.
    if (ends.size() < 2 || ends.size() * 2 < xs.size()) return;
    const double reach = *std::min_element(ends.begin(), ends.end());
    if (reach > 1.5 * tallest) return;
    if (top) {
      ys.insert(ys.begin(), edge - reach);
    } else {
      ys.push_back(edge + reach);
    }
  };
  close(true);
  close(false);
}

// A grid whose outer column border was not drawn (or not scanned): a summary's
// label column left of the first column rule, the row rules running on to the
// table's edge (jl_changchun_xinfang p9: 一、本年收入 | 1682.76 with no rule left
// of 一). When most row lines' rules run past the first (last) column line by
// at least a column's worth, and print lies in that strip, the grid gets a
// border where they end. A rule under a title or a page's heading runs past
// alone, and a strip without print opens no column.
void CloseOpenSides(const PageContent& page, const std::vector<Segment>& horizontals,
                    std::vector<double>& xs, const std::vector<double>& ys) {
  constexpr double kMinOpenColumn = 12.0;  // points: narrower is a rule overshooting its corner
  if (ys.size() < 3 || xs.size() < 2) return;
  double widest = 0;
  for (std::size_t k = 0; k + 1 < xs.size(); ++k) widest = std::max(widest, xs[k + 1] - xs[k]);
  auto open = [&](bool left) {
    const double edge = left ? xs.front() : xs.back();
    const std::vector<double> ends = ReachesPastEdge(horizontals, ys, edge, left, kMinOpenColumn);
    if (ends.size() < 3 || ends.size() * 2 < ys.size()) return;
    const double reach = *std::min_element(ends.begin(), ends.end());
    if (reach > 1.5 * widest) return;
    const double x0 = left ? edge - reach : edge, x1 = left ? edge : edge + reach;
    const bool printed = std::any_of(page.glyphs.begin(), page.glyphs.end(), [&](const Glyph& g) {
      const double cx = CenterX(g), cy = CenterY(g);
      return cx > x0 && cx < x1 && cy > ys.front() && cy < ys.back() && !g.text.empty() &&
             g.text != " ";
    });
    if (!printed) return;
    if (left) {
      xs.insert(xs.begin(), edge - reach);
    } else {
      xs.push_back(edge + reach);
    }
  };
  open(true);
  open(false);
}

// Whether print is an amount's: digits with their separators and spaces only.
bool IsAmountPrint(const std::string& text) {
  bool digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != ',' && c != '.' && c != ' ' && c != '-') {
      return false;
    }
  }
  return digit;
}

// Whether the print either side of a grid line whose rule is missing in a row is two cells'
// rather than one's: an amount on one side at least, no glyph across the line, and a gap at it of
// a glyph's height at least. A scan drops a rule's stretch (bj_city_govoffice p1:
// '5,133.737491' beside 支出总计, read as one cell over two columns); a header word spanning the
// columns (本年收入, 合  计) is words on both sides, and one amount centred over the two has no
// gap.
bool PrintSplitAt(const PageContent& page, const std::vector<int>& left,
                  const std::vector<int>& right, double x) {
  if (left.empty() || right.empty()) return false;
  double left_end = -1e9, right_start = 1e9, height = 0;
  std::string left_text, right_text;
  for (int k : left) {
    const Glyph& g = page.glyphs[k];
    if (g.box.x1 > x + kSnapTol) return false;
    left_end = std::max(left_end, g.box.x1);
    height = std::max(height, g.box.height());
    left_text += g.text;
  }
  for (int k : right) {
    const Glyph& g = page.glyphs[k];
    if (g.box.x0 < x - kSnapTol) return false;
    right_start = std::min(right_start, g.box.x0);
    height = std::max(height, g.box.height());
    right_text += g.text;
  }
  if (right_start - left_end < height) return false;
  return IsAmountPrint(left_text) || IsAmountPrint(right_text);
}

// Builds one ruled table from the grid lines and the rule segments of one
// connected component.
DetectedTable BuildRuledTable(const PageContent& page, const std::vector<double>& xs,
                              const std::vector<double>& ys, const std::vector<Segment>& hsegs,
                              const std::vector<Segment>& vsegs, std::vector<char>& glyph_taken) {
  const int rows = static_cast<int>(ys.size()) - 1;
  const int cols = static_cast<int>(xs.size()) - 1;
  // Segments per grid line, for border coverage.
  std::vector<std::vector<Segment>> on_x(xs.size()), on_y(ys.size());
  for (const Segment& s : vsegs) {
    int k = NearestLine(xs, s.pos, kCollapseTol);
    if (k >= 0) on_x[k].push_back(s);
  }
  for (const Segment& s : hsegs) {
    int k = NearestLine(ys, s.pos, kCollapseTol);
    if (k >= 0) on_y[k].push_back(s);
  }
  // The elementary cell holding each free glyph's centre (-1: outside the grid, or taken by a
  // table before); its print, spaces aside, tells apart cells a missing rule would join.
  std::vector<int> cell_of(page.glyphs.size(), -1);
  std::vector<std::vector<int>> in_cell(static_cast<std::size_t>(rows * cols));
  for (int k = 0; k < static_cast<int>(page.glyphs.size()); ++k) {
    if (glyph_taken[k]) continue;
    const int j = Band(xs, CenterX(page.glyphs[k])), i = Band(ys, CenterY(page.glyphs[k]));
    if (i < 0 || j < 0) continue;
    cell_of[static_cast<std::size_t>(k)] = i * cols + j;
    if (page.glyphs[k].text != " ") in_cell[static_cast<std::size_t>(i * cols + j)].push_back(k);
  }
  UnionFind uf(rows * cols);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j + 1 < cols; ++j) {
      double len = ys[i + 1] - ys[i];
      if (Coverage(on_x[j + 1], ys[i], ys[i + 1]) < 0.5 * len &&
          !PrintSplitAt(page, in_cell[static_cast<std::size_t>(i * cols + j)],
                        in_cell[static_cast<std::size_t>(i * cols + j + 1)], xs[j + 1])) {
        uf.Union(i * cols + j, i * cols + j + 1);
      }
    }
  }
  for (int i = 0; i + 1 < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      double len = xs[j + 1] - xs[j];
      if (Coverage(on_y[i + 1], xs[j], xs[j + 1]) < 0.5 * len) {
        uf.Union(i * cols + j, (i + 1) * cols + j);
      }
    }
  }
  // Bounding rectangle per group; a non-rectangular group keeps elementary
  // cells so spans never overlap.
  const int n = rows * cols;
  std::vector<int> r0(n, rows), r1(n, -1), c0(n, cols), c1(n, -1), size(n, 0);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      int g = uf.Find(i * cols + j);
      r0[g] = std::min(r0[g], i);
      r1[g] = std::max(r1[g], i);
      c0[g] = std::min(c0[g], j);
      c1[g] = std::max(c1[g], j);
      ++size[g];
    }
  }
  std::vector<int> anchor_of(n, -1);  // cell index -> anchor cell index
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      int cell = i * cols + j;
      int g = uf.Find(cell);
      bool rect = size[g] == (r1[g] - r0[g] + 1) * (c1[g] - c0[g] + 1);
      anchor_of[cell] = rect ? r0[g] * cols + c0[g] : cell;
    }
  }
  // Glyphs by centre.
  std::vector<std::vector<int>> glyphs_in(n);
  DetectedTable out;
  for (int k = 0; k < static_cast<int>(page.glyphs.size()); ++k) {
    const int cell = cell_of[static_cast<std::size_t>(k)];
    if (cell < 0) continue;
    glyphs_in[anchor_of[cell]].push_back(k);
    out.glyph_indices.push_back(k);
    glyph_taken[k] = 1;
  }
  Table& t = out.table;
  t.row_count = rows;
  t.column_count = cols;
  t.ruled = true;
  t.pages = {page.page.number};
  out.box = {xs.front(), ys.front(), xs.back(), ys.back()};
  t.provenance.page = page.page.number;
  t.provenance.box = out.box;
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      int cell = i * cols + j;
      if (anchor_of[cell] != cell) continue;
      int g = uf.Find(cell);
      bool spanned = anchor_of[r0[g] * cols + c0[g]] == cell && r0[g] == i && c0[g] == j &&
                     size[g] == (r1[g] - r0[g] + 1) * (c1[g] - c0[g] + 1);
      TableCell tc;
      tc.row = i;
      tc.column = j;
      tc.row_span = spanned ? r1[g] - r0[g] + 1 : 1;
      tc.column_span = spanned ? c1[g] - c0[g] + 1 : 1;
      tc.text = CellText(page, glyphs_in[cell]);
      tc.provenance.page = page.page.number;
      tc.provenance.row = i;
      tc.provenance.column = j;
      tc.provenance.box = Box{xs[j], ys[i], xs[j + tc.column_span], ys[i + tc.row_span]};
      t.cells.push_back(std::move(tc));
    }
  }
  return out;
}

std::vector<DetectedTable> DetectRuledTables(const PageContent& page,
                                             std::vector<char>& glyph_taken) {
  std::vector<DetectedTable> tables;
  if (page.rules.size() > kMaxRulesForTables) return tables;
  std::vector<Segment> h, v;
  for (const Rule& r : page.rules) {
    const Box& b = r.box;
    double w = std::abs(b.width()), ht = std::abs(b.height());
    double x0 = std::min(b.x0, b.x1), x1 = std::max(b.x0, b.x1);
    double y0 = std::min(b.y0, b.y1), y1 = std::max(b.y0, b.y1);
    if (!std::isfinite(x0 + x1 + y0 + y1)) continue;
    if (w >= ht) {
      if (ht > kMaxRuleThickness || w < 2) continue;  // a filled area or a dot, not a rule
      h.push_back({(y0 + y1) / 2, x0, x1});
    } else {
      if (w > kMaxRuleThickness || ht < 2) continue;
      v.push_back({(x0 + x1) / 2, y0, y1});
    }
  }
  h = MergeCollinear(std::move(h));
  v = MergeCollinear(std::move(v));
  const int nh = static_cast<int>(h.size()), nv = static_cast<int>(v.size());
  UnionFind uf(nh + nv);
  // Intersections: verticals sorted by x, so each horizontal scans only the
  // verticals within its x range.
  std::vector<int> vorder(nv);
  std::iota(vorder.begin(), vorder.end(), 0);
  std::sort(vorder.begin(), vorder.end(), [&](int a, int b) { return v[a].pos < v[b].pos; });
  std::vector<double> vx(nv);
  for (int k = 0; k < nv; ++k) vx[k] = v[vorder[k]].pos;
  for (int a = 0; a < nh; ++a) {
    auto it = std::lower_bound(vx.begin(), vx.end(), h[a].lo - kSnapTol);
    for (int k = static_cast<int>(it - vx.begin()); k < nv && vx[k] <= h[a].hi + kSnapTol; ++k) {
      const Segment& s = v[vorder[k]];
      if (h[a].pos >= s.lo - kSnapTol && h[a].pos <= s.hi + kSnapTol) uf.Union(a, nh + vorder[k]);
    }
  }
  std::vector<std::vector<int>> comps(nh + nv);
  for (int k = 0; k < nh + nv; ++k) comps[uf.Find(k)].push_back(k);
  for (const auto& comp : comps) {
    std::vector<Segment> ch, cv;
    for (int k : comp) (k < nh ? ch : cv).push_back(k < nh ? h[k] : v[k - nh]);
    if (ch.size() < 2 || cv.size() < 2) continue;
    std::vector<double> xv, yv;
    for (const Segment& s : cv) xv.push_back(s.pos);
    for (const Segment& s : ch) yv.push_back(s.pos);
    std::vector<double> xs = Cluster(xv), ys = Cluster(yv);
    if (xs.size() < 2 || ys.size() < 2) continue;
    CloseOpenEdges(cv, xs, ys);
    CloseOpenSides(page, ch, xs, ys);
    DetectedTable t = BuildRuledTable(page, xs, ys, ch, cv, glyph_taken);
    // A framed paragraph (one cell) or a text-free frame (a box around a
    // chart, a signature line) is not a table: give its glyphs back.
    if ((t.table.row_count < 2 && t.table.column_count < 2) || t.glyph_indices.empty()) {
      for (int k : t.glyph_indices) glyph_taken[k] = 0;
      continue;
    }
    tables.push_back(std::move(t));
  }
  std::sort(tables.begin(), tables.end(), [](const DetectedTable& a, const DetectedTable& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return tables;
}

}  // namespace

// Joins a cell's glyphs into text: lines by vertical overlap, left to right;
// a space between Latin/digit runs only when the gap exceeds 0.3 em.
std::string CellText(const PageContent& page, std::vector<int> idx) {
  if (idx.empty()) return "";
  const auto& gl = page.glyphs;
  bool rotated = std::all_of(idx.begin(), idx.end(), [&](int i) { return gl[i].rotation != 0; });
  if (rotated) {
    // Vertical header text: one column read top to bottom.
    std::stable_sort(idx.begin(), idx.end(),
                     [&](int a, int b) { return CenterY(gl[a]) < CenterY(gl[b]); });
    std::string out;
    for (int i : idx) out += gl[i].text;
    return out;
  }
  std::stable_sort(idx.begin(), idx.end(),
                   [&](int a, int b) { return CenterY(gl[a]) < CenterY(gl[b]); });
  std::vector<std::vector<int>> lines;
  double top = 0, bottom = 0;
  for (int i : idx) {
    const Box& b = gl[i].box;
    double h = std::max(0.1, b.height());
    if (!lines.empty()) {
      double overlap = std::min(bottom, b.y1) - std::max(top, b.y0);
      if (overlap >= 0.5 * std::min(h, bottom - top)) {
        lines.back().push_back(i);
        top = std::min(top, b.y0);
        bottom = std::max(bottom, b.y1);
        continue;
      }
    }
    lines.push_back({i});
    top = b.y0;
    bottom = b.y1;
  }
  std::string out;
  for (auto& line : lines) {
    std::stable_sort(line.begin(), line.end(),
                     [&](int a, int b) { return gl[a].box.x0 < gl[b].box.x0; });
    if (!out.empty()) out += "\n";
    const Glyph* prev = nullptr;
    for (int i : line) {
      const Glyph& g = gl[i];
      if (prev != nullptr) {
        double em = std::max(1.0, std::max(g.font_size, prev->font_size));
        auto cp = DecodeUtf8(prev->text), cg = DecodeUtf8(g.text);
        bool cjk = (!cp.empty() && IsCjk(cp.back())) || (!cg.empty() && IsCjk(cg.front()));
        if (!cjk && g.box.x0 - prev->box.x1 > 0.3 * em) out += " ";
      }
      out += g.text;
      prev = &g;
    }
  }
  return Trim(out);
}

std::vector<DetectedTable> DetectTables(const PageContent& page) {
  std::vector<char> glyph_taken(page.glyphs.size(), 0);
  std::vector<DetectedTable> tables = DetectRuledTables(page, glyph_taken);
  // Three-line and unruled tables from the glyphs no ruled table took.
  std::vector<DetectedTable> unruled = DetectUnruledTables(page, glyph_taken);
  for (DetectedTable& table : unruled) tables.push_back(std::move(table));
  std::sort(tables.begin(), tables.end(), [](const DetectedTable& a, const DetectedTable& b) {
    return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
  });
  return tables;
}

}  // namespace disclose::pdf
