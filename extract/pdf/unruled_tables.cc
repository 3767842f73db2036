// Tables without inner rules: three-line tables (a rule above the header,
// one below it and one at the end) and tables with no rules at all, as Word
// and WPS print them when borders are switched off.
//
// There are no cell borders to read, so the grid is inferred from text:
//   1. free glyphs (not in a ruled table) form lines by vertical overlap, and
//      each line splits into chunks at gaps wider than a column gap;
//   2. a body row is a line with a figure chunk after its first chunk (or two
//      figures); a run of at least three such rows, at least two of them with
//      figures printed as money (a separator or decimals), is a table;
//   3. amounts are right-aligned, so amount columns are clusters of the
//      figures' right edges; everything left of the leftmost amount is the
//      label column;
//   4. up to three lines just above the first row with no figures are the
//      header; a label-only line between two rows continues the row above
//      (a wrapped name).
// Dotted leaders (a table of contents) never make a row.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {
namespace {

constexpr double kColumnGapEm = 1.2;     // a gap this wide (in em) separates chunks
constexpr double kRightEdgeTolEm = 0.8;  // right edges this close are one column
constexpr double kRowGapLines = 2.5;     // rows further apart (in line heights) end a table
constexpr int kMinRows = 3;
constexpr int kMinMoneyRows = 2;
constexpr int kMaxHeaderLines = 3;

struct Chunk {
  Box box;
  std::vector<int> glyphs;
  std::string text;
  bool figure = false;  // a number, "-" or "—" in an amount position
  bool money = false;   // a number printed with a separator or decimals
};

struct Line {
  Box box;
  double em = 10;
  std::vector<Chunk> chunks;
  bool leader = false;  // dotted leaders: a table of contents line
};

double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

bool IsDigitChar(char c) {
  return c >= '0' && c <= '9';
}

// "1,234.56", "-12.00", "(3.50)", "0", "12%"-less plain numbers; "-" and "—"
// stand for zero in an amount cell.
void ClassifyChunk(Chunk& chunk) {
  const std::string text = RemoveAllWhitespace(FoldForMatching(chunk.text));
  if (text == "-" || text == "—" || text == "--" || text == "——") {
    chunk.figure = true;
    return;
  }
  std::string_view body = text;
  if (!body.empty() && (body.front() == '-' || body.front() == '(')) body.remove_prefix(1);
  if (!body.empty() && body.back() == ')') body.remove_suffix(1);
  if (body.empty() || !IsDigitChar(body.front()) || !IsDigitChar(body.back())) return;
  bool separator = false;
  int points = 0;
  for (char c : body) {
    if (IsDigitChar(c)) continue;
    if (c == ',') {
      separator = true;
    } else if (c == '.') {
      ++points;
    } else {
      return;
    }
  }
  if (points > 1) return;
  chunk.figure = true;
  chunk.money = separator || points == 1;
}

bool HasLeader(std::string_view text) {
  return Contains(text, "…") || Contains(text, "....") || Contains(text, "···") ||
         Contains(text, "．．．");
}

std::vector<Line> BuildLines(const PageContent& page, const std::vector<char>& glyph_taken) {
  std::vector<int> free;
  for (int k = 0; k < static_cast<int>(page.glyphs.size()); ++k) {
    const Glyph& glyph = page.glyphs[k];
    if (glyph_taken[k] || glyph.rotation != 0 || Trim(glyph.text).empty()) continue;
    free.push_back(k);
  }
  std::sort(free.begin(), free.end(), [&](int a, int b) {
    return CenterY(page.glyphs[a].box) < CenterY(page.glyphs[b].box);
  });
  std::vector<std::vector<int>> groups;
  double top = 0;
  double bottom = 0;
  for (int k : free) {
    const Box& box = page.glyphs[k].box;
    const double height = std::max(0.1, box.height());
    if (!groups.empty()) {
      const double overlap = std::min(bottom, box.y1) - std::max(top, box.y0);
      if (overlap >= 0.5 * std::min(height, bottom - top)) {
        groups.back().push_back(k);
        top = std::min(top, box.y0);
        bottom = std::max(bottom, box.y1);
        continue;
      }
    }
    groups.push_back({k});
    top = box.y0;
    bottom = box.y1;
  }
  std::vector<Line> lines;
  for (std::vector<int>& group : groups) {
    std::sort(group.begin(), group.end(),
              [&](int a, int b) { return page.glyphs[a].box.x0 < page.glyphs[b].box.x0; });
    Line line;
    std::vector<double> sizes;
    for (int k : group) sizes.push_back(std::max(1.0, page.glyphs[k].font_size));
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                     sizes.end());
    line.em = sizes[sizes.size() / 2];
    line.box = page.glyphs[group.front()].box;
    for (int k : group) {
      const Glyph& glyph = page.glyphs[k];
      line.box = Union(line.box, glyph.box);
      if (line.chunks.empty() ||
          glyph.box.x0 - line.chunks.back().box.x1 > kColumnGapEm * line.em) {
        line.chunks.push_back(Chunk{glyph.box, {}, {}, false, false});
      }
      Chunk& chunk = line.chunks.back();
      chunk.box = Union(chunk.box, glyph.box);
      chunk.glyphs.push_back(k);
    }
    std::string whole;
    for (Chunk& chunk : line.chunks) {
      chunk.text = CellText(page, chunk.glyphs);
      ClassifyChunk(chunk);
      whole += chunk.text;
    }
    line.leader = HasLeader(whole);
    lines.push_back(std::move(line));
  }
  return lines;
}

