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
#include "extract/pdf/unruled_stages.h"

namespace disclose::pdf {
namespace {

// Free lines further from the break than this share of the page are not
// fragments of a table cut by it: a header and two rows take a few lines.
constexpr double kFragmentBand = 0.5;
// A table's header takes at most this many lines (kMaxHeaderRows of the
// unruled detector, each on a line of its own).
constexpr std::size_t kMaxHeaderLinesAbove = 5;

double CenterY(const Box& box) {
  return (box.y0 + box.y1) / 2;
}

bool Inside(const Box& outer, double x, double y) {
  return x >= outer.x0 - 0.5 && x <= outer.x1 + 0.5 && y >= outer.y0 - 0.5 && y <= outer.y1 + 0.5;
}

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

// One side of the break: the glyphs read again and the table they may extend.
struct Side {
  std::vector<int> glyphs;  // indices into the page's glyphs
  int table = -1;           // index into the analysis' tables, or -1
  bool free_lines = false;  // some glyph no table held
  double from = -1e18;      // the band read again, in page y
  // Lower page only: the lines above its first table that repeat the upper
  // page's foot (a title and header Word repeats on each page, w:tblHeader).
  std::vector<Box> repeated;
};

std::vector<bool> ConsumedGlyphs(const PageContent& content, const PageAnalysis& analysis) {
  std::vector<bool> consumed(content.glyphs.size(), false);
  for (const DetectedTable& table : analysis.tables) {
    for (int index : table.glyph_indices) {
      if (index >= 0 && static_cast<std::size_t>(index) < consumed.size()) consumed[index] = true;
    }
  }
  return consumed;
}

bool IsFurniture(const PageAnalysis& analysis, const Glyph& glyph) {
  const double x = (glyph.box.x0 + glyph.box.x1) / 2;
  const double y = CenterY(glyph.box);
  return std::any_of(analysis.layout.furniture.begin(), analysis.layout.furniture.end(),
                     [&](const Paragraph& paragraph) {
                       return paragraph.provenance.box && Inside(*paragraph.provenance.box, x, y);
                     });
}

// The lines of the upper page's band, whitespace removed: what a repeated
// header on the lower page repeats.
std::vector<std::string> BandLines(const PageAnalysis& analysis, double from) {
  std::vector<std::string> lines;
  for (const Paragraph& paragraph : analysis.layout.paragraphs) {
    if (paragraph.provenance.box && paragraph.provenance.box->y0 >= from) {
      lines.push_back(RemoveAllWhitespace(paragraph.text));
    }
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// One text line of some glyphs of a page (GlyphLines).
struct GlyphLine {
  Box box;
  std::string text;  // whitespace removed
  // Words further apart than a column gap (a header over several columns)
  // and no digit: a header line, never the wrapped rest of a label (one
  // cell) nor a row (its amounts).
  bool header_like = false;
};

// The text lines (by vertical overlap) of some glyphs of a page, top to
// bottom, with their boxes. Paragraphs are no help here: the layout may join
// a repeated header line and the first row under it.
std::vector<GlyphLine> GlyphLines(const PageContent& content, std::vector<int> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [&](int a, int b) {
    return CenterY(content.glyphs[static_cast<std::size_t>(a)].box) <
           CenterY(content.glyphs[static_cast<std::size_t>(b)].box);
  });
  std::vector<std::vector<int>> groups;
  Box box;
  for (int k : glyphs) {
    const Box& at = content.glyphs[static_cast<std::size_t>(k)].box;
    if (!groups.empty() && CenterY(at) <= box.y1 && CenterY(at) >= box.y0) {
      groups.back().push_back(k);
      box = Union(box, at);
      continue;
    }
    groups.push_back({k});
    box = at;
  }
  // A gap this many glyph heights wide separates two cells' words
  // (kColumnGapEm of the unruled detector).
  constexpr double kCellGapEm = 1.2;
  std::vector<GlyphLine> lines;
  for (std::vector<int>& group : groups) {
    std::sort(group.begin(), group.end(), [&](int a, int b) {
      return content.glyphs[static_cast<std::size_t>(a)].box.x0 <
             content.glyphs[static_cast<std::size_t>(b)].box.x0;
    });
    GlyphLine line;
    line.box = content.glyphs[static_cast<std::size_t>(group.front())].box;
    std::string text;
    bool wide_gap = false, digit = false;
    double right = line.box.x1;
    for (int k : group) {
      const Glyph& glyph = content.glyphs[static_cast<std::size_t>(k)];
      if (glyph.box.x0 - right > kCellGapEm * std::max(1.0, glyph.box.height())) wide_gap = true;
      right = std::max(right, glyph.box.x1);
      line.box = Union(line.box, glyph.box);
      text += glyph.text;
    }
    line.text = RemoveAllWhitespace(text);
    digit = std::any_of(line.text.begin(), line.text.end(),
                        [](char c) { return c >= '0' && c <= '9'; });
    line.header_like = wide_gap && !digit;
    lines.push_back(std::move(line));
  }
  return lines;
}

// Whether a line (whitespace removed) prints an amount: a digit, then a
// separator or a decimal point, then a digit.
bool HasAmountText(const std::string& text) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (digit(text[i]) && (text[i + 1] == ',' || text[i + 1] == '.') && digit(text[i + 2])) {
      return true;
    }
  }
  return false;
}

// `lines` (GlyphLines, top to bottom) without the wrapped rests of amounts:
// a line of digits, points and commas only set tight (under half a line)
// under a line that prints digits, as a cell's second line is.
std::vector<GlyphLine> WithoutAmountRests(const std::vector<GlyphLine>& lines) {
  std::vector<GlyphLine> kept;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    if (unruled::IsDigitPiece(lines[l].text) && l > 0) {
      const GlyphLine& above = lines[l - 1];
      const double gap = lines[l].box.y0 - above.box.y1;
      if (gap < 0.5 * std::max(1.0, above.box.height()) &&
          std::any_of(above.text.begin(), above.text.end(), unruled::IsDigitChar)) {
        continue;
      }
    }
    kept.push_back(lines[l]);
  }
  return kept;
}

