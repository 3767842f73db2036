// A titled 三公 table on a scan with no grid at all: its items and amounts read as lines of
// text, each row's amount on its line, before its label or on a line apart. Which amount is an
// item's the lines' order does not say, so the one pairing for which the 三公 sums hold is taken
// (ReadUngriddedThreePublic, table.row_from_text); else the table is left to
// ReportTablesReadAsText, which names its amounts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"
#include "normalize/tables.h"
#include "normalize/three_public.h"

namespace disclose {

namespace {

// One piece of the lines under a 三公 table's title: an item's label, or an amount.
struct ThreePublicPiece {
  std::string key;   // three_public.* for an item, "" for an amount
  std::string text;  // the label or the amount as printed
  int block = -1;
  std::string read;  // an amount as read: its text, or with a misread separator put back
};

// An amount whose decimal point a scan read as a comma (46,917,71 for 46,917.71): the last
// separator a comma with two digits after it and the rest grouped by three. What it reads with
// the point put back; nothing for any other text. Only a reading whose sums hold takes it.
std::optional<std::string> WithDecimalCommaRead(std::string_view text) {
  const std::size_t last = text.find_last_of(",.");
  if (last == std::string_view::npos || text[last] != ',' || text.size() - last - 1 != 2 ||
      text.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string read(text);
  read[last] = '.';
  if (!IsWholeAmount(read)) return std::nullopt;
  return read;
}

// Each item with the one amount printed on its own line, or, for an item printed alone, on the
// line right before it (before == true) or right after it, when that line prints one amount and
// no item: a scan reads a row's label and amount as one line in either order, or as two lines
// apart. False when an item has no such amount or an amount would serve two items.
bool PairThreePublicByLine(const std::vector<ThreePublicPiece>& pieces, bool before,
                           std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  pairs.clear();
  std::map<int, std::vector<std::size_t>> items_on;
  std::map<int, std::vector<std::size_t>> amounts_on;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    (pieces[i].key.empty() ? amounts_on : items_on)[pieces[i].block].push_back(i);
  }
  std::vector<int> lines;  // the lines that print a piece, in order
  for (const ThreePublicPiece& piece : pieces) {
    if (lines.empty() || lines.back() != piece.block) lines.push_back(piece.block);
  }
  auto lone_amount = [&](std::size_t at, std::size_t& amount) {
    const int line = lines[at];
    if (items_on.count(line) != 0 || amounts_on[line].size() != 1) return false;
    amount = amounts_on[line].front();
    return true;
  };
  std::set<std::size_t> used;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto found = items_on.find(lines[l]);
    if (found == items_on.end()) continue;
    if (found->second.size() != 1) return false;
    std::size_t amount = 0;
    const auto& own = amounts_on[lines[l]];
    if (own.size() == 1) {
      amount = own.front();
    } else if (!own.empty()) {
      return false;
    } else {
      const bool near_before = l > 0 && lone_amount(l - 1, amount);
      std::size_t after_amount = 0;
      const bool near_after = l + 1 < lines.size() && lone_amount(l + 1, after_amount);
      if (near_after && (!near_before || !before)) amount = after_amount;
      if (!near_before && !near_after) return false;
    }
    if (!used.insert(amount).second) return false;
    pairs.emplace_back(found->second.front(), amount);
  }
  return !pairs.empty() &&
         used.size() == std::accumulate(
                            amounts_on.begin(), amounts_on.end(), std::size_t{0},
                            [](std::size_t n, const auto& line) { return n + line.second.size(); });
}

// Each item with the one amount printed right after it (after == true) or right before it; false
// when an item has none or more than one there.
bool PairThreePublic(const std::vector<ThreePublicPiece>& pieces, bool after,
                     std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  pairs.clear();
  std::vector<std::size_t> items;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!pieces[i].key.empty()) items.push_back(i);
  }
  for (std::size_t n = 0; n < items.size(); ++n) {
    const std::size_t from = after ? items[n] + 1 : (n == 0 ? 0 : items[n - 1] + 1);
    const std::size_t to = after ? (n + 1 < items.size() ? items[n + 1] : pieces.size()) : items[n];
    if (to != from + 1) return false;
    pairs.emplace_back(items[n], from);
  }
  return !pairs.empty();
}

// Whether the 三公 sums hold (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行) on the
// amounts in fen, at least one of them checked. `slack` is allowed per item added: a table in
// 万元 rounds each item.
bool ThreePublicSumsHold(const std::map<std::string, std::int64_t>& fen, std::int64_t slack) {
  bool checked = false;
  auto holds = [&](std::string_view whole, const std::vector<std::string_view>& parts) {
    const auto w = fen.find(std::string(whole));
    if (w == fen.end()) return true;
    std::int64_t sum = 0;
    for (std::string_view part : parts) {
      const auto found = fen.find(std::string(part));
      if (found == fen.end()) return true;
      sum += found->second;
    }
    checked = true;
    return std::llabs(sum - w->second) <= slack * static_cast<std::int64_t>(parts.size());
  };
  const bool total = holds(kThreePublicTotal, ThreePublicTotalItems(/*vehicle_subtotal=*/true));
  const bool vehicle = holds(kThreePublicVehicleTotal,
                             {kThreePublicVehicleParts.begin(), kThreePublicVehicleParts.end()});
  return checked && total && vehicle;
}

