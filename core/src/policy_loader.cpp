// Loads and validates the policy files. Every problem is reported by file and JSON Pointer; a set
// with any problem is refused as a whole, so evaluation only ever sees checked data.
#include <algorithm>
#include <functional>
#include <set>

#include "gongji/policy.hpp"
#include "json_limits.hpp"
#include "texts.hpp"

namespace gongji {
namespace {

using detail::pointer_append;

const Date kCoverageStart = date_from_ymd(1900, 1, 1);

class Checker {
 public:
  explicit Checker(std::vector<PolicyProblem>& problems) : problems_(problems) {}

  bool problem(const std::string& file, const std::string& pointer, std::string message) {
    problems_.push_back({file, pointer, std::move(message)});
    return false;
  }

  // Allowed keys only; `required` must be present.
  bool fields(const std::string& file, const std::string& path, const Json& value,
              std::initializer_list<std::string_view> required,
              std::initializer_list<std::string_view> optional) {
    if (!value.is_object()) return problem(file, path, "must be an object");
    bool ok = true;
    for (auto name : required) {
      if (!value.contains(name)) {
        ok = problem(file, pointer_append(path, name), "is required");
      }
    }
    for (const auto& [key, field] : value.items()) {
      const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                         std::find(optional.begin(), optional.end(), key) != optional.end();
      if (!known) ok = problem(file, pointer_append(path, key), "is not a known field");
    }
    return ok;
  }

  bool text(const std::string& file, const std::string& path, const Json& value) {
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      return problem(file, path, "must be a non-empty string");
    }
    return true;
  }

  std::optional<Date> date(const std::string& file, const std::string& path, const Json& value) {
    const auto parsed =
        value.is_string() ? parse_date(value.get_ref<const std::string&>()) : std::nullopt;
    if (!parsed) problem(file, path, "must be a real date written YYYY-MM-DD");
    return parsed;
  }

  std::optional<LocalText> local_text(const std::string& file, const std::string& path,
                                      const Json& value) {
    if (!fields(file, path, value, {"zh-CN", "en"}, {})) return std::nullopt;
    bool ok = text(file, pointer_append(path, "zh-CN"), value["zh-CN"]);
    ok = text(file, pointer_append(path, "en"), value["en"]) && ok;
    if (!ok) return std::nullopt;
    return LocalText{value["zh-CN"].get<std::string>(), value["en"].get<std::string>()};
  }

  template <std::size_t N>
  bool one_of(const std::string& file, const std::string& path, const Json& value,
              const std::array<std::string_view, N>& names) {
    if (value.is_string() && enum_from<int>(value.get_ref<const std::string&>(), names))
      return true;
    std::string allowed;
    for (auto name : names) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    return problem(file, path, "must be one of: " + allowed);
  }

  bool boolean(const std::string& file, const std::string& path, const Json& value) {
    return value.is_boolean() || problem(file, path, "must be true or false");
  }

