// Which row of its table a row read as a line of text is: a class code says it, else its
// label (合计, a 三公 item). A summary prints an income row and an expenditure row side by side,
// so a line of it holds two rows keyed by side (SummaryRowKeys); a label's 行次 after it, which a
// scan may read as a digit's lookalike, is no part of its name.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/row_text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// The row code a row of `kind` would have: its class code, else the key its label gives (合计,
// a 三公 item); "" when neither says.
std::string RowKey(const std::string& kind, const RowPiece& row) {
  if (!row.code.empty()) return row.code;
  const std::string key = TableKey(StripOrdinal(TableKey(row.label)));
  if (EndsWith(kind, ".three_public")) return ThreePublicKey(key);
  // A summary's rows are keyed by side (income.grand_total): its labels are left to the reader.
  if (IsSummaryKind(kind)) return "";
  return IsTotalWord(key) ? "total" : "";
}

// A summary label's name for IncomeKey and ExpenditureKey: its 行次 after it (digits, or on a
// scan a digit's lookalike: 总计 了) and its ordinal left out.
std::string SummaryLabelName(const std::string& printed, bool ocr) {
  std::string label = Trim(printed);
  while (!label.empty()) {
    if (IsAsciiDigit(label.back()) || label.back() == ' ') {
      label.pop_back();
      continue;
    }
    std::vector<char32_t> cps = DecodeUtf8(label);
    if (!ocr || cps.empty() || !IsDigitLookalike(cps.back())) break;
    cps.pop_back();
    label = EncodeUtf8(cps);
  }
  return TableKey(StripOrdinal(TableKey(label)));
}

namespace {

// The key of one piece of a summary line on its side (`income` or the expenditure side), and
// the columns its amounts fill; "" when its label keys nothing, the side's rows fill different
// columns or not as many as it prints, or the table has the row already.
std::string KeyOfPiece(const CanonicalTable& table, const RowPiece& piece, bool income, bool ocr,
                       std::vector<std::string>& columns) {
  const std::string side = income ? "income." : "expenditure.";
  auto key_of = [&](const std::string& label) {
    const std::string name = SummaryLabelName(label, ocr);
    return income ? IncomeKey(name) : ExpenditureKey(name);
  };
  std::string key = key_of(piece.label);
  // A scan's 行次 read as a glyph no digit looks like (本年支出合计 卫 for 本年支出合计 11, H17
  // s3w_0268_budget) or with a mark among its digits (支出总计 1]12): a last word of one or two
  // characters, or of digits and marks, after a label that keys without it.
  if (key.empty() && ocr) {
    const std::vector<std::string> words = SplitWords(piece.label);
    constexpr std::size_t kRowNumberGlyphs = 2;
    const bool digits_and_marks =
        !words.empty() && std::all_of(words.back().begin(), words.back().end(), [](char c) {
          return IsAsciiDigit(c) || std::ispunct(static_cast<unsigned char>(c));
        });
    if (words.size() >= 2 &&
        (DecodeUtf8(words.back()).size() <= kRowNumberGlyphs || digits_and_marks)) {
      key = key_of(piece.label.substr(0, piece.label.rfind(words.back())));
    }
  }
  if (key.empty()) return "";
  bool seen = false;
  std::vector<std::string> filled;
  for (const CanonicalRow& row : table.rows) {
    if (!StartsWith(row.row_code, side) || row.values.empty()) continue;
    std::vector<std::string> mine;
    for (const Figure& figure : row.values) mine.push_back(figure.column);
    if (seen && mine != filled) {
      filled.clear();
      break;
    }
    filled = std::move(mine);
    seen = true;
  }
  if (filled.size() != piece.amounts.size()) return "";
  const bool present =
      std::any_of(table.rows.begin(), table.rows.end(),
                  [&](const CanonicalRow& row) { return row.row_code == side + key; });
  if (present) return "";
  columns = std::move(filled);
  return side + key;
}

// The expenditure row of a summary line whose income row printed no amount: the line's one
// piece, its label an income label's words and then an expenditure label's. Keyed (and its
// label cut to the expenditure words) when exactly one split of the label's words makes an
// income label on the left and a new expenditure row on the right that takes the piece's
// amounts; "" and the piece as read otherwise.
std::string OnlyTheExpenditureRow(const CanonicalTable& table, RowPiece& piece, bool ocr,
                                  std::vector<std::string>& columns) {
  if (!piece.code.empty() || piece.amounts.empty()) return "";
  const std::vector<std::string> words = SplitWords(piece.label);
  std::string found;
  std::string found_label;
  std::vector<std::string> found_columns;
  for (std::size_t split = 1; split < words.size(); ++split) {
    std::string income;
    std::string expenditure;
    for (std::size_t w = 0; w < words.size(); ++w) {
      std::string& side = w < split ? income : expenditure;
      if (!side.empty()) side += " ";
      side += words[w];
    }
    if (IncomeKey(SummaryLabelName(income, ocr)).empty()) continue;
    RowPiece right = piece;
    right.label = expenditure;
    std::vector<std::string> right_columns;
    const std::string key = KeyOfPiece(table, right, false, ocr, right_columns);
    if (key.empty()) continue;
    if (!found.empty()) return "";
    found = key;
    found_label = expenditure;
    found_columns = std::move(right_columns);
  }
  if (found.empty()) return "";
  piece.label = found_label;
  columns = std::move(found_columns);
  return found;
}

}  // namespace

