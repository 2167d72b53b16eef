// The `gongji` command's subcommands. Each returns the process exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "gongji/date.hpp"
#include "gongji/json.hpp"
#include "gongji/policy.hpp"

namespace gongji::cli {

int run_eval(const PolicySet& policies, const std::string& input);
int run_check(const std::vector<PolicyFile>& files, std::vector<PolicyProblem> read_problems);
int run_regions(const PolicySet& policies, bool as_json);
// Which layer's value of `key` applies in `region` on `date`, and why the others' do not, in
// words for a policy maintainer. 2 for a region or date it cannot read, 1 if no layer has a value.
// `files` are those `policies` were loaded from: the values are shown as they are written.
int run_explain(const PolicySet& policies, const std::vector<PolicyFile>& files,
                const std::string& region, const std::string& key, const std::string& date,
                std::ostream& out);
// Whether `file` holds the schema the rule kinds give; says how to regenerate it if not.
int run_schema_check(const std::string& file);
int run_tests(const PolicySet& policies, const std::vector<std::string>& paths, bool verbose);

// One case read: its name, its day (the default as_of) and its request as sent.
struct CaseInput {
  Json test;
  std::string name;
  Date today;
  std::string request;
  std::size_t index = 0;  // its position in a file of several cases
  std::string failure;    // why it is not a readable case; empty when it is
};
// A case file: one case, or several as {"cases": [...]}.
struct CaseFile {
  bool several = false;
  std::vector<CaseInput> cases;
  std::string failure;  // why the file as a whole cannot be read; empty when it can
};
CaseFile read_case_file(const std::string& file);
// The case files (*.json) named by `paths` (files, or directories searched recursively), sorted.
// Each path that does not exist is reported and counted in `unreadable`.
std::vector<std::string> case_files(const std::vector<std::string>& paths, int& unreadable);

// The set that answers in each language: one set for both, or each language's own cut
// (with_texts_in), as the page downloads them.
struct LanguageSets {
  const PolicySet& zh;
  const PolicySet& en;
  const PolicySet& in(bool english) const { return english ? en : zh; }
};

// Compares every case's whole answers (as written, and in the other language) with those stored
// under `golden_dir`, byte for byte; with `update`, writes them instead.
int run_golden(const LanguageSets& sets, const std::string& cases_dir,
               const std::string& golden_dir, bool update);

// Whether `actual` contains `expected` as the contract's examples define it: objects as subsets,
// arrays element by element by position. On a mismatch `why` names the JSON Pointer and values.
bool matches(const Json& expected, const Json& actual, const std::string& path, std::string& why);

}  // namespace gongji::cli
