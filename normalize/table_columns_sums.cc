// Part of stage 4 of the table pipeline (table_stages.h): the amount columns of an OCR'd
// expenditure table keyed by the sums its rows print, where the header words were misread.
//
// A scanned header reads 外本文山 for 基本支出, 项上支出 for 项目支出 and 合让 for 合计; the
// vocabulary repair (ocr_vocabulary.h) puts back one misread character, not two, and a header
// read as another word (合计 over 基本支出's parts) keys the column wrongly. The body still says
// which column is which: in every row 合计 = 基本支出 + 项目支出 and 基本支出 = 人员经费 +
// 公用经费. Every way of giving the columns these keys in their printed order is tried against the
// rows; the one the rows confirm (and no other equally well) is taken, and the rows stage reports
// it (column.keyed_by_sums).
#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The expenditure columns in the order publishers print them.
constexpr std::array<std::string_view, 5> kOrder = {"total", "basic", "personnel", "public",
                                                    "project"};
constexpr int kTotal = 0, kBasic = 1, kPersonnel = 2, kPublic = 3, kProject = 4;
constexpr int kNone = -1;

// Characters of each key's header words that survive a misread better than the rest (基本支出
// read 外本文山 keeps 本; 项目支出 read 项上支出 keeps 项).
constexpr std::array<std::u32string_view, 5> kHints = {U"合计总", U"基本", U"人员工资", U"公用",
                                                       U"项目"};

int KeyIndex(const std::string& key) {
  for (std::size_t k = 0; k < kOrder.size(); ++k) {
    if (key == kOrder[k]) return static_cast<int>(k);
  }
  return kNone;
}

struct Row {
  std::vector<std::int64_t> values;  // per candidate column
  std::int64_t rounding = 1;         // one unit of the finest printed decimal, in micros
};

// Whether the identities an assignment implies hold in `row`, and whether the row says
// anything about it (a row of zeros confirms every assignment).
enum class Verdict { kSilent, kHolds, kFails };

Verdict Check(const Row& row, const std::vector<int>& assigned) {
  std::array<std::optional<std::int64_t>, 5> value;
  for (std::size_t i = 0; i < assigned.size(); ++i) {
    if (assigned[i] != kNone) value[static_cast<std::size_t>(assigned[i])] = row.values[i];
  }
  bool any = false;
  bool fails = false;
  auto sum_holds = [&](int parent, std::initializer_list<int> parts) {
    if (!value[parent]) return;
    std::int64_t sum = 0;
    int count = 0;
    for (int part : parts) {
      if (!value[part]) continue;
      sum += *value[part];
      ++count;
    }
    if (count == 0) return;
    if (*value[parent] == 0 && sum == 0) return;
    any = true;
    const std::int64_t off = *value[parent] - sum;
    if (off > count * row.rounding || off < -count * row.rounding) fails = true;
  };
  if (value[kBasic]) {
    sum_holds(kTotal, {kBasic, kProject});
  } else {
    sum_holds(kTotal, {kPersonnel, kPublic, kProject});
  }
  sum_holds(kBasic, {kPersonnel, kPublic});
  if (!any) return Verdict::kSilent;
  return fails ? Verdict::kFails : Verdict::kHolds;
}

// Every strictly increasing choice of `n` keys out of kOrder (at most 5 choose n).
void Assignments(int n, int from, std::vector<int>& current, std::vector<std::vector<int>>& out) {
  if (static_cast<int>(current.size()) == n) {
    out.push_back(current);
    return;
  }
  for (int k = from; k < static_cast<int>(kOrder.size()); ++k) {
    current.push_back(k);
    Assignments(n, k + 1, current, out);
    current.pop_back();
  }
}

