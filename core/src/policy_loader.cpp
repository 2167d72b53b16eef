// Loads and validates the policy files. Every problem is reported by file and JSON Pointer; a set
// with any problem is refused as a whole, so evaluation only ever sees checked data.
#include <algorithm>
#include <functional>
#include <set>

#include "gongji/policy.hpp"
#include "integer_text.hpp"
#include "json_limits.hpp"
#include "json_position.hpp"
#include "policy_checker.hpp"
#include "regions.hpp"
#include "rule_kind_shapes.hpp"
#include "rule_values_json.hpp"
#include "texts.hpp"
#include "vocabulary_loader.hpp"

namespace gongji {
namespace {

using detail::Checker;
using detail::Combine;
using detail::pointer_append;
using detail::RuleKind;

const Date kCoverageStart = date_from_ymd(1900, 1, 1);

std::optional<Json> parse_file(const PolicyFile& file, Checker& check) {
  // Room for 8 entries per object: the files are dropped after loading, so it costs no memory kept.
  const detail::JsonLimits limits{16 * 1024 * 1024, 64, 100000, 8};
  auto parsed = detail::parse_json_limited(file.text, limits);
  if (auto* failure = std::get_if<detail::JsonFailure>(&parsed)) {
    using Kind = detail::JsonFailure::Kind;
    if (failure->kind == Kind::duplicate_key) {
      check.problem(file.path, failure->path, "policy.duplicate_key", "duplicate key");
    } else if (failure->kind == Kind::syntax) {
      // Placed where the parser stopped, not at the value it was in.
      const detail::TextPosition at = detail::position_at(file.text, failure->offset);
      check.problem(file.path, failure->path, "policy.invalid_json", "is not valid JSON");
      check.place_last(at.line, at.column);
    } else {
      check.problem(file.path, failure->path, "policy.json_limit",
                    "is too large or too deeply nested");
    }
    return std::nullopt;
  }
  return std::move(*std::get_if<Json>(&parsed));
}

// A source's date as precisely as the page dates it: YYYY-MM-DD, YYYY-MM or YYYY ("" when undated).
// Returns the first day it stands for, or nullopt when it is malformed.
std::optional<Date> source_first_day(const std::string& date) {
  if (date.size() == 10) return parse_date(date);
  if (date.size() == 7) return parse_date(date + "-01");
  if (date.size() == 4) return parse_date(date + "-01-01");
  return std::nullopt;
}

void load_sources(const PolicyFile& file, const Json& json, PolicySet& set, Checker& check) {
  if (!json.is_object()) {
    check.problem(file.path, "", "policy.not_object", "must be an object of source id -> source");
    return;
  }
  for (const auto& [id, source] : json.items()) {
    const std::string at = pointer_append("", id);
    if (!check.fields(file.path, at, source, {"title", "title_en", "url", "date", "reliability"},
                      {"note", "copy_of", "copy_of_en", "region"})) {
      continue;
    }
    bool ok = check.text(file.path, pointer_append(at, "title"), source["title"]);
    ok = check.text(file.path, pointer_append(at, "title_en"), source["title_en"]) && ok;
    ok = check.text(file.path, pointer_append(at, "url"), source["url"]) && ok;
    const Json& date = source["date"];
    const bool undated = date == "";
    if (undated && !source.contains("note")) {
      ok = check.problem(file.path, pointer_append(at, "date"), "policy.undated_source",
                         "is empty: an undated source needs a \"note\" saying so");
    } else if (!undated && !(date.is_string() && source_first_day(date.get<std::string>()))) {
      ok = check.problem(
          file.path, pointer_append(at, "date"), "policy.invalid_date",
          "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (\"\" if undated)");
    }
    // A copy names its original in both languages: the page says what the link is a copy of.
    const std::pair<const char*, const char*> copy_fields[] = {{"copy_of", "copy_of_en"},
                                                               {"copy_of_en", "copy_of"}};
    for (const auto& [field, other] : copy_fields) {
      if (source.contains(field)) {
        ok = check.text(file.path, pointer_append(at, field), source[field]) && ok;
      } else if (source.contains(other)) {
        ok = check.problem(file.path, pointer_append(at, field), "policy.missing_field",
                           std::string("is required with \"") + other + "\"");
      }
    }
    if (source.contains("region") &&
        !(check.text(file.path, pointer_append(at, "region"), source["region"]) &&
          set.divisions.count(source["region"].get<std::string>()))) {
      ok = check.problem(file.path, pointer_append(at, "region"), "policy.unknown_region",
                         "is not a province or city code in divisions.json");
    }
    ok = check.one_of(file.path, pointer_append(at, "reliability"), source["reliability"],
                      {kReliabilityNames.begin(), kReliabilityNames.end()}) &&
         ok;
    if (ok) {
      set.sources[id] = Source{
          id,
          {source["title"].get<std::string>(), source["title_en"].get<std::string>()},
          source["url"].get<std::string>(),
          source["date"].get<std::string>(),
          source["reliability"].get<std::string>(),
          {source.value("copy_of", std::string()), source.value("copy_of_en", std::string())},
          source.value("region", std::string())};
    }
  }
}

void load_messages(const PolicyFile& file, const Json& json, PolicySet& set, Checker& check) {
  if (!json.is_object()) {
    check.problem(file.path, "", "policy.not_object", "must be an object of message key -> texts");
    return;
  }
  for (const auto& [key, texts] : json.items()) {
    if (auto text = check.local_text(file.path, pointer_append("", key), texts)) {
      set.messages[key] = *text;
    }
  }
  std::vector<std::string> required = detail::required_message_keys();
  for (std::string& key : detail::kind_message_keys()) required.push_back(std::move(key));
  for (const std::string& key : required) {
    if (!set.messages.count(key))
      check.problem(file.path, pointer_append("", key), "policy.missing_message", "is required");
  }
  set.index_messages();
}

void load_divisions(const PolicyFile& file, const Json& json, PolicySet& set, Checker& check) {
  if (!json.is_object()) {
    check.problem(file.path, "", "policy.not_object", "must be an object of code -> names");
    return;
  }
  for (const auto& [code, names] : json.items()) {
    const bool code_ok = code.size() == 6 && std::all_of(code.begin(), code.end(), ::isdigit);
    if (!code_ok) {
      check.problem(file.path, pointer_append("", code), "policy.invalid_code",
                    "is not a 6-digit code");
    } else if (auto text = check.local_text(file.path, pointer_append("", code), names)) {
      set.divisions[code] = std::move(*text);
    }
  }
}

// A `from` is the day a rule took effect. Where the sources show only that it was in force by some
// day, the entry says so (`known_since`); a `from` on a cited source's date, or before
// `known_since`, must say why (`from_basis`), so that a guessed start cannot come back silently.
bool start_is_explained(const std::string& file, const std::string& at, const Json& item, Date from,
                        const PolicySet& set, RuleEntry& entry, Checker& check) {
  bool ok = true;
  const bool has_basis = item.contains("from_basis");
  if (has_basis) ok = check.text(file, pointer_append(at, "from_basis"), item["from_basis"]);
  if (item.contains("known_since")) {
    entry.known_since = check.date(file, pointer_append(at, "known_since"), item["known_since"]);
    if (!entry.known_since) return false;
    if (*entry.known_since < from) {
      ok = check.problem(file, pointer_append(at, "known_since"), "policy.known_since_before_from",
                         "is before \"from\"");
    } else if (*entry.known_since != from && !has_basis) {
      ok = check.problem(file, pointer_append(at, "from"), "policy.start_needs_basis",
                         "is before \"known_since\": say in \"from_basis\" why the value applies "
                         "before the sources show it");
    }
  }
  if (item.contains("known_since_precision")) {
    const std::vector<std::string_view> kPrecisions{"day", "month", "year"};
    const std::string path = pointer_append(at, "known_since_precision");
    if (!entry.known_since) {
      ok = check.problem(file, path, "policy.precision_without_known_since",
                         "needs \"known_since\"");
    } else if (check.one_of(file, path, item["known_since_precision"], kPrecisions)) {
      entry.known_since_precision = item["known_since_precision"].get<std::string>();
      // "About 2025" is written 2025-01-01 and "2025-09" 2025-09-01 (facts §6): the answer counts
      // a month or a year on from that day (certain_from).
      const std::string day = format_date(*entry.known_since);
      const bool first = entry.known_since_precision == "year"    ? day.substr(5) == "01-01"
                         : entry.known_since_precision == "month" ? day.substr(8) == "01"
                                                                  : true;
      if (!first) {
        ok =
            check.problem(file, pointer_append(at, "known_since"), "policy.precision_not_first_day",
                          "must be the first day of the month or year it stands for");
      }
    } else {
      ok = false;
    }
  }
  if (entry.known_since || has_basis) return ok;
  for (const std::string& id : entry.sources) {
    const Source& source = set.sources.at(id);
    if (source_first_day(source.date) == from) {
      const std::string shown = source.date.empty() ? "undated" : source.date;
      ok = check.problem(file, pointer_append(at, "from"), "policy.start_is_source_date",
                         "is the date of source " + id + " (" + shown +
                             "): a source's date is not a start; record it as \"known_since\" "
                             "or say in \"from_basis\" why it is the first day");
    }
  }
  return ok;
}

// A value lasts until the next one begins: its `until` is derived from the next `from`. Written
// out, `until` means the rule really ends (the last value, or a gap in which the next layer
// answers); one that only repeats the day before the next `from` is refused, so the files say each
// date once. The national layer answers when no other does, so it may have no gap.
void link_entries(const std::string& file, const std::string& path, std::vector<RuleEntry>& entries,
                  bool national, Checker& check) {
  for (std::size_t i = 1; i < entries.size(); ++i) {
    RuleEntry& before = entries[i - 1];
    const RuleEntry& after = entries[i];
    const std::string at = pointer_append(path, after.index);
    const Date day_before = add_days(after.from, -1);
    if (after.from <= before.from || (before.until && after.from <= *before.until)) {
      check.problem(file, pointer_append(at, "from"), "policy.overlap",
                    "overlaps the value before it (dates must follow each other)");
    } else if (!before.until) {
      before.until = day_before;
    } else if (*before.until == day_before) {
      check.problem(file, pointer_append(pointer_append(path, before.index), "until"),
                    "policy.redundant_until",
                    "is the day before the next \"from\": leave it out (it is derived)");
    } else if (national) {
      check.problem(file, pointer_append(at, "from"), "policy.national_gap",
                    "leaves a gap after " + format_date(*before.until) +
                        " (the national layer answers every day)");
    }
  }
  for (const RuleEntry& entry : entries) {
    if (entry.known_since && entry.until && *entry.until < *entry.known_since) {
      check.problem(file, pointer_append(pointer_append(path, entry.index), "known_since"),
                    "policy.known_since_after_end",
                    "is after the value's last day (" + format_date(*entry.until) + ")");
    }
  }
}

// `unconfirmed`: the value is the most likely reading, and the text says what is uncertain and
// whom to ask; `unconfirmed_parts`: the keys of an object value the doubt concerns.
bool load_doubt(const std::string& file, const std::string& at, const Json& item, RuleEntry& entry,
                Checker& check) {
  bool ok = true;
  if (item.contains("unconfirmed")) {
    entry.unconfirmed =
        check.local_text(file, pointer_append(at, "unconfirmed"), item["unconfirmed"]);
    ok = entry.unconfirmed.has_value();
  }
  if (!item.contains("unconfirmed_parts")) return ok;
  const std::string path = pointer_append(at, "unconfirmed_parts");
  const Json& parts = item["unconfirmed_parts"];
  if (!entry.unconfirmed)
    return check.problem(file, path, "policy.parts_without_unconfirmed", "needs \"unconfirmed\"");
  if (!parts.is_array() || parts.empty()) {
    return check.problem(file, path, "policy.invalid_array",
                         "must be a non-empty array of keys of the value");
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool known = parts[i].is_string() && item["value"].is_object() &&
                       item["value"].contains(parts[i].get<std::string>());
    if (!known) {
      ok = check.problem(file, pointer_append(path, i), "policy.not_one_of",
                         "is not a key of the value");
    } else {
      entry.unconfirmed_parts.push_back(parts[i].get<std::string>());
    }
  }
  return ok;
}

// An answer cites a value's sources to every family the value reaches: a source stating one
// region's rules supports that region's layers (and the cities in it), not another's. A rule the
// layer records as unknown, read from some regions' rules (the nation's own_account_first), may
// cite them where that record, which the answer shows with the rule, names each region (by the
// first two characters of its Chinese name: 北京, 湖北).
bool cites_region_fairly(const PolicySet& set, const std::string& layer, const Source& source,
                         const LocalText* why_unknown) {
  if (detail::region_within(layer, source.region)) return true;
  const auto name = set.divisions.find(source.region);
  if (name == set.divisions.end() || !why_unknown) return false;
  const std::string short_name = name->second.zh.substr(0, 6);  // two characters of UTF-8
  return why_unknown->zh.find(short_name) != std::string::npos;
}

// Entries of one rule: shapes, known sources, and no overlap or gap between consecutive dates.
// Each value is moved out of the parsed file (which is dropped after loading), not copied.
std::vector<RuleEntry> load_entries(const std::string& file, const std::string& path,
                                    const RuleKind& kind, Json& list, const std::string& layer,
                                    const LocalText* why_unknown, const PolicySet& set,
                                    Checker& check) {
  const bool national = layer == PolicySet::kNationalCode;
  std::vector<RuleEntry> entries;
  if (!list.is_array() || list.empty()) {
    check.problem(file, path, "policy.empty_rule", "must be a non-empty array of dated values");
    return entries;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = pointer_append(path, i);
    const Json& item = list[i];
    if (!check.fields(file, at, item, {"from", "value", "sources"},
                      {"until", "note", "known_since", "known_since_precision", "from_basis",
                       "unconfirmed", "unconfirmed_parts"})) {
      continue;
    }
    RuleEntry entry;
    entry.index = i;
    auto from = check.date(file, pointer_append(at, "from"), item["from"]);
    bool ok = from.has_value();
    if (item.contains("until")) {
      entry.until = check.date(file, pointer_append(at, "until"), item["until"]);
      ok = entry.until.has_value() && ok;
      if (ok && *entry.until < *from) {
        ok = check.problem(file, pointer_append(at, "until"), "policy.until_before_from",
                           "is before \"from\"");
      }
    }
    ok = detail::check_shape(check, file, pointer_append(at, "value"),
                             *detail::kind_shape(kind).shape, item["value"]) &&
         ok;
    const Json& sources = item["sources"];
    if (!sources.is_array() || sources.empty()) {
      ok = check.problem(file, pointer_append(at, "sources"), "policy.missing_sources",
                         "must cite at least one source");
    } else {
      for (std::size_t s = 0; s < sources.size(); ++s) {
        const bool known =
            sources[s].is_string() && set.sources.count(sources[s].get<std::string>());
        const std::string cited = pointer_append(pointer_append(at, "sources"), s);
        if (!known) {
          ok = check.problem(file, cited, "policy.unknown_source",
                             "is not a source id in sources.json");
        } else if (!cites_region_fairly(set, layer, set.sources.at(sources[s].get<std::string>()),
                                        why_unknown)) {
          ok = check.problem(file, cited, "policy.source_other_region",
                             "states another region's rules (its \"region\" in sources.json): "
                             "cite it in that region's layer, or name the region where "
                             "this layer records the rule as \"unknown\"");
        } else {
          entry.sources.push_back(sources[s].get<std::string>());
        }
      }
      entry.third_party_only =
          std::all_of(entry.sources.begin(), entry.sources.end(), [&](const std::string& id) {
            const auto reliability =
                enum_from<Reliability>(set.sources.at(id).reliability, kReliabilityNames);
            return reliability == Reliability::third_party ||
                   reliability == Reliability::unverified;
          });
    }
    if (item.contains("note")) {
      entry.note = check.local_text(file, pointer_append(at, "note"), item["note"]);
      ok = entry.note.has_value() && ok;
    }
    ok = load_doubt(file, at, item, entry, check) && ok;
    ok = ok && start_is_explained(file, at, item, *from, set, entry, check);
    if (!ok) continue;
    entry.from = *from;
    entry.typed = read_rule_value(kind.value_type, item["value"]);
    entries.push_back(std::move(entry));
  }
  link_entries(file, path, entries, national, check);
  return entries;
}

void load_region(const PolicyFile& file, Json& json, PolicySet& set, Checker& check) {
  if (!check.fields(file.path, "", json, {"region", "name", "last_reviewed", "rules"},
                    {"$schema", "$comment", "unknown"})) {
    return;
  }
  RegionPolicy region;
  region.file = file.path;
  if (check.text(file.path, "/region", json["region"]))
    region.code = json["region"].get<std::string>();
  const std::string expected_name = "regions/" + region.code + ".json";
  if (!region.code.empty() && file.path != expected_name) {
    check.problem(file.path, "/region", "policy.region_file_mismatch",
                  "does not match the file name (expected " + expected_name + ")");
  }
  const bool national = region.code == PolicySet::kNationalCode;
  if (!national && !region.code.empty() && !set.divisions.count(region.code)) {
    check.problem(file.path, "/region", "policy.unknown_region",
                  "is not a province or city code in divisions.json");
  }
  if (auto name = check.local_text(file.path, "/name", json["name"])) region.name = *name;
  if (auto reviewed = check.date(file.path, "/last_reviewed", json["last_reviewed"])) {
    region.last_reviewed = *reviewed;
  }
  // What the sources leave open is recorded, not left silent: rule -> why it is unknown.
  if (json.contains("unknown")) {
    const Json& unknown = json["unknown"];
    if (!unknown.is_object()) {
      check.problem(file.path, "/unknown", "policy.not_object",
                    "must be an object of rule -> explanation");
    } else {
      for (const auto& [key, why] : unknown.items()) {
        const std::string at = pointer_append("/unknown", key);
        if (!detail::rule_kind(key))
          check.problem(file.path, at, "policy.unknown_rule_key", "is not a known rule");
        if (auto text = check.local_text(file.path, at, why)) region.unknown[key] = *text;
      }
    }
  }
  Json& rules = json["rules"];
  if (!rules.is_object()) {
    check.problem(file.path, "/rules", "policy.not_object",
                  "must be an object of rule -> dated values");
    return;
  }
  for (auto& [key, list] : rules.items()) {
    const std::string at = pointer_append("/rules", key);
    const RuleKind* kind = detail::rule_kind(key);
    if (!kind) {
      check.problem(file.path, at, "policy.unknown_rule_key", "is not a known rule");
      continue;
    }
    if (kind->combine == Combine::national && !national) {
      check.problem(file.path, at, "policy.national_only_rule",
                    "is stated by the national layer only");
      continue;
    }
    const auto why = region.unknown.find(key);
    region.rules[key] =
        load_entries(file.path, at, *kind, list, region.code,
                     why == region.unknown.end() ? nullptr : &why->second, set, check);
  }
  if (national) {
    for (const std::string& key : detail::required_rule_keys()) {
      const auto found = region.rules.find(key);
      const std::string at = pointer_append("/rules", key);
      if (found == region.rules.end() || found->second.empty()) {
        check.problem(file.path, at, "policy.national_missing_rule",
                      "the national layer must define this rule");
      } else if (found->second.front().from > kCoverageStart || found->second.back().until) {
        check.problem(file.path, at, "policy.national_incomplete",
                      "the national layer must cover every day from 1900-01-01 on");
      }
    }
  }
  set.regions[region.code] = std::move(region);
}

const PolicyFile* find_file(const std::vector<PolicyFile>& files, std::string_view path) {
  for (const PolicyFile& file : files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

// Each problem's line and column, from its pointer, in the file's text (once, after the checks:
// only a set with problems pays for it).
void place_problems(const std::vector<PolicyFile>& files, std::vector<PolicyProblem>& problems) {
  for (PolicyProblem& problem : problems) {
    if (problem.line != 0) continue;
    if (const PolicyFile* file = find_file(files, problem.file)) {
      const detail::TextPosition at = detail::position_of(file->text, problem.pointer);
      problem.line = at.line;
      problem.column = at.column;
    }
  }
}

}  // namespace

PolicyLoad load_policies(const std::vector<PolicyFile>& files) {
  PolicyLoad load;
  auto set = std::make_unique<PolicySet>();
  Checker check(load.problems);
  using Loader = std::function<void(const PolicyFile&, const Json&, PolicySet&, Checker&)>;
  const std::vector<std::pair<std::string_view, Loader>> fixed = {
      {"divisions.json", load_divisions},  // first: a source names its region by code
      {"sources.json", load_sources},
      {"messages.json", load_messages},
      {"vocabulary.json",
       [&load](const PolicyFile& file, const Json& json, PolicySet& s, Checker&) {
         detail::load_vocabulary(file, json, s.vocabulary, load.problems);
       }},
      {"version.json", [](const PolicyFile& file, const Json& json, PolicySet& s, Checker& c) {
         if (c.fields(file.path, "", json, {"version", "released"}, {}) &&
             c.text(file.path, "/version", json["version"])) {
           s.version = json["version"].get<std::string>();
         }
       }}};
  for (const auto& [path, loader] : fixed) {
    const PolicyFile* file = find_file(files, path);
    if (!file) {
      check.problem(std::string(path), "", "policy.missing_file", "is missing");
      continue;
    }
    if (auto json = parse_file(*file, check)) loader(*file, *json, *set, check);
  }
  for (const PolicyFile& file : files) {
    if (file.path.rfind("regions/", 0) != 0) continue;
    if (auto json = parse_file(file, check)) load_region(file, *json, *set, check);
  }
  if (!set->regions.count(std::string(PolicySet::kNationalCode))) {
    check.problem("regions/000000.json", "", "policy.missing_national",
                  "the national layer is missing");
  }
  place_problems(files, load.problems);
  if (load.problems.empty()) load.policies = std::move(set);
  return load;
}

std::string describe(const PolicyProblem& problem) {
  const std::string where = problem.line == 0
                                ? problem.file
                                : problem.file + ":" + detail::integer_text(problem.line) + ":" +
                                      detail::integer_text(problem.column);
  return where + ": " + (problem.pointer.empty() ? "(whole file)" : problem.pointer) + ": " +
         problem.message + " [" + problem.id + "]";
}

}  // namespace gongji
