// Layout on hand-built pages: no Poppler, no files.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "core/text.h"
#include "extract/pdf/layout.h"
#include "tests/extract/page_content_builder.h"

namespace disclose::pdf {
namespace {

// BuildLines over every glyph of the page.
std::vector<TextLine> BuildAllLines(const PageContent& page) {
  std::vector<int> all(page.glyphs.size());
  std::iota(all.begin(), all.end(), 0);
  return BuildLines(page.glyphs, all);
}

TEST(DedupeFakeBoldTest, DropsOffsetCopiesKeepsDistinctGlyphs) {
  PageContent page = A4Page(3);
  AddRun(page, "收入预算", 100, 100, 12, 12);
  AddRun(page, "收入预算", 100.4, 100.2, 12, 12);  // the fake-bold second pass
  AddRun(page, "收入", 160, 100, 12, 12);          // same text, elsewhere: kept
  DedupeFakeBold(page.glyphs);
  ASSERT_EQ(page.glyphs.size(), 6u);
  EXPECT_EQ(page.glyphs[0].box.x0, 100);
  EXPECT_EQ(page.glyphs[4].box.x0, 160);
}

struct LineCase {
  const char* name;
  std::vector<std::pair<std::string, double>> runs;  // text and start x on one baseline
  double advance;
  std::string expected;
};

// LibreOffice may draw a table's repeated header over the first body row of the next page,
// glyph on glyph (s6w_0098_final p4, s6w_0103_budget p3, s3w_0121): read as one line the words
// ran into each other (本年支出合2计,052.56), the row was lost and the columns keyed by the
// mixture. The header, drawn first, is taken off as furniture; the row reads alone.
TEST(OverprintTest, RepeatedHeaderDrawnOverTheFirstRowIsTakenOff) {
  PageContent page = A4Page(4);
  AddAmountRow(page, 60, "科目名称", {"本年支出合计", "基本支出", "项目支出"});
  AddAmountRow(page, 60, "201一般公共服务支出", {"2,052.56", "1,364.02", "688.54"});
  AddAmountRow(page, 80, "20101人大事务", {"1,496.36", "807.82", "688.54"});
  AddAmountRow(page, 100, "2010101行政运行", {"1,148.08", "459.54", "688.54"});
  AddAmountRow(page, 120, "2010102一般行政管理事务", {"348.28", "348.28", ""});
  PageAnalysis analysis = AnalyzePage(page);
  ASSERT_EQ(analysis.tables.size(), 1u);
  const Table& table = analysis.tables[0].table;
  std::vector<std::string> first;
  for (const TableCell& cell : table.cells) {
    if (cell.row == 0 && !cell.text.empty()) first.push_back(RemoveAllWhitespace(cell.text));
  }
  EXPECT_EQ(first,
            (std::vector<std::string>{"201一般公共服务支出", "2,052.56", "1,364.02", "688.54"}));
  ASSERT_EQ(analysis.layout.furniture.size(), 1u);
  EXPECT_EQ(RemoveAllWhitespace(analysis.layout.furniture[0].text),
            "科目名称本年支出合计基本支出项目支出");

  // Two rows of figures drawn over each other: which one is printed cannot be told, and
  // nothing is taken.
  PageContent figures = A4Page(1);
  AddAmountRow(figures, 60, "201一般公共服务支出", {"2,052.56", "1,364.02", "688.54"});
  AddAmountRow(figures, 60, "205教育支出", {"1,000.00", "600.00", "400.00"});
  const std::size_t count = figures.glyphs.size();
  EXPECT_TRUE(TakeOverprintedHeaders(figures.glyphs).empty());
  EXPECT_EQ(figures.glyphs.size(), count);

  // Nor are two header rows drawn at one y (科目编码… over 栏次 1 2 3, s6w_0001_final p6): the
  // layout keeps them apart and both are set aside as the repeated header they are.
  PageContent headers = A4Page(6);
  AddAmountRow(headers, 60, "科目名称", {"小计", "基本支出", "项目支出"});
  AddAmountRow(headers, 60, "栏次", {"1", "2", "3"});
  EXPECT_TRUE(TakeOverprintedHeaders(headers.glyphs).empty());
}

class BuildLinesTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(BuildLinesTest, JoinsRunsOnOneLine) {
  const LineCase& c = GetParam();
  PageContent page = A4Page(3);
  for (const auto& [text, x] : c.runs) AddRun(page, text, x, 200, 10, c.advance);
  std::vector<TextLine> lines = BuildAllLines(page);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BuildLinesTest,
    ::testing::Values(
        LineCase{"cjk_tight", {{"一般公共", 100}, {"预算支出", 140.5}}, 10, "一般公共预算支出"},
        LineCase{
            "cjk_half_em_space", {{"第一部分", 100}, {"部门概况", 145}}, 10, "第一部分 部门概况"},
        LineCase{"cjk_loose_spacing", {{"部门", 100}, {"预算", 124}}, 10, "部门预算"},
        LineCase{"latin_words", {{"Word", 100}, {"2010", 145}}, 10, "Word 2010"},
        LineCase{"digits_tight", {{"2,940", 100}, {".05", 150}}, 10, "2,940.05"},
        LineCase{"column_gap", {{"项目", 100}, {"决算数", 300}}, 10, "项目 决算数"},
        LineCase{"out_of_order", {{"预算", 140}, {"部门", 120}}, 10, "部门预算"}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(BuildLinesTest, SeparatesLinesByBaseline) {
  PageContent page = A4Page(3);
  AddRun(page, "第一行", 100, 100, 10, 10);
  AddRun(page, "第二行", 100, 118, 10, 10);
  std::vector<int> all{0, 1, 2, 3, 4, 5};
  std::vector<TextLine> lines = BuildLines(page.glyphs, all);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "第一行");
  EXPECT_EQ(lines[1].text, "第二行");
}

TEST(BuildLinesTest, FloatingTextBoxOverALineStaysApart) {
  // LibreOffice draws a text box 3 pt below the anchor line's baseline, on top
  // of its glyphs: joining them by band overlap interleaved the two sentences
  // character by character ("本文年本支框出").
  PageContent page = A4Page(3);
  AddRun(page, "本年支出合计", 40, 100, 10, 10);
  AddRun(page, "文本框：项目支出", 47, 103, 10, 10);
  std::vector<TextLine> lines = BuildAllLines(page);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "本年支出合计");
  EXPECT_EQ(lines[1].text, "文本框：项目支出");
}

TEST(BuildLinesTest, TwoFlowsOnOneBaselineAreSeparated) {
  // A text box's second line drawn over the footer, 0.2 pt apart: read as one
  // line they gave "第8195页,6，22共.2150元页" (yuxi landscape render, shift 34).
  PageContent page = A4Page(3);
  AddRun(page, "第 9 页，共 10 页", 42.6, 546.2, 10, 7);
  AddRun(page, "815,622.25元", 49.8, 546.4, 10, 7);
  std::vector<TextLine> lines = BuildAllLines(page);
  ASSERT_EQ(lines.size(), 2u);
  std::vector<std::string> texts = {lines[0].text, lines[1].text};
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts[0], "815,622.25元");
  EXPECT_EQ(texts[1], "第 9 页，共 10 页");
}

TEST(BuildLinesTest, ValueSetSlightlyOffItsLabelStaysInTheLine) {
  // Offset glyphs that do not overlap anything still join (table rows whose
  // amounts sit a little higher than the label).
  PageContent page = A4Page(3);
  AddRun(page, "行政运行", 40, 100, 10, 10);
  AddRun(page, "3,279,761.42", 200, 103, 10, 6);
  std::vector<TextLine> lines = BuildAllLines(page);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "行政运行 3,279,761.42");
}

