// The bundle the build writes for the page holds the same rules as the embedded set, and installing
// a bundle replaces the default set only when it is valid.
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

// Restores the embedded set when a test that installs another ends.
struct RestoreDefault {
  std::shared_ptr<const PolicySet> saved = default_policies();
  ~RestoreDefault() { install_policies(saved); }
};

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

TEST_CASE("installing a valid bundle makes it the default; a bad one changes nothing") {
  RestoreDefault restore;
  const std::string bundle = built_bundle();

  const std::string ok = install_policy_bundle(bundle);
  CHECK(ok == R"({"ok":true,"version":")" + restore.saved->version + R"("})");
  CHECK(default_policies() != restore.saved);
  CHECK(default_policies()->version == restore.saved->version);
  const auto installed = default_policies();

  CHECK(
      install_policy_bundle("version.json\n{}") ==
      R"({"ok":false,"problems":["(bundle): (whole file): each file needs a line with its path and one with its JSON [policy.malformed_bundle]"]})");
  CHECK(install_policy_bundle("") ==
        R"({"ok":false,"problems":["(bundle): (whole file): is empty [policy.empty_bundle]"]})");
  std::string broken = bundle;
  broken.replace(broken.find("\"version\":"), 10, "\"versio\":");
  const std::string refused = install_policy_bundle(broken);
  CHECK(refused.rfind(R"({"ok":false,"problems":["version.json)", 0) == 0);
  CHECK(default_policies() == installed);
}

TEST_CASE("without a default set, evaluate answers an error instead of failing") {
  RestoreDefault restore;
  install_policies(nullptr);
  const std::string answer = evaluate(kRequest);
  CHECK(answer.find(R"("ok":false)") != std::string::npos);
}
