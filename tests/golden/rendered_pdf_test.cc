// One reader checked against another: fixtures/rendered/NAME.pdf is
// fixtures/docx/NAME.docx exported by LibreOffice
// (scripts/render-docx-fixtures.sh). The PDF reader, working from glyphs and
// ruled lines, must arrive at exactly the figures the DOCX reader takes from
// the XML: same metadata, same (table, row, column, amount) multiset, and no
// finding more severe on the PDF than on the DOCX. fixtures/rendered/stress/
// holds the same documents laid out the way nobody would publish them
// (portrait, equal column widths), so rows break across pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/money.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/figure_sets.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures";

// Each rendered folder beside the folder of the DOCX files it was made from.
const std::pair<const char*, const char*> kRenderedFolders[] = {
    {"docx", "rendered"},
    {"docx/stress", "rendered/stress"},
};

std::vector<std::string> StemsIn(const fs::path& folder, const char* extension) {
  std::vector<std::string> stems;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == extension) stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

NormalizedDocument ReadAndNormalize(const fs::path& path) {
  ExtractOptions options;
  options.enable_ocr = false;
  Result<Document> document = ReadDocument(path.string(), options);
  EXPECT_TRUE(document.ok()) << path << ": " << document.status().ToString();
  if (!document.ok()) return {};
  return Normalize(document.value(), NormalizeOptions{});
}

int ErrorCount(const NormalizedDocument& normalized) {
  return static_cast<int>(
      std::count_if(normalized.findings.begin(), normalized.findings.end(),
                    [](const Finding& finding) { return finding.severity == Severity::kError; }));
}

TEST(RenderedPdfTest, EveryDocxFixtureIsRendered) {
  for (const auto& [docx, rendered] : kRenderedFolders) {
    EXPECT_EQ(StemsIn(kFixtures / rendered, ".pdf"), StemsIn(kFixtures / docx, ".docx"))
        << rendered << ": run scripts/render-docx-fixtures.sh";
  }
}

TEST(RenderedPdfTest, PdfGivesExactlyTheDocxFigures) {
  for (const auto& [docx, rendered] : kRenderedFolders) {
    for (const std::string& stem : StemsIn(kFixtures / rendered, ".pdf")) {
      SCOPED_TRACE(std::string(rendered) + "/" + stem);
      const NormalizedDocument from_docx = ReadAndNormalize(kFixtures / docx / (stem + ".docx"));
      const NormalizedDocument from_pdf = ReadAndNormalize(kFixtures / rendered / (stem + ".pdf"));
      EXPECT_EQ(from_pdf.metadata.department.value, from_docx.metadata.department.value);
      EXPECT_EQ(from_pdf.metadata.fiscal_year.value, from_docx.metadata.fiscal_year.value);
      EXPECT_EQ(from_pdf.metadata.kind, from_docx.metadata.kind);

      const std::multiset<std::string> docx_figures = FigureKeys(from_docx);
      EXPECT_GE(docx_figures.size(), 10u);
      const FigureDiff diff = CompareFigures(docx_figures, FigureKeys(from_pdf));
      EXPECT_TRUE(diff.missing.empty())
          << diff.missing.size() << " figure(s) only in the DOCX, first " << diff.missing.front();
      EXPECT_TRUE(diff.extra.empty())
          << diff.extra.size() << " figure(s) only in the PDF, first " << diff.extra.front();
      EXPECT_LE(ErrorCount(from_pdf), ErrorCount(from_docx));
    }
  }
}

// Rows cut by a page in the stress renders: the figure equality above holds
// only because the halves are joined, and each join is reported.
TEST(RenderedPdfTest, StressRendersRejoinRowsBrokenByThePage) {
  const struct {
    const char* file;
    const char* row_code;
    const char* amount_yuan;
  } cases[] = {
      // 收入决算表's 行政运行 after page 3: code 210150 | 1, amounts 3,27 9,76 | 1.42.
      {"final_2022_yuxi_portrait.pdf", "2101501", "3279761.42"},
      // Header rows (合计 among them) repeated on page 4, then .75 of 4,326,964.75.
      {"final_2022_yuxi_landscape_repeat_shift16.pdf", "210", "4326964.75"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const NormalizedDocument from_pdf = ReadAndNormalize(kFixtures / "rendered/stress" / c.file);
    const auto rejoined =
        std::count_if(from_pdf.findings.begin(), from_pdf.findings.end(),
                      [](const Finding& finding) { return finding.check == "table.row_rejoined"; });
    EXPECT_EQ(rejoined, 1);
    std::vector<std::string> amounts;
    for (const Figure& figure : from_pdf.AllFigures()) {
      if (figure.table_kind == "final.income" && figure.row_code == c.row_code &&
          figure.column == "total") {
        amounts.push_back(FormatYuan(figure.amount_fen));
      }
    }
    EXPECT_EQ(amounts, std::vector<std::string>{c.amount_yuan});
  }
}

// Six lines lower, page 4 holds only the upper half of 支出决算表's header
// (8 column rules of 9; 对附属单位补 | 助支出 cut by the page). Both parts
// must become one table whose columns are all named.
TEST(RenderedPdfTest, StressRenderStacksAHeaderCutByThePage) {
  const NormalizedDocument from_pdf =
      ReadAndNormalize(kFixtures / "rendered/stress/final_2022_yuxi_portrait_shift6.pdf");
  const CanonicalTable* expenditure = nullptr;
  for (const CanonicalTable& table : from_pdf.tables) {
    if (table.kind == "final.expenditure") expenditure = &table;
  }
  ASSERT_NE(expenditure, nullptr);
  EXPECT_EQ(expenditure->pages, (std::vector<int>{4, 5}));
  EXPECT_EQ(expenditure->column_keys.back(), "affiliate_subsidy");
  EXPECT_EQ(expenditure->rows.size(), 17u);
}

}  // namespace
}  // namespace disclose
