// The policy bundle: the build's one-file form of the policy set, for the page to download.
#include "gongji/policy.hpp"

namespace gongji {

std::vector<PolicyFile> read_policy_bundle(std::string_view bundle,
                                           std::vector<PolicyProblem>& problems) {
  std::vector<PolicyFile> files;
  std::size_t at = 0;
  while (at < bundle.size()) {
    const std::size_t path_end = bundle.find('\n', at);
    const std::size_t text_end =
        path_end == std::string_view::npos ? path_end : bundle.find('\n', path_end + 1);
    if (text_end == std::string_view::npos || path_end == at) {
      problems.push_back({"(bundle)", "",
                          "each file needs a line with its path and one with its JSON",
                          "policy.malformed_bundle"});
      return {};
    }
    files.push_back({std::string(bundle.substr(at, path_end - at)),
                     std::string(bundle.substr(path_end + 1, text_end - path_end - 1))});
    at = text_end + 1;
  }
  if (files.empty()) problems.push_back({"(bundle)", "", "is empty", "policy.empty_bundle"});
  return files;
}

}  // namespace gongji
