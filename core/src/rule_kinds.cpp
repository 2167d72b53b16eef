#include "rule_kinds.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "gongji/money.hpp"
#include "gongji/request.hpp"

namespace gongji::detail {
namespace {

template <std::size_t N>
constexpr Suffixes suffixes(const std::array<std::string_view, N>& list) {
  return {list.data(), N};
}

using C = Combine;
constexpr unsigned kRequiredWarns = kRequired | kFallbackWarns;
constexpr unsigned kDecides = kRequired | kFallbackWarns | kDecidesEligibility;
constexpr RuleKind kKinds[] = {
    {"relations", C::layered, kDecides, value_type<Relations>()},
    {"payments_open", C::layered, kRequired | kDecidesEligibility, value_type<bool>()},
    {"scheme_account", C::national, kRequired | kDecidesEligibility, value_type<SchemeAccounts>()},
    {"holder_account", C::layered, kDecides, value_type<StatusAccounts>()},
    {"tiers", C::layered, kRequired | kDecidesEligibility, value_type<Tiers>()},
    {"shareable_part", C::layered, kRequiredWarns, value_type<ShareablePart>()},
    {"share_above", C::layered, kRequiredWarns, value_type<ShareAbove>()},
    {"holder_limit", C::layered, kRequired, value_type<bool>()},
    {"holder_needs_balance", C::layered, kRequired, value_type<bool>()},
    {"pooling", C::layered, kDecides, value_type<Pooling>()},
    {"in_province", C::layered, kDecides, value_type<bool>()},
    {"wallet", C::layered, kDecides, value_type<WalletState>()},
    {"wallet_limits", C::national, kRequired, value_type<WalletLimits>()},
    {"wallet_quota", C::national, kRequired, value_type<bool>()},
    {"wallet_relations", C::national, kDecidesEligibility, value_type<Relations>()},
    {"member_cap_total", C::layered, kDecides, value_type<MemberCapTotal>()},
    {"member_cap", C::layered, kFallbackWarns | kDecidesEligibility, value_type<int64_t>(),
     suffixes(kRelationNames)},
    {"cap_scope", C::layered, kRequired, value_type<CapScope>()},
    {"single_holder", C::layered, kDecides, value_type<bool>()},
    {"holder_order", C::layered, kSaysEachValue | kShownAsGuidance, value_type<HolderOrder>()},
    {"face_verification_age", C::layered, kRequiredWarns, value_type<int64_t>()},
    {"uninsured_contribution", C::layered, kRequiredWarns, value_type<bool>()},
    {"wallet_uninsured_contribution", C::national, kRequired, value_type<bool>()},
    {"own_account_first", C::layered, kRequiredWarns, value_type<bool>()},
    {"use", C::layered, kRequiredWarns, value_type<Use>(), suffixes(kExpenseKindNames)},
    {"wallet_use", C::national, kRequired, value_type<Use>(), suffixes(kExpenseKindNames)},
    {"channels", C::layered, kRequiredWarns | kShownAsGuidance,
     value_type<std::vector<ChannelRule>>()},
    {"wallet_channel", C::national, kRequired | kShownAsGuidance, value_type<ChannelRule>()},
    {"documents", C::layered, kRequiredWarns | kShownAsGuidance,
     value_type<std::vector<LocalText>>()},
    {"notes", C::additive, kRequired | kShownAsGuidance, value_type<std::vector<Note>>()},
};

}  // namespace

RuleKinds rule_kinds() {
  return {kKinds, std::size(kKinds)};
}

const RuleKind* rule_kind(std::string_view key) {
  const std::string_view family = rule_family(key);
  const bool has_suffix = family.size() < key.size();
  for (const RuleKind& kind : rule_kinds()) {
    if (kind.key != family || kind.family() != has_suffix) continue;
    if (!has_suffix) return &kind;
    const std::string_view suffix = key.substr(family.size() + 1);
    const bool known =
        std::find(kind.suffixes.begin(), kind.suffixes.end(), suffix) != kind.suffixes.end();
    return known ? &kind : nullptr;
  }
  return nullptr;
}

std::size_t rule_rank(std::string_view key) {
  const RuleKinds kinds = rule_kinds();
  const std::string_view family = rule_family(key);
  const auto kind =
      std::find_if(kinds.begin(), kinds.end(), [&](const RuleKind& k) { return k.key == family; });
  if (kind == kinds.end()) return kinds.size() << 8;
  std::size_t suffix = 0;  // a family's own name ("use") before its keys
  if (family.size() < key.size()) {
    const std::string_view name = key.substr(family.size() + 1);
    suffix =
        1 + static_cast<std::size_t>(std::find(kind->suffixes.begin(), kind->suffixes.end(), name) -
                                     kind->suffixes.begin());
  }
  return (static_cast<std::size_t>(kind - kinds.begin()) << 8) + suffix;
}

std::vector<std::string> required_rule_keys() {
  std::vector<std::string> keys;
  for (const RuleKind& kind : rule_kinds()) {
    if (!kind.has(kRequired)) continue;
    if (!kind.family()) keys.emplace_back(kind.key);
    for (auto suffix : kind.suffixes)
      keys.push_back(std::string(kind.key) + "." + std::string(suffix));
  }
  return keys;
}

}  // namespace gongji::detail