// The unit most of `tables` declare (a tie: the first declared), unknown when none declares one.
UnitOfAmount DeclaredUnitOfTables(const std::vector<CanonicalTable>& tables) {
  std::vector<UnitOfAmount> declared;
  for (const CanonicalTable& table : tables) {
    if (table.unit_source == UnitSource::kDeclared) declared.push_back(table.unit);
  }
  return MostDeclaredUnit(declared);
}

}  // namespace

UnitSource UnitOrDocumentDefault(std::optional<UnitDeclaration>& unit,
                                 const std::vector<CanonicalTable>& tables) {
  if (unit && unit->unit != UnitOfAmount::kUnknown) return UnitSource::kDeclared;
  const UnitOfAmount declared = DeclaredUnitOfTables(tables);
  if (declared == UnitOfAmount::kUnknown) return UnitSource::kDeclared;
  unit = UnitDeclaration{unit ? unit->printed : std::string(), declared};
  return UnitSource::kDocumentDefault;
}

void ReportDocumentDefaultUnit(const CanonicalTable& table, const Provenance& title,
                               std::vector<Finding>& findings) {
  AddTableFinding(findings, "unit.document_default", Severity::kWarning,
                  "table '" + table.printed_title + "' declares no unit; read in the document's " +
                      std::string(UnitOfAmountName(table.unit)),
                  title, table.printed_title);
}

// For a table number printed alone (公开04表), the kind of the title the document's own list of
// tables gives that number (`numbering`, when it prints one), as the identification reads a
// grid's number; "other" for any other text.
std::string KindOfANumberOnlyTitle(const std::string& text, DocKind doc_kind,
                                   const TableNumbering* numbering) {
  if (numbering == nullptr) return "other";
  for (const std::string& line : SplitLines(text)) {
    if (!IsTableNumberOnlyLine(line)) continue;
    const std::optional<int> number = PrintedTableNumber(line);
    const auto listed = number ? numbering->titles.find(*number) : numbering->titles.end();
    if (listed != numbering->titles.end()) return ClassifyTableTitle(listed->second, doc_kind);
  }
  return "other";
}

