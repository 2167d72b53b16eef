// Reads a request into typed values, reporting the first problem in document order with the
// contract's error code and the JSON Pointer of the culprit.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "gongji/evaluate.hpp"
#include "gongji/household.hpp"
#include "integer_text.hpp"
#include "json_tape.hpp"
#include "regions.hpp"
#include "texts.hpp"

namespace gongji {
namespace {

using detail::integer_text;
using detail::pointer_append;
using JsonValue = detail::JsonTape::Value;

constexpr std::size_t kMaxRequestBytes = 1024 * 1024;
constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxObjectKeys = 64;
constexpr std::size_t kMaxMembers = 20;
constexpr std::size_t kMaxPeople = 20;
constexpr std::size_t kMaxExpenses = 200;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxTierLength = 8;

// Counts code points; the input is valid UTF-8 (the JSON parser checked it).
std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// Where a value sits, as a JSON Pointer spelled out only when an error names it: each level refers
// to its parent, which outlives it on the reader's stack.
class Pointer {
 public:
  Pointer() = default;  // the document itself: ""
  Pointer(const Pointer& parent, std::string_view key) : parent_(&parent), key_(key) {}
  Pointer(const Pointer& parent, std::size_t index)
      : parent_(&parent), index_(index), is_index_(true) {}

  std::string str() const {
    if (!parent_) return "";
    return is_index_ ? pointer_append(parent_->str(), index_)
                     : pointer_append(parent_->str(), key_);
  }

 private:
  const Pointer* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

std::string quoted_list(const std::string_view* names, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += "\"" + std::string(names[i]) + "\"";
  }
  return out;
}

class Reader {
 public:
  Reader(const PolicySet& policies, Lang lang) : policies_(policies), texts_(policies, lang) {}

  std::optional<RequestError> error;

  // `code` a view, not a string: each of the many call sites passes a literal.
  bool fail(std::string_view code, std::string path, std::string_view key,
            detail::TextParams params = {}) {
    error = RequestError{std::string(code), texts_.get(key, params), std::move(path)};
    return false;
  }
  bool fail(std::string_view code, const Pointer& at, std::string_view key,
            detail::TextParams params = {}) {
    return fail(code, at.str(), key, params);
  }

  bool object(JsonValue value, const Pointer& path) {
    return value.is_object() || fail("invalid_request", path, "error.not_object");
  }

  std::optional<std::string> string(JsonValue value, const Pointer& path, std::size_t min,
                                    std::size_t max) {
    if (!value.is_string()) return fail("invalid_request", path, "error.not_string"), std::nullopt;
    const std::string_view text = value.string();
    const std::size_t length = utf8_length(text);
    if (length > max) {
      fail("limit_exceeded", path, "error.string_too_long", {{"limit", integer_text(max)}});
      return std::nullopt;
    }
    if (length < min) return fail("invalid_request", path, "error.string_too_short"), std::nullopt;
    return std::string(text);
  }

  template <typename Enum, std::size_t N>
  std::optional<Enum> choice(JsonValue value, const Pointer& path,
                             const std::array<std::string_view, N>& names) {
    const std::optional<std::size_t> index = choice_index(value, path, names.data(), N);
    return index ? std::optional<Enum>(static_cast<Enum>(*index)) : std::nullopt;
  }
  // The position of the value among `names`: one body for every enumeration, not one each.
  std::optional<std::size_t> choice_index(JsonValue value, const Pointer& path,
                                          const std::string_view* names, std::size_t count) {
    if (value.is_string()) {
      const std::string_view text = value.string();
      for (std::size_t i = 0; i < count; ++i) {
        if (names[i] == text) return i;
      }
    }
    fail("invalid_request", path, "error.not_in_enum", {{"allowed", quoted_list(names, count)}});
    return std::nullopt;
  }

