// The unit a table's figures are read in, where its unit line does not say it: a scan may
// read the line too badly to name a unit (单位: 泡 for 单位：元), and then how the amounts are
// printed may still allow one unit only; else the document's other tables decide. A unit
// guessed so may be off by 10,000 with every sum still holding, so a scan's figures read in it
// are listed (ListOcrFiguresOfAGuessedUnit).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "normalize/amount.h"
#include "normalize/row_reader.h"
#include "normalize/table_stages.h"

namespace disclose {

// The unit of an OCR'd table whose unit line was not read (单位: 泡 or 单位，with the word lost
// for 单位：元), from how its amounts are printed, when they allow one unit only. An amount with
// eight digits before the point would be over 1000亿元 in 万元, which no department spends (two
// such amounts, as one may be two cells read as one); a
// table of whole numbers (8,115,738 with no decimals anywhere) is in 元, since 万元 tables print
// decimals. Amounts printed finer than a fen (952.850016, 3,613.3988: four or six decimals) are
// in 万元, which Beijing prints to the yuan or the fen; in 元 they would be fractions of a fen.
// Anything else stays unknown and goes to the document's unit. `reason` says which.
UnitOfAmount OcrUnitFromAmounts(const StitchedTable& pending, const std::vector<std::string>& keys,
                                std::string& reason) {
  int amounts = 0;
  int most_digits = 0;
  int large = 0;  // amounts of eight digits or more before the point
  bool decimals = false;
  int finer_than_fen = 0;  // amounts with three to six decimals
  int decimal_amounts = 0;
  bool ocr = false;
  for (const TablePart& part : pending.parts) {
    for (int r = part.header.header_rows; r < part.table->row_count; ++r) {
      for (std::size_t c = 0; c < keys.size(); ++c) {
        if (keys[c].empty() || keys[c] == kRateColumn) continue;
        const TableCell* cell = part.table->CellAt(r, static_cast<int>(c));
        if (cell == nullptr) continue;
        const AmountText amount = ParseAmountText(cell->text);
        if (amount.kind != AmountKind::kNumber || amount.percent ||
            amount.suffix_unit != UnitOfAmount::kUnknown) {
          continue;
        }
        ocr = ocr || cell->provenance.origin == TextOrigin::kOcr;
        ++amounts;
        decimals = decimals || amount.decimals > 0;
        if (amount.decimals > 0) ++decimal_amounts;
        if (amount.decimals > 2 && amount.decimals <= 6) ++finer_than_fen;
        std::int64_t whole = amount.mantissa < 0 ? -amount.mantissa : amount.mantissa;
        for (int d = 0; d < amount.decimals; ++d) whole /= 10;
        int digits = 0;
        for (; whole > 0; whole /= 10) ++digits;
        most_digits = std::max(most_digits, digits);
        if (digits >= 8) ++large;
      }
    }
  }
  if (!ocr) return UnitOfAmount::kUnknown;
  // Most decimal amounts, not one: OCR may read a stray mark as a digit (12.305 for 12.30).
  // This goes first: cells read as one make long amounts, never a column of fine decimals.
  if (finer_than_fen >= 2 && finer_than_fen * 2 > decimal_amounts) {
    reason = std::to_string(finer_than_fen) + " of its " + std::to_string(decimal_amounts) +
             " amounts with decimals print three to six of them, finer than a fen in 元";
    return UnitOfAmount::kWanYuan;
  }
  // Two such amounts at least: one may be two cells read as one (17631595200.00).
  if (large >= 2) {
    reason = std::to_string(large) +
             " amounts of eight digits or more before the point would be over 1000亿元 in 万元";
    return UnitOfAmount::kYuan;
  }
  if (amounts >= 3 && !decimals && most_digits >= 5) {
    reason = "its " + std::to_string(amounts) + " amounts are whole numbers up to " +
             std::to_string(most_digits) +
             " digits, as 元 tables print them (万元 tables print decimals)";
    return UnitOfAmount::kYuan;
  }
  return UnitOfAmount::kUnknown;
}

// An OCR'd table whose unit line was read too badly to name a unit (单位: 导 for 单位：元) is
// read in the document's unit, which may be the other one: every figure is then off by 10,000
// and its sums still hold. The unit.document_default finding lists the table's figures, so
// none of them is a wrong figure without a finding. A text layer's missing unit is the
// publisher's, and its finding stays short.
void RowReader::ListOcrFiguresOfAGuessedUnit(const CanonicalTable& table,
                                             std::size_t findings_before) {
  if (table.unit_source != UnitSource::kDocumentDefault &&
      table.unit_source != UnitSource::kInferred) {
    return;
  }
  std::vector<FigureRef> figures;
  bool ocr = false;
  for (const CanonicalRow& row : table.rows) {
    for (const Figure& figure : row.values) {
      ocr = ocr || figure.provenance.origin == TextOrigin::kOcr;
      figures.push_back(ReferenceTo(figure));
    }
  }
  if (!ocr || figures.empty()) return;
  for (std::size_t i = findings_before; i < findings_.size(); ++i) {
    Finding& finding = findings_[i];
    if (finding.check != "unit.document_default" && finding.check != "unit.inferred") continue;
    finding.message += "; the table is OCR'd and its unit line may be misread: its " +
                       std::to_string(figures.size()) + " figure(s) are listed";
    finding.figures = std::move(figures);
    return;
  }
}

UnitOfAmount MostDeclaredUnit(const std::vector<UnitOfAmount>& declared) {
  int yuan = 0;
  int wan = 0;
  UnitOfAmount first = UnitOfAmount::kUnknown;
  for (const UnitOfAmount unit : declared) {
    if (unit == UnitOfAmount::kYuan) ++yuan;
    if (unit == UnitOfAmount::kWanYuan) ++wan;
    if (first == UnitOfAmount::kUnknown) first = unit;
  }
  if (yuan > wan) return UnitOfAmount::kYuan;
  if (wan > yuan) return UnitOfAmount::kWanYuan;
  return first;
}

UnitOfAmount DocumentDefaultUnit(const std::vector<StitchedTable>& tables) {
  std::vector<UnitOfAmount> declared;
  for (const StitchedTable& table : tables) declared.push_back(table.declared);
  return MostDeclaredUnit(declared);
}

}  // namespace disclose
