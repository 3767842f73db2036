#include "extract/ocr/page_image.h"

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <leptonica/allheaders.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace disclose::ocr {

void PixDeleter::operator()(Pix* pix) const {
  pixDestroy(&pix);
}

namespace {

// The ink's connected pieces, found once per page and only when asked: a
// stroke long enough to pass for a rule is told from one by the piece it
// belongs to.
class InkPieces {
 public:
  explicit InkPieces(Pix* binary) : binary_(binary) {}
  InkPieces(const InkPieces&) = delete;
  InkPieces& operator=(const InkPieces&) = delete;
  ~InkPieces() {
    if (boxes_ != nullptr) boxaDestroy(&boxes_);
  }

  // The box of the smallest piece holding the box (x, y, w, h); false when
  // none does (a faint rule's pixels are not in the binary image).
  bool Holding(int x, int y, int w, int h, int* out_w, int* out_h) {
    if (!found_) {
      found_ = true;
      boxes_ = pixConnCompBB(binary_, 8);
    }
    if (boxes_ == nullptr) return false;
    bool any = false;
    long long best = 0;
    const int count = boxaGetCount(boxes_);
    for (int i = 0; i < count; ++i) {
      l_int32 px = 0, py = 0, pw = 0, ph = 0;
      if (boxaGetBoxGeometry(boxes_, i, &px, &py, &pw, &ph) != 0) continue;
      if (px > x || py > y || px + pw < x + w || py + ph < y + h) continue;
      const long long area = static_cast<long long>(pw) * ph;
      if (!any || area < best) {
        any = true;
        best = area;
        *out_w = pw;
        *out_h = ph;
      }
    }
    return any;
  }

 private:
  Pix* binary_;
  Boxa* boxes_ = nullptr;
  bool found_ = false;
};

bool DeadlinePassed(void* data) {
  const auto* deadline = static_cast<const std::chrono::steady_clock::time_point*>(data);
  return std::chrono::steady_clock::now() > *deadline;
}

PixPtr ToGray(Pix* image) {
  if (image == nullptr) return nullptr;
  if (pixGetDepth(image) == 8 && pixGetColormap(image) == nullptr) return PixPtr(pixClone(image));
  Pix* no_map = pixRemoveColormap(image, REMOVE_CMAP_BASED_ON_SRC);
  if (no_map == nullptr) return nullptr;
  PixPtr holder(no_map);
  Pix* gray = nullptr;
  switch (pixGetDepth(no_map)) {
    case 32: gray = pixConvertRGBToLuminance(no_map); break;
    case 1:
    case 2:
    case 4:
    case 8:
    case 16: gray = pixConvertTo8(no_map, 0); break;
    default: break;
  }
  return PixPtr(gray);
}

PixPtr Binarize(Pix* gray, int dpi) {
  // Sauvola's window must span a few strokes: about 1/15 inch each side.
  const int half_window = std::max(7, dpi / 15);
  Pix* binary = nullptr;
  if (pixGetWidth(gray) > 2 * half_window + 3 && pixGetHeight(gray) > 2 * half_window + 3) {
    // Tiles of about a thousand pixels give the same pixels as one (Leptonica
    // overlaps them by the window) in two thirds of the time: the untiled
    // accumulators of a 300 dpi page are 70 MB of doubles, page-faulted in.
    const int tiles_x = std::max(1, pixGetWidth(gray) / 1000);
    const int tiles_y = std::max(1, pixGetHeight(gray) / 1000);
    pixSauvolaBinarizeTiled(gray, half_window, 0.34f, tiles_x, tiles_y, nullptr, &binary);
  }
  if (binary == nullptr) binary = pixThresholdToBinary(gray, 160);
  if (binary == nullptr) return nullptr;
  // Single-pixel specks from scanner noise would read as '.' or ','; a real
  // full stop is bigger than one pixel at the resolutions we read.
  Pix* clean = pixSelectBySize(binary, 2, 2, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, nullptr);
  if (clean != nullptr) {
    pixDestroy(&binary);
    binary = clean;
  }
  return PixPtr(binary);
}

// Opening by a long thin brick. pixOpenBrick shifts the whole image once per
// element of the brick (90 raster operations for a 300 dpi rule); the
// composite brick, two short bricks in sequence, takes about a tenth of that.
// Its length may differ from the one asked by a pixel or two, which no rule
// or character is near.
Pix* OpenBrick(Pix* binary, int width, int height) {
  return pixOpenCompBrick(nullptr, binary, width, height);
}

// The share of `region` (clipped to the image) that is ink in `image`; 0 when
// the region lies outside it.
double InkShare(Pix* image, int x, int y, int w, int h) {
  const int x0 = std::max(0, x), y0 = std::max(0, y);
  const int x1 = std::min(static_cast<int>(pixGetWidth(image)), x + w);
  const int y1 = std::min(static_cast<int>(pixGetHeight(image)), y + h);
  if (x1 <= x0 || y1 <= y0) return 0;
  ::Box* region = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr clipped(pixClipRectangle(image, region, nullptr));
  boxDestroy(&region);
  if (clipped == nullptr) return 0;
  l_int32 ink = 0;
  pixCountPixels(clipped.get(), &ink, nullptr);
  return static_cast<double>(ink) / ((x1 - x0) * (y1 - y0));
}

// Whether a faint stroke is the speckle or the edge of a shaded area, not a
// rule. A grey header fill (0xD6 once scanned, Shanghai's unit budgets) sits a
// few levels under the faint threshold with specks above it here and there;
// the columns of the fill that no speck breaks are as long as the row is tall:
// dozens of "rules" a few pixels apart, which cut the header into dozens of
// columns. Such a stroke has shading on one side and shading or a dark rule
// (the cell's own border) on the other; a faint rule has paper on one side.
bool IsShadingNotRule(Pix* faint, Pix* binary, int x, int y, int w, int h, bool horizontal,
                      int band) {
  constexpr double kShaded = 0.5;  // of the band beside the stroke, faint ink
  constexpr double kDark = 0.1;    // of it, dark ink: a rule two pixels thick in the band
  constexpr int kGap = 1;          // the stroke's own grey fringe
  auto side = [&](Pix* image, bool before) {
    if (horizontal) return InkShare(image, x, before ? y - kGap - band : y + h + kGap, w, band);
    return InkShare(image, before ? x - kGap - band : x + w + kGap, y, band, h);
  };
  const bool shaded_before = side(faint, true) > kShaded;
  const bool shaded_after = side(faint, false) > kShaded;
  const bool closed_before = shaded_before || side(binary, true) > kDark;
  const bool closed_after = shaded_after || side(binary, false) > kDark;
  return (shaded_before || shaded_after) && closed_before && closed_after;
}

// The strokes of `strokes` that the binary image mostly lacks: rules too light
// for it. A dark stroke is the binary image's to judge (the faint ink's fringe
// made a 22 pt title's strokes long enough to pass for rules). A shaded
// area's strokes are not rules either.
PixPtr OnlyFaint(Pix* strokes, Pix* binary, Pix* faint, bool horizontal, int band) {
  Pixa* pieces = nullptr;
  Boxa* boxes = pixConnComp(strokes, &pieces, 8);
  PixPtr out(pixCreateTemplate(strokes));
  if (boxes == nullptr || pieces == nullptr || out == nullptr) {
    boxaDestroy(&boxes);
    pixaDestroy(&pieces);
    return nullptr;
  }
  const int count = boxaGetCount(boxes);
  for (int i = 0; i < count; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
    PixPtr piece(pixaGetPix(pieces, i, L_CLONE));
    ::Box* region = boxCreate(x, y, w, h);
    PixPtr under(pixClipRectangle(binary, region, nullptr));
    boxDestroy(&region);
    if (piece == nullptr || under == nullptr) continue;
    PixPtr both(pixAnd(nullptr, under.get(), piece.get()));
    l_int32 all = 0, dark = 0;
    pixCountPixels(piece.get(), &all, nullptr);
    if (both != nullptr) pixCountPixels(both.get(), &dark, nullptr);
    if (2 * dark >= all || IsShadingNotRule(faint, binary, x, y, w, h, horizontal, band)) continue;
    pixRasterop(out.get(), x, y, w, h, PIX_PAINT, piece.get(), 0, 0);
  }
  boxaDestroy(&boxes);
  pixaDestroy(&pieces);
  return out;
}

// How much darker than the paper a pixel must be to count as a faint rule's
// ink. Rules printed light grey (0xC3 on white in the Beijing budgets) lose
// about a third of their contrast to a 150 dpi render, a skew correction and
// JPEG, and still sit 45-60 levels under the paper; the scan noise of
// ocr-measure.py (Gaussian, attenuate 0.25) and light header fills (0xF1)
// stay within 15.
constexpr int kFaintContrast = 32;

// The page's faint ink: every pixel kFaintContrast darker than the paper (the
// most common light grey level), for finding rules Sauvola leaves out; null
// on a dark page, where no paper level stands out.
PixPtr FaintInk(Pix* gray) {
  const int paper = PaperLevel(gray, 2);
  if (paper < 160) return nullptr;
  return PixPtr(pixThresholdToBinary(gray, paper - kFaintContrast));
}

// A rule's box in pixels.
struct PixelBox {
  int x = 0, y = 0, w = 0, h = 0;
};

// The vertical rules of the bands between horizontal rules too short for the
// page-wide opening (a ruled table's one-row header alone at the foot of a
// page, its last row alone at the top of the next, a one-row table: ~40 px
// rows at 200 dpi, under the dpi / 4 a vertical must have). The opening's
// length is kept for the page because a CJK stroke of 10.5 pt print is ~28 px
// and a title's longer; here a stroke is taken as a rule only where it spans
// a band between two horizontal rules that overlap in x, touching both
// within `tol` pixels (blur, a residual skew), the band's height being its
// expected length. Print sits inside its cell's padding: a character never
// runs exactly from one rule to the next. Bands tall enough for the page's
// opening are its to judge (a long stroke that is not one is a title's). The
// strokes taken are painted into `ink` (their own pixels, for erasing).
std::vector<PixelBox> BandVerticals(Pix* binary, Pix* horizontal_ink,
                                    std::vector<PixelBox> horizontals,
                                    const std::vector<PixelBox>& verticals, int dpi,
                                    int min_overlap, int max_band, int max_thickness, Pix* ink) {
  std::vector<PixelBox> out;
  // A page of hundreds of horizontal strokes is no ruled table's (and pairs
  // would cost their square).
  if (horizontals.size() < 2 || horizontals.size() > 400) return out;
  const int tol = std::max(2, dpi / 100);
  // Lower than a row of the smallest print: two rules closer are a double rule.
  const int min_band = std::max(10, dpi / 10);
  const int width = pixGetWidth(binary), height = pixGetHeight(binary);
  std::sort(horizontals.begin(), horizontals.end(), [](const PixelBox& a, const PixelBox& b) {
    return a.y != b.y ? a.y < b.y : a.x < b.x;
  });
  auto rule_ink_near = [&](int x0, int x1, int y0, int y1) {
    x0 = std::max(0, x0), y0 = std::max(0, y0);
    x1 = std::min(width, x1), y1 = std::min(height, y1);
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) {
        l_uint32 value = 0;
        if (pixGetPixel(horizontal_ink, x, y, &value) == 0 && value != 0) return true;
      }
    }
    return false;
  };
  const size_t n = horizontals.size();
  for (size_t i = 0; i < n; ++i) {
    const PixelBox& a = horizontals[i];
    for (size_t j = i + 1; j < n; ++j) {
      const PixelBox& b = horizontals[j];
      const int top = a.y + a.h, bottom = b.y;  // the band, between the two boxes
      if (bottom - top < min_band) continue;
      if (bottom - top > max_band) break;  // sorted by y: every later one is farther
      const int x0 = std::max(a.x, b.x), x1 = std::min(a.x + a.w, b.x + b.w);
      if (x1 - x0 < min_overlap) continue;
      // Consecutive: no other rule across the band's span between them.
      bool between = false;
      for (size_t k = i + 1; k < j && !between; ++k) {
        const PixelBox& c = horizontals[k];
        between = c.y >= top && c.y + c.h <= bottom &&
                  std::min(x1, c.x + c.w) - std::max(x0, c.x) >= min_overlap;
      }
      if (between) continue;
      const int y0 = std::max(0, a.y - tol - 1), y1 = std::min(height, b.y + b.h + tol + 1);
      ::Box* region = boxCreate(x0, y0, x1 - x0, y1 - y0);
      PixPtr band(pixClipRectangle(binary, region, nullptr));
      boxDestroy(&region);
      if (band == nullptr) continue;
      // Through the rules' ink where the stroke joins it, a pixel or two
      // short of them at each end where it does not.
      PixPtr opened(OpenBrick(band.get(), 1, std::max(min_band / 2, bottom - top - 2 * tol)));
      if (opened == nullptr) continue;
      Boxa* strokes = pixConnCompBB(opened.get(), 8);
      if (strokes == nullptr) continue;
      const int count = boxaGetCount(strokes);
      for (int s = 0; s < count && out.size() < 20000; ++s) {
        l_int32 sx = 0, sy = 0, sw = 0, sh = 0;
        if (boxaGetBoxGeometry(strokes, s, &sx, &sy, &sw, &sh) != 0) continue;
        const int x = x0 + sx, y = y0 + sy, end = y + sh;
        if (sw > max_thickness) continue;
        if (y > top + tol || end < bottom - tol) continue;
        // Touching both rules: their ink within `tol` of each end, or under
        // the end where it runs into the rule (the blot of a junction's ink
        // may reach past the rule's own).
        if (!rule_ink_near(x - 1, x + sw + 1, y - tol - 1, std::max(y + 1, top)) ||
            !rule_ink_near(x - 1, x + sw + 1, std::min(end - 1, bottom), end + tol + 1)) {
          continue;
        }
        const bool known = std::any_of(verticals.begin(), verticals.end(), [&](const PixelBox& v) {
          return v.x <= x + sw + max_thickness && x <= v.x + v.w + max_thickness && v.y <= end &&
                 y <= v.y + v.h;
        });
        if (known) continue;
        out.push_back({x, y, sw, sh});
        if (ink != nullptr) pixRasterop(ink, x, y, sw, sh, PIX_PAINT, opened.get(), sx, sy);
      }
      boxaDestroy(&strokes);
    }
  }
  return out;
}

}  // namespace

