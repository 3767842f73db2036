// disclose dataset: runs (shards) combined into facts.csv, documents.csv, findings.csv,
// disclose.sqlite and datapackage.json. The runs are made here from golden inputs through the
// real pipeline, with manifest.jsonl lines in the format `disclose extract` writes
// (docs/schema.md, "manifest.jsonl").
#include "dataset/dataset.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kInputs = fs::path(DISCLOSE_SOURCE_DIR) / "fixtures" / "golden" / "inputs";
const char* const kSeed003 = "003_f226edb144d9e567.txt";
const char* const kSeed004 = "004_4b22c8c51bd978dc.txt";
const char* const kPdf = "sh_putuo_welfarehome_2024_unit_budget.pdf";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What one extracted input left in a run directory: its outputs and its manifest line.
struct Extracted {
  std::string json, csv, sha256;
  std::int64_t size = 0;
  int figures = 0;
};

const Extracted& Extract(const std::string& name) {
  static std::map<std::string, Extracted> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  Result<Document> document = ReadDocument((kInputs / name).string(), ExtractOptions{});
  EXPECT_TRUE(document.ok()) << document.status().message();
  const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
  Extracted extracted;
  extracted.json = DocumentToJson(document.value(), normalized);
  extracted.csv = FactsToCsv(document.value(), normalized);
  extracted.sha256 = document.value().source.sha256;
  extracted.size = static_cast<std::int64_t>(document.value().source.size_bytes);
  extracted.figures = static_cast<int>(Lines(extracted.csv).size()) - 1;
  return cache.emplace(name, std::move(extracted)).first->second;
}

std::string ManifestLine(const std::string& path, const Extracted& e, const std::string& json_rel,
                         const std::string& csv_rel) {
  nlohmann::ordered_json line;
  line["path"] = path;
  line["sha256"] = e.sha256;
  line["size"] = e.size;
  line["status"] = "ok";
  line["error_code"] = nullptr;
  line["outputs"] = {{"json", json_rel}, {"csv", csv_rel}};
  line["pages"] = 0;
  line["pages_skipped"] = 0;
  line["figures"] = e.figures;
  line["findings"] = {{"error", 0}, {"warning", 0}, {"info", 0}};
  line["seconds"] = 0.5;
  line["tool_version"] = "0.1.0";
  line["options"] = "ocr=on;timeout=120";
  return line.dump() + "\n";
}

std::string ErrorLine(const std::string& path, const std::string& code,
                      const std::string& error_rel) {
  nlohmann::ordered_json line;
  line["path"] = path;
  line["sha256"] = nullptr;
  line["size"] = nullptr;
  line["status"] = "error";
  line["error_code"] = code;
  line["outputs"] = {{"error", error_rel}};
  line["tool_version"] = "0.1.0";
  return line.dump() + "\n";
}

class DatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("disclose_dataset_test_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // Puts `inputs` into run directory `run` as extract would (mirrored names with extension),
  // with a manifest unless `manifest` is false.
  fs::path MakeRun(const std::string& run, const std::vector<std::string>& inputs,
                   bool manifest = true) {
    const fs::path dir = root_ / run;
    std::string lines;
    for (const std::string& name : inputs) {
      const Extracted& e = Extract(name);
      WriteFile(dir / "in" / (name + ".json"), e.json);
      WriteFile(dir / "in" / (name + ".facts.csv"), e.csv);
      lines += ManifestLine("in/" + name, e, "in/" + name + ".json", "in/" + name + ".facts.csv");
    }
    fs::create_directories(dir);
    if (manifest) WriteFile(dir / "manifest.jsonl", lines);
    return dir;
  }

  Result<DatasetSummary> Build(const std::vector<fs::path>& runs, const std::string& out,
                               std::string* log_text = nullptr) {
    DatasetOptions options;
    for (const fs::path& run : runs) options.run_dirs.push_back(run.string());
    options.out_dir = (root_ / out).string();
    std::ostringstream log;
    Result<DatasetSummary> summary = BuildDataset(options, log);
    if (log_text != nullptr) *log_text = log.str();
    return summary;
  }

  std::int64_t QueryInt(const std::string& out, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2((root_ / out / "disclose.sqlite").c_str(), &db, SQLITE_OPEN_READONLY,
                              nullptr),
              SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    std::int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  fs::path root_;
};

TEST_F(DatasetTest, ShardsCombineWithEachDocumentOnceAndSqliteMatchesTheCsv) {
  const fs::path a = MakeRun("shard1", {kSeed003, kSeed004});
  const fs::path b = MakeRun("shard2", {kSeed004, kPdf});  // 004 in both shards
  const Result<DatasetSummary> summary = Build({a, b}, "out");
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  const int expected_figures =
      Extract(kSeed003).figures + Extract(kSeed004).figures + Extract(kPdf).figures;
  EXPECT_EQ(summary->documents, 3);
  EXPECT_EQ(summary->duplicates, 1);
  EXPECT_EQ(summary->figures, expected_figures);
  EXPECT_EQ(summary->bad_outputs, 0);

  const std::vector<std::string> facts = Lines(ReadFile(root_ / "out" / "facts.csv"));
  ASSERT_EQ(static_cast<int>(facts.size()), 1 + expected_figures);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM figures"), expected_figures);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM documents"), 3);
  EXPECT_EQ(QueryInt("out", "SELECT count(DISTINCT sha256) FROM documents"), 3);
  EXPECT_EQ(Lines(ReadFile(root_ / "out" / "documents.csv")).size(), 4u);
  // Amounts are exact integers of fen, the same as the text yuan.
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM figures WHERE typeof(amount_fen) <> 'integer'"),
            0);
  EXPECT_EQ(QueryInt("out",
                     "SELECT count(*) FROM figures WHERE printf('%d.%02d', amount_fen / 100, "
                     "abs(amount_fen) % 100) <> amount_yuan AND amount_fen >= 0"),
            0);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(QueryInt("out",
                     "SELECT count(*) FROM figures f JOIN tables t USING (table_id) "
                     "WHERE f.table_kind <> t.kind"),
            0);
  EXPECT_GT(QueryInt("out", "SELECT count(*) FROM findings"), 0);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM findings"), summary->findings);
}

