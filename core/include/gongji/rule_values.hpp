// The value of each kind of rule as a C++ type. The loader reads every value once, after checking
// its shape (core/src/rule_kinds.cpp); evaluation reads these, never JSON.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "gongji/money.hpp"
#include "gongji/request.hpp"

namespace gongji {

struct LocalText {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::en ? en : zh; }
};

// relations: who may be bound (empty: sharing has not started).
struct Relations {
  std::vector<Relation> list;
  bool holds(Relation relation) const {
    for (Relation item : list) {
      if (item == relation) return true;
    }
    return false;
  }
};

// scheme_account and holder_account: whether each scheme (status) has a personal account.
template <typename Enum, std::size_t N>
struct AccountFlags {
  std::array<bool, N> has{};
  bool of(Enum value) const { return has[static_cast<std::size_t>(value)]; }
};
using SchemeAccounts = AccountFlags<Scheme, kSchemeNames.size()>;
using StatusAccounts = AccountFlags<Status, kStatusNames.size()>;

// tiers: tier -> whether it has an account, in the file's order ({} where there are none).
struct Tiers {
  std::vector<std::pair<std::string, bool>> list;
  const bool* find(std::string_view tier) const {
    for (const auto& [name, has] : list) {
      if (name == tier) return &has;
    }
    return nullptr;
  }
};

enum class ShareablePart { whole, prior_years };
inline constexpr std::array<std::string_view, 2> kShareablePartNames{"whole", "prior_years"};

// share_above: what stays in the holder's own account, a fixed amount or a share of a wage.
struct ShareAbove {
  bool of_wage = false;
  Fen fen = 0;                  // fixed: the amount kept
  int64_t wage_percent = 0;     // of_wage: the share
  std::optional<Fen> wage_fen;  // of_wage: the wage, where a source gives it
};

enum class PoolingUnit { prefecture, province };
inline constexpr std::array<std::string_view, 2> kPoolingUnitNames{"prefecture", "province"};

struct Pooling {
  PoolingUnit unit = PoolingUnit::prefecture;
  std::vector<std::string> assumed_separate;  // codes taken as their own area without a source
};

enum class CapScope { pooling_area, province, unconfirmed };
inline constexpr std::array<std::string_view, 3> kCapScopeNames{"pooling_area", "province",
                                                                "unconfirmed"};

enum class HolderOrder { filing_order, highest_balance, last_bound_first, user_set };
inline constexpr std::array<std::string_view, 4> kHolderOrderNames{
    "filing_order", "highest_balance", "last_bound_first", "user_set"};

enum class WalletState { none, partial, full };
inline constexpr std::array<std::string_view, 3> kWalletStateNames{"none", "partial", "full"};

struct WalletLimits {
  Fen per_transfer_fen = 0;
  int64_t transfers_per_day = 0;
  std::string closed_from;  // HH:MM
  std::string closed_until;
};

// member_cap_total: how many members one holder may bind (none: no cap).
struct MemberCapTotal {
  std::optional<int64_t> cap;
};

struct Use {
  bool allowed = false;
  bool designated_only = false;
};

struct ChannelRule {
  std::string id;
  ChannelKind kind = ChannelKind::app;
  LocalText name;
  std::vector<LocalText> steps;  // the loader checks both languages have as many
};

// Whom a note concerns; a file writes "for" only for the last two (everyone is the default).
enum class NoteFor { everyone, local, uninsured };
inline constexpr std::array<std::string_view, 3> kNoteForNames{"everyone", "local", "uninsured"};

struct Note {
  LocalText text;
  NoteFor audience = NoteFor::everyone;
  // What the note is about, where a more local layer may say otherwise: a note with a topic gives
  // way to a more local layer's note on the same one (empty: none).
  std::string topic;
};

// One type per kind's value; several kinds share one (bool, int64_t). Every alternative is
// distinct, so each kind's key names exactly one of them (RuleKey<T>).
using RuleValue =
    std::variant<bool, int64_t, Relations, SchemeAccounts, StatusAccounts, Tiers, ShareablePart,
                 ShareAbove, Pooling, CapScope, HolderOrder, WalletState, WalletLimits,
                 MemberCapTotal, Use, std::vector<ChannelRule>, ChannelRule, std::vector<LocalText>,
                 std::vector<Note>>;

// A rule's key with the type of its value: `context.rule(rules::pooling)` gives a Pooling.
template <typename T>
struct RuleKey {
  std::string_view name;
};

}  // namespace gongji
