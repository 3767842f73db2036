// extract/inspect: what `disclose inspect` shows about one PDF page, for
// debugging the layout and table detection by eye.
//
// RenderInspection draws the page (rasterised by Poppler at 100 dpi) with the
// detected rules in red, table cells in blue and paragraphs in green, and
// writes it as PNG. InspectPageJson returns the same analysis as JSON: glyphs
// (text, box, font, size, undecodable), rules, tables with cells, paragraphs
// and furniture. Boxes are [x0, y0, x1, y1] in displayed PDF points.
//
//   Status s = RenderInspection("report.pdf", 3, "page3.png");
//   Result<std::string> json = InspectPageJson("report.pdf", 3);
//
// Poppler and cairo types never appear here.
#pragma once

#include <string>

#include "core/status.h"

namespace disclose {

// `page` is 1-based; out of range -> kInvalidArgument; unreadable PDF -> the
// same codes as ReadPdf (kEncrypted, kCorrupt); unwritable PNG -> kIoError.
Status RenderInspection(const std::string& path, int page, const std::string& png_path);

// Pretty-printed JSON (2-space indent) of the page analysis.
Result<std::string> InspectPageJson(const std::string& path, int page);

// Echo Poppler's own diagnostics to stderr (the CLI's --verbose). Off by
// default: ReadPdf then only counts them into a "pdf_damage" Warning.
void SetPdfVerbose(bool verbose);

}  // namespace disclose
