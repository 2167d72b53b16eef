// A request's JSON read into one flat array of values (a tape) under the same limits, and with the
// same failures, as parse_json_limited, but without building a document: no allocation per value,
// and every string side by side in one buffer. The whole text is checked before anything is read,
// so a reader over the tape reports problems in the same order as one over a document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "json_limits.hpp"

namespace gongji::detail {

class JsonTape {
  enum class Kind : uint8_t {
    null,
    boolean,
    integer,
    unsigned_integer,
    floating,
    string,
    object,
    array
  };

  struct Span {
    uint32_t offset, length;  // a string's or a key's bytes in chars_
  };

  struct Node {
    Kind kind;
    uint32_t size = 0;  // an object's entries or an array's elements
    uint32_t next = 0;  // the node after this value and everything in it
    union {
      bool flag;
      int64_t integer;
      uint64_t unsigned_integer;
      double floating;
      Span text;
    } as{};
  };

 public:
  struct Entry;

  // One value on the tape; valid while the tape lives.
  class Value {
   public:
    Value(const JsonTape* tape, uint32_t at) : tape_(tape), at_(at) {}

    bool is_object() const { return node().kind == Kind::object; }
    bool is_array() const { return node().kind == Kind::array; }
    bool is_string() const { return node().kind == Kind::string; }
    bool is_boolean() const { return node().kind == Kind::boolean; }
    // Either sign, as nlohmann counts it; unsigned is a non-negative integer.
    bool is_number_integer() const { return is_number_unsigned() || node().kind == Kind::integer; }
    bool is_number_unsigned() const { return node().kind == Kind::unsigned_integer; }
    bool is_number_float() const { return node().kind == Kind::floating; }

    std::string_view string() const { return tape_->text(at_); }
    bool boolean() const { return node().as.flag; }
    int64_t integer() const { return node().as.integer; }
    uint64_t unsigned_integer() const { return node().as.unsigned_integer; }
    double floating() const { return node().as.floating; }

    std::size_t size() const { return node().size; }
    bool contains(std::string_view key) const;

    // An object's entries (key, value) or an array's elements, in document order.
    template <typename Item>
    class Walk;
    Walk<Entry> items() const;
    Walk<Value> elements() const;

   private:
    const Node& node() const { return tape_->nodes_[at_]; }
    const JsonTape* tape_;
    uint32_t at_;
  };

  struct Entry {
    std::string_view key;
    Value value;
  };

  Value root() const { return Value(this, 0); }

 private:
  friend class TapeBuilder;

  std::string_view text(uint32_t at) const {
    return std::string_view(chars_).substr(nodes_[at].as.text.offset, nodes_[at].as.text.length);
  }

  std::vector<Node> nodes_;  // an object: its node, then each key's node and its value's nodes
  std::string chars_;        // every string's and key's bytes, unescaped
};

// Steps over an object's entries (a key's node, then its value's) or an array's elements.
template <typename Item>
class JsonTape::Value::Walk {
  static constexpr bool kEntries = std::is_same_v<Item, Entry>;

 public:
  class Iterator {
   public:
    Iterator(const JsonTape* tape, uint32_t at) : tape_(tape), at_(at) {}
    Item operator*() const {
      if constexpr (kEntries) {
        return {tape_->text(at_), Value(tape_, at_ + 1)};
      } else {
        return Value(tape_, at_);
      }
    }
    Iterator& operator++() {
      at_ = tape_->nodes_[kEntries ? at_ + 1 : at_].next;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const JsonTape* tape_;
    uint32_t at_;
  };
  Walk(const JsonTape* tape, uint32_t at) : tape_(tape), at_(at) {}
  Iterator begin() const { return {tape_, at_ + 1}; }
  Iterator end() const { return {tape_, tape_->nodes_[at_].next}; }

 private:
  const JsonTape* tape_;
  uint32_t at_;  // the container's node
};

inline JsonTape::Value::Walk<JsonTape::Entry> JsonTape::Value::items() const {
  return {tape_, at_};
}
inline JsonTape::Value::Walk<JsonTape::Value> JsonTape::Value::elements() const {
  return {tape_, at_};
}

inline bool JsonTape::Value::contains(std::string_view key) const {
  for (const Entry& entry : items()) {
    if (entry.key == key) return true;
  }
  return false;
}

std::variant<JsonTape, JsonFailure> read_json_tape(std::string_view text, const JsonLimits& limits);

}  // namespace gongji::detail
