// `disclose inspect`: the reader's view of one page, as a picture and as JSON.
// Rasterising happens only here, never in ReadPdf.
#include "extract/inspect.h"

#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <cairo.h>
#include <splash/SplashBitmap.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/document.h"
#include "core/text.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_collector.h"
#include "extract/pdf/poppler_init.h"

namespace disclose {
namespace {

constexpr double kDpi = 100;

// Everything the two entry points need: the bytes (MemStream borrows them),
// the document and the analysed page.
struct Inspected {
  std::string bytes;
  std::unique_ptr<PDFDoc> doc;
  pdf::PageContent content;
  pdf::PageAnalysis analysis;
};

Status Load(const std::string& path, int page, Inspected& out) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status(ErrorCode::kNotFound, path + ": not found");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIoError, path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  out.bytes = buffer.str();
  pdf::EnsurePopplerInitialized();
  Result<std::unique_ptr<PDFDoc>> opened = pdf::OpenPdf(out.bytes);
  if (!opened.ok()) return opened.status();
  out.doc = std::move(opened.value());
  const int pages = out.doc->getNumPages();
  if (page < 1 || page > pages) {
    return Status(ErrorCode::kInvalidArgument, path + ": page " + std::to_string(page) +
                                                   " out of range 1.." + std::to_string(pages));
  }
  pdf::PageCollector collector;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  if (!pdf::CollectPage(*out.doc, page, collector, deadline, &out.content)) {
    return Status(ErrorCode::kTimeout, path + ": page " + std::to_string(page) + " timed out");
  }
  out.analysis = pdf::AnalyzePage(out.content);
  return Status::Ok();
}

nlohmann::json BoxJson(const Box& box) {
  // Two decimals are plenty for points and keep the JSON diffable.
  auto r = [](double v) { return std::round(v * 100) / 100; };
  return nlohmann::json::array({r(box.x0), r(box.y0), r(box.x1), r(box.y1)});
}

nlohmann::json ParagraphJson(const Paragraph& p) {
  nlohmann::json j;
  j["text"] = p.text;
  j["role"] = std::string(ParagraphRoleName(p.role));
  j["heading_level"] = p.heading_level;
  if (p.provenance.box) j["box"] = BoxJson(*p.provenance.box);
  return j;
}

void StrokeBox(cairo_t* cr, const Box& box, double scale) {
  cairo_rectangle(cr, box.x0 * scale, box.y0 * scale, std::max(box.width() * scale, 1.0),
                  std::max(box.height() * scale, 1.0));
  cairo_stroke(cr);
}

}  // namespace

