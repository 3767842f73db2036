#include "normalize/ocr_codes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "normalize/table_stages.h"

namespace disclose {
namespace {

constexpr double kRowHeight = 18;

// One OCR'd table part on `page`: a code column and a label column, one row per code.
Block TablePart(int page, const std::vector<std::string>& codes, TextOrigin origin) {
  Table table;
  table.row_count = static_cast<int>(codes.size());
  table.column_count = 2;
  table.pages = {page};
  for (int r = 0; r < table.row_count; ++r) {
    for (int c = 0; c < 2; ++c) {
      TableCell cell;
      cell.row = r;
      cell.column = c;
      cell.text = c == 0 ? codes[r] : "label";
      cell.provenance.page = page;
      cell.provenance.box =
          Box{90.0 + 60 * c, 100 + kRowHeight * r, 145.0 + 60 * c, 100 + kRowHeight * (r + 1)};
      cell.provenance.origin = origin;
      table.cells.push_back(cell);
    }
  }
  return Block{table};
}

Warning SecondReadingOf(const Block& block, int row, const std::string& second) {
  const TableCell& cell = *block.AsTable()->CellAt(row, 0);
  return Warning{"ocr_readings_differ",
                 "\"" + cell.text + "\" is read \"" + second +
                     "\" by the second reader (eng); the first reading is kept",
                 cell.provenance};
}

TEST(OcrCodesTest, ACodeTakesTheReadingThatFallsUnderTheCodeAboveIt) {
  const struct {
    const char* name;
    std::vector<std::string> previous_page;  // empty: no part before
    std::vector<std::string> codes;
    int misread_row;
    const char* second;
    TextOrigin origin;
    const char* expected;
  } cases[] = {
      {"a 项 under its 款",
       {},
       {"215", "21501", "2130199"},
       2,
       "2150199",
       TextOrigin::kOcr,
       "2150199"},
      {"a 款 under its 类, past a sibling's 项",
       {},
       {"215", "21501", "2150199", "21304"},
       3,
       "21505",
       TextOrigin::kOcr,
       "21505"},
      {"the 类 on the page before",
       {"214", "215"},
       {"21501", "2150199", "21304"},
       2,
       "21505",
       TextOrigin::kOcr,
       "21505"},
      {"both readings under the 款",
       {},
       {"220", "22001", "2200104"},
       2,
       "2200164",
       TextOrigin::kOcr,
       "2200104"},
      {"neither reading under the 款",
       {},
       {"208", "20805", "2080106"},
       2,
       "2080306",
       TextOrigin::kOcr,
       "2080106"},
      {"no code above", {}, {"2130199"}, 0, "2150199", TextOrigin::kOcr, "2130199"},
      {"a 类 has no parent", {}, {"213", "21501"}, 0, "215", TextOrigin::kOcr, "213"},
      {"a text layer is as typed",
       {},
       {"215", "21501", "2130199"},
       2,
       "2150199",
       TextOrigin::kTextLayer,
       "2130199"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document document;
    if (!c.previous_page.empty())
      document.blocks.push_back(TablePart(4, c.previous_page, c.origin));
    Paragraph title;
    title.text = "一般公共预算支出表（续）";
    document.blocks.push_back(Block{title});
    document.blocks.push_back(TablePart(5, c.codes, c.origin));
    document.warnings.push_back(SecondReadingOf(document.blocks.back(), c.misread_row, c.second));
    const Document settled = WithOcrCodesSettledByHierarchy(document);
    EXPECT_EQ(settled.blocks.back().AsTable()->TextAt(c.misread_row, 0), c.expected);
    const bool taken = std::string(c.expected) == c.second;
    EXPECT_EQ(settled.warnings[0].message.find("the second reading is taken") != std::string::npos,
              taken)
        << settled.warnings[0].message;
    // The document given is left as it was.
    EXPECT_EQ(document.blocks.back().AsTable()->TextAt(c.misread_row, 0), c.codes[c.misread_row]);
  }
}

// A function-coded table of `kind` whose rows (code, name) each print one figure, read by
// `origin`.
CanonicalTable CodedTable(const std::string& kind, const std::string& title,
                          const std::vector<std::pair<std::string, std::string>>& rows,
                          TextOrigin origin) {
  CanonicalTable table;
  table.kind = kind;
  table.printed_title = title;
  for (const auto& [code, name] : rows) {
    CanonicalRow row;
    row.row_code = code;
    row.row_name = name;
    Figure figure;
    figure.table_kind = kind;
    figure.row_code = code;
    figure.column = "total";
    figure.amount_fen = 11962995;
    figure.provenance.origin = origin;
    row.values.push_back(figure);
    table.rows.push_back(row);
  }
  return table;
}

// 20111 纪检监察事务 read 20101 (人大事务's code) in its place in one table, its 项 following
// (H32 s3w_0506_budget's income table), while another table keys the name 20111: the row and its
// 项 take the sibling's code, with a finding. A text layer's code, a name the classification
// gives the code read, no other table, or another table keying the code read, keep it.
TEST(OcrCodesTest, KuanReadAsASiblingIsKeyedByTheTableThatNamesItSo) {
  struct Case {
    const char* name;
    const char* read_name;  // the 款 row's name in the income table
    TextOrigin origin;
    const char* other_code;  // what the expenditure table keys the name with; "" for no table
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"read as a sibling", "纪检监察事务", TextOrigin::kOcr, "20111", {"201", "20111", "2011101"}},
      {"on a text layer",
       "纪检监察事务",
       TextOrigin::kTextLayer,
       "20111",
       {"201", "20101", "2010101"}},
      {"the code's own name", "人大事务", TextOrigin::kOcr, "20111", {"201", "20101", "2010101"}},
      {"no other table", "纪检监察事务", TextOrigin::kOcr, "", {"201", "20101", "2010101"}},
      {"the other table agrees",
       "纪检监察事务",
       TextOrigin::kOcr,
       "20101",
       {"201", "20101", "2010101"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<CanonicalTable> tables = {CodedTable(
        "budget.income", "收入总表",
        {{"201", "一般公共服务支出"}, {"20101", c.read_name}, {"2010101", "行政运行"}}, c.origin)};
    if (*c.other_code != '\0') {
      tables.push_back(CodedTable("budget.expenditure", "支出总表",
                                  {{"201", "一般公共服务支出"}, {c.other_code, "纪检监察事务"}},
                                  TextOrigin::kOcr));
    }
    std::vector<Finding> findings;
    SettleOcrCodesAcrossTables(tables, findings);
    std::vector<std::string> codes;
    for (const CanonicalRow& row : tables[0].rows) {
      codes.push_back(row.row_code);
      EXPECT_EQ(row.values.front().row_code, row.row_code);
    }
    EXPECT_EQ(codes, c.want);
    const bool rekeyed = c.want[1] != "20101";
    EXPECT_EQ(findings.size(), rekeyed ? 1u : 0u);
    if (rekeyed) {
      EXPECT_EQ(findings.front().check, "ocr.code_inferred");
    }
  }
}

// 劳务费 read 30220 for 30226 on a real page scanned at 300 dpi (sh_putuo_finance_2025): no
// edition of the economic classification has 30220, and 劳务费 is the name of one code one digit
// away, so the row takes it, with a finding. A code some edition has, a text layer's code, a name
// of no code one digit away, a name of two, or a code the table already keys, stay as read.
TEST(OcrCodesTest, EconomicCodeNoEditionHasIsKeyedByItsName) {
  struct Case {
    const char* name;
    const char* code;
    const char* row_name;
    TextOrigin origin;
    const char* other_row;  // another row's code in the table; "" for none
    const char* want;
  };
  const Case cases[] = {
      {"one digit misread", "30220", "劳务费", TextOrigin::kOcr, "", "30226"},
      {"brackets of the other width", "30219", "维修(护)费", TextOrigin::kOcr, "", "30213"},
      {"a code the classification has", "30208", "物业管理费", TextOrigin::kOcr, "", "30208"},
      {"another name's code", "30216", "劳务费", TextOrigin::kOcr, "", "30216"},
      {"on a text layer", "30220", "劳务费", TextOrigin::kTextLayer, "", "30220"},
      {"two digits away", "30250", "劳务费", TextOrigin::kOcr, "", "30250"},
      {"unknown name", "30220", "其他费用", TextOrigin::kOcr, "", "30220"},
      {"already keyed", "30220", "劳务费", TextOrigin::kOcr, "30226", "30220"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::pair<std::string, std::string>> rows = {{"302", "商品和服务支出"},
                                                             {c.code, c.row_name}};
    if (*c.other_row != '\0') rows.emplace_back(c.other_row, "劳务费");
    std::vector<CanonicalTable> tables = {
        CodedTable("budget.general_budget_basic_expenditure", "基本支出表", rows, c.origin)};
    std::vector<Finding> findings;
    SettleOcrEconomicCodesByName(tables, findings);
    EXPECT_EQ(tables[0].rows[1].row_code, c.want);
    EXPECT_EQ(tables[0].rows[1].values.front().row_code, c.want);
    const bool rekeyed = std::string(c.want) != c.code;
    ASSERT_EQ(findings.size(), rekeyed ? 1u : 0u);
    if (rekeyed) {
      EXPECT_EQ(findings.front().check, "ocr.code_inferred");
    }
  }
}

// 生活补助 read with no code under 303 (cq_city_govoffice_2026 p18 at 300 dpi): keyed 30305, the
// code of its class the classification names so, and the table's row.unkeyed finding said again
// without it. A name of another class, a name two codes of the class share, a code the table
// keys already, or a text layer's row, stay unkeyed.
TEST(OcrCodesTest, EconomicRowWithItsCodeUnreadIsKeyedByItsNameInItsClass) {
  struct Case {
    const char* name;
    const char* klass;  // the coded row above
    const char* row_name;
    TextOrigin origin;
    const char* want;
  };
  const Case cases[] = {
      {"its class's code", "303", "生活补助", TextOrigin::kOcr, "30305"},
      {"a sibling above", "30302", "生活补助", TextOrigin::kOcr, "30305"},
      {"a 项 above", "3030104", "生活补助", TextOrigin::kOcr, "30305"},
      // Its code garbled and left in its name (3021]1差旅费, H52 s3w_0828_final).
      {"its garbled code in its name", "302", "3021]1差旅费", TextOrigin::kOcr, "30211"},
      {"an edition's code in its class", "303", "住房公积金", TextOrigin::kOcr, "30311"},
      {"the current code in its class", "301", "住房公积金", TextOrigin::kOcr, "30113"},
      {"another class", "302", "生活补助", TextOrigin::kOcr, ""},
      {"keyed already", "303", "退休费", TextOrigin::kOcr, ""},
      {"on a text layer", "303", "生活补助", TextOrigin::kTextLayer, ""},
      {"a function code above", "208", "生活补助", TextOrigin::kOcr, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<CanonicalTable> tables = {
        CodedTable("budget.general_budget_basic_expenditure", "基本支出表",
                   {{"30302", "退休费"}, {c.klass, "上一行"}, {"", c.row_name}}, c.origin)};
    for (CanonicalRow& row : tables[0].rows) {
      for (Figure& figure : row.values) figure.provenance.block = 4;
    }
    tables[0].source_blocks = {4};
    std::vector<Finding> findings = {*UnkeyedRowsFinding(tables[0])};
    SettleOcrEconomicCodesByName(tables, findings);
    EXPECT_EQ(tables[0].rows[2].row_code, c.want);
    const bool keyed = *c.want != '\0';
    const auto count = [&findings](const char* check) {
      return std::count_if(findings.begin(), findings.end(),
                           [check](const Finding& finding) { return finding.check == check; });
    };
    EXPECT_EQ(count("ocr.code_inferred"), keyed ? 1 : 0);
    EXPECT_EQ(count("row.unkeyed"), keyed ? 0 : 1);
  }
}

// 公务接待费 read 愉权吐训中 (H36 s3w_0572_budget): the 三公 table keys every item of its total but
// that one, and one row keys nothing; its figure is what the total leaves over the items keyed,
// so it is the missing item. A figure that does not close the total, two rows unkeyed, two items
// missing, or a text layer's row, stay as read.
TEST(OcrCodesTest, ThreePublicRowMisreadIsTheItemTheTotalLacks) {
  struct Case {
    const char* name;
    std::int64_t unkeyed_fen;
    bool second_unkeyed;
    bool overseas_printed;
    TextOrigin origin;
    bool keyed;
  };
  const Case cases[] = {
      {"closes the total", 125800, false, true, TextOrigin::kOcr, true},
      {"does not close it", 125700, false, true, TextOrigin::kOcr, false},
      {"two rows unkeyed", 125800, true, true, TextOrigin::kOcr, false},
      {"two items missing", 125800, false, false, TextOrigin::kOcr, false},
      {"on a text layer", 125800, false, true, TextOrigin::kTextLayer, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::pair<std::string, std::string>> rows = {
        {"three_public.total", "合计"},
        {"three_public.vehicle_total", "公务用车购置及运行费"},
        {"", "愉权吐训中"}};
    if (c.overseas_printed)
      rows.insert(rows.begin() + 1, {"three_public.overseas", "因公出国(境)费"});
    if (c.second_unkeyed) rows.emplace_back("", "训中");
    CanonicalTable table = CodedTable("budget.three_public", "三公经费支出表", rows, c.origin);
    for (CanonicalRow& row : table.rows) {
      const std::int64_t fen = row.row_code == "three_public.total"      ? 630600
                               : row.row_code == "three_public.overseas" ? 39900
                               : row.row_code.empty()                    ? c.unkeyed_fen
                                                                         : 464900;
      row.values.front().amount_fen = fen;
      row.values.front().column = "budget";
    }
    std::vector<CanonicalTable> tables = {table};
    std::vector<Finding> findings;
    SettleOcrThreePublicRowByIdentity(tables, findings);
    const bool keyed =
        std::any_of(tables[0].rows.begin(), tables[0].rows.end(), [](const CanonicalRow& row) {
          return row.row_code == "three_public.reception" &&
                 row.values.front().row_code == row.row_code;
        });
    EXPECT_EQ(keyed, c.keyed);
    EXPECT_EQ(findings.size(), c.keyed ? 1u : 0u);
  }
}

}  // namespace
}  // namespace disclose
