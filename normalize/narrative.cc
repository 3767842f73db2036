#include "normalize/narrative.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/text.h"
#include "normalize/classification.h"
#include "normalize/narrative_amount.h"
#include "normalize/narrative_sentences.h"
#include "normalize/ocr_text.h"

namespace disclose {
namespace {

// The contract's narrative metrics, in output order.
enum class Metric {
  kTotalIncome,
  kTotalExpenditure,
  kFiscalIncome,
  kFiscalExpenditure,
  kBasic,
  kProject,
  kGeneralBudget,
  kGeneralBudgetBasic,
  kPersonnel,
  kPublic,
  kThreePublicTotal,
  kOverseas,
  kVehiclePurchase,
  kVehicleOperation,
  kVehicleTotal,
  kReception,
  kOrgRunningCost,
  kGovProcurement,
  // Extensions (docs/schema.md): the grand totals, carry-overs included, that
  // 收入支出决算总体情况说明 states ("收入支出总计2995.39万元").
  kGrandTotal,
  kFiscalGrandTotal,
  // Final accounts quote the year-start budget of the three public expenses
  // beside the result ("年初预算为0.95万元，支出决算为0.00万元").
  kThreePublicBudget,
  kCount,
  kNone = kCount,
};

struct MetricInfo {
  const char* key;
  const char* meaning;
  bool expected = true;  // a narrative.not_found finding when absent
};

constexpr std::array<MetricInfo, static_cast<int>(Metric::kCount)> kMetricInfo = {{
    {"total_income", "本年收入 (income of the year)"},
    {"total_expenditure", "本年支出 (expenditure of the year)"},
    {"fiscal_appropriation_income", "财政拨款收入"},
    {"fiscal_appropriation_expenditure", "财政拨款支出"},
    {"basic_expenditure", "基本支出 of the whole 本年支出"},
    {"project_expenditure", "项目支出 of the whole 本年支出"},
    {"general_budget_expenditure", "一般公共预算财政拨款支出"},
    {"general_budget_basic_expenditure", "一般公共预算财政拨款基本支出"},
    {"personnel_expenditure", "人员经费"},
    {"public_expenditure", "公用经费"},
    {"three_public.total", "“三公”经费 total"},
    {"three_public.overseas", "因公出国（境）费"},
    {"three_public.vehicle_purchase", "公务用车购置费"},
    {"three_public.vehicle_operation", "公务用车运行维护费"},
    {"three_public.vehicle_total", "公务用车购置及运行维护费"},
    {"three_public.reception", "公务接待费"},
    {"org_running_cost", "机关运行经费"},
    {"gov_procurement_total", "政府采购支出总额"},
    {"grand_total", "收入支出总计", false},
    {"fiscal_appropriation_grand_total", "财政拨款收入支出总计", false},
    {"three_public.total_budget", "“三公”经费年初预算 (final accounts)", false},
}};

bool Has(std::string_view text, std::string_view needle) {
  return Contains(text, needle);
}

bool HasAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (Contains(text, needle)) return true;
  }
  return false;
}

bool IsDigit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool IsSpace(char32_t c) {
  return IsUnicodeSpace(c) || c == U'\t';
}

// Ends a sentence: the sentence a figure came from is quoted in the output.
bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'\n' || c == U'；' || c == U';';
}

std::string Encode(const std::vector<char32_t>& cps, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end && i < cps.size(); ++i) AppendUtf8(out, cps[i]);
  return out;
}

// Scanning state carried from one paragraph to the next: a bare "基本支出"
// after "一般公共预算拨款合计 X 万元，其中：" belongs to the general budget.
struct Context {
  Metric parent = Metric::kNone;
};

struct Candidate {
  Metric metric = Metric::kNone;
  Figure figure;
  std::int64_t half_unit_fen = 0;
  int rank = 0;  // 0: body paragraph; 1: prose in a table cell (less authoritative)
};

class Scanner {
 public:
  Scanner(DocKind kind, std::string fiscal_year, std::vector<Finding>& findings)
      : kind_(kind), fiscal_year_(std::move(fiscal_year)), findings_(findings) {}

