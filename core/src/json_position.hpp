// Where a JSON Pointer's value stands in a JSON text, as a line and column an editor can jump to:
// problems in the policy files are reported by file, line and column as well as by pointer.
#pragma once

#include <cstddef>
#include <string_view>

namespace gongji::detail {

struct TextPosition {
  std::size_t line = 1;    // from 1
  std::size_t column = 1;  // from 1, in characters (UTF-8 code points)
};

// The line and column of byte `offset` of `text`.
TextPosition position_at(std::string_view text, std::size_t offset);

// Where `pointer` stands in the JSON `text`: a member's key (its opening quote), an array
// element's first character, or for a pointer that names nothing (a missing field) its nearest
// ancestor that exists. Line 1, column 1 for "" or a text that is not JSON.
TextPosition position_of(std::string_view text, std::string_view pointer);

}  // namespace gongji::detail
