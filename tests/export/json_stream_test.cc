// The streaming JSON writer against nlohmann, which wrote every golden before it: numbers and
// string escapes must come out byte for byte the same, pretty output must equal nlohmann's
// dump(2) of the same content, and compact output must parse to the same JSON.
#include "export/json_stream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "export/export.h"

namespace disclose {
namespace {

std::string NlohmannDouble(double value) {
  return nlohmann::json(value).dump();
}

std::string NlohmannString(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string OurString(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(FormatJsonDouble, MatchesNlohmannOnEdgeValues) {
  const double values[] = {0.0,
                           -0.0,
                           1.0,
                           -1.0,
                           0.5,
                           595.28,
                           841.89,
                           10.0,
                           20.01,
                           30.5,
                           40.12,
                           1e15,
                           1e16,
                           1e17,
                           1.5e16,
                           123456789012345.0,
                           0.0001,
                           0.00001,
                           1.5e-5,
                           1e-7,
                           1e300,
                           -1e300,
                           5e-324,
                           1.7976931348623157e308,
                           0.1,
                           0.3,
                           100.0,
                           1234.5,
                           99999999999999.99,
                           2.5e-4};
  for (double value : values) {
    EXPECT_EQ(FormatJsonDouble(value), NlohmannDouble(value)) << value;
  }
  EXPECT_EQ(FormatJsonDouble(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(FormatJsonDouble(std::numeric_limits<double>::infinity()), "null");
}

// What the writer prints most: coordinates rounded to hundredths, over and beyond a page.
TEST(FormatJsonDouble, MatchesNlohmannOnHundredthsAndRandomDoubles) {
  for (int hundredths = -200000; hundredths <= 200000; hundredths += 7) {
    const double value = std::round(hundredths) / 100.0;
    ASSERT_EQ(FormatJsonDouble(value), NlohmannDouble(value)) << value;
  }
  std::mt19937_64 random(12345);
  std::uniform_int_distribution<std::uint64_t> bits;
  int compared = 0;
  while (compared < 20000) {
    const std::uint64_t raw = bits(random);
    double value = 0;
    static_assert(sizeof value == sizeof raw);
    std::memcpy(&value, &raw, sizeof value);
    if (!std::isfinite(value)) continue;
    ++compared;
    // Grisu2 (nlohmann) is not always the shortest form, so random bit patterns are compared by
    // value: both must round-trip to the same double.
    EXPECT_EQ(std::strtod(FormatJsonDouble(value).c_str(), nullptr), value);
  }
}

TEST(AppendJsonString, MatchesNlohmannEscapes) {
  const std::string cases[] = {
      "",
      "plain",
      "行政运行",
      "quote \" backslash \\ slash /",
      std::string("controls \b\f\n\r\t \x01\x1f\x7f end"),
      std::string("nul \0 inside", 12),
      "emoji \xF0\x9F\x98\x80 and U+10FFFF \xF4\x8F\xBF\xBF",
      "broken \xc3\x28 text \xff",
      "truncated at the end \xE4\xB8",
      "overlong \xC0\xAF and \xE0\x80\xAF",
      "surrogate \xED\xA0\x80",
      "past U+10FFFF \xF4\x90\x80\x80",
      "\xff\xfe\xfd",
      "lone continuation \x80\x80 then 中",
  };
  for (const std::string& text : cases) {
    EXPECT_EQ(OurString(text), NlohmannString(text)) << text;
  }
}

TEST(AppendJsonString, MatchesNlohmannOnRandomBytes) {
  std::mt19937 random(777);
  // Bytes drawn mostly from the UTF-8 lead/continuation ranges, where the decoders could differ.
  const std::string alphabet = std::string("a\"\\\n\x01\x7f", 6) + "\x80\xbf\xc2\xdf\xe0\xe4\xed" +
                               "\xef\xf0\xf4\xf5\xff\xa0\x8f\x90\x9f";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int i = 0; i < 50000; ++i) {
    std::string text;
    for (int n = length(random); n > 0; --n) text += alphabet[pick(random)];
    ASSERT_EQ(OurString(text), NlohmannString(text)) << i;
  }
}

TEST(JsonStream, PrettyAndCompactLayout) {
  for (const auto style : {JsonStream::Style::kPretty, JsonStream::Style::kCompact}) {
    JsonStream json(style);
    json.BeginObject();
    json.Key("a");
    json.Int(-3);
    json.Key("empty_object");
    json.BeginObject();
    json.EndObject();
    json.Key("empty_array");
    json.BeginArray();
    json.EndArray();
    json.Key("list");
    json.BeginArray();
    json.Double(1.5);
    json.Null();
    json.BeginObject();
    json.Key("b");
    json.Bool(true);
    json.EndObject();
    json.EndArray();
    json.EndObject();
    json.Newline();
    const std::string text = json.TakeString();
    const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(text);
    if (style == JsonStream::Style::kPretty) {
      EXPECT_EQ(text, parsed.dump(2) + "\n");
    } else {
      EXPECT_EQ(text, parsed.dump() + "\n");
    }
  }
}

TEST(WriteDocumentJson, StreamsTheSameBytesToAFile) {
  Document document;
  document.source.name = "a.txt";
  // Enough blocks to cross the 64 KiB flush more than once.
  for (int i = 0; i < 3000; ++i) {
    Paragraph paragraph;
    paragraph.text = "第" + std::to_string(i) + "段 \"text\"";
    document.blocks.push_back(Block{paragraph});
  }
  const NormalizedDocument normalized;
  for (const JsonStyle style : {JsonStyle::kCompact, JsonStyle::kPretty}) {
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    ASSERT_TRUE(WriteDocumentJson(file, document, normalized, style).ok());
    std::string written(static_cast<std::size_t>(std::ftell(file)), '\0');
    std::rewind(file);
    ASSERT_EQ(std::fread(written.data(), 1, written.size(), file), written.size());
    std::fclose(file);
    EXPECT_GT(written.size(), 64u * 1024u);
    EXPECT_EQ(written, DocumentToJson(document, normalized, style));
  }
}

TEST(WriteDocumentJson, AWriteErrorIsReported) {
  std::FILE* full = std::fopen("/dev/full", "wb");
  if (full == nullptr) GTEST_SKIP() << "no /dev/full";
  const Status status = WriteDocumentJson(full, Document{}, NormalizedDocument{});
  std::fclose(full);
  EXPECT_EQ(status.code(), ErrorCode::kIoError);
}

}  // namespace
}  // namespace disclose
