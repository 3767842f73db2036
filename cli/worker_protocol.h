// cli/worker_protocol: private to the worker pool. The messages between the parent and its
// workers, and the worker's side of the conversation.
//
// A message is a u32 length and its fields, each a u32 length and bytes (little-endian). A task
// is {index, path, rel, resume_sha256, resume_status}; an answer is the index and a FileOutcome.
//
//   WriteAll(fd, Frame(EncodeTask(0, task)));
//   WorkerMain(parent_pid, task_fd, result_fd, out, options);   // in the forked child
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

#include "cli/extract_one.h"
#include "cli/worker_pool.h"

namespace disclose::cli::worker {

std::string Frame(const std::vector<std::string>& fields);
// Takes one complete message off the front of `buffer`; false when it holds none yet.
bool TakeFrame(std::string& buffer, std::vector<std::string>& fields);
bool WriteAll(int fd, const std::string& data);

std::vector<std::string> EncodeTask(size_t index, const FileTask& task);
std::vector<std::string> EncodeOutcome(size_t index, const FileOutcome& outcome);
bool DecodeOutcome(const std::vector<std::string>& fields, size_t& index, FileOutcome& outcome);

// The worker process: dies with `parent`, applies the memory limit, then reads tasks from
// `task_fd` until it closes and answers each on `result_fd`. Never returns.
[[noreturn]] void WorkerMain(pid_t parent, int task_fd, int result_fd, const OutputDir& out,
                             const PoolOptions& options);

}  // namespace disclose::cli::worker
