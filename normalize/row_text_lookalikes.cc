// Digit lookalikes in an OCR'd row read as a line of text: a Chinese recogniser reads 了 for 7,
// O or 〇 for 0, l, I or 丨 for 1, or prints one as noise before an amount (了71.77), and only
// the row's sums can say which reading is the amount. A row is read with the one reading for
// which its total is the sum of its parts (SettleLookalikeReadings, an ocr.repaired finding);
// otherwise the amounts read with the digit are quoted, so that no figure printed is lost.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_figure.h"

namespace disclose {

namespace {

// The digit a lookalike in a row read as text stands for: OcrLookalikeDigit's, and a serif 1
// read as a bracket or a bar (],337.14 for 1,337.14, H22 s3w_0337_final), which a grid's cell
// keeps as a mark (1]1,215.42) but a row's sums can settle here; 0 for none.
char RowTextLookalikeDigit(char32_t c) {
  if (c == U']' || c == U'|') return '1';
  return OcrLookalikeDigit(c);
}

}  // namespace

// A character a Chinese recogniser reads for a digit, or prints as noise before one (了 for 7,
// O or 〇 for 0, l, I, 丨, ] or | for 1).
bool IsDigitLookalike(char32_t c) {
  return RowTextLookalikeDigit(c) != 0;
}

namespace {

// A mark a scan glues to an amount that reads as no digit (97.01L, H15 s3w_0231_budget: a
// table's row lost to a paragraph; 1T1,188,323.19, H19 s3w_0302_budget: a serif 1 read T and
// the row lost): inside a run it is only ever dropped.
bool IsNoiseMark(char32_t c) {
  return c == U'L' || c == U'T';
}

bool IsLookalikeOrNoise(char32_t c) {
  return IsDigitLookalike(c) || IsNoiseMark(c);
}

// `reading` added to `readings` when it is money with two decimals, grouped as money is, and not
// there yet: the readings of an amount a row read as text may be.
void AddMoneyReading(const std::string& reading, std::vector<std::string>& readings) {
  const std::size_t point = reading.find('.');
  if (point != std::string::npos && reading.size() - point - 1 == 2 && IsWholeAmount(reading) &&
      std::find(readings.begin(), readings.end(), reading) == readings.end()) {
    readings.push_back(reading);
  }
}

// The amounts a run of digits, separators and lookalikes printing one amount may be: the digits
// after its last lookalike (noise before the amount: 了71.77, 7了714.28), the lookalikes read as
// digits (了1.82 for 71.82, I11,650.14 for 111,650.14), the lookalikes dropped (1I0,516.71 for
// 10,516.71, 97.01L for 97.01); only amounts grouped as money with two decimals, each once.
std::vector<std::string> LookalikeReadings(const std::vector<char32_t>& run) {
  std::vector<std::string> readings;
  std::size_t last = 0;
  std::string dropped;
  for (std::size_t k = 0; k < run.size(); ++k) {
    if (IsLookalikeOrNoise(run[k])) {
      last = k + 1;
    } else {
      dropped.push_back(static_cast<char>(run[k]));
    }
  }
  AddMoneyReading(
      EncodeUtf8(std::vector<char32_t>(run.begin() + static_cast<long>(last), run.end())),
      readings);
  // Every lookalike read as its digit (noise marks dropped).
  std::string read;
  for (const char32_t c : run) {
    if (const char digit = RowTextLookalikeDigit(c); digit != 0) {
      read.push_back(digit);
    } else if (!IsNoiseMark(c)) {
      read.push_back(static_cast<char>(c));
    }
  }
  AddMoneyReading(read, readings);
  AddMoneyReading(dropped, readings);
  return readings;
}

// A lone ideograph glued to the front of an amount that follows another amount (11,921.83
// 6,988.35 小933.48, H53 s3w_0833_budget: 4,933.48 with its 4 and comma read as 小):
// no label stands between a row's amounts, so the glyph is the amount's front misread, and it
// split the row in two (a row 小 of one amount). The end of the glyph and its amount's digits
// (one point, two decimals) when `k` starts such a glyph, else `k`.
std::size_t GlyphForLostFrontEnd(const std::vector<char32_t>& cps, std::size_t k) {
  if (k < 2 || !IsCjkIdeograph(cps[k]) || cps[k - 1] != U' ' || !IsAsciiDigit(cps[k - 2])) {
    return k;
  }
  std::size_t end = k + 1;
  int points = 0;
  while (end < cps.size() && (IsAsciiDigit(cps[end]) || cps[end] == U',' || cps[end] == U'.')) {
    points += cps[end] == U'.' ? 1 : 0;
    ++end;
  }
  if (end == k + 1 || points != 1 || (end < cps.size() && cps[end] != U' ')) return k;
  return end;
}

// The amounts an amount whose front a glyph stands for may be: as read without the glyph, and
// with each digit put in its place (with its comma before a leading group of three); money with
// two decimals only.
std::vector<std::string> LostFrontReadings(const std::vector<char32_t>& digits) {
  const std::string read = EncodeUtf8(digits);
  std::vector<std::string> readings;
  AddMoneyReading(read, readings);
  const std::size_t lead = read.find_first_of(",.");
  for (char digit = '1'; digit <= '9'; ++digit) {
    AddMoneyReading(std::string(1, digit) + (lead == 3 ? "," : "") + read, readings);
  }
  return readings.size() > 1 ? readings : std::vector<std::string>{};
}

}  // namespace

// `folded` with each run printing one amount with digit lookalikes in it (digits, at most one
// point, separators and lookalikes, glued) replaced by its first reading; `runs` gets each
// replaced run by the byte offset of its reading in the result. A run with no reading as money is
// left as printed.
std::string WithLookalikeRunsRead(const std::string& folded,
                                  std::map<std::size_t, LookalikeRun>& runs) {
  const std::vector<char32_t> cps = DecodeUtf8(folded);
  auto digit_at = [&](std::size_t at) { return at < cps.size() && IsAsciiDigit(cps[at]); };
  // A point read as a hyphen (5,385-32 for 5,385.32, H22 s3w_0340_final): between digits, with
  // exactly two after it.
  auto hyphen_point = [&](std::size_t at) {
    return cps[at] == U'-' && at > 0 && digit_at(at - 1) && digit_at(at + 1) && digit_at(at + 2) &&
           !digit_at(at + 3);
  };
  auto in_run = [&](std::size_t at) {
    const char32_t c = cps[at];
    return IsAsciiDigit(c) || c == U',' || c == U'.' || IsLookalikeOrNoise(c) || hyphen_point(at);
  };
  std::string out;
  for (std::size_t k = 0; k < cps.size();) {
    if (const std::size_t end = GlyphForLostFrontEnd(cps, k); end > k) {
      const std::vector<char32_t> printed(cps.begin() + static_cast<long>(k),
                                          cps.begin() + static_cast<long>(end));
      const std::vector<std::string> readings =
          LostFrontReadings(std::vector<char32_t>(printed.begin() + 1, printed.end()));
      if (!readings.empty()) {
        runs[out.size()] = LookalikeRun{EncodeUtf8(printed), readings};
        out += readings.front();
        k = end;
        continue;
      }
    }
    if (!in_run(k)) {
      out += EncodeUtf8(std::vector<char32_t>{cps[k]});
      ++k;
      continue;
    }
    std::size_t end = k;
    int digits = 0;
    int lookalikes = 0;
    int points = 0;
    std::vector<char32_t> run;  // with a hyphen read as the point
    while (end < cps.size() && in_run(end)) {
      const bool hyphen = hyphen_point(end);
      digits += IsAsciiDigit(cps[end]) ? 1 : 0;
      lookalikes += IsLookalikeOrNoise(cps[end]) || hyphen ? 1 : 0;
      points += cps[end] == U'.' || hyphen ? 1 : 0;
      run.push_back(hyphen ? U'.' : cps[end]);
      ++end;
    }
    const std::vector<char32_t> printed(cps.begin() + static_cast<long>(k),
                                        cps.begin() + static_cast<long>(end));
    std::vector<std::string> readings;
    if (digits > 0 && lookalikes > 0 && points == 1) readings = LookalikeReadings(run);
    if (readings.empty()) {
      out += EncodeUtf8(printed);
    } else {
      runs[out.size()] = LookalikeRun{EncodeUtf8(printed), readings};
      out += readings.front();
    }
    k = end;
  }
  return out;
}

namespace {

// Columns a row's total is the sum of (total = basic + project, total = the income by source).
bool IsRowPartColumn(const std::string& column) {
  static const std::vector<std::string_view> kParts = {"basic",
                                                       "project",
                                                       "upper_remittance",
                                                       "operating",
                                                       "affiliate_subsidy",
                                                       "fiscal_appropriation",
                                                       "upper_subsidy",
                                                       "business",
                                                       "affiliated_remittance",
                                                       "other",
                                                       "fiscal_special_account",
                                                       "unit_funds",
                                                       "general_budget",
                                                       "gov_fund",
                                                       "state_capital"};
  return std::find(kParts.begin(), kParts.end(), column) != kParts.end();
}

// "total 150.52 = basic 71.77 + project 78.75" when `amounts` in `columns` make the row's total
// the sum of its parts, within a unit of the last printed digit per part (the rounding of a
// 万元 table); "" when they do not, or the columns are no total and its parts.
std::string RowTotalHolds(const std::vector<std::string>& columns,
                          const std::vector<std::string>& amounts, UnitOfAmount unit) {
  if (columns.size() != amounts.size() || columns.size() < 2) return "";
  std::optional<std::int64_t> total;
  std::string total_text;
  std::string parts_text;
  std::int64_t sum = 0;
  std::int64_t parts = 0;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amounts[i]), unit);
    if (!fen) return "";
    if (columns[i] == "total") {
      if (total) return "";
      total = *fen;
      total_text = "total " + amounts[i];
    } else if (IsRowPartColumn(columns[i])) {
      sum += *fen;
      ++parts;
      if (!parts_text.empty()) parts_text += " + ";
      parts_text += columns[i] + " " + amounts[i];
    } else {
      return "";
    }
  }
  const std::optional<std::int64_t> step = ToFen(ParseAmountText("0.01"), unit);
  if (!total || parts == 0 || !step || std::llabs(*total - sum) > *step * parts) return "";
  return total_text + " = " + parts_text;
}