// facts.csv is NAME.facts.csv of each document, in document order, plus the sha256 column.
TEST_F(DatasetTest, FactsRowsAreThePerDocumentRowsPlusSha256) {
  const fs::path a = MakeRun("run", {kSeed003, kPdf});
  ASSERT_TRUE(Build({a}, "out").ok());
  std::string expected = ReadFile(a / "in" / (std::string(kSeed003) + ".facts.csv"));
  std::string header = expected.substr(0, expected.find("\r\n"));
  std::string want = header + ",sha256\r\n";
  for (const char* name : {kSeed003, kPdf}) {  // documents sorted by path
    const std::string csv = Extract(name).csv;
    std::istringstream in(csv.substr(csv.find("\r\n") + 2));
    for (std::string line; std::getline(in, line, '\n');) {
      line.pop_back();  // \r
      want += line + "," + Extract(name).sha256 + "\r\n";
    }
  }
  EXPECT_EQ(ReadFile(root_ / "out" / "facts.csv"), want);
}

TEST_F(DatasetTest, SameBytesWhateverTheOrderOfTheRuns) {
  const fs::path a = MakeRun("shard1", {kSeed003, kSeed004});
  const fs::path b = MakeRun("shard2", {kSeed004});
  ASSERT_TRUE(Build({a, b}, "ab").ok());
  ASSERT_TRUE(Build({b, a}, "ba").ok());
  for (const char* file : {"facts.csv", "findings.csv", "datapackage.json"}) {
    EXPECT_EQ(ReadFile(root_ / "ab" / file), ReadFile(root_ / "ba" / file)) << file;
  }
  // documents.csv names the path, which is the same in both shards here.
  EXPECT_EQ(ReadFile(root_ / "ab" / "documents.csv"), ReadFile(root_ / "ba" / "documents.csv"));
}

TEST_F(DatasetTest, ADirectoryWithoutManifestIsWalked) {
  const fs::path a = MakeRun("plain", {kSeed003, kSeed004}, /*manifest=*/false);
  WriteFile(a / "broken.txt.error.json",
            R"({"source": "broken.txt", "code": "empty", "message": "the file is empty"})");
  WriteFile(a / "unrelated.json", R"({"name": "not ours"})");
  const Result<DatasetSummary> summary = Build({a}, "out");
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->documents, 3);
  EXPECT_EQ(summary->ok, 2);
  EXPECT_EQ(summary->failed, 1);
  EXPECT_EQ(summary->figures, Extract(kSeed003).figures + Extract(kSeed004).figures);
  EXPECT_EQ(QueryInt("out",
                     "SELECT count(*) FROM documents WHERE status = 'error' AND "
                     "error_code = 'empty' AND path = 'broken.txt'"),
            1);
}

