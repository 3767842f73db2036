// What every fuzz target asserts about a reader's result: a Status, or a
// Document that keeps the model's invariants and goes through Normalize and
// both writers without crashing (the normalizer's stitching and header code
// meet the strangest grids only here).
//
//   disclose::fuzz::CheckPipeline(disclose::ReadPdf(bytes, "fuzz.pdf", disclose::fuzz::Options()));
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/document.h"
#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose::fuzz {

// What every target reads with: a 5 s timeout, no OCR (ocr_fuzz turns it on), and zip limits
// small enough that a bomb costs the fuzzer nothing.
inline ExtractOptions Options() {
  ExtractOptions options;
  options.timeout_seconds = 5;
  options.enable_ocr = false;
  options.max_zip_entry_bytes = 8ull << 20;
  options.max_zip_total_bytes = 32ull << 20;
  return options;
}

inline void CheckPipeline(const Result<Document>& document) {
  if (!document.ok()) return;
  const std::string problem = ValidateDocument(document.value());
  if (!problem.empty()) {
    std::fprintf(stderr, "ValidateDocument: %s\n", problem.c_str());
    std::abort();
  }
  const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
  const std::string json = DocumentToJson(document.value(), normalized);
  const std::string csv = FactsToCsv(document.value(), normalized);
  if (json.empty() || csv.empty()) {
    std::fprintf(stderr, "empty output: json %zu bytes, csv %zu bytes\n", json.size(), csv.size());
    std::abort();
  }
}

}  // namespace disclose::fuzz
