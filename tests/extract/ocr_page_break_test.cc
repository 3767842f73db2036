// Tables without rules cut by a page break between two OCR'd pages
// (extract/ocr/page_break.h), on hand-built pages read "by OCR": joined as the
// text layer's are, with each cell's own reading (read again one by one)
// kept, and what the join made marked as OCR with a confidence.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "extract/ocr/page_break.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"
#include "tests/extract/page_content_builder.h"

namespace disclose {
namespace {

using pdf::A4Page;
using pdf::AddAmountRow;
using pdf::AddRun;
using pdf::PageAnalysis;
using pdf::PageContent;

PageContent OcrPage(int number) {
  PageContent page = A4Page(number);
  page.page.text_origin = TextOrigin::kOcr;
  return page;
}

void Sure(PageContent& page, int confidence) {
  for (pdf::Glyph& glyph : page.glyphs) glyph.confidence = confidence;
}

const TableCell* CellAt(const Table& table, int row, int column) {
  for (const TableCell& cell : table.cells) {
    if (cell.row == row && cell.column == column) return &cell;
  }
  return nullptr;
}

// Two pages analysed as the reader analyses each, ready to be joined across their break.
struct AnalyzedBreak {
  AnalyzedBreak(PageContent upper_page, PageContent lower_page)
      : upper_content(std::move(upper_page)),
        lower_content(std::move(lower_page)),
        upper(pdf::AnalyzePage(upper_content)),
        lower(pdf::AnalyzePage(lower_content)) {}
  // Each analysis was made from the content beside it: they are never parted.
  AnalyzedBreak(const AnalyzedBreak&) = delete;
  AnalyzedBreak& operator=(const AnalyzedBreak&) = delete;

  bool Rejoin() {
    return ocr::RejoinOcrTableAcrossPageBreak(upper_content, upper, lower_content, lower);
  }

