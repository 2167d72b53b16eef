// Per member: the relation circle in force, the route between places of insurance, caps, the
// one-holder rule, face verification and contributions. Members are decided in input order.
#include <algorithm>
#include <array>

#include "changes.hpp"
#include "context.hpp"
#include "integer_text.hpp"

namespace gongji::detail {
namespace {

struct RouteDecision {
  Route route = Route::none;
  Reason reason;
};

// The 统筹区 (pooling area) a place of insurance belongs to, from the pooling rule of its province:
// the whole province, or its city: a prefecture-level city, or a county-level city the province
// administers directly (湖北 仙桃, 河南 济源). A code that names only the province stands for
// itself.
struct PoolingArea {
  std::string code;
  bool assumed = false;  // the rule lists this place as pooled on its own without a source
};

PoolingArea pooling_area(const Pooling& pooling, const ResolvedRegion& region) {
  if (pooling.unit == PoolingUnit::province) return {region.province};
  const auto& assumed = pooling.assumed_separate;
  const bool listed = std::find(assumed.begin(), assumed.end(), region.code) != assumed.end();
  return {region.code, listed};
}

// The text of reason `code` for this relative: where a reason says "insured in …", a relative not
// yet insured is told it of the place they would enrol (the message's ".uninsured" form).
std::string text_key(std::string_view code, bool uninsured) {
  return uninsured ? std::string(code) + ".uninsured" : std::string(code);
}

RouteDecision decide_route(Context& context, const ResolvedRegion& member_region, bool uninsured,
                           std::vector<std::string>& partial_wallets,
                           std::vector<std::string>& assumed_pooling) {
  const ResolvedRegion& holder_region = context.holder_region;
  Texts& texts = context.texts;
  auto said = [&](std::string_view code) { return text_key(code, uninsured); };
  const std::string& date = context.as_of;
  if (holder_region.province == member_region.province) {
    const RuleEntry& pooling = context.use("pooling");
    const RuleEntry& member_pooling = context.use_in(member_region, "pooling");
    const PoolingArea holder_area = pooling_area(pooling.as<Pooling>(), holder_region);
    const PoolingArea member_area = pooling_area(member_pooling.as<Pooling>(), member_region);
    for (const ResolvedRegion* region : {&holder_region, &member_region}) {
      const bool assumed = region == &holder_region ? holder_area.assumed : member_area.assumed;
      const std::string name = context.region_name(*region);
      if (assumed && std::find(assumed_pooling.begin(), assumed_pooling.end(), name) ==
                         assumed_pooling.end()) {
        assumed_pooling.push_back(name);
      }
    }
    if (holder_area.code == member_area.code) {
      return {Route::local, context.reason("member.route_local",
                                           texts.get(said("member.route_local")), &pooling)};
    }
    const RuleEntry& in_province = context.use("in_province");
    const std::string province = context.region_name(context.region(holder_region.province));
    const bool doubted = context.doubt("in_province", in_province, province);
    const bool open = in_province.as<bool>();
    if (!open && doubted) {
      return {Route::none, context.reason("member.route_in_province_unconfirmed",
                                          texts.get("member.route_in_province_unconfirmed",
                                                    {{"date", date}, {"region", province}}),
                                          &in_province)};
    }
    if (open) {
      return {Route::in_province,
              context.reason("member.route_in_province",
                             texts.get(said("member.route_in_province")), &in_province)};
    }
    return {
        Route::none,
        context.reason("member.route_in_province_closed",
                       texts.get("member.route_in_province_closed",
                                 {{"date", date}, {"region", context.region_name(holder_region)}}),
                       &in_province)};
  }

  const RuleEntry& holder_wallet = context.use("wallet");
  const RuleEntry& member_wallet = context.use_in(member_region, "wallet");
  std::vector<std::string_view> sources(holder_wallet.sources.begin(), holder_wallet.sources.end());
  for (const auto& id : member_wallet.sources) {
    if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
  }
  const ResolvedRegion& holder_province = context.region(holder_region.province);
  const ResolvedRegion& member_province = context.region(member_region.province);
  // An end whose wallet is surely closed decides; one only read as closed (北京 while it was
  // being tested, 广东 after the last list) makes the answer say it is not confirmed.
  std::vector<std::string> closed, doubted;
  const std::pair<const RuleEntry*, const ResolvedRegion*> ends[] = {
      {&holder_wallet, &holder_province}, {&member_wallet, &member_province}};
  for (const auto& [wallet, province] : ends) {
    if (wallet->as<WalletState>() != WalletState::none) continue;
    const std::string name = context.region_name(*province);
    (wallet->unconfirmed ? doubted : closed).push_back(name);
  }
  if (!closed.empty()) {
    return {Route::none,
            context.reason("member.route_cross_province_closed",
                           texts.get("member.route_cross_province_closed",
                                     {{"date", date}, {"closed", texts.series(closed)}}),
                           sources)};
  }
  for (const auto& [wallet, province] : ends) {
    context.doubt("wallet", *wallet, context.region_name(*province));
  }
  if (!doubted.empty()) {
    return {Route::none,
            context.reason("member.route_cross_province_unconfirmed",
                           texts.get("member.route_cross_province_unconfirmed",
                                     {{"date", date}, {"closed", texts.series(doubted)}}),
                           sources)};
  }
  // Each end's own state (both may be the same national entry: told apart by end, not address).
  for (const auto& [wallet, province] : ends) {
    if (wallet->as<WalletState>() == WalletState::partial) {
      const std::string name = context.region_name(*province);
      if (std::find(partial_wallets.begin(), partial_wallets.end(), name) ==
          partial_wallets.end()) {
        partial_wallets.push_back(name);
      }
    }
  }
  const RuleEntry& limits = context.use("wallet_limits");
  const Fen per_transfer = limits.as<WalletLimits>().per_transfer_fen;
  const int64_t per_day = limits.as<WalletLimits>().transfers_per_day;
  // The limits of 2025 may not hold under the 2026 quotas. Then the reason names the route only:
  // the limits and the doubt are said where the family reads them once each, in the doubt's item
  // and in the wallet's note of the guidance (and a bill counts its transfers "if they apply").
  const bool limits_doubted =
      context.doubt("wallet_limits", limits, context.region_name(holder_province));
  if (!limits_doubted) {
    for (const auto& id : limits.sources) {
      if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
    }
  }
  const char* code = limits_doubted ? "member.route_cross_province_limits_unconfirmed"
                                    : "member.route_cross_province";
  return {Route::cross_province,
          context.reason(code,
                         texts.get(said(code), {{"other", context.region_name(member_province)},
                                                {"per_transfer", texts.money(per_transfer)},
                                                {"count", integer_text(per_day)},
                                                {"day_max", texts.money(per_transfer * per_day)}}),
                         sources)};
}

// Whether the national circle in force holds `relation` although its first circle did not.
bool joined_circle_later(const Context& context, Relation relation) {
  const std::vector<RuleEntry>& national = context.policies.national().rules.at("relations");
  auto holds = [&](const RuleEntry& entry) { return entry.as<Relations>().holds(relation); };
  const auto first = std::find_if(national.begin(), national.end(), [](const RuleEntry& entry) {
    return !entry.as<Relations>().list.empty();
  });
  const auto now = std::find_if(national.begin(), national.end(), [&](const RuleEntry& entry) {
    return entry.covers(context.request.as_of);
  });
  return first != national.end() && now != national.end() && !holds(*first) && holds(*now);
}

// A later circle of the holder's province or city that holds `relation` and is known only from
// the day of its source (上海's, from 2025-07-23): the source confirms the widening, only not
// from when. Its layer is the place named.
const RuleEntry* own_later_circle(const Context& context, Relation relation,
                                  const RegionPolicy*& layer_out) {
  for (const RegionPolicy* layer : context.holder_region.layers) {
    if (layer->code == PolicySet::kNationalCode) continue;
    const auto entries = layer->rules.find("relations");
    if (entries == layer->rules.end()) continue;
    for (const RuleEntry& entry : entries->second) {
      if (entry.from > context.request.as_of && entry.as<Relations>().holds(relation) &&
          entry.known_since && *entry.known_since == entry.from) {
        layer_out = layer;
        return &entry;
      }
    }
  }
  return nullptr;
}

// The age from which a relative checks their own face: the region's rule, or across provinces
// the national app's (亲情账户, S23) where the region has its own.
const RuleEntry& face_age_rule(Context& context, bool wallet) {
  const RuleEntry* national = wallet ? context.national_beside("face_verification_age") : nullptr;
  return national ? *national : context.use("face_verification_age");
}

// The circle that decides a relative: in another province the wallet's, a national rule (近亲属:
// S5 from the wallet's opening, the 2026 notice S7), where it is in force, also while the wallet
// is not open at one end (it is the circle once it is); else the holder's region's. Used.
const RuleEntry& circle_rule(Context& context, bool across_provinces) {
  if (across_provinces) {
    if (const RuleEntry* wallet = context.rule_if_any("wallet_relations")) {
      context.used("wallet_relations", *wallet);
      return *wallet;
    }
  }
  return context.use("relations");
}

// Whether the relation is in the circle in force; adds the deciding reason.
bool relation_allowed(Context& context, const Member& member, bool across_provinces,
                      MemberResult& result) {
  const RuleEntry& relations = circle_rule(context, across_provinces);
  const Relations& circle = relations.as<Relations>();
  if (circle.list.empty()) return false;  // not started: the holder's reason says so
  // "a parent": the sentences below speak of any relative of this kind.
  const std::string label(
      context.texts.word("relation", name_of(member.relation, kRelationNames), "one"));
  const std::string& date = context.as_of;
  const bool allowed = circle.holds(member.relation);
  if (&relations == context.rule_if_any("wallet_relations")) {
    // The wallet's circle is the nation's, the same in every region: no local doubt about it.
    if (allowed) {
      context.add_reason(result.reasons, "member.relation_allowed_wallet",
                         context.texts.get("member.relation_allowed_wallet",
                                           {{"relation", label}, {"date", date}}),
                         &relations);
      return true;
    }
  }
  const bool widened = joined_circle_later(context, member.relation);
  if (widened) context.widened_circle_decides = true;
  if (allowed) {
    // Where the region has no circle of its own, the nation's stands in: the day 14号's circle
    // began there is unknown (facts N1), and so is whether it has added the 2024 near relatives
    // (eight provinces had not by 2024-11, unnamed: N4), which the deciding reason then says.
    // The region's own way to bind in force on `as_of`, on a source not only unofficial (广东's in
    // use by 2023-02 [S15]): sharing ran there, so its start is no doubt for 14号's own circle
    // (review 58).
    const RuleEntry& channels = context.rule("channels");
    const bool running = context.region_sets("channels") && !channels.third_party_only &&
                         !channels.unconfirmed &&
                         (!channels.known_since || certain_from(channels) <= context.request.as_of);
    const bool own = context.region_sets("relations") || (running && !widened);
    const std::string region = context.region_name(context.holder_region);
    if (!own) context.doubt("relations", relations, region);
    const RegionPolicy* later_layer = nullptr;
    const RuleEntry* later =
        widened && !own ? own_later_circle(context, member.relation, later_layer) : nullptr;
    // The nation's first circle stands in from 14号's day where the region's own start is unknown
    // (facts N1: most began in 2022–2023): the deciding reason says so, not only a warning.
    const bool start_unknown = !own && !widened && relations.unconfirmed.has_value();
    const char* key = later             ? "member.relation_allowed_known_later"
                      : widened && !own ? "member.relation_allowed_unconfirmed"
                      : start_unknown   ? "member.relation_allowed_start_unconfirmed"
                                        : "member.relation_allowed";
    // Provinces widened their circles (N4): the doubt names the holder's province, or the
    // region whose own later circle confirms it.
    const std::string place = later ? later_layer->name.in(context.request.lang)
                                    : region_label(context.policies, context.holder_region.province,
                                                   context.request.lang);
    Reason reason = context.reason(
        key,
        context.texts.get(key, {{"relation", label},
                                {"date", date},
                                {"region", place},
                                {"known", later ? format_date(later->from) : std::string()}}),
        &relations);
    if (later) {
      for (const std::string& id : later->sources) reason.sources.push_back(id);
    }
    result.reasons.push_back(std::move(reason));
    return true;
  }
  // In-laws and others are outside the Civil Code's near relatives: never in any circle.
  const RuleEntry& widest = context.policies.national().rules.at("relations").back();
  const bool ever = widest.as<Relations>().holds(member.relation);
  if (!ever) {
    // In a household plan the holder is another person: the sentence names the relative
    // ("父亲不是配偶的近亲属"), since "配偶的父母" from the spouse's side reads as the wrong
    // people.
    const std::string& name =
        context.member_labels[static_cast<std::size_t>(&member - context.request.members.data())];
    // The user is "您" (review 51: "其他亲友" for a son-in-law read as an outsider).
    const char* text =
        member.reader ? "member.not_near_relative_reader" : "member.not_near_relative";
    context.add_reason(result.reasons, "member.not_near_relative",
                       context.texts.get(text, {{"relation", label}, {"member", name}}), &widest);
    return false;
  }
  std::vector<std::string> names;
  for (Relation item : circle.list) {
    names.push_back(std::string(context.texts.word("relation", name_of(item, kRelationNames))));
  }
  // A circle the region does not set is the nation's: said as the nation's, not the place's.
  const char* text = context.region_sets("relations") ? "member.relation_not_yet"
                                                      : "member.relation_not_yet.national";
  context.add_reason(
      result.reasons, "member.relation_not_yet",
      context.texts.get(text, {{"date", date},
                               {"region", context.region_name(context.holder_region)},
                               {"allowed", context.texts.series(names)},
                               {"relation", label}}),
      &relations);
  return false;
}

// Member caps per relation and in total; counts only members that could otherwise be bound.
class Caps {
 public:
  explicit Caps(Context& context) : context_(context) {}

