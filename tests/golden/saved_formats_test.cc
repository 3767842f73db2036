// One reader checked against another: fixtures/saved/ holds the DOCX fixtures
// saved by LibreOffice as Word 97-2003 .doc, as a web page (UTF-8) and as the
// same web page in GB18030 with its <meta> charset changed
// (scripts/save-docx-fixtures.sh), and a seed text export in GB18030. Each must
// give exactly the figures of the file it was saved from: same metadata, same
// (table, row, column, amount) multiset, no finding more severe.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "normalize/normalize.h"
#include "tests/golden/figure_sets.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures";

struct Loaded {
  SourceFormat format = SourceFormat::kUnknown;
  NormalizedDocument normalized;
};

Loaded ReadAndNormalize(const fs::path& path) {
  ExtractOptions options;
  options.enable_ocr = false;
  Result<Document> document = ReadDocument(path.string(), options);
  EXPECT_TRUE(document.ok()) << path << ": " << document.status().ToString();
  if (!document.ok()) return {};
  return {document.value().source.format, Normalize(document.value(), NormalizeOptions{})};
}

int ErrorCount(const NormalizedDocument& normalized) {
  return static_cast<int>(
      std::count_if(normalized.findings.begin(), normalized.findings.end(),
                    [](const Finding& finding) { return finding.severity == Severity::kError; }));
}

void ExpectSameFigures(const fs::path& original, const fs::path& saved, SourceFormat format) {
  SCOPED_TRACE(saved.filename().string());
  const Loaded from_original = ReadAndNormalize(original);
  const Loaded from_saved = ReadAndNormalize(saved);
  EXPECT_EQ(from_saved.format, format);
  EXPECT_EQ(from_saved.normalized.metadata.department.value,
            from_original.normalized.metadata.department.value);
  EXPECT_EQ(from_saved.normalized.metadata.fiscal_year.value,
            from_original.normalized.metadata.fiscal_year.value);
  EXPECT_EQ(from_saved.normalized.metadata.kind, from_original.normalized.metadata.kind);
  const std::multiset<std::string> expected = FigureKeys(from_original.normalized);
  EXPECT_GE(expected.size(), 10u);
  const FigureDiff diff = CompareFigures(expected, FigureKeys(from_saved.normalized));
  EXPECT_TRUE(diff.missing.empty()) << diff.missing.size() << " figure(s) only in "
                                    << original.filename() << ", first " << diff.missing.front();
  EXPECT_TRUE(diff.extra.empty()) << diff.extra.size() << " figure(s) only in " << saved.filename()
                                  << ", first " << diff.extra.front();
  EXPECT_LE(ErrorCount(from_saved.normalized), ErrorCount(from_original.normalized));
}

std::vector<std::string> DocxStems() {
  std::vector<std::string> stems;
  for (const auto& entry : fs::directory_iterator(kFixtures / "docx")) {
    if (entry.path().extension() == ".docx") stems.push_back(entry.path().stem().string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

TEST(SavedFormatsTest, EveryDocxFixtureIsSaved) {
  for (const std::string& stem : DocxStems()) {
    for (const char* suffix : {".doc", ".html", ".gb18030.html"}) {
      EXPECT_TRUE(fs::exists(kFixtures / "saved" / (stem + suffix)))
          << stem << suffix << ": run scripts/save-docx-fixtures.sh";
    }
  }
}

TEST(SavedFormatsTest, DocGivesExactlyTheDocxFigures) {
  for (const std::string& stem : DocxStems()) {
    ExpectSameFigures(kFixtures / "docx" / (stem + ".docx"), kFixtures / "saved" / (stem + ".doc"),
                      SourceFormat::kDoc);
  }
}

TEST(SavedFormatsTest, HtmlGivesExactlyTheDocxFigures) {
  for (const std::string& stem : DocxStems()) {
    ExpectSameFigures(kFixtures / "docx" / (stem + ".docx"), kFixtures / "saved" / (stem + ".html"),
                      SourceFormat::kHtml);
  }
}

TEST(SavedFormatsTest, Gb18030HtmlGivesExactlyTheDocxFigures) {
  for (const std::string& stem : DocxStems()) {
    ExpectSameFigures(kFixtures / "docx" / (stem + ".docx"),
                      kFixtures / "saved" / (stem + ".gb18030.html"), SourceFormat::kHtml);
  }
}

TEST(SavedFormatsTest, Gb18030TextGivesExactlyTheUtf8Figures) {
  ExpectSameFigures(kFixtures / "golden" / "inputs" / "004_4b22c8c51bd978dc.txt",
                    kFixtures / "saved" / "004_4b22c8c51bd978dc.gb18030.txt",
                    SourceFormat::kMarkdown);  // seed 004 is a markdown export
}

}  // namespace
}  // namespace disclose
