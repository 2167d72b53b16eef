// Properties of every answer: money adds up, integers only, deterministic, never throws.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

const char* const kRegions[] = {"110000", "310000", "410100", "410300", "440100", "440300",
                                "330100", "370100", "420100", "510100", "620100", "650100",
                                "210200", "520100", "130100", "460100", "320500", "120000"};
const char* const kDates[] = {"2020-06-01", "2022-12-01", "2024-06-01", "2024-12-15",
                              "2025-10-01", "2026-06-01", "2027-12-31"};

template <typename T, std::size_t N>
const T& pick(std::mt19937_64& random, const T (&items)[N]) {
  return items[random() % N];
}

// The contract's own spellings, from request.hpp.
template <std::size_t N>
std::string pick(std::mt19937_64& random, const std::array<std::string_view, N>& names) {
  return std::string(names[random() % N]);
}

// A family of `members` with `expenses`, drawn deterministically from `random`.
Json random_request(std::mt19937_64& random, int members, int expenses, int64_t max_fen) {
  Json request;
  request["as_of"] = pick(random, kDates);
  request["holder"] = {{"region", pick(random, kRegions)},
                       {"scheme", pick(random, kSchemeNames)},
                       {"balance_fen", static_cast<int64_t>(random() % (max_fen + 1))}};
  // The 历年 part is part of the balance: at most all of it (more is refused at its field).
  if (random() % 3 == 0) {
    const int64_t balance = request["holder"]["balance_fen"].get<int64_t>();
    request["holder"]["prior_years_balance_fen"] =
        static_cast<int64_t>(random() % static_cast<uint64_t>(balance + 1));
  }
  if (random() % 4 == 0)
    request["holder"]["authorized_limit_fen"] = static_cast<int64_t>(random() % (max_fen + 1));
  request["members"] = Json::array();
  for (int i = 0; i < members; ++i) {
    request["members"].push_back(
        {{"id", "m" + std::to_string(i + 1)},
         {"relation", pick(random, kRelationNames)},
         {"age", static_cast<int>(random() % 100)},
         {"scheme", pick(random, kSchemeNames)},
         {"region", pick(random, kRegions)},
         {"own_balance_fen", static_cast<int64_t>(random() % (max_fen + 1))},
         {"bound_to_other_holder", random() % 5 == 0}});
  }
  request["expenses"] = Json::array();
  for (int i = 0; i < expenses; ++i) {
    const int who = static_cast<int>(random() % (members + 1));
    request["expenses"].push_back(
        {{"member", who == members ? std::string("holder") : "m" + std::to_string(who + 1)},
         {"kind", pick(random, kExpenseKindNames)},
         {"amount_fen", 1 + static_cast<int64_t>(random() % max_fen)},
         {"designated", random() % 6 != 0}});
  }
  return request;
}

void check_invariants(const Json& request, const Json& answer) {
  REQUIRE(answer["ok"] == true);
  const Json& pool = answer["pool"];
  CHECK(pool["start_fen"] == answer["holder"]["shareable_fen"]);
  CHECK(pool["start_fen"].get<int64_t>() - pool["used_fen"].get<int64_t>() ==
        pool["remaining_fen"].get<int64_t>());
  CHECK(pool["remaining_fen"].get<int64_t>() >= 0);
  int64_t drawn = 0;
  for (std::size_t i = 0; i < answer["expenses"].size(); ++i) {
    const Json& expense = answer["expenses"][i];
    const int64_t own = expense["from_own_fen"], holder = expense["from_holder_fen"],
                  out = expense["out_of_pocket_fen"];
    CHECK(own >= 0);
    CHECK(holder >= 0);
    CHECK(out >= 0);
    CHECK(own + holder + out == request["expenses"][i]["amount_fen"].get<int64_t>());
    if (!expense["allowed"].get<bool>()) CHECK(out == expense["amount_fen"].get<int64_t>());
    drawn += holder;
  }
  // The pool shrinks by what members drew, plus any shrink from the holder's own spending.
  CHECK(pool["used_fen"].get<int64_t>() >= drawn);
  const bool can_share = answer["holder"]["can_share"];
  for (const Json& member : answer["members"]) {
    if (!member["eligible"].get<bool>()) CHECK(member["usable_fen"] == 0);
    CHECK(member["usable_fen"].get<int64_t>() <= pool["start_fen"].get<int64_t>());
    if (!can_share) CHECK(member["eligible"] == false);
    CHECK(!member["reasons"].empty());
  }
}

}  // namespace

