// A policy set split by province for the page's first download, and the parts added back
// (gongji/policy.hpp, write_policy_parts and add_policy_part). The first answer needs the national
// layer and the texts, and of the provinces only those its places are in: about a third of the
// whole set's bytes (README, "Performance").
#include <algorithm>

#include "policy_image.hpp"

namespace gongji {
namespace detail {
namespace {

std::string province_of(std::string_view code) {
  return std::string(code.substr(0, 2)) + "0000";
}

// The sources a region's rules cite.
void add_cited(const RegionPolicy& region, std::vector<std::string>& ids) {
  for (const auto& [key, entries] : region.rules) {
    for (const RuleEntry& entry : entries) {
      for (const std::string& id : entry.sources) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
    }
  }
}

template <typename T>
void moved_into(std::map<std::string, T, std::less<>>& to,
                std::map<std::string, T, std::less<>>& from) {
  for (auto& [key, value] : from) to.emplace_hint(to.end(), std::string(key), std::move(value));
}

}  // namespace
}  // namespace detail

PolicyParts write_policy_parts(const PolicySet& whole,
                               const std::vector<std::string>* first_texts) {
  using namespace detail;
  ImageSet copy = read_image_set(write_policy_image(whole));  // a set is not copied otherwise
  if (!copy.policies) return {};
  PolicySet& base = *copy.policies;
  std::map<std::string, PolicyPart> parts;  // by province
  for (auto region = base.regions.begin(); region != base.regions.end();) {
    if (region->first == PolicySet::kNationalCode) {
      ++region;
      continue;
    }
    auto node = base.regions.extract(region++);
    parts[province_of(node.key())].regions.insert(std::move(node));
  }
  for (auto division = base.divisions.begin(); division != base.divisions.end();) {
    if (division->first.compare(2, 4, "0000") == 0) {
      ++division;
      continue;
    }
    auto node = base.divisions.extract(division++);
    parts[province_of(node.key())].divisions.insert(std::move(node));
  }
  // A source the national layer cites stays in the base; one only provinces cite goes to the part
  // of each that does.
  std::vector<std::string> national_cites;
  add_cited(base.national(), national_cites);
  std::vector<std::string> moved;
  for (auto& [province, part] : parts) {
    part.version = base.version;
    part.province = province;
    std::vector<std::string> cites;
    for (const auto& [code, region] : part.regions) add_cited(region, cites);
    for (const std::string& id : cites) {
      if (std::find(national_cites.begin(), national_cites.end(), id) != national_cites.end()) {
        continue;
      }
      part.sources.emplace(id, base.sources.at(id));
      moved.push_back(id);
    }
    base.provinces_apart.push_back(province);
  }
  for (const std::string& id : moved) base.sources.erase(id);
  PolicyPart texts;
  if (first_texts) {
    for (auto message = base.messages.begin(); message != base.messages.end();) {
      const bool first =
          std::find(first_texts->begin(), first_texts->end(), message->first) != first_texts->end();
      if (first) {
        ++message;
        continue;
      }
      texts.messages.insert(base.messages.extract(message++));
    }
    texts.version = base.version;
    base.texts_apart = true;
  }

  PolicyParts split{write_policy_image(base), {}, first_texts ? write_part_image(texts) : ""};
  for (const auto& [province, part] : parts) {
    split.parts.emplace_back(province, write_part_image(part));
  }
  return split;
}

PolicyPartAdded add_policy_part(PolicySet& set, std::string_view image) {
  using namespace detail;
  ImagePart read = read_part_image(image);
  if (!read.part) return {false, "", std::move(read.error)};
  PolicyPart& part = *read.part;
  const bool texts = part.province.empty();  // the texts part
  const auto apart =
      std::find(set.provinces_apart.begin(), set.provinces_apart.end(), part.province);
  const bool added = texts ? !set.texts_apart : apart == set.provinces_apart.end();
  // Added before (a texts part, whatever its version, once no texts are apart).
  if (added && (texts || part.version == set.version)) return {true, "", ""};
  if (added) {
    return {false, "", "not a part of this set: province " + part.province + " is not apart"};
  }
  if (std::string why = check_part(part, set); !why.empty()) {
    return {false, "", "not a usable policy part: " + why};
  }
  // As the image reader fills a map (the same code, not another std::map::merge per type); a
  // source also in the set (cited by two provinces) is kept once.
  moved_into(set.sources, part.sources);
  moved_into(set.regions, part.regions);
  moved_into(set.divisions, part.divisions);
  if (!part.messages.empty()) {
    moved_into(set.messages, part.messages);
    set.index_messages();
  }
  if (texts) {
    set.texts_apart = false;
  } else {
    set.provinces_apart.erase(apart);
  }
  return {true, part.province, ""};
}

}  // namespace gongji
