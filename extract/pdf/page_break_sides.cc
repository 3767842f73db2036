// Which glyphs of each page a page break's rejoin reads again (page_break_stages.h).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_break_stages.h"
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf::page_break {
namespace {

// A paragraph below a table that can only be a row of labels of it: one
// line, starting where the table's labels start, with no figure and nothing
// a note, a title or a unit line has (。：, a closing 表).
bool IsLabelRowParagraph(const Paragraph& paragraph, const Box& table) {
  const Box& box = *paragraph.provenance.box;
  const double em = std::max(1.0, std::min(box.height(), 20.0));
  if (box.height() > 1.5 * em || std::abs(box.x0 - table.x0) > em) return false;
  const std::string text = RemoveAllWhitespace(paragraph.text);
  if (text.empty() || EndsWith(text, "表")) return false;
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  for (std::string_view mark : {"。", "：", ":", "；", "，"}) {
    if (Contains(text, mark)) return false;
  }
  return true;
}

// Whether every paragraph between `table` and the break (below it on the upper page, above it
// on the lower) is a row of labels of it (IsLabelRowParagraph).
bool OnlyLabelRowsBetween(const PageAnalysis& analysis, const Box& table, bool upper) {
  return std::all_of(analysis.layout.paragraphs.begin(), analysis.layout.paragraphs.end(),
                     [&](const Paragraph& paragraph) {
                       if (!paragraph.provenance.box) return true;
                       const Box& box = *paragraph.provenance.box;
                       if (upper ? box.y0 < table.y1 - 1 : box.y1 > table.y0 + 1) return true;
                       return IsLabelRowParagraph(paragraph, table);
                     });
}

// Whether the paragraphs under `table` on the upper page, down to the break, can only be the
// first lines of a row of it the break cut (`21013 | 1,958,` over `99其 | 839.2`): each
// starting where the table's labels start, nothing a note, a title or a unit line has, and all
// within a row's height and a row's gap under the table.
bool OnlyACutRowBelow(const PageAnalysis& analysis, const Box& table) {
  double bottom = table.y1, em = 1;
  for (const Paragraph& paragraph : analysis.layout.paragraphs) {
    if (!paragraph.provenance.box || paragraph.provenance.box->y0 < table.y1 - 1) continue;
    const Box& box = *paragraph.provenance.box;
    const std::string text = RemoveAllWhitespace(paragraph.text);
    em = std::max(em, std::min(box.height(), 20.0));
    if (text.empty() || IsCaptionText(text) || std::abs(box.x0 - table.x0) > em) return false;
    for (std::string_view mark : {"。", "：", ":", "；", "表"}) {
      if (Contains(text, mark)) return false;
    }
    bottom = std::max(bottom, box.y1);
  }
  return bottom - table.y1 <= (unruled::kRowGapLines + kMaxRestLines) * em;
}

// The glyphs of a page no table holds, neither furniture nor blank, that `keep` takes (by their
// box).
template <typename Keep>
std::vector<int> FreeGlyphs(const PageContent& content, const PageAnalysis& analysis,
                            const std::vector<bool>& consumed, Keep keep) {
  std::vector<int> glyphs;
  for (std::size_t k = 0; k < content.glyphs.size(); ++k) {
    const Glyph& glyph = content.glyphs[k];
    if (consumed[k] || !keep(glyph.box) || IsFurniture(analysis, glyph) ||
        RemoveAllWhitespace(glyph.text).empty()) {
      continue;
    }
    glyphs.push_back(static_cast<int>(k));
  }
  return glyphs;
}

// Whether lines[from..] (under a header repeated drawn over its 栏次 row, above the lower page's
// first table) can only be rows of the table cut above that the detector left out of the table
// under them (the layout joined the 栏次 row and the first row into one line): the first
// prints an amount, and none is a title, a note or a unit line (the last rows of a summary, then
// the next table's title, are another table's; a label's line may hold 单位, 机关事业单位基本…,
// with no colon). Two rows whose labels wrapped over six lines above the rest of the table
// (s92wn_0036_budget's income table) had been read apart from it.
bool OnlyRowsBetween(const std::vector<GlyphLine>& lines, std::size_t from) {
  if (from >= lines.size() || !HasAmountText(lines[from].text)) return false;
  return std::none_of(lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end(),
                      [](const GlyphLine& line) {
                        return EndsWith(line.text, "表") || Contains(line.text, "。") ||
                               Contains(line.text, "：") || Contains(line.text, ":");
                      });
}

// On the lower page, what the lines between the break and `table`, its first table, say of it.
struct LinesAbove {
  bool continues = false;     // it continues the table cut above
  std::vector<Box> repeated;  // the lines that repeat the upper page's foot: its header
};

// The lines between the break and the lower page's first table (unruled, text above it): the
// header repeated from the upper page's foot (lines of `upper_lines`), and whether nothing else
// stands there but that and the rest of what the break cut, so that the table continues the one
// cut above (`rest_on_top`: Rejoin found the rest of the cut row's amounts on top).
LinesAbove ReadLinesAbove(const PageContent& content, const PageAnalysis& analysis,
                          const DetectedTable& table, const std::vector<bool>& consumed,
                          const std::vector<std::string>& upper_lines, bool rest_on_top) {
  LinesAbove side;
  bool& continues = side.continues;
  // The lines above the table two ways: paragraphs, top down, and glyph
  // lines. Paragraphs first: LibreOffice draws a table's repeated header
  // rows over one another (科目编码… and 栏次 1 2 3 at one y), which glyph
  // lines merge and the layout keeps apart; glyph lines where the layout
  // joined a repeated line and a row under it.
  std::vector<GlyphLine> paragraphs;
  for (const Paragraph& paragraph : analysis.layout.paragraphs) {
    if (!paragraph.provenance.box || paragraph.provenance.box->y1 > table.box.y0 + 1) continue;
    paragraphs.push_back(GlyphLine{*paragraph.provenance.box, RemoveAllWhitespace(paragraph.text)});
  }
  std::stable_sort(paragraphs.begin(), paragraphs.end(),
                   [](const auto& a, const auto& b) { return a.box.y0 < b.box.y0; });
  const std::vector<int> above = FreeGlyphs(
      content, analysis, consumed, [&](const Box& box) { return CenterY(box) <= table.box.y0; });
  // Nothing but the rest of a label the break cut (社会保障和就业 over
  // 支出, no header repeated): the table continues the one above.
  if (paragraphs.size() == 1 && IsLabelRest(paragraphs[0].text)) continues = true;
  // Or the rest of a label wrapped over more lines of a narrow cell (二、政府性 over
  // 基金预算财 / 政拨款).
  if (paragraphs.size() >= 2 && AreRestsOfACutLabel(paragraphs, 0)) continues = true;
  // Or the rest of the row the break cut between its lines, its amounts' last digits
  // (`208,098.3` at the foot, `4` at the top, which Rejoin found under them): a row
  // that may break across pages (Word's and LibreOffice's default) wraps there as in
  // its cell.
  if (rest_on_top && paragraphs.size() == 1) continues = true;
  const bool ocr = content.page.text_origin == TextOrigin::kOcr;
  // The reading that sets more lines aside wins: where the layout joined
  // the repeated header's last line and the row under it into one
  // paragraph (项目 预算数 … 政府性基金预算 and 收入总计 9.90 支出总计 9.90, a
  // summary's last row under its repeated title and header, the next
  // table below), the paragraphs find the title lines only; the header
  // line left among the rows ended the run and the row was lost.
  std::size_t best = 0;
  for (const auto& lines : {paragraphs, GlyphLines(content, above)}) {
    if (continues) break;
    std::size_t n = 0;
    // A header line and its 栏次 row drawn over one another at the top (LibreOffice,
    // `功栏次能分…`) repeat two lines of the upper page's foot in one: enough alone
    // (s92wn_0036_budget). Further down, the characters of two lines in another order may be a
    // header line and a row's rest printed over it (s93wn_0053_budget's `5`).
    bool two_in_one = false;
    while (n < lines.size() && !lines[n].text.empty()) {
      if (!std::binary_search(upper_lines.begin(), upper_lines.end(), lines[n].text)) {
        if (n > 0 || !RepeatsTwoLinesDrawnOverOneAnother(lines[n].text, upper_lines)) break;
        two_in_one = true;
      }
      ++n;
    }
    if (best > 0 && n <= best) continue;
    // OCR reads the same print a little differently on each page (合计
    // as 计, 类 款 项 as 去如): a header line of several words that is
    // most of a line of the upper band starts the repeated header, and
    // the lines under it down to the table with no amount (the header's
    // wrapped words, 类 款 项, 栏次) are the rest of it.
    bool header_then_rows = false;
    const bool first_repeats =
        n == 1 || (!lines.empty() && RepeatsLine(lines[0].text, upper_lines));
    if (ocr && n < 2 && !lines.empty() && first_repeats) {
      n = 1;
      while (n < lines.size() && !HasAmountText(lines[n].text) && !IsCaptionText(lines[n].text)) {
        ++n;
      }
      if (n == lines.size() && n >= 2) {
        for (std::size_t l = 0; l < n; ++l) side.repeated.push_back(lines[l].box);
        continues = true;
        break;
      }
      // One header line of several words read with a word misread (笠肌编码 科目名称 本年
      // 支出合计 …, H25 s3w_0394_final), rows under it, then the next table: repeated as
      // two lines read as printed are, so that its rows join those above the break (合计
      // and 205 at the foot of the page above).
      // So for a header of several lines, the first repeating a line of the upper band, the
      // others misread or rows of labels with no amount (收入 支出 | 项目 … 合计 …, misread |
      // 类) 政拨款 | 二、政府性基金预算 over 财政拨款 with blank amounts, then 本年收入合计 and
      // 总计 with theirs, then the next table: H35 s3w_0546_final's fiscal summary, read as
      // lines of text).
      header_then_rows = n >= 1 && best == 0 && lines.size() > n && HasAmountText(lines[n].text) &&
                         (n > 1 ? first_repeats : RepeatsLine(lines[0].text, upper_lines));
      if (!header_then_rows) n = 0;
    }
    if (n < 2 && !header_then_rows && !two_in_one) continue;
    // A header line under the repeated title read with a character misread, as below.
    if (ocr) n = PastWrappedHeaderCells(lines, PastMisreadRepeats(lines, n, upper_lines));
    best = n;
    side.repeated.clear();
    for (std::size_t l = 0; l < n; ++l) side.repeated.push_back(lines[l].box);
    continues = n == lines.size() || (n + 1 == lines.size() && IsLabelRest(lines[n].text)) ||
                AreRestsOfACutLabel(lines, n) || (two_in_one && OnlyRowsBetween(lines, n));
  }
  return side;
}

// On the upper page with no table at the break, where the band read again starts (`from`, in
// page y), moved up over a header whose body went to the next page. It may stand higher than the
// band: the last lines of a page that holds little else (a page of the header alone, the body
// pushed over by the rows' height). The page's last free lines, each a header line over several
// columns or a 栏次 row, are read again with the lower page from wherever they start.
double UpperBandStart(const PageContent& content, const PageAnalysis& analysis,
                      const std::vector<bool>& consumed, double from) {
  double below = -1e18;  // the foot of the tables on the page
  for (const DetectedTable& table : analysis.tables) below = std::max(below, table.box.y1);
  const std::vector<GlyphLine> lines =
      GlyphLines(content, FreeGlyphs(content, analysis, consumed,
                                     [&](const Box& box) { return CenterY(box) > below; }));
  const auto heads_columns = [&](std::size_t l) {
    return lines[l].header_like || StartsWith(lines[l].text, "栏次");
  };
  // The first of the header lines (a 栏次 row among them) that end right above lines[end].
  const auto header_start = [&](std::size_t end) {
    std::size_t start = end;
    while (start > 0 && heads_columns(start - 1) && end - start < kMaxHeaderLinesAbove) --start;
    return start;
  };
  // The header over the band's first rows: the lines right above the first line the band takes,
  // each a header line or a 栏次 row, a row's pitch apart at most (a summary's header, then its
  // first row and its rows of labels down to the page's foot).
  std::size_t band_top = 0;
  while (band_top < lines.size() && CenterY(lines[band_top].box) < from) ++band_top;
  std::size_t header_top = band_top;
  while (header_top > 0 && header_top < lines.size() &&
         band_top - header_top < kMaxHeaderLinesAbove && heads_columns(header_top - 1) &&
         lines[header_top].box.y0 - lines[header_top - 1].box.y1 <=
             unruled::kRowGapLines * std::max(1.0, lines[header_top].box.height())) {
    --header_top;
  }
  const double header_from = header_top < band_top ? lines[header_top].box.y0 - 0.5 : from;
  // A 栏次 row (栏次 1 2 3) numbers the header's columns: part of it.
  const std::size_t first = header_start(lines.size());
  if (first < lines.size() && lines[first].box.y0 < from) from = lines[first].box.y0 - 0.5;
  from = std::min(from, header_from);
  // The page ends with a header and a row or two under it, above the band (too few rows for a
  // table: LibreOffice kept the header with the first row and pushed the others over, and the
  // page holds nothing else, s92wn_0052_final's income table): the header and its rows are read
  // again from the header's top.
  if (band_top == lines.size()) {
    std::size_t rows = lines.size();
    while (rows > 0 && lines.size() - rows < unruled::kMinRows - 1 &&
           HasAmountText(lines[rows - 1].text) && !heads_columns(rows - 1)) {
      --rows;
    }
    if (rows < lines.size() && rows > 0 && heads_columns(rows - 1)) {
      from = std::min(from, lines[header_start(rows)].box.y0 - 0.5);
    }
  }
  return from;
}

// On the lower page with no table continuing the break, where the band read again ends (`to`,
// in page y): the rows go on past the band at a row's pitch (a summary's rows of labels under its
// repeated header down past the page's half, then its totals), down to a title or a unit line,
// or to the page's first table (`nearest`, -1 for none).
double LowerBandEnd(const PageContent& content, const PageAnalysis& analysis,
                    const std::vector<bool>& consumed, int nearest, double to) {
  const double table_top =
      nearest >= 0 ? analysis.tables[static_cast<std::size_t>(nearest)].box.y0 : 1e18;
  const std::vector<GlyphLine> lines =
      GlyphLines(content, FreeGlyphs(content, analysis, consumed,
                                     [&](const Box& box) { return CenterY(box) < table_top; }));
  std::size_t last = 0;
  while (last < lines.size() && CenterY(lines[last].box) <= to) ++last;
  if (last > 0) {
    while (last < lines.size() && !IsCaptionText(lines[last].text) &&
           lines[last].box.y0 - lines[last - 1].box.y1 <=
               unruled::kRowGapLines * std::max(1.0, lines[last].box.height())) {
      to = std::max(to, lines[last].box.y1 + 0.5);
      ++last;
    }
  }
  return to;
}

// The lower page's first lines down to `to` that each repeat a line of the upper page's foot
// (`upper_lines`), two or more, or one header line over several columns or a 栏次 row: a header
// Word repeats there (w:tblHeader), also where the paragraphs do not show it: no table on the
// lower page (its rows are too few to make one on their own, a side-by-side summary's last two
// rows), or the repeated lines read as the header of the lower page's table (`in_table`: its
// glyphs), which then could not continue the rows above. Where the paragraphs above the table
// showed a repeated title, the header lines under it, read into the table, are set aside too.
// Empty when there is none.
std::vector<Box> RepeatedHeaderAtTop(const PageContent& content, const PageAnalysis& analysis,
                                     const std::vector<bool>& consumed,
                                     const std::vector<bool>& in_table, double to,
                                     const std::vector<std::string>& upper_lines) {
  std::vector<int> band;
  for (std::size_t k = 0; k < content.glyphs.size(); ++k) {
    const Glyph& glyph = content.glyphs[k];
    if (CenterY(glyph.box) > to || (consumed[k] && !in_table[k])) continue;
    if (!consumed[k] && IsFurniture(analysis, glyph)) continue;
    if (RemoveAllWhitespace(glyph.text).empty()) continue;
    band.push_back(static_cast<int>(k));
  }
  std::vector<Box> repeated;
  bool header_like = false;
  const std::vector<GlyphLine> band_lines = GlyphLines(content, band);
  for (const GlyphLine& line : band_lines) {
    if (line.text.empty()) break;
    const bool listed = std::binary_search(upper_lines.begin(), upper_lines.end(), line.text);
    const bool drawn_over = !listed && RepeatsTwoLinesDrawnOverOneAnother(line.text, upper_lines);
    if (!listed && !drawn_over) break;
    repeated.push_back(line.box);
    // A 栏次 row (栏次 1 2 3) repeated alone numbers the header's columns: no label's rest; nor
    // is a header line and its 栏次 row drawn over one another (`科栏次目编码…1…2…`, whose
    // numbers keep it from reading as a header line: s92wn_0080_budget).
    header_like = line.header_like || StartsWith(line.text, "栏次") || drawn_over;
  }
  // OCR'd: the repeated title and unit read as printed, the header line under them with a
  // character misread: it is repeated too, or it stays between the rows either side of the
  // break and ends their table.
  if (content.page.text_origin == TextOrigin::kOcr && repeated.size() >= 2) {
    const std::size_t end = PastWrappedHeaderCells(
        band_lines, PastMisreadRepeats(band_lines, repeated.size(), upper_lines));
    for (std::size_t l = repeated.size(); l < end; ++l) repeated.push_back(band_lines[l].box);
  }
  // OCR'd: a header line read a little differently, and the lines under it
  // down to the first row with amounts, as above.
  if (content.page.text_origin == TextOrigin::kOcr && repeated.size() < 2 && !band_lines.empty() &&
      (repeated.size() == 1 || RepeatsLine(band_lines[0].text, upper_lines))) {
    std::size_t n = 1;
    while (n < band_lines.size() && !HasAmountText(band_lines[n].text) &&
           !IsCaptionText(band_lines[n].text)) {
      ++n;
    }
    if (n >= 2 && n < band_lines.size() && HasAmountText(band_lines[n].text)) {
      repeated.clear();
      for (std::size_t l = 0; l < n; ++l) repeated.push_back(band_lines[l].box);
    }
  }
  // One line is enough when it is a header over several columns or a 栏次
  // row: a header Word repeats without the title (项目 | 预算数 over a 三公
  // table's last rows), and a wrapped label's rest is one cell.
  if (repeated.size() >= 2 || (repeated.size() == 1 && header_like)) return repeated;
  return {};
}

}  // namespace

Side SelectSide(const PageContent& content, const PageAnalysis& analysis, bool upper,
                const std::vector<std::string>& upper_lines, bool rest_on_top) {
  Side side;
  const std::vector<bool> consumed = ConsumedGlyphs(content, analysis);
  const double height = content.page.height > 0 ? content.page.height : 842;
  // The table nearest the break.
  int nearest = -1;
  for (std::size_t t = 0; t < analysis.tables.size(); ++t) {
    const Box& box = analysis.tables[t].box;
    if (nearest < 0) {
      nearest = static_cast<int>(t);
      continue;
    }
    const Box& best = analysis.tables[static_cast<std::size_t>(nearest)].box;
    if (upper ? box.y1 > best.y1 : box.y0 < best.y0) nearest = static_cast<int>(t);
  }
  // Limits of the band read again, in page y.
  double from = upper ? kFragmentBand * height : -1e18;
  double to = upper ? 1e18 : (1 - kFragmentBand) * height;
  if (nearest >= 0) {
    const DetectedTable& table = analysis.tables[static_cast<std::size_t>(nearest)];
    // Does any paragraph lie between the table and the break?
    const bool text_between =
        std::any_of(analysis.layout.paragraphs.begin(), analysis.layout.paragraphs.end(),
                    [&](const Paragraph& paragraph) {
                      if (!paragraph.provenance.box) return false;
                      const Box& box = *paragraph.provenance.box;
                      return upper ? box.y0 >= table.box.y1 - 1 : box.y1 <= table.box.y0 + 1;
                    });
    // The lines between the table and the break that repeat lines of the
    // upper page's foot, two or more at the top (a title and a header; one
    // short line may be the rest of a wrapped label), are its repeated
    // header. With nothing else between, or only the rest of a label the
    // break cut (二、政府性基金预算拨 over 款, the header repeated between
    // them), the table continues the one cut above. With more between (the
    // last rows of a summary, then the next table's title), the repeated
    // lines are still set aside so that the rows under them join the rows
    // above; the table below is another one.
    bool continues = false;
    if (text_between && !upper && !table.table.ruled) {
      LinesAbove above =
          ReadLinesAbove(content, analysis, table, consumed, upper_lines, rest_on_top);
      continues = above.continues;
      side.repeated = std::move(above.repeated);
    }
    // Lines between the table and the break that can only be rows of labels (a summary's
    // 四、事业收入 / 五、其他收入 with blank amounts, flush with the table's labels) do not end
    // it: on the upper page the rows on the next page may continue it (本年收入合计, 总计); on
    // the lower page it may continue the header and rows left at the foot of the page above
    // (一、一般公共预算财政拨款收入 under the header there, 四、事业收入 over 五、其他收入 here).
    if (text_between && !table.table.ruled && !continues) {
      continues = OnlyLabelRowsBetween(analysis, table.box, upper);
    }
    // On the upper page, the lines between the table and the break hold the first lines of the
    // row the break cut, which the rest on the lower page's top completes (`21013 | 1,958,` over
    // `99其 | 839.2` at the foot, `他医 | 7` at the top): cut there, its amounts were no amounts
    // and the row was left out of the table.
    if (upper && rest_on_top && text_between && !table.table.ruled) {
      continues = OnlyACutRowBelow(analysis, table.box);
    }
    if (!text_between || continues) {
      // A ruled table at the break: its fragments on the other side are
      // ruled too and found by their rules.
      if (table.table.ruled) return Side{};
      side.table = nearest;
      if (upper) {
        from = std::min(from, table.box.y0);
      } else {
        to = std::max(to, table.box.y1);
      }
    } else if (upper) {
      from = std::max(from, table.box.y1);
    } else {
      to = std::min(to, table.box.y0);
    }
  }
  if (upper && side.table < 0) from = UpperBandStart(content, analysis, consumed, from);
  if (!upper && side.table < 0) to = LowerBandEnd(content, analysis, consumed, nearest, to);
  side.from = from;
  std::vector<bool> in_table(content.glyphs.size(), false);
  if (side.table >= 0) {
    for (int index : analysis.tables[static_cast<std::size_t>(side.table)].glyph_indices) {
      in_table[static_cast<std::size_t>(index)] = true;
    }
  }
  if (!upper && (nearest < 0 || side.table >= 0)) {
    std::vector<Box> repeated =
        RepeatedHeaderAtTop(content, analysis, consumed, in_table, to, upper_lines);
    if (repeated.size() > side.repeated.size()) side.repeated = std::move(repeated);
  }
  for (std::size_t k = 0; k < content.glyphs.size(); ++k) {
    const Glyph& glyph = content.glyphs[k];
    const double y = CenterY(glyph.box);
    if (y < from || y > to) continue;
    if (consumed[k] && !in_table[k]) continue;  // another table's
    if (!consumed[k] && IsFurniture(analysis, glyph)) continue;
    const double x = (glyph.box.x0 + glyph.box.x1) / 2;
    if (std::any_of(side.repeated.begin(), side.repeated.end(),
                    [&](const Box& box) { return Inside(box, x, y); })) {
      continue;
    }
    if (!consumed[k]) side.free_lines = true;
    side.glyphs.push_back(static_cast<int>(k));
  }
  return side;
}

}  // namespace disclose::pdf::page_break
