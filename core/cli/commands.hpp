// The `gongji` command's subcommands. Each returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "gongji/policy.hpp"

namespace gongji::cli {

int run_eval(const PolicySet& policies, const std::string& input);
int run_check(const std::vector<PolicyFile>& files, std::vector<PolicyProblem> read_problems);
int run_regions(const PolicySet& policies, bool as_json);
int run_tests(const PolicySet& policies, const std::vector<std::string>& paths, bool verbose);

// Whether `actual` contains `expected` as the contract's examples define it: objects as subsets,
// arrays element by element by position. On a mismatch `why` names the JSON Pointer and values.
bool matches(const Json& expected, const Json& actual, const std::string& path, std::string& why);

}  // namespace gongji::cli
