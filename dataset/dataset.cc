// BuildDataset: reads each chosen document's NAME.json once, checks it, and writes its rows to
// the three CSVs and the SQLite database together, so facts.csv and the figures table always
// hold the same figures. One document is in memory at a time.
#include "dataset/dataset.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "dataset/datapackage.h"
#include "dataset/runs.h"
#include "dataset/sqlite_writer.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// A file created under OUT as NAME.tmp (never through a planted link: O_EXCL|O_NOFOLLOW) and
// renamed to NAME by Commit, so OUT never shows a partial file under a final name.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() {
    if (file_ != nullptr) std::fclose(file_);
    if (!committed_ && !temp_.empty()) unlink(temp_.c_str());
  }

  Status Create(const fs::path& path) {
    path_ = path;
    temp_ = path.string() + ".tmp";
    unlink(temp_.c_str());  // a stale or planted one; unlink never follows a link
    const int fd = open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 || (file_ = fdopen(fd, "wb")) == nullptr) {
      const int error = errno;
      if (fd >= 0) close(fd);
      return Status(ErrorCode::kIoError, "cannot create " + temp_ + ": " + std::strerror(error));
    }
    return Status::Ok();
  }

  void Write(const std::string& text) {
    if (write_errno_ == 0 && std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
      write_errno_ = errno != 0 ? errno : EIO;
    }
  }

  Status Commit() {
    if (std::fclose(file_) != 0 && write_errno_ == 0) write_errno_ = errno != 0 ? errno : EIO;
    file_ = nullptr;
    if (write_errno_ != 0) {
      return Status(ErrorCode::kIoError,
                    "cannot write " + temp_ + ": " + std::strerror(write_errno_));
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
      return Status(ErrorCode::kIoError, "cannot rename " + temp_ + ": " + std::strerror(errno));
    }
    committed_ = true;
    return Status::Ok();
  }

 private:
  fs::path path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
  int write_errno_ = 0;
  bool committed_ = false;
};

void AppendRow(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    AppendCsvField(out, field);
  }
  out += "\r\n";
}

