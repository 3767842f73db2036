#include "normalize/tables.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/classification.h"
#include "normalize/table_kind.h"

namespace disclose {
namespace {

constexpr int kTitleWindowBlocks = 6;
constexpr int kUnitRowsScanned = 3;

// Text for matching: NFKC-folded, no whitespace.
// The same cell is matched many times over (header analysis, row scans,
// stitching), so folded keys are memoised per thread; the memo is a pure
// cache, bounded, and cannot change a result.
std::string Key(std::string_view text) {
  constexpr std::size_t kMemoLimit = 1 << 14;
  thread_local std::unordered_map<std::string, std::string> memo;
  auto found = memo.find(std::string(text));
  if (found != memo.end()) return found->second;
  if (memo.size() >= kMemoLimit) memo.clear();
  return memo.emplace(std::string(text), RemoveAllWhitespace(FoldForMatching(text))).first->second;
}

bool Has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsClassCode(std::string_view key) {
  return AllDigits(key) && (key.size() == 3 || key.size() == 5 || key.size() == 7) && key[0] != '0';
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// Leading ordinals: 一、 （一） (1) 1. 1、 其中：
std::string StripOrdinal(const std::string& key) {
  std::vector<char32_t> cps = DecodeUtf8(key);
  std::size_t i = 0;
  auto numeral = [](char32_t c) {
    return (c >= U'0' && c <= U'9') ||
           std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
  };
  for (int round = 0; round < 2; ++round) {
    if (i < cps.size() && cps[i] == U'(') {
      std::size_t j = i + 1;
      while (j < cps.size() && numeral(cps[j])) ++j;
      if (j < cps.size() && cps[j] == U')' && j > i + 1) i = j + 1;
    } else if (i < cps.size() && numeral(cps[i])) {
      std::size_t j = i;
      while (j < cps.size() && numeral(cps[j])) ++j;
      if (j < cps.size() && (cps[j] == U'、' || cps[j] == U'.' || cps[j] == U'．')) i = j + 1;
    }
  }
  std::string rest =
      EncodeUtf8(std::vector<char32_t>(cps.begin() + static_cast<long>(i), cps.end()));
  if (StartsWith(rest, "其中:")) rest = rest.substr(std::string_view("其中:").size());
  return rest;
}

// ---------------------------------------------------------------- columns

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
  if (Has(key, "编码") || Has(key, "行次") || Has(key, "栏次") || EndsWith(key, "名称"))
    return true;
  if (StartsWith(key, "项目(") || StartsWith(key, "科目(")) return true;
  if (EndsWith(key, "分类科目") || EndsWith(key, "分类")) return true;
  return false;
}

bool IsTotalWord(const std::string& key) {
  return key == "合计" || key == "小计" || key == "总计" || key == "本年支出合计" ||
         key == "本年收入合计" || key == "支出合计" || key == "收入合计";
}

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

// Key of one header text; "" when unknown, "-" for a label column.
std::string LeafKey(const std::string& key) {
  if (key.empty()) return "";
  if (IsLabelHeader(key)) return "-";
  if (IsTotalWord(key)) return "total";
  if (Has(key, "人员经费")) return "personnel";
  if (Has(key, "公用经费")) return "public";
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
  if (Has(key, "上年结转") || Has(key, "结转")) return "carryover";
  if (Has(key, "金额") || key == "数额") return "amount";
  if (EndsWith(key, "合计")) return "total";
  return "";
}

}  // namespace

std::string ColumnKeyForHeader(const std::vector<std::string>& raw_path) {
  std::vector<std::string> path;
  for (const std::string& text : raw_path) {
    std::string key = Key(text);
    if (!key.empty()) path.push_back(std::move(key));
  }
  if (path.empty()) return "";
  std::string prefix;
  std::size_t first = 0;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    std::string group = GroupPrefix(path[i]);
    if (!group.empty()) {
      prefix = group;
      first = i + 1;
    }
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

namespace {

// ---------------------------------------------------------------- rows

struct RowScan {
  bool data = false;            // holds a figure, a class code or a 合计 label
  bool column_numbers = false;  // a 栏次 row: 1 2 3 ... and labels only
};

RowScan ScanRow(const Table& table, int row) {
  RowScan scan;
  std::vector<std::int64_t> small_numbers;
  bool big_number = false;
  bool has_lanci = false;
  bool other_text = false;
  bool code_or_total = false;
  bool total_word = false;
  for (int c = 0; c < table.column_count; ++c) {
    const std::string_view text = table.TextAt(row, c);
    if (text.empty()) continue;
    const std::string key = Key(text);
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
    const AmountText amount = ParseAmountText(text);
    if (amount.kind == AmountKind::kNumber && !amount.percent) {
      if (AllDigits(key) && key.size() <= 2) {
        small_numbers.push_back(amount.mantissa);
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
  }
  // 合计 alone (an empty table's total row) is data; beside header words it is a header.
  if (total_word && !other_text) code_or_total = true;
  bool consecutive = small_numbers.size() >= 2;
  for (std::size_t i = 1; i < small_numbers.size(); ++i) {
    if (small_numbers[i] != small_numbers[i - 1] + 1) consecutive = false;
  }
  scan.column_numbers =
      !big_number && !code_or_total && (has_lanci || (consecutive && !other_text));
  if (scan.column_numbers) return scan;
  scan.data = big_number || code_or_total || !small_numbers.empty();
  // Only row numbers (行次) and no figure: data only when a label is there too.
  if (!big_number && !code_or_total && !other_text) scan.data = false;
  return scan;
}

}  // namespace

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
      const std::string key = Key(table.TextAt(r, c));
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
    if (!Key(top[c]).empty() && !Key(sub[c]).empty()) groups.push_back(c);
  }
  std::map<std::size_t, std::vector<std::string>> children;
  for (std::size_t c = first_amount; c < sub.size(); ++c) {
    if (Key(sub[c]).empty()) continue;
    std::size_t owner = SIZE_MAX;
    for (std::size_t g : groups) {
      if (g <= c) owner = g;
    }
    if (owner == SIZE_MAX) return;
    children[owner].push_back(sub[c]);
  }
  std::vector<Leaf> leaves;
  for (std::size_t c = first_amount; c < top.size(); ++c) {
    if (Key(top[c]).empty()) continue;
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

}  // namespace

HeaderAnalysis AnalyzeHeader(const Table& table) {
  HeaderAnalysis analysis;
  const std::size_t columns = static_cast<std::size_t>(std::max(table.column_count, 0));
  analysis.keys.assign(columns, "");
  analysis.roles.assign(columns, "");
  analysis.paths.assign(columns, "");
  int header_rows = table.row_count;
  std::vector<int> text_rows;
  for (int r = 0; r < table.row_count; ++r) {
    RowScan scan = ScanRow(table, r);
    if (scan.data) {
      header_rows = r;
      break;
    }
    if (!scan.column_numbers) text_rows.push_back(r);
    // Roles from every header row, 栏次 rows included (类 款 项 栏次 1 2 ...).
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = Key(table.TextAt(r, c));
      std::string& role = analysis.roles[static_cast<std::size_t>(c)];
      if (key == "类")
        role = "class";
      else if (key == "款")
        role = "kuan";
      else if (key == "项" && role.empty())
        role = "xiang";
      else if (Has(key, "行次"))
        role = "rowno";
      else if (Has(key, "编码") && role.empty())
        role = "code";
    }
  }
  analysis.header_rows = header_rows;
  // 类 | 款 | 项 printed in the first body row beside 合计 (no rule between).
  if (header_rows < table.row_count) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = Key(table.TextAt(header_rows, c));
      std::string& role = analysis.roles[static_cast<std::size_t>(c)];
      if (!role.empty()) continue;
      if (key == "类") role = "class";
      if (key == "款") role = "kuan";
      if (key == "项") role = "xiang";
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
    }
  }
  // Text exports lose spans and sometimes print a group header one column
  // early (seed 003 公开05: 年末结转和结余 above 本年支出's 项目支出): a group
  // starts where the row below starts it with 合计 or 小计.
  for (std::size_t i = 0; i + 1 < header_count; ++i) {
    for (std::size_t c = 0; c < columns; ++c) {
      if (!single[i][c] || GroupPrefix(Key(grid[i][c])).empty()) continue;
      const std::string below = Key(grid[i + 1][c]);
      if (below.empty() || IsTotalWord(below)) continue;
      for (std::size_t shifted = c + 1; shifted < columns && shifted <= c + 2; ++shifted) {
        if (!Key(grid[i][shifted]).empty()) break;
        if (IsTotalWord(Key(grid[i + 1][shifted]))) {
          grid[i][shifted] = std::move(grid[i][c]);
          grid[i][c].clear();
          break;
        }
      }
    }
  }
  auto text_below = [&](std::size_t i, std::size_t c) {
    for (std::size_t j = i + 1; j < header_count; ++j) {
      if (!Key(grid[j][c]).empty()) return true;
    }
    return false;
  };

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
        if (!Key(grid[above][c]).empty()) carried.clear();
      }
      if (Key(text).empty()) {
        if (!carried.empty() && !continuation[i][c] && text_below(i, c)) text = carried;
      } else {
        carried.clear();
        if (i + 1 < header_count && single[i][c] && text_below(i, c)) carried = text;
      }
      if (!Key(text).empty()) {
        std::vector<std::string>& path = paths[c];
        if (path.empty() || path.back() != text) path.push_back(text);
      }
    }
  }
  ReflowByColumnNumbers(table, header_rows, grid, single, paths);
  for (std::size_t c = 0; c < columns; ++c) {
    analysis.keys[c] = ColumnKeyForHeader(paths[c]);
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

namespace {

// ---------------------------------------------------------------- row keys

std::string IncomeKey(const std::string& name) {
  if (name.empty()) return "";
  if (name == "总计" || name == "收入总计" || name == "收入合计总计") return "grand_total";
  if (Has(name, "本年收入合计") || name == "收入合计" || name == "本年收入小计" ||
      name == "当年收入小计" || name == "本年收入" || name == "当年收入") {
    return "total_current_year";
  }
  if (Has(name, "使用非财政拨款结余")) return "use_of_non_fiscal_balance";
  if (Has(name, "年初结转和结余") || Has(name, "上年结转") || Has(name, "年初财政拨款结转") ||
      Has(name, "年初结转结余")) {
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
  if (name == "总计" || name == "支出总计") return "grand_total";
  if (Has(name, "本年支出合计") || name == "支出合计" || name == "本年支出小计" ||
      name == "当年支出小计" || name == "当年支出") {
    return "total_current_year";
  }
  if (Has(name, "结余分配")) return "surplus_distribution";
  if (Has(name, "年末结转和结余") || Has(name, "年末财政拨款结转") || Has(name, "年末结转结余")) {
    return "closing_carryover";
  }
  if (std::optional<std::string> code = FunctionClassCode(name)) return *code;
  if (name == "基本支出") return "basic";
  if (name == "项目支出") return "project";
  // Jiangsu budgets print 支出用途 beside the classes: 基本 / 项目 / 预留机动经费.
  if (Has(name, "预留机动经费")) return "reserve";
  return "";
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
  if (Has(name, "购置及运行") || Has(name, "购置和运行")) return "three_public.vehicle_total";
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

bool IsSummaryKind(std::string_view kind) {
  return EndsWith(kind, ".income_expenditure_summary") ||
         EndsWith(kind, ".fiscal_appropriation_summary");
}

bool IsFunctionCodedKind(std::string_view kind) {
  return EndsWith(kind, ".income") || EndsWith(kind, ".expenditure") ||
         EndsWith(kind, ".general_budget_expenditure") || EndsWith(kind, ".gov_fund") ||
         EndsWith(kind, ".state_capital") || EndsWith(kind, ".general_budget_project_expenditure");
}

// One group of columns printed side by side: label columns, then amounts.
struct Segment {
  std::vector<int> labels;
  std::vector<int> amounts;
};

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

// A printed unit line and the unit it declares.
struct UnitDeclaration {
  std::string printed;
  UnitOfAmount unit = UnitOfAmount::kUnknown;
};

std::optional<UnitDeclaration> UnitInLines(std::string_view text) {
  for (const std::string& line : SplitLines(text)) {
    UnitOfAmount unit = ParseUnitDeclaration(line);
    if (unit != UnitOfAmount::kUnknown) return UnitDeclaration{CollapseWhitespace(line), unit};
  }
  return std::nullopt;
}

// Printed unit text: the part of a line from 单位 on when the line holds more.
std::string UnitPhrase(const std::string& line) {
  std::size_t at = line.find("金额单位");
  if (at == std::string::npos) at = line.rfind("单位");
  if (at == std::string::npos) return line;
  return Trim(std::string_view(line).substr(at));
}

struct TablePart {
  int block = -1;
  const Table* table = nullptr;
  HeaderAnalysis header;
};

// The first row after the header. Body rows start after the 栏次 / ※ row
// when there is one: a label fragment below it (the second half of a name
// cut by a page break) holds no figure but is no header.
int BodyStart(const TablePart& part) {
  for (int r = part.header.header_rows - 1; r >= 0; --r) {
    if (ScanRow(*part.table, r).column_numbers) return r + 1;
  }
  return part.header.header_rows;
}

// Whether `upper` (end of a page) and `lower` (top of the next) are the two
// halves of one cell: an amount whole only when joined ("3,27 9,76" + "1.42",
// "387," + "070.00", or "5.9" + "6" in a table whose amounts print
// `table_decimals` places), or a class code of a valid length only when joined
// ("210150" + "1").
bool CellHalvesJoin(std::string_view upper, std::string_view lower, int table_decimals) {
  const std::string upper_text = RemoveAllWhitespace(upper);
  const std::string lower_text = RemoveAllWhitespace(lower);
  if (upper_text.empty() || lower_text.empty()) return false;
  const AmountText joined = ParseAmountText(upper_text + lower_text);
  if (joined.kind == AmountKind::kNumber && !joined.irregular_grouping && !joined.percent) {
    const AmountText top = ParseAmountText(upper_text);
    const AmountText bottom = ParseAmountText(lower_text);
    if (top.kind == AmountKind::kNotNumber || top.irregular_grouping ||
        bottom.kind == AmountKind::kNotNumber) {
      return true;
    }
    // "5.9" | "6" where the table prints two decimals throughout.
    if (table_decimals > 0 && top.decimals > 0 && top.decimals < table_decimals &&
        joined.decimals == table_decimals && AllDigits(lower_text)) {
      return true;
    }
  }
  // A 7-digit code wrapped in a narrow column breaks after 4 or 6 digits.
  const std::size_t joined_size = upper_text.size() + lower_text.size();
  return AllDigits(upper_text) && AllDigits(lower_text) &&
         (upper_text.size() == 4 || upper_text.size() == 6) &&
         (joined_size == 5 || joined_size == 7);
}

// A code piece cut by the page: fewer digits above than the column's codes
// print ("0" | "5" where 款 prints two digits), exactly that many joined.
bool CodePieceHalvesJoin(std::string_view upper, std::string_view lower, std::size_t digits) {
  const std::string upper_text = RemoveAllWhitespace(upper);
  const std::string lower_text = RemoveAllWhitespace(lower);
  return digits > 1 && AllDigits(upper_text) && AllDigits(lower_text) &&
         upper_text.size() < digits && upper_text.size() + lower_text.size() == digits;
}

// Tables of text, not figures (绩效目标 forms, unrecognised tables): no
// figure findings, no row joins.
bool IsTextTableKind(const std::string& kind) {
  return kind == "other" || StartsWith(kind, "performance.");
}

// Roles of the label columns that spell a row's code.
bool IsCodeRole(const std::string& role) {
  return role == "class" || role == "kuan" || role == "xiang" || role == "code";
}

// Larger grids are not disclosure tables (text exports of stray tab runs).
constexpr int kMaxColumns = 200;
constexpr std::int64_t kMaxPositions = 20000;  // the largest real block has 468

struct PendingTable {
  CanonicalTable canonical;
  std::vector<TablePart> parts;
  std::string printed_unit;
  UnitOfAmount declared = UnitOfAmount::kUnknown;
};

class TableBuilder {
 public:
  TableBuilder(const Document& document, const DocumentMetadata& metadata,
               std::vector<Finding>& findings)
      : document_(document), metadata_(metadata), findings_(findings) {}

  std::vector<CanonicalTable> Build() {
    Collect();
    DocumentDefaultUnit();
    std::vector<CanonicalTable> out;
    for (PendingTable& pending : pending_) {
      const int index = static_cast<int>(out.size());
      FillRows(pending, index);
      ReportUnkeyedRows(pending.canonical);
      ReportUnreadAmountColumns(pending);
      out.push_back(std::move(pending.canonical));
    }
    return out;
  }

 private:
  // Figures whose row has neither a class code nor a canonical key are still
  // exported (under their printed name), and said so once per table.
  void ReportUnkeyedRows(const CanonicalTable& table) {
    if (IsTextTableKind(table.kind)) return;
    std::vector<const CanonicalRow*> unkeyed;
    for (const CanonicalRow& row : table.rows) {
      if (row.row_code.empty() && !row.values.empty()) unkeyed.push_back(&row);
    }
    if (unkeyed.empty()) return;
    constexpr std::size_t kNamesListed = 5;
    std::string names;
    for (std::size_t i = 0; i < unkeyed.size() && i < kNamesListed; ++i) {
      if (!names.empty()) names += ", ";
      names += unkeyed[i]->row_name;
    }
    if (unkeyed.size() > kNamesListed) names += ", ...";
    Finding finding;
    finding.check = "row.unkeyed";
    finding.severity = Severity::kInfo;
    finding.message = table.kind + ": " + std::to_string(unkeyed.size()) +
                      " row(s) with figures have no class code or canonical key and are exported "
                      "under their printed name with an empty row_code: " +
                      names;
    finding.provenance = unkeyed.front()->values.front().provenance;
    for (const CanonicalRow* row : unkeyed) {
      for (const Figure& figure : row->values) {
        finding.figures.push_back(FigureRef{figure.table_kind, figure.row_code, figure.column,
                                            figure.amount_fen, figure.provenance});
      }
    }
    findings_.push_back(std::move(finding));
  }

  void Collect() {
    int previous_table_block = -1;
    for (int b = 0; b < static_cast<int>(document_.blocks.size()); ++b) {
      const Table* table = document_.blocks[static_cast<std::size_t>(b)].AsTable();
      if (table == nullptr || table->parent.has_value()) continue;
      if (table->column_count > kMaxColumns ||
          static_cast<std::int64_t>(table->row_count) * table->column_count > kMaxPositions) {
        // No disclosure table is this large (the largest real ones have 21
        // columns and a few hundred rows); reading a ragged grid of this size
        // would take minutes (fuzz: a 22,149-column row of tabs).
        AddFinding("table.too_large", Severity::kWarning,
                   "a table of " + std::to_string(table->row_count) + " rows and " +
                       std::to_string(table->column_count) + " columns is not read: the limit is " +
                       std::to_string(kMaxColumns) + " columns and " +
                       std::to_string(kMaxPositions) + " cells",
                   table->provenance);
        continue;
      }
      // Title and unit lines in the paragraphs before the table.
      std::string title;
      int title_block = -1;
      std::optional<UnitDeclaration> unit_before;
      for (int p = b - 1; p >= 0 && p > previous_table_block && b - p <= kTitleWindowBlocks; --p) {
        const Paragraph* paragraph = document_.blocks[static_cast<std::size_t>(p)].AsParagraph();
        if (paragraph == nullptr) break;
        const std::vector<std::string> lines = SplitLines(paragraph->text);
        for (auto line = lines.rbegin(); line != lines.rend() && title.empty(); ++line) {
          if (IsTableTitleLine(*line)) {
            title = CollapseWhitespace(*line);
            title_block = p;
          }
        }
        if (!unit_before) {
          if (std::optional<UnitDeclaration> unit = UnitInLines(paragraph->text)) {
            unit_before = unit;
          }
        }
        if (!title.empty()) {
          // A title wrapped over two paragraphs ("…支出预算" / "表").
          if (DecodeUtf8(Key(title)).size() <= 4 && p - 1 > previous_table_block) {
            const Paragraph* before =
                document_.blocks[static_cast<std::size_t>(p - 1)].AsParagraph();
            if (before != nullptr && !IsTableTitleLine(before->text) &&
                ParseUnitDeclaration(before->text) == UnitOfAmount::kUnknown) {
              title = CollapseWhitespace(before->text) + title;
            }
          }
          break;
        }
      }
      (void)title_block;
      previous_table_block = b;
      // A form drawn with its title inside the frame (sh_putuo_wanli_2023 p31:
      // 财政项目支出绩效目标填报表 in the first row).
      for (int r = 0; title.empty() && r < std::min(table->row_count, 2); ++r) {
        std::vector<std::string_view> texts;
        for (int c = 0; c < table->column_count; ++c) {
          const std::string_view text = table->TextAt(r, c);
          if (!Trim(text).empty()) texts.push_back(text);
        }
        if (texts.size() == 1 && IsTableTitleLine(texts.front())) {
          title = CollapseWhitespace(texts.front());
        }
      }

      TablePart part{b, table, AnalyzeHeader(*table)};
      // An untitled table of the previous one's shape continues it, also when
      // the page repeats the 编制部门 / 单位 lines above it (seed 004 表2);
      // a different unit starts a new table.
      const Table* previous_table = pending_.empty() ? nullptr : pending_.back().parts.back().table;
      const bool same_shape =
          previous_table != nullptr && previous_table->column_count == table->column_count;
      const bool same_unit =
          !unit_before || pending_.empty() || unit_before->unit == pending_.back().declared;
      const bool stitch = title.empty() && same_shape && same_unit;
      if (stitch) {
        PendingTable& previous = pending_.back();
        if (StackOntoHeaderOnlyPart(previous, part)) continue;
        RejoinRowBrokenByPage(previous, part);
        previous.parts.push_back(std::move(part));
        AddSourceBlock(previous.canonical, b, *table);
        continue;
      }

      PendingTable pending;
      pending.canonical.printed_title = title;
      pending.canonical.kind = title.empty() ? "other" : ClassifyTableTitle(title, metadata_.kind);
      pending.canonical.pages = table->pages;
      pending.canonical.source_blocks.push_back(b);
      // Unit: before the table, in its first rows, or right after it.
      std::optional<UnitDeclaration> unit = unit_before;
      for (int r = 0; !unit && r < std::min(table->row_count, kUnitRowsScanned); ++r) {
        for (int c = 0; !unit && c < table->column_count; ++c) {
          const std::string_view text = table->TextAt(r, c);
          if (!text.empty()) unit = UnitInLines(text);
        }
      }
      if (!unit && b + 1 < static_cast<int>(document_.blocks.size())) {
        if (const Paragraph* after =
                document_.blocks[static_cast<std::size_t>(b + 1)].AsParagraph()) {
          unit = UnitInLines(after->text);
        }
      }
      if (unit) {
        pending.printed_unit = UnitPhrase(unit->printed);
        pending.declared = unit->unit;
      }
      pending.parts.push_back(std::move(part));
      pending_.push_back(std::move(pending));
    }
  }

  void DocumentDefaultUnit() {
    int yuan = 0;
    int wan = 0;
    UnitOfAmount first = UnitOfAmount::kUnknown;
    for (const PendingTable& pending : pending_) {
      if (pending.declared == UnitOfAmount::kYuan) ++yuan;
      if (pending.declared == UnitOfAmount::kWanYuan) ++wan;
      if (first == UnitOfAmount::kUnknown) first = pending.declared;
    }
    if (yuan > wan)
      default_unit_ = UnitOfAmount::kYuan;
    else if (wan > yuan)
      default_unit_ = UnitOfAmount::kWanYuan;
    else
      default_unit_ = first;
  }

  // Word breaks a table row across pages unless told not to, so the last row
  // of one part and the first body row of the next can be halves of one row.
  // They are joined when some cell proves it (CellHalvesJoin) and every cell
  // of the lower half has a cell above it to join.
  void RejoinRowBrokenByPage(PendingTable& previous, TablePart& part) {
    // Only figures are at stake: text tables (绩效目标) keep their rows.
    if (IsTextTableKind(previous.canonical.kind)) return;
    const TablePart& upper_part = previous.parts.back();
    const Table& upper = *upper_part.table;
    const Table& lower = *part.table;
    if (upper.column_count != lower.column_count) return;
    auto has_text = [](const Table& table, int r) {
      for (int c = 0; c < table.column_count; ++c) {
        if (!Trim(table.TextAt(r, c)).empty()) return true;
      }
      return false;
    };
    // A continuation's own header analysis takes its leading name-only rows
    // for header; only the first part's header is known to be one.
    const TablePart& first_part = previous.parts.front();
    const int upper_body = &upper_part == &first_part ? BodyStart(upper_part) : 0;
    int upper_row = upper.row_count - 1;
    while (upper_row >= upper_body && !has_text(upper, upper_row)) --upper_row;
    if (upper_row < upper_body) return;
    // Word repeats the top rows of a table on each page (w:tblHeader), the
    // 合计 row too when it is marked; the continuation's body starts after the
    // rows it shares with the first part's top.
    auto same_row = [&](int r, int h) {
      for (int c = 0; c < lower.column_count; ++c) {
        if (Key(lower.TextAt(r, c)) != Key(first_part.table->TextAt(h, c))) return false;
      }
      return true;
    };
    int lower_row = 0;
    while (lower_row < lower.row_count && lower_row < first_part.table->row_count &&
           same_row(lower_row, lower_row)) {
      ++lower_row;
    }
    while (lower_row < lower.row_count &&
           (!has_text(lower, lower_row) || ScanRow(lower, lower_row).column_numbers)) {
      ++lower_row;
    }
    if (lower_row >= lower.row_count) return;

    if (!RowHalvesJoin(upper, upper_row, lower, lower_row,
                       IsNamelessFragment(first_part.header, upper, upper_row, lower, lower_row))) {
      return;
    }

    Table& joined_upper = Own(previous.parts.back());
    Table& joined_lower = Own(part);
    std::string halves;
    for (TableCell& below : joined_lower.cells) {
      if (below.row != lower_row || Trim(below.text).empty()) continue;
      for (TableCell& above : joined_upper.cells) {
        if (above.row != upper_row || above.column != below.column) continue;
        if (halves.size() < 160) {
          halves += (halves.empty() ? "" : "; ") + CollapseWhitespace(above.text) + " + " +
                    CollapseWhitespace(below.text);
        }
        above.text += Trim(above.text).empty() ? Trim(below.text) : "\n" + Trim(below.text);
      }
      below.text.clear();
    }
    const TableCell* first_above = nullptr;
    for (const TableCell& cell : joined_upper.cells) {
      if (cell.row == upper_row && !Trim(cell.text).empty()) {
        first_above = &cell;
        break;
      }
    }
    Provenance provenance = first_above != nullptr ? first_above->provenance : upper.provenance;
    if (provenance.block < 0) provenance.block = upper_part.block;
    AddFinding("table.row_rejoined", Severity::kInfo,
               "a row of table '" + previous.canonical.printed_title + "' broken by " +
                   PageBreakAfter(upper) + " was joined with its second half: " + halves,
               provenance);
  }

  // A table whose first page holds only (part of) its header: the header
  // goes on over the page break, so the two parts are one grid, stacked. When
  // the break cut a header row in two (支出功 | 能分类科目编码, 对附属单位补 |
  // 助支出), the halves are joined if that names more columns.
  bool StackOntoHeaderOnlyPart(PendingTable& previous, const TablePart& part) {
    if (previous.parts.size() != 1) return false;
    TablePart& upper_part = previous.parts.back();
    const Table& upper = *upper_part.table;
    const Table& lower = *part.table;
    if (upper.column_count != lower.column_count || upper.row_count == 0) return false;
    if (upper_part.header.header_rows < upper.row_count) return false;  // it has data rows

    // Distinct canonical keys the header gives; a cut header word names none,
    // and a 合计 row taken for header repeats one.
    auto named_columns = [](const HeaderAnalysis& header) {
      std::set<std::string> keys(header.keys.begin(), header.keys.end());
      keys.erase("");
      return keys.size();
    };
    Table stacked = StackTables(upper, lower);
    HeaderAnalysis header = AnalyzeHeader(stacked);
    std::optional<Table> joined = TryStackJoiningBoundaryRow(upper, lower);
    if (joined) {
      // The first body row cut in two ("4,964,173." | "05") made the part
      // look header-only; its halves prove the join outright.
      const bool proven = RowHalvesJoin(upper, upper.row_count - 1, lower, 0);
      HeaderAnalysis joined_header = AnalyzeHeader(*joined);
      if (proven ||
          (named_columns(joined_header) > named_columns(header) &&
           TextColumnsKeyed(*joined, joined_header) <= TextColumnsKeyed(stacked, header))) {
        stacked = std::move(*joined);
        header = std::move(joined_header);
      }
      if (proven) {
        Provenance provenance = upper.provenance;
        if (provenance.block < 0) provenance.block = upper_part.block;
        AddFinding("table.row_rejoined", Severity::kInfo,
                   "a row of table '" + previous.canonical.printed_title + "' broken by " +
                       PageBreakAfter(upper) +
                       " was joined with its second half (the page before held only the "
                       "header and the row's upper half)",
                   provenance);
      }
    }
    owned_tables_.push_back(std::move(stacked));
    upper_part.table = &owned_tables_.back();
    upper_part.header = std::move(header);
    AddSourceBlock(previous.canonical, part.block, lower);
    return true;
  }

  // Columns the header gives an amount key whose body prints names, not
  // numbers: a header joined across a row that was no cut ("财政拨款收入" over
  // "项目" read as one word keys the label column).
  static int TextColumnsKeyed(const Table& table, const HeaderAnalysis& header) {
    int keyed_text = 0;
    for (std::size_t c = 0; c < header.keys.size(); ++c) {
      if (header.keys[c].empty()) continue;
      int numbers = 0, texts = 0;
      for (int r = header.header_rows; r < table.row_count; ++r) {
        const std::string_view text = table.TextAt(r, static_cast<int>(c));
        if (Trim(text).empty()) continue;
        const AmountKind kind = ParseAmountText(text).kind;
        if (kind == AmountKind::kNumber) {
          ++numbers;
        } else if (kind == AmountKind::kNotNumber) {
          ++texts;
        }
      }
      keyed_text += texts > numbers;
    }
    return keyed_text;
  }

  static Table StackTables(const Table& upper, const Table& lower) {
    Table stacked = upper;
    for (TableCell cell : lower.cells) {
      cell.row += upper.row_count;
      stacked.cells.push_back(std::move(cell));
    }
    stacked.row_count = upper.row_count + lower.row_count;
    for (int page : lower.pages) stacked.pages.push_back(page);
    stacked.continues_on_next_page = lower.continues_on_next_page;
    return stacked;
  }

  // The stack with the lower part's first row joined into the upper part's
  // last where the page cut a cell: a cell of the lower first row spanning the
  // same columns as the upper cell above it is that cell's second half. Cells
  // that subdivide the one above (小计 | 其中：教育收费 under 事业收入) start
  // the next header row, which the joined cells then span. nullopt when no
  // cell joins.
  static std::optional<Table> TryStackJoiningBoundaryRow(const Table& upper, const Table& lower) {
    const int last = upper.row_count - 1;
    Table stacked = upper;
    std::vector<std::pair<std::size_t, const TableCell*>> joins;  // upper cell index, lower cell
    bool row_stays = false;
    for (const TableCell& cell : lower.cells) {
      if (cell.row != 0) continue;
      const TableCell* above = upper.CellAt(last, cell.column);
      if (above != nullptr && above->column == cell.column &&
          above->column_span == cell.column_span) {
        joins.emplace_back(static_cast<std::size_t>(above - upper.cells.data()), &cell);
      } else {
        row_stays = true;
      }
    }
    if (joins.empty()) return std::nullopt;
    for (const auto& [index, cell] : joins) {
      TableCell& target = stacked.cells[index];
      const std::string half = Trim(cell->text);
      if (!half.empty()) target.text += Trim(target.text).empty() ? half : "\n" + half;
      target.row_span += row_stays ? cell->row_span : cell->row_span - 1;
    }
    const int offset = row_stays ? last + 1 : last;
    for (TableCell cell : lower.cells) {
      if (cell.row == 0 && std::any_of(joins.begin(), joins.end(), [&cell](const auto& join) {
            return join.second->column == cell.column;
          })) {
        continue;
      }
      cell.row += offset;
      stacked.cells.push_back(std::move(cell));
    }
    stacked.row_count = offset + lower.row_count;
    for (int page : lower.pages) stacked.pages.push_back(page);
    stacked.continues_on_next_page = lower.continues_on_next_page;
    return stacked;
  }

  // Amounts in a column whose header names no canonical column are not read;
  // say so rather than lose them. Only money-like cells count (a point or a
  // separator): bare integers are codes, row numbers and counts.
  void ReportUnreadAmountColumns(const PendingTable& pending) {
    const CanonicalTable& table = pending.canonical;
    const TablePart& first = pending.parts.front();
    // Text tables, 三公 tables read column by column, and tables whose unit
    // is unknown (already an error) are not checked.
    if (IsTextTableKind(table.kind) || EndsWith(table.kind, ".three_public") ||
        table.unit == UnitOfAmount::kUnknown) {
      return;
    }
    for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
      if (!table.column_keys[c].empty()) continue;
      const std::string& role = first.header.roles[c];
      if (IsCodeRole(role) || role == "rowno") continue;
      int amounts = 0;
      const TableCell* example = nullptr;
      for (const TablePart& part : pending.parts) {
        if (static_cast<std::size_t>(part.table->column_count) != table.column_keys.size()) {
          continue;
        }
        for (int r = BodyStart(part); r < part.table->row_count; ++r) {
          const TableCell* cell = part.table->CellAt(r, static_cast<int>(c));
          if (cell == nullptr || cell->row != r || cell->column != static_cast<int>(c)) continue;
          if (read_cells_.count(cell) != 0) continue;  // read under another column's key
          const AmountText amount = ParseAmountText(cell->text);
          if (amount.kind != AmountKind::kNumber || amount.percent) continue;
          const std::string folded = RemoveAllWhitespace(cell->text);
          if (folded.find_first_of(".,") == std::string::npos) continue;
          ++amounts;
          if (example == nullptr) example = cell;
        }
      }
      if (amounts == 0) continue;
      std::string header = CollapseWhitespace(first.header.paths[c]);
      Provenance provenance = example->provenance;
      AddFinding("column.unkeyed", Severity::kWarning,
                 "column " + std::to_string(c + 1) + " of table '" + table.printed_title +
                     "' (header '" + header + "') holds " + std::to_string(amounts) +
                     " amount(s) that are not read: its header names no canonical column",
                 provenance, Trim(example->text));
    }
  }

  // A row name cut by the break: only the whole name is a line the tables
  // know ("八、社会保障和就" + "业支出" is 208).
  static bool NameHalvesJoin(std::string_view upper, std::string_view lower) {
    auto names_a_line = [](const std::string& text) {
      const std::string key = StripOrdinal(Key(text));
      return FunctionClassCode(key).has_value() || !IncomeKey(key).empty() ||
             !ExpenditureKey(key).empty();
    };
    const std::string upper_text = Trim(upper);
    const std::string lower_text = Trim(lower);
    if (upper_text.empty() || lower_text.empty()) return false;
    if (ParseAmountText(lower_text).kind == AmountKind::kNumber) return false;
    return !names_a_line(upper_text) && names_a_line(upper_text + lower_text);
  }

  // In a table of one label group before its amounts, a row printing neither
  // a name nor its 类 under a row that prints both is no row of its own: it is
  // the rest of that row ("201 | 3 | 0 | 宗教事务 | 2.2" / " | 4 | 4 | | 0").
  static bool IsNamelessFragment(const HeaderAnalysis& header, const Table& upper, int upper_row,
                                 const Table& lower, int lower_row) {
    if (SplitSegments(header.keys).size() != 1) return false;
    bool any_name = false;
    for (std::size_t c = 0; c < header.roles.size(); ++c) {
      const std::string& role = header.roles[c];
      if (role != "label" && role != "class" && role != "code") continue;
      const int column = static_cast<int>(c);
      if (!Trim(lower.TextAt(lower_row, column)).empty()) return false;
      if (role == "label") any_name = any_name || !Trim(upper.TextAt(upper_row, column)).empty();
    }
    return any_name;
  }

  // Whether row `upper_row` of `upper` and row `lower_row` of `lower` are
  // halves of one row: every filled cell below has a cell above with the same
  // anchor column, and some cell proves the join (CellHalvesJoin,
  // CodePieceHalvesJoin), or the lower row is a lone name fragment completing
  // the name above, or `lower_is_fragment` (IsNamelessFragment).
  static bool RowHalvesJoin(const Table& upper, int upper_row, const Table& lower, int lower_row,
                            bool lower_is_fragment = false) {
    // The decimal places the upper part's amounts print most often (cells
    // printing a point), and per column the digit count of all-digit cells
    // (codes: 类 3, 款 and 项 2) most often.
    std::map<int, int> decimal_counts;
    std::vector<std::map<std::size_t, int>> digit_counts(
        static_cast<std::size_t>(std::max(upper.column_count, 0)));
    for (const TableCell& cell : upper.cells) {
      const std::string text = RemoveAllWhitespace(cell.text);
      if (AllDigits(text) && cell.column < upper.column_count) {
        ++digit_counts[static_cast<std::size_t>(cell.column)][text.size()];
        continue;
      }
      const AmountText amount = ParseAmountText(text);
      if (amount.kind == AmountKind::kNumber && !amount.percent && !amount.irregular_grouping &&
          amount.decimals > 0) {
        ++decimal_counts[amount.decimals];
      }
    }
    int decimals = 0;
    for (const auto& [places, count] : decimal_counts) {
      if (decimals == 0 || count > decimal_counts[decimals]) decimals = places;
    }
    auto typical_digits = [&digit_counts](int column) {
      std::size_t digits = 0;
      int best = 0;
      for (const auto& [size, count] : digit_counts[static_cast<std::size_t>(column)]) {
        if (count > best) {
          best = count;
          digits = size;
        }
      }
      return digits;
    };
    bool proven = false;
    int filled = 0;
    bool name_proof = false;
    for (int c = 0; c < lower.column_count; ++c) {
      const TableCell* below = lower.CellAt(lower_row, c);
      if (below == nullptr || below->row != lower_row || below->column != c) continue;
      if (Trim(below->text).empty()) continue;
      const TableCell* above = upper.CellAt(upper_row, c);
      if (above == nullptr || above->row != upper_row || above->column != c) return false;
      ++filled;
      proven = proven || CellHalvesJoin(above->text, below->text, decimals) ||
               CodePieceHalvesJoin(above->text, below->text, typical_digits(c));
      name_proof = name_proof || NameHalvesJoin(above->text, below->text);
    }
    return proven || (name_proof && filled == 1) || (lower_is_fragment && filled > 0);
  }

  // A block stitched into `table`: its index and its pages, kept ascending.
  static void AddSourceBlock(CanonicalTable& table, int block, const Table& grid) {
    table.source_blocks.push_back(block);
    table.pages.insert(table.pages.end(), grid.pages.begin(), grid.pages.end());
    std::sort(table.pages.begin(), table.pages.end());
    table.pages.erase(std::unique(table.pages.begin(), table.pages.end()), table.pages.end());
  }

  // "the page break after page N", or "a page break" for formats without pages.
  static std::string PageBreakAfter(const Table& upper) {
    return upper.pages.empty() || upper.pages.back() == 0
               ? std::string("a page break")
               : "the page break after page " + std::to_string(upper.pages.back());
  }

  // A private copy of a part's grid, for joining cells across parts.
  Table& Own(TablePart& part) {
    owned_tables_.push_back(*part.table);
    part.table = &owned_tables_.back();
    return owned_tables_.back();
  }

  void AddFinding(std::string check, Severity severity, std::string message,
                  const Provenance& provenance, std::string printed = "") {
    Finding finding;
    finding.check = std::move(check);
    finding.severity = severity;
    finding.message = std::move(message);
    finding.provenance = provenance;
    finding.printed_text = std::move(printed);
    findings_.push_back(std::move(finding));
  }

  void FillRows(PendingTable& pending, int table_index) {
    CanonicalTable& table = pending.canonical;
    const TablePart& first = pending.parts.front();
    table.column_keys = first.header.keys;
    table.printed_unit = pending.printed_unit;
    if (pending.declared != UnitOfAmount::kUnknown) {
      table.unit = pending.declared;
      table.unit_source = UnitSource::kDeclared;
    } else if (default_unit_ != UnitOfAmount::kUnknown) {
      table.unit = default_unit_;
      table.unit_source = UnitSource::kDocumentDefault;
    } else {
      table.unit = UnitOfAmount::kUnknown;
      table.unit_source = UnitSource::kUnknown;
    }
    const bool performance = StartsWith(table.kind, "performance.");
    const bool three_public = EndsWith(table.kind, ".three_public");
    const bool summary = IsSummaryKind(table.kind);

    // In a summary, 本年收入 | 本年支出 are its two sides, which the row codes
    // (income.* / expenditure.*) already say; the columns are plain.
    if (summary) {
      for (std::string& key : table.column_keys) {
        for (std::string_view side : {"income.", "expenditure."}) {
          if (StartsWith(key, side)) key = key.substr(side.size());
        }
      }
    }

    // Single amount column of a segment (金额 / 决算数 / 预算数 alone) -> amount.
    std::vector<Segment> segments = SplitSegments(table.column_keys);
    if (!three_public) {
      for (const Segment& segment : segments) {
        if (segment.amounts.size() != 1) continue;
        std::string& key = table.column_keys[static_cast<std::size_t>(segment.amounts[0])];
        // A summary side's lone 合计 column is its amount too.
        if (key == "final" || key == "budget" || key == "amount" || key == "adjusted_budget" ||
            (summary && key == "total")) {
          key = "amount";
        }
      }
    }

    // Three public printed as columns: header names the items, rows hold values.
    std::vector<std::string> column_rows(table.column_keys.size());
    // Per column, the figure kind its header ends with (预算数 / 决算数 under
    // each item, sh_putuo_finance_2024_final p18); "" when the row says it.
    std::vector<std::string> column_values(table.column_keys.size());
    std::vector<std::string> column_names(table.column_keys.size());
    bool columnar_three_public = false;
    if (three_public) {
      int named = 0;
      for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
        std::string path = Key(first.header.paths[c]);
        column_names[c] = first.header.paths[c];
        const std::size_t cut = path.rfind('/');
        if (cut != std::string::npos) {
          const std::string value = LeafKey(path.substr(cut + 1));
          if (value == "budget" || value == "final" || value == "adjusted_budget") {
            column_values[c] = value;
            path.resize(cut);
            column_names[c].resize(column_names[c].rfind('/'));
          }
        }
        std::string leaf =
            path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
        std::string code = ThreePublicKey(leaf);
        if (code.empty() && (leaf == "小计" || leaf == "合计") &&
            path.find('/') != std::string::npos) {
          code = ThreePublicKey(path.substr(0, path.rfind('/')));
          if (code.empty()) code = "three_public.total";
        }
        if (code.empty()) code = ThreePublicKey(path);
        column_rows[c] = code;
        if (!code.empty()) ++named;
      }
      columnar_three_public = named >= 2;
      // With 会议费 / 培训费 columns, the top-level 合计 adds them to the three.
      const bool with_meetings = std::any_of(
          column_rows.begin(), column_rows.end(),
          [](const std::string& code) { return code == "meeting" || code == "training"; });
      for (std::size_t c = 0; with_meetings && c < column_rows.size(); ++c) {
        if (column_rows[c] == "three_public.total" &&
            first.header.paths[c].find('/') == std::string::npos) {
          column_rows[c] = "three_public_meeting_training.total";
        }
      }
    }

    // Unit findings only where there is something to read: a list of units
    // (序号 | 单位名称 | 备注) needs no 金额单位.
    bool amount_cells = false;
    for (const TablePart& part : pending.parts) {
      for (int r = part.header.header_rows; r < part.table->row_count && !amount_cells; ++r) {
        for (std::size_t c = 0; c < table.column_keys.size() && !amount_cells; ++c) {
          if (table.column_keys[c].empty() && !columnar_three_public) continue;
          const AmountText amount = ParseAmountText(part.table->TextAt(r, static_cast<int>(c)));
          amount_cells = amount.kind == AmountKind::kNumber && !amount.percent;
        }
      }
    }
    bool any_figure_table = !performance;
    if (!amount_cells) {
      // Nothing to read, nothing to warn about.
    } else if (any_figure_table && table.unit == UnitOfAmount::kUnknown) {
      AddFinding("unit.unknown", Severity::kError,
                 "no amount unit declared for table '" + table.printed_title +
                     "' and none elsewhere in the document; its figures are not read",
                 first.table->provenance);
      any_figure_table = false;
    } else if (any_figure_table && table.unit_source == UnitSource::kDocumentDefault) {
      AddFinding("unit.document_default", Severity::kWarning,
                 "table '" + table.printed_title + "' declares no unit; read in the document's " +
                     std::string(UnitOfAmountName(table.unit)),
                 first.table->provenance);
    }

    std::vector<std::string> last_class(segments.size());
    std::vector<std::string> last_kuan(segments.size());
    std::vector<bool> expenditure_side(segments.size(), false);
    bool opening_seen = false;
    // Jiangsu summaries close with 当年收入小计 / 上年结转资金 / 收入合计: a
    // 收入合计 (支出合计) after the year's subtotal is the grand total.
    bool income_year_total_seen = false;
    bool expenditure_year_total_seen = false;
    std::map<std::string, std::size_t> columnar_index;

    for (std::size_t part_index = 0; part_index < pending.parts.size(); ++part_index) {
      const TablePart& part = pending.parts[part_index];
      // A continuation without its own header reads its codes the way the
      // first page's header says (类 | 款 | 项 columns).
      // Only code roles count: a fragment row at the top of the page (the rest
      // of a row cut by the break) reads as a header of "label" columns.
      const bool own_roles =
          std::any_of(part.header.roles.begin(), part.header.roles.end(), IsCodeRole);
      const std::vector<std::string>& roles =
          !own_roles && part.table->column_count == first.table->column_count ? first.header.roles
                                                                              : part.header.roles;
      const Table& grid = *part.table;
      const int start = BodyStart(part);
      for (int r = start; r < grid.row_count; ++r) {
        // A repeated header or 栏次 row inside a stitched table.
        if (part_index > 0 || r > start) {
          RowScan scan = ScanRow(grid, r);
          if (scan.column_numbers) continue;
        }
        if (columnar_three_public) {
          std::string label;
          for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
            if (column_rows[c].empty() && table.column_keys[c].empty()) {
              std::string key = Key(grid.TextAt(r, static_cast<int>(c)));
              if (!key.empty() && label.empty()) label = key;
            }
          }
          std::string row_column = LeafKey(label);
          if (row_column.empty() || row_column == "-" || row_column == "total") {
            row_column = metadata_.kind == DocKind::kFinalAccounts ? "final" : "budget";
          }
          for (std::size_t c = 0; c < column_rows.size(); ++c) {
            if (column_rows[c].empty()) continue;
            const std::string& column = column_values[c].empty() ? row_column : column_values[c];
            auto found = columnar_index.find(column_rows[c]);
            if (found == columnar_index.end()) {
              CanonicalRow row;
              row.row_code = column_rows[c];
              row.row_name = CleanName(column_names[c]);
              row.source_block = part.block;
              row.source_row = r;
              table.rows.push_back(std::move(row));
              found = columnar_index.emplace(column_rows[c], table.rows.size() - 1).first;
            }
            CanonicalRow& row = table.rows[found->second];
            if (any_figure_table)
              AddFigure(table, row, grid, part.block, r, static_cast<int>(c), column, table_index);
          }
          continue;
        }

        std::vector<int> consumed;  // cells a 合计 label on the left already took
        for (std::size_t s = 0; s < segments.size(); ++s) {
          const Segment& segment = segments[s];
          // Code pieces and the name from the label columns.
          std::vector<std::pair<std::string, std::string>> pieces;  // role, digits
          std::string code;
          std::string name;
          for (int c : segment.labels) {
            const std::string& role = roles[static_cast<std::size_t>(c)];
            if (role == "rowno") continue;
            const std::string text = Trim(grid.TextAt(r, c));
            if (text.empty()) continue;
            const std::string key = Key(text);
            if (AllDigits(key)) {
              if (IsClassCode(key) && code.empty() && pieces.empty()) {
                code = key;
              } else if (key.size() == 2 &&
                         (role == "kuan" || role == "xiang" || role == "class" || role == "code")) {
                pieces.emplace_back(role, key);
              } else if (key.size() == 1 && (role == "kuan" || role == "xiang")) {
                // Excel's number format drops the leading zero: 款 "2" is 02.
                pieces.emplace_back(role, "0" + key);
              }
              continue;
            }
            // "2080505 机关事业单位…" in one cell.
            std::size_t digits = 0;
            while (digits < key.size() && key[digits] >= '0' && key[digits] <= '9') ++digits;
            if (digits > 0 && digits < key.size() &&
                static_cast<unsigned char>(key[digits]) >= 0x80 &&
                IsClassCode(key.substr(0, digits)) && code.empty()) {
              code = key.substr(0, digits);
              std::size_t cut = 0;
              while (cut < text.size() &&
                     ((text[cut] >= '0' && text[cut] <= '9') || text[cut] == ' '))
                ++cut;
              if (name.empty()) name = CleanName(text.substr(cut));
              continue;
            }
            // The 类 | 款 | 项 header words share a row with 合计 when a PDF
            // draws no rule between them (sh_putuo_finance_2024_final p8).
            if (key == "类" || key == "款" || key == "项") continue;
            if (name.empty()) name = CleanName(text);
          }
          if (!pieces.empty()) {
            std::string joined;
            for (const auto& piece : pieces) joined += piece.second;
            if (code.size() == 3) {
              code += joined;
            } else if (code.empty()) {
              const bool xiang_only = pieces.size() == 1 && pieces[0].first == "xiang";
              if (xiang_only && !last_kuan[s].empty()) {
                code = last_kuan[s] + joined;
              } else if (!last_class[s].empty()) {
                code = last_class[s] + joined;
              }
            }
            if (!IsClassCode(code)) code.clear();
          }
          if (code.size() == 3) {
            last_class[s] = code;
            last_kuan[s].clear();
          } else if (code.size() == 5) {
            last_kuan[s] = code;
            last_class[s] = code.substr(0, 3);
          }

          // Figures of this segment; a 合计 label whose amount sits in a later
          // segment's column (公用经费合计 spanning to the last 金额).
          std::vector<std::pair<int, std::string>> amount_columns;
          for (int c : segment.amounts) {
            amount_columns.emplace_back(c, table.column_keys[static_cast<std::size_t>(c)]);
          }
          bool any_text = false;
          for (const auto& [c, key] : amount_columns) {
            any_text = any_text || !Trim(grid.TextAt(r, c)).empty();
          }
          if (!any_text && !amount_columns.empty() && !name.empty() &&
              (EndsWith(Key(name), "合计") || (summary && EndsWith(Key(name), "小计")))) {
            // The first filled cell to the right, when it is a number.
            const int from = segment.amounts.back() + 1;
            for (int c = from; c < grid.column_count; ++c) {
              const std::string_view text = grid.TextAt(r, c);
              if (Trim(text).empty()) continue;
              if (ParseAmountText(text).kind == AmountKind::kNumber) {
                amount_columns = {{c, amount_columns.back().second}};
                for (std::size_t t = s + 1; t < segments.size(); ++t) {
                  if (std::find(segments[t].amounts.begin(), segments[t].amounts.end(), c) !=
                      segments[t].amounts.end()) {
                    consumed.push_back(c);
                  }
                }
              }
              break;
            }
          }
          // A table of one figure row and no label column (Jiangsu 支出预算总表:
          // 合计 | 基本支出 | 项目支出 | 单位预留机动经费 across) holds the totals.
          if (code.empty() && name.empty() && segments.size() == 1 && segment.labels.empty() &&
              any_text) {
            name = "合计";
            code.clear();
          }
          if (code.empty() && name.empty()) continue;
          auto name_key_of = [](const std::string& text) { return StripOrdinal(Key(text)); };
          // A name cut by a page break or a wrapped cell: its second half
          // stands alone, with no code and no figure, under a coded row
          // ("财政对城乡居民基本医疗保险" / "基金的补助").
          if (code.empty() && !any_text && !table.rows.empty() && !summary && !three_public &&
              IsClassCode(table.rows.back().row_code) && !FunctionClassCode(name_key_of(name)) &&
              !IsTotalWord(Key(name))) {
            CanonicalRow& previous = table.rows.back();
            previous.row_name += name;
            for (Figure& figure : previous.values) figure.row_name = previous.row_name;
            continue;
          }

          CanonicalRow row;
          row.row_name = name;
          row.source_block = part.block;
          row.source_row = r;
          const std::string name_key = StripOrdinal(Key(name));
          if (!code.empty()) {
            // A summary's classes are its expenditure lines, coded or not.
            row.row_code = summary ? "expenditure." + code : code;
            row.level = code.size() == 3 ? 1 : code.size() == 5 ? 2 : 3;
          } else if (summary) {
            bool expenditure = segments.size() >= 2 ? s >= 1 : expenditure_side[0];
            std::string key;
            if (!expenditure) {
              key = IncomeKey(name_key);
              if (key.empty() && segments.size() < 2) {
                std::string other = ExpenditureKey(name_key);
                if (!other.empty()) {
                  expenditure = true;
                  expenditure_side[0] = true;
                  key = other;
                }
              }
              if (!expenditure && !key.empty()) {
                if (key == "opening_carryover") {
                  opening_seen = true;
                } else if (opening_seen && (key == "general_budget_appropriation" ||
                                            key == "gov_fund_appropriation" ||
                                            key == "state_capital_appropriation")) {
                  key = "opening_carryover." + key.substr(0, key.find("_appropriation"));
                } else if (opening_seen && key == "non_fiscal_carryover") {
                  key = "opening_carryover.non_fiscal";
                } else if (opening_seen &&
                           (key == "fiscal_appropriation" || key == "fiscal_special_account" ||
                            key == "unit_funds")) {
                  // 上年结转结余 / 1.财政拨款结转 / 2.非财政拨款结转结余 / 其中：单位资金
                  key = "opening_carryover." + key;
                } else if (key == "grand_total" || key == "total_current_year") {
                  opening_seen = key == "total_current_year" ? opening_seen : false;
                }
              }
            } else {
              key = ExpenditureKey(name_key);
            }
            if (key == "total_current_year") {
              bool& seen = expenditure ? expenditure_year_total_seen : income_year_total_seen;
              if (seen && (name_key == "收入合计" || name_key == "支出合计")) key = "grand_total";
              seen = true;
            }
            if (!key.empty()) {
              row.row_code = (expenditure ? "expenditure." : "income.") + key;
              if (expenditure && AllDigits(key))
                row.level = static_cast<int>(key.size() == 3 ? 1 : key.size() == 5 ? 2 : 3);
            }
          } else if (three_public) {
            row.row_code = ThreePublicKey(name_key);
            if (row.row_code.empty() || IsCountRow(name_key)) {
              table.rows.push_back(std::move(row));
              continue;  // counts and sub-items: kept, not figures
            }
          } else if (name_key == "合计" || name_key == "总计" || name_key == "合计数") {
            row.row_code = "total";
          } else if (Has(name_key, "人员经费合计") || name_key == "人员经费") {
            row.row_code = "personnel_total";
          } else if (Has(name_key, "公用经费合计") || name_key == "公用经费") {
            row.row_code = "public_total";
          } else if (IsFunctionCodedKind(table.kind)) {
            if (std::optional<std::string> class_code = FunctionClassCode(name_key)) {
              row.row_code = *class_code;
              row.level = 1;
            } else if (EndsWith(table.kind, ".income")) {
              // An income table listing sources down the page (收入总计 /
              // 一般公共预算资金 / 其他资金) rather than classes.
              const std::string key = IncomeKey(name_key);
              if (!key.empty()) row.row_code = "income." + key;
            }
          }
          if (any_figure_table) {
            for (const auto& [c, column] : amount_columns) {
              if (column.empty()) continue;
              if (std::find(consumed.begin(), consumed.end(), c) != consumed.end() &&
                  std::find(segment.amounts.begin(), segment.amounts.end(), c) !=
                      segment.amounts.end()) {
                continue;  // taken by a 合计 printed further left
              }
              AddFigure(table, row, grid, part.block, r, c, column, table_index);
            }
          }
          table.rows.push_back(std::move(row));
        }
      }
    }
  }

  void AddFigure(const CanonicalTable& table, CanonicalRow& row, const Table& grid, int block,
                 int r, int c, const std::string& column, int table_index) {
    const TableCell* cell = grid.CellAt(r, c);
    if (cell == nullptr || cell->row != r || cell->column != c) return;
    const std::string text = Trim(cell->text);
    if (text.empty()) return;
    const AmountText amount = ParseAmountText(text);
    read_cells_.insert(cell);
    Provenance provenance = cell->provenance;
    // A reader's own cell position wins: the grid may be a stack of parts.
    if (provenance.block < 0) provenance.block = block;
    if (provenance.row < 0) provenance.row = r;
    if (provenance.column < 0) provenance.column = c;
    if (amount.kind == AmountKind::kBlank || amount.percent) return;
    if (amount.kind == AmountKind::kNotNumber) {
      AddFinding("amount.unparsed", Severity::kWarning,
                 "cell in amount column '" + column + "' of table '" + table.printed_title +
                     "' is not a number",
                 provenance, text);
      return;
    }
    std::optional<std::int64_t> fen = ToFen(amount, table.unit);
    if (!fen) {
      AddFinding("amount.unparsed", Severity::kWarning,
                 "amount '" + text + "' is not exact in fen in table '" + table.printed_title + "'",
                 provenance, text);
      return;
    }
    Figure figure;
    figure.table_kind = table.kind;
    figure.row_code = row.row_code;
    figure.row_name = row.row_name;
    figure.column = column;
    figure.amount_fen = *fen;
    figure.printed_text = text;
    figure.printed_unit =
        amount.suffix_unit != UnitOfAmount::kUnknown ? amount.suffix_unit : table.unit;
    figure.table_index = table_index;
    figure.provenance = provenance;
    if (amount.irregular_grouping) {
      Finding finding;
      finding.check = "amount.irregular_grouping";
      finding.severity = Severity::kWarning;
      finding.message = "amount '" + CollapseWhitespace(text) + "' in row '" + row.row_name +
                        "', column '" + column + "' of table '" + table.printed_title +
                        "' has thousands separators in the wrong places; read digit for digit";
      finding.figures.push_back(FigureRef{figure.table_kind, figure.row_code, figure.column,
                                          figure.amount_fen, figure.provenance});
      finding.actual_fen = figure.amount_fen;
      finding.provenance = provenance;
      finding.printed_text = text;
      findings_.push_back(std::move(finding));
    }
    row.values.push_back(std::move(figure));
  }

  const Document& document_;
  const DocumentMetadata& metadata_;
  std::vector<Finding>& findings_;
  std::vector<PendingTable> pending_;
  std::deque<Table> owned_tables_;         // grids rewritten by RejoinRowBrokenByPage
  std::set<const TableCell*> read_cells_;  // cells AddFigure has read
  UnitOfAmount default_unit_ = UnitOfAmount::kUnknown;
};

}  // namespace

std::vector<CanonicalTable> BuildTables(const Document& document, const DocumentMetadata& metadata,
                                        std::vector<Finding>& findings) {
  return TableBuilder(document, metadata, findings).Build();
}

}  // namespace disclose
