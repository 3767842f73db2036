#include "extract/ocr/ocr_page.h"

#include <PDFDoc.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

#include "core/ocr_readings.h"
#include "core/text.h"
#include "extract/ocr/dropped_text.h"
#include "extract/ocr/ink_read_twice.h"
#include "extract/ocr/large_text.h"
#include "extract/ocr/ocr_engine.h"
#include "extract/ocr/page_break.h"
#include "extract/ocr/page_image.h"

namespace disclose::ocr {
namespace {

// Below this a scan's small characters fall under Tesseract's ~20 px x-height.
constexpr double kMinScanPpi = 200;
constexpr double kMaxScanPpi = 600;
// The most decimals an amount is printed with: 万元 to the yuan (Beijing's
// budgets print "222.817954").
constexpr std::size_t kMaxLongDecimals = 6;
// A label whose every character the page pass read at least this sure of is
// not read again.
constexpr int kConfidentLabel = 90;

bool IsDigitLike(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool IsSeparatorLike(char32_t c) {
  return c == U'.' || c == U',' || c == U'-' || c == U'．' || c == U'，' || c == U'－' ||
         c == U'−' || c == U'—' || c == U'%' || c == U' ';
}

// How a cell's page-level reading looks: an amount (digits and separators),
// a label, or nothing.
enum class CellShape { kEmpty, kAmount, kNearAmount, kLabel };

CellShape ShapeOf(std::string_view text) {
  int digits = 0, separators = 0, other = 0;
  for (char32_t c : DecodeUtf8(text)) {
    if (IsDigitLike(c))
      ++digits;
    else if (IsSeparatorLike(c) || c == U'\n')
      ++separators;
    else
      ++other;
  }
  if (digits + other == 0) return separators > 0 ? CellShape::kNearAmount : CellShape::kEmpty;
  if (other == 0) return CellShape::kAmount;
  // One or two misread characters in a run of digits: an amount OCR garbled.
  if (digits >= 3 && other <= 2) return CellShape::kNearAmount;
  return CellShape::kLabel;
}

bool Contains(const Box& box, const Box& inner) {
  const double cx = (inner.x0 + inner.x1) / 2, cy = (inner.y0 + inner.y1) / 2;
  return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
}

// How wide a character sets, in ems: CJK and full-width forms one, others half.
double WidthUnits(std::string_view text) {
  double units = 0;
  for (char32_t c : DecodeUtf8(text)) {
    units += (IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
                 ? 1.0
                 : 0.5;
  }
  return std::max(units, 0.5);
}

// An ideograph or a full-width mark (、，（）：): what Chinese sets without spaces.
bool IsCjkCharacter(char32_t c) {
  return IsCjkIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
}

}  // namespace

GlyphHeight GlyphHeightOfBand(double top, double bottom) {
  const double band = std::max(bottom - top, 0.1);
  const double em = std::max(1.0, band / kBandPerEm);
  const double middle = (top + bottom) / 2;
  return GlyphHeight{middle - kGlyphBoxEm * em / 2, middle + kGlyphBoxEm * em / 2, em};
}

Box InkBoxOfGlyphBox(const Box& box) {
  const double band = box.height() * kBandPerEm / kGlyphBoxEm;
  const double middle = (box.y0 + box.y1) / 2;
  return Box{box.x0, middle - band / 2, box.x1, middle + band / 2};
}

namespace {

// Symbols become glyphs sharing their line's band, so layout groups them as
// the text layer's glyphs. Each word's box is shared among its characters by
// their set widths: the LSTM engine's character boxes are too narrow (gaps
// that layout would read as spaces inside a CJK word) and may overlap (which
// the fake-bold filter would take for a re-struck "00").
// The words of each text line ordered left to right (a word's characters
// keep their order). The LSTM's reading order is not always the line's: a
// hallucinated "拨" at x 367 came before the "二" at 143 that starts its line,
// and the words after it were pushed right of it.
std::vector<Symbol> WordsLeftToRight(const std::vector<Symbol>& symbols) {
  struct Word {
    std::size_t begin, end;
    int x0;
  };
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t line = 0; line < symbols.size();) {
    std::size_t line_end = line + 1;
    while (line_end < symbols.size() && symbols[line_end].line_top == symbols[line].line_top &&
           symbols[line_end].line_bottom == symbols[line].line_bottom)
      ++line_end;
    std::vector<Word> words;
    for (std::size_t begin = line; begin < line_end;) {
      std::size_t end = begin + 1;
      while (end < line_end && symbols[end].word == symbols[begin].word) ++end;
      int x0 = symbols[begin].word_x1 > symbols[begin].word_x0 ? symbols[begin].word_x0 : INT_MAX;
      if (x0 == INT_MAX)
        for (std::size_t i = begin; i < end; ++i) x0 = std::min(x0, symbols[i].x0);
      words.push_back({begin, end, x0});
      begin = end;
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    for (const Word& word : words)
      for (std::size_t i = word.begin; i < word.end; ++i) out.push_back(symbols[i]);
    line = line_end;
  }
  return out;
}

std::vector<pdf::Glyph> ToGlyphs(const std::vector<Symbol>& unordered, double scale) {
  const std::vector<Symbol> symbols = WordsLeftToRight(unordered);
  std::vector<pdf::Glyph> glyphs;
  glyphs.reserve(symbols.size());
  // Words of one text line, left to right, may overlap; each starts where the
  // one before it ended, so characters never interleave.
  int line_top = -1, line_bottom = -1, cursor = 0;
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word) ++end;
    const Symbol& first = symbols[begin];
    int word_x0 = first.word_x0, word_x1 = first.word_x1;
    if (word_x1 <= word_x0) {
      word_x0 = first.x0;
      word_x1 = first.x1;
      for (std::size_t i = begin; i < end; ++i) {
        word_x0 = std::min(word_x0, symbols[i].x0);
        word_x1 = std::max(word_x1, symbols[i].x1);
      }
    }
    if (first.line_top == line_top && first.line_bottom == line_bottom) {
      word_x0 = std::max(word_x0, cursor);
      word_x1 = std::max(word_x1, word_x0 + 1);
    }
    line_top = first.line_top;
    line_bottom = first.line_bottom;
    cursor = word_x1;
    double total = 0;
    for (std::size_t i = begin; i < end; ++i) total += WidthUnits(symbols[i].text);
    double x = word_x0;
    const double per_unit = (word_x1 - word_x0) / total;
    // The whole line's band, not the character's: layout then sees one line.
    const int top = first.line_top, bottom = std::max(first.line_bottom, first.line_top + 1);
    const GlyphHeight height = GlyphHeightOfBand(top * scale, bottom * scale);
    for (std::size_t i = begin; i < end; ++i) {
      const Symbol& symbol = symbols[i];
      const double width = WidthUnits(symbol.text) * per_unit;
      pdf::Glyph glyph;
      glyph.text = SanitizeUtf8(symbol.text);
      glyph.box = Box{x * scale, height.y0, (x + width) * scale, height.y1};
      x += width;
      if (glyph.text.empty()) continue;
      glyph.font_size = height.em;
      glyph.confidence = symbol.confidence;
      glyphs.push_back(std::move(glyph));
    }
    begin = end;
  }
  // Chinese has no spaces: the engine's word breaks inside a run of CJK are
  // arbitrary, and a justified line spreads its characters wider than the
  // 0.45 em layout reads as a space. A gap under one em between two CJK
  // characters is closed; wider gaps (columns) stay. Beside a CJK character
  // any other (a figure in "共计 1,016.73 万元") only under half an em: in a
  // table without rules a label and the 行次 or amount after it are two cells
  // 0.6 em apart (the padding of two cells), and closed they were one
  // ("二、政府性基金预算拨款收入2").
  for (std::size_t i = 1; i < glyphs.size(); ++i) {
    pdf::Glyph& left = glyphs[i - 1];
    const pdf::Glyph& right = glyphs[i];
    if (left.box.y0 != right.box.y0 || left.box.y1 != right.box.y1) continue;
    const double gap = right.box.x0 - left.box.x1;
    if (gap <= 0 || gap >= right.font_size) continue;
    const auto a = DecodeUtf8(left.text), b = DecodeUtf8(right.text);
    const bool cjk_left = !a.empty() && IsCjkCharacter(a.back());
    const bool cjk_right = !b.empty() && IsCjkCharacter(b.front());
    if ((cjk_left && cjk_right) || ((cjk_left || cjk_right) && gap < 0.5 * right.font_size))
      left.box.x1 = right.box.x0;
  }
  return glyphs;
}

// Words of digits and marks the amount grammar puts right ("44,.996.67" ->
// "44,996.67", "13.205.30" -> "13,205.30") are written as it reads them
// before tables are looked for: with a doubled or misread mark a figure is no
// number to the table detector (two points), and its row no row of a table
// without rules (its first row was lost so). Each character of the reading
// takes the word's box and its least confidence.
void NormalizeAmountWords(std::vector<Symbol>& symbols) {
  std::vector<Symbol> out;
  out.reserve(symbols.size());
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].word == symbols[begin].word) ++end;
    std::string text;
    bool amount_like = true;
    int confidence = 100;
    Symbol first = symbols[begin];
    for (std::size_t i = begin; i < end; ++i) {
      text += symbols[i].text;
      confidence = std::min(confidence, symbols[i].confidence);
      first.x0 = std::min(first.x0, symbols[i].x0);
      first.x1 = std::max(first.x1, symbols[i].x1);
      for (char32_t c : DecodeUtf8(symbols[i].text))
        amount_like = amount_like && (IsDigitLike(c) || c == U'.' || c == U',' || c == U'，' ||
                                      c == U'．' || c == U'-' || c == U';' || c == U'；');
    }
    const std::string fixed = amount_like ? NormalizeAmountReading(text) : text;
    if (fixed == text || !IsWellFormedAmount(fixed)) {
      for (std::size_t i = begin; i < end; ++i) out.push_back(std::move(symbols[i]));
    } else {
      if (first.word_x1 <= first.word_x0) {
        first.word_x0 = first.x0;
        first.word_x1 = first.x1;
      }
      first.confidence = confidence;
      for (char c : fixed) {
        Symbol symbol = first;
        symbol.text = std::string(1, c);
        out.push_back(std::move(symbol));
      }
    }
    begin = end;
  }
  symbols = std::move(out);
}

