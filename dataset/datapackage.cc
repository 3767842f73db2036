#include "dataset/datapackage.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

namespace disclose {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// A CSV column: name, Table Schema type, description, and the Fiscal Data Package columnType
// when one fits (empty otherwise).
struct Column {
  const char* name;
  const char* type;
  const char* description;
  const char* column_type = "";
  const char* pattern = "";
};

const Column kFactsColumns[] = {
    {"source", "string", "input file name", "", ""},
    {"department", "string", "publishing unit as printed",
     "administrative-classification:generic:label"},
    {"fiscal_year", "string", "the year the figures are for", "date:fiscal-year", "^(\\d{4})?$"},
    {"doc_kind", "string", "final_accounts (决算) or budget (预算); empty when unknown", "phase"},
    {"table_kind", "string", "canonical table kind, or narrative"},
    {"row_code", "string",
     "function (3/5/7 digits) or economic (3/5 digits) classification code, or a canonical row key",
     "functional-classification:generic:code"},
    {"row_name", "string", "row name as printed, line breaks removed",
     "functional-classification:generic:label"},
    {"column", "string", "canonical column key"},
    {"amount_yuan", "number", "exact amount in yuan (CNY), two decimals, no separators", "value",
     "^-?\\d+\\.\\d\\d$"},
    {"page", "integer", "1-based page; 0 for formats without pages"},
    {"printed_text", "string", "the amount as printed"},
    {"printed_unit", "string", "yuan, wan_yuan or unknown"},
    {"table_index", "integer", "index into the document's canonical tables; empty for narrative"},
    {"corrected", "boolean", "the amount differs from a literal reading of the printed unit"},
    {"block", "integer", "index of the source block"},
    {"cell_row", "integer", "anchor cell row in the block's grid"},
    {"cell_column", "integer", "anchor cell column in the block's grid"},
    {"line", "integer", "1-based source line (text inputs)"},
    {"box", "string", "x0 y0 x1 y1 in PDF points (PDF inputs)"},
    {"sha256", "string", "sha256 of the source file; documents.sha256", "", "^[0-9a-f]{64}$"},
};

const Column kDocumentsColumns[] = {
    {"sha256", "string", "sha256 of the source file; empty when it could not be read", "",
     "^([0-9a-f]{64})?$"},
    {"source", "string", "input file name"},
    {"path", "string", "the input's path as the run recorded it"},
    {"status", "string", "ok, error or skipped"},
    {"error_code", "string", "error or skip code; empty when ok"},
    {"error_message", "string", "one line for a person"},
    {"format", "string", "pdf, docx, text, markdown, ..."},
    {"size_bytes", "integer", "bytes of the source file"},
    {"page_count", "integer", "pages (0 for formats without pages)"},
    {"department", "string", "publishing unit as printed",
     "administrative-classification:generic:label"},
    {"fiscal_year", "string", "the year the figures are for", "date:fiscal-year"},
    {"doc_kind", "string", "final_accounts or budget", "phase"},
    {"tables", "integer", "canonical tables"},
    {"figures", "integer", "rows of facts.csv for this document"},
    {"findings_error", "integer", "findings of severity error"},
    {"findings_warning", "integer", "findings of severity warning"},
    {"findings_info", "integer", "findings of severity info"},
    {"tool_version", "string", "disclose version of the run"},
};

const Column kFindingsColumns[] = {
    {"sha256", "string", "documents.sha256"},
    {"source", "string", "input file name"},
    {"check", "string", "check id (docs/findings.md)"},
    {"severity", "string", "error, warning or info"},
    {"message", "string", "what contradicts what"},
    {"expected_yuan", "number", "expected amount, yuan; empty when none", "value"},
    {"actual_yuan", "number", "printed amount, yuan; empty when none", "value"},
    {"tolerance_yuan", "number", "tolerance used, yuan"},
    {"printed_text", "string", "text the finding is about"},
    {"page", "integer", "page; 0 for formats without pages"},
    {"block", "integer", "source block"},
};

template <std::size_t N>
Json Fields(const Column (&columns)[N]) {
  Json fields = Json::array();
  for (const Column& column : columns) {
    Json field = Json::object();
    field["name"] = column.name;
    field["type"] = column.type;
    field["description"] = column.description;
    if (std::string(column.type) == "number") {
      // Exact decimals: read them as decimals, not binary floats.
      field["decimalChar"] = ".";
      field["bareNumber"] = true;
    }
    if (std::string(column.type) == "boolean") {
      field["trueValues"] = Json::array({"true"});
      field["falseValues"] = Json::array({"false"});
    }
    if (*column.pattern != '\0') field["constraints"] = Json::object({{"pattern", column.pattern}});
    if (*column.column_type != '\0') field["columnType"] = column.column_type;
    fields.push_back(std::move(field));
  }
  return fields;
}

Json Resource(const char* name, const char* title, const fs::path& out_dir, Json schema) {
  Json resource = Json::object();
  resource["name"] = name;
  resource["title"] = title;
  resource["path"] = std::string(name) + ".csv";
  resource["profile"] = "tabular-data-resource";
  resource["format"] = "csv";
  resource["mediatype"] = "text/csv";
  resource["encoding"] = "utf-8";
  std::error_code error;
  const std::uintmax_t bytes = fs::file_size(out_dir / (std::string(name) + ".csv"), error);
  if (!error) resource["bytes"] = bytes;
  resource["dialect"] = Json::object({{"delimiter", ","},
                                      {"lineTerminator", "\r\n"},
                                      {"quoteChar", "\""},
                                      {"doubleQuote", true},
                                      {"header", true}});
  resource["schema"] = std::move(schema);
  return resource;
}

Json DocumentsKey() {
  return Json::array({Json::object(
      {{"fields", "sha256"}, {"reference", {{"resource", "documents"}, {"fields", "sha256"}}}})});
}

}  // namespace

