// Stage 4 of the table pipeline (table_stages.h), for the whole table: the
// column keys its first part's header gives, adjusted to the table's kind
// (summary sides, a segment's lone amount column, 三公 items printed across).
#include <algorithm>
#include <cstdint>
#include <map>
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
#include "normalize/three_public.h"

namespace disclose {
namespace {

// The year and figure kind a header segment such as 2025年预算数 or
// 2024年决算数 names ("budget", "final", "adjusted_budget"); 0 when it names none.
int YearColumn(const std::string& segment, std::string& value) {
  if (segment.size() < 7) return 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (segment[i] < '0' || segment[i] > '9') return 0;
  }
  if (segment.compare(4, 3, "年") != 0) return 0;
  const int year = std::stoi(segment.substr(0, 4));
  if (year < 1990 || year > 2100) return 0;
  value = LeafKey(segment.substr(7));
  if (value != "budget" && value != "final" && value != "adjusted_budget" && value != "execution") {
    return 0;
  }
  return year;
}

// A header path's words, top first ("本年收入/小计" -> {本年收入, 小计}).
std::vector<std::string> PathPieces(const std::string& path) {
  std::vector<std::string> pieces;
  std::size_t from = 0;
  for (std::size_t slash; (slash = path.find('/', from)) != std::string::npos; from = slash + 1) {
    pieces.push_back(path.substr(from, slash - from));
  }
  pieces.push_back(path.substr(from));
  return pieces;
}

// Columns that print the same figures for two years (一般公共预算“三公”经费支出
// 情况表 with 2025年预算数 | 2026年预算数 over the same items, Yantai): the
// earlier year is the comparison, so its key is prior_year_<value> and only the
// latest year keeps budget / final. Per column: "" when no year names it, else
// the key its year gives.
std::vector<std::string> YearValueKeys(const std::vector<std::string>& paths) {
  std::vector<std::string> keys(paths.size());
  std::vector<int> years(paths.size(), 0);
  int latest = 0;
  int earliest = 0;
  for (std::size_t c = 0; c < paths.size(); ++c) {
    for (const std::string& piece : PathPieces(TableKey(paths[c]))) {
      std::string value;
      const int year = YearColumn(piece, value);
      if (year != 0) {
        years[c] = year;
        keys[c] = value;
        latest = std::max(latest, year);
        earliest = earliest == 0 ? year : std::min(earliest, year);
        break;
      }
    }
  }
  if (latest == earliest) return std::vector<std::string>(paths.size());
  for (std::size_t c = 0; c < paths.size(); ++c) {
    if (years[c] != 0 && years[c] < latest) keys[c] = "prior_year_" + keys[c];
  }
  return keys;
}

// Cells of column c below the header that print nothing.
int CountBlankCells(const Table& table, int header_rows, int c) {
  int blank = 0;
  for (int r = header_rows; r < table.row_count; ++r) {
    if (Trim(table.TextAt(r, c)).empty()) ++blank;
  }
  return blank;
}

// OCR'd header words read too badly to key a column (只计 for 合计, 员类 | ]经费 for 人员类 |
// 公用经费) are keyed by their place in the columns of the identified kind, as the rows and the
// identities then check: the first amount column after the labels, left of keyed parts, is the
// total when no column is; in a basic-expenditure table (economic classes) the two amount
// columns after the total (or the first two, with no total) are 人员经费 and 公用经费. A text
// layer's header is read as printed.
void KeyOcrColumnsByPlace(const TablePart& first, const std::string& kind,
                          std::vector<std::string>& keys) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return;
  const int header_rows = first.header.header_rows;
  auto unkeyed_money = [&](std::size_t c) {
    return keys[c].empty() && !IsCodeRole(first.header.roles[c]) &&
           first.header.roles[c] != "rowno" &&
           MoneyCells(table, header_rows, static_cast<int>(c)) >= 2;
  };
  const bool any_total = std::find(keys.begin(), keys.end(), "total") != keys.end();
  // The first column holding money, after at least one label column.
  std::size_t first_amount = keys.size();
  for (std::size_t c = 1; c < keys.size(); ++c) {
    if (!keys[c].empty() || unkeyed_money(c)) {
      first_amount = c;
      break;
    }
  }
  if (first_amount == keys.size()) return;
  if (!any_total && unkeyed_money(first_amount) && first_amount + 1 < keys.size()) {
    const std::string& next = keys[first_amount + 1];
    if (next == "basic" || next == "personnel" || next == "project" || next == "general_budget" ||
        next == "fiscal_appropriation" || next == "income.total" || next == "carryover") {
      keys[first_amount] = "total";
    }
  }
  // Yantai's 基本支出预算情况表 (basic_expenditure) splits by source, not into the two parts.
  const bool basic_kind = EndsWith(kind, ".general_budget_basic_expenditure") ||
                          EndsWith(kind, ".fiscal_appropriation_basic_expenditure");
  if (basic_kind && keys[first_amount] == "total" && first_amount + 2 < keys.size()) {
    const std::size_t a = first_amount + 1;
    const std::size_t b = first_amount + 2;
    const bool a_fits = keys[a] == "personnel" || unkeyed_money(a);
    const bool b_fits = keys[b] == "public" || unkeyed_money(b);
    const auto elsewhere = [&](std::string_view key) {
      for (std::size_t c = 0; c < keys.size(); ++c) {
        if (c != a && c != b && keys[c] == key) return true;
      }
      return false;
    };
    if (a_fits && b_fits && !elsewhere("personnel") && !elsewhere("public")) {
      keys[a] = "personnel";
      keys[b] = "public";
    }
  }
  // One printed without a total column (人员经费 | 公用经费 alone, 公用经费 read 经: H15
  // s3w_0237_final, its eight 302 figures unread): the money column beside one keyed part is
  // the other part.
  if (basic_kind && !any_total && first_amount + 1 < keys.size() &&
      std::count(keys.begin(), keys.end(), "personnel") +
              std::count(keys.begin(), keys.end(), "public") ==
          1) {
    const std::size_t a = first_amount;
    const std::size_t b = first_amount + 1;
    if (keys[a] == "personnel" && unkeyed_money(b)) keys[b] = "public";
    if (unkeyed_money(a) && keys[b] == "public") keys[a] = "personnel";
  }
}

