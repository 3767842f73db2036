// Coded lines a scan prints beside a table, read as runs rather than one line at a time: a run
// whose rows print each amount before its code (the amount column's text sat a little above the
// code's) is paired that way when the parents' sums hold only so
// (ReadRowsWithAmountsBeforeCodes); and the coded rows beside a table are the orphans whose
// totals may key a row whose code was lost (CodedRowsBeside, for ParentByOrphanSums).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// The coded rows OCR'd lines print beside table `t` (its nearest table) that the table does not
// hold, each with its first amount: the children a keyless row's total may sum
// (ParentByOrphanSums) when they were left out of the grid too.
std::vector<std::pair<std::string, std::int64_t>> CodedRowsBeside(
    const Document& document, const std::vector<std::pair<int, int>>& table_blocks,
    const std::vector<CanonicalTable>& tables, int t) {
  std::vector<std::pair<std::string, std::int64_t>> coded;
  const CanonicalTable& table = tables[static_cast<std::size_t>(t)];
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const Paragraph* paragraph = document.blocks[b].AsParagraph();
    if (paragraph == nullptr || paragraph->provenance.origin != TextOrigin::kOcr) continue;
    std::vector<RowPiece> rows;
    if (!SplitRowText(WithoutNoteAfter(paragraph->text), rows)) continue;
    bool any_code = false;
    for (const RowPiece& row : rows) any_code = any_code || !row.code.empty();
    if (!any_code || NearestTable(table_blocks, tables, document, static_cast<int>(b),
                                  paragraph->provenance.page) != t) {
      continue;
    }
    for (const RowPiece& row : rows) {
      if (row.code.empty() || row.amounts.empty()) continue;
      if (const std::optional<std::int64_t> fen =
              ToFen(ParseAmountText(row.amounts.front()), table.unit)) {
        coded.emplace_back(row.code, *fen);
      }
    }
  }
  return coded;
}

