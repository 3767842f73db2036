// Stage 2 of the table pipeline (table_stages.h): a located table's kind,
// from all the evidence it carries. The title names the kind when it names
// one; the header (the columns it keys) and the body (the codes and lines its
// rows print) name a kind family of their own, which keys an untitled or
// unrecognised table and is checked against the title's.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/ocr_labels.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// What the columns or the rows of a table are, apart from its title.
enum class Family {
  kNone,
  kSummary,
  kIncome,
  kFunction,
  kEconomic,
  kThreePublic,
  kProcurement,
  kPerformanceTargets,
  kSelfEvaluation
};

std::string_view FamilyName(Family family) {
  switch (family) {
    case Family::kSummary: return "income and expenditure side by side";
    case Family::kIncome: return "income by source";
    case Family::kFunction: return "function classes";
    case Family::kEconomic: return "economic classes";
    case Family::kThreePublic: return "三公 items";
    case Family::kProcurement: return "procurement items";
    case Family::kPerformanceTargets: return "performance targets and indicators";
    case Family::kSelfEvaluation: return "performance indicators and scores";
    case Family::kNone: break;
  }
  return "";
}

// The family a canonical kind belongs to; kNone for kinds that name none.
Family FamilyOfKind(const std::string& kind) {
  const std::size_t dot = kind.find('.');
  const std::string base = dot == std::string::npos ? kind : kind.substr(dot + 1);
  if (base == "income_expenditure_summary" || base == "fiscal_appropriation_summary") {
    return Family::kSummary;
  }
  if (base == "general_budget_basic_expenditure" ||
      base == "fiscal_appropriation_basic_expenditure" ||
      base == "general_budget_expenditure_economic" ||
      base == "fiscal_appropriation_expenditure_economic") {
    return Family::kEconomic;
  }
  if (base == "expenditure" || base == "general_budget_expenditure" ||
      base == "fiscal_appropriation_expenditure" || base == "gov_fund" || base == "state_capital" ||
      base == "income") {
    return Family::kFunction;
  }
  if (base == "three_public") return Family::kThreePublic;
  if (base == "gov_procurement") return Family::kProcurement;
  if (kind == "performance.targets") return Family::kPerformanceTargets;
  if (kind == "performance.self_evaluation") return Family::kSelfEvaluation;
  return Family::kNone;
}

bool IsPerformance(Family family) {
  return family == Family::kPerformanceTargets || family == Family::kSelfEvaluation;
}

bool Compatible(Family title, Family evidence) {
  if (title == Family::kNone || evidence == Family::kNone) return true;
  // A performance table prints its funds under the columns of other tables (资金总额 | 基本支出
  // | 项目支出), and a self-evaluation its targets beside its scores.
  if (IsPerformance(title)) return true;
  // An income table is coded by function class in many provinces.
  if (title == Family::kFunction && evidence == Family::kIncome) return true;
  // A summary's expenditure side lists function classes in many provinces.
  if (title == Family::kSummary && evidence == Family::kFunction) return true;
  // A procurement list buys cars and the like: its rows name 三公 items.
  if (title == Family::kProcurement && evidence == Family::kThreePublic) return true;
  return title == evidence;
}

// An income table prints its sources as columns, never 基本支出 | 项目支出; both families are
// coded by function class, so only the header tells a number or a list's place naming an
// income table from the expenditure table it was given to (三、 read 一、 on a scan).
bool IncomeKindUnderExpenditureParts(const std::string& kind, Family header) {
  return header == Family::kFunction && EndsWith(kind, ".income");
}

// A summary's expenditure side lists function classes too, but as labels: no summary prints a
// code column (类 款 项, 科目编码). So a number or a list's place naming a summary does not fit
// a grid of code columns under 基本支出 | 项目支出 (二、 read 一、 on a scan).
bool SummaryKindOverCodeColumns(const std::string& kind, Family header_family,
                                const HeaderAnalysis& header) {
  return header_family == Family::kFunction && FamilyOfKind(kind) == Family::kSummary &&
         std::any_of(header.roles.begin(), header.roles.end(), IsCodeRole);
}

// Whether a body evidence text ("function codes 201 20101 2010101") lists a 款 or 项 code: rows
// coded below the 类, which no summary prints (its expenditure side names classes only). A
// number or a list's place naming a summary does not fit such a body (H22 s3w_0339_budget: 三、
// read 一、 over a 支出总表 whose codes are joined to their names, no code column).
bool SummaryKindOverSubclassCodes(const std::string& kind, std::string_view body_text) {
  constexpr std::string_view kPrefix = "function codes ";
  if (FamilyOfKind(kind) != Family::kSummary || !StartsWith(body_text, kPrefix)) return false;
  for (const std::string& code : SplitWords(body_text.substr(kPrefix.size()))) {
    if (code.size() == 5 || code.size() == 7) return true;
  }
  return false;
}

// Whether a kind a number or a list's place names is one the header rules out.
bool KindRuledOutByHeader(const std::string& kind, Family header_family,
                          const HeaderAnalysis& header) {
  return IncomeKindUnderExpenditureParts(kind, header_family) ||
         SummaryKindOverCodeColumns(kind, header_family, header);
}

