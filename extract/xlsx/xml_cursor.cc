// XmlCursor: libxml2's xmlTextReader as a pull cursor for the XLSX parts, so
// a worksheet of any size is read one node at a time.
#include <libxml/xmlreader.h>

#include <climits>

#include "core/text.h"
#include "extract/xlsx/xlsx_internal.h"
#include "extract/xml/xml_errors.h"

namespace disclose::xlsx {
namespace {

using xml::ErrorSink;
using xml::IgnoreGenericError;
using xml::OnXmlError;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

}  // namespace

Status XlsxError(ErrorCode code, std::string_view detail) {
  std::string message = "XLSX read error: ";
  for (char c : detail) message += (c == '\n' || c == '\r') ? ' ' : c;
  return Status(code, message);
}

struct XmlCursor::Impl {
  xmlTextReaderPtr reader = nullptr;
  ErrorSink sink;
  ~Impl() {
    if (reader != nullptr) xmlFreeTextReader(reader);
  }
};

XmlCursor::XmlCursor(std::string_view xml, std::string part)
    : impl_(std::make_unique<Impl>()), part_(std::move(part)) {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
  // SpreadsheetML never has a DTD; refusing one rules out entity tricks
  // (XXE, billion laughs) whatever the libxml2 version does with them.
  if (xml.find("<!DOCTYPE") != std::string_view::npos ||
      xml.find("<!ENTITY") != std::string_view::npos) {
    status_ = XlsxError(ErrorCode::kCorrupt, part_ + ": DTDs and entities are not allowed");
    return;
  }
  if (xml.size() > static_cast<std::size_t>(INT_MAX)) {
    status_ = XlsxError(ErrorCode::kTooLarge, part_ + ": part too large to parse");
    return;
  }
  impl_->reader =
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), part_.c_str(), nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (impl_->reader == nullptr) {
    status_ = XlsxError(ErrorCode::kCorrupt, part_ + ": cannot start the XML parser");
    return;
  }
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, OnXmlError, &impl_->sink);
}

XmlCursor::~XmlCursor() = default;

bool XmlCursor::Next() {
  if (!status_.ok() || impl_->reader == nullptr) return false;
  if (pending_end_) {
    pending_end_ = false;
    kind_ = Kind::kEnd;
    return true;
  }
  xmlTextReaderPtr reader = impl_->reader;
  int ret = skip_next_ ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader);
  skip_next_ = false;
  while (ret == 1) {
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT) {
      kind_ = Kind::kStart;
      pending_end_ = xmlTextReaderIsEmptyElement(reader) == 1;
      return true;
    }
    if (type == XML_READER_TYPE_END_ELEMENT) {
      kind_ = Kind::kEnd;
      return true;
    }
    if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
        type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) {
      kind_ = Kind::kText;
      return true;
    }
    if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE) {
      status_ = XlsxError(ErrorCode::kCorrupt, part_ + ": DTDs and entities are not allowed");
      kind_ = Kind::kNone;
      return false;
    }
    ret = xmlTextReaderRead(reader);
  }
  kind_ = Kind::kNone;
  if (ret < 0 || !impl_->sink.message.empty()) {
    std::string detail = impl_->sink.message.empty() ? "malformed XML" : impl_->sink.message;
    if (impl_->sink.line > 0) detail = "line " + std::to_string(impl_->sink.line) + ": " + detail;
    status_ = XlsxError(ErrorCode::kCorrupt, part_ + ": " + detail);
  }
  return false;
}

std::string_view XmlCursor::Name() const {
  return impl_->reader == nullptr ? std::string_view()
                                  : View(xmlTextReaderConstLocalName(impl_->reader));
}

std::string_view XmlCursor::Text() const {
  return impl_->reader == nullptr ? std::string_view()
                                  : View(xmlTextReaderConstValue(impl_->reader));
}

std::optional<std::string> XmlCursor::Attribute(std::string_view local_name) const {
  xmlTextReaderPtr reader = impl_->reader;
  if (reader == nullptr || kind_ != Kind::kStart) return std::nullopt;
  std::optional<std::string> value;
  if (xmlTextReaderMoveToFirstAttribute(reader) == 1) {
    do {
      if (View(xmlTextReaderConstLocalName(reader)) == local_name) {
        value = std::string(View(xmlTextReaderConstValue(reader)));
        break;
      }
    } while (xmlTextReaderMoveToNextAttribute(reader) == 1);
    xmlTextReaderMoveToElement(reader);
  }
  return value;
}

void XmlCursor::SkipSubtree() {
  if (kind_ != Kind::kStart) return;
  if (pending_end_) {
    pending_end_ = false;  // an empty element: nothing inside, and no end to report
  } else {
    skip_next_ = true;
  }
}

std::string DecodeEscapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned value = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        const char c = text[k];
        value <<= 4;
        if (c >= '0' && c <= '9') {
          value |= static_cast<unsigned>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
          value |= static_cast<unsigned>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
          value |= static_cast<unsigned>(c - 'A' + 10);
        } else {
          hex = false;
        }
      }
      if (hex) {
        // Surrogates cannot stand alone in UTF-8; anything else is a code point.
        if (value != 0 && (value < 0xD800 || value > 0xDFFF)) {
          AppendUtf8(out, static_cast<char32_t>(value));
        }
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace disclose::xlsx
