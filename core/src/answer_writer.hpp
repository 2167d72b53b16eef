// The parts of an answer that the single-holder answer and the household plan write alike.
#pragma once

#include <optional>
#include <string_view>

#include "gongji/answer.hpp"
#include "json_writer.hpp"

namespace gongji::detail {

// What a reason says about its item (the answer's `role`): by its code, or a warning in the
// answer's warnings. reason_roles.cpp lists every code once, and plan_roles.cpp the household
// plan's own (`more`: a second table, which the household plan's writer passes).
struct CodeRole {
  std::string_view code;
  ReasonRole role;
};
using RoleTable = std::optional<ReasonRole> (*)(std::string_view code);
ReasonRole reason_role(std::string_view code, bool in_warnings, RoleTable more = nullptr);
std::optional<ReasonRole> listed_role(std::string_view code);  // nullopt: a code not listed
std::optional<ReasonRole> plan_role(std::string_view code);    // the plan's own codes
bool reason_roles_sorted();
bool plan_roles_sorted();
// A table sorted by code, and a code's role in it.
bool roles_sorted(const CodeRole* begin, const CodeRole* end);
std::optional<ReasonRole> role_in(const CodeRole* begin, const CodeRole* end,
                                  std::string_view code);
// A member's reason why the holder may not pay their residents' contribution (a first one the
// rules do not let the account, or the wallet, pay).
inline bool refuses_contribution(const Reason& reason) {
  return reason_role(reason.code, false) == ReasonRole::why_not &&
         reason.code.rfind("member.contribution_", 0) == 0;
}

// Texts are written as sentences of the answer's language (sentence_case).
void write_reasons(JsonWriter& out, std::string_view name, const std::vector<Reason>& reasons,
                   Lang lang, RoleTable more = nullptr);
void write_changes(JsonWriter& out, const std::vector<Change>& changes, Lang lang);
void write_guidance(JsonWriter& out, const Guidance& guidance);
void write_sources(JsonWriter& out, const std::vector<SourceRef>& sources);

}  // namespace gongji::detail