TEST(BuildLinesTest, AmountInATallerFontWithOverrunningCellsStaysInItsSentence) {
  // cq_city_meteo_2026_budget: amounts are set in a Latin font whose cells are
  // twice the CJK line's height, and ".73" starts 0.3 pt before the cell of the
  // "2" it follows ends. Tested as another flow, the amounts left the sentence
  // ("一般公共预算拨款 万元") and the decimals left the integer part.
  PageContent page = A4Page(3);
  AddRun(page, "一般公共预算拨款", 300, 446.6, 12.8, 12.8);
  const double digits = 300 + 8 * 12.8;
  for (const char* text : {"1", "2", ",", "6", "7", "2"}) {
    AddRun(page, text, digits + 8.1 * static_cast<double>(page.glyphs.size() - 8), 442.2, 27, 8.1);
  }
  const double point = digits + 6 * 8.1 - 8.45;  // overruns the "2" cell
  AddRun(page, ".73", point, 442.2, 27, 9.8);
  AddRun(page, "万元,政府性基金", point + 3 * 9.8, 446.6, 12.8, 12.8);
  std::vector<TextLine> lines = BuildAllLines(page);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "一般公共预算拨款12,672.73万元,政府性基金");
}

TEST(BuildLinesTest, RotatedTextReadsAlongItsBaseline) {
  // Text turned 90 degrees clockwise reads downwards.
  PageContent page = A4Page(3);
  const std::string text = "预算公开";
  double y = 100;
  for (char32_t c : DecodeUtf8(text)) {
    Glyph glyph;
    glyph.text = EncodeUtf8(c);
    glyph.rotation = 90;
    glyph.font_size = 10;
    glyph.box = {300, y, 312, y + 10};
    page.glyphs.push_back(glyph);
    y += 10;
  }
  std::vector<int> all{3, 1, 0, 2};
  std::vector<TextLine> lines = BuildLines(page.glyphs, all);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "预算公开");
  EXPECT_EQ(lines[0].rotation, 90);
}