void ReadUngriddedThreePublic(const Document& document, DocKind doc_kind,
                              const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                              std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 24;  // a 三公 table prints under a dozen lines
  for (const CanonicalTable& table : tables) {
    if (EndsWith(table.kind, ".three_public")) return;
  }
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    std::string kind = ClassifyTableTitle(title->text, doc_kind);
    if (kind == "other") kind = KindOfANumberOnlyTitle(title->text, doc_kind, numbering);
    if (!EndsWith(kind, ".three_public")) continue;
    std::optional<UnitDeclaration> unit = UnitInLines(title->text);
    std::vector<ThreePublicPiece> pieces;
    std::set<std::string> columns;
    std::vector<int> blocks;
    bool whole = true;
    for (std::size_t b = t + 1; b < document.blocks.size() && b <= t + kMaxLines && whole; ++b) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      // A grid, another table's title, a part heading or the note ends the lines.
      if (line == nullptr || line->provenance.origin != TextOrigin::kOcr) break;
      const std::string folded = FoldForMatching(line->text);
      if (ClassifyTableTitle(line->text, doc_kind) != "other" || StartsWith(folded, "注") ||
          (StartsWith(folded, "第") && Has(folded, "部分"))) {
        break;
      }
      // Another table's number alone, once amounts were read (a number right under the title is
      // this table's own).
      const bool amounts_read = std::any_of(
          pieces.begin(), pieces.end(), [](const ThreePublicPiece& p) { return p.key.empty(); });
      if (amounts_read && IsTableNumberOnlyLine(line->text)) break;
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      auto add_words = [&](std::string_view words) {
        const std::string key = TableKey(words);
        if (key.empty()) return;
        const std::string item = ThreePublicKey(TableKey(StripOrdinal(key)));
        if (StartsWith(item, "three_public.")) {
          pieces.push_back(
              ThreePublicPiece{item, Trim(std::string(words)), static_cast<int>(b), ""});
          return;
        }
        const std::string column = ColumnKeyForHeader({key});
        if (column == "budget" || column == "final") columns.insert(column);
      };
      std::size_t from = 0;
      for (const auto& [start, end] : DigitRuns(folded)) {
        add_words(std::string_view(folded).substr(from, start - from));
        const std::string amount = folded.substr(start, end - start);
        std::string read = amount;
        if (!IsWholeAmount(amount)) {
          // A cut or misread amount: no pairing of the others can be trusted, unless only its
          // decimal point was read as a comma; the sums then decide.
          const std::optional<std::string> restored = WithDecimalCommaRead(amount);
          whole = whole && restored.has_value();
          if (restored) read = *restored;
        }
        pieces.push_back(ThreePublicPiece{"", amount, static_cast<int>(b), read});
        from = end;
      }
      add_words(std::string_view(folded).substr(from));
      blocks.push_back(static_cast<int>(b));
    }
    // No unit read on the lines (单位 with its 元 lost, s3w_0074): the unit the document's other
    // tables declare, as a grid that declares none is read (unit.document_default).
    const UnitSource unit_source = UnitOrDocumentDefault(unit, tables);
    if (!whole || !unit || unit->unit == UnitOfAmount::kUnknown || columns.size() > 1) continue;
    // A budget's one column is its 预算数; a final account's may be 预算数 or 决算数.
    const std::string column =
        columns.empty() ? (StartsWith(kind, "budget.") ? "budget" : "") : *columns.begin();
    if (column.empty()) continue;
    // Which amount is an item's the lines' order does not say (a scan reads a row's amount
    // before its label, or its label and amount as lines apart): the one pairing whose sums
    // hold is taken.
    const std::int64_t slack = unit->unit == UnitOfAmount::kWanYuan ? 100 * 100 : 0;
    // Pairings that give the same figures are one reading; two readings whose sums both hold
    // leave the table unread.
    std::vector<std::pair<std::size_t, std::size_t>> chosen;
    std::set<std::map<std::string, std::int64_t>> holding;
    for (int strategy = 0; strategy < 4; ++strategy) {
      std::vector<std::pair<std::size_t, std::size_t>> pairs;
      const bool paired = strategy < 2 ? PairThreePublic(pieces, strategy == 0, pairs)
                                       : PairThreePublicByLine(pieces, strategy == 2, pairs);
      if (!paired) continue;
      std::map<std::string, std::int64_t> fen;
      bool distinct = true;
      for (const auto& [item, amount] : pairs) {
        const std::optional<std::int64_t> value =
            ToFen(ParseAmountText(pieces[amount].read), unit->unit);
        distinct = distinct && value && fen.count(pieces[item].key) == 0;
        if (value) fen[pieces[item].key] = *value;
      }
      if (distinct && ThreePublicSumsHold(fen, slack)) {
        if (holding.insert(fen).second) chosen = pairs;
      }
    }
    if (holding.size() != 1) continue;

    CanonicalTable table;
    table.kind = kind;
    table.evidence.push_back(KindEvidence{"title", title->text, kind});
    table.printed_title = Trim(title->text);
    table.printed_unit = unit->printed;
    table.unit = unit->unit;
    table.unit_source = unit_source;
    table.pages.push_back(title->provenance.page);
    table.source_blocks = blocks;
    table.column_keys = {"", column};
    Finding finding;
    finding.check = "table.row_from_text";
    finding.severity = Severity::kInfo;
    finding.provenance = title->provenance;
    finding.message = "table '" + table.printed_title + "' (" + kind +
                      ") was read as lines of text, no grid: each item is paired with the amount "
                      "printed next to it, in the one order for which the table's sums hold:";
    for (const auto& [item, amount] : chosen) {
      const Paragraph& line =
          *document.blocks[static_cast<std::size_t>(pieces[amount].block)].AsParagraph();
      CanonicalRow row;
      row.row_code = pieces[item].key;
      row.row_name = pieces[item].text;
      row.source_block = pieces[item].block;
      Figure figure;
      figure.table_kind = kind;
      figure.row_code = row.row_code;
      figure.row_name = row.row_name;
      figure.column = column;
      figure.amount_fen = *ToFen(ParseAmountText(pieces[amount].read), table.unit);
      figure.printed_text = pieces[amount].text;
      figure.printed_unit = table.unit;
      figure.table_index = static_cast<int>(tables.size());
      figure.provenance = line.provenance;
      finding.figures.push_back(
          FigureRef{kind, row.row_code, column, figure.amount_fen, line.provenance});
      finding.message += " " + row.row_code + "=" + pieces[amount].text;
      if (pieces[amount].read != pieces[amount].text) {
        finding.message += " (read " + pieces[amount].read + ": its point was read as a comma)";
      }
      if (std::find(table.pages.begin(), table.pages.end(), line.provenance.page) ==
          table.pages.end()) {
        table.pages.push_back(line.provenance.page);
      }
      row.values.push_back(std::move(figure));
      table.rows.push_back(std::move(row));
    }
    if (unit_source == UnitSource::kDocumentDefault) {
      ReportDocumentDefaultUnit(table, title->provenance, findings);
    }
    tables.push_back(std::move(table));
    findings.push_back(std::move(finding));
    return;
  }
}

}  // namespace disclose