  void ResetContext() { context_.parent = Metric::kNone; }

  void Scan(std::string_view text, const Provenance& provenance, int rank,
            std::vector<Candidate>& out) {
    const std::vector<char32_t> cps = DecodeUtf8(text);
    const std::size_t n = cps.size();
    std::size_t sentence_start = 0;
    std::size_t clause_start = 0;
    Printed budget, final;  // the latest 年初预算为 / 决算为 amounts
    std::size_t sentence_end_for = static_cast<std::size_t>(-1);
    std::size_t sentence_end = 0;
    std::string subject;  // the last named amount in the sentence: what "决算为" refers to
    bool after_enumeration = false;  // "包括：" lists economic items, not metrics
    bool after_reason = false;  // "主要原因是 2023 年…0 万元" explains, it does not state
    // "检察（款）：2018年预算支出合计…", "（8）公务接待费（款）支出16万元": a sentence
    // about one 类/款/项 of a classification states that item's figures, not
    // the department's.
    bool item_scope = false;
    std::size_t i = 0;
    while (i < n) {
      const char32_t c = cps[i];
      if (IsSentenceEnd(c)) {
        sentence_start = i + 1;
        subject.clear();
        clause_start = i + 1;
        after_enumeration = false;
        after_reason = false;
        item_scope = false;
        ++i;
        continue;
      }
      if (c == U'，' || c == U'：' || c == U':' || c == U'、' || c == U'（' || c == U'(' ||
          (c == U',' && !(i > 0 && IsDigit(cps[i - 1]) && i + 1 < n && IsDigit(cps[i + 1])))) {
        if (c == U'：' || c == U':') {
          const std::string before = Encode(cps, clause_start, i);
          if (EndsWith(before, "包括") && !EndsWith(before, "不包括")) after_enumeration = true;
        }
        if (c != U'（' && c != U'(') clause_start = i + 1;
        ++i;
        continue;
      }
      if (!IsDigit(c) || (i > 0 && (IsDigit(cps[i - 1]) || cps[i - 1] == U'.'))) {
        if (c == U'包' && i + 1 < n && cps[i + 1] == U'括' && !(i > 0 && cps[i - 1] == U'不')) {
          after_enumeration = true;
        }
        if (c == U'原' && i + 1 < n && cps[i + 1] == U'因') after_reason = true;
        if ((c == U'）' || c == U')') && i > 0 &&
            (cps[i - 1] == U'款' || cps[i - 1] == U'类' || cps[i - 1] == U'项')) {
          item_scope = true;
        }
        if (c == U'决') CheckComparisonWord(cps, i, provenance, budget, final);
        if (c == U'类') CheckClassName(cps, i, provenance);
        ++i;
        continue;
      }
      // A number: digits, thousands separators between digits, one decimal point.
      std::size_t j = i;
      bool seen_point = false;
      while (j < n) {
        if (IsDigit(cps[j])) {
          ++j;
        } else if ((cps[j] == U',' || cps[j] == U'，') && j + 3 < n && IsDigit(cps[j + 1]) &&
                   IsDigit(cps[j + 2]) && IsDigit(cps[j + 3]) &&
                   (j + 4 >= n || !IsDigit(cps[j + 4]))) {
          j += 4;
        } else if ((cps[j] == U'.' || cps[j] == U'．') && !seen_point && j + 1 < n &&
                   IsDigit(cps[j + 1])) {
          seen_point = true;
          ++j;
        } else {
          break;
        }
      }
      const std::size_t number_end = j;
      std::size_t k = j;
      while (k < n && IsSpace(cps[k])) ++k;
      std::size_t unit_end = k;
      NarrativeUnit unit = NarrativeUnit::kUnknown;
      if (k + 1 < n && cps[k] == U'亿' && cps[k + 1] == U'元') {
        unit = NarrativeUnit::kYiYuan;
        unit_end = k + 2;
      } else if (k + 1 < n && cps[k] == U'万' && cps[k + 1] == U'元') {
        unit = NarrativeUnit::kWanYuan;
        unit_end = k + 2;
      } else if (k < n && cps[k] == U'元') {
        unit = NarrativeUnit::kYuan;
        unit_end = k + 1;
      } else if (k < n && cps[k] == U'万' && (k + 1 >= n || !IsCjkIdeograph(cps[k + 1]))) {
        // "印刷费 6.66 万、": 万 alone is 万元; "213.00万人" is a count.
        unit = NarrativeUnit::kWanYuan;
        unit_end = k + 1;
      }
      // A rate ("0.18万元/人", "370 元/年") or a threshold ("≥500万元") is not a figure.
      bool is_rate = unit_end < n && (cps[unit_end] == U'/' || cps[unit_end] == U'／');
      bool is_threshold =
          i > 0 && (cps[i - 1] == U'≥' || cps[i - 1] == U'≤' || cps[i - 1] == U'>' ||
                    cps[i - 1] == U'<' || cps[i - 1] == U'=' || cps[i - 1] == U'约');
      if (unit != NarrativeUnit::kUnknown && !is_rate && !is_threshold) {
        const std::string label =
            RemoveAllWhitespace(FoldForMatching(Encode(cps, clause_start, i)));
        Printed* slot = nullptr;
        if (EndsWith(label, "预算为") || EndsWith(label, "预算数为") || EndsWith(label, "预算数")) {
          slot = &budget;
        } else if (EndsWith(label, "决算为") || EndsWith(label, "决算数为") ||
                   EndsWith(label, "决算数")) {
          slot = &final;
        }
        if (slot != nullptr) {
          if (std::optional<NarrativeAmount> amount =
                  ParseNarrativeAmount(Encode(cps, i, unit_end))) {
            *slot =
                Printed{true, amount->fen, amount->half_unit_fen, Trim(Encode(cps, i, unit_end))};
          }
        }
      }
      if (unit != NarrativeUnit::kUnknown && !is_rate && !is_threshold && !after_enumeration &&
          !after_reason && !item_scope) {
        const std::string label_printed = Encode(cps, clause_start, i);
        Metric metric = Classify(label_printed);
        std::string row_name = label_printed;
        if (metric == Metric::kNone && !subject.empty() && IsBareResult(label_printed)) {
          // "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元": the
          // result belongs to the sentence's subject, without its budget words.
          metric = Classify(SubjectWithoutBudget(subject));
          row_name = SubjectWithoutBudget(subject) + label_printed;
        }
        if (!label_printed.empty() && !IsBareResult(label_printed)) subject = label_printed;
        if (metric != Metric::kNone) {
          const std::string printed = Encode(cps, i, unit_end);
          std::optional<NarrativeAmount> amount = ParseNarrativeAmount(printed);
          if (amount) {
            Candidate candidate;
            candidate.metric = metric;
            candidate.rank = rank;
            candidate.half_unit_fen = amount->half_unit_fen;
            Figure& figure = candidate.figure;
            figure.table_kind = "narrative";
            figure.row_code = kMetricInfo[static_cast<int>(metric)].key;
            figure.row_name = RowName(row_name);
            figure.column = "amount";
            figure.amount_fen = amount->fen;
            figure.printed_text = Trim(printed);
            figure.printed_unit = ToUnitOfAmount(amount->unit);
            // One forward scan per sentence keeps a long sentence linear.
            if (sentence_end_for != sentence_start || sentence_end < unit_end) {
              sentence_end_for = sentence_start;
              sentence_end = unit_end;
              while (sentence_end < n && !IsSentenceEnd(cps[sentence_end])) ++sentence_end;
              if (sentence_end < n && cps[sentence_end] != U'\n') ++sentence_end;
            }
            figure.sentence = Trim(CollapseWhitespace(Encode(cps, sentence_start, sentence_end)));
            figure.provenance = provenance;
            out.push_back(std::move(candidate));
          }
        }
      }
      // The next figure's label starts after this one ("本年收入 X，其中：...").
      if (unit != NarrativeUnit::kUnknown) clause_start = unit_end;
      i = std::max(number_end, unit != NarrativeUnit::kUnknown ? unit_end : number_end);
    }
  }

