// Stage 2 of the unruled table detector (see unruled_stages.h): an amount too
// wide for its cell wraps ("1,209,583.7" over "5", or "12,672" over ".73"). A
// line of digit pieces under a row's amounts joins the amount it completes (a
// well-formed amount only with the piece); a piece that could complete two
// amounts is reported, not guessed.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
// An amount as publishers print money: digits grouped by three with commas
// (or not grouped at all), then two decimals or none; a minus sign allowed.
bool IsWellFormedAmount(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point = text.find('.');
  std::string_view whole = text.substr(0, point);
  if (point != std::string_view::npos) {
    const std::string_view decimals = text.substr(point + 1);
    if (decimals.size() != 2 || !IsDigitChar(decimals[0]) || !IsDigitChar(decimals[1])) {
      return false;
    }
  }
  if (whole.empty()) return false;
  if (whole.find(',') == std::string_view::npos) {
    return std::all_of(whole.begin(), whole.end(), IsDigitChar);
  }
  // 1,209,583: a first group of one to three digits, then groups of three.
  std::size_t group = 0;
  bool first = true;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i == whole.size() || whole[i] == ',') {
      if (group == 0 || group > 3 || (!first && group != 3)) return false;
      first = false;
      group = 0;
    } else if (IsDigitChar(whole[i])) {
      ++group;
    } else {
      return false;
    }
  }
  return true;
}

// The digits of an integer whose every mark is followed by three digits: marks that group
// them, whatever OCR read them as (1367,028 or 1.367.028 for 1,367,028); nothing otherwise.
std::optional<std::string> WithoutGroupMarks(std::string_view text) {
  std::string digits;
  std::size_t group = 0;
  bool marked = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ',' || text[i] == '.') {
      if (group == 0 || (marked && group != 3)) return std::nullopt;
      if (i < text.size()) marked = true;
      group = 0;
    } else if (IsDigitChar(text[i])) {
      digits.push_back(text[i]);
      ++group;
    } else {
      return std::nullopt;
    }
  }
  if (!marked) return std::nullopt;
  return digits;
}

