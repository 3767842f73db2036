// The stitch stage's alignment of a ruled continuation page on the columns of
// the page above (normalize/table_stitch_align.cc, AlignRuledToColumnsAbove):
// what a page that draws only some of the table's columns becomes.
#include "normalize/table_stitch_align.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

// A ruled grid whose column c spans [edges[c], edges[c + 1]]; every cell gets
// its column's box.
Table RuledGrid(const std::vector<std::vector<std::string>>& rows, const std::vector<double>& edges,
                bool ruled = true) {
  Table table = Grid(rows);
  table.ruled = ruled;
  for (TableCell& cell : table.cells) {
    const double y0 = 100.0 + 20.0 * cell.row;
    cell.provenance.box = Box{edges[static_cast<std::size_t>(cell.column)], y0,
                              edges[static_cast<std::size_t>(cell.column) + 1], y0 + 20.0};
  }
  return table;
}

struct AlignCase {
  const char* name;
  std::vector<double> upper_edges;
  std::vector<double> lower_edges;
  bool lower_ruled;
  // Expected: the lower rows' texts on the upper columns, or {} for nullopt.
  std::vector<std::vector<std::string>> expected;
};

class RuledAlignTest : public testing::TestWithParam<AlignCase> {};

TEST_P(RuledAlignTest, LowerColumnsGoWhereTheirRulesAre) {
  const AlignCase& test = GetParam();
  std::vector<std::string> upper_row;
  for (std::size_t c = 0; c + 1 < test.upper_edges.size(); ++c) {
    upper_row.push_back("u" + std::to_string(c));
  }
  std::vector<std::string> lower_row;
  for (std::size_t c = 0; c + 1 < test.lower_edges.size(); ++c) {
    lower_row.push_back("l" + std::to_string(c));
  }
  const Table upper = RuledGrid({upper_row, upper_row}, test.upper_edges);
  const Table lower = RuledGrid({lower_row}, test.lower_edges, test.lower_ruled);
  const std::optional<Table> aligned = AlignRuledToColumnsAbove(upper, lower);
  if (test.expected.empty()) {
    EXPECT_FALSE(aligned.has_value());
    return;
  }
  ASSERT_TRUE(aligned.has_value());
  EXPECT_EQ(aligned->column_count, upper.column_count);
  ASSERT_EQ(aligned->row_count, static_cast<int>(test.expected.size()));
  for (int r = 0; r < aligned->row_count; ++r) {
    for (int c = 0; c < aligned->column_count; ++c) {
      EXPECT_EQ(aligned->TextAt(r, c),
                test.expected[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)])
          << "row " << r << " column " << c;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Pages, RuledAlignTest,
    testing::Values(
        // A project list's continuation page: the name and amount cells merged
        // down from above draw nothing on the left; the indicators' columns
        // are ruled where they were.
        AlignCase{"RightColumnsOnly",
                  {40, 150, 200, 450, 510, 560},
                  {450, 510, 560},
                  true,
                  {{"", "", "", "l0", "l1"}}},
        // Rules within a line's width of each other are one rule.
        AlignCase{"RulesWithinTheirPlay",
                  {40, 150, 200, 450, 510, 560},
                  {199.2, 450.8, 509.5, 560.4},
                  true,
                  {{"", "", "l0", "l1", "l2"}}},
        // The left columns alone: another table of the same template.
        AlignCase{
            "LeftColumnsAreAnotherTable", {40, 150, 200, 450, 510, 560}, {40, 150, 200}, true, {}},
        AlignCase{"AColumnRuledElsewhereIsNoContinuation",
                  {40, 150, 200, 450, 510, 560},
                  {450, 530, 560},
                  true,
                  {}},
        AlignCase{"AnUnruledPartIsForTheOtherAlignment",
                  {40, 150, 200, 450, 510, 560},
                  {450, 510, 560},
                  false,
                  {}},
        AlignCase{"AsManyColumnsMovesNothing", {40, 150, 200}, {40, 150, 200}, true, {}}),
    [](const testing::TestParamInfo<AlignCase>& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace disclose
