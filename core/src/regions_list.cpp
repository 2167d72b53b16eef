#include "gongji/evaluate.hpp"
#include "json_writer.hpp"

namespace gongji {
namespace {

// The tiers of the most specific layer that has tiers (深圳's 一档/二档/三档), as in its latest
// value: the page offers a tier choice only where the rules depend on one.
std::vector<std::string> latest_tiers(const PolicySet& policies, const std::string& code) {
  std::vector<std::string> tiers;
  for (const std::string& layer : {code, code.substr(0, 2) + "0000"}) {
    const auto region = policies.regions.find(layer);
    if (region == policies.regions.end()) continue;
    const auto rule = region->second.rules.find("tiers");
    if (rule == region->second.rules.end() || rule->second.empty()) continue;
    for (const auto& [tier, has_account] : rule->second.back().as<Tiers>().list) {
      tiers.push_back(tier);
    }
    if (!tiers.empty()) break;
  }
  return tiers;
}

}  // namespace

std::string regions_json(const PolicySet& policies) {
  // Written, not dumped: dump() would bring printf and its float formatting into the module.
  detail::JsonWriter list;
  list.begin_array();
  for (const auto& [code, names] : policies.divisions) {
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
    list.begin_object()
        .field("code", code)
        .field("name", names.zh)
        .field("name_en", names.en)
        .field("coverage", coverage);
    const std::vector<std::string> tiers = latest_tiers(policies, code);
    if (!tiers.empty()) list.key("tiers").strings(tiers);
    list.end_object();
  }
  return list.end_array().take();
}

std::string regions_json() {
  const auto policies = default_policies();
  return policies ? regions_json(*policies) : "[]";
}

}  // namespace gongji
