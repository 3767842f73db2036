// ReadDocx on the fixtures built by scripts/make-docx-fixtures.py from the
// seed texts, and on damaged DOCX files in fixtures/bad.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/text.h"
#include "extract/extract.h"

namespace disclose {
namespace {

const std::string kDocx = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/docx/";
const std::string kBad = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/bad/";
const std::string kSeeds = std::string(DISCLOSE_SHARED_DIR) + "/seeds/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Result<Document> Read(const std::string& path, const ExtractOptions& options = {}) {
  return ReadDocx(Slurp(path), path.substr(path.rfind('/') + 1), options);
}

const Document& Final2022() {
  static const Document* document = [] {
    Result<Document> result = Read(kDocx + "final_2022_yuxi.docx");
    EXPECT_TRUE(result.ok()) << result.status().message();
    return new Document(result.ok() ? std::move(result).value() : Document());
  }();
  return *document;
}

const Document& Budget2024() {
  static const Document* document = [] {
    Result<Document> result = Read(kDocx + "budget_2024_kashgar.docx");
    EXPECT_TRUE(result.ok()) << result.status().message();
    return new Document(result.ok() ? std::move(result).value() : Document());
  }();
  return *document;
}

// Every piece of text the reader produced: paragraphs, cells, furniture.
std::vector<std::string> AllTexts(const Document& document) {
  std::vector<std::string> texts;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) texts.push_back(paragraph->text);
    if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) texts.push_back(cell.text);
    }
  }
  for (const Paragraph& paragraph : document.furniture) texts.push_back(paragraph.text);
  return texts;
}

int FindParagraph(const Document& document, std::string_view text) {
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Paragraph* paragraph = document.blocks[i].AsParagraph();
    if (paragraph != nullptr && paragraph->text == text) return static_cast<int>(i);
  }
  return -1;
}

// The table whose top-left text is `corner`; -1 when none.
int FindTable(const Document& document, std::string_view corner) {
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Table* table = document.blocks[i].AsTable();
    if (table != nullptr && table->TextAt(0, 0) == corner) return static_cast<int>(i);
  }
  return -1;
}

// Tab-separated rows of the first table after the line `after` in a seed.
std::vector<std::vector<std::string>> SeedTable(const std::string& prefix,
                                                const std::string& after) {
  std::string text;
  for (const char* name : {"003_f226edb144d9e567.txt", "004_4b22c8c51bd978dc.txt"}) {
    if (StartsWith(name, prefix)) text = Slurp(kSeeds + name);
  }
  std::istringstream in(text);
  std::string line;
  bool started = false;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    if (!started) {
      started = Trim(line) == after;
      continue;
    }
    if (line.find('\t') != std::string::npos) {
      std::vector<std::string> cells;
      std::size_t start = 0;
      while (true) {
        const std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      rows.push_back(cells);
    } else if (!Trim(line).empty() && !rows.empty()) {
      break;
    }
  }
  return rows;
}

TEST(DocxReaderTest, SourceIsFilled) {
  const Document& document = Final2022();
  const std::string bytes = Slurp(kDocx + "final_2022_yuxi.docx");
  EXPECT_EQ(document.source.name, "final_2022_yuxi.docx");
  EXPECT_EQ(document.source.format, SourceFormat::kDocx);
  EXPECT_EQ(document.source.size_bytes, bytes.size());
  EXPECT_EQ(document.source.sha256, Sha256Hex(bytes));
  EXPECT_FALSE(document.source.producer.empty());
  EXPECT_TRUE(document.pages.empty());
}

TEST(DocxReaderTest, EveryFixtureValidates) {
  for (const char* name : {"final_2022_yuxi.docx", "budget_2024_kashgar.docx"}) {
    Result<Document> document = Read(kDocx + name);
    ASSERT_TRUE(document.ok()) << name << ": " << document.status().message();
    EXPECT_EQ(ValidateDocument(document.value()), "") << name;
    EXPECT_FALSE(document->blocks.empty()) << name;
  }
}