// A summary prints two rows side by side, income on the left and expenditure on the right, so a
// line of text holding one of its rows holds two pieces (本年收入合计 84,118.60 本年支出合计
// 84,118.60 84,118.60): the first keyed on the income side, the second on the expenditure side,
// by their labels (a 行次 number after a label is left out). Each side's amounts fill the
// columns every row of that side fills, in order; when the side's rows fill different columns
// (a blank cell somewhere), which one a short row leaves blank is unknown and the line is only
// named.
// On a scan (`ocr`) a 行次 may read as a digit's lookalike (总计 了 498.63 总计 14 498.63,
// s3w_0063, s3w_0094; 一、一般公共预算财政拨款收入 了 430,948.42, s3w_0092): it is left out too.
// An income row printing no amount beside its expenditure row makes one piece of both labels
// (二、政府性基金预算拨款 城乡社区支出 5.19 5.19, H17 s3w_0269_budget): the piece is the
// expenditure row, its label the words after the income label (OnlyTheExpenditureRow).
void SummaryRowKeys(const CanonicalTable& table, std::vector<RowPiece>& rows, bool ocr,
                    std::vector<std::string>& keys,
                    std::vector<std::vector<std::string>>& columns) {
  keys.assign(rows.size(), "");
  columns.assign(rows.size(), {});
  if (rows.size() == 1) {
    keys[0] = OnlyTheExpenditureRow(table, rows[0], ocr, columns[0]);
    return;
  }
  // A scan may read two rows as one line (本年收入合计 … 本年支出合计 … 收入总计 … 支出总计 …,
  // H16 s3w_0240_budget): four pieces are two rows, income then expenditure each.
  if (rows.size() != 2 && !(ocr && rows.size() == 4)) return;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    keys[i] = KeyOfPiece(table, rows[i], i % 2 == 0, ocr, columns[i]);
  }
  // All pieces or none: a line whose one side keys nothing, or a row the grid has already, is
  // no clean row (header words run into it: 项目 预算数 … 收入总计 48.08 支出总计 48.0 48.08,
  // s2w_0029_budget), and its other side's amounts may be cut too; a line of two rows is read
  // whole or not at all.
  if (std::any_of(keys.begin(), keys.end(), [](const std::string& key) { return key.empty(); })) {
    keys.assign(rows.size(), "");
    columns.assign(rows.size(), {});
  }
}

}  // namespace disclose
