// Unit tests of the batch runner's pure parts: escaped file names, output names that cannot
// collide, shard assignment, content sniffing, manifest lines and option parsing.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/inputs.h"
#include "cli/names.h"
#include "core/run_manifest.h"

namespace disclose::cli {
namespace {

struct EscapeCase {
  std::string raw, name, terminal;
};

TEST(Names, EscapesKeepEveryByte) {
  const std::vector<EscapeCase> cases = {
      {"report.pdf", "report.pdf", "report.pdf"},
      {"部门预算.pdf", "部门预算.pdf", "部门预算.pdf"},
      {"r\xff.pdf", "r\\xFF.pdf", "r\\xFF.pdf"},
      {"a\\b", "a\\x5Cb", "a\\b"},
      {"x\ny\x1b[1m", "x\ny\x1b[1m", "x\\x0Ay\\x1B[1m"},
      {"\xe4\xb8", "\\xE4\\xB8", "\\xE4\\xB8"},                // truncated sequence
      {"\xc0\xaf", "\\xC0\\xAF", "\\xC0\\xAF"},                // overlong '/'
      {"\xed\xa0\x80", "\\xED\\xA0\\x80", "\\xED\\xA0\\x80"},  // surrogate
      {"\xc2\x85", "\xc2\x85", "\\xC2\\x85"},                  // C1 control NEL
  };
  for (const EscapeCase& c : cases) {
    EXPECT_EQ(EscapeName(c.raw), c.name) << c.raw;
    EXPECT_EQ(EscapeForTerminal(c.raw), c.terminal) << c.raw;
  }
}

TEST(OutputBaseTest, MapsOnlyWhatCouldCollide) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"x.txt", "x.txt"},
      {"x.error.txt", "x.error.txt"},
      {"r.error", "r.error~"},
      {"r.error~", "r.error~~"},
      {"a.json/r.pdf", "a.json~/r.pdf"},
      {"manifest.jsonl/x", "manifest.jsonl~/x"},
      {"data.csv", "data.csv"},
      {"a/b/c.pdf", "a/b/c.pdf"},
  };
  for (const auto& [rel, base] : cases) EXPECT_EQ(OutputBase(rel), base) << rel;
}

// No two inputs' output names coincide, over names built to try.
TEST(OutputBaseTest, OutputNamesOfDifferentInputsNeverCoincide) {
  const std::vector<std::string> rels = {
      "r",      "r.error", "r.error~",    "r~",           "x.txt",    "x.error", "x.txt.error",
      "r.json", "r.facts", "r.facts.csv", "r.error.json", "a.json/b", "a/b"};
  std::set<std::string> outputs;
  size_t count = 0;
  for (const std::string& rel : rels) {
    const std::string base = OutputBase(rel);
    for (const char* suffix : {".json", ".facts.csv", ".error.json"}) {
      outputs.insert(base + suffix);
      ++count;
    }
  }
  EXPECT_EQ(outputs.size(), count);
}

TEST(Shards, DeterministicAndSpread) {
  EXPECT_EQ(ShardOf("a/r.pdf", 1), 0);
  EXPECT_EQ(ShardOf("a/r.pdf", 7), ShardOf("a/r.pdf", 7));
  std::vector<int> counts(3, 0);
  for (int i = 0; i < 300; ++i) ++counts[ShardOf("f" + std::to_string(i) + ".pdf", 3)];
  for (int n : counts) EXPECT_GT(n, 60);
}

TEST(Sniff, RecognisesNonDocumentsOnly) {
  using namespace std::string_literals;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"%PDF-1.7\n", ""},
      {"PK\x03\x04rest"s, ""},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"s, ""},
      {"收入支出决算总表\n", ""},
      {"", ""},
      {"\x89PNG\r\n\x1a\n"s, "skipped.image"},
      {"\xFF\xD8\xFF\xE0"s, "skipped.image"},
      {"\x1F\x8B\x08\x00"s, "skipped.archive"},
      {"\x7F"
       "ELF\x02\x01\x01\x00"s,
       "skipped.executable"},
      {"abc\0def"s, "skipped.binary"},
      {"\xFF\xFEh\0i\0"s, ""},  // UTF-16 text: the readers decide
  };
  for (const auto& [head, code] : cases) EXPECT_EQ(SniffNonDocument(head), code) << head;
}

TEST(Manifest, LineRoundTripsAndTornLinesAreIgnored) {
  ManifestEntry entry;
  entry.path = "in/a.pdf";
  entry.sha256 = std::string(64, 'a');
  entry.size = 12;
  entry.status = "ok";
  entry.json = "a.pdf.json";
  entry.csv = "a.pdf.facts.csv";
  entry.pages = 3;
  entry.figures = 40;
  entry.findings_warning = 2;
  entry.seconds = 0.1234;
  entry.tool_version = "0.1.0";
  entry.options = "ocr=on";
  const std::string line = ManifestToJsonLine(entry);
  EXPECT_EQ(line.rfind("{\"path\":\"in/a.pdf\",\"sha256\":", 0), 0u) << line;
  EXPECT_NE(line.find("\"error_code\":null"), std::string::npos) << line;
  EXPECT_NE(line.find("\"seconds\":0.123"), std::string::npos) << line;
  const LoadedManifest loaded = LoadManifest(line + line.substr(0, line.size() / 2));
  ASSERT_EQ(loaded.order.size(), 1u);
  const ManifestEntry& back = loaded.last.at("in/a.pdf");
  EXPECT_EQ(back.sha256, entry.sha256);
  EXPECT_EQ(back.json, entry.json);
  EXPECT_EQ(back.figures, 40);
  EXPECT_EQ(back.findings_warning, 2);
  EXPECT_EQ(ManifestToJsonLine(back), line);
}

TEST(Args, BatchOptions) {
  const ParsedArgs parsed = ParseArgs({"extract", "-j3", "--shard", "2/5", "--resume", "-q",
                                       "--max-memory-mb", "0", "--files-from", "-", "dir"});
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.extract.jobs, 3);
  EXPECT_EQ(parsed.extract.shard_index, 2);
  EXPECT_EQ(parsed.extract.shard_count, 5);
  EXPECT_TRUE(parsed.extract.resume);
  EXPECT_TRUE(parsed.extract.quiet);
  EXPECT_EQ(parsed.extract.max_memory_mb, 0);
  EXPECT_EQ(parsed.extract.files_from, std::vector<std::string>{"-"});
  EXPECT_EQ(ParseArgs({"extract", "--files-from", "list"}).error, "");
}

TEST(Args, OutOfRangeValuesAreUsageErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"extract", "--timeout", "2147483647", "a"},
                                             {"extract", "--timeout", "604801", "a"},
                                             {"extract", "-j", "0", "a"},
                                             {"extract", "--jobs=257", "a"},
                                             {"extract", "--max-memory-mb", "63", "a"},
                                             {"extract", "--shard", "3/2", "a"},
                                             {"extract", "--shard", "1/0", "a"},
                                             {"extract", "--max-zip-entry-mb", "0", "a"}}) {
    EXPECT_NE(ParseArgs(args).error, "") << args[1] << " " << args[2];
  }
  EXPECT_EQ(ParseArgs({"extract", "--timeout", "604800", "a"}).error, "");
}

}  // namespace
}  // namespace disclose::cli
