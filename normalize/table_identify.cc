// Stage 2 of the table pipeline (table_stages.h): a located table's kind.
#include <utility>

#include "normalize/table_kind.h"
#include "normalize/table_stages.h"

namespace disclose {

IdentifiedTable IdentifyTable(LocatedTable located, const IdentifyOptions& options) {
  IdentifiedTable identified;
  identified.kind =
      located.title.empty() ? "other" : ClassifyTableTitle(located.title, options.doc_kind);
  identified.located = std::move(located);
  return identified;
}

}  // namespace disclose