// Settles one row; false when no combination of its readings holds, or several do. A row
// whose key the table has already is not read, so nothing is settled for it.
bool SettleRow(const CanonicalTable& table, std::size_t r, RowPiece& row,
               const std::vector<std::size_t>& ambiguous, std::size_t combinations,
               std::vector<SettledAmount>& settled) {
  constexpr std::size_t kMaxCombinations = 64;
  const std::string key = RowKey(table.kind, row);
  if (key.empty() || combinations > kMaxCombinations) return false;
  for (const CanonicalRow& existing : table.rows) {
    if (existing.row_code == key) return false;
  }
  std::optional<std::vector<std::string>> held;
  std::string identity;
  for (std::size_t c = 0; c < combinations; ++c) {
    RowPiece trial = row;
    std::size_t rest = c;
    for (const std::size_t i : ambiguous) {
      trial.amounts[i] = row.readings[i][rest % row.readings[i].size()];
      rest /= row.readings[i].size();
    }
    std::vector<std::string> columns = RowColumns(table, trial.amounts.size());
    if (columns.empty()) columns = ChildColumns(table, trial);
    // A row printing fewer amounts than the table has columns, its parent read (H17 s3w_0269:
    // 21301 农业农村 了7.31 了.31 under 213 = 7.31 | 7.31 | blank): its parent's remainders say
    // which columns, and only the reading equal to them holds.
    if (columns.empty()) columns = RemainderColumns(table, trial);
    const std::string holds = RowTotalHolds(columns, trial.amounts, table.unit);
    if (holds.empty()) continue;
    if (held && *held != trial.amounts) return false;
    held = trial.amounts;
    identity = holds;
  }
  if (!held) return false;
  for (const std::size_t i : ambiguous) {
    settled.push_back(SettledAmount{r, i, row.readings[i], identity});
  }
  row.amounts = *held;
  return true;
}

}  // namespace

