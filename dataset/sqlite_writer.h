// dataset/sqlite_writer: OUT/disclose.sqlite through the SQLite C API, every row through a
// prepared statement, the whole dataset in one transaction. Private to dataset/; the schema is
// documented in docs/dataset.md and created by kSchema in sqlite_writer.cc.
//
//   SqliteWriter db;
//   Status status = db.Open("OUT/disclose.sqlite.tmp");
//   std::int64_t document_id = db.AddDocument(row);
//   ...
//   status = db.Commit();
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace disclose {

// A NULL column is an empty optional.
using OptionalText = std::optional<std::string>;
using OptionalInt = std::optional<std::int64_t>;

struct DocumentRow {
  std::string sha256;  // empty: NULL (an input that was never read)
  std::string source, path, status;
  OptionalText error_code, error_message, format, department, fiscal_year, doc_kind, tool_version;
  OptionalInt size_bytes, page_count;
  std::string run_dir;
};

struct TableRow {
  std::int64_t document_id = 0;
  std::int64_t table_index = 0;
  std::string kind, printed_title, printed_unit, unit, unit_source, pages;
  std::int64_t row_count = 0;
};

struct FigureRow {
  std::int64_t document_id = 0;
  OptionalInt table_id;  // NULL for narrative figures
  std::string table_kind, row_code, row_name, column_key;
  std::int64_t amount_fen = 0;
  std::string amount_yuan;
  std::int64_t page = 0;
  std::string printed_text, printed_unit;
  bool corrected = false;
  OptionalInt block, cell_row, cell_column, line;
  OptionalText box, sentence;
};

struct FindingRow {
  std::int64_t document_id = 0;
  std::string check_id, severity, message;
  OptionalInt expected_fen, actual_fen;
  OptionalText expected_yuan, actual_yuan;
  std::int64_t tolerance_fen = 0;
  std::string tolerance_yuan, printed_text;
  std::int64_t page = 0;
  OptionalInt block;
  std::string figures_json;
};

class SqliteWriter {
 public:
  SqliteWriter();
  ~SqliteWriter();
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  // Creates a new database at `path` (which must not exist), its schema, and opens the
  // transaction.
  Status Open(const std::string& path);
  // Each returns the new row's id, or 0 after an error (the first error is kept for Commit).
  std::int64_t AddDocument(const DocumentRow& row);
  std::int64_t AddTable(const TableRow& row);
  std::int64_t AddFigure(const FigureRow& row);
  std::int64_t AddFinding(const FindingRow& row);
  // Builds the indexes, commits and closes; the first error of any call so far.
  Status Commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace disclose
