// The answer writer escapes strings exactly as nlohmann's dump() does, whatever the position of a
// byte that needs escaping relative to the 8-byte blocks the writer scans.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "gongji/json.hpp"
#include "gongji/policy.hpp"
#include "json_writer.hpp"

using gongji::Json;
using gongji::detail::JsonWriter;

namespace {
std::string written(const std::string& text) {
  JsonWriter out;
  out.value(text);
  return out.take();
}
}  // namespace

TEST_CASE("every ASCII byte, at every offset in a 20-byte string, is escaped as dump() does") {
  for (int byte = 0; byte < 0x80; ++byte) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = static_cast<char>(byte);
      CHECK_MESSAGE(written(text) == Json(text).dump(), "byte ", byte, " at ", at);
    }
  }
}

TEST_CASE("multi-byte UTF-8, escapes next to it and strings shorter than a block") {
  for (const std::string& text :
       {std::string("职工医保\"家庭共济\"\n第二行\\"), std::string("\x1f"), std::string(""),
        std::string("1234567\""), std::string("12345678\""), std::string("\t\t\t\t\t\t\t\t\t"),
        std::string("é—🙂 plain text longer than sixteen bytes")}) {
    CHECK(written(text) == Json(text).dump());
  }
}

TEST_CASE("objects, arrays and field names make the document nlohmann reads back") {
  JsonWriter out;
  out.begin_object().field("ok", true).field("as_of", std::string("2026-06-01"));
  out.key("members").begin_array().begin_object().field("usable_fen", int64_t{-5});
  out.end_object()
      .end_array()
      .key("notes")
      .strings(std::vector<std::string>{"a\"b", "共济"})
      .end_object();
  const Json expected = {{"ok", true},
                         {"as_of", "2026-06-01"},
                         {"members", Json::array({{{"usable_fen", -5}}})},
                         {"notes", {"a\"b", "共济"}}};
  CHECK(out.take() == expected.dump());
}

TEST_CASE("integers at the edges of 64 bits are written as dump() writes them") {
  for (const int64_t number : {int64_t{0}, int64_t{7}, int64_t{-1}, int64_t{10}, int64_t{-10},
                               int64_t{1234567890123}, INT64_MAX, INT64_MIN, INT64_MIN + 1}) {
    JsonWriter out;
    out.value(number);
    CHECK(out.take() == Json(number).dump());
  }
}

TEST_CASE("an answer longer than the first buffer keeps every byte when the buffer grows") {
  JsonWriter out;
  Json expected = Json::array();
  out.begin_array();
  for (int i = 0; i < 5000; ++i) {  // about 60 KB: the 16 KB buffer grows twice
    const std::string text = "第" + std::to_string(i) + "项\t\"";
    out.value(text).value(int64_t{i} * -7919);
    expected.push_back(text);
    expected.push_back(int64_t{i} * -7919);
  }
  out.end_array();
  const std::string written = out.take();
  CHECK(written.size() > 3 * 16 * 1024);
  CHECK(written == expected.dump());
}