// Whether the header's figure columns split 基本支出 into 人员经费 | 公用经费 and print no 基本支出
// or 项目支出 column: the basic-expenditure table's header, never the table of all expenditure.
bool SplitsBasicAlone(const HeaderAnalysis& header) {
  auto has = [&header](std::string_view key) {
    return std::find(header.keys.begin(), header.keys.end(), key) != header.keys.end();
  };
  return has("personnel") && has("public") && !has("basic") && !has("project");
}

// 类 of the expenditure function classification: 201 一般公共服务 … 235, 299.
bool IsFunctionClass(const std::string& code) {
  if (code.size() < 3 || !AllDigits(code)) return false;
  const int head = std::stoi(code.substr(0, 3));
  return (head >= 201 && head <= 235) || head == 299;
}

// 类 of the departmental economic classification (301 工资福利支出 … 399).
bool IsEconomicClass(const std::string& code) {
  if (code.size() < 3 || !AllDigits(code)) return false;
  const int head = std::stoi(code.substr(0, 3));
  return (head >= 301 && head <= 303) || head == 307 || (head >= 309 && head <= 313) || head == 399;
}

struct Reading {
  Family family = Family::kNone;
  std::string text;  // what was read, for the evidence record
  // A summary whose amounts are split by fund (一般公共预算财政拨款 and
  // 政府性基金预算财政拨款 columns): the fiscal appropriation summary's shape.
  bool by_fund = false;
};

// The family the figure columns' keys (leaves: "basic", "personnel") name: 人员经费 | 公用经费
// without 项目支出 the economic tables, 基本支出 | 项目支出 those by function class, a fund
// beside other income sources the income table; kNone otherwise.
Family FamilyOfFigureKeys(const std::set<std::string>& keys) {
  auto has = [&keys](std::string_view key) { return keys.count(std::string(key)) != 0; };
  if (has("personnel") && has("public") && !has("project")) return Family::kEconomic;
  if (has("basic") && has("project")) return Family::kFunction;
  if ((has("general_budget") || has("fiscal_appropriation")) &&
      (has("business") || has("operating") || has("upper_subsidy") || has("other"))) {
    return Family::kIncome;
  }
  return Family::kNone;
}

std::string LeafOfKey(const std::string& key) {
  const std::size_t dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// The header's columns: 本年收入 and 本年支出 sides, 人员经费 / 公用经费,
// 基本支出 / 项目支出, income sources.
Reading FromHeader(const Table& table, const HeaderAnalysis& header) {
  std::set<std::string> keys;
  for (const std::string& key : header.keys) {
    if (!key.empty()) keys.insert(LeafOfKey(key));
  }
  bool income_label = false;
  bool expenditure_label = false;
  // 采购品目 | 采购组织形式 label columns (政府采购预算表): a procurement list whatever its title
  // or number says; OCR may double the characters (采采购购品品目).
  int procurement_labels = 0;
  bool procurement_item = false;
  // 三公 items as columns (因公出国（境）费 | 公务用车购置及运行费 | 公务接待费): a columnar 三公
  // table whose title was lost (an OCR'd “三 read as 王).
  std::set<std::string> three_public_items;
  // 绩效目标 or 绩效指标 over the indicators' levels (一级指标 | 二级指标 | 三级指标 | 指标值): a
  // performance table whose title was lost; scores (得分, 分值) make it a self-evaluation.
  bool performance_word = false;
  std::set<std::string> indicator_words;
  bool score_word = false;
  // Both funds named in one header cell (一般公共预算政府性基金预算): the two words of the
  // fiscal summary's expenditure side set so close that they were read as one, the fund
  // column being empty (H11 s3w_0161_budget's scan), so no column is keyed gov_fund.
  bool funds_in_one_cell = false;
  for (int r = 0; r < header.header_rows; ++r) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(r, c));
      performance_word = performance_word || Has(key, "绩效目标") || Has(key, "绩效指标");
      for (std::string_view word : {"一级指标", "二级指标", "三级指标", "指标值"}) {
        if (Has(key, word)) indicator_words.insert(std::string(word));
      }
      score_word = score_word || Has(key, "得分") || Has(key, "分值") || Has(key, "自评");
      funds_in_one_cell = funds_in_one_cell || (Has(key, "一般公共预算") && Has(key, "政府性基金"));
      const std::string item = ThreePublicKey(key);
      if (StartsWith(item, "three_public.") && item != "three_public.total")
        three_public_items.insert(item);
      if (header.keys[static_cast<std::size_t>(c)].empty() && Has(key, "采购")) {
        ++procurement_labels;
        procurement_item = procurement_item || Has(key, "品目") || Has(key, "组织形式") ||
                           Has(key, "采购方式") || Has(key, "采购类别");
      }
      if (key == "收入" || key == "项目(收入)" || key == "收入项目" || key == "收入预算") {
        income_label = true;
      }
      if (key == "支出" || key == "项目(支出)" || key == "支出项目" || key == "支出预算" ||
          key == "支出功能分类") {
        expenditure_label = true;
      }
    }
  }
  Reading reading;
  std::vector<std::string> words;
  for (const std::string& path : header.paths) {
    if (!path.empty() && std::find(words.begin(), words.end(), path) == words.end() &&
        words.size() < 6) {
      words.push_back(path);
    }
  }
  for (const std::string& word : words) {
    if (!reading.text.empty()) reading.text += " | ";
    reading.text += word;
  }
  auto has = [&keys](std::string_view key) { return keys.count(std::string(key)) != 0; };
  if (performance_word && indicator_words.size() >= 2) {
    reading.family = score_word ? Family::kSelfEvaluation : Family::kPerformanceTargets;
  } else if (procurement_item || procurement_labels >= 2) {
    reading.family = Family::kProcurement;
  } else if (income_label && expenditure_label && SplitSegments(header.keys).size() >= 2) {
    reading.family = Family::kSummary;
    reading.by_fund = (has("general_budget") && has("gov_fund")) || funds_in_one_cell;
  } else if (const Family family = FamilyOfFigureKeys(keys); family != Family::kNone) {
    reading.family = family;
  } else if (three_public_items.size() >= 2) {
    reading.family = Family::kThreePublic;
  }
  return reading;
}

