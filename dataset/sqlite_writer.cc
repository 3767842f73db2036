#include "dataset/sqlite_writer.h"

#include <sqlite3.h>

#include <vector>

namespace disclose {
namespace {

// Amounts are INTEGER fen beside the TEXT yuan of the CSV, never REAL. Foreign keys are
// declared and enforced while loading (PRAGMA foreign_keys).
constexpr char kSchema[] = R"sql(
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE documents (
  document_id   INTEGER PRIMARY KEY,
  sha256        TEXT UNIQUE,
  source        TEXT NOT NULL,
  path          TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('ok', 'error', 'skipped')),
  error_code    TEXT,
  error_message TEXT,
  format        TEXT,
  size_bytes    INTEGER,
  page_count    INTEGER,
  department    TEXT,
  fiscal_year   TEXT,
  doc_kind      TEXT,
  tool_version  TEXT,
  run_dir       TEXT NOT NULL
);
CREATE TABLE tables (
  table_id      INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents (document_id),
  table_index   INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  printed_title TEXT NOT NULL,
  printed_unit  TEXT NOT NULL,
  unit          TEXT NOT NULL,
  unit_source   TEXT NOT NULL,
  pages         TEXT NOT NULL,
  row_count     INTEGER NOT NULL,
  UNIQUE (document_id, table_index)
);
CREATE TABLE figures (
  figure_id     INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents (document_id),
  table_id      INTEGER REFERENCES tables (table_id),
  table_kind    TEXT NOT NULL,
  row_code      TEXT NOT NULL,
  row_name      TEXT NOT NULL,
  column_key    TEXT NOT NULL,
  amount_fen    INTEGER NOT NULL,
  amount_yuan   TEXT NOT NULL,
  page          INTEGER NOT NULL,
  printed_text  TEXT NOT NULL,
  printed_unit  TEXT NOT NULL,
  corrected     INTEGER NOT NULL CHECK (corrected IN (0, 1)),
  block         INTEGER,
  cell_row      INTEGER,
  cell_column   INTEGER,
  line          INTEGER,
  box           TEXT,
  sentence      TEXT
);
CREATE TABLE findings (
  finding_id     INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents (document_id),
  check_id       TEXT NOT NULL,
  severity       TEXT NOT NULL,
  message        TEXT NOT NULL,
  expected_fen   INTEGER,
  expected_yuan  TEXT,
  actual_fen     INTEGER,
  actual_yuan    TEXT,
  tolerance_fen  INTEGER NOT NULL,
  tolerance_yuan TEXT NOT NULL,
  printed_text   TEXT NOT NULL,
  page           INTEGER NOT NULL,
  block          INTEGER,
  figures        TEXT NOT NULL
);
BEGIN;
)sql";

// Built after the rows are in: one sort per index instead of a b-tree update per row.
constexpr char kIndexes[] = R"sql(
CREATE INDEX documents_year_department ON documents (fiscal_year, department);
CREATE INDEX tables_document ON tables (document_id);
CREATE INDEX tables_kind ON tables (kind);
CREATE INDEX figures_document ON figures (document_id);
CREATE INDEX figures_table ON figures (table_id);
CREATE INDEX figures_kind_row_column ON figures (table_kind, row_code, column_key);
CREATE INDEX findings_document ON findings (document_id);
CREATE INDEX findings_check ON findings (check_id, severity);
)sql";

