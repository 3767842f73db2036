// Private to normalize/: what the OCR repairs (ocr_repair.cc, ocr_repair_short.cc) judge a
// change of a figure by, and how they report one.
//
//   const std::vector<Finding> before = ValidateForRepair(tables);
//   figure.amount_fen = candidate;
//   for (const Finding& f : ValidateForRepair(tables))
//     if (Involves(f, KeyOf(figure)) || !was_failing.count(Signature(f))) ...;  // not proved
//   ReportRepair(figure, read_fen, candidate, "1,234.56", "a lost digit) because ...", findings);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/normalized.h"

namespace disclose {

// Which figure a finding names: its table, row, column and cell.
std::string KeyOf(const Figure& figure);
std::string KeyOf(const FigureRef& ref);
// Whether `finding` names the figure keyed `key`.
bool Involves(const Finding& finding, const std::string& key);
// A finding by what it says: the same failure before and after a change.
std::string Signature(const Finding& finding);

// The identities that fail in `tables`, as ValidateTables reports them without its reading
// doubts, less the lists of items under a printed total (sum.items): those are rows keyed by
// their OCR'd names, which a scan splits, joins or drops, and lists that miss their own total
// are printed too (four of the corpus's documents), so their failing says little about one
// figure, and their holding on a misread total can block a repair the table's own sums prove.
std::vector<Finding> ValidateForRepair(const std::vector<CanonicalTable>& tables);

// The unit a figure's printed text is read in, as the table builder read it.
std::optional<UnitOfAmount> ReadingUnit(const Figure& figure, const CanonicalTable& table);

// The identities a repair cites, quoted "check (message)" and joined by "; ", the first
// kMaxProofsQuoted of them, the rest counted ("; and 2 more").
constexpr std::size_t kMaxProofsQuoted = 3;
std::string QuotedProofs(const std::vector<const Finding*>& proofs);

// "KIND row CODE column COLUMN".
std::string Where(const Figure& figure);

// Corrects `figure` from `read_fen` to `corrected_fen` (its printed text kept as read) and
// writes its `ocr.repaired` finding: "…corrected to 'CORRECTION' (" followed by `why`, which
// names the change and the identities that proved it.
void ReportRepair(Figure& figure, std::int64_t read_fen, std::int64_t corrected_fen,
                  const std::string& correction, const std::string& why,
                  std::vector<Finding>& findings);

}  // namespace disclose