namespace {

// The amount a label chunk ends with, where the label runs into it
// ("自然资源海洋气象等支出14,620.3": BuildTable splits such a chunk, TrailingAmountStart), else the
// whole text: what a wrapped rest under it completes.
std::string_view AmountOfChunk(std::string_view text) {
  std::size_t start = text.size();
  int digits = 0;
  bool separator = false;
  while (start > 0 &&
         (IsDigitChar(text[start - 1]) || text[start - 1] == ',' || text[start - 1] == '.')) {
    if (IsDigitChar(text[start - 1])) {
      ++digits;
    } else {
      separator = true;
    }
    --start;
  }
  if (start == 0 || start == text.size() || digits < 3 || !separator || !IsDigitChar(text[start]))
    return text;
  const std::vector<char32_t> before = DecodeUtf8(text.substr(0, start));
  if (before.empty() || !IsCjkIdeograph(before.back())) return text;
  return text.substr(start);
}

// Whether `piece`, a digit piece under `above`, completes it: the two joined
// make a well-formed amount, and `above` alone is not one, or `piece` is the
// decimal part of an integer ("12,672" over ".73").
bool Completes(std::string_view above, std::string_view piece) {
  if (!IsDigitPiece(piece) || above.empty()) return false;
  const std::string joined = std::string(above) + std::string(piece);
  if (!IsWellFormedAmount(joined)) return false;
  if (!IsWellFormedAmount(above)) return true;
  return piece.front() == '.' && above.find('.') == std::string_view::npos;
}

// Completes, and on a page read by OCR also with the low mark that ends `above` read the
// other way: the engine reads a cut point as a comma as often as not ("997,019，" over "92").
// The two never both fit (a rest after a point has two decimals, after a comma three digits
// before any point), so the grammar decides.
bool CompletesAsRead(std::string_view above, std::string_view piece, const TailOptions& options) {
  if (Completes(above, piece)) return true;
  if (!options.low_mark_uncertain || above.empty()) return false;
  // Group marks misread (1367,028 or 1.367.028 for 1,367,028 over .90, H10 s3w_0157_final): the
  // integer's digits are what the rest completes.
  if (const std::optional<std::string> digits = WithoutGroupMarks(above)) {
    if (Completes(*digits, piece)) return true;
  }
  // The rest's point read as a comma (9,137,522 over ,31, H26 s3w_0410_budget): a rest after a
  // comma has three digits, so two after it can only be decimals.
  if (piece.size() == 3 && piece.front() == ',') {
    std::string decimals(piece);
    decimals.front() = '.';
    if (Completes(above, decimals)) return true;
  }
  // A group comma inside the head read as a point (21,791.6 over 64.05, H29 s3w_0458_final):
  // a point the head's decimals do not follow, read as the comma, makes the two one amount.
  if (const std::size_t point = above.rfind('.');
      point != std::string_view::npos && point + 1 < above.size() && !IsWellFormedAmount(above)) {
    std::string comma(above);
    comma[point] = ',';
    if (Completes(comma, piece)) return true;
  }
  // The same in a head cut one decimal into two (1157,887.7 over 9, H34 s3w_0538_budget): the
  // integer's digits and the decimal are what the rest completes.
  if (const std::size_t point = above.rfind('.');
      point != std::string_view::npos && point + 2 == above.size() && IsDigitChar(above.back())) {
    if (const std::optional<std::string> digits = WithoutGroupMarks(above.substr(0, point))) {
      if (Completes(*digits + std::string(above.substr(point)), piece)) return true;
    }
  }
  if (above.back() != ',' && above.back() != '.') return false;
  // The comma after the leading digit lost (1407,230. over 41, H31 s3w_0487_final, where every
  // 1,407,230.41 of the page was read so): the head's digits, each mark after the first group
  // followed by three, are what the rest completes.
  if (const std::optional<std::string> digits =
          WithoutGroupMarks(above.substr(0, above.size() - 1))) {
    if (Completes(*digits + ".", piece)) return true;
  }
  // A mark doubled at the cut (22,570,605.， over 29, H27 s3w_0418_final): either one is the mark.
  if (above.size() >= 2 && (above[above.size() - 2] == ',' || above[above.size() - 2] == '.')) {
    std::string one(above.substr(0, above.size() - 1));
    if (CompletesAsRead(one, piece, options)) return true;
    one.back() = above.back();
    return CompletesAsRead(one, piece, options);
  }
  std::string other(above);
  other.back() = above.back() == ',' ? '.' : ',';
  return Completes(other, piece);
}

// A wrapped rest of one digit that OCR read as a glyph shaped like one, or as an ideograph (the
// 1 of 81,687.31 read 工, H30 s3w_0477_budget, twice): on an OCR page such a lone glyph ending
// where the amount above it ends stands for a digit, and the cell, read again with the numeric
// set, says which. As read, it was no piece, its line a paragraph between the rows, and the
// amount kept one decimal.
bool IsLookalikeRest(const std::string& piece, const Chunk& chunk, const Chunk& upper, double em,
                     const TailOptions& options) {
  if (!options.low_mark_uncertain || IsDigitPiece(piece)) return false;
  const std::vector<char32_t> text = DecodeUtf8(piece);
  if (text.size() != 1 || IsHeaderIdeograph(text[0]) ||
      !(IsDigitLookalike(text[0]) || IsCjkIdeograph(text[0]))) {
    return false;
  }
  return std::abs(chunk.box.x1 - upper.box.x1) <= 0.5 * em;
}

// Whether `lower` is set tight under `upper`, no leader line: where a cell's wrapped rest can be
// (rows are padded further apart).
bool SetTightUnder(const Line& lower, const Line& upper) {
  return !lower.leader && lower.box.y0 - upper.box.y1 <= 0.5 * std::max(1.0, upper.box.height());
}

// A code's length: a split code's piece of two, or 3, 5, 7 digits joined.
bool IsCodeLength(std::size_t digits) {
  return digits == 2 || digits == 3 || digits == 5 || digits == 7;
}

// A code wraps over at most this many lines: 21 | 01 | 30 | 1 in a column two digits wide.
constexpr int kMaxCodeLines = 4;

// Whether a digit piece of the line under line `l`, tight under `chunk`, makes a code with
// `so_far` (the code's pieces down to `chunk`), at once or with the lines under it.
bool CodeCompletedBelow(const std::vector<Line>& lines, std::size_t l, const Chunk& chunk,
                        const std::string& so_far, int lines_left) {
  if (l + 1 >= lines.size() || lines_left <= 0) return false;
  const Line& line = lines[l];
  const Line& next = lines[l + 1];
  if (!SetTightUnder(next, line)) return false;
  return std::any_of(next.chunks.begin(), next.chunks.end(), [&](const Chunk& lower) {
    const std::string piece = Compact(lower.text);
    if (!lower.figure || !AllDigitChars(piece) || !SitsUnder(lower, chunk, 0.5 * line.em)) {
      return false;
    }
    const std::string joined = so_far + piece;
    return IsCodeLength(joined.size()) ||
           (joined.size() < 7 && CodeCompletedBelow(lines, l + 1, lower, joined, lines_left - 1));
  });
}

// The code chunk above that a code's wrapped digits, chunk `chunk` of line `l`, go on: a narrow
// 项 column wraps its 99 as 9 over 9 as it wraps the amounts beside it (34,85 over 1.48, the
// sweep's national template, s90wn_0033_budget); the rest and the code above it, digits alone,
// make a code's length (a joined code's narrow column wraps 2010350 as 2010 over 350,
// s91wn_0017_budget), or a middle piece does that the lines under it complete (21 | 01 | 3 for
// 21013 in a column two digits wide, s95wn_0086_budget). Above is the code's head, or on a line
// of rests a rest of it; `so_far_above` (AmountsSoFar of the line above) holds the code down to
// it. Nothing when no such chunk is right above.
std::optional<std::size_t> CodeItCompletes(const std::vector<Line>& lines, std::size_t l,
                                           const Chunk& chunk,
                                           const std::vector<std::string>& so_far_above) {
  const std::string piece = Compact(chunk.text);
  if (piece.size() > 6 || !AllDigitChars(piece)) return std::nullopt;
  const Line& above = lines[l - 1];
  for (std::size_t a = 0; a < above.chunks.size(); ++a) {
    const Chunk& upper = above.chunks[a];
    if (!SitsUnder(chunk, upper, 0.5 * above.em)) continue;
    const bool rest_above = above.tail && a < above.code_rests.size() && above.code_rests[a];
    if ((above.tail && !rest_above) || upper.money || !AllDigitChars(Compact(upper.text))) {
      continue;
    }
    const std::string joined = so_far_above[a] + piece;
    if (IsCodeLength(joined.size()) ||
        (joined.size() < 7 && CodeCompletedBelow(lines, l, chunk, joined, kMaxCodeLines - 2))) {
      return a;
    }
  }
  return std::nullopt;
}

// An amount wraps over at most this many lines: 133 / ,77 / 6.8 / 7 in a column three digits
// wide, 1 | 5 | 3. | 3 | 5 in a column one digit wide (the 三公 table's 合计 in portrait sized to
// its content); a column that narrow prints 1,234,567.89 over eleven.
constexpr int kMaxAmountLines = 11;

// Whether `text` is the start of an amount cut inside it: digits grouped so far, perhaps ending
// on the mark where the cut fell or one decimal into two ("117,", "117,509.", "16,6", "16,655.7").
bool IsCutAmountStart(std::string_view text) {
  if (text.empty() || IsWellFormedAmount(text)) return false;
  for (const char* fill : {"0", "00", "000", "0.00", "00.00", "000.00"}) {
    if (IsWellFormedAmount(std::string(text) + fill)) return true;
  }
  return false;
}

// A digit piece that starts an amount cut inside it ("7,761,", "69.3"): no whole amount, and no
// dash ("-" is IsCutAmountStart's, a zero's or a page number's).
bool IsCutAmountPiece(std::string_view text) {
  return IsDigitPiece(text) && IsCutAmountStart(text);
}

// The amount each chunk of line `l` makes so far: its own text (a label run into its amount
// gives the amount: AmountOfChunk), or on a line of wrapped rests the amount above joined with
// the rest (a middle piece of an amount wrapped over three lines, "117," then "509.").
std::vector<std::string> AmountsSoFar(const std::vector<Line>& lines, std::size_t l) {
  const Line& line = lines[l];
  std::vector<std::string> amounts;
  amounts.reserve(line.chunks.size());
  for (const Chunk& chunk : line.chunks) amounts.emplace_back(AmountOfChunk(Compact(chunk.text)));
  if (!line.tail || l == 0) return amounts;
  const std::vector<std::string> above = AmountsSoFar(lines, l - 1);
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    const int upper = c < line.completes.size() ? line.completes[c] : -1;
    amounts[c] = upper >= 0 ? above[static_cast<std::size_t>(upper)] + Compact(line.chunks[c].text)
                            : std::string();
  }
  return amounts;
}