 private:
  // Maps the words before an amount to a metric, or kNone when the amount is
  // a comparison, another year's figure, a budget figure quoted in final
  // accounts, or simply not one of the contract's metrics.
  Metric Classify(std::string_view printed_label) {
    const std::string label = RemoveAllWhitespace(FoldForMatching(printed_label));
    if (label.empty()) return Metric::kNone;
    if (HasAny(label, {"增加", "减少", "增长", "下降", "上年", "相比", "比", "较", "持平", "差异",
                       "原因", "增减", "变动", "节约", "超支", "结转", "结余", "上缴", "调整"})) {
      return Metric::kNone;
    }
    if (kind_ == DocKind::kFinalAccounts && Has(label, "三公") &&
        HasAny(label, {"年初预算", "预算为", "预算数"}) &&
        !HasAny(label, {"决算", "全年", "调整", "出国", "公务用车", "接待"})) {
      return Metric::kThreePublicBudget;
    }
    if (kind_ == DocKind::kFinalAccounts &&
        HasAny(label, {"预算数", "年初", "全年预算", "预算为", "预算安排", "调整预算"})) {
      return Metric::kNone;
    }
    if (kind_ == DocKind::kBudget && HasAny(label, {"决算", "执行数"})) return Metric::kNone;
    if (!OnlyFiscalYear(label)) return Metric::kNone;
    if (HasAny(label, {"政府性基金", "国有资本"})) return Metric::kNone;

    if (Has(label, "因公出国")) return Metric::kOverseas;
    if (HasAny(label, {"公务用车购置及运行", "公务用车购置和运行", "公务用车购置及运维"})) {
      return Metric::kVehicleTotal;
    }
    if (Has(label, "公务用车购置")) return Metric::kVehiclePurchase;
    if (HasAny(label, {"公务用车运行", "公务用车运维"})) return Metric::kVehicleOperation;
    if (HasAny(label, {"公务接待费", "公务接待支出"}) &&
        !HasAny(label, {"国内公务接待", "外事接待", "外宾"})) {
      return Metric::kReception;
    }
    if (Has(label, "三公")) return Metric::kThreePublicTotal;
    if (Has(label, "机关运行经费")) return Metric::kOrgRunningCost;
    if (Has(label, "政府采购")) {
      if (HasAny(label, {"货物", "工程", "服务", "中小企业", "小微", "预留", "合同"})) {
        return Metric::kNone;
      }
      return Metric::kGovProcurement;
    }
    if (Has(label, "一般公共预算")) {
      // Only the whole: "一般公共预算拨款安排的会议费预算支出 X" is a part of it.
      std::string rest =
          label.substr(label.rfind("一般公共预算") + std::string_view("一般公共预算").size());
      bool trimmed = true;
      while (trimmed) {
        trimmed = false;
        for (std::string_view tail : {"为", "数", "预算", "决算", "总额", "共计"}) {
          if (rest.size() > tail.size() && EndsWith(rest, tail)) {
            rest.resize(rest.size() - tail.size());
            trimmed = true;
          }
        }
      }
      for (std::string_view whole : {"财政拨款基本支出", "拨款基本支出", "基本支出"}) {
        if (rest == whole) return SetParent(Metric::kGeneralBudgetBasic);
      }
      for (std::string_view whole :
           {"财政拨款支出", "拨款支出", "支出", "拨款合计", "财政拨款合计", "财政拨款支出合计"}) {
        if (rest == whole) return SetParent(Metric::kGeneralBudget);
      }
      return Metric::kNone;
    }
    // "收入支出总计" / "收、支总计" names both sides' grand total at once.
    if (HasAny(label, {"收入支出总计", "收支总计", "收、支总计", "收入支出预算总计", "收支总预算",
                       "收入、支出总计", "收入、支出预算总计"})) {
      return Has(label, "财政拨款") ? Metric::kFiscalGrandTotal : Metric::kGrandTotal;
    }
    if (Has(label, "财政拨款收入") && !Has(label, "总计")) return Metric::kFiscalIncome;
    if (Has(label, "财政拨款支出") && !Has(label, "总计")) return Metric::kFiscalExpenditure;
    if (Has(label, "人员经费")) return Metric::kPersonnel;
    if (Has(label, "公用经费")) return Metric::kPublic;
    // "财政拨款基本支出" is neither the department's nor the general budget's.
    if (HasAny(label, {"基本支出", "项目支出"}) && Has(label, "财政拨款")) return Metric::kNone;
    if (Has(label, "基本支出")) {
      if (context_.parent == Metric::kGeneralBudget ||
          context_.parent == Metric::kGeneralBudgetBasic) {
        return SetParent(Metric::kGeneralBudgetBasic);
      }
      return Metric::kBasic;
    }
    if (Has(label, "项目支出")) {
      if (context_.parent == Metric::kGeneralBudget ||
          context_.parent == Metric::kGeneralBudgetBasic) {
        return Metric::kNone;
      }
      return Metric::kProject;
    }
    if (Has(label, "财政拨款")) return Metric::kNone;
    // Source lines ("其他资金收入预算总计 80万元") are parts of the total, not it.
    if (HasAny(label, {"财政专户", "其他资金", "其他收入", "事业收入", "经营收入", "上级补助",
                       "附属单位", "单位资金", "资金收入", "上缴上级", "经营支出"})) {
      return Metric::kNone;
    }
    if (HasAny(label, {"本年收入", "收入预算", "总收入", "收入合计"}) && !Has(label, "收入总计")) {
      return Metric::kTotalIncome;
    }
    if (HasAny(label, {"本年支出", "支出预算", "总支出", "支出合计"}) && !Has(label, "支出总计")) {
      return SetParent(Metric::kTotalExpenditure);
    }
    return Metric::kNone;
  }

