// Evaluates one family of bench/families.json a given number of times, for instruction counts:
// bench/callgrind.sh runs it under callgrind with 1 and 101 evaluations and reports the
// difference per evaluation (loading the rules and reading the file cancel out).
// `evaluate_times members-5-expenses-5 101`
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "gongji/evaluate.hpp"
#include "gongji/json.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: evaluate_times FAMILY TIMES\n";
    return 2;
  }
  std::ifstream in(GONGJI_SOURCE_DIR "/bench/families.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto families = nlohmann::json::parse(text.str(), nullptr, false);
  if (!families.is_object() || !families.contains(argv[1])) {
    std::cerr << "no family " << argv[1] << " in bench/families.json\n";
    return 2;
  }
  const std::string request = families[argv[1]].dump();
  const gongji::PolicySet& policies = *gongji::default_policies();
  const gongji::Date today = *gongji::parse_date("2026-06-01");
  std::size_t bytes = 0;
  for (long i = std::strtol(argv[2], nullptr, 10); i > 0; --i) {
    bytes += gongji::evaluate(request, policies, today).size();
  }
  std::cout << bytes << "\n";
  return 0;
}
