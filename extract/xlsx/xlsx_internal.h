// Private pieces of the XLSX reader (extract/xlsx): a pull cursor over
// libxml2's streaming reader, and the parsers of the workbook's parts.
// libxml2 types stay in the .cc files.
//
//   xlsx::XmlCursor cursor(xml, "xl/workbook.xml");
//   while (cursor.Next()) {
//     if (cursor.IsStart() && cursor.Name() == "sheet") Use(cursor.Attribute("name"));
//   }
//   if (!cursor.status().ok()) return cursor.status();
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "extract/sheet/sheet_internal.h"

namespace disclose::xlsx {

// Every message leaves the reader with this prefix.
Status XlsxError(ErrorCode code, std::string_view detail);

// Element starts and ends and text, in document order; DTDs and entities are
// refused (no XXE, no billion laughs). Local names only: SpreadsheetML parts
// use one namespace per element kind, and strict and transitional differ
// only in the URI.
class XmlCursor {
 public:
  XmlCursor(std::string_view xml, std::string part);
  ~XmlCursor();
  XmlCursor(const XmlCursor&) = delete;
  XmlCursor& operator=(const XmlCursor&) = delete;

  // Moves to the next node; false at the end or on an error (see status()).
  bool Next();
  bool IsStart() const { return kind_ == Kind::kStart; }
  bool IsEnd() const { return kind_ == Kind::kEnd; }
  bool IsText() const { return kind_ == Kind::kText; }
  // An empty element (<c r="A1"/>) reports IsStart and then IsEnd.
  std::string_view Name() const;
  std::string_view Text() const;
  // The attribute with this local name, whatever its prefix.
  std::optional<std::string> Attribute(std::string_view local_name) const;
  // Skips the subtree of the current start element (its end is not reported).
  void SkipSubtree();
  const Status& status() const { return status_; }

 private:
  enum class Kind { kNone, kStart, kEnd, kText };
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string part_;
  Kind kind_ = Kind::kNone;
  bool pending_end_ = false;
  bool skip_next_ = false;
  Status status_;
};

// Decodes the _xHHHH_ escapes OOXML writes for control characters.
std::string DecodeEscapes(std::string_view text);

// Relationship id -> target part name (resolved against the part's folder).
using Relationships = std::map<std::string, std::string>;
Status ParseRelationships(std::string_view xml, const std::string& part,
                          const std::string& base_folder, Relationships* relationships,
                          std::map<std::string, std::string>* targets_by_type);

struct SheetEntry {
  std::string name;
  std::string state;  // "", "visible", "hidden", "veryHidden"
  std::string relationship_id;
};
Status ParseWorkbook(std::string_view xml, const std::string& part,
                     std::vector<SheetEntry>* sheets);

// Number format code of each cell style (cellXfs index).
Status ParseStyles(std::string_view xml, const std::string& part,
                   std::vector<std::string>* cell_formats);

// Shared strings in order; kTooLarge beyond the limit.
Status ParseSharedStrings(std::string_view xml, const std::string& part,
                          std::vector<std::string>* strings);

// What a worksheet read tells the caller besides the cells.
struct WorksheetReport {
  int rounded_values = 0;     // numbers printed at a precision below the stored one
  std::string first_rounded;  // "B7: 1234.5600000001 printed as 1,234.56"
  int formulas_without_value = 0;
  std::string first_formula_without_value;  // cell reference
  int bad_references = 0;
};

// Reads one worksheet part into sheet (name already set). `cells_left` is the
// workbook's remaining cell budget; kTooLarge when it runs out.
Status ParseWorksheet(std::string_view xml, const std::string& part,
                      const std::vector<std::string>& shared_strings,
                      const std::vector<std::string>& cell_formats, std::int64_t* cells_left,
                      sheet::Sheet* sheet, WorksheetReport* report);

// "B12" -> row 11, column 1; false when malformed or beyond Excel's limits.
bool ParseCellReference(std::string_view reference, int* row, int* column);

}  // namespace disclose::xlsx
