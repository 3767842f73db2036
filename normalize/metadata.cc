#include "normalize/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/document_class.h"
#include "normalize/document_lines.h"
#include "normalize/ocr_text.h"

namespace disclose {
namespace {

constexpr int kMaxEvidenceCodePoints = 120;
// A title, a cover line or a table title: longer lines are sentences, and a
// sentence that holds "2025年预算" is a comparison, not the document's title.
constexpr std::size_t kMaxTitleCodePoints = 60;
// Covers wrap a title over up to four lines ("2026 年度" / "福州经济技术开发区
// 生态" / "环境局" / "单位预算").
constexpr std::size_t kMaxJoinedLines = 4;

// How much a place that names the department or year counts. A cover states
// what the document is; a heading restates it; a 单位： line may name a
// subordinate unit; a table title says the least.
constexpr int kTitlePageWeight = 4;
constexpr int kHeadingWeight = 3;
constexpr int kUnitLineWeight = 2;
constexpr int kTableWeight = 1;

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

// Organisations end in one of these words; a table row (（二）公务接待费, 行政
// 运行) or a sentence fragment (纳入本部门) does not.
bool EndsLikeOrganisation(std::string_view name) {
  for (std::string_view suffix :
       {"局",   "厅", "委",   "委员会", "办公室", "办",   "室",  "中心", "院", "部",
        "所",   "站", "馆",   "会",     "处",     "队",   "校",  "学",   "园", "场",
        "社",   "团", "政府", "组",     "司",     "署",   "台",  "宫",   "库", "厂",
        "公司", "狱", "基地", "协会",   "联合会", "集团", "医院"}) {
    if (EndsWith(name, suffix)) return true;
  }
  return false;
}

// Whether `name` reads as a department; with `ending` false, whether it would but for its last
// character (a name OCR read with its organisation word misread: 办公朵).
bool IsPlausibleDepartment(const std::string& name, bool ending = true) {
  const std::vector<char32_t> cps = DecodeUtf8(name);
  if (cps.size() < 3 || cps.size() > 40) return false;
  // A name starts with a character of the name (". 长春市信访局" is a stray mark).
  if (!IsCjkIdeograph(cps.front())) return false;
  // OCR noise inside a name: a hyphen ("一-全度苏州市…", a cover's 年度 misread and joined to the
  // name) or one digit between two characters ("由1庆市水利局" for 重庆市水利局). No organisation
  // is spelt so; a number in a name is a whole one (12345 热线).
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == U'-') return false;
    const bool lone_digit = cps[i] >= U'0' && cps[i] <= U'9' && i > 0 && i + 1 < cps.size() &&
                            IsCjkIdeograph(cps[i - 1]) && IsCjkIdeograph(cps[i + 1]);
    if (lone_digit) return false;
  }
  // Enumerated rows and sentence openings: （二）…, 一、…, 1.…, 本…, 纳入….
  static const RE2 kEnumerated(
      R"(^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[、.．]))");
  if (RE2::PartialMatch(name, kEnumerated)) return false;
  for (std::string_view start : {"本", "我", "第", "部门", "单位", "纳入", "其中", "包括", "按照",
                                 "根据", "全市", "全省", "全区", "全县", "市本级", "各"}) {
    if (StartsWith(name, start)) return false;
  }
  // Fund and table words: "2024年部门一般公共预算基本支出部门预算…表" names no one.
  for (std::string_view bad :
       {"表",   "说明", "目录",   "情况",   "单位:",  "单位：", "。",   "，",   "、",
        "公开", "部分", "关于",   "预算",   "决算",   "支出",   "收入", "经费", "本部门",
        ":",    "：",   "（款）", "（类）", "（项）", "(款)",   "(类)", "(项)", "年度"}) {
    if (Contains(name, bad)) return false;
  }
  return !ending || EndsLikeOrganisation(name);
}

std::string StripSuffixes(std::string name) {
  // "无锡市交通运输局（本级）" names the department; OCR reads its brackets as any of the
  // bracket shapes, and not always as a pair ("〈本级)").
  static const RE2 kScope(R"(\s*[（(〈〔【\[]\s*(?:本级|汇总)\s*[）)〉〕】\]]\s*$)");
  RE2::Replace(&name, kScope, "");
  // "北京市信访办公室部门 2026 年度部门预算": the word 部门 is not the name.
  for (std::string_view suffix : {"本级", "部门", "单位"}) {
    if (EndsWith(name, suffix)) name.resize(name.size() - suffix.size());
  }
  return Trim(name);
}

bool IsPrefixedUnitLine(const std::string& line) {
  static const RE2 kPrefix(
      R"(^\s*(?:编制单位|编制部门|预算主管部门|主管部门|预算单位|填报单位|部门名称|单位名称|部门|单位)\s*[:：])");
  return RE2::PartialMatch(line, kPrefix);
}

// One place that names a value, before the places are weighed.
struct Candidate {
  std::string value;
  std::string source;
  int weight = 0;
  std::string evidence;
  Provenance provenance;
  bool gapped = false;  // OCR read it with a gap inside the name (HasOneGapInside)
};