constexpr const char* kInserts[] = {
    "INSERT INTO documents (sha256, source, path, status, error_code, error_message, format, "
    "size_bytes, page_count, department, fiscal_year, doc_kind, tool_version, run_dir) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    "INSERT INTO tables (document_id, table_index, kind, printed_title, printed_unit, unit, "
    "unit_source, pages, row_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO figures (document_id, table_id, table_kind, row_code, row_name, column_key, "
    "amount_fen, amount_yuan, page, printed_text, printed_unit, corrected, block, cell_row, "
    "cell_column, line, box, sentence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18)",
    "INSERT INTO findings (document_id, check_id, severity, message, expected_fen, "
    "expected_yuan, actual_fen, actual_yuan, tolerance_fen, tolerance_yuan, printed_text, page, "
    "block, figures) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
};

enum StatementId { kDocument, kTable, kFigure, kFinding };

// Binds parameters left to right from 1.
class Binder {
 public:
  explicit Binder(sqlite3_stmt* statement) : statement_(statement) {}
  Binder& Text(const std::string& text) {
    sqlite3_bind_text(statement_, ++index_, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
  }
  Binder& Text(const OptionalText& text) {
    if (!text) {
      sqlite3_bind_null(statement_, ++index_);
      return *this;
    }
    return Text(*text);
  }
  Binder& Int(std::int64_t value) {
    sqlite3_bind_int64(statement_, ++index_, value);
    return *this;
  }
  Binder& Int(const OptionalInt& value) {
    if (!value) {
      sqlite3_bind_null(statement_, ++index_);
      return *this;
    }
    return Int(*value);
  }

 private:
  sqlite3_stmt* statement_;
  int index_ = 0;
};

}  // namespace

struct SqliteWriter::Impl {
  sqlite3* db = nullptr;
  std::vector<sqlite3_stmt*> statements;
  Status first_error;

  void Fail(const std::string& what) {
    if (!first_error.ok()) return;
    first_error = Status(ErrorCode::kIoError,
                         "SQLite: " + what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
  }

  bool Exec(const char* sql, const char* what) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    if (first_error.ok()) {
      first_error = Status(ErrorCode::kIoError, std::string("SQLite: ") + what + ": " +
                                                    (message ? message : "unknown error"));
    }
    sqlite3_free(message);
    return false;
  }

  // Runs statement `which`, bound by `bind`; the new rowid or 0.
  template <typename Bind>
  std::int64_t Insert(StatementId which, Bind bind) {
    if (!first_error.ok() || statements.size() <= static_cast<size_t>(which)) return 0;
    sqlite3_stmt* statement = statements[which];
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    Binder binder(statement);
    bind(binder);
    if (sqlite3_step(statement) != SQLITE_DONE) {
      Fail("insert");
      return 0;
    }
    return sqlite3_last_insert_rowid(db);
  }

  void Close() {
    for (sqlite3_stmt* statement : statements) sqlite3_finalize(statement);
    statements.clear();
    if (db != nullptr) sqlite3_close(db);
    db = nullptr;
  }
};

SqliteWriter::SqliteWriter() : impl_(std::make_unique<Impl>()) {}
SqliteWriter::~SqliteWriter() {
  impl_->Close();
}

Status SqliteWriter::Open(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW;
  if (sqlite3_open_v2(path.c_str(), &impl_->db, flags, nullptr) != SQLITE_OK) {
    impl_->Fail("cannot create " + path);
    return impl_->first_error;
  }
  if (!impl_->Exec(kSchema, "creating the schema")) return impl_->first_error;
  for (const char* sql : kInserts) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(impl_->db, sql, -1, &statement, nullptr) != SQLITE_OK) {
      impl_->Fail("prepare");
      return impl_->first_error;
    }
    impl_->statements.push_back(statement);
  }
  return Status::Ok();
}

std::int64_t SqliteWriter::AddDocument(const DocumentRow& row) {
  return impl_->Insert(kDocument, [&](Binder& b) {
    b.Text(row.sha256.empty() ? OptionalText() : OptionalText(row.sha256))
        .Text(row.source)
        .Text(row.path)
        .Text(row.status)
        .Text(row.error_code)
        .Text(row.error_message)
        .Text(row.format)
        .Int(row.size_bytes)
        .Int(row.page_count)
        .Text(row.department)
        .Text(row.fiscal_year)
        .Text(row.doc_kind)
        .Text(row.tool_version)
        .Text(row.run_dir);
  });
}

std::int64_t SqliteWriter::AddTable(const TableRow& row) {
  return impl_->Insert(kTable, [&](Binder& b) {
    b.Int(row.document_id)
        .Int(row.table_index)
        .Text(row.kind)
        .Text(row.printed_title)
        .Text(row.printed_unit)
        .Text(row.unit)
        .Text(row.unit_source)
        .Text(row.pages)
        .Int(row.row_count);
  });
}

std::int64_t SqliteWriter::AddFigure(const FigureRow& row) {
  return impl_->Insert(kFigure, [&](Binder& b) {
    b.Int(row.document_id)
        .Int(row.table_id)
        .Text(row.table_kind)
        .Text(row.row_code)
        .Text(row.row_name)
        .Text(row.column_key)
        .Int(row.amount_fen)
        .Text(row.amount_yuan)
        .Int(row.page)
        .Text(row.printed_text)
        .Text(row.printed_unit)
        .Int(row.corrected ? 1 : 0)
        .Int(row.block)
        .Int(row.cell_row)
        .Int(row.cell_column)
        .Int(row.line)
        .Text(row.box)
        .Text(row.sentence);
  });
}

std::int64_t SqliteWriter::AddFinding(const FindingRow& row) {
  return impl_->Insert(kFinding, [&](Binder& b) {
    b.Int(row.document_id)
        .Text(row.check_id)
        .Text(row.severity)
        .Text(row.message)
        .Int(row.expected_fen)
        .Text(row.expected_yuan)
        .Int(row.actual_fen)
        .Text(row.actual_yuan)
        .Int(row.tolerance_fen)
        .Text(row.tolerance_yuan)
        .Text(row.printed_text)
        .Int(row.page)
        .Int(row.block)
        .Text(row.figures_json);
  });
}

Status SqliteWriter::Commit() {
  if (impl_->first_error.ok() && impl_->db != nullptr) {
    for (sqlite3_stmt* statement : impl_->statements) sqlite3_finalize(statement);
    impl_->statements.clear();
    if (impl_->Exec(kIndexes, "creating the indexes")) impl_->Exec("COMMIT;", "commit");
  }
  impl_->Close();
  return impl_->first_error;
}

}  // namespace disclose
