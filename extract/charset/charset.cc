#include "extract/charset/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace disclose::charset {
namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length = 0;
    char32_t min = 0;
    char32_t value = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, value = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, value = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, value = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(length) > s.size()) return false;
    for (int k = 1; k < length; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((d & 0xC0) != 0x80) return false;
      value = (value << 6) | (d & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(length);
  }
  return true;
}

Charset StripBom(std::string_view* bytes) {
  if (bytes->substr(0, 3) == "\xEF\xBB\xBF") {
    bytes->remove_prefix(3);
    return Charset::kUtf8;
  }
  if (bytes->substr(0, 2) == "\xFF\xFE") {
    bytes->remove_prefix(2);
    return Charset::kUtf16Le;
  }
  if (bytes->substr(0, 2) == "\xFE\xFF") {
    bytes->remove_prefix(2);
    return Charset::kUtf16Be;
  }
  return Charset::kUnknown;
}

bool DecodeStrict(std::string_view bytes, const char* label, std::string* out) {
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(label, &error));
  if (U_FAILURE(error) || converter == nullptr) return false;
  // The default callback substitutes U+FFFD; STOP makes any illegal or
  // unmapped sequence an error, so nothing is silently mangled.
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &error);
  if (U_FAILURE(error)) return false;
  // No legacy charset yields more than two UTF-16 units per byte (one for
  // GB18030 and UTF-16 themselves), so one pass into one buffer suffices.
  std::vector<UChar> wide(bytes.size() * 2 + 16);
  UChar* target = wide.data();
  const char* source = bytes.data();
  ucnv_toUnicode(converter.get(), &target, wide.data() + wide.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &error);
  if (U_FAILURE(error)) return false;
  const int32_t units = static_cast<int32_t>(target - wide.data());
  int32_t length = 0;
  error = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &length, wide.data(), units, &error);
  if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) return false;
  out->assign(static_cast<std::size_t>(length), '\0');
  error = U_ZERO_ERROR;
  u_strToUTF8(out->data(), length, nullptr, wide.data(), units, &error);
  // A lone surrogate (possible from UTF-16 input) fails here: not text.
  return U_SUCCESS(error) || error == U_STRING_NOT_TERMINATED_WARNING;
}

bool LooksLikeGbText(std::string_view bytes) {
  std::size_t common = 0;  // both bytes in the GB2312 block A1-F7 / A1-FE
  std::size_t rare = 0;    // GBK extension rows and GB18030 four-byte codes
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned char lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (i + 1 >= bytes.size()) return false;
    const unsigned char trail = static_cast<unsigned char>(bytes[i + 1]);
    if (trail >= 0x30 && trail <= 0x39) {
      ++rare;
      i += 4;
      continue;
    }
    if (lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE) {
      ++common;
    } else {
      ++rare;
    }
    i += 2;
  }
  // Two or three hanzi are too little evidence: a stray Latin-1 byte pair is
  // a valid GB18030 character as often as not.
  if (common < 3) return false;
  // Real documents use an odd rare name character (镕, 堃) now and then.
  return rare <= 2 + common / 10;
}

bool DecodeDetected(std::string_view bytes, std::string* out, Charset* used) {
  const Charset bom = StripBom(&bytes);
  if (bom == Charset::kUtf8 || (bom == Charset::kUnknown && IsValidUtf8(bytes))) {
    if (!IsValidUtf8(bytes)) return false;
    out->assign(bytes);
    *used = Charset::kUtf8;
    return true;
  }
  if (bom == Charset::kUtf16Le || bom == Charset::kUtf16Be) {
    *used = bom;
    return DecodeStrict(bytes, bom == Charset::kUtf16Le ? "UTF-16LE" : "UTF-16BE", out);
  }
  if (LooksLikeGbText(bytes) && DecodeStrict(bytes, "gb18030", out)) {
    *used = Charset::kGb18030;
    return true;
  }
  return false;
}

std::string ConverterForLabel(std::string_view label) {
  std::string lower = Lower(label);
  lower.erase(std::remove_if(lower.begin(), lower.end(),
                             [](char c) { return c == ' ' || c == '"' || c == '\''; }),
              lower.end());
  if (lower.empty()) return {};
  if (lower == "utf-8" || lower == "utf8") return "UTF-8";
  static const char* const kGbLabels[] = {
      "gb2312",  "gbk",   "gb18030",     "cp936",   "x-gbk",      "euc-cn",    "csgb2312",
      "chinese", "ms936", "windows-936", "gb_2312", "gb_2312-80", "iso-ir-58", "csgbk"};
  for (const char* gb : kGbLabels) {
    if (lower == gb) return "gb18030";
  }
  return lower;
}

}  // namespace disclose::charset
