// Part of stage 4 of the table pipeline (table_stages.h): an OCR'd summary's two sides (收入
// | 支出, each with its label and amount columns) keyed when the scan lost a side's words
// (table_columns_ocr.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/ocr_labels.h"
#include "normalize/table_columns_ocr.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"

namespace disclose {

namespace {

// Whether column `c` prints row numbers only (行次: 1, 2, … 14, one or two digits a cell, at
// least two of them), whatever its header says.
bool RowNumberColumn(const Table& table, int header_rows, int c) {
  int numbers = 0;
  for (int r = header_rows; r < table.row_count; ++r) {
    const std::string text = Trim(table.TextAt(r, c));
    if (text.empty()) continue;
    if (text.size() > 2 ||
        !std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      return false;
    }
    ++numbers;
  }
  constexpr int kNumbersThatShowIt = 2;
  return numbers >= kNumbersThatShowIt;
}

bool EmptyBelowTheHeader(const Table& table, int header_rows, int c) {
  for (int r = header_rows; r < table.row_count; ++r) {
    if (!TableKey(table.TextAt(r, c)).empty()) return false;
  }
  return true;
}

// The header words read above an OCR'd grid completed by the grid's header rows when those hold
// nothing but the words' rests: a header wrapped in its cells whose upper line was read as a
// paragraph and its lower one as the grid's first row (金 | 合 | 一般公共预算财政 above, 额 | 计
// | 拨款 | 拨款 in the grid, H39 s3w_0609_final). A rest is at most two characters and no digit;
// a header cell longer (a word of its own) leaves the words as they are. nullopt when no rest
// completed a word: the grid's header is then its own.
std::optional<std::vector<std::string>> HeaderAboveCompletedByGridRests(
    const TablePart& first, const std::vector<std::string>& above) {
  constexpr std::size_t kLongestRest = 2;  // code points
  const Table& table = *first.table;
  if (first.header.header_rows == 0) return std::nullopt;
  std::vector<std::string> words = above;
  for (int r = 0; r < first.header.header_rows; ++r) {
    for (int c = 0; c < table.column_count; ++c) {
      const std::string key = TableKey(table.TextAt(r, c));
      if (key.empty()) continue;
      if (HasAsciiDigit(key) || DecodeUtf8(key).size() > kLongestRest) return std::nullopt;
      CompleteACutWord(key, words);
    }
  }
  if (words == above) return std::nullopt;
  return words;
}

// The sides of an OCR'd summary by their bodies (the header analysis calls a column it keys
// nothing a label column): a column printing no money opens a side, one printing money is among
// its amounts. A column of row numbers is neither, whether or not its header word 行次 was read
// (s3w_0082, s3w_0060: the header read as a paragraph above the grid, the expenditure side's 行次
// 8 … 14 opened a side of its own, and the summary's two sides went unkeyed).
std::vector<std::vector<std::size_t>> OcrSummarySides(const TablePart& first,
                                                      const std::vector<std::string>& keys) {
  const HeaderAnalysis& header = first.header;
  std::vector<std::vector<std::size_t>> sides;  // each side's money columns
  for (std::size_t c = 0; c < keys.size() && c < header.roles.size(); ++c) {
    if (header.roles[c] == "rowno" || IsCodeRole(header.roles[c]) ||
        RowNumberColumn(*first.table, header.header_rows, static_cast<int>(c))) {
      continue;
    }
    const int money = MoneyCells(*first.table, header.header_rows, static_cast<int>(c));
    // A fund printed empty all down (政府性基金预算 under its header word) is no side's labels.
    if (money == 0 && EmptyBelowTheHeader(*first.table, header.header_rows, static_cast<int>(c))) {
      continue;
    }
    if (money == 0) {
      sides.emplace_back();
    } else if (money >= 2 && !sides.empty()) {
      sides.back().push_back(c);
    }
  }
  return sides;
}

// The side word (收入 / 支出) a summary's header prints over column `c`; "" when none.
std::string SummarySideOf(const HeaderAnalysis& header, int c) {
  const std::string& path = header.paths[static_cast<std::size_t>(c)];
  const std::string top = TableKey(path.substr(0, path.find('/')));
  if (top == "收入" || top == "支出") return top;
  return "";
}

// Whether a header word read above a summary's grid names a side's label column (项目, 项目（按
// 功能分类）, 支出功能分类: H17 s3w_0269_budget), the word each side's header opens with.
bool OpensASide(const std::string& key) {
  return StartsWith(key, "项目") || EndsWith(key, "分类") || EndsWith(key, "分类科目");
}

// The fund of a fiscal summary's expenditure side whose column a scan kept when the header
// names more funds than the side has money columns: a fund printed empty all down (政府性基金预算
// with no money) makes no column on a scan. When the side has two money columns under the words
// 合计 and two funds or more, and the second equals the first on every row printing both (two
// at least, none differing), one fund holds all the money: the first the header names (一般公共
// 预算, the fund a department's summary hardly ever prints empty). "" otherwise. The column is
// reported as keyed by the rows' sums.
std::string TheOneFundPrinted(const TablePart& first, const std::vector<std::size_t>& columns,
                              const std::vector<std::string>& words) {
  constexpr int kRowsThatShowIt = 2;
  if (columns.size() != 2 || words.size() < 3 || words.front() != "total") return "";
  for (std::size_t w = 1; w < words.size(); ++w) {
    if (!IsFundKey(words[w])) return "";
  }
  const Table& table = *first.table;
  int equal = 0;
  for (int r = first.header.header_rows; r < table.row_count; ++r) {
    const AmountText total = ParseAmountText(table.TextAt(r, static_cast<int>(columns[0])));
    const AmountText fund = ParseAmountText(table.TextAt(r, static_cast<int>(columns[1])));
    if (total.kind != AmountKind::kNumber || fund.kind != AmountKind::kNumber) continue;
    if (ToFen(total, UnitOfAmount::kYuan) != ToFen(fund, UnitOfAmount::kYuan)) return "";
    ++equal;
  }
  return equal >= kRowsThatShowIt ? words[1] : "";
}

}  // namespace

void KeyOcrSummarySides(const TablePart& first, std::vector<std::string>& keys) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return;
  const HeaderAnalysis& header = first.header;
  for (std::size_t c = 1; c < keys.size(); ++c) {
    // No header word of its own: an empty path, or only the side's group word (收入) that the
    // columns left of it print above their own words (收入/项目, 收入/行次).
    // Or a word of its own that names nothing and is no label's (收入/法 for 收入/金额, H11
    // s3w_0171_final: the income side's three amounts went unkeyed).
    const std::string word = OwnWord(header.paths[c]);
    const bool own_word_misread =
        !word.empty() && ColumnKeyForHeader({word}).empty() && !StartsWith(TableKey(word), "项目");
    if (!keys[c].empty() || (header.roles[c] != "label" && !header.roles[c].empty()) ||
        !(OwnWordLost(header, c) || own_word_misread) ||
        MoneyCells(table, header.header_rows, static_cast<int>(c)) < 2) {
      continue;
    }
    bool label_between = false;
    for (std::size_t d = c + 1; d < keys.size(); ++d) {
      if (header.roles[d] == "label") label_between = true;
      // The other side's 行次 between its labels and its amounts is no amount to mirror.
      if (keys[d].empty() || header.roles[d] == "rowno") continue;
      if (label_between) keys[c] = keys[d];
      break;
    }
  }
  // A side whose amount word OCR misread (质算数 for 预算数, sd_yantai_audit p8) keys nothing
  // either: where the two sides have as many columns each, a money column keyed nothing takes
  // the key of the column in its place on the other side, when that side's column holds money
  // and both sides open with their labels.
  const std::size_t half = keys.size() / 2;
  if (keys.size() % 2 != 0 || half < 2 || header.roles[0] != "label" ||
      header.roles[half] != "label") {
    return;
  }
  for (std::size_t c = 1; c < keys.size(); ++c) {
    if (c == half) continue;
    const std::size_t mirror = c < half ? c + half : c - half;
    const std::string& key = keys[mirror];
    if (!keys[c].empty() || key.empty() || key == "-" ||
        (!header.roles[c].empty() && header.roles[c] != "label") ||
        MoneyCells(table, header.header_rows, static_cast<int>(c)) < 2 ||
        MoneyCells(table, header.header_rows, static_cast<int>(mirror)) < 2) {
      continue;
    }
    keys[c] = key;
  }
}

