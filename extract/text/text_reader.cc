// ReadText: plain-text and markdown exports of disclosure documents into the
// Document model. Decoding and the text/binary decision live here; cleaning,
// line classification and table shapes live in the sibling files.
//
// Rules, in the order they apply:
//  - bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, or GB18030/GBK that decodes
//    strictly and reads as Chinese (extract/charset); anything else, NUL bytes
//    or more than 5% control characters is not text (kUnsupportedFormat);
//    whitespace only is kEmpty;
//  - a line with tabs next to other tab lines is a table row; a lone line
//    with tabs (a stray trailing tab, one tab between two phrases) is a
//    paragraph with its tabs read as spaces unless it has 3+ filled cells one
//    of which holds a digit;
//  - page-number lines go to Document::furniture; a paragraph cut by a page
//    break (blank lines, form feed, page number) is rejoined when it ends
//    mid-sentence and the next line does not start a new numbered item;
//  - two tables separated only by blank / page-number lines and repeated
//    编制部门/单位 lines, with the same column count, are flagged as continued.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/charset/charset.h"
#include "extract/extract.h"
#include "extract/text/text_internal.h"

namespace disclose {
namespace {

using text_internal::IsBlankLine;
using text_internal::PendingCell;
using text_internal::PendingTable;
using text_internal::SourceLine;

Status NotText(const std::string& name) {
  return Status(ErrorCode::kUnsupportedFormat,
                "text read error: " + name + ": not UTF-8, UTF-16 or GB18030 text");
}

bool IsDroppedControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
}

// Lines on \n, \r\n and \r; a form feed splits a line too and marks a page break.
std::vector<SourceLine> SplitLines(std::string_view text) {
  std::vector<SourceLine> lines;
  int number = 1;
  SourceLine current;
  current.number = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back(std::move(current));
      current = SourceLine();
      current.number = ++number;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      continue;
    }
    if (c == '\f') {
      lines.push_back(std::move(current));
      current = SourceLine();
      current.number = number;
      current.page_break_before = true;
      continue;
    }
    if (c == '\v') {
      current.text.push_back(' ');
      continue;
    }
    if (IsDroppedControl(static_cast<unsigned char>(c))) continue;
    current.text.push_back(c);
  }
  lines.push_back(std::move(current));
  return lines;
}

struct Item {
  bool is_table = false;
  // Paragraph.
  std::string text;
  ParagraphRole role = ParagraphRole::kBody;
  int heading_level = 0;
  bool markdown_heading = false;
  int line = 0;
  // Table.
  PendingTable table;
  // A blank line, form feed or page number sits between this item and the previous one.
  bool gap_before = false;
};

int TabCount(std::string_view line) {
  int count = 0;
  for (char c : line) count += c == '\t';
  return count;
}

// An upper bound on the cells a space-laid line splits into.
std::int64_t CountSpaceRuns(std::string_view line) {
  std::int64_t runs = 0;
  for (std::size_t i = 0; i + 1 < line.size(); ++i) runs += line[i] == ' ' && line[i + 1] != ' ';
  return runs;
}

std::string_view RightTrimSpaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ')) line.remove_suffix(1);
  return line;
}

bool IsCellLine(std::string_view line) {
  line = RightTrimSpaces(line);
  return !line.empty() && line[0] == '\t' && TabCount(line) == 1;
}

bool IsThematicBreak(std::string_view line) {
  const std::string text = Trim(line);
  if (text.size() < 3) return false;
  const char mark = text[0];
  if (mark != '-' && mark != '*' && mark != '_') return false;
  int count = 0;
  for (char c : text) {
    if (c == mark)
      ++count;
    else if (c != ' ')
      return false;
  }
  return count >= 3;
}

int NumberedHeadingLevel(std::string_view text) {
  if (StartsWith(text, "第")) return 1;
  const char32_t first = text_internal::FirstCodePoint(text);
  if (first == U'（' || first == U'(') return 3;
  if (first >= U'0' && first <= U'9') return 4;
  return 2;
}

class Assembler {
 public:
  Assembler(const std::vector<SourceLine>& lines, bool markdown, ModelBudget* budget)
      : lines_(lines), markdown_(markdown), budget_(budget) {}

  // Stops early, leaving the document incomplete, when the budget runs out; the caller checks it.
  void Run(Document* document) {
    std::size_t i = 0;
    while (i < lines_.size() && !budget_->exceeded()) i = Step(i, document);
    if (budget_->exceeded()) return;
    JoinAcrossPageBreaks();
    MarkCaptions();
    Emit(document);
  }