// Candidates naming the same value (or one an abbreviation of the other, for
// departments) form one group; its score counts each kind of place once, so
// a 单位： line repeated over forty tables does not outvote the cover.
struct Group {
  std::vector<const Candidate*> members;
  int score() const {
    std::map<std::string, int> weights;
    for (const Candidate* member : members) weights[member->source] = member->weight;
    int total = 0;
    for (const auto& [source, weight] : weights) total += weight * 10;
    return total + static_cast<int>(std::min<std::size_t>(members.size(), 9));
  }
};

// 省检察院 abbreviates 江苏省人民检察院: the short form's characters appear in order.
bool SameDepartment(const std::string& a, const std::string& b) {
  std::vector<char32_t> x = DecodeUtf8(RemoveAllWhitespace(a));
  std::vector<char32_t> y = DecodeUtf8(RemoveAllWhitespace(b));
  if (x.size() > y.size()) std::swap(x, y);
  std::size_t at = 0;
  for (char32_t c : y) {
    if (at < x.size() && x[at] == c) ++at;
  }
  return at == x.size();
}

std::vector<Group> GroupCandidates(const std::vector<Candidate>& candidates, bool departments) {
  std::vector<Group> groups;
  for (const Candidate& candidate : candidates) {
    Group* home = nullptr;
    for (Group& group : groups) {
      const std::string& first = group.members.front()->value;
      if (departments ? SameDepartment(first, candidate.value) : first == candidate.value) {
        home = &group;
        break;
      }
    }
    if (home == nullptr) {
      groups.emplace_back();
      home = &groups.back();
    }
    home->members.push_back(&candidate);
  }
  return groups;
}

// The best group (ties: the one named first); its value comes from its
// weightiest place, the first such.
const Group* Best(const std::vector<Group>& groups) {
  const Group* best = nullptr;
  for (const Group& group : groups) {
    if (best == nullptr || group.score() > best->score()) best = &group;
  }
  return best;
}

// At most this many characters a recogniser loses in a gap inside a name (商 委员会 for
// 商务委员会).
constexpr std::size_t kMaxCharactersLostInAGap = 2;

const Candidate* Representative(const Group& group) {
  const Candidate* representative = group.members.front();
  for (const Candidate* member : group.members) {
    if (member->weight > representative->weight) representative = member;
  }
  // A name OCR read with a gap inside may have lost a character there (上海市普陀区商 委员会 on
  // the cover, 编制部门：上海市普陀区商务委员会 over a table): another place of the group that
  // prints it with one or two characters more, read without a gap, gives the name.
  if (representative->gapped) {
    const std::size_t read = DecodeUtf8(representative->value).size();
    const Candidate* fuller = nullptr;
    for (const Candidate* member : group.members) {
      const std::size_t size = DecodeUtf8(member->value).size();
      if (member->gapped || size <= read || size > read + kMaxCharactersLostInAGap) continue;
      if (fuller == nullptr || member->weight > fuller->weight) fuller = member;
    }
    if (fuller != nullptr) representative = fuller;
  }
  return representative;
}

void Choose(const std::vector<Candidate>& candidates, bool departments, Attribute& attribute) {
  std::vector<Group> groups = GroupCandidates(candidates, departments);
  const Group* best = Best(groups);
  if (best != nullptr) {
    const Candidate* chosen = Representative(*best);
    attribute.value = chosen->value;
    attribute.evidence = chosen->evidence;
    attribute.provenance = chosen->provenance;
  }
  for (const Candidate& candidate : candidates) {
    bool seen = false;
    for (const AttributeSource& source : attribute.sources) {
      seen = seen || (source.source == candidate.source && source.value == candidate.value);
    }
    if (!seen) {
      attribute.sources.push_back(AttributeSource{candidate.source, candidate.value,
                                                  candidate.evidence, candidate.provenance});
    }
  }
}

// The title forms: "X2024年度部门决算", "2019年X部门预算", "X 2026 部门预算…".
std::string DepartmentFromTitle(std::string line, bool ending) {
  static const RE2 kNameThenYear(
      R"(^\s*(?:\d+[、.．]\s*)?(.+?)\s*(?:[0-9０-９]{4})\s*(?:年\s*度?)?\s*(?:部门|单位)?\s*(?:决算|预算))");
  // Five digits: a cover's year with a digit OCR added (20256年度福州市科学技术局); the name
  // after it is read all the same.
  static const RE2 kYearThenName(
      R"(^\s*[0-9０-９]{4,5}\s*年\s*度?\s*(.+?)\s*(?:部门|单位)\s*(?:决算|预算))");
  std::string name;
  if (RE2::PartialMatch(line, kNameThenYear, &name) ||
      RE2::PartialMatch(line, kYearThenName, &name)) {
    name = StripSuffixes(CloseCjkGaps(name));
    return IsPlausibleDepartment(name, ending) ? name : "";
  }
  return "";
}

// A line that is only an organisation's name, as a cover sets it.
std::string BareOrganisation(const std::string& line, bool ending = true) {
  std::string name = StripSuffixes(CloseCjkGaps(line));
  if (!IsPlausibleDepartment(name, ending) || DecodeUtf8(name).size() > 30) return "";
  for (char32_t c : DecodeUtf8(name)) {
    if (!IsCjkIdeograph(c) && c != U'（' && c != U'）') return "";
  }
  return name;
}

