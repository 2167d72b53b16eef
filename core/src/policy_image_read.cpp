// Reading a policy image (policy_image.hpp) into a PolicySet: every read is bounds-checked, so a
// truncated or damaged image is an error, never a crash or a read past its end.
#include <limits>

#include "integer_text.hpp"
#include "policy_image.hpp"
#include "rule_kinds.hpp"
#include "utf8.hpp"

namespace gongji {
namespace detail {
namespace {

uint32_t little_endian(std::string_view bytes, std::size_t at) {
  uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

class ImageReader {
 public:
  explicit ImageReader(std::string_view body) : bytes_(body) {}

  bool ok() const { return ok_; }
  bool at_end() const { return at_ == bytes_.size(); }
  std::size_t at() const { return at_; }

  void flag(bool& value) {
    uint64_t raw = 0;
    if (varint(raw)) value = raw == 1;
    check(raw <= 1);
  }
  void integer(int64_t& value) {
    uint64_t raw = 0;
    if (!varint(raw)) return;
    value = static_cast<int64_t>(raw >> 1) ^ -static_cast<int64_t>(raw & 1);
  }
  // A count of items, each at least one byte: never more than the bytes left.
  void count(std::size_t& size) {
    uint64_t raw = 0;
    if (varint(raw)) check(raw <= bytes_.size() - at_);
    size = ok_ ? static_cast<std::size_t>(raw) : 0;
  }
  void size(std::size_t& value) {
    uint64_t raw = 0;
    if (varint(raw)) check(raw <= std::numeric_limits<uint32_t>::max());
    value = ok_ ? static_cast<std::size_t>(raw) : 0;
  }
  // Well-formed UTF-8 only: every text may reach an answer, which must stay valid JSON.
  void text(std::string& value) {
    std::size_t size = 0;
    count(size);
    if (ok_) check(well_formed_utf8(bytes_.substr(at_, size)));
    if (!ok_) return;
    value.assign(bytes_.data() + at_, size);
    at_ += size;
  }
  template <typename E>
  void choice(E& value, std::size_t count) {
    uint64_t raw = 0;
    if (varint(raw)) check(raw < count);
    if (ok_) value = static_cast<E>(raw);
  }
  // Keys strictly in order, as the writer's maps give them: a repeated or misplaced key is damage.
  template <typename T>
  void map(std::map<std::string, T, std::less<>>& map) {
    std::size_t size = 0;
    count(size);
    for (std::size_t i = 0; i < size && ok_; ++i) {
      std::string key;
      text(key);
      check(map.empty() || map.rbegin()->first < key);
      T value{};
      if (ok_) fields(*this, value);
      if (ok_) map.emplace_hint(map.end(), std::move(key), std::move(value));
    }
  }
  void alternative(RuleValue& value) {
    uint64_t index = 0;
    if (varint(index)) check(index < std::variant_size_v<RuleValue>);
    if (ok_) emplace(value, index, std::make_index_sequence<std::variant_size_v<RuleValue>>{});
  }
  void check(bool condition) { ok_ = ok_ && condition; }

 private:
  // LEB128, in its shortest form only (so that a read image writes back to the same bytes).
  bool varint(uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; ok_ && shift < 64; shift += 7) {
      check(at_ < bytes_.size());
      if (!ok_) break;
      const auto byte = static_cast<unsigned char>(bytes_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        check(byte != 0 || shift == 0);  // no trailing zero group
        check(shift < 63 || byte <= 1);  // no bits past 64
        return ok_;
      }
    }
    check(false);
    return false;
  }
  template <std::size_t... I>
  void emplace(RuleValue& value, uint64_t index, std::index_sequence<I...>) {
    static_cast<void>(((index == I ? (fields(*this, value.emplace<I>()), true) : false) || ...));
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

// Dates as the loader leaves them: each value's `until` derived up to the next `from`, no overlap,
// and in the national layer no gap.
bool dates_follow(const std::vector<RuleEntry>& entries, bool national) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const RuleEntry& entry = entries[i];
    if (entry.until && *entry.until < entry.from) return false;
    if (i + 1 == entries.size()) break;
    const Date next = entries[i + 1].from;
    if (!entry.until || !(*entry.until < next)) return false;
    if (national && add_days(*entry.until, 1) != next) return false;
  }
  return true;
}

using Sources = std::map<std::string, Source, std::less<>>;

// One region's rules as evaluation takes them for granted: every rule of a kind with its kind's
// type, at least one value, dates that follow each other, and every cited source in `sources` or
// `more`. "" or why not.
std::string check_region(const std::string& code, const RegionPolicy& region,
                         const Sources& sources, const Sources& more) {
  if (region.code != code) return "region " + code + " is filed under another code";
  for (const auto& [key, entries] : region.rules) {
    const RuleKind* kind = rule_kind(key);
    if (!kind || entries.empty() || !dates_follow(entries, code == PolicySet::kNationalCode)) {
      return "region " + code + ": rule " + key + " is not valid";
    }
    for (const RuleEntry& entry : entries) {
      if (entry.typed.index() != kind->value_type) {
        return "region " + code + ": rule " + key + " has a value of another type";
      }
      for (const std::string& source : entry.sources) {
        if (!sources.count(source) && !more.count(source)) {
          return "region " + code + ": unknown source " + source;
        }
      }
    }
  }
  return "";
}

bool is_province(std::string_view code) {
  return code.size() == 6 && code != PolicySet::kNationalCode && code.substr(2) == "0000";
}

// What evaluation takes for granted of a loaded set, checked again for one read from bytes: the
// national layer, each province apart named and holding nothing here yet, every region valid
// (check_region), and every rule the national layer must state for every day from 1900-01-01 on.
std::string check_set(const PolicySet& set) {
  const auto national = set.regions.find(PolicySet::kNationalCode);
  if (national == set.regions.end()) return "the national layer is missing";
  for (const std::string& province : set.provinces_apart) {
    if (!is_province(province) || !set.divisions.count(province)) {
      return "province apart " + province + " is not a province";
    }
  }
  for (const auto& [code, region] : set.regions) {
    if (set.apart(code)) return "region " + code + " is in a province apart";
  }
  for (const auto& [code, name] : set.divisions) {
    if (code.substr(2) != "0000" && set.apart(code)) {
      return "division " + code + " is in a province apart";
    }
  }
  for (const auto& [code, region] : set.regions) {
    if (std::string why = check_region(code, region, set.sources, set.sources); !why.empty()) {
      return why;
    }
  }
  for (const std::string& key : required_rule_keys()) {
    const auto rule = national->second.rules.find(key);
    if (rule == national->second.rules.end() ||
        date_from_ymd(1900, 1, 1) < rule->second.front().from || rule->second.back().until) {
      return "the national layer lacks rule " + key + " on some day";
    }
  }
  return "";
}

}  // namespace

ImageBody unseal_image(std::string_view image, const std::array<char, 4>& magic) {
  const auto failed = [](std::string why) {
    return ImageBody{{}, "not a usable policy image: " + std::move(why)};
  };
  if (image.size() < kPolicyImageHeader) return failed("shorter than its header");
  if (image.substr(0, 4) != std::string_view(magic.data(), 4)) return failed("wrong magic number");
  const uint32_t format = little_endian(image, 4);
  if (format != kPolicyImageFormat) {
    return failed("format " + integer_text(format) + ", this build reads format " +
                  integer_text(kPolicyImageFormat));
  }
  const std::string_view body = image.substr(kPolicyImageHeader);
  if (little_endian(image, 8) != body.size()) return failed("truncated or too long");
  if (little_endian(image, 12) != fnv1a(body)) return failed("checksum mismatch");
  return ImageBody{body, ""};
}

namespace {

// Reads `value` from the whole of `body`; "" or where it is malformed.
template <typename T>
std::string read_body(std::string_view body, T& value) {
  ImageReader reader(body);
  fields(reader, value);
  if (reader.ok() && reader.at_end()) return "";
  return "not a usable policy image: malformed at byte " +
         integer_text(kPolicyImageHeader + reader.at());
}

}  // namespace

ImageSet read_image_set(std::string_view image) {
  ImageBody sealed = unseal_image(image, kPolicyImageMagic);
  if (!sealed.error.empty()) return ImageSet{nullptr, std::move(sealed.error)};
  auto set = std::make_unique<PolicySet>();
  if (std::string why = read_body(sealed.body, *set); !why.empty()) return ImageSet{nullptr, why};
  if (std::string why = check_set(*set); !why.empty()) {
    return ImageSet{nullptr, "not a usable policy image: " + why};
  }
  set->index_messages();
  return ImageSet{std::move(set), ""};
}

ImagePart read_part_image(std::string_view image) {
  ImageBody sealed = unseal_image(image, kPolicyPartMagic);
  if (!sealed.error.empty()) return ImagePart{nullptr, std::move(sealed.error)};
  auto part = std::make_unique<PolicyPart>();
  if (std::string why = read_body(sealed.body, *part); !why.empty()) {
    return ImagePart{nullptr, why};
  }
  return ImagePart{std::move(part), ""};
}

std::string check_part(const PolicyPart& part, const PolicySet& set) {
  if (part.version != set.version) {
    return "the part is of rules " + part.version + ", the set of " + set.version;
  }
  // The texts part has no province (and so no regions, cities or sources), and its texts are in
  // the languages of the set it completes; a province's part has no messages.
  if (part.province.empty()) {
    if (!part.sources.empty()) return "a texts part with sources";
    for (const auto& [key, text] : part.messages) {
      for (Lang lang : set.languages) {
        if (text.in(lang).empty()) return "text " + key + " is not in the set's languages";
      }
    }
  } else if (!is_province(part.province)) {
    return "the part's province " + part.province + " is not one";
  } else if (!part.messages.empty()) {
    return "a province's part with messages";
  }
  const auto within = [&](const std::string& code) {
    return code.size() == 6 && code.compare(0, 2, part.province, 0, 2) == 0;
  };
  for (const auto& [code, region] : part.regions) {
    if (!within(code)) return "region " + code + " is not in province " + part.province;
    if (std::string why = check_region(code, region, part.sources, set.sources); !why.empty()) {
      return why;
    }
  }
  for (const auto& [code, name] : part.divisions) {
    if (!within(code) || code == part.province) {
      return "division " + code + " is not a city of province " + part.province;
    }
  }
  return "";
}

}  // namespace detail

PolicyImageRead read_policy_image(std::string_view image) {
  detail::ImageSet read = detail::read_image_set(image);
  return PolicyImageRead{std::move(read.policies), std::move(read.error)};
}

}  // namespace gongji