int PaperLevel(Pix* gray, int sampling) {
  NUMA* histogram = pixGetGrayHistogram(gray, sampling);
  if (histogram == nullptr) return -1;
  int paper = -1;
  l_float32 most = 0;
  for (int level = 128; level < 256 && level < numaGetCount(histogram); ++level) {
    l_float32 count = 0;
    numaGetFValue(histogram, level, &count);
    if (count > most) {
      most = count;
      paper = level;
    }
  }
  numaDestroy(&histogram);
  return paper;
}

void WhitenPaper(Pix* gray) {
  const int paper = PaperLevel(gray, 1);
  // A tenth below the paper is still paper: the speckle and ringing a JPEG leaves, which
  // Tesseract otherwise reads as a digit beside the print ("324" for 32). The hairlines of a
  // Song face at 150-200 dpi sit far darker (under 180 on 250 paper).
  if (paper > 0) pixGammaTRC(gray, gray, 1.0f, 0, paper * 9 / 10);
}

int CappedDpi(double width_points, double height_points, int dpi) {
  const double area_inches = std::max(1e-6, width_points * height_points / (72.0 * 72.0));
  const double max_dpi = std::sqrt(static_cast<double>(kMaxImagePixels) / area_inches);
  return std::clamp(static_cast<int>(std::min<double>(dpi, max_dpi)), 1, 1200);
}

