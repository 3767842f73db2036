// The `disclose` subcommands. Each returns the process exit status of the
// output contract: 0 all files extracted, 1 some file could not be read,
// 2 usage error.
//
//   disclose extract [-o DIR] FILE...
//   disclose inspect FILE --page N [--png OUT.png] [--json]
#pragma once

#include <string>
#include <vector>

namespace disclose {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUnreadable = 1;
inline constexpr int kExitUsage = 2;

int RunExtract(const std::vector<std::string>& args);
int RunInspect(const std::vector<std::string>& args);
void PrintUsage(bool to_stderr);

}  // namespace disclose
