#include "normalize/ocr_repair_identities.h"

#include <algorithm>
#include <string_view>

#include "normalize/amount.h"
#include "normalize/validate.h"

namespace disclose {
namespace {

std::string KeyOf(std::string_view kind, std::string_view row, std::string_view column,
                  const Provenance& provenance) {
  return std::string(kind) + "|" + std::string(row) + "|" + std::string(column) + "|" +
         std::to_string(provenance.page) + "|" + std::to_string(provenance.block) + "|" +
         std::to_string(provenance.row) + "|" + std::to_string(provenance.column);
}

}  // namespace

std::string KeyOf(const Figure& figure) {
  return KeyOf(figure.table_kind, figure.row_code, figure.column, figure.provenance);
}

std::string KeyOf(const FigureRef& ref) {
  return KeyOf(ref.table_kind, ref.row_code, ref.column, ref.provenance);
}

bool Involves(const Finding& finding, const std::string& key) {
  return std::any_of(finding.figures.begin(), finding.figures.end(),
                     [&](const FigureRef& ref) { return KeyOf(ref) == key; });
}

std::string Signature(const Finding& finding) {
  return finding.check + "|" + finding.message;
}

std::vector<Finding> ValidateForRepair(const std::vector<CanonicalTable>& tables) {
  std::vector<Finding> findings;
  ValidateTables(tables, findings);
  findings.erase(
      std::remove_if(findings.begin(), findings.end(),
                     [](const Finding& finding) { return finding.check == "sum.items"; }),
      findings.end());
  return findings;
}

std::optional<UnitOfAmount> ReadingUnit(const Figure& figure, const CanonicalTable& table) {
  const AmountText amount = ParseAmountText(figure.printed_text);
  for (UnitOfAmount unit : {figure.printed_unit, table.unit, UnitOfAmount::kYuan}) {
    if (unit == UnitOfAmount::kUnknown) continue;
    const std::optional<std::int64_t> fen = ToFen(amount, unit);
    if (fen && *fen == figure.amount_fen) return unit;
  }
  return std::nullopt;
}

std::string QuotedProofs(const std::vector<const Finding*>& proofs) {
  std::string out;
  for (std::size_t i = 0; i < proofs.size() && i < kMaxProofsQuoted; ++i) {
    if (!out.empty()) out += "; ";
    out += proofs[i]->check + " (" + proofs[i]->message + ")";
  }
  if (proofs.size() > kMaxProofsQuoted) {
    out += "; and " + std::to_string(proofs.size() - kMaxProofsQuoted) + " more";
  }
  return out;
}

std::string Where(const Figure& figure) {
  return figure.table_kind + " row " + figure.row_code + " column " + figure.column;
}

void ReportRepair(Figure& figure, std::int64_t read_fen, std::int64_t corrected_fen,
                  const std::string& correction, const std::string& why,
                  std::vector<Finding>& findings) {
  Finding finding;
  finding.check = "ocr.repaired";
  finding.severity = Severity::kWarning;
  finding.printed_text = figure.printed_text;
  finding.actual_fen = read_fen;
  finding.expected_fen = corrected_fen;
  finding.provenance = figure.provenance;
  finding.message = Where(figure) + ": OCR read '" + figure.printed_text + "' (confidence " +
                    std::to_string(figure.provenance.confidence) + "), corrected to '" +
                    correction + "' (" + why;
  figure.amount_fen = corrected_fen;
  figure.corrected = true;
  finding.figures.push_back(ReferenceTo(figure));
  findings.push_back(std::move(finding));
}

}  // namespace disclose
