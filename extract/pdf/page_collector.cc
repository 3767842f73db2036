#include "extract/pdf/page_collector.h"

#include <ErrorCodes.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <Page.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/text.h"

namespace disclose::pdf {
namespace {

// Damaged or adversarial pages can draw millions of paths; past this many
// rules the table detector learns nothing more, so stop collecting.
// A filled rectangle this thin (points) is drawn as a line.
constexpr double kThinRect = 2.5;
// Segments within this slope tolerance (points) count as straight.
constexpr double kStraightTolerance = 0.6;

bool IsUndecodable(char32_t c) {
  if (c >= 0xE000 && c <= 0xF8FF) return true;  // private use: font-internal codes
  if (c == 0xFFFD || c == 0) return true;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return true;  // control characters
  return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF);
}

bool IsWhite(const GfxRGB& rgb) {
  constexpr double kNearWhite = 0.94;
  return colToDbl(rgb.r) >= kNearWhite && colToDbl(rgb.g) >= kNearWhite &&
         colToDbl(rgb.b) >= kNearWhite;
}

// Text direction in displayed space from the baseline vector (y down).
int RotationOf(double bx, double by) {
  if (std::fabs(bx) >= std::fabs(by)) return bx >= 0 ? 0 : 180;
  return by >= 0 ? 90 : 270;
}

// Trims a rule to the clip region; false when nothing of it is visible.
bool ClipRule(const GfxState* state, Box& box) {
  double cx0, cy0, cx1, cy1;
  state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
  constexpr double kSlack = 0.5;  // clips often sit exactly on a border
  if (box.x1 < cx0 - kSlack || box.x0 > cx1 + kSlack || box.y1 < cy0 - kSlack ||
      box.y0 > cy1 + kSlack) {
    return false;
  }
  // Only the long side is trimmed: a hairline's width is outside most clips.
  if (box.width() >= box.height()) {
    box.x0 = std::max(box.x0, cx0);
    box.x1 = std::min(box.x1, cx1);
    return box.x1 > box.x0;
  }
  box.y0 = std::max(box.y0, cy0);
  box.y1 = std::min(box.y1, cy1);
  return box.y1 > box.y0;
}

}  // namespace

void PageCollector::BeginPage(int number, int rotation, double width, double height) {
  page_ = PageContent();
  page_.page.number = number;
  page_.page.rotation = rotation;
  page_.page.width = width;
  page_.page.height = height;
  page_.glyphs.reserve(2048);
  image_area_ = 0;
}

PageContent PageCollector::TakePage() {
  Page& page = page_.page;
  page.glyph_count = static_cast<int>(page_.glyphs.size());
  page.undecodable_glyph_count = 0;
  for (const Glyph& glyph : page_.glyphs) page.undecodable_glyph_count += glyph.undecodable;
  // More than 30% garbage means the text layer would mislead more than help;
  // a page whose words are pictures (a scan, a rasterised cover title next to
  // a lone page number) has images and next to no glyphs.
  const double page_area = std::max(1.0, page.width * page.height);
  const bool pictured = image_area_ >= 0.02 * page_area;
  page.needs_ocr =
      (page.glyph_count > 0 && page.undecodable_glyph_count * 10 > page.glyph_count * 3) ||
      (pictured && page.glyph_count < 10);
  page.text_origin = TextOrigin::kTextLayer;
  return std::move(page_);
}

