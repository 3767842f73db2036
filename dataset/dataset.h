// dataset: combines the outputs of one or more `disclose extract` runs (shards included) into one
// dataset: OUT/facts.csv (every figure, with its source's sha256), OUT/documents.csv,
// OUT/findings.csv, OUT/disclose.sqlite and OUT/datapackage.json. docs/dataset.md documents
// every file and column.
//
//   DatasetOptions options;
//   options.run_dirs = {"out/shard1", "out/shard2"};
//   options.out_dir = "dataset";
//   Result<DatasetSummary> summary = BuildDataset(options, std::cerr);
//
// A run directory is read through its manifest.jsonl when it has one, else by walking it for
// NAME.json / NAME.error.json. A document found in several runs (same sha256) is counted once.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

namespace disclose {

struct DatasetOptions {
  std::vector<std::string> run_dirs;
  std::string out_dir;
};

struct DatasetSummary {
  std::int64_t documents = 0;   // distinct inputs (ok, error and skipped)
  std::int64_t ok = 0;          // of which read, with their figures in the dataset
  std::int64_t failed = 0;      // of which error or skipped
  std::int64_t duplicates = 0;  // manifest lines or files dropped as already present
  std::int64_t figures = 0;     // rows of facts.csv and of the figures table
  std::int64_t tables = 0;
  std::int64_t findings = 0;
  // Outputs named by a manifest that could not be read (missing, truncated, another document):
  // the document is kept as an error with code `bad_output`, and the run's exit status is 1.
  std::int64_t bad_outputs = 0;
};

// Writes the dataset into options.out_dir (created if missing). Every file is written under a
// temporary name and renamed when complete. Problems with single entries (a malformed manifest
// line, an unreadable NAME.json) are reported as one line each on `log` and counted; a missing
// run directory or an unwritable OUT is an error.
Result<DatasetSummary> BuildDataset(const DatasetOptions& options, std::ostream& log);

}  // namespace disclose
