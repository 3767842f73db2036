#include "normalize/ocr_vocabulary.h"

#include <gtest/gtest.h>

#include <string>

#include "normalize/normalize.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

TEST(OcrVocabularyTest, RepairOcrWords) {
  struct Case {
    const char* read;
    const char* repaired;
  };
  const Case cases[] = {
      // Titles as chi_sim read them on degraded scans of ../shared/real and corpus pages.
      {"2026年预算单位财政拨款收文预算总表", "2026年预算单位财政拨款收支预算总表"},
      {"2026年预算单位财政拨亚收支预算总表", "2026年预算单位财政拨款收支预算总表"},
      {"文出预算总表", "支出预算总表"},
      {"2024年部门一般公共预算文出功能分类预算表", "2024年部门一般公共预算支出功能分类预算表"},
      {"2023年杭州市本级一般公共预算基本文出预算表", "2023年杭州市本级一般公共预算基本支出预算表"},
      {"2022年杭州市本级国有资本经芭预算收入执行情况表",
       "2022年杭州市本级国有资本经营预算收入执行情况表"},
      {"财政 拨亚收文预算总去", "财政 拨款收支预算总表"},  // whitespace stays where it was
      {"收文预算总志", "收支预算总表"},
      {"其本支出", "基本支出"},
      {"项目文出", "项目支出"},
      {"财政拔秋基本文出预算表(经济科目)", "财政拨款基本支出预算表(经济科目)"},
      {"“王公”经费、会议费、培训费文出预算表", "“三公”经费、会议费、培训费支出预算表"},
      {"2024年部门一般公共预算文出功能分类预算表", "2024年部门一般公共预算支出功能分类预算表"},
      {"本年文出", "本年支出"},
      {"人员文出", "人员支出"},  // sd_yantai_landres p17 on a scan: 基本支出 split in two
      {"公用文出", "公用支出"},
      // 算 read 筑: the title named no kind, so the default numbering named the table.
      {"江苏省人民检察院2022 年支出决筑表", "江苏省人民检察院2022 年支出决算表"},
      {"财政拨款“三公 ”经费支出决筑表", "财政拨款“三公 ”经费支出决算表"},
      {"长沙市自然资源和规划局2022年部门收支决筑总表",
       "长沙市自然资源和规划局2022年部门收支决算总表"},
      // 拨 read 挨 in a header: the column was keyed by nothing (H8 s3w_0126's income table).
      {"财政挨款收入", "财政拨款收入"},
      // Words printed right stay, and so do their neighbours' near forms.
      {"收入预算表", "收入预算表"},
      {"收入决算表", "收入决算表"},
      {"部门收支总体情况表", "部门收支总体情况表"},
      {"一般公共服务支出", "一般公共服务支出"},
      {"人员经费", "人员经费"},
      // One character from a vocabulary word, but no known confusion: words of their own.
      {"二十四、债务还本支出", "二十四、债务还本支出"},
      {"本年收入合计", "本年收入合计"},
      {"本年支出合计", "本年支出合计"},
      {"国有资本经营收入", "国有资本经营收入"},
      {"一般公共预算收入", "一般公共预算收入"},
      {"一般公共预算拨款", "一般公共预算拨款"},
      {"一般公共预算拨款其他收入", "一般公共预算拨款其他收入"},
      // 算 read 筑 in an income header's two names run together (H15 s3w_0229_budget): the
      // 算 is put back, and 拨款 is no misread of 支出.
      {"一般公共预筑拨款其他收入", "一般公共预算拨款其他收入"},
      {"一般公共预筑拨款", "一般公共预算拨款"},
      // One character read into a long word (H16 s3w_0248_final): dropped, inside the word only,
      // never from a word printed right.
      {"一、一般公所共预算财政拨款收", "一、一般公共预算财政拨款收"},
      {"商品和服务务支出", "商品和服务支出"},
      {"一般公共预算和", "一般公共预算和"},
      {"和一般公共预算", "和一般公共预算"},
      {"一般公共预算支出", "一般公共预算支出"},
      {"财政拨款项目支出", "财政拨款项目支出"},
      {"公用经费", "公用经费"},
      // A digit or a mark is not a word's misread; a name is not in the vocabulary.
      {"201一般公共服务支出", "201一般公共服务支出"},
      {"北京市财政局", "北京市财政局"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RepairOcrWords(c.read), c.repaired) << c.read;
  }
}