// Whether chunk `index` of a line is an amount: any figure after the first
// chunk; the first only when printed as money (a leading 201 / 30101 is a
// class code, a leading 1,234.00 the first amount of a label-less row).
bool IsAmount(const Line& line, std::size_t index) {
  const Chunk& chunk = line.chunks[index];
  return chunk.figure && (index > 0 || chunk.money);
}

// A body row: amounts, with at most a code and a label before them; never a
// leader line.
bool IsBodyRow(const Line& line) {
  if (line.leader || line.chunks.size() < 2) return false;
  std::size_t amounts = 0;
  for (std::size_t i = 0; i < line.chunks.size(); ++i) amounts += IsAmount(line, i) ? 1 : 0;
  return amounts >= 1 && line.chunks.size() - amounts <= 2;
}

bool HasMoney(const Line& line) {
  return std::any_of(line.chunks.begin(), line.chunks.end(),
                     [](const Chunk& chunk) { return chunk.money; });
}

struct Candidate {
  std::size_t first = 0;  // line indices, inclusive
  std::size_t last = 0;
};

// Runs of body rows, allowing single label lines between them.
std::vector<Candidate> FindRuns(const std::vector<Line>& lines) {
  std::vector<Candidate> runs;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!IsBodyRow(lines[i])) {
      ++i;
      continue;
    }
    Candidate run{i, i};
    int rows = 1;
    int money = HasMoney(lines[i]) ? 1 : 0;
    std::size_t j = i + 1;
    while (j < lines.size()) {
      const Line& previous = lines[run.last];
      const double height = std::max(1.0, previous.box.height());
      if (lines[j].box.y0 - previous.box.y1 > kRowGapLines * height) break;
      if (IsBodyRow(lines[j])) {
        run.last = j;
        ++rows;
        money += HasMoney(lines[j]) ? 1 : 0;
        ++j;
        continue;
      }
      // A wrapped label: one chunk, no figure, followed by another row.
      const bool label_only =
          lines[j].chunks.size() == 1 && !lines[j].chunks[0].figure && !lines[j].leader;
      if (label_only && j + 1 < lines.size() && IsBodyRow(lines[j + 1])) {
        ++j;
        continue;
      }
      if (label_only && j + 1 == lines.size()) break;
      break;
    }
    if (rows >= kMinRows && money >= kMinMoneyRows) runs.push_back(run);
    i = run.last + 1;
  }
  return runs;
}

// Right-edge clusters of the figures: one per amount column, left to right.
std::vector<double> AmountColumns(const std::vector<Line>& lines, const Candidate& run,
                                  double tolerance) {
  std::vector<double> edges;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      if (IsAmount(lines[l], c)) edges.push_back(lines[l].chunks[c].box.x1);
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<std::vector<double>> clusters;
  for (double edge : edges) {
    if (clusters.empty() || edge - clusters.back().back() > tolerance) clusters.emplace_back();
    clusters.back().push_back(edge);
  }
  std::vector<double> columns;
  for (const std::vector<double>& cluster : clusters) {
    if (cluster.size() < 2) continue;  // a stray number is not a column
    columns.push_back(cluster[cluster.size() / 2]);
  }
  return columns;
}

// Column of a chunk: the label column (0) left of the amounts, else the
// amount column whose right edge is nearest its own (figures) or which
// covers its centre (header words).
int ColumnOf(const Chunk& chunk, const std::vector<double>& columns, double label_limit,
             bool header) {
  if (chunk.box.x1 <= label_limit) return 0;
  const double anchor = header ? (chunk.box.x0 + chunk.box.x1) / 2 : chunk.box.x1;
  int best = 0;
  double best_distance = 1e18;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    double distance = std::abs(anchor - columns[k]);
    if (header) {
      // A header word sits over its column, ending at or before the right edge.
      const double left = k == 0 ? label_limit : columns[k - 1];
      distance = anchor > left && anchor <= columns[k] + 1 ? 0 : distance;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(k) + 1;
    }
  }
  return best;
}

