// Private to normalize/: the stages of the table pipeline and the types that
// pass between them. BuildTables (tables.cc) runs them in order:
//
//   locate    Document                       -> LocatedTable per top-level grid
//             (table_locate.cc: title, unit lines around it, too-large grids)
//   identify  LocatedTable                   -> IdentifiedTable (its kind)
//             (table_identify.cc)
//   stitch    IdentifiedTables               -> StitchedTables (continuations
//             across pages joined, rows cut by a page break rejoined)
//             (table_stitch.cc; grid joins in table_stitch_join.cc)
//   header    StitchedTable                  -> TableColumns (column keys)
//             (table_header.cc analyses one grid, table_columns.cc the table)
//   rows      StitchedTable + TableColumns   -> CanonicalTable (row keys,
//             figures) (table_rows.cc; row keys in table_row_keys.cc;
//             performance tables' funds in table_performance.cc; one cell's
//             figure in table_figure.cc for both)
//
// Each stage reads only the previous stage's output and its options, so each
// is tested on its own (tests/normalize/table_stages_test.cc).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"
#include "normalize/table_numbering.h"
#include "normalize/tables.h"

namespace disclose {

// ------------------------------------------------------------------ locate

// A printed unit line and the unit it declares.
struct UnitDeclaration {
  std::string printed;
  UnitOfAmount unit = UnitOfAmount::kUnknown;
};

struct LocateOptions {
  int title_window_blocks = 6;  // paragraphs looked through above a table
  int unit_rows_scanned = 3;    // first rows of a table searched for a unit line
  // Larger grids are not disclosure tables (text exports of stray tab runs).
  int max_columns = 200;
  std::int64_t max_positions = 20000;  // the largest real block has 468
};

struct LocatedTable {
  int block = -1;
  const Table* table = nullptr;                // points into the Document
  std::string title;                           // printed title; "" when none was found
  std::optional<UnitDeclaration> unit_before;  // declared in the paragraphs above
  std::optional<UnitDeclaration> unit;         // above, in the first rows or right after
  std::string note_after;                      // the paragraph right after the table
  std::optional<int> number;                   // the table number printed on it (公开05表 -> 5)
  std::string number_text;                     // the line it was read from
  // The words of a header printed as a paragraph right above the grid (a repeated header read
  // apart from its rows: 科目编码 科目名称 小计 基本支出 项目支出); empty when there is none.
  std::vector<std::string> header_above;
  // Where that paragraph was printed (PDF and OCR only): how far right its words reach says
  // which of the grid's columns they head when the grid has fewer.
  std::optional<Box> header_above_box;
};

// Every top-level table block of `document` that is small enough to read, in
// block order; a table.too_large finding for each one that is not.
std::vector<LocatedTable> LocateTables(const Document& document, const LocateOptions& options,
                                       std::vector<Finding>& findings);

// How many of the grid's first rows are its caption drawn inside the frame
// (number, title, unit, 编制单位 lines, each row one merged cell or labels
// only), not its header; 0 when there is none or the grid is nothing else.
int CaptionRows(const Table& table);

// Whether every row of the grid is a caption line spanning it (a title and unit drawn in the
// frame at a page foot, the header and body on the next page), as opposed to a one-column list
// of titles: the grid must have at least two columns, each row one merged cell.
bool OnlyCaptionRows(const Table& table);

// The first unit declaration among the lines of `text`.
std::optional<UnitDeclaration> UnitInLines(std::string_view text);

// ---------------------------------------------------------------- identify

struct IdentifyOptions {
  DocKind doc_kind = DocKind::kUnknown;  // gives the final./budget. prefix
  // A government report's or another document's tables are not a department's
  // standard tables: kinds stay `other` (with the class as evidence).
  DocumentClass doc_class = DocumentClass::kUnknown;
  // The document's own list of tables (table_numbering.h), else the default
  // numbering; nullptr for none.
  const TableNumbering* numbering = nullptr;
};

struct IdentifiedTable {
  LocatedTable located;
  std::string kind;                    // canonical kind, "performance.*" or "other"
  std::vector<KindEvidence> evidence;  // title, header, body: what each says
  bool printed_empty = false;          // a 本表无数据 / 空表 note in or right after it
  HeaderAnalysis header;               // of the grid alone (AnalyzeHeader)
};

// The title's kind when it names one, else the kind the document's own list
// of tables gives the table's number, else the kind header and body name
// together, else the default numbering's when header and body allow it; a
// table.kind_disagreement finding when header, body or the document's list
// name another kind than the title.
// In a document whose class is government report or other, a final./budget.
// kind becomes `other`, with a `document_class` evidence entry that says why.
IdentifiedTable IdentifyTable(LocatedTable located, const IdentifyOptions& options,
                              std::vector<Finding>& findings);

// ------------------------------------------------------------------ stitch

// One grid of a (possibly stitched) table with its own header analysis.
struct TablePart {
  int block = -1;
  const Table* table = nullptr;
  HeaderAnalysis header;
};

struct StitchedTable {
  CanonicalTable canonical;  // printed_title, kind, pages, source_blocks so far
  std::vector<TablePart> parts;
  std::string printed_unit;  // the unit phrase as printed ("金额单位：元")
  UnitOfAmount declared = UnitOfAmount::kUnknown;
  std::vector<std::string> header_above;  // the first part's LocatedTable::header_above
  std::optional<Box> header_above_box;    // ... and LocatedTable::header_above_box
};

struct StitchOptions {};

// Untitled tables of the previous one's shape and unit continue it. Grids
// rewritten by a join are kept in `owned`, which must outlive the result.
std::vector<StitchedTable> StitchTables(std::vector<IdentifiedTable> identified,
                                        const StitchOptions& options, std::deque<Table>& owned,
                                        std::vector<Finding>& findings);

// A table cut by a page break under its first rows (the header and the 合计 row at a page's
// foot, the coded rows on the next page; frequent on scans, where a table's first grid is
// often read apart from the rest) has no body on its first page for identification to read:
// header and body are read again over the stitched parts. A table left `other` whose later
// parts' rows all name one family takes the kind the first part's header and those rows name
// together, with a `body` evidence entry saying the rows were on a continuation. A title
// naming a kind, a document class or a number naming another fitting kind leaves it as it is;
// a scanned title with the scar of a lost “三公” (经费 or the quotes left, the rest read as another
// kind) over 三公 rows on the continuation does not, and its table.kind_disagreement finding
// says the rows decided. (table_identify.cc)
void IdentifyByContinuedBody(std::vector<StitchedTable>& tables, const IdentifyOptions& options,
                             std::vector<Finding>& findings);

// Tables printed in the order of the document's own list of tables, at least three and no more
// than the list has entries (an entry printed empty as a note, or read as text, has no grid): a
// table whose title names no kind takes the kind listed at its place. On a scan the number lines
// are where OCR fails most (a lone 一、 reads as nothing, 三、 as 二、), so the order is the
// evidence that stays. The tables are placed on the entries in order, each on one whose kind its
// header and body fit and that no title and no number that fits the table contradicts; nothing
// changes unless exactly one such placing exists. Each table changed gets an `order` evidence
// entry. (table_identify.cc)
void IdentifyByListOrder(std::vector<StitchedTable>& tables, const TableNumbering& numbering,
                         DocKind doc_kind);

// A table whose kind the document's list of tables (its titles read whatever their numbers read
// as, ReadListedTitles) does not name, and whose own title does not name it either: its kind
// came from a default numbering or from a header and body that fit more than one table. A
// `table.kind_unlisted` warning lists its figures and the listed kinds no table was read as.
// Nothing when the list holds a title naming no kind we know. (table_unlisted.cc)
void ReportKindsTheListDoesNotName(const std::vector<std::string>& listed, DocKind doc_kind,
                                   const std::vector<CanonicalTable>& tables,
                                   std::vector<Finding>& findings);

// A department prints each standard table once. On a scan, two tables of one kind mean that a
// title or number was misread (三、 read 一、) and one of them took the other's kind from its
// header and body alone, which cannot tell 支出表 from 一般公共预算支出表: each OCR'd table that
// shares its kind with another table and whose own title does not name that kind gets a
// `table.kind_duplicate` warning listing its figures and quoting its amounts as printed. A text
// layer's such table is doubted when the table right before it is of another kind (a part of
// that one, cut from its title); right after a table of its own kind it is that table's part.
// (table_identify.cc)
void ReportDuplicateKinds(const std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings);

// A scan of a summary whose income amounts and expenditure labels fell into one column
// (391.10城乡社区支出, 本年支出合计 under 391.10…): the income side has no amount column, and its
// amounts are lost. Such a column of an OCR'd part (labels, and labels led by an amount with two
// decimals, after a column of income labels) is split in two, the amounts on the left, the labels
// on the right; its header word too (金额项目… -> 金额 | 项目…). An income amount column that
// prints amounts and a few cells joined to the expenditure label beside them (8.09本年支出合计 |
// 本年支出合计) keeps the amounts, each label going to its empty cell on the right or dropped as
// the copy of the label there. Rewritten grids are kept in `owned`. (table_summary_cells.cc)
void SplitOcrSummaryJoinedColumns(std::vector<StitchedTable>& tables, std::deque<Table>& owned);

// A scan of a summary that put an income line's amount one column right, into the expenditure
// side's label columns, its own amount cell empty or holding the expenditure label (总计 | 7 |
// 总计 | 22,588.73 | 14 | 22,588.73; 五、其他收入 | | 65.27 |): the amount was lost. Where the row
// has an income label, exactly one such amount, and the expenditure line has its own amount (or
// there is none), the amount is moved to the income amount's column (and what that cell held to
// the amount's), said by ocr.summary_amount_shifted. Only OCR'd parts of a summary keyed with one
// income amount column; rewritten grids are kept in `owned`. (table_summary_cells.cc)
void ReadOcrSummaryShiftedIncomeAmounts(StitchedTable& stitched,
                                        const std::vector<std::string>& keys,
                                        std::deque<Table>& owned, std::vector<Finding>& findings);

// ------------------------------------------------------------------ header

// What a header row says (used by header analysis and the later stages).
struct RowScan {
  bool data = false;            // holds a figure, a class code or a 合计 label
  bool column_numbers = false;  // a 栏次 row: 1 2 3 ... and labels only
};
RowScan ScanRow(const Table& table, int row);

// Key of one header text; "" when unknown, "-" for a label column.
std::string LeafKey(const std::string& key);

// Whether a column key names a fund: general_budget, gov_fund or state_capital.
bool IsFundKey(std::string_view key);

// The key of a rate or share column (增减(%), 增长率 beside 增减额): an amount
// column for the table's layout, whose cells are never figures.
inline constexpr std::string_view kRateColumn = "rate";
bool IsTotalWord(const std::string& key);
// 合计 or 总计 with one of its two characters misread by OCR (合让, 台计, 会计, 合;).
bool IsMisreadTotalWord(std::string_view key);

// The first row after the header. Body rows start after the 栏次 / ※ row
// when there is one.
int BodyStart(const TablePart& part);

// One group of columns printed side by side: label columns, then amounts.
struct Segment {
  std::vector<int> labels;
  std::vector<int> amounts;
};
std::vector<Segment> SplitSegments(const std::vector<std::string>& keys);

// Roles of the label columns that spell a row's code.
bool IsCodeRole(const std::string& role);

// The row.unkeyed finding of a table: its rows with figures and no code or key, which are
// exported under their printed names; nothing when it has none (or is a table of text).
std::optional<Finding> UnkeyedRowsFinding(const CanonicalTable& table);

// Tables of text, not figures (绩效目标 forms, unrecognised tables): no
// figure findings, no row joins.
bool IsTextTableKind(const std::string& kind);
bool IsSummaryKind(std::string_view kind);

struct HeaderOptions {
  // The tables read before this one, whose figures may say what its header does not (the
  // summary's income lines name an income table's source column); null for none.
  const std::vector<CanonicalTable>* tables_before = nullptr;
};

// The table's column keys, read from its first part's header.
struct TableColumns {
  std::vector<std::string> keys;  // per grid column; "" for label columns
  std::vector<Segment> segments;
  // 三公 tables printed as columns: the header names the items, rows the values.
  bool columnar_three_public = false;
  std::vector<std::string> column_rows;    // per column: the row key its header names
  std::vector<std::string> column_values;  // per column: budget/final the header ends with
  std::vector<std::string> column_names;   // per column: the header path without it
  // OCR'd columns whose header words were misread, keyed by the sums of the rows
  // (table_columns_sums.cc), and what the rows said.
  std::vector<int> keyed_by_sums;
  std::string sums_evidence;
  // OCR'd headers keyed by the nearest header a standard table prints ("read" as label, …).
  std::string labels_matched;
};

TableColumns KeyColumns(const StitchedTable& table, const HeaderOptions& options);

// A cell's amount in millionths of its printed unit: every column of a table is in one unit, so
// sums compare without knowing it (table_columns_sums.cc). Blank is zero; nullopt for text that
// is no amount, or too large to scale; `decimals` the digits printed after the point.
std::optional<std::int64_t> AmountInMicros(std::string_view text, int& decimals);

// The amount columns of an OCR'd expenditure table (合计, 基本支出, 人员经费, 公用经费, 项目支出)
// keyed by the identities its rows print, when the header left a money column unkeyed or read
// a key twice: of every way to give the columns these keys in printed order, the one most rows
// confirm (the header's words break a tie; a tie on both keeps the header's keys). Returns the
// columns whose key changed; `evidence` says how many rows confirm it.
std::vector<int> KeyOcrColumnsBySums(const StitchedTable& table, std::vector<std::string>& keys,
                                     std::string& evidence);

// The total column of an OCR'd table whose header word the scan misread (合计 read 心.，局 over
// an income table's sources, 全一 over a fiscal summary's expenditure funds): the one unkeyed
// money column, no column keyed total, followed by keyed amount columns whose sum it prints in
// every row that says anything (two at least, none failing). Keys it `total` and returns it (-1
// when none); `evidence` says how many rows confirm it. Expenditure splits are
// KeyOcrColumnsBySums'.
int KeyOcrTotalColumnBySums(const StitchedTable& table, std::vector<std::string>& keys,
                            std::string& evidence);

// -------------------------------------------------------------------- rows

struct RowsOptions {
  DocKind doc_kind = DocKind::kUnknown;
  // The unit of tables that declare none: the document's most common one.
  UnitOfAmount default_unit = UnitOfAmount::kUnknown;
};

// Of `declared` (one unit a table, kUnknown for a table that declares none), the unit most
// declare; on a tie the first declared; kUnknown when none declares one.
UnitOfAmount MostDeclaredUnit(const std::vector<UnitOfAmount>& declared);

// The unit most tables of the document declare (the first declared on a tie).
UnitOfAmount DocumentDefaultUnit(const std::vector<StitchedTable>& tables);

CanonicalTable ReadRows(StitchedTable table, const TableColumns& columns,
                        const RowsOptions& options, int table_index,
                        std::vector<Finding>& findings);

// The rows stage of a performance table (table_performance.cc): only its
// money, as funds rows of a form (funds.total, funds.fiscal_appropriation,
// funds.carryover, funds.other) or as a list's project rows; indicator values
// and scores are never figures.
CanonicalTable ReadPerformanceRows(StitchedTable table, const TableColumns& columns,
                                   const RowsOptions& options, int table_index,
                                   std::vector<Finding>& findings);

// ------------------------------------------------------- rows read as text

// A 三公 table titled on a scan whose rows OCR read as lines of text, no grid (items and
// amounts as lines apart, or each row's amount read before its label): when no table of that
// kind was read, its items are paired with the amounts next to them in the one order (each
// amount after its item, or each before it) for which the 三公 sums hold, and the table is added
// with its lines as source blocks and a table.row_from_text finding naming its figures. A table
// printed with its number alone (公开04表) is named by the document's printed list of tables
// (`numbering`, null when it prints none), and another table's number ends its lines.
// Runs before ReportRowsReadAsText, which then leaves those lines alone.
// (ungridded_three_public.cc)
void ReadUngriddedThreePublic(const Document& document, DocKind doc_kind,
                              const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                              std::vector<Finding>& findings);

// A summary's title read on a scan with no grid under it, its rows read as lines of text
// (s3w_0079_budget, s3w_0063_final, s3w_0049_final: 收入 label | amount || 支出 label | amounts,
// each amount wrapped in its narrow cell, its last digits on the line under it): when no table
// of that kind was read, each line's amounts are joined with their rests and keyed by the
// labels of the line, the income side's first, the expenditure side's after it (a line of one
// side: the side its label names). A fiscal summary's expenditure line fills 合计, 一般公共预算
// and 政府性基金; a line of two amounts ending short of the header's last column leaves
// 政府性基金 blank. The table is added when its 本年收入合计 or 总计 reads the same on both
// sides (and neither differs), with a table.row_from_text finding naming its figures; a line
// whose amounts key no row gets a table.row_as_text warning naming them. Untitled (a number-only
// title, 公开03表): the title the document's printed list gives the number (`numbering`), else
// the side heads' line 收入 支出 over a header splitting the expenditure side by fund names a
// fiscal summary (kind evidence "header").
// Runs before ReportRowsReadAsText, which then leaves those lines alone. (ungridded_summary.cc)
void ReadUngriddedSummary(const Document& document, DocKind doc_kind,
                          const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings);

// A standard table printed empty with no grid (its title or number line, unit and header lines
// and a 本表无数据 note all paragraphs, the note within five lines of the title, no grid
// between): when no table of that kind was read, it is added with printed_empty, no rows, the
// title (or number) as its kind's evidence and its lines as source blocks. A text layer makes a
// grid of an empty table's header; a scan of a table without rules does not. (ungridded_empty.cc)
void ReadUngriddedEmptyTables(const Document& document, DocKind doc_kind,
                              const TableNumbering* numbering, std::vector<CanonicalTable>& tables);

// A standard table's title read on a scan with no grid under it, its rows read as lines of
// text (s3w_0063_final's 财政拨款收入支出决算总表: each row's cells wrapped over two lines): when
// no table of that kind was read with figures (nor rebuilt from the lines by
// ReadUngriddedThreePublic), a table.read_as_text warning quotes every amount those lines print
// and refers to each under the title's kind (row and column unknown), so that no figure of it
// is lost in silence. The lines end at a grid (then the title is the grid's), another table's
// title, a part heading or the note. (table_read_as_text.cc)
void ReportTablesReadAsText(const Document& document, DocKind doc_kind,
                            const std::vector<CanonicalTable>& tables,
                            std::vector<Finding>& findings);

// A paragraph next to a standard table that reads as one of its rows (a label or class code
// and bare amounts, no sentence) was left out of the grid. When its key is new to the table and
// it prints one amount per figure column, it is read into the table (table.row_from_text, info);
// else a table.row_as_text finding names its amounts as figures of that table
// (table_row_text.cc; the files it draws on are listed in row_text.h). Runs after the rows stage.
//
//   ReportRowsReadAsText(document, tables, findings);  // "合计 192,827.11" under a title
void ReportRowsReadAsText(const Document& document, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings);

// The code of the one parent row `table` lacks whose children it holds (code.parent's orphans:
// 项 rows whose 款 is absent, 款 rows whose 类 is) when those children's totals, with `more`
// (coded rows read elsewhere, code and total), sum to `total_fen`; "" when no parent or several
// fit, or a child has no total. (table_orphan_parent.cc)
//
//   ParentByOrphanSums(table, 13315053, {{"2210203", 3919340}})  // -> "22102"
std::string ParentByOrphanSums(const CanonicalTable& table, std::int64_t total_fen,
                               const std::vector<std::pair<std::string, std::int64_t>>& more);

// A scan's row of a function-coded table that keys nothing (its code lost, its name garbled by a
// header printed over it) takes the code ParentByOrphanSums gives its total, with a
// row.code_by_sums warning naming its figures. Runs after the rows stage, before
// ReportRowsReadAsText (which keys such rows read as text the same way).
void KeyUncodedRowsByOrphanSums(std::vector<CanonicalTable>& tables,
                                std::vector<Finding>& findings);

// A scan's row of a function-coded table with no total row that keys nothing (its 合计 garbled:
// 公. 叫), stands above or below the classes and prints in every column the sum of the top-level
// coded rows is the total row; a row.total_by_sums warning names its figures. One such row
// only. Runs after the rows read as text joined their tables. (table_total_by_sums.cc)
void KeyUncodedTotalsBySums(std::vector<CanonicalTable>& tables, std::vector<Finding>& findings);

// A scan's coded row (5 or 7 digits) whose own parent is absent, printed under a parent its
// code is one digit from (3080505 under 20805: 2 read 3), takes the code under that parent when
// the parent's figures are, in every column it prints, the sum of its rows with this row among
// them and not without it; an ocr.code_by_sums warning names its figures and both codes.
// Runs after KeyUncodedRowsByOrphanSums. (table_orphan_parent.cc)
void RekeyMisreadCodesByParentSums(std::vector<CanonicalTable>& tables,
                                   std::vector<Finding>& findings);

// Row keys (table_row_keys.cc).
std::string IncomeKey(const std::string& name);
std::string ExpenditureKey(const std::string& name);
// Whether a summary label (a TableKey) is an income label run into an expenditure class's name,
// with what a scan read between them (一、一般公共预算拨款收入4594503一、社会保障和就业支出, H21
// s3w_0323_budget): the line of both sides read as one label, whose amounts no side can claim.
bool RunsIntoAnExpenditureClass(const std::string& name);
bool IsCountRow(const std::string& name);
std::string ThreePublicKey(const std::string& name);
bool IsFunctionCodedKind(std::string_view kind);

}  // namespace disclose
