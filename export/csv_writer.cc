// NAME.facts.csv: one row per figure, in NormalizedDocument::AllFigures() order. RFC 4180:
// CRLF line ends, fields quoted only when they hold a comma, quote, CR or LF, quotes doubled;
// text that a spreadsheet would run as a formula gets a leading ' (core/csv.h).
// The contract's ten columns come first in its order; our extensions follow (docs/schema.md).
#include <cmath>
#include <cstdio>

#include "core/csv.h"
#include "core/money.h"
#include "export/export.h"

namespace disclose {
namespace {

constexpr char kHeader[] =
    "source,department,fiscal_year,doc_kind,table_kind,row_code,row_name,column,amount_yuan,page,"
    "printed_text,printed_unit,table_index,corrected,block,cell_row,cell_column,line,box";

// The contract wants row names "cleaned of line breaks"; a wrapped CJK label joins without a
// space, so breaks are dropped rather than turned into spaces.
std::string WithoutLineBreaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\n' && c != '\r') out += c;
  }
  return out;
}

std::string FormatPoint(double value) {
  if (!std::isfinite(value)) value = 0.0;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::round(value * 100.0) / 100.0);
  std::string text = buffer;
  if (text == "-0.00") text = "0.00";
  return text;
}

std::string IndexOrEmpty(int value, int absent) {
  return value == absent ? std::string() : std::to_string(value);
}

}  // namespace

std::string FactsToCsv(const Document& document, const NormalizedDocument& normalized) {
  std::string out = kHeader;
  out += "\r\n";
  const DocumentMetadata& metadata = normalized.metadata;
  for (const Figure& figure : normalized.AllFigures()) {
    const Provenance& provenance = figure.provenance;
    std::string box;
    if (provenance.box) {
      box = FormatPoint(provenance.box->x0) + " " + FormatPoint(provenance.box->y0) + " " +
            FormatPoint(provenance.box->x1) + " " + FormatPoint(provenance.box->y1);
    }
    const std::string fields[] = {
        document.source.name,
        metadata.department.value,
        metadata.fiscal_year.value,
        metadata.doc_kind.value,
        figure.table_kind,
        figure.row_code,
        WithoutLineBreaks(figure.row_name),
        figure.column,
        FormatYuan(figure.amount_fen),
        std::to_string(provenance.page),
        figure.printed_text,
        std::string(UnitOfAmountName(figure.printed_unit)),
        IndexOrEmpty(figure.table_index, -1),
        figure.corrected ? "true" : "false",
        IndexOrEmpty(provenance.block, -1),
        IndexOrEmpty(provenance.row, -1),
        IndexOrEmpty(provenance.column, -1),
        IndexOrEmpty(provenance.line, 0),
        box,
    };
    bool first = true;
    for (const std::string& field : fields) {
      if (!first) out += ',';
      first = false;
      AppendCsvField(out, field);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace disclose
