// The table pipeline: locate -> identify -> stitch -> header -> rows, one
// file per stage (table_stages.h lists them and the types between them).
#include "normalize/tables.h"

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/table_figure.h"
#include "normalize/table_kind.h"
#include "normalize/table_numbering.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The document with each OCR'd grid cell that prints a digit as its lookalike (了04.71) read
// as the digits, each said by an ocr.digit_lookalike finding, and each whose point and comma
// were read the other way round (1.521,10) read with them swapped, said by an
// ocr.separators_swapped finding; nullopt when there is none. Done before any stage looks at
// the grids: a cell that is not a number makes a one-row part a header row and its figures
// vanish, not only its own cell unparsed.
std::optional<Document> WithDigitLookalikesRead(const Document& printed,
                                                std::vector<Finding>& findings) {
  std::optional<Document> corrected;
  for (std::size_t b = 0; b < printed.blocks.size(); ++b) {
    const Table* grid = printed.blocks[b].AsTable();
    if (grid == nullptr) continue;
    for (std::size_t i = 0; i < grid->cells.size(); ++i) {
      const TableCell& cell = grid->cells[i];
      if (cell.provenance.origin != TextOrigin::kOcr) continue;
      std::optional<std::string> read = WithOcrDigitLookalikesRead(cell.text);
      const bool swapped = !read && (read = WithOcrSwappedSeparatorsRead(cell.text));
      if (!read) continue;
      if (!corrected) corrected = printed;
      Provenance provenance = cell.provenance;
      if (provenance.block < 0) provenance.block = static_cast<int>(b);
      AddTableFinding(findings, swapped ? "ocr.separators_swapped" : "ocr.digit_lookalike",
                      Severity::kWarning,
                      "cell '" + CollapseWhitespace(cell.text) + "'" +
                          (provenance.page > 0 ? " on page " + std::to_string(provenance.page)
                                               : std::string()) +
                          (swapped ? " prints its point and comma the other way round (OCR "
                                     "reads one for the other); read as "
                                   : " prints characters OCR reads for digits; read as ") +
                          *read,
                      provenance, cell.text);
      corrected->blocks[b].AsTable()->cells[i].text = *read;
    }
  }
  return corrected;
}

}  // namespace

std::vector<CanonicalTable> BuildTables(const Document& printed, const DocumentMetadata& metadata,
                                        std::vector<Finding>& findings) {
  const std::optional<Document> corrected = WithDigitLookalikesRead(printed, findings);
  const Document& document = corrected ? *corrected : printed;
  std::vector<LocatedTable> located = LocateTables(document, LocateOptions{}, findings);

  // A numbering (the document's own list, or the default one) is trusted only
  // when the numbered tables whose titles name a kind mostly agree with it: a
  // publisher that numbers its own set (决算01表 its 收入决算表, no 收支总表
  // printed) would have the default numbering name an untitled table
  // wrongly, and no finding could tell.
  auto mostly_disagrees = [&](const TableNumbering& numbering) {
    int checked = 0;
    int agree = 0;
    for (const LocatedTable& table : located) {
      if (!table.number || table.title.empty()) continue;
      const std::string kind = ClassifyTableTitle(table.title, metadata.kind);
      const auto listed = numbering.titles.find(*table.number);
      if (kind == "other" || listed == numbering.titles.end()) continue;
      ++checked;
      agree += ClassifyTableTitle(listed->second, metadata.kind) == kind;
    }
    return agree * 2 < checked;
  };
  TableNumbering numbering = ReadTableNumbering(document);
  if (numbering.printed && mostly_disagrees(numbering)) numbering = TableNumbering{};
  if (!numbering.printed) {
    numbering = DefaultTableNumbering(metadata.kind);
    if (mostly_disagrees(numbering)) numbering = TableNumbering{};
  }
  const IdentifyOptions identify_options{metadata.kind, metadata.doc_class, &numbering};
  std::vector<IdentifiedTable> identified;
  identified.reserve(located.size());
  for (LocatedTable& table : located) {
    identified.push_back(IdentifyTable(std::move(table), identify_options, findings));
  }

  std::deque<Table> owned;  // grids the stitch stage rewrote; parts point into it
  std::vector<StitchedTable> stitched =
      StitchTables(std::move(identified), StitchOptions{}, owned, findings);
  IdentifyByContinuedBody(stitched, identify_options, findings);
  IdentifyByListOrder(stitched, numbering, metadata.kind);
  SplitOcrSummaryJoinedColumns(stitched, owned);

  RowsOptions rows_options;
  rows_options.doc_kind = metadata.kind;
  rows_options.default_unit = DocumentDefaultUnit(stitched);
  std::vector<CanonicalTable> out;
  out.reserve(stitched.size());
  for (StitchedTable& table : stitched) {
    HeaderOptions header_options;
    header_options.tables_before = &out;
    const TableColumns columns = KeyColumns(table, header_options);
    ReadOcrSummaryShiftedIncomeAmounts(table, columns.keys, owned, findings);
    const int index = static_cast<int>(out.size());
    const bool performance = StartsWith(table.canonical.kind, "performance.");
    out.push_back(
        performance ? ReadPerformanceRows(std::move(table), columns, rows_options, index, findings)
                    : ReadRows(std::move(table), columns, rows_options, index, findings));
  }
  // Only a list the document prints names an untitled table printed as lines (公开04表).
  const TableNumbering* printed_list = numbering.printed ? &numbering : nullptr;
  ReadUngriddedThreePublic(document, metadata.kind, printed_list, out, findings);
  ReadUngriddedSummary(document, metadata.kind, printed_list, out, findings);
  ReadUngriddedEmptyTables(document, metadata.kind, printed_list, out);
  KeyUncodedRowsByOrphanSums(out, findings);
  RekeyMisreadCodesByParentSums(out, findings);
  ReportRowsReadAsText(document, out, findings);
  ReportTablesReadAsText(document, metadata.kind, out, findings);
  KeyUncodedTotalsBySums(out, findings);
  ReportDuplicateKinds(out, findings);
  ReportKindsTheListDoesNotName(ReadListedTitles(document), metadata.kind, out, findings);
  return out;
}

}  // namespace disclose
