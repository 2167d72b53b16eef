// Writes answers in the contract's field order. Integers only: no floating point reaches the
// output.
#include "gongji/evaluate.hpp"
#include "gongji/policy.hpp"

namespace gongji {
namespace {

Json reasons_json(const std::vector<Reason>& reasons) {
  Json out = Json::array();
  for (const Reason& reason : reasons) {
    out.push_back({{"code", reason.code}, {"text", reason.text}, {"sources", reason.sources}});
  }
  return out;
}

}  // namespace

std::string to_json(const Answer& answer) {
  Json out;
  out["ok"] = true;
  out["as_of"] = answer.as_of;
  out["lang"] = std::string(name_of(answer.lang, kLangNames));
  out["policy"] = {{"region", answer.policy.region},
                   {"region_name", answer.policy.region_name},
                   {"chain", answer.policy.chain},
                   {"version", answer.policy.version},
                   {"last_reviewed", answer.policy.last_reviewed}};
  out["holder"] = {{"can_share", answer.holder.can_share},
                   {"shareable_fen", answer.holder.shareable_fen},
                   {"reasons", reasons_json(answer.holder.reasons)}};
  out["members"] = Json::array();
  for (const MemberResult& member : answer.members) {
    out["members"].push_back({{"id", member.id},
                              {"eligible", member.eligible},
                              {"route", std::string(name_of(member.route, kRouteNames))},
                              {"contribution_payable", member.contribution_payable},
                              {"needs_face_verification", member.needs_face_verification},
                              {"usable_fen", member.usable_fen},
                              {"reasons", reasons_json(member.reasons)}});
  }
  out["expenses"] = Json::array();
  for (const ExpenseResult& expense : answer.expenses) {
    out["expenses"].push_back({{"member", expense.member},
                               {"kind", std::string(name_of(expense.kind, kExpenseKindNames))},
                               {"amount_fen", expense.amount_fen},
                               {"allowed", expense.allowed},
                               {"from_own_fen", expense.from_own_fen},
                               {"from_holder_fen", expense.from_holder_fen},
                               {"out_of_pocket_fen", expense.out_of_pocket_fen},
                               {"reasons", reasons_json(expense.reasons)}});
  }
  out["pool"] = {{"start_fen", answer.pool.start_fen},
                 {"used_fen", answer.pool.used_fen},
                 {"remaining_fen", answer.pool.remaining_fen}};
  Json channels = Json::array();
  for (const Channel& channel : answer.guidance.channels) {
    channels.push_back({{"id", channel.id},
                        {"name", channel.name},
                        {"kind", channel.kind},
                        {"steps", channel.steps}});
  }
  out["guidance"] = {{"channels", channels},
                     {"documents", answer.guidance.documents},
                     {"notes", answer.guidance.notes}};
  out["warnings"] = reasons_json(answer.warnings);
  out["sources"] = Json::array();
  for (const SourceRef& source : answer.sources) {
    out["sources"].push_back({{"id", source.id},
                              {"title", source.title},
                              {"url", source.url},
                              {"date", source.date},
                              {"reliability", source.reliability}});
  }
  return out.dump();
}

std::string to_json(const RequestError& error) {
  Json out;
  out["ok"] = false;
  out["error"] = {{"code", error.code}, {"message", error.message}, {"path", error.path}};
  return out.dump();
}

}  // namespace gongji
