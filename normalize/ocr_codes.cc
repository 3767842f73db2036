#include "normalize/ocr_codes.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ocr_readings.h"
#include "core/text.h"
#include "normalize/classification.h"
#include "normalize/economic_classification.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/three_public.h"

namespace disclose {
namespace {

// A code alone: 3, 5 or 7 digits (a misread may start it with 0, which IsClassCode refuses).
bool IsCodeText(std::string_view text) {
  return (text.size() == 3 || text.size() == 5 || text.size() == 7) && AllDigits(text);
}

// The warning about `cell`'s two readings, when the first was kept, and the readings it carries.
std::pair<Warning*, OcrReadings> ReadingsDifferOn(const TableCell& cell,
                                                  std::vector<Warning>& warnings) {
  if (!cell.provenance.box) return {};
  for (Warning& warning : warnings) {
    if (!warning.provenance.box || warning.provenance.page != cell.provenance.page ||
        !warning.provenance.box->Overlaps(*cell.provenance.box)) {
      continue;
    }
    std::optional<OcrReadings> readings = ParseOcrReadings(warning);
    if (readings && readings->verdict == OcrReadingsVerdict::kFirstKept) {
      return {&warning, std::move(*readings)};
    }
  }
  return {};
}

// The block of the table part printed on the page before the table at `index`, in the same
// columns: the rows above its first row when a table runs over a page break (stitching decides
// later; a code's parent only needs the rows above). nullopt when the nearest table before is
// not such a part.
std::optional<std::size_t> PartBefore(const std::vector<Block>& blocks, std::size_t index) {
  const Table& table = *blocks[index].AsTable();
  for (std::size_t i = index; i-- > 0;) {
    const Table* before = blocks[i].AsTable();
    if (before == nullptr) continue;
    const bool next_page = !before->pages.empty() && !table.pages.empty() &&
                           before->pages.back() + 1 == table.pages.front();
    if (next_page && before->column_count == table.column_count) return i;
    return std::nullopt;
  }
  return std::nullopt;
}

// The nearest code above row `row` in `column` two digits shorter than `length`: the 类 of a 款,
// the 款 of a 项, looked for up the table at `index` and on into the parts before it. A code of
// `length` or longer between them is a sibling or a child and is passed over; "" when none.
std::string ParentAbove(const std::vector<Block>& blocks, std::size_t index, int row, int column,
                        std::size_t length) {
  constexpr int kMaxParts = 4;
  std::optional<std::size_t> at = index;
  for (int part = 0; at && part < kMaxParts; ++part) {
    const Table& table = *blocks[*at].AsTable();
    for (int r = (part == 0 ? row : table.row_count) - 1; r >= 0; --r) {
      const std::string text = RemoveAllWhitespace(table.TextAt(r, column));
      if (!IsCodeText(text)) continue;
      if (text.size() + 2 == length) return text;
      if (text.size() + 2 < length) return "";  // a 类 above a 项 with no 款 between
    }
    at = PartBefore(blocks, *at);
  }
  return "";
}

}  // namespace

Document WithOcrCodesSettledByHierarchy(const Document& document) {
  Document settled = document;
  for (std::size_t index = 0; index < settled.blocks.size(); ++index) {
    Table* table = settled.blocks[index].AsTable();
    if (table == nullptr) continue;
    for (TableCell& cell : table->cells) {
      if (cell.provenance.origin != TextOrigin::kOcr) continue;
      const std::string first = RemoveAllWhitespace(cell.text);
      if (!IsCodeText(first) || first.size() == 3) continue;
      auto [warning, readings] = ReadingsDifferOn(cell, settled.warnings);
      if (warning == nullptr) continue;
      const std::string& second = readings.other;
      if (second.size() != first.size() || !IsCodeText(second)) continue;
      const std::string parent =
          ParentAbove(settled.blocks, index, cell.row, cell.column, first.size());
      if (parent.empty() || StartsWith(first, parent) || !StartsWith(second, parent)) continue;
      cell.text = second;
      readings.verdict = OcrReadingsVerdict::kSecondTaken;
      readings.parent = parent;
      warning->message = FormatOcrReadings(readings);
    }
  }
  return settled;
}

namespace {

bool ReadByOcr(const CanonicalRow& row) {
  return std::any_of(row.values.begin(), row.values.end(), [](const Figure& figure) {
    return figure.provenance.origin == TextOrigin::kOcr;
  });
}

std::string NameKey(const std::string& name) {
  return StripOrdinal(TableKey(name));
}

// Whether the classification prints `code` with the name whose key is `key`.
bool ClassificationNames(const std::string& code, const std::string& key) {
  const std::vector<std::string> names = KnownFunctionSubclassNames(code);
  return std::any_of(names.begin(), names.end(),
                     [&key](const std::string& name) { return NameKey(name) == key; });
}

bool Keys(const CanonicalTable& table, const std::string& code) {
  return std::any_of(table.rows.begin(), table.rows.end(),
                     [&code](const CanonicalRow& row) { return row.row_code == code; });
}

void Rekey(CanonicalRow& row, const std::string& code) {
  row.row_code = code;
  for (Figure& figure : row.values) figure.row_code = code;
}

}  // namespace

void SettleOcrCodesAcrossTables(std::vector<CanonicalTable>& tables,
                                std::vector<Finding>& findings) {
  constexpr std::size_t kKuanDigits = 5;
  constexpr std::size_t kXiangDigits = 7;
  // (class, name) -> the 款 codes each table keys a row of that name with.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::size_t>>>
      keyed;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (!IsFunctionCodedKind(tables[t].kind)) continue;
    for (const CanonicalRow& row : tables[t].rows) {
      if (row.row_code.size() != kKuanDigits || !AllDigits(row.row_code)) continue;
      keyed[{row.row_code.substr(0, 3), NameKey(row.row_name)}].emplace_back(row.row_code, t);
    }
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    CanonicalTable& table = tables[t];
    if (!IsFunctionCodedKind(table.kind)) continue;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      CanonicalRow& row = table.rows[r];
      const std::string read = row.row_code;
      const std::string key = NameKey(row.row_name);
      if (read.size() != kKuanDigits || !AllDigits(read) || key.empty() || !ReadByOcr(row) ||
          KnownFunctionSubclassNames(read).empty() || ClassificationNames(read, key)) {
        continue;
      }
      const auto same_name = keyed.find({read.substr(0, 3), key});
      if (same_name == keyed.end()) continue;
      std::set<std::string> others;
      std::string where;
      for (const auto& [code, other_table] : same_name->second) {
        if (other_table == t || code == read || !ClassificationNames(code, key)) continue;
        others.insert(code);
        where = tables[other_table].printed_title;
      }
      if (others.size() != 1 || Keys(table, *others.begin())) continue;
      const std::string& sibling = *others.begin();
      Rekey(row, sibling);
      std::string note = "'" + read + "' as " + sibling + " by its name '" + row.row_name +
                         "', as table '" + where + "' keys it";
      for (std::size_t x = r + 1; x < table.rows.size(); ++x) {
        CanonicalRow& child = table.rows[x];
        if (child.row_code.size() != kXiangDigits || !StartsWith(child.row_code, read)) break;
        const std::string code = sibling + child.row_code.substr(kKuanDigits);
        if (Keys(table, code)) continue;
        note += "; its 项 " + child.row_code + " as " + code;
        Rekey(child, code);
      }
      const Provenance where_printed =
          row.values.empty() ? Provenance{} : row.values.front().provenance;
      AddTableFinding(findings, "ocr.code_inferred", Severity::kInfo,
                      "table '" + table.printed_title +
                          "': an OCR'd 款 code read as a sibling's, in its place, is keyed by "
                          "its name, which the classification and another table give the "
                          "sibling: " +
                          note,
                      where_printed, read);
    }
  }
}

