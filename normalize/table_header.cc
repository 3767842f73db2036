// Stage 4 of the table pipeline (table_stages.h), for one grid: which rows are
// header, what each column's header path says, and the column key it gives.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"

namespace disclose {
namespace {

bool IsLabelHeader(const std::string& key) {
  static const std::vector<std::string_view> kExact = {"类",
                                                       "款",
                                                       "项",
                                                       "项目",
                                                       "科目名称",
                                                       "科目编码",
                                                       "行次",
                                                       "栏次",
                                                       "编码",
                                                       "科目",
                                                       "收入",
                                                       "支出",
                                                       "单位名称",
                                                       "项目名称",
                                                       "部门",
                                                       "单位",
                                                       "功能分类科目",
                                                       "经济分类科目",
                                                       "支出功能分类科目",
                                                       "支出经济分类科目",
                                                       "序号"};
  for (std::string_view exact : kExact) {
    if (key == exact) return true;
  }
  if (Has(key, "编码") || Has(key, "代码") || Has(key, "行次") || Has(key, "栏次") ||
      EndsWith(key, "名称"))
    return true;
  if (StartsWith(key, "项目(") || StartsWith(key, "科目(")) return true;
  if (EndsWith(key, "分类科目") || EndsWith(key, "分类")) return true;
  // 科目编码 and 科目名称 read as one cell, each wrapped in its narrow column (科目编 / 码 beside
  // 科目名 / 称 gives 科目编科目名码称): nothing but the two words' characters, no amount's word.
  if (Has(key, "科目")) {
    const std::u32string_view label_chars = U"科目编码代名称";
    const std::vector<char32_t> chars = DecodeUtf8(key);
    if (std::all_of(chars.begin(), chars.end(),
                    [&](char32_t c) { return label_chars.find(c) != std::u32string_view::npos; })) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsTotalWord(const std::string& key) {
  return key == "合计" || key == "小计" || key == "总计" || key == "本年支出合计" ||
         key == "本年收入合计" || key == "支出合计" || key == "收入合计";
}

bool IsMisreadTotalWord(std::string_view key) {
  const std::vector<char32_t> chars = DecodeUtf8(key);
  if (chars.size() != 2 || !IsCjkIdeograph(chars[0])) return false;
  const bool total_first = chars[0] == U'合' || chars[0] == U'总';
  // 计 read as a mark (合;, H46 s3w_0731_final): no digit or letter, no ideograph.
  if (total_first &&
      std::u32string_view(U";；:：,，.。、'`").find(chars[1]) != std::u32string_view::npos) {
    return true;
  }
  if (!IsCjkIdeograph(chars[1])) return false;
  return total_first != (chars[1] == U'计');
}

namespace {

// Group headers that prefix their sub-columns.
std::string GroupPrefix(const std::string& key) {
  if (key == "年初结转和结余" || key == "年初结转结余") return "opening.";
  if (key == "本年收入") return "income.";
  if (key == "本年支出") return "expenditure.";
  if (key == "年末结转和结余" || key == "年末结转结余") return "closing.";
  // 上年结转结余情况明细表 (seed 004 表11): the same split under each source.
  if (key == "财政拨款") return "fiscal_appropriation.";
  if (key == "非财政拨款") return "non_fiscal.";
  return "";
}

// A header naming the difference between two figures: 增减额, 增减(%),
// 比上年增长, 2026年预算数比2025年执行数 (a central department's 一般公共预算支出表).
bool IsChangeHeader(const std::string& key) {
  for (std::string_view word :
       {"增减", "增长", "增幅", "减少", "变动", "较上年", "比上年", "同比"}) {
    if (Has(key, word)) return true;
  }
  // X比Y between two figure names: 预算数比…执行数.
  const std::size_t than = key.find("比");
  if (than == std::string::npos || than == 0) return false;
  const std::string before = key.substr(0, than);
  const std::string after = key.substr(than + std::string_view("比").size());
  auto names_figure = [](const std::string& part) {
    return Has(part, "预算") || Has(part, "决算") || Has(part, "执行");
  };
  return names_figure(before) && names_figure(after);
}

// A header of a share or rate rather than an amount: 增减(%), 增长率, 占比.
bool IsPercentHeader(const std::string& key) {
  for (std::string_view word : {"%", "％", "率", "比例", "占比", "比重", "增幅"}) {
    if (Has(key, word)) return true;
  }
  return false;
}

}  // namespace

bool IsFundKey(std::string_view key) {
  return key == "general_budget" || key == "gov_fund" || key == "state_capital";
}

// The fund (general_budget, gov_fund, state_capital) whose name a header cell printed over two
// lines cut mid-word: `upper` is the first part of the fund's name (at least two characters,
// not all of it) and `lower` starts with the rest. nullopt otherwise: a fund over its own parts
// (一般公共预算 over 基本支出) is a group, and its parts keep their keys.
std::optional<std::string> FundNameCutOverTwoLines(const std::string& upper,
                                                   const std::string& lower) {
  constexpr std::size_t kMinUpperChars = 2;
  const std::pair<std::string_view, std::string_view> funds[] = {
      {"一般公共预算", "general_budget"},
      {"政府性基金预算", "gov_fund"},
      {"国有资本经营预算", "state_capital"}};
  for (const auto& [name, key] : funds) {
    if (upper.size() >= name.size() || !StartsWith(name, upper) ||
        DecodeUtf8(upper).size() < kMinUpperChars) {
      continue;
    }
    if (StartsWith(lower, name.substr(upper.size()))) return std::string(key);
  }
  return std::nullopt;
}

// Key of one header text; "" when unknown, "-" for a label column.
std::string LeafKey(const std::string& key) {
  if (key.empty()) return "";
  if (IsLabelHeader(key)) return "-";
  if (IsTotalWord(key)) return "total";
  // A 栏次 number read into the header word above it on a scan (总计1: the row of column
  // numbers has no rule of its own): the word keys the column.
  if (key.size() > 1 && key.back() >= '0' && key.back() <= '9' &&
      IsTotalWord(key.substr(0, key.size() - 1))) {
    return "total";
  }
  if (Has(key, "人员经费")) return "personnel";
  if (Has(key, "公用经费")) return "public";
  // 基本支出 split as 人员支出 | 日常公用支出 (Hangzhou 支出预算总表).
  if (key == "人员支出" || key == "人员类") return "personnel";  // 人员类: Changsha
  if (key == "日常公用支出" || key == "公用支出") return "public";
  if (Has(key, "基本支出")) return "basic";
  // 年末 项目支出结转和结余 splits into 结转 (carried over) and 结余 (left over).
  if (Has(key, "项目支出结转") && !Has(key, "结余")) return "project_carryover";
  if (Has(key, "项目支出结余")) return "project_surplus";
  if (Has(key, "项目支出")) return "project";
  // 国有资产使用情况表 (seed 003 公开11): asset classes across the header.
  if (key == "资产总额") return "total_assets";
  if (key == "流动资产") return "current_assets";
  if (key == "固定资产") return "fixed_assets";
  if (key == "房屋构筑物") return "fixed_assets.buildings";
  if (key == "车辆") return "fixed_assets.vehicles";
  if (Has(key, "大型设备")) return "fixed_assets.large_equipment";
  if (key == "其他固定资产") return "fixed_assets.other";
  if (StartsWith(key, "对外投资")) return "investments";
  if (key == "在建工程") return "construction_in_progress";
  if (key == "无形资产") return "intangible_assets";
  if (key == "其他资产") return "other_assets";
  // Project tables split 项目支出 by economic class across the header (seed
  // 004 表8): the class code keys the column.
  static const std::pair<std::string_view, std::string_view> kEconomicClasses[] = {
      {"工资福利支出", "301"},
      {"商品服务支出", "302"},
      {"商品和服务支出", "302"},
      {"对个人和家庭的补助", "303"},
      {"债务利息及费用支出", "307"},
      {"资本性支出(基本建设)", "309"},
      {"资本性支出", "310"},
      {"对企业补助(基本建设)", "311"},
      {"对企业补助", "312"},
      {"对社会保障基金补助", "313"},
      {"其他支出", "399"}};
  for (const auto& [name, code] : kEconomicClasses) {
    if (key == name) return "economic." + std::string(code);
  }
  if (Has(key, "预留机动经费")) return "reserve";
  if (Has(key, "上缴上级支出")) return "upper_remittance";
  if (Has(key, "对附属单位补助")) return "affiliate_subsidy";
  if (Has(key, "经营支出")) return "operating";
  if (Has(key, "上级补助收入")) return "upper_subsidy";
  if (Has(key, "附属单位上缴收入")) return "affiliated_remittance";
  if (Has(key, "事业单位经营收入")) return "operating";
  if (Has(key, "事业收入")) return "business";
  if (Has(key, "经营收入")) return "operating";
  if (Has(key, "其他收入")) return "other";
  // Budget income columns (seed 004 表2): carry-overs and the transfers from
  // the level above, apart from the department's own fund appropriations.
  if (Has(key, "非财政拨款结转")) return "non_fiscal_carryover";
  if (Has(key, "财政拨款结转")) return "carryover";
  if (StartsWith(key, "上级") && Has(key, "转移支付")) {
    if (Has(key, "一般公共预算")) return "general_budget_upper_transfer";
    if (Has(key, "政府性基金")) return "gov_fund_upper_transfer";
    if (Has(key, "国有资本")) return "state_capital_upper_transfer";
  }
  if (Has(key, "一般公共预算")) return "general_budget";
  if (Has(key, "政府性基金")) return "gov_fund";
  if (Has(key, "国有资本经营")) return "state_capital";
  if (Has(key, "财政专户")) return "fiscal_special_account";
  if (Has(key, "单位资金")) return "unit_funds";
  if (Has(key, "财政拨款")) return "fiscal_appropriation";
  if (Has(key, "全年预算") || Has(key, "调整预算") || Has(key, "调整后预算"))
    return "adjusted_budget";
  if (Has(key, "预算")) return "budget";
  if (Has(key, "决算")) return "final";
  // 执行数: the year's spending as executed so far, printed in budgets beside
  // the new year's figures (the year columns make it prior_year_execution).
  if (EndsWith(key, "执行数")) return "execution";
  if (Has(key, "上年结转") || Has(key, "结转")) return "carryover";
  if (Has(key, "金额") || key == "数额") return "amount";
  // 一般公共预算机关运行经费支出预算表 (Jiangsu): 科目编码 | 科目名称 | 机关运行经费支出.
  if (StartsWith(key, "机关运行经费")) return "amount";
  // 资金来源 / … / 其他资金 (Wuxi 政府采购支出表): the sources other than those named.
  if (key == "其他资金") return "other";
  if (EndsWith(key, "合计")) return "total";
  return "";
}

namespace {

std::string KeyForPath(const std::vector<std::string>& path);

// A header word with a 栏次 number inside it (`基2本支出`, `合1计`, `项3目支出`: the 栏次 row
// printed on the header's own line, its glyphs read in among the words'): the word without
// the one or two digits set between two ideographs. Digits elsewhere (2025年预算数) stay.
std::string WithoutColumnNumbers(const std::string& key) {
  if (!HasAsciiDigit(key)) return key;  // most words: nothing to take out, nothing to decode
  const std::vector<char32_t> chars = DecodeUtf8(key);
  std::vector<char32_t> kept;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    std::size_t end = i;
    while (end < chars.size() && chars[end] >= U'0' && chars[end] <= U'9') ++end;
    if (end > i && end - i <= 2 && i > 0 && end < chars.size() && IsCjkIdeograph(chars[i - 1]) &&
        IsCjkIdeograph(chars[end])) {
      i = end - 1;
      continue;
    }
    kept.push_back(chars[i]);
  }
  return EncodeUtf8(kept);
}

}  // namespace

std::string ColumnKeyForHeader(const std::vector<std::string>& raw_path) {
  std::vector<std::string> path;
  for (const std::string& text : raw_path) {
    std::string key = TableKey(text);
    if (!key.empty()) path.push_back(std::move(key));
  }
  if (path.empty()) return "";
  std::string key = KeyForPath(path);
  // A header word wrapped in its cell and read as two header rows without
  // rules ("一般公共预算拨" over "款", "其他收" over "入"): the two last pieces,
  // joined, may name the column neither names alone.
  // Only a short rest under a piece that is no label header, when together
  // they name a column: one character ("款" alone reads as the 类/款/项 label
  // header), or two under a piece that names nothing alone (a "项目" under
  // 财政拨款收入 is that side's label column, a "结余" under 年初结转和结余 a
  // sub-column of its own).
  if (key.empty() && path.size() >= 2) {
    const std::string& upper = path[path.size() - 2];
    const std::string& rest = path.back();
    const std::string joined = upper + rest;
    const std::size_t rest_chars = DecodeUtf8(rest).size();
    if ((rest_chars == 1 || (rest_chars == 2 && LeafKey(rest).empty() && LeafKey(upper).empty())) &&
        LeafKey(upper) != "-" && !LeafKey(joined).empty() && LeafKey(joined) != "-") {
      path[path.size() - 2] = joined;
      path.pop_back();
      key = KeyForPath(path);
    }
  }
  // A 栏次 number read in among a word's characters is never part of the word: the word without
  // it keys the column, also where the word with it keyed another (一2般公共预算拨款 keyed the
  // figure kind `budget` by its 预算, s25w_0080_budget).
  std::vector<std::string> without = path;
  for (std::string& piece : without) piece = WithoutColumnNumbers(piece);
  if (without != path) {
    const std::string read = KeyForPath(without);
    if (!read.empty()) key = read;
  }
  return key;
}

std::vector<std::size_t> GluedWordCuts(const std::string& word, const std::string& rest,
                                       const std::string& whole) {
  const std::vector<char32_t> chars = DecodeUtf8(word);
  std::vector<std::size_t> cuts;
  for (std::size_t cut = 2; cut + 2 <= chars.size(); ++cut) {
    const std::string left = EncodeUtf8(std::vector<char32_t>(chars.begin(), chars.begin() + cut));
    const std::string right = EncodeUtf8(std::vector<char32_t>(chars.begin() + cut, chars.end()));
    if (!ColumnKeyForHeader({left}).empty() || ColumnKeyForHeader({right}) != whole) continue;
    const std::string completed = ColumnKeyForHeader({left + rest});
    if (completed.empty() || completed == "-" || completed == whole) continue;
    cuts.push_back(cut);
  }
  return cuts;
}

namespace {

std::string KeyForPath(const std::vector<std::string>& path) {
  // 扣除中央基建投资后预算数: the same figure net of a deduction, beside the
  // gross one; its own key so the two never collide.
  const bool net = std::any_of(path.begin(), path.end(),
                               [](const std::string& text) { return Has(text, "扣除"); });
  const std::string net_suffix = net ? ".net" : "";
  // A comparison column (增减额 under 2026年预算数比2025年执行数) is a change,
  // never the figure it compares; a rate (增减(%)) is keyed rate: it is no amount.
  // Scores of a performance evaluation (得分, 分值, 权重) are no money either.
  const std::string& last = path.back();
  if (last == "得分" || last == "分值" || Has(last, "权重") || last == "评分") {
    return std::string(kRateColumn);
  }
  // A column printed in percent (决算数为调整预算数％, 执行率(%)) is a rate whatever figures its
  // words name.
  if (Has(last, "%") || Has(last, "％")) return std::string(kRateColumn);
  if (std::any_of(path.begin(), path.end(), IsChangeHeader)) {
    if (IsPercentHeader(path.back())) return std::string(kRateColumn);
    return "change" + net_suffix;
  }
  if (net) {
    std::string leaf = path.back();
    const std::size_t after = leaf.find("后");
    if (after != std::string::npos) leaf = leaf.substr(after + std::string_view("后").size());
    // 预算数 cut short by its wrap (扣除基建项目后预 / 算数, the second line read into the
    // first on a scan): what is left of the word still says which figure it nets.
    if (leaf == "预" || leaf == "预算") leaf = "预算数";
    if (leaf == "决" || leaf == "决算") leaf = "决算数";
    std::string key = LeafKey(leaf);
    for (std::size_t i = path.size() - 1; (key.empty() || key == "-") && i-- > 0;) {
      key = LeafKey(path[i]);
    }
    return key.empty() || key == "-" ? "" : key + net_suffix;
  }
  std::string prefix;
  std::size_t first = 0;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    std::string group = GroupPrefix(path[i]);
    // 上年结转结余 over its own 小计 | 一般公共预算 | … | 单位资金 (Hangzhou and
    // Beijing 收入(预算)总表): the same sources as 本年收入's, carried over. As a
    // single column (no sub-columns) it stays the leaf `carryover`.
    if (group.empty() &&
        (path[i] == "上年结转结余" || path[i] == "上年结转和结余" || path[i] == "上年结转")) {
      group = "carryover.";
    }
    if (!group.empty()) {
      prefix = group;
      first = i + 1;
    }
  }
  // A fund's column name wrapped over two header lines, 一般公共预算 over 财政拨款 (a fiscal
  // summary's expenditure side, H27 s3w_0430_final): 财政拨款 there ends the fund's name, it
  // heads no group.
  if (path.size() >= 2 && TableKey(path.back()) == "财政拨款") {
    const std::string fund = LeafKey(TableKey(path[path.size() - 2]));
    if (IsFundKey(fund)) return prefix + fund;
  }
  // A fund's name cut mid-word over two header lines (一般公共预 over 算财政拨款, 政府性基金 over
  // 预算财政拨…): the upper line starts the name, the lower one goes on with its rest.
  if (path.size() >= 2) {
    if (const std::optional<std::string> fund =
            FundNameCutOverTwoLines(path[path.size() - 2], path.back())) {
      return prefix + *fund;
    }
  }
  // A column's name cut over header rows (一般 / 公共预算 / 拨款, 事业 / 单位经营 / 收入, 财政专 /
  // 户管理资金): the rows a PDF without rules sets apart are one name when they are the short
  // lines of a narrow column and the first, a word's start, names no column alone. A group's own
  // header (项目资金 （万元） over 全年预算数, a department's name over 其他资金 over 合计) is no
  // such line.
  constexpr std::size_t kWordStartChars = 3;
  constexpr std::size_t kNarrowLineChars = 6;
  const bool narrow_lines = DecodeUtf8(path[first]).size() <= kWordStartChars &&
                            std::all_of(path.begin() + static_cast<std::ptrdiff_t>(first),
                                        path.end(), [](const std::string& piece) {
                                          return DecodeUtf8(piece).size() <= kNarrowLineChars;
                                        });
  if (path.size() - first >= 2 && narrow_lines && LeafKey(path[first]).empty()) {
    std::string name;
    for (std::size_t i = first; i < path.size(); ++i) name += path[i];
    const std::string key = LeafKey(name);
    if (!key.empty() && key != "-") return prefix + key;
  }
  const std::string group_leaf = GroupPrefix(path.back());
  if (!group_leaf.empty()) return group_leaf + "total";
  const std::string& leaf = path.back();
  std::string key = LeafKey(leaf);
  if (key == "-") return "";
  if (StartsWith(leaf, "其中")) {
    // A subset column ("其中：教育收费") under its parent.
    for (std::size_t i = path.size() - 1; i-- > first;) {
      std::string parent = LeafKey(path[i]);
      if (!parent.empty() && parent != "-") return prefix + parent + ".of_which";
    }
    return "";
  }
  if (key.empty() || key == "total") {
    // 小计 / 合计 under 基本支出 is the basic column; unknown leaves take a parent's key.
    for (std::size_t i = path.size() - 1; i-- > first;) {
      std::string parent = LeafKey(path[i]);
      if (parent == "-" || parent.empty() || parent == "total") continue;
      // 合计 under 支出预算 / 决算数 / 财政拨款支出 is the table's total, not a
      // budget or fiscal column (小计 under 财政拨款 in an income table is).
      const bool side = path[i] == "财政拨款收入" || path[i] == "财政拨款支出" ||
                        (EndsWith(path[i], "支出") &&
                         (parent == "general_budget" || parent == "gov_fund" ||
                          parent == "state_capital" || parent == "fiscal_appropriation"));
      const bool whole = parent == "budget" || parent == "final" || parent == "adjusted_budget" ||
                         parent == "amount" || side;
      if (key == "total" && whole) break;
      return prefix + parent;
    }
  }
  if (key.empty()) return "";
  return prefix + key;
}

// Whether a 栏次 row follows `row` within the header's depth, no figure between.
bool AboveColumnNumberRow(const Table& table, int row) {
  constexpr int kHeaderDepth = 3;
  for (int r = row + 1; r < table.row_count && r <= row + kHeaderDepth; ++r) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(r, c));
      if (Has(key, "栏次")) return true;
      const AmountText amount = ParseAmountText(key);
      if (amount.kind == AmountKind::kNumber && !(AllDigits(key) && key.size() <= 2)) {
        return false;
      }
    }
  }
  return false;
}

}  // namespace

