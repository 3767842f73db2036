// core/run_manifest: DIR/manifest.jsonl, one JSON line per input, the account of a run that
// `disclose extract` writes and `disclose dataset` and --resume read (the one definition of the
// format both sides share). Fields and their order are fixed (docs/schema.md,
// "manifest.jsonl"): path, sha256, size, status, error_code, outputs, pages, pages_skipped,
// figures, findings, seconds, tool_version, options.
//
// Lines are appended as inputs finish (one write(2) each, so a kill leaves at most one torn
// last line, which Load ignores); when the run ends the file is rewritten with one line per path:
// lines of paths this run did not see first, in their old order, then this run's inputs in input
// order.
//
//   ManifestEntry entry = ...;
//   std::string line = ManifestToJsonLine(entry);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace disclose {

inline constexpr char kManifestName[] = "manifest.jsonl";

struct ManifestEntry {
  std::string path;    // escaped (cli/names.h)
  std::string sha256;  // empty: null (the file could not be read)
  std::optional<std::uint64_t> size;
  std::string status;            // "ok", "error" or "skipped"
  std::string error_code;        // empty: null
  std::string json, csv, error;  // output paths relative to DIR, escaped; empty when absent
  int pages = 0;
  int pages_skipped = 0;
  int pages_truncated = 0;
  int figures = 0;
  int findings_error = 0, findings_warning = 0, findings_info = 0;
  double seconds = 0;
  std::string tool_version;
  std::string options;
};

std::string ManifestToJsonLine(const ManifestEntry& entry);  // newline-terminated

// Parses one line; nullopt for a torn or foreign line.
std::optional<ManifestEntry> ParseManifestLine(const std::string& line);

// The lines of a manifest in file order, and the last entry per path.
struct LoadedManifest {
  std::vector<std::string> order;  // paths in order of first appearance
  std::map<std::string, ManifestEntry> last;
};
LoadedManifest LoadManifest(const std::string& content);

}  // namespace disclose
