// The three table shapes text exports carry:
//  (a) one row per line, cells separated by tabs (spreadsheet / Word "text");
//  (b) markdown pipe tables with a |---| separator row;
//  (c) Word's plain-text export of a table: each cell is a line opening with a
//      tab, a cell's further paragraphs follow on lines without the tab, and a
//      blank line ends the row. Two blank lines in a row end the table.
// Rows keep their printed cell count; a merged (short) row leaves the grid
// positions past its end without an anchor rather than guessing spans.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/text/text_internal.h"

namespace disclose::text_internal {
namespace {

std::string_view RightTrimSpaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// A Word cell line: one leading tab and no other tab.
bool IsCellLine(std::string_view line) {
  line = RightTrimSpaces(line);
  return !line.empty() && line[0] == '\t' && line.find('\t', 1) == std::string_view::npos;
}

bool IsStrongSectionStart(std::string_view text) {
  // A numbered section heading ends a Word table even without a blank line
  // (seed 001: "⇥18" then " （二）绩效分析"); arabic "2." lines are cell paragraphs.
  const std::string trimmed = Trim(text);
  if (!IsHeadingLike(trimmed)) return false;
  const char32_t first = FirstCodePoint(trimmed);
  return !(first >= U'0' && first <= U'9');
}

}  // namespace

std::string CleanCell(std::string_view raw, bool markdown) {
  const std::string cleaned = CleanInline(raw, markdown);
  std::string out;
  std::size_t start = 0;
  while (start <= cleaned.size()) {
    std::size_t end = cleaned.find('\n', start);
    if (end == std::string::npos) end = cleaned.size();
    const std::string piece = Trim(std::string_view(cleaned).substr(start, end - start));
    if (!piece.empty()) {
      if (!out.empty()) out.push_back('\n');
      out.append(piece);
    }
    start = end + 1;
  }
  return out;
}

PendingTable ParseTabRows(const std::vector<SourceLine>& lines, std::size_t begin, std::size_t end,
                          bool markdown) {
  PendingTable table;
  table.first_line = begin < lines.size() ? lines[begin].number : 0;
  for (std::size_t i = begin; i < end && i < lines.size(); ++i) {
    std::string_view line = RightTrimSpaces(lines[i].text);
    std::vector<PendingCell> row;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      const std::size_t stop = tab == std::string_view::npos ? line.size() : tab;
      row.push_back({CleanCell(line.substr(start, stop - start), markdown), lines[i].number});
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::size_t ParseCellPerLine(const std::vector<SourceLine>& lines, std::size_t begin, bool markdown,
                             PendingTable* table) {
  table->rows.clear();
  table->first_line = begin < lines.size() ? lines[begin].number : 0;
  std::vector<PendingCell> row;
  std::string raw;  // the open cell's raw text
  int raw_line = 0;
  bool cell_open = false;
  int blanks = 0;
  const auto close_cell = [&] {
    if (cell_open) row.push_back({CleanCell(raw, markdown), raw_line});
    cell_open = false;
    raw.clear();
  };
  const auto close_row = [&] {
    close_cell();
    if (!row.empty()) table->rows.push_back(std::move(row));
    row.clear();
  };
  std::size_t i = begin;
  for (; i < lines.size(); ++i) {
    const SourceLine& line = lines[i];
    // A tab-led line is a cell even when it holds a bare number: a row opening
    // with a class code or a 序号 ("\t212" after the blank line ending the
    // row above) was taken for a page number and ended the table there.
    if (IsBlankLine(line.text) ||
        (!IsCellLine(line.text) && IsPageNumberLine(line.text, blanks > 0))) {
      close_row();
      ++blanks;
      if (blanks >= 2) break;
      continue;
    }
    if (IsCellLine(line.text)) {
      if (blanks >= 2) break;
      close_cell();
      blanks = 0;
      raw = std::string(RightTrimSpaces(line.text).substr(1));
      raw_line = line.number;
      cell_open = true;
      continue;
    }
    if (line.text.find('\t') != std::string::npos) break;  // a tab-separated row: shape (a)
    // A line without a tab: the open cell's next paragraph, unless a blank line
    // came first or it is plainly the next section's heading.
    if (blanks > 0 || !cell_open || IsStrongSectionStart(StripBookmarks(line.text))) break;
    raw.push_back('\n');
    raw.append(line.text);
  }
  close_row();
  return std::max(i, begin + 1);
}

std::size_t ParsePipeTable(const std::vector<SourceLine>& lines, std::size_t begin, bool markdown,
                           PendingTable* table) {
  table->rows.clear();
  table->first_line = lines[begin].number;
  const auto add_row = [&](const SourceLine& line) {
    std::vector<PendingCell> row;
    for (const std::string& cell : SplitPipeRow(line.text)) {
      row.push_back({CleanCell(cell, markdown), line.number});
    }
    table->rows.push_back(std::move(row));
  };
  add_row(lines[begin]);
  std::size_t i = begin + 2;  // skip the |---| row
  for (; i < lines.size(); ++i) {
    if (IsBlankLine(lines[i].text) || !HasUnescapedPipe(lines[i].text)) break;
    if (IsPipeSeparatorRow(lines[i].text)) continue;
    add_row(lines[i]);
  }
  return i;
}

void SplitOffCaptionRows(PendingTable* table, std::vector<PendingCell>* before,
                         std::vector<PendingCell>* after) {
  const auto only_first_filled = [](const std::vector<PendingCell>& row) {
    if (row.empty() || row[0].text.empty()) return false;
    for (std::size_t c = 1; c < row.size(); ++c) {
      if (!row[c].text.empty()) return false;
    }
    return true;
  };
  std::size_t lead = 0;
  while (lead < table->rows.size() && only_first_filled(table->rows[lead]) &&
         CodePointCount(table->rows[lead][0].text) <= 60) {
    ++lead;
  }
  if (lead == table->rows.size()) lead = 0;  // nothing but one-cell rows: decided by caller
  for (std::size_t r = 0; r < lead; ++r) before->push_back(table->rows[r][0]);
  table->rows.erase(table->rows.begin(), table->rows.begin() + static_cast<std::ptrdiff_t>(lead));

  std::size_t tail = table->rows.size();
  while (tail > 0 && only_first_filled(table->rows[tail - 1])) --tail;
  std::size_t notes = tail;
  for (std::size_t r = tail; r < table->rows.size(); ++r) {
    const std::string& text = table->rows[r][0].text;
    if (StartsWith(text, "注") || StartsWith(text, "备注")) {
      notes = r;
      break;
    }
  }
  if (notes < table->rows.size() && notes > 0) {
    for (std::size_t r = notes; r < table->rows.size(); ++r) after->push_back(table->rows[r][0]);
    table->rows.resize(notes);
  }
}

int ColumnCount(const PendingTable& pending) {
  std::size_t columns = 0;
  for (const auto& row : pending.rows) columns = std::max(columns, row.size());
  return static_cast<int>(columns);
}

Table BuildTable(const PendingTable& pending, int block) {
  Table table;
  table.row_count = static_cast<int>(pending.rows.size());
  table.column_count = ColumnCount(pending);
  table.ruled = false;
  table.provenance.page = 0;
  table.provenance.block = block;
  table.provenance.line = pending.first_line;
  table.provenance.origin = TextOrigin::kMarkup;
  for (int r = 0; r < table.row_count; ++r) {
    const auto& row = pending.rows[static_cast<std::size_t>(r)];
    for (int c = 0; c < static_cast<int>(row.size()); ++c) {
      TableCell cell;
      cell.row = r;
      cell.column = c;
      cell.text = row[static_cast<std::size_t>(c)].text;
      cell.provenance.page = 0;
      cell.provenance.block = block;
      cell.provenance.row = r;
      cell.provenance.column = c;
      cell.provenance.line = row[static_cast<std::size_t>(c)].line;
      cell.provenance.origin = TextOrigin::kMarkup;
      table.cells.push_back(std::move(cell));
    }
  }
  return table;
}

}  // namespace disclose::text_internal
