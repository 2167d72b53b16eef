// What one evaluation shares between its steps: the request, the policy layers in force, the
// language, and the rule values each step recorded as used (for the warnings about them).
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gongji/answer.hpp"
#include "gongji/policy.hpp"
#include "gongji/request.hpp"
#include "regions.hpp"
#include "texts.hpp"

namespace gongji::detail {

struct UsedRule {
  std::string_view key;  // the policy set's own copy of the key, so it outlives the evaluation
  const RegionPolicy* layer;
  const RuleEntry* entry;
  bool for_holder_region;  // looked up on the holder's chain (not a relative's province)
};

class Context {
 public:
  Context(const Request& request, const PolicySet& policies);

  const Request& request;
  const PolicySet& policies;
  Texts texts;
  std::string as_of;  // request.as_of as the answer writes it
  ResolvedRegion holder_region;
  std::vector<ResolvedRegion> member_regions;  // by member index
  // How texts name each member (by index): the name given, else by relation ("您的子女（2）").
  std::vector<std::string> member_labels;

  // Some member's relation joined the circle after its first form (a sibling, not a parent), so
  // doubts about when the region widened its circle concern this family.
  bool widened_circle_decides = false;

  // The region of a code the reader accepted; each distinct code is resolved once per evaluation.
  const ResolvedRegion& region(std::string_view code);

  // Looking a rule up records nothing: a step may peek at a value (to decide whether a reason or
  // a note applies at all). A step that decides with a value, states it or cites it says so with
  // use() (look up and record) or used() (record a value it peeked at), and only those records
  // make the warnings (national fallback, third-party facts, doubts, start dates, old reviews).

  // The value of `key` in force on `as_of`, from the most specific layer that has one.
  const RuleEntry& rule(std::string_view key) { return rule_in(holder_region, key); }
  const RuleEntry& rule_in(const ResolvedRegion& region, std::string_view key);
  // The same for a kind the national layer need not set (a per-relation cap, the order of
  // several holders): none where no layer has a value in force.
  const RuleEntry* rule_if_any(std::string_view key) { return find_rule(holder_region, key); }
  // Every layer's value of `key` in force on `as_of`, national first (rules that add up, like
  // notes).
  std::vector<const RuleEntry*> rules_all_layers(std::string_view key) const;

  // The national layer's value of `key` on `as_of`, where the answer gives it beside the
  // region's own (the wallet's rules, the national counter): noted as used with no fallback
  // warning; none where the national layer has no such value.
  const RuleEntry* national_beside(std::string_view key);

  // What the shared money is called: the 历年 account where only it is shared (上海, 浙江),
  // else the personal account.
  std::string shared_account() {
    const bool prior = rule("shareable_part").as<ShareablePart>() == ShareablePart::prior_years;
    return texts.get(prior ? "account.prior_years" : "account.whole");
  }

  // Whether the value of `key` in force for the holder is the region's own (a province's or a
  // city's layer), not the nation's.
  bool region_sets(std::string_view key) {
    const FoundRule* found = find_rule_in(holder_region, key);
    return found && found->layer->code != PolicySet::kNationalCode;
  }

  // The name of the layer whose value of `key` is in force for the holder: a rule is said as that
  // place's (福建省's 2020 floor, not the holder's city's).
  std::string setting_layer_name(std::string_view key) {
    const FoundRule* found = find_rule_in(holder_region, key);
    return found ? std::string(found->layer->name.in(request.lang)) : region_name(holder_region);
  }

  // The holder's region's value of `key`, recorded as used by the answer.
  const RuleEntry& use(std::string_view key) { return use_on(holder_region, key, true); }
  // A relative's region's value of `key`, recorded as used by the answer.
  const RuleEntry& use_in(const ResolvedRegion& region, std::string_view key) {
    return use_on(region, key, false);
  }
  // Records that the answer used `entry`, the value of `key` found on the holder's chain (by
  // rule, rule_if_any or rules_all_layers, or the national layer's own); returns it.
  const RuleEntry& used(std::string_view key, const RuleEntry& entry) {
    return note_use(key, entry, true);
  }
  // Records a national value the answer gives beside the region's own (the national counter
  // where the region names none): its sources are cited, but it is no fallback, so no warning.
  const RuleEntry& used_beside(std::string_view key, const RuleEntry& entry) {
    return note_use(key, entry, false);
  }