TEST(LayoutPageTest, DenseIdenticalGlyphsFinish) {
  // 100k zeros in a grid: a table of empty amounts. Guards against quadratic
  // dedupe or line building (the test would time out).
  PageContent page = A4Page(3);
  page.glyphs.reserve(100000);
  for (int row = 0; row < 200; ++row) {
    for (int col = 0; col < 500; ++col) {
      Glyph glyph;
      glyph.text = "0";
      glyph.font_size = 3;
      glyph.box = {col * 1.1, row * 4.0, col * 1.1 + 1.0, row * 4.0 + 3.0};
      page.glyphs.push_back(glyph);
    }
  }
  DedupeFakeBold(page.glyphs);
  EXPECT_EQ(page.glyphs.size(), 100000u);
  PageLayout layout = LayoutPage(page, {});
  EXPECT_FALSE(layout.paragraphs.empty());
}

struct PageNumberCase {
  const char* text;
  bool page_number;
};

class PageNumberTest : public ::testing::TestWithParam<PageNumberCase> {};

TEST_P(PageNumberTest, Recognises) {
  EXPECT_EQ(IsPageNumberText(GetParam().text), GetParam().page_number) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PageNumberTest,
    ::testing::Values(PageNumberCase{"3", true}, PageNumberCase{"- 3 -", true},
                      PageNumberCase{"—12—", true}, PageNumberCase{"第 3 页", true},
                      PageNumberCase{"第3页 共25页", true}, PageNumberCase{"3/25", true},
                      PageNumberCase{"－ 7 －", true}, PageNumberCase{"2024", true},
                      PageNumberCase{"20245", false}, PageNumberCase{"单位：万元", false},
                      PageNumberCase{"第一部分", false}, PageNumberCase{"3.5", false},
                      PageNumberCase{"", false}));

struct HeadingCase {
  const char* text;
  int level;
};

class HeadingMarkTest : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(HeadingMarkTest, Level) {
  EXPECT_EQ(HeadingMarkLevel(GetParam().text), GetParam().level);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HeadingMarkTest,
    ::testing::Values(HeadingCase{"一、部门主要职责", 2}, HeadingCase{"十一、其他重要事项", 2},
                      HeadingCase{"第二部分 部门预算表", 2}, HeadingCase{"（一）收入预算", 3},
                      HeadingCase{"(三)支出", 3}, HeadingCase{"1、机关运行", 4},
                      HeadingCase{"2.项目支出", 4}, HeadingCase{"2.5万元", 0},
                      HeadingCase{"2024年部门预算", 0}, HeadingCase{"一般公共预算", 0}));

