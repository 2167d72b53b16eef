#include "context.hpp"

namespace gongji::detail {

Context::Context(const Request& req, const PolicySet& set)
    : request(req), policies(set), texts(set, req.lang), as_of(format_date(req.as_of)) {
  used.reserve(48);  // an answer uses about 30 rule values: no regrowth
  holder_region = region(req.holder.region);
  member_regions.reserve(req.members.size());
  for (const Member& member : req.members) member_regions.push_back(region(member.region));
}

const ResolvedRegion& Context::region(std::string_view code) {
  for (const auto& [asked, resolved] : resolved_) {
    if (asked == code) return resolved;
  }
  // The reader accepted only codes that resolve, and the divisions include every province.
  resolved_.emplace_back(std::string(code), *resolve_region(policies, code));
  return resolved_.back().second;
}

const RuleEntry& Context::rule_in(const ResolvedRegion& region, std::string_view key,
                                  bool for_holder_region) {
  // An answer asks for the same few rules again and again (per member, per expense).
  for (const FoundRule& found : found_) {
    if (found.region == &region && found.key == key) return *found.entry;
  }
  for (auto layer = region.layers.rbegin(); layer != region.layers.rend(); ++layer) {
    const auto found = (*layer)->rules.find(key);
    if (found == (*layer)->rules.end()) continue;
    for (const RuleEntry& entry : found->second) {
      if (entry.covers(request.as_of)) {
        note_use({found->first, *layer, &entry, for_holder_region});
        found_.push_back({&region, found->first, &entry});
        return entry;
      }
    }
  }
  // Unreachable for a loaded set: the loader makes the national layer cover every day.
  return policies.national().rules.at(std::string(key)).front();
}

std::vector<const RuleEntry*> Context::rules_all_layers(std::string_view key) {
  std::vector<const RuleEntry*> entries;
  for (const RegionPolicy* layer : holder_region.layers) {
    const auto found = layer->rules.find(key);
    if (found == layer->rules.end()) continue;
    for (const RuleEntry& entry : found->second) {
      if (entry.covers(request.as_of)) {
        note_use({found->first, layer, &entry, true});
        entries.push_back(&entry);
      }
    }
  }
  return entries;
}

// A family of 5 with 5 expenses looks rules up about a hundred times, mostly the same ones; the
// warnings and sources need each use once.
void Context::note_use(UsedRule use) {
  for (const UsedRule& seen : used) {
    if (seen.entry == use.entry && seen.for_holder_region == use.for_holder_region) return;
  }
  used.push_back(use);
}

Reason Context::reason(std::string_view code, std::string text, const RuleEntry* cited) const {
  Reason reason{code, std::move(text), {}};
  if (cited) reason.sources.assign(cited->sources.begin(), cited->sources.end());
  return reason;
}

Reason Context::reason(std::string_view code, std::string text,
                       std::vector<std::string_view> sources) const {
  return Reason{code, std::move(text), std::move(sources)};
}

std::string Context::region_name(const ResolvedRegion& region) const {
  if (request.lang == Lang::en) {
    const auto file = policies.regions.find(region.code);
    if (file != policies.regions.end()) return file->second.name.en;
  }
  return region.name;
}

std::string Context::member_label(const Member& member) const {
  return member.name && !member.name->empty() ? *member.name : member.id;
}

std::string Context::relation_label(Relation relation) const {
  return texts.label("relation", name_of(relation, kRelationNames));
}

}  // namespace gongji::detail
