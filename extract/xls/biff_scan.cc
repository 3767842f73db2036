// A scan of a BIFF8 workbook stream for what FreeXL does not tell: which
// sheets are hidden, each value cell's XF (and so its number format), merged
// ranges and hidden rows and columns. Records are length-prefixed; every
// read is checked against the record's length.
#include "core/text.h"
#include "extract/xls/xls_internal.h"

namespace disclose::xls {
namespace {

enum Record : std::uint16_t {
  kEof = 0x000A,
  kFormula = 0x0006,
  kFilePass = 0x002F,
  kBoundSheet = 0x0085,
  kColInfo = 0x007D,
  kMulRk = 0x00BD,
  kXf = 0x00E0,
  kMergedCells = 0x00E5,
  kSst = 0x00FC,
  kLabelSst = 0x00FD,
  kDimensions = 0x0200,
  kNumber = 0x0203,
  kLabel = 0x0204,
  kBoolErr = 0x0205,
  kRow = 0x0208,
  kRk = 0x027E,
  kFormat = 0x041E,
  kBof = 0x0809,
};

constexpr std::uint32_t kMaxSharedStrings = 4'000'000;

std::uint16_t U16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}
std::uint32_t U32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(U16(bytes, at)) |
         (static_cast<std::uint32_t>(U16(bytes, at + 2)) << 16);
}

// One record at a time; false at the end of the stream or a truncated record.
class RecordReader {
 public:
  RecordReader(std::string_view stream, std::size_t at) : stream_(stream), at_(at) {}
  bool Next(std::uint16_t* type, std::string_view* data) {
    if (at_ + 4 > stream_.size()) return false;
    *type = U16(stream_, at_);
    const std::size_t length = U16(stream_, at_ + 2);
    if (at_ + 4 + length > stream_.size()) return false;
    *data = stream_.substr(at_ + 4, length);
    at_ += 4 + length;
    return true;
  }

 private:
  std::string_view stream_;
  std::size_t at_;
};

// XLUnicodeString body at `at` with `count` characters: a flags byte, then
// Latin-1 bytes or UTF-16LE units.
std::string UnicodeChars(std::string_view data, std::size_t at, std::size_t count) {
  if (at >= data.size()) return {};
  const bool wide = (static_cast<unsigned char>(data[at]) & 0x01) != 0;
  ++at;
  std::string out;
  char32_t pending_high = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (wide) {
      if (at + 2 > data.size()) break;
      const char32_t unit = U16(data, at);
      at += 2;
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        pending_high = unit;
        continue;
      }
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        if (pending_high != 0) {
          AppendUtf8(out, 0x10000 + ((pending_high - 0xD800) << 10) + (unit - 0xDC00));
        }
        pending_high = 0;
        continue;
      }
      pending_high = 0;
      AppendUtf8(out, unit);
    } else {
      if (at >= data.size()) break;
      AppendUtf8(out, static_cast<unsigned char>(data[at++]));
    }
  }
  return out;
}

void NoteCell(BiffSheet* sheet, std::string_view data) {
  if (data.size() < 6) return;
  const std::uint32_t row = U16(data, 0);
  const std::uint32_t column = U16(data, 2);
  sheet->cell_styles[(row << 16) | column] = U16(data, 4);
}

Status ScanSheet(std::string_view stream, BiffSheet* sheet, std::int64_t* cells_left) {
  RecordReader reader(stream, sheet->offset);
  std::uint16_t type = 0;
  std::string_view data;
  if (!reader.Next(&type, &data) || type != kBof) {
    return XlsError(ErrorCode::kCorrupt, "sheet '" + sheet->name + "' does not start with BOF");
  }
  int dimensions = 0;
  while (reader.Next(&type, &data)) {
    switch (type) {
      case kEof: return Status::Ok();
      case kBof: return Status::Ok();  // an embedded substream: the sheet ended without EOF
      case kDimensions:
        // A sheet has one. FreeXL allocates the grid at each and leaks the
        // previous one, so a repeated record is refused before FreeXL runs.
        if (++dimensions > 1) {
          return XlsError(ErrorCode::kCorrupt,
                          "sheet '" + sheet->name + "' has more than one DIMENSIONS record");
        }
        if (data.size() >= 12) {
          // The first row and column, and one past the last (rwMac, colMac).
          const std::int64_t rows = static_cast<std::int64_t>(U32(data, 4));
          const std::int64_t columns = static_cast<std::int64_t>(U16(data, 10));
          sheet->declared_cells = rows * columns;
        }
        break;
      case kNumber:
      case kRk:
      case kLabelSst:
      case kLabel:
      case kFormula:
      case kBoolErr:
        if (--*cells_left < 0) {
          return XlsError(ErrorCode::kTooLarge, "the workbook holds more than " +
                                                    std::to_string(sheet::kMaxCells) + " cells");
        }
        NoteCell(sheet, data);
        break;
      case kMulRk:
        if (data.size() >= 6) {
          const std::uint32_t row = U16(data, 0);
          std::uint32_t column = U16(data, 2);
          for (std::size_t at = 4; at + 6 <= data.size() - 2; at += 6, ++column) {
            if (--*cells_left < 0) {
              return XlsError(
                  ErrorCode::kTooLarge,
                  "the workbook holds more than " + std::to_string(sheet::kMaxCells) + " cells");
            }
            if (column > 0xFFFF) break;
            sheet->cell_styles[(row << 16) | column] = U16(data, at);
          }
        }
        break;
      case kRow:
        // fDyZero (0x20 in the option flags): the row is hidden.
        if (data.size() >= 14 && (U16(data, 12) & 0x20) != 0) {
          sheet->hidden_rows.push_back(U16(data, 0));
        }
        break;
      case kColInfo:
        if (data.size() >= 10 && (U16(data, 8) & 0x01) != 0) {
          const int first = U16(data, 0);
          const int last = std::min<int>(U16(data, 2), 255);
          for (int column = first; column <= last; ++column)
            sheet->hidden_columns.push_back(column);
        }
        break;
      case kMergedCells:
        if (data.size() >= 2) {
          const std::size_t count = U16(data, 0);
          for (std::size_t i = 0; i < count && 2 + 8 * (i + 1) <= data.size(); ++i) {
            const std::size_t at = 2 + 8 * i;
            if (static_cast<std::int64_t>(sheet->merges.size()) > sheet::kMaxMerges) break;
            sheet->merges.push_back(sheet::Merge{U16(data, at), U16(data, at + 4),
                                                 U16(data, at + 2), U16(data, at + 6)});
          }
        }
        break;
      default: break;
    }
  }
  return Status::Ok();  // a stream that ends without EOF: keep what was read
}

}  // namespace

