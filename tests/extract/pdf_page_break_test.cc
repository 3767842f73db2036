// Tables without rules cut by a page break (extract/pdf/page_break_tables.h),
// on hand-built pages: a header alone at the foot of a page, rows alone at the
// top of the next, a repeated 栏次 row, and what must stay as it was.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/page_break_tables.h"
#include "extract/pdf/page_content.h"
#include "tests/extract/page_content_builder.h"

namespace disclose::pdf {
namespace {

void TitleAndHeader(PageContent& page, double top, bool column_numbers) {
  AddRun(page, "部门支出决算表", 60, top);
  AddRun(page, "金额单位：元", 400, top);  // the unit on the title's line
  AddAmountRow(page, top + 30, "项目", {"合计", "基本支出", "项目支出"});
  if (column_numbers) AddAmountRow(page, top + 48, "栏次", {"1", "2", "3"});
}

std::vector<std::string> RowTexts(const Table& table, int row) {
  std::vector<std::string> texts(static_cast<std::size_t>(table.column_count));
  for (const TableCell& cell : table.cells) {
    if (cell.row == row) texts[static_cast<std::size_t>(cell.column)] = cell.text;
  }
  return texts;
}

bool AnyParagraphContains(const PageAnalysis& analysis, std::string_view text) {
  for (const Paragraph& paragraph : analysis.layout.paragraphs) {
    if (Contains(paragraph.text, text)) return true;
  }
  return false;
}

TEST(PageBreakTableTest, HeaderAloneAtThePageFootJoinsTheRowsOnTheNextPage) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "本部门决算公开如下。", 60, 100);
  TitleAndHeader(upper_content, 650, /*column_numbers=*/true);
  AddRun(upper_content, "- 1 -", 280, 800);  // a page number between the parts
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(lower_content, 78, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(lower_content, 96, "20106财政事务", {"10.00", "", "10.00"});
  AddRun(lower_content, "注：本表为示例。", 60, 140);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());  // header lines alone make no table
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));

  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  ASSERT_EQ(head.column_count, 4);
  ASSERT_EQ(head.row_count, 2);
  EXPECT_EQ(RowTexts(head, 0), (std::vector<std::string>{"项目", "合计", "基本支出", "项目支出"}));
  EXPECT_EQ(RowTexts(head, 1), (std::vector<std::string>{"栏次", "1", "2", "3"}));
  EXPECT_TRUE(head.continues_on_next_page);
  EXPECT_EQ(head.pages, std::vector<int>{1});

  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& body = lower.tables[0].table;
  ASSERT_EQ(body.column_count, 4);
  ASSERT_EQ(body.row_count, 3);
  EXPECT_EQ(RowTexts(body, 0),
            (std::vector<std::string>{"合计", "2,116.66", "1,503.52", "613.14"}));
  EXPECT_EQ(RowTexts(body, 2), (std::vector<std::string>{"20106财政事务", "10.00", "", "10.00"}));
  EXPECT_TRUE(body.continued_from_previous_page);
  EXPECT_EQ(body.pages, std::vector<int>{2});
  // Back on its own page: boxes in the lower page's coordinates.
  ASSERT_TRUE(body.provenance.box);
  EXPECT_NEAR(body.provenance.box->y0, 60, 1);
  for (const TableCell& cell : body.cells) EXPECT_EQ(cell.provenance.page, 2);

  // The title and unit line stay paragraphs above the header, for the
  // normalizer to find; the note too.
  EXPECT_TRUE(AnyParagraphContains(upper, "部门支出决算表"));
  EXPECT_TRUE(AnyParagraphContains(upper, "金额单位"));
  EXPECT_FALSE(AnyParagraphContains(upper, "项目支出"));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
}

TEST(PageBreakTableTest, RowsAloneAtThePageTopContinueTheTableAbove) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 500, /*column_numbers=*/false);
  AddAmountRow(upper_content, 560, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(upper_content, 578, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(upper_content, 596, "20106财政事务", {"10.00", "", "10.00"});
  AddAmountRow(upper_content, 614, "2010601行政运行", {"10.00", "", "10.00"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "205教育支出", {"1,000.00", "1,000.00", ""});
  AddAmountRow(lower_content, 78, "2050101行政运行", {"1,000.00", "1,000.00", ""});
  AddRun(lower_content, "注：本表为示例。", 60, 120);
  AddRun(lower_content, "第三部分 名词解释", 60, 160);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(lower.tables.empty());  // two rows alone make no table
  const std::size_t upper_glyphs = upper.tables[0].glyph_indices.size();
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));

  ASSERT_EQ(upper.tables.size(), 1u);
  EXPECT_EQ(upper.tables[0].table.row_count, 5);  // header and four rows, as before
  EXPECT_EQ(upper.tables[0].glyph_indices.size(), upper_glyphs);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0),
            (std::vector<std::string>{"205教育支出", "1,000.00", "1,000.00", ""}));
  EXPECT_EQ(RowTexts(rest, 1),
            (std::vector<std::string>{"2050101行政运行", "1,000.00", "1,000.00", ""}));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
  EXPECT_TRUE(AnyParagraphContains(lower, "名词解释"));
}

// Word repeats the 栏次 row on the page that continues a table: it is a
// header row there too, not a row of figures 1, 2, 3 making columns of their
// own. Repeated alone, it is set aside as the repeated header it is.
TEST(PageBreakTableTest, RepeatedColumnNumbersRowKeepsTheColumns) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 500, /*column_numbers=*/true);
  AddAmountRow(upper_content, 578, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(upper_content, 596, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(upper_content, 614, "20106财政事务", {"10.00", "", "10.00"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "栏次", {"1", "2", "3"});
  AddAmountRow(lower_content, 78, "2010601行政运行", {"10.00", "", "10.00"});
  AddRun(lower_content, "注：本表为示例。", 60, 120);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(upper.tables[0].table.column_count, 4);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.column_count, 4);
  ASSERT_EQ(rest.row_count, 1);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"2010601行政运行", "10.00", "", "10.00"}));
  EXPECT_FALSE(AnyParagraphContains(lower, "栏次"));
}

TEST(PageBreakTableTest, WholeTablesAndProseOnEitherSideStayAsTheyWere) {
  // Prose at the foot, a whole table with its title at the top of the next page.
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "本部门2024年收入合计2,116.66元，支出合计2,116.66元。", 60, 700);
  PageContent lower_content = A4Page(2);
  TitleAndHeader(lower_content, 60, /*column_numbers=*/false);
  AddAmountRow(lower_content, 120, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(lower_content, 138, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(lower_content, 156, "20106财政事务", {"10.00", "", "10.00"});
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  const std::size_t paragraphs = upper.layout.paragraphs.size();
  EXPECT_FALSE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  EXPECT_TRUE(upper.tables.empty());
  EXPECT_EQ(upper.layout.paragraphs.size(), paragraphs);
  ASSERT_EQ(lower.tables.size(), 1u);
  EXPECT_FALSE(lower.tables[0].table.continued_from_previous_page);
}

// A short table cut by a break, two rows on each side, Word repeating its
// header lines (w:tblHeader) on the next page: neither side makes a table on
// its own (three rows are needed), so the lower page has no table to find the
// repeated header above. Its first lines that repeat lines of the upper
// page's foot are still that header: set aside, the rows join the ones above.
TEST(PageBreakTableTest, RepeatedHeaderOverRowsTooFewForATable) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "财政拨款收支总表", 200, 560);
  AddRun(upper_content, "单位：万元", 60, 590);
  AddAmountRow(upper_content, 620, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(upper_content, 650, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(upper_content, 680, "20106财政事务", {"10.00", "", "10.00"});
  AddRun(upper_content, "- 1 -", 280, 800);
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "单位：万元", 60, 60);
  AddAmountRow(lower_content, 90, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(lower_content, 120, "2010601行政运行", {"10.00", "", "10.00"});
  AddAmountRow(lower_content, 150, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddRun(lower_content, "注：本表为示例。", 60, 200);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  // The header and two coded rows at the upper page's foot are a table of
  // their own already (UnruledTableTest.HeaderAndShortRunAtThePageFootAreATable);
  // the rows under the repeated header at the lower page's top are not.
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(lower.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  EXPECT_EQ(upper.tables[0].table.row_count, 3);  // the header and two rows
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.column_count, 4);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"2010601行政运行", "10.00", "", "10.00"}));
  EXPECT_EQ(RowTexts(rest, 1),
            (std::vector<std::string>{"合计", "2,116.66", "1,503.52", "613.14"}));
  EXPECT_TRUE(rest.continued_from_previous_page);
  // The repeated lines are furniture now, not a title between the parts.
  EXPECT_FALSE(AnyParagraphContains(lower, "基本支出"));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));

  // Lines that do not repeat the foot above stay where they were.
  PageContent other = A4Page(2);
  AddRun(other, "单位：元", 60, 60);
  AddAmountRow(other, 90, "科目", {"决算数", "", ""});
  AddAmountRow(other, 120, "2010601行政运行", {"10.00", "", "10.00"});
  AddAmountRow(other, 150, "合计", {"2,116.66", "1,503.52", "613.14"});
  PageAnalysis upper2 = AnalyzePage(upper_content);
  PageAnalysis lower2 = AnalyzePage(other);
  EXPECT_FALSE(RejoinTableAcrossPageBreak(upper_content, upper2, other, lower2));
  EXPECT_TRUE(lower2.tables.empty());
}

