// The evaluation request of the contract (../shared/contract/request.schema.json), as plain values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/date.hpp"
#include "gongji/money.hpp"
#include "gongji/vocabulary.hpp"

namespace gongji {

// The enumerations (Lang, Scheme, Status, Relation, ExpenseKind, ...) and their contract spellings
// (kLangNames, ...) are generated from policies/vocabulary.json.

template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) {
  return names[static_cast<std::size_t>(value)];
}

template <typename Enum, std::size_t N>
std::optional<Enum> enum_from(std::string_view text, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

struct Holder {
  std::string region;
  Scheme scheme = Scheme::employee;
  Status status = Status::employed;
  std::optional<std::string> tier;
  std::optional<bool> has_personal_account;
  Fen balance_fen = 0;
  std::optional<Fen> prior_years_balance_fen;
  std::optional<Fen> authorized_limit_fen;
};

struct Member {
  std::string id;
  std::optional<std::string> name;
  Relation relation = Relation::other;
  int32_t age = 0;
  Scheme scheme = Scheme::none;
  std::string region;  // defaults to the holder's region
  Fen own_balance_fen = 0;
  bool bound_to_other_holder = false;
  bool reader = false;  // the user reading a household plan, bound to another holder (not input)
};

struct Expense {
  std::string member;                       // a member id, or "holder"
  std::optional<std::size_t> member_index;  // resolved; nullopt for the holder
  ExpenseKind kind = ExpenseKind::outpatient;
  Fen amount_fen = 0;
  bool designated = true;
};

struct Request {
  Date as_of;
  Lang lang = Lang::zh_CN;
  Holder holder;
  // Not read from JSON: a household plan's holder who is not the user, as the plan names them;
  // texts then say "配偶有…" where they would say "您有…".
  std::optional<std::string> holder_label;
  std::vector<Member> members;
  std::vector<Expense> expenses;
};

inline constexpr std::string_view kHolderId = "holder";

}  // namespace gongji