void PageCollector::drawChar(GfxState* state, double x, double y, double dx, double dy,
                             double /*origin_x*/, double /*origin_y*/, CharCode /*code*/,
                             int /*n_bytes*/, const Unicode* u, int u_len) {
  if (page_.glyphs.size() >= kMaxGlyphsPerPage) {
    ++page_.dropped_glyphs;
    return;
  }
  // Render mode 3 is invisible text (OCR layers keep it, so we keep it too),
  // but mode 7 is pure clipping and never shows.
  if (state->getRender() == 7) return;

  bool undecodable = u_len <= 0 || u == nullptr;
  bool all_space = !undecodable;
  if (!undecodable) {
    for (int i = 0; i < u_len; ++i) {
      const char32_t c = static_cast<char32_t>(u[i]);
      if (!IsUnicodeSpace(c)) all_space = false;
      if (IsUndecodable(c) && !IsUnicodeSpace(c)) undecodable = true;
    }
  }
  // Spaces carry no ink; word gaps are recovered from geometry in layout.
  if (all_space) return;

  double m11, m12, m21, m22;
  state->getFontTransMat(&m11, &m12, &m21, &m22);
  // (m11,m12) is one text-space unit along the baseline, (m21,m22) one unit
  // "up" the glyph, both already scaled by the font size and in device space.
  double ascent = 0.95, descent = -0.25;
  if (const std::shared_ptr<GfxFont>& font = state->getFont()) {
    // Many CJK fonts declare nonsense metrics; keep the defaults unless sane.
    const double a = font->getAscent(), d = font->getDescent();
    if (a > 0.5 && a < 1.3) ascent = a;
    if (d < 0 && d > -0.6) descent = d;
  }
  double ox, oy, adx, ady;
  state->transform(x, y, &ox, &oy);
  state->transformDelta(dx, dy, &adx, &ady);
  const double up_len = std::hypot(m21, m22);
  double font_size = up_len;
  if (!(font_size > 0.01) || !std::isfinite(font_size)) return;
  // A zero advance (some CID fonts) would give an empty box; use the font size.
  const double base_len = std::hypot(m11, m12);
  double bx = base_len > 0 ? m11 / base_len : 1.0, by = base_len > 0 ? m12 / base_len : 0.0;
  if (std::hypot(adx, ady) < 0.05 * font_size) {
    adx = bx * font_size * 0.5;
    ady = by * font_size * 0.5;
  }
  // Device y grows downwards, so "up" in text space is (m21, m22) as given.
  const double ax = m21 * ascent, ay = m22 * ascent;
  const double dxv = m21 * descent, dyv = m22 * descent;
  const double xs[4] = {ox + ax, ox + dxv, ox + adx + ax, ox + adx + dxv};
  const double ys[4] = {oy + ay, oy + dyv, oy + ady + ay, oy + ady + dyv};
  Glyph glyph;
  glyph.box.x0 = *std::min_element(xs, xs + 4);
  glyph.box.x1 = *std::max_element(xs, xs + 4);
  glyph.box.y0 = *std::min_element(ys, ys + 4);
  glyph.box.y1 = *std::max_element(ys, ys + 4);
  if (!std::isfinite(glyph.box.x0) || !std::isfinite(glyph.box.y0) ||
      !std::isfinite(glyph.box.x1) || !std::isfinite(glyph.box.y1)) {
    return;
  }
  // Glyphs entirely off the displayed page are clipped away by viewers.
  const double margin = font_size;
  if (glyph.box.x1 < -margin || glyph.box.y1 < -margin ||
      glyph.box.x0 > page_.page.width + margin || glyph.box.y0 > page_.page.height + margin) {
    return;
  }
  // Spreadsheet exports (WPS, Excel) let a cell's text run on under a clip
  // and print the rest again on the next page; a glyph whose centre is
  // clipped away is invisible and would be read twice.
  {
    double cx0, cy0, cx1, cy1;
    state->getClipBBox(&cx0, &cy0, &cx1, &cy1);
    const double mx = (glyph.box.x0 + glyph.box.x1) / 2, my = (glyph.box.y0 + glyph.box.y1) / 2;
    if (mx < cx0 - 0.5 || mx > cx1 + 0.5 || my < cy0 - 0.5 || my > cy1 + 0.5) return;
  }
  glyph.font_size = font_size;
  glyph.rotation = RotationOf(m11, m12);
  glyph.undecodable = undecodable;
  if (undecodable) {
    // Keep a visible marker so the loss is never silent downstream.
    glyph.text = "\xEF\xBF\xBD";
  } else {
    glyph.text.reserve(static_cast<std::size_t>(u_len) * 3);
    for (int i = 0; i < u_len; ++i) AppendUtf8(glyph.text, static_cast<char32_t>(u[i]));
  }
  if (const std::shared_ptr<GfxFont>& font = state->getFont()) {
    if (const std::optional<std::string>& name = font->getName()) {
      // Subset prefixes ("ABCDEF+SimSun") differ per page; strip them.
      const std::string& n = *name;
      const std::size_t plus = n.size() > 7 && n[6] == '+' ? 7 : 0;
      glyph.font_name = SanitizeUtf8(std::string_view(n).substr(plus));
    }
  }
  page_.glyphs.push_back(std::move(glyph));
}

