// Private pieces of the XLS reader (extract/xls): a bounded reader of OLE
// compound files, and a scan of the BIFF8 workbook stream for what FreeXL
// does not expose (sheet visibility, each cell's number format, merged
// ranges, hidden rows and columns). FreeXL supplies the cell values.
//
//   std::string workbook;
//   Status status = xls::ReadCompoundStream(bytes, {"Workbook", "Book"}, &workbook);
//   xls::BiffWorkbook book;
//   status = xls::ScanBiff(workbook, &book);
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "extract/sheet/sheet_internal.h"

namespace disclose::xls {

// Every message leaves the reader with this prefix.
Status XlsError(ErrorCode code, std::string_view detail);

// Copies the first stream named one of `names` out of an OLE compound file.
// kCorrupt on a damaged container (bad header, sector chains that loop or
// leave the file); kUnsupportedFormat when no such stream exists.
Status ReadCompoundStream(std::string_view bytes, std::initializer_list<std::string_view> names,
                          std::string* out);

struct BiffSheet {
  std::string name;                 // UTF-8
  int visibility = 0;               // 0 visible, 1 hidden, 2 very hidden
  int type = 0;                     // 0 worksheet, 2 chart, 6 VB module
  std::uint32_t offset = 0;         // of its BOF in the stream
  std::int64_t declared_cells = 0;  // DIMENSIONS rows x columns
  // Cell position (row << 16 | column) -> XF index, for every value record.
  std::unordered_map<std::uint32_t, std::uint16_t> cell_styles;
  std::vector<sheet::Merge> merges;
  std::vector<int> hidden_rows;
  std::vector<int> hidden_columns;
};

struct BiffWorkbook {
  std::vector<BiffSheet> sheets;                           // BOUNDSHEET order
  std::vector<std::uint16_t> xf_formats;                   // XF index -> format index
  std::unordered_map<std::uint16_t, std::string> formats;  // FORMAT index -> code
  std::uint32_t shared_strings = 0;                        // SST unique count as declared
  // The format code a cell's XF points at ("General" when unknown).
  std::string FormatOf(const BiffSheet& sheet, int row, int column) const;
};

// Scans a BIFF8 Workbook stream. kUnsupportedFormat for BIFF5 and older,
// kTooLarge beyond the cell limits, kCorrupt when the records make no sense.
Status ScanBiff(std::string_view stream, BiffWorkbook* book);

}  // namespace disclose::xls
