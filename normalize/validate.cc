#include "normalize/validate.h"

#include <algorithm>
#include <cstdlib>
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
#include "normalize/classification.h"
#include "normalize/narrative_amount.h"
#include "normalize/table_text.h"
#include "normalize/three_public.h"

namespace disclose {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool EndsWithKind(const CanonicalTable& table, std::string_view suffix) {
  return EndsWith(table.kind, suffix);
}

// Half a unit of the last printed digit: how far a printed, rounded cell may
// be from the exact amount. 元 tables print fen, so they are exact.
std::int64_t HalfUnitFen(const Figure& figure, UnitOfAmount table_unit) {
  UnitOfAmount unit =
      figure.printed_unit != UnitOfAmount::kUnknown ? figure.printed_unit : table_unit;
  if (unit == UnitOfAmount::kUnknown) unit = UnitOfAmount::kYuan;
  AmountText amount = ParseAmountText(figure.printed_text);
  if (amount.kind != AmountKind::kNumber) return 0;
  return PrintedPrecisionFen(amount, unit);
}

// The one amount a keyed row stands for when a check compares rows, not
// columns: summary tables print one amount per side.
const Figure* PrimaryValue(const CanonicalRow& row) {
  for (std::string_view column : {"amount", "total", "final", "budget"}) {
    if (const Figure* figure = FigureIn(row, column)) return figure;
  }
  return row.values.empty() ? nullptr : &row.values.front();
}

const CanonicalRow* FindRow(const CanonicalTable& table, std::string_view code) {
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code == code) return &row;
  }
  return nullptr;
}

const CanonicalTable* FindTable(const std::vector<CanonicalTable>& tables,
                                std::string_view kind_suffix) {
  for (const CanonicalTable& table : tables) {
    if (EndsWith(table.kind, kind_suffix) &&
        (StartsWith(table.kind, "final.") || StartsWith(table.kind, "budget."))) {
      return &table;
    }
  }
  return nullptr;
}

std::string Yuan(std::int64_t fen) {
  return FormatYuan(fen);
}

// An amount as a table in `unit` prints it (`918.62` for 9,186,200 yuan in a 万元 table, with
// thousands separators), so that a difference can be looked up on the page: a row the reader
// lost prints exactly the amount its parent is off by. "" when the unit's two decimals cannot
// show it.
std::string AsPrinted(std::int64_t fen, UnitOfAmount unit) {
  const std::int64_t per_cent = unit == UnitOfAmount::kWanYuan ? 10000 : 1;
  if (unit != UnitOfAmount::kWanYuan && unit != UnitOfAmount::kYuan) return "";
  if (fen % per_cent != 0) return "";
  const std::int64_t cents = std::llabs(fen / per_cent);
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  const std::int64_t rest = cents % 100;
  return (fen < 0 ? "-" : "") + whole + "." + (rest < 10 ? "0" : "") + std::to_string(rest);
}

// Where the table checks report: a finding for each identity that fails, and
// (when asked) a tally of every identity evaluated, held or not, so that a
// caller can compute the share that holds. Named like the findings vector it
// wraps so the checks read the same.
class CheckLog {
 public:
  CheckLog(std::vector<Finding>& findings, std::map<std::string, CheckTally>* tally)
      : findings_(findings), tally_(tally) {}
  void push_back(Finding finding) { findings_.push_back(std::move(finding)); }
  // The half-unit most figures of the table being checked are printed with; -1 outside a
  // table (checks across tables).
  std::int64_t typical_half_fen = -1;
  bool reading_doubts = false;  // sum.precision, code.no_children, row.total_missing
  // Figures already named by a sum.precision finding: one finding per cut figure.
  std::set<const Figure*> coarse_reported;
  void Count(const std::string& check, bool held) {
    if (tally_ == nullptr) return;
    CheckTally& count = (*tally_)[check];
    ++count.checked;
    if (held) ++count.held;
  }

 private:
  std::vector<Finding>& findings_;
  std::map<std::string, CheckTally>* tally_;
};

// One identity: parent == sum(parts), within the printed rounding.
struct SumCheck {
  std::string check;
  std::string what;  // "final.expenditure row 208 column total"
  const Figure* parent = nullptr;
  std::vector<const Figure*> parts;
  UnitOfAmount unit = UnitOfAmount::kUnknown;
  Severity severity = Severity::kError;
};

// The half-unit most of a table's figures are printed with (0.005 万元 = 5,000 fen for a table
// printed to two decimals of 万元); -1 for a table without figures. Zeros are left out: a
// publisher prints nothing as 0 whatever the table's precision.
std::int64_t TypicalHalfUnitFen(const CanonicalTable& table) {
  std::map<std::int64_t, int> count;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (figure.amount_fen != 0) ++count[HalfUnitFen(figure, table.unit)];
    }
  }
  std::int64_t typical = -1;
  int best = 0;
  for (const auto& [half, n] : count) {
    if (n > best) typical = half, best = n;  // ascending: a tie keeps the finer precision
  }
  return typical;
}

// An identity that holds only because one of its figures is printed with fewer decimals than
// its table's others: `3,166.6` among figures printed to the fen-of-万元 (`17,021.30`) gets a
// half-unit ten times wider, and a digit lost by the reader (a column cut, a wrapped last digit)
// hides inside it. The identity still counts as held (the printed rounding allows it); a
// warning names the coarse figures. Legitimately short figures (`12.5` for 12.50, as exported
// by a spreadsheet) are exact and add up at the table's own precision, so they are not named.
void ReportCoarseFigures(const SumCheck& sum, std::int64_t total, std::int64_t difference,
                         std::int64_t tolerance, CheckLog& findings) {
  const std::int64_t typical = findings.typical_half_fen;
  if (typical < 0 || !findings.reading_doubts) return;
  std::vector<const Figure*> figures = {sum.parent};
  figures.insert(figures.end(), sum.parts.begin(), sum.parts.end());
  std::int64_t strict = 0;
  std::vector<const Figure*> coarse;
  for (const Figure* figure : figures) {
    const std::int64_t half = HalfUnitFen(*figure, sum.unit);
    strict += std::min(half, typical);
    // Only a figure cut after its point (`3,166.6`): whole numbers among decimals are a
    // publisher's own rounding (sh_putuo_justice_2026_unit_budget prints 64,840,547 in a
    // table of fen), not a reading that lost a digit. On a scan a whole number may be one whose
    // decimals went to the cell beside it (40,122,867 with `,30` read into the next label,
    // H26 s3w_0410_budget's 支出总计): named when its identity is not exact, as below.
    const bool ocr = figure->provenance.origin == TextOrigin::kOcr;
    if (half > typical && figure->amount_fen != 0 &&
        (ocr || figure->printed_text.find('.') != std::string::npos)) {
      coarse.push_back(figure);
    }
  }
  // An OCR'd short figure is named whenever the sum is not exact: OCR loses a last digit far
  // more often than a publisher prints one figure coarser, and a lost 1 (20.1 for 20.11 万元)
  // stays inside the table's own rounding of three figures.
  const bool ocr_short = std::any_of(coarse.begin(), coarse.end(), [](const Figure* figure) {
    return figure->provenance.origin == TextOrigin::kOcr;
  });
  if (coarse.empty() || (std::llabs(difference) <= strict && !(ocr_short && difference != 0))) {
    return;
  }
  bool fresh = false;
  for (const Figure* figure : coarse)
    fresh = findings.coarse_reported.insert(figure).second || fresh;
  if (!fresh) return;
  Finding finding;
  finding.check = "sum.precision";
  finding.severity = Severity::kWarning;
  std::string printed;
  for (const Figure* figure : coarse) {
    finding.figures.push_back(ReferenceTo(*figure));
    printed += (printed.empty() ? "" : ", ") + figure->printed_text;
  }
  if (std::find(coarse.begin(), coarse.end(), sum.parent) == coarse.end()) {
    finding.figures.push_back(ReferenceTo(*sum.parent));
  }
  finding.expected_fen = total;
  finding.actual_fen = sum.parent->amount_fen;
  finding.tolerance_fen = strict;
  finding.printed_text = coarse.front()->printed_text;
  finding.provenance = coarse.front()->provenance;
  finding.message = sum.what + ": holds only within the rounding of " + printed +
                    ", printed with fewer decimals than the table's other figures: off by " +
                    Yuan(difference) + " yuan where the table's precision allows " + Yuan(strict) +
                    " (" + Yuan(tolerance) + " with the short figures' own): " +
                    (std::any_of(coarse.begin(), coarse.end(),
                                 [](const Figure* figure) {
                                   return figure->printed_text.find('.') == std::string::npos;
                                 })
                         ? "decimals may have been lost"
                         : "a digit may have been lost");
  findings.push_back(std::move(finding));
}

