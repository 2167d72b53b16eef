// The kinds of rule, each named once: its key, how the layers combine, whether the national layer
// must state it, the shape of its value, the reader of its C++ type, and its label's text key. The
// loader, the warnings, the message checks and the policy schema (`gongji schema`) all read this
// table; adding a kind of rule is one entry here, its label in messages.json, its data, and the
// code that decides with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rule_shape.hpp"

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
};

// Reads a value the shape checker accepted into the kind's C++ type (gongji/rule_values.hpp).
using ReadValue = RuleValue (*)(const Json&);

struct RuleKind {
  RuleKind(std::string_view key_, Combine combine_, unsigned traits_, const Shape& shape_,
           ReadValue read_, std::string_view description_,
           std::vector<std::string_view> suffixes_ = {})
      : key(key_),
        combine(combine_),
        traits(traits_),
        shape(&shape_),
        read(read_),
        description(description_),
        suffixes(std::move(suffixes_)) {}

  // The rule's key; for a family (`suffixes` not empty) the prefix of its keys: "use" stands for
  // "use.outpatient", "use.inpatient", ...
  std::string_view key;
  Combine combine;
  unsigned traits;
  const Shape* shape;
  ReadValue read;
  std::string_view description;
  std::vector<std::string_view> suffixes;

  bool has(Trait trait) const { return (traits & trait) != 0; }
  bool family() const { return !suffixes.empty(); }
  // The text key of the label that names the rule (or its family) to a user.
  std::string label_key() const { return "rule." + std::string(key); }
  // The text key of the sentence that states a value (kSaysEachValue).
  std::string value_key(std::string_view value) const {
    return std::string(key) + "." + std::string(value);
  }
};

// Every kind, in the order the schema lists them.
const std::vector<RuleKind>& rule_kinds();

// The kind of a rule key ("pooling", "use.outpatient"); null for an unknown key.
const RuleKind* rule_kind(std::string_view key);

// Every key the national layer must state.
std::vector<std::string> required_rule_keys();

// The family part of a key: "use.outpatient" -> "use" (one label per family).
inline std::string_view rule_family(std::string_view key) {
  return key.substr(0, key.find('.'));
}

}  // namespace gongji::detail
