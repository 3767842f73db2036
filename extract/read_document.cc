#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "extract/doc/ole_header.h"
#include "extract/extract.h"

namespace disclose {
namespace {

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The extension a file claims, lower-cased with its dot ("" when none).
std::string Extension(const std::string& name) {
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string::npos) return {};
  std::string ext = name.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Bytes with no format signature go to the text reader. When it refuses them too, the user is
// told the file matched no format at all, and that its name promised another: "not UTF-8 text"
// for random bytes named .pdf would send them looking in the wrong place.
Result<Document> ReadAsText(std::string_view bytes, const std::string& name,
                            const ExtractOptions& options) {
  Result<Document> document = ReadText(bytes, name, options);
  if (document.ok() || document.status().code() != ErrorCode::kUnsupportedFormat) return document;
  const std::string ext = Extension(name);
  std::string claim;
  for (std::string_view binary : {".pdf", ".docx", ".xlsx", ".xls", ".doc"}) {
    if (ext == binary) claim = " although it is named " + ext;
  }
  // The text reader's own reason ("not UTF-8, UTF-16 or GB18030 text") follows its "NAME: ".
  const std::string& refused = document.status().message();
  const std::size_t at = refused.find(name + ": ");
  const std::string reason =
      at == std::string::npos ? "not readable as text" : refused.substr(at + name.size() + 2);
  return Status(ErrorCode::kUnsupportedFormat, name + ": not a recognised format" + claim +
                                                   ": no PDF or Office signature, and " + reason);
}

// Markup that opens (after a BOM, blank space and comments) with one of the
// tags a web page starts with. Text exports with a stray <br> do not open with
// a tag, so they stay text.
bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string head;
  for (char c : bytes.substr(0, 2048)) {
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::size_t i = head.find_first_not_of(" \t\r\n\f");
  while (i != std::string::npos && head.compare(i, 4, "<!--") == 0) {
    const std::size_t end = head.find("-->", i + 4);
    i = end == std::string::npos ? end : head.find_first_not_of(" \t\r\n\f", end + 3);
  }
  if (i == std::string::npos || head[i] != '<') return false;
  for (std::string_view opening :
       {"<!doctype html", "<html", "<table", "<head", "<body", "<meta"}) {
    if (head.compare(i, opening.size(), opening) == 0) return true;
  }
  // XHTML: an XML declaration, then the html element.
  return head.compare(i, 5, "<?xml") == 0 && head.find("<html", i) != std::string::npos;
}

}  // namespace

SourceFormat DetectFormat(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return SourceFormat::kPdf;
  // Some producers put junk before the header; PDF readers accept it within 1 KiB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceFormat::kPdf;
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    if (bytes.find("word/document.xml") != std::string_view::npos) return SourceFormat::kDocx;
    // A truncated XLSX may have lost xl/workbook.xml but not its sheets.
    if (bytes.find("xl/workbook.xml") != std::string_view::npos ||
        bytes.find("xl/worksheets/") != std::string_view::npos) {
      return SourceFormat::kXlsx;
    }
    return SourceFormat::kUnknown;
  }
  if (bytes.substr(0, ole::kMagic.size()) == ole::kMagic &&
      ole::ContainsStreamName(bytes, "WordDocument") &&
      !ole::ContainsStreamName(bytes, "EncryptionInfo")) {
    return SourceFormat::kDoc;
  }
  if (LooksLikeHtml(bytes)) return SourceFormat::kHtml;
  return SourceFormat::kText;  // ReadText decides whether the bytes really are text
}

Result<Document> ReadDocument(const std::string& path, const ExtractOptions& options) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return Status(ErrorCode::kNotFound, path + ": no such file");
    return Status(ErrorCode::kIoError, path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return Status(ErrorCode::kIsDirectory, path + ": is a directory");
  // Opening a FIFO or a device would block or never end: only regular files are inputs.
  if (!S_ISREG(info.st_mode)) {
    return Status(ErrorCode::kIoError, path + ": not a regular file (device, FIFO or socket)");
  }
  if (static_cast<std::uint64_t>(info.st_size) > options.max_input_bytes) {
    return Status(ErrorCode::kTooLarge,
                  path + ": " + std::to_string(info.st_size) + " bytes exceeds the input limit");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIoError, path + ": cannot open for reading");
  // Text-like inputs are decoded whole, so an oversized one is refused from its first bytes,
  // before the rest is read into memory.
  if (static_cast<std::uint64_t>(info.st_size) > options.limits.max_text_input_bytes) {
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const SourceFormat format = DetectFormat(head);
    const bool text_like = format == SourceFormat::kText || format == SourceFormat::kMarkdown ||
                           format == SourceFormat::kHtml;
    const bool binary = head.compare(0, ole::kMagic.size(), ole::kMagic) == 0 || !text_like;
    if (!binary) {
      return Status(ErrorCode::kTooLarge, "text read error: " + BaseName(path) + ": " +
                                              std::to_string(info.st_size) +
                                              " bytes of text exceeds the text input limit of " +
                                              std::to_string(options.limits.max_text_input_bytes));
    }
    in.clear();
    in.seekg(0);
  }
  // Read straight into one buffer of the file's size: a stringstream would hold it twice.
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) return Status(ErrorCode::kIoError, path + ": read failed");
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.empty()) return Status(ErrorCode::kEmpty, path + ": file is empty");
  const std::string name = BaseName(path);
  if (bytes.compare(0, ole::kMagic.size(), ole::kMagic) == 0) {
    // An OLE file is dispatched on the stream it holds. An encrypted DOCX is an
    // OLE file with an EncryptionInfo stream; ReadDocx says so.
    if (ole::ContainsStreamName(bytes, "EncryptionInfo")) return ReadDocx(bytes, name, options);
    if (ole::ContainsStreamName(bytes, "Workbook") ||
        (ole::ContainsStreamName(bytes, "Book") &&
         !ole::ContainsStreamName(bytes, "WordDocument"))) {
      return ReadXls(bytes, name, options);
    }
    // A .doc, or an Office file cut before its directory: ReadDoc says which.
    if (ole::ContainsStreamName(bytes, "WordDocument") || ole::DirectoryBeyondEnd(bytes)) {
      return ReadDoc(bytes, name, options);
    }
    return Status(ErrorCode::kUnsupportedFormat,
                  name + ": a legacy Office file (.doc/.xls); save it as DOCX or PDF");
  }
  switch (DetectFormat(bytes)) {
    case SourceFormat::kPdf: return ReadPdf(bytes, name, options);
    case SourceFormat::kDocx: return ReadDocx(bytes, name, options);
    case SourceFormat::kDoc: return ReadDoc(bytes, name, options);
    case SourceFormat::kHtml: return ReadHtml(bytes, name, options);
    case SourceFormat::kText:
    case SourceFormat::kMarkdown: return ReadAsText(bytes, name, options);
    case SourceFormat::kXlsx: return ReadXlsx(bytes, name, options);
    case SourceFormat::kXls:  // an OLE file, dispatched above
    case SourceFormat::kUnknown: break;
  }
  return Status(ErrorCode::kUnsupportedFormat,
                name + ": not a PDF, DOCX, DOC, XLSX, XLS, HTML, text or markdown file");
}

}  // namespace disclose