// Kinds whose amount columns split spending (合计 | 基本支出 | 人员经费 | 公用经费 | 项目支出), not
// sources: Yantai's 基本支出预算情况表 (basic_expenditure) splits by source.
bool SplitsExpenditure(std::string_view kind) {
  for (std::string_view suffix :
       {".expenditure", ".general_budget_expenditure", ".fiscal_appropriation_expenditure",
        ".general_budget_basic_expenditure", ".fiscal_appropriation_basic_expenditure", ".gov_fund",
        ".state_capital"}) {
    if (EndsWith(kind, suffix)) return true;
  }
  return false;
}

// A table of codes, names and one column of amounts (科目编码 | 科目名称 | 金额) whose amount
// word OCR misread (金阁 for 金额, js_procuratorate_2018 公开06表): the header keys nothing and its
// 15 figures went unkeyed. Where no column is keyed and every column but one prints words or
// codes and no money, the one that prints money is the table's amount. A grid with a column
// printed empty (an amount column with nothing in it) is left to its header words: the amount
// may be its 合计 among parts, and so is a first part with no header of its own (the header
// printed over a later part of other columns names them).
void KeyOcrLoneMoneyColumn(const StitchedTable& stitched, std::vector<std::string>& keys) {
  const TablePart& first = stitched.parts.front();
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return;
  const int header_rows = first.header.header_rows;
  if (header_rows < 1) return;
  for (const TablePart& part : stitched.parts)
    if (part.table->column_count != table.column_count) return;
  if (!NoColumnKeyed(keys)) return;
  std::optional<std::size_t> money_column;
  int money_cells = 0;
  for (std::size_t c = 0; c < keys.size(); ++c) {
    bool printed = false;
    for (int r = header_rows; r < table.row_count && !printed; ++r)
      printed = !Trim(table.TextAt(r, static_cast<int>(c))).empty();
    if (!printed) return;
    const int money = MoneyCells(table, header_rows, static_cast<int>(c));
    if (money == 0) continue;
    if (money_column) return;
    money_column = c;
    money_cells = money;
  }
  if (money_column && money_cells >= 2 && keys[*money_column].empty()) {
    keys[*money_column] = "amount";
  }
}

// Whether the first of `columns` is at least each other one in every row of every part that reads
// them all as money, and more than the largest in none: a 合计 beside its parts. At least two
// such rows. Money prints a point or a separator: a 栏次 row (1 | 2 | 3) under the grid's header
// is no row of amounts, and its numbers rise left to right.
bool TotalHoldsItsParts(const StitchedTable& stitched, const std::vector<int>& columns) {
  int rows = 0;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != stitched.parts.front().table->column_count) continue;
    for (int r = 0; r < part.table->row_count; ++r) {
      std::vector<std::int64_t> values;
      for (int c : columns) {
        // In 万元 every reading is exact; only the order of the amounts is compared.
        if (!IsPrintedMoney(part.table->TextAt(r, c))) break;
        const AmountText amount = ParseAmountText(part.table->TextAt(r, c));
        if (amount.kind != AmountKind::kNumber || amount.percent) break;
        const std::optional<std::int64_t> fen = ToFen(amount, UnitOfAmount::kWanYuan);
        if (!fen) break;
        values.push_back(*fen);
      }
      if (values.size() != columns.size()) continue;
      for (std::size_t i = 1; i < values.size(); ++i) {
        if (values[i] > values[0]) return false;
      }
      ++rows;
    }
  }
  return rows >= 2;
}

// An income table's one source column among several its header line names (合计 | 一般公共预算
// | 其他收入 over a grid of 合计 and one more: the empty 其他收入 made no column on a scan). The
// summary read before lists the income by source: the one source of the line whose summary
// figure is the column's total (its largest amount) names it; none or two, "".
std::string SourceNamedBySummary(const StitchedTable& stitched, int column,
                                 const std::vector<std::string>& word_keys,
                                 const std::vector<CanonicalTable>* tables_before) {
  if (tables_before == nullptr || stitched.declared == UnitOfAmount::kUnknown) return "";
  std::optional<std::int64_t> column_total;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != stitched.parts.front().table->column_count) continue;
    for (int r = part.header.header_rows; r < part.table->row_count; ++r) {
      const std::string_view text = part.table->TextAt(r, column);
      if (!IsPrintedMoney(text)) continue;
      const std::optional<std::int64_t> fen = ToFen(ParseAmountText(text), stitched.declared);
      if (fen && (!column_total || *fen > *column_total)) column_total = fen;
    }
  }
  if (!column_total) return "";
  const std::string prefix = stitched.canonical.kind.substr(0, stitched.canonical.kind.find('.'));
  std::string named;
  for (const std::string& key : word_keys) {
    if (key == "total") continue;
    const std::string line =
        "income." + key +
        (key == "general_budget" || key == "gov_fund" ? std::string("_appropriation")
                                                      : std::string());
    for (const CanonicalTable& summary : *tables_before) {
      if (summary.kind != prefix + ".income_expenditure_summary") continue;
      for (const CanonicalRow& row : summary.rows) {
        if (row.row_code != line) continue;
        for (const Figure& figure : row.values) {
          if (figure.amount_fen != *column_total) continue;
          if (!named.empty() && named != key) return "";
          named = key;
        }
      }
    }
  }
  return named;
}

// A table whose grid's header names no column (none, or only 类 | 款 | 项 and 栏次) and whose
// header was printed as a paragraph right above it (a header repeated on the next page, or
// left at the foot of the page before, read apart from the rows under it): the words of that
// line naming figure columns key, in order, the grid's columns that hold amounts, when there
// are as many of each and no two words name the same column. Not for summaries (two sides) or
// 三公 tables (their items may be columns).

// The right edge of the money printed in `column` of the first part's body; nothing when no
// such cell has a box.
std::optional<double> MoneyRightEdge(const TablePart& first, int column) {
  std::optional<double> right;
  for (const TableCell& cell : first.table->cells) {
    if (cell.column != column || cell.row < first.header.header_rows || !cell.provenance.box ||
        !IsPrintedMoney(cell.text)) {
      continue;
    }
    right = std::max(right.value_or(cell.provenance.box->x1), cell.provenance.box->x1);
  }
  return right;
}

