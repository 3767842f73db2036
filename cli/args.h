// cli/args: parses the `disclose` command line into a Command, without touching the file
// system, so every usage error is decided (and tested) before any work starts.
//
//   ParsedArgs args = ParseArgs({"extract", "-o", "out", "a.pdf"});
//   if (!args.error.empty()) { PrintUsage(std::cerr); return kExitUsage; }
//   RunExtract(args.extract);
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace disclose::cli {

inline constexpr char kVersionString[] = "0.1.0";

// Exit codes of the output contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFileFailed = 1;  // some input could not be read
inline constexpr int kExitUsage = 2;

struct ExtractArgs {
  std::string out_dir = ".";
  std::vector<std::string> files;
  int timeout_seconds = 120;  // per file; 0 = no limit
  bool enable_ocr = true;
  bool verbose = false;      // echo Poppler's diagnostics
  bool in_process = false;   // no child process per file (for debuggers)
  int max_zip_entry_mb = 0;  // 0: the reader default (ExtractOptions::max_zip_entry_bytes)
  bool pretty = false;       // NAME.json indented (default: compact)
};

struct InspectArgs {
  std::string file;
  int page = 0;
  std::string png_path;  // empty: no image
  bool json = false;     // print the page analysis as JSON on stdout
  bool verbose = false;  // echo Poppler's diagnostics
};

enum class Command { kHelp, kVersion, kExtract, kInspect, kDataset };

struct ParsedArgs {
  Command command = Command::kHelp;
  ExtractArgs extract;
  InspectArgs inspect;
  std::vector<std::string> dataset_args;  // parsed by RunDataset (cli/dataset_command.cc)
  std::string error;                      // non-empty: a usage error, one line
};

// `args` excludes argv[0].
ParsedArgs ParseArgs(const std::vector<std::string>& args);

void PrintUsage(std::ostream& out);

}  // namespace disclose::cli