  bool admit(const Member& member, MemberResult& result) {
    const std::string region = context_.region_name(context_.holder_region);
    const RuleEntry& total = context_.use("member_cap_total");
    const std::optional<int64_t> cap_total = total.as<MemberCapTotal>().cap;
    // The relation's own limit first: where it is full, leaving out another kind of relative
    // makes no room (大连: a fourth child).
    const std::string key = relation_key(member.relation);
    if (has_rule(key)) {
      const RuleEntry& cap = context_.use(key);
      const int64_t limit = cap.as<int64_t>();
      if (per_relation_[static_cast<std::size_t>(member.relation)] >= limit) {
        context_.add_reason(
            result.reasons, "member.cap_relation",
            context_.texts.get("member.cap_relation",
                               {{"region", region},
                                {"relation", context_.relation_label(member.relation)},
                                {"cap", integer_text(limit)}}),
            &cap);
        return false;
      }
    }
    if (cap_total && admitted_ >= *cap_total) {
      std::vector<std::string> named;  // the relations the rule gives places to, counted first
      for (std::string_view name : kRelationNames) {
        if (has_rule("member_cap." + std::string(name)))
          named.push_back(std::string(context_.texts.word("relation", name)));
      }
      context_.add_reason(
          result.reasons, "member.cap_total",
          context_.texts.get(named.empty() ? "member.cap_total" : "member.cap_total.named",
                             {{"region", region},
                              {"cap", integer_text(*cap_total)},
                              {"named", context_.texts.series(named)}}),
          &total);
      return false;
    }
    ++admitted_;
    ++per_relation_[static_cast<std::size_t>(member.relation)];
    return true;
  }

