// `disclose extract [options] FILE|DIR...`: a batch. Collects the inputs (cli/inputs), runs them
// through long-lived worker processes (cli/worker_pool) that each read, normalize and commit one
// file at a time (cli/extract_one, cli/output_files), and accounts for every input in
// DIR/manifest.jsonl (core/run_manifest) and on stderr (cli/progress).
//
// Exit status: 0 when every input was extracted or skipped as not a document (pages that could
// not be read are reported, and counted in the manifest, but do not fail the run); 1 when any
// input could not be read or written; 2 for a usage error; 128+N when stopped by signal N.
#include <unistd.h>

#include <cerrno>
#include <iostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/extract_one.h"
#include "cli/inputs.h"
#include "cli/names.h"
#include "cli/output_files.h"
#include "cli/progress.h"
#include "cli/worker_pool.h"
#include "core/run_manifest.h"
#include "extract/inspect.h"

namespace disclose::cli {
namespace {

// The options that change what is written for a file; a manifest line made with others is
// not resumed.
std::string OptionsString(const ExtractArgs& args, const ExtractOptions& options) {
  return "ocr=" + std::string(options.enable_ocr ? "on" : "off") +
         ";timeout=" + std::to_string(args.timeout_seconds) +
         ";max_memory_mb=" + std::to_string(args.max_memory_mb) +
         ";max_zip_entry_mb=" + std::to_string(options.max_zip_entry_bytes >> 20) +
         ";json=" + (args.pretty ? "pretty" : "compact");
}

bool Retryable(const std::string& error_code) {
  // Outcomes that depend on the machine rather than the file are tried again by --resume.
  return error_code == "timeout" || error_code == "internal" || error_code == "too_large" ||
         error_code == "io_error";
}

class Batch {
 public:
  Batch(const ExtractArgs& args, const OutputDir& out, std::vector<InputFile> inputs)
      : args_(args),
        out_(out),
        inputs_(std::move(inputs)),
        progress_(inputs_.size(), !args.quiet && isatty(STDERR_FILENO)) {
    options_.timeout_seconds = args.timeout_seconds;
    options_.enable_ocr = args.enable_ocr;
    if (args.max_zip_entry_mb > 0) {
      options_.max_zip_entry_bytes = static_cast<std::uint64_t>(args.max_zip_entry_mb) << 20;
    }
    options_string_ = OptionsString(args, options_);
    json_style_ = args.pretty ? JsonStyle::kPretty : JsonStyle::kCompact;
  }

  int Run() {
    OpenManifest();
    std::vector<FileTask> tasks;
    std::vector<size_t> task_input;
    entries_.resize(inputs_.size());
    finished_.assign(inputs_.size(), false);
    for (size_t i = 0; i < inputs_.size(); ++i) {
      const InputFile& input = inputs_[i];
      if (!input.skip_code.empty()) {
        ManifestEntry entry = BaseEntry(input);
        entry.status = "skipped";
        entry.error_code = input.skip_code;
        ++tally_.skipped;
        Record(i, std::move(entry));
        continue;
      }
      FileTask task{input.path, input.rel, "", ""};
      if (args_.resume) ResumeInfo(input, task);
      tasks.push_back(std::move(task));
      task_input.push_back(i);
    }
    progress_.Update(tally_);

    auto on_done = [&](size_t task_index, FileOutcome& outcome) {
      Done(task_input[task_index], outcome);
    };
    int signal_number = 0;
    if (args_.in_process) {
      for (size_t t = 0; t < tasks.size(); ++t) {
        FileOutcome outcome = ExtractFile(out_, tasks[t], options_, json_style_);
        on_done(t, outcome);
      }
    } else {
      PoolOptions pool;
      pool.jobs = args_.jobs > 0
                      ? args_.jobs
                      : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
      pool.max_memory_mb = args_.max_memory_mb;
      pool.extract = options_;
      pool.json_style = json_style_;
      signal_number = RunWorkers(out_, tasks, pool, on_done).signal;
    }
    RewriteManifest();
    progress_.Summary(tally_, signal_number != 0);
    if (append_fd_ >= 0) close(append_fd_);
    if (signal_number != 0) return 128 + signal_number;
    return tally_.errors > 0 ? kExitFileFailed : kExitOk;
  }

 private:
  void OpenManifest() {
    if (args_.resume) out_.RemoveStaleTemporaries();
    const std::string content = out_.ReadTopLevel(kManifestName);
    old_ = LoadManifest(content);
    append_fd_ = out_.OpenAppend(kManifestName);
    if (append_fd_ < 0) {
      progress_.Line("disclose: " + EscapeForTerminal(out_.path()) + ": cannot append to " +
                     kManifestName);
      return;
    }
    // A line torn by a kill must not swallow the next one.
    if (!content.empty() && content.back() != '\n') Append("\n");
  }

  void Append(const std::string& text) {
    if (append_fd_ < 0) return;
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t wrote = write(append_fd_, text.data() + done, text.size() - done);
      if (wrote < 0 && errno == EINTR) continue;
      if (wrote <= 0) break;
      done += static_cast<size_t>(wrote);
    }
  }

  ManifestEntry BaseEntry(const InputFile& input) const {
    ManifestEntry entry;
    entry.path = EscapeName(input.path);
    entry.tool_version = kVersionString;
    entry.options = options_string_;
    return entry;
  }

