// Stage 5 of the table pipeline for performance tables (绩效目标表, 绩效自评表;
// table_stages.h): their money, never their indicators.
//
// Publishers print a project's funds in two ways, often in one document:
//   - as a form, one project per table: labelled rows (资金总额 / 其中：财政拨款 /
//     上年结转 / 其他资金) with the amount right of the label, or under a money
//     header (年初预算数 | 全年预算数 | 全年执行数 in a self-evaluation);
//   - as a list, one project per row: a header naming the project column
//     (项目名称) and money columns (项目总额 | 财政资金 | 其他资金, 金额, 资金总额).
// Everything else in these tables (指标值, 分值, 权重, 得分, 执行率) is a target or a
// score, not money: a cell is read only under a money header or beside a funds
// label. The unit is the table's, else the one printed in the funds cells
// (项目资金（万元）).
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_figure.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// A header cell's money column, by its words ("" when it names none). Scores
// and indicator values are never money, whatever their unit.
std::string PerformanceColumnKey(const std::string& text) {
  std::string key = StripOrdinal(TableKey(text));
  for (std::string_view unit : {"(万元)", "(元)"}) {
    if (const std::size_t at = key.find(unit); at != std::string::npos) key.erase(at, unit.size());
  }
  // A sentence (a form's 年度绩效目标 beside the money header) names no
  // column, whatever words it holds (…采购药品金额…).
  constexpr std::size_t kLongestHeaderCodePoints = 20;
  if (DecodeUtf8(key).size() > kLongestHeaderCodePoints || Has(text, "，") || Has(text, "。")) {
    return "";
  }
  if (Has(key, "指标") || Has(key, "分值") || Has(key, "得分") || Has(key, "权重") ||
      Has(key, "执行率") || Has(key, "完成率")) {
    return "";
  }
  struct Word {
    std::string_view word;
    std::string_view column;
  };
  // Longest first: 全年预算数 before 预算数, 政府性基金 before 基金.
  static const Word kWords[] = {
      {"年初预算数", "budget"},
      {"全年预算数", "adjusted_budget"},
      {"调整预算数", "adjusted_budget"},
      {"全年执行数", "execution"},
      {"执行数", "execution"},
      {"实际支出", "execution"},
      {"一般公共预算", "general_budget"},
      {"政府性基金", "gov_fund"},
      {"国有资本经营", "state_capital"},
      {"财政专户管理资金", "fiscal_special_account"},
      {"财政拨款", "fiscal_appropriation"},
      {"财政资金", "fiscal_appropriation"},
      {"上年结转", "carryover"},
      {"其他资金", "other"},
      {"基本支出", "basic"},
      {"项目支出", "project"},
      {"项目总额", "total"},
      {"支出总额", "total"},
      {"资金总额", "total"},
      {"预算资金", "total"},
      {"预算数", "budget"},
      {"金额", "total"},
  };
  if (key == "总额" || key == "合计") return "total";
  for (const Word& word : kWords) {
    if (Has(key, word.word)) return std::string(word.column);
  }
  return "";
}

// A row label's funds key (资金总额 -> funds.total), "" for any other label.
std::string FundsRowKey(const std::string& text) {
  std::string key = StripOrdinal(TableKey(text));
  if (StartsWith(key, "其中")) key = key.substr(std::string_view("其中").size());
  while (!key.empty() && (key.front() == ':' || key.front() == ',')) key.erase(0, 1);
  key = StripTrailingColon(std::move(key));
  for (std::string_view unit : {"(万元)", "(元)"}) {
    if (EndsWith(key, unit)) key.erase(key.size() - unit.size());
  }
  if (key == "资金总额" || key == "年度资金总额" || key == "年度预算资金总额" ||
      key == "年度预算资金" || key == "预算资金总额" || key == "项目资金总额" ||
      key == "年度总资金" || key == "当年预算") {
    return "funds.total";
  }
  if (key == "财政拨款" || key == "当年财政拨款" || key == "财政资金" || key == "财政拨款资金") {
    return "funds.fiscal_appropriation";
  }
  if (key == "上年结转" || key == "上年结转资金") return "funds.carryover";
  if (key == "其他资金") return "funds.other";
  return "";
}