TEST_F(DatasetTest, ErrorsTornLinesAndMissingOutputsAreAccountedFor) {
  const fs::path a = MakeRun("run", {kSeed003});
  std::string manifest = ReadFile(a / "manifest.jsonl");
  WriteFile(a / "in" / "locked.pdf.error.json",
            R"({"source": "locked.pdf", "code": "encrypted", "message": "needs a password"})");
  manifest += ErrorLine("in/locked.pdf", "encrypted", "in/locked.pdf.error.json");
  // Listed as ok, but its JSON is gone.
  Extracted ghost = Extract(kSeed004);
  manifest += ManifestLine("in/ghost.txt", ghost, "in/ghost.txt.json", "in/ghost.txt.facts.csv");
  manifest += R"({"path": "in/torn.txt", "sha256": "ab)";  // a kill mid-line
  WriteFile(a / "manifest.jsonl", manifest);
  std::string log;
  const Result<DatasetSummary> summary = Build({a}, "out", &log);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->documents, 3);
  EXPECT_EQ(summary->ok, 1);
  EXPECT_EQ(summary->bad_outputs, 2);  // the missing JSON and the torn line
  EXPECT_NE(log.find("manifest.jsonl:4: skipped"), std::string::npos) << log;
  EXPECT_NE(log.find("in/ghost.txt: cannot read"), std::string::npos) << log;
  EXPECT_EQ(QueryInt("out",
                     "SELECT count(*) FROM documents WHERE error_code = 'encrypted' AND "
                     "error_message = 'needs a password' AND sha256 IS NULL"),
            1);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM documents WHERE error_code = 'bad_output'"), 1);
  EXPECT_EQ(QueryInt("out", "SELECT count(*) FROM figures"), Extract(kSeed003).figures);
}

// A JSON that belongs to another input (a mixed-up or stale output) is not taken.
TEST_F(DatasetTest, AJsonOfAnotherDocumentIsRefused) {
  const fs::path a = MakeRun("run", {kSeed003});
  WriteFile(a / "in" / (std::string(kSeed003) + ".json"), Extract(kSeed004).json);
  std::string log;
  const Result<DatasetSummary> summary = Build({a}, "out", &log);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->bad_outputs, 1);
  EXPECT_EQ(summary->figures, 0);
  EXPECT_NE(log.find("is for another input"), std::string::npos) << log;
}

TEST_F(DatasetTest, LaterManifestLinesForAPathWin) {
  const fs::path a = MakeRun("run", {kSeed003});
  std::string manifest = ErrorLine("in/" + std::string(kSeed003), "timeout", "none.error.json");
  manifest += ReadFile(a / "manifest.jsonl");
  WriteFile(a / "manifest.jsonl", manifest);
  const Result<DatasetSummary> summary = Build({a}, "out");
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->documents, 1);
  EXPECT_EQ(summary->ok, 1);
}

TEST_F(DatasetTest, AMissingRunDirectoryIsAnError) {
  const Result<DatasetSummary> summary = Build({root_ / "nope"}, "out");
  EXPECT_FALSE(summary.ok());
}

TEST_F(DatasetTest, PlantedLinksInOutAreNotFollowed) {
  const fs::path a = MakeRun("run", {kSeed003});
  fs::create_directories(root_ / "out");
  WriteFile(root_ / "victim", "keep");
  fs::create_symlink(root_ / "victim", root_ / "out" / "facts.csv.tmp");
  fs::create_symlink(root_ / "victim", root_ / "out" / "disclose.sqlite.tmp");
  ASSERT_TRUE(Build({a}, "out").ok());
  EXPECT_EQ(ReadFile(root_ / "victim"), "keep");
  EXPECT_FALSE(fs::is_symlink(root_ / "out" / "facts.csv"));
}

TEST_F(DatasetTest, DataPackageDescribesTheCsvs) {
  const fs::path a = MakeRun("run", {kSeed003});
  ASSERT_TRUE(Build({a}, "out").ok());
  const nlohmann::json package =
      nlohmann::json::parse(ReadFile(root_ / "out" / "datapackage.json"));
  EXPECT_EQ(package["profile"], "tabular-data-package");
  ASSERT_EQ(package["resources"].size(), 3u);
  const nlohmann::json& facts = package["resources"][0];
  EXPECT_EQ(facts["path"], "facts.csv");
  // The schema's fields are the CSV header, in order.
  const std::string csv = ReadFile(root_ / "out" / "facts.csv");
  std::string names;
  for (const auto& field : facts["schema"]["fields"]) {
    names += (names.empty() ? "" : ",") + field["name"].get<std::string>();
  }
  EXPECT_EQ(names, csv.substr(0, csv.find("\r\n")));
  EXPECT_EQ(facts["bytes"], csv.size());
}

}  // namespace
}  // namespace disclose