namespace {

// Digits grouped by commas (three after each) ending in a point: 3,344,476. (a cell cut by a page
// break or a wrap after its point). At least one comma, so a 1. ordinal is none.
bool IsAmountCutAfterItsPoint(const std::string& key) {
  if (key.size() < 6 || key.back() != '.') return false;
  const std::string digits = key.substr(0, key.size() - 1);
  const AmountText amount = ParseAmountText(digits);
  return digits.find(',') != std::string::npos && amount.kind == AmountKind::kNumber &&
         amount.decimals == 0 && !amount.irregular_grouping && !amount.percent;
}

}  // namespace

RowScan ScanRow(const Table& table, int row) {
  RowScan scan;
  std::vector<std::int64_t> small_numbers;
  std::vector<int> small_number_columns;
  bool ocr = false;
  bool big_number = false;
  bool has_lanci = false;
  bool other_text = false;
  bool code_or_total = false;
  bool total_word = false;
  bool code_words = false;  // 类 款 项 read by OCR: the code columns' header words
  int header_words = 0;     // cells that name a column (科目名称, 基本支出, …)
  for (int c = 0; c < table.column_count; ++c) {
    const std::string_view text = table.TextAt(row, c);
    if (text.empty()) continue;
    const std::string key = TableKey(text);
    if (key.empty()) continue;
    if (Has(key, "栏次")) {
      has_lanci = true;
      continue;
    }
    if (IsClassCode(key) && c < table.column_count / 2 + 1) code_or_total = true;
    if (key == "合计" || key == "总计") {
      total_word = true;
      continue;
    }
    if (!CodeColumnRole(key).empty() && table.cells.size() > 0 && table.CellAt(row, c) != nullptr &&
        table.CellAt(row, c)->provenance.origin == TextOrigin::kOcr) {
      code_words = true;
    }
    const TableCell* cell = table.CellAt(row, c);
    ocr = ocr || (cell != nullptr && cell->provenance.origin == TextOrigin::kOcr);
    const AmountText amount = ParseAmountText(text);
    // An amount a page break cut after its point (3,344,476. over 33 on the next page): a figure,
    // not a header word; 合计 beside it was taken for the header and the total column unkeyed.
    if (IsAmountCutAfterItsPoint(key)) {
      big_number = true;
      continue;
    }
    if (amount.kind == AmountKind::kNumber && !amount.percent) {
      if (AllDigits(key) && key.size() <= 2) {
        small_numbers.push_back(amount.mantissa);
        small_number_columns.push_back(c);
      } else {
        big_number = true;
      }
      continue;
    }
    // An ordinal label (一、… / （一）… / 1、…) starts a body row even when its
    // amounts are blank, as in a template or an empty table.
    if (!StartsWith(key, "其中") && StripOrdinal(key) != key && c < table.column_count / 2 + 1) {
      code_or_total = true;
    }
    if (DecodeUtf8(key).size() > 2 && key != "※") other_text = true;
    if (!LeafKey(key).empty()) ++header_words;
  }
  // 合计 alone (an empty table's total row) is data; beside header words it is a header, as
  // it is on the 类 款 项 row with no figure (本年收入 over 合计 wrapped in its cell, a scan
  // reading each line as a row).
  if (total_word && !other_text && !(code_words && !big_number)) code_or_total = true;
  bool consecutive = small_numbers.size() >= 2;
  for (std::size_t i = 1; i < small_numbers.size(); ++i) {
    if (small_numbers[i] != small_numbers[i - 1] + 1) consecutive = false;
  }
  // A scan misreads a number or two of a 栏次 row (5 read $ or 4, 3 read 3?, ** read 宁来): the
  // numbers it read right still number their columns, each its column's index plus one offset
  // (1 2 _ 4 4 6 over columns 1 to 6): three at least, and two in three of those read.
  if (!consecutive && ocr && small_numbers.size() >= 3) {
    std::map<std::int64_t, std::size_t> offsets;
    for (std::size_t i = 0; i < small_numbers.size(); ++i) {
      ++offsets[small_numbers[i] - small_number_columns[i]];
    }
    std::size_t most = 0;
    for (const auto& [offset, count] : offsets) most = std::max(most, count);
    consecutive = most >= 3 && most * 3 >= small_numbers.size() * 2;
  }
  scan.column_numbers =
      !big_number && !code_or_total && (has_lanci || (consecutive && !other_text));
  if (scan.column_numbers) return scan;
  // A scan reads a speck between two header cells as a digit (`1` under the 编码 cell spanning
  // 类 款 项): one small number among words that name columns is no row number, and taking the
  // row for data would leave the whole header, code columns included, unread.
  const bool speck_among_header_words =
      ocr && !big_number && !code_or_total && small_numbers.size() == 1 && header_words >= 3;
  scan.data = big_number || code_or_total || (!small_numbers.empty() && !speck_among_header_words);
  // Only row numbers (行次) and no figure: data only when a label is there too.
  if (!big_number && !code_or_total && !other_text) scan.data = false;
  // The 栏次 row closes a header, so a row above it is header whatever stray digit a scan
  // read among its words (a `0` in the merged 项目 cell keyed no column of the table).
  if (scan.data && !big_number && !code_or_total && AboveColumnNumberRow(table, row)) {
    scan.data = false;
  }
  return scan;
}

