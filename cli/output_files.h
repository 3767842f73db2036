// cli/output_files: every write below the output directory, none of which can be redirected.
//
// Files are created with openat(O_CREAT|O_EXCL|O_NOFOLLOW) under a random temporary name and
// renamed into place; folders below -o are entered with O_NOFOLLOW, so a link planted anywhere
// in the output tree (`out/x.pdf.json.tmp -> /etc/passwd`, `out/sub -> /`) is never followed
// and no write lands outside -o. One document's outputs are committed as a unit:
//
//   success: remove REL.json, rename REL.facts.csv into place, rename REL.json, remove
//            REL.error.json; a JSON in place therefore always has the CSV of its own run;
//   failure: remove REL.json and REL.facts.csv, rename REL.error.json into place.
//
// The manifest line, appended by the parent afterwards, marks the unit complete for --resume.
//
//   Result<OutputDir> dir = OutputDir::Open("out");
//   Status s = dir->CommitSuccess("a/r.pdf", json, csv, "a/r.pdf");
#pragma once

#include <string>

#include "cli/inputs.h"
#include "core/status.h"

namespace disclose::cli {

// Output file names of one input, from its REL (inputs.h).
struct OutputNames {
  std::string json, csv, error;
};
OutputNames NamesFor(const std::string& rel);

class OutputDir {
 public:
  // Creates the folder if missing and proves it writable by creating and removing a file.
  static Result<OutputDir> Open(const std::string& path);
  OutputDir(OutputDir&& other) noexcept;
  OutputDir& operator=(OutputDir&& other) noexcept;
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;
  ~OutputDir();

  const std::string& path() const { return path_; }
  DirIdentity identity() const;

  // Writes the outputs of a readable input; `input` is never replaced by an output.
  Status CommitSuccess(const std::string& rel, const std::string& json, const std::string& csv,
                       const std::string& input) const;
  // Removes REL's success outputs and writes REL.error.json holding `record`.
  Status CommitFailure(const std::string& rel, const std::string& record,
                       const std::string& input) const;

  // True when REL's outputs of the given kind are in place and end as a complete file does
  // (the JSON with '}' and a newline, the CSV with a newline); for --resume.
  bool HasCompleteOutputs(const std::string& rel, bool success) const;

  // Removes the temporary files a killed run left anywhere below the directory (links are
  // removed, never followed). Only one run may write into a directory at a time.
  void RemoveStaleTemporaries() const;

  // Writes a file directly below the output directory (the manifest), atomically.
  Status WriteTopLevel(const std::string& name, const std::string& content) const;
  // Opens a top-level file for appending (O_APPEND|O_NOFOLLOW); -1 and errno on failure.
  int OpenAppend(const std::string& name) const;
  // Reads a top-level file; empty when missing.
  std::string ReadTopLevel(const std::string& name) const;

 private:
  OutputDir(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
};

}  // namespace disclose::cli
