// members[].changes of the single-holder answer: for each member who is not eligible, what the
// rules know of that would make them eligible under this holder, or under a holder of another
// relation (a parent-in-law is the spouse's parent).
#include <algorithm>

#include "add_unique.hpp"
#include "changes.hpp"
#include "gongji/household.hpp"

namespace gongji::detail {
namespace {

// The member alone with the holder: caps and other members play no part in a change.
Request alone(const Request& request, std::size_t index) {
  Request single;
  single.as_of = request.as_of;
  single.lang = request.lang;
  single.holder = request.holder;
  single.members = {request.members[index]};
  return single;
}

// The sources of the one-holder rule, then those of the eligibility the unbinding gives.
std::vector<std::string_view> unbind_sources(const MemberResult& result, const Request& unbound,
                                             const PolicySet& policies) {
  std::vector<std::string_view> sources;
  for (const Reason& reason : result.reasons) {
    if (reason.code != "member.single_holder_bound") continue;
    for (std::string_view id : reason.sources) {
      add_unique(sources, id);
    }
  }
  const Decision decision = decide(unbound, policies, false);
  for (std::string_view id : eligibility_sources(decision.members.front())) {
    add_unique(sources, id);
  }
  return sources;
}

// Another holder for the member: the holder's role, the member's relation to them, and that
// relation had the user been a woman (the user's sex is not asked; they differ where the line
// runs through the user: the spouse's mother is a child's 外祖母, or 祖母).
struct OtherHolder {
  Role role;
  Relation relation;
  Relation if_self_female;
  bool operator==(const OtherHolder& other) const {
    return role == other.role && relation == other.relation;
  }
};

// Holders of another relation who could share with someone of this relation to self, whatever
// role behind the relation (both of the spouse's parents are a parent-in-law).
std::vector<OtherHolder> other_holders(const Request& single, const PolicySet& policies) {
  const Relation relation = single.members.front().relation;
  std::vector<OtherHolder> common;
  bool first = true;
  // Each relation to a holder is asked once: several roles and holders give the same one.
  signed char eligible_as[kRelationNames.size()] = {};  // 0: not asked; 1: eligible; -1: not
  for (std::size_t r = 0; r < kRoleNames.size(); ++r) {
    const Role role = static_cast<Role>(r);
    if (role == Role::self || relation_between(role, Role::self, std::nullopt) != relation)
      continue;
    std::vector<OtherHolder> found;
    for (std::size_t h = 1; h < kRoleNames.size(); ++h) {
      const Role holder = static_cast<Role>(h);
      if (holder == role) continue;
      const Relation to_holder = relation_between(role, holder, std::nullopt);
      if (to_holder == Relation::other || to_holder == relation) continue;
      signed char& known = eligible_as[static_cast<std::size_t>(to_holder)];
      if (known == 0) {
        Request other = single;
        other.members.front().relation = to_holder;
        with_some_balance(other.holder);
        known = sole_member_eligible(other, policies) ? 1 : -1;
      }
      if (known > 0) {
        found.push_back({holder, to_holder, relation_between(role, holder, Sex::female)});
      }
    }
    if (first) {
      common = std::move(found);
      first = false;
    } else {
      std::vector<OtherHolder> kept;
      for (const auto& pair : common) {
        if (std::find(found.begin(), found.end(), pair) != found.end()) kept.push_back(pair);
      }
      common = std::move(kept);
    }
  }
  return common;
}

std::vector<Change> changes_for(const Request& request, std::size_t index,
                                const PolicySet& policies, const std::string& label,
                                const MemberResult& result) {
  const Texts texts(policies, request.lang);
  const Member& member = request.members[index];
  Request single = alone(request, index);
  std::vector<Change> changes;

  // Held back until the holder has a shareable balance (上海's network): alone, that is the change;
  // with more in the way (not insured yet), the rest is looked for as if the holder had a balance,
  // which is then said as needed too.
  const auto needs_balance = std::find_if(
      result.reasons.begin(), result.reasons.end(),
      [](const Reason& reason) { return reason.code == "member.holder_needs_balance"; });
  const bool balance_too = needs_balance != result.reasons.end();
  if (balance_too) {
    const Change balance{"change.holder_balance",
                         texts.get("change.holder_balance", {{"member", label}}),
                         needs_balance->sources, std::nullopt, std::nullopt};
    if (blocking_reasons(result).size() == 1) return {balance};
    with_some_balance(single.holder);
  }
  // Every way found is said with the balance it also needs.
  auto with_balance = [&](std::vector<Change> found) {
    if (balance_too && !found.empty()) {
      found.push_back({"change.holder_balance",
                       texts.get("change.holder_balance_also", {{"member", label}}),
                       needs_balance->sources, std::nullopt, std::nullopt});
    }
    return found;
  };

  // Held back only by the family's other bindings (a cap): nothing in the rules needs to change,
  // one fewer of the others bound does (review 48: the answer offered no change). Held back by a
  // binding elsewhere where a relative may have one holder only (贵州, 山东): ending that binding
  // is the change.
  Request unbound = single;
  unbound.members.front().bound_to_other_holder = false;
  if (member.scheme != Scheme::none && sole_member_eligible(unbound, policies)) {
    const std::vector<const Reason*> blocking = blocking_reasons(result);
    if (member.bound_to_other_holder && !sole_member_eligible(single, policies)) {
      changes.push_back({"change.unbind", texts.get("change.unbind", {{"member", label}}),
                         unbind_sources(result, unbound, policies), std::nullopt, std::nullopt});
    } else if (!blocking.empty()) {
      changes.push_back({"change.bind_fewer", texts.get("change.bind_fewer", {{"member", label}}),
                         blocking.front()->sources, std::nullopt, std::nullopt});
    }
    return with_balance(std::move(changes));
  }

  bool enrolling_suffices = false;
  if (member.scheme == Scheme::none) {
    Request enrolled = single;
    enrolled.members.front().scheme = Scheme::resident;
    Decision decision = decide(enrolled, policies, false);
    // Not insured and bound elsewhere where one holder is the rule: both must change.
    const bool unbinding = !decision.members.front().eligible && member.bound_to_other_holder;
    if (unbinding) {
      enrolled.members.front().bound_to_other_holder = false;
      decision = decide(enrolled, policies, false);
    }
    if (decision.members.front().eligible) {
      enrolling_suffices = true;
      // Over a cap as well (大连, 山东): enrolling alone is not enough (review 50).
      const bool capped = has_reason(result.reasons, "member.cap_total") ||
                          has_reason(result.reasons, "member.cap_relation");
      changes.push_back({"change.enrol",
                         texts.get(capped      ? "change.enrol_fewer"
                                   : unbinding ? "change.enrol_unbind"
                                               : "change.enrol",
                                   {{"member", label}}),
                         eligibility_sources(decision.members.front()), std::nullopt,
                         std::nullopt});
    }
  }
  std::size_t doubtful_ways = 0;  // changes offered that rest on a doubt of their own
  // A relative not insured needs to enrol as well as any other change: the change says both
  // (review 59: a tier or an account of one's own was offered to an uninsured mother alone).
  const bool uninsured = member.scheme == Scheme::none;
  const std::string enrol =
      uninsured ? texts.get("change.and_enrol", {{"member", label}}) : std::string();
  Request enrolled = single;
  if (uninsured) enrolled.members.front().scheme = Scheme::resident;
  const AccountTiers tiers = account_tiers(single, policies);
  for (const std::string& tier : tiers.tiers) {
    Request tiered = enrolled;
    tiered.holder.tier = tier;
    std::string doubt;
    std::vector<std::string_view> sources = tiers.sources;
    if (!what_if(decide(tiered, policies, false).members.front(), texts, doubt, sources)) continue;
    doubtful_ways += !doubt.empty();
    const std::string region_name = region_label(policies, request.holder.region, request.lang);
    changes.push_back({"change.tier",
                       texts.get("change.tier", {{"member", label},
                                                 {"tier", texts.word("tier", tier)},
                                                 {"region", region_name},
                                                 {"doubt", doubt},
                                                 {"enrol", enrol}}),
                       sources, std::nullopt, std::nullopt});
  }
  // A holder whose status has no account where they are (蚌埠's and 肇庆's flexibly employed):
  // the statuses that have one, in one sentence, as a tier would be named. A holder not in the
  // employee scheme (residents' insurance, or none) is told that an employee account of their own
  // would change it (review 53: "no way"), naming no status or tier the place's rules may not
  // give one (review 57: 深圳's tiers, flexible workers elsewhere).
  const bool outside = single.holder.scheme != Scheme::employee;
  if (outside || holder_status_refused(single, policies)) {
    std::vector<std::string> statuses;
    std::vector<std::string_view> sources;
    std::string doubt;  // what they would also depend on, as for a tier
    for (std::size_t s = 0; s < kStatusNames.size(); ++s) {
      Request other = enrolled;
      other.holder.scheme = Scheme::employee;
      other.holder.status = static_cast<Status>(s);
      if (outside) with_some_balance(other.holder);  // an account of their own has money in it
      const Decision decision = decide(other, policies, false);
      if (!what_if(decision.members.front(), texts, doubt, sources)) continue;
      statuses.push_back(std::string(texts.word("status", kStatusNames[s])));
      for (const Reason& reason : decision.holder.reasons) {
        for (std::string_view id : reason.sources) add_unique(sources, id);
      }
    }
    if (!statuses.empty()) {
      doubtful_ways += !doubt.empty();
      const char* code = outside ? "change.own_account" : "change.status";
      changes.push_back(
          {code,
           texts.get(code, {{"member", label},
                            {"status", texts.alternatives(statuses)},
                            {"region", region_label(policies, request.holder.region, request.lang)},
                            {"doubt", doubt},
                            {"enrol", enrol}}),
           sources, std::nullopt, std::nullopt});
    }
  }
  if (enrolling_suffices) return with_balance(std::move(changes));
  for (Date day : later_rule_dates(policies, request.holder.region, member.region, request.as_of)) {
    Request later = single;
    later.as_of = day;
    if (uninsured) later.members.front().scheme = Scheme::resident;
    if (!sole_member_eligible(later, policies)) continue;
    const RulesStarting starting = rules_starting(policies, texts, request.holder.region,
                                                  member.region, member.bound_to_other_holder, day);
    changes.push_back(
        {"change.date",
         texts.get(starting.national_day       ? "change.date_national"
                   : starting.known_by.empty() ? "change.date"
                                               : "change.date_by",
                   {{"member", label},
                    {"date", starting.known_by.empty() ? format_date(day) : starting.known_by},
                    {"rules", texts.rule_series(starting.labels)},
                    {"region", region_label(policies, request.holder.region, request.lang)},
                    {"enrol", enrol}}),
         starting.sources, format_date(day), std::nullopt});
    break;
  }
  // Another of the family as holder, for whom the relative is a relation the rules allow: not
  // only for one who is not a near relative, but for a relation the place's circle takes in only
  // later (a sibling before 2024-08-02: their parents may bind them now). Asked as enrolled where
  // not insured yet, and said with enrolling (review 60: an uninsured father-in-law was told "no
  // way" beside his insured wife's other holders). Where the relation is not what holds them back
  // (a wallet not open, sharing not begun), no other relation passes either.
  {
    for (const OtherHolder& holder : other_holders(enrolled, policies)) {
      const Relation relation = holder.relation;
      const Role role = holder.role;
      Request other = enrolled;
      other.members.front().relation = relation;
      with_some_balance(other.holder);
      const Decision decision = decide(other, policies, false);
      // Where the word depends on the user's sex, which is not asked, both are named.
      const Relation other_side = holder.if_self_female;
      const std::string word =
          other_side == relation
              ? std::string(texts.word("relation", name_of(relation, kRelationNames)))
              : texts.either_relation(relation, other_side);
      changes.push_back(
          {"change.other_holder",
           texts.get("change.other_holder",
                     {{"member", label},
                      {"role", texts.word("role", name_of(role, kRoleNames), "in_text")},
                      {"relation", word},
                      {"enrol", enrol}}),
           eligibility_sources(decision.members.front()), std::nullopt, std::nullopt});
    }
  }
  // "No way" is known only where every reason that blocks is; else the change is to confirm, also
  // beside ways that rest on a doubt of their own (肇庆: be employed, which a doubted wallet
  // decides, or confirm the refusal).
  const std::vector<const Reason*> blocking = blocking_reasons(result);
  const bool doubted = blocked_by_doubt(blocking, policies);
  if (changes.size() == doubtful_ways && (changes.empty() || doubted)) {
    std::vector<std::string_view> sources;
    for (const Reason* reason : blocking) {
      for (std::string_view id : reason->sources) add_unique(sources, id);
    }
    const char* code = doubted ? "change.confirm" : "change.none";
    changes.push_back({code, texts.get(code, {{"member", label}, {"enrol", enrol}}), sources,
                       std::nullopt, std::nullopt});
  }
  return with_balance(std::move(changes));
}

}  // namespace

void add_member_changes(const Request& request, const PolicySet& policies,
                        const std::vector<std::string>& labels,
                        std::vector<MemberResult>& members) {
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!members[i].eligible) {
      members[i].changes = changes_for(request, i, policies, labels[i], members[i]);
    }
  }
}

}  // namespace gongji::detail
