#include "extract/ocr/large_text.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "extract/ocr/page_image.h"

namespace disclose::ocr {
namespace {

// Heights, in pixels, a large line is read at, the surer reading kept: the
// recogniser's line models are trained on lines of about this size, and one
// height alone misread a title now and then (普陀 as 普院 at 48, right at 64).
constexpr int kReadHeights[] = {48, 64};
// A line read whole is kept at this confidence or more.
constexpr int kMinLineConfidence = 75;
// Lines of print are rarely more than two pieces of ink apart; a title's
// pieces are never this far (in line heights) from the next.
constexpr int kMaxGapInLines = 2;

struct InkBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

bool Overlap(int a0, int a1, int b0, int b1) {
  const int overlap = std::min(a1, b1) - std::max(a0, b0);
  return 2 * overlap > std::min(a1 - a0, b1 - b0);
}

// Lines of large print, from the ink itself: the page pass cannot be asked
// where they are, since it takes large bold print for a picture and reads
// nothing there. Pieces of ink the height of a large character (and no
// larger than a few: a grid or a picture is) that stand side by side on one
// band make a line; one piece alone is a mark, not a line.
std::vector<InkBox> FindLargeLines(Pix* text_image, int dpi) {
  std::vector<InkBox> lines;
  const int min_height = static_cast<int>(std::lround(kLargeLineInches * dpi));
  const int max_size = dpi * 6 / 5;
  Boxa* boxes = pixConnCompBB(text_image, 8);
  if (boxes == nullptr) return lines;
  std::vector<InkBox> pieces;
  const int count = boxaGetCount(boxes);
  for (int i = 0; i < count; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) != 0) continue;
    if (h >= min_height && h <= max_size && w <= max_size) pieces.push_back({x, y, x + w, y + h});
  }
  boxaDestroy(&boxes);
  std::sort(pieces.begin(), pieces.end(),
            [](const InkBox& a, const InkBox& b) { return a.x0 < b.x0; });
  struct Growing {
    InkBox box;
    int pieces = 0;
  };
  std::vector<Growing> growing;
  for (const InkBox& piece : pieces) {
    const int height = piece.y1 - piece.y0;
    auto line = std::find_if(growing.begin(), growing.end(), [&](const Growing& g) {
      return Overlap(g.box.y0, g.box.y1, piece.y0, piece.y1) &&
             piece.x0 <= g.box.x1 + kMaxGapInLines * height;
    });
    if (line == growing.end()) {
      growing.push_back({piece, 1});
      continue;
    }
    line->box.x0 = std::min(line->box.x0, piece.x0);
    line->box.x1 = std::max(line->box.x1, piece.x1);
    line->box.y0 = std::min(line->box.y0, piece.y0);
    line->box.y1 = std::max(line->box.y1, piece.y1);
    ++line->pieces;
  }
  for (const Growing& g : growing) {
    if (g.pieces >= 2) lines.push_back(g.box);
  }
  return lines;
}

// Widens [x0, x1) over the ink on either side that continues the line with
// gaps narrower than `gap`: its smaller characters (digits, 一, 、) at the ends.
void WidenOverInk(Pix* image, int y0, int y1, int gap, int& x0, int& x1) {
  const int width = pixGetWidth(image);
  auto column_has_ink = [&](int x) {
    for (int y = y0; y < y1; ++y) {
      l_uint32 value = 0;
      pixGetPixel(image, x, y, &value);
      if (value != 0) return true;
    }
    return false;
  };
  for (int x = x0 - 1, blank = 0; x >= 0 && blank < gap; --x) {
    if (column_has_ink(x)) {
      x0 = x;
      blank = 0;
    } else {
      ++blank;
    }
  }
  for (int x = x1, blank = 0; x < width && blank < gap; ++x) {
    if (column_has_ink(x)) {
      x1 = x + 1;
      blank = 0;
    } else {
      ++blank;
    }
  }
}

// The line is read from the gray page, not the binary one: Sauvola's window
// is narrow for strokes this wide and leaves them ragged, which the
// recogniser's own normalisation of a gray line does not.
// `second_reader`: eng with the numeric character set (RecognizeAmountAgain).
Line ReadScaled(Engine& engine, Pix* gray, int dpi, const InkBox& line, int read_height,
                bool second_reader = false) {
  const int height = line.y1 - line.y0;
  const int pad = height / 4;
  const int top = std::max(0, line.y0 - pad);
  const int bottom = std::min(static_cast<int>(pixGetHeight(gray)), line.y1 + pad);
  ::Box* region = boxCreate(line.x0, top, line.x1 - line.x0, bottom - top);
  PixPtr crop(pixClipRectangle(gray, region, nullptr));
  boxDestroy(&region);
  if (crop == nullptr) return {};
  // White around the line, as the recogniser expects.
  PixPtr framed(pixAddBorder(crop.get(), height / 2, 255));
  if (framed == nullptr) return {};
  const float scale = std::min(1.0f, static_cast<float>(read_height) / static_cast<float>(height));
  PixPtr small(scale < 1.0f ? pixScaleAreaMap(framed.get(), scale, scale) : pixClone(framed.get()));
  if (small == nullptr) return {};
  const int read_dpi = std::max(1, static_cast<int>(std::lround(dpi * scale)));
  return second_reader ? engine.RecognizeAmountAgain(small.get(), read_dpi)
                       : engine.RecognizeLine(small.get(), read_dpi, /*numeric=*/false);
}

