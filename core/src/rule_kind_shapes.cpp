#include "rule_kind_shapes.hpp"

#include <cstdlib>

#include "gongji/money.hpp"
#include "gongji/request.hpp"

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
// registration) is marked "for": "local"; one about relatives not yet insured who enrol to be
// bound there "for": "uninsured".
const Shape kNoteFor =
    one_of_shape({"local", "uninsured"}).said("must be \"local\" or \"uninsured\"");
const Shape kNote = object_shape(
    {{"zh-CN", &kText}, {"en", &kText}, {"for", &kNoteFor, false}, {"topic", &kText, false}});
const Shape kNotes = array_shape(kNote);

}  // namespace

const std::vector<KindShape>& kind_shapes() {
  static const std::vector<KindShape> shapes = {
      {"relations", &kRelations, "Who may be bound on that day ([]: sharing has not started)."},
      {"payments_open", &kBoolean, "Whether payments from sharing have begun."},
      {"scheme_account", &kSchemeAccount, "Which insurance schemes have a personal account."},
      {"holder_account", &kHolderAccount,
       "Which employee-scheme statuses have a personal account."},
      {"tiers", &kTiers, "Where there are tiers, which have an account; {} for none."},
      {"shareable_part", &kShareablePart, "Which part of the balance can be shared."},
      {"share_above", &kShareAbove,
       "What must stay in the holder's own account before anything is shared."},
      {"holder_limit", &kBoolean,
       "The holder sets an amount (授权金额, 消费可用限额) that caps what relatives insured here "
       "may "
       "use together."},
      {"holder_needs_balance", &kBoolean,
       "The holder must have a shareable balance above 0 to set up family sharing (上海: a "
       "prior-years balance to form the family network)."},
      {"pooling", &kPooling, "The pooling area (统筹区): members in the same one are local."},
      {"in_province", &kBoolean, "Sharing across cities of the province is open."},
      {"wallet", &kWallet, "The 医保钱包 for cross-province sharing; both ends must be live."},
      {"wallet_limits", &kWalletLimits, "Wallet transfer limits."},
      {"wallet_quota", &kBoolean, "The per-relative quota (共济额度) is in force."},
      {"wallet_relations", &kRelations,
       "Who may be shared with across provinces through the wallet; where no entry is in force, "
       "the holder's region's circle answers."},
      {"member_cap_total", &kMemberCapTotal,
       "How many members one holder may bind (null: no cap)."},
      {"member_cap", &kMemberCap, "A cap per relation."},
      {"cap_scope", &kCapScope, "Which relatives the caps and single_holder count."},
      {"single_holder", &kBoolean, "A relative may have only one holder."},
      {"holder_order", &kHolderOrder,
       "Whose account pays first for a relative with several holders (no national rule): in the "
       "order they were registered, the highest balance first, the last bound first, or as the "
       "relative sets it."},
      {"face_verification_age", &kAge,
       "Members this age or older need their own face verification."},
      {"uninsured_contribution", &kBoolean,
       "The holder may pay a first resident contribution for a relative not yet insured."},
      {"wallet_uninsured_contribution", &kBoolean,
       "Across provinces, the wallet may pay a first resident contribution for a relative not yet "
       "insured (the national notices'; the wallet reaches the insured)."},
      {"own_account_first", &kBoolean, "The member's own account pays before the holder's."},
      {"use", &kUse,
       "Whether a kind of spending may be paid, and only at a designated institution."},
      {"wallet_use", &kUse,
       "What the wallet may pay for a relative in another province (the national notices' list)."},
      {"channels", &kChannels, "Where and how to bind."},
      {"wallet_channel", &kChannel, "The wallet steps, added for cross-province members."},
      {"documents", &kDocuments, "Documents to bring."},
      {"notes", &kNotes,
       "Notes shown with the answer; every layer's notes in force, national first. A note with a "
       "topic gives way to a more local layer's note on the same topic."},
  };
  return shapes;
}

const KindShape& kind_shape(const RuleKind& kind) {
  for (const KindShape& shape : kind_shapes()) {
    if (shape.key == kind.key) return shape;
  }
  std::abort();  // a kind without a shape: the unit test of the two tables fails first
}

std::vector<std::string> kind_message_keys() {
  std::vector<std::string> keys;
  for (const RuleKind& kind : rule_kinds()) {
    keys.push_back(kind.label_key());
    if (!kind.has(kSaysEachValue)) continue;
    for (std::string_view value : kind_shape(kind).shape->names)
      keys.push_back(kind.value_key(value));
  }
  return keys;
}

}  // namespace gongji::detail
