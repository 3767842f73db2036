// End-to-end tests of `disclose extract` batches: directory walks, output names that never
// collide, the manifest, --resume after kills, --shard, worker isolation and memory limits,
// outputs that a planted link cannot redirect, and output identical whatever -j is.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli_run.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;
using testing_cli::ErrorLineCount;
using testing_cli::ReadFile;
using testing_cli::RunDisclose;
using testing_cli::RunResult;

const fs::path kSourceDir = DISCLOSE_SOURCE_DIR;
const fs::path kGoldenInputs = kSourceDir / "fixtures" / "golden" / "inputs";
const fs::path kSeed = kGoldenInputs / "003_f226edb144d9e567.txt";

std::vector<nlohmann::json> ManifestLines(const fs::path& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(ReadFile(out / "manifest.jsonl"));
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::map<std::string, nlohmann::json> ManifestByPath(const fs::path& out) {
  std::map<std::string, nlohmann::json> by_path;
  for (const nlohmann::json& line : ManifestLines(out)) by_path[line["path"]] = line;
  return by_path;
}

// Every file below `dir` except the manifest (whose `seconds` vary), with its bytes.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "manifest.jsonl") continue;
    files[fs::relative(entry.path(), dir).string()] = ReadFile(entry.path());
  }
  return files;
}

void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("disclose_batch_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  fs::path dir_;
};

// x.txt and x.error.txt, a/r.txt and b/r.txt, "r" and "r.error": every input keeps its outputs.
TEST_F(BatchTest, OutputsNeverCollide) {
  const std::string seed = ReadFile(kSeed);
  Write(dir_ / "in" / "x.txt", seed);
  Write(dir_ / "in" / "x.error.txt", "");
  Write(dir_ / "in" / "a" / "r.txt", seed);
  Write(dir_ / "in" / "b" / "r.txt", "");
  Write(dir_ / "in" / "r", seed);
  Write(dir_ / "in" / "r.error", "");
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), "-j", "2", (dir_ / "in").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const fs::path out = dir_ / "out";
  for (const char* name : {"x.txt", "a/r.txt", "r"}) {
    EXPECT_TRUE(fs::exists(out / (std::string(name) + ".json"))) << name;
    EXPECT_TRUE(fs::exists(out / (std::string(name) + ".facts.csv"))) << name;
  }
  for (const char* name : {"x.error.txt", "b/r.txt", "r.error~"}) {
    EXPECT_TRUE(fs::exists(out / (std::string(name) + ".error.json"))) << name;
  }
  EXPECT_EQ(ManifestLines(out).size(), 6u);
}

// The two files of a/r.pdf and b/r.pdf given as arguments mirror their folders.
TEST_F(BatchTest, SameNameInTwoFoldersGivenAsFiles) {
  Write(dir_ / "in" / "a" / "r.txt", ReadFile(kSeed));
  Write(dir_ / "in" / "b" / "r.txt", ReadFile(kSeed));
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), (dir_ / "in" / "a" / "r.txt").string(),
                   (dir_ / "in" / "b" / "r.txt").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(dir_ / "out" / "a" / "r.txt.json"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "b" / "r.txt.json"));
}

