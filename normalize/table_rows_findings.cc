// What the rows stage says about a table once its rows are read: amounts it could not key to
// a row or a column, rows OCR keyed alike, a kind it could not name, columns and a total row
// keyed by sums rather than by words. Each finding names the figures concerned, so that none is
// a wrong figure without a finding; nothing here changes a figure already read, but
// KeyTotalRowBySums, which keys the one total row whose 合计 a scan misread.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_reader.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/table_total_row.h"

namespace disclose {

// A table that holds amounts and names no canonical kind is said, never
// left as a silent `other`: its title, pages and how many amounts it holds.
void RowReader::ReportUnclassified(const StitchedTable& pending) {
  const CanonicalTable& table = pending.canonical;
  if (table.kind != "other") return;
  // The cells its figures were read from: an amount in a column no header keys is none.
  std::set<std::tuple<int, int, int>> exported;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      exported.emplace(figure.provenance.block, figure.provenance.row, figure.provenance.column);
    }
  }
  int amounts = 0;
  int unexported = 0;
  std::string quoted;  // the amounts no figure holds
  const TableCell* example = nullptr;
  for (const TablePart& part : pending.parts) {
    for (const TableCell& cell : part.table->cells) {
      if (cell.row < part.header.header_rows) continue;
      const AmountText amount = ParseAmountText(cell.text);
      if (amount.kind != AmountKind::kNumber || amount.percent) continue;
      // Money prints a point or a separator; bare integers are codes and counts.
      // Folded first: some publishers print fullwidth digits and separators (３，４９０).
      if (TableKey(cell.text).find_first_of(".,") == std::string::npos) continue;
      ++amounts;
      if (example == nullptr) example = &cell;
      if (exported.count({part.block, cell.row, cell.column}) == 0 &&
          ++unexported <= kMaxQuotedAmounts) {
        quoted += " " + RemoveAllWhitespace(cell.text);
      }
    }
  }
  if (amounts == 0) return;
  std::string pages;
  for (int page : table.pages) {
    if (page <= 0) continue;
    pages += (pages.empty() ? " on page " : ", ") + std::to_string(page);
  }
  const std::string name = table.printed_title.empty() ? std::string("an untitled table")
                                                       : "table '" + table.printed_title + "'";
  Provenance provenance = example->provenance;
  if (provenance.block < 0) provenance.block = pending.parts.front().block;
  // Named by its evidence but set aside because of the document's class.
  std::string set_aside;
  std::string partial;  // evidence that names a kind, too weak alone to key the table
  for (const KindEvidence& item : table.evidence) {
    if (item.source == "document_class") set_aside = item.text;
    if (item.source != "document_class" && !item.kind.empty() && partial.empty()) {
      partial = "its " + item.source + " (" + item.text + ") reads as " + item.kind;
    }
  }
  const std::string why =
      !set_aside.empty()
          ? " amount(s) and the document is a " + set_aside +
                ", not a department's disclosure: department table kinds do not apply"
      : !partial.empty()
          ? " amount(s); " + partial + ", but no title or header confirms a canonical kind"
          : " amount(s) but neither its title, header nor body names a canonical table kind";
  // Amounts in columns no header keys make no figure: they are quoted, so that none is lost
  // without a finding that names it (a table cut from its header by a page break in a text
  // laid out with spaces, every column unkeyed).
  const std::string exported_how =
      unexported == 0 || !set_aside.empty()
          ? "; its figures are exported under kind 'other'"
          : "; " + std::to_string(amounts - unexported) +
                " of them are exported under kind 'other', and these " +
                std::to_string(unexported) + ", in columns no header keys, are not:" + quoted +
                (unexported > kMaxQuotedAmounts ? " …" : "");
  AddTableFinding(findings_, "table.unclassified", Severity::kWarning,
                  name + pages + " holds " + std::to_string(amounts) + why + exported_how,
                  provenance, table.printed_title);
  // The figures it holds are named too: each is a standard table's figure read under no
  // kind (a continuation page whose title and header were lost), so none of them is a
  // wrong figure without a finding. A government book's tables (set aside by the
  // document's class) are read as printed, not lost, and are not listed.
  if (!set_aside.empty()) return;
  Finding& finding = findings_.back();
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (finding.figures.size() >= kMaxListedFigures) break;
      finding.figures.push_back(ReferenceTo(figure));
    }
  }
}