  PageContent upper_content;
  PageContent lower_content;
  PageAnalysis upper;
  PageAnalysis lower;
};

// One row of a side-by-side summary: the income label at 60, its amount ending at 250, the
// expenditure label at 300, its amount ending at 520 (an empty text prints nothing).
void AddSummaryRow(PageContent& page, double top, const char* left, const char* left_amount,
                   const char* right, const char* right_amount) {
  AddRun(page, left, 60, top);
  const auto right_aligned = [&](const char* text, double edge) {
    const double width = 6.0 * static_cast<double>(DecodeUtf8(text).size());
    AddRun(page, text, edge - width, top, /*size=*/10, /*advance=*/6);
  };
  if (*left_amount != '\0') right_aligned(left_amount, 250);
  if (*right != '\0') AddRun(page, right, 300, top);
  if (*right_amount != '\0') right_aligned(right_amount, 520);
}

// A summary's number, title and unit, and its header over AddSummaryRow's columns (收入 | 支出,
// then 项目 | 金额 | 项目（按功能分类）), from `top` down 80 pt: the last header words are the
// caller's.
void AddSummaryCaption(PageContent& page, double top, const char* number, const char* title) {
  AddRun(page, number, 60, top);
  AddRun(page, title, 60, top + 20);
  AddRun(page, "单位：元", 60, top + 40);
  AddRun(page, "收入", 60, top + 60);
  AddRun(page, "支出", 300, top + 60);
  AddRun(page, "项目", 60, top + 80);
  AddRun(page, "金额", 210, top + 80);
  AddRun(page, "项目（按功能分类）", 300, top + 80);
}

// A table cut after its 合计 row, as the sweep's scans print it: the foot of page 1 holds the
// title, the unit, the header and the 合计 row (too few rows for a table; its total printed
// `total`, with `rest` wrapped under it when not empty), and page 2 goes on with the body, rows
// `pitch` apart, 201's 项目支出 printed `project_201`. Page 1's glyphs are read 90 sure, page
// 2's 80. Both pages come analysed.
AnalyzedBreak TableCutAfterItsTotal(std::string_view unit, const std::string& total,
                                    const std::string& rest, const std::string& project_201,
                                    double pitch) {
  PageContent upper = OcrPage(1);
  PageContent lower = OcrPage(2);
  AddRun(upper, "部门支出总体情况表", 60, 650);
  AddRun(upper, unit, 400, 650);
  AddAmountRow(upper, 680, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(upper, 698, "合计", {total, "1,503.52", "613.14"});
  if (!rest.empty()) AddAmountRow(upper, 710, "", {rest, "", ""});
  Sure(upper, 90);
  AddAmountRow(lower, 60, "201一般公共服务支出", {"2,106.66", "1,503.52", project_201});
  AddAmountRow(lower, 60 + pitch, "20106财政事务", {"10.00", "", "10.00"});
  AddAmountRow(lower, 60 + 2 * pitch, "20107税收事务", {"0.00", "", "0.00"});
  Sure(lower, 80);
  return AnalyzedBreak(std::move(upper), std::move(lower));
}

TEST(OcrPageBreakTest, HeaderAndRowsCutByTheBreakAreOneTableWithTheirReadingsKept) {
  AnalyzedBreak pages = TableCutAfterItsTotal("单位：元", "2,116.66", "", "603.14", 18);
  ASSERT_TRUE(pages.upper.tables.empty());
  ASSERT_EQ(pages.lower.tables.size(), 1u);
  // What the per-cell pass read (RefineAnalysis): a digit the page pass had
  // wrong, put right, with its own confidence.
  TableCell* reread = nullptr;
  for (TableCell& cell : pages.lower.tables[0].table.cells) {
    if (cell.text == "603.14") reread = &cell;
  }
  ASSERT_NE(reread, nullptr);
  reread->text = "608.14";
  reread->provenance.origin = TextOrigin::kOcr;
  reread->provenance.confidence = 97;

  ASSERT_TRUE(pages.Rejoin());
  ASSERT_EQ(pages.upper.tables.size(), 1u);
  const Table& head = pages.upper.tables[0].table;
  EXPECT_TRUE(head.continues_on_next_page);
  ASSERT_EQ(head.column_count, 4);
  const TableCell* total = CellAt(head, 1, 1);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->text, "2,116.66");
  EXPECT_EQ(total->provenance.origin, TextOrigin::kOcr);
  EXPECT_EQ(total->provenance.confidence, 90);  // its glyphs' least
  EXPECT_EQ(head.provenance.origin, TextOrigin::kOcr);

  ASSERT_EQ(pages.lower.tables.size(), 1u);
  const Table& body = pages.lower.tables[0].table;
  EXPECT_TRUE(body.continued_from_previous_page);
  const TableCell* kept = CellAt(body, 0, 3);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->text, "608.14");  // the cell's own reading, not the page pass's
  EXPECT_EQ(kept->provenance.confidence, 97);
  for (const Paragraph& paragraph : pages.upper.layout.paragraphs) {
    EXPECT_EQ(paragraph.provenance.origin, TextOrigin::kOcr) << paragraph.text;
  }
}

// A cell the join lays out anew (the upper page had no table, so no cell of its own reading)
// takes the page pass's text: an amount in it is put right by the amount grammar as a cell's
// own reading is ("22,570,605，" over "29" read digit for digit was 2,257,060,529, H27
// s3w_0418_final).
TEST(OcrPageBreakTest, AmountLaidOutByTheJoinGetsTheAmountGrammar) {
  AnalyzedBreak pages = TableCutAfterItsTotal("单位：元", "2,116，", "66", "603.14", 18);
  ASSERT_TRUE(pages.upper.tables.empty());
  ASSERT_TRUE(pages.Rejoin());
  ASSERT_EQ(pages.upper.tables.size(), 1u);
  const TableCell* total = CellAt(pages.upper.tables[0].table, 1, 1);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->text, "2,116.66");
}

// A cell whose own reading took in the rest of a wrapped amount under it (ocr::ReadWrappedRest:
// "4,761.0" over a lone "4" no glyph holds, s3w_0058_budget p3) has its box grown down over the
// rest: the join lays the page out again from its glyphs, and the cell still keeps its reading.
TEST(OcrPageBreakTest, ReadingWithAWrappedRestIsKeptByTheJoin) {
  for (const double grown : {0.0, 14.0}) {
    SCOPED_TRACE(grown > 0 ? "box grown over the rest" : "box as laid out");
    AnalyzedBreak pages = TableCutAfterItsTotal("单位：万元", "2,116.66", "", "603.1", 36);
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    TableCell* reread = nullptr;
    for (TableCell& cell : pages.lower.tables[0].table.cells) {
      if (cell.text == "603.1") reread = &cell;
    }
    ASSERT_NE(reread, nullptr);
    reread->text = "603.14";
    reread->provenance.confidence = 93;
    reread->provenance.box->y1 += grown;
    reread->provenance.box->x1 += grown / 40;

    ASSERT_TRUE(pages.Rejoin());
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    const TableCell* kept = CellAt(pages.lower.tables[0].table, 0, 3);
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(kept->text, "603.14");
    EXPECT_EQ(kept->provenance.confidence, 93);
  }
}

