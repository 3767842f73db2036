// Tables without inner rules: three-line tables (a rule above the header,
// one below it and one at the end) and tables with no rules at all, as Word
// and WPS print them when borders are switched off.
//
// There are no cell borders to read, so the grid is inferred from text:
//   1. free glyphs (not in a ruled table) form lines by vertical overlap, and
//      each line splits into chunks at gaps wider than a column gap;
//   2. a body row is a line with a figure chunk after its first chunk (or two
//      figures); a run of at least three such rows, at least two of them with
//      figures printed as money (a separator or decimals), is a table;
//   3. amounts are right-aligned, so amount columns are clusters of the
//      figures' right edges; everything left of the leftmost amount is the
//      label column;
//   4. up to three lines just above the first row with no figures are the
//      header; a label-only line between two rows continues the row above
//      (a wrapped name);
//   5. an amount too wide for its cell wraps: "1,209,583.7" over "5", or
//      "12,672" over ".73". A line of digit pieces under a row's amounts joins
//      the amount it completes (a well-formed amount only with the piece); a
//      piece that could complete two amounts is reported, not guessed.
// Dotted leaders (a table of contents) never make a row.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {
namespace {

constexpr double kColumnGapEm = 1.2;  // a gap this wide (in em) separates chunks
// Beside a digit a narrower gap does: in a table with narrow columns the
// padding of two cells (2 x 0.19 cm in Word and LibreOffice) is under an em,
// and "38,015.39" ran into the next cell's "科学技术支出" and its 行次 "7".
// Digits inside one number are set tight; a typed half-width space stays under
// this.
constexpr double kDigitGapEm = 0.6;
constexpr double kTextColumnTolEm = 1.0;  // left edges this close are one text column
constexpr double kRightEdgeTolEm = 0.8;   // right edges this close are one column
constexpr double kRowGapLines = 2.5;      // rows further apart (in line heights) end a table
constexpr int kMinRows = 3;
constexpr int kMinMoneyRows = 2;
constexpr int kMaxHeaderLines = 4;
// A label's wrapped lines follow at the line pitch: gaps under half a line.
constexpr double kWrapGapLines = 0.5;
constexpr std::size_t kMaxWrappedLines = 4;
// Rows printed with labels only, one after another (a summary's 三、事业收入 /
// 四、其他收入 with their amounts blank, one side longer than the other).
constexpr std::size_t kMaxLabelRows = 8;

struct Chunk {
  Box box;
  std::vector<int> glyphs;
  std::string text;
  bool figure = false;  // a number, "-" or "—" in an amount position
  bool money = false;   // a number printed with a separator or decimals
};

struct Line {
  Box box;
  double em = 10;
  std::vector<Chunk> chunks;
  bool leader = false;  // dotted leaders: a table of contents line
  // The wrapped rest of the amounts of the line above (rule 5): per chunk,
  // the index of the chunk above it completes, or -1 for a wrapped label.
  bool tail = false;
  std::vector<int> completes;
};

double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

bool IsDigitChar(char c) {
  return c >= '0' && c <= '9';
}

// "1,234.56", "-12.00", "(3.50)", "0", "12%"-less plain numbers; "-" and "—"
// stand for zero in an amount cell.
void ClassifyChunk(Chunk& chunk) {
  const std::string text = RemoveAllWhitespace(FoldForMatching(chunk.text));
  if (text == "-" || text == "—" || text == "--" || text == "——") {
    chunk.figure = true;
    return;
  }
  std::string_view body = text;
  if (!body.empty() && (body.front() == '-' || body.front() == '(')) body.remove_prefix(1);
  if (!body.empty() && body.back() == ')') body.remove_suffix(1);
  if (body.empty() || !IsDigitChar(body.front()) || !IsDigitChar(body.back())) return;
  bool separator = false;
  int points = 0;
  for (char c : body) {
    if (IsDigitChar(c)) continue;
    if (c == ',') {
      separator = true;
    } else if (c == '.') {
      ++points;
    } else {
      return;
    }
  }
  if (points > 1) return;
  chunk.figure = true;
  chunk.money = separator || points == 1;
}

// "单位：元", "金额单位:万元", "编制单位：…" anywhere in the line.
bool DeclaresUnit(const Line& line) {
  std::string text;
  for (const Chunk& chunk : line.chunks) text += RemoveAllWhitespace(FoldForMatching(chunk.text));
  return Contains(text, "单位:");
}

bool HasLeader(std::string_view text) {
  return Contains(text, "…") || Contains(text, "....") || Contains(text, "···") ||
         Contains(text, "．．．");
}

std::vector<Line> BuildLines(const PageContent& page, const std::vector<char>& glyph_taken) {
  std::vector<int> free;
  for (int k = 0; k < static_cast<int>(page.glyphs.size()); ++k) {
    const Glyph& glyph = page.glyphs[k];
    if (glyph_taken[k] || glyph.rotation != 0 || Trim(glyph.text).empty()) continue;
    free.push_back(k);
  }
  std::sort(free.begin(), free.end(), [&](int a, int b) {
    return CenterY(page.glyphs[a].box) < CenterY(page.glyphs[b].box);
  });
  std::vector<std::vector<int>> groups;
  double top = 0;
  double bottom = 0;
  for (int k : free) {
    const Box& box = page.glyphs[k].box;
    const double height = std::max(0.1, box.height());
    if (!groups.empty()) {
      const double overlap = std::min(bottom, box.y1) - std::max(top, box.y0);
      if (overlap >= 0.5 * std::min(height, bottom - top)) {
        groups.back().push_back(k);
        top = std::min(top, box.y0);
        bottom = std::max(bottom, box.y1);
        continue;
      }
    }
    groups.push_back({k});
    top = box.y0;
    bottom = box.y1;
  }
  std::vector<Line> lines;
  for (std::vector<int>& group : groups) {
    std::sort(group.begin(), group.end(),
              [&](int a, int b) { return page.glyphs[a].box.x0 < page.glyphs[b].box.x0; });
    Line line;
    std::vector<double> sizes;
    for (int k : group) sizes.push_back(std::max(1.0, page.glyphs[k].font_size));
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2),
                     sizes.end());
    line.em = sizes[sizes.size() / 2];
    line.box = page.glyphs[group.front()].box;
    for (int k : group) {
      const Glyph& glyph = page.glyphs[k];
      line.box = Union(line.box, glyph.box);
      const double gap = line.chunks.empty() ? 0 : glyph.box.x0 - line.chunks.back().box.x1;
      // An amount cut after its point ("46." over "69" in a narrow cell)
      // ends in the point: still a number's edge.
      const char before =
          line.chunks.empty()
              ? ' '
              : page.glyphs[static_cast<std::size_t>(line.chunks.back().glyphs.back())].text.back();
      const bool digit_edge = !line.chunks.empty() && (IsDigitChar(before) || before == '.' ||
                                                       IsDigitChar(glyph.text.front()));
      if (line.chunks.empty() || gap > kColumnGapEm * line.em ||
          (digit_edge && gap > kDigitGapEm * line.em)) {
        line.chunks.push_back(Chunk{glyph.box, {}, {}, false, false});
      }
      Chunk& chunk = line.chunks.back();
      chunk.box = Union(chunk.box, glyph.box);
      chunk.glyphs.push_back(k);
    }
    std::string whole;
    for (Chunk& chunk : line.chunks) {
      chunk.text = CellText(page, chunk.glyphs);
      ClassifyChunk(chunk);
      whole += chunk.text;
    }
    line.leader = HasLeader(whole);
    lines.push_back(std::move(line));
  }
  return lines;
}

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

