// The policy set: rules kept as data in policies/, layered national -> province -> city.
// The code interprets these values; it knows rule kinds (relations, routes, uses), never regions.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/date.hpp"
#include "gongji/request.hpp"
#include "gongji/rule_values.hpp"

namespace gongji {

// One date-effective value of a rule: in force from `from` through `until` (inclusive; open if
// absent).
struct RuleEntry {
  Date from;
  std::optional<Date> until;
  RuleValue typed;  // the value, shape checked by the loader and read once into its kind's C++
                    // type (rule_kinds.cpp)
  std::vector<std::string> sources;
  bool third_party_only = false;  // every source is third_party or unverified (set by the loader)
  std::optional<LocalText> note;
  // Where the sources show only that the value was in force by some day, not when it began: that
  // day, and how precisely the source dates it ("day", "month" or "year").
  std::optional<Date> known_since;
  std::string known_since_precision = "day";
  // Where the value is only the most likely reading (whether a wallet had opened, whether flexible
  // workers have an account): what is uncertain and whom to ask. `unconfirmed_parts` narrows the
  // doubt to some keys of an object value (holder_account's "flexible"); empty means all of it.
  std::optional<LocalText> unconfirmed;
  std::vector<std::string> unconfirmed_parts;
  std::size_t index = 0;  // position in the file, for messages

  bool covers(Date day) const { return from <= day && (!until || day <= *until); }
  // The typed value; T is the type its kind's entry in rule_kinds.cpp names.
  template <typename T>
  const T& as() const {
    return *std::get_if<T>(&typed);  // the kind's entry names T: tests read every kind
  }
  bool doubts(std::string_view part) const {
    if (!unconfirmed) return false;
    return unconfirmed_parts.empty() ||
           std::find(unconfirmed_parts.begin(), unconfirmed_parts.end(), part) !=
               unconfirmed_parts.end();
  }
};

struct RegionPolicy {
  std::string code;  // 6-digit GB/T 2260 code; "000000" is the national layer
  std::string file;  // path inside the policy directory
  LocalText name;
  Date last_reviewed;
  std::map<std::string, std::vector<RuleEntry>, std::less<>> rules;  // entries sorted by `from`
  std::map<std::string, LocalText, std::less<>> unknown;  // rules the sources leave open, and why
};

struct Source {
  std::string id;
  LocalText title;  // the original title, and its English form
  std::string url;
  std::string date;         // YYYY-MM-DD, YYYY-MM or YYYY as precisely as the source is dated; ""
                            // for an undated page
  std::string reliability;  // official | media | third_party | unverified: who issued the text
  LocalText copy_of;        // the original's issuer and name, when `url` is a copy on another host;
                            // empty otherwise
  std::string region;       // the division whose rules the source states; "" for the nation's
};

// policies/vocabulary.json as loaded: each value's words ("relation.spouse.person" -> texts), and
// the file again as JSON for calculator.vocabulary().
struct Vocabulary {
  std::map<std::string, LocalText, std::less<>> words;
  std::string json;

  // The `form` of `value` of `enumeration`; null if the file has no such word.
  const LocalText* find(std::string_view enumeration, std::string_view value,
                        std::string_view form) const;
};

struct PolicySet {
  PolicySet() = default;
  PolicySet(const PolicySet&) = delete;
  PolicySet& operator=(const PolicySet&) = delete;

  std::string version;
  // The languages its texts are in: both, unless the set was cut to one (with_texts_in) for a
  // page's first download; an answer is given only in one of these.
  std::vector<Lang> languages{Lang::zh_CN, Lang::en};
  std::map<std::string, Source, std::less<>> sources;
  std::map<std::string, LocalText, std::less<>> messages;
  // The same messages in a small open-addressing hash table (FNV-1a, linear probing, at most half
  // full), for the ~100 look-ups of each answer: a hash and a compare or two, where a binary search
  // compared a dozen keys. The keys view `messages`, whose nodes never move, which is also why a
  // PolicySet is not copied. Hand-written: std::unordered_map's code costs the module kilobytes.
  std::vector<std::pair<std::string_view, const LocalText*>> message_index;
  Vocabulary vocabulary;
  std::map<std::string, RegionPolicy, std::less<>> regions;
  std::map<std::string, LocalText, std::less<>> divisions;  // province and city codes -> names
  // The provinces whose own rules, sources and cities' names come apart from this set, in parts
  // not added yet (the page's first download: write_policy_parts); empty for a whole set. A
  // request that names a place in one is refused (rules_not_loaded), never answered without them.
  std::vector<std::string> provinces_apart;
  // Whether the messages are only those a first answer needs, the rest apart in a texts part
  // (write_policy_parts with first texts: the calculator page's first download). A look-up that
  // misses meanwhile sets `text_missed`, and evaluate() then answers with an error rather than
  // with a key for a text: the page adds the texts part and asks again. The flag is the set's
  // own, reset by each evaluate() (a set is evaluated by one caller at a time: the page's module
  // is single-threaded); evaluate_request() and to_json() called by hand do not look at it.
  bool texts_apart = false;
  mutable bool text_missed = false;

  // Fills message_index from messages (after loading or reading an image).
  void index_messages();
  // The message under `key`, or null. `optional`: a look-up whose miss is an answer too (a word
  // the catalogue may or may not have), which never sets text_missed.
  const LocalText* message(std::string_view key, bool optional = false) const;