Result<std::string> InspectPageJson(const std::string& path, int page) {
  Inspected in;
  Status status = Load(path, page, in);
  if (!status.ok()) return status;
  const Page& p = in.content.page;
  nlohmann::json j;
  j["page"] = p.number;
  j["width"] = p.width;
  j["height"] = p.height;
  j["rotation"] = p.rotation;
  j["glyph_count"] = p.glyph_count;
  j["undecodable_glyph_count"] = p.undecodable_glyph_count;
  j["needs_ocr"] = p.needs_ocr;
  nlohmann::json glyphs = nlohmann::json::array();
  for (const pdf::Glyph& g : in.content.glyphs) {
    glyphs.push_back({{"text", g.text},
                      {"box", BoxJson(g.box)},
                      {"font", g.font_name},
                      {"size", std::round(g.font_size * 100) / 100},
                      {"rotation", g.rotation},
                      {"undecodable", g.undecodable}});
  }
  j["glyphs"] = std::move(glyphs);
  nlohmann::json rules = nlohmann::json::array();
  for (const pdf::Rule& r : in.content.rules) rules.push_back(BoxJson(r.box));
  j["rules"] = std::move(rules);
  nlohmann::json tables = nlohmann::json::array();
  for (const pdf::DetectedTable& t : in.analysis.tables) {
    nlohmann::json cells = nlohmann::json::array();
    for (const TableCell& c : t.table.cells) {
      nlohmann::json cell = {{"row", c.row},
                             {"column", c.column},
                             {"row_span", c.row_span},
                             {"column_span", c.column_span},
                             {"text", c.text}};
      if (c.provenance.box) cell["box"] = BoxJson(*c.provenance.box);
      cells.push_back(std::move(cell));
    }
    tables.push_back({{"box", BoxJson(t.box)},
                      {"rows", t.table.row_count},
                      {"columns", t.table.column_count},
                      {"ruled", t.table.ruled},
                      {"cells", std::move(cells)}});
  }
  j["tables"] = std::move(tables);
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const Paragraph& para : in.analysis.layout.paragraphs)
    paragraphs.push_back(ParagraphJson(para));
  j["paragraphs"] = std::move(paragraphs);
  nlohmann::json furniture = nlohmann::json::array();
  for (const Paragraph& para : in.analysis.layout.furniture)
    furniture.push_back(ParagraphJson(para));
  j["furniture"] = std::move(furniture);
  // Glyph text is sanitised UTF-8, but replace rather than throw if not.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Status RenderInspection(const std::string& path, int page, const std::string& png_path) {
  Inspected in;
  Status status = Load(path, page, in);
  if (!status.ok()) return status;

  SplashColor paper;
  paper[0] = paper[1] = paper[2] = 255;
  SplashOutputDev splash(splashModeRGB8, 4, false, paper);
  splash.startDoc(in.doc.get());
  in.doc->displayPage(&splash, page, kDpi, kDpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                      /*printing=*/false);
  SplashBitmap* bitmap = splash.getBitmap();
  if (bitmap == nullptr || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) {
    return Status(ErrorCode::kInternal,
                  path + ": page " + std::to_string(page) + " did not render");
  }
  const int width = bitmap->getWidth(), height = bitmap->getHeight();
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status(ErrorCode::kInternal, "cannot allocate a " + std::to_string(width) + "x" +
                                            std::to_string(height) + " image");
  }
  cairo_surface_flush(surface);
  unsigned char* pixels = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const SplashColorPtr source = bitmap->getDataPtr();
  const int row_size = bitmap->getRowSize();
  for (int y = 0; y < height; ++y) {
    const unsigned char* in_row = source + static_cast<std::ptrdiff_t>(y) * row_size;
    auto* out_row =
        reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      const unsigned char* px = in_row + 3 * x;
      out_row[x] =
          (0xFFu << 24) | (std::uint32_t{px[0]} << 16) | (std::uint32_t{px[1]} << 8) | px[2];
    }
  }
  cairo_surface_mark_dirty(surface);

  cairo_t* cr = cairo_create(surface);
  const double scale = kDpi / 72.0;
  cairo_set_line_width(cr, 1.0);
  cairo_set_source_rgba(cr, 0.1, 0.7, 0.1, 0.8);  // paragraphs: green
  for (const Paragraph& p : in.analysis.layout.paragraphs) {
    if (p.provenance.box) StrokeBox(cr, *p.provenance.box, scale);
  }
  cairo_set_source_rgba(cr, 0.6, 0.6, 0.1, 0.8);  // furniture: olive
  for (const Paragraph& p : in.analysis.layout.furniture) {
    if (p.provenance.box) StrokeBox(cr, *p.provenance.box, scale);
  }
  cairo_set_source_rgba(cr, 0.9, 0.1, 0.1, 0.8);  // rules: red
  for (const pdf::Rule& r : in.content.rules) StrokeBox(cr, r.box, scale);
  cairo_set_source_rgba(cr, 0.1, 0.2, 0.9, 0.8);  // table cells: blue
  for (const pdf::DetectedTable& t : in.analysis.tables) {
    for (const TableCell& c : t.table.cells) {
      if (c.provenance.box) StrokeBox(cr, *c.provenance.box, scale);
    }
  }
  cairo_destroy(cr);
  const cairo_status_t written = cairo_surface_write_to_png(surface, png_path.c_str());
  cairo_surface_destroy(surface);
  if (written != CAIRO_STATUS_SUCCESS) {
    return Status(ErrorCode::kIoError,
                  png_path + ": cannot write PNG: " + cairo_status_to_string(written));
  }
  return Status::Ok();
}

void SetPdfVerbose(bool verbose) {
  pdf::SetPopplerVerbose(verbose);
}

}  // namespace disclose
