// The household plan: the kinship table is the contract's, the reader's errors point into
// /household, and over generated households the plan keeps the contract's promises — nobody is
// bound to a holder who cannot serve them, no cap is exceeded, at least as many are covered as by
// any one holder alone, and (on small households, against every assignment there is) the most
// people are covered and the tie rules pick the plan.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/household.hpp"
#include "gongji/json.hpp"

using namespace gongji;

namespace {

const PolicySet& policies() {
  return *default_policies();
}

std::vector<std::string> split_row(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  std::getline(in, cell, '|');  // before the first bar
  while (std::getline(in, cell, '|')) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  if (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

}  // namespace

TEST_CASE("the kinship table is the contract's, cell for cell") {
  std::ifstream file(std::string(GONGJI_SOURCE_DIR) + "/../shared/contract/household.md");
  if (!file) {
    MESSAGE("../shared/contract/household.md is not here; table not compared");
    return;
  }
  std::string line;
  std::vector<std::string> columns;
  int rows = 0;
  while (std::getline(file, line)) {
    if (line.rfind("| P's role", 0) == 0) {
      columns = split_row(line);
      columns.erase(columns.begin());
      continue;
    }
    if (columns.empty() || line.rfind("|", 0) != 0 || line.rfind("|---", 0) == 0) continue;
    const std::vector<std::string> cells = split_row(line);
    const auto person = enum_from<Role>(cells.front(), kRoleNames);
    REQUIRE_MESSAGE(person, cells.front());
    REQUIRE(cells.size() == columns.size() + 1);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto holder = enum_from<Role>(columns[c], kRoleNames);
      REQUIRE_MESSAGE(holder, columns[c]);
      CHECK_MESSAGE(kinship_cell(*person, *holder) == cells[c + 1], cells.front()
                                                                        << " / " << columns[c]);
    }
    ++rows;
  }
  CHECK(rows == 14);
  CHECK(columns.size() == 11);
}

// The page carries a calculator's family to the household form by these (the vocabulary's page
// copy lists them under each role): every member relation has a role, and only the relations with
// two roles (a parent's side, a parent-in-law's) are chosen by order.
TEST_CASE("every member relation is some household role's relation to self") {
  std::map<Relation, std::vector<Role>> roles_of;
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    const auto role = static_cast<Role>(i);
    for (const Relation relation : relations_to_self(role)) roles_of[relation].push_back(role);
  }
  CHECK(relations_to_self(Role::self).empty());
  CHECK(roles_of[Relation::spouse] == std::vector{Role::spouse});
  CHECK(roles_of[Relation::parent] == std::vector{Role::father, Role::mother});
  CHECK(roles_of[Relation::parent_in_law] == std::vector{Role::spouse_father, Role::spouse_mother});
  CHECK(roles_of[Relation::child] == std::vector{Role::child});
  CHECK(roles_of[Relation::sibling] == std::vector{Role::sibling});
  CHECK(roles_of[Relation::grandparent] == std::vector{Role::paternal_grandparent});
  CHECK(roles_of[Relation::maternal_grandparent] == std::vector{Role::maternal_grandparent});
  // 孙辈 is both sides' grandchildren: the household has one role for them.
  CHECK(roles_of[Relation::grandchild] == std::vector{Role::grandchild});
  CHECK(roles_of[Relation::maternal_grandchild] == std::vector{Role::grandchild});
  // A child's spouse and a spouse's sibling are `other` to self, but `other` is carried as other.
  CHECK(roles_of[Relation::other] == std::vector{Role::other});
  CHECK(roles_of.size() == kRelationNames.size());
}

TEST_CASE("a line through self takes the other side's word when self is a woman") {
  CHECK(relation_between(Role::child, Role::father, std::nullopt) == Relation::grandchild);
  CHECK(relation_between(Role::child, Role::father, Sex::male) == Relation::grandchild);
  CHECK(relation_between(Role::child, Role::father, Sex::female) == Relation::maternal_grandchild);
  CHECK(relation_between(Role::spouse_mother, Role::child, Sex::female) == Relation::grandparent);
  CHECK(relation_between(Role::spouse_mother, Role::self, Sex::female) == Relation::parent_in_law);
  CHECK(relation_between(Role::self, Role::child_spouse, std::nullopt) == Relation::parent_in_law);
  CHECK(relation_between(Role::spouse, Role::grandchild, std::nullopt) == Relation::grandparent);
  CHECK(relation_between(Role::father, Role::grandchild, std::nullopt) == Relation::other);
}