  // Whether the province of `code` (a 6-digit division) is one of provinces_apart.
  bool apart(std::string_view code) const;

  bool has_texts_in(Lang lang) const {
    return std::find(languages.begin(), languages.end(), lang) != languages.end();
  }

  const RegionPolicy& national() const { return regions.at(std::string(kNationalCode)); }
  static constexpr std::string_view kNationalCode = "000000";
};

struct PolicyFile {
  std::string path;  // relative to the policy directory, e.g. "regions/110000.json"
  std::string text;
};

// A problem in the policy files, for the maintainer who fixes it: where (file, JSON Pointer, line
// and column), what kind of problem (a stable id, e.g. "policy.missing_sources", that tests and
// tools may rely on), and in words.
struct PolicyProblem {
  std::string file;
  std::string pointer;  // JSON Pointer inside `file`; "" for the whole file
  std::string message;
  std::string id;
  std::size_t line = 0;  // from 1; 0 where the file has no text to point into
  std::size_t column = 0;
};

struct PolicyLoad {
  std::unique_ptr<const PolicySet> policies;  // null when there are problems
  std::vector<PolicyProblem> problems;
};

// Validates everything and lists every problem; never throws.
PolicyLoad load_policies(const std::vector<PolicyFile>& files);

// The policy files compiled into the binary at build time.
const std::vector<PolicyFile>& embedded_policy_files();

// The embedded files loaded; null where none are embedded (the WebAssembly build).
std::unique_ptr<const PolicySet> embedded_policies();

// The set evaluate() uses by default: the embedded one, loaded once, unless another was
// installed. Null if there is none (the WebAssembly build embeds none until the page installs the
// image it downloads) or the embedded data is invalid (the build checks it is not).
// Sets are owned here, not shared (std::shared_ptr would link libc++abi's type_info search into
// the module): installing a set frees the one installed before, never the embedded one, which
// use_embedded_policies() makes the default again.
const PolicySet* default_policies();
void install_policies(std::unique_ptr<PolicySet> policies);
void use_embedded_policies();
// The installed set, to add parts to (add_policy_part); null if none is installed.
PolicySet* installed_policies();

// The whole set as one text, as the build writes it for the page: for each file a line with its
// path, then a line with its JSON. A malformed bundle is reported as a problem of "(bundle)".
std::vector<PolicyFile> read_policy_bundle(std::string_view bundle,
                                           std::vector<PolicyProblem>& problems);

// Reads version.json, sources.json, messages.json, vocabulary.json, divisions.json and
// regions/*.json from `dir`. A file that cannot be read is reported as a problem.
std::vector<PolicyFile> read_policy_dir(const std::string& dir,
                                        std::vector<PolicyProblem>& problems);

std::string describe(const PolicyProblem& problem);

// The policy image: a loaded set as compact bytes (core/src/policy_image.hpp has the format), for
// the page to install without parsing JSON. The same set always gives the same bytes.
std::string write_policy_image(const PolicySet& set);

// Reads an image; a damaged, truncated or foreign one gives null and why, never a crash.
struct PolicyImageRead {
  std::unique_ptr<PolicySet> policies;
  std::string error;
};
PolicyImageRead read_policy_image(std::string_view image);

// The set split for the page's first download: the base (the national layer, the messages, the
// vocabulary, the provinces' names and the sources the national layer cites; its provinces_apart
// lists the rest) and one part for each province with cities or rules of its own (their rules, the
// sources only they cite, the cities' names), as images. The base and every part added give the
// answers of the whole set, byte for byte; the base and the parts a request's places need give
// that request's answer.
//
// With `first_texts`, the base's messages are only those keys (those a first answer looks up) and
// the rest are one more part, `texts` (its set's texts_apart says so until it is added).
struct PolicyParts {
  std::string base;
  std::vector<std::pair<std::string, std::string>> parts;  // province code -> image, in code order
  std::string texts;  // the messages apart from the base; "" without first_texts
};
PolicyParts write_policy_parts(const PolicySet& set,
                               const std::vector<std::string>* first_texts = nullptr);

// Adds a part's image to `set`: its province must be apart in `set` (or, for the texts part, its
// texts) and the part of the same rules version. A part whose province was added already is
// skipped. The province added ("" if skipped),
// or why not, with `set` unchanged.
struct PolicyPartAdded {
  bool ok = false;
  std::string province;
  std::string error;
};
PolicyPartAdded add_policy_part(PolicySet& set, std::string_view image);

// A copy of `set` whose texts are in `lang` only (the other language's are empty), for the page's
// first download: the rules whole, the answers' texts in one language. Kept in both languages:
// request errors (`error.*`, which are given in the request's own language) and place names (the
// region picker finds a place by either). Null only if `set` does not go through an image.
std::unique_ptr<const PolicySet> with_texts_in(const PolicySet& set, Lang lang);

// Whether `key` is a message only household plans use: the plan's sentences ("plan.") and the
// third-person forms for a named holder ("third."). The calculator page's rules leave them out.
bool is_planner_text(std::string_view key);
// A copy of `set` without those messages, for the calculator page's first download (its module
// has no planner; the whole module refuses a household request with such rules, error at
// /household). Null only if `set` does not go through an image.
std::unique_ptr<const PolicySet> without_planner_texts(const PolicySet& set);

// The JSON Schema of a region file (policies/policy.schema.json), from the rule kinds.
std::string policy_schema();

}  // namespace gongji
