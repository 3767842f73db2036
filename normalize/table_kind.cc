#include "normalize/table_kind.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace disclose {
namespace {

std::string Key(std::string_view text) {
  return RemoveAllWhitespace(FoldForMatching(text));
}

bool Has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
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
  if (Has(key, "三公")) return "three_public";
  if (Has(key, "国有资产")) return "state_assets";
  if (Has(key, "上年结转结余") || Has(key, "上年结转和结余")) return "carryover";
  if (Has(key, "政府采购")) return "";
  if (Has(key, "机关运行经费")) return "";
  if (Has(key, "政府性基金")) return "gov_fund";
  if (Has(key, "国有资本经营")) return "state_capital";
  if (Has(key, "一般公共预算")) {
    if (Has(key, "基本支出")) return "general_budget_basic_expenditure";
    if (Has(key, "项目支出")) return "general_budget_project_expenditure";
    if (Has(key, "支出")) return "general_budget_expenditure";
    return "";
  }
  if (Has(key, "财政拨款")) {
    if (Has(key, "收入支出") || Has(key, "收支")) return "fiscal_appropriation_summary";
    return "";  // 财政拨款支出预算表, 财政拨款基本支出预算表: not standard
  }
  if (Has(key, "收入支出") || Has(key, "收支")) return "income_expenditure_summary";
  if (Has(key, "基本支出") || Has(key, "项目支出")) return "";
  if (Has(key, "收入决算表") || Has(key, "收入总体情况") || Has(key, "收入预算总表") ||
      Has(key, "收入预算表") || Has(key, "收入情况表")) {
    return "income";
  }
  if (Has(key, "支出决算表") || Has(key, "支出总体情况") || Has(key, "支出预算总表") ||
      Has(key, "支出情况表")) {
    return "expenditure";
  }
  return "";
}

bool IsDigitOrNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') ||
         std::u32string_view(U"一二三四五六七八九十〇零").find(c) != std::u32string_view::npos;
}

// "公开01表", "表一", "附表3", "公开10表:" and the like: a number, not a title.
bool IsNumberLine(const std::string& key) {
  std::vector<char32_t> cps = DecodeUtf8(key);
  std::size_t i = 0;
  auto skip = [&](std::u32string_view word) {
    if (cps.size() - i >= word.size() && std::u32string_view(cps.data() + i, word.size()) == word) {
      i += word.size();
      return true;
    }
    return false;
  };
  skip(U"公开");
  skip(U"附");
  skip(U"表");
  bool digits = false;
  while (i < cps.size() && IsDigitOrNumeral(cps[i])) {
    ++i;
    digits = true;
  }
  skip(U"表");
  while (i < cps.size() && (cps[i] == U':' || cps[i] == U'、' || cps[i] == U'.')) ++i;
  return digits && i == cps.size();
}

}  // namespace

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
  // "单位：X" names the unit; "单位“三公”经费…表" is a unit budget's title.
  const bool unit_label = StartsWith(key, "单位:") || StartsWith(key, "单位名称");
  if (unit_label || StartsWith(key, "金额单位") || StartsWith(key, "编制单位") ||
      StartsWith(key, "部门:") || StartsWith(key, "预算单位")) {
    return false;
  }
  if (IsNumberLine(key)) return false;
  return true;
}

UnitOfAmount ParseUnitDeclaration(std::string_view line) {
  const std::string key = Key(line);
  for (std::size_t at = key.find("单位"); at != std::string::npos; at = key.find("单位", at + 1)) {
    std::string_view rest = std::string_view(key).substr(at + std::string_view("单位").size());
    while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.remove_prefix(1);
    if (StartsWith(rest, "人民币")) rest.remove_prefix(std::string_view("人民币").size());
    if (StartsWith(rest, "万元")) return UnitOfAmount::kWanYuan;
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