  std::optional<int64_t> integer(JsonValue value, const Pointer& path, int64_t min, int64_t max) {
    std::optional<int64_t> number;
    if (value.is_number_integer()) {
      if (value.is_number_unsigned()) {
        const uint64_t u = value.unsigned_integer();
        number = u > static_cast<uint64_t>(max) ? max + 1 : static_cast<int64_t>(u);
      } else {
        number = value.integer();
      }
    } else if (value.is_number_float()) {
      // JSON Schema counts 3.0 as an integer; anything beyond +-2^62 is out of range anyway.
      const double d = value.floating();
      if (!std::isfinite(d) || std::floor(d) != d) {
        if (std::isfinite(d))
          return fail("invalid_request", path, "error.not_integer"), std::nullopt;
        number = d > 0 ? max + 1 : min - 1;
      } else if (d > 4.0e18 || d < -4.0e18) {
        number = d > 0 ? max + 1 : min - 1;
      } else {
        number = static_cast<int64_t>(d);
      }
    } else {
      return fail("invalid_request", path, "error.not_integer"), std::nullopt;
    }
    if (*number < min || *number > max) {
      fail("invalid_request", path, "error.out_of_range",
           {{"min", integer_text(min)}, {"max", integer_text(max)}});
      return std::nullopt;
    }
    return number;
  }

  std::optional<bool> boolean(JsonValue value, const Pointer& path) {
    if (!value.is_boolean())
      return fail("invalid_request", path, "error.not_boolean"), std::nullopt;
    return value.boolean();
  }

  std::optional<std::string> region(JsonValue value, const Pointer& path) {
    if (!value.is_string()) return fail("invalid_request", path, "error.not_string"), std::nullopt;
    const std::string_view code = value.string();
    bool digits = code.size() == 6;
    for (char c : code) digits = digits && c >= '0' && c <= '9';
    if (!digits) return fail("invalid_request", path, "error.bad_region"), std::nullopt;
    if (!detail::region_known(policies_, code)) {
      return fail("unknown_region", path, "error.unknown_region"), std::nullopt;
    }
    // A set without this province's part (the page's first download) does not answer for it.
    if (policies_.apart(code)) {
      return fail("invalid_request", path, "error.rules_not_loaded"), std::nullopt;
    }
    return std::string(code);
  }

  // A tier the vocabulary names (深圳's "1", "2", "3"); any other is an error at its field, not
  // read as no tier (review 53: "9" was answered as an account like any employee's).
  std::optional<std::string> tier(JsonValue value, const Pointer& path) {
    auto text = string(value, path, 0, kMaxTierLength);
    if (!text || policies_.vocabulary.find("tier", *text, "label")) return text;
    return fail("invalid_request", path, "error.unknown_tier"), std::nullopt;
  }

  bool unknown_field(const Pointer& path) {
    return fail("invalid_request", path, "error.unknown_field");
  }

  bool missing(JsonValue object, const Pointer& path,
               std::initializer_list<std::string_view> required) {
    for (auto name : required) {
      if (!object.contains(name)) {
        return fail("invalid_request", Pointer(path, name), "error.missing_field");
      }
    }
    return true;
  }

  bool read_holder(JsonValue value, const Pointer& path, Holder& holder) {
    if (!object(value, path)) return false;
    for (const auto& [key, field] : value.items()) {
      const std::string_view field_name = key;
      const Pointer at(path, key);
      if (field_name == "region") {
        auto code = region(field, at);
        if (!code) return false;
        holder.region = std::move(*code);
      } else if (field_name == "scheme") {
        auto scheme = choice<Scheme>(field, at, kSchemeNames);
        if (!scheme) return false;
        holder.scheme = *scheme;
      } else if (field_name == "status") {
        auto status = choice<Status>(field, at, kStatusNames);
        if (!status) return false;
        holder.status = *status;
      } else if (field_name == "tier") {
        auto known = tier(field, at);
        if (!known) return false;
        holder.tier = std::move(*known);
      } else if (field_name == "has_personal_account") {
        auto flag = boolean(field, at);
        if (!flag) return false;
        holder.has_personal_account = *flag;
      } else if (field_name == "balance_fen" || field_name == "prior_years_balance_fen" ||
                 field_name == "authorized_limit_fen") {
        auto fen = integer(field, at, 0, kMaxFen);
        if (!fen) return false;
        if (field_name == "balance_fen") holder.balance_fen = *fen;
        if (field_name == "prior_years_balance_fen") holder.prior_years_balance_fen = *fen;
        if (field_name == "authorized_limit_fen") holder.authorized_limit_fen = *fen;
      } else {
        return unknown_field(at);
      }
    }
    if (!missing(value, path, {"region", "scheme", "balance_fen"})) return false;
    return prior_years_within(path, holder.prior_years_balance_fen, holder.balance_fen);
  }

