// libFuzzer target: ReadDocx on arbitrary bytes must return a Status or a
// Document that keeps the model's invariants; never crash, hang or leak.
// Limits are small so a zip bomb costs the fuzzer nothing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "extract/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  disclose::ExtractOptions options;
  options.max_zip_entry_bytes = 8ull << 20;
  options.max_zip_total_bytes = 32ull << 20;
  options.timeout_seconds = 5;
  options.enable_ocr = false;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  disclose::Result<disclose::Document> document = disclose::ReadDocx(bytes, "fuzz.docx", options);
  if (document.ok()) {
    const std::string problem = disclose::ValidateDocument(document.value());
    if (!problem.empty()) {
      std::fprintf(stderr, "ValidateDocument: %s\n", problem.c_str());
      std::abort();
    }
  }
  return 0;
}
