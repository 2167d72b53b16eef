// Warnings about the rules used: national fallback, third-party-only facts, stale reviews.
#include <algorithm>
#include <string>

#include "add_unique.hpp"
#include "context.hpp"
#include "rule_kinds.hpp"
#include "small_sort.hpp"

namespace gongji::detail {
namespace {

// Whether a region's use of the national value is a fallback worth a warning (its kind says).
bool fallback_warns(std::string_view key) {
  const RuleKind* kind = rule_kind(key);
  return kind && kind->combine == Combine::layered && kind->has(kFallbackWarns);
}

// An item as listed on its own: without the space that joins it to the sentence before.
std::string trimmed(const std::string& item) {
  const std::size_t first = item.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : item.substr(first);
}

// The families' labels, each once, in the order first used.
std::vector<std::string> rule_labels(Context& context,
                                     const std::vector<std::string_view>& families) {
  std::vector<std::string> labels;
  for (std::string_view family : families) add_unique(labels, context.texts.label("rule", family));
  return labels;
}

// What a doubted value is about: a rule's label, or for a use (use.physical_exam) the spending
// itself, since one answer may doubt several uses.
std::string doubt_label(const Context& context, std::string_view key) {
  const std::string_view family = rule_family(key);
  if (family == "use" && key.size() > family.size()) {
    return std::string(
        context.texts.word("expense_kind", key.substr(family.size() + 1), "in_text"));
  }
  return context.texts.label("rule", family);
}

}  // namespace

void add_policy_warnings(Context& context, std::vector<Reason>& warnings) {
  const std::string region = context.region_name(context.holder_region);
  const bool national_only =
      std::all_of(context.holder_region.layers.begin() + 1, context.holder_region.layers.end(),
                  [](const RegionPolicy* layer) { return layer->rules.empty(); });

  // What the nation answers for, by rule; what only third parties state, by key: a use's kind is
  // named (肇庆's 肇福保 is 普惠型商业健康保险, not "what the account may pay for", which the
  // fallback may name too).
  std::vector<std::string_view> fallback_families, third_party_keys;
  std::vector<std::string_view> fallback_sources, third_party_sources;
  std::vector<const RegionPolicy*> layers_used;
  const std::vector<UsedRule>& uses = context.uses_in_order();  // no step records now
  for (const UsedRule& use : uses) {
    if (std::find(layers_used.begin(), layers_used.end(), use.layer) == layers_used.end()) {
      layers_used.push_back(use.layer);
    }
    if (!context.concerns_family(use)) continue;
    const bool from_national = use.layer->code == PolicySet::kNationalCode;
    // A local rule found but known only from a later day is not "not found": the start warning
    // says the nation's rule answers until then.
    if (!national_only && use.for_holder_region && from_national && fallback_warns(use.key) &&
        !local_value_known_later(context, use)) {
      add_unique(fallback_families, rule_family(use.key));
      for (const auto& id : use.entry->sources) add_unique(fallback_sources, std::string_view(id));
    }
    if (use.entry->third_party_only) {
      add_unique(third_party_keys, use.key);
      for (const auto& id : use.entry->sources)
        add_unique(third_party_sources, std::string_view(id));
    }
  }
  // Values read as the most likely case: the deciding steps noted where; any other use of a value
  // doubted as a whole concerns the holder's region. Known before the fallback's details, which
  // leave a doubted value's to its item.
  for (const UsedRule& use : uses) {
    const bool noted =
        std::any_of(context.doubts.begin(), context.doubts.end(),
                    [&](const Context::Doubt& doubt) { return doubt.entry == use.entry; });
    if (!noted && use.for_holder_region && context.concerns_family(use)) {
      context.doubt(use.key, *use.entry, region, {});
    }
  }
  std::vector<std::string> fallback = rule_labels(context, fallback_families);
  std::vector<std::string> third_party;
  for (std::string_view key : third_party_keys) add_unique(third_party, doubt_label(context, key));
  // Where a layer records why a rule is unknown, the answer says it in that layer's words, after
  // the one warning that says the national rules are used (a family reads one, not one a rule).
  std::vector<std::string> explained;
  std::string details;
  std::vector<std::pair<std::string, std::string>> rule_details;  // (rule, detail) for the list
  for (const UsedRule& use : uses) {
    if (!use.for_holder_region || use.layer->code != PolicySet::kNationalCode) continue;
    if (!context.concerns_family(use) || local_value_known_later(context, use)) continue;
    // A value doubted for the holder's region alone: its item says the place's word instead of
    // the nation's (said once, there).
    const auto doubt =
        std::find_if(context.doubts.begin(), context.doubts.end(), [&](const Context::Doubt& d) {
          return d.entry == use.entry && d.places.size() == 1 && d.places[0] == region;
        });
    for (const RegionPolicy* layer : context.holder_region.layers) {
      const auto why = layer->unknown.find(use.key);
      if (why == layer->unknown.end()) continue;
      const std::string detail = why->second.in(context.request.lang);
      if (std::find(explained.begin(), explained.end(), detail) != explained.end()) continue;
      explained.push_back(detail);
      const std::string rule = context.texts.label("rule", rule_family(use.key));
      add_unique(fallback, rule);
      for (const auto& id : use.entry->sources) add_unique(fallback_sources, std::string_view(id));
      // Two layers' words on one rule (辽宁's and 大连's on which relatives) are said together.
      const auto add_to = [&](std::string& said) {
        said = said.empty()
                   ? detail
                   : context.texts.get("warning.detail_more", {{"detail", said}, {"more", detail}});
      };
      if (doubt != context.doubts.end()) {
        add_to(doubt->detail);
        continue;
      }
      auto same = std::find_if(rule_details.begin(), rule_details.end(),
                               [&](const auto& said) { return said.first == rule; });
      if (same == rule_details.end()) {
        rule_details.emplace_back(rule, std::string());
        same = rule_details.end() - 1;
      }
      add_to(same->second);
    }
  }
  for (const auto& [rule, detail] : rule_details) {
    details += context.texts.get("warning.unknown_detail", {{"rule", rule}, {"detail", detail}});
  }
  // The list a page shows: each rule, with what a layer says of it where one says something
  // (an item for each thing said).
  auto rule_items = [&](const std::vector<std::string>& rules, bool detailed_only) {
    std::vector<std::string> items;
    for (const std::string& rule : rules) {
      bool said = false;
      for (const auto& [named, detail] : rule_details) {
        if (named != rule) continue;
        items.push_back(
            context.texts.get("warning.list_detail", {{"rule", rule}, {"detail", detail}}));
        said = true;
      }
      if (!said && !detailed_only) items.push_back(rule);
    }
    return items;
  };
  const std::string mark(kListMark);
  if (national_only) {
    Reason warning = context.reason(
        "policy.national_only",
        context.texts.get("warning.national_only", {{"region", region}, {"details", details}}),
        fallback_sources);
    warning.list = rule_items(fallback, true);
    warning.lead = lead_before_list(
        context.texts.get("warning.national_only", {{"region", region}, {"details", mark}}));
    warnings.push_back(std::move(warning));
  } else if (!fallback.empty()) {
    Reason warning =
        context.reason("policy.national_fallback",
                       context.texts.get("warning.national_fallback",
                                         {{"region", region},
                                          {"rules", context.texts.rule_series(fallback)},
                                          {"details", details}}),
                       fallback_sources);
    warning.list = rule_items(fallback, false);
    warning.lead = lead_before_list(context.texts.get(
        "warning.national_fallback", {{"region", region}, {"rules", mark}, {"details", ""}}));
    warnings.push_back(std::move(warning));
  }
  if (!third_party.empty()) {
    Reason warning =
        context.reason("policy.third_party_only",
                       context.texts.get("warning.third_party_only",
                                         {{"rules", context.texts.rule_series(third_party)}}),
                       third_party_sources);
    warning.list = third_party;
    warning.lead =
        lead_before_list(context.texts.get("warning.third_party_only", {{"rules", mark}}));
    warnings.push_back(std::move(warning));
  }
  // One warning for every value read as the most likely case, each place's detail after the lead,
  // in the canonical order of rules.
  sort_small(context.doubts, [](const Context::Doubt& a, const Context::Doubt& b) {
    return rule_rank(a.key) < rule_rank(b.key);
  });
  if (!context.doubts.empty()) {
    std::vector<std::string> items;
    std::vector<std::string_view> sources;
    for (const Context::Doubt& doubt : context.doubts) {
      // The key the value was used under names it fully (a use's kind, not only "use").
      const auto used = std::find_if(uses.begin(), uses.end(),
                                     [&](const UsedRule& use) { return use.entry == doubt.entry; });
      const std::string_view key = used != uses.end() ? used->key : doubt.key;
      // A rule only the nation sets (the wallet's transfer limits) is doubted as the nation's,
      // not as the holder's place's (walk 49: "深圳市的“医保钱包转账限额”").
      const RuleKind* kind = rule_kind(key);
      const bool national = kind && kind->combine == Combine::national;
      items.push_back(context.texts.get(
          national ? "warning.unconfirmed_item_national" : "warning.unconfirmed_item",
          {{"regions", context.texts.series(doubt.places)},
           {"rule", doubt_label(context, key)},
           {"detail", doubt.detail.empty() ? doubt.entry->unconfirmed->in(context.request.lang)
                                           : std::string_view(doubt.detail)}}));
      for (const auto& id : doubt.entry->sources) add_unique(sources, std::string_view(id));
    }
    std::string joined;
    for (const std::string& item : items) joined += item;
    Reason warning =
        context.reason("policy.unconfirmed",
                       context.texts.get("warning.unconfirmed", {{"items", joined}}), sources);
    for (const std::string& item : items) warning.list.push_back(trimmed(item));
    warning.lead = lead_before_list(context.texts.get("warning.unconfirmed", {{"items", mark}}));
    warning.items = std::move(items);
    warnings.push_back(std::move(warning));
  }
  // Every layer last reviewed over a year before `as_of`, in one warning, by region code (the
  // nation, then provinces, then cities).
  sort_small(layers_used,
             [](const RegionPolicy* a, const RegionPolicy* b) { return a->code < b->code; });
  const Date stale_before = months_before(context.request.as_of, 12);
  std::vector<std::string> stale;
  for (const RegionPolicy* layer : layers_used) {
    if (layer->last_reviewed < stale_before) {
      stale.push_back(
          context.texts.get("warning.stale_item", {{"region", layer->name.in(context.request.lang)},
                                                   {"date", format_date(layer->last_reviewed)}}));
    }
  }
  if (!stale.empty()) {
    Reason warning =
        context.reason("policy.stale",
                       context.texts.get("warning.stale", {{"items", context.texts.series(stale)}}),
                       std::vector<std::string_view>{});
    warning.lead = lead_before_list(context.texts.get("warning.stale", {{"items", mark}}));
    warning.list = std::move(stale);
    warnings.push_back(std::move(warning));
  }
}

void ask_office_once(std::vector<Reason>& warnings, const Texts& texts) {
  static constexpr std::string_view kAsk = "{ask}";
  std::string ask = texts.get("warning.ask");
  for (Reason& warning : warnings) {
    const std::size_t at = warning.text.find(kAsk);
    if (at == std::string::npos) continue;
    warning.text.replace(at, kAsk.size(), ask);
    const std::size_t in_lead = warning.lead.find(kAsk);
    if (in_lead != std::string::npos) warning.lead.replace(in_lead, kAsk.size(), ask);
    ask.clear();
  }
}

}  // namespace gongji::detail
