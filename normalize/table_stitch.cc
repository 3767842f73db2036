// Stage 3 of the table pipeline (table_stages.h): an untitled table of the
// previous one's shape and unit continues it. The grids of a table whose
// first page holds only its header are stacked into one; a row cut in two by
// a page break is joined again.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/table_columns_ocr.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_stitch_align.h"
#include "normalize/table_stitch_join.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// Whether `below` is the header word `above` read again by OCR: no figure, and more than half the
// characters of the longer of the two are the other's (each counted once).
bool SameWordReadAgain(const std::string& above, const std::string& below) {
  if (above.empty() || below.empty() || HasAsciiDigit(below)) return false;
  std::vector<char32_t> left = DecodeUtf8(above);
  std::vector<char32_t> right = DecodeUtf8(below);
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  std::vector<char32_t> common;
  std::set_intersection(left.begin(), left.end(), right.begin(), right.end(),
                        std::back_inserter(common));
  return common.size() * 2 > std::max(left.size(), right.size());
}

// Whether row `row` of `table` prints a whole amount: a number grouped or with a point, its
// lines joined (25,543,92 over 2.63). A header row's rest never prints one, a code or a 栏次
// number has neither mark.
bool PrintsWholeAmount(const Table& table, int row) {
  return std::any_of(table.cells.begin(), table.cells.end(), [&](const TableCell& cell) {
    if (cell.row != row) return false;
    const std::string text = RemoveAllWhitespace(cell.text);
    if (text.find_first_of(".,") == std::string::npos) return false;
    const AmountText amount = ParseAmountText(text);
    return amount.kind == AmountKind::kNumber && !amount.irregular_grouping && !amount.percent;
  });
}

// Printed unit text: the part of a line from 单位 on when the line holds more.
std::string UnitPhrase(const std::string& line) {
  std::size_t at = line.find("金额单位");
  if (at == std::string::npos) at = line.rfind("单位");
  if (at == std::string::npos) return line;
  return Trim(std::string_view(line).substr(at));
}

// Whether the titles over two OCR'd pages name one table. Yantai prints its 公开表5 before
// the title on every page, and OCR reads the number's words differently each time (公开炎5,
// 公开去5, 闻AS1加oO1) or not at all, so the titles differ before the title they share. What
// they share at the end must name `kind` on its own, and what each adds before it must be a
// table number, however misread: short and holding a digit.
bool SameTitleReadTwice(const std::string& a, const std::string& b, const std::string& kind) {
  constexpr std::size_t kNumberCodePoints = 10;
  const std::vector<char32_t> x = DecodeUtf8(TableKey(a));
  const std::vector<char32_t> y = DecodeUtf8(TableKey(b));
  std::size_t shared = 0;
  while (shared < x.size() && shared < y.size() &&
         x[x.size() - 1 - shared] == y[y.size() - 1 - shared]) {
    ++shared;
  }
  // The number's digits may be read alike (公开女2 / 公开到2): they are not the title.
  while (shared > 0 && !IsCjkIdeograph(x[x.size() - shared])) --shared;
  auto number_only = [&](const std::vector<char32_t>& cps) {
    const std::size_t added = cps.size() - shared;
    return added == 0 || (added <= kNumberCodePoints &&
                          std::any_of(cps.begin(), cps.begin() + static_cast<long>(added),
                                      [](char32_t cp) { return cp >= U'0' && cp <= U'9'; }));
  };
  if (shared == 0 || !number_only(x) || !number_only(y)) return false;
  const DocKind doc_kind = StartsWith(kind, "final.") ? DocKind::kFinalAccounts : DocKind::kBudget;
  const std::string title =
      EncodeUtf8(std::vector<char32_t>(x.end() - static_cast<long>(shared), x.end()));
  return ClassifyTableTitle(title, doc_kind) == kind;
}

// A block stitched into `table`: its index and its pages, kept ascending.
void AddSourceBlock(CanonicalTable& table, int block, const Table& grid) {
  table.source_blocks.push_back(block);
  table.pages.insert(table.pages.end(), grid.pages.begin(), grid.pages.end());
  std::sort(table.pages.begin(), table.pages.end());
  table.pages.erase(std::unique(table.pages.begin(), table.pages.end()), table.pages.end());
}

