#include "normalize/normalize.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "normalize/cell_warnings.h"
#include "normalize/consistency.h"
#include "normalize/document_class.h"
#include "normalize/metadata.h"
#include "normalize/narrative.h"
#include "normalize/ocr_codes.h"
#include "normalize/ocr_label_runs.h"
#include "normalize/ocr_repair.h"
#include "normalize/ocr_rest_rows.h"
#include "normalize/ocr_vocabulary.h"
#include "normalize/tables.h"
#include "normalize/validate.h"

namespace disclose {

namespace {

NormalizedDocument NormalizeRead(const Document& document, const NormalizeOptions& options) {
  NormalizedDocument normalized;
  normalized.metadata = ExtractMetadata(document, &normalized.findings);
  ReportDocumentClass(normalized.metadata, normalized.findings);
  normalized.tables = BuildTables(document, normalized.metadata, normalized.findings);
  SettleOcrCodesAcrossTables(normalized.tables, normalized.findings);
  SettleOcrEconomicCodesByName(normalized.tables, normalized.findings);
  SettleOcrThreePublicRowByIdentity(normalized.tables, normalized.findings);
  normalized.narrative =
      ExtractNarrativeFigures(document, normalized.metadata, normalized.findings);
  // A reader's doubt about a cell names the figure it made, validation or not.
  ReportCellWarnings(document, normalized.tables, normalized.findings);
  ReportOcrSummaryLabelsWithAmounts(document, normalized.tables, normalized.findings);
  if (options.validate) {
    // OCR misreads the identities can prove are corrected before they are checked.
    RepairOcrFigures(normalized.tables, normalized.findings, document.warnings);
    ReportShortOcrAmounts(normalized.tables, normalized.findings);
    CheckMetadataConsistency(document, normalized.metadata, normalized.findings);
    ValidateTables(normalized.tables, normalized.findings, &normalized.validation,
                   /*reading_doubts=*/true);
    ReconcileNarrative(normalized.tables, normalized.narrative, normalized.findings);
  }
  std::stable_sort(normalized.findings.begin(), normalized.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.check != b.check) return a.check < b.check;
                     return static_cast<int>(a.severity) < static_cast<int>(b.severity);
                   });
  return normalized;
}

}  // namespace

NormalizedDocument Normalize(const Document& document, const NormalizeOptions& options) {
  // OCR'd titles, headers and labels with their misread vocabulary put back (ocr_vocabulary.h);
  // the same blocks, so every provenance still points into `document`.
  // Codes the two readers read apart are settled by the 类 or 款 above them (ocr_codes.h).
  // Amounts wrapped in narrow cells whose last digits a grid read as a row of their own get
  // them back (ocr_rest_rows.h); an amount cell the next cell's label ran into keeps its amount
  // (ocr_label_runs.h).
  if (HasOcrText(document)) {
    return NormalizeRead(RepairOcrDocumentWords(WithLabelRunsTakenOff(
                             WithWrappedRestRowsJoined(WithOcrCodesSettledByHierarchy(document)))),
                         options);
  }
  return NormalizeRead(document, options);
}

}  // namespace disclose
