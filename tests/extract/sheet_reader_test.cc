// The spreadsheet readers: number-format rendering (table-driven), the sheet
// layout (captions, merges, hidden rows and columns), ReadXlsx on the
// hand-written features.xlsx, the seed-004 workbook read as XLSX and as its
// XLS save, and damaged workbooks. Fixtures: scripts/make-xlsx-fixtures.py.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/document.h"
#include "extract/extract.h"
#include "extract/sheet/sheet_internal.h"
#include "extract/xls/xls_internal.h"

namespace disclose {
namespace {

const std::string kXlsx = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/xlsx/";
const std::string kBad = std::string(DISCLOSE_SOURCE_DIR) + "/fixtures/bad/";
const std::string kReal = std::string(DISCLOSE_SHARED_DIR) + "/real/";

struct FormatCase {
  const char* stored;
  const char* format;
  const char* shown;
  bool exact;
};

class RenderNumberTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(RenderNumberTest, PrintsWhatTheFormatShows) {
  const sheet::Rendered rendered = sheet::RenderNumber(GetParam().stored, GetParam().format);
  EXPECT_EQ(rendered.text, GetParam().shown) << GetParam().stored << " / " << GetParam().format;
  EXPECT_EQ(rendered.exact, GetParam().exact) << GetParam().stored << " / " << GetParam().format;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, RenderNumberTest,
    ::testing::Values(
        FormatCase{"38469.35", "#,##0.00", "38,469.35", true},
        FormatCase{"1234567.5", "#,##0.00", "1,234,567.50", true},
        FormatCase{"1234.5600000001", "0.00", "1234.56", false},
        FormatCase{"1234.5649999999", "0.00", "1234.56", false},
        FormatCase{"0.005", "0.00", "0.01", false},  // half away from zero
        FormatCase{"-0.005", "0.00", "-0.01", false},
        FormatCase{"-0.001", "0.00", "0.00", false},  // no "-0.00"
        FormatCase{"2.5", "0", "3", false}, FormatCase{"1500", "#,##0", "1,500", true},
        FormatCase{"1.5E3", "#,##0", "1,500", true}, FormatCase{"1.25E-2", "0.00%", "1.25%", true},
        FormatCase{"0.12345", "0.0%", "12.3%", false}, FormatCase{"0.5", "0%", "50%", true},
        FormatCase{"327742.35", "General", "327742.35", true},
        FormatCase{"0.30000000000000004", "General", "0.3", false},
        FormatCase{"100", "General", "100", true},
        FormatCase{"12345678901234567890", "General", "12345678901234600000", false},
        FormatCase{"1234.5", "G/通用格式", "1234.5", true},
        FormatCase{"1234.5", "@", "1234.5", true},
        FormatCase{"-1500", "#,##0.00_ ;[Red]\\-#,##0.00\\ ", "-1,500.00", true},
        FormatCase{"-1500", "#,##0.00;(#,##0.00)", "(1,500.00)", true},
        FormatCase{"0", "#,##0.00;-#,##0.00;\"-\"", "-", true},
        FormatCase{"1500", "#,##0.00_ ", "1,500.00", true},
        FormatCase{"1500", "\"¥\"#,##0.00", "¥1,500.00", true},
        FormatCase{"1500", "[$¥-804]#,##0.00", "¥1,500.00", true},
        FormatCase{"1500", "#,##0.00\"元\"", "1,500.00元", true},
        FormatCase{"1234567", "#,##0,", "1,235", false},  // thousands scaling
        FormatCase{"0.5", "#.##", ".5", true}, FormatCase{"1.5", "0.0#", "1.5", true},
        FormatCase{"1.255", "0.0#", "1.26", false},
        FormatCase{"45292", "yyyy-mm-dd", "2024-01-01", true},
        FormatCase{"XX", "#,##0.00", "XX", true},  // not a number: shown as stored
        FormatCase{"1e999", "#,##0.00", "1e999", true}));

// A sheet's layout: title and unit lines above the table become paragraphs,
// merges become spans over the kept rows and columns, hidden rows and
// columns are dropped and counted.
TEST(SheetLayoutTest, CaptionsParagraphsMergesAndHiddenCells) {
  sheet::Sheet grid;
  grid.name = "收入总表";
  grid.cells = {{0, 0, "2024年收入总表"},
                {1, 0, "编制单位：某局"},
                {1, 3, "单位：元"},
                {3, 0, "项目"},
                {3, 1, "金额"},
                {4, 0, "合计"},
                {4, 1, "1,500.00"},
                {4, 2, "999"},
                {5, 0, "隐藏"},
                {5, 1, "777"},
                {6, 0, "一般"},
                {6, 1, "1,500.00"},
                {7, 0, "注：无。"},
                {3, 5, "备注"},
                {3, 6, "盖住"}};
  grid.hidden_rows = {5};
  grid.hidden_columns = {2};
  grid.merges = {{3, 5, 3, 6}, {3, 6, 3, 6}};  // the second overlaps the first
  Document document;
  sheet::AppendSheet(grid, 1, &document);
  ASSERT_EQ(document.pages.size(), 1u);
  std::vector<std::string> paragraphs;
  const Table* table = nullptr;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) paragraphs.push_back(paragraph->text);
    if (block.AsTable() != nullptr) table = block.AsTable();
  }
  EXPECT_EQ(paragraphs, (std::vector<std::string>{"收入总表", "2024年收入总表", "编制单位：某局",
                                                  "单位：元", "注：无。"}));
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->row_count, 3);     // 项目, 合计, 一般 (隐藏 is hidden)
  EXPECT_EQ(table->column_count, 3);  // A, B, F (C hidden, G only under the merge)
  EXPECT_EQ(table->TextAt(0, 2), "备注");
  EXPECT_EQ(table->TextAt(1, 1), "1,500.00");
  EXPECT_EQ(table->TextAt(2, 0), "一般");
  EXPECT_EQ(ValidateDocument(document), "");
  std::vector<std::string> codes;
  for (const Warning& warning : document.warnings) codes.push_back(warning.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"sheet_bad_merge", "sheet_hidden_rows",
                                             "sheet_hidden_columns"}));
}

