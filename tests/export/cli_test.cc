// End-to-end tests of the built `disclose` binary (DISCLOSE_BINARY): exit codes, error records,
// one-line stderr, atomic and stale-free outputs, usage errors, the watchdog and crash
// isolation. Every bad input of fixtures/bad/ must give exit 1, NAME.ext.error.json with the
// right machine code and exactly one error line on stderr (besides the closing summary), and
// never a C++ exception or a crash. Batches (tests/export/batch_test.cc) build on these.
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

#include "cli_run.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;
using testing_cli::ErrorLineCount;
using testing_cli::LineCount;
using testing_cli::ReadFile;
using testing_cli::RunDisclose;
using testing_cli::RunResult;

const fs::path kSourceDir = DISCLOSE_SOURCE_DIR;
const fs::path kBad = kSourceDir / "fixtures" / "bad";
const fs::path kSeed = kSourceDir / "fixtures" / "golden" / "inputs" / "003_f226edb144d9e567.txt";

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
    EXPECT_EQ(ErrorLineCount(run.err), 1) << "stderr:\n" << run.err;
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
  ExpectFailure(input, GetParam().file, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, BadInputTest,
    ::testing::Values(
        BadInput{"empty.txt", "empty"}, BadInput{"whitespace.txt", "empty"},
        BadInput{"random.bin", "unsupported_format"},
        // A fake OLE header naming a WordDocument stream: a DOC now, and wvWare cannot read it.
        BadInput{"legacy_ole.doc", "corrupt"}, BadInput{"truncated.docx", "corrupt"},
        BadInput{"truncated.doc", "corrupt"},
        BadInput{"ole_without_word_stream.doc", "unsupported_format"},
        BadInput{"junk.html", "unsupported_format"},
        BadInput{"junk_after_html_tag.html", "unsupported_format"},
        BadInput{"invalid_gbk.txt", "unsupported_format"},
        BadInput{"invalid_gbk.html", "unsupported_format"},
        BadInput{"not_docx.zip", "unsupported_format"}, BadInput{"bad_xml.docx", "corrupt"},
        BadInput{"xxe.docx", "corrupt"}, BadInput{"encrypted.docx", "encrypted"},
        BadInput{"zip_declared_huge.docx", "too_large"}, BadInput{"truncated.pdf", "corrupt"},
        BadInput{"garbage.pdf", "corrupt"}, BadInput{"encrypted.pdf", "encrypted"}),
    BadInputName);

TEST_F(CliTest, ZipBombIsTooLargeUnderTheEntryLimit) {
  const fs::path input = kBad / "zip_bomb.docx";
  if (!fs::exists(input)) GTEST_SKIP() << "zip_bomb.docx not present";
  ExpectFailure(input, "zip_bomb.docx", "too_large", {"--max-zip-entry-mb", "1"});
}

// 30,000 nested <div>s: read (libxml2's SAX parser and our heap stack) or
// refused with a record, never a crash or a hang.
TEST_F(CliTest, DeeplyNestedHtmlIsBounded) {
  const fs::path input = kBad / "deep_nesting.html";
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), input.string()});
  EXPECT_FALSE(run.timed_out);
  EXPECT_TRUE(run.exit_code == 0 || fs::exists(out_ / "deep_nesting.error.json")) << run.err;
  EXPECT_EQ(run.err.find("internal"), std::string::npos) << run.err;
}

// An HTML bomb of 10^6 cells (4 MB, written here rather than committed) is refused.
TEST_F(CliTest, HtmlCellBombIsTooLarge) {
  fs::create_directories(out_ / "in");
  const fs::path input = out_ / "in" / "cell_bomb.html";
  {
    std::ofstream html(input, std::ios::binary);
    html << "<html><body><table><tr>";
    for (int i = 0; i < 1'000'000; ++i) html << "<td>";
  }
  ExpectFailure(input, "cell_bomb.html", "too_large");
}

TEST_F(CliTest, MissingFileIsNotFound) {
  ExpectFailure(out_ / "no" / "such.pdf", "such.pdf", "not_found");
}