// Quotes no other quote of the line pairs with, square brackets stuck to a
// figure, and bars, at a word's edge, are dropped: the LSTM reads a closing
// quote before a word that follows a wide gap ("306,359.68 ”城乡社区支出", with
// no ink where the quote is), a speck before an amount as ']'
// ("]184,067.79"), and a rule's remnant as '|'. Such a mark bridged
// the gap between an amount and the label of the next cell, and made both one chunk that is no
// figure.
// ("“三公”经费" keeps its quotes: they pair.)
void DropStrayMarks(std::vector<Symbol>& symbols) {
  auto opening = [](const std::string& t) { return t == "“" || t == "‘"; };
  auto closing = [](const std::string& t) { return t == "”" || t == "’"; };
  // Brackets go only stuck to a figure: in a label an OCR'd bracket may pair
  // with one misread ("因公出国〈境)费").
  auto bracket = [](const std::string& t) {
    return t == "]" || t == "[" || t == "】" || t == "【";
  };
  auto digit = [](const Symbol& symbol) {
    return !symbol.text.empty() && symbol.text[0] >= '0' && symbol.text[0] <= '9';
  };
  auto bar = [](const std::string& t) { return t == "|" || t == "｜" || t == "丨"; };
  std::vector<bool> drop(symbols.size(), false);
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;  // one text line
    while (end < symbols.size() && symbols[end].line_top == symbols[begin].line_top &&
           symbols[end].line_bottom == symbols[begin].line_bottom)
      ++end;
    for (std::size_t i = begin; i < end; ++i) {
      const std::string& text = symbols[i].text;
      const bool word_start = i == begin || symbols[i - 1].word != symbols[i].word;
      const bool word_end = i + 1 == end || symbols[i + 1].word != symbols[i].word;
      if (!word_start && !word_end) continue;
      if (bar(text)) {
        drop[i] = true;
      } else if (bracket(text)) {
        drop[i] = (word_start && i + 1 < end && digit(symbols[i + 1])) ||
                  (word_end && i > begin && digit(symbols[i - 1]));
      } else if (closing(text) && word_start) {
        bool paired = false;
        for (std::size_t k = begin; k < i && !paired; ++k) paired = opening(symbols[k].text);
        drop[i] = !paired;
      } else if (opening(text) && word_end) {
        bool paired = false;
        for (std::size_t k = i + 1; k < end && !paired; ++k) paired = closing(symbols[k].text);
        drop[i] = !paired;
      }
    }
    begin = end;
  }
  std::vector<Symbol> kept;
  kept.reserve(symbols.size());
  for (std::size_t i = 0; i < symbols.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(symbols[i]));
  symbols = std::move(kept);
}

// A page's two images of its text without rules: `ink` (binary) tells where the lines of a cell
// are, and is read where `gray` (TextInGray) is null.
struct CellImages {
  Pix* ink = nullptr;
  Pix* gray = nullptr;
};

