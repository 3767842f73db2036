// Stage 1 of the table pipeline (table_stages.h): each top-level table block
// with the title and unit lines printed around it.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// The title in the paragraphs before block `b` (back to `previous_table_block`),
// and the nearest unit line on the way.
void TitleAndUnitAbove(const Document& document, int b, int previous_table_block,
                       const LocateOptions& options, LocatedTable& located) {
  std::string& title = located.title;
  for (int p = b - 1; p >= 0 && p > previous_table_block && b - p <= options.title_window_blocks;
       --p) {
    const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(p)].AsParagraph();
    if (paragraph == nullptr) break;
    const std::vector<std::string> lines = SplitLines(paragraph->text);
    for (auto line = lines.rbegin(); line != lines.rend() && title.empty(); ++line) {
      if (IsTableTitleLine(*line)) title = CollapseWhitespace(*line);
    }
    if (!located.unit_before) {
      if (std::optional<UnitDeclaration> unit = UnitInLines(paragraph->text)) {
        located.unit_before = unit;
      }
    }
    if (!title.empty()) {
      // A title wrapped over two paragraphs ("…支出预算" / "表").
      if (DecodeUtf8(TableKey(title)).size() <= 4 && p - 1 > previous_table_block) {
        const Paragraph* before = document.blocks[static_cast<std::size_t>(p - 1)].AsParagraph();
        if (before != nullptr && !IsTableTitleLine(before->text) &&
            ParseUnitDeclaration(before->text) == UnitOfAmount::kUnknown) {
          title = CollapseWhitespace(before->text) + title;
        }
      }
      break;
    }
  }
}

// A form drawn with its title inside the frame (sh_putuo_wanli_2023 p31:
// 财政项目支出绩效目标填报表 in the first row).
std::string TitleInFrame(const Table& table) {
  for (int r = 0; r < std::min(table.row_count, 2); ++r) {
    std::vector<std::string_view> texts;
    for (int c = 0; c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!Trim(text).empty()) texts.push_back(text);
    }
    if (texts.size() == 1 && IsTableTitleLine(texts.front())) {
      return CollapseWhitespace(texts.front());
    }
  }
  return "";
}

// Unit: before the table, in its first rows, or right after it.
std::optional<UnitDeclaration> TableUnit(const Document& document, int b,
                                         const LocateOptions& options,
                                         const LocatedTable& located) {
  const Table& table = *located.table;
  std::optional<UnitDeclaration> unit = located.unit_before;
  for (int r = 0; !unit && r < std::min(table.row_count, options.unit_rows_scanned); ++r) {
    for (int c = 0; !unit && c < table.column_count; ++c) {
      const std::string_view text = table.TextAt(r, c);
      if (!text.empty()) unit = UnitInLines(text);
    }
  }
  if (!unit && b + 1 < static_cast<int>(document.blocks.size())) {
    if (const Paragraph* after = document.blocks[static_cast<std::size_t>(b + 1)].AsParagraph()) {
      unit = UnitInLines(after->text);
    }
  }
  return unit;
}

}  // namespace

std::optional<UnitDeclaration> UnitInLines(std::string_view text) {
  for (const std::string& line : SplitLines(text)) {
    UnitOfAmount unit = ParseUnitDeclaration(line);
    if (unit != UnitOfAmount::kUnknown) return UnitDeclaration{CollapseWhitespace(line), unit};
  }
  return std::nullopt;
}

std::vector<LocatedTable> LocateTables(const Document& document, const LocateOptions& options,
                                       std::vector<Finding>& findings) {
  std::vector<LocatedTable> located;
  int previous_table_block = -1;
  for (int b = 0; b < static_cast<int>(document.blocks.size()); ++b) {
    const Table* table = document.blocks[static_cast<std::size_t>(b)].AsTable();
    if (table == nullptr || table->parent.has_value()) continue;
    if (table->column_count > options.max_columns ||
        static_cast<std::int64_t>(table->row_count) * table->column_count > options.max_positions) {
      // No disclosure table is this large (the largest real ones have 21
      // columns and a few hundred rows); reading a ragged grid of this size
      // would take minutes (fuzz: a 22,149-column row of tabs).
      AddTableFinding(findings, "table.too_large", Severity::kWarning,
                      "a table of " + std::to_string(table->row_count) + " rows and " +
                          std::to_string(table->column_count) +
                          " columns is not read: the limit is " +
                          std::to_string(options.max_columns) + " columns and " +
                          std::to_string(options.max_positions) + " cells",
                      table->provenance);
      continue;
    }
    LocatedTable entry;
    entry.block = b;
    entry.table = table;
    TitleAndUnitAbove(document, b, previous_table_block, options, entry);
    previous_table_block = b;
    if (entry.title.empty()) entry.title = TitleInFrame(*table);
    entry.unit = TableUnit(document, b, options, entry);
    if (b + 1 < static_cast<int>(document.blocks.size())) {
      if (const Paragraph* after = document.blocks[static_cast<std::size_t>(b + 1)].AsParagraph()) {
        entry.note_after = after->text;
      }
    }
    located.push_back(std::move(entry));
  }
  return located;
}

}  // namespace disclose