// A title (…表) or a unit line: what starts a table, never a header's line.
// Two titles of one document differ by a word or two (收入总表, 支出总表).
bool IsCaptionText(const std::string& text) {
  return EndsWith(text, "表") || Contains(text, "单位");
}

// Whether an OCR'd line (whitespace removed) is a header line printed again
// from `lines` (sorted) with a few characters misread: six or more
// characters, no amount, no caption, and three quarters of them, in order,
// those of one line (the longest common subsequence).
bool RepeatsLine(const std::string& text, const std::vector<std::string>& lines) {
  constexpr std::size_t kMinChars = 6;
  const std::vector<char32_t> a = DecodeUtf8(text);
  if (a.size() < kMinChars || HasAmountText(text) || IsCaptionText(text)) return false;
  for (const std::string& line : lines) {
    const std::vector<char32_t> b = DecodeUtf8(line);
    if (b.size() < kMinChars ||
        4 * std::min(a.size(), b.size()) < 3 * std::max(a.size(), b.size())) {
      continue;
    }
    std::vector<std::size_t> row(b.size() + 1, 0), next(b.size() + 1, 0);
    for (char32_t c : a) {
      for (std::size_t j = 0; j < b.size(); ++j) {
        next[j + 1] = c == b[j] ? row[j] + 1 : std::max(row[j + 1], next[j]);
      }
      std::swap(row, next);
    }
    if (4 * row[b.size()] >= 3 * std::max(a.size(), b.size())) return true;
  }
  return false;
}

// Whether `text` (whitespace removed) is two lines of `lines` (sorted) drawn over one another:
// LibreOffice draws a repeated header's rows at one y (科目编码 … 项目支出 and 栏次 1 2 3), and
// their glyphs make one line, interleaved (栏科次目编码科目名称本1年支出合计…, s31w_0075_budget):
// the same characters as the two lines together, in another order.
bool RepeatsTwoLinesDrawnOverOneAnother(const std::string& text,
                                        const std::vector<std::string>& lines) {
  std::vector<char32_t> merged = DecodeUtf8(text);
  if (merged.empty() || HasAmountText(text)) return false;
  std::sort(merged.begin(), merged.end());
  for (std::size_t a = 0; a < lines.size(); ++a) {
    for (std::size_t b = a + 1; b < lines.size(); ++b) {
      if (lines[a].size() + lines[b].size() != text.size()) continue;
      std::vector<char32_t> both = DecodeUtf8(lines[a] + lines[b]);
      std::sort(both.begin(), both.end());
      if (both == merged) return true;
    }
  }
  return false;
}

