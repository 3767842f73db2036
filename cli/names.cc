#include "cli/names.h"

#include <cstdint>

namespace disclose::cli {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not one (overlong
// forms, surrogates and code points past U+10FFFF are invalid).
size_t Utf8SequenceLength(std::string_view text, size_t i, char32_t& code_point) {
  const auto byte = [&](size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  code_point = value;
  return length;
}

void AppendHexByte(std::string& out, std::uint8_t byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

enum class Mode { kName, kMessage, kTerminal };

std::string Escape(std::string_view text, Mode mode) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const size_t length = Utf8SequenceLength(text, i, code_point);
    if (length == 0) {
      AppendHexByte(out, static_cast<std::uint8_t>(text[i]));
      ++i;
      continue;
    }
    const bool control =
        code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point < 0xA0);
    if ((mode == Mode::kName && code_point == '\\') || (mode == Mode::kTerminal && control)) {
      for (size_t k = 0; k < length; ++k)
        AppendHexByte(out, static_cast<std::uint8_t>(text[i + k]));
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string EscapeName(std::string_view name) {
  return Escape(name, Mode::kName);
}

std::string ToValidUtf8(std::string_view text) {
  return Escape(text, Mode::kMessage);
}

std::string EscapeForTerminal(std::string_view text) {
  return Escape(text, Mode::kTerminal);
}

}  // namespace disclose::cli
