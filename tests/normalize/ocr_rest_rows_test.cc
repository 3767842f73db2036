#include "normalize/ocr_rest_rows.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace disclose {
namespace {

// A grid of OCR'd cells (or text-layer ones), each with a box one line high per row.
Table Grid(const std::vector<std::vector<std::string>>& rows, TextOrigin origin) {
  Table table;
  table.row_count = static_cast<int>(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    table.column_count = std::max(table.column_count, static_cast<int>(rows[r].size()));
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      TableCell cell;
      cell.row = static_cast<int>(r);
      cell.column = static_cast<int>(c);
      cell.text = rows[r][c];
      cell.provenance.origin = origin;
      const double y = 100.0 + 12.0 * static_cast<double>(r);
      cell.provenance.box = Box{100.0 * static_cast<double>(c), y, 100.0 * (c + 1.0) - 10, y + 10};
      table.cells.push_back(cell);
    }
  }
  return table;
}

std::vector<std::vector<std::string>> Texts(const Table& table) {
  std::vector<std::vector<std::string>> rows(
      static_cast<std::size_t>(table.row_count),
      std::vector<std::string>(static_cast<std::size_t>(table.column_count)));
  for (const TableCell& cell : table.cells) {
    rows[static_cast<std::size_t>(cell.row)][static_cast<std::size_t>(cell.column)] = cell.text;
  }
  return rows;
}

