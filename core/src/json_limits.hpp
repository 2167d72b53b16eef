// JSON parsing with limits, for input we do not trust: bounded size, depth and object width,
// duplicate keys refused, keys kept in document order, and the JSON Pointer of any failure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "gongji/policy.hpp"

namespace gongji::detail {

struct JsonLimits {
  std::size_t max_bytes;
  int max_depth;
  std::size_t max_object_keys;
  std::size_t object_room = 0;  // entries reserved in each object (fewer reallocations)
};

struct JsonFailure {
  enum class Kind { syntax, too_large, too_deep, too_many_keys, duplicate_key } kind;
  std::size_t offset = 0;  // byte offset of a syntax error
  std::string path;        // JSON Pointer of the offending value
};

std::variant<Json, JsonFailure> parse_json_limited(std::string_view text, const JsonLimits& limits);

// Appends one reference token to a JSON Pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace gongji::detail
