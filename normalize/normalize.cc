#include "normalize/normalize.h"

namespace disclose {

NormalizedDocument Normalize(const Document&, const NormalizeOptions&) { return {}; }

}  // namespace disclose
