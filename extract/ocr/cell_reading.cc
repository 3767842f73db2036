#include "extract/ocr/cell_reading.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ocr_readings.h"
#include "core/text.h"
#include "extract/ocr/amount_reading.h"
#include "extract/ocr/ocr_glyphs.h"
#include "extract/ocr/page_image.h"

namespace disclose::ocr {
namespace {

// A label whose every character the page pass read at least this sure of is
// not read again.
constexpr int kConfidentLabel = 90;

bool IsLatinLettersOnly(std::string_view text) {
  bool letter = false;
  for (char32_t c : DecodeUtf8(text)) {
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) {
      letter = true;
    } else if (!IsUnicodeSpace(c)) {
      return false;
    }
  }
  return letter;
}

bool HasCjkIdeograph(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  return std::any_of(cps.begin(), cps.end(), IsCjkIdeograph);
}

bool Contains(const Box& box, const Box& inner) {
  const double cx = (inner.x0 + inner.x1) / 2, cy = (inner.y0 + inner.y1) / 2;
  return cx >= box.x0 && cx <= box.x1 && cy >= box.y0 && cy <= box.y1;
}

// One cell cut out of the page for reading on its own: `ink` from the binary rule-free image
// (which always tells where the cell's lines of print are), `shade` from the gray one with its
// paper made white (what Tesseract reads where the page has it), and the cell's text lines. Cut
// once and read as often as the cell needs (numeric, as a label, enlarged, by the second reader).
struct CellCut {
  PixPtr ink;    // null: nothing to read (too small, or no print)
  PixPtr shade;  // null without a gray image
  std::vector<LineBand> bands;
};

// Cuts `cell` a little inside its box, or, when `ruled` is false, with a margin around it: a
// cell of a table without rules has the box of its words, as tight as their ink (cut inside,
// "212" lost the foot of each 2 and read "717"); a ruled cell's box is its rules'.
// `line_height` (points; the cell's own height when 0) sets that margin: a cut over a wrapped
// amount's two lines keeps the margin of one.
CellCut CutCell(const CellImages& images, const Box& cell, int dpi, bool ruled,
                double line_height = 0) {
  CellCut out;
  Pix* text_image = images.ink;
  const double scale = dpi / 72.0;
  // A fifth of the text line's height around words: under half the narrowest
  // gap that separates two cells of an unruled row (0.6 em beside a digit).
  const double margin_of = line_height > 0 ? line_height : cell.height();
  const int inset = ruled ? std::max(1, dpi / 100)
                          : -std::max(2, static_cast<int>(std::lround(margin_of * scale / 5)));
  const int x0 = std::max(0, static_cast<int>(std::floor(cell.x0 * scale)) + inset);
  const int y0 = std::max(0, static_cast<int>(std::floor(cell.y0 * scale)) + inset);
  const int x1 = std::min(static_cast<int>(pixGetWidth(text_image)),
                          static_cast<int>(std::ceil(cell.x1 * scale)) - inset);
  const int y1 = std::min(static_cast<int>(pixGetHeight(text_image)),
                          static_cast<int>(std::ceil(cell.y1 * scale)) - inset);
  if (x1 - x0 < 4 || y1 - y0 < 4) return out;
  ::Box* region = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr crop(pixClipRectangle(text_image, region, nullptr));
  PixPtr shade(images.gray != nullptr ? pixClipRectangle(images.gray, region, nullptr) : nullptr);
  boxDestroy(&region);
  if (crop == nullptr) return out;
  if (shade != nullptr) WhitenPaper(shade.get());
  l_int32 ink = 0;
  pixCountPixels(crop.get(), &ink, nullptr);
  if (ink < 8) return out;
  std::vector<int> row_ink(static_cast<std::size_t>(pixGetHeight(crop.get())), 0);
  if (NUMA* rows = pixCountPixelsByRow(crop.get(), nullptr)) {
    for (std::size_t y = 0; y < row_ink.size(); ++y) {
      l_int32 count = 0;
      numaGetIValue(rows, static_cast<l_int32>(y), &count);
      row_ink[y] = count;
    }
    numaDestroy(&rows);
  }
  out.bands = TextLineBands(row_ink, dpi);
  out.ink = std::move(crop);
  out.shade = std::move(shade);
  return out;
}

// How a cut cell is read.
struct CellReading {
  bool numeric = false;  // the numeric character set
  // > 1 enlarges each line (smoothed to grey, which Tesseract thresholds again) before reading:
  // the second try for an amount whose first reading breaks the amount grammar, since small
  // print at scan resolutions loses points and commas to the binariser's pixel grid.
  int upscale = 1;
  bool second_reader = false;  // the engine's second reader (RecognizeAmountAgain)
  bool binary_only = false;    // the binary pixels even where the gray ones are cut
};

// Reads a cut cell as one line, or line by line where its text wraps (an amount printed
// "342,667.3" over "0" in a narrow column, a code "2101" over "101"): a single-line read of two
// lines mashes them into one row of wrong digits. The lines are joined with '\n', as the text
// layer joins a wrapped cell.
Line ReadCut(Engine& engine, const CellCut& cut, int dpi, const CellReading& how) {
  if (cut.ink == nullptr) return {};
  // Tesseract expects a margin around a line; white is 255 in gray, 0 in 1 bpp.
  const int margin = std::max(8, dpi / 20);
  auto read = [&](Pix* part) -> Line {
    const bool is_gray = pixGetDepth(part) == 8;
    PixPtr framed(pixAddBorder(part, margin, is_gray ? 255 : 0));
    if (framed == nullptr) return {};
    if (how.upscale <= 1) {
      return how.second_reader ? engine.RecognizeAmountAgain(framed.get(), dpi)
                               : engine.RecognizeLine(framed.get(), dpi, how.numeric);
    }
    PixPtr gray(is_gray ? pixClone(framed.get()) : pixConvert1To8(nullptr, framed.get(), 255, 0));
    if (gray == nullptr) return {};
    PixPtr large(pixScaleGrayLI(gray.get(), static_cast<l_float32>(how.upscale),
                                static_cast<l_float32>(how.upscale)));
    if (large == nullptr) return {};
    return how.second_reader ? engine.RecognizeAmountAgain(large.get(), dpi * how.upscale)
                             : engine.RecognizeLine(large.get(), dpi * how.upscale, how.numeric);
  };
  Pix* source = cut.shade != nullptr && !how.binary_only ? cut.shade.get() : cut.ink.get();
  if (cut.bands.size() <= 1) return read(source);
  Line joined;
  joined.confidence = 100;
  const int width = pixGetWidth(cut.ink.get()), height = pixGetHeight(cut.ink.get());
  for (const LineBand& band : cut.bands) {
    // A pixel of the gap either side keeps a comma's tail and a stroke's fringe.
    const int top = std::max(0, band.top - 1), bottom = std::min(height, band.bottom + 1);
    ::Box* strip = boxCreate(0, top, width, bottom - top);
    PixPtr part(pixClipRectangle(source, strip, nullptr));
    boxDestroy(&strip);
    if (part == nullptr) continue;
    Line line = read(part.get());
    // A wrapped amount's rest alone on its line ("10,299.4" over "4", s3w_0058_budget p8) is
    // little for a line reader, which reads it as nothing: enlarged, then by the second reader.
    // Dropped, the cell read a shorter number than the page pass had.
    if (line.text.empty() && how.numeric && how.upscale <= 1 && !how.second_reader)
      line = ReadCut(engine, CellCut{PixPtr(pixClone(part.get())), nullptr, {}}, dpi,
                     {.numeric = true, .upscale = 2, .binary_only = true});
    if (line.text.empty() && how.numeric && !how.second_reader)
      line = ReadCut(engine, CellCut{PixPtr(pixClone(part.get())), nullptr, {}}, dpi,
                     {.numeric = true, .second_reader = true, .binary_only = true});
    // So may a label's line be: 四、自然资源海 over 洋气象等支出 in a ruled cell (H34
    // s3w_0530_final, 200 dpi) read as nothing at its size and right enlarged; the cell kept
    // its second line, a name that keyed no row, and the row's amount was lost.
    if (line.text.empty() && !how.numeric && how.upscale <= 1 && !how.second_reader)
      line = ReadCut(engine, CellCut{PixPtr(pixClone(part.get())), nullptr, {}}, dpi,
                     {.numeric = false, .upscale = 2});
    if (line.text.empty()) continue;
    if (!joined.text.empty()) joined.text += '\n';
    joined.text += line.text;
    joined.confidence = std::min(joined.confidence, line.confidence);
  }
  if (joined.text.empty()) joined.confidence = 0;
  return joined;
}

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
bool CheckAmountBySecondReader(Engine& engine, const CellCut& cut, int dpi, TableCell& cell,
                               int& confidence, std::vector<Warning>& warnings) {
  const Line second = ReadCut(engine, cut, dpi, {.numeric = true, .second_reader = true});
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
  if (cut.shade != nullptr) {
    const Line third = ReadCut(engine, cut, dpi, {.numeric = true, .binary_only = true});
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

// An amount cell of a table without rules whose reading stops where a wrapped amount's first
// line does ("4,761.0", "34,533."): the line under it may hold the rest, which the page's
// passes did not read (a lone "4" under 12 pt amounts in narrow columns, s3w_0058_budget; "4.1"
// over "2", s3w_0085_final), so the cell's box ends above it and the cell reads a shorter
// number. Print there that no glyph holds is cut with the cell and read line by line: the
// joined reading is taken where it completes the first, and the cell's box covers the rest.
// Otherwise the cell is reported (pdf_cut_amount): its reading is no shorter number in silence.
void ReadWrappedRest(Engine& engine, const CellImages& images, int dpi,
                     const std::vector<Box>& glyph_boxes, const Box& cell_ink, TableCell& cell,
                     int& confidence, std::vector<Warning>& warnings) {
  const std::optional<Box> rest = UnreadPrintBelow(images.ink, dpi, cell_ink, glyph_boxes);
  if (!rest) return;
  // The rest is read on its own and joined to the cell's reading, which its readers have
  // checked: the two lines cut together read the first one otherwise as often as not
  // ("9,137.6" over "7" read "9,137.0" over "7"). A lone digit is little for a line reader:
  // enlarged, then the second reader, where the first try reads nothing.
  const CellCut cut = CutCell(images, *rest, dpi, /*ruled=*/false, cell_ink.height());
  Line line;
  for (const CellReading how :
       {CellReading{.numeric = true}, CellReading{.numeric = true, .upscale = 2},
        CellReading{.numeric = true, .second_reader = true}}) {
    line = ReadCut(engine, cut, dpi, how);
    if (ShapeOf(Trim(line.text)) == CellShape::kAmount) break;
  }
  const std::string rest_text = Trim(line.text);
  const std::string joined = NormalizeAmountReading(cell.text + "\n" + rest_text);
  if (ShapeOf(rest_text) == CellShape::kAmount && CompletesWrappedAmount(cell.text, joined)) {
    cell.text = joined;
    confidence = std::min(confidence, line.confidence);
    cell.provenance.box->Extend(*rest);
    return;
  }
  Warning warning{"pdf_cut_amount",
                  "\"" + cell.text +
                      "\" has print under it in its column that no reading covers (\"" + rest_text +
                      "\" read there): the rest of an amount wrapped in a narrow cell, read as no "
                      "amount",
                  cell.provenance};
  warning.provenance.box->Extend(*rest);
  warnings.push_back(std::move(warning));
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

}  // namespace

std::optional<Box> UnreadPrintBelow(Pix* ink, int dpi, const Box& cell_ink,
                                    const std::vector<Box>& glyphs) {
  if (ink == nullptr || pixGetDepth(ink) != 1 || dpi <= 0) return std::nullopt;
  const double scale = dpi / 72.0;
  const int line = static_cast<int>(std::lround(cell_ink.height() * scale));
  if (line < 4) return std::nullopt;
  // The cut's own margin either side (CutCell); the rest of a right-aligned amount stands
  // under its last digits, well inside it.
  const int margin = std::max(2, line / 5);
  // A wrapped line follows at the line pitch: its print starts up to about a line and a half
  // under the first line's (1.2 lines on s3w_0058's 12 pt amounts).
  const int starts_within = line * 8 / 5;
  const int x0 = std::max(0, static_cast<int>(std::floor(cell_ink.x0 * scale)) - margin);
  const int x1 = std::min(static_cast<int>(pixGetWidth(ink)),
                          static_cast<int>(std::ceil(cell_ink.x1 * scale)) + margin);
  const int y0 = std::max(0, static_cast<int>(std::ceil(cell_ink.y1 * scale)));
  const int y1 = std::min(static_cast<int>(pixGetHeight(ink)), y0 + starts_within + 2 * line);
  if (x1 - x0 < 4 || y1 - y0 < 4) return std::nullopt;
  ::Box* region = boxCreate(x0, y0, x1 - x0, y1 - y0);
  PixPtr below(pixClipRectangle(ink, region, nullptr));
  boxDestroy(&region);
  if (below == nullptr) return std::nullopt;
  // What the page's glyphs hold is read already (the next row's print, a wrapped label): a
  // pixel of fringe around each box goes with it.
  for (const Box& glyph : glyphs) {
    const int gx0 = static_cast<int>(std::floor(glyph.x0 * scale)) - 1 - x0;
    const int gy0 = static_cast<int>(std::floor(glyph.y0 * scale)) - 1 - y0;
    const int gx1 = static_cast<int>(std::ceil(glyph.x1 * scale)) + 1 - x0;
    const int gy1 = static_cast<int>(std::ceil(glyph.y1 * scale)) + 1 - y0;
    if (gx1 <= 0 || gy1 <= 0 || gx0 >= x1 - x0 || gy0 >= y1 - y0) continue;
    pixRasterop(below.get(), gx0, gy0, gx1 - gx0, gy1 - gy0, PIX_CLR, nullptr, 0, 0);
  }
  BOXA* pieces = pixConnComp(below.get(), nullptr, 8);
  if (pieces == nullptr) return std::nullopt;
  const int width = x1 - x0, height = y1 - y0;
  std::optional<Box> rest;
  for (l_int32 i = 0; i < boxaGetCount(pieces); ++i) {
    l_int32 bx = 0, by = 0, bw = 0, bh = 0;
    if (boxaGetBoxGeometry(pieces, i, &bx, &by, &bw, &bh) != 0) continue;
    // A digit's height, starting within reach: not a speck, a comma's tail or the foot of the
    // cell's own print (less than two fifths of a line), not a rule's remnant or a seal.
    if (bh < line * 2 / 5 || bh > line * 3 / 2 || by > starts_within) continue;
    // Print that reaches the cut's side is another column's, passing by.
    if (bx == 0 || bx + bw >= width || by + bh >= height) continue;
    const Box piece{(x0 + bx) / scale, (y0 + by) / scale, (x0 + bx + bw) / scale,
                    (y0 + by + bh) / scale};
    if (rest) {
      rest->Extend(piece);
    } else {
      rest = piece;
    }
  }
  boxaDestroy(&pieces);
  return rest;
}

bool MayContinueBelow(std::string_view reading) {
  if (reading.empty()) return false;
  if (reading.back() == '.' || reading.back() == ',') return true;
  const std::size_t point = reading.rfind('.');
  return point != std::string_view::npos && point + 2 == reading.size() && reading.back() >= '0' &&
         reading.back() <= '9';
}

bool CompletesWrappedAmount(std::string_view first, std::string_view joined) {
  if (!IsWellFormedAmount(joined) || ShapeOf(joined) != CellShape::kAmount) return false;
  const std::size_t point = joined.rfind('.');
  if (point == std::string_view::npos || point + 3 != joined.size()) return false;
  auto digits = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c >= '0' && c <= '9') out += c;
    }
    return out;
  };
  const std::string head = digits(first), whole = digits(joined);
  return !head.empty() && whole.size() > head.size() && whole.compare(0, head.size(), head) == 0;
}

