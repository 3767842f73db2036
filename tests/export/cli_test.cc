// End-to-end tests of the built `disclose` binary (DISCLOSE_BINARY): exit codes, error records,
// one-line stderr, atomic and stale-free outputs, usage errors, the watchdog and crash
// isolation. Every bad input of fixtures/bad/ must give exit 1, NAME.error.json with the right
// machine code and exactly one line on stderr, and never a C++ exception or a crash.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = DISCLOSE_SOURCE_DIR;
const fs::path kBad = kSourceDir / "fixtures" / "bad";
const fs::path kSeed = kSourceDir / "fixtures" / "golden" / "inputs" / "003_f226edb144d9e567.txt";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct RunResult {
  int exit_code = -1;  // -1: killed by a signal or timed out
  bool timed_out = false;
  std::string out;
  std::string err;
  double seconds = 0;
};

// Runs the binary with `args` and extra environment entries ("KEY=VALUE"), capturing stdout and
// stderr through files; kills it after `timeout_seconds` so a hang fails the test, not CI.
RunResult RunDisclose(const std::vector<std::string>& args,
                      const std::vector<std::string>& env = {}, int timeout_seconds = 120) {
  const fs::path dir = fs::temp_directory_path() / ("disclose_cli_run_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path out_path = dir / "stdout";
  const fs::path err_path = dir / "stderr";

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<std::string> argv_storage = {DISCLOSE_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (char** e = environ; *e != nullptr; ++e) env_storage.push_back(*e);
  env_storage.insert(env_storage.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (std::string& entry : env_storage) envp.push_back(entry.data());
  envp.push_back(nullptr);

  RunResult result;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, DISCLOSE_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << DISCLOSE_BINARY;
    return result;
  }
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(timeout_seconds)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  result.out = ReadFile(out_path);
  result.err = ReadFile(err_path);
  fs::remove_all(dir);
  return result;
}

int LineCount(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = fs::temp_directory_path() /
           ("disclose_cli_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(out_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(out_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(out_, ignored);
  }

  // Asserts the contract for one unreadable input and returns the error record.
  nlohmann::json ExpectFailure(const fs::path& input, const std::string& name,
                               const std::string& code,
                               const std::vector<std::string>& extra_args = {}) {
    std::vector<std::string> args = {"extract", "-o", out_.string()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    args.push_back(input.string());
    const RunResult run = RunDisclose(args);
    EXPECT_FALSE(run.timed_out);
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_EQ(LineCount(run.err), 1) << "stderr:\n" << run.err;
    EXPECT_EQ(run.err.rfind("disclose: " + input.string() + ": ", 0), 0u) << run.err;
    EXPECT_EQ(run.err.find("terminate called"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("what():"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(out_ / (name + ".json")));
    EXPECT_FALSE(fs::exists(out_ / (name + ".facts.csv")));
    const fs::path record = out_ / (name + ".error.json");
    EXPECT_TRUE(fs::exists(record));
    const nlohmann::json json = nlohmann::json::parse(ReadFile(record), nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << ReadFile(record);
    if (json.is_discarded()) return json;
    EXPECT_EQ(json.value("code", ""), code) << ReadFile(record);
    EXPECT_EQ(json.value("source", ""), input.filename().string());
    const std::string message = json.value("message", "");
    EXPECT_FALSE(message.empty());
    EXPECT_EQ(message.find('\n'), std::string::npos);
    return json;
  }

  fs::path out_;
};

struct BadInput {
  std::string file;
  std::string code;
};

std::string BadInputName(const ::testing::TestParamInfo<BadInput>& info) {
  std::string name;
  for (char c : info.param.file) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

class BadInputTest : public CliTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, ExitsOneWithErrorRecordAndOneLine) {
  const fs::path input = kBad / GetParam().file;
  if (!fs::exists(input)) GTEST_SKIP() << input << " not present yet";
  std::string name = GetParam().file;
  name.resize(name.find_last_of('.'));
  ExpectFailure(input, name, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BadInputTest,
    ::testing::Values(
        BadInput{"empty.txt", "empty"}, BadInput{"whitespace.txt", "empty"},
        BadInput{"random.bin", "unsupported_format"},
        BadInput{"legacy_ole.doc", "unsupported_format"}, BadInput{"truncated.docx", "corrupt"},
        BadInput{"not_docx.zip", "unsupported_format"}, BadInput{"bad_xml.docx", "corrupt"},
        BadInput{"xxe.docx", "corrupt"}, BadInput{"encrypted.docx", "encrypted"},
        BadInput{"zip_declared_huge.docx", "too_large"}, BadInput{"truncated.pdf", "corrupt"},
        BadInput{"garbage.pdf", "corrupt"}, BadInput{"encrypted.pdf", "encrypted"}),
    BadInputName);

TEST_F(CliTest, ZipBombIsTooLargeUnderTheEntryLimit) {
  const fs::path input = kBad / "zip_bomb.docx";
  if (!fs::exists(input)) GTEST_SKIP() << "zip_bomb.docx not present";
  ExpectFailure(input, "zip_bomb", "too_large", {"--max-zip-entry-mb", "1"});
}

TEST_F(CliTest, MissingFileIsNotFound) {
  ExpectFailure(out_ / "no" / "such.pdf", "such", "not_found");
}

TEST_F(CliTest, DirectoryIsRefused) {
  fs::create_directories(out_ / "in" / "folder.pdf");
  ExpectFailure(out_ / "in" / "folder.pdf", "folder", "is_directory");
}

// Opening a FIFO would block forever; the reader must refuse it without opening it.
TEST_F(CliTest, FifoIsRefusedWithoutHanging) {
  fs::create_directories(out_ / "in");
  const fs::path fifo = out_ / "in" / "pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  ExpectFailure(fifo, "pipe", "io_error");
}

TEST_F(CliTest, UnreadableFileIsIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  fs::create_directories(out_ / "in");
  const fs::path input = out_ / "in" / "locked.txt";
  std::ofstream(input) << "收入支出决算总表\n";
  fs::permissions(input, fs::perms::none);
  ExpectFailure(input, "locked", "io_error");
}

TEST_F(CliTest, GoodFileWritesJsonAndCsvAndExitsZero) {
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), kSeed.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const std::string name = kSeed.stem().string();
  const nlohmann::json json = nlohmann::json::parse(ReadFile(out_ / (name + ".json")));
  EXPECT_EQ(json["source"]["name"], kSeed.filename().string());
  const std::string csv = ReadFile(out_ / (name + ".facts.csv"));
  EXPECT_EQ(csv.rfind("source,department,fiscal_year,doc_kind,table_kind,row_code,row_name,"
                      "column,amount_yuan,page",
                      0),
            0u);
  for (const auto& entry : fs::directory_iterator(out_)) {
    EXPECT_NE(entry.path().extension(), ".tmp") << "left behind: " << entry.path();
  }
}

// One bad file does not stop the others; the exit status still says something failed.
TEST_F(CliTest, MixedInputsWriteTheGoodOnesAndExitOne) {
  const RunResult run = RunDisclose(
      {"extract", "--out", out_.string(), kSeed.string(), (kBad / "empty.txt").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(LineCount(run.err), 1) << run.err;
  EXPECT_TRUE(fs::exists(out_ / (kSeed.stem().string() + ".json")));
  EXPECT_TRUE(fs::exists(out_ / (kSeed.stem().string() + ".facts.csv")));
  EXPECT_TRUE(fs::exists(out_ / "empty.error.json"));
}

// A later run replaces the other outcome's files, so DIR never holds both verdicts for NAME.
TEST_F(CliTest, StaleOutputsOfTheOtherOutcomeAreRemoved) {
  const fs::path input = out_ / "in" / "report.txt";
  fs::create_directories(input.parent_path());
  fs::copy_file(kSeed, input);
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 0);
  ASSERT_TRUE(fs::exists(out_ / "report.json"));

  std::ofstream(input, std::ios::trunc).close();  // now empty
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 1);
  EXPECT_FALSE(fs::exists(out_ / "report.json"));
  EXPECT_FALSE(fs::exists(out_ / "report.facts.csv"));
  EXPECT_TRUE(fs::exists(out_ / "report.error.json"));

  fs::copy_file(kSeed, input, fs::copy_options::overwrite_existing);
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 0);
  EXPECT_TRUE(fs::exists(out_ / "report.json"));
  EXPECT_FALSE(fs::exists(out_ / "report.error.json"));
}

// The parent's watchdog: a reader that never returns costs its file a `timeout` record.
TEST_F(CliTest, WatchdogTimesOutAHungReader) {
  const RunResult run =
      RunDisclose({"extract", "-o", out_.string(), "--timeout", "1", kSeed.string()},
                  {"DISCLOSE_TEST_CHILD_SLEEP=30"}, 60);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_LT(run.seconds, 15.0);
  EXPECT_EQ(LineCount(run.err), 1) << run.err;
  const nlohmann::json json =
      nlohmann::json::parse(ReadFile(out_ / (kSeed.stem().string() + ".error.json")));
  EXPECT_EQ(json["code"], "timeout");
}

// A reader that aborts (a bug, or a library assertion) costs its file an `internal` record.
TEST_F(CliTest, CrashingReaderBecomesAnInternalErrorRecord) {
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), kSeed.string()},
                                    {"DISCLOSE_TEST_CHILD_ABORT=1"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const nlohmann::json json =
      nlohmann::json::parse(ReadFile(out_ / (kSeed.stem().string() + ".error.json")));
  EXPECT_EQ(json["code"], "internal");
  EXPECT_FALSE(fs::exists(out_ / (kSeed.stem().string() + ".json")));
}

TEST_F(CliTest, InputIsNeverOverwrittenByItsOutput) {
  fs::create_directories(out_);
  const fs::path input = out_ / "report.json";
  fs::copy_file(kSeed, input);
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), input.string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(ReadFile(input) == ReadFile(kSeed)) << "the input was changed or removed";
  EXPECT_TRUE(fs::exists(out_ / "report.error.json"));
}

struct UsageCase {
  std::string label;
  std::vector<std::string> args;
};

std::string UsageCaseName(const ::testing::TestParamInfo<UsageCase>& info) {
  return info.param.label;
}

class UsageTest : public ::testing::TestWithParam<UsageCase> {};

TEST_P(UsageTest, ExitsTwoWithUsage) {
  const RunResult run = RunDisclose(GetParam().args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("usage:"), std::string::npos) << run.err;
  EXPECT_EQ(run.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UsageTest,
    ::testing::Values(UsageCase{"NoArguments", {}}, UsageCase{"UnknownCommand", {"frobnicate"}},
                      UsageCase{"ExtractWithoutFiles", {"extract"}},
                      UsageCase{"ExtractOnlyOut", {"extract", "-o", "x"}},
                      UsageCase{"MissingOutValue", {"extract", "a.txt", "-o"}},
                      UsageCase{"UnknownOption", {"extract", "--frobnicate", "a.txt"}},
                      UsageCase{"BadTimeout", {"extract", "--timeout", "soon", "a.txt"}},
                      UsageCase{"InspectWithoutPage", {"inspect", "a.pdf"}},
                      UsageCase{"InspectPageZero", {"inspect", "a.pdf", "--page", "0"}}),
    UsageCaseName);

TEST(CliUsage, DuplicateOutputNamesAreRefusedBeforeAnyWork) {
  const RunResult run =
      RunDisclose({"extract", "-o", "/nonexistent/never/created", "a/x.pdf", "b/x.docx"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(fs::exists("/nonexistent/never/created"));
}

TEST(CliUsage, HelpAndVersionExitZero) {
  const RunResult help = RunDisclose({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("disclose extract"), std::string::npos);
  const RunResult version = RunDisclose({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("disclose ", 0), 0u);
}

TEST(CliInspect, TextFileIsAOneLineFailure) {
  const RunResult run = RunDisclose({"inspect", kSeed.string(), "--page", "1", "--json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(LineCount(run.err), 1) << run.err;
}

TEST(CliInspect, PdfPageAsJson) {
  const fs::path pdf =
      kSourceDir / "fixtures" / "golden" / "inputs" / "sh_putuo_welfarehome_2024_unit_budget.pdf";
  const RunResult run = RunDisclose({"inspect", pdf.string(), "--page", "1", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(nlohmann::json::parse(run.out, nullptr, false).is_discarded());
}

// Damaged and hostile workbooks (scripts/make-xlsx-fixtures.py).
INSTANTIATE_TEST_SUITE_P(
    Workbooks, BadInputTest,
    ::testing::Values(BadInput{"truncated.xlsx", "corrupt"}, BadInput{"bad_xml.xlsx", "corrupt"},
                      BadInput{"xxe.xlsx", "corrupt"}, BadInput{"many_strings.xlsx", "too_large"},
                      BadInput{"truncated.xls", "corrupt"}, BadInput{"fat_loop.xls", "corrupt"}),
    BadInputName);

TEST_F(CliTest, XlsxZipBombIsTooLargeUnderTheEntryLimit) {
  ExpectFailure(kBad / "zip_bomb.xlsx", "zip_bomb", "too_large", {"--max-zip-entry-mb", "1"});
}

}  // namespace
}  // namespace disclose
