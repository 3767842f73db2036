// libFuzzer target: the OCR path on arbitrary image bytes. ReadPageImage
// decodes them (Leptonica), prepares the page (orientation, deskew,
// binarisation, rule morphology), recognises it (Tesseract) and builds a
// one-page Document, which must keep the model's invariants and go through
// Normalize and both writers (fuzz_pipeline.h); never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/document.h"
#include "extract/extract.h"
#include "extract/ocr/image_reader.h"
#include "tests/fuzz/fuzz_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  disclose::ExtractOptions options;
  options.timeout_seconds = 5;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  disclose::fuzz::CheckPipeline(disclose::ocr::ReadPageImage(bytes, "fuzz.png", options));
  return 0;
}
