// `disclose extract [-o DIR] FILE...`: per input NAME.ext, DIR/NAME.json and DIR/NAME.facts.csv,
// or DIR/NAME.error.json when the file cannot be read.
//
// Robustness is the point of this file:
//  - each file is read in a forked child, so a reader that crashes, aborts or hangs costs that
//    one file (an `internal` or `timeout` error record), never the run;
//  - the parent enforces ExtractOptions::timeout_seconds plus a grace period with SIGKILL; the
//    readers check the same deadline themselves and normally answer first, more precisely;
//  - outputs are written to NAME.*.tmp and renamed, so a file under its final name is always
//    complete; each outcome removes the stale outputs of the other;
//  - no exception escapes: std::bad_alloc becomes `too_large`, anything else `internal`.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <new>
#include <string>
#include <system_error>
#include <thread>

#include "cli/commands.h"
#include "export/export.h"
#include "extract/extract.h"
#include "extract/inspect.h"
#include "normalize/normalize.h"

namespace disclose::cli {
namespace {

namespace fs = std::filesystem;

// The input's last path component; trailing slashes ("dir/") do not make it empty.
std::string BaseName(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// NAME: the file name without its last extension ("a.b.pdf" -> "a.b"; ".hidden" stays).
std::string OutputName(const std::string& path) {
  std::string name = BaseName(path);
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  if (name.empty() || name == "." || name == ".." || name == "/") name = "input";
  return name;
}

struct OutputPaths {
  fs::path json, csv, error;
};

OutputPaths PathsFor(const std::string& out_dir, const std::string& name) {
  const fs::path dir(out_dir);
  return {dir / (name + ".json"), dir / (name + ".facts.csv"), dir / (name + ".error.json")};
}

fs::path TempPath(const fs::path& path) {
  return fs::path(path.string() + ".tmp");
}

void RemoveQuietly(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
}

// Writes `content` to PATH.tmp and renames it over PATH: readers of DIR never see half a file.
Status WriteAtomically(const fs::path& path, const std::string& content) {
  const fs::path temp = TempPath(path);
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) {
    return Status(ErrorCode::kIoError,
                  "cannot write " + temp.string() + ": " + std::strerror(errno));
  }
  const bool written = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  const int write_errno = errno;
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    const int close_errno = errno;
    RemoveQuietly(temp);
    return Status(ErrorCode::kIoError, "cannot write " + temp.string() + ": " +
                                           std::strerror(written ? close_errno : write_errno));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    RemoveQuietly(temp);
    return Status(ErrorCode::kIoError,
                  "cannot rename " + temp.string() + ": " + std::strerror(rename_errno));
  }
  return Status::Ok();
}

// One line for stderr and error.json, without repeating the path the line already names.
std::string OneLine(const std::string& input, std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  for (const std::string& prefix : {input + ": ", BaseName(input) + ": "}) {
    if (message.size() > prefix.size() && message.compare(0, prefix.size(), prefix) == 0) {
      return message.substr(prefix.size());
    }
  }
  return message;
}

// The failure side: stale success outputs go, NAME.error.json arrives, one line on stderr.
void RecordFailure(const std::string& input, const OutputPaths& paths, const Status& status) {
  for (const fs::path& path : {paths.json, paths.csv}) {
    std::error_code error;
    if (fs::equivalent(fs::path(input), path, error)) continue;  // never delete the input
    RemoveQuietly(path);
    RemoveQuietly(TempPath(path));
  }
  const std::string message = OneLine(input, status.message());
  const Status record(status.code(), message);
  const Status written = WriteAtomically(paths.error, ErrorToJson(BaseName(input), record));
  std::cerr << "disclose: " << input << ": " << message;
  if (!written.ok()) std::cerr << " (and " << written.message() << ")";
  std::cerr << "\n";
}

// Refuses to let an output replace its own input (`disclose extract -o . report.json`).
Status CheckNotOverwritingInput(const std::string& input, const OutputPaths& paths) {
  for (const fs::path& path : {paths.json, paths.csv, paths.error}) {
    std::error_code error;
    if (fs::equivalent(fs::path(input), path, error)) {
      return Status(ErrorCode::kInvalidArgument,
                    "output " + path.string() + " would overwrite the input");
    }
  }
  return Status::Ok();
}

// Reads, normalizes and writes one file in the current process. Returns true on success.
bool ExtractOne(const std::string& input, const OutputPaths& paths, const ExtractOptions& options,
                JsonStyle style) {
  Status status;
  try {
    status = CheckNotOverwritingInput(input, paths);
    if (status.ok()) {
      Result<Document> document = ReadDocument(input, options);
      if (!document.ok()) {
        status = document.status();
      } else {
        const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
        const std::string json = DocumentToJson(document.value(), normalized, style);
        const std::string csv = FactsToCsv(document.value(), normalized);
        status = WriteAtomically(paths.json, json);
        if (status.ok()) status = WriteAtomically(paths.csv, csv);
        if (status.ok()) {
          RemoveQuietly(paths.error);
          return true;
        }
      }
    }
  } catch (const std::bad_alloc&) {
    status = Status(ErrorCode::kTooLarge, "ran out of memory reading the file");
  } catch (const std::exception& error) {
    status = Status(ErrorCode::kInternal, std::string("internal error: ") + error.what());
  } catch (...) {
    status = Status(ErrorCode::kInternal, "internal error: unknown exception");
  }
  try {
    RecordFailure(input, paths, status);
  } catch (...) {
    // Even the failure record could not be written (memory); the exit code still says so.
  }
  return false;
}

// Test hooks, so tests/export/cli_test.cc can prove the watchdog and crash isolation without a
// real pathological input: DISCLOSE_TEST_CHILD_SLEEP=SECONDS, DISCLOSE_TEST_CHILD_ABORT=1.
void RunChildTestHooks() {
  if (const char* sleep_seconds = std::getenv("DISCLOSE_TEST_CHILD_SLEEP")) {
    std::this_thread::sleep_for(std::chrono::seconds(std::atoi(sleep_seconds)));
  }
  if (const char* abort_now = std::getenv("DISCLOSE_TEST_CHILD_ABORT")) {
    if (std::string(abort_now) == "1") std::abort();
  }
}

std::string DescribeSignal(int signal_number) {
  const char* name = strsignal(signal_number);
  return "signal " + std::to_string(signal_number) + (name ? std::string(" ") + name : "");
}

// Runs ExtractOne in a forked child and waits for it within the watchdog deadline.
bool ExtractIsolated(const std::string& input, const OutputPaths& paths,
                     const ExtractOptions& options, JsonStyle style) {
  std::cout.flush();
  std::cerr.flush();
  const pid_t child = fork();
  if (child < 0) return ExtractOne(input, paths, options, style);  // no isolation beats no result
  if (child == 0) {
    RunChildTestHooks();
    const bool ok = ExtractOne(input, paths, options, style);
    std::cout.flush();
    std::cerr.flush();
    // _exit: the parent owns stdio buffers and atexit handlers.
    _exit(ok ? 0 : 1);
  }

  using Clock = std::chrono::steady_clock;
  const bool limited = options.timeout_seconds > 0;
  // Grace beyond the readers' own deadline, so their precise message normally wins.
  const int grace_seconds = std::clamp(options.timeout_seconds / 4, 1, 10);
  const Clock::time_point deadline =
      Clock::now() + std::chrono::seconds(options.timeout_seconds + grace_seconds);
  auto pause = std::chrono::milliseconds(1);
  int wait_status = 0;
  while (true) {
    const pid_t done = waitpid(child, &wait_status, WNOHANG);
    if (done == child) break;
    if (done < 0 && errno != EINTR) {
      RecordFailure(input, paths,
                    Status(ErrorCode::kInternal,
                           std::string("lost the reader process: ") + std::strerror(errno)));
      return false;
    }
    if (limited && Clock::now() >= deadline) {
      kill(child, SIGKILL);
      while (waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
      }
      RecordFailure(
          input, paths,
          Status(ErrorCode::kTimeout,
                 "gave up after " + std::to_string(options.timeout_seconds) + " s (--timeout)"));
      return false;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) return true;
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 1) return false;  // recorded
  const std::string how = WIFSIGNALED(wait_status)
                              ? DescribeSignal(WTERMSIG(wait_status))
                              : "exit status " + std::to_string(WEXITSTATUS(wait_status));
  RecordFailure(input, paths,
                Status(ErrorCode::kInternal, "the reader crashed (" + how + "); please report"));
  return false;
}

}  // namespace