// Four or five digits from 19 or 20: a year as printed, or as chi_sim reads one with a
// digit too many (20256).
bool IsYearLike(const std::string& digits) {
  return digits.size() >= 4 && digits.size() <= 5 &&
         (digits.compare(0, 2, "19") == 0 || digits.compare(0, 2, "20") == 0);
}

// The runs of four or five ASCII digits in `characters` that start like a
// year, each [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> YearLikeRunsIn(
    const std::vector<char32_t>& characters) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t begin = 0; begin < characters.size();) {
    if (!IsAsciiDigit(characters[begin])) {
      ++begin;
      continue;
    }
    std::size_t end = begin;
    std::string digits;
    while (end < characters.size() && IsAsciiDigit(characters[end])) {
      digits += static_cast<char>(characters[end]);
      ++end;
    }
    if (IsYearLike(digits)) runs.emplace_back(begin, end);
    begin = end;
  }
  return runs;
}

std::string Digits(const std::vector<char32_t>& characters,
                   std::pair<std::size_t, std::size_t> run) {
  std::string digits;
  for (std::size_t k = run.first; k < run.second; ++k) digits += static_cast<char>(characters[k]);
  return digits;
}

// eng's reading of the digits in `box` when it is a year read with confidence; "" otherwise.
std::string YearBySecondReader(Engine& engine, Pix* gray, int dpi, const InkBox& box) {
  constexpr int kDigitsReadHeight = 48;
  const Line read = ReadScaled(engine, gray, dpi, box, kDigitsReadHeight, /*second_reader=*/true);
  std::string digits;
  for (char c : read.text) {
    if (IsAsciiDigit(c)) digits += c;
  }
  if (read.confidence < kMinLineConfidence || digits.size() != 4 || !IsYearLike(digits)) {
    return "";
  }
  return digits;
}

// Pieces of one line too far apart to be joined at first (a wide space, a
// character smaller than large) meet once widened over the ink between them.
std::vector<InkBox> JoinOverlapping(std::vector<InkBox> lines) {
  std::sort(lines.begin(), lines.end(),
            [](const InkBox& a, const InkBox& b) { return a.x0 < b.x0; });
  std::vector<InkBox> joined;
  for (const InkBox& line : lines) {
    auto same = std::find_if(joined.begin(), joined.end(), [&](const InkBox& other) {
      return Overlap(other.y0, other.y1, line.y0, line.y1) && line.x0 < other.x1;
    });
    if (same == joined.end()) {
      joined.push_back(line);
      continue;
    }
    same->x0 = std::min(same->x0, line.x0);
    same->x1 = std::max(same->x1, line.x1);
    same->y0 = std::min(same->y0, line.y0);
    same->y1 = std::max(same->y1, line.y1);
  }
  return joined;
}

bool Inside(const Symbol& symbol, const InkBox& line) {
  const int cx = (symbol.x0 + symbol.x1) / 2, cy = (symbol.line_top + symbol.line_bottom) / 2;
  return cx >= line.x0 && cx < line.x1 && cy >= line.y0 && cy < line.y1;
}

}  // namespace

std::vector<std::vector<std::size_t>> YearLikeRuns(const std::vector<Symbol>& symbols,
                                                   const std::vector<std::size_t>& order,
                                                   int max_gap) {
  std::vector<std::vector<std::size_t>> runs;
  std::vector<std::size_t> run;
  std::string digits;
  const auto close = [&] {
    if (IsYearLike(digits)) runs.push_back(run);
    run.clear();
    digits.clear();
  };
  for (std::size_t i : order) {
    const Symbol& symbol = symbols[i];
    const bool digit = symbol.text.size() == 1 && IsAsciiDigit(symbol.text[0]);
    if (!digit) {
      close();
      continue;
    }
    if (!run.empty() && symbol.x0 - symbols[run.back()].x1 > max_gap) close();
    run.push_back(i);
    digits += symbol.text;
  }
  close();
  return runs;
}

bool YearReadingsDisagree(const std::string& page_pass, const std::string& whole_line) {
  if (page_pass.size() != 4) return true;
  return !whole_line.empty() && whole_line != page_pass;
}

