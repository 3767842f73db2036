// dataset/runs: what the run directories hold, one RunEntry per input, and the choice of one
// entry per document when shards or reruns overlap. Private to dataset/.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

namespace disclose {

struct RunEntry {
  std::string run_dir;  // as given on the command line
  std::string path;     // the input's path as the run recorded it
  std::string source;   // its file name (the JSON's source.name)
  std::string sha256;   // empty when the run never read the input (not_found)
  std::int64_t size = -1;
  std::string status;  // ok | error | skipped
  std::string error_code;
  std::string error_message;
  std::string json_path;  // NAME.json on disk, for ok entries
  std::string tool_version;
};

// Reads DIR/manifest.jsonl when present, else walks DIR (recursively, in name order) for
// disclose NAME.json files (`"schema": "disclose/1"`) and NAME.error.json records. Malformed
// manifest lines are reported on `log` and skipped, and counted in `bad_lines`.
Result<std::vector<RunEntry>> ReadRun(const std::string& run_dir, std::ostream& log,
                                      std::int64_t& bad_lines);

// One entry per document, whatever order the runs were given in: entries with a sha256 are one
// document per sha256 (an ok entry beats an error; among equals the smallest path, then run
// directory, wins); entries without one are one per path. Sorted by path, then sha256.
// `duplicates` counts the entries dropped.
std::vector<RunEntry> ChooseDocuments(std::vector<RunEntry> entries, std::int64_t& duplicates);

}  // namespace disclose
