#include "rule_values_json.hpp"

namespace gongji {
namespace {

template <typename Enum, std::size_t N>
Enum named(const Json& json, const std::array<std::string_view, N>& names) {
  return enum_from<Enum>(json.get_ref<const std::string&>(), names).value_or(Enum{});
}

template <typename Enum, std::size_t N, std::size_t M>
void flags(const Json& json, const std::array<std::string_view, M>& names,
           AccountFlags<Enum, N>& out) {
  for (std::size_t i = 0; i < M; ++i) out.has[i] = json.at(std::string(names[i])).get<bool>();
}

}  // namespace

void from_json(const Json& json, LocalText& text) {
  text.zh = json.at("zh-CN").get<std::string>();
  text.en = json.at("en").get<std::string>();
}

void from_json(const Json& json, Relations& relations) {
  for (const Json& item : json) relations.list.push_back(named<Relation>(item, kRelationNames));
}

void from_json(const Json& json, SchemeAccounts& accounts) {
  flags(json, kSchemeNames, accounts);
}
void from_json(const Json& json, StatusAccounts& accounts) {
  flags(json, kStatusNames, accounts);
}

void from_json(const Json& json, Tiers& tiers) {
  for (const auto& [tier, has] : json.items()) tiers.list.emplace_back(tier, has.get<bool>());
}

void from_json(const Json& json, ShareablePart& part) {
  part = named<ShareablePart>(json, kShareablePartNames);
}

void from_json(const Json& json, ShareAbove& above) {
  above.of_wage = json.contains("wage_percent");
  if (!above.of_wage) {
    above.fen = json.at("fen").get<Fen>();
    return;
  }
  above.wage_percent = json.at("wage_percent").get<int64_t>();
  if (!json.at("wage_fen").is_null()) above.wage_fen = json.at("wage_fen").get<Fen>();
}

void from_json(const Json& json, Pooling& pooling) {
  pooling.unit = named<PoolingUnit>(json.at("unit"), kPoolingUnitNames);
  if (json.contains("assumed_separate"))
    pooling.assumed_separate = json.at("assumed_separate").get<std::vector<std::string>>();
}

void from_json(const Json& json, CapScope& scope) {
  scope = named<CapScope>(json, kCapScopeNames);
}

void from_json(const Json& json, HolderOrder& order) {
  order = named<HolderOrder>(json, kHolderOrderNames);
}

void from_json(const Json& json, WalletState& state) {
  state = named<WalletState>(json, kWalletStateNames);
}

void from_json(const Json& json, WalletLimits& limits) {
  limits.per_transfer_fen = json.at("per_transfer_fen").get<Fen>();
  limits.transfers_per_day = json.at("transfers_per_day").get<int64_t>();
  limits.closed_from = json.at("closed_from").get<std::string>();
  limits.closed_until = json.at("closed_until").get<std::string>();
}

void from_json(const Json& json, MemberCapTotal& total) {
  if (!json.is_null()) total.cap = json.get<int64_t>();
}

void from_json(const Json& json, Use& use) {
  use.allowed = json.at("allowed").get<bool>();
  use.designated_only = json.at("designated_only").get<bool>();
}

void from_json(const Json& json, ChannelRule& channel) {
  channel.id = json.at("id").get<std::string>();
  channel.kind = named<ChannelKind>(json.at("kind"), kChannelKindNames);
  channel.name = json.at("name").get<LocalText>();
  const Json& zh = json.at("steps").at("zh-CN");
  const Json& en = json.at("steps").at("en");
  for (std::size_t i = 0; i < zh.size(); ++i)
    channel.steps.push_back({zh[i].get<std::string>(), en[i].get<std::string>()});
}

void from_json(const Json& json, Note& note) {
  note.text = {json.at("zh-CN").get<std::string>(), json.at("en").get<std::string>()};
  if (!json.contains("for")) return;
  note.audience = json.at("for") == "local" ? NoteFor::local : NoteFor::uninsured;
}

}  // namespace gongji
