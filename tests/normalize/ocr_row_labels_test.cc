#include "normalize/ocr_row_labels.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace disclose {
namespace {

TEST(OcrRowLabelsTest, NearestOcrRowLabel) {
  struct Case {
    const char* read;
    RowVocabulary vocabulary;
    std::optional<std::string> label;
  };
  const Case cases[] = {
      // Summary rows as chi_sim read them on a 300 dpi scan of bj_city_health p19.
      {"五、数育支出", RowVocabulary::kSummary, "教育支出"},
      {"六、科'尝技术文出", RowVocabulary::kSummary, "科学技术支出"},
      {"八、社:会保障和就业文出", RowVocabulary::kSummary, "社会保障和就业支出"},
      {"几、了1生健康过出", RowVocabulary::kSummary, "卫生健康支出"},
      {"十、文化旅游体让与传媒支出", RowVocabulary::kSummary, "文化旅游体育与传媒支出"},
      {"半、和车能环保支出", RowVocabulary::kSummary, "节能环保支出"},
      {"、资源勘探了业们和息等支出", RowVocabulary::kSummary, "资源勘探工业信息等支出"},
      {"下克、住房保障支出", RowVocabulary::kSummary, "住房保障支出"},
      {"2灾雪防治及虚名管理支出", RowVocabulary::kSummary, "灾害防治及应急管理支出"},
      {":般公共质算资企", RowVocabulary::kSummary, "一般公共预算资金"},
      {"，-般公共质算拨次", RowVocabulary::kSummary, "一般公共预算拨款"},
      {"公务用车运行维护贵", RowVocabulary::kThreePublic, std::nullopt},  // keys as printed
      {"公务接侍费", RowVocabulary::kThreePublic, "公务接待费"},
      // Rows that key as printed are left to the row keys.
      {"五、教育支出", RowVocabulary::kSummary, std::nullopt},
      {"本年收入合计", RowVocabulary::kSummary, std::nullopt},
      // Too little left to tell, or as near to two keys: nothing is guessed.
      {"人金吉支由", RowVocabulary::kSummary, std::nullopt},
      {"其他文市", RowVocabulary::kSummary, std::nullopt},
      {"土年结转结余", RowVocabulary::kSummary, std::nullopt},
      {"文出", RowVocabulary::kSummary, std::nullopt},
      {"办公设备购置", RowVocabulary::kSummary, std::nullopt},
      {"", RowVocabulary::kSummary, std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NearestOcrRowLabel(c.read, c.vocabulary), c.label) << c.read;
  }
}

}  // namespace
}  // namespace disclose