// A one-column table (a 三公 table: 项目 | 预算数) cut by the break, Word
// repeating only its header row, one line, on the next page. A single
// repeated line is a repeated header when it spans cells (项目 and 预算数 a
// column apart): the wrapped rest of a label is one cell. Left standing, the
// header line ended the run above and the two rows under it were too few to
// make a table (s1_0024_budget: 公务用车运行费 and 公务接待费 lost).
TEST(PageBreakTableTest, OneRepeatedHeaderLineOverTheLastRows) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "一般公共预算“三公”经费支出预算表", 150, 560);
  AddRun(upper_content, "单位：元", 60, 590);
  AddAmountRow(upper_content, 620, "项目", {"预算数"});
  AddAmountRow(upper_content, 650, "合计", {"250,681.09"});
  AddAmountRow(upper_content, 680, "因公出国（境）费", {"39,023.78"});
  AddAmountRow(upper_content, 710, "公务用车购置及运行费", {"197,462.17"});
  AddAmountRow(upper_content, 740, "其中：公务用车购置费", {"185,873.30"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "项目", {"预算数"});
  AddAmountRow(lower_content, 90, "公务用车运行费", {"11,588.87"});
  AddAmountRow(lower_content, 120, "公务接待费", {"14,195.14"});
  AddRun(lower_content, "第三部分 名词解释", 60, 200);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(lower.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.column_count, 2);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"公务用车运行费", "11,588.87"}));
  EXPECT_EQ(RowTexts(rest, 1), (std::vector<std::string>{"公务接待费", "14,195.14"}));
  EXPECT_TRUE(rest.continued_from_previous_page);
  EXPECT_FALSE(AnyParagraphContains(lower, "预算数"));

  // One repeated line in one cell (a label's wrapped rest could be that) is
  // no header: nothing is set aside, and the three lines read as before.
  PageContent one_cell = A4Page(2);
  AddAmountRow(one_cell, 60, "合计", {});
  AddAmountRow(one_cell, 90, "公务用车运行费", {"11,588.87"});
  AddAmountRow(one_cell, 120, "公务接待费", {"14,195.14"});
  PageAnalysis upper2 = AnalyzePage(upper_content);
  PageAnalysis lower2 = AnalyzePage(one_cell);
  if (RejoinTableAcrossPageBreak(upper_content, upper2, one_cell, lower2)) {
    EXPECT_TRUE(
        std::none_of(lower2.layout.furniture.begin(), lower2.layout.furniture.end(),
                     [](const Paragraph& paragraph) { return Contains(paragraph.text, "合计"); }));
  }
}

// The same table cut after its first row (合计 alone under the header at the
// foot), Word repeating the title lines and the header row over the rest: the
// title lines stay paragraphs above the lower page's table, and its first row
// is the repeated header. That header line, read into the lower table, is set
// aside with the title lines, so the 合计 above joins the rows below
// (s1_0014_budget: the 合计 was lost).
TEST(PageBreakTableTest, RepeatedTitleAndHeaderRowOverTheRest) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "公开03表", 60, 640);
  AddRun(upper_content, "财政拨款“三公”经费支出表", 60, 670);
  AddRun(upper_content, "单位：元", 60, 700);
  AddAmountRow(upper_content, 730, "项目", {"预算数"});
  AddAmountRow(upper_content, 760, "合计", {"45,904.74"});
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "公开03表", 60, 60);
  AddRun(lower_content, "财政拨款“三公”经费支出表", 60, 90);
  AddRun(lower_content, "单位：元", 60, 120);
  AddAmountRow(lower_content, 150, "项目", {"预算数"});
  AddAmountRow(lower_content, 180, "因公出国（境）费", {"8,990.96"});
  AddAmountRow(lower_content, 210, "公务用车购置及运行费", {"31,911.11"});
  AddAmountRow(lower_content, 240, "其中：公务用车购置费", {"0.00"});
  AddAmountRow(lower_content, 270, "公务用车运行费", {"31,911.11"});
  AddAmountRow(lower_content, 300, "公务接待费", {"5,002.67"});

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  ASSERT_EQ(head.row_count, 2);  // the header and 合计
  EXPECT_EQ(RowTexts(head, 1), (std::vector<std::string>{"合计", "45,904.74"}));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.row_count, 5);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"因公出国（境）费", "8,990.96"}));
  EXPECT_TRUE(rest.continued_from_previous_page);
}

// A summary cut by the break between two rows of labels only (三、上级补助收入
// at the foot, 四、事业收入 at the top under the repeated header): laid a row's
// pitch apart they stay two rows, one on each page; laid tight, the second read
// as the wrapped rest of the first, a row across the break, and nothing was
// joined (s1_0202_final).
TEST(PageBreakTableTest, RowsOfLabelsOnlyOnBothSidesOfTheBreak) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "收入支出决算表", 200, 590);
  AddAmountRow(upper_content, 620, "项目", {"金额", "", ""});
  AddAmountRow(upper_content, 650, "一、一般公共预算财政拨款收入", {"42.79", "", ""});
  AddAmountRow(upper_content, 680, "二、政府性基金预算财政拨款收入", {"", "", ""});
  AddAmountRow(upper_content, 710, "三、上级补助收入", {});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "收入支出决算表", {});
  AddAmountRow(lower_content, 90, "项目", {"金额", "", ""});
  AddAmountRow(lower_content, 120, "四、事业收入", {});
  AddAmountRow(lower_content, 150, "本年收入合计", {"42.79", "", ""});
  AddAmountRow(lower_content, 180, "总计", {"42.79", "", ""});
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  ASSERT_EQ(head.row_count, 4);  // the header, one row of figures, two of labels
  EXPECT_EQ(RowTexts(head, 3)[0], "三、上级补助收入");
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  ASSERT_EQ(rest.row_count, 3);
  EXPECT_EQ(RowTexts(rest, 0)[0], "四、事业收入");
  EXPECT_EQ(RowTexts(rest, 2)[1], "42.79");
}

// A side-by-side summary (收入 | 支出) at the foot of a page, its header
// lines repeated on the next page over its last rows.
void SummaryHeader(PageContent& page, double top) {
  AddRun(page, "收入", 60, top);
  AddRun(page, "支出", 250, top);
  AddRun(page, "项目", 60, top + 30);
  AddRun(page, "预算数", 200, top + 30);
  AddRun(page, "支出功能分类", 250, top + 30);
  AddRun(page, "合计", 410, top + 30);
  AddRun(page, "一般公共预算", 460, top + 30);
}

void SummaryRow(PageContent& page, double top, std::string_view income, std::string_view amount,
                std::string_view expenditure, std::string_view total) {
  if (!income.empty()) AddRun(page, income, 60, top);
  const auto right = [&](std::string_view text, double edge) {
    AddRun(page, text, edge - 6.0 * static_cast<double>(DecodeUtf8(text).size()), top, 10, 6);
  };
  if (!amount.empty()) right(amount, 230);
  AddRun(page, expenditure, 250, top);
  right(total, 430);
  right(total, 520);
}

// A summary's last rows from `top` (a class with its amount, the year's totals, the grand
// totals, each `total`) and a note under them.
void LastSummaryRows(PageContent& page, double top, std::string_view total) {
  SummaryRow(page, top, "", "", "五、农林水支出", total);
  SummaryRow(page, top + 30, "本年收入合计", total, "本年支出合计", total);
  SummaryRow(page, top + 60, "收入总计", total, "支出总计", total);
  AddRun(page, "注：本表为示例。", 60, top + 110);
}

// A summary's last two rows from `top` (the year's totals, then the grand totals, 5,018.56 each)
// and a note under them.
void YearAndGrandTotals(PageContent& page, double top) {
  SummaryRow(page, top, "本年收入合计", "5,018.56", "本年支出合计", "5,018.56");
  SummaryRow(page, top + 30, "总计", "5,018.56", "总计", "5,018.56");
  AddRun(page, "注：本表为示例。", 60, top + 80);
}

PageContent SummaryAtThePageFoot(bool page_number = true) {
  PageContent page = A4Page(1);
  AddRun(page, "财政拨款收支总表", 200, 530);
  AddRun(page, "单位：万元", 60, 560);
  SummaryHeader(page, 590);
  SummaryRow(page, 650, "一、一般公共预算拨款", "5,018.56", "一、科学技术支出", "655.71");
  SummaryRow(page, 680, "", "", "二、卫生健康支出", "1,650.19");
  SummaryRow(page, 710, "", "", "三、城乡社区支出", "424.71");
  SummaryRow(page, 740, "", "", "四、住房保障支出", "2,287.95");
  if (page_number) AddRun(page, "- 1 -", 280, 800);
  return page;
}

