// The grid step the DOCX and HTML readers share (extract/grid/anchor_grid.h).
#include "extract/grid/anchor_grid.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace disclose::grid {
namespace {

TableCell Anchor(int row, int column, int row_span = 1, int column_span = 1) {
  TableCell cell;
  cell.row = row;
  cell.column = column;
  cell.row_span = row_span;
  cell.column_span = column_span;
  cell.text = "x";
  return cell;
}

// "r,c" for each cell, "*" after an anchor's text, so a case reads as the grid it gives.
std::string Layout(const std::vector<TableCell>& cells) {
  std::string out;
  for (const TableCell& cell : cells) {
    if (!out.empty()) out += ' ';
    out += std::to_string(cell.row) + "," + std::to_string(cell.column);
    if (!cell.text.empty()) out += '*';
  }
  return out;
}

struct PadCase {
  const char* name;
  std::vector<TableCell> anchors;
  int rows;
  int columns;
  const char* expected;
};

TEST(AnchorGridTest, PadsEveryPositionNoAnchorCovers) {
  const PadCase cases[] = {
      {"full grid unchanged",
       {Anchor(0, 0), Anchor(0, 1), Anchor(1, 0), Anchor(1, 1)},
       2,
       2,
       "0,0* 0,1* 1,0* 1,1*"},
      {"short row padded at its end",
       {Anchor(0, 0), Anchor(0, 1), Anchor(1, 0)},
       2,
       2,
       "0,0* 0,1* 1,0* 1,1"},
      {"gridBefore hole padded at the start",
       {Anchor(0, 0), Anchor(0, 1), Anchor(1, 1)},
       2,
       2,
       "0,0* 0,1* 1,0 1,1*"},
      {"row span covers the slot below",
       {Anchor(0, 0, 2, 1), Anchor(0, 1), Anchor(1, 1)},
       2,
       2,
       "0,0* 0,1* 1,1*"},
      {"column span covers its slots", {Anchor(0, 0, 1, 2), Anchor(1, 0)}, 2, 2, "0,0* 1,0* 1,1"},
      {"empty row padded whole", {Anchor(0, 0), Anchor(0, 1)}, 2, 2, "0,0* 0,1* 1,0 1,1"},
  };
  for (const PadCase& c : cases) {
    EXPECT_EQ(Layout(PadAnchorGrid(c.anchors, c.rows, c.columns)), c.expected) << c.name;
  }
}

TEST(AnchorGridTest, HugeGridIsLeftUnpadded) {
  const std::vector<TableCell> anchors = {Anchor(0, 0)};
  EXPECT_EQ(Layout(PadAnchorGrid(anchors, 2000, 1000)), "0,0*");
}

TEST(AnchorGridTest, RawCellOutsideTheTableHasNoAnchor) {
  const RawAnchors anchor_of = {{{0, 0}, {0, 1}}, {{1, 0}}};
  EXPECT_EQ(AnchorOfRawCell(anchor_of, 0, 1), std::make_pair(0, 1));
  EXPECT_EQ(AnchorOfRawCell(anchor_of, 1, 0), std::make_pair(1, 0));
  EXPECT_FALSE(AnchorOfRawCell(anchor_of, 1, 1).has_value());
  EXPECT_FALSE(AnchorOfRawCell(anchor_of, 2, 0).has_value());
  EXPECT_FALSE(AnchorOfRawCell(anchor_of, -1, 0).has_value());
  EXPECT_FALSE(AnchorOfRawCell(anchor_of, 0, -1).has_value());
}

}  // namespace
}  // namespace disclose::grid
