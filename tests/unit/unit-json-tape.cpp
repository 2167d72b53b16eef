// The request's tape holds exactly the document parse_json_limited builds, and fails exactly as it
// fails (kind, byte offset, JSON Pointer) under the same limits: on hand-picked texts, on every
// case file, and on truncations, duplicate keys, wide objects and deep nesting made from them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "json_limits.hpp"
#include "json_tape.hpp"

using gongji::Json;
using gongji::detail::JsonFailure;
using gongji::detail::JsonLimits;
using gongji::detail::JsonTape;

namespace {

Json document(JsonTape::Value value) {
  if (value.is_object()) {
    Json object = Json::object();
    for (const auto& [key, field] : value.items()) object[std::string(key)] = document(field);
    return object;
  }
  if (value.is_array()) {
    Json array = Json::array();
    for (const JsonTape::Value item : value.elements()) array.push_back(document(item));
    return array;
  }
  if (value.is_string()) return std::string(value.string());
  if (value.is_boolean()) return value.boolean();
  if (value.is_number_unsigned()) return value.unsigned_integer();
  if (value.is_number_integer()) return value.integer();
  if (value.is_number_float()) return value.floating();
  return nullptr;
}

void check_same(const std::string& text, const JsonLimits& limits) {
  CAPTURE(text);
  const auto built = gongji::detail::parse_json_limited(text, limits);
  const auto taped = gongji::detail::read_json_tape(text, limits);
  REQUIRE(built.index() == taped.index());
  if (const auto* failure = std::get_if<JsonFailure>(&built)) {
    const auto& other = std::get<JsonFailure>(taped);
    CHECK(static_cast<int>(failure->kind) == static_cast<int>(other.kind));
    CHECK(failure->offset == other.offset);
    CHECK(failure->path == other.path);
    return;
  }
  const Json& expected = std::get<Json>(built);
  const Json got = document(std::get<JsonTape>(taped).root());
  CHECK(got == expected);
  CHECK(got.dump() == expected.dump());
}

const JsonLimits kRequest{1024 * 1024, 32, 64};
const JsonLimits kTight{4096, 4, 3};

void check_both(const std::string& text) {
  check_same(text, kRequest);
  check_same(text, kTight);
}

std::vector<std::string> case_requests() {
  std::vector<std::string> requests;
  const std::filesystem::path root(GONGJI_SOURCE_DIR);
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root / "tests" / "cases")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    const Json parsed = Json::parse(text.str(), nullptr, false);
    if (!parsed.is_object()) continue;
    // A file holds one case, or several under "cases".
    const Json cases = parsed.contains("cases") ? parsed["cases"] : Json::array({parsed});
    for (const Json& one : cases) {
      if (!one.is_object() || !one.contains("request")) continue;
      const Json& request = one["request"];
      requests.push_back(request.is_string() ? request.get<std::string>() : request.dump(2));
    }
  }
  CHECK(requests.size() > 200);
  return requests;
}

}  // namespace

TEST_CASE("hand-picked texts: values, escapes, limits and their pointers") {
  for (const std::string& text : std::vector<std::string>{
           "",
           " ",
           "null",
           "true",
           "-0",
           "18446744073709551615",
           "18446744073709551616",
           "-9223372036854775808",
           "-9223372036854775809",
           "1.5e3",
           "1e400",
           "\"\\u00e9\\ud83d\\ude00\"",
           "{}",
           "[]",
           "[[]]",
           "{\"a\":{\"b\":[1,{\"c\":[]}]}}",
           "{\"a\":1,\"a\":2}",
           "{\"a~b/c\":{\"x\":1,\"x\":2}}",
           "{\"a\":[{},{\"k\":1,\"k\":1}]}",
           "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}",
           "{\"o\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}",
           "[[[[[1]]]]]",
           "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}",
           "{\"a\":[[],[[[[]]]]]}",
           "{\"k\\u0065y\":1,\"key\":2}",
           "{\"a\":1,}",
           "[1 2]",
           "{\"a\" 1}",
           "\xEF\xBB\xBF{}",
           "{\"s\":\"\xC3\"}",
           "{\"s\":\"\t\"}",
           std::string(600, '['),
       }) {
    check_both(text);
  }
}

TEST_CASE("every case request, whole, truncated, with duplicate and extra keys, and nested") {
  for (const std::string& request : case_requests()) {
    check_both(request);
    for (std::size_t cut = 0; cut < request.size(); cut += 7) check_both(request.substr(0, cut));
    const auto brace = request.find('{', 1);
    if (brace != std::string::npos) {
      check_both(request.substr(0, brace + 1) + "\"id\":1,\"id\":2," + request.substr(brace + 1));
      std::string wide = request.substr(0, brace + 1);
      for (int i = 0; i < 70; ++i)
        wide += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
      check_both(wide + request.substr(brace + 1));
      check_both(request.substr(0, brace) + std::string(40, '[') + "1" + std::string(40, ']') +
                 request.substr(request.find('}', brace) + 1));
    }
  }
}