  // Whether a total cap is in force and some relation has places of its own under it.
  bool names_places() {
    if (!context_.rule("member_cap_total").as<MemberCapTotal>().cap) return false;
    for (std::string_view name : kRelationNames) {
      if (has_rule("member_cap." + std::string(name))) return true;
    }
    return false;
  }

  bool has_places(const Member& member) const { return has_rule(relation_key(member.relation)); }

  // Whether a cap in force would count this member at all (a total, or one for the relation): a
  // look only, since most members are admitted or refused before any cap counts them.
  bool limits(const Member& member) {
    if (context_.rule("member_cap_total").as<MemberCapTotal>().cap) return true;
    return has_rule(relation_key(member.relation));
  }

  // The caps in force that a reason about them speaks of (their scope), as used.
  void used_by_reason(const Member& member) {
    const RuleEntry& total = context_.rule("member_cap_total");
    if (total.as<MemberCapTotal>().cap) context_.used("member_cap_total", total);
    if (has_rule(relation_key(member.relation))) context_.use(relation_key(member.relation));
  }

 private:
  static std::string relation_key(Relation relation) {
    return "member_cap." + std::string(name_of(relation, kRelationNames));
  }

  // Per-relation caps exist only where a region sets them, so look before asking.
  bool has_rule(const std::string& key) const {
    for (const RegionPolicy* layer : context_.holder_region.layers) {
      const auto found = layer->rules.find(key);
      if (found == layer->rules.end()) continue;
      for (const RuleEntry& entry : found->second) {
        if (entry.covers(context_.request.as_of)) return true;
      }
    }
    return false;
  }

