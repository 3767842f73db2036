// A table row read as a paragraph: a label or class code followed by bare amounts, outside any
// grid, next to a standard table (a table's only body row under a header repeated on the next
// page, a 合计 row left alone at a page foot, the first rows of a page whose rows were too few
// to make a grid). Its amounts are no figure of the table, and no sum can say so when the row is
// the table's total. A row whose key the table lacks and that prints one amount per figure
// column is read into the table (table.row_from_text); any other is named by a
// table.row_as_text finding (issue 10, "no wrong figure without a finding").
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_code_pieces.h"
#include "normalize/table_figure.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"

namespace disclose {
namespace {

// Sentences are prose, not rows: a row prints no sentence punctuation.
bool HasSentencePunctuation(std::string_view text) {
  for (std::string_view mark : {"。", "，", "；", "！", "？", "：", ":", ";"}) {
    if (Has(text, mark)) return true;
  }
  return false;
}

// An OCR'd row's amounts print their thousands separators as full-width commas now and then
// (997,019，, 902,495，: the comma a cell wrapped after): the text with each "，" right after a
// digit read as ",", so that only prose punctuation tells a sentence.
std::string WithAmountCommasRead(std::string_view text) {
  std::string read;
  read.reserve(text.size());
  const std::string_view comma = "，";
  for (std::size_t i = 0; i < text.size();) {
    if (i > 0 && IsAsciiDigit(text[i - 1]) && text.substr(i, comma.size()) == comma) {
      read += ',';
      i += comma.size();
      continue;
    }
    read += text[i++];
  }
  return read;
}

struct RowPiece {
  std::string code;                  // a class code printed at the row's start, else ""
  std::string label;                 // the text before its first amount (after the code)
  std::vector<std::string> amounts;  // bare amounts as printed
  // Per amount, when a scan printed digit lookalikes in it (了71.77, 7了714.28, 1I0,516.71,
  // I11,650.14): the run as printed and the amounts it may read as; empty when it printed none.
  std::vector<std::string> printed;
  std::vector<std::vector<std::string>> readings;
};

// Whether `text` is quote marks alone (“, ”, ‘, ’, ", ', ＂, ＇, `).
bool IsQuoteMarksOnly(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  if (cps.empty()) return false;
  return std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return std::u32string_view(U"“”‘’\"'＂＇`").find(c) != std::u32string_view::npos;
  });
}

// A character a Chinese recogniser reads for a digit, or prints as noise before one (了 for 7,
// O or 〇 for 0, l, I or 丨 for 1).
bool IsDigitLookalike(char32_t c) {
  return c == U'了' || c == U'O' || c == U'〇' || c == U'l' || c == U'I' || c == U'丨';
}

// The text's money amounts, each with the code and label of the row it follows (a code, or a
// label after an amount, starts the next row: a paragraph may hold several). A money amount has a
// point with one or two decimals or a thousands separator, stands alone (no digit, point or
// comma around it) and carries no unit or rate after it (123.45万元, 3.5%, 2024.12 in a date).
// Returns false when something else than labels, codes and amounts is printed (a year, a
// count with 个/人), which a row of a standard table never is.
// The code pieces printed after a 类 code in columns of their own (201 11 01: 款 and 项), each
// two digits after a space and before a space or the end, at most two; on a scan a piece may
// read its 1s as their lookalikes (201 II 纪检监察事务: 11) or take a stroke for a letter after
// its digits (201 01L 02 一般行政管理事务, B s3w_0054: 01), as a scan's grid cell may
// (OcrCodePiece): two digits and one letter read as the two digits. Returns the pieces joined
// and sets `end` past them; "" when none follows.
std::string CodePiecesAfter(const std::string& folded, std::size_t& end) {
  std::string pieces;
  std::size_t at = end;
  for (int n = 0; n < 2; ++n) {
    std::size_t p = at;
    while (p < folded.size() && folded[p] == ' ') ++p;
    if (p == at) break;
    std::string digits;
    std::size_t q = p;
    while (q < folded.size() && digits.size() < 3) {
      const char c = folded[q];
      if (IsAsciiDigit(c)) {
        digits.push_back(c);
      } else if (c == 'I' || c == 'l') {
        digits.push_back('1');
      } else {
        break;
      }
      ++q;
    }
    // Two digits and a letter (01L): the letter a stroke of the scan.
    if (digits.size() == 2 && q < folded.size() &&
        std::isalpha(static_cast<unsigned char>(folded[q])) &&
        (q + 1 == folded.size() || folded[q + 1] == ' ') &&
        OcrCodePiece(folded.substr(p, q + 1 - p)) == digits) {
      ++q;
    }
    if (digits.size() != 2 || (q < folded.size() && folded[q] != ' ')) break;
    pieces += digits;
    at = q;
  }
  if (!pieces.empty()) end = at;
  return pieces;
}

bool IsWholeAmount(std::string_view text);

// A run of an OCR'd line printing one amount with digit lookalikes in it, and its readings.
struct LookalikeRun {
  std::string printed;
  std::vector<std::string> readings;
};

// The amounts a run of digits, separators and lookalikes printing one amount may be: the digits
// after its last lookalike (noise before the amount: 了71.77, 7了714.28), the lookalikes read as
// digits (了1.82 for 71.82, I11,650.14 for 111,650.14), the lookalikes dropped (1I0,516.71 for
// 10,516.71); only amounts grouped as money with two decimals, each once.
std::vector<std::string> LookalikeReadings(const std::vector<char32_t>& run) {
  std::vector<std::string> readings;
  auto add = [&](const std::string& reading) {
    const std::size_t point = reading.find('.');
    if (point != std::string::npos && reading.size() - point - 1 == 2 && IsWholeAmount(reading) &&
        std::find(readings.begin(), readings.end(), reading) == readings.end()) {
      readings.push_back(reading);
    }
  };
  std::size_t last = 0;
  std::string dropped;
  for (std::size_t k = 0; k < run.size(); ++k) {
    if (IsDigitLookalike(run[k])) {
      last = k + 1;
    } else {
      dropped.push_back(static_cast<char>(run[k]));
    }
  }
  add(EncodeUtf8(std::vector<char32_t>(run.begin() + static_cast<long>(last), run.end())));
  if (const std::optional<std::string> read = WithOcrDigitLookalikesRead(EncodeUtf8(run))) {
    add(*read);
  }
  add(dropped);
  return readings;
}

// `folded` with each run printing one amount with digit lookalikes in it (digits, at most one
// point, separators and lookalikes, glued) replaced by its first reading; `runs` gets each
// replaced run by the byte offset of its reading in the result. A run with no reading as money is
// left as printed.
std::string WithLookalikeRunsRead(const std::string& folded,
                                  std::map<std::size_t, LookalikeRun>& runs) {
  const std::vector<char32_t> cps = DecodeUtf8(folded);
  auto in_run = [](char32_t c) {
    return (c >= U'0' && c <= U'9') || c == U',' || c == U'.' || IsDigitLookalike(c);
  };
  std::string out;
  for (std::size_t k = 0; k < cps.size();) {
    if (!in_run(cps[k])) {
      out += EncodeUtf8(std::vector<char32_t>{cps[k]});
      ++k;
      continue;
    }
    std::size_t end = k;
    int digits = 0;
    int lookalikes = 0;
    int points = 0;
    while (end < cps.size() && in_run(cps[end])) {
      digits += cps[end] >= U'0' && cps[end] <= U'9' ? 1 : 0;
      lookalikes += IsDigitLookalike(cps[end]) ? 1 : 0;
      points += cps[end] == U'.' ? 1 : 0;
      ++end;
    }
    const std::vector<char32_t> run(cps.begin() + static_cast<long>(k),
                                    cps.begin() + static_cast<long>(end));
    std::vector<std::string> readings;
    if (digits > 0 && lookalikes > 0 && points == 1) readings = LookalikeReadings(run);
    if (readings.empty()) {
      out += EncodeUtf8(run);
    } else {
      runs[out.size()] = LookalikeRun{EncodeUtf8(run), readings};
      out += readings.front();
    }
    k = end;
  }
  return out;
}

// The text's money amounts, split into rows. With `runs` (an OCR'd line, WithLookalikeRunsRead),
// `text` is already folded and an amount read from a run of lookalikes keeps its readings, left to
// the row's sums.
bool SplitRowText(std::string_view text, std::vector<RowPiece>& rows,
                  const std::map<std::size_t, LookalikeRun>* runs = nullptr) {
  const std::string folded = runs != nullptr ? std::string(text) : FoldForMatching(text);
  RowPiece current;
  std::size_t label_from = 0;  // where the text since the last code or amount starts
  std::size_t i = 0;
  while (i < folded.size()) {
    if (!IsAsciiDigit(folded[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < folded.size() &&
           (IsAsciiDigit(folded[end]) || folded[end] == ',' || folded[end] == '.')) {
      ++end;
    }
    const std::string token = folded.substr(i, end - i);
    const std::string_view after = std::string_view(folded).substr(end);
    // A piece after a point is the rest of a dotted number (2024.12.31, 1.2.3), no amount.
    const bool after_point = i > 0 && folded[i - 1] == '.';
    const std::size_t start = i;
    i = end;
    if (token.find_first_of(".,") == std::string::npos) {
      // Digits alone: a class code when 3, 5 or 7 of them (it starts a row), else a row
      // number, a year or a count.
      if (IsClassCode(token)) {
        if (!current.amounts.empty()) rows.push_back(std::move(current));
        current = RowPiece{};
        current.code = token;
        if (token.size() == 3) {
          std::size_t pieces_end = end;
          const std::string pieces = CodePiecesAfter(folded, pieces_end);
          if (!pieces.empty() && IsClassCode(token + pieces)) {
            current.code = token + pieces;
            end = pieces_end;
            i = end;
          }
        }
        label_from = end;
        continue;
      }
      if (StartsWith(after, "年") || StartsWith(after, "月") || StartsWith(after, "个") ||
          StartsWith(after, "人")) {
        return false;
      }
      continue;
    }
    if (after_point || token.back() == ',' || token.front() == ',') continue;
    for (std::string_view unit : {"元", "万", "亿", "%", "％", "年", "月", "日"}) {
      if (StartsWith(after, unit)) return false;
    }
    const std::size_t point = token.find('.');
    if (point != std::string::npos) {
      if (token.find('.', point + 1) != std::string::npos) continue;  // a date, a version
      const std::size_t decimals = token.size() - point - 1;
      if (decimals < 1 || decimals > 2) continue;
    }
    const AmountText amount = ParseAmountText(token);
    if (amount.kind != AmountKind::kNumber) continue;
    std::string label = Trim(folded.substr(label_from, start - label_from));
    // A quote mark read before an amount (“12,198,254.74, H8 s3w_0126: a speck of the scan) is
    // no label: it starts no row, or the row's other amounts go to a row of their own.
    if (IsQuoteMarksOnly(label)) label.clear();
    label_from = end;
    if (!current.amounts.empty() && !label.empty()) {
      rows.push_back(std::move(current));
      current = RowPiece{};
    }
    if (current.amounts.empty()) current.label = label;
    current.amounts.push_back(token);
    if (runs != nullptr) {
      const auto run = runs->find(start);
      current.printed.resize(current.amounts.size());
      current.readings.resize(current.amounts.size());
      if (run != runs->end() && run->second.readings.front() == token) {
        current.printed.back() = run->second.printed;
        current.readings.back() = run->second.readings;
      }
    }
  }
  if (!current.amounts.empty()) rows.push_back(std::move(current));
  return true;
}

bool IsDigitPieceChar(char c) {
  return IsAsciiDigit(c) || c == ',' || c == '.';
}

// The runs of digits, commas and points of `text`, as [start, end) byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> DigitRuns(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = 0; i < text.size();) {
    if (!IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && IsDigitPieceChar(text[end])) ++end;
    runs.emplace_back(i, end);
    i = end;
  }
  return runs;
}

// Digits grouped by three with commas (or not at all), then two decimals or none.
bool IsWholeAmount(std::string_view text) {
  const AmountText amount = ParseAmountText(text);
  if (amount.kind != AmountKind::kNumber || amount.irregular_grouping) return false;
  const std::size_t point = text.find('.');
  return point == std::string_view::npos || text.size() - point - 1 == 2;
}

