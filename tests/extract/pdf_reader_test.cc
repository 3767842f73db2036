// ReadPdf on the real documents in ../shared/real and on damaged fixtures.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/document.h"
#include "core/text.h"
#include "extract/extract.h"
#include "extract/inspect.h"

namespace disclose {
namespace {

const std::string kReal = std::string(DISCLOSE_SHARED_DIR) + "/real/";
const std::string kBad = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/bad/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct ManifestRow {
  int pages = 0;
  int chars = 0;  // pdftotext's character count from the manifest
};

// MANIFEST.tsv: local_name, ..., type (4), pages (5), "yes (N chars)" (6).
std::map<std::string, ManifestRow> ReadManifest() {
  std::map<std::string, ManifestRow> rows;
  std::istringstream in(Slurp(kReal + "MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    if (fields.size() < 7 || fields[4] != "pdf") continue;
    ManifestRow row;
    row.pages = std::stoi(fields[5]);
    const std::size_t open = fields[6].find('(');
    if (open != std::string::npos) row.chars = std::stoi(fields[6].substr(open + 1));
    rows[fields[0]] = row;
  }
  return rows;
}

Result<Document> Read(const std::string& path) {
  ExtractOptions options;
  return ReadPdf(Slurp(path), path.substr(path.rfind('/') + 1), options);
}

std::string AllText(const Document& doc, int page = 0) {
  std::string text;
  for (const Block& block : doc.blocks) {
    if (const Paragraph* p = block.AsParagraph()) {
      if (page == 0 || p->provenance.page == page) text += p->text + "\n";
    } else if (const Table* t = block.AsTable()) {
      if (page != 0 && t->provenance.page != page) continue;
      for (const TableCell& cell : t->cells) text += cell.text + "\n";
    }
  }
  return text;
}

TEST(PdfReaderTest, EveryRealPdfOpensWithManifestPageCountAndValidates) {
  const auto manifest = ReadManifest();
  ASSERT_GE(manifest.size(), 20u);
  for (const auto& [name, row] : manifest) {
    SCOPED_TRACE(name);
    Result<Document> doc = Read(kReal + name);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->page_count(), row.pages);
    EXPECT_EQ(ValidateDocument(doc.value()), "");
    EXPECT_EQ(doc->source.format, SourceFormat::kPdf);
    EXPECT_EQ(doc->source.sha256.size(), 64u);
    int glyphs = 0, undecodable = 0;
    for (const Page& page : doc->pages) {
      glyphs += page.glyph_count;
      undecodable += page.undecodable_glyph_count;
      EXPECT_GT(page.width, 0);
      EXPECT_GT(page.height, 0);
    }
    // pdftotext counts characters without spaces in the manifest; we count
    // glyphs after fake-bold dedupe, so allow a few percent either way.
    EXPECT_NEAR(glyphs, row.chars, row.chars * 0.05 + 20);
    EXPECT_LE(undecodable, glyphs / 20);
    for (const Block& block : doc->blocks) {
      if (const Paragraph* p = block.AsParagraph()) {
        EXPECT_GE(p->provenance.page, 1);
        EXPECT_TRUE(p->provenance.box.has_value());
      }
    }
  }
}

TEST(PdfReaderTest, RotatedPagesAreLandscapeAsDisplayed) {
  Result<Document> doc = Read(kReal + "js_partyoffice_2018_budget_tables_rot.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  int rotated = 0;
  for (const Page& page : doc->pages) {
    if (page.rotation != 90) continue;
    ++rotated;
    EXPECT_GT(page.width, page.height) << "page " << page.number;
  }
  EXPECT_EQ(rotated, 13);
  // Text on rotated pages reads horizontally once displayed.
  for (const Block& block : doc->blocks) {
    if (const Paragraph* p = block.AsParagraph()) {
      const Page& page = doc->pages[p->provenance.page - 1];
      EXPECT_LE(p->provenance.box->x1, page.width + 5);
      EXPECT_LE(p->provenance.box->y1, page.height + 5);
    }
  }
}

TEST(PdfReaderTest, FirstPageTextAndProducer) {
  Result<Document> doc = Read(kReal + "sh_putuo_finance_2024_final.pdf");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(Contains(AllText(doc.value(), 1), "上海市普陀区财政局")) << AllText(doc.value(), 1);
  EXPECT_TRUE(StartsWith(doc->source.producer, "ONLYOFFICE"));
  EXPECT_EQ(doc->source.name, "sh_putuo_finance_2024_final.pdf");
}

TEST(PdfReaderTest, CjkFontsWithoutToUnicodeDecode) {
  for (const char* name :
       {"js_procuratorate_2018_budget_full.pdf", "js_cppcc_2017_budget_text.pdf"}) {
    SCOPED_TRACE(name);
    Result<Document> doc = Read(kReal + name);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    int glyphs = 0, undecodable = 0;
    for (const Page& page : doc->pages) {
      glyphs += page.glyph_count;
      undecodable += page.undecodable_glyph_count;
    }
    EXPECT_GT(glyphs, 5000);
    EXPECT_LT(undecodable, glyphs / 100);
    const std::string text = AllText(doc.value());
    EXPECT_TRUE(Contains(text, "部门预算")) << name;
    if (std::string(name).find("procuratorate") != std::string::npos) {
      EXPECT_TRUE(Contains(text, "江苏省人民检察院"));
    } else {
      EXPECT_TRUE(Contains(text, "政协"));
    }
  }
}

TEST(PdfReaderTest, PageNumbersBecomeFurniture) {
  Result<Document> doc = Read(kReal + "js_procuratorate_2018_budget_full.pdf");
  ASSERT_TRUE(doc.ok());
  EXPECT_GE(doc->furniture.size(), 10u);
  for (const Paragraph& p : doc->furniture) EXPECT_GE(p.provenance.page, 1);
}

TEST(PdfReaderTest, ClippedOverflowTextIsNotReadTwice) {
  // WPS spreadsheet export: page 4's last rows run on under a clip and are
  // printed again at the top of page 5.
  Result<Document> doc = Read(kReal + "sh_putuo_justice_2026_dept_budget.pdf");
  ASSERT_TRUE(doc.ok());
  const std::string text = AllText(doc.value());
  for (const char* item : {"（六）组织实施", "（八）负责本系统", "（九）规划"}) {
    std::size_t count = 0;
    for (std::size_t at = text.find(item); at != std::string::npos; at = text.find(item, at + 1))
      ++count;
    EXPECT_EQ(count, 1u) << item;
  }
}

TEST(PdfReaderTest, RasterCoverTitleNeedsOcr) {
  Result<Document> doc = Read(kReal + "js_cppcc_2019_budget_text.pdf");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->pages[0].needs_ocr);
  for (std::size_t i = 1; i < doc->pages.size(); ++i) EXPECT_FALSE(doc->pages[i].needs_ocr);
}

TEST(PdfReaderTest, BlankLastPageHasNoBlocks) {
  Result<Document> doc = Read(kReal + "js_rendaban_2017_budget_full.pdf");
  ASSERT_TRUE(doc.ok());
  const int last = doc->page_count();
  for (const Block& block : doc->blocks) {
    const Paragraph* p = block.AsParagraph();
    if (p != nullptr) {
      EXPECT_NE(p->provenance.page, last) << p->text;
    }
  }
}

TEST(InspectTest, JsonAndPngForOnePage) {
  const std::string path = kReal + "js_partyoffice_2018_budget_tables_rot.pdf";
  Result<std::string> json = InspectPageJson(path, 3);
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_TRUE(Contains(json.value(), "\"glyphs\""));
  EXPECT_TRUE(Contains(json.value(), "\"rules\""));
  EXPECT_TRUE(Contains(json.value(), "收支预算总表"));
  // Per process: several checkouts may run this test at once on one machine.
  const std::string png =
      testing::TempDir() + "/inspect_page3_" + std::to_string(::getpid()) + ".png";
  Status status = RenderInspection(path, 3, png);
  ASSERT_TRUE(status.ok()) << status.ToString();
  const std::string bytes = Slurp(png);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(1, 3), "PNG");
  std::remove(png.c_str());
  EXPECT_EQ(InspectPageJson(path, 99).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(RenderInspection(kBad + "encrypted.pdf", 1, png).code(), ErrorCode::kEncrypted);
  EXPECT_EQ(InspectPageJson(kBad + "missing.pdf", 1).status().code(), ErrorCode::kNotFound);
}

struct BadCase {
  const char* file;
  ErrorCode code;
};

class PdfBadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(PdfBadInputTest, FailsWithCodeNotCrash) {
  Result<Document> doc = Read(kBad + GetParam().file);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), GetParam().code) << doc.status().ToString();
  EXPECT_TRUE(StartsWith(doc.status().message(), "PDF read error"));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, PdfBadInputTest,
                         ::testing::Values(BadCase{"truncated.pdf", ErrorCode::kCorrupt},
                                           BadCase{"garbage.pdf", ErrorCode::kCorrupt},
                                           BadCase{"encrypted.pdf", ErrorCode::kEncrypted}));

TEST(PdfReaderTest, InMemoryOddities) {
  ExtractOptions options;
  for (const std::string& bytes :
       {std::string(), std::string("%PDF-1.7\n"), std::string("not a pdf at all"),
        std::string(
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n")}) {
    Result<Document> doc = ReadPdf(bytes, "x.pdf", options);
    EXPECT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), ErrorCode::kCorrupt) << doc.status().ToString();
  }
}

TEST(PdfReaderTest, TimeoutIsReported) {
  // A one-second budget cannot fail on a small file; this checks the plumbing
  // does not misfire (real timeouts are exercised by the fuzzer).
  ExtractOptions options;
  options.timeout_seconds = 1;
  Result<Document> doc =
      ReadPdf(Slurp(kReal + "js_partyoffice_2017_budget_text.pdf"), "x.pdf", options);
  ASSERT_TRUE(doc.ok() || doc.status().code() == ErrorCode::kTimeout);
}

}  // namespace
}  // namespace disclose
