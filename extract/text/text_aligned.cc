// Shape (d): a table laid out with spaces, as `pdftotext -layout` or a
// monospace print writes one. Each row is a line; its cells are runs of text
// apart by two or more spaces, and a cell's column is where it stands on the
// line. The columns are the bands of character positions that the body rows
// fill, split by gutters: positions at most one body row fills (one long
// label may run into the next column's gutter). An amount belongs to the
// column its last digit stands in (amounts are right-aligned), any other text
// to the column it starts in. Header rows are read word by word, each word to
// the column it overlaps most (a header line sets 行次 预算数 one space apart).
//
// A region is such a table only when at least two of its rows hold an amount
// (digits with a decimal point or thousands commas): a contents page, a list
// of dates or a poem set with wide spaces is not taken for one.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/text/text_internal.h"

namespace disclose::text_internal {
namespace {

struct Field {
  std::size_t start = 0;  // where the run stands (code points before it)
  std::size_t end = 0;    // start + its printed width, exclusive
  std::string text;
};

bool IsSpace(char32_t c) {
  return c == U' ' || c == U'\u3000';
}

// An amount as tables print it: 12,627,959.19, 29.45, -3.00, 1,500. A bare
// integer (a 行次 number, a code, a page number) is not one.
bool IsAmountField(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  std::size_t digits = 0;
  bool comma = false;
  bool point = false;
  std::size_t decimals = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      (point ? decimals : digits) += 1;
    } else if (c == ',' && !point && digits > 0) {
      comma = true;
    } else if (c == '.' && !point && digits > 0) {
      point = true;
    } else {
      return false;
    }
  }
  return digits > 0 && (comma || (point && decimals > 0 && decimals <= 4));
}

// Runs of text apart by two or more spaces (a full-width space counts as
// two), or by any space when `split_single_spaces`. A single space parts an
// amount from the text beside it too: a tight layout sets the next column's
// label one space after an amount (584.69 一般公共服务支出). Positions count
// code points, as the layout tools place them.
std::vector<Field> FieldsOf(std::string_view line, bool split_single_spaces) {
  struct Word {
    Field field;
    bool one_space_before = false;
  };
  std::vector<Word> words;
  const std::vector<char32_t> cps = DecodeUtf8(line);
  std::size_t i = 0;
  while (i < cps.size()) {
    const std::size_t gap_start = i;
    while (i < cps.size() && IsSpace(cps[i])) ++i;
    if (i >= cps.size()) break;
    Word word;
    word.one_space_before = i == gap_start + 1 && cps[gap_start] == U' ';
    word.field.start = i;
    std::vector<char32_t> text;
    while (i < cps.size() && !IsSpace(cps[i])) text.push_back(cps[i++]);
    word.field.end = i;
    word.field.text = EncodeUtf8(text);
    words.push_back(std::move(word));
  }
  std::vector<Field> fields;
  bool last_was_amount = false;
  for (Word& word : words) {
    const bool amount = IsAmountField(word.field.text);
    if (!fields.empty() && !split_single_spaces && word.one_space_before && !last_was_amount &&
        !amount) {
      fields.back().text += " " + word.field.text;
      fields.back().end = word.field.end;
    } else {
      fields.push_back(std::move(word.field));
    }
    last_was_amount = amount;
  }
  return fields;
}

// What may stand in an amount column: an amount, or a piece of one wrapped in
// its cell (the 6 of 23,867,428.26, the .73 of 12,672.73), or a one- or
// two-digit number (a 行次, a 款 code), which never stands among labels.
bool IsAmountColumnField(std::string_view text) {
  if (IsAmountField(text)) return true;
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '.') digits.remove_prefix(1);
  return !digits.empty() && digits.size() <= 2 &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return IsAsciiDigit(c); });
}

// A line that is not a row: a table's title or unit line, a note, a sentence.
bool IsOutsideLine(const std::vector<Field>& fields) {
  for (const Field& field : fields) {
    const std::string text = RemoveAllWhitespace(field.text);
    if (EndsWith(text, "表") || Contains(text, "单位：") || Contains(text, "单位:") ||
        StartsWith(text, "注：") || StartsWith(text, "注:")) {
      return true;
    }
    // A sentence: its punctuation, or an amount followed by its unit
    // (公务接待费 0.71 万元，…), which a table prints in its header only.
    for (std::string_view mark : {"。", "，", "；", "万元", "亿元"}) {
      if (Contains(text, mark)) return true;
    }
    if (StartsWith(text, "元")) return true;
  }
  return false;
}