bool CompletedOnTheNextLine(const std::vector<Line>& lines, std::size_t l, const Chunk& chunk,
                            const std::string& so_far, const TailOptions& options, int lines_left);

// Whether `piece`, chunk `chunk` of line `l` under an amount that makes `so_far`, goes on that
// amount: it completes it, or it is a middle piece ("117," then "509." then "78") that the lines
// under it, up to `lines_left` of them, complete. Digits under digits make a whole integer at
// every step (1 | 5 | 3. | 3 | 5 for 153.35), so such a middle piece goes on only where the lines
// under it complete an amount through its cut: in a table of whole amounts none ever does.
bool ContinuesAmount(const std::vector<Line>& lines, std::size_t l, const Chunk& chunk,
                     const std::string& so_far, const std::string& piece,
                     const TailOptions& options, int lines_left) {
  if (CompletesAsRead(so_far, piece, options)) return true;
  if (!IsDigitPiece(piece)) return false;
  const std::string joined = so_far + piece;
  const bool integer_so_far = AllDigitChars(so_far) && AllDigitChars(piece);
  return (IsCutAmountStart(joined) || integer_so_far) &&
         CompletedOnTheNextLine(lines, l, chunk, joined, options, lines_left);
}

// Whether a piece of line `l + 1`, tight under `chunk` of line `l`, goes on `so_far` (the amount
// the chunk makes with the ones above it). The next row is no such line, however close (its
// "2,000.00" made "2,789,270,19" an amount of 2,789,270,192,000.00): a line of rests prints no
// whole amount with a mark, and a rest under a middle piece holds no group comma.
bool CompletedOnTheNextLine(const std::vector<Line>& lines, std::size_t l, const Chunk& chunk,
                            const std::string& so_far, const TailOptions& options, int lines_left) {
  if (l + 1 >= lines.size() || lines_left <= 0) return false;
  const Line& line = lines[l];
  const Line& next = lines[l + 1];
  if (!SetTightUnder(next, line)) return false;
  const double slack = 0.5 * line.em;
  for (const Chunk& lower : next.chunks) {
    const std::string text = Compact(lower.text);
    if (!IsWellFormedAmount(text) || text.find_first_of(",.") == std::string::npos) continue;
    // A whole amount with a point only is a rest where the piece above it stops inside a group
    // (9.96 under 4,57 in a column four digits wide: 4,014,579.96); the next row's amount
    // starts a number of its own, with its own group marks.
    if (text.find(',') != std::string::npos) return false;
    const bool ends_inside_a_group =
        std::any_of(line.chunks.begin(), line.chunks.end(), [&](const Chunk& upper) {
          const std::string head = Compact(upper.text);
          const std::size_t comma = head.rfind(',');
          return SitsUnder(lower, upper, slack) && comma != std::string::npos &&
                 head.size() - comma - 1 >= 1 && head.size() - comma - 1 <= 2 &&
                 AllDigitChars(head.substr(comma + 1));
        });
    if (!ends_inside_a_group) return false;
  }
  return std::any_of(next.chunks.begin(), next.chunks.end(), [&](const Chunk& lower) {
    const std::string rest = Compact(lower.text);
    return SitsUnder(lower, chunk, slack) && rest.find(',') == std::string::npos &&
           ContinuesAmount(lines, l + 1, lower, so_far, rest, options, lines_left - 1);
  });
}

}  // namespace