PixPtr RenderPage(PDFDoc& pdf, int number, int dpi,
                  std::chrono::steady_clock::time_point deadline) {
  if (pdf.getPage(number) == nullptr) return nullptr;
  SplashColor paper;
  std::memset(paper, 0, sizeof(paper));
  paper[0] = 255;
  SplashOutputDev device(splashModeMono8, 4, false, paper);
  device.startDoc(&pdf);
  pdf.displayPage(&device, number, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                  /*printing=*/false, &DeadlinePassed, &deadline);
  if (std::chrono::steady_clock::now() > deadline) return nullptr;
  SplashBitmap* bitmap = device.getBitmap();
  if (bitmap == nullptr) return nullptr;
  const int width = bitmap->getWidth(), height = bitmap->getHeight();
  if (width <= 0 || height <= 0 || static_cast<long long>(width) * height > 4 * kMaxImagePixels)
    return nullptr;
  Pix* pix = pixCreate(width, height, 8);
  if (pix == nullptr) return nullptr;
  pixSetResolution(pix, dpi, dpi);
  const int row_size = bitmap->getRowSize();
  const unsigned char* data = bitmap->getDataPtr();
  l_uint32* out = pixGetData(pix);
  const int wpl = pixGetWpl(pix);
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * row_size;
    l_uint32* line = out + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return PixPtr(pix);
}

