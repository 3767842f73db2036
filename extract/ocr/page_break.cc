// A table without rules cut by a page break between OCR'd pages (page_break.h).
#include "extract/ocr/page_break.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "extract/ocr/amount_reading.h"
#include "extract/ocr/cell_reading.h"
#include "extract/pdf/page_break_tables.h"

namespace disclose::ocr {
namespace {

// A cell as OCR read it, before the join.
struct Reading {
  int page = 0;
  Box box;
  std::string text;
  Provenance provenance;
};

std::vector<Reading> ReadingsOf(const pdf::PageAnalysis& analysis) {
  std::vector<Reading> readings;
  for (const pdf::DetectedTable& detected : analysis.tables) {
    for (const TableCell& cell : detected.table.cells) {
      if (!cell.provenance.box) continue;
      readings.push_back({cell.provenance.page, *cell.provenance.box, cell.text, cell.provenance});
    }
  }
  return readings;
}

bool SameBox(const Box& a, const Box& b) {
  constexpr double kTolerance = 0.5;  // points: the join moves boxes by a sum and back
  return std::abs(a.x0 - b.x0) <= kTolerance && std::abs(a.y0 - b.y0) <= kTolerance &&
         std::abs(a.x1 - b.x1) <= kTolerance && std::abs(a.y1 - b.y1) <= kTolerance;
}

bool Inside(const Box& outer, const Box& inner) {
  return inner.x0 >= outer.x0 - 0.5 && inner.y0 >= outer.y0 - 0.5 && inner.x1 <= outer.x1 + 0.5 &&
         inner.y1 <= outer.y1 + 0.5;
}

// Every cell of the page's tables: the reading it had when the join kept it,
// else OCR with its glyphs' least confidence.
void RestoreReadings(const pdf::PageContent& content, const std::vector<Reading>& readings,
                     pdf::PageAnalysis& analysis) {
  for (pdf::DetectedTable& detected : analysis.tables) {
    Table& table = detected.table;
    table.provenance.origin = TextOrigin::kOcr;
    int table_confidence = 100;
    for (TableCell& cell : table.cells) {
      cell.provenance.origin = TextOrigin::kOcr;
      if (cell.provenance.box) {
        const Box& box = *cell.provenance.box;
        auto kept = std::find_if(readings.begin(), readings.end(), [&](const Reading& r) {
          return r.page == cell.provenance.page && SameBox(r.box, box);
        });
        // A cell whose reading took in the rest of a wrapped amount under it (ReadWrappedRest)
        // has a box grown down over that rest: it holds the laid-out cell's box and shares its
        // top left corner.
        if (kept == readings.end()) {
          kept = std::find_if(readings.begin(), readings.end(), [&](const Reading& r) {
            return r.page == cell.provenance.page && Inside(r.box, box) &&
                   std::abs(r.box.x0 - box.x0) <= 0.5 && std::abs(r.box.y0 - box.y0) <= 0.5;
          });
        }
        if (kept != readings.end()) {
          cell.text = kept->text;
          cell.provenance = kept->provenance;
        } else if (!cell.text.empty()) {
          // The page pass's text of a cell the rejoin laid out anew: an amount in it gets the
          // grammar a cell's own reading gets ("22,570,605，" over "29" is 22,570,605.29; as
          // laid out it read digit for digit as 2,257,060,529, H27 s3w_0418_final).
          if (ShapeOf(cell.text) == CellShape::kAmount)
            cell.text = NormalizeAmountReading(cell.text);
          int confidence = -1;
          for (int index : detected.glyph_indices) {
            const pdf::Glyph& glyph = content.glyphs[static_cast<std::size_t>(index)];
            if (glyph.confidence < 0 || !Inside(box, glyph.box)) continue;
            confidence = confidence < 0 ? glyph.confidence : std::min(confidence, glyph.confidence);
          }
          cell.provenance.confidence = std::max(0, confidence);
        }
      }
      if (!cell.text.empty() && cell.provenance.confidence >= 0) {
        table_confidence = std::min(table_confidence, cell.provenance.confidence);
      }
    }
    table.provenance.confidence = table_confidence;
  }
}

}  // namespace

bool RejoinOcrTableAcrossPageBreak(const pdf::PageContent& upper_content, pdf::PageAnalysis& upper,
                                   const pdf::PageContent& lower_content,
                                   pdf::PageAnalysis& lower) {
  const std::vector<Reading> upper_readings = ReadingsOf(upper);
  const std::vector<Reading> lower_readings = ReadingsOf(lower);
  if (!pdf::RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower)) return false;
  RestoreReadings(upper_content, upper_readings, upper);
  RestoreReadings(lower_content, lower_readings, lower);
  MarkOcrParagraphs(upper_content, upper);
  MarkOcrParagraphs(lower_content, lower);
  return true;
}

}  // namespace disclose::ocr