void RunSum(const SumCheck& sum, CheckLog& findings) {
  if (sum.parent == nullptr || sum.parts.empty()) return;
  std::int64_t total = 0;
  std::int64_t tolerance = HalfUnitFen(*sum.parent, sum.unit);
  for (const Figure* part : sum.parts) {
    total += part->amount_fen;
    tolerance += HalfUnitFen(*part, sum.unit);
  }
  const std::int64_t difference = sum.parent->amount_fen - total;
  const bool held = std::llabs(difference) <= tolerance;
  findings.Count(sum.check, held);
  if (held) {
    ReportCoarseFigures(sum, total, difference, tolerance, findings);
    return;
  }
  Finding finding;
  finding.check = sum.check;
  finding.severity = sum.severity;
  finding.figures.push_back(ReferenceTo(*sum.parent));
  for (const Figure* part : sum.parts) finding.figures.push_back(ReferenceTo(*part));
  finding.expected_fen = total;
  finding.actual_fen = sum.parent->amount_fen;
  finding.tolerance_fen = tolerance;
  finding.printed_text = sum.parent->printed_text;
  finding.provenance = sum.parent->provenance;
  const std::string printed_difference = AsPrinted(std::llabs(difference), sum.unit);
  finding.message =
      sum.what + ": printed " + Yuan(sum.parent->amount_fen) + " yuan, its " +
      std::to_string(sum.parts.size()) + " parts sum to " + Yuan(total) + " yuan (off by " +
      Yuan(difference) + ", tolerance " + Yuan(tolerance) + ")" +
      (printed_difference.empty() ? ""
                                  : "; a row or cell not read would print " + printed_difference);
  findings.push_back(std::move(finding));
}

void Compare(const std::string& check, const std::string& what, const Figure* expected,
             const Figure* actual, UnitOfAmount expected_unit, UnitOfAmount actual_unit,
             CheckLog& findings) {
  if (expected == nullptr || actual == nullptr) return;
  const std::int64_t tolerance =
      HalfUnitFen(*expected, expected_unit) + HalfUnitFen(*actual, actual_unit);
  const std::int64_t difference = actual->amount_fen - expected->amount_fen;
  const bool held = std::llabs(difference) <= tolerance;
  findings.Count(check, held);
  if (held) return;
  Finding finding;
  finding.check = check;
  finding.severity = Severity::kError;
  finding.figures = {ReferenceTo(*expected), ReferenceTo(*actual)};
  finding.expected_fen = expected->amount_fen;
  finding.actual_fen = actual->amount_fen;
  finding.tolerance_fen = tolerance;
  finding.printed_text = actual->printed_text;
  finding.provenance = actual->provenance;
  finding.message = what + ": " + Yuan(expected->amount_fen) + " yuan in " + expected->table_kind +
                    " but " + Yuan(actual->amount_fen) + " yuan in " + actual->table_kind +
                    " (off by " + Yuan(difference) + ", tolerance " + Yuan(tolerance) + ")";
  findings.push_back(std::move(finding));
}

bool IsCodedRow(const CanonicalRow& row) {
  const std::size_t length = row.row_code.size();
  return AllDigits(row.row_code) && (length == 3 || length == 5 || length == 7);
}

// A 类 (or 款) row with amounts and no row under it, in a table where every other row of its
// level has its 款 (项) rows: its children were lost by the reader (a page's rows read as text,
// a column cut), and no sum can say so, for there is nothing to add. Named when at least two
// rows of the level have children and this one is the odd one out (at most a third of them).
void ReportChildlessRows(
    const CanonicalTable& table, const std::vector<const CanonicalRow*>& coded,
    const std::map<const CanonicalRow*, std::vector<const CanonicalRow*>>& children_of,
    CheckLog& findings) {
  for (const std::size_t length : {std::size_t{3}, std::size_t{5}}) {
    std::vector<const CanonicalRow*> childless;
    int with_children = 0;
    for (const CanonicalRow* row : coded) {
      if (row->row_code.size() != length) continue;
      if (children_of.count(row) != 0) {
        ++with_children;
        continue;
      }
      const bool amounts = std::any_of(row->values.begin(), row->values.end(),
                                       [](const Figure& figure) { return figure.amount_fen != 0; });
      if (amounts) childless.push_back(row);
    }
    if (with_children < 2 || childless.empty() ||
        childless.size() * 3 > childless.size() + static_cast<std::size_t>(with_children)) {
      continue;
    }
    for (const CanonicalRow* row : childless) {
      Finding finding;
      finding.check = "code.no_children";
      finding.severity = Severity::kWarning;
      for (const Figure& figure : row->values) finding.figures.push_back(ReferenceTo(figure));
      finding.provenance = row->values.front().provenance;
      finding.printed_text = row->row_code + " " + row->row_name;
      finding.message = table.kind + " row " + row->row_code + " " + row->row_name + " has no " +
                        (length == 3 ? "款" : "项") + " row under it, while " +
                        std::to_string(with_children) +
                        " rows of its level have theirs: its rows may have been lost";
      findings.push_back(std::move(finding));
    }
  }
}

// An OCR'd parent row printing an amount in a column none of its children prints: the sum of
// its children is nothing, which RunSum (no parts) does not check. On a scan this is a child row
// lost (s3w_0080: 2101103 under a repeated header read into it, the only child with a 项目支出;
// its parent 21011's 505.07 summed nothing and the lost 505.07 was named by no finding). The
// finding says what the lost row or cell would print. A text layer's tables are read as printed
// and keep their findings.
void ReportChildrenPrintingNothing(const SumCheck& sum, std::size_t children, CheckLog& findings) {
  if (sum.parent == nullptr || sum.parent->amount_fen == 0 ||
      sum.parent->provenance.origin != TextOrigin::kOcr) {
    return;
  }
  findings.Count(sum.check, false);
  Finding finding;
  finding.check = sum.check;
  finding.severity = sum.severity;
  finding.figures.push_back(ReferenceTo(*sum.parent));
  finding.expected_fen = 0;
  finding.actual_fen = sum.parent->amount_fen;
  finding.tolerance_fen = HalfUnitFen(*sum.parent, sum.unit);
  finding.printed_text = sum.parent->printed_text;
  finding.provenance = sum.parent->provenance;
  const std::string printed = AsPrinted(sum.parent->amount_fen, sum.unit);
  finding.message = sum.what + ": printed " + Yuan(sum.parent->amount_fen) + " yuan, but its " +
                    std::to_string(children) +
                    " child row(s) print nothing in this column (off by " +
                    Yuan(sum.parent->amount_fen) + ")" +
                    (printed.empty() ? "" : "; a row or cell not read would print " + printed);
  findings.push_back(std::move(finding));
}

