// ReadText: cleaning, the three table shapes, page-break rejoin, furniture,
// errors, and checks on the five real seed exports.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"
#include "extract/text/text_internal.h"

namespace disclose {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::vector<std::string>& SeedNames() {
  static const std::vector<std::string> kSeeds = {
      "000_28c5b8c0e71a2a67.txt", "001_1d3965113ca8330b.txt", "002_5b42121fa295fc4a.txt",
      "003_f226edb144d9e567.txt", "004_4b22c8c51bd978dc.txt"};
  return kSeeds;
}

Document ReadSeed(const std::string& name) {
  const std::string bytes = ReadFile(std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/seeds/" + name);
  EXPECT_FALSE(bytes.empty()) << name;
  Result<Document> document = ReadText(bytes, name, ExtractOptions());
  EXPECT_TRUE(document.ok()) << document.status().message();
  return document.ok() ? document.value() : Document();
}

Document ReadString(const std::string& text) {
  Result<Document> document = ReadText(text, "inline.txt", ExtractOptions());
  EXPECT_TRUE(document.ok()) << document.status().message();
  if (!document.ok()) return Document();
  EXPECT_EQ(ValidateDocument(document.value()), "");
  return document.value();
}

std::vector<std::string> ParagraphTexts(const Document& document) {
  std::vector<std::string> texts;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) texts.push_back(paragraph->text);
  }
  return texts;
}

std::vector<const Table*> Tables(const Document& document) {
  std::vector<const Table*> tables;
  for (const Block& block : document.blocks) {
    if (const Table* table = block.AsTable()) tables.push_back(table);
  }
  return tables;
}

std::vector<std::string> RowTexts(const Table& table, int row) {
  std::vector<std::string> texts;
  for (int c = 0; c < table.column_count; ++c) texts.emplace_back(table.TextAt(row, c));
  return texts;
}

// ---------------------------------------------------------------- cleaning

struct CleanCase {
  const char* input;
  bool markdown;
  const char* expected;
};

TEST(TextCleanTest, InlineCleaning) {
  const CleanCase kCases[] = {
      {"[bookmark: _Toc15396600][bookmark: _Toc15377197]一、基本职能", false, "一、基本职能"},
      {"1、 [bookmark: _Toc15377206]收入决算情况说明", false, "1、 收入决算情况说明"},
      {"[bookmark: _Hlk19393219]我单位参公管理", true, "我单位参公管理"},
      {"a<br>b", false, "a\nb"},
      {"<span style=\"color:red\">红</span>字", false, "红字"},
      {"m<sup>2</sup>", false, "m2"},
      {"<b>一、“三公”经费支出</b>", false, "一、“三公”经费支出"},
      {"<p>1. 前期准备</p>", false, "\n1. 前期准备\n"},
      {"$<=57194.15$ 万元", true, "<=57194.15 万元"},
      {"指标值为 $\\geq 90\\%$ ，完成", true, "指标值为 ≥90% ，完成"},
      {"$\\leq 60$分钟", true, "≤60分钟"},
      {"$3 \\times 4$", true, "3×4"},
      {"$\\text{万 元}$", false, "$\\text{万 元}$"},  // non-ASCII: not math
      {"$\\text{ab c}$", true, "ab c"},
      {"$>=70\\%$", true, ">=70%"},
      {"a &nbsp;b &amp; c &lt;d&gt; &quot;e&quot; &#8805; &#x2264;", false,
       "a  b & c <d> \"e\" ≥ ≤"},
      {"&lt;b&gt;x&lt;/b&gt;", false, "<b>x</b>"},
      {"**一是**产出指标", true, "一是产出指标"},
      {"一、**财政拨款**:指", true, "一、财政拨款:指"},
      {"__重点__ and *斜体* and _x_", true, "重点 and 斜体 and x"},
      {"code ABC_DEF_1 stays", true, "code ABC_DEF_1 stays"},
      {"\\*not bold\\* \\_x\\_ \\# \\- \\|", true, "*not bold* _x_ # - |"},
      {"2 * 3 = 6", true, "2 * 3 = 6"},
      {"≥ 3 次，10% 以上", true, "≥ 3 次，10% 以上"},
      {"<=100 and a < b", false, "<=100 and a < b"},
      {"[bookmark: unterminated", false, "[bookmark: unterminated"},
  };
  for (const CleanCase& c : kCases) {
    EXPECT_EQ(text_internal::CleanInline(c.input, c.markdown), c.expected) << c.input;
  }
}

