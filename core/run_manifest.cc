#include "core/run_manifest.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

namespace disclose {
namespace {

using Json = nlohmann::ordered_json;

Json StringOrNull(const std::string& text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

std::string StringOf(const Json& json, const char* key) {
  const auto it = json.find(key);
  return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int IntOf(const Json& json, const char* key) {
  const auto it = json.find(key);
  return it != json.end() && it->is_number_integer() ? it->get<int>() : 0;
}

}  // namespace

std::string ManifestToJsonLine(const ManifestEntry& entry) {
  Json outputs = Json::object();
  if (!entry.json.empty()) outputs["json"] = entry.json;
  if (!entry.csv.empty()) outputs["csv"] = entry.csv;
  if (!entry.error.empty()) outputs["error"] = entry.error;
  Json line;
  line["path"] = entry.path;
  line["sha256"] = StringOrNull(entry.sha256);
  line["size"] = entry.size ? Json(*entry.size) : Json(nullptr);
  line["status"] = entry.status;
  line["error_code"] = StringOrNull(entry.error_code);
  line["outputs"] = std::move(outputs);
  line["pages"] = entry.pages;
  line["pages_skipped"] = entry.pages_skipped;
  line["pages_truncated"] = entry.pages_truncated;
  line["figures"] = entry.figures;
  line["findings"] = Json{{"error", entry.findings_error},
                          {"warning", entry.findings_warning},
                          {"info", entry.findings_info}};
  // Milliseconds are enough, and keep the line short.
  line["seconds"] = std::round(entry.seconds * 1000) / 1000;
  line["tool_version"] = entry.tool_version;
  line["options"] = entry.options;
  return line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<ManifestEntry> ParseManifestLine(const std::string& line) {
  const Json json = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("path") || !json["path"].is_string()) {
    return std::nullopt;
  }
  ManifestEntry entry;
  entry.path = StringOf(json, "path");
  entry.sha256 = StringOf(json, "sha256");
  if (json.contains("size") && json["size"].is_number_unsigned()) {
    entry.size = json["size"].get<std::uint64_t>();
  }
  entry.status = StringOf(json, "status");
  entry.error_code = StringOf(json, "error_code");
  if (json.contains("outputs") && json["outputs"].is_object()) {
    const Json& outputs = json["outputs"];
    entry.json = StringOf(outputs, "json");
    entry.csv = StringOf(outputs, "csv");
    entry.error = StringOf(outputs, "error");
  }
  entry.pages = IntOf(json, "pages");
  entry.pages_skipped = IntOf(json, "pages_skipped");
  entry.pages_truncated = IntOf(json, "pages_truncated");
  entry.figures = IntOf(json, "figures");
  if (json.contains("findings") && json["findings"].is_object()) {
    entry.findings_error = IntOf(json["findings"], "error");
    entry.findings_warning = IntOf(json["findings"], "warning");
    entry.findings_info = IntOf(json["findings"], "info");
  }
  if (json.contains("seconds") && json["seconds"].is_number()) {
    entry.seconds = json["seconds"].get<double>();
  }
  entry.tool_version = StringOf(json, "tool_version");
  entry.options = StringOf(json, "options");
  return entry;
}

LoadedManifest LoadManifest(const std::string& content) {
  LoadedManifest loaded;
  std::istringstream lines(content);
  std::string line;
  while (std::getline(lines, line)) {
    std::optional<ManifestEntry> entry = ParseManifestLine(line);
    if (!entry) continue;
    if (loaded.last.find(entry->path) == loaded.last.end()) loaded.order.push_back(entry->path);
    loaded.last[entry->path] = std::move(*entry);
  }
  return loaded;
}

}  // namespace disclose