  // The 历年 part is part of the balance (contract): never more than it.
  bool prior_years_within(const Pointer& path, std::optional<Fen> part, Fen whole) {
    if (!part || *part <= whole) return true;
    return fail("invalid_request", Pointer(path, "prior_years_balance_fen"),
                "error.prior_years_over_balance");
  }

  bool read_member(JsonValue value, const Pointer& path, std::size_t index, Member& member) {
    if (!object(value, path)) return false;
    bool explicit_id = false;
    for (const auto& [key, field] : value.items()) {
      const std::string_view field_name = key;
      const Pointer at(path, key);
      if (field_name == "id") {
        auto id = string(field, at, 1, kMaxIdLength);
        if (!id) return false;
        if (*id == kHolderId) return fail("invalid_request", at, "error.reserved_id");
        member.id = std::move(*id);
        explicit_id = true;
      } else if (field_name == "name") {
        auto name = string(field, at, 0, kMaxIdLength);
        if (!name) return false;
        member.name = std::move(*name);
      } else if (field_name == "relation") {
        auto relation = choice<Relation>(field, at, kRelationNames);
        if (!relation) return false;
        member.relation = *relation;
      } else if (field_name == "age") {
        auto age = integer(field, at, 0, 150);
        if (!age) return false;
        member.age = static_cast<int32_t>(*age);
      } else if (field_name == "scheme") {
        auto scheme = choice<Scheme>(field, at, kSchemeNames);
        if (!scheme) return false;
        member.scheme = *scheme;
      } else if (field_name == "region") {
        auto code = region(field, at);
        if (!code) return false;
        member.region = std::move(*code);
      } else if (field_name == "own_balance_fen") {
        auto fen = integer(field, at, 0, kMaxFen);
        if (!fen) return false;
        member.own_balance_fen = *fen;
      } else if (field_name == "bound_to_other_holder") {
        auto flag = boolean(field, at);
        if (!flag) return false;
        member.bound_to_other_holder = *flag;
      } else {
        return unknown_field(at);
      }
    }
    if (!missing(value, path, {"relation", "age", "scheme"})) return false;
    if (!explicit_id) member.id = "m" + integer_text(index + 1);
    if (!first_time(member_ids_, member.id)) {
      return fail("invalid_request", explicit_id ? Pointer(path, "id") : path,
                  "error.duplicate_id");
    }
    return true;
  }

  bool read_expense(JsonValue value, const Pointer& path, Expense& expense) {
    if (!object(value, path)) return false;
    for (const auto& [key, field] : value.items()) {
      const std::string_view field_name = key;
      const Pointer at(path, key);
      if (field_name == "member") {
        auto member = string(field, at, 1, kMaxIdLength);
        if (!member) return false;
        expense.member = std::move(*member);
        if (members_read_ && !known_member(expense.member)) {
          return fail("invalid_request", at, "error.unknown_member");
        }
      } else if (field_name == "kind") {
        auto kind = choice<ExpenseKind>(field, at, kExpenseKindNames);
        if (!kind) return false;
        expense.kind = *kind;
      } else if (field_name == "amount_fen") {
        auto fen = integer(field, at, 1, kMaxFen);
        if (!fen) return false;
        expense.amount_fen = *fen;
      } else if (field_name == "designated") {
        auto flag = boolean(field, at);
        if (!flag) return false;
        expense.designated = *flag;
      } else {
        return unknown_field(at);
      }
    }
    return missing(value, path, {"member", "kind", "amount_fen"});
  }

