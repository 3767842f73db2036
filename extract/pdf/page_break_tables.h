// Private to extract/pdf: a table without rules cut by a page break, read as
// one table over both sides of the break.
//
// The unruled detector (unruled_tables.cc) sees one page. A table whose
// header (and perhaps one or two rows) sits alone at the foot of a page, or
// whose last one or two rows sit alone at the top of the next, leaves
// fragments below the three rows it needs: they stayed paragraphs and their
// figures were lost. Here the lines at the foot of the upper page and at the
// top of the lower page are laid one under the other, as if the page break
// were not there, and read again by the same detector: one column model for
// both sides, the header above the body. The table found across the break is
// cut back into one part per page (same column count, so the normalizer's
// stitch stage joins them), and each page's paragraphs are laid out again
// without the glyphs the table took.
//
//   PageContent upper_content, lower_content;   // consecutive pages
//   PageAnalysis upper = AnalyzePage(upper_content), lower = AnalyzePage(lower_content);
//   if (RejoinTableAcrossPageBreak(upper_content, upper, lower_content, lower)) {
//     // upper.tables.back() continues as lower.tables.front()
//   }
#pragma once

#include "extract/pdf/layout.h"
#include "extract/pdf/page_content.h"

namespace disclose::pdf {

// Whether a table without rules was found across the break between `upper`
// and `lower` (the next page) taking lines that no table held before; when it
// was, both analyses are rewritten: the parts replace the tables they grew
// from, marked continues_on_next_page / continued_from_previous_page, and the
// paragraphs are laid out again. When none is, the upper page's last row
// whose amounts wrapped may still be completed in place by the rests printed
// under the table's repeated header at the lower page's top (each ending within
// the cell it completes, making a whole amount with it); the rest line then
// goes to the lower page's furniture. Nothing changes otherwise.
bool RejoinTableAcrossPageBreak(const PageContent& upper_content, PageAnalysis& upper,
                                const PageContent& lower_content, PageAnalysis& lower);

}  // namespace disclose::pdf
