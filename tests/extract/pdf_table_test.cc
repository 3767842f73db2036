// Table detection on hand-built pages: no Poppler, no files.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"
#include "tests/extract/page_content_builder.h"

namespace disclose::pdf {
namespace {

void HRule(PageContent& page, double y, double x0, double x1) {
  page.rules.push_back(Rule{Box{x0, y, x1, y}});
}
void VRule(PageContent& page, double x, double y0, double y1) {
  page.rules.push_back(Rule{Box{x, y0, x, y1}});
}

// A full grid: verticals at xs, horizontals at ys, every border drawn.
void Grid(PageContent& page, const std::vector<double>& xs, const std::vector<double>& ys) {
  for (double y : ys) HRule(page, y, xs.front(), xs.back());
  for (double x : xs) VRule(page, x, ys.front(), ys.back());
}

bool IsAmountLike(std::string_view text) {
  return !text.empty() && (text[0] == '.' || (text[0] >= '0' && text[0] <= '9'));
}

const TableCell* Anchor(const Table& t, int r, int c) {
  for (const TableCell& cell : t.cells) {
    if (cell.row == r && cell.column == c) return &cell;
  }
  return nullptr;
}

TEST(RuledTableTest, FullGridCellsAndText) {
  PageContent page = A4Page(2);
  Grid(page, {50, 150, 250, 350}, {100, 120, 140, 160});
  AddRun(page, "项目", 55, 104);
  AddRun(page, "合计", 55, 124);
  AddRun(page, "1,234.56", 180, 124, 10, 6);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  EXPECT_TRUE(t.ruled);
  EXPECT_EQ(t.row_count, 3);
  EXPECT_EQ(t.column_count, 3);
  EXPECT_EQ(t.cells.size(), 9u);  // empty cells kept as anchors
  EXPECT_EQ(t.TextAt(0, 0), "项目");
  EXPECT_EQ(t.TextAt(1, 0), "合计");
  EXPECT_EQ(t.TextAt(1, 1), "1,234.56");
  EXPECT_EQ(t.TextAt(2, 2), "");
  EXPECT_EQ(t.pages, std::vector<int>{2});
  EXPECT_EQ(t.provenance.page, 2);
  EXPECT_EQ(t.provenance.block, -1);
  EXPECT_EQ(tables[0].glyph_indices.size(), page.glyphs.size());
  ASSERT_TRUE(t.CellAt(1, 1)->provenance.box.has_value());
  EXPECT_DOUBLE_EQ(t.CellAt(1, 1)->provenance.box->x0, 150);
  EXPECT_DOUBLE_EQ(t.CellAt(1, 1)->provenance.box->y1, 140);
}

// A continuation page whose first row has no rule above it (its top border
// closed the previous page, js_highcourt_2017 p14): the column rules run up to
// where it would be, and that row is the grid's first. The same at a foot.
// Rules overshooting a corner by a point or two, or one long rule, open no row.
TEST(RuledTableTest, RowUnderNoRuleAtAnOpenEdge) {
  struct Case {
    const char* name;
    double rules_from, rules_to;  // the vertical rules' extent; horizontals at 88..124
    int verticals;                // how many of the four column lines run that far
    int rows;
    const char* first_cell;
  };
  const Case cases[] = {
      {"open top", 71, 124, 4, 3, "2210201"},
      {"open foot", 88, 141, 4, 3, "2210202"},
      {"overshoot", 86.5, 125.5, 4, 2, "2210202"},
      {"one long rule", 71, 124, 1, 2, "2210202"},
      // Rules running far past the grid (a frame around more than one row).
      {"far beyond a row", 40, 124, 4, 2, "2210202"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    for (double y : {88.0, 106.0, 124.0}) HRule(page, y, 60, 540);
    const double xs[] = {60, 210, 400, 540};
    for (int k = 0; k < 4; ++k) {
      const bool far = k < c.verticals;
      VRule(page, xs[k], far ? c.rules_from : 88, far ? c.rules_to : 124);
    }
    AddRun(page, "2210201", 65, 74, 10, 6);
    AddRun(page, "住房公积金", 215, 74);
    AddRun(page, "1,029.15", 480, 74, 10, 6);
    AddRun(page, "2210202", 65, 92, 10, 6);
    AddRun(page, "提租补贴", 215, 92);
    AddRun(page, "1,959.99", 480, 92, 10, 6);
    AddRun(page, "2210203", 65, 128, 10, 6);
    auto tables = DetectTables(page);
    ASSERT_FALSE(tables.empty());
    const Table& t = tables[0].table;
    EXPECT_EQ(t.row_count, c.rows);
    EXPECT_EQ(t.column_count, 3);
    EXPECT_EQ(t.TextAt(0, 0), c.first_cell);
    if (std::string_view(c.name) == "open foot") {
      EXPECT_EQ(t.TextAt(2, 0), "2210203");
    }
  }
}

// A summary whose label column has no rule on its outer side (jl_changchun_xinfang p9, a scan):
// the row rules run on to the table's edge, and the labels left of the first column rule are the
// grid's first column. The same on the right. A title's rule running past alone, rules
// overshooting a corner, or a strip without print open no column.
TEST(RuledTableTest, ColumnBeyondTheOuterColumnRuleAtAnOpenSide) {
  struct Case {
    const char* name;
    double rules_from, rules_to;  // the row rules' extent; column rules at 160..440
    int row_rules;                // how many of the four row lines run that far
    bool labels;                  // whether print lies in the strips
    int columns;
    const char* first_cell;
  };
  const Case cases[] = {
      {"open left", 60, 440, 4, true, 3, "一般公共预算拨款"},
      {"open right", 160, 540, 4, true, 3, "1,682.76"},
      {"open both", 60, 540, 4, true, 4, "一般公共预算拨款"},
      {"overshoot", 154, 446, 4, true, 2, "1,682.76"},
      {"a title rule alone", 60, 540, 1, true, 2, "1,682.76"},
      {"no print beyond", 60, 540, 4, false, 2, "1,682.76"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    const double ys[] = {100, 118, 136, 154};
    for (int k = 0; k < 4; ++k) {
      const bool far = k < c.row_rules;
      HRule(page, ys[k], far ? c.rules_from : 160, far ? c.rules_to : 440);
    }
    for (double x : {160.0, 300.0, 440.0}) VRule(page, x, 100, 154);
    if (c.labels) {
      AddRun(page, "一般公共预算拨款", 65, 104);
      AddRun(page, "政府性基金预算拨款", 65, 122);
      AddRun(page, "0.00", 500, 104, 10, 6);
    }
    AddRun(page, "1,682.76", 200, 104, 10, 6);
    AddRun(page, "1,682.76", 340, 104, 10, 6);
    auto tables = DetectTables(page);
    ASSERT_FALSE(tables.empty());
    const Table& t = tables[0].table;
    EXPECT_EQ(t.column_count, c.columns);
    EXPECT_EQ(t.row_count, 3);
    EXPECT_EQ(t.TextAt(0, 0), c.first_cell);
  }
}

// A body row whose rule between two columns a scan lost in part (bj_city_govoffice p1: the
// total '5,133.737491' beside 支出总计, read as one cell over both columns): print that a gap
// at the grid line parts, an amount on one side at least, stays two cells. Words spanning the
// columns (a header, 合  计 spaced out) and one amount centred over both stay one cell.
TEST(RuledTableTest, AmountBesideALabelWhereARuleIsMissingStaysApart) {
  struct Case {
    const char* name;
    const char* left;  // printed in the row's first column (x 100..200), "" for none
    double left_x;
    const char* right;  // printed in its second (x 200..300)
    double right_x;
    int cells_in_row;
  };
  const Case cases[] = {
      {"amount beside a label", "5,133.737491", 110, "支出总计", 215, 2},
      {"label beside an amount", "收入总计", 110, "5,133.737491", 215, 2},
      {"words across", "合", 170, "计", 220, 1},
      {"a header word across", "本年", 180, "收入", 202, 1},
      {"one amount across", "5,133", 170, ".73", 200, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    for (double y : {100.0, 118.0, 136.0}) HRule(page, y, 100, 400);
    for (double x : {100.0, 300.0, 400.0}) VRule(page, x, 100, 136);
    VRule(page, 200, 100, 118);  // the rule at x 200 drawn in the first row only
    AddRun(page, "1.00", 110, 104, 10, 6);
    AddRun(page, "2.00", 215, 104, 10, 6);
    AddRun(page, c.left, c.left_x, 122, 10, IsAmountLike(c.left) ? 6 : 10);
    AddRun(page, c.right, c.right_x, 122, 10, IsAmountLike(c.right) ? 6 : 10);
    auto tables = DetectTables(page);
    ASSERT_FALSE(tables.empty());
    const Table& t = tables[0].table;
    int cells = 0;
    for (const TableCell& cell : t.cells) cells += cell.row == 1 && cell.column < 2;
    EXPECT_EQ(cells, c.cells_in_row);
  }
}

// A seal's small box on a scanned notice (hn_changsha_finance_fundnotice p1, OCR
// rules): one column whose side rules run past its two horizontals opens no
// row, so it stays a frame and leaves its text to the paragraphs.
TEST(RuledTableTest, OneColumnFrameOpensNoRow) {
  PageContent page = A4Page(2);
  HRule(page, 100, 442, 462);
  HRule(page, 110, 442, 462);
  VRule(page, 442, 90, 120);
  VRule(page, 462, 90, 120);
  AddRun(page, "1", 447, 91, 8);
  AddRun(page, "重", 447, 101, 8);
  AddRun(page, "简", 447, 111, 8);
  EXPECT_TRUE(DetectTables(page).empty());
}

TEST(RuledTableTest, HeaderSpansTwoColumnsWhenInnerBorderMissing) {
  PageContent page = A4Page(2);
  std::vector<double> xs = {50, 150, 250, 350}, ys = {100, 120, 140, 160};
  for (double y : ys) HRule(page, y, 50, 350);
  VRule(page, 50, 100, 160);
  VRule(page, 150, 100, 160);
  VRule(page, 250, 120, 160);  // no border between the two header cells on the right
  VRule(page, 350, 100, 160);
  AddRun(page, "本年支出", 160, 104);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  EXPECT_EQ(t.column_count, 3);
  const TableCell* header = Anchor(t, 0, 1);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->column_span, 2);
  EXPECT_EQ(header->row_span, 1);
  EXPECT_EQ(header->text, "本年支出");
  EXPECT_EQ(Anchor(t, 0, 2), nullptr);
  EXPECT_EQ(t.cells.size(), 8u);
  EXPECT_EQ(t.TextAt(0, 2), "");
}

TEST(RuledTableTest, SplitAndDoubledRulesMerge) {
  PageContent page = A4Page(2);
  // Each border drawn in pieces (WPS draws one segment per cell) and the top
  // border doubled 1pt apart: still a 2x2 grid, no zero-height row.
  for (double y : {100.0, 120.0, 140.0}) {
    HRule(page, y, 50, 150);
    HRule(page, y + 0.4, 150.5, 250);
  }
  HRule(page, 101, 50, 250);
  for (double x : {50.0, 150.0, 250.0}) {
    VRule(page, x, 100, 120);
    VRule(page, x + 0.3, 120, 140);
  }
  // A thin filled rectangle is a rule too; its centre line is its position.
  page.rules.push_back(Rule{Box{50, 139.5, 250, 140.5}});
  AddRun(page, "合计", 55, 124);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.row_count, 2);
  EXPECT_EQ(tables[0].table.column_count, 2);
  EXPECT_EQ(tables[0].table.cells.size(), 4u);
}

struct OffsetCase {
  const char* name;
  double dy;  // value glyph offset from the label's line
};

class ValueOffsetTest : public testing::TestWithParam<OffsetCase> {};

TEST_P(ValueOffsetTest, ValueStaysInItsRow) {
  PageContent page = A4Page(2);
  Grid(page, {50, 200, 300}, {100, 118, 136, 154});
  AddRun(page, "工资福利支出", 55, 121, 9, 9);
  AddRun(page, "12.50", 260, 121 + GetParam().dy, 9, 5);
  AddRun(page, "商品和服务支出", 55, 139, 9, 9);
  AddRun(page, "3.00", 265, 139 + GetParam().dy, 9, 5);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0].table;
  EXPECT_EQ(t.TextAt(1, 0), "工资福利支出");
  EXPECT_EQ(t.TextAt(1, 1), "12.50");
  EXPECT_EQ(t.TextAt(2, 1), "3.00");
}

INSTANTIATE_TEST_SUITE_P(Offsets, ValueOffsetTest,
                         testing::Values(OffsetCase{"above3", -3}, OffsetCase{"below3", 3},
                                         OffsetCase{"level", 0}),
                         [](const testing::TestParamInfo<OffsetCase>& p) {
                           return std::string(p.param.name);
                         });

TEST(RuledTableTest, TwoTablesOnOnePageTitleOutside) {
  PageContent page = A4Page(2);
  AddRun(page, "收支总表", 100, 70);
  AddRun(page, "单位：万元", 300, 85);
  Grid(page, {50, 150, 250}, {100, 120, 140});
  AddRun(page, "收入", 55, 104);
  Grid(page, {50, 200, 300, 400}, {300, 320, 340, 360});
  AddRun(page, "支出", 55, 304);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].table.column_count, 2);
  EXPECT_EQ(tables[1].table.column_count, 3);
  EXPECT_EQ(tables[1].table.row_count, 3);
  EXPECT_EQ(tables[0].glyph_indices.size(), 2u);  // title and unit line are not in the table
  EXPECT_EQ(tables[0].table.TextAt(0, 0), "收入");
  EXPECT_EQ(tables[1].table.TextAt(0, 0), "支出");
}

TEST(RuledTableTest, CellTextLinesAndSpaces) {
  PageContent page = A4Page(2);
  Grid(page, {50, 300, 400}, {100, 140});
  AddRun(page, "一般公共服务", 55, 102);
  AddRun(page, "支出", 55, 116);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.TextAt(0, 0), "一般公共服务\n支出");

  PageContent latin = A4Page(2);
  Grid(latin, {50, 300, 400}, {100, 140});
  AddRun(latin, "210 15 01", 55, 110, 10, 6);
  tables = DetectTables(latin);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.TextAt(0, 0), "210 15 01");
}

TEST(RuledTableTest, RotatedHeaderReadTopToBottom) {
  PageContent page = A4Page(2);
  Grid(page, {50, 80, 200}, {100, 200});
  const char* chars[] = {"合", "计"};
  for (int k = 0; k < 2; ++k) {
    Glyph g;
    g.text = chars[k];
    g.box = {60, 120.0 + 12 * k, 72, 132.0 + 12 * k};
    g.rotation = 90;
    g.font_size = 10;
    page.glyphs.push_back(g);
  }
  std::swap(page.glyphs[0], page.glyphs[1]);
  auto tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].table.TextAt(0, 0), "合计");
}

TEST(RobustnessTest, DegenerateInputs) {
  PageContent page = A4Page(2);
  EXPECT_TRUE(DetectTables(page).empty());
  HRule(page, 100, 50, 50);
  VRule(page, 50, 100, 100);
  page.rules.push_back(Rule{Box{10, 10, 500, 800}});  // a filled background, not a rule
  AddRun(page, "正文", 50, 50);
  EXPECT_TRUE(DetectTables(page).empty());
}

TEST(RuledTableTest, FramedParagraphAndEmptyFrameAreNotTables) {
  PageContent page = A4Page(2);
  Grid(page, {50, 500}, {100, 160});
  AddRun(page, "本部门无政府性基金预算支出。", 55, 110);
  Grid(page, {50, 200, 300}, {300, 320, 340});
  EXPECT_TRUE(DetectTables(page).empty());
}

TEST(UnruledTableTest, BodyTextParagraphIsNotATable) {
  PageContent page = A4Page(2);
  AddRun(page, "2024年度收入决算2,946.25万元，比上年增加12.30万元，", 50, 100);
  AddRun(page, "增长0.4%。主要原因是人员经费增加1.20万元。", 50, 118);
  AddRun(page, "支出决算2,940.05万元，其中基本支出2,336.91万元。", 50, 136);
  AddRun(page, "项目支出603.14万元。", 50, 154);
  EXPECT_TRUE(DetectTables(page).empty());
}

TEST(RobustnessTest, TenThousandRandomRulesDoNotCrash) {
  PageContent page = A4Page(2);
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> x(0, 595), y(0, 842), len(0, 40);
  for (int k = 0; k < 10000; ++k) {
    double x0 = x(rng), y0 = y(rng);
    if (k % 2) {
      HRule(page, y0, x0, x0 + len(rng));
    } else {
      VRule(page, x0, y0, y0 + len(rng));
    }
  }
  AddRun(page, "图表", 100, 100);
  // Past the rule cap the page is read as text only (speed is measured in
  // scripts/bench.sh, never asserted here).
  auto tables = DetectTables(page);
  EXPECT_TRUE(tables.empty());
  // Below the cap too: 4000 random rules still finish.
  page.rules.resize(4000);
  tables = DetectTables(page);
  for (const auto& t : tables) {
    EXPECT_GE(t.table.row_count, 1);
    EXPECT_GE(t.table.column_count, 1);
  }
}

// Unruled tables: figures right-aligned at fixed right edges, labels on the
// left. `RightAligned` places a figure so that it ends at `right`.
void RightAligned(PageContent& page, std::string_view text, double right, double top) {
  AddRun(page, text, right - 6.0 * static_cast<double>(DecodeUtf8(text).size()), top, 10, 6);
}

struct UnruledRow {
  std::string label;
  std::vector<std::string> figures;  // "" for a blank cell
};

// A table at x 60..520 with amount columns ending at 340, 430, 520; rows 18 pt apart.
PageContent UnruledPage(const std::vector<std::string>& header, const std::vector<UnruledRow>& rows,
                        bool three_line_rules) {
  PageContent page = A4Page(2);
  const std::vector<double> rights = {340, 430, 520};
  double top = 100;
  AddRun(page, "部门支出预算表", 200, 60);
  if (three_line_rules) HRule(page, top - 4, 60, 520);
  if (!header.empty()) {
    AddRun(page, header[0], 60, top);
    for (std::size_t k = 1; k < header.size(); ++k)
      RightAligned(page, header[k], rights[k - 1], top);
    top += 18;
    if (three_line_rules) HRule(page, top - 4, 60, 520);
  }
  for (const UnruledRow& row : rows) {
    if (!row.label.empty()) AddRun(page, row.label, 60, top);
    for (std::size_t k = 0; k < row.figures.size(); ++k) {
      if (!row.figures[k].empty()) RightAligned(page, row.figures[k], rights[k], top);
    }
    top += 18;
  }
  if (three_line_rules) HRule(page, top - 4, 60, 520);
  AddRun(page, "注：本表为示例。", 60, top + 20);
  return page;
}

std::vector<std::string> RowTexts(const Table& table, int row) {
  std::vector<std::string> texts;
  for (int c = 0; c < table.column_count; ++c) {
    const TableCell* cell = Anchor(table, row, c);
    texts.push_back(cell == nullptr ? "?" : cell->text);
  }
  return texts;
}

