// export: serializes a Document and its NormalizedDocument as the output
// contract's NAME.json and NAME.facts.csv, and failures as NAME.error.json.
// Output is deterministic: same input, byte-identical files.
//
//   std::string json = DocumentToJson(document, normalized);
//   std::string csv = FactsToCsv(document, normalized);
#pragma once

#include <string>

#include "core/document.h"
#include "core/normalized.h"
#include "core/status.h"

namespace disclose {

std::string DocumentToJson(const Document& document, const NormalizedDocument& normalized);
std::string FactsToCsv(const Document& document, const NormalizedDocument& normalized);
// {"source": name, "code": "corrupt", "message": "..."}; newline-terminated.
std::string ErrorToJson(const std::string& source_name, const Status& status);

}  // namespace disclose