// Settles every row of `rows` (an OCR'd line read with its lookalike runs, WithLookalikeRunsRead)
// whose amounts printed lookalikes. True when at least one row settled and every row that did
// not is a row `plain` (the line read as printed) has too, with the same key and amounts: a line
// of several rows (s3w_0082: I41,310.80 and I1l,650.14 settled, 了1,650.14 not) then reads its
// settled rows with their amounts and every other row as before. Else false: the line is read as
// printed.
bool SettleLookalikeReadings(const CanonicalTable& table, std::vector<RowPiece>& rows,
                             const std::vector<RowPiece>& plain,
                             std::vector<SettledAmount>& settled) {
  bool any = false;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    RowPiece& row = rows[r];
    row.printed.resize(row.amounts.size());
    row.readings.resize(row.amounts.size());
    std::vector<std::size_t> ambiguous;
    std::size_t combinations = 1;
    for (std::size_t i = 0; i < row.amounts.size(); ++i) {
      if (row.readings[i].empty()) continue;
      ambiguous.push_back(i);
      combinations *= row.readings[i].size();
    }
    if (ambiguous.empty()) continue;
    if (SettleRow(table, r, row, ambiguous, combinations, settled)) {
      any = true;
      continue;
    }
    // Not settled: read as printed, or the line is.
    const std::string key = RowKey(table.kind, row);
    const bool as_plain = std::any_of(plain.begin(), plain.end(), [&](const RowPiece& other) {
      return !key.empty() && RowKey(table.kind, other) == key && other.amounts == row.amounts;
    });
    if (!as_plain) return false;
    row.printed.assign(row.amounts.size(), "");
    row.readings.assign(row.amounts.size(), {});
  }
  return any;
}

// The amounts of an OCR'd line that print a character a recogniser reads for a digit (了94.18
// for 794.18, s3w_0071; 了1.82, s3w_0078), read with the digit: the row reader takes the digits
// after such a character for the amount, and a finding that quotes only those names no figure
// printed. Runs of digits, separators and lookalikes holding at least one of each.
std::vector<std::string> AmountsWithDigitLookalikes(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  std::vector<std::string> amounts;
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t end = i;
    bool digit = false;
    bool look = false;
    while (end < cps.size() && ((cps[end] >= U'0' && cps[end] <= U'9') || cps[end] == U',' ||
                                cps[end] == U'.' || IsDigitLookalike(cps[end]))) {
      digit = digit || (cps[end] >= U'0' && cps[end] <= U'9');
      look = look || IsDigitLookalike(cps[end]);
      ++end;
    }
    if (end == i) {
      ++i;
      continue;
    }
    if (digit && look) {
      const std::vector<char32_t> run(cps.begin() + static_cast<long>(i),
                                      cps.begin() + static_cast<long>(end));
      if (const std::optional<std::string> read = WithOcrDigitLookalikesRead(EncodeUtf8(run))) {
        amounts.push_back(*read);
      }
    }
    i = end;
  }
  return amounts;
}

}  // namespace disclose
