// Private to extract/ocr: what an OCR reading of a cell looks like, and the
// amount grammar that puts its marks right. Tesseract reads a thousands comma
// as a point as often as not, doubles marks, and wraps a narrow cell's amount
// over lines; these functions turn such a reading into the amount as printed,
// or leave it as read for the normalizer's findings.
//
//   ocr::NormalizeAmountReading("4,326,.964\n.75");   // "4,326,964.75"
//   ocr::IsWellFormedAmount("13.205.30");              // false
//   ocr::ShapeOf("S.93");                              // CellShape::kNearAmount
#pragma once

#include <string>
#include <string_view>

namespace disclose::ocr {

bool IsDigitLike(char32_t c);      // ASCII or full-width digit
bool IsSeparatorLike(char32_t c);  // a mark an amount reading may hold: . , - and the like
// A mark the page pass reads inside an amount word: . , ， ． - and ; ； (a comma read so).
bool IsAmountWordMark(char32_t c);

// How a cell's reading looks: an amount (digits and separators), nearly one
// (one or two misread characters among three or more digits, or marks only),
// a label, or nothing.
enum class CellShape { kEmpty, kAmount, kNearAmount, kLabel };
CellShape ShapeOf(std::string_view text);

// Thousands separators OCR read as points, put back: "13.205.30" ->
// "13,205.30", "9,.270.40" -> "9,270.40"; only runs shaped like a grouped
// amount with decimals change ("3.1.2" and codes stay).
std::string RepairSeparators(std::string_view text);

// An amount cell's OCR reading with its marks put right by the amount grammar
// (groups of three, one or two decimals, or four to six after a point: 万元
// printed to the yuan, "222,.817954" -> "222.817954"), its wrapped lines joined:
// "4,326,.964\n.75" -> "4,326,964.75", "4,095.,383\n.67" -> "4,095,383.67",
// "342，\n667，\n30" -> "342,667.30". No comma is added ("4964,173.05" stays
// irregular: a comma lost, or a mark read as a digit). A reading the grammar
// cannot place (a
// digit lost, "12.3456.78", a comma before the last two digits as in an
// amount cut by a page break, "3,27\n9,76") and two whole amounts on two
// lines come back as read, for the normalizer's findings and stitching.
std::string NormalizeAmountReading(std::string_view text);

// Whether `text` is an amount as printed: ASCII digits in groups of three
// between commas (or none), then one or two decimals (or four to six: 万元 to
// the yuan; three are as likely a misread comma); "-" in front. A run of
// digits wrapped over lines without marks (a code, "2101\n101", or a piece "01") is too. An
// amount with a point or commas never starts with a 0 before other digits.
bool IsWellFormedAmount(std::string_view text);

// An amount but for a thousands comma lost after its first digit: "1178,936.67" (1,178,936.67).
// The page pass reads such an amount with its other marks as points ("1178.936.67"), which no
// figure is; written with commas it is one, irregular, and the normalizer's finding names it.
bool IsWellFormedButForLeadingComma(std::string_view text);

// A label cell's OCR text without the rule remnants the engine reads at a
// line's ends: '|' and quotes no other quote in the line pairs with
// ("“基本支出" -> "基本支出", "款|" -> "款"; "“三公”经费" stays).
std::string StripRuleRemnants(std::string_view text);

}  // namespace disclose::ocr
