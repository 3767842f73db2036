// `disclose dataset DIR... -o OUT`: combines extract runs (shards included) into one dataset,
// dataset/dataset.h. Its own argument parsing lives here so the command is one file.
#include <exception>
#include <iostream>
#include <new>

#include "cli/commands.h"
#include "dataset/dataset.h"

namespace disclose::cli {
namespace {

void PrintDatasetUsage(std::ostream& out) {
  out << "usage: disclose dataset [-o|--out OUT] DIR...\n"
         "\n"
         "Combines the outputs of `disclose extract` runs (one DIR per run or shard) into OUT\n"
         "(default: dataset): facts.csv (every figure, with its source's sha256), documents.csv,\n"
         "findings.csv, disclose.sqlite and datapackage.json (docs/dataset.md). A DIR is read\n"
         "through its manifest.jsonl, or walked for NAME.json / NAME.error.json without one.\n"
         "A document in several DIRs (same sha256) is counted once.\n"
         "\n"
         "exit status: 0 dataset written; 1 written, but some output named by a run was missing\n"
         "or damaged (reported on stderr, kept as error documents), or nothing could be written;\n"
         "2 usage error.\n";
}

}  // namespace

int RunDataset(const std::vector<std::string>& args) {
  DatasetOptions options;
  options.out_dir = "dataset";
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.empty() || arg[0] != '-') {
      options.run_dirs.push_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "-h" || arg == "--help") {
      PrintDatasetUsage(std::cout);
      return kExitOk;
    } else if (arg == "-o" || arg == "--out" || arg.rfind("--out=", 0) == 0) {
      std::string value;
      if (arg.rfind("--out=", 0) == 0) {
        value = arg.substr(6);
      } else if (i + 1 < args.size()) {
        value = args[++i];
      }
      if (value.empty()) {
        std::cerr << "disclose: option --out needs a non-empty value\n";
        PrintDatasetUsage(std::cerr);
        return kExitUsage;
      }
      options.out_dir = value;
    } else {
      std::cerr << "disclose: unknown option '" << arg << "' for dataset\n";
      PrintDatasetUsage(std::cerr);
      return kExitUsage;
    }
  }
  if (options.run_dirs.empty()) {
    std::cerr << "disclose: dataset needs at least one DIR\n";
    PrintDatasetUsage(std::cerr);
    return kExitUsage;
  }
  try {
    const Result<DatasetSummary> summary = BuildDataset(options, std::cerr);
    if (!summary.ok()) {
      std::cerr << "disclose: dataset: " << summary.status().message() << "\n";
      return kExitFileFailed;
    }
    const DatasetSummary& s = summary.value();
    std::cerr << "disclose: dataset: " << s.documents << " documents (" << s.ok << " ok, "
              << s.failed << " not read), " << s.duplicates << " duplicates dropped, " << s.figures
              << " figures, " << s.findings << " findings";
    if (s.bad_outputs > 0) std::cerr << ", " << s.bad_outputs << " bad outputs";
    std::cerr << " -> " << options.out_dir << "\n";
    return s.bad_outputs > 0 ? kExitFileFailed : kExitOk;
  } catch (const std::bad_alloc&) {
    std::cerr << "disclose: dataset: out of memory\n";
  } catch (const std::exception& error) {
    std::cerr << "disclose: dataset: internal error: " << error.what() << "\n";
  }
  return kExitFileFailed;
}

}  // namespace disclose::cli
