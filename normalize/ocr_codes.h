// Private to normalize/: the classification codes of OCR'd tables, read by both readers and
// settled by the code hierarchy. A 项 under 类 215 printed in a serif font comes out of chi_sim
// as 2130199 (5 read 3) and out of the second reader (eng) as 2150199; the extractor keeps the
// first reading and warns (ocr_readings_differ). A code belongs under the 类 or 款 above it, so
// where the first reading leaves that parent and the second falls under it, the second is the
// code as printed, and the row keeps its figures instead of becoming a stray 213 row.
//
//   215 | 资源勘探工业信息等支出          215 | …
//   21501 | 资源勘探开发          ->      21501 | …
//   2130199 | 其他资源勘探业支出          2150199 | …   (the warning says the second was taken)
//
//   Document settled = WithOcrCodesSettledByHierarchy(document);
#pragma once

#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// A copy of `document` in which every OCR'd table cell holding a code alone (3, 5 or 7 digits)
// that the two readers read differently takes the second reading when the nearest shorter code
// above it in its column (its 类 for a 款, its 款 for a 项) heads the second reading and not
// the first; its ocr_readings_differ warning then says the second was taken and why. Nothing
// changes when both readings, or neither, fall under that code, or no such code is above.
Document WithOcrCodesSettledByHierarchy(const Document& document);

// A 款 code read by OCR in its place as a sibling (20111 纪检监察事务 read 20101, the code of
// 人大事务, H32 s3w_0506_budget's income table: its figures went silently to a row the document
// does not print), where another table of the document keys a row of that name under the same class
// with the sibling's code, and the classification names the sibling so and not the code read: the
// row takes the sibling's code, and so do its 项 rows (2010101 -> 2011101), with an
// `ocr.code_inferred` finding. Without a second table to agree, or where the classification
// names the code read so (an edition that numbered it otherwise), the code stays as read.
//
//   SettleOcrCodesAcrossTables(normalized.tables, normalized.findings);  // after BuildTables
void SettleOcrCodesAcrossTables(std::vector<CanonicalTable>& tables,
                                std::vector<Finding>& findings);

// An economic 款 code (3xxxx) read by OCR that no edition of the economic classification has
// (劳务费 read 30220 for 30226, a real page's scan at 300 dpi: its figures went to a row the
// document does not print), where the row's name is the classification's name of exactly one code
// one digit away from the reading, and the table keys no row with that code: the row takes that
// code, with an `ocr.code_inferred` finding. A reading some edition has stays as read (a publisher
// may print an older edition's numbering). So, too, for an OCR'd row whose code was not read at
// all (生活补助 with no code under 303, cq_city_govoffice p18: its figures exported unkeyed and
// 303's children one short): the code of the class of the coded row above it that the
// classification names so; the table's row.unkeyed finding is then said again without it.
//
//   SettleOcrEconomicCodesByName(normalized.tables, normalized.findings);  // after BuildTables
void SettleOcrEconomicCodesByName(std::vector<CanonicalTable>& tables,
                                  std::vector<Finding>& findings);

// A 三公 table read by OCR whose rows key every item of its total but one, with exactly one row
// that keys nothing (公务接待费 read 愉权吐训中, H36 s3w_0572_budget): where that row's figures
// are, column by column, what the total leaves over the items keyed, the row is the missing item
// and takes its key, with an `ocr.label_matched` finding naming the identity; the table's
// row.unkeyed finding is said again without it. Anything else stays as read.
//
//   SettleOcrThreePublicRowByIdentity(normalized.tables, normalized.findings);  // after
//   BuildTables
void SettleOcrThreePublicRowByIdentity(std::vector<CanonicalTable>& tables,
                                       std::vector<Finding>& findings);

}  // namespace disclose
