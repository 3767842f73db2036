// Stage 3 of the unruled table detector (see unruled_stages.h): which runs
// of lines are a table's body. A body row has a figure after its first chunk;
// a run of at least three, two of them printed as money, is a table. Label
// rows, wrapped labels and a repeated 栏次 row may sit between its rows.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
namespace {

// Whether every chunk of `line` lies within the x-extent of the label and
// text cells of the run's body rows: a label's wrapped rest never leaves its
// cell, a note or paragraph after the table does.
bool WithinTextCells(const std::vector<Line>& lines, const Candidate& run, const Line& line) {
  std::vector<std::pair<double, double>> cells;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      if (!IsAmount(lines[l], c) && !lines[l].chunks[c].figure) {
        cells.emplace_back(lines[l].chunks[c].box.x0, lines[l].chunks[c].box.x1);
      }
    }
  }
  const double slack = 0.5 * line.em;
  return std::all_of(line.chunks.begin(), line.chunks.end(), [&](const Chunk& chunk) {
    return std::any_of(cells.begin(), cells.end(), [&](const std::pair<double, double>& cell) {
      return chunk.box.x0 >= cell.first - slack && chunk.box.x1 <= cell.second + slack &&
             chunk.box.x0 <= cell.second;
    });
  });
}

// A class code in a code column of its own: 类 201 / 301, 款 20101 / 30101,
// 项 2010101, digits only (a year or a count is no code).
bool IsClassCodeChunk(const Chunk& chunk) {
  const std::string text = Compact(chunk.text);
  return (text.size() == 3 || text.size() == 5 || text.size() == 7) && !chunk.money &&
         AllDigitChars(text);
}

// A row of a classification: its label starts with a code of three or more
// digits (201 一般公共服务支出, 2010101, or the 类 code alone before 款 and 项)
// and no label follows an amount (a summary's two sides).
bool IsCodedRow(const Line& line) {
  if (line.chunks.empty() || IsAmount(line, 0)) return false;
  const std::string text = Compact(line.chunks.front().text);
  if (LeadingAsciiDigits(text) < 3) return false;
  bool amounts = false;
  for (std::size_t c = 1; c < line.chunks.size(); ++c) {
    if (IsAmount(line, c)) {
      amounts = true;
    } else if (amounts) {
      return false;
    }
  }
  return true;
}

// Whether `text` holds a year before 年 (2023年度).
bool NamesAYear(std::string_view text) {
  for (std::size_t at = text.find("年"); at != std::string_view::npos;
       at = text.find("年", at + 1)) {
    if (at >= 4 && std::all_of(text.begin() + static_cast<long>(at - 4),
                               text.begin() + static_cast<long>(at), IsDigitChar)) {
      return true;
    }
  }
  return false;
}

// Whether lines [from, to) under the run are row labels set as its rows are: each label row at
// most half a pitch further from the row above than the run's rows are apart, and none naming a
// year (2023年度一般公共预: a wrapped title after the table, not a row).
bool LabelRowsAtTheRunsPitch(const std::vector<Line>& lines, const Candidate& run, int rows,
                             std::size_t from, std::size_t to) {
  if (rows < 2) return false;
  const double pitch =
      (lines[run.last].box.y0 - lines[run.first].box.y0) / static_cast<double>(rows - 1);
  for (std::size_t l = from; l < to; ++l) {
    for (const Chunk& chunk : lines[l].chunks) {
      if (NamesAYear(Compact(chunk.text))) return false;
    }
    if (IsLabelRowLine(lines, run, l) && lines[l].box.y0 - lines[l - 1].box.y0 > 1.5 * pitch) {
      return false;
    }
  }
  return true;
}

// Whether line `l` is a header line right over line `l + 1`: figure-free words, two or more,
// no caption, unit or leader, at most a row's gap above.
bool IsHeaderLineOver(const std::vector<Line>& lines, std::size_t l) {
  const Line& line = lines[l];
  const Line& below = lines[l + 1];
  const double height = std::max(1.0, below.box.height());
  return below.box.y0 - line.box.y1 <= kRowGapLines * height && !line.leader && !line.tail &&
         line.chunks.size() >= 2 && !IsCaptionLine(line) && !DeclaresUnit(line) &&
         std::none_of(line.chunks.begin(), line.chunks.end(),
                      [](const Chunk& chunk) { return chunk.figure; });
}

