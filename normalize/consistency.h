// Private to normalize/: does the document agree with itself about who
// published it and for which year?
//
//   std::vector<Finding> findings;
//   CheckMetadataConsistency(document, ExtractMetadata(document), findings);
//   // "第二部分 上海市普陀区XX局2024年度部门决算表" in a 上海市普陀区财政局 document
//   //   -> metadata.department (error)
//   // "截至2023年12月31日" in a 2024 final account -> metadata.fiscal_year (error)
//
// The metadata itself takes the earliest statement (the cover); these checks
// read every title line and reporting date after it.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

void CheckMetadataConsistency(const Document& document, const DocumentMetadata& metadata,
                              std::vector<Finding>& findings);

}  // namespace disclose
