// Private to normalize/: the row labels of summary and 三公 tables, recognised where OCR misread
// several characters of them. A summary lists its income sources and expenditure classes by
// name only, so a misread name keys no row and its amount is lost; on a degraded scan chi_sim
// misreads two or three characters of one label (五、数育支出, 几、了1生健康过出,
// 资源勘探了业们和息等支出), more than the one-character word repair (ocr_vocabulary.h) may put
// back.
//
//   NearestOcrRowLabel("五、数育支出", RowVocabulary::kSummary)           -> "教育支出"
//   NearestOcrRowLabel(":般公共质算资企", RowVocabulary::kSummary)        -> "一般公共预算资金"
//   NearestOcrRowLabel("土年结转结余", RowVocabulary::kSummary)           -> nullopt (上年 or
//   年终?)
//
// A label is taken only when it is clearly nearer than every label of another key: two labels
// that key the same row (一般公共预算资金 / 一般公共预算拨款) do not compete.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace disclose {

enum class LabelVocabulary {
  kSummaryRows,  // 收支总表 and 财政拨款收支总表: income sources, expenditure classes, totals
  kThreePublicRows,  // 三公 tables: 因公出国(境)费, 公务用车购置及运行费 …
  kColumns,  // amount columns: sources (一般公共预算收入 …) and parts (基本支出 …)
};

// The vocabulary label an OCR'd label `read` stands for: its characters (ideographs only,
// a misread ordinal before 、 dropped) share at least 60% of both lengths with the label (Dice
// over the longest common subsequence) and at least 0.1 more than with any label of another
// key. nullopt when `read` keys a row or column as printed, or no label is near enough.
std::optional<std::string> NearestOcrLabel(std::string_view read, LabelVocabulary vocabulary);

}  // namespace disclose
