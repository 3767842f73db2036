// A reader's doubt about a table cell (a PDF warning with a page and a box)
// becomes a cell.ambiguous finding naming the figure of that cell.
#include "normalize/cell_warnings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

Figure FigureAt(std::string row, std::string column, std::int64_t fen, std::string printed,
                int page, Box box) {
  Figure figure;
  figure.table_kind = "budget.expenditure";
  figure.row_code = std::move(row);
  figure.column = std::move(column);
  figure.amount_fen = fen;
  figure.printed_text = std::move(printed);
  figure.provenance.page = page;
  figure.provenance.box = box;
  return figure;
}

TEST(CellWarningsTest, NamesTheFigureOfTheCellTheWarningPointsAt) {
  std::vector<CanonicalTable> tables(1);
  tables[0].kind = "budget.expenditure";
  CanonicalRow row;
  row.row_code = "2010102";
  row.values = {
      FigureAt("2010102", "total", 100000, "1,000.00", 3, {300, 200, 340, 212}),
      FigureAt("2010102", "basic", 12345678900, "123,456,789.00", 3, {322, 218, 430, 230}),
      // Same box on another page: not this cell.
      FigureAt("2010102", "project", 100, "1.00", 4, {322, 218, 430, 230})};
  tables[0].rows.push_back(row);
  struct Case {
    const char* name;
    Warning warning;
    int page;
    Box box;
    std::size_t findings;
    std::vector<std::string> columns;  // of the figures named
    std::string printed;               // the text the finding quotes
    std::string check = "cell.ambiguous";
  };
  const std::vector<Case> cases = {
      {"a straddling amount names its figure",
       {"pdf_straddling_amount", "\"123,456,789.00\" in row \"2010102\" reaches …", {}},
       3,
       {322, 218, 430, 230},
       1,
       {"basic"},
       "123,456,789.00"},
      {"a cut piece that made no figure is still reported",
       {"pdf_cut_amount", "\"3,45\" in row \"2010102\" is grouped as no amount is", {}},
       3,
       {500, 218, 520, 230},
       1,
       {},
       "3,45"},
      {"two OCR readings of an amount name its figure",
       {"ocr_readings_differ",
        "\"1,000.00\" is read \"1,006.00\" by the second reader (eng); the first reading is kept",
        {}},
       3,
       {300, 200, 340, 212},
       1,
       {"total"},
       "1,000.00",
       "ocr.readings_differ"},
      {"another warning is no cell's",
       {"undecodable_glyphs", "12 glyphs", {}},
       3,
       {0, 0, 1, 1},
       0,
       {},
       ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document document;
    Warning warning = c.warning;
    warning.provenance.page = c.page;
    warning.provenance.box = c.box;
    document.warnings.push_back(warning);
    std::vector<Finding> findings;
    ReportCellWarnings(document, tables, findings);
    ASSERT_EQ(findings.size(), c.findings);
    if (findings.empty()) continue;
    EXPECT_EQ(findings[0].check, c.check);
    EXPECT_EQ(findings[0].printed_text, c.printed);
    ASSERT_EQ(findings[0].figures.size(), c.columns.size());
    for (std::size_t k = 0; k < c.columns.size(); ++k) {
      EXPECT_EQ(findings[0].figures[k].column, c.columns[k]);
      EXPECT_EQ(findings[0].figures[k].row_code, "2010102");
    }
  }
}

// s3w_0014_budget: 4,005.37 printed in a narrow column, its 7 wrapped onto the next line and
// read there; the scan gives 4,005.3 among figures of two decimals. The short figure is named
// (and quoted) unless the repair corrected it; a text layer's is the publisher's own.
TEST(CellWarningsTest, ShortOcrAmountsNamed) {
  auto tables = [](TextOrigin origin, bool corrected) {
    std::vector<CanonicalTable> out(1);
    out[0].kind = "budget.expenditure";
    CanonicalRow row;
    row.row_code = "212";
    for (const char* printed : {"6,123.81", "2,118.44", "4,005.3", "1,103.25", "422.16"}) {
      Figure figure = FigureAt("212", "total", 0, printed, 4, Box{});
      figure.provenance.origin = origin;
      figure.corrected = corrected && std::string(printed) == "4,005.3";
      row.values.push_back(figure);
    }
    out[0].rows.push_back(row);
    return out;
  };
  std::vector<Finding> findings;
  ReportShortOcrAmounts(tables(TextOrigin::kOcr, false), findings);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "ocr.short_amount");
  ASSERT_EQ(findings[0].figures.size(), 1u);
  EXPECT_NE(findings[0].message.find("\"4,005.3\""), std::string::npos);
  findings.clear();
  ReportShortOcrAmounts(tables(TextOrigin::kOcr, true), findings);
  ReportShortOcrAmounts(tables(TextOrigin::kTextLayer, false), findings);
  EXPECT_TRUE(findings.empty());
}

