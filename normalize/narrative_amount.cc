#include "normalize/narrative_amount.h"

#include <limits>
#include <string>

#include "core/text.h"
#include "normalize/amount.h"

namespace disclose {
namespace {

// Splits the printed unit off the number; 亿元 is not handled by amount.h.
NarrativeUnit SplitUnit(std::string& folded) {
  auto strip = [&folded](std::string_view suffix) {
    if (!EndsWith(folded, suffix)) return false;
    folded.resize(folded.size() - suffix.size());
    return true;
  };
  if (strip("亿元")) return NarrativeUnit::kYiYuan;
  if (strip("万元") || strip("万")) return NarrativeUnit::kWanYuan;
  if (strip("元")) return NarrativeUnit::kYuan;
  return NarrativeUnit::kUnknown;
}

std::optional<NarrativeAmount> Read(std::string_view number_text, NarrativeUnit unit) {
  AmountText amount = ParseAmountText(number_text);
  if (amount.kind != AmountKind::kNumber || amount.percent) return std::nullopt;
  NarrativeAmount out;
  out.unit = unit;
  if (unit == NarrativeUnit::kYiYuan) {
    // 1 亿元 = 10,000 万元: read in 万元, then scale.
    std::optional<std::int64_t> wan = ToFen(amount, UnitOfAmount::kWanYuan);
    if (!wan || *wan > std::numeric_limits<std::int64_t>::max() / 10000 ||
        *wan < std::numeric_limits<std::int64_t>::min() / 10000) {
      return std::nullopt;
    }
    out.fen = *wan * 10000;
    out.half_unit_fen = PrintedPrecisionFen(amount, UnitOfAmount::kWanYuan) * 10000;
    if (amount.decimals >= 6) out.half_unit_fen = 0;
    return out;
  }
  UnitOfAmount u = ToUnitOfAmount(unit);
  if (u == UnitOfAmount::kUnknown) return std::nullopt;
  std::optional<std::int64_t> fen = ToFen(amount, u);
  if (!fen) return std::nullopt;
  out.fen = *fen;
  out.half_unit_fen = PrintedPrecisionFen(amount, u);
  return out;
}

}  // namespace

UnitOfAmount ToUnitOfAmount(NarrativeUnit unit) {
  switch (unit) {
    case NarrativeUnit::kYuan: return UnitOfAmount::kYuan;
    case NarrativeUnit::kWanYuan: return UnitOfAmount::kWanYuan;
    default: return UnitOfAmount::kUnknown;
  }
}

const char* NarrativeUnitText(NarrativeUnit unit) {
  switch (unit) {
    case NarrativeUnit::kYuan: return "元";
    case NarrativeUnit::kWanYuan: return "万元";
    case NarrativeUnit::kYiYuan: return "亿元";
    default: return "";
  }
}

std::optional<NarrativeAmount> ParseNarrativeAmount(std::string_view printed_text) {
  std::string folded = RemoveAllWhitespace(FoldForMatching(printed_text));
  NarrativeUnit unit = SplitUnit(folded);
  if (unit == NarrativeUnit::kUnknown) return std::nullopt;
  return Read(folded, unit);
}

std::optional<NarrativeAmount> ReadNarrativeAmountAs(std::string_view printed_text,
                                                     NarrativeUnit unit) {
  std::string folded = RemoveAllWhitespace(FoldForMatching(printed_text));
  SplitUnit(folded);
  return Read(folded, unit);
}

}  // namespace disclose
