// Private to normalize/: what a printed table title or caption line says.
//
//   ClassifyTableTitle("公开01表 收入支出决算表", DocKind::kFinalAccounts)
//       -> "final.income_expenditure_summary"
//   ClassifyTableTitle("财政拨款“三公”经费支出预算表", DocKind::kUnknown) -> "budget.three_public"
//   ParseUnitDeclaration("金额单位：万元")  -> UnitOfAmount::kWanYuan
//   IsTableTitleLine("公开01表")            -> false (a number line, not a title)
//
// Kinds follow ../shared/spec/output-contract.md; ours are listed in docs/normalize-kinds.md.
#pragma once

#include <string>
#include <string_view>

#include "core/normalized.h"

namespace disclose {

// Canonical kind of a table titled `title`; "other" when the title names no
// kind we know. The final./budget. prefix comes from `doc_kind`, or from the
// title's 决算/预算 when the document kind is unknown.
std::string ClassifyTableTitle(std::string_view title, DocKind doc_kind);

// A line that reads as a table title: holds 表, is short, is not a note (注：,
// 本表…), not a bare number line (公开01表, 表一) and not a unit/unit-name line.
bool IsTableTitleLine(std::string_view line);

// The first line of a title wrapped over two lines (`一般公共预算财政拨款基本` above
// `支出决算表`): short, no sentence, no table number, unit, label, date or
// section heading, and not a department's name on a line of its own
// (`玉溪市医疗保障局`), which would add its words (国有资产…) to the title.
bool IsTitleFragmentLine(std::string_view line);

// A line printed around a table rather than in its header: a title, a table
// number (公开01表, 附表1, 一、), a unit declaration, an 编制单位 / 部门 label
// or a date. A grid's first rows made only of such lines are its caption,
// drawn inside the frame.
bool IsCaptionLine(std::string_view line);

// A table number alone with 表 in it (公开04表, 表4, 附表4, 预算04表): a table printed with its
// number and no title.
bool IsTableNumberOnlyLine(std::string_view line);

// 第二部分 / 第三章: a part heading of the document. A table's title is never
// above one (the list of tables before it names every table, not this one).
bool IsSectionHeadingLine(std::string_view line);

// The unit a declaration line states (金额单位：元, 单位:万元, （单位：万元）);
// kUnknown when the line declares none.
UnitOfAmount ParseUnitDeclaration(std::string_view line);

}  // namespace disclose
