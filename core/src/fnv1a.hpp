// FNV-1a (32-bit): the policy image's checksum and the key of the module's small hash tables
// (messages, cited sources). One definition, so the image's format and the tables agree.
#pragma once

#include <cstdint>
#include <string_view>

namespace gongji::detail {

inline uint32_t fnv1a(std::string_view bytes) {
  uint32_t hash = 2166136261u;
  for (char byte : bytes) hash = (hash ^ static_cast<unsigned char>(byte)) * 16777619u;
  return hash;
}

}  // namespace gongji::detail
