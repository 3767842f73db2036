#include "core/limits.h"

#include <gtest/gtest.h>

namespace disclose {
namespace {

TEST(ModelBudgetTest, StaysWithinUpToTheLimitAndNamesWhatItPassed) {
  ModelLimits limits;
  limits.max_cells = 10;
  ModelBudget budget(limits);
  EXPECT_TRUE(budget.AddCells(4));
  EXPECT_TRUE(budget.AddCells(6));  // exactly at the limit is still within it
  EXPECT_FALSE(budget.exceeded());
  EXPECT_FALSE(budget.AddCells(1));
  EXPECT_TRUE(budget.exceeded());
  const Status status = budget.Exceeded("DOCX read error: x.docx");
  EXPECT_EQ(status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(status.message(),
            "DOCX read error: x.docx: more than 10 table cells (the document model's limit)");
}

TEST(ModelBudgetTest, OnceExceededEveryCountRefuses) {
  struct Case {
    const char* name;
    bool (ModelBudget::*add)(std::int64_t);
    std::int64_t ModelLimits::*limit;
    const char* what;
  };
  const Case cases[] = {
      {"pages", &ModelBudget::AddPages, &ModelLimits::max_pages, "pages"},
      {"cells", &ModelBudget::AddCells, &ModelLimits::max_cells, "table cells"},
      {"paragraphs", &ModelBudget::AddParagraphs, &ModelLimits::max_paragraphs, "paragraphs"},
      {"glyphs", &ModelBudget::AddGlyphs, &ModelLimits::max_glyphs, "glyphs"},
  };
  for (const Case& c : cases) {
    ModelLimits limits;
    limits.*(c.limit) = 2;
    ModelBudget budget(limits);
    EXPECT_TRUE((budget.*(c.add))(2)) << c.name;
    EXPECT_FALSE((budget.*(c.add))(1)) << c.name;
    // The first limit passed is the one reported; other counts refuse from then on.
    EXPECT_FALSE(budget.AddPages(0)) << c.name;
    EXPECT_NE(budget.Exceeded("p").message().find(c.what), std::string::npos) << c.name;
  }
}

}  // namespace
}  // namespace disclose
