// Entry point: dispatches to a subcommand and guarantees that nothing escapes
// as a C++ exception or an abort message.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace disclose {

void PrintUsage(bool to_stderr) {
  std::ostream& out = to_stderr ? std::cerr : std::cout;
  out << "usage: disclose extract [-o|--out DIR] FILE...\n"
         "       disclose inspect FILE --page N [--png OUT.png] [--json]\n"
         "       disclose --help | --version\n"
         "\n"
         "extract writes DIR/NAME.json and DIR/NAME.facts.csv per input (PDF, DOCX, text,\n"
         "markdown; detected by content), or DIR/NAME.error.json when a file cannot be read.\n"
         "Exit status: 0 all extracted, 1 some file unreadable, 2 usage error.\n";
}

}  // namespace disclose

int main(int argc, char** argv) {
  using namespace disclose;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintUsage(true);
    return kExitUsage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  try {
    if (command == "extract") return RunExtract(args);
    if (command == "inspect") return RunInspect(args);
    if (command == "--help" || command == "-h" || command == "help") {
      PrintUsage(false);
      return kExitOk;
    }
    if (command == "--version") {
      std::cout << "disclose 0.1.0\n";
      return kExitOk;
    }
    std::cerr << "disclose: unknown command '" << command << "'\n";
    PrintUsage(true);
    return kExitUsage;
  } catch (const std::exception& error) {
    std::cerr << "disclose: internal error: " << error.what() << "\n";
    return kExitUnreadable;
  } catch (...) {
    std::cerr << "disclose: internal error\n";
    return kExitUnreadable;
  }
}