// Reads one cell again on its own. Pixels are cut from the rule-free image (the gray one, its
// paper made white, when `images` has it; else the binary one, which always tells where the cell's
// lines of print are), a little inside the cell, with a white margin added back. A cell whose
// text wraps (an amount printed "342,667.3" over "0" in a narrow column, a code "2101" over "101")
// is read line by line: a single-line read of two lines mashes them into one row of wrong digits.
// The lines are joined with '\n', as the text layer joins a wrapped cell. `upscale` > 1 enlarges
// each line (smoothed to grey, which Tesseract thresholds again) before reading: the second try for
// an amount whose first reading breaks the amount grammar, since small print at scan resolutions
// loses points and commas to the binariser's pixel grid.
// `ruled`: the cell's box is its rules', and is cut a little inside them; a
// cell of a table without rules has the box of its words, as tight as their
// ink, and is cut with a margin around it instead (cut inside, "212" lost the
// foot of each 2 and read "717").
// `second_reader`: an amount read by the engine's second reader (RecognizeAmountAgain).
Line ReadCell(Engine& engine, const CellImages& images, const Box& cell, int dpi, bool numeric,
              int upscale = 1, bool ruled = true, bool second_reader = false) {
  Pix* text_image = images.ink;
  const double scale = dpi / 72.0;
  // A fifth of the text line's height around words: under half the narrowest
  // gap that separates two cells of an unruled row (0.6 em beside a digit).
  const int inset = ruled ? std::max(1, dpi / 100)
                          : -std::max(2, static_cast<int>(std::lround(cell.height() * scale / 5)));
  const int x0 = std::max(0, static_cast<int>(std::floor(cell.x0 * scale)) + inset);
  const int y0 = std::max(0, static_cast<int>(std::floor(cell.y0 * scale)) + inset);
  const int x1 = std::min(static_cast<int>(pixGetWidth(text_image)),
                          static_cast<int>(std::ceil(cell.x1 * scale)) - inset);
  const int y1 = std::min(static_cast<int>(pixGetHeight(text_image)),
                          static_cast<int>(std::ceil(cell.y1 * scale)) - inset);
  if (x1 - x0 < 4 || y1 - y0 < 4) return {};
  ::Box* region = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr crop(pixClipRectangle(text_image, region, nullptr));
  // What Tesseract reads: the gray page's pixels where it has them (TextInGray).
  PixPtr shade(images.gray != nullptr ? pixClipRectangle(images.gray, region, nullptr) : nullptr);
  boxDestroy(&region);
  if (crop == nullptr) return {};
  if (shade != nullptr) WhitenPaper(shade.get());
  l_int32 ink = 0;
  pixCountPixels(crop.get(), &ink, nullptr);
  if (ink < 8) return {};
  std::vector<int> row_ink(static_cast<std::size_t>(pixGetHeight(crop.get())), 0);
  if (NUMA* rows = pixCountPixelsByRow(crop.get(), nullptr)) {
    for (std::size_t y = 0; y < row_ink.size(); ++y) {
      l_int32 count = 0;
      numaGetIValue(rows, static_cast<l_int32>(y), &count);
      row_ink[y] = count;
    }
    numaDestroy(&rows);
  }
  const std::vector<LineBand> bands = TextLineBands(row_ink, dpi);
  // Tesseract expects a margin around a line; white is 255 in gray, 0 in 1 bpp.
  const int margin = std::max(8, dpi / 20);
  auto read = [&](Pix* part) -> Line {
    const bool is_gray = pixGetDepth(part) == 8;
    PixPtr framed(pixAddBorder(part, margin, is_gray ? 255 : 0));
    if (framed == nullptr) return {};
    if (upscale <= 1) {
      return second_reader ? engine.RecognizeAmountAgain(framed.get(), dpi)
                           : engine.RecognizeLine(framed.get(), dpi, numeric);
    }
    PixPtr gray(is_gray ? pixClone(framed.get()) : pixConvert1To8(nullptr, framed.get(), 255, 0));
    if (gray == nullptr) return {};
    PixPtr large(pixScaleGrayLI(gray.get(), static_cast<l_float32>(upscale),
                                static_cast<l_float32>(upscale)));
    if (large == nullptr) return {};
    return second_reader ? engine.RecognizeAmountAgain(large.get(), dpi * upscale)
                         : engine.RecognizeLine(large.get(), dpi * upscale, numeric);
  };
  Pix* source = shade != nullptr ? shade.get() : crop.get();
  if (bands.size() <= 1) return read(source);
  Line joined;
  joined.confidence = 100;
  const int width = pixGetWidth(crop.get()), height = pixGetHeight(crop.get());
  for (const LineBand& band : bands) {
    // A pixel of the gap either side keeps a comma's tail and a stroke's fringe.
    const int top = std::max(0, band.top - 1), bottom = std::min(height, band.bottom + 1);
    ::Box* strip = boxCreate(0, top, width, bottom - top);
    PixPtr part(pixClipRectangle(source, strip, nullptr));
    boxDestroy(&strip);
    if (part == nullptr) continue;
    const Line line = read(part.get());
    if (line.text.empty()) continue;
    if (!joined.text.empty()) joined.text += '\n';
    joined.text += line.text;
    joined.confidence = std::min(joined.confidence, line.confidence);
  }
  if (joined.text.empty()) joined.confidence = 0;
  return joined;
}

}  // namespace

// OCR reads a thousands comma, a small mark low on the line, as a point as
// often as not: "13.205.30" for 13,205.30, "9,.270.40" for 9,270.40. A run
// of digits and marks shaped like a grouped amount (1-3 digits, groups of 3,
// then 1-2 decimals), once doubled marks are made one, gets commas for every
// mark but the last. Other runs ("3.1.2", codes) are left alone.
std::string RepairSeparators(std::string_view text) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_mark = [](char c) { return c == '.' || c == ','; };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (is_digit(text[j]) || is_mark(text[j]))) ++j;
    while (j > i && !is_digit(text[j - 1])) --j;  // a full stop after the number
    std::string run(text.substr(i, j - i)), collapsed;
    for (std::size_t k = 0; k < run.size(); ++k) {
      if (is_mark(run[k]) && !collapsed.empty() && is_mark(collapsed.back())) {
        if (run[k] == '.') collapsed.back() = '.';
        continue;
      }
      collapsed += run[k];
    }
    // Shape: d{1,3} ([.,] d{3})+ . d{1,2}
    std::vector<std::string> groups;
    std::string marks;
    std::string current;
    for (char c : collapsed) {
      if (is_mark(c)) {
        groups.push_back(current);
        marks += c;
        current.clear();
      } else {
        current += c;
      }
    }
    groups.push_back(current);
    bool shaped = groups.size() >= 3 && marks.back() == '.' && groups.front().size() <= 3 &&
                  groups.back().size() >= 1 && groups.back().size() <= 2;
    for (std::size_t g = 1; shaped && g + 1 < groups.size(); ++g) shaped = groups[g].size() == 3;
    if (shaped) {
      for (std::size_t k = 0; k + 1 < marks.size(); ++k) marks[k] = ',';
      std::string fixed = groups[0];
      for (std::size_t g = 1; g < groups.size(); ++g)
        fixed += std::string(1, marks[g - 1]) + groups[g];
      out += fixed;
    } else {
      out += run;
    }
    i = j;
  }
  return out;
}

