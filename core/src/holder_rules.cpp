// Whether the holder has a personal account that may be shared, and how much of it.
#include <algorithm>

#include "context.hpp"

namespace gongji::detail {
namespace {

// Whether the holder has an account at all, with the reason that decides it.
bool has_account(Context& context, std::vector<Reason>& reasons, std::vector<Reason>& warnings) {
  const Holder& holder = context.request.holder;
  const std::string scheme(name_of(holder.scheme, kSchemeNames));
  const RuleEntry& schemes = context.rule("scheme_account");
  if (!schemes.value.at(scheme).get<bool>()) {
    const char* code =
        holder.scheme == Scheme::resident ? "holder.resident_no_account" : "holder.uninsured";
    reasons.push_back(context.reason(code, context.texts.get(code), &schemes));
    return false;
  }
  if (holder.has_personal_account) {
    const char* code =
        *holder.has_personal_account ? "holder.account_declared" : "holder.account_declared_none";
    reasons.push_back(context.reason(code, context.texts.get(code), &schemes));
    return *holder.has_personal_account;
  }
  const std::string region = context.region_name(context.holder_region);
  const std::string status(name_of(holder.status, kStatusNames));
  const std::string status_text = context.texts.label("status", status);
  const RuleEntry& accounts = context.rule("holder_account");
  if (!accounts.value.at(status).get<bool>()) {
    reasons.push_back(
        context.reason("holder.status_no_account",
                       context.texts.get("holder.status_no_account",
                                         {{"region", region}, {"status", status_text}}),
                       &accounts));
    return false;
  }
  const RuleEntry& tiers = context.rule("tiers");
  if (!tiers.value.empty()) {
    if (!holder.tier) {
      warnings.push_back(
          context.reason("holder.tier_missing",
                         context.texts.get("warning.tier_missing", {{"region", region}}), &tiers));
    } else if (tiers.value.contains(*holder.tier)) {
      const bool tier_has_account = tiers.value.at(*holder.tier).get<bool>();
      const char* code = tier_has_account ? "holder.tier_has_account" : "holder.tier_no_account";
      reasons.push_back(context.reason(
          code, context.texts.get(code, {{"region", region}, {"tier", *holder.tier}}), &tiers));
      if (!tier_has_account) return false;
    }
  }
  reasons.push_back(context.reason(
      "holder.employee_account",
      context.texts.get("holder.employee_account", {{"status", status_text}}), &accounts));
  return true;
}

}  // namespace

HolderResult decide_holder(Context& context, std::vector<Reason>& warnings) {
  const Holder& holder = context.request.holder;
  HolderResult result;
  result.has_account = has_account(context, result.reasons, warnings);
  if (!result.has_account) return result;

  const RuleEntry& relations = context.rule("relations");
  if (relations.value.empty()) {
    result.reasons.push_back(context.reason(
        "holder.sharing_not_started",
        context.texts.get(
            "holder.sharing_not_started",
            {{"date", context.as_of}, {"region", context.region_name(context.holder_region)}}),
        &relations));
    return result;
  }
  result.can_share = true;

  // A region may open binding before payments (上海: networks in July 2022, payments in August).
  const RuleEntry& payments = context.rule("payments_open");
  if (!payments.value.get<bool>()) {
    const std::string start =
        payments.until ? format_date(add_days(*payments.until, 1)) : std::string();
    result.reasons.push_back(
        context.reason("holder.payments_not_started",
                       context.texts.get("holder.payments_not_started",
                                         {{"date", context.as_of},
                                          {"region", context.region_name(context.holder_region)},
                                          {"start", start}}),
                       &payments));
    return result;
  }

  const RuleEntry& part = context.rule("shareable_part");
  Fen shareable = holder.balance_fen;
  if (part.value == "prior_years") {
    shareable = std::min(holder.prior_years_balance_fen.value_or(0), holder.balance_fen);
    if (!holder.prior_years_balance_fen) {
      warnings.push_back(context.reason(
          "holder.prior_years_missing",
          context.texts.get("warning.prior_years_missing",
                            {{"region", context.region_name(context.holder_region)}}),
          &part));
    }
    result.reasons.push_back(
        context.reason("holder.prior_years_only",
                       context.texts.get("holder.prior_years_only",
                                         {{"region", context.region_name(context.holder_region)},
                                          {"amount", context.texts.money(shareable)}}),
                       &part));
  } else {
    result.reasons.push_back(context.reason(
        "holder.whole_balance",
        context.texts.get("holder.whole_balance", {{"amount", context.texts.money(shareable)}}),
        &part));
  }
  if (holder.authorized_limit_fen && *holder.authorized_limit_fen < shareable) {
    shareable = *holder.authorized_limit_fen;
    result.reasons.push_back(context.reason(
        "holder.authorized_limit",
        context.texts.get("holder.authorized_limit", {{"amount", context.texts.money(shareable)}}),
        &part));
  }
  if (shareable == 0) {
    result.reasons.push_back(context.reason("holder.zero_balance",
                                            context.texts.get("holder.zero_balance"), &relations));
  }
  result.shareable_fen = shareable;
  return result;
}

}  // namespace gongji::detail