// Whether the line right above the run's first row is a header line of several words (three or
// more).
bool UnderAHeaderLine(const std::vector<Line>& lines, const Candidate& run) {
  return run.first > 0 && IsHeaderLineOver(lines, run.first - 1) &&
         lines[run.first - 1].chunks.size() >= 3;
}

// Whether a header sits right above the run's first row: header lines up from it, one of them of
// three words or more. A header wrapped a piece a line ends on a line of a few words (费 | 费
// under 公务用车购置费 and 公务接待费 wrapped over eight lines).
bool UnderAHeader(const std::vector<Line>& lines, const Candidate& run) {
  for (std::size_t l = run.first; l > 0 && run.first - l < kMaxHeaderBlockLines; --l) {
    if (!IsHeaderLineOver(lines, l - 1)) return false;
    if (lines[l - 1].chunks.size() >= 3) return true;
  }
  return false;
}

// A table broken at a page foot may leave only its header and one or two
// rows on the page (the rest continues on the next page). Such a short run is
// a table when its first row sits right under a header line (figure-free,
// several chunks, no caption), a row carries a classification code and
// nothing follows it on the page but a label wrapped tight under it or a
// line in the page's foot (a page number). Rows at a page's top, with a note
// under them, are left to the page-break joining. Without a code one or two rows are too little to
// tell the columns: a lone 合计 under a split 类/款/项 header, or a summary's first row, read
// wrong, and the page-break joining reads those better.
bool IsShortRunAtPageFoot(const std::vector<Line>& lines, const Candidate& run,
                          double page_height) {
  bool coded = false;
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (IsBodyRow(lines[l])) coded = coded || IsCodedRow(lines[l]);
  }
  if (!coded) return false;
  // Nothing after the rows but a label wrapped tight under the last and the page's foot.
  std::size_t after = run.last + 1;
  if (after < lines.size() && lines[after].chunks.size() == 1 && IsWrappedLabelLine(lines, after)) {
    ++after;
  }
  return OnlyFootLinesFrom(lines, after, page_height) && UnderAHeaderLine(lines, run);
}

// A row of amounts and nothing else, three or more of them: a columnar table's only row (the
// national template's 三公 table: 合计 | 因公出国（境）费 | 小计 | 购置费 | 运行费 | 公务接待费
// over one line of figures). Two amounts, or a label before them, are too little to tell a table
// from a line of prose or a total printed under one.
bool IsLoneRowOfAmounts(const Line& line) {
  if (line.chunks.size() < 3 || !HasMoney(line)) return false;
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    if (!IsAmount(line, c)) return false;
  }
  return true;
}

}  // namespace

// A line that may be the wrapped rest of the labels of the row above: no
// figure, no leader, and set tight under the line above (a cell's lines follow
// at the line pitch, while rows are further apart: LibreOffice and Word pad
// cells top and bottom).
bool IsWrappedLabelLine(const std::vector<Line>& lines, std::size_t j) {
  if (j == 0) return false;
  const Line& line = lines[j];
  if (line.leader || line.tail || line.chunks.empty()) return false;
  if (std::any_of(line.chunks.begin(), line.chunks.end(),
                  [](const Chunk& chunk) { return chunk.figure; })) {
    return false;
  }
  const Line& above = lines[j - 1];
  return line.box.y0 - above.box.y1 <= kWrapGapLines * std::max(1.0, above.box.height());
}