  bool IsBareResult(std::string_view printed_label) const {
    if (kind_ != DocKind::kFinalAccounts) return false;
    const std::string label = RemoveAllWhitespace(FoldForMatching(printed_label));
    for (std::string_view bare : {"支出决算为", "决算为", "决算数为", "支出决算", "决算数", "决算",
                                  "支出决算数为", "支出决算数"}) {
      if (label == bare) return true;
    }
    return false;
  }

  static std::string SubjectWithoutBudget(const std::string& subject) {
    std::size_t cut = subject.size();
    for (std::string_view word : {"年初预算", "全年预算", "预算数", "预算为"}) {
      cut = std::min(cut, subject.find(word));
    }
    return subject.substr(0, cut);
  }

  Metric SetParent(Metric metric) {
    context_.parent = metric;
    return metric;
  }

  // "2018年一般公共预算…" is this year's figure; "2017年…" is a comparison.
  bool OnlyFiscalYear(std::string_view label) const {
    if (fiscal_year_.empty()) return true;
    for (std::size_t p = 0; p + 4 <= label.size(); ++p) {
      bool four_digits = true;
      for (std::size_t q = p; q < p + 4; ++q) {
        if (label[q] < '0' || label[q] > '9') four_digits = false;
      }
      if (!four_digits) continue;
      if ((p > 0 && label[p - 1] >= '0' && label[p - 1] <= '9') ||
          (p + 4 < label.size() && label[p + 4] >= '0' && label[p + 4] <= '9')) {
        continue;
      }
      if (label.substr(p + 4, 3) != "年") continue;
      if (label.substr(p, 4) != fiscal_year_) return false;
    }
    return true;
  }

