// Tables without inner rules: three-line tables (a rule above the header,
// one below it and one at the end) and tables with no rules at all, as Word
// and WPS print them when borders are switched off. The grid is inferred from
// the text's alignment, in the stages unruled_stages.h lists; this file runs
// them and lays the rows and cells out. Dotted leaders (a table of contents)
// never make a row.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf {
namespace unruled {
namespace {

// Where a label chunk's trailing amount begins (an index into chunk.glyphs), or npos: a label
// set so close to the amount after it that the two are one chunk ("自然资源海洋气象等支出14,620.3":
// an OCR'd CJK glyph's box reaches into the gap, s3w_0058_budget p8). The amount is ASCII digits
// with a separator, three digits at least, right after a CJK ideograph.
std::size_t TrailingAmountStart(const PageContent& page, const Chunk& chunk) {
  const auto text_of = [&](std::size_t i) -> const std::string& {
    return page.glyphs[static_cast<std::size_t>(chunk.glyphs[i])].text;
  };
  std::size_t start = chunk.glyphs.size();
  int digits = 0;
  bool separator = false;
  while (start > 0) {
    const std::string& text = text_of(start - 1);
    if (text.size() != 1 || !(IsDigitChar(text[0]) || text[0] == ',' || text[0] == '.')) break;
    if (IsDigitChar(text[0])) {
      ++digits;
    } else {
      separator = true;
    }
    --start;
  }
  if (start == 0 || start == chunk.glyphs.size() || digits < 3 || !separator)
    return std::string::npos;
  if (!IsDigitChar(text_of(start)[0])) return std::string::npos;
  const std::vector<char32_t> before = DecodeUtf8(text_of(start - 1));
  if (before.size() != 1 || !IsCjkIdeograph(before[0])) return std::string::npos;
  return start;
}

// The glyphs [begin, end) of a chunk, as a chunk of their own.
Chunk PartOf(const PageContent& page, const Chunk& chunk, std::size_t begin, std::size_t end) {
  Chunk part = chunk;
  part.glyphs.assign(chunk.glyphs.begin() + static_cast<std::ptrdiff_t>(begin),
                     chunk.glyphs.begin() + static_cast<std::ptrdiff_t>(end));
  part.box = page.glyphs[static_cast<std::size_t>(part.glyphs.front())].box;
  for (int g : part.glyphs)
    part.box = Union(part.box, page.glyphs[static_cast<std::size_t>(g)].box);
  return part;
}

// Where a label chunk that ran into its amount goes (TrailingAmountStart): the amount's column,
// whose edge the amount ends on, and the label's, a column left of it (the label column or a
// text column, as the label alone would be placed); nothing when the chunk is no such pair.
struct LabelAndAmount {
  std::size_t start = 0;  // the amount's first glyph in the chunk
  int label_column = 0, amount_column = 0;
};
std::optional<LabelAndAmount> SplitLabelAndAmount(const PageContent& page, const Chunk& chunk,
                                                  const std::vector<Column>& columns,
                                                  double label_limit, double em) {
  if (chunk.figure) return std::nullopt;
  const std::size_t start = TrailingAmountStart(page, chunk);
  if (start == std::string::npos) return std::nullopt;
  Chunk amount = PartOf(page, chunk, start, chunk.glyphs.size());
  amount.figure = amount.money = true;
  Chunk label = PartOf(page, chunk, 0, start);
  label.figure = label.money = false;
  const int target = ColumnOf(amount, columns, label_limit, false, em);
  const int column = ColumnOf(label, columns, label_limit, false, em);
  if (target <= 0 || target <= column) return std::nullopt;
  if (column > 0 && !columns[static_cast<std::size_t>(column - 1)].text) return std::nullopt;
  const Column& band = columns[static_cast<std::size_t>(target - 1)];
  if (band.text || std::abs(amount.box.x1 - band.edge) > kRightEdgeTolEm * em) return std::nullopt;
  return LabelAndAmount{start, column, target};
}

// A cell's text with a class code's wrapped rest (01 under 20601, beside its name's wrapped
// rest or alone) set right after the code it completes: read line by line, a label cell that
// holds the code and its name said "20601行政运行\n01", and the name took the code's digits.
// Where the cell does not begin with that code, the rest stays where it is printed.
std::string CodeWithItsRest(const PageContent& page, const std::vector<int>& glyphs,
                            const std::vector<int>& rest_glyphs, const std::string& head) {
  if (rest_glyphs.empty()) return CellText(page, glyphs);
  const std::string text = CellText(page, glyphs);
  if (head.empty() || !StartsWith(text, head)) {
    std::vector<int> all = glyphs;
    all.insert(all.end(), rest_glyphs.begin(), rest_glyphs.end());
    return CellText(page, all);
  }
  return head + RemoveAllWhitespace(CellText(page, rest_glyphs)) + text.substr(head.size());
}

// The column of a body chunk. A later group's code (LaterGroupWords) is placed as its name is, by
// the column it starts at: by its right edge, as a figure, it went to the amount column before it
// (13,085.41 302 in one cell).
int BodyColumnOf(const Chunk& chunk, bool later_group_word, const std::vector<Column>& columns,
                 double label_limit, double em) {
  if (!chunk.figure || !later_group_word) return ColumnOf(chunk, columns, label_limit, false, em);
  Chunk as_word = chunk;
  as_word.figure = false;
  as_word.money = false;
  return ColumnOf(as_word, columns, label_limit, false, em);
}

DetectedTable BuildTable(const PageContent& page, std::vector<Line>& lines, const Candidate& run,
                         std::size_t header_first, const std::vector<Column>& columns,
                         const LabelBounds& labels, double em, std::vector<char>& glyph_taken) {
  const double label_limit = labels.limit;
  const bool ocr = page.page.text_origin == TextOrigin::kOcr;
  const int column_count = static_cast<int>(columns.size()) + 1;
  struct RowCells {
    std::vector<std::vector<int>> glyphs;
    std::vector<Box> boxes;
    std::vector<bool> filled;
    std::vector<int> spans;  // a group header's columns, from its first (GroupHeaderSpan)
    // A class code's wrapped rest per column, and the code it completes (CodeWithItsRest).
    std::vector<std::vector<int>> code_rest_glyphs;
    std::vector<std::string> code_heads;
    Box box;
  };
  std::vector<RowCells> rows;
  // A chunk into a cell: its glyphs with the cell's own, or with the code rests (CodeWithItsRest).
  auto add_chunk = [&](RowCells& row, const Chunk& chunk, int column, bool code_rest = false) {
    const std::size_t at = static_cast<std::size_t>(column);
    auto& glyphs = code_rest ? row.code_rest_glyphs[at] : row.glyphs[at];
    glyphs.insert(glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
    row.boxes[at] = row.filled[at] ? Union(row.boxes[at], chunk.box) : chunk.box;
    row.filled[at] = true;
    row.box = Union(row.box, chunk.box);
  };
  auto new_row = [&](const Line& line) {
    RowCells row;
    row.glyphs.resize(static_cast<std::size_t>(column_count));
    row.boxes.resize(static_cast<std::size_t>(column_count));
    row.filled.assign(static_cast<std::size_t>(column_count), false);
    row.spans.assign(static_cast<std::size_t>(column_count), 1);
    row.code_rest_glyphs.resize(static_cast<std::size_t>(column_count));
    row.code_heads.resize(static_cast<std::size_t>(column_count));
    row.box = line.box;
    return row;
  };
  for (std::size_t l = header_first; l <= run.last; ++l) {
    const Line& line = lines[l];
    const bool header = l < run.first || IsColumnNumbers(line);
    // A line without amounts continues the row above when it is set tight
    // under it (a wrapped label) or holds an amount's wrapped rest; at the
    // row pitch it is a row of labels only (IsLabelRowLine).
    const bool continuation = !header && !IsBodyRow(line) && !rows.empty() &&
                              (line.tail || !IsLabelRowLine(lines, run, l));
    if (!continuation) rows.push_back(new_row(line));
    RowCells& row = rows.back();
    const std::vector<bool> later_group = LaterGroupWords(line);
    const std::vector<bool> upper_group =
        line.tail ? LaterGroupWords(lines[l - 1]) : std::vector<bool>();
    for (std::size_t c = 0; c < line.chunks.size(); ++c) {
      const Chunk& chunk = line.chunks[c];
      if (header) {
        for (const Chunk& word : HeaderWords(page, chunk, em)) {
          // OCR reads two cells' header words as one word as often (一般公共预政府性基金 over 算 |
          // 预算, H52 s3w_0824_budget); a text layer sets them apart.
          if (const std::optional<ColumnSpan> group =
                  ocr ? std::nullopt
                      : GroupHeaderSpan(page, word, lines, l, run.first, columns, labels, em)) {
            add_chunk(row, word, group->first);
            row.spans[static_cast<std::size_t>(group->first)] = group->count;
            continue;
          }
          for (const auto& [piece, column] : PlaceHeaderWord(page, word, columns, labels, em)) {
            add_chunk(row, piece, column);
          }
        }
        continue;
      }
      int column = BodyColumnOf(chunk, later_group[c], columns, label_limit, em);
      if (continuation) {
        // A wrapped label continues its own column: the label column, or the
        // text column it starts at (a summary's second side).
        const Column* text_column =
            column > 0 ? &columns[static_cast<std::size_t>(column - 1)] : nullptr;
        const bool in_text = text_column != nullptr && text_column->text && !chunk.figure &&
                             (std::abs(chunk.box.x0 - text_column->edge) <= kTextColumnTolEm * em ||
                              (chunk.box.x0 > text_column->edge && chunk.box.x0 < text_column->hi));
        if (!in_text) column = NearestTextColumn(chunk, columns, em);
      }
      if (line.tail && line.completes[c] >= 0) {
        // The amount's wrapped rest goes where the amount it completes went (split off the
        // label it ran into, below).
        const std::size_t above = static_cast<std::size_t>(line.completes[c]);
        const Chunk& upper = lines[l - 1].chunks[above];
        column = BodyColumnOf(upper, upper_group[above], columns, label_limit, em);
        if (const auto split = SplitLabelAndAmount(page, upper, columns, label_limit, em))
          column = split->amount_column;
        if (c < line.code_rests.size() && line.code_rests[c]) {
          // The head is the code's first piece: a middle piece's rest follows it (21 | 01 | 3).
          std::string& head = row.code_heads[static_cast<std::size_t>(column)];
          if (head.empty()) head = RemoveAllWhitespace(upper.text);
          add_chunk(row, chunk, column, true);
          continue;
        }
      }
      // A label run into the amount after it: the amount ends on an amount column's edge, in
      // that column's band, so no column boundary cuts it; it is that column's cell, and the
      // label keeps the rest. Left whole, the amount went with the label, and the amount
      // column's empty cell, read again by OCR over its band, read the digits inside it
      // ("20.3" of 14,620.3).
      if (!continuation && !line.tail) {
        const auto split = SplitLabelAndAmount(page, chunk, columns, label_limit, em);
        if (split && !row.filled[static_cast<std::size_t>(split->amount_column)]) {
          add_chunk(row, PartOf(page, chunk, 0, split->start), split->label_column);
          add_chunk(row, PartOf(page, chunk, split->start, chunk.glyphs.size()),
                    split->amount_column);
          continue;
        }
      }
      add_chunk(row, chunk, column);
    }
    // A header line set tight under the header line above, each of its words
    // under a cell of that line, is the wrapped rest of those cells
    // ("一般公共预算财政拨" over "款"), as a ruled cell holds it: taken as a
    // row of its own, "款" read as the 款 code column's header and the
    // column lost its key. Rows of a header are padded apart, a cell's lines
    // are not. So is a 栏次 row's (1 over 0 for 10: IsColumnNumbersRest).
    const auto wrapped_header_line = [&] {
      return !IsColumnNumbers(line) && !IsColumnNumbers(lines[l - 1]) &&
             line.box.y0 - lines[l - 1].box.y1 <=
                 kWrapGapLines * std::max(1.0, lines[l - 1].box.height());
    };
    if (header && l > header_first && rows.size() >= 2 &&
        (wrapped_header_line() || IsColumnNumbersRest(lines, l))) {
      RowCells& wrapped = rows.back();
      RowCells& above = rows[rows.size() - 2];
      bool under_cells = true;
      for (int c = 0; c < column_count; ++c) {
        if (wrapped.filled[static_cast<std::size_t>(c)] &&
            !above.filled[static_cast<std::size_t>(c)]) {
          under_cells = false;
        }
      }
      if (under_cells) {
        for (std::size_t c = 0; c < static_cast<std::size_t>(column_count); ++c) {
          if (!wrapped.filled[c]) continue;
          above.glyphs[c].insert(above.glyphs[c].end(), wrapped.glyphs[c].begin(),
                                 wrapped.glyphs[c].end());
          above.boxes[c] = Union(above.boxes[c], wrapped.boxes[c]);
        }
        above.box = Union(above.box, wrapped.box);
        rows.pop_back();
      }
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
  for (const Column& column : columns) {
    lefts.push_back(column.left);
    rights.push_back(column.text ? std::min(column.right, out.box.x1) : column.edge);
  }
  for (int r = 0; r < table.row_count; ++r) {
    const RowCells& row = rows[static_cast<std::size_t>(r)];
    for (int c = 0; c < column_count; ++c) {
      const std::size_t column = static_cast<std::size_t>(c);
      TableCell cell;
      cell.row = r;
      cell.column = c;
      // A group header spans the columns under it unless one of them holds words of its own
      // on its row (a wrapped rest joined into it): then each keeps its cell.
      int span = std::min(row.spans[column], column_count - c);
      for (int k = 1; k < span; ++k) {
        if (!row.glyphs[column + static_cast<std::size_t>(k)].empty()) span = 1;
      }
      cell.column_span = span;
      cell.text = CodeWithItsRest(page, row.glyphs[column], row.code_rest_glyphs[column],
                                  row.code_heads[column]);
      cell.provenance.page = page.page.number;
      cell.provenance.row = r;
      cell.provenance.column = c;
      cell.provenance.box = row.filled[column]
                                ? row.boxes[column]
                                : Box{lefts[column], row.box.y0, rights[column], row.box.y1};
      for (const std::vector<int>* glyphs : {&row.glyphs[column], &row.code_rest_glyphs[column]}) {
        for (int k : *glyphs) {
          glyph_taken[static_cast<std::size_t>(k)] = 1;
          out.glyph_indices.push_back(k);
        }
      }
      table.cells.push_back(std::move(cell));
      c += span - 1;
    }
  }
  return out;
}

}  // namespace
}  // namespace unruled

std::vector<DetectedTable> DetectUnruledTables(const PageContent& page,
                                               std::vector<char>& glyph_taken) {
  using namespace unruled;
  std::vector<DetectedTable> tables;
  std::vector<Line> lines = BuildLines(page, glyph_taken);
  std::vector<Warning> warnings;
  MarkAmountTails(lines,
                  TailOptions{.low_mark_uncertain = page.page.text_origin == TextOrigin::kOcr},
                  warnings);
  MarkRowCutAtPageFoot(lines, page.page.height);
  if (page.page.text_origin == TextOrigin::kOcr) MarkMisreadFigures(lines);
  for (const Candidate& run : FindRuns(lines, page.page.height)) {
    const double em = lines[run.first].em;
    const std::vector<double> edges = AmountColumns(lines, run, kRightEdgeTolEm * em);
    if (edges.empty()) continue;
    const LabelBounds labels = FindLabelBounds(lines, run, edges, em);
    const std::size_t header_first = FindHeaderFirst(lines, run);
    std::vector<Column> columns = BuildColumns(lines, run, edges, labels.limit, em);
    AddHeaderOnlyColumnsBetween(page, lines, header_first, run.first, labels, em, columns);
    AddHeaderOnlyColumns(page, lines, header_first, run.first, labels, em, columns);
    std::vector<Warning> cut;
    ReportCutAmounts(lines, run, columns, labels.limit, em,
                     page.page.text_origin == TextOrigin::kOcr, cut);
    tables.push_back(BuildTable(page, lines, run, header_first, columns, labels, em, glyph_taken));
    tables.back().warnings = std::move(cut);
    // A table's warnings: the ambiguous pieces within its lines or just
    // below its last row (an unjoined piece may have ended the run).
    const Box& box = tables.back().box;
    for (const Warning& warning : warnings) {
      const Box& at = *warning.provenance.box;
      if (at.y0 >= box.y0 - 1 && at.y0 <= box.y1 + 2 * at.height()) {
        tables.back().warnings.push_back(warning);
      }
    }
  }
  return tables;
}

}  // namespace disclose::pdf
