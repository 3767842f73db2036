// UTF-8 text helpers shared by every stage: code point iteration, trimming,
// whitespace folding and NFKC folding for matching (full-width digits and
// punctuation to ASCII, compatibility ideographs to their standard form).
//
// Output keeps text as printed; FoldForMatching is for comparing and parsing.
//
//   FoldForMatching("（２０２２年）")  -> "(2022年)"
//   CollapseWhitespace(" a \n b ")    -> "a b"
//   RemoveAllWhitespace("行政 运行")   -> "行政运行"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace disclose {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD, never throw.
std::vector<char32_t> DecodeUtf8(std::string_view text);
std::string EncodeUtf8(char32_t code_point);
void AppendUtf8(std::string& out, char32_t code_point);
std::string EncodeUtf8(const std::vector<char32_t>& code_points);

// Replaces invalid UTF-8 sequences with U+FFFD so downstream JSON is valid.
std::string SanitizeUtf8(std::string_view text);

// Unicode whitespace includes U+3000 (ideographic space) and U+00A0.
bool IsUnicodeSpace(char32_t code_point);
bool IsCjkIdeograph(char32_t code_point);
// True for code points NFKC leaves unchanged in any context (ASCII, CJK
// ideographs, common CJK punctuation): FoldForMatching's fast path.
bool IsNfkcStable(char32_t code_point);
// 0-9 only (a full-width ０ is not; fold first where it should be). Takes a char as well.
inline bool IsAsciiDigit(char32_t code_point) {
  return code_point >= U'0' && code_point <= U'9';
}
// How many ASCII digits `text` starts with (a code before its name: 2080505 机关…).
inline std::size_t LeadingAsciiDigits(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[digits]))) ++digits;
  return digits;
}
// Whether `text` holds an ASCII digit anywhere.
inline bool HasAsciiDigit(std::string_view text) {
  return text.find_first_of("0123456789") != std::string_view::npos;
}

std::string Trim(std::string_view text);
// Runs of whitespace (any Unicode space, newlines) become one ASCII space.
std::string CollapseWhitespace(std::string_view text);
// Drops every whitespace character: for CJK labels wrapped across lines.
std::string RemoveAllWhitespace(std::string_view text);

// NFKC via ICU, for matching only.
std::string FoldForMatching(std::string_view text);

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);
bool Contains(std::string_view text, std::string_view needle);

// Lowercase hex SHA-256 of bytes.
std::string Sha256Hex(std::string_view bytes);
// The same hash of everything read from `fd` until end of file, 64 KiB at a time, so a large
// file is hashed in constant memory. False on a read error; `size` gets the bytes read.
bool Sha256HexOfFd(int fd, std::string& hex, std::uint64_t& size);

}  // namespace disclose