// Digits, commas and points only: what an amount's wrapped rest can hold.
bool IsDigitPiece(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return IsDigitChar(c) || c == ',' || c == '.';
  });
}

std::string Compact(std::string_view text) {
  return RemoveAllWhitespace(FoldForMatching(text));
}

// Whether `piece`, printed under `above`, is its wrapped rest: together they
// make a well-formed amount, and `above` alone is not one, or `piece` is the
// decimal part of an integer ("12,672" over ".73").
bool Completes(std::string_view above, std::string_view piece) {
  if (!IsDigitPiece(piece) || above.empty()) return false;
  const std::string joined = std::string(above) + std::string(piece);
  if (!IsWellFormedAmount(joined)) return false;
  if (!IsWellFormedAmount(above)) return true;
  return piece.front() == '.' && above.find('.') == std::string_view::npos;
}

// Rule 5 over every line: marks the lines that hold only the wrapped rests of
// the amounts above (and perhaps a wrapped label first). A piece that
// completes two amounts above is ambiguous: the line stays as it is and a
// warning names it.
void MarkAmountTails(std::vector<Line>& lines, std::vector<Warning>& warnings) {
  for (std::size_t l = 1; l < lines.size(); ++l) {
    Line& line = lines[l];
    const Line& above = lines[l - 1];
    if (line.leader || above.leader || above.tail) continue;
    const double height = std::max(1.0, above.box.height());
    if (line.box.y0 - above.box.y1 > 0.5 * height) continue;
    std::vector<int> completes(line.chunks.size(), -1);
    bool all = true;
    bool pieces = false;
    for (std::size_t c = 0; c < line.chunks.size() && all; ++c) {
      const Chunk& chunk = line.chunks[c];
      const std::string piece = Compact(chunk.text);
      std::vector<int> targets;
      for (std::size_t a = 0; a < above.chunks.size(); ++a) {
        const Chunk& upper = above.chunks[a];
        const double slack = 0.5 * above.em;
        const bool under =
            chunk.box.x0 < upper.box.x1 + slack && chunk.box.x1 > upper.box.x0 - slack;
        if (under && Completes(Compact(upper.text), piece)) targets.push_back(static_cast<int>(a));
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
    if (!all || !pieces) continue;
    line.tail = true;
    // The head of a wrapped amount ("2,789,270." over "19") is no figure on
    // its own; completed, it is money, and its line a body row.
    for (int target : completes) {
      if (target < 0) continue;
      Chunk& upper = lines[l - 1].chunks[static_cast<std::size_t>(target)];
      upper.figure = true;
      upper.money = true;
    }
    line.completes = std::move(completes);
  }
}

// Whether chunk `index` of a line is an amount: any figure after the first
// chunk; the first only when printed as money (a leading 201 / 30101 is a
// class code, a leading 1,234.00 the first amount of a label-less row).
bool IsAmount(const Line& line, std::size_t index) {
  const Chunk& chunk = line.chunks[index];
  return chunk.figure && (index > 0 || chunk.money);
}

// The 栏次 row (栏次 1 2 3 …) numbers the columns: part of the header, also
// where a page repeats it on top of the rows it continues.
bool IsColumnNumbers(const Line& line) {
  return !line.chunks.empty() && Contains(line.chunks.front().text, "栏次");
}

// A body row: amounts, with at most a code and a label before them; never a
// leader line nor a 栏次 row (its numbers, centred, made columns of their own
// when a repeated 栏次 row fell inside a table read across a page break).
bool IsBodyRow(const Line& line) {
  if (line.leader || line.tail || line.chunks.size() < 2 || IsColumnNumbers(line)) return false;
  std::size_t amounts = 0;
  for (std::size_t i = 0; i < line.chunks.size(); ++i) amounts += IsAmount(line, i) ? 1 : 0;
  return amounts >= 1 && line.chunks.size() - amounts <= 2;
}

bool HasMoney(const Line& line) {
  return std::any_of(line.chunks.begin(), line.chunks.end(),
                     [](const Chunk& chunk) { return chunk.money; });
}

// A table's caption, not its header: the unit line ("金额单位：元") or a
// title ("…支出决算表"), which may share a line with the table number or the
// unit. Taken into the header they hid the title from identification.
bool IsCaptionLine(const Line& line) {
  for (const Chunk& chunk : line.chunks) {
    const std::string text = Compact(chunk.text);
    if (Contains(text, "单位:") || Contains(text, "单位：")) return true;
    if (text.size() >= 3 * 3 && EndsWith(text, "表")) return true;
  }
  return false;
}

struct Candidate {
  std::size_t first = 0;  // line indices, inclusive
  std::size_t last = 0;
};

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

// Whether line `j` is a row of labels only inside a run: no figure, set at
// the row pitch (not tight under the line above: that is a wrapped label),
// and every word starting where a label or text cell of the run's rows
// starts. A side-by-side summary prints such rows wherever one side has
// more lines than the other or an amount is blank (三、事业收入 over
// 四、其他收入, 二、政府性基金预算拨款 | 二、城乡社区支出 with the income blank);
// a note or a title never starts at a cell's left edge in every word.
bool IsLabelRowLine(const std::vector<Line>& lines, const Candidate& run, std::size_t j) {
  const Line& line = lines[j];
  if (j == 0 || line.leader || line.tail || line.chunks.empty() || IsColumnNumbers(line) ||
      IsCaptionLine(line) || DeclaresUnit(line)) {
    return false;
  }
  // No figure, and no sentence: a cell's label never holds 。 or ends in
  // ；，： (justified prose with a number on some lines is no table).
  if (std::any_of(line.chunks.begin(), line.chunks.end(), [](const Chunk& chunk) {
        return chunk.figure || Contains(chunk.text, "。") || EndsWith(chunk.text, "；") ||
               EndsWith(chunk.text, "，") || EndsWith(chunk.text, "：");
      })) {
    return false;
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
      if (!lines[l].chunks[c].figure) starts.push_back(lines[l].chunks[c].box.x0);
      if (IsAmount(lines[l], c)) amounts.push_back(lines[l].chunks[c].box.x0);
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

// A row of a classification: its label starts with a code of three or more
// digits (201 一般公共服务支出, 2010101, or the 类 code alone before 款 and 项)
// and no label follows an amount (a summary's two sides).
bool IsCodedRow(const Line& line) {
  if (line.chunks.empty() || IsAmount(line, 0)) return false;
  const std::string text = Compact(line.chunks.front().text);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits < 3) return false;
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
  constexpr double kFootShare = 0.85;  // below this share of the height: the page's foot
  for (std::size_t l = run.last + 1; l < lines.size(); ++l) {
    if (lines[l].box.y0 >= kFootShare * page_height) continue;
    if (l == run.last + 1 && lines[l].chunks.size() == 1 && IsWrappedLabelLine(lines, l)) continue;
    return false;
  }
  if (run.first == 0) return false;
  const Line& above = lines[run.first - 1];
  const Line& first = lines[run.first];
  const double height = std::max(1.0, first.box.height());
  if (first.box.y0 - above.box.y1 > kRowGapLines * height) return false;
  if (above.leader || above.tail || above.chunks.size() < 3 || IsCaptionLine(above) ||
      DeclaresUnit(above)) {
    return false;
  }
  return std::none_of(above.chunks.begin(), above.chunks.end(),
                      [](const Chunk& chunk) { return chunk.figure; });
}

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
    int rows = 1;
    int money = HasMoney(lines[i]) ? 1 : 0;
    std::size_t j = i + 1;
    while (j < lines.size()) {
      const Line& previous = lines[j - 1];  // the row above or its wrapped label
      const double height = std::max(1.0, previous.box.height());
      if (lines[j].box.y0 - previous.box.y1 > kRowGapLines * height) break;
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
      if (rows_of_labels > j && rows_of_labels < lines.size() && IsBodyRow(lines[rows_of_labels]) &&
          lines[rows_of_labels].box.y0 - lines[rows_of_labels - 1].box.y1 <=
              kRowGapLines * height) {
        j = rows_of_labels;
        continue;
      }
      // A label wrapped over several tight lines.
      std::size_t k = j;
      while (k < lines.size() && k - j < kMaxWrappedLines && IsWrappedLabelLine(lines, k)) ++k;
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
    if ((rows >= kMinRows && money >= kMinMoneyRows) ||
        (money >= 1 && money == rows && IsShortRunAtPageFoot(lines, run, page_height))) {
      runs.push_back(run);
    }
    i = run.last + 1;
  }
  return runs;
}

// Right-edge clusters of the figures: one per amount column, left to right.
std::vector<double> AmountColumns(const std::vector<Line>& lines, const Candidate& run,
                                  double tolerance) {
  std::vector<std::pair<double, bool>> edges;  // right edge, printed as money
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      if (IsAmount(lines[l], c)) {
        edges.emplace_back(lines[l].chunks[c].box.x1, lines[l].chunks[c].money);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  std::vector<std::vector<double>> clusters;
  std::vector<bool> money;
  for (const auto& [edge, is_money] : edges) {
    if (clusters.empty() || edge - clusters.back().back() > tolerance) {
      clusters.emplace_back();
      money.push_back(false);
    }
    clusters.back().push_back(edge);
    money.back() = money.back() || is_money;
  }
  std::vector<double> columns;
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    // A stray small number is not a column, but one amount printed as money
    // is: a summary's income side often holds a single figure, and a column
    // of one figure on a continuation page is still a column.
    if (clusters[k].size() < 2 && !money[k]) continue;
    columns.push_back(clusters[k][clusters[k].size() / 2]);
  }
  return columns;
}

// A column right of the label column: an amount column keyed by its figures'
// right edge, or a text column (the labels of a summary's second side, a
// project name) by its left edge. (left, right] is its band, where a header
// word's centre falls.
struct Column {
  bool text = false;
  double edge = 0;
  double left = 0;
  double right = 0;
  // The x-extent of the column's body chunks (the figures or the words);
  // empty (lo > hi) for a column only its header shows.
  double lo = 1e18;
  double hi = -1e18;
  bool empty = false;  // no figure in the body: known from its header alone
};

// The amount columns at `amount_edges` and the text columns of the run's body
// rows (non-figure chunks right of the label column whose left edges line up
// on at least two rows), left to right, with their bands.
std::vector<Column> BuildColumns(const std::vector<Line>& lines, const Candidate& run,
                                 const std::vector<double>& amount_edges, double label_limit,
                                 double em) {
  struct Extent {
    double lo = 1e18, hi = -1e18;
  };
  std::vector<Extent> amounts(amount_edges.size());
  std::vector<std::pair<double, double>> texts;  // (x0, x1) of text chunks
  for (std::size_t l = run.first; l <= run.last; ++l) {
    if (!IsBodyRow(lines[l])) continue;
    for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
      const Chunk& chunk = lines[l].chunks[c];
      if (IsAmount(lines[l], c)) {
        for (std::size_t k = 0; k < amount_edges.size(); ++k) {
          if (std::abs(chunk.box.x1 - amount_edges[k]) <= kRightEdgeTolEm * em) {
            amounts[k].lo = std::min(amounts[k].lo, chunk.box.x0);
          }
        }
      } else if (!chunk.figure && chunk.box.x0 > label_limit + em) {
        texts.emplace_back(chunk.box.x0, chunk.box.x1);
      }
    }
  }
  std::sort(texts.begin(), texts.end());
  std::vector<Column> columns;
  std::vector<Extent> text_extent;
  for (std::size_t i = 0; i < texts.size();) {
    std::size_t j = i;
    Extent extent;
    while (j < texts.size() && texts[j].first - texts[i].first <= kTextColumnTolEm * em) {
      extent.lo = std::min(extent.lo, texts[j].first);
      extent.hi = std::max(extent.hi, texts[j].second);
      ++j;
    }
    if (j - i >= 2) {
      // A cluster starting inside the one before is the same cell's words
      // set further in (a narrow name column indents its lower levels, or
      // wraps "行政单位离" / "退休" flush left): cells never overlap, so
      // overlapping clusters are one column.
      if (!text_extent.empty() && extent.lo < text_extent.back().hi) {
        Extent& merged = text_extent.back();
        merged.hi = std::max(merged.hi, extent.hi);
        columns.back().hi = merged.hi;
      } else {
        columns.push_back(Column{true, extent.lo, 0, 0, extent.lo, extent.hi});
        text_extent.push_back(extent);
      }
    }
    i = j;
  }
  std::vector<Extent> column_extent = text_extent;
  for (std::size_t k = 0; k < amount_edges.size(); ++k) {
    columns.push_back(Column{false, amount_edges[k], 0, 0, amounts[k].lo, amount_edges[k]});
    column_extent.push_back(amounts[k]);
  }
  std::vector<std::size_t> order(columns.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return columns[a].edge < columns[b].edge; });
  std::vector<Column> sorted;
  std::vector<Extent> extents;
  for (std::size_t k : order) {
    sorted.push_back(columns[k]);
    extents.push_back(column_extent[k]);
  }
  // Band boundaries: after an amount column its right edge; before a text
  // column a little left of its edge; between a text column and the amounts
  // after it, halfway from the text's end to the figures' start.
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    sorted[k].left = k == 0 ? label_limit : sorted[k - 1].right;
    if (k + 1 == sorted.size()) {
      sorted[k].right = sorted[k].text ? 1e18 : sorted[k].edge + 1;
    } else if (!sorted[k].text) {
      sorted[k].right = sorted[k].edge + 1;
    } else if (sorted[k + 1].text) {
      sorted[k].right = sorted[k + 1].edge - 0.25 * em;
    } else {
      sorted[k].right = (extents[k].hi + std::min(extents[k + 1].lo, sorted[k + 1].edge)) / 2;
    }
    sorted[k].right = std::max(sorted[k].right, sorted[k].left);
  }
  return sorted;
}

