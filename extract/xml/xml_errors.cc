#include "extract/xml/xml_errors.h"

#include "core/text.h"

namespace disclose::xml {

void IgnoreGenericError(void*, const char*, ...) {}

void OnXmlError(void* user, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(user);
  if (error == nullptr || error->level < XML_ERR_ERROR || !sink->message.empty()) return;
  sink->message = error->message != nullptr ? Trim(error->message) : "";
  sink->line = error->line;
  if (sink->message.empty()) sink->message = "malformed XML";
}

}  // namespace disclose::xml