TEST_CASE("household errors name the field by its pointer into /household") {
  const Date today = date_from_ymd(2026, 6, 1);
  auto path_of = [&](const std::string& text) {
    const Json answer = Json::parse(evaluate(text, policies(), today));
    REQUIRE(answer["ok"] == false);
    return answer["error"]["path"].get<std::string>();
  };
  const std::string self =
      R"({"id":"me","role":"self","age":40,"scheme":"employee","region":"110000"})";
  CHECK(path_of(R"({"household":{}})") == "/household/people");
  CHECK(path_of(R"({"household":{"people":[]}})") == "/household/people");
  CHECK(
      path_of(
          R"({"household":{"people":[{"id":"k","role":"child","age":3,"scheme":"resident"}]}})") ==
      "/household/people");
  CHECK(path_of(R"({"household":{"people":[)" + self +
                R"(,{"id":"me","role":"child","age":3,"scheme":"resident"}]}})") ==
        "/household/people/1/id");
  CHECK(path_of(R"({"household":{"people":[)" + self +
                R"(,{"id":"k","role":"child","age":3,"scheme":"resident","sex":"male"}]}})") ==
        "/household/people/1/sex");
  CHECK(path_of(R"({"household":{"people":[)" + self +
                R"(,{"id":"k","role":"child","age":300,"scheme":"resident"}]}})") ==
        "/household/people/1/age");
  CHECK(path_of(R"({"household":{"people":[)" + self +
                R"(,{"id":"k","role":"child","scheme":"resident"}]}})") ==
        "/household/people/1/age");
  CHECK(
      path_of(R"({"household":{"people":[)" + self +
              R"(,{"id":"k","role":"spouse","age":3,"scheme":"resident","region":"999999"}]}})") ==
      "/household/people/1/region");
  CHECK(
      path_of(
          R"({"household":{"people":[)" + self +
          R"(,{"id":"a","role":"spouse","age":30,"scheme":"resident"},{"id":"b","role":"spouse","age":30,"scheme":"resident"}]}})") ==
      "/household/people/2/role");
  CHECK(path_of(R"({"household":{"people":[)" + self +
                R"(,{"id":"k","role":"spouse","age":30,"scheme":"employee","tier":"4"}]}})") ==
        "/household/people/1/tier");
  CHECK(path_of(R"({"household":{"people":[)" + self + R"(]},"members":[]})") == "/members");
  CHECK(path_of(R"({"household":{"people":[)" + self + R"(],"extra":1}})") == "/household/extra");
  std::string many = R"({"household":{"people":[)" + self;
  for (int i = 0; i < 20; ++i)
    many += R"(,{"id":"c)" + std::to_string(i) + R"(","role":"child","age":3,"scheme":"resident"})";
  const Json too_many = Json::parse(evaluate(many + "]}}", policies(), today));
  CHECK(too_many["error"]["code"] == "limit_exceeded");
  CHECK(too_many["error"]["path"] == "/household/people");
}

// ---- generated households ----

