// Private to normalize/: who published the document, for which year, and
// whether it is a budget (预算) or final accounts (决算).
//
//   DocumentMetadata metadata = ExtractMetadata(document);
//   metadata.department.value  // "玉溪市医疗保障局" (no 单位： prefix, no （本级）)
//   metadata.fiscal_year.value // "2022"
//   metadata.kind              // DocKind::kFinalAccounts
//
// Each attribute carries the printed text it came from and its provenance, or
// a missing_reason. The earliest statement wins (the cover before the tables).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// With `findings`, what OCR read of the department or year and could not be trusted as read is
// reported there (metadata.ocr_name_repaired, metadata.ocr_name_unread, metadata.ocr_year_unread).
DocumentMetadata ExtractMetadata(const Document& document,
                                 std::vector<Finding>* findings = nullptr);

// The department a line names: "单位：玉溪市医疗保障局（本级）" -> 玉溪市医疗保障局,
// "上海市普陀区财政局2024年度部门决算" -> 上海市普陀区财政局; "" when none.
std::string DepartmentFromLine(std::string_view line);

}  // namespace disclose
