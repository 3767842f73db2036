#include "core/document.h"

#include <algorithm>
#include <set>
#include <utility>

namespace disclose {

std::string_view SourceFormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kUnknown: return "unknown";
    case SourceFormat::kPdf: return "pdf";
    case SourceFormat::kDocx: return "docx";
    case SourceFormat::kXlsx: return "xlsx";
    case SourceFormat::kXls: return "xls";
    case SourceFormat::kDoc: return "doc";
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kText: return "text";
    case SourceFormat::kMarkdown: return "markdown";
  }
  return "unknown";
}

std::string_view TextOriginName(TextOrigin origin) {
  switch (origin) {
    case TextOrigin::kTextLayer: return "text_layer";
    case TextOrigin::kOcr: return "ocr";
    case TextOrigin::kMarkup: return "markup";
  }
  return "text_layer";
}

std::string_view ParagraphRoleName(ParagraphRole role) {
  switch (role) {
    case ParagraphRole::kBody: return "body";
    case ParagraphRole::kHeading: return "heading";
    case ParagraphRole::kListItem: return "list_item";
    case ParagraphRole::kTextBox: return "text_box";
    case ParagraphRole::kCaption: return "caption";
  }
  return "body";
}

void Box::Extend(const Box& other) {
  x0 = std::min(x0, other.x0);
  y0 = std::min(y0, other.y0);
  x1 = std::max(x1, other.x1);
  y1 = std::max(y1, other.y1);
}

bool Box::Overlaps(const Box& other) const {
  return std::min(x1, other.x1) > std::max(x0, other.x0) &&
         std::min(y1, other.y1) > std::max(y0, other.y0);
}

const TableCell* Table::CellAt(int row, int column) const {
  // Anchors are row-major (ValidateDocument), so an anchor is found by binary
  // search; a position inside another cell's span falls back to a scan.
  const auto anchor =
      std::lower_bound(cells.begin(), cells.end(), std::pair<int, int>{row, column},
                       [](const TableCell& cell, const std::pair<int, int>& position) {
                         return std::pair<int, int>{cell.row, cell.column} < position;
                       });
  if (anchor != cells.end() && anchor->row == row && anchor->column == column) return &*anchor;
  for (const TableCell& cell : cells) {
    if (row >= cell.row && row < cell.row + cell.row_span && column >= cell.column &&
        column < cell.column + cell.column_span) {
      return &cell;
    }
  }
  return nullptr;
}

std::string_view Table::TextAt(int row, int column) const {
  const TableCell* cell = CellAt(row, column);
  if (cell == nullptr || cell->row != row || cell->column != column) return {};
  return cell->text;
}

std::string ValidateDocument(const Document& document) {
  for (std::size_t index = 0; index < document.blocks.size(); ++index) {
    const Block& block = document.blocks[index];
    const std::string where = "block " + std::to_string(index) + ": ";
    if (const Paragraph* paragraph = block.AsParagraph()) {
      if (paragraph->provenance.block != static_cast<int>(index)) {
        return where + "paragraph provenance.block is " +
               std::to_string(paragraph->provenance.block);
      }
      continue;
    }
    const Table& table = *block.AsTable();
    if (table.row_count < 0 || table.column_count < 0) return where + "negative grid size";
    std::set<std::pair<int, int>> covered;
    std::pair<int, int> previous{-1, -1};
    for (const TableCell& cell : table.cells) {
      if (cell.row_span < 1 || cell.column_span < 1) return where + "span below 1";
      if (cell.row < 0 || cell.column < 0 || cell.row + cell.row_span > table.row_count ||
          cell.column + cell.column_span > table.column_count) {
        return where + "cell (" + std::to_string(cell.row) + "," + std::to_string(cell.column) +
               ") leaves the grid";
      }
      std::pair<int, int> position{cell.row, cell.column};
      if (position <= previous) return where + "cells not in row-major order";
      previous = position;
      for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
        for (int c = cell.column; c < cell.column + cell.column_span; ++c) {
          if (!covered.insert({r, c}).second) {
            return where + "overlapping spans at (" + std::to_string(r) + "," + std::to_string(c) +
                   ")";
          }
        }
      }
      if (cell.provenance.block != static_cast<int>(index)) {
        return where + "cell provenance.block is " + std::to_string(cell.provenance.block);
      }
    }
    if (!std::is_sorted(table.pages.begin(), table.pages.end())) return where + "pages unsorted";
  }
  for (const Page& page : document.pages) {
    if (page.rotation % 90 != 0) return "page " + std::to_string(page.number) + ": bad rotation";
  }
  return {};
}

}  // namespace disclose