// The mirror on a scan: OCR'd child rows printing amounts in a column their parent row prints
// nothing in. Either the parent's cell was not read or the children's amounts are not theirs
// (H20 s3w_0309_final: a ruled grid whose amount rows stood half a row off the label rows put
// 公用经费 91.47 in 30113 under 301, whose 公用经费 is blank); no sum can run, and the finding
// names the children's figures.
void ReportParentPrintingNothing(const SumCheck& sum, const CanonicalRow& parent,
                                 CheckLog& findings) {
  if (sum.parent != nullptr || sum.parts.empty() || parent.values.empty()) return;
  std::int64_t total = 0;
  std::int64_t tolerance = 0;
  for (const Figure* part : sum.parts) {
    if (part->provenance.origin != TextOrigin::kOcr) return;
    total += part->amount_fen;
    tolerance += HalfUnitFen(*part, sum.unit);
  }
  if (std::llabs(total) <= tolerance) return;
  findings.Count(sum.check, false);
  Finding finding;
  finding.check = sum.check;
  finding.severity = sum.severity;
  for (const Figure* part : sum.parts) finding.figures.push_back(ReferenceTo(*part));
  finding.expected_fen = total;
  finding.tolerance_fen = tolerance;
  finding.printed_text = parent.row_code + " " + parent.row_name;
  finding.provenance = parent.values.front().provenance;
  finding.message = sum.what + ": the row prints nothing in this column, but its " +
                    std::to_string(sum.parts.size()) + " child figure(s) there sum to " +
                    Yuan(total) + " yuan: its cell was not read, or theirs are not theirs";
  findings.push_back(std::move(finding));
}

// A coded standard table prints its 合计 row (above or below the classes); one read without it
// lost it (a header printed over it, a row cut off at a page break), and with it the table's
// totals: no sum.total can run. The finding says what the row would print, column by column
// (the sum of the top-level rows), so that it can be found on the page.
void ReportMissingTotal(const CanonicalTable& table, const std::vector<const CanonicalRow*>& coded,
                        const std::map<std::string, bool>& present,
                        const std::vector<std::string>& columns, CheckLog& findings) {
  if (!StartsWith(table.kind, "final.") && !StartsWith(table.kind, "budget.")) return;
  // Function classes only (2xx): a basic-expenditure table by economic class (301/302…) is
  // often printed in two sides whose totals are 人员经费合计 / 公用经费合计 rows.
  for (const CanonicalRow* row : coded) {
    if (row->row_code[0] != '2') return;
  }
  std::string sums;
  int top_level = 0;
  for (const std::string& column : columns) {
    std::int64_t total = 0;
    int parts = 0;
    for (const CanonicalRow* row : coded) {
      const std::string& code = row->row_code;
      if (code.size() > 3 && present.count(code.substr(0, code.size() - 2))) continue;
      if (const Figure* figure = FigureIn(*row, column)) total += figure->amount_fen, ++parts;
    }
    top_level = std::max(top_level, parts);
    const std::string printed = AsPrinted(total, table.unit);
    sums += (sums.empty() ? "" : ", ") + column + " " + (printed.empty() ? Yuan(total) : printed);
  }
  if (top_level == 0) return;
  Finding finding;
  finding.check = "row.total_missing";
  finding.severity = Severity::kWarning;
  finding.provenance =
      coded.front()->values.empty() ? Provenance{} : coded.front()->values.front().provenance;
  finding.message = table.kind +
                    " has coded rows but no row keyed 合计/总计: its totals were not read" +
                    " (or not printed); its top-level rows sum to " + sums;
  findings.push_back(std::move(finding));
}

// Parent = sum of children (3 = sum of its 5-digit rows, 5 = sum of 7), and
// the table's total row = sum of its top-level coded rows, per amount column.
void CheckHierarchy(const CanonicalTable& table, CheckLog& findings) {
  std::vector<const CanonicalRow*> coded;
  for (const CanonicalRow& row : table.rows) {
    if (IsCodedRow(row)) coded.push_back(&row);
  }
  if (coded.empty()) return;
  std::map<std::string, bool> present;
  for (const CanonicalRow* row : coded) present[row->row_code] = true;
  std::vector<std::string> columns;
  for (const CanonicalRow* row : coded) {
    for (const Figure& figure : row->values) {
      if (std::find(columns.begin(), columns.end(), figure.column) == columns.end()) {
        columns.push_back(figure.column);
      }
    }
  }
  // Children by parent row: the nearest row above with the parent code. A code
  // printed twice (301 工资福利支出 once per 政府预算经济分类 501 and 505, Yantai
  // 基本支出预算情况表) heads only the rows under it. O(n log n) for large tables.
  std::map<const CanonicalRow*, std::vector<const CanonicalRow*>> children_of;
  std::map<std::string, const CanonicalRow*> last_with_code;
  for (const CanonicalRow* row : coded) {
    if (row->row_code.size() > 3) {
      auto parent = last_with_code.find(row->row_code.substr(0, row->row_code.size() - 2));
      if (parent != last_with_code.end()) children_of[parent->second].push_back(row);
    }
    last_with_code[row->row_code] = row;
  }
  if (findings.reading_doubts) ReportChildlessRows(table, coded, children_of, findings);
  for (const CanonicalRow* parent : coded) {
    const std::string& code = parent->row_code;
    if (code.size() == 7) continue;
    auto children = children_of.find(parent);
    if (children == children_of.end()) continue;
    for (const std::string& column : columns) {
      SumCheck sum;
      sum.check = "sum.children";
      sum.what = table.kind + " row " + code + " column " + column;
      sum.unit = table.unit;
      sum.parent = FigureIn(*parent, column);
      for (const CanonicalRow* child : children->second) {
        if (const Figure* figure = FigureIn(*child, column)) sum.parts.push_back(figure);
      }
      if (sum.parts.empty() && findings.reading_doubts) {
        ReportChildrenPrintingNothing(sum, children->second.size(), findings);
      }
      if (findings.reading_doubts) ReportParentPrintingNothing(sum, *parent, findings);
      RunSum(sum, findings);
    }
  }
  // Top-level rows: coded rows whose parent code is not printed in the table.
  // Only in a table of a known kind: in an `other` table (a government book's
  // debt or transfer table, zj_hangzhou_govt_2023 p112) the coded rows are often a
  // few named items, not the breakdown of its 合计.
  const CanonicalRow* total_row = FindRow(table, "total");
  if (total_row == nullptr && table.kind != "other" && findings.reading_doubts) {
    ReportMissingTotal(table, coded, present, columns, findings);
  }
  if (total_row == nullptr || table.kind == "other") return;
  for (const std::string& column : columns) {
    SumCheck sum;
    sum.check = "sum.total";
    sum.what = table.kind + " total row column " + column;
    sum.unit = table.unit;
    sum.parent = FigureIn(*total_row, column);
    for (const CanonicalRow* row : coded) {
      const std::string& code = row->row_code;
      if (code.size() > 3 && present.count(code.substr(0, code.size() - 2))) continue;
      if (const Figure* figure = FigureIn(*row, column)) sum.parts.push_back(figure);
    }
    RunSum(sum, findings);
  }
}