// A row whose amounts wrapped in narrow cells (`本年收入合计 42,107, … 42,107,319.` over
// `319.14 … 14`) reads as two paragraphs, the heads cut after a comma or a point and a line of
// their rests only. When the next paragraph holds as many digit pieces as this one has heads and
// each head with its rest, in order, is a whole amount, `joined` is the row with its amounts
// whole, as printed before the wrap. With `point_read_as_comma`, a head whose point a scan read as
// a comma (875,287， over 63) is whole with the point put back, for quoting only: such an amount
// is not read as a figure.
bool JoinWrappedRests(const std::string& text, const std::string& next, std::string& joined,
                      bool point_read_as_comma = false) {
  const std::string folded = FoldForMatching(text);
  const std::string rest_line = FoldForMatching(Trim(next));
  std::vector<std::string> rests;
  for (const auto& [start, end] : DigitRuns(rest_line)) {
    rests.push_back(rest_line.substr(start, end - start));
  }
  // The rest line is digit pieces and spaces only.
  std::size_t printed = 0;
  for (const std::string& rest : rests) printed += rest.size();
  if (rests.empty() || printed != RemoveAllWhitespace(rest_line).size()) return false;
  std::vector<std::pair<std::size_t, std::size_t>> heads;
  for (const auto& run : DigitRuns(folded)) {
    const char last = folded[run.second - 1];
    // Cut after a comma or the point, or after the first decimal (`4,894,298.8` over `3`: the
    // cell wraps wherever the width runs out). The rest makes the head whole or nothing is joined.
    const bool one_decimal = run.second - run.first >= 3 && folded[run.second - 2] == '.';
    if (last == ',' || last == '.' || one_decimal) heads.push_back(run);
  }
  if (heads.size() != rests.size()) return false;
  joined.clear();
  std::size_t from = 0;
  for (std::size_t h = 0; h < heads.size(); ++h) {
    std::string whole = folded.substr(heads[h].first, heads[h].second - heads[h].first) + rests[h];
    if (!IsWholeAmount(whole) && point_read_as_comma && folded[heads[h].second - 1] == ',' &&
        rests[h].size() == 2) {
      whole[heads[h].second - heads[h].first - 1] = '.';
    }
    if (!IsWholeAmount(whole)) return false;
    joined += folded.substr(from, heads[h].first - from) + whole;
    from = heads[h].second;
  }
  joined += folded.substr(from);
  return true;
}

// A row read as a line whose amounts wrapped wherever their narrow cells ran out of width
// (12-pt unruled tables on a scan, s3w_0139_final: `221 住房保障 1,578,49 675,998. 902,495，` over
// `支出 3.38 13 25 221 02 住房改革 …`): the line under it prints the label's rest, then the
// amounts' rests, then the next row. A head is a digit run that is no whole amount (cut after a
// comma, the point or any digit); the next line's first digit pieces, as many as the heads, are
// their rests when no digit comes before them (a label's rest may) and a class code, a note or
// nothing comes after them. Each head with its rest must make a whole amount (a head's point
// read as a comma put back: 902,495， over 25). Sets `joined` to the row with its amounts whole
// and `remainder` to the next line without the label's rest and the rests (the next row, read
// on its own). The amounts are for naming only: the cut may have lost a digit no sum checks here.
bool JoinCutHeads(const std::string& text, const std::string& next, std::string& joined,
                  std::string& remainder) {
  const std::string folded = FoldForMatching(text);
  const std::string next_folded = FoldForMatching(Trim(next));
  std::vector<std::pair<std::size_t, std::size_t>> heads;
  for (const auto& run : DigitRuns(folded)) {
    if (!IsWholeAmount(folded.substr(run.first, run.second - run.first))) heads.push_back(run);
  }
  const auto rest_runs = DigitRuns(next_folded);
  if (heads.empty() || rest_runs.size() < heads.size()) return false;
  // Between the rests: spaces only.
  for (std::size_t h = 1; h < heads.size(); ++h) {
    const std::string between =
        next_folded.substr(rest_runs[h - 1].second, rest_runs[h].first - rest_runs[h - 1].second);
    if (!Trim(between).empty()) return false;
  }
  std::string after = Trim(next_folded.substr(rest_runs[heads.size() - 1].second));
  if (!after.empty() && !StartsWith(after, "注")) {
    std::size_t code_end = 0;
    while (code_end < after.size() && IsAsciiDigit(after[code_end])) ++code_end;
    if (!IsClassCode(after.substr(0, code_end))) return false;
  }
  joined.clear();
  std::size_t from = 0;
  for (std::size_t h = 0; h < heads.size(); ++h) {
    const std::string head = folded.substr(heads[h].first, heads[h].second - heads[h].first);
    const std::string rest =
        next_folded.substr(rest_runs[h].first, rest_runs[h].second - rest_runs[h].first);
    std::string whole = head + rest;
    if (!IsWholeAmount(whole) && head.back() == ',' && rest.size() == 2 &&
        rest.find_first_of(".,") == std::string::npos) {
      whole[head.size() - 1] = '.';
    }
    if (!IsWholeAmount(whole)) return false;
    joined += folded.substr(from, heads[h].first - from) + whole;
    from = heads[h].second;
  }
  joined += folded.substr(from);
  remainder = after;
  return true;
}

// The row code a row of `kind` would have: its class code, else the key its label gives (合计,
// a 三公 item); "" when neither says.
std::string RowKey(const std::string& kind, const RowPiece& row) {
  if (!row.code.empty()) return row.code;
  const std::string key = TableKey(StripOrdinal(TableKey(row.label)));
  if (EndsWith(kind, ".three_public")) return ThreePublicKey(key);
  // A summary's rows are keyed by side (income.grand_total): its labels are left to the reader.
  if (IsSummaryKind(kind)) return "";
  return IsTotalWord(key) ? "total" : "";
}

// The table a paragraph belongs to: the next table when that table's title or a unit line is
// printed between the table before and the paragraph (the rows under a title whose grid starts on
// the next page), else the table before it, else the next one. Only tables within a page of the
// paragraph (or, without pages, within a few blocks) count.
int NearestTable(const std::vector<std::pair<int, int>>& table_blocks,
                 const std::vector<CanonicalTable>& tables, const Document& document, int block,
                 int page) {
  constexpr int kMaxBlocksApart = 12;
  int before = -1;
  int after = -1;
  for (std::size_t i = 0; i < table_blocks.size(); ++i) {
    if (table_blocks[i].first < block) before = static_cast<int>(i);
    if (table_blocks[i].first > block) {
      after = static_cast<int>(i);
      break;
    }
  }
  auto near = [&](int index) {
    if (index < 0) return false;
    const int table_block = table_blocks[static_cast<std::size_t>(index)].first;
    if (std::abs(table_block - block) > kMaxBlocksApart) return false;
    const CanonicalTable& table =
        tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(index)].second)];
    if (page <= 0 || table.pages.empty()) return true;
    const int first = table.pages.front();
    const int last = table.pages.back();
    return page >= first - 1 && page <= last + 1;
  };
  if (near(after)) {
    const CanonicalTable& next =
        tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(after)].second)];
    const std::string title = TableKey(next.printed_title);
    std::string previous_title;
    if (before >= 0) {
      previous_title = TableKey(
          tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(before)].second)]
              .printed_title);
    }
    const int from = before >= 0 ? table_blocks[static_cast<std::size_t>(before)].first + 1 : 0;
    bool previous_repeated = false;  // the table above repeats its title: its unit line follows
    bool unit_line = false;
    for (int b = std::max(from, block - kMaxBlocksApart); b < block; ++b) {
      const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(b)].AsParagraph();
      if (paragraph == nullptr) continue;
      const std::string key = TableKey(paragraph->text);
      if (!title.empty() && Has(key, title))
        return table_blocks[static_cast<std::size_t>(after)].second;
      if (!previous_title.empty() && Has(key, previous_title)) previous_repeated = true;
      // A unit line not under the table above's repeated title opens the next table's preamble
      // (表3 / 单位：元 above a header left on the page before its grid).
      if (!previous_repeated && UnitInLines(paragraph->text)) unit_line = true;
    }
    if (unit_line) return table_blocks[static_cast<std::size_t>(after)].second;
  }
  if (near(before)) return table_blocks[static_cast<std::size_t>(before)].second;
  if (near(after)) return table_blocks[static_cast<std::size_t>(after)].second;
  return -1;
}

// A row's text without the table's note that the reader joined to it (合计 9,500.96 3,818.50
// 注：本表金额…: the last row over the note line, read as one paragraph): the note starts right
// after the row's last amount. The text as it is when no note follows an amount.
std::string WithoutNoteAfter(std::string_view text) {
  for (std::string_view note : {"注：", "注:"}) {
    const std::size_t at = text.find(note);
    if (at == std::string_view::npos || at == 0) continue;
    std::string before = Trim(text.substr(0, at));
    if (!before.empty() && IsAsciiDigit(before.back())) return before;
  }
  return std::string(text);
}

// One piece of the lines under a 三公 table's title: an item's label, or an amount.
struct ThreePublicPiece {
  std::string key;   // three_public.* for an item, "" for an amount
  std::string text;  // the label or the amount as printed
  int block = -1;
  std::string read;  // an amount as read: its text, or with a misread separator put back
};

// An amount whose decimal point a scan read as a comma (46,917,71 for 46,917.71): the last
// separator a comma with two digits after it and the rest grouped by three. What it reads with
// the point put back; nothing for any other text. Only a reading whose sums hold takes it.
std::optional<std::string> WithDecimalCommaRead(std::string_view text) {
  const std::size_t last = text.find_last_of(",.");
  if (last == std::string_view::npos || text[last] != ',' || text.size() - last - 1 != 2 ||
      text.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string read(text);
  read[last] = '.';
  if (!IsWholeAmount(read)) return std::nullopt;
  return read;
}

// Each item with the one amount printed on its own line, or, for an item printed alone, on the
// line right before it (before == true) or right after it, when that line prints one amount and
// no item: a scan reads a row's label and amount as one line in either order, or as two lines
// apart. False when an item has no such amount or an amount would serve two items.
bool PairThreePublicByLine(const std::vector<ThreePublicPiece>& pieces, bool before,
                           std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  pairs.clear();
  std::map<int, std::vector<std::size_t>> items_on;
  std::map<int, std::vector<std::size_t>> amounts_on;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    (pieces[i].key.empty() ? amounts_on : items_on)[pieces[i].block].push_back(i);
  }
  std::vector<int> lines;  // the lines that print a piece, in order
  for (const ThreePublicPiece& piece : pieces) {
    if (lines.empty() || lines.back() != piece.block) lines.push_back(piece.block);
  }
  auto lone_amount = [&](std::size_t at, std::size_t& amount) {
    const int line = lines[at];
    if (items_on.count(line) != 0 || amounts_on[line].size() != 1) return false;
    amount = amounts_on[line].front();
    return true;
  };
  std::set<std::size_t> used;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto found = items_on.find(lines[l]);
    if (found == items_on.end()) continue;
    if (found->second.size() != 1) return false;
    std::size_t amount = 0;
    const auto& own = amounts_on[lines[l]];
    if (own.size() == 1) {
      amount = own.front();
    } else if (!own.empty()) {
      return false;
    } else {
      const bool near_before = l > 0 && lone_amount(l - 1, amount);
      std::size_t after_amount = 0;
      const bool near_after = l + 1 < lines.size() && lone_amount(l + 1, after_amount);
      if (near_after && (!near_before || !before)) amount = after_amount;
      if (!near_before && !near_after) return false;
    }
    if (!used.insert(amount).second) return false;
    pairs.emplace_back(found->second.front(), amount);
  }
  return !pairs.empty() &&
         used.size() == std::accumulate(
                            amounts_on.begin(), amounts_on.end(), std::size_t{0},
                            [](std::size_t n, const auto& line) { return n + line.second.size(); });
}

// Each item with the one amount printed right after it (after == true) or right before it; false
// when an item has none or more than one there.
bool PairThreePublic(const std::vector<ThreePublicPiece>& pieces, bool after,
                     std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  pairs.clear();
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!pieces[i].key.empty()) items.push_back(i);
  }
  for (std::size_t n = 0; n < items.size(); ++n) {
    const std::size_t from = after ? items[n] + 1 : (n == 0 ? 0 : items[n - 1] + 1);
    const std::size_t to = after ? (n + 1 < items.size() ? items[n + 1] : pieces.size()) : items[n];
    if (to != from + 1) return false;
    pairs.emplace_back(items[n], from);
  }
  return !pairs.empty();
}