  Context& context_;
  int64_t admitted_ = 0;
  std::array<int64_t, kRelationNames.size()> per_relation_{};  // bound so far, by relation
};

// Whether the region's own limits (caps, one 共济人 per relative) count this member. They count the
// relatives their source speaks of; one reached through the cross-province wallet is under the
// national notice, which sets no such limit. Where the source does not say, the relative is not
// counted and the answer says the scope is unconfirmed.
bool in_cap_scope(Context& context, Route route, bool single, Caps& caps, const Member& member,
                  MemberResult& result) {
  const bool capped = caps.limits(member);
  if (!(single || capped) || route == Route::none) return true;  // no limit to count against
  const RuleEntry& scope = context.use("cap_scope");
  const CapScope scope_value = scope.as<CapScope>();
  const bool counted = scope_value == CapScope::pooling_area
                           ? route == Route::local
                           : route == Route::local || route == Route::in_province;
  if (counted) return true;
  // The reason names the limits that would have counted this member, and the route it takes: it
  // speaks of them, so they are used.
  if (capped) caps.used_by_reason(member);
  if (single) context.use("single_holder");
  std::vector<std::string> limits;
  if (capped) limits.push_back(context.texts.get("limit.cap"));
  if (single) limits.push_back(context.texts.get("limit.single_holder"));
  const std::string region = context.region_name(context.holder_region);
  const char* code = route == Route::in_province            ? "member.cap_not_counted_in_province"
                     : scope_value == CapScope::unconfirmed ? "member.cap_scope_unconfirmed"
                                                            : "member.cap_not_counted";
  context.add_reason(
      result.reasons, code,
      context.texts.get(code, {{"region", region}, {"limits", context.texts.series(limits)}}),
      &scope);
  return false;
}

// A relative bound elsewhere who may be bound here too: said as the rule where a source states
// it (深圳 [S14]), and as this answer's reading where none does (review 60 #4).
void say_bound_elsewhere_ok(Context& context, const Member& member, MemberResult& result,
                            const RuleEntry* rule) {
  const bool sure = rule && !rule->unconfirmed && !rule->third_party_only;
  std::string key = sure ? "sure" : "unconfirmed";
  if (member.reader) key += "_reader";
  context.add_reason(result.reasons, "member.bound_elsewhere_ok",
                     context.texts.label("bound_elsewhere_ok", key), rule);
}

bool one_holder_allows(Context& context, const Member& member, MemberResult& result) {
  if (!member.bound_to_other_holder) return true;
  const RuleEntry& single = context.use("single_holder");
  if (single.as<bool>()) {
    context.add_reason(result.reasons, "member.single_holder_bound",
                       context.texts.get(member.reader ? "member.single_holder_bound_reader"
                                                       : "member.single_holder_bound",
                                         {{"region", context.region_name(context.holder_region)}}),
                       &single);
    return false;
  }
  say_bound_elsewhere_ok(context, member, result, &single);
  return true;
}

void decide_contribution(Context& context, const Member& member, bool binding_ok, Route route,
                         MemberResult& result) {
  if (!binding_ok) return;
  // Across provinces the holder's money reaches the relative only through the wallet, so what it
  // may pay is the wallet's list; at home, what the account itself may pay.
  const char* key = route == Route::cross_province ? "wallet_use.resident_contribution"
                                                   : "use.resident_contribution";
  // A relative in the employee scheme has no such contribution: the rule is cited, not applied
  // (its doubts are not this family's).
  if (member.scheme == Scheme::employee) {
    context.add_said(result.reasons, "member.contribution_employee", &context.rule(key));
    return;
  }
  const RuleEntry& use = context.use(key);
  if (!use.as<Use>().allowed) return;
  // A first contribution for a relative not yet insured: at home the region's rule; across
  // provinces the wallet's, which reaches only the insured (N6: the 被共济人 must be enrolled).
  if (member.scheme == Scheme::none) {
    const bool wallet = route == Route::cross_province;
    const RuleEntry& uninsured =
        context.use(wallet ? "wallet_uninsured_contribution" : "uninsured_contribution");
    if (!uninsured.as<bool>()) {
      const char* code = wallet ? "member.contribution_wallet_uninsured_not_allowed"
                                : "member.contribution_uninsured_not_allowed";
      context.add_reason(result.reasons, code, context.texts.get(code, {{"date", context.as_of}}),
                         &uninsured);
      return;
    }
  }
  result.contribution_payable = true;
  if (route != Route::cross_province) {
    // Payable only as a reading (before 2024 the nation asked places to "explore" it): said so
    // here too, not only in the warnings (review 60 #8).
    context.add_reason(
        result.reasons, "member.contribution_payable",
        context.texts.get(use.doubts("allowed") ? "member.contribution_payable_unconfirmed"
                                                : "member.contribution_payable"),
        &use);
    return;
  }
  // Across provinces the money reaches the relative's own wallet (a transfer, or from 2026 a
  // quota) and the relative pays from it: the reason states (and cites) the wallet's mechanism.
  const RuleEntry& quota = context.use("wallet_quota");
  const char* code =
      quota.as<bool>() ? "member.contribution_by_quota" : "member.contribution_by_transfer";
  context.add_reason(result.reasons, code,
                     context.texts.get(text_key(code, member.scheme == Scheme::none)), &quota);
}

// From 2026 the holder sets a quota (共济额度) for each relative across provinces in the wallet:
// the relative may draw up to it and no more.
void add_wallet_quota(Context& context, MemberResult& result) {
  const RuleEntry& quota = context.use("wallet_quota");
  if (!quota.as<bool>()) return;
  const auto& limit = context.request.holder.authorized_limit_fen;
  if (!limit) {
    context.add_said(result.reasons, "member.wallet_quota_needed", &quota);
    return;
  }
  result.usable_fen = std::min(result.usable_fen, *limit);
  context.add_reason(
      result.reasons, "member.wallet_quota",
      context.texts.get("member.wallet_quota", {{"amount", context.texts.money(*limit)}}), &quota);
}

// A quota granted to a relative across provinces is theirs alone [S7]: what each other relative
// may draw is the pool less the quotas held for the others. Then each eligible member is told
// their "up to", after every other reason.
void say_usable(Context& context, const HolderResult& holder, std::vector<MemberResult>& results) {
  // The quotas together hold at most what can be shared: relatives in the order entered.
  std::vector<Fen> held(results.size());
  Fen total_held = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    held[i] = std::min(quota_reserved(context, results[i]), holder.shareable_fen - total_held);
    total_held += held[i];
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    MemberResult& result = results[i];
    if (!result.eligible) continue;
    // The holder's cap on what the relatives in the province use together (holder_limit): where
    // it is what binds, the member is told that, not the quotas held for others.
    const Fen for_others = total_held - held[i];
    const bool capped = holder.local_limit_fen && result.route != Route::cross_province &&
                        *holder.local_limit_fen <= holder.shareable_fen - for_others;
    if (capped) {
      result.usable_fen = std::min(result.usable_fen, *holder.local_limit_fen);
      context.add_reason(
          result.reasons, "member.authorized_limit_local",
          context.texts.get("member.authorized_limit_local",
                            {{"amount", context.texts.money(*holder.local_limit_fen)}}),
          &context.use("holder_limit"));
    } else if (for_others > 0) {
      result.usable_fen =
          std::min(result.usable_fen, std::max<Fen>(0, holder.shareable_fen - for_others));
      const auto others = std::count_if(held.begin(), held.end(), [](Fen h) { return h > 0; }) -
                          (held[i] > 0 ? 1 : 0);
      const char* key =
          others > 1 ? "member.quota_held_for_others_each" : "member.quota_held_for_others";
      context.add_reason(result.reasons, "member.quota_held_for_others",
                         context.texts.get(key, {{"amount", context.texts.money(for_others)},
                                                 {"n", integer_text(others)}}),
                         &context.use("wallet_quota"));
    }
    // "Up to 0.00" reads as a refusal: with nothing to draw now, the sentence says that. A
    // relative across provinces with no quota entered may draw what the holder sets, no more.
    const bool quota_unknown = result.route == Route::cross_province &&
                               !context.request.holder.authorized_limit_fen &&
                               context.rule("wallet_quota").as<bool>();
    const char* code = !holder.shareable_known  ? "member.eligible_amount_unknown"
                       : result.usable_fen <= 0 ? "member.eligible_nothing_now"
                       : quota_unknown          ? "member.eligible_up_to_quota"
                                                : "member.eligible";
    Reason reason =
        context.reason(code,
                       context.texts.get(code, {{"amount", context.texts.money(result.usable_fen)},
                                                {"account", context.shared_account()}}),
                       &circle_rule(context, result.route == Route::cross_province));
    if (std::string_view(code) == "member.eligible_up_to_quota") {
      for (const std::string& id : context.use("wallet_quota").sources) {
        if (std::find(reason.sources.begin(), reason.sources.end(), id) == reason.sources.end())
          reason.sources.push_back(id);
      }
    }
    result.reasons.push_back(std::move(reason));
  }
}

}  // namespace