// A header line above an OCR'd grid naming one figure column more than the grid holds (其他收入
// or 项目支出 printed empty all down, so the scan made no column of it; s3w_0071, s3w_0073,
// s3w_0079): which one is missing the words do not say, but where they were printed does. Column
// words are centred over their columns and amounts end at their column's right edge, so a line
// whose words reach right past the grid's last amounts by more than a quarter of a column's
// width has a word over a column right of the grid: the grid's columns are the words' first.
bool HeaderReachesPastTheGrid(const StitchedTable& stitched, const std::vector<int>& columns,
                              std::size_t words) {
  if (!stitched.header_above_box || columns.size() < 2 || columns.size() + 1 != words) {
    return false;
  }
  const TablePart& first = stitched.parts.front();
  const std::optional<double> last = MoneyRightEdge(first, columns.back());
  const std::optional<double> before = MoneyRightEdge(first, columns[columns.size() - 2]);
  if (!last || !before || *last <= *before) return false;
  return stitched.header_above_box->x1 - *last > (*last - *before) / 4;
}

// The header words over a scan's figure columns, placed by the grid's 栏次 row: the words
// above name more figure columns than the grid has (其他收入 printed empty all down, so no
// column on the scan), and the number each column's 栏次 cell prints (1, 2 — the empty
// column's 3 read into the cell beside it, `2 3`) is the word's place among them. Per amount
// column, the index of its word; nullopt when there is no 栏次 row, or its numbers are not each
// word's once and in order (a number lost leaves the missing column unknown). The first
// column's number may be unreadable (工 for 1): 合计 is first.
std::optional<std::vector<std::size_t>> WordsByColumnNumbers(const TablePart& first,
                                                             const std::vector<int>& amount_columns,
                                                             std::size_t words) {
  constexpr std::size_t kLongestColumnNumber = 2;  // digits
  const Table& table = *first.table;
  int numbers_row = -1;
  for (int r = 0; r < first.header.header_rows && numbers_row < 0; ++r) {
    for (int c = 0; c < table.column_count; ++c) {
      if (StartsWith(TableKey(table.TextAt(r, c)), "栏次")) numbers_row = r;
    }
  }
  if (numbers_row < 0) return std::nullopt;
  std::vector<std::size_t> places;
  std::size_t next = 1;  // the number the row should print next: every word's, in order
  for (std::size_t i = 0; i < amount_columns.size(); ++i) {
    const std::string_view cell = table.TextAt(numbers_row, amount_columns[i]);
    std::vector<std::size_t> numbers;
    if (!HasAsciiDigit(cell)) {
      if (i != 0) return std::nullopt;
      numbers.push_back(1);  // 合计's 1 read as no digit (工), or not read
    } else {
      for (const std::string& word : SplitWords(cell)) {
        if (!AllDigits(word) || word.size() > kLongestColumnNumber) return std::nullopt;
        numbers.push_back(static_cast<std::size_t>(std::stoi(word)));
      }
    }
    // The column's own number first, then those of empty columns read into its cell (2 3).
    for (const std::size_t n : numbers) {
      if (n != next) return std::nullopt;
      ++next;
    }
    places.push_back(numbers.front() - 1);
  }
  // Every word's number read: which columns are missing is then known.
  if (next != words + 1) return std::nullopt;
  return places;
}

void KeyFromHeaderAbove(const StitchedTable& stitched,
                        const std::vector<CanonicalTable>* tables_before,
                        std::vector<std::string>& keys) {
  const TablePart& first = stitched.parts.front();
  if (stitched.header_above.empty()) return;
  if (std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return !k.empty(); })) {
    return;
  }
  const bool ocr = IsOcrGrid(*first.table);
  std::vector<std::string> word_keys;
  // A word before the first that keys a column, no label word and keying nothing: a figure
  // column's name the scan misread past knowing (心. for 合计, H24 s3w_0372_budget).
  bool unread_before_first = false;
  for (const std::string& line_word : stitched.header_above) {
    for (const std::string& word :
         ocr ? SplitJoinedColumnNames(line_word) : std::vector<std::string>{line_word}) {
      std::string key = ColumnKeyForHeader({word});
      // A word the scan cut its first character from (计 for 合计, H12 s3w_0181_budget's income
      // table: 一般公共预算拨款 and 其他收入 went onto its two columns, 合计's figures keyed as
      // 其他收入) is the word it ends.
      if (key.empty() && ocr) key = KeyOfAWordMissingItsFirstCharacter(TableKey(word));
      if (key.empty() && ocr && word_keys.empty()) {
        const std::vector<char32_t> chars = DecodeUtf8(word);
        unread_before_first =
            unread_before_first || (LeafKey(TableKey(word)).empty() &&
                                    std::any_of(chars.begin(), chars.end(), IsCjkIdeograph));
      }
      if (key.empty() || key == "-") continue;
      if (std::find(word_keys.begin(), word_keys.end(), key) != word_keys.end()) return;
      word_keys.push_back(key);
    }
  }
  // Header rows in the grid that key nothing (类 | 款 | 项, 栏次 1 2 3) are no part of the body,
  // and a class code column is no amount column. On a scan the code pieces (201 | 01 | 02) are
  // numbers too: the columns of money there are those printing a point or a separator.
  std::vector<int> amount_columns;
  for (int c = 0; c < first.table->column_count; ++c) {
    const std::string& role = first.header.roles[static_cast<std::size_t>(c)];
    if (IsCodeRole(role) || role == "rowno") continue;
    bool found = false;
    for (const TablePart& part : stitched.parts) {
      if (part.table != first.table &&
          (!ocr || part.table->column_count != first.table->column_count)) {
        continue;
      }
      for (int r = part.header.header_rows; r < part.table->row_count && !found; ++r) {
        const std::string_view text = part.table->TextAt(r, c);
        if (ocr) {
          found = IsPrintedMoney(text);
        } else {
          const AmountText amount = ParseAmountText(text);
          found = amount.kind == AmountKind::kNumber && !amount.percent;
        }
      }
    }
    if (found) amount_columns.push_back(c);
  }
  // Amounts only right of the labels: a grid whose first column holds amounts is no body.
  if (amount_columns.empty() || amount_columns.front() == 0) return;
  // The misread word heads the first figure column, which standard tables give to 合计: read so
  // when no word names 合计 and the grid's first amounts hold the others in every row.
  if (unread_before_first && amount_columns.size() >= 2 &&
      std::find(word_keys.begin(), word_keys.end(), "total") == word_keys.end() &&
      TotalHoldsItsParts(stitched, amount_columns)) {
    word_keys.insert(word_keys.begin(), "total");
  }
  if (amount_columns.size() < word_keys.size() && amount_columns.size() >= 2 &&
      word_keys.front() == "total") {
    // A grid read without rules (a scan's, or a PDF text layer's) has no column where nothing is
    // printed (其他收入 empty all down), so its columns are some of the words', and which ones
    // the line's words do not say. Its first is
    // still 合计, printed first and never empty where a part is not: keyed when it holds every
    // part in every row; the others stay unkeyed (column.unkeyed names their amounts).
    if (TotalHoldsItsParts(stitched, amount_columns)) {
      keys[static_cast<std::size_t>(amount_columns.front())] = "total";
      if (HeaderReachesPastTheGrid(stitched, amount_columns, word_keys.size())) {
        for (std::size_t i = 0; i < amount_columns.size(); ++i) {
          keys[static_cast<std::size_t>(amount_columns[i])] = word_keys[i];
        }
        return;
      }
      if (const std::optional<std::vector<std::size_t>> places =
              WordsByColumnNumbers(first, amount_columns, word_keys.size())) {
        for (std::size_t i = 0; i < amount_columns.size(); ++i) {
          keys[static_cast<std::size_t>(amount_columns[i])] = word_keys[(*places)[i]];
        }
        return;
      }
      if (amount_columns.size() == 2 && EndsWith(stitched.canonical.kind, ".income")) {
        const std::string source =
            SourceNamedBySummary(stitched, amount_columns.back(), word_keys, tables_before);
        if (!source.empty()) keys[static_cast<std::size_t>(amount_columns.back())] = source;
      }
    }
    return;
  }
  if (amount_columns.size() != word_keys.size()) return;
  for (std::size_t i = 0; i < amount_columns.size(); ++i) {
    keys[static_cast<std::size_t>(amount_columns[i])] = word_keys[i];
  }
}