Status WriteDataPackage(const fs::path& out_dir, const DatasetSummary& summary) {
  Json package = Json::object();
  package["profile"] = "tabular-data-package";
  package["name"] = "disclose-dataset";
  package["title"] = "Chinese government budget and final-account disclosures, every figure";
  package["description"] =
      "Figures of the standard tables and narrative of 部门预算/部门决算 disclosure documents, "
      "extracted by disclose: exact amounts in yuan with page and box provenance, and the "
      "validation findings. disclose.sqlite holds the same data with keys.";
  package["currency"] = "CNY";
  package["countryCode"] = "CN";
  package["x_disclose"] = Json::object({{"documents", summary.documents},
                                        {"documents_ok", summary.ok},
                                        {"documents_failed", summary.failed},
                                        {"figures", summary.figures},
                                        {"findings", summary.findings}});

  Json facts_schema = Json::object();
  facts_schema["fields"] = Fields(kFactsColumns);
  facts_schema["missingValues"] = Json::array({""});
  facts_schema["foreignKeys"] = DocumentsKey();
  Json documents_schema = Json::object();
  documents_schema["fields"] = Fields(kDocumentsColumns);
  documents_schema["missingValues"] = Json::array({""});
  // No primaryKey: inputs that were never read have no sha256, and a path may name two
  // different contents in two runs. sha256 is unique among the documents that have one.
  Json findings_schema = Json::object();
  findings_schema["fields"] = Fields(kFindingsColumns);
  findings_schema["missingValues"] = Json::array({""});
  findings_schema["foreignKeys"] = DocumentsKey();

  Json resources = Json::array();
  resources.push_back(Resource("facts", "Every figure", out_dir, std::move(facts_schema)));
  resources.push_back(
      Resource("documents", "One row per input document", out_dir, std::move(documents_schema)));
  resources.push_back(
      Resource("findings", "Validation findings", out_dir, std::move(findings_schema)));
  package["resources"] = std::move(resources);

  const std::string text = package.dump(2) + "\n";
  const fs::path path = out_dir / "datapackage.json";
  const std::string temp = path.string() + ".tmp";
  unlink(temp.c_str());
  const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status(ErrorCode::kIoError, "cannot create " + temp + ": " + std::strerror(errno));
  }
  const bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool closed = close(fd) == 0;
  if (!written || !closed || std::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    unlink(temp.c_str());
    return Status(ErrorCode::kIoError,
                  "cannot write " + path.string() + ": " + std::strerror(error));
  }
  return Status::Ok();
}

}  // namespace disclose
