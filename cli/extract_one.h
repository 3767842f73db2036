// cli/extract_one: reads, normalizes and writes one input; what a worker does for each file it
// is handed, and what --in-process does in the parent.
//
//   FileOutcome outcome = ExtractFile(output_dir, task, options);
//   if (outcome.code != ErrorCode::kOk) ...   // the error record is already written
#pragma once

#include <cstdint>
#include <string>

#include "cli/output_files.h"
#include "core/status.h"
#include "export/export.h"
#include "extract/extract.h"

namespace disclose::cli {

struct FileTask {
  std::string path;  // to open
  std::string rel;   // outputs below DIR (inputs.h)
  // --resume: the sha256 and status ("ok"/"error") the manifest holds for this path; the file is
  // skipped when its bytes hash the same and those outputs are complete.
  std::string resume_sha256;
  std::string resume_status;
  JsonStyle json_style = JsonStyle::kCompact;  // --pretty: indented NAME.json
};

struct FileOutcome {
  bool resumed = false;  // unchanged since the manifest line; nothing was written
  ErrorCode code = ErrorCode::kOk;
  std::string message;  // one line, when code != kOk
  std::string sha256;   // empty when the bytes could not be read
  std::int64_t size = -1;
  int pages = 0, pages_skipped = 0, figures = 0;
  int findings_error = 0, findings_warning = 0, findings_info = 0;
  double seconds = 0;
};

// Never throws. On failure the error record is written (CommitFailure) before returning.
FileOutcome ExtractFile(const OutputDir& out, const FileTask& task, const ExtractOptions& options);

// Writes the error record of a file whose worker ended without one (crash, timeout, memory).
void RecordFailure(const OutputDir& out, const FileTask& task, FileOutcome& outcome);

// sha256 and size of a regular file of at most `max_bytes`, without blocking on FIFOs.
bool HashFile(const std::string& path, std::uint64_t max_bytes, std::string& sha256,
              std::int64_t& size);

// The input's last path component, the `source` of its outputs (escaped, cli/names.h).
std::string SourceName(const std::string& path);

}  // namespace disclose::cli
