// Private to normalize/: accounting identities and cross-checks, as findings.
//
//   ValidateTables(tables, findings, &tally);        // within and across tables
//   ReconcileNarrative(tables, narrative, findings); // narrative vs tables, unit misprints
//
// ReconcileNarrative may correct a narrative figure whose printed unit is
// wrong (3.85元 where the table holds 38,469.35 元 = 3.85 万元): it sets
// amount_fen to the corrected value, corrected = true, and adds a finding
// quoting the printed text.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/normalized.h"

namespace disclose {

// tally (optional) counts every identity evaluated and held, by check id. reading_doubts adds
// the warnings that doubt the reading rather than the document (sum.precision, code.no_children,
// row.total_missing); callers that compare findings before and after a change of a figure (the
// OCR repair) leave them out.
void ValidateTables(const std::vector<CanonicalTable>& tables, std::vector<Finding>& findings,
                    std::map<std::string, CheckTally>* tally = nullptr,
                    bool reading_doubts = false);
void ReconcileNarrative(const std::vector<CanonicalTable>& tables, std::vector<Figure>& narrative,
                        std::vector<Finding>& findings);

}  // namespace disclose