// A unit line or a table may drop the city ("预算单位 | 达川区医疗保险管理局")
// that a heading prints ("达州市达川区医疗保险管理局"): the fuller printing of
// the same name is the department as printed.
void PreferFullName(const std::vector<DocumentLine>& lines, Attribute& department) {
  if (department.value.empty()) return;
  for (const DocumentLine& line : lines) {
    if (DecodeUtf8(line.text).size() > kMaxTitleCodePoints) continue;
    const std::string name = BareOrganisation(line.text);
    if (name.size() <= department.value.size() || !EndsWith(name, department.value)) continue;
    department.value = name;
    department.evidence = Evidence(line.text);
    department.provenance = line.provenance;
    department.sources.push_back(
        AttributeSource{"name_line", name, department.evidence, line.provenance});
    return;
  }
}

// A name read by OCR is checked against the document's other printings of it
// (ocr_text.h): a character misread on a cover ("北革市政务服务和数据管理局") is
// outvoted by the paragraphs and cells that print the name right. A text
// layer's name is what the publisher typed and is not voted on.
void ConfirmOcrDepartment(const Document& document, Attribute& department) {
  if (department.value.empty() || department.provenance.origin != TextOrigin::kOcr) return;
  std::vector<std::string> texts;
  std::vector<Provenance> places;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      texts.push_back(paragraph->text);
      places.push_back(paragraph->provenance);
    } else if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) {
        texts.push_back(cell.text);
        places.push_back(cell.provenance);
      }
    }
  }
  const OcrNamePrinting best = MostConfirmedPrinting(department.value, texts);
  if (best.name == RemoveAllWhitespace(department.value)) return;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (!Contains(RemoveAllWhitespace(texts[i]), best.name)) continue;
    department.sources.push_back(
        AttributeSource{"ocr_printings", best.name, Evidence(texts[i]), places[i]});
    department.evidence = Evidence(texts[i]);
    department.provenance = places[i];
    break;
  }
  department.value = best.name;
}

// Year and kind of a title: "2019 年度部门决算", "2025年部门预算", "关于北京市
// 2022年预算执行情况和2023年预算的报告" (the budget is 2023's: 2022 is the
// execution report), "2022年度收入支出决算表".
struct YearKind {
  std::string year;
  std::string kind_word;  // 决算 / 预算
};

std::vector<YearKind> YearsOfTitle(const std::string& folded) {
  static const RE2 kYearKind(
      R"(((?:19|20)\d{2})\s*(?:年\s*度?)?([^，。；,;\d]{0,16}?)(决算|预算)(\s*执行)?)");
  std::vector<YearKind> found;
  re2::StringPiece input(folded);
  std::string year, between, kind_word, execution;
  const char* const begin = folded.data();
  while (true) {
    const char* before = input.data();
    if (!RE2::FindAndConsume(&input, kYearKind, &year, &between, &kind_word, &execution)) break;
    // The match starts at the year; what precedes it says "compared with".
    const std::size_t year_at = folded.find(year, static_cast<std::size_t>(before - begin));
    const std::string lead =
        folded.substr(year_at >= 6 ? year_at - 6 : 0, year_at >= 6 ? 6 : year_at);
    bool comparison = false;
    for (std::string_view word : {"比", "较", "与", "同", "上年", "截至", "至"}) {
      comparison = comparison || EndsWith(Trim(lead), word);
    }
    // "一般公共预算" is a fund, "当年预算执行数" a comparison: not the document kind.
    const bool fund = EndsWith(between, "一般公共") || EndsWith(between, "政府性基金") ||
                      EndsWith(between, "国有资本经营") || EndsWith(between, "社会保险基金");
    const bool execution_figure = !execution.empty() || Contains(between, "当年") ||
                                  Contains(between, "年初") || Contains(between, "调整");
    if (comparison || execution_figure) continue;
    if (fund) {
      // "2023年部门一般公共预算支出功能分类预算表": the fund's 预算 is not the kind, a
      // second 预算/决算 further on the title is.
      static const RE2 kLaterKind(R"(^[^，。；,;\d]{0,16}?(决算|预算))");
      std::string later_kind;
      if (!RE2::PartialMatch(input, kLaterKind, &later_kind)) continue;
      kind_word = later_kind;
    }
    found.push_back(YearKind{year, kind_word});
  }
  return found;
}

// The year a table's title opens with, when the title names no 预算/决算 ("2026年部门收支总体
// 情况表", "2026年一般公共预算支出情况表", "表7: 2026年市级部门…经费预算表" read with a word lost):
// a scan's cover is often read too badly to state the year while the tables' titles, set in a
// plainer type, are read right. Only a line that starts with the year (after a 表N number) and
// ends in 表 counts: a sentence that names a year is a comparison as often as not.
std::string YearOfTableTitle(const std::string& folded) {
  static const RE2 kTitle(
      R"(^\s*(?:附?表\s*\d+\s*[:：.．]?\s*)?((?:19|20)\d{2})\s*年\s*度?[^\d，。；,;]{2,40}表\s*$)");
  std::string year;
  if (!RE2::FullMatch(folded, kTitle, &year)) return "";
  return year;
}

