#include "json_tape.hpp"

#include <optional>

#include "json_parser.hpp"

namespace gongji::detail {

// Appends the parser's events to the tape under the limits parse_json_limited checks (the same
// LimitChecks); returning false stops the parse at once. Duplicate keys are found by a scan of the
// object: a request's objects are small (a handful of keys, 64 at most).
class TapeBuilder : public LimitChecks<TapeBuilder> {
 public:
  TapeBuilder(std::string_view text, const JsonLimits& limits, JsonTape& tape)
      : LimitChecks(limits), tape_(tape) {
    tape_.chars_.reserve(text.size());  // unescaped strings never outgrow the text
    tape_.nodes_.reserve(text.size() / 8 + 4);
  }

  bool null() {
    put(JsonTape::Kind::null);
    return true;
  }
  bool boolean(bool value) {
    put(JsonTape::Kind::boolean).as.flag = value;
    return true;
  }
  bool number_integer(int64_t value) {
    put(JsonTape::Kind::integer).as.integer = value;
    return true;
  }
  bool number_unsigned(uint64_t value) {
    put(JsonTape::Kind::unsigned_integer).as.unsigned_integer = value;
    return true;
  }
  bool number_float(double value) {
    put(JsonTape::Kind::floating).as.floating = value;
    return true;
  }
  bool string(std::string& value) {
    JsonTape::Node& node = put(JsonTape::Kind::string);
    node.as.text = store(value);
    return true;
  }

  bool start_object() { return open(JsonTape::Kind::object); }
  bool start_array() { return open(JsonTape::Kind::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& name) {
    if (!check_key(name)) return false;
    Frame& frame = stack_.back();
    frame.last_key = static_cast<uint32_t>(tape_.nodes_.size());
    JsonTape::Node node{JsonTape::Kind::string};
    node.as.text = store(name);
    node.next = frame.last_key + 1;
    tape_.nodes_.push_back(node);
    return true;
  }

 private:
  friend class LimitChecks<TapeBuilder>;

  struct Frame {
    uint32_t at;        // the container's node
    uint32_t last_key;  // objects: the node of the newest key
  };

  JsonTape::Span store(const std::string& text) {
    const auto offset = static_cast<uint32_t>(tape_.chars_.size());
    tape_.chars_.append(text);
    return {offset, static_cast<uint32_t>(text.size())};
  }

  std::size_t open_count() const { return stack_.size(); }
  bool is_object_at(std::size_t i) const {
    return tape_.nodes_[stack_[i].at].kind == JsonTape::Kind::object;
  }
  std::size_t entries_at(std::size_t i) const { return tape_.nodes_[stack_[i].at].size; }
  std::string_view last_key_at(std::size_t i) const { return tape_.text(stack_[i].last_key); }

  // The object is still open (its end is not known): its keys are walked up to the tape's end.
  bool has_key(std::string_view name) const {
    const auto end = static_cast<uint32_t>(tape_.nodes_.size());
    for (uint32_t key = stack_.back().at + 1; key < end; key = tape_.nodes_[key + 1].next) {
      if (tape_.text(key) == name) return true;
    }
    return false;
  }

  // A new value's node, counted in its container.
  JsonTape::Node& put(JsonTape::Kind kind) {
    if (!stack_.empty()) ++tape_.nodes_[stack_.back().at].size;
    const auto at = static_cast<uint32_t>(tape_.nodes_.size());
    tape_.nodes_.push_back(JsonTape::Node{kind});
    tape_.nodes_.back().next = at + 1;
    return tape_.nodes_.back();
  }

  bool open(JsonTape::Kind kind) {
    if (!check_open()) return false;
    put(kind);
    stack_.push_back(Frame{static_cast<uint32_t>(tape_.nodes_.size() - 1), 0});
    return true;
  }

  bool close() {
    tape_.nodes_[stack_.back().at].next = static_cast<uint32_t>(tape_.nodes_.size());
    stack_.pop_back();
    return true;
  }

  JsonTape& tape_;
  std::vector<Frame> stack_;
};

std::variant<JsonTape, JsonFailure> read_json_tape(std::string_view text,
                                                   const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) return JsonFailure{JsonFailure::Kind::too_large, 0, ""};
  JsonTape tape;
  TapeBuilder builder(text, limits, tape);
  JsonParser parser(text, builder);
  return finish_limited<JsonTape>(parser, builder, [&] { return std::move(tape); });
}

}  // namespace gongji::detail
