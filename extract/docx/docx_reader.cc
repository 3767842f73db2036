// ReadDocx: checks the container (OLE-wrapped encrypted DOCX, zip damage,
// encrypted entries, missing word/document.xml), then reads styles, the body
// and the headers/footers one part at a time, so at most one part's XML is
// held in memory.
#include <algorithm>
#include <cstring>

#include "core/text.h"
#include "extract/doc/ole_header.h"
#include "extract/docx/docx_internal.h"
#include "extract/extract.h"

namespace disclose {
namespace docx {

Status DocxError(ErrorCode code, std::string_view detail) {
  std::string message = "DOCX read error: ";
  for (char c : detail) message += (c == '\n' || c == '\r') ? ' ' : c;
  return Status(code, message);
}

}  // namespace docx
namespace {

using docx::DocxError;

// Application name from docProps/app.xml, without a DOM: the part is tiny and
// only one element is wanted.
std::string ApplicationName(std::string_view xml) {
  const std::size_t open = xml.find("<Application>");
  if (open == std::string_view::npos) return {};
  const std::size_t start = open + std::strlen("<Application>");
  const std::size_t close = xml.find("</Application>", start);
  if (close == std::string_view::npos || close - start > 256) return {};
  return SanitizeUtf8(Trim(xml.substr(start, close - start)));
}

// Re-prefixes a status from the docx helpers with the file name.
Status WithName(const std::string& name, const Status& status) {
  std::string_view detail = status.message();
  constexpr std::string_view kPrefix = "DOCX read error: ";
  if (StartsWith(detail, kPrefix)) detail.remove_prefix(kPrefix.size());
  return DocxError(status.code(), name + ": " + std::string(detail));
}

bool IsHeaderOrFooter(const std::string& name) {
  if (!StartsWith(name, "word/") || !EndsWith(name, ".xml")) return false;
  const std::string_view base = std::string_view(name).substr(5);
  if (base.find('/') != std::string_view::npos) return false;
  return StartsWith(base, "header") || StartsWith(base, "footer");
}

}  // namespace

Result<Document> ReadDocx(std::string_view bytes, std::string name, const ExtractOptions& options) {
  if (bytes.empty()) return DocxError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.size() > options.max_input_bytes) {
    return DocxError(ErrorCode::kTooLarge,
                     name + ": " + std::to_string(bytes.size()) + " bytes exceeds the input limit");
  }
  if (bytes.compare(0, ole::kMagic.size(), ole::kMagic) == 0) {
    // An OLE compound file is how Office wraps a password-protected DOCX.
    // One with a WordDocument stream and no EncryptionInfo is a legacy .doc.
    if (!ole::ContainsStreamName(bytes, "EncryptionInfo") &&
        ole::ContainsStreamName(bytes, "WordDocument")) {
      return DocxError(ErrorCode::kUnsupportedFormat,
                       name + ": legacy Word .doc (OLE), not a DOCX");
    }
    return DocxError(ErrorCode::kEncrypted, name + ": password-protected DOCX (OLE compound file)");
  }

  docx::ZipArchive zip;
  Status status = docx::ZipArchive::Open(bytes, &zip);
  if (!status.ok()) {
    return WithName(name, status);
  }
  if (zip.AnyEncrypted()) {
    return DocxError(ErrorCode::kEncrypted, name + ": zip entries are encrypted");
  }
  const std::string kDocumentPart = "word/document.xml";
  if (!zip.Has(kDocumentPart)) {
    return DocxError(ErrorCode::kUnsupportedFormat, name + ": not a DOCX (no word/document.xml)");
  }

  Document document;
  document.source.name = name;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.format = SourceFormat::kDocx;
  document.source.size_bytes = bytes.size();

  docx::ZipBudget budget{options.max_zip_entry_bytes, options.max_zip_total_bytes, 0};
  ModelBudget model_budget(options.limits);
  // Prefix "DOCX read error: <name>: <part>: ..." on every failure below.
  auto fail = [&name](const Status& failed) { return WithName(name, failed); };

  std::string xml;
  if (zip.Has("docProps/app.xml")) {
    status = zip.Read("docProps/app.xml", &budget, &xml);
    if (!status.ok()) return fail(status);
    document.source.producer = ApplicationName(xml);
  }

  docx::StyleMap styles;
  if (zip.Has("word/styles.xml")) {
    status = zip.Read("word/styles.xml", &budget, &xml);
    if (!status.ok()) return fail(status);
    status = docx::ParseStyles(xml, "word/styles.xml", &styles);
    if (!status.ok()) return fail(status);
  }

  status = zip.Read(kDocumentPart, &budget, &xml);
  if (!status.ok()) return fail(status);
  status =
      docx::WalkPart(xml, kDocumentPart, docx::PartKind::kBody, styles, &model_budget, &document);
  if (!status.ok()) return fail(status);

  // Headers and footers in name order (header1, header2, ..., footer1, ...):
  // deterministic whatever order the zip stores them in.
  std::vector<std::string> furniture_parts;
  for (const std::string& entry : zip.names()) {
    if (IsHeaderOrFooter(entry)) furniture_parts.push_back(entry);
  }
  std::sort(furniture_parts.begin(), furniture_parts.end(),
            [](const std::string& a, const std::string& b) {
              const bool a_header = StartsWith(std::string_view(a).substr(5), "header");
              const bool b_header = StartsWith(std::string_view(b).substr(5), "header");
              if (a_header != b_header) return a_header;
              if (a.size() != b.size()) return a.size() < b.size();
              return a < b;
            });
  furniture_parts.erase(std::unique(furniture_parts.begin(), furniture_parts.end()),
                        furniture_parts.end());
  for (const std::string& part : furniture_parts) {
    status = zip.Read(part, &budget, &xml);
    if (status.ok()) {
      status =
          docx::WalkPart(xml, part, docx::PartKind::kFurniture, styles, &model_budget, &document);
    }
    if (!status.ok()) {
      // A broken header must not cost the body: warn and go on, unless it is
      // a resource limit, which is the caller's decision to lift.
      if (status.code() == ErrorCode::kTooLarge) return fail(status);
      Warning warning;
      warning.code = "docx_bad_part";
      warning.message = status.message();
      document.warnings.push_back(std::move(warning));
    }
  }
  return document;
}

}  // namespace disclose