// Walks recursively in byte order, skips what is clearly not a document, never reads its own
// output directory, and does not follow a directory link (a loop here).
TEST_F(BatchTest, WalksDirectoriesAndSkipsNonDocuments) {
  Write(dir_ / "in" / "b.txt", ReadFile(kSeed));
  Write(dir_ / "in" / "a" / "c.txt", ReadFile(kSeed));
  Write(dir_ / "in" / "image.pdf", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  fs::create_directory_symlink(dir_ / "in", dir_ / "in" / "loop");
  const fs::path out = dir_ / "in" / "out";
  const RunResult run = RunDisclose({"extract", "-o", out.string(), (dir_ / "in").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> lines = ManifestLines(out);
  ASSERT_EQ(lines.size(), 4u) << ReadFile(out / "manifest.jsonl");
  const std::string in = (dir_ / "in").string();
  EXPECT_EQ(lines[0]["path"], in + "/a/c.txt");
  EXPECT_EQ(lines[1]["path"], in + "/b.txt");
  EXPECT_EQ(lines[2]["path"], in + "/image.pdf");
  EXPECT_EQ(lines[2]["status"], "skipped");
  EXPECT_EQ(lines[2]["error_code"], "skipped.image");
  EXPECT_EQ(lines[3]["path"], in + "/loop");
  EXPECT_EQ(lines[3]["error_code"], "skipped.linked_directory");
  EXPECT_TRUE(fs::exists(out / "a" / "c.txt.json"));
}

// --files-from: one path a line, blank lines ignored, in the order given, after FILE arguments.
TEST_F(BatchTest, FilesFromList) {
  Write(dir_ / "in" / "a" / "one.txt", "");
  Write(dir_ / "in" / "b" / "two.txt", "");
  Write(dir_ / "in" / "three.txt", "");
  Write(dir_ / "list", (dir_ / "in" / "b" / "two.txt").string() + "\n\n" +
                           (dir_ / "in" / "a" / "one.txt").string() + "\r\n");
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), "--files-from",
                   (dir_ / "list").string(), (dir_ / "in" / "three.txt").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // empty files
  const std::vector<nlohmann::json> lines = ManifestLines(dir_ / "out");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["outputs"]["error"], "three.txt.error.json");
  EXPECT_EQ(lines[1]["outputs"]["error"], "b/two.txt.error.json");
  EXPECT_EQ(lines[2]["outputs"]["error"], "a/one.txt.error.json");
}

// The manifest's fields, in their documented order.
TEST_F(BatchTest, ManifestLineHasTheDocumentedFields) {
  Write(dir_ / "in" / "good.txt", ReadFile(kSeed));
  Write(dir_ / "in" / "empty.txt", "");
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), "-q",
                   (dir_ / "in" / "good.txt").string(), (dir_ / "in" / "empty.txt").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::vector<nlohmann::json> lines = ManifestLines(dir_ / "out");
  ASSERT_EQ(lines.size(), 2u);
  const nlohmann::ordered_json good = nlohmann::ordered_json::parse(
      ReadFile(dir_ / "out" / "manifest.jsonl")
          .substr(0, ReadFile(dir_ / "out" / "manifest.jsonl").find('\n')));
  std::vector<std::string> keys;
  for (const auto& item : good.items()) keys.push_back(item.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"path", "sha256", "size", "status", "error_code", "outputs",
                                      "pages", "pages_skipped", "pages_truncated", "figures",
                                      "findings", "seconds", "tool_version", "options"}));
  EXPECT_EQ(good["status"], "ok");
  EXPECT_TRUE(good["error_code"].is_null());
  EXPECT_EQ(good["outputs"]["json"], "good.txt.json");
  EXPECT_EQ(good["outputs"]["csv"], "good.txt.facts.csv");
  EXPECT_EQ(good["sha256"].get<std::string>().size(), 64u);
  EXPECT_GT(good["figures"].get<int>(), 10);
  EXPECT_EQ(lines[1]["status"], "error");
  EXPECT_EQ(lines[1]["error_code"], "empty");
  EXPECT_EQ(lines[1]["outputs"]["error"], "empty.txt.error.json");
  EXPECT_EQ(lines[1]["size"], 0);
}

// --shard 1/3, 2/3 and 3/3 together cover every input exactly once.
TEST_F(BatchTest, ShardsCoverEveryInputExactlyOnce) {
  for (int i = 0; i < 24; ++i) Write(dir_ / "in" / ("f" + std::to_string(i) + ".txt"), "");
  std::multiset<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    const fs::path out = dir_ / ("out" + std::to_string(k));
    RunDisclose({"extract", "-o", out.string(), "--shard", std::to_string(k) + "/3",
                 (dir_ / "in").string()});
    const std::vector<nlohmann::json> lines = ManifestLines(out);
    EXPECT_GT(lines.size(), 0u) << "shard " << k << " is empty";
    for (const nlohmann::json& line : lines) seen.insert(line["path"].get<std::string>());
  }
  EXPECT_EQ(seen.size(), 24u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 24u);
}