// A directory is walked, not refused; an empty one is an empty batch.
TEST_F(CliTest, EmptyDirectoryIsAnEmptyBatch) {
  fs::create_directories(out_ / "in" / "folder.pdf");
  const RunResult run = RunDisclose(
      {"extract", "-o", (out_ / "out").string(), (out_ / "in" / "folder.pdf").string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ErrorLineCount(run.err), 0) << run.err;
  EXPECT_EQ(ReadFile(out_ / "out" / "manifest.jsonl"), "");
}

// Opening a FIFO would block forever; the reader must refuse it without opening it.
TEST_F(CliTest, FifoIsRefusedWithoutHanging) {
  fs::create_directories(out_ / "in");
  const fs::path fifo = out_ / "in" / "pipe.txt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  ExpectFailure(fifo, "pipe.txt", "io_error");
}

TEST_F(CliTest, UnreadableFileIsIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  fs::create_directories(out_ / "in");
  const fs::path input = out_ / "in" / "locked.txt";
  std::ofstream(input) << "收入支出决算总表\n";
  fs::permissions(input, fs::perms::none);
  ExpectFailure(input, "locked.txt", "io_error");
}

TEST_F(CliTest, GoodFileWritesJsonAndCsvAndExitsZero) {
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), kSeed.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.rfind("disclose: done: 1 ok, 0 errors, 0 skipped of 1 file; ", 0), 0u)
      << run.err;
  EXPECT_EQ(LineCount(run.err), 1) << run.err;
  const std::string name = kSeed.filename().string();
  const nlohmann::json json = nlohmann::json::parse(ReadFile(out_ / (name + ".json")));
  EXPECT_EQ(json["source"]["name"], kSeed.filename().string());
  const std::string csv = ReadFile(out_ / (name + ".facts.csv"));
  EXPECT_EQ(csv.rfind("source,department,fiscal_year,doc_kind,table_kind,row_code,row_name,"
                      "column,amount_yuan,page",
                      0),
            0u);
  for (const auto& entry : fs::directory_iterator(out_)) {
    EXPECT_EQ(entry.path().filename().string().find(".disclose-tmp-"), std::string::npos)
        << "left behind: " << entry.path();
  }
}

// Compact NAME.json by default; --pretty gives the golden file byte for byte.
TEST_F(CliTest, CompactByDefaultAndPrettyMatchesTheGolden) {
  const std::string name = kSeed.filename().string();
  const fs::path golden = kSourceDir / "fixtures" / "golden" / "expected" / (name + ".json");
  ASSERT_EQ(RunDisclose({"extract", "-o", (out_ / "compact").string(), kSeed.string()}).exit_code,
            0);
  ASSERT_EQ(RunDisclose({"extract", "--pretty", "-o", (out_ / "pretty").string(), kSeed.string()})
                .exit_code,
            0);
  const std::string compact = ReadFile(out_ / "compact" / (name + ".json"));
  EXPECT_EQ(ReadFile(out_ / "pretty" / (name + ".json")), ReadFile(golden));
  EXPECT_EQ(LineCount(compact), 1);
  EXPECT_EQ(nlohmann::ordered_json::parse(compact),
            nlohmann::ordered_json::parse(ReadFile(golden)));
}

// One bad file does not stop the others; the exit status still says something failed.
TEST_F(CliTest, MixedInputsWriteTheGoodOnesAndExitOne) {
  const RunResult run = RunDisclose(
      {"extract", "--out", out_.string(), kSeed.string(), (kBad / "empty.txt").string()});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(ErrorLineCount(run.err), 1) << run.err;
  // Inputs from two folders: outputs mirror their paths below the common folder.
  const std::string seed = "golden/inputs/" + kSeed.filename().string();
  const std::string empty = kBad.filename().string() + "/empty.txt";
  EXPECT_TRUE(fs::exists(out_ / (seed + ".json")));
  EXPECT_TRUE(fs::exists(out_ / (seed + ".facts.csv")));
  EXPECT_TRUE(fs::exists(out_ / (empty + ".error.json")));
}

// A later run replaces the other outcome's files, so DIR never holds both verdicts for NAME.
TEST_F(CliTest, StaleOutputsOfTheOtherOutcomeAreRemoved) {
  const fs::path input = out_ / "in" / "report.txt";
  fs::create_directories(input.parent_path());
  fs::copy_file(kSeed, input);
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 0);
  ASSERT_TRUE(fs::exists(out_ / "report.txt.json"));

  std::ofstream(input, std::ios::trunc).close();  // now empty
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 1);
  EXPECT_FALSE(fs::exists(out_ / "report.txt.json"));
  EXPECT_FALSE(fs::exists(out_ / "report.txt.facts.csv"));
  EXPECT_TRUE(fs::exists(out_ / "report.txt.error.json"));

  fs::copy_file(kSeed, input, fs::copy_options::overwrite_existing);
  ASSERT_EQ(RunDisclose({"extract", "-o", out_.string(), input.string()}).exit_code, 0);
  EXPECT_TRUE(fs::exists(out_ / "report.txt.json"));
  EXPECT_FALSE(fs::exists(out_ / "report.txt.error.json"));
}