// A row's cell texts without whitespace.
std::vector<std::string> CompactRow(const Table& table, int row) {
  std::vector<std::string> texts = RowTexts(table, row);
  for (std::string& text : texts) text = RemoveAllWhitespace(text);
  return texts;
}

// The one table a case that is a table detects; nothing (and none detected) in a case that is
// not. A failure is recorded either way.
std::optional<Table> TheOneTable(const std::vector<DetectedTable>& tables, bool expected) {
  if (!expected) {
    EXPECT_TRUE(tables.empty());
    return std::nullopt;
  }
  EXPECT_EQ(tables.size(), 1u);
  if (tables.size() != 1) return std::nullopt;
  return tables[0].table;
}

TEST(UnruledTableTest, ThreeLineTableColumnsFromRightEdges) {
  for (bool rules : {true, false}) {
    SCOPED_TRACE(rules ? "three-line rules" : "no rules");
    PageContent page = UnruledPage({"项目", "合计", "基本支出", "项目支出"},
                                   {{"201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"}},
                                    {"20106财政事务", {"10.00", "", "10.00"}},
                                    {"合计", {"2,116.66", "1,503.52", "613.14"}}},
                                   rules);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    EXPECT_FALSE(table.ruled);
    ASSERT_EQ(table.column_count, 4);
    ASSERT_EQ(table.row_count, 4);
    EXPECT_EQ(RowTexts(table, 0),
              (std::vector<std::string>{"项目", "合计", "基本支出", "项目支出"}));
    EXPECT_EQ(RowTexts(table, 1),
              (std::vector<std::string>{"201一般公共服务支出", "2,106.66", "1,503.52", "603.14"}));
    // Short and long figures share a column by their right edge; a blank stays blank.
    EXPECT_EQ(RowTexts(table, 2),
              (std::vector<std::string>{"20106财政事务", "10.00", "", "10.00"}));
    EXPECT_EQ(RowTexts(table, 3),
              (std::vector<std::string>{"合计", "2,116.66", "1,503.52", "613.14"}));
    // The title and the note stay paragraphs.
    for (int k : tables[0].glyph_indices) {
      EXPECT_LT(page.glyphs[static_cast<std::size_t>(k)].box.y0, 160.0);
      EXPECT_GT(page.glyphs[static_cast<std::size_t>(k)].box.y0, 90.0);
    }
  }
}

// Header words of narrow cells set closer than a column gap (1.1 em here) read as one chunk: the
// header row's first line (功能分类本年收入财政拨款…) over its wrapped second line (科目 | 合计 |
// 收入 | 收入). One chunk, it ended the header, and the columns lost their first words: 财政拨款
// 收入 read 收入, its figures went unkeyed (tpl97 s97wn_0072_final, s96wn_0039_final).
TEST(UnruledTableTest, HeaderLineOfWordsSetCloserThanAColumnGap) {
  PageContent page = A4Page(2);
  AddRun(page, "部门收入决算表", 200, 60);
  const std::vector<std::string> first = {"功能分类", "本年收入", "财政拨款", "上级补助",
                                          "其他收入"};
  const std::vector<std::string> second = {"科目", "合计", "收入", "收入", ""};
  for (std::size_t k = 0; k < first.size(); ++k) {
    const double x = 60 + 51.0 * static_cast<double>(k);  // 40 pt words, 11 pt apart
    AddRun(page, first[k], x, 100);
    if (!second[k].empty()) AddRun(page, second[k], x, 112);
  }
  const std::vector<double> rights = {151, 202, 253, 304};
  double top = 134;
  for (const char* label : {"205", "20508", "2050803", "合计"}) {
    AddRun(page, label, 60, top, 10, 6);
    RightAligned(page, "234.50", rights[0], top);
    RightAligned(page, "234.50", rights[1], top);
    top += 18;
  }
  const std::optional<Table> table = TheOneTable(DetectTables(page), true);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->column_count, 5);
  ASSERT_EQ(table->row_count, 5);
  EXPECT_EQ(CompactRow(*table, 0),
            (std::vector<std::string>{"功能分类科目", "本年收入合计", "财政拨款收入",
                                      "上级补助收入", "其他收入"}));
  EXPECT_EQ(CompactRow(*table, 4), (std::vector<std::string>{"合计", "234.50", "234.50", "", ""}));
}

TEST(UnruledTableTest, WrappedLabelJoinsTheRowAbove) {
  PageContent page =
      UnruledPage({"项目", "合计", "基本支出", "项目支出"},
                  {{"2101202财政对城乡居民基本医疗保险", {"262,780.00", "", "262,780.00"}},
                   {"基金的补助", {}},
                   {"2101301城乡医疗救助", {"58,899.19", "", "58,899.19"}},
                   {"合计", {"321,679.19", "", "321,679.19"}}},
                  false);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 4);
  EXPECT_EQ(RowTexts(table, 1)[0], "2101202财政对城乡居民基本医疗保险\n基金的补助");
  EXPECT_EQ(RowTexts(table, 2)[0], "2101301城乡医疗救助");
}

// An amount wider than its cell wraps inside the cell, its rest on a line of
// its own 12 pt lower, right-aligned like the amount.
struct WrapCase {
  const char* name;
  std::vector<std::string> first;  // the row's amounts as printed on its first line
  std::vector<std::string> rest;   // under each: the wrapped rest, "" for none
  std::vector<std::string> cells;  // expected amount cells of the row
  std::size_t warnings;
};

class WrappedAmountTest : public testing::TestWithParam<WrapCase> {};

// Header, a whole row, the row 20101人大事务 with `first` on its line and `rest` under each
// (12 pt lower), a 合计 row.
PageContent WrapPage(const std::vector<std::string>& first, const std::vector<std::string>& rest,
                     TextOrigin origin) {
  PageContent page = A4Page(2);
  page.page.text_origin = origin;
  const std::vector<double> rights = {340, 430, 520};
  AddRun(page, "项目", 60, 100);
  RightAligned(page, "合计", rights[0], 100);
  RightAligned(page, "基本支出", rights[1], 100);
  RightAligned(page, "项目支出", rights[2], 100);
  AddRun(page, "201一般公共服务支出", 60, 118);
  for (std::size_t k = 0; k < 3; ++k) RightAligned(page, "1,000.00", rights[k], 118);
  AddRun(page, "20101人大事务", 60, 136);
  for (std::size_t k = 0; k < first.size(); ++k) {
    if (!first[k].empty()) RightAligned(page, first[k], rights[k], 136);
    if (!rest[k].empty()) RightAligned(page, rest[k], rights[k], 148);
  }
  AddRun(page, "合计", 60, 166);
  for (std::size_t k = 0; k < 3; ++k) RightAligned(page, "2,000.00", rights[k], 166);
  return page;
}

TEST_P(WrappedAmountTest, RestJoinsTheAmountItCompletes) {
  // LibreOffice's render of a table without inner rules read "1,209,583.75" as
  // "1,209,583.70": the "5" on the next line became a wrapped label.
  const WrapCase& c = GetParam();
  const std::vector<DetectedTable> tables =
      DetectTables(WrapPage(c.first, c.rest, TextOrigin::kTextLayer));
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 4);
  std::vector<std::string> row = RowTexts(table, 2);
  EXPECT_EQ(row[0], "20101人大事务");
  for (std::string& text : row) text = RemoveAllWhitespace(text);
  EXPECT_EQ(std::vector<std::string>(row.begin() + 1, row.end()), c.cells);
  EXPECT_EQ(RowTexts(table, 3)[0], "合计");
  EXPECT_EQ(tables[0].warnings.size(), c.warnings);
}

INSTANTIATE_TEST_SUITE_P(Cases, WrappedAmountTest,
                         testing::Values(WrapCase{"last_digit",
                                                  {"1,209,583.7", "1,000.00", ""},
                                                  {"5", "", ""},
                                                  {"1,209,583.75", "1,000.00", ""},
                                                  0},
                                         WrapCase{"decimal_part",
                                                  {"12,672", "", "12,672"},
                                                  {".73", "", ".73"},
                                                  {"12,672.73", "", "12,672.73"},
                                                  0},
                                         // An integer printed ungrouped: its head is digits
                                         // alone, as a code's is, and still the amount's.
                                         WrapCase{"decimal_part_ungrouped",
                                                  {"2789270", "2789270", ""},
                                                  {".19", ".19", ""},
                                                  {"2789270.19", "2789270.19", ""},
                                                  0},
                                         WrapCase{"inside_the_integer",
                                                  {"1,209,58", "", ""},
                                                  {"3.75", "", ""},
                                                  {"1,209,583.75", "", ""},
                                                  0},
                                         // Every amount of the row wrapped after its
                                         // point: the row has no figure until the rest
                                         // completes them.
                                         WrapCase{"after_the_point",
                                                  {"2,789,270.", "2,789,270.", ""},
                                                  {"19", "19", ""},
                                                  {"2,789,270.19", "2,789,270.19", ""},
                                                  0}),
                         [](const testing::TestParamInfo<WrapCase>& param_info) {
                           return std::string(param_info.param.name);
                         });

// Columns narrower than an amount's half wrap it over three lines or four: "117," over "509." over
// "78", "91," over "368" over ".06", "16,6" over "55.7" over "6" (the national 三公 table with
// 预算数 and 决算数 side by side, twelve columns in portrait at 9 pt: s91wn_0006_final). The middle
// piece makes no amount with the head, only the third line does; before, the row was three lines of
// pieces and the whole table was lost. A middle piece joins when the line under it completes the
// amount; a middle nothing completes stays where it is printed.
TEST(UnruledTableTest, AmountWrappedOverThreeLinesJoinsWhole) {
  struct Case {
    std::string name;
    std::vector<std::vector<std::string>> lines;  // the row's amounts, line by line
    std::vector<std::string> cells;               // the row's amounts, as joined
  };
  const std::vector<Case> cases = {
      {"three pieces each",
       {{"117,", "91,", "16,6"}, {"509.", "368", "55.7"}, {"78", ".06", "6"}},
       {"117,509.78", "91,368.06", "16,655.76"}},
      {"two lines and three lines",
       {{"38,768.", "117,", "0.00"}, {"80", "509.", ""}, {"", "78", ""}},
       {"38,768.80", "117,509.78", "0.00"}},
      // Four lines in a column three digits wide (s92wn_0012_final).
      {"four lines",
       {{"133", "3,2", "65,"}, {",77", "08.", "011"}, {"6.8", "80", ".57"}, {"7", "", ""}},
       {"133,776.87", "3,208.80", "65,011.57"}},
      // A column one digit wide (the 三公 table's 合计 in portrait sized to its content, the
      // sweep's national template, s93wn_0041_final, s95wn_0055_final): 153.35 over five lines,
      // its head and the heads after it whole integers. Only the point ends the wrap, so the
      // digits before it join when the lines under them reach it; before, the row was a
      // paragraph and the whole table was lost without a finding.
      // The third line a whole amount with a point (4,01 | 4,57 | 9.96 for 4,014,579.96, and
      // 4,014, | 579.9 | 6 beside it: the national income table, twelve columns in portrait,
      // s94wn_0081_budget). A rest ends the group its head cut; the next row's amount starts
      // its own (2,000.00 under 2,789,270, stays a row: OcrCutPointReadAsACommaStillTakesItsRest).
      {"a point-only rest",
       {{"4,01", "4,014,", "0.00"}, {"4,57", "579.9", ""}, {"9.96", "6", ""}},
       {"4,014,579.96", "4,014,579.96", "0.00"}},
      {"one digit a line",
       {{"1", "6", "4.2"}, {"5", "5.", "8"}, {"3.", "6", ""}, {"3", "0", ""}, {"5", "", ""}},
       {"153.35", "65.60", "4.28"}},
  };
  const double rights[] = {340, 430, 520};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    AddRun(page, "项目", 60, 100);
    RightAligned(page, "合计", rights[0], 100);
    RightAligned(page, "基本支出", rights[1], 100);
    RightAligned(page, "项目支出", rights[2], 100);
    AddRun(page, "201一般公共服务支出", 60, 118);
    for (double right : rights) RightAligned(page, "1,000.00", right, 118);
    AddRun(page, "20101人大事务", 60, 136);
    double y = 136;
    for (const std::vector<std::string>& line : c.lines) {
      for (std::size_t k = 0; k < 3; ++k) {
        if (!line[k].empty()) RightAligned(page, line[k], rights[k], y);
      }
      y += 12;
    }
    AddRun(page, "合计", 60, y + 24);
    for (double right : rights) RightAligned(page, "2,000.00", right, y + 24);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 4);
    std::vector<std::string> row = RowTexts(table, 2);
    for (std::string& text : row) text = RemoveAllWhitespace(text);
    EXPECT_EQ(std::vector<std::string>(row.begin() + 1, row.end()), c.cells);
  }
}

// A 三公 table's lone row under a header of three items, its amounts wrapped over `lines`, each
// a line of the three columns' pieces 12 pt apart.
PageContent LoneRowPage(const std::vector<std::vector<std::string>>& lines) {
  PageContent page = A4Page(2);
  const double rights[] = {120, 220, 320};
  RightAligned(page, "合计", rights[0], 100);
  RightAligned(page, "因公出国（境）费", rights[1], 100);
  RightAligned(page, "公务接待费", rights[2], 100);
  double y = 124;
  for (const std::vector<std::string>& line : lines) {
    for (std::size_t k = 0; k < 3; ++k) {
      if (!line[k].empty()) RightAligned(page, line[k], rights[k], y);
    }
    y += 12;
  }
  return page;
}

// The 三公 table is one row of amounts under its header. In a column one digit wide its 合计
// wraps over five lines, 153.35 as 1 | 5 | 3. | 3 | 5 (s93wn_0041_final, s95wn_0055_final): the
// head and the next digit are whole integers, and the 5 was taken for the rest of a code "1" cut
// as a narrow 项 column cuts 99, so the row held no amount in its first column, was no lone row
// of amounts, and the whole table was lost without a finding. A digit joins an integer above it
// when the lines under them reach a point that completes an amount.
TEST(UnruledTableTest, LoneRowWithItsFirstAmountOneDigitALineIsATable) {
  const std::vector<std::vector<std::string>> lines = {
      {"1", "0.00", "16."}, {"5", "", "50"}, {"3.", "", ""}, {"3", "", ""}, {"5", "", ""}};
  const PageContent page = LoneRowPage(lines);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 2);
  std::vector<std::string> row = RowTexts(table, 1);
  for (std::string& text : row) text = RemoveAllWhitespace(text);
  ASSERT_GE(row.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(row.end() - 3, row.end()),
            (std::vector<std::string>{"153.35", "0.00", "16.50"}));
}

// Integer heads join only on the way to a point: in a table of whole amounts (元 without
// decimals) digits under digits that never reach one stay as printed.
TEST(UnruledTableTest, WholeIntegersWrappedWithoutAPointAreNotJoined) {
  const std::vector<std::vector<std::string>> lines = {{"1", "0.00", "16."}, {"5", "", "50"}};
  const PageContent page = LoneRowPage(lines);
  for (const DetectedTable& detected : DetectTables(page)) {
    for (int r = 0; r < detected.table.row_count; ++r) {
      for (std::string text : RowTexts(detected.table, r)) {
        EXPECT_NE(RemoveAllWhitespace(text), "15");
      }
    }
  }
}

// The same with an amount under a thousand in a narrow column ("968." at the page foot, "89" on
// the next page under the repeated header; the sweep's national income table, s91wn_0033_budget):
// ungrouped digits and a point are a cut amount too, in a text layer. The row stayed a paragraph
// and its figures were lost without a finding. On a page read by OCR a point ends a misread row
// number as often (12. for 12), and "968." is left as read.
TEST(UnruledTableTest, UngroupedAmountCutAfterThePointAtThePageFootStaysInTheTable) {
  for (const TextOrigin origin : {TextOrigin::kTextLayer, TextOrigin::kOcr}) {
    SCOPED_TRACE(TextOriginName(origin));
    PageContent page = UnruledPage({"项目", "合计", "基本支出", "项目支出"},
                                   {{"213农林水支出", {"2,106.66", "1,503.52", "603.14"}},
                                    {"21301农业农村", {"2,106.66", "1,503.52", "603.14"}},
                                    {"2130101行政运行", {"1,138.66", "1,138.66", ""}},
                                    {"2130104事业运行", {"968.", "", "968."}}},
                                   false);
    page.page.text_origin = origin;
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const bool kept = tables[0].table.row_count == 5;
    EXPECT_EQ(kept, origin == TextOrigin::kTextLayer);
  }
}

// A row a page break cut inside its wrapped amounts (`2101301 行政运行 7,761, 7,761,` the last
// line of the page, `456.55` under the repeated header on the next: the sweep's national
// expenditure table in portrait, s93wn_0091_budget): cut after a group's comma its amounts were
// no figures, the row ended the table a row early, and read across the break with the next page's
// top it made a table of its own, under no header, and every figure on the next page went to
// `other`. At the page's foot, its cut amounts ending on the amount columns of the rows above,
// the row stays in the table for the normalizer's stitch to complete. Not so above the foot, nor
// under no table.
TEST(UnruledTableTest, RowCutAfterACommaAtThePageFootStaysInTheTable) {
  struct Case {
    const char* name;
    double top;    // the header's line; the rows follow at an 18 pt pitch, the cut row last
    bool aligned;  // its amounts end on the amount columns
    bool kept;
  };
  const Case cases[] = {{"at the foot", 680, true, true},
                        {"at the foot, over the page number", 660, true, true},
                        {"above the foot, a note under it", 300, true, false},
                        {"off the columns", 680, false, false}};
  const double rights[] = {340, 430, 520};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    double top = c.top;
    AddRun(page, "项目", 60, top);
    RightAligned(page, "合计", rights[0], top);
    RightAligned(page, "基本支出", rights[1], top);
    RightAligned(page, "项目支出", rights[2], top);
    const std::vector<std::pair<const char*, std::vector<const char*>>> rows = {
        {"213农林水支出", {"2,106.66", "1,503.52", "603.14"}},
        {"21301农业农村", {"2,106.66", "1,503.52", "603.14"}},
        {"2130101行政运行", {"1,138.66", "1,138.66", "603.14"}}};
    for (const auto& [label, amounts] : rows) {
      top += 18;
      AddRun(page, label, 60, top);
      for (std::size_t k = 0; k < amounts.size(); ++k)
        RightAligned(page, amounts[k], rights[k], top);
    }
    top += 18;
    AddRun(page, "2130104事业运行", 60, top);
    const double shift = c.aligned ? 0 : -40;
    RightAligned(page, "7,761,", rights[0] + shift, top);
    RightAligned(page, "7,761,", rights[1] + shift, top);
    if (top < 700) AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 30);
    if (c.top == 660) AddRun(page, "- 4 -", 280, 810);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    bool found = false;
    for (const TableCell& cell : table.cells) found = found || Trim(cell.text) == "7,761,";
    EXPECT_EQ(found, c.kept);
  }
}