// A header printed as a paragraph above a grid that prints none of its own (a scan's header
// read apart from its rows, or left at the foot of the page before them): its figure words.
Reading FromHeaderAbove(const std::vector<std::string>& words) {
  std::set<std::string> keys;
  Reading reading;
  for (const std::string& word : words) {
    const std::string key = ColumnKeyForHeader({word});
    if (key.empty() || key == "-") continue;
    keys.insert(LeafOfKey(key));
    reading.text += (reading.text.empty() ? "" : " | ") + word;
  }
  reading.family = FamilyOfFigureKeys(keys);
  reading.text = "printed above the grid: " + reading.text;
  return reading;
}

// The body's rows: function codes (2xx, joined or split over 类 款 项),
// economic codes (3xx), 三公 items, 收入 and 支出 summary lines.
Reading FromBody(const Table& table, const HeaderAnalysis& header) {
  int function_codes = 0;
  int economic_codes = 0;
  std::set<std::string> three_public;
  bool income_total = false;
  bool expenditure_total = false;
  std::string first_codes;
  for (int r = header.header_rows; r < table.row_count; ++r) {
    for (int c = 0; c < table.column_count && c < 4; ++c) {
      // Label columns only: an amount column's integers are no codes.
      if (!header.keys[static_cast<std::size_t>(c)].empty()) continue;
      const std::string key = TableKey(table.TextAt(r, c));
      if (key.empty()) continue;
      const std::string& role = header.roles[static_cast<std::size_t>(c)];
      const std::string code = key.substr(0, LeadingAsciiDigits(key));
      if (role == "class" && IsFunctionClass(code)) {
        ++function_codes;
      } else if (IsClassCode(code)) {
        // Only codes of real classes: a figure in a label column is no code.
        if (IsFunctionClass(code)) {
          ++function_codes;
        } else if (IsEconomicClass(code) && code.size() <= 5) {
          ++economic_codes;
        } else {
          continue;
        }
      } else {
        const std::string name = StripOrdinal(key);
        // A row label, not a sentence of a text table that mentions 接待 or 出国.
        if (DecodeUtf8(name).size() > 20) continue;
        const std::string item = ThreePublicKey(name);
        if (StartsWith(item, "three_public.")) three_public.insert(item);
        income_total = income_total || name == "本年收入合计" || name == "收入总计";
        expenditure_total = expenditure_total || name == "本年支出合计" || name == "支出总计";
        continue;
      }
      if (first_codes.size() < 24) first_codes += (first_codes.empty() ? "" : " ") + code;
    }
  }
  Reading reading;
  if (income_total && expenditure_total) {
    reading.family = Family::kSummary;
    reading.text = "本年收入合计 / 本年支出合计";
  } else if (three_public.size() >= 2 && function_codes == 0 && economic_codes == 0) {
    // 三公 items are economic classes too (30212, 30217, 30231): only an
    // uncoded list of them is a 三公 table.
    reading.family = Family::kThreePublic;
    reading.text = "三公 items";
  } else if (economic_codes >= 2 && economic_codes > function_codes) {
    reading.family = Family::kEconomic;
    reading.text = "economic codes " + first_codes;
  } else if (function_codes >= 2 && function_codes > economic_codes) {
    reading.family = Family::kFunction;
    reading.text = "function codes " + first_codes;
  }
  return reading;
}

// The kind the header and body name together, for a table whose title names
// none; "" when they are not enough.
std::string KindFromEvidence(Family header, Family body, const IdentifyOptions& options) {
  if (header == Family::kPerformanceTargets) return "performance.targets";
  if (header == Family::kSelfEvaluation) return "performance.self_evaluation";
  std::string base;
  if (header == Family::kProcurement) {
    base = "gov_procurement";
  } else if (body == Family::kSummary || header == Family::kSummary) {
    base = "income_expenditure_summary";
  } else if (body == Family::kThreePublic ||
             (header == Family::kThreePublic && body != Family::kFunction &&
              body != Family::kEconomic)) {
    base = "three_public";
  } else if (body == Family::kEconomic && header == Family::kEconomic) {
    base = "general_budget_basic_expenditure";
  } else if (body == Family::kFunction && header == Family::kFunction) {
    base = "expenditure";
  } else if (body == Family::kFunction && header == Family::kIncome) {
    base = "income";
  }
  if (base.empty()) return "";
  return (options.doc_kind == DocKind::kBudget ? "budget." : "final.") + base;
}