// Columns that split the money by where it comes from (一般公共预算拨款 | 政府性基金
// | 事业收入 | 事业单位经营收入 …) and not by what it is spent on: a 政府采购预算表
// (Chongqing) is summed like an income table, so 经营收入 is a source there, not
// the 经营支出 of an expenditure table. Grouped columns (财政拨款 / 小计 …) keep the
// expenditure reading, whose group totals the income sum would miss.
bool SourceColumnsOnly(const CanonicalTable& table) {
  static const std::vector<std::string_view> kSources = {
      "general_budget", "gov_fund",      "state_capital",         "fiscal_appropriation",
      "business",       "upper_subsidy", "affiliated_remittance", "fiscal_special_account",
      "unit_funds"};
  static const std::vector<std::string_view> kSpending = {
      "basic", "project", "personnel", "public", "upper_remittance", "affiliate_subsidy"};
  bool source = false;
  for (const std::string& key : table.column_keys) {
    if (key.find('.') != std::string::npos) return false;
    if (std::find(kSpending.begin(), kSpending.end(), key) != kSpending.end()) return false;
    source = source || std::find(kSources.begin(), kSources.end(), key) != kSources.end();
  }
  return source;
}

// Within a row: total = basic + project + ..., basic = personnel + public,
// income total = sum of sources; prefixed groups ("expenditure.total") alike.
void CheckRowParts(const CanonicalTable& table, CheckLog& findings) {
  static const std::vector<std::string_view> kExpenditureParts = {
      "basic", "project", "upper_remittance", "operating", "affiliate_subsidy", "reserve"};
  static const std::vector<std::string_view> kIncomeParts = {"fiscal_appropriation",
                                                             "upper_subsidy",
                                                             "business",
                                                             "operating",
                                                             "affiliated_remittance",
                                                             "other",
                                                             "fiscal_special_account",
                                                             "unit_funds",
                                                             "carryover"};
  static const std::vector<std::string_view> kFundParts = {"general_budget", "gov_fund",
                                                           "state_capital"};
  const bool income_table = EndsWithKind(table, ".income") || SourceColumnsOnly(table);
  for (const CanonicalRow& row : table.rows) {
    std::vector<std::string> prefixes = {""};
    for (const Figure& figure : row.values) {
      std::size_t dot = figure.column.rfind('.');
      if (dot == std::string::npos) continue;
      std::string prefix = figure.column.substr(0, dot + 1);
      if (std::find(prefixes.begin(), prefixes.end(), prefix) == prefixes.end()) {
        prefixes.push_back(prefix);
      }
    }
    for (const std::string& prefix : prefixes) {
      auto value = [&](std::string_view key) { return FigureIn(row, prefix + std::string(key)); };
      const std::string what = table.kind + " row " + row.row_code + " column " + prefix;
      if (!income_table) {
        SumCheck sum;
        sum.check = "sum.columns";
        sum.what = what + "total";
        sum.unit = table.unit;
        sum.parent = value("total");
        for (std::string_view key : kExpenditureParts) {
          if (const Figure* figure = value(key)) sum.parts.push_back(figure);
        }
        // 基本支出 printed only as its 人员经费 and 公用经费 columns.
        if (value("basic") == nullptr) {
          for (std::string_view key : {"personnel", "public"}) {
            if (const Figure* figure = value(key)) sum.parts.push_back(figure);
          }
        }
        RunSum(sum, findings);
      } else {
        SumCheck sum;
        sum.check = "sum.columns";
        sum.what = what + "total";
        sum.unit = table.unit;
        sum.parent = value("total");
        bool has_fiscal = value("fiscal_appropriation") != nullptr;
        for (std::string_view key : kIncomeParts) {
          if (const Figure* figure = value(key)) sum.parts.push_back(figure);
        }
        // Fund columns split 财政拨款 when both are printed; count them once.
        if (!has_fiscal) {
          for (std::string_view key : kFundParts) {
            if (const Figure* figure = value(key)) sum.parts.push_back(figure);
          }
        }
        RunSum(sum, findings);
      }
      SumCheck basic;
      basic.check = "sum.columns";
      basic.what = what + "basic";
      basic.unit = table.unit;
      basic.parent = value("basic");
      for (std::string_view key : {"personnel", "public"}) {
        if (const Figure* figure = value(key)) basic.parts.push_back(figure);
      }
      RunSum(basic, findings);
    }
  }
}

// The income sources a summary table prints as rows.
const std::vector<std::string> kSummarySources = {"income.general_budget_appropriation",
                                                  "income.gov_fund_appropriation",
                                                  "income.state_capital_appropriation",
                                                  "income.upper_subsidy",
                                                  "income.business",
                                                  "income.operating",
                                                  "income.affiliated_remittance",
                                                  "income.other",
                                                  "income.fiscal_special_account",
                                                  "income.unit_funds"};

// The sources a summary prints below its year line, outside it (Shandong's
// 收支总体情况表 prints 上级补助收入 and 附属单位上缴收入 under 本年收入合计,
// sd_yantai_housing_2026 p9). Only when the year line closes a list of sources
// above it: a 财政拨款收支总表's 一、本年收入 heads its sources, which all come
// below it and are within it.
std::vector<std::string> SourcesBelowYearLine(const CanonicalTable& table,
                                              const CanonicalRow* year) {
  std::vector<std::string> below;
  if (year == nullptr) return below;
  bool sources_above = false;
  for (const std::string& code : kSummarySources) {
    const CanonicalRow* row = FindRow(table, code);
    if (row == nullptr) continue;
    if (row < year) {
      sources_above = true;
    } else {
      below.push_back(code);
    }
  }
  if (!sources_above) below.clear();
  return below;
}

// 本年收入合计 with the sources a summary prints below it added: what an income
// table, which lists every source in one total, totals. The year's own figure
// when nothing is printed below it; null without 本年收入合计.
std::optional<Figure> YearIncomeWithSourcesBelow(const CanonicalTable& summary) {
  const CanonicalRow* year = FindRow(summary, "income.total_current_year");
  if (year == nullptr || PrimaryValue(*year) == nullptr) return std::nullopt;
  Figure total = *PrimaryValue(*year);
  for (const std::string& code : SourcesBelowYearLine(summary, year)) {
    const Figure* figure = PrimaryValue(*FindRow(summary, code));
    if (figure == nullptr) continue;
    // printed_text stays the year's: the tolerance is its half unit.
    total.amount_fen += figure->amount_fen;
  }
  return total;
}

