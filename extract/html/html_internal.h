// Private pieces of the HTML reader (extract/html), also used by the DOC
// reader, which converts Word 97-2003 files to HTML with wvWare and reads the
// result here, so both formats share one walker and one table builder.
// libxml2 types stay in the .cc files.
//
//   std::string utf8;
//   std::vector<Warning> warnings;
//   Status status = html::DecodeHtml(bytes, name, &utf8, &warnings);
//   if (status.ok()) status = html::WalkHtml(utf8, html::Limits{}, &document);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace disclose::html {

// Every message leaves the HTML reader with this prefix.
Status HtmlError(ErrorCode code, std::string_view detail);

// The charset a <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=..."> near the start declares, as written; empty when none.
std::string DeclaredCharset(std::string_view bytes);

// Bytes to UTF-8: the BOM, else the meta declaration, else detection (strict
// UTF-8, then GB18030 that looks like Chinese). A declaration the bytes
// contradict is overridden by detection with an `html_charset_mismatch`
// warning; bytes nothing decodes are kUnsupportedFormat.
Status DecodeHtml(std::string_view bytes, const std::string& name, std::string* utf8,
                  std::vector<Warning>* warnings);

// One <table> as written, before spans are resolved.
struct RawCell {
  int row_span = 1;     // rowspan; 0 means "to the end of the table", as in HTML
  int column_span = 1;  // colspan
  std::string text;     // cleaned; lines joined with '\n'
  int line = 0;         // source line of the <td>/<th>
};
struct RawRow {
  std::vector<RawCell> cells;
};
struct RawTable {
  std::vector<RawRow> rows;
};

// Resolves rowspan/colspan into the model's anchor grid with the HTML table
// model (a cell takes the first slot no rowspan above has taken), clamping
// spans that would overlap or leave the grid, and pads uncovered slots with
// empty anchors. anchor_of gives, for every raw cell, the anchor holding it
// ((-1, -1) for a cell dropped past the column cap).
struct GridTable {
  Table table;
  std::vector<std::vector<std::pair<int, int>>> anchor_of;  // [raw row][raw cell]
};
GridTable BuildGrid(const RawTable& raw);

// Bounds on what one document may make us hold, and the producer's dialect.
struct Limits {
  long max_cells = 200'000;  // table cells in the whole document
  // wvWare writes the covered cells of a vertical merge as empty cells with
  // rowspan="0" (in HTML: "to the end of the table"); for its output such a
  // cell is dropped, as the slot already belongs to the anchor above.
  bool rowspan_zero_is_covered = false;
};

// What the walker saw but did not put in the document.
struct WalkStats {
  int images = 0;  // <img> elements outside dropped content
};

// Parses UTF-8 HTML with libxml2's HTML parser (SAX, no network, no external
// entities) and appends paragraphs and tables to `document`. kTooLarge when a
// limit is passed, kCorrupt when libxml2 cannot start or gives up (nesting
// deeper than it allows).
Status WalkHtml(std::string_view utf8, const Limits& limits, Document* document,
                WalkStats* stats = nullptr);

}  // namespace disclose::html
