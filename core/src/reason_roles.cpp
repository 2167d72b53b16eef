// What each reason code says about its item, for the answer's `role` (docs/vocabulary.md): the page
// reads the role, never a reason's position. Every code the core writes is listed here once.
#include <algorithm>

#include "answer_writer.hpp"

namespace gongji::detail {
namespace {

// Sorted by code for the binary search below; a unit test checks the order. The household plan's
// own codes are listed with the plan (plan_roles.cpp): the calculator's module carries no plan.
constexpr CodeRole kRoles[] = {
    {"expense.authorized_limit_reached", ReasonRole::why_not},
    {"expense.contribution_employee", ReasonRole::why_not},
    {"expense.contribution_not_payable", ReasonRole::why_not},
    {"expense.from_holder", ReasonRole::how},
    {"expense.from_holder_wallet", ReasonRole::how},
    {"expense.from_own", ReasonRole::how},
    {"expense.from_own_by_practice", ReasonRole::how},
    {"expense.holder_balance_short", ReasonRole::how},
    {"expense.holder_no_account", ReasonRole::why_not},
    {"expense.member_no_account", ReasonRole::why_not},
    {"expense.member_not_eligible", ReasonRole::why_not},
    {"expense.not_designated", ReasonRole::why_not},
    {"expense.out_of_pocket", ReasonRole::how},
    {"expense.payments_not_started", ReasonRole::why_not},
    {"expense.pool_empty", ReasonRole::why_not},
    {"expense.pool_exhausted", ReasonRole::why_not},
    {"expense.pool_unknown", ReasonRole::why_not},
    {"expense.quota_exceeded", ReasonRole::why_not},
    {"expense.quota_held_for_others", ReasonRole::why_not},
    {"expense.quota_reserved", ReasonRole::how},
    {"expense.use_allowed", ReasonRole::why},
    {"expense.use_allowed_unconfirmed", ReasonRole::why},
    {"expense.use_forbidden", ReasonRole::why_not},
    {"expense.use_forbidden_unconfirmed", ReasonRole::why_not},
    {"expense.wallet_transfers", ReasonRole::how},
    {"expense.wallet_transfers_unconfirmed", ReasonRole::how},
    {"expense.wallet_use_forbidden", ReasonRole::why_not},
    {"holder.account_declared", ReasonRole::why},
    {"holder.account_declared_none", ReasonRole::why_not},
    {"holder.authorized_limit", ReasonRole::how},
    {"holder.authorized_limit_local", ReasonRole::how},
    {"holder.balance_not_account", ReasonRole::how},
    {"holder.employee_account", ReasonRole::why},
    {"holder.kept_in_account", ReasonRole::how},
    {"holder.needs_balance", ReasonRole::why_not},
    {"holder.payments_not_started", ReasonRole::why_not},
    {"holder.prior_years_only", ReasonRole::how},
    {"holder.prior_years_unknown", ReasonRole::how},
    {"holder.resident_no_account", ReasonRole::why_not},
    {"holder.sharing_not_started", ReasonRole::why_not},
    {"holder.status_account_unconfirmed", ReasonRole::why},
    {"holder.status_no_account", ReasonRole::why_not},
    {"holder.status_no_account_unconfirmed", ReasonRole::why_not},
    {"holder.threshold_unknown", ReasonRole::how},
    {"holder.tier_balance_check", ReasonRole::how},
    {"holder.tier_has_account", ReasonRole::why},
    {"holder.tier_no_account", ReasonRole::why_not},
    {"holder.uninsured", ReasonRole::why_not},
    {"holder.wallet_quota", ReasonRole::how},
    {"holder.whole_balance", ReasonRole::how},
    {"holder.zero_balance", ReasonRole::how},
    {"member.authorized_limit_local", ReasonRole::how},
    {"member.bound_elsewhere_ok", ReasonRole::why},
    {"member.cap_not_counted", ReasonRole::how},
    {"member.cap_not_counted_in_province", ReasonRole::how},
    {"member.cap_relation", ReasonRole::why_not},
    {"member.cap_scope_unconfirmed", ReasonRole::how},
    {"member.cap_total", ReasonRole::why_not},
    {"member.contribution_by_quota", ReasonRole::how},
    {"member.contribution_by_transfer", ReasonRole::how},
    {"member.contribution_employee", ReasonRole::how},
    {"member.contribution_payable", ReasonRole::how},
    {"member.contribution_uninsured_not_allowed", ReasonRole::why_not},
    {"member.contribution_wallet_uninsured_not_allowed", ReasonRole::why_not},
    {"member.eligible", ReasonRole::why},
    {"member.eligible_amount_unknown", ReasonRole::why},
    {"member.eligible_nothing_now", ReasonRole::why},
    {"member.eligible_up_to_quota", ReasonRole::why},
    {"member.face_verification", ReasonRole::how},
    {"member.face_verification_app", ReasonRole::how},
    {"member.holder_cannot_share", ReasonRole::why_not},
    {"member.holder_needs_balance", ReasonRole::why_not},
    {"member.holder_order", ReasonRole::how},
    {"member.no_face_verification", ReasonRole::how},
    {"member.no_face_verification_app", ReasonRole::how},
    {"member.not_near_relative", ReasonRole::why_not},
    {"member.payments_not_started", ReasonRole::why_not},
    {"member.quota_held_for_others", ReasonRole::how},
    {"member.relation_allowed", ReasonRole::why},
    {"member.relation_allowed_known_later", ReasonRole::why},
    {"member.relation_allowed_start_unconfirmed", ReasonRole::why},
    {"member.relation_allowed_unconfirmed", ReasonRole::why},
    {"member.relation_allowed_wallet", ReasonRole::why},
    {"member.relation_not_yet", ReasonRole::why_not},
    {"member.route_cross_province", ReasonRole::why},
    {"member.route_cross_province_closed", ReasonRole::why_not},
    {"member.route_cross_province_limits_unconfirmed", ReasonRole::why},
    {"member.route_cross_province_unconfirmed", ReasonRole::why_not},
    {"member.route_in_province", ReasonRole::why},
    {"member.route_in_province_closed", ReasonRole::why_not},
    {"member.route_in_province_unconfirmed", ReasonRole::why_not},
    {"member.route_local", ReasonRole::why},
    {"member.sharing_not_started", ReasonRole::why_not},
    {"member.single_holder_bound", ReasonRole::why_not},
    {"member.uninsured", ReasonRole::why_not},
    {"member.wallet_quota", ReasonRole::how},
    {"member.wallet_quota_needed", ReasonRole::how},
};

}  // namespace

bool roles_sorted(const CodeRole* begin, const CodeRole* end) {
  return std::is_sorted(begin, end,
                        [](const CodeRole& a, const CodeRole& b) { return a.code < b.code; });
}

std::optional<ReasonRole> role_in(const CodeRole* begin, const CodeRole* end,
                                  std::string_view code) {
  const auto found = std::lower_bound(
      begin, end, code,
      [](const CodeRole& entry, std::string_view key) { return entry.code < key; });
  if (found == end || found->code != code) return std::nullopt;
  return found->role;
}

bool reason_roles_sorted() {
  return roles_sorted(std::begin(kRoles), std::end(kRoles));
}

std::optional<ReasonRole> listed_role(std::string_view code) {
  return role_in(std::begin(kRoles), std::end(kRoles), code);
}

ReasonRole reason_role(std::string_view code, bool in_warnings, RoleTable more) {
  if (in_warnings) return ReasonRole::warning;
  // A code not listed is a detail: the unit test "every reason code has a role" keeps it rare.
  std::optional<ReasonRole> role = listed_role(code);
  if (!role && more) role = more(code);
  return role.value_or(ReasonRole::how);
}

}  // namespace gongji::detail
