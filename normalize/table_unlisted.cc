// Tables whose kind the document's own list of tables does not name. On a scan the list's
// numbers are what OCR reads worst (二 三 四 五 read down the page as one word, 凡耳II), so the
// list is not read as a numbering and a table printed with its number alone takes the kind the
// national default numbering gives that number (公开03表: 支出决算表), which its header and body
// fit as well as the table the document lists (一般公共预算财政拨款支出决算表, H25
// s3w_0390_final): 24 figures under the wrong kind, none named. The titles of the list, read
// without their numbers, still say which tables the document prints.
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

void ReportKindsTheListDoesNotName(const std::vector<std::string>& listed, DocKind doc_kind,
                                   const std::vector<CanonicalTable>& tables,
                                   std::vector<Finding>& findings) {
  if (listed.empty()) return;
  std::vector<std::string> kinds;
  for (const std::string& title : listed) {
    const std::string kind = ClassifyTableTitle(title, doc_kind);
    // A title naming no kind we know: the list says nothing of the kinds it holds.
    if (kind == "other") return;
    kinds.push_back(kind);
  }
  for (const CanonicalTable& table : tables) {
    if (!StartsWith(table.kind, "budget.") && !StartsWith(table.kind, "final.")) continue;
    if (std::find(kinds.begin(), kinds.end(), table.kind) != kinds.end()) continue;
    if (TitledAsItsKind(table)) continue;
    // The amounts are quoted as printed: the table the list names would hold them.
    TableKindDoubt doubt = DescribeTableKindDoubt(table);
    if (doubt.figures.empty()) continue;
    std::string unread;  // listed kinds no table was read as
    for (const std::string& kind : kinds) {
      const bool read = std::any_of(tables.begin(), tables.end(),
                                    [&kind](const CanonicalTable& t) { return t.kind == kind; });
      if (!read && !Has(unread, kind)) unread += (unread.empty() ? "" : ", ") + kind;
    }
    Finding finding;
    finding.check = "table.kind_unlisted";
    finding.severity = Severity::kWarning;
    finding.message = doubt.name + " is read as " + table.kind + doubt.sources +
                      ", but the document's list of tables names no such table; it is " +
                      "probably one the list names" +
                      (unread.empty() ? std::string() : " and no table was read as: " + unread) +
                      "; its amounts:" + doubt.quoted;
    finding.figures = std::move(doubt.figures);
    finding.provenance = doubt.provenance;
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