bool HasAmount(const std::vector<Field>& fields) {
  return std::any_of(fields.begin(), fields.end(),
                     [](const Field& field) { return IsAmountField(field.text); });
}

// A line that opens the way a table's row does: a numbered item (一、, （一）)
// or a class code of three to seven digits.
bool StartsLikeARow(std::string_view line) {
  const std::string text = Trim(line);
  if (StartsWithSectionMarker(text)) return true;
  const std::vector<Field> fields = FieldsOf(text, true);
  if (fields.empty()) return false;
  const std::string& first = fields.front().text;
  return first.size() >= 3 && first.size() <= 7 &&
         std::all_of(first.begin(), first.end(), [](char c) { return IsAsciiDigit(c); });
}

// A line that can be the wrapped rest of the row above it: no whole amount,
// no numbered item, only short text and one- or two-digit pieces.
bool IsRestLine(std::string_view line) {
  if (StartsWithSectionMarker(Trim(line))) return false;
  const std::vector<Field> fields = FieldsOf(line, false);
  return !fields.empty() && std::all_of(fields.begin(), fields.end(), [](const Field& field) {
    if (IsAmountField(field.text)) return false;
    const bool has_digit =
        std::any_of(field.text.begin(), field.text.end(), [](char c) { return IsAsciiDigit(c); });
    return has_digit ? IsAmountColumnField(field.text) : CodePointCount(field.text) <= 8;
  });
}

// A line of a table region: two or more fields and nothing a title or note
// has. A one-field line counts when it is short (a label's wrapped rest).
bool IsRegionLine(const SourceLine& line) {
  if (line.text.find('\t') != std::string::npos) return false;
  const std::vector<Field> fields = FieldsOf(line.text, false);
  if (fields.empty() || IsOutsideLine(fields)) return false;
  if (fields.size() >= 2) return true;
  return CodePointCount(fields[0].text) <= 8 && !IsPageNumberLine(fields[0].text, false);
}

// A run of text and the row it stands in.
struct Placed {
  Field field;
  std::size_t row = 0;
};

// The columns of a body's runs, as the index of a representative run per run:
// two runs of different rows that overlap stand in one column, strongest
// overlap first, unless they are an amount and a label or that would put two
// runs of one row in one column (a long label run into the next column's band
// overlaps it, but its own row has a run there too).
std::vector<std::size_t> ClusterRuns(const std::vector<Placed>& placed) {
  std::vector<std::size_t> parent(placed.size());
  std::vector<std::vector<std::size_t>> rows_of(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k) {
    parent[k] = k;
    rows_of[k] = {placed[k].row};
  }
  const auto find = [&](std::size_t k) {
    while (parent[k] != k) k = parent[k] = parent[parent[k]];
    return k;
  };
  struct Pair {
    std::ptrdiff_t overlap;  // negative: the gap between two runs that do not overlap
    std::size_t a, b;
  };
  std::vector<Pair> pairs;
  // Runs are paired with those of the next kRowWindow rows only (a column
  // links through its rows), so a long table costs linear work and memory; a
  // hostile region whose runs all overlap stops at kMaxPairs (24 bytes each).
  constexpr std::size_t kRowWindow = 24;
  constexpr std::size_t kMaxPairs = 2'000'000;
  // A layout tool places a run a few positions off from the same column in
  // another row (212 | 01 at 7, 221 | 02 at 10): runs this close still meet,
  // after every overlapping pair.
  constexpr std::ptrdiff_t kMaxJitter = 3;
  for (std::size_t a = 0; a < placed.size() && pairs.size() < kMaxPairs; ++a) {
    for (std::size_t b = a + 1; b < placed.size() && placed[b].row <= placed[a].row + kRowWindow;
         ++b) {
      const Field& x = placed[a].field;
      const Field& y = placed[b].field;
      // Amounts and labels never share a column: where a tight layout sets a
      // label right after an amount column, their runs overlap across rows.
      if (placed[a].row == placed[b].row ||
          IsAmountColumnField(x.text) != IsAmountColumnField(y.text)) {
        continue;
      }
      const std::ptrdiff_t overlap = static_cast<std::ptrdiff_t>(std::min(x.end, y.end)) -
                                     static_cast<std::ptrdiff_t>(std::max(x.start, y.start));
      if (overlap > -kMaxJitter) pairs.push_back({overlap, a, b});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& x, const Pair& y) { return x.overlap > y.overlap; });
  for (const Pair& pair : pairs) {
    const std::size_t a = find(pair.a);
    const std::size_t b = find(pair.b);
    if (a == b) continue;
    std::vector<std::size_t> both;
    std::set_intersection(rows_of[a].begin(), rows_of[a].end(), rows_of[b].begin(),
                          rows_of[b].end(), std::back_inserter(both));
    if (!both.empty()) continue;
    std::vector<std::size_t> merged;
    std::merge(rows_of[a].begin(), rows_of[a].end(), rows_of[b].begin(), rows_of[b].end(),
               std::back_inserter(merged));
    parent[b] = a;
    rows_of[a] = std::move(merged);
    rows_of[b].clear();
  }
  std::vector<std::size_t> root(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k) root[k] = find(k);
  return root;
}