  bool integer(const std::string& file, const std::string& path, const Json& value, int64_t min,
               int64_t max) {
    if (!value.is_number_integer() || value.get<int64_t>() < min || value.get<int64_t>() > max) {
      return problem(
          file, path,
          "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return true;
  }

  bool clock_time(const std::string& file, const std::string& path, const Json& value) {
    const bool ok = value.is_string() && value.get_ref<const std::string&>().size() == 5 &&
                    value.get_ref<const std::string&>()[2] == ':';
    return ok || problem(file, path, "must be a time written HH:MM");
  }

  bool channel(const std::string& file, const std::string& path, const Json& value) {
    if (!fields(file, path, value, {"id", "kind", "name", "steps"}, {})) return false;
    static constexpr std::array<std::string_view, 5> kKinds{"app", "mini_program", "web", "office",
                                                            "phone"};
    bool ok = text(file, pointer_append(path, "id"), value["id"]);
    ok = one_of(file, pointer_append(path, "kind"), value["kind"], kKinds) && ok;
    ok = local_text(file, pointer_append(path, "name"), value["name"]).has_value() && ok;
    const std::string steps_path = pointer_append(path, "steps");
    if (!fields(file, steps_path, value["steps"], {"zh-CN", "en"}, {})) return false;
    for (const char* lang : {"zh-CN", "en"}) {
      const Json& steps = value["steps"][lang];
      const std::string at = pointer_append(steps_path, lang);
      if (!steps.is_array() || steps.empty()) {
        ok = problem(file, at, "must be a non-empty array of steps");
        continue;
      }
      for (std::size_t i = 0; i < steps.size(); ++i)
        ok = text(file, pointer_append(at, i), steps[i]) && ok;
    }
    if (ok && value["steps"]["zh-CN"].size() != value["steps"]["en"].size()) {
      ok = problem(file, steps_path, "must have as many English steps as Chinese ones");
    }
    return ok;
  }

  bool text_list(const std::string& file, const std::string& path, const Json& value) {
    if (!value.is_array()) return problem(file, path, "must be an array");
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      ok = local_text(file, pointer_append(path, i), value[i]).has_value() && ok;
    }
    return ok;
  }

  // Notes are texts; one that concerns only relatives bound through the region's own channels
  // (a local registration, say) is marked "for": "local", so no wallet-only family sees it, and one
  // about relatives not yet insured "for": "uninsured".
  bool note_list(const std::string& file, const std::string& path, const Json& value) {
    if (!value.is_array()) return problem(file, path, "must be an array");
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string at = pointer_append(path, i);
      if (!fields(file, at, value[i], {"zh-CN", "en"}, {"for"})) {
        ok = false;
        continue;
      }
      ok = text(file, pointer_append(at, "zh-CN"), value[i]["zh-CN"]) && ok;
      ok = text(file, pointer_append(at, "en"), value[i]["en"]) && ok;
      if (value[i].contains("for") && value[i]["for"] != "local" && value[i]["for"] != "uninsured")
        ok = problem(file, pointer_append(at, "for"), "must be \"local\" or \"uninsured\"") && ok;
    }
    return ok;
  }

