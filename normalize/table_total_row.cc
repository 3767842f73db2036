#include "normalize/table_total_row.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/table_text.h"

namespace disclose {

const CanonicalRow* KeyOcrTotalRowBySums(CanonicalTable& table) {
  bool ocr = false;
  std::set<std::string> columns;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code == "total") return nullptr;
    for (const Figure& figure : row.values) {
      ocr = ocr || figure.provenance.origin == TextOrigin::kOcr;
      columns.insert(figure.column);
    }
  }
  if (!ocr) return nullptr;
  // The top level of the rows' codes: 类 rows, or 项 rows when the table lists only those.
  std::size_t top = 0;
  for (const CanonicalRow& row : table.rows) {
    if (!IsClassCode(row.row_code)) continue;
    if (top == 0 || row.row_code.size() < top) top = row.row_code.size();
  }
  std::map<std::string, std::int64_t> class_sums;  // column -> the top rows' sum
  // A row printed twice with the same figures (a page's part repeating it) is one row; a code
  // listed again with other figures is another unit's row (bj_city_audit p5 lists each unit's
  // 项 rows in turn, 2010801 行政运行 in three of them), and its figures count too.
  std::set<std::pair<std::string, std::vector<std::pair<std::string, std::int64_t>>>> rows_seen;
  std::set<std::string> classes;
  for (const CanonicalRow& row : table.rows) {
    if (row.row_code.size() != top || !IsClassCode(row.row_code)) continue;
    std::vector<std::pair<std::string, std::int64_t>> figures;
    for (const Figure& figure : row.values) figures.emplace_back(figure.column, figure.amount_fen);
    if (!rows_seen.emplace(row.row_code, figures).second) continue;
    classes.insert(row.row_code);
    for (const Figure& figure : row.values) class_sums[figure.column] += figure.amount_fen;
  }
  if (classes.empty()) return nullptr;
  // Under one top row any row printing its figures sums it: the label must keep a character
  // of 合计 or 总计 too (合i, H14 s3w_0221_final's income table of one 类).
  const auto names_a_total = [](const std::string& name) {
    return Contains(name, "合") || Contains(name, "计") || Contains(name, "总");
  };
  CanonicalRow* total = nullptr;
  for (CanonicalRow& row : table.rows) {
    if (!row.row_code.empty() || row.values.empty()) continue;
    if (classes.size() == 1 && !names_a_total(row.row_name)) continue;
    int matched = 0, missed = 0;
    for (const Figure& figure : row.values) {
      const auto sum = class_sums.find(figure.column);
      const std::int64_t expected = sum == class_sums.end() ? 0 : sum->second;
      if (figure.amount_fen != expected) {
        ++missed;
      } else if (expected != 0) {
        ++matched;
      }
    }
    // One column may miss where three others hold: a cell above misread (bj_city_audit p5's
    // '19. SOUU000', no amount) leaves its column's sum short, and the validator's sum.total
    // then names that column's failure.
    const bool sums_hold = missed == 0 ? matched >= 2 || (matched == 1 && columns.size() == 1)
                                       : missed == 1 && matched >= 3;
    if (!sums_hold) continue;
    if (total != nullptr)
      return nullptr;  // two rows print the sums: which is the total is not known
    total = &row;
  }
  if (total == nullptr) return nullptr;
  total->row_code = "total";
  for (Figure& figure : total->values) figure.row_code = "total";
  return total;
}

namespace {

bool OnTheSameLine(const Provenance& a, const Provenance& b) {
  return a.page == b.page && a.block == b.block && a.row == b.row && a.column != b.column;
}

CanonicalRow* RowCoded(CanonicalTable& table, const std::string& code) {
  for (CanonicalRow& row : table.rows) {
    if (row.row_code == code && !row.values.empty()) return &row;
  }
  return nullptr;
}

// The one uncoded OCR'd row printed on the line of the other side's `total`, whose largest
// figure equals it, when `side` has no such total: keyed `side` + `total`.
CanonicalRow* KeyByTheOtherSide(CanonicalTable& table, const std::string& side,
                                const std::string& other, const std::string& total) {
  if (RowCoded(table, side + total) != nullptr) return nullptr;
  const CanonicalRow* printed = RowCoded(table, other + total);
  if (printed == nullptr) return nullptr;
  const Figure& its = printed->values.front();
  CanonicalRow* found = nullptr;
  int candidates = 0;
  for (CanonicalRow& row : table.rows) {
    if (!row.row_code.empty() || row.values.empty()) continue;
    const bool beside = std::all_of(row.values.begin(), row.values.end(), [&](const Figure& f) {
      return f.provenance.origin == TextOrigin::kOcr && OnTheSameLine(f.provenance, its.provenance);
    });
    if (!beside) continue;
    std::int64_t largest = row.values.front().amount_fen;
    for (const Figure& figure : row.values) largest = std::max(largest, figure.amount_fen);
    if (largest != its.amount_fen) continue;
    found = &row;
    ++candidates;
  }
  if (candidates != 1) return nullptr;
  found->row_code = side + total;
  for (Figure& figure : found->values) figure.row_code = found->row_code;
  return found;
}

}  // namespace

std::vector<const CanonicalRow*> KeyOcrSummaryTotalsByTheOtherSide(CanonicalTable& table) {
  std::vector<const CanonicalRow*> keyed;
  if (!EndsWith(table.kind, "income_expenditure_summary") &&
      !EndsWith(table.kind, "fiscal_appropriation_summary")) {
    return keyed;
  }
  // Both totals: a text layer keys 一、本年支出 beside 一、本年收入 (Jilin's summaries) as this
  // year's total too (ExpenditureKey), so the scan's reading of it does not differ.
  for (const std::string total : {"grand_total", "total_current_year"}) {
    for (const auto& [side, other] :
         {std::pair<std::string, std::string>{"income.", "expenditure."},
          {"expenditure.", "income."}}) {
      if (CanonicalRow* found = KeyByTheOtherSide(table, side, other, total)) {
        keyed.push_back(found);
      }
    }
  }
  return keyed;
}

}  // namespace disclose
