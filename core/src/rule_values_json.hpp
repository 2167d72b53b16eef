// Reading a rule's value into its C++ type (gongji/rule_values.hpp), after the loader checked its
// shape: each read may assume every field is there and of its type.
#pragma once

#include "gongji/policy.hpp"

namespace gongji {

void from_json(const Json& json, LocalText& text);
void from_json(const Json& json, Relations& relations);
void from_json(const Json& json, SchemeAccounts& accounts);
void from_json(const Json& json, StatusAccounts& accounts);
void from_json(const Json& json, Tiers& tiers);
void from_json(const Json& json, ShareablePart& part);
void from_json(const Json& json, ShareAbove& above);
void from_json(const Json& json, Pooling& pooling);
void from_json(const Json& json, CapScope& scope);
void from_json(const Json& json, HolderOrder& order);
void from_json(const Json& json, WalletState& state);
void from_json(const Json& json, WalletLimits& limits);
void from_json(const Json& json, MemberCapTotal& total);
void from_json(const Json& json, Use& use);
void from_json(const Json& json, ChannelRule& channel);
void from_json(const Json& json, Note& note);

}  // namespace gongji