// A total row whose 合计 OCR misread, keyed by its sums (table_total_row.h), and said so.
void RowReader::KeyTotalRowBySums(CanonicalTable& table) {
  for (const CanonicalRow* row : KeyOcrSummaryTotalsByTheOtherSide(table)) {
    Finding finding;
    finding.check = "row.total_by_sums";
    finding.severity = Severity::kInfo;
    finding.message = "table '" + table.printed_title + "': the OCR'd row '" + row->row_name +
                      "' keys no row as read; printed on the line of the other side's total and "
                      "equal to it, it is " +
                      row->row_code;
    for (const Figure& figure : row->values) finding.figures.push_back(ReferenceTo(figure));
    finding.provenance = row->values.front().provenance;
    findings_.push_back(std::move(finding));
  }
  const CanonicalRow* row = KeyOcrTotalRowBySums(table);
  if (row == nullptr) return;
  Finding finding;
  finding.check = "row.total_by_sums";
  finding.severity = Severity::kInfo;
  finding.message = "table '" + table.printed_title + "': the OCR'd row '" + row->row_name +
                    "' keys no row as read and prints in each column (all but one at most, "
                    "which sum.total then names) the sum of the table's top rows (its 类 rows, "
                    "or the 项 rows it lists alone): it is the total row";
  for (const Figure& figure : row->values) finding.figures.push_back(ReferenceTo(figure));
  if (!row->values.empty()) finding.provenance = row->values.front().provenance;
  findings_.push_back(std::move(finding));
}

// Columns keyed by the rows' sums, not by their misread header words (table_columns_sums.cc):
// the figures of those columns are as good as the sums that keyed them, and the finding lists
// them.
void RowReader::ReportColumnsKeyedBySums(const CanonicalTable& table, const TableColumns& columns) {
  if (columns.keyed_by_sums.empty()) return;
  std::vector<FigureRef> figures;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (std::find(columns.keyed_by_sums.begin(), columns.keyed_by_sums.end(),
                    figure.provenance.column) == columns.keyed_by_sums.end()) {
        continue;
      }
      figures.push_back(ReferenceTo(figure));
    }
  }
  if (figures.empty()) return;
  std::string keyed;
  for (int c : columns.keyed_by_sums) {
    if (!keyed.empty()) keyed += ", ";
    const std::size_t at = static_cast<std::size_t>(c);
    // A columnar 三公 column names its item (three_public.total), not a figure's key.
    const std::string& key = columns.keys[at].empty() && at < columns.column_rows.size()
                                 ? columns.column_rows[at]
                                 : columns.keys[at];
    keyed += "column " + std::to_string(c + 1) + " as " + key;
  }
  Finding finding;
  finding.check = "column.keyed_by_sums";
  finding.severity = Severity::kWarning;
  finding.message = "table '" + table.printed_title +
                    "' is OCR'd and its header words do not key its amount columns: " + keyed +
                    " are keyed by the rows' sums (" + columns.sums_evidence + "); its " +
                    std::to_string(figures.size()) + " figure(s) in them are listed";
  finding.provenance = figures.front().provenance;
  finding.figures = std::move(figures);
  findings_.push_back(std::move(finding));
}

