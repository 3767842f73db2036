// What the 512-byte header of an OLE compound file (.doc, .xls, encrypted
// OOXML) says about where its directory is, so a file cut short is reported
// as truncated instead of as "not a Word file" (its stream names live in the
// directory, which truncation removes). Private to extract.
#pragma once

#include <cstdint>
#include <string_view>

namespace disclose::ole {

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
