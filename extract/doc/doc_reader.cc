// ReadDoc: Word 97-2003 (.doc) files. Parsing the binary format ourselves is
// out of scope; three Debian converters were compared on our .doc files (see
// docs/schema.md, "Formats"): wvWare (package wv, built on libwv) reads all of
// them, fast-saved files included, and writes tables as HTML with rowspan and
// colspan, field results without field codes, and no bookmarks. antiword
// refuses the fast-saved files and drops merged cells; catdoc gives text only.
// So a .doc is converted to HTML by wvWare and read by the HTML walker: DOC
// and HTML share one table builder.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "core/text.h"
#include "extract/doc/converter.h"
#include "extract/doc/ole_header.h"
#include "extract/extract.h"
#include "extract/html/html_internal.h"

namespace disclose {
namespace {

Status DocError(ErrorCode code, const std::string& detail) {
  return Status(code, "DOC read error: " + detail);
}

// First non-empty line of the converter's complaints, for the error message.
std::string FirstLine(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = Trim(text.substr(start, end - start));
    if (!line.empty()) return SanitizeUtf8(line.substr(0, 200));
    start = end + 1;
  }
  return {};
}

// wvWare always writes this banner in its <head>; anything else on stdout is
// not its HTML.
bool LooksLikeWvHtml(std::string_view html) {
  return html.find("<html") != std::string_view::npos ||
         html.find("<HTML") != std::string_view::npos;
}

}  // namespace

Result<Document> ReadDoc(std::string_view bytes, std::string name, const ExtractOptions& options) {
  if (bytes.empty()) return DocError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.size() > options.max_input_bytes) {
    return DocError(ErrorCode::kTooLarge,
                    name + ": " + std::to_string(bytes.size()) + " bytes exceeds the input limit");
  }
  if (bytes.substr(0, ole::kMagic.size()) != ole::kMagic) {
    return DocError(ErrorCode::kUnsupportedFormat, name + ": not an OLE compound file");
  }
  if (ole::DirectoryBeyondEnd(bytes)) {
    return DocError(ErrorCode::kCorrupt,
                    name + ": truncated OLE compound file (its directory lies past the end)");
  }
  if (ole::ContainsStreamName(bytes, "EncryptionInfo")) {
    return DocError(ErrorCode::kEncrypted, name + ": password-protected Office file");
  }
  if (!ole::ContainsStreamName(bytes, "WordDocument")) {
    return DocError(ErrorCode::kUnsupportedFormat,
                    name + ": an OLE file without a WordDocument stream (not a Word .doc)");
  }

  doc::ConverterLimits limits;
  limits.timeout_seconds = options.timeout_seconds;
  // HTML is verbose (a style attribute on every paragraph): allow 64x the
  // input, within the per-entry budget the zip readers get.
  limits.max_output_bytes = static_cast<std::size_t>(std::min<std::uint64_t>(
      options.max_zip_entry_bytes, std::max<std::uint64_t>(bytes.size() * 64, 16u << 20)));
  doc::ConverterRun run;
  // Images are written (into the temporary directory, removed afterwards)
  // only so that wvWare marks them with <img>: tables published as pictures
  // are then counted in a warning instead of vanishing without a word.
  Status status = doc::RunConverter({"wvWare", "--charset=utf-8", "--dir=.", "input.doc"},
                                    {{"input.doc", bytes}}, limits, &run);
  if (!status.ok()) {
    if (status.code() == ErrorCode::kUnsupportedFormat) {
      return DocError(status.code(),
                      name + ": " + status.message() + " (install the Debian package wv)");
    }
    return DocError(status.code(), name + ": " + status.message());
  }
  const std::string complaint = FirstLine(run.errors);
  if (run.exit_code != 0 || !LooksLikeWvHtml(run.output)) {
    std::string lower = complaint;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("password") != std::string::npos || lower.find("encrypt") != std::string::npos) {
      return DocError(ErrorCode::kEncrypted, name + ": password-protected Word document");
    }
    return DocError(ErrorCode::kCorrupt, name + ": wvWare cannot read it (exit " +
                                             std::to_string(run.exit_code) +
                                             (complaint.empty() ? ")" : "): " + complaint));
  }
  // --charset=utf-8 makes it UTF-8; a broken run of text must not break the walker.
  run.output = SanitizeUtf8(run.output);

  Document document;
  document.source.name = name;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.format = SourceFormat::kDoc;
  document.source.size_bytes = bytes.size();
  html::WalkStats stats;
  html::Limits limits_for_wv;
  limits_for_wv.rowspan_zero_is_covered = true;
  status = html::WalkHtml(run.output, limits_for_wv, &document, &stats);
  if (!status.ok()) {
    std::string_view detail = status.message();
    constexpr std::string_view kPrefix = "HTML read error: ";
    if (StartsWith(detail, kPrefix)) detail.remove_prefix(kPrefix.size());
    return DocError(status.code(), name + ": " + std::string(detail));
  }
  // Lines of wvWare's intermediate HTML mean nothing to a reader of the .doc.
  for (Block& block : document.blocks) {
    if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.line = 0;
    if (Table* table = block.AsTable()) {
      table->provenance.line = 0;
      for (TableCell& cell : table->cells) cell.provenance.line = 0;
    }
  }
  for (Paragraph& paragraph : document.furniture) paragraph.provenance.line = 0;
  if (stats.images > 0) {
    Warning warning;
    warning.code = "doc_images_not_read";
    warning.message = name + ": " + std::to_string(stats.images) +
                      " embedded picture(s) not read; a table published as a picture needs "
                      "OCR (save the file as PDF)";
    document.warnings.push_back(std::move(warning));
  }
  if (document.blocks.empty()) return DocError(ErrorCode::kEmpty, name + ": no text or tables");
  return document;
}

}  // namespace disclose
