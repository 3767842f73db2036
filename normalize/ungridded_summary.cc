// A summary (收入支出总表, 财政拨款收入支出总表) on a scan with no grid: income label | amount ‖
// expenditure label | amounts printed as lines of text, each amount wrapped in its narrow cell
// over two lines. Each line is joined with its line of rests and read as one row of each side,
// keyed by its labels; the table is taken only when its totals read the same on both sides, the
// one check that the lines were read right (ReadUngriddedSummary).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.h"
#include "normalize/amount.h"
#include "normalize/ocr_labels.h"
#include "normalize/row_text.h"
#include "normalize/table_figure.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {

namespace {

// `rest_line` with each word made of digit lookalikes alone read as its digits: a rest of one
// or two digits standing apart under its amount, 7 read 了 (H8 s3w_0126: 19,750,707.0 over 了,
// three times on its fiscal summary's lines, the other rests read 7). A lookalike inside a word
// is a word's character and stays.
std::string RestLookalikesRead(const std::string& rest_line) {
  std::string out;
  std::size_t i = 0;
  while (i < rest_line.size()) {
    if (rest_line[i] == ' ') {
      out += rest_line[i++];
      continue;
    }
    std::size_t end = rest_line.find(' ', i);
    if (end == std::string::npos) end = rest_line.size();
    const std::string word = rest_line.substr(i, end - i);
    std::string digits;
    for (char32_t c : DecodeUtf8(word)) {
      const char digit = OcrLookalikeDigit(c);
      if (digit == 0) {
        digits.clear();
        break;
      }
      digits += digit;
    }
    out += digits.empty() || digits.size() > 2 ? word : digits;
    i = end;
  }
  return out;
}

// The rests a summary line's wrapped amounts left on the line under it, joined back (本年收入合计
// 3,400. 本年支出合计 3,400. 3,400.37 over 37 37, s3w_0049; 一、一般公共预算 498， … over 财政拨款
// 63 62, s3w_0063): JoinWrappedRests with the few words of the rest line left out (the labels
// wrapped too: 款, 出, 财政拨款) and a point a scan read beside a comma (3,400.， over 37) read
// as the point. A head whose point was read as a comma before a two-digit rest is read with the
// point: the reader that takes it checks the summary's sums. The rest line holds a few words at
// most; a line of its own (a label with its amounts) is no rest line.
// Whether an OCR'd line can only be the end of a label wrapped in its cell: one word of a few
// characters, no digit, no ordinal starting a row of its own (二、政府性基金预算拨款 under a row
// is a row, H35 s3w_0555), no sentence mark.
bool IsLabelEndLine(const std::string& text) {
  constexpr std::size_t kMaxEndChars = 8;
  const std::vector<std::string> words = SplitWords(FoldForMatching(text));
  if (words.size() != 1) return false;
  const std::string& word = words.front();
  if (DecodeUtf8(word).size() > kMaxEndChars || HasAsciiDigit(word)) return false;
  // Folded, the sentence marks are 。 and ASCII , ; : (NFKC folds ，；： to them).
  if (Has(word, "。") || word.find_first_of(",;:") != std::string::npos) return false;
  return StripOrdinal(TableKey(word)) == TableKey(word);
}

bool JoinSummaryRests(const std::string& text, const std::string& next, std::string& joined,
                      std::vector<std::string>* label_ends = nullptr) {
  constexpr std::size_t kMaxRestWordBytes = 24;  // eight CJK characters
  std::string line = FoldForMatching(text);
  for (std::size_t at = line.find(".,"); at != std::string::npos; at = line.find(".,")) {
    line.erase(at + 1, 1);
  }
  const std::string rest_line = RestLookalikesRead(FoldForMatching(next));
  std::string rests;
  std::size_t digits = 0;
  std::size_t from = 0;
  if (label_ends != nullptr) label_ends->clear();
  auto words_before = [&](std::size_t to) {
    const std::string words = Trim(rest_line.substr(from, to - from));
    if (label_ends != nullptr && !words.empty()) label_ends->push_back(RemoveAllWhitespace(words));
  };
  for (const auto& [start, end] : DigitRuns(rest_line)) {
    words_before(start);
    from = end;
    rests += rest_line.substr(start, end - start) + " ";
    digits += end - start;
  }
  words_before(rest_line.size());
  // A line not joined leaves no label ends behind: a row of labels alone under a row read short
  // of its label (二、政府性基金预算拨款 under 一、一般公 预算拨款 267.44, H35 s3w_0555) is a
  // row of its own, not the end of the label above.
  if (rests.empty() || RemoveAllWhitespace(rest_line).size() - digits > kMaxRestWordBytes ||
      !JoinWrappedRests(line, rests, joined, /*point_read_as_comma=*/true)) {
    if (label_ends != nullptr) label_ends->clear();
    return false;
  }
  return true;
}

// Whether block `t` is an OCR'd line of a summary's side heads alone (收入 支出) with a header
// line splitting the expenditure side by fund (合计, 一般公共预算, 政府性基金) right under it
// and no summary title just above it; `unit` is a unit line above it, when one is printed.
bool IsFiscalSummaryHeadsLine(const Document& document, std::size_t t,
                              std::optional<UnitDeclaration>& unit) {
  constexpr std::size_t kAbove = 3;  // a title, a number, a unit line
  const Paragraph* heads = document.blocks[t].AsParagraph();
  if (heads == nullptr || RemoveAllWhitespace(FoldForMatching(heads->text)) != "收入支出") {
    return false;
  }
  bool header = false;
  for (std::size_t b = t + 1; b < document.blocks.size() && b <= t + 2 && !header; ++b) {
    const Paragraph* line = document.blocks[b].AsParagraph();
    if (line == nullptr || line->provenance.origin != TextOrigin::kOcr) return false;
    const std::string folded = FoldForMatching(line->text);
    header = Has(folded, "合计") && Has(folded, "一般公共预") && Has(folded, "政府性基金");
  }
  if (!header) return false;
  for (std::size_t b = t; b-- > 0 && b + kAbove >= t;) {
    const Paragraph* line = document.blocks[b].AsParagraph();
    if (line == nullptr) break;
    if (!unit) unit = UnitInLines(line->text);
    if (IsSummaryKind(ClassifyTableTitle(line->text, DocKind::kUnknown))) return false;
  }
  return true;
}

// The row key of a summary label on its side; a label OCR misread (一般公 预算拨款, its 共 lost)
// is keyed by the vocabulary label it stands for (NearestOcrLabel).
std::string SummarySideKey(const std::string& name, bool income) {
  std::string key = income ? IncomeKey(name) : ExpenditureKey(name);
  if (key.empty()) {
    if (const std::optional<std::string> label =
            NearestOcrLabel(name, LabelVocabulary::kSummaryRows)) {
      key = income ? IncomeKey(*label) : ExpenditureKey(*label);
    }
  }
  return key;
}

}  // namespace

