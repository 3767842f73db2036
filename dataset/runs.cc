#include "dataset/runs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "core/run_manifest.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string StringOr(const Json& object, const char* key, std::string fallback = {}) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// The error record's message and code, when the record can be read.
void ReadErrorRecord(const fs::path& path, RunEntry& entry) {
  std::ifstream in(path, std::ios::binary);
  const Json record = Json::parse(in, nullptr, false);
  if (!record.is_object()) return;
  if (entry.error_code.empty()) entry.error_code = StringOr(record, "code");
  entry.error_message = StringOr(record, "message");
  if (entry.source.empty()) entry.source = StringOr(record, "source");
}

// Manifest paths keep every byte of a file name as \xNN escapes (docs/schema.md, "File
// names"); the file on disk has the bytes.
std::string Unescape(const std::string& escaped) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] == '\\' && i + 3 < escaped.size() && escaped[i + 1] == 'x' &&
        hex(escaped[i + 2]) >= 0 && hex(escaped[i + 3]) >= 0) {
      out += static_cast<char>(hex(escaped[i + 2]) * 16 + hex(escaped[i + 3]));
      i += 3;
    } else {
      out += escaped[i];
    }
  }
  return out;
}

std::string FileName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A manifest line as the runner wrote it (core/run_manifest.h); a dataset needs a status and,
// for an ok entry, the path of its JSON.
bool EntryFromManifest(const std::string& run_dir, const ManifestEntry& line, RunEntry& entry,
                       std::string& problem) {
  entry.run_dir = run_dir;
  entry.path = line.path;
  entry.status = line.status;
  if (entry.path.empty() ||
      (entry.status != "ok" && entry.status != "error" && entry.status != "skipped")) {
    problem = "needs a path and a status of ok, error or skipped";
    return false;
  }
  entry.source = FileName(entry.path);
  entry.sha256 = line.sha256;
  if (line.size) entry.size = static_cast<std::int64_t>(*line.size);
  entry.error_code = line.error_code;
  entry.tool_version = line.tool_version;
  if (!line.json.empty()) entry.json_path = (fs::path(run_dir) / Unescape(line.json)).string();
  if (!line.error.empty()) ReadErrorRecord(fs::path(run_dir) / Unescape(line.error), entry);
  if (entry.status == "ok" && entry.json_path.empty()) {
    problem = "status ok without outputs.json";
    return false;
  }
  return true;
}

Result<std::vector<RunEntry>> ReadManifest(const std::string& run_dir, const fs::path& manifest,
                                           std::ostream& log, std::int64_t& bad_lines) {
  std::ifstream in(manifest, std::ios::binary);
  if (!in) return Status(ErrorCode::kIoError, "cannot read " + manifest.string());
  // A path may have several lines (appended by a run that was killed before it rewrote the
  // file): the last one is the input's latest outcome.
  std::vector<RunEntry> entries;
  std::map<std::string, std::size_t> index_by_path;
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    if (text.empty()) continue;
    RunEntry entry;
    std::string problem;
    const std::optional<ManifestEntry> line = ParseManifestLine(text);
    if (!line) {
      // A run killed mid-write leaves at most a truncated last line; the input is redone by
      // --resume and not in this dataset.
      problem = "not a manifest line (truncated JSON, or no path)";
    } else {
      EntryFromManifest(run_dir, *line, entry, problem);
    }
    if (!problem.empty()) {
      log << "disclose: " << manifest.string() << ":" << number << ": skipped: " << problem << "\n";
      ++bad_lines;
      continue;
    }
    const auto [it, inserted] = index_by_path.emplace(entry.path, entries.size());
    if (inserted) {
      entries.push_back(std::move(entry));
    } else {
      entries[it->second] = std::move(entry);
    }
  }
  return entries;
}

// The source object sits at the start of NAME.json; reading it alone keeps the walk cheap.
bool ReadJsonHead(const fs::path& path, RunEntry& entry) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // Cut after the source object: its closing brace is the first one after "source".
  const size_t source = head.find("\"source\"");
  if (source == std::string::npos || head.find("\"schema\"") == std::string::npos) return false;
  const size_t close = head.find('}', source);
  if (close == std::string::npos) return false;
  const Json partial = Json::parse(head.substr(0, close + 1) + "}", nullptr, false);
  if (!partial.is_object() || StringOr(partial, "schema") != "disclose/1") return false;
  const auto source_object = partial.find("source");
  if (source_object == partial.end() || !source_object->is_object()) return false;
  entry.source = StringOr(*source_object, "name");
  entry.sha256 = StringOr(*source_object, "sha256");
  if (const auto size = source_object->find("size_bytes");
      size != source_object->end() && size->is_number_integer()) {
    entry.size = size->get<std::int64_t>();
  }
  return true;
}

bool EndsWith(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::vector<RunEntry>> WalkRun(const std::string& run_dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(run_dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (error) return Status(ErrorCode::kIoError, "cannot walk " + run_dir + ": " + error.message());
  std::sort(files.begin(), files.end());
  std::vector<RunEntry> entries;
  for (const fs::path& file : files) {
    const std::string relative = fs::relative(file, run_dir).string();
    RunEntry entry;
    entry.run_dir = run_dir;
    if (EndsWith(relative, ".error.json")) {
      entry.status = "error";
      entry.path = relative.substr(0, relative.size() - 11);
      ReadErrorRecord(file, entry);
      if (entry.error_code.empty()) continue;  // not an error record of ours
    } else {
      if (!ReadJsonHead(file, entry)) continue;  // datapackage.json, schemas, ...
      entry.status = "ok";
      entry.json_path = file.string();
      // The output's place in DIR says where the input was: NAME.json mirrors the input's path
      // under -o, and the source name gives the extension back.
      const fs::path parent = fs::path(relative).parent_path();
      entry.path = (parent / entry.source).string();
    }
    if (entry.source.empty()) entry.source = FileName(entry.path);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

Result<std::vector<RunEntry>> ReadRun(const std::string& run_dir, std::ostream& log,
                                      std::int64_t& bad_lines) {
  std::error_code error;
  if (!fs::is_directory(run_dir, error)) {
    return Status(ErrorCode::kNotFound, run_dir + ": not a directory");
  }
  const fs::path manifest = fs::path(run_dir) / "manifest.jsonl";
  if (fs::exists(manifest, error)) return ReadManifest(run_dir, manifest, log, bad_lines);
  return WalkRun(run_dir);
}

std::vector<RunEntry> ChooseDocuments(std::vector<RunEntry> entries, std::int64_t& duplicates) {
  // Key: the sha256, or the path for an input that was never read.
  const auto key = [](const RunEntry& e) { return e.sha256.empty() ? "path:" + e.path : e.sha256; };
  const auto rank = [](const RunEntry& e) {
    return std::make_tuple(e.status == "ok" ? 0 : 1, e.path, e.run_dir, e.json_path);
  };
  std::map<std::string, RunEntry> chosen;
  for (RunEntry& entry : entries) {
    const std::string k = key(entry);
    const auto it = chosen.find(k);
    if (it == chosen.end()) {
      chosen.emplace(k, std::move(entry));
      continue;
    }
    ++duplicates;
    if (rank(entry) < rank(it->second)) it->second = std::move(entry);
  }
  std::vector<RunEntry> documents;
  documents.reserve(chosen.size());
  for (auto& [k, entry] : chosen) documents.push_back(std::move(entry));
  std::sort(documents.begin(), documents.end(), [](const RunEntry& a, const RunEntry& b) {
    return std::tie(a.path, a.sha256) < std::tie(b.path, b.sha256);
  });
  return documents;
}

}  // namespace disclose
