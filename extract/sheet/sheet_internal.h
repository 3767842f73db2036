// Private to the spreadsheet readers (extract/xlsx, extract/xls): the sheet
// both formats are read into, the number-format renderer, and the layout that
// turns a sheet into a page of Paragraphs and a Table.
//
//   sheet::Sheet grid;
//   grid.name = "部门收入总表";
//   grid.cells.push_back({3, 1, "1,234.50"});
//   sheet::AppendSheet(grid, /*page=*/1, &document);
//
//   sheet::Rendered shown = sheet::RenderNumber("1234.5600000001", "#,##0.00");
//   // shown.text == "1,234.56", shown.exact == false
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace disclose::sheet {

// A value as a reader sees it in the sheet, already rendered to text.
struct Cell {
  int row = 0;  // 0-based
  int column = 0;
  std::string text;
};

// A merged range, inclusive, 0-based.
struct Merge {
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;
};

struct Sheet {
  std::string name;
  std::vector<Cell> cells;  // any order; empty texts are ignored
  std::vector<Merge> merges;
  std::set<int> hidden_rows;
  std::set<int> hidden_columns;
};

// Limits that keep a hostile workbook from costing unbounded memory.
inline constexpr int kMaxRows = 1048576;  // Excel's own limits
inline constexpr int kMaxColumns = 16384;
// Non-empty cells a whole workbook may hold, and merges per sheet.
inline constexpr std::int64_t kMaxCells = 4'000'000;
inline constexpr std::int64_t kMaxMerges = 10'000;

// Appends one sheet as page `page`: the sheet name and the lines above its
// table as Paragraphs (title, 编制单位, 单位：元), the table, then the lines
// below it (notes). Hidden rows and columns are dropped here, and so are rows
// and columns with nothing in them. Counts what it drops in warnings.
void AppendSheet(const Sheet& sheet, int page, Document* document);

// A number rendered the way its number format prints it.
struct Rendered {
  std::string text;
  // False when the stored value has digits below the printed precision
  // (1234.5600000001 under 0.00): the printed figure is what a reader sees.
  bool exact = true;
};

// Renders a stored decimal ("1234.5", "-1.25E-3", "12") by an Excel number
// format code ("#,##0.00", "0.00%", "General", "@", "#,##0_ ;[Red]-#,##0 ").
// Exact decimal arithmetic on the digits: no double is involved. Rounds half
// away from zero, as Excel displays. A value that is not a decimal number
// comes back as it was, exact.
Rendered RenderNumber(std::string_view decimal, std::string_view format_code);

// The format code of a built-in number format id (0 "General", 4 "#,##0.00",
// 10 "0.00%", ...); dates and unknown ids give "General".
std::string_view BuiltinFormat(int id);

// True for a format code that prints a date or a time (y, m, d, h, s outside
// quotes and brackets).
bool IsDateFormat(std::string_view format_code);

// A warning about one sheet of a workbook (the sheet is the page).
Warning SheetWarning(std::string code, std::string message, int page);

// Each format's error maker: `<FORMAT> read error: <detail>` on one line.
using ErrorMaker = Status (*)(ErrorCode code, std::string_view detail);

// Re-says a helper's status `<prefix><detail>` as `<prefix><name>: <detail>`, so that every
// message names the file without the helpers having to know it.
Status WithFileName(ErrorMaker make_error, std::string_view prefix, const std::string& name,
                    const Status& status);

}  // namespace disclose::sheet