void KeyOcrSummaryLoneAmounts(const TablePart& first, std::vector<std::string>& keys) {
  if (!IsOcrGrid(*first.table)) return;
  if (!NoColumnKeyed(keys)) return;
  const std::vector<std::vector<std::size_t>> sides = OcrSummarySides(first, keys);
  if (sides.size() < 2) return;
  for (const std::vector<std::size_t>& side : sides)
    if (side.size() != 1) return;
  for (const std::vector<std::size_t>& side : sides) keys[side.front()] = "amount";
}

void KeySummaryFromHeaderAbove(const StitchedTable& stitched, std::vector<std::string>& keys,
                               std::vector<int>& keyed_by_sums, std::string& sums_evidence) {
  const TablePart& first = stitched.parts.front();
  if (stitched.header_above.empty()) return;
  // Keys the rests gave on their own (额 and 计 each "amount") give way to the whole words.
  const std::optional<std::vector<std::string>> completed =
      HeaderAboveCompletedByGridRests(first, stitched.header_above);
  if (!NoColumnKeyed(keys) && !completed) return;
  std::vector<std::vector<std::string>> word_sides;
  for (const std::string& word : completed ? *completed : stitched.header_above) {
    const std::string key = ColumnKeyForHeader({word});
    if (key == "-" || OpensASide(TableKey(word))) {
      word_sides.emplace_back();
    } else if (!key.empty() && !word_sides.empty()) {
      word_sides.back().push_back(key);
    }
  }
  const std::vector<std::vector<std::size_t>> sides = OcrSummarySides(first, keys);
  if (sides.size() != word_sides.size() || sides.size() < 2) return;
  std::vector<std::string> keyed = keys;
  std::vector<int> by_sums;
  std::string evidence;
  for (std::size_t s = 0; s < sides.size(); ++s) {
    const std::vector<std::size_t>& columns = sides[s];
    const std::vector<std::string>& words = word_sides[s];
    if (columns.empty() || columns.size() > words.size()) return;
    if (columns.size() != words.size()) {
      const std::string one_fund = TheOneFundPrinted(first, columns, words);
      if (one_fund.empty()) continue;
      keyed[columns[0]] = "total";
      keyed[columns[1]] = one_fund;
      by_sums.push_back(static_cast<int>(columns[1]));
      evidence = "column " + std::to_string(columns[1] + 1) +
                 " equals the total on every row: the one of the header's " +
                 std::to_string(words.size() - 1) + " funds printing money, taken as its first, " +
                 one_fund;
      continue;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) keyed[columns[i]] = words[i];
  }
  keys = keyed;
  if (!by_sums.empty()) {
    keyed_by_sums.insert(keyed_by_sums.end(), by_sums.begin(), by_sums.end());
    sums_evidence = evidence;
  }
}

