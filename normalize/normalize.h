// normalize: Document model -> canonical tables, figures in exact fen,
// metadata and validation findings. Reads only core/ types, so it serves
// PDF, OCR, DOCX and text inputs alike.
//
//   NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
//   for (const Finding& finding : normalized.findings) Report(finding);
#pragma once

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

struct NormalizeOptions {
  // Validate accounting identities and cross-table consistency.
  bool validate = true;
};

NormalizedDocument Normalize(const Document& document, const NormalizeOptions& options);

}  // namespace disclose
