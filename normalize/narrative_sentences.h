// Private to normalize/: checks that need only one paragraph of the narrative,
// where a sentence contradicts itself without any table being involved.
//
//   std::vector<Finding> findings;
//   CheckNarrativeSentences("2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，"
//                           "比2025年预算执行数增加17.62%。", provenance, metadata, findings);
//   // -> narrative.growth_rate: 43269.3 -> 3845.49 is -91.11%, not +17.62%
//
// narrative.growth_rate     a printed rate (增长/下降 R%) that does not follow
//                           from the sentence's two amounts, or from its current
//                           amount and its change (增加 Δ万元，增长 R%);
// narrative.comparison_year a comparison with the document's own or a later year
//                           (a 2026 budget "比2026年预算增加");
// narrative.item_amount     an item heading amount ("住房公积金（01项）208.8万元")
//                           contradicted by the same item's "2026年预算安排201.50万元".
// Rates are ratios, not money: they are computed in floating point, the
// amounts they come from stay exact.
#pragma once

#include <string_view>
#include <vector>

#include "core/normalized.h"

namespace disclose {

void CheckNarrativeSentences(std::string_view paragraph_text, const Provenance& provenance,
                             const DocumentMetadata& metadata, std::vector<Finding>& findings);

}  // namespace disclose