void PageCollector::AddPathRules(GfxState* state, bool stroked) {
  const GfxPath* path = state->getPath();
  if (path == nullptr) return;
  GfxRGB rgb;
  if (stroked) {
    state->getStrokeRGB(&rgb);
    if (state->getStrokeOpacity() <= 0.05) return;
  } else {
    state->getFillRGB(&rgb);
    if (state->getFillOpacity() <= 0.05) return;
  }
  if (IsWhite(rgb)) return;  // white paint erases; it never draws a visible rule
  const double width = stroked ? std::max(state->getTransformedLineWidth(), 0.1) : 0.0;
  const double half = width / 2;

  for (int s = 0; s < path->getNumSubpaths(); ++s) {
    if (page_.rules.size() >= kMaxRulesPerPage) {
      ++page_.dropped_rules;
      return;
    }
    const GfxSubpath* sub = path->getSubpath(s);
    const int n = sub->getNumPoints();
    if (n < 2) continue;
    bool has_curve = false;
    for (int i = 0; i < n && !has_curve; ++i) has_curve = sub->getCurve(i);
    if (has_curve) continue;  // rounded shapes are decoration, not table borders

    if (stroked) {
      // Each straight horizontal or vertical segment is a rule; a rectangle
      // drawn with `re` + S yields its four edges this way.
      const int segments = sub->isClosed() ? n : n - 1;
      for (int i = 0; i < segments; ++i) {
        const int j = (i + 1) % n;
        double x0, y0, x1, y1;
        state->transform(sub->getX(i), sub->getY(i), &x0, &y0);
        state->transform(sub->getX(j), sub->getY(j), &x1, &y1);
        if (!std::isfinite(x0 + y0 + x1 + y1)) continue;
        const bool horizontal = std::fabs(y1 - y0) <= kStraightTolerance;
        const bool vertical = std::fabs(x1 - x0) <= kStraightTolerance;
        if (horizontal == vertical) continue;  // diagonal or a dot
        Rule rule;
        if (horizontal) {
          const double ym = (y0 + y1) / 2;
          rule.box = {std::min(x0, x1), ym - half, std::max(x0, x1), ym + half};
        } else {
          const double xm = (x0 + x1) / 2;
          rule.box = {xm - half, std::min(y0, y1), xm + half, std::max(y0, y1)};
        }
        if (ClipRule(state, rule.box)) page_.rules.push_back(rule);
      }
      continue;
    }

    // Filled: only axis-aligned rectangles (4 corners, optionally repeated
    // first point) whose short side is thin are rules drawn as boxes.
    if (n < 4 || n > 5) continue;
    double xs[5], ys[5];
    for (int i = 0; i < n; ++i) state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
    bool axis_aligned = true;
    for (int i = 0; i < 4 && axis_aligned; ++i) {
      const int j = (i + 1) % 4;
      axis_aligned = std::fabs(xs[i] - xs[j]) <= kStraightTolerance ||
                     std::fabs(ys[i] - ys[j]) <= kStraightTolerance;
    }
    if (!axis_aligned) continue;
    Box box{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4),
            *std::max_element(xs, xs + 4), *std::max_element(ys, ys + 4)};
    if (!std::isfinite(box.x0 + box.y0 + box.x1 + box.y1)) continue;
    if (std::min(box.width(), box.height()) > kThinRect) continue;
    if (std::max(box.width(), box.height()) < 1.0) continue;  // dots
    if (ClipRule(state, box)) page_.rules.push_back(Rule{box});
  }
}

void PageCollector::stroke(GfxState* state) {
  AddPathRules(state, /*stroked=*/true);
}
void PageCollector::fill(GfxState* state) {
  AddPathRules(state, /*stroked=*/false);
}
void PageCollector::eoFill(GfxState* state) {
  AddPathRules(state, /*stroked=*/false);
}

