// Every reason an answer gives says what it is (`role`: why, why_not, how, warning), from one list
// in reason_roles.cpp; the page reads the role, never a reason's position.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "answer_writer.hpp"
#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

// Every reason of an answer, wherever it sits (holder, members, expenses, plan), warnings apart.
void collect(const Json& value, bool in_warnings, std::vector<std::pair<Json, bool>>& out) {
  if (value.is_object()) {
    for (const auto& [key, field] : value.items()) {
      if (key == "reasons" || key == "warnings") {
        for (const Json& reason : field) out.emplace_back(reason, key == "warnings");
      } else {
        collect(field, in_warnings, out);
      }
    }
  } else if (value.is_array()) {
    for (const Json& item : value) collect(item, in_warnings, out);
  }
}

}  // namespace

TEST_CASE("the lists of reason codes are sorted, so that each is found") {
  CHECK(detail::reason_roles_sorted());
  CHECK(detail::plan_roles_sorted());
}

TEST_CASE("a code is listed once: the plan's own codes are not in the single answer's list") {
  CHECK_FALSE(detail::listed_role("plan.only_holder"));
  CHECK(detail::plan_role("plan.only_holder") == ReasonRole::why);
  CHECK_FALSE(detail::plan_role("member.uninsured"));
}

TEST_CASE("every reason of every case's answer has a listed role, and warnings are warnings") {
  const auto policies = default_policies();
  REQUIRE(policies != nullptr);
  std::set<std::string> unlisted;
  std::size_t reasons = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(
           std::string(GONGJI_SOURCE_DIR) + "/tests/cases")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const Json file = Json::parse(text.str());
    // A file holds one case, or several under "cases".
    const Json cases = file.contains("cases") ? file["cases"] : Json::array({file});
    for (const Json& one : cases) {
      if (!one.contains("request")) continue;
      for (const char* lang : {"zh-CN", "en"}) {
        Json request = one["request"];
        if (request.is_object()) request["lang"] = lang;
        const Json answer =
            Json::parse(evaluate(request.dump(), *policies, parse_date("2026-06-01").value()));
        std::vector<std::pair<Json, bool>> found;
        collect(answer, false, found);
        for (const auto& [reason, in_warnings] : found) {
          ++reasons;
          const std::string code = reason["code"].get<std::string>();
          const std::string role = reason["role"].get<std::string>();
          if (in_warnings) {
            CHECK_MESSAGE(role == "warning", code);
          } else if (const auto listed = detail::listed_role(code) ? detail::listed_role(code)
                                                                   : detail::plan_role(code)) {
            CHECK(role == name_of(*listed, kReasonRoleNames));
          } else {
            unlisted.insert(code);
          }
        }
      }
    }
  }
  CHECK(reasons > 1000);
  std::string all;
  for (const std::string& code : unlisted) all += code + " ";
  CHECK_MESSAGE(unlisted.empty(), "codes without a role in reason_roles.cpp: " << all);
}