// One amount column cell's reading, its marks put right by the amount
// grammar: digits in groups of three between thousands separators, then one
// or two decimals (four to six in 万元 tables printed to the yuan). OCR reads a
// low comma as a point and a point as a comma,
// doubles a mark (",." where the print has ","), and drops one; a wrapped
// cell's lines are one number. When the marks are all at the places the
// grammar allows (a thousands mark has a multiple of three integer digits to
// its right), the reading is written in the canonical form; otherwise it is
// returned as read, for the normalizer's findings and the identities.
std::string NormalizeAmountReading(std::string_view text) {
  const std::string original(text);
  std::vector<std::string> lines(1);
  for (char32_t c : DecodeUtf8(text)) {
    if (c == U'\n') {
      lines.emplace_back();
    } else if (c >= U'０' && c <= U'９') {
      lines.back() += static_cast<char>('0' + (c - U'０'));
    } else if (c == U'．' || c == U'.') {
      lines.back() += '.';
    } else if (c == U',') {
      lines.back() += ',';
    } else if (c == U'，' || c == U';' || c == U'；') {
      // Tables print ASCII commas: a full-width one (or a semicolon,
      // "77;461.32") in a run of digits is the engine's guess at a low mark, a
      // point as often as a comma; the grammar decides which (';' stands for
      // it here).
      lines.back() += ';';
    } else if (c == U'-' || c == U'－' || c == U'−') {
      lines.back() += '-';
    } else if (c >= U'0' && c <= U'9') {
      lines.back() += static_cast<char>(c);
    } else if (c != U' ') {
      return original;  // not a bare amount
    }
  }
  lines.erase(std::remove(lines.begin(), lines.end(), std::string()), lines.end());
  if (lines.empty()) return original;
  auto whole_amount = [](const std::string& line) {
    const std::size_t point = line.find_last_of(".,;");
    return point != std::string::npos && point > 0 && line[point] == '.' &&
           line.size() - point == 3;
  };
  // Two lines that are each a whole amount are two figures, not one wrapped.
  if (lines.size() > 1 && std::all_of(lines.begin(), lines.end(), whole_amount)) return original;
  std::string joined;
  for (const std::string& line : lines) joined += line;
  std::string sign;
  if (joined.front() == '-') {
    sign = "-";
    joined.erase(0, 1);
  }
  // Digit groups and the mark runs between them.
  std::vector<std::string> groups(1);
  std::vector<char> marks;
  for (char c : joined) {
    if (c >= '0' && c <= '9') {
      groups.back() += c;
    } else if (c == '-') {
      return original;
    } else if (!groups.back().empty()) {
      marks.push_back(c);
      groups.emplace_back();
    } else if (marks.empty()) {
      return original;  // a mark before any digit
    } else if (c == '.' || marks.back() == ';') {
      marks.back() = c;  // a doubled mark: the point wins, then the ASCII mark
    }
  }
  if (marks.empty() || groups.back().empty()) return original;
  const std::size_t last = groups.back().size();
  std::string decimals;
  if (last <= 2) {
    // A comma before the last one or two digits is no point misread: it is
    // an amount cut by a page break ("3,27" over "9,76", joined with the rest
    // of its row on the next page) or a digit lost ("12,50" for 12,650).
    if (marks.back() == ',') return original;
    decimals = groups.back();  // one or two digits after the last mark: decimals
    groups.pop_back();
    marks.pop_back();
  } else if (last > 3 && last <= kMaxLongDecimals && marks.back() != ',') {
    // Four to six digits after a point (or an undecided full-width mark):
    // 万元 printed to the yuan ("222.817954", Beijing's budgets) or to the
    // hundred. No thousands group has more than three digits, so the mark is
    // the decimal point, also where OCR doubled it ("222,.817954"). After a
    // comma they stay as read: a point misread, or a comma lost
    // ("323,673308" for 323.673308 or 323,673,308).
    decimals = groups.back();
    groups.pop_back();
    marks.pop_back();
  } else if (!(last == 3 && marks.back() != '.')) {
    return original;  // three digits after a point, or more: not ours to guess
  }
  if (marks.empty()) return decimals.empty() ? original : sign + groups[0] + "." + decimals;
  std::size_t to_the_right = 0;
  for (std::size_t g = groups.size(); g-- > 1;) {
    to_the_right += groups[g].size();
    if (to_the_right % 3 != 0) return original;
  }
  // The marks read are put right, but none is added: a group of more than
  // three digits ("4964,173.05") may be a comma lost or a mark read as a
  // digit ("3817,070.00" for 387,070.00), and stays irregular for a re-read
  // and the normalizer's finding.
  std::string out = sign + groups[0];
  for (std::size_t g = 1; g < groups.size(); ++g) out += "," + groups[g];
  return out + (decimals.empty() ? "" : "." + decimals);
}

bool IsWellFormedAmount(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t first = i;
  int group = 0;
  bool grouped = false;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',') {
      if (group == 0 || (grouped ? group != 3 : group > 3)) return false;
      grouped = true;
      group = 0;
    } else if (c >= '0' && c <= '9') {
      ++group;
    } else if (c != '\n' || grouped) {
      return false;  // a line break only in an ungrouped run of digits (a code)
    }
  }
  if (i == first || group == 0 || (grouped && group != 3)) return false;
  if (i == text.size()) return true;
  // No amount prints a zero before its other integer digits ('031.22' is 631.22 with its 6 read
  // 0); a code may (款 01), but has no point.
  if (text[first] == '0' && i > first + 1) return false;
  // Three decimals stay doubtful: "1.234" is as likely 1,234 with its comma
  // read as a point.
  const std::size_t decimals = text.size() - i - 1;
  if (decimals < 1 || decimals == 3 || decimals > kMaxLongDecimals) return false;
  for (++i; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

std::string StripRuleRemnants(std::string_view text) {
  auto is_remnant = [](char32_t c) {
    return c == U'|' || c == U'“' || c == U'”' || c == U'"' || c == U'\'' || c == U'‘' ||
           c == U'’' || c == U'｜' || c == U'丨';
  };
  auto opens = [](char32_t c) { return c == U'“' || c == U'‘'; };
  auto closes = [](char32_t c) { return c == U'”' || c == U'’'; };
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::vector<char32_t> line = DecodeUtf8(text.substr(start, end - start));
    // A quote that opens a quoted phrase in the line ("“三公”经费") is print.
    auto has = [&line](auto predicate) { return std::any_of(line.begin(), line.end(), predicate); };
    while (!line.empty() && is_remnant(line.front()) && !(opens(line.front()) && has(closes))) {
      line.erase(line.begin());
    }
    while (!line.empty() && is_remnant(line.back()) && !(closes(line.back()) && has(opens))) {
      line.pop_back();
    }
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += EncodeUtf8(line);
    }
    start = end + 1;
  }
  return Trim(out);
}

