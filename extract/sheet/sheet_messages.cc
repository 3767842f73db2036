// Messages both workbook readers (extract/xls, extract/xlsx) give in the same shape.
#include <utility>

#include "core/text.h"
#include "extract/sheet/sheet_internal.h"

namespace disclose::sheet {

Warning SheetWarning(std::string code, std::string message, int page) {
  Warning warning;
  warning.code = std::move(code);
  warning.message = std::move(message);
  warning.provenance.page = page;
  warning.provenance.origin = TextOrigin::kMarkup;
  return warning;
}

Status WithFileName(ErrorMaker make_error, std::string_view prefix, const std::string& name,
                    const Status& status) {
  std::string_view detail = status.message();
  if (StartsWith(detail, prefix)) detail.remove_prefix(prefix.size());
  return make_error(status.code(), name + ": " + std::string(detail));
}

}  // namespace disclose::sheet
