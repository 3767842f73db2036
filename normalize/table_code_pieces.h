// Private to normalize/: the class code pieces of a scan's 类 | 款 | 项 columns, as OCR reads
// them. A publisher that prints a code in three columns (212 | 01 | 02) leaves each piece to the
// reader alone, and a scan garbles a two-digit piece into a letter (1I, D1), a lost digit ("0"),
// an added stroke (01L) or a serif 6 read 0 ("00"). These are the tests and readings the row
// stage (table_rows.cc) keys such rows by.
//
//   OcrCodePiece("1I")   -> "11"        OcrCodePiece("上k") -> ""
//   PiecesReadAs("0")    -> 01..09, 10..90
//   IsMisreadClassCode("ffv ts") -> true (212 garbled; a 类 column spells names out)
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace disclose {

// Whether the cell covering (r, c) of `grid` was recognised from an image.
bool IsOcrCell(const Table& grid, int r, int c);

// The 款 column of a 类 | 款 | 项 header whose 款 OCR misread (次, 4/愉, 和): the column left of
// the 项 column whose body holds two-digit numbers, and at most half as many garbled pieces of
// one or two characters (了 for 11), is the 款 column, so its codes join the class's (220 + 01 =
// 22001) instead of being dropped.
std::vector<std::string> WithMisreadSegmentColumn(std::vector<std::string> roles, const Table& grid,
                                                  int body_start);

// 款 pieces an OCR'd grid read 00 (a serif 6 read 0: 201 | 00 for 201 | 06, sh_putuo_finance p8),
// which the classification never numbers. The rows of one 款 (its row, then its 项 rows printing
// the 款 piece again) that read the piece otherwise name it, when they name one piece only and
// reading its 6s and 8s as 0 makes 00. Row -> the piece.
std::map<int, std::string> KuanPiecesReadAsZero(const Table& grid,
                                                const std::vector<std::string>& roles, int start);

// "13 01": two two-digit codes (款 and 项) printed in one cell, apart.
bool IsTwoCodePairs(std::string_view text);

// A 款 or 项 piece as a scan reads it. A piece prints two digits; a scan takes a digit for the
// letter of its shape (11 read 1I, IT or tl, 01 read D1) or adds a stroke (01L, 0O1 for 01). The
// two digits when the reading allows them, else "": two characters that read as digits, or
// three of which exactly two are digits (the third is the stroke).
std::string OcrCodePiece(std::string_view key);

// Whether column c prints its code pieces padded to two digits (01, 05): then a one-digit
// piece there is a digit the scan lost, not Excel's 2 for 02.
bool PadsPieces(const Table& grid, int c);

// The two-digit 项 pieces a scan's reading of one may stand for: a digit lost ("0" for 01 to 09
// or 10 to 90), a stroke read as a digit ("101" for 01, 11 or 10), a serif 6 or 8 read 0 ("00",
// which the classification never numbers), one digit with a mark for the other ("]1" for 01 to
// 91), or, read with no digit at all (99 read 的), any.
std::vector<int> PiecesReadAs(std::string_view key);

// A piece as printed: 1 -> "01".
std::string TwoDigits(int piece);

// Which of the codes `parent` + piece, for the pieces a garbled reading allows (two or more), the
// row's OCR'd name names in the national classification (NearestSubclassCode): a 款 piece read
// "0" between 01 and 03 under 212 is 21201 when the row reads 城乡社区等理下务 (城乡社区管理事务).
// "" when fewer than two pieces, or no name tells.
std::string CodeNamedAmong(const std::string& parent, const std::vector<int>& pieces,
                           std::string_view name);

// A code piece chi_sim read as one or two ideographs (99 read 的 or 购): a 款 or 项 column
// prints digits only, so this is a piece, never the row's name.
bool IsPieceReadAsIdeographs(std::string_view key);

// The code a scan misread into `code` (a 项 piece 04 read 01 in Yantai's serif font at 150 dpi,
// one confusable digit of its last piece), when the row's OCR'd `name` is the name the
// classification gives that code and not `code`'s (NearestSubclassCode); "" otherwise, and
// always when the name is near `code`'s own.
std::string CodeMisreadAsAnother(const std::string& code, std::string_view name);

// A 类 code as a scan garbles it (212 read "ffv ts" or "上kt"): a few characters with a Latin
// letter or digit among them that make no code. Never a row's name, which a 类 column holds
// only spelt out.
bool IsMisreadClassCode(std::string_view key);

// A short run of Latin letters, digits and marks (TI1, I, 丨 aside): what a scan makes of a code
// piece, never a row's name.
bool IsMisreadPiece(std::string_view key);

}  // namespace disclose