// A link planted at an output's name or at a folder below -o is never followed.
TEST_F(BatchTest, PlantedLinksAreNeverFollowed) {
  Write(dir_ / "in" / "x.txt", ReadFile(kSeed));
  Write(dir_ / "in" / "sub" / "y.txt", "");
  Write(dir_ / "victim" / "file", "precious");
  const fs::path out = dir_ / "out";
  fs::create_directories(out);
  fs::create_symlink(dir_ / "victim" / "file", out / "x.txt.json");
  fs::create_symlink(dir_ / "victim" / "file", out / "x.txt.facts.csv");
  fs::create_symlink(dir_ / "victim" / "file", out / "x.txt.json.tmp");  // the old temp name
  fs::create_directory_symlink(dir_ / "victim", out / "sub");
  const RunResult run = RunDisclose({"extract", "-o", out.string(), (dir_ / "in").string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // sub/y.txt cannot be written through the link
  EXPECT_EQ(ReadFile(dir_ / "victim" / "file"), "precious");
  EXPECT_FALSE(fs::exists(dir_ / "victim" / "y.txt.error.json"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "victim"), fs::directory_iterator()), 1);
  EXPECT_FALSE(fs::is_symlink(out / "x.txt.json"));
  EXPECT_NE(ReadFile(out / "x.txt.json").find("\"source\""), std::string::npos);
}

// Output files are the same bytes whatever the number of workers.
TEST_F(BatchTest, OutputIsIdenticalWhateverTheNumberOfWorkers) {
  const RunResult one =
      RunDisclose({"extract", "-o", (dir_ / "j1").string(), "-j", "1", kGoldenInputs.string()});
  const RunResult three =
      RunDisclose({"extract", "-o", (dir_ / "j3").string(), "-j", "3", kGoldenInputs.string()});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(three.exit_code, 0) << three.err;
  const auto first = Snapshot(dir_ / "j1");
  EXPECT_EQ(first.size(), 18u);
  EXPECT_TRUE(first == Snapshot(dir_ / "j3"));
}

// One file that crashes, ends without an answer or runs out of memory costs that file an error
// record; the worker is replaced and the others are read.
struct IsolationCase {
  std::string label;
  std::vector<std::string> env;
  std::string code;
};

class WorkerIsolationTest : public BatchTest,
                            public ::testing::WithParamInterface<IsolationCase> {};

TEST_P(WorkerIsolationTest, CostsOnlyThatFile) {
  for (const char* name : {"a.txt", "bad.txt", "c.txt"}) Write(dir_ / "in" / name, ReadFile(kSeed));
  std::vector<std::string> env = GetParam().env;
  env.push_back("DISCLOSE_TEST_CHILD_MATCH=bad.txt");
  const RunResult run = RunDisclose({"extract", "-o", (dir_ / "out").string(), "-j", "1",
                                     "--max-memory-mb", "256", (dir_ / "in").string()},
                                    env);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(ErrorLineCount(run.err), 1) << run.err;
  EXPECT_EQ(run.err.find("terminate called"), std::string::npos) << run.err;
  const nlohmann::json record =
      nlohmann::json::parse(ReadFile(dir_ / "out" / "bad.txt.error.json"));
  EXPECT_EQ(record["code"], GetParam().code);
  EXPECT_TRUE(fs::exists(dir_ / "out" / "a.txt.json"));
  EXPECT_TRUE(fs::exists(dir_ / "out" / "c.txt.json"));
  EXPECT_EQ(ManifestByPath(dir_ / "out").at((dir_ / "in" / "bad.txt").string())["error_code"],
            GetParam().code);
}

std::string IsolationCaseName(const ::testing::TestParamInfo<IsolationCase>& param) {
  return param.param.label;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, WorkerIsolationTest,
    ::testing::Values(
        IsolationCase{"Abort", {"DISCLOSE_TEST_CHILD_ABORT=1"}, "internal"},
        IsolationCase{"ExitWithoutRecord", {"DISCLOSE_TEST_CHILD_EXIT=1"}, "internal"},
        IsolationCase{"OutOfMemory", {"DISCLOSE_TEST_CHILD_ALLOC=1"}, "too_large"},
        IsolationCase{"MallocFailsAndAborts", {"DISCLOSE_TEST_CHILD_ALLOC=2"}, "too_large"}),
    IsolationCaseName);

// A file name that is not UTF-8 keeps its bytes, escaped, in `source` and the manifest.
TEST_F(BatchTest, InvalidUtf8NameIsEscaped) {
  const std::string name = std::string("r\xff\\.txt");
  Write(dir_ / "in" / name, ReadFile(kSeed));
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), (dir_ / "in" / name).string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json json = nlohmann::json::parse(ReadFile(dir_ / "out" / (name + ".json")));
  EXPECT_EQ(json["source"]["name"], "r\\xFF\\x5C.txt");
  const std::vector<nlohmann::json> lines = ManifestLines(dir_ / "out");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["outputs"]["json"], "r\\xFF\\x5C.txt.json");
}