// "the page break after page N", or "a page break" for formats without pages.
std::string PageBreakAfter(const Table& upper) {
  return upper.pages.empty() || upper.pages.back() == 0
             ? std::string("a page break")
             : "the page break after page " + std::to_string(upper.pages.back());
}

// Moves the filled cells of row `lower_row` of `lower` onto row `upper_row` of `upper` (the part
// above, or the same grid), each joined to the cell above by `join(above_text, below_text)`, and
// returns the halves a table.row_rejoined finding quotes ("upper + lower; …").
template <typename Join>
std::string JoinRowOnto(Table& upper, int upper_row, Table& lower, int lower_row, Join join) {
  std::string halves;
  for (TableCell& below : lower.cells) {
    if (below.row != lower_row || Trim(below.text).empty()) continue;
    for (TableCell& above : upper.cells) {
      if (above.row != upper_row || above.column != below.column) continue;
      if (halves.size() < 160) {
        halves += (halves.empty() ? "" : "; ") + CollapseWhitespace(above.text) + " + " +
                  CollapseWhitespace(below.text);
      }
      join(above.text, below.text);
    }
    below.text.clear();
  }
  return halves;
}

// Where the finding on a joined row points: its first filled cell, else `fallback`; in `block`
// when that names none.
Provenance JoinedRowProvenance(const Table& table, int row, const Provenance& fallback, int block) {
  Provenance provenance = fallback;
  for (const TableCell& cell : table.cells) {
    if (cell.row == row && !Trim(cell.text).empty()) {
      provenance = cell.provenance;
      break;
    }
  }
  if (provenance.block < 0) provenance.block = block;
  return provenance;
}

class Stitcher {
 public:
  Stitcher(std::deque<Table>& owned, std::vector<Finding>& findings)
      : owned_tables_(owned), findings_(findings) {}

