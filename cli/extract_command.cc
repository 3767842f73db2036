// `disclose extract`: read, normalize, export each file. A file that cannot
// be read gets NAME.error.json and a line on stderr; the others go on.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "export/export.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

std::string BaseName(const std::string& path) {
  std::string name = path;
  while (name.size() > 1 && name.back() == '/') name.pop_back();
  const std::size_t slash = name.find_last_of('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// NAME of the contract: the file name without its last extension.
std::string OutputStem(const std::string& path) {
  const std::string base = BaseName(path);
  const std::size_t dot = base.find_last_of('.');
  return (dot == std::string::npos || dot == 0) ? base : base.substr(0, dot);
}

// Written to NAME.tmp and renamed, so a reader of DIR never sees a partial file
// under its final name.
Status WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status(ErrorCode::kIoError, temporary + ": cannot open for writing");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return Status(ErrorCode::kIoError, temporary + ": write failed");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return Status(ErrorCode::kIoError, path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

struct ExtractArgs {
  std::string out_dir = ".";
  std::vector<std::string> files;
};

bool ParseExtractArgs(const std::vector<std::string>& args, ExtractArgs& parsed) {
  bool only_files = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!only_files && (arg == "-o" || arg == "--out")) {
      if (i + 1 >= args.size()) {
        std::cerr << "disclose: " << arg << " needs a directory\n";
        return false;
      }
      parsed.out_dir = args[++i];
    } else if (!only_files && arg.rfind("--out=", 0) == 0) {
      parsed.out_dir = arg.substr(6);
    } else if (!only_files && arg == "--") {
      only_files = true;
    } else if (!only_files && arg.size() > 1 && arg[0] == '-') {
      std::cerr << "disclose: unknown option '" << arg << "'\n";
      return false;
    } else {
      parsed.files.push_back(arg);
    }
  }
  if (parsed.files.empty()) {
    std::cerr << "disclose: extract needs at least one FILE\n";
    return false;
  }
  if (parsed.out_dir.empty()) {
    std::cerr << "disclose: empty output directory\n";
    return false;
  }
  return true;
}

// Reads, normalizes and serializes one file; any failure comes back as a Status.
Status ExtractOne(const std::string& path, const std::string& out_prefix) {
  Result<Document> document = ReadDocument(path, ExtractOptions{});
  if (!document.ok()) return document.status();
  const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
  const std::string json = DocumentToJson(document.value(), normalized);
  const std::string csv = FactsToCsv(document.value(), normalized);
  Status status = WriteFileAtomically(out_prefix + ".json", json);
  if (!status.ok()) return status;
  return WriteFileAtomically(out_prefix + ".facts.csv", csv);
}

Status ExtractOneGuarded(const std::string& path, const std::string& out_prefix) {
  try {
    return ExtractOne(path, out_prefix);
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::kTooLarge, BaseName(path) + ": out of memory while reading");
  } catch (const std::exception& error) {
    return Status(ErrorCode::kInternal, BaseName(path) + ": internal error: " + error.what());
  } catch (...) {
    return Status(ErrorCode::kInternal, BaseName(path) + ": internal error");
  }
}

// Messages are one line on stderr and in error.json, whatever a reader said.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  ExtractArgs parsed;
  if (!ParseExtractArgs(args, parsed)) {
    PrintUsage(true);
    return kExitUsage;
  }
  struct stat info {};
  if (stat(parsed.out_dir.c_str(), &info) != 0) {
    if (mkdir(parsed.out_dir.c_str(), 0755) != 0) {
      std::cerr << "disclose: cannot create output directory " << parsed.out_dir << ": "
                << std::strerror(errno) << "\n";
      return kExitUsage;
    }
  } else if (!S_ISDIR(info.st_mode)) {
    std::cerr << "disclose: " << parsed.out_dir << " is not a directory\n";
    return kExitUsage;
  }

  int exit_status = kExitOk;
  for (const std::string& path : parsed.files) {
    const std::string name = BaseName(path);
    const std::string prefix = parsed.out_dir + "/" + OutputStem(path);
    Status status = ExtractOneGuarded(path, prefix);
    if (status.ok()) {
      std::remove((prefix + ".error.json").c_str());  // stale from an earlier failing run
      continue;
    }
    exit_status = kExitUnreadable;
    std::remove((prefix + ".json").c_str());
    std::remove((prefix + ".facts.csv").c_str());
    const Status one_line(status.code(), OneLine(status.message()));
    std::cerr << "disclose: " << name << ": " << ErrorCodeName(one_line.code()) << ": "
              << one_line.message() << "\n";
    Status written = WriteFileAtomically(prefix + ".error.json", ErrorToJson(name, one_line));
    if (!written.ok()) std::cerr << "disclose: " << OneLine(written.message()) << "\n";
  }
  return exit_status;
}

}  // namespace disclose