TEST(SheetLayoutTest, MergedHeaderSpansOnlyKeptColumns) {
  sheet::Sheet grid;
  grid.cells = {{0, 0, "科目编码"}, {0, 3, "名称"}, {0, 4, "金额"}, {1, 0, "类"},
                {1, 1, "款"},       {1, 2, "项"},   {2, 0, "201"},  {2, 3, "一般公共服务支出"},
                {2, 4, "2.20"}};
  grid.merges = {{0, 0, 0, 2}, {0, 3, 1, 3}};
  Document document;
  sheet::AppendSheet(grid, 1, &document);
  ASSERT_EQ(document.blocks.size(), 1u);  // "Sheet"-less name: no heading
  const Table* table = document.blocks[0].AsTable();
  ASSERT_NE(table, nullptr);
  const TableCell* code = table->CellAt(0, 2);
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(code->text, "科目编码");
  EXPECT_EQ(code->column_span, 3);
  const TableCell* name = table->CellAt(1, 3);
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->row_span, 2);
  EXPECT_EQ(ValidateDocument(document), "");
}

// A sheet holding every table of a document, stacked (a web page or a finance
// system's export saved as a workbook): each table starts under its own title
// and unit lines, and a row standing between two tables -- a title, a caption
// or a note -- ends the one above. A label row whose amounts are blank stays.
struct StackedCase {
  const char* between;  // the one-cell row printed between the two tables
  int tables;           // tables read
};

class StackedTablesTest : public ::testing::TestWithParam<StackedCase> {};

TEST_P(StackedTablesTest, ARowBetweenTablesEndsTheOneAbove) {
  sheet::Sheet grid;
  grid.cells = {{0, 0, "一、收入总表"}, {1, 0, "项目"},   {1, 1, "金额"},
                {2, 0, "合计"},         {2, 1, "1.00"},   {3, 0, GetParam().between},
                {4, 0, "科目名称"},     {4, 1, "预算数"}, {5, 0, "合计"},
                {5, 1, "2.00"}};
  Document document;
  sheet::AppendSheet(grid, 1, &document);
  int tables = 0;
  std::vector<int> rows;
  for (const Block& block : document.blocks) {
    if (const Table* table = block.AsTable()) {
      ++tables;
      rows.push_back(table->row_count);
    }
  }
  EXPECT_EQ(tables, GetParam().tables) << GetParam().between;
  if (GetParam().tables == 2) {
    EXPECT_EQ(rows, (std::vector<int>{2, 2})) << GetParam().between;
  } else {
    EXPECT_EQ(rows, (std::vector<int>{5})) << GetParam().between;
  }
  EXPECT_EQ(ValidateDocument(document), "");
}

