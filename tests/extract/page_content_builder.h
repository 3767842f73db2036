// Hand-built PDF page content for the extract/pdf tests: glyph runs laid out the way a PDF's
// text layer gives them, without a PDF.
//
//   PageContent page;
//   AddRun(page, "部门收入决算表", 60, 40);               // 10 pt, one glyph every 10 pt
//   AddRun(page, "1,234.50", 400, 80, /*size=*/9, /*advance=*/6);
#pragma once

#include <string_view>

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

}  // namespace disclose::pdf
