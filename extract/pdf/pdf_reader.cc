// ReadPdf: Poppler interprets each page into a PageCollector; layout.cc and
// the table detector turn the page into Blocks; this file orders them, links
// tables across pages and fills Source, Pages and Warnings.
#include <PDFDoc.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/extract.h"
#include "extract/ocr/ocr_page.h"
#include "extract/ocr/page_break.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_break_tables.h"
#include "extract/pdf/page_collector.h"
#include "extract/pdf/poppler_init.h"

namespace disclose {
namespace {

// /Info strings are PDFDocEncoding or UTF-16BE with a BOM.
std::string InfoStringToUtf8(const GooString* value) {
  if (value == nullptr) return {};
  const std::string& raw = value->toStr();
  std::string out;
  if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE &&
      static_cast<unsigned char>(raw[1]) == 0xFF) {
    for (std::size_t i = 2; i + 1 < raw.size(); i += 2) {
      char32_t unit =
          (static_cast<unsigned char>(raw[i]) << 8) | static_cast<unsigned char>(raw[i + 1]);
      if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < raw.size()) {
        const char32_t low =
            (static_cast<unsigned char>(raw[i + 2]) << 8) | static_cast<unsigned char>(raw[i + 3]);
        if (low >= 0xDC00 && low < 0xE000) {
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      }
      if (unit != 0) AppendUtf8(out, unit);
    }
  } else {
    // Close enough to PDFDocEncoding for producer names, which are ASCII.
    for (unsigned char c : raw) {
      if (c != 0) AppendUtf8(out, c);
    }
  }
  return SanitizeUtf8(Trim(out));
}

// Charges the blocks a page added to the model budget.
bool ChargeBlocks(const Document& doc, std::size_t first, ModelBudget& budget) {
  for (std::size_t k = first; k < doc.blocks.size(); ++k) {
    const Table* table = doc.blocks[k].AsTable();
    const bool within = table != nullptr
                            ? budget.AddCells(static_cast<std::int64_t>(table->cells.size()))
                            : budget.AddParagraphs(1);
    if (!within) return false;
  }
  return true;
}

// What the per-page caps cut, said on the page it happened: a page read in part
// must never pass for a page read whole.
void WarnAboutCaps(const pdf::PageContent& content, int number, Document& doc) {
  auto warn = [&](std::string message) {
    Warning warning{"page_truncated", std::move(message), {}};
    warning.provenance.page = number;
    doc.warnings.push_back(std::move(warning));
  };
  if (content.dropped_glyphs > 0) {
    warn(std::to_string(content.dropped_glyphs) + " glyphs past the page's limit of " +
         std::to_string(pdf::kMaxGlyphsPerPage) + " were not read");
  }
  if (content.dropped_rules > 0) {
    warn("drawn lines past the page's limit of " + std::to_string(pdf::kMaxRulesPerPage) +
         " were not read");
  }
  if (content.rules.size() > pdf::kMaxRulesForTables) {
    warn(std::to_string(content.rules.size()) + " drawn lines (a chart or hatching?): over " +
         std::to_string(pdf::kMaxRulesForTables) +
         ", so ruled tables were not searched on this page");
  }
}

// "1-3, 7" for pages 1, 2, 3, 7.
std::string PageList(const std::vector<int>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size();) {
    std::size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "-" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

// A page read and analysed whose blocks are not appended yet.
struct HeldPage {
  pdf::PageContent content;
  pdf::PageAnalysis analysis;
  int number = 0;  // 0: none held
  // Where its tables' warnings go in doc.warnings: after the page's own
  // warnings and before the next page's, as if it had been appended at once.
  std::size_t warning_position = 0;
};

// Appends the held page's tables' warnings and blocks; false past the model
// budget.
bool AppendHeldPage(HeldPage& held, Document& doc, ModelBudget& budget) {
  std::vector<Warning> warnings;
  for (pdf::DetectedTable& table : held.analysis.tables) {
    for (Warning& warning : table.warnings) {
      warning.provenance.page = held.number;
      warnings.push_back(std::move(warning));
    }
  }
  doc.warnings.insert(doc.warnings.begin() + static_cast<std::ptrdiff_t>(held.warning_position),
                      std::make_move_iterator(warnings.begin()),
                      std::make_move_iterator(warnings.end()));
  const std::size_t first_new_block = doc.blocks.size();
  pdf::AppendPageBlocks(held.number, held.analysis, doc);
  held.number = 0;
  return ChargeBlocks(doc, first_new_block, budget);
}

// One OCR page may take this long; a page past it keeps its page_needs_ocr
// warning and the document goes on.
constexpr int kOcrSecondsPerPage = 300;

}  // namespace

Result<Document> ReadPdf(std::string_view bytes, std::string name, const ExtractOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = options.timeout_seconds > 0
                            ? start + std::chrono::seconds(options.timeout_seconds)
                            : std::chrono::steady_clock::time_point::max();
  if (bytes.size() > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge, "PDF read error: " + name + ": " +
                                            std::to_string(bytes.size()) + " bytes exceeds the " +
                                            std::to_string(options.max_input_bytes) + " limit");
  }
  pdf::EnsurePopplerInitialized();
  pdf::PopplerErrorScope errors;