  // The shape of a rule's value, by the rule's key.
  bool rule_value(const std::string& file, const std::string& path, std::string_view key,
                  const Json& value) {
    if (key == "relations") {
      if (!value.is_array()) return problem(file, path, "must be an array of relations");
      bool ok = true;
      for (std::size_t i = 0; i < value.size(); ++i) {
        ok = one_of(file, pointer_append(path, i), value[i], kRelationNames) && ok;
      }
      return ok;
    }
    if (key == "scheme_account") {
      if (!fields(file, path, value, {"employee", "resident", "none"}, {})) return false;
      bool ok = true;
      for (auto scheme : kSchemeNames) {
        ok = boolean(file, pointer_append(path, scheme), value[std::string(scheme)]) && ok;
      }
      return ok;
    }
    if (key == "holder_account") {
      if (!fields(file, path, value, {"employed", "retired", "flexible"}, {})) return false;
      bool ok = true;
      for (auto status : kStatusNames) {
        ok = boolean(file, pointer_append(path, status), value[std::string(status)]) && ok;
      }
      return ok;
    }
    if (key == "tiers") {
      if (!value.is_object()) return problem(file, path, "must be an object of tier -> bool");
      bool ok = true;
      for (const auto& [tier, has_account] : value.items()) {
        ok = boolean(file, pointer_append(path, tier), has_account) && ok;
      }
      return ok;
    }
    if (key == "shareable_part") {
      static constexpr std::array<std::string_view, 2> kParts{"whole", "prior_years"};
      return one_of(file, path, value, kParts);
    }
    if (key == "pooling") {
      if (!fields(file, path, value, {"unit"}, {"assumed_separate"})) return false;
      static constexpr std::array<std::string_view, 2> kUnits{"prefecture", "province"};
      bool ok = one_of(file, pointer_append(path, "unit"), value["unit"], kUnits);
      for (const char* list : {"assumed_separate"}) {
        if (!value.contains(list)) continue;
        const std::string at = pointer_append(path, list);
        if (!value[list].is_array()) {
          ok = problem(file, at, "must be an array of 6-digit codes");
          continue;
        }
        for (std::size_t i = 0; i < value[list].size(); ++i) {
          const Json& code = value[list][i];
          const bool six_digits = code.is_string() &&
                                  code.get_ref<const std::string&>().size() == 6 &&
                                  std::all_of(code.get_ref<const std::string&>().begin(),
                                              code.get_ref<const std::string&>().end(), ::isdigit);
          if (!six_digits) ok = problem(file, pointer_append(at, i), "must be a 6-digit code");
        }
      }
      return ok;
    }
    if (key == "share_above") {
      // Kept in the holder's own account: a fixed amount, or a share of an average wage (whose
      // figure is null where no source gives it).
      if (value.is_object() && value.contains("wage_percent")) {
        if (!fields(file, path, value, {"wage_percent", "wage_fen"}, {})) return false;
        const bool ok =
            integer(file, pointer_append(path, "wage_percent"), value["wage_percent"], 1, 100);
        return (value["wage_fen"].is_null() ||
                integer(file, pointer_append(path, "wage_fen"), value["wage_fen"], 1, kMaxFen)) &&
               ok;
      }
      if (!fields(file, path, value, {"fen"}, {})) return false;
      return integer(file, pointer_append(path, "fen"), value["fen"], 0, kMaxFen);
    }
    if (key == "cap_scope") {
      static constexpr std::array<std::string_view, 3> kScopes{"pooling_area", "province",
                                                               "unconfirmed"};
      return one_of(file, path, value, kScopes);
    }
    if (key == "wallet") {
      static constexpr std::array<std::string_view, 3> kStates{"none", "partial", "full"};
      return one_of(file, path, value, kStates);
    }
    if (key == "wallet_limits") {
      if (!fields(file, path, value,
                  {"per_transfer_fen", "transfers_per_day", "closed_from", "closed_until"}, {})) {
        return false;
      }
      bool ok = integer(file, pointer_append(path, "per_transfer_fen"), value["per_transfer_fen"],
                        1, kMaxFen);
      ok = integer(file, pointer_append(path, "transfers_per_day"), value["transfers_per_day"], 1,
                   100) &&
           ok;
      ok = clock_time(file, pointer_append(path, "closed_from"), value["closed_from"]) && ok;
      return clock_time(file, pointer_append(path, "closed_until"), value["closed_until"]) && ok;
    }
    if (key == "member_cap_total") {
      return value.is_null() || integer(file, path, value, 1, 1000);
    }
    if (key.rfind("member_cap.", 0) == 0) return integer(file, path, value, 0, 1000);
    if (key == "face_verification_age") return integer(file, path, value, 0, 150);
    if (key == "in_province" || key == "payments_open" || key == "wallet_quota" ||
        key == "single_holder" || key == "uninsured_contribution" || key == "own_account_first") {
      return boolean(file, path, value);
    }
    if (key.rfind("use.", 0) == 0) {
      if (!fields(file, path, value, {"allowed", "designated_only"}, {})) return false;
      const bool ok = boolean(file, pointer_append(path, "allowed"), value["allowed"]);
      return boolean(file, pointer_append(path, "designated_only"), value["designated_only"]) && ok;
    }
    if (key == "channels") {
      if (!value.is_array() || value.empty())
        return problem(file, path, "must be a non-empty array");
      bool ok = true;
      for (std::size_t i = 0; i < value.size(); ++i) {
        ok = channel(file, pointer_append(path, i), value[i]) && ok;
      }
      return ok;
    }
    if (key == "wallet_channel") return channel(file, path, value);
    if (key == "documents") return text_list(file, path, value);
    if (key == "notes") return note_list(file, path, value);
    return problem(file, path, "unknown rule");
  }