TEST(DocxReaderTest, ParagraphsInOrderWithRoles) {
  const Document& document = Final2022();
  struct Expected {
    std::string text;
    ParagraphRole role;
    int level;
  };
  const std::vector<Expected> expected = {
      {"玉溪市医疗保障局2022年度部门决算", ParagraphRole::kHeading, 1},
      {"目  录", ParagraphRole::kBody, 0},
      {"收入支出决算表\t2", ParagraphRole::kBody, 0},
      {"收入决算表\t3", ParagraphRole::kBody, 0},
      {"支出决算表\t4", ParagraphRole::kBody, 0},
      {"收入支出决算表", ParagraphRole::kHeading, 1},
      {"公开01表", ParagraphRole::kBody, 0},
      {"金额单位：元", ParagraphRole::kBody, 0},
      {"收入决算表", ParagraphRole::kHeading, 1},
      {"支出决算表", ParagraphRole::kHeading, 1},
      {"情况说明", ParagraphRole::kHeading, 1},
      {"2022年度收入总计4,964,173.05元，支出总计4,964,173.05元。", ParagraphRole::kBody, 0},
      {"本年支出合计4,964,173.05元，其中基本支出4,148,550.80元。", ParagraphRole::kBody, 0},
      {"文本框：项目支出815,622.25元", ParagraphRole::kTextBox, 0},
      {"住房保障支出明细如下：", ParagraphRole::kBody, 0},
      {"以上数据以决算报表为准。", ParagraphRole::kBody, 0},
  };
  int previous = -1;
  for (const Expected& item : expected) {
    const int index = FindParagraph(document, item.text);
    ASSERT_GE(index, 0) << item.text;
    EXPECT_GT(index, previous) << item.text;
    previous = index;
    const Paragraph& paragraph = *document.blocks[static_cast<std::size_t>(index)].AsParagraph();
    EXPECT_EQ(paragraph.role, item.role) << item.text;
    EXPECT_EQ(paragraph.heading_level, item.level) << item.text;
    EXPECT_EQ(paragraph.provenance.block, index);
    EXPECT_EQ(paragraph.provenance.page, 0);
    EXPECT_EQ(paragraph.provenance.origin, TextOrigin::kMarkup);
  }
}

TEST(DocxReaderTest, NoWordArtefactsHiddenOrDeletedText) {
  for (const Document* document : {&Final2022(), &Budget2024()}) {
    for (const std::string& text : AllTexts(*document)) {
      for (const char* bad : {"_Toc", "TOC \\o", "PAGEREF", "HYPERLINK", "[bookmark:", "NUMPAGES",
                              "隐藏的批注文字", "草稿数", "5,000,000.00"}) {
        EXPECT_FALSE(Contains(text, bad)) << bad << " in: " << text;
      }
    }
  }
}

TEST(DocxReaderTest, TextBoxReadOnceAfterItsAnchor) {
  const Document& document = Final2022();
  int count = 0;
  for (const std::string& text : AllTexts(document)) {
    if (Contains(text, "文本框：项目支出")) ++count;
  }
  EXPECT_EQ(count, 1);  // DrawingML choice read, VML fallback not
  const int anchor =
      FindParagraph(document, "本年支出合计4,964,173.05元，其中基本支出4,148,550.80元。");
  const int box = FindParagraph(document, "文本框：项目支出815,622.25元");
  ASSERT_GE(anchor, 0);
  EXPECT_EQ(box, anchor + 1);
}

TEST(DocxReaderTest, HeaderAndFooterAreFurniture) {
  for (const auto& [document, header] : std::vector<std::pair<const Document*, std::string>>{
           {&Final2022(), "玉溪市医疗保障局2022年度部门决算公开"},
           {&Budget2024(), "新疆维吾尔自治区喀什地区医疗保障局2024年部门预算公开"}}) {
    std::vector<std::string> furniture;
    for (const Paragraph& paragraph : document->furniture) furniture.push_back(paragraph.text);
    EXPECT_EQ(furniture, (std::vector<std::string>{header, "第 1 页，共 9 页"}));
    EXPECT_EQ(FindParagraph(*document, header), -1);
  }
}

struct SpanCase {
  std::string corner;  // TextAt(0,0) identifies the table
  int row;
  int column;
  std::string text;
  int row_span;
  int column_span;
};

