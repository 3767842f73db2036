#include "extract/ocr/image_reader.h"

#include <leptonica/allheaders.h>

#include <chrono>
#include <utility>

#include "core/text.h"
#include "extract/ocr/ocr_page.h"
#include "extract/ocr/page_image.h"
#include "extract/pdf/layout.h"

namespace disclose::ocr {

Result<Document> ReadPageImage(std::string_view bytes, std::string name,
                               const ExtractOptions& options) {
  // Leptonica reports bad images on stderr; our Status says it in one line.
  setMsgSeverity(L_SEVERITY_NONE);
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, width = 0, height = 0, bps = 0, spp = 0, colormap = 0;
  if (bytes.empty() ||
      pixReadHeaderMem(data, bytes.size(), &format, &width, &height, &bps, &spp, &colormap) != 0) {
    return Status(ErrorCode::kCorrupt, "image read error: " + name + ": not a readable image");
  }
  if (width <= 0 || height <= 0 || static_cast<long long>(width) * height > kMaxImagePixels) {
    return Status(ErrorCode::kTooLarge, "image read error: " + name + ": " + std::to_string(width) +
                                            "x" + std::to_string(height) +
                                            " pixels is empty or over the OCR limit");
  }
  PixPtr image(pixReadMem(data, bytes.size()));
  if (image == nullptr) {
    return Status(ErrorCode::kCorrupt, "image read error: " + name + ": cannot decode the image");
  }
  int dpi = pixGetXRes(image.get());
  if (dpi < 50 || dpi > 1200) dpi = kDefaultDpi;

  Document doc;
  doc.source.name = std::move(name);
  doc.source.format = SourceFormat::kUnknown;
  doc.source.size_bytes = bytes.size();
  doc.source.sha256 = Sha256Hex(bytes);
  pdf::PageContent content;
  content.page.number = 1;
  content.page.width = pixGetWidth(image.get()) * 72.0 / dpi;
  content.page.height = pixGetHeight(image.get()) * 72.0 / dpi;
  content.page.needs_ocr = true;
  const auto deadline =
      options.timeout_seconds > 0
          ? std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds)
          : std::chrono::steady_clock::time_point::max();
  pdf::PageAnalysis analysis;
  const PageOcr ocr = OcrImage(image.get(), dpi, deadline, content, analysis);
  if (!ocr.ok) {
    return Status(ErrorCode::kCorrupt, "image read error: " + doc.source.name + ": " + ocr.error);
  }
  doc.pages.push_back(content.page);
  pdf::AppendPageBlocks(1, analysis, doc);
  doc.warnings.insert(doc.warnings.end(), ocr.warnings.begin(), ocr.warnings.end());
  return doc;
}

}  // namespace disclose::ocr
