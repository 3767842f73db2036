// A row whose code a scan lost and whose name it garbled (a continued table's repeated header
// printed over its first row: 科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 …, C
// s3w_0092_final; 科因编码和明和竹管理事务, C s3w_0080_final) keys nothing, while the 项 rows
// under it are orphans (code.parent: "its 款 22102 is not in the table"). Such a row is the
// parent those orphans lack when its total is the sum of their totals, for one absent parent
// only: the sum settles the code the print lost.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The row's figure in column `column`, or nullptr.
const Figure* FigureIn(const CanonicalRow& row, std::string_view column) {
  for (const Figure& figure : row.values) {
    if (figure.column == column) return &figure;
  }
  return nullptr;
}

}  // namespace

std::string ParentByOrphanSums(const CanonicalTable& table, std::int64_t total_fen,
                               const std::vector<std::pair<std::string, std::int64_t>>& more) {
  if (!IsFunctionCodedKind(table.kind)) return "";
  std::set<std::string> codes;
  for (const CanonicalRow& row : table.rows) codes.insert(row.row_code);
  // Per absent parent, the sum of its children's totals; a child without a total makes its
  // parent's sum unknown.
  std::map<std::string, std::int64_t> sums;
  std::set<std::string> unknown;
  auto add_child = [&](const std::string& code, const std::int64_t* total) {
    if (!AllDigits(code) || !IsClassCode(code) || code.size() < 5) return;
    const std::string parent = code.substr(0, code.size() - 2);
    if (codes.count(parent) != 0) return;
    if (total == nullptr) {
      unknown.insert(parent);
      return;
    }
    sums[parent] += *total;
  };
  for (const CanonicalRow& row : table.rows) {
    const Figure* total = FigureIn(row, "total");
    add_child(row.row_code, total != nullptr ? &total->amount_fen : nullptr);
  }
  for (const auto& [code, total] : more) {
    if (codes.count(code) == 0) add_child(code, &total);
  }
  std::string found;
  for (const auto& [parent, sum] : sums) {
    if (unknown.count(parent) != 0 || sum != total_fen) continue;
    if (!found.empty()) return "";  // two parents fit: the sum settles nothing
    found = parent;
  }
  return found;
}

void KeyUncodedRowsByOrphanSums(std::vector<CanonicalTable>& tables,
                                std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    if (!IsFunctionCodedKind(table.kind)) continue;
    for (CanonicalRow& row : table.rows) {
      if (!row.row_code.empty()) continue;
      const Figure* total = FigureIn(row, "total");
      // A scan's row only: a text layer prints what it prints.
      if (total == nullptr || total->provenance.origin != TextOrigin::kOcr) continue;
      const std::string parent = ParentByOrphanSums(table, total->amount_fen, {});
      if (parent.empty()) continue;
      row.row_code = parent;
      row.level = parent.size() == 3 ? 1 : 2;
      for (Figure& figure : row.values) figure.row_code = parent;
      Finding finding;
      finding.check = "row.code_by_sums";
      finding.severity = Severity::kWarning;
      finding.provenance = total->provenance;
      finding.printed_text = row.row_name;
      finding.message = table.kind + " row '" + row.row_name +
                        "' prints no code the scan read: keyed " + parent +
                        ", the one parent the table lacks whose rows' totals sum to its total " +
                        total->printed_text;
      for (const Figure& figure : row.values) finding.figures.push_back(ReferenceTo(figure));
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace disclose
