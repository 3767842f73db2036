// Small in-memory documents for the normalize tests: pages of paragraph lines and,
// optionally, a table of cells; and a bare grid of cell texts for the table-stage tests.
//
//   Table table = Grid({{"科目编码", "科目名称", "合计"}, {"201", "一般公共服务支出",
//   "1,000.00"}});
//
//   Document document = DocumentBuilder()
//                           .Page({"2026 年度", "福州市鼓楼生态环境局", "单位预算"})
//                           .Table(2, {{"部门名称", "北京市审计局"}})
//                           .Build();
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace disclose {

// A grid from rows of cell texts ("" for an empty cell), one anchor per cell, no provenance.
inline Table Grid(const std::vector<std::vector<std::string>>& rows) {
  Table table;
  table.row_count = static_cast<int>(rows.size());
  for (int r = 0; r < table.row_count; ++r) {
    const auto& row = rows[static_cast<std::size_t>(r)];
    table.column_count = std::max(table.column_count, static_cast<int>(row.size()));
    for (int c = 0; c < static_cast<int>(row.size()); ++c) {
      TableCell cell;
      cell.row = r;
      cell.column = c;
      cell.text = row[static_cast<std::size_t>(c)];
      table.cells.push_back(cell);
    }
  }
  return table;
}

class DocumentBuilder {
 public:
  // One paragraph per line, on the next page.
  DocumentBuilder& Page(const std::vector<std::string>& lines) {
    ++page_;
    for (const std::string& line : lines) {
      Paragraph paragraph;
      paragraph.text = line;
      paragraph.provenance.page = page_;
      paragraph.provenance.block = static_cast<int>(document_.blocks.size());
      document_.blocks.push_back(Block{std::move(paragraph)});
    }
    return *this;
  }

  // A grid of rows on the current page (a new one when none yet).
  DocumentBuilder& Table(const std::vector<std::vector<std::string>>& rows) {
    if (page_ == 0) page_ = 1;
    disclose::Table table;
    table.row_count = static_cast<int>(rows.size());
    table.pages = {page_};
    table.provenance.page = page_;
    table.provenance.block = static_cast<int>(document_.blocks.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      table.column_count = std::max(table.column_count, static_cast<int>(rows[r].size()));
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        TableCell cell;
        cell.row = static_cast<int>(r);
        cell.column = static_cast<int>(c);
        cell.text = rows[r][c];
        cell.provenance = table.provenance;
        cell.provenance.row = cell.row;
        cell.provenance.column = cell.column;
        table.cells.push_back(std::move(cell));
      }
    }
    document_.blocks.push_back(Block{std::move(table)});
    return *this;
  }

  Document Build() {
    for (int page = 1; page <= page_; ++page) {
      disclose::Page entry;
      entry.number = page;
      document_.pages.push_back(entry);
    }
    return document_;
  }

 private:
  Document document_;
  int page_ = 0;
};

}  // namespace disclose