namespace {

// One piece of an OCR'd run of lines: a class code with its label, a bare amount, or the total
// word closing the run (456.96 304.04合计).
struct CodeOrAmount {
  std::string code;    // a class code, else ""
  std::string label;   // the code's label
  std::string amount;  // an amount as printed, else ""
  int block = -1;
  bool total = false;
};

// The codes and amounts of an OCR'd line in order; false when it prints anything else than
// codes, their labels and amounts (a year, a cut amount, sentence punctuation).
bool CodesAndAmounts(const std::string& text, int block, std::vector<CodeOrAmount>& out) {
  if (HasSentencePunctuation(WithAmountCommasRead(text))) return false;
  const std::string folded = FoldForMatching(text);
  const std::size_t first = out.size();
  std::size_t from = 0;  // where the text since the last piece starts
  // The text between two pieces is the label of a code before it; after an amount, or before
  // the line's first piece, it must be blank.
  auto take_text = [&](std::size_t to) {
    const std::string between = Trim(folded.substr(from, to - from));
    if (between.empty()) return true;
    if (to == folded.size() && out.size() > first && !out.back().amount.empty() &&
        IsTotalWord(TableKey(between))) {
      out.push_back(CodeOrAmount{"", between, "", block, true});
      return true;
    }
    if (out.size() == first || out.back().code.empty()) return false;
    out.back().label += between;
    return true;
  };
  for (const auto& [start, end] : DigitRuns(folded)) {
    if (!take_text(start)) return false;
    const std::string run = folded.substr(start, end - start);
    if (IsClassCode(run)) {
      out.push_back(CodeOrAmount{run, "", "", block});
    } else if (run.find_first_of(".,") != std::string::npos && IsWholeAmount(run)) {
      out.push_back(CodeOrAmount{"", "", run, block});
    } else {
      return false;
    }
    from = end;
  }
  return out.size() > first && take_text(folded.size());
}

// A run row's key: its code, or the table's total for the total word.
std::string RunRowKey(const RowPiece& row) {
  return row.code.empty() ? "total" : row.code;
}

// The columns a run row is read into: an economic class's column first (a grid of 301 rows
// fills 人员经费 only, and one amount of a 302 row is 公用经费's), else one a figure column.
std::vector<std::string> RunRowColumns(const CanonicalTable& table, const RowPiece& row) {
  std::vector<std::string> columns = EconomicClassColumns(table, row);
  if (columns.empty()) columns = RowColumns(table, row.amounts.size());
  return columns;
}

struct RunSums {
  int held = 0;               // sums with the table's rows that hold with the run's rows read
  bool contradicted = false;  // one that does not
};

// The sums a run's rows take part in with the rows the table's grid read (H10 s3w_0152_budget:
// 302 in the grid, 30206, 30217 and 30228 in the run, and the run's 合计 over the grid's 301 and
// 302): each parent the table has of a new run row, and the total when the run prints it, summed
// over its children in the grid and in the run, column by column where the parent prints one.
RunSums SumsWithTheTable(const CanonicalTable& table, const std::vector<RowPiece>& rows) {
  std::map<std::pair<std::string, std::string>, std::int64_t> fen;  // (row, column) -> amount
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) fen[{row.row_code, figure.column}] = figure.amount_fen;
  }
  std::set<std::string> new_rows;
  for (const RowPiece& row : rows) {
    const std::string key = RunRowKey(row);
    const std::vector<std::string> columns = RunRowColumns(table, row);
    if (columns.size() != row.amounts.size() ||
        std::any_of(table.rows.begin(), table.rows.end(),
                    [&](const CanonicalRow& r) { return r.row_code == key; })) {
      continue;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      fen[{key, columns[i]}] = ToFen(ParseAmountText(row.amounts[i]), table.unit).value_or(0);
    }
    new_rows.insert(key);
  }
  std::set<std::string> parents;
  for (const std::string& key : new_rows) {
    if (key == "total") {
      parents.insert(key);
    } else if (key.size() >= 5) {
      const std::string parent = key.substr(0, key.size() - 2);
      if (new_rows.count(parent) == 0) parents.insert(parent);
    }
  }
  RunSums sums;
  for (const std::string& parent : parents) {
    std::map<std::string, std::int64_t> by_column;
    for (const auto& [where, amount] : fen) {
      const std::string& code = where.first;
      const bool child = parent == "total" ? code.size() == 3 && AllDigits(code)
                                           : code.size() == parent.size() + 2 &&
                                                 StartsWith(code, parent) && AllDigits(code);
      if (child) by_column[where.second] += amount;
    }
    int checked = 0;
    for (const auto& [column, sum] : by_column) {
      const auto printed = fen.find({parent, column});
      if (printed == fen.end()) continue;
      if (printed->second != sum) sums.contradicted = true;
      ++checked;
    }
    if (checked > 0 && !sums.contradicted) ++sums.held;
  }
  return sums;
}

}  // namespace