 private:
  std::size_t Step(std::size_t i, Document* document) {
    const SourceLine& line = lines_[i];
    if (line.page_break_before) gap_ = true;
    if (IsBlankLine(line.text) || (markdown_ && IsThematicBreak(line.text))) {
      gap_ = true;
      return i + 1;
    }
    const bool alone = (i == 0 || IsBlankLine(lines_[i - 1].text)) &&
                       (i + 1 >= lines_.size() || IsBlankLine(lines_[i + 1].text));
    if (line.text.find('\t') == std::string::npos &&
        text_internal::IsPageNumberLine(line.text, alone)) {
      Paragraph furniture;
      furniture.text = Trim(line.text);
      furniture.provenance.line = line.number;
      furniture.provenance.origin = TextOrigin::kMarkup;
      document->furniture.push_back(std::move(furniture));
      gap_ = true;
      return i + 1;
    }
    if (markdown_ && i + 1 < lines_.size() && text_internal::HasUnescapedPipe(line.text) &&
        text_internal::IsPipeSeparatorRow(lines_[i + 1].text)) {
      // Charged before parsing, as tab runs are: one cell per pipe of the run at most.
      std::int64_t pipes = 0;
      for (std::size_t k = i; k < lines_.size() && text_internal::HasUnescapedPipe(lines_[k].text);
           ++k) {
        pipes += std::count(lines_[k].text.begin(), lines_[k].text.end(), '|');
      }
      if (!budget_->AddCells(pipes)) return lines_.size();
      PendingTable table;
      const std::size_t next = text_internal::ParsePipeTable(lines_, i, markdown_, &table);
      AddTable(std::move(table));
      return next;
    }
    if (line.text.find('\t') != std::string::npos) return TabRun(i);
    // A run of lines that holds no table laid out with spaces is looked at
    // once, not again from each of its lines (which was quadratic).
    if (!markdown_ && i >= no_aligned_table_before_) {
      const std::size_t end = text_internal::AlignedTableEnd(lines_, i, &no_aligned_table_before_);
      if (end > i) {
        std::int64_t fields = 0;
        for (std::size_t k = i; k < end; ++k) fields += 1 + CountSpaceRuns(lines_[k].text);
        if (!budget_->AddCells(fields)) return lines_.size();
        AddTable(text_internal::ParseAlignedRows(lines_, i, end));
        return end;
      }
    }
    AddParagraphLine(line);
    return i + 1;
  }

  // A run of consecutive lines with tabs: shape (c) when every line is a lone
  // leading-tab cell, shape (a) otherwise.
  std::size_t TabRun(std::size_t i) {
    std::size_t end = i;
    bool all_cells = true;
    std::int64_t fields = 0;
    while (end < lines_.size() && lines_[end].text.find('\t') != std::string::npos &&
           !(end > i && lines_[end].page_break_before)) {
      if (!IsCellLine(lines_[end].text)) all_cells = false;
      fields += TabCount(lines_[end].text) + 1;
      ++end;
    }
    // Charged before parsing: a run of millions of cells must not be materialised first.
    if (!budget_->AddCells(fields)) return end;
    if (all_cells) {
      PendingTable table;
      const std::size_t next = text_internal::ParseCellPerLine(lines_, i, markdown_, &table);
      AddTable(std::move(table));
      return next;
    }
    if (end - i == 1 && !LooksTabular(lines_[i].text)) {
      SourceLine flattened = lines_[i];
      for (char& c : flattened.text) {
        if (c == '\t') c = ' ';
      }
      AddParagraphLine(flattened);
      return end;
    }
    AddTable(text_internal::ParseTabRows(lines_, i, end, markdown_));
    return end;
  }