  std::vector<StitchedTable> Stitch(std::vector<IdentifiedTable> identified) {
    for (IdentifiedTable& entry : identified) {
      LocatedTable& located = entry.located;
      const Table* table = located.table;
      const int b = located.block;
      TablePart part{b, table, std::move(entry.header)};
      if (JoinRestRowsWrappedInTheirCells(part, located.title)) table = part.table;
      // An untitled table of the previous one's shape continues it, also when
      // the page repeats the 编制部门 / 单位 lines above it (seed 004 表2);
      // a different unit starts a new table.
      const Table* previous_table = pending_.empty() ? nullptr : pending_.back().parts.back().table;
      const bool same_unit = !located.unit_before || pending_.empty() ||
                             located.unit_before->unit == pending_.back().declared;
      // A grid that prints its own table number (表3 above it, 预算03表 in its
      // caption rows) with no title is a table whose title is in the document's
      // list of tables, not a continuation: it starts a new table unless the
      // number is the previous table's own (表二（之三）, 表2（续）).
      const bool own_number =
          located.number.has_value() && (numbers_.empty() || numbers_.back() != located.number);
      // A table continues only over a page break. A grid below the previous
      // one on the same page, with a unit line printed between them, is a
      // table of its own, also when its number line is lost (a scan that read
      // nothing of a lone 二、 stitched the second table onto the first).
      const bool on_the_same_page = previous_table != nullptr && !previous_table->pages.empty() &&
                                    !table->pages.empty() && previous_table->pages.back() > 0 &&
                                    table->pages.front() == previous_table->pages.back();
      const bool new_on_same_page = on_the_same_page && located.unit_before.has_value();
      // A continuation prints no header or its table's header again. A grid under a header
      // of its own whose amount columns are all other ones (本年收入合计 | 财政拨款收入 | 其他收入,
      // then 合计 | 基本支出 | 项目支出) is the next table, whose title and number were lost.
      // A part right after a header alone on its page is that header's body: its own first
      // row may be the header's words cut by the break (一般公共预算 | 政府性基金预算 over
      // 财政拨款 | 财政拨款, H29 s3w_0458_final), keying other columns than the words above.
      const bool other_columns = previous_table != nullptr && !HeaderOnly(pending_.back()) &&
                                 OtherAmountColumns(pending_.back().parts.front(), part);
      // An untitled grid on the page a table of another kind ends on, whose own header and body
      // name the 三公 table (its title inside the frame misread, 池S、|
      // 2025年…“三公"经费支出预算表, H16 s3w_0249_budget: stitched onto the general-budget table
      // above it, its 合计 exported as that table's total), is a table of its own, and the other
      // way round. Over a page break a continuation's rows may read as another kind (a 政府采购
      // page listing 车辆维修).
      // Over a page break too when the part prints a header of its own keying an amount column
      // (项目 | 决算数 under a basic-expenditure table whose header OCR misread, H23
      // s3w_0354_final: its number line lost, the 三公 grid was stitched on as 公用经费 rows).
      const bool own_header_keys =
          part.header.header_rows > 0 &&
          std::any_of(part.header.keys.begin(), part.header.keys.end(),
                      [](const std::string& key) { return !key.empty() && key != "-"; });
      const bool other_kind = (on_the_same_page || own_header_keys) && located.title.empty() &&
                              entry.kind != "other" && previous_table != nullptr &&
                              EndsWith(entry.kind, ".three_public") !=
                                  EndsWith(pending_.back().canonical.kind, ".three_public");
      // A title printed again over the part (a title inside the frame, repeated with the
      // header) may continue the table too: its columns are put back first, as an untitled
      // part's are, for RepeatsTitle to compare its rows.
      const bool same_title = previous_table != nullptr && !located.title.empty() &&
                              entry.kind != "other" &&
                              pending_.back().canonical.printed_title == located.title &&
                              pending_.back().canonical.kind == entry.kind;
      if (previous_table != nullptr && (located.title.empty() || same_title) && same_unit &&
          !own_number && !new_on_same_page && !other_columns && !other_kind) {
        if (const Table* padded = PadMissingEmptyColumns(pending_.back().parts.back(), *table)) {
          table = padded;
          part.table = padded;
          part.header = AnalyzeHeader(*padded);
        } else if (const Table* aligned = AlignToPreviousPage(pending_.back(), *table)) {
          table = aligned;
          part.table = aligned;
          part.header = AnalyzeHeader(*aligned);
        }
      }
      const bool same_shape =
          previous_table != nullptr && previous_table->column_count == table->column_count;
      const bool stitch = (located.title.empty() || RepeatsTitle(entry, *table, part.header)) &&
                          same_shape && same_unit && !own_number && !new_on_same_page &&
                          !other_columns && !other_kind;
      if (stitch) {
        StitchedTable& previous = pending_.back();
        if (StackOntoHeaderOnlyPart(previous, part)) continue;
        RejoinRowBrokenByPage(previous, part);
        previous.parts.push_back(std::move(part));
        AddSourceBlock(previous.canonical, b, *table);
        continue;
      }

      StitchedTable pending;
      pending.canonical.printed_title = located.title;
      pending.canonical.kind = entry.kind;
      pending.canonical.evidence = std::move(entry.evidence);
      pending.canonical.printed_empty = entry.printed_empty;
      pending.canonical.pages = table->pages;
      pending.canonical.source_blocks.push_back(b);
      if (located.unit) {
        pending.printed_unit = UnitPhrase(located.unit->printed);
        pending.declared = located.unit->unit;
      }
      pending.header_above = located.header_above;
      pending.header_above_box = located.header_above_box;
      pending.parts.push_back(std::move(part));
      pending_.push_back(std::move(pending));
      numbers_.push_back(located.number);
    }
    return std::move(pending_);
  }

 private:
  // Whether `table` so far is a header printed alone (at a page foot): one part, no body row.
  static bool HeaderOnly(const StitchedTable& table) {
    if (table.parts.size() != 1) return false;
    const TablePart& part = table.parts.front();
    return part.header.header_rows >= part.table->row_count;
  }