// How well an assignment agrees with what the header says: its key as read counts 2, a hint
// character of the key's words 1.
int HeaderAgreement(const std::vector<int>& assigned, const std::vector<int>& read,
                    const std::vector<std::u32string>& paths) {
  int agreement = 0;
  for (std::size_t i = 0; i < assigned.size(); ++i) {
    if (read[i] == assigned[i]) {
      agreement += 2;
      continue;
    }
    const std::u32string_view hints = kHints[static_cast<std::size_t>(assigned[i])];
    if (std::any_of(hints.begin(), hints.end(),
                    [&](char32_t c) { return paths[i].find(c) != std::u32string::npos; })) {
      ++agreement;
    }
  }
  return agreement;
}

}  // namespace

std::optional<std::int64_t> AmountInMicros(std::string_view text, int& decimals) {
  const AmountText amount = ParseAmountText(text);
  decimals = 0;
  if (amount.kind == AmountKind::kBlank) return 0;
  if (amount.kind != AmountKind::kNumber || amount.percent || amount.decimals > 6) {
    return std::nullopt;
  }
  if (amount.mantissa > (std::int64_t{1} << 50) || amount.mantissa < -(std::int64_t{1} << 50)) {
    return std::nullopt;
  }
  decimals = amount.decimals;
  std::int64_t value = amount.mantissa;
  for (int d = amount.decimals; d < 6; ++d) value *= 10;
  return value;
}

