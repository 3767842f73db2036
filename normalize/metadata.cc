#include "normalize/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace disclose {
namespace {

constexpr int kMaxEvidenceCodePoints = 120;

std::string Evidence(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(CollapseWhitespace(text));
  if (cps.size() > static_cast<std::size_t>(kMaxEvidenceCodePoints)) {
    cps.resize(static_cast<std::size_t>(kMaxEvidenceCodePoints));
  }
  return EncodeUtf8(cps);
}

// Drops spaces between two non-ASCII characters ("上海市 XX 局" keeps no gaps).
std::string CloseCjkGaps(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(CollapseWhitespace(text));
  std::u32string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == U' ' && !out.empty() && i + 1 < cps.size() &&
        (out.back() > 0x7f || cps[i + 1] > 0x7f)) {
      continue;
    }
    out.push_back(cps[i]);
  }
  return EncodeUtf8(std::vector<char32_t>(out.begin(), out.end()));
}

bool IsPlausibleDepartment(const std::string& name) {
  const std::size_t length = DecodeUtf8(name).size();
  if (length < 3 || length > 40) return false;
  if (StartsWith(name, "本") || StartsWith(name, "我") || StartsWith(name, "第") ||
      StartsWith(name, "部门") || StartsWith(name, "单位")) {
    return false;
  }
  // Fund and table words: "2024年部门一般公共预算基本支出部门预算…表" names no one.
  for (std::string_view bad :
       {"表",   "说明", "目录",   "情况",   "单位:",  "单位：", "。",   "，",
        "公开", "部分", "关于",   "预算",   "决算",   "支出",   "收入", "经费",
        ":",    "：",   "（款）", "（类）", "（项）", "(款)",   "(类)", "(项)"}) {
    if (Contains(name, bad)) return false;
  }
  return true;
}

std::string StripSuffixes(std::string name) {
  for (std::string_view suffix : {"（本级）", "(本级)", "本级", "（汇总）", "(汇总)"}) {
    if (EndsWith(name, suffix)) name.resize(name.size() - suffix.size());
  }
  return Trim(name);
}

}  // namespace

std::string DepartmentFromLine(std::string_view raw_line) {
  // Prefixed forms: 编制单位：X, 部门：X, 单位：X, 预算单位：X.
  static const RE2 kPrefixed(
      R"(^\s*(?:编制单位|预算主管部门|主管部门|预算单位|填报单位|部门名称|单位名称|部门|单位)\s*[:：]\s*(.+?)\s*(?:(?:金额)?单位\s*[:：].*)?$)");
  // Titles: X2024年度部门决算 / 2019年X部门预算 / X 2025 年部门预算.
  static const RE2 kNameThenYear(
      R"(^\s*(?:\d+[、.．]\s*)?(.+?)\s*(?:[0-9０-９]{4})\s*年\s*度?\s*(?:部门|单位)?\s*(?:决算|预算))");
  static const RE2 kYearThenName(
      R"(^\s*[0-9０-９]{4}\s*年\s*度?\s*(.+?)\s*(?:部门|单位)\s*(?:决算|预算))");
  std::string line = Trim(raw_line);
  // Section and attachment prefixes: "附件：", "附件1:", "第二部分 ".
  static const RE2 kLeadIn(R"(^\s*(?:附件\s*\d*\s*[:：]?|第[一二三四五六七八九十]+部分)\s*)");
  RE2::Replace(&line, kLeadIn, "");
  std::string name;
  if (RE2::PartialMatch(line, kPrefixed, &name)) {
    // A whitespace run ends the name ("单位：X局      金额单位：元").
    std::string collapsed = Trim(name);
    const std::size_t gap = collapsed.find("  ");
    if (gap != std::string::npos) collapsed.resize(gap);
    name = StripSuffixes(CloseCjkGaps(collapsed));
    if (StartsWith(name, "元") || StartsWith(name, "万元")) return "";
    return IsPlausibleDepartment(name) ? name : "";
  }
  if (RE2::PartialMatch(line, kNameThenYear, &name) ||
      RE2::PartialMatch(line, kYearThenName, &name)) {
    name = StripSuffixes(CloseCjkGaps(name));
    return IsPlausibleDepartment(name) ? name : "";
  }
  return "";
}