TEST_CASE("random families: money always adds up and every answer is well formed") {
  std::mt19937_64 random(20261129);
  const PolicySet& policies = *default_policies();
  for (int round = 0; round < 400; ++round) {
    const Json request = random_request(random, static_cast<int>(random() % 21),
                                        static_cast<int>(random() % 30), 1'000'000);
    const std::string text = evaluate(request.dump(), policies, *parse_date("2026-06-01"));
    CAPTURE(request.dump());
    check_invariants(request, Json::parse(text));
    // Integers only: no number in the answer has a fraction or an exponent.
    const Json parsed = Json::parse(text);
    CHECK(parsed.dump() == text);
    CHECK(text.find(".0,") == std::string::npos);
  }
}

TEST_CASE("at the limits: 20 members with maximal balances and 200 maximal expenses") {
  Json request;
  request["as_of"] = "2026-06-01";
  request["holder"] = {{"region", "410100"}, {"scheme", "employee"}, {"balance_fen", kMaxFen}};
  request["members"] = Json::array();
  for (int i = 0; i < 20; ++i) {
    request["members"].push_back({{"id", "m" + std::to_string(i)},
                                  {"relation", "sibling"},
                                  {"age", 40},
                                  {"scheme", "employee"},
                                  {"own_balance_fen", kMaxFen}});
  }
  request["expenses"] = Json::array();
  for (int i = 0; i < 200; ++i) {
    request["expenses"].push_back(
        {{"member", "m" + std::to_string(i % 20)}, {"kind", "inpatient"}, {"amount_fen", kMaxFen}});
  }
  const Json answer =
      Json::parse(evaluate(request.dump(), *default_policies(), *parse_date("2026-06-01")));
  check_invariants(request, answer);
  // Each member's own account pays its first bill; the holder's pool pays exactly one more.
  int64_t own = 0, holder = 0, out = 0;
  for (const Json& expense : answer["expenses"]) {
    own += expense["from_own_fen"].get<int64_t>();
    holder += expense["from_holder_fen"].get<int64_t>();
    out += expense["out_of_pocket_fen"].get<int64_t>();
  }
  CHECK(own == 20 * kMaxFen);
  CHECK(holder == kMaxFen);
  CHECK(out == 179 * kMaxFen);
  CHECK(answer["pool"]["remaining_fen"] == 0);
}

TEST_CASE("the same request always gives the same bytes") {
  std::mt19937_64 random(7);
  const PolicySet& policies = *default_policies();
  for (int round = 0; round < 20; ++round) {
    const std::string text = random_request(random, 5, 5, 500000).dump();
    CHECK(evaluate(text, policies, *parse_date("2026-06-01")) ==
          evaluate(text, policies, *parse_date("2026-06-01")));
  }
}

TEST_CASE("arbitrary bytes never throw and always answer JSON") {
  std::mt19937_64 random(99);
  const std::string seed =
      R"({"holder":{"region":"410100","scheme":"employee","balance_fen":5},"members":[{"relation":"child","age":3,"scheme":"resident"}]})";
  for (int round = 0; round < 2000; ++round) {
    std::string text = seed;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          text.erase(at, 1 + random() % 5);
          break;
        default:
          text.insert(at, 1, "{}[]\",:0-e\\"[random() % 12]);
          break;
      }
      if (text.empty()) text = " ";
    }
    std::string answer;
    CHECK_NOTHROW(answer = evaluate(text));
    const Json parsed = Json::parse(answer, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed.contains("ok"));
  }
}