struct MarksCase {
  const char* input;
  bool markdown;
  const char* rest;
  int heading_level;
  bool list_item;
};

TEST(TextCleanTest, LineMarks) {
  const MarksCase kCases[] = {
      {"# 收入支出决算表", true, "收入支出决算表", 1, false},
      {"### 一般公共预算 ###", true, "一般公共预算", 3, false},
      {"#没有空格", true, "#没有空格", 0, false},
      {"- 一、主要职能", true, "一、主要职能", 0, true},
      {" - (一) 机关运行经费支出情况", true, "(一) 机关运行经费支出情况", 0, true},
      {"* 条目", false, "条目", 0, true},
      {"1. 本表反映", true, "本表反映", 0, true},
      {"1. 项目绩效目标完成情况。", false, "1. 项目绩效目标完成情况。", 0, false},
      {"1.财政拨款收入：", true, "1.财政拨款收入：", 0, false},
      {"> 引用", true, "引用", 0, false},
      {">=90%", true, ">=90%", 0, false},
      {"　　公用经费38.86万元", false, "公用经费38.86万元", 0, false},
      {"-5 度", true, "-5 度", 0, false},
  };
  for (const MarksCase& c : kCases) {
    const text_internal::LineMarks marks = text_internal::StripLineMarks(c.input, c.markdown);
    EXPECT_EQ(marks.rest, c.rest) << c.input;
    EXPECT_EQ(marks.heading_level, c.heading_level) << c.input;
    EXPECT_EQ(marks.list_item, c.list_item) << c.input;
  }
}

TEST(TextCleanTest, PageNumberLines) {
  EXPECT_TRUE(text_internal::IsPageNumberLine("- 3 -", false));
  EXPECT_TRUE(text_internal::IsPageNumberLine("— 12 —", false));
  EXPECT_TRUE(text_internal::IsPageNumberLine("第3页", false));
  EXPECT_TRUE(text_internal::IsPageNumberLine("第 3 页 共 10 页", false));
  EXPECT_TRUE(text_internal::IsPageNumberLine("3/10", false));
  EXPECT_TRUE(text_internal::IsPageNumberLine("  7 ", true));
  EXPECT_FALSE(text_internal::IsPageNumberLine("7", false));
  EXPECT_FALSE(text_internal::IsPageNumberLine("2024", false));
  EXPECT_FALSE(text_internal::IsPageNumberLine("- 一、主要职能", true));
}

// ---------------------------------------------------------------- document

TEST(TextReaderTest, FormatHashAndSize) {
  const std::string text = "# 标题\n\n正文。\n";
  Result<Document> document = ReadText(text, "a.md", ExtractOptions());
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->source.format, SourceFormat::kMarkdown);
  EXPECT_EQ(document->source.size_bytes, text.size());
  EXPECT_EQ(document->source.sha256.size(), 64u);
  EXPECT_EQ(document->source.name, "a.md");
  const Paragraph* heading = document->blocks.at(0).AsParagraph();
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->role, ParagraphRole::kHeading);
  EXPECT_EQ(heading->heading_level, 1);
  EXPECT_EQ(heading->provenance.line, 1);
  EXPECT_EQ(heading->provenance.page, 0);
  EXPECT_EQ(heading->provenance.origin, TextOrigin::kMarkup);

  Result<Document> plain = ReadText("正文一。\n正文二。\n", "a.txt", ExtractOptions());
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->source.format, SourceFormat::kText);
  EXPECT_EQ(ParagraphTexts(plain.value()), (std::vector<std::string>{"正文一。", "正文二。"}));
}

struct ErrorCase {
  std::string bytes;
  ErrorCode code;
};

// GBK/GB18030 without a BOM or declaration: decoded, never refused or mangled.
TEST(TextReaderTest, Gb18030IsDecoded) {
  Result<Document> document =
      ReadText("\xB2\xBF\xC3\xC5\xBE\xF6\xCB\xE3\n\xCF\xEE\xC4\xBF\t\xBD\xF0\xB6\xEE\n", "gbk.txt",
               ExtractOptions());
  ASSERT_TRUE(document.ok()) << document.status().message();
  ASSERT_FALSE(document.value().blocks.empty());
  EXPECT_EQ(document.value().blocks[0].AsParagraph()->text, "部门决算");
}