// Whether line `j` is a row of labels only inside a run: no figure but a
// leading class code, set at the row pitch (not tight under the line above:
// that is a wrapped label), and every word starting where a label, code or
// text cell of the run's rows starts. A side-by-side summary prints such rows
// wherever one side has more lines than the other or an amount is blank
// (三、事业收入 over 四、其他收入, 二、政府性基金预算拨款 | 二、城乡社区支出 with the
// income blank), a classified table wherever a class has no amount in any
// column (30206 | 电费 in a code column of its own); a note or a title never
// starts at a cell's left edge in every word.
bool IsLabelRowLine(const std::vector<Line>& lines, const Candidate& run, std::size_t j) {
  const Line& line = lines[j];
  if (j == 0 || line.leader || line.tail || line.chunks.empty() || IsColumnNumbers(line) ||
      IsCaptionLine(line) || DeclaresUnit(line)) {
    return false;
  }
  // No figure, and no sentence: a cell's label never holds 。 or ends in
  // ；，： (justified prose with a number on some lines is no table).
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    const Chunk& chunk = line.chunks[c];
    if ((chunk.figure && !(c == 0 && line.chunks.size() >= 2 && IsClassCodeChunk(chunk))) ||
        Contains(chunk.text, "。") || EndsWith(chunk.text, "；") || EndsWith(chunk.text, "，") ||
        EndsWith(chunk.text, "：")) {
      return false;
    }
  }
  const Line& above = lines[j - 1];
  const double height = std::max(1.0, above.box.height());
  const double gap = line.box.y0 - above.box.y1;
  if (gap <= kWrapGapLines * height || gap > kRowGapLines * height) return false;
  std::vector<double> starts;
  std::vector<double> amounts;  // left edges of the run's amounts
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const Chunk& chunk = lines[l].chunks[c];
      if (!chunk.figure || (c == 0 && IsClassCodeChunk(chunk))) starts.push_back(chunk.box.x0);
      if (IsAmount(lines[l], c)) amounts.push_back(chunk.box.x0);
    }
  }
  // A label stays in its cell: it ends before the amounts right of it begin.
  // A line of justified prose runs over them (a paragraph whose lines hold a
  // number or not made a table of label rows, js_procuratorate_2018 p28).
  return std::all_of(line.chunks.begin(), line.chunks.end(), [&](const Chunk& chunk) {
    const bool in_cell = std::none_of(amounts.begin(), amounts.end(), [&](double x0) {
      return x0 > chunk.box.x0 && x0 < chunk.box.x1;
    });
    return in_cell && std::any_of(starts.begin(), starts.end(), [&](double x0) {
             return std::abs(chunk.box.x0 - x0) <= kTextColumnTolEm * line.em;
           });
  });
}

namespace {

// A row with an amount that stops where a wrapped amount's first line does ("4,761.0",
// "14,620.", "2,639,65") and no line under it that holds the rest: OCR reads no lone "4" under
// 12 pt amounts in narrow columns, so the next row starts a line further down than the row
// pitch allows, and the table ended at every such row (s3w_0058_budget, s3w_0139_final).
bool AwaitsUnreadRest(const std::vector<Line>& lines, std::size_t row) {
  const Line& line = lines[row];
  if (!IsBodyRow(line) || (row + 1 < lines.size() && lines[row + 1].tail)) return false;
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    if (IsAmount(line, c) && line.chunks[c].money &&
        !IsWellFormedAmount(Compact(line.chunks[c].text))) {
      return true;
    }
  }
  return false;
}

// The rest's line that OCR did not read, with its leading: a wrapped line follows at about 1.2
// lines.
constexpr double kUnreadRestLines = 1.5;

}  // namespace