std::string WithoutLatinLetters(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) out.push_back(c);
  }
  return out;
}

// An OCR'd title `read` (as printed, or without its Latin letters) whose fund name lost or
// misread characters (一般人4必 预算支出表; 一般公共蔬算基本支出表, H18 s3w_0281_budget) is
// classified with the fund name put back (WithMisreadFundNameRestored): taken when it names a
// kind and the title so far (`kind`) names none, or names another kind of the same family (基本
// 支出表 alone is the department's basic expenditure, the fund's table is the fund's). `kind`
// and `title_read` (which quotes the restored title after the `printed` one) are rewritten then.
void RestoreMisreadFundName(const std::string& read, const std::string& printed, DocKind doc_kind,
                            std::string& kind, std::string& title_read) {
  const std::optional<std::string> restored = WithMisreadFundNameRestored(read);
  if (!restored) return;
  const std::string restored_kind = ClassifyTableTitle(*restored, doc_kind);
  if (restored_kind == "other" || restored_kind == kind) return;
  if (kind != "other" && !Compatible(FamilyOfKind(kind), FamilyOfKind(restored_kind))) return;
  kind = restored_kind;
  title_read = printed + " (read with its fund name restored: " + *restored + ")";
}

// How a table.kind_disagreement message ends when the title's kind stands; IdentifyByContinuedBody
// rewrites the end when a continuation's rows overrule a scarred title.
constexpr std::string_view kKeptAsTitled = "; kept as titled";

// Whether a title prints the scar of a “三公” the scan lost: 经费 or the quotation marks that
// stood around the word, which no title of a table by function class prints.
bool PrintsScarOfLostThreePublic(std::string_view title) {
  return Has(title, "经费") || Has(title, "\"") || Has(title, "“") || Has(title, "”") ||
         Has(title, "＂");
}

std::string ScarNote(Family rows) {
  return " (its 三公 lost to the scan: it prints 经费 or the quotes around the word, and its "
         "rows name " +
         std::string(FamilyName(rows)) + ", so it names no kind)";
}

}  // namespace

