#include "cli/worker_protocol.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <thread>

namespace disclose::cli::worker {
namespace {

void PutU32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

std::uint32_t GetU32(const std::string& in, size_t at) {
  std::uint32_t value = 0;
  for (int k = 3; k >= 0; --k) value = (value << 8) | static_cast<std::uint8_t>(in[at + k]);
  return value;
}

long long ToInt(const std::string& text) {
  return std::strtoll(text.c_str(), nullptr, 10);
}

[[noreturn]] void OnOutOfMemory() {
  // Nothing may allocate or unwind here: a destructor that allocates would terminate().
  _exit(kExitOutOfMemory);
}

// C libraries abort when malloc fails (Poppler's gmalloc prints "Out of memory" and calls
// abort()); malloc left errno at ENOMEM, which tells that abort from a crash.
void OnAbort(int) {
  if (errno == ENOMEM) _exit(kExitOutOfMemory);
  signal(SIGABRT, SIG_DFL);
  raise(SIGABRT);
}

// Test hooks for tests/export/cli_test.cc, so the watchdog, crash isolation and the memory
// limit are proven without pathological inputs. They act on files whose path contains
// DISCLOSE_TEST_CHILD_MATCH (every file when unset): DISCLOSE_TEST_CHILD_SLEEP=SECONDS,
// DISCLOSE_TEST_CHILD_ABORT=1, DISCLOSE_TEST_CHILD_EXIT=STATUS (ends without an answer),
// DISCLOSE_TEST_CHILD_ALLOC=1 (allocates with new until the memory limit stops it; =2 with
// malloc, aborting when it fails, as Poppler does).
void RunTestHooks(const std::string& path) {
  const char* match = std::getenv("DISCLOSE_TEST_CHILD_MATCH");
  if (match != nullptr && path.find(match) == std::string::npos) return;
  if (const char* seconds = std::getenv("DISCLOSE_TEST_CHILD_SLEEP")) {
    std::this_thread::sleep_for(std::chrono::seconds(std::atoi(seconds)));
  }
  if (const char* abort_now = std::getenv("DISCLOSE_TEST_CHILD_ABORT")) {
    if (std::string(abort_now) == "1") std::abort();
  }
  if (const char* status = std::getenv("DISCLOSE_TEST_CHILD_EXIT")) _exit(std::atoi(status));
  if (const char* alloc = std::getenv("DISCLOSE_TEST_CHILD_ALLOC")) {
    if (std::string(alloc) == "1") {
      std::vector<std::string*> hoard;
      while (true) hoard.push_back(new std::string(1 << 20, 'x'));
    }
    if (std::string(alloc) == "2") {
      while (void* block = std::malloc(1 << 20)) std::memset(block, 1, 1 << 20);
      std::abort();
    }
  }
}

}  // namespace

std::string Frame(const std::vector<std::string>& fields) {
  std::string body;
  for (const std::string& field : fields) {
    PutU32(body, static_cast<std::uint32_t>(field.size()));
    body += field;
  }
  std::string frame;
  PutU32(frame, static_cast<std::uint32_t>(body.size()));
  return frame + body;
}

bool TakeFrame(std::string& buffer, std::vector<std::string>& fields) {
  if (buffer.size() < 4) return false;
  const size_t length = GetU32(buffer, 0);
  if (buffer.size() < 4 + length) return false;
  fields.clear();
  size_t at = 4;
  while (at + 4 <= 4 + length) {
    const size_t size = GetU32(buffer, at);
    at += 4;
    if (at + size > 4 + length) break;
    fields.push_back(buffer.substr(at, size));
    at += size;
  }
  buffer.erase(0, 4 + length);
  return true;
}

bool WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t wrote = write(fd, data.data() + done, data.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<size_t>(wrote);
  }
  return true;
}

namespace {

// Reads one whole message, blocking; false at end of file.
bool ReadFrame(int fd, std::vector<std::string>& fields) {
  std::string buffer;
  char chunk[4096];
  while (!TakeFrame(buffer, fields)) {
    const size_t want = buffer.size() < 4
                            ? 4 - buffer.size()
                            : std::min(sizeof chunk, 4 + GetU32(buffer, 0) - buffer.size());
    const ssize_t got = read(fd, chunk, want);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(got));
  }
  return true;
}

}  // namespace

std::vector<std::string> EncodeTask(size_t index, const FileTask& task) {
  return {std::to_string(index), task.path, task.rel, task.resume_sha256, task.resume_status};
}

std::vector<std::string> EncodeOutcome(size_t index, const FileOutcome& o) {
  return {std::to_string(index),
          o.resumed ? "1" : "0",
          std::to_string(static_cast<int>(o.code)),
          o.message,
          o.sha256,
          std::to_string(o.size),
          std::to_string(o.pages),
          std::to_string(o.pages_skipped),
          std::to_string(o.figures),
          std::to_string(o.findings_error),
          std::to_string(o.findings_warning),
          std::to_string(o.findings_info),
          std::to_string(static_cast<long long>(o.seconds * 1e6)),
          std::to_string(o.pages_truncated)};
}

bool DecodeOutcome(const std::vector<std::string>& f, size_t& index, FileOutcome& o) {
  if (f.size() != 14) return false;
  index = static_cast<size_t>(ToInt(f[0]));
  o.resumed = f[1] == "1";
  o.code = static_cast<ErrorCode>(ToInt(f[2]));
  o.message = f[3];
  o.sha256 = f[4];
  o.size = ToInt(f[5]);
  o.pages = static_cast<int>(ToInt(f[6]));
  o.pages_skipped = static_cast<int>(ToInt(f[7]));
  o.figures = static_cast<int>(ToInt(f[8]));
  o.findings_error = static_cast<int>(ToInt(f[9]));
  o.findings_warning = static_cast<int>(ToInt(f[10]));
  o.findings_info = static_cast<int>(ToInt(f[11]));
  o.seconds = static_cast<double>(ToInt(f[12])) / 1e6;
  o.pages_truncated = static_cast<int>(ToInt(f[13]));
  return true;
}

[[noreturn]] void WorkerMain(pid_t parent, int task_fd, int result_fd, const OutputDir& out,
                             const PoolOptions& options) {
  // Die with the parent; if it is already gone, the signal will never come.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);
  // A Ctrl-C or a SIGTERM sent to the whole process group is the parent's to handle: it stops
  // the workers itself, after accounting for what finished, instead of seeing them "crash".
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGPIPE, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (options.max_memory_mb > 0) {
    const rlim_t bytes = static_cast<rlim_t>(options.max_memory_mb) << 20;
    const struct rlimit limit = {bytes, bytes};
    setrlimit(RLIMIT_DATA, &limit);
  }
  std::set_new_handler(&OnOutOfMemory);
  signal(SIGABRT, &OnAbort);
  std::vector<std::string> fields;
  while (ReadFrame(task_fd, fields)) {
    if (fields.size() != 5) _exit(2);
    const FileTask task{fields[1], fields[2], fields[3], fields[4]};
    RunTestHooks(task.path);
    const FileOutcome outcome = ExtractFile(out, task, options.extract, options.json_style);
    if (!WriteAll(result_fd,
                  Frame(EncodeOutcome(static_cast<size_t>(ToInt(fields[0])), outcome)))) {
      _exit(2);
    }
  }
  _exit(0);
}

}  // namespace disclose::cli::worker