  bool LooksTabular(std::string_view line) const {
    int filled = 0;
    bool digit = false;
    std::size_t start = 0;
    while (start <= line.size()) {
      std::size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) tab = line.size();
      const std::string field = Trim(line.substr(start, tab - start));
      if (!field.empty()) {
        ++filled;
        for (char c : field) digit = digit || (c >= '0' && c <= '9');
      }
      start = tab + 1;
    }
    return filled >= 3 && digit;
  }

  void AddParagraphLine(const SourceLine& line) {
    const std::string without_bookmarks = text_internal::StripBookmarks(line.text);
    const text_internal::LineMarks marks =
        text_internal::StripLineMarks(without_bookmarks, markdown_);
    std::string text = Trim(text_internal::CleanInline(marks.rest, markdown_));
    if (text.empty()) {
      gap_ = gap_ || marks.heading_level == 0;
      return;
    }
    Item item;
    item.text = std::move(text);
    item.line = line.number;
    if (marks.heading_level > 0) {
      item.role = ParagraphRole::kHeading;
      item.heading_level = marks.heading_level;
      item.markdown_heading = true;
    } else if (marks.list_item) {
      item.role = ParagraphRole::kListItem;
    } else if (text_internal::IsHeadingLike(item.text)) {
      item.role = ParagraphRole::kHeading;
      item.heading_level = NumberedHeadingLevel(item.text);
    }
    Push(std::move(item));
  }

  void AddCellParagraph(const PendingCell& cell, ParagraphRole role) {
    if (cell.text.empty()) return;
    Item item;
    item.text = cell.text;
    for (char& c : item.text) {
      if (c == '\n') c = ' ';
    }
    item.line = cell.line;
    item.role = role;
    Push(std::move(item));
  }

  void AddTable(PendingTable table) {
    std::vector<PendingCell> before, after;
    text_internal::SplitOffCaptionRows(&table, &before, &after);
    if (table.rows.empty() || text_internal::ColumnCount(table) < 2) {
      // Not a table after all (an indented paragraph, a one-column box).
      for (const PendingCell& cell : before) AddCellParagraph(cell, ParagraphRole::kCaption);
      for (const auto& row : table.rows) {
        for (const PendingCell& cell : row) AddCellParagraph(cell, ParagraphRole::kBody);
      }
      for (const PendingCell& cell : after) AddCellParagraph(cell, ParagraphRole::kBody);
      return;
    }
    for (const PendingCell& cell : before) AddCellParagraph(cell, ParagraphRole::kCaption);
    if (!table.rows.empty() && !table.rows[0].empty()) table.first_line = table.rows[0][0].line;
    Item item;
    item.is_table = true;
    item.line = table.first_line;
    item.table = std::move(table);
    Push(std::move(item));
    for (const PendingCell& cell : after) AddCellParagraph(cell, ParagraphRole::kBody);
  }

  void Push(Item item) {
    if (!item.is_table && !budget_->AddParagraphs(1)) return;
    item.gap_before = gap_;
    gap_ = false;
    items_.push_back(std::move(item));
  }

  void JoinAcrossPageBreaks() {
    std::vector<Item> joined;
    for (Item& item : items_) {
      if (!joined.empty() && !item.is_table && item.gap_before && !joined.back().is_table) {
        Item& previous = joined.back();
        if (!previous.markdown_heading && previous.role != ParagraphRole::kCaption &&
            !item.markdown_heading && item.role != ParagraphRole::kListItem &&
            item.role != ParagraphRole::kCaption && !text_internal::IsCaptionLike(previous.text) &&
            !text_internal::IsCaptionLike(item.text) &&
            text_internal::ShouldJoin(previous.text, previous.role == ParagraphRole::kHeading,
                                      item.text)) {
          text_internal::AppendJoined(&previous.text, item.text);
          continue;
        }
      }
      joined.push_back(std::move(item));
    }
    items_ = std::move(joined);
  }

  void MarkCaptions() {
    for (std::size_t t = 0; t < items_.size(); ++t) {
      if (!items_[t].is_table) continue;
      std::size_t k = t;
      int walked = 0;
      while (k > 0 && walked < 6) {
        Item& item = items_[k - 1];
        if (item.is_table || item.markdown_heading) break;
        if (item.role == ParagraphRole::kHeading && item.heading_level == 1) break;  // 第X部分
        if (item.role != ParagraphRole::kCaption && !text_internal::IsCaptionLike(item.text)) {
          break;
        }
        item.role = ParagraphRole::kCaption;
        item.heading_level = 0;
        --k;
        ++walked;
      }
    }
  }

  void Emit(Document* document) {
    int previous_table = -1;
    std::size_t previous_table_item = 0;
    for (std::size_t k = 0; k < items_.size(); ++k) {
      Item& item = items_[k];
      const int index = static_cast<int>(document->blocks.size());
      Block block;
      if (item.is_table) {
        Table table = text_internal::BuildTable(item.table, index);
        if (previous_table >= 0 && ContinuesTable(previous_table_item, k)) {
          Table* earlier = document->blocks[static_cast<std::size_t>(previous_table)].AsTable();
          if (LacksOnlyHeaderColumns(items_[previous_table_item].table.column_kinds,
                                     item.table.column_kinds)) {
            table.column_count = earlier->column_count;
          }
          if (earlier->column_count == table.column_count) {
            earlier->continues_on_next_page = true;
            table.continued_from_previous_page = true;
          }
        }
        block.content = std::move(table);
        previous_table = index;
        previous_table_item = k;
      } else {
        Paragraph paragraph;
        paragraph.text = item.text;  // items_ is read again by ContinuesTable
        paragraph.role = item.role;
        paragraph.heading_level = item.role == ParagraphRole::kHeading ? item.heading_level : 0;
        paragraph.provenance.page = 0;
        paragraph.provenance.block = index;
        paragraph.provenance.line = item.line;
        paragraph.provenance.origin = TextOrigin::kMarkup;
        block.content = std::move(paragraph);
      }
      document->blocks.push_back(std::move(block));
    }
  }

  // A table laid out with spaces, resumed after a page break without its
  // header, lacks the columns only the header names (其他收入 over an empty
  // column, at the right): its columns are the first ones of the part above,
  // of the same kinds, so the part reads as the same table with those columns
  // empty.
  static bool LacksOnlyHeaderColumns(const std::string& above, const std::string& below) {
    if (above.empty() || below.empty() || below.size() >= above.size()) return false;
    if (above.compare(0, below.size(), below) != 0) return false;
    return std::all_of(above.begin() + static_cast<std::ptrdiff_t>(below.size()), above.end(),
                       [](char kind) { return kind == 'h'; });
  }

  // Only blank lines, page numbers and the repeated 编制部门/单位 lines lie
  // between the two tables: the second is the first one resumed after a page break.
  bool ContinuesTable(std::size_t first, std::size_t second) const {
    bool gap = items_[second].gap_before;
    for (std::size_t k = first + 1; k < second; ++k) {
      if (items_[k].is_table || !text_internal::IsRepeatedTableHeaderLine(items_[k].text)) {
        return false;
      }
      gap = gap || items_[k].gap_before;
    }
    return gap;
  }

  const std::vector<SourceLine>& lines_;
  bool markdown_;
  ModelBudget* budget_;
  bool gap_ = false;
  std::vector<Item> items_;
  std::size_t no_aligned_table_before_ = 0;  // AlignedTableEnd's `scanned`
};

}  // namespace

