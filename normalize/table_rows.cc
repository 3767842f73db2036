// Stage 5 of the table pipeline (table_stages.h): each body row's key (class
// code, canonical key or printed name) and its figures, one per keyed amount
// column, exact in fen; findings for what cannot be read.
#include <algorithm>
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
#include "normalize/classification.h"
#include "normalize/ocr_labels.h"
#include "normalize/table_code_pieces.h"
#include "normalize/table_figure.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/table_total_row.h"

namespace disclose {
namespace {

// 合 计 / 总 计 printed letter-spaced across two label columns (H8 s3w_0114: 总 | 记 in both
// summaries, 合 | 让 in its 一般公共预算 table): the name's first cell holds 合 or 总 alone and
// the next label cell one ideograph, the 计 (on a scan, read as another ideograph: 记, 让). Only
// the first cell was the row's name, and 合 or 总 alone keyed no row.
bool IsTotalHalfSpreadOverColumns(const std::string& name, const std::string& next_key,
                                  bool next_ocr) {
  if (name != "合" && name != "总") return false;
  const std::vector<char32_t> next = DecodeUtf8(next_key);
  if (next.size() != 1 || !IsCjkIdeograph(next[0])) return false;
  return next[0] == U'计' || next_ocr;
}

// Whether row r prints anything in the given amount columns.
bool RowPrintsAmounts(const Table& grid, int r, const std::vector<int>& amount_columns) {
  return std::any_of(amount_columns.begin(), amount_columns.end(),
                     [&](int c) { return !Trim(grid.TextAt(r, c)).empty(); });
}

// Appends one note to the comma-separated list a finding quotes.
void AppendNote(std::string& notes, const std::string& note) {
  if (!notes.empty()) notes += ", ";
  notes += note;
}

// How a garbled code piece was keyed, for ocr.code_inferred: "款 '0' as 02 (20102)", with ", by
// its name '…'" when the row's name chose among several pieces that fit.
std::string InferredPieceNote(std::string_view what, const std::string& garbled,
                              const std::string& code, std::size_t piece_at,
                              const std::string& name_used) {
  return std::string(what) + "'" + garbled + "' as " + code.substr(piece_at) + " (" + code +
         (name_used.empty() ? "" : ", by its name '" + name_used + "'") + ")";
}

// The unit of an OCR'd table whose unit line was not read (单位: 泡 or 单位，with the word lost
// for 单位：元), from how its amounts are printed, when they allow one unit only. An amount with
// eight digits before the point would be over 1000亿元 in 万元, which no department spends (two
// such amounts, as one may be two cells read as one); a
// table of whole numbers (8,115,738 with no decimals anywhere) is in 元, since 万元 tables print
// decimals. Amounts printed finer than a fen (952.850016, 3,613.3988: four or six decimals) are
// in 万元, which Beijing prints to the yuan or the fen; in 元 they would be fractions of a fen.
// Anything else stays unknown and goes to the document's unit. `reason` says which.
UnitOfAmount OcrUnitFromAmounts(const StitchedTable& pending, const std::vector<std::string>& keys,
                                std::string& reason) {
  int amounts = 0;
  int most_digits = 0;
  int large = 0;  // amounts of eight digits or more before the point
  bool decimals = false;
  int finer_than_fen = 0;  // amounts with three to six decimals
  int decimal_amounts = 0;
  bool ocr = false;
  for (const TablePart& part : pending.parts) {
    for (int r = part.header.header_rows; r < part.table->row_count; ++r) {
      for (std::size_t c = 0; c < keys.size(); ++c) {
        if (keys[c].empty() || keys[c] == kRateColumn) continue;
        const TableCell* cell = part.table->CellAt(r, static_cast<int>(c));
        if (cell == nullptr) continue;
        const AmountText amount = ParseAmountText(cell->text);
        if (amount.kind != AmountKind::kNumber || amount.percent ||
            amount.suffix_unit != UnitOfAmount::kUnknown) {
          continue;
        }
        ocr = ocr || cell->provenance.origin == TextOrigin::kOcr;
        ++amounts;
        decimals = decimals || amount.decimals > 0;
        if (amount.decimals > 0) ++decimal_amounts;
        if (amount.decimals > 2 && amount.decimals <= 6) ++finer_than_fen;
        std::int64_t whole = amount.mantissa < 0 ? -amount.mantissa : amount.mantissa;
        for (int d = 0; d < amount.decimals; ++d) whole /= 10;
        int digits = 0;
        for (; whole > 0; whole /= 10) ++digits;
        most_digits = std::max(most_digits, digits);
        if (digits >= 8) ++large;
      }
    }
  }
  if (!ocr) return UnitOfAmount::kUnknown;
  // Most decimal amounts, not one: OCR may read a stray mark as a digit (12.305 for 12.30).
  // This goes first: cells read as one make long amounts, never a column of fine decimals.
  if (finer_than_fen >= 2 && finer_than_fen * 2 > decimal_amounts) {
    reason = std::to_string(finer_than_fen) + " of its " + std::to_string(decimal_amounts) +
             " amounts with decimals print three to six of them, finer than a fen in 元";
    return UnitOfAmount::kWanYuan;
  }
  // Two such amounts at least: one may be two cells read as one (17631595200.00).
  if (large >= 2) {
    reason = std::to_string(large) +
             " amounts of eight digits or more before the point would be over 1000亿元 in 万元";
    return UnitOfAmount::kYuan;
  }
  if (amounts >= 3 && !decimals && most_digits >= 5) {
    reason = "its " + std::to_string(amounts) + " amounts are whole numbers up to " +
             std::to_string(most_digits) +
             " digits, as 元 tables print them (万元 tables print decimals)";
    return UnitOfAmount::kYuan;
  }
  return UnitOfAmount::kUnknown;
}

class RowReader {
 public:
  RowReader(const RowsOptions& options, std::vector<Finding>& findings)
      : options_(options), findings_(findings) {}

  CanonicalTable Read(StitchedTable pending, const TableColumns& columns, int table_index) {
    const std::size_t findings_before = findings_.size();
    FillRows(pending, columns, table_index);
    KeyTotalRowBySums(pending.canonical);
    ListOcrFiguresOfAGuessedUnit(pending.canonical, findings_before);
    ReportColumnsKeyedBySums(pending.canonical, columns);
    ReportOcrDuplicateCodes(pending.canonical);
    ReportUnkeyedRows(pending.canonical);
    ReportUnlabelledAmounts(pending.canonical);
    ReportUnreadAmountColumns(pending);
    ReportUnclassified(pending);
    return std::move(pending.canonical);
  }