  // The phrase naming the figure, without the leading "其中" or "2019 年度".
  static std::string RowName(std::string_view printed_label) {
    std::string name = Trim(CollapseWhitespace(printed_label));
    for (std::string_view prefix : {"其中", "其中：", "其中:"}) {
      if (StartsWith(name, prefix)) name = Trim(name.substr(prefix.size()));
    }
    return name;
  }

  // A budget/final pair of one statement, for "决算数大于预算数".
  struct Printed {
    bool set = false;
    std::int64_t fen = 0;
    std::int64_t half_unit_fen = 0;
    std::string text;
  };

  // "年初预算为1560.05万元，支出决算为1511.89万元 … 决算数大于预算数" must agree
  // with the two figures it compares.
  void CheckComparisonWord(const std::vector<char32_t>& cps, std::size_t i,
                           const Provenance& provenance, Printed& budget, Printed& final) {
    static constexpr std::u32string_view kPhrases[] = {U"决算数大于预算数", U"决算数小于预算数",
                                                       U"决算数等于预算数", U"决算大于预算",
                                                       U"决算小于预算",     U"决算等于预算"};
    for (std::u32string_view phrase : kPhrases) {
      if (i + phrase.size() > cps.size()) continue;
      if (std::u32string_view(cps.data() + i, phrase.size()) != phrase) continue;
      if (!budget.set || !final.set) return;
      const std::int64_t tolerance = budget.half_unit_fen + final.half_unit_fen;
      const std::int64_t difference = final.fen - budget.fen;
      const char32_t word = phrase.find(U'大') != std::u32string_view::npos   ? U'大'
                            : phrase.find(U'小') != std::u32string_view::npos ? U'小'
                                                                              : U'等';
      const bool equal = difference >= -tolerance && difference <= tolerance;
      const bool holds = word == U'等'   ? equal
                         : word == U'大' ? difference > tolerance
                                         : difference < -tolerance;
      if (!holds) {
        Finding finding;
        finding.check = "narrative.comparison";
        finding.severity = Severity::kError;
        finding.expected_fen = budget.fen;
        finding.actual_fen = final.fen;
        finding.tolerance_fen = tolerance;
        std::string printed;
        for (char32_t c : phrase) AppendUtf8(printed, c);
        finding.printed_text = printed;
        finding.provenance = provenance;
        finding.message = "the narrative says \"" + printed + "\" but the budget is " +
                          budget.text + " and the final figure " + final.text +
                          (equal            ? ": equal within rounding"
                           : difference > 0 ? ": the final figure is larger"
                                            : ": the final figure is smaller");
        findings_.push_back(std::move(finding));
      }
      budget.set = false;
      final.set = false;
      return;
    }
  }