  // Whether both parts print a header keying amount columns and no key but the total is
  // shared: a misread header word keys nothing, it does not key another column.
  // OCR'd grids only: a text layer's continuation pages were never taken for a new table, and
  // their first rows (labels of a summary's second page) may read as a header of other words.
  static bool OtherAmountColumns(const TablePart& previous, const TablePart& part) {
    auto keys_of = [](const TablePart& p) {
      std::vector<std::string> keys;
      if (p.header.header_rows == 0 || !IsOcrGrid(*p.table)) return keys;
      for (const std::string& key : p.header.keys) {
        if (!key.empty() && key != "-" && key != "total") keys.push_back(key);
      }
      return keys;
    };
    const std::vector<std::string> before = keys_of(previous);
    const std::vector<std::string> now = keys_of(part);
    if (before.size() < 2 || now.size() < 2) return false;
    for (const std::string& key : now) {
      if (std::find(before.begin(), before.end(), key) != before.end()) return false;
    }
    return true;
  }

  // Some publishers print the table's title (and number, unit, header) again on
  // every page it runs over (Yantai 公开表3 支出总体情况表 on pages 10 and 11).
  // The part continues the previous table when it names the same title and kind,
  // starts on the page after it, and does not open with its own 合计 / 总计 row:
  // a sub-unit's table under the same title (Beijing 卫生健康委 per-unit 收支总表)
  // starts with its total.
  bool RepeatsTitle(const IdentifiedTable& entry, const Table& table,
                    const HeaderAnalysis& header) const {
    if (pending_.empty() || entry.kind == "other") return false;
    const StitchedTable& previous = pending_.back();
    if (previous.canonical.kind != entry.kind) return false;
    if (previous.canonical.printed_title != entry.located.title &&
        !(IsOcrGrid(table) &&
          SameTitleReadTwice(previous.canonical.printed_title, entry.located.title, entry.kind))) {
      return false;
    }
    const Table& upper = *previous.parts.back().table;
    if (upper.pages.empty() || table.pages.empty() || upper.pages.back() <= 0 ||
        table.pages.front() != upper.pages.back() + 1) {
      return false;
    }
    // The part's own header analysis takes a label-only fragment under its
    // repeated header (the rest of a row cut by the break, 金预算财政拨款)
    // for a header row, and its first body row then seemed its 本年收入合计.
    // A part that repeats the first part's top rows down to its body starts
    // right after them.
    const TablePart& first_part = previous.parts.front();
    const int repeated = RepeatedTopRows(first_part, table);
    const int start = repeated >= BodyStart(first_part) ? std::min(repeated, header.header_rows)
                                                        : header.header_rows;
    for (int r = start; r < table.row_count; ++r) {
      bool any_text = false;
      for (int c = 0; c < table.column_count; ++c) {
        const std::string key = TableKey(table.TextAt(r, c));
        if (key.empty()) continue;
        any_text = true;
        if (IsTotalWord(key) || key == "总计" || key == "合计") {
          return IsSummaryKind(entry.kind) && EndsWith(key, "总计") && !PrintsGrandTotal(previous);
        }
      }
      if (any_text) break;  // only the first row with text decides
    }
    return true;
  }

  // Whether a part of `table` prints a row of 总计 (收入总计, 支出总计): a summary ends with it. A
  // summary's part that opens with 总计 under the repeated title, the part above lacking it, is
  // that summary's last row, not another unit's summary (s29w_0015_final).
  static bool PrintsGrandTotal(const StitchedTable& table) {
    for (const TablePart& part : table.parts) {
      for (const TableCell& cell : part.table->cells) {
        if (EndsWith(TableKey(cell.text), "总计")) return true;
      }
    }
    return false;
  }

  // How many rows `lower` opens with that repeat the first part's top rows, cell by cell. On a
  // scan a repeated header row is read again, not copied: its words may come out with a
  // character more, lost or misread (项目《〈按功能类) over 项目〈按功能分类), H42 s3w_0669_final,
  // where the row the break cut was then left in two). There a header row of the first part is
  // repeated when each cell is empty where it is and otherwise shares most of its characters.
  static int RepeatedTopRows(const TablePart& first_part, const Table& lower) {
    const Table& first = *first_part.table;
    if (first.column_count != lower.column_count) return 0;
    const bool reread = IsOcrGrid(first) && IsOcrGrid(lower);
    const int header_rows = BodyStart(first_part);
    auto same_row = [&](int r) {
      for (int c = 0; c < lower.column_count; ++c) {
        const std::string below = TableKey(lower.TextAt(r, c));
        const std::string above = TableKey(first.TextAt(r, c));
        if (below == above) continue;
        if (!reread || r >= header_rows || !SameWordReadAgain(above, below)) return false;
      }
      return true;
    };
    int r = 0;
    while (r < lower.row_count && r < first.row_count && same_row(r)) ++r;
    return r;
  }

