// A table row read as a paragraph: a label or class code followed by bare amounts, outside any
// grid, next to a standard table (a table's only body row under a header repeated on the next
// page, a 合计 row left alone at a page foot, the first rows of a page whose rows were too few
// to make a grid). Its amounts are no figure of the table, and no sum can say so when the row is
// the table's total. A row whose key the table lacks and that prints one amount per figure
// column is read into the table (table.row_from_text); any other is named by a
// table.row_as_text finding (issue 10, "no wrong figure without a finding").
//
// This file is the stage (ReportRowsReadAsText): which table a paragraph is next to, and per
// paragraph whether its rows are read or named; normalize/row_text.h lists the files it draws on.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/row_text.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

// The table a paragraph belongs to: the next table when that table's title or a unit line is
// printed between the table before and the paragraph (the rows under a title whose grid starts on
// the next page), else the table before it, else the next one. Only tables within a page of the
// paragraph (or, without pages, within a few blocks) count.
int NearestTable(const std::vector<std::pair<int, int>>& table_blocks,
                 const std::vector<CanonicalTable>& tables, const Document& document, int block,
                 int page) {
  constexpr int kMaxBlocksApart = 12;
  int before = -1;
  int after = -1;
  for (std::size_t i = 0; i < table_blocks.size(); ++i) {
    if (table_blocks[i].first < block) before = static_cast<int>(i);
    if (table_blocks[i].first > block) {
      after = static_cast<int>(i);
      break;
    }
  }
  auto near = [&](int index) {
    if (index < 0) return false;
    const int table_block = table_blocks[static_cast<std::size_t>(index)].first;
    if (std::abs(table_block - block) > kMaxBlocksApart) return false;
    const CanonicalTable& table =
        tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(index)].second)];
    if (page <= 0 || table.pages.empty()) return true;
    const int first = table.pages.front();
    const int last = table.pages.back();
    return page >= first - 1 && page <= last + 1;
  };
  if (near(after)) {
    const CanonicalTable& next =
        tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(after)].second)];
    const std::string title = TableKey(next.printed_title);
    std::string previous_title;
    if (before >= 0) {
      previous_title = TableKey(
          tables[static_cast<std::size_t>(table_blocks[static_cast<std::size_t>(before)].second)]
              .printed_title);
    }
    const int from = before >= 0 ? table_blocks[static_cast<std::size_t>(before)].first + 1 : 0;
    bool previous_repeated = false;  // the table above repeats its title: its unit line follows
    bool unit_line = false;
    for (int b = std::max(from, block - kMaxBlocksApart); b < block; ++b) {
      const Paragraph* paragraph = document.blocks[static_cast<std::size_t>(b)].AsParagraph();
      if (paragraph == nullptr) continue;
      const std::string key = TableKey(paragraph->text);
      if (!title.empty() && Has(key, title))
        return table_blocks[static_cast<std::size_t>(after)].second;
      if (!previous_title.empty() && Has(key, previous_title)) previous_repeated = true;
      // A unit line not under the table above's repeated title opens the next table's preamble
      // (表3 / 单位：元 above a header left on the page before its grid).
      if (!previous_repeated && UnitInLines(paragraph->text)) unit_line = true;
    }
    if (unit_line) return table_blocks[static_cast<std::size_t>(after)].second;
  }
  if (near(before)) return table_blocks[static_cast<std::size_t>(before)].second;
  if (near(after)) return table_blocks[static_cast<std::size_t>(after)].second;
  return -1;
}

// A row's text without the table's note that the reader joined to it (合计 9,500.96 3,818.50
// 注：本表金额…: the last row over the note line, read as one paragraph): the note starts right
// after the row's last amount. The text as it is when no note follows an amount.
std::string WithoutNoteAfter(std::string_view text) {
  for (std::string_view note : {"注：", "注:"}) {
    const std::size_t at = text.find(note);
    if (at == std::string_view::npos || at == 0) continue;
    std::string before = Trim(text.substr(0, at));
    if (!before.empty() && IsAsciiDigit(before.back())) return before;
  }
  return std::string(text);
}

