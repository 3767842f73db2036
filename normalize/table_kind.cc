#include "normalize/table_kind.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/table_number.h"
#include "core/text.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

std::string Key(std::string_view text) {
  return RemoveAllWhitespace(FoldForMatching(text));
}

// Removes every occurrence of `needle`.
std::string Erase(std::string text, std::string_view needle) {
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) {
    text.erase(at, needle.size());
  }
  return text;
}

// 决算 / 预算 as the document kind a title names, ignoring the fund names
// (一般公共预算, 政府性基金预算, 国有资本经营预算) and 年初预算数 columns.
DocKind TitleDocKind(const std::string& key) {
  if (Has(key, "决算")) return DocKind::kFinalAccounts;
  std::string rest = key;
  for (std::string_view fund : {"一般公共预算", "政府性基金预算", "国有资本经营预算"}) {
    rest = Erase(rest, fund);
  }
  if (Has(rest, "预算")) return DocKind::kBudget;
  // 部门收支总体情况表 / …支出情况表 are budget titles; final accounts say 决算.
  if (Has(key, "总体情况")) return DocKind::kBudget;
  return DocKind::kUnknown;
}

// The kind without its final./budget. prefix; "" for other.
std::string BaseKind(const std::string& key) {
  if (Has(key, "绩效")) {
    if (Has(key, "自评") || Has(key, "评价")) return "performance.self_evaluation";
    return "performance.targets";
  }
  // Funds in the finance bureau's special account (财政专户管理资金收入预算表) are one source of
  // the department's money, not the department's whole income or its summary: no standard kind.
  if (Has(key, "财政专户")) return "";
  if (Has(key, "三公")) return "three_public";
  if (Has(key, "国有资产")) return "state_assets";
  if (Has(key, "上年结转结余") || Has(key, "上年结转和结余") || Has(key, "上年结转资金")) {
    return "carryover";
  }
  if (Has(key, "政府采购")) return "gov_procurement";
  if (Has(key, "政府购买服务")) return "gov_purchase_services";
  if (Has(key, "机关运行经费")) return "org_running_cost";
  if (Has(key, "政府性基金")) return "gov_fund";
  if (Has(key, "国有资本经营")) return "state_capital";
  // 按经济分类 / 按部门预算经济分类 / （经济科目）: the same money by economic class.
  const bool economic = Has(key, "经济分类") || Has(key, "经济科目");
  // 公共预算 is only ever the tail of 一般公共预算: an OCR'd title whose 一般 was read apart
  // ("一般4" / "公共预算财政拨款支出决算表", two fragments of one line) still names the fund.
  if (Has(key, "公共预算")) {
    if (Has(key, "基本支出")) return "general_budget_basic_expenditure";
    if (Has(key, "项目支出")) return "general_budget_project_expenditure";
    if (Has(key, "支出")) {
      return economic ? "general_budget_expenditure_economic" : "general_budget_expenditure";
    }
    return "";
  }
  if (Has(key, "财政拨款")) {
    if (Has(key, "收入支出") || Has(key, "收支") ||
        (Has(key, "总表") && !Has(key, "收入") && !Has(key, "支出"))) {
      return "fiscal_appropriation_summary";
    }
    if (Has(key, "基本支出")) return "fiscal_appropriation_basic_expenditure";
    if (Has(key, "项目支出")) return "project_expenditure";
    if (Has(key, "支出")) {
      return economic ? "fiscal_appropriation_expenditure_economic"
                      : "fiscal_appropriation_expenditure";
    }
    return "";
  }
  if (Has(key, "收入支出") || Has(key, "收支")) return "income_expenditure_summary";
  if (Has(key, "项目支出") && !Has(key, "基本支出")) return "project_expenditure";
  // 基本支出预算情况表 (Yantai 公开表 6): basic expenditure of all funds by
  // economic class, beside the 一般公共预算 / 财政拨款 ones matched above.
  if (Has(key, "基本支出") && !Has(key, "项目支出")) return "basic_expenditure";
  if (Has(key, "基本支出") || Has(key, "项目支出")) return "";
  if (Has(key, "收入决算表") || Has(key, "收入总体情况") || Has(key, "收入预算总表") ||
      Has(key, "收入预算表") || Has(key, "收入情况表") || Has(key, "收入总表")) {
    return "income";
  }
  // 支出预算表 names the department's whole expenditure unless a cost item precedes it
  // (“三公”经费、会议费、培训费支出预算表, its 三 misread: the header says which table).
  if (Has(key, "支出决算表") || Has(key, "支出总体情况") || Has(key, "支出预算总表") ||
      Has(key, "支出情况表") || Has(key, "支出总表") ||
      (Has(key, "支出预算表") && !Has(key, "费")) || Has(key, "支出决算明细表")) {
    return "expenditure";
  }
  return "";
}

