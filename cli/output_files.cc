#include "cli/output_files.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace disclose::cli {
namespace {

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

Status IoError(const std::string& what, int error) {
  return Status(ErrorCode::kIoError, what + ": " + std::strerror(error));
}

std::string LastComponent(const std::string& rel) {
  const size_t slash = rel.rfind('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

// The folder holding REL's last component, entered one component at a time without following
// links; created when `create`.
Result<Fd> OpenParent(int root, const std::string& rel, bool create) {
  Fd current(fcntl(root, F_DUPFD_CLOEXEC, 0));
  if (current.get() < 0) return IoError("cannot open the output directory", errno);
  size_t start = 0;
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', start)) {
    const std::string part = rel.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == "." || part == "..") continue;  // REL never has them; be sure
    constexpr int kFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    int next = openat(current.get(), part.c_str(), kFlags);
    if (next < 0 && errno == ENOENT && create) {
      if (mkdirat(current.get(), part.c_str(), 0755) != 0 && errno != EEXIST) {
        return IoError("cannot create output folder " + rel.substr(0, slash), errno);
      }
      next = openat(current.get(), part.c_str(), kFlags);
    }
    if (next < 0) {
      const int error = errno;
      if (error == ELOOP || error == ENOTDIR) {
        return Status(ErrorCode::kIoError, "output folder " + rel.substr(0, slash) +
                                               " is a link or a file; not following it");
      }
      return IoError("cannot open output folder " + rel.substr(0, slash), error);
    }
    current = Fd(next);
  }
  return current;
}

// Creates a new file under a random name in `dir` (O_EXCL|O_NOFOLLOW: never an existing file or
// link), writes `content`, and returns the name.
Result<std::string> WriteTemp(int dir, const std::string& content) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int attempt = 0; attempt < 16; ++attempt) {
    unsigned char random[10] = {};
    if (getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) {
      for (unsigned char& byte : random) byte = static_cast<unsigned char>(rand());
    }
    std::string name = ".disclose-tmp-";
    for (unsigned char byte : random) name += kAlphabet[byte % 36];
    const int fd =
        openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return IoError("cannot create a file in the output directory", errno);
    Fd file(fd);
    size_t done = 0;
    while (done < content.size()) {
      const ssize_t wrote = write(fd, content.data() + done, content.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) {
        const int error = wrote < 0 ? errno : ENOSPC;
        unlinkat(dir, name.c_str(), 0);
        return IoError("cannot write the output", error);
      }
      done += static_cast<size_t>(wrote);
    }
    return name;
  }
  return Status(ErrorCode::kIoError, "cannot create a temporary file in the output directory");
}

bool SameFile(int dir, const std::string& name, const std::string& input) {
  struct stat output_info {
  }, input_info{};
  return fstatat(dir, name.c_str(), &output_info, AT_SYMLINK_NOFOLLOW) == 0 &&
         stat(input.c_str(), &input_info) == 0 && output_info.st_dev == input_info.st_dev &&
         output_info.st_ino == input_info.st_ino;
}

Status CheckNotInput(int dir, const std::string& name, const std::string& input) {
  if (!input.empty() && SameFile(dir, name, input)) {
    return Status(ErrorCode::kInvalidArgument, "output " + name + " would overwrite the input");
  }
  return Status::Ok();
}

void RemoveUnlessInput(int dir, const std::string& name, const std::string& input) {
  if (input.empty() || !SameFile(dir, name, input)) unlinkat(dir, name.c_str(), 0);
}

Status RenameInto(int dir, const std::string& temp, const std::string& name) {
  if (renameat(dir, temp.c_str(), dir, name.c_str()) != 0) {
    const int error = errno;
    unlinkat(dir, temp.c_str(), 0);
    return IoError("cannot rename into " + name, error);
  }
  return Status::Ok();
}

bool EndsComplete(int dir, const std::string& name, bool json) {
  Fd file(openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  struct stat info {};
  if (file.get() < 0 || fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  if (info.st_size < 2) return false;
  char tail[2] = {};
  if (pread(file.get(), tail, 2, info.st_size - 2) != 2) return false;
  return tail[1] == '\n' && (!json || tail[0] == '}');
}

}  // namespace

OutputNames NamesFor(const std::string& rel) {
  return {rel + ".json", rel + ".facts.csv", rel + ".error.json"};
}

Result<OutputDir> OutputDir::Open(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return Status(ErrorCode::kIoError,
                  "cannot open the output directory: " + std::string(std::strerror(errno)) +
                      (error ? " (" + error.message() + ")" : ""));
  }
  OutputDir dir(path, fd);
  Result<std::string> probe = WriteTemp(fd, "");
  if (!probe.ok()) {
    return Status(ErrorCode::kIoError,
                  "the output directory is not writable: " + probe.status().message());
  }
  unlinkat(fd, probe.value().c_str(), 0);
  return dir;
}