std::vector<int> KeyOcrColumnsBySums(const StitchedTable& stitched,
                                     std::vector<std::string>& read_keys, std::string& evidence) {
  std::vector<int> changed;
  const TablePart& first = stitched.parts.front();
  const std::string& kind = stitched.canonical.kind;
  const bool economic_kind = EndsWith(kind, "_basic_expenditure");
  // A grid whose header OCR read as paragraphs above it has no header rows and no keys.
  std::vector<std::string> keys = read_keys;
  keys.resize(std::max(keys.size(), static_cast<std::size_t>(first.table->column_count)));
  const HeaderAnalysis& header = first.header;
  const auto role = [&](std::size_t c) -> std::string {
    return c < header.roles.size() ? header.roles[c] : std::string();
  };
  // Candidates: columns keyed as one of the five, and unkeyed columns holding money.
  std::vector<int> columns;
  std::vector<int> read;
  bool doubt = false;  // an unkeyed money column, or a key read twice
  std::array<int, 5> seen{};
  for (std::size_t c = 0; c < keys.size(); ++c) {
    const int k = KeyIndex(keys[c]);
    if (k != kNone) {
      columns.push_back(static_cast<int>(c));
      read.push_back(k);
      doubt = doubt || ++seen[static_cast<std::size_t>(k)] > 1;
      continue;
    }
    if (!keys[c].empty() || IsCodeRole(role(c)) || role(c) == "rowno") continue;
    // Money in every part read with the first part's columns: a scan may cut the grid's first
    // row (合计) from the rest, a part of one row.
    int money = 0;
    for (const TablePart& part : stitched.parts) {
      if (part.table->column_count != first.table->column_count) continue;
      for (int r = BodyStart(part); r < part.table->row_count; ++r) {
        if (IsPrintedMoney(part.table->TextAt(r, static_cast<int>(c)))) ++money;
      }
    }
    // One amount is enough: a 项目支出 column prints only the rows with projects (H21
    // s3w_0328_budget: one of five); the rows' sums still have to confirm the keys.
    if (money == 0) continue;
    columns.push_back(static_cast<int>(c));
    read.push_back(kNone);
    doubt = true;
  }
  const int n = static_cast<int>(columns.size());
  if (!doubt || n < 2 || n > static_cast<int>(kOrder.size())) return changed;

  // The rows, from every part read with the first part's columns.
  std::vector<Row> rows;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != first.table->column_count) continue;
    for (int r = BodyStart(part); r < part.table->row_count; ++r) {
      Row row;
      int finest = 0;
      bool readable = true;
      for (int c : columns) {
        int decimals = 0;
        const std::optional<std::int64_t> value =
            AmountInMicros(part.table->TextAt(r, c), decimals);
        if (!value) {
          readable = false;
          break;
        }
        finest = std::max(finest, decimals);
        row.values.push_back(*value);
      }
      if (!readable) continue;
      for (int d = finest; d < 6; ++d) row.rounding *= 10;
      rows.push_back(std::move(row));
    }
  }

  std::vector<std::u32string> paths;
  for (int c : columns) {
    const std::size_t at = static_cast<std::size_t>(c);
    const std::vector<char32_t> decoded =
        DecodeUtf8(at < header.paths.size() ? header.paths[at] : std::string());
    paths.emplace_back(decoded.begin(), decoded.end());
  }
  struct Score {
    std::vector<int> assigned;
    int holds = 0;
    int fails = 0;
    int agreement = 0;
    int usual = 0;  // the kind's usual split: 1 when the assignment makes it
  };
  std::vector<std::vector<int>> candidates;
  std::vector<int> current;
  Assignments(n, 0, current, candidates);
  std::vector<Score> scores;
  for (const std::vector<int>& assigned : candidates) {
    Score score{assigned, 0, 0, HeaderAgreement(assigned, read, paths), 0};
    // With no header word left, the kind's usual columns decide between splits the sums cannot
    // tell apart (合计 = 基本支出 + 项目支出 or = 人员经费 + 公用经费): an economic-class table
    // prints 合计 | 人员经费 | 公用经费, a function-class one 合计 | 基本支出 | 项目支出, with
    // 基本支出's parts or without.
    static const std::vector<std::vector<int>> kFunctionColumns = {
        {kTotal, kBasic, kProject}, {kTotal, kBasic, kPersonnel, kPublic, kProject}};
    static const std::vector<std::vector<int>> kEconomicColumns = {{kTotal, kPersonnel, kPublic}};
    const auto& usual = economic_kind ? kEconomicColumns : kFunctionColumns;
    score.usual = std::find(usual.begin(), usual.end(), assigned) != usual.end() ? 1 : 0;
    for (const Row& row : rows) {
      const Verdict verdict = Check(row, assigned);
      if (verdict == Verdict::kHolds) ++score.holds;
      if (verdict == Verdict::kFails) ++score.fails;
    }
    scores.push_back(std::move(score));
  }
  // Most rows confirming it, then the header's words, then the kind's usual split; a tie on all
  // three decides nothing.
  std::sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) {
    if (a.holds != b.holds) return a.holds > b.holds;
    if (a.agreement != b.agreement) return a.agreement > b.agreement;
    return a.usual > b.usual;
  });
  const Score& best = scores.front();
  // Rows confirm an assignment only by chance when its columns are not these five; OCR misreads
  // break the sums of many rows that are: a third of the rows confirming it is enough.
  constexpr int kMinRows = 2;
  if (best.holds < kMinRows || 3 * best.holds < static_cast<int>(rows.size())) return changed;
  if (scores.size() > 1 && scores[1].holds == best.holds && scores[1].agreement == best.agreement &&
      scores[1].usual == best.usual) {
    return changed;
  }
  // A key the header read once moves only when the rows say more for the move than for the
  // header's own keys: a column of zeros beside 合计 | 基本支出 | 项目支出 fits 合计 = 人员经费 +
  // 公用经费 + 项目支出 as well as the header does.
  std::vector<int> header_keys = read;
  bool moves_a_read_key = false;
  for (std::size_t i = 0; i < read.size(); ++i) {
    if (read[i] == kNone) continue;
    if (seen[static_cast<std::size_t>(read[i])] > 1) {
      header_keys[i] = kNone;
    } else if (best.assigned[i] != read[i]) {
      moves_a_read_key = true;
    }
  }
  if (moves_a_read_key) {
    int header_holds = 0;
    for (const Row& row : rows) {
      if (Check(row, header_keys) == Verdict::kHolds) ++header_holds;
    }
    if (best.holds <= header_holds) return changed;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string key(kOrder[static_cast<std::size_t>(best.assigned[i])]);
    std::string& current_key = keys[static_cast<std::size_t>(columns[i])];
    if (current_key == key) continue;
    current_key = key;
    changed.push_back(columns[i]);
  }
  if (!changed.empty()) {
    read_keys = keys;
    evidence =
        std::to_string(best.holds) + " of " + std::to_string(rows.size()) +
        " rows hold 合计 = 基本支出 + 项目支出 (基本支出 = 人员经费 + 公用经费) with these keys, " +
        std::to_string(best.fails) + " do not";
  }
  return changed;
}