// The band (0 for the label column) that holds x, or -1 between bands.
int BandOf(double x, const std::vector<Column>& columns, double label_limit) {
  if (x <= label_limit) return 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (x > columns[k].left && x <= columns[k].right) return static_cast<int>(k) + 1;
  }
  return -1;
}

// Column of a chunk: the label column (0) left of the amounts; a figure goes
// to the amount column whose right edge is nearest its own, a word to the
// text column it starts at, a header word to the column whose band holds its
// centre; anything else to the nearest right edge, as figures do.
int ColumnOf(const Chunk& chunk, const std::vector<Column>& columns, double label_limit,
             bool header, double em) {
  if (chunk.box.x1 <= label_limit) return 0;
  const double centre = (chunk.box.x0 + chunk.box.x1) / 2;
  if (header) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (centre > columns[k].left && centre <= columns[k].right) return static_cast<int>(k) + 1;
    }
  } else if (!chunk.figure) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].text && std::abs(chunk.box.x0 - columns[k].edge) <= kTextColumnTolEm * em) {
        return static_cast<int>(k) + 1;
      }
    }
    // A word set further in, within a text column's body: that column's.
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].text && chunk.box.x0 > columns[k].edge && chunk.box.x0 < columns[k].hi) {
        return static_cast<int>(k) + 1;
      }
    }
  }
  const double anchor = header ? centre : chunk.box.x1;
  int best = 0;
  double best_distance = 1e18;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].text && !header) continue;
    const double distance = std::abs(anchor - columns[k].edge);
    if (distance < best_distance) {
      best_distance = distance;
      best = static_cast<int>(k) + 1;
    }
  }
  return best;
}

