// What the household planner decided, handed to the steps that write the plan.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"
#include "gongji/household.hpp"

namespace gongji::detail {

inline constexpr int kNobody = -1;

struct PlanFacts {
  const HouseholdRequest& household;
  const PolicySet& policies;
  const std::vector<std::string>& labels;  // each person as the answer names them
  // The same, as the single answers under a holder name them ("您的父亲" beside "配偶的近亲属").
  const std::vector<std::string>& pairing_labels;
  const std::vector<Decision>& alone;                  // each person as a holder with nobody
  const std::vector<std::size_t>& holders;             // person indices of the holders
  const std::vector<std::size_t>& people;              // person indices of everyone else
  const std::vector<std::vector<MemberResult>>& pair;  // [holder][person]
  const std::vector<std::vector<int>>& ranked;         // per person: every holder, preferred first
  const std::vector<std::vector<int>>& options;  // the same, only those they are eligible under
  const std::vector<int>& assignment;            // per person: holder or kNobody
};

// A person as the answer names them: their name, else their role ("配偶", "your spouse"),
// numbered where the household has several of that role.
std::vector<std::string> person_labels(const HouseholdRequest& household, const Texts& texts);
// The labels as a holder's single answer names the people in it: one called by their role is
// the user's ("您的祖父母"), never read as the holder's own (review 53: "对子女而言：祖父母不是
// 子女的近亲属" read as "grandparents are not near relatives").
std::vector<std::string> pairing_labels(const HouseholdRequest& household,
                                        const std::vector<std::string>& labels, const Texts& texts);

PlanAnswer write_plan(const PlanFacts& facts);

// Whether a person is the user as the answer names them ("您", "you"): the user without a name.
bool named_as_you(const HouseholdRequest& household, std::size_t person);
// "配偶的" / "your spouse's", and for the user "您的" / "your" (standalone: "yours").
std::string possessive(const HouseholdRequest& household, std::size_t person,
                       const std::vector<std::string>& labels, const Texts& texts,
                       bool standalone = false);
// Where the roles cannot settle how person and holder are related (household.md: `other`) but
// they may be near relatives — a child and a child's spouse may be married, a grandchild may be
// a child's child — the relation they may have; Relation::other where the roles settle it.
Relation unsettled_relation(Role person, Role holder);
// "The form cannot tell whether … are married / is the holder's child; if so, the holder can
// bind them as …": person is P, holder H, `relation` P's relation to H were it so.
std::string if_related(const HouseholdRequest& household, std::size_t person, std::size_t holder,
                       Relation relation, const std::vector<std::string>& labels,
                       const Texts& texts);

// The person referred to again after being named: "其" / "them", and for the user "您" / "you"
// ("为您共济", never "为其" of the user).
std::string them(const HouseholdRequest& household, std::size_t person, const Texts& texts);

// For a person no holder covers: what would let someone in the household cover them.
std::vector<Change> household_changes(const PlanFacts& facts, std::size_t j,
                                      const std::vector<std::string>& labels, const Texts& texts);

}  // namespace gongji::detail
