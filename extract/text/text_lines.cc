// Line classification for text exports: page numbers, numbered headings,
// captions above tables, pipe-table rows, and the page-break rejoin rule.
// Patterns are RE2 (linear time) and anchored, so fuzzed input cannot blow up.
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "extract/text/text_internal.h"

namespace disclose::text_internal {
namespace {

bool FullMatch(std::string_view text, const RE2& pattern) {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), pattern);
}

bool PartialAtStart(std::string_view text, const RE2& pattern) {
  // Patterns passed here start with '^'.
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), pattern);
}

bool IsCjkIdeographOrAlnum(char32_t c) {
  return IsCjkIdeograph(c) ||
         (c < 0x80 && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
}

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (text.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool IsPageNumberLine(std::string_view line, bool bare_number_allowed) {
  static const RE2 kDashed(R"([-—–－‒]+\s*\d{1,4}\s*[-—–－‒]+)");
  static const RE2 kChinese(R"(第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)");
  static const RE2 kSlash(R"(\d{1,4}\s*/\s*\d{1,4})");
  static const RE2 kPage(R"((?i)page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)");
  static const RE2 kBare(R"(\d{1,4})");
  const std::string text = Trim(line);
  if (text.empty() || text.size() > 40) return false;
  if (FullMatch(text, kDashed) || FullMatch(text, kChinese) || FullMatch(text, kSlash) ||
      FullMatch(text, kPage)) {
    return true;
  }
  return bare_number_allowed && FullMatch(text, kBare);
}

bool StartsWithSectionMarker(std::string_view text) {
  static const RE2 kMarker(
      R"(^(?:[一二三四五六七八九十百零〇]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百零〇]+\s*[）)])"
      R"(|[（(]\d{1,3}[）)]|第[一二三四五六七八九十百零〇\d]+\s*(?:部分|章|节|条)|\d{1,3}\s*[、．])"
      R"(|\d{1,3}\.(?:[^\d]|$)|[①-⑳]|表\s*\d+|附件|附表|注\s*[：:]|备注))");
  return PartialAtStart(text, kMarker);
}

bool IsHeadingLike(std::string_view text) {
  static const RE2 kPart(R"(^第[一二三四五六七八九十\d]+\s*部分)");
  const std::size_t length = CodePointCount(text);
  if (length == 0 || length > 60) return false;
  if (PartialAtStart(text, kPart)) return true;
  if (!StartsWithSectionMarker(text)) return false;
  // Numbered lines that carry sentence punctuation are body text ("1、…，…").
  // The marker's own '、' ("一、") sits in the first few bytes; skip it.
  std::string body(text);
  if (EndsWith(body, "。")) body.resize(body.size() - 3);
  const std::size_t marker = body.find("、");
  if (marker != std::string::npos && marker < 16) body.erase(0, marker + 3);
  return length <= 50 && !ContainsAny(body, {"，", ",", "；", ";", "。", "：", ":", "、"});
}

bool StartsWithLabel(std::string_view text) {
  static const RE2 kLabel(R"(^[^，。：:；;,\s]{1,10}[：:])");
  return PartialAtStart(text, kLabel);
}

bool IsCaptionLike(std::string_view text) {
  static const RE2 kCaption(
      R"((?:公开\s*\d+\s*表.*|表\s*\d+.*|附表.*|(?:金额)?单位\s*[：:].*)"
      R"(|编制(?:部门|单位)\s*[：:].*|[（(]\s*\d{4}\s*年度?\s*[）)]|.{0,40}表))");
  // 60 code points are at most 240 bytes: the byte test keeps a chain of
  // page-break joins, which asks this of an ever longer paragraph, linear.
  if (text.size() > 240 || CodePointCount(text) > 60) return false;
  return FullMatch(text, kCaption);
}

bool IsRepeatedTableHeaderLine(std::string_view text) {
  static const RE2 kHeader(R"((?:(?:金额)?单位\s*[：:].*|编制(?:部门|单位)\s*[：:].*))");
  return text.size() <= 320 && CodePointCount(text) <= 80 && FullMatch(text, kHeader);
}

bool ShouldJoin(const std::string& previous_text, bool previous_heading, const std::string& next) {
  if (previous_text.empty() || next.empty()) return false;
  // Only the tail of a (possibly already joined, long) paragraph matters; looking
  // at all of it would make a chain of joins quadratic.
  std::string_view previous = previous_text;
  const bool long_previous = previous.size() > 300;
  if (long_previous) {
    previous.remove_prefix(previous.size() - 300);
    while (!previous.empty() && (static_cast<unsigned char>(previous[0]) & 0xC0) == 0x80) {
      previous.remove_prefix(1);
    }
  }
  const char32_t last = LastCodePoint(previous);
  static constexpr std::u32string_view kTerminal = U"。！？!?；;：:…）)」』】》”\"'";
  if (kTerminal.find(last) != std::u32string_view::npos) return false;
  if (IsHeadingLike(next) || StartsWithSectionMarker(next)) return false;
  static constexpr std::u32string_view kOpenEnd = U"，,、（(“‘《—";
  if (kOpenEnd.find(last) != std::u32string_view::npos) return true;
  if (!IsCjkIdeographOrAlnum(last) && last != U'%') return false;
  if (StartsWithLabel(next)) return false;
  if (previous_heading || (!long_previous && IsHeadingLike(previous))) {
    // A heading cut by a page break leaves a short tail ("算情况的总体说明").
    return CodePointCount(next) <= 16 &&
           !ContainsAny(next, {"，", "。", "；", "：", ",", ";", ":"});
  }
  return long_previous || CodePointCount(previous) >= 30 ||
         ContainsAny(previous, {"，", "。", "、", "：", "；", "（", ",", ";", ":", "("});
}

void AppendJoined(std::string* previous, const std::string& next) {
  if (next.empty()) return;
  const auto ascii_alnum = [](char32_t c) {
    return c < 0x80 && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  };
  if (!previous->empty() && ascii_alnum(LastCodePoint(*previous)) &&
      ascii_alnum(FirstCodePoint(next))) {
    previous->push_back(' ');
  }
  previous->append(next);
}

bool LooksLikeMarkdownLine(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') return true;
  if (IsPipeSeparatorRow(line)) return true;
  const std::size_t open = line.find("**");
  if (open == std::string_view::npos) return false;
  const std::size_t close = line.find("**", open + 2);
  return close != std::string_view::npos && close > open + 2 && line[open + 2] != ' ';
}

bool HasUnescapedPipe(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == '|') return true;
  }
  return false;
}

std::vector<std::string> SplitPipeRow(std::string_view line) {
  std::string trimmed = Trim(line);
  std::string_view row = trimmed;
  if (!row.empty() && row.front() == '|') row.remove_prefix(1);
  if (!row.empty() && row.back() == '|' && !(row.size() >= 2 && row[row.size() - 2] == '\\')) {
    row.remove_suffix(1);
  }
  std::vector<std::string> cells;
  std::string current;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      current.push_back(row[i]);
      current.push_back(row[i + 1]);  // the cleaner turns "\|" into '|'
      ++i;
      continue;
    }
    if (row[i] == '|') {
      cells.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(row[i]);
  }
  cells.push_back(std::move(current));
  return cells;
}

bool IsPipeSeparatorRow(std::string_view line) {
  static const RE2 kSeparator(R"(\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*)");
  return line.find('|') != std::string_view::npos && line.find('-') != std::string_view::npos &&
         FullMatch(line, kSeparator);
}

}  // namespace disclose::text_internal
