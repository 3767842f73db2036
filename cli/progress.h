// cli/progress: what a batch says on stderr. One progress line refreshed in place when stderr
// is a terminal (files done/total, pages/s, ETA, errors so far), nothing of it otherwise or with
// --quiet; error lines for failed files; and the one-line summary that ends every run:
//
//   disclose: done: 35 ok, 1 error, 1 skipped of 37 files; 797 pages (2 not read), 11987
//   figures; 41.2 s
//
//   Progress progress(total, /*show=*/isatty(2) && !quiet);
//   progress.Line("disclose: x.pdf: corrupt ...");  // clears the progress line first
//   progress.Update(outcome_counts);
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace disclose::cli {

struct Tally {
  size_t ok = 0, errors = 0, skipped = 0, resumed = 0;
  long long pages = 0, pages_skipped = 0, figures = 0;
  long long pages_this_run = 0;  // pages read now, not carried over by --resume
};

class Progress {
 public:
  Progress(size_t total, bool show);
  // Prints a whole line (already escaped) on stderr, keeping the progress line below it.
  void Line(const std::string& line);
  void Update(const Tally& tally);
  // Clears the progress line and prints the summary.
  void Summary(const Tally& tally, bool interrupted);

 private:
  void Clear();
  size_t total_;
  bool show_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  Tally last_;
};

}  // namespace disclose::cli
