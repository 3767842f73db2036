#include "core/money.h"

namespace disclose {

std::string FormatYuan(std::int64_t amount_fen) {
  // Work on the unsigned magnitude so INT64_MIN cannot overflow on negation.
  const bool negative = amount_fen < 0;
  std::uint64_t magnitude = negative ? ~static_cast<std::uint64_t>(amount_fen) + 1
                                     : static_cast<std::uint64_t>(amount_fen);
  std::string text = std::to_string(magnitude / 100);
  const unsigned cents = static_cast<unsigned>(magnitude % 100);
  text += '.';
  text += static_cast<char>('0' + cents / 10);
  text += static_cast<char>('0' + cents % 10);
  return negative ? "-" + text : text;
}

}  // namespace disclose