namespace {

// A text export can drop or shift header cells (seed 004 表2 prints
// 上级国有资本… four columns right of its group), but its 栏次 row (1 2 3 …)
// still numbers every amount column. With two header rows and no spans, the
// leaves read in order (a top label alone, or the sub-labels of a group) are
// matched to the numbered columns one by one when their counts agree.
void ReflowByColumnNumbers(const Table& table, int header_rows,
                           const std::vector<std::vector<std::string>>& grid,
                           const std::vector<std::vector<bool>>& single,
                           std::vector<std::vector<std::string>>& paths) {
  if (grid.size() != 2) return;
  for (const std::vector<bool>& row : single) {
    if (std::find(row.begin(), row.end(), false) != row.end()) return;
  }
  std::vector<std::size_t> numbered;
  for (int r = 0; r < header_rows && numbered.empty(); ++r) {
    if (!ScanRow(table, r).column_numbers) continue;
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(r, c));
      if (AllDigits(key) && key.size() <= 2) numbered.push_back(static_cast<std::size_t>(c));
    }
  }
  if (numbered.size() < 2) return;
  const std::size_t first_amount = numbered.front();
  const std::vector<std::string>& top = grid[0];
  const std::vector<std::string>& sub = grid[1];
  struct Leaf {
    std::vector<std::string> path;
  };
  std::vector<std::size_t> groups;  // top columns with sub-labels under them
  for (std::size_t c = first_amount; c < top.size(); ++c) {
    if (!TableKey(top[c]).empty() && !TableKey(sub[c]).empty()) groups.push_back(c);
  }
  std::map<std::size_t, std::vector<std::string>> children;
  for (std::size_t c = first_amount; c < sub.size(); ++c) {
    if (TableKey(sub[c]).empty()) continue;
    std::size_t owner = SIZE_MAX;
    for (std::size_t g : groups) {
      if (g <= c) owner = g;
    }
    if (owner == SIZE_MAX) return;
    children[owner].push_back(sub[c]);
  }
  std::vector<Leaf> leaves;
  for (std::size_t c = first_amount; c < top.size(); ++c) {
    if (TableKey(top[c]).empty()) continue;
    auto group = children.find(c);
    if (group == children.end()) {
      leaves.push_back(Leaf{{top[c]}});
      continue;
    }
    for (const std::string& child : group->second) leaves.push_back(Leaf{{top[c], child}});
  }
  if (leaves.size() != numbered.size()) return;
  for (std::size_t c = first_amount; c < paths.size(); ++c) paths[c].clear();
  for (std::size_t k = 0; k < numbered.size(); ++k) paths[numbered[k]] = leaves[k].path;
}

