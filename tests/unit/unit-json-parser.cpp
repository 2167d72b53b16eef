// The JSON parser reads exactly what nlohmann::json::parse reads: the same texts accepted and
// refused, the same values — on hand-picked edge cases of RFC 8259 and on many mutations of real
// requests and policy files.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/json_differential.hpp"
#include "gongji/json.hpp"

using gongji::testing::compare_with_nlohmann;

namespace {

void check_agrees(const std::string& text) {
  const auto verdict = compare_with_nlohmann(text);
  CAPTURE(text);
  CAPTURE(verdict.why);
  CHECK(verdict.agree);
}

std::vector<std::string> seed_documents() {
  std::vector<std::string> seeds;
  const std::filesystem::path root(GONGJI_SOURCE_DIR);
  for (const auto& dir : {root / "tests" / "cases", root / "policies"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream file(entry.path(), std::ios::binary);
      std::stringstream text;
      text << file.rdbuf();
      if (text.str().size() < 20000) seeds.push_back(text.str());
    }
  }
  return seeds;
}

}  // namespace

TEST_CASE("edge cases of the grammar are read as nlohmann reads them") {
  for (const std::string& text : std::vector<std::string>{
           // values and whitespace
           "0", "-0", "1", "-1", "true", "false", "null", " \t\r\n1\n", "\"\"", "[]", "{}", "[ ]",
           "{ }", "[[[]]]", "{\"a\":{\"b\":[1,{\"c\":null}]}}", "\xEF\xBB\xBF{}",
           // numbers
           "18446744073709551615", "18446744073709551616", "-9223372036854775808",
           "-9223372036854775809", "1.5", "-1.5e3", "1E+2", "1e-2", "0.0", "1e400", "-1e400",
           "123456789012345678901234567890", "1.7976931348623157e308", "4.9e-324", "1e-400", "01",
           "-", "-a", "1.", ".5", "1e", "1e+", "+1", "0x10", "1 2", "--1", "1.0e+", "2.e3",
           // strings and escapes
           "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0041\\u00e9\\u4e2d\"", "\"\\u0000\"",
           "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"",
           "\"\\u12\"", "\"\\uZZZZ\"", "\"\\x\"", "\"\\\"", "\"abc", "\"a\tb\"", "\"a\nb\"",
           "\"\x7f\"", "\"\xc3\xa9\"", "\"\xe4\xb8\xad\"", "\"\xf0\x9f\x98\x80\"", "\"\xc3\"",
           "\"\xc0\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe0\x80\x80\"",
           "\"\xff\"", "\"\x80\"", "\"\xf0\x8f\xbf\xbf\"", "\"\xef\xbf\xbf\"",
           // structure
           "", " ", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\" 1}",
           "{\"a\":}", "{1:2}", "{'a':1}", "[1 2]", "{\"a\":1 \"b\":2}", "{\"a\":1}}", "[1]]",
           "{\"a\":1,\"a\":2}", "nul", "tru", "falsey", "NaN", "Infinity", "[true false]",
           "\xEF\xBB\xBF\xEF\xBB\xBF{}", "\xEF\xBB{}", "\xEF", "{} x", std::string("{}\0", 3),
           std::string("\"a\0b\"", 5)}) {
    check_agrees(text);
  }
}

TEST_CASE("mutations of real requests and policy files are read as nlohmann reads them") {
  // Deterministic: the same mutations on every run (xorshift64).
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const std::string interesting =
      "{}[]\",:\\/ \t\n0123456789-+.eEtrufalsn\x80\xbf\xc3\xe4\xed\xf0\xff";
  int checked = 0;
  for (const std::string& seed : seed_documents()) {
    for (int round = 0; round < 40; ++round) {
      std::string text = seed;
      for (int edits = 1 + static_cast<int>(next() % 3); edits > 0 && !text.empty(); --edits) {
        const std::size_t at = next() % text.size();
        const char byte = interesting[next() % interesting.size()];
        switch (next() % 4) {
          case 0:
            text[at] = byte;
            break;
          case 1:
            text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
            break;
          case 2:
            text.erase(at, 1 + next() % 4);
            break;
          default:
            text = text.substr(0, at);
            break;
        }
      }
      const auto verdict = compare_with_nlohmann(text);
      if (!verdict.agree) {
        CAPTURE(text);
        CAPTURE(verdict.why);
        FAIL("the parsers disagree");
      }
      ++checked;
    }
    check_agrees(seed);  // and each seed unchanged
  }
  CHECK(checked > 1000);
}