  // The rules used, each (entry, chain) once, in the canonical order: by rule_rank (the
  // registry's order of kinds), the holder's chain before relatives' provinces, then by layer
  // code (the nation first). What the warnings say of several rules follows it, whichever step
  // used them first.
  const std::vector<UsedRule>& uses_in_order() const;

  // A value the answer relied on although the rules mark it unconfirmed (for `part` of it), and
  // the place it was read for: the answer warns once per value, naming the places.
  struct Doubt {
    const RuleEntry* entry;
    std::string_view key;
    std::vector<std::string> places;
    // The place's own word on it, said instead of the entry's note (add_policy_warnings): where
    // the value is doubted for the holder's region alone and that region (one layer or more)
    // notes why its rule is unknown; empty otherwise.
    std::string detail;
  };
  std::vector<Doubt> doubts;
  bool doubt(std::string_view key, const RuleEntry& entry, const std::string& place,
             std::string_view part = {});
  // Whether a warning about this use concerns the family: the circle of relatives is uncertain
  // only for relatives it added later (a family of parents is not touched by it).
  bool concerns_family(const UsedRule& use) const {
    return use.key != "relations" || widened_circle_decides;
  }

  // The first day after `as_of` on which the holder's region shares (a non-empty circle of
  // relatives), if the rules know one.
  // The first day after `as_of` sharing starts in the holder's region, and whether that day is
  // known for the region itself (false: the nation's day, the local one not found).
  struct SharingStart {
    std::string date;  // or, known only as in force by it, that in the sources' precision
    bool local_known = true;
    bool known_by = false;
  };
  std::optional<SharingStart> sharing_start() const;

  // `code` is a literal: the reason keeps a view of it.
  Reason reason(std::string_view code, std::string text, const RuleEntry* cited = nullptr) const;
  Reason reason(std::string_view code, std::string text,
                std::vector<std::string_view> sources) const;
  // reason(...) appended to `to`: one call at each of the steps' many reasons, not a temporary
  // Reason built, moved and destroyed at each.
  void add_reason(std::vector<Reason>& to, std::string_view code, std::string text,
                  const RuleEntry* cited = nullptr) const;
  void add_reason(std::vector<Reason>& to, std::string_view code, std::string text,
                  std::vector<std::string_view> sources) const;
  // add_reason with the code's own message, which takes no parameters, as its text.
  void add_said(std::vector<Reason>& to, std::string_view code, const RuleEntry* cited) const;
  std::string region_name(const ResolvedRegion& region) const;
  std::string relation_label(Relation relation) const;

 private:
  void label_members();
  struct FoundRule;
  FoundRule* find_rule_in(const ResolvedRegion& region, std::string_view key);
  const RuleEntry* find_rule(const ResolvedRegion& region, std::string_view key) {
    const FoundRule* found = find_rule_in(region, key);
    return found ? found->entry : nullptr;
  }
  const RuleEntry& use_on(const ResolvedRegion& region, std::string_view key,
                          bool for_holder_region);
  // `for_holder_region`: the value answers for the holder's region (on its chain).
  const RuleEntry& note_use(std::string_view key, const RuleEntry& entry, bool for_holder_region,
                            const ResolvedRegion* region = nullptr);
  void record(UsedRule use);

  std::vector<UsedRule> uses_;  // each (entry, chain) once, in the order the steps recorded them
  // uses_ in the canonical order, as of when uses_ held `ordered_count_` records (it only grows).
  mutable std::vector<UsedRule> ordered_;
  mutable std::size_t ordered_count_ = static_cast<std::size_t>(-1);

