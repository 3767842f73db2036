// Every reader stops with kTooLarge, naming the limit, once the document model it builds passes
// ModelLimits; and every per-page cap that cuts a PDF page is reported, never silent.
#include <gtest/gtest.h>

#include <string>

#include "core/limits.h"
#include "extract/extract.h"

namespace disclose {
namespace {

ExtractOptions Tight() {
  ExtractOptions options;
  options.limits.max_pages = 2;
  options.limits.max_cells = 50;
  options.limits.max_paragraphs = 20;
  options.limits.max_glyphs = 5000;
  options.limits.max_text_input_bytes = 4096;
  return options;
}

// A one-page PDF whose content stream is `content`, with Helvetica as /F1.
std::string PdfWithContent(const std::string& content, int pages = 1) {
  std::string kids;
  for (int k = 0; k < pages; ++k) kids += std::to_string(5 + k) + " 0 R ";
  std::string body = "%PDF-1.4\n";
  std::string objects[4] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Count " + std::to_string(pages) + " /Kids [" + kids + "] >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
  };
  std::string xref_entries;
  auto add = [&](const std::string& object, int number) {
    char offset[32];
    std::snprintf(offset, sizeof offset, "%010zu 00000 n \n", body.size());
    xref_entries += offset;
    body += std::to_string(number) + " 0 obj\n" + object + "\nendobj\n";
  };
  for (int k = 0; k < 4; ++k) add(objects[k], k + 1);
  for (int k = 0; k < pages; ++k) {
    add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
        ">> >> /Contents 4 0 R >>",
        5 + k);
  }
  const std::size_t xref = body.size();
  const int count = 5 + pages;
  body += "xref\n0 " + std::to_string(count) + "\n0000000000 65535 f \n" + xref_entries;
  body += "trailer\n<< /Size " + std::to_string(count) + " /Root 1 0 R >>\nstartxref\n" +
          std::to_string(xref) + "\n%%EOF\n";
  return body;
}

bool HasWarning(const Document& doc, const std::string& code, int page) {
  for (const Warning& warning : doc.warnings) {
    if (warning.code == code && warning.provenance.page == page) return true;
  }
  return false;
}

TEST(ModelLimitsTest, ReadersStopAtTheModelLimitWithTooLarge) {
  std::string rows;
  for (int r = 0; r < 40; ++r) rows += "2010101\t行政运行\t1.00\t2.00\n";
  std::string paragraphs;
  for (int r = 0; r < 40; ++r) paragraphs += "第" + std::to_string(r) + "段。\n\n";
  struct Case {
    const char* name;
    std::string text;
    const char* what;
  };
  const Case cases[] = {
      {"tab rows", "收入支出决算总表\n" + rows, "table cells"},
      {"pipe rows", "| a | b |\n|---|---|\n" + std::string(30, ' ') + "\n", ""},
      {"paragraphs", paragraphs, "paragraphs"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadText(c.text, "x.txt", Tight());
    if (std::string(c.what).empty()) {
      EXPECT_TRUE(doc.ok()) << c.name;
      continue;
    }
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge) << c.name;
    EXPECT_NE(doc.status().message().find(c.what), std::string::npos) << doc.status().message();
  }
}

TEST(ModelLimitsTest, TextPastTheInputLimitIsRefusedBeforeDecoding) {
  Result<Document> doc = ReadText(std::string(5000, 'a'), "x.txt", Tight());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(doc.status().message().find("text input limit"), std::string::npos);
}

TEST(ModelLimitsTest, PdfPastThePageLimitIsRefusedBeforeAnyPageIsRead) {
  Result<Document> doc = ReadPdf(PdfWithContent("", 3), "x.pdf", Tight());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(doc.status().message().find("more than 2 pages"), std::string::npos);
  EXPECT_TRUE(ReadPdf(PdfWithContent("", 2), "x.pdf", Tight()).ok());
}

TEST(ModelLimitsTest, PdfPageWithTooManyRulesSaysTablesWereNotSearched) {
  std::string lines;
  for (int k = 0; k < 5001; ++k) {
    lines += std::to_string(50 + k % 400) + " " + std::to_string(100 + k / 400) + " m " +
             std::to_string(52 + k % 400) + " " + std::to_string(100 + k / 400) + " l S\n";
  }
  Result<Document> doc =
      ReadPdf(PdfWithContent("BT /F1 12 Tf 72 700 Td (hatched) Tj ET\n" + lines), "x.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(HasWarning(doc.value(), "page_truncated", 1));
}

TEST(ModelLimitsTest, PdfPageOverTheGlyphCapIsReportedNotCutSilently) {
  // 500 lines of 420 glyphs in a 1 pt font: 210,000 glyphs, all on the page.
  std::string text = "BT /F1 1 Tf 1 TL 10 800 Td\n";
  for (int line = 0; line < 500; ++line) text += "(" + std::string(420, 'a') + ") Tj T*\n";
  Result<Document> doc = ReadPdf(PdfWithContent(text + "ET"), "x.pdf", {});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_TRUE(HasWarning(doc.value(), "page_truncated", 1));
  Result<Document> small =
      ReadPdf(PdfWithContent("BT /F1 12 Tf 72 700 Td (fine) Tj ET"), "x.pdf", {});
  ASSERT_TRUE(small.ok());
  EXPECT_FALSE(HasWarning(small.value(), "page_truncated", 1));
}

}  // namespace
}  // namespace disclose