std::string PlaceOf(const DocumentLine& line, bool prefixed) {
  if (line.title_page) return "title_page";
  if (line.in_table) return "table_header";
  return prefixed ? "unit_line" : "heading";
}

int Weight(const std::string& source) {
  if (source == "title_page") return kTitlePageWeight;
  if (source == "heading") return kHeadingWeight;
  if (source == "unit_line") return kUnitLineWeight;
  return kTableWeight;
}

void FallBackOnKindWords(const std::vector<const Paragraph*>& paragraphs,
                         DocumentMetadata& metadata) {
  // No "YYYY年…决算/预算" title: count 决算 / 预算 in headings and titles.
  int final_votes = 0;
  int budget_votes = 0;
  for (const Paragraph* paragraph : paragraphs) {
    std::string key = RemoveAllWhitespace(FoldForMatching(paragraph->text));
    for (std::string_view fund :
         {"一般公共预算", "政府性基金预算", "国有资本经营预算", "年初预算", "全年预算", "预算数"}) {
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

// The last resort for a document whose covers and titles state neither 决算 nor 预算 (an OCR'd
// cover read 宇和生生位预鱼 for 单位预算, titles such as 一般公共预算支出情况表 that name a fund
// only): the words of its tables. A budget's tables print 预算数 columns (the year's, not a final
// account's 年初预算数) and 总体情况表 / 收入总表 titles; final accounts print 决算 somewhere
// (决算数, 支出决算表). One side decides only when the other never appears; the first sign is the
// evidence.
void FallBackOnTableWords(const Document& document, DocumentMetadata& metadata) {
  int budget_signs = 0;
  bool final_word = false;
  std::string evidence;
  Provenance provenance;
  auto look = [&](std::string_view text, const Provenance& where) {
    const std::string key = RemoveAllWhitespace(FoldForMatching(text));
    if (Contains(key, "决算")) {
      if (!final_word && budget_signs == 0) {
        evidence = Evidence(text);
        provenance = where;
      }
      final_word = true;
    }
    const bool budget_column =
        key == "预算数" ||
        (EndsWith(key, "年预算数") && !EndsWith(key, "年初预算数") && !EndsWith(key, "全年预算数"));
    // 收入总表 / 支出总表 / 收支总表 are budget titles: final accounts name the same tables
    // 收入决算表, 收入支出决算总表 (a 决算 title also counts as a final sign above).
    const bool budget_title =
        DecodeUtf8(key).size() <= kMaxTitleCodePoints &&
        (EndsWith(key, "总体情况表") || (EndsWith(key, "总表") && !Contains(key, "决算")));
    if (budget_column || budget_title) {
      if (budget_signs++ == 0 && !final_word) {
        evidence = Evidence(text);
        provenance = where;
      }
    }
  };
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      look(paragraph->text, paragraph->provenance);
    } else if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) look(cell.text, cell.provenance);
    }
  }
  if ((budget_signs == 0) == !final_word) return;
  metadata.kind = final_word ? DocKind::kFinalAccounts : DocKind::kBudget;
  metadata.doc_kind.value = std::string(DocKindName(metadata.kind));
  metadata.doc_kind.evidence = evidence;
  metadata.doc_kind.provenance = provenance;
  metadata.doc_kind.missing_reason.clear();
}

void FallBackOnYearDu(const std::vector<const Paragraph*>& paragraphs, Attribute& fiscal_year) {
  // The year the text names most often as "YYYY年度".
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
      fiscal_year.value = year;
      fiscal_year.evidence = Evidence(first[year]->text);
      fiscal_year.provenance = first[year]->provenance;
    }
  }
  if (fiscal_year.value.empty()) {
    fiscal_year.missing_reason = "no year stated with 决算/预算 or as YYYY年度";
  }
}

// The department a line names (DepartmentFromLine); with `ending` false, also a name that
// ends in no organisation word.
std::string NameOfLine(std::string_view raw_line, bool ending) {
  // Prefixed forms: 编制单位：X, 部门：X, 单位：X, 预算单位：X.
  static const RE2 kPrefixed(
      R"(^\s*(?:编制单位|编制部门|预算主管部门|主管部门|预算单位|填报单位|部门名称|单位名称|部门|单位)\s*[:：]\s*(.+?)\s*(?:(?:金额)?单位\s*[:：].*)?$)");
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
    return IsPlausibleDepartment(name, ending) ? name : "";
  }
  return DepartmentFromTitle(line, ending);
}

// Characters chi_sim reads for the last character of an organisation word on degraded scans
// (read, meant), each sharing the part that sets the two apart: 打 the 丁 of 厅, 宇 and 宝 the
// 宀 of 室. 办公厅 and 办公室 differ in that character alone, so a nearest-word repair could not
// choose between them; a shape can.
constexpr std::pair<char32_t, char32_t> kOrganisationEndConfusions[] = {
    {U'打', U'厅'},
    {U'宇', U'室'},
    {U'宝', U'室'},
};

