// Runs an external converter (wvWare for .doc) the safe way: no shell, in a
// fresh temporary directory that is removed afterwards, with a wall-clock
// timeout, CPU/file-size/memory rlimits and a cap on the output it may
// produce. Private to extract/doc.
//
//   ConverterRun run;
//   Status status = RunConverter({"wvWare", "--charset=utf-8", "input.doc"},
//                                {{"input.doc", bytes}}, limits, &run);
//   if (status.ok() && run.exit_code == 0) Use(run.output);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace disclose::doc {

struct ConverterLimits {
  int timeout_seconds = 120;                  // wall clock; 0 = none
  std::size_t max_output_bytes = 256u << 20;  // stdout beyond this kills the converter
  std::size_t max_error_bytes = 64u << 10;    // stderr kept; the rest is discarded
};

struct ConverterRun {
  std::string output;  // stdout
  std::string errors;  // stderr, truncated to max_error_bytes
  int exit_code = -1;  // -1 when killed by a signal
};

// Writes `files` (name, content) into a new temporary directory, runs
// argv[0] (looked up on PATH) with argv there, and collects its output.
// Fails with kTimeout, kTooLarge (output cap), kUnsupportedFormat (the program
// is not installed) or kIoError (temporary files, pipes, fork).
Status RunConverter(const std::vector<std::string>& argv,
                    const std::vector<std::pair<std::string, std::string_view>>& files,
                    const ConverterLimits& limits, ConverterRun* run);

}  // namespace disclose::doc