namespace {

const char* const kRegions[] = {"110000", "310000", "410100", "410300", "440100", "440300",
                                "330100", "370100", "370200", "420100", "510100", "210200",
                                "520100", "130100", "460100", "320500", "430100"};
const char* const kDates[] = {"2022-12-15", "2024-06-01", "2024-12-15", "2025-10-01",
                              "2026-06-01", "2026-06-01", "2026-06-01"};
constexpr Role kOtherRoles[] = {Role::spouse,
                                Role::father,
                                Role::mother,
                                Role::spouse_father,
                                Role::spouse_mother,
                                Role::child,
                                Role::child,
                                Role::child_spouse,
                                Role::grandchild,
                                Role::sibling,
                                Role::spouse_sibling,
                                Role::paternal_grandparent,
                                Role::maternal_grandparent,
                                Role::other};

template <typename T, std::size_t N>
const T& pick(std::mt19937_64& random, const T (&items)[N]) {
  return items[random() % N];
}

Person random_person(std::mt19937_64& random, Role role, const std::string& id) {
  Person person;
  person.id = id;
  person.role = role;
  person.age = static_cast<int32_t>(random() % 95);
  const int scheme = static_cast<int>(random() % 10);
  person.scheme = scheme < 4 ? Scheme::employee : scheme < 9 ? Scheme::resident : Scheme::none;
  person.status = static_cast<Status>(random() % 3);
  // Most live in self's region, some elsewhere: in the province, or another one.
  person.region = random() % 3 == 0 ? pick(random, kRegions) : "";
  if (person.scheme == Scheme::employee && random() % 4 == 0)
    person.tier = random() % 2 ? "1" : "2";
  person.balance_fen = static_cast<Fen>(random() % 5) * 100000;
  if (random() % 4 == 0) person.prior_years_balance_fen = static_cast<Fen>(random() % 4) * 100000;
  person.bound_to_other_holder = random() % 8 == 0;
  return person;
}

// A household of `size` people: self first, others with roles drawn so that the unique ones stay
// unique; some regions with caps are favoured, since caps are what make the search work.
HouseholdRequest random_household(std::mt19937_64& random, int size, bool cap_heavy = false) {
  HouseholdRequest household;
  household.as_of = *parse_date(cap_heavy ? "2026-06-01" : pick(random, kDates));
  household.lang = random() % 2 ? Lang::en : Lang::zh_CN;
  Person self = random_person(random, Role::self, "p0");
  self.region = random() % 3 == 0 ? "210200" : random() % 2 ? "370100" : pick(random, kRegions);
  if (cap_heavy) {
    // One or two holders in a city with caps, and many children and siblings to bind.
    self.region = random() % 2 ? "210200" : "370100";
    self.scheme = Scheme::employee;
    self.has_personal_account = true;
  }
  if (random() % 2) self.sex = random() % 2 ? Sex::male : Sex::female;
  household.people.push_back(self);
  std::vector<Role> used;
  for (int i = 1; i < size; ++i) {
    // Children often: several of them are what fills a cap (大连: 子女 ≤3).
    Role role = random() % 2 ? Role::child : pick(random, kOtherRoles);
    if (cap_heavy) role = i == 1 ? Role::spouse : random() % 4 ? Role::child : Role::sibling;
    const bool unique = role <= Role::spouse_mother;
    if (unique && std::find(used.begin(), used.end(), role) != used.end()) role = Role::child;
    used.push_back(role);
    Person person = random_person(random, role, "p" + std::to_string(i));
    if (cap_heavy) {
      person.region = "";
      person.bound_to_other_holder = false;
      if (role != Role::spouse) person.scheme = Scheme::resident;
    }
    household.people.push_back(person);
  }
  for (Person& person : household.people) {
    if (person.region.empty()) person.region = household.people.front().region;
  }
  return household;
}

std::vector<std::string> labels_of(const HouseholdRequest& household) {
  std::vector<std::string> labels;
  for (const Person& person : household.people) labels.push_back(person.id);
  return labels;
}

std::size_t index_of(const HouseholdRequest& household, const std::string& id) {
  for (std::size_t i = 0; i < household.people.size(); ++i) {
    if (household.people[i].id == id) return i;
  }
  FAIL("no person " << id);
  return 0;
}

// Whether `holder` may bind exactly `members`, by the single-holder evaluation.
bool all_eligible(const HouseholdRequest& household, std::size_t holder,
                  const std::vector<std::size_t>& members) {
  const Answer answer = evaluate_request(
      pairing_request(household, labels_of(household), holder, members), policies());
  if (!answer.holder.can_share) return members.empty();
  return std::all_of(answer.members.begin(), answer.members.end(),
                     [](const MemberResult& member) { return member.eligible; });
}

// The most people any assignment covers, by trying every one (small households only).
int brute_force_best(const HouseholdRequest& household, const std::vector<std::size_t>& holders,
                     const std::vector<std::size_t>& people) {
  int best = 0;
  std::vector<int> choice(people.size(), -1);
  const std::size_t options = holders.size() + 1;
  std::size_t combinations = 1;
  for (std::size_t i = 0; i < people.size(); ++i) combinations *= options;
  for (std::size_t code = 0; code < combinations; ++code) {
    std::size_t rest = code;
    std::vector<std::vector<std::size_t>> sets(holders.size());
    int covered = 0;
    for (std::size_t j = 0; j < people.size(); ++j) {
      const std::size_t pick_holder = rest % options;
      rest /= options;
      if (pick_holder == holders.size()) continue;
      sets[pick_holder].push_back(people[j]);
      ++covered;
    }
    if (covered <= best) continue;
    bool ok = true;
    for (std::size_t k = 0; k < holders.size() && ok; ++k) {
      ok = sets[k].empty() || all_eligible(household, holders[k], sets[k]);
    }
    if (ok) best = covered;
  }
  return best;
}

struct Tally {
  int households = 0;
  int brute_forced = 0;
  int capped = 0;  // holders whose single-holder answer leaves out someone they could bind alone
};

void check_plan(const HouseholdRequest& household, Tally& tally) {
  const PlanAnswer answer = plan_household(household, policies());
  const Json plan = Json::parse(to_json(answer))["plan"];
  ++tally.households;

  std::vector<std::size_t> holders;
  for (const Json& holder : plan["holders"])
    holders.push_back(index_of(household, holder["person"]));
  std::vector<std::size_t> people;
  for (const Json& person : plan["people"]) people.push_back(index_of(household, person["person"]));
  REQUIRE(holders.size() + people.size() == household.people.size());
  CHECK(plan["total"] == people.size());

  int covered = 0;
  for (const Json& person : plan["people"]) {
    if (person["holder"].is_null()) {
      CHECK(!person["changes"].empty());
      continue;
    }
    ++covered;
    // Never bound to a holder the single-holder evaluation says cannot serve them.
    const std::size_t holder = index_of(household, person["holder"]);
    CHECK(all_eligible(household, holder, {index_of(household, person["person"])}));
    CHECK(person["changes"].empty());
  }
  CHECK(plan["covered"] == covered);

  int best_single = 0;
  for (std::size_t k = 0; k < holders.size(); ++k) {
    // No cap exceeded: the holder with exactly the people bound to them leaves all eligible.
    std::vector<std::size_t> bound;
    for (const Json& id : plan["holders"][k]["binds"]) bound.push_back(index_of(household, id));
    CHECK(all_eligible(household, holders[k], bound));
    // As many as any one holder alone: the single-holder answer with everyone as members.
    const Answer alone = evaluate_request(
        pairing_request(household, labels_of(household), holders[k], people), policies());
    const auto eligible = std::count_if(alone.members.begin(), alone.members.end(),
                                        [](const MemberResult& member) { return member.eligible; });
    best_single = std::max(best_single, static_cast<int>(eligible));
    const auto bindable = std::count_if(people.begin(), people.end(), [&](std::size_t p) {
      return all_eligible(household, holders[k], {p});
    });
    if (eligible < bindable) ++tally.capped;
  }
  CHECK(covered >= best_single);

  if (household.people.size() <= 7 && holders.size() <= 3) {
    ++tally.brute_forced;
    CHECK(covered == brute_force_best(household, holders, people));
  }
}

}  // namespace