  // By the code asked for; a deque, so references handed out stay valid as it grows.
  std::deque<std::pair<std::string, ResolvedRegion>> resolved_;
  // Rules already found, by region asked on (holder_region, a member's, a cached one) and key.
  struct FoundRule {
    const ResolvedRegion* region;
    std::string_view key;  // the policy set's copy
    const RuleEntry* entry;
    const RegionPolicy* layer;
    bool used;  // recorded in uses_ (a step uses a rule many times: once is enough)
  };
  std::vector<FoundRule> found_;
};

// Whether the 2026 cross-province quota is in force and the family has a relative in another
// province whose wallet and the holder's may both be open: then `authorized_limit_fen` is that
// relative's quota (共济额度); else the holder's own cap on what is shared.
bool wallet_quota_applies(Context& context);

// Each step of the evaluation, in the order evaluate_request runs them.
HolderResult decide_holder(Context& context, std::vector<Reason>& warnings);

struct MemberBinding {
  bool binding_ok = false;  // may be bound as a 共济对象 (the holder shares, relation, route, caps)
  // Refused only because a route's opening is unconfirmed: how to bind is still worth saying,
  // with the face check that route would ask for.
  bool if_confirmed = false;
  bool face_if_bound = false;
};
std::vector<MemberResult> decide_members(Context& context, const HolderResult& holder,
                                         std::vector<MemberBinding>& bindings,
                                         std::vector<Reason>& warnings);
// The holder's sentence on the quota reserved for relatives in another province, once the
// members say what they hold.
void state_wallet_quota(Context& context, HolderResult& holder,
                        const std::vector<MemberResult>& members);
// The cross-province quota held for this member (their "up to" where a quota applies), else 0:
// neither the holder nor another relative may spend it.
Fen quota_reserved(Context& context, const MemberResult& member);
// Whether the holder set this member a cross-province quota (0 too: nothing may be drawn).
bool has_quota(Context& context, const MemberResult& member);
std::vector<ExpenseResult> apply_expenses(Context& context, const HolderResult& holder,
                                          const std::vector<MemberResult>& members, Pool& pool);
Guidance build_guidance(Context& context, const HolderResult& holder,
                        const std::vector<MemberResult>& members,
                        const std::vector<MemberBinding>& bindings);
void add_policy_warnings(Context& context, std::vector<Reason>& warnings);
// When a rule known only as in force by a day began: "2025-01-01" with precision "year" is "about
// 2025", "month" is "2025-09", "day" the date itself.
std::string known_since_text(const Texts& texts, const RuleEntry& entry);
// Whether a more specific layer than the one `use` came from has its own value, known only from a
// day after `as_of`: that rule was found, and the start warning says from when.
bool local_value_known_later(const Context& context, const UsedRule& use);
// Rules used whose first day the sources do not give (`known_since`): the answer says so.
void add_start_warnings(Context& context, std::vector<Reason>& warnings);
// The answer asks the family to check with the local office once: warnings that would ask mark
// the place with "{ask}"; the first of them asks there, the others say only what they are about.
// Run once the answer's warnings are all there (a household plan gathers several holders' first).
void ask_office_once(std::vector<Reason>& warnings, const Texts& texts);

// Whether one of `reasons` has the code `code`.
bool has_reason(const std::vector<Reason>& reasons, std::string_view code);

// evaluate_request's answer with its warnings' "{ask}" still open (ask_office_once), for a
// household plan, which gathers several holders' warnings into one answer.
Answer answer_before_asking(const Request& request, const PolicySet& policies);

// The decisions about the holder and each member, without expenses or guidance: what the
// household planner and the "what would change it" search ask of a request.
struct Decision {
  HolderResult holder;
  std::vector<MemberResult> members;
  std::vector<Reason> warnings;
};
Decision decide(const Request& request, const PolicySet& policies, bool with_policy_warnings);

// What would make each member who is not eligible eligible (members[].changes).
// `labels`: what the answer's texts call each member (their name, else their relation).
void add_member_changes(const Request& request, const PolicySet& policies,
                        const std::vector<std::string>& labels, std::vector<MemberResult>& members);

// The source ids that reasons or changes cite, gathered for cited_sources.
template <typename Cited>
void collect_source_ids(const std::vector<Cited>& items, std::vector<std::string_view>& ids) {
  for (const Cited& item : items) {
    for (std::string_view id : item.sources) {
      // Neighbouring reasons often cite the same rule: fewer ids to sort.
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  }
}

// Each source once, ordered by id.
std::vector<SourceRef> cited_sources(const PolicySet& policies, std::vector<std::string_view> ids,
                                     Lang lang);

// The first day on which a rule known since `entry.known_since` is certainly in force: the day
// itself, or the first day after the month or year the sources name (start_warnings.cpp).
Date certain_from(const RuleEntry& entry);

}  // namespace gongji::detail
