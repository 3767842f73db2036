#include "core/limits.h"

namespace disclose {

bool ModelBudget::Add(std::int64_t& count, std::int64_t n, std::int64_t limit, const char* what) {
  if (exceeded()) return false;
  count += n;
  if (count <= limit) return true;
  what_ = what;
  limit_hit_ = limit;
  return false;
}

Status ModelBudget::Exceeded(const std::string& prefix) const {
  return Status(ErrorCode::kTooLarge, prefix + ": more than " + std::to_string(limit_hit_) + " " +
                                          what_ + " (the document model's limit)");
}

}  // namespace disclose