int RunExtract(const ExtractArgs& args) {
  // Two inputs with one NAME would overwrite each other's outputs: refuse before any work.
  std::map<std::string, std::string> inputs_by_name;
  for (const std::string& input : args.files) {
    const auto [it, inserted] = inputs_by_name.emplace(OutputName(input), input);
    if (!inserted) {
      std::cerr << "disclose: " << it->second << " and " << input << " would both write "
                << it->first << ".json; extract them into different directories\n";
      return kExitUsage;
    }
  }

  std::error_code error;
  fs::create_directories(args.out_dir, error);
  if (error || !fs::is_directory(args.out_dir)) {
    std::cerr << "disclose: " << args.out_dir << ": cannot create the output directory"
              << (error ? ": " + error.message() : std::string()) << "\n";
    return kExitFileFailed;
  }

  ExtractOptions options;
  options.timeout_seconds = args.timeout_seconds;
  options.enable_ocr = args.enable_ocr;
  if (args.max_zip_entry_mb > 0) {
    options.max_zip_entry_bytes = static_cast<std::uint64_t>(args.max_zip_entry_mb) << 20;
  }
  SetPdfVerbose(args.verbose);

  bool all_ok = true;
  for (const std::string& input : args.files) {
    const OutputPaths paths = PathsFor(args.out_dir, OutputName(input));
    const JsonStyle style = args.pretty ? JsonStyle::kPretty : JsonStyle::kCompact;
    const bool ok = args.in_process ? ExtractOne(input, paths, options, style)
                                    : ExtractIsolated(input, paths, options, style);
    all_ok = all_ok && ok;
  }
  return all_ok ? kExitOk : kExitFileFailed;
}

}  // namespace disclose::cli
