// Status and Result<T>: how stages report failure across their boundaries.
//
// A stage never throws across its public API. A failure that makes a whole
// input unusable (empty file, encrypted PDF, zip bomb) is a Status with an
// ErrorCode that maps one-to-one onto the machine codes of NAME.error.json.
// Damage a stage can recover from is not a Status: it becomes a Warning on the
// Document (see document.h), the way qpdf reports recoverable damage.
//
//   Result<Document> doc = ReadDocx(path, options);
//   if (!doc.ok()) {
//     std::cerr << doc.status().ToString() << "\n";   // "DOCX read error: ..."
//     return;
//   }
//   Use(doc.value());
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace disclose {

// Machine codes of the output contract; ErrorCodeName() gives the spelling.
enum class ErrorCode {
  kOk,
  kEmpty,              // zero bytes, or nothing but whitespace
  kCorrupt,            // the format was recognised but its content is broken
  kEncrypted,          // password-protected PDF or DOCX
  kUnsupportedFormat,  // not a PDF, DOCX, text or markdown file
  kTooLarge,           // an input or a zip entry beyond the configured limits
  kTimeout,            // a reader exceeded its time budget
  kIoError,            // cannot open, read or write a path
  kNotFound,           // the path does not exist
  kIsDirectory,        // the path is a directory
  kInvalidArgument,    // a caller passed something meaningless (usage errors)
  kInternal,           // a bug: an invariant of ours did not hold
};

std::string_view ErrorCodeName(ErrorCode code);

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // One line, no trailing newline; says where ("DOCX read error: word/document.xml: ...").
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace disclose