// Several rows of one OCR'd table keyed with the same code: a code piece misread or lost
// (302 | 01 read as 302 on every row, 20503 for 2050803 when the 款 was not read). The reader
// cannot tell which row the code names: one finding per table lists the codes and every
// figure of those rows. A text layer prints its codes as
// typed, and is not checked.
void RowReader::ReportOcrDuplicateCodes(const CanonicalTable& table) {
  if (!StartsWith(table.kind, "budget.") && !StartsWith(table.kind, "final.")) return;
  std::map<std::string, std::vector<const CanonicalRow*>> by_code;
  for (const CanonicalRow& row : table.rows) {
    // Class codes and canonical keys (a 三公 row's name misread into another's key, H14
    // s3w_0217_final); the same code under the same name is a row printed twice on purpose
    // (Yantai's 基本支出 tables map one 部门预算 class to several 政府预算 classes).
    if (row.row_code.empty() || row.values.empty()) continue;
    if (row.values.front().provenance.origin != TextOrigin::kOcr) continue;
    by_code[row.row_code].push_back(&row);
  }
  Finding finding;
  std::string codes;
  for (const auto& [code, rows] : by_code) {
    std::set<std::string> names;
    for (const CanonicalRow* row : rows) names.insert(TableKey(row->row_name));
    if (rows.size() < 2 || names.size() < 2) continue;
    if (!codes.empty()) codes += ", ";
    codes += code + " (" + std::to_string(rows.size()) + " rows)";
    for (const CanonicalRow* row : rows) {
      for (const Figure& figure : row->values) {
        finding.figures.push_back(ReferenceTo(figure));
      }
    }
  }
  if (codes.empty()) return;
  finding.check = "ocr.duplicate_code";
  finding.severity = Severity::kWarning;
  finding.message = table.kind + ": several rows of this OCR'd table are keyed with the same " +
                    "code under different names, " + codes +
                    ": a code or name misread or lost (or a row printed twice); their figures "
                    "are listed";
  finding.provenance = finding.figures.front().provenance;
  findings_.push_back(std::move(finding));
}

// Figures whose row has neither a class code nor a canonical key are still
// exported (under their printed name), and said so once per table.
void RowReader::ReportUnkeyedRows(const CanonicalTable& table) {
  if (std::optional<Finding> finding = UnkeyedRowsFinding(table)) {
    findings_.push_back(std::move(*finding));
  }
}

std::optional<Finding> UnkeyedRowsFinding(const CanonicalTable& table) {
  if (IsTextTableKind(table.kind)) return std::nullopt;
  std::vector<const CanonicalRow*> unkeyed;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code.empty() && !row.values.empty()) unkeyed.push_back(&row);
  }
  if (unkeyed.empty()) return std::nullopt;
  constexpr std::size_t kNamesListed = 5;
  std::string names;
  for (std::size_t i = 0; i < unkeyed.size() && i < kNamesListed; ++i) {
    if (!names.empty()) names += ", ";
    names += unkeyed[i]->row_name;
  }
  if (unkeyed.size() > kNamesListed) names += ", ...";
  Finding finding;
  finding.check = "row.unkeyed";
  finding.severity = Severity::kInfo;
  finding.message = table.kind + ": " + std::to_string(unkeyed.size()) +
                    " row(s) with figures have no class code or canonical key and are exported "
                    "under their printed name with an empty row_code: " +
                    names;
  finding.provenance = unkeyed.front()->values.front().provenance;
  for (const CanonicalRow* row : unkeyed) {
    for (const Figure& figure : row->values) {
      finding.figures.push_back(ReferenceTo(figure));
    }
  }
  return finding;
}

namespace {

// The key of the row `table` read from row `row` of block `block`; "" when it read none, and in
// a summary, whose printed row holds a row of each side: which side an unread amount is on is
// what its column would have said.
std::string RowCodeOf(const CanonicalTable& table, int block, int row) {
  if (IsSummaryKind(table.kind)) return "";
  for (const CanonicalRow& canonical : table.rows) {
    if (canonical.source_block == block && canonical.source_row == row) return canonical.row_code;
  }
  return "";
}

}  // namespace

