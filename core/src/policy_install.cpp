// The policy set evaluation uses unless it is given one: natively the embedded set, loaded once;
// in the WebAssembly module none until the page installs the image it downloads.
#include "gongji/policy.hpp"

namespace gongji {
namespace {
struct DefaultPolicies {
  std::unique_ptr<const PolicySet> embedded = embedded_policies();
  std::unique_ptr<PolicySet> installed;  // its own, so that parts can be added to it
  bool use_installed = false;
};

DefaultPolicies& defaults() {
  static DefaultPolicies policies;
  return policies;
}
}  // namespace

const PolicySet* default_policies() {
  const DefaultPolicies& policies = defaults();
  return policies.use_installed ? policies.installed.get() : policies.embedded.get();
}

void install_policies(std::unique_ptr<PolicySet> policies) {
  defaults().installed = std::move(policies);
  defaults().use_installed = true;
}

PolicySet* installed_policies() {
  return defaults().use_installed ? defaults().installed.get() : nullptr;
}

void use_embedded_policies() {
  defaults().installed = nullptr;
  defaults().use_installed = false;
}

}  // namespace gongji
