#include "normalize/consistency.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalize/metadata.h"

namespace disclose {
namespace {

Document MakeDocument(const std::vector<std::string>& paragraphs) {
  Document document;
  for (const std::string& text : paragraphs) {
    Paragraph paragraph;
    paragraph.text = text;
    paragraph.provenance.block = static_cast<int>(document.blocks.size());
    document.blocks.push_back(Block{paragraph});
  }
  return document;
}

struct ConsistencyCase {
  const char* name;
  std::vector<std::string> paragraphs;
  std::vector<std::string> expected;  // "check severity" per finding, in order
};

std::string SeverityWord(Severity severity) {
  return severity == Severity::kError     ? "error"
         : severity == Severity::kWarning ? "warning"
                                          : "info";
}

TEST(ConsistencyTest, TitlesAndReportingDates) {
  const std::vector<ConsistencyCase> cases = {
      {"consistent final account",
       {"上海市普陀区财政局2024年度部门决算", "第二部分 上海市普陀区财政局2024年度部门决算表",
        "截至2024年12月31日，上海市普陀区财政局共有车辆0辆"},
       {}},
      {"placeholder department in a later title",
       {"上海市普陀区财政局2024年度部门决算", "第二部分 上海市普陀区XX局2024年度部门决算表"},
       {"metadata.department error"}},
      {"an abbreviated name is the same department",
       {"江苏省人民检察院2017年部门预算", "第二部分 省检察院 2017 年度部门预算表"},
       {}},
      {"an abbreviated party name is the same department",
       {"中国共产党江苏省委员会办公厅2017年部门预算", "中共江苏省委办公厅2017年部门预算"},
       {}},
      {"sibling unit of the same government",
       {"上海市普陀区财政局2024年度部门决算", "上海市普陀区商务委员会2024年度部门决算"},
       {"metadata.department error"}},
      {"wrong year in a section title",
       {"上海市普陀区财政局2024年度部门决算", "第三部分上海市普陀区财政局2023年度部门决算情况说明"},
       {"metadata.fiscal_year error"}},
      {"year-end position outside the fiscal year",
       {"上海市普陀区财政局2024年度部门决算", "截至2023年12月31日，上海市普陀区财政局共有车辆0辆"},
       {"metadata.fiscal_year error"}},
      {"budgets report the previous year end",
       {"上海市普陀区财政局2025年部门预算", "截至2024年12月31日，共有车辆2辆"},
       {}},
      {"a class heading is no department",
       {"江苏省人民检察院2018年部门预算", "检察（款）:2018年预算支出合计16,444.36万元。其中："},
       {}},
  };
  for (const ConsistencyCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Document document = MakeDocument(c.paragraphs);
    std::vector<Finding> findings;
    CheckMetadataConsistency(document, ExtractMetadata(document), findings);
    std::vector<std::string> actual;
    for (const Finding& finding : findings) {
      actual.push_back(finding.check + " " + SeverityWord(finding.severity));
      EXPECT_FALSE(finding.printed_text.empty());
    }
    EXPECT_EQ(actual, c.expected);
  }
}

}  // namespace
}  // namespace disclose