// Past `from`, the index after the lines that each repeat a line of `upper_lines` with a few
// characters misread (RepeatsLine): an OCR'd repeated header's lines read a little differently
// under the ones read as printed (项目 金额 … 人金额 under 附表1 and its title, H25
// s3w_0391_final).
std::size_t PastMisreadRepeats(const std::vector<GlyphLine>& lines, std::size_t from,
                               const std::vector<std::string>& upper_lines) {
  while (from < lines.size() && RepeatsLine(lines[from].text, upper_lines)) ++from;
  return from;
}

// A line that can only be the wrapped rest of a label cut by the break: a
// few characters, no digit (a row, a title or a note is longer or has one).
bool IsLabelRest(const std::string& text) {
  constexpr std::size_t kMaxRestChars = 4;
  return !text.empty() && DecodeUtf8(text).size() <= kMaxRestChars &&
         std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The lines of a label cell cut by the break, at most (a narrow cell wraps 二、政府性基金预算
// 财政拨款 over four lines).
constexpr std::size_t kMaxRestLines = 3;

// One line of a narrow label cell: a few characters, no digit, nothing a title, a unit line
// or a note has. A narrow cell's line holds up to eight (seven in s22w_0050_final's summary,
// 预算财政拨款收, which six left unjoined).
bool IsCellLineRest(const std::string& text) {
  constexpr std::size_t kMaxCellLineChars = 8;
  if (text.empty() || DecodeUtf8(text).size() > kMaxCellLineChars || IsCaptionText(text)) {
    return false;
  }
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  for (std::string_view mark : {"。", "：", ":", "；", "，"}) {
    if (Contains(text, mark)) return false;
  }
  return true;
}

// Past `from`, the index after the lines set tight under the repeated header (the rest of one of
// its cells, wrapped), each a few characters and no digit: the header's last line read
// differently on each page (款 of 政府性基金预算财政拨款, read 3了人 above the break), which is
// no line of the upper band and sat between the rows, ending the run (H31 s3w_0487_final). The
// rest of a label the break cut is a row's, further down than a cell's line pitch.
std::size_t PastWrappedHeaderCells(const std::vector<GlyphLine>& lines, std::size_t from) {
  while (from > 0 && from + 1 < lines.size() && IsCellLineRest(lines[from].text) &&
         lines[from].box.y0 - lines[from - 1].box.y1 <=
             unruled::kWrapGapLines * std::max(1.0, lines[from - 1].box.height())) {
    ++from;
  }
  return from;
}

// Whether lines[from..] are the rest of one label the break cut, wrapped over one to
// kMaxRestLines lines of its narrow cell (二、政府性基金预算财 at the foot, 政拨款收入 under
// the repeated header at the top): each a cell's line (IsCellLineRest), flush with the first.
bool AreRestsOfACutLabel(const std::vector<GlyphLine>& lines, std::size_t from) {
  if (from >= lines.size() || lines.size() - from > kMaxRestLines) return false;
  return std::all_of(
      lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end(), [&](const GlyphLine& line) {
        const double em = std::max(1.0, std::min(line.box.height(), 20.0));
        return IsCellLineRest(line.text) && std::abs(line.box.x0 - lines[from].box.x0) < em;
      });
}

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

// A line's glyphs grouped into pieces, left to right: a gap wider than
// `gap` starts a new piece (one cell's text is set tight).
struct TextPiece {
  std::string text;
  Box box;
};

std::vector<TextPiece> Pieces(std::vector<const Glyph*> glyphs, double gap) {
  std::sort(glyphs.begin(), glyphs.end(),
            [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
  std::vector<TextPiece> pieces;
  for (const Glyph* glyph : glyphs) {
    const std::string text = RemoveAllWhitespace(glyph->text);
    if (text.empty()) continue;
    if (pieces.empty() || glyph->box.x0 - pieces.back().box.x1 > gap) {
      pieces.push_back(TextPiece{"", glyph->box});
    }
    pieces.back().text += text;
    pieces.back().box = Union(pieces.back().box, glyph->box);
  }
  return pieces;
}

// Whether the lower side's first line is the rest of a whole row the break
// cut, label and amounts both wrapped in their narrow cells (`二、政府性基金预
// | 1,215,297` at the page's foot, `算拨款 | .24` at the next page's top): it
// holds some digit piece, each under a digit piece of the last line above
// that it makes a whole amount with (`1,215,297` + `.24`; a row's own amount,
// `655,420.21` under `1,215,297`, never does), and every other piece is
// text without a digit lying within a label of that line (a cell's wrapped
// rest never leaves its cell). A row of its own starts a label where no
// label stands above or prints whole amounts, and is left a row.
bool RowRestOnTop(const std::vector<TextPiece>& last, const std::vector<TextPiece>& first,
                  double slack) {
  const auto amount_piece = [](const std::string& text) {
    return unruled::IsDigitPiece(text) &&
           std::any_of(text.begin(), text.end(), unruled::IsDigitChar);
  };
  const auto text_piece = [](const std::string& text) {
    return !text.empty() && std::none_of(text.begin(), text.end(), unruled::IsDigitChar);
  };
  // A label's line above may print digits (a code's rest wrapped with its name, `99其` of
  // 2101399 其他医疗保障管理事务支出), but is no amount.
  const auto label_piece = [&](const std::string& text) {
    return !text.empty() && !unruled::IsDigitPiece(text);
  };
  bool amounts = false;
  for (const TextPiece& piece : first) {
    bool fits = false;
    for (const TextPiece& above : last) {
      const bool overlaps =
          piece.box.x0 < above.box.x1 + slack && piece.box.x1 > above.box.x0 - slack;
      if (!overlaps) continue;
      if (amount_piece(piece.text)) {
        fits = amount_piece(above.text) && unruled::IsWellFormedAmount(above.text + piece.text);
      } else {
        fits = text_piece(piece.text) && label_piece(above.text) &&
               piece.box.x0 >= above.box.x0 - slack && piece.box.x1 <= above.box.x1 + slack;
      }
      if (fits) break;
    }
    if (!fits) return false;
    amounts = amounts || amount_piece(piece.text);
  }
  return amounts;
}

// Whether the lower side's first line is the rest of a header line the break cut, a word
// wrapped in its narrow cell (`项目 | 行次 | 预算数 | 支出功能分 | …` at the page's foot, `类` at
// the next page's top, s30w_0067_budget): the last line above is a header line (two words or
// more, no digit), and each piece of the first line is a few characters without a digit lying
// within one of its words, one piece a word. Laid a row's pitch under the header, the rest
// ended it, and the header was lost.
bool HeaderRestOnTop(const std::vector<TextPiece>& last, const std::vector<TextPiece>& first,
                     double slack) {
  constexpr std::size_t kMaxRestChars = 4;
  const auto has_digit = [](const TextPiece& piece) {
    return std::any_of(piece.text.begin(), piece.text.end(), unruled::IsDigitChar);
  };
  if (last.size() < 2 || first.empty() || std::any_of(last.begin(), last.end(), has_digit)) {
    return false;
  }
  std::vector<bool> word_taken(last.size(), false);
  for (const TextPiece& piece : first) {
    if (has_digit(piece) || DecodeUtf8(piece.text).size() > kMaxRestChars) return false;
    std::size_t w = 0;
    while (w < last.size() &&
           !(piece.box.x0 >= last[w].box.x0 - slack && piece.box.x1 <= last[w].box.x1 + slack)) {
      ++w;
    }
    if (w == last.size() || word_taken[w]) return false;
    word_taken[w] = true;
  }
  return true;
}

// The pieces a row cut by the break ends with, left to right: its last line's, and for each
// cell whose text ended a line or more higher, that cell's last piece (`59,955.` in the column
// where the last line holds nothing, beside `59,9` over `55.4`, s96wn_0099_budget's income
// table): the lines above, each set tight over the one below (a cell's wrapped lines), are the
// row's too.
std::vector<TextPiece> RowEndPieces(const PageContent& content, const std::vector<int>& glyphs,
                                    double bottom, double slack) {
  constexpr int kMaxCellLines = 4;
  std::vector<const Glyph*> rest;
  for (int k : glyphs) rest.push_back(&content.glyphs[static_cast<std::size_t>(k)]);
  std::vector<TextPiece> pieces;
  double line_top = bottom;
  for (int line = 0; line < kMaxCellLines && !rest.empty(); ++line) {
    const auto lowest =
        std::max_element(rest.begin(), rest.end(),
                         [](const Glyph* a, const Glyph* b) { return a->box.y1 < b->box.y1; });
    const double line_bottom = (*lowest)->box.y1, height = std::max(1.0, (*lowest)->box.height());
    if (line > 0 && line_top - line_bottom > 0.5 * height) break;  // a row's gap above
    std::vector<const Glyph*> on_line, above;
    for (const Glyph* glyph : rest) {
      (glyph->box.y1 >= line_bottom - 0.5 * glyph->box.height() ? on_line : above).push_back(glyph);
    }
    for (TextPiece& piece : Pieces(on_line, slack)) {
      const bool covered = std::any_of(pieces.begin(), pieces.end(), [&](const TextPiece& below) {
        return piece.box.x0 < below.box.x1 && piece.box.x1 > below.box.x0;
      });
      if (!covered) pieces.push_back(std::move(piece));
    }
    line_top = std::numeric_limits<double>::max();
    for (const Glyph* glyph : on_line) line_top = std::min(line_top, glyph->box.y0);
    rest = std::move(above);
  }
  std::sort(pieces.begin(), pieces.end(),
            [](const TextPiece& a, const TextPiece& b) { return a.box.x0 < b.box.x0; });
  return pieces;
}

// Whether the lower side's first line is digit pieces only ("9", ".73",
// "583.75"), each under a digit or point of the upper side's last line: the
// rest of amounts wrapped in their cells, cut from them by the page break;
// or the rest of a whole row, its label's wrapped words too (RowRestOnTop);
// or the rest of a header line (HeaderRestOnTop).
bool RestOnTop(const PageContent& upper_content, const std::vector<int>& upper_glyphs,
               double upper_bottom, const PageContent& lower_content,
               const std::vector<int>& lower_glyphs, double lower_top) {
  std::vector<const Glyph*> last, first;
  double last_height = 1, first_height = 1;
  for (int k : upper_glyphs) {
    const Glyph& glyph = upper_content.glyphs[static_cast<std::size_t>(k)];
    if (glyph.box.y1 >= upper_bottom - 0.5 * glyph.box.height()) last.push_back(&glyph);
  }
  for (int k : lower_glyphs) {
    const Glyph& glyph = lower_content.glyphs[static_cast<std::size_t>(k)];
    if (glyph.box.y0 <= lower_top + 0.5 * glyph.box.height()) first.push_back(&glyph);
  }
  if (last.empty() || first.empty()) return false;
  for (const Glyph* glyph : last) last_height = std::max(last_height, glyph->box.height());
  for (const Glyph* glyph : first) first_height = std::max(first_height, glyph->box.height());
  const double slack = 0.5 * std::max(last_height, first_height);
  const bool digits_only = std::all_of(first.begin(), first.end(), [&](const Glyph* piece) {
    return unruled::IsDigitPiece(piece->text) &&
           std::any_of(last.begin(), last.end(), [&](const Glyph* above) {
             return unruled::IsDigitPiece(above->text) && piece->box.x0 < above->box.x1 + slack &&
                    piece->box.x1 > above->box.x0 - slack;
           });
  });
  if (digits_only) return true;
  const std::vector<TextPiece> last_pieces = Pieces(last, slack);
  const std::vector<TextPiece> first_pieces = Pieces(first, slack);
  return RowRestOnTop(RowEndPieces(upper_content, upper_glyphs, upper_bottom, slack), first_pieces,
                      slack) ||
         HeaderRestOnTop(last_pieces, first_pieces, slack);
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
  std::size_t first = lines.size();
  // A 栏次 row (栏次 1 2 3) numbers the header's columns: part of it.
  while (first > 0 && heads_columns(first - 1) && lines.size() - first < kMaxHeaderLinesAbove) {
    --first;
  }
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
      std::size_t top = rows - 1;
      while (top > 0 && heads_columns(top - 1) && rows - top < kMaxHeaderLinesAbove) --top;
      from = std::min(from, lines[top].box.y0 - 0.5);
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
    const bool drawn_over =
        !std::binary_search(upper_lines.begin(), upper_lines.end(), line.text) &&
        RepeatsTwoLinesDrawnOverOneAnother(line.text, upper_lines);
    if (!drawn_over && !std::binary_search(upper_lines.begin(), upper_lines.end(), line.text)) {
      break;
    }
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

// The upper page's foot (upper == true) or the lower page's top; `upper_lines`
// are the upper band's lines (BandLines), for the lower page.
Side SelectSide(const PageContent& content, const PageAnalysis& analysis, bool upper,
                const std::vector<std::string>& upper_lines = {}, bool rest_on_top = false) {
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

// `table`, detected on the joined content with every row above the break, replaces the upper
// side's table on its page; the lower page's glyphs it took (the rest of its last row) leave
// that page's text for its furniture.
void KeepWholeOnUpperPage(const DetectedTable& table, const Side& top, const Side& bottom,
                          const PageContent& upper_content, PageAnalysis& upper,
                          const PageContent& lower_content, PageAnalysis& lower) {
  DetectedTable whole = Part(table, 0, table.table.row_count, upper_content.page.number, 0);
  // A cell completed by the rest on the lower page ends at the page's foot.
  for (TableCell& cell : whole.table.cells) {
    if (cell.provenance.box) {
      cell.provenance.box->y1 = std::min(cell.provenance.box->y1, upper_content.page.height);
    }
  }
  std::vector<int> taken_below;
  for (int index : table.glyph_indices) {
    const std::size_t position = static_cast<std::size_t>(index);
    if (position < top.glyphs.size()) {
      whole.glyph_indices.push_back(top.glyphs[position]);
    } else {
      taken_below.push_back(bottom.glyphs[position - top.glyphs.size()]);
    }
  }
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

    DetectedTable first = Part(table, 0, split, upper_content.page.number, 0);
    // A cell completed by the rest on the lower page ends at the page's foot.
    for (TableCell& cell : first.table.cells) {
      if (cell.provenance.box) {
        cell.provenance.box->y1 = std::min(cell.provenance.box->y1, upper_content.page.height);
      }
    }
    DetectedTable second = Part(table, split, table.table.row_count, lower_content.page.number, dy);
    first.table.continues_on_next_page = true;
    second.table.continued_from_previous_page = true;
    for (int index : table.glyph_indices) {
      const std::size_t position = static_cast<std::size_t>(index);
      if (position < upper_count) {
        first.glyph_indices.push_back(top.glyphs[position]);
      } else {
        second.glyph_indices.push_back(bottom.glyphs[position - upper_count]);
      }
    }
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

// The last line of a cell whose amount a narrow cell wrapped: cut after a
// comma, after the point, or after the first decimal (`71,317,314.2`).
bool IsCutAmountHead(std::string_view line) {
  if (!unruled::IsDigitPiece(line) || !unruled::IsDigitChar(line.front())) return false;
  const char last = line.back();
  return last == ',' || last == '.' || (line.size() >= 3 && line[line.size() - 2] == '.');
}

// The last line of a cell printing a whole number (27,465): the head of an amount whose
// decimals a narrow cell wrapped onto a line of their own that starts with the point (.48).
bool IsWholeAmountHead(std::string_view line) {
  if (!unruled::IsDigitPiece(line) || !unruled::IsDigitChar(line.front())) return false;
  return line.find('.') == std::string_view::npos && line.back() >= '0' && line.back() <= '9';
}

// A table's last row at the page foot whose amounts wrapped in narrow cells,
// the rests printed at the top of the next page under the table's repeated
// header (`合计 71,317,314.2` | header | `4 4`, s2w_0136_final): the repeated
// header keeps the rests from being laid under their heads, and no row below
// them makes a part for RejoinTableAcrossPageBreak, so the rests stayed a
// paragraph and the row read 71,317,314.20. The first lines of the lower page
// above any table, down to a line of digit pieces only, carry no amount; the
// pieces are as many as the cut cells of the upper page's last table's last
// row (nothing under it on its page), each ends within the cell it completes,
// and each head with its rest is a well-formed amount. Then the rests join
// their cells, as MarkAmountTails joins them within a page, and the line goes
// to the furniture. Rests that all start with the point (.48 .48) complete
// the cells printing whole numbers instead (27,465, s19w_0065_final).
bool CompleteRowCutUnderRepeatedHeader(PageAnalysis& upper, const PageContent& lower_content,
                                       PageAnalysis& lower) {
  if (upper.tables.empty()) return false;
  DetectedTable* last = &upper.tables.front();
  for (DetectedTable& table : upper.tables) {
    if (table.box.y1 > last->box.y1) last = &table;
  }
  for (const Paragraph& paragraph : upper.layout.paragraphs) {
    if (paragraph.provenance.box && paragraph.provenance.box->y0 >= last->box.y1) return false;
  }
  const int row = last->table.row_count - 1;
  std::vector<TableCell*> cut_heads;
  std::vector<TableCell*> whole_heads;
  for (TableCell& cell : last->table.cells) {
    if (cell.row != row || !cell.provenance.box) continue;
    const std::string text = Trim(cell.text);
    const std::size_t newline = text.rfind('\n');
    const std::string line = newline == std::string::npos ? text : text.substr(newline + 1);
    if (IsCutAmountHead(line)) cut_heads.push_back(&cell);
    if (IsWholeAmountHead(line)) whole_heads.push_back(&cell);
  }
  if (cut_heads.empty() && whole_heads.empty()) return false;
  for (std::vector<TableCell*>* heads : {&cut_heads, &whole_heads}) {
    std::sort(heads->begin(), heads->end(), [](const TableCell* a, const TableCell* b) {
      return a->provenance.box->x0 < b->provenance.box->x0;
    });
  }

  double first_table = 1e18;
  for (const DetectedTable& table : lower.tables) first_table = std::min(first_table, table.box.y0);
  constexpr std::size_t kMaxHeaderLines = 6;
  std::size_t rest = lower.layout.paragraphs.size();
  for (std::size_t p = 0; p < lower.layout.paragraphs.size() && p <= kMaxHeaderLines; ++p) {
    const Paragraph& paragraph = lower.layout.paragraphs[p];
    if (!paragraph.provenance.box || paragraph.provenance.box->y1 > first_table) break;
    const std::string compact = RemoveAllWhitespace(paragraph.text);
    if (!compact.empty() && std::all_of(compact.begin(), compact.end(), [](char c) {
          return unruled::IsDigitChar(c) || c == '.';
        })) {
      rest = p;
      break;
    }
    if (HasAmountText(compact) || IsCaptionText(paragraph.text)) break;
  }
  if (rest == lower.layout.paragraphs.size()) return false;
  const Box& at = *lower.layout.paragraphs[rest].provenance.box;

  // The rest line's digit pieces, left to right, apart where a gap is wider than half a
  // character (one cell's digits are set tight).
  std::vector<const Glyph*> glyphs;
  double height = 0;
  for (const Glyph& glyph : lower_content.glyphs) {
    const double x = (glyph.box.x0 + glyph.box.x1) / 2, y = CenterY(glyph.box);
    if (x >= at.x0 && x <= at.x1 && y >= at.y0 && y <= at.y1) {
      glyphs.push_back(&glyph);
      height = std::max(height, glyph.box.height());
    }
  }
  const std::vector<TextPiece> pieces = Pieces(std::move(glyphs), 0.5 * height);
  const bool decimals =
      !pieces.empty() && std::all_of(pieces.begin(), pieces.end(), [](const TextPiece& piece) {
        return StartsWith(piece.text, ".");
      });
  const std::vector<TableCell*>& heads = decimals ? whole_heads : cut_heads;
  if (pieces.size() != heads.size()) return false;
  constexpr double kEdgeTolerance = 2.0;  // points
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Box& cell = *heads[i]->provenance.box;
    if (pieces[i].box.x1 < cell.x0 || pieces[i].box.x1 > cell.x1 + kEdgeTolerance) return false;
    const std::string text = Trim(heads[i]->text);
    const std::size_t newline = text.rfind('\n');
    const std::string head = newline == std::string::npos ? text : text.substr(newline + 1);
    if (!unruled::IsWellFormedAmount(head + pieces[i].text)) return false;
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    heads[i]->text = Trim(heads[i]->text) + "\n" + pieces[i].text;
  }
  lower.layout.furniture.push_back(lower.layout.paragraphs[rest]);
  lower.layout.paragraphs.erase(lower.layout.paragraphs.begin() +
                                static_cast<std::ptrdiff_t>(rest));
  return true;
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