// The summary's totals rows under its repeated header at the top of the next
// page, with another table below them on that page (here the next table's
// title, header and two coded rows at the page foot, a table of their own):
// the repeated lines are set aside though the page's first table is not the
// continuation, and the totals rows join the rows above. They were left
// paragraphs: the header lines between them and the rows above ended the run
// (s1_0175_budget; the held-out set's 收支预算总表 regression).
TEST(PageBreakTableTest, RepeatedHeaderOverLastRowsWithAnotherTableBelow) {
  PageContent upper_content = SummaryAtThePageFoot();
  PageContent lower_content = A4Page(2);
  SummaryHeader(lower_content, 60);
  SummaryRow(lower_content, 120, "本年收入合计", "5,018.56", "本年支出合计", "5,018.56");
  SummaryRow(lower_content, 150, "收入总计", "5,018.56", "支出总计", "5,018.56");
  AddRun(lower_content, "本部门一般公共预算支出情况如下。", 60, 300);
  AddRun(lower_content, "一般公共预算支出表", 200, 700);
  AddAmountRow(lower_content, 730, "科目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(lower_content, 760, "2010101行政运行", {"655.71", "655.71", ""});
  AddAmountRow(lower_content, 790, "2100101行政运行", {"1,650.19", "1,116.63", "533.56"});

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);  // the fragment at the foot
  const std::size_t fragment_rows = static_cast<std::size_t>(lower.tables[0].table.row_count);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  EXPECT_TRUE(upper.tables[0].table.continues_on_next_page);
  ASSERT_EQ(lower.tables.size(), 2u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"本年收入合计", "5,018.56", "本年支出合计",
                                                         "5,018.56", "5,018.56"}));
  EXPECT_EQ(RowTexts(rest, 1)[0], "收入总计");
  // The table below is untouched, and the repeated lines are no title.
  EXPECT_FALSE(lower.tables[1].table.continued_from_previous_page);
  EXPECT_EQ(static_cast<std::size_t>(lower.tables[1].table.row_count), fragment_rows);
  EXPECT_FALSE(AnyParagraphContains(lower, "支出功能分类"));
  EXPECT_TRUE(AnyParagraphContains(lower, "一般公共预算支出表"));
}

// The break cut a label's lines (二、政府性基金预算拨 | 款) and Word repeated the header
// between them: the lines between the table on the lower page and the break are the repeated
// header and the label's rest, and that table continues the one above (s1_0170_budget lost its
// whole summary). The rest may be a whole cell line (政拨款收入, s6w_0058_final) or more than
// one (a narrow cell).
TEST(PageBreakTableTest, RepeatedHeaderBetweenTheLinesOfACutLabel) {
  const std::vector<std::vector<std::string>> rests = {
      {"款"}, {"政拨款收入"}, {"基金预算财", "政拨款"}};
  for (const std::vector<std::string>& rest_lines : rests) {
    SCOPED_TRACE(rest_lines.front());
    PageContent upper_content = SummaryAtThePageFoot();
    AddRun(upper_content, "二、政府性基金预算拨", 60, 770);
    PageContent lower_content = A4Page(2);
    SummaryHeader(lower_content, 60);
    double y = 120;
    for (const std::string& line : rest_lines) {
      AddRun(lower_content, line, 60, y);
      y += 20;
    }
    LastSummaryRows(lower_content, y + 10, "8,419.44");

    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_EQ(upper.tables.size(), 1u);
    ASSERT_EQ(lower.tables.size(), 1u);  // three rows make a table of their own
    ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
    ASSERT_EQ(upper.tables.size(), 1u);
    EXPECT_TRUE(upper.tables[0].table.continues_on_next_page);
    ASSERT_EQ(lower.tables.size(), 1u);
    const Table& rest = lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
    EXPECT_EQ(
        RowTexts(rest, rest.row_count - 1),
        (std::vector<std::string>{"收入总计", "8,419.44", "支出总计", "8,419.44", "8,419.44"}));
    EXPECT_FALSE(AnyParagraphContains(lower, "支出功能分类"));
    EXPECT_FALSE(AnyParagraphContains(lower, rest_lines.back()));
    EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
  }
}

// A table cut after two rows under its header (too few for a table on either page), Word
// repeating only the 栏次 row over the rest: that one line is a repeated header, not a row, and
// the rows on both sides make one table (s6w_0134_budget: a whole 一般公共预算支出表 read as
// paragraphs).
TEST(PageBreakTableTest, RepeatedColumnNumbersAloneOverTheRest) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 680, /*column_numbers=*/true);
  AddAmountRow(upper_content, 750, "合计", {"81,231.99", "79,947.63", "1,284.36"});
  AddAmountRow(upper_content, 770, "221住房保障支出", {"81,231.99", "79,947.63", "1,284.36"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "栏次", {"1", "2", "3"});
  AddAmountRow(lower_content, 90, "22102住房改革支出", {"81,231.99", "79,947.63", "1,284.36"});
  AddAmountRow(lower_content, 110, "2210203购房补贴", {"81,231.99", "79,947.63", "1,284.36"});
  AddRun(lower_content, "注：本表为示例。", 60, 150);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 1)[0], "2210203购房补贴");
  EXPECT_FALSE(AnyParagraphContains(lower, "栏次"));
}

// A narrow label cell wrapped over three lines (二、政府性 | 基金预算财 | 政拨款) cut by the break
// after its first line, no header repeated (a three-line table): the two short lines above the
// lower page's table are the label's rest, and that table continues the one above. They ended
// the rejoin, and the summary's rows on both pages were read apart (s5w_0006_final: 15 figures
// of 财政拨款收入支出决算表 lost).
// A cell line holds as many characters as the cell is wide: seven in s22w_0050_final's
// (二、政府性基金 | 预算财政拨款收 | 入), whose summary lost 8 figures while six was the most.
TEST(PageBreakTableTest, LabelWrappedOverSeveralLinesCutByTheBreak) {
  struct Case {
    const char* foot;
    std::vector<std::string> rests;
  };
  for (const Case& c : {Case{"二、政府性", {"基金预算财", "政拨款"}},
                        Case{"二、政府性基金", {"预算财政拨款收", "入"}}}) {
    SCOPED_TRACE(c.foot);
    PageContent upper_content = SummaryAtThePageFoot(/*page_number=*/false);
    AddRun(upper_content, c.foot, 60, 770);
    PageContent lower_content = A4Page(2);
    AddRun(lower_content, c.rests[0], 60, 60);
    AddRun(lower_content, c.rests[1], 60, 80);
    LastSummaryRows(lower_content, 110, "5,018.56");

    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_EQ(upper.tables.size(), 1u);
    ASSERT_EQ(lower.tables.size(), 1u);
    ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
    ASSERT_EQ(lower.tables.size(), 1u);
    const Table& rest = lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
    EXPECT_EQ(
        RowTexts(rest, rest.row_count - 1),
        (std::vector<std::string>{"收入总计", "5,018.56", "支出总计", "5,018.56", "5,018.56"}));
    EXPECT_FALSE(AnyParagraphContains(lower, c.rests[0]));
  }
  PageContent upper_content = SummaryAtThePageFoot(/*page_number=*/false);
  AddRun(upper_content, "二、政府性", 60, 770);

  // Lines of a sentence above the table are no label's rest: nothing is joined.
  PageContent noted = A4Page(2);
  AddRun(noted, "说明：本表为示例。", 60, 60);
  AddRun(noted, "以下为续表。", 60, 80);
  LastSummaryRows(noted, 110, "5,018.56");
  PageAnalysis upper2 = AnalyzePage(upper_content);
  PageAnalysis lower2 = AnalyzePage(noted);
  EXPECT_FALSE(RejoinTableAcrossPageBreak(upper_content, upper2, noted, lower2));
}

// A summary whose last rows at the foot of a page are labels only (四、事业收入,
// 五、其他收入: a run never ends on them, so they stay paragraphs under the
// table) and whose totals rows open the next page with no header repeated
// (a three-line table): the label rows do not end the table, the totals
// continue it (s1_0259_final).
TEST(PageBreakTableTest, RowsOfLabelsUnderTheTableAtThePageFoot) {
  PageContent upper_content = SummaryAtThePageFoot(/*page_number=*/false);
  AddRun(upper_content, "五、事业收入", 60, 770);
  AddRun(upper_content, "六、其他收入", 60, 800);
  PageContent lower_content = A4Page(2);
  YearAndGrandTotals(lower_content, 60);
  AddRun(lower_content, "收入决算表", 200, 400);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(AnyParagraphContains(upper, "六、其他收入"));
  ASSERT_TRUE(lower.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  EXPECT_FALSE(AnyParagraphContains(upper, "六、其他收入"));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 1),
            (std::vector<std::string>{"总计", "5,018.56", "总计", "5,018.56", "5,018.56"}));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));

  // A note under the table ends it: nothing is joined across the break.
  PageContent noted = SummaryAtThePageFoot(/*page_number=*/false);
  AddRun(noted, "注：本表为示例。", 60, 770);
  PageAnalysis upper2 = AnalyzePage(noted);
  PageAnalysis lower2 = AnalyzePage(lower_content);
  EXPECT_FALSE(RejoinTableAcrossPageBreak(noted, upper2, lower_content, lower2));
}