// Whether the 三公 sums hold (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行) on the
// amounts in fen, at least one of them checked. `slack` is allowed per item added: a table in
// 万元 rounds each item.
bool ThreePublicSumsHold(const std::map<std::string, std::int64_t>& fen, std::int64_t slack) {
  bool checked = false;
  auto holds = [&](const std::string& whole, const std::vector<std::string>& parts) {
    const auto w = fen.find(whole);
    if (w == fen.end()) return true;
    std::int64_t sum = 0;
    for (const std::string& part : parts) {
      const auto found = fen.find(part);
      if (found == fen.end()) return true;
      sum += found->second;
    }
    checked = true;
    return std::llabs(sum - w->second) <= slack * static_cast<std::int64_t>(parts.size());
  };
  const bool total =
      holds("three_public.total",
            {"three_public.overseas", "three_public.vehicle_total", "three_public.reception"});
  const bool vehicle = holds("three_public.vehicle_total",
                             {"three_public.vehicle_purchase", "three_public.vehicle_operation"});
  return checked && total && vehicle;
}

}  // namespace

// The figure columns of a table in grid order (keyed, not a rate), or none when two columns
// share a key: amounts in column order then fall each to one column only.
std::vector<std::string> AmountColumns(const CanonicalTable& table) {
  std::vector<std::string> columns;
  for (const std::string& key : table.column_keys) {
    if (key.empty() || key == kRateColumn) continue;
    if (std::find(columns.begin(), columns.end(), key) != columns.end()) return {};
    columns.push_back(key);
  }
  return columns;
}

// The columns a row printing `amounts` amounts as a line of text fills, in order: the table's
// figure columns when it prints one amount each. A column no row fills (其他收入 blank all
// through, its grid on the next page one column short) is left out when every row of the table
// fills every other one: a blank cell is then in that column only, and a row printing one
// amount per filled column fills those. Else none: a row with a blank cell elsewhere prints
// fewer amounts and which cell is blank is unknown.
std::vector<std::string> RowColumns(const CanonicalTable& table, std::size_t amounts) {
  const std::vector<std::string> columns = AmountColumns(table);
  if (columns.size() == amounts) return columns;
  std::vector<std::string> filled;
  for (const std::string& column : columns) {
    const bool any = std::any_of(table.rows.begin(), table.rows.end(), [&](const CanonicalRow& r) {
      return std::any_of(r.values.begin(), r.values.end(),
                         [&](const Figure& f) { return f.column == column; });
    });
    if (any) filled.push_back(column);
  }
  constexpr std::size_t kRowsThatShowIt = 2;
  if (filled.size() != amounts || table.rows.size() < kRowsThatShowIt) return {};
  for (const CanonicalRow& r : table.rows) {
    if (r.values.size() != filled.size()) return {};
  }
  return filled;
}

// The columns a coded row printing fewer amounts than the table has figure columns fills, read
// from its children (s2w_0213_budget: `205 教育支出 9.41 9.41` at a page foot, its 款 rows
// below filling 合计 and 基本支出 and leaving 项目支出 blank). A class row prints the sums of its
// children, so when its children fill exactly as many columns as it prints amounts, and each
// amount is its column's sum (within a unit of the last printed digit per child, the rounding
// of 万元 tables), the amounts fall to those columns in order. Else none: the row is only named.
std::vector<std::string> ChildColumns(const CanonicalTable& table, const RowPiece& row) {
  if (row.code.size() != 3 && row.code.size() != 5) return {};
  std::map<std::string, std::int64_t> sums;
  std::size_t children = 0;
  for (const CanonicalRow& r : table.rows) {
    if (r.row_code.size() != row.code.size() + 2 || !StartsWith(r.row_code, row.code)) continue;
    ++children;
    for (const Figure& figure : r.values) sums[figure.column] += figure.amount_fen;
  }
  if (children == 0) return {};
  std::vector<std::string> filled;
  for (const std::string& column : AmountColumns(table)) {
    const auto found = sums.find(column);
    if (found != sums.end() && found->second != 0) filled.push_back(column);
  }
  if (filled.size() != row.amounts.size()) return {};
  const std::optional<std::int64_t> step = ToFen(ParseAmountText("0.01"), table.unit);
  if (!step) return {};
  for (std::size_t i = 0; i < filled.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen || std::llabs(*fen - sums[filled[i]]) > *step * static_cast<std::int64_t>(children)) {
      return {};
    }
  }
  return filled;
}

// The columns a coded row printing fewer amounts than the table has figure columns fills, read
// from its parent and siblings (C s3w_0092_final: `2210203 购房补贴 39,193.40 39,193.40` under
// 22102 = 133,150.53 | 47,258.98 | 85,891.55 beside 2210201 = 93,957.13 | 8,065.58 | 85,891.55:
// 项目支出 blank). A parent prints the sums of its children, so when the parent is read and each
// column's remainder (the parent's figure less its other children's) is nonzero in exactly as
// many columns as the row prints amounts, each amount equal to its column's remainder, the
// amounts fall to those columns in order. Else none: the row is only named.
std::vector<std::string> RemainderColumns(const CanonicalTable& table, const RowPiece& row) {
  if (row.code.size() != 5 && row.code.size() != 7) return {};
  const std::string parent = row.code.substr(0, row.code.size() - 2);
  std::map<std::string, std::int64_t> remainder;
  bool parent_read = false;
  for (const CanonicalRow& r : table.rows) {
    if (r.row_code == row.code) return {};  // read already: ReadRowIntoTable refuses it anyway
    if (r.row_code == parent) {
      parent_read = true;
      for (const Figure& figure : r.values) remainder[figure.column] += figure.amount_fen;
    } else if (r.row_code.size() == row.code.size() && StartsWith(r.row_code, parent)) {
      for (const Figure& figure : r.values) remainder[figure.column] -= figure.amount_fen;
    }
  }
  if (!parent_read) return {};
  std::vector<std::string> filled;
  for (const std::string& column : AmountColumns(table)) {
    const auto found = remainder.find(column);
    if (found != remainder.end() && found->second != 0) filled.push_back(column);
  }
  if (filled.empty() || filled.size() != row.amounts.size()) return {};
  for (std::size_t i = 0; i < filled.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen || *fen != remainder[filled[i]]) return {};
  }
  return filled;
}

// A basic-expenditure table splits its money by economic class: 人员经费 is 工资福利支出 (301) and
// 对个人和家庭的补助 (303), 公用经费 is 商品和服务支出 (302). A coded row of such a table read as
// a line of text, printing fewer amounts than the table has columns (30228 工会经费 7.96 over the
// 合计 line, s3w_0056; 30228 and 30231 on s3w_0058: the other cell printed blank), fills its
// class's column, and 合计 before it when the table prints one and the row two amounts. Else
// none: the row is only named.
std::vector<std::string> EconomicClassColumns(const CanonicalTable& table, const RowPiece& row) {
  if (!EndsWith(table.kind, ".general_budget_basic_expenditure") &&
      !EndsWith(table.kind, ".fiscal_appropriation_basic_expenditure")) {
    return {};
  }
  if (row.code.size() != 3 && row.code.size() != 5) return {};
  const std::string part = StartsWith(row.code, "301") || StartsWith(row.code, "303") ? "personnel"
                           : StartsWith(row.code, "302")                              ? "public"
                                                                                      : "";
  if (part.empty()) return {};
  const std::vector<std::string> columns = AmountColumns(table);
  auto has = [&](std::string_view key) {
    return std::find(columns.begin(), columns.end(), key) != columns.end();
  };
  if (!has("personnel") || !has("public")) return {};
  std::vector<std::string> filled;
  for (const std::string& column : columns) {
    if (column == "total" || column == part) filled.push_back(column);
  }
  if (filled.size() != row.amounts.size()) return {};
  return filled;
}

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

// A row of an OCR'd line whose amounts printed digit lookalikes (WithLookalikeRunsRead) is read
// with the one combination of their readings for which its total is the sum of its parts, in the
// columns it would be read into (its key new to the table): 213 01 农业农村 150.52 了71.77 78.75
// is 150.52 = 71.77 + 78.75, 208 05 05 … 114.89 43.07 了1.82 is 114.89 = 43.07 + 71.82. A row with
// no such reading or several (the lookalike may be noise or a digit, and only the sum can say) is
// read as printed, and named when it is not read. Per amount settled: its row, index, readings
// and the identity that proved it.
struct SettledAmount {
  std::size_t row;
  std::size_t index;
  std::vector<std::string> readings;
  std::string identity;
};

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

namespace {

// A summary label's name for IncomeKey and ExpenditureKey: its 行次 after it (digits, or on a
// scan a digit's lookalike: 总计 了) and its ordinal left out.
std::string SummaryLabelName(const std::string& printed, bool ocr) {
  std::string label = Trim(printed);
  while (!label.empty()) {
    if (IsAsciiDigit(label.back()) || label.back() == ' ') {
      label.pop_back();
      continue;
    }
    std::vector<char32_t> cps = DecodeUtf8(label);
    if (!ocr || cps.empty() || !IsDigitLookalike(cps.back())) break;
    cps.pop_back();
    label = EncodeUtf8(cps);
  }
  return TableKey(StripOrdinal(TableKey(label)));
}

}  // namespace

// A summary prints two rows side by side, income on the left and expenditure on the right, so a
// line of text holding one of its rows holds two pieces (本年收入合计 84,118.60 本年支出合计
// 84,118.60 84,118.60): the first keyed on the income side, the second on the expenditure side,
// by their labels (a 行次 number after a label is left out). Each side's amounts fill the
// columns every row of that side fills, in order; when the side's rows fill different columns
// (a blank cell somewhere), which one a short row leaves blank is unknown and the line is only
// named.
// On a scan (`ocr`) a 行次 may read as a digit's lookalike (总计 了 498.63 总计 14 498.63,
// s3w_0063, s3w_0094; 一、一般公共预算财政拨款收入 了 430,948.42, s3w_0092): it is left out too.
void SummaryRowKeys(const CanonicalTable& table, const std::vector<RowPiece>& rows, bool ocr,
                    std::vector<std::string>& keys,
                    std::vector<std::vector<std::string>>& columns) {
  keys.assign(rows.size(), "");
  columns.assign(rows.size(), {});
  if (rows.size() != 2) return;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string side = i == 0 ? "income." : "expenditure.";
    const std::string name = SummaryLabelName(rows[i].label, ocr);
    const std::string key = i == 0 ? IncomeKey(name) : ExpenditureKey(name);
    if (key.empty()) continue;
    bool seen = false;
    std::vector<std::string> filled;
    for (const CanonicalRow& row : table.rows) {
      if (!StartsWith(row.row_code, side) || row.values.empty()) continue;
      std::vector<std::string> mine;
      for (const Figure& figure : row.values) mine.push_back(figure.column);
      if (seen && mine != filled) {
        filled.clear();
        break;
      }
      filled = std::move(mine);
      seen = true;
    }
    if (filled.size() != rows[i].amounts.size()) continue;
    const bool present =
        std::any_of(table.rows.begin(), table.rows.end(),
                    [&](const CanonicalRow& row) { return row.row_code == side + key; });
    if (present) continue;
    keys[i] = side + key;
    columns[i] = std::move(filled);
  }
  // Both sides or neither: a line whose one side keys nothing, or a row the grid has already,
  // is no clean row (header words run into it: 项目 预算数 … 收入总计 48.08 支出总计 48.0 48.08,
  // s2w_0029_budget), and its other side's amounts may be cut too.
  if (keys[0].empty() || keys[1].empty()) {
    keys.assign(rows.size(), "");
    columns.assign(rows.size(), {});
  }
}

// Reads `row` into `table` when that is certain: it has a key (a class code, 合计, a 三公
// item, a summary line) no row of the table has, and prints one amount for each column it
// fills (RowColumns, SummaryRowKeys; a line of text gives its words in column order, so each
// amount falls to one column; a row with a blank cell prints fewer and is only named). The row
// goes among the table's rows in the order of their blocks: a row printed above the grid (a
// summary's first line, s3w_0092) before the grid's rows, as the checks that read rows in their
// printed order (a summary's sources above its 本年收入合计) expect. The row read, or nullptr.
CanonicalRow* ReadRowIntoTable(CanonicalTable& table, const RowPiece& row, const std::string& key,
                               const std::vector<std::string>& columns, int table_index, int block,
                               const Paragraph& paragraph) {
  if (key.empty() || columns.empty()) return nullptr;
  for (const CanonicalRow& existing : table.rows) {
    if (existing.row_code == key) return nullptr;
  }
  CanonicalRow out;
  out.row_code = key;
  out.row_name = Trim(row.label);
  if (AllDigits(key)) out.level = key.size() == 3 ? 1 : key.size() == 5 ? 2 : 3;
  out.source_block = block;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
    if (!fen) return nullptr;
    Figure figure;
    figure.table_kind = table.kind;
    figure.row_code = key;
    figure.row_name = out.row_name;
    figure.column = columns[i];
    figure.amount_fen = *fen;
    figure.printed_text = row.amounts[i];
    figure.printed_unit = table.unit;
    figure.table_index = table_index;
    figure.provenance = paragraph.provenance;
    out.values.push_back(std::move(figure));
  }
  const auto after = std::find_if(table.rows.begin(), table.rows.end(),
                                  [&](const CanonicalRow& r) { return r.source_block > block; });
  return &*table.rows.insert(after, std::move(out));
}

