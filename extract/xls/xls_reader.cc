// ReadXls: a BIFF8 workbook (Excel 97-2003) through FreeXL. FreeXL reads the
// container, the shared strings and the cell values; the BIFF scan beside it
// (biff_scan.cc) supplies what FreeXL does not expose: which sheets are
// hidden, each cell's number format, merged ranges, hidden rows and columns.
//
// FreeXL gives numbers as doubles. A figure published to the fen has at most
// 15 significant digits (up to 9,999,999,999,999.99), and IEEE doubles keep
// 15 significant decimal digits exactly (DBL_DIG), so the shortest decimal
// that converts back to the same double (std::to_chars) is the decimal the
// author typed. That text is then rounded to the cell format's places on the
// digits, exactly as the XLSX reader does with its stored text.
#include <freexl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/text.h"
#include "extract/extract.h"
#include "extract/sheet/sheet_internal.h"
#include "extract/xls/xls_internal.h"

namespace disclose {
namespace {

using xls::XlsError;

Status WithName(const std::string& name, const Status& status) {
  return sheet::WithFileName(xls::XlsError, "XLS read error: ", name, status);
}

using sheet::SheetWarning;

// FreeXL opens files by path only: the bytes go to a private temporary file,
// unlinked as soon as FreeXL holds it open.
class FreeXlHandle {
 public:
  ~FreeXlHandle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  Status Open(std::string_view bytes) {
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp != nullptr && *tmp ? tmp : "/tmp") + "/disclose-xls-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0) return XlsError(ErrorCode::kIoError, "cannot create a temporary file");
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    close(fd);
    if (written != bytes.size()) {
      unlink(path.c_str());
      return XlsError(ErrorCode::kIoError, "cannot write a temporary file");
    }
    const int result = freexl_open(path.c_str(), &handle_);
    unlink(path.c_str());
    if (result != FREEXL_OK) {
      handle_ = nullptr;
      if (result == FREEXL_INSUFFICIENT_MEMORY) {
        return XlsError(ErrorCode::kTooLarge, "out of memory reading the workbook");
      }
      return XlsError(ErrorCode::kCorrupt,
                      "FreeXL cannot read the workbook (error " + std::to_string(result) + ")");
    }
    return Status::Ok();
  }
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
};

// The shortest decimal that reads back as `value`: the digits the author typed.
std::string ShortestDecimal(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return {};
  return std::string(buffer, end);
}

}  // namespace