namespace {

// Whether a short reading (eight characters at most) holds a digit: what a scan makes of an
// amount whose other characters it misread, never a row's name.
bool HasDigitAmongFew(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  return cps.size() <= 8 && std::any_of(cps.begin(), cps.end(), IsDigitLike);
}

// Amount columns: most non-empty cells below the first row read as amounts.
std::vector<bool> AmountColumns(const Table& table) {
  std::vector<int> amounts(table.column_count, 0), filled(table.column_count, 0);
  for (const TableCell& cell : table.cells) {
    if (cell.row == 0 || cell.column_span != 1) continue;
    const CellShape shape = ShapeOf(cell.text);
    if (shape == CellShape::kEmpty) continue;
    ++filled[cell.column];
    amounts[cell.column] += shape != CellShape::kLabel;
  }
  std::vector<bool> out(table.column_count, false);
  for (int c = 0; c < table.column_count; ++c)
    out[c] = filled[c] > 0 && amounts[c] * 5 >= filled[c] * 3;
  return out;
}

// Rows where a cell of an amount column reads as words without a digit: header rows (类 | 款
// over the code columns, 合计 | 基本支出 over the money ones), in which no cell is an amount
// however the page pass garbled it (类 read '2大3疏' is no amount to read again as digits).
std::vector<bool> RowsWithWordsInAmountColumns(const Table& table,
                                               const std::vector<bool>& amount_columns) {
  std::vector<bool> out(static_cast<std::size_t>(table.row_count), false);
  for (const TableCell& cell : table.cells) {
    if (cell.row == 0 || cell.column_span != 1 || !amount_columns[cell.column]) continue;
    if (ShapeOf(cell.text) == CellShape::kLabel && !HasDigitAmongFew(cell.text))
      out[static_cast<std::size_t>(cell.row)] = true;
  }
  return out;
}

int MinConfidence(const pdf::PageContent& content, const std::vector<int>& indices,
                  const Box& box) {
  int confidence = -1;
  for (int index : indices) {
    const pdf::Glyph& glyph = content.glyphs[static_cast<std::size_t>(index)];
    if (glyph.confidence < 0 || !Contains(box, glyph.box)) continue;
    confidence = confidence < 0 ? glyph.confidence : std::min(confidence, glyph.confidence);
  }
  return confidence;
}

// The print of a cell of a table without rules: its glyphs' bands, not their
// boxes (taller than the ink, GlyphHeightOfBand), so that the cut's margin is
// the same fifth of a line whatever the box.
Box InkBoxOfCell(const pdf::PageContent& content, const std::vector<int>& indices, const Box& box) {
  bool any = false;
  Box ink = box;
  for (int index : indices) {
    const pdf::Glyph& glyph = content.glyphs[static_cast<std::size_t>(index)];
    if (!Contains(box, glyph.box)) continue;
    const Box band = InkBoxOfGlyphBox(glyph.box);
    ink = any ? Box{std::min(ink.x0, band.x0), std::min(ink.y0, band.y0), std::max(ink.x1, band.x1),
                    std::max(ink.y1, band.y1)}
              : band;
    any = true;
  }
  return ink;
}

// The confidence an amount keeps when the second reader reads it otherwise: low enough for the
// repair by the identities (normalize/ocr_repair.h) to try changing it.
constexpr int kDisputedConfidence = 50;

// Digits, point and sign of an amount reading, without the zeros that end its decimals: what
// two readings of one value share (a six-decimal column's 3,384.074000 read 3,384.07400 by one
// reader is no disagreement).
std::string BareAmount(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ',' && c != ' ' && c != '\n') out += c;
  }
  if (out.find('.') != std::string::npos) {
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
  }
  return out;
}

// Reads an amount cell again with the second reader (eng, on the gray image) and compares: where
// the first reading breaks the amount grammar and the second does not, the second is taken; where
// both are well formed and differ, the first is kept with kDisputedConfidence and an
// ocr_readings_differ warning quoting both, which the normalizer turns into a finding naming
// the figure. The same misread in every cell of a sum leaves the sums holding: only a second,
// independent reading tells it.
// Two well-formed readings that differ get a third: the first reader on the binary image. Each
// image misleads chi_sim on some faces (the gray one a narrow 6 read 0 on jl_changchun, the
// binary one a Song 4 read 1 on 烟台's, whose hairlines binarising drops), rarely both on one
// cell; where the third agrees with the second, the second is taken, still disputed and named by
// the warning. Returns whether the readings were disputed (a warning written).
bool CheckAmountBySecondReader(Engine& engine, const CellImages& images, const Box& cut, int dpi,
                               bool ruled, TableCell& cell, int& confidence,
                               std::vector<Warning>& warnings) {
  const Line second = ReadCell(engine, images, cut, dpi, /*numeric=*/true, 1, ruled,
                               /*second_reader=*/true);
  const std::string second_text = NormalizeAmountReading(Trim(second.text));
  if (second_text.empty() || !IsWellFormedAmount(second_text)) return false;
  if (BareAmount(second_text) == BareAmount(cell.text)) {
    // The same value: the reading that kept every printed decimal (8,935.000000 where the other
    // lost a zero) is the cell's print.
    if (second_text.size() > cell.text.size()) cell.text = second_text;
    return false;
  }
  if (!IsWellFormedAmount(cell.text)) {
    cell.text = second_text;
    confidence = std::min(second.confidence, kDisputedConfidence);
    return false;
  }
  confidence = std::min(confidence, kDisputedConfidence);
  if (images.gray != nullptr) {
    const Line third = ReadCell(engine, CellImages{images.ink, nullptr}, cut, dpi,
                                /*numeric=*/true, 1, ruled);
    if (BareAmount(NormalizeAmountReading(Trim(third.text))) == BareAmount(second_text)) {
      warnings.push_back(
          Warning{std::string(kOcrReadingsDiffer),
                  FormatOcrReadings({second_text, cell.text, OcrOtherReader::kFirstReaderOnGray,
                                     OcrReadingsVerdict::kTwoReadersKept, ""}),
                  cell.provenance});
      cell.text = second_text;
      confidence = std::min(second.confidence, kDisputedConfidence);
      return true;
    }
  }
  warnings.push_back(
      Warning{std::string(kOcrReadingsDiffer),
              FormatOcrReadings({cell.text, second_text, OcrOtherReader::kSecondReader,
                                 OcrReadingsVerdict::kFirstKept, ""}),
              cell.provenance});
  return true;
}

