// Issue 10, deliver 4: in a PDF table without inner rules a cell whose number
// the alignment does not decide is reported, not guessed
// (extract/pdf/unruled_cut_amounts.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/unruled_stages.h"
#include "tests/extract/page_content_builder.h"

namespace disclose::pdf {
namespace {

// Figures 6 pt a digit, ending at `right`.
void RightAligned(PageContent& page, std::string_view text, double right, double top) {
  AddRun(page, text, right - 6.0 * static_cast<double>(DecodeUtf8(text).size()), top, 10, 6);
}

// A printed piece of a row: its text and where it ends (figures) or starts
// (a label, at 60).
struct Piece {
  std::string text;
  double right;
};

struct CutCase {
  const char* name;
  std::vector<Piece> odd_row;        // the row under test, between ordinary rows
  std::string expect_cell;           // a cell holding exactly this text ("" none)
  std::vector<std::string> no_cell;  // no cell holds any of these
  std::string expect_warning;        // warning code, "" for none
  TextOrigin origin = TextOrigin::kTextLayer;
};

// Header 项目 | 合计 | 基本支出 | 项目支出 with amount columns ending at 340,
// 430, 520; three ordinary rows, then the odd row, then two more.
PageContent CutPage(const CutCase& c) {
  PageContent page = A4Page(2);
  page.page.text_origin = c.origin;
  AddRun(page, "部门支出预算表", 200, 60);
  AddRun(page, "项目", 60, 100);
  RightAligned(page, "合计", 340, 100);
  RightAligned(page, "基本支出", 430, 100);
  RightAligned(page, "项目支出", 520, 100);
  double top = 118;
  auto ordinary = [&](const std::string& label) {
    AddRun(page, label, 60, top);
    RightAligned(page, "3,000.00", 340, top);
    RightAligned(page, "1,000.00", 430, top);
    RightAligned(page, "2,000.00", 520, top);
    top += 18;
  };
  ordinary("201一般公共服务支出");
  ordinary("20101人大事务");
  ordinary("2010101行政运行");
  AddRun(page, "2010102一般行政管理事务", 60, top);
  for (const Piece& piece : c.odd_row) RightAligned(page, piece.text, piece.right, top);
  top += 18;
  ordinary("2010150事业运行");
  ordinary("205教育支出");
  AddRun(page, "注：本表为示例。", 60, top + 20);
  return page;
}

TEST(CutAmountTest, NumbersAreNeverCutAndDoubtfulCellsAreReported) {
  const std::vector<CutCase> cases = {
      {"digits spaced apart: the cut piece is reported",
       {{"1,209,5", 392}, {"83.75", 430}, {"1,209,583.75", 340}},
       "",
       {},
       "pdf_cut_amount"},
      {"two whole amounts side by side stay two",
       {{"1,000.00", 340}, {"1,000.00", 430}},
       "1,000.00",
       {"1,000.001,000.00"},
       ""},
      {"an amount reaching into the column before its own",
       {{"123,456,789,012.00", 430}, {"1.00", 520}},
       "123,456,789,012.00",
       {},
       "pdf_straddling_amount"},
      {"a piece grouped as no amount is",
       {{"3,45", 340}, {"1,000.00", 430}, {"2,000.00", 520}},
       "",
       {},
       "pdf_cut_amount"},
      // OCR lost or moved a group comma (12,011830.71 for 12,011,830.71, H35 s3w_0549_budget):
      // a point and two decimals end it, so its digits say what it is, and it is read; a text
      // layer prints what was typed, and such a piece stays a cut.
      {"a group comma misplaced on a text layer",
       {{"30,0000.00", 340}, {"1,000.00", 430}, {"2,000.00", 520}},
       "",
       {},
       "pdf_cut_amount"},
      {"a group comma misplaced by OCR",
       {{"30,0000.00", 340}, {"1,000.00", 430}, {"2,000.00", 520}},
       "30,0000.00",
       {},
       "",
       TextOrigin::kOcr},
  };
  for (const CutCase& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<DetectedTable> tables = DetectTables(CutPage(c));
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    EXPECT_EQ(table.row_count, 7);  // header + 6 rows
    bool found = c.expect_cell.empty();
    for (const TableCell& cell : table.cells) {
      const std::string text = RemoveAllWhitespace(cell.text);
      if (text == c.expect_cell) found = true;
      for (const std::string& bad : c.no_cell) EXPECT_NE(text, bad);
    }
    EXPECT_TRUE(found) << c.expect_cell;
    std::vector<std::string> codes;
    for (const Warning& warning : tables[0].warnings) {
      codes.push_back(warning.code);
      ASSERT_TRUE(warning.provenance.box.has_value());
    }
    if (c.expect_warning.empty()) {
      EXPECT_TRUE(codes.empty()) << (codes.empty() ? "" : codes[0]);
    } else {
      // The doubtful cell is named, with its row; a piece making a column of
      // its own may also put its neighbours in doubt.
      bool named = false;
      for (const Warning& warning : tables[0].warnings) {
        if (warning.code == c.expect_warning &&
            warning.message.find("2010102一般行政管理事务") != std::string::npos) {
          named = true;
        }
      }
      EXPECT_TRUE(named) << c.expect_warning;
    }
  }
}

TEST(CutAmountTest, AmountWithMisplacedGroupMarks) {
  struct Case {
    const char* text;
    bool misplaced;
  };
  const Case cases[] = {
      {"12,011830.71", true},   {"4130,671.38", true},    {"1157,887.79", true},
      {"12,011,830.71", true},  // well grouped as well: the cut report asks IsMisgrouped first
      {"1,2,3.45", false},      // three digits before the point
      {"12011830.71", false},   // no comma: no mark misplaced
      {"12,011830.7", false},   {"12,011830.711", false}, {",12011830.71", false},
      {"12,,011830.71", false}, {"12011830,.71", false},  {"12.011830.71", false},
      {"708,803,44", false},  // a decimal comma: the value would be read a hundred times over
  };
  for (const Case& c : cases) {
    EXPECT_EQ(unruled::IsAmountWithMisplacedGroupMarks(c.text), c.misplaced) << c.text;
  }
}

}  // namespace
}  // namespace disclose::pdf
