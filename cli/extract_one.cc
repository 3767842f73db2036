#include "cli/extract_one.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <exception>
#include <new>
#include <set>

#include "cli/names.h"
#include "core/text.h"
#include "export/export.h"
#include "normalize/normalize.h"

namespace disclose::cli {
namespace {

// One line for stderr and error.json, without repeating the name the line already shows.
std::string OneLine(const std::string& path, std::string message) {
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  const std::string base =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  for (const std::string& prefix : {path + ": ", base + ": "}) {
    if (message.size() > prefix.size() && message.compare(0, prefix.size(), prefix) == 0) {
      return ToValidUtf8(message.substr(prefix.size()));
    }
  }
  return ToValidUtf8(message);
}

void CountDocument(const Document& document, const NormalizedDocument& normalized,
                   FileOutcome& outcome) {
  outcome.pages = document.page_count();
  for (const Page& page : document.pages) {
    if (page.needs_ocr && page.text_origin != TextOrigin::kOcr) ++outcome.pages_skipped;
  }
  std::set<int> truncated;
  for (const Warning& warning : document.warnings) {
    if (warning.code == "page_truncated") truncated.insert(warning.provenance.page);
  }
  outcome.pages_truncated = static_cast<int>(truncated.size());
  outcome.figures = static_cast<int>(normalized.AllFigures().size());
  for (const Finding& finding : normalized.findings) {
    switch (finding.severity) {
      case Severity::kError: ++outcome.findings_error; break;
      case Severity::kWarning: ++outcome.findings_warning; break;
      case Severity::kInfo: ++outcome.findings_info; break;
    }
  }
}

}  // namespace

std::string SourceName(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const size_t slash = trimmed.find_last_of('/');
  return EscapeName(slash == std::string::npos ? trimmed : trimmed.substr(slash + 1));
}

bool HashFile(const std::string& path, std::uint64_t max_bytes, std::string& sha256,
              std::int64_t& size) {
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  bool ok = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
            static_cast<std::uint64_t>(info.st_size) <= max_bytes;
  // Streamed: a file refused as too large must not be held whole just to name its hash.
  std::uint64_t read_bytes = 0;
  ok = ok && Sha256HexOfFd(fd, sha256, read_bytes) &&
       read_bytes == static_cast<std::uint64_t>(info.st_size);
  close(fd);
  if (!ok) return false;
  size = static_cast<std::int64_t>(read_bytes);
  return true;
}

void RecordFailure(const OutputDir& out, const FileTask& task, FileOutcome& outcome) {
  if (outcome.sha256.empty()) {
    // Hash only what the readers would have read: not a FIFO, not beyond the size limit.
    HashFile(task.path, ExtractOptions{}.max_input_bytes, outcome.sha256, outcome.size);
  }
  outcome.message = OneLine(task.path, outcome.message);
  const std::string record =
      ErrorToJson(SourceName(task.path), Status(outcome.code, outcome.message));
  const Status written = out.CommitFailure(task.rel, record, task.path);
  if (!written.ok()) outcome.message += " (and " + ToValidUtf8(written.message()) + ")";
}

FileOutcome ExtractFile(const OutputDir& out, const FileTask& task, const ExtractOptions& options,
                        JsonStyle json_style) {
  const auto start = std::chrono::steady_clock::now();
  FileOutcome outcome;
  Status status;
  try {
    if (!task.resume_sha256.empty() &&
        HashFile(task.path, options.max_input_bytes, outcome.sha256, outcome.size) &&
        outcome.sha256 == task.resume_sha256 &&
        out.HasCompleteOutputs(task.rel, task.resume_status == "ok")) {
      outcome.resumed = true;
      return outcome;
    }
    Result<Document> read = ReadDocument(task.path, options);
    if (!read.ok()) {
      status = read.status();
    } else {
      Document& document = read.value();
      document.source.name = SourceName(task.path);
      outcome.sha256 = document.source.sha256;
      outcome.size = static_cast<std::int64_t>(document.source.size_bytes);
      const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
      CountDocument(document, normalized, outcome);
      status = out.CommitSuccess(task.rel, DocumentToJson(document, normalized, json_style),
                                 FactsToCsv(document, normalized), task.path);
    }
  } catch (const std::bad_alloc&) {
    status = Status(ErrorCode::kTooLarge, "ran out of memory reading the file");
  } catch (const std::exception& error) {
    status = Status(ErrorCode::kInternal, std::string("internal error: ") + error.what());
  } catch (...) {
    status = Status(ErrorCode::kInternal, "internal error: unknown exception");
  }
  if (!status.ok()) {
    outcome.code = status.code();
    outcome.message = status.message();
    outcome.pages = outcome.pages_skipped = outcome.pages_truncated = outcome.figures = 0;
    outcome.findings_error = outcome.findings_warning = outcome.findings_info = 0;
    try {
      RecordFailure(out, task, outcome);
    } catch (...) {
      // Out of memory even for the record; the outcome still says what happened.
    }
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace disclose::cli