// The page pass read the cell as well (chi_sim over the page's lines, on the binary image): a
// reading independent of the cell readers' shared gray image, and free. Where it gave a
// well-formed amount that the cell's readings do not, and they did not dispute it themselves,
// the figure is disputed: both cell readers can misread a glyph alike on one image (a six-decimal
// total's 9 read 5 by both, in the total and in each of its parts, bj_city_health p19, where
// every sum still holds).
void CheckAmountByPageReading(const std::string& page_reading, TableCell& cell, int& confidence,
                              std::vector<Warning>& warnings) {
  const std::string page_text = NormalizeAmountReading(Trim(page_reading));
  if (ShapeOf(page_reading) != CellShape::kAmount || !IsWellFormedAmount(page_text) ||
      !IsWellFormedAmount(cell.text) || BareAmount(page_text) == BareAmount(cell.text))
    return;
  confidence = std::min(confidence, kDisputedConfidence);
  warnings.push_back(Warning{std::string(kOcrReadingsDiffer),
                             FormatOcrReadings({cell.text, page_text, OcrOtherReader::kPage,
                                                OcrReadingsVerdict::kFirstKept, ""}),
                             cell.provenance});
}

int MeanConfidence(const pdf::PageContent& content, const Box& box) {
  long long sum = 0;
  int count = 0;
  for (const pdf::Glyph& glyph : content.glyphs) {
    if (glyph.confidence < 0 || !Contains(box, glyph.box)) continue;
    sum += glyph.confidence;
    ++count;
  }
  return count == 0 ? -1 : static_cast<int>((sum + count / 2) / count);
}

// Reads every table cell again on its own and marks all of the page's text
// as OCR with its confidence.
// Stops reading cells again at `deadline`: past it each cell keeps the page pass's reading, and
// the count of those is returned. A table page's per-cell pass costs seconds, and the document's
// timeout must leave time for the pages after it.
int RefineAnalysis(Engine& engine, const CellImages& images, int dpi,
                   const pdf::PageContent& content, pdf::PageAnalysis& analysis,
                   std::chrono::steady_clock::time_point deadline) {
  int not_reread = 0;
  for (pdf::DetectedTable& detected : analysis.tables) {
    Table& table = detected.table;
    table.provenance.origin = TextOrigin::kOcr;
    const std::vector<bool> amount_columns = AmountColumns(table);
    const std::vector<bool> word_rows = RowsWithWordsInAmountColumns(table, amount_columns);
    const bool ruled = table.ruled;
    int table_confidence = 100;
    for (TableCell& cell : table.cells) {
      cell.provenance.origin = TextOrigin::kOcr;
      if (!cell.provenance.box) continue;
      const CellShape shape = ShapeOf(cell.text);
      const std::string page_reading = cell.text;
      const bool amount_column =
          cell.column_span == 1 && cell.row > 0 && amount_columns[cell.column];
      // A cell of an amount column the page pass read as a short word with a digit in it
      // (5.93 read S.93) is an amount garbled, read again as one.
      const bool garbled_amount = amount_column && shape == CellShape::kLabel &&
                                  HasDigitAmongFew(cell.text) &&
                                  !word_rows[static_cast<std::size_t>(cell.row)];
      bool numeric = shape == CellShape::kAmount || shape == CellShape::kNearAmount ||
                     (amount_column && shape == CellShape::kEmpty) || garbled_amount;
      int confidence = MinConfidence(content, detected.glyph_indices, *cell.provenance.box);
      // Amounts are always read again, with the numeric character set; so is
      // a cell the page pass left empty though it has ink (layout analysis
      // drops isolated figures in grids), and a label the page pass was
      // unsure of (a wrapped one is read line by line). Confident labels stay
      // as read: reading every label again would double a table page's time.
      const bool doubtful_label =
          shape == CellShape::kLabel && confidence >= 0 && confidence < kConfidentLabel;
      const bool reread = numeric || doubtful_label || shape == CellShape::kEmpty;
      if (reread && std::chrono::steady_clock::now() > deadline) {
        ++not_reread;
      } else if (reread) {
        // An empty cell of a table without rules has its column's extent, not
        // its words' box: it is cut inside, as a ruled cell is.
        const bool tight = !ruled && shape != CellShape::kEmpty;
        const Box cut = tight ? InkBoxOfCell(content, detected.glyph_indices, *cell.provenance.box)
                              : *cell.provenance.box;
        Line line = ReadCell(engine, images, cut, dpi, numeric, 1, !tight);
        const CellShape read_shape = ShapeOf(line.text);
        bool usable = numeric
                          ? read_shape == CellShape::kAmount ||
                                (read_shape == CellShape::kNearAmount && shape == CellShape::kEmpty)
                          : read_shape != CellShape::kEmpty;
        // An empty cell of an amount column may be a header ("金额" under a
        // spanning "支出"), which the page pass can miss: read as a label when
        // it is no amount.
        if (!usable && numeric && shape == CellShape::kEmpty) {
          line = ReadCell(engine, images, cut, dpi, /*numeric=*/false, 1, !tight);
          usable = ShapeOf(line.text) == CellShape::kLabel;
          numeric = false;
        }
        std::string text =
            numeric ? NormalizeAmountReading(Trim(line.text)) : RepairSeparators(Trim(line.text));
        // A reading with marks the amount grammar cannot place is read once
        // more, enlarged; the second reading is taken when it is well formed.
        if (usable && numeric && !IsWellFormedAmount(text)) {
          const Line again = ReadCell(engine, images, cut, dpi, numeric, /*upscale=*/2, !tight);
          const std::string text_again = NormalizeAmountReading(Trim(again.text));
          if (ShapeOf(again.text) == CellShape::kAmount && IsWellFormedAmount(text_again)) {
            line = again;
            text = text_again;
          }
        }
        if (usable && (shape == CellShape::kEmpty || numeric || line.confidence >= confidence)) {
          cell.text = text;
          confidence = line.confidence;
        }
        // An amount neither reading of the first reader makes well formed ('1.606. 14',
        // 'S.93') is still read by the second: its well-formed reading is taken.
        if (numeric && (usable || !IsWellFormedAmount(NormalizeAmountReading(cell.text)))) {
          if (!CheckAmountBySecondReader(engine, images, cut, dpi, !tight, cell, confidence,
                                         detected.warnings))
            CheckAmountByPageReading(page_reading, cell, confidence, detected.warnings);
        }
      }
      if (!numeric) cell.text = StripRuleRemnants(cell.text);
      if (!cell.text.empty()) {
        cell.provenance.confidence = std::max(0, confidence);
        table_confidence = std::min(table_confidence, cell.provenance.confidence);
      }
    }
    table.provenance.confidence = table_confidence;
  }
  MarkOcrParagraphs(content, analysis);
  return not_reread;
}

}  // namespace

