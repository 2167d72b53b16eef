#include "context.hpp"

#include <algorithm>
#include <functional>

#include "answer_writer.hpp"
#include "integer_text.hpp"
#include "rule_kinds.hpp"
#include "small_sort.hpp"

namespace gongji::detail {

Context::Context(const Request& req, const PolicySet& set)
    : request(req),
      policies(set),
      texts(set, req.lang, req.holder_label),
      as_of(format_date(req.as_of)) {
  uses_.reserve(48);  // an answer uses about 30 rule values: no regrowth
  holder_region = region(req.holder.region);
  member_regions.reserve(req.members.size());
  for (const Member& member : req.members) member_regions.push_back(region(member.region));
  label_members();
}

// A member without a name is named by relation, never by id; where two unnamed members share a
// relation each is told apart by age ("your parent (aged 66)"), which the family knows them by,
// or where two of them are the same age, by a number in input order.
void Context::label_members() {
  std::array<int, kRelationNames.size()> unnamed{}, numbered{};
  std::array<bool, kRelationNames.size()> same_age{};
  auto named = [](const Member& member) { return member.name && !member.name->empty(); };
  for (std::size_t i = 0; i < request.members.size(); ++i) {
    const Member& member = request.members[i];
    if (named(member)) continue;
    const auto relation = static_cast<std::size_t>(member.relation);
    ++unnamed[relation];
    for (std::size_t j = 0; j < i; ++j) {
      const Member& other = request.members[j];
      if (!named(other) && other.relation == member.relation && other.age == member.age) {
        same_age[relation] = true;
      }
    }
  }
  member_labels.reserve(request.members.size());
  for (const Member& member : request.members) {
    if (named(member)) {
      member_labels.push_back(*member.name);
      continue;
    }
    const auto relation = static_cast<std::size_t>(member.relation);
    std::string person = std::string(texts.word("relation", kRelationNames[relation], "person"));
    if (unnamed[relation] > 1 && !same_age[relation]) {
      person = texts.get("person.aged", {{"person", person}, {"age", integer_text(member.age)}});
    } else if (unnamed[relation] > 1) {
      person = texts.get("person.numbered",
                         {{"person", person}, {"n", integer_text(++numbered[relation])}});
    }
    member_labels.push_back(std::move(person));
  }
}

const ResolvedRegion& Context::region(std::string_view code) {
  for (const auto& [asked, resolved] : resolved_) {
    if (asked == code) return resolved;
  }
  // The reader accepted only codes that resolve, and the divisions include every province.
  resolved_.emplace_back(std::string(code), *resolve_region(policies, code));
  return resolved_.back().second;
}

const RuleEntry& Context::rule_in(const ResolvedRegion& region, std::string_view key) {
  if (const RuleEntry* entry = find_rule(region, key)) return *entry;
  // Unreachable for a loaded set: the loader makes the national layer cover every day.
  return policies.national().rules.at(std::string(key)).front();
}

Context::FoundRule* Context::find_rule_in(const ResolvedRegion& region, std::string_view key) {
  // An answer asks for the same few rules again and again (per member, per expense).
  for (FoundRule& found : found_) {
    if (found.region == &region && found.key == key) return &found;
  }
  for (auto layer = region.layers.rbegin(); layer != region.layers.rend(); ++layer) {
    const auto found = (*layer)->rules.find(key);
    if (found == (*layer)->rules.end()) continue;
    for (const RuleEntry& entry : found->second) {
      if (entry.covers(request.as_of)) {
        found_.push_back({&region, found->first, &entry, *layer, false});
        return &found_.back();
      }
    }
  }
  return nullptr;
}

std::vector<const RuleEntry*> Context::rules_all_layers(std::string_view key) const {
  std::vector<const RuleEntry*> entries;
  for (const RegionPolicy* layer : holder_region.layers) {
    const auto found = layer->rules.find(key);
    if (found == layer->rules.end()) continue;
    for (const RuleEntry& entry : found->second) {
      if (entry.covers(request.as_of)) entries.push_back(&entry);
    }
  }
  return entries;
}

const RuleEntry& Context::use_on(const ResolvedRegion& region, std::string_view key,
                                 bool for_holder_region) {
  FoundRule* found = find_rule_in(region, key);
  if (!found) return rule_in(region, key);  // unreachable (see rule_in)
  if (!found->used) {
    found->used = true;
    record({found->key, found->layer, found->entry, for_holder_region});
  }
  return *found->entry;
}

// Each (entry, chain) once: a use is a fact about the answer, not a count.
void Context::record(UsedRule use) {
  for (const UsedRule& seen : uses_) {
    if (seen.entry == use.entry && seen.for_holder_region == use.for_holder_region) return;
  }
  uses_.push_back(use);
}

// For a value found by a peek: the layer of `region`'s chain (the holder's by default) whose
// values of `key` hold `entry`, and the policy set's copy of the key (a record outlives a key
// built for the lookup).
const RuleEntry& Context::note_use(std::string_view key, const RuleEntry& entry,
                                   bool for_holder_region, const ResolvedRegion* region) {
  for (const RegionPolicy* layer : (region ? *region : holder_region).layers) {
    const auto found = layer->rules.find(key);
    if (found == layer->rules.end()) continue;
    const std::vector<RuleEntry>& values = found->second;
    if (&entry >= values.data() && &entry < values.data() + values.size()) {
      record({found->first, layer, &entry, for_holder_region});
      return entry;
    }
  }
  return entry;  // not a value of this chain: nothing to record
}

// Ranked only here: the many evaluations that never warn (the "what would change it" search)
// record uses but never order them.
const std::vector<UsedRule>& Context::uses_in_order() const {
  if (ordered_count_ == uses_.size()) return ordered_;  // both kinds of warnings ask
  // By the rule's rank, the holder's places first, the layer's code (six digits, so in number
  // order as in text order), then as used: one integer each (bits 40 up, 39, 16-35, 0-15), where
  // a tuple's comparison was a kilobyte of the module's code.
  std::vector<uint64_t> ranks;
  ranks.reserve(uses_.size());
  for (std::size_t i = 0; i < uses_.size(); ++i) {
    const UsedRule& use = uses_[i];
    uint64_t code = 0;
    for (char digit : use.layer->code) code = code * 10 + static_cast<uint64_t>(digit - '0');
    ranks.push_back(uint64_t{rule_rank(use.key)} << 40 | uint64_t{!use.for_holder_region} << 39 |
                    code << 16 | i);
  }
  sort_small(ranks, std::less<>());
  ordered_.clear();
  ordered_.reserve(uses_.size());
  for (uint64_t rank : ranks) ordered_.push_back(uses_[rank & 0xffff]);
  ordered_count_ = uses_.size();
  return ordered_;
}

bool Context::doubt(std::string_view key, const RuleEntry& entry, const std::string& place,
                    std::string_view part) {
  if (!entry.doubts(part)) return false;
  auto found = std::find_if(doubts.begin(), doubts.end(),
                            [&](const Doubt& seen) { return seen.entry == &entry; });
  if (found == doubts.end()) {  // push_back: vector::insert is much more code for the module
    doubts.push_back({&entry, key, {}, {}});
    found = doubts.end() - 1;
  }
  if (std::find(found->places.begin(), found->places.end(), place) == found->places.end()) {
    found->places.push_back(place);
  }
  return true;
}

std::optional<Context::SharingStart> Context::sharing_start() const {
  std::vector<Date> candidates;
  for (const RegionPolicy* layer : holder_region.layers) {
    const auto found = layer->rules.find("relations");
    if (found == layer->rules.end()) continue;
    for (const RuleEntry& entry : found->second) {
      if (entry.from > request.as_of) candidates.push_back(entry.from);
    }
  }
  sort_small(candidates, std::less<>());
  for (Date day : candidates) {
    for (auto layer = holder_region.layers.rbegin(); layer != holder_region.layers.rend();
         ++layer) {
      const auto found = (*layer)->rules.find("relations");
      if (found == (*layer)->rules.end()) continue;
      const auto entry = std::find_if(found->second.begin(), found->second.end(),
                                      [day](const RuleEntry& e) { return e.covers(day); });
      if (entry == found->second.end()) continue;
      if (!entry->as<Relations>().list.empty()) {
        const bool national = (*layer)->code == PolicySet::kNationalCode;
        const bool by = entry->known_since && *entry->known_since == entry->from;
        return SharingStart{by ? known_since_text(texts, *entry) : format_date(day),
                            !(national && entry->doubts("from")), by};
      }
      break;  // the most specific layer in force on `day` has not started yet
    }
  }
  return std::nullopt;
}

Reason Context::reason(std::string_view code, std::string text, const RuleEntry* cited) const {
  // A "no" that rests on unofficial pages alone says so where it is said, not only in a warning
  // (山东's cap and one-holder rule, 肇庆's flexible workers: facts, "三方: leads, not facts").
  if (cited && cited->third_party_only && reason_role(code, false) == ReasonRole::why_not) {
    text += texts.get("reason.third_party_only");
  }
  Reason reason{code, std::move(text), {}};
  if (cited) reason.sources.assign(cited->sources.begin(), cited->sources.end());
  return reason;
}

Reason Context::reason(std::string_view code, std::string text,
                       std::vector<std::string_view> sources) const {
  // Each source once, where a reason gathers those of several rules or reasons.
  std::vector<std::string_view> once;
  for (std::string_view id : sources) {
    if (std::find(once.begin(), once.end(), id) == once.end()) once.push_back(id);
  }
  return Reason{code, std::move(text), std::move(once)};
}

void Context::add_reason(std::vector<Reason>& to, std::string_view code, std::string text,
                         const RuleEntry* cited) const {
  to.push_back(reason(code, std::move(text), cited));
}

void Context::add_reason(std::vector<Reason>& to, std::string_view code, std::string text,
                         std::vector<std::string_view> sources) const {
  to.push_back(reason(code, std::move(text), std::move(sources)));
}

void Context::add_said(std::vector<Reason>& to, std::string_view code,
                       const RuleEntry* cited) const {
  add_reason(to, code, texts.get(code), cited);
}

std::string Context::region_name(const ResolvedRegion& region) const {
  return region.name->in(request.lang);
}

std::string Context::relation_label(Relation relation) const {
  return std::string(texts.word("relation", name_of(relation, kRelationNames)));
}

const RuleEntry* Context::national_beside(std::string_view key) {
  const RegionPolicy& national = *holder_region.layers.front();
  const auto rule = national.rules.find(key);
  if (rule == national.rules.end()) return nullptr;
  for (const RuleEntry& entry : rule->second) {
    if (entry.covers(request.as_of)) return &used_beside(rule->first, entry);
  }
  return nullptr;
}

bool has_reason(const std::vector<Reason>& reasons, std::string_view code) {
  return std::any_of(reasons.begin(), reasons.end(),
                     [code](const Reason& reason) { return reason.code == code; });
}

}  // namespace gongji::detail
