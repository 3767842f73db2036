#include "cli/worker_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <thread>

namespace disclose::cli {
namespace {

using Clock = std::chrono::steady_clock;

// --- framing: a message is a u32 length and its fields, each a u32 length and bytes ---------

void PutU32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((value >> shift) & 0xFF);
}

std::uint32_t GetU32(const std::string& in, size_t at) {
  std::uint32_t value = 0;
  for (int k = 3; k >= 0; --k) value = (value << 8) | static_cast<std::uint8_t>(in[at + k]);
  return value;
}

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

// Takes one complete message off the front of `buffer`; false when it holds none yet.
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

long long ToInt(const std::string& text) {
  return std::strtoll(text.c_str(), nullptr, 10);
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
          std::to_string(static_cast<long long>(o.seconds * 1e6))};
}

bool DecodeOutcome(const std::vector<std::string>& f, size_t& index, FileOutcome& o) {
  if (f.size() != 13) return false;
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
  return true;
}

// --- the worker side -------------------------------------------------------------------------

[[noreturn]] void OnOutOfMemory() {
  // Nothing may allocate or unwind here: a destructor that allocates would terminate().
  _exit(kExitOutOfMemory);
}

// Test hooks for tests/export/cli_test.cc, so the watchdog, crash isolation and the memory
// limit are proven without pathological inputs. They act on files whose path contains
// DISCLOSE_TEST_CHILD_MATCH (every file when unset): DISCLOSE_TEST_CHILD_SLEEP=SECONDS,
// DISCLOSE_TEST_CHILD_ABORT=1, DISCLOSE_TEST_CHILD_EXIT=STATUS (ends without an answer),
// DISCLOSE_TEST_CHILD_ALLOC=1 (allocates until the memory limit stops it).
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
  }
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
  std::vector<std::string> fields;
  while (ReadFrame(task_fd, fields)) {
    if (fields.size() != 5) _exit(2);
    FileTask task{fields[1], fields[2], fields[3], fields[4]};
    task.json_style = options.json_style;
    RunTestHooks(task.path);
    const FileOutcome outcome = ExtractFile(out, task, options.extract);
    if (!WriteAll(result_fd,
                  Frame(EncodeOutcome(static_cast<size_t>(ToInt(fields[0])), outcome)))) {
      _exit(2);
    }
  }
  _exit(0);
}

// --- the parent side -------------------------------------------------------------------------

struct Worker {
  pid_t pid = -1;
  int task_fd = -1;    // parent writes tasks
  int result_fd = -1;  // parent reads outcomes
  long task = -1;      // index of the file it is reading, -1 when idle
  Clock::time_point deadline;
  std::string buffer;
};

std::string DescribeSignal(int signal_number) {
  const char* name = strsignal(signal_number);
  return "signal " + std::to_string(signal_number) + (name ? std::string(" ") + name : "");
}

class Pool {
 public:
  Pool(const OutputDir& out, const std::vector<FileTask>& tasks, const PoolOptions& options,
       const std::function<void(size_t, FileOutcome&)>& on_done, int signal_fd)
      : out_(out), tasks_(tasks), options_(options), on_done_(on_done), signal_fd_(signal_fd) {}

  PoolResult Run() {
    const size_t count = std::min(tasks_.size(), static_cast<size_t>(std::max(1, options_.jobs)));
    workers_.resize(count);
    for (Worker& worker : workers_) Spawn(worker);
    while (done_ < tasks_.size()) {
      for (Worker& worker : workers_) {
        if (worker.pid < 0 && next_ < tasks_.size()) Spawn(worker);
        if (worker.pid > 0 && worker.task < 0) Dispatch(worker);
      }
      if (std::none_of(workers_.begin(), workers_.end(),
                       [](const Worker& worker) { return worker.pid > 0; })) {
        // No process can be forked (limits, memory): no isolation beats no result.
        const size_t index = next_++;
        FileOutcome outcome = ExtractFile(out_, tasks_[index], options_.extract);
        Finish(index, outcome);
        continue;
      }
      std::vector<pollfd> fds = {{signal_fd_, POLLIN, 0}};
      std::vector<Worker*> polled;
      for (Worker& worker : workers_) {
        if (worker.pid > 0) {
          fds.push_back({worker.result_fd, POLLIN, 0});
          polled.push_back(&worker);
        }
      }
      const int ready = poll(fds.data(), fds.size(), PollTimeoutMs());
      if (ready < 0 && errno != EINTR) break;
      if (fds[0].revents != 0) {
        signalfd_siginfo info{};
        if (read(signal_fd_, &info, sizeof info) == sizeof info) {
          StopAll();
          return PoolResult{static_cast<int>(info.ssi_signo)};
        }
      }
      for (size_t i = 0; i < polled.size(); ++i) {
        if (fds[i + 1].revents != 0) Drain(*polled[i]);
      }
      EnforceDeadlines();
    }
    for (Worker& worker : workers_) Retire(worker);
    return PoolResult{};
  }