// A region's lines as rows: every filled line, its runs, and whether a blank
// line stands between it and the row above; the body starts at `body`.
struct RegionRows {
  std::vector<const SourceLine*> lines;
  std::vector<std::vector<Field>> fields;
  std::vector<bool> blank_before;
  std::size_t body = 0;
};

RegionRows CollectRows(const std::vector<SourceLine>& lines, std::size_t begin, std::size_t end) {
  RegionRows rows;
  bool blank = false;
  for (std::size_t i = begin; i < end && i < lines.size(); ++i) {
    if (IsBlankLine(lines[i].text)) {
      blank = true;
      continue;
    }
    rows.lines.push_back(&lines[i]);
    rows.fields.push_back(FieldsOf(lines[i].text, false));
    rows.blank_before.push_back(blank);
    blank = false;
  }
  // The body starts at the first row with an amount.
  rows.body = rows.lines.size();
  for (std::size_t r = 0; r < rows.lines.size(); ++r) {
    if (HasAmount(rows.fields[r])) {
      rows.body = r;
      break;
    }
  }
  // Rows above the first amount that open with a numbered item or a class
  // code are body rows whose amounts are blank (一、一般公共预算拨款收入 with
  // nothing this year), not header lines.
  while (rows.body > 0 && rows.body < rows.lines.size() &&
         StartsLikeARow(rows.lines[rows.body - 1]->text)) {
    --rows.body;
  }
  return rows;
}

// A column: a cluster's band of positions.
struct Column {
  std::size_t start = 0, end = 0;
  std::size_t cluster = 0;  // the placed-run count for a column only a header names
};

// The columns of a region, left to right, and which clusters hold amounts.
struct ColumnLayout {
  std::vector<Column> columns;
  std::vector<bool> amounts;               // per cluster (and one past: false)
  std::vector<std::size_t> column_of_run;  // per placed run
};

ColumnLayout LayOutColumns(const RegionRows& rows, const std::vector<Placed>& placed,
                           const std::vector<std::size_t>& cluster_of) {
  ColumnLayout layout;
  std::vector<Column>& columns = layout.columns;
  for (std::size_t k = 0; k < placed.size(); ++k) {
    const std::size_t root = cluster_of[k];
    auto it = std::find_if(columns.begin(), columns.end(),
                           [&](const Column& column) { return column.cluster == root; });
    if (it == columns.end()) {
      columns.push_back({placed[k].field.start, placed[k].field.end, root});
    } else {
      it->start = std::min(it->start, placed[k].field.start);
      it->end = std::max(it->end, placed[k].field.end);
    }
  }
  std::sort(columns.begin(), columns.end(), [](const Column& x, const Column& y) {
    return x.start != y.start ? x.start < y.start : x.end < y.end;
  });
  layout.amounts.assign(placed.size() + 1, false);
  for (std::size_t k = 0; k < placed.size(); ++k) {
    if (IsAmountField(placed[k].field.text)) layout.amounts[cluster_of[k]] = true;
  }
  // A header field past the last column is a column of its own that no body
  // row fills (其他收入 over an empty column).
  for (std::size_t r = 0; r < rows.body; ++r) {
    for (const Field& field : rows.fields[r]) {
      if (columns.empty() || field.start >= columns.back().end) {
        columns.push_back({field.start, field.end, placed.size()});
      }
    }
  }
  if (columns.empty()) columns.push_back({0, 1, placed.size()});
  std::vector<std::size_t> column_of_cluster(placed.size(), 0);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].cluster < placed.size()) column_of_cluster[columns[c].cluster] = c;
  }
  layout.column_of_run.resize(placed.size());
  for (std::size_t k = 0; k < placed.size(); ++k) {
    layout.column_of_run[k] = column_of_cluster[cluster_of[k]];
  }
  return layout;
}