// The header printed again on the next page and read with a word or two
// wrong (合计 as 计, 类 款 项 as 去如: s1_0009's scan): still the repeated
// header, set aside, and the rows under it continue the table above. A title
// read alike (收入总表, 支出总表) never is: it starts another table.
TEST(OcrPageBreakTest, RepeatedHeaderReadAWordWrongStillContinuesTheTable) {
  for (const bool new_title : {false, true}) {
    SCOPED_TRACE(new_title ? "a new table's title above" : "the header repeated");
    PageContent upper_content = OcrPage(1);
    AddRun(upper_content, "2022年收入总表", 60, 620);
    AddRun(upper_content, "单位：元", 400, 650);
    AddAmountRow(upper_content, 680, "功能分类科目编码科目名称",
                 {"合计", "一般公共预算", "其他收入"});
    AddAmountRow(upper_content, 698, "类 款 项", {});
    AddAmountRow(upper_content, 716, "201一般公共服务支出", {"2,116.66", "2,116.66", ""});
    AddAmountRow(upper_content, 734, "20101人大事务", {"2,116.66", "2,116.66", ""});
    PageContent lower_content = OcrPage(2);
    if (new_title) {
      AddRun(lower_content, "2022年支出总表", 60, 30);
      AddAmountRow(lower_content, 60, "功能分类科目编码科目名称", {"合计", "基本支出", "项目支出"});
    } else {
      AddAmountRow(lower_content, 60, "功能分类科目编码科目名称",
                   {"计", "一般公共预算", "其他收入"});
    }
    AddAmountRow(lower_content, 78, "去如", {});
    AddAmountRow(lower_content, 96, "2010101行政运行", {"1,000.00", "1,000.00", ""});
    AddAmountRow(lower_content, 114, "2010102一般行政管理事务", {"1,116.66", "1,116.66", ""});
    AddAmountRow(lower_content, 132, "合计", {"2,116.66", "2,116.66", ""});
    Sure(upper_content, 90);
    Sure(lower_content, 90);

    AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
    ASSERT_TRUE(pages.upper.tables.empty());
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    const bool joined = pages.Rejoin();
    EXPECT_EQ(joined, !new_title);
    if (!joined) continue;
    ASSERT_EQ(pages.upper.tables.size(), 1u);
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    const Table& body = pages.lower.tables[0].table;
    EXPECT_TRUE(body.continued_from_previous_page);
    const TableCell* first = CellAt(body, 0, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->text, "2010101行政运行");
  }
}

// A side-by-side summary cut by the break, two rows either side (too few for a table on
// their own below the break; above it, under the header with a row of labels to the foot, a
// table since lead34), its number, title, unit and two header lines printed again on the next page
// (H25 s3w_0391_final). OCR read the repeated number, title and unit as printed and the last
// header line with a character misread (金额 as 人金额): that line is repeated too, or it stays
// between the rows either side of the break and the summary was lost as lines of text.
TEST(OcrPageBreakTest, RepeatedTitleOverAHeaderLineReadWrongStillContinuesTheTable) {
  for (const char* amount_word : {"金额", "人金额"}) {
    SCOPED_TRACE(amount_word);
    const auto caption = [&](PageContent& page, double top, const char* last_word) {
      AddSummaryCaption(page, top, "附表1", "2026年度收入支出决算总表");
      AddRun(page, last_word, 480, top + 80);
    };
    PageContent upper_content = OcrPage(1);
    caption(upper_content, 600, "金额");
    AddSummaryRow(upper_content, 700, "一、财政拨款收入", "4,853,754.02", "社会保障和就业支出",
                  "4,119,853.64");
    AddSummaryRow(upper_content, 720, "二、事业收入", "", "城乡社区支出", "733,900.38");
    AddSummaryRow(upper_content, 740, "三、其他收入", "", "", "");
    PageContent lower_content = OcrPage(2);
    caption(lower_content, 60, amount_word);
    AddSummaryRow(lower_content, 160, "四、上级补助收入", "", "", "");
    AddSummaryRow(lower_content, 180, "本年收入合计", "4,853,754.02", "本年支出合计",
                  "4,853,754.02");
    AddSummaryRow(lower_content, 200, "总计", "4,853,754.02", "总计", "4,853,754.02");
    Sure(upper_content, 90);
    Sure(lower_content, 90);

    AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
    ASSERT_TRUE(pages.lower.tables.empty());
    ASSERT_TRUE(pages.Rejoin());
    ASSERT_EQ(pages.upper.tables.size(), 1u);
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    const Table& rest = pages.lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    for (const TableCell& cell : rest.cells) {
      EXPECT_EQ(cell.text.find("项目"), std::string::npos) << cell.text;
    }
  }
}

