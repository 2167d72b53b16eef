// Reading a rule's value into its C++ type (gongji/rule_values.hpp), after the loader checked its
// shape: each read may assume every field is there and of its type.
#pragma once

#include "gongji/json.hpp"
#include "gongji/policy.hpp"

namespace gongji {

void read(const Json& json, bool& value);
void read(const Json& json, int64_t& value);
void read(const Json& json, LocalText& text);
void read(const Json& json, Relations& relations);
void read(const Json& json, SchemeAccounts& accounts);
void read(const Json& json, StatusAccounts& accounts);
void read(const Json& json, Tiers& tiers);
void read(const Json& json, ShareablePart& part);
void read(const Json& json, ShareAbove& above);
void read(const Json& json, Pooling& pooling);
void read(const Json& json, CapScope& scope);
void read(const Json& json, HolderOrder& order);
void read(const Json& json, WalletState& state);
void read(const Json& json, WalletLimits& limits);
void read(const Json& json, MemberCapTotal& total);
void read(const Json& json, Use& use);
void read(const Json& json, ChannelRule& channel);
void read(const Json& json, Note& note);
void read(const Json& json, std::vector<ChannelRule>& list);
void read(const Json& json, std::vector<LocalText>& list);
void read(const Json& json, std::vector<Note>& list);

// The value of a kind whose C++ type is RuleValue's alternative `type` (RuleKind::value_type).
RuleValue read_rule_value(std::size_t type, const Json& json);

}  // namespace gongji
