// The figure columns a row read as a line of text fills, and reading it into its table. A line
// gives a row's amounts in column order but not which cells were blank, so a row is read only
// when its amounts fall each to one column for certain: one per figure column, or fewer when the
// table's other rows, the row's children, its parent and siblings, or its economic class say
// which columns it fills (table.row_from_text). Any other row is only named (table.row_as_text).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/ocr_repair.h"
#include "normalize/row_text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// The figure columns of a table in grid order (keyed, not a rate), or none when two columns
// share a key: amounts in column order then fall each to one column only.
std::vector<std::string> AmountColumns(const CanonicalTable& table) {
  std::vector<std::string> columns;
  for (const std::string& key : table.column_keys) {
    if (key.empty() || key == kRateColumn) continue;
    if (std::find(columns.begin(), columns.end(), key) != columns.end()) return {};
    columns.push_back(key);
  }
  return columns;
}

// The columns a row printing `amounts` amounts as a line of text fills, in order: the table's
// figure columns when it prints one amount each. A column no row fills (其他收入 blank all
// through, its grid on the next page one column short) is left out when every row of the table
// fills every other one: a blank cell is then in that column only, and a row printing one
// amount per filled column fills those. Else none: a row with a blank cell elsewhere prints
// fewer amounts and which cell is blank is unknown.
std::vector<std::string> RowColumns(const CanonicalTable& table, std::size_t amounts) {
  const std::vector<std::string> columns = AmountColumns(table);
  if (columns.size() == amounts) return columns;
  std::vector<std::string> filled;
  for (const std::string& column : columns) {
    const bool any = std::any_of(table.rows.begin(), table.rows.end(), [&](const CanonicalRow& r) {
      return std::any_of(r.values.begin(), r.values.end(),
                         [&](const Figure& f) { return f.column == column; });
    });
    if (any) filled.push_back(column);
  }
  constexpr std::size_t kRowsThatShowIt = 2;
  if (filled.size() != amounts || table.rows.size() < kRowsThatShowIt) return {};
  for (const CanonicalRow& r : table.rows) {
    if (r.values.size() != filled.size()) return {};
  }
  return filled;
}

// The columns a coded row printing fewer amounts than the table has figure columns fills, read
// from its children (s2w_0213_budget: `205 教育支出 9.41 9.41` at a page foot, its 款 rows
// below filling 合计 and 基本支出 and leaving 项目支出 blank). A class row prints the sums of its
// children, so when its children fill exactly as many columns as it prints amounts, and each
// amount is its column's sum (within a unit of the last printed digit per child, the rounding
// of 万元 tables), the amounts fall to those columns in order. Else none: the row is only named.
std::vector<std::string> ChildColumns(const CanonicalTable& table, const RowPiece& row) {
  if (row.code.size() != 3 && row.code.size() != 5) return {};
  std::map<std::string, std::int64_t> sums;
  std::size_t children = 0;
  for (const CanonicalRow& r : table.rows) {
    if (r.row_code.size() != row.code.size() + 2 || !StartsWith(r.row_code, row.code)) continue;
    ++children;
    for (const Figure& figure : r.values) sums[figure.column] += figure.amount_fen;
  }
  if (children == 0) return {};
  std::vector<std::string> filled;
  for (const std::string& column : AmountColumns(table)) {
    const auto found = sums.find(column);
    if (found != sums.end() && found->second != 0) filled.push_back(column);
  }
  if (filled.size() != row.amounts.size()) return {};
  const std::optional<std::int64_t> step = ToFen(ParseAmountText("0.01"), table.unit);
  if (!step) return {};
  for (std::size_t i = 0; i < filled.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen || std::llabs(*fen - sums[filled[i]]) > *step * static_cast<std::int64_t>(children)) {
      return {};
    }
  }
  return filled;
}

// The columns a coded row printing fewer amounts than the table has figure columns fills, read
// from its parent and siblings (C s3w_0092_final: `2210203 购房补贴 39,193.40 39,193.40` under
// 22102 = 133,150.53 | 47,258.98 | 85,891.55 beside 2210201 = 93,957.13 | 8,065.58 | 85,891.55:
// 项目支出 blank). A parent prints the sums of its children, so when the parent is read and each
// column's remainder (the parent's figure less its other children's) is nonzero in exactly as
// many columns as the row prints amounts, each amount equal to its column's remainder, the
// amounts fall to those columns in order. Else none: the row is only named.
std::vector<std::string> RemainderColumns(const CanonicalTable& table, const RowPiece& row) {
  if (row.code.size() != 5 && row.code.size() != 7) return {};
  const std::string parent = row.code.substr(0, row.code.size() - 2);
  std::map<std::string, std::int64_t> remainder;
  bool parent_read = false;
  for (const CanonicalRow& r : table.rows) {
    if (r.row_code == row.code) return {};  // read already: ReadRowIntoTable refuses it anyway
    if (r.row_code == parent) {
      parent_read = true;
      for (const Figure& figure : r.values) remainder[figure.column] += figure.amount_fen;
    } else if (r.row_code.size() == row.code.size() && StartsWith(r.row_code, parent)) {
      for (const Figure& figure : r.values) remainder[figure.column] -= figure.amount_fen;
    }
  }
  if (!parent_read) return {};
  std::vector<std::string> filled;
  for (const std::string& column : AmountColumns(table)) {
    const auto found = remainder.find(column);
    if (found != remainder.end() && found->second != 0) filled.push_back(column);
  }
  if (filled.empty() || filled.size() != row.amounts.size()) return {};
  for (std::size_t i = 0; i < filled.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen || *fen != remainder[filled[i]]) return {};
  }
  return filled;
}