namespace {

// How a finding names a line of text beside a table: "a paragraph on page 5 next to table 'T'
// (kind)"; a text export has no page, and no table (null) is "an unclassified table".
std::string ParagraphNextTo(const Paragraph& paragraph, const CanonicalTable* table) {
  const int page = paragraph.provenance.page;
  return "a paragraph" + (page > 0 ? " on page " + std::to_string(page) : std::string()) +
         (table == nullptr ? std::string(" next to an unclassified table")
                           : " next to table '" + table->printed_title + "' (" + table->kind + ")");
}

// A table.row_as_text warning on `paragraph`, quoting `text`; its figures and message to add.
Finding RowAsTextWarning(const Paragraph& paragraph, const std::string& text) {
  Finding finding;
  finding.check = "table.row_as_text";
  finding.severity = Severity::kWarning;
  finding.provenance = paragraph.provenance;
  finding.printed_text = Trim(text);
  return finding;
}

// An OCR'd line that reads as a table row next to no standard table, on the page of an
// unclassified table a few blocks from it (s3w_0096_final: a summary under a title wrapped over
// two lines, its first rows read as lines above a grid identify left as kind other): the grid's
// figures are named by table.unclassified, and this line's amounts by a table.row_as_text
// warning beside it, under kind other (its amounts referred to when the table's unit is known,
// quoted always), so that none is lost in silence.
void NameBesideUnclassified(const Document& document, const std::vector<CanonicalTable>& tables,
                            const std::vector<std::pair<int, int>>& other_blocks, int block,
                            const std::string& text, const std::vector<RowPiece>& rows,
                            const Paragraph& paragraph, std::vector<Finding>& findings) {
  constexpr int kMaxBlocksApart = 12;
  const int page = paragraph.provenance.page;
  const CanonicalTable* table = nullptr;
  int distance = kMaxBlocksApart + 1;
  for (const auto& [table_block, index] : other_blocks) {
    const CanonicalTable& other = tables[static_cast<std::size_t>(index)];
    const Block& grid = document.blocks[static_cast<std::size_t>(table_block)];
    const Provenance* where = grid.AsTable() != nullptr ? &grid.AsTable()->provenance : nullptr;
    if (where == nullptr || where->page != page) continue;
    if (std::abs(table_block - block) < distance) {
      distance = std::abs(table_block - block);
      table = &other;
    }
  }
  if (table == nullptr) return;
  Finding finding = RowAsTextWarning(paragraph, text);
  std::string quoted;
  for (const RowPiece& row : rows) {
    for (const std::string& amount : row.amounts) {
      quoted += " " + amount;
      if (table->unit == UnitOfAmount::kUnknown) continue;
      if (const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amount), table->unit)) {
        finding.figures.push_back(FigureRef{"other", "", "", *fen, paragraph.provenance});
      }
    }
  }
  if (quoted.empty()) return;
  finding.message = ParagraphNextTo(paragraph, nullptr) + " reads as a table row, '" +
                    CollapseWhitespace(text) + "': its amounts" + quoted +
                    " are not read as figures (no standard table is near it)";
  findings.push_back(std::move(finding));
}

