// extract: format readers that turn a file into the Document model.
//
// The format is detected from the bytes, never from the file name: "%PDF-"
// is a PDF, a zip holding word/document.xml is a DOCX, an OLE file with a
// WordDocument stream is a DOC, markup opening with <html, <!DOCTYPE html or
// <table is HTML, UTF-8 or GB18030 text is text (markdown when it carries
// markdown structure). Each reader returns a
// Result<Document>; damage it can live with becomes Document::warnings.
//
//   ExtractOptions options;
//   Result<Document> document = ReadDocument("report.pdf", options);
//   if (!document.ok()) Fail(document.status());   // "PDF read error: ..."
//
// Poppler, libzip, libxml2 and Tesseract types never appear in this header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/limits.h"
#include "core/status.h"

namespace disclose {

struct ExtractOptions {
  // Inputs larger than this are refused with kTooLarge before parsing.
  std::uint64_t max_input_bytes = 512ull << 20;
  // A single zip entry may not inflate beyond this (zip-bomb guard).
  std::uint64_t max_zip_entry_bytes = 256ull << 20;
  // Total inflated bytes across all entries a reader is allowed to read.
  std::uint64_t max_zip_total_bytes = 1024ull << 20;
  // A reader that runs longer than this gives up with kTimeout (0 = no limit).
  int timeout_seconds = 120;
  // Run OCR on pages whose text layer cannot be trusted (when available).
  bool enable_ocr = true;
  // How large a document model a reader may build before giving up with kTooLarge.
  ModelLimits limits;
};

// Detects the format from the first bytes (and, for zips, the central directory).
SourceFormat DetectFormat(std::string_view bytes);

// Reads a file from disk: checks the path (missing, directory, unreadable,
// empty, too large), detects the format and dispatches to the reader.
Result<Document> ReadDocument(const std::string& path, const ExtractOptions& options);

// Readers from memory; `name` is the file name recorded in Source::name.
// They fill source.format, source.sha256 and source.size_bytes themselves.
Result<Document> ReadDocx(std::string_view bytes, std::string name, const ExtractOptions& options);
Result<Document> ReadText(std::string_view bytes, std::string name, const ExtractOptions& options);
Result<Document> ReadPdf(std::string_view bytes, std::string name, const ExtractOptions& options);
// HTML: libxml2's HTML parser; charset from the BOM, <meta>, or detected (UTF-8, GB18030).
Result<Document> ReadHtml(std::string_view bytes, std::string name, const ExtractOptions& options);
// Word 97-2003 .doc: converted by wvWare (Debian package wv) to HTML, read as HTML.
Result<Document> ReadDoc(std::string_view bytes, std::string name, const ExtractOptions& options);
// Spreadsheets: every visible sheet a page (extract/xlsx, extract/xls).
Result<Document> ReadXlsx(std::string_view bytes, std::string name, const ExtractOptions& options);
Result<Document> ReadXls(std::string_view bytes, std::string name, const ExtractOptions& options);

}  // namespace disclose
