#include "gongji/evaluate.hpp"

#include <algorithm>

#include "context.hpp"

namespace gongji {
namespace {

// Every source the answer's reasons cite, once each, ordered by id.
std::vector<SourceRef> cited_sources(const PolicySet& policies, const Answer& answer) {
  std::vector<std::string_view> ids;
  auto collect = [&ids](const std::vector<Reason>& reasons) {
    for (const Reason& reason : reasons) {
      for (std::string_view id : reason.sources) {
        // Neighbouring reasons often cite the same rule: fewer ids to sort.
        if (ids.empty() || ids.back() != id) ids.push_back(id);
      }
    }
  };
  collect(answer.holder.reasons);
  for (const auto& member : answer.members) collect(member.reasons);
  for (const auto& expense : answer.expenses) collect(expense.reasons);
  collect(answer.warnings);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<SourceRef> sources;
  sources.reserve(ids.size());
  for (std::string_view id : ids) {
    const auto found = policies.sources.find(id);
    if (found == policies.sources.end()) continue;  // the loader refuses unknown ids
    const Source& source = found->second;
    sources.push_back(
        {source.id, source.title, source.url, source.date, source.reliability, source.copy_of});
  }
  return sources;
}

std::string internal_error() {
  return to_json(RequestError{"invalid_request", "internal error / 内部错误", ""});
}

}  // namespace

Answer evaluate_request(const Request& request, const PolicySet& policies) {
  detail::Context context(request, policies);
  Answer answer;
  answer.as_of = context.as_of;
  answer.lang = request.lang;
  answer.policy.region = context.holder_region.code;
  answer.policy.region_name = context.region_name(context.holder_region);
  for (const RegionPolicy* layer : context.holder_region.layers)
    answer.policy.chain.push_back(layer->code);
  answer.policy.version = policies.version;
  answer.policy.last_reviewed = format_date(context.holder_region.layers.back()->last_reviewed);

  std::vector<detail::MemberBinding> bindings;
  answer.holder = detail::decide_holder(context, answer.warnings);
  answer.members = detail::decide_members(context, answer.holder, bindings, answer.warnings);
  answer.expenses = detail::apply_expenses(context, answer.holder, answer.members, answer.pool);
  answer.guidance = detail::build_guidance(context, answer.holder, answer.members, bindings);
  detail::add_policy_warnings(context, answer.warnings);
  detail::add_start_warnings(context, answer.warnings);
  answer.sources = cited_sources(policies, answer);
  return answer;
}

std::string evaluate(std::string_view request_json, const PolicySet& policies, Date today) {
  auto request = read_request(request_json, policies, today);
  if (auto* error = std::get_if<RequestError>(&request)) return to_json(*error);
  return to_json(evaluate_request(*std::get_if<Request>(&request), policies));
}

std::string evaluate(std::string_view request_json) {
  const auto policies = default_policies();  // embedded, or installed from the page's bundle
  if (!policies) return internal_error();
  return evaluate(request_json, *policies, today_utc());
}

}  // namespace gongji
