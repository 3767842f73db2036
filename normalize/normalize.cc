#include "normalize/normalize.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "normalize/consistency.h"
#include "normalize/document_class.h"
#include "normalize/metadata.h"
#include "normalize/narrative.h"
#include "normalize/ocr_repair.h"
#include "normalize/tables.h"
#include "normalize/validate.h"

namespace disclose {

NormalizedDocument Normalize(const Document& document, const NormalizeOptions& options) {
  NormalizedDocument normalized;
  normalized.metadata = ExtractMetadata(document);
  ReportDocumentClass(normalized.metadata, normalized.findings);
  normalized.tables = BuildTables(document, normalized.metadata, normalized.findings);
  normalized.narrative =
      ExtractNarrativeFigures(document, normalized.metadata, normalized.findings);
  if (options.validate) {
    // OCR misreads the identities can prove are corrected before they are checked.
    RepairOcrFigures(normalized.tables, normalized.findings);
    CheckMetadataConsistency(document, normalized.metadata, normalized.findings);
    ValidateTables(normalized.tables, normalized.findings, &normalized.validation);
    ReconcileNarrative(normalized.tables, normalized.narrative, normalized.findings);
  }
  std::stable_sort(normalized.findings.begin(), normalized.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.check != b.check) return a.check < b.check;
                     return static_cast<int>(a.severity) < static_cast<int>(b.severity);
                   });
  return normalized;
}

}  // namespace disclose
