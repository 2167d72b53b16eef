// Positions of JSON Pointers in a text: what the policy problems give as line and column.
#include <doctest/doctest.h>

#include <string>

#include "json_position.hpp"

using gongji::detail::position_of;

namespace {

std::string at(std::string_view text, std::string_view pointer) {
  const auto position = position_of(text, pointer);
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

const char* const kFile = R"({
  "region": "110000",
  "name": { "zh-CN": "北京市", "en": "Beijing" },
  "rules": {
    "notes": [ { "zh-CN": "…" } ],
    "relations": [
      { "from": "2021-04-22", "value": [] },
      {
        "from": "2022-12-01", "until": "2024-11-30",
        "value": ["spouse", "parent"],
        "a/b~c": 1
      }
    ]
  }
})";

}  // namespace

TEST_CASE("a member is found at its key, an element at its first character") {
  CHECK(at(kFile, "") == "1:1");
  CHECK(at(kFile, "/region") == "2:3");
  CHECK(at(kFile, "/rules/relations") == "6:5");
  CHECK(at(kFile, "/rules/relations/0") == "7:7");
  CHECK(at(kFile, "/rules/relations/0/value") == "7:31");
  CHECK(at(kFile, "/rules/relations/1/until") == "9:31");
  CHECK(at(kFile, "/rules/relations/1/value/1") == "10:29");
  CHECK(at(kFile, "/rules/relations/1/a~1b~0c") == "11:9");
}

TEST_CASE("columns count characters, not bytes") {
  CHECK(at(kFile, "/name/en") == "3:29");
}

TEST_CASE("a pointer to nothing is placed at the nearest ancestor that exists") {
  // A missing field is reported at the object that lacks it.
  CHECK(at(kFile, "/rules/relations/0/sources") == "7:7");
  CHECK(at(kFile, "/rules/relations/5") == "6:5");
  CHECK(at(kFile, "/rules/wallet/0") == "4:3");
  // A key of the same name elsewhere is not on the path.
  CHECK(at(R"({"a": {"x": 1}, "b": {"c": 2}})", "/a/c") == "1:2");
  CHECK(at(R"({"a": 1, "b": {"c": 2}})", "/a/c") == "1:2");
}

TEST_CASE("a text that is not JSON gives the best place found before the error") {
  CHECK(at(R"({"a": {"b": )", "/a/b") == "1:8");
  CHECK(at("", "/a") == "1:1");
}
