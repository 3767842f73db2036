// Private to extract/pdf: one-time Poppler set-up and per-read error counting.
//
// Poppler keeps its configuration in a process-wide `globalParams` and reports
// damage through one global error callback that prints to stderr by default.
// We initialise both exactly once and route errors into a thread-local
// counter so a read can turn them into Warnings instead of terminal noise.
//
//   EnsurePopplerInitialized();
//   PopplerErrorScope errors;            // starts counting for this thread
//   ... use PDFDoc ...
//   int n = errors.count();
#pragma once

#include <string>

namespace disclose::pdf {

// Safe to call from any thread, any number of times.
void EnsurePopplerInitialized();

// Poppler messages are echoed to stderr only when verbose (off by default).
void SetPopplerVerbose(bool verbose);

// Called by the error callback; public only so the callback can reach it.
void RecordPopplerError(const char* message);

// Counts Poppler errors raised on this thread while the scope is alive.
// Scopes do not nest: the innermost one wins.
class PopplerErrorScope {
 public:
  PopplerErrorScope();
  ~PopplerErrorScope();
  PopplerErrorScope(const PopplerErrorScope&) = delete;
  PopplerErrorScope& operator=(const PopplerErrorScope&) = delete;

  int count() const { return count_; }
  // The first message seen, for the warning text.
  const std::string& first_message() const { return first_message_; }

 private:
  friend void RecordPopplerError(const char* message);
  int count_ = 0;
  std::string first_message_;
  PopplerErrorScope* previous_ = nullptr;
};

}  // namespace disclose::pdf
