// "What would make it a yes" for a person the plan leaves uncovered: for every other person of the
// household as a possible holder, the pairing is decided again with one thing changed — the person
// enrolled in 居民医保, the rules of a later day, the holder in a tier with an account.
#include <algorithm>
#include <map>

#include "changes.hpp"
#include "household_facts.hpp"

namespace gongji::detail {
std::vector<Change> household_changes(const PlanFacts& facts, std::size_t j,
                                      const std::vector<std::string>& labels, const Texts& texts) {
  const HouseholdRequest& household = facts.household;
  const std::size_t person = facts.people[j];
  const Person& who = household.people[person];
  std::vector<std::string> enrol_holders;
  std::vector<std::string_view> enrol_sources;
  std::optional<std::string> enrol_first;
  std::map<int32_t, std::vector<std::size_t>> by_date;  // day -> possible holders
  std::vector<Change> tiers;

  for (std::size_t q = 0; q < household.people.size(); ++q) {
    if (q == person) continue;
    const Request base = pairing_request(household, facts.labels, q, {person});
    const Decision now = decide(base, facts.policies, false);
    if (now.members.front().eligible) continue;  // held back by places taken, not by a rule

    if (who.scheme == Scheme::none) {
      Request enrolled = base;
      enrolled.members.front().scheme = Scheme::resident;
      const Decision decision = decide(enrolled, facts.policies, false);
      if (decision.members.front().eligible) {
        enrol_holders.push_back(labels[q]);
        if (!enrol_first) enrol_first = household.people[q].id;
        for (std::string_view id : eligibility_sources(decision.members.front())) {
          if (std::find(enrol_sources.begin(), enrol_sources.end(), id) == enrol_sources.end())
            enrol_sources.push_back(id);
        }
      }
    }
    const AccountTiers account = account_tiers(base, facts.policies);
    for (const std::string& tier : account.tiers) {
      Request tiered = base;
      tiered.holder.tier = tier;
      if (!sole_member_eligible(tiered, facts.policies)) continue;
      tiers.push_back({"change.tier",
                       texts.get("plan.change_tier",
                                 {{"person", labels[person]},
                                  {"holder", labels[q]},
                                  {"tier", tier},
                                  {"region", region_label(facts.policies, base.holder.region,
                                                          household.lang)}}),
                       account.sources, std::nullopt, household.people[q].id});
    }
    for (Date day :
         later_rule_dates(facts.policies, base.holder.region, who.region, household.as_of)) {
      Request later = base;
      later.as_of = day;
      if (!sole_member_eligible(later, facts.policies)) continue;
      by_date[day.days].push_back(q);
      break;
    }
  }

  std::vector<Change> changes;
  if (!enrol_holders.empty()) {
    changes.push_back({"change.enrol",
                       texts.get("plan.change_enrol", {{"person", labels[person]},
                                                       {"holders", texts.series(enrol_holders)}}),
                       enrol_sources, std::nullopt, enrol_first});
  }
  for (const auto& [days, holders] : by_date) {
    const Date day{days};
    std::vector<std::string> names;
    std::vector<std::string_view> sources;
    std::vector<std::string> rules;
    bool national_day = false;
    for (std::size_t q : holders) {
      names.push_back(labels[q]);
      const RulesStarting starting =
          rules_starting(facts.policies, texts, household.people[q].region, who.region, day);
      national_day = national_day || starting.national_day;
      for (std::string_view id : starting.sources) {
        if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
      }
      for (const std::string& rule : starting.labels) {
        if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
      }
    }
    changes.push_back({"change.date",
                       texts.get(national_day ? "plan.change_date_national" : "plan.change_date",
                                 {{"person", labels[person]},
                                  {"holders", texts.series(names)},
                                  {"date", format_date(day)},
                                  {"rules", texts.rule_series(rules)}}),
                       sources, format_date(day), household.people[holders.front()].id});
  }
  for (const Change& change : tiers) changes.push_back(change);
  if (changes.empty()) {
    std::vector<std::string_view> sources;
    bool doubted = false;
    for (const auto& pairings : facts.pair) {
      const std::vector<const Reason*> blocking = blocking_reasons(pairings[j]);
      doubted = doubted || blocked_by_doubt(blocking);
      for (const Reason* reason : blocking) {
        for (std::string_view id : reason->sources) {
          if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
        }
      }
    }
    // "No known change" only where every holder's block is known; else confirm the doubt.
    changes.push_back({doubted ? "change.confirm" : "change.none",
                       texts.get(doubted ? "plan.change_confirm" : "plan.change_none",
                                 {{"person", labels[person]}}),
                       sources, std::nullopt, std::nullopt});
  }
  return changes;
}

}  // namespace gongji::detail