class DocxSpanTest : public testing::TestWithParam<SpanCase> {};

TEST_P(DocxSpanTest, MergedCellsResolved) {
  const SpanCase& item = GetParam();
  const Document& document = Final2022();
  const int index = FindTable(document, item.corner);
  ASSERT_GE(index, 0) << item.corner;
  const Table& table = *document.blocks[static_cast<std::size_t>(index)].AsTable();
  const TableCell* cell = table.CellAt(item.row, item.column);
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->row, item.row);
  EXPECT_EQ(cell->column, item.column);
  EXPECT_EQ(cell->text, item.text);
  EXPECT_EQ(cell->row_span, item.row_span);
  EXPECT_EQ(cell->column_span, item.column_span);
  EXPECT_EQ(cell->provenance.block, index);
  EXPECT_EQ(cell->provenance.row, item.row);
  EXPECT_EQ(cell->provenance.column, item.column);
  EXPECT_EQ(cell->provenance.origin, TextOrigin::kMarkup);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DocxSpanTest,
    testing::Values(SpanCase{"收入", 0, 0, "收入", 1, 3}, SpanCase{"收入", 0, 3, "支出", 1, 3},
                    SpanCase{"收入", 3, 2, "4,964,173.05", 1, 1},
                    SpanCase{"支出功能分类科目编码", 0, 0, "支出功能分类科目编码", 2, 3},
                    SpanCase{"支出功能分类科目编码", 0, 3, "项目", 2, 1},
                    SpanCase{"支出功能分类科目编码", 0, 7, "事业收入", 1, 2},
                    SpanCase{"支出功能分类科目编码", 1, 7, "小计", 1, 1},
                    SpanCase{"支出功能分类科目编码", 1, 8, "其中：教育收费", 1, 1},
                    SpanCase{"支出功能分类科目编码", 3, 0, "", 1, 3},
                    SpanCase{"支出功能分类科目编码", 3, 3, "合计", 1, 1},
                    SpanCase{"项目", 0, 0, "项目", 1, 3},
                    SpanCase{"项目", 0, 3, "本年支出合计", 2, 1},
                    SpanCase{"项目", 1, 1, "科目名称", 1, 2},
                    SpanCase{"项目", 3, 3, "4,964,173.05", 1, 1}));

TEST(DocxReaderTest, ContinuationCellsAreNotAnchors) {
  const Document& document = Final2022();
  const Table& table =
      *document.blocks[static_cast<std::size_t>(FindTable(document, "项目"))].AsTable();
  EXPECT_TRUE(table.ruled);
  for (const TableCell& cell : table.cells) {
    EXPECT_FALSE(cell.row == 1 && cell.column >= 3) << cell.column;
  }
  EXPECT_EQ(table.TextAt(1, 3), "");
}

struct SeedCase {
  std::string name;    // fixture
  std::string seed;    // seed prefix
  std::string after;   // line before the table in the seed
  std::string corner;  // TextAt(0,0) of the DOCX table
};

class DocxSeedTest : public testing::TestWithParam<SeedCase> {};

// Every non-empty seed cell is at the same grid position in the DOCX table.
TEST_P(DocxSeedTest, FiguresMatchSeed) {
  const SeedCase& item = GetParam();
  Result<Document> document = Read(kDocx + item.name);
  ASSERT_TRUE(document.ok());
  const int index = FindTable(document.value(), item.corner);
  ASSERT_GE(index, 0);
  const Table& table = *document->blocks[static_cast<std::size_t>(index)].AsTable();
  const auto rows = SeedTable(item.seed, item.after);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(table.row_count, static_cast<int>(rows.size()));
  int compared = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      EXPECT_EQ(table.TextAt(static_cast<int>(r), static_cast<int>(c)), rows[r][c])
          << r << "," << c;
      ++compared;
    }
  }
  EXPECT_GT(compared, 40);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DocxSeedTest,
    testing::Values(SeedCase{"final_2022_yuxi.docx", "003", "# 收入支出决算表", "收入"},
                    SeedCase{"final_2022_yuxi.docx", "003", "## 收入决算表",
                             "支出功能分类科目编码"},
                    SeedCase{"final_2022_yuxi.docx", "003", "## 支出决算表", "项目"},
                    SeedCase{"budget_2024_kashgar.docx", "004", "部门收支总体情况表", "收入"}));

