// export: serializes a Document and its NormalizedDocument as the output
// contract's NAME.json and NAME.facts.csv, and failures as NAME.error.json.
// Output is deterministic: same input, byte-identical files.
//
//   std::string json = DocumentToJson(document, normalized);  // compact, one line
//   Status written = WriteDocumentJson(file, document, normalized, JsonStyle::kPretty);
//   std::string csv = FactsToCsv(document, normalized);
#pragma once

#include <cstdio>
#include <string>

#include "core/document.h"
#include "core/normalized.h"
#include "core/status.h"

namespace disclose {

// kCompact: no whitespace between tokens (the default: about half the bytes). kPretty: two-space
// indentation, "key": value, as the goldens are kept. Same content and key order either way.
enum class JsonStyle { kCompact, kPretty };

// NAME.json, newline-terminated.
std::string DocumentToJson(const Document& document, const NormalizedDocument& normalized,
                           JsonStyle style = JsonStyle::kCompact);
// The same bytes streamed to `file` (64 KiB at a time, never the whole text in memory), then
// fflush'ed; the first write error as io_error. The caller opens and closes `file`.
Status WriteDocumentJson(std::FILE* file, const Document& document,
                         const NormalizedDocument& normalized,
                         JsonStyle style = JsonStyle::kCompact);
std::string FactsToCsv(const Document& document, const NormalizedDocument& normalized);
// {"source": name, "code": "corrupt", "message": "..."}; newline-terminated.
std::string ErrorToJson(const std::string& source_name, const Status& status);

}  // namespace disclose
