// Writes answers in the contract's field order. Integers only: no floating point reaches the
// output.
#include "answer_writer.hpp"
#include "gongji/evaluate.hpp"
#include "texts.hpp"

namespace gongji {
namespace detail {

void write_reasons(JsonWriter& out, std::string_view name, const std::vector<Reason>& reasons,
                   Lang lang, RoleTable more) {
  out.key(name).begin_array();
  const bool in_warnings = name == "warnings";
  std::string scratch;
  for (const Reason& reason : reasons) {
    out.begin_object()
        .field("code", reason.code)
        .field("role", name_of(reason_role(reason.code, in_warnings, more), kReasonRoleNames))
        .field("text", sentence_case(reason.text, lang, scratch));
    out.key("sources").strings(reason.sources);
    if (!reason.list.empty()) {
      out.field("lead", sentence_case(reason.lead, lang, scratch)).key("list").begin_array();
      for (const std::string& item : reason.list) out.value(sentence_case(item, lang, scratch));
      out.end_array();
    }
    out.end_object();
  }
  out.end_array();
}

void write_changes(JsonWriter& out, const std::vector<Change>& changes, Lang lang) {
  out.key("changes").begin_array();
  std::string scratch;
  for (const Change& change : changes) {
    out.begin_object().field("code", change.code);
    out.field("text", sentence_case(change.text, lang, scratch));
    out.key("sources").strings(change.sources);
    if (change.date) out.field("date", *change.date);
    if (change.holder) out.field("holder", *change.holder);
    out.end_object();
  }
  out.end_array();
}

void write_guidance(JsonWriter& out, const Guidance& guidance) {
  out.key("guidance").begin_object().key("channels").begin_array();
  const Lang lang = guidance.lang;
  auto texts = [&](const std::vector<LocalText>& list) {
    for (const LocalText& item : list) out.value(std::string_view(item.in(lang)));
  };
  for (const Channel& channel : guidance.channels) {
    const ChannelRule& rule = *channel.rule;
    out.begin_object()
        .field("id", std::string_view(rule.id))
        .field("name", std::string_view(rule.name.in(lang)))
        .field("kind", name_of(rule.kind, kChannelKindNames));
    out.key("steps").begin_array();
    std::string scratch;
    if (!channel.first_step.empty()) out.value(sentence_case(channel.first_step, lang, scratch));
    texts(rule.steps);
    for (const std::string& step : channel.added_steps) {
      out.value(sentence_case(step, lang, scratch));
    }
    out.end_array().end_object();
  }
  out.end_array();
  out.key("documents").begin_array();
  if (guidance.documents) texts(*guidance.documents);
  out.end_array();
  out.key("notes").begin_array();
  std::string scratch;
  for (const std::string& note : guidance.notes) out.value(sentence_case(note, lang, scratch));
  out.end_array();
  out.key("sources").strings(guidance.sources);
  out.end_object();
}

void write_sources(JsonWriter& out, const std::vector<SourceRef>& sources) {
  out.key("sources").begin_array();
  for (const SourceRef& source : sources) {
    out.begin_object().field("id", source.id).field("title", source.title).field("url", source.url);
    out.field("date", source.date).field("reliability", source.reliability);
    // The original document or publisher, when the address is a copy on another host.
    if (!source.copy_of.empty()) out.field("copy_of", source.copy_of);
    out.end_object();
  }
  out.end_array();
}

}  // namespace detail

using namespace detail;

std::string to_json(const Answer& answer) {
  JsonWriter out;
  out.begin_object().field("ok", true).field("as_of", answer.as_of);
  out.field("lang", name_of(answer.lang, kLangNames));

  const PolicyInfo& policy = answer.policy;
  out.key("policy")
      .begin_object()
      .field("region", policy.region)
      .field("region_name", policy.region_name);
  out.key("chain").strings(policy.chain);
  out.field("version", policy.version).field("last_reviewed", policy.last_reviewed).end_object();

  out.key("holder").begin_object().field("can_share", answer.holder.can_share);
  out.field("shareable_fen", answer.holder.shareable_fen);
  if (!answer.holder.shareable_known) out.field("shareable_known", false);
  write_reasons(out, "reasons", answer.holder.reasons, answer.lang);
  out.end_object();

  out.key("members").begin_array();
  for (const MemberResult& member : answer.members) {
    out.begin_object().field("id", member.id).field("eligible", member.eligible);
    out.field("route", name_of(member.route, kRouteNames));
    out.field("contribution_payable", member.contribution_payable);
    out.field("needs_face_verification", member.needs_face_verification);
    out.field("usable_fen", member.usable_fen);
    write_reasons(out, "reasons", member.reasons, answer.lang);
    write_changes(out, member.changes, answer.lang);
    out.end_object();
  }
  out.end_array();

  out.key("expenses").begin_array();
  for (const ExpenseResult& expense : answer.expenses) {
    out.begin_object().field("member", expense.member);
    out.field("kind", name_of(expense.kind, kExpenseKindNames))
        .field("amount_fen", expense.amount_fen);
    out.field("allowed", expense.allowed).field("from_own_fen", expense.from_own_fen);
    out.field("from_holder_fen", expense.from_holder_fen);
    out.field("out_of_pocket_fen", expense.out_of_pocket_fen);
    if (expense.wallet_transfers > 0) out.field("wallet_transfers", expense.wallet_transfers);
    write_reasons(out, "reasons", expense.reasons, answer.lang);
    out.end_object();
  }
  out.end_array();

  out.key("pool").begin_object().field("start_fen", answer.pool.start_fen);
  out.field("used_fen", answer.pool.used_fen).field("remaining_fen", answer.pool.remaining_fen);
  out.end_object();

  write_guidance(out, answer.guidance);
  write_reasons(out, "warnings", answer.warnings, answer.lang);
  write_sources(out, answer.sources);
  out.end_object();
  return out.take();
}

std::string to_json(const RequestError& error) {
  JsonWriter out;
  out.begin_object().field("ok", false).key("error").begin_object();
  out.field("code", error.code).field("message", error.message).field("path", error.path);
  out.end_object().end_object();
  return out.take();
}

}  // namespace gongji