IdentifiedTable IdentifyTable(LocatedTable located, const IdentifyOptions& options,
                              std::vector<Finding>& findings) {
  IdentifiedTable identified;
  const Table& table = *located.table;
  std::string title_kind =
      located.title.empty() ? "other" : ClassifyTableTitle(located.title, options.doc_kind);
  std::string title_read = located.title;
  if (title_kind == "other" && IsOcrGrid(table)) {
    // A title OCR read with Latin noise in it (一般公共 AAA / 预算支出表: a stamp or a rule
    // read as letters) is classified without the letters; no standard title has Latin in it.
    const std::string cleaned = WithoutLatinLetters(located.title);
    const std::string kind =
        cleaned == located.title ? "other" : ClassifyTableTitle(cleaned, options.doc_kind);
    if (kind != "other") {
      title_kind = kind;
      title_read = located.title + " (read without its Latin letters: " + cleaned + ")";
    } else if (const std::optional<std::string> restored = WithMisreadTableRestored(cleaned)) {
      // Its 表 misread (一般公共预算支出情况圾, H39 s3w_0613_budget).
      title_kind = ClassifyTableTitle(*restored, options.doc_kind);
      title_read = located.title + " (read with its 表 restored: " + *restored + ")";
    } else {
      RestoreMisreadFundName(cleaned, located.title, options.doc_kind, title_kind, title_read);
    }
  }
  // A title naming a kind without its misread fund name (一般公共蔬算基本支出表) too.
  if (title_kind != "other" && IsOcrGrid(table)) {
    RestoreMisreadFundName(located.title, located.title, options.doc_kind, title_kind, title_read);
  }
  const HeaderAnalysis header = AnalyzeHeader(table);
  Reading from_header = FromHeader(table, header);
  // A grid whose own header names nothing, under a header printed as a paragraph: that header
  // is the table's (H24 s3w_0372_budget: 本年支出合计 基本支出 项目支出 left at a page foot,
  // the grid on the next page took the income table's number, 三、 read 二、).
  if (from_header.family == Family::kNone && !located.header_above.empty()) {
    if (Reading above = FromHeaderAbove(located.header_above); above.family != Family::kNone) {
      from_header = std::move(above);
    }
  }
  const Reading from_body = FromBody(table, header);
  // A title OCR read with Latin noise in it lost words to the noise (“三公” read 4 一AN, s3w_0059:
  // 一般公共预算 4 一AN 经费支出表 reads as the general-budget table without it): where its
  // rows name another family, such a title names no kind; the rows and the header decide.
  if (title_kind != "other" && IsOcrGrid(table) && from_body.family != Family::kNone &&
      WithoutLatinLetters(located.title) != located.title &&
      !Compatible(FamilyOfKind(title_kind), from_body.family)) {
    title_read += " (read with Latin noise; its rows name " +
                  std::string(FamilyName(from_body.family)) + ", so it names no kind)";
    title_kind = "other";
  }
  // “三公” lost outright on a scan (一般公共预算"经费支出预算表, s3w_0087: the same class as the
  // Latin noise above, s3w_0059's 4 一AN 经费支出表): the rest reads as the general-budget table,
  // over an uncoded list of 三公 items, and the six figures went under the wrong kind with empty
  // row codes. The title keeps the scar of the lost word, 经费 or the quotation marks around it,
  // which no title of a table by function class prints; such a title over 三公 rows names no
  // kind. A title without that scar is kept as titled (with its disagreement finding).
  if (title_kind != "other" && IsOcrGrid(table) && from_body.family == Family::kThreePublic &&
      !Compatible(FamilyOfKind(title_kind), from_body.family) &&
      PrintsScarOfLostThreePublic(located.title)) {
    title_read += ScarNote(from_body.family);
    title_kind = "other";
  }
  // An OCR'd title of the plain summary over an expenditure split by fund (合计 |
  // 一般公共预算财政拨款 | 政府性基金…): the scan misread or lost the 财政拨款 of the fiscal
  // appropriation summary's title (财政拨坎收入支出决算总表, s3w_0066 and s3w_0074), whose
  // figures then went silently under the plain summary's kind. The plain summary prints one
  // amount per side, never columns by fund, so the header decides between the two summaries.
  const std::string plain_summary = "income_expenditure_summary";
  if (IsOcrGrid(table) && from_header.by_fund && EndsWith(title_kind, plain_summary)) {
    title_kind = title_kind.substr(0, title_kind.size() - plain_summary.size()) +
                 "fiscal_appropriation_summary";
    title_read += " (its header splits the expenditure by fund: the fiscal appropriation summary)";
  }
  // An OCR'd title of the economic-class table of all expenditure over a header whose figure
  // columns are 人员经费 | 公用经费 alone: the scan misread the 基本 of the basic-expenditure
  // table's title (一般公共预算支出支出经济分类情况表, H11 s3w_0164_budget), whose figures then
  // went silently under the other kind. The table of all expenditure splits 基本支出 | 项目支出;
  // 人员经费 | 公用经费 split 基本支出 alone, so the header decides between the two.
  const std::string all_economic = "_expenditure_economic";
  if (IsOcrGrid(table) && EndsWith(title_kind, all_economic) && SplitsBasicAlone(header)) {
    title_kind =
        title_kind.substr(0, title_kind.size() - all_economic.size()) + "_basic_expenditure";
    title_read +=
        " (its header splits 基本支出 alone, 人员经费 | 公用经费: the basic-expenditure table)";
  }
  if (!located.title.empty()) {
    identified.evidence.push_back(
        KindEvidence{"title", title_read, title_kind == "other" ? "" : title_kind});
  }
  // Income and expenditure side by side, the expenditure split by fund: the
  // fiscal appropriation summary, whichever summary lines the body prints (a
  // table printed with its number only, the number misread on a scan).
  auto fund_summary = [&](std::string kind) {
    const std::string plain = "income_expenditure_summary";
    if (from_header.by_fund && EndsWith(kind, plain)) {
      kind = kind.substr(0, kind.size() - plain.size()) + "fiscal_appropriation_summary";
    }
    return kind;
  };
  const std::string evidence_kind =
      fund_summary(KindFromEvidence(from_header.family, from_body.family, options));
  auto family_kind = [&](Family family) { return KindFromEvidence(family, family, options); };
  if (from_header.family != Family::kNone) {
    identified.evidence.push_back(
        KindEvidence{"header", from_header.text, fund_summary(family_kind(from_header.family))});
  }
  if (from_body.family != Family::kNone) {
    identified.evidence.push_back(
        KindEvidence{"body", from_body.text, family_kind(from_body.family)});
  }

  // The number read against the document's list of tables (or the default
  // numbering): the kind of the title listed under it.
  std::string number_kind = "other";
  const TableNumbering* numbering = options.numbering;
  if (numbering != nullptr && located.number) {
    const auto listed = numbering->titles.find(*located.number);
    if (listed != numbering->titles.end()) {
      number_kind = ClassifyTableTitle(listed->second, options.doc_kind);
      // The scan's list read the entry's fund name wrong (一般公共有预算支出表): as a title is.
      if (IsOcrGrid(table)) {
        std::string listed_read = listed->second;
        RestoreMisreadFundName(listed->second, listed->second, options.doc_kind, number_kind,
                               listed_read);
      }
      // The default numbering is said only where it is used: the title names none.
      if (numbering->printed || title_kind == "other") {
        identified.evidence.push_back(KindEvidence{
            "number",
            located.number_text +
                (numbering->printed ? " -> listed: " : " -> default numbering: ") + listed->second,
            number_kind == "other" ? "" : number_kind});
      }
    }
  }
  const Family number_family = FamilyOfKind(number_kind);
  const bool number_fits = number_kind != "other" &&
                           Compatible(number_family, from_header.family) &&
                           Compatible(number_family, from_body.family) &&
                           !KindRuledOutByHeader(number_kind, from_header.family, header) &&
                           !SummaryKindOverSubclassCodes(number_kind, from_body.text);

  if (title_kind != "other") {
    identified.kind = title_kind;
  } else if (numbering != nullptr && numbering->printed && number_fits) {
    identified.kind = number_kind;
  } else if (!evidence_kind.empty()) {
    identified.kind = evidence_kind;
  } else if (number_fits &&
             (from_header.family != Family::kNone || from_body.family != Family::kNone)) {
    // The default numbering only names a table whose columns or rows say
    // what family it is: publishers number their own sets.
    identified.kind = number_kind;
  } else {
    identified.kind = "other";
  }
  // The title names the kind; header or body naming another family is said.
  const Family title_family = FamilyOfKind(title_kind);
  const Reading* const readings[] = {&from_header, &from_body};
  for (const Reading* reading : readings) {
    if (Compatible(title_family, reading->family)) continue;
    AddTableFinding(findings, "table.kind_disagreement", Severity::kWarning,
                    "table '" + located.title + "' is titled as " + title_kind + " but its " +
                        (reading == &from_header ? "header" : "body") + " reads as " +
                        std::string(FamilyName(reading->family)) + " (" + reading->text + ")" +
                        std::string(kKeptAsTitled),
                    table.provenance, located.title);
    break;
  }
  // So is the document's own list giving the number another kind.
  if (numbering != nullptr && numbering->printed && title_kind != "other" &&
      number_kind != "other" && number_kind != title_kind) {
    AddTableFinding(findings, "table.kind_disagreement", Severity::kWarning,
                    "table '" + located.title + "' is titled as " + title_kind + " but the " +
                        "document's list of tables gives its number (" + located.number_text +
                        ") to '" + numbering->titles.at(*located.number) + "' (" + number_kind +
                        ")" + std::string(kKeptAsTitled),
                    table.provenance, located.title);
  }
  // A government's book prints the whole government's tables (一般公共预算支出决算表
  // of a city), a checklist or notice prints its own: the department kinds their
  // titles resemble would key them against a department's identities. The kind
  // the evidence names stays in the evidence; table.unclassified names the table.
  const bool department_tables = options.doc_class != DocumentClass::kGovernmentReport &&
                                 options.doc_class != DocumentClass::kOther;
  if (!department_tables &&
      (StartsWith(identified.kind, "budget.") || StartsWith(identified.kind, "final."))) {
    identified.evidence.push_back(
        KindEvidence{"document_class", std::string(DocumentClassName(options.doc_class)), ""});
    identified.kind = "other";
  }
  for (const TableCell& cell : table.cells) {
    if (IsEmptyNote(cell.text)) identified.printed_empty = true;
  }
  if (IsEmptyNote(located.note_after)) identified.printed_empty = true;
  identified.header = header;
  identified.located = std::move(located);
  return identified;
}

