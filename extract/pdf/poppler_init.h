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

class PDFDoc;

namespace disclose::pdf {

// Safe to call from any thread, any number of times.
void EnsurePopplerInitialized();

// Poppler messages are echoed to stderr only when verbose (off by default).
void SetPopplerVerbose(bool verbose);

// Stops Poppler from building colour-management (lcms) transforms for `doc`, which costs up to
// 45% of the CPU on documents whose catalogue has /OutputIntents and changes nothing in
// extracted text. Poppler 22.x (Gfx::initDisplayProfile) re-reads the catalogue and, when it holds
// one OutputIntent with a DestOutputProfile, decodes that ICC profile and creates four XYZ-to-
// display transforms for every Gfx it constructs: every page, form, annotation and Type 3 glyph.
// We hand the XRef an in-memory catalogue without /OutputIntents, so that lookup finds nothing.
// For extraction only: rendering (inspect --png) keeps the document's colours.
void DisableOutputIntents(PDFDoc& doc);

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
