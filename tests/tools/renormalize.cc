// disclose_renormalize: runs the normalizer again on the document model that a `disclose
// extract` JSON output carries (source, pages, blocks, furniture, warnings), and writes a new
// output JSON. It lets scripts/ocr-measure.py re-measure a normalizer change on OCR'd scans in
// seconds instead of re-running OCR (minutes per page on a loaded machine): the reader's output
// is the same, only the normalizer changed.
//
//   disclose_renormalize IN.json OUT.json [OUT.facts.csv]   # OUT = Normalize(model of IN)
//
// With a third path it also writes the facts CSV, so that a sweep's scorer (which reads the CSV)
// can score a re-normalized reading as it scores a fresh one.
//
// Boxes come back rounded as the writer rounds them (0.01 pt); nothing else is lost.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/document.h"
#include "export/export.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

using nlohmann::json;

TextOrigin OriginOf(const json& value) {
  const std::string name = value.get<std::string>();
  for (TextOrigin origin : {TextOrigin::kTextLayer, TextOrigin::kOcr, TextOrigin::kMarkup}) {
    if (TextOriginName(origin) == name) return origin;
  }
  return TextOrigin::kTextLayer;
}

Provenance ProvenanceOf(const json& object) {
  Provenance provenance;
  if (!object.contains("provenance")) return provenance;
  const json& p = object["provenance"];
  provenance.page = p.value("page", 0);
  if (p.contains("box")) {
    const json& box = p["box"];
    provenance.box =
        Box{box[0].get<double>(), box[1].get<double>(), box[2].get<double>(), box[3].get<double>()};
  }
  provenance.block = p.value("block", -1);
  provenance.row = p.value("row", -1);
  provenance.column = p.value("column", -1);
  provenance.line = p.value("line", 0);
  if (p.contains("origin")) provenance.origin = OriginOf(p["origin"]);
  provenance.confidence = p.value("confidence", -1);
  return provenance;
}

Paragraph ParagraphOf(const json& object) {
  Paragraph paragraph;
  paragraph.text = object.value("text", "");
  const std::string role = object.value("role", "");
  for (ParagraphRole candidate :
       {ParagraphRole::kBody, ParagraphRole::kHeading, ParagraphRole::kListItem,
        ParagraphRole::kTextBox, ParagraphRole::kCaption}) {
    if (ParagraphRoleName(candidate) == role) paragraph.role = candidate;
  }
  paragraph.heading_level = object.value("heading_level", 0);
  paragraph.provenance = ProvenanceOf(object);
  return paragraph;
}

Table TableOf(const json& object) {
  Table table;
  table.row_count = object.value("rows", 0);
  table.column_count = object.value("columns", 0);
  table.ruled = object.value("ruled", false);
  table.continues_on_next_page = object.value("continues_on_next_page", false);
  table.continued_from_previous_page = object.value("continued_from_previous_page", false);
  if (object.contains("parent") && object["parent"].is_object()) {
    const json& parent = object["parent"];
    table.parent =
        TableParent{parent.value("block", -1), parent.value("row", -1), parent.value("column", -1)};
  }
  for (const json& page : object["pages"]) table.pages.push_back(page.get<int>());
  table.provenance = ProvenanceOf(object);
  for (const json& c : object["cells"]) {
    TableCell cell;
    cell.row = c.value("row", 0);
    cell.column = c.value("column", 0);
    cell.row_span = c.value("row_span", 1);
    cell.column_span = c.value("column_span", 1);
    cell.text = c.value("text", "");
    cell.provenance = ProvenanceOf(c);
    table.cells.push_back(std::move(cell));
  }
  return table;
}

Document DocumentOf(const json& in) {
  Document document;
  const json& source = in["source"];
  document.source.name = source.value("name", "");
  document.source.sha256 = source.value("sha256", "");
  const std::string format = source.value("format", "");
  for (SourceFormat candidate :
       {SourceFormat::kPdf, SourceFormat::kDocx, SourceFormat::kXlsx, SourceFormat::kXls,
        SourceFormat::kDoc, SourceFormat::kHtml, SourceFormat::kText, SourceFormat::kMarkdown}) {
    if (SourceFormatName(candidate) == format) document.source.format = candidate;
  }
  document.source.size_bytes = source.value("size_bytes", std::uint64_t{0});
  document.source.producer = source.value("producer", "");
  for (const json& p : in["pages"]) {
    Page page;
    page.number = p.value("number", 0);
    page.width = p.value("width", 0.0);
    page.height = p.value("height", 0.0);
    page.rotation = p.value("rotation", 0);
    page.glyph_count = p.value("glyph_count", 0);
    page.undecodable_glyph_count = p.value("undecodable_glyph_count", 0);
    page.needs_ocr = p.value("needs_ocr", false);
    if (p.contains("text_origin")) page.text_origin = OriginOf(p["text_origin"]);
    document.pages.push_back(page);
  }
  for (const json& b : in["blocks"]) {
    Block block;
    if (b.value("type", "") == "table") {
      block.content = TableOf(b);
    } else {
      block.content = ParagraphOf(b);
    }
    document.blocks.push_back(std::move(block));
  }
  for (const json& f : in["furniture"]) document.furniture.push_back(ParagraphOf(f));
  for (const json& w : in["warnings"]) {
    document.warnings.push_back(
        Warning{w.value("code", ""), w.value("message", ""), ProvenanceOf(w)});
  }
  return document;
}

}  // namespace
}  // namespace disclose

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: disclose_renormalize IN.json OUT.json [OUT.facts.csv]\n";
    return 2;
  }
  try {
    std::ifstream in(argv[1]);
    const nlohmann::json parsed = nlohmann::json::parse(in);
    const disclose::Document document = disclose::DocumentOf(parsed);
    const disclose::NormalizedDocument normalized =
        disclose::Normalize(document, disclose::NormalizeOptions{});
    std::FILE* out = std::fopen(argv[2], "wb");
    if (out == nullptr) {
      std::cerr << "disclose_renormalize: cannot write " << argv[2] << "\n";
      return 1;
    }
    const disclose::Status written =
        disclose::WriteDocumentJson(out, document, normalized, disclose::JsonStyle::kCompact);
    std::fclose(out);
    if (!written.ok()) return 1;
    if (argc == 4) {
      std::ofstream csv(argv[3], std::ios::binary);
      csv << disclose::FactsToCsv(document, normalized);
      if (!csv) {
        std::cerr << "disclose_renormalize: cannot write " << argv[3] << "\n";
        return 1;
      }
    }
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "disclose_renormalize: " << argv[1] << ": " << error.what() << "\n";
    return 1;
  }
}
