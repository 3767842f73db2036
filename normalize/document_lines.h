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
// fields read as one line ("部门名称" | "北京市审计局" -> "部门名称：北京市审计局"). A cover year
// OCR cut over two lines ("2江苏省…" / "019年度…") is put back together on the second.
std::vector<DocumentLine> CollectDocumentLines(const Document& document);

// A few marks OCR read off a cover's emblem or seal ("由下 j" between "2026年烟台市住房和城乡
// 建设局" and "部门预算"): a short OCR'd line with a Latin letter, or with neither an ideograph
// nor a digit. A cover's title is set in ideographs and digits; such a line is no part of it.
bool IsOcrNoiseLine(const DocumentLine& line);

// The line and the short lines after it joined with a space, up to
// `max_lines` lines: a cover sets "2026 年度" / "福州经济技术开发区生态" /
// "环境局" / "单位预算" on four lines. Lines of another page or table cell are
// not joined. A short OCR'd line of marks (IsOcrNoiseLine) is joined as read,
// and then also left out.
std::vector<std::string> JoinedCandidates(const std::vector<DocumentLine>& lines, std::size_t at,
                                          std::size_t max_lines);

}  // namespace disclose