// A spanning parent whose sub-column labels were not read (OCR of js_wuxi_hrss
// p28: 基本支出 over 小计 | "" | ""): the span gives every unread child the
// parent's path, so all of them came out `basic` and 人员经费 and 公用经费 both
// carried the basic figure with no finding. A parent whose split is fixed by
// the templates (基本支出 = 人员经费 + 公用经费, in that order) gives its unread
// children the parts its read children do not already have, when the counts
// agree. (Other unread children keep the parent's key: an unkeyed column
// would split the row's segments, and a span can also be a grid artefact.)
void KeyUnreadSubColumns(const Table& table, int header_rows, const std::vector<int>& text_rows,
                         const std::vector<std::vector<std::string>>& grid,
                         std::vector<std::string>& keys) {
  struct Split {
    std::string_view parent;
    std::vector<std::string_view> parts;
  };
  static const Split kSplits[] = {{"basic", {"personnel", "public"}}};
  const std::size_t header_count = text_rows.size();
  for (std::size_t i = 0; i + 1 < header_count; ++i) {
    for (int c0 = 0; c0 < table.column_count; ++c0) {
      const TableCell* parent = table.CellAt(text_rows[i], c0);
      if (parent == nullptr || parent->column != c0 || parent->column_span < 2) continue;
      const int end = std::min(table.column_count, c0 + parent->column_span);
      std::vector<std::size_t> unread;
      std::vector<std::size_t> read;
      for (int c = c0; c < end; ++c) {
        const std::size_t col = static_cast<std::size_t>(c);
        bool child_cell = false;
        bool child_text = false;
        for (std::size_t j = i + 1; j < header_count; ++j) {
          const TableCell* below = table.CellAt(text_rows[j], c);
          if (below == nullptr || below == parent) continue;
          child_cell = true;
          if (!TableKey(grid[j][col]).empty()) child_text = true;
        }
        // A column with nothing in the body is a grid artefact, not a child.
        bool body = false;
        for (int r = header_rows; r < table.row_count && !body; ++r) {
          body = !TableKey(table.TextAt(r, c)).empty();
        }
        if (child_text) {
          read.push_back(col);
        } else if (child_cell && body) {
          unread.push_back(col);
        }
      }
      if (unread.empty() || unread.size() + read.size() < 2) continue;
      const std::string inherited = keys[unread.front()];
      bool same = !inherited.empty();
      for (std::size_t col : unread) same = same && keys[col] == inherited;
      if (!same) continue;
      const std::string leaf = LeafKey(TableKey(parent->text));
      if (leaf.empty() || !EndsWith(inherited, leaf)) continue;
      const std::string prefix = inherited.substr(0, inherited.size() - leaf.size());
      std::vector<std::string> missing;
      for (const Split& split : kSplits) {
        if (split.parent != leaf) continue;
        for (std::string_view part : split.parts) {
          const std::string key = prefix + std::string(part);
          bool taken = false;
          for (std::size_t col : read) taken = taken || keys[col] == key;
          if (!taken) missing.push_back(key);
        }
      }
      if (missing.size() == unread.size()) {
        for (std::size_t k = 0; k < unread.size(); ++k) keys[unread[k]] = missing[k];
      } else if (missing.size() + 1 == unread.size() &&
                 unread.front() == static_cast<std::size_t>(c0)) {
        // The parent's own total (合计 / 小计) printed first under it was not read either
        // (cq_city_propaganda p19: 基本支出 over "" | 人员经费 | ""): the first column keeps
        // the parent's key, the others take the parts in order.
        for (std::size_t k = 1; k < unread.size(); ++k) keys[unread[k]] = missing[k - 1];
      }
    }
  }
}

