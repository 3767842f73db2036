// The small parts of a workbook: relationships, the sheet list, the cell
// styles' number formats and the shared strings. Each is parsed in one pass
// of the XmlCursor; counts are capped so a hostile part cannot make the
// reader hold more than the part's own bytes in a different shape.
#include <algorithm>
#include <charconv>

#include "extract/xlsx/xlsx_internal.h"

namespace disclose::xlsx {
namespace {

// Shared strings and cell styles a workbook may declare (a real one has a
// few thousand strings and a few hundred styles).
constexpr std::size_t kMaxSharedStrings = 4'000'000;
constexpr std::size_t kMaxCellStyles = 100'000;
constexpr std::size_t kMaxSheets = 10'000;

std::optional<int> ParseInt(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  int value = 0;
  const char* begin = text->data();
  const char* end = begin + text->size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// "worksheets/sheet1.xml" against "xl/" -> "xl/worksheets/sheet1.xml";
// "/xl/worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; ".." pops.
std::string ResolveTarget(const std::string& base_folder, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_folder + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

}  // namespace

Status ParseRelationships(std::string_view xml, const std::string& part,
                          const std::string& base_folder, Relationships* relationships,
                          std::map<std::string, std::string>* targets_by_type) {
  XmlCursor cursor(xml, part);
  while (cursor.Next()) {
    if (!cursor.IsStart() || cursor.Name() != "Relationship") continue;
    const std::optional<std::string> id = cursor.Attribute("Id");
    const std::optional<std::string> target = cursor.Attribute("Target");
    const std::optional<std::string> mode = cursor.Attribute("TargetMode");
    if (!id || !target || (mode && *mode == "External")) continue;
    const std::string resolved = ResolveTarget(base_folder, *target);
    (*relationships)[*id] = resolved;
    if (const std::optional<std::string> type = cursor.Attribute("Type")) {
      // ".../relationships/sharedStrings" -> "sharedStrings"
      const std::size_t slash = type->find_last_of('/');
      const std::string short_type = slash == std::string::npos ? *type : type->substr(slash + 1);
      targets_by_type->emplace(short_type, resolved);
    }
  }
  return cursor.status();
}

Status ParseWorkbook(std::string_view xml, const std::string& part,
                     std::vector<SheetEntry>* sheets) {
  XmlCursor cursor(xml, part);
  while (cursor.Next()) {
    if (!cursor.IsStart() || cursor.Name() != "sheet") continue;
    if (sheets->size() >= kMaxSheets) {
      return XlsxError(ErrorCode::kTooLarge,
                       part + ": more than " + std::to_string(kMaxSheets) + " sheets");
    }
    SheetEntry entry;
    entry.name = DecodeEscapes(cursor.Attribute("name").value_or(""));
    entry.state = cursor.Attribute("state").value_or("");
    entry.relationship_id = cursor.Attribute("id").value_or("");
    sheets->push_back(std::move(entry));
  }
  return cursor.status();
}

Status ParseStyles(std::string_view xml, const std::string& part,
                   std::vector<std::string>* cell_formats) {
  std::map<int, std::string> custom;
  std::vector<int> xf_format_ids;
  int cell_xfs_depth = 0;
  XmlCursor cursor(xml, part);
  while (cursor.Next()) {
    const std::string_view name = cursor.Name();
    if (cursor.IsStart()) {
      if (name == "numFmt") {
        const std::optional<int> id = ParseInt(cursor.Attribute("numFmtId"));
        if (id && custom.size() < kMaxCellStyles) {
          custom[*id] = DecodeEscapes(cursor.Attribute("formatCode").value_or("General"));
        }
      } else if (name == "cellXfs") {
        ++cell_xfs_depth;
      } else if (name == "xf" && cell_xfs_depth > 0) {
        if (xf_format_ids.size() >= kMaxCellStyles) {
          return XlsxError(ErrorCode::kTooLarge,
                           part + ": more than " + std::to_string(kMaxCellStyles) + " cell styles");
        }
        xf_format_ids.push_back(ParseInt(cursor.Attribute("numFmtId")).value_or(0));
      }
    } else if (cursor.IsEnd() && name == "cellXfs" && cell_xfs_depth > 0) {
      --cell_xfs_depth;
    }
  }
  if (!cursor.status().ok()) return cursor.status();
  cell_formats->clear();
  for (int id : xf_format_ids) {
    const auto found = custom.find(id);
    cell_formats->push_back(found != custom.end() ? found->second
                                                  : std::string(sheet::BuiltinFormat(id)));
  }
  return Status::Ok();
}

Status ParseSharedStrings(std::string_view xml, const std::string& part,
                          std::vector<std::string>* strings) {
  XmlCursor cursor(xml, part);
  bool in_item = false;
  bool in_text = false;
  int phonetic_depth = 0;  // <rPh> holds a reading aid, not the printed text
  std::string current;
  while (cursor.Next()) {
    const std::string_view name = cursor.Name();
    if (cursor.IsStart()) {
      if (name == "si") {
        if (strings->size() >= kMaxSharedStrings) {
          return XlsxError(
              ErrorCode::kTooLarge,
              part + ": more than " + std::to_string(kMaxSharedStrings) + " shared strings");
        }
        in_item = true;
        current.clear();
      } else if (name == "rPh") {
        ++phonetic_depth;
      } else if (name == "t") {
        in_text = in_item && phonetic_depth == 0;
      }
    } else if (cursor.IsEnd()) {
      if (name == "si" && in_item) {
        strings->push_back(DecodeEscapes(current));
        in_item = false;
      } else if (name == "rPh" && phonetic_depth > 0) {
        --phonetic_depth;
      } else if (name == "t") {
        in_text = false;
      }
    } else if (cursor.IsText() && in_text) {
      current += cursor.Text();
    }
  }
  return cursor.status();
}

}  // namespace disclose::xlsx
