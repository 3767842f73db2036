// A scan's 合计 row whose name OCR garbled (公. 叫, 全已: H25 s3w_0394_final's 支出决算表) keys
// nothing: the table had no total row, every sum.total check went unrun, and the row's figures
// were exported under a name no user looks for. The row sits above or below the classes and
// prints, in every column, the sum of the top-level coded rows: that settles what it is. A
// 三公 table's 合计 read 全 (H29 s3w_0460_budget) is settled alike by its items.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/three_public.h"

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

// Whether every figure of `row` was read by OCR (and it has one): a text layer prints what it
// prints.
bool IsOcrRow(const CanonicalRow& row) {
  return !row.values.empty() &&
         std::all_of(row.values.begin(), row.values.end(), [](const Figure& figure) {
           return figure.provenance.origin == TextOrigin::kOcr;
         });
}

// The one keyless scan row of `table`, outside rows [first, last] (above or below the parts, as
// a 合计 row stands), that prints in every column the sum of `parts`; nullptr when none or
// several do.
CanonicalRow* TheRowPrintingTheSums(CanonicalTable& table, std::size_t first, std::size_t last,
                                    const std::vector<const CanonicalRow*>& parts) {
  CanonicalRow* found = nullptr;
  int fits = 0;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    CanonicalRow& row = table.rows[i];
    if (!row.row_code.empty() || (i > first && i < last)) continue;
    if (!IsOcrRow(row) || !PrintsTopLevelSums(row, parts)) continue;
    found = &row;
    ++fits;
  }
  return fits == 1 ? found : nullptr;
}

// Keys `row` `code` and says so: the row named nothing the scan read, and stands above or below
// `where` printing the sum of `parts` in every column.
void KeyTotal(const CanonicalTable& table, CanonicalRow& row, const std::string& code,
              std::string_view where, std::string_view parts, std::vector<Finding>& findings) {
  row.row_code = code;
  row.level = 0;
  for (Figure& figure : row.values) figure.row_code = code;
  Finding finding;
  finding.check = "row.total_by_sums";
  finding.severity = Severity::kWarning;
  finding.provenance = row.values.front().provenance;
  finding.printed_text = row.row_name;
  finding.message = table.kind + " row '" + row.row_name + "' names nothing the scan read: keyed " +
                    code + " (合计), the one row above or below " + std::string(where) +
                    " that prints the sum of " + std::string(parts) + " in every column";
  for (const Figure& figure : row.values) finding.figures.push_back(ReferenceTo(figure));
  findings.push_back(std::move(finding));
}

// The 三公 total: overseas + vehicles + reception (the vehicles' two items where no subtotal).
void KeyUncodedThreePublicTotal(CanonicalTable& table, std::vector<Finding>& findings) {
  std::size_t first = table.rows.size();
  std::size_t last = 0;
  bool vehicle_total = false;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const std::string& code = table.rows[i].row_code;
    if (code == kThreePublicTotal) return;
    if (!StartsWith(code, "three_public.")) continue;
    first = std::min(first, i);
    last = i;
    vehicle_total = vehicle_total || code == kThreePublicVehicleTotal;
  }
  const std::vector<std::string_view> items = ThreePublicTotalItems(vehicle_total);
  std::vector<const CanonicalRow*> parts;
  for (const CanonicalRow& row : table.rows) {
    if (std::find(items.begin(), items.end(), row.row_code) != items.end()) parts.push_back(&row);
  }
  // Two parts at least: one alone would key any row that repeats it.
  if (parts.size() < 2) return;
  if (CanonicalRow* total = TheRowPrintingTheSums(table, first, last, parts))
    KeyTotal(table, *total, std::string(kThreePublicTotal), "its items", "its items", findings);
}

}  // namespace

void KeyUncodedTotalsBySums(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    if (EndsWith(table.kind, ".three_public")) KeyUncodedThreePublicTotal(table, findings);
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
    if (CanonicalRow* total = TheRowPrintingTheSums(table, first_coded, last_coded, top))
      KeyTotal(table, *total, "total", "the classes", "the top-level rows", findings);
  }
}

}  // namespace disclose
