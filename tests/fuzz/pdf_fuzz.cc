// libFuzzer target: ReadPdf on arbitrary bytes must return a Status or a
// Document that keeps the model's invariants and goes through Normalize and
// both writers (fuzz_pipeline.h); never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document.h"
#include "extract/extract.h"
#include "tests/fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  disclose::ExtractOptions options = disclose::fuzz::Options();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  disclose::Result<disclose::Document> document = disclose::ReadPdf(bytes, "fuzz.pdf", options);
  disclose::fuzz::CheckPipeline(document);
  return 0;
}