 private:
  std::vector<PolicyProblem>& problems_;
};

// Keys every layer may set; the national layer must set each of them for every date from 2021.
std::vector<std::string> base_rule_keys() {
  std::vector<std::string> keys = {"relations",
                                   "payments_open",
                                   "scheme_account",
                                   "holder_account",
                                   "tiers",
                                   "shareable_part",
                                   "share_above",
                                   "pooling",
                                   "in_province",
                                   "wallet",
                                   "wallet_limits",
                                   "wallet_quota",
                                   "member_cap_total",
                                   "cap_scope",
                                   "single_holder",
                                   "face_verification_age",
                                   "uninsured_contribution",
                                   "own_account_first",
                                   "channels",
                                   "wallet_channel",
                                   "documents",
                                   "notes"};
  for (auto kind : kExpenseKindNames) keys.push_back("use." + std::string(kind));
  return keys;
}

bool known_rule_key(const std::string& key) {
  static const std::vector<std::string> base = base_rule_keys();
  if (std::find(base.begin(), base.end(), key) != base.end()) return true;
  if (key.rfind("member_cap.", 0) == 0) {
    return enum_from<Relation>(std::string_view(key).substr(11), kRelationNames).has_value();
  }
  return false;
}

std::optional<Json> parse_file(const PolicyFile& file, Checker& check) {
  // Room for 8 entries per object: the files are dropped after loading, so it costs no memory kept.
  const detail::JsonLimits limits{16 * 1024 * 1024, 64, 100000, 8};
  auto parsed = detail::parse_json_limited(file.text, limits);
  if (auto* failure = std::get_if<detail::JsonFailure>(&parsed)) {
    if (failure->kind == detail::JsonFailure::Kind::duplicate_key) {
      check.problem(file.path, failure->path, "duplicate key");
    } else {
      check.problem(file.path, failure->path,
                    "is not valid JSON (near byte " + std::to_string(failure->offset) + ")");
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
    check.problem(file.path, "", "must be an object of source id -> source");
    return;
  }
  static constexpr std::array<std::string_view, 4> kReliability{"official", "media", "third_party",
                                                                "unverified"};
  for (const auto& [id, source] : json.items()) {
    const std::string at = pointer_append("", id);
    if (!check.fields(file.path, at, source, {"title", "title_en", "url", "date", "reliability"},
                      {"note", "copy_of"})) {
      continue;
    }
    bool ok = check.text(file.path, pointer_append(at, "title"), source["title"]);
    ok = check.text(file.path, pointer_append(at, "title_en"), source["title_en"]) && ok;
    ok = check.text(file.path, pointer_append(at, "url"), source["url"]) && ok;
    const Json& date = source["date"];
    const bool undated = date == "";
    if (undated && !source.contains("note")) {
      ok = check.problem(file.path, pointer_append(at, "date"),
                         "is empty: an undated source needs a \"note\" saying so");
    } else if (!undated && !(date.is_string() && source_first_day(date.get<std::string>()))) {
      ok = check.problem(
          file.path, pointer_append(at, "date"),
          "must be a real date written YYYY-MM-DD, YYYY-MM or YYYY (\"\" if undated)");
    }
    if (source.contains("copy_of")) {
      ok = check.text(file.path, pointer_append(at, "copy_of"), source["copy_of"]) && ok;
    }
    ok = check.one_of(file.path, pointer_append(at, "reliability"), source["reliability"],
                      kReliability) &&
         ok;
    if (ok) {
      set.sources[id] =
          Source{id,
                 {source["title"].get<std::string>(), source["title_en"].get<std::string>()},
                 source["url"].get<std::string>(),
                 source["date"].get<std::string>(),
                 source["reliability"].get<std::string>(),
                 source.value("copy_of", std::string())};
    }
  }
}

void load_messages(const PolicyFile& file, const Json& json, PolicySet& set, Checker& check) {
  if (!json.is_object()) {
    check.problem(file.path, "", "must be an object of message key -> texts");
    return;
  }
  for (const auto& [key, texts] : json.items()) {
    if (auto text = check.local_text(file.path, pointer_append("", key), texts)) {
      set.messages[key] = *text;
    }
  }
  for (const std::string& key : detail::required_message_keys()) {
    if (!set.messages.count(key)) check.problem(file.path, pointer_append("", key), "is required");
  }
  set.message_index.reserve(set.messages.size());
  for (const auto& [key, text] : set.messages) set.message_index.emplace(key, &text);
}

void load_divisions(const PolicyFile& file, const Json& json, PolicySet& set, Checker& check) {
  if (!json.is_object()) {
    check.problem(file.path, "", "must be an object of code -> names");
    return;
  }
  for (const auto& [code, names] : json.items()) {
    const bool code_ok = code.size() == 6 && std::all_of(code.begin(), code.end(), ::isdigit);
    if (!code_ok) {
      check.problem(file.path, pointer_append("", code), "is not a 6-digit code");
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
      ok = check.problem(file, pointer_append(at, "known_since"), "is before \"from\"");
    } else if (*entry.known_since != from && !has_basis) {
      ok = check.problem(file, pointer_append(at, "from"),
                         "is before \"known_since\": say in \"from_basis\" why the value applies "
                         "before the sources show it");
    }
  }
  if (item.contains("known_since_precision")) {
    static constexpr std::array<std::string_view, 3> kPrecisions{"day", "month", "year"};
    const std::string path = pointer_append(at, "known_since_precision");
    if (!entry.known_since) {
      ok = check.problem(file, path, "needs \"known_since\"");
    } else if (check.one_of(file, path, item["known_since_precision"], kPrecisions)) {
      entry.known_since_precision = item["known_since_precision"].get<std::string>();
    } else {
      ok = false;
    }
  }
  if (entry.known_since || has_basis) return ok;
  for (const std::string& id : entry.sources) {
    const Source& source = set.sources.at(id);
    if (source_first_day(source.date) == from) {
      const std::string shown = source.date.empty() ? "undated" : source.date;
      ok = check.problem(file, pointer_append(at, "from"),
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
      check.problem(file, pointer_append(at, "from"),
                    "overlaps the value before it (dates must follow each other)");
    } else if (!before.until) {
      before.until = day_before;
    } else if (*before.until == day_before) {
      check.problem(file, pointer_append(pointer_append(path, before.index), "until"),
                    "is the day before the next \"from\": leave it out (it is derived)");
    } else if (national) {
      check.problem(file, pointer_append(at, "from"),
                    "leaves a gap after " + format_date(*before.until) +
                        " (the national layer answers every day)");
    }
  }
  for (const RuleEntry& entry : entries) {
    if (entry.known_since && entry.until && *entry.until < *entry.known_since) {
      check.problem(file, pointer_append(pointer_append(path, entry.index), "known_since"),
                    "is after the value's last day (" + format_date(*entry.until) + ")");
    }
  }
}

// Entries of one rule: shapes, known sources, and no overlap or gap between consecutive dates.
// Each value is moved out of the parsed file (which is dropped after loading), not copied.
std::vector<RuleEntry> load_entries(const std::string& file, const std::string& path,
                                    const std::string& key, Json& list, bool national,
                                    const PolicySet& set, Checker& check) {
  std::vector<RuleEntry> entries;
  if (!list.is_array() || list.empty()) {
    check.problem(file, path, "must be a non-empty array of dated values");
    return entries;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = pointer_append(path, i);
    const Json& item = list[i];
    if (!check.fields(file, at, item, {"from", "value", "sources"},
                      {"until", "note", "known_since", "known_since_precision", "from_basis"})) {
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
        ok = check.problem(file, pointer_append(at, "until"), "is before \"from\"");
      }
    }
    ok = check.rule_value(file, pointer_append(at, "value"), key, item["value"]) && ok;
    const Json& sources = item["sources"];
    if (!sources.is_array() || sources.empty()) {
      ok = check.problem(file, pointer_append(at, "sources"), "must cite at least one source");
    } else {
      for (std::size_t s = 0; s < sources.size(); ++s) {
        const bool known =
            sources[s].is_string() && set.sources.count(sources[s].get<std::string>());
        if (!known) {
          ok = check.problem(file, pointer_append(pointer_append(at, "sources"), s),
                             "is not a source id in sources.json");
        } else {
          entry.sources.push_back(sources[s].get<std::string>());
        }
      }
      entry.third_party_only =
          std::all_of(entry.sources.begin(), entry.sources.end(), [&](const std::string& id) {
            const std::string& reliability = set.sources.at(id).reliability;
            return reliability == "third_party" || reliability == "unverified";
          });
    }
    if (item.contains("note")) {
      entry.note = check.local_text(file, pointer_append(at, "note"), item["note"]);
      ok = entry.note.has_value() && ok;
    }
    ok = ok && start_is_explained(file, at, item, *from, set, entry, check);
    if (!ok) continue;
    entry.from = *from;
    entry.value = std::move(list[i]["value"]);
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
    check.problem(file.path, "/region",
                  "does not match the file name (expected " + expected_name + ")");
  }
  const bool national = region.code == PolicySet::kNationalCode;
  if (!national && !region.code.empty() && !set.divisions.count(region.code)) {
    check.problem(file.path, "/region", "is not a province or city code in divisions.json");
  }
  if (auto name = check.local_text(file.path, "/name", json["name"])) region.name = *name;
  if (auto reviewed = check.date(file.path, "/last_reviewed", json["last_reviewed"])) {
    region.last_reviewed = *reviewed;
  }
  // What the sources leave open is recorded, not left silent: rule -> why it is unknown.
  if (json.contains("unknown")) {
    const Json& unknown = json["unknown"];
    if (!unknown.is_object()) {
      check.problem(file.path, "/unknown", "must be an object of rule -> explanation");
    } else {
      for (const auto& [key, why] : unknown.items()) {
        const std::string at = pointer_append("/unknown", key);
        if (!known_rule_key(key)) check.problem(file.path, at, "is not a known rule");
        if (auto text = check.local_text(file.path, at, why)) region.unknown[key] = *text;
      }
    }
  }
  Json& rules = json["rules"];
  if (!rules.is_object()) {
    check.problem(file.path, "/rules", "must be an object of rule -> dated values");
    return;
  }
  for (auto& [key, list] : rules.items()) {
    const std::string at = pointer_append("/rules", key);
    if (!known_rule_key(key)) {
      check.problem(file.path, at, "is not a known rule");
      continue;
    }
    region.rules[key] = load_entries(file.path, at, key, list, national, set, check);
  }
  if (national) {
    for (const std::string& key : base_rule_keys()) {
      const auto found = region.rules.find(key);
      const std::string at = pointer_append("/rules", key);
      if (found == region.rules.end() || found->second.empty()) {
        check.problem(file.path, at, "the national layer must define this rule");
      } else if (found->second.front().from > kCoverageStart || found->second.back().until) {
        check.problem(file.path, at, "the national layer must cover every day from 1900-01-01 on");
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

}  // namespace

PolicyLoad load_policies(const std::vector<PolicyFile>& files) {
  PolicyLoad load;
  auto set = std::make_shared<PolicySet>();
  Checker check(load.problems);
  using Loader = std::function<void(const PolicyFile&, const Json&, PolicySet&, Checker&)>;
  const std::vector<std::pair<std::string_view, Loader>> fixed = {
      {"sources.json", load_sources},
      {"messages.json", load_messages},
      {"divisions.json", load_divisions},
      {"version.json", [](const PolicyFile& file, const Json& json, PolicySet& s, Checker& c) {
         if (c.fields(file.path, "", json, {"version", "released"}, {}) &&
             c.text(file.path, "/version", json["version"])) {
           s.version = json["version"].get<std::string>();
         }
       }}};
  for (const auto& [path, loader] : fixed) {
    const PolicyFile* file = find_file(files, path);
    if (!file) {
      check.problem(std::string(path), "", "is missing");
      continue;
    }
    if (auto json = parse_file(*file, check)) loader(*file, *json, *set, check);
  }
  for (const PolicyFile& file : files) {
    if (file.path.rfind("regions/", 0) != 0) continue;
    if (auto json = parse_file(file, check)) load_region(file, *json, *set, check);
  }
  if (!set->regions.count(std::string(PolicySet::kNationalCode))) {
    check.problem("regions/000000.json", "", "the national layer is missing");
  }
  if (load.problems.empty()) load.policies = std::move(set);
  return load;
}

std::string describe(const PolicyProblem& problem) {
  return problem.file + ": " + (problem.pointer.empty() ? "(whole file)" : problem.pointer) + ": " +
         problem.message;
}

namespace {
std::shared_ptr<const PolicySet>& current_policies() {
  static std::shared_ptr<const PolicySet> policies =
      embedded_policy_files().empty() ? nullptr : load_policies(embedded_policy_files()).policies;
  return policies;
}
}  // namespace

std::shared_ptr<const PolicySet> default_policies() {
  return current_policies();
}

void install_policies(std::shared_ptr<const PolicySet> policies) {
  current_policies() = std::move(policies);
}

}  // namespace gongji
