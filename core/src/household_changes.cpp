// "What would make it a yes" for a person the plan leaves uncovered: for every other person of the
// household as a possible holder, the pairing is decided again with one thing changed — the person
// enrolled in 居民医保, the rules of a later day, the holder in a tier with an account.
#include <algorithm>
#include <map>

#include "add_unique.hpp"
#include "changes.hpp"
#include "household_facts.hpp"

namespace gongji::detail {

Relation unsettled_relation(Role person, Role holder) {
  auto is = [&](Role p, Role h) { return person == p && holder == h; };
  if (is(Role::child, Role::child_spouse) || is(Role::child_spouse, Role::child))
    return Relation::spouse;
  if (is(Role::grandchild, Role::child) || is(Role::grandchild, Role::child_spouse))
    return Relation::child;
  if (is(Role::child, Role::grandchild) || is(Role::child_spouse, Role::grandchild))
    return Relation::parent;
  if (is(Role::grandchild, Role::grandchild)) return Relation::sibling;
  return Relation::other;
}

std::string if_related(const HouseholdRequest& household, std::size_t person, std::size_t holder,
                       Relation relation, const std::vector<std::string>& labels,
                       const Texts& texts) {
  const std::string word(texts.word("relation", name_of(relation, kRelationNames)));
  return texts.get(
      relation == Relation::spouse ? "plan.change_if_married" : "plan.change_if_related",
      {{"person", labels[person]},
       {"holder", labels[holder]},
       {"them", them(household, person, texts)},
       {"relation", word},
       {"relation_one", texts.word("relation", name_of(relation, kRelationNames), "one")}});
}

// As what_if, and where the change would make the person eligible on a relation the rules only
// take as allowed (广东's 近亲属), that reading too: a plan's change stands alone, with no line of
// the person's own beside it to say so (review 63: "就可以为兄弟姐妹共济" where the single answer
// says the relation is a reading).
bool plan_what_if(const MemberResult& member, const Texts& texts, std::string& doubt,
                  std::vector<std::string_view>& sources) {
  if (!what_if(member, texts, doubt, sources)) return false;
  for (const Reason& reason : member.reasons) {
    if (doubt.empty() && reason.code == "member.relation_allowed_unconfirmed") {
      doubt = texts.get("change.doubt_too", {{"doubt", reason.text}});
      for (std::string_view id : reason.sources) add_unique(sources, id);
    }
  }
  return true;
}

std::vector<Change> household_changes(const PlanFacts& facts, std::size_t j,
                                      const std::vector<std::string>& labels, const Texts& texts) {
  const HouseholdRequest& household = facts.household;
  const std::size_t person = facts.people[j];
  const Person& who = household.people[person];
  // One not insured must enrol as well as any other change (a later rule, a tier, a doubt
  // confirmed otherwise): each change says both.
  const std::string enrol = who.scheme == Scheme::none
                                ? texts.get("plan.and_enrol", {{"person", labels[person]}})
                                : std::string();
  std::vector<std::string> enrol_holders, enrol_unbind_holders;
  std::vector<std::string_view> enrol_sources;
  std::optional<std::string> enrol_first;
  std::map<int32_t, std::vector<std::size_t>> by_date;  // day -> possible holders
  std::vector<Change> tiers;
  std::vector<Change> related_changes;
  std::vector<std::string> unbind_holders;
  std::vector<std::string_view> unbind_sources;
  std::optional<std::string> unbind_first;
  // People of the household without an employee account who could share with the person if
  // they had one (the single answer's change.other_holder, for the people really there).
  std::vector<std::string> account_holders;
  std::vector<std::string_view> account_sources;
  std::optional<std::string> account_first;
  bool account_you = false;       // the user is among them
  std::string account_doubts;     // what that would also depend on (a doubted route)
  std::size_t doubtful_ways = 0;  // changes found that rest on a doubt of their own
  // Holders whose empty account (上海's network) also holds this person back, said after the rest.
  std::vector<std::string> balance_holders;
  std::vector<std::string_view> balance_sources;

  for (std::size_t q = 0; q < household.people.size(); ++q) {
    if (q == person) continue;
    Request base = pairing_request(household, facts.pairing_labels, q, {person});
    const Decision now = decide(base, facts.policies, false);
    if (now.members.front().eligible) continue;  // held back by places taken, not by a rule
    // Held back until this holder has a shareable balance (上海's family network): alone, that is
    // the change; with more in the way, the rest is looked for as if they had one, which is then
    // said as needed too.
    const std::vector<const Reason*> blocking = blocking_reasons(now.members.front());
    if (const Reason* balance = balance_block(blocking)) {
      if (blocking.size() == 1) {
        tiers.push_back({"change.holder_balance",
                         texts.get(named_as_you(household, q) ? "plan.change_holder_balance_you"
                                                              : "plan.change_holder_balance",
                                   {{"person", labels[person]}, {"holder", labels[q]}}),
                         balance->sources, std::nullopt, household.people[q].id});
        continue;
      }
      with_some_balance(base.holder);
      balance_holders.push_back(labels[q]);
      for (std::string_view id : balance->sources) add_unique(balance_sources, id);
    }

    // Someone of working age (劳动法 §15: no employment under 16) without an employee account.
    constexpr int32_t kWorkingAge = 16;
    if (household.people[q].scheme != Scheme::employee) {
      if (household.people[q].age < kWorkingAge) continue;
      Request employed = base;
      employed.holder.scheme = Scheme::employee;
      employed.holder.status = Status::employed;
      employed.holder.tier.reset();
      employed.holder.has_personal_account = true;
      if (who.scheme == Scheme::none) employed.members.front().scheme = Scheme::resident;
      const Decision decision = decide(employed, facts.policies, false);
      std::string doubt;
      std::vector<std::string_view> sources = eligibility_sources(decision.members.front());
      const bool helps = plan_what_if(decision.members.front(), texts, doubt, sources);
      // Those who could for certain are named; those who could but for a doubt only where no
      // one could for certain.
      const bool sure = doubt.empty();
      if (helps && sure && !account_doubts.empty()) {
        account_holders.clear();
        account_sources.clear();
        account_first.reset();
        account_you = false;
        account_doubts.clear();
      }
      if (helps && (sure || account_holders.empty() || !account_doubts.empty())) {
        account_holders.push_back(labels[q]);
        account_you = account_you || named_as_you(household, q);
        if (!account_first) account_first = household.people[q].id;
        for (std::string_view id : sources) add_unique(account_sources, id);
        if (account_doubts.empty()) account_doubts = doubt;
      }
      continue;  // no account of theirs to wait for, tier or enrol into
    }

    // Roles that cannot settle whether the two are near relatives: if they are, the holder
    // may bind the person under that relation.
    const Relation may_be = unsettled_relation(who.role, household.people[q].role);
    if (may_be != Relation::other) {
      Request related = base;
      related.members.front().relation = may_be;
      const Decision decision = decide(related, facts.policies, false);
      if (decision.members.front().eligible) {
        related_changes.push_back(
            {"change.relation", if_related(household, person, q, may_be, labels, texts),
             eligibility_sources(decision.members.front()), std::nullopt, household.people[q].id});
      }
    }

    // A relative bound elsewhere where she may have one holder only (贵州, 山东): once that
    // binding ends, this holder may bind her if nothing else holds her back.
    if (who.bound_to_other_holder) {
      Request unbound = base;
      unbound.members.front().bound_to_other_holder = false;
      const Decision decision = decide(unbound, facts.policies, false);
      if (decision.members.front().eligible) {
        unbind_holders.push_back(labels[q]);
        if (!unbind_first) unbind_first = household.people[q].id;
        for (const Reason* reason : blocking_reasons(now.members.front())) {
          for (std::string_view id : reason->sources) add_unique(unbind_sources, id);
        }
        for (std::string_view id : eligibility_sources(decision.members.front())) {
          add_unique(unbind_sources, id);
        }
        continue;
      }
    }

    if (who.scheme == Scheme::none) {
      Request enrolled = base;
      enrolled.members.front().scheme = Scheme::resident;
      Decision decision = decide(enrolled, facts.policies, false);
      // Not insured and bound elsewhere where one holder is the rule: both must change.
      const bool unbinding = !decision.members.front().eligible && who.bound_to_other_holder;
      if (unbinding) {
        enrolled.members.front().bound_to_other_holder = false;
        decision = decide(enrolled, facts.policies, false);
      }
      if (decision.members.front().eligible) {
        (unbinding ? enrol_unbind_holders : enrol_holders).push_back(labels[q]);
        if (!enrol_first) enrol_first = household.people[q].id;
        for (std::string_view id : eligibility_sources(decision.members.front())) {
          add_unique(enrol_sources, id);
        }
        continue;  // enrolling is enough: no later rule need be waited for
      }
    }
    const AccountTiers account = account_tiers(base, facts.policies);
    for (const std::string& tier : account.tiers) {
      Request tiered = base;
      tiered.holder.tier = tier;
      // Not insured: enrolling as well (the change says both), as with a later rule.
      if (who.scheme == Scheme::none) tiered.members.front().scheme = Scheme::resident;
      std::string doubt;
      std::vector<std::string_view> sources = account.sources;
      if (!plan_what_if(decide(tiered, facts.policies, false).members.front(), texts, doubt,
                        sources))
        continue;
      doubtful_ways += !doubt.empty();
      tiers.push_back(
          {"change.tier",
           texts.get("plan.change_tier",
                     {{"person", labels[person]},
                      {"holder", labels[q]},
                      {"tier", texts.word("tier", tier)},
                      {"region", region_label(facts.policies, base.holder.region, household.lang)},
                      {"enrol", enrol},
                      {"doubt", doubt}}),
           sources, std::nullopt, household.people[q].id});
    }
    // A holder whose status has no account there (the flexibly employed of 蚌埠): the statuses
    // that have one, as for a single holder.
    if (holder_status_refused(base, facts.policies)) {
      std::vector<std::string> statuses;
      std::vector<std::string_view> sources;
      std::string doubt;
      for (std::size_t s = 0; s < kStatusNames.size(); ++s) {
        Request other = base;
        other.holder.status = static_cast<Status>(s);
        if (who.scheme == Scheme::none) other.members.front().scheme = Scheme::resident;
        const Decision decision = decide(other, facts.policies, false);
        if (!plan_what_if(decision.members.front(), texts, doubt, sources)) continue;
        statuses.push_back(std::string(texts.word("status", kStatusNames[s])));
        for (const Reason& reason : decision.holder.reasons) {
          for (std::string_view id : reason.sources) add_unique(sources, id);
        }
      }
      if (!statuses.empty()) {
        doubtful_ways += !doubt.empty();
        tiers.push_back(
            {"change.status",
             texts.get(
                 named_as_you(household, q) ? "change.status_plan_you" : "plan.change_status",
                 {{"holder", labels[q]},
                  {"them", them(household, person, texts)},
                  {"status", texts.alternatives(statuses)},
                  {"region", region_label(facts.policies, base.holder.region, household.lang)},
                  {"doubt", doubt},
                  {"enrol", enrol}}),
             sources, std::nullopt, household.people[q].id});
      }
    }
    for (Date day :
         later_rule_dates(facts.policies, base.holder.region, who.region, household.as_of)) {
      Request later = base;
      later.as_of = day;
      // Not insured: enrolling as well (the change says both), where enrolling alone is not enough.
      if (who.scheme == Scheme::none) later.members.front().scheme = Scheme::resident;
      if (!sole_member_eligible(later, facts.policies)) continue;
      by_date[day.days].push_back(q);
      break;
    }
  }

  std::vector<Change> changes;
  if (!unbind_holders.empty()) {
    changes.push_back({"change.unbind",
                       texts.get("plan.change_unbind",
                                 {{"person", labels[person]},
                                  {"person_of", possessive(household, person, labels, texts)},
                                  {"holders", texts.series(unbind_holders)},
                                  {"them", them(household, person, texts)}}),
                       unbind_sources, std::nullopt, unbind_first});
  }
  for (const bool unbinding : {false, true}) {
    const std::vector<std::string>& holders = unbinding ? enrol_unbind_holders : enrol_holders;
    if (holders.empty()) continue;
    changes.push_back({"change.enrol",
                       texts.get(unbinding ? "plan.change_enrol_unbind" : "plan.change_enrol",
                                 {{"person", labels[person]},
                                  {"person_of", possessive(household, person, labels, texts)},
                                  {"holders", texts.series(holders)},
                                  {"them", them(household, person, texts)}}),
                       enrol_sources, std::nullopt, enrol_first});
  }
  for (const auto& [days, holders] : by_date) {
    const Date day{days};
    std::vector<std::string> names;
    std::vector<std::string_view> sources;
    std::vector<std::string> rules;
    bool national_day = false;
    std::string known_by;  // as for a single holder (RulesStarting::known_by)
    for (std::size_t q : holders) {
      names.push_back(labels[q]);
      const RulesStarting starting =
          rules_starting(facts.policies, texts, household.people[q].region, who.region,
                         who.bound_to_other_holder, day);
      national_day = national_day || starting.national_day;
      if (known_by.empty()) known_by = starting.known_by;
      for (std::string_view id : starting.sources) {
        add_unique(sources, id);
      }
      for (const std::string& rule : starting.labels) {
        if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
      }
    }
    changes.push_back({"change.date",
                       texts.get(national_day       ? "plan.change_date_national"
                                 : known_by.empty() ? "plan.change_date"
                                                    : "plan.change_date_by",
                                 {{"person", labels[person]},
                                  {"holders", texts.series(names)},
                                  {"date", known_by.empty() ? format_date(day) : known_by},
                                  {"enrol", enrol},
                                  {"rules", texts.rule_series(rules)}}),
                       sources, format_date(day), household.people[holders.front()].id});
  }
  for (const Change& change : tiers) changes.push_back(change);
  for (const Change& change : related_changes) changes.push_back(change);
  if (!changes.empty() && !balance_holders.empty()) {
    changes.push_back(
        {"change.holder_balance",
         texts.get("plan.change_holder_balance_also", {{"holders", texts.series(balance_holders)}}),
         balance_sources, std::nullopt, std::nullopt});
  }
  // Where every way found rests on a doubt of its own, a doubt holding the person back now is
  // worth confirming too.
  if (changes.size() == doubtful_ways) {
    std::vector<std::string_view> sources;
    bool doubted = false;
    for (const auto& pairings : facts.pair) {
      const std::vector<const Reason*> blocking = blocking_reasons(pairings[j]);
      doubted = doubted || blocked_by_doubt(blocking, facts.policies);
      for (const Reason* reason : blocking) {
        for (std::string_view id : reason->sources) {
          add_unique(sources, id);
        }
      }
    }
    // "No known change" only where every holder's block is known and no one without an account
    // could help; else confirm the doubt.
    if (doubted || (changes.empty() && account_holders.empty())) {
      changes.push_back({doubted ? "change.confirm" : "change.none",
                         texts.get(doubted ? "plan.change_confirm" : "plan.change_none",
                                   {{"person", labels[person]}, {"enrol", enrol}}),
                         sources, std::nullopt, std::nullopt});
    }
  }
  // Not where enrolling alone lets someone already a holder share (review 59: an uninsured user
  // was offered an account for another beside the enrolling that suffices).
  if (!account_holders.empty() && enrol_holders.empty()) {
    // The user alone is "you could", not "that person could".
    const bool only_you = account_holders.size() == 1 && account_you;
    changes.push_back(
        {"change.other_holder",
         texts.get(only_you ? "plan.change_other_holder_you" : "plan.change_other_holder",
                   {{"person", labels[person]},
                    {"holders", texts.alternatives(account_holders)},
                    {"them", them(household, person, texts)},
                    {"doubt", account_doubts},
                    {"enrol", enrol}}),
         account_sources, std::nullopt, account_first});
  }
  return changes;
}

}  // namespace gongji::detail
