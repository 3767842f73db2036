// The skew of a scanned page, found and undone before OCR (PrepareImage). A sparse page, a
// table of a few rows each printing a label far left and an amount far right, projects hardly
// sharper at its true angle than at another, and Leptonica's confidence stays under the bar a
// full page clears: such a page was read turned (H11 s3w_0160_final p5, 1 degree: each row's
// amount half a line above its label). A second finding on the print closed into bars confirms
// the angle; a page of scattered specks has no rows to find one from.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cmath>
#include <random>
#include <string>

#include "extract/ocr/page_image.h"

namespace disclose {
namespace {

constexpr int kDpi = 200;
constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

// A 1-bpp page of `rows` table rows: eight label glyphs at the left, an amount of eight digits
// at the right, 70 px apart (a 12 pt row at 200 dpi).
ocr::PixPtr SparseTable(int rows) {
  ocr::PixPtr page(pixCreate(1650, 1100, 1));
  for (int r = 0; r < rows; ++r) {
    const int y = 200 + r * 70;
    for (int x = 120; x < 120 + 24 * 8; x += 24)
      pixRasterop(page.get(), x, y, 18, 26, PIX_SET, nullptr, 0, 0);
    for (int x = 1350; x < 1350 + 14 * 8; x += 14)
      pixRasterop(page.get(), x, y + 4, 10, 22, PIX_SET, nullptr, 0, 0);
  }
  return page;
}

// Specks scattered at random: no rows.
ocr::PixPtr Specks() {
  ocr::PixPtr page(pixCreate(1650, 1100, 1));
  std::mt19937 random(7);
  std::uniform_int_distribution<int> x(0, 1640), y(0, 1090);
  for (int k = 0; k < 300; ++k)
    pixRasterop(page.get(), x(random), y(random), 4, 4, PIX_SET, nullptr, 0, 0);
  return page;
}

// The skew PrepareImage finds on `page` turned by `degrees` in gray, as a scanner turns it.
double SkewFound(const ocr::PixPtr& page, double degrees) {
  ocr::PixPtr gray(pixConvert1To8(nullptr, page.get(), 250, 30));
  ocr::PixPtr turned(pixRotate(gray.get(), static_cast<l_float32>(degrees * kRadiansPerDegree),
                               L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  return ocr::PrepareImage(std::move(turned), kDpi).skew_degrees;
}

TEST(OcrSkewTest, SparseTablePagesAreDeskewed) {
  struct Case {
    int rows;
    double degrees;
  };
  // Turned one way Leptonica's confidence clears the bar; turned the other, it does not.
  const Case cases[] = {{3, 1.0}, {3, -1.0}, {5, -1.0}, {8, -1.0}, {5, 0.6}};
  for (const Case& c : cases) {
    const double found = SkewFound(SparseTable(c.rows), c.degrees);
    // The correction turns the page back: the angle found is the turn's opposite.
    EXPECT_NEAR(found, -c.degrees, 0.1) << c.rows << " rows turned " << c.degrees;
  }
}

TEST(OcrSkewTest, SpecksAreNotTurned) {
  for (const double degrees : {0.0, 1.0}) {
    EXPECT_EQ(SkewFound(Specks(), degrees), 0.0) << degrees;
  }
}

}  // namespace
}  // namespace disclose