DocumentMetadata ExtractMetadata(const Document& document) {
  DocumentMetadata metadata;
  // Year and kind from a line like "2019 年度部门决算" / "2025年部门预算" /
  // "2022年度收入支出决算表": the year, then 决算/预算 within a few words.
  static const RE2 kYearKind(R"(((?:19|20)\d{2})\s*年\s*度?([^，。；\d]{0,16}?)(决算|预算))");
  std::map<std::string, int> year_votes;
  int final_votes = 0;
  int budget_votes = 0;
  const Paragraph* first_kind_paragraph = nullptr;

  std::vector<const Paragraph*> paragraphs;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) paragraphs.push_back(paragraph);
  }
  // OCR'd pages (a rasterised cover, a scanned page) are read after the text
  // layer: a recognizer's 厅 may be a 斤, a text layer's never is.
  std::stable_partition(paragraphs.begin(), paragraphs.end(), [](const Paragraph* paragraph) {
    return paragraph->provenance.origin != TextOrigin::kOcr;
  });

  // Every line of every paragraph; a title may wrap onto the next line
  // ("新疆维吾尔自治区医疗保障局 2019 年度" / "部门决算公开"), so a short line is
  // also read joined with the line after it.
  struct Line {
    std::string text;
    const Paragraph* paragraph;
  };
  std::vector<Line> lines;
  for (const Paragraph* paragraph : paragraphs) {
    const std::string& text = paragraph->text;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string raw_line = Trim(text.substr(start, end - start));
      start = end + 1;
      if (!raw_line.empty()) lines.push_back(Line{std::move(raw_line), paragraph});
    }
  }

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Paragraph* paragraph = lines[i].paragraph;
    std::vector<std::string> candidates = {lines[i].text};
    if (i + 1 < lines.size() && DecodeUtf8(lines[i].text).size() <= 40) {
      candidates.push_back(lines[i].text + " " + lines[i + 1].text);
    }
    bool year_found_here = false;
    for (const std::string& raw_line : candidates) {
      // Year and kind need 决算 / 预算 on the line; NFKC leaves both as they are.
      const bool names_kind = Contains(raw_line, "决算") || Contains(raw_line, "预算");
      if (!names_kind && !metadata.department.value.empty()) continue;
      const std::string line = names_kind ? FoldForMatching(raw_line) : std::string();
      if (metadata.department.value.empty()) {
        std::string name = DepartmentFromLine(raw_line);
        if (!name.empty()) {
          metadata.department.value = name;
          metadata.department.evidence = Evidence(raw_line);
          metadata.department.provenance = paragraph->provenance;
        }
      }
      if (year_found_here) continue;
      std::string year;
      std::string between;
      std::string kind_word;
      re2::StringPiece input(line);
      while (RE2::FindAndConsume(&input, kYearKind, &year, &between, &kind_word)) {
        // "一般公共预算" is a fund, not the document kind.
        const bool fund = EndsWith(between, "一般公共") || EndsWith(between, "政府性基金") ||
                          EndsWith(between, "国有资本经营");
        if (fund) continue;
        year_found_here = true;
        if (metadata.fiscal_year.value.empty()) {
          metadata.fiscal_year.value = year;
          metadata.fiscal_year.evidence = Evidence(raw_line);
          metadata.fiscal_year.provenance = paragraph->provenance;
        }
        ++year_votes[year];
        if (first_kind_paragraph == nullptr) first_kind_paragraph = paragraph;
        if (kind_word == "决算") {
          ++final_votes;
        } else {
          ++budget_votes;
        }
        if (metadata.kind == DocKind::kUnknown) {
          metadata.kind = kind_word == "决算" ? DocKind::kFinalAccounts : DocKind::kBudget;
          metadata.doc_kind.value = std::string(DocKindName(metadata.kind));
          metadata.doc_kind.evidence = Evidence(raw_line);
          metadata.doc_kind.provenance = paragraph->provenance;
        }
      }
    }
  }

  if (metadata.department.value.empty()) {
    // A line that is only an organisation's name (a signature, a form cell).
    for (const Line& line : lines) {
      std::string name = StripSuffixes(CloseCjkGaps(line.text));
      if (!IsPlausibleDepartment(name) || DecodeUtf8(name).size() > 30) continue;
      bool organisation = false;
      for (std::string_view suffix : {"局", "厅", "办公室", "委员会", "中心", "院", "办事处", "所",
                                      "政府", "协会", "联合会", "馆", "站", "学校", "医院"}) {
        organisation = organisation || EndsWith(name, suffix);
      }
      bool plain = true;
      for (char32_t c : DecodeUtf8(name))
        plain = plain && (IsCjkIdeograph(c) || c == U'（' || c == U'）');
      if (organisation && plain) {
        metadata.department.value = name;
        metadata.department.evidence = Evidence(line.text);
        metadata.department.provenance = line.paragraph->provenance;
        break;
      }
    }
  }

  if (metadata.kind == DocKind::kUnknown) {
    // No "YYYY年…决算/预算" line: count 决算 / 预算 in headings and titles.
    for (const Paragraph* paragraph : paragraphs) {
      std::string key = RemoveAllWhitespace(FoldForMatching(paragraph->text));
      for (std::string_view fund : {"一般公共预算", "政府性基金预算", "国有资本经营预算",
                                    "年初预算", "全年预算", "预算数"}) {
        for (std::size_t at = key.find(fund); at != std::string::npos; at = key.find(fund, at)) {
          key.erase(at, fund.size());
        }
      }
      const bool final_word = Contains(key, "决算");
      const bool budget_word = Contains(key, "预算");
      if (final_word == budget_word) continue;
      if (metadata.doc_kind.evidence.empty()) {
        metadata.doc_kind.evidence = Evidence(paragraph->text);
        metadata.doc_kind.provenance = paragraph->provenance;
      }
      if (final_word) ++final_votes;
      if (budget_word) ++budget_votes;
    }
    if (final_votes != budget_votes) {
      metadata.kind = final_votes > budget_votes ? DocKind::kFinalAccounts : DocKind::kBudget;
      metadata.doc_kind.value = std::string(DocKindName(metadata.kind));
    } else {
      metadata.doc_kind.evidence.clear();
      metadata.doc_kind.missing_reason = "no 决算 or 预算 title or statement found";
    }
  }

  if (metadata.fiscal_year.value.empty()) {
    // Fall back on the year the text names most often as "YYYY年度".
    static const RE2 kYearDu(R"(((?:19|20)\d{2})\s*年度)");
    std::map<std::string, int> votes;
    std::map<std::string, const Paragraph*> first;
    for (const Paragraph* paragraph : paragraphs) {
      const std::string folded = FoldForMatching(paragraph->text);
      re2::StringPiece input(folded);
      std::string year;
      while (RE2::FindAndConsume(&input, kYearDu, &year)) {
        ++votes[year];
        first.emplace(year, paragraph);
      }
    }
    int best = 0;
    for (const auto& [year, count] : votes) {
      if (count > best) {
        best = count;
        metadata.fiscal_year.value = year;
        metadata.fiscal_year.evidence = Evidence(first[year]->text);
        metadata.fiscal_year.provenance = first[year]->provenance;
      }
    }
    if (metadata.fiscal_year.value.empty()) {
      metadata.fiscal_year.missing_reason = "no year stated with 决算/预算 or as YYYY年度";
    }
  }

  if (metadata.department.value.empty()) {
    metadata.department.missing_reason =
        "no 单位：/编制单位：/部门： line and no title naming the department before the year";
  }
  return metadata;
}

}  // namespace disclose
