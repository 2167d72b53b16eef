// An exact decimal reader: a JSON number's text to the nearest double (ties to even), as strtod
// reads it, without strtod: in the WebAssembly module strtod brings the locale machinery and
// long-double soft-float with it. Requests and policies hold integers, which the JSON parser reads
// itself; this reads the rest (3.0, 1e3, 0.5, 1e400), only to tell what they are.
#pragma once

#include <optional>
#include <string_view>

namespace gongji::detail {

// `token` is a number in JSON's grammar (-?int frac? exp?). Empty when it is too large for a
// double (strtod's HUGE_VAL), which JSON readers refuse; values too small become (signed) zero.
std::optional<double> read_decimal(std::string_view token);

}  // namespace gongji::detail
