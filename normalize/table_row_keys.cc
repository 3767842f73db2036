// Row keys of the rows stage (table_stages.h): the canonical key a printed
// row name gives in a summary (income / expenditure sides) or a 三公 table.
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "normalize/classification.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

std::string IncomeKey(const std::string& name) {
  if (name.empty()) return "";
  // A label ending in 总计 is the grand total, whatever a scan glued before it: the words of a
  // header printed again over the row (分类)财政拨款算财政拨款总计, H24 s3w_0376_final, keyed
  // as 财政拨款 and the 总计 lost).
  if (EndsWith(name, "总计") && !EndsWith(name, "支出总计")) return "grand_total";
  if (Has(name, "本年收入合计") || name == "收入合计" || name == "本年收入小计" ||
      name == "当年收入小计" || name == "本年收入" || name == "当年收入") {
    return "total_current_year";
  }
  if (Has(name, "使用非财政拨款结余")) return "use_of_non_fiscal_balance";
  // 年初结转 alone too, as budgets shorten it (the sweep's national template, --templates).
  if (Has(name, "年初结转") || Has(name, "上年结转") || Has(name, "年初财政拨款结转")) {
    return "opening_carryover";
  }
  // Budget summaries split each fund line into the department's own revenue
  // (其中：一般财力) and the transfer from the level above (seed 004 表1).
  if (StartsWith(name, "上级") && Has(name, "转移支付")) {
    if (Has(name, "一般公共预算")) return "general_budget_upper_transfer";
    if (Has(name, "政府性基金")) return "gov_fund_upper_transfer";
    if (Has(name, "国有资本")) return "state_capital_upper_transfer";
  }
  if (name == "一般财力") return "general_budget_own_revenue";
  if (name == "政府性基金收入") return "gov_fund_own_revenue";
  if (name == "国有资本经营收入") return "state_capital_own_revenue";
  if (Has(name, "非财政拨款结转")) return "non_fiscal_carryover";
  if (Has(name, "一般公共预算")) return "general_budget_appropriation";
  if (Has(name, "政府性基金")) return "gov_fund_appropriation";
  if (Has(name, "国有资本经营")) return "state_capital_appropriation";
  if (Has(name, "上级补助收入")) return "upper_subsidy";
  if (Has(name, "附属单位上缴收入")) return "affiliated_remittance";
  if (Has(name, "事业单位经营收入") || Has(name, "经营收入")) return "operating";
  if (Has(name, "事业收入")) return "business";
  if (Has(name, "其他收入") || name == "其他资金") return "other";
  if (Has(name, "财政专户")) return "fiscal_special_account";
  if (Has(name, "单位资金")) return "unit_funds";
  if (Has(name, "财政拨款")) return "fiscal_appropriation";
  return "";
}

std::string ExpenditureKey(const std::string& name) {
  if (name.empty()) return "";
  if (EndsWith(name, "总计") && !EndsWith(name, "收入总计")) return "grand_total";
  if (Has(name, "本年支出合计") || name == "支出合计" || name == "本年支出小计" ||
      name == "当年支出小计" || name == "当年支出" || name == "本年支出") {
    return "total_current_year";
  }
  if (Has(name, "结余分配")) return "surplus_distribution";
  // 年终结转结余 (Beijing 预算01表 收支总表) and 结转下年 say the same.
  // 年末结转 alone too (a budget's 收支总表: 本年支出合计 / 年末结转 / 支出总计; the sweep's
  // national template, --templates, left it unkeyed and flagged).
  if (Has(name, "年末结转") || Has(name, "年末财政拨款结转") || Has(name, "年终结转") ||
      Has(name, "结转下年")) {
    return "closing_carryover";
  }
  if (std::optional<std::string> code = FunctionClassCode(name)) return *code;
  if (name == "基本支出") return "basic";
  if (name == "项目支出") return "project";
  // Jiangsu budgets print 支出用途 beside the classes: 基本 / 项目 / 预留机动经费.
  if (Has(name, "预留机动经费")) return "reserve";
  return "";
}

bool RunsIntoAnExpenditureClass(const std::string& name) {
  for (std::string_view end : {"收入", "拨款"}) {
    for (std::size_t at = name.find(end); at != std::string::npos; at = name.find(end, at + 1)) {
      const std::string income = name.substr(0, at + end.size());
      std::string rest = name.substr(at + end.size());
      // What the scan read between the labels (the income amount's digits, marks) is ASCII.
      std::size_t between = 0;
      while (between < rest.size() && static_cast<unsigned char>(rest[between]) < 0x80) ++between;
      rest = StripOrdinal(rest.substr(between));
      if (rest.empty() || IncomeKey(income).empty()) continue;
      if (FunctionClassCode(rest)) return true;
    }
  }
  return false;
}

bool IsCountRow(const std::string& name) {
  for (std::string_view word : {"(个)", "(人)", "(辆)", "(人次)", "(台)", "(次)", "团组数", "人数",
                                "保有量", "批次", "车辆数"}) {
    if (Has(name, word)) return true;
  }
  return false;
}

std::string ThreePublicKey(const std::string& name) {
  if (name.empty() || IsCountRow(name)) return "";
  if (Has(name, "机关运行经费")) return "org_running_cost";
  // Sub-items of 公务接待费 and of 机关运行经费 (seed 003 公开10).
  if (Has(name, "外事接待")) return "three_public.reception_foreign_affairs";
  if (Has(name, "国内接待")) return "three_public.reception_domestic";
  if (Has(name, "境)外接待") || Has(name, "境外接待")) return "three_public.reception_overseas";
  if (name == "行政单位") return "org_running_cost.administrative";
  if (Has(name, "参照公务员法管理")) return "org_running_cost.civil_service_managed";
  if (Has(name, "出国")) return "three_public.overseas";
  // A name of both purchase and upkeep is their total, its words misread or not (公务用车购轩及
  // 运行维护名 on a scan, H14 s3w_0217_final, keyed the upkeep's row twice).
  if (Has(name, "购置及运行") || Has(name, "购置和运行") ||
      (Has(name, "购") && (Has(name, "运行") || Has(name, "维护")))) {
    return "three_public.vehicle_total";
  }
  if (Has(name, "购置")) return "three_public.vehicle_purchase";
  if (Has(name, "运行维护") || Has(name, "运行费")) return "three_public.vehicle_operation";
  if (Has(name, "接待")) return "three_public.reception";
  // Jiangsu prints 会议费 and 培训费 beside the three (“三公”经费、会议费、培训费…表).
  if (name == "会议费") return "meeting";
  if (name == "培训费") return "training";
  if (Has(name, "合计")) return "three_public.total";
  // “三公”经费 as a column group; 一、“三公”经费支出 above 支出合计 is a heading.
  std::string bare;
  for (char32_t c : DecodeUtf8(name)) {
    if (IsCjkIdeograph(c)) AppendUtf8(bare, c);
  }
  if (bare == "三公经费") return "three_public.total";
  return "";
}

bool IsFunctionCodedKind(std::string_view kind) {
  return EndsWith(kind, ".income") || EndsWith(kind, ".expenditure") ||
         EndsWith(kind, ".general_budget_expenditure") || EndsWith(kind, ".gov_fund") ||
         EndsWith(kind, ".state_capital") || EndsWith(kind, ".general_budget_project_expenditure");
}

}  // namespace disclose
