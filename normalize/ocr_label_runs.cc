#include "normalize/ocr_label_runs.h"

#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/text.h"
#include "normalize/amount.h"

namespace disclose {

namespace {

bool IsDigitsAndSeparators(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == ',' || c == '.')) return false;
  }
  return true;
}

}  // namespace

std::string AmountBeforeRunLabel(std::string_view cell, std::string_view next) {
  const std::string label = RemoveAllWhitespace(next);
  if (label.empty() || HasAsciiDigit(label)) return "";
  const std::string text = RemoveAllWhitespace(cell);
  if (text.size() <= label.size() ||
      text.compare(text.size() - label.size(), label.size(), label) != 0) {
    return "";
  }
  const std::string amount = text.substr(0, text.size() - label.size());
  if (!IsDigitsAndSeparators(amount)) return "";
  const AmountText parsed = ParseAmountText(amount);
  if (parsed.kind != AmountKind::kNumber) return "";
  return amount;
}

std::string AmountAfterRunLabel(std::string_view cell, std::string_view previous) {
  // The label's words: a 行次 or a speck read after them (本年支出合计 14(, H16 s3w_0241_final)
  // is none of the label.
  std::string label = RemoveAllWhitespace(previous);
  label = label.substr(0, label.find_first_of("0123456789"));
  while (!label.empty() && std::ispunct(static_cast<unsigned char>(label.back())) != 0) {
    label.pop_back();
  }
  if (label.empty()) return "";
  const std::string text = RemoveAllWhitespace(cell);
  const std::size_t at = text.rfind(label);
  if (at == std::string::npos) return "";
  // What ran in from the left is dropped; OCR may read its comma full-width (302,663.，本年支出合计
  // 302,663.28 after 本年支出合计 302，, H20 s3w_0306_final).
  std::string before;
  for (std::string_view rest = std::string_view(text).substr(0, at); !rest.empty();) {
    if (StartsWith(rest, "，") || StartsWith(rest, "．")) {
      before.push_back(StartsWith(rest, "，") ? ',' : '.');
      rest.remove_prefix(std::string_view("，").size());
    } else {
      before.push_back(rest.front());
      rest.remove_prefix(1);
    }
  }
  const std::string amount = text.substr(at + label.size());
  if (amount.empty() || !IsDigitsAndSeparators(before) || !IsDigitsAndSeparators(amount)) {
    return "";
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
    const TableCell* previous = nullptr;  // the last non-empty cell before, in the row
    int row = -1;
    for (auto& [at, cell] : cells) {
      if (at.first != row) previous = nullptr;
      row = at.first;
      if (Trim(cell->text).empty()) continue;
      const TableCell* const before = previous;
      previous = cell;
      if (cell->provenance.origin != TextOrigin::kOcr) continue;
      if (before != nullptr && before->provenance.origin == TextOrigin::kOcr) {
        const std::string amount = AmountAfterRunLabel(cell->text, before->text);
        if (!amount.empty()) {
          cell->text = amount;
          continue;
        }
      }
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
      std::string amount = AmountBeforeRunLabel(cell->text, next->text);
      // The previous cell's label may have run in before the amount too (一、一般公共预
      // 18,434,307.11卫生健康支出 after 一、一般公共预算拨款, H16 s3w_0249_budget).
      if (amount.empty() && before != nullptr && before->provenance.origin == TextOrigin::kOcr) {
        const std::string text = RemoveAllWhitespace(cell->text);
        const std::size_t digit = text.find_first_of("0123456789");
        const std::string run_in = text.substr(0, digit);
        if (digit != std::string::npos && !run_in.empty() &&
            StartsWith(RemoveAllWhitespace(before->text), run_in)) {
          amount = AmountBeforeRunLabel(text.substr(digit), next->text);
        }
      }
      if (!amount.empty()) cell->text = amount;
    }
  }
  return fixed;
}

}  // namespace disclose
