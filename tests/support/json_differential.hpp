// The JSON parser against nlohmann::json::parse, the reader it replaced: both must accept the same
// texts and, where they accept, read the same value. Shared by the unit test and the fuzz target.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/json.hpp"
#include "json_parser.hpp"

namespace gongji::testing {

using OrderedJson = nlohmann::ordered_json;

// Builds a plain document from the parser's events; a repeated key overwrites, as nlohmann does.
class PlainBuilder {
 public:
  bool null() { return put(OrderedJson(nullptr)); }
  bool boolean(bool value) { return put(OrderedJson(value)); }
  bool number_integer(int64_t value) { return put(OrderedJson(value)); }
  bool number_unsigned(uint64_t value) { return put(OrderedJson(value)); }
  bool number_float(double value) { return put(OrderedJson(value)); }
  bool string(std::string& value) { return put(OrderedJson(value)); }
  bool key(std::string& name) {
    keys_.back() = name;
    return true;
  }
  bool start_object() { return open(OrderedJson::object()); }
  bool start_array() { return open(OrderedJson::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  OrderedJson take() { return std::move(root_); }

 private:
  OrderedJson* slot() {
    if (stack_.empty()) return &root_;
    OrderedJson& container = *stack_.back();
    if (container.is_object()) return &container[keys_.back()];
    container.push_back(nullptr);
    return &container.back();
  }
  bool put(OrderedJson&& value) {
    *slot() = std::move(value);
    return true;
  }
  bool open(OrderedJson&& container) {
    OrderedJson* target = slot();
    *target = std::move(container);
    stack_.push_back(target);
    keys_.emplace_back();
    return true;
  }
  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    return true;
  }

  OrderedJson root_;
  std::vector<OrderedJson*> stack_;
  std::vector<std::string> keys_;
};

struct Verdict {
  bool agree;
  std::string why;
};

inline Verdict compare_with_nlohmann(std::string_view text) {
  PlainBuilder builder;
  detail::JsonParser parser(text, builder);
  const bool ours = parser.parse();
  // nlohmann takes a NUL byte for the end of input; ours refuses it, as the request reader did.
  if (text.find('\0') != std::string_view::npos) {
    return {!ours, ours ? "accepted a text with a NUL byte" : ""};
  }
  const OrderedJson theirs = OrderedJson::parse(text.begin(), text.end(), nullptr, false);
  if (theirs.is_discarded()) return {!ours, ours ? "accepted what nlohmann refuses" : ""};
  if (!ours) return {false, "refused what nlohmann accepts"};
  const OrderedJson mine = builder.take();
  // Compared as text: equal documents dump identically, and NaN cannot occur.
  if (mine.dump() != theirs.dump())
    return {false, "read " + mine.dump() + ", nlohmann read " + theirs.dump()};
  return {true, ""};
}

}  // namespace gongji::testing