TEST_CASE("over generated households the plan keeps its promises") {
  std::mt19937_64 random(20261202);
  Tally tally;
  for (int round = 0; round < 2500; ++round) {
    check_plan(random_household(random, 2 + static_cast<int>(random() % 7)), tally);  // 2 to 8
  }
  for (int round = 0; round < 1000; ++round) {
    check_plan(random_household(random, 4 + static_cast<int>(random() % 9), true), tally);
  }
  MESSAGE(tally.households << " households, " << tally.brute_forced
                           << " of them against every assignment; " << tally.capped
                           << " holders held back by a cap");
  CHECK(tally.capped > 100);  // the generator does reach the caps
}

TEST_CASE("plans are deterministic and the module's text is the command's") {
  std::mt19937_64 random(7);
  for (int round = 0; round < 200; ++round) {
    const HouseholdRequest household =
        random_household(random, 2 + static_cast<int>(random() % 19));
    CHECK(to_json(plan_household(household, policies())) ==
          to_json(plan_household(household, policies())));
  }
}

// A household of `size`: self and spouse are employees with accounts, the first four others are
// the parents (in-laws to one side), everyone after them a child; all in one region.
HouseholdRequest measured_household(const std::string& region, int size, bool parents) {
  HouseholdRequest household;
  household.as_of = date_from_ymd(2026, 6, 1);
  constexpr Role kRoles[] = {Role::self,   Role::spouse,        Role::father,
                             Role::mother, Role::spouse_father, Role::spouse_mother};
  for (int i = 0; i < size; ++i) {
    Person person;
    person.id = "p" + std::to_string(i);
    const bool holder = i == 0 || (i == 1 && size > 2);
    person.role = parents && i < 6 ? kRoles[i]
                  : i == 0         ? Role::self
                  : holder         ? Role::spouse
                                   : Role::child;
    person.age = holder ? 40 : 10;
    person.scheme = holder ? Scheme::employee : Scheme::resident;
    person.region = region;
    person.balance_fen = i < 2 ? 100000 * (i + 1) : 0;
    household.people.push_back(person);
  }
  return household;
}

