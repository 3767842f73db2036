// One worksheet part streamed into a sheet::Sheet: cells rendered to the
// text a reader of the sheet sees (shared and inline strings, numbers by
// their style's number format, formulas by their cached value), merged
// ranges, and hidden rows and columns.
#include <charconv>

#include "extract/xlsx/xlsx_internal.h"

namespace disclose::xlsx {
namespace {

bool IsTrue(const std::optional<std::string>& value) {
  return value && (*value == "1" || *value == "true");
}

std::optional<int> ParseInt(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  int value = 0;
  const char* begin = text->data();
  const char* end = begin + text->size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string ColumnName(int column) {
  std::string name;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return name;
}

std::string CellName(int row, int column) {
  return ColumnName(column) + std::to_string(row + 1);
}

// The cell being read, between <c> and </c>.
struct PendingCell {
  int row = 0;
  int column = 0;
  int style = 0;
  std::string type;
  bool has_formula = false;
  bool has_value = false;
  std::string value;        // <v>
  std::string inline_text;  // <is><t>
};

}  // namespace

bool ParseCellReference(std::string_view reference, int* row, int* column) {
  std::size_t i = 0;
  if (i < reference.size() && reference[i] == '$') ++i;
  int col = 0;
  std::size_t letters = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
    col = col * 26 + (reference[i] - 'A' + 1);
    if (col > sheet::kMaxColumns || ++letters > 3) return false;
    ++i;
  }
  if (letters == 0) return false;
  if (i < reference.size() && reference[i] == '$') ++i;
  int number = 0;
  std::size_t digits = 0;
  while (i < reference.size() && reference[i] >= '0' && reference[i] <= '9') {
    number = number * 10 + (reference[i] - '0');
    if (number > sheet::kMaxRows || ++digits > 7) return false;
    ++i;
  }
  if (digits == 0 || number == 0 || i != reference.size()) return false;
  *row = number - 1;
  *column = col - 1;
  return true;
}

Status ParseWorksheet(std::string_view xml, const std::string& part,
                      const std::vector<std::string>& shared_strings,
                      const std::vector<std::string>& cell_formats, std::int64_t* cells_left,
                      sheet::Sheet* sheet, WorksheetReport* report) {
  XmlCursor cursor(xml, part);
  int current_row = -1;
  int last_column = -1;
  bool in_cell = false;
  enum class TextTarget { kNone, kValue, kInline } target = TextTarget::kNone;
  int inline_depth = 0;
  int phonetic_depth = 0;
  PendingCell cell;

  auto finish_cell = [&]() -> Status {
    std::string text;
    const std::string& type = cell.type;
    if (type == "s") {
      const std::optional<int> index = ParseInt(cell.value);
      if (index && *index >= 0 && static_cast<std::size_t>(*index) < shared_strings.size()) {
        text = shared_strings[static_cast<std::size_t>(*index)];
      } else if (cell.has_value) {
        ++report->bad_references;
      }
    } else if (type == "inlineStr") {
      text = DecodeEscapes(cell.inline_text);
    } else if (type == "str" || type == "e" || type == "d") {
      text = DecodeEscapes(cell.value);  // formula text result, error (#DIV/0!), ISO date
    } else if (type == "b") {
      if (cell.has_value) text = cell.value == "1" ? "TRUE" : "FALSE";
    } else if (cell.has_value && !cell.value.empty()) {
      const std::string_view format =
          cell.style >= 0 && static_cast<std::size_t>(cell.style) < cell_formats.size()
              ? std::string_view(cell_formats[static_cast<std::size_t>(cell.style)])
              : std::string_view("General");
      sheet::Rendered rendered = sheet::RenderNumber(cell.value, format);
      if (!rendered.exact) {
        if (report->rounded_values++ == 0) {
          report->first_rounded = CellName(cell.row, cell.column) + ": " + cell.value +
                                  " printed as " + rendered.text + " (format " +
                                  std::string(format) + ")";
        }
      }
      text = std::move(rendered.text);
    }
    if (cell.has_formula && !cell.has_value && type != "inlineStr") {
      if (report->formulas_without_value++ == 0) {
        report->first_formula_without_value = CellName(cell.row, cell.column);
      }
    }
    if (text.empty()) return Status::Ok();
    if (--*cells_left < 0) {
      return XlsxError(ErrorCode::kTooLarge, part + ": the workbook holds more than " +
                                                 std::to_string(sheet::kMaxCells) +
                                                 " filled cells");
    }
    sheet->cells.push_back(sheet::Cell{cell.row, cell.column, std::move(text)});
    return Status::Ok();
  };

  while (cursor.Next()) {
    const std::string_view name = cursor.Name();
    if (cursor.IsStart()) {
      if (name == "row") {
        const std::optional<int> number = ParseInt(cursor.Attribute("r"));
        current_row =
            number && *number >= 1 && *number <= sheet::kMaxRows ? *number - 1 : current_row + 1;
        if (current_row >= sheet::kMaxRows) {
          return XlsxError(ErrorCode::kCorrupt, part + ": row beyond the sheet's limit");
        }
        last_column = -1;
        if (IsTrue(cursor.Attribute("hidden"))) sheet->hidden_rows.insert(current_row);
      } else if (name == "c") {
        cell = PendingCell();
        in_cell = true;
        const std::optional<std::string> reference = cursor.Attribute("r");
        int row = 0;
        int column = 0;
        if (reference && ParseCellReference(*reference, &row, &column)) {
          cell.row = row;
          cell.column = column;
        } else if (!reference && current_row >= 0 && last_column + 1 < sheet::kMaxColumns) {
          cell.row = current_row;  // no reference: the cell after the previous one
          cell.column = last_column + 1;
        } else {
          ++report->bad_references;
          in_cell = false;
          cursor.SkipSubtree();
          continue;
        }
        last_column = cell.column;
        cell.style = ParseInt(cursor.Attribute("s")).value_or(0);
        cell.type = cursor.Attribute("t").value_or("n");
      } else if (in_cell && name == "v") {
        target = TextTarget::kValue;
        cell.has_value = true;
      } else if (in_cell && name == "f") {
        cell.has_formula = true;
        cursor.SkipSubtree();
      } else if (in_cell && name == "is") {
        ++inline_depth;
      } else if (in_cell && name == "rPh") {
        ++phonetic_depth;
      } else if (in_cell && name == "t" && inline_depth > 0 && phonetic_depth == 0) {
        target = TextTarget::kInline;
      } else if (name == "col") {
        const std::optional<int> first = ParseInt(cursor.Attribute("min"));
        const std::optional<int> last = ParseInt(cursor.Attribute("max"));
        if (first && last && *first >= 1 && *first <= *last && IsTrue(cursor.Attribute("hidden"))) {
          for (int c = *first; c <= std::min(*last, sheet::kMaxColumns); ++c) {
            sheet->hidden_columns.insert(c - 1);
          }
        }
      } else if (name == "mergeCell") {
        const std::string reference = cursor.Attribute("ref").value_or("");
        const std::size_t colon = reference.find(':');
        sheet::Merge merge;
        if (colon != std::string::npos &&
            ParseCellReference(std::string_view(reference).substr(0, colon), &merge.first_row,
                               &merge.first_column) &&
            ParseCellReference(std::string_view(reference).substr(colon + 1), &merge.last_row,
                               &merge.last_column)) {
          if (static_cast<std::int64_t>(sheet->merges.size()) <= sheet::kMaxMerges) {
            sheet->merges.push_back(merge);  // AppendSheet drops those beyond the limit
          }
        }
      }
    } else if (cursor.IsEnd()) {
      if (name == "c" && in_cell) {
        in_cell = false;
        Status status = finish_cell();
        if (!status.ok()) return status;
      } else if (name == "v" || name == "t") {
        target = TextTarget::kNone;
      } else if (name == "is" && inline_depth > 0) {
        --inline_depth;
      } else if (name == "rPh" && phonetic_depth > 0) {
        --phonetic_depth;
      }
    } else if (cursor.IsText() && in_cell) {
      if (target == TextTarget::kValue) cell.value += cursor.Text();
      if (target == TextTarget::kInline) cell.inline_text += cursor.Text();
    }
  }
  return cursor.status();
}

}  // namespace disclose::xlsx
