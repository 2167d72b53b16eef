// The JSON Schema of a region file, written from the rule kinds: policies/policy.schema.json is
// this text (`gongji schema`), and a test checks the checked-in file is current.
#include "gongji/json.hpp"
#include "gongji/policy.hpp"
#include "rule_kind_shapes.hpp"

namespace gongji {
namespace {

using detail::RuleKind;

const char* const kEnvelope = R"({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "gongji/policy.schema.json",
  "title": "Gongji region policy file",
  "description": "One layer of rules (national, province or city). Generated from the rule kinds in core/src/rule_kinds.cpp by `gongji schema`: do not edit. The core's loader is the authority: it also checks dates follow each other and sources exist. See policies/README.md.",
  "type": "object",
  "required": ["region", "name", "last_reviewed", "rules"],
  "additionalProperties": false,
  "properties": {
    "$schema": { "type": "string" },
    "$comment": { "type": "string" },
    "region": { "type": "string", "pattern": "^[0-9]{6}$" },
    "name": { "$ref": "#/$defs/text" },
    "last_reviewed": { "$ref": "#/$defs/date" },
    "unknown": {
      "description": "Rules the sources leave open, each with why; the national rule applies with a warning.",
      "type": "object",
      "additionalProperties": { "$ref": "#/$defs/text" }
    },
    "rules": { "type": "object", "additionalProperties": false }
  },
  "$defs": {
    "date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
    "entry": {
      "description": "One dated value of a rule, in force from `from` through `until` (inclusive; open if absent).",
      "type": "object",
      "required": ["from", "value", "sources"],
      "properties": {
        "from": { "$ref": "#/$defs/date" },
        "until": {
          "description": "The last day, only where the rule really ends (the last value, or before a gap in which the next layer answers). Otherwise leave it out: a value lasts until the next one's `from`, and `gongji check` refuses an `until` that is the day before it.",
          "$ref": "#/$defs/date"
        },
        "known_since": {
          "description": "The sources show only that the value was in force by this day, not when it began; the answer says 'in force at least since'. Equal to `from`, unless `from_basis` says why the value applies earlier (a standing arrangement).",
          "$ref": "#/$defs/date"
        },
        "known_since_precision": {
          "description": "How precisely the source dates `known_since`: a day (default), a month, or only a year (an undated page of about that year).",
          "enum": ["day", "month", "year"]
        },
        "from_basis": {
          "description": "Why `from` is the first day where it equals a cited source's date or lies before `known_since`; `gongji check` refuses such a `from` without it.",
          "type": "string",
          "minLength": 1
        },
        "value": {},
        "sources": { "type": "array", "minItems": 1, "items": { "type": "string" } },
        "note": { "$ref": "#/$defs/text" },
        "unconfirmed": {
          "description": "The value is only the most likely reading (a wallet whose opening no source confirms, whether flexible workers have an account): what is uncertain and whom to ask. Answers keep the reading, say in the deciding reason that it is not confirmed, and warn `policy.unconfirmed` with this text.",
          "$ref": "#/$defs/text"
        },
        "unconfirmed_parts": {
          "description": "The keys of an object value that `unconfirmed` concerns (holder_account: [\"flexible\"]); without it, the whole value.",
          "type": "array",
          "minItems": 1,
          "items": { "type": "string" }
        }
      },
      "additionalProperties": false
    }
  }
})";

// A rule: a non-empty list of dated entries, each value of the kind's shape.
Json rule_schema(const RuleKind& kind, Json& defs) {
  Json entry = {
      {"$ref", "#/$defs/entry"},
      {"properties", {{"value", detail::shape_schema(*detail::kind_shape(kind).shape, defs)}}}};
  return {{"description", detail::kind_shape(kind).description},
          {"type", "array"},
          {"minItems", 1},
          {"items", std::move(entry)}};
}

}  // namespace

std::string policy_schema() {
  Json schema = Json::parse(kEnvelope);
  Json& defs = schema["$defs"];
  Json& rules = schema["properties"]["rules"];
  Json properties = Json::object();
  Json patterns = Json::object();
  Json national_only = Json::object();
  for (const RuleKind& kind : detail::rule_kinds()) {
    if (kind.combine == detail::Combine::national) national_only[std::string(kind.key)] = false;
    if (!kind.family()) {
      properties[std::string(kind.key)] = rule_schema(kind, defs);
      continue;
    }
    std::string suffixes;
    for (auto suffix : kind.suffixes)
      suffixes += (suffixes.empty() ? "" : "|") + std::string(suffix);
    patterns["^" + std::string(kind.key) + "\\.(" + suffixes + ")$"] = rule_schema(kind, defs);
  }
  rules["properties"] = std::move(properties);
  rules["patternProperties"] = std::move(patterns);
  // A region file leaves out what the national layer alone states.
  schema["if"] = {{"properties", {{"region", {{"not", {{"const", PolicySet::kNationalCode}}}}}}}};
  schema["then"] = {{"properties", {{"rules", {{"properties", std::move(national_only)}}}}}};
  return schema.dump(2) + "\n";
}

}  // namespace gongji