TEST_CASE("the planner's time and search for 2, 8 and 20 people") {
  // 郑州 has no cap; in 大连 a holder binds at most three children and six people, in 山东 seven:
  // with two holders and 18 children the caps decide, which is where the search has work to do.
  for (const std::string& region :
       {std::string("410100"), std::string("210200"), std::string("370100")}) {
    for (int size : {2, 8, 20}) {
      for (bool parents : {true, false}) {
        const HouseholdRequest household = measured_household(region, size, parents);
        PlanStats stats;
        const auto start = std::chrono::steady_clock::now();
        const PlanAnswer answer = plan_household(household, policies(), &stats);
        const std::string text = to_json(answer);
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
        MESSAGE(region << std::string(parents ? " with parents" : " children only") << ", " << size
                       << " people: " << micros << " us, " << stats.pairings << " pairings, "
                       << stats.set_checks << " set checks, " << stats.search_nodes
                       << " search nodes; covered " << answer.plan.covered << " of "
                       << answer.plan.total);
        // The bound keeps the search to about one descent: a node per person and a few more.
        CHECK(stats.search_nodes <= 2 * (size + 1));
        CHECK(!text.empty());
      }
    }
  }
}

TEST_CASE(
    "without the planner, a household is an error at /household and one holder's family is "
    "answered as with it") {
  const Date today = date_from_ymd(2026, 6, 1);
  const std::string household =
      R"({"lang":"en","household":{"people":[{"id":"me","role":"self","age":40,)"
      R"("scheme":"employee","region":"110000","balance_fen":100000}]}})";
  const Json planned = Json::parse(evaluate(household, policies(), today));
  REQUIRE(planned["ok"] == true);
  const Json refused = Json::parse(evaluate_without_planner(household, policies(), today));
  CHECK(refused["ok"] == false);
  CHECK(refused["error"]["code"] == "invalid_request");
  CHECK(refused["error"]["path"] == "/household");
  CHECK(refused["error"]["message"].get<std::string>().find("household planner") !=
        std::string::npos);
  const std::string single =
      R"({"holder":{"region":"110000","scheme":"employee","balance_fen":100000},)"
      R"("members":[{"id":"m","relation":"spouse","age":40,"scheme":"resident","region":"110000"}]})";
  CHECK(evaluate_without_planner(single, policies(), today) == evaluate(single, policies(), today));
  // The household is refused where it is named, before it is read.
  const Json empty =
      Json::parse(evaluate_without_planner(R"({"household":{}})", policies(), today));
  CHECK(empty["error"]["path"] == "/household");
  // What comes before it is read as before.
  CHECK(evaluate_without_planner(R"({"lang":"xx","household":{}})", policies(), today) ==
        evaluate(R"({"lang":"xx","household":{}})", policies(), today));
}