// The indicators' header (一级指标 | 二级指标 | 三级指标 | 指标值, 绩效指标 |
// 指标名称): the line that ends a form's money. Indicator rows name their
// level (产出指标, 数量指标, 满意度指标) and print a value, not always a
// number (定性 | 良): those end nothing.
bool IsIndicatorsHeader(const std::string& text) {
  const std::string key = TableKey(text);
  return Has(key, "一级指标") || Has(key, "二级指标") || Has(key, "三级指标") ||
         Has(key, "指标名称") || Has(key, "指标值") || key == "绩效指标" || key == "绩效目标指标";
}

bool IsProjectNameHeader(const std::string& text) {
  const std::string key = TableKey(text);
  return Has(key, "项目名称") || Has(key, "(项目)名称") || Has(key, "专项资金名称") ||
         key == "任务名称";
}

// 单位名称 / 单位（项目）名称: a list of units' funds names its rows by unit.
bool IsUnitNameHeader(const std::string& text) {
  const std::string key = TableKey(text);
  return key == "单位名称" || key == "预算单位名称";
}

bool IsAmountCell(const std::string& text) {
  const AmountText amount = ParseAmountText(text);
  return amount.kind == AmountKind::kNumber && !amount.percent;
}

// A unit printed in a cell beside the money: 项目资金（万元）, 年度资金总额(万元).
UnitOfAmount UnitInCell(const std::string& text) {
  const std::string key = TableKey(text);
  if (Has(key, "(万元)") || Has(key, "单位:万元")) return UnitOfAmount::kWanYuan;
  if (Has(key, "(元)") || Has(key, "单位:元")) return UnitOfAmount::kYuan;
  return UnitOfAmount::kUnknown;
}

class PerformanceReader {
 public:
  PerformanceReader(const RowsOptions& options, std::vector<Finding>& findings)
      : options_(options), findings_(findings) {}

  CanonicalTable Read(StitchedTable pending, const TableColumns& columns, int table_index) {
    CanonicalTable& table = pending.canonical;
    table.column_keys = columns.keys;
    table.printed_unit = pending.printed_unit;
    table.unit = pending.declared;
    table.unit_source =
        pending.declared != UnitOfAmount::kUnknown ? UnitSource::kDeclared : UnitSource::kUnknown;
    table_index_ = table_index;
    if (table.unit == UnitOfAmount::kUnknown) {
      // The funds cells' own unit (项目资金（万元）), else the document's.
      for (const TablePart& part : pending.parts) {
        for (const TableCell& cell : part.table->cells) {
          const UnitOfAmount unit = UnitInCell(cell.text);
          if (unit == UnitOfAmount::kUnknown || table.unit != UnitOfAmount::kUnknown) continue;
          table.unit = unit;
          table.unit_source = UnitSource::kDeclared;
        }
      }
    }
    if (table.unit == UnitOfAmount::kUnknown && options_.default_unit != UnitOfAmount::kUnknown) {
      table.unit = options_.default_unit;
      table.unit_source = UnitSource::kDocumentDefault;
    }
    std::map<int, std::string> money;  // column -> key, from the last money header
    int name_column = -1;              // a list's project column, -1 for a form
    for (const TablePart& part : pending.parts) {
      const Table& grid = *part.table;
      part_start_ = &part != &pending.parts.front();
      // A page of indicators only reads no row: the repeat may be of the
      // part before it.
      if (table.rows.size() > current_part_rows_) previous_part_rows_ = current_part_rows_;
      current_part_rows_ = table.rows.size();
      for (int r = 0; r < grid.row_count; ++r) {
        std::vector<std::string> texts(static_cast<std::size_t>(grid.column_count));
        bool numbers = false;
        for (int c = 0; c < grid.column_count; ++c) {
          const TableCell* cell = grid.CellAt(r, c);
          if (cell == nullptr || cell->row != r || cell->column != c) continue;
          texts[static_cast<std::size_t>(c)] = Trim(cell->text);
          numbers = numbers || IsAmountCell(cell->text);
        }
        if (!numbers) {
          ReadHeaderRow(texts, money, name_column);
          continue;
        }
        ReadBodyRow(table, grid, part.block, r, texts, money, name_column);
      }
    }
    if (!ambiguous_columns_.empty()) {
      std::string names;
      for (const std::string& name : ambiguous_columns_)
        names += (names.empty() ? "'" : ", '") + name + "'";
      AddTableFinding(findings_, "performance.column_ambiguous", Severity::kWarning,
                      "money column(s) " + names + " of table '" + table.printed_title +
                          "' repeat another column's key; their cells are not read",
                      pending.parts.front().table->provenance);
    }
    NameTheTotalRow(table);
    CheckFundsSum(table);
    return std::move(pending.canonical);
  }