TEST(OcrVocabularyTest, RepairOcrLabelColons) {
  EXPECT_EQ(RepairOcrLabelColons("编制单位;上海市花卉良种试验场 单位，元"),
            "编制单位：上海市花卉良种试验场 单位：元");
  EXPECT_EQ(RepairOcrLabelColons("部门，江苏省政协办公厅 单位;万元"),
            "部门：江苏省政协办公厅 单位：万元");
  EXPECT_EQ(RepairOcrLabelColons("部门 , 江苏省政协办公厅"), "部门 ： 江苏省政协办公厅");
  // Words that only hold the labels, and colons read right, stay.
  EXPECT_EQ(RepairOcrLabelColons("2026年预算单位财政拨款收支预算总表"),
            "2026年预算单位财政拨款收支预算总表");
  EXPECT_EQ(RepairOcrLabelColons("单位：万元"), "单位：万元");
}

// A table number's 7 read twice (7 and 了) on a line of its own: the echo goes, the line is a
// number line again; anything that is not a table number alone stays as read.
TEST(OcrVocabularyTest, RepairOcrNumberEcho) {
  struct Case {
    const char* read;
    const char* repaired;
  };
  const Case cases[] = {
      // The layout sweep's scans: A s3w_0078, H s3w_0098 and s3w_0110 (表7了), H8 s3w_0126.
      {"附表7了", "附表7"},
      {"表7了", "表7"},
      {"表 7 了", "表 7 "},
      {"公开07了表", "公开07表"},
      {"附表17了", "附表17"},
      {"单位:元\n附表7了\n编制单位", "单位:元\n附表7\n编制单位"},
      // Not a number line: words, a title, a sentence, a 了 after no 7.
      {"附表7", "附表7"},
      {"附表1了", "附表1了"},
      {"7了", "7了"},
      {"表7了解", "表7了解"},
      {"附表7了收入决算表", "附表7了收入决算表"},
      {"上年7了", "上年7了"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RepairOcrNumberEcho(c.read), c.repaired) << c.read;
  }
}

// Two words one character from the reading at the same cost: nothing is guessed.
TEST(OcrVocabularyTest, AmbiguousReadingStays) {
  // 收X预算 is 收支预算 or 收入预算 by one unknown substitution each.
  EXPECT_EQ(RepairOcrWords("收龙预算"), "收龙预算");
}

// The kind a misread OCR title names, through the whole normalizer; a text layer's title is
// read as printed.
TEST(OcrVocabularyTest, OcrTitleIdentifiesTheTable) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Document document =
        DocumentBuilder()
            .Page({"2026年部门预算", "2026年预算单位财政拨亚收文预算总表", "单位：元"})
            .Table({{"项目", "预算数", "项目", "预算数"},
                    {"一、一般公共预算", "1,000", "一、一般公共服务支出", "1,000"},
                    {"收入总计", "1,000", "支出总计", "1,000"}})
            .Build();
    for (Block& block : document.blocks) {
      if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.origin = origin;
      if (Table* table = block.AsTable()) {
        for (TableCell& cell : table->cells) cell.provenance.origin = origin;
      }
    }
    EXPECT_EQ(HasOcrText(document), origin == TextOrigin::kOcr);
    const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
    ASSERT_FALSE(normalized.tables.empty());
    EXPECT_EQ(normalized.tables[0].kind, origin == TextOrigin::kOcr
                                             ? "budget.fiscal_appropriation_summary"
                                             : "budget.income_expenditure_summary");
  }
}

}  // namespace
}  // namespace disclose
