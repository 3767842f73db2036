// NAME.json and NAME.error.json. nlohmann::ordered_json keeps keys in insertion order so the
// output is byte-identical across runs; amounts are FormatYuan strings so no float ever carries
// money, and boxes are rounded to hundredths of a point so tiny layout noise does not churn
// golden files.
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/money.h"
#include "export/export.h"

namespace disclose {
namespace {

using Json = nlohmann::ordered_json;

// Rounded to 0.01 pt; non-finite values (a broken CTM) become 0 rather than JSON null.
double RoundPoint(double value) {
  if (!std::isfinite(value)) return 0.0;
  return std::round(value * 100.0) / 100.0;
}

Json BoxJson(const Box& box) {
  return Json::array(
      {RoundPoint(box.x0), RoundPoint(box.y0), RoundPoint(box.x1), RoundPoint(box.y1)});
}

// Fields that do not apply (-1 block/row/column, line 0, no box) are omitted, always by the same
// rule, so a consumer can test for presence. `page` is always there: 0 means "no pages".
Json ProvenanceJson(const Provenance& provenance) {
  Json json = Json::object();
  json["page"] = provenance.page;
  if (provenance.box) json["box"] = BoxJson(*provenance.box);
  if (provenance.block >= 0) json["block"] = provenance.block;
  if (provenance.row >= 0) json["row"] = provenance.row;
  if (provenance.column >= 0) json["column"] = provenance.column;
  if (provenance.line > 0) json["line"] = provenance.line;
  json["origin"] = std::string(TextOriginName(provenance.origin));
  if (provenance.confidence >= 0) json["confidence"] = provenance.confidence;
  return json;
}

Json IntArray(const std::vector<int>& values) {
  Json json = Json::array();
  for (int value : values) json.push_back(value);
  return json;
}

Json AttributeJson(const Attribute& attribute) {
  Json json = Json::object();
  json["value"] = attribute.value;
  json["evidence"] = attribute.evidence;
  json["provenance"] = ProvenanceJson(attribute.provenance);
  json["missing_reason"] = attribute.missing_reason;
  return json;
}

Json SourceJson(const Document& document) {
  const Source& source = document.source;
  Json json = Json::object();
  json["name"] = source.name;
  json["sha256"] = source.sha256;
  json["format"] = std::string(SourceFormatName(source.format));
  json["size_bytes"] = source.size_bytes;
  json["producer"] = source.producer;
  json["page_count"] = document.page_count();
  return json;
}

Json PageJson(const Page& page) {
  Json json = Json::object();
  json["number"] = page.number;
  json["width"] = RoundPoint(page.width);
  json["height"] = RoundPoint(page.height);
  json["rotation"] = page.rotation;
  json["glyph_count"] = page.glyph_count;
  json["undecodable_glyph_count"] = page.undecodable_glyph_count;
  json["needs_ocr"] = page.needs_ocr;
  json["text_origin"] = std::string(TextOriginName(page.text_origin));
  return json;
}

Json ParagraphJson(const Paragraph& paragraph) {
  Json json = Json::object();
  json["type"] = "paragraph";
  json["text"] = paragraph.text;
  json["role"] = std::string(ParagraphRoleName(paragraph.role));
  json["heading_level"] = paragraph.heading_level;
  json["provenance"] = ProvenanceJson(paragraph.provenance);
  return json;
}

Json TableJson(const Table& table) {
  Json json = Json::object();
  json["type"] = "table";
  json["rows"] = table.row_count;
  json["columns"] = table.column_count;
  json["ruled"] = table.ruled;
  json["continues_on_next_page"] = table.continues_on_next_page;
  json["continued_from_previous_page"] = table.continued_from_previous_page;
  if (table.parent) {
    json["parent"] = Json::object({{"block", table.parent->block},
                                   {"row", table.parent->row},
                                   {"column", table.parent->column}});
  } else {
    json["parent"] = nullptr;
  }
  json["pages"] = IntArray(table.pages);
  json["provenance"] = ProvenanceJson(table.provenance);
  Json cells = Json::array();
  for (const TableCell& cell : table.cells) {
    Json cell_json = Json::object();
    cell_json["row"] = cell.row;
    cell_json["column"] = cell.column;
    cell_json["row_span"] = cell.row_span;
    cell_json["column_span"] = cell.column_span;
    cell_json["text"] = cell.text;
    cell_json["provenance"] = ProvenanceJson(cell.provenance);
    cells.push_back(std::move(cell_json));
  }
  json["cells"] = std::move(cells);
  return json;
}

Json WarningJson(const Warning& warning) {
  Json json = Json::object();
  json["code"] = warning.code;
  json["message"] = warning.message;
  json["provenance"] = ProvenanceJson(warning.provenance);
  return json;
}

// The same figure shape in tables, narrative and findings; narrative figures add `sentence`.
Json FigureJson(const Figure& figure, bool with_sentence) {
  Json json = Json::object();
  json["table_kind"] = figure.table_kind;
  json["row_code"] = figure.row_code;
  json["row_name"] = figure.row_name;
  json["column"] = figure.column;
  json["amount_yuan"] = FormatYuan(figure.amount_fen);
  json["printed_text"] = figure.printed_text;
  json["printed_unit"] = std::string(UnitOfAmountName(figure.printed_unit));
  json["table_index"] = figure.table_index;
  json["corrected"] = figure.corrected;
  if (with_sentence) json["sentence"] = figure.sentence;
  json["provenance"] = ProvenanceJson(figure.provenance);
  return json;
}

Json CanonicalTableJson(const CanonicalTable& table) {
  Json json = Json::object();
  json["kind"] = table.kind;
  Json identification = Json::object();
  identification["kind"] = table.kind;
  Json evidence = Json::array();
  for (const KindEvidence& item : table.evidence) {
    Json entry = Json::object();
    entry["source"] = item.source;
    entry["text"] = item.text;
    entry["kind"] = item.kind;
    evidence.push_back(std::move(entry));
  }
  identification["evidence"] = std::move(evidence);
  json["identification"] = std::move(identification);
  json["printed_empty"] = table.printed_empty;
  json["printed_title"] = table.printed_title;
  json["printed_unit"] = table.printed_unit;
  json["unit"] = std::string(UnitOfAmountName(table.unit));
  json["unit_source"] = std::string(UnitSourceName(table.unit_source));
  json["pages"] = IntArray(table.pages);
  json["source_blocks"] = IntArray(table.source_blocks);
  Json keys = Json::array();
  for (const std::string& key : table.column_keys) keys.push_back(key);
  json["column_keys"] = std::move(keys);
  Json rows = Json::array();
  for (const CanonicalRow& row : table.rows) {
    Json row_json = Json::object();
    row_json["row_code"] = row.row_code;
    row_json["row_name"] = row.row_name;
    row_json["level"] = row.level;
    row_json["source_block"] = row.source_block;
    row_json["source_row"] = row.source_row;
    Json values = Json::array();
    for (const Figure& figure : row.values) values.push_back(FigureJson(figure, false));
    row_json["values"] = std::move(values);
    rows.push_back(std::move(row_json));
  }
  json["rows"] = std::move(rows);
  return json;
}

Json OptionalYuan(const std::optional<std::int64_t>& fen) {
  if (!fen) return nullptr;
  return FormatYuan(*fen);
}

Json FindingJson(const Finding& finding) {
  Json json = Json::object();
  json["check"] = finding.check;
  json["severity"] = std::string(SeverityName(finding.severity));
  json["message"] = finding.message;
  Json figures = Json::array();
  for (const FigureRef& ref : finding.figures) {
    Json ref_json = Json::object();
    ref_json["table_kind"] = ref.table_kind;
    ref_json["row_code"] = ref.row_code;
    ref_json["column"] = ref.column;
    ref_json["amount_yuan"] = FormatYuan(ref.amount_fen);
    ref_json["provenance"] = ProvenanceJson(ref.provenance);
    figures.push_back(std::move(ref_json));
  }
  json["figures"] = std::move(figures);
  json["expected_yuan"] = OptionalYuan(finding.expected_fen);
  json["actual_yuan"] = OptionalYuan(finding.actual_fen);
  json["tolerance_yuan"] = FormatYuan(finding.tolerance_fen);
  json["printed_text"] = finding.printed_text;
  json["provenance"] = ProvenanceJson(finding.provenance);
  return json;
}

// Invalid UTF-8 from a damaged input becomes U+FFFD instead of an exception.
std::string Dump(const Json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string DocumentToJson(const Document& document, const NormalizedDocument& normalized) {
  Json json = Json::object();
  json["schema"] = "disclose/1";
  json["source"] = SourceJson(document);

  Json metadata = Json::object();
  metadata["department"] = AttributeJson(normalized.metadata.department);
  metadata["fiscal_year"] = AttributeJson(normalized.metadata.fiscal_year);
  metadata["doc_kind"] = AttributeJson(normalized.metadata.doc_kind);
  json["metadata"] = std::move(metadata);

  Json pages = Json::array();
  for (const Page& page : document.pages) pages.push_back(PageJson(page));
  json["pages"] = std::move(pages);

  Json blocks = Json::array();
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      blocks.push_back(ParagraphJson(*paragraph));
    } else if (const Table* table = block.AsTable()) {
      blocks.push_back(TableJson(*table));
    }
  }
  json["blocks"] = std::move(blocks);

  Json furniture = Json::array();
  for (const Paragraph& paragraph : document.furniture)
    furniture.push_back(ParagraphJson(paragraph));
  json["furniture"] = std::move(furniture);

  Json warnings = Json::array();
  for (const Warning& warning : document.warnings) warnings.push_back(WarningJson(warning));
  json["warnings"] = std::move(warnings);

  Json tables = Json::array();
  for (const CanonicalTable& table : normalized.tables) tables.push_back(CanonicalTableJson(table));
  json["tables"] = std::move(tables);

  Json narrative = Json::array();
  for (const Figure& figure : normalized.narrative) narrative.push_back(FigureJson(figure, true));
  json["narrative"] = std::move(narrative);

  Json findings = Json::array();
  for (const Finding& finding : normalized.findings) findings.push_back(FindingJson(finding));
  json["findings"] = std::move(findings);
  return Dump(json);
}

std::string ErrorToJson(const std::string& source_name, const Status& status) {
  Json json = Json::object();
  json["source"] = source_name;
  json["code"] = std::string(ErrorCodeName(status.code()));
  // One line by contract, whatever a reader put in its message.
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  json["message"] = message;
  return Dump(json);
}

}  // namespace disclose
