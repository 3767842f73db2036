// A sheet laid out as a page: what sits above the table (title, 编制单位,
// 单位：元) becomes Paragraphs as in a document, so the normalizer finds the
// title and the unit the same way; the rows from the first row that holds two
// or more headings or values to the last row with two or more filled cells
// are the Table; single lines below it (notes) are Paragraphs again.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/table_number.h"
#include "core/text.h"
#include "extract/sheet/sheet_internal.h"

namespace disclose::sheet {
namespace {

// Beyond this a sheet is not a table a person reads; the normalizer would
// refuse it anyway (table.too_large), so the reader does not build it.
constexpr std::int64_t kMaxGridCells = 1'000'000;
// Steps spent matching cells to merged ranges.
constexpr std::int64_t kMaxMergeWork = 50'000'000;

// A caption line printed beside another in one row: "编制单位：XX  单位：元".
bool IsCaption(std::string_view text) {
  for (std::string_view marker : {"单位：", "单位:", "单位（", "单位(", "编制单位", "编制部门",
                                  "填报单位", "部门名称", "单位名称"}) {
    if (Contains(text, marker)) return true;
  }
  return false;
}

std::string CleanText(std::string_view raw) {
  std::string text = SanitizeUtf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += text[i];
    }
  }
  return Trim(out);
}

Warning MakeWarning(std::string code, std::string message, int page, int block) {
  Warning warning;
  warning.code = std::move(code);
  warning.message = std::move(message);
  warning.provenance.page = page;
  warning.provenance.block = block;
  warning.provenance.origin = TextOrigin::kMarkup;
  return warning;
}

void AddParagraph(const std::string& text, ParagraphRole role, int level, int page,
                  Document* document) {
  // A cell holding several lines (a narrative sheet's one merged cell) is
  // several paragraphs, as it would be in a document.
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) {
      Paragraph paragraph;
      paragraph.text = std::move(line);
      paragraph.role = role;
      paragraph.heading_level = level;
      paragraph.provenance.page = page;
      paragraph.provenance.block = static_cast<int>(document->blocks.size());
      paragraph.provenance.origin = TextOrigin::kMarkup;
      document->blocks.push_back(Block{std::move(paragraph)});
    }
    start = end + 1;
  }
}

// True when a sheet name is the application's default ("Sheet1", "工作表1"),
// which says nothing about the table.
bool IsDefaultSheetName(std::string_view name) {
  for (std::string_view prefix : {"Sheet", "sheet", "工作表"}) {
    if (!StartsWith(name, prefix)) continue;
    const std::string_view rest = name.substr(prefix.size());
    if (!rest.empty() &&
        std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return true;
    }
  }
  return false;
}

// A row that can only stand between two tables of a sheet: every filled cell
// a caption (单位：元, 编制单位：…), a note (注：…) or a table's title (…表,
// …表（公开01表）, 附表2). A label row with its amounts left blank (四、其他收入)
// is none of these, so it stays in its table.
bool EndsTable(const std::map<int, std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const auto& cell) {
    const std::string text = RemoveAllWhitespace(cell.second);
    if (IsCaption(text)) return true;
    for (std::string_view note : {"注：", "注:", "说明：", "说明:", "备注：", "备注:"}) {
      if (StartsWith(text, note)) return true;
    }
    // A title ends with its 表, perhaps followed by its number in brackets or its unit.
    const std::size_t last = text.rfind("表");
    if (last == std::string::npos) return false;
    const std::string_view after =
        std::string_view(text).substr(last + std::string_view("表").size());
    if (after.empty() || after == "）" || after == ")") return true;
    // A number alone (附表2, 表3, 公开05表): the whole line is the number.
    const std::vector<char32_t> cps = DecodeUtf8(text);
    const std::u32string folded = FoldTableNumberKey(std::u32string_view(cps.data(), cps.size()));
    const auto number = ParseTableNumberPrefix(folded);
    return number && number->table_word && number->end == folded.size();
  });
}

using SheetRows = std::map<int, std::map<int, std::string>>;

