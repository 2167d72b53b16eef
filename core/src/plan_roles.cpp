// What each of the household plan's own reason codes says about its person (the answer's
// `role`), apart from reason_roles.cpp's so that the calculator's module, which has no plan,
// carries none of them.
#include <algorithm>

#include "answer_writer.hpp"

namespace gongji::detail {
namespace {

// Sorted by code for the binary search; a unit test checks the order.
constexpr CodeRole kPlanRoles[] = {
    {"plan.also_if_related", ReasonRole::how},
    {"plan.balance_not_compared", ReasonRole::why},
    {"plan.cap_elsewhere", ReasonRole::why},
    {"plan.closer_route", ReasonRole::why},
    {"plan.closer_route_amounts", ReasonRole::why},
    {"plan.holder_binds", ReasonRole::how},
    {"plan.holder_binds_none", ReasonRole::how},
    {"plan.larger_balance", ReasonRole::why},
    {"plan.listed_first", ReasonRole::why},
    {"plan.no_holder_can", ReasonRole::why_not},
    {"plan.no_holders", ReasonRole::why_not},
    {"plan.only_holder", ReasonRole::why},
    {"plan.only_holder_known", ReasonRole::why},
    {"plan.other_balance_unknown", ReasonRole::why},
    {"plan.places_full", ReasonRole::why_not},
    {"plan.relation_unsettled", ReasonRole::why_not},
    {"plan.surer_holder", ReasonRole::how},
};

}  // namespace

bool plan_roles_sorted() {
  return roles_sorted(std::begin(kPlanRoles), std::end(kPlanRoles));
}

std::optional<ReasonRole> plan_role(std::string_view code) {
  return role_in(std::begin(kPlanRoles), std::end(kPlanRoles), code);
}

}  // namespace gongji::detail
