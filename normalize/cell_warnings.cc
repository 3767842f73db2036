#include "normalize/cell_warnings.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_stages.h"

namespace disclose {

bool IsCellWarning(const std::string& code) {
  return code == "pdf_ambiguous_cell" || code == "pdf_straddling_amount" ||
         code == "pdf_joined_amount" || code == "pdf_cut_amount" || code == "ocr_readings_differ";
}

void ReportCellWarnings(const Document& document, const std::vector<CanonicalTable>& tables,
                        std::vector<Finding>& findings) {
  for (const Warning& warning : document.warnings) {
    if (!IsCellWarning(warning.code) || !warning.provenance.box) continue;
    const Box& at = *warning.provenance.box;
    Finding finding;
    // Two OCR readings of one amount: a doubt of the reading, not of the cell's place.
    finding.check =
        warning.code == "ocr_readings_differ" ? "ocr.readings_differ" : "cell.ambiguous";
    finding.severity = Severity::kWarning;
    finding.provenance = warning.provenance;
    // The quoted text: the message's first "…" (the readers quote it first).
    const std::size_t open = warning.message.find('"');
    const std::size_t close =
        open == std::string::npos ? std::string::npos : warning.message.find('"', open + 1);
    if (close != std::string::npos) {
      finding.printed_text = warning.message.substr(open + 1, close - open - 1);
    }
    std::string cells;
    for (const CanonicalTable& table : tables) {
      for (const CanonicalRow& row : table.rows) {
        for (const Figure& figure : row.values) {
          const Provenance& cell = figure.provenance;
          if (cell.page != warning.provenance.page || !cell.box || !cell.box->Overlaps(at)) {
            continue;
          }
          finding.figures.push_back(FigureRef{figure.table_kind, figure.row_code, figure.column,
                                              figure.amount_fen, cell});
          if (!cells.empty()) cells += ", ";
          cells += figure.table_kind + " row " + figure.row_code + " column " + figure.column +
                   " (read " + figure.printed_text + ")";
        }
      }
    }
    finding.message = "page " + std::to_string(warning.provenance.page) + ": " + warning.message +
                      (cells.empty() ? std::string("; no figure was read from it")
                                     : "; the cell's figure: " + cells);
    findings.push_back(std::move(finding));
  }
}

ShortOcrFigures FindShortOcrFigures(const CanonicalTable& table, ShortFigureBar bar) {
  // Enough figures printed with two decimals that two is the table's precision.
  constexpr int kLeastTwoDecimalFigures = 4;
  ShortOcrFigures out;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const CanonicalRow& row = table.rows[r];
    for (std::size_t v = 0; v < row.values.size(); ++v) {
      const Figure& figure = row.values[v];
      if (figure.provenance.origin != TextOrigin::kOcr) continue;
      const AmountText amount = ParseAmountText(figure.printed_text);
      if (amount.kind != AmountKind::kNumber || amount.percent) continue;
      if (amount.decimals == 2) ++out.two_decimals;
      if (amount.decimals == 1 && !figure.corrected) out.at.emplace_back(r, v);
    }
  }
  const int per_short = bar == ShortFigureBar::kRepair ? 2 : 1;
  if (out.two_decimals < kLeastTwoDecimalFigures ||
      out.two_decimals < per_short * static_cast<int>(out.at.size())) {
    out.at.clear();
  }
  return out;
}

void ReportShortOcrAmounts(const std::vector<CanonicalTable>& tables,
                           std::vector<Finding>& findings) {
  for (const CanonicalTable& table : tables) {
    const ShortOcrFigures found = FindShortOcrFigures(table, ShortFigureBar::kReport);
    std::vector<const Figure*> short_figures;
    for (const auto& [r, v] : found.at) {
      short_figures.push_back(&table.rows[r].values[v]);
    }
    if (short_figures.empty()) continue;
    Finding finding;
    finding.check = "ocr.short_amount";
    finding.severity = Severity::kWarning;
    finding.provenance = short_figures.front()->provenance;
    std::string quoted;
    for (const Figure* figure : short_figures) {
      finding.figures.push_back(ReferenceTo(*figure));
      quoted += (quoted.empty() ? "" : ", ") + ("\"" + figure->printed_text + "\"");
    }
    finding.message = "table '" + table.printed_title + "' (" + table.kind + ") prints " +
                      std::to_string(found.two_decimals) +
                      " OCR'd figures with two decimals, and these with one: " + quoted +
                      "; a scan cuts a wrapped or clipped last digit, so each may be off by up "
                      "to 0.09 of the table's unit";
    findings.push_back(std::move(finding));
  }
}

namespace {

// Whether a cell prints a label, an amount, then another label
// (`一、一般公共预算拨款收入14,579,683，科学技术支出`): the cells of an income line and an
// expenditure line read as one. The amount is digits grouped by a separator (a code joined to
// its name, 30101基本工资, or a year is none); an amount before or after a single label is the
// common joined cell the summary reader splits (7,869.85卫生健康支出).
bool AmountBetweenLabels(std::string_view text) {
  constexpr std::size_t kLeastDigits = 4;
  auto has_ideograph = [](std::string_view part) {
    for (char32_t c : DecodeUtf8(part)) {
      if (IsCjkIdeograph(c)) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    std::size_t end = i;
    std::size_t digits = 0;
    bool separator = false;
    while (end < text.size() &&
           ((text[end] >= '0' && text[end] <= '9') || text[end] == ',' || text[end] == '.')) {
      if (text[end] >= '0' && text[end] <= '9') {
        ++digits;
      } else {
        separator = true;
      }
      ++end;
    }
    if (separator && digits >= kLeastDigits && has_ideograph(text.substr(0, i)) &&
        has_ideograph(text.substr(end))) {
      return true;
    }
    i = end;
  }
  return false;
}

}  // namespace

void ReportOcrSummaryLabelsWithAmounts(const Document& document,
                                       const std::vector<CanonicalTable>& tables,
                                       std::vector<Finding>& findings) {
  for (const CanonicalTable& table : tables) {
    if (!IsSummaryKind(table.kind)) continue;
    std::string printed;
    for (int block : table.source_blocks) {
      if (block < 0 || static_cast<std::size_t>(block) >= document.blocks.size()) continue;
      const Table* grid = document.blocks[static_cast<std::size_t>(block)].AsTable();
      if (grid == nullptr) continue;
      for (const TableCell& cell : grid->cells) {
        if (cell.provenance.origin == TextOrigin::kOcr && AmountBetweenLabels(cell.text)) {
          printed = cell.text;
          break;
        }
      }
      if (!printed.empty()) break;
    }
    if (printed.empty()) continue;
    Finding finding;
    finding.check = "ocr.merged_cells";
    finding.severity = Severity::kWarning;
    finding.printed_text = printed;
    std::string quoted;
    for (const CanonicalRow& row : table.rows) {
      for (const Figure& figure : row.values) {
        if (finding.figures.empty()) finding.provenance = figure.provenance;
        finding.figures.push_back(ReferenceTo(figure));
        quoted += " " + figure.row_code + "/" + figure.column + "=" + figure.printed_text;
      }
    }
    if (finding.figures.empty()) continue;
    finding.message = "table '" + table.printed_title + "' (" + table.kind + "): the cell '" +
                      CollapseWhitespace(printed) +
                      "' prints an amount between two labels, so the scan read the cells of "
                      "two columns as one, and which side or column each amount of the table "
                      "belongs to its grid no longer says:" +
                      quoted;
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