// A table with split code columns (类 at 60, 款 and 项 at `kuan_x` and `xiang_x`), names from 190
// and two amount columns right-aligned at 420 and 520, under a header naming `fund`.
struct SplitCodeTable {
  SplitCodeTable(double kuan, double xiang, const char* fund, double advance = 10)
      : kuan_x(kuan), xiang_x(xiang), xiang_advance(advance) {
    AddRun(page, "类", 60, 100);
    AddRun(page, "款", kuan_x, 100);
    AddRun(page, "项", xiang_x, 100);
    AddRun(page, "科目名称", 190, 100);
    RightAligned(page, "合计", 420, 100);
    RightAligned(page, fund, 520, 100);
  }
  void Row(double top, const char* klass, const char* kuan, const char* xiang, const char* label,
           const char* amount) {
    AddRun(page, klass, 60, top);
    AddRun(page, kuan, kuan_x, top);
    AddRun(page, xiang, xiang_x, top, 10, xiang_advance);
    AddRun(page, label, 190, top);
    RightAligned(page, amount, 420, top);
    RightAligned(page, amount, 520, top);
  }
  PageContent page = A4Page(2);
  double kuan_x, xiang_x, xiang_advance;
};

// Split code columns as narrow as the amounts (the sweep's national template, ten amount
// columns in portrait, s90wn_0033_budget): the row 210 13 99 wraps its 项 piece 99 as 9 over 9
// beside its amount 34,85 over 1.48 and its label's end. The code's digit under the code is its
// rest: the line is the row's wrapped rest, the code 99 and the amount 34,851.48. Before, the 9
// was a figure that completed no amount, and the line became a row of its own (code 9, 1.48).
TEST(UnruledTableTest, CodePieceWrappedBesideTheAmountsIsTheCodesRest) {
  SplitCodeTable split(110, 150, "一般公共预算");
  PageContent& page = split.page;
  split.Row(124, "210", "", "", "卫生健康支出", "74,970.15");
  split.Row(148, "210", "13", "", "医疗保障管理事务", "74,970.15");
  split.Row(172, "210", "13", "01", "行政运行", "40,118.67");
  split.Row(196, "210", "13", "9", "其他医疗保障管理", "34,85");
  AddRun(page, "9", 150, 208);
  AddRun(page, "事务支出", 190, 208);
  RightAligned(page, "1.48", 420, 208);
  RightAligned(page, "1.48", 520, 208);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 5);
  const std::vector<std::string> last = CompactRow(table, 4);
  ASSERT_GE(last.size(), 6u);
  EXPECT_EQ(std::vector<std::string>(last.begin(), last.begin() + 3),
            (std::vector<std::string>{"210", "13", "99"}));
  EXPECT_NE(std::find(last.begin(), last.end(), "其他医疗保障管理事务支出"), last.end());
  EXPECT_EQ(std::vector<std::string>(last.end() - 2, last.end()),
            (std::vector<std::string>{"34,851.48", "34,851.48"}));
}

// A code wrapped with nothing else wrapped beside it but the label: 项 "0" over "2" where the row's
// amounts fit (201 | 01 | 0 | 一般行政管理事务 | 103.21, "2" under the 0; s92wn_0079_final at
// 9 pt in portrait), or a joined code with its name (205080 培训 over 3 支出, s92wn_0007_final).
// With no amount's rest on its line the digit was no tail: a row of its own that keyed nothing
// (the row above keyed 2010100), or the end of the table, its rows after it a table of no kind.
// A line of code rests and label rests completes the codes above it.
TEST(UnruledTableTest, CodeWrappedWithoutTheAmountsIsTheCodesRest) {
  for (const bool label_rest : {false, true}) {
    SCOPED_TRACE(label_rest ? "with the label's rest" : "alone");
    SplitCodeTable split(100, 130, "财政拨款", 6);
    PageContent& page = split.page;
    split.Row(124, "201", "", "", "一般公共服务支出", "200.44");
    split.Row(148, "201", "01", "", "人大事务", "200.44");
    split.Row(172, "201", "01", "01", "行政运行", "97.23");
    split.Row(196, "201", "01", "0", label_rest ? "一般行政" : "一般行政管理事务", "103.21");
    AddRun(page, "2", 130, 208, 10, 6);
    if (label_rest) AddRun(page, "管理事务", 190, 208);
    split.Row(232, "201", "03", "", "政府办公厅", "130.18");
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 6);
    const std::vector<std::string> fourth = CompactRow(table, 4);
    ASSERT_GE(fourth.size(), 4u);
    EXPECT_EQ(std::vector<std::string>(fourth.begin(), fourth.begin() + 4),
              (std::vector<std::string>{"201", "01", "02", "一般行政管理事务"}));
  }
}

// The same with the code joined in a narrow code column of its own (科目编码 | 科目名称 in
// portrait, s91wn_0017_budget): 2010350 wraps as 2010 over 350 beside the amount 3.4 over 6. A rest
// of three digits completes the code as one of one digit does; the line is the row's wrapped rest.
TEST(UnruledTableTest, JoinedCodeWrappedBesideTheAmountsIsTheCodesRest) {
  struct Case {
    const char* head;
    const char* rest;
    const char* code;
  };
  for (const Case& c : {Case{"2010", "350", "2010350"}, Case{"2010", "3", "20103"},
                        Case{"20", "10350", "2010350"}}) {
    SCOPED_TRACE(c.code);
    PageContent page = A4Page(2);
    AddRun(page, "科目编码", 60, 100);
    AddRun(page, "科目名称", 130, 100);
    RightAligned(page, "合计", 420, 100);
    RightAligned(page, "一般公共预算", 520, 100);
    const auto row = [&](double top, const char* code, const char* label, const char* amount) {
      AddRun(page, code, 60, top, 10, 6);
      AddRun(page, label, 130, top);
      RightAligned(page, amount, 420, top);
      RightAligned(page, amount, 520, top);
    };
    row(124, "201", "一般公共服务支出", "3.46");
    row(148, "20103", "政府办公厅", "3.46");
    row(172, c.head, "事业运行", "3.4");
    AddRun(page, c.rest, 60, 184, 10, 6);
    RightAligned(page, "6", 420, 184);
    RightAligned(page, "6", 520, 184);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 4);
    std::vector<std::string> last = RowTexts(table, 3);
    for (std::string& text : last) text = RemoveAllWhitespace(text);
    EXPECT_EQ(std::vector<std::string>(last.end() - 2, last.end()),
              (std::vector<std::string>{"3.46", "3.46"}));
  }
}

// A complete class code wrapped in a narrow code column of its own, its name in the same label
// cell: 2060101 wraps as 20601 over 01 under the code's left edge, the name's rest perhaps on the
// same line (the sweep's national income table, s93wn_0041_final). Read as lines the cell said
// "20601行政运行\n01": the row kept the 款 code 20601 and a name ending in 01. The rest follows
// the code it completes in the cell's text.
TEST(UnruledTableTest, CodesRestUnderACompleteCodeFollowsTheCode) {
  struct Case {
    const char* rest;
    const char* name_rest;  // the name's wrapped rest beside the code's, "" for none
    const char* label;      // the label cell's text, whitespace removed
  };
  for (const Case& c :
       {Case{"01", "", "2060101行政运行"},
        Case{"05", "养老保险缴费支出", "2060105机关事业单位基本养老保险缴费支出"}}) {
    SCOPED_TRACE(c.label);
    PageContent page = A4Page(2);
    AddRun(page, "科目编码", 51, 100);
    AddRun(page, "科目名称", 95, 100);
    RightAligned(page, "合计", 420, 100);
    RightAligned(page, "财政拨款", 520, 100);
    const auto row = [&](double top, const char* code, const char* label, const char* amount) {
      AddRun(page, code, 51, top, 10, 5.5);
      AddRun(page, label, 95, top);
      RightAligned(page, amount, 420, top);
      RightAligned(page, amount, 520, top);
    };
    row(124, "206", "科学技术支出", "82.84");
    row(148, "20601", "科学技术管理事务", "82.84");
    row(172, "20601", *c.name_rest ? "机关事业单位基本" : "行政运行", "82.84");
    AddRun(page, c.rest, 51, 185.5, 10, 5.5);
    if (*c.name_rest) AddRun(page, c.name_rest, 95, 185.5);
    row(209, "", "合计", "82.84");
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 5);
    EXPECT_EQ(CompactRow(table, 3).front(), c.label);
  }
}

// A joined code wrapped over three or four lines of a code column two digits wide, beside an
// amount wrapped a digit a line in a column one digit wide (the national income table in portrait
// sized to its content, s95wn_0086_budget): 21013 prints 21 | 01 | 3, 2101301 prints
// 21 | 01 | 30 | 1. A middle piece (2101, 210130) is no code yet; the lines under it complete one,
// so the line is the row's wrapped rest. Read as a new row at "01", the row split in two and kept
// neither its code nor its amount (1 and 8.75).
TEST(UnruledTableTest, CodeWrappedOverSeveralLinesBesideAnAmountADigitALine) {
  struct Case {
    std::vector<const char*> code_pieces;
    const char* label;  // the label cell's text, whitespace removed
  };
  for (const Case& c : {Case{{"21", "01", "3"}, "21013医疗保障管理事务"},
                        Case{{"21", "01", "30", "1"}, "2101301医疗保障管理事务"}}) {
    SCOPED_TRACE(c.label);
    PageContent page = A4Page(2);
    AddRun(page, "编码", 51, 100);
    AddRun(page, "名称", 80, 100);
    RightAligned(page, "合计", 180, 100);
    RightAligned(page, "一般公共预算", 260, 100);
    AddRun(page, "210", 51, 124, 10, 6);
    AddRun(page, "卫生健康支出", 80, 124);
    RightAligned(page, "18.75", 260, 124);
    const std::vector<const char*> total = {"1", "8", ".", "7", "5"};
    for (std::size_t line = 0; line < total.size(); ++line) {
      RightAligned(page, total[line], 180, 124 + 12.5 * static_cast<double>(line));
    }
    const double top = 200;
    for (std::size_t line = 0; line < total.size(); ++line) {
      const double y = top + 12.5 * static_cast<double>(line);
      if (line < c.code_pieces.size()) AddRun(page, c.code_pieces[line], 51, y, 10, 6);
      if (line == 0) AddRun(page, "医疗保障管", 80, y);
      if (line == 1) AddRun(page, "理事务", 80, y);
      RightAligned(page, total[line], 180, y);
      if (line == 0) RightAligned(page, "18.75", 260, y);
    }
    AddRun(page, "合计", 80, 276);
    RightAligned(page, "18.75", 180, 276);
    RightAligned(page, "18.75", 260, 276);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 4);
    EXPECT_EQ(CompactRow(table, 2), (std::vector<std::string>{c.label, "18.75", "18.75"}));
  }
}

// A row at the page's foot whose amounts wrapped after their point, the
// decimals over the page break ("692,571." here, "75" on the next page under
// the repeated header): with nothing under it to complete them, the row is
// still a body row and stays in its table, so the normalizer's stitch can
// join its rest. Read as no row, it was lost, and the rest joined the row
// above it instead (s1_0277_final: 21013 and 2101301 lost).
TEST(UnruledTableTest, RowCutAfterThePointAtThePageFootStaysInTheTable) {
  PageContent page = UnruledPage({"项目", "合计", "基本支出", "项目支出"},
                                 {{"201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"}},
                                  {"20106财政事务", {"10.00", "", "10.00"}},
                                  {"21013医疗保障管理事务", {"2,107,596.87", "1,496,954.23", ""}},
                                  {"2101301行政运行", {"692,571.", "692,571.", ""}}},
                                 false);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(RowTexts(table, 4),
            (std::vector<std::string>{"2101301行政运行", "692,571.", "692,571.", ""}));
  // A lone "3." (an ordinal) is no amount: grouped digits only.
  PageContent ordinal = UnruledPage({"项目", "合计", "基本支出", "项目支出"},
                                    {{"201一般公共服务支出", {"2,106.66", "1,503.52", "603.14"}},
                                     {"20106财政事务", {"10.00", "", "10.00"}},
                                     {"合计", {"2,116.66", "1,503.52", "613.14"}},
                                     {"说明", {"3.", "", ""}}},
                                    false);
  const std::vector<DetectedTable> found = DetectTables(ordinal);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].table.row_count, 4);
}

// Split codes (类 | 款 | 项 columns) on a page where one row only has a 项
// code (a continuation page, a short table): a lone small number is no
// column of its own, and it went to the nearest one, the 款 column, which
// holds the row's 款 code: "08 03" in one cell, and the 7-digit row read as
// its 类 (s1_0021_budget, s1_0061_budget: 2050803 read as 205). Two code
// pieces of one row never share a cell. Beside amounts a lone number stays
// the label's (a joined "206 01" left of the figures).
TEST(UnruledTableTest, LoneCodePieceIsAColumnOfItsOwn) {
  PageContent page = A4Page(2);
  const std::vector<double> rights = {340, 430, 520};
  AddRun(page, "部门支出预算表", 200, 60);
  const struct {
    const char* code[3];
    const char* name;
  } rows[] = {{{"205", "", ""}, "教育支出"},
              {{"205", "08", ""}, "进修及培训"},
              {{"205", "08", "03"}, "培训支出"},
              {{"210", "", ""}, "卫生健康支出"},
              {{"210", "13", ""}, "医疗保障管理事务"}};
  double top = 100;
  for (const auto& row : rows) {
    AddRun(page, row.code[0], 60, top, 10, 6);
    if (*row.code[1] != '\0') RightAligned(page, row.code[1], 132, top);
    if (*row.code[2] != '\0') RightAligned(page, row.code[2], 172, top);
    AddRun(page, row.name, 200, top);
    for (double right : rights) RightAligned(page, "1,745.14", right, top);
    top += 18;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 5);
  const std::vector<std::string> cut = RowTexts(table, 2);
  EXPECT_NE(std::find(cut.begin(), cut.end(), "08"), cut.end());
  EXPECT_NE(std::find(cut.begin(), cut.end(), "03"), cut.end());
  EXPECT_EQ(RowTexts(table, 1).size(), cut.size());
}

TEST(UnruledTableTest, PieceUnderTwoAmountsIsReportedNotGuessed) {
  // ".50" printed under the end of "12" and the start of "13" could complete
  // either: it joins neither and a warning names it.
  PageContent page = A4Page(2);
  AddRun(page, "项目", 60, 100);
  RightAligned(page, "合计", 340, 100);
  RightAligned(page, "基本支出", 420, 100);
  for (double top : {118.0, 166.0}) {
    AddRun(page, top < 150 ? "201一般公共服务支出" : "合计", 60, top);
    RightAligned(page, "1,000.00", 340, top);
    RightAligned(page, "1,000.00", 420, top);
  }
  AddRun(page, "20101人大事务", 60, 136);
  RightAligned(page, "12", 340, 136);
  AddRun(page, "13", 354, 136, 10, 6);
  AddRun(page, ".50", 341, 148, 10, 6);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_FALSE(tables.empty());
  ASSERT_EQ(tables[0].warnings.size(), 1u);
  EXPECT_EQ(tables[0].warnings[0].code, "pdf_ambiguous_cell");
  for (const TableCell& cell : tables[0].table.cells) {
    EXPECT_NE(RemoveAllWhitespace(cell.text), "12.50");
    EXPECT_NE(RemoveAllWhitespace(cell.text), "13.50");
  }
}

// A narrow label column: labels wrap over several lines set tight (14 pt
// pitch) while rows are 30 pt apart, as LibreOffice pads cells. Every wrapped
// line stays in its row, the last row's too; the note after the table does not.
TEST(UnruledTableTest, LabelWrappedOverSeveralLinesStaysInItsRow) {
  PageContent page = A4Page(2);
  AddRun(page, "项目", 60, 100);
  RightAligned(page, "合计", 340, 100);
  RightAligned(page, "基本支出", 430, 100);
  struct Row {
    std::vector<std::string> label;  // one entry a line
    std::string total, basic;
  };
  const std::vector<Row> rows = {{{"208社会保障", "和就业支", "出"}, "108.36", "31.84"},
                                 {{"20805行政", "事业单位"}, "26.76", "9.17"},
                                 {{"20808抚恤"}, "81.60", "22.67"},
                                 {{"2200504气象", "事业机构"}, "1,504.39", "1,504.39"}};
  double top = 130;
  for (const Row& row : rows) {
    RightAligned(page, row.total, 340, top);
    RightAligned(page, row.basic, 430, top);
    double line = top;
    for (const std::string& text : row.label) {
      AddRun(page, text, 60, line);
      line += 14;
    }
    top = line + 16;
  }
  AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 4);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.column_count, 3);
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(RowTexts(table, 1),
            (std::vector<std::string>{"208社会保障\n和就业支\n出", "108.36", "31.84"}));
  EXPECT_EQ(RowTexts(table, 2), (std::vector<std::string>{"20805行政\n事业单位", "26.76", "9.17"}));
  EXPECT_EQ(RowTexts(table, 4),
            (std::vector<std::string>{"2200504气象\n事业机构", "1,504.39", "1,504.39"}));
  for (int k : tables[0].glyph_indices) {
    EXPECT_LT(page.glyphs[static_cast<std::size_t>(k)].box.y0, top);
  }
}

// A name column two characters wide (equal widths at 12 pt in portrait, s93wn_0086_final,
// s94wn_0021_final, s93wn_0093_budget): 政府办公厅（室）及相关机构事务 wraps over seven lines.
// The run ended after four wrapped lines and the rows below it made a table of their own with
// no header. Lines that stay inside the name cells go on wrapping the name however many there are.
TEST(UnruledTableTest, NameWrappedOverManyLinesInANarrowColumnStaysInItsRow) {
  PageContent page = A4Page(2);
  AddRun(page, "项目", 60, 100);
  RightAligned(page, "合计", 340, 100);
  RightAligned(page, "基本支出", 430, 100);
  const std::vector<std::vector<std::string>> labels = {
      {"201", "一般", "公共", "服务"},
      {"20103", "政府", "办公", "厅（", "室）", "及相", "关机", "构事", "务"},
      {"2010301", "行政", "运行"},
      {"206", "科学", "技术"}};
  double top = 130;
  for (const std::vector<std::string>& label : labels) {
    AddRun(page, label[0], 60, top);
    RightAligned(page, "27.75", 340, top);
    RightAligned(page, "27.75", 430, top);
    double line = top;
    for (std::size_t k = 1; k < label.size(); ++k) {
      AddRun(page, label[k], 130, line);
      line += 14;
    }
    top = line + 16;
  }
  AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 4);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(RemoveAllWhitespace(RowTexts(table, 2).front()), "20103政府办公厅（室）及相关机构事务");
  EXPECT_EQ(RemoveAllWhitespace(RowTexts(table, 4).front()), "206科学技术");
}
// The header of a table without rules: the title and unit line above it is a
// caption, not a header line; a header word wrapped onto a line of its own
// stays in the header; a header set flush left in a wide cell ("合计" ending
// before the figures under it begin) belongs to the figures' column, not the
// labels'; a column with no figure at all is read from its header alone.
TEST(UnruledTableTest, HeaderFromTheWholeHeaderBand) {
  PageContent page = A4Page(2);
  AddRun(page, "二、部门收入总表", 60, 64);
  AddRun(page, "单位：万元", 400, 64);
  AddRun(page, "功能分类科目", 60, 82);
  AddRun(page, "合计", 178, 82);
  AddRun(page, "一般公共", 300, 82);
  AddRun(page, "其他收入", 420, 82);
  AddRun(page, "预算拨款", 300, 96);
  double top = 124;
  for (const char* label : {"合计", "206科学技术支出", "20601科学技术", "2060101行政运行"}) {
    AddRun(page, label, 60, top);
    RightAligned(page, "5,146.79", 290, top);
    RightAligned(page, "5,146.79", 400, top);
    top += 26;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.column_count, 4);
  // The header word wrapped tight under its cell stays in that cell, as a
  // ruled cell holds its lines.
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(RowTexts(table, 0),
            (std::vector<std::string>{"功能分类科目", "合计", "一般公共\n预算拨款", "其他收入"}));
  EXPECT_EQ(RowTexts(table, 2),
            (std::vector<std::string>{"206科学技术支出", "5,146.79", "5,146.79", ""}));
  for (int k : tables[0].glyph_indices) {
    EXPECT_GT(page.glyphs[static_cast<std::size_t>(k)].box.y0, 70.0);
  }
}

