#include "cli/args.h"

#include <charconv>
#include <optional>
#include <string_view>

namespace disclose::cli {
namespace {

std::optional<int> ParseNonNegativeInt(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0) return std::nullopt;
  return value;
}

// A whole number in [low, high]; otherwise sets a usage error that names the option and range.
bool ParseIntOption(std::string_view name, const std::string& value, int low, int high, int& out,
                    std::string& error) {
  const std::optional<int> parsed = ParseNonNegativeInt(value);
  if (!parsed || *parsed < low || *parsed > high) {
    error = std::string(name) + " wants a whole number from " + std::to_string(low) + " to " +
            std::to_string(high) + ", got '" + value + "'";
    return false;
  }
  out = *parsed;
  return true;
}

// "K/N" with 1 <= K <= N <= 100000.
bool ParseShard(const std::string& value, int& index, int& count, std::string& error) {
  const size_t slash = value.find('/');
  const std::optional<int> k =
      slash == std::string::npos ? std::nullopt : ParseNonNegativeInt(value.substr(0, slash));
  const std::optional<int> n =
      slash == std::string::npos ? std::nullopt : ParseNonNegativeInt(value.substr(slash + 1));
  if (!k || !n || *n < 1 || *n > 100000 || *k < 1 || *k > *n) {
    error = "--shard wants K/N with 1 <= K <= N <= 100000, got '" + value + "'";
    return false;
  }
  index = *k;
  count = *n;
  return true;
}

// Takes an option's value from "--name=value" or from the next argument. Returns false (and
// sets `error`) when the value is missing.
bool TakeValue(const std::vector<std::string>& args, size_t& i, std::string_view name,
               std::string& value, std::string& error) {
  const std::string& arg = args[i];
  const size_t eq = arg.find('=');
  if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
    value = arg.substr(eq + 1);
  } else if (i + 1 < args.size()) {
    value = args[++i];
  } else {
    error = "option " + std::string(name) + " needs a value";
    return false;
  }
  if (value.empty()) {
    error = "option " + std::string(name) + " needs a non-empty value";
    return false;
  }
  return true;
}

// "--out=DIR" matches "--out"; "-o" never carries an attached value (keeps parsing obvious).
bool Is(const std::string& arg, std::string_view long_name, std::string_view short_name = {}) {
  if (!short_name.empty() && arg == short_name) return true;
  if (arg == long_name) return true;
  return arg.size() > long_name.size() && arg.compare(0, long_name.size(), long_name) == 0 &&
         arg[long_name.size()] == '=';
}

void ParseExtract(const std::vector<std::string>& args, size_t i, ParsedArgs& parsed) {
  ExtractArgs& extract = parsed.extract;
  bool options_done = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string value;
    if (options_done || arg.empty() || arg[0] != '-' || arg == "-") {
      extract.files.push_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (Is(arg, "--out", "-o")) {
      if (!TakeValue(args, i, "--out", value, parsed.error)) return;
      extract.out_dir = value;
    } else if (Is(arg, "--timeout")) {
      if (!TakeValue(args, i, "--timeout", value, parsed.error)) return;
      if (!ParseIntOption("--timeout", value, 0, kMaxTimeoutSeconds, extract.timeout_seconds,
                          parsed.error)) {
        return;
      }
    } else if (Is(arg, "--max-zip-entry-mb")) {
      if (!TakeValue(args, i, "--max-zip-entry-mb", value, parsed.error)) return;
      if (!ParseIntOption("--max-zip-entry-mb", value, 1, kMaxZipEntryMb, extract.max_zip_entry_mb,
                          parsed.error)) {
        return;
      }
    } else if (Is(arg, "--jobs", "-j")) {
      if (!TakeValue(args, i, "--jobs", value, parsed.error)) return;
      if (!ParseIntOption("--jobs", value, 1, kMaxJobs, extract.jobs, parsed.error)) return;
    } else if (arg.size() > 2 && arg.rfind("-j", 0) == 0 && arg[2] != '-') {
      // -j2, as make and ninja spell it
      if (!ParseIntOption("-j", arg.substr(2), 1, kMaxJobs, extract.jobs, parsed.error)) return;
    } else if (Is(arg, "--max-memory-mb")) {
      if (!TakeValue(args, i, "--max-memory-mb", value, parsed.error)) return;
      if (!ParseIntOption("--max-memory-mb", value, 0, kMaxMemoryMb, extract.max_memory_mb,
                          parsed.error)) {
        return;
      }
      if (extract.max_memory_mb != 0 && extract.max_memory_mb < kMinMemoryMb) {
        parsed.error = "--max-memory-mb wants 0 (no limit) or at least " +
                       std::to_string(kMinMemoryMb) + ", got '" + value + "'";
        return;
      }
    } else if (Is(arg, "--files-from")) {
      if (!TakeValue(args, i, "--files-from", value, parsed.error)) return;
      extract.files_from.push_back(value);
    } else if (Is(arg, "--shard")) {
      if (!TakeValue(args, i, "--shard", value, parsed.error)) return;
      if (!ParseShard(value, extract.shard_index, extract.shard_count, parsed.error)) return;
    } else if (arg == "--resume") {
      extract.resume = true;
    } else if (arg == "--quiet" || arg == "-q") {
      extract.quiet = true;
    } else if (arg == "--no-ocr") {
      extract.enable_ocr = false;
    } else if (arg == "--pretty") {
      extract.pretty = true;
    } else if (arg == "--verbose" || arg == "-v") {
      extract.verbose = true;
    } else if (arg == "--in-process") {
      extract.in_process = true;
    } else if (arg == "--help" || arg == "-h") {
      parsed.command = Command::kHelp;
      return;
    } else {
      parsed.error = "unknown option '" + arg + "' for extract";
      return;
    }
  }
  if (extract.files.empty() && extract.files_from.empty()) {
    parsed.error = "extract needs at least one FILE, DIR or --files-from LIST";
  }
}