// Header words: a header chunk split at gaps of a quarter em or more (words
// of neighbouring cells set closer than a column gap still leave a gap; the
// glyphs of one word are set tight).
std::vector<Chunk> HeaderWords(const PageContent& page, const Chunk& chunk, double em) {
  std::vector<Chunk> words;
  for (int k : chunk.glyphs) {
    const Box& box = page.glyphs[static_cast<std::size_t>(k)].box;
    if (words.empty() || box.x0 - words.back().box.x1 >= 0.25 * em) {
      words.push_back(Chunk{box, {}, {}, false, false});
    }
    words.back().box = Union(words.back().box, box);
    words.back().glyphs.push_back(k);
  }
  return words;
}

// Whether a header word starts within the label column: at or left of the
// longest label's end. A word starting right of every label is in another
// cell, even when it ends left of the first figures (a header set flush left
// in a wide cell, "合计" over right-aligned amounts).
bool StartsInLabels(const Chunk& word, double label_limit, double label_end, double em) {
  return word.box.x0 <= label_end + 0.5 * em && word.box.x1 <= label_limit;
}

// The columns whose body chunks a header word overlaps: a header sits over its
// column's figures whenever it is as wide as they are.
int OverlappedColumn(const Chunk& word, const std::vector<Column>& columns) {
  int hit = -1;
  int hits = 0;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const Column& column = columns[k];
    if (column.lo > column.hi) continue;
    if (word.box.x0 < column.hi && word.box.x1 > column.lo) {
      hit = static_cast<int>(k) + 1;
      ++hits;
    }
  }
  return hits == 1 ? hit : -1;
}

