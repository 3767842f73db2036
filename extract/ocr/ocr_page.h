// Private to extract: OCR of one page whose text layer is missing or cannot be
// trusted. The page image is recognised into glyphs (with confidences) and
// ruling lines, in PDF points, and then goes through the same table detector
// and layout as a text page; amount cells are read again one by one.
//
//   pdf::PageAnalysis analysis;
//   ocr::PageOcr result = ocr::OcrPdfPage(pdf, number, deadline, content, analysis);
//   if (!result.ok) warn(result.error);        // content and analysis untouched
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"

class PDFDoc;
struct Pix;

namespace disclose::ocr {

// Resolution used when a page is not a single scanned image.
constexpr int kDefaultDpi = 300;

struct PageOcr {
  bool ok = false;
  std::string error;  // one line, when !ok
  int dpi = 0;
  int orientation = 0;  // quarter turn undone, clockwise degrees
  double skew_degrees = 0;
  int glyphs = 0;  // characters recognised
};

// Thousands separators OCR read as points, put back: "13.205.30" ->
// "13,205.30", "9,.270.40" -> "9,270.40"; only runs shaped like a grouped
// amount with decimals change ("3.1.2" and codes stay).
std::string RepairSeparators(std::string_view text);

// The resolution to render a page at: the embedded image's own when the page
// is one image covering most of it (doubled while under 200 ppi, below which
// Tesseract's models lose small characters), else kDefaultDpi; capped so the
// image stays under kMaxImagePixels.
int ChooseDpi(const pdf::PageContent& content);

// Renders, recognises and analyses page `number` of `pdf`. On success
// `content` holds the OCR glyphs and rules (the untrusted text layer is
// dropped), `analysis` its tables and paragraphs with origin ocr and
// confidences; on failure both are left as they were.
PageOcr OcrPdfPage(PDFDoc& pdf, int number, std::chrono::steady_clock::time_point deadline,
                   pdf::PageContent& content, pdf::PageAnalysis& analysis);

// The same from a page image already in memory (any depth) at `dpi`;
// `content.page` gives the page's number and is resized to the image.
PageOcr OcrImage(Pix* image, int dpi, std::chrono::steady_clock::time_point deadline,
                 pdf::PageContent& content, pdf::PageAnalysis& analysis);

}  // namespace disclose::ocr