namespace {

// Whether `table`'s evidence allows the kind `kind` a list's entry names: its header and body fit
// it, no title names another kind, and (with `honor_number`) no number read that fits the table
// names another (that says the tables are not in the list's order). A document_class evidence
// allows nothing.
bool ListedKindFits(const StitchedTable& table, const std::string& kind, bool honor_number) {
  const Family family = FamilyOfKind(kind);
  Family header = Family::kNone;
  Family body = Family::kNone;
  std::string number_kind;
  std::string body_text;
  const HeaderAnalysis grid_header =
      table.parts.empty() ? HeaderAnalysis{} : table.parts.front().header;
  for (const KindEvidence& evidence : table.canonical.evidence) {
    if (evidence.source == "document_class") return false;
    // A title that names a kind decides its table: it must be the listed one.
    if (evidence.source == "title" && !evidence.kind.empty() && evidence.kind != kind) {
      return false;
    }
    if (evidence.source == "header") header = FamilyOfKind(evidence.kind);
    if (evidence.source == "body") {
      body = FamilyOfKind(evidence.kind);
      body_text = evidence.text;
    }
    if (evidence.source == "number") number_kind = evidence.kind;
  }
  if (!Compatible(family, header) || !Compatible(family, body) ||
      KindRuledOutByHeader(kind, header, grid_header) ||
      SummaryKindOverSubclassCodes(kind, body_text)) {
    return false;
  }
  if (honor_number && !number_kind.empty() && number_kind != kind &&
      Compatible(FamilyOfKind(number_kind), header) &&
      Compatible(FamilyOfKind(number_kind), body) &&
      !KindRuledOutByHeader(number_kind, header, grid_header) &&
      !SummaryKindOverSubclassCodes(number_kind, body_text)) {
    return false;
  }
  return true;
}

// The ways, up to two, to place every table, in order, on the list's entries it fits
// (ListedKindFits), and with one way the entry of each. Entries the document printed no grid for
// (an empty table printed as a note, a table the scan read as text) are skipped.
struct Placement {
  int ways = 0;
  std::vector<std::size_t> entry;
};
Placement PlaceInOrder(const std::vector<StitchedTable>& tables,
                       const std::vector<std::pair<int, std::string>>& entries,
                       bool honor_numbers) {
  // ways[i][j]: the number of ways, up to two, to place tables 0..i with table i at entry j.
  const std::size_t n = tables.size();
  const std::size_t m = entries.size();
  std::vector<std::vector<int>> ways(n, std::vector<int>(m, 0));
  for (std::size_t i = 0; i < n; ++i) {
    int before = i == 0 ? 1 : 0;  // ways to place tables 0..i-1 on entries before j
    for (std::size_t j = 0; j < m; ++j) {
      if (ListedKindFits(tables[i], entries[j].second, honor_numbers)) {
        ways[i][j] = std::min(before, 2);
      }
      if (i > 0) before = std::min(before + ways[i - 1][j], 2);
    }
  }
  Placement placement;
  for (std::size_t j = 0; j < m; ++j) placement.ways = std::min(placement.ways + ways[n - 1][j], 2);
  if (placement.ways != 1) return placement;
  placement.entry.resize(n);
  std::size_t limit = m;
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = limit; j-- > 0;) {
      if (ways[i][j] == 1) {
        placement.entry[i] = j;
        limit = j;
        break;
      }
    }
  }
  return placement;
}