TEST(OcrRestRowsTest, JoinWrappedRestRow) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> read;
    TextOrigin origin;
    std::vector<std::vector<std::string>> joined;  // empty: left as read
  };
  const Case cases[] = {
      // A s3w_0074's fiscal summary: the point read as a comma, a cell of two columns' text.
      {"comma for the point",
       {{"本年收入合计", "59,097，", "59,097. 本年支出合计 59,097.", "59,097.00"},
        {"", "00", "00", ""}},
       TextOrigin::kOcr,
       {{"本年收入合计", "59,097.00", "59,097. 本年支出合计 59,097.00", "59,097.00"},
        {"", "", "", ""}}},
      // H8 s3w_0113's: one decimal kept, the label's end wrapped too.
      {"one decimal kept and a label's end",
       {{"二、政府性基金预算拨农林水支出", "8,852,214.0", "8,852,214.0"}, {"款", "2", "2"}},
       TextOrigin::kOcr,
       {{"二、政府性基金预算拨农林水支出款", "8,852,214.02", "8,852,214.02"}, {"", "", ""}}},
      // H9 s3w_0139's 合计 row: amounts cut inside their integer part (2,639,65 over 4.73),
      // one after its point (902,495. over 25).
      {"cut inside the integer",
       {{"合计", "2,639,65", "1,737,15", "902,495."}, {"", "4.73", "9.48", "25"}},
       TextOrigin::kOcr,
       {{"合计", "2,639,654.73", "1,737,159.48", "902,495.25"}, {"", "", "", ""}}},
      // H17 s3w_0266_budget's fiscal summary: the wrapped 7 read 了, a speck after a cut amount.
      {"a digit's lookalike for the rest",
       {{"本年收入合计", "3,516,571.1 ;", "3,516,571.1"}, {"", "了", "了"}},
       TextOrigin::kOcr,
       {{"本年收入合计", "3,516,571.17", "3,516,571.17"}, {"", "", ""}}},
      // A lookalike under a label is its wrapped end, as any word; under a whole amount it is
      // no rest.
      {"a lookalike under a label and a cut amount",
       {{"公务用车运行维护费", "1,234.5"}, {"I", "6"}},
       TextOrigin::kOcr,
       {{"公务用车运行维护费I", "1,234.56"}, {"", ""}}},
      {"a lookalike under a whole amount",
       {{"合计", "1,234.56"}, {"", "了"}},
       TextOrigin::kOcr,
       {}},
      // H17 s3w_0264_final: the label ran into the cut amount with no space between.
      {"an amount a label ran into",
       {{"本年收入合计", "11.0", "本年支出合计", "11.0本年支出合计11.0", "11.03"},
        {"", "3", "", "3", ""}},
       TextOrigin::kOcr,
       {{"本年收入合计", "11.03", "本年支出合计", "11.0本年支出合计11.03", "11.03"},
        {"", "", "", "", ""}}},
      // H16 s3w_0249_budget: amounts cut among labels run in from both sides, and a whole
      // amount whose wrapped end was read with it and again under it.
      {"labels run in on both sides, an end read twice",
       {{"一、一般公共预", "一、一般公共预18,434,307.1卫生健康支出", "11,865,532.4",
         "18,434,307.11"},
        {"算拨款", "1", "2", "1"}},
       TextOrigin::kOcr,
       {{"一、一般公共预算拨款", "一、一般公共预18,434,307.11卫生健康支出", "11,865,532.42",
         "18,434,307.11"},
        {"", "", "", ""}}},
      // H29 s3w_0458_final's fiscal summary: amounts cut inside their integer part, and both
      // sides' labels wrapped past four characters. The cuts say the row is the rest of the one
      // above; its labels end those above. Not a label that starts a row with its ordinal, nor
      // a long label under a rest that proves no cut.
      {"long label ends under amounts cut inside the integer",
       {{"一、一般公共预", "21,791,6", "一、一般公共", "21,791,6", "21,791,664.05"},
        {"算财政拨款", "64.05", "服务支出", "64.05", ""}},
       TextOrigin::kOcr,
       {{"一、一般公共预算财政拨款", "21,791,664.05", "一、一般公共服务支出", "21,791,664.05",
         "21,791,664.05"},
        {"", "", "", "", ""}}},
      {"a row's own ordinal under a cut",
       {{"一、一般公共预算拨款", "21,791,6"}, {"二、政府性基金预算拨款", "64.05"}},
       TextOrigin::kOcr,
       {}},
      {"a long label under a rest of one decimal",
       {{"一、一般公共预", "8,852,214.0"}, {"算财政拨款", "2"}},
       TextOrigin::kOcr,
       {}},
      // The same summary's 本年收入合计 row: the cut heads read without their commas (217916
      // over 64.05); digits alone prove no cut, the amount the row prints whole beside them does.
      {"ungrouped heads confirmed by an amount of the row",
       {{"本年收入合计", "217916", "本年支出合计", "217916", "21,791,664.05"},
        {"", "64.05", "", "64.05", ""}},
       TextOrigin::kOcr,
       {{"本年收入合计", "21791664.05", "本年支出合计", "21791664.05", "21,791,664.05"},
        {"", "", "", "", ""}}},
      {"ungrouped heads no amount confirms",
       {{"本年收入合计", "217916", "本年支出合计", "217916", "21,791,664.06"},
        {"", "64.05", "", "64.05", ""}},
       TextOrigin::kOcr,
       {}},
      // An end read twice alone is no rest row.
      {"only an end read twice", {{"合计", "18,434,307.11"}, {"", "1"}}, TextOrigin::kOcr, {}},
      {"decimals under a whole integer",
       {{"合计", "12,672"}, {"", ".73"}},
       TextOrigin::kOcr,
       {{"合计", "12,672.73"}, {"", ""}}},
      // A whole integer over an amount of its own, and a cut head whose rest would group
      // wrongly, stay as read.
      {"a whole integer over an amount", {{"合计", "12,672"}, {"", "4.73"}}, TextOrigin::kOcr, {}},
      {"rest that groups wrongly", {{"合计", "2,639,65"}, {"", "44.73"}}, TextOrigin::kOcr, {}},
      // Not rest rows: a 栏次 row under the header, a rest whose length does not complete the
      // amount, a row with its own label, a whole amount above, a text layer.
      {"栏次 under a header",
       {{"项目", "合计", "基本支出"}, {"栏次", "1", "2"}},
       TextOrigin::kOcr,
       {}},
      {"rest too long", {{"合计", "8,852,214.0"}, {"", "02"}}, TextOrigin::kOcr, {}},
      {"a row of its own",
       {{"合计", "8,852,214.0"}, {"二、政府性基金预算拨款", "2"}},
       TextOrigin::kOcr,
       {}},
      {"whole amount above", {{"合计", "8,852,214.02"}, {"", "2"}}, TextOrigin::kOcr, {}},
      {"text layer", {{"合计", "59,097."}, {"", "00"}}, TextOrigin::kTextLayer, {}},
  };
  for (const Case& c : cases) {
    Table table = Grid(c.read, c.origin);
    const bool joined = JoinWrappedRestRow(table, 1);
    EXPECT_EQ(joined, !c.joined.empty()) << c.name;
    EXPECT_EQ(Texts(table), c.joined.empty() ? c.read : c.joined) << c.name;
  }
}

// The joined cell's box covers the rest: provenance points at both lines.
TEST(OcrRestRowsTest, JoinedBoxCoversTheRest) {
  Table table = Grid({{"合计", "59,097，"}, {"", "00"}}, TextOrigin::kOcr);
  ASSERT_TRUE(JoinWrappedRestRow(table, 1));
  for (const TableCell& cell : table.cells) {
    if (cell.row == 0 && cell.column == 1) {
      ASSERT_TRUE(cell.provenance.box.has_value());
      EXPECT_DOUBLE_EQ(cell.provenance.box->y0, 100.0);
      EXPECT_DOUBLE_EQ(cell.provenance.box->y1, 122.0);
    }
  }
}

}  // namespace
}  // namespace disclose
