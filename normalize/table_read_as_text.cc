// A standard table's title on a scan followed by lines of text and no grid: the scan read the
// whole table as text. When no table of that kind was read with figures (from a grid, or from
// these lines by ReadUngriddedThreePublic or ReadUngriddedSummary), every amount the lines print
// is quoted in a table.read_as_text warning, so that none is lost in silence.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// Whether `line`, under a table's title, ends the lines read as that table's: text not OCR'd (a
// text layer's paragraphs are its own), the note (注), a part heading (第…部分), or another
// table's title or a section heading.
bool EndsLinesUnderATitle(const Paragraph& line, DocKind doc_kind) {
  if (line.provenance.origin != TextOrigin::kOcr) return true;
  const std::string folded = FoldForMatching(line.text);
  if (StartsWith(folded, "注") || (StartsWith(folded, "第") && Has(folded, "部分"))) return true;
  for (const std::string& text : SplitLines(line.text)) {
    if ((IsTableTitleLine(text) && ClassifyTableTitle(text, doc_kind) != "other") ||
        IsSectionHeadingLine(text)) {
      return true;
    }
  }
  return false;
}

void ReportTablesReadAsText(const Document& document, DocKind doc_kind,
                            const std::vector<CanonicalTable>& tables,
                            std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 60;   // a standard table prints a few dozen rows at most
  constexpr std::size_t kMaxQuoted = 80;  // amounts quoted in one message
  constexpr std::size_t kMaxReferences = 200;
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    // The paragraph's last line that titles a standard table.
    std::string title_line;
    std::string kind;
    for (const std::string& line : SplitLines(title->text)) {
      if (!IsTableTitleLine(line)) continue;
      const std::string line_kind = ClassifyTableTitle(line, doc_kind);
      if (!StartsWith(line_kind, "budget.") && !StartsWith(line_kind, "final.")) continue;
      title_line = CollapseWhitespace(line);
      kind = line_kind;
    }
    if (kind.empty()) continue;
    // A table of that kind read with figures (from a grid elsewhere, or from these lines by
    // ReadUngriddedThreePublic) is the table: nothing is lost here.
    const bool read = std::any_of(tables.begin(), tables.end(), [&](const CanonicalTable& table) {
      if (table.kind != kind) return false;
      return std::any_of(table.rows.begin(), table.rows.end(),
                         [](const CanonicalRow& row) { return !row.values.empty(); });
    });
    if (read) continue;
    std::optional<UnitDeclaration> unit = UnitInLines(title->text);
    std::vector<std::pair<std::string, const Paragraph*>> amounts;
    std::size_t lines = 0;
    bool grid = false;
    for (std::size_t b = t + 1; b < document.blocks.size() && lines < kMaxLines; ++b) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      if (line == nullptr) {
        grid = true;  // the title's grid: the table stages read it
        break;
      }
      if (EndsLinesUnderATitle(*line, doc_kind)) break;
      const std::string folded = FoldForMatching(line->text);
      ++lines;
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      // A row whose amounts wrapped in narrow cells (本年收入合计 875,287. … over 63 63 3,
      // s3w_0079): the amounts are quoted whole, the line of rests taken with them.
      std::string row = folded;
      if (b + 1 < document.blocks.size()) {
        const Paragraph* next = document.blocks[b + 1].AsParagraph();
        std::string joined;
        if (next != nullptr && next->provenance.origin == TextOrigin::kOcr &&
            JoinWrappedRests(line->text, next->text, joined, /*point_read_as_comma=*/true)) {
          row = joined;
          ++b;
          ++lines;
        }
      }
      for (const auto& [start, end] : DigitRuns(row)) {
        std::string run = row.substr(start, end - start);
        while (!run.empty() && (run.back() == ',' || run.back() == '.')) run.pop_back();
        // Money prints a separator or a point; a bare integer is a 行次, a code or a year.
        if (run.find_first_of(",.") == std::string::npos) continue;
        amounts.emplace_back(run, line);
      }
    }
    if (grid || amounts.empty()) continue;
    Finding finding;
    finding.check = "table.read_as_text";
    finding.severity = Severity::kWarning;
    finding.provenance = title->provenance;
    finding.printed_text = title_line;
    std::string quoted;
    for (std::size_t i = 0; i < amounts.size(); ++i) {
      if (i < kMaxQuoted) quoted += " " + amounts[i].first;
      if (!unit || unit->unit == UnitOfAmount::kUnknown ||
          finding.figures.size() >= kMaxReferences) {
        continue;
      }
      const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amounts[i].first), unit->unit);
      if (fen)
        finding.figures.push_back(FigureRef{kind, "", "", *fen, amounts[i].second->provenance});
    }
    const int page = title->provenance.page;
    finding.message = "table '" + title_line + "' (" + kind + ")" +
                      (page > 0 ? " on page " + std::to_string(page) : std::string()) +
                      " was read as " + std::to_string(lines) +
                      " lines of text, with no grid: none of its amounts is read as a figure;" +
                      " the lines print" + quoted;
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
