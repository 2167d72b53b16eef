// What would turn a "no" into a "yes": the counterfactuals shared by the single-holder answer
// (members[].changes) and the household plan.
#pragma once

#include <string>
#include <vector>

#include "context.hpp"

namespace gongji::detail {

// Days after `after` on which a rule deciding eligibility takes a new value in the layers of
// either region, earliest first.
std::vector<Date> later_rule_dates(const PolicySet& policies, const std::string& holder_region,
                                   const std::string& member_region, Date after);

// The eligibility rules that take a new value on `day` in those layers: their sources, and their
// labels for a sentence.
struct RulesStarting {
  std::vector<std::string_view> sources;
  std::vector<std::string> labels;
  // The day is the nation's, where the region's own day was not found (its answer says so).
  bool national_day = false;
  // A rule starting that day is known only as in force by it (its source's day, or about a
  // month or year): the change says so, in the sources' precision, never as the first day.
  std::string known_by;
};
// `bound_elsewhere`: the relative has another holder (else the one-holder rule is not theirs).
RulesStarting rules_starting(const PolicySet& policies, const Texts& texts,
                             const std::string& holder_region, const std::string& member_region,
                             bool bound_elsewhere, Date day);

// Whether the holder is refused for their status alone (no account for the flexibly employed
// there): then another status is worth naming.
bool holder_status_refused(const Request& request, const PolicySet& policies);

// The holder's tiers with a personal account, where the holder's region has tiers and the
// holder's own tier is not one of them (深圳 二档/三档), with the rule's sources.
struct AccountTiers {
  std::vector<std::string> tiers;
  std::vector<std::string_view> sources;
};
AccountTiers account_tiers(const Request& request, const PolicySet& policies);

// Sources of the reasons that say why a member is eligible (relation, route, eligibility).
std::vector<std::string_view> eligibility_sources(const MemberResult& member);

// The reasons that hold a member back (the holder cannot share, the relation, the route, a cap,
// a binding elsewhere, no insurance).
std::vector<const Reason*> blocking_reasons(const MemberResult& member);
// Whether a reason that blocks is a reading no source confirms (a wallet or route whose opening
// is unknown), or rests on unofficial pages alone (肇庆's flexible workers): then "no
// way" is not known, and the change to offer is to confirm it.
bool blocked_by_doubt(const std::vector<const Reason*>& blocking, const PolicySet& policies);
// A holder with something to share, for what-ifs that must not fail on an empty account (上海's
// network needs a 历年 balance): another holder's balance is not known, and the holder's own is
// said as needed separately (change.holder_balance).
void with_some_balance(Holder& holder);
// Whether a member is held back by the holder's empty account (上海's network), among the reasons
// `blocking` gives.
const Reason* balance_block(const std::vector<const Reason*>& blocking);
// Whether this one blocking reason is such a reading.
bool is_doubt(const Reason& blocking);

// A region's name in the answer's language.
std::string region_label(const PolicySet& policies, const std::string& code, Lang lang);

// Whether the one member of `request` is eligible.
bool sole_member_eligible(const Request& request, const PolicySet& policies);

// The first of the reasons that keep `member` from being bound where every one is a reading no
// source confirms (…_unconfirmed; not being insured yet aside, which enrolling lifts), else none.
const Reason* only_doubt(const MemberResult& member);
// A change tried (another tier or status, an account of one's own): whether `member`, as decided
// under it, can share for certain or but for such a reading (review 58: a 深圳 二档 holder was told
// "no way" where 一档 would leave only 广东's wallet to confirm). That reading then ends the
// change's sentence in `doubt` ("不过还要看这一点：…", its {doubt}; kept where it holds one
// already), its sources added to `sources`.
bool what_if(const MemberResult& member, const Texts& texts, std::string& doubt,
             std::vector<std::string_view>& sources);

}  // namespace gongji::detail
