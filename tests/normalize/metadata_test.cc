#include "normalize/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract.h"

namespace disclose {
namespace {

Document ReadSeed(const std::string& name) {
  Result<Document> document =
      ReadDocument(std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/seeds/" + name, ExtractOptions{});
  EXPECT_TRUE(document.ok()) << name;
  return document.ok() ? std::move(document).value() : Document{};
}

TEST(MetadataTest, DepartmentFromLines) {
  EXPECT_EQ(DepartmentFromLine("单位：玉溪市医疗保障局（本级）"), "玉溪市医疗保障局");
  EXPECT_EQ(DepartmentFromLine("编制单位：上海市普陀区人民政府办公室"),
            "上海市普陀区人民政府办公室");
  EXPECT_EQ(DepartmentFromLine("上海市普陀区财政局2024年度部门决算"), "上海市普陀区财政局");
  EXPECT_EQ(DepartmentFromLine("2019年江苏省高级人民法院部门预算"), "江苏省高级人民法院");
  EXPECT_EQ(DepartmentFromLine("金额单位：元"), "");
  EXPECT_EQ(DepartmentFromLine("收入支出决算表"), "");
  EXPECT_EQ(DepartmentFromLine("预算主管部门：上海市普陀区人民政府万里街道办事处"),
            "上海市普陀区人民政府万里街道办事处");
  EXPECT_EQ(DepartmentFromLine("附件：江苏省政协办公厅2019年部门预算"), "江苏省政协办公厅");
  EXPECT_EQ(DepartmentFromLine("第二部分 上海市普陀区XX局2024年度部门决算表"), "上海市普陀区XX局");
  // Table titles and class headings name no department.
  EXPECT_EQ(DepartmentFromLine("2024年部门一般公共预算基本支出部门预算经济分类预算表"), "");
  EXPECT_EQ(DepartmentFromLine("检察（款）:2018年预算支出合计16,444.36万元。其中："), "");
}

struct SeedCase {
  const char* file;
  const char* department;
  const char* year;
  DocKind kind;
};

TEST(MetadataTest, Seeds) {
  const SeedCase cases[] = {
      {"000_28c5b8c0e71a2a67.txt", "新疆维吾尔自治区医疗保障局", "2019", DocKind::kFinalAccounts},
      {"001_1d3965113ca8330b.txt", "达州市达川区医疗保险管理局", "2018", DocKind::kFinalAccounts},
      {"002_5b42121fa295fc4a.txt", "博湖县医疗保障局", "2024", DocKind::kFinalAccounts},
      {"003_f226edb144d9e567.txt", "玉溪市医疗保障局", "2022", DocKind::kFinalAccounts},
      {"004_4b22c8c51bd978dc.txt", "新疆维吾尔自治区喀什地区医疗保障局", "2024", DocKind::kBudget},
  };
  for (const SeedCase& c : cases) {
    const DocumentMetadata metadata = ExtractMetadata(ReadSeed(c.file));
    EXPECT_EQ(metadata.department.value, c.department)
        << c.file << " " << metadata.department.evidence;
    EXPECT_EQ(metadata.fiscal_year.value, c.year) << c.file << " " << metadata.fiscal_year.evidence;
    EXPECT_EQ(metadata.kind, c.kind) << c.file << " " << metadata.doc_kind.evidence;
    EXPECT_FALSE(metadata.department.evidence.empty()) << c.file;
    EXPECT_GE(metadata.fiscal_year.provenance.block, 0) << c.file;
  }
}

}  // namespace
}  // namespace disclose

namespace disclose {
namespace {

// A rasterised cover read by OCR (厅 misread 斤) before text-layer pages that
// state the same: the text layer's reading wins; an OCR-only document still
// gets its metadata from OCR.
TEST(MetadataTest, TextLayerIsReadBeforeOcr) {
  auto paragraph = [](const char* text, TextOrigin origin) {
    Paragraph p;
    p.text = text;
    p.provenance.origin = origin;
    return Block{p};
  };
  Document mixed;
  mixed.blocks.push_back(paragraph("江苏省政协办公斤2019年部门预算", TextOrigin::kOcr));
  mixed.blocks.push_back(paragraph("江苏省政协办公厅2019年部门预算", TextOrigin::kTextLayer));
  EXPECT_EQ(ExtractMetadata(mixed).department.value, "江苏省政协办公厅");
  Document scanned;
  scanned.blocks.push_back(paragraph("江苏省政协办公斤2019年部门预算", TextOrigin::kOcr));
  EXPECT_EQ(ExtractMetadata(scanned).department.value, "江苏省政协办公斤");
  EXPECT_EQ(ExtractMetadata(scanned).fiscal_year.value, "2019");
}

}  // namespace
}  // namespace disclose
