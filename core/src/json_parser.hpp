// A strict JSON (RFC 8259) parser that hands each value to a handler as it reads it, in document
// order, like nlohmann's SAX interface — and accepts and rejects exactly what nlohmann::json::parse
// does (tested against it, and fuzzed). It exists for speed: it copies runs of plain bytes at once
// where nlohmann's lexer moves one byte at a time, which in the WebAssembly build (-Oz, little
// inlining) made reading the rules and each request the largest cost.
//
// Handler: null(), boolean(bool), number_integer(int64_t), number_unsigned(uint64_t),
// number_float(double), string(std::string&), key(std::string&), start_object(), end_object(),
// start_array(), end_array() — each returns false to stop the parse (the handler keeps why).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "decimal.hpp"
#include "utf8.hpp"

namespace gongji::detail {

template <class Handler>
class JsonParser {
 public:
  JsonParser(std::string_view text, Handler& handler) : text_(text), handler_(handler) {}

  // True when the text is one JSON value (after at most one UTF-8 byte order mark, with
  // whitespace around it) and the handler accepted every event.
  bool parse() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;  // anything else starting 0xEF fails below
    if (!value(0)) return false;
    skip_space();
    return at_ == text_.size() || fail(at_);
  }

  // The byte at which a syntax error was found (meaningless when the handler stopped the parse).
  std::size_t error_offset() const { return error_; }
  // During a handler's call: the byte just after the token it is told of (for positions).
  std::size_t offset() const { return at_; }

 private:
  // Nesting beyond this is refused even if the handler sets no depth limit of its own.
  static constexpr int kMaxNesting = 512;

  bool fail(std::size_t offset) {
    error_ = offset;
    return false;
  }

