// The bundle the build writes (from which the WebAssembly build writes the page's policy image)
// holds the same rules as the embedded set.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "gongji/evaluate.hpp"

using namespace gongji;

namespace {

std::string built_bundle() {
  std::ifstream in(GONGJI_POLICY_BUNDLE, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const char* const kRequest =
    R"({"as_of":"2026-06-01","holder":{"region":"410100","scheme":"employee","balance_fen":300000},)"
    R"("members":[{"id":"m","relation":"parent","age":66,"scheme":"resident","region":"110000"}],)"
    R"("expenses":[{"member":"m","kind":"outpatient","amount_fen":20000}]})";

}  // namespace

TEST_CASE("the built bundle loads into the embedded rules and gives the same answers") {
  std::vector<PolicyProblem> problems;
  const std::vector<PolicyFile> files = read_policy_bundle(built_bundle(), problems);
  REQUIRE(problems.empty());
  CHECK(files.size() == embedded_policy_files().size());
  const PolicyLoad load = load_policies(files);
  REQUIRE(load.policies);
  const PolicySet& embedded = *default_policies();
  CHECK(load.policies->version == embedded.version);
  CHECK(load.policies->regions.size() == embedded.regions.size());
  CHECK(load.policies->sources.size() == embedded.sources.size());
  const Date today = *parse_date("2026-06-01");
  CHECK(evaluate(kRequest, *load.policies, today) == evaluate(kRequest, embedded, today));
}
