// Money is integer fen (分). Every amount in the contract is at most 1e11 fen, and a request has at
// most 200 expenses and 21 balances, so sums stay far below 2^63: overflow is impossible by
// construction.
#pragma once

#include <cstdint>
#include <string>

namespace gongji {

using Fen = int64_t;

inline constexpr Fen kMaxFen = 100'000'000'000;  // the contract's maximum for any single amount

// "1,234.50" for 123450 fen, grouped as the page writes amounts: integer arithmetic only.
std::string format_yuan_digits(Fen fen);

}  // namespace gongji
