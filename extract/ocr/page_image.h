// Private to extract/ocr: the page image OCR reads, and what morphology finds
// in it. Rendering uses Poppler's Splash rasteriser; everything after it is
// Leptonica on the image alone, so it is testable without a PDF.
//
//   PixPtr gray = RenderPage(pdf, 3, 300, deadline);
//   PreparedImage prepared = PrepareImage(std::move(gray), 300);
//   Ruling ruling = SeparateRulingLines(prepared.binary.get(), 300);
#pragma once

#include <chrono>
#include <memory>
#include <vector>

#include "extract/pdf/page_content.h"

class PDFDoc;
struct Pix;

namespace disclose::ocr {

struct PixDeleter {
  void operator()(Pix* pix) const;
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Largest image we render or accept, in pixels: an A3 page at 400 dpi fits;
// a poster-sized page gets a lower resolution instead of gigabytes.
constexpr long long kMaxImagePixels = 40'000'000;

// The resolution that keeps a width x height point page under kMaxImagePixels.
int CappedDpi(double width_points, double height_points, int dpi);

// Renders page `number` as displayed (crop box, /Rotate) in 8-bit gray at
// `dpi`; null when Poppler cannot render it or the deadline passed.
PixPtr RenderPage(PDFDoc& pdf, int number, int dpi, std::chrono::steady_clock::time_point deadline);

struct PreparedImage {
  PixPtr gray;    // deskewed
  PixPtr binary;  // 1 bpp, ink = 1
  // 1 bpp: every pixel clearly darker than the paper, however light (rules
  // printed light grey, which Sauvola takes for background); null on a page
  // with no light paper level. Only rules are looked for in it.
  PixPtr faint;
  int orientation = 0;      // clockwise quarter turn undone (set by the caller): 0, 90, 180, 270
  double skew_degrees = 0;  // skew found and undone
};

// Corrects a page image's skew (Leptonica pixFindSkew) and binarises it
// (Sauvola, which survives uneven scans and JPEG noise better than one global
// threshold). `image` may be any depth; it is converted to 8-bit gray first.
// Orientation is the caller's: Tesseract's OSD costs a third of a page's
// reading, so OcrImage asks it only when the page does not read upright.
PreparedImage PrepareImage(PixPtr image, int dpi);

// Table rules by morphology: openings with long horizontal and vertical
// structuring elements keep only strokes longer than any character, and each
// connected stroke becomes a Rule in PDF points (72 / dpi per pixel). `text`
// is the binary image with those strokes erased: Tesseract's page layout
// reads table text far better without the grid, and a rule left at a cell's
// edge would read as '1' or '-'. `faint` (PreparedImage::faint, may be null)
// adds the rules printed too light for the binary image: its long thin
// strokes are rules as well. The strokes of large print (a cover title's
// 30 pt characters have strokes as long as a short rule) are neither rules
// nor erased: a stroke is one piece of ink with the rest of its character.
struct Ruling {
  std::vector<pdf::Rule> rules;
  PixPtr text;
  PixPtr erased;  // 1 bpp: the pixels taken out of `text` (null when none were)
};
Ruling SeparateRulingLines(Pix* binary, int dpi, Pix* faint = nullptr);

// The deskewed gray page with the rules' pixels (`erased`, grown by three pixels
// for the grey fringe a render and JPEG leave beside a stroke) painted paper
// white: what a cell is read from. Binarising a whole page keeps the strokes
// of thin print only where they are dark: a Song face's hairlines at 150-200
// dpi drop out and 4 reads 1 (烟台's budgets, both readers). Tesseract
// thresholds a cell's own crop, which has only that cell's ink and paper to
// weigh, and keeps them. Null when `gray` is null.
PixPtr TextInGray(Pix* gray, Pix* erased);

// The paper's level in an 8-bit gray image: its most common level of 128 or more, sampling every
// `sampling`-th pixel each way; -1 when nothing is that light.
int PaperLevel(Pix* gray, int sampling);

// Stretches a gray cell's levels in place so that its paper (and the speckle a tenth darker) is
// white. A scan's paper is a mottled light grey; framed in pure white for Tesseract, its threshold
// falls between the two and the whole cell reads as ink ("2,932,700" read "259320700").
void WhitenPaper(Pix* gray);

}  // namespace disclose::ocr
