#include "json_limits.hpp"

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "json_parser.hpp"

namespace gongji::detail {
namespace {

// Builds the document from the parser's events while checking limits; returning false stops the
// parse at once. Pointers are only spelled out when something fails, and keys are checked for
// duplicates by a scan of the object while it is small: a request's objects have a handful of keys.
class LimitedBuilder {
 public:
  explicit LimitedBuilder(const JsonLimits& limits) : limits_(limits) {}

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool value) { return put(Json(value)); }
  bool number_integer(int64_t value) { return put(Json(value)); }
  bool number_unsigned(uint64_t value) { return put(Json(value)); }
  bool number_float(double value) { return put(Json(value)); }
  bool string(std::string& value) { return put(Json(std::move(value))); }

  bool start_object() { return open(Json::object()); }
  bool start_array() { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& name) {
    Frame& frame = stack_.back();
    if (is_duplicate(frame, name)) {
      return fail(JsonFailure::Kind::duplicate_key, pointer_append(path_of(stack_.size()), name));
    }
    if (frame.value->size() + 1 > limits_.max_object_keys) {
      return fail(JsonFailure::Kind::too_many_keys, path_of(stack_.size()));
    }
    frame.pending_key = std::move(name);
    return true;
  }

  Json take_root() { return std::move(root_); }
  const std::optional<JsonFailure>& failure() const { return failure_; }

 private:
  static constexpr std::size_t kScanLimit = 32;  // keys compared one by one up to this many

  struct Frame {
    Json* value;
    std::string pending_key;               // objects: the key of the value about to come
    std::unordered_set<std::string> keys;  // only once the object outgrows kScanLimit
  };

  bool is_duplicate(Frame& frame, const std::string& name) {
    const auto& object = frame.value->get_ref<const Json::object_t&>();
    if (object.size() < kScanLimit) {
      for (const auto& entry : object) {
        if (entry.first == name) return true;
      }
      return false;
    }
    if (frame.keys.empty()) {
      for (const auto& entry : object) frame.keys.insert(entry.first);
    }
    return !frame.keys.insert(name).second;
  }

  // The pointer of the open container at `depth` (1 = the root): each outer container's newest
  // entry is the next one down, since entries after it have not been read yet.
  std::string path_of(std::size_t depth) const {
    std::string path;
    for (std::size_t i = 0; i + 1 < depth; ++i) {
      const Json& outer = *stack_[i].value;
      path = outer.is_object()
                 ? pointer_append(path, outer.get_ref<const Json::object_t&>().back().first)
                 : pointer_append(path, outer.size() - 1);
    }
    return path;
  }

  Json* insert(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = stack_.back();
    if (frame.value->is_object()) {
      // The key is new (checked in key()), so it is appended without another search.
      auto& entries =
          static_cast<Json::object_t::Container&>(frame.value->get_ref<Json::object_t&>());
      entries.emplace_back(std::move(frame.pending_key), std::move(value));
      frame.pending_key.clear();
      if (!frame.keys.empty()) frame.keys.insert(entries.back().first);
      return &entries.back().second;
    }
    frame.value->push_back(std::move(value));
    return &frame.value->back();
  }

  bool put(Json&& value) {
    insert(std::move(value));
    return true;
  }

  bool open(Json&& container) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      std::string path = path_of(stack_.size());
      if (!stack_.empty()) {
        const Frame& frame = stack_.back();
        path = frame.value->is_object() ? pointer_append(path, frame.pending_key)
                                        : pointer_append(path, frame.value->size());
      }
      return fail(JsonFailure::Kind::too_deep, path);
    }
    Json* slot = insert(std::move(container));
    if (slot->is_object() && limits_.object_room > 0) {
      static_cast<Json::object_t::Container&>(slot->get_ref<Json::object_t&>())
          .reserve(limits_.object_room);
    }
    stack_.push_back(Frame{slot, {}, {}});
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
  LimitedBuilder builder(limits);
  JsonParser parser(text, builder);
  if (parser.parse()) return builder.take_root();
  if (builder.failure()) return *builder.failure();
  return JsonFailure{JsonFailure::Kind::syntax, parser.error_offset(), ""};
}

}  // namespace gongji::detail
