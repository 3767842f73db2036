// Replays fixtures/fuzz-regressions/<target>/* through the whole pipeline: the target's reader,
// ValidateDocument, Normalize and both writers. A crash found by a fuzzer becomes a file here,
// so it stays fixed (docs/fuzzing.md). A reader may refuse an input with a Status; it may not
// crash, hang, break the model's invariants or produce JSON that does not parse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/normalized.h"
#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "fuzz-regressions";

std::vector<std::string> RegressionFiles() {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(kRegressions, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file() || it->path().filename() == "README.md") continue;
    files.push_back(fs::relative(it->path(), kRegressions).string());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) files.push_back("");  // keeps the suite instantiated; the test skips
  return files;
}

// Same limits as the fuzz targets, so a replay costs what the fuzzer's run did.
ExtractOptions FuzzOptions() {
  ExtractOptions options;
  options.max_zip_entry_bytes = 8ull << 20;
  options.max_zip_total_bytes = 32ull << 20;
  options.timeout_seconds = 5;
  options.enable_ocr = false;
  return options;
}

Result<Document> ReadAs(const std::string& target, std::string_view bytes,
                        const std::string& name) {
  const ExtractOptions options = FuzzOptions();
  if (target == "docx_fuzz") return ReadDocx(bytes, name, options);
  if (target == "text_fuzz") return ReadText(bytes, name, options);
  if (target == "pdf_fuzz") return ReadPdf(bytes, name, options);
  if (target == "html_fuzz") return ReadHtml(bytes, name, options);
  if (target == "doc_fuzz") return ReadDoc(bytes, name, options);
  if (target == "xlsx_fuzz") return ReadXlsx(bytes, name, options);
  if (target == "xls_fuzz") return ReadXls(bytes, name, options);
  switch (DetectFormat(bytes)) {  // a folder of no target: detect like the CLI does
    case SourceFormat::kPdf: return ReadPdf(bytes, name, options);
    case SourceFormat::kDocx: return ReadDocx(bytes, name, options);
    default: return ReadText(bytes, name, options);
  }
}

class FuzzRegressionTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzRegressionTest, SurvivesThePipeline) {
  if (GetParam().empty()) GTEST_SKIP() << "no files under fixtures/fuzz-regressions/";
  const fs::path path = kRegressions / GetParam();
  const std::string target = fs::path(GetParam()).begin()->string();
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  const auto start = std::chrono::steady_clock::now();
  Result<Document> document = ReadAs(target, bytes, path.filename().string());
  if (!document.ok()) {
    EXPECT_NE(document.status().code(), ErrorCode::kInternal) << document.status().ToString();
    EXPECT_EQ(document.status().message().find('\n'), std::string::npos);
    return;
  }
  EXPECT_EQ(ValidateDocument(document.value()), "");
  const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
  const std::string json = DocumentToJson(document.value(), normalized);
  EXPECT_FALSE(nlohmann::json::parse(json, nullptr, false).is_discarded());
  const std::string csv = FactsToCsv(document.value(), normalized);
  EXPECT_FALSE(csv.empty());
  // Generous bound: these inputs once took minutes; a regression to quadratic shows up here.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 30.0);
}

std::string RegressionName(const ::testing::TestParamInfo<std::string>& info) {
  if (info.param.empty()) return "none";
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, FuzzRegressionTest, ::testing::ValuesIn(RegressionFiles()),
                         RegressionName);

}  // namespace
}  // namespace disclose