// `line` with the last character of each name OCR misread along a known confusion put back
// (中共江苏省委办公打 单位：万元 -> 中共江苏省委办公厅 单位：万元); "" when nothing was. A name's
// last character follows an ideograph and comes before anything that is not one (a space, the
// year of a title, the line's end).
std::string RepairOrganisationEnds(const std::string& line) {
  std::vector<char32_t> cps = DecodeUtf8(line);
  bool changed = false;
  for (std::size_t i = 1; i < cps.size(); ++i) {
    if (!IsCjkIdeograph(cps[i - 1]) || (i + 1 < cps.size() && IsCjkIdeograph(cps[i + 1]))) {
      continue;
    }
    for (const auto& [read, meant] : kOrganisationEndConfusions) {
      if (cps[i] != read) continue;
      cps[i] = meant;
      changed = true;
      break;
    }
  }
  return changed ? EncodeUtf8(cps) : std::string();
}

// A scanned cover's name and year on one line, its kind on a later one with a line OCR made of
// a mark between (江苏省政协办公厅2018年度 / 2小 / 部门预算公开), or with 部门 misread at the end
// of the first (…办公厅2018年度部站 / 预算公开): the name before the year, read when one of the
// next two lines of the page opens with the kind. Or its kind on the line itself with one of its
// two characters misread (成都市农业农村局2026 年度部门决答, H52 s3w_0818_final): after 部门 or
// 单位 and the year, at the line's end, 预/决 or 算 still says the kind. "" otherwise.
std::string NameBeforeCoverKind(const std::vector<DocumentLine>& lines, std::size_t at,
                                bool ending) {
  static const RE2 kNameYear(R"(^\s*(.+?)\s*[0-9]{4}\s*年\s*度?\s*\S{0,2}\s*$)");
  static const RE2 kKindOpening(R"(^\s*\S{0,2}?\s*(?:预算|决算))");
  static const RE2 kNameYearKindMisread(
      R"(^\s*(.+?)\s*[0-9]{4}\s*年\s*度?\s*(?:部门|单位)\s*(?:[预决]\S|\S算)\s*(?:公开)?\s*$)");
  constexpr std::size_t kLinesToKind = 2;
  const DocumentLine& line = lines[at];
  std::string name;
  if (RE2::FullMatch(line.text, kNameYearKindMisread, &name)) {
    name = StripSuffixes(CloseCjkGaps(name));
    return IsPlausibleDepartment(name, ending) ? name : "";
  }
  if (!RE2::FullMatch(line.text, kNameYear, &name)) return "";
  bool kind = false;
  for (std::size_t next = at + 1; next < lines.size() && next <= at + kLinesToKind; ++next) {
    if (lines[next].provenance.page != line.provenance.page || lines[next].in_table) break;
    kind = kind || RE2::PartialMatch(lines[next].text, kKindOpening);
  }
  if (!kind) return "";
  name = StripSuffixes(CloseCjkGaps(name));
  return IsPlausibleDepartment(name, ending) ? name : "";
}

// Whether one of the two lines after `at`, on its page, states a year and a kind: a cover
// that sets the name on a line of its own ("江苏省高级人民法院" / "2019年度部门预算公开").
bool YearKindFollows(const std::vector<DocumentLine>& lines, std::size_t at) {
  constexpr std::size_t kLinesToYear = 2;
  for (std::size_t next = at + 1; next < lines.size() && next <= at + kLinesToYear; ++next) {
    if (lines[next].provenance.page != lines[at].provenance.page) break;
    if (!YearsOfTitle(FoldForMatching(lines[next].text)).empty()) return true;
  }
  return false;
}

// A year OCR read with a digit too many: chi_sim reads the 6 of a large serif year as 56
// (2026 read 20256 on covers of four provinces, at every line height the cover was read at). The
// 56 before 年 of a five-digit year becomes 6 in `folded`; whether anything was.
bool MendSixReadFiftySix(std::string& folded) {
  static const RE2 kSixReadFiftySix(R"((^|[^0-9])((?:19|20)[0-9])56(\s*年))");
  return RE2::GlobalReplace(&folded, kSixReadFiftySix, "\\1\\26\\3") > 0;
}

// Whether `text` holds `name` with one gap inside it, and no other: OCR sets a space inside a
// word where it read nothing ("上海市普陀区商 委员会" for 商务委员会, its 务 lost). A title whose
// every character is spaced out ("杭 州 市 公 安 局") has a gap between each and is not counted;
// nor is a name wrapped over two lines, which are joined with a space (the caller reads one line).
bool HasOneGapInside(const std::string& text, const std::string& name) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  const std::vector<char32_t> wanted = DecodeUtf8(name);
  if (wanted.empty()) return false;
  for (std::size_t start = 0; start < cps.size(); ++start) {
    if (cps[start] != wanted.front()) continue;
    std::size_t at = start;
    std::size_t matched = 0;
    int gaps = 0;
    while (at < cps.size() && matched < wanted.size()) {
      if (IsUnicodeSpace(cps[at])) {
        if (matched > 0 && !IsUnicodeSpace(cps[at - 1])) ++gaps;
        ++at;
        continue;
      }
      if (cps[at] != wanted[matched]) break;
      ++at;
      ++matched;
    }
    if (matched == wanted.size()) return gaps == 1;
  }
  return false;
}

