// Warnings about when the rules used began: where the sources show only that a rule was in force
// by some day (`known_since`) and `as_of` is not surely after it, the answer says no source
// confirms the rule on that day (one warning, with each rule's "in force by" day after the lead).
#include <algorithm>

#include "context.hpp"
#include "rule_kinds.hpp"

namespace gongji::detail {
namespace {

bool holds(const RuleEntry& entry, Relation relation) {
  return entry.as<Relations>().holds(relation);
}

// Whether two circles of relatives (`earlier` may be none) differ for some member of the family.
bool circles_differ_for_family(const Context& context, const RuleEntry* earlier,
                               const RuleEntry& later) {
  for (const Member& member : context.request.members) {
    if (holds(later, member.relation) != (earlier && holds(*earlier, member.relation))) return true;
  }
  return false;
}

// Whether the day a circle of relatives began matters to this family: some member's relation is
// in it but not in the circle of the day before (the same layer's, else the national one), or
// the other way round (when a region widened its circle does not matter to a family of parents).
bool start_concerns_family(const Context& context, const UsedRule& use) {
  if (use.key != "relations") return true;
  const Date before = add_days(use.entry->from, -1);
  auto covering = [&](const std::vector<RuleEntry>& list) -> const RuleEntry* {
    const auto found = std::find_if(list.begin(), list.end(),
                                    [&](const RuleEntry& entry) { return entry.covers(before); });
    return found == list.end() ? nullptr : &*found;
  };
  const RuleEntry* earlier = covering(use.layer->rules.at(std::string(use.key)));
  if (!earlier) earlier = covering(context.policies.national().rules.at("relations"));
  return circles_differ_for_family(context, earlier, *use.entry);
}

// One warning per kind: the rules it concerns, grouped by the day each is known from (and, for a
// local rule known only later, by its region and the layer that answers instead).
struct StartItem {
  std::string date;
  std::string region;
  std::string fallback;
  std::vector<std::string> rules;
};

struct StartGroup {
  const char* code;
  std::vector<StartItem> items;
  std::vector<std::string_view> sources;
};

void add_to_group(StartGroup& group, StartItem key, const std::string& label,
                  const RuleEntry& entry) {
  auto& items = group.items;
  auto at = std::find_if(items.begin(), items.end(), [&](const StartItem& item) {
    return item.date == key.date && item.region == key.region && item.fallback == key.fallback;
  });
  if (at == items.end()) {
    items.push_back(std::move(key));
    at = items.end() - 1;
  }
  if (std::find(at->rules.begin(), at->rules.end(), label) == at->rules.end()) {
    at->rules.push_back(label);
  }
  for (const std::string& id : entry.sources) {
    if (std::find(group.sources.begin(), group.sources.end(), id) == group.sources.end()) {
      group.sources.push_back(id);
    }
  }
}

// The first value of a more specific layer than `used`, when that value is known only from a day
// after `as_of` (a cap or a threshold): before it the layer above answers, and the answer says so.
// `prior_out`: that layer's own value before the gap, if it has one (上海's circle of 2022).
const RuleEntry* later_local_value(const Context& context, const UsedRule& use,
                                   const RegionPolicy*& layer_out, const RuleEntry*& prior_out) {
  const auto& layers = context.holder_region.layers;
  auto at = std::find(layers.begin(), layers.end(), use.layer);
  if (at == layers.end()) return nullptr;
  for (auto layer = at + 1; layer != layers.end(); ++layer) {
    const auto found = (*layer)->rules.find(use.key);
    if (found == (*layer)->rules.end()) continue;
    const RuleEntry* prior = nullptr;
    for (const RuleEntry& entry : found->second) {
      if (entry.from <= context.request.as_of) {
        prior = &entry;
        continue;
      }
      if (entry.known_since && *entry.known_since == entry.from) {
        layer_out = *layer;
        prior_out = prior;
        return &entry;
      }
      break;
    }
  }
  return nullptr;
}

}  // namespace

// The first day on which a rule known since `entry.known_since` is certainly in force: the day
// itself, or the first day after the month or year the sources name (the loader holds such a
// `known_since` to the first day of its month or year).
Date certain_from(const RuleEntry& entry) {
  const std::string& precision = entry.known_since_precision;
  return months_before(*entry.known_since, precision == "year"    ? -12
                                           : precision == "month" ? -1
                                                                  : 0);
}

std::string known_since_text(const Texts& texts, const RuleEntry& entry) {
  const std::string date = format_date(*entry.known_since);
  if (entry.known_since_precision == "year") {
    return texts.get("date.about_year", {{"year", date.substr(0, 4)}});
  }
  if (entry.known_since_precision == "month") {
    return texts.get("date.month", {{"year", date.substr(0, 4)}, {"month", date.substr(5, 2)}});
  }
  return date;
}

bool local_value_known_later(const Context& context, const UsedRule& use) {
  const RegionPolicy* layer = nullptr;
  const RuleEntry* prior = nullptr;
  return later_local_value(context, use, layer, prior) != nullptr;
}

void add_start_warnings(Context& context, std::vector<Reason>& warnings) {
  // The two warnings, in this order whichever rule came first.
  StartGroup groups[] = {{"policy.applied_back", {}, {}}, {"policy.before_known_since", {}, {}}};
  const Lang lang = context.request.lang;
  for (const UsedRule& use : context.uses_in_order()) {
    const RuleEntry& entry = *use.entry;
    // Notes decide nothing: when one began is no doubt about the answer (and a family reads
    // "notes, known in force only by" as a rule it cannot place).
    if (use.key == "notes") continue;
    // The rule's label only where a warning names it: most rules used are certain on `as_of`.
    auto label = [&] { return context.texts.label("rule", rule_family(use.key)); };
    // When a widened circle began matters only to relatives it added; whether sharing had begun
    // at all (a later local value) matters to every family.
    // A rule known in force by a day before `as_of` is certain on `as_of`: nothing to say. Before
    // that day (or within the month or year the sources name) it is applied as a standing
    // arrangement (the loader asks for its basis), and the answer says no source confirms it.
    if (entry.known_since && context.request.as_of < certain_from(entry) &&
        start_concerns_family(context, use)) {
      add_to_group(groups[0], {known_since_text(context.texts, entry), "", "", {}}, label(), entry);
    }
    const RegionPolicy* later_layer = nullptr;
    if (!use.for_holder_region) continue;
    const RuleEntry* prior = nullptr;
    const RuleEntry* later = later_local_value(context, use, later_layer, prior);
    // A later circle matters only where it answers some member differently from the layer's own
    // circle before the gap (or, without one, from the circle used).
    if (later && (use.key != "relations" ||
                  circles_differ_for_family(context, prior ? prior : use.entry, *later))) {
      // Before it the layer above answers; the nation's rules are said as such ("" here).
      const bool national = use.layer->code == PolicySet::kNationalCode;
      add_to_group(groups[1],
                   {known_since_text(context.texts, *later),
                    later_layer->name.in(lang),
                    national ? std::string() : std::string(use.layer->name.in(lang)),
                    {}},
                   label(), *later);
    }
  }
  const Texts& texts = context.texts;
  for (const StartGroup& group : groups) {
    if (group.items.empty()) continue;
    const bool local = &group == &groups[1];
    std::string items;
    std::vector<std::string> list;
    for (const StartItem& item : group.items) {
      if (!items.empty()) items += texts.get("list.clause_separator");
      const char* item_key = !local                  ? "warning.known_from"
                             : item.fallback.empty() ? "warning.known_from_local_national"
                                                     : "warning.known_from_local";
      list.push_back(texts.get(item_key, {{"rules", texts.rule_series(item.rules)},
                                          {"date", item.date},
                                          {"region", item.region},
                                          {"fallback", item.fallback}}));
      items += list.back();
    }
    const char* key = local ? "warning.before_known_since" : "warning.applied_back";
    Reason warning = context.reason(
        group.code, texts.get(key, {{"items", items}, {"as_of", context.as_of}}), group.sources);
    warning.lead =
        lead_before_list(texts.get(key, {{"items", kListMark}, {"as_of", context.as_of}}));
    warning.list = std::move(list);
    warnings.push_back(std::move(warning));
  }
}

}  // namespace gongji::detail