// Amounts in a column whose header names no canonical column are not read;
// say so rather than lose them. Only money-like cells count (a point or a
// separator): bare integers are codes, row numbers and counts.
void RowReader::ReportUnreadAmountColumns(const StitchedTable& pending) {
  const CanonicalTable& table = pending.canonical;
  const TablePart& first = pending.parts.front();
  // Text tables and tables whose unit is unknown (already an error) are not checked. A 三公
  // table read column by column has its read cells in read_cells_; one read row by row whose
  // amount column has no key (its header left on the page before) loses every figure.
  if (IsTextTableKind(table.kind) || table.unit == UnitOfAmount::kUnknown) return;
  for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
    if (!table.column_keys[c].empty()) continue;
    // A 行次 column prints bare row numbers: money under its word is a column of amounts whose
    // header the scan joined to 行次 (H13 s3w_0205_budget), unread and named here like any.
    const std::string& role = first.header.roles[c];
    if (IsCodeRole(role)) continue;
    int amounts = 0;
    const TableCell* example = nullptr;
    std::string quoted;
    // Each amount is referred to under its table and the row it stands in (its column unknown),
    // so that a reader of the JSON finds which of the table's figures are not read.
    std::vector<FigureRef> references;
    for (const TablePart& part : pending.parts) {
      if (static_cast<std::size_t>(part.table->column_count) != table.column_keys.size()) {
        continue;
      }
      for (int r = BodyStart(part); r < part.table->row_count; ++r) {
        const TableCell* cell = part.table->CellAt(r, static_cast<int>(c));
        if (cell == nullptr || cell->row != r || cell->column != static_cast<int>(c)) continue;
        if (read_cells_.count(cell) != 0) continue;  // read under another column's key
        const AmountText amount = ParseAmountText(cell->text);
        if (amount.kind != AmountKind::kNumber || amount.percent) continue;
        const std::string folded = RemoveAllWhitespace(cell->text);
        if (folded.find_first_of(".,") == std::string::npos) continue;
        ++amounts;
        if (example == nullptr) example = cell;
        // Each unread amount is quoted: they are figures lost, and the finding names them.
        if (amounts <= kMaxQuotedAmounts) quoted += " " + RemoveAllWhitespace(cell->text);
        if (const std::optional<std::int64_t> fen = ToFen(amount, table.unit)) {
          references.push_back(
              FigureRef{table.kind, RowCodeOf(table, part.block, r), "", *fen, cell->provenance});
        }
      }
    }
    if (amounts == 0) continue;
    std::string header = CollapseWhitespace(first.header.paths[c]);
    Provenance provenance = example->provenance;
    AddTableFinding(findings_, "column.unkeyed", Severity::kWarning,
                    "column " + std::to_string(c + 1) + " of table '" + table.printed_title +
                        "' (header '" + header + "') holds " + std::to_string(amounts) +
                        " amount(s) that are not read: its header names no canonical column;" +
                        " they are" + quoted + (amounts > kMaxQuotedAmounts ? " …" : ""),
                    provenance, Trim(example->text));
    findings_.back().figures = std::move(references);
  }
}

// A 三公 table printed as columns names each item once across its header; two columns of one
// printed row read as the same item (a scan lost the 购置费 | 运行费 words under
// 公务用车购置及运行费) give that item two figures at once, of which at most one is right: the
// finding names them.
void RowReader::ReportColumnsOfOneItem(const CanonicalTable& table, const Provenance& provenance) {
  Finding finding;
  std::string items;
  for (const CanonicalRow& row : table.rows) {
    // Per printed row and figure column: a year's 预算数 beside another's is no repeat.
    std::map<std::tuple<int, int, std::string>, std::vector<const Figure*>> by_printed_row;
    for (const Figure& figure : row.values) {
      by_printed_row[{figure.provenance.block, figure.provenance.row, figure.column}].push_back(
          &figure);
    }
    for (const auto& [at, figures] : by_printed_row) {
      if (figures.size() < 2) continue;
      if (items.find(row.row_code) == std::string::npos) {
        AppendNote(items, row.row_code);
      }
      for (const Figure* figure : figures) {
        finding.figures.push_back(ReferenceTo(*figure));
      }
    }
  }
  if (finding.figures.empty()) return;
  finding.check = "column.item_repeated";
  finding.severity = Severity::kWarning;
  finding.provenance = provenance;
  finding.message = "table '" + table.printed_title +
                    "': " + std::to_string(finding.figures.size()) +
                    " figures come from columns of one printed row that its header names as "
                    "the same item (" +
                    items +
                    "), where the table prints the item once: a header word lost or misread, "
                    "or a grouping of columns the header does not key";
  findings_.push_back(std::move(finding));
}