const Json& Member(const Json& object, const char* key) {
  static const Json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string Text(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

OptionalText OptionalString(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (!value.is_string()) return std::nullopt;
  return value.get<std::string>();
}

OptionalInt OptionalInteger(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (!value.is_number_integer()) return std::nullopt;
  return value.get<std::int64_t>();
}

std::string IntText(const OptionalInt& value) {
  return value ? std::to_string(*value) : std::string();
}

// "-?\d+\.\d\d" (FormatYuan's form) to fen, exactly; nullopt for anything else.
std::optional<std::int64_t> ParseYuan(const std::string& text) {
  std::size_t i = text.size() > 0 && text[0] == '-' ? 1 : 0;
  const bool negative = i == 1;
  if (text.size() < i + 4 || text[text.size() - 3] != '.') return std::nullopt;
  std::int64_t fen = 0;
  int digits = 0;
  for (; i < text.size(); ++i) {
    if (i == text.size() - 3) continue;
    const char c = text[i];
    if (c < '0' || c > '9' || ++digits > 18) return std::nullopt;
    fen = fen * 10 + (c - '0');
  }
  return negative ? -fen : fen;
}

std::string FormatPoint(const Json& value) {
  double number = value.is_number() ? value.get<double>() : 0.0;
  if (!std::isfinite(number)) number = 0.0;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(number * 100.0) / 100.0);
  std::string text = buffer;
  if (text == "-0.00") text = "0.00";
  return text;
}

// The facts.csv `box` text from a provenance's [x0, y0, x1, y1], as NAME.facts.csv prints it.
OptionalText BoxText(const Json& provenance) {
  const Json& box = Member(provenance, "box");
  if (!box.is_array() || box.size() != 4) return std::nullopt;
  return FormatPoint(box[0]) + " " + FormatPoint(box[1]) + " " + FormatPoint(box[2]) + " " +
         FormatPoint(box[3]);
}

// Everything one document contributes, checked before any of it is written.
struct DocumentRows {
  DocumentRow document;
  std::vector<TableRow> tables;
  std::vector<FigureRow> figures;
  std::vector<std::int64_t> figure_table_index;  // -1: narrative
  std::vector<FindingRow> findings;
  std::int64_t by_severity[3] = {0, 0, 0};  // error, warning, info
};

constexpr char kFactsHeader[] =
    "source,department,fiscal_year,doc_kind,table_kind,row_code,row_name,column,amount_yuan,page,"
    "printed_text,printed_unit,table_index,corrected,block,cell_row,cell_column,line,box,sha256"
    "\r\n";
constexpr char kDocumentsHeader[] =
    "sha256,source,path,status,error_code,error_message,format,size_bytes,page_count,department,"
    "fiscal_year,doc_kind,tables,figures,findings_error,findings_warning,findings_info,"
    "tool_version\r\n";
constexpr char kFindingsHeader[] =
    "sha256,source,check,severity,message,expected_yuan,actual_yuan,tolerance_yuan,printed_text,"
    "page,block\r\n";

bool AddFigure(const Json& figure, std::int64_t table_index, bool narrative, DocumentRows& rows,
               std::string& problem) {
  FigureRow row;
  const Json& provenance = Member(figure, "provenance");
  row.table_kind = Text(figure, "table_kind");
  row.row_code = Text(figure, "row_code");
  // As NAME.facts.csv: row names without line breaks (a wrapped CJK label joins without a space).
  for (char c : Text(figure, "row_name")) {
    if (c != '\n' && c != '\r') row.row_name += c;
  }
  row.column_key = Text(figure, "column");
  row.amount_yuan = Text(figure, "amount_yuan");
  const std::optional<std::int64_t> fen = ParseYuan(row.amount_yuan);
  if (!fen) {
    problem = "amount_yuan '" + row.amount_yuan + "' is not an amount";
    return false;
  }
  row.amount_fen = *fen;
  row.page = OptionalInteger(provenance, "page").value_or(0);
  row.printed_text = Text(figure, "printed_text");
  row.printed_unit = Text(figure, "printed_unit");
  const Json& corrected = Member(figure, "corrected");
  row.corrected = corrected.is_boolean() && corrected.get<bool>();
  row.block = OptionalInteger(provenance, "block");
  row.cell_row = OptionalInteger(provenance, "row");
  row.cell_column = OptionalInteger(provenance, "column");
  row.line = OptionalInteger(provenance, "line");
  row.box = BoxText(provenance);
  if (narrative) row.sentence = OptionalString(figure, "sentence");
  rows.figures.push_back(std::move(row));
  rows.figure_table_index.push_back(table_index);
  return true;
}

std::string JoinInts(const Json& values) {
  std::string out;
  if (!values.is_array()) return out;
  for (const Json& value : values) {
    if (!value.is_number_integer()) continue;
    if (!out.empty()) out += ' ';
    out += std::to_string(value.get<std::int64_t>());
  }
  return out;
}

// Reads NAME.json into rows; false (with `problem`) when it is not the document the run said.
bool ReadDocumentRows(const RunEntry& entry, DocumentRows& rows, std::string& problem) {
  std::ifstream in(entry.json_path, std::ios::binary);
  if (!in) {
    problem = "cannot read " + entry.json_path;
    return false;
  }
  const Json json = Json::parse(in, nullptr, false);
  if (json.is_discarded() || Text(json, "schema") != "disclose/1") {
    problem = entry.json_path + " is not a complete disclose JSON (truncated?)";
    return false;
  }
  const Json& source = Member(json, "source");
  if (!entry.sha256.empty() && Text(source, "sha256") != entry.sha256) {
    problem = entry.json_path + " is for another input (sha256 " + Text(source, "sha256") +
              ", the manifest says " + entry.sha256 + ")";
    return false;
  }
  DocumentRow& document = rows.document;
  document.sha256 = Text(source, "sha256");
  document.source = Text(source, "name");
  document.format = OptionalString(source, "format");
  document.size_bytes = OptionalInteger(source, "size_bytes");
  document.page_count = OptionalInteger(source, "page_count");
  const Json& metadata = Member(json, "metadata");
  document.department = Text(Member(metadata, "department"), "value");
  document.fiscal_year = Text(Member(metadata, "fiscal_year"), "value");
  document.doc_kind = Text(Member(metadata, "doc_kind"), "value");

  const Json& tables = Member(json, "tables");
  for (std::size_t i = 0; tables.is_array() && i < tables.size(); ++i) {
    const Json& table = tables[i];
    TableRow row;
    row.table_index = static_cast<std::int64_t>(i);
    row.kind = Text(table, "kind");
    row.printed_title = Text(table, "printed_title");
    row.printed_unit = Text(table, "printed_unit");
    row.unit = Text(table, "unit");
    row.unit_source = Text(table, "unit_source");
    row.pages = JoinInts(Member(table, "pages"));
    const Json& table_rows = Member(table, "rows");
    row.row_count = table_rows.is_array() ? static_cast<std::int64_t>(table_rows.size()) : 0;
    rows.tables.push_back(std::move(row));
    for (std::size_t r = 0; table_rows.is_array() && r < table_rows.size(); ++r) {
      const Json& values = Member(table_rows[r], "values");
      for (std::size_t v = 0; values.is_array() && v < values.size(); ++v) {
        if (!AddFigure(values[v], static_cast<std::int64_t>(i), false, rows, problem)) {
          return false;
        }
      }
    }
  }
  const Json& narrative = Member(json, "narrative");
  for (std::size_t i = 0; narrative.is_array() && i < narrative.size(); ++i) {
    if (!AddFigure(narrative[i], -1, true, rows, problem)) return false;
  }
  const Json& findings = Member(json, "findings");
  for (std::size_t i = 0; findings.is_array() && i < findings.size(); ++i) {
    const Json& finding = findings[i];
    FindingRow row;
    row.check_id = Text(finding, "check");
    row.severity = Text(finding, "severity");
    row.message = Text(finding, "message");
    row.expected_yuan = OptionalString(finding, "expected_yuan");
    row.actual_yuan = OptionalString(finding, "actual_yuan");
    row.tolerance_yuan = Text(finding, "tolerance_yuan");
    if (row.expected_yuan) row.expected_fen = ParseYuan(*row.expected_yuan);
    if (row.actual_yuan) row.actual_fen = ParseYuan(*row.actual_yuan);
    row.tolerance_fen = ParseYuan(row.tolerance_yuan).value_or(0);
    row.printed_text = Text(finding, "printed_text");
    const Json& provenance = Member(finding, "provenance");
    row.page = OptionalInteger(provenance, "page").value_or(0);
    row.block = OptionalInteger(provenance, "block");
    row.figures_json = Member(finding, "figures").dump();
    if (row.severity == "error") ++rows.by_severity[0];
    if (row.severity == "warning") ++rows.by_severity[1];
    if (row.severity == "info") ++rows.by_severity[2];
    rows.findings.push_back(std::move(row));
  }
  return true;
}

struct Outputs {
  OutputFile facts, documents, findings;
  SqliteWriter sqlite;
};

void WriteDocument(const RunEntry& entry, DocumentRows& rows, Outputs& out,
                   DatasetSummary& summary) {
  DocumentRow& document = rows.document;
  document.path = entry.path;
  document.status = entry.status;
  document.run_dir = entry.run_dir;
  if (document.source.empty()) document.source = entry.source;
  if (document.sha256.empty()) document.sha256 = entry.sha256;
  if (!document.size_bytes && entry.size >= 0) document.size_bytes = entry.size;
  if (!entry.error_code.empty()) document.error_code = entry.error_code;
  if (!entry.error_message.empty()) document.error_message = entry.error_message;
  if (!entry.tool_version.empty()) document.tool_version = entry.tool_version;

  const std::int64_t document_id = out.sqlite.AddDocument(document);
  std::vector<std::int64_t> table_ids;
  for (TableRow& table : rows.tables) {
    table.document_id = document_id;
    table_ids.push_back(out.sqlite.AddTable(table));
  }
  std::string csv;
  for (std::size_t i = 0; i < rows.figures.size(); ++i) {
    FigureRow& figure = rows.figures[i];
    figure.document_id = document_id;
    const std::int64_t table_index = rows.figure_table_index[i];
    if (table_index >= 0) figure.table_id = table_ids[static_cast<std::size_t>(table_index)];
    out.sqlite.AddFigure(figure);
    AppendRow(csv, {document.source,
                    document.department.value_or(""),
                    document.fiscal_year.value_or(""),
                    document.doc_kind.value_or(""),
                    figure.table_kind,
                    figure.row_code,
                    figure.row_name,
                    figure.column_key,
                    figure.amount_yuan,
                    std::to_string(figure.page),
                    figure.printed_text,
                    figure.printed_unit,
                    table_index >= 0 ? std::to_string(table_index) : "",
                    figure.corrected ? "true" : "false",
                    IntText(figure.block),
                    IntText(figure.cell_row),
                    IntText(figure.cell_column),
                    IntText(figure.line),
                    figure.box.value_or(""),
                    document.sha256});
    if (csv.size() > (1 << 16)) {
      out.facts.Write(csv);
      csv.clear();
    }
  }
  out.facts.Write(csv);
  csv.clear();
  for (FindingRow& finding : rows.findings) {
    finding.document_id = document_id;
    out.sqlite.AddFinding(finding);
    AppendRow(csv, {document.sha256, document.source, finding.check_id, finding.severity,
                    finding.message, finding.expected_yuan.value_or(""),
                    finding.actual_yuan.value_or(""), finding.tolerance_yuan, finding.printed_text,
                    std::to_string(finding.page), IntText(finding.block)});
  }
  out.findings.Write(csv);
  csv.clear();
  AppendRow(csv, {document.sha256, document.source, document.path, document.status,
                  document.error_code.value_or(""), document.error_message.value_or(""),
                  document.format.value_or(""), IntText(document.size_bytes),
                  IntText(document.page_count), document.department.value_or(""),
                  document.fiscal_year.value_or(""), document.doc_kind.value_or(""),
                  std::to_string(rows.tables.size()), std::to_string(rows.figures.size()),
                  std::to_string(rows.by_severity[0]), std::to_string(rows.by_severity[1]),
                  std::to_string(rows.by_severity[2]), document.tool_version.value_or("")});
  out.documents.Write(csv);

  ++summary.documents;
  if (document.status == "ok") {
    ++summary.ok;
  } else {
    ++summary.failed;
  }
  summary.tables += static_cast<std::int64_t>(rows.tables.size());
  summary.figures += static_cast<std::int64_t>(rows.figures.size());
  summary.findings += static_cast<std::int64_t>(rows.findings.size());
}

}  // namespace

