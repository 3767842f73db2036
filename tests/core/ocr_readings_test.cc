#include "core/ocr_readings.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace disclose {
namespace {

Warning Differ(std::string message) {
  return Warning{std::string(kOcrReadingsDiffer), std::move(message), Provenance{}};
}

// The messages as users read them (and as JSON written before this header holds them): each
// parses to its readings, and formats back to itself.
TEST(OcrReadingsTest, MessagesParseAndFormatBack) {
  struct Case {
    const char* message;
    const char* reading;
    const char* other;
    OcrOtherReader by;
    OcrReadingsVerdict verdict;
    const char* parent;
    bool outvoted;
  };
  const std::vector<Case> cases = {
      {"\"133.23\" is read \"135.25\" by the second reader (eng); the first reading is kept",
       "133.23", "135.25", OcrOtherReader::kSecondReader, OcrReadingsVerdict::kFirstKept, "",
       false},
      {"\"326.72\" is read \"320.72\" by the first reader on the gray image; the reading of the "
       "second reader and of the first on the binary image is kept",
       "326.72", "320.72", OcrOtherReader::kFirstReaderOnGray, OcrReadingsVerdict::kTwoReadersKept,
       "", true},
      {"\"5.850016\" is read \"9.850016\" by the page's reading; the first reading is kept",
       "5.850016", "9.850016", OcrOtherReader::kPage, OcrReadingsVerdict::kFirstKept, "", true},
      {"\"2080501\" is read \"2010501\" by the second reader (eng); the second reading is taken: "
       "201 above it heads it, and not the first",
       "2080501", "2010501", OcrOtherReader::kSecondReader, OcrReadingsVerdict::kSecondTaken, "201",
       false},
      {"\"\" is read \"1.00\" by the second reader (eng); the first reading is kept", "", "1.00",
       OcrOtherReader::kSecondReader, OcrReadingsVerdict::kFirstKept, "", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const std::optional<OcrReadings> readings = ParseOcrReadings(Differ(c.message));
    ASSERT_TRUE(readings.has_value());
    EXPECT_EQ(readings->reading, c.reading);
    EXPECT_EQ(readings->other, c.other);
    EXPECT_EQ(readings->by, c.by);
    EXPECT_EQ(readings->verdict, c.verdict);
    EXPECT_EQ(readings->parent, c.parent);
    EXPECT_EQ(OtherReadingOutvoted(*readings), c.outvoted);
    EXPECT_EQ(FormatOcrReadings(*readings), c.message);
  }
}

TEST(OcrReadingsTest, OtherWarningsCarryNoReadings) {
  EXPECT_FALSE(ParseOcrReadings(Warning{"pdf_ambiguous_cell",
                                        "\"1.00\" is read \"7.00\" by the second reader (eng); "
                                        "the first reading is kept",
                                        Provenance{}}));
  for (const char* message : {
           "",
           "two readings differ",
           "\"1.00\" is read \"7.00\"",
           "\"1.00\" is read \"7.00\" by a third reader; the first reading is kept",
           "\"1.00\" is read \"7.00\" by the second reader (eng); the first reading is kept.",
           "\"1.00\" is read \"7.00\" by the second reader (eng); the second reading is taken: "
           " above it heads it, and not the first",
       }) {
    EXPECT_FALSE(ParseOcrReadings(Differ(message))) << message;
  }
}

}  // namespace
}  // namespace disclose
