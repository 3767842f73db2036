// Private to extract/: how the xmlTextReader-based readers (DOCX parts, XLSX parts) collect
// libxml2's complaints. libxml2 prints to stderr unless told otherwise; a batch over thousands
// of files must not, and the first real error of a part is what its error record quotes.
//
//   xml::ErrorSink sink;
//   xmlSetGenericErrorFunc(nullptr, xml::IgnoreGenericError);
//   xmlTextReaderSetStructuredErrorHandler(reader, xml::OnXmlError, &sink);
//   ... read ...
//   if (!sink.message.empty()) return Error("line " + std::to_string(sink.line) + ": " +
//   sink.message);
#pragma once

#include <libxml/xmlerror.h>

#include <string>

namespace disclose::xml {

// The first error (not warning) libxml2 reported, with its line.
struct ErrorSink {
  std::string message;
  int line = 0;
};

// The generic handler receives encoding and I/O chatter that the structured handler already
// covers: swallowed.
void IgnoreGenericError(void* context, const char* format, ...);

// Structured handler; `user` is an ErrorSink.
void OnXmlError(void* user, xmlErrorPtr error);

}  // namespace disclose::xml
