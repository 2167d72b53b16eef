// Installing the policy bundle the page downloads, answered as JSON across the WebAssembly
// boundary.
#include "gongji/evaluate.hpp"
#include "json_writer.hpp"

namespace gongji {

std::string install_policy_bundle(std::string_view bundle) {
  detail::JsonWriter out;
  std::vector<PolicyProblem> problems;
  const std::vector<PolicyFile> files = read_policy_bundle(bundle, problems);
  PolicyLoad load = problems.empty() ? load_policies(files) : PolicyLoad{nullptr, problems};
  if (load.policies) {
    const std::string version = load.policies->version;
    install_policies(std::move(load.policies));
    out.begin_object().field("ok", true).field("version", version).end_object();
  } else {
    out.begin_object().field("ok", false).key("problems").begin_array();
    for (const PolicyProblem& problem : load.problems) out.value(describe(problem));
    out.end_array().end_object();
  }
  return out.take();
}

}  // namespace gongji
