// Stage 4b of the unruled table detector (see unruled_stages.h): where the
// alignment does not decide a number's cell, the cell is reported, not
// guessed.
//
// The evidence is the other rows' bands. An amount whose glyphs reach into
// the band of the amount column before its own (its left part under that
// column's figures) straddles two columns; two amounts of one row that fall
// in one cell were joined from runs far apart; a digit piece grouped as no
// amount is (`1,209,5`, `.75`, `3,45`) is a number cut. Each is a warning
// naming the text as printed, its row and its box; the normalizer turns it
// into a finding naming the cell (normalize/cell_warnings.h).
//
// Not done here: joining two pieces side by side into one number. A join of
// two digit pieces that make one well-formed amount, one of them none alone,
// was tried (branch pdfs2): no change on seeds 1 and 3, 101 figures lost on
// the held-out seed 2, so it was taken out.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
namespace {

// Digits, commas and points only, a minus sign first: what a piece of a
// printed amount can hold.
bool IsNumberPiece(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return IsDigitPiece(text) && std::any_of(text.begin(), text.end(), IsDigitChar);
}

// A digit piece no publisher prints as an amount: a comma group of other than
// three digits (`1,209,5`, `3,45`), a leading separator (`.75`, `,583`), two
// points. Decimals of any length are a publisher's choice (`12.5`, 万元 to
// four places), not a cut; a trailing point is an amount cut after its point,
// which MarkAmountTails and the page-break stitch complete.
bool IsMisgrouped(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  if (text.front() == ',' || text.front() == '.') return true;
  if (std::count(text.begin(), text.end(), '.') > 1) return true;
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  if (point != std::string_view::npos && point + 1 < text.size() &&
      text.substr(point + 1).find(',') != std::string_view::npos) {
    return true;
  }
  if (whole.find(',') == std::string_view::npos) return false;
  std::size_t group = 0;
  bool first = true;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i == whole.size() || whole[i] == ',') {
      if (group == 0 || group > 3 || (!first && group != 3)) return true;
      first = false;
      group = 0;
    } else {
      ++group;
    }
  }
  return false;
}

}  // namespace

bool IsAmountWithMisplacedGroupMarks(std::string_view text) {
  constexpr std::size_t kDecimals = 2;
  constexpr std::ptrdiff_t kLeastWholeDigits = 4;
  const std::size_t point = text.find('.');
  if (point == std::string_view::npos || point == 0 || point + 1 + kDecimals != text.size() ||
      !IsDigitChar(text.front())) {
    return false;
  }
  const std::string_view whole = text.substr(0, point);
  const std::string_view decimals = text.substr(point + 1);
  return std::all_of(decimals.begin(), decimals.end(), IsDigitChar) &&
         std::all_of(whole.begin(), whole.end(),
                     [](char c) { return IsDigitChar(c) || c == ','; }) &&
         whole.find(',') != std::string_view::npos && whole.find(",,") == std::string_view::npos &&
         whole.back() != ',' &&
         std::count_if(whole.begin(), whole.end(), IsDigitChar) >= kLeastWholeDigits;
}

namespace {

Warning CellWarning(std::string code, const std::string& message, const Box& box) {
  Warning warning{std::move(code), message, Provenance{}};
  warning.provenance.box = box;
  return warning;
}

// The row's label as printed (its chunks left of the amounts), for messages.
std::string RowLabel(const Line& line) {
  std::string label;
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    if (IsAmount(line, c)) break;
    label += line.chunks[c].text;
  }
  return label;
}

}  // namespace

void ReportCutAmounts(const std::vector<Line>& lines, const Candidate& run,
                      const std::vector<Column>& columns, double label_limit, double em, bool ocr,
                      std::vector<Warning>& warnings) {
  for (std::size_t l = run.first; l <= run.last; ++l) {
    const Line& line = lines[l];
    if (!IsBodyRow(line)) continue;
    const std::string label = RowLabel(line);
    std::vector<int> held(columns.size() + 1, -1);  // per column: the amount chunk in it
    for (std::size_t c = 0; c < line.chunks.size(); ++c) {
      const Chunk& chunk = line.chunks[c];
      const std::string text = Compact(chunk.text);
      // The head of an amount wrapped in its cell ("1,209,58" over "3.75")
      // is completed by the line below (MarkAmountTails).
      const bool completed = l + 1 < lines.size() && lines[l + 1].tail &&
                             std::find(lines[l + 1].completes.begin(), lines[l + 1].completes.end(),
                                       static_cast<int>(c)) != lines[l + 1].completes.end();
      if (c > 0 && !completed && IsNumberPiece(text) && IsMisgrouped(text) &&
          !(ocr && IsAmountWithMisplacedGroupMarks(text))) {
        warnings.push_back(CellWarning(
            "pdf_cut_amount",
            "\"" + chunk.text + "\" in row \"" + label +
                "\" is grouped as no amount is: part of a number cut by a column or a wrap; not "
                "read as an amount",
            chunk.box));
        continue;
      }
      // Money only: small whole numbers are code pieces, which the column
      // stage places (AmountColumns).
      if (!IsAmount(line, c) || !chunk.money) continue;
      const int column = ColumnOf(chunk, columns, label_limit, false, em);
      if (column <= 0 || columns[static_cast<std::size_t>(column - 1)].text) continue;
      // Its left part under the figures of the amount column before its own:
      // its digits straddle two columns' bands.
      if (column >= 2) {
        const Column& before = columns[static_cast<std::size_t>(column - 2)];
        if (!before.text && before.lo <= before.hi && chunk.box.x0 < before.edge - 0.25 * em) {
          warnings.push_back(CellWarning(
              "pdf_straddling_amount",
              "\"" + chunk.text + "\" in row \"" + label +
                  "\" reaches into the column before its own: its digits straddle two columns; "
                  "read whole in the column of its right edge",
              chunk.box));
        }
      }
      int& first = held[static_cast<std::size_t>(column)];
      if (first >= 0) {
        const Chunk& other = line.chunks[static_cast<std::size_t>(first)];
        warnings.push_back(
            CellWarning("pdf_joined_amount",
                        "\"" + other.text + "\" and \"" + chunk.text + "\" in row \"" + label +
                            "\" fall in one cell, printed apart: the cell joins two numbers",
                        Union(other.box, chunk.box)));
      } else {
        first = static_cast<int>(c);
      }
    }
  }
}

}  // namespace disclose::pdf::unruled
