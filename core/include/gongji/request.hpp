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

namespace gongji {

enum class Lang { zh_CN, en };
enum class Scheme { employee, resident, none };
enum class Status { employed, retired, flexible };
enum class Relation {
  spouse,
  parent,
  child,
  sibling,
  grandparent,
  maternal_grandparent,
  grandchild,
  maternal_grandchild,
  parent_in_law,
  other
};
enum class ExpenseKind {
  outpatient,
  inpatient,
  pharmacy,
  resident_contribution,
  ltc_contribution,
  commercial_health_insurance,
  vaccine_non_programme,
  physical_exam,
  health_supplement,
  fitness,
  public_health,
  cash_withdrawal,
  cosmetic
};

// Contract spellings, indexed by the enum's value.
inline constexpr std::array<std::string_view, 2> kLangNames{"zh-CN", "en"};
inline constexpr std::array<std::string_view, 3> kSchemeNames{"employee", "resident", "none"};
inline constexpr std::array<std::string_view, 3> kStatusNames{"employed", "retired", "flexible"};
inline constexpr std::array<std::string_view, 10> kRelationNames{
    "spouse",        "parent",
    "child",         "sibling",
    "grandparent",   "maternal_grandparent",
    "grandchild",    "maternal_grandchild",
    "parent_in_law", "other"};
inline constexpr std::array<std::string_view, 13> kExpenseKindNames{"outpatient",
                                                                    "inpatient",
                                                                    "pharmacy",
                                                                    "resident_contribution",
                                                                    "ltc_contribution",
                                                                    "commercial_health_insurance",
                                                                    "vaccine_non_programme",
                                                                    "physical_exam",
                                                                    "health_supplement",
                                                                    "fitness",
                                                                    "public_health",
                                                                    "cash_withdrawal",
                                                                    "cosmetic"};

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
  std::vector<Member> members;
  std::vector<Expense> expenses;
};

inline constexpr std::string_view kHolderId = "holder";

}  // namespace gongji
