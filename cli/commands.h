// cli/commands: the `disclose` subcommands. Each returns the process exit status of the output
// contract (args.h: 0 all extracted, 1 some file could not be read, 2 usage error) and never
// throws: every failure becomes a line on stderr and, for extract, REL.error.json.
//
//   disclose extract [-o DIR] [-j N] [--resume] [--shard K/N] FILE|DIR...
//   disclose inspect FILE --page N [--png OUT.png] [--json]
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"

namespace disclose::cli {

int RunExtract(const ExtractArgs& args);
int RunInspect(const InspectArgs& args);
// `disclose dataset DIR... -o OUT`; parses its own arguments (usage errors exit 2).
int RunDataset(const std::vector<std::string>& args);

}  // namespace disclose::cli