// Rule 5 over every line: marks the lines that hold only the wrapped rests of
// the amounts above (and perhaps a wrapped label first). A piece that could
// complete two amounts is left where it is printed, and a pdf_ambiguous_cell
// warning names it.
void MarkAmountTails(std::vector<Line>& lines, const TailOptions& options,
                     std::vector<Warning>& warnings) {
  for (std::size_t l = 1; l < lines.size(); ++l) {
    Line& line = lines[l];
    const Line& above = lines[l - 1];
    if (line.leader || above.leader) continue;
    const double height = std::max(1.0, above.box.height());
    if (line.box.y0 - above.box.y1 > 0.5 * height) continue;
    // Under a line of rests only the amounts they make go on (the third line of an amount
    // wrapped over three), never a code's rest nor a wrapped label.
    const std::vector<std::string> above_amounts = AmountsSoFar(lines, l - 1);
    std::vector<int> completes(line.chunks.size(), -1);
    std::vector<bool> code_rest(line.chunks.size(), false);  // completes a code, not an amount
    bool all = true;
    bool pieces = false;
    for (std::size_t c = 0; c < line.chunks.size() && all; ++c) {
      const Chunk& chunk = line.chunks[c];
      const std::string piece = Compact(chunk.text);
      std::vector<int> targets;
      for (std::size_t a = 0; a < above.chunks.size(); ++a) {
        const Chunk& upper = above.chunks[a];
        const bool under = SitsUnder(chunk, upper, 0.5 * above.em);
        const std::string& so_far = above_amounts[a];
        if (!under || so_far.empty()) continue;
        const std::string as_piece =
            IsLookalikeRest(piece, chunk, upper, above.em, options) ? "1" : piece;
        // The second line of an amount; up to kMaxAmountLines - 2 more may complete it.
        if (ContinuesAmount(lines, l, chunk, so_far, as_piece, options, kMaxAmountLines - 2)) {
          targets.push_back(static_cast<int>(a));
        }
      }
      if (targets.empty() && chunk.figure) {
        if (const std::optional<std::size_t> code =
                CodeItCompletes(lines, l, chunk, above_amounts)) {
          completes[c] = static_cast<int>(*code);
          code_rest[c] = true;
          continue;
        }
      }
      if (targets.size() == 1) {
        completes[c] = targets.front();
        pieces = true;
      } else if (targets.size() > 1) {
        warnings.push_back(
            Warning{"pdf_ambiguous_cell",
                    "\"" + chunk.text +
                        "\" under a table row could complete more than one amount above it; "
                        "left where it is printed",
                    Provenance{}});
        warnings.back().provenance.box = chunk.box;
        all = false;
      } else if (chunk.figure) {
        all = false;  // besides the pieces, only wrapped labels (the label
                      // column's, a summary's 支出 side: 财政拨款 | 69 | 务支出 | 74)
      }
    }
    // A line of code rests, perhaps beside the label's (项 "0" over "2" where the amounts fit,
    // 205080 培训 over 3 支出), completes the codes too.
    const bool code_rests =
        std::any_of(code_rest.begin(), code_rest.end(), [](bool rest) { return rest; });
    if (!all || !(pieces || code_rests)) continue;
    line.tail = true;
    // The head of a wrapped amount ("2,789,270." over "19") is no figure on
    // its own; completed, it is money, and its line a body row.
    for (std::size_t c = 0; c < completes.size(); ++c) {
      if (completes[c] < 0 || code_rest[c]) continue;
      Chunk& upper = lines[l - 1].chunks[static_cast<std::size_t>(completes[c])];
      // A label run into its amount stays a label: BuildTable splits the amount off.
      const std::string upper_text = Compact(upper.text);
      if (AmountOfChunk(upper_text).size() != upper_text.size()) continue;
      upper.figure = true;
      upper.money = true;
    }
    line.completes = std::move(completes);
    line.code_rests = std::move(code_rest);
  }
}

