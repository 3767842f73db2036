// A scan's 合计 row whose name OCR garbled (公. 叫, 全已: H25 s3w_0394_final's 支出决算表) keys
// nothing: the table had no total row, every sum.total check went unrun, and the row's figures
// were exported under a name no user looks for. The row sits above or below the classes and
// prints, in every column, the sum of the top-level coded rows: that settles what it is.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// Whether `row` prints in every column it prints (one at least) the sum of the top-level rows'
// figures there, and those rows print a figure in each of its columns.
bool PrintsTopLevelSums(const CanonicalRow& row, const std::vector<const CanonicalRow*>& top) {
  return PrintsTheSumOf(row, top) &&
         std::all_of(row.values.begin(), row.values.end(), [&top](const Figure& figure) {
           return std::any_of(top.begin(), top.end(), [&figure](const CanonicalRow* part) {
             return FigureIn(*part, figure.column) != nullptr;
           });
         });
}

}  // namespace

void KeyUncodedTotalsBySums(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    if (!IsFunctionCodedKind(table.kind)) continue;
    std::set<std::string> codes;
    std::size_t first_coded = table.rows.size();
    std::size_t last_coded = 0;
    bool has_total = false;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      const std::string& code = table.rows[i].row_code;
      has_total = has_total || code == "total";
      if (!IsClassCode(code)) continue;
      codes.insert(code);
      first_coded = std::min(first_coded, i);
      last_coded = i;
    }
    if (has_total || codes.empty()) continue;
    // The rows no ancestor of which (its 类 or 款) the table prints.
    std::vector<const CanonicalRow*> top;
    for (const CanonicalRow& row : table.rows) {
      const std::string& code = row.row_code;
      if (!IsClassCode(code)) continue;
      bool ancestor = false;
      for (std::size_t length = 3; length < code.size(); length += 2)
        ancestor = ancestor || codes.count(code.substr(0, length)) != 0;
      if (!ancestor) top.push_back(&row);
    }
    // Above the classes or below them, as a 合计 row stands; one such row only.
    CanonicalRow* found = nullptr;
    int fits = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      CanonicalRow& row = table.rows[i];
      if (!row.row_code.empty() || (i > first_coded && i < last_coded)) continue;
      // A scan's row only: a text layer prints what it prints.
      bool ocr = !row.values.empty();
      for (const Figure& figure : row.values)
        ocr = ocr && figure.provenance.origin == TextOrigin::kOcr;
      if (!ocr || !PrintsTopLevelSums(row, top)) continue;
      found = &row;
      ++fits;
    }
    if (fits != 1) continue;
    found->row_code = "total";
    found->level = 0;
    for (Figure& figure : found->values) figure.row_code = "total";
    Finding finding;
    finding.check = "row.total_by_sums";
    finding.severity = Severity::kWarning;
    finding.provenance = found->values.front().provenance;
    finding.printed_text = found->row_name;
    finding.message = table.kind + " row '" + found->row_name +
                      "' names nothing the scan read: keyed total (合计), the one row above or " +
                      "below the classes that prints the sum of the top-level rows in every " +
                      "column";
    for (const Figure& figure : found->values) finding.figures.push_back(ReferenceTo(figure));
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
