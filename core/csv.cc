#include "core/csv.h"

#include "core/text.h"

namespace disclose {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// -?\d+(\.\d+)?: what FormatYuan, page numbers and indexes print.
bool IsPlainNumber(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t integer_start = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == integer_start) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  const std::size_t fraction_start = ++i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  return i == text.size() && i > fraction_start;
}

}  // namespace

bool NeedsFormulaGuard(std::string_view field) {
  if (field.empty()) return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return !IsPlainNumber(field);
    default: return false;
  }
}

void AppendCsvField(std::string& out, std::string_view raw) {
  // Damaged inputs may carry invalid UTF-8; the file must stay valid UTF-8.
  std::string field = SanitizeUtf8(raw);
  if (NeedsFormulaGuard(field)) field.insert(field.begin(), '\'');
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace disclose
