#include "normalize/document_class.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/document_lines.h"

namespace disclose {
namespace {

// Longer lines are sentences: "深化部门预算改革" in a government's report or
// "全市一般公共预算" in a department's narrative say nothing about the document.
constexpr std::size_t kMaxTitleCodePoints = 60;
// A statement on the cover outweighs one in the body.
constexpr int kTitlePagePoints = 5;
constexpr int kBodyPoints = 1;
// No one kind of statement may carry a class alone in a long document.
constexpr int kMaxPointsPerSignal = 6;
// The lines at the top of the title page that hold the document's title.
constexpr std::size_t kTitleLines = 5;
// Points a class needs before the document is given it.
constexpr int kThreshold = 5;

struct Signal {
  const char* name;
  const char* pattern;  // RE2 on the folded line with whitespace removed
};

// A department's (or unit's) own budget or final accounts.
const Signal kDepartmentSignals[] = {
    {"title", R"((部门|单位)(预算|决算))"},
    {"unit_line",
     R"(^(编制单位|编制部门|预算单位|预算主管部门|主管部门|填报单位|单位名称|部门名称)[:：])"},
    {"overview",
     R"(^(第.部分)?(部门|单位)(概况|基本情况|主要职责|职责)|^[一二三四五]、(部门|单位)(主要职责|基本情况|职责|概况)|^[一二]、主要职能|机构设置(及|和|情况))"},
    {"department_table",
     R"(收支(预算|决算)?总(体情况)?表|收入(预算|决算)?总(体情况)?表|支出(预算|决算)?总(体情况)?表|三公.{0,3}经费|机关运行经费|(部门|单位)整体(支出)?绩效目标|项目支出绩效目标)"},
};

// A government's report to its people's congress, or its budget / final
// accounts book (all of a city's funds, not one department's).
const Signal kGovernmentSignals[] = {
    {"report_title",
     R"(预算执行情况|(预算|决算)(\(草案\)|草案)(的|与|和)?(报告)?|财政(预算|决算)(\(草案\)|草案)|的报告$)"},
    // The congress, not its standing committee's office: 人大常委会办公厅 is a
    // department publishing its own budget.
    {"congress",
     R"(人民代表大会(常务委员会)?([^常办机]|$)|人大常委会([^办机]|$)|人大.{0,4}次会议|会议文件)"},
    {"government_level",
     R"((市级|省级|区级|县级|本级|全市|全省|全区|全县|市本级|省本级|区本级|县本级|政府)(一般公共预算|政府性基金|国有资本经营|社会保险基金|预算|决算)|(市|省|区|县)级决算|市级预算)"},
    // The finance bureau signing a report or a book; not a label line naming the bureau as the
    // department whose own budget it is (编制部门：上海市普陀区财政局).
    {"finance_head", R"(^[^:：]*财政(局|厅)(局长|厅长)?$|财政(局|厅)(局长|厅长))"},
    {"revenue_table",
     R"(税收收入|非税收入|转移支付|债务(限额|余额)|地方政府(债务|新增债券|专项债))"},
};

// A title that makes the document something else: a checklist about a
// disclosure, a notice allocating funds, a performance evaluation, an audit.
const Signal kNotDisclosureSignals[] = {
    {"not_disclosure_title",
     R"((检查|评分|考核|自查|整改|审核|核查)(表|情况表|清单|报告|结果)|的通知|通知$|(绩效)?评价(报告|结果)|审计(报告|结果|决定)|(下达|拨付|分配).{0,12}(资金|预算|指标))"},
};

struct Score {
  int points = 0;
  std::string evidence;  // a cover line when one counts, else the first line that counts
  bool evidence_on_title_page = false;
  Provenance provenance;
};

void Count(const std::vector<DocumentLine>& lines, const Signal* signals, std::size_t count,
           Score& score) {
  for (std::size_t s = 0; s < count; ++s) {
    const RE2 pattern(signals[s].pattern);
    int points = 0;
    for (const DocumentLine& line : lines) {
      if (points >= kMaxPointsPerSignal) break;
      if (DecodeUtf8(line.text).size() > kMaxTitleCodePoints) continue;
      const std::string key = RemoveAllWhitespace(FoldForMatching(line.text));
      if (!RE2::PartialMatch(key, pattern)) continue;
      points += line.title_page ? kTitlePagePoints : kBodyPoints;
      if (score.evidence.empty() || (line.title_page && !score.evidence_on_title_page)) {
        score.evidence = CollapseWhitespace(line.text);
        score.provenance = line.provenance;
        score.evidence_on_title_page = line.title_page;
      }
    }
    score.points += std::min(points, kMaxPointsPerSignal);
  }
}

// Whether most of the lines were recognised from page images.
bool MostlyOcr(const std::vector<DocumentLine>& lines) {
  std::size_t ocr = 0;
  for (const DocumentLine& line : lines) ocr += line.provenance.origin == TextOrigin::kOcr;
  return 2 * ocr > lines.size();
}

}  // namespace

void ClassifyDocument(const std::vector<DocumentLine>& lines, DocumentMetadata& metadata) {
  Attribute& attribute = metadata.document_class;
  if (lines.empty()) {
    metadata.doc_class = DocumentClass::kUnknown;
    attribute.missing_reason = "no text to classify (a scan needs OCR)";
    return;
  }
  Score department;
  Score government;
  Count(lines, kDepartmentSignals, std::size(kDepartmentSignals), department);
  Count(lines, kGovernmentSignals, std::size(kGovernmentSignals), government);
  // Only the document's own title, in its first lines, decides that it is
  // something else; a title it quotes (《关于印发…的通知》) does not.
  std::vector<DocumentLine> title_page;
  for (const DocumentLine& line : lines) {
    if (!line.title_page || title_page.size() >= kTitleLines) break;
    DocumentLine unquoted = line;
    static const RE2 kQuoted(R"(《[^》]*》?)");
    RE2::GlobalReplace(&unquoted.text, kQuoted, "");
    title_page.push_back(std::move(unquoted));
  }
  Score not_disclosure;
  Count(title_page, kNotDisclosureSignals, std::size(kNotDisclosureSignals), not_disclosure);
  const Score* chosen = nullptr;
  if (not_disclosure.points > 0) {
    metadata.doc_class = DocumentClass::kOther;
    chosen = &not_disclosure;
  } else if (department.points >= kThreshold && department.points >= government.points) {
    metadata.doc_class = DocumentClass::kDepartmentDisclosure;
    chosen = &department;
  } else if (government.points >= kThreshold) {
    metadata.doc_class = DocumentClass::kGovernmentReport;
    chosen = &government;
  } else if (MostlyOcr(lines) && department.points > government.points) {
    // A scan's cover is often read too badly to count (2026委灶台凡审庆-避襄久预算), and
    // its table titles only count one point each: with no sign of anything else, the
    // department's statements that were read decide.
    metadata.doc_class = DocumentClass::kDepartmentDisclosure;
    chosen = &department;
  } else if (MostlyOcr(lines)) {
    // Nothing read says what the scan is. Class other is for a document that says it is
    // something else (a notice, an evaluation: not_disclosure above); here the reading
    // failed, and its tables are still read for what their titles and bodies name.
    metadata.doc_class = DocumentClass::kUnknown;
    attribute.missing_reason =
        "the text recognised from the scan names no class (title page read too badly)";
    return;
  } else {
    metadata.doc_class = DocumentClass::kOther;
  }
  attribute.value = std::string(DocumentClassName(metadata.doc_class));
  if (chosen != nullptr) {
    attribute.evidence = chosen->evidence;
    attribute.provenance = chosen->provenance;
  } else {
    attribute.evidence = CollapseWhitespace(lines.front().text);
    attribute.provenance = lines.front().provenance;
  }
}

void ReportDocumentClass(const DocumentMetadata& metadata, std::vector<Finding>& findings) {
  if (metadata.doc_class != DocumentClass::kGovernmentReport &&
      metadata.doc_class != DocumentClass::kOther) {
    return;
  }
  Finding finding;
  finding.check = "document.class";
  finding.provenance = metadata.document_class.provenance;
  finding.printed_text = metadata.document_class.evidence;
  if (metadata.doc_class == DocumentClass::kGovernmentReport) {
    finding.severity = Severity::kInfo;
    finding.message =
        "a government-level fiscal report or book, not a department's disclosure (\"" +
        metadata.document_class.evidence +
        "\"): its tables are read as printed, not as a department's standard tables";
  } else {
    finding.severity = Severity::kWarning;
    finding.message = "not a department's or a government's budget or final accounts (\"" +
                      metadata.document_class.evidence +
                      "\"): its tables are not a department's standard tables";
  }
  findings.push_back(std::move(finding));
}

}  // namespace disclose