// The summary tables' accounting identities, on each row's one amount.
void CheckSummary(const CanonicalTable& table, CheckLog& findings) {
  auto primary = [&](std::string_view code) -> const Figure* {
    const CanonicalRow* row = FindRow(table, code);
    return row == nullptr ? nullptr : PrimaryValue(*row);
  };
  auto sum_of = [&](const std::string& check, const std::string& parent_code,
                    const std::vector<std::string>& part_codes, Severity severity) {
    SumCheck sum;
    sum.check = check;
    sum.what = table.kind + " " + parent_code;
    sum.unit = table.unit;
    sum.severity = severity;
    sum.parent = primary(parent_code);
    for (const std::string& code : part_codes) {
      if (const Figure* figure = primary(code)) sum.parts.push_back(figure);
    }
    RunSum(sum, findings);
  };
  // Sources printed below 本年收入合计 are outside it and go into 收入总计
  // (SourcesBelowYearLine).
  // A 财政拨款收支总表 whose year line is 一、财政拨款 (Hangzhou, seed 004's
  // 一、财政拨款（补助）) rather than 一、本年收入: every source of that table is a
  // fiscal appropriation, so that line is the year's income.
  std::string year_code = "income.total_current_year";
  if (EndsWith(table.kind, ".fiscal_appropriation_summary") &&
      FindRow(table, year_code) == nullptr &&
      FindRow(table, "income.fiscal_appropriation") != nullptr) {
    year_code = "income.fiscal_appropriation";
  }
  const std::vector<std::string> below = SourcesBelowYearLine(table, FindRow(table, year_code));
  std::vector<std::string> within;
  std::vector<std::string> grand_parts = {year_code, "income.use_of_non_fiscal_balance",
                                          "income.opening_carryover"};
  for (const std::string& code : kSummarySources) {
    const bool outside = std::find(below.begin(), below.end(), code) != below.end();
    (outside ? grand_parts : within).push_back(code);
  }
  sum_of("summary.income_total", "income.grand_total", grand_parts, Severity::kError);
  sum_of("summary.expenditure_total", "expenditure.grand_total",
         {"expenditure.total_current_year", "expenditure.surplus_distribution",
          "expenditure.closing_carryover"},
         Severity::kError);
  sum_of("summary.income_sources", year_code, within, Severity::kError);
  std::vector<std::string> classes;
  bool other_lines = false;
  for (const CanonicalRow& row : table.rows) {
    if (!StartsWith(row.row_code, "expenditure.")) continue;
    std::string key = row.row_code.substr(std::string_view("expenditure.").size());
    if (AllDigits(key)) {
      classes.push_back(row.row_code);
    } else if (key != "total_current_year" && key != "surplus_distribution" &&
               key != "closing_carryover" && key != "grand_total") {
      other_lines = true;
    }
  }
  // Lines we do not know (基本支出 / 项目支出 splits) may double count, so a
  // mismatch there is only a warning.
  sum_of("summary.expenditure_classes", "expenditure.total_current_year", classes,
         other_lines ? Severity::kWarning : Severity::kError);
  const Figure* income = primary("income.grand_total");
  const Figure* expenditure = primary("expenditure.grand_total");
  Compare("summary.balance", table.kind + " 收入总计 vs 支出总计", income, expenditure, table.unit,
          table.unit, findings);
}

// A list of items under a printed 合计 (a project list, a performance table's projects, a
// procurement list) has no class codes, so sum.total cannot add it up, and no identity said when
// the items miss their own total (hn_changsha_police_2025_budget: projects of 39,052.86 under
// 40,233.95 万元). Lists print subtotals among their items (a unit over its projects, a category
// over its purchases), every level adding up to the total again, so the items hold when they sum
// to the total once per level. Only tables whose rows, the total aside, are all uncoded items:
// a coded or keyed row has its own identities. Not in `other` tables: a government book's untitled
// tables mix items of several totals.
void CheckItemList(const CanonicalTable& table, CheckLog& findings) {
  constexpr int kMaxLevels = 4;  // unit, category, item, and one spare
  if (table.kind == "other") return;
  const CanonicalRow* total_row = nullptr;
  std::vector<const CanonicalRow*> items;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code == "total" && total_row == nullptr) {
      total_row = &row;
    } else if (row.row_code.empty()) {
      items.push_back(&row);
    } else {
      return;
    }
  }
  if (total_row == nullptr || items.size() < 2) return;
  for (const Figure& parent : total_row->values) {
    std::vector<const Figure*> parts;
    std::int64_t sum = 0;
    std::int64_t parts_half = 0;
    for (const CanonicalRow* row : items) {
      if (const Figure* figure = FigureIn(*row, parent.column)) {
        parts.push_back(figure);
        sum += figure->amount_fen;
        parts_half += HalfUnitFen(*figure, table.unit);
      }
    }
    if (parts.size() < 2) continue;
    const std::int64_t parent_half = HalfUnitFen(parent, table.unit);
    bool held = false;
    for (int levels = 1; levels <= kMaxLevels && !held; ++levels) {
      held = std::llabs(sum - levels * parent.amount_fen) <= parts_half + levels * parent_half;
    }
    if (held) {
      findings.Count("sum.items", true);
      continue;
    }
    // Rows printing the total itself head the others (the one unit of the list): the finding
    // compares what is under them, which is what the reader of the page adds up.
    SumCheck check;
    check.check = "sum.items";
    check.unit = table.unit;
    check.parent = &parent;
    std::size_t heads = 0;
    for (const Figure* figure : parts) {
      if (figure->amount_fen == parent.amount_fen) {
        ++heads;
      } else {
        check.parts.push_back(figure);
      }
    }
    if (check.parts.empty()) check.parts = parts, heads = 0;
    check.what =
        table.kind + " items under the total row, column " + parent.column +
        (heads == 0 ? std::string()
                    : " (" + std::to_string(heads) + " row(s) printing the total itself left out)");
    RunSum(check, findings);
  }
}

void CheckThreePublic(const CanonicalTable& table, CheckLog& findings) {
  std::vector<std::string> columns;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      if (std::find(columns.begin(), columns.end(), figure.column) == columns.end()) {
        columns.push_back(figure.column);
      }
    }
  }
  auto value = [&](std::string_view code, const std::string& column) -> const Figure* {
    const CanonicalRow* row = FindRow(table, code);
    return row == nullptr ? nullptr : FigureIn(*row, column);
  };
  for (const std::string& column : columns) {
    SumCheck total;
    total.check = "sum.three_public";
    total.what = table.kind + " three_public.total column " + column;
    total.unit = table.unit;
    total.parent = value(kThreePublicTotal, column);
    const Figure* vehicle_total = value(kThreePublicVehicleTotal, column);
    for (std::string_view code : ThreePublicTotalItems(vehicle_total != nullptr)) {
      if (const Figure* part = value(code, column)) total.parts.push_back(part);
    }
    RunSum(total, findings);
    SumCheck vehicle;
    vehicle.check = "sum.three_public";
    vehicle.what = table.kind + " three_public.vehicle_total column " + column;
    vehicle.unit = table.unit;
    vehicle.parent = vehicle_total;
    for (std::string_view code : kThreePublicVehicleParts) {
      if (const Figure* part = value(code, column)) vehicle.parts.push_back(part);
    }
    RunSum(vehicle, findings);
  }
}

// Printed names that contradict the code: "208 卫生健康支出".
void CheckCodesAndNames(const CanonicalTable& table, CheckLog& findings) {
  struct Economic {
    const char* code;
    const char* name;
  };
  static constexpr Economic kEconomic[] = {
      {"301", "工资福利支出"},       {"302", "商品和服务支出"}, {"303", "对个人和家庭的补助"},
      {"307", "债务利息及费用支出"}, {"310", "资本性支出"},     {"312", "对企业补助"}};
  std::map<std::string, bool> present;
  for (const CanonicalRow& row : table.rows) {
    if (IsCodedRow(row)) present[row.row_code] = true;
  }
  bool has_classes = false, has_items = false;
  for (const auto& [code, unused] : present) {
    has_classes = has_classes || code.size() == 3;
    has_items = has_items || code.size() == 5;
  }
  std::string last_item;  // the 5-digit row a 7-digit row is printed under
  for (const CanonicalRow& row : table.rows) {
    if (!IsCodedRow(row)) continue;
    const std::string& code = row.row_code;
    const std::string name = RemoveAllWhitespace(FoldForMatching(row.row_name));
    auto finding_for = [&](std::string check, Severity severity, std::string message) {
      Finding finding;
      finding.check = std::move(check);
      finding.severity = severity;
      finding.message = std::move(message);
      finding.printed_text = row.row_name;
      if (!row.values.empty()) {
        finding.figures.push_back(ReferenceTo(row.values.front()));
        finding.provenance = row.values.front().provenance;
      }
      findings.push_back(std::move(finding));
    };
    if (code.size() == 3 && code[0] == '2' && !name.empty()) {
      std::optional<std::string> by_name = FunctionClassCode(row.row_name);
      if (by_name && *by_name != code) {
        std::vector<std::string> known = KnownFunctionClassNames(code);
        finding_for("code.name", Severity::kWarning,
                    table.kind + " row " + code + " is printed as \"" + row.row_name +
                        "\", the national name of class " + *by_name + "; class " + code + " is " +
                        (known.empty() ? std::string("unknown") : known.front()));
      }
    }
    if (code.size() == 3 && code[0] == '3' && !name.empty()) {
      for (const Economic& other : kEconomic) {
        if (code != other.code && name == RemoveAllWhitespace(other.name)) {
          finding_for("code.name", Severity::kWarning,
                      table.kind + " row " + code + " is printed as \"" + row.row_name +
                          "\", the name of economic class " + other.code);
        }
      }
    }
    if (code.size() == 5) last_item = code;
    if (code.size() == 7 && !last_item.empty() && code.substr(0, 5) != last_item &&
        present.count(code.substr(0, 5)) == 0) {
      finding_for("code.parent", Severity::kWarning,
                  table.kind + " row " + code + " is printed under " + last_item +
                      ", not under its own 款 " + code.substr(0, 5) + " (absent)");
    } else if (code.size() == 7 && has_items && present.count(code.substr(0, 5)) == 0) {
      finding_for(
          "code.parent", Severity::kWarning,
          table.kind + " row " + code + ": its 款 " + code.substr(0, 5) + " is not in the table");
    }
    if (code.size() == 5 && has_classes && present.count(code.substr(0, 3)) == 0) {
      finding_for(
          "code.parent", Severity::kWarning,
          table.kind + " row " + code + ": its 类 " + code.substr(0, 3) + " is not in the table");
    }
  }
}

