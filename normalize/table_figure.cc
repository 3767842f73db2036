#include "normalize/table_figure.h"

#include <cstdint>
#include <string_view>
#include <utility>

#include "core/money.h"
#include "core/text.h"
#include "normalize/table_text.h"

namespace disclose {

std::optional<Figure> FigureOfCell(const CanonicalTable& table, const CanonicalRow& row,
                                   const std::string& column, const std::string& text,
                                   const AmountText& amount, const Provenance& provenance,
                                   int table_index, std::vector<Finding>& findings) {
  const std::optional<std::int64_t> fen = ToFen(amount, table.unit);
  if (!fen) {
    // Named by its cell (amount 0: nothing was read), so the figure it should
    // have held is not lost in silence.
    AddTableFinding(findings, "amount.unparsed", Severity::kWarning,
                    "amount '" + text + "' in row '" + row.row_name +
                        "' is not exact in fen in table '" + table.printed_title + "'",
                    provenance, text);
    findings.back().figures.push_back(FigureRef{table.kind, row.row_code, column, 0, provenance});
    return std::nullopt;
  }
  Figure figure;
  figure.table_kind = table.kind;
  figure.row_code = row.row_code;
  figure.row_name = row.row_name;
  figure.column = column;
  figure.amount_fen = *fen;
  figure.printed_text = text;
  figure.printed_unit =
      amount.suffix_unit != UnitOfAmount::kUnknown ? amount.suffix_unit : table.unit;
  figure.table_index = table_index;
  figure.provenance = provenance;
  if (amount.irregular_grouping) {
    Finding finding;
    finding.check = "amount.irregular_grouping";
    finding.severity = Severity::kWarning;
    finding.message = "amount '" + CollapseWhitespace(text) + "' in row '" + row.row_name +
                      "', column '" + column + "' of table '" + table.printed_title +
                      "' has thousands separators in the wrong places; read digit for digit";
    finding.figures.push_back(ReferenceTo(figure));
    finding.actual_fen = figure.amount_fen;
    finding.provenance = provenance;
    finding.printed_text = text;
    findings.push_back(std::move(finding));
  }
  return figure;
}

char OcrLookalikeDigit(char32_t c) {
  if (c == U'了') return '7';
  if (c == U'O' || c == U'〇') return '0';
  if (c == U'l' || c == U'I' || c == U'丨') return '1';
  return 0;
}

std::optional<std::string> WithOcrDigitLookalikesRead(std::string_view text) {
  std::string read;
  int lookalikes = 0;
  for (const char32_t c : DecodeUtf8(Trim(text))) {
    const char digit = OcrLookalikeDigit(c);
    if (digit != 0) {
      read.push_back(digit);
      ++lookalikes;
    } else if ((c >= U'0' && c <= U'9') || c == U',' || c == U'.') {
      read.push_back(static_cast<char>(c));
    } else {
      return std::nullopt;
    }
  }
  if (lookalikes == 0) return std::nullopt;
  const AmountText amount = ParseAmountText(read);
  const std::size_t point = read.find('.');
  if (amount.kind != AmountKind::kNumber || amount.irregular_grouping ||
      point == std::string::npos || read.size() - point - 1 != 2) {
    return std::nullopt;
  }
  return read;
}

std::optional<std::string> WithOcrSwappedSeparatorsRead(std::string_view text) {
  std::string read = RemoveAllWhitespace(text);
  // One comma, two digits from the end, and points before it; digits and the two marks only.
  const std::size_t comma = read.find(',');
  if (comma == std::string::npos || comma + 3 != read.size() ||
      read.find('.') == std::string::npos ||
      read.find_first_not_of("0123456789,.") != std::string::npos) {
    return std::nullopt;
  }
  for (char& c : read) c = c == '.' ? ',' : c == ',' ? '.' : c;
  // Grouped by three as money is printed (the parser's rule, as for the lookalikes above).
  const AmountText amount = ParseAmountText(read);
  if (amount.kind != AmountKind::kNumber || amount.irregular_grouping) return std::nullopt;
  return read;
}

}  // namespace disclose
