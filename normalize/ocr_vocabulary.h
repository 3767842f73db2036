// Private to normalize/: the words of a table's title, header and summary rows, put back where
// OCR misread one character of them. Tesseract's chi_sim confuses a few glyph pairs on degraded
// scans again and again (支 read 文/去, 款 read 亚, 预 read 质, 表 read 志), so a title comes
// out as 财政拨亚收文预算总志 and names no kind, and a header 基本文出 keys no column.
//
//   RepairOcrWords("2026年预算单位财政拨款收文预算总表")
//       -> "2026年预算单位财政拨款收支预算总表"
//   RepairOcrWords("收入预算表")  -> "收入预算表" (a vocabulary word as printed stays)
//
//   Document repaired = RepairOcrDocumentWords(document);  // OCR'd labels only
//
// Only text recognised from an image is repaired: a text layer prints what the publisher typed.
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"

namespace disclose {

// `text` with every run of characters (whitespace skipped) that is one character away from a
// vocabulary word (一般公共预算, 基本支出, 收支预算, 预算总表 …, all at least four characters)
// replaced by the word, when that word is the single nearest one. A known confusion (文 for
// 支) is nearer than any other character, so 收文预算 is 收支预算, not 收入预算. Characters of a
// vocabulary word printed exactly are never changed, and whitespace stays where it was.
std::string RepairOcrWords(std::string_view text);

// `text` with the colon after a label (单位, 部门, 单位名称, 部门名称) put back where OCR read it
// as a semicolon or a comma: "编制单位;上海市花卉良种试验场 单位，元" ->
// "编制单位：上海市花卉良种试验场 单位：元", so the department and unit lines read as they do in a
// text layer.
std::string RepairOcrLabelColons(std::string_view text);

// `text` with the echo of a table number's last digit taken off, line by line: chi_sim reads
// a 7 printed large on a line of its own twice, as 7 and as 了, so 表7 comes out 表7了 (the
// layout sweep's scans: A s3w_0078, H s3w_0098 and s3w_0110, H8 s3w_0126) and the line is no
// number line; the table under it then has no number, takes no title from the list and is
// stitched to the table before. Only a short line that is a table number (附表7, 表7, 公开07表)
// but for the echo is changed: "附表7了" -> "附表7"; "了解7了" and "表7了解" stay.
std::string RepairOcrNumberEcho(std::string_view text);

// A copy of `document` whose OCR'd short paragraphs (titles, captions, labels) and OCR'd table
// cells that hold words went through RepairOcrWords and RepairOcrLabelColons (paragraphs through
// RepairOcrNumberEcho too); the document itself
// when nothing is OCR'd.
Document RepairOcrDocumentWords(const Document& document);

// Whether any paragraph or table cell of `document` was recognised from an image.
bool HasOcrText(const Document& document);

}  // namespace disclose