bool IsDigitOrNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十〇零").find(c) != std::u32string_view::npos;
}

// The length in bytes of a table number at the start of `key` ("公开01表",
// "表一", "附表3", "预算01表", "表二(之三)", "公开10表:"); 0 when there is none.
std::size_t NumberPrefixBytes(const std::string& key) {
  const std::vector<char32_t> cps = DecodeUtf8(key);
  const std::optional<TableNumberPrefix> prefix =
      ParseTableNumberPrefix(std::u32string_view(cps.data(), cps.size()));
  if (!prefix) return 0;
  return EncodeUtf8(
             std::vector<char32_t>(cps.begin(), cps.begin() + static_cast<long>(prefix->end)))
      .size();
}

// What a line says besides its table number and the unit / department labels
// printed after it on the same line ("公开01表 部门：… 金额单位：万元").
std::string TitlePart(const std::string& key) {
  std::string rest = key.substr(NumberPrefixBytes(key));
  for (std::string_view label :
       {"金额单位", "单位:", "部门:", "编制单位", "编制部门", "单位名称"}) {
    const std::size_t at = rest.find(label);
    if (at != std::string::npos) rest.resize(at);
  }
  return rest;
}

// 第二部分 / 第三章: a section heading of the document, not a table title
// ("第二部分 2023年度部门决算表" heads all of them).
bool IsSectionHeading(const std::string& key) {
  const std::vector<char32_t> cps = DecodeUtf8(key);
  if (cps.size() < 3 || cps[0] != U'第') return false;
  std::size_t i = 1;
  while (i < cps.size() && IsDigitOrNumeral(cps[i])) ++i;
  return i > 1 && i < cps.size() &&
         std::u32string_view(U"部章节篇").find(cps[i]) != std::u32string_view::npos;
}

// Labels printed beside a title (编制单位：…, 部门：…, 金额单位：…).
bool IsLabelLine(const std::string& key) {
  return StartsWith(key, "单位:") || StartsWith(key, "单位名称") || StartsWith(key, "金额单位") ||
         StartsWith(key, "编制单位") || StartsWith(key, "编制部门") || StartsWith(key, "部门:") ||
         StartsWith(key, "部门名称") || StartsWith(key, "预算单位") || StartsWith(key, "填报单位");
}

// A table number alone: 公开01表, 附表1, 表 2, 预算01表, 一、 (a bare 1 is a
// 栏次 or row number, not a table number).
bool IsNumberLine(const std::string& key) {
  const std::size_t bytes = NumberPrefixBytes(key);
  return bytes != 0 && bytes == key.size() && (Has(key, "表") || EndsWith(key, "、"));
}

// A date or year line: 2024年12月31日, (2024年度).
bool IsDateLine(const std::string& key) {
  std::size_t digits = 0;
  for (char c : key) digits += c >= '0' && c <= '9';
  if (digits < 4 || !Has(key, "年")) return false;
  for (char32_t cp : DecodeUtf8(key)) {
    if (!(cp >= U'0' && cp <= U'9') &&
        std::u32string_view(U"年月日度()-./").find(cp) == std::u32string_view::npos) {
      return false;
    }
  }
  return true;
}

// A department's own name (…局, …委员会, …中心): on a line of its own above a
// title it is a heading, not the title's first half.
bool EndsWithOrganisation(const std::string& key) {
  for (std::string_view suffix : {"局", "厅", "委员会", "委", "院", "办公室", "中心", "政府", "署",
                                  "馆", "所", "站", "队", "处", "学校", "协会", "联合会", "公司"}) {
    if (EndsWith(key, suffix)) return true;
  }
  return false;
}

}  // namespace

