#include "core/document.h"

#include <gtest/gtest.h>

namespace disclose {
namespace {

Table TwoByTwoWithHeaderSpan() {
  Table table;
  table.row_count = 2;
  table.column_count = 2;
  TableCell header{0, 0, 1, 2, "项目", {}};
  TableCell left{1, 0, 1, 1, "合计", {}};
  TableCell right{1, 1, 1, 1, "100.00", {}};
  for (TableCell* cell : {&header, &left, &right}) cell->provenance.block = 0;
  table.cells = {header, left, right};
  return table;
}

TEST(TableTest, SpansResolveToAnchor) {
  const Table table = TwoByTwoWithHeaderSpan();
  EXPECT_EQ(table.TextAt(0, 0), "项目");
  EXPECT_EQ(table.TextAt(0, 1), "");  // covered by the span, not an anchor
  EXPECT_EQ(table.CellAt(0, 1)->text, "项目");
  EXPECT_EQ(table.TextAt(1, 1), "100.00");
  EXPECT_EQ(table.CellAt(5, 5), nullptr);
}

TEST(ValidateDocumentTest, AcceptsGoodAndRejectsOverlap) {
  Document document;
  document.blocks.push_back(Block{TwoByTwoWithHeaderSpan()});
  EXPECT_EQ(ValidateDocument(document), "");
  document.blocks[0].AsTable()->cells[1].column_span = 2;  // runs off the grid
  EXPECT_NE(ValidateDocument(document), "");
}

}  // namespace
}  // namespace disclose
