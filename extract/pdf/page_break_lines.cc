// The text lines of some glyphs of a page at a page break, and what a line can be
// (page_break_stages.h).
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

}  // namespace

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

bool HasAmountText(const std::string& text) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (digit(text[i]) && (text[i + 1] == ',' || text[i + 1] == '.') && digit(text[i + 2])) {
      return true;
    }
  }
  return false;
}

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

bool IsCaptionText(const std::string& text) {
  return EndsWith(text, "表") || Contains(text, "单位");
}

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

std::size_t PastMisreadRepeats(const std::vector<GlyphLine>& lines, std::size_t from,
                               const std::vector<std::string>& upper_lines) {
  while (from < lines.size() && RepeatsLine(lines[from].text, upper_lines)) ++from;
  return from;
}

bool IsLabelRest(const std::string& text) {
  constexpr std::size_t kMaxRestChars = 4;
  return !text.empty() && DecodeUtf8(text).size() <= kMaxRestChars &&
         std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t PastWrappedHeaderCells(const std::vector<GlyphLine>& lines, std::size_t from) {
  while (from > 0 && from + 1 < lines.size() && IsCellLineRest(lines[from].text) &&
         lines[from].box.y0 - lines[from - 1].box.y1 <=
             unruled::kWrapGapLines * std::max(1.0, lines[from - 1].box.height())) {
    ++from;
  }
  return from;
}

bool AreRestsOfACutLabel(const std::vector<GlyphLine>& lines, std::size_t from) {
  if (from >= lines.size() || lines.size() - from > kMaxRestLines) return false;
  return std::all_of(
      lines.begin() + static_cast<std::ptrdiff_t>(from), lines.end(), [&](const GlyphLine& line) {
        const double em = std::max(1.0, std::min(line.box.height(), 20.0));
        return IsCellLineRest(line.text) && std::abs(line.box.x0 - lines[from].box.x0) < em;
      });
}

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

}  // namespace disclose::pdf::page_break