// A basic-expenditure table splits its money by economic class: 人员经费 is 工资福利支出 (301) and
// 对个人和家庭的补助 (303), 公用经费 is 商品和服务支出 (302). A coded row of such a table read as
// a line of text, printing fewer amounts than the table has columns (30228 工会经费 7.96 over the
// 合计 line, s3w_0056; 30228 and 30231 on s3w_0058: the other cell printed blank), fills its
// class's column, and 合计 before it when the table prints one and the row two amounts. Else
// none: the row is only named.
std::vector<std::string> EconomicClassColumns(const CanonicalTable& table, const RowPiece& row) {
  if (!EndsWith(table.kind, ".general_budget_basic_expenditure") &&
      !EndsWith(table.kind, ".fiscal_appropriation_basic_expenditure")) {
    return {};
  }
  if (row.code.size() != 3 && row.code.size() != 5) return {};
  const std::string part = StartsWith(row.code, "301") || StartsWith(row.code, "303") ? "personnel"
                           : StartsWith(row.code, "302")                              ? "public"
                                                                                      : "";
  if (part.empty()) return {};
  const std::vector<std::string> columns = AmountColumns(table);
  auto has = [&](std::string_view key) {
    return std::find(columns.begin(), columns.end(), key) != columns.end();
  };
  if (!has("personnel") || !has("public")) return {};
  std::vector<std::string> filled;
  for (const std::string& column : columns) {
    if (column == "total" || column == part) filled.push_back(column);
  }
  if (filled.size() != row.amounts.size()) return {};
  return filled;
}

namespace {

// Whether `label` (the text before a row's first amount) ends in an ASCII mark glued to the
// amount: no space, no ideograph, no letter before it (1]; 了 is a lookalike's, read elsewhere).
bool GluedToAMark(std::string_view label) {
  if (label.empty()) return false;
  const unsigned char last = static_cast<unsigned char>(label.back());
  return last < 0x80 && std::ispunct(last) != 0;
}

}  // namespace

// Reads `row` into `table` when that is certain: it has a key (a class code, 合计, a 三公
// item, a summary line) no row of the table has, and prints one amount for each column it
// fills (RowColumns, SummaryRowKeys; a line of text gives its words in column order, so each
// amount falls to one column; a row with a blank cell prints fewer and is only named). The row
// goes among the table's rows in the order of their blocks: a row printed above the grid (a
// summary's first line, s3w_0092) before the grid's rows, as the checks that read rows in their
// printed order (a summary's sources above its 本年收入合计) expect. The row read, or nullptr.
CanonicalRow* ReadRowIntoTable(CanonicalTable& table, const RowPiece& row, const std::string& key,
                               const std::vector<std::string>& columns, int table_index, int block,
                               const Paragraph& paragraph) {
  if (key.empty() || columns.empty()) return nullptr;
  for (const CanonicalRow& existing : table.rows) {
    if (existing.row_code == key) return nullptr;
  }
  CanonicalRow out;
  out.row_code = key;
  out.row_name = Trim(row.label);
  if (AllDigits(key)) out.level = key.size() == 3 ? 1 : key.size() == 5 ? 2 : 3;
  out.source_block = block;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen) return nullptr;
    Figure figure;
    figure.table_kind = table.kind;
    figure.row_code = key;
    figure.row_name = out.row_name;
    figure.column = columns[i];
    figure.amount_fen = *fen;
    figure.printed_text = row.amounts[i];
    figure.printed_unit = table.unit;
    figure.table_index = table_index;
    figure.provenance = paragraph.provenance;
    // A scan's line keeps one confidence for all its words; an amount the line printed glued to
    // a mark (公务接待费 1]1,215.42, H18 s3w_0283_final: 11,215.42 with a 1 read as ]) was cut
    // from what the row reader could not read, and is no surer than a doubtful cell: the
    // accounting identities may correct it (ocr_repair.h) like one.
    if (i == 0 && paragraph.provenance.origin == TextOrigin::kOcr && GluedToAMark(row.label) &&
        figure.provenance.confidence >= kRepairMaxConfidence) {
      figure.provenance.confidence = kRepairMaxConfidence - 1;
    }
    out.values.push_back(std::move(figure));
  }
  const auto after = std::find_if(table.rows.begin(), table.rows.end(),
                                  [&](const CanonicalRow& r) { return r.source_block > block; });
  return &*table.rows.insert(after, std::move(out));
}

}  // namespace disclose