  Document doc;
  doc.source.name = std::move(name);
  doc.source.format = SourceFormat::kPdf;
  doc.source.size_bytes = bytes.size();
  doc.source.sha256 = Sha256Hex(bytes);

  Result<std::unique_ptr<PDFDoc>> opened = pdf::OpenPdf(bytes);
  if (!opened.ok()) return opened.status();
  PDFDoc& pdf = *opened.value();
  pdf::DisableOutputIntents(pdf);  // nothing is rendered: skip lcms set-up on every page
  if (std::unique_ptr<GooString> producer = pdf.getDocInfoStringEntry("Producer")) {
    doc.source.producer = InfoStringToUtf8(producer.get());
  }

  const int page_count = pdf.getNumPages();
  ModelBudget budget(options.limits);
  // Refused before any page is read: the page tree says how large the document is.
  if (!budget.AddPages(page_count)) {
    return budget.Exceeded("PDF read error: " + doc.source.name);
  }
  doc.pages.reserve(static_cast<std::size_t>(page_count));
  pdf::PageCollector collector;
  pdf::PageContent content;
  HeldPage held;
  int undecodable_total = 0, glyph_total = 0;
  std::vector<int> ocr_skipped;  // pages that needed OCR and were not read by it
  std::vector<int> ocr_out_of_time;
  // OCR stops when three quarters of the timeout are spent, so the text of the
  // remaining pages is still read and the document is not lost whole.
  const auto ocr_deadline = options.timeout_seconds > 0
                                ? start + std::chrono::milliseconds(750LL * options.timeout_seconds)
                                : std::chrono::steady_clock::time_point::max();
  for (int number = 1; number <= page_count; ++number) {
    if (!pdf::CollectPage(pdf, number, collector, deadline, &content)) {
      return Status(ErrorCode::kTimeout, "PDF read error: " + doc.source.name + ": gave up after " +
                                             std::to_string(options.timeout_seconds) +
                                             " s at page " + std::to_string(number));
    }
    WarnAboutCaps(content, number, doc);
    if (!budget.AddGlyphs(content.page.glyph_count)) {
      return budget.Exceeded("PDF read error: " + doc.source.name);
    }
    pdf::PageAnalysis analysis = pdf::AnalyzePage(content);
    std::string ocr_error;
    if (content.page.needs_ocr && options.enable_ocr &&
        std::chrono::steady_clock::now() >= ocr_deadline) {
      ocr_out_of_time.push_back(number);
    } else if (content.page.needs_ocr && options.enable_ocr) {
      const auto page_deadline =
          std::min(ocr_deadline,
                   std::chrono::steady_clock::now() + std::chrono::seconds(kOcrSecondsPerPage));
      const ocr::PageOcr ocr = ocr::OcrPdfPage(pdf, number, page_deadline, content, analysis);
      if (ocr.ok) {
        Warning warning{
            "page_ocr",
            "read by OCR (" + std::to_string(ocr.glyphs) + " characters at " +
                std::to_string(ocr.dpi) + " dpi" +
                (ocr.orientation != 0 ? ", scanned rotated " + std::to_string(ocr.orientation) + "°"
                                      : std::string()) +
                (ocr.cells_not_reread > 0
                     ? "; " + std::to_string(ocr.cells_not_reread) +
                           " cells not read again, out of time: their figures carry the page "
                           "reading's confidence"
                     : std::string()) +
                ")",
            {}};
        warning.provenance.page = number;
        warning.provenance.origin = TextOrigin::kOcr;
        doc.warnings.push_back(std::move(warning));
        doc.warnings.insert(doc.warnings.end(), ocr.warnings.begin(), ocr.warnings.end());
      } else {
        ocr_error = ocr.error;
      }
    }
    const Page& page = content.page;
    glyph_total += page.glyph_count;
    undecodable_total += page.undecodable_glyph_count;
    if (page.needs_ocr && page.text_origin != TextOrigin::kOcr) {
      ocr_skipped.push_back(number);
      const bool garbled =
          page.glyph_count > 0 && page.undecodable_glyph_count * 10 > page.glyph_count * 3;
      Warning warning{"page_needs_ocr",
                      garbled ? std::to_string(page.undecodable_glyph_count) + " of " +
                                    std::to_string(page.glyph_count) + " glyphs have no Unicode"
                              : "page text is in images (" + std::to_string(page.glyph_count) +
                                    " glyphs in the text layer)",
                      {}};
      if (!ocr_error.empty()) warning.message += "; OCR failed: " + ocr_error;
      warning.provenance.page = number;
      doc.warnings.push_back(std::move(warning));
    }
    doc.pages.push_back(page);
    // A page's blocks are appended once the next page is read: a table
    // without rules cut by the break is read across it first.
    if (held.number > 0) {
      if (held.content.page.text_origin == TextOrigin::kOcr) {
        ocr::RejoinOcrTableAcrossPageBreak(held.content, held.analysis, content, analysis);
      } else {
        pdf::RejoinTableAcrossPageBreak(held.content, held.analysis, content, analysis);
      }
      if (!AppendHeldPage(held, doc, budget)) {
        return budget.Exceeded("PDF read error: " + doc.source.name);
      }
    }
    std::swap(held.content, content);
    held.analysis = std::move(analysis);
    held.number = number;
    held.warning_position = doc.warnings.size();
  }
  if (held.number > 0 && !AppendHeldPage(held, doc, budget)) {
    return budget.Exceeded("PDF read error: " + doc.source.name);
  }
  pdf::MoveRepeatedRunningHeads(doc);
  pdf::MarkContinuations(doc);

