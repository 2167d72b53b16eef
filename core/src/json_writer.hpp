// A small streaming JSON writer for answers: compact output, strings escaped as nlohmann's dump()
// escapes them, integers only. Faster and smaller than building a document to dump it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongji::detail {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);  // a field name of the contract: written as it is
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(int64_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  template <typename Text>  // std::string or std::string_view
  JsonWriter& strings(const std::vector<Text>& list) {
    begin_array();
    for (const Text& item : list) value(std::string_view(item));
    return end_array();
  }

  // Shorthands for "key": value.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  std::string take() const { return std::string(buffer_.get(), length_); }

 private:
  void separate() {
    if (need_comma_) put(',');
    need_comma_ = false;
  }
  void escaped(std::string_view text);

  // Appends without a call into the library per piece: the buffer is kept larger than what is
  // written (length_), and only grows, by doubling, when a piece would not fit. It is never
  // zero-filled, since only written bytes are read (filling 16 KB per answer is a loop in
  // WebAssembly); take() copies the answer out instead.
  void put(char c) {
    if (length_ == capacity_) grow(1);
    buffer_[length_++] = c;
  }
  void put(const char* data, std::size_t size) {
    if (capacity_ - length_ < size) grow(size);
    std::memcpy(buffer_.get() + length_, data, size);
    length_ += size;
  }
  void put(std::string_view text) { put(text.data(), text.size()); }
  void grow(std::size_t needed);

  std::size_t capacity_ = 16 * 1024;
  std::unique_ptr<char[]> buffer_{new char[capacity_]};  // new char[]: not value-initialised
  std::size_t length_ = 0;
  bool need_comma_ = false;
};

}  // namespace gongji::detail
