// disclose: turns published Chinese fiscal disclosure documents into JSON and facts.csv.
// See README.md and ../shared/spec/output-contract.md.
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace disclose::cli;
  // Nothing may escape as a C++ exception: the contract promises a message and an exit code.
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const ParsedArgs parsed = ParseArgs(args);
    if (!parsed.error.empty()) {
      std::cerr << "disclose: " << parsed.error << "\n";
      PrintUsage(std::cerr);
      return kExitUsage;
    }
    switch (parsed.command) {
      case Command::kHelp: PrintUsage(std::cout); return kExitOk;
      case Command::kVersion: std::cout << "disclose " << kVersionString << "\n"; return kExitOk;
      case Command::kExtract: return RunExtract(parsed.extract);
      case Command::kInspect: return RunInspect(parsed.inspect);
      case Command::kDataset: return RunDataset(parsed.dataset_args);
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "disclose: out of memory\n";
  } catch (const std::exception& error) {
    std::cerr << "disclose: internal error: " << error.what() << "\n";
  } catch (...) {
    std::cerr << "disclose: internal error\n";
  }
  return kExitFileFailed;
}