int RefineAnalysis(Engine& engine, const CellImages& images, int dpi,
                   const pdf::PageContent& content, pdf::PageAnalysis& analysis,
                   std::chrono::steady_clock::time_point deadline) {
  int not_reread = 0;
  std::vector<Box> glyph_boxes;  // the page's, for the rests of wrapped amounts (unruled tables)
  for (pdf::DetectedTable& detected : analysis.tables) {
    Table& table = detected.table;
    table.provenance.origin = TextOrigin::kOcr;
    const std::vector<bool> amount_columns = AmountColumns(table);
    const std::vector<bool> word_rows = RowsWithWordsInAmountColumns(table, amount_columns);
    const bool ruled = table.ruled;
    int table_confidence = 100;
    if (!ruled && glyph_boxes.empty()) {
      glyph_boxes.reserve(content.glyphs.size());
      for (const pdf::Glyph& glyph : content.glyphs) glyph_boxes.push_back(glyph.box);
    }
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
      // A label read as Latin letters alone is doubtful however sure the page pass was of it:
      // these tables print Chinese labels, and a small 合计 centred in a wide merged cell at
      // 150 dpi was read "ET" at 93 (sh_putuo_govoffice_2025_dept p12: the total row lost).
      const bool latin_label = shape == CellShape::kLabel && IsLatinLettersOnly(cell.text);
      const bool doubtful_label = latin_label || (shape == CellShape::kLabel && confidence >= 0 &&
                                                  confidence < kConfidentLabel);
      const bool reread = numeric || doubtful_label || shape == CellShape::kEmpty;
      if (reread && std::chrono::steady_clock::now() > deadline) {
        ++not_reread;
      } else if (reread) {
        // An empty cell of a table without rules has its column's extent, not
        // its words' box: it is cut inside, as a ruled cell is.
        const bool tight = !ruled && shape != CellShape::kEmpty;
        const Box cell_ink =
            tight ? InkBoxOfCell(content, detected.glyph_indices, *cell.provenance.box)
                  : *cell.provenance.box;
        const CellCut cut = CutCell(images, cell_ink, dpi, /*ruled=*/!tight);
        Line line = ReadCut(engine, cut, dpi, {.numeric = numeric});
        const CellShape read_shape = ShapeOf(line.text);
        bool usable = numeric
                          ? read_shape == CellShape::kAmount ||
                                (read_shape == CellShape::kNearAmount && shape == CellShape::kEmpty)
                          : read_shape != CellShape::kEmpty;
        // An empty cell of an amount column may be a header ("金额" under a
        // spanning "支出"), which the page pass can miss: read as a label when
        // it is no amount.
        if (!usable && numeric && shape == CellShape::kEmpty) {
          line = ReadCut(engine, cut, dpi, {.numeric = false});
          usable = ShapeOf(line.text) == CellShape::kLabel;
          numeric = false;
        }
        std::string text =
            numeric ? NormalizeAmountReading(Trim(line.text)) : RepairSeparators(Trim(line.text));
        // A reading with marks the amount grammar cannot place is read once
        // more, enlarged; the second reading is taken when it is well formed.
        if (usable && numeric && !IsWellFormedAmount(text)) {
          const Line again = ReadCut(engine, cut, dpi, {.numeric = numeric, .upscale = 2});
          const std::string text_again = NormalizeAmountReading(Trim(again.text));
          if (ShapeOf(again.text) == CellShape::kAmount && IsWellFormedAmount(text_again)) {
            line = again;
            text = text_again;
          }
        }
        const bool ideographs_for_letters = latin_label && HasCjkIdeograph(line.text);
        if (usable && (shape == CellShape::kEmpty || numeric || ideographs_for_letters ||
                       line.confidence >= confidence)) {
          cell.text = text;
          confidence = line.confidence;
        }
        // An amount neither reading of the first reader makes well formed ('1.606. 14',
        // 'S.93') is still read by the second: its well-formed reading is taken.
        if (numeric && (usable || !IsWellFormedAmount(NormalizeAmountReading(cell.text)))) {
          if (!CheckAmountBySecondReader(engine, cut, dpi, cell, confidence, detected.warnings))
            CheckAmountByPageReading(page_reading, cell, confidence, detected.warnings);
        }
        if (numeric && tight && MayContinueBelow(cell.text))
          ReadWrappedRest(engine, images, dpi, glyph_boxes, cell_ink, cell, confidence,
                          detected.warnings);
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

}  // namespace disclose::ocr