  // The row after `lower`'s 栏次 row where that row repeats the first part's cell by cell and no
  // row above it prints an amount: the header repeated over the continuation ends there, also
  // where a header cell came out cut short (政府性基 / 金预算拨 without its 款, the repeated
  // heading's last line drawn into the 栏次 row). 0 where there is no such row.
  static int PastRepeatedColumnNumbers(const TablePart& first_part, const Table& lower) {
    const Table& first = *first_part.table;
    if (first.column_count != lower.column_count) return 0;
    int numbers = -1;
    for (int r = 0; r < first.row_count && r < BodyStart(first_part); ++r) {
      if (ScanRow(first, r).column_numbers) numbers = r;
    }
    if (numbers < 0) return 0;
    constexpr int kMaxRepeatedRows = 8;
    for (int r = 0; r < lower.row_count && r < kMaxRepeatedRows; ++r) {
      const RowScan scan = ScanRow(lower, r);
      if (scan.data) return 0;
      if (!scan.column_numbers) continue;
      for (int c = 0; c < lower.column_count; ++c) {
        if (TableKey(lower.TextAt(r, c)) != TableKey(first.TextAt(numbers, c))) return 0;
      }
      return r + 1;
    }
    return 0;
  }

  void RejoinRowBrokenByPage(StitchedTable& previous, TablePart& part) {
    // Only figures are at stake: text tables (绩效目标) keep their rows.
    if (IsTextTableKind(previous.canonical.kind)) return;
    const TablePart& upper_part = previous.parts.back();
    const Table& upper = *upper_part.table;
    const Table& lower = *part.table;
    if (upper.column_count != lower.column_count) return;
    auto has_text = [](const Table& table, int r) {
      for (int c = 0; c < table.column_count; ++c) {
        if (!Trim(table.TextAt(r, c)).empty()) return true;
      }
      return false;
    };
    // A continuation's own header analysis takes its leading name-only rows
    // for header; only the first part's header is known to be one.
    const TablePart& first_part = previous.parts.front();
    const int upper_body = &upper_part == &first_part ? BodyStart(upper_part) : 0;
    int upper_row = upper.row_count - 1;
    while (upper_row >= upper_body && !has_text(upper, upper_row)) --upper_row;
    if (upper_row < upper_body) return;
    // Word repeats the top rows of a table on each page (w:tblHeader), the
    // 合计 row too when it is marked; the continuation's body starts after the
    // rows it shares with the first part's top.
    int lower_row =
        std::max(RepeatedTopRows(first_part, lower), PastRepeatedColumnNumbers(first_part, lower));
    while (lower_row < lower.row_count &&
           (!has_text(lower, lower_row) || ScanRow(lower, lower_row).column_numbers)) {
      ++lower_row;
    }
    if (lower_row >= lower.row_count) return;

    if (!RowHalvesJoin(upper, upper_row, lower, lower_row,
                       IsNamelessFragment(first_part.header, upper, upper_row, lower, lower_row))) {
      return;
    }

    Table& joined_upper = Own(previous.parts.back());
    Table& joined_lower = Own(part);
    const std::string halves =
        JoinRowOnto(joined_upper, upper_row, joined_lower, lower_row,
                    [ocr = IsOcrGrid(upper)](std::string& above, const std::string& below) {
                      above = JoinedHalves(above, below, ocr);
                    });
    AddTableFinding(
        findings_, "table.row_rejoined", Severity::kInfo,
        "a row of table '" + previous.canonical.printed_title + "' broken by " +
            PageBreakAfter(upper) + " was joined with its second half: " + halves,
        JoinedRowProvenance(joined_upper, upper_row, upper.provenance, upper_part.block));
  }