void MarkRowCutAtPageFoot(std::vector<Line>& lines, double page_height) {
  // The page's last line, above a page number in its foot (no amount, whole or cut: "- 4 -").
  const auto page_number = [](const Line& line) {
    return !HasMoney(line) &&
           std::none_of(line.chunks.begin(), line.chunks.end(),
                        [](const Chunk& chunk) { return IsCutAmountPiece(Compact(chunk.text)); });
  };
  std::size_t last = lines.size();
  while (last > 0 && page_number(lines[last - 1]) &&
         OnlyFootLinesFrom(lines, last - 1, page_height)) {
    --last;
  }
  if (last < 2) return;
  Line& cut = lines[last - 1];
  if (cut.leader || cut.tail || cut.box.y0 < kFootShare * page_height) return;
  // The row above: the nearest body row, under which only its tails stand.
  std::size_t row = last - 1;
  while (row > 0 && lines[row - 1].tail) --row;
  if (row == 0 || !IsBodyRow(lines[row - 1])) return;
  std::vector<double> edges;  // the amounts' right edges of the row above and its tails
  for (std::size_t l = row - 1; l < last - 1; ++l) {
    for (const Chunk& chunk : lines[l].chunks) {
      if (chunk.money) edges.push_back(chunk.box.x1);
    }
  }
  std::vector<std::size_t> heads;
  for (std::size_t c = 0; c < cut.chunks.size(); ++c) {
    const Chunk& chunk = cut.chunks[c];
    const std::string text = Compact(chunk.text);
    if (chunk.figure || !IsCutAmountPiece(text)) continue;
    const bool on_a_column = std::any_of(edges.begin(), edges.end(), [&](double edge) {
      return std::abs(chunk.box.x1 - edge) <= kRightEdgeTolEm * cut.em;
    });
    if (!on_a_column) return;
    heads.push_back(c);
  }
  for (std::size_t c : heads) {
    cut.chunks[c].figure = true;
    cut.chunks[c].money = true;
  }
}

}  // namespace disclose::pdf::unruled