// A summary broken after its first row: the header, 一、… with its amounts and two rows of
// labels at the page's foot (too few rows for a table), a row of labels at the next page's top
// (四、事业收入, amount blank), then the rows with amounts, a table of their own. The label row
// above that table was taken for text between it and the break, the table for another one, and
// the first row was lost (tpl97 s97wn_0090_final).
TEST(PageBreakTableTest, RowsOfLabelsAboveTheTableAtThePageTop) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "收支决算总表", 200, 620);
  AddRun(upper_content, "单位：元", 60, 650);
  SummaryHeader(upper_content, 680);
  SummaryRow(upper_content, 740, "一、一般公共预算拨款", "5,018.56", "一、教育支出", "5,018.56");
  AddRun(upper_content, "二、政府性基金预算拨款", 60, 770);
  AddRun(upper_content, "三、上级补助收入", 60, 800);
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "四、事业收入", 60, 60);
  SummaryRow(lower_content, 90, "五、其他收入", "0.00", "", "");
  YearAndGrandTotals(lower_content, 120);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(AnyParagraphContains(lower, "四、事业收入"));
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  EXPECT_TRUE(head.continues_on_next_page);
  EXPECT_EQ(RowTexts(head, 2)[0], "一、一般公共预算拨款");
  EXPECT_EQ(RowTexts(head, 2)[1], "5,018.56");
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.row_count, 4);
  EXPECT_EQ(RowTexts(rest, 0)[0], "四、事业收入");
  EXPECT_EQ(RowTexts(rest, 3)[0], "总计");
  EXPECT_FALSE(AnyParagraphContains(lower, "四、事业收入"));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
}

// A summary's header in the page's upper half, its first row with amounts and its rows of labels
// down to the foot (一、… with amounts, 二、 … 六、 blank), the rest under the header repeated on
// the next page: the lines read again started at the page's half, below the header, and the
// table found across the break had none; its amounts went unkeyed (tpl98 s98wn_0012_final).
TEST(PageBreakTableTest, HeaderAboveTheBandOverTheRowsCutByTheBreak) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "收入支出决算表", 200, 330);
  AddRun(upper_content, "单位：元", 60, 360);
  SummaryHeader(upper_content, 390);
  SummaryRow(upper_content, 450, "一、一般公共预算拨款", "5,018.56", "一、教育支出", "5,018.56");
  const char* labels[] = {"二、政府性基金预算拨款", "三、国有资本经营预算拨款", "四、上级补助收入",
                          "五、事业收入", "六、经营收入"};
  for (int k = 0; k < 5; ++k) AddRun(upper_content, labels[k], 60, 480 + 30 * k);
  PageContent lower_content = A4Page(2);
  SummaryHeader(lower_content, 60);
  SummaryRow(lower_content, 120, "七、其他收入", "0.00", "", "");
  YearAndGrandTotals(lower_content, 150);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  EXPECT_EQ(RowTexts(head, 0)[0], "收入");
  EXPECT_EQ(RowTexts(head, 1)[0], "项目");
  EXPECT_EQ(RowTexts(head, 2)[1], "5,018.56");
  EXPECT_FALSE(AnyParagraphContains(upper, "项目"));
  ASSERT_EQ(lower.tables.size(), 1u);
  EXPECT_TRUE(lower.tables[0].table.continued_from_previous_page);
}

// A summary's last rows under its repeated title and header, its rows of labels (四、 … 八、)
// reaching past the lower page's half, then the year's totals and the grand totals, then the next
// table's title and unit at the page's foot: the lines read again stopped at the page's half, and
// the totals rows were lost (tpl97 s97wn_0060_final).
TEST(PageBreakTableTest, RowsPastTheLowerPagesHalfGoOnWithTheBand) {
  PageContent upper_content = SummaryAtThePageFoot(/*page_number=*/false);
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "财政拨款收支总表", 200, 170);
  AddRun(lower_content, "单位：万元", 60, 200);
  SummaryHeader(lower_content, 230);
  const char* labels[] = {"二、上级补助收入", "三、事业收入", "四、经营收入",
                          "五、附属单位上缴收入", "六、其他收入"};
  for (int k = 0; k < 5; ++k) AddRun(lower_content, labels[k], 60, 290 + 30 * k);
  YearAndGrandTotals(lower_content, 440);
  AddRun(lower_content, "收入决算表", 200, 580);
  AddRun(lower_content, "单位：万元", 60, 610);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(lower.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  EXPECT_EQ(RowTexts(rest, rest.row_count - 1),
            (std::vector<std::string>{"总计", "5,018.56", "总计", "5,018.56", "5,018.56"}));
  EXPECT_FALSE(AnyParagraphContains(lower, "本年收入合计"));
  EXPECT_TRUE(AnyParagraphContains(lower, "收入决算表"));
}

// The title drawn inside the table's frame (表1 over 收入支出决算表 over the
// unit) is repeated with the header at the top of the next page; on the
// upper page it sits above the band read again, and the repeated lines were
// not recognized: the totals rows under them were lost (s1_0148_final).
TEST(PageBreakTableTest, RepeatedTitleInTheFrameAboveTheBand) {
  PageContent upper_content = A4Page(1);
  const auto frame_top = [](PageContent& page, double top) {
    AddRun(page, "表1", 280, top);
    AddRun(page, "收入支出决算表", 240, top + 30);
    AddRun(page, "单位：万元", 60, top + 60);
    SummaryHeader(page, top + 90);
  };
  frame_top(upper_content, 330);
  SummaryRow(upper_content, 480, "一、一般公共预算拨款", "5,018.56", "一、科学技术支出", "655.71");
  SummaryRow(upper_content, 510, "", "", "二、卫生健康支出", "1,650.19");
  SummaryRow(upper_content, 540, "", "", "三、城乡社区支出", "424.71");
  SummaryRow(upper_content, 570, "", "", "四、住房保障支出", "2,287.95");
  PageContent lower_content = A4Page(2);
  frame_top(lower_content, 60);
  YearAndGrandTotals(lower_content, 210);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_TRUE(lower.tables.empty());
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0)[0], "本年收入合计");
  // The repeated title is furniture now: no second title for the rows.
  EXPECT_FALSE(AnyParagraphContains(lower, "收入支出决算表"));
  EXPECT_TRUE(AnyParagraphContains(upper, "收入支出决算表"));
}

