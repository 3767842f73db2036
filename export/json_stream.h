// export/json_stream: writes JSON token by token, straight to a FILE* or into a string, so a
// document's JSON never exists as a tree. Private to export/.
//
// The pretty style reproduces nlohmann::json::dump(2) byte for byte (the goldens were made with
// it): "key": value with one space, two-space indent, {} and [] for empty containers, numbers and
// string escapes exactly as nlohmann prints them. The compact style is dump() without indent.
//
//   JsonStream json(JsonStream::Style::kPretty, file);
//   json.BeginObject();
//   json.Key("page");
//   json.Int(3);
//   json.EndObject();
//   json.Newline();
//   Status status = json.Finish();
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace disclose {

class JsonStream {
 public:
  enum class Style { kCompact, kPretty };

  // Writes into `file` (flushing every 64 KiB) when it is not null, else into a string that
  // TakeString() returns.
  explicit JsonStream(Style style, std::FILE* file = nullptr);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // Inside an object, before each value.
  void Key(std::string_view key);

  void String(std::string_view text);
  void Int(std::int64_t value);
  // Non-finite values print as null, as nlohmann does.
  void Double(double value);
  void Bool(bool value);
  void Null();
  void Newline();

  // Flushes to the file; the first write error, if any, as an io_error.
  Status Finish();
  std::string TakeString() { return std::move(buffer_); }

 private:
  // Separator and indentation before a value or key at the current depth.
  void BeforeItem();
  void BeforeValue();
  void Close(char closer);
  void Indent(std::size_t depth);
  void FlushIfFull();

  Style style_;
  std::FILE* file_;
  std::string buffer_;
  // Items written so far in each open container; a key counts, its value does not.
  std::vector<std::size_t> counts_;
  bool after_key_ = false;
  int write_errno_ = 0;
};

// The JSON text of `value` as nlohmann prints a double: shortest round-trip digits, `1.0` for
// whole numbers, exponent form (`1e+20`, `1.5e-05`) outside 1e-5 .. 1e15. Exposed for the test
// that compares it with nlohmann over many values.
std::string FormatJsonDouble(double value);

// `text` as a quoted JSON string: ", \ and control characters escaped (\u001f, lowercase hex),
// non-ASCII kept as UTF-8, invalid UTF-8 replaced by U+FFFD exactly as nlohmann's
// error_handler_t::replace does.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace disclose