// The figure key of a three-character header word of `first`'s header rows one character from
// 预算数 (budget) or 决算数 (final): the key, "-" when it is one character from both, "" when
// no word is (or two are).
std::string FigureWordMisread(const TablePart& first) {
  const std::vector<char32_t> budget = DecodeUtf8("预算数");
  const std::vector<char32_t> final_word = DecodeUtf8("决算数");
  auto near = [](const std::vector<char32_t>& word, const std::vector<char32_t>& standard) {
    return PlacesDiffering(word, standard) <= 1;
  };
  std::string found;
  for (int r = 0; r < first.header.header_rows; ++r) {
    for (int c = 0; c < first.table->column_count; ++c) {
      const std::vector<char32_t> word = DecodeUtf8(TableKey(first.table->TextAt(r, c)));
      const bool is_budget = near(word, budget);
      const bool is_final = near(word, final_word);
      if (!is_budget && !is_final) continue;
      if (!found.empty()) return "";
      found = is_budget && is_final ? "-" : is_budget ? "budget" : "final";
    }
  }
  return found;
}

// A 三公 table read with no header at all (its header and first rows left on the page before,
// read as text) whose one column of amounts has no key. The header repeated as a paragraph right
// above the grid (项目 决算数) names that column when it names one figure column; without it, a
// budget's row-wise 三公 table with one amount column prints its 预算数 there, so that column is
// the budget, while a final account's lone column may be 预算数 or 决算数 and stays unkeyed
// (column.unkeyed names its amounts). Only when every other column holds text.
// An OCR'd header whose word over that column a scan misread (项算数, H17 s3w_0268_budget) is
// no header for it either: with every column unkeyed, the word one character from 预算数 or
// 决算数 names the column as they do; one character from both (its first misread) says no more
// than no word.
void KeyHeaderlessThreePublic(const StitchedTable& stitched, std::vector<std::string>& keys) {
  const TablePart& first = stitched.parts.front();
  std::string misread;  // the key a misread header word names, "-" when it names both
  if (first.header.header_rows != 0) {
    if (!IsOcrGrid(*first.table) || !NoColumnKeyed(keys)) return;
    misread = FigureWordMisread(first);
    if (misread.empty()) return;
  }
  // The one figure word among `words`; false when two name figure columns over one.
  auto figure_word = [](const std::vector<std::string>& words, std::string& named) {
    for (const std::string& word : words) {
      const std::string key = ColumnKeyForHeader({word});
      if (key.empty() || key == "-") continue;
      if (!named.empty()) return false;  // which of two is the column's is unknown
      named = key;
    }
    return true;
  };
  std::string named = misread == "-" ? "" : misread;
  if (named.empty() && !figure_word(stitched.header_above, named)) return;
  // On a scan the header's words may be read into the first row's label cell above its label
  // (项目 … 决算数 over 合计 | 59.15, H11 s3w_0171_final): the words of that cell's lines but its
  // last, when the header above names no figure column.
  if (named.empty() && IsOcrGrid(*first.table) && first.table->row_count > 0) {
    std::vector<std::string> words;
    const std::vector<std::string> lines = SplitLines(first.table->TextAt(0, 0));
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      for (std::string& word : SplitWords(lines[i])) words.push_back(std::move(word));
    }
    if (!figure_word(words, named)) return;
  }
  if (named != "budget" && named != "final" && !named.empty()) return;
  if (named.empty() && StartsWith(stitched.canonical.kind, "budget.")) named = "budget";
  if (named.empty()) return;
  if (misread.empty() &&
      std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return !k.empty(); })) {
    return;
  }
  int amount_column = -1;
  for (std::size_t c = 0; c < keys.size(); ++c) {
    int amounts = 0;
    int texts = 0;
    for (const TablePart& part : stitched.parts) {
      if (part.table->column_count != first.table->column_count) return;
      for (int r = part.header.header_rows; r < part.table->row_count; ++r) {
        const AmountText amount = ParseAmountText(part.table->TextAt(r, static_cast<int>(c)));
        if (amount.kind == AmountKind::kNumber && !amount.percent) {
          ++amounts;
        } else if (amount.kind == AmountKind::kNotNumber) {
          ++texts;
        }
      }
    }
    if (amounts == 0) continue;
    if (texts > 0 || amount_column >= 0) return;  // a mixed column or a second amount column
    amount_column = static_cast<int>(c);
  }
  if (amount_column > 0) keys[static_cast<std::size_t>(amount_column)] = named;
}

