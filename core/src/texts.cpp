#include "texts.hpp"

#include <cctype>
#include <cstring>

namespace gongji::detail {

std::string lead_before_list(const std::string& marked) {
  std::string lead = marked.substr(0, marked.find(kListMark));
  while (!lead.empty() && lead.back() == ' ') lead.pop_back();
  return lead;
}

std::string Texts::get(std::string_view key, TextParams params) const {
  const LocalText* found = nullptr;
  if (holder_) found = policies_.message("third." + std::string(key), true);
  if (found == nullptr) found = policies_.message(key);
  if (found == nullptr) return std::string(key);
  const std::string_view pattern = found->in(lang_);
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t from = 0;  // start of the literal text not yet copied
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    std::optional<std::string_view> value;
    if (holder_ && name == "holder") value = *holder_;
    for (const auto& [param, given] : params) {
      if (param == name) value = given;
    }
    if (value) {
      out.append(pattern.data() + from, open - from);
      out += *value;
      from = close + 1;
      open = close;
    }
  }
  out.append(pattern.data() + from, pattern.size() - from);
  return out;
}

std::string Texts::money(Fen fen) const {
  return get("money.format", {{"yuan", format_yuan_digits(fen)}});
}

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator,
                   const std::string& last_separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last_separator : separator;
    out += items[i];
  }
  return out;
}

}  // namespace

std::string Texts::series(const std::vector<std::string>& items) const {
  return joined(items, get("list.separator"), get("list.last_separator"));
}

std::string Texts::alternatives(const std::vector<std::string>& items) const {
  return joined(items, get("list.separator"), get("list.last_or_separator"));
}

std::string Texts::rule_series(const std::vector<std::string>& items) const {
  return joined(items, get("list.separator"), get("list.last_rule_separator"));
}

std::string Texts::tiers(const Tiers& tiers, bool with_account) const {
  std::vector<std::string> words;
  for (const auto& [tier, has] : tiers.list) {
    if (has == with_account) words.emplace_back(word("tier", tier));
  }
  return series(words);
}

std::string Texts::either_relation(Relation one, Relation other) const {
  if (other < one) std::swap(one, other);  // the vocabulary's order
  const std::string_view first = name_of(one, kRelationNames);
  if (policies_.message("either_relation." + std::string(first), true)) {
    return label("either_relation", first);
  }
  return get("change.either_relation",
             {{"one", word("relation", first)},
              {"other", word("relation", name_of(other, kRelationNames))}});
}

std::string Texts::label(std::string_view prefix, std::string_view name) const {
  char key[64];  // "prefix.name" without a heap allocation; every catalogue key is shorter
  if (prefix.size() + 1 + name.size() > sizeof key)
    return get(std::string(prefix) + "." + std::string(name));
  std::memcpy(key, prefix.data(), prefix.size());
  key[prefix.size()] = '.';
  std::memcpy(key + prefix.size() + 1, name.data(), name.size());
  return get(std::string_view(key, prefix.size() + 1 + name.size()));
}

std::string_view Texts::word(std::string_view enumeration, std::string_view value,
                             std::string_view form) const {
  const LocalText* text = policies_.vocabulary.find(enumeration, value, form);
  return text ? std::string_view(text->in(lang_)) : value;  // the loader checked every word exists
}

namespace {

bool sentence_ends_before(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i == 0) return true;    // the text's own start
  if (i == at) return false;  // a letter right after a character, as in "e.g"
  const char before = text[i - 1];
  if (before == '!' || before == '?') return true;
  if (before != '.') return false;
  // "e.g. here": a period after a one-letter word abbreviates, it does not end a sentence
  auto letter = [&](std::size_t k) { return std::isalpha(static_cast<unsigned char>(text[k])); };
  return !(i >= 2 && letter(i - 2) && (i == 2 || !letter(i - 3)));
}

}  // namespace

std::string_view sentence_case(std::string_view text, Lang lang, std::string& scratch) {
  if (lang != Lang::en) return text;
  bool copied = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c < 'a' || c > 'z' || !sentence_ends_before(text, at)) continue;
    if (!copied) scratch.assign(text), copied = true;
    scratch[at] = static_cast<char>(c - 'a' + 'A');
  }
  return copied ? std::string_view(scratch) : text;
}

