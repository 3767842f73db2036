// Stage 5 of the table pipeline (table_stages.h): each body row's key (class
// code, canonical key or printed name) and its figures, one per keyed amount
// column, exact in fen; findings for what cannot be read.
//
// This file walks the grid (RowReader::FillRows); the reader's class is in row_reader.h, the
// unit read from a scan's amounts in table_rows_units.cc, the findings on a table once read in
// table_rows_findings.cc, and one cell's figure in table_rows_cells.cc.
#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/classification.h"
#include "normalize/ocr_labels.h"
#include "normalize/row_reader.h"
#include "normalize/table_code_pieces.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

namespace {

// 合 计 / 总 计 printed letter-spaced across two label columns (H8 s3w_0114: 总 | 记 in both
// summaries, 合 | 让 in its 一般公共预算 table): the name's first cell holds 合 or 总 alone and
// the next label cell one ideograph, the 计 (on a scan, read as another ideograph: 记, 让). Only
// the first cell was the row's name, and 合 or 总 alone keyed no row.
bool IsTotalHalfSpreadOverColumns(const std::string& name, const std::string& next_key,
                                  bool next_ocr) {
  if (name != "合" && name != "总") return false;
  const std::vector<char32_t> next = DecodeUtf8(next_key);
  if (next.size() != 1 || !IsCjkIdeograph(next[0])) return false;
  return next[0] == U'计' || next_ocr;
}

// Whether row r prints anything in the given amount columns.
bool RowPrintsAmounts(const Table& grid, int r, const std::vector<int>& amount_columns) {
  return std::any_of(amount_columns.begin(), amount_columns.end(),
                     [&](int c) { return !Trim(grid.TextAt(r, c)).empty(); });
}

// How a garbled code piece was keyed, for ocr.code_inferred: "款 '0' as 02 (20102)", with ", by
// its name '…'" when the row's name chose among several pieces that fit.
std::string InferredPieceNote(std::string_view what, const std::string& garbled,
                              const std::string& code, std::size_t piece_at,
                              const std::string& name_used) {
  return std::string(what) + "'" + garbled + "' as " + code.substr(piece_at) + " (" + code +
         (name_used.empty() ? "" : ", by its name '" + name_used + "'") + ")";
}

// The letters and marks a scan reads a thin stroke or a gap's speck as.
bool IsStrayStroke(char c) {
  return c == 'I' || c == 'l' || c == '|' || c == '!' || c == ']';
}

}  // namespace

// Appends one note to the comma-separated list a finding quotes.
void AppendNote(std::string& notes, const std::string& note) {
  if (!notes.empty()) notes += ", ";
  notes += note;
}

CanonicalTable RowReader::Read(StitchedTable pending, const TableColumns& columns,
                               int table_index) {
  const std::size_t findings_before = findings_.size();
  FillRows(pending, columns, table_index);
  KeyTotalRowBySums(pending.canonical);
  ListOcrFiguresOfAGuessedUnit(pending.canonical, findings_before);
  ReportColumnsKeyedBySums(pending.canonical, columns);
  ReportOcrDuplicateCodes(pending.canonical);
  ReportUnkeyedRows(pending.canonical);
  ReportUnlabelledAmounts(pending.canonical);
  ReportAmountsShortOfTheirColumn(pending.canonical);
  ReportUnreadAmountColumns(pending);
  ReportUnclassified(pending);
  return std::move(pending.canonical);
}

