// Private to normalize/: stage 4's (table_columns.cc) rules for an OCR'd header, which a scan
// reads worse than a text layer prints it: words with a character lost, misread or glued to
// the next word, two names read as one cell, a wrapped word's lines read out of order
// (table_columns_ocr_words.cc); a summary's two sides told apart when a side's words were lost
// (table_columns_ocr_summary.cc). Each takes the first part's (or the whole table's) grid and
// the keys so far, and keys only columns its evidence names; a text layer's header is read as
// printed. The helpers they share with table_columns.cc come last.
//
//   std::vector<std::string> keys = first.header.keys;
//   // 财政拨歌收入 over money: keyed fiscal_appropriation
//   KeyOcrHeaderWordsWithOneCharacterMisread(stitched, keys);
//   // 一般公共预算拨款其他收入 in one cell: the name the amounts stand under
//   KeyOcrTwoNamesInOneHeaderCell(first, keys);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "normalize/table_stages.h"

namespace disclose {

// The key of a header word `rest` that lost its first character: the key every completion by
// one of the standard header words' first characters names, or "" when none does or two differ.
std::string KeyOfAWordMissingItsFirstCharacter(const std::string& rest);

// An OCR'd header word that lost its first character to the scan (计 for 合计, s3w_0091_budget;
// 用经费 for 公用经费, s3w_0078_final: the cell's first ideograph cut or too faint) keys nothing,
// and its column's figures went unkeyed (column.unkeyed). Such a word is keyed as the word it
// ends, when every header word it can be the rest of, one character in front taken from the
// first characters of the standard header words, keys the same column and no other column has
// that key: 计 is 合计, 小计 or 总计, all the total. A word that keys nothing or several columns so
// completed (出 of 支出 or 收入支出) stays unkeyed. A text layer's header is read as printed.
void KeyOcrHeaderWordsMissingTheirFirstCharacter(const TablePart& first,
                                                 std::vector<std::string>& keys);

// A figure column's header word a scan read onto the end of the label header left of it (项目
// (按功能分类)合计 over an empty cell, H12 s3w_0178_final's fiscal summary: the gap between the
// two words lost), which left the column keyed nothing and its six totals unkeyed. A column with
// no header word of its own and money in its body takes the key of the figure word the header
// left of it ends in, when that header is a label's (its whole keys no figure column) and no
// other column has the key.
void KeyOcrWordGluedToTheLabelHeader(const TablePart& first, std::vector<std::string>& keys);

// A header word with one character misread (财政拨歌收入 for 财政拨款收入, H13 s3w_0200_final's
// income table: the column keyed nothing and its 14 figures unread): a word of four characters
// or more that keys nothing, over money (in any part: 公用经慢 over a 公用经费 column empty on
// the first page, H14 s3w_0219_final), and differs in one character from standard names that
// all key one column, which no other column has, is keyed as they are. A shorter word is too
// near too many names to tell.
void KeyOcrHeaderWordsWithOneCharacterMisread(const StitchedTable& stitched,
                                              std::vector<std::string>& keys);

// A header word with one character lost to the scan (一般公共算 for 一般公共预算 over 算 wrapped,
// its 预 read into the next cell: H19 s3w_0297_budget's fiscal summary, its 合计 then read as
// the side's lone amount, 4 silent): a word of four characters or more that keys nothing, over
// money, and is a standard name with one character taken out, all such names keying one column
// no other column has, is keyed as they are. Summaries too.
void KeyOcrHeaderWordsWithOneCharacterLost(const StitchedTable& stitched,
                                           std::vector<std::string>& keys);

// A header word wrapped over two lines in its cell, whose lines OCR read in the wrong order
// (算一般公共预 for 一般公共预算 over 算, H15 s3w_0234_budget's fiscal summary: the column keyed
// nothing and its figures went unread): a word of four characters or more that keys nothing,
// over money, one of whose rotations is a standard name, is keyed as that name. Rotations
// that name different columns key nothing.
void KeyOcrHeaderWordsReadOutOfOrder(const StitchedTable& stitched, std::vector<std::string>& keys);

// Figure columns' names OCR read as one header cell: the first wrapped (一般公共预其他收入 over
// 算拨款, H10 s3w_0146_budget's income table: its 其他收入 column printed empty, so the scan made
// no column of it), or several run together (本年收入合计财政拨款收入其他收入, H13 s3w_0200_final).
// The cell keyed the column by one of them, 其他收入: every general-budget or total figure went
// out as other income with nothing to say so. The names share the cell's width by their
// characters, and a column's amounts end under the name that heads them: the column takes that
// name's key, or none when its amounts reach over two names (its amounts are then named as
// unread).
// The lines under the top are the rest of a wrapped name only when they name nothing
// themselves (算拨款); 合计 under 一般公共预算基本支出 is a header of the level below, and a
// top cell spanning columns is a group's.
void KeyOcrTwoNamesInOneHeaderCell(const TablePart& first, std::vector<std::string>& keys);

// An OCR'd header word wrapped in its cell (本年收入 over 合计, 财政拨款 over 收入) reads as two
// header rows, and the upper piece then prefixes the lower one as a group would
// (income.total) or leaves nothing it knows (财政拨款/收入). A group heads two columns or more; an
// upper piece over its own column alone, whose pieces joined name a column, is one word: the joined
// word keys it. A text layer keeps the word in one cell.
void KeyWrappedOcrWords(const TablePart& first, std::vector<std::string>& keys);

// A summary prints its two sides alike (项目 | 行次 | 金额 twice, 收入 left, 支出 right). An OCR'd
// header that lost one side's amount word (an empty cell over 19,572.91) left that side with no
// amount column, and the row stage then gave the other side's amounts to its labels. A column
// with no header word of its own whose body holds money, followed by a label column and then a
// keyed amount column (the other side), takes that column's key: the sides mirror each other.
// No header word of its own: an empty path, or only the side's group word (收入) that the
// columns left of it print above their own words (收入/项目, 收入/行次).
// Or a word of its own that names nothing and is no label's (收入/法 for 收入/金额, H11
// s3w_0171_final: the income side's three amounts went unkeyed).
// The other side's 行次 between its labels and its amounts is no amount to mirror.
// A side whose amount word OCR misread (质算数 for 预算数, sd_yantai_audit p8) keys nothing
// either: where the two sides have as many columns each, a money column keyed nothing takes
// the key of the column in its place on the other side, when that side's column holds money
// and both sides open with their labels.
void KeyOcrSummarySides(const TablePart& first, std::vector<std::string>& keys);

// Both sides' amount words misread (预筑数 and 预委数 for 预算数, cn_central_xinfang p9): no
// column is keyed, so no side has one to mirror (KeyOcrSummarySides). A summary side prints its
// labels and then its amounts; where the header keys no column at all and every side (a label
// column and the columns up to the next) holds exactly one column of money, that column is the
// side's amount. A side of several money columns (a fiscal-appropriation summary's funds), or
// a column of a few amounts among words, is left to its header words.
void KeyOcrSummaryLoneAmounts(const TablePart& first, std::vector<std::string>& keys);

// A summary whose header a scan read as a paragraph above the grid (项目 金额 项目（按功能分类）
// 合计 一般公共预算财政拨款 政府性基金预算财政拨款), or whose text layer printed it so (a
// three-line summary cut by a page break, its header rows drawn above the first rule the grid
// starts at: the sweep's national template, --templates): no column keyed. The line's words go side
// by side, each label word (项目…) opening a side, onto the grid's sides. A side of as many money
// columns as figure words takes them in order. A side with fewer (a fund printed empty all down
// makes no column on a scan) stays unkeyed, column.unkeyed naming its amounts: its 合计 keyed
// alone would be read as the side's one amount, and a fiscal summary's funds lost, unless its
// two columns are 合计 and the one fund printing money (TheOneFundPrinted): that column goes to
// `keyed_by_sums`, the reason to `sums_evidence`. A side's label word may be 支出功能分类 as well
// as 项目….
void KeySummaryFromHeaderAbove(const StitchedTable& stitched, std::vector<std::string>& keys,
                               std::vector<int>& keyed_by_sums, std::string& sums_evidence);

// A summary's two sides never share a segment. OCR that lost the income side's amount column (its
// amounts read into the expenditure labels' cells: 2,607.07本年支出合计) left one segment whose
// first labels are the income side's, and the row stage gave them the expenditure side's amounts,
// a wrong figure on every line. Where a label column under 支出 follows one under 收入 in a
// segment, the segment is cut there: the income labels keep no amount rather than another's.
void SeparateOcrSummarySides(const HeaderAnalysis& header, std::vector<Segment>& segments);

// A fiscal-appropriation summary splits its expenditure by fund, 合计 first, then 一般公共预算,
// 政府性基金预算 …. A scan that lost 一般公共 of the first fund's header left `预算`, which keys
// the figure kind `budget`, and every expenditure line took a wrong figure there. One that lost
// only the 一 (般公共预算财政拨款, s3w_0078) is keyed by its 财政拨款 as an income table's
// fiscal_appropriation source, which a summary's expenditure side never has. Between 合计 and
// 政府性基金预算 either is the general budget, and so is a column of money there whose header
// the scan misread past keying anything (肌可款公共天对下, H46 s3w_0731_final: its figures went
// unread and 合计, the side's one keyed column, was taken for a lone amount).
void KeyOcrGeneralBudgetFundColumn(const TablePart& first, std::vector<std::string>& keys);

// Cells of column c below the header that hold money (a point or a separator): codes, row
// numbers and counts are bare integers.
int MoneyCells(const Table& table, int header_rows, int c);

// Money cells of column c in every part read with the first part's columns: a scan may cut a
// table after its first rows, and a column printing nothing there prints its money below.
int MoneyCellsInEveryPart(const StitchedTable& stitched, int c);

// The word a header path ends in, the column's own (合计 of 本年收入/合计; the path itself when it
// has no group).
std::string OwnWord(const std::string& path);

// Whether column `c` (not the first) prints no header word of its own: an empty path, or only the
// side's group word (收入) that the columns left of it print above their own words (收入/项目).
bool OwnWordLost(const HeaderAnalysis& header, std::size_t c);

// Whether the header keyed no column ("-" marks one set aside).
bool NoColumnKeyed(const std::vector<std::string>& keys);

}  // namespace disclose
