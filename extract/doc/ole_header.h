// What the 512-byte header of an OLE compound file (.doc, .xls, encrypted
// OOXML) says about where its directory is, so a file cut short is reported
// as truncated instead of as "not a Word file" (its stream names live in the
// directory, which truncation removes). Private to extract.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace disclose::ole {

inline constexpr std::string_view kMagic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

// True when a stream or storage named `ascii` appears in the bytes: directory entry names are
// UTF-16LE, and a scan of the whole file is enough to tell a Word file from a workbook or an
// encrypted OOXML package without parsing the directory.
inline bool ContainsStreamName(std::string_view bytes, std::string_view ascii) {
  std::string wide;
  for (char c : ascii) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

// True when the bytes start like an OLE file whose first directory sector
// lies past the end of the bytes (or whose header is itself cut).
inline bool DirectoryBeyondEnd(std::string_view bytes) {
  if (bytes.size() < 512) return true;
  const auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
           (static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8);
  };
  const unsigned shift = u16(0x1E);             // sector size as a power of two: 9 or 12
  if (shift != 9 && shift != 12) return false;  // not a header we understand: let the reader say
  const std::uint64_t sector = u16(0x30) | (static_cast<std::uint64_t>(u16(0x32)) << 16);
  const std::uint64_t offset = (sector + 1) << shift;
  return offset >= bytes.size();
}

}  // namespace disclose::ole