namespace {

// The unit most of `tables` declare (a tie: the first declared), unknown when none declares one.
UnitOfAmount DeclaredUnitOfTables(const std::vector<CanonicalTable>& tables) {
  std::vector<UnitOfAmount> declared;
  for (const CanonicalTable& table : tables) {
    if (table.unit_source == UnitSource::kDeclared) declared.push_back(table.unit);
  }
  return MostDeclaredUnit(declared);
}

}  // namespace

namespace {

// For a table number printed alone (公开04表), the kind of the title the document's own list of
// tables gives that number (`numbering`, when it prints one), as the identification reads a
// grid's number; "other" for any other text.
std::string KindOfANumberOnlyTitle(const std::string& text, DocKind doc_kind,
                                   const TableNumbering* numbering) {
  if (numbering == nullptr) return "other";
  for (const std::string& line : SplitLines(text)) {
    if (!IsTableNumberOnlyLine(line)) continue;
    const std::optional<int> number = PrintedTableNumber(line);
    const auto listed = number ? numbering->titles.find(*number) : numbering->titles.end();
    if (listed != numbering->titles.end()) return ClassifyTableTitle(listed->second, doc_kind);
  }
  return "other";
}

}  // namespace

void ReadUngriddedThreePublic(const Document& document, DocKind doc_kind,
                              const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                              std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 24;  // a 三公 table prints under a dozen lines
  for (const CanonicalTable& table : tables) {
    if (EndsWith(table.kind, ".three_public")) return;
  }
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    std::string kind = ClassifyTableTitle(title->text, doc_kind);
    if (kind == "other") kind = KindOfANumberOnlyTitle(title->text, doc_kind, numbering);
    if (!EndsWith(kind, ".three_public")) continue;
    std::optional<UnitDeclaration> unit = UnitInLines(title->text);
    std::vector<ThreePublicPiece> pieces;
    std::set<std::string> columns;
    std::vector<int> blocks;
    bool whole = true;
    for (std::size_t b = t + 1; b < document.blocks.size() && b <= t + kMaxLines && whole; ++b) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      // A grid, another table's title, a part heading or the note ends the lines.
      if (line == nullptr || line->provenance.origin != TextOrigin::kOcr) break;
      const std::string folded = FoldForMatching(line->text);
      if (ClassifyTableTitle(line->text, doc_kind) != "other" || StartsWith(folded, "注") ||
          (StartsWith(folded, "第") && Has(folded, "部分"))) {
        break;
      }
      // Another table's number alone, once amounts were read (a number right under the title is
      // this table's own).
      const bool amounts_read = std::any_of(
          pieces.begin(), pieces.end(), [](const ThreePublicPiece& p) { return p.key.empty(); });
      if (amounts_read && IsTableNumberOnlyLine(line->text)) break;
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      auto add_words = [&](std::string_view words) {
        const std::string key = TableKey(words);
        if (key.empty()) return;
        const std::string item = ThreePublicKey(TableKey(StripOrdinal(key)));
        if (StartsWith(item, "three_public.")) {
          pieces.push_back(
              ThreePublicPiece{item, Trim(std::string(words)), static_cast<int>(b), ""});
          return;
        }
        const std::string column = ColumnKeyForHeader({key});
        if (column == "budget" || column == "final") columns.insert(column);
      };
      std::size_t from = 0;
      for (const auto& [start, end] : DigitRuns(folded)) {
        add_words(std::string_view(folded).substr(from, start - from));
        const std::string amount = folded.substr(start, end - start);
        std::string read = amount;
        if (!IsWholeAmount(amount)) {
          // A cut or misread amount: no pairing of the others can be trusted, unless only its
          // decimal point was read as a comma; the sums then decide.
          const std::optional<std::string> restored = WithDecimalCommaRead(amount);
          whole = whole && restored.has_value();
          if (restored) read = *restored;
        }
        pieces.push_back(ThreePublicPiece{"", amount, static_cast<int>(b), read});
        from = end;
      }
      add_words(std::string_view(folded).substr(from));
      blocks.push_back(static_cast<int>(b));
    }
    // No unit read on the lines (单位 with its 元 lost, s3w_0074): the unit the document's other
    // tables declare, as a grid that declares none is read (unit.document_default).
    UnitSource unit_source = UnitSource::kDeclared;
    if (!unit || unit->unit == UnitOfAmount::kUnknown) {
      const UnitOfAmount declared = DeclaredUnitOfTables(tables);
      if (declared != UnitOfAmount::kUnknown) {
        unit = UnitDeclaration{unit ? unit->printed : std::string(), declared};
        unit_source = UnitSource::kDocumentDefault;
      }
    }
    if (!whole || !unit || unit->unit == UnitOfAmount::kUnknown || columns.size() > 1) continue;
    // A budget's one column is its 预算数; a final account's may be 预算数 or 决算数.
    const std::string column =
        columns.empty() ? (StartsWith(kind, "budget.") ? "budget" : "") : *columns.begin();
    if (column.empty()) continue;
    // Which amount is an item's the lines' order does not say (a scan reads a row's amount
    // before its label, or its label and amount as lines apart): the one pairing whose sums
    // hold is taken.
    const std::int64_t slack = unit->unit == UnitOfAmount::kWanYuan ? 100 * 100 : 0;
    // Pairings that give the same figures are one reading; two readings whose sums both hold
    // leave the table unread.
    std::vector<std::pair<std::size_t, std::size_t>> chosen;
    std::set<std::map<std::string, std::int64_t>> holding;
    for (int strategy = 0; strategy < 4; ++strategy) {
      std::vector<std::pair<std::size_t, std::size_t>> pairs;
      const bool paired = strategy < 2 ? PairThreePublic(pieces, strategy == 0, pairs)
                                       : PairThreePublicByLine(pieces, strategy == 2, pairs);
      if (!paired) continue;
      std::map<std::string, std::int64_t> fen;
      bool distinct = true;
      for (const auto& [item, amount] : pairs) {
        const std::optional<std::int64_t> value =
            ToFen(ParseAmountText(pieces[amount].read), unit->unit);
        distinct = distinct && value && fen.count(pieces[item].key) == 0;
        if (value) fen[pieces[item].key] = *value;
      }
      if (distinct && ThreePublicSumsHold(fen, slack)) {
        if (holding.insert(fen).second) chosen = pairs;
      }
    }
    if (holding.size() != 1) continue;

    CanonicalTable table;
    table.kind = kind;
    table.evidence.push_back(KindEvidence{"title", title->text, kind});
    table.printed_title = Trim(title->text);
    table.printed_unit = unit->printed;
    table.unit = unit->unit;
    table.unit_source = unit_source;
    table.pages.push_back(title->provenance.page);
    table.source_blocks = blocks;
    table.column_keys = {"", column};
    Finding finding;
    finding.check = "table.row_from_text";
    finding.severity = Severity::kInfo;
    finding.provenance = title->provenance;
    finding.message = "table '" + table.printed_title + "' (" + kind +
                      ") was read as lines of text, no grid: each item is paired with the amount "
                      "printed next to it, in the one order for which the table's sums hold:";
    for (const auto& [item, amount] : chosen) {
      const Paragraph& line =
          *document.blocks[static_cast<std::size_t>(pieces[amount].block)].AsParagraph();
      CanonicalRow row;
      row.row_code = pieces[item].key;
      row.row_name = pieces[item].text;
      row.source_block = pieces[item].block;
      Figure figure;
      figure.table_kind = kind;
      figure.row_code = row.row_code;
      figure.row_name = row.row_name;
      figure.column = column;
      figure.amount_fen = *ToFen(ParseAmountText(pieces[amount].read), table.unit);
      figure.printed_text = pieces[amount].text;
      figure.printed_unit = table.unit;
      figure.table_index = static_cast<int>(tables.size());
      figure.provenance = line.provenance;
      finding.figures.push_back(
          FigureRef{kind, row.row_code, column, figure.amount_fen, line.provenance});
      finding.message += " " + row.row_code + "=" + pieces[amount].text;
      if (pieces[amount].read != pieces[amount].text) {
        finding.message += " (read " + pieces[amount].read + ": its point was read as a comma)";
      }
      if (std::find(table.pages.begin(), table.pages.end(), line.provenance.page) ==
          table.pages.end()) {
        table.pages.push_back(line.provenance.page);
      }
      row.values.push_back(std::move(figure));
      table.rows.push_back(std::move(row));
    }
    if (unit_source == UnitSource::kDocumentDefault) {
      AddTableFinding(findings, "unit.document_default", Severity::kWarning,
                      "table '" + table.printed_title +
                          "' declares no unit; read in the document's " +
                          std::string(UnitOfAmountName(table.unit)),
                      title->provenance, table.printed_title);
    }
    tables.push_back(std::move(table));
    findings.push_back(std::move(finding));
    return;
  }
}

