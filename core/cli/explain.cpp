// `gongji explain REGION KEY DATE`: for a policy maintainer, which layer's value of a rule an
// answer uses for a region on a day, with its dates and sources, and why each other layer's does
// not. It reads the loaded set the way evaluation does: the most specific layer with a value in
// force.
#include <algorithm>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "regions.hpp"
#include "rule_kinds.hpp"

namespace gongji::cli {
namespace {

// A rule whose values add up (notes): the answer shows every layer's.
bool adds_up(const std::string& key) {
  const detail::RuleKind* kind = detail::rule_kind(key);
  return kind && kind->combine == detail::Combine::additive;
}

std::string layer_kind(const RegionPolicy& layer) {
  if (layer.code == PolicySet::kNationalCode) return "national";
  return layer.code.substr(2) == "0000" ? "province" : "city";
}

std::string layer_title(const RegionPolicy& layer) {
  return layer_kind(layer) + " " + layer.name.zh + " (" + layer.name.en + ", " + layer.file + ")";
}

// The value as its file writes it: the loaded set keeps only the typed value, so it is read
// again from the file's JSON (the set was loaded from `files`).
std::string as_written(const std::vector<PolicyFile>& files, const RegionPolicy& layer,
                       const std::string& key, const RuleEntry& entry) {
  for (const PolicyFile& file : files) {
    if (file.path != layer.file) continue;
    const Json json = Json::parse(file.text, nullptr, false);
    const Json* rules = json.is_object() && json.contains("rules") ? &json["rules"] : nullptr;
    if (!rules || !rules->contains(key) || entry.index >= (*rules)[key].size()) break;
    return (*rules)[key][entry.index]["value"].dump();
  }
  return "(not in the policy files)";
}

const RuleEntry* in_force(const std::vector<RuleEntry>& entries, Date day) {
  for (const RuleEntry& entry : entries) {
    if (entry.covers(day)) return &entry;
  }
  return nullptr;
}

// Why a layer that sets the rule has no value on `day`: before its first, after its last, or in a
// gap where the rule really ends.
std::string no_value_because(const std::vector<RuleEntry>& entries, Date day) {
  if (day < entries.front().from) {
    return "its first value begins " + format_date(entries.front().from);
  }
  for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
    if (entries[i].until && *entries[i].until < day && day < entries[i + 1].from) {
      return "its value ends " + format_date(*entries[i].until) + " and the next begins " +
             format_date(entries[i + 1].from);
    }
  }
  return "its last value ends " + format_date(*entries.back().until);
}

struct Layers {
  const PolicySet& policies;
  const std::vector<PolicyFile>& files;
};

void print_entry(std::ostream& out, const Layers& set, const RegionPolicy& layer,
                 const std::string& key, const std::vector<RuleEntry>& entries,
                 const RuleEntry& entry) {
  const PolicySet& policies = set.policies;
  out << "  at:      /rules/" << key << "/" << entry.index << "\n";
  out << "  value:   " << as_written(set.files, layer, key, entry) << "\n";
  out << "  from:    " << format_date(entry.from) << "\n";
  const auto next = static_cast<std::size_t>(&entry - entries.data()) + 1;
  if (!entry.until) {
    out << "  until:   open (no later value)\n";
  } else if (next < entries.size() && entries[next].from == add_days(*entry.until, 1)) {
    out << "  until:   " << format_date(*entry.until) << " (the day before the next value, from "
        << format_date(entries[next].from) << ")\n";
  } else {
    out << "  until:   " << format_date(*entry.until)
        << " (written: the rule ends; after it the next layer answers)\n";
  }
  if (entry.known_since) {
    out << "  known since: " << format_date(*entry.known_since) << " (dated to the "
        << entry.known_since_precision
        << "; the sources show only that it was in force by then, not when it began)\n";
  }
  out << "  sources:\n";
  for (const std::string& id : entry.sources) {
    const Source& source = policies.sources.at(id);
    out << "    " << id << " [" << source.reliability << "] " << source.title.zh << " ("
        << (source.date.empty() ? "undated" : source.date) << ") " << source.url << "\n";
  }
  if (entry.third_party_only) {
    out << "  (only third-party or unverified sources: the answer warns about it)\n";
  }
  if (entry.note) out << "  note:    " << entry.note->en << "\n";
}

}  // namespace

int run_explain(const PolicySet& policies, const std::vector<PolicyFile>& files,
                const std::string& code, const std::string& key, const std::string& date,
                std::ostream& out) {
  const Layers set{policies, files};
  const auto region = detail::resolve_region(policies, code);
  if (!region) {
    out << "gongji: " << code << " is not a region code the policy set knows\n";
    return 2;
  }
  const auto day = parse_date(date);
  if (!day) {
    out << "gongji: " << date << " is not a date written YYYY-MM-DD\n";
    return 2;
  }
  out << key << " for " << region->name->zh << " (" << region->name->en << ", " << code << ") on "
      << date << "\n";
  const bool all_layers = adds_up(key);
  if (all_layers) out << "Every layer's value in force applies (" << key << " add up).\n";
  const RegionPolicy* winner = nullptr;
  // Most specific first, the order evaluation asks them in. A city or province without a file of
  // its own is named too, so that its absence is said, not left to guess.
  std::vector<const RegionPolicy*> layers;
  std::vector<std::string> seen;
  for (const std::string& layer : {region->asked, region->city, region->province}) {
    if (std::find(seen.begin(), seen.end(), layer) != seen.end()) continue;
    seen.push_back(layer);
    if (const auto found = policies.regions.find(layer); found != policies.regions.end()) {
      layers.push_back(&found->second);
    } else if (const auto named = policies.divisions.find(layer);
               named != policies.divisions.end()) {
      out << "\nnot used: " << (layer == region->province ? "province " : "city ")
          << named->second.zh << " (" << named->second.en << ", " << layer
          << "): it has no policy file\n";
    }
  }
  layers.push_back(&policies.national());
  for (const RegionPolicy* layer_ptr : layers) {
    const RegionPolicy& layer = *layer_ptr;
    out << "\n";
    const auto rule = layer.rules.find(key);
    const RuleEntry* entry = rule == layer.rules.end() ? nullptr : in_force(rule->second, *day);
    if (entry && (all_layers || !winner)) {
      out << (all_layers ? "APPLIES: " : "WINS: ") << layer_title(layer) << "\n";
      print_entry(out, set, layer, key, rule->second, *entry);
      if (!winner && !all_layers && layer.code == PolicySet::kNationalCode &&
          region->code != PolicySet::kNationalCode) {
        out << "  (no layer of the region has a value for this day: the national rule "
               "applies)\n";
      }
      winner = &layer;
      continue;
    }
    out << "not used: " << layer_title(layer) << "\n";
    if (entry) {
      out << "  it has a value for this day, but the " << layer_kind(*winner)
          << "'s comes first (city over province over national):\n";
      print_entry(out, set, layer, key, rule->second, *entry);
    } else if (rule == layer.rules.end()) {
      out << "  it does not set this rule\n";
    } else {
      out << "  it has no value on " << date << ": " << no_value_because(rule->second, *day)
          << "\n";
    }
    if (const auto why = layer.unknown.find(key); why != layer.unknown.end()) {
      out << "  it records the rule as unknown: " << why->second.en << "\n";
    }
  }
  if (!winner) {
    out << "\nNo layer has a value of " << key << " on " << date << "\n";
    return 1;
  }
  return 0;
}

}  // namespace gongji::cli
