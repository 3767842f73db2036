// disclose_ocr_inspect: what the OCR reader sees on one page of a PDF, as JSON:
// the glyphs OCR gave (text, box in points, confidence), the rules morphology
// found, and the tables and paragraphs built from them. `disclose inspect`
// shows a page's text layer; this shows the reading that replaces it on a
// scanned page. A development tool (not installed), for tuning the OCR grid.
//
//   disclose_ocr_inspect SCAN.pdf PAGE > page.json
//   disclose_ocr_inspect SCAN.pdf PAGE --symbols   # Tesseract's own symbols, one a line
#include <PDFDoc.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "extract/ocr/ocr_engine.h"
#include "extract/ocr/ocr_page.h"
#include "extract/ocr/page_image.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_collector.h"
#include "extract/pdf/poppler_init.h"

namespace {

nlohmann::json BoxJson(const disclose::Box& box) {
  auto r = [](double v) { return std::round(v * 100) / 100; };
  return nlohmann::json::array({r(box.x0), r(box.y0), r(box.x1), r(box.y1)});
}

}  // namespace

int main(int argc, char** argv) {
  using namespace disclose;
  if (argc != 3 && !(argc == 4 && std::string(argv[3]) == "--symbols")) {
    std::cerr << "usage: disclose_ocr_inspect FILE.pdf PAGE [--symbols]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  pdf::EnsurePopplerInitialized();
  Result<std::unique_ptr<PDFDoc>> opened = pdf::OpenPdf(bytes);
  if (!opened.ok()) {
    std::cerr << opened.status().ToString() << "\n";
    return 1;
  }
  const int page = std::stoi(argv[2]);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(600);
  pdf::PageCollector collector;
  pdf::PageContent content;
  if (page < 1 || page > opened.value()->getNumPages() ||
      !pdf::CollectPage(*opened.value(), page, collector, deadline, &content)) {
    std::cerr << "page " << page << " cannot be read\n";
    return 1;
  }
  if (argc == 4) {
    // The page pass as Tesseract gives it: symbol, its box, its word's box, its line.
    const int dpi = ocr::ChooseDpi(content);
    ocr::PreparedImage prepared =
        ocr::PrepareImage(ocr::RenderPage(*opened.value(), page, dpi, deadline), dpi);
    ocr::Ruling ruling = ocr::SeparateRulingLines(prepared.binary.get(), dpi, prepared.faint.get());
    std::string error;
    ocr::Engine* engine = ocr::Engine::ForThisThread(&error);
    if (engine == nullptr) {
      std::cerr << error << "\n";
      return 1;
    }
    for (const ocr::Symbol& s : engine->RecognizePage(ruling.text.get(), dpi, deadline)) {
      std::cout << s.text << "\t" << s.x0 << "," << s.y0 << "," << s.x1 << "," << s.y1 << "\tword "
                << s.word << " " << s.word_x0 << "-" << s.word_x1 << "\tline " << s.line_top << "-"
                << s.line_bottom << "\tconf " << s.confidence << "\n";
    }
    return 0;
  }
  pdf::PageAnalysis analysis;
  const ocr::PageOcr result = ocr::OcrPdfPage(*opened.value(), page, deadline, content, analysis);
  if (!result.ok) {
    std::cerr << result.error << "\n";
    return 1;
  }
  nlohmann::json j;
  j["page"] = page;
  j["dpi"] = result.dpi;
  j["skew"] = result.skew_degrees;
  j["width"] = content.page.width;
  j["height"] = content.page.height;
  nlohmann::json glyphs = nlohmann::json::array();
  for (const pdf::Glyph& g : content.glyphs)
    glyphs.push_back({{"t", g.text}, {"b", BoxJson(g.box)}, {"c", g.confidence}});
  j["glyphs"] = std::move(glyphs);
  nlohmann::json rules = nlohmann::json::array();
  for (const pdf::Rule& r : content.rules) rules.push_back(BoxJson(r.box));
  j["rules"] = std::move(rules);
  nlohmann::json tables = nlohmann::json::array();
  for (const pdf::DetectedTable& t : analysis.tables) {
    nlohmann::json cells = nlohmann::json::array();
    for (const TableCell& c : t.table.cells) {
      nlohmann::json cell = {
          {"r", c.row}, {"c", c.column}, {"t", c.text}, {"conf", c.provenance.confidence}};
      if (c.row_span != 1) cell["rs"] = c.row_span;
      if (c.column_span != 1) cell["cs"] = c.column_span;
      if (c.provenance.box) cell["b"] = BoxJson(*c.provenance.box);
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
  for (const Paragraph& p : analysis.layout.paragraphs) {
    nlohmann::json para = {{"t", p.text}};
    if (p.provenance.box) para["b"] = BoxJson(*p.provenance.box);
    paragraphs.push_back(std::move(para));
  }
  j["paragraphs"] = std::move(paragraphs);
  std::cout << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}
