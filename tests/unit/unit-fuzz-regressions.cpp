// Every input the fuzzers ever crashed on (tests/fuzz/regressions/) still gets a clean answer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {
std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

TEST_CASE("fuzz regressions for evaluate answer JSON") {
  int count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(GONGJI_SOURCE_DIR "/tests/fuzz/regressions/evaluate")) {
    const std::string answer =
        evaluate(read(entry.path()), *default_policies(), *parse_date("2026-06-01"));
    CHECK_FALSE(Json::parse(answer, nullptr, false).is_discarded());
    ++count;
  }
  CHECK(count > 0);
}

TEST_CASE("fuzz regressions for the policy loader are refused or loaded, never crash") {
  int count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(GONGJI_SOURCE_DIR "/tests/fuzz/regressions/policy")) {
    std::vector<PolicyFile> files = embedded_policy_files();
    for (auto& file : files) {
      if (file.path == "regions/110000.json") file.text = read(entry.path());
    }
    const PolicyLoad load = load_policies(files);
    CHECK((load.policies != nullptr) == load.problems.empty());
    ++count;
  }
  CHECK(count > 0);
}