// LibreOffice draws a table's repeated header rows over one another at the
// top of the next page (项目… and 栏次 1 2 3 at one y): glyph lines merge
// them into one line that repeats nothing, the layout keeps them apart as
// paragraphs. Under them the table's last two rows, then the next table
// (s1_0215_final).
TEST(PageBreakTableTest, RepeatedHeaderRowsDrawnOverOneAnother) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 600, /*column_numbers=*/true);
  AddAmountRow(upper_content, 678, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(upper_content, 696, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(upper_content, 714, "20106财政事务", {"10.00", "", "10.00"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(lower_content, 60, "栏次", {"1", "2", "3"});
  AddAmountRow(lower_content, 90, "2010601行政运行", {"10.00", "", "10.00"});
  AddAmountRow(lower_content, 108, "205教育支出", {"10.00", "10.00", ""});
  AddRun(lower_content, "一般公共预算基本支出表", 200, 300);
  AddAmountRow(lower_content, 330, "科目", {"合计", "人员经费", "公用经费"});
  AddAmountRow(lower_content, 360, "301工资福利支出", {"1,000.00", "1,000.00", ""});
  AddAmountRow(lower_content, 378, "30101基本工资", {"600.00", "600.00", ""});
  AddAmountRow(lower_content, 396, "30102津贴补贴", {"400.00", "400.00", ""});

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(lower.tables.size(), 2u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.row_count, 2);
  EXPECT_EQ(RowTexts(rest, 0), (std::vector<std::string>{"2010601行政运行", "10.00", "", "10.00"}));
  EXPECT_FALSE(lower.tables[1].table.continued_from_previous_page);
}

// The same under a repeated title (s31w_0075_budget): the title and unit line repeated above the
// table are paragraphs, and the header rows drawn at one y make one glyph line, interleaved
// (栏项次目 …), which repeats no line of the page above as read. Taken as the lower table's header,
// it kept the two rows at the foot above (212 and 21201 under 栏次) from joining: they stayed
// text.
TEST(PageBreakTableTest, RepeatedHeaderRowsDrawnOverOneAnotherUnderARepeatedTitle) {
  auto title_lines = [](PageContent& page, double top) {
    AddRun(page, "附表2", 60, top);
    AddRun(page, "部门支出决算表", 200, top + 18);
    AddRun(page, "金额单位：元", 60, top + 36);
  };
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "本部门预算公开如下。", 60, 100);
  title_lines(upper_content, 660);
  AddAmountRow(upper_content, 730, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(upper_content, 748, "栏次", {"1", "2", "3"});
  AddAmountRow(upper_content, 766, "212城乡社区支出", {"1,541.88", "1,541.88", ""});
  AddAmountRow(upper_content, 784, "21201城乡社区管理事务", {"1,541.88", "1,541.88", ""});
  PageContent lower_content = A4Page(2);
  title_lines(lower_content, 60);
  AddAmountRow(lower_content, 120, "项目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(lower_content, 120, "栏次", {"1", "2", "3"});
  AddAmountRow(lower_content, 150, "2120101行政运行", {"1,541.88", "1,541.88", ""});
  AddAmountRow(lower_content, 168, "220自然资源海洋气象等支出",
               {"8,758.91", "6,168.25", "2,590.66"});
  AddAmountRow(lower_content, 186, "22005气象事务", {"8,758.91", "6,168.25", "2,590.66"});
  AddAmountRow(lower_content, 204, "合计", {"10,300.79", "7,710.13", "2,590.66"});

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());  // header, 栏次 and two rows at the foot: no table alone
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  EXPECT_EQ(RowTexts(head, head.row_count - 1)[0], "21201城乡社区管理事务");
  EXPECT_FALSE(AnyParagraphContains(upper, "城乡社区支出"));
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  EXPECT_EQ(RowTexts(rest, 0)[0], "2120101行政运行");
}

// The break cut a label wrapped over lines (208社会保障和就业 | 支出) and no
// header is repeated: the rest of the label alone stands between the break
// and the table on the lower page, which continues the one above. It was
// read as a table of its own, with its own column model, and never joined
// (s1_0061_budget lost 44 figures).
TEST(PageBreakTableTest, RestOfACutLabelAboveTheContinuation) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 600, /*column_numbers=*/false);
  AddAmountRow(upper_content, 660, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(upper_content, 678, "201一般公共服务支出", {"1,000.00", "800.00", "200.00"});
  AddAmountRow(upper_content, 696, "20106财政事务", {"1,000.00", "800.00", "200.00"});
  AddAmountRow(upper_content, 714, "208社会保障和就业", {"1,116.66", "703.52", "413.14"});
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "支出", 60, 60);
  AddAmountRow(lower_content, 90, "20805行政事业单位养老支出", {"1,116.66", "703.52", "413.14"});
  AddAmountRow(lower_content, 108, "2080501行政单位离退休", {"1,116.66", "703.52", "413.14"});
  AddAmountRow(lower_content, 126, "2080505养老保险缴费支出", {"0.00", "", ""});
  AddRun(lower_content, "注：本表为示例。", 60, 170);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  EXPECT_TRUE(upper.tables[0].table.continues_on_next_page);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
  EXPECT_EQ(RowTexts(rest, rest.row_count - 1),
            (std::vector<std::string>{"2080505养老保险缴费支出", "0.00", "", ""}));
  EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
}

// On one page: the title line carrying the unit (金额单位：元) is printed above
// the table, not its first header row, so the normalizer still finds the title.
TEST(PageBreakTableTest, UnitLineAboveTheHeaderIsNoHeaderRow) {
  PageContent page = A4Page(1);
  TitleAndHeader(page, 100, /*column_numbers=*/true);
  AddAmountRow(page, 178, "合计", {"2,116.66", "1,503.52", "613.14"});
  AddAmountRow(page, 196, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
  AddAmountRow(page, 214, "20106财政事务", {"10.00", "", "10.00"});
  PageAnalysis analysis = AnalyzePage(page);
  ASSERT_EQ(analysis.tables.size(), 1u);
  const Table& table = analysis.tables[0].table;
  EXPECT_EQ(RowTexts(table, 0), (std::vector<std::string>{"项目", "合计", "基本支出", "项目支出"}));
  EXPECT_EQ(table.row_count, 5);
  EXPECT_TRUE(AnyParagraphContains(analysis, "金额单位"));
}

}  // namespace
}  // namespace disclose::pdf

namespace disclose::pdf {
namespace {

// A row's amounts wrapped in their cells and cut by the break: "26,062.7" at
// the page's foot, its "9" on top of the next page. The rest completes the
// amount it was cut from, whether rows follow it (the table goes on) or not
// (the table's last row: the normalizer's stitch completes it).
TEST(PageBreakTableTest, DigitRestOnTopCompletesTheAmountsAbove) {
  struct Case {
    const char* name;
    bool rows_below;
    std::vector<std::string> total;
    std::vector<std::string> rest;
  };
  const std::vector<std::string> two_cut = {"34,533.62", "26,062.7", "8,470.8"};
  // One amount cut: its rest alone is no row, a paragraph above the lower page's table, which
  // therefore did not continue the row above (s28w_0098_budget lost a summary's first row).
  const std::vector<std::string> one_cut = {"34,533.62", "26,062.7", "8,470.83"};
  for (const Case& c : {Case{"rows follow", true, two_cut, {"", "9", "3"}},
                        Case{"the last row", false, two_cut, {"", "9", "3"}},
                        Case{"one rest, rows follow", true, one_cut, {"", "9", ""}}}) {
    SCOPED_TRACE(c.name);
    PageContent upper_content = A4Page(1);
    AddRun(upper_content, "本部门预算公开如下。", 60, 100);
    TitleAndHeader(upper_content, 640, /*column_numbers=*/false);
    if (!c.rows_below) {  // a table ending at the break
      AddAmountRow(upper_content, 724, "201一般公共服务支出", {"4,761.04", "1,143.00", "3,618.04"});
      AddAmountRow(upper_content, 742, "20103政府办公厅", {"4,761.04", "1,143.00", "3,618.04"});
    }
    AddAmountRow(upper_content, 760, "合计", c.total);
    PageContent lower_content = A4Page(2);
    AddAmountRow(lower_content, 60, "", c.rest);
    double top = 90;
    if (c.rows_below) {
      AddAmountRow(lower_content, top, "201一般公共服务支出", {"4,761.04", "1,143.00", "3,618.04"});
      AddAmountRow(lower_content, top + 18, "20103政府办公厅",
                   {"4,761.04", "1,143.00", "3,618.04"});
      AddAmountRow(lower_content, top + 36, "2010301行政运行",
                   {"4,761.04", "1,143.00", "3,618.04"});
      top += 60;
    }
    AddRun(lower_content, "注：本表为示例。", 60, top);
    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    const bool joined = RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower);
    ASSERT_TRUE(joined);
    ASSERT_EQ(upper.tables.size(), 1u);
    const Table& top_part = upper.tables[0].table;
    const std::vector<std::string> total = RowTexts(top_part, top_part.row_count - 1);
    EXPECT_EQ(RemoveAllWhitespace(total[2]), "26,062.79");
    EXPECT_EQ(RemoveAllWhitespace(total[3]), "8,470.83");
    EXPECT_FALSE(AnyParagraphContains(lower, "9"));
    if (!c.rows_below) {
      // The rest ends the table: it stays on its page, whole, and the rest leaves the lower
      // page's text.
      EXPECT_TRUE(lower.tables.empty());
      EXPECT_FALSE(top_part.continues_on_next_page);
      continue;
    }
    ASSERT_EQ(lower.tables.size(), 1u);
    EXPECT_EQ(lower.tables[0].table.row_count, 3);  // no row of the rest alone
  }
}

// A table's last row cut by the break with its label and amounts wrapped in narrow cells, the
// code's rest printed with the name (`20103 | 1,958,` over `99其 | 839.2` at the foot, `他政 |
// 7` and the label's last lines at the next page's top, then the next table's title;
// s95wn_0002_budget's income table, fixtures/sweep): the rest completes the row, and the table
// stays on its page, whole. The label piece above held digits and was not taken for a label,
// and the cut row, left out of the table above it, was read alone and lost.
TEST(PageBreakTableTest, LastRowCutWithItsWrappedCodeAndLabel) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "本部门预算公开如下。", 60, 100);
  TitleAndHeader(upper_content, 640, /*column_numbers=*/false);
  AddAmountRow(upper_content, 700, "201一般公共服务支出",
               {"2,958,839.27", "1,000,000.00", "1,958,839.27"});
  AddAmountRow(upper_content, 718, "20103政府办公厅",
               {"2,958,839.27", "1,000,000.00", "1,958,839.27"});
  AddAmountRow(upper_content, 736, "2010301行政运行", {"1,000,000.00", "1,000,000.00", ""});
  AddAmountRow(upper_content, 760, "20103", {"1,958,", "", "1,958,"});
  AddAmountRow(upper_content, 772, "99其", {"839.2", "", "839.2"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "他政", {"7", "", "7"});
  AddRun(lower_content, "府办", 60, 72);
  AddRun(lower_content, "公厅", 60, 84);
  AddRun(lower_content, "事务", 60, 96);
  AddRun(lower_content, "三、一般公共预算支出表", 200, 150);
  AddRun(lower_content, "注：本表为示例。", 60, 300);
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);

  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& table = upper.tables[0].table;
  const std::vector<std::string> last = RowTexts(table, table.row_count - 1);
  EXPECT_EQ(RemoveAllWhitespace(last[0]), "2010399其他政府办公厅事务");
  EXPECT_EQ(RemoveAllWhitespace(last[1]), "1,958,839.27");
  EXPECT_EQ(RemoveAllWhitespace(last[3]), "1,958,839.27");
  EXPECT_FALSE(table.continues_on_next_page);
  EXPECT_TRUE(lower.tables.empty());
  EXPECT_FALSE(AnyParagraphContains(lower, "他政"));
  EXPECT_TRUE(AnyParagraphContains(lower, "一般公共预算支出表"));
}

