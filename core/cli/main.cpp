// gongji — the policy core on the command line, for policy maintainers and test harnesses.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "image.hpp"

namespace {

constexpr const char* kUsage = R"(usage: gongji [--policies DIR] COMMAND [ARGS]

commands:
  eval [FILE|-]        evaluate one request (JSON) and print the response; exit 0 also for ok:false
  check [DIR]          validate a policy directory (default: the embedded set); list every problem
  regions [--json]     list every region code with its name and coverage level
  explain REGION KEY DATE
                       which layer's value of rule KEY applies in REGION on DATE (city, province
                       or national), its dates and sources, and why the other layers' do not
  test [-v] PATH...    run case files (the contract's examples format; one case, or several as
                       {"cases": [...]}) and print "C cases in F files", "N passed, M failed"
  schema [--check FILE]
                       print the JSON Schema of a region file (policies/policy.schema.json), made
                       from the rule kinds; --check: exit 1 unless FILE holds exactly that text
  image OUT [LANG]     write the policy image (the rules as the page installs them, prebuilt) to OUT;
                       with LANG (zh-CN or en), its texts in that language only (the page's first
                       download; request errors and place names stay in both)
  parts DIR [FIRST_ANSWERS]
                       write the rules split by province into DIR: a base for each language
                       (zh-CN.bin, en.bin; zh-CN.calculator.bin, en.calculator.bin without the
                       household plan's texts), each province's part (110000.bin, ...), all.bin;
                       with FIRST_ANSWERS (wasm/first-answers.json), the calculator's bases keep
                       only the texts those answers need, the rest in LANG.calculator.texts.bin
  golden CASES STORED [--update]
                       compare every case's whole answers (zh and en) with those stored in STORED,
                       byte for byte; --update writes them (only for a deliberate change)

options:
  --policies DIR       use the policy files in DIR instead of the embedded set
  --via-image          answer from the set written as a policy image and read back, as the page
                       does (eval, test, golden, regions)
  --via-parts          the same from the rules split by province, the base read back and every
                       part added
  --via-language-images
                       golden: answer each language from the image cut to that language's texts
)";

int usage_error(const std::string& message) {
  std::cerr << "gongji: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gongji;
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string policy_dir;
  bool via_image = false;
  bool via_language_images = false;
  bool via_parts = false;
  while (!args.empty() &&
         (args[0] == "--via-image" || args[0] == "--via-language-images" ||
          args[0] == "--via-parts" || (args.size() >= 2 && args[0] == "--policies"))) {
    if (args[0] == "--via-image" || args[0] == "--via-language-images" ||
        args[0] == "--via-parts") {
      (args[0] == "--via-image"   ? via_image
       : args[0] == "--via-parts" ? via_parts
                                  : via_language_images) = true;
      args.erase(args.begin());
      continue;
    }
    policy_dir = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());

  if (command == "schema") {
    if (args.empty()) {
      std::cout << policy_schema();
      return 0;
    }
    if (args.size() != 2 || args[0] != "--check") return usage_error("schema takes [--check FILE]");
    return cli::run_schema_check(args[1]);
  }

  std::vector<PolicyProblem> read_problems;
  std::vector<PolicyFile> files =
      policy_dir.empty() ? embedded_policy_files() : read_policy_dir(policy_dir, read_problems);
  if (command == "check") {
    if (!args.empty()) {
      read_problems.clear();
      files = read_policy_dir(args[0], read_problems);
    }
    return cli::run_check(files, read_problems);
  }

  const PolicyLoad load = load_policies(files);
  if (!load.policies || !read_problems.empty()) {
    for (const auto& problem : read_problems) std::cerr << describe(problem) << "\n";
    for (const auto& problem : load.problems) std::cerr << describe(problem) << "\n";
    std::cerr << "gongji: the policy set is invalid; run `gongji check` for details\n";
    return 2;
  }
  if (command == "image") {
    if (args.empty() || args.size() > 2) return usage_error("image takes OUT [LANG]");
    if (args.size() == 1) return cli::write_image_file(*load.policies, args[0], std::cerr);
    return cli::write_language_image(*load.policies, args[0], args[1], std::cerr);
  }
  if (command == "parts") {
    if (args.empty() || args.size() > 2) return usage_error("parts takes DIR [FIRST_ANSWERS]");
    return cli::write_image_parts(*load.policies, args[0], args.size() == 2 ? args[1] : "",
                                  std::cerr);
  }
  if (command == "explain") {
    if (args.size() != 3) return usage_error("explain takes REGION KEY DATE");
    return cli::run_explain(*load.policies, files, args[0], args[1], args[2], std::cout);
  }
  std::unique_ptr<const PolicySet> read_back;
  if (via_image) read_back = cli::through_image(*load.policies, std::cerr);
  if (via_parts) read_back = cli::through_parts(*load.policies, std::cerr);
  const PolicySet* policies = via_image || via_parts ? read_back.get() : load.policies.get();
  if (!policies) return 2;
  if (command == "eval") {
    if (args.size() > 1) return usage_error("eval takes one FILE or -");
    return cli::run_eval(*policies, args.empty() ? "-" : args[0]);
  }
  if (command == "regions")
    return cli::run_regions(*policies, !args.empty() && args[0] == "--json");
  if (command == "test") {
    const bool verbose = !args.empty() && args[0] == "-v";
    if (verbose) args.erase(args.begin());
    if (args.empty()) return usage_error("test needs at least one PATH");
    return cli::run_tests(*policies, args, verbose);
  }
  if (command == "golden") {
    const bool update = args.size() == 3 && args[2] == "--update";
    if (args.size() != 2 && !update) return usage_error("golden takes CASES STORED [--update]");
    if (!via_language_images)
      return cli::run_golden({*policies, *policies}, args[0], args[1], update);
    const auto zh = with_texts_in(*policies, Lang::zh_CN);
    const auto en = with_texts_in(*policies, Lang::en);
    if (!zh || !en) return 2;
    return cli::run_golden({*zh, *en}, args[0], args[1], update);
  }
  return usage_error("unknown command '" + command + "'");
}
