// Golden tests: every file under fixtures/golden/inputs/ goes through the
// whole pipeline (ReadDocument -> Normalize -> export) and must reproduce
// fixtures/golden/expected/NAME.ext.json and NAME.ext.facts.csv byte for byte.
// The expected files change only through scripts/regen-goldens.sh, and the
// diff is reviewed like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "golden";

std::vector<fs::path> GoldenInputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(kGoldenDir / "inputs")) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string ReadFileOrEmpty(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Outputs {
  std::string json;
  std::string csv;
};

Outputs RunPipeline(const fs::path& input) {
  Result<Document> document = ReadDocument(input.string(), ExtractOptions{});
  if (!document.ok()) return {ErrorToJson(input.filename().string(), document.status()), ""};
  const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
  return {DocumentToJson(document.value(), normalized, JsonStyle::kPretty),
          FactsToCsv(document.value(), normalized)};
}

// Points at the first differing line, which is what a reviewer needs.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream expected_lines(expected);
  std::istringstream actual_lines(actual);
  std::string expected_line;
  std::string actual_line;
  for (int line = 1;; ++line) {
    const bool has_expected = static_cast<bool>(std::getline(expected_lines, expected_line));
    const bool has_actual = static_cast<bool>(std::getline(actual_lines, actual_line));
    if (!has_expected && !has_actual) return "identical";
    if (expected_line != actual_line || has_expected != has_actual) {
      return "line " + std::to_string(line) + "\n  expected: " + expected_line +
             "\n  actual:   " + actual_line;
    }
  }
}

TEST(GoldenTest, InputsExist) {
  EXPECT_GE(GoldenInputs().size(), 7u);
}

TEST(GoldenTest, OutputsMatchExpected) {
  for (const fs::path& input : GoldenInputs()) {
    SCOPED_TRACE(input.filename().string());
    // Outputs are named from the whole input name (README.md, "Batches").
    const std::string name = input.filename().string();
    const fs::path expected_json = kGoldenDir / "expected" / (name + ".json");
    const fs::path expected_csv = kGoldenDir / "expected" / (name + ".facts.csv");
    ASSERT_TRUE(fs::exists(expected_json)) << "run scripts/regen-goldens.sh";
    const Outputs outputs = RunPipeline(input);
    const std::string want_json = ReadFileOrEmpty(expected_json);
    const std::string want_csv = ReadFileOrEmpty(expected_csv);
    EXPECT_TRUE(outputs.json == want_json) << FirstDifference(want_json, outputs.json);
    EXPECT_TRUE(outputs.csv == want_csv) << FirstDifference(want_csv, outputs.csv);
  }
}

TEST(GoldenTest, Deterministic) {
  for (const fs::path& input : GoldenInputs()) {
    SCOPED_TRACE(input.filename().string());
    const Outputs first = RunPipeline(input);
    const Outputs second = RunPipeline(input);
    EXPECT_TRUE(first.json == second.json);
    EXPECT_TRUE(first.csv == second.csv);
  }
}

TEST(GoldenTest, NoWordArtefactsInAnyOutput) {
  for (const fs::path& input : GoldenInputs()) {
    SCOPED_TRACE(input.filename().string());
    const Outputs outputs = RunPipeline(input);
    for (const char* artefact : {"_Toc", "TOC \\\\o", "TOC \\o", "[bookmark:", "PAGEREF"}) {
      EXPECT_EQ(outputs.json.find(artefact), std::string::npos) << artefact;
      EXPECT_EQ(outputs.csv.find(artefact), std::string::npos) << artefact;
    }
  }
}

}  // namespace
}  // namespace disclose