// 类 | 款 | 项 with one of the three read as another character (类 | 于 | 项, 类 | 歼 | 项 on an
// OCR'd scan): a one-character cell between or beside the other two, in order, takes the role
// its place gives it, so the split code columns still join into 2080705.
void KeyMisreadCodeColumn(const Table& table, int row, std::vector<std::string>& roles) {
  static const std::string_view kOrder[] = {"class", "kuan", "xiang"};
  for (int c = 0; c + 2 < table.column_count; ++c) {
    int known = 0;
    int unknown = -1;
    for (int k = 0; k < 3; ++k) {
      const std::string& role = roles[static_cast<std::size_t>(c + k)];
      if (role == kOrder[k]) {
        ++known;
      } else if (role.empty() && DecodeUtf8(TableKey(table.TextAt(row, c + k))).size() == 1) {
        unknown = k;
      }
    }
    if (known == 2 && unknown >= 0) roles[static_cast<std::size_t>(c + unknown)] = kOrder[unknown];
  }
}

// The amount word a scan joined to 行次 in one header cell (行次金额, 行次 预算数: the two
// header cells read as one when the gap between them was narrow), else "". Only over a column
// whose body holds money: the row numbers are then in the column beside it, whose header the
// join left empty (or in the label, 一、一般公共预算拨款收1). Two amounts, or a body of one row
// that prints an amount and nothing else (a summary cut after its first row by a page break,
// H13 s3w_0205_budget).
std::string RowNumberWordJoined(const Table& table, int row, int c, const std::string& key) {
  const std::size_t at = key.find("行次");
  if (at == std::string::npos || key == "行次") return "";
  const std::string rest = key.substr(0, at) + key.substr(at + std::string_view("行次").size());
  const std::string leaf = LeafKey(rest);
  if (leaf.empty() || leaf == "-") return "";
  const TableCell* cell = table.CellAt(row, c);
  if (cell == nullptr || cell->provenance.origin != TextOrigin::kOcr) return "";
  int money = 0, other = 0;
  for (int r = row + 1; r < table.row_count; ++r) {
    const std::string text = TableKey(table.TextAt(r, c));
    const AmountText amount = ParseAmountText(text);
    if (amount.kind == AmountKind::kNumber && !amount.percent &&
        text.find('.') != std::string::npos) {
      ++money;
    } else if (!text.empty()) {
      ++other;
    }
  }
  return money >= 2 || (money == 1 && other == 0) ? rest : "";
}

