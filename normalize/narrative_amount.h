// Private to normalize/narrative.cc and validate.cc: reading an amount as the
// narrative prints it ("7,979.55 万元", "3.85元", "1.2亿元"), in its printed
// unit or in another one (to explain a misprinted unit).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/normalized.h"

namespace disclose {

// The unit a narrative number was printed with; 亿元 exists only in prose.
enum class NarrativeUnit { kUnknown, kYuan, kWanYuan, kYiYuan };

struct NarrativeAmount {
  std::int64_t fen = 0;
  std::int64_t half_unit_fen = 0;  // rounding the printed digits may carry
  NarrativeUnit unit = NarrativeUnit::kUnknown;
};

// Parses "7,979.55 万元" / "3.85元" / "1.2亿元"; nullopt when not an amount.
std::optional<NarrativeAmount> ParseNarrativeAmount(std::string_view printed_text);
// The printed number read in `unit` instead of the printed one.
std::optional<NarrativeAmount> ReadNarrativeAmountAs(std::string_view printed_text,
                                                     NarrativeUnit unit);
UnitOfAmount ToUnitOfAmount(NarrativeUnit unit);
const char* NarrativeUnitText(NarrativeUnit unit);  // "元", "万元", "亿元"

}  // namespace disclose
