// Private to normalize/: the document's text as short lines, in reading order,
// each knowing where it stands (the title page, a table cell), for the readers
// of document-level facts (metadata, document class).
//
//   for (const DocumentLine& line : CollectDocumentLines(document))
//     if (line.title_page) ...  // "2026 年度" / "福州市鼓楼生态环境局" / "单位预算"
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace disclose {

struct DocumentLine {
  std::string text;  // trimmed, as printed
  Provenance provenance;
  // On the first page that has text, before any 目录 line (for formats without
  // pages: among the first lines, before 目录).
  bool title_page = false;
  bool in_table = false;  // a cell of one of a table's first rows
};

// Paragraph lines, the lines of the cells in each table's first rows (where
// units print "单位：X" and titles drawn inside a frame), and a form's name
// fields read as one line ("部门名称" | "北京市审计局" -> "部门名称：北京市审计局").
std::vector<DocumentLine> CollectDocumentLines(const Document& document);

// The line and the short lines after it joined with a space, up to
// `max_lines` lines: a cover sets "2026 年度" / "福州经济技术开发区生态" /
// "环境局" / "单位预算" on four lines. Lines of another page or table cell are
// not joined.
std::vector<std::string> JoinedCandidates(const std::vector<DocumentLine>& lines, std::size_t at,
                                          std::size_t max_lines);

}  // namespace disclose
