// Stage 4 of the table pipeline (table_stages.h), for the whole table: the
// column keys its first part's header gives, adjusted to the table's kind
// (summary sides, a segment's lone amount column, 三公 items printed across).
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

TableColumns KeyColumns(const StitchedTable& stitched, const HeaderOptions& /*options*/) {
  const TablePart& first = stitched.parts.front();
  const std::string& kind = stitched.canonical.kind;
  TableColumns columns;
  std::vector<std::string>& column_keys = columns.keys;
  column_keys = first.header.keys;
  const bool three_public = EndsWith(kind, ".three_public");
  const bool summary = IsSummaryKind(kind);

  // In a summary, 本年收入 | 本年支出 are its two sides, which the row codes
  // (income.* / expenditure.*) already say; the columns are plain.
  if (summary) {
    for (std::string& key : column_keys) {
      for (std::string_view side : {"income.", "expenditure."}) {
        if (StartsWith(key, side)) key = key.substr(side.size());
      }
    }
  }

  // Single amount column of a segment (金额 / 决算数 / 预算数 alone) -> amount.
  columns.segments = SplitSegments(column_keys);
  const std::vector<Segment>& segments = columns.segments;
  if (!three_public) {
    for (const Segment& segment : segments) {
      if (segment.amounts.size() != 1) continue;
      std::string& key = column_keys[static_cast<std::size_t>(segment.amounts[0])];
      // A summary side's lone 合计 column is its amount too.
      if (key == "final" || key == "budget" || key == "amount" || key == "adjusted_budget" ||
          (summary && key == "total")) {
        key = "amount";
      }
    }
  }

  // Three public printed as columns: header names the items, rows hold values.
  std::vector<std::string>& column_rows = columns.column_rows;
  column_rows.resize(column_keys.size());
  // Per column, the figure kind its header ends with (预算数 / 决算数 under
  // each item, sh_putuo_finance_2024_final p18); "" when the row says it.
  std::vector<std::string>& column_values = columns.column_values;
  column_values.resize(column_keys.size());
  std::vector<std::string>& column_names = columns.column_names;
  column_names.resize(column_keys.size());
  bool& columnar_three_public = columns.columnar_three_public;
  if (three_public) {
    int named = 0;
    for (std::size_t c = 0; c < column_keys.size(); ++c) {
      std::string path = TableKey(first.header.paths[c]);
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

  return columns;
}

}  // namespace disclose
