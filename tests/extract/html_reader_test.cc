// ReadHtml on small pages written here (one behaviour each, table-driven where
// the cases share a shape), on charsets (meta, detected, mismatched, broken),
// and on hostile markup: deep nesting, a cell bomb, binary junk.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"
#include "extract/html/html_internal.h"

namespace disclose {
namespace {

Result<Document> Read(const std::string& html) {
  return ReadHtml(html, "page.html", {});
}

std::vector<std::string> Paragraphs(const Document& document) {
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

struct ParagraphCase {
  const char* name;
  std::string html;
  std::vector<std::string> paragraphs;
};

class HtmlParagraphTest : public ::testing::TestWithParam<ParagraphCase> {};

TEST_P(HtmlParagraphTest, GivesTheseParagraphs) {
  Result<Document> document = Read(GetParam().html);
  ASSERT_TRUE(document.ok()) << document.status().message();
  EXPECT_EQ(ValidateDocument(document.value()), "");
  EXPECT_EQ(Paragraphs(document.value()), GetParam().paragraphs);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlParagraphTest,
    ::testing::Values(
        ParagraphCase{
            "BlocksAndBreaksMakeLines",
            "<html><body><p>一、部门职责</p><div>主要职能<br>内设机构</div>尾</body></html>",
            {"一、部门职责", "主要职能", "内设机构", "尾"}},
        ParagraphCase{"ScriptStyleNavAndHiddenAreDropped",
                      "<!DOCTYPE html><html><head><title>标题</title><style>p{}</style></head>"
                      "<body><nav>首页 | 政务公开</nav><div class=\"breadcrumb\">当前位置</div>"
                      "<ul role=\"navigation\"><li>菜单</li></ul><script>var a='<p>x</p>';</script>"
                      "<p style=\"display: none\">隐藏</p><p>正文</p></body></html>",
                      {"正文"}},
        ParagraphCase{"WhitespaceCollapsesAndCjkLineBreaksVanish",
                      "<html><body><p>一般公共\n预算  财政拨款\t收入 1,000.00\nyuan&nbsp;total</p>"
                      "</body></html>",
                      {"一般公共预算 财政拨款 收入 1,000.00 yuan total"}},
        ParagraphCase{"ClassTokensMustMatchWhole",
                      "<html><body><div class=\"table-header\">表头</div>"
                      "<div class=\"menu\">菜单</div></body></html>",
                      {"表头"}},
        ParagraphCase{"EntitiesDecode",
                      "<html><body><p>A&amp;B &lt;1&gt; &#x4E00;</p></body></html>",
                      {"A&B <1> 一"}}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(HtmlReaderTest, HeadingsListsAndFurniture) {
  Result<Document> document = Read(
      "<html><body><header>某某市人民政府网站</header><h2>第一部分 概况</h2>"
      "<ul><li>项目一</li></ul><p>正文</p><footer>版权所有</footer>"
      "<div title=\"footer\"><p>第 1 页</p></div></body></html>");
  ASSERT_TRUE(document.ok()) << document.status().message();
  ASSERT_EQ(document.value().blocks.size(), 3u);
  const Paragraph* heading = document.value().blocks[0].AsParagraph();
  EXPECT_EQ(heading->role, ParagraphRole::kHeading);
  EXPECT_EQ(heading->heading_level, 2);
  EXPECT_EQ(document.value().blocks[1].AsParagraph()->role, ParagraphRole::kListItem);
  ASSERT_EQ(document.value().furniture.size(), 3u);
  EXPECT_EQ(document.value().furniture[0].text, "某某市人民政府网站");
  EXPECT_EQ(document.value().furniture[2].text, "第 1 页");
  EXPECT_EQ(document.value().source.format, SourceFormat::kHtml);
}

TEST(HtmlReaderTest, TableSpansBecomeAnchors) {
  Result<Document> document = Read(
      "<html><body><table><caption>收入支出决算总表</caption>"
      "<tr><th rowspan=2>项目</th><th colspan=2>金额</th></tr>"
      "<tr><td>上年</td><td>本年</td></tr>"
      "<tr><td>合计</td><td>1,000.00</td><td><p>2,000.00</p><p>（含结转）</p></td></tr>"
      "</table></body></html>");
  ASSERT_TRUE(document.ok()) << document.status().message();
  const Document& doc = document.value();
  EXPECT_EQ(ValidateDocument(doc), "");
  EXPECT_EQ(Paragraphs(doc), std::vector<std::string>{"收入支出决算总表"});
  EXPECT_EQ(doc.blocks[0].AsParagraph()->role, ParagraphRole::kCaption);
  ASSERT_EQ(Tables(doc).size(), 1u);
  const Table& table = *Tables(doc)[0];
  EXPECT_EQ(table.row_count, 3);
  EXPECT_EQ(table.column_count, 3);
  EXPECT_EQ(table.CellAt(1, 0)->row_span, 2);
  EXPECT_EQ(table.TextAt(0, 1), "金额");
  EXPECT_EQ(table.CellAt(0, 2)->column, 1);
  EXPECT_EQ(table.TextAt(1, 1), "上年");
  EXPECT_EQ(table.TextAt(2, 2), "2,000.00\n（含结转）");
  EXPECT_TRUE(table.ruled);
}

TEST(HtmlReaderTest, NestedTableFollowsItsParent) {
  Result<Document> document = Read(
      "<html><body><table><tr><td>科目</td><td><table><tr><td>住房公积金</td><td>287,233.00</td>"
      "</tr></table></td></tr></table><p>后</p></body></html>");
  ASSERT_TRUE(document.ok()) << document.status().message();
  const Document& doc = document.value();
  EXPECT_EQ(ValidateDocument(doc), "");
  ASSERT_EQ(doc.blocks.size(), 3u);
  const Table* nested = doc.blocks[1].AsTable();
  ASSERT_NE(nested, nullptr);
  ASSERT_TRUE(nested->parent.has_value());
  EXPECT_EQ(nested->parent->block, 0);
  EXPECT_EQ(nested->parent->column, 1);
  EXPECT_EQ(nested->TextAt(0, 1), "287,233.00");
}

// Spans that overlap or leave the grid are clamped; the grid always validates.
TEST(HtmlTableTest, HostileSpansAreClamped) {
  html::RawTable raw;
  raw.rows.resize(3);
  raw.rows[0].cells = {{3, 1, "a", 0}, {1, 100000, "b", 0}};
  raw.rows[1].cells = {{1, 5, "c", 0}};
  raw.rows[2].cells = {{0, 1, "d", 0}, {-4, -2, "e", 0}};
  const html::GridTable built = html::BuildGrid(raw);
  Document document;
  Block block;
  Table table = built.table;
  for (TableCell& cell : table.cells) cell.provenance.block = 0;
  block.content = table;
  document.blocks.push_back(block);
  EXPECT_EQ(ValidateDocument(document), "");
  EXPECT_EQ(table.column_count, 256);
  EXPECT_EQ(table.TextAt(1, 1), "c");
  EXPECT_EQ(built.anchor_of[2][1], std::make_pair(2, 2));
}

struct CharsetCase {
  const char* name;
  std::string bytes;
  std::string paragraph;  // expected first paragraph; empty when an error is expected
  const char* warning;    // expected warning code, or ""
};

class HtmlCharsetTest : public ::testing::TestWithParam<CharsetCase> {};

TEST_P(HtmlCharsetTest, DecodesOrRefuses) {
  Result<Document> document = ReadHtml(GetParam().bytes, "page.html", {});
  if (GetParam().paragraph.empty()) {
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.status().code(), ErrorCode::kUnsupportedFormat);
    return;
  }
  ASSERT_TRUE(document.ok()) << document.status().message();
  ASSERT_FALSE(Paragraphs(document.value()).empty());
  EXPECT_EQ(Paragraphs(document.value())[0], GetParam().paragraph);
  const std::vector<Warning>& warnings = document.value().warnings;
  if (*GetParam().warning == '\0') {
    EXPECT_TRUE(warnings.empty());
  } else {
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].code, GetParam().warning);
  }
}

// 一般公共预算收入 and 合计 in GBK.
const std::string kGbk = "\xd2\xbb\xb0\xe3\xb9\xab\xb9\xb2\xd4\xa4\xcb\xe3\xca\xd5\xc8\xeb";
const std::string kGbkTotal = "\xba\xcf\xbc\xc6";

INSTANTIATE_TEST_SUITE_P(
    Cases, HtmlCharsetTest,
    ::testing::Values(
        CharsetCase{"MetaCharsetGb2312",
                    "<html><head><meta charset=\"gb2312\"></head><body><p>" + kGbk + "</p></body>",
                    "一般公共预算收入", ""},
        CharsetCase{"HttpEquivGbk",
                    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                    "charset=GBK\"></head><body><p>" +
                        kGbk + kGbkTotal + "</p></body>",
                    "一般公共预算收入合计", ""},
        CharsetCase{"UndeclaredGbkIsDetected",
                    "<html><body><p>" + kGbk + "</p><p>" + kGbkTotal + "</p></body></html>",
                    "一般公共预算收入", ""},
        CharsetCase{"Utf8DeclaredGb2312IsMismatch",
                    "<html><head><meta charset=gb2312></head><body><p>一般公共预算收入</p></body>",
                    "一般公共预算收入", "html_charset_mismatch"},
        CharsetCase{"Latin1DeclaredButGbk",
                    "<html><head><meta charset=iso-8859-1></head><body><p>" + kGbk + "</p></body>",
                    "一般公共预算收入", "html_charset_mismatch"},
        CharsetCase{"Utf8BomWins",
                    "\xEF\xBB\xBF<html><head><meta charset=gbk></head><body><p>合计</p></body>",
                    "合计", ""},
        CharsetCase{"BrokenGbkIsRefused",
                    "<html><head><meta charset=gbk></head><body><p>" + kGbk + "\xfe\x7f</p></body>",
                    "", ""},
        CharsetCase{"Latin1JunkIsRefused",
                    "<html><body><p>\xe9\xe8\xe0\xf9 \xe7\xe0 \xe9t\xe9 \xff\x80</p></body></html>",
                    "", ""}),
    [](const auto& test) { return std::string(test.param.name); });

TEST(HtmlReaderTest, DeepNestingIsReadWithoutBlowingTheStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "收入总计";
  Result<Document> document = Read(html);
  // libxml2 may refuse the depth; either way there is an answer, not a crash.
  if (document.ok()) {
    EXPECT_EQ(ValidateDocument(document.value()), "");
  } else {
    EXPECT_NE(document.status().message().find("HTML read error: page.html"), std::string::npos);
  }
}

TEST(HtmlReaderTest, CellBombIsTooLarge) {
  std::string html = "<html><body><table><tr>";
  for (int i = 0; i < 1'000'000; ++i) html += "<td>1";
  Result<Document> document = Read(html);
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), ErrorCode::kTooLarge);
  EXPECT_NE(document.status().message().find("table cells"), std::string::npos);
}

TEST(HtmlReaderTest, EmptyPageIsEmpty) {
  Result<Document> document = Read("<html><head><title>x</title></head><body> </body></html>");
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), ErrorCode::kEmpty);
}

struct DetectCase {
  const char* name;
  std::string bytes;
  SourceFormat format;
};

class DetectHtmlTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectHtmlTest, DetectsByContent) {
  EXPECT_EQ(DetectFormat(GetParam().bytes), GetParam().format);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DetectHtmlTest,
    ::testing::Values(
        DetectCase{"Doctype", "\xEF\xBB\xBF  \n<!DOCTYPE html>\n<html>", SourceFormat::kHtml},
        DetectCase{"CommentFirst", "<!-- saved from url -->\n<HTML><BODY>", SourceFormat::kHtml},
        DetectCase{"BareTable", "<table><tr><td>1</td></tr></table>", SourceFormat::kHtml},
        DetectCase{"Xhtml", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", SourceFormat::kHtml},
        DetectCase{"TextWithStrayBr", "一、概况<br>\n<table>", SourceFormat::kText},
        DetectCase{"Markdown", "# 标题\n<html>", SourceFormat::kText}),
    [](const auto& test) { return std::string(test.param.name); });

}  // namespace
}  // namespace disclose
