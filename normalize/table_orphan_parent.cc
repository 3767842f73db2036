// A row whose code a scan lost and whose name it garbled (a continued table's repeated header
// printed over its first row: 科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 …, C
// s3w_0092_final; 科因编码和明和竹管理事务, C s3w_0080_final) keys nothing, while the 项 rows
// under it are orphans (code.parent: "its 款 22102 is not in the table"). Such a row is the
// parent those orphans lack when its total is the sum of their totals, for one absent parent
// only: the sum settles the code the print lost.
//
// A coded row whose code a scan misread in its class or 款 digits (3080505 for 2080505, under
// 20805) is an orphan too, printed under a parent it is one digit from; when the parent's figures
// are the sum of its children's with that row among them, the row is that parent's child.
#include <cstddef>
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

void RekeyMisreadCodesByParentSums(std::vector<CanonicalTable>& tables,
                                   std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    std::set<std::string> codes;
    for (const CanonicalRow& row : table.rows) codes.insert(row.row_code);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      CanonicalRow& row = table.rows[i];
      const std::string code = row.row_code;
      if (!AllDigits(code) || (code.size() != 5 && code.size() != 7) || row.values.empty()) {
        continue;
      }
      // A scan's row only: a text layer prints what it prints.
      if (row.values.front().provenance.origin != TextOrigin::kOcr) continue;
      if (codes.count(code.substr(0, code.size() - 2)) != 0) continue;
      // The parent it is printed under: the nearest row above with a code two digits shorter.
      const CanonicalRow* parent = nullptr;
      for (std::size_t j = i; j-- > 0;) {
        const std::string& above = table.rows[j].row_code;
        if (AllDigits(above) && above.size() == code.size() - 2) {
          parent = &table.rows[j];
          break;
        }
      }
      if (parent == nullptr ||
          PlacesDiffering(parent->row_code, code.substr(0, parent->row_code.size())) != 1)
        continue;
      const std::string rekeyed = parent->row_code + code.substr(code.size() - 2);
      if (codes.count(rekeyed) != 0) continue;
      std::vector<const CanonicalRow*> children;
      for (const CanonicalRow& other : table.rows) {
        if (other.row_code.size() == code.size() && StartsWith(other.row_code, parent->row_code)) {
          children.push_back(&other);
        }
      }
      // The parent's figures are its children's sum with the row, and not without it.
      if (PrintsTheSumOf(*parent, children)) continue;
      children.push_back(&row);
      if (!PrintsTheSumOf(*parent, children)) continue;
      row.row_code = rekeyed;
      for (Figure& figure : row.values) figure.row_code = rekeyed;
      codes.insert(rekeyed);
      Finding finding;
      finding.check = "ocr.code_by_sums";
      finding.severity = Severity::kWarning;
      finding.provenance = row.values.front().provenance;
      finding.printed_text = code + row.row_name;
      finding.message = table.kind + " row '" + code + " " + row.row_name + "' is printed under " +
                        parent->row_code + " and its own parent " +
                        code.substr(0, code.size() - 2) + " is absent: keyed " + rekeyed +
                        ", one digit away, with which " + parent->row_code +
                        " prints the sum of its rows in every column";
      for (const Figure& figure : row.values) finding.figures.push_back(ReferenceTo(figure));
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace disclose