 private:
  // A header row names money columns and, for a list, the project (or unit)
  // column. A header printed over several lines (项目总额 | 其中： over
  // 财政资金 | 其他资金) adds to the line above. In a form, a funds label with
  // its amounts blank is no header; in a list's header the same words
  // (资金总额) name a column. A form's 项目名称 | <name> line names no column:
  // a list is only where the names' header heads money columns too. The
  // indicators' header (一级指标 | 指标值) ends the money part of a form.
  void ReadHeaderRow(const std::vector<std::string>& texts, std::map<int, std::string>& money,
                     int& name_column) {
    sub_labels_above_ = false;
    int project = -1;
    int unit = -1;
    bool indicators = false;
    bool department_form = false;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      if (texts[c].empty()) continue;
      if (StartsWith(TableKey(texts[c]), "部门名称")) department_form = true;
      if (project < 0 && IsProjectNameHeader(texts[c])) project = static_cast<int>(c);
      if (unit < 0 && IsUnitNameHeader(texts[c])) unit = static_cast<int>(c);
      if (IsIndicatorsHeader(texts[c])) indicators = true;
    }
    const bool names = project >= 0 || unit >= 0;
    const bool list = names || list_header_above_;
    std::map<int, std::string> found;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      if (texts[c].empty() || (!list && !FundsRowKey(texts[c]).empty())) continue;
      std::string column = PerformanceColumnKey(texts[c]);
      if (column.empty()) continue;
      // Under a parent cell of the line above (财政拨款 over 合计 | 基本支出 |
      // 项目支出): the parent's key first, as the other stages key groups.
      if (header_above_) {
        std::string parent;
        for (int p = static_cast<int>(c); p >= 0 && parent.empty(); --p) {
          const std::size_t at = static_cast<std::size_t>(p);
          if (at < line_above_.size() && !line_above_[at].empty()) {
            parent = PerformanceColumnKey(line_above_[at]);
            if (parent.empty()) break;
          }
        }
        if (!parent.empty() && parent != "total" && parent != column) {
          column = parent + "." + column;
        }
      }
      found[static_cast<int>(c)] = column;
    }
    if (names) {
      pending_name_ = project >= 0 ? project : unit;
      money.clear();
      name_column = -1;
    } else if (!found.empty() && !list_header_above_ && !header_above_) {
      money.clear();  // a form's own money header
      name_column = -1;
    } else if ((found.empty() && indicators && !list_header_above_) || department_form) {
      // The indicators' header ends the money part above it, unless it is the
      // second line of a list's header (单位（项目）名称 | 资金总额 | 绩效指标 over
      // 一级指标 | 二级指标); 部门名称 (盖章) opens the next form, whose money
      // header is its own (a stitched table of forms).
      money.clear();
      name_column = -1;
    }
    if (!found.empty() && list && pending_name_ >= 0) name_column = pending_name_;
    for (const auto& [column, key] : found) money[column] = key;
    // Two columns of one key (批复金额 and 实际支出金额 both read as amounts)
    // cannot both be right: the later ones are not read, and said so.
    std::set<std::string> keys;
    for (auto it = money.begin(); it != money.end();) {
      if (keys.insert(it->second).second) {
        ++it;
      } else {
        ambiguous_columns_.push_back(texts[static_cast<std::size_t>(it->first)]);
        it = money.erase(it);
      }
    }
    list_header_above_ = names || (list_header_above_ && !found.empty());
    header_above_ = names || !found.empty();
    line_above_ = texts;
    if (!list_header_above_) pending_name_ = -1;
  }

  void ReadBodyRow(CanonicalTable& table, const Table& grid, int block, int r,
                   const std::vector<std::string>& texts, const std::map<int, std::string>& money,
                   int name_column) {
    const bool header_above = header_above_ && name_column < 0;
    list_header_above_ = false;
    header_above_ = false;
    pending_name_ = -1;
    std::size_t first_amount = texts.size();
    for (std::size_t c = 0; c < texts.size(); ++c) {
      if (IsAmountCell(texts[c])) {
        first_amount = c;
        break;
      }
    }
    CanonicalRow row;
    row.source_block = block;
    row.source_row = r;
    // The cells to read: (column, key).
    std::vector<std::pair<int, std::string>> cells;
    // A form's funds row: a funds label left of the amounts.
    int label = -1;
    for (std::size_t c = 0; c < first_amount && label < 0; ++c) {
      const std::string key = FundsRowKey(texts[c]);
      if (key.empty()) continue;
      label = static_cast<int>(c);
      row.row_code = key;
      row.row_name = CollapseWhitespace(texts[c]);
    }
    if (label < 0 && !money.empty() && name_column >= 0) {
      // A list's project row, named by the project column (or its first text:
      // 合计).
      std::string first_text;
      for (std::size_t c = 0; c < texts.size() && first_text.empty(); ++c) {
        if (!texts[c].empty() && ParseAmountText(texts[c]).kind == AmountKind::kNotNumber) {
          first_text = texts[c];
        }
      }
      const std::string& name = texts[static_cast<std::size_t>(name_column)];
      row.row_name = CollapseWhitespace(name.empty() ? first_text : name);
      if (IsTotalWord(TableKey(first_text))) row.row_code = "total";
      for (const auto& [column, column_key] : money) cells.emplace_back(column, column_key);
    } else if (label < 0 && !money.empty()) {
      // A form's funds row under its money header whose label is not in the
      // vocabulary (本级安排, 上级安排): named as printed.
      for (std::size_t c = 0; c < first_amount; ++c) {
        if (!texts[c].empty() && money.count(static_cast<int>(c)) == 0) label = static_cast<int>(c);
      }
      if (label >= 0) {
        row.row_name = CollapseWhitespace(texts[static_cast<std::size_t>(label)]);
      } else if (header_above) {
        // A row of amounts with no label right under the form's money header
        // (总体资金情况（万元） printed in a cell spanning header and row): the
        // form's funds.
        row.row_code = "funds.total";
        for (const auto& [column, column_key] : money) cells.emplace_back(column, column_key);
      } else {
        return;
      }
    }
    if (label >= 0) {
      for (const auto& [column, column_key] : money) {
        if (column > label) cells.emplace_back(column, column_key);
      }
    }
    std::vector<CanonicalRow> sub_rows;
    const bool sub_labels_above = sub_labels_above_;
    sub_labels_above_ = false;
    if (label >= 0 && cells.empty() && !row.row_code.empty()) {
      // No money header: the amount right of the funds label, and those of
      // the labels printed right of it (当年预算 | 12,700.00 | 市级支出 |
      // 补助区县 12,700.00: a split of the row's funds), one amount each.
      const std::vector<LabelAmounts> segments = SegmentsRightOf(texts, label);
      const bool one_each =
          std::all_of(segments.begin(), segments.end(),
                      [](const LabelAmounts& segment) { return segment.amounts.size() <= 1; });
      if (one_each) {
        for (const LabelAmounts& segment : segments) {
          if (segment.label == label) {
            if (!segment.amounts.empty()) cells.emplace_back(segment.amounts.front(), "amount");
            continue;
          }
          sub_labels_above_ = true;
          if (segment.amounts.empty()) continue;
          sub_rows.push_back(SubRow(table, grid, block, r, texts, segment));
        }
      } else {
        int amounts = 0;
        for (const LabelAmounts& segment : segments) {
          amounts += static_cast<int>(segment.amounts.size());
        }
        const TableCell* cell = grid.CellAt(r, label);
        AddTableFinding(findings_, "performance.funds_ambiguous", Severity::kWarning,
                        "funds row '" + row.row_name + "' of table '" + table.printed_title +
                            "' prints " + std::to_string(amounts) +
                            " amounts and no header names them; none is read",
                        cell != nullptr ? cell->provenance : Provenance{});
      }
    } else if (label < 0 && money.empty() && sub_labels_above) {
      // The next line of such a split (补助区县 | 12,700.00 under 市级支出):
      // one label and its amount.
      const std::vector<LabelAmounts> segments = SegmentsRightOf(texts, -1);
      if (segments.size() == 1 && segments.front().label >= 0 &&
          segments.front().amounts.size() == 1) {
        sub_labels_above_ = true;
        sub_rows.push_back(SubRow(table, grid, block, r, texts, segments.front()));
      }
    }
    for (const auto& [column, column_key] : cells) {
      AddFigure(table, row, grid, block, r, column, column_key);
    }
    // The first row with money of a continuation part: indicator rows
    // above it (a value beside a merged cell's text) read none.
    const bool repeated = part_start_ && IsRepeatOfARowAbove(table, previous_part_rows_, row);
    if (!row.values.empty()) part_start_ = false;
    if (!row.values.empty() && !repeated) table.rows.push_back(std::move(row));
    for (CanonicalRow& sub_row : sub_rows) table.rows.push_back(std::move(sub_row));
  }

  // A text cell and the amount cells right of it, up to the next text.
  struct LabelAmounts {
    int label = -1;  // -1: amounts before any text
    std::vector<int> amounts;
  };

  // The cells right of column `from`, cut at each text cell.
  static std::vector<LabelAmounts> SegmentsRightOf(const std::vector<std::string>& texts,
                                                   int from) {
    std::vector<LabelAmounts> segments{LabelAmounts{from, {}}};
    for (std::size_t c = static_cast<std::size_t>(from + 1); c < texts.size(); ++c) {
      if (texts[c].empty()) continue;
      if (IsAmountCell(texts[c])) {
        segments.back().amounts.push_back(static_cast<int>(c));
      } else {
        segments.push_back(LabelAmounts{static_cast<int>(c), {}});
      }
    }
    if (from < 0 && segments.front().amounts.empty()) segments.erase(segments.begin());
    return segments;
  }

  // The row of a label printed beside a funds row's amount, keyed by the
  // funds vocabulary when it knows the label, else named as printed.
  CanonicalRow SubRow(const CanonicalTable& table, const Table& grid, int block, int r,
                      const std::vector<std::string>& texts, const LabelAmounts& segment) {
    CanonicalRow sub_row;
    sub_row.source_block = block;
    sub_row.source_row = r;
    const std::string& text = texts[static_cast<std::size_t>(segment.label)];
    sub_row.row_code = FundsRowKey(text);
    sub_row.row_name = CollapseWhitespace(text);
    AddFigure(table, sub_row, grid, block, r, segment.amounts.front(), "amount");
    return sub_row;
  }

  // A page that repeats the row its merged cells continue (a unit's funds
  // printed again beside the next page's indicators): the same name and the
  // same figures as a row of the part above. Only that part: forms of other
  // projects print the same funds often enough (60.00 on page 56 and on 81).
  static bool IsRepeatOfARowAbove(const CanonicalTable& table, std::size_t first,
                                  const CanonicalRow& row) {
    const auto begin = table.rows.begin() + static_cast<std::ptrdiff_t>(first);
    return std::any_of(begin, table.rows.end(), [&](const CanonicalRow& above) {
      if (above.row_name != row.row_name || above.values.size() != row.values.size()) return false;
      for (std::size_t v = 0; v < row.values.size(); ++v) {
        if (above.values[v].column != row.values[v].column ||
            above.values[v].amount_fen != row.values[v].amount_fen) {
          return false;
        }
      }
      return true;
    });
  }

  void AddFigure(const CanonicalTable& table, CanonicalRow& row, const Table& grid, int block,
                 int r, int c, const std::string& column) {
    const TableCell* cell = grid.CellAt(r, c);
    if (cell == nullptr || cell->row != r || cell->column != c) return;
    const std::string text = Trim(cell->text);
    const AmountText amount = ParseAmountText(text);
    if (amount.kind != AmountKind::kNumber || amount.percent) return;
    Provenance provenance = cell->provenance;
    if (provenance.block < 0) provenance.block = block;
    if (provenance.row < 0) provenance.row = r;
    if (provenance.column < 0) provenance.column = c;
    if (table.unit == UnitOfAmount::kUnknown && amount.suffix_unit == UnitOfAmount::kUnknown) {
      if (!unit_reported_) {
        unit_reported_ = true;
        AddTableFinding(findings_, "unit.unknown", Severity::kError,
                        "no amount unit declared for table '" + table.printed_title +
                            "' and none elsewhere in the document; its figures are not read",
                        provenance);
      }
      return;
    }
    if (std::optional<Figure> figure =
            FigureOfCell(table, row, column, text, amount, provenance, table_index_, findings_)) {
      row.values.push_back(std::move(*figure));
    }
  }

  // A list's row with amounts and no name at all, whose every figure is the
  // sum of the named rows' in its column, is the list's total (printed first,
  // under the header, with its 合计 label left out).
  static void NameTheTotalRow(CanonicalTable& table) {
    CanonicalRow* nameless = nullptr;
    std::map<std::string, std::int64_t> sums;
    for (CanonicalRow& row : table.rows) {
      if (!row.row_code.empty()) return;  // a form, or a total printed as such
      if (row.row_name.empty()) {
        if (nameless != nullptr) return;
        nameless = &row;
        continue;
      }
      for (const Figure& figure : row.values) sums[figure.column] += figure.amount_fen;
    }
    if (nameless == nullptr || table.rows.size() < 3) return;
    for (const Figure& figure : nameless->values) {
      if (sums[figure.column] != figure.amount_fen) return;
    }
    nameless->row_code = "total";
    for (Figure& figure : nameless->values) figure.row_code = "total";
  }

  // A form's funds add up: 资金总额 = 财政拨款 + 上年结转 + 其他资金, column by
  // column, when the total and at least two of its parts are printed. Forms of
  // several projects stitched into one table are checked one by one: each
  // funds.total starts the next project's funds.
  void CheckFundsSum(const CanonicalTable& table) {
    struct Group {
      std::map<std::string, const Figure*> total;
      std::map<std::string, std::vector<const Figure*>> parts;
    };
    std::vector<Group> groups;
    for (const CanonicalRow& row : table.rows) {
      if (row.row_code == "funds.total") groups.emplace_back();
      if (groups.empty() || !StartsWith(row.row_code, "funds.")) continue;
      for (const Figure& figure : row.values) {
        if (row.row_code == "funds.total") {
          groups.back().total.emplace(figure.column, &figure);
        } else {
          groups.back().parts[figure.column].push_back(&figure);
        }
      }
    }
    for (const Group& group : groups) {
      for (const auto& [column, figure] : group.total) {
        const auto found = group.parts.find(column);
        if (found == group.parts.end() || found->second.size() < 2) continue;
        std::int64_t sum = 0;
        for (const Figure* part : found->second) sum += part->amount_fen;
        if (sum == figure->amount_fen) continue;
        Finding finding;
        finding.check = "performance.funds_sum";
        finding.severity = Severity::kWarning;
        finding.message = "funds total " + FormatYuan(figure->amount_fen) + " in column '" +
                          column + "' of table '" + table.printed_title +
                          "' is not the sum of its parts " + FormatYuan(sum);
        finding.expected_fen = sum;
        finding.actual_fen = figure->amount_fen;
        finding.provenance = figure->provenance;
        finding.printed_text = figure->printed_text;
        finding.figures.push_back(ReferenceTo(*figure));
        for (const Figure* part : found->second) {
          finding.figures.push_back(ReferenceTo(*part));
        }
        findings_.push_back(std::move(finding));
      }
    }
  }

  const RowsOptions& options_;
  std::vector<Finding>& findings_;
  int table_index_ = -1;
  bool header_above_ = false;                   // the row above was a header line
  bool list_header_above_ = false;              // ... of a list (it names its project column)
  std::vector<std::string> ambiguous_columns_;  // header texts of columns not read
  bool part_start_ = false;                     // no row with money read yet in a continuation part
  bool sub_labels_above_ = false;               // the row above split its funds by labels
  std::size_t previous_part_rows_ = 0;          // first row of the last part that read any
  std::size_t current_part_rows_ = 0;           // ... and of this part's
  std::vector<std::string> line_above_;         // the last header line's texts
  int pending_name_ = -1;  // a names' header column, until money columns confirm a list
  bool unit_reported_ = false;
};

}  // namespace

CanonicalTable ReadPerformanceRows(StitchedTable table, const TableColumns& columns,
                                   const RowsOptions& options, int table_index,
                                   std::vector<Finding>& findings) {
  return PerformanceReader(options, findings).Read(std::move(table), columns, table_index);
}

}  // namespace disclose
