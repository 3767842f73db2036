#include "normalize/ocr_labels.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace disclose {
namespace {

TEST(OcrLabelsTest, NearestOcrLabel) {
  struct Case {
    const char* read;
    LabelVocabulary vocabulary;
    std::optional<std::string> label;
  };
  const Case cases[] = {
      // Summary rows as chi_sim read them on a 300 dpi scan of bj_city_health p19.
      {"五、数育支出", LabelVocabulary::kSummaryRows, "教育支出"},
      {"六、科'尝技术文出", LabelVocabulary::kSummaryRows, "科学技术支出"},
      {"八、社:会保障和就业文出", LabelVocabulary::kSummaryRows, "社会保障和就业支出"},
      {"几、了1生健康过出", LabelVocabulary::kSummaryRows, "卫生健康支出"},
      {"十、文化旅游体让与传媒支出", LabelVocabulary::kSummaryRows, "文化旅游体育与传媒支出"},
      {"半、和车能环保支出", LabelVocabulary::kSummaryRows, "节能环保支出"},
      {"、资源勘探了业们和息等支出", LabelVocabulary::kSummaryRows, "资源勘探工业信息等支出"},
      {"下克、住房保障支出", LabelVocabulary::kSummaryRows, "住房保障支出"},
      // Jiangsu's summary lines (js_highcourt_2017 p11).
      {"-、财政拨这", LabelVocabulary::kSummaryRows, "财政拨款"},
      {"1 -般公共了预算", LabelVocabulary::kSummaryRows, "一般公共预算"},
      {"2、单位撰佣机动经费", LabelVocabulary::kSummaryRows, "单位预留机动经费"},
      // 三公 item words wrapped in narrow header cells (zj_hangzhou_meteo p21); a label of six
      // ideographs or more may have lost one, a shorter one none.
      {"因(境公)费出用国", LabelVocabulary::kThreePublicRows, "因公出国(境)费"},
      {"护”待公务费接", LabelVocabulary::kThreePublicRows, "公务接待费"},
      {"。运公务行用维车费", LabelVocabulary::kThreePublicRows, "公务用车运行维护费"},
      {"待公务接", LabelVocabulary::kThreePublicRows, std::nullopt},
      {"日出常公用支", LabelVocabulary::kColumns, "日常公用支出"},
      // A summary row wrapped in a narrow cell is read out of order too (H31 s3w_0495_final):
      // taken when every ideograph of one label is read and no other.
      {"障保住房支出", LabelVocabulary::kSummaryRows, "住房保障支出"},
      {"2灾雪防治及虚名管理支出", LabelVocabulary::kSummaryRows, "灾害防治及应急管理支出"},
      {":般公共质算资企", LabelVocabulary::kSummaryRows, "一般公共预算资金"},
      {"，-般公共质算拨次", LabelVocabulary::kSummaryRows, "一般公共预算拨款"},
      {"公务用车运行维护贵", LabelVocabulary::kThreePublicRows, std::nullopt},  // keys as printed
      {"公务接侍费", LabelVocabulary::kThreePublicRows, "公务接待费"},
      // Rows that key as printed are left to the row keys.
      {"五、教育支出", LabelVocabulary::kSummaryRows, std::nullopt},
      {"本年收入合计", LabelVocabulary::kSummaryRows, std::nullopt},
      // Too little left to tell, or as near to two keys: nothing is guessed.
      {"人金吉支由", LabelVocabulary::kSummaryRows, std::nullopt},
      {"其他文市", LabelVocabulary::kSummaryRows, std::nullopt},
      {"土年结转结余", LabelVocabulary::kSummaryRows, "上年结转结余"},  // 土 in 上's place
      {"年结转结余", LabelVocabulary::kSummaryRows, std::nullopt},      // 上年 or 年终?
      {"文出", LabelVocabulary::kSummaryRows, std::nullopt},
      // 总计 letter-spaced, its 计 lost (H28 s3w_0445_final): the one summary line 总 starts.
      {"总", LabelVocabulary::kSummaryRows, "总计"},
      {"总", LabelVocabulary::kColumns, std::nullopt},
      {"计", LabelVocabulary::kSummaryRows, std::nullopt},
      {"办公设备购置", LabelVocabulary::kSummaryRows, std::nullopt},
      // Longer names that hold a label are other rows (a summary listing 项 beside the
      // classes, zj_hangzhou_police): not misreadings of the label.
      {"其他一般公共服务支出", LabelVocabulary::kSummaryRows, std::nullopt},
      {"其他公安支出", LabelVocabulary::kSummaryRows, std::nullopt},
      {"", LabelVocabulary::kSummaryRows, std::nullopt},
      // Headers of amount columns (sd_yantai_stats p8 on a 200 dpi scan: 一般公共预/算收入).
      {"-般公共预/分收入", LabelVocabulary::kColumns, "一般公共预算收入"},
      {"政识统府收入性。时", LabelVocabulary::kColumns, std::nullopt},
      {"事业单位经菅收入", LabelVocabulary::kColumns, "事业单位经营收入"},
      {"基本文出", LabelVocabulary::kColumns, "基本支出"},
      // A procurement list's 政府性基金 with its last character cut into the next cell.
      {"政府性基", LabelVocabulary::kColumns, "政府性基金"},
      {"其他资全", LabelVocabulary::kColumns, "其他资金"},
      {"小计", LabelVocabulary::kColumns, std::nullopt},
      // A header word wrapped in a narrow cell, read out of order with a neighbour's 式
      // (js_suzhou_ecoenv p25); with two characters more it is not taken.
      {"式“预一算般资金公共", LabelVocabulary::kColumns, "一般公共预算资金"},
      {"式“预一算般资金公共形", LabelVocabulary::kColumns, std::nullopt},
      // An income table's fund columns printed in full, the second line read out of order
      // and 拨 read 拔 (fj_fuzhou_sci p12).
      {"政府性基\n。金款预收算入拔", LabelVocabulary::kColumns, "政府性基金预算拨款收入"},
      {"国有资本\n拨。款经营收预入算", LabelVocabulary::kColumns, "国有资本经营预算拨款收入"},
      // A fund's name out of order, 基 lost: it holds 预算, which alone keys a 预算数 column.
      {"政金府预算性", LabelVocabulary::kColumns, "政府性基金预算"},
      {"一算般公共预", LabelVocabulary::kColumns, "一般公共预算"},
      // Jiangsu's 单位预留机动经费 with its last character lost (js_cppcc_2019 p3).
      {"单位预留机动经", LabelVocabulary::kColumns, "单位预留机动经费"},
      // A speck read as a comma after a head that is no ordinal: the head is part of the word.
      {"金其他，资金", LabelVocabulary::kColumns, "其他资金"},
      {"下克、住房保障支出", LabelVocabulary::kSummaryRows, "住房保障支出"},
      // Jiangsu's summary lines (js_highcourt_2017 p11).
      {"-、财政拨这", LabelVocabulary::kSummaryRows, "财政拨款"},
      {"1 -般公共了预算", LabelVocabulary::kSummaryRows, "一般公共预算"},
      {"2、单位撰佣机动经费", LabelVocabulary::kSummaryRows, "单位预留机动经费"},
      // A fund's name whose 算 was lost keys as 财政拨款 (every appropriation): completed
      // (H13 s3w_0199_final). Printed whole, or in a header word, it is as printed.
      {"一、一般公共预财政拨款", LabelVocabulary::kSummaryRows, "一般公共预算财政拨款"},
      {"二、政府性基金预财政拨款收入", LabelVocabulary::kSummaryRows, "政府性基金预算财政拨款收入"},
      {"一、一般公共预算财政拨款", LabelVocabulary::kSummaryRows, std::nullopt},
      // A summary's row label wrapped over lines, read out of order (H31 s3w_0495_final): every
      // ideograph and no other; one lost or one more is too far among a summary's many rows.
      {"社业会支出保障和就", LabelVocabulary::kSummaryRows, "社会保障和就业支出"},
      {"社业会支出保障和", LabelVocabulary::kSummaryRows, std::nullopt},
      {"社业会支出保障和就村", LabelVocabulary::kSummaryRows, std::nullopt},
      // Its ordinal's numeral read into the scrambled words, the 、 left (H52 s3w_0818_final);
      // without the 、 the numeral may be a word's.
      {"一等支、出自然资源海洋气象", LabelVocabulary::kSummaryRows, "自然资源海洋气象等支出"},
      {"一等支出自然资源海洋气象", LabelVocabulary::kSummaryRows, std::nullopt},
      {"一等支、出自然资源海洋", LabelVocabulary::kSummaryRows, std::nullopt},
      // 其中 before a part's label (其中:公务用车购置费, 置 read 轰).
      {"其中:公务用车购轰费", LabelVocabulary::kThreePublicRows, "公务用车购置费"},
      // The short wording of the operation part (公务用车运行费, H40 s3w_0635_budget: 费 read 站).
      {"公务用车运行站", LabelVocabulary::kThreePublicRows, "公务用车运行费"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NearestOcrLabel(c.read, c.vocabulary), c.label) << c.read;
  }
}

// A garbled code's candidates told apart by the row's OCR'd name, as the classification names
// them: clearly nearer one than the others, and nearer still when a candidate is a code no
// document printed (its name unknown).
TEST(OcrLabelsTest, NearestSubclassCode) {
  struct Case {
    const char* read;
    std::vector<std::string> codes;
    std::optional<std::string> code;
  };
  const Case cases[] = {
      {"城乡社区等理下务", {"21201", "21202"}, "21201"},
      {"城乡社区规划与管理", {"21201", "21202"}, "21202"},
      {"其他保障性安居工程支出", {"2210101", "2210199"}, "2210199"},
      // An edition's shorter name is as good as the current one.
      {"机关事业单位职业年金", {"2080505", "2080506"}, "2080506"},
      // Near neither, or too little read to tell.
      {"了了了了", {"21201", "21202"}, std::nullopt},
      {"行政", {"2120101", "2120102"}, std::nullopt},
      // 0.625 near 一般行政管理事务: enough against 行政运行, not beside a code whose name is
      // unknown (2120150), where a name read nearly whole is.
      {"一由行由管理由务", {"2120101", "2120102"}, "2120102"},
      {"一由行由管理由务", {"2120102", "2120150"}, std::nullopt},
      {"一般行政管理由务", {"2120102", "2120150"}, "2120102"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NearestSubclassCode(c.read, c.codes), c.code) << c.read;
  }
}

TEST(OcrLabelsTest, FundNameRestoredInATitle) {
  EXPECT_EQ(WithMisreadFundNameRestored("一般人 预算支出表"), "一般公共预算支出表");
  EXPECT_EQ(WithMisreadFundNameRestored("2021年一般人4必 预算支出表(预算04表)"),
            "2021年一般公共预算支出表(预算04表)");
  EXPECT_EQ(WithMisreadFundNameRestored("政府性基仝预算支出表"), "政府性基金预算支出表");
  // Printed whole, or too far from any fund name (政府采购 is not 政府性基金).
  EXPECT_EQ(WithMisreadFundNameRestored("一般公共预算支出表"), std::nullopt);
  EXPECT_EQ(WithMisreadFundNameRestored("政府采购预算表"), std::nullopt);
  EXPECT_EQ(WithMisreadFundNameRestored("部门预算支出表"), std::nullopt);
}

}  // namespace
}  // namespace disclose