bool IsTitleFragmentLine(std::string_view line) {
  const std::string key = Key(line);
  if (key.empty() || DecodeUtf8(key).size() > 30) return false;
  if (IsTableTitleLine(line) || IsNumberLine(key) || IsLabelLine(key) || IsDateLine(key) ||
      IsSectionHeading(key) || ParseUnitDeclaration(line) != UnitOfAmount::kUnknown) {
    return false;
  }
  if (StartsWith(key, "注") || StartsWith(key, "备注") || EndsWithOrganisation(key)) return false;
  // A bracketed aside ("（无政府性基金支出）" under the table before) heads no title.
  if (StartsWith(key, "(") || StartsWith(key, "[")) return false;
  // A sentence or a label, not half a title.
  for (std::string_view mark : {"。", ",", ";", ":", "!", "?"}) {
    if (Has(key, mark)) return false;
  }
  // A row read as a line of text (2210203购房补贴 917.29 869.46 47.83 under its repeated
  // header, s16w_0049_budget): taken for the first half of the next table's title, its amounts
  // went into a title and were lost.
  const std::vector<std::string> words = SplitWords(line);
  if (std::any_of(words.begin(), words.end(),
                  [](const std::string& word) { return IsPrintedMoney(word); })) {
    return false;
  }
  // An ordinal heading with no title words after it (一、).
  if (TitlePart(key).empty()) return false;
  // Digits alone (a page number, a 栏次 cell).
  return !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsSectionHeadingLine(std::string_view line) {
  return IsSectionHeading(Key(line));
}

bool IsTableNumberOnlyLine(std::string_view line) {
  const std::string key = Key(line);
  return IsNumberLine(key) && Has(key, "表");
}

bool IsCaptionLine(std::string_view line) {
  const std::string key = Key(line);
  if (key.empty()) return false;
  return IsTableTitleLine(line) || IsNumberLine(key) || IsLabelLine(key) || IsDateLine(key) ||
         ParseUnitDeclaration(line) != UnitOfAmount::kUnknown;
}

std::string ClassifyTableTitle(std::string_view title, DocKind doc_kind) {
  const std::string key = Key(title);
  std::string base = BaseKind(key);
  if (base.empty()) return "other";
  if (StartsWith(base, "performance.")) return base;
  DocKind kind = doc_kind;
  if (kind == DocKind::kUnknown) kind = TitleDocKind(key);
  if (kind == DocKind::kUnknown) kind = DocKind::kFinalAccounts;
  return (kind == DocKind::kBudget ? "budget." : "final.") + base;
}

bool IsTableTitleLine(std::string_view line) {
  const std::string key = Key(line);
  if (key.empty() || !Has(key, "表")) return false;
  if (DecodeUtf8(key).size() > 60) return false;
  if (StartsWith(key, "注") || Has(key, "本表") || Has(key, "空表") || Has(key, "。")) return false;
  if (IsSectionHeading(key)) return false;
  // "单位：X" names the unit; "单位“三公”经费…表" is a unit budget's title.
  const bool unit_label = StartsWith(key, "单位:") || StartsWith(key, "单位名称");
  if (unit_label || StartsWith(key, "金额单位") || StartsWith(key, "编制单位") ||
      StartsWith(key, "部门:") || StartsWith(key, "预算单位")) {
    return false;
  }
  // A number line (公开01表, 表十 单位：万元) names no table; the title is elsewhere.
  return Has(TitlePart(key), "表");
}

UnitOfAmount ParseUnitDeclaration(std::string_view line) {
  const std::string key = Key(line);
  for (std::size_t at = key.find("单位"); at != std::string::npos; at = key.find("单位", at + 1)) {
    std::string_view rest = std::string_view(key).substr(at + std::string_view("单位").size());
    // The colon as printed, or as OCR reads it off a scan (单位;万元, 单位，元 folds to 单位,元).
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ' || rest.front() == ';' ||
                             rest.front() == ',' || rest.front() == '.')) {
      rest.remove_prefix(1);
    }
    if (StartsWith(rest, "人民币")) rest.remove_prefix(std::string_view("人民币").size());
    if (StartsWith(rest, "万元")) return UnitOfAmount::kWanYuan;
    // 万 misread as 方 or 力 before 元 (单位，方元 on an OCR'd scan): no unit is spelt so.
    if (StartsWith(rest, "方元") || StartsWith(rest, "力元")) return UnitOfAmount::kWanYuan;
    // "单位：万" with 元 wrapped away, even onto the end of the next printed
    // line ("单位：万部门名称：江苏省高级人民法院 元", js_highcourt_2019 p14):
    // 万 alone names no other unit.
    if (StartsWith(rest, "万")) return UnitOfAmount::kWanYuan;
    if (StartsWith(rest, "元")) return UnitOfAmount::kYuan;
  }
  if (key == "万元" || key == "(万元)") return UnitOfAmount::kWanYuan;
  if (key == "元" || key == "(元)") return UnitOfAmount::kYuan;
  return UnitOfAmount::kUnknown;
}

}  // namespace disclose