// The same summary with a header cell wrapped (政府性基金预算财政拨 over 款), that last line
// read differently on each page (3了人 above the break, 款 below; H31 s3w_0487_final): no line
// of the upper page repeats it, and left between the rows either side of the break it ended the
// run, and the summary was lost as lines of text. Set tight under the repeated header, it is
// the rest of a header cell and is set aside with it.
TEST(OcrPageBreakTest, RepeatedHeaderCellWrappedAndReadDifferentlyStillContinuesTheTable) {
  const auto caption = [&](PageContent& page, double top, const char* wrapped) {
    AddSummaryCaption(page, top, "附表3", "2026年度财政拨款收入支出决算总表");
    AddRun(page, "政府性基金预算拨", 440, top + 80);
    AddRun(page, wrapped, 440, top + 95);  // tight under the line above: the same cell
  };
  PageContent upper_content = OcrPage(1);
  caption(upper_content, 590, "3了人");
  AddSummaryRow(upper_content, 705, "一、财政拨款收入", "4,853,754.02", "社会保障和就业支出",
                "4,119,853.64");
  AddSummaryRow(upper_content, 725, "二、事业收入", "", "城乡社区支出", "733,900.38");
  AddSummaryRow(upper_content, 745, "三、其他收入", "", "", "");
  PageContent lower_content = OcrPage(2);
  caption(lower_content, 60, "款");
  AddSummaryRow(lower_content, 175, "四、上级补助收入", "", "", "");
  AddSummaryRow(lower_content, 195, "本年收入合计", "4,853,754.02", "本年支出合计", "4,853,754.02");
  AddSummaryRow(lower_content, 215, "总计", "4,853,754.02", "总计", "4,853,754.02");
  Sure(upper_content, 90);
  Sure(lower_content, 90);

  AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
  ASSERT_TRUE(pages.upper.tables.empty());
  ASSERT_TRUE(pages.lower.tables.empty());
  ASSERT_TRUE(pages.Rejoin());
  ASSERT_EQ(pages.lower.tables.size(), 1u);
  const Table& rest = pages.lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  for (const TableCell& cell : rest.cells) {
    EXPECT_EQ(cell.text.find("款"), std::string::npos) << cell.text;
  }
}

// A table cut by the break with two rows either side, under 栏次 at the foot of one page and
// under its header line printed again at the top of the next, read there with a word misread
// (科目编码 as 笠肌编码), the next table's title below (H25 s3w_0394_final's 公开03表). One
// header line repeated is set aside as two are, and the rows either side make one table; read
// as printed it is no exact repeat of one line alone, and a line naming another header is none.
TEST(OcrPageBreakTest, OneRepeatedHeaderLineReadWrongStillContinuesTheTable) {
  for (const bool misread : {true, false}) {
    SCOPED_TRACE(misread ? "misread" : "another table's header");
    PageContent upper_content = OcrPage(1);
    AddRun(upper_content, "公开03表", 60, 620);
    AddRun(upper_content, "单位：元", 60, 640);
    AddAmountRow(upper_content, 660, "科目编码科目名称", {"本年支出合计", "基本支出", "项目支出"});
    AddAmountRow(upper_content, 680, "栏次", {"1", "2", "3"});
    AddAmountRow(upper_content, 700, "合计", {"43,832.87", "43,832.87", ""});
    AddAmountRow(upper_content, 720, "205教育支出", {"43,832.87", "43,832.87", ""});
    PageContent lower_content = OcrPage(2);
    if (misread) {
      AddAmountRow(lower_content, 60, "笠肌编码科目名称", {"本年支出合计", "基本支出", "项目支出"});
    } else {
      AddAmountRow(lower_content, 60, "项目", {"合计", "因公出国", "公务接待费"});
    }
    AddAmountRow(lower_content, 80, "20508进修及培训", {"43,832.87", "43,832.87", ""});
    AddAmountRow(lower_content, 100, "2050803培训支出", {"43,832.87", "43,832.87", ""});
    AddRun(lower_content, "公开04表", 60, 140);
    AddRun(lower_content, "单位：元", 60, 160);
    AddAmountRow(lower_content, 180, "项目", {"金额", "合计", "一般公共预算"});
    for (int r = 0; r < 3; ++r) {
      AddAmountRow(lower_content, 200 + 20 * r, "一、一般公共预算财政拨款",
                   {"43,832.87", "43,832.87", "43,832.87"});
    }
    Sure(upper_content, 90);
    Sure(lower_content, 90);

    AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
    ASSERT_TRUE(pages.upper.tables.empty());
    ASSERT_EQ(pages.lower.tables.size(), 1u);
    const bool joined = pages.Rejoin();
    EXPECT_EQ(joined, misread);
    if (!joined) continue;
    ASSERT_EQ(pages.upper.tables.size(), 1u);
    ASSERT_GE(pages.lower.tables.size(), 1u);
    const Table& rest = pages.lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    const TableCell* first = CellAt(rest, 0, 0);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->text, "20508进修及培训");
  }
}

