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
};

// Thousands separators OCR read as points, put back: "13.205.30" ->
// "13,205.30", "9,.270.40" -> "9,270.40"; only runs shaped like a grouped
// amount with decimals change ("3.1.2" and codes stay).
std::string RepairSeparators(std::string_view text);

// An amount cell's OCR reading with its marks put right by the amount grammar
// (groups of three, one or two decimals, or four to six after a point: 万元
// printed to the yuan, "222,.817954" -> "222.817954"), its wrapped lines joined:
// "4,326,.964\n.75" -> "4,326,964.75", "4,095.,383\n.67" -> "4,095,383.67",
// "342，\n667，\n30" -> "342,667.30". No comma is added ("4964,173.05" stays
// irregular: a comma lost, or a mark read as a digit). A reading the grammar
// cannot place (a
// digit lost, "12.3456.78", a comma before the last two digits as in an
// amount cut by a page break, "3,27\n9,76") and two whole amounts on two
// lines come back as read, for the normalizer's findings and stitching.
std::string NormalizeAmountReading(std::string_view text);

// Whether `text` is an amount as printed: ASCII digits in groups of three
// between commas (or none), then one or two decimals (or four to six: 万元 to
// the yuan; three are as likely a misread comma); "-" in front. A run of
// digits wrapped over lines without marks (a code, "2101\n101", or a piece "01") is too. An
// amount with a point or commas never starts with a 0 before other digits.
bool IsWellFormedAmount(std::string_view text);

// A label cell's OCR text without the rule remnants the engine reads at a
// line's ends: '|' and quotes no other quote in the line pairs with
// ("“基本支出" -> "基本支出", "款|" -> "款"; "“三公”经费" stays).
std::string StripRuleRemnants(std::string_view text);

// The height an OCR glyph is given, from its text line's band (Tesseract's
// line box, in points). The band is drawn tight to the ink: 0.83-0.96 em
// measured (9 pt Noto Serif and 12 pt Noto Sans CJK at 200 dpi), where a text
// layer's glyph box spans ascent to descent, 1.0-1.3 em. Read as the glyph box
// and 0.9 of it as the em (as it was), the gap between a cell's wrapped lines
// (pitch 1.45-1.7 em) measured 0.6-0.75 of a line's height, over the half that
// tells a wrapped label or amount from a new row (unruled_stages.h,
// kWrapGapLines): every wrapped cell of an unruled or three-line scan was cut
// into rows, and its header lines into paragraphs. So the em is the band over
// kBandPerEm, and the box kGlyphBoxEm em tall about the band's middle, as a
// text layer draws it.
//
//   GlyphHeight h = GlyphHeightOfBand(100.0, 111.5);   // 12 pt print
//   // h.em ~ 12.8, h.y1 - h.y0 ~ 15.3
constexpr double kBandPerEm = 0.9;
constexpr double kGlyphBoxEm = 1.2;
struct GlyphHeight {
  double y0 = 0, y1 = 0;  // the glyph box's top and bottom
  double em = 0;          // the font size
};
GlyphHeight GlyphHeightOfBand(double top, double bottom);

// The band (ink) of a glyph box GlyphHeightOfBand made, for cutting a cell of
// a table without rules out of the image as tight as its print.
Box InkBoxOfGlyphBox(const Box& box);

// A text line of a cell image: rows [top, bottom) and the ink in them.
struct LineBand {
  int top = 0, bottom = 0;
  int ink = 0;
};

// The text lines of a cell image from its ink per pixel row: runs of inked
// rows, with runs under half the tallest's height (the strokes of 二, a
// comma's tail) joined to the nearer neighbour. One band for a one-line cell.
std::vector<LineBand> TextLineBands(const std::vector<int>& row_ink, int dpi);

// The resolution to render a page at: the embedded image's own when the page
// is one image covering most of it (doubled while under 200 ppi, below which
// Tesseract's models lose small characters), else kDefaultDpi; capped so the
// image stays under kMaxImagePixels.
int ChooseDpi(const pdf::PageContent& content);

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
