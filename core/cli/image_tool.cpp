// gongji-image BUNDLE OUT [LANG] | BUNDLE --parts DIR: the policy bundle
// (cmake/write_embedded_policies.cmake) loaded, checked and written as the policy image the page
// installs (or split by province, as `gongji parts` writes it). The WebAssembly build, which makes
// no native `gongji`, builds this as a Node.js program from the same core (wasm/CMakeLists.txt), so
// that the image is written by the one implementation of its format.
#include <fstream>
#include <iostream>
#include <sstream>

#include "image.hpp"

int main(int argc, char** argv) {
  using namespace gongji;
  if (argc < 3 || argc > 5) {
    std::cerr << "usage: gongji-image BUNDLE OUT [LANG] | BUNDLE --parts DIR [FIRST_ANSWERS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream bundle;
  bundle << in.rdbuf();
  std::vector<PolicyProblem> problems;
  const std::vector<PolicyFile> files = read_policy_bundle(bundle.str(), problems);
  const PolicyLoad load = problems.empty() ? load_policies(files) : PolicyLoad{nullptr, problems};
  for (const PolicyProblem& problem : load.problems) std::cerr << describe(problem) << "\n";
  if (!load.policies) {
    std::cerr << "gongji-image: the policy set is invalid; run `gongji check policies`\n";
    return 1;
  }
  if (argc >= 4 && std::string(argv[2]) == "--parts") {
    return cli::write_image_parts(*load.policies, argv[3], argc == 5 ? argv[4] : "", std::cerr);
  }
  if (argc == 5) {
    std::cerr << "usage: gongji-image BUNDLE OUT [LANG] | BUNDLE --parts DIR [FIRST_ANSWERS]\n";
    return 2;
  }
  if (argc == 4) return cli::write_language_image(*load.policies, argv[2], argv[3], std::cerr);
  return cli::write_image_file(*load.policies, argv[2], std::cerr);
}
