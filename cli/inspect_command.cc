// `disclose inspect FILE --page N [--png OUT.png] [--json]`: a window onto the PDF reader's
// page analysis (extract/inspect.h): the picture and the page model a person looks at when a
// table comes out wrong.
#include <exception>
#include <iostream>
#include <new>

#include "cli/commands.h"
#include "extract/inspect.h"

namespace disclose::cli {
namespace {

// A page out of range is the caller's mistake (2); an unreadable PDF is the file's (1).
int Fail(const std::string& file, const Status& status) {
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  // Inspect's messages often start with the path already; say it once.
  const std::string prefix = file + ": ";
  if (message.size() > prefix.size() && message.compare(0, prefix.size(), prefix) == 0) {
    message.erase(0, prefix.size());
  }
  std::cerr << "disclose: " << file << ": " << message << "\n";
  return status.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFileFailed;
}

}  // namespace

int RunInspect(const InspectArgs& args) {
  try {
    SetPdfVerbose(args.verbose);
    if (!args.png_path.empty()) {
      const Status status = RenderInspection(args.file, args.page, args.png_path);
      if (!status.ok()) return Fail(args.file, status);
    }
    if (args.json) {
      const Result<std::string> json = InspectPageJson(args.file, args.page);
      if (!json.ok()) return Fail(args.file, json.status());
      std::cout << json.value();
      if (json.value().empty() || json.value().back() != '\n') std::cout << "\n";
    }
    return kExitOk;
  } catch (const std::bad_alloc&) {
    std::cerr << "disclose: " << args.file << ": out of memory\n";
  } catch (const std::exception& error) {
    std::cerr << "disclose: " << args.file << ": internal error: " << error.what() << "\n";
  }
  return kExitFileFailed;
}

}  // namespace disclose::cli
