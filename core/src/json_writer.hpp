// A small streaming JSON writer for answers: compact output, strings escaped as nlohmann's dump()
// escapes them, integers only. Faster and smaller than building a document to dump it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongji::detail {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(16 * 1024); }
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
  JsonWriter& strings(const std::vector<std::string>& list);

  // Shorthands for "key": value.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  std::string take() { return std::move(out_); }

 private:
  void separate();
  void escaped(std::string_view text);

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace gongji::detail