// Columns no figure shows between two that do, their header words set flush left in equal cells
// (the national income table in landscape: 政府性基金 … 附属单位上缴收入 all blank between
// 一般公共预算拨款 and 其他收入, s93wn_0083_budget). The words shared the band of the column on
// their right, and its header read 政府性基国有资本事业收入其他收入: its figures were keyed
// 事业收入 with no finding. On a header line, the word over the figures heads their column; a
// word apart from it, over no figure, heads a column of its own.
TEST(UnruledTableTest, HeaderOnlyColumnsBetweenAmountColumns) {
  struct Case {
    const char* name;
    double other_x;  // where 其他收入 starts; its figures end at 558
    int columns;
  };
  for (const Case& c : {Case{"flush left", 510, 7}, Case{"centred", 514, 7}}) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    AddRun(page, "功能分类科目", 60, 82);
    const double lefts[] = {260, 310, 360, 410, 460};
    const char* words[] = {"合计", "一般公共", "政府性基", "国有资本", "事业收入"};
    for (int k = 0; k < 5; ++k) AddRun(page, words[k], lefts[k], 82);
    AddRun(page, "其他收入", c.other_x, 82);
    AddRun(page, "预算拨款", 310, 96);
    AddRun(page, "金预算拨", 360, 96);
    AddRun(page, "经营预算", 410, 96);
    double top = 124;
    for (const char* label : {"合计", "208社会保障", "20805行政事业", "2080505机关事业"}) {
      AddRun(page, label, 60, top);
      // Five points a digit: the figures fill their cells as a landscape page's do.
      for (const auto& [amount, right] : {std::pair<const char*, double>{"5,872.15", 308},
                                          {"4,098.11", 358},
                                          {"1,774.04", 558}}) {
        AddRun(page, amount, right - 40, top, 10, 5);
      }
      top += 26;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.column_count, c.columns);
    EXPECT_EQ(RowTexts(table, 0),
              (std::vector<std::string>{"功能分类科目", "合计", "一般公共\n预算拨款",
                                        "政府性基\n金预算拨", "国有资本\n经营预算", "事业收入",
                                        "其他收入"}));
    EXPECT_EQ(RowTexts(table, 2), (std::vector<std::string>{"208社会保障", "5,872.15", "4,098.11",
                                                            "", "", "", "1,774.04"}));
  }
}

// The national basic table's continuation page (s95wn_0005_final): the three groups' header
// repeated, the rows the first group's, the totals row 人员经费合计 | 288,532.65 | 公用经费合计 |
// 100,971.89 with the last amount in the last group's column. 公用经费合计 makes a text column;
// the second group's 科目名称 and 决算数 after it, over no word of its body, are columns of their
// own, as the last group's before its figures: the page has the first page's eight columns and the
// stitch joins it. Read as one text column's header the page had six and became a table of its own.
TEST(UnruledTableTest, HeaderOnlyColumnsAfterATextColumn) {
  PageContent page = A4Page(2);
  const double code_x[] = {51, 320, 556};
  const double name_x[] = {130, 399, 612};
  const double rights[] = {284, 520, 755};
  for (int g = 0; g < 3; ++g) {
    AddRun(page, "科目编码", code_x[g], 87);
    AddRun(page, "科目名称", name_x[g], 87);
    RightAligned(page, "决算数", rights[g], 87);
  }
  double top = 114;
  for (const auto& [code, name, amount] : {std::tuple<const char*, const char*, const char*>{
                                               "30110", "职工基本医疗保险缴费", "120,000.44"},
                                           {"303", "对个人和家庭的补助", "25,092.30"},
                                           {"30302", "退休费", "8,111.55"}}) {
    AddRun(page, code, 51, top, 10, 5.5);
    AddRun(page, name, 130, top);
    RightAligned(page, amount, 309, top);
    top += 27;
  }
  AddRun(page, "人员经费合计", 51, top);
  RightAligned(page, "288,532.65", 309, top);
  AddRun(page, "公用经费合计", 320, top);
  RightAligned(page, "100,971.89", 780, top);
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.column_count, 8);
  EXPECT_EQ(RowTexts(table, 0),
            (std::vector<std::string>{"科目编码科目名称", "决算数", "科目编码", "科目名称",
                                      "决算数", "科目编码", "科目名称", "决算数"}));
}