void MarkOcrParagraphs(const pdf::PageContent& content, pdf::PageAnalysis& analysis) {
  for (Paragraph& paragraph : analysis.layout.paragraphs) {
    paragraph.text = RepairSeparators(paragraph.text);
    paragraph.provenance.origin = TextOrigin::kOcr;
    if (paragraph.provenance.box)
      paragraph.provenance.confidence =
          std::max(0, MeanConfidence(content, *paragraph.provenance.box));
  }
  for (Paragraph& paragraph : analysis.layout.furniture) {
    paragraph.provenance.origin = TextOrigin::kOcr;
    if (paragraph.provenance.box)
      paragraph.provenance.confidence =
          std::max(0, MeanConfidence(content, *paragraph.provenance.box));
  }
}

std::vector<LineBand> TextLineBands(const std::vector<int>& row_ink, int dpi) {
  // Runs of rows with ink. Scanner specks are dropped by the binariser, so a
  // single inked row is already a stroke.
  std::vector<LineBand> bands;
  for (int y = 0; y < static_cast<int>(row_ink.size());) {
    if (row_ink[static_cast<std::size_t>(y)] == 0) {
      ++y;
      continue;
    }
    LineBand band{y, y, 0};
    while (y < static_cast<int>(row_ink.size()) && row_ink[static_cast<std::size_t>(y)] > 0)
      band.ink += row_ink[static_cast<std::size_t>(y++)];
    band.bottom = y;
    bands.push_back(band);
  }
  // A run much lower than the tallest is a piece of a line, not a line: the
  // strokes of 二 or 三, a comma's tail, a dot above. It joins the neighbour
  // it is nearer to, until every run is a line's height.
  const int min_line = std::max(3, dpi / 40);  // under 2 pt no line of text is printed
  for (bool merged = true; merged && bands.size() > 1;) {
    merged = false;
    int tallest = 0;
    for (const LineBand& band : bands) tallest = std::max(tallest, band.bottom - band.top);
    const int short_of = std::max(min_line, tallest / 2);
    for (std::size_t i = 0; i < bands.size(); ++i) {
      if (bands[i].bottom - bands[i].top >= short_of) continue;
      const int gap_above = i > 0 ? bands[i].top - bands[i - 1].bottom : INT_MAX;
      const int gap_below = i + 1 < bands.size() ? bands[i + 1].top - bands[i].bottom : INT_MAX;
      const std::size_t into = gap_above <= gap_below ? i - 1 : i + 1;
      LineBand& target = bands[into];
      target.top = std::min(target.top, bands[i].top);
      target.bottom = std::max(target.bottom, bands[i].bottom);
      target.ink += bands[i].ink;
      bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(i));
      merged = true;
      break;
    }
  }
  return bands;
}

int ChooseDpi(const pdf::PageContent& content) {
  const double width = content.page.width, height = content.page.height;
  double dpi = kDefaultDpi;
  if (content.image_count == 1 && content.largest_image_area >= 0.5 * width * height &&
      content.largest_image_ppi >= 30) {
    dpi = content.largest_image_ppi;
    while (dpi < kMinScanPpi) dpi *= 2;
    dpi = std::min(dpi, kMaxScanPpi);
  }
  return CappedDpi(width, height, static_cast<int>(std::lround(dpi)));
}

bool ReadsUpright(const std::vector<Symbol>& symbols) {
  // The LSTM's confidence that a character is right; upright print reads
  // above it nearly everywhere, turned print nearly nowhere.
  constexpr int kSureCharacter = 60;
  if (static_cast<int>(symbols.size()) < kMinUprightCharacters) return false;
  std::size_t upright = 0;
  for (const Symbol& symbol : symbols)
    upright += symbol.horizontal_line && symbol.confidence >= kSureCharacter;
  return 2 * upright >= symbols.size();
}

namespace {

// Whether some of the page's text lines read better turned a half. Upside-down
// Chinese print still reads as confident characters (a 200 dpi table page:
// 92% at 60 or more), so ReadsUpright cannot tell a half turn; the lines can,
// read once as they are and once turned, each as one line. Three lines of 4-10
// characters summed 226-279 upright against 44-126 turned (kashgar, yuxi, six
// 300 dpi bench pages), and 77-86 against 262-280 on kashgar upside down; two
// lines keep that margin per line. Each read costs about 25 ms; OSD 0.5 s.
bool ReadsBetterTurnedHalf(Engine& engine, Pix* text_image, int dpi,
                           const std::vector<Symbol>& symbols) {
  constexpr std::size_t kLines = 2;
  constexpr int kMinCharacters = 4, kMaxCharacters = 10;
  struct TextLine {
    int x0, y0, x1, y1, characters;
  };
  std::vector<TextLine> lines;
  for (std::size_t begin = 0; begin < symbols.size();) {
    std::size_t end = begin + 1;
    while (end < symbols.size() && symbols[end].line_top == symbols[begin].line_top &&
           symbols[end].line_bottom == symbols[begin].line_bottom)
      ++end;
    TextLine line{INT_MAX, symbols[begin].line_top, 0, symbols[begin].line_bottom,
                  static_cast<int>(end - begin)};
    for (std::size_t i = begin; i < end; ++i) {
      line.x0 = std::min(line.x0, symbols[i].x0);
      line.x1 = std::max(line.x1, symbols[i].x1);
    }
    if (symbols[begin].horizontal_line && line.characters >= kMinCharacters &&
        line.characters <= kMaxCharacters && line.x1 > line.x0 && line.y1 > line.y0)
      lines.push_back(line);
    begin = end;
  }
  // The longest of the short lines; reading order breaks ties.
  std::stable_sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
    return a.characters > b.characters;
  });
  if (lines.size() > kLines) lines.resize(kLines);
  long long as_is = 0, turned = 0;
  const int margin = std::max(2, dpi / 100), border = std::max(8, dpi / 20);
  for (const TextLine& line : lines) {
    ::Box* region = boxCreate(line.x0 - margin, line.y0 - margin, line.x1 - line.x0 + 2 * margin,
                              line.y1 - line.y0 + 2 * margin);
    PixPtr crop(pixClipRectangle(text_image, region, nullptr));
    boxDestroy(&region);
    if (crop == nullptr) continue;
    PixPtr framed(pixAddBorder(crop.get(), border, 0));
    PixPtr flipped(framed != nullptr ? pixRotateOrth(framed.get(), 2) : nullptr);
    if (flipped == nullptr) continue;
    as_is += engine.RecognizeLine(framed.get(), dpi, /*numeric=*/false).confidence;
    turned += engine.RecognizeLine(flipped.get(), dpi, /*numeric=*/false).confidence;
  }
  return turned > as_is;
}

}  // namespace

