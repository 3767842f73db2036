#include "export/json_stream.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>

namespace disclose {
namespace {

constexpr std::size_t kFlushBytes = 64 * 1024;

// Length of the well-formed UTF-8 sequence starting at text[i] (Unicode Table 3-7: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0 when it is not one.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t at) -> unsigned {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0x100u;
  };
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = byte(i);
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(byte(i + 1), 0x80, 0xBF) ? 2 : 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (b0 == 0xE0) lo = 0xA0;
  if (b0 == 0xED) hi = 0x9F;
  if (in(b0, 0xE0, 0xEF)) {
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) ? 3 : 0;
  }
  if (b0 == 0xF0) lo = 0x90;
  if (b0 == 0xF4) hi = 0x8F;
  if (in(b0, 0xF0, 0xF4)) {
    return in(byte(i + 1), lo, hi) && in(byte(i + 2), 0x80, 0xBF) && in(byte(i + 3), 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

void AppendExponent(std::string& out, int exponent) {
  out += exponent < 0 ? '-' : '+';
  const int magnitude = exponent < 0 ? -exponent : exponent;
  if (magnitude < 10) out += '0';
  out += std::to_string(magnitude);
}

}  // namespace

std::string FormatJsonDouble(double value) {
  if (!std::isfinite(value)) return "null";
  std::string out;
  if (std::signbit(value)) {
    out += '-';
    value = -value;
  }
  if (value == 0) return out + "0.0";
  // Shortest round-trip digits in scientific form ("5.9528e+02"), then laid out by nlohmann's
  // rules (dtoa_impl::format_buffer with min_exp -4, max_exp 15).
  char buffer[64];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent10 = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent10);
  const int k = static_cast<int>(digits.size());
  const int n = exponent10 + 1;  // position of the decimal point from the first digit
  constexpr int kMinExp = -4;
  constexpr int kMaxExp = 15;
  if (k <= n && n <= kMaxExp) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
    out += ".0";
  } else if (0 < n && n <= kMaxExp) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (kMinExp < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    AppendExponent(out, n - 1);
  }
  return out;
}

void AppendJsonString(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      const std::size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        // Damaged input: let nlohmann apply its replacement rules so the bytes are the same as
        // before streaming. Rare, so its cost does not matter.
        out.resize(start);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      out.append(text.data() + i, length);
      i += length;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (byte < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(byte));
          out += escape;
        } else {
          out += c;
        }
    }
    ++i;
  }
  out += '"';
}

JsonStream::JsonStream(Style style, std::FILE* file) : style_(style), file_(file) {
  if (file_ != nullptr) buffer_.reserve(kFlushBytes + 4096);
}

void JsonStream::Indent(std::size_t depth) {
  buffer_ += '\n';
  buffer_.append(depth * 2, ' ');
}

void JsonStream::BeforeItem() {
  if (counts_.empty()) return;
  if (counts_.back() > 0) buffer_ += ',';
  if (style_ == Style::kPretty) Indent(counts_.size());
  ++counts_.back();
}

void JsonStream::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  BeforeItem();
}

void JsonStream::Key(std::string_view key) {
  BeforeItem();
  AppendJsonString(buffer_, key);
  buffer_ += style_ == Style::kPretty ? ": " : ":";
  after_key_ = true;
}

void JsonStream::BeginObject() {
  BeforeValue();
  buffer_ += '{';
  counts_.push_back(0);
}

void JsonStream::BeginArray() {
  BeforeValue();
  buffer_ += '[';
  counts_.push_back(0);
}

void JsonStream::Close(char closer) {
  const bool had_items = counts_.back() > 0;
  counts_.pop_back();
  if (had_items && style_ == Style::kPretty) Indent(counts_.size());
  buffer_ += closer;
  FlushIfFull();
}

void JsonStream::EndObject() {
  Close('}');
}
void JsonStream::EndArray() {
  Close(']');
}

void JsonStream::String(std::string_view text) {
  BeforeValue();
  AppendJsonString(buffer_, text);
}

void JsonStream::Int(std::int64_t value) {
  BeforeValue();
  char digits[24];
  const std::to_chars_result result = std::to_chars(digits, digits + sizeof digits, value);
  buffer_.append(digits, result.ptr);
}

void JsonStream::Double(double value) {
  BeforeValue();
  buffer_ += FormatJsonDouble(value);
}

void JsonStream::Bool(bool value) {
  BeforeValue();
  buffer_ += value ? "true" : "false";
}

void JsonStream::Null() {
  BeforeValue();
  buffer_ += "null";
}

void JsonStream::Newline() {
  buffer_ += '\n';
}

void JsonStream::FlushIfFull() {
  if (file_ == nullptr || buffer_.size() < kFlushBytes) return;
  if (write_errno_ == 0 &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    write_errno_ = errno != 0 ? errno : EIO;
  }
  buffer_.clear();
}

Status JsonStream::Finish() {
  if (file_ != nullptr) {
    if (write_errno_ == 0 && !buffer_.empty() &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      write_errno_ = errno != 0 ? errno : EIO;
    }
    buffer_.clear();
    if (write_errno_ == 0 && std::fflush(file_) != 0) write_errno_ = errno != 0 ? errno : EIO;
  }
  if (write_errno_ != 0) {
    return Status(ErrorCode::kIoError,
                  std::string("cannot write the JSON: ") + std::strerror(write_errno_));
  }
  return Status::Ok();
}

}  // namespace disclose
