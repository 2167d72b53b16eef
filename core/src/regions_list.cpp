#include "gongji/evaluate.hpp"

namespace gongji {

std::string regions_json(const PolicySet& policies) {
  Json list = Json::array();
  for (const auto& [code, name] : policies.divisions) {
    // The most specific layer that states at least one rule of its own.
    auto has_rules = [&](const std::string& layer) {
      const auto found = policies.regions.find(layer);
      return found != policies.regions.end() && !found->second.rules.empty();
    };
    const bool is_city = code.compare(2, 4, "0000") != 0;
    std::string coverage = "national";
    if (is_city && has_rules(code)) {
      coverage = "city";
    } else if (has_rules(code.substr(0, 2) + "0000")) {
      coverage = "province";
    }
    list.push_back({{"code", code}, {"name", name}, {"coverage", coverage}});
  }
  return list.dump();
}

std::string regions_json() {
  try {
    const auto policies = default_policies();
    return policies ? regions_json(*policies) : "[]";
  } catch (...) {
    return "[]";
  }
}

}  // namespace gongji
