// ReadXlsx: checks the container (zip damage, encrypted entries, no
// xl/workbook.xml), reads the sheet list, styles and shared strings, then
// each visible worksheet one part at a time into a page of the Document.
#include <cstring>

#include "core/text.h"
#include "extract/extract.h"
#include "extract/sheet/sheet_internal.h"
#include "extract/xlsx/xlsx_internal.h"
#include "extract/zip/zip_archive.h"

namespace disclose {
namespace {

using xlsx::XlsxError;

Status WithName(const std::string& name, const Status& status) {
  return sheet::WithFileName(xlsx::XlsxError, "XLSX read error: ", name, status);
}

using sheet::SheetWarning;

}  // namespace

Result<Document> ReadXlsx(std::string_view bytes, std::string name, const ExtractOptions& options) {
  if (bytes.empty()) return XlsxError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.size() > options.max_input_bytes) {
    return XlsxError(ErrorCode::kTooLarge,
                     name + ": " + std::to_string(bytes.size()) + " bytes exceeds the input limit");
  }
  zip::ZipArchive archive;
  Status status = zip::ZipArchive::Open(bytes, &archive);
  if (!status.ok()) return WithName(name, status);
  if (archive.AnyEncrypted()) {
    return XlsxError(ErrorCode::kEncrypted, name + ": zip entries are encrypted");
  }
  const std::string kWorkbookPart = "xl/workbook.xml";
  if (!archive.Has(kWorkbookPart)) {
    return XlsxError(ErrorCode::kUnsupportedFormat, name + ": not an XLSX (no xl/workbook.xml)");
  }
  auto fail = [&name](const Status& failed) { return WithName(name, failed); };
  zip::ZipBudget budget{options.max_zip_entry_bytes, options.max_zip_total_bytes, 0};

  Document document;
  document.source.name = name;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.format = SourceFormat::kXlsx;
  document.source.size_bytes = bytes.size();

  std::string xml;
  if (archive.Has("docProps/app.xml")) {
    status = archive.Read("docProps/app.xml", &budget, &xml);
    if (!status.ok()) return fail(status);
    const std::size_t open = xml.find("<Application>");
    const std::size_t close = xml.find("</Application>");
    if (open != std::string::npos && close != std::string::npos && close > open &&
        close - open < 256) {
      const std::size_t start = open + std::strlen("<Application>");
      document.source.producer =
          SanitizeUtf8(Trim(std::string_view(xml).substr(start, close - start)));
    }
  }

  std::vector<xlsx::SheetEntry> sheets;
  status = archive.Read(kWorkbookPart, &budget, &xml);
  if (status.ok()) status = xlsx::ParseWorkbook(xml, kWorkbookPart, &sheets);
  if (!status.ok()) return fail(status);

  xlsx::Relationships relationships;
  std::map<std::string, std::string> by_type;
  const std::string kRelsPart = "xl/_rels/workbook.xml.rels";
  if (archive.Has(kRelsPart)) {
    status = archive.Read(kRelsPart, &budget, &xml);
    if (status.ok())
      status = xlsx::ParseRelationships(xml, kRelsPart, "xl/", &relationships, &by_type);
    if (!status.ok()) return fail(status);
  }
  auto part_of = [&](const std::string& type, const std::string& fallback) {
    const auto found = by_type.find(type);
    return found != by_type.end() ? found->second : fallback;
  };

  std::vector<std::string> cell_formats;
  const std::string styles_part = part_of("styles", "xl/styles.xml");
  if (archive.Has(styles_part)) {
    status = archive.Read(styles_part, &budget, &xml);
    if (status.ok()) status = xlsx::ParseStyles(xml, styles_part, &cell_formats);
    if (!status.ok()) return fail(status);
  }
  std::vector<std::string> shared_strings;
  const std::string strings_part = part_of("sharedStrings", "xl/sharedStrings.xml");
  if (archive.Has(strings_part)) {
    status = archive.Read(strings_part, &budget, &xml);
    if (status.ok()) status = xlsx::ParseSharedStrings(xml, strings_part, &shared_strings);
    if (!status.ok()) return fail(status);
  }

  std::int64_t cells_left = sheet::kMaxCells;
  std::vector<std::string> hidden;
  int page = 0;
  for (std::size_t index = 0; index < sheets.size(); ++index) {
    const xlsx::SheetEntry& entry = sheets[index];
    const std::string sheet_name = SanitizeUtf8(entry.name);
    if (entry.state == "hidden" || entry.state == "veryHidden") {
      hidden.push_back(sheet_name);
      continue;
    }
    const auto target = relationships.find(entry.relationship_id);
    // Chart and dialog sheets hold no cells; a sheet whose part is missing is damage.
    if (target == relationships.end() || !archive.Has(target->second)) {
      document.warnings.push_back(SheetWarning(
          "xlsx_missing_part", "sheet '" + sheet_name + "': its worksheet part is missing", 0));
      continue;
    }
    if (target->second.find("worksheets/") == std::string::npos) continue;
    ++page;
    sheet::Sheet grid;
    grid.name = entry.name;
    xlsx::WorksheetReport report;
    status = archive.Read(target->second, &budget, &xml);
    if (status.ok()) {
      status = xlsx::ParseWorksheet(xml, target->second, shared_strings, cell_formats, &cells_left,
                                    &grid, &report);
    }
    if (!status.ok()) return fail(status);
    const std::string where = "sheet '" + sheet_name + "'";
    if (report.rounded_values > 0) {
      document.warnings.push_back(SheetWarning(
          "sheet_value_rounded",
          where + ": " + std::to_string(report.rounded_values) +
              " stored numbers are more precise than their format prints; read as printed, "
              "first " +
              report.first_rounded,
          page));
    }
    if (report.formulas_without_value > 0) {
      document.warnings.push_back(
          SheetWarning("sheet_formula_without_value",
                       where + ": " + std::to_string(report.formulas_without_value) +
                           " formulas have no cached value (read as empty), first " +
                           report.first_formula_without_value,
                       page));
    }
    if (report.bad_references > 0) {
      document.warnings.push_back(
          SheetWarning("sheet_bad_cell",
                       where + ": " + std::to_string(report.bad_references) +
                           " cells with a malformed reference or string index were skipped",
                       page));
    }
    sheet::AppendSheet(grid, page, &document);
    xml.clear();
    xml.shrink_to_fit();
  }
  if (!hidden.empty()) {
    std::string names;
    for (const std::string& sheet_name : hidden)
      names += (names.empty() ? "'" : ", '") + sheet_name + "'";
    document.warnings.push_back(
        SheetWarning("sheet_hidden_sheets",
                     std::to_string(hidden.size()) + " hidden sheets skipped: " + names, 0));
  }
  return document;
}

}  // namespace disclose
