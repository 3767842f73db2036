// A table without rules read across a page break (page_break_tables.h).
//
// Which glyphs are read again:
//   - on the upper page, the lines in its lower half below its last table, and
//     that table itself when it is unruled and nothing but furniture follows
//     it (it may go on over the break);
//   - on the lower page, the lines in its upper half above its first table,
//     and that table itself when it is unruled and nothing precedes it.
// Page furniture (page numbers, running heads set small) is left out: it sits
// between the two parts and would end the run. The lower lines are moved up
// to sit just under the upper ones, the detector runs once on the two, and
// only a table with rows on both sides that takes some line no table held is
// kept; it must hold every glyph of the tables it grew from, so nothing read
// before is lost.
#include "extract/pdf/page_break_tables.h"

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

namespace disclose::pdf {
namespace {

using namespace page_break;  // NOLINT(google-build-using-namespace): page_break_stages.h

// The part of `table` (detected on the joined content) in rows [first, last),
// moved back to its own page: rows renumbered, boxes shifted by `dy`.
DetectedTable Part(const DetectedTable& table, int first, int last, int page, double dy) {
  DetectedTable part;
  Table& out = part.table;
  out.row_count = last - first;
  out.column_count = table.table.column_count;
  out.ruled = false;
  out.pages = {page};
  bool any = false;
  for (const TableCell& cell : table.table.cells) {
    if (cell.row < first || cell.row >= last) continue;
    TableCell moved = cell;
    moved.row -= first;
    moved.provenance.page = page;
    if (moved.provenance.box) {
      moved.provenance.box->y0 -= dy;
      moved.provenance.box->y1 -= dy;
      part.box = any ? Union(part.box, *moved.provenance.box) : *moved.provenance.box;
      any = true;
    }
    out.cells.push_back(std::move(moved));
  }
  out.provenance.page = page;
  out.provenance.box = part.box;
  return part;
}

// Puts `part` in place of the table `old_table` of a page (none when negative), in reading
// order, and lays out the page's text again. `also_taken` marks glyphs of the page read into a
// table of the other page: they go to the page's furniture.
void ReplaceTable(PageAnalysis& analysis, int old_table, std::optional<DetectedTable> part,
                  const PageContent& content, const std::vector<int>& also_taken = {}) {
  if (old_table >= 0) analysis.tables.erase(analysis.tables.begin() + old_table);
  if (part) analysis.tables.push_back(std::move(*part));
  std::stable_sort(analysis.tables.begin(), analysis.tables.end(),
                   [](const DetectedTable& a, const DetectedTable& b) {
                     return a.box.y0 != b.box.y0 ? a.box.y0 < b.box.y0 : a.box.x0 < b.box.x0;
                   });
  std::vector<bool> consumed = ConsumedGlyphs(content, analysis);
  if (also_taken.empty()) {
    analysis.layout = LayoutPage(content, consumed);
    return;
  }
  std::vector<bool> others(content.glyphs.size(), true);
  for (int index : also_taken) {
    consumed[static_cast<std::size_t>(index)] = true;
    others[static_cast<std::size_t>(index)] = false;
  }
  analysis.layout = LayoutPage(content, consumed);
  PageLayout taken = LayoutPage(content, others);
  for (std::vector<Paragraph>* paragraphs : {&taken.paragraphs, &taken.furniture}) {
    for (Paragraph& paragraph : *paragraphs) {
      analysis.layout.furniture.push_back(std::move(paragraph));
    }
  }
}

// The part of `table` (detected on the joined content) in rows [0, last), on the upper page: a
// cell completed by the rest on the lower page ends at the page's foot.
DetectedTable UpperPart(const DetectedTable& table, int last, const PageContent& upper_content) {
  DetectedTable part = Part(table, 0, last, upper_content.page.number, 0);
  for (TableCell& cell : part.table.cells) {
    if (cell.provenance.box) {
      cell.provenance.box->y1 = std::min(cell.provenance.box->y1, upper_content.page.height);
    }
  }
  return part;
}

// Each glyph of `table` (detected on the joined content) back to its own page: the upper side's
// into `upper`, the lower side's into `lower`, as indices into the page's glyphs.
void SplitGlyphs(const DetectedTable& table, const Side& top, const Side& bottom,
                 std::vector<int>& upper, std::vector<int>& lower) {
  for (int index : table.glyph_indices) {
    const std::size_t position = static_cast<std::size_t>(index);
    if (position < top.glyphs.size()) {
      upper.push_back(top.glyphs[position]);
    } else {
      lower.push_back(bottom.glyphs[position - top.glyphs.size()]);
    }
  }
}

// `table`, detected on the joined content with every row above the break, replaces the upper
// side's table on its page; the lower page's glyphs it took (the rest of its last row) leave
// that page's text for its furniture.
void KeepWholeOnUpperPage(const DetectedTable& table, const Side& top, const Side& bottom,
                          const PageContent& upper_content, PageAnalysis& upper,
                          const PageContent& lower_content, PageAnalysis& lower) {
  DetectedTable whole = UpperPart(table, table.table.row_count, upper_content);
  std::vector<int> taken_below;
  SplitGlyphs(table, top, bottom, whole.glyph_indices, taken_below);
  whole.warnings = table.warnings;
  ReplaceTable(upper, top.table, std::move(whole), upper_content);
  ReplaceTable(lower, -1, std::nullopt, lower_content, taken_below);
}

// RejoinTableAcrossPageBreak, with the lower lines laid tight under the upper
// ones when `tight_rest` and they start with the digit rest of the last line
// above (`*tried_tight` then says so).
bool Rejoin(const PageContent& upper_content, PageAnalysis& upper, const PageContent& lower_content,
            PageAnalysis& lower, bool tight_rest, bool* tried_tight) {
  // Both sides read alike: two text layers, or two OCR'd pages (whose
  // readings ocr::RejoinOcrTableAcrossPageBreak puts back).
  if (upper_content.page.text_origin != lower_content.page.text_origin ||
      (upper_content.page.text_origin != TextOrigin::kTextLayer &&
       upper_content.page.text_origin != TextOrigin::kOcr)) {
    return false;
  }
  if (std::abs(upper_content.page.width - lower_content.page.width) > 1) return false;
  Side top = SelectSide(upper_content, upper, true);
  if (top.glyphs.empty()) return false;
  // What a repeated header may repeat: the upper band's paragraphs and its
  // glyph lines, and the glyph lines without amounts of the whole upper page
  // but its furniture: a title drawn inside the table's frame (表1 over
  // 收入支出决算表 over 单位：万元) is repeated with the header and may sit
  // above the band, and so may the header of a table the band left out
  // (label-only rows under it). Rows with amounts elsewhere on the page are
  // no header: two tables of one document print the same rows (支出决算表 and
  // 一般公共预算财政拨款支出决算表, a 栏次 row over 206 科学技术支出 in both),
  // and the rows at the top of the lower page are not set aside for them.
  // The rests of amounts wrapped in their cells (`20 20` under `1,295,239.`)
  // are no header: one printed again at the lower page's top is the rest of
  // the row the break cut, and taken for a repeated header line it was set
  // aside and lost (s1_0083_final).
  // A table that starts in the band (its title or unit line there, a header
  // line under it, no amount yet) prints its header there: lines of other
  // tables higher on the page are none of its own, and the lower page's
  // first lines are the rest of its header, not a repeat (s1_0198_final: the
  // 类 款 项 row under a header ending the page was set aside as a repeat of
  // the 类 款 项 of the table above, and 款 and 项 were never joined).
  std::vector<std::string> upper_lines = BandLines(upper, top.from);
  const std::vector<GlyphLine> band = WithoutAmountRests(GlyphLines(upper_content, top.glyphs));
  const bool starts_in_band =
      top.table < 0 &&
      std::none_of(band.begin(), band.end(),
                   [](const GlyphLine& line) { return HasAmountText(line.text); }) &&
      std::any_of(band.begin(), band.end(),
                  [](const GlyphLine& line) { return IsCaptionText(line.text); }) &&
      std::any_of(band.begin(), band.end(), [](const GlyphLine& line) { return line.header_like; });
  for (const GlyphLine& line : band) upper_lines.push_back(line.text);
  if (!starts_in_band) {
    std::vector<int> page_glyphs;
    for (std::size_t k = 0; k < upper_content.glyphs.size(); ++k) {
      const Glyph& glyph = upper_content.glyphs[k];
      if (RemoveAllWhitespace(glyph.text).empty() || IsFurniture(upper, glyph)) continue;
      page_glyphs.push_back(static_cast<int>(k));
    }
    for (GlyphLine& line : WithoutAmountRests(GlyphLines(upper_content, page_glyphs))) {
      if (!HasAmountText(line.text)) upper_lines.push_back(std::move(line.text));
    }
  }
  std::sort(upper_lines.begin(), upper_lines.end());
  Side bottom = SelectSide(lower_content, lower, false, upper_lines);
  if (bottom.glyphs.empty()) return false;

  // The lower lines laid just under the upper ones.
  double upper_bottom = -1e18, line_height = 0;
  for (int k : top.glyphs) {
    const Box& box = upper_content.glyphs[static_cast<std::size_t>(k)].box;
    if (box.y1 > upper_bottom) {
      upper_bottom = box.y1;
      line_height = box.height();
    }
  }
  double lower_top = 1e18;
  for (int k : bottom.glyphs) {
    lower_top = std::min(lower_top, lower_content.glyphs[static_cast<std::size_t>(k)].box.y0);
  }
  // A row's pitch, not a wrapped line's: the first line below is a row of its
  // own (四、事业收入 under 三、上级补助收入, a summary's label-only rows on
  // both sides of the break), not the wrapped rest of the last line above.
  // But a first line of digit pieces only, each under digits of the last
  // line above, is the wrapped rest of that line's amounts (`26,062.7` at the
  // page's foot, `9` at the next page's top): it is laid tight under them,
  // as in its cell, for MarkAmountTails to complete them.
  const bool rest_on_top = tight_rest && RestOnTop(upper_content, top.glyphs, upper_bottom,
                                                   lower_content, bottom.glyphs, lower_top);
  // The rest stood alone above a table of the lower page, which therefore did not continue
  // the row it completes: read that table with it.
  if (rest_on_top && bottom.table < 0 && !lower.tables.empty()) {
    Side continued = SelectSide(lower_content, lower, false, upper_lines, true);
    if (continued.table >= 0) bottom = std::move(continued);
  }
  if (rest_on_top && top.table < 0 && !upper.tables.empty()) {
    Side continued = SelectSide(upper_content, upper, true, {}, true);
    if (continued.table >= 0) top = std::move(continued);
  }
  if (tried_tight != nullptr) *tried_tight = rest_on_top;
  // Two tables at the break are read again, though no line is left for them
  // to take, when the lower one opens with the rest of the upper one's last
  // amounts (`1,295,239.` at the foot, the repeated header, `20 20`, then
  // rows enough for a table of their own, s1_0083_final): read apart, the
  // rest made a row of its own and the lower part, a few rows with codes
  // joined to their names, got a column model of its own that nothing
  // stitched to the part above.
  const bool rest_between_tables = rest_on_top && top.table >= 0 && bottom.table >= 0;
  if (!top.free_lines && !bottom.free_lines && !rest_between_tables) return false;
  const double gap = rest_on_top ? 0.2 * std::max(1.0, line_height) : std::max(1.0, line_height);
  const double dy = upper_bottom + gap - lower_top;
  const double boundary = upper_bottom + gap / 2;

  PageContent joined;
  joined.page = upper_content.page;
  joined.page.height = upper_content.page.height + lower_content.page.height;
  const std::size_t upper_count = top.glyphs.size();
  joined.glyphs.reserve(upper_count + bottom.glyphs.size());
  for (int k : top.glyphs)
    joined.glyphs.push_back(upper_content.glyphs[static_cast<std::size_t>(k)]);
  for (int k : bottom.glyphs) {
    Glyph glyph = lower_content.glyphs[static_cast<std::size_t>(k)];
    glyph.box.y0 += dy;
    glyph.box.y1 += dy;
    joined.glyphs.push_back(std::move(glyph));
  }
  std::vector<char> taken(joined.glyphs.size(), 0);
  std::vector<DetectedTable> found = DetectUnruledTables(joined, taken);

  // Position in `joined` of each glyph of the tables the sides may extend.
  auto original_positions = [](const Side& side, const PageAnalysis& analysis, std::size_t offset) {
    std::vector<std::size_t> positions;
    if (side.table < 0) return positions;
    const std::vector<int>& held =
        analysis.tables[static_cast<std::size_t>(side.table)].glyph_indices;
    std::vector<int> sorted_held(held.begin(), held.end());
    std::sort(sorted_held.begin(), sorted_held.end());
    for (std::size_t i = 0; i < side.glyphs.size(); ++i) {
      if (std::binary_search(sorted_held.begin(), sorted_held.end(), side.glyphs[i])) {
        positions.push_back(offset + i);
      }
    }
    return positions;
  };
  const std::vector<std::size_t> held_upper = original_positions(top, upper, 0);
  const std::vector<std::size_t> held_lower = original_positions(bottom, lower, upper_count);

  for (DetectedTable& table : found) {
    std::vector<bool> mine(joined.glyphs.size(), false);
    bool above = false, below = false;
    for (int index : table.glyph_indices) {
      mine[static_cast<std::size_t>(index)] = true;
      (static_cast<std::size_t>(index) < upper_count ? above : below) = true;
    }
    if (!above || !below) continue;
    // It must keep every glyph the parts it replaces held, and take more.
    auto holds_all = [&mine](const std::vector<std::size_t>& positions) {
      return std::all_of(positions.begin(), positions.end(),
                         [&mine](std::size_t p) { return mine[p]; });
    };
    if (!holds_all(held_upper) || !holds_all(held_lower)) return false;
    if (table.glyph_indices.size() <= held_upper.size() + held_lower.size() &&
        !rest_between_tables) {
      return false;
    }

    // Rows above the break first, then rows below; none across it.
    std::vector<int> side_of_row(static_cast<std::size_t>(table.table.row_count), 0);
    for (const TableCell& cell : table.table.cells) {
      if (!cell.provenance.box) return false;
      const Box& box = *cell.provenance.box;
      // A row completed by the rest on top of the lower page is the upper
      // page's row: its cells start above the break.
      const int here = box.y1 <= boundary ? 1 : box.y0 >= boundary ? 2 : rest_on_top ? 1 : 3;
      int& row_side = side_of_row[static_cast<std::size_t>(cell.row)];
      row_side |= here;
    }
    int split = 0;
    while (split < table.table.row_count && side_of_row[static_cast<std::size_t>(split)] == 1) {
      ++split;
    }
    for (int r = split; r < table.table.row_count; ++r) {
      if (side_of_row[static_cast<std::size_t>(r)] != 2) return false;
    }
    // Every row above the break: the rest on the lower page's top completed the table's last
    // row, and nothing under it goes on with the table (`21013 | 1,958,` over `99其 | 839.2` at
    // the foot, `他医 | 7` and the label's last lines at the top, then the next table's title).
    // The table stays on its page, whole.
    if (split == table.table.row_count && rest_on_top) {
      KeepWholeOnUpperPage(table, top, bottom, upper_content, upper, lower_content, lower);
      return true;
    }
    if (split == 0 || split == table.table.row_count) return false;

    DetectedTable first = UpperPart(table, split, upper_content);
    DetectedTable second = Part(table, split, table.table.row_count, lower_content.page.number, dy);
    first.table.continues_on_next_page = true;
    second.table.continued_from_previous_page = true;
    SplitGlyphs(table, top, bottom, first.glyph_indices, second.glyph_indices);
    for (Warning warning : table.warnings) {
      if (warning.provenance.box && warning.provenance.box->y0 >= boundary) {
        warning.provenance.box->y0 -= dy;
        warning.provenance.box->y1 -= dy;
        second.warnings.push_back(std::move(warning));
      } else {
        first.warnings.push_back(std::move(warning));
      }
    }

    ReplaceTable(upper, top.table, std::move(first), upper_content);
    ReplaceTable(lower, bottom.table, std::move(second), lower_content);
    // The repeated header is page furniture now: its text is kept there, and
    // it no longer stands between the parts as the continuation's title.
    if (!bottom.repeated.empty()) {
      std::vector<Paragraph> kept;
      for (Paragraph& paragraph : lower.layout.paragraphs) {
        const bool repeat =
            paragraph.provenance.box &&
            std::any_of(bottom.repeated.begin(), bottom.repeated.end(), [&](const Box& box) {
              const Box& at = *paragraph.provenance.box;
              return Inside(box, (at.x0 + at.x1) / 2, CenterY(at));
            });
        (repeat ? lower.layout.furniture : kept).push_back(std::move(paragraph));
      }
      lower.layout.paragraphs = std::move(kept);
    }
    return true;
  }
  return false;
}

}  // namespace

bool RejoinTableAcrossPageBreak(const PageContent& upper_content, PageAnalysis& upper,
                                const PageContent& lower_content, PageAnalysis& lower) {
  // A rest whose amounts end the table (the last row's `34,533.` over `62`
  // at the next page's top, nothing under it) leaves no row below the break
  // to make a part of: read a line apart, as a row, for the normalizer's
  // stitch to complete.
  bool tried_tight = false;
  if (Rejoin(upper_content, upper, lower_content, lower, true, &tried_tight)) return true;
  if (tried_tight && Rejoin(upper_content, upper, lower_content, lower, false, nullptr))
    return true;
  CompleteRowCutUnderRepeatedHeader(upper, lower_content, lower);
  return false;
}

}  // namespace disclose::pdf
