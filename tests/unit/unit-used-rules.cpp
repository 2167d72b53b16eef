// Warnings come from the rules each step records as used, not from the lookups it made: a rule
// only looked at (to decide whether a reason applies) warns of nothing, and the order in which
// steps use rules never changes what the warnings say or cite.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "gongji/evaluate.hpp"

using namespace gongji;
using detail::Context;

namespace {

// 郑州 states few rules of its own: the national ones answer for it, with warnings. A mother in
// 河北 reaches the holder through the wallet.
Request zhengzhou_family(const std::string& relation = "parent") {
  const std::string json =
      R"({"as_of": "2026-06-01", "lang": "zh-CN",
          "holder": {"region": "410100", "scheme": "employee", "status": "employed",
                     "balance_fen": 300000},
          "members": [{"id": "m", "relation": ")" +
      relation + R"(", "age": 70, "scheme": "employee", "region": "130100"}]})";
  auto read = read_request(json, *default_policies(), *parse_date("2026-06-01"));
  REQUIRE(std::holds_alternative<Request>(read));
  return std::get<Request>(read);
}

std::vector<Reason> warnings_of(Context& context) {
  std::vector<Reason> warnings;
  detail::add_policy_warnings(context, warnings);
  detail::add_start_warnings(context, warnings);
  return warnings;
}

bool any_mentions(const std::vector<Reason>& warnings, const std::string& words) {
  for (const Reason& warning : warnings) {
    if (warning.text.find(words) != std::string::npos) return true;
  }
  return false;
}

// Rules of several kinds, on the holder's chain and a relative's, several with warnings of
// their own in 郑州 (national fallback, third-party only, unconfirmed, a known-since start).
void use_some(Context& context, bool reversed) {
  const detail::ResolvedRegion& relative = context.member_regions[0];
  std::vector<std::function<void()>> steps = {
      [&] { context.use("holder_account"); },
      [&] { context.use("shareable_part"); },
      [&] { context.use("pooling"); },
      [&] { context.use("in_province"); },
      [&] { context.use("wallet"); },
      [&] { context.use_in(relative, "wallet"); },
      [&] { context.use("wallet_limits"); },
      [&] { context.use("member_cap_total"); },
      [&] { context.use("face_verification_age"); },
      [&] { context.use("use.outpatient"); },
      [&] { context.use("use.resident_contribution"); },
      [&] { context.use("documents"); },
      [&] {
        for (const RuleEntry* notes : context.rules_all_layers("notes")) {
          context.used("notes", *notes);
        }
      },
  };
  if (reversed) std::reverse(steps.begin(), steps.end());
  for (auto& step : steps) step();
}

}  // namespace

TEST_CASE("a rule looked up but not used records nothing and warns of nothing") {
  const Request request = zhengzhou_family();
  Context context(request, *default_policies());
  for (const char* key : {"holder_account", "pooling", "member_cap_total", "single_holder",
                          "face_verification_age", "wallet_limits", "documents"}) {
    context.rule(key);
  }
  context.rule_in(context.member_regions[0], "wallet");
  context.rule_if_any("holder_order");
  context.rules_all_layers("notes");
  CHECK(context.uses_in_order().empty());
  CHECK(warnings_of(context).empty());
}

TEST_CASE("the same rule, once used, is named by the national-rules warning") {
  const Request request = zhengzhou_family();
  Context peeked(request, *default_policies());
  peeked.use("holder_account");
  peeked.rule("member_cap_total");
  Context used(request, *default_policies());
  used.use("holder_account");
  used.used("member_cap_total", used.rule("member_cap_total"));

  const std::string caps = used.texts.label("rule", "member_cap_total");
  CHECK_FALSE(any_mentions(warnings_of(peeked), caps));
  CHECK(any_mentions(warnings_of(used), caps));
  CHECK(peeked.uses_in_order().size() == 1);
  CHECK(used.uses_in_order().size() == 2);
}

TEST_CASE(
    "two orders of the same uses give the same warnings, word for word and source for source") {
  const Request request = zhengzhou_family();
  Context forward(request, *default_policies());
  Context backward(request, *default_policies());
  use_some(forward, false);
  use_some(backward, true);
  const std::vector<Reason> a = warnings_of(forward);
  const std::vector<Reason> b = warnings_of(backward);
  REQUIRE(a.size() >= 3);  // national rules, third-party only, unconfirmed or start dates
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CAPTURE(a[i].text);
    CHECK(a[i].code == b[i].code);
    CHECK(a[i].text == b[i].text);
    CHECK(a[i].sources == b[i].sources);
  }
}

TEST_CASE("a use is kept once, however often a step records it") {
  const Request request = zhengzhou_family();
  Context context(request, *default_policies());
  for (int i = 0; i < 5; ++i) context.use("pooling");
  context.use_in(context.member_regions[0], "pooling");  // a relative's chain: its own record
  CHECK(context.uses_in_order().size() == 2);
}

TEST_CASE("an answer warns of the member caps only where a relative came to be counted") {
  const PolicySet& policies = *default_policies();
  // A parent in 河北 may be bound through the wallet, so the caps count her; a parent-in-law is
  // never a near relative, so no cap is ever applied to her.
  const Answer parent = evaluate_request(zhengzhou_family("parent"), policies);
  const Answer in_law = evaluate_request(zhengzhou_family("parent_in_law"), policies);
  REQUIRE(parent.members.size() == 1);
  REQUIRE(in_law.members.size() == 1);
  CHECK_FALSE(in_law.members[0].eligible);
  REQUIRE(parent.members[0].eligible);
  // The national-rules warning names the rules it takes from the nation by what the answer used
  // (past three it names only the first two and counts the rest): the caps are used for the
  // parent alone.
  const auto uses_caps = [&](const Request& request) {
    Context context(request, policies);
    std::vector<Reason> warnings;
    std::vector<detail::MemberBinding> bindings;
    const HolderResult holder = detail::decide_holder(context, warnings);
    detail::decide_members(context, holder, bindings, warnings);
    const auto& uses = context.uses_in_order();
    return std::any_of(uses.begin(), uses.end(),
                       [](const detail::UsedRule& use) { return use.key == "member_cap_total"; });
  };
  CHECK_FALSE(uses_caps(zhengzhou_family("parent_in_law")));
  CHECK(uses_caps(zhengzhou_family("parent")));
}