// A run of a scan's lines under a table whose rows print each amount before its code
// (C s3w_0081_budget's basic-expenditure table after its grid: `424.24` over `302 商品和服务支出`,
// then `95.50 30201 办公费`, `6.72 30205 水费`, …, `59.03` over `30217 公务接待费`: the amount
// column's text sat a little above the code's on each row). Read as usual, each code took no
// amount and each amount went to the row before. A run that opens with an amount and closes
// with a code, each code after at least one amount, is paired the other way, each code with the
// amounts before it, when that pairing makes a parent's amounts the sums of its children's in
// the run and nothing contradicts it; the rows new to the table are read (table.row_from_text,
// warning). Returns the blocks read.
std::set<int> ReadRowsWithAmountsBeforeCodes(const Document& document,
                                             const std::vector<std::pair<int, int>>& table_blocks,
                                             std::vector<CanonicalTable>& tables,
                                             const std::set<int>& read_blocks,
                                             std::vector<Finding>& findings) {
  std::set<int> done;
  constexpr std::size_t kLeastCodes = 3;
  for (std::size_t b = 0; b < document.blocks.size();) {
    // The run: consecutive OCR lines of one table, each codes and amounts only.
    std::vector<CodeOrAmount> run;
    int table_index = -1;
    std::size_t e = b;
    for (; e < document.blocks.size(); ++e) {
      const Paragraph* paragraph = document.blocks[e].AsParagraph();
      if (paragraph == nullptr || paragraph->provenance.origin != TextOrigin::kOcr ||
          read_blocks.count(static_cast<int>(e)) != 0) {
        break;
      }
      const int t = NearestTable(table_blocks, tables, document, static_cast<int>(e),
                                 paragraph->provenance.page);
      if (t < 0 || (table_index >= 0 && t != table_index)) break;
      std::vector<CodeOrAmount> pieces;
      if (!CodesAndAmounts(paragraph->text, static_cast<int>(e), pieces)) break;
      table_index = t;
      run.insert(run.end(), pieces.begin(), pieces.end());
    }
    const std::size_t next = e > b ? e : b + 1;
    std::size_t codes = 0;
    for (const CodeOrAmount& piece : run) codes += !piece.code.empty();
    if (codes < kLeastCodes || run.front().code.size() > 0 ||
        (run.back().code.empty() && !run.back().total)) {
      b = next;
      continue;
    }
    // Each code with the amounts before it.
    std::vector<RowPiece> rows;
    std::vector<int> row_blocks;
    std::vector<std::string> amounts;
    bool paired = true;
    for (const CodeOrAmount& piece : run) {
      if (piece.code.empty() && !piece.total) {
        amounts.push_back(piece.amount);
        continue;
      }
      if (amounts.empty()) paired = false;
      RowPiece row;
      row.code = piece.code;
      row.label = piece.label;
      row.amounts = std::move(amounts);
      amounts.clear();
      rows.push_back(std::move(row));
      row_blocks.push_back(piece.block);
    }
    CanonicalTable& table = tables[static_cast<std::size_t>(table_index)];
    // The sums: every parent in the run whose children in the run print as many amounts.
    int identities = 0;
    for (const RowPiece& parent : rows) {
      std::vector<std::int64_t> sums(parent.amounts.size(), 0);
      int children = 0;
      bool shaped = true;
      for (const RowPiece& child : rows) {
        if (child.code.size() != parent.code.size() + 2 || !StartsWith(child.code, parent.code)) {
          continue;
        }
        ++children;
        if (child.amounts.size() != parent.amounts.size()) {
          shaped = false;
          break;
        }
        for (std::size_t i = 0; i < sums.size(); ++i) {
          sums[i] += ToFen(ParseAmountText(child.amounts[i]), table.unit).value_or(0);
        }
      }
      if (children == 0 || !shaped) continue;
      for (std::size_t i = 0; i < sums.size(); ++i) {
        if (ToFen(ParseAmountText(parent.amounts[i]), table.unit).value_or(-1) != sums[i]) {
          paired = false;
        }
      }
      ++identities;
    }
    const RunSums with_table = SumsWithTheTable(table, rows);
    identities += with_table.held;
    if (with_table.contradicted) paired = false;
    if (!paired || identities == 0 || table.unit == UnitOfAmount::kUnknown) {
      b = next;
      continue;
    }
    Finding finding;
    finding.check = "table.row_from_text";
    finding.severity = Severity::kWarning;
    std::string quoted;
    bool all_read = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const RowPiece& row = rows[r];
      // An economic class's column first: a grid of 301 rows fills 人员经费 only, and one amount
      // of a 302 row is 公用经费's.
      const std::vector<std::string> columns = RunRowColumns(table, row);
      const Paragraph& paragraph =
          *document.blocks[static_cast<std::size_t>(row_blocks[r])].AsParagraph();
      if (finding.figures.empty()) finding.provenance = paragraph.provenance;
      const std::string key = RunRowKey(row);
      CanonicalRow* read =
          ReadRowIntoTable(table, row, key, columns, table_index, row_blocks[r], paragraph);
      if (read == nullptr) {
        all_read = false;
        continue;
      }
      for (const Figure& figure : read->values) {
        finding.figures.push_back(ReferenceTo(figure));
        quoted += " " + key + "/" + figure.column + "=" + figure.printed_text;
      }
    }
    // Lines with a row not read are left to the reader below, which names their amounts.
    if (all_read) {
      for (std::size_t k = b; k < e; ++k) done.insert(static_cast<int>(k));
    }
    if (!finding.figures.empty()) {
      finding.message = "lines next to table '" + table.printed_title + "' (" + table.kind +
                        ") print each row's amounts before its code (the sums of its parents "
                        "hold only so): read as its rows:" +
                        quoted;
      findings.push_back(std::move(finding));
    }
    b = next;
  }
  return done;
}

}  // namespace disclose
