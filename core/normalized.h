// The canonical result of normalization: metadata, canonical tables, figures
// in exact fen, and validation findings. Produced by normalize/, read by
// export/. Keys and kinds follow ../shared/spec/output-contract.md; the
// extensions we add are documented in docs/schema.md.
//
//   NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
//   for (const Figure& figure : normalized.AllFigures())
//     std::cout << figure.table_kind << " " << figure.row_code << " "
//               << FormatYuan(figure.amount_fen) << "\n";
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace disclose {

enum class DocKind { kUnknown, kBudget, kFinalAccounts };
std::string_view DocKindName(DocKind kind);  // "budget", "final_accounts", "unknown"

// The unit a table or sentence printed its amounts in.
enum class UnitOfAmount { kUnknown, kYuan, kWanYuan };
std::string_view UnitOfAmountName(UnitOfAmount unit);  // "yuan", "wan_yuan", "unknown"

// Where a table's unit came from; anything but kDeclared comes with a finding.
enum class UnitSource { kDeclared, kDocumentDefault, kInferred, kUnknown };
std::string_view UnitSourceName(UnitSource source);

// What the document is, as a whole: a department's (or unit's) own budget or
// final accounts, a government's fiscal report or book (a city's 预算执行情况和
// 预算草案的报告, a 市级决算 book), or no fiscal disclosure at all (a notice, a
// performance evaluation, a checklist). kUnknown only when there is no text.
enum class DocumentClass { kUnknown, kDepartmentDisclosure, kGovernmentReport, kOther };
// "department_disclosure", "government_report", "other", "unknown"
std::string_view DocumentClassName(DocumentClass document_class);

// One place in the document that states a metadata value.
struct AttributeSource {
  std::string source;  // "title_page", "unit_line", "heading", "table_header", "table_title"
  std::string value;   // what that place says (a department name, a year)
  std::string evidence;
  Provenance provenance;
};

// A metadata value with the text it was read from.
struct Attribute {
  std::string value;     // empty when not found
  std::string evidence;  // the printed text it came from
  Provenance provenance;
  std::string missing_reason;  // set when value is empty: why it was not found
  // Every place that states a value (department and fiscal year only), in
  // document order, at most one per distinct (source, value) pair.
  std::vector<AttributeSource> sources;
};

struct DocumentMetadata {
  Attribute department;
  Attribute fiscal_year;     // "2022"
  Attribute doc_kind;        // "budget" / "final_accounts"
  Attribute document_class;  // DocumentClassName(doc_class)
  DocKind kind = DocKind::kUnknown;
  DocumentClass doc_class = DocumentClass::kUnknown;
};

// One figure: one row of facts.csv.
struct Figure {
  std::string table_kind;  // canonical kind or "narrative"
  std::string row_code;    // digits or canonical row key
  std::string row_name;    // as printed, line breaks removed
  std::string column;      // canonical column key ("amount" for narrative)
  std::int64_t amount_fen = 0;
  std::string printed_text;  // the amount as printed ("4,964,173.05", "263.33万元")
  UnitOfAmount printed_unit = UnitOfAmount::kUnknown;
  int table_index = -1;    // into NormalizedDocument::tables; -1 for narrative
  std::string sentence;    // narrative only: the sentence it was read from
  bool corrected = false;  // amount differs from the printed unit's reading (see findings)
  Provenance provenance;
};

struct CanonicalRow {
  std::string row_code;  // digits, canonical key, or empty when unknown
  std::string row_name;
  int level = 0;               // 1 = 类 / 3-digit, 2 = 款, 3 = 项; 0 for keyed rows
  int source_block = -1;       // block of the (stitched) table the row came from
  int source_row = -1;         // row in that block's grid
  std::vector<Figure> values;  // one per amount column with a figure
};

// One piece of evidence for a table's kind (docs/schema.md "identification").
struct KindEvidence {
  std::string source;  // "title", "number", "header" or "body"
  std::string text;    // what was read: the title, header words, codes seen
  std::string kind;    // the kind it points to ("" when it names none)
};

struct CanonicalTable {
  std::string kind;                    // canonical table kind, "performance.*" or "other"
  std::vector<KindEvidence> evidence;  // how the kind was found, strongest first
  bool printed_empty = false;          // printed with a 本表无数据 / 空表 note
  std::string printed_title;
  std::string printed_unit;  // the declaration as printed ("金额单位：元")
  UnitOfAmount unit = UnitOfAmount::kUnknown;
  UnitSource unit_source = UnitSource::kUnknown;
  std::vector<int> pages;
  std::vector<int> source_blocks;        // document blocks stitched into this table
  std::vector<std::string> column_keys;  // per grid column; empty for label columns
  std::vector<CanonicalRow> rows;
};

enum class Severity { kError, kWarning, kInfo };
std::string_view SeverityName(Severity severity);

// A figure a finding talks about, by its key.
struct FigureRef {
  std::string table_kind;
  std::string row_code;
  std::string column;
  std::int64_t amount_fen = 0;
  Provenance provenance;
};

// The reference a finding keeps to `figure`: its key, amount and place.
inline FigureRef ReferenceTo(const Figure& figure) {
  return FigureRef{figure.table_kind, figure.row_code, figure.column, figure.amount_fen,
                   figure.provenance};
}

struct Finding {
  std::string check;  // dotted id, e.g. "sum.children", "narrative.vs_table"
  Severity severity = Severity::kWarning;
  std::string message;  // one line a person can act on
  std::vector<FigureRef> figures;
  std::optional<std::int64_t> expected_fen;
  std::optional<std::int64_t> actual_fen;
  std::int64_t tolerance_fen = 0;
  std::string printed_text;  // quoted document text, when the finding is about it
  Provenance provenance;
};

// How many accounting identities of one check id were evaluated, and how many
// held: the findings name only the failures, so a rate needs the denominator.
struct CheckTally {
  int checked = 0;
  int held = 0;
};

struct NormalizedDocument {
  DocumentMetadata metadata;
  std::vector<CanonicalTable> tables;
  std::vector<Figure> narrative;
  std::vector<Finding> findings;
  // Identities ValidateTables evaluated, by check id ("sum.children", ...);
  // ordered by id so the output is deterministic.
  std::map<std::string, CheckTally> validation;

  // Every figure in output order: table rows first (table, row, column order),
  // then narrative figures.
  std::vector<Figure> AllFigures() const;
};

}  // namespace disclose