Result<Document> ReadXls(std::string_view bytes, std::string name, const ExtractOptions& options) {
  if (bytes.empty()) return XlsError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.size() > options.max_input_bytes) {
    return XlsError(ErrorCode::kTooLarge,
                    name + ": " + std::to_string(bytes.size()) + " bytes exceeds the input limit");
  }
  auto fail = [&name](const Status& failed) { return WithName(name, failed); };
  // Our own scan first: it refuses BIFF5, encryption, broken containers and
  // hostile sizes before FreeXL allocates anything.
  std::string stream;
  Status status = xls::ReadCompoundStream(bytes, {"Workbook", "Book"}, &stream);
  if (!status.ok()) return fail(status);
  xls::BiffWorkbook book;
  status = xls::ScanBiff(stream, &book);
  if (!status.ok()) return fail(status);
  stream.clear();
  stream.shrink_to_fit();

  FreeXlHandle handle;
  status = handle.Open(bytes);
  if (!status.ok()) return fail(status);
  unsigned int sheet_count = 0;
  if (freexl_get_info(handle.get(), FREEXL_BIFF_SHEET_COUNT, &sheet_count) != FREEXL_OK) {
    return fail(XlsError(ErrorCode::kCorrupt, "no worksheets"));
  }
  // FreeXL numbers the worksheets; the scan knows them by name.
  std::map<std::string, unsigned short> freexl_index;
  for (unsigned int i = 0; i < sheet_count && i < 0xFFFF; ++i) {
    const char* sheet_name = nullptr;
    if (freexl_get_worksheet_name(handle.get(), static_cast<unsigned short>(i), &sheet_name) ==
            FREEXL_OK &&
        sheet_name != nullptr) {
      freexl_index.emplace(sheet_name, static_cast<unsigned short>(i));
    }
  }

  Document document;
  document.source.name = name;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.format = SourceFormat::kXls;
  document.source.size_bytes = bytes.size();

  // FreeXL counts worksheets only; the k-th of them is the fallback when a
  // name does not match (FreeXL may decode an 8-bit name by the code page).
  unsigned int worksheet_ordinal = 0;
  std::vector<std::string> hidden;
  int page = 0;
  for (const xls::BiffSheet& entry : book.sheets) {
    if (entry.type != 0) continue;  // charts and macro sheets hold no cells
    const unsigned int ordinal = worksheet_ordinal++;
    const std::string sheet_name = SanitizeUtf8(entry.name);
    if (entry.visibility != 0) {
      hidden.push_back(sheet_name);
      continue;
    }
    const auto found = freexl_index.find(entry.name);
    const unsigned int index = found != freexl_index.end() ? found->second : ordinal;
    if (index >= sheet_count ||
        freexl_select_active_worksheet(handle.get(), static_cast<unsigned short>(index)) !=
            FREEXL_OK) {
      document.warnings.push_back(
          SheetWarning("xls_bad_sheet", "sheet '" + sheet_name + "': FreeXL cannot read it", 0));
      continue;
    }
    ++page;
    sheet::Sheet grid;
    grid.name = entry.name;
    grid.merges = entry.merges;
    grid.hidden_rows.insert(entry.hidden_rows.begin(), entry.hidden_rows.end());
    grid.hidden_columns.insert(entry.hidden_columns.begin(), entry.hidden_columns.end());
    int rounded = 0;
    std::string first_rounded;
    // Positions in stream order are not sorted; AppendSheet sorts them.
    for (const auto& [position, style] : entry.cell_styles) {
      const unsigned int row = position >> 16;
      const unsigned short column = static_cast<unsigned short>(position & 0xFFFF);
      FreeXL_CellValue value;
      if (freexl_get_cell_value(handle.get(), row, column, &value) != FREEXL_OK) continue;
      std::string text;
      switch (value.type) {
        case FREEXL_CELL_INT:
        case FREEXL_CELL_DOUBLE: {
          const std::string decimal = value.type == FREEXL_CELL_INT
                                          ? std::to_string(value.value.int_value)
                                          : ShortestDecimal(value.value.double_value);
          const std::string format =
              book.FormatOf(entry, static_cast<int>(row), static_cast<int>(column));
          sheet::Rendered rendered = sheet::RenderNumber(decimal, format);
          if (!rendered.exact && rounded++ == 0) {
            first_rounded = "row " + std::to_string(row + 1) + " column " +
                            std::to_string(column + 1) + ": " + decimal + " printed as " +
                            rendered.text + " (format " + format + ")";
          }
          text = std::move(rendered.text);
          break;
        }
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
        case FREEXL_CELL_TIME:
          if (value.value.text_value != nullptr) text = value.value.text_value;
          break;
        default: break;
      }
      if (!text.empty()) {
        grid.cells.push_back(sheet::Cell{static_cast<int>(row), column, std::move(text)});
      }
    }
    // Stream order is not row order when a file was patched; AppendSheet
    // needs none, but determinism of "last value wins" does.
    std::sort(grid.cells.begin(), grid.cells.end(), [](const sheet::Cell& a, const sheet::Cell& b) {
      return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    if (rounded > 0) {
      document.warnings.push_back(SheetWarning(
          "sheet_value_rounded",
          "sheet '" + sheet_name + "': " + std::to_string(rounded) +
              " stored numbers are more precise than their format prints; read as printed, "
              "first " +
              first_rounded,
          page));
    }
    sheet::AppendSheet(grid, page, &document);
  }
  if (!hidden.empty()) {
    std::string names;
    for (const std::string& sheet_name : hidden) {
      names += (names.empty() ? "'" : ", '") + sheet_name + "'";
    }
    document.warnings.push_back(
        SheetWarning("sheet_hidden_sheets",
                     std::to_string(hidden.size()) + " hidden sheets skipped: " + names, 0));
  }
  return document;
}

}  // namespace disclose
