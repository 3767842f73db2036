// Tables on OCR'd pages whose rules the binary image loses or that have none:
// rules printed light grey (found in the page's faint ink), and tables
// without rules built by the text-PDF detector from the words OCR reads
// (their cells read again from the words' boxes, and the isolated print the
// page pass drops read in a second, sparse pass).
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"
#include "extract/ocr/page_image.h"

namespace disclose {
namespace {

const std::string kScanned = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/scanned/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Result<Document> Read(const std::string& path, bool ocr) {
  ExtractOptions options;
  options.enable_ocr = ocr;
  options.timeout_seconds = 0;
  return ReadPdf(Slurp(path), std::filesystem::path(path).filename().string(), options);
}

// A page image at 200 dpi: paper at 250, boxes of dark "print" (30) in a grid
// of `rule_level` rules two pixels thick.
ocr::PixPtr GridImage(int rule_level) {
  constexpr int kWidth = 1400, kHeight = 900;
  ocr::PixPtr pix(pixCreate(kWidth, kHeight, 8));
  pixSetAllArbitrary(pix.get(), 250);
  auto fill = [&](int x, int y, int w, int h, int level) {
    for (int yy = y; yy < y + h; ++yy)
      for (int xx = x; xx < x + w; ++xx) pixSetPixel(pix.get(), xx, yy, level);
  };
  for (int y = 100; y <= 700; y += 60) fill(100, y, 1200, 2, rule_level);
  for (int x : {100, 500, 900, 1300}) fill(x, 100, 2, 602, rule_level);
  for (int y = 115; y < 700; y += 60)
    for (int x : {120, 560, 960}) fill(x, y, 14, 28, 30), fill(x + 20, y, 14, 28, 30);
  return pix;
}

// Rules printed light grey (0xC3 on white, as the Beijing budgets print
// them) are background to Sauvola: found in the faint ink, 11 across and 4
// down, and erased from the text image; the print stays.
TEST(OcrFaintRulesTest, LightGreyRulesAreFoundInTheFaintInk) {
  ocr::PreparedImage prepared = ocr::PrepareImage(GridImage(195), 200);
  ASSERT_NE(prepared.binary, nullptr);
  ASSERT_NE(prepared.faint, nullptr);
  const ocr::Ruling without = ocr::SeparateRulingLines(prepared.binary.get(), 200);
  EXPECT_TRUE(without.rules.empty()) << without.rules.size();
  const ocr::Ruling with =
      ocr::SeparateRulingLines(prepared.binary.get(), 200, prepared.faint.get());
  int across = 0, down = 0;
  for (const pdf::Rule& rule : with.rules) {
    const bool horizontal = rule.box.width() > rule.box.height();
    (horizontal ? across : down) += 1;
    // 1200 and 600 pixels at 200 dpi: 432 and 216 points.
    EXPECT_GT(horizontal ? rule.box.width() : rule.box.height(), horizontal ? 400 : 200);
  }
  EXPECT_EQ(across, 11);
  EXPECT_EQ(down, 4);
  l_int32 print = 0;
  pixCountPixels(with.text.get(), &print, nullptr);
  EXPECT_GE(print, 30 * 2 * 14 * 28 * 9 / 10);  // 30 pairs of boxes, all but edge pixels
}

// Dark rules are the binary image's: the faint ink adds no rule to them.
TEST(OcrFaintRulesTest, DarkRulesAreFoundOnce) {
  ocr::PreparedImage prepared = ocr::PrepareImage(GridImage(40), 200);
  ASSERT_NE(prepared.binary, nullptr);
  const ocr::Ruling without = ocr::SeparateRulingLines(prepared.binary.get(), 200);
  const ocr::Ruling with =
      ocr::SeparateRulingLines(prepared.binary.get(), 200, prepared.faint.get());
  EXPECT_EQ(without.rules.size(), 15u);
  EXPECT_EQ(with.rules.size(), without.rules.size());
}

// A header row shaded grey (0xD6 once rendered and JPEG'd, as Shanghai's unit budgets print it;
// the paper at 0xFA) lies a few levels under the faint-ink threshold, with a speck above it here
// and there. The columns of the fill that no speck breaks are as long as the row is tall, and
// were taken for dozens of faint rules that cut the header into dozens of columns. Only the
// grid's own four rules run down the page.
TEST(OcrFaintRulesTest, ShadedHeaderIsNoRule) {
  ocr::PixPtr image = GridImage(40);
  unsigned state = 12345;  // a fixed pattern of specks: the test reads the same pixels every run
  auto speck = [&state]() {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % 100 < 4;
  };
  for (int y = 102; y < 160; ++y) {
    for (int x = 102; x < 1300; ++x) {
      if ((x >= 500 && x < 502) || (x >= 900 && x < 902)) continue;
      pixSetPixel(image.get(), x, y, speck() ? 226 : 214);
    }
  }
  ocr::PreparedImage prepared = ocr::PrepareImage(std::move(image), 200);
  ASSERT_NE(prepared.faint, nullptr);
  const ocr::Ruling ruling =
      ocr::SeparateRulingLines(prepared.binary.get(), 200, prepared.faint.get());
  int down = 0;
  for (const pdf::Rule& rule : ruling.rules) {
    if (rule.box.width() > rule.box.height()) continue;
    ++down;
    EXPECT_GT(rule.box.height(), 200) << rule.box.x0;  // the grid's own, 600 pixels long
  }
  EXPECT_EQ(down, 4);
}

// Amounts as numbers, whatever their commas: "4247.250789" is the value of
// "4,247.250789".
std::string Value(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ',') out += c;
  return out;
}

// Page 6 of a Beijing budget (预算05表, 万元 to six decimals), its light grey
// rules lost by the binariser: scanned at 200 dpi
// (scripts/ocr-measure.py --scan, fixtures/scanned/
// bj_city_medins_2026_budget_p6.pdf), it gave no table at all. It now gives
// its text layer's grid (fixtures/scanned/bj_city_medins_2026_budget_p6_text.pdf:
// the same page of ../shared/corpus/bj_city_medins_2026_budget_tables.pdf)
// and its amounts (55 of 57 measured: a digit lost in 434.113691, one misread
// in 1,076.795424).
TEST(OcrGridTest, LightRuledTableGivesItsTextLayerGrid) {
  Result<Document> text = Read(kScanned + "bj_city_medins_2026_budget_p6_text.pdf", false);
  Result<Document> scan = Read(kScanned + "bj_city_medins_2026_budget_p6.pdf", true);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  auto table_of = [](const Document& doc) -> const Table* {
    for (const Block& block : doc.blocks)
      if (const Table* table = block.AsTable()) return table;
    return nullptr;
  };
  const Table* truth = table_of(text.value());
  const Table* read = table_of(scan.value());
  ASSERT_NE(truth, nullptr);
  ASSERT_NE(read, nullptr);
  EXPECT_TRUE(read->ruled);
  EXPECT_EQ(read->row_count, truth->row_count);
  EXPECT_EQ(read->column_count, truth->column_count);
  std::map<std::pair<int, int>, std::string> cells;
  for (const TableCell& cell : read->cells) cells[{cell.row, cell.column}] = cell.text;
  int amounts = 0, right = 0;
  for (const TableCell& cell : truth->cells) {
    if (cell.text.find('.') == std::string::npos || cell.text.find_first_of("0123456789") != 0)
      continue;
    ++amounts;
    right += Value(cells[{cell.row, cell.column}]) == Value(cell.text);
  }
  EXPECT_EQ(amounts, 57);
  EXPECT_GE(right, 53);
}

// A three-line table (rules above and below the header and at the end only),
// page 3 of the layout sweep's s1_0024_budget.pdf (/work/sweep300, rules =
// three_line, 9 pt) scanned at 200 dpi: fixtures/scanned/
// sweep_three_line_s1_0024_p3.pdf. Its rows come from the alignment of the
// words OCR reads, through the text-PDF detector. Tesseract's page layout
// drops the 类 codes alone at the left margin ("212", "220"), which the
// second, sparse reading finds again; re-read inside their words' tight
// boxes they read "717"; "77;461.32" and "]184,067.79" made their rows no
// rows. Every row now reads as the text layer prints it.
TEST(OcrGridTest, ThreeLineTableRowsReadFromTheWords) {
  Result<Document> scan = Read(kScanned + "sweep_three_line_s1_0024_p3.pdf", true);
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  const std::vector<std::vector<std::string>> expected = {
      {"212", "", "", "122,457.99", "77,461.32", "44,996.67"},
      {"212", "01", "", "122,457.99", "77,461.32", "44,996.67"},
      {"212", "01", "01", "122,457.99", "77,461.32", "44,996.67"},
      {"220", "", "", "184,067.79", "159,112.76", "24,955.03"},
      {"220", "05", "", "184,067.79", "159,112.76", "24,955.03"},
      {"220", "05", "01", "94,628.44", "69,673.41", "24,955.03"},
      {"220", "05", "04", "89,439.35", "89,439.35", ""},
  };
  std::vector<std::vector<std::string>> rows;
  for (const Block& block : scan.value().blocks) {
    const Table* table = block.AsTable();
    if (table == nullptr || table->column_count != 7) continue;
    EXPECT_FALSE(table->ruled);
    std::map<int, std::vector<std::string>> by_row;
    for (const TableCell& cell : table->cells) {
      std::vector<std::string>& row = by_row[cell.row];
      row.resize(7);
      row[static_cast<std::size_t>(cell.column)] = cell.text;
    }
    for (auto& [index, row] : by_row) {
      if (row[0] != "212" && row[0] != "220") continue;
      // The codes and the amounts; the names are the normalizer's to match.
      rows.push_back({row[0], row[1], row[2], row[4], row[5], row[6]});
    }
  }
  EXPECT_EQ(rows, expected);
}

}  // namespace
}  // namespace disclose