namespace {

// The skew of a binary page, in degrees, when it can be told; nothing when not. Leptonica's
// confidence (how much sharper the rows' projection is at the angle found than at the worst) is
// low on a sparse page: a table of a few rows, each a label far left and an amount far right,
// projects no sharper at the right angle than at another. Such a page was read 1 degree turned
// (the right end of a row half a line above its left: amounts paired with the row above, H11
// s3w_0160_final p5). There the angle is taken when a second finding, on the page with each
// line's ink closed into bars a quarter inch long, agrees with it: a true skew turns the bars as
// it turns the print, while noise finds two different angles. On a page turned a degree the two
// differ by a fifth of a degree (-0.95 and -1.17 on H25 s3w_0390_final p6, a 三公 table of six
// rows, read turned when 0.15 was asked and its 合计 and 公务接待费 amounts lost), while on an
// upright cover they found 0.27 and 0.09 (sh_putuo_commerce p1, whose department line read
// worse turned): they agree within 0.15 degree or, of one sign, within a quarter of the larger.
std::optional<double> FindSkew(Pix* binary, int dpi) {
  constexpr l_float32 kConfident = 2.5f;
  constexpr l_float32 kLeastConfidence = 1.5f;
  constexpr double kAgreeDegrees = 0.15;
  constexpr double kAgreeShare = 0.25;
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(binary, &angle, &confidence) != 0 || confidence < kLeastConfidence) {
    return std::nullopt;
  }
  if (confidence >= kConfident) return angle;
  const int bar = std::max(3, dpi * 4 / 15);  // a quarter inch and a bit: 40 px at 150 dpi
  PixPtr bars(pixCloseBrick(nullptr, binary, bar, 1));
  l_float32 second = 0, second_confidence = 0;
  if (bars == nullptr || pixFindSkew(bars.get(), &second, &second_confidence) != 0 ||
      second_confidence < kLeastConfidence ||
      std::fabs(second - angle) >
          std::max(kAgreeDegrees, (second * angle > 0 ? kAgreeShare : 0.0) *
                                      std::max(std::fabs(second), std::fabs(angle)))) {
    return std::nullopt;
  }
  return angle;
}

}  // namespace

