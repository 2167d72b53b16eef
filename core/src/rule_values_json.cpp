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

// A string field, by reference (no copy of the JSON's own string machinery).
const std::string& text_at(const Json& json, const char* key) {
  return json.at(key).get_ref<const std::string&>();
}

}  // namespace

void read(const Json& json, bool& value) {
  value = json.get<bool>();
}
void read(const Json& json, int64_t& value) {
  value = json.get<int64_t>();
}

void read(const Json& json, LocalText& text) {
  text.zh = text_at(json, "zh-CN");
  text.en = text_at(json, "en");
}

void read(const Json& json, Relations& relations) {
  for (const Json& item : json) relations.list.push_back(named<Relation>(item, kRelationNames));
}

void read(const Json& json, SchemeAccounts& accounts) {
  flags(json, kSchemeNames, accounts);
}
void read(const Json& json, StatusAccounts& accounts) {
  flags(json, kStatusNames, accounts);
}

void read(const Json& json, Tiers& tiers) {
  for (const auto& [tier, has] : json.items()) tiers.list.emplace_back(tier, has.get<bool>());
}

void read(const Json& json, ShareablePart& part) {
  part = named<ShareablePart>(json, kShareablePartNames);
}

void read(const Json& json, ShareAbove& above) {
  above.of_wage = json.contains("wage_percent");
  if (!above.of_wage) {
    above.fen = json.at("fen").get<Fen>();
    return;
  }
  above.wage_percent = json.at("wage_percent").get<int64_t>();
  if (!json.at("wage_fen").is_null()) above.wage_fen = json.at("wage_fen").get<Fen>();
}

void read(const Json& json, Pooling& pooling) {
  pooling.unit = named<PoolingUnit>(json.at("unit"), kPoolingUnitNames);
  if (json.contains("assumed_separate"))
    for (const Json& code : json.at("assumed_separate"))
      pooling.assumed_separate.push_back(code.get_ref<const std::string&>());
}

void read(const Json& json, CapScope& scope) {
  scope = named<CapScope>(json, kCapScopeNames);
}

void read(const Json& json, HolderOrder& order) {
  order = named<HolderOrder>(json, kHolderOrderNames);
}

void read(const Json& json, WalletState& state) {
  state = named<WalletState>(json, kWalletStateNames);
}

void read(const Json& json, WalletLimits& limits) {
  limits.per_transfer_fen = json.at("per_transfer_fen").get<Fen>();
  limits.transfers_per_day = json.at("transfers_per_day").get<int64_t>();
  limits.closed_from = text_at(json, "closed_from");
  limits.closed_until = text_at(json, "closed_until");
}

void read(const Json& json, MemberCapTotal& total) {
  if (!json.is_null()) total.cap = json.get<int64_t>();
}

void read(const Json& json, Use& use) {
  use.allowed = json.at("allowed").get<bool>();
  use.designated_only = json.at("designated_only").get<bool>();
}

void read(const Json& json, ChannelRule& channel) {
  channel.id = text_at(json, "id");
  channel.kind = named<ChannelKind>(json.at("kind"), kChannelKindNames);
  read(json.at("name"), channel.name);
  const Json& zh = json.at("steps").at("zh-CN");
  const Json& en = json.at("steps").at("en");
  for (std::size_t i = 0; i < zh.size(); ++i)
    channel.steps.push_back(
        {zh[i].get_ref<const std::string&>(), en[i].get_ref<const std::string&>()});
}

void read(const Json& json, Note& note) {
  read(json, note.text);
  if (json.contains("topic")) note.topic = text_at(json, "topic");
  if (json.contains("for")) note.audience = named<NoteFor>(json.at("for"), kNoteForNames);
}

template <typename T>
void read_list(const Json& json, std::vector<T>& list) {
  list.resize(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) read(json[i], list[i]);
}
void read(const Json& json, std::vector<ChannelRule>& list) {
  read_list(json, list);
}
void read(const Json& json, std::vector<LocalText>& list) {
  read_list(json, list);
}
void read(const Json& json, std::vector<Note>& list) {
  read_list(json, list);
}

namespace {
template <std::size_t... I>
RuleValue read_alternative(std::size_t type, const Json& json, std::index_sequence<I...>) {
  RuleValue value;
  static_cast<void>(((type == I ? (read(json, value.emplace<I>()), true) : false) || ...));
  return value;
}
}  // namespace

RuleValue read_rule_value(std::size_t type, const Json& json) {
  return read_alternative(type, json, std::make_index_sequence<std::variant_size_v<RuleValue>>{});
}

}  // namespace gongji
