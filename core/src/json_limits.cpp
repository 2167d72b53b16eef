#include "json_limits.hpp"

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "integer_text.hpp"
#include "json_parser.hpp"

namespace gongji::detail {
namespace {

// Builds the document from the parser's events while checking limits; returning false stops the
// parse at once. Pointers are only spelled out when something fails, and keys are checked for
// duplicates by a scan of the object while it is small: a request's objects have a handful of keys.
class LimitedBuilder : public LimitChecks<LimitedBuilder> {
 public:
  explicit LimitedBuilder(const JsonLimits& limits) : LimitChecks(limits) {}

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
    if (!check_key(name)) return false;
    Frame& frame = stack_.back();
    frame.pending_key = std::move(name);
    frame.awaiting_value = true;
    return true;
  }

  Json take_root() { return std::move(root_); }

 private:
  friend class LimitChecks<LimitedBuilder>;
  static constexpr std::size_t kScanLimit = 32;  // keys compared one by one up to this many

  struct Frame {
    Json* value;
    std::string pending_key;               // objects: the key of the value about to come
    bool awaiting_value = false;           // objects: pending_key is read, its value is not
    std::unordered_set<std::string> keys;  // only once the object outgrows kScanLimit
  };

  std::size_t open_count() const { return stack_.size(); }
  bool is_object_at(std::size_t i) const { return stack_[i].value->is_object(); }
  std::size_t entries_at(std::size_t i) const { return stack_[i].value->size(); }
  std::string_view last_key_at(std::size_t i) const {
    const Frame& frame = stack_[i];
    if (frame.awaiting_value) return frame.pending_key;
    return frame.value->get_ref<const Json::object_t&>().back().first;
  }

  bool has_key(std::string_view name) {
    Frame& frame = stack_.back();
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
    return !frame.keys.insert(std::string(name)).second;
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
      frame.awaiting_value = false;
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
    if (!check_open()) return false;
    Json* slot = insert(std::move(container));
    if (slot->is_object() && limits_.object_room > 0) {
      static_cast<Json::object_t::Container&>(slot->get_ref<Json::object_t&>())
          .reserve(limits_.object_room);
    }
    stack_.push_back(Frame{slot, {}, false, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  Json root_;
  std::vector<Frame> stack_;
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
  return pointer + "/" + integer_text(index);
}

std::variant<Json, JsonFailure> parse_json_limited(std::string_view text,
                                                   const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) return JsonFailure{JsonFailure::Kind::too_large, 0, ""};
  LimitedBuilder builder(limits);
  JsonParser parser(text, builder);
  return finish_limited<Json>(parser, builder, [&] { return builder.take_root(); });
}

}  // namespace gongji::detail
