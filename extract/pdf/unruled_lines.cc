// Stage 1 of the unruled table detector (see unruled_stages.h): free glyphs
// into lines and chunks, and the line predicates the later stages share.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::unruled {
namespace {

double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

// "1,234.56", "-12.00", "(3.50)", "0", "12%"-less plain numbers; "-" and "—"
// stand for zero in an amount cell.
void ClassifyChunk(Chunk& chunk, bool text_layer) {
  const std::string text = RemoveAllWhitespace(FoldForMatching(chunk.text));
  if (text == "-" || text == "—" || text == "--" || text == "——") {
    chunk.figure = true;
    return;
  }
  std::string_view body = text;
  if (!body.empty() && (body.front() == '-' || body.front() == '(')) body.remove_prefix(1);
  if (!body.empty() && body.back() == ')') body.remove_suffix(1);
  // An amount cut after its point ("692,571." with its "75" on the next
  // line or over a page break) is money whose decimals are elsewhere: its
  // row is a body row, so the row stays in its table for the rest to be
  // joined to (MarkAmountTails here, the normalizer's stitch across a page).
  // Grouped digits only: a lone "3." may be an ordinal. One cut after a
  // group's comma ("42,107," over "319.14"; OCR's "997,019，" for a cut
  // point) is one only once a rest completes it (MarkAmountTails): as a body
  // row on its own it made a grid of a summary whose lines the normalizer
  // reads whole (s3w_0079_budget's fiscal summary across a page break).
  // In a text layer three digits or more before the point are one too: an
  // amount under a thousand in a narrow column ("968." over "89",
  // s91wn_0033_budget); OCR ends a misread row number with a point as often.
  const bool grouped = body.find(',') != std::string_view::npos;
  if (body.size() >= 2 && body.back() == '.' && (grouped || (text_layer && body.size() >= 4)) &&
      IsWellFormedAmount(body.substr(0, body.size() - 1))) {
    chunk.figure = true;
    chunk.money = true;
    return;
  }
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

bool HasLeader(std::string_view text) {
  return Contains(text, "…") || Contains(text, "....") || Contains(text, "···") ||
         Contains(text, "．．．");
}

// An amount cut after its point ("46." over "69" in a narrow cell) or
// after a group's comma ("42,107," over "319.14") ends in the point or the
// comma: still a number's edge. Missed, the cut amount ran into the label of
// the next cell and its row was lost. So does one OCR read with a full-width
// mark (IsFullWidthAmountMark).
bool EndsInNumberEdge(const PageContent& page, const Chunk& chunk) {
  const std::string_view last = page.glyphs[static_cast<std::size_t>(chunk.glyphs.back())].text;
  if (last.empty()) return false;
  if (IsDigitPiece(last.substr(last.size() - 1))) return true;
  return chunk.glyphs.size() >= 2 &&
         IsFullWidthAmountMark(
             last,
             page.glyphs[static_cast<std::size_t>(chunk.glyphs[chunk.glyphs.size() - 2])].text);
}

}  // namespace

bool OnlyFootLinesFrom(const std::vector<Line>& lines, std::size_t from, double page_height) {
  for (std::size_t l = from; l < lines.size(); ++l) {
    if (lines[l].box.y0 < kFootShare * page_height) return false;
  }
  return true;
}

bool DeclaresUnit(const Line& line) {
  std::string text;
  for (const Chunk& chunk : line.chunks) text += RemoveAllWhitespace(FoldForMatching(chunk.text));
  return Contains(text, "单位:");
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
      // An amount cut after its point ("46." over "69" in a narrow cell) or
      // after a group's comma ("42,107," over "319.14") ends in the point or
      // the comma: still a number's edge. Missed, the cut amount ran into
      // the label of the next cell and its row was lost.
      const bool digit_edge = !line.chunks.empty() && (EndsInNumberEdge(page, line.chunks.back()) ||
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
      ClassifyChunk(chunk, page.page.text_origin != TextOrigin::kOcr);
      whole += chunk.text;
    }
    line.leader = HasLeader(whole);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string Compact(std::string_view text) {
  return RemoveAllWhitespace(FoldForMatching(text));
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

bool IsColumnNumbersRest(const std::vector<Line>& lines, std::size_t j) {
  if (j == 0 || !IsColumnNumbers(lines[j - 1]) || lines[j].chunks.empty()) return false;
  const Line& numbers = lines[j - 1];
  const Line& line = lines[j];
  if (line.box.y0 - numbers.box.y1 > kWrapGapLines * std::max(1.0, numbers.box.height())) {
    return false;
  }
  return std::all_of(line.chunks.begin(), line.chunks.end(), [&](const Chunk& rest) {
    const std::string digits = Compact(rest.text);
    return !digits.empty() && digits.size() <= 2 && AllDigitChars(digits) &&
           std::any_of(numbers.chunks.begin() + 1, numbers.chunks.end(), [&](const Chunk& number) {
             return AllDigitChars(Compact(number.text)) && SitsUnder(rest, number);
           });
  });
}

namespace {

// Whether `text` holds an ideograph: a name, not a speck or a misread mark (。, Cox).
bool HoldsAnIdeograph(std::string_view text) {
  const std::vector<char32_t> code_points = DecodeUtf8(text);
  return std::any_of(code_points.begin(), code_points.end(), IsCjkIdeograph);
}

// Groups set side by side, each a code, a name or both before an amount printed as money, the
// line ending on one (the national template's basic expenditure table: 301 | 工资福利支出 |
// 2,803,427.72 | 302 | 商品和服务支出 | 523,639.82 | 30211 | 差旅费 | 136,219.81). A code is
// digits and no money; a name holds an ideograph.
bool IsRowOfGroups(const Line& line) {
  int groups = 0;
  bool code = false;
  bool name = false;
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    const Chunk& chunk = line.chunks[c];
    if (chunk.money && IsAmount(line, c)) {
      if (!code && !name) return false;
      ++groups;
      code = name = false;
    } else if (!code && !name && chunk.figure && AllDigitChars(Compact(chunk.text))) {
      code = true;
    } else if (!name && HoldsAnIdeograph(chunk.text)) {
      name = true;
    } else {
      return false;
    }
  }
  return groups >= 2 && !code && !name;
}

}  // namespace

std::vector<bool> LaterGroupWords(const Line& line) {
  std::vector<bool> words(line.chunks.size(), false);
  if (!IsRowOfGroups(line)) return words;
  bool after_amount = false;
  for (std::size_t c = 0; c < line.chunks.size(); ++c) {
    const bool amount = line.chunks[c].money && IsAmount(line, c);
    words[c] = after_amount && !amount;
    after_amount = after_amount || amount;
  }
  return words;
}

// A body row: amounts, with at most a code and a label before them, or groups of them side by
// side; never a leader line nor a 栏次 row (its numbers, centred, made columns of their own
// when a repeated 栏次 row fell inside a table read across a page break).
bool IsBodyRow(const Line& line) {
  if (line.leader || line.tail || line.chunks.size() < 2 || IsColumnNumbers(line)) return false;
  // A title line with its number, year and unit (表2 2025 年支出总体情况表 单位:元) prints a
  // figure, the year, but no money: taken for the last row of the table above, it took the
  // next table's title and unit into that table's grid (H26 s3w_0407_budget).
  if (!HasMoney(line) && IsCaptionLine(line)) return false;
  std::size_t amounts = 0;
  for (std::size_t i = 0; i < line.chunks.size(); ++i) amounts += IsAmount(line, i) ? 1 : 0;
  return (amounts >= 1 && line.chunks.size() - amounts <= 2) || IsRowOfGroups(line);
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

}  // namespace disclose::pdf::unruled