  void ResumeInfo(const InputFile& input, FileTask& task) const {
    const auto it = old_.last.find(EscapeName(input.path));
    if (it == old_.last.end()) return;
    const ManifestEntry& line = it->second;
    const OutputNames names = NamesFor(input.rel);
    const bool same_run_kind = line.tool_version == kVersionString &&
                               line.options == options_string_ && !line.sha256.empty();
    const bool ok_done = line.status == "ok" && line.json == EscapeName(names.json) &&
                         line.csv == EscapeName(names.csv);
    const bool error_done = line.status == "error" && !Retryable(line.error_code) &&
                            line.error == EscapeName(names.error);
    if (same_run_kind && (ok_done || error_done)) {
      task.resume_sha256 = line.sha256;
      task.resume_status = line.status;
    }
  }

  void Done(size_t i, FileOutcome& outcome) {
    const InputFile& input = inputs_[i];
    if (outcome.resumed) {
      ManifestEntry entry = old_.last.at(EscapeName(input.path));
      // An input whose unchanged verdict is an error still fails the run.
      ++(entry.status == "error" ? tally_.errors : tally_.resumed);
      tally_.pages += entry.pages;
      tally_.pages_skipped += entry.pages_skipped;
      tally_.figures += entry.figures;
      entries_[i] = std::move(entry);
      finished_[i] = true;  // its line is already in the manifest
      progress_.Update(tally_);
      return;
    }
    ManifestEntry entry = BaseEntry(input);
    entry.sha256 = outcome.sha256;
    if (outcome.size >= 0 && !outcome.sha256.empty()) {
      entry.size = static_cast<std::uint64_t>(outcome.size);
    }
    entry.seconds = outcome.seconds;
    const OutputNames names = NamesFor(input.rel);
    const std::string shown = "disclose: " + EscapeForTerminal(input.path) + ": ";
    if (outcome.code == ErrorCode::kOk) {
      entry.status = "ok";
      entry.json = EscapeName(names.json);
      entry.csv = EscapeName(names.csv);
      entry.pages = outcome.pages;
      entry.pages_skipped = outcome.pages_skipped;
      entry.pages_truncated = outcome.pages_truncated;
      entry.figures = outcome.figures;
      entry.findings_error = outcome.findings_error;
      entry.findings_warning = outcome.findings_warning;
      entry.findings_info = outcome.findings_info;
      ++tally_.ok;
      tally_.pages += outcome.pages;
      tally_.pages_this_run += outcome.pages;
      tally_.pages_skipped += outcome.pages_skipped;
      tally_.figures += outcome.figures;
      if (outcome.pages_truncated > 0) {
        progress_.Line(shown + "warning: " + std::to_string(outcome.pages_truncated) + " of " +
                       std::to_string(outcome.pages) +
                       " pages read in part (a per-page limit cut them: page_truncated)");
      }
      if (outcome.pages_skipped > 0) {
        progress_.Line(shown + "warning: " + std::to_string(outcome.pages_skipped) + " of " +
                       std::to_string(outcome.pages) +
                       " pages not read (no text layer; OCR off or failed)");
      }
    } else {
      entry.status = "error";
      entry.error_code = std::string(ErrorCodeName(outcome.code));
      entry.error = EscapeName(names.error);
      ++tally_.errors;
      progress_.Line(shown + EscapeForTerminal(outcome.message));
    }
    Record(i, std::move(entry));
    progress_.Update(tally_);
  }

  void Record(size_t i, ManifestEntry entry) {
    Append(ManifestToJsonLine(entry));
    entries_[i] = std::move(entry);
    finished_[i] = true;
  }

  // One line per path: the paths this run did not see, as they were, then this run's inputs.
  void RewriteManifest() {
    std::set<std::string> ours;
    for (const InputFile& input : inputs_) ours.insert(EscapeName(input.path));
    std::string content;
    for (const std::string& path : old_.order) {
      if (ours.count(path) == 0) content += ManifestToJsonLine(old_.last.at(path));
    }
    for (size_t i = 0; i < inputs_.size(); ++i) {
      if (finished_[i]) {
        content += ManifestToJsonLine(entries_[i]);
      } else if (const auto it = old_.last.find(EscapeName(inputs_[i].path));
                 it != old_.last.end()) {
        content += ManifestToJsonLine(it->second);
      }
    }
    const Status written = out_.WriteTopLevel(kManifestName, content);
    if (!written.ok()) {
      progress_.Line("disclose: " + EscapeForTerminal(out_.path()) + ": " +
                     EscapeForTerminal(written.message()));
    }
  }

  const ExtractArgs& args_;
  const OutputDir& out_;
  std::vector<InputFile> inputs_;
  ExtractOptions options_;
  std::string options_string_;
  JsonStyle json_style_ = JsonStyle::kCompact;
  Progress progress_;
  Tally tally_;
  LoadedManifest old_;
  int append_fd_ = -1;
  std::vector<ManifestEntry> entries_;
  std::vector<bool> finished_;
};

}  // namespace

int RunExtract(const ExtractArgs& args) {
  Result<OutputDir> out = OutputDir::Open(args.out_dir);
  if (!out.ok()) {
    std::cerr << "disclose: " << EscapeForTerminal(args.out_dir) << ": "
              << EscapeForTerminal(out.status().message()) << "\n";
    return kExitFileFailed;
  }
  Result<std::vector<InputFile>> inputs = CollectInputs(args, out.value().identity());
  if (!inputs.ok()) {
    std::cerr << "disclose: " << EscapeForTerminal(inputs.status().message()) << "\n";
    PrintUsage(std::cerr);
    return kExitUsage;
  }
  SetPdfVerbose(args.verbose);
  return Batch(args, out.value(), std::move(inputs.value())).Run();
}

}  // namespace disclose::cli