  // A table whose first page holds only (part of) its header: the header
  // goes on over the page break, so the two parts are one grid, stacked. When
  // the break cut a header row in two (支出功 | 能分类科目编码, 对附属单位补 |
  // 助支出), the halves are joined if that names more columns.
  bool StackOntoHeaderOnlyPart(StitchedTable& previous, const TablePart& part) {
    if (previous.parts.size() != 1) return false;
    TablePart& upper_part = previous.parts.back();
    const Table& upper = *upper_part.table;
    const Table& lower = *part.table;
    if (upper.column_count != lower.column_count || upper.row_count == 0) return false;
    // A part of caption rows only (a title in the frame at a page foot) has no data rows
    // either, though its 一、… title reads as an ordinal body label to the header scan.
    if (!HeaderOnly(previous) && !OnlyCaptionRows(upper)) return false;  // it has data rows

    // Distinct canonical keys the header gives, and 三公 items its columns name (a columnar 三公
    // table keys its columns 预算数 / 决算数 and names the items in the words under them); a cut
    // header word names none, and a 合计 row taken for header repeats one.
    auto named_columns = [](const HeaderAnalysis& header) {
      std::set<std::string> keys(header.keys.begin(), header.keys.end());
      keys.erase("");
      for (const std::string& path : header.paths) {
        const std::string item = ThreePublicKey(OwnWord(path));
        if (!item.empty()) keys.insert(item);
      }
      return keys.size();
    };
    Table stacked = StackTables(upper, lower);
    HeaderAnalysis header = AnalyzeHeader(stacked);
    std::optional<Table> joined = TryStackJoiningBoundaryRow(upper, lower);
    if (joined) {
      // The first body row cut in two ("4,964,173." | "05") made the part
      // look header-only; its halves prove the join outright.
      const bool proven = RowHalvesJoin(upper, upper.row_count - 1, lower, 0);
      HeaderAnalysis joined_header = AnalyzeHeader(*joined);
      // A first row printing whole amounts is a body row (301工资福利支出 | 25,543,922.63 | …),
      // though its codes and names, joined to the header, seem to name more columns.
      if (proven ||
          (!PrintsWholeAmount(lower, 0) && named_columns(joined_header) > named_columns(header) &&
           TextColumnsKeyed(*joined, joined_header) <= TextColumnsKeyed(stacked, header))) {
        stacked = std::move(*joined);
        header = std::move(joined_header);
      }
      if (proven) {
        Provenance provenance = upper.provenance;
        if (provenance.block < 0) provenance.block = upper_part.block;
        AddTableFinding(findings_, "table.row_rejoined", Severity::kInfo,
                        "a row of table '" + previous.canonical.printed_title + "' broken by " +
                            PageBreakAfter(upper) +
                            " was joined with its second half (the page before held only the "
                            "header and the row's upper half)",
                        provenance);
      }
    }
    owned_tables_.push_back(std::move(stacked));
    upper_part.table = &owned_tables_.back();
    upper_part.header = std::move(header);
    AddSourceBlock(previous.canonical, part.block, lower);
    return true;
  }

  // Where `lower` may continue `upper` on columns read differently: on the next page, or, on a
  // scan, lower on the same page. OCR reads an unruled table's row that its columns do not
  // explain (a label wrapped across the code columns, an amount cut in two) as a line of text,
  // which ends the grid: the rows below it are read as a grid of their own, their columns found
  // from their own figures (an empty 其他收入 column lost, s3w_0054; a 项 column gone, s3w_0058).
  static bool ContinuesBelow(const Table& upper, const Table& lower) {
    if (upper.pages.empty() || lower.pages.empty() || upper.pages.back() <= 0) return false;
    if (lower.pages.front() == upper.pages.back() + 1) return true;
    if (lower.pages.front() != upper.pages.back() || !IsOcrGrid(upper) || !IsOcrGrid(lower)) {
      return false;
    }
    // Below: under the upper grid's cells on that page (a grid stacked onto a header-only part
    // on the page before spans two pages, its own box is the first page's).
    const int page = upper.pages.back();
    double upper_bottom = -1;
    double lower_top = -1;
    for (const TableCell& cell : upper.cells) {
      if (cell.provenance.box && cell.provenance.page == page) {
        upper_bottom = std::max(upper_bottom, cell.provenance.box->y1);
      }
    }
    for (const TableCell& cell : lower.cells) {
      if (!cell.provenance.box) continue;
      if (lower_top < 0 || cell.provenance.box->y0 < lower_top) lower_top = cell.provenance.box->y0;
    }
    return upper_bottom >= 0 && lower_top >= upper_bottom;
  }

