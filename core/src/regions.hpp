// Region codes: which policy layers apply to a GB/T 2260 code, and where it sits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongji/policy.hpp"

namespace gongji::detail {

struct ResolvedRegion {
  std::string asked;  // the code as given (a county-level city may be its own pooling area)
  std::string code;   // the most specific known division: the city (a prefecture, or a
                      // county-level city under the province), else the province
  const LocalText* name = nullptr;          // of `code`, in the policy set's divisions
  std::string province;                     // "410000"
  std::string city;                         // "410100" (may be unknown to the divisions table)
  std::vector<const RegionPolicy*> layers;  // national first, most specific last
};

// A code whose province is unknown names no region (nullopt). An unknown county falls back to its
// city, an unknown city to its province.
std::optional<ResolvedRegion> resolve_region(const PolicySet& policies, std::string_view code);

// Whether resolve_region would find a region for `code`, without building it.
bool region_known(const PolicySet& policies, std::string_view code);
// Whether the division `inner` (a layer's code, "000000" for the nation) lies in `outer` (a
// province or city code, or "" for the whole nation): the same code, or a city or county in it.
bool region_within(std::string_view inner, std::string_view outer);

}  // namespace gongji::detail