const Figure* ValueAny(const CanonicalRow* row, std::initializer_list<std::string_view> columns) {
  if (row == nullptr) return nullptr;
  for (std::string_view column : columns) {
    if (const Figure* figure = FigureIn(*row, column)) return figure;
  }
  return nullptr;
}

void CheckAcrossTables(const std::vector<CanonicalTable>& tables, CheckLog& findings) {
  const CanonicalTable* summary = FindTable(tables, ".income_expenditure_summary");
  const CanonicalTable* expenditure = FindTable(tables, ".expenditure");
  const CanonicalTable* income = FindTable(tables, ".income");
  const CanonicalTable* fiscal = FindTable(tables, ".fiscal_appropriation_summary");
  const CanonicalTable* general = FindTable(tables, ".general_budget_expenditure");
  const CanonicalTable* basic = FindTable(tables, ".general_budget_basic_expenditure");
  auto primary = [](const CanonicalTable* table, std::string_view code) -> const Figure* {
    if (table == nullptr) return nullptr;
    const CanonicalRow* row = FindRow(*table, code);
    return row == nullptr ? nullptr : PrimaryValue(*row);
  };
  auto total_of = [](const CanonicalTable* table, std::string_view code) -> const Figure* {
    if (table == nullptr) return nullptr;
    return ValueAny(FindRow(*table, code), {"total", "expenditure.total", "amount"});
  };
  if (summary != nullptr && expenditure != nullptr) {
    for (const CanonicalRow& row : summary->rows) {
      if (!StartsWith(row.row_code, "expenditure.")) continue;
      std::string key = row.row_code.substr(std::string_view("expenditure.").size());
      if (!AllDigits(key)) continue;
      Compare("cross.summary_expenditure", "class " + key, PrimaryValue(row),
              total_of(expenditure, key), summary->unit, expenditure->unit, findings);
    }
    Compare("cross.summary_expenditure", "本年支出合计",
            primary(summary, "expenditure.total_current_year"), total_of(expenditure, "total"),
            summary->unit, expenditure->unit, findings);
  }
  if (summary != nullptr && income != nullptr) {
    // A budget's income table that prints carry-over columns totals the
    // grand total (seed 004 表2 总计 = 本年收入 + 上年结转), not 本年收入合计.
    bool carryover_columns = false;
    if (const CanonicalRow* total = FindRow(*income, "total")) {
      for (const Figure& figure : total->values) {
        // carryover.*: 上年结转结余 over its own sources (docs/schema.md).
        carryover_columns = carryover_columns || figure.column == "carryover" ||
                            figure.column == "non_fiscal_carryover" ||
                            StartsWith(figure.column, "carryover.");
      }
    }
    if (carryover_columns) {
      Compare("cross.summary_income", "收入总计", primary(summary, "income.grand_total"),
              total_of(income, "total"), summary->unit, income->unit, findings);
    } else if (const std::optional<Figure> year = YearIncomeWithSourcesBelow(*summary)) {
      const bool below =
          year->amount_fen != primary(summary, "income.total_current_year")->amount_fen;
      Compare("cross.summary_income",
              below ? "本年收入合计 with the sources printed below it" : "本年收入合计", &*year,
              total_of(income, "total"), summary->unit, income->unit, findings);
    }
  }
  if (summary != nullptr && income != nullptr) {
    // An income table listing its sources down the page (Jiangsu: 收入总计 / 一般公共预算资金 /
    // 其他资金) prints the sources the summary prints, each the same. 财政拨款 is left out: the
    // summary's 一、财政拨款 holds fund money too, the list's 公共财政拨款(补助)资金 does not.
    static constexpr std::string_view kListedSources[] = {
        "income.grand_total", "income.general_budget_appropriation",
        "income.gov_fund_appropriation", "income.state_capital_appropriation",
        "income.fiscal_special_account"};
    for (const std::string_view key : kListedSources) {
      const CanonicalRow* listed = FindRow(*income, key);
      if (listed == nullptr) continue;
      Compare("cross.summary_income", listed->row_name, primary(summary, key),
              PrimaryValue(*listed), summary->unit, income->unit, findings);
    }
  }
  if (fiscal != nullptr && general != nullptr) {
    bool has_general_column = false;
    bool has_fund_columns = false;
    for (const CanonicalRow& row : fiscal->rows) {
      for (const Figure& figure : row.values) {
        has_general_column = has_general_column || figure.column == "general_budget";
        has_fund_columns =
            has_fund_columns || figure.column == "gov_fund" || figure.column == "state_capital";
      }
    }
    // Fund money printed as income rows (政府性基金预算 221,493.00 under 一、财政拨款,
    // zj_hangzhou_transport 2026) with one expenditure column: each class then
    // spends every fund (212 holds the land-sale fund's 211,000.00), so it is no
    // 一般公共预算 figure, as with fund columns.
    for (std::string_view code :
         {"income.gov_fund_appropriation", "income.state_capital_appropriation",
          "income.opening_carryover.gov_fund", "income.opening_carryover.state_capital"}) {
      const Figure* fund = primary(fiscal, code);
      has_fund_columns = has_fund_columns || (fund != nullptr && fund->amount_fen != 0);
    }
    // The summary spends the year's appropriation and the carry-over; a
    // 一般公共预算支出表 that prints only the year's appropriation (central
    // departments: cn_central_xinfang 2026, whose three class gaps add up to the
    // 2,254.12 万元 carried over) agrees with the year's line by its total, so
    // its classes are not compared with the summary's.
    bool year_only = false;
    const Figure* carried = primary(fiscal, "income.opening_carryover.general_budget");
    const Figure* year = primary(fiscal, "income.general_budget_appropriation");
    const Figure* general_total = total_of(general, "total");
    if (carried != nullptr && carried->amount_fen != 0 && year != nullptr &&
        general_total != nullptr) {
      const std::int64_t tolerance =
          HalfUnitFen(*year, fiscal->unit) + HalfUnitFen(*general_total, general->unit);
      year_only = std::llabs(general_total->amount_fen - year->amount_fen) <= tolerance;
      // ... and the summary's expenditure is more than that (it spends the carry-over too).
      // (一、本年支出 is not keyed as the year's line: 支出总计 then.)
      const Figure* spent = primary(fiscal, "expenditure.total_current_year");
      if (spent == nullptr) spent = primary(fiscal, "expenditure.grand_total");
      year_only = year_only && spent != nullptr &&
                  std::llabs(spent->amount_fen - general_total->amount_fen) > tolerance;
    }
    if (!year_only && (has_general_column || !has_fund_columns)) {
      for (const CanonicalRow& row : fiscal->rows) {
        if (!StartsWith(row.row_code, "expenditure.")) continue;
        std::string key = row.row_code.substr(std::string_view("expenditure.").size());
        if (!AllDigits(key)) continue;
        const Figure* value =
            has_general_column ? FigureIn(row, "general_budget") : PrimaryValue(row);
        Compare("cross.fiscal_general_budget", "class " + key, value, total_of(general, key),
                fiscal->unit, general->unit, findings);
      }
    }
  }
  if (basic != nullptr && general != nullptr) {
    const Figure* basic_total =
        ValueAny(FindRow(*basic, "total"), {"amount", "total", "expenditure.total"});
    const Figure* general_basic =
        ValueAny(FindRow(*general, "total"), {"basic", "expenditure.basic"});
    Compare("cross.general_basic", "一般公共预算基本支出合计", general_basic, basic_total,
            general->unit, basic->unit, findings);
  }
  if (summary != nullptr && basic != nullptr) {
    // Summaries that split 基本支出 into 人员经费/公用经费 columns must split it
    // as the economic-class table does (J04: 20,374,181 / 1,744,680 against
    // 20,272,981.00 / 1,845,880.34). Compared only when both tables cover the
    // same basic expenditure: a summary that also spends other funds differs
    // legitimately.
    const CanonicalRow* summary_total = FindRow(*summary, "expenditure.grand_total");
    if (summary_total == nullptr)
      summary_total = FindRow(*summary, "expenditure.total_current_year");
    const CanonicalRow* basic_total = FindRow(*basic, "total");
    const Figure* summary_personnel =
        summary_total ? FigureIn(*summary_total, "personnel") : nullptr;
    const Figure* summary_public = summary_total ? FigureIn(*summary_total, "public") : nullptr;
    const Figure* basic_personnel = basic_total ? FigureIn(*basic_total, "personnel") : nullptr;
    const Figure* basic_public = basic_total ? FigureIn(*basic_total, "public") : nullptr;
    if (basic_personnel == nullptr)
      basic_personnel = ValueAny(FindRow(*basic, "personnel_total"), {"amount"});
    if (basic_public == nullptr)
      basic_public = ValueAny(FindRow(*basic, "public_total"), {"amount"});
    if (summary_personnel && summary_public && basic_personnel && basic_public) {
      const std::int64_t tolerance = HalfUnitFen(*summary_personnel, summary->unit) +
                                     HalfUnitFen(*summary_public, summary->unit) +
                                     HalfUnitFen(*basic_personnel, basic->unit) +
                                     HalfUnitFen(*basic_public, basic->unit);
      const std::int64_t summary_basic = summary_personnel->amount_fen + summary_public->amount_fen;
      const std::int64_t basic_basic = basic_personnel->amount_fen + basic_public->amount_fen;
      if (std::llabs(summary_basic - basic_basic) <= tolerance) {
        Compare("cross.summary_basic_split", "人员经费 (basic expenditure for personnel)",
                basic_personnel, summary_personnel, basic->unit, summary->unit, findings);
        Compare("cross.summary_basic_split", "公用经费 (basic expenditure for public use)",
                basic_public, summary_public, basic->unit, summary->unit, findings);
      }
    }
  }
}

