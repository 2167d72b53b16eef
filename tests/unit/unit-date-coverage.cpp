// For every policy file and rule, on a grid of dates from 2021 to 2027, at most one value of a file
// is in force, and the national layer has one from its first: no gap, no overlap, whatever the
// region.
#include <doctest/doctest.h>

#include <algorithm>

#include "gongji/policy.hpp"

using namespace gongji;

TEST_CASE("no rule of any region has a gap or an overlap on any day 2021-2027") {
  const PolicySet& policies = *default_policies();
  const Date first = *parse_date("2021-01-01");
  const Date last = *parse_date("2027-12-31");
  int checked = 0;
  for (const auto& [code, region] : policies.regions) {
    for (const auto& [key, entries] : region.rules) {
      const std::string file = region.file;  // named copies: CAPTURE cannot capture bindings
      const std::string rule = key;
      CAPTURE(file);
      CAPTURE(rule);
      for (Date day = first; day <= last; day = add_days(day, 1)) {
        int in_force = 0;
        for (const RuleEntry& entry : entries) in_force += entry.covers(day) ? 1 : 0;
        CHECK(in_force <= 1);
        // The nation has a value from its first entry on (the loader checks that the kinds every
        // answer needs start on 1900-01-01; the wallet's circle starts with the wallet).
        if (code == PolicySet::kNationalCode && day >= entries.front().from) CHECK(in_force == 1);
        // Within a file's own span every day has its value, except in a gap before a value
        // known only since its first day (the next layer answers there).
        const auto next = std::find_if(entries.begin(), entries.end(),
                                       [&](const RuleEntry& entry) { return entry.from > day; });
        const bool gap_allowed =
            next != entries.end() && next->known_since && *next->known_since == next->from;
        if (day >= entries.front().from &&
            (!entries.back().until || day <= *entries.back().until) && !gap_allowed) {
          CHECK(in_force == 1);
        }
        ++checked;
      }
    }
  }
  CHECK(checked > 100000);
}
