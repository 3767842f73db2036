// Private to extract/pdf: the Poppler OutputDev that records one page's glyphs
// (with their Unicode and displayed boxes) and its straight rules, filling a
// PageContent for layout analysis. Nothing is rasterised.
//
//   PageCollector collector;
//   collector.BeginPage(number, rotation, width, height);
//   doc->displayPage(&collector, number, 72, 72, 0, false, true, false);
//   PageContent content = collector.TakePage();
#pragma once

#include <OutputDev.h>
#include <PDFDoc.h>

#include <chrono>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {

class PageCollector : public OutputDev {
 public:
  PageCollector() = default;

  // Resets state for a new page; sizes are as displayed (after /Rotate).
  void BeginPage(int number, int rotation, double width, double height);
  // Finishes glyph statistics (undecodable counts, needs_ocr) and hands over the page.
  PageContent TakePage();

  // OutputDev: device space is the displayed page in points, y down.
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }
  // Shadings are painted by Gfx as many tiny fills otherwise; they are never rules.
  bool useShadedFills(int /*type*/) override { return true; }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }
  // Tiling patterns are decoration; replaying each tile would only cost time.
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int, int,
                         int, double, double) override {
    return true;
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode code, int n_bytes, const Unicode* u, int u_len) override;
  void stroke(GfxState* state) override;
  void fill(GfxState* state) override;
  void eoFill(GfxState* state) override;

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_img) override;
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                 bool inline_img) override;
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* color_map, bool interpolate, Stream* mask_str,
                       int mask_width, int mask_height, bool mask_invert,
                       bool mask_interpolate) override;
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str,
                           int mask_width, int mask_height, GfxImageColorMap* mask_color_map,
                           bool mask_interpolate) override;

 private:
  void AddPathRules(GfxState* state, bool stroked);
  void NoteImage(GfxState* state, int pixel_width, int pixel_height);

  PageContent page_;
  double image_area_ = 0;  // displayed area covered by images, points^2
};

// Opens a PDF held in memory; `bytes` must outlive the returned document.
// Encrypted (password needed) -> kEncrypted; unreadable or no pages -> kCorrupt.
Result<std::unique_ptr<PDFDoc>> OpenPdf(std::string_view bytes);

// Size and rotation of page `number` as displayed (crop box, /Rotate applied).
Page DisplayedPage(PDFDoc& doc, int number);

// Interprets one page into `collector` and returns what it saw. Returns
// false when `deadline` passed before the page finished.
bool CollectPage(PDFDoc& doc, int number, PageCollector& collector,
                 std::chrono::steady_clock::time_point deadline, PageContent* out);

}  // namespace disclose::pdf
