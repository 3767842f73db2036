// Seed truth: the figures a person reads from the seed documents
// (fixtures/golden/seed_figures.tsv, written by scripts/seed-truth.py from
// hand-made column maps and hand-read narrative sentences) must be exactly the
// figures the pipeline produces for those table kinds: nothing missing, nothing
// extra, no amount different. Unlike the byte-for-byte goldens, this test does
// not move when the pipeline's output moves; a failure here means a figure is
// wrong, not that a golden needs regenerating.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/money.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/figure_sets.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "golden";

struct SeedTruth {
  std::set<std::string> kinds;
  std::multiset<std::string> figures;  // "kind|row_code|column|amount_yuan"
};

std::map<std::string, SeedTruth> ReadSeedTruth() {
  std::map<std::string, SeedTruth> truth;
  std::ifstream in(kGoldenDir / "seed_figures.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() < 5) continue;
    SeedTruth& seed = truth[fields[0]];
    seed.kinds.insert(fields[1]);
    seed.figures.insert(FigureKey(fields[1], fields[2], fields[3], fields[4]));
  }
  return truth;
}

TEST(SeedFiguresTest, TruthCoversEveryTableOfSeeds003And004AndAllNarratives) {
  const std::map<std::string, SeedTruth> truth = ReadSeedTruth();
  ASSERT_EQ(truth.size(), 5u);
  for (const auto& [source, seed] : truth) {
    EXPECT_TRUE(seed.kinds.count("narrative")) << source;
  }
  EXPECT_EQ(truth.at("003_f226edb144d9e567.txt").kinds.size(), 10u);
  EXPECT_EQ(truth.at("004_4b22c8c51bd978dc.txt").kinds.size(), 10u);
  EXPECT_GE(truth.at("003_f226edb144d9e567.txt").figures.size(), 260u);
  EXPECT_GE(truth.at("004_4b22c8c51bd978dc.txt").figures.size(), 390u);
}

TEST(SeedFiguresTest, PipelineProducesExactlyTheHandReadFigures) {
  for (const auto& [source, seed] : ReadSeedTruth()) {
    SCOPED_TRACE(source);
    Result<Document> document =
        ReadDocument((kGoldenDir / "inputs" / source).string(), ExtractOptions{});
    ASSERT_TRUE(document.ok()) << document.status().message();
    const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
    const FigureDiff diff =
        CompareFigures(seed.figures, FigureKeys(normalized, [&seed](const std::string& kind) {
                         return seed.kinds.count(kind) != 0;
                       }));
    EXPECT_TRUE(diff.missing.empty())
        << diff.missing.size() << " missing, first: " << diff.missing.front();
    EXPECT_TRUE(diff.extra.empty()) << diff.extra.size() << " extra, first: " << diff.extra.front();
  }
}

// Every table of seed 004 rebuilt as DOCX (scripts/make-docx-fixtures.py
// --stress) and rendered by LibreOffice with page breaks cutting rows: the DOCX
// and each PDF must give exactly the hand-read table figures of the seed.
TEST(SeedFiguresTest, Seed004TablesAsDocxAndRenderedPdfGiveTheHandReadFigures) {
  const SeedTruth seed = ReadSeedTruth().at("004_4b22c8c51bd978dc.txt");
  std::multiset<std::string> tables_truth;
  for (const std::string& figure : seed.figures) {
    if (figure.rfind("narrative|", 0) != 0) tables_truth.insert(figure);
  }
  ASSERT_EQ(tables_truth.size(), 374u);
  const fs::path fixtures = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures";
  int files = 0;
  for (const char* folder : {"docx/stress", "rendered/stress"}) {
    for (const auto& entry : fs::directory_iterator(fixtures / folder)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("budget_2024_kashgar_full_", 0) != 0) continue;
      SCOPED_TRACE(name);
      ++files;
      ExtractOptions options;
      options.enable_ocr = false;
      Result<Document> document = ReadDocument(entry.path().string(), options);
      ASSERT_TRUE(document.ok()) << document.status().message();
      const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
      const FigureDiff diff = CompareFigures(
          tables_truth,
          FigureKeys(normalized, [](const std::string& kind) { return kind != "narrative"; }));
      EXPECT_TRUE(diff.missing.empty())
          << diff.missing.size() << " missing, first: " << diff.missing.front();
      EXPECT_TRUE(diff.extra.empty())
          << diff.extra.size() << " extra, first: " << diff.extra.front();
    }
  }
  EXPECT_EQ(files, 8);  // four DOCX, four PDFs
}

// Every table of seed 004 as a workbook (scripts/make-xlsx-fixtures.py): one
// sheet per table under realistic number formats, merged header cells, a
// value stored 1e-10 off its printed fen, and decoys in a hidden row, a
// hidden column and a hidden sheet; then LibreOffice's XLS save of it. Both
// must give exactly the hand-read table figures of the seed.
TEST(SeedFiguresTest, Seed004TablesAsXlsxAndXlsGiveTheHandReadFigures) {
  const SeedTruth seed = ReadSeedTruth().at("004_4b22c8c51bd978dc.txt");
  std::multiset<std::string> tables_truth;
  for (const std::string& figure : seed.figures) {
    if (figure.rfind("narrative|", 0) != 0) tables_truth.insert(figure);
  }
  ASSERT_EQ(tables_truth.size(), 374u);
  const fs::path workbooks = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "xlsx";
  for (const char* name : {"budget_2024_kashgar_full.xlsx", "budget_2024_kashgar_full.xls"}) {
    SCOPED_TRACE(name);
    Result<Document> document = ReadDocument((workbooks / name).string(), ExtractOptions{});
    ASSERT_TRUE(document.ok()) << document.status().message();
    const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
    const FigureDiff diff = CompareFigures(
        tables_truth,
        FigureKeys(normalized, [](const std::string& kind) { return kind != "narrative"; }));
    EXPECT_TRUE(diff.missing.empty())
        << diff.missing.size() << " missing, first: " << diff.missing.front();
    EXPECT_TRUE(diff.extra.empty()) << diff.extra.size() << " extra, first: " << diff.extra.front();
  }
}

}  // namespace
}  // namespace disclose
