// Private to normalize/: what the stages that read words (metadata, narrative)
// need to know about text recognised from an image, which a text layer never
// does: Tesseract sets numbers with a space after each separator
// ("101, 673. 03万元") and misreads a character of a name in one printing
// ("北革市…" on a cover, "北京市…" in every paragraph after it).
//
//   CloseOcrNumberGaps("收入预算101, 673. 03万元")  // -> "收入预算101,673.03万元"
//   const OcrNamePrinting best = MostConfirmedPrinting("北革市政务服务和数据管理局", texts);
//   // best.name == "北京市政务服务和数据管理局" when the texts print that more often
//
// Both are for OCR'd text only: in a text layer a space after a comma is printed
// and a name is what the publisher typed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace disclose {

// Drops the spaces a recogniser puts after a separator inside a number: after a
// `,` before a group of three digits, and after a `.` before one or two decimals
// that end the number. An enumeration ("1. 2026年") or a list ("1, 2, 3") is left.
std::string CloseOcrNumberGaps(std::string_view text);

struct OcrNamePrinting {
  std::string name;   // the printing chosen
  int printings = 0;  // how often the texts print it
  int readings = 0;   // how often they print a near form of it (the chosen included)
};

// Every run of the texts (whitespace removed) as long as `name` that differs from
// it in at most one character in five, never in the last (the organisation word
// 局/厅/委员会 that made it a name), is a printing of the same name. A `name`
// printed twice is confirmed and kept (a department's papers name its sibling
// departments, one character apart: 财政局/民政局). A `name` printed once gives
// way to the printing found most often, if that is found more than once. Names shorter than five
// characters are returned as they are: one character of four is too much of the name to vote on.
OcrNamePrinting MostConfirmedPrinting(std::string_view name, const std::vector<std::string>& texts);

}  // namespace disclose
