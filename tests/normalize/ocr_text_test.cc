#include "normalize/ocr_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/metadata.h"
#include "normalize/normalize.h"
#include "tests/normalize/document_builder.h"

namespace disclose {
namespace {

TEST(OcrTextTest, CloseOcrNumberGaps) {
  struct Case {
    const char* text;
    const char* closed;
  };
  const Case cases[] = {
      // Tesseract's spacing of Chinese numbers (the image-only Beijing budget).
      {"2026年度收入预算101, 673. 03万元,比2025年", "2026年度收入预算101,673.03万元,比2025年"},
      {"“三公”经费预算80. 11万元", "“三公”经费预算80.11万元"},
      {"增长2. 7%。", "增长2.7%。"},
      {"1, 168. 3万元", "1,168.3万元"},
      {"12,  672.73", "12,672.73"},
      // Enumerations and lists are not numbers.
      {"1. 2026年预算", "1. 2026年预算"},
      {"3. 国有资本经营预算", "3. 国有资本经营预算"},
      {"第1, 2, 3项", "第1, 2, 3项"},
      {"见表1. 12345", "见表1. 12345"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CloseOcrNumberGaps(c.text), c.closed) << c.text;
  }
}

TEST(OcrTextTest, MostConfirmedPrinting) {
  const std::vector<std::string> texts = {
      "北革市政务服务和数据管理局",  // the cover, misread
      "2026年度部门预算信息公开",
      "北京市政务服务和数据管理局(以下简称:市政务和数据局)于2024年1月正式组建",
      "北京市政务服务和数据管理局所属二级单位5个，即:北京市政务服务和数据管理局(本级)",
      "2026年北京市政务服务和数据管理局政府采购预算总额55, 307. 45万元",
  };
  OcrNamePrinting best = MostConfirmedPrinting("北革市政务服务和数据管理局", texts);
  EXPECT_EQ(best.name, "北京市政务服务和数据管理局");
  EXPECT_EQ(best.printings, 4);
  EXPECT_EQ(best.readings, 5);

  // A tie keeps the reading asked about.
  best = MostConfirmedPrinting("北革市政务服务和数据管理局", {texts[0], texts[2]});
  EXPECT_EQ(best.name, "北革市政务服务和数据管理局");
  EXPECT_EQ(best.printings, 1);

  // A name printed twice is confirmed: a sibling department one character
  // apart, however often named, does not replace it; one that differs in its
  // last character (财政所) is not even a reading of it.
  best = MostConfirmedPrinting(
      "上海市普陀区财政局",
      {"上海市普陀区财政局2024年度部门决算", "单位：上海市普陀区财政局", "上海市普陀区民政局",
       "上海市普陀区民政局", "上海市普陀区民政局", "上海市普陀区财政所"});
  EXPECT_EQ(best.name, "上海市普陀区财政局");
  EXPECT_EQ(best.printings, 2);
  EXPECT_EQ(best.readings, 5);
  // Differences in more than one character in five are another name.
  best =
      MostConfirmedPrinting("上海市普陀区财政局", {"上海市普陀区民防办局", "上海市普陀区民防办局"});
  EXPECT_EQ(best.readings, 0);

  // Printed once, as is another printing a character apart: the one whose character the texts
  // print in its context outside the name wins (sh_city_unit_zuanshibanshi: 钼 on the cover, 钻
  // on a table page and in a project's name); with neither or both so confirmed, the name stays.
  const std::string cover = "预算单位:上海钼石宝玉石交易联合管理办公室";
  const std::string unit_line = "编制单位:上海钻石宝玉石交易联合管理办公室 单位:元";
  best = MostConfirmedPrinting("上海钼石宝玉石交易联合管理办公室",
                               {cover, unit_line, "钻石宝玉石产业发展专项"});
  EXPECT_EQ(best.name, "上海钻石宝玉石交易联合管理办公室");
  best = MostConfirmedPrinting("上海钼石宝玉石交易联合管理办公室", {cover, unit_line});
  EXPECT_EQ(best.name, "上海钼石宝玉石交易联合管理办公室");
  best = MostConfirmedPrinting("上海钼石宝玉石交易联合管理办公室",
                               {cover, unit_line, "钻石宝玉石产业发展专项", "钼石宝玉石专项"});
  EXPECT_EQ(best.name, "上海钼石宝玉石交易联合管理办公室");

  // Short names are not voted on.
  best = MostConfirmedPrinting("公安局", {"公安厅", "财安局", "财安局"});
  EXPECT_EQ(best.name, "公安局");
}

// The department of a scan is the name its pages print most, not the cover's
// one misreading; a department read from a text layer is never changed.
TEST(OcrTextTest, MetadataVotesOnAnOcrDepartment) {
  auto paragraph = [](const char* text, TextOrigin origin, int page) {
    Paragraph p;
    p.text = text;
    p.provenance.page = page;
    p.provenance.origin = origin;
    return Block{p};
  };
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Document document;
    document.blocks.push_back(paragraph("北革市政务服务和数据管理局", origin, 1));
    document.blocks.push_back(paragraph("2026年度部门预算信息公开", origin, 1));
    document.blocks.push_back(paragraph(
        "北京市政务服务和数据管理局(以下简称:市政务和数据局)于2024年1月正式组建", origin, 3));
    document.blocks.push_back(paragraph("北京市政务服务和数据管理局所属二级单位5个", origin, 4));
    for (int page = 1; page <= 4; ++page) {
      Page entry;
      entry.number = page;
      document.pages.push_back(entry);
    }
    const DocumentMetadata metadata = ExtractMetadata(document);
    EXPECT_EQ(metadata.fiscal_year.value, "2026");
    if (origin == TextOrigin::kOcr) {
      EXPECT_EQ(metadata.department.value, "北京市政务服务和数据管理局");
      EXPECT_EQ(metadata.department.provenance.page, 3);
      bool voted = false;
      for (const AttributeSource& source : metadata.department.sources) {
        voted = voted || source.source == "ocr_printings";
      }
      EXPECT_TRUE(voted);
    } else {
      EXPECT_EQ(metadata.department.value, "北革市政务服务和数据管理局");
    }
  }
}

// A year OCR read on a cover is checked against every place stating one: the
// cover's large print is misread as often as a table title (fj_fuzhou_police_civilstaff:
// cover 2025, table title 2026). A text layer's cover outweighs a table title.
TEST(OcrTextTest, AnOcrYearAgainstALessWeightyPlaceIsReported) {
  for (const TextOrigin origin : {TextOrigin::kOcr, TextOrigin::kTextLayer}) {
    Document document;
    for (const char* text : {"2025年度福州市公安局文职人员管理中心单位预算",
                             "2026年度一般公共预算基本支出经济分类情况表"}) {
      Paragraph p;
      p.text = text;
      p.provenance.page = document.blocks.empty() ? 1 : 2;
      p.provenance.origin = origin;
      document.blocks.push_back(Block{p});
    }
    for (int number = 1; number <= 2; ++number) {
      Page page;
      page.number = number;
      document.pages.push_back(page);
    }
    const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
    EXPECT_EQ(normalized.metadata.fiscal_year.value, "2025");
    int reported = 0;
    for (const Finding& finding : normalized.findings) {
      if (finding.check != "metadata.fiscal_year_sources") continue;
      ++reported;
      EXPECT_NE(finding.message.find("2026年度一般公共预算"), std::string::npos) << finding.message;
    }
    EXPECT_EQ(reported, origin == TextOrigin::kOcr ? 1 : 0);
  }
  // A table header's year is a comparison column (2025年预算 in a 2026 budget), not a
  // statement of the document's year: no finding.
  Document budget = DocumentBuilder()
                        .Page({"2026年度福州市公安局文职人员管理中心单位预算"})
                        .Page({"一般公共预算支出表"})
                        .Table({{"项目", "2025年预算", "2026年预算"}, {"合计", "1.00", "2.00"}})
                        .Build();
  for (Block& block : budget.blocks) {
    if (Paragraph* paragraph = block.AsParagraph()) paragraph->provenance.origin = TextOrigin::kOcr;
    if (Table* table = block.AsTable()) {
      table->provenance.origin = TextOrigin::kOcr;
      for (TableCell& cell : table->cells) cell.provenance.origin = TextOrigin::kOcr;
    }
  }
  const NormalizedDocument normalized = Normalize(budget, NormalizeOptions{});
  EXPECT_EQ(normalized.metadata.fiscal_year.value, "2026");
  EXPECT_EQ(normalized.metadata.fiscal_year.provenance.origin, TextOrigin::kOcr);
  for (const Finding& finding : normalized.findings) {
    EXPECT_NE(finding.check, "metadata.fiscal_year_sources") << finding.message;
  }
}

// Narrative amounts in OCR'd paragraphs are read across the recogniser's gaps.
TEST(OcrTextTest, NarrativeFiguresOfOcrParagraphs) {
  Document document;
  Paragraph cover;
  cover.text = "2026年度部门预算";
  cover.provenance.page = 1;
  cover.provenance.origin = TextOrigin::kOcr;
  document.blocks.push_back(Block{cover});
  Paragraph body;
  body.text = "2026 年财政拨款“三公”经费预算80. 11万元，比2025年减少8. 35万元。";
  body.provenance.page = 1;
  body.provenance.origin = TextOrigin::kOcr;
  document.blocks.push_back(Block{body});
  Page page;
  page.number = 1;
  document.pages.push_back(page);
  const NormalizedDocument normalized = Normalize(document, NormalizeOptions{});
  bool found = false;
  for (const Figure& figure : normalized.narrative) {
    if (figure.row_code != "three_public.total") continue;
    found = true;
    EXPECT_EQ(figure.amount_fen, 80110000);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace disclose