// 合计, 小计 or 总计 as a scan misreads it in a header: one of its two ideographs misread (会计,
// 合汁) or a stray mark read between them (小一计, sd_yantai_audit p24). The word it stands for,
// else "". Nearness (NearestOcrLabel) cannot tell these: one ideograph in two is not near enough.
std::string MisreadTotalHeader(const std::string& read) {
  const std::vector<char32_t> chars = DecodeUtf8(read);
  if (IsMisreadTotalWord(read)) return chars[0] == U'总' ? "总计" : "合计";
  const bool total_first =
      chars.size() == 3 && (chars[0] == U'合' || chars[0] == U'小' || chars[0] == U'总');
  // A stray mark is no ideograph, or the one a stroke reads as (一).
  const bool stray_between = total_first && (!IsCjkIdeograph(chars[1]) || chars[1] == U'一');
  if (stray_between && chars[2] == U'计') return EncodeUtf8(std::vector<char32_t>{chars[0], U'计'});
  return "";
}

// OCR'd headers of money columns that key nothing as read (-般公共预/分收入) keyed by the
// nearest header a standard table prints (ocr_labels.h), unless another column has that key.
// The header's last piece is tried, then its last two joined (a word wrapped over two header
// rows). Returns "read as label" for each column keyed so.
std::string KeyOcrColumnsByNearestLabel(const TablePart& first, const std::string& kind,
                                        std::vector<std::string>& keys) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return "";
  std::string matched;
  const auto note = [&matched](const std::string& read, const std::string& label) {
    matched += (matched.empty() ? "'" : ", '") + read + "' as " + label;
  };
  for (std::size_t c = 0; c < keys.size() && c < first.header.paths.size(); ++c) {
    const std::string& path = first.header.paths[c];
    const std::size_t last = path.rfind('/');
    // A part under its group (日常公用支出 under 基本支出) whose word keys nothing as read took
    // the group's key (basic); a part is never its group's whole, unless it says 小计 or 合计.
    const bool group_key_taken = !keys[c].empty() && last != std::string::npos &&
                                 LeafKey(TableKey(path.substr(last + 1))).empty();
    // A fund's name read out of order (政金府预算性 for 政府性基金预算) still holds 预算 and
    // took the key of a 预算数 column, which no income table has.
    const bool budget_word_taken =
        EndsWith(kind, ".income") && (keys[c] == "budget" || EndsWith(keys[c], ".budget"));
    if ((!keys[c].empty() && !group_key_taken && !budget_word_taken) ||
        IsCodeRole(first.header.roles[c]) || first.header.roles[c] == "rowno" ||
        MoneyCells(table, first.header.header_rows, static_cast<int>(c)) == 0) {
      continue;
    }
    const std::size_t before =
        last == std::string::npos || last == 0 ? std::string::npos : path.rfind('/', last - 1);
    // The header's words above the one read (本年收入 over 一般公共预算): the label takes
    // their group's prefix (income.general_budget), as the printed word would.
    std::vector<std::string> pieces = PathPieces(path);
    std::vector<std::pair<std::string, std::size_t>> reads = {
        {last == std::string::npos ? path : path.substr(last + 1), 1}};
    if (last != std::string::npos && !group_key_taken) {
      reads.emplace_back(before == std::string::npos ? path : path.substr(before + 1), 2);
    }
    for (const auto& [read, replaced] : reads) {
      const std::string total = MisreadTotalHeader(TableKey(read));
      const std::optional<std::string> label =
          total.empty() ? NearestOcrLabel(read, LabelVocabulary::kColumns) : total;
      if (!label) continue;
      std::vector<std::string> labelled(
          pieces.begin(),
          pieces.end() - static_cast<std::ptrdiff_t>(std::min(replaced, pieces.size())));
      labelled.push_back(*label);
      const std::string key = ColumnKeyForHeader(labelled);
      if (key.empty() || std::find(keys.begin(), keys.end(), key) != keys.end()) break;
      keys[c] = key;
      note(read, *label);
      break;
    }
  }
  // A column keyed by its own word (合计) under a group word misread (一般公共预算基本支出 read
  // -般会共预和枯本支出): the group, read by its nearest label, may change what it is (basic,
  // as the text layer keys it).
  for (std::size_t c = 0; c < keys.size() && c < first.header.paths.size(); ++c) {
    if (keys[c].empty() || keys[c] == "-") continue;
    std::vector<std::string> pieces = PathPieces(first.header.paths[c]);
    if (pieces.size() < 2) continue;
    std::string& group = pieces[pieces.size() - 2];
    if (group.empty() || !LeafKey(TableKey(group)).empty()) continue;
    const std::optional<std::string> label = NearestOcrLabel(group, LabelVocabulary::kColumns);
    if (!label) continue;
    const std::string read = group;
    group = *label;
    const std::string key = ColumnKeyForHeader(pieces);
    if (key.empty() || key == keys[c] || std::find(keys.begin(), keys.end(), key) != keys.end())
      continue;
    keys[c] = key;
    note(read, *label);
  }
  return matched;
}