// The first of `candidates` naming `value` when every one that does is among `marked` (by
// index); nullptr when none is, or another names it too.
const Candidate* OnlyFrom(const std::vector<Candidate>& candidates, const std::string& value,
                          const std::vector<std::size_t>& marked) {
  const Candidate* first = nullptr;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (candidates[k].value != value) continue;
    if (std::find(marked.begin(), marked.end(), k) == marked.end()) return nullptr;
    if (first == nullptr) first = &candidates[k];
  }
  return first;
}

// An OCR reading of the department that was put back along a known confusion.
struct RepairedName {
  std::size_t candidate = 0;  // its place among the department candidates
  std::string read;           // the name as OCR read it
  std::string name;           // as put back
  std::string evidence;
  Provenance provenance;
};

Finding MetadataFinding(std::string check, std::string message, std::string printed,
                        const Provenance& provenance) {
  Finding finding;
  finding.check = std::move(check);
  finding.severity = Severity::kWarning;
  finding.message = std::move(message);
  finding.printed_text = std::move(printed);
  finding.provenance = provenance;
  return finding;
}

// Why OCR gave no department or year, when the scan printed one that was misread past repair:
// a unit line or title whose name ends in no organisation word
// (部门：中国共产党江苏省委员会办公朵), a title whose year has a digit too many
// (20256年度部门预算). Nothing is guessed: the finding quotes the reading.
void ReportUnreadMetadata(const std::vector<DocumentLine>& lines, const DocumentMetadata& metadata,
                          std::vector<Finding>& findings) {
  static const RE2 kLongYear(R"((?:^|[^0-9])((?:19|20)[0-9]{3})\s*年)");
  static const RE2 kUnitLabelWithoutColon(
      R"(^\s*(编制单位|编制部门|预算主管部门|主管部门|预算单位|填报单位|部门名称|单位名称)\s*([^\s:：;；,，].*)$)");
  bool department = !metadata.department.value.empty();
  bool year = !metadata.fiscal_year.value.empty();
  for (std::size_t i = 0; i < lines.size() && !(department && year); ++i) {
    const DocumentLine& line = lines[i];
    if (line.provenance.origin != TextOrigin::kOcr ||
        DecodeUtf8(line.text).size() > kMaxTitleCodePoints) {
      continue;
    }
    std::string name = NameOfLine(line.text, false);
    if (name.empty() && line.title_page) name = NameBeforeCoverKind(lines, i, false);
    if (name.empty() && line.title_page && !line.in_table && DecodeUtf8(line.text).size() >= 5 &&
        YearKindFollows(lines, i)) {
      name = BareOrganisation(line.text, false);
    }
    std::string why = ", which ends in no organisation word and is no known misread of one";
    std::string label;
    std::string rest;
    if (name.empty() && RE2::FullMatch(line.text, kUnitLabelWithoutColon, &label, &rest)) {
      // The label's end is only assumed where its colon was lost, and a line read so badly
      // misreads the name as often (预算单位上海市花开良种试验场 for 花卉).
      name = NameOfLine(label + "：" + rest, true);
      why = " after a unit label whose colon OCR lost, so the name's reading is in doubt";
    }
    if (!department && !name.empty()) {
      department = true;
      findings.push_back(MetadataFinding("metadata.ocr_name_unread",
                                         "OCR read a department here as " + name + why +
                                             ": the department is left empty (\"" +
                                             Evidence(line.text) + "\")",
                                         Evidence(line.text), line.provenance));
    }
    std::string digits;
    const std::string folded = FoldForMatching(line.text);
    if (!year && RE2::PartialMatch(folded, kLongYear, &digits) &&
        (Contains(folded, "预算") || Contains(folded, "决算"))) {
      year = true;
      std::string readings;  // the years the digits make with one of them left out
      for (std::size_t k = 0; k < digits.size(); ++k) {
        const std::string shorter = digits.substr(0, k) + digits.substr(k + 1);
        if ((StartsWith(shorter, "19") || StartsWith(shorter, "20")) &&
            !Contains(readings, shorter)) {
          readings += (readings.empty() ? "" : " or ") + shorter;
        }
      }
      findings.push_back(MetadataFinding(
          "metadata.ocr_year_unread",
          "OCR read a title's year as " + digits + ", a digit too many (" + readings +
              "), and the document states the year nowhere else: the fiscal year is left empty "
              "(\"" +
              Evidence(line.text) + "\")",
          Evidence(line.text), line.provenance));
    }
  }
}

}  // namespace

std::string DepartmentFromLine(std::string_view line) {
  return NameOfLine(line, true);
}

