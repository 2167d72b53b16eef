// What the loader and the schema need of each kind of rule (rule_kinds.hpp) beyond what
// evaluation needs: the shape its JSON value must have, and the schema's description of it. Kept
// apart from the kinds so that code which installs a prebuilt policy image links none of it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rule_kinds.hpp"
#include "rule_shape.hpp"

namespace gongji::detail {

struct KindShape {
  std::string_view key;  // a RuleKind's key
  const Shape* shape;
  std::string_view description;
};

// Every kind's shape, in the order of rule_kinds() (a unit test holds the two lists equal).
const std::vector<KindShape>& kind_shapes();

// The shape of a kind; every kind has one.
const KindShape& kind_shape(const RuleKind& kind);

// The message keys the kinds need: each label, and each value's sentence (kSaysEachValue).
std::vector<std::string> kind_message_keys();

}  // namespace gongji::detail