  // A table read without rules finds its columns from its figures (and, right
  // of them, from its header words): a column no figure fills is found on the
  // page that prints the header, but not on a continuation page without one,
  // which so has fewer columns and was never stitched (其他收入 blank on both
  // pages of a 收入总表). When the upper part's columns that hold nothing below
  // its header are exactly the ones missing, and the other columns' figures
  // line up on both pages, the lower part gets those columns back, empty.
  // Returns the padded copy, or nullptr.
  const Table* PadMissingEmptyColumns(const TablePart& upper_part, const Table& lower) {
    const Table& upper = *upper_part.table;
    if (upper.ruled || lower.ruled || lower.column_count < 2 ||
        upper.column_count <= lower.column_count || !ContinuesBelow(upper, lower)) {
      return nullptr;
    }
    const int body = upper_part.header.header_rows;
    if (body <= 0 || body >= upper.row_count) return nullptr;
    // Right edge of a column's filled cells below the header (-1: none).
    auto right_edge = [](const Table& table, int column, int first_row) {
      double edge = -1;
      for (const TableCell& cell : table.cells) {
        if (cell.column != column || cell.row < first_row || Trim(cell.text).empty() ||
            !cell.provenance.box) {
          continue;
        }
        edge = std::max(edge, cell.provenance.box->x1);
      }
      return edge;
    };
    std::vector<int> kept;  // upper columns the lower part prints, in order
    int header_only = 0;
    for (int c = 0; c < upper.column_count; ++c) {
      bool named = false;
      for (int r = 0; r < body; ++r) named = named || !Trim(upper.TextAt(r, c)).empty();
      if (c > 0 && named && right_edge(upper, c, body) < 0) {
        ++header_only;
      } else {
        kept.push_back(c);
      }
    }
    if (static_cast<int>(kept.size()) != lower.column_count) return nullptr;
    // The columns both parts print line up: a figure column's right edge
    // within a line height (figures are set flush right in their cells).
    double tolerance = 0;
    for (const TableCell& cell : lower.cells) {
      if (cell.provenance.box) tolerance = std::max(tolerance, cell.provenance.box->height());
    }
    tolerance = std::min(tolerance, 24.0);
    int aligned = 0;
    for (int c = 1; c < lower.column_count; ++c) {
      const double above = right_edge(upper, kept[static_cast<std::size_t>(c)], body);
      const double below = right_edge(lower, c, 0);
      if (above < 0 || below < 0) continue;
      if (std::abs(above - below) > tolerance) return nullptr;
      ++aligned;
    }
    if (aligned == 0 || header_only == 0) return nullptr;
    Table padded = PlaceOnColumns(lower, upper.column_count, kept);
    owned_tables_.push_back(std::move(padded));
    return &owned_tables_.back();
  }

  // A continuation page of a table read without rules whose columns read
  // differently from the page before (table_stitch_align.h): its cells on
  // the columns above. Returns the aligned copy, or nullptr.
  const Table* AlignToPreviousPage(const StitchedTable& previous, const Table& lower) {
    const TablePart& upper_part = previous.parts.back();
    const Table& upper = *upper_part.table;
    if (!ContinuesBelow(upper, lower)) return nullptr;
    const int body = previous.parts.size() == 1 ? upper_part.header.header_rows : 0;
    std::optional<Table> aligned = upper.ruled ? AlignRuledToColumnsAbove(upper, lower)
                                               : AlignToColumnsAbove(upper, body, lower);
    // The part just above may not show every column with a figure (a lone row of the page
    // before leaves 项目支出 blank, H30 s3w_0479), so its columns alone cannot place the
    // page's; the parts stitched so far share one set of columns and show them all.
    if (!aligned && !upper.ruled && previous.parts.size() > 1) {
      if (std::optional<Table> so_far = StackedParts(previous)) {
        aligned = AlignToColumnsAbove(*so_far, previous.parts.front().header.header_rows, lower);
      }
    }
    if (!aligned) return nullptr;
    owned_tables_.push_back(std::move(*aligned));
    return &owned_tables_.back();
  }

