// Private to extract/pdf: page layout without Poppler. Turns the glyphs of a
// PageContent that no table consumed into text lines, then paragraphs, and
// separates page furniture (running headers, footers, page numbers).
//
//   DedupeFakeBold(content.glyphs);               // before table detection
//   std::vector<bool> consumed = ...;             // glyphs used by tables
//   PageLayout layout = LayoutPage(content, consumed);
//   for (Paragraph& p : layout.paragraphs) ...    // provenance.page and box set
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {

// Word and WPS fake bold by drawing each glyph twice, slightly offset. Removes
// the later copy of any glyph with the same text whose box overlaps an earlier
// one by more than 70% of the smaller box. Keeps order otherwise.
void DedupeFakeBold(std::vector<Glyph>& glyphs);

// A table's repeated header drawn over its first body row on a page (LibreOffice draws both
// rows at one y, glyph on glyph): on a line whose glyphs split by drawing order into two
// layers that cover each other, each clean, the first a header (two words or more, no digit)
// over at least three glyphs of the second, a row with an amount, the first layer is removed
// from `glyphs` and returned, one entry per such line. Keeps order otherwise (overprint.cc).
std::vector<std::vector<Glyph>> TakeOverprintedHeaders(std::vector<Glyph>& glyphs);

struct TextLine {
  std::string text;
  Box box;               // union of the glyph boxes, displayed coordinates
  double font_size = 0;  // median of the glyphs
  int rotation = 0;
  int glyph_count = 0;
  bool bold_like = false;  // most glyphs set in a bold or display face (Hei, Bold, 小标宋)
};

// Clusters the glyphs at `indices` into lines (same rotation, overlapping
// vertically), ordered top to bottom then left to right. Spaces are inserted
// only at real gaps: > 0.2 em between Latin letters or digits, > 0.45 em anywhere
// (a column gap), never between CJK glyphs set tight.
std::vector<TextLine> BuildLines(const std::vector<Glyph>& glyphs, const std::vector<int>& indices);

// True for texts that are only a page number: "3", "- 3 -", "—3—", "第 3 页",
// "第3页 共25页", "3/25", "3 / 25".
bool IsPageNumberText(std::string_view text);

// The heading depth a line's leading mark implies: 2 for "一、" or "第一部分",
// 3 for "（一）", 4 for "1." / "1、"; 0 when there is none.
int HeadingMarkLevel(std::string_view text);

struct PageLayout {
  std::vector<Paragraph> paragraphs;  // reading order; provenance.page/box/origin set
  std::vector<Paragraph> furniture;   // headers, footers, page numbers
};

// `consumed[i]` marks glyph i as used by a table (may be shorter than glyphs).
PageLayout LayoutPage(const PageContent& page, const std::vector<bool>& consumed);

// The whole per-page analysis shared by the reader and `disclose inspect`:
// dedupes fake bold in place, detects tables, lays out the remaining text.
struct PageAnalysis {
  std::vector<DetectedTable> tables;
  PageLayout layout;
};
PageAnalysis AnalyzePage(PageContent& content);

// Appends one page's tables and paragraphs to `doc.blocks` ordered by their
// top edge, setting provenance.block (tables: every cell too) and pages; the
// furniture goes to doc.furniture. Consumes `analysis`.
void AppendPageBlocks(int page_number, PageAnalysis& analysis, Document& doc);

// Moves to doc.furniture the one-line paragraphs repeated in the top or bottom
// tenth of at least three pages and half of all pages (digits aside, so "第3页"
// repeats too): running heads set at body size, which LayoutPage cannot tell
// from a title on one page. Renumbers provenance.block of what follows.
void MoveRepeatedRunningHeads(Document& doc);

// Marks a table that ends in the bottom 15% of its page (or anywhere, when it
// holds no amount: a header the body left behind), as that page's last
// block, when the next page opens with a table of the same column count:
// continues_on_next_page on it, continued_from_previous_page on the next.
// Ruled parts of the same width whose column counts differ (a header cut by
// the break) are first re-anchored on the union of their column edges.
// Needs doc.pages filled (heights).
void MarkContinuations(Document& doc);

}  // namespace disclose::pdf
