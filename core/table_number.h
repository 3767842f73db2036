// The table number a line prints at its start, read one way for every stage
// that needs it: the PDF layout starts a paragraph at a table's number line,
// normalize's title locator strips it to see what the line says besides, and
// its numbering reader compares it with the document's list of tables. Two
// readers of the same prefix once disagreed on 表二（之三） and on a bare year,
// so there is one.
//
//   std::u32string cps = U"公开05表收入总表";
//   auto prefix = ParseTableNumberPrefix(cps);   // {value 5, end 5}
//   ParseTableNumberPrefix(U"十一、国有资本…")      // {value 11, end 3}
//   ParseTableNumberPrefix(U"2024年收支总表")       // nullopt: a year, not a number
//   ParseTableNumberPrefix(U"1.5")                  // nullopt: an amount
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace disclose {

struct TableNumberPrefix {
  int value = 0;            // 1 for 公开01表, 表一, 一、
  std::size_t end = 0;      // code points taken by the number, its 表 and its separator
  bool table_word = false;  // 表 printed with it (公开01表, 附表1); false for a list's 一、
};

// Expects a key with full-width brackets and colons folded to ASCII and spaces
// removed (normalize's TableKey; FoldTableNumberKey below for a raw line). A number counts only
// with a table word (表, 附表, 公开…表, 预算…表) or a list separator (、 . :) after it: a bare
// `2024` or `1` starts no table number. `（之三）` after the number (the third page of the table)
// belongs to the prefix.
std::optional<TableNumberPrefix> ParseTableNumberPrefix(std::u32string_view cps);

// A raw line's code points as ParseTableNumberPrefix expects them: spaces
// (ASCII and full-width) dropped, （）：、 folded to ( ) : where ASCII exists.
std::u32string FoldTableNumberKey(std::u32string_view line);

}  // namespace disclose