// A columnar 三公 table's total column whose header OCR garbled (“三公”经费合计 read
// “表三合公计”经): the one unnamed money column whose every row prints the sum of the named
// items (因公出国(境)费, 公务用车购置及运行费 or its two parts, 公务接待费), in two rows with
// figures at least, is their total; a row in three may miss (a misread digit, which the
// validator's sums then name).
// Returns the column so keyed (-1: none) and says in `evidence` how many rows held.
int KeyOcrThreePublicTotalBySums(const TablePart& first, std::vector<std::string>& column_rows,
                                 std::string& evidence) {
  const Table& table = *first.table;
  if (!IsOcrGrid(table)) return -1;
  if (std::find(column_rows.begin(), column_rows.end(), kThreePublicTotal) != column_rows.end())
    return -1;
  const std::vector<std::string_view> item_rows =
      ThreePublicTotalItems(std::find(column_rows.begin(), column_rows.end(),
                                      kThreePublicVehicleTotal) != column_rows.end());
  std::vector<int> items;
  std::vector<int> unnamed;
  for (std::size_t c = 0; c < column_rows.size(); ++c) {
    const std::string& row = column_rows[c];
    if (std::find(item_rows.begin(), item_rows.end(), row) != item_rows.end()) {
      items.push_back(static_cast<int>(c));
    } else if (row.empty() && !IsCodeRole(first.header.roles[c]) &&
               MoneyCells(table, first.header.header_rows, static_cast<int>(c)) >= 2) {
      unnamed.push_back(static_cast<int>(c));
    }
  }
  if (unnamed.size() != 1 || items.size() < 2) return -1;
  int confirmed = 0;
  int contradicted = 0;  // a digit misread in a row (684.00 read 6084.00): the sums name it
  int decimals = 0;      // unused: the sums compare in millionths
  for (int r = BodyStart(first); r < table.row_count; ++r) {
    if (ScanRow(table, r).column_numbers) continue;
    // A cell that reads as no amount (5.93 read S.93) says nothing either way.
    const std::optional<std::int64_t> total = AmountInMicros(table.TextAt(r, unnamed[0]), decimals);
    if (!total) continue;
    std::optional<std::int64_t> sum = 0;
    for (const int c : items) {
      const std::optional<std::int64_t> item = AmountInMicros(table.TextAt(r, c), decimals);
      sum = item && sum ? std::optional<std::int64_t>(*sum + *item) : std::nullopt;
    }
    if (!sum) continue;
    if (*sum != *total) {
      ++contradicted;
    } else if (*total != 0) {
      ++confirmed;
    }
  }
  if (confirmed < 2 || contradicted * 2 > confirmed) return -1;
  column_rows[static_cast<std::size_t>(unnamed[0])] = "three_public.total";
  evidence = std::to_string(confirmed) + " of " + std::to_string(confirmed + contradicted) +
             " rows with figures print the items' sum there";
  return unnamed[0];
}

// Whether `key` already keys a column of the side of column `c`. A summary prints 收入 and 支出
// side by side, each opening with its label column and each with its own 金额: there a key is
// taken once a side. Any other table takes a key once.
bool KeyedOnTheSameSide(const StitchedTable& stitched, const std::vector<std::string>& keys,
                        std::size_t c, const std::string& key) {
  const HeaderAnalysis& header = stitched.parts.front().header;
  const bool summary = IsSummaryKind(stitched.canonical.kind);
  for (std::size_t d = 0; d < keys.size(); ++d) {
    if (keys[d] != key) continue;
    if (!summary) return true;
    bool label_between = false;
    for (std::size_t e = std::min(c, d) + 1; e < std::max(c, d) && e < header.roles.size(); ++e) {
      if (header.roles[e] == "label") label_between = true;
    }
    if (!label_between) return true;
  }
  return false;
}

// A header the first page's reading left without keys for some columns, read whole on a later
// page that repeats it (a scan's wrapped header words interleaved by OCR on one page and not on
// the next; a summary's 金额 lost on its first page, s3w_0155_final): the later reading keys
// those money columns, when no other column of the side has its key.
void KeyFromRepeatedHeaders(const StitchedTable& stitched, std::vector<std::string>& keys) {
  const TablePart& first = stitched.parts.front();
  if (!IsOcrGrid(*first.table)) return;  // a text layer prints the same header on every page
  for (std::size_t p = 1; p < stitched.parts.size(); ++p) {
    const TablePart& part = stitched.parts[p];
    if (part.header.header_rows == 0 || part.table->column_count != first.table->column_count ||
        part.header.keys.size() != keys.size()) {
      continue;
    }
    for (std::size_t c = 0; c < keys.size(); ++c) {
      const std::string& later = part.header.keys[c];
      if (!keys[c].empty() || later.empty() || IsCodeRole(first.header.roles[c]) ||
          MoneyCells(*first.table, first.header.header_rows, static_cast<int>(c)) == 0 ||
          KeyedOnTheSameSide(stitched, keys, c, later)) {
        continue;
      }
      keys[c] = later;
    }
  }
}

// Unkeyed columns after amounts start a new segment, whose label columns name its rows. On a
// scan a header word OCR misread leaves a money column unkeyed between keyed ones; when such
// columns hold no word in any body row (blank, or amounts printed as money: 0.00, 1,234) they
// name nothing, and the amounts after them belong to the segment before (a 政府采购 table's 总计
// after an unread 其他资金 column; an income table's 合计 row cut in two at an unread 政府性基金
// column, its 0.00 taken for the name of a second row; a one-row 支出预算总表 named by the
// amount of its unread 单位预留机动经费 column). A code piece (201, 01) has no point or
// comma, so a 类/款/项 column still opens its side.
void MergeSegmentsWithoutLabels(const StitchedTable& stitched, std::vector<Segment>& segments) {
  auto names_nothing = [&stitched](int c) {
    for (const TablePart& part : stitched.parts) {
      const int body_rows = part.table->row_count - part.header.header_rows;
      if (CountBlankCells(*part.table, part.header.header_rows, c) +
              MoneyCells(*part.table, part.header.header_rows, c) <
          body_rows) {
        return false;
      }
    }
    return true;
  };
  for (std::size_t s = 1; s < segments.size();) {
    if (!std::all_of(segments[s].labels.begin(), segments[s].labels.end(), names_nothing)) {
      ++s;
      continue;
    }
    // The columns that named nothing name no row of the segment before either: their amounts
    // stay unkeyed (column.unkeyed names them), never a row's name.
    Segment& before = segments[s - 1];
    before.amounts.insert(before.amounts.end(), segments[s].amounts.begin(),
                          segments[s].amounts.end());
    segments.erase(segments.begin() + static_cast<std::ptrdiff_t>(s));
  }
}

