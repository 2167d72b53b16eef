#include "json_writer.hpp"

namespace gongji::detail {

void JsonWriter::separate() {
  if (need_comma_) out_.push_back(',');
  need_comma_ = false;
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  escaped(name);
  out_.push_back(':');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  escaped(text);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(int64_t number) {
  separate();
  out_ += std::to_string(number);
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  need_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& item : list) value(item);
  return end_array();
}

// Input is valid UTF-8 (checked where it entered); only quotes, backslashes and control
// characters need escaping. Runs of plain bytes are appended at once: per-byte push_back is a
// call each in WebAssembly's libc++.
void JsonWriter::escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + plain_from, i - plain_from);
    plain_from = i + 1;
    switch (c) {
      case '"':
        out_.append("\\\"", 2);
        break;
      case '\\':
        out_.append("\\\\", 2);
        break;
      case '\b':
        out_.append("\\b", 2);
        break;
      case '\f':
        out_.append("\\f", 2);
        break;
      case '\n':
        out_.append("\\n", 2);
        break;
      case '\r':
        out_.append("\\r", 2);
        break;
      case '\t':
        out_.append("\\t", 2);
        break;
      default: {
        const char unicode[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_.append(unicode, 6);
      }
    }
  }
  out_.append(text.data() + plain_from, text.size() - plain_from);
  out_.push_back('"');
}

}  // namespace gongji::detail