// A narrow name column whose lower levels are set further in (sweep s1_0007:
// "行政单位离" starts right of "社会保障和就", its wrapped "退休" flush left
// under it). Cells never overlap, so the indented names are the same
// column as the others, not a column of their own, and each wrapped rest
// stays with its name.
TEST(UnruledTableTest, IndentedNamesStayInTheirColumn) {
  PageContent page = A4Page(2);
  AddRun(page, "类", 51, 100);
  AddRun(page, "款", 122, 100);
  AddRun(page, "项", 192, 100);
  AddRun(page, "科目名称", 262, 100);
  RightAligned(page, "合计", 393, 100);
  RightAligned(page, "基本支出", 463, 100);
  struct Row {
    std::string kind, kuan, xiang;
    double x;                        // where the name starts
    std::vector<std::string> label;  // one entry a line
  };
  const std::vector<Row> rows = {{"208", "", "", 262, {"社会保障和就", "业支出"}},
                                 {"208", "05", "", 262, {"行政事业单位", "养老支出"}},
                                 {"208", "05", "01", 282, {"行政单位离", "退休"}},
                                 {"208", "05", "05", 282, {"机关事业单", "位基本养老"}},
                                 {"208", "08", "", 262, {"抚恤"}}};
  double top = 130;
  for (const Row& row : rows) {
    AddRun(page, row.kind, 51, top);
    if (!row.kuan.empty()) AddRun(page, row.kuan, 122, top);
    if (!row.xiang.empty()) AddRun(page, row.xiang, 192, top);
    RightAligned(page, "5,716.85", 393, top);
    RightAligned(page, "4,101.45", 463, top);
    double line = top;
    for (std::size_t k = 0; k < row.label.size(); ++k) {
      AddRun(page, row.label[k], k == 0 ? row.x : 262, line);
      line += 14;
    }
    top += 40;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  int name_column = -1;
  for (int c = 0; c < table.column_count; ++c) {
    if (Anchor(table, 1, c) != nullptr && Anchor(table, 1, c)->text == "社会保障和就\n业支出") {
      name_column = c;
    }
  }
  ASSERT_GE(name_column, 0);
  EXPECT_EQ(Anchor(table, 3, name_column)->text, "行政单位离\n退休");
  EXPECT_EQ(Anchor(table, 4, name_column)->text, "机关事业单\n位基本养老");
  // Nothing else of those rows holds a name piece.
  for (int r : {3, 4}) {
    for (int c = name_column + 1; c < table.column_count; ++c) {
      const std::string text = Anchor(table, r, c)->text;
      EXPECT_TRUE(text.empty() || text == "5,716.85" || text == "4,101.45") << text;
    }
  }
}

// A name set so close to the amount after it that the two are one chunk (an OCR'd CJK glyph's
// box reaches into the gap: "自然资源海洋气象等支出14,620.3" over "5", s3w_0058_budget p8): the
// amount ends on its column's edge, so it is that column's cell, its wrapped rest with it, and
// the name keeps the name column. Left whole (3 pt and 20 pt from the name alike), the amount
// went with the name and the amount column's cell was empty; the OCR pass then read the digits
// inside its band ("20.3").
struct GluedCase {
  const char* name;
  std::string first;  // the 合计 amount as printed on the row's first line
  std::string rest;   // its wrapped rest on the next line, "" for none
  double gap;         // between the name's last glyph and the amount
  std::string name_cell, amount_cell;
};

class LabelRunIntoAmountTest : public testing::TestWithParam<GluedCase> {};

TEST_P(LabelRunIntoAmountTest, AmountGoesToItsColumn) {
  const GluedCase& c = GetParam();
  PageContent page = A4Page(2);
  AddRun(page, "类", 51, 100);
  AddRun(page, "款", 122, 100);
  AddRun(page, "科目名称", 262, 100);
  RightAligned(page, "合计", 393, 100);
  RightAligned(page, "基本支出", 463, 100);
  double top = 130;
  auto ordinary = [&](const std::string& kind, const std::string& kuan, const std::string& name) {
    AddRun(page, kind, 51, top);
    if (!kuan.empty()) AddRun(page, kuan, 122, top);
    AddRun(page, name, 262, top);
    RightAligned(page, "5,716.85", 393, top);
    RightAligned(page, "4,101.45", 463, top);
    top += 30;
  };
  ordinary("208", "", "社会保障和就业支出");
  ordinary("208", "05", "行政事业单位养老");
  AddRun(page, "220", 51, top);
  // The name from the name column's edge to `gap` before the amount: 8 glyphs set that wide.
  const double amount_x0 = 393 - 6.0 * static_cast<double>(DecodeUtf8(c.first).size());
  AddRun(page, "自然资源海洋气象", 262, top, 10, (amount_x0 - c.gap - 262) / 8);
  RightAligned(page, c.first, 393, top);
  if (!c.rest.empty()) RightAligned(page, c.rest, 393, top + 12);
  RightAligned(page, "4,101.45", 463, top);
  top += 30;
  ordinary("220", "05", "气象事务");
  ordinary("221", "", "住房保障支出");
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  int row = -1, name_column = -1, amount_column = -1;
  for (int r = 0; r < table.row_count; ++r) {
    for (int k = 0; k < table.column_count; ++k) {
      const TableCell* cell = Anchor(table, r, k);
      if (cell == nullptr) continue;
      if (cell->text == "社会保障和就业支出") name_column = k;
      if (cell->text == "5,716.85" && amount_column < 0) amount_column = k;
      if (cell->text.find("自然资源") != std::string::npos) row = r;
    }
  }
  ASSERT_GE(row, 0);
  ASSERT_GE(name_column, 0);
  ASSERT_GE(amount_column, 0);
  EXPECT_EQ(Anchor(table, row, name_column)->text, c.name_cell);
  EXPECT_EQ(RemoveAllWhitespace(Anchor(table, row, amount_column)->text), c.amount_cell);
  EXPECT_EQ(RemoveAllWhitespace(Anchor(table, row, amount_column + 1)->text), "4,101.45");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LabelRunIntoAmountTest,
    testing::Values(GluedCase{"tight", "14,620.35", "", 3, "自然资源海洋气象", "14,620.35"},
                    GluedCase{"tight_with_a_wrapped_rest", "14,620.3", "5", 3, "自然资源海洋气象",
                              "14,620.35"},
                    GluedCase{"wider_gap", "14,620.35", "", 20, "自然资源海洋气象", "14,620.35"},
                    GluedCase{"wider_gap_with_a_wrapped_rest", "14,620.3", "5", 20,
                              "自然资源海洋气象", "14,620.35"}),
    [](const testing::TestParamInfo<GluedCase>& param_info) {
      return std::string(param_info.param.name);
    });

// A continuation page of a table with split codes and only two named rows,
// each name indented to its own level (行政运行 at 262 pt, 事业运行 at 274 pt):
// no two names share a left edge, but their extents overlap, so they are one
// text column and each row's amount stays in its own cell (s7w_0100_final:
// the names went to the nearest amount column, 行政运行9,775,824.2). Table-
// driven over the second name's indent: flush, indented within the tolerance,
// and indented past it.
TEST(UnruledTableTest, TwoNamesIndentedApartStayOutOfTheAmounts) {
  for (double indent : {0.0, 6.0, 12.0, 20.0}) {
    PageContent page = A4Page(2);
    AddRun(page, "类", 51, 100);
    AddRun(page, "款", 122, 100);
    AddRun(page, "项", 192, 100);
    AddRun(page, "科目名称", 262, 100);
    AddRun(page, "本年收入合计", 360, 100);
    AddRun(page, "财政拨款收入", 460, 100);
    struct Row {
      std::string kind, kuan, xiang, name, amount;
      double x;  // where the name starts
    };
    const std::vector<Row> rows = {{"213", "01", "01", "行政运行", "9,775,824.23", 262},
                                   {"213", "01", "04", "事业运行", "9,616,027.54", 262 + indent},
                                   {"合计", "", "", "", "19,391,851.77", 0}};
    double top = 130;
    for (const Row& row : rows) {
      AddRun(page, row.kind, 51, top);
      if (!row.kuan.empty()) AddRun(page, row.kuan, 122, top);
      if (!row.xiang.empty()) AddRun(page, row.xiang, 192, top);
      if (!row.name.empty()) AddRun(page, row.name, row.x, top);
      RightAligned(page, row.amount, 420, top);
      RightAligned(page, row.amount, 520, top);
      top += 22;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    EXPECT_EQ(tables.size(), 1u) << indent;
    if (tables.size() != 1) continue;
    const Table& table = tables[0].table;
    for (int r = 0; r < table.row_count; ++r) {
      const std::vector<std::string> texts = RowTexts(table, r);
      for (const std::string& text : texts) {
        // No cell holds a name and an amount together.
        EXPECT_FALSE(text.find("运行") != std::string::npos && text.find(",") != std::string::npos)
            << "indent " << indent << ": " << text;
      }
      const bool named = std::find(texts.begin(), texts.end(), "事业运行") != texts.end();
      if (std::find(texts.begin(), texts.end(), "213") != texts.end() &&
          std::find(texts.begin(), texts.end(), "04") != texts.end()) {
        EXPECT_TRUE(named) << "indent " << indent;
        EXPECT_EQ(std::count(texts.begin(), texts.end(), "9,616,027.54"), 2) << "indent " << indent;
      }
    }
  }
}

// A continuation page whose names are centred in their cells (s14w_0002_final, a three-line
// table at 12 pt): 气象事务 starts at 262 pt, 行政运 and 气象事 at 278, each wrapped onto a
// second line (行 and 业机构 at 262) with the amounts' rests. The long name lies over the short
// names' column: it is that column's, not the nearest amount's (气象事务17,616,3 was one cell,
// and every figure of the row lost); the wrapped ends continue the names, not the class codes
// (220 over 行).
TEST(UnruledTableTest, CentredNamesStartingApartAreOneColumn) {
  PageContent page = A4Page(3);
  struct Row {
    std::string kind, kuan, xiang, name, amount, name_rest, amount_rest;
    double x;  // where the name starts
  };
  const std::vector<Row> rows = {{"220", "05", "", "气象事务", "17,616,3", "", "68.68", 262},
                                 {"220", "05", "01", "行政运", "14,554,3", "行", "89.24", 278},
                                 {"220", "05", "04", "气象事", "3,061,97", "业机构", "9.44", 278}};
  double top = 56;
  for (const Row& row : rows) {
    AddRun(page, row.kind, 51, top);
    AddRun(page, row.kuan, 122, top);
    if (!row.xiang.empty()) AddRun(page, row.xiang, 192, top);
    AddRun(page, row.name, row.x, top);
    RightAligned(page, row.amount, 393, top);
    RightAligned(page, row.amount, 463, top);
    if (!row.name_rest.empty()) AddRun(page, row.name_rest, 262, top + 16);
    RightAligned(page, row.amount_rest, 393, top + 16);
    RightAligned(page, row.amount_rest, 463, top + 16);
    top += 42;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  std::vector<std::vector<std::string>> read;
  for (int r = 0; r < table.row_count; ++r) {
    std::vector<std::string> texts;
    for (const std::string& text : RowTexts(table, r)) {
      if (!text.empty()) texts.push_back(RemoveAllWhitespace(text));
    }
    read.push_back(texts);
  }
  const std::vector<std::vector<std::string>> expected = {
      {"220", "05", "气象事务", "17,616,368.68", "17,616,368.68"},
      {"220", "05", "01", "行政运行", "14,554,389.24", "14,554,389.24"},
      {"220", "05", "04", "气象事业机构", "3,061,979.44", "3,061,979.44"}};
  EXPECT_EQ(read, expected);
}

// A side-by-side summary (收入 | 支出) without rules, rows 26 pt apart: rows
// whose amounts are blank on both sides (三、事业收入, 四、其他收入 under a
// shorter 支出 side) hold labels only. They are rows of their own, not a
// wrapped rest of the row above, and they do not end the table (the table
// had only two rows before them and was lost whole, s1_0226_budget).
TEST(UnruledTableTest, SummaryRowsOfLabelsOnlyAreRowsOfTheirOwn) {
  struct Case {
    const char* name;
    std::vector<std::array<std::string, 4>>
        rows;  // income label, amount, expenditure label, amount
    int body_rows;
  };
  const std::vector<Case> cases = {
      {"two label-only rows in the middle",
       {{"一、一般公共预算拨款收入", "207.46", "一、教育支出", "91.03"},
        {"二、政府性基金预算拨款收入", "", "二、城乡社区支出", "116.43"},
        {"三、事业收入", "", "", ""},
        {"四、其他收入", "", "", ""},
        {"本年收入合计", "207.46", "本年支出合计", "207.46"},
        {"收入总计", "207.46", "支出总计", "207.46"}},
       6},
      {"a label-only row on either side",
       {{"一、一般公共预算拨款收入", "1,207.46", "一、教育支出", "1,091.03"},
        {"二、事业收入", "", "二、科学技术支出", ""},
        {"", "", "三、城乡社区支出", ""},
        {"三、其他收入", "", "四、农林水支出", "116.43"},
        {"本年收入合计", "1,207.46", "本年支出合计", "1,207.46"}},
       5},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    AddRun(page, "部门收支总表", 200, 40);
    AddRun(page, "单位：万元", 60, 64);
    AddRun(page, "项目", 60, 90);
    RightAligned(page, "预算数", 300, 90);
    AddRun(page, "支出功能分类", 320, 90);
    RightAligned(page, "预算数", 560, 90);
    double top = 116;
    for (const auto& row : c.rows) {
      if (!row[0].empty()) AddRun(page, row[0], 60, top);
      if (!row[1].empty()) RightAligned(page, row[1], 300, top);
      if (!row[2].empty()) AddRun(page, row[2], 320, top);
      if (!row[3].empty()) RightAligned(page, row[3], 560, top);
      top += 26;
    }
    AddRun(page, "注：本表为示例。", 60, top + 30);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.column_count, 4);
    ASSERT_EQ(table.row_count, 1 + c.body_rows);
    for (int r = 0; r < c.body_rows; ++r) {
      const auto& row = c.rows[static_cast<std::size_t>(r)];
      EXPECT_EQ(RowTexts(table, r + 1), (std::vector<std::string>{row[0], row[1], row[2], row[3]}))
          << "row " << r;
    }
  }
}

// Header words set flush left in equal cells (LibreOffice, widths=equal): a
// summary's 合计 starts right of the 支出 labels under 支出功能分类 and ends
// before the right-aligned figures under it begin, so it overlaps no body
// chunk and its centre lies in the text column's band. The text column has
// its own header word at its edge: 合计 heads the next column (it was read
// as "支出功能分类合计" and the 合计 column lost its key, s1_0035_budget).
TEST(UnruledTableTest, FlushLeftHeaderRightOfATextColumnHeadsTheNextColumn) {
  PageContent page = A4Page(2);
  page.page.width = 842;  // landscape
  AddRun(page, "财政拨款收支总表", 200, 40);
  AddRun(page, "单位：元", 60, 64);
  AddRun(page, "收入", 60, 90);
  AddRun(page, "支出", 310, 90);
  AddRun(page, "项目", 60, 116);
  AddRun(page, "预算数", 180, 116);
  AddRun(page, "支出功能分类", 310, 116);
  AddRun(page, "合计", 425, 116);
  AddRun(page, "一般公共预算", 550, 116);
  const std::vector<std::array<std::string, 5>> rows = {
      {"一、一般公共预算拨款", "40,643,214.64", "一、一般公共服务支出", "15,991,226.74",
       "15,991,226.74"},
      {"二、政府性基金预算拨款", "", "二、教育支出", "24,651,987.90", "24,651,987.90"},
      {"本年收入合计", "40,643,214.64", "本年支出合计", "40,643,214.64", "40,643,214.64"}};
  double top = 142;
  for (const auto& row : rows) {
    AddRun(page, row[0], 60, top);
    if (!row[1].empty()) RightAligned(page, row[1], 295, top);
    AddRun(page, row[2], 310, top);
    RightAligned(page, row[3], 545, top);
    RightAligned(page, row[4], 665, top);
    top += 26;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  ASSERT_EQ(table.column_count, 5);
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(RowTexts(table, 0), (std::vector<std::string>{"收入", "", "支出", "", ""}));
  EXPECT_EQ(RowTexts(table, 1),
            (std::vector<std::string>{"项目", "预算数", "支出功能分类", "合计", "一般公共预算"}));
  EXPECT_EQ(RowTexts(table, 3),
            (std::vector<std::string>{"二、政府性基金预算拨款", "", "二、教育支出", "24,651,987.90",
                                      "24,651,987.90"}));
}

// A side-by-side summary under a 项目 | 金额 | 项目 | 金额 header: per line, the
// income label from 60, its amount ending at `income_right`, the expenditure
// label from `income_right` + 10 and its amount ending at `expenditure_right`.
struct SummaryLine {
  double top;
  std::string income, income_amount, expenditure, expenditure_amount;
};

PageContent SummaryPage(std::string_view unit, double income_right, double expenditure_right,
                        const std::vector<SummaryLine>& lines) {
  PageContent page = A4Page(2);
  AddRun(page, "财政拨款收支总表", 150, 40);
  AddRun(page, unit, 60, 64);
  AddRun(page, "项目", 60, 90);
  RightAligned(page, "金额", income_right, 90);
  AddRun(page, "项目", income_right + 10, 90);
  RightAligned(page, "金额", expenditure_right, 90);
  for (const SummaryLine& line : lines) {
    AddRun(page, line.income, 60, line.top);
    RightAligned(page, line.income_amount, income_right, line.top);
    AddRun(page, line.expenditure, income_right + 10, line.top);
    RightAligned(page, line.expenditure_amount, expenditure_right, line.top);
  }
  return page;
}

// The one table DetectTables finds on `page`; an empty one (no rows, no
// columns) when it finds none or several.
Table OnlyTable(const PageContent& page) {
  const std::vector<DetectedTable> tables = DetectTables(page);
  return tables.size() == 1 ? tables[0].table : Table{};
}

// A summary in narrow cells (s1_0240_final, s1_0292_final): labels and
// amounts wrap together, the amounts right after their point ("46." over
// "69", the point 1 em from the 支出 label beside it), and a row of labels
// only wraps too. The rests join their cells, the label rows stay rows.
TEST(UnruledTableTest, NarrowSummaryCellsWrapLabelsAndAmountsTogether) {
  const PageContent page =
      SummaryPage("单位：万元", 200, 330,
                  {{116, "一、一般公共预算", "46.", "一、一般公共服", "28."},
                   {128, "财政拨款", "69", "务支出", "74"},  // tight: the rest of each cell
                   {154, "二、政府性基金预", "", "", ""},
                   {166, "算财政拨款", "", "", ""},
                   {192, "三、事业收入", "", "", ""},
                   {218, "本年收入合计", "46.69", "本年支出合计", "46.69"},
                   {244, "总计", "46.69", "总计", "46.69"}});
  const Table table = OnlyTable(page);
  ASSERT_EQ(table.column_count, 4);
  ASSERT_EQ(table.row_count, 6);
  EXPECT_EQ(CompactRow(table, 1), (std::vector<std::string>{"一、一般公共预算财政拨款", "46.69",
                                                            "一、一般公共服务支出", "28.74"}));
  EXPECT_EQ(CompactRow(table, 2),
            (std::vector<std::string>{"二、政府性基金预算财政拨款", "", "", ""}));
  EXPECT_EQ(CompactRow(table, 3), (std::vector<std::string>{"三、事业收入", "", "", ""}));
  EXPECT_EQ(CompactRow(table, 4),
            (std::vector<std::string>{"本年收入合计", "46.69", "本年支出合计", "46.69"}));
}

// The same narrow summary with amounts cut after a group's comma
// ("42,107," over "319.14"): the comma ends a number as a point does, so
// the next cell's label, under a column gap away, is a chunk of its own.
// Run into that label, the cut amount was no figure, its line no row, and
// the row was lost above the table (s2w_0206_final). OCR reads that comma
// full-width ("29,026，" over "535.86", H25 s3w_0397_final): the same edge.
// A mark doubled at the cut (22,570,605.， over 29, H27 s3w_0418_final) on a page read by OCR:
// either mark may be the one printed.
struct CutComma {
  std::string comma;
  TextOrigin origin;
};
class AmountCutAfterItsCommaTest : public ::testing::TestWithParam<CutComma> {};

TEST_P(AmountCutAfterItsCommaTest, StaysApartFromTheNextLabel) {
  const std::string comma = GetParam().comma;
  PageContent page =
      SummaryPage("单位：元", 240, 420,
                  {{116, "一、一般公共预算", "42,107" + comma, "一、社会保障和", "26,574" + comma},
                   {128, "财政拨款", "319.14", "就业支出", "784.24"},
                   {154, "", "", "二、城乡社区支出", "15,532,534.90"},
                   {180, "本年收入合计", "42,107,319.14", "本年支出合计", "42,107,319.14"},
                   {206, "总计", "42,107,319.14", "总计", "42,107,319.14"}});
  page.page.text_origin = GetParam().origin;
  const Table table = OnlyTable(page);
  ASSERT_EQ(table.row_count, 5);  // the header and the four rows, each of four cells
  EXPECT_EQ(CompactRow(table, 1),
            (std::vector<std::string>{"一、一般公共预算财政拨款", "42,107" + comma + "319.14",
                                      "一、社会保障和就业支出", "26,574" + comma + "784.24"}));
  EXPECT_EQ(CompactRow(table, 2),
            (std::vector<std::string>{"", "", "二、城乡社区支出", "15,532,534.90"}));
}

INSTANTIATE_TEST_SUITE_P(Commas, AmountCutAfterItsCommaTest,
                         ::testing::Values(CutComma{",", TextOrigin::kTextLayer},
                                           CutComma{"，", TextOrigin::kTextLayer},
                                           CutComma{",，", TextOrigin::kOcr}));

// A cut head OCR misread, completed by its rest on an OCR page; a text layer prints its marks as
// they are. A group's comma inside the head read as a point (21,791.6 over 64.05 for
// 21,791,664.05, H29 s3w_0458_final): the point no two decimals follow is read as the comma. The
// comma after the leading digit lost (1407,230. over 41 for 1,407,230.41, H31 s3w_0487_final,
// where the page read every such amount so; 1157,887.7 over 9 for 1,157,887.79, cut one decimal
// in, H34 s3w_0538_budget): the head's digits are what the rest completes. Either way the two
// had stayed two rows, neither a figure, and the table was lines of text.
TEST(UnruledTableTest, OcrCutHeadMisreadIsCompletedByItsRest) {
  struct Case {
    const char* head;
    const char* rest;
    const char* other_side;  // the first expenditure row's amount
    const char* joined;
  };
  const Case cases[] = {{"42,107.3", "19.14", "26,574,784.24", "42,107.319.14"},
                        {"1407,230.", "41", "1,407,230.41", "1407,230.41"},
                        {"1407,230.4", "1", "1,407,230.41", "1407,230.41"}};
  for (const Case& c : cases) {
    for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
      SCOPED_TRACE(std::string(c.head) + (origin == TextOrigin::kOcr ? " ocr" : " text layer"));
      PageContent page =
          SummaryPage("单位：元", 240, 420,
                      {{116, "一、一般公共预算", c.head, "一、社会保障和", c.other_side},
                       {128, "财政拨款", c.rest, "就业支出", ""},
                       {154, "", "", "二、城乡社区支出", "15,532,534.90"},
                       {180, "本年收入合计", "42,107,319.14", "本年支出合计", "42,107,319.14"},
                       {206, "总计", "42,107,319.14", "总计", "42,107,319.14"}});
      page.page.text_origin = origin;
      const Table table = OnlyTable(page);
      const bool joined = table.row_count > 1 && CompactRow(table, 1).size() > 1 &&
                          CompactRow(table, 1)[1] == c.joined;
      EXPECT_EQ(joined, origin == TextOrigin::kOcr);
    }
  }
}

// A wrapped rest of one digit OCR read as a glyph shaped like one or as an ideograph (the 1 of
// 81,687.31 read 工 under 81,687.3, H30 s3w_0477_budget): ending where the amount above ends,
// it completes it, and the cell read again says which digit. A header word is no rest, nor is a
// text layer's ideograph.
TEST(UnruledTableTest, OcrOneDigitRestReadAsALookalike) {
  struct Case {
    const char* name;
    const char* rest;
    TextOrigin origin;
    bool joined;
  };
  const Case cases[] = {
      {"read right", "1", TextOrigin::kOcr, true},
      {"read 工", "工", TextOrigin::kOcr, true},
      {"read l", "l", TextOrigin::kOcr, true},
      {"a header word", "款", TextOrigin::kOcr, false},
      {"工 on a text layer", "工", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page =
        SummaryPage("单位：元", 240, 420,
                    {{116, "一、一般公共预算", "81,687.3", "一、农林水支出", "81,687.31"},
                     {128, "财政拨款", c.rest, "", ""},
                     {154, "", "", "二、城乡社区支出", "15,532,534.90"},
                     {180, "本年收入合计", "42,107,319.14", "本年支出合计", "42,107,319.14"},
                     {206, "总计", "42,107,319.14", "总计", "42,107,319.14"}});
    page.page.text_origin = c.origin;
    const Table table = OnlyTable(page);
    const bool joined = table.row_count > 1 && CompactRow(table, 1).size() > 1 &&
                        CompactRow(table, 1)[1] == std::string("81,687.3") + c.rest;
    EXPECT_EQ(joined, c.joined);
  }
}

// A class with no amount in any column (30206 | 电费, its figures blank) in a
// table whose codes have a column of their own: its code is a figure, but the
// row is a row of labels, not the table's end. Taken for the end, the rows
// under it (30231 and the 合计 row) were too few for a table and were lost as
// a paragraph, silently (s4w_0059_budget).
TEST(UnruledTableTest, ClassWithBlankAmountsDoesNotEndTheTable) {
  PageContent page = A4Page(2);
  AddRun(page, "一般公共预算基本支出表", 150, 40);
  AddRun(page, "单位：万元", 60, 64);
  // Code from 60, name from 130, amounts ending at 340 and 430; the header first.
  const std::vector<std::vector<std::string>> rows = {
      {"科目编码", "科目名称", "人员经费", "公用经费"},
      {"301", "工资福利支出", "1.88", ""},
      {"30101", "基本工资", "0.25", ""},
      {"302", "商品和服务支出", "", "0.52"},
      {"30206", "电费", "", ""},
      {"30231", "公务用车运行维护费", "", "0.52"},
      {"", "合计", "1.88", "0.52"}};
  double top = 90;
  for (const std::vector<std::string>& row : rows) {
    AddRun(page, row[0], 60, top);
    AddRun(page, row[1], 130, top);
    RightAligned(page, row[2], 340, top);
    RightAligned(page, row[3], 430, top);
    top += 26;
  }
  AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 10);
  const Table table = OnlyTable(page);
  ASSERT_EQ(table.row_count, 7);
  EXPECT_EQ(CompactRow(table, 4), (std::vector<std::string>{"30206电费", "", ""}));
  EXPECT_EQ(CompactRow(table, 5),
            (std::vector<std::string>{"30231公务用车运行维护费", "", "0.52"}));
  EXPECT_EQ(CompactRow(table, 6), (std::vector<std::string>{"合计", "1.88", "0.52"}));
}

// Justified prose whose lines hold amounts reads like rows; a line of it
// without an amount is no row of labels only: it ends a sentence (。). Taken
// as one, it carried the run on into the next paragraph, and across a page
// break (js_procuratorate_2018_budget_full p28-29 lost a narrative figure).
TEST(UnruledTableTest, ProseLineIsNoRowOfLabels) {
  PageContent page = A4Page(2);
  struct Line {
    std::string left, amount, right, right_amount;
  };
  const std::vector<Line> lines = {{"经费预算支出中，因公出国费支出", "100.00", "万元，占", ""},
                                   {"公”经费的", "20.65", "%；公务用车运行费支出", "267.80"},
                                   {"万元，占“三公”经费的", "", "55.30%；公务接待费支出", "116.50"},
                                   {"万元，占“三公”经费的24", "", "%。具体情况如下：", ""},
                                   {"1．因公出国（境）费预算支出", "100.00", "万元，与上年预", ""}};
  double top = 100;
  for (const Line& line : lines) {
    AddRun(page, line.left, 60, top);
    if (!line.amount.empty()) RightAligned(page, line.amount, 300, top);
    AddRun(page, line.right, 320, top);
    if (!line.right_amount.empty()) RightAligned(page, line.right_amount, 540, top);
    top += 26;
  }
  for (const DetectedTable& table : DetectTables(page)) {
    for (int k : table.glyph_indices) {
      EXPECT_LT(page.glyphs[static_cast<std::size_t>(k)].box.y0, 100 + 3 * 26 - 1);
    }
  }
}

// A table broken at a page foot may leave only its header and one or two rows
// on the page (s1_0171: 功能分类科目 … over "201 一般公共服务支出"; s1_0239: a
// header over 合计 and 201). Under the three rows a run needs they stayed
// paragraphs and their figures were lost; they are a table when a header line
// sits right above them, a row carries a code and nothing of several chunks
// follows on the page.
TEST(UnruledTableTest, HeaderAndShortRunAtThePageFootAreATable) {
  enum class After { kNothing, kRowOfText, kNote };
  struct Case {
    std::string name;
    std::vector<std::string> header;  // empty: a prose line above instead
    int rows;
    After line_after;  // what follows the rows on the page above its foot
    bool table;
    std::string label = "201一般公共服务支出";  // the first row's label
    bool column_numbers = false;                // a 栏次 1 2 row between header and rows
  };
  const std::vector<Case> cases = {
      {"header and one row",
       {"功能分类科目", "本年收入合计", "财政拨款收入", "其他收入"},
       1,
       After::kNothing,
       true},
      {"header and two rows",
       {"科目名称", "合计", "基本支出", "项目支出"},
       2,
       After::kNothing,
       true},
      {"rows not at the page foot",
       {"科目名称", "合计", "基本支出", "项目支出"},
       2,
       After::kRowOfText,
       false},
      // Rows at a page's top, a note under them: the page-break joining's.
      {"a note under the rows",
       {"科目名称", "合计", "基本支出", "项目支出"},
       2,
       After::kNote,
       false},
      {"no header above", {}, 1, After::kNothing, false},
      // No code: one row is too little to tell the columns (a lone 合计 under
      // a split 类/款/项 header read 科目名称 and 合计 as one column).
      {"a lone total without a code",
       {"科目名称", "合计", "基本支出", "项目支出"},
       1,
       After::kNothing,
       false,
       "合计"},
      // A 栏次 row under the header: the page-break joining's, which reads the columns from both
      // pages (split codes whose 款 and 项 are blank in the one row here made three columns too
      // few, and the table's rest on the next page stitched to nothing: s5w_0006_final).
      {"header, 栏次 and two rows",
       {"科目名称", "合计", "基本支出", "项目支出"},
       2,
       After::kNothing,
       false,
       "201一般公共服务支出",
       true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    AddRun(page, "表2 部门收入决算表", 200, 540);
    double top = 600;
    if (c.header.empty()) {
      AddRun(page, "本部门收入情况如下表所示。", 60, top);
    } else {
      AddRun(page, c.header[0], 60, top);
      for (std::size_t k = 1; k < c.header.size(); ++k)
        RightAligned(page, c.header[k], 340 + 90 * static_cast<double>(k - 1), top);
    }
    top += 18;
    if (c.column_numbers) {
      AddRun(page, "栏次", 60, top);
      RightAligned(page, "1", 340, top);
      RightAligned(page, "2", 430, top);
      top += 18;
    }
    const std::vector<UnruledRow> rows = {{c.label, {"262,484.33", "262,484.33"}},
                                          {"20101人大事务", {"96,761.74", "96,761.74"}}};
    for (int r = 0; r < c.rows; ++r) {
      AddRun(page, rows[r].label, 60, top);
      RightAligned(page, rows[r].figures[0], 340, top);
      RightAligned(page, rows[r].figures[1], 430, top);
      top += 18;
    }
    if (c.line_after == After::kRowOfText) {
      AddRun(page, "2010101行政运行", 60, top);
      AddRun(page, "说明文字", 300, top);
    } else if (c.line_after == After::kNote) {
      AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 20);
    }
    AddRun(page, "3", 290, 800);  // the page number
    const std::optional<Table> found = TheOneTable(DetectTables(page), c.table);
    if (!found) continue;
    const Table& table = *found;
    const int first_row = c.column_numbers ? 2 : 1;
    ASSERT_EQ(table.row_count, c.rows + first_row);
    EXPECT_EQ(table.TextAt(0, 0), c.header[0]);
    EXPECT_EQ(table.TextAt(first_row, 0), "201一般公共服务支出");
    const std::vector<std::string> first = RowTexts(table, first_row);
    EXPECT_EQ(std::count(first.begin(), first.end(), "262,484.33"), 2);
  }
}

// A summary broken at a page foot after its first two rows, the income lines under them printed
// with their amounts blank down to the foot (三、… 九、: the sweep's national template, a budget's
// s90wn_0029): two rows were under the three a run needs, and the header and both rows stayed
// paragraphs. Under a header line, with rows of labels to the foot, they are a table; without the
// header line, or with a line of text after the labels above the foot, they are not.
TEST(UnruledTableTest, TwoRowsAndLabelsToThePageFootAreATable) {
  struct Case {
    std::string name;
    bool header;
    bool text_after;
    bool table;
    const char* last_label = "五、事业收入";
  };
  // A wrapped title after the rows (2023年度一般公共预 at the foot, s35w_0068_final) is no row.
  const Case cases[] = {
      {"header, two rows, labels to the foot", true, false, true},
      {"no header line", false, false, false},
      {"text after the labels", true, true, false},
      {"a title's first line at the foot", true, false, false, "2023年度一般公共预"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    double top = 500;
    if (c.header) {
      AddRun(page, "项目", 60, top);
      RightAligned(page, "预算数", 300, top);
      AddRun(page, "支出功能分类", 320, top);
      RightAligned(page, "预算数", 540, top);
    } else {
      AddRun(page, "本部门收支情况如下。", 60, top);
    }
    top += 26;
    AddRun(page, "一、一般公共预算拨款收入", 60, top);
    RightAligned(page, "247.20", 300, top);
    AddRun(page, "教育支出", 320, top);
    RightAligned(page, "64.09", 540, top);
    top += 26;
    AddRun(page, "二、政府性基金预算拨款收入", 60, top);
    AddRun(page, "住房保障支出", 320, top);
    RightAligned(page, "183.11", 540, top);
    for (const char* label :
         {"三、国有资本经营预算拨款收入", "四、财政专户管理资金收入", c.last_label}) {
      top += 26;
      AddRun(page, label, 60, top);
    }
    if (c.text_after) AddRun(page, "注：本表金额单位转换时可能存在尾数误差。", 60, top + 26);
    AddRun(page, "3", 290, 800);  // the page number
    const std::optional<Table> found = TheOneTable(DetectTables(page), c.table);
    if (!found) continue;
    const Table& table = *found;
    EXPECT_EQ(table.TextAt(0, 0), "项目");
    EXPECT_EQ(table.row_count, 6);
    EXPECT_EQ(table.TextAt(5, 0), "五、事业收入");
  }
}

// A 栏次 row whose numbers a scan's page pass dropped (lone digits) is 栏次 alone over the body
// (H35 s3w_0550_budget, a three-line table): a one-chunk line ended the header search there, and
// the header words above it were lost with the table's column keys. It stays in the header.
TEST(UnruledTableTest, ColumnNumbersRowWithItsNumbersUnreadStaysInTheHeader) {
  for (const bool numbers : {true, false}) {
    SCOPED_TRACE(numbers ? "栏次 1 2" : "栏次 alone");
    // A three-line table's loose lines: one every 30 pt.
    PageContent page = A4Page(2);
    AddRun(page, "科目编码", 60, 100);
    AddRun(page, "科目名称", 200, 100);
    RightAligned(page, "合计", 380, 100);
    RightAligned(page, "一般公共预算拨款", 520, 100);
    AddRun(page, "款", 130, 130);  // 类 | 款 | 项 with its 类 unread
    AddRun(page, "项", 160, 130);
    AddRun(page, "栏次", 60, 160);
    if (numbers) {
      RightAligned(page, "1", 380, 160);
      RightAligned(page, "2", 520, 160);
    }
    const std::vector<UnruledRow> rows = {{"合计", {"262,484.33", "262,484.33"}},
                                          {"一般公共服务支出", {"262,484.33", "262,484.33"}},
                                          {"人大事务", {"96,761.74", "96,761.74"}}};
    double top = 190;
    for (const UnruledRow& row : rows) {
      AddRun(page, row.label, 200, top);
      RightAligned(page, row.figures[0], 380, top);
      RightAligned(page, row.figures[1], 520, top);
      top += 30;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    EXPECT_EQ(table.TextAt(0, 0).rfind("科目编码", 0), 0u) << table.TextAt(0, 0);
    EXPECT_EQ(table.row_count, 6);
  }
}

// A 栏次 row numbering ten or more columns, set in columns one digit wide, wraps its 10 as 1 over 0
// (the national income table in portrait sized to its content, s93wn_0079_budget): a line of
// lone digits ended the header search there, and the header above it was lost with the table's
// column keys. Digits tight under the 栏次 row's numbers are its wrapped rest.
TEST(UnruledTableTest, ColumnNumbersWrappedUnderTheirRowStayInTheHeader) {
  PageContent page = A4Page(2);
  AddRun(page, "科目名称", 60, 100);
  RightAligned(page, "合计", 380, 100);
  RightAligned(page, "基本支出", 450, 100);
  RightAligned(page, "项目支出", 520, 100);
  AddRun(page, "栏次", 60, 124);
  RightAligned(page, "8", 380, 124);
  RightAligned(page, "9", 450, 124);
  RightAligned(page, "1", 520, 124);
  RightAligned(page, "0", 520, 136);
  const std::vector<UnruledRow> rows = {
      {"合计", {"262,484.33", "200,000.00", "62,484.33"}},
      {"一般公共服务支出", {"262,484.33", "200,000.00", "62,484.33"}},
      {"人大事务", {"96,761.74", "96,761.74", ""}}};
  double top = 160;
  for (const UnruledRow& row : rows) {
    AddRun(page, row.label, 60, top);
    RightAligned(page, row.figures[0], 380, top);
    RightAligned(page, row.figures[1], 450, top);
    if (!row.figures[2].empty()) RightAligned(page, row.figures[2], 520, top);
    top += 24;
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  EXPECT_EQ(table.TextAt(0, 0), "科目名称");
  ASSERT_EQ(table.row_count, 5);
  EXPECT_EQ(CompactRow(table, 1), (std::vector<std::string>{"栏次", "8", "9", "10"}));
}

// The national template's 三公 table is columnar: one row of amounts under a header of two lines
// (合计 | 因公出国（境）费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费 | 公务接待费), no
// label at all (s91wn_0033_budget). Under the three rows a run needs, the whole table stayed a
// paragraph and its figures were lost without a finding. A lone row of amounts only, three or more,
// right under a header line is a table; fewer amounts, a label before them or prose above are not.
TEST(UnruledTableTest, LoneRowOfAmountsUnderAHeaderIsATable) {
  struct Case {
    std::string name;
    bool header;
    std::vector<std::string> amounts;
    std::string label;
    bool table;
  };
  const std::vector<Case> cases = {
      {"header and a row of six amounts",
       true,
       {"64.32", "7.96", "50.64", "0.00", "50.64", "5.72"},
       "",
       true},
      {"prose above", false, {"64.32", "7.96", "50.64", "0.00", "50.64", "5.72"}, "", false},
      {"two amounts", true, {"64.32", "7.96"}, "", false},
      {"a label before the amounts", true, {"64.32", "7.96", "50.64"}, "合计", false}};
  const double rights[] = {100, 180, 260, 340, 420, 500};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    if (c.header) {
      AddRun(page, "合计", 50, 100);  // flush left in its cell, left of the figures
      AddRun(page, "因公出国（境）费", 120, 100);
      AddRun(page, "公务用车购置及运行费", 230, 100);
      AddRun(page, "公务接待费", 450, 100);
      RightAligned(page, "小计", 260, 115);
      AddRun(page, "公务用车购置费", 280, 115);
      AddRun(page, "公务用车运行费", 370, 115);
    } else {
      AddRun(page, "本部门“三公”经费支出情况如下，单位为万元。", 60, 100);
    }
    if (!c.label.empty()) AddRun(page, c.label, 20, 140);
    for (std::size_t k = 0; k < c.amounts.size(); ++k) {
      RightAligned(page, c.amounts[k], rights[k], 140);
    }
    const std::optional<Table> found = TheOneTable(DetectTables(page), c.table);
    if (!found) continue;
    const Table& table = *found;
    ASSERT_GE(table.row_count, 2);
    std::vector<std::string> last_row;
    for (int col = 0; col < table.column_count; ++col) {
      const std::string text(table.TextAt(table.row_count - 1, col));
      if (!text.empty()) last_row.push_back(text);
    }
    EXPECT_EQ(last_row, c.amounts);
    // No label column: 合计 heads the first amounts, not an empty column of labels.
    for (int col = 0; col < table.column_count; ++col) {
      if (table.TextAt(table.row_count - 1, col) == "64.32") {
        EXPECT_EQ(table.TextAt(0, col), "合计");
      }
    }
  }
}

// The final accounts' 三公 table sets 预算数 and 决算数 side by side, each over six columns: the
// group line, then 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费 over 小计 |
// 购置费 | 运行维护费, each wrapped once, five header lines at the row pitch (s90wn_0010_final).
// With four the group line stayed a paragraph and every figure was keyed 决算数 or nothing. Five
// lines are one header; a sixth at the row pitch is not.
TEST(UnruledTableTest, GroupLineOverFourHeaderLinesStaysInTheHeader) {
  for (const int lines : {5, 6}) {
    SCOPED_TRACE(lines);
    PageContent page = A4Page(2);
    double top = 100;
    if (lines == 6) {
      AddRun(page, "编制部门 长沙市局", 60, top);  // two chunks: 编制部门 | 长沙市局
      page.glyphs.erase(page.glyphs.end() - 4, page.glyphs.end());
      AddRun(page, "长沙市局", 200, top);
      top += 20;
    }
    AddRun(page, "预算数", 60, top);
    AddRun(page, "决算数", 330, top);
    top += 20;
    for (const double x : {60.0, 330.0}) {
      AddRun(page, "合计", x, top);
      AddRun(page, "因公出国", x + 50, top);
      AddRun(page, "公务用车购置及运行维护费", x + 100, top, 8, 8);
      AddRun(page, "（境）费", x + 50, top + 20);
      AddRun(page, "小计", x + 100, top + 40);
      AddRun(page, "购置费", x + 150, top + 40);
      AddRun(page, "运行费", x + 200, top + 40);
      AddRun(page, "维护", x + 200, top + 60);
      AddRun(page, "接待费", x + 240, top + 60);
    }
    top += 80;
    for (const double x : {60.0, 330.0}) {
      RightAligned(page, "117.50", x + 45, top);
      RightAligned(page, "0.00", x + 95, top);
      RightAligned(page, "78.20", x + 145, top);
      RightAligned(page, "0.00", x + 195, top);
      RightAligned(page, "78.20", x + 245, top);
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    bool group_line = false;
    bool prefix = false;
    for (int c = 0; c < table.column_count; ++c) {
      group_line = group_line || RemoveAllWhitespace(std::string(table.TextAt(0, c))) == "预算数";
      prefix = prefix || Contains(table.TextAt(0, c), "编制部门");
    }
    EXPECT_TRUE(group_line);
    EXPECT_FALSE(prefix);
  }
}

// The final accounts' 三公 table in portrait at 12 pt wraps every header word a piece a line:
// 预算数 | 决算数, then one header row of eight lines set tight (因公 / 出国 / （境 / ）费, 公务 /
// 用车 / 购置 / 费), the last holding two words only (费 | 费), over one row of amounts
// (s92wn_0001_final). The run wanted three words on the line above the row, and the header took
// eight lines at most: the table was lost without a finding. A header is counted in rows, a
// row's wrapped lines as one; a lone row of amounts sits under a header whose lines hold three
// words on one of them.
TEST(UnruledTableTest, LoneRowUnderAHeaderWrappedOverManyLines) {
  PageContent page = A4Page(2);
  AddRun(page, "预算数", 60, 100);
  AddRun(page, "决算数", 330, 100);
  const std::vector<std::vector<std::string>> pieces = {{"合计", "因公", "公务", "公务"},
                                                        {"", "出国", "用车", "用车"},
                                                        {"", "（境", "购置", "运行"},
                                                        {"", "）费", "费", "维护"},
                                                        {"", "", "", "费"}};
  const double lefts[] = {60, 125, 190, 255};
  double top = 124;
  for (const std::vector<std::string>& line : pieces) {
    for (const double group : {0.0, 270.0}) {
      for (std::size_t k = 0; k < 4; ++k) {
        if (!line[k].empty()) AddRun(page, line[k], lefts[k] + group, top);
      }
    }
    top += 12;
  }
  top += 10;
  const char* amounts[] = {"8,906.09", "0.00", "9,363.73", "9,542.36"};
  for (const double group : {0.0, 270.0}) {
    for (std::size_t k = 0; k < 4; ++k) RightAligned(page, amounts[k], lefts[k] + group + 55, top);
  }
  const std::vector<DetectedTable> tables = DetectTables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = tables[0].table;
  bool group_line = false;
  for (int c = 0; c < table.column_count; ++c) {
    group_line = group_line || RemoveAllWhitespace(std::string(table.TextAt(0, c))) == "预算数";
  }
  EXPECT_TRUE(group_line);
}

// A ten-column income table in portrait wraps every fund's header word inside the word, one
// piece a line (一般 / 公共 / 预算 / 拨款), under a code header of its own (类 款 项): six lines
// set tight at the line pitch (s91wn_0007_budget, s91wn_0033_budget). Four lines were the most a
// header took, so 一般 and 公共 stayed a paragraph and the column read 预算拨款, a wrong key. Lines
// stacked at the pitch are one header row however many (up to twelve); a gap wider than a
// row's still ends the header.
TEST(UnruledTableTest, HeaderStackedOverSixLinesStaysWhole) {
  for (const bool gap_above_second : {false, true}) {
    SCOPED_TRACE(gap_above_second ? "a row's gap after the first line"
                                  : "seven lines at the pitch");
    PageContent page = A4Page(2);
    const std::vector<std::vector<std::string>> pieces = {
        {"编制部门", "", "", "局"}, {"科目编码", "合计", "一般", "政府"},
        {"", "", "公共", "性基"},   {"", "", "预算", "金预"},
        {"", "", "拨款", "算拨"},   {"", "", "", "款"},
        {"栏次", "1", "2", "3"}};
    const double lefts[] = {60, 300, 360, 420};
    double top = 100;
    for (std::size_t l = 0; l < pieces.size(); ++l) {
      for (std::size_t k = 0; k < 4; ++k) {
        if (!pieces[l][k].empty()) AddRun(page, pieces[l][k], lefts[k], top);
      }
      if (l == 2) AddRun(page, "名称", 150, top);  // a second header cell beside the codes
      top += (l == 0 && gap_above_second) ? 50 : 12;
    }
    top += 8;
    for (const char* label : {"合计", "212城乡社区支出", "21201城乡社区管理事务"}) {
      AddRun(page, label, 60, top);
      RightAligned(page, "1,410.40", 340, top);
      RightAligned(page, "1,410.40", 400, top);
      top += 20;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    std::string general;  // the header words over the second amount column, top down
    for (int r = 0; r < table.row_count; ++r) {
      if (table.TextAt(r, 2) == "1,410.40") break;
      general += RemoveAllWhitespace(std::string(table.TextAt(r, 2)));
    }
    EXPECT_EQ(general, "一般公共预算拨款2");
    // The first line is the header's when set tight, not over a gap wider than a row's.
    EXPECT_EQ(Contains(table.TextAt(0, 0), "编制部门"), !gap_above_second);
  }
}

// The national template's basic expenditure table sets three groups side by side (科目编码 |
// 科目名称 | 决算数 for 人员经费, then twice for 公用经费), so a full row prints three codes, three
// names and three amounts (s91wn_0006_final). A body row allowed two chunks besides its
// amounts; such rows were none, and the whole table stayed paragraphs with its figures lost
// silently. Groups of at most a code and a name, each ending in money, are a row too; a line
// whose words run on after its last amount is none.
TEST(UnruledTableTest, RowsOfThreeGroupsSideBySideAreATable) {
  struct Case {
    std::string name;
    bool text_after_last_amount;
    bool table;
  };
  for (const Case& c :
       {Case{"three groups", false, true}, Case{"words after the amounts", true, false}}) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    const double code_x[] = {40, 215, 390};
    const double rights[] = {200, 375, 550};
    const char* headers[] = {"科目编码", "科目名称", "决算数"};
    for (int g = 0; g < 3; ++g) {
      AddRun(page, headers[0], code_x[g], 100, 9, 9);
      AddRun(page, headers[1], code_x[g] + 45, 100, 9, 9);
      RightAligned(page, headers[2], rights[g], 100);
    }
    const std::vector<std::vector<std::string>> rows = {
        {"301", "工资福利", "2,803,427.72", "302", "商品服务", "523,639.82", "30211", "差旅费",
         "136,219.81"},
        {"30101", "基本工资", "426,170.88", "30201", "办公费", "31,794.34", "30217", "接待费",
         "107,710.83"},
        {"30102", "津贴补贴", "1,372,724.44", "30205", "水费", "57,985.24", "30231", "运行费",
         "160,611.03"}};
    double top = 124;
    for (const std::vector<std::string>& row : rows) {
      for (int g = 0; g < 3; ++g) {
        AddRun(page, row[3 * g], code_x[g], top, 9, 5);
        AddRun(page, row[3 * g + 1], code_x[g] + 45, top, 9, 9);
        RightAligned(page, row[3 * g + 2], rights[g], top);
      }
      if (c.text_after_last_amount) AddRun(page, "说明", 560, top, 9, 9);
      top += 24;
    }
    const std::optional<Table> found = TheOneTable(DetectTables(page), c.table);
    if (!found) continue;
    const Table& table = *found;
    EXPECT_EQ(table.row_count, 4);
    std::vector<std::string> last = RowTexts(table, 3);
    EXPECT_NE(std::find(last.begin(), last.end(), "160,611.03"), last.end());
    EXPECT_NE(std::find(last.begin(), last.end(), "1,372,724.44"), last.end());
  }
}

// The same groups in narrow equal columns (the national basic expenditure table in portrait,
// s94wn_0084_final, s94wn_0061_final, s93wn_0089_final): a group's code starts an em right of the
// amount before it. A code is digits, so it went to the amount column whose edge is nearest
// (13,085.41 302 in one cell), and a last group printing one row lost its name to its amount
// (工会经费3,306.69). A last group's codes wrapped in their narrow column (302 over 11, 302 over
// 17, s93wn_0089_final) are whole in their own cells. A group's code and name are the group's,
// never an amount cell's.
TEST(UnruledTableTest, NarrowGroupsKeepTheirCodesAndNamesApartFromTheAmounts) {
  struct Case {
    const char* name;
    std::vector<std::vector<std::string>> rows;  // code | name | amount per group
  };
  const Case cases[] = {
      {"last group of one row",
       {{"301", "工资福", "13,085.41", "302", "商品和", "9,859.90", "30228", "工会经", "3,306.69"},
        {"30103", "奖金", "9,642.09", "30217", "公务接", "6,553.21"},
        {"30110", "职工基", "3,443.32"},
        {"303", "对个人", "6,058.79"}}},
      {"last group's codes wrapped",
       {{"301", "工资福", "13,085.41", "302", "商品和", "9,859.90", "30211", "差旅费", "526.91"},
        {"30103", "奖金", "9,642.09", "30201", "办公费", "6,553.21", "30217", "接待费", "63.38"},
        {"30110", "职工基", "3,443.32", "30205", "水费", "364.01", "30231", "运行费", "360.34"},
        {"303", "对个人", "6,058.79"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    const double code_x[] = {51, 216, 380};
    const double rights[] = {205, 369, 534};
    for (int g = 0; g < 3; ++g) {
      AddRun(page, "科目编", code_x[g], 100);
      AddRun(page, "科目名", code_x[g] + 55, 100);
      RightAligned(page, "决算数", rights[g], 100);
    }
    double top = 124;
    for (const std::vector<std::string>& row : c.rows) {
      for (std::size_t g = 0; 3 * g < row.size(); ++g) {
        const std::string& code = row[3 * g];
        // In the last group's narrow code column a five-digit code wraps after its class.
        const bool wraps =
            g == 2 && code.size() == 5 && std::string_view(c.name) != "last group of one row";
        AddRun(page, wraps ? code.substr(0, 3) : code, code_x[g], top, 10, 5.5);
        if (wraps) AddRun(page, code.substr(3), code_x[g], top + 13.5, 10, 5.5);
        AddRun(page, row[3 * g + 1], code_x[g] + 55, top);
        RightAligned(page, row[3 * g + 2], rights[g], top);
      }
      top += 30;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    ASSERT_EQ(table.row_count, 5);
    for (int r = 1; r < table.row_count; ++r) {
      const std::vector<std::string>& printed = c.rows[static_cast<std::size_t>(r - 1)];
      const std::vector<std::string> cells = CompactRow(table, r);
      SCOPED_TRACE(printed.front());
      // Every amount, and every later group's code and name, is a cell of its own.
      for (std::size_t k = 2; k < printed.size(); ++k) {
        EXPECT_NE(std::find(cells.begin(), cells.end(), printed[k]), cells.end()) << printed[k];
      }
    }
  }
}

// A group header over the columns its words below head, with no rule to say so:
// 公务用车购置及运行维护费 over 小计 | 公务用车购置费 | 公务用车运行维护费 (the national 三公
// table, s90wn_0001_final), centred or set flush left as a merged cell's text is. Its glyphs
// crossed a band's edge and it was cut there, 公务用车购置 over 小计 and 及运行维护费 over 购置费:
// the columns keyed the purchase and nothing. It is one cell spanning the columns under it. Two
// cells' words set close on one line with nothing under them are still cut at the band.
TEST(UnruledTableTest, GroupHeaderOverItsColumnsSpansThem) {
  struct Case {
    const char* name;
    double x;  // where the group word starts
    bool words_below;
    int span;
    TextOrigin origin = TextOrigin::kTextLayer;
  };
  for (const Case& c : {Case{"centred", 342, true, 3}, Case{"flush left", 318, true, 3},
                        Case{"one header line", 342, false, 1},
                        Case{"read by OCR", 342, true, 1, TextOrigin::kOcr}}) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(2);
    page.page.text_origin = c.origin;
    // Columns right-aligned at 240, 330, 420, 510, 580; 合计 over the first.
    RightAligned(page, "合计", 240, 100);
    AddRun(page, "公务用车购置及运行维护费", c.x, 100, 10, 12);
    AddRun(page, "公务接待费", 540, 100, 10, 8);
    if (c.words_below) {
      RightAligned(page, "小计", 330, 124);
      RightAligned(page, "购置费", 420, 124);
      RightAligned(page, "运行维护费", 510, 124);
    }
    double top = c.words_below ? 148 : 124;
    for (const char* label : {"一、基本支出", "二、项目支出", "合计"}) {
      AddRun(page, label, 60, top);
      for (const double right : {240.0, 330.0, 420.0, 510.0, 580.0}) {
        RightAligned(page, "1,234.50", right, top);
      }
      top += 24;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    const TableCell* group = nullptr;
    for (const TableCell& cell : table.cells) {
      if (Contains(cell.text, "公务用车")) {
        group = &cell;
        break;
      }
    }
    ASSERT_NE(group, nullptr);
    EXPECT_EQ(group->column_span, c.span);
    if (c.span > 1) {
      EXPECT_EQ(RemoveAllWhitespace(group->text), "公务用车购置及运行维护费");
      EXPECT_EQ(group->column, 2);  // over 小计, the second amount column
    }
  }
}

TEST(UnruledTableTest, TableOfContentsAndProseAreNotTables) {
  PageContent toc = A4Page(2);
  AddRun(toc, "目录", 250, 60);
  double top = 100;
  for (const char* entry : {"一、收入支出决算总表……………………", "二、收入决算表……………………",
                            "三、支出决算表……………………", "四、财政拨款收入支出决算总表………"}) {
    AddRun(toc, entry, 60, top);
    RightAligned(toc, "12", 440, top);
    top += 18;
  }
  EXPECT_TRUE(DetectTables(toc).empty());

  PageContent prose = A4Page(2);
  AddRun(prose, "本年收入合计2,946.25万元，其中：财政拨款收入2,940.05万元，", 60, 100);
  AddRun(prose, "占99.79%；其他收入6.20万元，占0.21%。本年支出合计2,940.05", 60, 118);
  AddRun(prose, "万元，其中：基本支出2,336.91万元，项目支出603.14万元。", 60, 136);
  EXPECT_TRUE(DetectTables(prose).empty());

  // Page numbers are figures but not money: a list of them is no table.
  PageContent list = A4Page(2);
  top = 100;
  for (const char* entry : {"第一部分", "第二部分", "第三部分", "第四部分"}) {
    AddRun(list, entry, 60, top);
    RightAligned(list, "3", 440, top);
    top += 18;
  }
  EXPECT_TRUE(DetectTables(list).empty());
}

// OCR reads the point that ends a cut amount as a comma as often as not ("997,019，" over "92",
// s3w_0139_final): on a page read by OCR the rest completes it either way; on a text layer the
// printed comma is what it is, and "2,789,270," + "19" is no amount.
TEST(UnruledTableTest, OcrCutPointReadAsACommaStillTakesItsRest) {
  for (const bool ocr : {true, false}) {
    SCOPED_TRACE(ocr ? "page read by OCR" : "text layer");
    const PageContent page = WrapPage({"2,789,270.", "2,789,270，", ""}, {"19", "19", ""},
                                      ocr ? TextOrigin::kOcr : TextOrigin::kTextLayer);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    if (ocr) {
      ASSERT_EQ(table.row_count, 4);
      EXPECT_EQ(CompactRow(table, 2),
                (std::vector<std::string>{"20101人大事务", "2,789,270.19", "2,789,270，19", ""}));
    } else {
      // The "19" under the comma is no rest: the line is no tail, and the comma's amount
      // never takes it.
      for (const TableCell& cell : table.cells)
        EXPECT_NE(RemoveAllWhitespace(cell.text), "2,789,270，19");
    }
  }
}

// The rest's point read as a comma (9,137,522 over ,31, H26 s3w_0410_budget): a rest after a
// comma has three digits, so ",31" under an integer can only be its decimals. On a page read by
// OCR it completes the amount; it had been taken for a wrapped label, the label cell grew over
// the amounts and was read as 20103509,137,522.31. A text layer's comma is what was printed.
TEST(UnruledTableTest, OcrRestPointReadAsACommaStillCompletesItsAmount) {
  for (const bool ocr : {true, false}) {
    SCOPED_TRACE(ocr ? "page read by OCR" : "text layer");
    const PageContent page = WrapPage({"2,789,270", "2,789,270", ""}, {",19", ".19", ""},
                                      ocr ? TextOrigin::kOcr : TextOrigin::kTextLayer);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const Table& table = tables[0].table;
    const std::vector<std::string> row = CompactRow(table, 2);
    ASSERT_GE(row.size(), 3u);
    if (ocr) {
      ASSERT_EQ(table.row_count, 4);
      EXPECT_EQ(row[0], "20101人大事务");
      EXPECT_EQ(row[1], "2,789,270,19");
      EXPECT_EQ(row[2], "2,789,270.19");
    } else {
      EXPECT_NE(row[1], "2,789,270,19");
    }
  }
}

// Rows whose amounts wrapped in narrow cells, their rests unread (OCR reads no lone "4" under
// "4,761.0"): each row stands a line further below the one above than the row pitch allows.
// A row that stops where a wrapped amount's first line does keeps the table going
// (s3w_0058_budget, s3w_0139_final: the table ended at the first such row, its other rows lost
// as paragraphs); rows of whole amounts so far apart stay apart.
TEST(UnruledTableTest, RowsWhoseWrappedRestsWereNotReadStayInOneTable) {
  struct Case {
    const char* name;
    std::vector<std::string> amounts;  // one a row, in the 合计 column
    std::size_t tables;
    int rows;  // of the table, when there is one
  };
  const std::vector<Case> cases = {
      {"rests after the point unread", {"4,761.0", "14,620.", "9,137.6", "5,482.6"}, 1, 5},
      {"rests inside the integer unread", {"2,639,65", "1,578,49", "997,019.", "64,141.4"}, 1, 5},
      {"whole amounts as far apart", {"4,761.04", "14,620.35", "9,137.67", "5,482.68"}, 0, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(3);
    page.page.text_origin = TextOrigin::kOcr;
    AddRun(page, "科目名称", 60, 100);
    RightAligned(page, "合计", 340, 100);
    RightAligned(page, "基本支出", 430, 100);
    const std::vector<std::string> labels = {"201一般公共服务支出", "220自然资源支出",
                                             "2200501行政运行", "2200504气象事业机构"};
    double top = 118;
    for (std::size_t r = 0; r < labels.size(); ++r) {
      AddRun(page, labels[r], 60, top);
      RightAligned(page, c.amounts[r], 340, top);
      RightAligned(page, "1,000.00", 430, top);
      top += 46;  // 34 pt apart: 2.8 lines of 12 pt
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), c.tables);
    if (c.tables == 1) {
      EXPECT_EQ(tables[0].table.row_count, c.rows);
      EXPECT_EQ(CompactRow(tables[0].table, c.rows - 1)[0], "2200504气象事业机构");
    }
  }
}

// A side-by-side summary without rules on `page`: a line of five cells from `top` every 30 pt,
// the header first. Cells 0 and 2 (the two sides' labels) start at 40 and 270; cells 1, 3 and 4
// (amounts, a 行次) end at `rights`.
using FiveCells = std::array<const char*, 5>;
void AddSummaryLines(PageContent& page, const std::vector<FiveCells>& lines,
                     const std::array<double, 3>& rights, double top = 60) {
  for (const FiveCells& line : lines) {
    AddRun(page, line[0], 40, top);
    RightAligned(page, line[1], rights[0], top);
    AddRun(page, line[2], 270, top);
    RightAligned(page, line[3], rights[1], top);
    RightAligned(page, line[4], rights[2], top);
    top += 30;
  }
}

// A side-by-side summary with 行次 columns: under its blank amounts a row prints nothing but
// its 行次, and OCR misread one (11 as 二 or ]1). The row stopped being a body row, the table
// split there, and the lower half took the misread row for its header (H11 s3w_0171_final,
// s3w_0168_final). Where the rows above and below print a figure, such a mark is a figure
// misread: one table. A text layer's glyphs are what was printed: an ideograph there stays one.
TEST(UnruledTableTest, OcrMisreadRowNumberKeepsTheSummaryWhole) {
  struct Case {
    const char* name;
    const char* row_number;  // of 四、事业收入, as read
    TextOrigin origin;
    std::size_t tables;
  };
  const Case cases[] = {
      {"read right", "11", TextOrigin::kOcr, 1},
      {"read as an ideograph", "二", TextOrigin::kOcr, 1},
      {"read as marks", "]1", TextOrigin::kOcr, 1},
      {"an ideograph on a text layer", "二", TextOrigin::kTextLayer, 2},
      // A speck glued to the digits, read as a sign of its own (1工, H25 s3w_0394_final).
      {"read with a mark glued to it", "11工", TextOrigin::kOcr, 1},
      {"a mark glued to it on a text layer", "11工", TextOrigin::kTextLayer, 2},
      // Two marks read into it (款 11 read 1】1L, H34 s3w_0538_budget).
      {"read with two marks in it", "1】1L", TextOrigin::kOcr, 1},
      {"two marks in it on a text layer", "1】1L", TextOrigin::kTextLayer, 2},
      {"one digit and three marks", "1】]L", TextOrigin::kOcr, 2},
      // A Latin letter no digit looks like (a 行次 2 read N, H28 s3w_0441_budget).
      {"read as a letter", "N", TextOrigin::kOcr, 1},
      {"a letter on a text layer", "N", TextOrigin::kTextLayer, 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(3);
    page.page.text_origin = c.origin;
    AddSummaryLines(page,
                    {{"项目", "金额", "项目", "行次", "金额"},
                     {"一、一般公共预算财政拨款", "17.34", "城乡社区支出", "8", "9.24"},
                     {"二、政府性基金预算财政拨款", "", "住房保障支出", "9", "8.10"},
                     {"三、上级补助收入", "", "", "10", ""},
                     {"四、事业收入", "", "", c.row_number, ""},
                     {"五、其他收入", "", "", "12", ""},
                     {"本年收入合计", "17.34", "本年支出合计", "13", "17.34"},
                     {"总计", "17.34", "总计", "14", "17.34"}},
                    {250, 430, 530});
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), c.tables);
    if (c.tables == 1) {
      const Table& table = tables[0].table;
      ASSERT_EQ(table.row_count, 8);
      EXPECT_EQ(CompactRow(table, 0)[0], "项目");
      EXPECT_EQ(CompactRow(table, 4)[0], "四、事业收入");
      EXPECT_EQ(CompactRow(table, 7)[0], "总计");
    }
  }
}

// A table of split codes whose 项目支出 amounts wrap (92,356.2 over 9) and whose last two rows'
// 款 11 chi_sim read 工 and 了 (H30 s3w_0477_budget): a row under the 工 is none, only wrapped
// rests and the 了 row, so the 工 had a figure column on one side only, and the 了 stood more
// than three lines from the figure above it when the rests counted as lines. Both rows were
// lost as paragraphs. A row printing amounts in two columns makes a lone ideograph in a column
// of figures a figure misread, and a wrapped rest is part of its row, no line between rows.
TEST(UnruledTableTest, OcrCodeReadAsAnIdeographInTheLastRowsOverWrappedAmounts) {
  struct Case {
    const char* name;
    const char* first_kuan;  // 款 of the last two rows, as read
    const char* second_kuan;
    TextOrigin origin;
    int rows;  // body rows in the table
  };
  const Case cases[] = {
      {"read right", "11", "11", TextOrigin::kOcr, 7},
      {"read 工 and 了", "工", "了", TextOrigin::kOcr, 7},
      // Misread in every row after the first (11 read 1】1L, then 11L: H34 s3w_0538_budget): the
      // last row's piece stands more than three lines from a figure read as one, and continues
      // the column the pieces above it, once marked, make.
      {"read 1】1L and 11L", "1】1L", "11L", TextOrigin::kOcr, 7},
      {"工 and 了 on a text layer", "工", "了", TextOrigin::kTextLayer, 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(3);
    page.page.text_origin = c.origin;
    AddRun(page, "类", 51, 60);
    AddRun(page, "款", 146, 60);
    AddRun(page, "项", 177, 60);
    AddRun(page, "科目名称", 210, 60);
    RightAligned(page, "合计", 407, 60);
    RightAligned(page, "基本支出", 469, 60);
    RightAligned(page, "项目支出", 533, 60);
    struct Row {
      const char* kuan;
      const char* xiang;
      const char* name;
      const char* total;
      const char* basic;
      const char* project_head;
      const char* project_rest;
    };
    const Row rows[] = {
        {"01", "", "人大事务", "206,447.22", "89,524.99", "116,922.", "23"},
        {"01", "01", "行政运行", "132,592.35", "41,802.27", "90,790.0", "8"},
        {"01", "02", "一般行政管理事务", "73,854.87", "47,722.72", "26,132.1", "5"},
        {c.first_kuan, "", "纪检监察事务", "96,358.89", "4,002.60", "92,356.2", "9"},
        {c.second_kuan, "01", "行政运行", "96,358.89", "4,002.60", "92,356.2", "9"},
        {c.second_kuan, "02", "一般行政管理事务", "96,358.89", "4,002.60", "92,356.2", "9"},
        {c.second_kuan, "03", "机关服务", "96,358.89", "4,002.60", "92,356.2", "9"}};
    double top = 90;
    for (const Row& row : rows) {
      AddRun(page, "201", 51, top);
      AddRun(page, row.kuan, 147, top, 10, 5);  // a digit's width: 1】1L stays in its column
      AddRun(page, row.xiang, 177, top);
      AddRun(page, row.name, 210, top);
      RightAligned(page, row.total, 407, top);
      RightAligned(page, row.basic, 469, top);
      RightAligned(page, row.project_head, 533, top);
      RightAligned(page, row.project_rest, 533, top + 12);
      top += 40;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_GE(tables.size(), 1u);
    const Table& table = tables[0].table;
    int body = 0;
    for (int r = 0; r < table.row_count; ++r) {
      if (CompactRow(table, r)[0] == "201") ++body;
    }
    EXPECT_EQ(body, c.rows);
  }
}

// Whether the first table found keeps a summary's header (项目 …) with the row labelled from
// `label` on right under it.
bool KeepsItsHeaderOverItsFirstRow(const std::vector<DetectedTable>& tables,
                                   std::string_view label) {
  if (tables.empty() || tables[0].table.row_count < 2) return false;
  const Table& table = tables[0].table;
  return CompactRow(table, 0)[0] == "项目" && CompactRow(table, 1)[0].rfind(label, 0) == 0;
}

// A summary's first row whose 行次 7 chi_sim read 了 (its income side's 行次 lost), over rows
// whose labels wrap and whose next 行次 is misread too (H14 s3w_0213_budget): the nearest figure
// under the 了 stands four lines down, past two wrapped labels' rests. A rest is no line between
// rows: the 了 is a figure, the row a body row, and the summary keeps its first row and header.
// A text layer's 了 is what was printed.
TEST(UnruledTableTest, OcrRowNumberReadAsAnIdeographAboveWrappedLabels) {
  struct Case {
    const char* name;
    const char* row_number;
    TextOrigin origin;
    bool whole;  // the first row stays in the table under the header
  };
  const Case cases[] = {
      {"read right", "7", TextOrigin::kOcr, true},
      {"read 了", "了", TextOrigin::kOcr, true},
      {"read 了 on a text layer", "了", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(6);
    page.page.text_origin = c.origin;
    AddSummaryLines(
        page,
        {{"项目", "预算数", "支出功能分类", "行次", "预算数"},
         {"一、一般公共预算拨款收", "12,516.07", "城乡社区支出", c.row_number, "8,655.96"},
         {"二、政府性基金预算拨款", "", "二、农林水支出", "ID", "3,860.11"},
         {"三、事业收入", "", "", "9", ""},
         {"四、其他收入", "", "", "10", ""},
         {"本年收入合计", "12,516.07", "本年支出合计", "11", "12,516.07"},
         {"收入总计", "12,516.07", "支出总计", "12", "12,516.07"}},
        {250, 430, 530});
    AddRun(page, "入", 40, 90 + 13);
    AddRun(page, "收入", 40, 120 + 13);
    EXPECT_EQ(KeepsItsHeaderOverItsFirstRow(DetectTables(page), "一、一般公共预算拨款收"), c.whole);
  }
}

// A summary whose labels wrap, its income side's 行次 lost and its first two rows' expenditure
// 行次 8 and 9 read Co and 让 (H30 s3w_0479_final): under the header no figure stands above
// them, and the second row prints one amount only. Where a column of figures runs below a mark
// no digit looks like, in a row printing money, it is a figure misread: the rows stay in the
// summary. Three Latin letters are a word, and a text layer's glyphs are as printed.
TEST(UnruledTableTest, OcrRowNumbersOfASummarysFirstRowsReadAsLettersOrAnIdeograph) {
  struct Case {
    const char* name;
    const char* first;  // 行次 of the first two rows, as read
    const char* second;
    TextOrigin origin;
    bool whole;  // the first row stays in the table under the header
  };
  const Case cases[] = {
      {"read right", "8", "9", TextOrigin::kOcr, true},
      {"read Co and 让", "Co", "让", TextOrigin::kOcr, true},
      {"read as a word", "Cox", "让", TextOrigin::kOcr, false},
      {"Co and 让 on a text layer", "Co", "让", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(1);
    page.page.text_origin = c.origin;
    AddSummaryLines(page,
                    {{"项目", "金额", "项目（按功能分类）", "行次", "金额"},
                     {"一、一般公共预", "3,167.51", "一、一般公共服", c.first, "693.16"},
                     {"二、政府性基金", "", "二、教育支出", c.second, "460.32"},
                     {"三、上级补助收入", "", "三、自然资源海洋气象等支出", "10", "2,014.03"},
                     {"四、事业收入", "", "", "11", ""},
                     {"本年收入合计", "3,167.51", "本年支出合计", "12", "3,167.51"},
                     {"总计", "3,167.51", "总计", "13", "3,167.51"}},
                    {250, 430, 530});
    AddRun(page, "算财政拨款收入", 40, 90 + 13);
    AddRun(page, "务支出", 270, 90 + 13);
    AddRun(page, "预算财政拨款收入", 40, 120 + 13);
    EXPECT_EQ(KeepsItsHeaderOverItsFirstRow(DetectTables(page), "一、一般公共预"), c.whole);
  }
}

// A summary with a 行次 column on each side, the income side's 行次 read on the first row only,
// as 卢, and the expenditure side's 行次 of that row lost (H31 s3w_0482_final): no figure stands
// over or under the 卢, and the row, three chunks of text, was lost with its amounts. The header
// names the column 行次: in a row printing money the mark under it is a figure misread. Under
// another header word, or on a text layer, it stays what was read.
TEST(UnruledTableTest, OcrRowNumberUnderItsHeaderWithNoFigureBesideIt) {
  struct Case {
    const char* name;
    const char* header;  // over the income side's 行次
    TextOrigin origin;
    bool whole;  // the first row stays in the table under the header
  };
  const Case cases[] = {
      {"under 行次", "行次", TextOrigin::kOcr, true},
      {"under 行", "行", TextOrigin::kOcr, true},
      {"under another word", "说明", TextOrigin::kOcr, false},
      {"on a text layer", "行次", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(1);
    page.page.text_origin = c.origin;
    struct Row {
      const char* income;
      const char* income_number;
      const char* income_amount;
      const char* expenditure;
      const char* expenditure_number;
      const char* expenditure_amount;
    };
    const Row rows[] = {
        {"项目", c.header, "金额", "项目（按功能分类）", "行次", "金额"},
        {"一、一般公共预算财政拨款", "卢", "21,291,744.49", "一、卫生健康支出", "",
         "21,291,744.49"},
        {"二、政府性基金预算财政拨款", "", "", "", "", ""},
        {"三、上级补助收入", "", "", "", "10", ""},
        {"四、事业收入", "", "", "", "11", ""},
        {"五、其他收入", "", "", "", "12", ""},
        {"本年收入合计", "", "21,291,744.49", "本年支出合计", "13", "21,291,744.49"},
        {"总计", "7", "21,291,744.49", "总计", "14", "21,291,744.49"}};
    double top = 60;
    for (const Row& row : rows) {
      AddRun(page, row.income, 40, top);
      RightAligned(page, row.income_number, 215, top);
      RightAligned(page, row.income_amount, 310, top);
      AddRun(page, row.expenditure, 320, top);
      RightAligned(page, row.expenditure_number, 470, top);
      RightAligned(page, row.expenditure_amount, 560, top);
      top += 30;
    }
    EXPECT_EQ(KeepsItsHeaderOverItsFirstRow(DetectTables(page), "一、一般公共预算财政拨款"),
              c.whole);
  }
}

// An amount OCR read with marks glued to it (TI2,654,847.94 for 12,654,847.94) made its row of
// a side-by-side summary three chunks of text and no body row: the summary's first rows were
// lost as paragraphs (H12 s3w_0191_budget). On an OCR'd page the amount under the marks is
// money; a digit more is no mark, and a text layer's glyphs are as printed.
TEST(UnruledTableTest, OcrAmountWithGluedMarksKeepsItsRow) {
  struct Case {
    const char* name;
    const char* amount;
    TextOrigin origin;
    int rows;  // of the one table
  };
  const Case cases[] = {
      {"read right", "12,654,847.94", TextOrigin::kOcr, 6},
      {"marks before", "TI2,654,847.94", TextOrigin::kOcr, 6},
      {"a mark after", "12,654,847.94]", TextOrigin::kOcr, 6},
      {"a speck before", "。12,654,847.94", TextOrigin::kOcr, 6},
      {"three marks", "TII2,654,847.94", TextOrigin::kOcr, 3},
      // Letters no digit looks like, before an amount that lost its comma (JT4.99 for 14.99,
      // H25 s3w_0395_budget): a column of amounts runs through it.
      {"letters before an amount without its comma", "JK12654847.94", TextOrigin::kOcr, 6},
      {"three letters before it", "JKX12654847.94", TextOrigin::kOcr, 3},
      {"letters before it on a text layer", "JK12654847.94", TextOrigin::kTextLayer, 3},
      {"marks on a text layer", "TI2,654,847.94", TextOrigin::kTextLayer, 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(4);
    page.page.text_origin = c.origin;
    AddSummaryLines(
        page,
        {{"项目", "预算数", "支出功能分类", "合计", "一般公共预算"},
         {"一、一般公共预算拨款", "48,135,088.14", "一、一般公共服务支出", "19,595,874.71",
          "19,595,874.71"},
         {"二、政府性基金预算拨款", "", "教育支出", "12,654,847.94", c.amount},
         {"", "", "三、科学技术支出", "11,091,745.66", "11,091,745.66"},
         {"", "", "四、农林水支出", "4,792,619.83", "4,792,619.83"},
         {"本年收入合计", "48,135,088.14", "本年支出合计", "48,135,088.14", "48,135,088.14"}},
        {250, 440, 560});
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].table.row_count, c.rows);
  }
}

// An amount whose first comma OCR read as another sign (1二117,848.35 for 1,117,848.35), or its
// first digit and comma (二117,848.35), was no figure: its row stopped being a body row, and a
// table of four rows, split there, was lost as paragraphs (H14 s3w_0220_final). Read as a comma,
// or dropped before the amount, the mark leaves a well-formed amount, and a column of amounts
// runs through it: money. A mark for a digit leaves a group of four, and a text layer's glyphs
// are as printed. So is an amount of digits and marks only whose grouping is wrong: its cell is
// read again with the numeric set, and a reading still misgrouped is a finding.
TEST(UnruledTableTest, OcrAmountWithOneMisreadMarkKeepsItsRow) {
  struct Case {
    const char* name;
    const char* amount;
    TextOrigin origin;
    bool whole;  // one table holds the four rows and the header
  };
  const Case cases[] = {
      {"read right", "1,117,848.35", TextOrigin::kOcr, true},
      {"a comma read 二", "1二117,848.35", TextOrigin::kOcr, true},
      {"a comma read as a letter", "1l117,848.35", TextOrigin::kOcr, true},
      {"the first digit and comma read 二", "二117,848.35", TextOrigin::kOcr, true},
      {"a digit read 二", "1二17,848.35", TextOrigin::kOcr, false},
      // The first digit read 了 and the comma as a digit (了7196.03 for 7,196.03, H26
      // s3w_0403_final): no group mark left, but the decimals and the column make it money.
      {"a mark glued to an amount without its comma", "了1117848.35", TextOrigin::kOcr, true},
      {"a mark glued to an integer without its comma", "了1117848", TextOrigin::kOcr, false},
      {"a mark glued, no comma, on a text layer", "了1117848.35", TextOrigin::kTextLayer, false},
      {"a comma read 二 on a text layer", "1二117,848.35", TextOrigin::kTextLayer, false},
      // Two points, a comma doubled as a point and one lost (9,.801607.04 for 9,801,607.04, H28
      // s3w_0432_final): digits and marks only, two decimals, a column through it.
      {"a mark doubled and a comma lost", "1,.117848.35", TextOrigin::kOcr, true},
      {"a comma read as a point, one lost", "1.117848.35", TextOrigin::kOcr, true},
      {"a mark doubled on a text layer", "1,.117848.35", TextOrigin::kTextLayer, false},
      {"a mark doubled, no decimals", "1,.117.848", TextOrigin::kOcr, false},
      // A comma read as a semicolon and a digit echoed after it (1;3578.12 for 1,578.12, H31
      // s3w_0483_final).
      {"a comma read ; and a digit echoed", "1;1117848.35", TextOrigin::kOcr, true},
      {"a comma read ; on a text layer", "1;1117848.35", TextOrigin::kTextLayer, false},
      // Digits read as look-alikes, in their place or echoed (了.35, 7了.68 for 7.35 and 7.68,
      // H28 s3w_0433_budget): with them as digits or dropped, an amount with a point.
      {"a digit read 了", "1,117,8了8.35", TextOrigin::kOcr, true},
      {"the only whole digit read 了", "了.35", TextOrigin::kOcr, true},
      {"a digit echoed as 了", "7了.35", TextOrigin::kOcr, true},
      {"three look-alikes", "了了了.35", TextOrigin::kOcr, false},
      {"a digit read 了 on a text layer", "了.35", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(5);
    page.page.text_origin = c.origin;
    // The labels wrap in their narrow cell, and OCR read one code apart from its name, as the
    // scan's were.
    const struct {
      const char* code;
      const char* label;
      const char* rest;
      const char* total;
    } rows[] = {{"", "合计", "", "1,117,848.35"},
                {"", "208社会保障和就业支出", "", "1,117,848.35"},
                {"20805", "行政事业单位养老支", "出", c.amount},
                {"", "2080506机关事业单位职", "业年金缴费支出", "1,117,848.35"}};
    AddRun(page, "功能分类科目", 50, 60);
    RightAligned(page, "合计", 290, 60);
    RightAligned(page, "基本支出", 410, 60);
    RightAligned(page, "项目支出", 530, 60);
    double top = 82;
    for (const auto& row : rows) {
      if (*row.code != '\0') AddRun(page, row.code, 50, top);
      AddRun(page, row.label, *row.code != '\0' ? 110 : 50, top);
      RightAligned(page, row.total, 290, top);
      RightAligned(page, "486,070.85", 410, top);
      RightAligned(page, "631,777.50", 530, top);
      if (*row.rest != '\0') AddRun(page, row.rest, 50, top + 12);
      top += *row.rest != '\0' ? 34 : 22;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    const bool whole = tables.size() == 1 && tables[0].table.row_count == 5;
    EXPECT_EQ(whole, c.whole) << tables.size() << " table(s)";
  }
}

// A title line between two unruled tables, with its number, the year and the unit (表2 2025
// 年支出总体情况表 单位:元), prints a figure, the year: it was taken for the last row of the
// table above, which took the next title and unit into its grid, and every table of the
// document lost its unit (H26 s3w_0407_budget). A caption line that prints no money is no row.
TEST(UnruledTableTest, TitleLineWithItsYearIsNoRowOfTheTableAbove) {
  struct Case {
    const char* name;
    const char* title;  // after the number and the year
    TextOrigin origin;
  };
  const Case cases[] = {
      {"title and unit", "年支出总体情况表单位：元", TextOrigin::kOcr},
      {"title only", "年支出总体情况表", TextOrigin::kOcr},
      {"title and unit on a text layer", "年支出总体情况表单位：元", TextOrigin::kTextLayer},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(1);
    page.page.text_origin = c.origin;
    double top = 60;
    const auto add_table = [&](const char* first_label) {
      AddRun(page, "项目", 60, top);
      RightAligned(page, "合计", 340, top);
      RightAligned(page, "基本支出", 430, top);
      top += 18;
      for (const char* label : {first_label, "205教育支出", "20508进修及培训"}) {
        AddRun(page, label, 60, top);
        RightAligned(page, "8,474.15", 340, top);
        RightAligned(page, "1,603.05", 430, top);
        top += 18;
      }
    };
    add_table("合计");
    AddRun(page, "表2", 150, top);
    AddRun(page, "2025", 200, top);
    AddRun(page, c.title, 250, top);
    top += 18;
    add_table("总计");
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 2u);
    for (const DetectedTable& table : tables) {
      EXPECT_EQ(table.table.row_count, 4);
      for (int r = 0; r < table.table.row_count; ++r) {
        EXPECT_EQ(table.table.TextAt(r, 0).find("表2"), std::string::npos) << r;
      }
    }
  }
}

// An amount wrapped in a narrow cell (1,367,028 over .90) whose group marks OCR misread:
// 1367,028 or 1.367.028 (H10 s3w_0157_final's fiscal summary). The rest completes the integer its
// digits make: joined, not left as a wrapped label in the label cell. A text layer's marks are as
// printed.
TEST(UnruledTableTest, OcrMisreadGroupMarksStillTakeTheirRest) {
  struct Case {
    const char* name;
    const char* head;
    TextOrigin origin;
    bool joined;
  };
  const Case cases[] = {
      {"marks read right", "1,367,028", TextOrigin::kOcr, true},
      {"a comma lost", "1367,028", TextOrigin::kOcr, true},
      {"commas read as points", "1.367.028", TextOrigin::kOcr, true},
      {"a comma lost on a text layer", "1367,028", TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const PageContent page = WrapPage({c.head, "", ""}, {".90", "", ""}, c.origin);
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), 1u);
    const std::vector<std::string> row = CompactRow(tables[0].table, 2);
    EXPECT_EQ(row[1] == std::string(c.head) + ".90", c.joined) << row[0] << " | " << row[1];
  }
}

// An integer whose commas OCR read as points (1.367.028, or 1367.028.90 with its decimals) is
// money on a page read by OCR: its row stays a body row (s3w_0157_final's 总计 row was lost as a
// paragraph): here the third row that makes the lines a table. One point is a decimal point,
// money as read; a text layer's points are as printed.
TEST(UnruledTableTest, OcrPointsForGroupMarksMakeMoney) {
  struct Case {
    const char* name;
    const char* amount;
    TextOrigin origin;
    std::size_t tables;
  };
  const Case cases[] = {
      {"points for commas", "1.367.028", TextOrigin::kOcr, 1},
      {"a point and a comma", "1,367.028", TextOrigin::kOcr, 1},
      {"one point", "1.367", TextOrigin::kOcr, 1},
      {"points on a text layer", "1.367.028", TextOrigin::kTextLayer, 0},
      // With its decimals, the first comma lost too (H10 s3w_0157_final's 总计).
      {"points for commas before the decimals", "1367.028.90", TextOrigin::kOcr, 1},
      // A digit short: no grouped amount, but digits and marks with two decimals under a column
      // of amounts, whose cell the numeric reading settles (IsMoneyWithMisplacedMarks).
      {"a digit short before the decimals", "1367.02.90", TextOrigin::kOcr, 1},
      {"a digit short, no decimals", "1367.02.9", TextOrigin::kOcr, 0},
      {"points before the decimals on a text layer", "1367.028.90", TextOrigin::kTextLayer, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PageContent page = A4Page(3);
    page.page.text_origin = c.origin;
    AddRun(page, "项目", 60, 100);
    RightAligned(page, "金额", 340, 100);
    RightAligned(page, "项目", 430, 100);
    RightAligned(page, "金额", 520, 100);
    const char* labels[] = {"一、一般公共预算财政拨款", "本年收入合计", "总计"};
    double top = 130;
    for (const char* label : labels) {
      const bool last = std::string(label) == "总计";
      AddRun(page, label, 60, top);
      RightAligned(page, last ? c.amount : "1,367,028", 340, top);
      AddRun(page, last ? "总计" : "本年支出合计", 360, top);
      RightAligned(page, "1,367,028", 520, top);
      top += 30;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    ASSERT_EQ(tables.size(), c.tables);
    if (c.tables == 1) {
      EXPECT_EQ(tables[0].table.row_count, 4);
    }
  }
}

// A speck OCR read as punctuation between a row's two amounts (206 科学技术支 7,487.22 。
// 7,487.22, H10 s3w_0146_budget) made one chunk of text too many for a body row: the row, the
// table's first, was lost as a paragraph and the header with it. On an OCR'd page such a speck is
// no cell; a text layer prints what it prints (there the first row is no body row, and the two
// left are too few for a table).
TEST(UnruledTableTest, OcrSpeckBetweenAmountsKeepsItsRow) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    SCOPED_TRACE(TextOriginName(origin));
    PageContent page = A4Page(3);
    page.page.text_origin = origin;
    AddRun(page, "科目名称", 60, 100);
    RightAligned(page, "合计", 340, 100);
    RightAligned(page, "一般公共预算拨款", 520, 100);
    // Codes in a column of their own: the first row is code, name, amount, speck, amount.
    const char* codes[] = {"206", "20601", "2060101"};
    const char* names[] = {"科学技术支出", "科学技术管理事务", "行政运行"};
    double top = 130;
    for (std::size_t r = 0; r < 3; ++r) {
      AddRun(page, codes[r], 60, top);
      AddRun(page, names[r], 150, top);
      RightAligned(page, "7,487.22", 340, top);
      RightAligned(page, "7,487.22", 520, top);
      if (top == 130) AddRun(page, "。", 400, top);
      top += 30;
    }
    const std::vector<DetectedTable> tables = DetectTables(page);
    if (origin == TextOrigin::kOcr) {
      ASSERT_EQ(tables.size(), 1u);
      ASSERT_EQ(tables[0].table.row_count, 4);
      EXPECT_EQ(CompactRow(tables[0].table, 0)[0], "科目名称");
      EXPECT_EQ(CompactRow(tables[0].table, 1)[0], "206科学技术支出");
    } else {
      EXPECT_TRUE(tables.empty());  // two rows are too few for a table
    }
  }
}

}  // namespace
}  // namespace disclose::pdf
