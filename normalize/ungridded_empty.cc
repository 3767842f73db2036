// A standard table printed empty with no grid: its title (or number), its unit and header lines,
// and a 本表无数据 note, all read as paragraphs. A text layer gives such a table its header row
// as a grid, whose note marks it printed_empty; a scan of a table without rules makes no grid
// of a header without amounts, and the table was missing from `tables` altogether (H19
// s3w_0299_final's 政府性基金预算财政拨款收入支出决算表 on a scan).
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "normalize/row_text.h"
#include "normalize/table_kind.h"
#include "normalize/table_stages.h"
#include "normalize/table_text.h"

namespace disclose {
namespace {

// Lines a table prints between its title and its body: the unit, 编制单位, the header, 栏次. A
// longer line is prose (the note belongs to no table then).
constexpr std::size_t kMaxLinesAbove = 5;
constexpr std::size_t kMaxHeaderLineCodePoints = 80;

// The kind a line names as a table's title or number line; "other" when it names none (a
// header word such as 基本支出 names a kind to ClassifyTableTitle, but is no title).
std::string KindOfTitleLine(const Paragraph& line, DocKind doc_kind,
                            const TableNumbering* numbering) {
  if (IsTableTitleLine(line.text)) return ClassifyTableTitle(line.text, doc_kind);
  return KindOfANumberOnlyTitle(line.text, doc_kind, numbering);
}

// A title wrapped over lines: its last line alone may name another kind (拨款收入支出决算表
// under 政府性基金预算财政 reads as a summary; 财政拨款支出决算表 under 国有资本经营预算 as the
// fiscal appropriation table, H12 s3w_0178_final on a scan, with a speck line <工己 between).
// The title's first half on the line above (past one speck of three characters or fewer, which
// no title's first half is) is joined to it when the whole names a kind; its blocks join
// `blocks`.
void JoinWrappedTitle(const Document& document, DocKind doc_kind, std::vector<int>& blocks,
                      std::string& printed_title, std::string& kind) {
  constexpr std::size_t kMaxSpeckCodePoints = 3;
  constexpr std::size_t kMaxFirstHalfCodePoints = 30;
  const int title_block = blocks.back();
  for (int b = title_block - 1; b >= 0 && b >= title_block - 2; --b) {
    const Paragraph* line = document.blocks[static_cast<std::size_t>(b)].AsParagraph();
    if (line == nullptr) return;
    const std::vector<std::string> lines = SplitLines(line->text);
    if (lines.empty()) return;
    if (DecodeUtf8(RemoveAllWhitespace(line->text)).size() <= kMaxSpeckCodePoints) continue;
    const std::string joined = CollapseWhitespace(lines.back()) + printed_title;
    const std::string joined_kind = ClassifyTableTitle(joined, doc_kind);
    // A first half with the department and year before it (江苏省人民检察院2024 年政府 over
    // 性基金预算财政拨款收入支出决算表, H23 s3w_0357_final) is no fragment to IsTitleFragmentLine,
    // but a short plain line whose joining names another kind is one.
    const std::string& last = lines.back();
    const bool plain = DecodeUtf8(last).size() <= kMaxFirstHalfCodePoints && !Has(last, "。") &&
                       !Has(last, "，") && !IsTableTitleLine(last) &&
                       !IsTableNumberOnlyLine(last) &&
                       ParseUnitDeclaration(last) == UnitOfAmount::kUnknown;
    if (IsTitleFragmentLine(last) || (plain && joined_kind != kind)) {
      if (joined_kind == "other") return;
      printed_title = joined;
      kind = joined_kind;
      for (int speck = b; speck < title_block; ++speck) blocks.push_back(speck);
    }
    return;
  }
}

}  // namespace

void ReadUngriddedEmptyTables(const Document& document, DocKind doc_kind,
                              const TableNumbering* numbering,
                              std::vector<CanonicalTable>& tables) {
  for (std::size_t n = 1; n < document.blocks.size(); ++n) {
    const Paragraph* note = document.blocks[n].AsParagraph();
    if (note == nullptr || !IsEmptyNote(note->text)) continue;
    // A note right under a grid is that grid's (identify marks it printed_empty).
    if (document.blocks[n - 1].AsTable() != nullptr) continue;
    const Paragraph* title = nullptr;
    std::string kind = "other";
    std::vector<int> blocks;
    for (std::size_t b = n; b-- > 0 && n - b <= kMaxLinesAbove;) {
      const Paragraph* line = document.blocks[b].AsParagraph();
      if (line == nullptr) break;  // a grid: the note is under its lines, not a table's own
      // A sentence: the note explains the document, it closes no table's lines.
      if (Has(line->text, "。") || DecodeUtf8(line->text).size() > kMaxHeaderLineCodePoints) break;
      blocks.push_back(static_cast<int>(b));
      kind = KindOfTitleLine(*line, doc_kind, numbering);
      if (kind != "other") {
        title = line;
        break;
      }
    }
    if (title == nullptr) continue;
    std::string printed_title = Trim(title->text);
    const bool titled = IsTableTitleLine(title->text);
    if (titled) JoinWrappedTitle(document, doc_kind, blocks, printed_title, kind);
    if (!StartsWith(kind, "budget.") && !StartsWith(kind, "final.")) continue;
    // A number line right above naming another kind in the document's list: one of the two is
    // misread or a wrapped title's first half was lost; which, nothing says, so no table.
    std::sort(blocks.begin(), blocks.end());
    if (titled && blocks.front() > 0) {
      if (const Paragraph* above =
              document.blocks[static_cast<std::size_t>(blocks.front() - 1)].AsParagraph()) {
        const std::string number_kind = KindOfANumberOnlyTitle(above->text, doc_kind, numbering);
        if (number_kind != "other" && number_kind != kind) continue;
      }
    }
    // A table of that kind read from a grid (empty or not) is the one the title names.
    const bool read = std::any_of(tables.begin(), tables.end(),
                                  [&kind](const CanonicalTable& t) { return t.kind == kind; });
    if (read) continue;
    CanonicalTable table;
    table.kind = kind;
    table.printed_empty = true;
    table.evidence.push_back(KindEvidence{titled ? "title" : "number", printed_title, kind});
    table.printed_title = printed_title;
    std::optional<UnitDeclaration> unit;
    for (int b : blocks) {
      if (!unit)
        unit = UnitInLines(document.blocks[static_cast<std::size_t>(b)].AsParagraph()->text);
    }
    if (unit) {
      table.printed_unit = unit->printed;
      table.unit = unit->unit;
      table.unit_source = UnitSource::kDeclared;
    }
    table.pages.push_back(title->provenance.page);
    if (note->provenance.page != title->provenance.page)
      table.pages.push_back(note->provenance.page);
    blocks.push_back(static_cast<int>(n));
    table.source_blocks = blocks;
    tables.push_back(std::move(table));
  }
}

}  // namespace disclose
