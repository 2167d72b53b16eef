#include "json_position.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "integer_text.hpp"
#include "json_parser.hpp"

namespace gongji::detail {
namespace {

// A JSON Pointer's reference tokens, unescaped ("~1" is "/", "~0" is "~").
std::vector<std::string> tokens_of(std::string_view pointer) {
  std::vector<std::string> tokens;
  for (std::size_t at = 0; at < pointer.size() && pointer[at] == '/';) {
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    std::string token;
    for (std::size_t i = at + 1; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token.push_back(pointer[++i] == '1' ? '/' : '~');
      } else {
        token.push_back(pointer[i]);
      }
    }
    tokens.push_back(std::move(token));
    at = end;
  }
  return tokens;
}

// Follows the parse, keeping the path to the current value, and marks where the longest prefix of
// the wanted path begins. Once the marked value ends, nothing later can continue the path.
class Locator {
 public:
  Locator(std::string_view text, std::vector<std::string> wanted)
      : text_(text), wanted_(std::move(wanted)) {}

  void attach(const JsonParser<Locator>* parser) { parser_ = parser; }
  std::size_t found() const { return found_; }

  bool null() { return scalar(); }
  bool boolean(bool) { return scalar(); }
  bool number_integer(int64_t) { return scalar(); }
  bool number_unsigned(uint64_t) { return scalar(); }
  bool number_float(double) { return scalar(); }
  bool string(std::string&) { return scalar(); }
  bool start_object() { return open(true); }
  bool start_array() { return open(false); }
  bool key(std::string& name) {
    // A member is located by its key.
    const bool on_path = continues_path(name);
    if (on_path) mark(start_of_token());
    return done(on_path);
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

 private:
  struct Frame {
    bool object;
    std::size_t next_index = 0;  // arrays: the index of the next element
  };

  // Whether a member or element of the innermost container, named `token`, is the next step of
  // the wanted path (every container around it being on the path).
  bool continues_path(const std::string& token) const {
    const std::size_t depth = frames_.size();
    return depth == matched_ + 1 && depth <= wanted_.size() && wanted_[depth - 1] == token;
  }

  void mark(std::size_t offset) {
    found_ = offset;
    ++matched_;
  }

  // An array element is on the path by its index; a member's value by its key (already marked).
  bool element_on_path(std::size_t start) {
    if (frames_.empty() || frames_.back().object) return false;
    const bool on_path = continues_path(integer_text(frames_.back().next_index++));
    if (on_path) mark(start);
    return on_path;
  }

  bool scalar() {
    const bool element = element_on_path(start_of_token());
    // A marked scalar has nothing inside: the path can go no further.
    if (element || value_of_marked_key_) finished_ = true;
    return done(false);
  }

  bool open(bool object) {
    element_on_path(start_of_token());
    frames_.push_back({object});
    return done(false);
  }

  bool close() {
    frames_.pop_back();
    // The marked container has ended.
    if (frames_.size() == matched_) finished_ = true;
    return done(false);
  }

  // Where the token just read began: the first byte after the previous one that is not
  // whitespace, a comma or a colon.
  std::size_t start_of_token() const {
    std::size_t at = last_end_;
    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\n' || text_[at] == '\r' ||
                                 text_[at] == '\t' || text_[at] == ',' || text_[at] == ':')) {
      ++at;
    }
    return at;
  }

  // After every event: the next token starts after this one; the parse stops once the whole path
  // is found or cannot be.
  bool done(bool marked_key) {
    value_of_marked_key_ = marked_key;
    last_end_ = parser_->offset();
    return !finished_ && matched_ < wanted_.size();
  }

  std::string_view text_;
  std::vector<std::string> wanted_;
  const JsonParser<Locator>* parser_ = nullptr;
  std::vector<Frame> frames_;
  std::size_t last_end_ = 0;
  std::size_t found_ = 0;
  std::size_t matched_ = 0;  // how many of the wanted tokens the mark stands for
  bool value_of_marked_key_ = false;
  bool finished_ = false;
};

}  // namespace

TextPosition position_at(std::string_view text, std::size_t offset) {
  TextPosition position;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++position.column;  // a continuation byte is part of the character before it
    }
  }
  return position;
}

TextPosition position_of(std::string_view text, std::string_view pointer) {
  Locator locator(text, tokens_of(pointer));
  JsonParser<Locator> parser(text, locator);
  locator.attach(&parser);
  parser.parse();  // stopped early once found; a text that is not JSON leaves the best mark
  return position_at(text, locator.found());
}

}  // namespace gongji::detail