// The parent's watchdog: a reader that never returns costs its file a `timeout` record.
TEST_F(CliTest, WatchdogTimesOutAHungReader) {
  const RunResult run =
      RunDisclose({"extract", "-o", out_.string(), "--timeout", "1", kSeed.string()},
                  {"DISCLOSE_TEST_CHILD_SLEEP=30"}, 60);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_LT(run.seconds, 15.0);
  EXPECT_EQ(ErrorLineCount(run.err), 1) << run.err;
  const nlohmann::json json =
      nlohmann::json::parse(ReadFile(out_ / (kSeed.filename().string() + ".error.json")));
  EXPECT_EQ(json["code"], "timeout");
}

// A reader that aborts (a bug, or a library assertion) costs its file an `internal` record.
TEST_F(CliTest, CrashingReaderBecomesAnInternalErrorRecord) {
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), kSeed.string()},
                                    {"DISCLOSE_TEST_CHILD_ABORT=1"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const nlohmann::json json =
      nlohmann::json::parse(ReadFile(out_ / (kSeed.filename().string() + ".error.json")));
  EXPECT_EQ(json["code"], "internal");
  EXPECT_FALSE(fs::exists(out_ / (kSeed.filename().string() + ".json")));
}

// Outputs add to the whole input name, so an input named like an output stays untouched.
TEST_F(CliTest, InputIsNeverOverwrittenByItsOutput) {
  fs::create_directories(out_);
  const fs::path input = out_ / "report.json";
  fs::copy_file(kSeed, input);
  const RunResult run = RunDisclose({"extract", "-o", out_.string(), input.string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(ReadFile(input) == ReadFile(kSeed)) << "the input was changed or removed";
  EXPECT_TRUE(fs::exists(out_ / "report.json.json"));
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
                      UsageCase{"TimeoutTooLong", {"extract", "--timeout", "2147483647", "a.txt"}},
                      UsageCase{"TimeoutOverflow", {"extract", "--timeout=99999999999", "a.txt"}},
                      UsageCase{"NegativeTimeout", {"extract", "--timeout", "-1", "a.txt"}},
                      UsageCase{"ZeroJobs", {"extract", "-j", "0", "a.txt"}},
                      UsageCase{"TooManyJobs", {"extract", "-j999", "a.txt"}},
                      UsageCase{"TinyMemory", {"extract", "--max-memory-mb", "10", "a.txt"}},
                      UsageCase{"ShardZero", {"extract", "--shard", "0/3", "a.txt"}},
                      UsageCase{"ShardPastCount", {"extract", "--shard", "4/3", "a.txt"}},
                      UsageCase{"ShardNoSlash", {"extract", "--shard", "3", "a.txt"}},
                      UsageCase{"MissingList", {"extract", "--files-from", "/nonexistent/list"}},
                      UsageCase{"InspectWithoutPage", {"inspect", "a.pdf"}},
                      UsageCase{"InspectPageZero", {"inspect", "a.pdf", "--page", "0"}}),
    UsageCaseName);

// An output directory that cannot be written fails the run before any input is read.
TEST(CliUsage, UnwritableOutputDirectoryFailsBeforeAnyWork) {
  const fs::path file =
      fs::temp_directory_path() / ("disclose_cli_file_" + std::to_string(getpid()));
  std::ofstream(file) << "x";
  const RunResult run = RunDisclose({"extract", "-o", (file / "out").string(), kSeed.string()},
                                    {"DISCLOSE_TEST_CHILD_SLEEP=30"}, 20);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_LT(run.seconds, 10.0);
  EXPECT_EQ(LineCount(run.err), 1) << run.err;
  fs::remove(file);
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
  ExpectFailure(kBad / "zip_bomb.xlsx", "zip_bomb.xlsx", "too_large", {"--max-zip-entry-mb", "1"});
}

}  // namespace
}  // namespace disclose