OutputDir::OutputDir(OutputDir&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

OutputDir& OutputDir::operator=(OutputDir&& other) noexcept {
  std::swap(path_, other.path_);
  std::swap(fd_, other.fd_);
  return *this;
}

OutputDir::~OutputDir() {
  if (fd_ >= 0) close(fd_);
}

DirIdentity OutputDir::identity() const {
  struct stat info {};
  if (fstat(fd_, &info) != 0) return {};
  return DirIdentity{info.st_dev, info.st_ino, true};
}

Status OutputDir::CommitSuccess(const std::string& rel, const std::string& json,
                                const std::string& csv, const std::string& input) const {
  Result<Fd> dir = OpenParent(fd_, rel, /*create=*/true);
  if (!dir.ok()) return dir.status();
  const int d = dir.value().get();
  const OutputNames names = NamesFor(LastComponent(rel));
  for (const std::string* name : {&names.json, &names.csv, &names.error}) {
    Status status = CheckNotInput(d, *name, input);
    if (!status.ok()) return status;
  }
  Result<std::string> csv_temp = WriteTemp(d, csv);
  if (!csv_temp.ok()) return csv_temp.status();
  Result<std::string> json_temp = WriteTemp(d, json);
  if (!json_temp.ok()) {
    unlinkat(d, csv_temp.value().c_str(), 0);
    return json_temp.status();
  }
  // The old JSON goes first: from here on no JSON stands beside a CSV of another run.
  unlinkat(d, names.json.c_str(), 0);
  Status status = RenameInto(d, csv_temp.value(), names.csv);
  if (!status.ok()) {
    unlinkat(d, json_temp.value().c_str(), 0);
    return status;
  }
  status = RenameInto(d, json_temp.value(), names.json);
  if (!status.ok()) return status;
  unlinkat(d, names.error.c_str(), 0);
  return Status::Ok();
}

Status OutputDir::CommitFailure(const std::string& rel, const std::string& record,
                                const std::string& input) const {
  Result<Fd> dir = OpenParent(fd_, rel, /*create=*/true);
  if (!dir.ok()) return dir.status();
  const int d = dir.value().get();
  const OutputNames names = NamesFor(LastComponent(rel));
  RemoveUnlessInput(d, names.json, input);
  RemoveUnlessInput(d, names.csv, input);
  Status status = CheckNotInput(d, names.error, input);
  if (!status.ok()) return status;
  Result<std::string> temp = WriteTemp(d, record);
  if (!temp.ok()) return temp.status();
  return RenameInto(d, temp.value(), names.error);
}

bool OutputDir::HasCompleteOutputs(const std::string& rel, bool success) const {
  Result<Fd> dir = OpenParent(fd_, rel, /*create=*/false);
  if (!dir.ok()) return false;
  const int d = dir.value().get();
  const OutputNames names = NamesFor(LastComponent(rel));
  if (!success) return EndsComplete(d, names.error, /*json=*/true);
  return EndsComplete(d, names.json, /*json=*/true) && EndsComplete(d, names.csv, false);
}

void OutputDir::RemoveStaleTemporaries() const {
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(path_, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (it->path().filename().string().rfind(".disclose-tmp-", 0) == 0 &&
        !it->is_directory(error)) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);  // unlink: a link goes, not its target
    }
  }
}

Status OutputDir::WriteTopLevel(const std::string& name, const std::string& content) const {
  Result<std::string> temp = WriteTemp(fd_, content);
  if (!temp.ok()) return temp.status();
  return RenameInto(fd_, temp.value(), name);
}

int OutputDir::OpenAppend(const std::string& name) const {
  return openat(fd_, name.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
}

std::string OutputDir::ReadTopLevel(const std::string& name) const {
  Fd file(openat(fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
  struct stat info {};
  if (file.get() < 0 || fstat(file.get(), &info) != 0 || !S_ISREG(info.st_mode)) return {};
  std::string content;
  char buffer[65536];
  while (true) {
    const ssize_t got = read(file.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    content.append(buffer, static_cast<size_t>(got));
  }
  return content;
}

}  // namespace disclose::cli
