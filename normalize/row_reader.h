// Private to the rows stage (table_stages.h: ReadRows): the reader that turns a stitched
// table's grid into canonical rows and figures, shared by the files that hold its parts:
//
//   table_rows.cc           Read, and FillRows: each body row's key and figures, in grid order
//   table_rows_cells.cc     one amount cell read as a figure, or named when it cannot be
//   table_rows_units.cc     the unit of a table whose unit line a scan misread
//   table_rows_findings.cc  what is said about the table once its rows are read
//
// Each member is described where it is defined.
//
//   CanonicalTable table = RowReader(options, findings).Read(std::move(stitched), columns, 3);
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/normalized.h"
#include "normalize/table_stages.h"

namespace disclose {

class RowReader {
 public:
  RowReader(const RowsOptions& options, std::vector<Finding>& findings)
      : options_(options), findings_(findings) {}

  CanonicalTable Read(StitchedTable pending, const TableColumns& columns, int table_index);

 private:
  // table_rows.cc
  void FillRows(StitchedTable& pending, const TableColumns& columns, int table_index);

  // table_rows_cells.cc
  static Provenance CellProvenance(const TableCell& cell, int block, int r, int c);
  void NoteUnlabelledAmounts(const CanonicalTable& table, const Table& grid, int block, int r,
                             const std::vector<std::pair<int, std::string>>& amount_columns,
                             const std::vector<int>& consumed, int table_index);
  void AddFigure(const CanonicalTable& table, CanonicalRow& row, const Table& grid, int block,
                 int r, int c, const std::string& column, int table_index);
  static bool StrayOcrDigits(const Table& grid, int c, const TableCell& cell,
                             const std::string& text);

  // table_rows_units.cc
  void ListOcrFiguresOfAGuessedUnit(const CanonicalTable& table, std::size_t findings_before);

  // table_rows_findings.cc
  void ReportUnclassified(const StitchedTable& pending);
  void KeyTotalRowBySums(CanonicalTable& table);
  void ReportColumnsKeyedBySums(const CanonicalTable& table, const TableColumns& columns);
  void ReportOcrDuplicateCodes(const CanonicalTable& table);
  void ReportUnkeyedRows(const CanonicalTable& table);
  void ReportUnreadAmountColumns(const StitchedTable& pending);
  void ReportColumnsOfOneItem(const CanonicalTable& table, const Provenance& provenance);
  void ReportUnlabelledAmounts(const CanonicalTable& table);
  void ReportAmountsShortOfTheirColumn(const CanonicalTable& table);

  // A finding that lists a table's figures lists at most this many (a JSON of bounded size).
  static constexpr std::size_t kMaxListedFigures = 500;
  // An unread column's amounts quoted in its column.unkeyed message, at most.
  static constexpr int kMaxQuotedAmounts = 60;

  const RowsOptions& options_;
  std::vector<Finding>& findings_;
  std::set<const TableCell*> read_cells_;  // cells AddFigure has read
  std::vector<FigureRef> unlabelled_;      // amounts of rows without label or code
  std::vector<std::string> unlabelled_printed_;
};

// table_rows.cc
void AppendNote(std::string& notes, const std::string& note);

// table_rows_units.cc
UnitOfAmount OcrUnitFromAmounts(const StitchedTable& pending, const std::vector<std::string>& keys,
                                std::string& reason);

}  // namespace disclose