// Appends the sheet rows [span.first, span.second] as one Table: the rows and
// columns in that range that hold something, merged ranges as spans. False,
// with the grid's size, when the grid is beyond kMaxGridCells.
bool AppendTable(const SheetRows& rows, std::pair<int, int> span, const std::vector<Merge>& merges,
                 const std::map<std::pair<int, int>, std::size_t>& merge_at_anchor, int page,
                 Document* document, std::size_t* refused_rows, std::size_t* refused_columns) {
  std::vector<int> grid_rows;
  std::set<int> column_set;
  for (auto it = rows.lower_bound(span.first); it != rows.upper_bound(span.second); ++it) {
    grid_rows.push_back(it->first);
    for (const auto& [column, text] : it->second) column_set.insert(column);
  }
  const std::vector<int> grid_columns(column_set.begin(), column_set.end());
  const std::int64_t grid_cells =
      static_cast<std::int64_t>(grid_rows.size()) * static_cast<std::int64_t>(grid_columns.size());
  if (grid_cells > kMaxGridCells) {
    *refused_rows = grid_rows.size();
    *refused_columns = grid_columns.size();
    return false;
  }
  auto index_of = [](const std::vector<int>& sorted, int value) {
    return static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin());
  };
  const int row_count = static_cast<int>(grid_rows.size());
  const int column_count = static_cast<int>(grid_columns.size());
  Table table;
  table.row_count = row_count;
  table.column_count = column_count;
  table.ruled = true;
  table.pages = {page};
  const int block = static_cast<int>(document->blocks.size());
  table.provenance.page = page;
  table.provenance.block = block;
  table.provenance.origin = TextOrigin::kMarkup;
  std::vector<char> covered(static_cast<std::size_t>(grid_cells), 0);
  for (int r = 0; r < row_count; ++r) {
    const auto& cells = rows.at(grid_rows[static_cast<std::size_t>(r)]);
    for (int c = 0; c < column_count; ++c) {
      const std::size_t at = static_cast<std::size_t>(r) * static_cast<std::size_t>(column_count) +
                             static_cast<std::size_t>(c);
      if (covered[at]) continue;
      const int sheet_row = grid_rows[static_cast<std::size_t>(r)];
      const int sheet_column = grid_columns[static_cast<std::size_t>(c)];
      TableCell cell;
      cell.row = r;
      cell.column = c;
      const auto text = cells.find(sheet_column);
      if (text != cells.end()) {
        cell.text = text->second;
        const auto merge = merge_at_anchor.find({sheet_row, sheet_column});
        if (merge != merge_at_anchor.end()) {
          const Merge& range = merges[merge->second];
          // Spans count the kept rows and columns the range covers.
          cell.row_span = std::max(1, index_of(grid_rows, range.last_row + 1) - r);
          cell.column_span = std::max(1, index_of(grid_columns, range.last_column + 1) - c);
        }
      }
      for (int rr = r; rr < r + cell.row_span; ++rr) {
        for (int cc = c; cc < c + cell.column_span; ++cc) {
          covered[static_cast<std::size_t>(rr) * static_cast<std::size_t>(column_count) +
                  static_cast<std::size_t>(cc)] = 1;
        }
      }
      cell.provenance.page = page;
      cell.provenance.block = block;
      cell.provenance.row = r;
      cell.provenance.column = c;
      cell.provenance.origin = TextOrigin::kMarkup;
      table.cells.push_back(std::move(cell));
    }
  }
  document->blocks.push_back(Block{std::move(table)});
  return true;
}

}  // namespace