namespace {

// `rest_line` with each word made of digit lookalikes alone read as its digits: a rest of one
// or two digits standing apart under its amount, 7 read 了 (H8 s3w_0126: 19,750,707.0 over 了,
// three times on its fiscal summary's lines, the other rests read 7). A lookalike inside a word
// is a word's character and stays.
std::string RestLookalikesRead(const std::string& rest_line) {
  std::string out;
  std::size_t i = 0;
  while (i < rest_line.size()) {
    if (rest_line[i] == ' ') {
      out += rest_line[i++];
      continue;
    }
    std::size_t end = rest_line.find(' ', i);
    if (end == std::string::npos) end = rest_line.size();
    const std::string word = rest_line.substr(i, end - i);
    std::string digits;
    for (char32_t c : DecodeUtf8(word)) {
      if (!IsDigitLookalike(c)) {
        digits.clear();
        break;
      }
      digits += c == U'了' ? '7' : (c == U'O' || c == U'〇') ? '0' : '1';
    }
    out += digits.empty() || digits.size() > 2 ? word : digits;
    i = end;
  }
  return out;
}

// The rests a summary line's wrapped amounts left on the line under it, joined back (本年收入合计
// 3,400. 本年支出合计 3,400. 3,400.37 over 37 37, s3w_0049; 一、一般公共预算 498， … over 财政拨款
// 63 62, s3w_0063): JoinWrappedRests with the few words of the rest line left out (the labels
// wrapped too: 款, 出, 财政拨款) and a point a scan read beside a comma (3,400.， over 37) read
// as the point. A head whose point was read as a comma before a two-digit rest is read with the
// point: the reader that takes it checks the summary's sums. The rest line holds a few words at
// most; a line of its own (a label with its amounts) is no rest line.
bool JoinSummaryRests(const std::string& text, const std::string& next, std::string& joined,
                      std::vector<std::string>* label_ends = nullptr) {
  constexpr std::size_t kMaxRestWordBytes = 24;  // eight CJK characters
  std::string line = FoldForMatching(text);
  for (std::size_t at = line.find(".,"); at != std::string::npos; at = line.find(".,")) {
    line.erase(at + 1, 1);
  }
  const std::string rest_line = RestLookalikesRead(FoldForMatching(next));
  std::string rests;
  std::size_t digits = 0;
  std::size_t from = 0;
  if (label_ends != nullptr) label_ends->clear();
  auto words_before = [&](std::size_t to) {
    const std::string words = Trim(rest_line.substr(from, to - from));
    if (label_ends != nullptr && !words.empty()) label_ends->push_back(RemoveAllWhitespace(words));
  };
  for (const auto& [start, end] : DigitRuns(rest_line)) {
    words_before(start);
    from = end;
    rests += rest_line.substr(start, end - start) + " ";
    digits += end - start;
  }
  words_before(rest_line.size());
  if (rests.empty() || RemoveAllWhitespace(rest_line).size() - digits > kMaxRestWordBytes) {
    return false;
  }
  return JoinWrappedRests(line, rests, joined, /*point_read_as_comma=*/true);
}

// Whether block `t` is an OCR'd line of a summary's side heads alone (收入 支出) with a header
// line splitting the expenditure side by fund (合计, 一般公共预算, 政府性基金) right under it
// and no summary title just above it; `unit` is a unit line above it, when one is printed.
bool IsFiscalSummaryHeadsLine(const Document& document, std::size_t t,
                              std::optional<UnitDeclaration>& unit) {
  constexpr std::size_t kAbove = 3;  // a title, a number, a unit line
  const Paragraph* heads = document.blocks[t].AsParagraph();
  if (heads == nullptr || RemoveAllWhitespace(FoldForMatching(heads->text)) != "收入支出") {
    return false;
  }
  bool header = false;
  for (std::size_t b = t + 1; b < document.blocks.size() && b <= t + 2 && !header; ++b) {
    const Paragraph* line = document.blocks[b].AsParagraph();
    if (line == nullptr || line->provenance.origin != TextOrigin::kOcr) return false;
    const std::string folded = FoldForMatching(line->text);
    header = Has(folded, "合计") && Has(folded, "一般公共预") && Has(folded, "政府性基金");
  }
  if (!header) return false;
  for (std::size_t b = t; b-- > 0 && b + kAbove >= t;) {
    const Paragraph* line = document.blocks[b].AsParagraph();
    if (line == nullptr) break;
    if (!unit) unit = UnitInLines(line->text);
    if (IsSummaryKind(ClassifyTableTitle(line->text, DocKind::kUnknown))) return false;
  }
  return true;
}

// Whether `line`, under a table's title, ends the lines read as that table's: text not OCR'd (a
// text layer's paragraphs are its own), the note (注), a part heading (第…部分), or another
// table's title or a section heading.
bool EndsLinesUnderATitle(const Paragraph& line, DocKind doc_kind) {
  if (line.provenance.origin != TextOrigin::kOcr) return true;
  const std::string folded = FoldForMatching(line.text);
  if (StartsWith(folded, "注") || (StartsWith(folded, "第") && Has(folded, "部分"))) return true;
  for (const std::string& text : SplitLines(line.text)) {
    if ((IsTableTitleLine(text) && ClassifyTableTitle(text, doc_kind) != "other") ||
        IsSectionHeadingLine(text)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ReadUngriddedSummary(const Document& document, DocKind doc_kind,
                          const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 60;  // a summary prints a few dozen lines at most
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    std::string title_line;
    std::string kind;
    for (const std::string& line : SplitLines(title->text)) {
      if (!IsTableTitleLine(line)) continue;
      const std::string line_kind = ClassifyTableTitle(line, doc_kind);
      if (!EndsWith(line_kind, ".fiscal_appropriation_summary") &&
          !EndsWith(line_kind, ".income_expenditure_summary")) {
        continue;
      }
      title_line = CollapseWhitespace(line);
      kind = line_kind;
    }
    // A number printed alone (公开01表): the kind of the title the document's list gives it.
    if (kind.empty()) {
      const std::string numbered = KindOfANumberOnlyTitle(title->text, doc_kind, numbering);
      if (EndsWith(numbered, ".fiscal_appropriation_summary") ||
          EndsWith(numbered, ".income_expenditure_summary")) {
        kind = numbered;
        title_line = CollapseWhitespace(title->text);
      }
    }
    // Untitled (its title number-only, 公开03表, s3w_0049): the side heads' line 收入 支出 over
    // a header that splits the expenditure side by fund (合计 一般公共预算… 政府性基金…) is a
    // fiscal summary's, and no summary title stands just above it.
    std::optional<UnitDeclaration> untitled_unit;
    const bool untitled = kind.empty() && doc_kind != DocKind::kUnknown &&
                          IsFiscalSummaryHeadsLine(document, t, untitled_unit);
    if (untitled) {
      kind = std::string(doc_kind == DocKind::kBudget ? "budget." : "final.") +
             "fiscal_appropriation_summary";
    }
    if (kind.empty()) continue;
    const bool read = std::any_of(tables.begin(), tables.end(), [&](const CanonicalTable& table) {
      return table.kind == kind &&
             std::any_of(table.rows.begin(), table.rows.end(),
                         [](const CanonicalRow& row) { return !row.values.empty(); });
    });
    if (read) continue;
    const bool fiscal = EndsWith(kind, ".fiscal_appropriation_summary");
    std::optional<UnitDeclaration> unit = untitled ? untitled_unit : UnitInLines(title->text);
    // The lines that print amounts, each with the line of rests joined to it.
    struct Line {
      std::string text;
      std::vector<int> blocks;
      const Paragraph* paragraph = nullptr;
      std::vector<std::string> label_ends;  // words of the rest line, in order
    };
    std::vector<Line> lines;
    std::optional<Box> header;  // a fiscal summary's header line: 合计 … 政府性基金
    bool grid = false;
    std::size_t count = 0;
    for (std::size_t b = t + 1; b < document.blocks.size() && count < kMaxLines; ++b, ++count) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      if (line == nullptr) {
        grid = true;  // the title's grid: the table stages read it
        break;
      }
      if (EndsLinesUnderATitle(*line, doc_kind)) break;
      // Another table's number alone, once money lines were read.
      if (!lines.empty() && IsTableNumberOnlyLine(line->text)) break;
      const std::string folded = FoldForMatching(line->text);
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      if (Has(folded, "合计") && Has(folded, "政府性基金")) {
        if (!header && line->provenance.box) header = line->provenance.box;
        continue;
      }
      bool money = false;  // money prints a separator or a point; a bare 行次 or code does not
      for (const auto& [start, end] : DigitRuns(folded)) {
        money = money || folded.substr(start, end - start).find_first_of(",.") != std::string::npos;
      }
      if (!money) continue;
      Line row{folded, {static_cast<int>(b)}, line, {}};
      if (b + 1 < document.blocks.size()) {
        const Paragraph* next = document.blocks[b + 1].AsParagraph();
        std::string joined;
        if (next != nullptr && next->provenance.origin == TextOrigin::kOcr &&
            JoinSummaryRests(line->text, next->text, joined, &row.label_ends)) {
          row.text = joined;
          row.blocks.push_back(static_cast<int>(b + 1));
          ++b;
          ++count;
        }
      }
      lines.push_back(std::move(row));
    }
    if (grid || lines.empty() || (fiscal && !header)) continue;
    UnitSource unit_source = UnitSource::kDeclared;
    if (!unit || unit->unit == UnitOfAmount::kUnknown) {
      const UnitOfAmount declared = DeclaredUnitOfTables(tables);
      if (declared != UnitOfAmount::kUnknown) {
        unit = UnitDeclaration{unit ? unit->printed : std::string(), declared};
        unit_source = UnitSource::kDocumentDefault;
      }
    }
    if (!unit || unit->unit == UnitOfAmount::kUnknown) continue;

    CanonicalTable table;
    table.kind = kind;
    table.evidence.push_back(KindEvidence{untitled ? "header" : "title", title->text, kind});
    table.printed_title = Trim(title_line);
    table.printed_unit = unit->printed;
    table.unit = unit->unit;
    table.unit_source = unit_source;
    table.pages.push_back(title->provenance.page);
    table.column_keys =
        fiscal ? std::vector<std::string>{"", "amount", "", "total", "general_budget", "gov_fund"}
               : std::vector<std::string>{"", "amount", "", "amount"};
    const int table_index = static_cast<int>(tables.size());
    Finding read_finding;
    read_finding.check = "table.row_from_text";
    read_finding.severity = Severity::kInfo;
    read_finding.provenance = title->provenance;
    read_finding.message = "table '" + table.printed_title + "' (" + kind +
                           ") was read as lines of text, no grid: each line is one row of each "
                           "side, keyed by its labels, its wrapped amounts joined:";
    std::vector<Finding> unread;
    for (const Line& line : lines) {
      std::vector<RowPiece> pieces;
      if (!SplitRowText(line.text, pieces) || pieces.empty() || pieces.size() > 2) pieces.clear();
      // Labels cut at their column's edge, their ends on the rest line in the same order
      // (一、一般公 … 卫生健康支 over 共预算财政 … 出, H8 s3w_0126; 本年收入合 over 计;
      // 自然资源海洋气象等支 over 出 beside a whole income label, A s3w_0079): a label that names
      // no row as read takes the next end when the two name one.
      const auto names_a_row = [](const std::string& label) {
        const std::string name = SummaryLabelName(label, true);
        return !IncomeKey(name).empty() || !ExpenditureKey(name).empty();
      };
      std::size_t next_end = 0;
      for (RowPiece& piece : pieces) {
        if (next_end >= line.label_ends.size() || names_a_row(piece.label)) continue;
        const std::string whole = Trim(piece.label) + line.label_ends[next_end];
        if (!names_a_row(whole)) continue;
        piece.label = whole;
        ++next_end;
      }
      // Every amount the line prints is read, or a cut one (193. over a rest not read) runs into
      // a label and the labels no longer say which amount is whose.
      std::size_t printed = 0;
      std::size_t split = 0;
      for (const auto& [start, end] : DigitRuns(line.text)) {
        printed += line.text.substr(start, end - start).find_first_of(",.") != std::string::npos;
      }
      bool whole = true;  // 34,533.6 with its 2 lost (or on a line not joined) is cut
      for (const RowPiece& piece : pieces) {
        split += piece.amounts.size();
        for (const std::string& amount : piece.amounts) whole = whole && IsWholeAmount(amount);
      }
      if (printed != split || !whole) pieces.clear();
      // Which side each piece is: income then expenditure; a line of one piece is the side
      // whose labels alone name it (城乡社区支出 101.14 101.14 under the income side's end).
      std::vector<bool> income_side;
      if (pieces.size() == 2) income_side = {true, false};
      // Its label is one label: no 行次 or second ordinal inside (二、政府性基金预算拨款 2
      // 二、自然资源海洋气象等 14,620.35 prints both sides' labels, the income amount lost).
      const std::string& label = pieces.size() == 1 ? pieces[0].label : std::string();
      const std::size_t ordinal = label.find("、");
      if (pieces.size() == 1 &&
          (std::any_of(label.begin(), label.end(), IsAsciiDigit) ||
           (ordinal != std::string::npos && label.find("、", ordinal + 1) != std::string::npos))) {
        pieces.clear();
      }
      if (pieces.size() == 1) {
        const std::string name = SummaryLabelName(pieces[0].label, true);
        const bool income = !IncomeKey(name).empty();
        const bool expenditure = !ExpenditureKey(name).empty();
        if (income != expenditure) income_side = {income};
      }
      bool all = income_side.size() == pieces.size() && !pieces.empty();
      std::vector<CanonicalRow> rows;
      for (std::size_t p = 0; p < income_side.size(); ++p) {
        const RowPiece& piece = pieces[p];
        const std::string name = SummaryLabelName(piece.label, true);
        const std::string side = income_side[p] ? "income." : "expenditure.";
        const std::string key = income_side[p] ? IncomeKey(name) : ExpenditureKey(name);
        std::vector<std::string> columns;
        if (income_side[p] || !fiscal) {
          if (piece.amounts.size() == 1) columns = {"amount"};
        } else if (piece.amounts.size() == 3) {
          columns = {"total", "general_budget", "gov_fund"};
        } else if (piece.amounts.size() == 2 && line.paragraph->provenance.box) {
          // Two amounts under three columns (合计, 一般公共预算, 政府性基金): the line ends
          // short of the header's last column by more than half a column of six, so its last
          // column (政府性基金) is the blank one.
          const Box& box = *line.paragraph->provenance.box;
          if (header->x1 - box.x1 > header->width() / 12) columns = {"total", "general_budget"};
        }
        std::vector<std::int64_t> fen;
        for (const std::string& amount : piece.amounts) {
          if (const std::optional<std::int64_t> value = ToFen(ParseAmountText(amount), table.unit))
            fen.push_back(*value);
        }
        bool ok = !key.empty() && !columns.empty() && fen.size() == columns.size();
        // A fiscal line's total is the sum of its funds.
        if (ok && columns.size() > 1) {
          ok = fen[0] == std::accumulate(fen.begin() + 1, fen.end(), std::int64_t{0});
        }
        const std::string code = side + key;
        for (const CanonicalRow& existing : table.rows) ok = ok && existing.row_code != code;
        for (const CanonicalRow& existing : rows) ok = ok && existing.row_code != code;
        if (!ok) {
          all = false;
          continue;
        }
        CanonicalRow row;
        row.row_code = code;
        row.row_name = Trim(piece.label);
        row.source_block = line.blocks.front();
        for (std::size_t i = 0; i < columns.size(); ++i) {
          Figure figure;
          figure.table_kind = kind;
          figure.row_code = code;
          figure.row_name = row.row_name;
          figure.column = columns[i];
          figure.amount_fen = fen[i];
          figure.printed_text = piece.amounts[i];
          figure.printed_unit = table.unit;
          figure.table_index = table_index;
          figure.provenance = line.paragraph->provenance;
          row.values.push_back(std::move(figure));
        }
        rows.push_back(std::move(row));
      }
      if (!all) {
        // Named, not read: every amount the line prints, whole.
        Finding finding;
        finding.check = "table.row_as_text";
        finding.severity = Severity::kWarning;
        finding.provenance = line.paragraph->provenance;
        finding.printed_text = Trim(line.text);
        std::string quoted;
        for (const auto& [start, end] : DigitRuns(line.text)) {
          std::string run = line.text.substr(start, end - start);
          while (!run.empty() && (run.back() == ',' || run.back() == '.')) run.pop_back();
          if (run.find_first_of(",.") == std::string::npos) continue;
          quoted += " " + run;
          if (const std::optional<std::int64_t> value = ToFen(ParseAmountText(run), table.unit))
            finding.figures.push_back(FigureRef{kind, "", "", *value, line.paragraph->provenance});
        }
        const int page = line.paragraph->provenance.page;
        finding.message = "a line" +
                          (page > 0 ? " on page " + std::to_string(page) : std::string()) +
                          " of table '" + table.printed_title + "' (" + kind + ") read as text, '" +
                          CollapseWhitespace(line.text) +
                          "': its labels do not key every amount to one row and column, so"
                          " its amounts" +
                          quoted + " are not read as figures";
        unread.push_back(std::move(finding));
      }
      for (CanonicalRow& row : rows) {
        for (const Figure& figure : row.values) {
          read_finding.figures.push_back(ReferenceTo(figure));
          read_finding.message +=
              " " + row.row_code + "/" + figure.column + "=" + figure.printed_text;
        }
        table.rows.push_back(std::move(row));
      }
      for (int block : line.blocks) table.source_blocks.push_back(block);
      const int page = line.paragraph->provenance.page;
      if (std::find(table.pages.begin(), table.pages.end(), page) == table.pages.end()) {
        table.pages.push_back(page);
      }
    }
    // The sums say whether the lines were read right: each side's total of the year, or its
    // grand total, is read on both sides and the same.
    auto amount = [&](const std::string& code) -> std::optional<std::int64_t> {
      for (const CanonicalRow& row : table.rows) {
        if (row.row_code == code && !row.values.empty()) return row.values.front().amount_fen;
      }
      return std::nullopt;
    };
    bool holds = false;
    bool fails = false;
    for (const char* total : {"total_current_year", "grand_total"}) {
      const std::optional<std::int64_t> income = amount(std::string("income.") + total);
      const std::optional<std::int64_t> expenditure = amount(std::string("expenditure.") + total);
      if (!income || !expenditure) continue;
      holds = holds || *income == *expenditure;
      fails = fails || *income != *expenditure;
    }
    if (!holds || fails) continue;
    if (unit_source == UnitSource::kDocumentDefault) {
      AddTableFinding(findings, "unit.document_default", Severity::kWarning,
                      "table '" + table.printed_title +
                          "' declares no unit; read in the document's " +
                          std::string(UnitOfAmountName(table.unit)),
                      title->provenance, table.printed_title);
    }
    tables.push_back(std::move(table));
    findings.push_back(std::move(read_finding));
    for (Finding& finding : unread) findings.push_back(std::move(finding));
  }
}

void ReportTablesReadAsText(const Document& document, DocKind doc_kind,
                            const std::vector<CanonicalTable>& tables,
                            std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 60;   // a standard table prints a few dozen rows at most
  constexpr std::size_t kMaxQuoted = 80;  // amounts quoted in one message
  constexpr std::size_t kMaxReferences = 200;
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    // The paragraph's last line that titles a standard table.
    std::string title_line;
    std::string kind;
    for (const std::string& line : SplitLines(title->text)) {
      if (!IsTableTitleLine(line)) continue;
      const std::string line_kind = ClassifyTableTitle(line, doc_kind);
      if (!StartsWith(line_kind, "budget.") && !StartsWith(line_kind, "final.")) continue;
      title_line = CollapseWhitespace(line);
      kind = line_kind;
    }
    if (kind.empty()) continue;
    // A table of that kind read with figures (from a grid elsewhere, or from these lines by
    // ReadUngriddedThreePublic) is the table: nothing is lost here.
    const bool read = std::any_of(tables.begin(), tables.end(), [&](const CanonicalTable& table) {
      if (table.kind != kind) return false;
      return std::any_of(table.rows.begin(), table.rows.end(),
                         [](const CanonicalRow& row) { return !row.values.empty(); });
    });
    if (read) continue;
    std::optional<UnitDeclaration> unit = UnitInLines(title->text);
    std::vector<std::pair<std::string, const Paragraph*>> amounts;
    std::size_t lines = 0;
    bool grid = false;
    for (std::size_t b = t + 1; b < document.blocks.size() && lines < kMaxLines; ++b) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      if (line == nullptr) {
        grid = true;  // the title's grid: the table stages read it
        break;
      }
      if (EndsLinesUnderATitle(*line, doc_kind)) break;
      const std::string folded = FoldForMatching(line->text);
      ++lines;
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      // A row whose amounts wrapped in narrow cells (本年收入合计 875,287. … over 63 63 3,
      // s3w_0079): the amounts are quoted whole, the line of rests taken with them.
      std::string row = folded;
      if (b + 1 < document.blocks.size()) {
        const Paragraph* next = document.blocks[b + 1].AsParagraph();
        std::string joined;
        if (next != nullptr && next->provenance.origin == TextOrigin::kOcr &&
            JoinWrappedRests(line->text, next->text, joined, /*point_read_as_comma=*/true)) {
          row = joined;
          ++b;
          ++lines;
        }
      }
      for (const auto& [start, end] : DigitRuns(row)) {
        std::string run = row.substr(start, end - start);
        while (!run.empty() && (run.back() == ',' || run.back() == '.')) run.pop_back();
        // Money prints a separator or a point; a bare integer is a 行次, a code or a year.
        if (run.find_first_of(",.") == std::string::npos) continue;
        amounts.emplace_back(run, line);
      }
    }
    if (grid || amounts.empty()) continue;
    Finding finding;
    finding.check = "table.read_as_text";
    finding.severity = Severity::kWarning;
    finding.provenance = title->provenance;
    finding.printed_text = title_line;
    std::string quoted;
    for (std::size_t i = 0; i < amounts.size(); ++i) {
      if (i < kMaxQuoted) quoted += " " + amounts[i].first;
      if (!unit || unit->unit == UnitOfAmount::kUnknown ||
          finding.figures.size() >= kMaxReferences) {
        continue;
      }
      const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amounts[i].first), unit->unit);
      if (fen)
        finding.figures.push_back(FigureRef{kind, "", "", *fen, amounts[i].second->provenance});
    }
    const int page = title->provenance.page;
    finding.message = "table '" + title_line + "' (" + kind + ")" +
                      (page > 0 ? " on page " + std::to_string(page) : std::string()) +
                      " was read as " + std::to_string(lines) +
                      " lines of text, with no grid: none of its amounts is read as a figure;" +
                      " the lines print" + quoted;
    findings.push_back(std::move(finding));
  }
}