// Where a narrative metric is shown in the tables.
const Figure* TableFigureFor(const std::vector<CanonicalTable>& tables, std::string_view metric,
                             const CanonicalTable** table_out) {
  struct Source {
    const char* metric;
    const char* kind_suffix;
    const char* row;
    std::initializer_list<std::string_view> columns;
  };
  static const Source kSources[] = {
      {"grand_total",
       ".income_expenditure_summary",
       "income.grand_total",
       {"amount", "total", "final", "budget"}},
      {"fiscal_appropriation_grand_total",
       ".fiscal_appropriation_summary",
       "income.grand_total",
       {"amount", "total", "final", "budget"}},
      {"total_income",
       ".income_expenditure_summary",
       "income.total_current_year",
       {"amount", "total", "final", "budget"}},
      {"total_income", ".income", "total", {"total"}},
      {"total_expenditure",
       ".income_expenditure_summary",
       "expenditure.total_current_year",
       {"amount", "total", "final", "budget"}},
      {"total_expenditure", ".expenditure", "total", {"total"}},
      {"fiscal_appropriation_income",
       ".fiscal_appropriation_summary",
       "income.total_current_year",
       {"amount", "total", "final", "budget"}},
      {"fiscal_appropriation_expenditure",
       ".fiscal_appropriation_summary",
       "expenditure.total_current_year",
       {"amount", "total", "final", "budget"}},
      {"basic_expenditure", ".expenditure", "total", {"basic"}},
      {"project_expenditure", ".expenditure", "total", {"project"}},
      {"general_budget_expenditure",
       ".general_budget_expenditure",
       "total",
       {"total", "expenditure.total", "amount"}},
      {"general_budget_basic_expenditure",
       ".general_budget_basic_expenditure",
       "total",
       {"amount", "total"}},
      {"general_budget_basic_expenditure",
       ".general_budget_expenditure",
       "total",
       {"basic", "expenditure.basic"}},
      {"personnel_expenditure",
       ".general_budget_basic_expenditure",
       "personnel_total",
       {"amount", "total", "personnel"}},
      {"public_expenditure",
       ".general_budget_basic_expenditure",
       "public_total",
       {"amount", "total", "public"}},
  };
  for (const Source& source : kSources) {
    if (metric != source.metric) continue;
    const CanonicalTable* table = FindTable(tables, source.kind_suffix);
    if (table == nullptr) continue;
    const CanonicalRow* row = FindRow(*table, source.row);
    if (const Figure* figure = ValueAny(row, source.columns)) {
      *table_out = table;
      return figure;
    }
  }
  if (StartsWith(metric, "three_public.") || metric == "org_running_cost") {
    const CanonicalTable* table = FindTable(tables, ".three_public");
    if (table == nullptr) return nullptr;
    const CanonicalRow* row = FindRow(*table, metric);
    const bool final = StartsWith(table->kind, "final.");
    // A narrative 决算 figure is compared with the 决算数 column only: a blank
    // 决算数 beside a printed 预算数 is not the budget (sh_putuo_finance_2024 p18).
    const Figure* figure = final ? ValueAny(row, {"final", "amount"})
                                 : ValueAny(row, {"budget", "amount", "adjusted_budget"});
    if (figure != nullptr) *table_out = table;
    return figure;
  }
  return nullptr;
}

