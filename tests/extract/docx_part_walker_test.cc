// The DOCX part walker and table builder on small inline WordprocessingML,
// one behaviour per case, without going through a zip.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/docx/docx_internal.h"

namespace disclose::docx {
namespace {

std::string Wrap(const std::string& body) {
  return "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
         "xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>" +
         body + "</w:body></w:document>";
}

Document Walk(const std::string& body, PartKind kind = PartKind::kBody,
              const StyleMap& styles = {}) {
  Document document;
  ModelBudget budget{ModelLimits{}};
  const Status status = WalkPart(Wrap(body), "word/document.xml", kind, styles, &budget, &document);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(ValidateDocument(document), "");
  return document;
}

std::vector<std::string> Texts(const Document& document) {
  std::vector<std::string> texts;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) texts.push_back(paragraph->text);
  }
  return texts;
}

struct TextCase {
  std::string label;
  std::string body;
  std::vector<std::string> texts;
};

class DocxWalkerTextTest : public testing::TestWithParam<TextCase> {};

TEST_P(DocxWalkerTextTest, VisibleTextOnly) {
  EXPECT_EQ(Texts(Walk(GetParam().body)), GetParam().texts) << GetParam().label;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DocxWalkerTextTest,
    testing::Values(
        TextCase{"runs",
                 "<w:p><w:r><w:t>一般</w:t></w:r><w:r><w:t xml:space=\"preserve\">公共 </w:t>"
                 "</w:r></w:p><w:p><w:r><w:t>预算</w:t></w:r></w:p>",
                 {"一般公共 ", "预算"}},
        TextCase{"tab break hyphen sym",
                 "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/>"
                 "<w:noBreakHyphen/><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/>"
                 "<w:sym w:font=\"Arial\" w:char=\"2022\"/></w:r></w:p>",
                 {"a\tb\nc\n-\u2022"}},
        TextCase{"empty paragraphs dropped", "<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", {}},
        TextCase{"hidden and web-hidden runs",
                 "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
                 "<w:r><w:rPr><w:webHidden/></w:rPr><w:t>3</w:t></w:r>"
                 "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>可见</w:t></w:r></w:p>",
                 {"可见"}},
        TextCase{"vanished paragraph mark keeps text",
                 "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>",
                 {"正文"}},
        TextCase{"revisions",
                 "<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>"
                 "<w:ins><w:r><w:t>新</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移出"
                 "</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移入</w:t></w:r>"
                 "</w:moveTo></w:p>",
                 {"新移入"}},
        TextCase{"bookmarks proofing comments",
                 "<w:p><w:bookmarkStart w:id=\"1\" w:name=\"_Toc123\"/><w:proofErr "
                 "w:type=\"spellStart\"/><w:commentRangeStart w:id=\"2\"/><w:r><w:t>标题</w:t>"
                 "</w:r><w:bookmarkEnd w:id=\"1\"/><w:r><w:commentReference w:id=\"2\"/></w:r>"
                 "</w:p>",
                 {"标题"}},
        TextCase{"complex fields keep results only",
                 "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o "
                 "\"1-3\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                 "<w:r><w:t>第一部分</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                 "<w:r><w:t>PAGEREF _Toc1 \\h</w:t></w:r><w:r><w:fldChar "
                 "w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar "
                 "w:fldCharType=\"end\"/></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType=\"end\"/>"
                 "</w:r><w:r><w:t>正文</w:t></w:r></w:p>",
                 {"第一部分3", "正文"}},
        TextCase{"simple field result kept",
                 "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>",
                 {"7"}},
        TextCase{"alternate content read once",
                 "<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice "
                 "Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p>"
                 "</w:txbxContent></mc:Choice><mc:Fallback><v:textbox><w:txbxContent><w:p><w:r>"
                 "<w:t>框</w:t></w:r></w:p></w:txbxContent></v:textbox></mc:Fallback>"
                 "</mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>后</w:t></w:r></w:p>",
                 {"锚", "框", "后"}},
        TextCase{"fallback read when no choice",
                 "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>备选</w:t></mc:Fallback>"
                 "</mc:AlternateContent></w:r></w:p>",
                 {"备选"}},
        TextCase{"content control properties skipped",
                 "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/><w:placeholder><w:docPart "
                 "w:val=\"y\"/></w:placeholder></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目录</w:t>"
                 "</w:r></w:p></w:sdtContent></w:sdt>",
                 {"目录"}}),
    [](const testing::TestParamInfo<TextCase>& param_info) {
      std::string name;
      for (char c : param_info.param.label)
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

TEST(DocxWalkerTest, RolesFromStylesOutlineAndNumbering) {
  StyleMap styles;
  styles["1"].name = "heading 1";
  styles["21"].name = "标题 2";
  styles["a5"].name = "Title";
  styles["x"].name = "My Section";
  styles["x"].based_on = "21";
  styles["list"].name = "List Paragraph";
  styles["list"].numbered = true;
  const Document document = Walk(
      "<w:p><w:pPr><w:pStyle w:val=\"a5\"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>H1</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"x\"/></w:pPr><w:r><w:t>H2</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>H3</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Heading4\"/></w:pPr><w:r><w:t>H4</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"
      "<w:r><w:t>L</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"list\"/></w:pPr><w:r><w:t>L2</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>B</w:t></w:r>"
      "</w:p>",
      PartKind::kBody, styles);
  const std::vector<std::pair<ParagraphRole, int>> expected = {
      {ParagraphRole::kHeading, 1},  {ParagraphRole::kHeading, 1}, {ParagraphRole::kHeading, 2},
      {ParagraphRole::kHeading, 3},  {ParagraphRole::kHeading, 4}, {ParagraphRole::kListItem, 0},
      {ParagraphRole::kListItem, 0}, {ParagraphRole::kBody, 0}};
  ASSERT_EQ(document.blocks.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Paragraph& paragraph = *document.blocks[i].AsParagraph();
    EXPECT_EQ(paragraph.role, expected[i].first) << paragraph.text;
    EXPECT_EQ(paragraph.heading_level, expected[i].second) << paragraph.text;
  }
}

TEST(DocxWalkerTest, FurnitureFlattensTables) {
  const Document document = Walk(
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>页眉左</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
      "<w:t>页眉右</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
      PartKind::kFurniture);
  EXPECT_TRUE(document.blocks.empty());
  ASSERT_EQ(document.furniture.size(), 2u);
  EXPECT_EQ(document.furniture[0].text, "页眉左");
  EXPECT_EQ(document.furniture[1].text, "页眉右");
}

TEST(DocxWalkerTest, CellTextJoinsParagraphsAndNestedTablesFollow) {
  const Document document = Walk(
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>一"
      "</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>二</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr>"
      "<w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>深</w:t>"
      "</w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl><w:p><w:r><w:t>外</w:t></w:r>"
      "</w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>后</w:t></w:r></w:p>");
  ASSERT_EQ(document.blocks.size(), 4u);
  const Table& outer = *document.blocks[0].AsTable();
  EXPECT_EQ(outer.TextAt(0, 0), "一\n二");
  EXPECT_EQ(outer.TextAt(0, 1), "外");
  const Table& inner = *document.blocks[1].AsTable();
  ASSERT_TRUE(inner.parent.has_value());
  EXPECT_EQ(inner.parent->block, 0);
  EXPECT_EQ(inner.parent->column, 1);
  EXPECT_EQ(inner.TextAt(0, 0), "内");
  const Table& deepest = *document.blocks[2].AsTable();
  ASSERT_TRUE(deepest.parent.has_value());
  EXPECT_EQ(deepest.parent->block, 1);
  EXPECT_EQ(deepest.TextAt(0, 0), "深");
  EXPECT_EQ(document.blocks[3].AsParagraph()->text, "后");
}

TEST(DocxWalkerTest, RefusesDtdAndMalformedXml) {
  Document document;
  for (const std::string& xml :
       {std::string("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"b\">]><d>&a;</d>"),
        Wrap("<w:p>"), std::string("<a></b>"), std::string("\xff\xfe<")}) {
    ModelBudget budget{ModelLimits{}};
    const Status status =
        WalkPart(xml, "word/document.xml", PartKind::kBody, {}, &budget, &document);
    EXPECT_EQ(status.code(), ErrorCode::kCorrupt) << xml;
    EXPECT_TRUE(status.message().rfind("DOCX read error: word/document.xml: ", 0) == 0)
        << status.message();
  }
}

RawCell Cell(int span = 1, RawCell::VMerge merge = RawCell::VMerge::kNone, std::string text = "") {
  RawCell cell;
  cell.grid_span = span;
  cell.v_merge = merge;
  cell.text = std::move(text);
  return cell;
}

TEST(DocxTableBuilderTest, SpansPaddingAndBadContinuations) {
  using V = RawCell::VMerge;
  RawTable raw;
  raw.grid_columns = 4;
  raw.rows.resize(4);
  raw.rows[0].cells = {Cell(2, V::kRestart, "项目"), Cell(2, V::kNone, "金额")};
  raw.rows[1].cells = {Cell(2, V::kContinue), Cell(1, V::kNone, "a"), Cell(1, V::kNone, "b")};
  raw.rows[2].grid_before = 1;
  raw.rows[2].cells = {Cell(1, V::kContinue, "孤")};  // nothing above at column 1: an anchor
  raw.rows[3].cells = {Cell(1000000, V::kNone, "宽")};
  const BuiltTable built = BuildTable(raw);
  const Table& table = built.table;
  Document document;
  document.blocks.push_back(Block{table});
  for (TableCell& cell : document.blocks[0].AsTable()->cells) cell.provenance.block = 0;
  EXPECT_EQ(ValidateDocument(document), "");
  EXPECT_EQ(table.row_count, 4);
  EXPECT_EQ(table.column_count, 256);
  const TableCell* head = table.CellAt(1, 1);
  ASSERT_NE(head, nullptr);
  EXPECT_EQ(head->text, "项目");
  EXPECT_EQ(head->row_span, 2);
  EXPECT_EQ(head->column_span, 2);
  EXPECT_EQ(table.CellAt(2, 1)->text, "孤");
  EXPECT_EQ(table.CellAt(2, 1)->row_span, 1);
  ASSERT_NE(table.CellAt(2, 0), nullptr);  // gridBefore padded
  EXPECT_EQ(table.CellAt(3, 0)->column_span, 256);
  EXPECT_EQ(built.anchor_of[1][0], std::make_pair(0, 0));
  EXPECT_EQ(built.anchor_of[1][2], std::make_pair(1, 3));
}

}  // namespace
}  // namespace disclose::docx

namespace disclose::docx {
namespace {

TEST(DocxWalkerTest, StopsWithTooLargeOnceTheModelBudgetIsSpent) {
  std::string rows;
  for (int r = 0; r < 30; ++r) rows += "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>";
  std::string paragraphs;
  for (int p = 0; p < 30; ++p) paragraphs += "<w:p><w:r><w:t>段</w:t></w:r></w:p>";
  struct Case {
    std::string body;
    const char* what;
  };
  const Case cases[] = {{"<w:tbl>" + rows + "</w:tbl>", "table cells"}, {paragraphs, "paragraphs"}};
  for (const Case& c : cases) {
    ModelLimits limits;
    limits.max_cells = 50;
    limits.max_paragraphs = 20;
    ModelBudget budget(limits);
    Document document;
    const Status status =
        WalkPart(Wrap(c.body), "word/document.xml", PartKind::kBody, {}, &budget, &document);
    EXPECT_EQ(status.code(), ErrorCode::kTooLarge) << c.what;
    EXPECT_NE(status.message().find(c.what), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace disclose::docx