DetectedTable BuildTable(const PageContent& page, std::vector<Line>& lines, const Candidate& run,
                         std::size_t header_first, const std::vector<double>& columns,
                         double label_limit, std::vector<char>& glyph_taken) {
  const int column_count = static_cast<int>(columns.size()) + 1;
  struct RowCells {
    std::vector<std::vector<int>> glyphs;
    std::vector<Box> boxes;
    std::vector<bool> filled;
    Box box;
  };
  std::vector<RowCells> rows;
  auto add_chunk = [&](RowCells& row, const Chunk& chunk, int column) {
    auto& glyphs = row.glyphs[static_cast<std::size_t>(column)];
    glyphs.insert(glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
    Box& box = row.boxes[static_cast<std::size_t>(column)];
    box = row.filled[static_cast<std::size_t>(column)] ? Union(box, chunk.box) : chunk.box;
    row.filled[static_cast<std::size_t>(column)] = true;
    row.box = Union(row.box, chunk.box);
  };
  auto new_row = [&](const Line& line) {
    RowCells row;
    row.glyphs.resize(static_cast<std::size_t>(column_count));
    row.boxes.resize(static_cast<std::size_t>(column_count));
    row.filled.assign(static_cast<std::size_t>(column_count), false);
    row.box = line.box;
    return row;
  };
  for (std::size_t l = header_first; l <= run.last; ++l) {
    const Line& line = lines[l];
    const bool header = l < run.first;
    const bool continuation = !header && !IsBodyRow(line) && !rows.empty();
    if (!continuation) rows.push_back(new_row(line));
    RowCells& row = rows.back();
    for (const Chunk& chunk : line.chunks) {
      add_chunk(row, chunk, continuation ? 0 : ColumnOf(chunk, columns, label_limit, header));
    }
  }
  DetectedTable out;
  Table& table = out.table;
  table.row_count = static_cast<int>(rows.size());
  table.column_count = column_count;
  table.ruled = false;
  table.pages = {page.page.number};
  out.box = rows.front().box;
  for (const RowCells& row : rows) out.box = Union(out.box, row.box);
  table.provenance.page = page.page.number;
  table.provenance.box = out.box;
  // Column bands for empty cells' boxes.
  std::vector<double> lefts = {out.box.x0};
  std::vector<double> rights = {label_limit};
  for (std::size_t k = 0; k < columns.size(); ++k) {
    lefts.push_back(k == 0 ? label_limit : columns[k - 1]);
    rights.push_back(columns[k]);
  }
  for (int r = 0; r < table.row_count; ++r) {
    const RowCells& row = rows[static_cast<std::size_t>(r)];
    for (int c = 0; c < column_count; ++c) {
      const std::size_t column = static_cast<std::size_t>(c);
      TableCell cell;
      cell.row = r;
      cell.column = c;
      cell.text = CellText(page, row.glyphs[column]);
      cell.provenance.page = page.page.number;
      cell.provenance.row = r;
      cell.provenance.column = c;
      cell.provenance.box = row.filled[column]
                                ? row.boxes[column]
                                : Box{lefts[column], row.box.y0, rights[column], row.box.y1};
      for (int k : row.glyphs[column]) {
        glyph_taken[static_cast<std::size_t>(k)] = 1;
        out.glyph_indices.push_back(k);
      }
      table.cells.push_back(std::move(cell));
    }
  }
  return out;
}

}  // namespace

std::vector<DetectedTable> DetectUnruledTables(const PageContent& page,
                                               std::vector<char>& glyph_taken) {
  std::vector<DetectedTable> tables;
  std::vector<Line> lines = BuildLines(page, glyph_taken);
  for (const Candidate& run : FindRuns(lines)) {
    const double em = lines[run.first].em;
    const std::vector<double> columns = AmountColumns(lines, run, kRightEdgeTolEm * em);
    if (columns.empty()) continue;
    // The label column ends where the leftmost amount column's figures begin.
    double label_limit = columns.front();
    for (std::size_t l = run.first; l <= run.last; ++l) {
      if (!IsBodyRow(lines[l])) continue;
      for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
        const Chunk& chunk = lines[l].chunks[c];
        if (IsAmount(lines[l], c) &&
            std::abs(chunk.box.x1 - columns.front()) <= kRightEdgeTolEm * em) {
          label_limit = std::min(label_limit, chunk.box.x0 - 0.5 * em);
        }
      }
    }
    // Header: figure-free lines of several chunks just above the first row.
    std::size_t header_first = run.first;
    for (int taken = 0; taken < kMaxHeaderLines && header_first > 0; ++taken) {
      const Line& above = lines[header_first - 1];
      const Line& below = lines[header_first];
      const double height = std::max(1.0, below.box.height());
      if (below.box.y0 - above.box.y1 > kRowGapLines * height) break;
      const bool figures = std::any_of(above.chunks.begin(), above.chunks.end(),
                                       [](const Chunk& chunk) { return chunk.figure; });
      if (figures || above.leader || above.chunks.size() < 2) break;
      --header_first;
    }
    tables.push_back(BuildTable(page, lines, run, header_first, columns, label_limit, glyph_taken));
  }
  return tables;
}

}  // namespace disclose::pdf