bool has_quota(Context& context, const MemberResult& member) {
  return member.eligible && member.route == Route::cross_province &&
         context.request.holder.authorized_limit_fen && context.rule("wallet_quota").as<bool>();
}

Fen quota_reserved(Context& context, const MemberResult& member) {
  return has_quota(context, member) ? member.usable_fen : 0;
}

std::vector<MemberResult> decide_members(Context& context, const HolderResult& holder,
                                         std::vector<MemberBinding>& bindings,
                                         std::vector<Reason>& warnings) {
  std::vector<MemberResult> results;
  std::vector<std::string> partial_wallets;
  std::vector<std::string> assumed_pooling;  // places pooled on their own without a source
  std::vector<std::string> partial_sources;
  Caps caps(context);
  // Before sharing starts, a holder with an account is told that, not that there is no account.
  const bool not_started =
      !holder.can_share && has_reason(holder.reasons, "holder.sharing_not_started");

  // Under a total cap whose rule names whom its places are for (大连: 父1/母1/配偶1/子女3), those
  // relatives are counted first and the others after them: who is left over follows the rule,
  // not the order the family was typed in.
  const std::size_t count = context.request.members.size();
  std::vector<std::size_t> turns;
  turns.reserve(count);
  const bool named_first = caps.names_places();
  for (int pass = named_first ? 0 : 1; pass < 2; ++pass) {
    for (std::size_t i = 0; i < count; ++i) {
      if (!named_first || caps.has_places(context.request.members[i]) == (pass == 0))
        turns.push_back(i);
    }
  }
  results.resize(count);
  bindings.resize(count);

  for (const std::size_t i : turns) {
    const Member& member = context.request.members[i];
    MemberResult result;
    result.reasons.reserve(8);  // a member's answer has 5 to 8 reasons
    result.id = member.id;

    // A holder who cannot share (no account, or sharing not started) opens no path to anyone.
    const RouteDecision route = holder.can_share ? decide_route(context, context.member_regions[i],
                                                                member.scheme == Scheme::none,
                                                                partial_wallets, assumed_pooling)
                                                 : RouteDecision{};
    result.route = route.route;

    bool binding_ok = holder.can_share;
    if (not_started) {
      const RuleEntry& relations = context.use("relations");
      context.add_reason(
          result.reasons, "member.sharing_not_started",
          context.texts.get(
              relations.unconfirmed ? "member.sharing_not_started_unconfirmed"
                                    : "member.sharing_not_started",
              {{"date", context.as_of}, {"region", context.region_name(context.holder_region)}}),
          &relations);
    } else if (!holder.can_share) {
      std::vector<std::string_view> sources;
      for (const Reason& reason : holder.reasons) {
        for (std::string_view id : reason.sources) sources.push_back(id);
      }
      context.add_reason(result.reasons, "member.holder_cannot_share",
                         context.texts.get("member.holder_cannot_share"), sources);
    }
    const bool across_provinces =
        context.member_regions[i].province != context.holder_region.province;
    const bool relation_ok = relation_allowed(context, member, across_provinces, result);
    binding_ok = relation_ok && binding_ok;
    // How the money would reach a relative who may not be bound at all is moot ("shared locally"
    // beside "cannot share" reads as a contradiction): an open route is said for allowed
    // relations. A closed one is a refusal of its own where the circle refuses only for now: a
    // brother in another province before the wallet is not to read "wait for the circle to widen"
    // alone. (An in-law is never in it: the route is moot there too.)
    const bool not_yet = !relation_ok && has_reason(result.reasons, "member.relation_not_yet");
    if (holder.can_share && (relation_ok || (not_yet && route.route == Route::none)))
      result.reasons.push_back(route.reason);
    binding_ok = route.route != Route::none && binding_ok;
    // Sharing set up where the holder is (not through the wallet) needs a shareable balance there.
    if (binding_ok && holder.needs_balance_first && route.route != Route::cross_province) {
      binding_ok = false;
      context.add_reason(
          result.reasons, "member.holder_needs_balance",
          context.texts.get("member.holder_needs_balance",
                            {{"region", context.region_name(context.holder_region)}}),
          &context.use("holder_needs_balance"));
    }
    // Caps and the one-holder rule matter only where a binding could happen: a holder who cannot
    // share consults neither (nor is warned about them).
    const bool single = holder.can_share && member.bound_to_other_holder &&
                        context.rule("single_holder").as<bool>();
    if (holder.can_share && in_cap_scope(context, route.route, single, caps, member, result)) {
      binding_ok = one_holder_allows(context, member, result) && binding_ok;
      if (binding_ok) binding_ok = caps.admit(member, result);
    } else if (holder.can_share && member.bound_to_other_holder) {
      // Outside the local rule's scope the national notice answers: one may share with several.
      say_bound_elsewhere_ok(context, member, result, context.national_beside("single_holder"));
    }

    // Where a region says whose account pays first among several holders, a relative bound
    // through its own channels who has others is told (the wallet's order is the nation's).
    if (binding_ok && member.bound_to_other_holder && route.route != Route::cross_province) {
      if (const RuleEntry* order = context.rule_if_any("holder_order")) {
        context.used("holder_order", *order);
        context.add_reason(
            result.reasons, "member.holder_order",
            context.texts.get(
                "member.holder_order",
                {{"order",
                  context.texts.get("holder_order." + std::string(name_of(order->as<HolderOrder>(),
                                                                          kHolderOrderNames)))}}),
            order);
      }
    }

    const bool insured = member.scheme != Scheme::none;
    if (!insured) {
      context.add_reason(
          result.reasons, "member.uninsured",
          context.texts.get(member.reader ? "member.uninsured_reader" : "member.uninsured"),
          &circle_rule(context, across_provinces));
    }
    result.eligible = binding_ok && insured && holder.payments_open;
    if (binding_ok && !holder.payments_open) {
      // Binding is possible, but nothing can be paid for this member until payments begin: not
      // even a first contribution for one not yet insured (review 45: 上海, 2022-07-20, was told
      // only "not insured", beside a note that the account could pay it).
      context.add_reason(
          result.reasons, "member.payments_not_started",
          context.texts.get("member.payments_not_started", {{"start", holder.payments_start}}),
          &context.use("payments_open"));
    }
    // Before payments begin (上海, July 2022) no contribution can be paid either.
    decide_contribution(context, member, binding_ok && holder.payments_open, route.route, result);

    // Face verification is part of binding: only said of a member who can be bound. The national
    // age is the app's rule for adding a family member (亲情账户, S23), not a rule of sharing: an
    // answer that rests on it (no local rule, or the wallet) says so.
    if (binding_ok) {
      const bool wallet = route.route == Route::cross_province;
      const RuleEntry& face_age = face_age_rule(context, wallet);
      const int64_t face_limit = face_age.as<int64_t>();
      const bool local_rule = !wallet && context.region_sets("face_verification_age");
      result.needs_face_verification = member.age >= face_limit;
      const char* face_code =
          result.needs_face_verification
              ? (local_rule ? "member.face_verification" : "member.face_verification_app")
              : (local_rule ? "member.no_face_verification" : "member.no_face_verification_app");
      // A local rule only reported (江苏's, 新疆's: third parties, or read as likely) is said as
      // reported, not as a fact (review 50).
      const bool reported = local_rule && (face_age.unconfirmed || face_age.third_party_only);
      const char* face_text = !reported ? face_code
                              : result.needs_face_verification
                                  ? "member.face_verification_reported"
                                  : "member.no_face_verification_reported";
      context.add_reason(result.reasons, face_code,
                         context.texts.get(face_text, {{"age", integer_text(member.age)},
                                                       {"limit", integer_text(face_limit)}}),
                         &face_age);
    }

    if (result.eligible) {
      result.usable_fen = holder.shareable_fen;
      if (route.route == Route::cross_province) add_wallet_quota(context, result);
    }
    MemberBinding binding{binding_ok};
    if (!binding_ok && only_doubt(result)) {
      binding.if_confirmed = true;
      binding.face_if_bound = member.age >= face_age_rule(context, across_provinces).as<int64_t>();
    }
    bindings[i] = binding;
    results[i] = std::move(result);
  }
  say_usable(context, holder, results);
  if (!assumed_pooling.empty()) {
    context.add_reason(warnings, "route.pooling_assumed",
                       context.texts.get("warning.pooling_assumed",
                                         {{"regions", context.texts.series(assumed_pooling)}}),
                       &context.use("pooling"));
  }
  if (!partial_wallets.empty()) {
    const RuleEntry& wallet = context.use("wallet");
    Reason warning =
        context.reason("route.wallet_partial",
                       context.texts.get("warning.wallet_partial",
                                         {{"regions", context.texts.series(partial_wallets)}}),
                       &wallet);
    warning.places = std::move(partial_wallets);  // a household plan names every holder's once
    warnings.push_back(std::move(warning));
  }
  return results;
}

}  // namespace gongji::detail
