// A reader of OLE compound files (MS-CFB) that copies one stream out.
// Every sector number is checked against the file and every chain walk is
// bounded by the number of sectors, so a looping or lying FAT ends in
// kCorrupt, never in a hang or a read outside the buffer.
#include <algorithm>
#include <cstring>
#include <string>

#include "extract/xls/xls_internal.h"

namespace disclose::xls {
namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;

std::uint16_t U16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}
std::uint32_t U32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(U16(bytes, at)) |
         (static_cast<std::uint32_t>(U16(bytes, at + 2)) << 16);
}

// A directory entry's name, its UTF-16 units past ASCII as '?'; empty when the stated length
// is out of the entry's 64 name bytes.
std::string EntryName(std::string_view entry) {
  const std::uint16_t name_bytes = U16(entry, 64);
  std::string name;
  if (name_bytes > 64) return name;
  for (std::size_t i = 0; i + 2 < name_bytes; i += 2) {
    const std::uint16_t unit = U16(entry, i);
    name += unit < 0x80 ? static_cast<char>(unit) : '?';
  }
  return name;
}

class CompoundFile {
 public:
  explicit CompoundFile(std::string_view bytes) : bytes_(bytes) {}

  Status Open() {
    if (bytes_.size() < 512 || std::memcmp(bytes_.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
      return XlsError(ErrorCode::kCorrupt, "not an OLE compound file");
    }
    const std::uint16_t shift = U16(bytes_, 0x1E);
    const std::uint16_t mini_shift = U16(bytes_, 0x20);
    if ((shift != 9 && shift != 12) || mini_shift != 6) {
      return XlsError(ErrorCode::kCorrupt, "compound file with an invalid sector size");
    }
    sector_size_ = std::size_t{1} << shift;
    sector_count_ = bytes_.size() / sector_size_;  // the header takes one slot
    mini_cutoff_ = U32(bytes_, 0x38);
    // FAT sectors: 109 in the header, the rest in the DIFAT chain.
    std::vector<std::uint32_t> fat_sectors;
    for (std::size_t i = 0; i < 109; ++i) {
      const std::uint32_t sector = U32(bytes_, 0x4C + 4 * i);
      if (sector <= kMaxRegularSector) fat_sectors.push_back(sector);
    }
    std::uint32_t difat = U32(bytes_, 0x44);
    const std::size_t per_difat = sector_size_ / 4 - 1;
    for (std::size_t steps = 0; difat <= kMaxRegularSector; ++steps) {
      if (steps > sector_count_ || !Valid(difat)) {
        return XlsError(ErrorCode::kCorrupt, "compound file DIFAT chain is broken");
      }
      const std::size_t base = Offset(difat);
      for (std::size_t i = 0; i < per_difat; ++i) {
        const std::uint32_t sector = U32(bytes_, base + 4 * i);
        if (sector <= kMaxRegularSector) fat_sectors.push_back(sector);
      }
      difat = U32(bytes_, base + 4 * per_difat);
    }
    if (fat_sectors.size() > sector_count_) {
      return XlsError(ErrorCode::kCorrupt, "compound file declares more FAT sectors than it has");
    }
    for (std::uint32_t sector : fat_sectors) {
      if (!Valid(sector)) return XlsError(ErrorCode::kCorrupt, "compound file FAT out of range");
      const std::size_t base = Offset(sector);
      for (std::size_t i = 0; i < sector_size_ / 4; ++i) fat_.push_back(U32(bytes_, base + 4 * i));
    }
    return Chain(U32(bytes_, 0x30), fat_, /*mini=*/false, 0, &directory_);
  }

  // FreeXL 1.0.6 converts the name of each entry of the first directory sector, up to the
  // workbook's, with the length the entry states: a length past the entry's 64 name bytes
  // reads beyond FreeXL's buffer (a fuzzed workbook,
  // fixtures/fuzz-regressions/xls_fuzz/freexl/). The format allows at most 64 bytes; such a
  // directory is refused before FreeXL opens the file.
  Status CheckNameLengths(std::initializer_list<std::string_view> names) const {
    const std::size_t first_sector = std::min(directory_.size(), sector_size_);
    for (std::size_t at = 0; at + 128 <= first_sector; at += 128) {
      const std::string_view entry(directory_.data() + at, 128);
      const std::uint16_t name_bytes = U16(entry, 64);
      if (name_bytes > 64) {
        return XlsError(ErrorCode::kCorrupt, "compound file directory entry " +
                                                 std::to_string(at / 128) + " states a name of " +
                                                 std::to_string(name_bytes) +
                                                 " bytes (at most 64)");
      }
      if (std::find(names.begin(), names.end(), EntryName(entry)) != names.end()) break;
    }
    return Status::Ok();
  }

  Status Find(std::initializer_list<std::string_view> names, std::string* out) {
    for (std::string_view wanted : names) {
      for (std::size_t at = 0; at + 128 <= directory_.size(); at += 128) {
        const std::string_view entry(directory_.data() + at, 128);
        if (entry[66] != 2 || U16(entry, 64) < 2) continue;  // streams only
        const std::string name = EntryName(entry);
        if (name != wanted) continue;
        const std::uint32_t start = U32(entry, 116);
        const std::uint64_t size = U32(entry, 120);  // the high half is unused in practice
        if (size > bytes_.size()) {
          return XlsError(ErrorCode::kCorrupt, "stream '" + name + "' is larger than the file");
        }
        if (size < mini_cutoff_) return ReadMini(start, size, out);
        Status status = Chain(start, fat_, false, size, out);
        if (!status.ok()) return status;
        if (out->size() < size) {
          return XlsError(ErrorCode::kCorrupt, "stream '" + name + "' is truncated");
        }
        out->resize(size);
        return Status::Ok();
      }
    }
    return XlsError(ErrorCode::kUnsupportedFormat, "no Workbook stream in the compound file");
  }

 private:
  bool Valid(std::uint32_t sector) const {
    return sector <= kMaxRegularSector && Offset(sector) + sector_size_ <= bytes_.size();
  }
  std::size_t Offset(std::uint32_t sector) const {
    return (static_cast<std::size_t>(sector) + 1) * sector_size_;
  }

  // Concatenates a chain's sectors (regular or mini); stops at `limit` bytes
  // when limit > 0.
  Status Chain(std::uint32_t start, const std::vector<std::uint32_t>& fat, bool mini,
               std::uint64_t limit, std::string* out) const {
    out->clear();
    const std::size_t unit = mini ? 64 : sector_size_;
    std::uint32_t sector = start;
    // A chain that does not loop visits each sector once at most.
    const std::size_t max_steps = mini ? mini_stream_.size() / 64 : sector_count_;
    for (std::size_t steps = 0; sector != kEndOfChain && sector != kFreeSector; ++steps) {
      if (steps >= max_steps || sector >= fat.size()) {
        return XlsError(ErrorCode::kCorrupt, "compound file sector chain is broken");
      }
      if (mini) {
        const std::size_t at = static_cast<std::size_t>(sector) * 64;
        if (at + 64 > mini_stream_.size()) {
          return XlsError(ErrorCode::kCorrupt, "compound file mini sector out of range");
        }
        out->append(mini_stream_, at, 64);
      } else {
        if (!Valid(sector))
          return XlsError(ErrorCode::kCorrupt, "compound file sector out of range");
        out->append(bytes_.data() + Offset(sector), unit);
      }
      if (limit > 0 && out->size() >= limit) break;
      sector = fat[sector];
    }
    return Status::Ok();
  }

  Status ReadMini(std::uint32_t start, std::uint64_t size, std::string* out) {
    if (mini_fat_.empty()) {
      std::string raw;
      Status status = Chain(U32(bytes_, 0x3C), fat_, false, 0, &raw);
      if (!status.ok()) return status;
      for (std::size_t i = 0; i + 4 <= raw.size(); i += 4) mini_fat_.push_back(U32(raw, i));
      // The root entry's chain is the mini stream.
      if (directory_.size() < 128) return XlsError(ErrorCode::kCorrupt, "no root entry");
      status = Chain(U32(directory_, 116), fat_, false, 0, &mini_stream_);
      if (!status.ok()) return status;
    }
    Status status = Chain(start, mini_fat_, true, size, out);
    if (!status.ok()) return status;
    if (out->size() < size) return XlsError(ErrorCode::kCorrupt, "stream is truncated");
    out->resize(size);
    return Status::Ok();
  }

  std::string_view bytes_;
  std::size_t sector_size_ = 512;
  std::size_t sector_count_ = 0;
  std::uint32_t mini_cutoff_ = 4096;
  std::vector<std::uint32_t> fat_;
  std::vector<std::uint32_t> mini_fat_;
  std::string directory_;
  std::string mini_stream_;
};

}  // namespace

Status XlsError(ErrorCode code, std::string_view detail) {
  std::string message = "XLS read error: ";
  for (char c : detail) message += (c == '\n' || c == '\r') ? ' ' : c;
  return Status(code, message);
}

Status ReadCompoundStream(std::string_view bytes, std::initializer_list<std::string_view> names,
                          std::string* out) {
  CompoundFile file(bytes);
  Status status = file.Open();
  if (status.ok()) status = file.CheckNameLengths(names);
  if (!status.ok()) return status;
  return file.Find(names, out);
}

}  // namespace disclose::xls
