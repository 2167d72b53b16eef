// The household plan (../shared/contract/household.md): the people of a household relative to the
// person filling in the form, and which holder (共济人) each should be bound to.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/answer.hpp"
#include "gongji/policy.hpp"
#include "gongji/request.hpp"

namespace gongji {

// Role and Sex, and their spellings kRoleNames and kSexNames, come from policies/vocabulary.json.

// One person: the fields of a v1 holder and of a v1 member alike.
struct Person {
  std::string id;
  std::optional<std::string> name;
  Role role = Role::other;
  std::optional<Sex> sex;  // on self only
  int32_t age = 0;
  Scheme scheme = Scheme::none;
  std::string region;  // defaults to self's region
  Status status = Status::employed;
  std::optional<std::string> tier;
  std::optional<bool> has_personal_account;
  Fen balance_fen = 0;
  std::optional<Fen> prior_years_balance_fen;
  std::optional<Fen> authorized_limit_fen;
  bool bound_to_other_holder = false;
};

struct HouseholdRequest {
  Date as_of;
  Lang lang = Lang::zh_CN;
  std::vector<Person> people;
};

// The table's cell for a person's role and a holder's role ("" for a holder role without a
// column), as the contract writes it: for the test that compares the two.
std::string_view kinship_cell(Role person, Role holder);

// P's relation to a holder H, both given by their role relative to self (the contract's table).
Relation relation_between(Role person, Role holder, std::optional<Sex> self_sex);

// The member relations (v1 `relation`) a person of `role` is to self: the table's first column,
// and, for the role a relation without one of its own goes to, that relation too (孙辈 stands for
// 孙子女 and 外孙子女). Empty for self, and for the roles that are `other` to self but the role
// `other` itself. The page carries a calculator's family to the household
// form with it (the vocabulary's page copy lists them under each role).
std::vector<Relation> relations_to_self(Role role);

// The v1 request that asks whether `holder` can share with each of `members` (in this order);
// members are named by `labels` (each person as the answer names them).
Request pairing_request(const HouseholdRequest& household, const std::vector<std::string>& labels,
                        std::size_t holder, const std::vector<std::size_t>& members);

struct PlanHolder {
  std::string person;
  Fen shareable_fen = 0;
  bool shareable_known = true;  // as HolderResult::shareable_known
  std::vector<std::string> binds;
  std::vector<Reason> reasons;
  // Who does the guidance's steps, when the holder is not the user reading the plan.
  std::optional<std::string> steps_by;
  Guidance guidance;
};

struct PlanPerson {
  std::string person;
  std::optional<std::string> holder;
  std::optional<Relation> relation;
  std::optional<Route> route;
  std::optional<std::string> contribution_payer;
  std::vector<std::string> alternatives;
  std::vector<Reason> reasons;
  std::vector<Change> changes;
};

struct Plan {
  int32_t covered = 0;
  int32_t total = 0;
  std::vector<PlanHolder> holders;
  std::vector<PlanPerson> people;
};

struct PlanAnswer {
  std::string as_of;
  Lang lang = Lang::zh_CN;
  std::string version;  // the rules version
  Plan plan;
  std::vector<Reason> warnings;
  std::vector<SourceRef> sources;
};

// How much work the assignment search did (for the measurements and the tests).
struct PlanStats {
  int64_t pairings = 0;      // v1 evaluations of one holder with one person
  int64_t set_checks = 0;    // v1 evaluations of one holder with a set of people
  int64_t search_nodes = 0;  // partial assignments visited
};

PlanAnswer plan_household(const HouseholdRequest& household, const PolicySet& policies,
                          PlanStats* stats = nullptr);
std::string to_json(const PlanAnswer& answer);

}  // namespace gongji