std::string BiffWorkbook::FormatOf(const BiffSheet& sheet, int row, int column) const {
  const auto cell = sheet.cell_styles.find((static_cast<std::uint32_t>(row) << 16) |
                                           static_cast<std::uint32_t>(column));
  if (cell == sheet.cell_styles.end() || cell->second >= xf_formats.size()) return "General";
  const std::uint16_t format = xf_formats[cell->second];
  const auto custom = formats.find(format);
  return custom != formats.end() ? custom->second : std::string(sheet::BuiltinFormat(format));
}

Status ScanBiff(std::string_view stream, BiffWorkbook* book) {
  RecordReader reader(stream, 0);
  std::uint16_t type = 0;
  std::string_view data;
  if (!reader.Next(&type, &data) || type != kBof || data.size() < 4) {
    // BIFF2-4 BOFs are 0x0009/0x0209/0x0409; BIFF5 and 8 share 0x0809.
    return XlsError(ErrorCode::kCorrupt, "the Workbook stream does not start with a BIFF BOF");
  }
  if (U16(data, 0) != 0x0600) {
    return XlsError(ErrorCode::kUnsupportedFormat,
                    "a BIFF5 (Excel 5/95) workbook; save it as XLSX or Excel 97-2003");
  }
  while (reader.Next(&type, &data)) {
    if (type == kEof) break;
    switch (type) {
      case kFilePass:
        return XlsError(ErrorCode::kEncrypted, "the workbook is password-protected (FILEPASS)");
      case kBoundSheet:
        if (data.size() >= 8) {
          BiffSheet sheet;
          sheet.offset = U32(data, 0);
          sheet.visibility = static_cast<unsigned char>(data[4]) & 0x03;
          sheet.type = static_cast<unsigned char>(data[5]);
          sheet.name = UnicodeChars(data, 7, static_cast<unsigned char>(data[6]));
          if (book->sheets.size() < 10'000) book->sheets.push_back(std::move(sheet));
        }
        break;
      case kXf:
        if (data.size() >= 4 && book->xf_formats.size() < 100'000) {
          book->xf_formats.push_back(U16(data, 2));
        }
        break;
      case kFormat:
        if (data.size() >= 5) {
          book->formats[U16(data, 0)] = UnicodeChars(data, 4, U16(data, 2));
        }
        break;
      case kSst:
        if (data.size() >= 8) book->shared_strings = U32(data, 4);
        break;
      default: break;
    }
  }
  if (book->shared_strings > kMaxSharedStrings) {
    return XlsError(
        ErrorCode::kTooLarge,
        "the workbook declares " + std::to_string(book->shared_strings) + " shared strings");
  }
  std::int64_t cells_left = sheet::kMaxCells;
  for (BiffSheet& sheet : book->sheets) {
    if (sheet.type != 0) continue;
    if (sheet.offset >= stream.size()) {
      return XlsError(ErrorCode::kCorrupt, "sheet '" + sheet.name + "' starts beyond the stream");
    }
    Status status = ScanSheet(stream, &sheet, &cells_left);
    if (!status.ok()) return status;
    // FreeXL allocates a sheet's whole declared grid when it opens the file:
    // a DIMENSIONS record beyond BIFF8's own 65,536 x 256 must be refused
    // before FreeXL sees it.
    if (sheet.declared_cells > std::int64_t{65536} * 256) {
      return XlsError(ErrorCode::kTooLarge, "sheet '" + sheet.name + "' declares " +
                                                std::to_string(sheet.declared_cells) + " cells");
    }
  }
  return Status::Ok();
}

}  // namespace disclose::xls