  void skip_space() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++at_;
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return fail(at_);
    at_ += word.size();
    return true;
  }

  bool value(int depth) {
    skip_space();
    if (at_ >= text_.size()) return fail(at_);
    switch (text_[at_]) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string_value(false);
      case 't':
        return literal("true") && handler_.boolean(true);
      case 'f':
        return literal("false") && handler_.boolean(false);
      case 'n':
        return literal("null") && handler_.null();
      default:
        return number();
    }
  }

  bool object(int depth) {
    if (depth > kMaxNesting) return fail(at_);
    ++at_;  // '{'
    if (!handler_.start_object()) return false;
    skip_space();
    if (at_ < text_.size() && text_[at_] == '}') {
      ++at_;
      return handler_.end_object();
    }
    while (true) {
      skip_space();
      if (at_ >= text_.size() || text_[at_] != '"') return fail(at_);
      if (!string_value(true)) return false;
      skip_space();
      if (at_ >= text_.size() || text_[at_] != ':') return fail(at_);
      ++at_;
      if (!value(depth)) return false;
      skip_space();
      if (at_ >= text_.size()) return fail(at_);
      if (text_[at_] == '}') {
        ++at_;
        return handler_.end_object();
      }
      if (text_[at_] != ',') return fail(at_);
      ++at_;
    }
  }

  bool array(int depth) {
    if (depth > kMaxNesting) return fail(at_);
    ++at_;  // '['
    if (!handler_.start_array()) return false;
    skip_space();
    if (at_ < text_.size() && text_[at_] == ']') {
      ++at_;
      return handler_.end_array();
    }
    while (true) {
      if (!value(depth)) return false;
      skip_space();
      if (at_ >= text_.size()) return fail(at_);
      if (text_[at_] == ']') {
        ++at_;
        return handler_.end_array();
      }
      if (text_[at_] != ',') return fail(at_);
      ++at_;
    }
  }

  unsigned byte(std::size_t offset) const {
    return offset < text_.size() ? static_cast<unsigned char>(text_[offset]) : 0x100;
  }

  // The length of the well-formed UTF-8 sequence (RFC 3629) at `at`, or 0.
  std::size_t utf8_length(std::size_t at) const { return detail::utf8_length(text_, at); }

  // Four hex digits after "\u", or -1.
  long hex4(std::size_t at) const {
    if (at + 4 > text_.size()) return -1;
    long value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
      const char c = text_[i];
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  static void append_utf8(std::string& out, unsigned long code) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  // "\uXXXX" (a surrogate pair counts as one) at `at_`, which points after the backslash.
  bool unicode_escape(std::string& out) {
    const long first = hex4(at_ + 1);
    if (first < 0) return fail(at_);
    at_ += 5;
    unsigned long code = static_cast<unsigned long>(first);
    if (code >= 0xDC00 && code <= 0xDFFF) return fail(at_ - 1);  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (text_.substr(at_, 2) != "\\u") return fail(at_);
      const long second = hex4(at_ + 2);
      if (second < 0xDC00 || second > 0xDFFF) return fail(at_ + 2);
      at_ += 6;
      code = 0x10000 + ((code - 0xD800) << 10) + (static_cast<unsigned long>(second) - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  bool string_value(bool is_key) {
    ++at_;  // the opening quote
    scratch_.clear();
    while (true) {
      // Plain bytes and well-formed UTF-8 sequences are copied as one run.
      const std::size_t run = at_;
      while (at_ < text_.size()) {
        const unsigned b = byte(at_);
        if (b == '"' || b == '\\' || b < 0x20) break;
        if (b < 0x80) {
          ++at_;
          continue;
        }
        const std::size_t length = utf8_length(at_);
        if (length == 0) break;
        at_ += length;
      }
      scratch_.append(text_.data() + run, at_ - run);
      if (at_ >= text_.size()) return fail(at_);
      const unsigned b = byte(at_);
      if (b == '"') {
        ++at_;
        return is_key ? handler_.key(scratch_) : handler_.string(scratch_);
      }
      if (b != '\\') return fail(at_);  // a control character or malformed UTF-8
      if (at_ + 1 >= text_.size()) return fail(at_ + 1);
      ++at_;
      switch (text_[at_]) {
        case '"':
          scratch_.push_back('"');
          break;
        case '\\':
          scratch_.push_back('\\');
          break;
        case '/':
          scratch_.push_back('/');
          break;
        case 'b':
          scratch_.push_back('\b');
          break;
        case 'f':
          scratch_.push_back('\f');
          break;
        case 'n':
          scratch_.push_back('\n');
          break;
        case 'r':
          scratch_.push_back('\r');
          break;
        case 't':
          scratch_.push_back('\t');
          break;
        case 'u':
          if (!unicode_escape(scratch_)) return false;
          continue;
        default:
          return fail(at_);
      }
      ++at_;
    }
  }

  bool digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
    return at_ > start;
  }

  // Integers that fit 64 bits stay integers (negative: signed; otherwise unsigned); anything else
  // is a double, read exactly as strtod would, and one too large for a double is an error —
  // nlohmann's rules.
  bool number() {
    const std::size_t start = at_;
    const bool negative = text_[at_] == '-';
    if (negative) ++at_;
    if (at_ >= text_.size() || text_[at_] < '0' || text_[at_] > '9') return fail(at_);
    if (text_[at_] == '0') {
      ++at_;
    } else {
      digits();
    }
    bool integral = true;
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      if (!digits()) return fail(at_);
      integral = false;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (!digits()) return fail(at_);
      integral = false;
    }
    if (integral) {
      uint64_t magnitude = 0;
      bool overflow = false;
      for (std::size_t i = start + (negative ? 1 : 0); i < at_; ++i) {
        const auto digit = static_cast<uint64_t>(text_[i] - '0');
        if (magnitude > (UINT64_MAX - digit) / 10) overflow = true;
        magnitude = magnitude * 10 + digit;
      }
      if (!overflow && !negative) return handler_.number_unsigned(magnitude);
      constexpr uint64_t kMinMagnitude = uint64_t{1} << 63;  // of INT64_MIN
      if (!overflow && magnitude <= kMinMagnitude) {
        return handler_.number_integer(
            magnitude == kMinMagnitude ? INT64_MIN : -static_cast<int64_t>(magnitude));
      }
    }
    const auto value = read_decimal(text_.substr(start, at_ - start));
    if (!value) return fail(start);
    return handler_.number_float(*value);
  }

  std::string_view text_;
  Handler& handler_;
  std::size_t at_ = 0;
  std::size_t error_ = 0;
  std::string scratch_;  // the string being read; handlers may move from it
};

}  // namespace gongji::detail