void ParseInspect(const std::vector<std::string>& args, size_t i, ParsedArgs& parsed) {
  InspectArgs& inspect = parsed.inspect;
  bool have_page = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string value;
    if (arg.empty() || arg[0] != '-') {
      if (!inspect.file.empty()) {
        parsed.error = "inspect takes one FILE";
        return;
      }
      inspect.file = arg;
    } else if (Is(arg, "--page", "-p")) {
      if (!TakeValue(args, i, "--page", value, parsed.error)) return;
      const std::optional<int> page = ParseNonNegativeInt(value);
      if (!page || *page == 0) {
        parsed.error = "--page wants a page number from 1, got '" + value + "'";
        return;
      }
      inspect.page = *page;
      have_page = true;
    } else if (Is(arg, "--png")) {
      if (!TakeValue(args, i, "--png", value, parsed.error)) return;
      inspect.png_path = value;
    } else if (arg == "--json") {
      inspect.json = true;
    } else if (arg == "--verbose" || arg == "-v") {
      inspect.verbose = true;
    } else if (arg == "--help" || arg == "-h") {
      parsed.command = Command::kHelp;
      return;
    } else {
      parsed.error = "unknown option '" + arg + "' for inspect";
      return;
    }
  }
  if (inspect.file.empty()) {
    parsed.error = "inspect needs a FILE";
  } else if (!have_page) {
    parsed.error = "inspect needs --page N";
  } else if (inspect.png_path.empty()) {
    inspect.json = true;  // nothing asked for: show the analysis
  }
}

}  // namespace

ParsedArgs ParseArgs(const std::vector<std::string>& args) {
  ParsedArgs parsed;
  if (args.empty()) {
    parsed.error = "no command given";
    return parsed;
  }
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    parsed.command = Command::kHelp;
  } else if (command == "--version" || command == "version") {
    parsed.command = Command::kVersion;
  } else if (command == "extract") {
    parsed.command = Command::kExtract;
    ParseExtract(args, 1, parsed);
  } else if (command == "inspect") {
    parsed.command = Command::kInspect;
    ParseInspect(args, 1, parsed);
  } else if (command == "dataset") {
    parsed.command = Command::kDataset;
    parsed.dataset_args.assign(args.begin() + 1, args.end());
  } else {
    parsed.error = "unknown command '" + command + "'";
  }
  return parsed;
}

void PrintUsage(std::ostream& out) {
  out << "usage: disclose extract [-o|--out DIR] [-j N] [--resume] [--shard K/N] [--quiet]\n"
         "                        [--timeout SECONDS] [--max-memory-mb MB] [--no-ocr] [--verbose]\n"
         "                        [--files-from LIST] FILE|DIR...\n"
         "       disclose inspect FILE --page N [--png OUT.png] [--json]\n"
         "       disclose dataset DIR... -o OUT   (see disclose dataset --help)\n"
         "       disclose --help | --version\n"
         "\n"
         "extract  reads each FILE (.pdf .docx .txt .md, detected by content; a DIR is walked\n"
         "         recursively) and writes DIR/REL.json and DIR/REL.facts.csv, REL being the\n"
         "         input's path below the inputs' common folder, file name and extension kept\n"
         "         (a.pdf -> a.pdf.json); a file that cannot be read gets DIR/REL.error.json.\n"
         "         DIR/manifest.jsonl gets one line per input. See README.md.\n"
         "         -o, --out DIR      output directory (default: .; created if missing)\n"
         "         -j, --jobs N       worker processes (default: the number of cores)\n"
         "         --files-from LIST  read input paths from LIST, one a line ('-': stdin)\n"
         "         --resume           skip inputs already done by this version with these options\n"
         "         --shard K/N        take only the K-th of N deterministic parts of the inputs\n"
         "         -q, --quiet        no progress line on a terminal\n"
         "         --timeout SECONDS  give up on one file after this long (default 120; 0: none)\n"
         "         --max-memory-mb MB memory limit of each worker (default 2048; 0: none);\n"
         "                            a file that needs more is too_large\n"
         "         --no-ocr           never run OCR on scanned pages\n"
         "         --max-zip-entry-mb N  refuse (too_large) a DOCX part inflating beyond N MiB\n"
         "         --pretty           indent NAME.json (default: compact, one line)\n"
         "         --verbose          echo the PDF library's diagnostics\n"
         "         --in-process       read files in this process (no isolation; for debugging)\n"
         "inspect  shows what the PDF reader sees on one page: --json prints glyphs, rules,\n"
         "         tables and paragraphs (default); --png draws them over the page.\n"
         "\n"
         "exit status: 0 every file extracted (skipped non-documents and pages that could not\n"
         "be read are reported but do not fail the run); 1 some file could not be read (the\n"
         "others are still written); 2 usage error; 130/143 interrupted by SIGINT/SIGTERM.\n";
}

}  // namespace disclose::cli
