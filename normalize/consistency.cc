#include "normalize/consistency.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/metadata.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// Headings are short; a sentence that happens to hold "2023年度部门决算" is
// a comparison, not a title.
constexpr std::size_t kMaxTitleCodePoints = 48;
// Two names sharing this much of their start (上海市普陀区…) name sibling
// units of one government: printing the other one is a contradiction.
constexpr std::size_t kSharedRegionCodePoints = 4;

std::size_t CommonPrefixCodePoints(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// 省检察院 abbreviates 江苏省人民检察院 and 中共江苏省委办公厅 abbreviates
// 中国共产党江苏省委员会办公厅: the short form's characters appear in order.
bool IsAbbreviationOf(const std::vector<char32_t>& shorter, const std::vector<char32_t>& longer) {
  std::size_t at = 0;
  for (char32_t c : longer) {
    if (at < shorter.size() && shorter[at] == c) ++at;
  }
  return at == shorter.size();
}

bool IsPlaceholder(std::string_view name) {
  return Contains(name, "XX") || Contains(name, "xx") || Contains(name, "××") ||
         Contains(name, "**");
}

Finding MakeFinding(std::string check, Severity severity, std::string message, std::string printed,
                    const Provenance& provenance) {
  Finding finding;
  finding.check = std::move(check);
  finding.severity = severity;
  finding.message = std::move(message);
  finding.printed_text = std::move(printed);
  finding.provenance = provenance;
  return finding;
}

// How much a place counts; as normalize/metadata.cc weighs them.
int PlaceWeight(const std::string& source) {
  if (source == "title_page") return 4;
  if (source == "heading") return 3;
  if (source == "unit_line" || source == "title_page_name") return 2;
  return 1;
}

// Places at least as weighty as the one the value was taken from that state
// another value: the cover says one department, another cover line another.
// A value OCR read is checked against every place but a table's header (whose
// years are the comparison columns, 2025年预算 in a 2026 budget): the weightier
// place may be the one misread (a cover's large 2026 read 2025, a table title's
// 2026 right).
// `document_lines`: the document's paragraph lines, without whitespace; a source's evidence
// that is none of them joins lines (a cover's name over its year and kind).
void CheckSources(const Attribute& attribute, bool departments, const std::string& check,
                  const std::string& what, const std::set<std::string>& document_lines,
                  std::vector<Finding>& findings) {
  if (attribute.value.empty()) return;
  int chosen_weight = 0;
  for (const AttributeSource& source : attribute.sources) {
    if (source.value == attribute.value) {
      chosen_weight = std::max(chosen_weight, PlaceWeight(source.source));
    }
  }
  const bool ocr = attribute.provenance.origin == TextOrigin::kOcr;
  bool lighter = false;  // a place lighter than the chosen one disagrees (OCR only)
  const std::vector<char32_t> chosen = DecodeUtf8(RemoveAllWhitespace(attribute.value));
  std::string others;
  const AttributeSource* first = nullptr;
  for (const AttributeSource& source : attribute.sources) {
    const bool light = PlaceWeight(source.source) < chosen_weight;
    if (light && (!ocr || source.source == "table_header")) continue;
    const std::vector<char32_t> other = DecodeUtf8(RemoveAllWhitespace(source.value));
    const bool same = departments
                          ? (other.size() <= chosen.size() ? IsAbbreviationOf(other, chosen)
                                                           : IsAbbreviationOf(chosen, other))
                          : source.value == attribute.value;
    // A single line naming a department is the title check's (metadata.department
    // and metadata.fiscal_year below); a form's cell or a wrapped cover is not, nor a
    // cover's name read over its own line (北系市政务服务和数据管理局 / 2026年度部门预算…,
    // which the line-by-line title check never sees whole).
    const bool title_line = source.source != "table_header" &&
                            DecodeUtf8(source.evidence).size() <= kMaxTitleCodePoints &&
                            document_lines.count(RemoveAllWhitespace(source.evidence)) > 0 &&
                            !DepartmentFromLine(source.evidence).empty();
    if (same || title_line) continue;
    if (first == nullptr) first = &source;
    lighter = lighter || light;
    others += (others.empty() ? "" : "; ") + source.source + " \"" + source.evidence + "\"";
  }
  if (first == nullptr) return;
  findings.push_back(MakeFinding(
      check, Severity::kWarning,
      "the " + what + " is read as " + attribute.value + " (" + attribute.evidence + ") but " +
          (lighter ? "another place, which OCR read as well, says " : "as weighty a place says ") +
          "otherwise: " + others,
      first->evidence, first->provenance));
}

}  // namespace