Result<Document> ReadText(std::string_view bytes, std::string name, const ExtractOptions& options) {
  const std::uint64_t limit =
      std::min<std::uint64_t>(options.max_input_bytes, options.limits.max_text_input_bytes);
  if (bytes.size() > limit) {
    return Status(ErrorCode::kTooLarge,
                  "text read error: " + name + ": " + std::to_string(bytes.size()) +
                      " bytes exceeds the text input limit of " + std::to_string(limit));
  }
  // UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030/GBK that reads as
  // Chinese (charset.h): a strict decode or nothing, never a guess.
  std::string text;
  charset::Charset used = charset::Charset::kUnknown;
  if (!charset::DecodeDetected(bytes, &text, &used)) return NotText(name);
  if (text.find('\0') != std::string::npos) return NotText(name);
  std::size_t controls = 0;
  std::size_t code_points = 0;
  bool all_space = true;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u & 0xC0) != 0x80) ++code_points;
    if (IsDroppedControl(u)) ++controls;
  }
  if (controls * 20 > code_points) return NotText(name);
  all_space = Trim(text).empty();
  if (all_space) return Status(ErrorCode::kEmpty, "text read error: " + name + ": no text");

  std::vector<SourceLine> lines = SplitLines(text);
  bool markdown = false;
  for (std::size_t i = 0; i < lines.size() && !markdown; ++i) {
    markdown = text_internal::LooksLikeMarkdownLine(lines[i].text);
  }

  Document document;
  document.source.name = std::move(name);
  document.source.sha256 = Sha256Hex(bytes);
  document.source.size_bytes = bytes.size();
  document.source.format = markdown ? SourceFormat::kMarkdown : SourceFormat::kText;
  ModelBudget budget(options.limits);
  Assembler(lines, markdown, &budget).Run(&document);
  if (budget.exceeded()) return budget.Exceeded("text read error: " + document.source.name);
  return document;
}

}  // namespace disclose
