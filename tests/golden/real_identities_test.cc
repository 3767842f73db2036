// The accounting identities of every real PDF's tables hold (parent = sum of children, row
// total = sum of parts, summary totals, the same figure across tables, code/name), except where
// the document itself is wrong. Each such case is named below with the page and what the
// document prints; a new error-level identity finding fails this test until it is either fixed
// or shown to be in the document and added here.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/normalized.h"
#include "core/text.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace disclose {
namespace {

namespace fs = std::filesystem;

const fs::path kRealDir = fs::path(DISCLOSE_SHARED_DIR) / "real";

struct DocumentError {
  const char* file;
  const char* check;
  const char* match;  // text the finding's message must contain
  const char* why;    // what the document prints (known_document_errors.tsv has the details)
};

// J01/J02: sh_putuo_justice_2026_unit_budget.pdf p11 and p14 print 项目支出 64,840,547.00 on
// 204 06 01 行政运行 (the 204 class's project total) where 0.00 belongs; its 合计 equals its
// 基本支出, and the children of 204 06 then add up to twice the 款's 项目支出.
// J04: the same file's summary splits 基本支出 101,200 元 differently from its
// economic-class table.
const DocumentError kDocumentErrors[] = {
    {"sh_putuo_justice_2026_unit_budget.pdf", "sum.columns",
     "budget.expenditure row 2040601 column total", "J01 p11 行政运行 项目支出"},
    {"sh_putuo_justice_2026_unit_budget.pdf", "sum.columns",
     "budget.general_budget_expenditure row 2040601 column total", "J02 p14 行政运行 项目支出"},
    {"sh_putuo_justice_2026_unit_budget.pdf", "sum.children",
     "budget.expenditure row 20406 column project", "J01 p11, the 款 司法 above it"},
    {"sh_putuo_justice_2026_unit_budget.pdf", "sum.children",
     "budget.general_budget_expenditure row 20406 column project", "J02 p14, the 款 司法 above it"},
    {"sh_putuo_justice_2026_unit_budget.pdf", "cross.summary_basic_split", "人员经费",
     "J04 p8 支出总计 人员经费 20,374,181 vs p18-19 合计 20,272,981.00"},
    {"sh_putuo_justice_2026_unit_budget.pdf", "cross.summary_basic_split", "公用经费",
     "J04 p8 支出总计 公用经费 1,744,680 vs p18-19 合计 1,845,880.34"},
};

bool IsIdentityCheck(const std::string& check) {
  return StartsWith(check, "sum.") || StartsWith(check, "cross.") ||
         StartsWith(check, "summary.") || StartsWith(check, "code.");
}

TEST(RealIdentitiesTest, HoldExceptWhereTheDocumentIsWrong) {
  if (!fs::is_directory(kRealDir)) GTEST_SKIP() << kRealDir << " not present";
  std::vector<fs::path> pdfs;
  for (const fs::directory_entry& entry : fs::directory_iterator(kRealDir)) {
    if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  ASSERT_GE(pdfs.size(), 29u);
  std::set<const DocumentError*> seen;
  for (const fs::path& pdf : pdfs) {
    SCOPED_TRACE(pdf.filename().string());
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ExtractOptions options;
    options.enable_ocr = false;
    Result<Document> document = ReadPdf(bytes, pdf.filename().string(), options);
    ASSERT_TRUE(document.ok()) << document.status().ToString();
    const NormalizedDocument normalized = Normalize(document.value(), NormalizeOptions{});
    for (const Finding& finding : normalized.findings) {
      if (finding.severity != Severity::kError || !IsIdentityCheck(finding.check)) continue;
      const DocumentError* known = nullptr;
      for (const DocumentError& error : kDocumentErrors) {
        if (pdf.filename() == error.file && finding.check == error.check &&
            Contains(finding.message, error.match)) {
          known = &error;
        }
      }
      EXPECT_NE(known, nullptr) << finding.check << ": " << finding.message;
      if (known != nullptr) seen.insert(known);
    }
  }
  for (const DocumentError& error : kDocumentErrors) {
    EXPECT_TRUE(seen.count(&error))
        << "document error no longer reported: " << error.file << " " << error.check << " "
        << error.match << " (" << error.why << ")";
  }
}

}  // namespace
}  // namespace disclose