// A row cut by the break whose cells wrapped over different numbers of lines: the total's
// `59,9` over `55.4`, the next column's `59,955.` a line shorter, the label's 2080505机关事业单位
// over 基本养老保险; the rest at the next page's top (`缴费支出 | 9 | 49`) completes each cell
// from its own last line (s96wn_0099_budget's income table, 12 narrow columns). Matched against
// the row's last line only, `49` had nothing above it, the two pages were not read again
// together and the parts' columns differed. Read together, the rest is the lower part's first
// row, for the stitch to join to the row above (RejoinRowBrokenByPage).
TEST(PageBreakTableTest, RestCompletesCellsEndingOnDifferentLines) {
  PageContent upper_content = A4Page(1);
  TitleAndHeader(upper_content, 600, /*column_numbers=*/false);
  AddAmountRow(upper_content, 660, "201一般公共服务支出", {"48,303.98", "48,303.98", ""});
  AddAmountRow(upper_content, 690, "20111纪检监察事务", {"48,303.98", "48,303.98", ""});
  AddAmountRow(upper_content, 720, "2011101行政运行", {"48,303.98", "48,303.98", ""});
  AddAmountRow(upper_content, 750, "2080505机关事业单位", {"59,9", "59,955.", ""});
  AddAmountRow(upper_content, 762, "基本养老保险", {"55.4", "", ""});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "缴费支出", {"9", "49", ""});
  AddAmountRow(lower_content, 90, "220自然资源海洋气象等支出", {"100,527.01", "100,527.01", ""});
  AddAmountRow(lower_content, 120, "22005气象事务", {"100,527.01", "100,527.01", ""});
  AddAmountRow(lower_content, 150, "2200501行政运行", {"100,527.01", "100,527.01", ""});
  AddRun(lower_content, "注：本表为示例。", 60, 200);
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);

  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& top_part = upper.tables[0].table;
  const Table& bottom_part = lower.tables[0].table;
  EXPECT_TRUE(top_part.continues_on_next_page);
  EXPECT_TRUE(bottom_part.continued_from_previous_page);
  ASSERT_EQ(top_part.column_count, bottom_part.column_count);
  const std::vector<std::string> cut = RowTexts(top_part, top_part.row_count - 1);
  const std::vector<std::string> rest = RowTexts(bottom_part, 0);
  EXPECT_EQ(RemoveAllWhitespace(cut[0]), "2080505机关事业单位基本养老保险");
  EXPECT_EQ(RemoveAllWhitespace(cut[1] + rest[1]), "59,955.49");
  EXPECT_EQ(RemoveAllWhitespace(cut[2] + rest[2]), "59,955.49");
  EXPECT_EQ(RemoveAllWhitespace(rest[0]), "缴费支出");
}

// A page holding only a table's header, its 栏次 row and its first row, at the page's top (too
// few rows for a table: LibreOffice kept the header with the first row and pushed the others
// over), the next page opening with the 栏次 row repeated, then the rows (s92wn_0052_final's
// income table, fixtures/sweep). The lines stood above the band read again at the page's foot,
// and the rows on the next page kept no header.
TEST(PageBreakTableTest, HeaderAndFirstRowAloneAtThePageTop) {
  PageContent upper_content = A4Page(1);
  AddAmountRow(upper_content, 60, "功能分类科目", {"本年收入合计", "财政拨款收入", "其他收入"});
  AddAmountRow(upper_content, 84, "栏次", {"1", "2", "3"});
  AddAmountRow(upper_content, 108, "201一般公共服务支出", {"28,314.45", "28,314.45", ""});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "栏次", {"1", "2", "3"});
  AddAmountRow(lower_content, 84, "20101人大事务", {"20,596.76", "20,596.76", ""});
  AddAmountRow(lower_content, 108, "2010101行政运行", {"13,322.99", "13,322.99", ""});
  AddAmountRow(lower_content, 132, "2010102一般行政管理事务", {"7,273.77", "7,273.77", ""});
  AddAmountRow(lower_content, 156, "合计", {"44,211.43", "44,211.43", ""});
  AddRun(lower_content, "注：本表为示例。", 60, 200);
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(upper.tables.empty());

  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  EXPECT_TRUE(head.continues_on_next_page);
  EXPECT_EQ(RemoveAllWhitespace(RowTexts(head, head.row_count - 1)[0]), "201一般公共服务支出");
  const Table& body = lower.tables[0].table;
  EXPECT_TRUE(body.continued_from_previous_page);
  EXPECT_EQ(RemoveAllWhitespace(RowTexts(body, 0)[0]), "20101人大事务");
  EXPECT_EQ(body.row_count, 4);
}

// A header line at the page foot whose word wrapped in its narrow cell, the break between the
// word's lines (项目支 at the foot, 出 at the next page's top, s30w_0067_budget): the rest is
// laid tight under the word, as in its cell, and the header heads the rows below. Laid a row's
// pitch under it, the rest ended the header and the header was lost.
TEST(PageBreakTableTest, HeaderWordWrappedOverTheBreak) {
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "本部门预算公开如下。", 60, 100);
  AddRun(upper_content, "部门支出预算表", 60, 730);
  AddAmountRow(upper_content, 760, "项目", {"合计", "基本支出", "项目支"});
  PageContent lower_content = A4Page(2);
  AddAmountRow(lower_content, 60, "", {"", "", "出"});
  AddAmountRow(lower_content, 90, "201一般公共服务支出", {"4,761.04", "1,143.00", "3,618.04"});
  AddAmountRow(lower_content, 108, "20103政府办公厅", {"4,761.04", "1,143.00", "3,618.04"});
  AddAmountRow(lower_content, 126, "2010301行政运行", {"4,761.04", "1,143.00", "3,618.04"});
  AddRun(lower_content, "注：本表为示例。", 60, 160);
  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 1u);
  const Table& head = upper.tables[0].table;
  ASSERT_EQ(head.column_count, 4);
  ASSERT_GE(head.row_count, 1);
  const std::vector<std::string> header = RowTexts(head, 0);
  EXPECT_EQ(header[0], "项目");
  EXPECT_EQ(RemoveAllWhitespace(header[3]), "项目支出");
  ASSERT_EQ(lower.tables.size(), 1u);
  EXPECT_EQ(lower.tables[0].table.row_count, 3);
  EXPECT_TRUE(lower.tables[0].table.continued_from_previous_page);
  EXPECT_FALSE(AnyParagraphContains(upper, "基本支出"));
}

// A table's last row at the page foot, its amounts wrapped in narrow cells
// after their first decimal, the rests at the next page's top under the
// table's repeated header (s2w_0136_final: `合计 71,317,314.2` | header |
// `4 4`). No row below the rests makes a part to rejoin, and the header keeps
// them from being laid under their heads: they complete the cells above when
// each ends within the cell it completes and makes a whole amount with it.
// Rests that do not line up with the cut cells, or a line of another count,
// stay where they were.
TEST(PageBreakTableTest, RestsUnderTheRepeatedHeaderCompleteTheLastRowAbove) {
  struct Case {
    const char* name;
    std::vector<std::string> total;  // the last row's amounts above the break
    std::vector<std::string> rests;  // per amount column, "" none
    bool completed;
  };
  const std::vector<std::string> cut = {"34,533.62", "26,062.7", "8,470.8"};
  // s19w_0065_final: heads printed whole (27,465 over .48, as the narrow cells wrap every amount
  // of the table); a rest that starts with its point completes a whole head.
  const std::vector<std::string> whole = {"34,533.62", "26,062", "8,470"};
  const Case cases[] = {{"under their heads", cut, {"", "9", "3"}, true},
                        {"one rest for two cut cells", cut, {"", "9", ""}, false},
                        {"under the wrong cells", cut, {"9", "3", ""}, false},
                        {"points under whole heads", whole, {"", ".79", ".83"}, true},
                        {"digits under whole heads", whole, {"", "79", "83"}, false},
                        {"one point for two whole heads", whole, {"", ".79", ""}, false}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent upper_content = A4Page(1);
    AddRun(upper_content, "本部门预算公开如下。", 60, 100);
    TitleAndHeader(upper_content, 620, /*column_numbers=*/false);
    AddAmountRow(upper_content, 688, "201一般公共服务支出", {"4,761.04", "1,143.00", "3,618.04"});
    AddAmountRow(upper_content, 706, "20103政府办公厅", {"4,761.04", "1,143.00", "3,618.04"});
    AddAmountRow(upper_content, 724, "2010301行政运行", {"4,761.04", "1,143.00", "3,618.04"});
    AddAmountRow(upper_content, 760, "合计", c.total);
    PageContent lower_content = A4Page(2);
    AddAmountRow(lower_content, 60, "项目", {"合计", "基本支出", "项目支出"});
    AddAmountRow(lower_content, 78, "", c.rests);
    AddRun(lower_content, "注：本表为示例。", 60, 110);
    // The next table, under its title.
    TitleAndHeader(lower_content, 150, /*column_numbers=*/false);
    AddAmountRow(lower_content, 200, "合计", {"4,761.04", "1,143.00", "3,618.04"});
    AddAmountRow(lower_content, 218, "201一般公共服务支出", {"4,761.04", "1,143.00", "3,618.04"});
    AddAmountRow(lower_content, 236, "20103政府办公厅", {"4,761.04", "1,143.00", "3,618.04"});
    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_EQ(upper.tables.size(), 1u);
    // No table is found across the break: the rests complete the row in place.
    EXPECT_FALSE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
    ASSERT_EQ(upper.tables.size(), 1u);
    const Table& table = upper.tables[0].table;
    const std::vector<std::string> total = RowTexts(table, table.row_count - 1);
    if (c.completed) {
      EXPECT_EQ(RemoveAllWhitespace(total[2]), "26,062.79");
      EXPECT_EQ(RemoveAllWhitespace(total[3]), "8,470.83");
      EXPECT_FALSE(AnyParagraphContains(lower, "9"));
    } else {
      EXPECT_EQ(RemoveAllWhitespace(total[2]), c.total[1]);
      EXPECT_EQ(RemoveAllWhitespace(total[3]), c.total[2]);
    }
  }
}

}  // namespace
}  // namespace disclose::pdf

