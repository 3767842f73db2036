#include "normalize/classification.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>

namespace disclose {
namespace {

struct NameCase {
  const char* printed;
  std::optional<std::string> code;
};

class FunctionClassCodeTest : public testing::TestWithParam<NameCase> {};

TEST_P(FunctionClassCodeTest, MapsPrintedNameToClass) {
  EXPECT_EQ(FunctionClassCode(GetParam().printed), GetParam().code) << GetParam().printed;
}

INSTANTIATE_TEST_SUITE_P(
    Names, FunctionClassCodeTest,
    testing::Values(
        NameCase{"社会保障和就业支出", "208"}, NameCase{"八、社会保障和就业", "208"},
        NameCase{"八、社会保障和就业支出", "208"}, NameCase{"社会保障和就业支出(类)", "208"},
        NameCase{"社会保障和就业支出（类）", "208"}, NameCase{"  一、一般公共服务支出 ", "201"},
        NameCase{"二十二、粮油物资储备支出", "222"}, NameCase{"卫生健康支出", "210"},
        NameCase{"医疗卫生与计划生育支出", "210"}, NameCase{"十、医疗卫生与计划生育", "210"},
        NameCase{"医疗卫生支出", "210"}, NameCase{"文化旅游体育与传媒支出", "207"},
        NameCase{"文化体育与传媒支出", "207"}, NameCase{"资源勘探信息等支出", "215"},
        NameCase{"资源勘探电力信息等支出", "215"}, NameCase{"资源勘探工业信息等支出", "215"},
        NameCase{"国土海洋气象等支出", "220"}, NameCase{"自然资源海洋气象等支出", "220"},
        NameCase{"住房保障支出", "221"}, NameCase{"住 房 保 障 支 出", "221"},
        NameCase{"灾害防治及应急管理支出", "224"}, NameCase{"预备费", "227"},
        NameCase{"其他支出", "229"}, NameCase{"债务付息支出", "232"},
        NameCase{"抗疫特别国债安排的支出", "234"}, NameCase{"(一)农林水支出", "213"},
        NameCase{"1.交通运输支出", "214"}, NameCase{"行政运行", std::nullopt},
        NameCase{"", std::nullopt}, NameCase{"一般公共预算财政拨款收入", std::nullopt}));

// A class name cut at its cell's edge on a scan keys its class when no other class's name begins
// the same way, and it is long enough to say (H s3w_0097: 二、自然资源海洋气).
TEST(CutFunctionClassCodeTest, NameCutAtTheCellsEdge) {
  struct Case {
    const char* printed;
    std::optional<std::string> code;
  };
  const Case cases[] = {
      {"二、自然资源海洋气", "220"},
      {"社会保障和就", "208"},
      {"一般公共服务支", "201"},
      {"社会保障和就业", std::nullopt},          // whole but for 支出: FunctionClassCode's
      {"社会保障", std::nullopt},                // four characters: too short to say
      {"自然资源海洋气象等支出", std::nullopt},  // whole: FunctionClassCode's
      {"其他支出乙", std::nullopt},              // begins no class name
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CutFunctionClassCode(c.printed), c.code) << c.printed;
  }
}

// A class name after an ordinal a scan garbled keys its class (H10 s3w_0151_final's summary:
// 1、1上加科学技术支出); a prefix of words alone is a 项's own name, and a long prefix no ordinal.
TEST(FunctionClassCodeAfterAGarbledPrefixTest, OrdinalGarbled) {
  struct Case {
    const char* printed;
    std::optional<std::string> code;
  };
  const Case cases[] = {
      {"1、1上加科学技术支出", "206"},
      {"2.卫生健康支出", "210"},
      {"二、住房保障支出", "221"},
      {"其他科学技术支出", std::nullopt},         // words only: 20699's name
      {"1上加甲乙丙科学技术支出", std::nullopt},  // six characters before it
      {"1、1上加科学技", std::nullopt},           // no whole class name
      {"1、行政运行", std::nullopt},              // a 项's name
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FunctionClassCodeAfterAGarbledPrefix(c.printed), c.code) << c.printed;
  }
}

TEST(KnownFunctionSubclassNamesTest, FindsEverySpellingOfACode) {
  EXPECT_TRUE(FunctionSubclassesInCodeOrder());
  EXPECT_EQ(KnownFunctionSubclassNames("2120101"), std::vector<std::string>{"行政运行"});
  // The first and the last code of the table, and codes between two listed ones.
  EXPECT_FALSE(KnownFunctionSubclassNames("20101").empty());
  EXPECT_TRUE(KnownFunctionSubclassNames("2010").empty());
  EXPECT_TRUE(KnownFunctionSubclassNames("201010").empty());
  EXPECT_TRUE(KnownFunctionSubclassNames("99999").empty());
  EXPECT_TRUE(KnownFunctionSubclassNames("").empty());
}

TEST(KnownFunctionChildCodesTest, ListsTheNextLevelOnly) {
  const std::vector<std::string> kuan = KnownFunctionChildCodes("224");
  EXPECT_NE(std::find(kuan.begin(), kuan.end(), "22406"), kuan.end());
  for (const std::string& code : kuan) EXPECT_EQ(code.size(), 5u) << code;
  const std::vector<std::string> xiang = KnownFunctionChildCodes("22001");
  EXPECT_NE(std::find(xiang.begin(), xiang.end(), "2200150"), xiang.end());
  EXPECT_TRUE(std::is_sorted(xiang.begin(), xiang.end()));
  EXPECT_TRUE(std::adjacent_find(xiang.begin(), xiang.end()) == xiang.end());
  EXPECT_TRUE(KnownFunctionChildCodes("2200150").empty());
  EXPECT_TRUE(KnownFunctionChildCodes("").empty());
}

TEST(KnownFunctionClassNamesTest, ListsCurrentAndOlderNames) {
  std::vector<std::string> names = KnownFunctionClassNames("210");
  ASSERT_GE(names.size(), 2u);
  EXPECT_EQ(names[0], "卫生健康支出");
  EXPECT_EQ(names[1], "医疗卫生与计划生育支出");
  EXPECT_EQ(KnownFunctionClassNames("208"), std::vector<std::string>{"社会保障和就业支出"});
  EXPECT_TRUE(KnownFunctionClassNames("218").empty());
  EXPECT_TRUE(KnownFunctionClassNames("").empty());
}

TEST(KnownFunctionClassNamesTest, EveryNameMapsBackToItsCode) {
  for (int code = 200; code < 240; ++code) {
    const std::string text = std::to_string(code);
    for (const std::string& name : KnownFunctionClassNames(text)) {
      EXPECT_EQ(FunctionClassCode(name), text) << name;
    }
  }
}

}  // namespace
}  // namespace disclose