TEST(LayoutPageTest, ParagraphsHeadingsAndFurniture) {
  PageContent page = A4Page(3);
  AddRun(page, "一、部门主要职责", 90, 100, 12, 12);                 // heading mark, short
  AddRun(page, "本部门负责全省检察工作的组织与", 114, 125, 12, 12);  // indented first line
  AddRun(page, "领导，年度预算如下。", 90, 145, 12, 12);             // wrapped, ends short
  AddRun(page, "下一段从这里开始。", 114, 165, 12, 12);              // indented again
  AddRun(page, "- 3 -", 280, 800, 9, 5);                             // page number
  PageLayout layout = LayoutPage(page, {});
  ASSERT_EQ(layout.paragraphs.size(), 3u);
  EXPECT_EQ(layout.paragraphs[0].text, "一、部门主要职责");
  EXPECT_EQ(layout.paragraphs[0].role, ParagraphRole::kHeading);
  EXPECT_EQ(layout.paragraphs[0].heading_level, 2);
  EXPECT_EQ(layout.paragraphs[1].text, "本部门负责全省检察工作的组织与领导，年度预算如下。");
  EXPECT_EQ(layout.paragraphs[1].role, ParagraphRole::kBody);
  EXPECT_EQ(layout.paragraphs[1].provenance.page, 3);
  ASSERT_TRUE(layout.paragraphs[1].provenance.box.has_value());
  EXPECT_DOUBLE_EQ(layout.paragraphs[1].provenance.box->x0, 90);
  EXPECT_EQ(layout.paragraphs[2].text, "下一段从这里开始。");
  ASSERT_EQ(layout.furniture.size(), 1u);
  EXPECT_EQ(layout.furniture[0].text, "- 3 -");
}

TEST(LayoutPageTest, LineOpeningWithAnAmountContinuesTheSentence) {
  // A narrow text box wraps "项目支出" / "815,622.25元": the short first line
  // must not close the paragraph, or the metric loses its amount.
  PageContent page = A4Page(3);
  AddRun(page, "本年支出合计4,964,173.05元，其中基本支出4,148,550.80元。", 40, 100, 10, 10);
  AddRun(page, "项目支出", 60, 114, 10, 10);  // the box's own inset starts a paragraph
  AddRun(page, "815,622.25元", 60, 128, 10, 10);
  AddRun(page, "以上数据以决算报表为准。", 40, 160, 10, 10);
  PageLayout layout = LayoutPage(page, {});
  std::vector<std::string> texts;
  for (const Paragraph& paragraph : layout.paragraphs) texts.push_back(paragraph.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "项目支出815,622.25元"), texts.end())
      << ::testing::PrintToString(texts);
}

// On a page of tables the few text lines set the text column's edge, so the
// previous table's note reaches it and did not close its paragraph: the next
// table's number line was joined to the note and the table lost its number
// (layout sweep seed 2, s2w_0035_final p3). A number line opens a paragraph;
// a sentence wrapped before 表 does not.
TEST(LayoutPageTest, TableNumberLineOpensAParagraph) {
  struct Case {
    const char* second_line;
    std::size_t paragraphs;
  };
  const Case cases[] = {
      {"公开03表", 2},
      {"公开 04 表", 2},
      {"表2", 2},
      {"附表3", 2},
      {"预算05表", 2},
      {"详见附表。", 1},
      {"2024年度决算数。", 1},
      // A title or a unit line after the note (s2w_0030_budget p2: the next table's title).
      {"财政拨款收支总体情况表", 2},
      {"收支总表（公开01表）", 2},
      {"单位：万元", 2},
      // Running text after a sentence stays in its paragraph when it is no caption.
      {"本部门2023年无政府性基金预算", 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.second_line);
    PageContent page = A4Page(3);
    AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 40, 100, 10, 10);
    AddRun(page, c.second_line, 40, 114, 10, 10);
    PageLayout layout = LayoutPage(page, {});
    EXPECT_EQ(layout.paragraphs.size(), c.paragraphs);
  }
}

