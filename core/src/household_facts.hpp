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
  const std::vector<std::string>& labels;              // each person as the answer names them
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

PlanAnswer write_plan(const PlanFacts& facts);

// For a person no holder covers: what would let someone in the household cover them.
std::vector<Change> household_changes(const PlanFacts& facts, std::size_t j,
                                      const std::vector<std::string>& labels, const Texts& texts);

}  // namespace gongji::detail
