// Private to extract/: read-only zip access with the zip-bomb guards, shared
// by the OOXML readers (DOCX, XLSX). libzip types stay in the .cc file.
// Messages carry no format prefix; each reader adds its own.
//
//   zip::ZipArchive archive;
//   Status status = zip::ZipArchive::Open(bytes, &archive);
//   zip::ZipBudget budget{options.max_zip_entry_bytes, options.max_zip_total_bytes};
//   std::string xml;
//   status = archive.Read("xl/workbook.xml", &budget, &xml);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace disclose::zip {

// Inflated-byte limits shared by all the parts one document reads.
struct ZipBudget {
  std::uint64_t max_entry_bytes = 0;
  std::uint64_t max_total_bytes = 0;
  std::uint64_t used_total_bytes = 0;
};

// A read-only zip opened over caller-owned bytes (which must outlive it).
class ZipArchive {
 public:
  ZipArchive();
  ~ZipArchive();
  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;

  // kCorrupt when the bytes are not a readable zip.
  static Status Open(std::string_view bytes, ZipArchive* archive);

  // Entry names in central-directory order.
  const std::vector<std::string>& names() const { return names_; }
  bool Has(const std::string& name) const;
  // True when any entry uses zip encryption.
  bool AnyEncrypted() const { return any_encrypted_; }
  // Inflates one entry, refusing it (kTooLarge) when its declared or actual
  // size passes the budget; kCorrupt when inflation or the CRC fails.
  Status Read(const std::string& name, ZipBudget* budget, std::string* out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<std::string> names_;
  bool any_encrypted_ = false;
};

}  // namespace disclose::zip
