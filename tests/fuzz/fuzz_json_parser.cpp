// libFuzzer target: any bytes into the JSON parser and into nlohmann::json::parse, the reader it
// replaced. Property: both accept the same texts and read the same values.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "gongji/json.hpp"
#include "json_differential.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto verdict = gongji::testing::compare_with_nlohmann(text);
  if (!verdict.agree) {
    std::fprintf(stderr, "the parsers disagree: %s\n", verdict.why.c_str());
    std::abort();
  }
  return 0;
}