namespace disclose::pdf {
namespace {

// A header whose body the next page holds may stand high on its page: a page
// of the header alone (LibreOffice pushed the rows over), or the header under
// a short table at the page's top. Its lines, the page's last, join the rows
// as they do from the band at the foot; prose ending a page does not.
TEST(PageBreakTableTest, HeaderEndingItsPageAboveTheBandJoinsTheRowsBelow) {
  struct Case {
    const char* name;
    double header_top;  // where the header stands on the upper page
    bool prose_after;   // a paragraph of prose under the header ends the page
    bool joined;
  };
  for (const Case& c : {Case{"header alone at the page's top", 60, false, true},
                        Case{"header at mid-page", 300, false, true},
                        Case{"prose ends the page", 60, true, false}}) {
    SCOPED_TRACE(c.name);
    PageContent upper_content = A4Page(1);
    AddAmountRow(upper_content, c.header_top, "项目", {"合计", "基本支出", "项目支出"});
    AddAmountRow(upper_content, c.header_top + 18, "栏次", {"1", "2", "3"});
    if (c.prose_after) AddRun(upper_content, "本部门决算公开如下，数据以报表为准。", 60, 380);
    PageContent lower_content = A4Page(2);
    AddAmountRow(lower_content, 60, "合计", {"2,116.66", "1,503.52", "613.14"});
    AddAmountRow(lower_content, 78, "201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"});
    AddAmountRow(lower_content, 96, "20106财政事务", {"10.00", "", "10.00"});
    AddRun(lower_content, "注：本表为示例。", 60, 140);

    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_TRUE(upper.tables.empty());
    EXPECT_EQ(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower), c.joined);
    if (!c.joined) continue;
    ASSERT_EQ(upper.tables.size(), 1u);
    const Table& head = upper.tables[0].table;
    ASSERT_EQ(head.row_count, 2);
    EXPECT_EQ(RowTexts(head, 0),
              (std::vector<std::string>{"项目", "合计", "基本支出", "项目支出"}));
    ASSERT_EQ(lower.tables.size(), 1u);
    EXPECT_EQ(lower.tables[0].table.row_count, 3);
    EXPECT_TRUE(lower.tables[0].table.continued_from_previous_page);
  }
}

