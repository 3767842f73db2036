// The vertical rules of a band between two horizontal rules, found at the
// band's height: a ruled table's one-row header alone at the foot of a page
// (s3w_0105_final's expenditure table, its header on page 2 and its body on
// page 3), its last row alone at the top of the next, a one-row table. Such a
// row's verticals (~40 px at 200 dpi) are shorter than the page-wide opening
// keeps (dpi / 4), which must stay longer than the strokes of print.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/ocr/page_image.h"

namespace disclose {
namespace {

constexpr int kDpi = 200;
constexpr int kWidth = 1400, kHeight = 700;

struct Stroke {
  int x, y, w, h;
};

// What a case draws on a 1-bpp page at 200 dpi (ink = 1).
struct Case {
  const char* what;
  std::vector<Stroke> strokes;
  double skew_degrees;  // the page turned by this much, then read as a scan is (deskewed)
  int want_across, want_down;
};

// Two rules 40 px apart (a 10.5 pt row) across x 100..1300, and rows of
// "print" (14 x 26 px boxes) below them, as the lines of a page: what a skew
// is found by.
std::vector<Stroke> Row(bool with_verticals, bool with_cells) {
  std::vector<Stroke> out = {{100, 150, 1202, 2}, {100, 190, 1202, 2}};
  if (with_verticals) {
    for (int x : {100, 400, 700, 1000, 1300}) out.push_back({x, 150, 2, 42});
  }
  if (with_cells) {
    for (int x : {130, 160, 430, 460, 730, 760, 1030, 1060}) out.push_back({x, 158, 14, 26});
  }
  for (int y = 300; y < 600; y += 50) {
    for (int x = 120; x < 1280; x += 24) out.push_back({x, y, 14, 26});
  }
  return out;
}

std::vector<Stroke> Plus(std::vector<Stroke> a, const std::vector<Stroke>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The rules found: across and down.
std::pair<int, int> Rules(const Case& c, std::string* detail) {
  ocr::PixPtr page(pixCreate(kWidth, kHeight, 1));
  for (const Stroke& s : c.strokes) {
    pixRasterop(page.get(), s.x, s.y, s.w, s.h, PIX_SET, nullptr, 0, 0);
  }
  ocr::PixPtr binary;
  if (c.skew_degrees == 0) {
    binary = std::move(page);
  } else {
    // Turned in gray (the grey edge pixels a scanner gives), then deskewed and
    // binarised as every OCR'd page is: what is left is the blur and the
    // skew the correction leaves.
    ocr::PixPtr gray(pixConvert1To8(nullptr, page.get(), 250, 30));
    constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;
    ocr::PixPtr turned(pixRotate(gray.get(),
                                 static_cast<l_float32>(c.skew_degrees * kRadiansPerDegree),
                                 L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    ocr::PreparedImage prepared = ocr::PrepareImage(std::move(turned), kDpi);
    *detail += "skew found " + std::to_string(prepared.skew_degrees) + "; ";
    binary = std::move(prepared.binary);
  }
  if (binary == nullptr) return {-1, -1};
  const ocr::Ruling ruling = ocr::SeparateRulingLines(binary.get(), kDpi);
  int across = 0, down = 0;
  for (const pdf::Rule& rule : ruling.rules) {
    const bool horizontal = rule.box.width() > rule.box.height();
    (horizontal ? across : down) += 1;
    *detail += (horizontal ? "across " : "down ") + std::to_string(rule.box.x0) + "," +
               std::to_string(rule.box.y0) + " " + std::to_string(rule.box.width()) + "x" +
               std::to_string(rule.box.height()) + "; ";
  }
  return {across, down};
}

TEST(OcrBandRulesTest, ShortVerticalsAreRulesOnlyWhereTheySpanABand) {
  // Print 30 px tall (a 10.5 pt CJK line's strokes are ~28 px) between the
  // same two rules: one stroke touches the upper rule, one the lower, one
  // neither; none spans the band.
  const std::vector<Stroke> tall_print = {{200, 152, 3, 30}, {260, 160, 3, 30}, {320, 158, 3, 28},
                                          {380, 155, 3, 32}, {500, 150, 3, 34}, {560, 158, 3, 32}};
  // A title's strokes, 3-4 px wide and up to 46 px tall (under the page's
  // opening of 50), with no rule near them.
  const std::vector<Stroke> title = {{300, 40, 4, 46}, {340, 40, 4, 46}, {300, 40, 44, 4},
                                     {300, 82, 44, 4}, {420, 45, 3, 40}, {470, 45, 3, 40}};
  const Case cases[] = {
      {"a one-row ruled table: its five verticals", Row(true, true), 0, 2, 5},
      {"the same, turned 1 degree and deskewed", Row(true, true), 1.0, 2, 5},
      {"the same, turned -1 degree and deskewed", Row(true, true), -1.0, 2, 5},
      {"the rules of a one-row table with empty cells", Row(true, false), 0, 2, 5},
      {"print between two rules that are no table's", Plus(Row(false, false), tall_print), 0, 2, 0},
      {"a title's strokes, no rules", title, 0, 0, 0},
      {"a title's strokes above a one-row table", Plus(Row(true, true), title), 0, 2, 5},
  };
  for (const Case& c : cases) {
    std::string detail;
    const auto [across, down] = Rules(c, &detail);
    EXPECT_EQ(across, c.want_across) << c.what << ": " << detail;
    EXPECT_EQ(down, c.want_down) << c.what << ": " << detail;
  }
}

// A band's verticals are rules, and erased from the text as the page's are:
// left in, a cell's edge reads '1' or '|'.
TEST(OcrBandRulesTest, BandVerticalsAreErasedFromTheText) {
  ocr::PixPtr page(pixCreate(kWidth, kHeight, 1));
  for (const Stroke& s : Row(true, true)) {
    pixRasterop(page.get(), s.x, s.y, s.w, s.h, PIX_SET, nullptr, 0, 0);
  }
  const ocr::Ruling ruling = ocr::SeparateRulingLines(page.get(), kDpi);
  ASSERT_NE(ruling.text, nullptr);
  for (int x : {400, 700, 1000}) {
    l_uint32 value = 1;
    pixGetPixel(ruling.text.get(), x, 170, &value);
    EXPECT_EQ(value, 0u) << "the vertical at x " << x;
  }
  l_uint32 print = 0;
  pixGetPixel(ruling.text.get(), 135, 170, &print);
  EXPECT_EQ(print, 1u) << "the print in a cell stays";
}

}  // namespace
}  // namespace disclose