TEST(TextReaderTest, Errors) {
  const ErrorCase kCases[] = {
      {"", ErrorCode::kEmpty},
      {" \n\t\n\r\n　\n", ErrorCode::kEmpty},
      {"\xEF\xBB\xBF  \n", ErrorCode::kEmpty},
      {"abc\xFF\xFE def", ErrorCode::kUnsupportedFormat},
      // GB18030 部门决算 with an illegal trail byte (0x7F) before the last character.
      {"\xB2\xBF\xC3\xC5\xBE\xF6\x81\x7F\xCB\xE3", ErrorCode::kUnsupportedFormat},
      // Latin-1 French: every high byte pair is outside the GB2312 block.
      {"\xE9t\xE9 \xE0 l'h\xF4"
       "tel, fa\xE7"
       "ade",
       ErrorCode::kUnsupportedFormat},
      {std::string("ab\0cd", 5), ErrorCode::kUnsupportedFormat},
      {"\x01\x02\x03\x04\x05\x06text", ErrorCode::kUnsupportedFormat},
      {"\xC0\xAF overlong", ErrorCode::kUnsupportedFormat},
      {"\xED\xA0\x80 surrogate", ErrorCode::kUnsupportedFormat},
  };
  for (const ErrorCase& c : kCases) {
    Result<Document> document = ReadText(c.bytes, "bad.txt", ExtractOptions());
    ASSERT_FALSE(document.ok()) << c.bytes;
    EXPECT_EQ(document.status().code(), c.code) << c.bytes;
  }
  ExtractOptions small;
  small.max_input_bytes = 4;
  EXPECT_EQ(ReadText("12345", "big.txt", small).status().code(), ErrorCode::kTooLarge);
}

TEST(TextReaderTest, Utf16WithBomIsConverted) {
  // "部门\n" in UTF-16LE and UTF-16BE.
  const std::string le("\xFF\xFE\xE8\x90\xE8\x95\x0A\x00", 8);
  const std::string be("\xFE\xFF\x90\xE8\x95\xE8\x00\x0A", 8);
  for (const std::string& bytes : {le, be}) {
    Result<Document> document = ReadText(bytes, "u16.txt", ExtractOptions());
    ASSERT_TRUE(document.ok()) << document.status().message();
    EXPECT_EQ(ParagraphTexts(document.value()), (std::vector<std::string>{"部门"}));
  }
  EXPECT_FALSE(ReadText(std::string("\xFF\xFE\x00\xD8", 4), "bad16.txt", ExtractOptions()).ok());
}

TEST(TextReaderTest, CrlfAndBomAndFormFeed) {
  const Document document = ReadString("\xEF\xBB\xBF第一段。\r\n第二段。\r第三段。\f第四段。");
  EXPECT_EQ(ParagraphTexts(document),
            (std::vector<std::string>{"第一段。", "第二段。", "第三段。", "第四段。"}));
  EXPECT_EQ(document.blocks[3].AsParagraph()->provenance.line, 3);
}

// ---------------------------------------------------------------- tables