// A standard table the disclosure rules require is absent while the document
// prints the others (a table removed, or one we failed to recognise).
void CheckCompleteness(const std::vector<CanonicalTable>& tables, CheckLog& findings) {
  struct Standard {
    const char* suffix;
    const char* final_title;
    const char* budget_title;
  };
  static constexpr Standard kStandard[] = {
      {"income_expenditure_summary", "收入支出决算总表", "部门收支总体情况表"},
      {"income", "收入决算表", "部门收入总体情况表"},
      {"expenditure", "支出决算表", "部门支出总体情况表"},
      {"fiscal_appropriation_summary", "财政拨款收入支出决算总表", "财政拨款收支总体情况表"},
      {"general_budget_expenditure", "一般公共预算财政拨款支出决算表", "一般公共预算支出情况表"},
      {"general_budget_basic_expenditure", "一般公共预算财政拨款基本支出决算表",
       "一般公共预算基本支出情况表"},
      {"three_public", "财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出情况表"},
  };
  for (std::string_view prefix : {"final.", "budget."}) {
    int present = 0;
    std::vector<const Standard*> missing;
    for (const Standard& standard : kStandard) {
      const std::string kind = std::string(prefix) + standard.suffix;
      bool found = false;
      for (const CanonicalTable& table : tables) found = found || table.kind == kind;
      if (found) {
        ++present;
      } else {
        missing.push_back(&standard);
      }
    }
    if (present < 3) continue;  // no table part of this kind, or not a standard disclosure
    for (const Standard* standard : missing) {
      Finding finding;
      finding.check = "table.missing";
      finding.severity = Severity::kWarning;
      const bool final = prefix == "final.";
      finding.message = std::string(prefix) + standard->suffix + " (" +
                        (final ? standard->final_title : standard->budget_title) +
                        ") is not in the document, though " + std::to_string(present) +
                        " other standard tables are";
      findings.push_back(std::move(finding));
    }
  }
}

}  // namespace

void ValidateTables(const std::vector<CanonicalTable>& tables, std::vector<Finding>& found,
                    std::map<std::string, CheckTally>* tally, bool reading_doubts) {
  CheckLog findings(found, tally);
  findings.reading_doubts = reading_doubts;
  for (const CanonicalTable& table : tables) {
    findings.typical_half_fen = TypicalHalfUnitFen(table);
    CheckHierarchy(table, findings);
    CheckRowParts(table, findings);
    if (EndsWithKind(table, ".income_expenditure_summary") ||
        EndsWithKind(table, ".fiscal_appropriation_summary")) {
      CheckSummary(table, findings);
    }
    if (EndsWithKind(table, ".three_public")) CheckThreePublic(table, findings);
    CheckItemList(table, findings);
    CheckCodesAndNames(table, findings);
  }
  findings.typical_half_fen = -1;
  CheckAcrossTables(tables, findings);
  CheckCompleteness(tables, findings);
}

void ReconcileNarrative(const std::vector<CanonicalTable>& tables, std::vector<Figure>& narrative,
                        std::vector<Finding>& findings) {
  for (Figure& figure : narrative) {
    const CanonicalTable* table = nullptr;
    const Figure* shown = nullptr;
    // "收入预算总计 X" / "收入支出总计 X" states the grand total, carry-over included.
    if ((figure.row_code == "total_income" || figure.row_code == "total_expenditure") &&
        Contains(figure.row_name, "总计")) {
      const std::string row =
          figure.row_code == "total_income" ? "income.grand_total" : "expenditure.grand_total";
      for (const CanonicalTable& candidate : tables) {
        if (!EndsWith(candidate.kind, ".income_expenditure_summary")) continue;
        if (const CanonicalRow* grand = FindRow(candidate, row)) {
          shown = PrimaryValue(*grand);
          table = &candidate;
        }
        break;
      }
    }
    if (figure.row_code == "three_public.total_budget") {
      // Compared with the table's 预算数 only; a table printing none while the
      // text quotes a budget has lost it (M03: the figures deleted).
      const CanonicalTable* three_public = FindTable(tables, ".three_public");
      if (three_public == nullptr) continue;
      table = three_public;
      shown = ValueAny(FindRow(*three_public, "three_public.total"), {"budget"});
      if (shown == nullptr && figure.amount_fen != 0) {
        Finding finding;
        finding.check = "narrative.three_public_budget";
        finding.severity = Severity::kError;
        finding.figures = {ReferenceTo(figure)};
        finding.actual_fen = figure.amount_fen;
        finding.printed_text = figure.printed_text;
        finding.provenance = figure.provenance;
        finding.message = "the narrative quotes the “三公”经费 year-start budget \"" +
                          figure.printed_text + "\" (" + Yuan(figure.amount_fen) + " yuan) but " +
                          three_public->kind + " prints no 预算数 for its 合计";
        findings.push_back(std::move(finding));
        continue;
      }
    }
    if (shown == nullptr) shown = TableFigureFor(tables, figure.row_code, &table);
    if (shown == nullptr) continue;
    std::optional<NarrativeAmount> printed = ParseNarrativeAmount(figure.printed_text);
    if (!printed) continue;
    // A budget's "收入预算 X" / "支出预算 X" may state the grand total (上年结转
    // included, seed 004) rather than the year's own: either agreeing is agreement.
    const bool current_year_named =
        Contains(figure.row_name, "本年") || Contains(figure.row_name, "当年");
    if ((figure.row_code == "total_income" || figure.row_code == "total_expenditure") &&
        !current_year_named) {
      const std::string grand_code =
          figure.row_code == "total_income" ? "income.grand_total" : "expenditure.grand_total";
      for (const CanonicalTable& candidate : tables) {
        if (!EndsWith(candidate.kind, ".income_expenditure_summary")) continue;
        const CanonicalRow* grand = FindRow(candidate, grand_code);
        const Figure* grand_value = grand == nullptr ? nullptr : PrimaryValue(*grand);
        if (grand_value != nullptr &&
            std::llabs(printed->fen - grand_value->amount_fen) <=
                printed->half_unit_fen + HalfUnitFen(*grand_value, candidate.unit)) {
          shown = grand_value;
          table = &candidate;
        }
        break;
      }
    }
    const std::int64_t table_half = HalfUnitFen(*shown, table->unit);
    const std::int64_t tolerance = printed->half_unit_fen + table_half;
    if (std::llabs(printed->fen - shown->amount_fen) <= tolerance) continue;

    Finding finding;
    finding.figures = {ReferenceTo(figure), ReferenceTo(*shown)};
    finding.expected_fen = shown->amount_fen;
    finding.printed_text = figure.printed_text;
    finding.provenance = figure.provenance;
    // A misprinted unit: the printed digits read in the other unit match.
    for (NarrativeUnit other : {NarrativeUnit::kWanYuan, NarrativeUnit::kYuan}) {
      if (other == printed->unit) continue;
      std::optional<NarrativeAmount> reread = ReadNarrativeAmountAs(figure.printed_text, other);
      if (!reread) continue;
      const std::int64_t other_tolerance = reread->half_unit_fen + table_half;
      if (std::llabs(reread->fen - shown->amount_fen) > other_tolerance) continue;
      finding.check = "narrative.unit_misprint";
      finding.severity = Severity::kWarning;
      finding.actual_fen = printed->fen;
      finding.tolerance_fen = other_tolerance;
      finding.message = "narrative " + figure.row_code + " is printed \"" + figure.printed_text +
                        "\": read in " + NarrativeUnitText(printed->unit) + " that is " +
                        Yuan(printed->fen) + " yuan, read in " + NarrativeUnitText(other) +
                        " it is " + Yuan(reread->fen) + " yuan, which matches " + table->kind +
                        " (" + Yuan(shown->amount_fen) + " yuan); the " + NarrativeUnitText(other) +
                        " reading is used";
      figure.amount_fen = reread->fen;
      figure.corrected = true;
      findings.push_back(std::move(finding));
      break;
    }
    if (figure.corrected) continue;
    finding.check = "narrative.vs_table";
    finding.severity = Severity::kError;
    finding.actual_fen = figure.amount_fen;
    finding.tolerance_fen = tolerance;
    finding.message = "narrative " + figure.row_code + " \"" + figure.printed_text + "\" is " +
                      Yuan(figure.amount_fen) + " yuan but " + table->kind + " shows " +
                      Yuan(shown->amount_fen) + " yuan (off by " +
                      Yuan(figure.amount_fen - shown->amount_fen) + ", tolerance " +
                      Yuan(tolerance) + ")";
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
