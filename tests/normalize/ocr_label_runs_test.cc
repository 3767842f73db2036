#include "normalize/ocr_label_runs.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace disclose {
namespace {

TEST(OcrLabelRunsTest, AmountBeforeRunLabel) {
  struct Case {
    const char* cell;
    const char* next;
    const char* amount;  // "" when the cell is left as read
  };
  const Case cases[] = {
      // A s3w_0071, H8 s3w_0118: the expenditure side's label run into the income amount.
      {"7,034.77本年支出合计", "本年支出合计", "7,034.77"},
      {"90,845,18本年支出合计", "本年支出合计", "90,845,18"},
      {"7,034.77 本年支出 合计", "本年支出合计", "7,034.77"},
      // Not the next cell's label, no amount before it, a label with digits, nothing after.
      {"7,034.77本年支出合计", "总计", ""},
      {"一般公共服务支出本年支出合计", "本年支出合计", ""},
      {"7,034.77本年支出合计13", "13", ""},
      {"7,034.77", "本年支出合计", ""},
      {"7,034.77本年支出合计", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AmountBeforeRunLabel(c.cell, c.next), c.amount) << c.cell << " | " << c.next;
  }
}

// H17 s3w_0264_final: the income side's cut amount and the expenditure label ran into the
// expenditure side's 合计 cell from the left (11.0本年支出合计11.03 after 本年支出合计): the cell
// keeps its own amount, the one after the label.
TEST(OcrLabelRunsTest, AmountAfterRunLabel) {
  struct Case {
    const char* cell;
    const char* previous;
    const char* amount;  // "" when the cell is left as read
  };
  const Case cases[] = {
      {"11.0本年支出合计11.03", "本年支出合计", "11.03"},
      {"本年支出合计 11.03", "本年支出合计", "11.03"},
      {"2,607.07本年支出合计2,607.07", "本年支出合计", "2,607.07"},
      // The previous cell's 行次 read after its label (H16 s3w_0241_final).
      {"140,94本年支出合计140,946.45", "本年支出合计    14(", "140,946.45"},
      // The run-in amount's comma read full-width, the label cell holding the amount's head
      // (H20 s3w_0306_final, its rest 28 joined).
      {"302,663.，本年支出合计302,663.28", "本年支出合计 302，", "302,663.28"},
      // Not the previous cell's label, words before it, no amount after it, a label with digits.
      {"11.0本年支出合计11.03", "总计", ""},
      {"教育支出本年支出合计11.03", "本年支出合计", ""},
      {"11.0本年支出合计", "本年支出合计", ""},
      {"11.0本年支出合计11.03", "13", ""},
      {"11.0本年支出合计11.03", "14(", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AmountAfterRunLabel(c.cell, c.previous), c.amount) << c.cell << " | " << c.previous;
  }
}

// H16 s3w_0249_budget: a narrow summary's income amount with the income label's start run in
// before it and the expenditure label after it keeps the amount; words before it that do not
// start the previous cell's label leave it as read.
TEST(OcrLabelRunsTest, LabelsRunInOnBothSides) {
  for (const auto& [previous, amount] : std::vector<std::pair<std::string, std::string>>{
           {"一、一般公共预算拨款", "18,434,307.11"},
           {"二、政府性基金预算拨款", "一、一般公共预18,434,307.11卫生健康支出"}}) {
    Table table;
    table.row_count = 1;
    table.column_count = 4;
    const std::vector<std::string> texts = {previous, "一、一般公共预18,434,307.11卫生健康支出",
                                            "卫生健康支出", "11,865,532.42"};
    for (int c = 0; c < 4; ++c) {
      TableCell cell;
      cell.column = c;
      cell.text = texts[static_cast<std::size_t>(c)];
      cell.provenance.origin = TextOrigin::kOcr;
      table.cells.push_back(cell);
    }
    Document document;
    document.blocks.push_back(Block{table});
    const Document fixed = WithLabelRunsTakenOff(document);
    EXPECT_EQ(fixed.blocks[0].AsTable()->cells[1].text, amount) << previous;
  }
}

// Through a document: OCR'd cells only, the label cell kept.
TEST(OcrLabelRunsTest, OcrGridCellsOnly) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Table table;
    table.row_count = 1;
    table.column_count = 4;
    const std::vector<std::string> texts = {"本年收入合计", "7,034.77本年支出合计", "本年支出合计",
                                            "7,034.77"};
    for (int c = 0; c < 4; ++c) {
      TableCell cell;
      cell.column = c;
      cell.text = texts[static_cast<std::size_t>(c)];
      cell.provenance.origin = origin;
      table.cells.push_back(cell);
    }
    Document document;
    document.blocks.push_back(Block{table});
    const Document fixed = WithLabelRunsTakenOff(document);
    const Table* read = fixed.blocks[0].AsTable();
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->cells[1].text,
              origin == TextOrigin::kOcr ? "7,034.77" : "7,034.77本年支出合计");
    EXPECT_EQ(read->cells[2].text, "本年支出合计");
  }
}

}  // namespace
}  // namespace disclose
