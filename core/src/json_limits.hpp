// JSON parsing with limits, for input we do not trust: bounded size, depth and object width,
// duplicate keys refused, keys kept in document order, and the JSON Pointer of any failure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "gongji/json.hpp"
#include "gongji/policy.hpp"

namespace gongji::detail {

struct JsonLimits {
  std::size_t max_bytes;
  int max_depth;
  std::size_t max_object_keys;
  std::size_t object_room = 0;  // entries reserved in each object (fewer reallocations)
};

struct JsonFailure {
  enum class Kind { syntax, too_large, too_deep, too_many_keys, duplicate_key } kind;
  std::size_t offset = 0;  // byte offset of a syntax error
  std::string path;        // JSON Pointer of the offending value
};

std::variant<Json, JsonFailure> parse_json_limited(std::string_view text, const JsonLimits& limits);

// Appends one reference token to a JSON Pointer, escaping '~' and '/'.
std::string pointer_append(const std::string& pointer, std::string_view token);
std::string pointer_append(const std::string& pointer, std::size_t index);

// The limits, checked alike by every reader of untrusted JSON (a document for policy files, a tape
// for requests), which stops at the first failure. The reader (Reader, by CRTP) says what is open:
// open_count() containers; for the one at `i` (0 = the root), is_object_at(i), entries_at(i) (the
// entries or elements added so far), last_key_at(i) (an object's newest key) and, for the innermost
// object, has_key(name).
template <class Reader>
class LimitChecks {
 public:
  explicit LimitChecks(const JsonLimits& limits) : limits_(limits) {}
  const std::optional<JsonFailure>& failure() const { return failure_; }

 protected:
  // Before a key of the innermost object is added.
  bool check_key(std::string_view name) {
    const std::size_t open = reader().open_count();
    if (reader().has_key(name)) {
      return fail(JsonFailure::Kind::duplicate_key, pointer_append(path_of(open), name));
    }
    if (reader().entries_at(open - 1) + 1 > limits_.max_object_keys) {
      return fail(JsonFailure::Kind::too_many_keys, path_of(open));
    }
    return true;
  }

  // Before a container opens: the pointer of a container too deep is where it would have been.
  bool check_open() {
    const std::size_t open = reader().open_count();
    if (static_cast<int>(open) < limits_.max_depth) return true;
    std::string path = path_of(open);
    if (open > 0) {  // the new container is the innermost one's next entry
      const std::size_t inner = open - 1;
      path = reader().is_object_at(inner) ? pointer_append(path, reader().last_key_at(inner))
                                          : pointer_append(path, reader().entries_at(inner));
    }
    return fail(JsonFailure::Kind::too_deep, std::move(path));
  }

  const JsonLimits& limits_;

 private:
  Reader& reader() { return static_cast<Reader&>(*this); }

  // The pointer of the container at `depth` (1 = the root): each outer container's newest entry
  // is the next one down, since entries after it have not been read yet.
  std::string path_of(std::size_t depth) {
    std::string path;
    for (std::size_t i = 0; i + 1 < depth; ++i) {
      path = reader().is_object_at(i) ? pointer_append(path, reader().last_key_at(i))
                                      : pointer_append(path, reader().entries_at(i) - 1);
    }
    return path;
  }

  bool fail(JsonFailure::Kind kind, std::string path) {
    failure_ = JsonFailure{kind, 0, std::move(path)};
    return false;
  }

  std::optional<JsonFailure> failure_;
};

// The end of a limited parse: the reader's result, its failure, or the parser's syntax error.
template <typename Result, class Parser, class Reader, typename Take>
std::variant<Result, JsonFailure> finish_limited(Parser& parser, const Reader& reader, Take take) {
  if (parser.parse()) return take();
  if (reader.failure()) return *reader.failure();
  return JsonFailure{JsonFailure::Kind::syntax, parser.error_offset(), ""};
}

}  // namespace gongji::detail
