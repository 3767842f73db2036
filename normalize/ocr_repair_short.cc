// The repair of OCR'd figures that lost their last digit (RepairShortOcrFigures, ocr_repair.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "normalize/amount.h"
#include "normalize/cell_warnings.h"
#include "normalize/ocr_repair.h"
#include "normalize/ocr_repair_identities.h"
#include "normalize/validate.h"

namespace disclose {
namespace {

struct Suspect {
  Figure* figure;
  const CanonicalTable* table;
};

// A digit appended to a suspect that makes its identities hold.
struct Fit {
  Figure* figure;
  std::string correction;
  std::int64_t read_fen;               // the figure as read
  std::int64_t amount_fen;             // as corrected
  std::vector<const Finding*> proofs;  // the identities it makes exact
};

// Whether `amount` closes `finding`'s gap exactly when put for `figure`'s amount, as the
// identity's total or as one of its parts.
bool ClosesExactly(const Finding& finding, const Figure& figure, std::int64_t amount) {
  if (!finding.expected_fen || !finding.actual_fen) return false;
  const std::int64_t gap = *finding.actual_fen - *finding.expected_fen;
  return amount == figure.amount_fen - gap || amount == figure.amount_fen + gap;
}

// The digits appended to `suspect` that make an identity relating it exact, and with which
// every identity it takes part in holds at its table's precision while none newly fails. An
// identity that relates another suspect as well is left to the check of all taken together:
// a row whose total and project both lost a digit holds only once both are mended.
std::vector<Fit> FitsOf(const Suspect& suspect, std::vector<CanonicalTable>& tables,
                        const std::vector<Finding>& doubts,
                        const std::set<std::string>& failing_signatures,
                        const std::vector<std::string>& suspect_keys) {
  Figure& figure = *suspect.figure;
  const std::string key = KeyOf(figure);
  const std::optional<UnitOfAmount> unit = ReadingUnit(figure, *suspect.table);
  const std::string read = figure.printed_text;
  if (!unit || read.empty() || read.back() < '0' || read.back() > '9') return {};
  std::vector<const Finding*> own;
  for (const Finding& finding : doubts) {
    if (Involves(finding, key)) own.push_back(&finding);
  }
  std::vector<Fit> fits;
  const std::int64_t original = figure.amount_fen;
  for (char digit = '0'; digit <= '9'; ++digit) {
    const std::string variant = read + digit;
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(variant), *unit);
    if (!fen) continue;
    std::vector<const Finding*> exact;
    for (const Finding* finding : own) {
      if (ClosesExactly(*finding, figure, *fen)) exact.push_back(finding);
    }
    if (exact.empty()) continue;
    // Judged as printed with the lost digit: the short reading's own rounding would let
    // several digits pass.
    figure.printed_text = variant;
    figure.amount_fen = *fen;
    const std::vector<Finding> after = ValidateForRepair(tables);
    figure.printed_text = read;
    figure.amount_fen = original;
    const bool holds = std::none_of(after.begin(), after.end(), [&](const Finding& finding) {
      const bool shared = std::any_of(
          suspect_keys.begin(), suspect_keys.end(),
          [&](const std::string& other) { return other != key && Involves(finding, other); });
      return !shared && (Involves(finding, key) || !failing_signatures.count(Signature(finding)));
    });
    if (holds) fits.push_back({&figure, variant, original, *fen, std::move(exact)});
  }
  return fits;
}

void ReportAmbiguous(const std::vector<Fit>& fits, std::vector<Finding>& findings) {
  const Figure& figure = *fits.front().figure;
  Finding finding;
  finding.check = "ocr.repair_ambiguous";
  finding.severity = Severity::kWarning;
  finding.printed_text = figure.printed_text;
  finding.provenance = figure.provenance;
  finding.message = Where(figure) + " '" + figure.printed_text +
                    "' is printed with one decimal where its table prints two, and " +
                    std::to_string(fits.size()) +
                    " last digits would each make an identity exact; none was applied:";
  for (const Fit& fit : fits) finding.message += " '" + fit.correction + "'";
  finding.figures.push_back(ReferenceTo(figure));
  findings.push_back(std::move(finding));
}

}  // namespace

void RepairShortOcrFigures(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings) {
  std::vector<Suspect> suspects;
  for (CanonicalTable& table : tables) {
    for (const auto& [r, v] : FindShortOcrFigures(table).at) {
      suspects.push_back({&table.rows[r].values[v], &table});
    }
  }
  if (suspects.empty()) return;
  std::vector<std::string> suspect_keys;
  for (const Suspect& suspect : suspects) suspect_keys.push_back(KeyOf(*suspect.figure));
  // The reading doubts (sum.precision) name the identities that hold only within a short
  // figure's own rounding, with the amount each would be exact at.
  std::vector<Finding> doubts;
  ValidateTables(tables, doubts, nullptr, /*reading_doubts=*/true);
  const std::vector<Finding> failing = ValidateForRepair(tables);
  std::set<std::string> failing_signatures;
  for (const Finding& finding : failing) failing_signatures.insert(Signature(finding));

  std::vector<Fit> taken;
  for (const Suspect& suspect : suspects) {
    std::vector<Fit> fits = FitsOf(suspect, tables, doubts, failing_signatures, suspect_keys);
    if (fits.size() == 1) taken.push_back(std::move(fits.front()));
    if (fits.size() > 1) ReportAmbiguous(fits, findings);
  }
  if (taken.empty()) return;
  // Each was proved with the others as read; taken together, no identity relating one of them
  // may fail, nor any newly.
  for (const Fit& fit : taken) fit.figure->amount_fen = fit.amount_fen;
  const std::vector<Finding> after = ValidateForRepair(tables);
  const bool together = std::none_of(after.begin(), after.end(), [&](const Finding& finding) {
    return !failing_signatures.count(Signature(finding)) ||
           std::any_of(taken.begin(), taken.end(),
                       [&](const Fit& fit) { return Involves(finding, KeyOf(*fit.figure)); });
  });
  for (const Fit& fit : taken) {
    fit.figure->amount_fen = fit.read_fen;
    if (!together) continue;
    ReportRepair(*fit.figure, fit.read_fen, fit.amount_fen, fit.correction,
                 "a last digit lost: its table prints two decimals) because then every identity "
                 "it takes part in holds, and exactly: " +
                     QuotedProofs(fit.proofs),
                 findings);
  }
}

}  // namespace disclose
