// Private to normalize/: Table blocks -> CanonicalTables with figures in fen.
//
//   std::vector<Finding> findings;
//   std::vector<CanonicalTable> tables = BuildTables(document, metadata, findings);
//
// For each top-level Table block: its printed title (nearest preceding title
// line), kind (table_kind.h), unit (declared before it, in its first rows or
// right after it; else the document's most common unit with a finding),
// column keys from the header rows, and rows coded by function/economic class
// or by canonical key. Untitled tables that continue the previous one are
// stitched into it. Keys are listed in docs/normalize-kinds.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// What the header rows of a grid say.
struct HeaderAnalysis {
  int header_rows = 0;             // rows before the first data row
  std::vector<std::string> keys;   // per grid column; "" for label columns
  std::vector<std::string> roles;  // per column: "class" "kuan" "xiang" "rowno" "code" "label" ""
  std::vector<std::string> paths;  // per column: header texts joined with "/"
};

HeaderAnalysis AnalyzeHeader(const Table& table);

// Column key for a header path (top row first): {"本年支出", "基本支出", "人员经费"}
// -> "expenditure.personnel"; {"科目名称"} -> "" (a label column).
std::string ColumnKeyForHeader(const std::vector<std::string>& path);

// Two column names a scan read as one word split in two ({"一般公共预算", "其他收入"} from
// 一般公共预算其他收入), where both halves name a different figure column, one the whole's; the
// word alone otherwise. (table_header.cc)
std::vector<std::string> SplitJoinedColumnNames(const std::string& word);

// Where a header word OCR read glued to the head of a wrapped word beside it (一般公共预 +
// 其他收入 read 一般公共预其他收入, the rest 算拨款 on the line below) splits into two: each cut,
// in code points from the word's start, whose head keys nothing alone, whose tail keys `whole`
// (the glued word's key) and whose head completed by `rest` keys another column.
std::vector<std::size_t> GluedWordCuts(const std::string& word, const std::string& rest,
                                       const std::string& whole);

// A row name with line breaks and the spaces between CJK characters removed.
std::string CleanName(std::string_view text);

std::vector<CanonicalTable> BuildTables(const Document& document, const DocumentMetadata& metadata,
                                        std::vector<Finding>& findings);

}  // namespace disclose