// Whether a column headed 行次 holds the row labels: a scan read the label column's 项目 and the
// row-number column's 行次 as one header cell (项目 行次, H51 s3w_0802_final), the row numbers
// lost or joined to the labels (总计7). Row numbers are short integers; more cells naming a row
// in words than holding a number mean labels, and taking the column for row numbers left every
// amount beside it unlabelled.
bool HoldsLabelsNotRowNumbers(const Table& table, int header_rows, int c) {
  int labels = 0, numbers = 0;
  for (int r = header_rows; r < table.row_count; ++r) {
    const std::vector<char32_t> chars = DecodeUtf8(TableKey(table.TextAt(r, c)));
    if (chars.empty()) continue;
    const auto ideographs = std::count_if(chars.begin(), chars.end(), IsCjkIdeograph);
    if (ideographs >= 2) {
      ++labels;
    } else if (ideographs == 0) {
      ++numbers;
    }
  }
  return labels >= 2 && labels > numbers;
}

// What a column's body cells are, for telling split code columns from the rest.
struct CodeCells {
  int class_codes = 0;    // 3-digit classes (201 …, 301 …)
  int pieces = 0;         // 1- or 2-digit 款 / 项 pieces (08, 01; Excel's 2 for 02)
  int short_numbers = 0;  // any integer of at most 3 digits
  int other = 0;          // anything else: a name, a 合计, a misread code
  int garbled = 0;        // of `other`, a scan's garbled piece (]1, 了, 1~: see IsGarbledPiece)
};

// A code piece a scan garbled: one or two characters of an OCR'd cell, a digit or a digit's
// lookalike among them (]1 for 11, 了 for 11, H18 s3w_0283_final), no name's.
bool IsGarbledPiece(const TableCell* cell, std::string_view key) {
  constexpr std::size_t kLongestGarbledPiece = 2;  // code points
  if (cell == nullptr || cell->provenance.origin != TextOrigin::kOcr) return false;
  const std::vector<char32_t> chars = DecodeUtf8(key);
  if (chars.empty() || chars.size() > kLongestGarbledPiece) return false;
  return std::any_of(chars.begin(), chars.end(), [](char32_t c) {
    return IsAsciiDigit(c) || c == U'了' || c == U'l' || c == U'I';
  });
}

CodeCells ScanCodeCells(const Table& table, int header_rows, int c) {
  CodeCells cells;
  for (int r = header_rows; r < table.row_count; ++r) {
    const std::string key = TableKey(table.TextAt(r, c));
    // The 合计 row prints its label from the first column on (a cell merged over the code
    // columns, split apart on a scan): no misread code, and in a table of three rows it would
    // outweigh them.
    if (key.empty() || IsTotalWord(key)) continue;
    // So does a 合计 OCR misread by a character (会计 at the foot of s3w_0019's table), which
    // left a three-row table's 类 column one name among three codes, and its 款 | 项 unread.
    const TableCell* cell = table.CellAt(r, c);
    if (cell != nullptr && cell->provenance.origin == TextOrigin::kOcr && IsMisreadTotalWord(key))
      continue;
    if (!AllDigits(key) || key.size() > 3) {
      ++cells.other;
      if (IsGarbledPiece(cell, key)) ++cells.garbled;
      continue;
    }
    ++cells.short_numbers;
    if (key.size() == 3 && IsClassCode(key)) ++cells.class_codes;
    if (key.size() <= 2) ++cells.pieces;
  }
  return cells;
}

// Split code columns whose header does not name them: 类 | 款 read 兰 | 庆, or 款 read 二/以, on an
// OCR'd scan (Yantai 基本支出预算情况表). Their body says what they are: a column of 3-digit
// classes is 类, and a column of 1- or 2-digit pieces right of it 款, right of that 项. Without
// the roles, 302 | 01 keys every row 302 and a 项 joins its 类 (205 + 03 = 20503). Only
// columns no header keyed are looked at, and a stray misread cell (one in five) is allowed.
// A code column that a header word keyed anyway (类 under 部门预算经济分类科目编码 read 纳公,
// joined with it into a "budget" column) holds no amount: its key goes.
void KeyCodeColumnsByBody(const Table& table, int header_rows, HeaderAnalysis& analysis) {
  const std::size_t columns = analysis.keys.size();
  bool classes = false;  // the column left of c holds 3-digit classes
  for (std::size_t c = 0; c < columns; ++c) {
    const CodeCells cells = ScanCodeCells(table, header_rows, static_cast<int>(c));
    const bool left_classes = classes;
    classes = cells.class_codes >= 2 && cells.class_codes == cells.short_numbers &&
              cells.other * 5 <= cells.short_numbers + cells.other;
    const int filled = cells.short_numbers + cells.other;
    std::string left = c > 0 ? analysis.roles[c - 1] : "";
    // A short table may print one 项 only (205 | 08 | 03 under 205 and 205 | 08): right of a 款
    // column, a column of nothing but that piece is the 项 column.
    // A scan's garbled pieces beside twice as many clean ones do not count against it (the
    // rule WithMisreadSegmentColumn applies where a header named the 项 column).
    const int garbled = cells.pieces >= 2 * cells.garbled ? cells.garbled : 0;
    // So is a column of one 款 piece right of the classes (a page printing a table's first two
    // rows, 206 | | 科学技术支出 over 206 | 01 | 科学技术管理事务, H24 s3w_0372_budget).
    const bool mostly_codes =
        (cells.short_numbers >= 2 && (cells.other - garbled) * 5 <= filled) ||
        ((left == "kuan" || left == "class") && cells.short_numbers == 1 && cells.other == 0);
    std::string& role = analysis.roles[c];
    std::string& key = analysis.keys[c];
    if (IsCodeRole(role) && role != "code" && !key.empty() && cells.short_numbers >= 1 &&
        cells.other == 0) {
      key.clear();
    }
    // 编码 over a column of pieces right of the classes names the code group, not the column:
    // 功能分类科目编码 read as 功 | 能分类科目编码 over 类 | 款 | 项 with 款 and 项 misread (示人,
    // 昌, H41 s3w_0654_final) left the 款 column "code" and its 项 pieces unjoined.
    if (role == "code" && key.empty() && mostly_codes && cells.pieces == cells.short_numbers &&
        (left == "class" || left == "kuan")) {
      role = left == "kuan" ? "xiang" : "kuan";
      continue;
    }
    if (!role.empty() || !key.empty() || !mostly_codes) continue;
    // A 科目编码 column over 类 | 款 whose 类 word was misread holds 3-digit classes only.
    const bool code_of_classes = left == "code" && left_classes;
    if (cells.class_codes == cells.short_numbers) {
      role = "class";
    } else if (cells.pieces == cells.short_numbers &&
               (left == "class" || left == "kuan" || code_of_classes)) {
      role = left == "kuan" ? "xiang" : "kuan";
      if (code_of_classes) analysis.roles[c - 1] = "class";
    }
  }
}

