// The kinds of rule, each named once: its key, how the layers combine, whether the national layer
// must state it, the C++ type of its value, and its label's text key. Evaluation, the loader, the
// policy image, the message checks and the policy schema (`gongji schema`) all read this table.
// What only the loader needs (the shape of the JSON value, the schema's description) sits beside
// it in rule_kind_shapes.cpp, so that the WebAssembly module, which installs a prebuilt image,
// carries none of it. Adding a kind of rule is one entry here, one there, its label in
// messages.json, its data, and the code that decides with it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "gongji/policy.hpp"

namespace gongji::detail {

enum class Combine {
  layered,   // the most specific layer with a value in force answers: city, else province, else
             // nation
  additive,  // every layer's values in force together, national first (notes)
  national,  // only the national layer states it (a region file may not)
};

// What else a kind says of its rule, as flags.
enum Trait : unsigned {
  // The national layer states it (each key of a family) for every day from 1900-01-01 on.
  kRequired = 1,
  // A region without its own value falls back to the national one, and the answer warns of it;
  // not for a rule a region states only where it differs (tiers: none unless it says so).
  kFallbackWarns = 2,
  // It decides who may be bound: a new value may turn a "no" into a "yes" (members[].changes).
  kDecidesEligibility = 4,
  // A value from a list, each with its own sentence in messages.json, "<key>.<value>" (the order
  // in which several holders pay): the loader checks every value has one.
  kSaysEachValue = 8,
  // The answer shows its value as guidance (channels, documents, notes), whose items name no
  // sources of their own: wherever it was used, the answer's sources list its sources.
  kShownAsGuidance = 16,
};

// The C++ type T of a kind's value, as its position among RuleValue's alternatives.
template <typename T, std::size_t I = 0>
constexpr std::size_t value_type() {
  static_assert(I < std::variant_size_v<RuleValue>, "not a rule value type");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, RuleValue>, T>) {
    return I;
  } else {
    return value_type<T, I + 1>();
  }
}

// A family's suffixes: a view of one of the vocabulary's constant lists.
struct Suffixes {
  const std::string_view* first = nullptr;
  std::size_t count = 0;
  const std::string_view* begin() const { return first; }
  const std::string_view* end() const { return first + count; }
  bool empty() const { return count == 0; }
};

struct RuleKind {
  // The rule's key; for a family (`suffixes` not empty) the prefix of its keys: "use" stands for
  // "use.outpatient", "use.inpatient", ...
  std::string_view key;
  Combine combine;
  unsigned traits;
  std::size_t value_type;  // the index of its C++ type in RuleValue (value_type<T>())
  Suffixes suffixes = {};

  bool has(Trait trait) const { return (traits & trait) != 0; }
  bool family() const { return !suffixes.empty(); }
  // The text key of the label that names the rule (or its family) to a user.
  std::string label_key() const { return "rule." + std::string(key); }
  // The text key of the sentence that states a value (kSaysEachValue).
  std::string value_key(std::string_view value) const {
    return std::string(key) + "." + std::string(value);
  }
};

// The kinds as a constant table: data in the module, not code that builds a vector at startup.
struct RuleKinds {
  const RuleKind* first;
  std::size_t count;
  const RuleKind* begin() const { return first; }
  const RuleKind* end() const { return first + count; }
  std::size_t size() const { return count; }
};

// Every kind, in the order the schema lists them.
RuleKinds rule_kinds();

// The kind of a rule key ("pooling", "use.outpatient"); null for an unknown key.
const RuleKind* rule_kind(std::string_view key);

// A key's place in the canonical order of rules: its kind's position in rule_kinds(), then its
// suffix's position in the family (use.outpatient before use.inpatient); unknown keys last. What
// the answer says about several rules (warnings) follows it, so moving code never reorders them.
std::size_t rule_rank(std::string_view key);

// Every key the national layer must state.
std::vector<std::string> required_rule_keys();

// The family part of a key: "use.outpatient" -> "use" (one label per family).
inline std::string_view rule_family(std::string_view key) {
  return key.substr(0, key.find('.'));
}

}  // namespace gongji::detail
