#include "normalize/ocr_label_runs.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "normalize/amount.h"

namespace disclose {

std::string AmountBeforeRunLabel(std::string_view cell, std::string_view next) {
  const std::string label = RemoveAllWhitespace(next);
  if (label.empty()) return "";
  for (char c : label) {
    if (c >= '0' && c <= '9') return "";
  }
  const std::string text = RemoveAllWhitespace(cell);
  if (text.size() <= label.size() ||
      text.compare(text.size() - label.size(), label.size(), label) != 0) {
    return "";
  }
  const std::string amount = text.substr(0, text.size() - label.size());
  for (char c : amount) {
    if (!((c >= '0' && c <= '9') || c == ',' || c == '.')) return "";
  }
  const AmountText parsed = ParseAmountText(amount);
  if (parsed.kind != AmountKind::kNumber) return "";
  return amount;
}

Document WithLabelRunsTakenOff(const Document& document) {
  Document fixed = document;
  for (Block& block : fixed.blocks) {
    Table* table = block.AsTable();
    if (table == nullptr) continue;
    std::map<std::pair<int, int>, TableCell*> cells;
    for (TableCell& cell : table->cells) cells[{cell.row, cell.column}] = &cell;
    for (auto& [at, cell] : cells) {
      if (cell->provenance.origin != TextOrigin::kOcr || Trim(cell->text).empty()) continue;
      // The next non-empty cell of the row.
      const TableCell* next = nullptr;
      for (auto it = cells.upper_bound(at); it != cells.end() && it->first.first == at.first;
           ++it) {
        if (!Trim(it->second->text).empty()) {
          next = it->second;
          break;
        }
      }
      if (next == nullptr || next->provenance.origin != TextOrigin::kOcr) continue;
      const std::string amount = AmountBeforeRunLabel(cell->text, next->text);
      if (!amount.empty()) cell->text = amount;
    }
  }
  return fixed;
}

}  // namespace disclose
