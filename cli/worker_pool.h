// cli/worker_pool: N long-lived worker processes that read the inputs of a batch.
//
// Each worker is forked once and takes file after file from a pipe, answering each with its
// outcome on a second pipe. The parent sleeps in poll(2) on the answer pipes and a signalfd for
// SIGINT/SIGTERM; a worker's death shows as end-of-file on its pipe, so nothing is polled on a
// timer. The one timeout poll(2) is given is the nearest watchdog deadline.
//  - A file that crashes or hangs its worker costs that file an error record (`internal`,
//    `timeout`, or `too_large` when the worker ran out of its memory limit); the worker is
//    replaced and the batch goes on.
//  - Workers die with the parent (PR_SET_PDEATHSIG, checked against a parent already gone).
//  - Each worker runs under RLIMIT_DATA (--max-memory-mb); a failed C++ allocation anywhere,
//    destructors included, ends the worker at once with kExitOutOfMemory, reported `too_large`.
//
//   PoolResult r = RunWorkers(out, tasks, options, [&](size_t i, FileOutcome& o) { ... });
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "cli/extract_one.h"

namespace disclose::cli {

inline constexpr int kExitOutOfMemory = 3;  // a worker's exit status when memory ran out

struct PoolOptions {
  int jobs = 1;
  int max_memory_mb = 0;  // 0: no limit
  ExtractOptions extract;
  JsonStyle json_style = JsonStyle::kCompact;  // --pretty; not sent with each task
};

struct PoolResult {
  int signal = 0;  // SIGINT or SIGTERM when the run was interrupted; 0 when every task ended
};

// Runs every task; `on_done` is called in the parent, once per task, as each one ends.
PoolResult RunWorkers(const OutputDir& out, const std::vector<FileTask>& tasks,
                      const PoolOptions& options,
                      const std::function<void(size_t, FileOutcome&)>& on_done);

}  // namespace disclose::cli