void ReadUngriddedSummary(const Document& document, DocKind doc_kind,
                          const TableNumbering* numbering, std::vector<CanonicalTable>& tables,
                          std::vector<Finding>& findings) {
  constexpr std::size_t kMaxLines = 60;  // a summary prints a few dozen lines at most
  for (std::size_t t = 0; t < document.blocks.size(); ++t) {
    const Paragraph* title = document.blocks[t].AsParagraph();
    if (title == nullptr || title->provenance.origin != TextOrigin::kOcr) continue;
    std::string title_line;
    std::string kind;
    for (const std::string& line : SplitLines(title->text)) {
      if (!IsTableTitleLine(line)) continue;
      const std::string line_kind = ClassifyTableTitle(line, doc_kind);
      if (!EndsWith(line_kind, ".fiscal_appropriation_summary") &&
          !EndsWith(line_kind, ".income_expenditure_summary")) {
        continue;
      }
      title_line = CollapseWhitespace(line);
      kind = line_kind;
    }
    // A number printed alone (公开01表): the kind of the title the document's list gives it.
    if (kind.empty()) {
      const std::string numbered = KindOfANumberOnlyTitle(title->text, doc_kind, numbering);
      if (EndsWith(numbered, ".fiscal_appropriation_summary") ||
          EndsWith(numbered, ".income_expenditure_summary")) {
        kind = numbered;
        title_line = CollapseWhitespace(title->text);
      }
    }
    // Untitled (its title number-only, 公开03表, s3w_0049): the side heads' line 收入 支出 over
    // a header that splits the expenditure side by fund (合计 一般公共预算… 政府性基金…) is a
    // fiscal summary's, and no summary title stands just above it.
    std::optional<UnitDeclaration> untitled_unit;
    const bool untitled = kind.empty() && doc_kind != DocKind::kUnknown &&
                          IsFiscalSummaryHeadsLine(document, t, untitled_unit);
    if (untitled) {
      kind = std::string(doc_kind == DocKind::kBudget ? "budget." : "final.") +
             "fiscal_appropriation_summary";
    }
    if (kind.empty()) continue;
    const bool read = std::any_of(tables.begin(), tables.end(), [&](const CanonicalTable& table) {
      return table.kind == kind &&
             std::any_of(table.rows.begin(), table.rows.end(),
                         [](const CanonicalRow& row) { return !row.values.empty(); });
    });
    if (read) continue;
    const bool fiscal = EndsWith(kind, ".fiscal_appropriation_summary");
    std::optional<UnitDeclaration> unit = untitled ? untitled_unit : UnitInLines(title->text);
    // The lines that print amounts, each with the line of rests joined to it.
    struct Line {
      std::string text;
      std::vector<int> blocks;
      const Paragraph* paragraph = nullptr;
      std::vector<std::string> label_ends;  // words of the rest line, in order
    };
    std::vector<Line> lines;
    std::optional<Box> header;  // a fiscal summary's header line: 合计 … 政府性基金
    bool grid = false;
    std::size_t count = 0;
    for (std::size_t b = t + 1; b < document.blocks.size() && count < kMaxLines; ++b, ++count) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      if (line == nullptr) {
        grid = true;  // the title's grid: the table stages read it
        break;
      }
      if (EndsLinesUnderATitle(*line, doc_kind)) break;
      // Another table's number alone, once money lines were read.
      if (!lines.empty() && IsTableNumberOnlyLine(line->text)) break;
      const bool ocr = line->provenance.origin == TextOrigin::kOcr;
      const std::string text = ocr ? WithDecimalPointsRead(line->text) : line->text;
      const std::string folded = FoldForMatching(text);
      if (const std::optional<UnitDeclaration> declared = UnitInLines(line->text)) {
        if (!unit) unit = declared;
        continue;
      }
      if (Has(folded, "合计") && Has(folded, "政府性基金")) {
        if (!header && line->provenance.box) header = line->provenance.box;
        continue;
      }
      bool money = false;  // money prints a separator or a point; a bare 行次 or code does not
      for (const auto& [start, end] : DigitRuns(folded)) {
        money = money || folded.substr(start, end - start).find_first_of(",.") != std::string::npos;
      }
      if (!money) continue;
      Line row{folded, {static_cast<int>(b)}, line, {}};
      if (b + 1 < document.blocks.size()) {
        const Paragraph* next = document.blocks[b + 1].AsParagraph();
        std::string joined;
        if (next != nullptr && next->provenance.origin == TextOrigin::kOcr &&
            JoinSummaryRests(text, next->text, joined, &row.label_ends)) {
          row.text = joined;
          row.blocks.push_back(static_cast<int>(b + 1));
          ++b;
          ++count;
        } else if (next != nullptr && next->provenance.origin == TextOrigin::kOcr &&
                   IsLabelEndLine(next->text)) {
          // No rests, the amounts whole: a line of a few characters under it is the end of a
          // label wrapped in its cell (一、一般公共 12,112.82 … over 预算财政拨款, H50
          // s3w_0787_final), offered to a label that names no row as read; a line left as it
          // is (no money), as before.
          row.label_ends = {RemoveAllWhitespace(FoldForMatching(next->text))};
        }
      }
      lines.push_back(std::move(row));
    }
    if (grid || lines.empty() || (fiscal && !header)) continue;
    const UnitSource unit_source = UnitOrDocumentDefault(unit, tables);
    if (!unit || unit->unit == UnitOfAmount::kUnknown) continue;

    CanonicalTable table;
    table.kind = kind;
    table.evidence.push_back(KindEvidence{untitled ? "header" : "title", title->text, kind});
    table.printed_title = Trim(title_line);
    table.printed_unit = unit->printed;
    table.unit = unit->unit;
    table.unit_source = unit_source;
    table.pages.push_back(title->provenance.page);
    table.column_keys =
        fiscal ? std::vector<std::string>{"", "amount", "", "total", "general_budget", "gov_fund"}
               : std::vector<std::string>{"", "amount", "", "amount"};
    const int table_index = static_cast<int>(tables.size());
    Finding read_finding;
    read_finding.check = "table.row_from_text";
    read_finding.severity = Severity::kInfo;
    read_finding.provenance = title->provenance;
    read_finding.message = "table '" + table.printed_title + "' (" + kind +
                           ") was read as lines of text, no grid: each line is one row of each "
                           "side, keyed by its labels, its wrapped amounts joined:";
    std::vector<Finding> unread;
    for (const Line& line : lines) {
      std::vector<RowPiece> pieces;
      if (!SplitRowText(line.text, pieces) || pieces.empty() || pieces.size() > 2) pieces.clear();
      // Labels cut at their column's edge, their ends on the rest line in the same order
      // (一、一般公 … 卫生健康支 over 共预算财政 … 出, H8 s3w_0126; 本年收入合 over 计;
      // 自然资源海洋气象等支 over 出 beside a whole income label, A s3w_0079): a label that names
      // no row as read takes the next end when the two name one.
      const auto names_a_row = [](const std::string& label) {
        const std::string name = SummaryLabelName(label, true);
        return !IncomeKey(name).empty() || !ExpenditureKey(name).empty();
      };
      std::size_t next_end = 0;
      for (RowPiece& piece : pieces) {
        if (next_end >= line.label_ends.size() || names_a_row(piece.label)) continue;
        const std::string whole = Trim(piece.label) + line.label_ends[next_end];
        if (!names_a_row(whole)) continue;
        piece.label = whole;
        ++next_end;
      }
      // Every amount the line prints is read, or a cut one (193. over a rest not read) runs into
      // a label and the labels no longer say which amount is whose.
      std::size_t printed = 0;
      std::size_t split = 0;
      for (const auto& [start, end] : DigitRuns(line.text)) {
        printed += line.text.substr(start, end - start).find_first_of(",.") != std::string::npos;
      }
      bool whole = true;  // 34,533.6 with its 2 lost (or on a line not joined) is cut
      for (const RowPiece& piece : pieces) {
        split += piece.amounts.size();
        for (const std::string& amount : piece.amounts) whole = whole && IsWholeAmount(amount);
      }
      if (printed != split || !whole) pieces.clear();
      // Which side each piece is: income then expenditure; a line of one piece is the side
      // whose labels alone name it (城乡社区支出 101.14 101.14 under the income side's end).
      std::vector<bool> income_side;
      if (pieces.size() == 2) income_side = {true, false};
      // Its label is one label: no 行次 or second ordinal inside (二、政府性基金预算拨款 2
      // 二、自然资源海洋气象等 14,620.35 prints both sides' labels, the income amount lost).
      const std::string& label = pieces.size() == 1 ? pieces[0].label : std::string();
      const std::size_t ordinal = label.find("、");
      if (pieces.size() == 1 &&
          (std::any_of(label.begin(), label.end(), IsAsciiDigit) ||
           (ordinal != std::string::npos && label.find("、", ordinal + 1) != std::string::npos))) {
        pieces.clear();
      }
      // Both sides' labels before one amount, apart (二、政府性基金预算拨款收入 科学技术支出
      // 186.65: the income line prints nothing, H15 s3w_0231_budget): the amount is the label's
      // printed beside it, the expenditure's.
      if (pieces.size() == 1) {
        const std::vector<std::string> words = SplitWords(pieces[0].label);
        if (words.size() >= 2) {
          const std::string first = SummaryLabelName(words.front(), true);
          const std::string last = SummaryLabelName(words.back(), true);
          if (!IncomeKey(first).empty() && ExpenditureKey(first).empty() &&
              !ExpenditureKey(last).empty() && IncomeKey(last).empty()) {
            pieces[0].label = words.back();
          }
        }
      }
      if (pieces.size() == 1) {
        const std::string name = SummaryLabelName(pieces[0].label, true);
        const bool income = !IncomeKey(name).empty();
        const bool expenditure = !ExpenditureKey(name).empty();
        if (income != expenditure) income_side = {income};
      }
      bool all = income_side.size() == pieces.size() && !pieces.empty();
      std::vector<CanonicalRow> rows;
      for (std::size_t p = 0; p < income_side.size(); ++p) {
        const RowPiece& piece = pieces[p];
        const std::string name = SummaryLabelName(piece.label, true);
        const std::string side = income_side[p] ? "income." : "expenditure.";
        const std::string key = SummarySideKey(name, income_side[p]);
        std::vector<std::string> columns;
        if (income_side[p] || !fiscal) {
          if (piece.amounts.size() == 1) columns = {"amount"};
        } else if (piece.amounts.size() == 3) {
          columns = {"total", "general_budget", "gov_fund"};
        } else if (piece.amounts.size() == 2 && line.paragraph->provenance.box) {
          // Two amounts under three columns (合计, 一般公共预算, 政府性基金): the line ends
          // short of the header's last column by more than half a column of six, so its last
          // column (政府性基金) is the blank one.
          const Box& box = *line.paragraph->provenance.box;
          if (header->x1 - box.x1 > header->width() / 12) columns = {"total", "general_budget"};
        }
        std::vector<std::int64_t> fen;
        for (const std::string& amount : piece.amounts) {
          if (const std::optional<std::int64_t> value = ToFen(ParseAmountText(amount), table.unit))
            fen.push_back(*value);
        }
        bool ok = !key.empty() && !columns.empty() && fen.size() == columns.size();
        // A fiscal line's total is the sum of its funds.
        if (ok && columns.size() > 1) {
          ok = fen[0] == std::accumulate(fen.begin() + 1, fen.end(), std::int64_t{0});
        }
        const std::string code = side + key;
        for (const CanonicalRow& existing : table.rows) ok = ok && existing.row_code != code;
        for (const CanonicalRow& existing : rows) ok = ok && existing.row_code != code;
        if (!ok) {
          all = false;
          continue;
        }
        CanonicalRow row;
        row.row_code = code;
        row.row_name = Trim(piece.label);
        row.source_block = line.blocks.front();
        for (std::size_t i = 0; i < columns.size(); ++i) {
          Figure figure;
          figure.table_kind = kind;
          figure.row_code = code;
          figure.row_name = row.row_name;
          figure.column = columns[i];
          figure.amount_fen = fen[i];
          figure.printed_text = piece.amounts[i];
          figure.printed_unit = table.unit;
          figure.table_index = table_index;
          figure.provenance = line.paragraph->provenance;
          row.values.push_back(std::move(figure));
        }
        rows.push_back(std::move(row));
      }
      if (!all) {
        // Named, not read: every amount the line prints, whole.
        Finding finding;
        finding.check = "table.row_as_text";
        finding.severity = Severity::kWarning;
        finding.provenance = line.paragraph->provenance;
        finding.printed_text = Trim(line.text);
        std::string quoted;
        for (const auto& [start, end] : DigitRuns(line.text)) {
          std::string run = line.text.substr(start, end - start);
          while (!run.empty() && (run.back() == ',' || run.back() == '.')) run.pop_back();
          if (run.find_first_of(",.") == std::string::npos) continue;
          quoted += " " + run;
          if (const std::optional<std::int64_t> value = ToFen(ParseAmountText(run), table.unit))
            finding.figures.push_back(FigureRef{kind, "", "", *value, line.paragraph->provenance});
        }
        const int page = line.paragraph->provenance.page;
        finding.message = "a line" +
                          (page > 0 ? " on page " + std::to_string(page) : std::string()) +
                          " of table '" + table.printed_title + "' (" + kind + ") read as text, '" +
                          CollapseWhitespace(line.text) +
                          "': its labels do not key every amount to one row and column, so"
                          " its amounts" +
                          quoted + " are not read as figures";
        unread.push_back(std::move(finding));
      }
      for (CanonicalRow& row : rows) {
        for (const Figure& figure : row.values) {
          read_finding.figures.push_back(ReferenceTo(figure));
          read_finding.message +=
              " " + row.row_code + "/" + figure.column + "=" + figure.printed_text;
        }
        table.rows.push_back(std::move(row));
      }
      for (int block : line.blocks) table.source_blocks.push_back(block);
      const int page = line.paragraph->provenance.page;
      if (std::find(table.pages.begin(), table.pages.end(), page) == table.pages.end()) {
        table.pages.push_back(page);
      }
    }
    // The sums say whether the lines were read right: each side's total of the year, or its
    // grand total, is read on both sides and the same.
    auto amount = [&](const std::string& code) -> std::optional<std::int64_t> {
      for (const CanonicalRow& row : table.rows) {
        if (row.row_code == code && !row.values.empty()) return row.values.front().amount_fen;
      }
      return std::nullopt;
    };
    bool holds = false;
    bool fails = false;
    for (const char* total : {"total_current_year", "grand_total"}) {
      const std::optional<std::int64_t> income = amount(std::string("income.") + total);
      const std::optional<std::int64_t> expenditure = amount(std::string("expenditure.") + total);
      if (!income || !expenditure) continue;
      holds = holds || *income == *expenditure;
      fails = fails || *income != *expenditure;
    }
    if (!holds || fails) continue;
    if (unit_source == UnitSource::kDocumentDefault) {
      ReportDocumentDefaultUnit(table, title->provenance, findings);
    }
    tables.push_back(std::move(table));
    findings.push_back(std::move(read_finding));
    for (Finding& finding : unread) findings.push_back(std::move(finding));
  }
}

}  // namespace disclose
