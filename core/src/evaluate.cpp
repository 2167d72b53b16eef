#include "gongji/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <tuple>
#include <utility>
#include <vector>

#include "context.hpp"
#include "fnv1a.hpp"
#include "rule_kinds.hpp"
#include "small_sort.hpp"

namespace gongji {
namespace {

std::string internal_error() {
  return to_json(RequestError{"invalid_request", "internal error / 内部错误", ""});
}

// An answer that needed a text its rules' base left out (texts_apart) is not given, never one with
// a key for a text: the page adds the texts part and asks again (web/calculator-client.js). Said in
// both languages, as the texts to say it in may be the ones apart.
std::string unless_texts_missed(std::string answer, const PolicySet& policies) {
  if (!policies.text_missed) return answer;
  return to_json(RequestError{"invalid_request", "texts not loaded / 说明文字尚未载入", ""});
}

// A source id's natural sort key: S1, S1b, S2, …, S10 (the text before the number, the number,
// then any suffix).
using NaturalKey = std::tuple<std::string_view, std::size_t, std::string_view>;

NaturalKey natural_key(std::string_view id) {
  std::size_t digits = id.find_first_of("0123456789");
  if (digits == std::string_view::npos) return {id, std::size_t{0}, id};
  std::size_t end = id.find_first_not_of("0123456789", digits);
  if (end == std::string_view::npos) end = id.size();
  std::size_t number = 0;
  for (std::size_t i = digits; i < end; ++i) number = number * 10 + (id[i] - '0');
  return {id.substr(0, digits), number, id.substr(end)};
}

// Each id once, in the order first cited. An answer cites a few dozen sources hundreds of times,
// so a small hash table finds the distinct ones at a fraction of the cost of sorting every
// citation (that sort was a sixth of a 5+5 evaluation).
std::vector<std::string_view> distinct_ids(const std::vector<std::string_view>& ids) {
  std::size_t size = 16;
  while (size < ids.size() * 2) size *= 2;
  std::vector<const std::string_view*> table(size, nullptr);
  std::vector<std::string_view> distinct;
  for (const std::string_view& id : ids) {
    for (std::size_t at = detail::fnv1a(id) & (size - 1);; at = (at + 1) & (size - 1)) {
      if (!table[at]) {
        table[at] = &id;
        distinct.push_back(id);
        break;
      }
      if (*table[at] == id) break;
    }
  }
  return distinct;
}

}  // namespace

namespace detail {

// Every source cited, once each, in natural order; an English answer gives English titles.
std::vector<SourceRef> cited_sources(const PolicySet& policies, std::vector<std::string_view> ids,
                                     Lang lang) {
  // Each key computed once, not at every comparison, and only for distinct ids.
  const std::vector<std::string_view> distinct = distinct_ids(ids);
  std::vector<std::pair<NaturalKey, std::string_view>> keyed;
  keyed.reserve(distinct.size());
  for (std::string_view id : distinct) keyed.emplace_back(natural_key(id), id);
  sort_small(keyed, std::less<>());
  std::vector<SourceRef> sources;
  sources.reserve(keyed.size());
  for (const auto& [key, id] : keyed) {
    const auto found = policies.sources.find(id);
    if (found == policies.sources.end()) continue;  // the loader refuses unknown ids
    const Source& source = found->second;
    sources.push_back({source.id, source.title.in(lang), source.url, source.date,
                       source.reliability, source.copy_of.in(lang)});
  }
  return sources;
}

Decision decide(const Request& request, const PolicySet& policies, bool with_policy_warnings) {
  Context context(request, policies);
  Decision decision;
  std::vector<MemberBinding> bindings;
  decision.holder = decide_holder(context, decision.warnings);
  decision.members = decide_members(context, decision.holder, bindings, decision.warnings);
  if (with_policy_warnings) add_policy_warnings(context, decision.warnings);
  return decision;
}

}  // namespace detail

namespace detail {

Answer answer_before_asking(const Request& request, const PolicySet& policies) {
  Context context(request, policies);
  Answer answer;
  answer.as_of = context.as_of;
  answer.lang = request.lang;
  answer.policy.region = context.holder_region.code;
  answer.policy.region_name = context.region_name(context.holder_region);
  for (const RegionPolicy* layer : context.holder_region.layers)
    answer.policy.chain.push_back(layer->code);
  answer.policy.version = policies.version;
  answer.policy.last_reviewed = format_date(context.holder_region.layers.back()->last_reviewed);

  std::vector<MemberBinding> bindings;
  answer.holder = decide_holder(context, answer.warnings);
  answer.members = decide_members(context, answer.holder, bindings, answer.warnings);
  state_wallet_quota(context, answer.holder, answer.members);
  add_member_changes(request, policies, context.member_labels, answer.members);
  answer.expenses = apply_expenses(context, answer.holder, answer.members, answer.pool);
  answer.guidance = build_guidance(context, answer.holder, answer.members, bindings);
  add_policy_warnings(context, answer.warnings);
  add_start_warnings(context, answer.warnings);
  std::vector<std::string_view> ids;
  collect_source_ids(answer.holder.reasons, ids);
  for (const auto& member : answer.members) {
    collect_source_ids(member.reasons, ids);
    collect_source_ids(member.changes, ids);
  }
  for (const auto& expense : answer.expenses) collect_source_ids(expense.reasons, ids);
  collect_source_ids(answer.warnings, ids);
  // The guidance's items name no sources: it cites those of the rules it comes from.
  std::vector<std::string_view> shown;
  for (const UsedRule& use : context.uses_in_order()) {
    const RuleKind* kind = rule_kind(use.key);
    if (!kind || !kind->has(kShownAsGuidance)) continue;
    for (const std::string& id : use.entry->sources) {
      ids.push_back(id);
      shown.push_back(id);
    }
  }
  answer.sources = cited_sources(policies, std::move(ids), request.lang);
  for (const SourceRef& source : answer.sources) {
    if (std::find(shown.begin(), shown.end(), source.id) != shown.end()) {
      answer.guidance.sources.push_back(source.id);
    }
  }
  return answer;
}

}  // namespace detail

Answer evaluate_request(const Request& request, const PolicySet& policies) {
  Answer answer = detail::answer_before_asking(request, policies);
  detail::ask_office_once(answer.warnings, detail::Texts(policies, request.lang));
  return answer;
}

std::string evaluate(std::string_view request_json, const PolicySet& policies, Date today) {
  policies.text_missed = false;
  auto request = read_any_request(request_json, policies, today);
  std::string answer;
  if (auto* error = std::get_if<RequestError>(&request)) {
    answer = to_json(*error);
  } else if (auto* household = std::get_if<HouseholdRequest>(&request)) {
    answer = to_json(plan_household(*household, policies));
  } else {
    answer = to_json(evaluate_request(*std::get_if<Request>(&request), policies));
  }
  return unless_texts_missed(std::move(answer), policies);
}

std::string evaluate(std::string_view request_json) {
  const auto policies = default_policies();  // embedded, or installed from the page's bundle
  if (!policies) return internal_error();
  return evaluate(request_json, *policies, today_in_china());
}

std::string evaluate_without_planner(std::string_view request_json, const PolicySet& policies,
                                     Date today) {
  policies.text_missed = false;
  auto request = read_request(request_json, policies, today);  // a household: an error
  auto* error = std::get_if<RequestError>(&request);
  return unless_texts_missed(
      error ? to_json(*error)
            : to_json(evaluate_request(*std::get_if<Request>(&request), policies)),
      policies);
}

std::string evaluate_without_planner(std::string_view request_json) {
  const auto policies = default_policies();
  if (!policies) return internal_error();
  return evaluate_without_planner(request_json, *policies, today_in_china());
}

}  // namespace gongji
