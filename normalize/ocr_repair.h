// Private to normalize/: repair of OCR misreads by the accounting identities.
//
//   RepairOcrFigures(tables, findings);   // before ValidateTables
//
// When identities fail on figures read by OCR, and exactly one change of one
// character of one low-confidence figure (a confusable digit 3/8, 1/7,
// 0/6/8, 5/6; a lost or doubled digit; a misplaced or misread separator)
// makes every identity that figure takes part in hold, without breaking any
// other, the figure is corrected (amount_fen changed, corrected = true,
// printed_text kept as read) and an `ocr.repaired` finding quotes the reading,
// the correction and the identities that proved it. When several changes fit
// the same failing identities nothing is changed and `ocr.repair_ambiguous`
// lists them. Text-layer figures are never touched.
// A figure the OCR reader read twice with different results (an ocr_readings_differ warning
// among `reader_warnings`, docs/schema.md) has the second reading as its first candidate, of
// any length; when it closes the identities the one-character changes of that figure are not
// tried.
// First, a table's second readings are tried together: one reader that misreads a glyph of the
// font misreads it in a 项, its 款 and its 类 alike, and no one figure's change closes the total
// above them. They are taken (each with its `ocr.repaired` finding, "taken with N other(s)")
// when fewer identities fail, none that held breaks, each taken figure is held by an identity
// that holds, and a closed identity relates a figure whose reading was not changed.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// OCR figures at or above this confidence are taken as read.
constexpr int kRepairMaxConfidence = 97;

// The digits OCR takes `digit` for (the pairs Tesseract's Chinese models swap in grey, noisy or
// JPEG'd print: 1 and 4, 3 and 8 …); empty for a digit it does not confuse, or no digit.
std::u32string OcrConfusableDigits(char32_t digit);

// An OCR'd figure printed with one decimal where its table prints two (`3,166.6` among
// `17,021.30`, FindShortOcrFigures) has most often lost its last digit to a cut or a wrap, and
// its own coarse rounding keeps its identities held, so RepairOcrFigures' search never sees
// them fail. Each such figure is tried with each digit appended: a digit that makes an
// identity relating it exact (ValidateTables' reading doubts name the gap), with which every
// identity it takes part in holds at the table's precision and none newly fails, corrects it
// with an `ocr.repaired` finding; two such digits change nothing and `ocr.repair_ambiguous`
// quotes both. Figures in one identity are each proved with the others as read, then checked
// together. Called by RepairOcrFigures.
void RepairShortOcrFigures(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings);

void RepairOcrFigures(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings,
                      const std::vector<Warning>& reader_warnings = {});

}  // namespace disclose