Result<DatasetSummary> BuildDataset(const DatasetOptions& options, std::ostream& log) {
  DatasetSummary summary;
  std::vector<RunEntry> entries;
  std::int64_t bad_lines = 0;
  for (const std::string& run_dir : options.run_dirs) {
    Result<std::vector<RunEntry>> run = ReadRun(run_dir, log, bad_lines);
    if (!run.ok()) return run.status();
    for (RunEntry& entry : run.value()) entries.push_back(std::move(entry));
  }
  const std::vector<RunEntry> documents = ChooseDocuments(std::move(entries), summary.duplicates);

  const fs::path out_dir(options.out_dir);
  std::error_code error;
  fs::create_directories(out_dir, error);
  if (error || !fs::is_directory(out_dir)) {
    return Status(ErrorCode::kIoError, options.out_dir + ": cannot create the output directory" +
                                           (error ? ": " + error.message() : std::string()));
  }
  Outputs out;
  for (const auto& [file, name] :
       {std::pair{&out.facts, "facts.csv"}, std::pair{&out.documents, "documents.csv"},
        std::pair{&out.findings, "findings.csv"}}) {
    const Status created = file->Create(out_dir / name);
    if (!created.ok()) return created;
  }
  out.facts.Write(kFactsHeader);
  out.documents.Write(kDocumentsHeader);
  out.findings.Write(kFindingsHeader);
  const std::string sqlite_temp = (out_dir / "disclose.sqlite.tmp").string();
  unlink(sqlite_temp.c_str());
  if (Status opened = out.sqlite.Open(sqlite_temp); !opened.ok()) {
    unlink(sqlite_temp.c_str());
    return opened;
  }

  for (const RunEntry& entry : documents) {
    DocumentRows rows;
    if (entry.status == "ok") {
      std::string problem;
      if (!ReadDocumentRows(entry, rows, problem)) {
        log << "disclose: " << entry.path << ": " << problem << "\n";
        ++summary.bad_outputs;
        rows = DocumentRows();
        RunEntry bad = entry;
        bad.status = "error";
        bad.error_code = "bad_output";
        bad.error_message = problem;
        WriteDocument(bad, rows, out, summary);
        continue;
      }
    }
    WriteDocument(entry, rows, out, summary);
  }
  summary.bad_outputs += bad_lines;

  Status status = out.sqlite.Commit();
  if (status.ok() && std::rename(sqlite_temp.c_str(), (out_dir / "disclose.sqlite").c_str()) != 0) {
    status =
        Status(ErrorCode::kIoError, "cannot rename " + sqlite_temp + ": " + std::strerror(errno));
  }
  if (!status.ok()) {
    unlink(sqlite_temp.c_str());
    return status;
  }
  for (OutputFile* file : {&out.facts, &out.documents, &out.findings}) {
    status = file->Commit();
    if (!status.ok()) return status;
  }
  status = WriteDataPackage(out_dir, summary);
  if (!status.ok()) return status;
  return summary;
}

}  // namespace disclose