// A header word in a text column's band that starts right of everything the
// column's body prints is the next column's header set flush left in a wide
// cell ("小计" left-aligned over figures set flush right), as StartsInLabels
// reasons for the label column. Returns that next column, or -1.
int FlushLeftAfterTextColumn(const Chunk& word, const std::vector<Column>& columns,
                             double label_limit, double em) {
  const int band = BandOf(word.box.x0, columns, label_limit);
  if (band <= 0 || static_cast<std::size_t>(band) >= columns.size()) return -1;
  const Column& column = columns[static_cast<std::size_t>(band - 1)];
  if (!column.text || column.lo > column.hi || word.box.x0 <= column.hi + 0.5 * em) return -1;
  return band + 1;
}

// Columns no figure shows (`其他收入` all blank or zero-less): a header word
// right of the last amount column's band that overlaps no body chunk starts a
// column of its own, instead of joining its neighbour's header. Words of
// several header lines that overlap are one column.
void AddHeaderOnlyColumns(const PageContent& page, const std::vector<Line>& lines,
                          std::size_t header_first, std::size_t body_first, double label_limit,
                          double label_end, double em, std::vector<Column>& columns) {
  if (columns.empty() || columns.back().text) return;
  std::vector<std::pair<double, double>> words;  // (x0, x1)
  for (std::size_t l = header_first; l < body_first; ++l) {
    if (!lines[l].chunks.empty() && Contains(lines[l].chunks.front().text, "栏次")) continue;
    for (const Chunk& chunk : lines[l].chunks) {
      for (const Chunk& word : HeaderWords(page, chunk, em)) {
        if (StartsInLabels(word, label_limit, label_end, em)) continue;
        if (word.box.x0 <= columns.back().right || OverlappedColumn(word, columns) >= 0) continue;
        words.emplace_back(word.box.x0, word.box.x1);
      }
    }
  }
  std::sort(words.begin(), words.end());
  std::vector<std::pair<double, double>> merged;
  for (const auto& word : words) {
    if (!merged.empty() && word.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, word.second);
    } else {
      merged.push_back(word);
    }
  }
  for (std::size_t k = 0; k < merged.size(); ++k) {
    Column column;
    column.empty = true;
    column.edge = merged[k].second;
    column.left = columns.back().right;
    column.right = k + 1 < merged.size() ? (merged[k].second + merged[k + 1].first) / 2 : 1e18;
    columns.push_back(column);
  }
}

