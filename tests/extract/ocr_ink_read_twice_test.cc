#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/ocr/ink_read_twice.h"

namespace disclose::ocr {
namespace {

Symbol At(std::string text, int x0, int x1, int line_top, int line_bottom, int confidence = 99) {
  Symbol symbol;
  symbol.text = std::move(text);
  symbol.x0 = x0;
  symbol.x1 = x1;
  symbol.y0 = line_top + 2;
  symbol.y1 = line_bottom - 2;
  symbol.line_top = line_top;
  symbol.line_bottom = line_bottom;
  symbol.confidence = confidence;
  return symbol;
}

std::string Texts(const std::vector<Symbol>& symbols) {
  std::string out;
  for (const Symbol& symbol : symbols)
    out += symbol.text + "/" + std::to_string(symbol.confidence) + " ";
  return out;
}

struct Case {
  const char* name;
  std::vector<Symbol> symbols;
  int dropped;
  std::string kept;
};

TEST(InkReadTwiceTest, TheTallerLinesSecondReadingGoes) {
  const std::vector<Case> cases = {
      // A ruled header (js_suzhou_landres p28, 150 dpi): one line over the
      // one-row cells, a second twice as tall over them and a wrapped cell.
      {"header read twice",
       {At("采", 190, 214, 583, 624), At("购", 240, 270, 583, 624), At("采", 186, 220, 577, 671),
        At("购", 232, 267, 577, 671), At("预", 2110, 2150, 577, 671)},
       2,
       "采/0 购/0 预/99 "},
      // Equal lines side by side on one row (two cells' words) share no ink.
      {"neighbours on one row",
       {At("合", 100, 140, 500, 540), At("计", 150, 190, 500, 540)},
       0,
       "合/99 计/99 "},
      // Lines stacked in a wrapped cell touch at their edges only.
      {"wrapped cell lines",
       {At("一", 100, 140, 500, 540), At("预", 100, 140, 541, 581)},
       0,
       "一/99 预/99 "},
      // A stroke's overlap between neighbours of two lines is under half a box.
      {"boxes touching by a stroke",
       {At("基", 100, 140, 500, 540), At("金", 130, 170, 500, 560)},
       0,
       "基/99 金/99 "},
      // One row split into two overlapping lines as tall (cn_central_xinfang 2024 p11's title,
      // 一般4 and 公共预算…): the surer reading stays, doubtful (sh_putuo_finance 2024 p8 kept
      // its wrapped header cells, sure of them, as two lines interleaved: 财政入拨款收).
      {"one row split in two lines",
       {At("4", 1408, 1430, 128, 182, 92), At("公", 1414, 1460, 127, 182, 98)},
       1,
       "公/0 "},
      {"lines as tall, as sure",
       {At("5", 100, 120, 500, 540), At("5", 101, 121, 502, 542)},
       1,
       "5/0 "},
  };
  for (const Case& c : cases) {
    std::vector<Symbol> symbols = c.symbols;
    EXPECT_EQ(DropInkReadTwice(symbols), c.dropped) << c.name;
    EXPECT_EQ(Texts(symbols), c.kept) << c.name;
  }
}

}  // namespace
}  // namespace disclose::ocr