// A summary's title and header at a page's foot with two rows under them, the
// second cut by the break with its label and its amounts both wrapped in their
// narrow cells: `二、政府性基金预 | 1,215,297` at the foot, `算拨款 | .24` on top of
// the next page, then the rows that end the table (s10w_0065_budget). The rest
// line is neither digits only nor a row: laid at the row pitch it was read as
// the lower table's header, the rows above stayed text and two rows' amounts
// were lost. Laid tight under its row it completes the label and the amounts
// (a rest after the point too: `1,215,297.` over `24`). A first line of whole
// amounts under the row is a row of its own, never a rest.
TEST(PageBreakTableTest, RowCutWithItsLabelByTheBreakIsCompletedByItsRest) {
  struct Case {
    const char* name;
    std::vector<std::string> heads;  // the cut row's amounts at the upper page's foot
    std::vector<std::string> rests;  // on top of the lower page
    const char* label_rest;
    std::vector<std::string> completed;  // the cut row's amounts after the join, "" not joined
  };
  const Case cases[] = {
      {"rests starting with the point",
       {"1,215,297", "1,215,297", ""},
       {".24", ".24", ""},
       "算拨款",
       {"1,215,297.24", "1,215,297.24", ""}},
      {"rests after the point",
       {"1,215,297.", "1,215,297.", ""},
       {"24", "24", ""},
       "算拨款",
       {"1,215,297.24", "1,215,297.24", ""}},
      {"a row of whole amounts",
       {"1,215,297.24", "1,215,297.24", ""},
       {"655,420.21", "655,420.21", ""},
       "教育支出",
       {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent upper_content = A4Page(1);
    AddRun(upper_content, "本部门预算公开如下。", 60, 100);
    TitleAndHeader(upper_content, 640, /*column_numbers=*/false);
    AddAmountRow(upper_content, 700, "一、一般公共预算", {"3,911,931.17", "3,911,931.17", ""});
    AddAmountRow(upper_content, 740, "二、政府性基金预", c.heads);
    PageContent lower_content = A4Page(2);
    AddAmountRow(lower_content, 60, c.label_rest, c.rests);
    AddAmountRow(lower_content, 100, "三、事业收入", {"2,041,213.72", "2,041,213.72", ""});
    AddAmountRow(lower_content, 140, "本年收入合计", {"7,168,442.13", "7,168,442.13", ""});
    AddAmountRow(lower_content, 180, "收入总计", {"7,168,442.13", "7,168,442.13", ""});
    AddRun(lower_content, "注：本表为示例。", 60, 230);
    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_TRUE(upper.tables.empty());  // a header and two rows make no table alone
    ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
    ASSERT_EQ(upper.tables.size(), 1u);
    const Table& top = upper.tables[0].table;
    EXPECT_TRUE(top.continues_on_next_page);
    ASSERT_EQ(lower.tables.size(), 1u);
    const Table& rest = lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    if (c.completed.empty()) {
      // The whole amounts are a row of the lower part, and the row above keeps its own.
      const std::vector<std::string> first = RowTexts(rest, 0);
      EXPECT_EQ(RemoveAllWhitespace(first[0]), c.label_rest);
      EXPECT_EQ(RemoveAllWhitespace(first[1]), c.rests[0]);
      const std::vector<std::string> cut = RowTexts(top, top.row_count - 1);
      EXPECT_EQ(RemoveAllWhitespace(cut[1]), c.heads[0]);
      continue;
    }
    const std::vector<std::string> cut = RowTexts(top, top.row_count - 1);
    EXPECT_EQ(RemoveAllWhitespace(cut[0]), "二、政府性基金预算拨款");
    for (std::size_t k = 0; k < c.completed.size(); ++k) {
      EXPECT_EQ(RemoveAllWhitespace(cut[k + 1]), c.completed[k]) << k;
    }
    EXPECT_EQ(RemoveAllWhitespace(RowTexts(rest, 0)[0]), "三、事业收入");
    EXPECT_FALSE(AnyParagraphContains(lower, "算拨款"));
  }
}

// The summary's last row under its repeated title and header at the top of
// the next page, another table below: the layout joins the header's last line
// and the row under it into one paragraph (项目 预算数 … 一般公共预算 and 收入总计
// 5,018.56 …, the header reaching the text's right edge), so the paragraphs
// show the title lines repeated and not the header. The glyph lines show it:
// the reading that sets more lines aside is taken, and the row joins the rows
// above. It was left a paragraph, the header line between it and the rows
// above ending the run (s10w_0026_budget, s2w_0029_budget: the 总计 row lost,
// named only by table.row_as_text).
TEST(PageBreakTableTest, RepeatedHeaderJoinedToTheLastRowInOneParagraph) {
  PageContent upper_content = SummaryAtThePageFoot();
  PageContent lower_content = A4Page(2);
  AddRun(lower_content, "财政拨款收支总表", 200, 60);
  AddRun(lower_content, "单位：万元", 60, 84);
  SummaryHeader(lower_content, 108);
  SummaryRow(lower_content, 150, "收入总计", "5,018.56", "支出总计", "5,018.56");
  AddRun(lower_content, "一般公共预算支出表", 200, 300);
  AddAmountRow(lower_content, 330, "科目", {"合计", "基本支出", "项目支出"});
  AddAmountRow(lower_content, 360, "2010101行政运行", {"655.71", "655.71", ""});
  AddAmountRow(lower_content, 390, "2100101行政运行", {"1,650.19", "1,116.63", "533.56"});
  AddAmountRow(lower_content, 420, "2120101行政运行", {"424.71", "424.71", ""});

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  bool joined_paragraph = false;  // the layout this case is about
  for (const Paragraph& paragraph : lower.layout.paragraphs) {
    joined_paragraph |=
        Contains(paragraph.text, "一般公共预算") && Contains(paragraph.text, "收入总计");
  }
  ASSERT_TRUE(joined_paragraph);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  EXPECT_TRUE(upper.tables[0].table.continues_on_next_page);
  ASSERT_EQ(lower.tables.size(), 2u);
  const Table& rest = lower.tables[0].table;
  EXPECT_TRUE(rest.continued_from_previous_page);
  ASSERT_EQ(rest.column_count, upper.tables[0].table.column_count);
  ASSERT_EQ(rest.row_count, 1);
  EXPECT_EQ(RowTexts(rest, 0),
            (std::vector<std::string>{"收入总计", "5,018.56", "支出总计", "5,018.56", "5,018.56"}));
  EXPECT_FALSE(lower.tables[1].table.continued_from_previous_page);
  EXPECT_FALSE(AnyParagraphContains(lower, "收入总计"));
  EXPECT_TRUE(AnyParagraphContains(lower, "一般公共预算支出表"));
}

// A table's last row at the page foot, its amounts wrapped in narrow cells
// after the point, the rests on the next page under the repeated header, with
// rows enough under them for a table of their own (s1_0083_final:
// `1,295,239.` | header | `20 20` | `2120101 行政运行` …). Both pages held a
// table and nothing else, so the break was never read across: the rest made a
// row of its own and the lower part a column model of its own that was never
// stitched to the part above (its 6 figures `other`). And where an earlier
// row of the upper page wrapped its amounts the same way (`20 20` under
// `212 城乡社区支出 1,295,239.`), the rest on the lower page was taken for a
// line of the repeated header and set aside. The rest completes the row above;
// the rows under it continue the table.
TEST(PageBreakTableTest, RestUnderTheRepeatedHeaderOverATableOfItsOwn) {
  for (const bool earlier_rest : {false, true}) {
    SCOPED_TRACE(earlier_rest ? "the same rest wrapped earlier on the page" : "one rest");
    PageContent upper_content = A4Page(1);
    AddRun(upper_content, "本部门决算公开如下。", 60, 100);
    TitleAndHeader(upper_content, 600, /*column_numbers=*/false);
    AddAmountRow(upper_content, 660, "201一般公共服务支出", {"4,761.04", "4,761.04", ""});
    AddAmountRow(upper_content, 690, "20103政府办公厅", {"4,761.04", "4,761.04", ""});
    if (earlier_rest) {
      AddAmountRow(upper_content, 720, "212城乡社区支出", {"1,295,239.", "1,295,239.", ""});
      AddAmountRow(upper_content, 732, "", {"20", "20", ""});
    } else {
      AddAmountRow(upper_content, 720, "212城乡社区支出", {"1,295,239.20", "1,295,239.20", ""});
    }
    AddAmountRow(upper_content, 760, "21201城乡社区管理事务", {"1,295,239.", "1,295,239.", ""});
    PageContent lower_content = A4Page(2);
    AddAmountRow(lower_content, 60, "项目", {"合计", "基本支出", "项目支出"});
    AddAmountRow(lower_content, 90, "", {"20", "20", ""});
    AddAmountRow(lower_content, 120, "2120101行政运行", {"1,295,239.20", "1,295,239.20", ""});
    AddAmountRow(lower_content, 150, "229其他支出", {"10.00", "10.00", ""});
    AddAmountRow(lower_content, 180, "合计", {"1,300,010.24", "1,300,010.24", ""});
    AddRun(lower_content, "注：本表为示例。", 60, 230);
    PageAnalysis upper = AnalyzePage(upper_content);
    PageAnalysis lower = AnalyzePage(lower_content);
    ASSERT_EQ(upper.tables.size(), 1u);
    ASSERT_EQ(lower.tables.size(), 1u);  // a table of its own, the rest a row of it
    ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
    ASSERT_EQ(upper.tables.size(), 1u);
    const Table& top = upper.tables[0].table;
    EXPECT_TRUE(top.continues_on_next_page);
    const std::vector<std::string> cut = RowTexts(top, top.row_count - 1);
    EXPECT_EQ(RemoveAllWhitespace(cut[0]), "21201城乡社区管理事务");
    EXPECT_EQ(RemoveAllWhitespace(cut[1]), "1,295,239.20");
    EXPECT_EQ(RemoveAllWhitespace(cut[2]), "1,295,239.20");
    ASSERT_EQ(lower.tables.size(), 1u);
    const Table& rest = lower.tables[0].table;
    EXPECT_TRUE(rest.continued_from_previous_page);
    ASSERT_EQ(rest.column_count, top.column_count);
    ASSERT_EQ(rest.row_count, 3);
    EXPECT_EQ(RemoveAllWhitespace(RowTexts(rest, 0)[0]), "2120101行政运行");
    EXPECT_TRUE(AnyParagraphContains(lower, "注：本表为示例。"));
  }
}

// A table's title, unit and one-line header end the page (科目编码 科目名称 合计
// 基本支出 项目支出); its 类 款 项 row and body are on the next. The table above
// it on the upper page prints a 类 款 项 row too: the lower page's 类 款 项 was
// taken for a repeat of that one, set aside as a repeated header, and the
// codes' 款 and 项 were never joined (s1_0198_final: rows keyed 21013 where
// 2101399 is printed). A table that starts in the band repeats nothing from
// above it: the 类 款 项 row stays a row of its own part.
TEST(PageBreakTableTest, HeaderRowUnderAHeaderEndingThePageIsNoRepeat) {
  const auto code_row = [](PageContent& page, double top, const char* klass, const char* kuan,
                           const char* xiang, const char* name,
                           const std::vector<std::string>& amounts) {
    AddRun(page, klass, 60, top);
    AddRun(page, kuan, 100, top);
    AddRun(page, xiang, 140, top);
    AddRun(page, name, 180, top);
    AddAmountRow(page, top, "", amounts);
  };
  const auto header = [](PageContent& page, double top, const std::vector<std::string>& words) {
    AddRun(page, "科目编码", 60, top);
    AddRun(page, "科目名称", 180, top);
    AddAmountRow(page, top, "", words);
  };
  PageContent upper_content = A4Page(1);
  AddRun(upper_content, "部门收入决算表", 200, 60);
  AddRun(upper_content, "单位：元", 60, 84);
  header(upper_content, 108, {"合计", "财政拨款", "其他收入"});
  code_row(upper_content, 130, "类", "款", "项", "", {});
  code_row(upper_content, 160, "210", "", "", "卫生健康支出", {"64,722.22", "64,722.22", ""});
  code_row(upper_content, 190, "210", "13", "", "医疗保障管理事务", {"64,722.22", "64,722.22", ""});
  code_row(upper_content, 220, "210", "13", "99", "其他医疗保障", {"64,722.22", "64,722.22", ""});
  AddRun(upper_content, "注：本表为示例。", 60, 600);
  AddRun(upper_content, "部门支出决算表", 200, 640);
  AddRun(upper_content, "单位：元", 60, 670);
  header(upper_content, 700, {"合计", "基本支出", "项目支出"});
  PageContent lower_content = A4Page(2);
  code_row(lower_content, 60, "类", "款", "项", "", {});
  code_row(lower_content, 90, "210", "", "", "卫生健康支出", {"64,722.22", "64,722.22", ""});
  code_row(lower_content, 120, "210", "13", "", "医疗保障管理事务", {"64,722.22", "64,722.22", ""});
  code_row(lower_content, 150, "210", "13", "99", "其他医疗保障", {"64,722.22", "64,722.22", ""});
  AddRun(lower_content, "注：本表为示例。", 60, 200);

  PageAnalysis upper = AnalyzePage(upper_content);
  PageAnalysis lower = AnalyzePage(lower_content);
  ASSERT_EQ(upper.tables.size(), 1u);
  ASSERT_EQ(lower.tables.size(), 1u);
  ASSERT_TRUE(RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower));
  ASSERT_EQ(upper.tables.size(), 2u);
  EXPECT_TRUE(upper.tables[1].table.continues_on_next_page);
  ASSERT_EQ(lower.tables.size(), 1u);
  const Table& body = lower.tables[0].table;
  EXPECT_TRUE(body.continued_from_previous_page);
  // The 类 款 项 row is read, in the part that holds it, above the rows.
  ASSERT_EQ(body.row_count, 4);
  const std::vector<std::string> words = RowTexts(body, 0);
  EXPECT_TRUE(std::any_of(words.begin(), words.end(),
                          [](const std::string& text) { return Contains(text, "项"); }));
  for (const Paragraph& paragraph : lower.layout.furniture) {
    EXPECT_FALSE(Contains(paragraph.text, "款")) << paragraph.text;
  }
}

}  // namespace
}  // namespace disclose::pdf
