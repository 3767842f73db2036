// Zip access for the OOXML readers (DOCX, XLSX): libzip over a memory buffer,
// with the zip-bomb guards. Declared sizes are checked first, but the inflated byte
// count is what is trusted, because a hostile zip can lie about sizes.
#include "extract/zip/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace disclose::zip {

namespace {

// Messages carry no format prefix: each reader adds its own ("DOCX read error: ").
Status ZipError(ErrorCode code, std::string_view detail) {
  std::string message;
  for (char c : detail) message += (c == '\n' || c == '\r') ? ' ' : c;
  return Status(code, message);
}

}  // namespace

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  ~Impl() {
    if (zip != nullptr) zip_discard(zip);
  }
};

ZipArchive::ZipArchive() = default;
ZipArchive::~ZipArchive() = default;
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;

Status ZipArchive::Open(std::string_view bytes, ZipArchive* archive) {
  zip_error_t error;
  zip_error_init(&error);
  // The source does not free the buffer: the caller owns the bytes.
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return ZipError(ErrorCode::kInternal, "cannot create zip source: " + detail);
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    std::string detail = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return ZipError(ErrorCode::kCorrupt, "not a readable zip: " + detail);
  }
  zip_error_fini(&error);
  archive->impl_ = std::make_unique<Impl>();
  archive->impl_->zip = zip;
  archive->names_.clear();
  archive->any_encrypted_ = false;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
      archive->any_encrypted_ = true;
    }
    archive->names_.push_back((stat.valid & ZIP_STAT_NAME) && stat.name ? stat.name : "");
  }
  return Status::Ok();
}

bool ZipArchive::Has(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

Status ZipArchive::Read(const std::string& name, ZipBudget* budget, std::string* out) const {
  out->clear();
  if (!impl_ || impl_->zip == nullptr) return ZipError(ErrorCode::kInternal, "zip not open");
  zip_t* zip = impl_->zip;
  const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
  if (index < 0) return ZipError(ErrorCode::kCorrupt, name + ": missing part");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return ZipError(ErrorCode::kCorrupt, name + ": unreadable zip entry");
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return ZipError(ErrorCode::kEncrypted, name + ": entry is encrypted");
  }
  const std::uint64_t remaining_total = budget->max_total_bytes > budget->used_total_bytes
                                            ? budget->max_total_bytes - budget->used_total_bytes
                                            : 0;
  const std::uint64_t limit = std::min(budget->max_entry_bytes, remaining_total);
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) {
    return ZipError(ErrorCode::kTooLarge, name + ": declared size " + std::to_string(stat.size) +
                                              " bytes exceeds the limit of " +
                                              std::to_string(limit));
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    const zip_error_t* error = zip_get_error(zip);
    const int code = zip_error_code_zip(error);
    std::string detail = zip_error_strerror(const_cast<zip_error_t*>(error));
    if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      return ZipError(ErrorCode::kEncrypted, name + ": " + detail);
    }
    return ZipError(ErrorCode::kCorrupt, name + ": cannot open entry: " + detail);
  }
  // The declared size is a hint only: never let it reserve more than a few MB.
  if (stat.valid & ZIP_STAT_SIZE) {
    out->reserve(static_cast<std::size_t>(std::min<std::uint64_t>(stat.size, 16u << 20)));
  }
  char buffer[64 * 1024];
  Status status = Status::Ok();
  while (true) {
    const zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
    if (got < 0) {
      std::string detail = zip_error_strerror(zip_file_get_error(file));
      status = ZipError(ErrorCode::kCorrupt, name + ": cannot inflate: " + detail);
      break;
    }
    if (got == 0) break;
    if (out->size() + static_cast<std::uint64_t>(got) > limit) {
      status = ZipError(ErrorCode::kTooLarge, name + ": inflates beyond the limit of " +
                                                  std::to_string(limit) + " bytes");
      break;
    }
    out->append(buffer, static_cast<std::size_t>(got));
  }
  zip_fclose(file);
  if (!status.ok()) {
    out->clear();
    out->shrink_to_fit();
    return status;
  }
  budget->used_total_bytes += out->size();
  return Status::Ok();
}

}  // namespace disclose::zip