void AppendSheet(const Sheet& sheet, int page, Document* document) {
  Page page_info;
  page_info.number = page;
  page_info.text_origin = TextOrigin::kMarkup;
  document->pages.push_back(page_info);
  const std::string sheet_name = CleanText(sheet.name);
  auto warn = [&](std::string code, std::string message) {
    document->warnings.push_back(MakeWarning(std::move(code),
                                             "sheet '" + sheet_name + "': " + std::move(message),
                                             page, static_cast<int>(document->blocks.size())));
  };

  // Merges, each cell of the sheet in at most one: a later range that
  // overlaps an earlier one is damage, and is dropped.
  std::vector<Merge> merges;
  std::map<std::pair<int, int>, std::size_t> merge_at_anchor;
  int dropped_merges = 0;
  for (const Merge& merge : sheet.merges) {
    if (merge.first_row < 0 || merge.first_column < 0 || merge.last_row < merge.first_row ||
        merge.last_column < merge.first_column || merge.last_row >= kMaxRows ||
        merge.last_column >= kMaxColumns) {
      ++dropped_merges;
      continue;
    }
    bool overlaps = false;
    for (const Merge& other : merges) {
      if (merge.first_row <= other.last_row && other.first_row <= merge.last_row &&
          merge.first_column <= other.last_column && other.first_column <= merge.last_column) {
        overlaps = true;
        break;
      }
    }
    if (overlaps || static_cast<std::int64_t>(merges.size()) >= kMaxMerges) {
      ++dropped_merges;
      continue;
    }
    merge_at_anchor[{merge.first_row, merge.first_column}] = merges.size();
    merges.push_back(merge);
  }
  if (dropped_merges > 0) {
    warn("sheet_bad_merge", std::to_string(dropped_merges) +
                                " merged ranges overlapping or out of bounds were ignored");
  }
  // Visible, non-empty anchors, by row then column. The last value written
  // to a cell wins, as when a spreadsheet application reads the file.
  std::map<int, std::map<int, std::string>> rows;
  int hidden_row_cells = 0;
  int hidden_column_cells = 0;
  std::set<int> hidden_rows_with_content;
  std::set<int> hidden_columns_with_content;
  for (const Cell& cell : sheet.cells) {
    std::string text = CleanText(cell.text);
    if (text.empty()) continue;
    if (sheet.hidden_rows.count(cell.row)) {
      ++hidden_row_cells;
      hidden_rows_with_content.insert(cell.row);
      continue;
    }
    if (sheet.hidden_columns.count(cell.column)) {
      ++hidden_column_cells;
      hidden_columns_with_content.insert(cell.column);
      continue;
    }
    rows[cell.row][cell.column] = std::move(text);
  }
  // A merged range shows its anchor's value only: what else is stored under
  // it is not seen. The walk is bounded so a hostile sheet cannot stall it.
  std::int64_t work = 0;
  for (const Merge& merge : merges) {
    for (auto row = rows.lower_bound(merge.first_row);
         row != rows.end() && row->first <= merge.last_row && work < kMaxMergeWork; ++row, ++work) {
      auto& cells = row->second;
      for (auto it = cells.lower_bound(merge.first_column);
           it != cells.end() && it->first <= merge.last_column;) {
        ++work;
        if (row->first == merge.first_row && it->first == merge.first_column) {
          ++it;
        } else {
          it = cells.erase(it);
        }
      }
    }
  }
  if (work >= kMaxMergeWork) {
    warn("sheet_too_large", "too many merged cells to resolve; the sheet was not read");
    return;
  }
  for (auto it = rows.begin(); it != rows.end();) {
    it = it->second.empty() ? rows.erase(it) : std::next(it);
  }
  if (!hidden_rows_with_content.empty()) {
    warn("sheet_hidden_rows", std::to_string(hidden_rows_with_content.size()) +
                                  " hidden rows skipped (" + std::to_string(hidden_row_cells) +
                                  " filled cells)");
  }
  if (!hidden_columns_with_content.empty()) {
    warn("sheet_hidden_columns", std::to_string(hidden_columns_with_content.size()) +
                                     " hidden columns skipped (" +
                                     std::to_string(hidden_column_cells) + " filled cells)");
  }

  if (!sheet_name.empty() && !IsDefaultSheetName(sheet_name)) {
    AddParagraph(sheet_name, ParagraphRole::kHeading, 2, page, document);
  }
  if (rows.empty()) return;

  // The tables' rows. A sheet usually holds one table, but a workbook saved
  // from a web page or a finance system's export stacks every table of the
  // document in one sheet, each under its own title and unit lines. A table
  // runs from the first row with two headings or values (not two caption
  // lines) to the last row with two filled cells before a row that can only
  // stand between tables (EndsTable): a title, a caption or a note.
  std::vector<std::pair<int, int>> spans;  // first and last sheet row of each table
  int table_first = -1;
  int table_last = -1;
  for (const auto& [row, cells] : rows) {
    if (table_first >= 0 && EndsTable(cells)) {
      spans.emplace_back(table_first, table_last);
      table_first = table_last = -1;
      continue;
    }
    int non_caption = 0;
    for (const auto& [column, text] : cells) non_caption += IsCaption(text) ? 0 : 1;
    if (table_first < 0 && non_caption >= 2) table_first = row;
    if (table_first >= 0 && cells.size() >= 2) table_last = row;
  }
  if (table_first >= 0) spans.emplace_back(table_first, table_last);
  auto add_lines = [&](auto begin, auto end) {
    for (auto it = begin; it != end; ++it) {
      for (const auto& [column, text] : it->second) {
        AddParagraph(text, ParagraphRole::kBody, 0, page, document);
      }
    }
  };
  auto lines_from = rows.begin();
  for (const auto& [first, last] : spans) {
    add_lines(lines_from, rows.lower_bound(first));
    lines_from = rows.upper_bound(last);
    std::size_t grid_rows = 0;
    std::size_t grid_columns = 0;
    if (!AppendTable(rows, {first, last}, merges, merge_at_anchor, page, document, &grid_rows,
                     &grid_columns)) {
      warn("sheet_too_large", std::to_string(grid_rows) + " rows by " +
                                  std::to_string(grid_columns) +
                                  " columns is beyond the reader's limit; the table was not read");
    }
  }
  add_lines(lines_from, rows.end());
}

}  // namespace disclose::sheet