std::vector<LargeYearReading> RereadLargeLines(Engine& engine, Pix* text_image, Pix* gray, int dpi,
                                               std::vector<Symbol>& symbols) {
  std::vector<LargeYearReading> years;
  if (text_image == nullptr || pixGetDepth(text_image) != 1 || dpi <= 0) return years;
  if (gray == nullptr || pixGetDepth(gray) != 8 || pixGetWidth(gray) != pixGetWidth(text_image) ||
      pixGetHeight(gray) != pixGetHeight(text_image)) {
    return years;
  }
  std::vector<InkBox> lines = FindLargeLines(text_image, dpi);
  if (lines.empty()) return years;
  int next_word = 0;
  for (const Symbol& s : symbols) next_word = std::max(next_word, s.word + 1);
  std::vector<bool> replaced(symbols.size(), false);
  std::vector<Symbol> added;
  for (InkBox& line : lines) {
    WidenOverInk(text_image, line.y0, line.y1, line.y1 - line.y0, line.x0, line.x1);
  }
  lines = JoinOverlapping(std::move(lines));
  for (const InkBox& line : lines) {
    Line reading;
    for (int read_height : kReadHeights) {
      Line scaled = ReadScaled(engine, gray, dpi, line, read_height);
      if (scaled.confidence > reading.confidence) reading = std::move(scaled);
    }
    std::vector<char32_t> characters;
    for (char32_t c : DecodeUtf8(reading.text)) {
      if (!IsUnicodeSpace(c)) characters.push_back(c);
    }
    // The page pass is sure of the pieces it misreads (96 on average for a
    // title it cut in three), so its confidence decides nothing: the line's
    // own reading is kept whenever it is sure of itself.
    const bool kept = !characters.empty() && reading.confidence >= kMinLineConfidence;
    std::vector<std::size_t> in_line;
    for (std::size_t i = 0; i < symbols.size(); ++i) {
      if (!replaced[i] && Inside(symbols[i], line)) in_line.push_back(i);
    }
    std::stable_sort(in_line.begin(), in_line.end(),
                     [&](std::size_t a, std::size_t b) { return symbols[a].x0 < symbols[b].x0; });
    // Only a line that states one year, in both readings, is settled: the two
    // readings' runs are then the same print (a sentence in large print, 2026年度收入预算…
    // 比2025年…, pairs no run of one reading with the other's).
    const std::vector<std::vector<std::size_t>> runs =
        YearLikeRuns(symbols, in_line, line.y1 - line.y0);
    const std::vector<std::pair<std::size_t, std::size_t>> line_runs =
        kept ? YearLikeRunsIn(characters) : std::vector<std::pair<std::size_t, std::size_t>>{};
    if (runs.size() == 1 && (!kept || line_runs.size() == 1)) {
      const std::vector<std::size_t>& run = runs.front();
      std::string page_pass;
      InkBox digits{symbols[run.front()].x0, line.y0, symbols[run.front()].x1, line.y1};
      for (std::size_t i : run) {
        page_pass += symbols[i].text;
        digits.x0 = std::min(digits.x0, symbols[i].x0);
        digits.x1 = std::max(digits.x1, symbols[i].x1);
      }
      const std::string whole_line = kept ? Digits(characters, line_runs.front()) : "";
      const std::string year = YearReadingsDisagree(page_pass, whole_line)
                                   ? YearBySecondReader(engine, gray, dpi, digits)
                                   : "";
      if (!year.empty()) {
        years.push_back({digits.x0, digits.y0, digits.x1, digits.y1, page_pass, whole_line, year});
        if (kept) {
          const auto [begin, end] = line_runs.front();
          characters.erase(characters.begin() + static_cast<std::ptrdiff_t>(begin),
                           characters.begin() + static_cast<std::ptrdiff_t>(end));
          characters.insert(characters.begin() + static_cast<std::ptrdiff_t>(begin), year.begin(),
                            year.end());
        } else {
          // The page pass's symbols stay: its first four take the year, a fifth is dropped.
          for (std::size_t k = 0; k < run.size(); ++k) {
            if (k < 4) {
              symbols[run[k]].text = std::string(1, year[k]);
            } else {
              symbols[run[3]].x1 = std::max(symbols[run[3]].x1, symbols[run[k]].x1);
              replaced[run[k]] = true;
            }
          }
        }
      }
    }
    if (!kept) continue;
    for (std::size_t i : in_line) replaced[i] = true;
    const int word = next_word++;
    for (char32_t c : characters) {
      Symbol symbol;
      symbol.text = EncodeUtf8(c);
      // The line's box is shared among its characters when they become
      // glyphs (ToGlyphs sets them by width); their own boxes only bound it.
      symbol.x0 = symbol.word_x0 = line.x0;
      symbol.x1 = symbol.word_x1 = line.x1;
      symbol.y0 = symbol.line_top = line.y0;
      symbol.y1 = symbol.line_bottom = line.y1;
      symbol.word = word;
      symbol.confidence = reading.confidence;
      added.push_back(std::move(symbol));
    }
  }
  if (added.empty() && years.empty()) return years;
  std::vector<Symbol> left;
  left.reserve(symbols.size() + added.size());
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (!replaced[i]) left.push_back(std::move(symbols[i]));
  }
  left.insert(left.end(), std::make_move_iterator(added.begin()),
              std::make_move_iterator(added.end()));
  symbols = std::move(left);
  return years;
}

}  // namespace disclose::ocr
