// Well-formed UTF-8 (RFC 3629): what the JSON parser accepts inside a string, and what the policy
// image reader requires of every text, so that an answer is always valid JSON.
#pragma once

#include <cstddef>
#include <string_view>

namespace gongji::detail {

// The length of the well-formed multi-byte UTF-8 sequence at `at`, or 0 (also for ASCII).
inline std::size_t utf8_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t offset) {
    return offset < text.size() ? static_cast<unsigned char>(text[offset]) : 0x100u;
  };
  const unsigned lead = byte(at);
  auto in = [&](std::size_t offset, unsigned low, unsigned high) {
    const unsigned b = byte(at + offset);
    return b >= low && b <= high;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (lead == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
    return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (lead == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (lead == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  if (lead >= 0xF1 && lead <= 0xF3)
    return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  if (lead == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

inline bool well_formed_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const std::size_t length = utf8_length(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

}  // namespace gongji::detail