// A table's header printed over its first row on a scan (a continued table's repeated header,
// C s3w_0092_final: `科目编码 科扯党绩共支出 合计 133,150.53基本支出 47,258.98 项目支出
// 85,891.55`): each amount follows its column's header word, so the line splits into one-amount
// pieces, the second and later labelled by a header word. When the first piece prints no code and
// its label ends with the first figure column's word (合计, 本年收入合计) and each later piece's
// label keys the next figure column in order, the pieces are one row, its label without the header
// word.
void JoinHeaderWordPieces(const CanonicalTable& table, std::vector<RowPiece>& rows) {
  const std::vector<std::string> columns = AmountColumns(table);
  if (rows.size() < 2 || columns.empty() || !rows[0].code.empty() || rows[0].amounts.size() != 1) {
    return;
  }
  const std::string label = CollapseWhitespace(rows[0].label);
  const std::size_t space = label.rfind(' ');
  const std::string last = space == std::string::npos ? label : label.substr(space + 1);
  if (LeafKey(TableKey(last)) != columns[0]) return;
  std::size_t joined = 1;
  std::size_t filled = 1;
  while (joined < rows.size() && filled < columns.size() && rows[joined].code.empty() &&
         rows[joined].printed.empty() && LeafKey(TableKey(rows[joined].label)) == columns[filled] &&
         filled + rows[joined].amounts.size() <= columns.size()) {
    filled += rows[joined].amounts.size();
    ++joined;
  }
  if (joined < 2) return;
  RowPiece row = rows[0];
  row.label = space == std::string::npos ? std::string() : label.substr(0, space);
  for (std::size_t k = 1; k < joined; ++k) {
    row.amounts.insert(row.amounts.end(), rows[k].amounts.begin(), rows[k].amounts.end());
  }
  rows.erase(rows.begin(), rows.begin() + static_cast<long>(joined));
  rows.insert(rows.begin(), std::move(row));
}

// A continued table's header repeated at a page top and read as one line with the row under it
// (H21 s3w_0325_budget: `笠鼎编码 科目名称 合计 过般公共:预算拨款 其他收入2130101 行政运行
// 5,631.31 5,631.31`): header words, a speck read as a colon among them, then the row. When the
// text before the first class code holds at least two words standard headers print, it is the
// header, and the line is the row after it; otherwise the line as printed. A header part that
// prints amounts holds a row of its own, printed over by the header (项9汰科攻运行 合计 92.13
// 一般公共预算拨款 92.13 其他收入2200504 …, H29 s3w_0461_budget's 2200501 under the repeated
// header): cut off, its amounts were lost in silence; kept, its row is read or named.
std::string WithoutAHeaderPrintedOver(const std::string& text) {
  static const std::vector<std::string_view> kHeaderWords = {
      "科目名称", "科目编码", "功能分类", "经济分类", "合计",     "基本支出",
      "项目支出", "人员经费", "公用经费", "其他收入", "财政拨款", "栏次"};
  const std::string folded = FoldForMatching(text);
  for (const auto& [start, end] : DigitRuns(folded)) {
    const std::string code = folded.substr(start, end - start);
    // Digits of the header (栏次 1 2 3) are passed over; the first class code is the row's.
    if (!IsClassCode(code)) continue;
    if (end == folded.size()) break;
    const std::string header = folded.substr(0, start);
    int words = 0;
    for (std::string_view word : kHeaderWords) words += Has(header, word) ? 1 : 0;
    bool amounts = false;
    for (std::size_t i = 0; i + 2 < header.size() && !amounts; ++i) {
      amounts = IsAsciiDigit(static_cast<unsigned char>(header[i])) &&
                (header[i + 1] == '.' || header[i + 1] == ',') &&
                IsAsciiDigit(static_cast<unsigned char>(header[i + 2]));
    }
    if (words >= 2 && !amounts) return folded.substr(start);
    break;
  }
  return text;
}

}  // namespace