// A header word right of a text column's words, in that column's band: the
// header of the next column when the text column's own header word starts
// at its edge on the same line (header words set flush left in their cells,
// a summary's 支出功能分类 | 合计 over labels ending before 合计 starts and
// figures right-aligned well after it). Without its own word at the edge the
// column's header may be centred over short labels, and the word is left to
// the bands. Returns the column (1-based) or -1.
int NextToTextColumn(const Chunk& word, const std::vector<Chunk>& line_words,
                     const std::vector<Column>& columns, double em) {
  const double centre = (word.box.x0 + word.box.x1) / 2;
  for (std::size_t k = 0; k + 1 < columns.size(); ++k) {
    const Column& column = columns[k];
    if (!column.text || centre <= column.left || centre > column.right) continue;
    if (word.box.x0 <= column.hi + 0.5 * em) return -1;
    const bool own = std::any_of(line_words.begin(), line_words.end(), [&](const Chunk& other) {
      return std::abs(other.box.x0 - column.edge) <= kTextColumnTolEm * em &&
             other.box.x1 < word.box.x0;
    });
    return own ? static_cast<int>(k) + 2 : -1;
  }
  return -1;
}

DetectedTable BuildTable(const PageContent& page, std::vector<Line>& lines, const Candidate& run,
                         std::size_t header_first, const std::vector<Column>& columns,
                         double label_limit, double label_end, double em,
                         std::vector<char>& glyph_taken) {
  const int column_count = static_cast<int>(columns.size()) + 1;
  struct RowCells {
    std::vector<std::vector<int>> glyphs;
    std::vector<Box> boxes;
    std::vector<bool> filled;
    Box box;
  };
  std::vector<RowCells> rows;
  std::vector<Chunk> line_words;  // a header line's words
  auto add_chunk = [&](RowCells& row, const Chunk& chunk, int column) {
    auto& glyphs = row.glyphs[static_cast<std::size_t>(column)];
    glyphs.insert(glyphs.end(), chunk.glyphs.begin(), chunk.glyphs.end());
    Box& box = row.boxes[static_cast<std::size_t>(column)];
    box = row.filled[static_cast<std::size_t>(column)] ? Union(box, chunk.box) : chunk.box;
    row.filled[static_cast<std::size_t>(column)] = true;
    row.box = Union(row.box, chunk.box);
  };
  auto new_row = [&](const Line& line) {
    RowCells row;
    row.glyphs.resize(static_cast<std::size_t>(column_count));
    row.boxes.resize(static_cast<std::size_t>(column_count));
    row.filled.assign(static_cast<std::size_t>(column_count), false);
    row.box = line.box;
    return row;
  };
  for (std::size_t l = header_first; l <= run.last; ++l) {
    const Line& line = lines[l];
    const bool header = l < run.first || IsColumnNumbers(line);
    // A line without amounts continues the row above when it is set tight
    // under it (a wrapped label) or holds an amount's wrapped rest; at the
    // row pitch it is a row of labels only (IsLabelRowLine).
    const bool continuation = !header && !IsBodyRow(line) && !rows.empty() &&
                              (line.tail || !IsLabelRowLine(lines, run, l));
    if (!continuation) rows.push_back(new_row(line));
    RowCells& row = rows.back();
    for (std::size_t c = 0; c < line.chunks.size(); ++c) {
      const Chunk& chunk = line.chunks[c];
      if (header && c == 0) {
        line_words.clear();
        for (const Chunk& each : line.chunks) {
          for (Chunk& word : HeaderWords(page, each, em)) line_words.push_back(std::move(word));
        }
      }
      if (header) {
        // A header word goes to the label column when it starts among the
        // labels, else to the one column whose figures it overlaps; failing
        // both, by the bands. Header words of neighbouring cells may be set
        // closer than a column gap ("项目金额项目（按功能分类）金额"): a cell
        // never overflows, so a word whose glyphs sit in several bands is cut
        // where the band changes.
        for (const Chunk& word : HeaderWords(page, chunk, em)) {
          if (StartsInLabels(word, label_limit, label_end, em)) {
            add_chunk(row, word, 0);
            continue;
          }
          if (const int over = OverlappedColumn(word, columns); over > 0) {
            add_chunk(row, word, over);
            continue;
          }
          // Two readings of a header set flush left in a wide cell: just right of
          // the names' column (pdfcode's sweep s1_0081) or next to a text column
          // whose words it would otherwise join (a summary's 支出 labels).
          int next = FlushLeftAfterTextColumn(word, columns, label_limit, em);
          if (next <= 0) next = NextToTextColumn(word, line_words, columns, em);
          if (next > 0) {
            add_chunk(row, word, next);
            continue;
          }
          std::vector<std::vector<int>> runs;
          int band = -1;
          for (int k : word.glyphs) {
            const Box& box = page.glyphs[static_cast<std::size_t>(k)].box;
            // Right of every label: the first column's band reaches back to
            // the labels' end.
            const double x = (box.x0 + box.x1) / 2;
            int here = BandOf(x, columns, label_limit);
            if (here == 0 && !columns.empty() && x > label_end + 0.25 * em) here = 1;
            if (runs.empty() || here != band) runs.emplace_back();
            runs.back().push_back(k);
            band = here;
          }
          for (const std::vector<int>& run_glyphs : runs) {
            Chunk piece{page.glyphs[static_cast<std::size_t>(run_glyphs.front())].box,
                        run_glyphs,
                        {},
                        false,
                        false};
            for (int k : run_glyphs)
              piece.box = Union(piece.box, page.glyphs[static_cast<std::size_t>(k)].box);
            const double centre = (piece.box.x0 + piece.box.x1) / 2;
            int column = BandOf(centre, columns, label_limit);
            if (column < 0) column = ColumnOf(piece, columns, label_limit, true, em);
            if (column == 0 && !columns.empty() && centre > label_end + 0.25 * em) column = 1;
            add_chunk(row, piece, column);
          }
        }
        continue;
      }
      int column = ColumnOf(chunk, columns, label_limit, header, em);
      if (continuation) {
        // A wrapped label continues its own column: the label column, or the
        // text column it starts at (a summary's second side).
        const Column* text_column =
            column > 0 ? &columns[static_cast<std::size_t>(column - 1)] : nullptr;
        const bool in_text = text_column != nullptr && text_column->text && !chunk.figure &&
                             (std::abs(chunk.box.x0 - text_column->edge) <= kTextColumnTolEm * em ||
                              (chunk.box.x0 > text_column->edge && chunk.box.x0 < text_column->hi));
        if (!in_text) column = 0;
      }
      if (line.tail && line.completes[c] >= 0) {
        // The amount's wrapped rest goes where the amount it completes went.
        const Chunk& upper = lines[l - 1].chunks[static_cast<std::size_t>(line.completes[c])];
        column = ColumnOf(upper, columns, label_limit, false, em);
      }
      add_chunk(row, chunk, column);
    }
    // A header line set tight under the header line above, each of its words
    // under a cell of that line, is the wrapped rest of those cells
    // ("一般公共预算财政拨" over "款"), as a ruled cell holds it: taken as a
    // row of its own, "款" read as the 款 code column's header and the
    // column lost its key. Rows of a header are padded apart, a cell's lines
    // are not.
    if (header && !IsColumnNumbers(line) && l > header_first && rows.size() >= 2 &&
        !IsColumnNumbers(lines[l - 1]) &&
        line.box.y0 - lines[l - 1].box.y1 <=
            kWrapGapLines * std::max(1.0, lines[l - 1].box.height())) {
      RowCells& wrapped = rows.back();
      RowCells& above = rows[rows.size() - 2];
      bool under_cells = true;
      for (int c = 0; c < column_count; ++c) {
        if (wrapped.filled[static_cast<std::size_t>(c)] &&
            !above.filled[static_cast<std::size_t>(c)]) {
          under_cells = false;
        }
      }
      if (under_cells) {
        for (std::size_t c = 0; c < static_cast<std::size_t>(column_count); ++c) {
          if (!wrapped.filled[c]) continue;
          above.glyphs[c].insert(above.glyphs[c].end(), wrapped.glyphs[c].begin(),
                                 wrapped.glyphs[c].end());
          above.boxes[c] = Union(above.boxes[c], wrapped.boxes[c]);
        }
        above.box = Union(above.box, wrapped.box);
        rows.pop_back();
      }
    }
  }
  DetectedTable out;
  Table& table = out.table;
  table.row_count = static_cast<int>(rows.size());
  table.column_count = column_count;
  table.ruled = false;
  table.pages = {page.page.number};
  out.box = rows.front().box;
  for (const RowCells& row : rows) out.box = Union(out.box, row.box);
  table.provenance.page = page.page.number;
  table.provenance.box = out.box;
  // Column bands for empty cells' boxes.
  std::vector<double> lefts = {out.box.x0};
  std::vector<double> rights = {label_limit};
  for (const Column& column : columns) {
    lefts.push_back(column.left);
    rights.push_back(column.text ? std::min(column.right, out.box.x1) : column.edge);
  }
  for (int r = 0; r < table.row_count; ++r) {
    const RowCells& row = rows[static_cast<std::size_t>(r)];
    for (int c = 0; c < column_count; ++c) {
      const std::size_t column = static_cast<std::size_t>(c);
      TableCell cell;
      cell.row = r;
      cell.column = c;
      cell.text = CellText(page, row.glyphs[column]);
      cell.provenance.page = page.page.number;
      cell.provenance.row = r;
      cell.provenance.column = c;
      cell.provenance.box = row.filled[column]
                                ? row.boxes[column]
                                : Box{lefts[column], row.box.y0, rights[column], row.box.y1};
      for (int k : row.glyphs[column]) {
        glyph_taken[static_cast<std::size_t>(k)] = 1;
        out.glyph_indices.push_back(k);
      }
      table.cells.push_back(std::move(cell));
    }
  }
  return out;
}

}  // namespace