 private:
  void Spawn(Worker& worker) {
    int to_worker[2], from_worker[2];
    if (pipe2(to_worker, O_CLOEXEC) != 0) return;
    if (pipe2(from_worker, O_CLOEXEC) != 0) {
      close(to_worker[0]);
      close(to_worker[1]);
      return;
    }
    std::cout.flush();
    std::cerr.flush();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) {
      // Other workers' pipe ends must not stay open here, or their deaths would never show.
      for (const Worker& other : workers_) {
        if (other.pid > 0) {
          close(other.task_fd);
          close(other.result_fd);
        }
      }
      close(signal_fd_);
      close(to_worker[1]);
      close(from_worker[0]);
      WorkerMain(parent, to_worker[0], from_worker[1], out_, options_);
    }
    close(to_worker[0]);
    close(from_worker[1]);
    if (pid < 0) {
      close(to_worker[1]);
      close(from_worker[0]);
      return;
    }
    worker = Worker{};
    worker.pid = pid;
    worker.task_fd = to_worker[1];
    worker.result_fd = from_worker[0];
  }

  void Dispatch(Worker& worker) {
    if (next_ >= tasks_.size()) return;
    const size_t index = next_++;
    const FileTask& task = tasks_[index];
    worker.task = static_cast<long>(index);
    const int timeout = options_.extract.timeout_seconds;
    // Grace beyond the readers' own deadline, so their precise message normally wins.
    const int grace = std::clamp(timeout / 4, 1, 10);
    worker.deadline =
        Clock::now() + std::chrono::seconds(static_cast<std::int64_t>(timeout) + grace);
    const std::string frame =
        Frame({std::to_string(index), task.path, task.rel, task.resume_sha256, task.resume_status});
    // A failed write means the worker is gone; its pipe's end of file reports that.
    WriteAll(worker.task_fd, frame);
  }

  int PollTimeoutMs() const {
    if (options_.extract.timeout_seconds <= 0) return -1;
    auto nearest = Clock::time_point::max();
    for (const Worker& worker : workers_) {
      if (worker.pid > 0 && worker.task >= 0) nearest = std::min(nearest, worker.deadline);
    }
    if (nearest == Clock::time_point::max()) return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(nearest - Clock::now());
    return static_cast<int>(std::clamp<std::int64_t>(left.count() + 1, 0, 60 * 60 * 1000));
  }

  void Drain(Worker& worker) {
    char chunk[65536];
    const ssize_t got = read(worker.result_fd, chunk, sizeof chunk);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (got <= 0) {
      Died(worker);
      return;
    }
    worker.buffer.append(chunk, static_cast<size_t>(got));
    std::vector<std::string> fields;
    while (TakeFrame(worker.buffer, fields)) {
      size_t index = 0;
      FileOutcome outcome;
      if (!DecodeOutcome(fields, index, outcome) || static_cast<long>(index) != worker.task) {
        continue;  // cannot happen; the death of the worker would still be noticed
      }
      worker.task = -1;
      Finish(index, outcome);
    }
  }

  void Finish(size_t index, FileOutcome& outcome) {
    ++done_;
    on_done_(index, outcome);
  }

  // The worker ended (its pipe closed): reap it, account for its file, replace it.
  void Died(Worker& worker) {
    int status = 0;
    struct rusage usage {};
    while (wait4(worker.pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    close(worker.task_fd);
    close(worker.result_fd);
    const long task = worker.task;
    worker = Worker{};
    if (task >= 0) {
      FileOutcome outcome;
      const long long limit_kb = static_cast<long long>(options_.max_memory_mb) << 10;
      const bool near_limit = limit_kb > 0 && usage.ru_maxrss * 4 >= limit_kb * 3;
      if (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory) {
        outcome.code = ErrorCode::kTooLarge;
        outcome.message = "needs more memory than --max-memory-mb " +
                          std::to_string(options_.max_memory_mb) + " allows";
      } else if (WIFSIGNALED(status) && near_limit) {
        outcome.code = ErrorCode::kTooLarge;
        outcome.message = "ran out of memory under --max-memory-mb " +
                          std::to_string(options_.max_memory_mb) + " (" +
                          DescribeSignal(WTERMSIG(status)) + ")";
      } else if (WIFSIGNALED(status)) {
        outcome.code = ErrorCode::kInternal;
        outcome.message =
            "the reader crashed (" + DescribeSignal(WTERMSIG(status)) + "); please report";
      } else {
        outcome.code = ErrorCode::kInternal;
        outcome.message = "the reader ended without a result (exit status " +
                          std::to_string(WEXITSTATUS(status)) + "); please report";
      }
      Fail(static_cast<size_t>(task), outcome);
    }
  }

  void Fail(size_t index, FileOutcome& outcome) {
    RecordFailure(out_, tasks_[index], outcome);
    Finish(index, outcome);
  }

  void EnforceDeadlines() {
    if (options_.extract.timeout_seconds <= 0) return;
    const Clock::time_point now = Clock::now();
    for (Worker& worker : workers_) {
      if (worker.pid <= 0 || worker.task < 0 || now < worker.deadline) continue;
      kill(worker.pid, SIGKILL);
      int status = 0;
      while (waitpid(worker.pid, &status, 0) < 0 && errno == EINTR) {
      }
      close(worker.task_fd);
      close(worker.result_fd);
      const size_t task = static_cast<size_t>(worker.task);
      worker = Worker{};
      FileOutcome outcome;
      outcome.code = ErrorCode::kTimeout;
      outcome.message =
          "gave up after " + std::to_string(options_.extract.timeout_seconds) + " s (--timeout)";
      Fail(task, outcome);
    }
  }

  // End of the batch: closing a worker's task pipe tells it to exit.
  void Retire(Worker& worker) {
    if (worker.pid <= 0) return;
    close(worker.task_fd);
    close(worker.result_fd);
    while (waitpid(worker.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    worker = Worker{};
  }

  void StopAll() {
    for (Worker& worker : workers_) {
      if (worker.pid > 0) kill(worker.pid, SIGKILL);
    }
    for (Worker& worker : workers_) Retire(worker);
  }

  const OutputDir& out_;
  const std::vector<FileTask>& tasks_;
  const PoolOptions& options_;
  const std::function<void(size_t, FileOutcome&)>& on_done_;
  const int signal_fd_;
  std::vector<Worker> workers_;
  size_t next_ = 0;
  size_t done_ = 0;
};

}  // namespace

PoolResult RunWorkers(const OutputDir& out, const std::vector<FileTask>& tasks,
                      const PoolOptions& options,
                      const std::function<void(size_t, FileOutcome&)>& on_done) {
  // SIGINT and SIGTERM arrive through a signalfd in the poll set, so an interrupted run stops
  // its workers and still accounts for every file that finished.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  sigset_t previous;
  sigprocmask(SIG_BLOCK, &stop, &previous);
  const int signal_fd = signalfd(-1, &stop, SFD_CLOEXEC);
  // A write to a worker that just died must fail with EPIPE, not kill the parent.
  signal(SIGPIPE, SIG_IGN);
  PoolResult result;
  if (signal_fd < 0) {
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    std::cerr << "disclose: cannot create a signalfd: " << std::strerror(errno) << "\n";
    result.signal = SIGTERM;
    return result;
  }
  result = Pool(out, tasks, options, on_done, signal_fd).Run();
  close(signal_fd);
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  return result;
}

}  // namespace disclose::cli