void CheckMetadataConsistency(const Document& document, const DocumentMetadata& metadata,
                              std::vector<Finding>& findings) {
  static const RE2 kTitleYear(R"(((?:19|20)\d{2})\s*年\s*度?\s*(?:部门|单位)?\s*(?:决算|预算))");
  static const RE2 kYearEnd(R"(截至\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日)");
  const std::string& department = metadata.department.value;
  const std::string& year = metadata.fiscal_year.value;
  const std::vector<char32_t> department_cps = DecodeUtf8(RemoveAllWhitespace(department));
  std::set<std::string> reported;  // one finding per distinct printed value
  std::set<std::string> document_lines;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      for (const std::string& line : SplitLines(paragraph->text)) {
        document_lines.insert(RemoveAllWhitespace(line));
      }
    }
  }
  CheckSources(metadata.department, true, "metadata.department_sources", "department",
               document_lines, findings);
  CheckSources(metadata.fiscal_year, false, "metadata.fiscal_year_sources", "fiscal year",
               document_lines, findings);

  for (const Block& block : document.blocks) {
    const Paragraph* paragraph = block.AsParagraph();
    if (paragraph == nullptr) continue;
    for (const std::string& line : SplitLines(paragraph->text)) {
      // Titles are short and reporting dates say 截至: most body lines are
      // neither and cost nothing more.
      const bool title =
          line.size() <= kMaxTitleCodePoints * 3 && DecodeUtf8(line).size() <= kMaxTitleCodePoints;
      const bool year_end = metadata.kind == DocKind::kFinalAccounts && Contains(line, "截至");
      if (!title && !year_end) continue;
      const std::string folded = FoldForMatching(line);
      const std::string name = title ? DepartmentFromLine(line) : std::string();

      if (!name.empty() && !department.empty()) {
        const std::vector<char32_t> name_cps = DecodeUtf8(RemoveAllWhitespace(name));
        const std::string compact = EncodeUtf8(name_cps);
        const bool same = name_cps.size() <= department_cps.size()
                              ? IsAbbreviationOf(name_cps, department_cps)
                              : IsAbbreviationOf(department_cps, name_cps);
        if (!same && reported.insert("department:" + compact).second) {
          // A placeholder or a sibling unit of the same government is an
          // editing error; an unrelated name may be a subordinate unit's title.
          const bool sibling =
              CommonPrefixCodePoints(name_cps, department_cps) >= kSharedRegionCodePoints;
          const bool error = IsPlaceholder(compact) || sibling;
          findings.push_back(MakeFinding(
              "metadata.department", error ? Severity::kError : Severity::kWarning,
              "the document is published by " + department + " (" + metadata.department.evidence +
                  ") but a title names " + name + ": \"" + CollapseWhitespace(line) + "\"",
              CollapseWhitespace(line), paragraph->provenance));
        }
      }

      if (year.empty()) continue;
      std::string printed_year;
      if (!name.empty() && RE2::PartialMatch(folded, kTitleYear, &printed_year) &&
          printed_year != year && reported.insert("title-year:" + line).second) {
        findings.push_back(MakeFinding("metadata.fiscal_year", Severity::kError,
                                       "the document's figures are for " + year + " (" +
                                           metadata.fiscal_year.evidence + ") but a title says " +
                                           printed_year + ": \"" + CollapseWhitespace(line) + "\"",
                                       CollapseWhitespace(line), paragraph->provenance));
      }
      // Final accounts report assets at the end of their own year.
      if (metadata.kind != DocKind::kFinalAccounts) continue;
      re2::StringPiece input(folded);
      while (RE2::FindAndConsume(&input, kYearEnd, &printed_year)) {
        if (printed_year == year || !reported.insert("year-end:" + line).second) continue;
        findings.push_back(MakeFinding("metadata.fiscal_year", Severity::kError,
                                       "a " + year +
                                           " final account reports a position at the end of " +
                                           printed_year + ": \"" + CollapseWhitespace(line) + "\"",
                                       CollapseWhitespace(line), paragraph->provenance));
      }
    }
  }
}

}  // namespace disclose
