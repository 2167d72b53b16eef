// Kinship inside a household: a person's relation to a possible holder when both are known only
// by their role relative to self. The table is the contract's (household.md), cell for cell, so a
// unit test can compare the two; it is kinship, not policy, and does not vary by region or date.
#include <algorithm>

#include "gongji/household.hpp"

namespace gongji {
namespace {

// Holder roles with a column of their own, in the contract's order.
constexpr std::array<Role, 11> kHolderColumns{Role::self,
                                              Role::spouse,
                                              Role::father,
                                              Role::mother,
                                              Role::spouse_father,
                                              Role::spouse_mother,
                                              Role::child,
                                              Role::sibling,
                                              Role::spouse_sibling,
                                              Role::paternal_grandparent,
                                              Role::maternal_grandparent};

// Rows by the person's role in kRoleNames order. "–" is a role the household has once (a person
// is never their own holder); "¹" marks a line that runs through self, whose word depends on
// self's sex.
constexpr std::string_view kTable[14][11] = {
    {"–", "spouse", "child", "child", "other", "other", "parent", "sibling", "other", "grandchild",
     "maternal_grandchild"},
    {"spouse", "–", "other", "other", "child", "child", "parent", "other", "sibling", "other",
     "other"},
    {"parent", "parent_in_law", "–", "spouse", "other", "other", "grandparent¹", "parent", "other",
     "child", "other"},
    {"parent", "parent_in_law", "spouse", "–", "other", "other", "grandparent¹", "parent", "other",
     "other", "child"},
    {"parent_in_law", "parent", "other", "other", "–", "spouse", "maternal_grandparent¹", "other",
     "parent", "other", "other"},
    {"parent_in_law", "parent", "other", "other", "spouse", "–", "maternal_grandparent¹", "other",
     "parent", "other", "other"},
    {"child", "child", "grandchild¹", "grandchild¹", "maternal_grandchild¹", "maternal_grandchild¹",
     "sibling", "other", "other", "other", "other"},
    {"other", "other", "other", "other", "other", "other", "other", "other", "other", "other",
     "other"},
    {"grandchild", "grandchild", "other", "other", "other", "other", "other", "other", "other",
     "other", "other"},
    {"sibling", "other", "child", "child", "other", "other", "other", "sibling", "other",
     "grandchild", "maternal_grandchild"},
    {"other", "sibling", "other", "other", "child", "child", "other", "other", "sibling", "other",
     "other"},
    {"grandparent", "other", "parent", "parent_in_law", "other", "other", "other", "grandparent",
     "other", "spouse", "other"},
    {"maternal_grandparent", "other", "parent_in_law", "parent", "other", "other", "other",
     "maternal_grandparent", "other", "other", "spouse"},
    {"other", "other", "other", "other", "other", "other", "other", "other", "other", "other",
     "other"},
};

constexpr std::string_view kThroughSelf = "¹";

// The other word of a pair that differs only by the side of the family (孙子女/外孙子女).
Relation other_side(Relation relation) {
  switch (relation) {
    case Relation::grandchild:
      return Relation::maternal_grandchild;
    case Relation::maternal_grandchild:
      return Relation::grandchild;
    case Relation::grandparent:
      return Relation::maternal_grandparent;
    case Relation::maternal_grandparent:
      return Relation::grandparent;
    default:
      return relation;
  }
}

}  // namespace

std::string_view kinship_cell(Role person, Role holder) {
  const auto column = std::find(kHolderColumns.begin(), kHolderColumns.end(), holder);
  if (column == kHolderColumns.end()) return "";
  return kTable[static_cast<std::size_t>(person)][column - kHolderColumns.begin()];
}

Relation relation_between(Role person, Role holder, std::optional<Sex> self_sex) {
  // Holders without a column: a child's spouse or a grandchild is related to self and spouse only.
  if (holder == Role::child_spouse || holder == Role::grandchild) {
    if (person != Role::self && person != Role::spouse) return Relation::other;
    return holder == Role::child_spouse ? Relation::parent_in_law : Relation::grandparent;
  }
  std::string_view cell = kinship_cell(person, holder);
  bool through_self = false;
  if (cell.size() > kThroughSelf.size() &&
      cell.substr(cell.size() - kThroughSelf.size()) == kThroughSelf) {
    cell.remove_suffix(kThroughSelf.size());
    through_self = true;
  }
  const auto relation = enum_from<Relation>(cell, kRelationNames);
  if (!relation) return Relation::other;  // "–" and the column-less "other" holder
  return through_self && self_sex == Sex::female ? other_side(*relation) : *relation;
}

std::vector<Relation> relations_to_self(Role role) {
  std::vector<Relation> relations;
  if (role == Role::self) return relations;
  const Relation own = relation_between(role, Role::self, std::nullopt);
  // `other` is what any role outside the named relations is to self (子女的配偶, 配偶的兄弟姐妹):
  // only the role `other` stands for it.
  if (own == Relation::other && role != Role::other) return relations;
  relations.push_back(own);
  // A relation no role is to self (外孙子女) is taken by the role of its other side (孙辈).
  const Relation side = other_side(own);
  bool side_has_role = false;
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    const auto other = static_cast<Role>(i);
    side_has_role = side_has_role || (other != Role::self &&
                                      relation_between(other, Role::self, std::nullopt) == side);
  }
  if (side != own && !side_has_role) relations.push_back(side);
  return relations;
}

}  // namespace gongji