// A newline or escape sequence in a name reaches the terminal escaped.
TEST_F(BatchTest, ControlCharactersAreEscapedOnStderr) {
  const std::string name = "bad\n\x1b[31mname.txt";
  Write(dir_ / "in" / name, "");
  const RunResult run =
      RunDisclose({"extract", "-o", (dir_ / "out").string(), (dir_ / "in" / name).string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("bad\\x0A\\x1B[31mname.txt"), std::string::npos) << run.err;
}

// --resume skips what is done, redoes a missing or truncated output, and gives the same bytes.
TEST_F(BatchTest, ResumeRedoesOnlyWhatIsMissing) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(RunDisclose({"extract", "-o", out.string(), kGoldenInputs.string()}).exit_code, 0);
  const auto want = Snapshot(out);
  const std::string seed = kSeed.filename().string();
  fs::remove(out / (seed + ".json"));
  fs::resize_file(out / "final_2022_yuxi.docx.facts.csv", 10);
  const RunResult run =
      RunDisclose({"extract", "-o", out.string(), "--resume", kGoldenInputs.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("9 ok (7 unchanged)"), std::string::npos) << run.err;
  EXPECT_TRUE(want == Snapshot(out));
  EXPECT_EQ(ManifestLines(out).size(), 9u);
}

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<std::string> storage = {DISCLOSE_BINARY};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  posix_spawn(&pid, DISCLOSE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Killed with SIGKILL twice mid-run, then resumed: the same bytes as an uninterrupted run.
// scripts/kill-resume-check.sh does the same on a whole corpus.
TEST_F(BatchTest, KilledTwiceThenResumedEqualsAnUninterruptedRun) {
  const fs::path whole = dir_ / "whole";
  ASSERT_EQ(
      RunDisclose({"extract", "-o", whole.string(), "-j", "2", kGoldenInputs.string()}).exit_code,
      0);
  const fs::path out = dir_ / "out";
  for (const int delay_ms : {150, 400}) {
    const pid_t pid =
        Spawn({"extract", "-o", out.string(), "-j", "2", "--resume", kGoldenInputs.string()});
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  const RunResult run =
      RunDisclose({"extract", "-o", out.string(), "-j", "2", "--resume", kGoldenInputs.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // --resume also removed the temporary files the kills left.
  EXPECT_TRUE(Snapshot(whole) == Snapshot(out));
  EXPECT_EQ(ManifestLines(out).size(), 9u);
}

// Processes whose command line mentions `needle` (our runs' unique output folders).
int ProcessesMentioning(const std::string& needle) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string cmdline = ReadFile(entry.path() / "cmdline");
    if (cmdline.find(needle) != std::string::npos) ++count;
  }
  return count;
}

// Waits (up to 20 s) until `count` processes mention `needle`: on a loaded machine a fixed sleep
// can signal a batch before it has started its workers (and installed its handlers).
bool WaitForProcessesMentioning(const std::string& needle, int count) {
  for (int i = 0; i < 200; ++i) {
    if (ProcessesMentioning(needle) >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// SIGTERM stops the batch: workers are killed, finished files stay accounted, exit 143.
TEST_F(BatchTest, SigtermStopsWorkersAndExits143) {
  for (const char* name : {"a.txt", "b.txt"}) Write(dir_ / "in" / name, ReadFile(kSeed));
  const fs::path out = dir_ / "out_sigterm";
  setenv("DISCLOSE_TEST_CHILD_SLEEP", "30", 1);
  const pid_t pid = Spawn({"extract", "-o", out.string(), "-j", "2", (dir_ / "in").string()});
  unsetenv("DISCLOSE_TEST_CHILD_SLEEP");
  ASSERT_GT(pid, 0);
  // The parent and its two workers, each asleep in its file.
  ASSERT_TRUE(WaitForProcessesMentioning(out.string(), 3));
  const auto start = std::chrono::steady_clock::now();
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 143);
  EXPECT_EQ(ProcessesMentioning(out.string()), 0);
}

// Workers die with their parent, even when it is killed with SIGKILL.
TEST_F(BatchTest, WorkersDieWithTheirParent) {
  Write(dir_ / "in" / "a.txt", ReadFile(kSeed));
  const fs::path out = dir_ / "out_orphans";
  setenv("DISCLOSE_TEST_CHILD_SLEEP", "30", 1);
  const pid_t pid = Spawn({"extract", "-o", out.string(), (dir_ / "in").string()});
  unsetenv("DISCLOSE_TEST_CHILD_SLEEP");
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(WaitForProcessesMentioning(out.string(), 2));  // the parent and its worker
  EXPECT_EQ(ProcessesMentioning(out.string()), 2);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  int left = 1;
  for (int i = 0; i < 50 && left > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    left = ProcessesMentioning(out.string());
  }
  EXPECT_EQ(left, 0);
}

}  // namespace
}  // namespace disclose
