// Private pieces of the DOCX reader (extract/docx): the streaming
// WordprocessingML walker and the table grid builder; zip access with the bomb
// guards is shared with the XLSX reader (extract/zip/zip_archive.h).
// Nothing outside extract/docx includes this; libzip and libxml2 types stay in
// the .cc files.
//
//   ZipArchive zip;
//   Status status = ZipArchive::Open(bytes, &zip);
//   std::string xml;
//   ZipBudget budget{options.max_zip_entry_bytes, options.max_zip_total_bytes};
//   status = zip.Read("word/document.xml", &budget, &xml);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/limits.h"
#include "core/status.h"
#include "extract/zip/zip_archive.h"

namespace disclose::docx {

// Every message leaves the reader with this prefix.
Status DocxError(ErrorCode code, std::string_view detail);

using zip::ZipArchive;
using zip::ZipBudget;

// What styles.xml says about a paragraph style.
struct StyleInfo {
  std::string name;        // w:name, e.g. "heading 1"
  std::string based_on;    // w:basedOn style id
  int outline_level = -1;  // w:outlineLvl, 0-based; -1 when absent
  bool numbered = false;   // the style carries w:numPr
};
using StyleMap = std::map<std::string, StyleInfo>;

// Parses word/styles.xml (kCorrupt on malformed XML).
Status ParseStyles(std::string_view xml, const std::string& part, StyleMap* styles);

// One table as read from markup, before spans are resolved.
struct RawCell {
  int grid_span = 1;
  enum class VMerge { kNone, kRestart, kContinue } v_merge = VMerge::kNone;
  std::string text;
};
struct RawRow {
  int grid_before = 0;
  int grid_after = 0;
  std::vector<RawCell> cells;
};
struct RawTable {
  int grid_columns = 0;  // w:gridCol count in w:tblGrid
  std::vector<RawRow> rows;
  // Nested tables: index of the parent RawTable in the same group and the
  // parent's raw row and cell index; -1 for a top-level table.
  int parent = -1;
  int parent_row = -1;
  int parent_cell = -1;
};

// Resolves spans into anchors (Table::cells row-major, provenance unset) and,
// for every raw cell, the grid position of the anchor that holds it.
struct BuiltTable {
  Table table;
  std::vector<std::vector<std::pair<int, int>>> anchor_of;  // [raw row][raw cell]
};
BuiltTable BuildTable(const RawTable& raw);

// Where a part's content goes.
enum class PartKind { kBody, kFurniture };

// Walks one part with libxml2's streaming reader and appends to document:
// body parts add blocks, header/footer parts add furniture paragraphs.
// Cells and paragraphs are charged to `budget`; past its limits the walk stops with kTooLarge.
Status WalkPart(std::string_view xml, const std::string& part, PartKind kind,
                const StyleMap& styles, ModelBudget* budget, Document* document);

}  // namespace disclose::docx