const std::vector<std::string>& required_message_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all = {
        "holder.employee_account", "holder.account_declared", "holder.account_declared_none",
        "holder.resident_no_account", "holder.balance_not_account", "holder.uninsured",
        "holder.status_no_account", "holder.tier_no_account", "holder.tier_has_account",
        "holder.tier_balance_check", "holder.sharing_not_started",
        "holder.sharing_not_started_unconfirmed", "member.sharing_not_started_unconfirmed",
        "holder.whole_balance", "holder.prior_years_only", "holder.authorized_limit",
        "holder.authorized_limit_no_rule", "holder.authorized_limit_local",
        "holder.authorized_limit_local_only", "holder.wallet_quota", "holder.wallet_quota_each",
        "holder.wallet_quota_short", "holder.wallet_quota_short_each", "holder.zero_balance",
        "holder.zero_balance_prior_years", "member.holder_cannot_share",
        "member.holder_needs_balance", "holder.needs_balance", "member.sharing_not_started",
        "member.relation_allowed", "member.authorized_limit_local",
        "member.relation_allowed_unconfirmed", "member.relation_allowed_start_unconfirmed",
        "member.relation_allowed_known_later", "member.relation_allowed_wallet",
        "member.relation_not_yet", "member.relation_not_yet.national", "member.not_near_relative",
        "member.not_near_relative_reader", "member.uninsured_reader",
        "member.single_holder_bound_reader", "bound_elsewhere_ok.sure_reader",
        "bound_elsewhere_ok.unconfirmed", "bound_elsewhere_ok.unconfirmed_reader",
        "member.uninsured", "holder.prior_years_only.empty", "warning.known_from_local_national",
        "expense.member_not_eligible_because", "expense.contribution_not_payable_because",
        "expense.out_of_pocket_whole", "expense.wallet_transfers_after_others",
        "expense.wallet_transfers_unconfirmed_after_others",
        "member.contribution_by_quota.uninsured", "member.contribution_by_transfer.uninsured",
        "member.route_local.uninsured", "member.route_in_province.uninsured",
        "member.route_cross_province.uninsured",
        "member.route_cross_province_limits_unconfirmed.uninsured", "member.route_local",
        "member.route_in_province", "member.route_in_province_closed",
        "member.route_cross_province", "member.route_cross_province_closed",
        "member.single_holder_bound", "bound_elsewhere_ok.sure", "member.cap_total",
        "reason.third_party_only", "member.cap_total.named", "member.cap_relation",
        "member.eligible", "member.eligible_up_to_quota", "member.face_verification",
        "member.no_face_verification", "member.face_verification_reported",
        "member.no_face_verification_reported", "member.contribution_payable",
        "member.contribution_payable_unconfirmed", "member.contribution_employee",
        "member.contribution_uninsured_not_allowed", "member.contribution_by_quota",
        "member.contribution_by_transfer", "member.contribution_wallet_uninsured_not_allowed",
        "guidance.enrol_first_unpaid", "expense.use_allowed", "expense.use_forbidden",
        "expense.not_designated", "expense.from_own", "expense.from_holder",
        "expense.from_holder_wallet", "expense.member_not_eligible",
        "expense.contribution_not_payable", "expense.contribution_employee",
        "expense.contribution_employee_you", "expense.wallet_use_forbidden",
        "expense.wallet_use_own_only", "expense.pool_exhausted", "expense.holder_balance_short",
        "expense.out_of_pocket", "warning.national_fallback", "warning.national_only",
        "warning.third_party_only", "warning.stale", "warning.tier_missing",
        "warning.prior_years_missing", "warning.wallet_partial", "guidance.face_step",
        "guidance.face_step_reader", "guidance.under_age_note", "guidance.wallet_note",
        "guidance.enrol_first", "guidance.reverse_roles", "guidance.be_bound",
        "guidance.reverse_roles_uninsured", "guidance.be_bound_uninsured", "guidance.be_bound_tier",
        "guidance.sharing_starts", "guidance.sharing_starts_national", "guidance.sharing_starts_by",
        "person.numbered", "person.aged", "list.separator", "list.last_separator",
        "list.last_rule_separator", "money.format", "error.invalid_json", "error.too_large",
        "error.too_deep", "error.duplicate_key", "error.not_object", "error.not_array",
        "error.not_string", "error.not_boolean", "error.not_integer", "error.out_of_range",
        "error.not_in_enum", "error.unknown_field", "error.missing_field", "error.bad_date",
        "error.bad_region", "error.unknown_region", "error.rules_not_loaded",
        "error.string_too_long", "error.string_too_short", "error.too_many", "error.duplicate_id",
        "error.reserved_id", "error.unknown_member", "error.unknown_tier",
        // rules (issue 13)
        "expense.holder_no_account", "expense.member_no_account", "member.cap_scope_unconfirmed",
        "member.cap_not_counted", "warning.pooling_assumed", "warning.known_from",
        "warning.known_from_local", "warning.stale_item", "warning.unknown_detail",
        "warning.list_detail", "warning.ask", "list.clause_separator", "warning.applied_back",
        "date.about_year", "date.month", "holder.payments_not_started",
        "warning.before_known_since",
        // unconfirmed values (issue 13, second round)
        "holder.status_account_unconfirmed", "holder.status_no_account_unconfirmed",
        "member.route_in_province_unconfirmed", "member.route_cross_province_unconfirmed",
        "warning.unconfirmed", "warning.unconfirmed_item", "warning.unconfirmed_item_national",
        "warning.detail_more", "member.holder_order", "guidance.if_confirmed_wallet",
        "guidance.if_confirmed_local", "guidance.wallet_check_first", "guidance.nobody_to_bind",
        "member.cap_not_counted_in_province", "limit.cap", "limit.single_holder",
        "member.route_cross_province_limits_unconfirmed", "expense.wallet_transfers_unconfirmed",
        "guidance.wallet_note_unconfirmed", "expense.use_forbidden_unconfirmed",
        "expense.use_allowed_unconfirmed",
        // what rests on the app's family-member rule; quotas held for others
        "member.face_verification_app", "member.no_face_verification_app", "guidance.face_step_app",
        "guidance.face_step_reader_app", "guidance.under_age_note_app",
        "guidance.under_age_note_reported", "member.quota_held_for_others",
        "member.quota_held_for_others_each", "expense.quota_held_for_others",
        "expense.from_own_by_practice", "member.eligible_nothing_now", "expense.pool_empty",
        "expense.authorized_limit_reached", "expense.authorized_amount_used",
        "holder.prior_years_unknown", "member.eligible_amount_unknown", "expense.pool_unknown",
        "account.whole", "account.prior_years"};
    // The household plan and the changes that would turn a "no" into a "yes".
    for (const char* key : {"plan.numbered",
                            "plan.aged",
                            "plan.relation_clause",
                            "plan.relation_clause_theirs",
                            "plan.them",
                            "plan.you",
                            "count.transfers",
                            "count.transfers.one",
                            "count.days",
                            "count.days.one",
                            "plan.of_person",
                            "plan.of_you",
                            "plan.yours",
                            "plan.own_you",
                            "plan.only_holder",
                            "plan.only_holder_known",
                            "plan.also_if_related",
                            "plan.surer_holder",
                            "plan.bind",
                            "plan.bind_you",
                            "plan.cap_elsewhere",
                            "plan.closer_route",
                            "plan.closer_route_amounts",
                            "plan.larger_balance",
                            "plan.listed_first",
                            "plan.holder_says",
                            "plan.no_holders",
                            "plan.places_full",
                            "plan.no_holder_can",
                            "plan.no_holder_can.unsettled",
                            "plan.no_holder_can.bound_elsewhere",
                            "plan.holder_binds",
                            "plan.holder_binds_shared",
                            "plan.steps_by",
                            "plan.holder_binds_none",
                            "plan.holder_binds_none_before_payments",
                            "plan.change_enrol",
                            "plan.change_enrol_unbind",
                            "plan.change_date",
                            "plan.change_date_by",
                            "plan.change_date_national",
                            "plan.change_tier",

                            "plan.change_none",
                            "plan.change_holder_balance",
                            "plan.change_holder_balance_you",
                            "plan.change_holder_balance_also",
                            "plan.change_confirm",
                            "plan.change_unbind",
                            "plan.change_other_holder",
                            "plan.change_other_holder_you",
                            "plan.change_if_married",
                            "plan.change_if_related",
                            "plan.relation_unsettled",
                            "plan.other_balance_unknown",
                            "plan.balance_not_compared",
                            "plan.prior_years_missing",
                            "change.enrol",
                            "change.enrol_unbind",
                            "change.date",
                            "change.date_by",
                            "change.and_enrol",
                            "plan.and_enrol",
                            "change.date_national",
                            "rule.sharing_begins",
                            "change.tier",
                            "change.doubt_too",
                            "change.other_holder",
                            "change.either_relation",
                            "either_relation.grandparent",
                            "either_relation.grandchild",
                            "list.last_or_separator",
                            "change.none",
                            "change.bind_fewer",
                            "change.enrol_fewer",
                            "change.holder_balance",
                            "change.holder_balance_also",
                            "change.confirm",
                            "change.unbind",
                            "change.status",
                            "change.own_account",
                            "plan.change_status",
                            "change.status_plan_you",
                            "change.unbind_note",
                            "error.household_mixed",
                            "error.no_planner",
                            "error.prior_years_over_balance",
                            "error.planner_texts_not_loaded",
                            "error.duplicate_role",
                            "error.no_self",
                            "error.sex_on_self_only"})
      all.emplace_back(key);
    return all;
  }();
  return keys;
}

}  // namespace gongji::detail