  // "11、医疗卫生与计划生育支出（210类）" in a 2026 budget: the class was renamed
  // 卫生健康支出 in 2019, and tables print the current name. `i` is at 类.
  void CheckClassName(const std::vector<char32_t>& cps, std::size_t i,
                      const Provenance& provenance) {
    if (i < 5 || !(cps[i - 4] == U'(' || cps[i - 4] == U'（')) return;
    std::string code;
    for (std::size_t k = i - 3; k < i; ++k) {
      if (cps[k] < U'0' || cps[k] > U'9') return;
      code.push_back(static_cast<char>(cps[k]));
    }
    std::size_t begin = i - 4;
    while (begin > 0 && IsCjkIdeograph(cps[begin - 1]) && i - 4 - (begin - 1) <= 24) --begin;
    const std::string name = Encode(cps, begin, i - 4);
    std::optional<std::string> by_name = FunctionClassCode(name);
    if (!by_name) return;
    const std::vector<std::string> known = KnownFunctionClassNames(code);
    std::string message;
    if (*by_name != code) {
      message = "the narrative names class " + code + " \"" + name + "\", the national name of " +
                *by_name;
    } else if (!known.empty() && FunctionClassCode(known.front()) == code &&
               RemoveAllWhitespace(name) != known.front() &&
               RemoveAllWhitespace(name) + "支出" != known.front() && fiscal_year_ >= "2020" &&
               fiscal_year_.size() == 4) {
      message = "the narrative names class " + code + " \"" + name + "\", a name retired before " +
                fiscal_year_ + "; the national name is " + known.front();
    } else {
      return;
    }
    Finding finding;
    finding.check = "code.name";
    finding.severity = Severity::kWarning;
    finding.message = std::move(message);
    finding.printed_text = name + Encode(cps, i - 4, i + 1);
    finding.provenance = provenance;
    findings_.push_back(std::move(finding));
  }

  DocKind kind_;
  std::string fiscal_year_;
  std::vector<Finding>& findings_;
  Context context_;
};

// Prose that a text export put in a table cell (a self-evaluation form's
// "(五) 严控“三公经费”支出情况 | 2022年“三公”经费支出总额6.25万元…").
bool IsProseCell(std::string_view text) {
  int ideographs = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (IsCjkIdeograph(c)) ++ideographs;
  }
  return ideographs >= 20 && Contains(text, "元") &&
         (Contains(text, "，") || Contains(text, "。") || Contains(text, ","));
}

