#include "extract/extract.h"

namespace disclose {

Result<Document> ReadText(std::string_view, std::string name, const ExtractOptions&) {
  return Status(ErrorCode::kUnsupportedFormat, name + ": text reader not implemented yet");
}

}  // namespace disclose