// Runs of body rows, allowing label lines between them: one label line
// anywhere, up to kMaxLabelRows rows of labels only at the row pitch, or up
// to kMaxWrappedLines tight lines (a label wrapped over several lines in a
// narrow column); after the last row, tight label lines that stay within the
// label cells.
std::vector<Candidate> FindRuns(const std::vector<Line>& lines, double page_height) {
  std::vector<Candidate> runs;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (!IsBodyRow(lines[i])) {
      ++i;
      continue;
    }
    Candidate run{i, i};
    bool labels_to_foot = false;
    int rows = 1;
    int money = HasMoney(lines[i]) ? 1 : 0;
    std::size_t j = i + 1;
    while (j < lines.size()) {
      const Line& previous = lines[j - 1];  // the row above or its wrapped label
      const double height = std::max(1.0, previous.box.height());
      const double gap_lines =
          kRowGapLines + (AwaitsUnreadRest(lines, j - 1) ? kUnreadRestLines : 0.0);
      if (lines[j].box.y0 - previous.box.y1 > gap_lines * height) break;
      if (IsBodyRow(lines[j])) {
        run.last = j;
        ++rows;
        money += HasMoney(lines[j]) ? 1 : 0;
        ++j;
        continue;
      }
      if (lines[j].tail) {  // the wrapped rest of the row above
        run.last = j;
        ++j;
        continue;
      }
      // A 栏次 row repeated over the rows that continue the table.
      if (IsColumnNumbers(lines[j]) && j + 1 < lines.size() && IsBodyRow(lines[j + 1])) {
        ++j;
        continue;
      }
      // A wrapped label: one chunk, no figure, followed by another row.
      const bool label_only =
          lines[j].chunks.size() == 1 && !lines[j].chunks[0].figure && !lines[j].leader;
      if (label_only && j + 1 < lines.size() && IsBodyRow(lines[j + 1])) {
        ++j;
        continue;
      }
      // Rows of labels only, each perhaps wrapped over tight lines (the wrapped
      // rest of the row above too: 一、一般公共预算财政拨 / 款收入, then
      // 二、政府性基金预算财政 / 拨款收入 with its amount blank), then another
      // row.
      std::size_t rows_of_labels = j;
      std::size_t label_rows = 0;
      while (rows_of_labels < lines.size() && rows_of_labels - j < 2 * kMaxLabelRows) {
        if (IsLabelRowLine(lines, run, rows_of_labels)) {
          if (++label_rows > kMaxLabelRows) break;
        } else if (!IsWrappedLabelLine(lines, rows_of_labels)) {
          break;
        }
        ++rows_of_labels;
      }
      if (label_rows == 0) rows_of_labels = j;
      // Rows of labels down to the page's foot under a run too short to be a table on its own:
      // the table goes on on the next page (a summary's income lines printed with their amounts
      // blank, 三、… 九、, the sweep's national template). A run long enough keeps its own end
      // (a label's wrapped rest laid under its row by the page-break joining stays that).
      if (rows < kMinRows && rows_of_labels > j &&
          OnlyFootLinesFrom(lines, rows_of_labels, page_height) &&
          LabelRowsAtTheRunsPitch(lines, run, rows, j, rows_of_labels)) {
        run.last = rows_of_labels - 1;
        labels_to_foot = true;
        break;
      }
      if (rows_of_labels > j && rows_of_labels < lines.size() && IsBodyRow(lines[rows_of_labels]) &&
          lines[rows_of_labels].box.y0 - lines[rows_of_labels - 1].box.y1 <=
              kRowGapLines * height) {
        j = rows_of_labels;
        continue;
      }
      // A label wrapped over several tight lines; over more where every line stays inside the
      // label and text cells (a name column two characters wide: 政府办 / 公厅 / （室） / …).
      std::size_t k = j;
      while (k < lines.size() && IsWrappedLabelLine(lines, k) &&
             (k - j < kMaxWrappedLines ||
              (k - j < kMaxWrappedLinesInCells && WithinTextCells(lines, run, lines[k])))) {
        ++k;
      }
      if (k == j) break;
      if (k < lines.size() && IsBodyRow(lines[k]) &&
          lines[k].box.y0 - lines[k - 1].box.y1 <= kRowGapLines * height) {
        j = k;
        continue;
      }
      // After the last row: only lines that stay within the label cells.
      std::size_t kept = j;
      while (kept < k && WithinTextCells(lines, run, lines[kept])) ++kept;
      if (kept > j) run.last = kept - 1;
      break;
    }
    // Two rows of money under a header line with rows of labels to the page's foot tell the
    // columns as well as three rows do: the labels line up under the first row's. So does one
    // row of amounts only under a header line: each amount is its column.
    if ((rows >= kMinRows && money >= kMinMoneyRows) ||
        (money >= 1 && money == rows && IsShortRunAtPageFoot(lines, run, page_height)) ||
        (labels_to_foot && money >= kMinMoneyRows && money == rows &&
         UnderAHeaderLine(lines, run)) ||
        (rows == 1 && IsLoneRowOfAmounts(lines[run.first]) && UnderAHeader(lines, run))) {
      runs.push_back(run);
    }
    i = run.last + 1;
  }
  return runs;
}

}  // namespace disclose::pdf::unruled