PageOcr OcrImage(Pix* image, int dpi, std::chrono::steady_clock::time_point deadline,
                 pdf::PageContent& content, pdf::PageAnalysis& analysis) {
  return OcrImage(image, dpi, OcrDeadlines{deadline, deadline}, content, analysis);
}

PageOcr OcrImage(Pix* image, int dpi, const OcrDeadlines& deadlines, pdf::PageContent& content,
                 pdf::PageAnalysis& analysis) {
  const std::chrono::steady_clock::time_point deadline = deadlines.page;
  PageOcr result;
  result.dpi = dpi;
  Engine* engine = Engine::ForThisThread(&result.error);
  if (engine == nullptr) return result;
  if (image == nullptr || dpi <= 0 ||
      static_cast<long long>(pixGetWidth(image)) * pixGetHeight(image) > kMaxImagePixels) {
    result.error = "the page image is empty or too large to read";
    return result;
  }
  PreparedImage prepared = PrepareImage(PixPtr(pixClone(image)), dpi);
  if (prepared.binary == nullptr) {
    result.error = "the page image could not be binarised";
    return result;
  }
  Ruling ruling = SeparateRulingLines(prepared.binary.get(), dpi, prepared.faint.get());
  std::vector<Symbol> symbols = engine->RecognizePage(ruling.text.get(), dpi, deadline);
  if (std::chrono::steady_clock::now() > deadline) {
    result.error = "OCR gave up at the deadline";
    return result;
  }
  // The page is read first and OSD asked only when it does not read upright
  // (lines across, read sure, and not better upside down): OSD on every page
  // would cost a third of its time for the rare turned scan.
  if (!ReadsUpright(symbols) || ReadsBetterTurnedHalf(*engine, ruling.text.get(), dpi, symbols)) {
    const int orientation = engine->DetectOrientation(prepared.binary.get(), dpi);
    if (orientation != 0) {
      // OSD reports the clockwise turn the page has; turning it back is the
      // remaining quarter turns clockwise.
      PixPtr turned(pixRotateOrth(image, (4 - orientation / 90) % 4));
      PreparedImage upright =
          turned != nullptr ? PrepareImage(std::move(turned), dpi) : PreparedImage{};
      if (upright.binary != nullptr) {
        prepared = std::move(upright);
        prepared.orientation = orientation;
        ruling = SeparateRulingLines(prepared.binary.get(), dpi, prepared.faint.get());
        symbols = engine->RecognizePage(ruling.text.get(), dpi, deadline);
        if (std::chrono::steady_clock::now() > deadline) {
          result.error = "OCR gave up at the deadline";
          return result;
        }
      }
    }
  }
  // Before the large lines are read again: their characters share the line's box, which
  // overlaps the page pass's own symbols beside them.
  DropInkReadTwice(symbols);
  RereadLargeLines(*engine, ruling.text.get(), prepared.gray.get(), dpi, symbols);
  // Isolated print the page pass dropped (a table's codes, lone header words).
  std::vector<Symbol> dropped = ReadDroppedText(*engine, ruling.text.get(), dpi, symbols, deadline);
  // Pieces read out of their context are never trusted over a cell's own
  // reading: a cell holding one is read again, and the reading kept whatever
  // its confidence, as an empty cell's is. (A ruled header's letter-spaced
  // 合 计 gave only 计 to the second pass; sure of it, the cell kept it
  // instead of being read whole.)
  for (Symbol& symbol : dropped) symbol.confidence = 0;
  symbols.insert(symbols.end(), std::make_move_iterator(dropped.begin()),
                 std::make_move_iterator(dropped.end()));
  DropStrayMarks(symbols);
  NormalizeAmountWords(symbols);
  result.orientation = prepared.orientation;
  result.skew_degrees = prepared.skew_degrees;
  const double scale = 72.0 / dpi;
  pdf::PageContent ocr;
  ocr.page = content.page;
  ocr.page.width = pixGetWidth(prepared.binary.get()) * scale;
  ocr.page.height = pixGetHeight(prepared.binary.get()) * scale;
  ocr.page.text_origin = TextOrigin::kOcr;
  ocr.image_count = content.image_count;
  ocr.largest_image_area = content.largest_image_area;
  ocr.largest_image_ppi = content.largest_image_ppi;
  ocr.glyphs = ToGlyphs(symbols, scale);
  ocr.rules = std::move(ruling.rules);
  const Page original = content.page;
  pdf::PageAnalysis ocr_analysis = pdf::AnalyzePage(ocr);
  // The text layer's own counts stay on the page: they say why it was OCR'd.
  ocr.page.glyph_count = original.glyph_count;
  ocr.page.undecodable_glyph_count = original.undecodable_glyph_count;
  // Only cells are read from the gray copy: a page without tables makes none.
  const PixPtr gray_text =
      ocr_analysis.tables.empty() ? nullptr : TextInGray(prepared.gray.get(), ruling.erased.get());
  result.cells_not_reread = RefineAnalysis(*engine, CellImages{ruling.text.get(), gray_text.get()},
                                           dpi, ocr, ocr_analysis, deadlines.cells);
  result.glyphs = static_cast<int>(ocr.glyphs.size());
  content = std::move(ocr);
  analysis = std::move(ocr_analysis);
  result.ok = true;
  return result;
}

PageOcr OcrPdfPage(PDFDoc& pdf, int number, std::chrono::steady_clock::time_point deadline,
                   pdf::PageContent& content, pdf::PageAnalysis& analysis) {
  const int dpi = ChooseDpi(content);
  PixPtr image = RenderPage(pdf, number, dpi, deadline);
  if (image == nullptr) {
    PageOcr result;
    result.dpi = dpi;
    result.error = "the page could not be rendered for OCR";
    return result;
  }
  return OcrImage(image.get(), dpi, deadline, content, analysis);
}

}  // namespace disclose::ocr