  bool read_person(JsonValue value, const Pointer& path, Person& person) {
    if (!object(value, path)) return false;
    for (const auto& [key, field] : value.items()) {
      const std::string_view field_name = key;
      const Pointer at(path, key);
      if (field_name == "id") {
        auto id = string(field, at, 1, kMaxIdLength);
        if (!id) return false;
        person.id = std::move(*id);
        if (!first_time(person_ids_, person.id)) {
          return fail("invalid_request", at, "error.duplicate_id");
        }
      } else if (field_name == "name") {
        auto name = string(field, at, 0, kMaxIdLength);
        if (!name) return false;
        person.name = std::move(*name);
      } else if (field_name == "role") {
        auto role = choice<Role>(field, at, kRoleNames);
        if (!role) return false;
        person.role = *role;
        // self, spouse and the four parents are each one person.
        if (person.role <= Role::spouse_mother &&
            std::exchange(role_seen_[static_cast<std::size_t>(person.role)], true)) {
          return fail("invalid_request", at, "error.duplicate_role");
        }
      } else if (field_name == "sex") {
        auto sex = choice<Sex>(field, at, kSexNames);
        if (!sex) return false;
        person.sex = *sex;
      } else if (field_name == "age") {
        auto age = integer(field, at, 0, 150);
        if (!age) return false;
        person.age = static_cast<int32_t>(*age);
      } else if (field_name == "scheme") {
        auto scheme = choice<Scheme>(field, at, kSchemeNames);
        if (!scheme) return false;
        person.scheme = *scheme;
      } else if (field_name == "region") {
        auto code = region(field, at);
        if (!code) return false;
        person.region = std::move(*code);
      } else if (field_name == "status") {
        auto status = choice<Status>(field, at, kStatusNames);
        if (!status) return false;
        person.status = *status;
      } else if (field_name == "tier") {
        auto known = tier(field, at);
        if (!known) return false;
        person.tier = std::move(*known);
      } else if (field_name == "has_personal_account" || field_name == "bound_to_other_holder") {
        auto flag = boolean(field, at);
        if (!flag) return false;
        if (field_name == "has_personal_account") person.has_personal_account = *flag;
        if (field_name == "bound_to_other_holder") person.bound_to_other_holder = *flag;
      } else if (field_name == "balance_fen" || field_name == "prior_years_balance_fen" ||
                 field_name == "authorized_limit_fen") {
        auto fen = integer(field, at, 0, kMaxFen);
        if (!fen) return false;
        if (field_name == "balance_fen") person.balance_fen = *fen;
        if (field_name == "prior_years_balance_fen") person.prior_years_balance_fen = *fen;
        if (field_name == "authorized_limit_fen") person.authorized_limit_fen = *fen;
      } else {
        return unknown_field(at);
      }
    }
    if (!missing(value, path, {"id", "role", "age", "scheme"})) return false;
    if (person.sex && person.role != Role::self) {
      return fail("invalid_request", Pointer(path, "sex"), "error.sex_on_self_only");
    }
    if (person.role == Role::self && person.region.empty()) {
      return fail("invalid_request", Pointer(path, "region"), "error.missing_field");
    }
    return prior_years_within(path, person.prior_years_balance_fen, person.balance_fen);
  }

  bool read_household(JsonValue value, const Pointer& path, HouseholdRequest& household) {
    if (!object(value, path)) return false;
    for (const auto& [key, field] : value.items()) {
      const Pointer at(path, key);
      if (std::string_view(key) != "people") return unknown_field(at);
      auto read_person_at = [this](JsonValue v, const Pointer& p, std::size_t, Person& person) {
        return read_person(v, p, person);
      };
      if (!read_array(field, at, kMaxPeople, household.people, read_person_at)) return false;
      if (household.people.empty()) return fail("invalid_request", at, "error.no_self");
      const auto self = std::find_if(household.people.begin(), household.people.end(),
                                     [](const Person& p) { return p.role == Role::self; });
      if (self == household.people.end()) return fail("invalid_request", at, "error.no_self");
      for (Person& person : household.people) {
        if (person.region.empty()) person.region = self->region;
      }
    }
    return missing(value, path, {"people"});
  }