namespace {

// The amounts of an OCR'd line that print a character a recogniser reads for a digit (了94.18
// for 794.18, s3w_0071; 了1.82, s3w_0078), read with the digit: the row reader takes the digits
// after such a character for the amount, and a finding that quotes only those names no figure
// printed. Runs of digits, separators and lookalikes holding at least one of each.
std::vector<std::string> AmountsWithDigitLookalikes(std::string_view text) {
  auto lookalike = [](char32_t c) {
    return c == U'了' || c == U'O' || c == U'〇' || c == U'l' || c == U'I' || c == U'丨';
  };
  const std::vector<char32_t> cps = DecodeUtf8(text);
  std::vector<std::string> amounts;
  for (std::size_t i = 0; i < cps.size();) {
    std::size_t end = i;
    bool digit = false;
    bool look = false;
    while (end < cps.size() && ((cps[end] >= U'0' && cps[end] <= U'9') || cps[end] == U',' ||
                                cps[end] == U'.' || lookalike(cps[end]))) {
      digit = digit || (cps[end] >= U'0' && cps[end] <= U'9');
      look = look || lookalike(cps[end]);
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

}  // namespace

namespace {

// An OCR'd line that reads as a table row next to no standard table, on the page of an
// unclassified table a few blocks from it (s3w_0096_final: a summary under a title wrapped over
// two lines, its first rows read as lines above a grid identify left as kind other): the grid's
// figures are named by table.unclassified, and this line's amounts by a table.row_as_text
// warning beside it, under kind other (its amounts referred to when the table's unit is known,
// quoted always), so that none is lost in silence.
void NameBesideUnclassified(const Document& document, const std::vector<CanonicalTable>& tables,
                            const std::vector<std::pair<int, int>>& other_blocks, int block,
                            const std::string& text, const std::vector<RowPiece>& rows,
                            const Paragraph& paragraph, std::vector<Finding>& findings) {
  constexpr int kMaxBlocksApart = 12;
  const int page = paragraph.provenance.page;
  const CanonicalTable* table = nullptr;
  int distance = kMaxBlocksApart + 1;
  for (const auto& [table_block, index] : other_blocks) {
    const CanonicalTable& other = tables[static_cast<std::size_t>(index)];
    const Block& grid = document.blocks[static_cast<std::size_t>(table_block)];
    const Provenance* where = grid.AsTable() != nullptr ? &grid.AsTable()->provenance : nullptr;
    if (where == nullptr || where->page != page) continue;
    if (std::abs(table_block - block) < distance) {
      distance = std::abs(table_block - block);
      table = &other;
    }
  }
  if (table == nullptr) return;
  Finding finding;
  finding.check = "table.row_as_text";
  finding.severity = Severity::kWarning;
  finding.provenance = paragraph.provenance;
  finding.printed_text = Trim(text);
  std::string quoted;
  for (const RowPiece& row : rows) {
    for (const std::string& amount : row.amounts) {
      quoted += " " + amount;
      if (table->unit == UnitOfAmount::kUnknown) continue;
      if (const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amount), table->unit)) {
        finding.figures.push_back(FigureRef{"other", "", "", *fen, paragraph.provenance});
      }
    }
  }
  if (quoted.empty()) return;
  finding.message =
      "a paragraph" + (page > 0 ? " on page " + std::to_string(page) : std::string()) +
      " next to an unclassified table reads as a table row, '" + CollapseWhitespace(text) +
      "': its amounts" + quoted + " are not read as figures (no standard table is near it)";
  findings.push_back(std::move(finding));
}

}  // namespace

namespace {

// A table's header printed over its first row on a scan (a continued table's repeated header,
// C s3w_0092_final: `科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 项目支出
// 85,891.55`): each amount follows its column's header word, so the line splits into one-amount
// pieces, the second and later labelled by a header word. When the first piece prints no code and
// its label ends with the first figure column's word (合计, 本年收入合计) and each later piece's
// label keys the next figure column in order, the pieces are one row, its label without the header
// word.
void JoinHeaderWordPieces(const CanonicalTable& table, std::vector<RowPiece>& rows) {
  const std::vector<std::string> columns = AmountColumns(table);
  if (rows.size() < 2 || columns.empty() || !rows[0].code.empty() || rows[0].amounts.size() != 1) {
    return;
  }
  const std::string label = CollapseWhitespace(rows[0].label);
  const std::size_t space = label.rfind(' ');
  const std::string last = space == std::string::npos ? label : label.substr(space + 1);
  if (LeafKey(TableKey(last)) != columns[0]) return;
  std::size_t joined = 1;
  std::size_t filled = 1;
  while (joined < rows.size() && filled < columns.size() && rows[joined].code.empty() &&
         rows[joined].printed.empty() && LeafKey(TableKey(rows[joined].label)) == columns[filled] &&
         filled + rows[joined].amounts.size() <= columns.size()) {
    filled += rows[joined].amounts.size();
    ++joined;
  }
  if (joined < 2) return;
  RowPiece row = rows[0];
  row.label = space == std::string::npos ? std::string() : label.substr(0, space);
  for (std::size_t k = 1; k < joined; ++k) {
    row.amounts.insert(row.amounts.end(), rows[k].amounts.begin(), rows[k].amounts.end());
  }
  rows.erase(rows.begin(), rows.begin() + static_cast<long>(joined));
  rows.insert(rows.begin(), std::move(row));
}

// The coded rows OCR'd lines print beside table `t` (its nearest table) that the table does not
// hold, each with its first amount: the children a keyless row's total may sum
// (ParentByOrphanSums) when they were left out of the grid too.
std::vector<std::pair<std::string, std::int64_t>> CodedRowsBeside(
    const Document& document, const std::vector<std::pair<int, int>>& table_blocks,
    const std::vector<CanonicalTable>& tables, int t) {
  std::vector<std::pair<std::string, std::int64_t>> coded;
  const CanonicalTable& table = tables[static_cast<std::size_t>(t)];
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const Paragraph* paragraph = document.blocks[b].AsParagraph();
    if (paragraph == nullptr || paragraph->provenance.origin != TextOrigin::kOcr) continue;
    std::vector<RowPiece> rows;
    if (!SplitRowText(WithoutNoteAfter(paragraph->text), rows)) continue;
    bool any_code = false;
    for (const RowPiece& row : rows) any_code = any_code || !row.code.empty();
    if (!any_code || NearestTable(table_blocks, tables, document, static_cast<int>(b),
                                  paragraph->provenance.page) != t) {
      continue;
    }
    for (const RowPiece& row : rows) {
      if (row.code.empty() || row.amounts.empty()) continue;
      if (const std::optional<std::int64_t> fen =
              ToFen(ParseAmountText(row.amounts.front()), table.unit)) {
        coded.emplace_back(row.code, *fen);
      }
    }
  }
  return coded;
}

}  // namespace