std::vector<DetectedTable> DetectUnruledTables(const PageContent& page,
                                               std::vector<char>& glyph_taken) {
  std::vector<DetectedTable> tables;
  std::vector<Line> lines = BuildLines(page, glyph_taken);
  std::vector<Warning> warnings;
  MarkAmountTails(lines, warnings);
  for (const Candidate& run : FindRuns(lines, page.page.height)) {
    const double em = lines[run.first].em;
    const std::vector<double> columns = AmountColumns(lines, run, kRightEdgeTolEm * em);
    if (columns.empty()) continue;
    // The label column ends where the leftmost amount column's figures begin.
    double label_limit = columns.front();
    for (std::size_t l = run.first; l <= run.last; ++l) {
      if (!IsBodyRow(lines[l])) continue;
      for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
        const Chunk& chunk = lines[l].chunks[c];
        if (IsAmount(lines[l], c) &&
            std::abs(chunk.box.x1 - columns.front()) <= kRightEdgeTolEm * em) {
          label_limit = std::min(label_limit, chunk.box.x0 - 0.5 * em);
        }
      }
    }
    // Header words are centred over their cells, and the first amount column's
    // cell starts well left of its right-aligned figures (a centred "合计"
    // ended before "11,740.82" began and went to the labels): the label column
    // ends halfway between its longest label and the figures.
    double label_right = -1e18;
    for (std::size_t l = run.first; l <= run.last; ++l) {
      if (!IsBodyRow(lines[l])) continue;
      for (std::size_t c = 0; c < lines[l].chunks.size(); ++c) {
        const Chunk& chunk = lines[l].chunks[c];
        if (!IsAmount(lines[l], c) && chunk.box.x1 < label_limit) {
          label_right = std::max(label_right, chunk.box.x1);
        }
      }
    }
    const double label_end = label_right > -1e17 ? label_right : label_limit;
    if (label_right > -1e17) label_limit = std::max(label_right, (label_right + label_limit) / 2);
    // Header: figure-free lines of several chunks just above the first row.
    std::size_t header_first = run.first;
    for (int taken = 0; taken < kMaxHeaderLines && header_first > 0; ++taken) {
      const Line& above = lines[header_first - 1];
      const Line& below = lines[header_first];
      const double height = std::max(1.0, below.box.height());
      if (below.box.y0 - above.box.y1 > kRowGapLines * height) break;
      const bool figures = std::any_of(above.chunks.begin(), above.chunks.end(),
                                       [](const Chunk& chunk) { return chunk.figure; });
      // The 栏次 row (栏次 1 2 3 …) numbers the columns under the header: its
      // figures are no body; the header words above it belong to the table.
      const bool column_numbers = IsColumnNumbers(above);
      if ((figures && !column_numbers) || above.leader || IsCaptionLine(above)) break;
      // A line declaring the unit (金额单位：元, often on the title's line) is
      // printed above the table, never in its header: taken as a header row it
      // hid the title from the normalizer.
      if (DeclaresUnit(above)) break;
      // A header word wrapped onto a line of its own ("支出功能分" over "类")
      // sits tight under a header line of several chunks.
      const bool wrapped_word = above.chunks.size() == 1 && header_first >= 2 &&
                                lines[header_first - 2].chunks.size() >= 2 &&
                                !IsCaptionLine(lines[header_first - 2]) &&
                                IsWrappedLabelLine(lines, header_first - 1);
      if (above.chunks.size() < 2 && !wrapped_word) break;
      --header_first;
      if (column_numbers) --taken;  // up to three lines of words besides it
    }
    std::vector<Column> all_columns = BuildColumns(lines, run, columns, label_limit, em);
    AddHeaderOnlyColumns(page, lines, header_first, run.first, label_limit, label_end, em,
                         all_columns);
    tables.push_back(BuildTable(page, lines, run, header_first, all_columns, label_limit, label_end,
                                em, glyph_taken));
    // A table's warnings: the ambiguous pieces within its lines or just
    // below its last row (an unjoined piece may have ended the run).
    const Box& box = tables.back().box;
    for (const Warning& warning : warnings) {
      const Box& at = *warning.provenance.box;
      if (at.y0 >= box.y0 - 1 && at.y0 <= box.y1 + 2 * at.height()) {
        tables.back().warnings.push_back(warning);
      }
    }
  }
  return tables;
}

}  // namespace disclose::pdf
