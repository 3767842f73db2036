// core/csv: RFC 4180 quoting plus the CSV-injection guard of issue 14.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <string>

namespace disclose {
namespace {

struct CsvCase {
  std::string raw;
  std::string field;
};

TEST(AppendCsvField, QuotesAndGuards) {
  const CsvCase cases[] = {
      {"", ""},
      {"行政运行", "行政运行"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      // Formula starters get a leading quote; quoting still applies after it.
      {"=1+1", "'=1+1"},
      {"+1", "'+1"},
      {"-1+2", "'-1+2"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=cmd", "'\t=cmd"},
      {"\r=cmd", "\"'\r=cmd\""},
      {"=HYPERLINK(\"http://x\",\"a\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\""},
      {"=cmd|' calc'!A0.txt", "'=cmd|' calc'!A0.txt"},
      {"-3.00 10.00 20.00 30.00", "'-3.00 10.00 20.00 30.00"},
      {"-4,964,173.05", "\"'-4,964,173.05\""},
      // Plain numbers are not formulas: amounts stay numbers.
      {"-0.05", "-0.05"},
      {"-12", "-12"},
      {"-", "'-"},
      {"-.5", "'-.5"},
      {"-1.", "'-1."},
      // Only the first character matters.
      {"a=b", "a=b"},
      {"bad\xff", "bad\xEF\xBF\xBD"},
  };
  for (const CsvCase& c : cases) {
    std::string out;
    AppendCsvField(out, c.raw);
    EXPECT_EQ(out, c.field) << c.raw;
  }
}

}  // namespace
}  // namespace disclose