// A code word (类, 款, 项) an OCR'd header reads over a column of names is another word misread
// (项 for 项目 over a summary's income labels, H18 s3w_0280_final): its 总计 was taken for a
// garbled 项 piece and the row's figure went unlabelled. A column under such a word that prints
// no number and at least two names (three ideographs or more) is a label column.
void UnroleNameColumnsUnderACodeWord(const Table& table, int header_rows,
                                     HeaderAnalysis& analysis) {
  constexpr std::size_t kShortestName = 3;  // ideographs
  constexpr int kNamesThatShowIt = 2;
  for (std::size_t c = 0; c < analysis.roles.size(); ++c) {
    std::string& role = analysis.roles[c];
    if (role != "class" && role != "kuan" && role != "xiang") continue;
    int names = 0;
    bool number = false;
    for (int r = header_rows; r < table.row_count && !number; ++r) {
      const std::string key = TableKey(table.TextAt(r, static_cast<int>(c)));
      number = HasAsciiDigit(key);
      const std::vector<char32_t> chars = DecodeUtf8(key);
      if (std::count_if(chars.begin(), chars.end(), IsCjkIdeograph) >=
          static_cast<std::ptrdiff_t>(kShortestName)) {
        ++names;
      }
    }
    if (!number && names >= kNamesThatShowIt) role = "label";
  }
}

}  // namespace

// Two column names a scan read as one word, the gap between them lost (一般公共预算其他收入,
// the 拨款 of the first wrapped to the line below): kept as one, the word keyed the column
// under the first name with the second's key. Split where both halves name a figure column,
// each of at least four characters, as every column name two can be mistaken for is (合计,
// 收入, 拨款 end longer names: 本年收入合计, 财政拨款收入 stay whole).
std::vector<std::string> SplitJoinedColumnNames(const std::string& word) {
  constexpr std::size_t kShortestName = 4;  // code points
  const std::vector<char32_t> chars = DecodeUtf8(word);
  const std::string whole = ColumnKeyForHeader({word});
  for (std::size_t cut = kShortestName; cut + kShortestName <= chars.size(); ++cut) {
    const std::string left = EncodeUtf8(std::vector<char32_t>(chars.begin(), chars.begin() + cut));
    const std::string right = EncodeUtf8(std::vector<char32_t>(chars.begin() + cut, chars.end()));
    const std::string left_key = ColumnKeyForHeader({left});
    const std::string right_key = ColumnKeyForHeader({right});
    if (left_key.empty() || left_key == "-" || right_key.empty() || right_key == "-" ||
        left_key == right_key) {
      continue;
    }
    if (whole != left_key && whole != right_key) continue;
    return {left, right};
  }
  return {word};
}