PreparedImage PrepareImage(PixPtr image, int dpi) {
  PreparedImage out;
  out.gray = ToGray(image.get());
  image.reset();
  if (out.gray == nullptr) return out;
  out.binary = Binarize(out.gray.get(), dpi);
  if (out.binary == nullptr) return out;

  const std::optional<double> skew = FindSkew(out.binary.get(), dpi);
  const double angle = skew.value_or(0);
  if (skew && std::fabs(angle) >= 0.05 && std::fabs(angle) <= 10.0) {
    constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;
    PixPtr straight(pixRotate(out.gray.get(), static_cast<l_float32>(angle * kRadiansPerDegree),
                              L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (straight != nullptr) {
      PixPtr binary = Binarize(straight.get(), dpi);
      if (binary != nullptr) {
        out.gray = std::move(straight);
        out.binary = std::move(binary);
        out.skew_degrees = angle;
      }
    }
  }
  out.faint = FaintInk(out.gray.get());
  return out;
}

Ruling SeparateRulingLines(Pix* binary, int dpi, Pix* faint) {
  Ruling out;
  if (binary == nullptr || pixGetDepth(binary) != 1) return out;
  if (faint != nullptr && (pixGetDepth(faint) != 1 || pixGetWidth(faint) != pixGetWidth(binary) ||
                           pixGetHeight(faint) != pixGetHeight(binary))) {
    faint = nullptr;
  }
  const double points = 72.0 / dpi;
  // Longer than any character stroke (a 16 pt title glyph is 0.22 inch) and
  // shorter than the narrowest cell (about 0.4 inch) or row (0.2 inch).
  const int horizontal_length = std::max(15, dpi * 3 / 10);
  const int vertical_length = std::max(12, dpi / 4);
  // Vertical strokes are erased from the text only when longer than a large
  // title's characters, so a 22 pt title keeps its strokes.
  const int erase_vertical_length = std::max(20, dpi * 35 / 100);
  // A scanned rule is at most a few points thick; thicker is a filled area.
  const int max_thickness = std::max(3, dpi / 24);
  // Neither a character nor the strokes of one are wider than this (a 72 pt
  // cover title's glyph is an inch); the narrowest cell's rule is shorter.
  const int character_limit = dpi * 6 / 5;
  InkPieces pieces(binary);
  PixPtr erase(pixCreateTemplate(binary));
  // The faint rules' own pixels (strokes of the faint ink long enough to be
  // rules): the binary image holds only specks of them, which the erasing
  // below would not find.
  PixPtr faint_lines(faint != nullptr ? pixCreateTemplate(binary) : nullptr);
  // The rules found, in pixels, and the horizontal rules' own ink: what the
  // short verticals of a band between two of them are judged by.
  std::vector<PixelBox> horizontals, verticals;
  PixPtr horizontal_ink(pixCreateTemplate(binary));
  struct Pass {
    int sel_width, sel_height;
    bool horizontal;
  };
  for (const Pass pass : {Pass{horizontal_length, 1, true}, Pass{1, vertical_length, false}}) {
    PixPtr opened(OpenBrick(binary, pass.sel_width, pass.sel_height));
    if (opened == nullptr) continue;
    if (faint != nullptr) {
      // Rules printed light grey, which Sauvola drops as background, from the
      // faint ink. Its strokes thicker than a rule are shaded areas or text
      // run together, and go; what is left joins the binary image's strokes.
      PixPtr faint_opened(OpenBrick(faint, pass.sel_width, pass.sel_height));
      PixPtr thin(faint_opened == nullptr
                      ? nullptr
                      : pixSelectBySize(faint_opened.get(), max_thickness, max_thickness, 8,
                                        pass.horizontal ? L_SELECT_HEIGHT : L_SELECT_WIDTH,
                                        L_SELECT_IF_LTE, nullptr));
      if (thin != nullptr) {
        thin = OnlyFaint(thin.get(), binary, faint, pass.horizontal, max_thickness);
      }
      if (thin != nullptr) {
        pixOr(opened.get(), opened.get(), thin.get());
        if (faint_lines != nullptr) pixOr(faint_lines.get(), faint_lines.get(), thin.get());
      }
    }
    Boxa* boxes = pixConnCompBB(opened.get(), 8);
    if (boxes == nullptr) continue;
    const int count = boxaGetCount(boxes);
    for (int i = 0; i < count && out.rules.size() < 20000; ++i) {
      l_int32 x = 0, y = 0, w = 0, h = 0;
      if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
      const int length = pass.horizontal ? w : h, thickness = pass.horizontal ? h : w;
      if (length < (pass.horizontal ? horizontal_length : vertical_length)) continue;
      if (thickness > max_thickness) continue;
      if (length < character_limit) {
        // A cover title's characters (26 pt and more) have strokes as long
        // as a short rule. A stroke is one piece with the rest of its
        // character, a piece the size of a character that reaches well across
        // the stroke; a rule's piece is the line alone, or its whole grid.
        int piece_w = 0, piece_h = 0;
        if (pieces.Holding(x, y, w, h, &piece_w, &piece_h) && piece_w <= character_limit &&
            piece_h <= character_limit &&
            (pass.horizontal ? piece_h : piece_w) > 3 * max_thickness) {
          continue;
        }
      }
      pdf::Rule rule;
      rule.box = {x * points, y * points, (x + w) * points, (y + h) * points};
      out.rules.push_back(rule);
      (pass.horizontal ? horizontals : verticals).push_back({x, y, w, h});
      if (pass.horizontal && horizontal_ink != nullptr) {
        pixRasterop(horizontal_ink.get(), x, y, w, h, PIX_PAINT, opened.get(), x, y);
      }
      if (erase != nullptr && (pass.horizontal || length >= erase_vertical_length)) {
        // One pixel of margin takes the rule's grey fringe with it.
        pixRasterop(erase.get(), x - 1, y - 1, w + 2, h + 2, PIX_SET, nullptr, 0, 0);
      }
    }
    boxaDestroy(&boxes);
  }
  PixPtr band_lines(pixCreateTemplate(binary));
  if (horizontal_ink != nullptr) {
    for (const PixelBox& v :
         BandVerticals(binary, horizontal_ink.get(), horizontals, verticals, dpi, horizontal_length,
                       vertical_length + 2 * max_thickness, max_thickness, band_lines.get())) {
      if (out.rules.size() >= 20000) break;
      pdf::Rule rule;
      rule.box = {v.x * points, v.y * points, (v.x + v.w) * points, (v.y + v.h) * points};
      out.rules.push_back(rule);
      // Erased although short: it touches two rules, which no character does.
      if (erase != nullptr) {
        pixRasterop(erase.get(), v.x - 1, v.y - 1, v.w + 2, v.h + 2, PIX_SET, nullptr, 0, 0);
      }
    }
  }
  if (erase != nullptr) {
    // Only the rule's own ink goes: characters touching a rule keep theirs.
    PixPtr rule_ink(pixAnd(nullptr, erase.get(), binary));
    if (rule_ink != nullptr) {
      PixPtr opened_h(OpenBrick(rule_ink.get(), horizontal_length, 1));
      PixPtr opened_v(OpenBrick(rule_ink.get(), 1, vertical_length));
      PixPtr lines(pixOr(nullptr, opened_h.get(), opened_v.get()));
      if (lines != nullptr && band_lines != nullptr) {
        pixOr(lines.get(), lines.get(), band_lines.get());
      }
      if (lines != nullptr && faint_lines != nullptr) {
        PixPtr kept(pixAnd(nullptr, faint_lines.get(), erase.get()));
        if (kept != nullptr) pixOr(lines.get(), lines.get(), kept.get());
      }
      if (lines != nullptr) {
        PixPtr fringe(pixDilateBrick(nullptr, lines.get(), 3, 3));
        PixPtr mask(pixAnd(nullptr, fringe.get(), erase.get()));
        out.text.reset(pixSubtract(nullptr, binary, mask.get()));
        out.erased = std::move(mask);
      }
    }
  }
  if (out.text == nullptr) out.text.reset(pixCopy(nullptr, binary));
  return out;
}

PixPtr TextInGray(Pix* gray, Pix* erased) {
  if (gray == nullptr || pixGetDepth(gray) != 8) return nullptr;
  PixPtr out(pixCopy(nullptr, gray));
  if (out == nullptr || erased == nullptr || pixGetWidth(erased) != pixGetWidth(gray) ||
      pixGetHeight(erased) != pixGetHeight(gray)) {
    return out;
  }
  PixPtr grown(pixDilateBrick(nullptr, erased, 7, 7));
  if (grown != nullptr) pixSetMasked(out.get(), grown.get(), 255);
  return out;
}

}  // namespace disclose::ocr