INSTANTIATE_TEST_SUITE_P(
    Rows, StackedTablesTest,
    ::testing::Values(StackedCase{"二、 某局2026年支出总表", 2},
                      StackedCase{"二、某局一般公共预算支出表 金额单位：元", 2},
                      StackedCase{"某局财政拨款收支总表（公开02表）", 2}, StackedCase{"附表2", 2},
                      StackedCase{"公开 05 表", 2}, StackedCase{"单位：万元", 2},
                      StackedCase{"编制单位：某局", 2},
                      StackedCase{"注：本表金额单位转换时可能存在尾数误差。", 2},
                      StackedCase{"四、其他收入", 1},      // a label row, amounts blank
                      StackedCase{"（一）基本支出", 1},    // a row name
                      StackedCase{"表格说明见附注", 1}));  // 表 inside a sentence

TEST(SheetLayoutTest, TablesStackedInOneSheetKeepTheirTitlesBetweenThem) {
  sheet::Sheet grid;
  grid.cells = {{0, 0, "收入总表"}, {0, 2, "单位：元"}, {1, 0, "项目"},     {1, 1, "金额"},
                {2, 0, "合计"},     {2, 1, "1.00"},     {3, 0, "注：无。"}, {4, 0, "支出总表"},
                {5, 0, "项目"},     {5, 1, "金额"},     {6, 0, "合计"},     {6, 1, "1.00"}};
  Document document;
  sheet::AppendSheet(grid, 1, &document);
  std::vector<std::string> order;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) order.push_back(paragraph->text);
    if (block.AsTable() != nullptr) order.push_back("[table]");
  }
  EXPECT_EQ(order, (std::vector<std::string>{"收入总表", "单位：元", "[table]", "注：无。",
                                             "支出总表", "[table]"}));
}

std::vector<std::string> TableTexts(const Document& document) {
  std::vector<std::string> texts;
  for (const Block& block : document.blocks) {
    if (const Paragraph* paragraph = block.AsParagraph()) texts.push_back("P:" + paragraph->text);
    if (const Table* table = block.AsTable()) {
      for (const TableCell& cell : table->cells) {
        texts.push_back(std::to_string(cell.row) + "," + std::to_string(cell.column) + "+" +
                        std::to_string(cell.row_span) + "x" + std::to_string(cell.column_span) +
                        ":" + cell.text);
      }
    }
  }
  return texts;
}

