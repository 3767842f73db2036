#include "normalize/table_total_row.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "normalize/table_text.h"

namespace disclose {

const CanonicalRow* KeyOcrTotalRowBySums(CanonicalTable& table) {
  bool ocr = false;
  std::set<std::string> columns;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code == "total") return nullptr;
    for (const Figure& figure : row.values) {
      ocr = ocr || figure.provenance.origin == TextOrigin::kOcr;
      columns.insert(figure.column);
    }
  }
  if (!ocr) return nullptr;
  // The top level of the rows' codes: 类 rows, or 项 rows when the table lists only those.
  std::size_t top = 0;
  for (const CanonicalRow& row : table.rows) {
    if (!IsClassCode(row.row_code)) continue;
    if (top == 0 || row.row_code.size() < top) top = row.row_code.size();
  }
  std::map<std::string, std::int64_t> class_sums;  // column -> the top rows' sum
  std::set<std::string> classes;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code.size() != top || !IsClassCode(row.row_code)) continue;
    // A row printed twice (a page's part repeating it) is one row.
    if (!classes.insert(row.row_code).second) return nullptr;
    for (const Figure& figure : row.values) class_sums[figure.column] += figure.amount_fen;
  }
  if (classes.size() < 2) return nullptr;
  CanonicalRow* total = nullptr;
  for (CanonicalRow& row : table.rows) {
    if (!row.row_code.empty() || row.values.empty()) continue;
    int matched = 0;
    bool all = true;
    for (const Figure& figure : row.values) {
      const auto sum = class_sums.find(figure.column);
      const std::int64_t expected = sum == class_sums.end() ? 0 : sum->second;
      if (figure.amount_fen != expected) {
        all = false;
        break;
      }
      if (expected != 0) ++matched;
    }
    if (!all || (matched < 2 && !(matched == 1 && columns.size() == 1))) continue;
    if (total != nullptr)
      return nullptr;  // two rows print the sums: which is the total is not known
    total = &row;
  }
  if (total == nullptr) return nullptr;
  total->row_code = "total";
  for (Figure& figure : total->values) figure.row_code = "total";
  return total;
}

}  // namespace disclose