void SeparateOcrSummarySides(const HeaderAnalysis& header, std::vector<Segment>& segments) {
  for (std::size_t s = 0; s < segments.size(); ++s) {
    const std::vector<int>& labels = segments[s].labels;
    if (labels.empty() || SummarySideOf(header, labels.front()) != "收入") continue;
    for (std::size_t i = 1; i < labels.size(); ++i) {
      if (SummarySideOf(header, labels[i]) != "支出") continue;
      Segment income;
      income.labels.assign(labels.begin(), labels.begin() + static_cast<long>(i));
      segments[s].labels.erase(segments[s].labels.begin(),
                               segments[s].labels.begin() + static_cast<long>(i));
      segments.insert(segments.begin() + static_cast<long>(s), std::move(income));
      break;
    }
  }
}

void KeyOcrGeneralBudgetFundColumn(const TablePart& first, std::vector<std::string>& keys) {
  constexpr int kMoneyThatShowsIt = 2;
  for (std::size_t c = 1; c + 1 < keys.size(); ++c) {
    if (keys[c - 1] != "total" || keys[c + 1] != "gov_fund") continue;
    const bool misread_fund = keys[c] == "budget" || keys[c] == "fiscal_appropriation";
    const bool unread_fund = keys[c].empty() && c < first.header.roles.size() &&
                             (first.header.roles[c].empty() || first.header.roles[c] == "label") &&
                             MoneyCells(*first.table, first.header.header_rows,
                                        static_cast<int>(c)) >= kMoneyThatShowsIt;
    if (misread_fund || unread_fund) keys[c] = "general_budget";
  }
}

}  // namespace disclose