// One finding per table for the amounts NoteUnlabelledAmounts kept: figures printed and
// not exported, named with their column and reading.
void RowReader::ReportUnlabelledAmounts(const CanonicalTable& table) {
  if (unlabelled_.empty()) return;
  std::string quoted;
  for (std::size_t i = 0; i < unlabelled_printed_.size(); ++i) {
    quoted += (i == 0 ? "" : " ") + unlabelled_printed_[i];
  }
  AddTableFinding(findings_, "row.unlabelled", Severity::kWarning,
                  "table '" + table.printed_title + "' (" + table.kind + ") has " +
                      std::to_string(unlabelled_.size()) +
                      " amount(s) in rows that print neither a label nor a class code, so "
                      "they key no row and are not exported: " +
                      quoted,
                  unlabelled_.front().provenance, unlabelled_printed_.front());
  findings_.back().figures = std::move(unlabelled_);
  unlabelled_.clear();
  unlabelled_printed_.clear();
}

namespace {

// The decimals an amount prints (2 for 12,672.73, 0 for 26), or nothing for a text that is
// no plain amount.
std::optional<int> PrintedDecimals(const std::string& printed) {
  const std::string text = TableKey(printed);
  const std::size_t point = text.find('.');
  const std::string_view whole = std::string_view(text).substr(0, point);
  const auto digit_or_mark = [](char c) { return IsAsciiDigit(c) || c == ',' || c == '-'; };
  if (whole.empty() || !std::all_of(whole.begin(), whole.end(), digit_or_mark)) {
    return std::nullopt;
  }
  if (point == std::string::npos) return 0;
  const std::string_view decimals = std::string_view(text).substr(point + 1);
  if (!std::all_of(decimals.begin(), decimals.end(), IsAsciiDigit)) return std::nullopt;
  return static_cast<int>(decimals.size());
}

}  // namespace

void RowReader::ReportAmountsShortOfTheirColumn(const CanonicalTable& table) {
  // A column's amounts print two decimals this many times before one printing fewer stands out.
  constexpr int kMinTwoDecimalAmounts = 5;
  std::map<std::string, std::vector<const Figure*>> columns;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) columns[figure.column].push_back(&figure);
  }
  std::vector<FigureRef> named;
  std::string quoted;
  for (const auto& [column, figures] : columns) {
    int two = 0;
    std::vector<const Figure*> short_ones;
    for (const Figure* figure : figures) {
      const std::optional<int> decimals = PrintedDecimals(figure->printed_text);
      if (!decimals) continue;
      if (*decimals == 2) ++two;
      if (*decimals < 2 && figure->amount_fen != 0) short_ones.push_back(figure);
    }
    if (short_ones.empty() || two < kMinTwoDecimalAmounts ||
        static_cast<int>(short_ones.size()) > std::max(1, two / 10)) {
      continue;
    }
    for (const Figure* figure : short_ones) {
      named.push_back(ReferenceTo(*figure));
      AppendNote(quoted, RemoveAllWhitespace(figure->printed_text) + " (row " +
                             (figure->row_code.empty() ? figure->row_name : figure->row_code) +
                             ", column " + column + ", among " + std::to_string(two) + ")");
    }
  }
  if (named.empty()) return;
  AddTableFinding(findings_, "amount.precision", Severity::kWarning,
                  "table '" + table.printed_title + "' (" + table.kind +
                      ") prints its amounts with two decimals, but " +
                      std::to_string(named.size()) + " with fewer: " + quoted +
                      "; an amount cut short by a wrap or a page break reads so, check it",
                  named.front().provenance, "");
  findings_.back().figures = std::move(named);
}

}  // namespace disclose
