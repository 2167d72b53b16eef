#include "json_writer.hpp"

#include "integer_text.hpp"

#include <cstring>

namespace gongji::detail {

void JsonWriter::grow(std::size_t needed) {
  const std::size_t capacity = std::max(capacity_ * 2, length_ + needed);
  std::unique_ptr<char[]> bigger(new char[capacity]);
  std::memcpy(bigger.get(), buffer_.get(), length_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  put('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  put('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  put('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  put(']');
  need_comma_ = true;
  return *this;
}

// Field names are the contract's own (letters, digits, underscores): nothing to escape, and
// escaping them was a fifth of the writer's work.
JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  put('"');
  put(name);
  put("\":", 2);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  escaped(text);
  need_comma_ = true;
  return *this;
}

// Digits written backwards into a local buffer: no string built per number.
JsonWriter& JsonWriter::value(int64_t number) {
  separate();
  char digits[20];  // 19 digits and a sign
  const char* first = write_integer(digits + sizeof digits, number);
  put(first, static_cast<std::size_t>(digits + sizeof digits - first));
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  put("null", 4);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  put(flag ? std::string_view("true") : std::string_view("false"));
  need_comma_ = true;
  return *this;
}

namespace {

// True if any of the 8 bytes in `word` is a quote, a backslash or a control character (< 0x20):
// the classic "has a zero byte" test on word ^ pattern, and on word for bytes below 0x20.
bool needs_escape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return below_space != 0 || has_zero(word ^ (kOnes * '"')) || has_zero(word ^ (kOnes * '\\'));
}

}  // namespace

// Input is valid UTF-8 (checked where it entered); only quotes, backslashes and control
// characters need escaping. Plain runs, found 8 bytes at a time, are appended at once: answers
// are mostly long texts with nothing to escape, and per-byte work is the cost in WebAssembly.
void JsonWriter::escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  put('"');
  std::size_t plain_from = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.size() - i >= 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (!needs_escape(word)) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    ++i;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    put(text.data() + plain_from, i - 1 - plain_from);
    plain_from = i;
    switch (c) {
      case '"':
        put("\\\"", 2);
        break;
      case '\\':
        put("\\\\", 2);
        break;
      case '\b':
        put("\\b", 2);
        break;
      case '\f':
        put("\\f", 2);
        break;
      case '\n':
        put("\\n", 2);
        break;
      case '\r':
        put("\\r", 2);
        break;
      case '\t':
        put("\\t", 2);
        break;
      default: {
        const char unicode[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        put(unicode, 6);
      }
    }
  }
  put(text.data() + plain_from, text.size() - plain_from);
  put('"');
}

}  // namespace gongji::detail
