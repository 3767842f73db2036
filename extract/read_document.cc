#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "extract/extract.h"

namespace disclose {
namespace {

std::string BaseName(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// OLE compound files hold legacy .doc/.xls and password-protected OOXML packages alike.
constexpr std::string_view kOleMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// Stream names in a compound file's directory are UTF-16LE.
bool ContainsUtf16(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

// The stream names live in the directory; a file cut short loses it (writers
// put it last), and then nothing tells a .doc from an .xls.
bool OleDirectoryMissing(std::string_view bytes) {
  if (bytes.size() < 0x34) return true;
  auto byte = [&bytes](std::size_t at) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at]));
  };
  const std::uint64_t shift = byte(0x1E) | (byte(0x1F) << 8);
  const std::uint64_t first =
      byte(0x30) | (byte(0x31) << 8) | (byte(0x32) << 16) | (byte(0x33) << 24);
  if (shift != 9 && shift != 12) return false;  // not ours to judge: the reader says why
  return ((first + 1) << shift) >= bytes.size();
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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(ErrorCode::kIoError, path + ": read failed");
  const std::string bytes = buffer.str();
  if (bytes.empty()) return Status(ErrorCode::kEmpty, path + ": file is empty");
  const std::string name = BaseName(path);
  if (bytes.compare(0, kOleMagic.size(), kOleMagic) == 0) {
    // An OLE file is dispatched on the stream it holds. An encrypted DOCX is an
    // OLE file with an EncryptionInfo stream; ReadDocx says so.
    if (ContainsUtf16(bytes, "EncryptionInfo")) return ReadDocx(bytes, name, options);
    if (OleDirectoryMissing(bytes)) {
      return Status(ErrorCode::kCorrupt, name +
                                             ": a truncated OLE compound file (.doc/.xls): "
                                             "its directory lies beyond the end of the file");
    }
    if (ContainsUtf16(bytes, "Workbook") ||
        (ContainsUtf16(bytes, "Book") && !ContainsUtf16(bytes, "WordDocument"))) {
      return ReadXls(bytes, name, options);
    }
    return Status(ErrorCode::kUnsupportedFormat,
                  name + ": a legacy Office file (.doc/.xls); save it as DOCX or PDF");
  }
  switch (DetectFormat(bytes)) {
    case SourceFormat::kPdf: return ReadPdf(bytes, name, options);
    case SourceFormat::kDocx: return ReadDocx(bytes, name, options);
    case SourceFormat::kText:
    case SourceFormat::kMarkdown: return ReadText(bytes, name, options);
    case SourceFormat::kXlsx: return ReadXlsx(bytes, name, options);
    case SourceFormat::kXls:
    case SourceFormat::kDoc:
    case SourceFormat::kHtml:
    case SourceFormat::kUnknown: break;
  }
  return Status(ErrorCode::kUnsupportedFormat, name + ": not a PDF, DOCX, text or markdown file");
}

}  // namespace disclose
