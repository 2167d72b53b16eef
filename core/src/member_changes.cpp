// members[].changes of the single-holder answer: for each member who is not eligible, what the
// rules know of that would make them eligible under this holder, or under a holder of another
// relation (a parent-in-law is the spouse's parent).
#include <algorithm>

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

bool has_reason(const MemberResult& member, std::string_view code) {
  return std::any_of(member.reasons.begin(), member.reasons.end(),
                     [code](const Reason& reason) { return reason.code == code; });
}

// Holders of another relation who could share with someone of this relation to self, whatever
// role behind the relation (both of the spouse's parents are a parent-in-law): each as the
// holder's role and the member's relation to them.
std::vector<std::pair<Role, Relation>> other_holders(const Request& single,
                                                     const PolicySet& policies) {
  const Relation relation = single.members.front().relation;
  std::vector<std::pair<Role, Relation>> common;
  bool first = true;
  for (std::size_t r = 0; r < kRoleNames.size(); ++r) {
    const Role role = static_cast<Role>(r);
    if (role == Role::self || relation_between(role, Role::self, std::nullopt) != relation)
      continue;
    std::vector<std::pair<Role, Relation>> found;
    for (std::size_t h = 1; h < kRoleNames.size(); ++h) {
      const Role holder = static_cast<Role>(h);
      if (holder == role) continue;
      const Relation to_holder = relation_between(role, holder, std::nullopt);
      if (to_holder == Relation::other || to_holder == relation) continue;
      Request other = single;
      other.members.front().relation = to_holder;
      if (sole_member_eligible(other, policies)) found.emplace_back(holder, to_holder);
    }
    if (first) {
      common = found;
      first = false;
    } else {
      std::vector<std::pair<Role, Relation>> kept;
      for (const auto& pair : common) {
        if (std::find(found.begin(), found.end(), pair) != found.end()) kept.push_back(pair);
      }
      common = kept;
    }
  }
  return common;
}

std::vector<Change> changes_for(const Request& request, std::size_t index,
                                const PolicySet& policies, const std::string& label,
                                const MemberResult& result) {
  const Texts texts(policies, request.lang);
  const Member& member = request.members[index];
  const Request single = alone(request, index);
  std::vector<Change> changes;

  // Held back only by the family's other bindings (a cap) or by a binding elsewhere: the answer's
  // reasons say so, and nothing in the rules needs to change.
  Request unbound = single;
  unbound.members.front().bound_to_other_holder = false;
  if (member.scheme != Scheme::none && sole_member_eligible(unbound, policies)) return changes;

  if (member.scheme == Scheme::none) {
    Request enrolled = single;
    enrolled.members.front().scheme = Scheme::resident;
    const Decision decision = decide(enrolled, policies, false);
    if (decision.members.front().eligible) {
      changes.push_back({"change.enrol", texts.get("change.enrol", {{"member", label}}),
                         eligibility_sources(decision.members.front()), std::nullopt,
                         std::nullopt});
    }
  }
  const AccountTiers tiers = account_tiers(single, policies);
  for (const std::string& tier : tiers.tiers) {
    Request tiered = single;
    tiered.holder.tier = tier;
    if (!sole_member_eligible(tiered, policies)) continue;
    const std::string region_name = region_label(policies, request.holder.region, request.lang);
    changes.push_back(
        {"change.tier",
         texts.get("change.tier", {{"member", label}, {"tier", tier}, {"region", region_name}}),
         tiers.sources, std::nullopt, std::nullopt});
  }
  for (Date day : later_rule_dates(policies, request.holder.region, member.region, request.as_of)) {
    Request later = single;
    later.as_of = day;
    if (!sole_member_eligible(later, policies)) continue;
    const RulesStarting starting =
        rules_starting(policies, texts, request.holder.region, member.region, day);
    changes.push_back({"change.date",
                       texts.get("change.date", {{"member", label},
                                                 {"date", format_date(day)},
                                                 {"rules", texts.rule_series(starting.labels)}}),
                       starting.sources, format_date(day), std::nullopt});
    break;
  }
  if (has_reason(result, "member.not_near_relative")) {
    for (const auto& [role, relation] : other_holders(single, policies)) {
      Request other = single;
      other.members.front().relation = relation;
      const Decision decision = decide(other, policies, false);
      changes.push_back(
          {"change.other_holder",
           texts.get(
               "change.other_holder",
               {{"member", label},
                {"role", std::string(texts.word("role", name_of(role, kRoleNames), "in_text"))},
                {"relation",
                 std::string(texts.word("relation", name_of(relation, kRelationNames)))}}),
           eligibility_sources(decision.members.front()), std::nullopt, std::nullopt});
    }
  }
  if (changes.empty()) {
    std::vector<std::string_view> sources;
    const std::vector<const Reason*> blocking = blocking_reasons(result);
    for (const Reason* reason : blocking) {
      for (std::string_view id : reason->sources) {
        if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
      }
    }
    // "No way" is known only where every reason that blocks is; else the change is to confirm.
    const char* code = blocked_by_doubt(blocking) ? "change.confirm" : "change.none";
    changes.push_back(
        {code, texts.get(code, {{"member", label}}), sources, std::nullopt, std::nullopt});
  }
  return changes;
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
