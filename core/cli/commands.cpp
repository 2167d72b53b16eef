#include "commands.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "gongji/evaluate.hpp"

namespace gongji::cli {
namespace {

bool read_all(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

}  // namespace

int run_eval(const PolicySet& policies, const std::string& input) {
  std::string text;
  if (!read_all(input, text)) {
    std::cerr << "gongji: cannot read " << input << "\n";
    return 2;
  }
  std::cout << evaluate(text, policies, today_in_china()) << "\n";
  return 0;
}

int run_check(const std::vector<PolicyFile>& files, std::vector<PolicyProblem> read_problems) {
  const PolicyLoad load = load_policies(files);
  std::vector<PolicyProblem> problems = std::move(read_problems);
  problems.insert(problems.end(), load.problems.begin(), load.problems.end());
  for (const auto& problem : problems) std::cout << describe(problem) << "\n";
  if (!problems.empty()) {
    std::cout << problems.size() << " problem(s) found\n";
    return 1;
  }
  std::cout << "policies OK: version " << load.policies->version << ", "
            << load.policies->regions.size() << " policy files, " << load.policies->sources.size()
            << " sources\n";
  return 0;
}

int run_schema_check(const std::string& file) {
  std::string text;
  if (!read_all(file, text)) {
    std::cerr << "gongji: cannot read " << file << "\n";
    return 2;
  }
  if (text != policy_schema()) {
    std::cout << file << " is not the schema the rule kinds give; write it again with\n"
              << "  build/native/gongji schema > " << file << "\n";
    return 1;
  }
  std::cout << file << " is current\n";
  return 0;
}

int run_regions(const PolicySet& policies, bool as_json) {
  const Json list = Json::parse(regions_json(policies));
  if (as_json) {
    std::cout << list.dump() << "\n";
    return 0;
  }
  for (const Json& region : list) {
    std::cout << region["code"].get<std::string>() << "\t" << region["name"].get<std::string>()
              << "\t" << region["coverage"].get<std::string>() << "\n";
  }
  return 0;
}

bool matches(const Json& expected, const Json& actual, const std::string& path, std::string& why) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      why = path + ": expected an object, got " + actual.dump();
      return false;
    }
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) {
        why = path + "/" + key + ": missing";
        return false;
      }
      if (!matches(value, actual.at(key), path + "/" + key, why)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      why = path + ": expected an array of " + std::to_string(expected.size()) + ", got " +
            (actual.is_array() ? std::to_string(actual.size()) + " items" : actual.dump());
      return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (!matches(expected[i], actual[i], path + "/" + std::to_string(i), why)) return false;
    }
    return true;
  }
  if (expected != actual) {
    why = path + ": expected " + expected.dump() + ", got " + actual.dump();
    return false;
  }
  return true;
}

}  // namespace gongji::cli