  template <typename Item, typename ReadItem>
  bool read_array(JsonValue value, const Pointer& path, std::size_t limit, std::vector<Item>& items,
                  ReadItem read_item) {
    if (!value.is_array()) return fail("invalid_request", path, "error.not_array");
    if (value.size() > limit) {
      return fail("limit_exceeded", path, "error.too_many", {{"limit", integer_text(limit)}});
    }
    items.resize(value.size());
    std::size_t i = 0;
    for (const JsonValue item : value.elements()) {
      if (!read_item(item, Pointer(path, i), i, items[i])) return false;
      ++i;
    }
    return true;
  }

  // A request is the v1 one (holder, members, expenses) or a household, never a mix of both.
  // Without kHouseholds (the calculator's module, which has no planner) a household is refused
  // where it is named, and its reader is not linked.
  template <bool kHouseholds>
  bool read(JsonValue root, Date today, Request& request, HouseholdRequest& household,
            bool& is_household) {
    const Pointer root_pointer;
    if (!object(root, root_pointer)) return false;
    request.as_of = today;
    bool v1_seen = false;
    is_household = false;
    for (const auto& [key, field] : root.items()) {
      const std::string_view field_name = key;
      const Pointer at(root_pointer, key);
      const bool v1_field =
          field_name == "holder" || field_name == "members" || field_name == "expenses";
      if (v1_field && is_household) return fail("invalid_request", at, "error.household_mixed");
      v1_seen = v1_seen || v1_field;
      if (field_name == "household") {
        if (v1_seen) return fail("invalid_request", at, "error.household_mixed");
        if constexpr (!kHouseholds) return fail("invalid_request", at, "error.no_planner");
        // Rules cut for the calculator page carry no plan texts: a plan would show their keys.
        const auto plan = policies_.messages.lower_bound(std::string_view("plan."));
        if (plan == policies_.messages.end() || !is_planner_text(plan->first)) {
          return fail("invalid_request", at, "error.planner_texts_not_loaded");
        }
        if (!read_household(field, at, household)) return false;
        is_household = true;
      } else if (field_name == "as_of") {
        const auto date = field.is_string() ? parse_date(field.string()) : std::optional<Date>{};
        if (!date) return fail("invalid_request", at, "error.bad_date");
        request.as_of = *date;
      } else if (field_name == "lang") {
        auto lang = choice<Lang>(field, at, kLangNames);
        if (!lang) return false;
        request.lang = *lang;
      } else if (field_name == "holder") {
        if (!read_holder(field, at, request.holder)) return false;
      } else if (field_name == "members") {
        auto read_member_at = [this](JsonValue v, const Pointer& p, std::size_t i, Member& m) {
          return read_member(v, p, i, m);
        };
        if (!read_array(field, at, kMaxMembers, request.members, read_member_at)) return false;
        members_read_ = true;
      } else if (field_name == "expenses") {
        auto read_expense_at = [this](JsonValue v, const Pointer& p, std::size_t, Expense& e) {
          return read_expense(v, p, e);
        };
        if (!read_array(field, at, kMaxExpenses, request.expenses, read_expense_at)) return false;
      } else {
        return unknown_field(at);
      }
    }
    household.as_of = request.as_of;
    household.lang = request.lang;
    if (is_household) return true;
    if (!missing(root, root_pointer, {"holder"})) return false;
    // Expenses written before the members are checked now that every id is known.
    for (std::size_t i = 0; i < request.expenses.size(); ++i) {
      if (!known_member(request.expenses[i].member)) {
        return fail("invalid_request", "/expenses/" + integer_text(i) + "/member",
                    "error.unknown_member");
      }
    }
    resolve_defaults(request);
    return true;
  }

 private:
  bool known_member(const std::string& id) const {
    return id == kHolderId ||
           std::find(member_ids_.begin(), member_ids_.end(), id) != member_ids_.end();
  }