// Whether any cell of the table's grid was read by OCR.
bool ReadByOcr(const StitchedTable& table) {
  return std::any_of(table.parts.begin(), table.parts.end(), [](const TablePart& part) {
    return part.table != nullptr && std::any_of(part.table->cells.begin(), part.table->cells.end(),
                                                [](const TableCell& cell) {
                                                  return cell.provenance.origin == TextOrigin::kOcr;
                                                });
  });
}

}  // namespace

void IdentifyByListOrder(std::vector<StitchedTable>& tables, const TableNumbering& numbering,
                         DocKind doc_kind) {
  if (!numbering.printed || tables.size() < 3 || tables.size() > numbering.titles.size()) return;
  // The list's entries in printed order, each with its kind; a title naming no kind makes the
  // list no evidence.
  std::vector<std::pair<int, std::string>> entries;
  for (const auto& [number, title] : numbering.titles) {
    const std::string kind = ClassifyTableTitle(title, doc_kind);
    if (kind == "other") return;
    entries.emplace_back(number, kind);
  }
  // Tables keep the list's order. Only one way to place every table fits: the order is
  // evidence; two are none. Where none fits with the numbers read, a scan may have misread one
  // (二、 read 一、 over the second of two expenditure tables, the first's number lost, H32
  // s3w_0507_final: both were read as the list's first): one way that fits the tables, all read
  // by OCR, without their numbers is the evidence.
  Placement placement = PlaceInOrder(tables, entries, /*honor_numbers=*/true);
  bool numbers_overruled = false;
  const bool scanned = std::all_of(tables.begin(), tables.end(), ReadByOcr);
  if (placement.ways == 0 && scanned) {
    placement = PlaceInOrder(tables, entries, /*honor_numbers=*/false);
    numbers_overruled = true;
  }
  if (placement.ways != 1) return;
  const std::size_t n = tables.size();
  const std::size_t m = entries.size();
  const std::vector<std::size_t>& placed = placement.entry;
  for (std::size_t i = 0; i < n; ++i) {
    CanonicalTable& table = tables[i].canonical;
    const auto& [number, kind] = entries[placed[i]];
    if (table.kind == kind) continue;
    // A grid whose header and body name nothing (a fragment OCR made of a
    // note) is not given a kind on its place alone.
    const bool named =
        std::any_of(table.evidence.begin(), table.evidence.end(), [](const KindEvidence& evidence) {
          return (evidence.source == "header" || evidence.source == "body") &&
                 !evidence.kind.empty();
        });
    if (!named) continue;
    table.kind = kind;
    table.evidence.push_back(
        KindEvidence{"order",
                     "table " + std::to_string(i + 1) + " of " + std::to_string(n) +
                         " in the order of the list of " + std::to_string(m) +
                         (numbers_overruled ? ", the numbers read against every order" : "") +
                         " -> listed: " + numbering.titles.at(number),
                     kind});
  }
}

