// core/csv: one CSV field, written the way every disclose CSV writes it (NAME.facts.csv, the
// dataset's facts.csv): RFC 4180 quoting, valid UTF-8, and safe to open in a spreadsheet.
//
// Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula, and
// RFC 4180 quotes do not stop them (CSV injection). Following OWASP's advice, such a field gets a
// leading single quote, which Excel and LibreOffice show as text:
//
//   std::string row;
//   AppendCsvField(row, "=HYPERLINK(\"http://x\",\"a\")");  // "'=HYPERLINK(""http://x"",""a"")"
//   AppendCsvField(row, "-1234.50");                         // -1234.50 (a plain number)
//
// A plain decimal number (-?digits, optionally .digits) is left alone: it cannot be a formula,
// and amount columns must stay numbers.
#pragma once

#include <string>
#include <string_view>

namespace disclose {

// True when `field` would be read as a formula and is not a plain decimal number.
bool NeedsFormulaGuard(std::string_view field);

// Appends `raw` as one field: invalid UTF-8 replaced by U+FFFD, a formula guard when
// NeedsFormulaGuard, quoted when it holds a comma, quote, CR or LF, quotes doubled.
void AppendCsvField(std::string& out, std::string_view raw);

}  // namespace disclose
