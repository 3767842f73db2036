// Private to extract: one scanned page image (PNG, JPEG, TIFF, ... whatever
// Leptonica decodes) read by OCR into a one-page Document, as an image-only
// PDF page would be. The entry point of the OCR fuzz target and of tests that
// start from an image rather than a PDF.
//
//   Result<Document> doc = ocr::ReadPageImage(png_bytes, "page.png", options);
#pragma once

#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"
#include "extract/extract.h"

namespace disclose::ocr {

// The image's resolution is taken from its header, or 300 dpi when it has
// none; images over kMaxImagePixels are refused before decoding.
Result<Document> ReadPageImage(std::string_view bytes, std::string name,
                               const ExtractOptions& options);

}  // namespace disclose::ocr
