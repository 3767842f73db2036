// Reading the hand-written expectation tables of the real-document tests
// (fixtures/real/*.tsv, fixtures/corpus/*.tsv).
//
//   for (const TsvRow& row : ReadTsv(path))  // header line names the columns
//     for (const std::string& kind : SplitSemicolons(row.at("tables"))) ...
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace disclose {

using TsvRow = std::map<std::string, std::string>;

inline std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string::size_type start = 0;
  while (true) {
    std::string::size_type tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

inline std::vector<std::string> SplitSemicolons(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ';')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// Reads a TSV with a header line into rows keyed by column name. Lines starting with '#'
// and empty lines are skipped; a missing file yields no rows (the caller asserts).
inline std::vector<TsvRow> ReadTsv(const std::filesystem::path& path) {
  std::vector<TsvRow> rows;
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (header.empty()) {
      header = fields;
      continue;
    }
    TsvRow row;
    for (size_t i = 0; i < header.size(); ++i) {
      row[header[i]] = i < fields.size() ? fields[i] : std::string();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace disclose
