// Whether the holder has a personal account that may be shared, and how much of it.
#include <algorithm>

#include "context.hpp"
#include "integer_text.hpp"

namespace gongji::detail {
namespace {

// What must stay in the holder's own account before anything is shared (福建's 2020 family account
// kept 2,000 yuan; 深圳 before 2023-10-01 shared only the part above 5% of the previous year's
// average wage). Returns false when the kept amount rests on a figure no source gives.
bool apply_share_above(Context& context, Fen& shareable, std::vector<Reason>& reasons,
                       std::vector<Reason>& warnings) {
  const Holder& holder = context.request.holder;
  const RuleEntry& above = context.use("share_above");
  const std::string region = context.region_name(context.holder_region);
  const ShareAbove& kept_rule = above.as<ShareAbove>();
  if (kept_rule.of_wage) {
    const int64_t percent = kept_rule.wage_percent;
    if (!kept_rule.wage_fen) {
      // Any reading of the wage leaves nothing of an empty account; otherwise it cannot be said.
      if (holder.balance_fen == 0) return true;
      shareable = 0;
      context.add_reason(
          reasons, "holder.threshold_unknown",
          context.texts.get(
              "holder.threshold_unknown",
              {{"region", region}, {"date", context.as_of}, {"percent", integer_text(percent)}}),
          &above);
      context.add_reason(warnings, "holder.wage_unsourced",
                         context.texts.get("warning.wage_unsourced", {{"region", region}}), &above);
      return false;
    }
  }
  const Fen kept =
      kept_rule.of_wage ? *kept_rule.wage_fen * kept_rule.wage_percent / 100 : kept_rule.fen;
  if (kept == 0) return true;
  shareable = std::min(shareable, std::max<Fen>(0, holder.balance_fen - kept));
  context.add_reason(reasons, "holder.kept_in_account",
                     context.texts.get("holder.kept_in_account",
                                       {{"region", context.setting_layer_name("share_above")},
                                        {"amount", context.texts.money(kept)}}),
                     &above);
  return true;
}

// The rule on which statuses have an account, as it applies to this holder. A region's rule that
// agrees with the nation's on this status adds nothing for this family (肇庆's third-party page is
// about the flexibly employed; an employed holder's account is the nation's rule, S1b): the
// national value is applied and cited beside it, and the region's sources are not.
const RuleEntry& status_rule(Context& context, Status status) {
  if (context.region_sets("holder_account")) {
    const bool local = context.rule("holder_account").as<StatusAccounts>().of(status);
    for (const RuleEntry& entry : context.policies.national().rules.at("holder_account")) {
      if (!entry.covers(context.request.as_of)) continue;
      if (entry.as<StatusAccounts>().of(status) == local &&
          !entry.doubts(name_of(status, kStatusNames))) {
        return *context.national_beside("holder_account");
      }
      break;
    }
  }
  return context.use("holder_account");
}

// Whether the holder has an account at all, with the reason that decides it.
bool has_account(Context& context, std::vector<Reason>& reasons, std::vector<Reason>& warnings) {
  const Holder& holder = context.request.holder;
  const RuleEntry& schemes = context.use("scheme_account");
  if (!schemes.as<SchemeAccounts>().of(holder.scheme)) {
    const char* code =
        holder.scheme == Scheme::resident ? "holder.resident_no_account" : "holder.uninsured";
    context.add_said(reasons, code, &schemes);
    // A balance entered without an account is some other money (the 社保卡's bank account, TC02):
    // said so, so that no one counts on it.
    if (holder.balance_fen > 0 && !context.request.holder_label) {
      context.add_reason(reasons, "holder.balance_not_account",
                         context.texts.get("holder.balance_not_account",
                                           {{"amount", context.texts.money(holder.balance_fen)}}),
                         &schemes);
    }
    return false;
  }
  if (holder.has_personal_account) {
    const char* code =
        *holder.has_personal_account ? "holder.account_declared" : "holder.account_declared_none";
    context.add_said(reasons, code, &schemes);
    return *holder.has_personal_account;
  }
  const std::string region = context.region_name(context.holder_region);
  const std::string status(name_of(holder.status, kStatusNames));
  const std::string status_text = std::string(context.texts.word("status", status));
  const RuleEntry& accounts = status_rule(context, holder.status);
  const bool status_has = accounts.as<StatusAccounts>().of(holder.status);
  // A tier the region names (深圳's 一档 has an account, 二档 none) decides whatever the status:
  // a flexible worker's account, doubted elsewhere, is then not in question (review 48).
  const RuleEntry* tiers = status_has ? &context.use("tiers") : nullptr;
  const Tiers* tier_list = tiers ? &tiers->as<Tiers>() : nullptr;
  const bool* tier_has = tier_list && holder.tier ? tier_list->find(*holder.tier) : nullptr;
  // Whether this status has an account may be only the likely reading (flexible workers: some
  // cities give them none): the reason says so, and the answer warns.
  const bool doubted = !tier_has && context.doubt("holder_account", accounts, region, status);
  if (!status_has) {
    const char* code =
        doubted ? "holder.status_no_account_unconfirmed" : "holder.status_no_account";
    context.add_reason(reasons, code,
                       context.texts.get(code, {{"region", region}, {"status", status_text}}),
                       &accounts);
    return false;
  }
  if (doubted) {
    context.add_reason(reasons, "holder.status_account_unconfirmed",
                       context.texts.get("holder.status_account_unconfirmed",
                                         {{"region", region}, {"status", status_text}}),
                       &accounts);
  }
  if (!tier_list->list.empty()) {
    if (!holder.tier) {
      // Which tiers have none, from the region's own list.
      context.add_reason(warnings, "holder.tier_missing",
                         context.texts.get("warning.tier_missing",
                                           {{"region", region},
                                            {"without", context.texts.tiers(*tier_list, false)}}),
                         tiers);
    } else if (tier_has) {
      const char* code = *tier_has ? "holder.tier_has_account" : "holder.tier_no_account";
      context.add_reason(
          reasons, code,
          // The tier as the form names it (一档), from the vocabulary.
          context.texts.get(
              code, {{"region", region}, {"tier", context.texts.word("tier", *holder.tier)}}),
          tiers);
      // A balance entered beside a tier without an account: most likely the tier chosen is not
      // the holder's (walk 46), which the family can check in its app.
      if (!*tier_has && holder.balance_fen > 0) {
        context.add_reason(reasons, "holder.tier_balance_check",
                           context.texts.get("holder.tier_balance_check",
                                             {{"amount", context.texts.money(holder.balance_fen)},
                                              {"region", region},
                                              {"tier", context.texts.word("tier", *holder.tier)},
                                              {"with", context.texts.tiers(*tier_list, true)}}),
                           tiers);
      }
      // The tier's sentence already says there is an account: a second one would repeat it.
      return *tier_has;
    }
  }
  if (doubted) return true;  // its reason says an account is taken as the likely case
  context.add_reason(reasons, "holder.employee_account",
                     context.texts.get("holder.employee_account", {{"status", status_text}}),
                     &accounts);
  return true;
}

}  // namespace

bool wallet_quota_applies(Context& context) {
  // A quota is set in the wallet, so only for a relative in another province whose wallet and the
  // holder's may both be open: where none may be, the amount entered is the holder's own cap.
  const auto open = [&](const ResolvedRegion& region) {
    return context.rule_in(context.region(region.province), "wallet").as<WalletState>() !=
           WalletState::none;
  };
  if (!context.rule("wallet_quota").as<bool>() || !open(context.holder_region)) return false;
  const auto& regions = context.member_regions;
  return std::any_of(regions.begin(), regions.end(), [&](const ResolvedRegion& r) {
    return r.province != context.holder_region.province && open(r);
  });  // the caller uses the quota rule if it applies
}

namespace {

// The amount the holder authorised, below what could be shared. From 2026, with a relative in
// another province, it is that relative's 共济额度 [S7]: reserved for them (members decide it and
// state_wallet_quota says it), not a cap on the others. Where the region lets holders cap what
// relatives use (holder_limit: 新疆's 授权金额, 山东's 消费可用限额) and some relatives are local,
// the one amount the request has is read both ways: the quota, and the local relatives' cap. Where
// no rule lets holders set one, the amount entered is still respected, and said as the user's own.
void apply_authorised_amount(Context& context, Fen amount, Fen& shareable, HolderResult& result) {
  const RuleEntry& local = context.rule("holder_limit");
  const std::string region = context.region_name(context.holder_region);
  const std::string money = context.texts.money(amount);
  const auto& regions = context.member_regions;
  const auto in_province = [&](const ResolvedRegion& r) {
    return r.province == context.holder_region.province;
  };
  const bool some_local = std::any_of(regions.begin(), regions.end(), in_province);
  const bool some_across = !std::all_of(regions.begin(), regions.end(), in_province);
  const bool quota = wallet_quota_applies(context);
  // A local cap counts the relatives insured in the province only (facts §6, scope of a local
  // limit): those reached through the wallet are not held to it, before the 2026 quota or after.
  if (local.as<bool>() && some_across) {
    if (!some_local) return;
    result.local_limit_fen = amount;
    context.add_reason(result.reasons, "holder.authorized_limit_local",
                       context.texts.get(quota ? "holder.authorized_limit_local"
                                               : "holder.authorized_limit_local_only",
                                         {{"amount", money}, {"region", region}}),
                       &context.use("holder_limit"));
    return;
  }
  if (quota) return;  // the amount is the cross-province relatives' quota
  shareable = amount;
  result.by_authorisation = true;
  // Either way the rule is cited: the region's that sets the amount, or the nation's that sets
  // none (what "no rule was found" rests on).
  context.add_reason(result.reasons, "holder.authorized_limit",
                     context.texts.get(local.as<bool>() ? "holder.authorized_limit"
                                                        : "holder.authorized_limit_no_rule",
                                       {{"amount", money}, {"region", region}}),
                     &context.use("holder_limit"));
}

}  // namespace

HolderResult decide_holder(Context& context, std::vector<Reason>& warnings) {
  const Holder& holder = context.request.holder;
  HolderResult result;
  result.has_account = has_account(context, result.reasons, warnings);
  if (!result.has_account) return result;

  const RuleEntry& relations = context.use("relations");
  if (relations.as<Relations>().list.empty()) {
    // Before the nation's rules a place may have had its own sharing (浙江's, 福建's): where no
    // source says, "not yet" is the reading taken, and the sentence says so (review 48).
    const std::string region = context.region_name(context.holder_region);
    context.add_reason(result.reasons, "holder.sharing_not_started",
                       context.texts.get(context.doubt("relations", relations, region, {})
                                             ? "holder.sharing_not_started_unconfirmed"
                                             : "holder.sharing_not_started",
                                         {{"date", context.as_of}, {"region", region}}),
                       &relations);
    return result;
  }
  result.can_share = true;

  // A region may open binding before payments (上海: networks in July 2022, payments in August).
  const RuleEntry& payments = context.use("payments_open");
  if (!payments.as<bool>()) {
    const std::string start =
        payments.until ? format_date(add_days(*payments.until, 1)) : std::string();
    result.payments_open = false;
    result.payments_start = start;
    context.add_reason(result.reasons, "holder.payments_not_started",
                       context.texts.get("holder.payments_not_started",
                                         {{"date", context.as_of},
                                          {"region", context.region_name(context.holder_region)},
                                          {"start", start}}),
                       &payments);
    return result;
  }

  const RuleEntry& part = context.use("shareable_part");
  Fen shareable = holder.balance_fen;
  const bool prior_years = part.as<ShareablePart>() == ShareablePart::prior_years;
  if (prior_years) {
    shareable = std::min(holder.prior_years_balance_fen.value_or(0), holder.balance_fen);
    // An empty account shares nothing whatever its parts; otherwise the part must be entered.
    const bool missing = !holder.prior_years_balance_fen && holder.balance_fen > 0;
    if (missing) {
      result.shareable_known = false;
      context.add_reason(
          warnings, "holder.prior_years_missing",
          context.texts.get("warning.prior_years_missing",
                            {{"region", context.region_name(context.holder_region)}}),
          &part);
    }
    const char* code = missing ? "holder.prior_years_unknown" : "holder.prior_years_only";
    // Nothing in the 历年 part: the zero-balance sentence below says so, once.
    const std::string text = !missing && shareable == 0 ? std::string(code) + ".empty" : code;
    context.add_reason(
        result.reasons, code,
        context.texts.get(text, {{"region", context.region_name(context.holder_region)},
                                 {"amount", context.texts.money(shareable)}}),
        &part);
  }
  const std::size_t before = result.reasons.size();
  const bool computed = apply_share_above(context, shareable, result.reasons, warnings);
  if (!computed) result.shareable_known = false;
  // "The whole balance" only where nothing had to stay in the account.
  if (!prior_years && result.reasons.size() == before && shareable > 0) {
    // Where the region sets no threshold of its own (深圳 from 2023-10-01 [S14]), that rule is
    // what the sentence rests on too.
    std::vector<std::string_view> sources(part.sources.begin(), part.sources.end());
    if (context.region_sets("share_above")) {
      for (const auto& id : context.use("share_above").sources) sources.push_back(id);
    }
    context.add_reason(
        result.reasons, "holder.whole_balance",
        context.texts.get("holder.whole_balance", {{"amount", context.texts.money(shareable)}}),
        std::move(sources));
  }
  // Where a shareable balance is needed to set up sharing at all, an empty one blocks the binding
  // (the zero-balance sentence below says the amount).
  if (shareable == 0 && result.shareable_known && context.rule("holder_needs_balance").as<bool>()) {
    result.needs_balance_first = true;
    context.add_reason(result.reasons, "holder.needs_balance",
                       context.texts.get("holder.needs_balance",
                                         {{"region", context.region_name(context.holder_region)}}),
                       &context.use("holder_needs_balance"));
  }
  const bool limited = holder.authorized_limit_fen && *holder.authorized_limit_fen < shareable;
  if (limited) apply_authorised_amount(context, *holder.authorized_limit_fen, shareable, result);
  // An authorised amount of 0 leaves the money in the account: the amount's own sentence says so,
  // not "nothing until new money comes in" (review 53).
  if (shareable == 0 && result.shareable_known && !limited) {
    // New money goes into the current-year account, which is not shared where only the 历年 part
    // is: there the sentence promises nothing about new money.
    const char* text = prior_years ? "holder.zero_balance_prior_years" : "holder.zero_balance";
    context.add_reason(result.reasons, "holder.zero_balance", context.texts.get(text), &relations);
  }
  result.shareable_fen = shareable;
  return result;
}

void state_wallet_quota(Context& context, HolderResult& holder,
                        const std::vector<MemberResult>& members) {
  if (!context.request.holder.authorized_limit_fen || !wallet_quota_applies(context)) return;
  // Said as part of the amount just stated ("其中…"): what relatives in another province really
  // hold, so nothing where none may be reached or nothing can be shared.
  Fen reserved = 0;
  int holding = 0;  // relatives who hold a quota: the one amount entered is each one's
  for (const MemberResult& member : members) {
    const Fen quota = quota_reserved(context, member);
    reserved += quota;
    holding += has_quota(context, member);
  }
  if (!holder.shareable_known || reserved <= 0) return;
  // Quotas entered beyond what can be shared (two of 1,000 from 1,500): said as such, with the
  // order they are kept aside in, never "each may use 1,000" beside "at most 500" (review 58).
  const Fen entered = *context.request.holder.authorized_limit_fen * holding;
  const char* key = reserved < entered ? (holding > 1 ? "holder.wallet_quota_short_each"
                                                      : "holder.wallet_quota_short")
                    : holding > 1      ? "holder.wallet_quota_each"
                                       : "holder.wallet_quota";
  context.add_reason(holder.reasons, "holder.wallet_quota",
                     context.texts.get(key, {{"amount", context.texts.money(reserved)},
                                             {"n", integer_text(holding)},
                                             {"total", context.texts.money(entered)}}),
                     &context.use("wallet_quota"));
}

}  // namespace gongji::detail