// A table's last row read as text at the page foot, its amounts wrapped in
// narrow cells: the rests (`0 3 7`) under the amounts they complete look like a
// page number but sit right under the row and end where it ends; they are
// text, not furniture (s2w_0047_budget: taken as a page number, the rests were
// lost and 合计 read 4,894,298.80). A page number further down stays furniture.
// The rest of the first amount alone ends where that amount ends, not the row
// (`合计 3,911,931. 3,911,931.17` over `17`, s10w_0065_budget: a table's only
// row at the foot, its body on the next page); ending inside an amount, it is
// no rest. A page number printed with dashes is never a rest, wherever it
// ends (`— 26 —` right under a paragraph whose `17.6` ends where it ends,
// bj_govt_2023_budget_report p26, was joined to the paragraph).
TEST(LayoutPageTest, AmountRestsUnderARowAtThePageFootAreNoPageNumber) {
  struct Case {
    const char* name;
    const char* rest;
    double rest_top;    // where the digit line starts (the row is at 730-742)
    double rest_right;  // where it ends (the row ends at 279, its first amount at 135)
    bool furniture;
  };
  const Case cases[] = {
      {"right under the row, ending with it", "0 3 7", 745, 279, false},
      {"under the row, ending elsewhere", "0 3 7", 745, 200, true},
      {"a page number further down", "0 3 7", 790, 279, true},
      {"under the first amount, ending with it", "17", 745, 135, false},
      {"under the first amount, ending inside it", "17", 745, 129, true},
      {"a number further down, under the first amount", "17", 790, 135, true},
      {"a page number with dashes ending where an amount ends", "- 7 -", 745, 135, true}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    AddRun(page, "正文第一行，说明本表。", 51, 100, 10, 10);
    AddRun(page, "合计 6,451,630.1 4,894,298.8 1,557,331.2", 51, 730, 10, 6);
    AddRun(page, c.rest, c.rest_right - 6.0 * static_cast<double>(std::string(c.rest).size()),
           c.rest_top, 10, 6);
    PageLayout layout = LayoutPage(page, {});
    bool in_furniture = false;
    for (const Paragraph& p : layout.furniture) {
      in_furniture |= p.text.find(c.rest[0]) != std::string::npos;
    }
    EXPECT_EQ(in_furniture, c.furniture);
  }
}

TEST(LayoutPageTest, ConsumedGlyphsAreLeftToTables) {
  PageContent page = A4Page(3);
  AddRun(page, "表格内容", 90, 100, 12, 12);
  AddRun(page, "正文", 90, 300, 12, 12);
  std::vector<bool> consumed(page.glyphs.size(), false);
  for (int i = 0; i < 4; ++i) consumed[i] = true;
  PageLayout layout = LayoutPage(page, consumed);
  ASSERT_EQ(layout.paragraphs.size(), 1u);
  EXPECT_EQ(layout.paragraphs[0].text, "正文");
}

TEST(LayoutPageTest, EmptyPageHasNoParagraphs) {
  PageContent page = A4Page(3);
  PageLayout layout = LayoutPage(page, {});
  EXPECT_TRUE(layout.paragraphs.empty());
  EXPECT_TRUE(layout.furniture.empty());
}

}  // namespace
}  // namespace disclose::pdf

