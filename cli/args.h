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

// Ranges of the numeric options; a value outside them is a usage error (exit 2).
inline constexpr int kMaxTimeoutSeconds = 7 * 24 * 3600;
inline constexpr int kMaxJobs = 256;
inline constexpr int kMinMemoryMb = 64;
inline constexpr int kMaxMemoryMb = 1 << 20;  // 1 TiB
inline constexpr int kMaxZipEntryMb = 1 << 20;

struct ExtractArgs {
  std::string out_dir = ".";
  std::vector<std::string> files;       // files and directories (walked recursively)
  std::vector<std::string> files_from;  // --files-from LIST ("-": stdin), in order given
  int timeout_seconds = 120;            // per file; 0 = no limit
  bool enable_ocr = true;
  bool verbose = false;      // echo Poppler's diagnostics
  bool in_process = false;   // no worker processes (for debuggers)
  int max_zip_entry_mb = 0;  // 0: the reader default (ExtractOptions::max_zip_entry_bytes)
  int jobs = 0;              // worker processes; 0: the number of cores
  int max_memory_mb = 2048;  // per worker (RLIMIT_DATA); 0: no limit
  bool resume = false;       // skip inputs the manifest shows done with these options
  int shard_index = 1;       // --shard K/N: this run takes the inputs whose hash is K-1 mod N
  int shard_count = 1;
  bool quiet = false;   // no progress line (the summary and error lines stay)
  bool pretty = false;  // NAME.json indented (default: compact)
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
