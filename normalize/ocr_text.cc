#include "normalize/ocr_text.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace disclose {
namespace {

bool IsDigit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// The number of digits from `at` on.
std::size_t DigitRun(const std::vector<char32_t>& cps, std::size_t at) {
  std::size_t n = 0;
  while (at + n < cps.size() && IsDigit(cps[at + n])) ++n;
  return n;
}

constexpr std::size_t kMinVotedNameLength = 5;
constexpr std::size_t kCharactersPerAllowedDifference = 5;
constexpr std::size_t kContextLength = 3;

std::size_t Occurrences(const std::vector<std::u32string>& texts, std::u32string_view run) {
  std::size_t n = 0;
  for (const std::u32string& text : texts) {
    for (std::size_t at = text.find(run); at != std::u32string::npos; at = text.find(run, at + 1))
      ++n;
  }
  return n;
}

// Whether a run of kContextLength characters of `name` holding its character at `at` is printed
// more often in `texts` than the name's one printing prints it: the character in its context
// outside the name.
bool ContextConfirmed(std::u32string_view name, std::size_t at,
                      const std::vector<std::u32string>& texts) {
  if (name.size() < kContextLength) return false;
  const std::size_t first = at >= kContextLength - 1 ? at - (kContextLength - 1) : 0;
  const std::size_t last = std::min(at, name.size() - kContextLength);
  for (std::size_t begin = first; begin <= last; ++begin) {
    const std::u32string_view run = name.substr(begin, kContextLength);
    std::size_t in_name = 0;
    for (std::size_t i = name.find(run); i != std::u32string_view::npos; i = name.find(run, i + 1))
      ++in_name;
    if (Occurrences(texts, run) > in_name) return true;
  }
  return false;
}

}  // namespace

std::string CloseOcrNumberGaps(std::string_view text) {
  const std::vector<char32_t> cps = DecodeUtf8(text);
  std::vector<char32_t> out;
  out.reserve(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    out.push_back(cps[i]);
    const bool separator = cps[i] == U',' || cps[i] == U'.';
    if (!separator || i == 0 || !IsDigit(cps[i - 1])) continue;
    std::size_t next = i + 1;
    while (next < cps.size() && cps[next] == U' ') ++next;
    if (next == i + 1) continue;  // no gap
    const std::size_t digits = DigitRun(cps, next);
    const bool ends = next + digits >= cps.size() || !IsDigit(cps[next + digits]);
    // "673, 03": a thousands group has three digits and is followed by the
    // next separator or the end of the number; decimals are one or two digits.
    const bool group = cps[i] == U',' && digits == 3 && ends;
    const bool decimals = cps[i] == U'.' && (digits == 1 || digits == 2) && ends &&
                          (next + digits >= cps.size() || cps[next + digits] != U'.');
    if (group || decimals) i = next - 1;  // skip the spaces
  }
  return EncodeUtf8(out);
}

OcrNamePrinting MostConfirmedPrinting(std::string_view name,
                                      const std::vector<std::string>& texts) {
  const std::vector<char32_t> want = DecodeUtf8(RemoveAllWhitespace(name));
  OcrNamePrinting result{EncodeUtf8(want), 0, 0};
  if (want.size() < kMinVotedNameLength) return result;
  const std::size_t allowed = want.size() / kCharactersPerAllowedDifference;
  std::map<std::u32string, int> counts;
  for (const std::string& text : texts) {
    const std::vector<char32_t> cps = DecodeUtf8(RemoveAllWhitespace(text));
    for (std::size_t at = 0; at + want.size() <= cps.size(); ++at) {
      if (cps[at + want.size() - 1] != want.back()) continue;
      std::size_t differences = 0;
      for (std::size_t k = 0; k < want.size() && differences <= allowed; ++k) {
        differences += cps[at + k] != want[k];
      }
      if (differences > allowed) continue;
      ++counts[std::u32string(cps.begin() + static_cast<std::ptrdiff_t>(at),
                              cps.begin() + static_cast<std::ptrdiff_t>(at + want.size()))];
      ++result.readings;
    }
  }
  const std::u32string own(want.begin(), want.end());
  result.printings = counts.count(own) ? counts[own] : 0;
  // A reading printed twice is confirmed: a department's papers name sibling
  // departments one character apart (财政局, 民政局), often.
  if (result.printings >= 2) return result;
  // Another printing must itself be confirmed (printed twice or more), also
  // when `name` is found nowhere as one run (a title wrapped over two lines).
  int best = std::max(result.printings, 1);
  for (const auto& [printing, count] : counts) {
    if (count > best) {
      best = count;
      result.printings = count;
      result.name = EncodeUtf8(std::vector<char32_t>(printing.begin(), printing.end()));
    }
  }
  if (best > 1 || result.printings != 1) return result;
  // Printed once, as is one other printing a character apart: the texts that print the
  // character in its context outside the name decide (上海钼石宝玉石… on a cover, 上海钻石宝玉石…
  // on a table page, and a project 钻石宝玉石产业发展专项 among the cells:
  // sh_city_unit_zuanshibanshi).
  std::vector<std::u32string> flat;
  flat.reserve(texts.size());
  for (const std::string& text : texts) {
    const std::vector<char32_t> cps = DecodeUtf8(RemoveAllWhitespace(text));
    flat.emplace_back(cps.begin(), cps.end());
  }
  std::u32string chosen;
  for (const auto& [printing, count] : counts) {
    std::size_t differences = 0, at = 0;
    for (std::size_t k = 0; k < want.size(); ++k) {
      if (printing[k] != want[k]) {
        ++differences;
        at = k;
      }
    }
    if (differences != 1) continue;
    if (ContextConfirmed(own, at, flat) || !ContextConfirmed(printing, at, flat)) {
      continue;
    }
    if (!chosen.empty()) return result;  // two printings confirmed so: guess nothing
    chosen = printing;
  }
  if (!chosen.empty())
    result.name = EncodeUtf8(std::vector<char32_t>(chosen.begin(), chosen.end()));
  return result;
}

}  // namespace disclose
