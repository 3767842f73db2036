// NAME.json and NAME.error.json. The document is written token by token through JsonStream, in
// the fixed key order of docs/schema.md, so the output is byte-identical across runs and no tree
// of the whole document is ever built (that tree once cost twice the normalizer). Amounts are
// FormatYuan strings so no float ever carries money, and boxes are rounded to hundredths of a
// point so tiny layout noise does not churn golden files.
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/money.h"
#include "export/export.h"
#include "export/json_stream.h"

namespace disclose {
namespace {

// Rounded to 0.01 pt; non-finite values (a broken CTM) become 0 rather than JSON null.
double RoundPoint(double value) {
  if (!std::isfinite(value)) return 0.0;
  return std::round(value * 100.0) / 100.0;
}

void WriteBox(JsonStream& json, const Box& box) {
  json.BeginArray();
  json.Double(RoundPoint(box.x0));
  json.Double(RoundPoint(box.y0));
  json.Double(RoundPoint(box.x1));
  json.Double(RoundPoint(box.y1));
  json.EndArray();
}

void Field(JsonStream& json, std::string_view key, std::string_view value) {
  json.Key(key);
  json.String(value);
}

void Field(JsonStream& json, std::string_view key, std::int64_t value) {
  json.Key(key);
  json.Int(value);
}

void BoolField(JsonStream& json, std::string_view key, bool value) {
  json.Key(key);
  json.Bool(value);
}

// Fields that do not apply (-1 block/row/column, line 0, no box) are omitted, always by the same
// rule, so a consumer can test for presence. `page` is always there: 0 means "no pages".
void WriteProvenance(JsonStream& json, const Provenance& provenance) {
  json.Key("provenance");
  json.BeginObject();
  Field(json, "page", provenance.page);
  if (provenance.box) {
    json.Key("box");
    WriteBox(json, *provenance.box);
  }
  if (provenance.block >= 0) Field(json, "block", provenance.block);
  if (provenance.row >= 0) Field(json, "row", provenance.row);
  if (provenance.column >= 0) Field(json, "column", provenance.column);
  if (provenance.line > 0) Field(json, "line", provenance.line);
  Field(json, "origin", TextOriginName(provenance.origin));
  if (provenance.confidence >= 0) Field(json, "confidence", provenance.confidence);
  json.EndObject();
}

void IntArrayField(JsonStream& json, std::string_view key, const std::vector<int>& values) {
  json.Key(key);
  json.BeginArray();
  for (int value : values) json.Int(value);
  json.EndArray();
}

void WriteAttribute(JsonStream& json, std::string_view key, const Attribute& attribute) {
  json.Key(key);
  json.BeginObject();
  Field(json, "value", attribute.value);
  Field(json, "evidence", attribute.evidence);
  WriteProvenance(json, attribute.provenance);
  Field(json, "missing_reason", attribute.missing_reason);
  if (!attribute.sources.empty()) {
    json.Key("sources");
    json.BeginArray();
    for (const AttributeSource& source : attribute.sources) {
      json.BeginObject();
      Field(json, "source", source.source);
      Field(json, "value", source.value);
      Field(json, "evidence", source.evidence);
      WriteProvenance(json, source.provenance);
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
}

void WriteSource(JsonStream& json, const Document& document) {
  const Source& source = document.source;
  json.Key("source");
  json.BeginObject();
  Field(json, "name", source.name);
  Field(json, "sha256", source.sha256);
  Field(json, "format", SourceFormatName(source.format));
  Field(json, "size_bytes", static_cast<std::int64_t>(source.size_bytes));
  Field(json, "producer", source.producer);
  Field(json, "page_count", static_cast<std::int64_t>(document.page_count()));
  json.EndObject();
}

void WritePage(JsonStream& json, const Page& page) {
  json.BeginObject();
  Field(json, "number", page.number);
  json.Key("width");
  json.Double(RoundPoint(page.width));
  json.Key("height");
  json.Double(RoundPoint(page.height));
  Field(json, "rotation", page.rotation);
  Field(json, "glyph_count", page.glyph_count);
  Field(json, "undecodable_glyph_count", page.undecodable_glyph_count);
  BoolField(json, "needs_ocr", page.needs_ocr);
  Field(json, "text_origin", TextOriginName(page.text_origin));
  json.EndObject();
}

void WriteParagraph(JsonStream& json, const Paragraph& paragraph) {
  json.BeginObject();
  Field(json, "type", "paragraph");
  Field(json, "text", paragraph.text);
  Field(json, "role", ParagraphRoleName(paragraph.role));
  Field(json, "heading_level", paragraph.heading_level);
  WriteProvenance(json, paragraph.provenance);
  json.EndObject();
}

void WriteTable(JsonStream& json, const Table& table) {
  json.BeginObject();
  Field(json, "type", "table");
  Field(json, "rows", table.row_count);
  Field(json, "columns", table.column_count);
  BoolField(json, "ruled", table.ruled);
  BoolField(json, "continues_on_next_page", table.continues_on_next_page);
  BoolField(json, "continued_from_previous_page", table.continued_from_previous_page);
  json.Key("parent");
  if (table.parent) {
    json.BeginObject();
    Field(json, "block", table.parent->block);
    Field(json, "row", table.parent->row);
    Field(json, "column", table.parent->column);
    json.EndObject();
  } else {
    json.Null();
  }
  IntArrayField(json, "pages", table.pages);
  WriteProvenance(json, table.provenance);
  json.Key("cells");
  json.BeginArray();
  for (const TableCell& cell : table.cells) {
    json.BeginObject();
    Field(json, "row", cell.row);
    Field(json, "column", cell.column);
    Field(json, "row_span", cell.row_span);
    Field(json, "column_span", cell.column_span);
    Field(json, "text", cell.text);
    WriteProvenance(json, cell.provenance);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void WriteWarning(JsonStream& json, const Warning& warning) {
  json.BeginObject();
  Field(json, "code", warning.code);
  Field(json, "message", warning.message);
  WriteProvenance(json, warning.provenance);
  json.EndObject();
}

// The same figure shape in tables, narrative and findings; narrative figures add `sentence`.
void WriteFigure(JsonStream& json, const Figure& figure, bool with_sentence) {
  json.BeginObject();
  Field(json, "table_kind", figure.table_kind);
  Field(json, "row_code", figure.row_code);
  Field(json, "row_name", figure.row_name);
  Field(json, "column", figure.column);
  Field(json, "amount_yuan", FormatYuan(figure.amount_fen));
  Field(json, "printed_text", figure.printed_text);
  Field(json, "printed_unit", UnitOfAmountName(figure.printed_unit));
  Field(json, "table_index", figure.table_index);
  BoolField(json, "corrected", figure.corrected);
  if (with_sentence) Field(json, "sentence", figure.sentence);
  WriteProvenance(json, figure.provenance);
  json.EndObject();
}

void WriteCanonicalTable(JsonStream& json, const CanonicalTable& table) {
  json.BeginObject();
  Field(json, "kind", table.kind);
  json.Key("identification");
  json.BeginObject();
  Field(json, "kind", table.kind);
  json.Key("evidence");
  json.BeginArray();
  for (const KindEvidence& item : table.evidence) {
    json.BeginObject();
    Field(json, "source", item.source);
    Field(json, "text", item.text);
    Field(json, "kind", item.kind);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  BoolField(json, "printed_empty", table.printed_empty);
  Field(json, "printed_title", table.printed_title);
  Field(json, "printed_unit", table.printed_unit);
  Field(json, "unit", UnitOfAmountName(table.unit));
  Field(json, "unit_source", UnitSourceName(table.unit_source));
  IntArrayField(json, "pages", table.pages);
  IntArrayField(json, "source_blocks", table.source_blocks);
  json.Key("column_keys");
  json.BeginArray();
  for (const std::string& key : table.column_keys) json.String(key);
  json.EndArray();
  json.Key("rows");
  json.BeginArray();
  for (const CanonicalRow& row : table.rows) {
    json.BeginObject();
    Field(json, "row_code", row.row_code);
    Field(json, "row_name", row.row_name);
    Field(json, "level", row.level);
    Field(json, "source_block", row.source_block);
    Field(json, "source_row", row.source_row);
    json.Key("values");
    json.BeginArray();
    for (const Figure& figure : row.values) WriteFigure(json, figure, false);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
}

void OptionalYuanField(JsonStream& json, std::string_view key,
                       const std::optional<std::int64_t>& fen) {
  json.Key(key);
  if (fen) {
    json.String(FormatYuan(*fen));
  } else {
    json.Null();
  }
}

void WriteFinding(JsonStream& json, const Finding& finding) {
  json.BeginObject();
  Field(json, "check", finding.check);
  Field(json, "severity", SeverityName(finding.severity));
  Field(json, "message", finding.message);
  json.Key("figures");
  json.BeginArray();
  for (const FigureRef& ref : finding.figures) {
    json.BeginObject();
    Field(json, "table_kind", ref.table_kind);
    Field(json, "row_code", ref.row_code);
    Field(json, "column", ref.column);
    Field(json, "amount_yuan", FormatYuan(ref.amount_fen));
    WriteProvenance(json, ref.provenance);
    json.EndObject();
  }
  json.EndArray();
  OptionalYuanField(json, "expected_yuan", finding.expected_fen);
  OptionalYuanField(json, "actual_yuan", finding.actual_fen);
  Field(json, "tolerance_yuan", FormatYuan(finding.tolerance_fen));
  Field(json, "printed_text", finding.printed_text);
  WriteProvenance(json, finding.provenance);
  json.EndObject();
}

void WriteDocument(JsonStream& json, const Document& document,
                   const NormalizedDocument& normalized) {
  json.BeginObject();
  Field(json, "schema", "disclose/1");
  WriteSource(json, document);

  json.Key("metadata");
  json.BeginObject();
  WriteAttribute(json, "department", normalized.metadata.department);
  WriteAttribute(json, "fiscal_year", normalized.metadata.fiscal_year);
  WriteAttribute(json, "doc_kind", normalized.metadata.doc_kind);
  WriteAttribute(json, "document_class", normalized.metadata.document_class);
  json.EndObject();

  json.Key("pages");
  json.BeginArray();
  for (const Page& page : document.pages) WritePage(json, page);
  json.EndArray();

  json.Key("blocks");
  json.BeginArray();
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      WriteParagraph(json, *paragraph);
    } else if (const Table* table = block.AsTable()) {
      WriteTable(json, *table);
    }
  }
  json.EndArray();

  json.Key("furniture");
  json.BeginArray();
  for (const Paragraph& paragraph : document.furniture) WriteParagraph(json, paragraph);
  json.EndArray();

  json.Key("warnings");
  json.BeginArray();
  for (const Warning& warning : document.warnings) WriteWarning(json, warning);
  json.EndArray();

  json.Key("tables");
  json.BeginArray();
  for (const CanonicalTable& table : normalized.tables) WriteCanonicalTable(json, table);
  json.EndArray();

  json.Key("narrative");
  json.BeginArray();
  for (const Figure& figure : normalized.narrative) WriteFigure(json, figure, true);
  json.EndArray();

  json.Key("findings");
  json.BeginArray();
  for (const Finding& finding : normalized.findings) WriteFinding(json, finding);
  json.EndArray();

  // Last, so the denominator of the identity rate sits apart from the figures.
  json.Key("validation");
  json.BeginObject();
  for (const auto& [check, tally] : normalized.validation) {
    json.Key(check);
    json.BeginObject();
    json.Key("checked");
    json.Int(tally.checked);
    json.Key("held");
    json.Int(tally.held);
    json.EndObject();
  }
  json.EndObject();
  json.EndObject();
  json.Newline();
}

JsonStream::Style StreamStyle(JsonStyle style) {
  return style == JsonStyle::kPretty ? JsonStream::Style::kPretty : JsonStream::Style::kCompact;
}

}  // namespace

std::string DocumentToJson(const Document& document, const NormalizedDocument& normalized,
                           JsonStyle style) {
  JsonStream json(StreamStyle(style));
  WriteDocument(json, document, normalized);
  return json.TakeString();
}

Status WriteDocumentJson(std::FILE* file, const Document& document,
                         const NormalizedDocument& normalized, JsonStyle style) {
  JsonStream json(StreamStyle(style), file);
  WriteDocument(json, document, normalized);
  return json.Finish();
}

std::string ErrorToJson(const std::string& source_name, const Status& status) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  json["source"] = source_name;
  json["code"] = std::string(ErrorCodeName(status.code()));
  // One line by contract, whatever a reader put in its message.
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  json["message"] = message;
  // Invalid UTF-8 from a damaged input becomes U+FFFD instead of an exception.
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace disclose
