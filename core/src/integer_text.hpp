// The decimal text of an integer: one routine for the answer's JSON and every text that counts
// or names an amount, in place of std::to_string, whose generic integer conversion is code the
// WebAssembly module would carry a second time.
#pragma once

#include <cstdint>
#include <string>

namespace gongji::detail {

// Writes `number`'s digits (and sign) to end on `end`: at most 20 chars; returns where they start.
char* write_integer(char* end, int64_t number);

std::string integer_text(int64_t number);

}  // namespace gongji::detail
