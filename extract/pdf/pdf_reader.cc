#include "extract/extract.h"

namespace disclose {

Result<Document> ReadPdf(std::string_view, std::string name, const ExtractOptions&) {
  return Status(ErrorCode::kUnsupportedFormat, name + ": pdf reader not implemented yet");
}

}  // namespace disclose
