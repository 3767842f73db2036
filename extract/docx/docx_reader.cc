#include "extract/extract.h"

namespace disclose {

Result<Document> ReadDocx(std::string_view, std::string name, const ExtractOptions&) {
  return Status(ErrorCode::kUnsupportedFormat, name + ": docx reader not implemented yet");
}

}  // namespace disclose