namespace {

// A scan's line that opens with a class code and prints pieces of amounts none of which reads as
// one (H10 s3w_0159_final: `208 社会保障和 26,688,566. 26,688.566.`, the row's decimals wrapped
// into the grid below and one comma read as a point): no row can be read from it, and its
// figures would be lost in silence. A table.row_as_text warning names the code under the nearest
// table's kind, with each piece that parses as a number read as far as it goes.
void NameCodedLineNotRead(const Document& document,
                          const std::vector<std::pair<int, int>>& table_blocks,
                          const std::vector<CanonicalTable>& tables, int block,
                          const std::string& text, const Paragraph& paragraph,
                          std::vector<Finding>& findings) {
  const std::string folded = FoldForMatching(text);
  const std::vector<std::pair<std::size_t, std::size_t>> runs = DigitRuns(folded);
  if (runs.empty() || runs.front().first != 0) return;
  const std::string code = folded.substr(0, runs.front().second);
  if (!IsClassCode(code)) return;
  std::vector<std::string> pieces;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    const std::string piece = folded.substr(runs[i].first, runs[i].second - runs[i].first);
    if (piece.find_first_of(".,") != std::string::npos) pieces.push_back(piece);
  }
  if (pieces.empty()) return;
  const int t = NearestTable(table_blocks, tables, document, block, paragraph.provenance.page);
  if (t < 0) return;
  const CanonicalTable& table = tables[static_cast<std::size_t>(t)];
  Finding finding = RowAsTextWarning(paragraph, text);
  std::string quoted;
  for (const std::string& piece : pieces) {
    std::string digits = piece;
    while (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) digits.pop_back();
    const std::optional<std::int64_t> fen = ToFen(ParseAmountText(digits), table.unit);
    finding.figures.push_back(
        FigureRef{table.kind, code, "", fen.value_or(0), paragraph.provenance});
    quoted += " '" + piece + "'";
  }
  finding.message = ParagraphNextTo(paragraph, &table) + " opens with the class code " + code +
                    " and prints" + quoted +
                    ", which read as no amount (cut by a wrap or misread by the scan): the row's "
                    "figures are not read";
  findings.push_back(std::move(finding));
}

}  // namespace