int KeyOcrTotalColumnBySums(const StitchedTable& stitched, std::vector<std::string>& read_keys,
                            std::string& evidence) {
  const TablePart& first = stitched.parts.front();
  const int column_count = first.table->column_count;
  std::vector<std::string> keys = read_keys;
  keys.resize(std::max(keys.size(), static_cast<std::size_t>(column_count)));
  const HeaderAnalysis& header = first.header;
  const auto role = [&](int c) -> std::string {
    const std::size_t at = static_cast<std::size_t>(c);
    return at < header.roles.size() ? header.roles[at] : std::string();
  };
  // The body rows of every part read with the first part's columns.
  std::vector<std::pair<const Table*, int>> rows;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != column_count) continue;
    for (int r = BodyStart(part); r < part.table->row_count; ++r) rows.emplace_back(part.table, r);
  }
  int found = -1;
  std::string found_key;
  std::string found_evidence;
  for (int c = 0; c + 1 < column_count; ++c) {
    if (!keys[static_cast<std::size_t>(c)].empty() || IsCodeRole(role(c)) || role(c) == "rowno") {
      continue;
    }
    // Its parts: the keyed columns right of it, up to the next unkeyed one; parts of one group
    // (本年收入: income.general_budget, income.gov_fund …) up to the group's end, and their sum is
    // the group's total (小计 read 人 beside the table's 合计).
    const auto group_of = [&](int column) {
      const std::string& key = keys[static_cast<std::size_t>(column)];
      const std::size_t dot = key.find('.');
      return dot == std::string::npos ? std::string() : key.substr(0, dot + 1);
    };
    const std::string group = group_of(c + 1);
    int last = c;
    while (last + 1 < column_count && !keys[static_cast<std::size_t>(last + 1)].empty() &&
           (group.empty() || group_of(last + 1) == group)) {
      ++last;
    }
    if (last == c) continue;
    const std::string total_key = group + "total";
    if (std::find(keys.begin(), keys.end(), total_key) != keys.end()) continue;
    int money = 0, holds = 0, fails = 0;
    for (const auto& [table, r] : rows) {
      if (IsPrintedMoney(table->TextAt(r, c))) ++money;
      int decimals = 0, finest = 0;
      const std::optional<std::int64_t> total = AmountInMicros(table->TextAt(r, c), decimals);
      if (!total) continue;
      finest = decimals;
      std::int64_t sum = 0;
      bool readable = true;
      for (int part = c + 1; part <= last && readable; ++part) {
        const std::optional<std::int64_t> value = AmountInMicros(table->TextAt(r, part), decimals);
        readable = value.has_value();
        sum += value.value_or(0);
        finest = std::max(finest, decimals);
      }
      if (!readable || (*total == 0 && sum == 0)) continue;
      std::int64_t rounding = 1;
      for (int d = finest; d < 6; ++d) rounding *= 10;
      const std::int64_t off = *total - sum;
      if (off > (last - c) * rounding || off < -(last - c) * rounding) {
        ++fails;
      } else {
        ++holds;
      }
    }
    if (money < 2 || holds < 2 || fails > 0) continue;
    if (found >= 0) return -1;  // two columns print the sums: which is the total is not known
    found = c;
    found_key = total_key;
    found_evidence = std::to_string(holds) + " rows print in it the sum of the " +
                     std::to_string(last - c) + " keyed column(s) right of it, none another amount";
  }
  if (found < 0) return -1;
  keys[static_cast<std::size_t>(found)] = found_key;
  read_keys = keys;
  evidence = found_evidence;
  return found;
}

}  // namespace disclose
