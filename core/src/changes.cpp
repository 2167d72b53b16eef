#include "changes.hpp"

#include <algorithm>
#include <functional>

#include "add_unique.hpp"
#include "regions.hpp"
#include "rule_kinds.hpp"
#include "small_sort.hpp"

namespace gongji::detail {
namespace {

// A new value of a rule that decides who may be bound may turn a "no" into a "yes"; one of any
// other rule (channels, notes) cannot.
bool decides_eligibility(std::string_view key) {
  const RuleKind* kind = rule_kind(key);
  return kind && kind->has(kDecidesEligibility);
}

// The layers of both regions, each once.
std::vector<const RegionPolicy*> layers_of(const PolicySet& policies, const std::string& a,
                                           const std::string& b) {
  std::vector<const RegionPolicy*> layers;
  for (const std::string* code : {&a, &b}) {
    const auto region = resolve_region(policies, *code);
    if (!region) continue;
    for (const RegionPolicy* layer : region->layers) {
      if (std::find(layers.begin(), layers.end(), layer) == layers.end()) layers.push_back(layer);
    }
  }
  return layers;
}

}  // namespace

std::vector<Date> later_rule_dates(const PolicySet& policies, const std::string& holder_region,
                                   const std::string& member_region, Date after) {
  std::vector<Date> dates;
  for (const RegionPolicy* layer : layers_of(policies, holder_region, member_region)) {
    for (const auto& [key, entries] : layer->rules) {
      if (!decides_eligibility(key)) continue;
      for (const RuleEntry& entry : entries) {
        if (entry.from > after) dates.push_back(entry.from);
        // The day after a closed value, the next layer's value applies again.
        if (entry.until && *entry.until >= after) dates.push_back(add_days(*entry.until, 1));
      }
    }
  }
  sort_small(dates, std::less<>());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  dates.erase(std::remove_if(dates.begin(), dates.end(), [after](Date d) { return d <= after; }),
              dates.end());
  return dates;
}

RulesStarting rules_starting(const PolicySet& policies, const Texts& texts,
                             const std::string& holder_region, const std::string& member_region,
                             bool bound_elsewhere, Date day) {
  RulesStarting found;
  // Only the rules that can concern this relative are named: the wallet's across provinces, the
  // one-holder rule for one bound elsewhere.
  const bool across =
      !member_region.empty() && holder_region.substr(0, 2) != member_region.substr(0, 2);
  auto concerns = [&](std::string_view key) {
    if (key == "single_holder") return bound_elsewhere;
    if (key.substr(0, 6) == "wallet") return across;
    return true;
  };
  const std::vector<const RegionPolicy*> layers = layers_of(policies, holder_region, member_region);
  // Whether the holder's own province or city has a value on `day` (its circle decides).
  const std::vector<const RegionPolicy*> holders =
      layers_of(policies, holder_region, holder_region);
  auto covered_locally = [&](const std::string& key) {
    for (const RegionPolicy* layer : holders) {
      if (layer->code == PolicySet::kNationalCode) continue;
      const auto entries = layer->rules.find(key);
      if (entries == layer->rules.end()) continue;
      for (const RuleEntry& entry : entries->second) {
        if (entry.covers(day)) return true;
      }
    }
    return false;
  };
  // A value a newer source only restates (the wallet's circle in the 2026 notice) changes nothing.
  auto restated = [](const RuleEntry* before, const RuleEntry& entry) {
    if (!before) return false;
    if (const auto* now = std::get_if<Relations>(&entry.typed)) {
      const auto* then = std::get_if<Relations>(&before->typed);
      return then && then->list == now->list;
    }
    if (const auto* now = std::get_if<bool>(&entry.typed)) {
      const auto* then = std::get_if<bool>(&before->typed);
      return then && *then == *now;
    }
    return false;
  };
  for (const RegionPolicy* layer : layers) {
    for (const auto& [key, entries] : layer->rules) {
      if (!decides_eligibility(key) || !concerns(key)) continue;
      for (const RuleEntry& entry : entries) {
        if (entry.from != day && !(entry.until && add_days(*entry.until, 1) == day)) continue;
        // A value that ends where the next of the same layer begins is that one's change.
        const bool succeeded =
            entry.from != day && &entry != &entries.back() && (&entry + 1)->from == day;
        const RuleEntry* prev = &entry == &entries.front() ? nullptr : &entry - 1;
        if (succeeded || (entry.from == day && restated(prev, entry))) continue;
        // Where the circle before was empty, what begins is family sharing itself (北京 on
        // 2022-12-01 [S9]), not a wider circle (review 60 #3). The circle before the day is the
        // entry before one that starts then, or the entry itself where it ends the day before
        // (上海's of 2022-07 to 2024-08-01: review 61).
        const RuleEntry* before = entry.from != day ? &entry : prev;
        const Relations* then = before ? std::get_if<Relations>(&before->typed) : nullptr;
        add_unique(found.labels, texts.label("rule", then && then->list.empty()
                                                         ? std::string_view("sharing_begins")
                                                         : rule_family(key)));
        if (entry.from == day && entry.known_since && *entry.known_since == entry.from)
          found.known_by = known_since_text(texts, entry);
        for (const std::string& id : entry.sources) add_unique(found.sources, std::string_view(id));
        // A national day the region has no value of its own for: provinces set their own start
        // (N1) and widened their circles at their own dates (N4), so only the nation's is known.
        const bool nations_day = entry.doubts("from") || key == "relations";
        if (layer->code == PolicySet::kNationalCode && entry.from == day && nations_day &&
            !covered_locally(key)) {
          found.national_day = true;
        }
      }
    }
  }
  return found;
}

bool holder_status_refused(const Request& request, const PolicySet& policies) {
  if (request.holder.scheme != Scheme::employee) return false;
  const Decision decision = decide(request, policies, false);
  return has_reason(decision.holder.reasons, "holder.status_no_account");
}

AccountTiers account_tiers(const Request& request, const PolicySet& policies) {
  AccountTiers found;
  if (request.holder.scheme != Scheme::employee) return found;
  Context context(request, policies);
  const RuleEntry& tiers = context.rule("tiers");
  // No tier given: the answer already takes the holder's as one with an account (the tier
  // warning), so no tier would change it (walk 60: 深圳's flexibly employed told to join 一档).
  const auto& own = request.holder.tier;
  if (!own) return found;
  const bool* mine = tiers.as<Tiers>().find(*own);
  if (mine && *mine) return found;
  for (const auto& [tier, has_account] : tiers.as<Tiers>().list) {
    if (has_account) found.tiers.push_back(tier);
  }
  found.sources.assign(tiers.sources.begin(), tiers.sources.end());
  return found;
}

std::vector<std::string_view> eligibility_sources(const MemberResult& member) {
  std::vector<std::string_view> sources;
  for (const Reason& reason : member.reasons) {
    const bool deciding = reason.code.substr(0, 23) == "member.relation_allowed" ||
                          reason.code.substr(0, 15) == "member.eligible" ||
                          reason.code.substr(0, 13) == "member.route_";
    if (!deciding) continue;
    for (std::string_view id : reason.sources) add_unique(sources, id);
  }
  return sources;
}

[[gnu::noinline]] std::vector<const Reason*> blocking_reasons(const MemberResult& member) {
  static constexpr std::array<std::string_view, 13> kBlocking{
      "member.holder_cannot_share",
      "member.holder_needs_balance",
      "member.payments_not_started",
      "member.not_near_relative",
      "member.relation_not_yet",
      "member.route_in_province_closed",
      "member.route_in_province_unconfirmed",
      "member.route_cross_province_closed",
      "member.route_cross_province_unconfirmed",
      "member.single_holder_bound",
      "member.cap_total",
      "member.cap_relation",
      "member.uninsured"};
  std::vector<const Reason*> found;
  for (const Reason& reason : member.reasons) {
    if (std::find(kBlocking.begin(), kBlocking.end(), reason.code) != kBlocking.end())
      found.push_back(&reason);
  }
  return found;
}

bool is_doubt(const Reason& blocking) {
  return blocking.code.size() > 12 &&
         blocking.code.substr(blocking.code.size() - 12) == "_unconfirmed";
}

void with_some_balance(Holder& holder) {
  holder.balance_fen = std::max<Fen>(holder.balance_fen, 100);
  holder.prior_years_balance_fen = std::max<Fen>(holder.prior_years_balance_fen.value_or(0), 100);
}

const Reason* balance_block(const std::vector<const Reason*>& blocking) {
  for (const Reason* reason : blocking) {
    if (reason->code == "member.holder_needs_balance") return reason;
  }
  return nullptr;
}

[[gnu::noinline]] bool blocked_by_doubt(const std::vector<const Reason*>& blocking,
                                        const PolicySet& policies) {
  const auto unofficial = [&](const Reason& reason) {
    return !reason.sources.empty() &&
           std::all_of(reason.sources.begin(), reason.sources.end(), [&](std::string_view id) {
             const auto found = policies.sources.find(id);
             return found != policies.sources.end() &&
                    (found->second.reliability == "third_party" ||
                     found->second.reliability == "unverified");
           });
  };
  // Confirming can help only where every other block is a doubt too, or is lifted by enrolling
  // (walk 46: an uninsured mother was told a doubted rule was all that stood in her way).
  bool doubt = false;
  for (const Reason* reason : blocking) {
    if (is_doubt(*reason) || unofficial(*reason)) {
      doubt = true;
    } else if (reason->code != "member.uninsured") {
      return false;
    }
  }
  return doubt;
}

std::string region_label(const PolicySet& policies, const std::string& code, Lang lang) {
  const auto region = resolve_region(policies, code);
  if (!region) return code;
  return region->name->in(lang);  // every division has an English name
}

bool sole_member_eligible(const Request& request, const PolicySet& policies) {
  const Decision decision = decide(request, policies, false);
  return !decision.members.empty() && decision.members.front().eligible;
}

const Reason* only_doubt(const MemberResult& member) {
  const Reason* first = nullptr;
  for (const Reason* reason : blocking_reasons(member)) {
    if (reason->code == "member.uninsured") continue;
    if (!is_doubt(*reason)) return nullptr;
    if (!first) first = reason;
  }
  return first;
}

bool what_if(const MemberResult& member, const Texts& texts, std::string& doubt,
             std::vector<std::string_view>& sources) {
  if (member.eligible) return true;
  const Reason* said = only_doubt(member);
  if (!said) return false;
  if (doubt.empty()) doubt = texts.get("change.doubt_too", {{"doubt", said->text}});
  for (std::string_view id : said->sources) add_unique(sources, id);
  return true;
}

}  // namespace gongji::detail
