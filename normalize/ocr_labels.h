// Private to normalize/: the row labels of summary and 三公 tables and the column headers of
// standard tables, recognised where OCR misread several characters of them. A summary lists its
// income sources and expenditure classes by name only, and an income table names its sources
// in the header only, so a misread name keys no row or column and its amounts are lost; on a
// degraded scan chi_sim misreads two or three characters of one label (五、数育支出,
// 几、了1生健康过出, -般公共预/分收入), more than the one-character word repair
// (ocr_vocabulary.h) may put back.
//
//   NearestOcrLabel("五、数育支出", LabelVocabulary::kSummaryRows)     -> "教育支出"
//   NearestOcrLabel(":般公共质算资企", LabelVocabulary::kSummaryRows)  -> "一般公共预算资金"
//   NearestOcrLabel("年结转结余", LabelVocabulary::kSummaryRows)       -> nullopt (上年 or 年终?)
//   NearestOcrLabel("其他公安支出", LabelVocabulary::kSummaryRows)     -> nullopt (a 项, not
//   公共安全) NearestOcrLabel("-般公共预分收入", LabelVocabulary::kColumns)     ->
//   "一般公共预算收入"
//
// A label is taken only when it is clearly nearer than every label of another key: two labels
// that key the same row (一般公共预算资金 / 一般公共预算拨款) do not compete.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace disclose {

enum class LabelVocabulary {
  kSummaryRows,  // 收支总表 and 财政拨款收支总表: income sources, expenditure classes, totals
  kThreePublicRows,  // 三公 tables: 因公出国(境)费, 公务用车购置及运行费 …
  kColumns,  // amount columns: sources (一般公共预算收入 …) and parts (基本支出 …)
};

// The vocabulary label an OCR'd label `read` stands for: its ideographs (a misread ordinal
// before 、 dropped), as many as the label's give or take one, keep at least 60% of the longer
// of the two in place under the edit distance, and at least 0.1 more than under any label of
// another key. nullopt when `read` keys a row or column as printed, or no label is near enough.
std::optional<std::string> NearestOcrLabel(std::string_view read, LabelVocabulary vocabulary);

// The code among `codes` (children of one 类 or 款 that a scan's row may be: a 款 piece read "0"
// between 01 and 03) whose classification name (KnownFunctionSubclassNames) the OCR'd row label
// `read` stands for, near as NearestOcrLabel measures it and clearly nearer than any other code's.
// A code no document printed may be named anything, so with one among `codes` the name must be
// nearer still. nullopt when no code, or more than one, is so near.
//
//   NearestSubclassCode("城乡社区等理下务", {"21201", "21202"}) -> "21201" (城乡社区管理事务)
std::optional<std::string> NearestSubclassCode(std::string_view read,
                                               const std::vector<std::string>& codes);

// An OCR'd title whose fund name (一般公共预算, 政府性基金预算, 国有资本经营预算) lost characters
// to the scan, with the name put back: `一般人4必 预算支出表` -> `一般公共预算支出表`. Only a fund
// name names a general-budget table apart from the department's whole expenditure, so a title
// that lost its 公共 was read as no kind, or as the 支出表 its tail names. The span taken starts
// and ends on the name's first and last characters and its ideographs are near the name's as
// NearestOcrLabel measures them; nullopt when no fund name, or more than one, is so near.
std::optional<std::string> WithMisreadFundNameRestored(std::string_view title);

}  // namespace disclose
