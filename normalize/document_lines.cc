#include "normalize/document_lines.h"

#include <string>
#include <vector>

#include "core/text.h"

namespace disclose {
namespace {

// A document without pages counts this many lines as its title page.
constexpr std::size_t kPagelessTitleLines = 12;
// Table rows whose cells may name the unit (金额单位 and 编制单位 lines sit
// in the first rows of a grid drawn with its title inside the frame).
constexpr int kTableHeaderRows = 3;
// A line joined with the next must be short: a cover line, not a sentence.
constexpr std::size_t kJoinableCodePoints = 24;

void AddLines(const std::string& text, const Provenance& provenance, bool in_table,
              std::vector<DocumentLine>& lines) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    DocumentLine entry;
    entry.text = std::move(line);
    entry.provenance = provenance;
    entry.in_table = in_table;
    lines.push_back(std::move(entry));
  }
}

// A form's label cell ("部门名称" | "北京市审计局"): the name is in the next cell.
bool IsNameLabel(const std::string& text) {
  const std::string compact = RemoveAllWhitespace(text);
  for (std::string_view label : {"部门名称", "单位名称", "编制单位", "预算单位", "主管部门",
                                 "预算主管部门", "填报单位", "部门", "单位"}) {
    if (compact == label) return true;
  }
  return false;
}

bool IsContentsLine(const std::string& text) {
  const std::string compact = RemoveAllWhitespace(text);
  return StartsWith(compact, "目录") || StartsWith(compact, "目 录");
}

// A cover's year that OCR cut in two: the big digits of "2019年度" come out as "2" at the head
// of the line above ("2江沧省总级人民法叶") and "019年度部门预算公开" below, so no line states a
// year. The digits go back together when the line below starts with one to three digits and 年,
// the line above (OCR'd, on the same page) starts with the digits the year lacks, and the two
// make a year of the 1900s or 2000s.
void RejoinYearsCutAcrossLines(std::vector<DocumentLine>& lines) {
  constexpr std::string_view kYearWord = "年";
  for (std::size_t i = 1; i < lines.size(); ++i) {
    DocumentLine& above = lines[i - 1];
    DocumentLine& below = lines[i];
    if (above.provenance.origin != TextOrigin::kOcr ||
        below.provenance.origin != TextOrigin::kOcr ||
        above.provenance.page != below.provenance.page || above.in_table || below.in_table) {
      continue;
    }
    const std::size_t tail = LeadingAsciiDigits(below.text);
    if (tail == 0 || tail > 3 || below.text.compare(tail, kYearWord.size(), kYearWord) != 0) {
      continue;
    }
    const std::size_t head = LeadingAsciiDigits(above.text);
    if (head + tail != 4) continue;
    const std::string year = above.text.substr(0, head) + below.text.substr(0, tail);
    if (!StartsWith(year, "19") && !StartsWith(year, "20")) continue;
    below.text = year + below.text.substr(tail);
    above.text = Trim(above.text.substr(head));
  }
}

}  // namespace

bool IsOcrNoiseLine(const DocumentLine& line) {
  constexpr std::size_t kNoiseCodePoints = 6;
  if (line.provenance.origin != TextOrigin::kOcr) return false;
  const std::vector<char32_t> cps = DecodeUtf8(line.text);
  if (cps.size() > kNoiseCodePoints) return false;
  bool latin = false;
  bool ideograph_or_digit = false;
  for (char32_t c : cps) {
    latin = latin || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    ideograph_or_digit = ideograph_or_digit || IsCjkIdeograph(c) || (c >= U'0' && c <= U'9');
  }
  return latin || !ideograph_or_digit;
}

std::vector<DocumentLine> CollectDocumentLines(const Document& document) {
  std::vector<DocumentLine> lines;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) {
      AddLines(paragraph->text, paragraph->provenance, false, lines);
    } else if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) {
        if (cell.row < kTableHeaderRows) AddLines(cell.text, cell.provenance, true, lines);
        if (!IsNameLabel(cell.text)) continue;
        const TableCell* value = table->CellAt(cell.row, cell.column + cell.column_span);
        if (value == nullptr || value->text.empty() ||
            value->text.find('\n') != std::string::npos) {
          continue;
        }
        AddLines(RemoveAllWhitespace(cell.text) + "：" + value->text, value->provenance, true,
                 lines);
      }
    }
  }
  RejoinYearsCutAcrossLines(lines);
  if (lines.empty()) return lines;
  const int first_page = lines.front().provenance.page;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (IsContentsLine(lines[i].text)) break;
    const bool on_title_page =
        first_page > 0 ? lines[i].provenance.page == first_page : i < kPagelessTitleLines;
    if (!on_title_page) break;
    // A grid on the first page is a table, not a cover (tables-only files).
    lines[i].title_page = !lines[i].in_table;
  }
  return lines;
}

std::vector<std::string> JoinedCandidates(const std::vector<DocumentLine>& lines, std::size_t at,
                                          std::size_t max_lines) {
  std::vector<std::string> candidates = {lines[at].text};
  std::string joined = lines[at].text;
  std::string without_noise = joined;
  for (std::size_t next = at + 1; next < lines.size() && next < at + max_lines; ++next) {
    const DocumentLine& previous = lines[next - 1];
    if (DecodeUtf8(previous.text).size() > kJoinableCodePoints) break;
    if (lines[next].provenance.page != previous.provenance.page ||
        lines[next].in_table != previous.in_table ||
        (previous.in_table && lines[next].provenance.block != previous.provenance.block)) {
      break;
    }
    joined += " " + lines[next].text;
    candidates.push_back(joined);
    if (IsOcrNoiseLine(lines[next])) continue;
    without_noise += " " + lines[next].text;
    if (without_noise != joined) candidates.push_back(without_noise);
  }
  return candidates;
}

}  // namespace disclose