HeaderAnalysis AnalyzeHeader(const Table& table) {
  HeaderAnalysis analysis;
  const std::size_t columns = static_cast<std::size_t>(std::max(table.column_count, 0));
  analysis.keys.assign(columns, "");
  analysis.roles.assign(columns, "");
  analysis.paths.assign(columns, "");
  int header_rows = table.row_count;
  std::vector<int> text_rows;
  // A caption drawn in the frame (number, title, unit) is no header row: its
  // words (财政拨款收支总表) would head every column.
  for (int r = CaptionRows(table); r < table.row_count; ++r) {
    RowScan scan = ScanRow(table, r);
    if (scan.data) {
      header_rows = r;
      break;
    }
    if (!scan.column_numbers) text_rows.push_back(r);
    // Roles from every header row, 栏次 rows included (类 款 项 栏次 1 2 ...).
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(r, c));
      std::string& role = analysis.roles[static_cast<std::size_t>(c)];
      // 类 | 款 | 项 as the last line of the cells over them: a PDF without rules sets the line
      // tight under 功能分类科目编码 wrapped over the three narrow columns, and reads the two
      // lines as one cell each (功能 / 类, 分类科 / 款, 目编码 / 项; s91wn_0033_budget).
      const std::vector<std::string> cell_lines = SplitLines(table.TextAt(r, c));
      const std::string_view last_line_role =
          cell_lines.size() >= 2 ? CodeColumnRole(TableKey(cell_lines.back())) : "";
      if (role.empty() && !last_line_role.empty()) {
        role = last_line_role;
        continue;
      }
      const std::string_view code_role = CodeColumnRole(key);
      if (!code_role.empty()) {
        if (code_role != "xiang" || role.empty()) role = code_role;
      } else if (Has(key, "行次") && RowNumberWordJoined(table, r, c, key).empty())
        role = "rowno";
      else if (Has(key, "编码") && role.empty())
        role = "code";
    }
    KeyMisreadCodeColumn(table, r, analysis.roles);
  }
  analysis.header_rows = header_rows;
  for (int c = 0; c < table.column_count; ++c) {
    std::string& role = analysis.roles[static_cast<std::size_t>(c)];
    if (role == "rowno" && HoldsLabelsNotRowNumbers(table, header_rows, c)) role.clear();
  }
  // 类 | 款 | 项 printed in the first body row beside 合计 (no rule between).
  if (header_rows < table.row_count) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(header_rows, c));
      std::string& role = analysis.roles[static_cast<std::size_t>(c)];
      if (role.empty()) role = CodeColumnRole(key);
    }
  }

  // Header text per row and column, each cell taken once: a cell spanning
  // down from an earlier header row was already read there.
  const std::size_t header_count = text_rows.size();
  std::vector<std::vector<std::string>> grid(header_count, std::vector<std::string>(columns));
  std::vector<std::vector<bool>> continuation(header_count, std::vector<bool>(columns, false));
  std::vector<std::vector<bool>> single(header_count, std::vector<bool>(columns, true));
  for (std::size_t i = 0; i < header_count; ++i) {
    const int r = text_rows[i];
    for (int c = 0; c < table.column_count; ++c) {
      const TableCell* cell = table.CellAt(r, c);
      if (cell == nullptr) continue;
      const std::size_t col = static_cast<std::size_t>(c);
      continuation[i][col] = cell->column != c;
      single[i][col] = cell->column_span == 1;
      const bool new_cell = cell->row == r || i == 0 || table.CellAt(text_rows[i - 1], c) != cell;
      if (new_cell) grid[i][col] = cell->text;  // every column a span covers
      if (new_cell) {
        const std::string joined = RowNumberWordJoined(table, r, c, TableKey(cell->text));
        if (!joined.empty()) grid[i][col] = joined;
      }
    }
  }
  // Text exports lose spans and sometimes print a group header one column
  // early (seed 003 公开05: 年末结转和结余 above 本年支出's 项目支出): a group
  // starts where the row below starts it with 合计 or 小计.
  for (std::size_t i = 0; i + 1 < header_count; ++i) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (!single[i][c] || GroupPrefix(TableKey(grid[i][c])).empty()) continue;
      const std::string below = TableKey(grid[i + 1][c]);
      if (below.empty() || IsTotalWord(below)) continue;
      for (std::size_t shifted = c + 1; shifted < columns && shifted <= c + 2; ++shifted) {
        if (!TableKey(grid[i][shifted]).empty()) break;
        if (IsTotalWord(TableKey(grid[i + 1][shifted]))) {
          grid[i][shifted] = std::move(grid[i][c]);
          grid[i][c].clear();
          break;
        }
      }
    }
  }
  auto text_below = [&](std::size_t i, std::size_t c) {
    for (std::size_t j = i + 1; j < header_count; ++j) {
      if (!TableKey(grid[j][c]).empty()) return true;
    }
    return false;
  };

  // OCR'd: two funds' column names read as one word over two columns, the gap between them lost: in
  // one cell whose right neighbour is blank in that row, or in one cell spanning both (一般公共
  // 预算政府性基金预算 over 财政拨款 | 财政拨款, a fiscal summary's fund columns, H27
  // s3w_0430_final: both columns keyed fiscal_appropriation.total), each with words below. The
  // first name heads the first column, the second the next.
  const bool ocr = IsOcrGrid(table);
  for (std::size_t i = 0; ocr && i < header_count; ++i) {
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      const bool blank_beside = single[i][c] && TableKey(grid[i][c + 1]).empty();
      const bool spans_two =
          !single[i][c] && continuation[i][c + 1] && (c + 2 == columns || !continuation[i][c + 2]);
      if (TableKey(grid[i][c]).empty() || continuation[i][c] || !(blank_beside || spans_two) ||
          !text_below(i, c) || !text_below(i, c + 1)) {
        continue;
      }
      const std::vector<std::string> names = SplitJoinedColumnNames(Trim(grid[i][c]));
      // Two funds, side by side as a summary prints them; not a fund over the level below
      // (一般公共预算基本支出 over 合计 | 人员经费 | 公用经费 is a group).
      if (names.size() != 2 || !IsFundKey(LeafKey(TableKey(names[0]))) ||
          !IsFundKey(LeafKey(TableKey(names[1])))) {
        continue;
      }
      grid[i][c] = names[0];
      grid[i][c + 1] = names[1];
      single[i][c] = single[i][c + 1] = true;
      continuation[i][c + 1] = false;
    }
  }

  // Paths per column; a group header printed once (no spans in text exports)
  // extends right over the empty cells after it when rows below it carry
  // sub-headers.
  std::vector<std::vector<std::string>> paths(columns);
  for (std::size_t i = 0; i < header_count; ++i) {
    std::string carried;
    for (std::size_t c = 0; c < columns; ++c) {
      std::string text = grid[i][c];
      // A label in a row above starts a new group here: a sub-header carried
      // from the group before stops (公务用车运行费 does not reach 公务接待费).
      for (std::size_t above = 0; above < i && !carried.empty(); ++above) {
        if (!TableKey(grid[above][c]).empty()) carried.clear();
      }
      if (TableKey(text).empty()) {
        if (!carried.empty() && !continuation[i][c] && text_below(i, c)) text = carried;
      } else {
        carried.clear();
        if (i + 1 < header_count && single[i][c] && text_below(i, c)) carried = text;
      }
      if (!TableKey(text).empty()) {
        std::vector<std::string>& path = paths[c];
        if (path.empty() || path.back() != text) path.push_back(text);
      }
    }
  }
  ReflowByColumnNumbers(table, header_rows, grid, single, paths);
  for (std::size_t c = 0; c < columns; ++c) {
    analysis.keys[c] = ColumnKeyForHeader(paths[c]);
  }
  KeyUnreadSubColumns(table, header_rows, text_rows, grid, analysis.keys);
  // OCR'd tables only: a text layer's header words are as printed, and asking
  // the body there misplaced the code pieces of continuation pages (the layout
  // sweep's split-code tables: 2011101 keyed 20111).
  if (ocr) {
    KeyCodeColumnsByBody(table, header_rows, analysis);
    UnroleNameColumnsUnderACodeWord(table, header_rows, analysis);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    std::string joined;
    for (const std::string& part : paths[c]) {
      if (!joined.empty()) joined += "/";
      joined += CleanName(part);
    }
    analysis.paths[c] = joined;
    if (analysis.roles[c].empty() && analysis.keys[c].empty() && !paths[c].empty()) {
      analysis.roles[c] = "label";
    }
  }
  return analysis;
}

std::string CleanName(std::string_view text) {
  std::vector<char32_t> cps = DecodeUtf8(CollapseWhitespace(text));
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] == U' ' && !out.empty() && i + 1 < cps.size() &&
        (out.back() > 0x7f || cps[i + 1] > 0x7f)) {
      continue;
    }
    out.push_back(cps[i]);
  }
  return EncodeUtf8(out);
}
int BodyStart(const TablePart& part) {
  for (int r = part.header.header_rows - 1; r >= 0; --r) {
    if (ScanRow(*part.table, r).column_numbers) return r + 1;
  }
  return part.header.header_rows;
}

std::vector<Segment> SplitSegments(const std::vector<std::string>& keys) {
  std::vector<Segment> segments;
  for (std::size_t c = 0; c < keys.size(); ++c) {
    const bool amount = !keys[c].empty();
    if (segments.empty() || (!amount && !segments.back().amounts.empty())) segments.emplace_back();
    if (amount) {
      segments.back().amounts.push_back(static_cast<int>(c));
    } else {
      segments.back().labels.push_back(static_cast<int>(c));
    }
  }
  return segments;
}

bool IsCodeRole(const std::string& role) {
  return role == "class" || role == "kuan" || role == "xiang" || role == "code";
}

bool IsTextTableKind(const std::string& kind) {
  return kind == "other" || StartsWith(kind, "performance.");
}

bool IsSummaryKind(std::string_view kind) {
  return EndsWith(kind, ".income_expenditure_summary") ||
         EndsWith(kind, ".fiscal_appropriation_summary");
}

}  // namespace disclose
