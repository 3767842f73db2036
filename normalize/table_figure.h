// Private to normalize/: one amount cell of a canonical table's row made a
// Figure, the same way for every rows reader (table_rows.cc for the standard
// tables, table_performance.cc for performance tables): its fen in the
// table's unit, its printed text and unit, and the findings a cell that is not
// exact money earns.
//
//   const AmountText amount = ParseAmountText(text);
//   if (std::optional<Figure> figure = FigureOfCell(
//           table, row, "total", text, amount, provenance, table_index, findings)) {
//     row.values.push_back(std::move(*figure));
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalized.h"
#include "normalize/amount.h"

namespace disclose {

// The figure of a number cell (the caller has set blanks, percentages and
// text aside). nullopt, with `amount.unparsed`, when the number is not exact in
// fen in the table's unit; a number printed with its thousands separators in
// the wrong places is read digit for digit and said (`amount.irregular_grouping`).
std::optional<Figure> FigureOfCell(const CanonicalTable& table, const CanonicalRow& row,
                                   const std::string& column, const std::string& text,
                                   const AmountText& amount, const Provenance& provenance,
                                   int table_index, std::vector<Finding>& findings);

// An OCR'd amount cell that prints a character a Chinese recogniser reads for a digit (了 for
// 7, O or 〇 for 0, l, I or 丨 for 1: s3w_0050_budget's 了04.71): the amount with those
// characters read as the digits, when that is money as printed (grouped by three or not at
// all, two decimals) and nothing else in the cell is a letter; nullopt otherwise.
//
//   WithOcrDigitLookalikesRead("了04.71")   -> "704.71"
//   WithOcrDigitLookalikesRead("了生健康")  -> nullopt
std::optional<std::string> WithOcrDigitLookalikesRead(std::string_view text);

// An OCR'd amount cell whose point and comma were read the other way round (1.521,10 for
// 1,521.10: at scan resolution the two marks differ by a tail), grouped by three with points
// and two decimals after a comma, as no Chinese document prints: the amount with the two
// swapped; nullopt otherwise. The digits and their value are those the printed amount has.
//
//   WithOcrSwappedSeparatorsRead("1.521,10")      -> "1,521.10"
//   WithOcrSwappedSeparatorsRead("12.345.678,09") -> "12,345,678.09"
//   WithOcrSwappedSeparatorsRead("1,521.10")      -> nullopt
std::optional<std::string> WithOcrSwappedSeparatorsRead(std::string_view text);

// The digit a Chinese recogniser reads `c` for (了 7, O or 〇 0, l, I or 丨 1); 0 for any other
// character.
char OcrLookalikeDigit(char32_t c);

}  // namespace disclose
