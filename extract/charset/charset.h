// Byte-to-UTF-8 decoding shared by the text and HTML readers (extract/text,
// extract/html). Chinese sites serve GBK/GB2312/GB18030 as often as UTF-8, so
// bytes that are not UTF-8 get a strict GB18030 decode, accepted only when the
// result looks like Chinese text; nothing is ever decoded "best effort".
//
//   std::string utf8;
//   Charset used = Charset::kUnknown;
//   if (!charset::DecodeDetected(bytes, &utf8, &used)) Fail("not UTF-8 or GB18030 text");
//
// ICU types stay in charset.cc.
#pragma once

#include <string>
#include <string_view>

namespace disclose::charset {

enum class Charset { kUnknown, kUtf8, kUtf16Le, kUtf16Be, kGb18030, kOther };

// Strict UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Strips a UTF-8 / UTF-16 byte-order mark and reports which one it was
// (kUnknown when there is none).
Charset StripBom(std::string_view* bytes);

// Converts `bytes` in the ICU converter named `label` (e.g. "gb18030",
// "UTF-16LE", "big5") to UTF-8, stopping at the first illegal or unmapped
// sequence: false then, and *out is unspecified. False for unknown labels.
bool DecodeStrict(std::string_view bytes, const char* label, std::string* out);

// Byte-level plausibility of GB18030-encoded Chinese text: nearly all
// multi-byte characters fall in the GB2312 block (the 7,000 common hanzi and
// CJK punctuation), as they do in real documents; random binary and Latin-1
// or Shift-JIS text spread over the whole code space.
bool LooksLikeGbText(std::string_view bytes);

// BOM, else strict UTF-8, else strict GB18030 that LooksLikeGbText. False when
// none applies.
bool DecodeDetected(std::string_view bytes, std::string* out, Charset* used);

// Maps a declared charset label (HTML meta, HTTP) to an ICU converter name:
// gb2312/gbk/cp936/x-gbk/euc-cn/gb18030 -> "gb18030" (its superset, as
// browsers do), utf-8/utf8 -> "UTF-8"; other labels are passed to ICU as
// written. Empty for an empty label.
std::string ConverterForLabel(std::string_view label);

}  // namespace disclose::charset
