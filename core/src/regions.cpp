#include "regions.hpp"

namespace gongji::detail {

bool region_known(const PolicySet& policies, std::string_view code) {
  if (code.size() != 6) return false;
  char province[] = {code[0], code[1], '0', '0', '0', '0'};
  return policies.divisions.find(std::string_view(province, sizeof province)) !=
         policies.divisions.end();
}

bool region_within(std::string_view inner, std::string_view outer) {
  if (outer.empty() || inner == outer) return true;
  if (outer.size() != 6 || inner.size() != 6 || inner == PolicySet::kNationalCode) return false;
  const std::size_t kept = outer.find_last_not_of('0') + 1;  // 41 of 410000, 4101 of 410100
  return kept <= 4 && inner.substr(0, kept) == outer.substr(0, kept);
}

std::optional<ResolvedRegion> resolve_region(const PolicySet& policies, std::string_view code) {
  if (!region_known(policies, code)) return std::nullopt;
  ResolvedRegion region;
  region.asked = std::string(code);
  region.province = std::string(code.substr(0, 2)) + "0000";
  region.city = std::string(code.substr(0, 4)) + "00";
  const auto province = policies.divisions.find(region.province);
  if (province == policies.divisions.end()) return std::nullopt;

  region.code = region.province;
  region.name = &province->second;
  if (const auto city = policies.divisions.find(region.city); city != policies.divisions.end()) {
    region.code = region.city;
    region.name = &city->second;
  } else if (const auto direct = policies.divisions.find(region.asked);
             direct != policies.divisions.end()) {
    // A county-level city the province administers directly: no prefecture above it.
    region.code = region.asked;
    region.name = &direct->second;
  }

  region.layers.push_back(&policies.national());
  for (const std::string& layer : {region.province, region.city, std::string(code)}) {
    const auto found = policies.regions.find(layer);
    const bool already = region.layers.back()->code == layer;
    if (found != policies.regions.end() && !already) region.layers.push_back(&found->second);
  }
  return region;
}

}  // namespace gongji::detail
