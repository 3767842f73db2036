// Private to normalize/: is the document a department's own disclosure, a
// government's fiscal report or book, or not a fiscal disclosure at all?
//
//   ClassifyDocument(CollectDocumentLines(document), metadata);  // ExtractMetadata does
//   metadata.doc_class  // DocumentClass::kGovernmentReport
//   ReportDocumentClass(metadata, findings);  // document.class for the last two
//
// Read from the whole text, not the file name: cover and title lines (部门预算 /
// 单位决算 vs 关于…预算执行情况和…预算草案的报告, 市级决算, 人民代表大会), unit
// lines (编制单位：), the tables a department prints (收支总表, "三公"经费) and
// those a government prints (一般公共预算收入决算表, 税收收入).
#pragma once

#include <vector>

#include "core/normalized.h"
#include "normalize/document_lines.h"

namespace disclose {

void ClassifyDocument(const std::vector<DocumentLine>& lines, DocumentMetadata& metadata);

// A `document.class` finding for a government report (info) or a document
// that is not a fiscal disclosure (warning); nothing for a department's.
void ReportDocumentClass(const DocumentMetadata& metadata, std::vector<Finding>& findings);

}  // namespace disclose
