// Private to normalize/: a table row printed as a paragraph next to a table, or a table a scan
// printed as lines of text with no grid. Such rows are split into pieces (RowPiece) by the same
// reading wherever they are found, so the files that read or name them share it here. One file
// a concern, so that a rule is found where its name says:
//
//   table_row_text.cc          the stage, ReportRowsReadAsText: the table a paragraph is next to,
//                              and per paragraph its rows read (table.row_from_text) or named
//                              (table.row_as_text); a header printed over a row; a line beside
//                              an unclassified table
//   row_text_amounts.cc        a line's codes, labels and amounts; amounts wrapped over two lines
//   row_text_lookalikes.cc     digit lookalikes a scan prints in amounts, settled by a row's sums
//   row_text_keys.cc           the key a row read as text would have (a code, 合计, a 三公 item,
//                              a summary's two sides)
//   row_text_columns.cc        the columns its amounts fill; reading it into its table
//   row_text_coded_lines.cc    runs of coded lines beside a table (amounts printed before codes;
//                              the orphans a keyless row's total may sum)
//   ungridded_three_public.cc  a 三公 table a scan printed as lines (ReadUngriddedThreePublic)
//   ungridded_summary.cc       a summary a scan printed as lines (ReadUngriddedSummary)
//   ungridded_empty.cc         a table printed empty with no grid (ReadUngriddedEmptyTables)
//   table_read_as_text.cc      a titled table a scan printed as lines, named
//                              (ReportTablesReadAsText)
//
// The stages themselves are declared in table_stages.h; each function here is described where
// it is defined.
//
//   std::vector<RowPiece> rows;
//   SplitRowText("合计 9,500.96 3,818.50", rows);  // one row: label 合计, two amounts
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"
#include "normalize/table_numbering.h"
#include "normalize/table_stages.h"

namespace disclose {

// One row of a line of text, as SplitRowText reads it.
struct RowPiece {
  std::string code;                  // a class code printed at the row's start, else ""
  std::string label;                 // the text before its first amount (after the code)
  std::vector<std::string> amounts;  // bare amounts as printed
  // Per amount, when a scan printed digit lookalikes in it (了71.77, 7了714.28, 1I0,516.71,
  // I11,650.14): the run as printed and the amounts it may read as; empty when it printed none.
  std::vector<std::string> printed;
  std::vector<std::vector<std::string>> readings;
};

// A run of an OCR'd line printing one amount with digit lookalikes in it, and its readings.
struct LookalikeRun {
  std::string printed;
  std::vector<std::string> readings;
};

// A row of an OCR'd line whose amounts printed digit lookalikes (WithLookalikeRunsRead) is read
// with the one combination of their readings for which its total is the sum of its parts, in the
// columns it would be read into (its key new to the table): 213 01 农业农村 150.52 了71.77 78.75
// is 150.52 = 71.77 + 78.75, 208 05 05 … 114.89 43.07 了1.82 is 114.89 = 43.07 + 71.82. A row with
// no such reading or several (the lookalike may be noise or a digit, and only the sum can say) is
// read as printed, and named when it is not read. Per amount settled: its row, index, readings
// and the identity that proved it.
struct SettledAmount {
  std::size_t row;
  std::size_t index;
  std::vector<std::string> readings;
  std::string identity;
};

// ------------------------------------------------------------ row_text_amounts.cc

bool HasSentencePunctuation(std::string_view text);
std::string WithAmountCommasRead(std::string_view text);
std::string WithDecimalPointsRead(std::string_view text);
bool SplitRowText(std::string_view text, std::vector<RowPiece>& rows,
                  const std::map<std::size_t, LookalikeRun>* runs = nullptr);
std::vector<std::pair<std::size_t, std::size_t>> DigitRuns(std::string_view text);
bool IsWholeAmount(std::string_view text);
bool JoinWrappedRests(const std::string& text, const std::string& next, std::string& joined,
                      bool point_read_as_comma = false);
bool JoinCutHeads(const std::string& text, const std::string& next, std::string& joined,
                  std::string& remainder);

// ------------------------------------------------------------ row_text_lookalikes.cc

bool IsDigitLookalike(char32_t c);
std::string WithLookalikeRunsRead(const std::string& folded,
                                  std::map<std::size_t, LookalikeRun>& runs);
bool SettleLookalikeReadings(const CanonicalTable& table, std::vector<RowPiece>& rows,
                             const std::vector<RowPiece>& plain,
                             std::vector<SettledAmount>& settled);
std::vector<std::string> AmountsWithDigitLookalikes(std::string_view text);

// ------------------------------------------------------------ row_text_keys.cc

std::string RowKey(const std::string& kind, const RowPiece& row);
std::string SummaryLabelName(const std::string& printed, bool ocr);
void SummaryRowKeys(const CanonicalTable& table, std::vector<RowPiece>& rows, bool ocr,
                    std::vector<std::string>& keys, std::vector<std::vector<std::string>>& columns);

// ------------------------------------------------------------ row_text_columns.cc

std::vector<std::string> AmountColumns(const CanonicalTable& table);
std::vector<std::string> RowColumns(const CanonicalTable& table, std::size_t amounts);
std::vector<std::string> ChildColumns(const CanonicalTable& table, const RowPiece& row);
std::vector<std::string> RemainderColumns(const CanonicalTable& table, const RowPiece& row);
std::vector<std::string> EconomicClassColumns(const CanonicalTable& table, const RowPiece& row);
CanonicalRow* ReadRowIntoTable(CanonicalTable& table, const RowPiece& row, const std::string& key,
                               const std::vector<std::string>& columns, int table_index, int block,
                               const Paragraph& paragraph);

// ------------------------------------------------------------ row_text_coded_lines.cc

std::vector<std::pair<std::string, std::int64_t>> CodedRowsBeside(
    const Document& document, const std::vector<std::pair<int, int>>& table_blocks,
    const std::vector<CanonicalTable>& tables, int t);
std::set<int> ReadRowsWithAmountsBeforeCodes(const Document& document,
                                             const std::vector<std::pair<int, int>>& table_blocks,
                                             std::vector<CanonicalTable>& tables,
                                             const std::set<int>& read_blocks,
                                             std::vector<Finding>& findings);

// ------------------------------------------------------------ table_row_text.cc

int NearestTable(const std::vector<std::pair<int, int>>& table_blocks,
                 const std::vector<CanonicalTable>& tables, const Document& document, int block,
                 int page);
std::string WithoutNoteAfter(std::string_view text);

// ------------------------------------------------------------ ungridded_three_public.cc

// A table read from lines of text takes the unit its lines declare, else the unit most of the
// document's `tables` declare, as a grid that declares none does: the unit's source (unit stays
// unknown when neither says). ReportDocumentDefaultUnit writes the unit.document_default warning
// for a table read so, at its title.
UnitSource UnitOrDocumentDefault(std::optional<UnitDeclaration>& unit,
                                 const std::vector<CanonicalTable>& tables);
void ReportDocumentDefaultUnit(const CanonicalTable& table, const Provenance& title,
                               std::vector<Finding>& findings);
std::string KindOfANumberOnlyTitle(const std::string& text, DocKind doc_kind,
                                   const TableNumbering* numbering);

// ------------------------------------------------------------ table_read_as_text.cc

bool EndsLinesUnderATitle(const Paragraph& line, DocKind doc_kind);

}  // namespace disclose