// H17 s3w_0266_budget on a scan: a torn fiscal summary, four of its eight figures printed
// 3,516,571.1 (.17, the 7 wrapped and lost) beside four with two decimals. Too many for the
// repair to guess at (it asks twice as many two-decimal figures), and so they went unnamed:
// the warning asks as many. Fewer two-decimal figures than short ones name nothing.
TEST(CellWarningsTest, ShortOcrAmountsNamedWhenHalfTheTableIsShort) {
  for (const int two_decimal_figures : {4, 3}) {
    std::vector<CanonicalTable> tables(1);
    tables[0].kind = "budget.fiscal_appropriation_summary";
    CanonicalRow row;
    row.row_code = "expenditure.grand_total";
    for (int k = 0; k < 4 + two_decimal_figures; ++k) {
      Figure figure = FigureAt("expenditure.grand_total", "total", 0,
                               k < two_decimal_figures ? "3,516,571.17" : "3,516,571.1", 4, Box{});
      figure.provenance.origin = TextOrigin::kOcr;
      row.values.push_back(figure);
    }
    tables[0].rows.push_back(row);
    std::vector<Finding> findings;
    ReportShortOcrAmounts(tables, findings);
    EXPECT_EQ(findings.size(), two_decimal_figures == 4 ? 1u : 0u) << two_decimal_figures;
    EXPECT_TRUE(FindShortOcrFigures(tables[0]).at.empty()) << two_decimal_figures;
  }
}

// s3w_0039_budget on a scan: a summary whose cells OCR read across columns, an income line's
// amount between its label and the expenditure line's (一、一般公共预算拨款收入14,579,683，
// 科学技术支出), the expenditure amounts beside it exported as income lines', silently. Every
// figure of such a table is named; a cell that only joins an amount to one label (the summary
// reader splits those), a code joined to its name, or a text layer's cell is no such doubt.
TEST(CellWarningsTest, OcrSummaryCellsReadAcrossColumnsNamed) {
  auto findings_for = [](const std::string& cell_text, TextOrigin origin, const char* kind) {
    Document document;
    Table grid = Grid({{"项目预算数支出功能分类", "预算数"}, {cell_text, "4,796,770.9"}});
    for (TableCell& cell : grid.cells) cell.provenance.origin = origin;
    document.blocks.push_back(Block{grid});
    std::vector<CanonicalTable> tables(1);
    tables[0].kind = kind;
    tables[0].source_blocks = {0};
    CanonicalRow row;
    row.row_code = "income.general_budget_appropriation";
    row.values.push_back(FigureAt(row.row_code, "amount", 479677090, "4,796,770.9", 1, Box{}));
    tables[0].rows.push_back(row);
    std::vector<Finding> findings;
    ReportOcrSummaryLabelsWithAmounts(document, tables, findings);
    return findings;
  };
  const std::string across = "一、一般公共预算拨款收入14,579,683，科学技术支出";
  const std::vector<Finding> findings =
      findings_for(across, TextOrigin::kOcr, "budget.income_expenditure_summary");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].check, "ocr.merged_cells");
  ASSERT_EQ(findings[0].figures.size(), 1u);
  EXPECT_EQ(findings[0].figures[0].amount_fen, 479677090);
  EXPECT_TRUE(
      findings_for(across, TextOrigin::kTextLayer, "budget.income_expenditure_summary").empty());
  EXPECT_TRUE(findings_for(across, TextOrigin::kOcr, "budget.expenditure").empty());
  for (const char* joined :
       {"7,869.85卫生健康支出", "一、一般公共预算57,26", "30101基本工资", "2025年一般公共预算"}) {
    EXPECT_TRUE(findings_for(joined, TextOrigin::kOcr, "budget.income_expenditure_summary").empty())
        << joined;
  }
}

}  // namespace
}  // namespace disclose
