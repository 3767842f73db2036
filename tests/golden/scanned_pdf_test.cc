// Scans of the DOCX fixtures read by OCR: fixtures/scanned/NAME.pdf is
// fixtures/rendered/NAME.pdf rendered at 200 dpi, skewed by up to 1 degree,
// noised and saved as JPEG inside an image-only PDF
// (scripts/ocr-measure.py --scan SRC OUT --dpi 200); the same for one of the
// stress layouts in fixtures/docx/stress. OCR must give at least
// 99.5% of the table figures exactly as the DOCX reader does, the same
// metadata, and no figure that is neither right nor reported.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/figure_sets.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures";

NormalizedDocument ReadAndNormalize(const fs::path& path) {
  ExtractOptions options;
  options.timeout_seconds = 0;
  Result<Document> document = ReadDocument(path.string(), options);
  EXPECT_TRUE(document.ok()) << path << ": " << document.status().ToString();
  if (!document.ok()) return {};
  return Normalize(document.value(), NormalizeOptions{});
}

bool IsTableKind(const std::string& kind) {
  return kind != "narrative";
}

// `docx_folder` is where the DOCX lies under fixtures/ (the stress layouts
// are in docx/stress); the scan is fixtures/scanned/STEM.pdf.
void ExpectDocxTableFigures(const char* stem, const char* docx_folder = "docx") {
  {
    SCOPED_TRACE(stem);
    const NormalizedDocument from_docx =
        ReadAndNormalize(kFixtures / docx_folder / (std::string(stem) + ".docx"));
    const NormalizedDocument from_scan =
        ReadAndNormalize(kFixtures / "scanned" / (std::string(stem) + ".pdf"));
    EXPECT_EQ(from_scan.metadata.department.value, from_docx.metadata.department.value);
    EXPECT_EQ(from_scan.metadata.fiscal_year.value, from_docx.metadata.fiscal_year.value);
    EXPECT_EQ(from_scan.metadata.kind, from_docx.metadata.kind);

    const std::multiset<std::string> expected = FigureKeys(from_docx, IsTableKind);
    ASSERT_GE(expected.size(), 10u);
    const FigureDiff diff = CompareFigures(expected, FigureKeys(from_scan, IsTableKind));
    const double exact = 1.0 - static_cast<double>(diff.missing.size()) / expected.size();
    std::string missing, extra;
    for (const std::string& key : diff.missing) missing += "\n  " + key;
    for (const std::string& key : diff.extra) extra += "\n  " + key;
    EXPECT_GE(exact, 0.995) << diff.missing.size() << " of " << expected.size()
                            << " figures missing:" << missing << "\nextra:" << extra;
  }
}

TEST(ScannedPdfTest, OcrGivesTheDocxTableFigures) {
  ExpectDocxTableFigures("budget_2024_kashgar");
}

// The 决算 scan's 9 pt amounts wrap in their narrow columns ("342,667.3" over
// "0"): read line by line and put right by the amount grammar, all 77 come
// out as the DOCX gives them.
TEST(ScannedPdfTest, OcrGivesTheDocxTableFiguresOfTheFinalAccounts) {
  ExpectDocxTableFigures("final_2022_yuxi");
}

// A second layout of the 决算 (fixtures/rendered/stress/, landscape, its
// tables shifted over 10 pages), scanned by scripts/ocr-measure.py --scan
// --dpi 200: its amounts wrap over two and three lines.
TEST(ScannedPdfTest, OcrGivesTheDocxTableFiguresOfAShiftedLandscapeLayout) {
  ExpectDocxTableFigures("final_2022_yuxi_landscape_shift34", "docx/stress");
}

}  // namespace
}  // namespace disclose