namespace {

bool OneDigitApart(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i] ? 1 : 0;
  return differ == 1;
}

constexpr std::size_t kEconomicKuanDigits = 5;

// An economic class, 款 or 项 code (301, 30301, 3030101).
bool IsEconomicRowCode(const std::string& code) {
  return (code.size() == 3 || code.size() == kEconomicKuanDigits ||
          code.size() == kEconomicKuanDigits + 2) &&
         code[0] == '3' && AllDigits(code);
}

// The economic class (3 digits) of the nearest coded row above row `r`, "" when that row is no
// economic row or there is none.
std::string EconomicClassAbove(const CanonicalTable& table, std::size_t r) {
  for (std::size_t i = r; i-- > 0;) {
    const std::string& code = table.rows[i].row_code;
    if (code.empty()) continue;
    return IsEconomicRowCode(code) ? code.substr(0, 3) : "";
  }
  return "";
}

// The table's row.unkeyed finding, said again for the rows it still has unkeyed.
void RestateUnkeyedRows(const CanonicalTable& table, std::vector<Finding>& findings) {
  const auto of_table = [&table](const Finding& finding) {
    return finding.check == "row.unkeyed" && !finding.figures.empty() &&
           finding.figures.front().table_kind == table.kind &&
           std::find(table.source_blocks.begin(), table.source_blocks.end(),
                     finding.figures.front().provenance.block) != table.source_blocks.end();
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), of_table), findings.end());
  if (std::optional<Finding> finding = UnkeyedRowsFinding(table)) {
    findings.push_back(std::move(*finding));
  }
}