void PageCollector::NoteImage(GfxState* state, int pixel_width, int pixel_height) {
  // Images are drawn into the unit square of user space. Sum their displayed
  // area: a logo or a seal is not a scan, a rasterised title is.
  double x[4], y[4];
  state->transform(0, 0, &x[0], &y[0]);
  state->transform(1, 0, &x[1], &y[1]);
  state->transform(0, 1, &x[2], &y[2]);
  state->transform(1, 1, &x[3], &y[3]);
  const double w = *std::max_element(x, x + 4) - *std::min_element(x, x + 4);
  const double h = *std::max_element(y, y + 4) - *std::min_element(y, y + 4);
  if (!std::isfinite(w * h)) return;
  image_area_ += std::min(w, page_.page.width) * std::min(h, page_.page.height);
  ++page_.image_count;
  if (w * h > page_.largest_image_area && w > 1 && h > 1) {
    page_.largest_image_area = w * h;
    // Pixels per inch over the displayed area (72 points an inch); the square
    // root of the areas' ratio holds whether or not the image is drawn rotated.
    page_.largest_image_ppi =
        72 * std::sqrt(std::max(0.0, double(pixel_width) * pixel_height / (w * h)));
  }
}

// The base class implementations skip inline image data without decoding it.
void PageCollector::drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                                  bool invert, bool interpolate, bool inline_img) {
  NoteImage(state, width, height);
  OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);
}

void PageCollector::drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                              GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                              bool inline_img) {
  NoteImage(state, width, height);
  OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors,
                       inline_img);
}

void PageCollector::drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                                    int height, GfxImageColorMap* color_map, bool interpolate,
                                    Stream* mask_str, int mask_width, int mask_height,
                                    bool mask_invert, bool mask_interpolate) {
  NoteImage(state, width, height);
  OutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                             mask_width, mask_height, mask_invert, mask_interpolate);
}

void PageCollector::drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                                        int height, GfxImageColorMap* color_map, bool interpolate,
                                        Stream* mask_str, int mask_width, int mask_height,
                                        GfxImageColorMap* mask_color_map, bool mask_interpolate) {
  NoteImage(state, width, height);
  OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                                 mask_width, mask_height, mask_color_map, mask_interpolate);
}

Result<std::unique_ptr<PDFDoc>> OpenPdf(std::string_view bytes) {
  // MemStream borrows the buffer; PDFDoc owns and deletes the stream.
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  auto doc = std::make_unique<PDFDoc>(stream);
  if (!doc->isOk()) {
    const int code = doc->getErrorCode();
    if (code == errEncrypted) {
      return Status(ErrorCode::kEncrypted, "PDF read error: the document needs a password");
    }
    return Status(ErrorCode::kCorrupt, "PDF read error: cannot parse the file (poppler error " +
                                           std::to_string(code) + ")");
  }
  if (doc->getNumPages() <= 0) {
    return Status(ErrorCode::kCorrupt, "PDF read error: the document has no pages");
  }
  return doc;
}

Page DisplayedPage(PDFDoc& doc, int number) {
  Page page;
  page.number = number;
  ::Page* p = doc.getPage(number);
  if (p == nullptr) return page;
  int rotation = p->getRotate() % 360;
  if (rotation < 0) rotation += 360;
  if (rotation % 90 != 0) rotation = 0;  // Poppler ignores odd values too
  page.rotation = rotation;
  const double w = std::fabs(p->getCropWidth()), h = std::fabs(p->getCropHeight());
  const bool sideways = rotation == 90 || rotation == 270;
  page.width = sideways ? h : w;
  page.height = sideways ? w : h;
  return page;
}

namespace {
bool DeadlinePassed(void* data) {
  const auto* deadline = static_cast<const std::chrono::steady_clock::time_point*>(data);
  return std::chrono::steady_clock::now() > *deadline;
}
}  // namespace

bool CollectPage(PDFDoc& doc, int number, PageCollector& collector,
                 std::chrono::steady_clock::time_point deadline, PageContent* out) {
  const Page shape = DisplayedPage(doc, number);
  collector.BeginPage(number, shape.rotation, shape.width, shape.height);
  if (doc.getPage(number) != nullptr) {
    // 72 dpi makes device units points; rotate 0 here lets Poppler apply the
    // page's own /Rotate, so coordinates come out as displayed.
    doc.displayPage(&collector, number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true,
                    /*printing=*/false, &DeadlinePassed, &deadline);
  }
  *out = collector.TakePage();
  return std::chrono::steady_clock::now() <= deadline;
}

}  // namespace disclose::pdf
