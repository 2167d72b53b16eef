// libFuzzer target: any bytes as one region policy file (in place of regions/110000.json) in the
// embedded set. Properties: the loader never throws or crashes, refuses with at least one problem
// or accepts a set that then evaluates a request without failing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<gongji::PolicyFile> files = gongji::embedded_policy_files();
  for (auto& file : files) {
    if (file.path == "regions/110000.json")
      file.text.assign(reinterpret_cast<const char*>(data), size);
  }
  const gongji::PolicyLoad load = gongji::load_policies(files);
  if (!load.policies) {
    if (load.problems.empty()) std::abort();
    return 0;
  }
  const std::string answer = gongji::evaluate(
      R"({"holder":{"region":"110000","scheme":"employee","balance_fen":1000},
          "members":[{"relation":"parent","age":70,"scheme":"resident","region":"130100"}],
          "expenses":[{"member":"m1","kind":"outpatient","amount_fen":500}]})",
      *load.policies, *gongji::parse_date("2026-06-01"));
  if (nlohmann::json::parse(answer, nullptr, false).is_discarded()) std::abort();
  return 0;
}
