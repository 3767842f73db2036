#include "extract/ocr/ocr_page.h"

#include <PDFDoc.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "extract/ocr/cell_reading.h"
#include "extract/ocr/dropped_text.h"
#include "extract/ocr/ink_read_twice.h"
#include "extract/ocr/large_text.h"
#include "extract/ocr/ocr_engine.h"
#include "extract/ocr/ocr_glyphs.h"
#include "extract/ocr/orientation.h"
#include "extract/ocr/page_image.h"
#include "extract/ocr/word_ink.h"

namespace disclose::ocr {
namespace {

// Below this a scan's small characters fall under Tesseract's ~20 px x-height.
constexpr double kMinScanPpi = 200;
constexpr double kMaxScanPpi = 600;

}  // namespace

int ChooseDpi(const pdf::PageContent& content) {
  const double width = content.page.width, height = content.page.height;
  double dpi = kDefaultDpi;
  if (content.image_count == 1 && content.largest_image_area >= 0.5 * width * height &&
      content.largest_image_ppi >= 30) {
    dpi = content.largest_image_ppi;
    while (dpi < kMinScanPpi) dpi *= 2;
    dpi = std::min(dpi, kMaxScanPpi);
  }
  return CappedDpi(width, height, static_cast<int>(std::lround(dpi)));
}

PageOcr OcrImage(Pix* image, int dpi, std::chrono::steady_clock::time_point deadline,
                 pdf::PageContent& content, pdf::PageAnalysis& analysis) {
  return OcrImage(image, dpi, OcrDeadlines{deadline, deadline}, content, analysis);
}

PageOcr OcrImage(Pix* image, int dpi, const OcrDeadlines& deadlines, pdf::PageContent& content,
                 pdf::PageAnalysis& analysis) {
  const std::chrono::steady_clock::time_point deadline = deadlines.page;
  PageOcr result;
  result.dpi = dpi;
  Engine* engine = Engine::ForThisThread(&result.error);
  if (engine == nullptr) return result;
  if (image == nullptr || dpi <= 0 ||
      static_cast<long long>(pixGetWidth(image)) * pixGetHeight(image) > kMaxImagePixels) {
    result.error = "the page image is empty or too large to read";
    return result;
  }
  PreparedImage prepared = PrepareImage(PixPtr(pixClone(image)), dpi);
  if (prepared.binary == nullptr) {
    result.error = "the page image could not be binarised";
    return result;
  }
  Ruling ruling = SeparateRulingLines(prepared.binary.get(), dpi, prepared.faint.get());
  std::vector<Symbol> symbols = engine->RecognizePage(ruling.text.get(), dpi, deadline);
  if (std::chrono::steady_clock::now() > deadline) {
    result.error = "OCR gave up at the deadline";
    return result;
  }
  // The page is read first and OSD asked only when it does not read upright
  // (lines across, read sure, and not better upside down): OSD on every page
  // would cost a third of its time for the rare turned scan.
  if (!ReadsUpright(symbols) || ReadsBetterTurnedHalf(*engine, ruling.text.get(), dpi, symbols)) {
    const int orientation = engine->DetectOrientation(prepared.binary.get(), dpi);
    if (orientation != 0) {
      // OSD reports the clockwise turn the page has; turning it back is the
      // remaining quarter turns clockwise.
      PixPtr turned(pixRotateOrth(image, (4 - orientation / 90) % 4));
      PreparedImage upright =
          turned != nullptr ? PrepareImage(std::move(turned), dpi) : PreparedImage{};
      if (upright.binary != nullptr) {
        prepared = std::move(upright);
        prepared.orientation = orientation;
        ruling = SeparateRulingLines(prepared.binary.get(), dpi, prepared.faint.get());
        symbols = engine->RecognizePage(ruling.text.get(), dpi, deadline);
        if (std::chrono::steady_clock::now() > deadline) {
          result.error = "OCR gave up at the deadline";
          return result;
        }
      }
    }
  }
  DropStackedLines(symbols);
  // Before the large lines are read again: their characters share the line's box, which
  // overlaps the page pass's own symbols beside them.
  DropInkReadTwice(symbols);
  const std::vector<LargeYearReading> years =
      RereadLargeLines(*engine, ruling.text.get(), prepared.gray.get(), dpi, symbols);
  // Isolated print the page pass dropped (a table's codes, lone header words).
  std::vector<Symbol> dropped = ReadDroppedText(*engine, ruling.text.get(), dpi, symbols, deadline);
  // Pieces read out of their context are never trusted over a cell's own
  // reading: a cell holding one is read again, and the reading kept whatever
  // its confidence, as an empty cell's is. (A ruled header's letter-spaced
  // 合 计 gave only 计 to the second pass; sure of it, the cell kept it
  // instead of being read whole.)
  for (Symbol& symbol : dropped) symbol.confidence = 0;
  symbols.insert(symbols.end(), std::make_move_iterator(dropped.begin()),
                 std::make_move_iterator(dropped.end()));
  DropStrayMarks(symbols);
  DropMarksWithoutInk(ruling.text.get(), symbols);
  SplitAmountWordsAtInkGaps(ruling.text.get(), symbols);
  NormalizeAmountWords(symbols);
  TrimWordsToInk(ruling.text.get(), symbols);
  JoinWordsTouchingInPrint(ruling.text.get(), ruling.erased.get(), symbols);
  result.orientation = prepared.orientation;
  result.skew_degrees = prepared.skew_degrees;
  const double scale = 72.0 / dpi;
  pdf::PageContent ocr;
  ocr.page = content.page;
  ocr.page.width = pixGetWidth(prepared.binary.get()) * scale;
  ocr.page.height = pixGetHeight(prepared.binary.get()) * scale;
  ocr.page.text_origin = TextOrigin::kOcr;
  ocr.image_count = content.image_count;
  ocr.largest_image_area = content.largest_image_area;
  ocr.largest_image_ppi = content.largest_image_ppi;
  ocr.glyphs = ToGlyphs(symbols, scale);
  ocr.rules = std::move(ruling.rules);
  const Page original = content.page;
  pdf::PageAnalysis ocr_analysis = pdf::AnalyzePage(ocr);
  for (const LargeYearReading& year : years) {
    // The year is taken from eng: said, since it decides the document's fiscal year.
    Provenance where;
    where.page = ocr.page.number;
    where.box = Box{year.x0 * scale, year.y0 * scale, year.x1 * scale, year.y1 * scale};
    where.origin = TextOrigin::kOcr;
    result.warnings.push_back(
        Warning{"ocr_year_read_again",
                "page " + std::to_string(ocr.page.number) + ": a year in large print read " +
                    year.page_pass + (year.whole_line.empty() ? "" : " and " + year.whole_line) +
                    " by chi_sim is read " + year.second + " by the second reader (eng), taken",
                where});
  }
  // The text layer's own counts stay on the page: they say why it was OCR'd.
  ocr.page.glyph_count = original.glyph_count;
  ocr.page.undecodable_glyph_count = original.undecodable_glyph_count;
  // Only cells are read from the gray copy: a page without tables makes none.
  const PixPtr gray_text =
      ocr_analysis.tables.empty() ? nullptr : TextInGray(prepared.gray.get(), ruling.erased.get());
  result.cells_not_reread = RefineAnalysis(*engine, CellImages{ruling.text.get(), gray_text.get()},
                                           dpi, ocr, ocr_analysis, deadlines.cells);
  result.glyphs = static_cast<int>(ocr.glyphs.size());
  content = std::move(ocr);
  analysis = std::move(ocr_analysis);
  result.ok = true;
  return result;
}

PageOcr OcrPdfPage(PDFDoc& pdf, int number, std::chrono::steady_clock::time_point deadline,
                   pdf::PageContent& content, pdf::PageAnalysis& analysis) {
  const int dpi = ChooseDpi(content);
  PixPtr image = RenderPage(pdf, number, dpi, deadline);
  if (image == nullptr) {
    PageOcr result;
    result.dpi = dpi;
    result.error = "the page could not be rendered for OCR";
    return result;
  }
  return OcrImage(image.get(), dpi, deadline, content, analysis);
}

}  // namespace disclose::ocr
