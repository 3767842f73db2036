#include "core/text.h"

#include <openssl/evp.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>

namespace disclose {

namespace {

// Decodes the code point at text[i]; returns its byte length, or 0 when the
// bytes there are not valid UTF-8 (overlong, surrogate, past U+10FFFF, cut).
int DecodeOne(std::string_view text, std::size_t i, char32_t& code_point) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int length = 0;
  code_point = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    return 0;
  }
  if (i + static_cast<std::size_t>(length) > text.size()) return 0;
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kMinimum{0, 0, 0x80, 0x800, 0x10000};
  if (code_point < kMinimum[static_cast<std::size_t>(length)] || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

}  // namespace

std::vector<char32_t> DecodeUtf8(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t code_point = 0;
    const int length = DecodeOne(text, i, code_point);
    if (length == 0) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(code_point);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    code_point = 0xFFFD;
  }
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::string EncodeUtf8(char32_t code_point) {
  std::string out;
  AppendUtf8(out, code_point);
  return out;
}

std::string EncodeUtf8(const std::vector<char32_t>& code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t code_point : code_points) AppendUtf8(out, code_point);
  return out;
}

std::string SanitizeUtf8(std::string_view text) {
  // Nearly all text is valid already: check first, rebuild only when not.
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const int length = DecodeOne(text, i, code_point);
    if (length == 0) return EncodeUtf8(DecodeUtf8(text));
    i += static_cast<std::size_t>(length);
  }
  return std::string(text);
}

bool IsNfkcStable(char32_t c) {
  // Ranges without compatibility decompositions or compositions, so NFKC
  // leaves them as they are: ASCII, CJK ideographs (not the compatibility
  // block F900-FAFF), 、。〈〉《》「」『』【】 and curly quotes.
  return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3001 && c <= 0x3002) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x2018 && c <= 0x2019) || (c >= 0x201C && c <= 0x201D);
}

bool IsUnicodeSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsCjkIdeograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

std::string Trim(std::string_view text) {
  std::size_t begin = text.size();
  std::size_t end = 0;
  bool valid = true;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const int length = DecodeOne(text, i, code_point);
    const std::size_t step = length > 0 ? static_cast<std::size_t>(length) : 1;
    valid = valid && length > 0;
    if (length == 0 || !IsUnicodeSpace(code_point)) {
      begin = std::min(begin, i);
      end = i + step;
    }
    i += step;
  }
  if (begin >= end) return {};
  const std::string_view kept = text.substr(begin, end - begin);
  return valid ? std::string(kept) : SanitizeUtf8(kept);
}

// Valid sequences are copied as bytes (no re-encoding); invalid bytes become
// U+FFFD as in DecodeUtf8. `keep_one_space` collapses runs instead of
// dropping them.
namespace {

std::string FilterWhitespace(std::string_view text, bool keep_one_space) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const int length = DecodeOne(text, i, code_point);
    if (length > 0 && IsUnicodeSpace(code_point)) {
      pending_space = keep_one_space && !out.empty();
      i += static_cast<std::size_t>(length);
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (length == 0) {
      AppendUtf8(out, 0xFFFD);
      ++i;
      continue;
    }
    out.append(text.substr(i, static_cast<std::size_t>(length)));
    i += static_cast<std::size_t>(length);
  }
  return out;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  return FilterWhitespace(text, true);
}

std::string RemoveAllWhitespace(std::string_view text) {
  return FilterWhitespace(text, false);
}

std::string FoldForMatching(std::string_view text) {
  // Fast path: valid UTF-8 made only of NFKC-stable code points (most cells).
  bool stable = true;
  for (std::size_t i = 0; i < text.size() && stable;) {
    char32_t code_point = 0;
    const int length = DecodeOne(text, i, code_point);
    stable = length > 0 && IsNfkcStable(code_point);
    i += static_cast<std::size_t>(length > 0 ? length : 1);
  }
  if (stable) return std::string(text);
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  std::string sanitized = SanitizeUtf8(text);
  if (U_FAILURE(error) || nfkc == nullptr) return sanitized;
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(sanitized);
  icu::UnicodeString folded = nfkc->normalize(source, error);
  if (U_FAILURE(error)) return sanitized;
  std::string out;
  folded.toUTF8String(out);
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool Contains(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

namespace {

std::string HexDigest(const unsigned char* digest, unsigned int length) {
  std::string hex;
  hex.reserve(length * 2);
  static constexpr char kDigits[] = "0123456789abcdef";
  for (unsigned int i = 0; i < length; ++i) {
    hex += kDigits[digest[i] >> 4];
    hex += kDigits[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

bool Sha256HexOfFd(int fd, std::string& hex, std::uint64_t& size) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  if (context == nullptr || EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(context);
    return false;
  }
  std::array<char, 64 * 1024> chunk{};
  size = 0;
  bool ok = true;
  for (;;) {
    const ssize_t got = read(fd, chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) ok = false;
    if (got <= 0) break;
    EVP_DigestUpdate(context, chunk.data(), static_cast<std::size_t>(got));
    size += static_cast<std::uint64_t>(got);
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  ok = ok && EVP_DigestFinal_ex(context, digest.data(), &length) == 1;
  EVP_MD_CTX_free(context);
  if (ok) hex = HexDigest(digest.data(), length);
  return ok;
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return HexDigest(digest.data(), length);
}

}  // namespace disclose
