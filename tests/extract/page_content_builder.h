// Hand-built PDF page content for the extract/pdf tests: glyph runs laid out the way a PDF's
// text layer gives them, without a PDF.
//
//   PageContent page;
//   AddRun(page, "部门收入决算表", 60, 40);               // 10 pt, one glyph every 10 pt
//   AddRun(page, "1,234.50", 400, 80, /*size=*/9, /*advance=*/6);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {

// One glyph per code point from (x, top), each `advance` wide and `size` * 1.2 tall; spaces in
// `text` only advance the pen.
inline void AddRun(PageContent& page, std::string_view text, double x, double top, double size = 10,
                   double advance = 10) {
  for (char32_t c : DecodeUtf8(text)) {
    if (c == U' ') {
      x += advance;
      continue;
    }
    Glyph glyph;
    glyph.text = EncodeUtf8(c);
    glyph.box = {x, top, x + advance, top + size * 1.2};
    glyph.font_size = size;
    page.glyphs.push_back(glyph);
    x += advance;
  }
}

// An empty A4 portrait page (595 x 842 pt) numbered `number`.
inline PageContent A4Page(int number) {
  PageContent page;
  page.page.number = number;
  page.page.width = 595;
  page.page.height = 842;
  return page;
}

// The right edges of the amount columns AddAmountRow lays out; labels start at 60.
inline const std::vector<double> kAmountRights = {340, 430, 520};

// A table row at `top`: `label` from 60, then each non-empty cell right-aligned on its column
// of kAmountRights, 10 pt with a 6 pt advance (an amount's digits).
inline void AddAmountRow(PageContent& page, double top, std::string_view label,
                         const std::vector<std::string>& cells) {
  if (!label.empty()) AddRun(page, label, 60, top);
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (cells[k].empty()) continue;
    const double width = 6.0 * static_cast<double>(DecodeUtf8(cells[k]).size());
    AddRun(page, cells[k], kAmountRights[k] - width, top, /*size=*/10, /*advance=*/6);
  }
}

}  // namespace disclose::pdf
