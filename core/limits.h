// Limits on the size of the document model, and the budget readers charge as they build it.
//
// Readers stream their input, but what they build must fit in memory beside the normalizer and
// the writer. Each limit is set some 10-20 times above the largest real disclosure we have read
// (../shared/corpus: 255 pages, 24,000 table cells, 160,000 glyphs, 2,300 paragraphs), so no real
// document comes near it, and a hostile or broken one (two million cells in a 400 KB DOCX, a
// 20 MB row of tabs) stops with `too_large` naming what it exceeded, long before memory runs out.
//
//   ModelBudget budget(options.limits);
//   for (each cell a reader makes) {
//     if (!budget.AddCells(1)) return budget.Exceeded("DOCX read error: " + name);
//   }
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace disclose {

struct ModelLimits {
  std::int64_t max_pages = 3000;
  std::int64_t max_cells = 500'000;
  std::int64_t max_paragraphs = 500'000;
  std::int64_t max_glyphs = 5'000'000;
  // Text-like inputs (text, markdown, HTML) are held whole while decoded; past this size they
  // are refused before being read. Real exports are under 1 MB.
  std::uint64_t max_text_input_bytes = 32ull << 20;
};

class ModelBudget {
 public:
  explicit ModelBudget(const ModelLimits& limits) : limits_(limits) {}

  // Each returns false once its count is past the limit, and keeps returning false.
  bool AddPages(std::int64_t n) { return Add(pages_, n, limits_.max_pages, "pages"); }
  bool AddCells(std::int64_t n) { return Add(cells_, n, limits_.max_cells, "table cells"); }
  bool AddParagraphs(std::int64_t n) {
    return Add(paragraphs_, n, limits_.max_paragraphs, "paragraphs");
  }
  bool AddGlyphs(std::int64_t n) { return Add(glyphs_, n, limits_.max_glyphs, "glyphs"); }

  bool exceeded() const { return !what_.empty(); }
  // kTooLarge naming the limit: "<prefix>: more than 500000 table cells (the model's limit)".
  Status Exceeded(const std::string& prefix) const;

 private:
  bool Add(std::int64_t& count, std::int64_t n, std::int64_t limit, const char* what);

  ModelLimits limits_;
  std::int64_t pages_ = 0, cells_ = 0, paragraphs_ = 0, glyphs_ = 0;
  std::string what_;
  std::int64_t limit_hit_ = 0;
};

}  // namespace disclose