  // The parts of `table` stacked into one grid; nullopt when they differ in columns.
  static std::optional<Table> StackedParts(const StitchedTable& table) {
    std::optional<Table> stacked;
    for (const TablePart& part : table.parts) {
      if (!stacked) {
        stacked = *part.table;
      } else if (stacked->column_count != part.table->column_count) {
        return std::nullopt;
      } else {
        stacked = StackTables(*stacked, *part.table);
      }
    }
    return stacked;
  }

  // An OCR'd grid of narrow cells whose amounts and codes wrap (11,933,498.4 over 8, a code
  // 210130 over 1, H31 s3w_0482_final): when the reader did not join the rests, they are a row
  // of digit pieces under the row they complete, and that row's figures went out one digit
  // short while the pieces were read as a row of their own. A row of nothing but pieces that
  // RowHalvesJoin proves the rest of the row above is joined to it; a code's rest goes after
  // the code's digits. Returns whether any row was joined (the part then holds the new grid).
  bool JoinRestRowsWrappedInTheirCells(TablePart& part, const std::string& title) {
    const Table& grid = *part.table;
    if (!IsOcrGrid(grid) || grid.ruled) return false;
    auto is_piece = [](std::string_view text) {
      const std::string compact = RemoveAllWhitespace(text);
      const std::string digits =
          !compact.empty() && compact.front() == '.' ? compact.substr(1) : compact;
      return !digits.empty() && digits.size() <= 3 && AllDigits(digits);
    };
    std::vector<int> rests;
    for (int r = std::max(1, part.header.header_rows + 1); r < grid.row_count; ++r) {
      bool pieces_only = true;
      int filled = 0;
      for (const TableCell& cell : grid.cells) {
        if (cell.row != r || Trim(cell.text).empty()) continue;
        ++filled;
        pieces_only = pieces_only && is_piece(cell.text);
      }
      if (filled > 0 && pieces_only && RowHalvesJoin(grid, r - 1, grid, r)) rests.push_back(r);
    }
    if (rests.empty()) return false;
    Table& joined = Own(part);
    for (const int r : rests) {
      const std::string halves =
          JoinRowOnto(joined, r - 1, joined, r, [](std::string& above, const std::string& below) {
            const std::string piece = RemoveAllWhitespace(below);
            std::size_t code = 0;
            while (code < above.size() && IsAsciiDigit(static_cast<unsigned char>(above[code]))) {
              ++code;
            }
            if (code > 0 && code < above.size() &&
                (code + piece.size() == 5 || code + piece.size() == 7)) {
              above.insert(code, piece);  // 210130 + 1: the code's rest, before its name
            } else {
              above += Trim(above).empty() ? piece : "\n" + piece;
            }
          });
      AddTableFinding(
          findings_, "table.row_rejoined", Severity::kInfo,
          "a row of table '" + title +
              "' whose cells wrap was joined with the rests printed under it: " + halves,
          JoinedRowProvenance(joined, r - 1, joined.provenance, part.block));
    }
    part.header = AnalyzeHeader(joined);
    return true;
  }

  // A private copy of a part's grid, for joining cells across parts.
  Table& Own(TablePart& part) {
    owned_tables_.push_back(*part.table);
    part.table = &owned_tables_.back();
    return owned_tables_.back();
  }

  std::deque<Table>& owned_tables_;  // grids rewritten by a join
  std::vector<Finding>& findings_;
  std::vector<StitchedTable> pending_;
  std::vector<std::optional<int>> numbers_;  // the number printed on each of pending_'s tables
};

}  // namespace

std::vector<StitchedTable> StitchTables(std::vector<IdentifiedTable> identified,
                                        const StitchOptions& /*options*/, std::deque<Table>& owned,
                                        std::vector<Finding>& findings) {
  return Stitcher(owned, findings).Stitch(std::move(identified));
}

}  // namespace disclose
