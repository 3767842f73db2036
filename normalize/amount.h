// Exact parsing of printed amounts into integer fen.
//
// Accepts every form the documents print: thousands separators (ASCII and
// full-width), full-width digits, a trailing 万元 / 元 / 万, negatives as -x,
// −x or (x) / （x）, and surrounding spaces. Blanks, "-", "—", "/" and similar
// placeholders are "not a figure", which is different from zero.
//
//   AmountText amount = ParseAmountText("4,964,173.05");
//   amount.kind == AmountKind::kNumber;  amount.mantissa == 496417305; decimals == 2
//   std::optional<int64_t> fen = ToFen(amount, UnitOfAmount::kYuan);   // 496417305
//   ToFen(ParseAmountText("263.33"), UnitOfAmount::kWanYuan);          // 263330000
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/normalized.h"

namespace disclose {

enum class AmountKind {
  kBlank,      // empty, "-", "—", "/", "－", "——": not a figure
  kNumber,     // a decimal number
  kNotNumber,  // text that is not an amount (labels, "—" inside words, ...)
};

struct AmountText {
  AmountKind kind = AmountKind::kBlank;
  std::int64_t mantissa = 0;                          // signed digits without the decimal point
  int decimals = 0;                                   // digits after the point as printed
  UnitOfAmount suffix_unit = UnitOfAmount::kUnknown;  // 万元/万 or 元 printed with the number
  bool percent = false;                               // "98.12%": a ratio, never money
  // Thousands separators not three digits apart ("3,279,76", "1,2345.00"):
  // still read digit for digit, but the number was probably broken (a cell
  // split by a page break) or misprinted, so it is not to be trusted silently.
  bool irregular_grouping = false;
};

AmountText ParseAmountText(std::string_view text);

// The amount in fen when the number is read in `unit` (a suffix unit wins over
// it). nullopt when the unit is unknown, the value is not exact in fen (more
// than 2 decimals in yuan, more than 6 in 万元) or it would overflow.
std::optional<std::int64_t> ToFen(const AmountText& amount, UnitOfAmount unit);

// Half a unit of the last printed digit, in fen: the rounding a printed value
// may carry. "263.33" in 万元 -> 5000 fen (0.005 万元); "12.5" in 元 -> 5 fen.
std::int64_t PrintedPrecisionFen(const AmountText& amount, UnitOfAmount unit);

}  // namespace disclose
