// cli/names: file names in outputs and on the terminal, with every byte kept.
//
// Linux file names are bytes, not text. JSON, CSV and the manifest need UTF-8, and a terminal
// must not receive a name's newlines or escape sequences. Both escapes below are documented in
// docs/schema.md ("File names").
//
//   EscapeName("r\xff.pdf")          -> "r\\xFF.pdf"  (decodes back to the same bytes)
//   EscapeForTerminal("a\nb.pdf")    -> "a\\x0Ab.pdf"
#pragma once

#include <string>
#include <string_view>

namespace disclose::cli {

// Valid UTF-8 stays as it is, except '\' which becomes "\x5C"; every byte that is not part of a
// valid UTF-8 sequence becomes "\xNN" (upper-case hex). Decoding "\xNN" back to byte NN gives
// the original name, and a valid UTF-8 name without '\' is unchanged.
std::string EscapeName(std::string_view name);

// Invalid UTF-8 bytes become "\xNN" (for messages, where '\' needs no escape).
std::string ToValidUtf8(std::string_view text);

// For stderr: like ToValidUtf8, and control characters (C0, DEL, C1) become "\xNN" too.
std::string EscapeForTerminal(std::string_view text);

}  // namespace disclose::cli