// A summary cut after its first row (H35 s3w_0546_final): under the break its header printed
// again, its second line read with a mark more (项目（按功能分”类）), a row of labels with blank
// amounts (二、政府性基金预算), then 本年收入合计 and 总计 with theirs, then the next table.
// The header's first line repeats a line above the break; the lines under it down to the first
// amount are set aside with it, and the rows under them join the row above the break: the
// summary had been read as lines of text.
TEST(OcrPageBreakTest, RepeatedHeaderOverALabelRowStillContinuesTheTable) {
  PageContent upper_content = OcrPage(1);
  AddSummaryCaption(upper_content, 620, "附表3", "2022年度财政拨款收入支出决算表");
  AddSummaryRow(upper_content, 725, "一、一般公共预算财政拨款", "1,382,503.80", "住房保障支出",
                "1,382,503.80");
  PageContent lower_content = OcrPage(2);
  AddRun(lower_content, "收入", 60, 60);
  AddRun(lower_content, "支出", 300, 60);
  AddRun(lower_content, "项目", 60, 80);
  AddRun(lower_content, "金额", 210, 80);
  AddRun(lower_content, "项目（按功能分”类）", 300, 80);
  AddSummaryRow(lower_content, 100, "二、政府性基金预算", "", "", "");
  AddSummaryRow(lower_content, 120, "本年收入合计", "1,382,503.80", "本年支出合计", "1,382,503.80");
  AddSummaryRow(lower_content, 140, "总计", "1,382,503.80", "总计", "1,382,503.80");
  AddRun(lower_content, "附表4", 60, 180);
  AddRun(lower_content, "2022年度一般公共预算财政拨款支出决算表", 60, 200);
  AddRun(lower_content, "单位：元", 60, 220);
  AddAmountRow(lower_content, 240, "功能分类科目", {"小计", "基本支出", "项目支出"});
  for (int r = 0; r < 3; ++r) {
    AddAmountRow(lower_content, 260 + 20 * r, "221住房保障支出",
                 {"1,382,503.80", "708,803.44", "673,700.36"});
  }
  Sure(upper_content, 90);
  Sure(lower_content, 90);

  AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
  ASSERT_TRUE(pages.upper.tables.empty());
  ASSERT_TRUE(pages.Rejoin());
  ASSERT_EQ(pages.upper.tables.size(), 1u);
  ASSERT_GE(pages.lower.tables.size(), 1u);
  const Table& rest = pages.lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  bool total = false;
  for (const TableCell& cell : rest.cells) total = total || cell.text == "本年收入合计";
  EXPECT_TRUE(total);
}

TEST(OcrPageBreakTest, AnOcrPageAndATextPageAreNeverJoined) {
  PageContent upper_content = OcrPage(1);
  AddAmountRow(upper_content, 680, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(upper_content, 698, "合计", {"2,116.66", "1,503.52", "613.14"});
  PageContent lower_content = OcrPage(2);
  lower_content.page.text_origin = TextOrigin::kTextLayer;
  AddAmountRow(lower_content, 60, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(lower_content, 78, "20106财政事务", {"10.00", "", "10.00"});
  AddAmountRow(lower_content, 96, "20107税收事务", {"0.00", "", "0.00"});
  AnalyzedBreak pages(std::move(upper_content), std::move(lower_content));
  EXPECT_FALSE(pages.Rejoin());
  EXPECT_TRUE(pages.upper.tables.empty());
}

}  // namespace
}  // namespace disclose