void RowReader::FillRows(StitchedTable& pending, const TableColumns& columns, int table_index) {
  CanonicalTable& table = pending.canonical;
  const TablePart& first = pending.parts.front();
  table.column_keys = columns.keys;
  table.printed_unit = pending.printed_unit;
  std::string inferred_reason;
  const UnitOfAmount inferred = OcrUnitFromAmounts(pending, columns.keys, inferred_reason);
  if (pending.declared != UnitOfAmount::kUnknown) {
    table.unit = pending.declared;
    table.unit_source = UnitSource::kDeclared;
  } else if (inferred != UnitOfAmount::kUnknown) {
    table.unit = inferred;
    table.unit_source = UnitSource::kInferred;
  } else if (options_.default_unit != UnitOfAmount::kUnknown) {
    table.unit = options_.default_unit;
    table.unit_source = UnitSource::kDocumentDefault;
  } else {
    table.unit = UnitOfAmount::kUnknown;
    table.unit_source = UnitSource::kUnknown;
  }
  const bool performance = StartsWith(table.kind, "performance.");
  const bool three_public = EndsWith(table.kind, ".three_public");
  const bool summary = IsSummaryKind(table.kind);
  const std::vector<Segment>& segments = columns.segments;
  const std::vector<std::string>& column_rows = columns.column_rows;
  const std::vector<std::string>& column_values = columns.column_values;
  const std::vector<std::string>& column_names = columns.column_names;
  const bool columnar_three_public = columns.columnar_three_public;

  // Unit findings only where there is something to read: a list of units
  // (序号 | 单位名称 | 备注) needs no 金额单位.
  bool amount_cells = false;
  for (const TablePart& part : pending.parts) {
    for (int r = part.header.header_rows; r < part.table->row_count && !amount_cells; ++r) {
      for (std::size_t c = 0; c < table.column_keys.size() && !amount_cells; ++c) {
        if (table.column_keys[c].empty() && !columnar_three_public) continue;
        const AmountText amount = ParseAmountText(part.table->TextAt(r, static_cast<int>(c)));
        amount_cells = amount.kind == AmountKind::kNumber && !amount.percent;
      }
    }
  }
  bool any_figure_table = !performance;
  if (!amount_cells) {
    // Nothing to read, nothing to warn about.
  } else if (any_figure_table && table.unit == UnitOfAmount::kUnknown) {
    AddTableFinding(findings_, "unit.unknown", Severity::kError,
                    "no amount unit declared for table '" + table.printed_title +
                        "' and none elsewhere in the document; its figures are not read",
                    first.table->provenance);
    any_figure_table = false;
  } else if (any_figure_table && table.unit_source == UnitSource::kInferred) {
    AddTableFinding(findings_, "unit.inferred", Severity::kWarning,
                    "table '" + table.printed_title + "' is OCR'd and no unit of it was read; " +
                        inferred_reason + ": read in " + std::string(UnitOfAmountName(table.unit)),
                    first.table->provenance);
  } else if (any_figure_table && table.unit_source == UnitSource::kDocumentDefault) {
    AddTableFinding(findings_, "unit.document_default", Severity::kWarning,
                    "table '" + table.printed_title +
                        "' declares no unit; read in the document's " +
                        std::string(UnitOfAmountName(table.unit)),
                    first.table->provenance);
  }

  std::vector<std::string> last_class(segments.size());
  std::vector<std::string> last_kuan(segments.size());
  std::vector<std::string> last_xiang(segments.size());
  std::vector<bool> expenditure_side(segments.size(), false);
  bool opening_seen = false;
  // Jiangsu summaries close with 当年收入小计 / 上年结转资金 / 收入合计: a
  // 收入合计 (支出合计) after the year's subtotal is the grand total.
  bool income_year_total_seen = false;
  bool expenditure_year_total_seen = false;
  std::map<std::string, std::size_t> columnar_index;
  // OCR'd headers and row labels keyed by the nearest label a standard table prints.
  std::string labels_matched = columns.labels_matched;
  std::string codes_inferred;  // 项 pieces read with a digit lost or added, and what they key

  for (std::size_t part_index = 0; part_index < pending.parts.size(); ++part_index) {
    const TablePart& part = pending.parts[part_index];
    // A continuation without its own header reads its codes the way the
    // first page's header says (类 | 款 | 项 columns).
    // Only code roles count: a fragment row at the top of the page (the rest
    // of a row cut by the break) reads as a header of "label" columns.
    const bool own_roles =
        std::any_of(part.header.roles.begin(), part.header.roles.end(), IsCodeRole);
    const Table& grid = *part.table;
    const int start = BodyStart(part);
    const bool first_shape = part.table->column_count == first.table->column_count;
    std::vector<std::string> part_roles =
        !own_roles && first_shape ? first.header.roles : part.header.roles;
    // An OCR'd page may read its header worse than the first page did (类 lost, 科日编例 for
    // 科目编码): a column it reads as a label keeps the first page's code role, so that its
    // garbled codes are not taken for the row's name.
    if (own_roles && first_shape && &part != &first && IsOcrGrid(grid)) {
      for (std::size_t c = 0; c < part_roles.size(); ++c) {
        if ((part_roles[c].empty() || part_roles[c] == "label") &&
            IsCodeRole(first.header.roles[c])) {
          part_roles[c] = first.header.roles[c];
        }
      }
    }
    const std::vector<std::string> roles =
        WithMisreadSegmentColumn(std::move(part_roles), grid, start);
    const std::map<int, std::string> kuan_zeros = KuanPiecesReadAsZero(grid, roles, start);
    for (int r = start; r < grid.row_count; ++r) {
      // A repeated header or 栏次 row inside a stitched table.
      if (part_index > 0 || r > start) {
        RowScan scan = ScanRow(grid, r);
        if (scan.column_numbers) continue;
      }
      if (columnar_three_public) {
        std::string label;
        for (std::size_t c = 0; c < table.column_keys.size(); ++c) {
          if (column_rows[c].empty() && table.column_keys[c].empty()) {
            std::string key = TableKey(grid.TextAt(r, static_cast<int>(c)));
            if (!key.empty() && label.empty()) label = key;
          }
        }
        std::string row_column = LeafKey(label);
        if (row_column.empty() || row_column == "-" || row_column == "total") {
          row_column = options_.doc_kind == DocKind::kFinalAccounts ? "final" : "budget";
        }
        for (std::size_t c = 0; c < column_rows.size(); ++c) {
          if (column_rows[c].empty()) continue;
          const std::string& column = column_values[c].empty() ? row_column : column_values[c];
          auto found = columnar_index.find(column_rows[c]);
          if (found == columnar_index.end()) {
            CanonicalRow row;
            row.row_code = column_rows[c];
            row.row_name = CleanName(column_names[c]);
            row.source_block = part.block;
            row.source_row = r;
            table.rows.push_back(std::move(row));
            found = columnar_index.emplace(column_rows[c], table.rows.size() - 1).first;
          }
          CanonicalRow& row = table.rows[found->second];
          if (any_figure_table)
            AddFigure(table, row, grid, part.block, r, static_cast<int>(c), column, table_index);
        }
        continue;
      }

      std::vector<int> consumed;  // cells a 合计 label on the left already took
      for (std::size_t s = 0; s < segments.size(); ++s) {
        const Segment& segment = segments[s];
        // Code pieces and the name from the label columns.
        std::vector<std::pair<std::string, std::string>> pieces;  // role, digits
        std::string code;
        std::string name;
        bool label_ocr = false;     // a label cell recognised from an image
        bool kuan_unread = false;   // a 款 piece the scan made letters of
        bool kuan_single = false;   // a scan's one-digit 款 piece: 02 printed 2, or 11 read 1
        bool class_unread = false;  // a 类 code the scan garbled
        std::string xiang_garbled;  // a 项 piece read with a digit lost or added ("0", "101")
        int xiang_column = -1;
        std::string kuan_garbled;  // a 款 piece read with a digit lost, or 00
        int kuan_column = -1;
        bool kuan_blank = false;  // an OCR'd 款 cell read empty
        // Whether a label cell of the row other than its code cells holds text: its name.
        const bool name_printed =
            std::any_of(segment.labels.begin(), segment.labels.end(), [&](int c) {
              const std::string& role = roles[static_cast<std::size_t>(c)];
              return !IsCodeRole(role) && role != "rowno" && !Trim(grid.TextAt(r, c)).empty();
            });
        for (int c : segment.labels) {
          const std::string& role = roles[static_cast<std::size_t>(c)];
          if (role == "rowno") continue;
          const std::string text = WithWrappedCodeJoined(Trim(grid.TextAt(r, c)));
          if (text.empty()) {
            if (role == "kuan" && IsOcrCell(grid, r, c)) kuan_blank = true;
            continue;
          }
          label_ocr = label_ocr || IsOcrCell(grid, r, c);
          std::string key = TableKey(text);
          // A 类 code the scan garbled names nothing; nor does one ideograph in the 类 column,
          // the header word 类 sharing a row with 合计, misread (闫 | 堵 | 页 | 合计 for
          // 类 | 款 | 项 | 合计, sh_putuo_finance_2024_final p8 at 300 dpi): taken for the row's
          // name, it hid 合计 and the total row was lost. Not when it is all the row prints
          // of a name (计 of a 合计 whose 合 was lost), nor 合 or 总 alone, which begins a total
          // spread over the label columns (IsTotalHalfSpreadOverColumns).
          if (role == "class" && IsOcrCell(grid, r, c) &&
              (IsMisreadClassCode(key) ||
               (name_printed && IsPieceReadAsIdeographs(key) && DecodeUtf8(key).size() == 1 &&
                key != "合" && key != "总"))) {
            class_unread = true;
            continue;
          }
          if (role == "kuan" && key == "00" && IsOcrCell(grid, r, c)) {
            const auto zero = kuan_zeros.find(r);
            if (zero != kuan_zeros.end()) {
              AppendNote(codes_inferred,
                         "款 '00' as " + zero->second + " (row " + std::to_string(r + 1) + ")");
              key = zero->second;
            }
          }
          if (role == "kuan" && IsOcrCell(grid, r, c) && AllDigits(key) &&
              ((key.size() == 1 && PadsPieces(grid, c)) || key == "00")) {
            kuan_garbled = key;
            kuan_column = c;
            // Printed after its class (201 | 00) with no other reading of it in its run: the
            // row keeps its class code, as for any 款 piece the scan made letters of.
            if (key == "00" && !code.empty()) {
              kuan_unread = true;
              continue;
            }
          }
          if (role == "xiang" && IsOcrCell(grid, r, c) && AllDigits(key) &&
              ((key.size() == 1 && PadsPieces(grid, c)) || key.size() == 3 || key == "00")) {
            xiang_garbled = key;
            xiang_column = c;
            continue;
          }
          if ((role == "kuan" || role == "xiang") && IsOcrCell(grid, r, c) &&
              (!AllDigits(key) || (key.size() == 1 && PadsPieces(grid, c)))) {
            const std::string piece = OcrCodePiece(key);
            if (!piece.empty()) {
              key = piece;
            } else if (IsMisreadPiece(key) || IsPieceReadAsIdeographs(key)) {
              // Which piece it is, the rows around it and its name may tell (below).
              if (role == "kuan") {
                kuan_unread = true;
                if (kuan_garbled.empty()) {
                  kuan_garbled = key;
                  kuan_column = c;
                }
              } else {
                xiang_garbled = key;
                xiang_column = c;
              }
              continue;
            }
          }
          // A second code group after the name (部门预算支出经济分类 301 01 基本工资 |
          // 政府预算支出经济分类 501 01 工资奖金津补贴, Yantai 基本支出预算情况表) is
          // another classification of the same row: the first one keys it.
          if (AllDigits(key) && !name.empty() && (!code.empty() || !pieces.empty())) continue;
          if (AllDigits(key)) {
            if (IsClassCode(key) && code.empty() && pieces.empty()) {
              code = key;
            } else if (key.size() == 2 &&
                       (role == "kuan" || role == "xiang" || role == "class" || role == "code")) {
              pieces.emplace_back(role, key);
            } else if (key.size() == 1 && (role == "kuan" || role == "xiang")) {
              // Excel's number format drops the leading zero: 款 "2" is 02.
              pieces.emplace_back(role, "0" + key);
              if (role == "kuan" && IsOcrCell(grid, r, c)) kuan_single = true;
            } else if (key.size() == 4 && (role == "kuan" || role == "code") &&
                       IsTwoCodePairs(text)) {
              // 款 and 项 in one cell, "13 01": a PDF read without rules
              // where one row alone prints a 项 code (its column model has
              // no 项 column apart from the 款 one).
              pieces.emplace_back("kuan", key.substr(0, 2));
              pieces.emplace_back("xiang", key.substr(2));
            }
            continue;
          }
          // "2080505 机关事业单位…" or "2010801-行政运行" (Beijing 预算03表) in one cell.
          const std::size_t digits = LeadingAsciiDigits(key);
          // A scan may read the gap after the code as a stroke (30101I基本工资, H15
          // s3w_0238_final): one lookalike letter between a whole code and the name is none.
          const bool stray = IsOcrCell(grid, r, c) && digits < key.size() &&
                             IsStrayStroke(key[digits]) && digits + 1 < key.size() &&
                             static_cast<unsigned char>(key[digits + 1]) >= 0x80;
          const std::size_t name_at =
              digits < key.size() && (key[digits] == '-' || stray) ? digits + 1 : digits;
          if (digits > 0 && name_at < key.size() &&
              static_cast<unsigned char>(key[name_at]) >= 0x80 &&
              IsClassCode(key.substr(0, digits)) && code.empty()) {
            code = key.substr(0, digits);
            std::size_t cut = 0;
            while (cut < text.size() &&
                   ((text[cut] >= '0' && text[cut] <= '9') || text[cut] == ' '))
              ++cut;
            if (text.compare(cut, 1, "-") == 0 ||
                (stray && cut < text.size() && IsStrayStroke(text[cut])))
              ++cut;
            if (text.compare(cut, 3, "－") == 0) cut += 3;
            if (name.empty()) name = CleanName(text.substr(cut));
            continue;
          }
          // The 类 | 款 | 项 header words share a row with 合计 when a PDF
          // draws no rule between them (sh_putuo_finance_2024_final p8).
          if (!CodeColumnRole(key).empty()) continue;
          if (name.empty()) {
            name = CleanName(text);
          } else if (IsTotalHalfSpreadOverColumns(name, key, IsOcrCell(grid, r, c))) {
            name += "计";
          }
        }
        // A 款 row whose piece was misread: the 项 rows under it print its 款 piece again, and
        // rows are printed in the tree's order, so the next row's piece is this row's.
        // A one-digit piece is Excel's 2 for 02 when the 项 rows print it so, else a digit lost.
        const bool single_kuan_row = kuan_single && pieces.size() == 1 && pieces[0].first == "kuan";
        if ((kuan_unread || single_kuan_row) && code.size() == 3 &&
            (pieces.empty() || single_kuan_row) && r + 1 < grid.row_count) {
          std::string next_class;
          std::string next_kuan;
          bool next_xiang = false;
          for (int c : segment.labels) {
            const std::string& role = roles[static_cast<std::size_t>(c)];
            std::string key = TableKey(grid.TextAt(r + 1, c));
            if (role == "kuan" && !AllDigits(key)) key = OcrCodePiece(key);
            if (role == "kuan" && key.size() == 1 && PadsPieces(grid, c)) key.clear();
            if (role == "class") next_class = key;
            if (role == "kuan") next_kuan = key;
            if (role == "xiang") next_xiang = !key.empty();
          }
          if ((next_class.empty() || next_class == code) && next_kuan.size() == 2 &&
              AllDigits(next_kuan) && next_kuan != "00" && next_xiang &&
              (pieces.empty() || (pieces[0].second != next_kuan &&
                                  next_kuan.find(pieces[0].second[1]) != std::string::npos))) {
            pieces = {{"kuan", next_kuan}};
          }
        }
        // A 款 row printing its piece alone (Yantai: the class on its own row above) read with a
        // digit lost or as 00: as for a 项 piece below, the 款 rows of one class print in
        // ascending order, so the one piece its reading allows between the 款 before it and the
        // next 款 row of the class is its piece. Otherwise it stays uncoded, and so do the 项
        // rows under it: joined to the 款 before they would be keyed wrong.
        // So for a row printing its class beside the garbled piece when no 项 row below names
        // it (201 | 1 | 纪检监察事务, H14 s3w_0219_final: keyed 201 a second time, its 款 lost).
        const std::string parent_class = code.size() == 3 ? code : last_class[s];
        if (!kuan_garbled.empty() && (code.empty() || (code.size() == 3 && pieces.empty())) &&
            (pieces.empty() || (pieces.size() == 1 && pieces[0].first == "kuan")) &&
            !parent_class.empty()) {
          const std::string& sibling = last_kuan[s];
          const int lower = StartsWith(sibling, parent_class) ? std::stoi(sibling.substr(3)) : 0;
          int upper = 100;
          for (int next = r + 1; next < grid.row_count; ++next) {
            bool class_row = false;
            for (int c : segment.labels) {
              if (roles[static_cast<std::size_t>(c)] == "class" &&
                  !Trim(grid.TextAt(next, c)).empty()) {
                class_row = true;
              }
            }
            if (class_row) break;
            const std::string piece = TableKey(grid.TextAt(next, kuan_column));
            if (piece.size() == 2 && AllDigits(piece) && piece != "00") {
              upper = std::stoi(piece);
              break;
            }
          }
          std::vector<int> between;
          for (const int piece : PiecesReadAs(kuan_garbled)) {
            if (piece > lower && piece < upper) between.push_back(piece);
          }
          pieces.clear();
          const std::string by_name = CodeNamedAmong(parent_class, between, name);
          if (between.size() == 1 || !by_name.empty()) {
            code = by_name.empty() ? parent_class + TwoDigits(between[0]) : by_name;
            AppendNote(codes_inferred, InferredPieceNote("款 ", kuan_garbled, code, 3,
                                                         by_name.empty() ? "" : name));
          } else {
            last_kuan[s].clear();
            last_xiang[s].clear();
          }
        }
        // A 项 piece read with a digit lost or added, or read 00: the 项 rows of one 款 print in
        // ascending order, so the piece lies above the sibling's before it and below the next
        // row's; it is taken when one piece its reading allows lies there (sd_yantai_stats p8:
        // 101 between the 款 row and 02 is 01). Its 款 is the one above, or the pieces printed
        // with it (208 | 05 | 00). Otherwise the row stays uncoded: without the piece it would
        // be keyed as its 款.
        if (!xiang_garbled.empty()) {
          std::string parent;
          if (code.empty() && pieces.empty()) {
            parent = last_kuan[s];
          } else if (code.size() == 3 && pieces.size() == 1 && pieces[0].first == "kuan") {
            parent = code + pieces[0].second;
          }
          std::vector<int> between;
          if (parent.size() == 5 && !FunctionClassCode(StripOrdinal(TableKey(name)))) {
            const std::string& sibling = last_xiang[s];
            const int lower = StartsWith(sibling, parent) ? std::stoi(sibling.substr(5)) : 0;
            int upper = 100;
            if (r + 1 < grid.row_count) {
              const std::string next = TableKey(grid.TextAt(r + 1, xiang_column));
              if (next.size() == 2 && AllDigits(next) && next != "00") upper = std::stoi(next);
            }
            for (const int piece : PiecesReadAs(xiang_garbled)) {
              if (piece > lower && piece < upper) between.push_back(piece);
            }
          }
          pieces.clear();
          code.clear();
          const std::string by_name = CodeNamedAmong(parent, between, name);
          if (between.size() == 1 || !by_name.empty()) {
            code = by_name.empty() ? parent + TwoDigits(between[0]) : by_name;
            AppendNote(codes_inferred,
                       InferredPieceNote("", xiang_garbled, code, 5, by_name.empty() ? "" : name));
          }
        }
        // A 项 row whose 款 piece was misread is under the 款 row above it.
        if (kuan_unread && code.size() == 3 && pieces.size() == 1 && pieces[0].first == "xiang" &&
            StartsWith(last_kuan[s], code)) {
          code = last_kuan[s] + pieces[0].second;
          pieces.clear();
        } else if (kuan_unread && code.size() == 3 && !pieces.empty() &&
                   pieces[0].first == "xiang") {
          pieces.clear();  // not joined to the class: its 款 is not known
        }
        // A 项 row whose 款 piece the scan lost (210 | | 01) or cut to one digit in a column that
        // pads its pieces (210 | 1 | 03 for 210 | 11 | 03; s3w_0083_final), under a 款 row of its
        // class: a 项 row prints under its own 款, so the piece is the one above when the reading
        // allows it. Joined to the class alone the row would key a 款 (21001) or a 项 of another
        // 款 (2100103), and its 款's sums would fail.
        if (code.size() == 3 && StartsWith(last_kuan[s], code) && last_kuan[s].size() == 5) {
          const std::string above = last_kuan[s].substr(3);
          const bool lost = kuan_blank && pieces.size() == 1 && pieces[0].first == "xiang";
          bool cut = false;
          // One digit read (padded to 0d below): 1 for 11, whether the column pads or not (a
          // column printing 11 and 12 only pads nothing, and Excel's 02 printed 2 is 02 above).
          const std::string digit =
              pieces.empty() || pieces[0].second.size() != 2 ? "" : pieces[0].second.substr(1);
          if (kuan_single && pieces.size() == 2 && pieces[0].first == "kuan" &&
              pieces[1].first == "xiang" && pieces[0].second != above) {
            for (const int piece : PiecesReadAs(digit)) cut = cut || TwoDigits(piece) == above;
          }
          if (lost || cut) {
            code = last_kuan[s] + pieces.back().second;
            AppendNote(codes_inferred, "款 '" + (lost ? std::string() : digit) + "' as " + above +
                                           " (" + code + ", under the 款 row above)");
            pieces.clear();
          }
        }
        if (!pieces.empty()) {
          std::string joined;
          for (const auto& piece : pieces) joined += piece.second;
          if (code.size() == 3) {
            code += joined;
          } else if (code.empty()) {
            const bool xiang_only = pieces.size() == 1 && pieces[0].first == "xiang";
            if (xiang_only && !last_kuan[s].empty()) {
              code = last_kuan[s] + joined;
            } else if (!xiang_only && !last_class[s].empty()) {
              // A 项 piece under a class whose 款 row was unreadable (OCR's "tl" for 11) is
              // left uncoded: joined to the class it would make a 款 code (210 + 01 = 21001).
              code = last_class[s] + joined;
            }
          }
          if (!IsClassCode(code)) code.clear();
        }
        // A 类 row whose code the scan garbled is coded by its name, read by nearness when
        // misread too (城乡和区文出); the rows under it join that class, or, when the name
        // names none, no class: joined to the class above they would be keyed wrong (212's
        // 01 | 01 as 2101101 under 210).
        if (class_unread && code.empty() && pieces.empty()) {
          std::optional<std::string> class_code;
          if (IsFunctionCodedKind(table.kind)) {
            const std::string printed = StripOrdinal(TableKey(name));
            class_code = FunctionClassCode(printed);
            if (!class_code) {
              if (std::optional<std::string> label =
                      NearestOcrLabel(name, LabelVocabulary::kSummaryRows)) {
                class_code = FunctionClassCode(*label);
                if (class_code) {
                  AppendNote(labels_matched, "'" + name + "' as " + *label);
                }
              }
            }
          }
          if (class_code) {
            code = *class_code;
          } else {
            last_class[s].clear();
            last_kuan[s].clear();
          }
        }
        // A code a scan misread into another of its class (2200104 read 2200101, a serif 4 read
        // 1): it keys a row already keyed, breaks its siblings' ascending order, ends in 00 or
        // is no code the documents print, and the row's name is the name the classification
        // gives the code one confusable digit away, not the one read. Its 项 rows follow a 款
        // so re-keyed. A known code read in order is as printed, whatever the name.
        const auto misplaced = [&](const std::string& read) {
          const std::string& sibling = read.size() == 7 ? last_xiang[s] : last_kuan[s];
          const bool out_of_order = sibling.size() == read.size() &&
                                    StartsWith(sibling, read.substr(0, read.size() - 2)) &&
                                    sibling >= read;
          return out_of_order || EndsWith(read, "00") || KnownFunctionSubclassNames(read).empty() ||
                 std::any_of(table.rows.begin(), table.rows.end(),
                             [&](const CanonicalRow& row) { return row.row_code == read; });
        };
        // A class code misread (205 read 209 over 教育支出, cq_city_commerce p9) beside the name
        // of another class: the name, printed in full, says which class the row is, and its
        // 款 rows (20503) follow it, not the misread one.
        if (label_ocr && IsFunctionCodedKind(table.kind) && code.size() == 3 && pieces.empty()) {
          const std::optional<std::string> named = FunctionClassCode(StripOrdinal(TableKey(name)));
          if (named && *named != code) {
            AppendNote(codes_inferred,
                       "'" + code + "' as " + *named + " by its name '" + name + "'");
            code = *named;
          }
        }
        if (label_ocr && IsFunctionCodedKind(table.kind) &&
            (code.size() == 5 || code.size() == 7) && misplaced(code)) {
          const std::string named = CodeMisreadAsAnother(code, name);
          if (!named.empty()) {
            AppendNote(codes_inferred,
                       "'" + code + "' as " + named + " by its name '" + name + "'");
            code = named;
          }
        }
        // A row left with no code (the scan lost it: 事业运行 among 22001's 项 rows, 自然灾害防治
        // under 224; or its garbled piece allowed several), with amounts: its code is a child of
        // the 款 or class above it, after the last code keyed, whose classification name the row
        // reads, when clearly one (NearestSubclassCode).
        if (label_ocr && code.empty() && pieces.empty() && !summary && !three_public &&
            IsFunctionCodedKind(table.kind) && !last_class[s].empty() &&
            !IsTotalWord(TableKey(name)) && RowPrintsAmounts(grid, r, segment.amounts)) {
          std::string previous;
          for (auto row = table.rows.rbegin(); row != table.rows.rend() && previous.empty();
               ++row) {
            if (AllDigits(row->row_code)) previous = row->row_code;
          }
          std::vector<std::string> candidates;
          for (const std::string& parent : {last_kuan[s], last_class[s]}) {
            if (parent.empty()) continue;
            for (std::string& child : KnownFunctionChildCodes(parent)) {
              // Code order is string order: a parent (224) precedes its children (22406).
              if (child > previous) candidates.push_back(std::move(child));
            }
          }
          if (std::optional<std::string> named = NearestSubclassCode(name, candidates)) {
            AppendNote(codes_inferred, "a row with no code read as " + *named + " by its name '" +
                                           name + "' after " + previous);
            code = *named;
          }
        }
        if (code.size() == 3) {
          last_class[s] = code;
          last_kuan[s].clear();
        } else if (code.size() == 5) {
          last_kuan[s] = code;
          last_class[s] = code.substr(0, 3);
        } else if (code.size() == 7) {
          last_xiang[s] = code;
        }

        // Figures of this segment; a 合计 label whose amount sits in a later
        // segment's column (公用经费合计 spanning to the last 金额).
        std::vector<std::pair<int, std::string>> amount_columns;
        for (int c : segment.amounts) {
          amount_columns.emplace_back(c, table.column_keys[static_cast<std::size_t>(c)]);
        }
        const bool any_text = RowPrintsAmounts(grid, r, segment.amounts);
        if (!any_text && !amount_columns.empty() && !name.empty() &&
            (EndsWith(TableKey(name), "合计") || (summary && EndsWith(TableKey(name), "小计")))) {
          // The first filled cell to the right, when it is a number.
          const int from = segment.amounts.back() + 1;
          for (int c = from; c < grid.column_count; ++c) {
            const std::string_view text = grid.TextAt(r, c);
            if (Trim(text).empty()) continue;
            if (ParseAmountText(text).kind == AmountKind::kNumber) {
              amount_columns = {{c, amount_columns.back().second}};
              for (std::size_t t = s + 1; t < segments.size(); ++t) {
                if (std::find(segments[t].amounts.begin(), segments[t].amounts.end(), c) !=
                    segments[t].amounts.end()) {
                  consumed.push_back(c);
                }
              }
            }
            break;
          }
        }
        // A table of one figure row and no label column (Jiangsu 支出预算总表:
        // 合计 | 基本支出 | 项目支出 | 单位预留机动经费 across) holds the totals.
        if (code.empty() && name.empty() && segments.size() == 1 && segment.labels.empty() &&
            any_text) {
          name = "合计";
          code.clear();
        }
        if (code.empty() && name.empty()) {
          if (any_figure_table && table.kind != "other") {
            NoteUnlabelledAmounts(table, grid, part.block, r, amount_columns, consumed,
                                  table_index);
          }
          continue;
        }
        auto name_key_of = [](const std::string& text) { return StripOrdinal(TableKey(text)); };
        // A name cut by a page break or a wrapped cell: its second half
        // stands alone, with no code and no figure, under a coded row
        // ("财政对城乡居民基本医疗保险" / "基金的补助").
        if (code.empty() && !any_text && !table.rows.empty() && !summary && !three_public &&
            IsClassCode(table.rows.back().row_code) && !FunctionClassCode(name_key_of(name)) &&
            !IsTotalWord(TableKey(name))) {
          CanonicalRow& previous = table.rows.back();
          previous.row_name += name;
          for (Figure& figure : previous.values) figure.row_name = previous.row_name;
          continue;
        }

        CanonicalRow row;
        row.row_name = name;
        row.source_block = part.block;
        row.source_row = r;
        std::string name_key = StripOrdinal(TableKey(name));
        if (code.empty() && label_ocr && (summary || three_public)) {
          if (std::optional<std::string> label =
                  NearestOcrLabel(name, summary ? LabelVocabulary::kSummaryRows
                                                : LabelVocabulary::kThreePublicRows)) {
            AppendNote(labels_matched, "'" + name + "' as " + *label);
            name_key = *label;
          }
        }
        if (!code.empty()) {
          // A summary's classes are its expenditure lines, coded or not.
          row.row_code = summary ? "expenditure." + code : code;
          row.level = code.size() == 3 ? 1 : code.size() == 5 ? 2 : 3;
        } else if (summary) {
          bool expenditure = segments.size() >= 2 ? s >= 1 : expenditure_side[0];
          std::string key;
          if (!expenditure) {
            // Both sides' labels read as one on a scan: the row is neither side's (its amounts
            // are named as a row not keyed).
            const bool both_sides = label_ocr && RunsIntoAnExpenditureClass(name_key);
            if (!both_sides) key = IncomeKey(name_key);
            if (key.empty() && !both_sides && segments.size() < 2) {
              std::string other = ExpenditureKey(name_key);
              if (!other.empty()) {
                expenditure = true;
                expenditure_side[0] = true;
                key = other;
              }
            }
            if (!expenditure && !key.empty()) {
              if (key == "opening_carryover") {
                opening_seen = true;
              } else if (opening_seen && (key == "general_budget_appropriation" ||
                                          key == "gov_fund_appropriation" ||
                                          key == "state_capital_appropriation")) {
                key = "opening_carryover." + key.substr(0, key.find("_appropriation"));
              } else if (opening_seen && key == "non_fiscal_carryover") {
                key = "opening_carryover.non_fiscal";
              } else if (opening_seen && (key == "fiscal_appropriation" ||
                                          key == "fiscal_special_account" || key == "unit_funds")) {
                // 上年结转结余 / 1.财政拨款结转 / 2.非财政拨款结转结余 / 其中：单位资金
                key = "opening_carryover." + key;
              } else if (key == "grand_total" || key == "total_current_year") {
                opening_seen = key == "total_current_year" ? opening_seen : false;
              }
            }
          } else {
            key = ExpenditureKey(name_key);
            // A class name a scan read cut at its cell's edge (二、自然资源海洋气, H s3w_0097).
            if (key.empty() && label_ocr) key = CutFunctionClassCode(name_key).value_or("");
            // One read after a garbled ordinal (1、1上加科学技术支出, H10 s3w_0151_final).
            if (key.empty() && label_ocr) {
              key = FunctionClassCodeAfterAGarbledPrefix(name_key).value_or("");
            }
          }
          if (key == "total_current_year") {
            bool& seen = expenditure ? expenditure_year_total_seen : income_year_total_seen;
            if (seen && (name_key == "收入合计" || name_key == "支出合计")) key = "grand_total";
            seen = true;
          }
          if (!key.empty()) {
            row.row_code = (expenditure ? "expenditure." : "income.") + key;
            if (expenditure && AllDigits(key))
              row.level = static_cast<int>(key.size() == 3 ? 1 : key.size() == 5 ? 2 : 3);
          }
        } else if (three_public) {
          row.row_code = ThreePublicKey(name_key);
          // Counts and sub-items: kept, not figures. A scan's row whose name reads as no item
          // keeps its figures, unkeyed (row.unkeyed names them): its 合计 read 全 was dropped
          // with its figure, silently (H29 s3w_0460_budget), until its sum keys it
          // (KeyUncodedTotalsBySums).
          if ((row.row_code.empty() && !label_ocr) || IsCountRow(name_key)) {
            table.rows.push_back(std::move(row));
            continue;
          }
        } else if (const std::string total_key = StripTrailingColon(name_key);
                   total_key == "合计" || total_key == "总计" || total_key == "合计数" ||
                   (label_ocr && IsMisreadTotalWord(total_key) &&
                    std::none_of(
                        table.rows.begin(), table.rows.end(),
                        [](const CanonicalRow& done) { return !done.row_code.empty(); }))) {
          row.row_code = "total";
        } else if (Has(name_key, "人员经费合计") || name_key == "人员经费") {
          row.row_code = "personnel_total";
        } else if (Has(name_key, "公用经费合计") || name_key == "公用经费") {
          row.row_code = "public_total";
        } else if (IsFunctionCodedKind(table.kind)) {
          if (std::optional<std::string> class_code = FunctionClassCode(name_key)) {
            row.row_code = *class_code;
            row.level = 1;
          } else if (EndsWith(table.kind, ".income")) {
            // An income table listing sources down the page (收入总计 /
            // 一般公共预算资金 / 其他资金) rather than classes; on a scan, a source misread
            // (`般公共据算资金) by the nearest of the summaries' labels.
            std::string key = IncomeKey(name_key);
            if (key.empty() && label_ocr) {
              if (std::optional<std::string> label =
                      NearestOcrLabel(name, LabelVocabulary::kSummaryRows)) {
                key = IncomeKey(*label);
                if (!key.empty()) AppendNote(labels_matched, "'" + name + "' as " + *label);
              }
            }
            if (!key.empty()) row.row_code = "income." + key;
          }
        }
        if (any_figure_table) {
          for (const auto& [c, column] : amount_columns) {
            if (column.empty()) continue;
            if (std::find(consumed.begin(), consumed.end(), c) != consumed.end() &&
                std::find(segment.amounts.begin(), segment.amounts.end(), c) !=
                    segment.amounts.end()) {
              continue;  // taken by a 合计 printed further left
            }
            AddFigure(table, row, grid, part.block, r, c, column, table_index);
          }
        }
        table.rows.push_back(std::move(row));
      }
    }
  }
  if (!labels_matched.empty()) {
    AddTableFinding(
        findings_, "ocr.label_matched", Severity::kInfo,
        "table '" + table.printed_title +
            "': OCR'd labels keyed by the nearest label standard tables print: " + labels_matched,
        first.table->provenance);
  }
  if (!codes_inferred.empty()) {
    AddTableFinding(findings_, "ocr.code_inferred", Severity::kInfo,
                    "table '" + table.printed_title +
                        "': OCR'd code pieces misread (a digit lost or added, a serif 6 read 0, "
                        "digits read as a word), keyed by what the rows around them allow and, "
                        "where several fit, by the name the classification gives: " +
                        codes_inferred,
                    first.table->provenance);
  }
  if (columnar_three_public) ReportColumnsOfOneItem(table, first.table->provenance);
}

CanonicalTable ReadRows(StitchedTable table, const TableColumns& columns,
                        const RowsOptions& options, int table_index,
                        std::vector<Finding>& findings) {
  return RowReader(options, findings).Read(std::move(table), columns, table_index);
}

}  // namespace disclose