// A header word belongs to the column whose band holds its middle. Between
// two bands it belongs to the right one when that one holds amounts (a header
// is centred over its column, whose amounts are set to the right), else to
// the nearer one.
std::size_t ColumnOfHeaderWord(const Field& field, const ColumnLayout& layout) {
  const std::vector<Column>& columns = layout.columns;
  // Half or more of it over one column's band: that column (行次 over its
  // one-digit numbers).
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::size_t lo = std::max(field.start, columns[c].start);
    const std::size_t hi = std::min(field.end, columns[c].end);
    if (hi > lo && 2 * (hi - lo) >= field.end - field.start) return c;
  }
  const std::size_t middle2 = field.start + field.end;  // twice the middle
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (middle2 < 2 * columns[c].start) {
      if (c == 0 || layout.amounts[columns[c].cluster]) return c;
      // Between two text columns: the nearer one.
      return middle2 - 2 * columns[c - 1].end < 2 * columns[c].start - middle2 ? c - 1 : c;
    }
    if (middle2 < 2 * columns[c].end) return c;
  }
  return columns.size() - 1;
}

// A label or an amount wrapped in its cell: a line right under a row (no
// blank line between), with no whole amount, no numbered item and nothing but
// short text and one- or two-digit pieces, is the rest of that row's cells
// (二、政府性基金预算财政拨 over 款收入; 23,867,428.2 over 6) where the layout
// parts rows with blank lines (`rows_spaced`), or where the row above was cut:
// an amount cut after its point, a comma or one decimal (287,005. over 09), or
// a label as wide as its column's widest. Header lines with no blank line
// between them, where blank lines part the rows, are the lines of one header
// row's wrapped words (本年收入 over 合计).
std::vector<bool> WrappedRestRows(const RegionRows& rows, const std::vector<Placed>& placed,
                                  const ColumnLayout& layout, bool rows_spaced) {
  // A label cell as wide as the widest of its column filled its cell, so a
  // text-only line under it is its rest even in a layout without blank lines
  // between rows (一、一般公 / 共预算财政 / 拨款).
  std::vector<std::size_t> widest(layout.columns.size(), 0);
  for (std::size_t k = 0; k < placed.size(); ++k) {
    const std::size_t c = layout.column_of_run[k];
    widest[c] = std::max(widest[c], CodePointCount(placed[k].field.text));
  }
  const auto cut = [&](std::size_t r) {
    for (std::size_t k = 0; k < placed.size(); ++k) {
      if (placed[k].row != r) continue;
      const std::string& text = placed[k].field.text;
      if (IsAmountField(text)) {
        // 287,005. or 59,751.8 over the rest of its digits.
        const std::size_t point = text.rfind('.');
        if (EndsWith(text, ".") || EndsWith(text, ",") ||
            (point != std::string::npos && point + 2 == text.size())) {
          return true;
        }
      } else if (CodePointCount(text) >= 4 &&
                 CodePointCount(text) == widest[layout.column_of_run[k]]) {
        return true;
      }
    }
    return false;
  };
  std::vector<bool> rest(rows.lines.size(), false);
  for (std::size_t r = rows.body + 1; r < rows.lines.size(); ++r) {
    if (rows.blank_before[r] || !IsRestLine(rows.lines[r]->text)) continue;
    rest[r] = rows_spaced || cut(r - 1) || (rest[r - 1] && cut(r - 1));
  }
  for (std::size_t r = 1; rows_spaced && r < rows.body; ++r) rest[r] = !rows.blank_before[r];
  return rest;
}

// Without blank lines between rows: the words of a header line that each
// stand under a word of the line above are the rests of those words (本年收入
// over 合计, 财政拨款 over 收入); 类 款 项, 栏次 and numbers are header rows of
// their own, and a line with a word under an empty column heads sub-columns
// (财政拨款 over 小计 | 一般公共预算 | 政府性基金).
void JoinWrappedHeaderWords(std::vector<std::vector<std::string>>& cells, std::size_t body) {
  const auto structural = [](const std::string& text) {
    const std::string word = RemoveAllWhitespace(text);
    return word == "类" || word == "款" || word == "项" || word == "栏次" || word == "行次" ||
           std::all_of(word.begin(), word.end(), [](char c) { return IsAsciiDigit(c); });
  };
  for (std::size_t r = 1; r < body; ++r) {
    bool under_words = false;
    bool under_empty = false;
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      if (cells[r][c].empty() || structural(cells[r][c])) continue;
      (cells[r - 1][c].empty() ? under_empty : under_words) = true;
    }
    if (!under_words || under_empty) continue;
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      if (cells[r][c].empty() || structural(cells[r][c])) continue;
      cells[r - 1][c] += cells[r][c];
      cells[r][c].clear();
    }
  }
}

}  // namespace

