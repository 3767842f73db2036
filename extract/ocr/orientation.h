// Private to extract/ocr: whether a page was read upright. A page is read
// first as it is; only a page that does not read upright is asked of
// Tesseract's orientation detection, which costs a third of a page's reading.
//
//   std::vector<Symbol> symbols = engine.RecognizePage(image, dpi, deadline);
//   if (!ocr::ReadsUpright(symbols) || ocr::ReadsBetterTurnedHalf(engine, image, dpi, symbols))
//     orientation = engine.DetectOrientation(binary, dpi);
#pragma once

#include <vector>

#include "extract/ocr/ocr_engine.h"

struct Pix;

namespace disclose::ocr {

// Whether a page pass read its page upright: at least kMinUprightCharacters
// characters, and half of them read with confidence 60 or more on horizontal
// text lines. Measured on a 300 dpi table page: 92% upright; 16% turned a
// half; 0% turned a quarter (read as vertical text lines, sure of itself).
// Not sufficient: a 200 dpi scan upside down read 92% sure, so OcrImage also
// reads a few lines turned a half and compares. A page that does not read
// upright is asked of Tesseract's orientation detection (OSD), which costs a
// third of a page's reading: upright pages, nearly all, skip it.
constexpr int kMinUprightCharacters = 10;
bool ReadsUpright(const std::vector<Symbol>& symbols);

// Whether some of the page's text lines read better turned a half. Upside-down
// Chinese print still reads as confident characters (a 200 dpi table page:
// 92% at 60 or more), so ReadsUpright cannot tell a half turn; the lines can,
// read once as they are and once turned, each as one line. Three lines of 4-10
// characters summed 226-279 upright against 44-126 turned (kashgar, yuxi, six
// 300 dpi bench pages), and 77-86 against 262-280 on kashgar upside down; two
// lines keep that margin per line. Each read costs about 25 ms; OSD 0.5 s.
bool ReadsBetterTurnedHalf(Engine& engine, Pix* text_image, int dpi,
                           const std::vector<Symbol>& symbols);

}  // namespace disclose::ocr