namespace {

// One piece of an OCR'd run of lines: a class code with its label, a bare amount, or the total
// word closing the run (456.96 304.04合计).
struct CodeOrAmount {
  std::string code;    // a class code, else ""
  std::string label;   // the code's label
  std::string amount;  // an amount as printed, else ""
  int block = -1;
  bool total = false;
};

// The codes and amounts of an OCR'd line in order; false when it prints anything else than
// codes, their labels and amounts (a year, a cut amount, sentence punctuation).
bool CodesAndAmounts(const std::string& text, int block, std::vector<CodeOrAmount>& out) {
  if (HasSentencePunctuation(WithAmountCommasRead(text))) return false;
  const std::string folded = FoldForMatching(text);
  const std::size_t first = out.size();
  std::size_t from = 0;  // where the text since the last piece starts
  // The text between two pieces is the label of a code before it; after an amount, or before
  // the line's first piece, it must be blank.
  auto take_text = [&](std::size_t to) {
    const std::string between = Trim(folded.substr(from, to - from));
    if (between.empty()) return true;
    if (to == folded.size() && out.size() > first && !out.back().amount.empty() &&
        IsTotalWord(TableKey(between))) {
      out.push_back(CodeOrAmount{"", between, "", block, true});
      return true;
    }
    if (out.size() == first || out.back().code.empty()) return false;
    out.back().label += between;
    return true;
  };
  for (const auto& [start, end] : DigitRuns(folded)) {
    if (!take_text(start)) return false;
    const std::string run = folded.substr(start, end - start);
    if (IsClassCode(run)) {
      out.push_back(CodeOrAmount{run, "", "", block});
    } else if (run.find_first_of(".,") != std::string::npos && IsWholeAmount(run)) {
      out.push_back(CodeOrAmount{"", "", run, block});
    } else {
      return false;
    }
    from = end;
  }
  return out.size() > first && take_text(folded.size());
}

// A run row's key: its code, or the table's total for the total word.
std::string RunRowKey(const RowPiece& row) {
  return row.code.empty() ? "total" : row.code;
}

// The columns a run row is read into: an economic class's column first (a grid of 301 rows
// fills 人员经费 only, and one amount of a 302 row is 公用经费's), else one a figure column.
std::vector<std::string> RunRowColumns(const CanonicalTable& table, const RowPiece& row) {
  std::vector<std::string> columns = EconomicClassColumns(table, row);
  if (columns.empty()) columns = RowColumns(table, row.amounts.size());
  return columns;
}

struct RunSums {
  int held = 0;               // sums with the table's rows that hold with the run's rows read
  bool contradicted = false;  // one that does not
};

// The sums a run's rows take part in with the rows the table's grid read (H10 s3w_0152_budget:
// 302 in the grid, 30206, 30217 and 30228 in the run, and the run's 合计 over the grid's 301 and
// 302): each parent the table has of a new run row, and the total when the run prints it, summed
// over its children in the grid and in the run, column by column where the parent prints one.
RunSums SumsWithTheTable(const CanonicalTable& table, const std::vector<RowPiece>& rows) {
  std::map<std::pair<std::string, std::string>, std::int64_t> fen;  // (row, column) -> amount
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) fen[{row.row_code, figure.column}] = figure.amount_fen;
  }
  std::set<std::string> new_rows;
  for (const RowPiece& row : rows) {
    const std::string key = RunRowKey(row);
    const std::vector<std::string> columns = RunRowColumns(table, row);
    if (columns.size() != row.amounts.size() ||
        std::any_of(table.rows.begin(), table.rows.end(),
                    [&](const CanonicalRow& r) { return r.row_code == key; })) {
      continue;
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      fen[{key, columns[i]}] = ToFen(ParseAmountText(row.amounts[i]), table.unit).value_or(0);
    }
    new_rows.insert(key);
  }
  std::set<std::string> parents;
  for (const std::string& key : new_rows) {
    if (key == "total") {
      parents.insert(key);
    } else if (key.size() >= 5) {
      const std::string parent = key.substr(0, key.size() - 2);
      if (new_rows.count(parent) == 0) parents.insert(parent);
    }
  }
  RunSums sums;
  for (const std::string& parent : parents) {
    std::map<std::string, std::int64_t> by_column;
    for (const auto& [where, amount] : fen) {
      const std::string& code = where.first;
      const bool child = parent == "total" ? code.size() == 3 && AllDigits(code)
                                           : code.size() == parent.size() + 2 &&
                                                 StartsWith(code, parent) && AllDigits(code);
      if (child) by_column[where.second] += amount;
    }
    int checked = 0;
    for (const auto& [column, sum] : by_column) {
      const auto printed = fen.find({parent, column});
      if (printed == fen.end()) continue;
      if (printed->second != sum) sums.contradicted = true;
      ++checked;
    }
    if (checked > 0 && !sums.contradicted) ++sums.held;
  }
  return sums;
}

// A run of a scan's lines under a table whose rows print each amount before its code
// (C s3w_0081_budget's basic-expenditure table after its grid: `424.24` over `302 商品和服务支出`,
// then `95.50 30201 办公费`, `6.72 30205 水费`, …, `59.03` over `30217 公务接待费`: the amount
// column's text sat a little above the code's on each row). Read as usual, each code took no
// amount and each amount went to the row before. A run that opens with an amount and closes
// with a code, each code after at least one amount, is paired the other way, each code with the
// amounts before it, when that pairing makes a parent's amounts the sums of its children's in
// the run and nothing contradicts it; the rows new to the table are read (table.row_from_text,
// warning). Returns the blocks read.
std::set<int> ReadRowsWithAmountsBeforeCodes(const Document& document,
                                             const std::vector<std::pair<int, int>>& table_blocks,
                                             std::vector<CanonicalTable>& tables,
                                             const std::set<int>& read_blocks,
                                             std::vector<Finding>& findings) {
  std::set<int> done;
  constexpr std::size_t kLeastCodes = 3;
  for (std::size_t b = 0; b < document.blocks.size();) {
    // The run: consecutive OCR lines of one table, each codes and amounts only.
    std::vector<CodeOrAmount> run;
    int table_index = -1;
    std::size_t e = b;
    for (; e < document.blocks.size(); ++e) {
      const Paragraph* paragraph = document.blocks[e].AsParagraph();
      if (paragraph == nullptr || paragraph->provenance.origin != TextOrigin::kOcr ||
          read_blocks.count(static_cast<int>(e)) != 0) {
        break;
      }
      const int t = NearestTable(table_blocks, tables, document, static_cast<int>(e),
                                 paragraph->provenance.page);
      if (t < 0 || (table_index >= 0 && t != table_index)) break;
      std::vector<CodeOrAmount> pieces;
      if (!CodesAndAmounts(paragraph->text, static_cast<int>(e), pieces)) break;
      table_index = t;
      run.insert(run.end(), pieces.begin(), pieces.end());
    }
    const std::size_t next = e > b ? e : b + 1;
    std::size_t codes = 0;
    for (const CodeOrAmount& piece : run) codes += !piece.code.empty();
    if (codes < kLeastCodes || run.front().code.size() > 0 ||
        (run.back().code.empty() && !run.back().total)) {
      b = next;
      continue;
    }
    // Each code with the amounts before it.
    std::vector<RowPiece> rows;
    std::vector<int> row_blocks;
    std::vector<std::string> amounts;
    bool paired = true;
    for (const CodeOrAmount& piece : run) {
      if (piece.code.empty() && !piece.total) {
        amounts.push_back(piece.amount);
        continue;
      }
      if (amounts.empty()) paired = false;
      RowPiece row;
      row.code = piece.code;
      row.label = piece.label;
      row.amounts = std::move(amounts);
      amounts.clear();
      rows.push_back(std::move(row));
      row_blocks.push_back(piece.block);
    }
    CanonicalTable& table = tables[static_cast<std::size_t>(table_index)];
    // The sums: every parent in the run whose children in the run print as many amounts.
    int identities = 0;
    for (const RowPiece& parent : rows) {
      std::vector<std::int64_t> sums(parent.amounts.size(), 0);
      int children = 0;
      bool shaped = true;
      for (const RowPiece& child : rows) {
        if (child.code.size() != parent.code.size() + 2 || !StartsWith(child.code, parent.code)) {
          continue;
        }
        ++children;
        if (child.amounts.size() != parent.amounts.size()) {
          shaped = false;
          break;
        }
        for (std::size_t i = 0; i < sums.size(); ++i) {
          sums[i] += ToFen(ParseAmountText(child.amounts[i]), table.unit).value_or(0);
        }
      }
      if (children == 0 || !shaped) continue;
      for (std::size_t i = 0; i < sums.size(); ++i) {
        if (ToFen(ParseAmountText(parent.amounts[i]), table.unit).value_or(-1) != sums[i]) {
          paired = false;
        }
      }
      ++identities;
    }
    const RunSums with_table = SumsWithTheTable(table, rows);
    identities += with_table.held;
    if (with_table.contradicted) paired = false;
    if (!paired || identities == 0 || table.unit == UnitOfAmount::kUnknown) {
      b = next;
      continue;
    }
    Finding finding;
    finding.check = "table.row_from_text";
    finding.severity = Severity::kWarning;
    std::string quoted;
    bool all_read = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const RowPiece& row = rows[r];
      // An economic class's column first: a grid of 301 rows fills 人员经费 only, and one amount
      // of a 302 row is 公用经费's.
      const std::vector<std::string> columns = RunRowColumns(table, row);
      const Paragraph& paragraph =
          *document.blocks[static_cast<std::size_t>(row_blocks[r])].AsParagraph();
      if (finding.figures.empty()) finding.provenance = paragraph.provenance;
      const std::string key = RunRowKey(row);
      CanonicalRow* read =
          ReadRowIntoTable(table, row, key, columns, table_index, row_blocks[r], paragraph);
      if (read == nullptr) {
        all_read = false;
        continue;
      }
      for (const Figure& figure : read->values) {
        finding.figures.push_back(ReferenceTo(figure));
        quoted += " " + key + "/" + figure.column + "=" + figure.printed_text;
      }
    }
    // Lines with a row not read are left to the reader below, which names their amounts.
    if (all_read) {
      for (std::size_t k = b; k < e; ++k) done.insert(static_cast<int>(k));
    }
    if (!finding.figures.empty()) {
      finding.message = "lines next to table '" + table.printed_title + "' (" + table.kind +
                        ") print each row's amounts before its code (the sums of its parents "
                        "hold only so): read as its rows:" +
                        quoted;
      findings.push_back(std::move(finding));
    }
    b = next;
  }
  return done;
}

}  // namespace