  // Whether `id` is new to `seen`, which it joins. At most 20 members or people (kMaxMembers,
  // kMaxPeople): a search along a list is less code for the module than a tree.
  static bool first_time(std::vector<std::string>& seen, const std::string& id) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) return false;
    seen.push_back(id);
    return true;
  }

  static void resolve_defaults(Request& request) {
    for (Member& member : request.members) {
      if (member.region.empty()) member.region = request.holder.region;
    }
    for (Expense& expense : request.expenses) {
      for (std::size_t i = 0; i < request.members.size(); ++i) {
        if (request.members[i].id == expense.member) expense.member_index = i;
      }
    }
  }

  const PolicySet& policies_;
  detail::Texts texts_;
  std::vector<std::string> member_ids_;
  std::vector<std::string> person_ids_;
  std::array<bool, kRoleNames.size()> role_seen_{};  // self, spouse and the parents: one each
  bool members_read_ = false;
};

// Errors come in the request's language when it can be told, else in Chinese.
Lang language_hint(JsonValue root) {
  if (root.is_object()) {
    for (const auto& [key, value] : root.items()) {
      if (key == "lang")
        return value.is_string() && value.string() == "en" ? Lang::en : Lang::zh_CN;
    }
  }
  return Lang::zh_CN;
}

Lang language_hint(std::string_view text) {
  return text.find("\"lang\"") != std::string_view::npos &&
                 text.find("\"en\"") != std::string_view::npos
             ? Lang::en
             : Lang::zh_CN;
}

}  // namespace

namespace {

template <bool kHouseholds>
std::variant<Request, HouseholdRequest, RequestError> read_json_request(
    std::string_view request_json, const PolicySet& policies, Date today) {
  const detail::JsonLimits limits{kMaxRequestBytes, kMaxDepth, kMaxObjectKeys};
  auto parsed = detail::read_json_tape(request_json, limits);
  if (auto* failure = std::get_if<detail::JsonFailure>(&parsed)) {
    Reader reader(policies, language_hint(request_json.substr(0, 4096)));
    using Kind = detail::JsonFailure::Kind;
    switch (failure->kind) {
      case Kind::syntax:
        reader.fail("invalid_json", "", "error.invalid_json",
                    {{"offset", integer_text(failure->offset)}});
        break;
      case Kind::too_large:
        reader.fail("limit_exceeded", "", "error.too_large",
                    {{"limit", integer_text(kMaxRequestBytes)}});
        break;
      case Kind::too_deep:
        reader.fail("limit_exceeded", failure->path, "error.too_deep",
                    {{"limit", integer_text(kMaxDepth)}});
        break;
      case Kind::too_many_keys:
        reader.fail("limit_exceeded", failure->path, "error.too_many",
                    {{"limit", integer_text(kMaxObjectKeys)}});
        break;
      case Kind::duplicate_key:
        reader.fail("invalid_request", failure->path, "error.duplicate_key");
        break;
    }
    return *reader.error;
  }
  const JsonValue root = std::get_if<detail::JsonTape>(&parsed)->root();
  Reader reader(policies, language_hint(root));
  Request request;
  HouseholdRequest household;
  bool is_household = false;
  if (!reader.read<kHouseholds>(root, today, request, household, is_household)) {
    return *reader.error;
  }
  // A set cut to one language (the page's first download) answers in that language only.
  if (!policies.has_texts_in(is_household ? household.lang : request.lang)) {
    reader.fail("invalid_request", "/lang", "error.lang_not_loaded");
    return *reader.error;
  }
  if (is_household) return household;
  return request;
}

}  // namespace

std::variant<Request, HouseholdRequest, RequestError> read_any_request(
    std::string_view request_json, const PolicySet& policies, Date today) {
  return read_json_request<true>(request_json, policies, today);
}

std::variant<Request, RequestError> read_request(std::string_view request_json,
                                                 const PolicySet& policies, Date today) {
  auto read = read_json_request<false>(request_json, policies, today);
  if (auto* error = std::get_if<RequestError>(&read)) return std::move(*error);
  return std::move(*std::get_if<Request>(&read));
}

}  // namespace gongji