// OCR sets "101, 673. 03万元" where the page prints 101,673.03万元.
std::string ReadableText(const std::string& text, const Provenance& provenance) {
  return provenance.origin == TextOrigin::kOcr ? CloseOcrNumberGaps(text) : text;
}

}  // namespace

std::vector<Figure> ExtractNarrativeFigures(const Document& document,
                                            const DocumentMetadata& metadata,
                                            std::vector<Finding>& findings) {
  Scanner scanner(metadata.kind, metadata.fiscal_year.value, findings);
  std::vector<Candidate> candidates;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      if (paragraph->role == ParagraphRole::kHeading) scanner.ResetContext();
      if (paragraph->role == ParagraphRole::kCaption) continue;
      const std::string text = ReadableText(paragraph->text, paragraph->provenance);
      scanner.Scan(text, paragraph->provenance, 0, candidates);
      CheckNarrativeSentences(text, paragraph->provenance, metadata, findings);
    }
  }
  for (const Block& block : document.blocks) {
    const Table* table = block.AsTable();
    if (table == nullptr) continue;
    for (const TableCell& cell : table->cells) {
      const std::string text = ReadableText(cell.text, cell.provenance);
      if (!IsProseCell(text)) continue;
      scanner.ResetContext();
      scanner.Scan(text, cell.provenance, 1, candidates);
      CheckNarrativeSentences(text, cell.provenance, metadata, findings);
    }
  }

  constexpr int kCount = static_cast<int>(Metric::kCount);
  std::array<int, kCount> chosen;
  chosen.fill(-1);
  for (int c = 0; c < static_cast<int>(candidates.size()); ++c) {
    int& best = chosen[static_cast<int>(candidates[c].metric)];
    if (best < 0 || candidates[c].rank < candidates[best].rank) best = c;
  }

  std::vector<Figure> figures;
  for (int m = 0; m < kCount; ++m) {
    const MetricInfo& info = kMetricInfo[m];
    if (chosen[m] < 0 && !info.expected) continue;
    if (chosen[m] < 0) {
      Finding finding;
      finding.check = "narrative.not_found";
      finding.severity = Severity::kInfo;
      finding.message =
          std::string("the narrative states no figure for ") + info.key + " (" + info.meaning + ")";
      findings.push_back(std::move(finding));
      continue;
    }
    const Candidate& best = candidates[chosen[m]];
    figures.push_back(best.figure);
    // A later statement of the same metric that disagrees beyond rounding.
    std::vector<std::int64_t> reported;
    for (int c = 0; c < static_cast<int>(candidates.size()); ++c) {
      const Candidate& other = candidates[c];
      if (c == chosen[m] || static_cast<int>(other.metric) != m) continue;
      const std::int64_t tolerance = best.half_unit_fen + other.half_unit_fen;
      if (std::llabs(other.figure.amount_fen - best.figure.amount_fen) <= tolerance) continue;
      bool seen = false;
      for (std::int64_t value : reported) seen = seen || value == other.figure.amount_fen;
      if (seen) continue;
      reported.push_back(other.figure.amount_fen);
      Finding finding;
      finding.check = "narrative.inconsistent";
      finding.severity = Severity::kWarning;
      finding.message = std::string("the narrative states ") + info.key + " twice: \"" +
                        best.figure.printed_text + "\" (used) and \"" + other.figure.printed_text +
                        "\" in \"" + other.figure.sentence + "\"";
      for (const Figure* f : {&best.figure, &other.figure}) {
        finding.figures.push_back(ReferenceTo(*f));
      }
      finding.expected_fen = best.figure.amount_fen;
      finding.actual_fen = other.figure.amount_fen;
      finding.tolerance_fen = tolerance;
      finding.printed_text = other.figure.printed_text;
      finding.provenance = other.figure.provenance;
      findings.push_back(std::move(finding));
    }
  }
  return figures;
}

}  // namespace disclose