namespace disclose::pdf {
namespace {

DetectedTable MakeTable(int columns, const Box& box) {
  DetectedTable detected;
  detected.box = box;
  detected.table.row_count = 1;
  detected.table.column_count = columns;
  for (int c = 0; c < columns; ++c) {
    TableCell cell;
    cell.column = c;
    cell.text = "cell";
    detected.table.cells.push_back(cell);
  }
  return detected;
}

Paragraph MakeParagraph(std::string text, int page, double top) {
  Paragraph p;
  p.text = std::move(text);
  p.provenance.page = page;
  p.provenance.box = Box{50, top, 500, top + 12};
  return p;
}

TEST(AppendPageBlocksTest, InterleavesTablesAndParagraphsByTopAndFixesProvenance) {
  Document doc;
  doc.pages.resize(2);
  for (int i = 0; i < 2; ++i) {
    doc.pages[i].number = i + 1;
    doc.pages[i].width = 595;
    doc.pages[i].height = 842;
  }
  PageAnalysis first;
  first.layout.paragraphs.push_back(MakeParagraph("表一 收支总表", 1, 60));
  first.layout.paragraphs.push_back(MakeParagraph("注：本表为示例", 1, 400));
  first.tables.push_back(MakeTable(4, Box{50, 100, 545, 820}));  // runs to the bottom
  first.layout.furniture.push_back(MakeParagraph("- 1 -", 1, 825));
  AppendPageBlocks(1, first, doc);
  PageAnalysis second;
  second.tables.push_back(MakeTable(4, Box{50, 40, 545, 300}));
  AppendPageBlocks(2, second, doc);
  MarkContinuations(doc);

  ASSERT_EQ(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks[0].AsParagraph()->text, "表一 收支总表");
  ASSERT_NE(doc.blocks[1].AsTable(), nullptr);
  EXPECT_EQ(doc.blocks[2].AsParagraph()->text, "注：本表为示例");
  ASSERT_NE(doc.blocks[3].AsTable(), nullptr);
  EXPECT_EQ(doc.furniture.size(), 1u);
  const Table& table = *doc.blocks[1].AsTable();
  EXPECT_EQ(table.pages, std::vector<int>{1});
  EXPECT_EQ(table.provenance.block, 1);
  for (const TableCell& cell : table.cells) {
    EXPECT_EQ(cell.provenance.block, 1);
    EXPECT_EQ(cell.provenance.page, 1);
  }
  // The note below the table on page 1 makes it not the page's last block.
  EXPECT_FALSE(table.continues_on_next_page);
  EXPECT_EQ(ValidateDocument(doc), "");
}

struct ContinuationCase {
  const char* name;
  double bottom;     // first table's bottom on an 842-pt page
  int next_columns;  // column count of the table opening page 2
  bool expected;
  const char* first_text = "1,234.00";  // text of every cell of the first table
};

class MarkContinuationsTest : public ::testing::TestWithParam<ContinuationCase> {};

TEST_P(MarkContinuationsTest, Marks) {
  const ContinuationCase& c = GetParam();
  Document doc;
  doc.pages.resize(2);
  for (int i = 0; i < 2; ++i) {
    doc.pages[i].number = i + 1;
    doc.pages[i].height = 842;
    doc.pages[i].width = 595;
  }
  PageAnalysis first;
  first.tables.push_back(MakeTable(5, Box{50, 100, 545, c.bottom}));
  for (TableCell& cell : first.tables.back().table.cells) cell.text = c.first_text;
  AppendPageBlocks(1, first, doc);
  PageAnalysis second;
  second.tables.push_back(MakeTable(c.next_columns, Box{50, 40, 545, 300}));
  AppendPageBlocks(2, second, doc);
  MarkContinuations(doc);
  EXPECT_EQ(doc.blocks[0].AsTable()->continues_on_next_page, c.expected);
  EXPECT_EQ(doc.blocks[1].AsTable()->continued_from_previous_page, c.expected);
  EXPECT_EQ(ValidateDocument(doc), "");
}

INSTANTIATE_TEST_SUITE_P(Cases, MarkContinuationsTest,
                         ::testing::Values(ContinuationCase{"runs_off", 800, 5, true},
                                           ContinuationCase{"ends_mid_page", 500, 5, false},
                                           // Only a header, pushed apart from its body.
                                           ContinuationCase{"header_only_mid_page", 500, 5, true,
                                                            "本年支出合计"},
                                           ContinuationCase{"other_width", 800, 3, false}),
                         [](const auto& test_info) { return std::string(test_info.param.name); });

// A document of `pages` A4 pages, each opening with `head` in the top band, a
// body paragraph and a table; the table's cells and parent name its block.
Document DocumentWithRunningHead(int pages, const std::string& head) {
  Document doc;
  auto paragraph = [&doc](int page, const std::string& text, double top) {
    Paragraph p;
    p.text = text;
    p.provenance.page = page;
    p.provenance.box = Box{70, top, 300, top + 14};
    p.provenance.block = static_cast<int>(doc.blocks.size());
    doc.blocks.emplace_back().content.emplace<Paragraph>(std::move(p));
  };
  for (int number = 1; number <= pages; ++number) {
    Page page;
    page.number = number;
    page.width = 595;
    page.height = 842;
    doc.pages.push_back(page);
    paragraph(number, head, 36);
    paragraph(number, "第" + std::to_string(number) + "部分 正文", 120);
    Table table;
    table.row_count = table.column_count = 1;
    table.provenance.page = number;
    table.provenance.box = Box{70, 200, 500, 700};
    table.provenance.block = static_cast<int>(doc.blocks.size());
    TableCell cell;
    cell.text = "1.00";
    cell.provenance = table.provenance;
    table.cells.push_back(cell);
    // emplace: GCC 12 warns (maybe-uninitialized) on moving a Table through Block{}.
    doc.blocks.emplace_back().content.emplace<Table>(std::move(table));
  }
  return doc;
}

TEST(MoveRepeatedRunningHeadsTest, BodySizeHeadOnEveryPageIsFurniture) {
  Document doc = DocumentWithRunningHead(4, "玉溪市医疗保障局2022年度部门决算公开");
  MoveRepeatedRunningHeads(doc);
  ASSERT_EQ(doc.blocks.size(), 8u);
  ASSERT_EQ(doc.furniture.size(), 4u);
  for (std::size_t i = 0; i < doc.furniture.size(); ++i) {
    EXPECT_EQ(doc.furniture[i].provenance.page, static_cast<int>(i) + 1);
  }
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& block = doc.blocks[i];
    if (const Table* table = block.AsTable()) {
      EXPECT_EQ(table->provenance.block, static_cast<int>(i));
      EXPECT_EQ(table->cells.front().provenance.block, static_cast<int>(i));
    } else {
      EXPECT_EQ(block.AsParagraph()->provenance.block, static_cast<int>(i));
      EXPECT_NE(block.AsParagraph()->text.find("正文"), std::string::npos);
    }
  }
}

TEST(MoveRepeatedRunningHeadsTest, HeadJoinedToTheFirstLineIsCutOff) {
  // Set close above the first line, the head became one paragraph with it on
  // the last page (yuxi landscape render, shift 34).
  const std::string head = "玉溪市医疗保障局2022年度部门决算公开";
  Document doc = DocumentWithRunningHead(4, head);
  Paragraph& joined = *doc.blocks[9].AsParagraph();
  ASSERT_EQ(joined.provenance.page, 4);
  joined.text = head + "住房保障支出明细如下：";
  joined.provenance.box->y1 = 65;
  MoveRepeatedRunningHeads(doc);
  ASSERT_EQ(doc.furniture.size(), 4u);
  EXPECT_EQ(doc.furniture.back().text, head);
  EXPECT_EQ(doc.furniture.back().provenance.page, 4);
  EXPECT_EQ(doc.blocks[6].AsParagraph()->text, "住房保障支出明细如下：");
}

TEST(MoveRepeatedRunningHeadsTest, PageNumbersInTheHeadStillRepeat) {
  Document doc = DocumentWithRunningHead(3, "部门决算 第 1 页");
  for (Block& block : doc.blocks) {
    Paragraph* paragraph = block.AsParagraph();
    if (paragraph != nullptr && paragraph->text.find("部门决算") == 0) {
      paragraph->text = "部门决算 第 " + std::to_string(paragraph->provenance.page) + " 页";
    }
  }
  MoveRepeatedRunningHeads(doc);
  EXPECT_EQ(doc.furniture.size(), 3u);
}

TEST(MoveRepeatedRunningHeadsTest, TitleOnOnePageOrFewPagesStays) {
  // A head on two of five pages is a title that happens to sit high.
  Document doc = DocumentWithRunningHead(5, "收入支出决算总表");
  for (Block& block : doc.blocks) {
    Paragraph* paragraph = block.AsParagraph();
    if (paragraph != nullptr && paragraph->provenance.page > 2 &&
        paragraph->text == "收入支出决算总表") {
      const char* titles[] = {"收入决算表", "支出决算表", "三公经费表"};
      paragraph->text = titles[paragraph->provenance.page - 3];
    }
  }
  MoveRepeatedRunningHeads(doc);
  EXPECT_TRUE(doc.furniture.empty());
  EXPECT_EQ(doc.blocks.size(), 15u);
  // Two pages are too few to call anything repeated.
  Document two = DocumentWithRunningHead(2, "玉溪市医疗保障局2022年度部门决算公开");
  MoveRepeatedRunningHeads(two);
  EXPECT_TRUE(two.furniture.empty());
}

// One row of ruled cells between the given x edges, at [top, top + 20].
Table RuledRow(int page, const std::vector<double>& edges, double top,
               const std::vector<std::string>& texts) {
  Table table;
  table.ruled = true;
  table.row_count = 1;
  table.column_count = static_cast<int>(edges.size()) - 1;
  table.pages = {page};
  table.provenance.page = page;
  table.provenance.box = Box{edges.front(), top, edges.back(), top + 20};
  for (int c = 0; c < table.column_count; ++c) {
    TableCell cell;
    cell.column = c;
    cell.text = texts[static_cast<std::size_t>(c)];
    cell.provenance.page = page;
    cell.provenance.box = Box{edges[static_cast<std::size_t>(c)], top,
                              edges[static_cast<std::size_t>(c) + 1], top + 20};
    table.cells.push_back(cell);
  }
  return table;
}

Document TwoPages() {
  Document doc;
  for (int number : {1, 2}) {
    Page page;
    page.number = number;
    page.width = 595;
    page.height = 842;
    doc.pages.push_back(page);
  }
  return doc;
}

TEST(ContinuationColumnsTest, HeaderCutByThePageIsReanchoredOnTheJointColumns) {
  // Page 1 ends with 科目编码 | 科目名称 spanning what page 2 draws as 款 | 项.
  Document doc = TwoPages();
  doc.blocks.push_back(Block{RuledRow(1, {50, 100, 300}, 790, {"科目编码", "科目名称"})});
  doc.blocks.push_back(Block{RuledRow(2, {50, 100, 200, 300}, 60, {"210", "15", "1.00"})});
  MarkContinuations(doc);
  const Table& upper = *doc.blocks[0].AsTable();
  const Table& lower = *doc.blocks[1].AsTable();
  EXPECT_TRUE(upper.continues_on_next_page);
  EXPECT_TRUE(lower.continued_from_previous_page);
  ASSERT_EQ(upper.column_count, 3);
  ASSERT_EQ(lower.column_count, 3);
  EXPECT_EQ(upper.cells[1].column, 1);
  EXPECT_EQ(upper.cells[1].column_span, 2);
  EXPECT_EQ(upper.TextAt(0, 1), "科目名称");
  EXPECT_EQ(lower.TextAt(0, 2), "1.00");
}

TEST(ContinuationColumnsTest, TablesOfDifferentWidthsStayApart) {
  Document doc = TwoPages();
  doc.blocks.push_back(Block{RuledRow(1, {50, 100, 300}, 790, {"项目", "金额"})});
  doc.blocks.push_back(Block{RuledRow(2, {50, 100, 200, 400}, 60, {"a", "b", "c"})});
  MarkContinuations(doc);
  EXPECT_FALSE(doc.blocks[0].AsTable()->continues_on_next_page);
  EXPECT_EQ(doc.blocks[0].AsTable()->column_count, 2);
  EXPECT_EQ(doc.blocks[1].AsTable()->column_count, 3);
}

}  // namespace
}  // namespace disclose::pdf
