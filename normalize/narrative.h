// Private to normalize/: figures stated in the narrative (说明) text.
//
//   std::vector<Finding> findings;
//   std::vector<Figure> figures = ExtractNarrativeFigures(document, metadata, findings);
//
// Each figure is a contract narrative metric (total_income, three_public.reception,
// ...) with amount_fen, printed_text, printed_unit, the sentence and provenance.
// Metrics the text does not state are reported as info findings
// ("narrative.not_found") so the JSON says why a figure is absent.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

std::vector<Figure> ExtractNarrativeFigures(const Document& document,
                                            const DocumentMetadata& metadata,
                                            std::vector<Finding>& findings);

}  // namespace disclose