TEST(DocxReaderTest, NestedTableIsItsOwnBlockAfterItsParent) {
  const Document& document = Final2022();
  const int nested_index = FindTable(document, "住房公积金");
  ASSERT_GE(nested_index, 1);
  const Table& nested = *document.blocks[static_cast<std::size_t>(nested_index)].AsTable();
  ASSERT_TRUE(nested.parent.has_value());
  EXPECT_EQ(nested.parent->block, nested_index - 1);
  EXPECT_EQ(nested.parent->row, 1);
  EXPECT_EQ(nested.parent->column, 1);
  EXPECT_EQ(nested.TextAt(1, 1), "7,308.00");
  const Table& outer = *document.blocks[static_cast<std::size_t>(nested_index - 1)].AsTable();
  EXPECT_FALSE(outer.parent.has_value());
  EXPECT_EQ(outer.TextAt(1, 1), "住房改革支出");  // nested text not duplicated
  EXPECT_EQ(outer.TextAt(1, 0), "住房保障支出");
}

TEST(DocxReaderTest, Deterministic) {
  Result<Document> first = Read(kDocx + "final_2022_yuxi.docx");
  Result<Document> second = Read(kDocx + "final_2022_yuxi.docx");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(AllTexts(first.value()), AllTexts(second.value()));
}

struct BadCase {
  std::string path;
  std::uint64_t max_entry_bytes;  // 0: default
  std::uint64_t max_total_bytes;  // 0: default
  ErrorCode code;
};

class DocxBadInputTest : public testing::TestWithParam<BadCase> {};

TEST_P(DocxBadInputTest, GivesItsErrorCode) {
  const BadCase& item = GetParam();
  ExtractOptions options;
  if (item.max_entry_bytes != 0) options.max_zip_entry_bytes = item.max_entry_bytes;
  if (item.max_total_bytes != 0) options.max_zip_total_bytes = item.max_total_bytes;
  const std::string bytes = Slurp(item.path);
  ASSERT_FALSE(bytes.empty()) << item.path;
  Result<Document> document = ReadDocx(bytes, "input.docx", options);
  ASSERT_FALSE(document.ok()) << item.path;
  EXPECT_EQ(document.status().code(), item.code)
      << item.path << ": " << document.status().message();
  EXPECT_TRUE(StartsWith(document.status().message(), "DOCX read error: input.docx: "))
      << document.status().message();
  EXPECT_EQ(document.status().message().find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DocxBadInputTest,
    testing::Values(BadCase{kBad + "truncated.docx", 0, 0, ErrorCode::kCorrupt},
                    BadCase{kBad + "not_docx.zip", 0, 0, ErrorCode::kUnsupportedFormat},
                    BadCase{kBad + "zip_bomb.docx", 64 << 10, 0, ErrorCode::kTooLarge},
                    BadCase{kBad + "zip_declared_huge.docx", 0, 0, ErrorCode::kTooLarge},
                    BadCase{kBad + "bad_xml.docx", 0, 0, ErrorCode::kCorrupt},
                    BadCase{kBad + "xxe.docx", 0, 0, ErrorCode::kCorrupt},
                    BadCase{kBad + "encrypted.docx", 0, 0, ErrorCode::kEncrypted},
                    BadCase{kDocx + "final_2022_yuxi.docx", 0, 4096, ErrorCode::kTooLarge},
                    BadCase{kBad + "truncated.pdf", 0, 0, ErrorCode::kCorrupt}));

TEST(DocxReaderTest, ZipBombFixtureReadsUnderDefaultLimits) {
  Result<Document> document = Read(kBad + "zip_bomb.docx");
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(ValidateDocument(document.value()), "");
}

TEST(DocxReaderTest, EmptyInput) {
  Result<Document> document = ReadDocx("", "empty.docx", ExtractOptions());
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), ErrorCode::kEmpty);
}

}  // namespace
}  // namespace disclose