// A columnar 三公 table splits 公务用车购置及运行费 into 小计 | 购置费 | 运行费. On a scan a part's
// word misread (运行避, sh_putuo_justice_2026_dept_budget) keys nothing, so the column took its
// group's key and printed a second 公务用车 total. When the group's 小计 keys the total and one
// part is keyed, the one column keyed by the group alone is the other part.
void KeyOcrVehiclePartByElimination(const std::vector<bool>& keyed_by_group,
                                    std::vector<std::string>& column_rows) {
  std::vector<std::size_t> by_group;
  bool total = false;
  for (std::size_t c = 0; c < column_rows.size(); ++c) {
    if (column_rows[c] != kThreePublicVehicleTotal) continue;
    if (keyed_by_group[c]) {
      by_group.push_back(c);
    } else {
      total = true;
    }
  }
  std::vector<std::string_view> missing;
  for (std::string_view part : kThreePublicVehicleParts) {
    if (std::find(column_rows.begin(), column_rows.end(), part) == column_rows.end()) {
      missing.push_back(part);
    }
  }
  if (!total || by_group.size() != 1 || missing.size() != 1) return;
  column_rows[by_group.front()] = std::string(missing.front());
}

}  // namespace

int MoneyCells(const Table& table, int header_rows, int c) {
  int money = 0;
  for (int r = header_rows; r < table.row_count; ++r) {
    const std::string_view text = table.TextAt(r, c);
    const AmountText amount = ParseAmountText(text);
    if (amount.kind != AmountKind::kNumber || amount.percent) continue;
    if (text.find('.') != std::string_view::npos || text.find(',') != std::string_view::npos) {
      ++money;
    }
  }
  return money;
}

int MoneyCellsInEveryPart(const StitchedTable& stitched, int c) {
  const int columns = stitched.parts.front().table->column_count;
  int money = 0;
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count == columns) {
      money += MoneyCells(*part.table, part.header.header_rows, c);
    }
  }
  return money;
}