void ReportRowsReadAsText(const Document& document, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings) {
  // Standard tables by the first block of each of their grids, in block order.
  std::vector<std::pair<int, int>> table_blocks;  // block, table index
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::string& kind = tables[t].kind;
    if (!StartsWith(kind, "budget.") && !StartsWith(kind, "final.")) continue;
    if (tables[t].unit == UnitOfAmount::kUnknown) continue;
    for (int block : tables[t].source_blocks) {
      table_blocks.emplace_back(block, static_cast<int>(t));
    }
  }
  // Unclassified tables (kind other), by their first block: an OCR'd line beside one and near
  // no standard table is named beside it (NameBesideUnclassified).
  std::vector<std::pair<int, int>> other_blocks;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (tables[t].kind != "other" || tables[t].source_blocks.empty()) continue;
    other_blocks.emplace_back(tables[t].source_blocks.front(), static_cast<int>(t));
  }
  if (table_blocks.empty() && other_blocks.empty()) return;
  std::sort(table_blocks.begin(), table_blocks.end());
  // Paragraphs a table was read from (ReadUngriddedThreePublic) are rows of that table already.
  std::set<int> read_blocks;
  for (const CanonicalTable& table : tables) {
    for (int block : table.source_blocks) {
      if (block >= 0 && static_cast<std::size_t>(block) < document.blocks.size() &&
          document.blocks[static_cast<std::size_t>(block)].AsParagraph() != nullptr) {
        read_blocks.insert(block);
      }
    }
  }

  for (const int block :
       ReadRowsWithAmountsBeforeCodes(document, table_blocks, tables, read_blocks, findings)) {
    read_blocks.insert(block);
  }

  // A row prints a few cells: a longer paragraph is prose, whatever its punctuation.
  constexpr std::size_t kMaxRowBytes = 400;
  // What is left of a paragraph whose first pieces were the rests of the row above
  // (JoinCutHeads): the block and its text without them.
  std::size_t carried_block = document.blocks.size();
  std::string carried;
  for (std::size_t b = 0; b < document.blocks.size(); ++b) {
    const Paragraph* paragraph = document.blocks[b].AsParagraph();
    if (paragraph == nullptr || read_blocks.count(static_cast<int>(b)) != 0) continue;
    std::string text = WithoutNoteAfter(b == carried_block ? carried : paragraph->text);
    if (text.size() > kMaxRowBytes) continue;
    if (paragraph->provenance.origin == TextOrigin::kOcr) {
      text = WithDecimalPointsRead(WithoutAHeaderPrintedOver(text));
    }
    if (HasSentencePunctuation(
            paragraph->provenance.origin == TextOrigin::kOcr ? WithAmountCommasRead(text) : text)) {
      continue;
    }
    // Amounts joined from heads cut anywhere are named, never read (JoinCutHeads).
    bool names_only = false;
    if (b + 1 < document.blocks.size()) {
      const Paragraph* next = document.blocks[b + 1].AsParagraph();
      std::string joined;
      std::string remainder;
      if (next != nullptr && JoinWrappedRests(text, next->text, joined)) {
        text = joined;
        ++b;  // the rests are read with their heads
      } else if (next != nullptr && paragraph->provenance.origin == TextOrigin::kOcr &&
                 next->provenance.origin == TextOrigin::kOcr &&
                 read_blocks.count(static_cast<int>(b + 1)) == 0 &&
                 JoinCutHeads(text, next->text, joined, remainder)) {
        text = joined;
        names_only = true;
        if (remainder.empty()) {
          ++b;  // the next line held the rests only
        } else {
          carried_block = b + 1;
          carried = remainder;
        }
      }
    }
    std::vector<RowPiece> rows;
    if (!SplitRowText(text, rows) || rows.empty()) {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        NameCodedLineNotRead(document, table_blocks, tables, static_cast<int>(b), text, *paragraph,
                             findings);
      }
      continue;
    }
    const int page = paragraph->provenance.page;
    const int t = NearestTable(table_blocks, tables, document, static_cast<int>(b), page);
    if (t < 0) {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        NameBesideUnclassified(document, tables, other_blocks, static_cast<int>(b), text, rows,
                               *paragraph, findings);
      }
      continue;
    }
    CanonicalTable& table = tables[static_cast<std::size_t>(t)];
    // A scan's digit lookalikes in an amount: the row read whole, with the amount its sum
    // settles (SettleLookalikeReadings).
    std::vector<SettledAmount> settled;
    if (paragraph->provenance.origin == TextOrigin::kOcr && !IsSummaryKind(table.kind)) {
      const std::string folded = FoldForMatching(text);
      std::map<std::size_t, LookalikeRun> runs;
      const std::string read = WithLookalikeRunsRead(folded, runs);
      std::vector<RowPiece> whole;
      if (!runs.empty() && FoldForMatching(read) == read && SplitRowText(read, whole, &runs) &&
          SettleLookalikeReadings(table, whole, rows, settled)) {
        rows = std::move(whole);
      } else {
        settled.clear();
      }
    }

    Finding finding;
    finding.provenance = paragraph->provenance;
    finding.printed_text = Trim(text);
    std::string quoted;
    bool all_read = true;
    std::vector<std::string> summary_keys;
    std::vector<std::vector<std::string>> summary_columns;
    const bool summary = IsSummaryKind(table.kind);
    if (summary) {
      SummaryRowKeys(table, rows, paragraph->provenance.origin == TextOrigin::kOcr, summary_keys,
                     summary_columns);
    }
    const bool ocr = paragraph->provenance.origin == TextOrigin::kOcr;
    if (ocr && !summary && !names_only && settled.empty()) JoinHeaderWordPieces(table, rows);
    std::string keyed_by_sums;  // the code a keyless row's total settled (ParentByOrphanSums)
    for (std::size_t r = 0; r < rows.size(); ++r) {
      // A scan's row whose code was lost under a header printed over it (科目编码 科扯党绩共支出
      // 合计 133,150.53基本支出 …): the parent its table's orphans lack, when its total is their
      // sum (coded rows read as lines of text beside the table count among them).
      if (ocr && !summary && !names_only && rows[r].code.empty() && !rows[r].amounts.empty() &&
          RowKey(table.kind, rows[r]).empty() && IsFunctionCodedKind(table.kind)) {
        const std::vector<std::string> all = AmountColumns(table);
        const std::optional<std::int64_t> total =
            ToFen(ParseAmountText(rows[r].amounts.front()), table.unit);
        if (!all.empty() && all.front() == "total" && total) {
          const std::string parent =
              ParentByOrphanSums(table, *total, CodedRowsBeside(document, table_blocks, tables, t));
          if (!parent.empty()) {
            rows[r].code = parent;
            keyed_by_sums += " " + parent;
          }
        }
      }
      const RowPiece& row = rows[r];
      const std::string key = summary ? summary_keys[r] : RowKey(table.kind, row);
      std::vector<std::string> columns =
          summary ? summary_columns[r] : RowColumns(table, row.amounts.size());
      if (!summary && columns.empty()) columns = ChildColumns(table, row);
      if (!summary && columns.empty()) columns = RemainderColumns(table, row);
      if (!summary && columns.empty() && paragraph->provenance.origin == TextOrigin::kOcr) {
        columns = EconomicClassColumns(table, row);
      }
      CanonicalRow* const read_row = names_only ? nullptr
                                                : ReadRowIntoTable(table, row, key, columns, t,
                                                                   static_cast<int>(b), *paragraph);
      const bool read = read_row != nullptr;
      all_read = all_read && read;
      for (const SettledAmount& amount : settled) {
        if (!read || amount.row != r) continue;
        Figure& figure = read_row->values[amount.index];
        figure.printed_text = row.printed[amount.index];
        figure.corrected = true;
        Finding repaired;
        repaired.check = "ocr.repaired";
        repaired.severity = Severity::kWarning;
        repaired.printed_text = figure.printed_text;
        repaired.provenance = figure.provenance;
        std::string readings;
        for (const std::string& reading : amount.readings) {
          if (!readings.empty()) readings += ", ";
          readings += reading;
        }
        repaired.message =
            table.kind + " row " + key + " column " + figure.column + ": OCR read '" +
            figure.printed_text + "' in a row read as a line of text, corrected to '" +
            row.amounts[amount.index] + "' (of its readings " + readings +
            ", the only one for which the row's total is the sum of its parts: " + amount.identity +
            ")";
        repaired.figures.push_back(ReferenceTo(figure));
        findings.push_back(std::move(repaired));
      }
      for (std::size_t i = 0; i < row.amounts.size(); ++i) {
        const std::optional<std::int64_t> fen = ToFen(ParseAmountText(row.amounts[i]), table.unit);
        if (!fen) continue;
        const std::string column = read ? columns[i] : "";
        finding.figures.push_back(FigureRef{table.kind, key, column, *fen, paragraph->provenance});
        quoted += ' ';
        if (read) quoted.append(key).append("/").append(column).append("=");
        quoted += row.amounts[i];
      }
    }
    if (finding.figures.empty()) continue;
    const std::string where = ParagraphNextTo(*paragraph, &table) + " reads as a table row, '" +
                              CollapseWhitespace(text) + "'";
    if (all_read) {
      finding.check = "table.row_from_text";
      // A code settled by sums, not printed, is a warning.
      finding.severity = keyed_by_sums.empty() ? Severity::kInfo : Severity::kWarning;
      finding.message = where +
                        ": read as its row(s), one amount per figure column in order, keyed by the "
                        "printed code or label:" +
                        quoted;
      if (!keyed_by_sums.empty()) {
        finding.message += " (code" + keyed_by_sums +
                           " printed unread: the one parent the table lacks whose rows' totals "
                           "sum to the row's total)";
      }
    } else {
      if (paragraph->provenance.origin == TextOrigin::kOcr) {
        for (const std::string& amount : AmountsWithDigitLookalikes(text)) {
          const std::optional<std::int64_t> fen = ToFen(ParseAmountText(amount), table.unit);
          if (!fen) continue;
          finding.figures.push_back(FigureRef{table.kind, "", "", *fen, paragraph->provenance});
          quoted += " " + amount + " (a digit read as its lookalike)";
        }
      }
      finding.check = "table.row_as_text";
      finding.severity = Severity::kWarning;
      finding.message = where + ": its amounts" + quoted +
                        " are not read as figures (a row left out of the grid, e.g. cut off by a "
                        "page break or too few rows to make one)";
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