TEST(TextReaderTest, TabSeparatedTable) {
  const Document document = ReadString(
      "收入支出决算表\n公开01表\n金额单位：元\n\n"
      "项目\t行次\t金额\n"
      "本年收入合计\t27\t4,964,173.05\n"
      "\t28\n"
      "\n注：本表反映部门收支。\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.row_count, 3);
  EXPECT_EQ(table.column_count, 3);
  EXPECT_EQ(RowTexts(table, 1), (std::vector<std::string>{"本年收入合计", "27", "4,964,173.05"}));
  EXPECT_EQ(RowTexts(table, 2), (std::vector<std::string>{"", "28", ""}));
  EXPECT_EQ(table.CellAt(2, 2), nullptr);  // short row: no anchor past its end
  ASSERT_NE(table.CellAt(2, 0), nullptr);  // empty cell kept for its position
  EXPECT_EQ(table.CellAt(1, 2)->provenance.line, 6);
  EXPECT_EQ(table.CellAt(1, 2)->provenance.row, 1);
  EXPECT_EQ(table.CellAt(1, 2)->provenance.column, 2);
  // Title, 表号 and unit lines stay paragraphs, marked as captions.
  int captions = 0;
  for (const Block& block : document.blocks) {
    const Paragraph* paragraph = block.AsParagraph();
    if (paragraph && paragraph->role == ParagraphRole::kCaption) ++captions;
  }
  EXPECT_EQ(captions, 3);
}

// Shape (d): columns laid out with spaces, as `pdftotext -layout` prints a
// table: split codes in their own columns (a 项 code only one row prints), a
// header word left of its right-aligned amounts, a column only the header
// names, and a label wrapped in its cell (its rest right under the row, where
// a blank line parts the rows).
TEST(TextReaderTest, SpaceAlignedTable) {
  const Document document = ReadString(
      "                 一般公共预算支出表\n"
      "单位：元\n"
      "功能分类科目编码                科目名称        合计              一般公共预算拨款          "
      "  其他收入\n"
      "\n"
      "合计                                   12,627,959.19   12,627,959.19\n"
      "\n"
      "205                     教育支出         12,627,959.19   12,627,959.19\n"
      "\n"
      "205         08          进修及培训             1,000.00        1,000.00\n"
      "\n"
      "205         08    03    培训支出和进              500.00          500.00\n"
      "                        修\n"
      "\n"
      "注：本表金额单位转换时可能存在尾数误差。\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  ASSERT_EQ(table.column_count, 7);
  EXPECT_EQ(table.row_count, 5);  // the wrapped rest joins its row
  EXPECT_EQ(RowTexts(table, 0), (std::vector<std::string>{"功能分类科目编码", "", "", "科目名称",
                                                          "合计", "一般公共预算拨款", "其他收入"}));
  EXPECT_EQ(RowTexts(table, 4), (std::vector<std::string>{"205", "08", "03", "培训支出和进修",
                                                          "500.00", "500.00", ""}));
  EXPECT_EQ(ParagraphTexts(document),
            (std::vector<std::string>{"一般公共预算支出表", "单位：元",
                                      "注：本表金额单位转换时可能存在尾数误差。"}));
}

// A side-by-side summary in a tight layout: pdftotext sets the 支出 label one
// space after the 收入 amount, which still parts them.
TEST(TextReaderTest, SpaceAlignedSummaryPartsAnAmountFromTheLabelAfterIt) {
  const Document document = ReadString(
      "收入                                支出\n"
      "\n"
      "项目                     预算数        支出功能分类       预算数\n"
      "\n"
      "一、一般公共预算拨款收入                 584.69 一般公共服务支出          96.90\n"
      "\n"
      "二、政府性基金预算拨款收入                     二、教育支出              66.26\n"
      "\n"
      "本年收入合计                       584.69 本年支出合计           584.69\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->column_count, 4);
  EXPECT_EQ(RowTexts(*tables[0], 1),
            (std::vector<std::string>{"项目", "预算数", "支出功能分类", "预算数"}));
  EXPECT_EQ(RowTexts(*tables[0], 2), (std::vector<std::string>{"一、一般公共预算拨款收入", "584.69",
                                                               "一般公共服务支出", "96.90"}));
  EXPECT_EQ(RowTexts(*tables[0], 4),
            (std::vector<std::string>{"本年收入合计", "584.69", "本年支出合计", "584.69"}));
}

// Runs of amounts that never line up across lines (each line shifted) would
// make a column of every run: more columns than any table prints is no table,
// and the lines stay paragraphs. Bounded work however long the region.
TEST(TextReaderTest, SpaceAlignedRunsThatNeverLineUpStayParagraphs) {
  std::string text;
  for (int line = 0; line < 40; ++line) {
    // Runs at 30 * line and 30 * line + 14: no two lines' runs meet.
    text += std::string(static_cast<std::size_t>(line) * 30, ' ') + "1,234.56      1,234.56\n";
  }
  const Document document = ReadString(text);
  EXPECT_TRUE(Tables(document).empty());
  EXPECT_EQ(ParagraphTexts(document).size(), 40u);
}

// A table laid out with spaces that a page break (form feed) cuts: the part
// below has no header, so no 其他收入 column (only the header names it); it
// is still the part above resumed, with that column empty.
TEST(TextReaderTest, SpaceAlignedTableResumedAfterAPageBreak) {
  const Document document = ReadString(
      "科目编码          科目名称                  合计            一般公共预算          其他收入\n"
      "201           一般公共服务支出            1,000.00        1,000.00\n"
      "20101         人大事务                1,000.00        1,000.00\n"
      "\f"
      "20102         政协事务                  500.00          500.00\n"
      "20103         政府办公厅                 500.00          500.00\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->column_count, 5);
  EXPECT_EQ(tables[1]->column_count, 5);
  EXPECT_TRUE(tables[0]->continues_on_next_page);
  EXPECT_TRUE(tables[1]->continued_from_previous_page);
  EXPECT_EQ(RowTexts(*tables[1], 0),
            (std::vector<std::string>{"20102", "政协事务", "500.00", "500.00", ""}));
}

// Lines set apart with wide spaces but holding no amounts in two rows (a
// contents page, a list of dates) are paragraphs, as before.
TEST(TextReaderTest, SpacedLinesWithoutAmountsStayParagraphs) {
  const Document document = ReadString(
      "一、收入支出决算总表          5\n"
      "二、收入决算表                6\n"
      "本年收入合计        27        4,964,173.05\n");
  EXPECT_TRUE(Tables(document).empty());
  EXPECT_EQ(ParagraphTexts(document).size(), 3u);
  // Sentences that quote amounts with their unit, set with wide spaces.
  const Document narrative = ReadString(
      "财政拨款支出    1,781.57 万元\n"
      "公务接待费      0.71 万元，开支内容包括工作餐\n");
  EXPECT_TRUE(Tables(narrative).empty());
  EXPECT_EQ(ParagraphTexts(narrative).size(), 2u);
}

TEST(TextReaderTest, LoneTabLineIsAParagraph) {
  const Document document = ReadString(
      "六、一般公共预算财政拨款基本支出决算情况说明\t\n"
      "2018年一般公共预算财政拨款基本支出473.52万元，其中：\n"
      "四、存在的问题\t\t2022年我单位绩效工作\n");
  EXPECT_TRUE(Tables(document).empty());
  EXPECT_EQ(ParagraphTexts(document),
            (std::vector<std::string>{"六、一般公共预算财政拨款基本支出决算情况说明",
                                      "2018年一般公共预算财政拨款基本支出473.52万元，其中：",
                                      "四、存在的问题  2022年我单位绩效工作"}));
}

TEST(TextReaderTest, PipeTable) {
  const Document document = ReadString(
      "# 表\n\n| 项目 | 金额 |\n|:---|---:|\n| 行政运行 | 3,279,761.42 |\n"
      "| a \\| b | x<br>y |\n\n后文。\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->row_count, 3);
  EXPECT_EQ(tables[0]->column_count, 2);
  EXPECT_EQ(RowTexts(*tables[0], 1), (std::vector<std::string>{"行政运行", "3,279,761.42"}));
  EXPECT_EQ(RowTexts(*tables[0], 2), (std::vector<std::string>{"a | b", "x\ny"}));
  EXPECT_EQ(document.source.format, SourceFormat::kMarkdown);
}

TEST(TextReaderTest, WordCellPerLineTable) {
  const Document document = ReadString(
      "说明文字。\n"
      "\t绩效自评表\n(2024年度)\n\n"
      "\t项目名称\n\t医保经费\n\n"
      "\t预算数\n\t88万\n\t执行数:\n\n"
      "\t\n\t第一段\n第二段\n\t3\n\n\n"
      "后文。\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.column_count, 3);
  EXPECT_EQ(table.row_count, 3);
  EXPECT_EQ(RowTexts(table, 0), (std::vector<std::string>{"项目名称", "医保经费", ""}));
  EXPECT_EQ(RowTexts(table, 1), (std::vector<std::string>{"预算数", "88万", "执行数:"}));
  EXPECT_EQ(RowTexts(table, 2), (std::vector<std::string>{"", "第一段\n第二段", "3"}));
  const std::vector<std::string> paragraphs = ParagraphTexts(document);
  EXPECT_EQ(paragraphs,
            (std::vector<std::string>{"说明文字。", "绩效自评表 (2024年度)", "后文。"}));
}

TEST(TextReaderTest, WordCellPerLineRowOpeningWithANumberStaysInTheTable) {
  // A row whose first cell is a bare number (a class code, a 序号) follows the
  // blank line that ends the row above: it is a cell, not a page number, and
  // the table goes on (the layout sweep's Word exports split at every "\t212").
  const Document document = ReadString(
      "\t科目编码\n\t科目名称\n\t合计\n\n"
      "\t210\n\t卫生健康支出\n\t76,838.35\n\n"
      "\t212\n\t城乡社区支出\n\t135,987.57\n\n"
      "\t3\n\t其他\n\t1.00\n\n\n"
      "后文。\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->row_count, 4);
  EXPECT_EQ(RowTexts(*tables[0], 2),
            (std::vector<std::string>{"212", "城乡社区支出", "135,987.57"}));
  EXPECT_EQ(RowTexts(*tables[0], 3), (std::vector<std::string>{"3", "其他", "1.00"}));
}

TEST(TextReaderTest, TableContinuedAfterPageBreak) {
  const Document document = ReadString(
      "表 2\n部门收入总体情况表\n单位：万元\n\n"
      "类\t款\t名称\t金额\n210\t12\t财政对城乡居民基本医疗保险\t1.00\n"
      "\n- 3 -\n\n单位：万元\n\n"
      "类\t款\t名称\t金额\n\t\t基金的补助\t\n210\t13\t医疗救助\t2.00\n"
      "\n表 3\n\n类\t款\t名称\t金额\n221\t02\t住房\t3.00\n");
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_TRUE(tables[0]->continues_on_next_page);
  EXPECT_TRUE(tables[1]->continued_from_previous_page);
  EXPECT_FALSE(tables[1]->continues_on_next_page);  // 表 3 is a new table
  EXPECT_FALSE(tables[2]->continued_from_previous_page);
  ASSERT_EQ(document.furniture.size(), 1u);
  EXPECT_EQ(document.furniture[0].text, "- 3 -");
  EXPECT_EQ(document.furniture[0].provenance.line, 8);
}

// ---------------------------------------------------------------- page breaks

TEST(TextReaderTest, PageBreakRejoin) {
  const Document document = ReadString(
      "四、财政拨款收入支出决算总体情况说明\n\n"
      "财政拨款支出 1,781.57 万元，增长 100%，\n\n- 3 -\n\n"
      "主要原因是：新成立。\n\n"
      "公务接待费 0.71 万元，开支内容包括举办全区医疗保\n\f"
      "障基金监管工作业务培训班工作餐。\n\n"
      "二、机构设置及人员情况\n\n"
      "实有人数 47 人。\n\n"
      "预算安排规模：199,624.00 万元\n\n"
      "项目承担单位：医疗保障局\n\n"
      "资金分配情况：奖励资金 5 万元\n\n"
      "（二）项目名称：离休人员医疗费项目\n\n"
      "- 四、 关于医疗保障局 2024 年财政拨款收支预\n\n算情况的总体说明\n\n"
      "一、关于医疗保障局 2024 年收支预算情况总体说明\n\n"
      "按照全口径预算的原则，所有收入和支出均纳入部门预算管理。\n");
  EXPECT_EQ(ParagraphTexts(document),
            (std::vector<std::string>{
                "四、财政拨款收入支出决算总体情况说明",
                "财政拨款支出 1,781.57 万元，增长 100%，主要原因是：新成立。",
                "公务接待费 0.71 万元，开支内容包括举办全区医疗保障基金监管工作业务培训班工作餐。",
                "二、机构设置及人员情况", "实有人数 47 人。", "预算安排规模：199,624.00 万元",
                "项目承担单位：医疗保障局", "资金分配情况：奖励资金 5 万元",
                "（二）项目名称：离休人员医疗费项目",
                "四、 关于医疗保障局 2024 年财政拨款收支预算情况的总体说明",
                "一、关于医疗保障局 2024 年收支预算情况总体说明",
                "按照全口径预算的原则，所有收入和支出均纳入部门预算管理。"}));
  ASSERT_EQ(document.furniture.size(), 1u);
  EXPECT_EQ(document.furniture[0].text, "- 3 -");
}

// ---------------------------------------------------------------- seeds

TEST(TextReaderSeedTest, AllSeedsValidateAndAreClean) {
  for (const std::string& name : SeedNames()) {
    const Document document = ReadSeed(name);
    EXPECT_EQ(ValidateDocument(document), "") << name;
    EXPECT_FALSE(document.blocks.empty()) << name;
    const auto check = [&](const std::string& text, int line) {
      EXPECT_EQ(text.find("[bookmark:"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("_Toc"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("_Hlk"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("<p>"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("<b>"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("\\%"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find("**"), std::string::npos) << name << ":" << line;
      EXPECT_EQ(text.find('\t'), std::string::npos) << name << ":" << line;
    };
    for (const Block& block : document.blocks) {
      if (const Paragraph* paragraph = block.AsParagraph()) {
        check(paragraph->text, paragraph->provenance.line);
      } else {
        for (const TableCell& cell : block.AsTable()->cells) check(cell.text, cell.provenance.line);
      }
    }
  }
}

TEST(TextReaderSeedTest, Formats) {
  EXPECT_EQ(ReadSeed(SeedNames()[0]).source.format, SourceFormat::kMarkdown);
  EXPECT_EQ(ReadSeed(SeedNames()[1]).source.format, SourceFormat::kText);
  EXPECT_EQ(ReadSeed(SeedNames()[2]).source.format, SourceFormat::kText);
  EXPECT_EQ(ReadSeed(SeedNames()[3]).source.format, SourceFormat::kMarkdown);
  EXPECT_EQ(ReadSeed(SeedNames()[4]).source.format, SourceFormat::kMarkdown);
}

TEST(TextReaderSeedTest, Seed003FirstTable) {
  const Document document = ReadSeed(SeedNames()[3]);
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_FALSE(tables.empty());
  const Table& table = *tables[0];
  EXPECT_EQ(table.column_count, 6);
  EXPECT_EQ(table.row_count, 33);
  bool found = false;
  for (int r = 0; r < table.row_count; ++r) {
    if (RowTexts(table, r) == std::vector<std::string>{"本年收入合计", "27", "4,964,173.05",
                                                       "本年支出合计", "57", "4,964,173.05"}) {
      found = true;
      EXPECT_EQ(table.CellAt(r, 0)->provenance.line, 39);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(RowTexts(table, 0), (std::vector<std::string>{"收入", "", "", "支出", "", ""}));
  // "<b>一、“三公”经费支出</b>" in 公开10表 loses its tags.
  bool three_public = false;
  for (const Table* t : tables) {
    for (const TableCell& cell : t->cells) three_public |= cell.text == "一、“三公”经费支出";
  }
  EXPECT_TRUE(three_public);
}

TEST(TextReaderSeedTest, Seed001PerformanceTable) {
  const Document document = ReadSeed(SeedNames()[1]);
  const std::vector<const Table*> tables = Tables(document);
  ASSERT_GE(tables.size(), 2u);
  const Table& table = *tables[0];
  EXPECT_EQ(table.column_count, 6);
  EXPECT_EQ(RowTexts(table, 0)[0], "项目名称");
  EXPECT_EQ(RowTexts(table, 2), (std::vector<std::string>{"预算执行情况(万元)", "预算数:", "88万",
                                                          "执行数:", "88万", ""}));
  EXPECT_EQ(RowTexts(table, 3),
            (std::vector<std::string>{"", "其中-财政拨款:", "88万", "其中-财政拨款:", "88万", ""}));
  const std::vector<std::string> header = {"绩效指标完成情况", "一级指标",   "二级指标",
                                           "三级指标",         "预期指标值", "实际完成指标值"};
  int header_row = -1;
  for (int r = 0; r < table.row_count; ++r) {
    if (RowTexts(table, r) == header) header_row = r;
  }
  ASSERT_GE(header_row, 0);
  EXPECT_EQ(RowTexts(table, header_row + 1),
            (std::vector<std::string>{"", "项目完成指标", "数量指标", "健全党组织工作机制",
                                      "确保党组织活动有序开展",
                                      "定期召开党员大会、支部委员会、党小组会等"}));
  EXPECT_EQ(
      RowTexts(table, table.row_count - 1),
      (std::vector<std::string>{"", "满意度指标", "满意度指标", "公众满意度", "≥90%", "≥90%"}));
  // The title row became a caption paragraph just before the table.
  bool caption = false;
  for (const Block& block : document.blocks) {
    const Paragraph* paragraph = block.AsParagraph();
    caption |= paragraph && paragraph->role == ParagraphRole::kCaption &&
               paragraph->text == "项目支出绩效目标完成情况表 (2018 年度)";
  }
  EXPECT_TRUE(caption);
  // Multi-paragraph cell: "支付进度率=…" keeps its continuation lines.
  const Table& scores = *tables[1];
  bool multi_line = false;
  for (const TableCell& cell : scores.cells) {
    multi_line |= cell.text.find("支付进度率=") == 0 &&
                  cell.text.find("\n部门支付进度：") != std::string::npos;
  }
  EXPECT_TRUE(multi_line);
  // " （二）绩效分析" right after the last cell ends the table.
  bool heading = false;
  for (const Block& block : document.blocks) {
    const Paragraph* paragraph = block.AsParagraph();
    heading |=
        paragraph && paragraph->text == "（二）绩效分析" && paragraph->provenance.line == 520;
  }
  EXPECT_TRUE(heading);
}

TEST(TextReaderSeedTest, Seed002TablesSeparatedByBlankRuns) {
  const Document document = ReadSeed(SeedNames()[2]);
  const std::vector<const Table*> tables = Tables(document);
  EXPECT_EQ(tables.size(), 5u);
  for (const Table* table : tables) EXPECT_FALSE(table->continued_from_previous_page);
  ASSERT_FALSE(tables.empty());
  EXPECT_EQ(RowTexts(*tables[0], 0),
            (std::vector<std::string>{"部门名称", "博湖县医疗保障局", "", "", "", "", "", ""}));
}

TEST(TextReaderSeedTest, Seed004SplitTableIsFlagged) {
  const Document document = ReadSeed(SeedNames()[4]);
  const std::vector<const Table*> tables = Tables(document);
  int flagged = 0;
  for (std::size_t t = 0; t + 1 < tables.size(); ++t) {
    if (tables[t]->continues_on_next_page) {
      ++flagged;
      EXPECT_TRUE(tables[t + 1]->continued_from_previous_page);
      EXPECT_EQ(tables[t]->column_count, tables[t + 1]->column_count);
    }
  }
  EXPECT_GE(flagged, 1);
  // 表2's cut row name: both halves are kept, in the two parts.
  bool first_half = false, second_half = false;
  for (const Table* table : tables) {
    for (const TableCell& cell : table->cells) {
      first_half |= cell.text == "财政对城乡居民基本医疗保险";
      second_half |= cell.text == "基金的补助";
    }
  }
  EXPECT_TRUE(first_half);
  EXPECT_TRUE(second_half);
}

TEST(TextReaderSeedTest, Seed000PageBreaksRejoinedAndMathCleaned) {
  const Document document = ReadSeed(SeedNames()[0]);
  bool rejoined = false, math = false, split_half = false;
  for (const std::string& text : ParagraphTexts(document)) {
    rejoined |=
        text.find("增长 100%，主要原因是：自治区医保局 2018 年 11 月底新成立，无上年支出数。") !=
        std::string::npos;
    math |= text.find("指标值为 ≥90% ，") != std::string::npos;
    split_half |=
        text.rfind("主要原因是：自治区医保局 2018 年 11 月底新成立，无上年支出数。", 0) == 0;
  }
  EXPECT_TRUE(rejoined);
  EXPECT_TRUE(math);
  EXPECT_FALSE(split_half);
}

TEST(TextReaderSeedTest, Deterministic) {
  for (const std::string& name : SeedNames()) {
    const Document a = ReadSeed(name);
    const Document b = ReadSeed(name);
    ASSERT_EQ(a.blocks.size(), b.blocks.size()) << name;
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
      const Paragraph* pa = a.blocks[i].AsParagraph();
      const Paragraph* pb = b.blocks[i].AsParagraph();
      ASSERT_EQ(pa == nullptr, pb == nullptr);
      if (pa) {
        EXPECT_EQ(pa->text, pb->text);
      }
    }
  }
}

// Regression: 200,000 mid-sentence lines separated by blank lines all join into
// one paragraph; the caption test on the growing paragraph made this quadratic
// (it did not finish in 60 s). It must now take well under a second or two.
TEST(TextReaderRegressionTest, LongJoinChainIsLinear) {
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "a，\n\n";
  Result<Document> document = ReadText(text, "chain.txt", ExtractOptions{});
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  EXPECT_EQ(ValidateDocument(document.value()), "");
  EXPECT_FALSE(document->blocks.empty());
}

}  // namespace
}  // namespace disclose