void IdentifyByContinuedBody(std::vector<StitchedTable>& tables, const IdentifyOptions& options,
                             std::vector<Finding>& findings) {
  for (StitchedTable& table : tables) {
    CanonicalTable& canonical = table.canonical;
    // A continuation the stitch joined into the first part's grid (a header-only part on one
    // page and its rows on the next read as one grid, H s3w_0105) is one part that holds both:
    // the rows identification did not see are in it.
    const bool joined = table.parts.size() == 1 && canonical.source_blocks.size() > 1;
    if (table.parts.size() < 2 && !joined) continue;
    const TablePart& first = table.parts.front();
    // A title or a document class decided the kind; the rows on later pages do not overrule it.
    // Except a scanned title with the scar of a lost “三公” (一般公共预算公 经费支出预算表 over a
    // header-only part, its 三公 items on the next page, H51 s3w_0807_budget): IdentifyTable
    // reads such a title as naming no kind over 三公 rows, and the rows are on the continuation.
    const auto title = std::find_if(canonical.evidence.begin(), canonical.evidence.end(),
                                    [](const KindEvidence& evidence) {
                                      return evidence.source == "title" && !evidence.kind.empty();
                                    });
    const bool scarred = title != canonical.evidence.end() && IsOcrGrid(*first.table) &&
                         PrintsScarOfLostThreePublic(canonical.printed_title);
    if (canonical.kind != "other" && !scarred) continue;
    const bool decided = std::any_of(canonical.evidence.begin(), canonical.evidence.end(),
                                     [](const KindEvidence& evidence) {
                                       return evidence.source == "document_class";
                                     }) ||
                         (title != canonical.evidence.end() && !scarred);
    if (decided) continue;
    const Reading from_header = FromHeader(*first.table, first.header);
    // The first part's own rows named no family: identification read them (its evidence has
    // no body entry when it was joined).
    if (joined) {
      const bool body_read =
          std::any_of(canonical.evidence.begin(), canonical.evidence.end(),
                      [](const KindEvidence& evidence) { return evidence.source == "body"; });
      if (body_read) continue;
    } else if (FromBody(*first.table, first.header).family != Family::kNone) {
      continue;
    }
    // The later parts' rows, all naming one family (a part naming none, a page of
    // labels only, says nothing).
    Reading body;
    int page = 0;
    bool agree = true;
    for (std::size_t i = joined ? 0 : 1; i < table.parts.size(); ++i) {
      const Reading reading = FromBody(*table.parts[i].table, table.parts[i].header);
      if (reading.family == Family::kNone) continue;
      if (body.family == Family::kNone) {
        body = reading;
        const std::vector<int>& pages = joined ? canonical.pages : table.parts[i].table->pages;
        page = pages.empty() ? 0 : joined ? pages.back() : pages.front();
      } else if (reading.family != body.family) {
        agree = false;
      }
    }
    if (!agree || body.family == Family::kNone) continue;
    if (scarred && (body.family != Family::kThreePublic ||
                    Compatible(FamilyOfKind(title->kind), body.family))) {
      continue;
    }
    std::string kind = KindFromEvidence(from_header.family, body.family, options);
    if (kind.empty()) continue;
    const std::string plain = "income_expenditure_summary";
    if (from_header.by_fund && EndsWith(kind, plain)) {
      kind = kind.substr(0, kind.size() - plain.size()) + "fiscal_appropriation_summary";
    }
    // A number read that names another kind fitting the header stays the evidence that wins:
    // the table is left as it was. A number naming a kind the header rules out is a misread
    // one (三、 read 一、 on a scan, H s3w_0105: the summary's number over 本年支出合计 | 基本支出
    // | 项目支出 and class codes), as it is for a table read whole (number_fits).
    bool number_against = false;
    for (const KindEvidence& evidence : canonical.evidence) {
      if (evidence.source == "number" && !evidence.kind.empty() && evidence.kind != kind &&
          Compatible(FamilyOfKind(evidence.kind), body.family) &&
          Compatible(FamilyOfKind(evidence.kind), from_header.family) &&
          !KindRuledOutByHeader(evidence.kind, from_header.family, first.header)) {
        number_against = true;
      }
    }
    if (number_against) continue;
    const std::string continued =
        " (continued" + (page > 0 ? " on page " + std::to_string(page) : "") + ")";
    if (scarred) {
      title->text += ScarNote(body.family);
      title->kind.clear();
      // The disagreement IdentifyTable said it kept the title over now ends the other way.
      for (Finding& finding : findings) {
        if (finding.check == "table.kind_disagreement" &&
            finding.printed_text == canonical.printed_title &&
            EndsWith(finding.message, kKeptAsTitled)) {
          finding.message.erase(finding.message.size() - kKeptAsTitled.size());
          finding.message += "; read as " + kind +
                             ": its title lost 三公 to the scan and its rows" + continued +
                             " name " + std::string(FamilyName(body.family));
        }
      }
    }
    canonical.kind = kind;
    canonical.evidence.push_back(KindEvidence{"body", body.text + continued,
                                              KindFromEvidence(body.family, body.family, options)});
  }
}

void ReportDuplicateKinds(const std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings) {
  auto ocr_figures = [](const CanonicalTable& table) {
    for (const CanonicalRow& row : table.rows) {
      for (const Figure& figure : row.values) {
        if (figure.provenance.origin == TextOrigin::kOcr) return true;
      }
    }
    return false;
  };
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const CanonicalTable& table = tables[t];
    if (!StartsWith(table.kind, "budget.") && !StartsWith(table.kind, "final.")) continue;
    if (TitledAsItsKind(table)) continue;
    const bool ocr = ocr_figures(table);
    // A text layer prints its titles as typed: an untitled table of an earlier table's kind
    // right after it is that table's part the stitch left apart, its figures keyed right. One
    // after a table of another kind is a part of that table read by its header and body alone
    // (a 一般公共预算支出表 cut by a page break and its title lost, read as 支出表:
    // s27w_0043_budget's layout text), or a kind whose title was lost.
    if (!ocr && (t == 0 || tables[t - 1].kind == table.kind)) continue;
    std::size_t other = tables.size();
    for (std::size_t u = 0; u < tables.size() && other == tables.size(); ++u) {
      if (u != t && tables[u].kind == table.kind) other = u;
    }
    if (other == tables.size()) continue;
    TableKindDoubt doubt = DescribeTableKindDoubt(table);
    if (doubt.figures.empty()) continue;
    const std::string other_name = tables[other].printed_title.empty()
                                       ? "another untitled table"
                                       : "table '" + tables[other].printed_title + "'";
    const std::string why =
        ocr ? "one of them is probably another kind whose title or number the scan misread"
            : "it is probably a part of the table before it (" + tables[t - 1].kind +
                  ") that a page break cut from its title, or another kind whose title was lost";
    AddTableFinding(findings, "table.kind_duplicate", Severity::kWarning,
                    doubt.name + " is read as " + table.kind + doubt.sources + ", as " +
                        other_name + " is; a department prints each standard table once, so " +
                        why + "; its amounts:" + doubt.quoted,
                    doubt.provenance, table.printed_title);
    findings.back().figures = std::move(doubt.figures);
  }
}

}  // namespace disclose
