// The document model: what every reader (PDF, OCR, DOCX, text/markdown)
// produces and what the normalizer reads. Nothing in here knows a file format.
//
// A Document is its Source, its Pages and an ordered list of Blocks in reading
// order. A Block is a Paragraph or a Table; a Table is a grid of anchor cells
// with row and column spans. Everything carries Provenance so a figure can be
// traced back to the page and box (PDF) or the block and cell (DOCX, text).
//
//   Document doc = ...;                       // filled by a reader
//   for (const Block& block : doc.blocks) {
//     if (const Table* table = block.AsTable()) {
//       for (int r = 0; r < table->row_count; ++r)
//         std::string_view label = table->TextAt(r, 0);
//     }
//   }
//
// Invariants readers keep (checked by ValidateDocument in tests):
//  - blocks are in reading order; Provenance::block equals the block's index;
//  - table cells are anchors (top-left of their span), sorted row-major, and
//    their spans never overlap or leave the grid;
//  - text is UTF-8, with Word artefacts (bookmarks, field codes) removed;
//  - page numbers are 1-based; 0 means "this format has no pages".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace disclose {

enum class SourceFormat { kUnknown, kPdf, kDocx, kXlsx, kXls, kDoc, kHtml, kText, kMarkdown };
std::string_view SourceFormatName(SourceFormat format);

// Where text came from on a page: the PDF's text layer or OCR of its image.
enum class TextOrigin { kTextLayer, kOcr, kMarkup };
std::string_view TextOriginName(TextOrigin origin);

// A rectangle in PDF points, in the page's displayed orientation (/Rotate and
// the CTM applied), origin at the top-left, y growing downwards.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  void Extend(const Box& other);
  // Whether the two boxes share an area (touching edges do not).
  bool Overlaps(const Box& other) const;
};

struct Provenance {
  int page = 0;            // 1-based; 0 where the format has no pages
  std::optional<Box> box;  // PDF and OCR only
  int block = -1;          // index into Document::blocks
  int row = -1;            // table cell row (anchor), -1 for paragraphs
  int column = -1;         // table cell column (anchor)
  int line = 0;            // 1-based source line for text exports, 0 otherwise
  TextOrigin origin = TextOrigin::kTextLayer;
  // OCR only: the recognizer's confidence in this text, 0-100; -1 for text that
  // was not recognized from an image (text layers and markup are taken as read).
  int confidence = -1;
};

struct Source {
  std::string name;    // file name as given, without directories
  std::string sha256;  // lowercase hex of the raw bytes
  SourceFormat format = SourceFormat::kUnknown;
  std::uint64_t size_bytes = 0;
  std::string producer;  // PDF /Producer or DOCX app name, when known
};

struct Page {
  int number = 0;    // 1-based
  double width = 0;  // points, as displayed (after /Rotate)
  double height = 0;
  int rotation = 0;                 // /Rotate: 0, 90, 180 or 270
  int glyph_count = 0;              // glyphs in the text layer
  int undecodable_glyph_count = 0;  // no Unicode, private use, (cid:N)
  bool needs_ocr = false;           // the text layer cannot be trusted or is absent
  TextOrigin text_origin = TextOrigin::kTextLayer;
};

enum class ParagraphRole {
  kBody,
  kHeading,  // a title or section heading; heading_level says how deep
  kListItem,
  kTextBox,  // DOCX text box / shape text, kept in anchor order
  kCaption,  // text a reader found glued to a table (unit line, 表号)
};
std::string_view ParagraphRoleName(ParagraphRole role);

struct Paragraph {
  std::string text;
  ParagraphRole role = ParagraphRole::kBody;
  int heading_level = 0;  // 1 = title; 0 when not a heading
  Provenance provenance;
};

struct TableCell {
  int row = 0;  // anchor position in the grid
  int column = 0;
  int row_span = 1;
  int column_span = 1;
  std::string text;  // lines joined with '\n' in reading order
  Provenance provenance;
};

// Where a nested table sits: the block and cell of its parent table.
struct TableParent {
  int block = -1;
  int row = -1;
  int column = -1;
};

struct Table {
  int row_count = 0;
  int column_count = 0;
  std::vector<TableCell> cells;  // anchors, row-major
  std::vector<int> pages;        // every page the table covers, ascending
  bool ruled = false;            // grid came from drawn rules (PDF), markup (DOCX)
  // The reader saw the table run off the bottom of a page / start at the top
  // of one with no title; the normalizer decides whether to stitch.
  bool continues_on_next_page = false;
  bool continued_from_previous_page = false;
  std::optional<TableParent> parent;  // set for tables nested in a cell
  Provenance provenance;              // page and box of the whole table

  // The anchor cell covering (row, column), following spans; nullptr if none.
  const TableCell* CellAt(int row, int column) const;
  // Text of the cell covering (row, column); empty when none. A spanned cell
  // answers only at its anchor, so header text is not duplicated.
  std::string_view TextAt(int row, int column) const;
};

struct Block {
  std::variant<Paragraph, Table> content;

  const Paragraph* AsParagraph() const { return std::get_if<Paragraph>(&content); }
  const Table* AsTable() const { return std::get_if<Table>(&content); }
  Paragraph* AsParagraph() { return std::get_if<Paragraph>(&content); }
  Table* AsTable() { return std::get_if<Table>(&content); }
};

// Recoverable damage or a degraded read: reported on the result, never fatal.
struct Warning {
  std::string code;     // snake_case, e.g. "undecodable_glyphs", "docx_missing_part"
  std::string message;  // one line
  Provenance provenance;
};

struct Document {
  Source source;
  std::vector<Page> pages;           // empty for formats without pages
  std::vector<Block> blocks;         // body, in reading order
  std::vector<Paragraph> furniture;  // page headers, footers, page numbers
  std::vector<Warning> warnings;

  int page_count() const { return static_cast<int>(pages.size()); }
};

// Checks the invariants listed at the top of this file; returns a description
// of the first violation, or an empty string. Used by reader tests and fuzzers.
std::string ValidateDocument(const Document& document);

}  // namespace disclose
