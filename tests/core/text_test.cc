#include "core/text.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdio>

namespace disclose {
namespace {

struct TextCase {
  const char* input;
  const char* expected;
};

TEST(FoldForMatchingTest, FullWidthBecomesAscii) {
  const TextCase cases[] = {
      {"（２０２２年）", "(2022年)"},
      {"金额单位：万元", "金额单位:万元"},
      {"１，２３４．５６", "1,234.56"},
      {"plain", "plain"},
  };
  for (const TextCase& c : cases) EXPECT_EQ(FoldForMatching(c.input), c.expected) << c.input;
}

// FoldForMatching skips ICU for text made only of these code points, so ICU
// must agree that NFKC leaves every one of them unchanged.
TEST(FoldForMatchingTest, FastPathCodePointsAreNfkcStable) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  ASSERT_TRUE(U_SUCCESS(error));
  int checked = 0;
  for (char32_t c = 1; c < 0x30000; ++c) {
    if (!IsNfkcStable(c)) continue;
    ++checked;
    const icu::UnicodeString one(static_cast<UChar32>(c));
    EXPECT_TRUE(nfkc->isNormalized(one, error)) << std::hex << static_cast<unsigned>(c);
  }
  EXPECT_GT(checked, 20000);
  EXPECT_EQ(FoldForMatching("收入支出决算表“三公”、。"), "收入支出决算表“三公”、。");
}

TEST(WhitespaceTest, CollapseAndRemove) {
  EXPECT_EQ(CollapseWhitespace(" a \n\t b\u3000c "), "a b c");
  EXPECT_EQ(RemoveAllWhitespace("行政 运\n行\u3000"), "行政运行");
  EXPECT_EQ(Trim("\u3000 abc \n"), "abc");
}

TEST(DigitTest, HasAsciiDigit) {
  EXPECT_TRUE(HasAsciiDigit("支出总计 1]12"));
  EXPECT_TRUE(HasAsciiDigit("0"));
  EXPECT_FALSE(HasAsciiDigit("本年支出合计"));
  EXPECT_FALSE(HasAsciiDigit("１２"));  // full-width digits are not ASCII
  EXPECT_FALSE(HasAsciiDigit(""));
}

TEST(Utf8Test, InvalidBytesBecomeReplacementCharacter) {
  EXPECT_EQ(SanitizeUtf8("a\xff"
                         "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(SanitizeUtf8("\xC0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong NUL
  EXPECT_EQ(DecodeUtf8("元").size(), 1u);
}

TEST(Sha256Test, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// The streamed hash equals the whole-buffer hash across chunk boundaries (64 KiB).
TEST(Sha256Test, StreamedFromAFileEqualsTheBufferHash) {
  for (std::size_t size : {std::size_t{0}, std::size_t{3}, std::size_t{65536}, std::size_t{65537},
                           std::size_t{200000}}) {
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + 7) % 251);
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fflush(file);
    std::rewind(file);
    std::string hex;
    std::uint64_t read_bytes = 0;
    EXPECT_TRUE(Sha256HexOfFd(fileno(file), hex, read_bytes)) << size;
    EXPECT_EQ(read_bytes, size);
    EXPECT_EQ(hex, Sha256Hex(bytes)) << size;
    std::fclose(file);
  }
}

}  // namespace
}  // namespace disclose