DocumentMetadata ExtractMetadata(const Document& document, std::vector<Finding>* findings) {
  DocumentMetadata metadata;
  const std::vector<DocumentLine> lines = CollectDocumentLines(document);
  std::vector<const Paragraph*> paragraphs;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) paragraphs.push_back(paragraph);
  }
  // OCR'd pages (a rasterised cover, a scanned page) are read after the text
  // layer: a recognizer's 厅 may be a 斤, a text layer's never is.
  std::stable_partition(paragraphs.begin(), paragraphs.end(), [](const Paragraph* paragraph) {
    return paragraph->provenance.origin != TextOrigin::kOcr;
  });

  std::vector<Candidate> departments;
  std::vector<RepairedName> repairs;
  std::vector<Candidate> years;
  std::vector<std::string> year_kind_words;  // parallel to years
  std::vector<std::size_t> mended_years;     // years read from a 6 read as 56
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const DocumentLine& line = lines[i];
    if (DecodeUtf8(line.text).size() > kMaxTitleCodePoints) continue;
    const bool prefixed = IsPrefixedUnitLine(line.text);
    // The first candidate that reads gives the name: a title wrapped over the
    // next lines is read joined, as long as it keeps reading as a title.
    bool named = false;
    const bool ocr = line.provenance.origin == TextOrigin::kOcr;
    auto add_name = [&](const std::string& name, const std::string& text, bool repaired) {
      named = true;
      const std::string source = PlaceOf(line, prefixed);
      departments.push_back(
          Candidate{name, source, Weight(source), Evidence(text), line.provenance});
      if (repaired) {
        repairs.push_back(RepairedName{departments.size() - 1, NameOfLine(text, false), name,
                                       Evidence(text), line.provenance});
      }
      if (ocr && text == line.text && HasOneGapInside(text, name)) {
        departments.back().gapped = true;
      }
    };
    for (const std::string& candidate : JoinedCandidates(lines, i, kMaxJoinedLines)) {
      if (named || DecodeUtf8(candidate).size() > kMaxTitleCodePoints) break;
      std::string name = DepartmentFromLine(candidate);
      bool repaired = false;
      if (name.empty() && ocr) {
        const std::string mended = RepairOrganisationEnds(candidate);
        if (!mended.empty()) name = DepartmentFromLine(mended);
        repaired = !name.empty();
      }
      if (!name.empty()) add_name(name, candidate, repaired);
    }
    if (!named && ocr && line.title_page && !line.in_table) {
      std::string name = NameBeforeCoverKind(lines, i, true);
      bool repaired = false;
      if (name.empty()) {
        std::vector<DocumentLine> mended = {line};
        mended.front().text = RepairOrganisationEnds(line.text);
        mended.insert(mended.end(), lines.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                      lines.begin() + static_cast<std::ptrdiff_t>(std::min(lines.size(), i + 3)));
        if (!mended.front().text.empty()) name = NameBeforeCoverKind(mended, 0, true);
        repaired = !name.empty();
      }
      if (!name.empty()) add_name(name, line.text, repaired);
    }
    if (!named && line.title_page && !line.in_table) {
      // A cover that sets the name on a line of its own, the year and kind on
      // others ("长沙市信访局" / "2026 年部门预算公开"); counted as a title page
      // name only when the page also states a year and kind.
      std::string name = BareOrganisation(line.text);
      const std::string mended = name.empty() && ocr ? RepairOrganisationEnds(line.text) : "";
      if (!mended.empty()) name = BareOrganisation(mended);
      if (!name.empty()) {
        departments.push_back(Candidate{name, "title_page_name", kUnitLineWeight,
                                        Evidence(line.text), line.provenance});
      }
      if (!name.empty() && !mended.empty()) {
        repairs.push_back(RepairedName{departments.size() - 1, BareOrganisation(line.text, false),
                                       name, Evidence(line.text), line.provenance});
      }
    }

    // Years: a title-like line (short), where the year is the document's.
    // "关于北京市 2022 年预算执行情况和" / "2023 年预算的报告" and "关于苏州市
    // 2022 年" / "本级决算（草案）的报告": the kind or the budget year is on the
    // next line.
    std::string folded = FoldForMatching(line.text);
    const bool year_mended = ocr && MendSixReadFiftySix(folded);
    std::vector<YearKind> found = YearsOfTitle(folded);
    std::string evidence_text = line.text;
    static const RE2 kAnyYear(R"((?:19|20)\d{2})");
    if (found.empty() && RE2::PartialMatch(folded, kAnyYear)) {
      std::size_t next = i + 1;
      while (next < lines.size() && IsOcrNoiseLine(lines[next])) ++next;
      if (next < lines.size() && lines[next].provenance.page == line.provenance.page &&
          DecodeUtf8(lines[next].text).size() <= kMaxTitleCodePoints) {
        found = YearsOfTitle(folded + FoldForMatching(lines[next].text));
        evidence_text = line.text + " " + lines[next].text;
      }
    }
    if (found.empty()) {
      const std::string year = YearOfTableTitle(folded);
      if (!year.empty()) {
        years.push_back(
            Candidate{year, "table_title", kTableWeight, Evidence(line.text), line.provenance});
        year_kind_words.emplace_back();  // the title states no kind
        if (year_mended) mended_years.push_back(years.size() - 1);
      }
    }
    if (found.empty()) continue;
    std::string source = PlaceOf(line, false);
    if (source == "heading" && Contains(folded, "表")) source = "table_title";
    const int weight = source == "table_title" ? kTableWeight : Weight(source);
    // A report on 2024's final accounts and 2025's budget execution names
    // its own year first.
    years.push_back(
        Candidate{found.front().year, source, weight, Evidence(evidence_text), line.provenance});
    year_kind_words.push_back(found.front().kind_word);
    if (year_mended) mended_years.push_back(years.size() - 1);
  }

  // A bare cover name counts only when no title states the department.
  bool titled = false;
  for (const Candidate& candidate : departments) {
    titled = titled || candidate.source != "title_page_name";
  }
  std::vector<Candidate> kept;
  for (const Candidate& candidate : departments) {
    if (candidate.source != "title_page_name" || !titled) kept.push_back(candidate);
  }
  Choose(kept, true, metadata.department);
  PreferFullName(lines, metadata.department);
  ConfirmOcrDepartment(document, metadata.department);
  Choose(years, false, metadata.fiscal_year);

  // The kind is the one stated with the chosen year, at its weightiest place.
  int kind_weight = -1;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (years[i].value != metadata.fiscal_year.value || years[i].weight <= kind_weight ||
        year_kind_words[i].empty()) {
      continue;
    }
    kind_weight = years[i].weight;
    metadata.kind = year_kind_words[i] == "决算" ? DocKind::kFinalAccounts : DocKind::kBudget;
    metadata.doc_kind.value = std::string(DocKindName(metadata.kind));
    metadata.doc_kind.evidence = years[i].evidence;
    metadata.doc_kind.provenance = years[i].provenance;
  }
  if (metadata.kind == DocKind::kUnknown) FallBackOnKindWords(paragraphs, metadata);
  if (metadata.kind == DocKind::kUnknown) FallBackOnTableWords(document, metadata);
  if (metadata.fiscal_year.value.empty()) FallBackOnYearDu(paragraphs, metadata.fiscal_year);

  if (findings != nullptr) {
    // A value OCR gave only by a repair, or only from a doubtful reading, is reported; another
    // place that reads it as printed vouches for it.
    std::vector<std::size_t> repaired;
    for (const RepairedName& r : repairs) repaired.push_back(r.candidate);
    const Candidate* repaired_name = OnlyFrom(departments, metadata.department.value, repaired);
    const RepairedName* repair = nullptr;
    for (const RepairedName& r : repairs) {
      if (repaired_name != nullptr && &departments[r.candidate] == repaired_name) repair = &r;
    }
    if (repair != nullptr) {
      std::string changes;
      const std::vector<char32_t> read = DecodeUtf8(repair->read);
      const std::vector<char32_t> name = DecodeUtf8(repair->name);
      for (std::size_t k = 0; k < read.size() && k < name.size(); ++k) {
        if (read[k] == name[k]) continue;
        changes += (changes.empty() ? "" : ", ") + EncodeUtf8(read[k]) + " read for " +
                   EncodeUtf8(name[k]);
      }
      findings->push_back(MetadataFinding(
          "metadata.ocr_name_repaired",
          "OCR read the department as " + repair->read + " (\"" + repair->evidence +
              "\"), which ends in no organisation word; it is taken as " + repair->name + ": " +
              changes + " is a misread chi_sim makes of that shape, and no other place names it",
          repair->evidence, repair->provenance));
    }
    std::vector<std::size_t> gapped;
    for (std::size_t k = 0; k < departments.size(); ++k) {
      if (departments[k].gapped) gapped.push_back(k);
    }
    const Candidate* gap = OnlyFrom(departments, metadata.department.value, gapped);
    if (gap != nullptr) {
      findings->push_back(
          MetadataFinding("metadata.ocr_name_gap",
                          "the department is read as " + gap->value + " from an OCR'd line " +
                              "with a gap inside the name (\"" + gap->evidence + "\"), where " +
                              "the recogniser may have lost a character; no other place names it",
                          gap->evidence, gap->provenance));
    }
    const Candidate* mended = OnlyFrom(years, metadata.fiscal_year.value, mended_years);
    if (mended != nullptr) {
      findings->push_back(
          MetadataFinding("metadata.ocr_year_repaired",
                          "OCR read the year of \"" + mended->evidence +
                              "\" with a 56 where the fiscal year " + mended->value +
                              " has its last digit 6: chi_sim reads a large serif 6 as 56, and no "
                              "other place states the year",
                          mended->evidence, mended->provenance));
    }
    ReportUnreadMetadata(lines, metadata, *findings);
  }

  if (metadata.department.value.empty()) {
    metadata.department.missing_reason =
        "no 单位：/编制单位：/部门： line, no title naming the department before the year and no "
        "organisation name on the title page";
  }
  ClassifyDocument(lines, metadata);
  // A document of class other (a checklist, a notice, an evaluation report) is
  // neither a budget nor final accounts, whatever 预算 / 决算 words it quotes:
  // its doc kind is empty and its tables get no final./budget. prefix.
  if (metadata.doc_class == DocumentClass::kOther) {
    metadata.kind = DocKind::kUnknown;
    metadata.doc_kind = Attribute{};
    metadata.doc_kind.missing_reason =
        "document class other: neither a budget nor final accounts (" +
        metadata.document_class.evidence + ")";
  }
  return metadata;
}

}  // namespace disclose