std::size_t AlignedTableEnd(const std::vector<SourceLine>& lines, std::size_t begin,
                            std::size_t* scanned) {
  *scanned = begin + 1;
  if (begin >= lines.size() || !IsRegionLine(lines[begin]) ||
      FieldsOf(lines[begin].text, false).size() < 2) {
    return begin;
  }
  std::size_t last_amount_row = begin;
  int amount_rows = 0;
  std::size_t i = begin;
  for (; i < lines.size(); ++i) {
    if (i > begin && lines[i].page_break_before) break;
    if (IsBlankLine(lines[i].text)) continue;
    if (!IsRegionLine(lines[i])) break;
    if (HasAmount(FieldsOf(lines[i].text, false))) {
      ++amount_rows;
      last_amount_row = i;
    }
  }
  *scanned = i;
  if (amount_rows < 2) return begin;
  // The last row's wrapped rest, right under it (no blank line between).
  std::size_t end = last_amount_row + 1;
  while (end < lines.size() && !lines[end].page_break_before && !IsBlankLine(lines[end].text) &&
         lines[end].text.find('\t') == std::string::npos && IsRestLine(lines[end].text)) {
    ++end;
  }
  return end;
}

PendingTable ParseAlignedRows(const std::vector<SourceLine>& lines, std::size_t begin,
                              std::size_t end) {
  PendingTable table;
  table.first_line = begin < lines.size() ? lines[begin].number : 0;
  const RegionRows rows = CollectRows(lines, begin, end);
  const std::size_t body = rows.body;
  const std::size_t row_count = rows.lines.size();
  std::vector<Placed> placed;
  for (std::size_t r = body; r < row_count; ++r) {
    for (const Field& field : rows.fields[r]) placed.push_back({field, r});
  }
  const ColumnLayout layout = LayOutColumns(rows, placed, ClusterRuns(placed));
  const std::vector<Column>& columns = layout.columns;
  // More columns than any table prints: no table (runs that never line up).
  // Each line becomes a one-cell row, which the reader emits as a paragraph.
  constexpr std::size_t kMaxColumns = 64;
  if (columns.size() > kMaxColumns) {
    for (const SourceLine* row : rows.lines) table.rows.push_back({{Trim(row->text), row->number}});
    return table;
  }
  std::vector<std::vector<std::string>> cells(row_count, std::vector<std::string>(columns.size()));
  for (std::size_t r = 0; r < body; ++r) {
    for (const Field& word : FieldsOf(rows.lines[r]->text, true)) {
      cells[r][ColumnOfHeaderWord(word, layout)] += word.text;
    }
  }
  for (std::size_t k = 0; k < placed.size(); ++k) {
    std::string& cell = cells[placed[k].row][layout.column_of_run[k]];
    if (!cell.empty()) cell += " ";
    cell += placed[k].field.text;
  }
  std::size_t spaced = 0;
  for (std::size_t r = body + 1; r < row_count; ++r) spaced += rows.blank_before[r] ? 1 : 0;
  const bool rows_spaced = row_count > body + 2 && 2 * spaced >= row_count - body - 1;
  const std::vector<bool> rest = WrappedRestRows(rows, placed, layout, rows_spaced);
  if (!rows_spaced) JoinWrappedHeaderWords(cells, body);
  for (std::size_t r = row_count; r-- > 1;) {
    if (!rest[r]) continue;
    for (std::size_t c = 0; c < columns.size(); ++c) cells[r - 1][c] += cells[r][c];
  }
  for (const Column& column : columns) {
    table.column_kinds.push_back(column.cluster >= placed.size()  ? 'h'
                                 : layout.amounts[column.cluster] ? 'a'
                                                                  : 't');
  }
  for (std::size_t r = 0; r < row_count; ++r) {
    if (rest[r]) continue;
    std::vector<PendingCell> row;
    for (std::string& text : cells[r]) row.push_back({std::move(text), rows.lines[r]->number});
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace disclose::text_internal
