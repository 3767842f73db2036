// Two OCR readings of one table cell that differ, as an `ocr_readings_differ`
// reader warning carries them: extract/ocr writes the warning, the normalizer
// reads it back (the identity repair tries the other reading, a code under the
// wrong 类 takes it, the finding quotes the cell's). The message is one line a
// user reads; its shape is defined here alone, so that neither stage depends on
// how the other spells it.
//
//   OcrReadings readings{"133.23", "135.25", OcrOtherReader::kSecondReader,
//                        OcrReadingsVerdict::kFirstKept};
//   Warning warning{std::string(kOcrReadingsDiffer), FormatOcrReadings(readings), provenance};
//   ParseOcrReadings(warning)->other;   // "135.25"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace disclose {

inline constexpr std::string_view kOcrReadingsDiffer = "ocr_readings_differ";

// Who gave the other reading.
enum class OcrOtherReader {
  kSecondReader,       // eng, numeric, on the gray image
  kPage,               // the page pass (chi_sim over the page's lines, binary image)
  kFirstReaderOnGray,  // the cell reader (chi_sim) on the gray image
};

// Which reading the cell keeps.
enum class OcrReadingsVerdict {
  kFirstKept,       // the cell reader's
  kTwoReadersKept,  // the second reader's, the first reader on the binary image agreeing
  kSecondTaken,     // the other: a code above (`parent`) heads it and not the first (ocr_codes.h)
};

struct OcrReadings {
  std::string reading;  // the cell's reading when the warning was written
  std::string other;    // the reading it differs from
  OcrOtherReader by = OcrOtherReader::kSecondReader;
  OcrReadingsVerdict verdict = OcrReadingsVerdict::kFirstKept;
  std::string parent;  // kSecondTaken only
};

// The warning's message for `readings`.
std::string FormatOcrReadings(const OcrReadings& readings);

// The readings an `ocr_readings_differ` warning carries; nullopt for any other warning or a
// message FormatOcrReadings did not write.
std::optional<OcrReadings> ParseOcrReadings(const Warning& warning);

// Whether the other reading is one reader's against two: the first reader's on the gray image
// outvoted by the second reader and the binary image's, or the page pass's against both cell
// readers.
bool OtherReadingOutvoted(const OcrReadings& readings);

}  // namespace disclose
