// The policy set evaluation uses unless it is given one: natively the embedded set, loaded once;
// in the WebAssembly module none until the page installs the image it downloads.
#include "gongji/policy.hpp"

namespace gongji {
namespace {
std::shared_ptr<const PolicySet>& current_policies() {
  static std::shared_ptr<const PolicySet> policies = embedded_policies();
  return policies;
}
}  // namespace

std::shared_ptr<const PolicySet> default_policies() {
  return current_policies();
}

void install_policies(std::shared_ptr<const PolicySet> policies) {
  current_policies() = std::move(policies);
}

}  // namespace gongji
