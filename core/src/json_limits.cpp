#include "json_limits.hpp"

#include <unordered_set>
#include <vector>

namespace gongji::detail {
namespace {

// Builds the document while checking limits; returning false stops nlohmann's parser at once.
class LimitedBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit LimitedBuilder(const JsonLimits& limits) : limits_(limits) {}

  bool null() override { return put(Json(nullptr)); }
  bool boolean(bool value) override { return put(Json(value)); }
  bool number_integer(number_integer_t value) override { return put(Json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return put(Json(value)); }
  bool number_float(number_float_t value, const string_t&) override { return put(Json(value)); }
  bool string(string_t& value) override { return put(Json(std::move(value))); }
  bool binary(binary_t&) override { return fail(JsonFailure::Kind::syntax); }

  bool start_object(std::size_t) override { return open(Json::object()); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    Frame& frame = stack_.back();
    frame.pending_key = name;
    if (!frame.keys.insert(name).second) {
      return fail(JsonFailure::Kind::duplicate_key, pointer_append(frame.path, name));
    }
    if (frame.keys.size() > limits_.max_object_keys) {
      return fail(JsonFailure::Kind::too_many_keys, frame.path);
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception&) override {
    if (!failure_) {
      failure_ = JsonFailure{JsonFailure::Kind::syntax, position > 0 ? position - 1 : 0, ""};
    }
    return false;
  }

  Json take_root() { return std::move(root_); }
  const std::optional<JsonFailure>& failure() const { return failure_; }

 private:
  struct Frame {
    Json* value;
    std::string path;
    std::string pending_key;
    std::size_t next_index = 0;
    std::unordered_set<std::string> keys;
  };

  // The pointer of the value about to be added to the innermost open container.
  std::string child_path() {
    if (stack_.empty()) return "";
    Frame& frame = stack_.back();
    if (frame.value->is_object()) return pointer_append(frame.path, frame.pending_key);
    return pointer_append(frame.path, frame.next_index);
  }

  Json* insert(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = stack_.back();
    if (frame.value->is_object()) {
      Json& slot = (*frame.value)[frame.pending_key];  // the key is new: checked in key()
      slot = std::move(value);
      return &slot;
    }
    ++frame.next_index;
    frame.value->push_back(std::move(value));
    return &frame.value->back();
  }

  bool put(Json&& value) {
    insert(std::move(value));
    return true;
  }

  bool open(Json&& container) {
    std::string path = child_path();
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      return fail(JsonFailure::Kind::too_deep, path);
    }
    Json* slot = insert(std::move(container));
    stack_.push_back(Frame{slot, std::move(path), {}, 0, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  bool fail(JsonFailure::Kind kind, std::string path = "") {
    failure_ = JsonFailure{kind, 0, std::move(path)};
    return false;
  }

  const JsonLimits& limits_;
  Json root_;
  std::vector<Frame> stack_;
  std::optional<JsonFailure> failure_;
};

}  // namespace

std::string pointer_append(const std::string& pointer, std::string_view token) {
  std::string result = pointer;
  result.push_back('/');
  for (char c : token) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result.push_back(c);
    }
  }
  return result;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::variant<Json, JsonFailure> parse_json_limited(std::string_view text,
                                                   const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) return JsonFailure{JsonFailure::Kind::too_large, 0, ""};
  // A raw NUL is never valid JSON, but nlohmann's lexer takes it for the end of input and would
  // ignore whatever follows: refuse it here so no two readers can disagree on the document.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return JsonFailure{JsonFailure::Kind::syntax, nul, ""};
  }
  LimitedBuilder builder(limits);
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception&) {
    ok = false;  // nlohmann reports through parse_error; this is belt and braces
  }
  if (ok) return builder.take_root();
  if (builder.failure()) return *builder.failure();
  return JsonFailure{JsonFailure::Kind::syntax, 0, ""};
}

}  // namespace gongji::detail
