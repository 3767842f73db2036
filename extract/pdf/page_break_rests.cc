// The rest of a row or a header cut by a page break, at the next page's top (page_break_stages.h).
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

}  // namespace

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

}  // namespace disclose::pdf::page_break
