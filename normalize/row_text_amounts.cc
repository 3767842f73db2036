// A row printed as a paragraph, read as text: its class code, its label and its bare amounts
// (SplitRowText), told apart from prose by what a row never prints (sentence punctuation, a
// unit or a year after a number). A cell too narrow for its amount wraps it over two lines, so
// the amounts cut there are joined with their rests on the next line first (JoinWrappedRests,
// JoinCutHeads). Every reader of rows and tables printed as lines starts here.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_code_pieces.h"
#include "normalize/table_text.h"

namespace disclose {

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

// An OCR'd row's decimal point read as a full-width comma (12,130，07, H40 s3w_0629_budget): the
// text with each "，" between a digit and exactly two digits that end the amount read as ".".
// A thousands group holds three digits, so two after the mark are the decimals; folded, the mark
// became a comma and the amount, 12,130,07, was no amount (its row went unread).
std::string WithDecimalPointsRead(std::string_view text) {
  constexpr std::size_t kDecimals = 2;
  const std::string_view comma = "，";
  std::string read;
  read.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (i > 0 && IsAsciiDigit(text[i - 1]) && text.substr(i, comma.size()) == comma) {
      const std::size_t after = i + comma.size();
      std::size_t digits = 0;
      while (after + digits < text.size() && IsAsciiDigit(text[after + digits])) ++digits;
      if (digits == kDecimals) {
        read += '.';
        i = after;
        continue;
      }
    }
    read += text[i++];
  }
  return read;
}

namespace {

// Whether `text` is quote marks alone (“, ”, ‘, ’, ", ', ＂, ＇, `).
bool IsQuoteMarksOnly(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  if (cps.empty()) return false;
  return std::all_of(cps.begin(), cps.end(), [](char32_t c) {
    return std::u32string_view(U"“”‘’\"'＂＇`").find(c) != std::u32string_view::npos;
  });
}

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

bool IsDigitPieceChar(char c) {
  return IsAsciiDigit(c) || c == ',' || c == '.';
}

}  // namespace

// The text's money amounts, each with the code and label of the row it follows (a code, or a
// label after an amount, starts the next row: a paragraph may hold several). A money amount has a
// point with one or two decimals or a thousands separator, stands alone (no digit, point or
// comma around it) and carries no unit or rate after it (123.45万元, 3.5%, 2024.12 in a date).
// Returns false when something else than labels, codes and amounts is printed (a year, a
// count with 个/人), which a row of a standard table never is. With `runs` (an OCR'd line,
// WithLookalikeRunsRead), `text` is already folded and an amount read from a run of lookalikes
// keeps its readings, left to the row's sums.
bool SplitRowText(std::string_view text, std::vector<RowPiece>& rows,
                  const std::map<std::size_t, LookalikeRun>* runs) {
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
                      bool point_read_as_comma) {
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

}  // namespace disclose