// `name` without the code OCR garbled ahead of it in the cell (3021]1差旅费, H52 s3w_0828_final:
// a 1 read as a bracket, the code not read and its digits left in the name, which then named no
// code): the digits and the marks OCR reads for digits (] | I l) before the first ideograph.
std::string WithoutGarbledCodeAhead(const std::string& name) {
  std::size_t at = 0;
  while (at < name.size() && (IsAsciiDigit(name[at]) ||
                              std::string_view("]|Il ").find(name[at]) != std::string_view::npos)) {
    ++at;
  }
  return at > 0 && at < name.size() && static_cast<unsigned char>(name[at]) >= 0x80
             ? name.substr(at)
             : name;
}

}  // namespace

void SettleOcrEconomicCodesByName(std::vector<CanonicalTable>& tables,
                                  std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    bool unkeyed_settled = false;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      CanonicalRow& row = table.rows[r];
      const std::string read = row.row_code;
      if (!ReadByOcr(row)) continue;
      // A code no edition has: the code one digit away the row's name is the name of.
      const bool misread = read.size() == kEconomicKuanDigits && read[0] == '3' &&
                           AllDigits(read) && !IsEconomicCode(read);
      // No code read, under an economic class: the code of that class the name is the name of.
      const std::string klass = read.empty() ? EconomicClassAbove(table, r) : "";
      if (!misread && klass.empty()) continue;
      std::vector<std::string> candidates;
      for (const std::string& code :
           EconomicCodesNamed(StripOrdinal(WithoutGarbledCodeAhead(row.row_name)))) {
        const bool fits = misread ? OneDigitApart(code, read) : StartsWith(code, klass);
        if (fits && !Keys(table, code)) candidates.push_back(code);
      }
      if (candidates.size() != 1) continue;
      Rekey(row, candidates.front());
      unkeyed_settled = unkeyed_settled || read.empty();
      const Provenance where_printed =
          row.values.empty() ? Provenance{} : row.values.front().provenance;
      const std::string how =
          misread ? "an OCR'd economic code '" + read + "', which the classification does not have,"
                  : "an OCR'd economic row whose code was not read, under class " + klass + ",";
      AddTableFinding(findings, "ocr.code_inferred", Severity::kInfo,
                      "table '" + table.printed_title + "': " + how + " is keyed " +
                          candidates.front() + " by its name '" + row.row_name +
                          "', the classification's name of that code",
                      where_printed, read);
    }
    if (unkeyed_settled) RestateUnkeyedRows(table, findings);
  }
}

void SettleOcrThreePublicRowByIdentity(std::vector<CanonicalTable>& tables,
                                       std::vector<Finding>& findings) {
  for (CanonicalTable& table : tables) {
    if (!EndsWith(table.kind, ".three_public")) continue;
    const CanonicalRow* total = nullptr;
    CanonicalRow* unkeyed = nullptr;
    int unkeyed_rows = 0;
    bool vehicle_subtotal = false;
    for (CanonicalRow& row : table.rows) {
      if (row.row_code == kThreePublicTotal) total = &row;
      if (row.row_code == kThreePublicVehicleTotal) vehicle_subtotal = true;
      if (row.row_code.empty() && !row.values.empty()) {
        ++unkeyed_rows;
        unkeyed = &row;
      }
    }
    if (total == nullptr || unkeyed_rows != 1 || !ReadByOcr(*unkeyed)) continue;
    std::vector<std::string> missing;
    std::vector<const CanonicalRow*> items;
    for (std::string_view item : ThreePublicTotalItems(vehicle_subtotal)) {
      const auto row = std::find_if(table.rows.begin(), table.rows.end(),
                                    [item](const CanonicalRow& r) { return r.row_code == item; });
      if (row == table.rows.end()) {
        missing.emplace_back(item);
      } else {
        items.push_back(&*row);
      }
    }
    if (missing.size() != 1) continue;
    bool closes = !total->values.empty();
    for (const Figure& sum : total->values) {
      std::int64_t left = sum.amount_fen;
      for (const CanonicalRow* item : items) {
        if (const Figure* part = FigureIn(*item, sum.column)) left -= part->amount_fen;
      }
      const Figure* candidate = FigureIn(*unkeyed, sum.column);
      if (candidate == nullptr || candidate->amount_fen != left) closes = false;
    }
    if (!closes || unkeyed->values.size() != total->values.size()) continue;
    const std::string read = unkeyed->row_name;
    Rekey(*unkeyed, missing.front());
    AddTableFinding(findings, "ocr.label_matched", Severity::kInfo,
                    "table '" + table.printed_title + "': an OCR'd row whose name '" + read +
                        "' keys nothing is " + missing.front() +
                        ", the one item of the 三公 total the table does not key: its figures "
                        "are what the total leaves over the items keyed (sum.three_public)",
                    unkeyed->values.front().provenance, read);
    RestateUnkeyedRows(table, findings);
  }
}

}  // namespace disclose
