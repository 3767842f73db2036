#include "extract/doc/converter.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace disclose::doc {
namespace {

namespace fs = std::filesystem;

// The program's absolute path from PATH, resolved before fork so the child
// only calls async-signal-safe functions.
std::string FindOnPath(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  const char* path = std::getenv("PATH");
  std::string_view rest = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    if (dir.empty()) continue;
    const std::string candidate = std::string(dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

// Removes the temporary directory on every path out.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern =
        std::string(base != nullptr && *base ? base : "/tmp") + "/disclose-convert-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void CloseIfOpen(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

}  // namespace

Status RunConverter(const std::vector<std::string>& argv,
                    const std::vector<std::pair<std::string, std::string_view>>& files,
                    const ConverterLimits& limits, ConverterRun* run) {
  if (argv.empty()) return Status(ErrorCode::kInternal, "converter: empty command");
  const std::string program = FindOnPath(argv[0]);
  if (program.empty()) {
    return Status(ErrorCode::kUnsupportedFormat, argv[0] + " is not installed");
  }
  TempDir dir;
  if (dir.path().empty()) {
    return Status(ErrorCode::kIoError,
                  std::string("converter: temporary directory: ") + std::strerror(errno));
  }
  for (const auto& [name, content] : files) {
    std::ofstream out(dir.path() + "/" + name, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) return Status(ErrorCode::kIoError, "converter: cannot write " + name);
  }

  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    CloseIfOpen(&out_pipe[0]), CloseIfOpen(&out_pipe[1]);
    return Status(ErrorCode::kIoError, std::string("converter: pipe: ") + std::strerror(errno));
  }
  const std::string workdir = dir.path();
  const rlim_t cpu_seconds =
      limits.timeout_seconds > 0 ? static_cast<rlim_t>(limits.timeout_seconds) + 1 : RLIM_INFINITY;
  const pid_t pid = fork();
  if (pid < 0) {
    CloseIfOpen(&out_pipe[0]), CloseIfOpen(&out_pipe[1]);
    CloseIfOpen(&err_pipe[0]), CloseIfOpen(&err_pipe[1]);
    return Status(ErrorCode::kIoError, std::string("converter: fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls until exec.
    setpgid(0, 0);  // its own group, so a timeout kills anything it started
    const int null_in = open("/dev/null", O_RDONLY);
    if (null_in >= 0) dup2(null_in, STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (chdir(workdir.c_str()) != 0) _exit(126);
    const rlimit cpu{cpu_seconds, cpu_seconds};
    setrlimit(RLIMIT_CPU, &cpu);
    const rlimit file_size{256u << 20, 256u << 20};  // images it may write
    setrlimit(RLIMIT_FSIZE, &file_size);
    const rlimit memory{rlim_t{2} << 30, rlim_t{2} << 30};
    setrlimit(RLIMIT_AS, &memory);
    execv(program.c_str(), args.data());
    _exit(127);
  }
  CloseIfOpen(&out_pipe[1]);
  CloseIfOpen(&err_pipe[1]);

  const auto deadline =
      std::chrono::steady_clock::now() +
      std::chrono::seconds(limits.timeout_seconds > 0 ? limits.timeout_seconds : 365 * 24 * 3600);
  Status status;
  char buffer[65536];
  while (out_pipe[0] >= 0 || err_pipe[0] >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      status = Status(ErrorCode::kTimeout, argv[0] + " ran longer than " +
                                               std::to_string(limits.timeout_seconds) + " s");
      break;
    }
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    const int ready = poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) {
      status = Status(ErrorCode::kIoError, std::string("converter: poll: ") + std::strerror(errno));
      break;
    }
    for (int k = 0; k < 2; ++k) {
      int* fd = k == 0 ? &out_pipe[0] : &err_pipe[0];
      if (*fd < 0 || (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t got = read(*fd, buffer, sizeof(buffer));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        CloseIfOpen(fd);
        continue;
      }
      std::string& sink = k == 0 ? run->output : run->errors;
      const std::size_t cap = k == 0 ? limits.max_output_bytes : limits.max_error_bytes;
      if (sink.size() + static_cast<std::size_t>(got) > cap) {
        if (k == 0) {
          status = Status(ErrorCode::kTooLarge,
                          argv[0] + " output passed " + std::to_string(cap) + " bytes");
          break;
        }
        sink.append(buffer, cap - std::min(cap, sink.size()));
      } else {
        sink.append(buffer, static_cast<std::size_t>(got));
      }
    }
    if (!status.ok()) break;
  }
  CloseIfOpen(&out_pipe[0]);
  CloseIfOpen(&err_pipe[0]);
  // Its output is closed; it may still be running (or hung after closing it).
  int wait_status = 0;
  while (status.ok()) {
    const pid_t done = waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      status = Status(ErrorCode::kIoError, std::string("converter: wait: ") + std::strerror(errno));
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      status = Status(ErrorCode::kTimeout, argv[0] + " ran longer than " +
                                               std::to_string(limits.timeout_seconds) + " s");
      break;
    }
    usleep(5000);
  }
  if (!status.ok()) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
    }
    return status;
  }
  if (WIFEXITED(wait_status)) {
    run->exit_code = WEXITSTATUS(wait_status);
    if (run->exit_code == 127) {
      return Status(ErrorCode::kUnsupportedFormat, argv[0] + " could not be started");
    }
  } else if (WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGXCPU) {
    return Status(ErrorCode::kTimeout, argv[0] + " used more than its CPU time");
  }
  return Status();
}

}  // namespace disclose::doc