  if (!ocr_out_of_time.empty()) {
    doc.warnings.push_back(
        {"ocr_skipped",
         "OCR stopped at three quarters of the " + std::to_string(options.timeout_seconds) +
             " s timeout: page" + std::string(ocr_out_of_time.size() > 1 ? "s " : " ") +
             PageList(ocr_out_of_time) + " not read (raise --timeout; OCR takes seconds a page)",
         {}});
  }
  if (!ocr_skipped.empty() && !options.enable_ocr) {
    doc.warnings.push_back({"ocr_skipped",
                            "OCR is off (--no-ocr): page" +
                                std::string(ocr_skipped.size() > 1 ? "s " : " ") +
                                PageList(ocr_skipped) + " not read",
                            {}});
  }
  if (undecodable_total > 0) {
    doc.warnings.push_back({"undecodable_glyphs",
                            std::to_string(undecodable_total) + " of " +
                                std::to_string(glyph_total) +
                                " glyphs could not be mapped to Unicode (kept as U+FFFD)",
                            {}});
  }
  if (errors.count() > 0) {
    doc.warnings.push_back(
        {"pdf_damage",
         std::to_string(errors.count()) +
             " PDF syntax errors recovered; first: " + SanitizeUtf8(errors.first_message()),
         {}});
  }
  return doc;
}

}  // namespace disclose
