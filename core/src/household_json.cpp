// Writes the household plan in the field order of household.md's response.
#include "answer_writer.hpp"
#include "gongji/household.hpp"

namespace gongji {

using detail::JsonWriter;

namespace {

template <typename Text>
void optional_field(JsonWriter& out, std::string_view name, const std::optional<Text>& value) {
  out.key(name);
  if (value) {
    out.value(std::string_view(*value));
  } else {
    out.null();
  }
}

}  // namespace

std::string to_json(const PlanAnswer& answer) {
  JsonWriter out;
  out.begin_object().field("ok", true).field("as_of", answer.as_of);
  out.field("lang", name_of(answer.lang, kLangNames)).field("version", answer.version);
  const Plan& plan = answer.plan;
  out.key("plan").begin_object();
  out.field("covered", int64_t{plan.covered}).field("total", int64_t{plan.total});
  out.key("holders").begin_array();
  for (const PlanHolder& holder : plan.holders) {
    out.begin_object().field("person", holder.person).field("shareable_fen", holder.shareable_fen);
    if (!holder.shareable_known) out.field("shareable_known", false);
    out.key("binds").strings(holder.binds);
    detail::write_reasons(out, "reasons", holder.reasons, answer.lang, detail::plan_role);
    optional_field(out, "steps_by", holder.steps_by);
    detail::write_guidance(out, holder.guidance);
    out.end_object();
  }
  out.end_array();
  out.key("people").begin_array();
  for (const PlanPerson& person : plan.people) {
    out.begin_object().field("person", person.person);
    optional_field(out, "holder", person.holder);
    optional_field(out, "relation",
                   person.relation
                       ? std::optional<std::string_view>(name_of(*person.relation, kRelationNames))
                       : std::nullopt);
    optional_field(out, "route",
                   person.route
                       ? std::optional<std::string_view>(name_of(*person.route, kRouteNames))
                       : std::nullopt);
    optional_field(out, "contribution_payer", person.contribution_payer);
    out.key("alternatives").strings(person.alternatives);
    detail::write_reasons(out, "reasons", person.reasons, answer.lang, detail::plan_role);
    detail::write_changes(out, person.changes, answer.lang);
    out.end_object();
  }
  out.end_array();
  out.end_object();
  detail::write_reasons(out, "warnings", answer.warnings, answer.lang);
  detail::write_sources(out, answer.sources);
  out.end_object();
  return out.take();
}

}  // namespace gongji
