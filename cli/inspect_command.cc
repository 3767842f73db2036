// `disclose inspect FILE --page N [--png OUT.png] [--json]`: the picture and
// the page model a person looks at when a table comes out wrong.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "extract/inspect.h"

namespace disclose {

int RunInspect(const std::vector<std::string>& args) {
  std::string file;
  std::string png;
  bool json = false;
  int page = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--page" && i + 1 < args.size()) {
      try {
        page = std::stoi(args[++i]);
      } catch (const std::exception&) {
        page = 0;
      }
    } else if (arg == "--png" && i + 1 < args.size()) {
      png = args[++i];
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--verbose") {
      SetPdfVerbose(true);
    } else if (!arg.empty() && arg[0] != '-' && file.empty()) {
      file = arg;
    } else {
      std::cerr << "disclose: inspect: unexpected argument '" << arg << "'\n";
      PrintUsage(true);
      return kExitUsage;
    }
  }
  if (file.empty() || page < 1 || (png.empty() && !json)) {
    std::cerr << "disclose: inspect needs FILE, --page N (from 1) and --png OUT.png or --json\n";
    PrintUsage(true);
    return kExitUsage;
  }
  if (!png.empty()) {
    Status status = RenderInspection(file, page, png);
    if (!status.ok()) {
      std::cerr << "disclose: " << status.ToString() << "\n";
      return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitUnreadable;
    }
  }
  if (json) {
    Result<std::string> text = InspectPageJson(file, page);
    if (!text.ok()) {
      std::cerr << "disclose: " << text.status().ToString() << "\n";
      return text.status().code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitUnreadable;
    }
    std::cout << text.value();
  }
  return kExitOk;
}

}  // namespace disclose
