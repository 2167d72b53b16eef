// The policy image: a loaded PolicySet as compact bytes, written at build time by `gongji image`
// and installed by the WebAssembly module without parsing JSON (policy_image_write.cpp,
// policy_image_read.cpp).
//
// Layout: a 16-byte header, then the body.
//   0  magic "GJPI"
//   4  format version (kPolicyImageFormat), 4 bytes little-endian
//   8  body length in bytes, 4 bytes little-endian
//  12  FNV-1a (32-bit) of the body, 4 bytes little-endian
//  16  body: the rules version, then the set's fields in the order `fields` below lists them.
// Inside the body a count, size or integer is a LEB128 varint (signed ones zigzagged), a flag one
// byte 0 or 1, a text its byte count and its UTF-8 bytes, an optional a flag and the value, a map
// its size and its pairs in key order, a rule value its alternative's index in RuleValue and the
// value. Nothing depends on addresses or padding, and maps are ordered: the same set gives the
// same bytes.
//
// The format is written once: each type has one `fields` function, which the writer and the reader
// both run (an archive `a` writes or reads each field it is given). A new rule value type is one
// more `fields` overload; a new enumeration one more `enum_count`.
#pragma once

#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "fnv1a.hpp"
#include "gongji/policy.hpp"

namespace gongji::detail {

inline constexpr std::array<char, 4> kPolicyImageMagic{'G', 'J', 'P', 'I'};
inline constexpr std::array<char, 4> kPolicyPartMagic{'G', 'J', 'P', 'P'};  // a province's part
inline constexpr uint32_t kPolicyImageFormat = 6;  // 2: the languages of its texts; 3: a
                                                   // source's region and original in both; 4: the
                                                   // provinces apart, and parts; 5: notes' topics;
                                                   // 6: texts apart, and their part
inline constexpr std::size_t kPolicyImageHeader = 16;

// How many values each enumeration has: the reader refuses any other.
constexpr std::size_t enum_count(Lang) {
  return kLangNames.size();
}
constexpr std::size_t enum_count(Relation) {
  return kRelationNames.size();
}
constexpr std::size_t enum_count(ChannelKind) {
  return kChannelKindNames.size();
}
constexpr std::size_t enum_count(ShareablePart) {
  return kShareablePartNames.size();
}
constexpr std::size_t enum_count(PoolingUnit) {
  return kPoolingUnitNames.size();
}
constexpr std::size_t enum_count(CapScope) {
  return kCapScopeNames.size();
}
constexpr std::size_t enum_count(HolderOrder) {
  return kHolderOrderNames.size();
}
constexpr std::size_t enum_count(WalletState) {
  return kWalletStateNames.size();
}
constexpr std::size_t enum_count(NoteFor) {
  return kNoteForNames.size();
}

// Every overload, declared before any is defined, so that each finds the others whatever the
// order of their definitions below.
template <typename A>
void fields(A& a, bool& value);
template <typename A>
void fields(A& a, int64_t& value);
template <typename A>
void fields(A& a, std::string& value);
template <typename A>
void fields(A& a, Date& date);
template <typename A, typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
void fields(A& a, E& value);
template <typename A, typename T>
void fields(A& a, std::optional<T>& value);
template <typename A, typename T>
void fields(A& a, std::vector<T>& list);
template <typename A, typename T, std::size_t N>
void fields(A& a, std::array<T, N>& list);
template <typename A, typename T, typename U>
void fields(A& a, std::pair<T, U>& pair);
template <typename A, typename T>
void fields(A& a, std::map<std::string, T, std::less<>>& map);
template <typename A>
void fields(A& a, RuleValue& value);
template <typename A>
void fields(A& a, LocalText& text);
template <typename A>
void fields(A& a, Relations& relations);
template <typename A, typename Enum, std::size_t N>
void fields(A& a, AccountFlags<Enum, N>& flags);
template <typename A>
void fields(A& a, Tiers& tiers);
template <typename A>
void fields(A& a, ShareAbove& above);
template <typename A>
void fields(A& a, Pooling& pooling);
template <typename A>
void fields(A& a, WalletLimits& limits);
template <typename A>
void fields(A& a, MemberCapTotal& total);
template <typename A>
void fields(A& a, Use& use);
template <typename A>
void fields(A& a, ChannelRule& channel);
template <typename A>
void fields(A& a, Note& note);
template <typename A>
void fields(A& a, RuleEntry& entry);
template <typename A>
void fields(A& a, RegionPolicy& region);
template <typename A>
void fields(A& a, Source& source);
template <typename A>
void fields(A& a, Vocabulary& vocabulary);
template <typename A>
void fields(A& a, PolicySet& set);
struct PolicyPart;
template <typename A>
void fields(A& a, PolicyPart& part);

// Values the archive writes or reads itself: flags, integers, texts, dates.
template <typename A>
void fields(A& a, bool& value) {
  a.flag(value);
}
template <typename A>
void fields(A& a, int64_t& value) {
  a.integer(value);
}
template <typename A>
void fields(A& a, std::string& value) {
  a.text(value);
}
template <typename A>
void fields(A& a, Date& date) {
  int64_t days = date.days;
  a.integer(days);
  a.check(days >= INT32_MIN && days <= INT32_MAX);
  date.days = static_cast<int32_t>(days);
}
template <typename A, typename E, std::enable_if_t<std::is_enum_v<E>, int>>
void fields(A& a, E& value) {
  a.choice(value, enum_count(E{}));
}

// Containers, in terms of their items.
template <typename A, typename T>
void fields(A& a, std::optional<T>& value) {
  bool present = value.has_value();
  a.flag(present);
  if (present && !value) value.emplace();
  if (present) fields(a, *value);
}
template <typename A, typename T>
void fields(A& a, std::vector<T>& list) {
  std::size_t size = list.size();
  a.count(size);
  list.resize(size);  // the reader bounds `size` by the bytes left: every item takes one or more
  for (T& item : list) {
    if (!a.ok()) return;
    fields(a, item);
  }
}
template <typename A, typename T, std::size_t N>
void fields(A& a, std::array<T, N>& list) {
  for (T& item : list) fields(a, item);
}
template <typename A, typename T, typename U>
void fields(A& a, std::pair<T, U>& pair) {
  fields(a, pair.first);
  fields(a, pair.second);
}
template <typename A, typename T>
void fields(A& a, std::map<std::string, T, std::less<>>& map) {
  a.map(map);
}
template <typename A>
void fields(A& a, RuleValue& value) {
  a.alternative(value);
}

// Several fields in order.
template <typename A, typename... T>
void each(A& a, T&... values) {
  (fields(a, values), ...);
}

// The rule value types (gongji/rule_values.hpp).
template <typename A>
void fields(A& a, LocalText& text) {
  each(a, text.zh, text.en);
}
template <typename A>
void fields(A& a, Relations& relations) {
  each(a, relations.list);
}
template <typename A, typename Enum, std::size_t N>
void fields(A& a, AccountFlags<Enum, N>& flags) {
  each(a, flags.has);
}
template <typename A>
void fields(A& a, Tiers& tiers) {
  each(a, tiers.list);
}
template <typename A>
void fields(A& a, ShareAbove& above) {
  each(a, above.of_wage, above.fen, above.wage_percent, above.wage_fen);
}
template <typename A>
void fields(A& a, Pooling& pooling) {
  each(a, pooling.unit, pooling.assumed_separate);
}
template <typename A>
void fields(A& a, WalletLimits& limits) {
  each(a, limits.per_transfer_fen, limits.transfers_per_day, limits.closed_from,
       limits.closed_until);
}
template <typename A>
void fields(A& a, MemberCapTotal& total) {
  each(a, total.cap);
}
template <typename A>
void fields(A& a, Use& use) {
  each(a, use.allowed, use.designated_only);
}
template <typename A>
void fields(A& a, ChannelRule& channel) {
  each(a, channel.id, channel.kind, channel.name, channel.steps);
}
template <typename A>
void fields(A& a, Note& note) {
  each(a, note.text, note.audience, note.topic);
}

// The set around them (gongji/policy.hpp).
template <typename A>
void fields(A& a, RuleEntry& entry) {
  each(a, entry.from, entry.until, entry.typed, entry.sources, entry.third_party_only, entry.note,
       entry.known_since, entry.known_since_precision, entry.unconfirmed, entry.unconfirmed_parts);
  a.size(entry.index);
}
template <typename A>
void fields(A& a, RegionPolicy& region) {
  each(a, region.code, region.file, region.name, region.last_reviewed, region.rules,
       region.unknown);
}
template <typename A>
void fields(A& a, Source& source) {
  each(a, source.id, source.title, source.url, source.date, source.reliability, source.copy_of,
       source.region);
}
template <typename A>
void fields(A& a, Vocabulary& vocabulary) {
  each(a, vocabulary.words, vocabulary.json);
}
template <typename A>
void fields(A& a, PolicySet& set) {
  each(a, set.version, set.languages);
  a.check(!set.languages.empty() && set.languages.size() <= kLangNames.size());
  each(a, set.sources, set.messages, set.vocabulary, set.regions, set.divisions,
       set.provinces_apart, set.texts_apart);
}

// One province's part of a split set (write_policy_parts): what the base leaves out for it.
struct PolicyPart {
  std::string version;   // the rules version of the base it belongs to
  std::string province;  // e.g. "410000"
  std::map<std::string, Source, std::less<>> sources;
  std::map<std::string, RegionPolicy, std::less<>> regions;  // the province's and its cities'
  std::map<std::string, LocalText, std::less<>> divisions;   // its cities' names
  // The texts part's ("" its province): the messages its base left out.
  std::map<std::string, LocalText, std::less<>> messages;
};
template <typename A>
void fields(A& a, PolicyPart& part) {
  each(a, part.version, part.province, part.sources, part.regions, part.divisions, part.messages);
}

// The 16-byte header around a body (magic, format, length, checksum), and the body of an image
// with that magic or why not.
std::string seal_image(const std::array<char, 4>& magic, const std::string& body);
struct ImageBody {
  std::string_view body;
  std::string error;  // "" when `body` is the image's
};
ImageBody unseal_image(std::string_view image, const std::array<char, 4>& magic);

// An image read into a set of one's own (read_policy_image gives it as const), or why not.
struct ImageSet {
  std::unique_ptr<PolicySet> policies;
  std::string error;
};
ImageSet read_image_set(std::string_view image);

// A part written as an image, and read back: a damaged one gives null and why.
std::string write_part_image(const PolicyPart& part);
struct ImagePart {
  std::unique_ptr<PolicyPart> part;
  std::string error;
};
ImagePart read_part_image(std::string_view image);
// Whether `part` may be added to `set`: the same rules version, its places within its province,
// its rules valid and every source they cite in the part or the set (add_policy_part checks that
// the province is apart). "" or why not.
std::string check_part(const PolicyPart& part, const PolicySet& set);

}  // namespace gongji::detail
