// Private to normalize/: a reader's doubt about one table cell, as a finding
// that names the cell.
//
// The PDF reader reports a cell it could not place with confidence as a
// document warning with the page and box of the printed text (an amount whose
// digits straddle two columns, two numbers joined in one cell, a number cut,
// a wrapped piece that could complete two amounts: docs/schema.md). The
// warning alone says where on the page; a person and a validator need which
// figure. ReportCellWarnings finds the figures whose cells hold that text and
// writes a `cell.ambiguous` finding naming them (table kind, row code,
// column, amount) and quoting the printed text.
//
//   ReportCellWarnings(document, normalized.tables, normalized.findings);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// Whether `code` is a reader warning about one table cell.
bool IsCellWarning(const std::string& code);

// One `cell.ambiguous` finding per cell warning of `document` with a box: its
// figures are those of `tables` on the warning's page whose cell box overlaps
// the warning's box; none when the text made no figure (the message still
// quotes it and the row it was printed in).
void ReportCellWarnings(const Document& document, const std::vector<CanonicalTable>& tables,
                        std::vector<Finding>& findings);

// An OCR'd figure printed with one decimal in a table whose other figures print two
// (`4,005.3` among `6,123.81`): a scan cuts a wrapped or clipped last digit (4,005.37 with its
// 7 wrapped onto the next line), and the figure is off by up to 0.09 of the table's unit while
// an identity's tolerance (the short figure's half-unit) may hide it. One `ocr.short_amount`
// warning per table names those figures and quotes them, unless the repair corrected them.
// A text layer prints what the publisher typed and is not doubted.
void ReportShortOcrAmounts(const std::vector<CanonicalTable>& tables,
                           std::vector<Finding>& findings);

// ReportShortOcrAmounts' figures in one table, which are also the OCR repair's suspects
// (ocr_repair.h): `at` holds the (row, value) indices of each OCR'd figure printed with one
// decimal, not yet corrected, when the table prints enough others with two that two is its
// precision, and is empty otherwise. The repair changes figures and asks twice as many
// two-decimal figures as short ones; a warning changes nothing and asks as many (H17
// s3w_0266_budget: four of eight figures of a torn summary short, 3,516,571.1 for .17, and
// unnamed).
enum class ShortFigureBar { kRepair, kReport };
struct ShortOcrFigures {
  std::vector<std::pair<std::size_t, std::size_t>> at;
  int two_decimals = 0;  // the table's OCR'd figures printed with two decimals
};
ShortOcrFigures FindShortOcrFigures(const CanonicalTable& table,
                                    ShortFigureBar bar = ShortFigureBar::kRepair);

// An OCR'd summary with a cell that prints a label, an amount and another label
// (`一、一般公共预算拨款收入14,579,683，科学技术支出` beside `4,796,770.9`): the scan read the
// cells of two columns as one, and which side or column each amount belongs to the grid no
// longer says. One `ocr.merged_cells` warning per such table names its figures.
void ReportOcrSummaryLabelsWithAmounts(const Document& document,
                                       const std::vector<CanonicalTable>& tables,
                                       std::vector<Finding>& findings);

}  // namespace disclose
