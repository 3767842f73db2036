#include "core/ocr_readings.h"

#include <array>
#include <utility>

#include "core/text.h"

namespace disclose {
namespace {

constexpr std::string_view kIsRead = "\" is read \"";
constexpr std::string_view kTakenTail = " above it heads it, and not the first";

constexpr std::array<std::pair<OcrOtherReader, std::string_view>, 3> kReaders = {{
    {OcrOtherReader::kSecondReader, "\" by the second reader (eng); "},
    {OcrOtherReader::kPage, "\" by the page's reading; "},
    {OcrOtherReader::kFirstReaderOnGray, "\" by the first reader on the gray image; "},
}};

constexpr std::array<std::pair<OcrReadingsVerdict, std::string_view>, 3> kVerdicts = {{
    {OcrReadingsVerdict::kFirstKept, "the first reading is kept"},
    {OcrReadingsVerdict::kTwoReadersKept,
     "the reading of the second reader and of the first on the binary image is kept"},
    {OcrReadingsVerdict::kSecondTaken, "the second reading is taken: "},
}};

template <typename Key, std::size_t N>
std::string_view Phrase(const std::array<std::pair<Key, std::string_view>, N>& phrases, Key key) {
  for (const auto& [k, phrase] : phrases) {
    if (k == key) return phrase;
  }
  return {};
}

}  // namespace

std::string FormatOcrReadings(const OcrReadings& readings) {
  std::string message = "\"" + readings.reading + std::string(kIsRead) + readings.other +
                        std::string(Phrase(kReaders, readings.by)) +
                        std::string(Phrase(kVerdicts, readings.verdict));
  if (readings.verdict == OcrReadingsVerdict::kSecondTaken) {
    message += readings.parent + std::string(kTakenTail);
  }
  return message;
}

std::optional<OcrReadings> ParseOcrReadings(const Warning& warning) {
  if (warning.code != kOcrReadingsDiffer) return std::nullopt;
  const std::string_view message = warning.message;
  if (message.empty() || message.front() != '"') return std::nullopt;
  const std::size_t is_read = message.find(kIsRead, 1);
  if (is_read == std::string_view::npos) return std::nullopt;
  OcrReadings readings;
  readings.reading = std::string(message.substr(1, is_read - 1));
  std::string_view rest = message.substr(is_read + kIsRead.size());
  const std::size_t close = rest.find('"');
  if (close == std::string_view::npos) return std::nullopt;
  readings.other = std::string(rest.substr(0, close));
  rest = rest.substr(close);
  bool by_known = false;
  for (const auto& [reader, phrase] : kReaders) {
    if (!StartsWith(rest, phrase)) continue;
    readings.by = reader;
    rest = rest.substr(phrase.size());
    by_known = true;
    break;
  }
  if (!by_known) return std::nullopt;
  for (const auto& [verdict, phrase] : kVerdicts) {
    if (verdict == OcrReadingsVerdict::kSecondTaken) {
      if (!StartsWith(rest, phrase) || !EndsWith(rest, kTakenTail) ||
          rest.size() <= phrase.size() + kTakenTail.size()) {
        continue;
      }
      readings.verdict = verdict;
      readings.parent =
          std::string(rest.substr(phrase.size(), rest.size() - phrase.size() - kTakenTail.size()));
      return readings;
    }
    if (rest == phrase) {
      readings.verdict = verdict;
      return readings;
    }
  }
  return std::nullopt;
}

bool OtherReadingOutvoted(const OcrReadings& readings) {
  return readings.verdict == OcrReadingsVerdict::kTwoReadersKept ||
         readings.by == OcrOtherReader::kPage;
}

}  // namespace disclose
