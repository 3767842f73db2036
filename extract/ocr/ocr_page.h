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
#include <vector>

#include "extract/ocr/ocr_engine.h"
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
  // Cells the per-cell pass would have read again but did not: the page's deadline came first,
  // so they keep the page pass's reading (and its confidence).
  int cells_not_reread = 0;
  // What the reader settled on the page that the document should say (a year in large print
  // read again by the second reader: ocr_year_read_again).
  std::vector<Warning> warnings;
};

// The resolution to render a page at: the embedded image's own when the page
// is one image covering most of it (doubled while under 200 ppi, below which
// Tesseract's models lose small characters), else kDefaultDpi; capped so the
// image stays under kMaxImagePixels.
int ChooseDpi(const pdf::PageContent& content);

// When the reading of one page must stop. The page pass gives up at `page`
// (the page is then not read: PageOcr::ok is false); the per-cell second
// reading stops at `cells`, and the page is kept with the page pass's reading
// of the cells it did not read again (PageOcr::cells_not_reread).
struct OcrDeadlines {
  std::chrono::steady_clock::time_point page = std::chrono::steady_clock::time_point::max();
  std::chrono::steady_clock::time_point cells = std::chrono::steady_clock::time_point::max();
};

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
PageOcr OcrImage(Pix* image, int dpi, const OcrDeadlines& deadlines, pdf::PageContent& content,
                 pdf::PageAnalysis& analysis);

}  // namespace disclose::ocr
