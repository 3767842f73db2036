// Private to the table stages (normalize/table_*.cc): the text tests every
// stage shares, on cell and line texts.
//
//   TableKey("本年 支出（合计）") -> "本年支出(合计)"   (NFKC-folded, no whitespace)
//   StripOrdinal("(一)工资福利支出") -> "工资福利支出"
//   IsClassCode("2080505") -> true; IsClassCode("20805051") -> false
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {

// Text for matching: NFKC-folded, no whitespace (memoised per thread).
std::string TableKey(std::string_view text);

inline bool Has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

bool AllDigits(std::string_view text);

// A function class code: 3, 5 or 7 digits, not starting with 0.
bool IsClassCode(std::string_view key);

// The code column a header word names: 类 "class", 款 "kuan", 项 "xiang" (the split code's
// three columns); "" for any other word.
std::string_view CodeColumnRole(std::string_view key);

// A class code wrapped inside its label cell, its rest on the name's second line ("2010 事业运行"
// over "350" in a narrow column of a PDF): the code joined in front of the name's lines,
// "2010350 事业运行". Digits on the first line that make no code alone and with the next line's
// leading digits make one; the text as it is otherwise.
std::string WithWrappedCodeJoined(std::string_view text);

// Trimmed non-empty lines.
std::vector<std::string> SplitLines(std::string_view text);

// The words of `text`, apart at any run of whitespace (line ends included).
std::vector<std::string> SplitWords(std::string_view text);

// Leading ordinals: 一、 （一） (1) 1. 1、 其中：
std::string StripOrdinal(const std::string& key);

// A numeral an ordinal is written with: 0-9 or 一 to 十.
bool IsOrdinalNumeral(char32_t c);

// A key without the colons after it: a label's trailing colon is not part of
// its name (总计： in jl_changchun_xinfang_2026_budget, 年度预算资金总额：).
std::string StripTrailingColon(std::string key);

// A note saying the table is printed empty: 本表无数据, 空表, 本表为空, 无数据.
bool IsEmptyNote(std::string_view text);

// A grid OCR read (any cell of it): the stages that forgive misread words test this.
bool IsOcrGrid(const Table& table);

// Completes the one header word that `rest` makes a column's name (本年支出合 + 计: a word cut by
// a page break or wrapped in its cell, its rest read apart), when exactly one word keys no column
// as printed and does with it; otherwise leaves `words` as they are.
void CompleteACutWord(const std::string& rest, std::vector<std::string>& words);

// A figure printed as money: a number, not a percentage, with a separator or a point ("7,748.90",
// "12.5"). Class codes, code pieces and 栏次 numbers print neither, which on a scan (where they
// read as numbers too) is what tells a column of money from them.
bool IsPrintedMoney(std::string_view text);

// How many places of `a` hold another character than `b`'s (a scan's misreads: 3080505 for
// 2080505, 一般公共预算拨旭 for …拨款); npos when their lengths differ. Strings of bytes
// (codes) or of code points (words).
template <typename Sequence>
std::size_t PlacesDiffering(const Sequence& a, const Sequence& b) {
  if (a.size() != b.size()) return static_cast<std::size_t>(-1);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i] ? 1 : 0;
  return differ;
}

// What a finding about a whole table's kind says of the table (table.kind_duplicate,
// table.kind_unlisted): its figures listed (at most 500) and their amounts as printed quoted
// (" 1,000.00 2.00", at most 60: a JSON of bounded size), the provenance of its first row's first
// figure, "table '…' (page 4)" or "an untitled table (page 4)", and " from its header and body":
// the evidence sources naming its kind.
struct TableKindDoubt {
  std::vector<FigureRef> figures;
  std::string quoted;
  Provenance provenance;
  std::string name;
  std::string sources;
};
TableKindDoubt DescribeTableKindDoubt(const CanonicalTable& table);

// Whether the table's own title names its kind: the title decides, whatever else says.
bool TitledAsItsKind(const CanonicalTable& table);

// The row's figure in column `column`, or nullptr.
const Figure* FigureIn(const CanonicalRow& row, std::string_view column);

// Whether `parent` prints, in every column it prints, the sum of `children`'s figures there
// (at least one column), exactly: a misread code or row name is settled by figures read as
// printed.
bool PrintsTheSumOf(const CanonicalRow& parent, const std::vector<const CanonicalRow*>& children);

// Appends a finding about the document's text.
void AddTableFinding(std::vector<Finding>& findings, std::string check, Severity severity,
                     std::string message, const Provenance& provenance, std::string printed = "");

}  // namespace disclose