 private:
  // A table that holds amounts and names no canonical kind is said, never
  // left as a silent `other`: its title, pages and how many amounts it holds.
  void ReportUnclassified(const StitchedTable& pending) {
    const CanonicalTable& table = pending.canonical;
    if (table.kind != "other") return;
    int amounts = 0;
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
    AddTableFinding(findings_, "table.unclassified", Severity::kWarning,
                    name + pages + " holds " + std::to_string(amounts) + why +
                        "; its figures are exported under kind 'other'",
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

  // A finding that lists a table's figures lists at most this many (a JSON of bounded size).
  static constexpr std::size_t kMaxListedFigures = 500;
  // An unread column's amounts quoted in its column.unkeyed message, at most.
  static constexpr int kMaxQuotedAmounts = 60;

  // Figures whose row has neither a class code nor a canonical key are still
  // exported (under their printed name), and said so once per table.
  // An OCR'd table whose unit line was read too badly to name a unit (单位: 导 for 单位：元) is
  // read in the document's unit, which may be the other one: every figure is then off by 10,000
  // and its sums still hold. The unit.document_default finding lists the table's figures, so
  // none of them is a wrong figure without a finding. A text layer's missing unit is the
  // publisher's, and its finding stays short.
  void ListOcrFiguresOfAGuessedUnit(const CanonicalTable& table, std::size_t findings_before) {
    if (table.unit_source != UnitSource::kDocumentDefault &&
        table.unit_source != UnitSource::kInferred) {
      return;
    }
    std::vector<FigureRef> figures;
    bool ocr = false;
    for (const CanonicalRow& row : table.rows) {
      for (const Figure& figure : row.values) {
        ocr = ocr || figure.provenance.origin == TextOrigin::kOcr;
        figures.push_back(ReferenceTo(figure));
      }
    }
    if (!ocr || figures.empty()) return;
    for (std::size_t i = findings_before; i < findings_.size(); ++i) {
      Finding& finding = findings_[i];
      if (finding.check != "unit.document_default" && finding.check != "unit.inferred") continue;
      finding.message += "; the table is OCR'd and its unit line may be misread: its " +
                         std::to_string(figures.size()) + " figure(s) are listed";
      finding.figures = std::move(figures);
      return;
    }
  }

  // A total row whose 合计 OCR misread, keyed by its sums (table_total_row.h), and said so.
  void KeyTotalRowBySums(CanonicalTable& table) {
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
  void ReportColumnsKeyedBySums(const CanonicalTable& table, const TableColumns& columns) {
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
  void ReportOcrDuplicateCodes(const CanonicalTable& table) {
    if (!StartsWith(table.kind, "budget.") && !StartsWith(table.kind, "final.")) return;
    std::map<std::string, std::vector<const CanonicalRow*>> by_code;
    for (const CanonicalRow& row : table.rows) {
      // Class codes only; the same code under the same name is a row printed twice on purpose
      // (Yantai's 基本支出 tables map one 部门预算 class to several 政府预算 classes).
      if (!AllDigits(row.row_code) || row.row_code.empty() || row.values.empty()) continue;
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
                      ": a code misread or lost (or a row printed twice); their figures are listed";
    finding.provenance = finding.figures.front().provenance;
    findings_.push_back(std::move(finding));
  }

  void ReportUnkeyedRows(const CanonicalTable& table) {
    if (IsTextTableKind(table.kind)) return;
    std::vector<const CanonicalRow*> unkeyed;
    for (const CanonicalRow& row : table.rows) {
      if (row.row_code.empty() && !row.values.empty()) unkeyed.push_back(&row);
    }
    if (unkeyed.empty()) return;
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
    findings_.push_back(std::move(finding));
  }

  // Amounts in a column whose header names no canonical column are not read;
  // say so rather than lose them. Only money-like cells count (a point or a
  // separator): bare integers are codes, row numbers and counts.
  void ReportUnreadAmountColumns(const StitchedTable& pending) {
    const CanonicalTable& table = pending.canonical;
    const TablePart& first = pending.parts.front();
    // Text tables and tables whose unit is unknown (already an error) are not checked. A 三公
    // table read column by column has its read cells in read_cells_; one read row by row whose
    // amount column has no key (its header left on the page before) loses every figure.
    if (IsTextTableKind(table.kind) || table.unit == UnitOfAmount::kUnknown) return;
    for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
      if (!table.column_keys[c].empty()) continue;
      const std::string& role = first.header.roles[c];
      if (IsCodeRole(role) || role == "rowno") continue;
      int amounts = 0;
      const TableCell* example = nullptr;
      std::string quoted;
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
    }
  }

  void FillRows(StitchedTable& pending, const TableColumns& columns, int table_index) {
    CanonicalTable& table = pending.canonical;
    const TablePart& first = pending.parts.front();
    table.column_keys = columns.keys;
    table.printed_unit = pending.printed_unit;
    std::string inferred_reason;
    const UnitOfAmount inferred = OcrUnitFromAmounts(pending, columns.keys, inferred_reason);
    if (pending.declared != UnitOfAmount::kUnknown) {
      table.unit = pending.declared;
      table.unit_source = UnitSource::kDeclared;
    } else if (inferred != UnitOfAmount::kUnknown) {
      table.unit = inferred;
      table.unit_source = UnitSource::kInferred;
    } else if (options_.default_unit != UnitOfAmount::kUnknown) {
      table.unit = options_.default_unit;
      table.unit_source = UnitSource::kDocumentDefault;
    } else {
      table.unit = UnitOfAmount::kUnknown;
      table.unit_source = UnitSource::kUnknown;
    }
    const bool performance = StartsWith(table.kind, "performance.");
    const bool three_public = EndsWith(table.kind, ".three_public");
    const bool summary = IsSummaryKind(table.kind);
    const std::vector<Segment>& segments = columns.segments;
    const std::vector<std::string>& column_rows = columns.column_rows;
    const std::vector<std::string>& column_values = columns.column_values;
    const std::vector<std::string>& column_names = columns.column_names;
    const bool columnar_three_public = columns.columnar_three_public;

    // Unit findings only where there is something to read: a list of units
    // (序号 | 单位名称 | 备注) needs no 金额单位.
    bool amount_cells = false;
    for (const TablePart& part : pending.parts) {
      for (int r = part.header.header_rows; r < part.table->row_count && !amount_cells; ++r) {
        for (std::size_t c = 0; c < table.column_keys.size() && !amount_cells; ++c) {
          if (table.column_keys[c].empty() && !columnar_three_public) continue;
          const AmountText amount = ParseAmountText(part.table->TextAt(r, static_cast<int>(c)));
          amount_cells = amount.kind == AmountKind::kNumber && !amount.percent;
        }
      }
    }
    bool any_figure_table = !performance;
    if (!amount_cells) {
      // Nothing to read, nothing to warn about.
    } else if (any_figure_table && table.unit == UnitOfAmount::kUnknown) {
      AddTableFinding(findings_, "unit.unknown", Severity::kError,
                      "no amount unit declared for table '" + table.printed_title +
                          "' and none elsewhere in the document; its figures are not read",
                      first.table->provenance);
      any_figure_table = false;
    } else if (any_figure_table && table.unit_source == UnitSource::kInferred) {
      AddTableFinding(findings_, "unit.inferred", Severity::kWarning,
                      "table '" + table.printed_title + "' is OCR'd and no unit of it was read; " +
                          inferred_reason + ": read in " +
                          std::string(UnitOfAmountName(table.unit)),
                      first.table->provenance);
    } else if (any_figure_table && table.unit_source == UnitSource::kDocumentDefault) {
      AddTableFinding(findings_, "unit.document_default", Severity::kWarning,
                      "table '" + table.printed_title +
                          "' declares no unit; read in the document's " +
                          std::string(UnitOfAmountName(table.unit)),
                      first.table->provenance);
    }

    std::vector<std::string> last_class(segments.size());
    std::vector<std::string> last_kuan(segments.size());
    std::vector<std::string> last_xiang(segments.size());
    std::vector<bool> expenditure_side(segments.size(), false);
    bool opening_seen = false;
    // Jiangsu summaries close with 当年收入小计 / 上年结转资金 / 收入合计: a
    // 收入合计 (支出合计) after the year's subtotal is the grand total.
    bool income_year_total_seen = false;
    bool expenditure_year_total_seen = false;
    std::map<std::string, std::size_t> columnar_index;
    // OCR'd headers and row labels keyed by the nearest label a standard table prints.
    std::string labels_matched = columns.labels_matched;
    std::string codes_inferred;  // 项 pieces read with a digit lost or added, and what they key

    for (std::size_t part_index = 0; part_index < pending.parts.size(); ++part_index) {
      const TablePart& part = pending.parts[part_index];
      // A continuation without its own header reads its codes the way the
      // first page's header says (类 | 款 | 项 columns).
      // Only code roles count: a fragment row at the top of the page (the rest
      // of a row cut by the break) reads as a header of "label" columns.
      const bool own_roles =
          std::any_of(part.header.roles.begin(), part.header.roles.end(), IsCodeRole);
      const Table& grid = *part.table;
      const int start = BodyStart(part);
      const bool first_shape = part.table->column_count == first.table->column_count;
      std::vector<std::string> part_roles =
          !own_roles && first_shape ? first.header.roles : part.header.roles;
      // An OCR'd page may read its header worse than the first page did (类 lost, 科日编例 for
      // 科目编码): a column it reads as a label keeps the first page's code role, so that its
      // garbled codes are not taken for the row's name.
      if (own_roles && first_shape && &part != &first && IsOcrGrid(grid)) {
        for (std::size_t c = 0; c < part_roles.size(); ++c) {
          if ((part_roles[c].empty() || part_roles[c] == "label") &&
              IsCodeRole(first.header.roles[c])) {
            part_roles[c] = first.header.roles[c];
          }
        }
      }
      const std::vector<std::string> roles =
          WithMisreadSegmentColumn(std::move(part_roles), grid, start);
      const std::map<int, std::string> kuan_zeros = KuanPiecesReadAsZero(grid, roles, start);
      for (int r = start; r < grid.row_count; ++r) {
        // A repeated header or 栏次 row inside a stitched table.
        if (part_index > 0 || r > start) {
          RowScan scan = ScanRow(grid, r);
          if (scan.column_numbers) continue;
        }
        if (columnar_three_public) {
          std::string label;
          for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
            if (column_rows[c].empty() && table.column_keys[c].empty()) {
              std::string key = TableKey(grid.TextAt(r, static_cast<int>(c)));
              if (!key.empty() && label.empty()) label = key;
            }
          }
          std::string row_column = LeafKey(label);
          if (row_column.empty() || row_column == "-" || row_column == "total") {
            row_column = options_.doc_kind == DocKind::kFinalAccounts ? "final" : "budget";
          }
          for (std::size_t c = 0; c < column_rows.size(); ++c) {
            if (column_rows[c].empty()) continue;
            const std::string& column = column_values[c].empty() ? row_column : column_values[c];
            auto found = columnar_index.find(column_rows[c]);
            if (found == columnar_index.end()) {
              CanonicalRow row;
              row.row_code = column_rows[c];
              row.row_name = CleanName(column_names[c]);
              row.source_block = part.block;
              row.source_row = r;
              table.rows.push_back(std::move(row));
              found = columnar_index.emplace(column_rows[c], table.rows.size() - 1).first;
            }
            CanonicalRow& row = table.rows[found->second];
            if (any_figure_table)
              AddFigure(table, row, grid, part.block, r, static_cast<int>(c), column, table_index);
          }
          continue;
        }

        std::vector<int> consumed;  // cells a 合计 label on the left already took
        for (std::size_t s = 0; s < segments.size(); ++s) {
          const Segment& segment = segments[s];
          // Code pieces and the name from the label columns.
          std::vector<std::pair<std::string, std::string>> pieces;  // role, digits
          std::string code;
          std::string name;
          bool label_ocr = false;     // a label cell recognised from an image
          bool kuan_unread = false;   // a 款 piece the scan made letters of
          bool kuan_single = false;   // a scan's one-digit 款 piece: 02 printed 2, or 11 read 1
          bool class_unread = false;  // a 类 code the scan garbled
          std::string xiang_garbled;  // a 项 piece read with a digit lost or added ("0", "101")
          int xiang_column = -1;
          std::string kuan_garbled;  // a 款 piece read with a digit lost, or 00
          int kuan_column = -1;
          bool kuan_blank = false;  // an OCR'd 款 cell read empty
          for (int c : segment.labels) {
            const std::string& role = roles[static_cast<std::size_t>(c)];
            if (role == "rowno") continue;
            const std::string text = Trim(grid.TextAt(r, c));
            if (text.empty()) {
              if (role == "kuan" && IsOcrCell(grid, r, c)) kuan_blank = true;
              continue;
            }
            label_ocr = label_ocr || IsOcrCell(grid, r, c);
            std::string key = TableKey(text);
            if (role == "class" && IsOcrCell(grid, r, c) && IsMisreadClassCode(key)) {
              class_unread = true;
              continue;
            }
            if (role == "kuan" && key == "00" && IsOcrCell(grid, r, c)) {
              const auto zero = kuan_zeros.find(r);
              if (zero != kuan_zeros.end()) {
                AppendNote(codes_inferred,
                           "款 '00' as " + zero->second + " (row " + std::to_string(r + 1) + ")");
                key = zero->second;
              }
            }
            if (role == "kuan" && IsOcrCell(grid, r, c) && AllDigits(key) &&
                ((key.size() == 1 && PadsPieces(grid, c)) || key == "00")) {
              kuan_garbled = key;
              kuan_column = c;
              // Printed after its class (201 | 00) with no other reading of it in its run: the
              // row keeps its class code, as for any 款 piece the scan made letters of.
              if (key == "00" && !code.empty()) {
                kuan_unread = true;
                continue;
              }
            }
            if (role == "xiang" && IsOcrCell(grid, r, c) && AllDigits(key) &&
                ((key.size() == 1 && PadsPieces(grid, c)) || key.size() == 3 || key == "00")) {
              xiang_garbled = key;
              xiang_column = c;
              continue;
            }
            if ((role == "kuan" || role == "xiang") && IsOcrCell(grid, r, c) &&
                (!AllDigits(key) || (key.size() == 1 && PadsPieces(grid, c)))) {
              const std::string piece = OcrCodePiece(key);
              if (!piece.empty()) {
                key = piece;
              } else if (IsMisreadPiece(key) || IsPieceReadAsIdeographs(key)) {
                // Which piece it is, the rows around it and its name may tell (below).
                if (role == "kuan") {
                  kuan_unread = true;
                  if (kuan_garbled.empty()) {
                    kuan_garbled = key;
                    kuan_column = c;
                  }
                } else {
                  xiang_garbled = key;
                  xiang_column = c;
                }
                continue;
              }
            }
            // A second code group after the name (部门预算支出经济分类 301 01 基本工资 |
            // 政府预算支出经济分类 501 01 工资奖金津补贴, Yantai 基本支出预算情况表) is
            // another classification of the same row: the first one keys it.
            if (AllDigits(key) && !name.empty() && (!code.empty() || !pieces.empty())) continue;
            if (AllDigits(key)) {
              if (IsClassCode(key) && code.empty() && pieces.empty()) {
                code = key;
              } else if (key.size() == 2 &&
                         (role == "kuan" || role == "xiang" || role == "class" || role == "code")) {
                pieces.emplace_back(role, key);
              } else if (key.size() == 1 && (role == "kuan" || role == "xiang")) {
                // Excel's number format drops the leading zero: 款 "2" is 02.
                pieces.emplace_back(role, "0" + key);
                if (role == "kuan" && IsOcrCell(grid, r, c)) kuan_single = true;
              } else if (key.size() == 4 && (role == "kuan" || role == "code") &&
                         IsTwoCodePairs(text)) {
                // 款 and 项 in one cell, "13 01": a PDF read without rules
                // where one row alone prints a 项 code (its column model has
                // no 项 column apart from the 款 one).
                pieces.emplace_back("kuan", key.substr(0, 2));
                pieces.emplace_back("xiang", key.substr(2));
              }
              continue;
            }
            // "2080505 机关事业单位…" or "2010801-行政运行" (Beijing 预算03表) in one cell.
            std::size_t digits = 0;
            while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') ++digits;
            const std::size_t name_at =
                digits < key.size() && key[digits] == '-' ? digits + 1 : digits;
            if (digits > 0 && name_at < key.size() &&
                static_cast<unsigned char>(key[name_at]) >= 0x80 &&
                IsClassCode(key.substr(0, digits)) && code.empty()) {
              code = key.substr(0, digits);
              std::size_t cut = 0;
              while (cut < text.size() &&
                     ((text[cut] >= '0' && text[cut] <= '9') || text[cut] == ' '))
                ++cut;
              if (text.compare(cut, 1, "-") == 0) ++cut;
              if (text.compare(cut, 3, "－") == 0) cut += 3;
              if (name.empty()) name = CleanName(text.substr(cut));
              continue;
            }
            // The 类 | 款 | 项 header words share a row with 合计 when a PDF
            // draws no rule between them (sh_putuo_finance_2024_final p8).
            if (key == "类" || key == "款" || key == "项") continue;
            if (name.empty()) {
              name = CleanName(text);
            } else if (IsTotalHalfSpreadOverColumns(name, key, IsOcrCell(grid, r, c))) {
              name += "计";
            }
          }
          // A 款 row whose piece was misread: the 项 rows under it print its 款 piece again, and
          // rows are printed in the tree's order, so the next row's piece is this row's.
          // A one-digit piece is Excel's 2 for 02 when the 项 rows print it so, else a digit lost.
          const bool single_kuan_row =
              kuan_single && pieces.size() == 1 && pieces[0].first == "kuan";
          if ((kuan_unread || single_kuan_row) && code.size() == 3 &&
              (pieces.empty() || single_kuan_row) && r + 1 < grid.row_count) {
            std::string next_class;
            std::string next_kuan;
            bool next_xiang = false;
            for (int c : segment.labels) {
              const std::string& role = roles[static_cast<std::size_t>(c)];
              std::string key = TableKey(grid.TextAt(r + 1, c));
              if (role == "kuan" && !AllDigits(key)) key = OcrCodePiece(key);
              if (role == "kuan" && key.size() == 1 && PadsPieces(grid, c)) key.clear();
              if (role == "class") next_class = key;
              if (role == "kuan") next_kuan = key;
              if (role == "xiang") next_xiang = !key.empty();
            }
            if ((next_class.empty() || next_class == code) && next_kuan.size() == 2 &&
                AllDigits(next_kuan) && next_kuan != "00" && next_xiang &&
                (pieces.empty() || (pieces[0].second != next_kuan &&
                                    next_kuan.find(pieces[0].second[1]) != std::string::npos))) {
              pieces = {{"kuan", next_kuan}};
            }
          }
          // A 款 row printing its piece alone (Yantai: the class on its own row above) read with a
          // digit lost or as 00: as for a 项 piece below, the 款 rows of one class print in
          // ascending order, so the one piece its reading allows between the 款 before it and the
          // next 款 row of the class is its piece. Otherwise it stays uncoded, and so do the 项
          // rows under it: joined to the 款 before they would be keyed wrong.
          if (!kuan_garbled.empty() && code.empty() &&
              (pieces.empty() || (pieces.size() == 1 && pieces[0].first == "kuan")) &&
              !last_class[s].empty()) {
            const std::string& sibling = last_kuan[s];
            const int lower = StartsWith(sibling, last_class[s]) ? std::stoi(sibling.substr(3)) : 0;
            int upper = 100;
            for (int next = r + 1; next < grid.row_count; ++next) {
              bool class_row = false;
              for (int c : segment.labels) {
                if (roles[static_cast<std::size_t>(c)] == "class" &&
                    !Trim(grid.TextAt(next, c)).empty()) {
                  class_row = true;
                }
              }
              if (class_row) break;
              const std::string piece = TableKey(grid.TextAt(next, kuan_column));
              if (piece.size() == 2 && AllDigits(piece) && piece != "00") {
                upper = std::stoi(piece);
                break;
              }
            }
            std::vector<int> between;
            for (const int piece : PiecesReadAs(kuan_garbled)) {
              if (piece > lower && piece < upper) between.push_back(piece);
            }
            pieces.clear();
            const std::string by_name = CodeNamedAmong(last_class[s], between, name);
            if (between.size() == 1 || !by_name.empty()) {
              code = by_name.empty() ? last_class[s] + TwoDigits(between[0]) : by_name;
              AppendNote(codes_inferred, InferredPieceNote("款 ", kuan_garbled, code, 3,
                                                           by_name.empty() ? "" : name));
            } else {
              last_kuan[s].clear();
              last_xiang[s].clear();
            }
          }
          // A 项 piece read with a digit lost or added, or read 00: the 项 rows of one 款 print in
          // ascending order, so the piece lies above the sibling's before it and below the next
          // row's; it is taken when one piece its reading allows lies there (sd_yantai_stats p8:
          // 101 between the 款 row and 02 is 01). Its 款 is the one above, or the pieces printed
          // with it (208 | 05 | 00). Otherwise the row stays uncoded: without the piece it would
          // be keyed as its 款.
          if (!xiang_garbled.empty()) {
            std::string parent;
            if (code.empty() && pieces.empty()) {
              parent = last_kuan[s];
            } else if (code.size() == 3 && pieces.size() == 1 && pieces[0].first == "kuan") {
              parent = code + pieces[0].second;
            }
            std::vector<int> between;
            if (parent.size() == 5 && !FunctionClassCode(StripOrdinal(TableKey(name)))) {
              const std::string& sibling = last_xiang[s];
              const int lower = StartsWith(sibling, parent) ? std::stoi(sibling.substr(5)) : 0;
              int upper = 100;
              if (r + 1 < grid.row_count) {
                const std::string next = TableKey(grid.TextAt(r + 1, xiang_column));
                if (next.size() == 2 && AllDigits(next) && next != "00") upper = std::stoi(next);
              }
              for (const int piece : PiecesReadAs(xiang_garbled)) {
                if (piece > lower && piece < upper) between.push_back(piece);
              }
            }
            pieces.clear();
            code.clear();
            const std::string by_name = CodeNamedAmong(parent, between, name);
            if (between.size() == 1 || !by_name.empty()) {
              code = by_name.empty() ? parent + TwoDigits(between[0]) : by_name;
              AppendNote(codes_inferred, InferredPieceNote("", xiang_garbled, code, 5,
                                                           by_name.empty() ? "" : name));
            }
          }
          // A 项 row whose 款 piece was misread is under the 款 row above it.
          if (kuan_unread && code.size() == 3 && pieces.size() == 1 && pieces[0].first == "xiang" &&
              StartsWith(last_kuan[s], code)) {
            code = last_kuan[s] + pieces[0].second;
            pieces.clear();
          } else if (kuan_unread && code.size() == 3 && !pieces.empty() &&
                     pieces[0].first == "xiang") {
            pieces.clear();  // not joined to the class: its 款 is not known
          }
          // A 项 row whose 款 piece the scan lost (210 | | 01) or cut to one digit in a column that
          // pads its pieces (210 | 1 | 03 for 210 | 11 | 03; s3w_0083_final), under a 款 row of its
          // class: a 项 row prints under its own 款, so the piece is the one above when the reading
          // allows it. Joined to the class alone the row would key a 款 (21001) or a 项 of another
          // 款 (2100103), and its 款's sums would fail.
          if (code.size() == 3 && StartsWith(last_kuan[s], code) && last_kuan[s].size() == 5) {
            const std::string above = last_kuan[s].substr(3);
            const bool lost = kuan_blank && pieces.size() == 1 && pieces[0].first == "xiang";
            bool cut = false;
            // One digit read (padded to 0d below): 1 for 11, whether the column pads or not (a
            // column printing 11 and 12 only pads nothing, and Excel's 02 printed 2 is 02 above).
            const std::string digit =
                pieces.empty() || pieces[0].second.size() != 2 ? "" : pieces[0].second.substr(1);
            if (kuan_single && pieces.size() == 2 && pieces[0].first == "kuan" &&
                pieces[1].first == "xiang" && pieces[0].second != above) {
              for (const int piece : PiecesReadAs(digit)) cut = cut || TwoDigits(piece) == above;
            }
            if (lost || cut) {
              code = last_kuan[s] + pieces.back().second;
              AppendNote(codes_inferred, "款 '" + (lost ? std::string() : digit) + "' as " + above +
                                             " (" + code + ", under the 款 row above)");
              pieces.clear();
            }
          }
          if (!pieces.empty()) {
            std::string joined;
            for (const auto& piece : pieces) joined += piece.second;
            if (code.size() == 3) {
              code += joined;
            } else if (code.empty()) {
              const bool xiang_only = pieces.size() == 1 && pieces[0].first == "xiang";
              if (xiang_only && !last_kuan[s].empty()) {
                code = last_kuan[s] + joined;
              } else if (!xiang_only && !last_class[s].empty()) {
                // A 项 piece under a class whose 款 row was unreadable (OCR's "tl" for 11) is
                // left uncoded: joined to the class it would make a 款 code (210 + 01 = 21001).
                code = last_class[s] + joined;
              }
            }
            if (!IsClassCode(code)) code.clear();
          }
          // A 类 row whose code the scan garbled is coded by its name, read by nearness when
          // misread too (城乡和区文出); the rows under it join that class, or, when the name
          // names none, no class: joined to the class above they would be keyed wrong (212's
          // 01 | 01 as 2101101 under 210).
          if (class_unread && code.empty() && pieces.empty()) {
            std::optional<std::string> class_code;
            if (IsFunctionCodedKind(table.kind)) {
              const std::string printed = StripOrdinal(TableKey(name));
              class_code = FunctionClassCode(printed);
              if (!class_code) {
                if (std::optional<std::string> label =
                        NearestOcrLabel(name, LabelVocabulary::kSummaryRows)) {
                  class_code = FunctionClassCode(*label);
                  if (class_code) {
                    AppendNote(labels_matched, "'" + name + "' as " + *label);
                  }
                }
              }
            }
            if (class_code) {
              code = *class_code;
            } else {
              last_class[s].clear();
              last_kuan[s].clear();
            }
          }
          // A code a scan misread into another of its class (2200104 read 2200101, a serif 4 read
          // 1): it keys a row already keyed, breaks its siblings' ascending order, ends in 00 or
          // is no code the documents print, and the row's name is the name the classification
          // gives the code one confusable digit away, not the one read. Its 项 rows follow a 款
          // so re-keyed. A known code read in order is as printed, whatever the name.
          const auto misplaced = [&](const std::string& read) {
            const std::string& sibling = read.size() == 7 ? last_xiang[s] : last_kuan[s];
            const bool out_of_order = sibling.size() == read.size() &&
                                      StartsWith(sibling, read.substr(0, read.size() - 2)) &&
                                      sibling >= read;
            return out_of_order || EndsWith(read, "00") ||
                   KnownFunctionSubclassNames(read).empty() ||
                   std::any_of(table.rows.begin(), table.rows.end(),
                               [&](const CanonicalRow& row) { return row.row_code == read; });
          };
          // A class code misread (205 read 209 over 教育支出, cq_city_commerce p9) beside the name
          // of another class: the name, printed in full, says which class the row is, and its
          // 款 rows (20503) follow it, not the misread one.
          if (label_ocr && IsFunctionCodedKind(table.kind) && code.size() == 3 && pieces.empty()) {
            const std::optional<std::string> named =
                FunctionClassCode(StripOrdinal(TableKey(name)));
            if (named && *named != code) {
              AppendNote(codes_inferred,
                         "'" + code + "' as " + *named + " by its name '" + name + "'");
              code = *named;
            }
          }
          if (label_ocr && IsFunctionCodedKind(table.kind) &&
              (code.size() == 5 || code.size() == 7) && misplaced(code)) {
            const std::string named = CodeMisreadAsAnother(code, name);
            if (!named.empty()) {
              AppendNote(codes_inferred,
                         "'" + code + "' as " + named + " by its name '" + name + "'");
              code = named;
            }
          }
          // A row left with no code (the scan lost it: 事业运行 among 22001's 项 rows, 自然灾害防治
          // under 224; or its garbled piece allowed several), with amounts: its code is a child of
          // the 款 or class above it, after the last code keyed, whose classification name the row
          // reads, when clearly one (NearestSubclassCode).
          if (label_ocr && code.empty() && pieces.empty() && !summary && !three_public &&
              IsFunctionCodedKind(table.kind) && !last_class[s].empty() &&
              !IsTotalWord(TableKey(name)) && RowPrintsAmounts(grid, r, segment.amounts)) {
            std::string previous;
            for (auto row = table.rows.rbegin(); row != table.rows.rend() && previous.empty();
                 ++row) {
              if (AllDigits(row->row_code)) previous = row->row_code;
            }
            std::vector<std::string> candidates;
            for (const std::string& parent : {last_kuan[s], last_class[s]}) {
              if (parent.empty()) continue;
              for (std::string& child : KnownFunctionChildCodes(parent)) {
                // Code order is string order: a parent (224) precedes its children (22406).
                if (child > previous) candidates.push_back(std::move(child));
              }
            }
            if (std::optional<std::string> named = NearestSubclassCode(name, candidates)) {
              AppendNote(codes_inferred, "a row with no code read as " + *named + " by its name '" +
                                             name + "' after " + previous);
              code = *named;
            }
          }
          if (code.size() == 3) {
            last_class[s] = code;
            last_kuan[s].clear();
          } else if (code.size() == 5) {
            last_kuan[s] = code;
            last_class[s] = code.substr(0, 3);
          } else if (code.size() == 7) {
            last_xiang[s] = code;
          }

          // Figures of this segment; a 合计 label whose amount sits in a later
          // segment's column (公用经费合计 spanning to the last 金额).
          std::vector<std::pair<int, std::string>> amount_columns;
          for (int c : segment.amounts) {
            amount_columns.emplace_back(c, table.column_keys[static_cast<std::size_t>(c)]);
          }
          const bool any_text = RowPrintsAmounts(grid, r, segment.amounts);
          if (!any_text && !amount_columns.empty() && !name.empty() &&
              (EndsWith(TableKey(name), "合计") || (summary && EndsWith(TableKey(name), "小计")))) {
            // The first filled cell to the right, when it is a number.
            const int from = segment.amounts.back() + 1;
            for (int c = from; c < grid.column_count; ++c) {
              const std::string_view text = grid.TextAt(r, c);
              if (Trim(text).empty()) continue;
              if (ParseAmountText(text).kind == AmountKind::kNumber) {
                amount_columns = {{c, amount_columns.back().second}};
                for (std::size_t t = s + 1; t < segments.size(); ++t) {
                  if (std::find(segments[t].amounts.begin(), segments[t].amounts.end(), c) !=
                      segments[t].amounts.end()) {
                    consumed.push_back(c);
                  }
                }
              }
              break;
            }
          }
          // A table of one figure row and no label column (Jiangsu 支出预算总表:
          // 合计 | 基本支出 | 项目支出 | 单位预留机动经费 across) holds the totals.
          if (code.empty() && name.empty() && segments.size() == 1 && segment.labels.empty() &&
              any_text) {
            name = "合计";
            code.clear();
          }
          if (code.empty() && name.empty()) {
            if (any_figure_table && table.kind != "other") {
              NoteUnlabelledAmounts(table, grid, part.block, r, amount_columns, consumed,
                                    table_index);
            }
            continue;
          }
          auto name_key_of = [](const std::string& text) { return StripOrdinal(TableKey(text)); };
          // A name cut by a page break or a wrapped cell: its second half
          // stands alone, with no code and no figure, under a coded row
          // ("财政对城乡居民基本医疗保险" / "基金的补助").
          if (code.empty() && !any_text && !table.rows.empty() && !summary && !three_public &&
              IsClassCode(table.rows.back().row_code) && !FunctionClassCode(name_key_of(name)) &&
              !IsTotalWord(TableKey(name))) {
            CanonicalRow& previous = table.rows.back();
            previous.row_name += name;
            for (Figure& figure : previous.values) figure.row_name = previous.row_name;
            continue;
          }

          CanonicalRow row;
          row.row_name = name;
          row.source_block = part.block;
          row.source_row = r;
          std::string name_key = StripOrdinal(TableKey(name));
          if (code.empty() && label_ocr && (summary || three_public)) {
            if (std::optional<std::string> label =
                    NearestOcrLabel(name, summary ? LabelVocabulary::kSummaryRows
                                                  : LabelVocabulary::kThreePublicRows)) {
              AppendNote(labels_matched, "'" + name + "' as " + *label);
              name_key = *label;
            }
          }
          if (!code.empty()) {
            // A summary's classes are its expenditure lines, coded or not.
            row.row_code = summary ? "expenditure." + code : code;
            row.level = code.size() == 3 ? 1 : code.size() == 5 ? 2 : 3;
          } else if (summary) {
            bool expenditure = segments.size() >= 2 ? s >= 1 : expenditure_side[0];
            std::string key;
            if (!expenditure) {
              key = IncomeKey(name_key);
              if (key.empty() && segments.size() < 2) {
                std::string other = ExpenditureKey(name_key);
                if (!other.empty()) {
                  expenditure = true;
                  expenditure_side[0] = true;
                  key = other;
                }
              }
              if (!expenditure && !key.empty()) {
                if (key == "opening_carryover") {
                  opening_seen = true;
                } else if (opening_seen && (key == "general_budget_appropriation" ||
                                            key == "gov_fund_appropriation" ||
                                            key == "state_capital_appropriation")) {
                  key = "opening_carryover." + key.substr(0, key.find("_appropriation"));
                } else if (opening_seen && key == "non_fiscal_carryover") {
                  key = "opening_carryover.non_fiscal";
                } else if (opening_seen &&
                           (key == "fiscal_appropriation" || key == "fiscal_special_account" ||
                            key == "unit_funds")) {
                  // 上年结转结余 / 1.财政拨款结转 / 2.非财政拨款结转结余 / 其中：单位资金
                  key = "opening_carryover." + key;
                } else if (key == "grand_total" || key == "total_current_year") {
                  opening_seen = key == "total_current_year" ? opening_seen : false;
                }
              }
            } else {
              key = ExpenditureKey(name_key);
              // A class name a scan read cut at its cell's edge (二、自然资源海洋气, H s3w_0097).
              if (key.empty() && label_ocr) key = CutFunctionClassCode(name_key).value_or("");
            }
            if (key == "total_current_year") {
              bool& seen = expenditure ? expenditure_year_total_seen : income_year_total_seen;
              if (seen && (name_key == "收入合计" || name_key == "支出合计")) key = "grand_total";
              seen = true;
            }
            if (!key.empty()) {
              row.row_code = (expenditure ? "expenditure." : "income.") + key;
              if (expenditure && AllDigits(key))
                row.level = static_cast<int>(key.size() == 3 ? 1 : key.size() == 5 ? 2 : 3);
            }
          } else if (three_public) {
            row.row_code = ThreePublicKey(name_key);
            if (row.row_code.empty() || IsCountRow(name_key)) {
              table.rows.push_back(std::move(row));
              continue;  // counts and sub-items: kept, not figures
            }
          } else if (const std::string total_key = StripTrailingColon(name_key);
                     total_key == "合计" || total_key == "总计" || total_key == "合计数" ||
                     (label_ocr && IsMisreadTotalWord(total_key) &&
                      std::none_of(
                          table.rows.begin(), table.rows.end(),
                          [](const CanonicalRow& done) { return !done.row_code.empty(); }))) {
            row.row_code = "total";
          } else if (Has(name_key, "人员经费合计") || name_key == "人员经费") {
            row.row_code = "personnel_total";
          } else if (Has(name_key, "公用经费合计") || name_key == "公用经费") {
            row.row_code = "public_total";
          } else if (IsFunctionCodedKind(table.kind)) {
            if (std::optional<std::string> class_code = FunctionClassCode(name_key)) {
              row.row_code = *class_code;
              row.level = 1;
            } else if (EndsWith(table.kind, ".income")) {
              // An income table listing sources down the page (收入总计 /
              // 一般公共预算资金 / 其他资金) rather than classes; on a scan, a source misread
              // (`般公共据算资金) by the nearest of the summaries' labels.
              std::string key = IncomeKey(name_key);
              if (key.empty() && label_ocr) {
                if (std::optional<std::string> label =
                        NearestOcrLabel(name, LabelVocabulary::kSummaryRows)) {
                  key = IncomeKey(*label);
                  if (!key.empty()) AppendNote(labels_matched, "'" + name + "' as " + *label);
                }
              }
              if (!key.empty()) row.row_code = "income." + key;
            }
          }
          if (any_figure_table) {
            for (const auto& [c, column] : amount_columns) {
              if (column.empty()) continue;
              if (std::find(consumed.begin(), consumed.end(), c) != consumed.end() &&
                  std::find(segment.amounts.begin(), segment.amounts.end(), c) !=
                      segment.amounts.end()) {
                continue;  // taken by a 合计 printed further left
              }
              AddFigure(table, row, grid, part.block, r, c, column, table_index);
            }
          }
          table.rows.push_back(std::move(row));
        }
      }
    }
    if (!labels_matched.empty()) {
      AddTableFinding(
          findings_, "ocr.label_matched", Severity::kInfo,
          "table '" + table.printed_title +
              "': OCR'd labels keyed by the nearest label standard tables print: " + labels_matched,
          first.table->provenance);
    }
    if (!codes_inferred.empty()) {
      AddTableFinding(findings_, "ocr.code_inferred", Severity::kInfo,
                      "table '" + table.printed_title +
                          "': OCR'd code pieces misread (a digit lost or added, a serif 6 read 0, "
                          "digits read as a word), keyed by what the rows around them allow and, "
                          "where several fit, by the name the classification gives: " +
                          codes_inferred,
                      first.table->provenance);
    }
    if (columnar_three_public) ReportColumnsOfOneItem(table, first.table->provenance);
  }

  // A 三公 table printed as columns names each item once across its header; two columns of one
  // printed row read as the same item (a scan lost the 购置费 | 运行费 words under
  // 公务用车购置及运行费) give that item two figures at once, of which at most one is right: the
  // finding names them.
  void ReportColumnsOfOneItem(const CanonicalTable& table, const Provenance& provenance) {
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

  // A cell's provenance, its place in the part's grid where the reader gave none: a reader's
  // own cell position wins, as the grid may be a stack of parts.
  static Provenance CellProvenance(const TableCell& cell, int block, int r, int c) {
    Provenance provenance = cell.provenance;
    if (provenance.block < 0) provenance.block = block;
    if (provenance.row < 0) provenance.row = r;
    if (provenance.column < 0) provenance.column = c;
    return provenance;
  }

  // Amounts of a row that prints neither a label nor a class code in its segment and that no
  // 合计 label further left took (当年支出小计 over the next segment's amount, as Jiangsu
  // summaries print it): no row can be keyed for them, so they are kept to be named.
  void NoteUnlabelledAmounts(const CanonicalTable& table, const Table& grid, int block, int r,
                             const std::vector<std::pair<int, std::string>>& amount_columns,
                             const std::vector<int>& consumed, int table_index) {
    const CanonicalRow row;
    for (const auto& [c, column] : amount_columns) {
      if (column.empty() || column == kRateColumn) continue;
      if (std::find(consumed.begin(), consumed.end(), c) != consumed.end()) continue;
      const TableCell* cell = grid.CellAt(r, c);
      if (cell == nullptr || cell->row != r || cell->column != c) continue;
      const std::string text = Trim(cell->text);
      const AmountText amount = ParseAmountText(text);
      if (amount.kind != AmountKind::kNumber || amount.percent) continue;
      const Provenance provenance = CellProvenance(*cell, block, r, c);
      if (std::optional<Figure> figure =
              FigureOfCell(table, row, column, text, amount, provenance, table_index, findings_)) {
        unlabelled_.push_back(FigureRef{table.kind, "", column, figure->amount_fen, provenance});
        unlabelled_printed_.push_back(CollapseWhitespace(text));
      }
    }
  }

  // One finding per table for the amounts NoteUnlabelledAmounts kept: figures printed and
  // not exported, named with their column and reading.
  void ReportUnlabelledAmounts(const CanonicalTable& table) {
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

  void AddFigure(const CanonicalTable& table, CanonicalRow& row, const Table& grid, int block,
                 int r, int c, const std::string& column, int table_index) {
    const TableCell* cell = grid.CellAt(r, c);
    if (cell == nullptr || cell->row != r || cell->column != c) return;
    const std::string text = Trim(cell->text);
    if (text.empty()) return;
    const AmountText amount = ParseAmountText(text);
    read_cells_.insert(cell);
    const Provenance provenance = CellProvenance(*cell, block, r, c);
    if (amount.kind == AmountKind::kBlank || amount.percent) return;
    // A rate column (增减(%), 增长率) holds shares, printed with or without %:
    // read as its table's cells, never money.
    if (column == kRateColumn) return;
    // An amount cell not read names its cell (table, row, column; amount 0: nothing was
    // read) and quotes its text, so the figure it should have held is not lost in silence
    // (two numbers joined in one cell by a column cut, a digit run broken by a stray glyph).
    const auto name_cell = [&] {
      findings_.back().figures.push_back(
          FigureRef{table.kind, row.row_code, column, 0, provenance});
    };
    if (amount.kind == AmountKind::kNotNumber) {
      AddTableFinding(findings_, "amount.unparsed", Severity::kWarning,
                      "cell '" + CollapseWhitespace(text) + "' in row '" + row.row_name +
                          "', amount column '" + column + "' of table '" + table.printed_title +
                          "' is not a number",
                      provenance, text);
      name_cell();
      return;
    }
    if (StrayOcrDigits(grid, c, *cell, text)) {
      AddTableFinding(findings_, "amount.unparsed", Severity::kWarning,
                      "cell '" + text + "' in row '" + row.row_name + "', amount column '" +
                          column + "' of table '" + table.printed_title +
                          "' is not read: one or two bare digits among amounts printed with two "
                          "decimals, a scan's stray mark or a row number, not money",
                      provenance, text);
      name_cell();
      return;
    }
    if (std::optional<Figure> figure =
            FigureOfCell(table, row, column, text, amount, provenance, table_index, findings_)) {
      row.values.push_back(std::move(*figure));
    }
  }

  // An OCR'd cell printing one or two bare digits in a grid column whose amounts print two
  // decimals: a stray mark read as a digit, or a 行次 number that slid into the amount column
  // (五、其他收入 | 1 on s3w_0082's summary, read as 1.00 yuan, which the identity repair then
  // "corrected" 462,106.97 to 462,105.97 to fit; 4 on s3w_0058's fiscal summary, read as
  // 40,000.00). No table prints money so: it is not read, and its cell is named. A bare 0 is
  // zero, though: publishers print 0 for 0.00, OCR drops a zero's .00 (购房补贴 | 0 on
  // sh_putuo_justice's scan), and no 行次 is 0.
  static bool StrayOcrDigits(const Table& grid, int c, const TableCell& cell,
                             const std::string& text) {
    if (cell.provenance.origin != TextOrigin::kOcr || text.empty() || text.size() > 2) return false;
    if (!std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return false;
    }
    if (std::all_of(text.begin(), text.end(), [](char ch) { return ch == '0'; })) return false;
    constexpr int kAmountsThatShowIt = 2;
    int two_decimals = 0;
    for (int r = 0; r < grid.row_count && two_decimals < kAmountsThatShowIt; ++r) {
      const AmountText other = ParseAmountText(Trim(grid.TextAt(r, c)));
      if (other.kind == AmountKind::kNumber && !other.percent && other.decimals == 2) {
        ++two_decimals;
      }
    }
    return two_decimals >= kAmountsThatShowIt;
  }

  const RowsOptions& options_;
  std::vector<Finding>& findings_;
  std::set<const TableCell*> read_cells_;  // cells AddFigure has read
  std::vector<FigureRef> unlabelled_;      // amounts of rows without label or code
  std::vector<std::string> unlabelled_printed_;
};

}  // namespace

UnitOfAmount MostDeclaredUnit(const std::vector<UnitOfAmount>& declared) {
  int yuan = 0;
  int wan = 0;
  UnitOfAmount first = UnitOfAmount::kUnknown;
  for (const UnitOfAmount unit : declared) {
    if (unit == UnitOfAmount::kYuan) ++yuan;
    if (unit == UnitOfAmount::kWanYuan) ++wan;
    if (first == UnitOfAmount::kUnknown) first = unit;
  }
  if (yuan > wan) return UnitOfAmount::kYuan;
  if (wan > yuan) return UnitOfAmount::kWanYuan;
  return first;
}

UnitOfAmount DocumentDefaultUnit(const std::vector<StitchedTable>& tables) {
  std::vector<UnitOfAmount> declared;
  for (const StitchedTable& table : tables) declared.push_back(table.declared);
  return MostDeclaredUnit(declared);
}

CanonicalTable ReadRows(StitchedTable table, const TableColumns& columns,
                        const RowsOptions& options, int table_index,
                        std::vector<Finding>& findings) {
  return RowReader(options, findings).Read(std::move(table), columns, table_index);
}

}  // namespace disclose
