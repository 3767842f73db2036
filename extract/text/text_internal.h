// Private interfaces of the text/markdown reader (extract/text). Split so the
// cleaning rules, the three table shapes and the page-break joining can be
// tested and read on their own; ReadText (text_reader.cc) strings them together.
//
//   std::string text = CleanInline("[bookmark: _Toc1]**一是**$\\geq 90\\%$", true);
//   // text == "一是≥90%"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace disclose::text_internal {

// One physical line of the input, after decoding to UTF-8 and splitting on
// \n, \r\n, \r and form feeds.
struct SourceLine {
  std::string text;
  int number = 0;                  // 1-based line in the file
  bool page_break_before = false;  // a form feed preceded this segment
};

// A table as parsed, before it becomes a core Table.
struct PendingCell {
  std::string text;  // cleaned; lines of a multi-line cell joined with '\n'
  int line = 0;      // source line of the cell's first line
};
struct PendingTable {
  std::vector<std::vector<PendingCell>> rows;
  int first_line = 0;
  // Shape (d) only, one per column: 'a' its body holds amounts, 't' text, 'h' only a header
  // names it (其他收入 over an empty column). Empty for the other shapes.
  std::string column_kinds;
};

// Shape (a): every line in [begin, end) is a row of tab-separated cells.
PendingTable ParseTabRows(const std::vector<SourceLine>& lines, std::size_t begin, std::size_t end,
                          bool markdown);
// Shape (c): Word's one-cell-per-line export. Starts at `begin` (a line that
// opens with a tab); returns the index just past the table.
std::size_t ParseCellPerLine(const std::vector<SourceLine>& lines, std::size_t begin, bool markdown,
                             PendingTable* table);
// Shape (b): markdown pipe table; `begin` is the header row, begin + 1 the
// |---| separator. Returns the index just past the table.
std::size_t ParsePipeTable(const std::vector<SourceLine>& lines, std::size_t begin, bool markdown,
                           PendingTable* table);
// Shape (d): columns laid out with spaces (pdftotext -layout, a monospace
// print). The index just past the table region starting at `begin` (through
// its last row with an amount), or `begin` when no such table starts there.
// `scanned` is where the look stopped: when no table starts at `begin`, none
// starts before `scanned` either (each start there sees a tail of the same
// lines, down to the same stop), so the caller need not look again there.
std::size_t AlignedTableEnd(const std::vector<SourceLine>& lines, std::size_t begin,
                            std::size_t* scanned);
// The rows of [begin, end) cut into the columns their text stands in.
PendingTable ParseAlignedRows(const std::vector<SourceLine>& lines, std::size_t begin,
                              std::size_t end);
// Moves leading title rows (only the first cell filled) into `before` and a
// trailing run of 注/备注 rows into `after`, as paragraphs-to-be.
void SplitOffCaptionRows(PendingTable* table, std::vector<PendingCell>* before,
                         std::vector<PendingCell>* after);
// Grid with column_count = widest row; every parsed cell (empty ones too) is an
// anchor with span 1; positions past a short row's end have no cell.
Table BuildTable(const PendingTable& pending, int block);
// Number of columns BuildTable would give.
int ColumnCount(const PendingTable& pending);
// Cleans one cell's raw text: inline cleaning, each line trimmed, blank lines dropped.
std::string CleanCell(std::string_view raw, bool markdown);

// Inline cleaning: [bookmark: …], HTML tags (<br>, <p> become '\n'), entities,
// LaTeX math ($\geq 95\%$ -> ≥95%), backslash escapes and, when `markdown`,
// emphasis marks (** __ * _). Never changes line structure other than <br>.
std::string CleanInline(std::string_view line, bool markdown);

// Removes [bookmark: …] only (used to decide whether a line is blank).
std::string StripBookmarks(std::string_view line);

// Block-level markdown marks at the start of a line.
struct LineMarks {
  std::string rest;        // the line without the marks
  int heading_level = 0;   // '#' count, 0 when none
  bool list_item = false;  // "- ", "* ", "+ " (and "1. " in markdown)
  bool quote = false;      // leading '>'
};
LineMarks StripLineMarks(std::string_view line, bool markdown);

// True when the line carries markdown structure: '# ' heading, a pipe-table
// separator, or a **bold** pair.
bool LooksLikeMarkdownLine(std::string_view line);

// Whitespace-only after removing bookmarks (a tab counts as content: in Word
// one-cell-per-line exports a lone tab is an empty cell).
bool IsBlankLine(std::string_view line);

// "- 3 -", "3", "第3页", "第 3 页 共 9 页", "3/9", "Page 3".
bool IsPageNumberLine(std::string_view line, bool bare_number_allowed);

// Numbered heading markers: 一、 （一） (1) 第一部分 1、 1. ① 表1 附件 注：
bool StartsWithSectionMarker(std::string_view text);
// A numbered line with no sentence punctuation after the marker, or 第X部分.
bool IsHeadingLike(std::string_view text);
// "label：…" with a short label, e.g. 项目承担单位：…
bool StartsWithLabel(std::string_view text);
// Lines that sit above a table: 公开01表, 表 2, 金额单位：元, 编制部门：…, (2024 年), …表
bool IsCaptionLike(std::string_view text);
// 编制部门 / 单位 / 金额单位 lines that a page break repeats above a continued table.
bool IsRepeatedTableHeaderLine(std::string_view text);

// Decides whether two paragraph texts separated by a page break / blank lines
// are one sentence split in two.
bool ShouldJoin(const std::string& previous, bool previous_heading, const std::string& next);
// Appends `next`, with a space only between two ASCII alphanumerics. In place,
// so a long chain of joins stays linear.
void AppendJoined(std::string* previous, const std::string& next);

// Splits a pipe-table row on unescaped '|', dropping the outer pipes.
std::vector<std::string> SplitPipeRow(std::string_view line);
bool IsPipeSeparatorRow(std::string_view line);
bool HasUnescapedPipe(std::string_view line);

// Code point helpers on UTF-8.
char32_t FirstCodePoint(std::string_view text);
char32_t LastCodePoint(std::string_view text);
std::size_t CodePointCount(std::string_view text);

}  // namespace disclose::text_internal