namespace {

// A scan's line that opens with a class code and prints pieces of amounts none of which reads as
// one (H10 s3w_0159_final: `208 社会保障和 26,688,566. 26,688.566.`, the row's decimals wrapped
// into the grid below and one comma read as a point): no row can be read from it, and its
// figures would be lost in silence. A table.row_as_text warning names the code under the nearest
// table's kind, with each piece that parses as a number read as far as it goes.
void NameCodedLineNotRead(const Document& document,
                          const std::vector<std::pair<int, int>>& table_blocks,
                          const std::vector<CanonicalTable>& tables, int block,
                          const std::string& text, const Paragraph& paragraph,
                          std::vector<Finding>& findings) {
  const std::string folded = FoldForMatching(text);
  const std::vector<std::pair<std::size_t, std::size_t>> runs = DigitRuns(folded);
  if (runs.empty() || runs.front().first != 0) return;
  const std::string code = folded.substr(0, runs.front().second);
  if (!IsClassCode(code)) return;
  std::vector<std::string> pieces;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::string piece = folded.substr(runs[i].first, runs[i].second - runs[i].first);
    if (piece.find_first_of(".,") != std::string::npos) pieces.push_back(piece);
  }
  if (pieces.empty()) return;
  const int t = NearestTable(table_blocks, tables, document, block, paragraph.provenance.page);
  if (t < 0) return;
  const CanonicalTable& table = tables[static_cast<std::size_t>(t)];
  Finding finding;
  finding.check = "table.row_as_text";
  finding.severity = Severity::kWarning;
  finding.provenance = paragraph.provenance;
  finding.printed_text = Trim(text);
  std::string quoted;
  for (const std::string& piece : pieces) {
    std::string digits = piece;
    while (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) digits.pop_back();
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(digits), table.unit);
    finding.figures.push_back(
        FigureRef{table.kind, code, "", fen.value_or(0), paragraph.provenance});
    quoted += " '" + piece + "'";
  }
  finding.message =
      "a paragraph" +
      (paragraph.provenance.page > 0 ? " on page " + std::to_string(paragraph.provenance.page)
                                     : std::string()) +
      " next to table '" + table.printed_title + "' (" + table.kind +
      ") opens with the class code " + code + " and prints" + quoted +
      ", which read as no amount (cut by a wrap or misread by the scan): the row's "
      "figures are not read";
  findings.push_back(std::move(finding));
}

}  // namespace

void ReportRowsReadAsText(const Document& document, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings) {
  // Standard tables by the first block of each of their grids, in block order.
  std::vector<std::pair<int, int>> table_blocks;  // block, table index
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::string& kind = tables[t].kind;
    if (!StartsWith(kind, "budget.") && !StartsWith(kind, "final.")) continue;
    if (tables[t].unit == UnitOfAmount::kUnknown) continue;
    for (int block : tables[t].source_blocks) {
      table_blocks.emplace_back(block, static_cast<int>(t));
    }
  }
  // Unclassified tables (kind other), by their first block: an OCR'd line beside one and near
  // no standard table is named beside it (NameBesideUnclassified).
  std::vector<std::pair<int, int>> other_blocks;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (tables[t].kind != "other" || tables[t].source_blocks.empty()) continue;
    other_blocks.emplace_back(tables[t].source_blocks.front(), static_cast<int>(t));
  }
  if (table_blocks.empty() && other_blocks.empty()) return;
  std::sort(table_blocks.begin(), table_blocks.end());
  // Paragraphs a table was read from (ReadUngriddedThreePublic) are rows of that table already.
  std::set<int> read_blocks;
  for (const CanonicalTable& table : tables) {
    for (int block : table.source_blocks) {
      if (block >= 0 && static_cast<std::size_t>(block) < document.blocks.size() &&
          document.blocks[static_cast<std::size_t>(block)].AsParagraph() != nullptr) {
        read_blocks.insert(block);
      }
    }
  }

  for (const int block :
       ReadRowsWithAmountsBeforeCodes(document, table_blocks, tables, read_blocks, findings)) {
    read_blocks.insert(block);
  }

  // A row prints a few cells: a longer paragraph is prose, whatever its punctuation.
  constexpr std::size_t kMaxRowBytes = 400;
  // What is left of a paragraph whose first pieces were the rests of the row above
  // (JoinCutHeads): the block and its text without them.
  std::size_t carried_block = document.blocks.size();
  std::string carried;
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const Paragraph* paragraph = document.blocks[b].AsParagraph();
    if (paragraph == nullptr || read_blocks.count(static_cast<int>(b)) != 0) continue;
    std::string text = WithoutNoteAfter(b == carried_block ? carried : paragraph->text);
    if (text.size() > kMaxRowBytes) continue;
    if (HasSentencePunctuation(
            paragraph->provenance.origin == TextOrigin::kOcr ? WithAmountCommasRead(text) : text)) {
      continue;
    }
    // Amounts joined from heads cut anywhere are named, never read (JoinCutHeads).
    bool names_only = false;
    if (b + 1 < document.blocks.size()) {
      const Paragraph* next = document.blocks[b + 1].AsParagraph();
      std::string joined;
      std::string remainder;
      if (next != nullptr && JoinWrappedRests(text, next->text, joined)) {
        text = joined;
        ++b;  // the rests are read with their heads
      } else if (next != nullptr && paragraph->provenance.origin == TextOrigin::kOcr &&
                 next->provenance.origin == TextOrigin::kOcr &&
                 read_blocks.count(static_cast<int>(b + 1)) == 0 &&
                 JoinCutHeads(text, next->text, joined, remainder)) {
        text = joined;
        names_only = true;
        if (remainder.empty()) {
          ++b;  // the next line held the rests only
        } else {
          carried_block = b + 1;
          carried = remainder;
        }
      }
    }
    std::vector<RowPiece> rows;
    if (!SplitRowText(text, rows) || rows.empty()) {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        NameCodedLineNotRead(document, table_blocks, tables, static_cast<int>(b), text, *paragraph,
                             findings);
      }
      continue;
    }
    const int page = paragraph->provenance.page;
    const int t = NearestTable(table_blocks, tables, document, static_cast<int>(b), page);
    if (t < 0) {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        NameBesideUnclassified(document, tables, other_blocks, static_cast<int>(b), text, rows,
                               *paragraph, findings);
      }
      continue;
    }
    CanonicalTable& table = tables[static_cast<std::size_t>(t)];
    // A scan's digit lookalikes in an amount: the row read whole, with the amount its sum
    // settles (SettleLookalikeReadings).
    std::vector<SettledAmount> settled;
    if (paragraph->provenance.origin == TextOrigin::kOcr && !IsSummaryKind(table.kind)) {
      const std::string folded = FoldForMatching(text);
      std::map<std::size_t, LookalikeRun> runs;
      const std::string read = WithLookalikeRunsRead(folded, runs);
      std::vector<RowPiece> whole;
      if (!runs.empty() && FoldForMatching(read) == read && SplitRowText(read, whole, &runs) &&
          SettleLookalikeReadings(table, whole, rows, settled)) {
        rows = std::move(whole);
      } else {
        settled.clear();
      }
    }

    Finding finding;
    finding.provenance = paragraph->provenance;
    finding.printed_text = Trim(text);
    std::string quoted;
    bool all_read = true;
    std::vector<std::string> summary_keys;
    std::vector<std::vector<std::string>> summary_columns;
    const bool summary = IsSummaryKind(table.kind);
    if (summary) {
      SummaryRowKeys(table, rows, paragraph->provenance.origin == TextOrigin::kOcr, summary_keys,
                     summary_columns);
    }
    const bool ocr = paragraph->provenance.origin == TextOrigin::kOcr;
    if (ocr && !summary && !names_only && settled.empty()) JoinHeaderWordPieces(table, rows);
    std::string keyed_by_sums;  // the code a keyless row's total settled (ParentByOrphanSums)
    for (std::size_t r = 0; r < rows.size(); ++r) {
      // A scan's row whose code was lost under a header printed over it (科目编码 科扯党绩共支出
      // 合计 133,150.53基本支出 …): the parent its table's orphans lack, when its total is their
      // sum (coded rows read as lines of text beside the table count among them).
      if (ocr && !summary && !names_only && rows[r].code.empty() && !rows[r].amounts.empty() &&
          RowKey(table.kind, rows[r]).empty() && IsFunctionCodedKind(table.kind)) {
        const std::vector<std::string> all = AmountColumns(table);
        const std::optional<std::int64_t> total =
            ToFen(ParseAmountText(rows[r].amounts.front()), table.unit);
        if (!all.empty() && all.front() == "total" && total) {
          const std::string parent =
              ParentByOrphanSums(table, *total, CodedRowsBeside(document, table_blocks, tables, t));
          if (!parent.empty()) {
            rows[r].code = parent;
            keyed_by_sums += " " + parent;
          }
        }
      }
      const RowPiece& row = rows[r];
      const std::string key = summary ? summary_keys[r] : RowKey(table.kind, row);
      std::vector<std::string> columns =
          summary ? summary_columns[r] : RowColumns(table, row.amounts.size());
      if (!summary && columns.empty()) columns = ChildColumns(table, row);
      if (!summary && columns.empty()) columns = RemainderColumns(table, row);
      if (!summary && columns.empty() && paragraph->provenance.origin == TextOrigin::kOcr) {
        columns = EconomicClassColumns(table, row);
      }
      CanonicalRow* const read_row = names_only ? nullptr
                                                : ReadRowIntoTable(table, row, key, columns, t,
                                                                   static_cast<int>(b), *paragraph);
      const bool read = read_row != nullptr;
      all_read = all_read && read;
      for (const SettledAmount& amount : settled) {
        if (!read || amount.row != r) continue;
        Figure& figure = read_row->values[amount.index];
        figure.printed_text = row.printed[amount.index];
        figure.corrected = true;
        Finding repaired;
        repaired.check = "ocr.repaired";
        repaired.severity = Severity::kWarning;
        repaired.printed_text = figure.printed_text;
        repaired.provenance = figure.provenance;
        std::string readings;
        for (const std::string& reading : amount.readings) {
          if (!readings.empty()) readings += ", ";
          readings += reading;
        }
        repaired.message =
            table.kind + " row " + key + " column " + figure.column + ": OCR read '" +
            figure.printed_text + "' in a row read as a line of text, corrected to '" +
            row.amounts[amount.index] + "' (of its readings " + readings +
            ", the only one for which the row's total is the sum of its parts: " + amount.identity +
            ")";
        repaired.figures.push_back(ReferenceTo(figure));
        findings.push_back(std::move(repaired));
      }
      for (std::size_t i = 0; i < row.amounts.size(); ++i) {
        const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
        if (!fen) continue;
        const std::string column = read ? columns[i] : "";
        finding.figures.push_back(FigureRef{table.kind, key, column, *fen, paragraph->provenance});
        quoted += " " + (read ? key + "/" + column + "=" : std::string()) + row.amounts[i];
      }
    }
    if (finding.figures.empty()) continue;
    const std::string where = "a paragraph" +
                              (page > 0 ? " on page " + std::to_string(page) : std::string()) +
                              " next to table '" + table.printed_title + "' (" + table.kind +
                              ") reads as a table row, '" + CollapseWhitespace(text) + "'";
    if (all_read) {
      finding.check = "table.row_from_text";
      // A code settled by sums, not printed, is a warning.
      finding.severity = keyed_by_sums.empty() ? Severity::kInfo : Severity::kWarning;
      finding.message = where +
                        ": read as its row(s), one amount per figure column in order, keyed by the "
                        "printed code or label:" +
                        quoted;
      if (!keyed_by_sums.empty()) {
        finding.message += " (code" + keyed_by_sums +
                           " printed unread: the one parent the table lacks whose rows' totals "
                           "sum to the row's total)";
      }
    } else {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        for (const std::string& amount : AmountsWithDigitLookalikes(text)) {
          const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amount), table.unit);
          if (!fen) continue;
          finding.figures.push_back(FigureRef{table.kind, "", "", *fen, paragraph->provenance});
          quoted += " " + amount + " (a digit read as its lookalike)";
        }
      }
      finding.check = "table.row_as_text";
      finding.severity = Severity::kWarning;
      finding.message = where + ": its amounts" + quoted +
                        " are not read as figures (a row left out of the grid, e.g. cut off by a "
                        "page break or too few rows to make one)";
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
