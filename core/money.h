// Exact money: amounts are integer fen (1 yuan = 100 fen) from parse to print.
// No float ever touches a figure; this header only formats.
//
//   FormatYuan(496417305)  -> "4964173.05"
//   FormatYuan(-5)         -> "-0.05"
#pragma once

#include <cstdint>
#include <string>

namespace disclose {

inline constexpr std::int64_t kFenPerYuan = 100;
inline constexpr std::int64_t kFenPerWanYuan = 1000000;  // 10,000 yuan

// The contract's amount_yuan spelling: -?\d+\.\d\d, no separators.
std::string FormatYuan(std::int64_t amount_fen);

}  // namespace disclose
