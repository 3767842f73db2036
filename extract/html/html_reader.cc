// ReadHtml: web pages into the Document model. The bytes are decoded to
// UTF-8 here (BOM, <meta> declaration, or detection: Chinese sites serve
// GB2312/GBK as often as UTF-8), then walked by html_walker.cc.
#include <cctype>
#include <string>

#include "core/text.h"
#include "extract/charset/charset.h"
#include "extract/extract.h"
#include "extract/html/html_internal.h"

namespace disclose {
namespace html {
namespace {

// Browsers look for the declaration in the first 1024 bytes; pages padded
// with long comments put it later, so a little more is read.
constexpr std::size_t kPrescanBytes = 4096;

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string CharsetName(charset::Charset used, const std::string& label) {
  switch (used) {
    case charset::Charset::kUtf8: return "UTF-8";
    case charset::Charset::kUtf16Le: return "UTF-16LE";
    case charset::Charset::kUtf16Be: return "UTF-16BE";
    case charset::Charset::kGb18030: return "GB18030";
    default: return label;
  }
}

}  // namespace

Status HtmlError(ErrorCode code, std::string_view detail) {
  return Status(code, "HTML read error: " + std::string(detail));
}

std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = LowerAscii(bytes.substr(0, kPrescanBytes));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const std::size_t close = head.find('>', at);
    const std::string_view tag = std::string_view(head).substr(
        at, close == std::string::npos ? std::string::npos : close - at);
    at += 5;
    const std::size_t key = tag.find("charset");
    if (key == std::string_view::npos) continue;
    std::size_t i = key + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < tag.size() &&
           std::string_view(" \t\r\n\"';/>").find(tag[end]) == std::string_view::npos) {
      ++end;
    }
    if (end > i) return std::string(tag.substr(i, end - i));
  }
  return {};
}

Status DecodeHtml(std::string_view bytes, const std::string& name, std::string* utf8,
                  std::vector<Warning>* warnings) {
  std::string_view body = bytes;
  const charset::Charset bom = charset::StripBom(&body);
  charset::Charset used = charset::Charset::kUnknown;
  if (bom == charset::Charset::kUnknown) {
    const std::string declared = DeclaredCharset(body);
    const std::string converter = charset::ConverterForLabel(declared);
    if (!converter.empty()) {
      // Single-byte charsets decode any bytes at all: a page that declares
      // iso-8859-1 (a server default) but holds GBK would turn to mojibake.
      const bool any_bytes_decode = converter != "UTF-8" && converter != "gb18030";
      if (!(any_bytes_decode && charset::LooksLikeGbText(body) && !charset::IsValidUtf8(body)) &&
          charset::DecodeStrict(body, converter.c_str(), utf8)) {
        return Status();
      }
      // The page lies about its charset (or names one ICU does not know):
      // detection decides, and the reader says so.
      if (charset::DecodeDetected(body, utf8, &used)) {
        Warning warning;
        warning.code = "html_charset_mismatch";
        warning.message = name + ": declares charset " + declared + " but is " +
                          CharsetName(used, declared) + "; read as " + CharsetName(used, declared);
        warnings->push_back(std::move(warning));
        return Status();
      }
      return HtmlError(ErrorCode::kUnsupportedFormat, name + ": declares charset " + declared +
                                                          " but its bytes are not valid " +
                                                          declared + ", UTF-8 or GB18030");
    }
  }
  if (!charset::DecodeDetected(bytes, utf8, &used)) {
    return HtmlError(ErrorCode::kUnsupportedFormat,
                     name + ": bytes are not valid UTF-8 or GB18030 and no charset is declared");
  }
  return Status();
}

}  // namespace html

Result<Document> ReadHtml(std::string_view bytes, std::string name, const ExtractOptions& options) {
  if (bytes.empty()) return html::HtmlError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.size() > options.max_input_bytes) {
    return html::HtmlError(ErrorCode::kTooLarge, name + ": " + std::to_string(bytes.size()) +
                                                     " bytes exceeds the input limit");
  }
  Document document;
  document.source.name = name;
  document.source.sha256 = Sha256Hex(bytes);
  document.source.format = SourceFormat::kHtml;
  document.source.size_bytes = bytes.size();
  std::string utf8;
  Status status = html::DecodeHtml(bytes, name, &utf8, &document.warnings);
  if (!status.ok()) return status;
  if (utf8.find('\0') != std::string::npos) {
    return html::HtmlError(ErrorCode::kUnsupportedFormat, name + ": NUL bytes, not a web page");
  }
  status = html::WalkHtml(utf8, html::Limits{}, &document);
  if (!status.ok()) {
    return html::HtmlError(
        status.code(), name + ": " +
                           std::string(std::string_view(status.message())
                                           .substr(std::string_view("HTML read error: ").size())));
  }
  if (document.blocks.empty()) {
    return html::HtmlError(ErrorCode::kEmpty, name + ": no text or tables");
  }
  return document;
}

}  // namespace disclose
