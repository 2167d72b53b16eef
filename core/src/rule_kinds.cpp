#include "rule_kinds.hpp"

#include <algorithm>

#include "gongji/money.hpp"
#include "gongji/request.hpp"
#include "rule_values_json.hpp"

namespace gongji::detail {
namespace {

using Type = Shape::Type;

template <std::size_t N>
std::vector<std::string_view> names(const std::array<std::string_view, N>& list) {
  return {list.begin(), list.end()};
}

// The shapes, each a named constant; all in this one file, so each exists before the shapes
// that point at it.
const Shape kBoolean = boolean_shape();
const Shape kText = text_shape();
const Shape kLocalText = object_shape({{"zh-CN", &kText}, {"en", &kText}})
                             .named("text")
                             .described("A text in Chinese and English.");
const Shape kFen = integer_shape(1, kMaxFen);

const Shape kRelation = one_of_shape(names(kRelationNames));
const Shape kRelations = array_shape(kRelation).said("must be an array of relations");

Shape flags(const std::vector<std::string_view>& keys) {
  std::vector<ShapeField> fields;
  for (auto key : keys) fields.push_back({key, &kBoolean});
  return object_shape(std::move(fields));
}

const Shape kSchemeAccount = flags(names(kSchemeNames));
const Shape kHolderAccount = flags(names(kStatusNames));
const Shape kTiers = map_shape(kBoolean).said("must be an object of tier -> bool");
const Shape kShareablePart = one_of_shape(names(kShareablePartNames));
const Shape kPercent = integer_shape(1, 100);
const Shape kWage = nullable_shape(kFen);
const Shape kShareAboveWage =
    object_shape({{"wage_percent", &kPercent}, {"wage_fen", &kWage}})
        .described("A share of an average wage; wage_fen is null where no source gives it.");
const Shape kKeptFen = integer_shape(0, kMaxFen);
const Shape kShareAboveFixed = object_shape({{"fen", &kKeptFen}}).described("A fixed amount.");
const Shape kShareAbove = either_shape({&kShareAboveWage, &kShareAboveFixed});
const Shape kPoolingUnit = one_of_shape(names(kPoolingUnitNames));
const Shape kCode = code_shape();
const Shape kCodes = array_shape(kCode).said("must be an array of 6-digit codes");
const Shape kPooling =
    object_shape({{"unit", &kPoolingUnit}, {"assumed_separate", &kCodes, false}});
const Shape kCapScope = one_of_shape(names(kCapScopeNames));
const Shape kHolderOrder = one_of_shape(names(kHolderOrderNames));
const Shape kWallet = one_of_shape(names(kWalletStateNames));
const Shape kTransfers = integer_shape(1, 100);
const Shape kClock = clock_shape();
const Shape kWalletLimits = object_shape({{"per_transfer_fen", &kFen},
                                          {"transfers_per_day", &kTransfers},
                                          {"closed_from", &kClock},
                                          {"closed_until", &kClock}});
const Shape kCap = integer_shape(1, 1000);
const Shape kMemberCapTotal = nullable_shape(kCap);
const Shape kMemberCap = integer_shape(0, 1000);
const Shape kAge = integer_shape(0, 150);
const Shape kUse = flags({"allowed", "designated_only"});

const Shape kSteps = array_shape(kText, true).said("must be a non-empty array of steps");
std::string_view same_step_counts(const Json& steps) {
  return steps["zh-CN"].size() == steps["en"].size()
             ? ""
             : "must have as many English steps as Chinese ones";
}
const Shape kChannelSteps = [] {
  Shape shape = object_shape({{"zh-CN", &kSteps}, {"en", &kSteps}});
  shape.consistent = same_step_counts;
  return shape;
}();
const Shape kChannelKind = one_of_shape(names(kChannelKindNames));
const Shape kChannel =
    object_shape(
        {{"id", &kText}, {"kind", &kChannelKind}, {"name", &kLocalText}, {"steps", &kChannelSteps}})
        .named("channel")
        .described("Where and how to bind, with numbered steps in both languages.");
const Shape kChannels = array_shape(kChannel, true);
const Shape kDocuments = array_shape(kLocalText);
// A note that concerns only relatives bound through the region's own channels (a local
// registration) is marked "for": "local"; one about relatives not yet insured "for": "uninsured".
const Shape kNoteFor =
    one_of_shape({"local", "uninsured"}).said("must be \"local\" or \"uninsured\"");
const Shape kNote = object_shape({{"zh-CN", &kText}, {"en", &kText}, {"for", &kNoteFor, false}});
const Shape kNotes = array_shape(kNote);

// The reader of a kind whose value is a T.
template <typename T>
RuleValue read_as(const Json& json) {
  T value{};
  read(json, value);
  return value;
}

}  // namespace

const std::vector<RuleKind>& rule_kinds() {
  using C = Combine;
  constexpr unsigned kRequiredWarns = kRequired | kFallbackWarns;
  constexpr unsigned kDecides = kRequired | kFallbackWarns | kDecidesEligibility;
  static const std::vector<RuleKind> kinds = {
      {"relations", C::layered, kDecides, kRelations, read_as<Relations>,
       "Who may be bound on that day ([]: sharing has not started)."},
      {"payments_open", C::layered, kRequired | kDecidesEligibility, kBoolean, read_as<bool>,
       "Whether payments from sharing have begun."},
      {"scheme_account", C::national, kRequired | kDecidesEligibility, kSchemeAccount,
       read_as<SchemeAccounts>, "Which insurance schemes have a personal account."},
      {"holder_account", C::layered, kDecides, kHolderAccount, read_as<StatusAccounts>,
       "Which employee-scheme statuses have a personal account."},
      {"tiers", C::layered, kRequired | kDecidesEligibility, kTiers, read_as<Tiers>,
       "Where there are tiers, which have an account; {} for none."},
      {"shareable_part", C::layered, kRequiredWarns, kShareablePart, read_as<ShareablePart>,
       "Which part of the balance can be shared."},
      {"share_above", C::layered, kRequiredWarns, kShareAbove, read_as<ShareAbove>,
       "What must stay in the holder's own account before anything is shared."},
      {"pooling", C::layered, kDecides, kPooling, read_as<Pooling>,
       "The pooling area (统筹区): members in the same one are local."},
      {"in_province", C::layered, kDecides, kBoolean, read_as<bool>,
       "Sharing across cities of the province is open."},
      {"wallet", C::layered, kDecides, kWallet, read_as<WalletState>,
       "The 医保钱包 for cross-province sharing; both ends must be live."},
      {"wallet_limits", C::national, kRequired, kWalletLimits, read_as<WalletLimits>,
       "Wallet transfer limits."},
      {"wallet_quota", C::national, kRequired, kBoolean, read_as<bool>,
       "The per-relative quota (共济额度) is in force."},
      {"member_cap_total", C::layered, kDecides, kMemberCapTotal, read_as<MemberCapTotal>,
       "How many members one holder may bind (null: no cap)."},
      {"member_cap", C::layered, kFallbackWarns | kDecidesEligibility, kMemberCap, read_as<int64_t>,
       "A cap per relation.", names(kRelationNames)},
      {"cap_scope", C::layered, kRequired, kCapScope, read_as<CapScope>,
       "Which relatives the caps and single_holder count."},
      {"single_holder", C::layered, kDecides, kBoolean, read_as<bool>,
       "A relative may have only one holder."},
      {"holder_order", C::layered, kSaysEachValue, kHolderOrder, read_as<HolderOrder>,
       "Whose account pays first for a relative with several holders (no national rule): in the "
       "order they were registered, the highest balance first, the last bound first, or as the "
       "relative sets it."},
      {"face_verification_age", C::layered, kRequiredWarns, kAge, read_as<int64_t>,
       "Members this age or older need their own face verification."},
      {"uninsured_contribution", C::layered, kRequiredWarns, kBoolean, read_as<bool>,
       "The holder may pay a first resident contribution for a relative not yet insured."},
      {"own_account_first", C::layered, kRequiredWarns, kBoolean, read_as<bool>,
       "The member's own account pays before the holder's."},
      {"use", C::layered, kRequiredWarns, kUse, read_as<Use>,
       "Whether a kind of spending may be paid, and only at a designated institution.",
       names(kExpenseKindNames)},
      {"channels", C::layered, kRequiredWarns, kChannels, read_as<std::vector<ChannelRule>>,
       "Where and how to bind."},
      {"wallet_channel", C::national, kRequired, kChannel, read_as<ChannelRule>,
       "The wallet steps, added for cross-province members."},
      {"documents", C::layered, kRequiredWarns, kDocuments, read_as<std::vector<LocalText>>,
       "Documents to bring."},
      {"notes", C::additive, kRequired, kNotes, read_as<std::vector<Note>>,
       "Notes shown with the answer; every layer's notes in force, national first."},
  };
  return kinds;
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