bool HasWarning(const Document& document, const std::string& code, const std::string& part) {
  for (const Warning& warning : document.warnings) {
    if (warning.code == code && warning.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(XlsxReaderTest, FeaturesWorkbook) {
  Result<Document> result = ReadDocument(kXlsx + "features.xlsx", ExtractOptions{});
  ASSERT_TRUE(result.ok()) << result.status().message();
  const Document& document = result.value();
  EXPECT_EQ(document.source.format, SourceFormat::kXlsx);
  EXPECT_EQ(ValidateDocument(document), "");
  // Two visible sheets of four; the default-named one gives no heading.
  ASSERT_EQ(document.pages.size(), 2u);
  const std::vector<std::string> texts = TableTexts(document);
  const std::vector<std::string> expected = {
      "P:收支总表", "P:2024年收支预算总表", "P:单位：元",
      // 项目名称 (rich text, the phonetic run dropped) spans B:C, C is hidden.
      "0,0+1x1:项目名称", "0,1+1x1:金额", "0,2+1x1:比例", "1,0+1x1:合计", "1,1+1x1:1,234,567.50",
      "1,2+1x1:12.3%", "2,0+1x1:精度", "2,1+1x1:1234.56", "2,2+1x1:-0.50",
      // row 6 is hidden; D7's formula has no cached value: empty.
      "3,0+1x1:公式", "3,1+1x1:1,235,802.06", "3,2+1x1:", "4,0+1x1:负数", "4,1+1x1:-1,500.00",
      "4,2+1x1:1,500", "5,0+1x1:行一\n行二", "5,1+1x1:文本", "5,2+1x1:TRUE", "P:注：隐藏列不读。",
      "P:第二页"};
  EXPECT_EQ(texts, expected);
  EXPECT_TRUE(HasWarning(document, "sheet_value_rounded", "2 stored numbers"));
  EXPECT_TRUE(HasWarning(document, "sheet_formula_without_value", "D7"));
  EXPECT_TRUE(HasWarning(document, "sheet_hidden_rows", "1 hidden rows"));
  EXPECT_TRUE(HasWarning(document, "sheet_hidden_columns", "1 hidden columns"));
  EXPECT_TRUE(HasWarning(document, "sheet_hidden_sheets", "'隐藏', '很隐藏'"));
}

// The seed-004 workbook and LibreOffice's XLS save of it: both readers see
// the same text in the same places (FreeXL's doubles rendered by the cell's
// format give the XLSX's stored decimals), and the decoys stay hidden.
TEST(XlsReaderTest, XlsSaveReadsLikeTheXlsx) {
  Result<Document> xlsx = ReadDocument(kXlsx + "budget_2024_kashgar_full.xlsx", ExtractOptions{});
  Result<Document> xls = ReadDocument(kXlsx + "budget_2024_kashgar_full.xls", ExtractOptions{});
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().message();
  ASSERT_TRUE(xls.ok()) << xls.status().message();
  EXPECT_EQ(xls->source.format, SourceFormat::kXls);
  EXPECT_EQ(ValidateDocument(xls.value()), "");
  EXPECT_EQ(xls->pages.size(), 11u);
  EXPECT_EQ(TableTexts(xls.value()), TableTexts(xlsx.value()));
  for (const Document* document : {&xlsx.value(), &xls.value()}) {
    EXPECT_TRUE(HasWarning(*document, "sheet_hidden_sheets", "旧版"));
    EXPECT_TRUE(HasWarning(*document, "sheet_hidden_rows", "1 hidden rows"));
    EXPECT_TRUE(HasWarning(*document, "sheet_hidden_columns", "1 hidden columns"));
    EXPECT_TRUE(HasWarning(*document, "sheet_value_rounded", "327742.3500000001"));
    for (const std::string& text : TableTexts(*document)) {
      EXPECT_EQ(text.find("999,999.99"), std::string::npos);
      EXPECT_EQ(text.find("888.88"), std::string::npos);
    }
  }
}

TEST(XlsReaderTest, TemplateWorkbooksReadAllVisibleSheets) {
  struct Case {
    const char* file;
    std::size_t sheets;
  };
  for (const Case& c : {Case{"sh_putuo_template_2026_unit_budget.xls", 16},
                        Case{"sh_putuo_template_2026_unit_budget.xlsx", 16},
                        Case{"sh_putuo_template_2026_dept_budget.xlsx", 17}}) {
    SCOPED_TRACE(c.file);
    Result<Document> document = ReadDocument(kReal + c.file, ExtractOptions{});
    ASSERT_TRUE(document.ok()) << document.status().message();
    EXPECT_EQ(document->pages.size(), c.sheets);
    EXPECT_EQ(ValidateDocument(document.value()), "");
  }
}

struct BadCase {
  const char* file;
  ErrorCode code;
};

class BadWorkbookTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadWorkbookTest, GivesItsErrorCode) {
  ExtractOptions options;
  options.max_zip_entry_bytes = 1 << 20;
  Result<Document> document = ReadDocument(kBad + GetParam().file, options);
  ASSERT_FALSE(document.ok());
  EXPECT_EQ(document.status().code(), GetParam().code) << document.status().message();
  EXPECT_EQ(document.status().message().find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadWorkbookTest,
                         ::testing::Values(BadCase{"truncated.xlsx", ErrorCode::kCorrupt},
                                           BadCase{"bad_xml.xlsx", ErrorCode::kCorrupt},
                                           BadCase{"xxe.xlsx", ErrorCode::kCorrupt},
                                           BadCase{"many_strings.xlsx", ErrorCode::kTooLarge},
                                           BadCase{"zip_bomb.xlsx", ErrorCode::kTooLarge},
                                           BadCase{"truncated.xls", ErrorCode::kCorrupt},
                                           BadCase{"fat_loop.xls", ErrorCode::kCorrupt}));

TEST(XlsReaderTest, BytesThatAreNotACompoundFileAreCorrupt) {
  for (std::string bytes :
       {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
        std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\xFF')}) {
    Result<Document> document = ReadXls(bytes, "x.xls", ExtractOptions{});
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.status().code(), ErrorCode::kCorrupt) << document.status().message();
  }
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// FreeXL reads a directory entry's name with the length the entry states; past the format's
// 64 bytes it reads beyond its buffer. Our scan refuses such a directory before FreeXL opens
// the file: the fuzzed workbook that found it, and a good workbook whose root entry was given
// a 65,535-byte name. The good workbook itself still reads.
TEST(XlsReaderTest, DirectoryNameLongerThanTheFormatAllowsIsRefusedBeforeFreeXl) {
  const std::string good = FileBytes(kXlsx + "budget_2024_kashgar_full.xls");
  ASSERT_GT(good.size(), 512u);
  ASSERT_TRUE(ReadXls(good, "good.xls", ExtractOptions{}).ok());
  const std::size_t sector_size = std::size_t{1} << static_cast<unsigned char>(good[0x1E]);
  const std::size_t directory =
      (static_cast<std::size_t>(static_cast<unsigned char>(good[0x30])) |
       static_cast<std::size_t>(static_cast<unsigned char>(good[0x31])) << 8) +
      1;
  std::string long_name = good;
  long_name[directory * sector_size + 64] = '\xFF';
  long_name[directory * sector_size + 65] = '\xFF';
  const std::string fuzzed = FileBytes(std::string(DISCLOSE_SOURCE_DIR) +
                                       "/fixtures/fuzz-regressions/xls_fuzz/freexl/"
                                       "utf16_string_overread.xls");
  ASSERT_FALSE(fuzzed.empty());
  for (const std::string* bytes : std::vector<const std::string*>{&long_name, &fuzzed}) {
    Result<Document> document = ReadXls(*bytes, "x.xls", ExtractOptions{});
    ASSERT_FALSE(document.ok());
    EXPECT_EQ(document.status().code(), ErrorCode::kCorrupt);
    EXPECT_NE(document.status().message().find("directory entry"), std::string::npos)
        << document.status().message();
  }
}

// A BIFF8 stream by hand: globals (BOF, one BOUNDSHEET, EOF), then the
// sheet's substream with the given records.
std::string Record(std::uint16_t type, const std::string& data) {
  std::string out;
  out += static_cast<char>(type & 0xFF);
  out += static_cast<char>(type >> 8);
  out += static_cast<char>(data.size() & 0xFF);
  out += static_cast<char>(data.size() >> 8);
  return out + data;
}

std::string BiffWithSheet(const std::string& sheet_records) {
  const std::string bof =
      Record(0x0809, std::string("\x00\x06\x05\x00", 4) + std::string(12, '\0'));
  const std::string name = "S";
  const std::string eof = Record(0x000A, "");
  std::string boundsheet_data(4, '\0');
  boundsheet_data += std::string("\x00\x00", 2) + static_cast<char>(name.size()) + '\0' + name;
  const std::size_t sheet_offset = bof.size() + 4 + boundsheet_data.size() + eof.size();
  for (int i = 0; i < 4; ++i)
    boundsheet_data[static_cast<std::size_t>(i)] =
        static_cast<char>((sheet_offset >> (8 * i)) & 0xFF);
  return bof + Record(0x0085, boundsheet_data) + eof + bof + sheet_records + eof;
}

std::string Dimensions(std::uint32_t rows, std::uint16_t columns) {
  std::string data(14, '\0');
  for (int i = 0; i < 4; ++i)
    data[static_cast<std::size_t>(4 + i)] = static_cast<char>((rows >> (8 * i)) & 0xFF);
  data[10] = static_cast<char>(columns & 0xFF);
  data[11] = static_cast<char>(columns >> 8);
  return Record(0x0200, data);
}

TEST(BiffScanTest, RefusesWhatFreeXlWouldMishandle) {
  xls::BiffWorkbook one;
  ASSERT_TRUE(xls::ScanBiff(BiffWithSheet(Dimensions(21, 9)), &one).ok());
  ASSERT_EQ(one.sheets.size(), 1u);
  EXPECT_EQ(one.sheets[0].name, "S");
  EXPECT_EQ(one.sheets[0].declared_cells, 21 * 9);
  // FreeXL leaked the first grid when a sheet declared a second (xls_fuzz).
  xls::BiffWorkbook twice;
  EXPECT_EQ(xls::ScanBiff(BiffWithSheet(Dimensions(21, 9) + Dimensions(21, 9)), &twice).code(),
            ErrorCode::kCorrupt);
  // A grid beyond BIFF8's 65,536 x 256, which FreeXL would allocate whole.
  xls::BiffWorkbook huge;
  EXPECT_EQ(xls::ScanBiff(BiffWithSheet(Dimensions(0xFFFFFFFF, 256)), &huge).code(),
            ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace disclose