std::string OwnWord(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool OwnWordLost(const HeaderAnalysis& header, std::size_t c) {
  const std::string& path = header.paths[c];
  return path.empty() ||
         (path.find('/') == std::string::npos && StartsWith(header.paths[c - 1], path + "/"));
}

bool NoColumnKeyed(const std::vector<std::string>& keys) {
  return std::all_of(keys.begin(), keys.end(),
                     [](const std::string& key) { return key.empty() || key == "-"; });
}

namespace {

// Columns no cell of any part starts in, every cell over them spanning from the column left of
// them (H17 s3w_0258_budget: a ruled scan's doubled rules made a boundary inside every cell of
// its fiscal summary, 预算数 and its amounts spanning two columns): no column of their own. Such
// a column keeps its place in its segment but its key is set aside ("-"): the income side's
// 预算数 was keyed twice, and its lone amount column, read as two, was exported as `budget`
// instead of the side's amount. True per column set aside.
std::vector<bool> SetAsideColumnsNoCellStartsIn(const StitchedTable& stitched,
                                                std::vector<std::string>& keys) {
  std::vector<bool> starts(keys.size(), false);
  std::vector<bool> spanned(keys.size(), false);
  for (const TablePart& part : stitched.parts) {
    if (part.table->column_count != static_cast<int>(keys.size()))
      return std::vector<bool>(keys.size(), false);
    // A caption row drawn in the frame (表2 | 财政拨款收支总表 | 金额单位：元 over empty cells,
    // s16w_0086_budget) starts every column with an empty cell; only a row printing two cells or
    // more, or a cell printing something, says a column starts there.
    std::map<int, int> printed;
    for (const TableCell& cell : part.table->cells) {
      if (!Trim(cell.text).empty()) ++printed[cell.row];
    }
    for (const TableCell& cell : part.table->cells) {
      const std::size_t c = static_cast<std::size_t>(cell.column);
      if (c >= keys.size()) continue;
      if (Trim(cell.text).empty() && printed[cell.row] < 2) continue;
      starts[c] = true;
      for (int k = 1; k < cell.column_span && c + static_cast<std::size_t>(k) < keys.size(); ++k) {
        spanned[c + static_cast<std::size_t>(k)] = true;
      }
    }
  }
  std::vector<bool> phantom(keys.size(), false);
  const std::vector<std::string> read = keys;  // a cell spanning three columns sets aside two
  for (std::size_t c = 1; c < keys.size(); ++c) {
    if (starts[c] || !spanned[c] || read[c].empty() || read[c] != read[c - 1]) continue;
    phantom[c] = true;
    keys[c] = "-";
  }
  return phantom;
}

}  // namespace

TableColumns KeyColumns(const StitchedTable& stitched, const HeaderOptions& options) {
  const TablePart& first = stitched.parts.front();
  const std::string& kind = stitched.canonical.kind;
  TableColumns columns;
  std::vector<std::string>& column_keys = columns.keys;
  column_keys = first.header.keys;
  KeyFromRepeatedHeaders(stitched, column_keys);
  const bool three_public = EndsWith(kind, ".three_public");
  const bool summary = IsSummaryKind(kind);
  // Summaries too: a fund column's name wraps in a fiscal summary's narrow header.
  if (!three_public && (StartsWith(kind, "budget.") || StartsWith(kind, "final."))) {
    KeyOcrHeaderWordsReadOutOfOrder(stitched, column_keys);
    KeyOcrHeaderWordsWithOneCharacterLost(stitched, column_keys);
  }
  if (!three_public && !summary && (StartsWith(kind, "budget.") || StartsWith(kind, "final."))) {
    KeyWrappedOcrWords(first, column_keys);
    KeyOcrHeaderWordsMissingTheirFirstCharacter(first, column_keys);
    KeyOcrHeaderWordsWithOneCharacterMisread(stitched, column_keys);
    columns.labels_matched = KeyOcrColumnsByNearestLabel(first, kind, column_keys);
    KeyOcrColumnsByPlace(first, kind, column_keys);
    if (IsOcrGrid(*first.table) && SplitsExpenditure(kind)) {
      columns.keyed_by_sums = KeyOcrColumnsBySums(stitched, column_keys, columns.sums_evidence);
    }
  }

  KeyOcrTwoNamesInOneHeaderCell(first, column_keys);
  if (!three_public) KeyOcrWordGluedToTheLabelHeader(first, column_keys);
  if (summary) {
    // 计 for 合计 over a fiscal summary's expenditure (H13 s3w_0193_final): as in any table.
    KeyOcrHeaderWordsMissingTheirFirstCharacter(first, column_keys);
    KeyOcrSummarySides(first, column_keys);
    KeyOcrSummaryLoneAmounts(first, column_keys);
    KeySummaryFromHeaderAbove(stitched, column_keys, columns.keyed_by_sums, columns.sums_evidence);
  }
  if (three_public) KeyHeaderlessThreePublic(stitched, column_keys);
  if (!three_public && !summary) {
    KeyFromHeaderAbove(stitched, options.tables_before, column_keys);
    KeyOcrLoneMoneyColumn(stitched, column_keys);
  }
  if (!three_public && IsOcrGrid(*first.table) && !SplitsExpenditure(kind) &&
      (StartsWith(kind, "budget.") || StartsWith(kind, "final."))) {
    const int total = KeyOcrTotalColumnBySums(stitched, column_keys, columns.sums_evidence);
    if (total >= 0) columns.keyed_by_sums.push_back(total);
  }

  // In a summary, 本年收入 | 本年支出 are its two sides, which the row codes
  // (income.* / expenditure.*) already say; the columns are plain.
  if (summary) {
    for (std::string& key : column_keys) {
      for (std::string_view side : {"income.", "expenditure."}) {
        if (StartsWith(key, side)) key = key.substr(side.size());
      }
    }
  }
  if (EndsWith(kind, ".fiscal_appropriation_summary") && IsOcrGrid(*first.table)) {
    KeyOcrGeneralBudgetFundColumn(first, column_keys);
  }

  // Two years side by side: the earlier year's columns get their own key.
  const std::vector<std::string> year_keys = YearValueKeys(first.header.paths);
  for (std::size_t c = 0; c < column_keys.size() && c < year_keys.size(); ++c) {
    const std::string& key = column_keys[c];
    if (!StartsWith(year_keys[c], "prior_year_")) continue;
    const std::string value = year_keys[c].substr(std::string_view("prior_year_").size());
    if (key == "budget" || key == "final" || key == "adjusted_budget" || key == "amount" ||
        key == "execution") {
      column_keys[c] = year_keys[c];
    } else if (key == value + ".net") {
      column_keys[c] = "prior_year_" + key;  // 2025年执行数 / 扣除…后执行数
    }
  }

  const std::vector<bool> phantom = SetAsideColumnsNoCellStartsIn(stitched, column_keys);

  // Single amount column of a segment (金额 / 决算数 / 预算数 alone) -> amount.
  columns.segments = SplitSegments(column_keys);
  const std::vector<Segment>& segments = columns.segments;
  if (!three_public) {
    for (const Segment& segment : segments) {
      std::vector<int> own;
      for (int c : segment.amounts) {
        if (!phantom[static_cast<std::size_t>(c)]) own.push_back(c);
      }
      if (own.size() != 1) continue;
      std::string& key = column_keys[static_cast<std::size_t>(own[0])];
      // A summary side's lone 合计 column is its amount too.
      if (key == "final" || key == "budget" || key == "amount" || key == "adjusted_budget" ||
          (summary && key == "total")) {
        key = "amount";
      }
    }
  }
  if (!summary && IsOcrGrid(*first.table)) MergeSegmentsWithoutLabels(stitched, columns.segments);
  if (summary && IsOcrGrid(*first.table)) SeparateOcrSummarySides(first.header, columns.segments);

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
    // 预算数 / 决算数 / 调整预算数: which figure of an item a column holds.
    auto names_figure = [](const std::string& value) {
      return value == "budget" || value == "final" || value == "adjusted_budget";
    };
    int named = 0;
    // Columns whose own word keyed nothing, keyed by their group's word (公务用车购置及运行费).
    std::vector<bool> keyed_by_group(column_keys.size(), false);
    for (std::size_t c = 0; c < column_keys.size(); ++c) {
      std::string path = TableKey(first.header.paths[c]);
      column_names[c] = first.header.paths[c];
      const std::size_t cut = path.rfind('/');
      if (cut != std::string::npos) {
        const std::string value = LeafKey(path.substr(cut + 1));
        if (names_figure(value)) {
          column_values[c] = value;
          path.resize(cut);
          column_names[c].resize(column_names[c].rfind('/'));
        }
      }
      // 预算数 | 决算数 as the top group over each one's items (cn_central_xinfang 2024 决算):
      // the group says which figure, as a leaf would.
      const bool year_group = c < year_keys.size() && !year_keys[c].empty();  // below
      if (column_values[c].empty() && !year_group && path.find('/') != std::string::npos) {
        const std::string value = LeafKey(path.substr(0, path.find('/')));
        if (names_figure(value)) column_values[c] = value;
      }
      std::string leaf = OwnWord(path);
      std::string code = ThreePublicKey(leaf);
      // A scan misreads the item words or reads them out of order (因(境公)费出用国).
      if (code.empty() && IsOcrGrid(*first.table)) {
        if (const std::optional<std::string> label =
                NearestOcrLabel(leaf, LabelVocabulary::kThreePublicRows)) {
          code = ThreePublicKey(*label);
          if (!code.empty()) {
            columns.labels_matched +=
                (columns.labels_matched.empty() ? "'" : ", '") + leaf + "' as " + *label;
          }
        }
      }
      if (code.empty() && (leaf == "小计" || leaf == "合计") &&
          path.find('/') != std::string::npos) {
        code = ThreePublicKey(path.substr(0, path.rfind('/')));
        if (code.empty()) code = "three_public.total";
      }
      if (code.empty()) {
        code = ThreePublicKey(path);
        keyed_by_group[c] = !code.empty() && cut != std::string::npos;
      }
      // 2025年预算数 / 合计 … 2026年预算数 / 合计: the year group says which year.
      if (c < year_keys.size() && !year_keys[c].empty()) {
        column_values[c] = year_keys[c];
        const std::size_t slash = column_names[c].find('/');
        std::string year_value;
        if (slash != std::string::npos &&
            YearColumn(path.substr(0, path.find('/')), year_value) != 0) {
          column_names[c] = column_names[c].substr(slash + 1);
        }
      }
      column_rows[c] = code;
      if (!code.empty()) ++named;
    }
    if (IsOcrGrid(*first.table)) KeyOcrVehiclePartByElimination(keyed_by_group, column_rows);
    columnar_three_public = named >= 2;
    if (columnar_three_public) {
      const int total = KeyOcrThreePublicTotalBySums(first, column_rows, columns.sums_evidence);
      if (total >= 0) columns.keyed_by_sums.push_back(total);
    }
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
