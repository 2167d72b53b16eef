// Binding guidance for this family: the region's channels with numbered steps, tailored to who is
// being bound (face verification, the wallet across provinces), its documents and notes.
#include <algorithm>

#include "changes.hpp"
#include "context.hpp"
#include "integer_text.hpp"

namespace gongji::detail {
namespace {

// A face check on the relative's own phone belongs to self-service channels, not to a counter.
bool self_service(const ChannelRule& channel) {
  const ChannelKind kind = channel.kind;
  return kind == ChannelKind::app || kind == ChannelKind::mini_program || kind == ChannelKind::web;
}

// What a holder who cannot share can do instead: be bound by a relative who has an account, or
// wait for the day sharing starts.
void add_alternatives(Context& context, const HolderResult& holder,
                      const std::vector<std::string>& employee_members, Guidance& guidance) {
  Texts& texts = context.texts;
  const std::string region = context.region_name(context.holder_region);
  const bool not_started = has_reason(holder.reasons, "holder.sharing_not_started");
  if (not_started) {
    if (const auto start = context.sharing_start()) {
      const char* key = !start->local_known ? "guidance.sharing_starts_national"
                        : start->known_by   ? "guidance.sharing_starts_by"
                                            : "guidance.sharing_starts";
      guidance.notes.push_back(texts.get(key, {{"region", region}, {"date", start->date}}));
    }
    return;
  }
  // Shared money pays care only for an insured relative (S8): an uninsured holder enrols first,
  // and a relative's account may pay that contribution.
  const bool uninsured = context.request.holder.scheme == Scheme::none;
  if (!employee_members.empty()) {
    guidance.notes.push_back(
        texts.get(uninsured ? "guidance.reverse_roles_uninsured" : "guidance.reverse_roles",
                  {{"names", texts.series(employee_members)}}));
  } else {
    guidance.notes.push_back(
        texts.get(uninsured ? "guidance.be_bound_uninsured" : "guidance.be_bound"));
  }
  // Where the holder's tier has no account, a relative in a tier with one can bind them.
  if (has_reason(holder.reasons, "holder.tier_no_account")) {
    const std::string with_account = texts.tiers(context.use("tiers").as<Tiers>(), true);
    if (!with_account.empty()) {
      guidance.notes.push_back(
          texts.get("guidance.be_bound_tier", {{"region", region}, {"tiers", with_account}}));
    }
  }
}

}  // namespace

Guidance build_guidance(Context& context, const HolderResult& holder,
                        const std::vector<MemberResult>& members,
                        const std::vector<MemberBinding>& bindings) {
  const Request& request = context.request;
  Texts& texts = context.texts;
  Guidance guidance;
  guidance.lang = request.lang;

  // Local and in-province members bind through the region's channels; members in another
  // province through the wallet, so each channel carries the face checks of its own members.
  // Where the age rests on the app's family-member rule (no local rule; the wallet), the face
  // steps and the under-age note say "if the app asks" (member_rules.cpp).
  // A local face rule only reported keeps the step conditional ("如页面要求刷脸"), as the app's.
  // A region's rule only reported says its age on that report, as the member's reason does (新疆:
  // the app's note beside it had said binding might not be the same).
  const RuleEntry& face_rule = context.rule("face_verification_age");
  const bool region_face_rule = context.region_sets("face_verification_age");
  const bool local_face_rule =
      region_face_rule && !face_rule.unconfirmed && !face_rule.third_party_only;
  std::vector<std::string> face_local, face_wallet, under_age, under_age_app, uninsured,
      uninsured_unpaid, employee_members;
  // The user bound by another holder checks their own face: a step of its own, said to them.
  bool reader_face_local = false, reader_face_wallet = false;
  bool any_local = false;
  bool cross_province = false;
  // Relatives all insured in other provinces have nothing to do through the region's channels.
  bool all_far = !members.empty();
  // Relatives refused only because a route's opening is unconfirmed may well be bound: they are
  // told how, through the route they would take, rather than that there is nothing to do.
  std::vector<std::string> wallet_if_confirmed, local_if_confirmed;
  bool wallet_bound = false;  // someone is reached through the wallet for certain
  for (std::size_t i = 0; i < members.size(); ++i) {
    const bool far = context.member_regions[i].province != context.holder_region.province;
    if (!far) all_far = false;
    const Member& member = request.members[i];
    const std::string& label = context.member_labels[i];
    if (member.scheme == Scheme::employee) employee_members.push_back(label);
    const MemberBinding& binding = bindings[i];
    if (!binding.binding_ok && !binding.if_confirmed) continue;
    const bool wallet = binding.binding_ok ? members[i].route == Route::cross_province : far;
    if (!binding.binding_ok) (wallet ? wallet_if_confirmed : local_if_confirmed).push_back(label);
    if (binding.binding_ok && wallet) wallet_bound = true;
    (wallet ? cross_province : any_local) = true;
    const bool face =
        binding.binding_ok ? members[i].needs_face_verification : binding.face_if_bound;
    if (face && member.reader) {
      (wallet ? reader_face_wallet : reader_face_local) = true;
    } else if (face) {
      (wallet ? face_wallet : face_local).push_back(label);
    } else {
      (region_face_rule && !wallet ? under_age : under_age_app).push_back(label);
    }
    // "Enrol them (your account can pay)" only where it can: not across provinces, nor before
    // payments begin, nor where the rules let no first contribution be paid (review 45).
    if (member.scheme == Scheme::none)
      (members[i].contribution_payable ? uninsured : uninsured_unpaid).push_back(label);
  }
  if (!holder.can_share) {
    add_alternatives(context, holder, employee_members, guidance);
    return guidance;
  }
  // Relatives of whom none can be bound have nothing to set up: steps would mislead them.
  // Unless some may be bound once their binding elsewhere ends (members[].changes says how).
  if (!members.empty() && !any_local && !cross_province) {
    std::vector<std::string> unbind_first;
    for (std::size_t i = 0; i < members.size(); ++i) {
      const auto& changes = members[i].changes;
      const bool unbind = std::any_of(changes.begin(), changes.end(), [](const Change& change) {
        return change.code == "change.unbind";
      });
      if (unbind) unbind_first.push_back(context.member_labels[i]);
    }
    if (unbind_first.empty()) {
      guidance.notes.push_back(texts.get("guidance.nobody_to_bind"));
    } else {
      guidance.notes.push_back(
          texts.get("change.unbind_note", {{"names", texts.series(unbind_first)}}));
    }
    return guidance;
  }
  if (!wallet_if_confirmed.empty()) {
    const ChannelRule& wallet = context.use("wallet_channel").as<ChannelRule>();
    guidance.notes.push_back(texts.get(
        "guidance.if_confirmed_wallet",
        {{"names", texts.series(wallet_if_confirmed)}, {"channel", wallet.name.in(request.lang)}}));
  }
  if (!local_if_confirmed.empty()) {
    guidance.notes.push_back(
        texts.get("guidance.if_confirmed_local", {{"names", texts.series(local_if_confirmed)}}));
  }

  // The rule's channel as it stands, with the face checks on a self-service one: the user's own
  // (bound by another holder) as a step of its own, then those of `names`.
  auto with_face_step = [&](const ChannelRule& channel, const std::vector<std::string>& names,
                            bool reader, bool rule_here) {
    Channel out{&channel, {}, {}};
    if (!self_service(channel)) return out;
    if (reader) {
      out.added_steps.push_back(
          texts.get(rule_here ? "guidance.face_step_reader" : "guidance.face_step_reader_app"));
    }
    if (!names.empty()) {
      out.added_steps.push_back(
          texts.get(rule_here ? "guidance.face_step" : "guidance.face_step_app",
                    {{"names", texts.series(names)}}));
    }
    return out;
  };
  // A note for relatives bound here (a local registration) is not for a wallet-only family.
  const bool local_family = any_local || (!cross_province && !all_far);
  if (local_family) {
    bool counter = false;
    for (const ChannelRule& channel : context.use("channels").as<std::vector<ChannelRule>>()) {
      counter = counter || channel.kind == ChannelKind::office;
      guidance.channels.push_back(
          with_face_step(channel, face_local, reader_face_local, local_face_rule));
    }
    // Relatives who cannot use a phone need a counter: where the region's rules name none, the
    // national layer's counter is given, with the local details left to the counter itself
    // (and no face step: the counter checks the person there). Its sources are cited, but it
    // is no fallback of the region's channels, so it adds no warning.
    if (!counter) {
      if (const RuleEntry* national = context.national_beside("channels")) {
        for (const ChannelRule& channel : national->as<std::vector<ChannelRule>>()) {
          if (channel.kind != ChannelKind::office) continue;
          guidance.channels.push_back(
              {&channel, {texts.get("guidance.counter_local_details")}, {}});
        }
      }
    }
  }
  if (cross_province) {
    guidance.channels.push_back(with_face_step(context.use("wallet_channel").as<ChannelRule>(),
                                               face_wallet, reader_face_wallet, false));
    // Where no one is known to be reachable through it, the wallet's steps begin with the check.
    if (!wallet_if_confirmed.empty() && !wallet_bound) {
      guidance.channels.back().first_step = texts.get("guidance.wallet_check_first");
    }
  }
  // The region's documents are for binding here; a wallet-only family needs only the national
  // ones (the wallet asks for the relative's ID details online).
  if (local_family) {
    guidance.documents = &context.use("documents").as<std::vector<LocalText>>();
  } else if (const RuleEntry* national = context.national_beside("documents")) {
    guidance.documents = &national->as<std::vector<LocalText>>();
  }

  // Each note gives the age of the rule it rests on: the region's, or the app's (national).
  auto under_age_note = [&](const char* code, const std::vector<std::string>& names,
                            const RuleEntry& rule) {
    guidance.notes.push_back(texts.get(
        code, {{"names", texts.series(names)}, {"limit", integer_text(rule.as<int64_t>())}}));
  };
  if (!under_age.empty()) {
    under_age_note(local_face_rule ? "guidance.under_age_note" : "guidance.under_age_note_reported",
                   under_age, context.use("face_verification_age"));
  }
  if (!under_age_app.empty()) {
    const RuleEntry* national = context.national_beside("face_verification_age");
    under_age_note("guidance.under_age_note_app", under_age_app,
                   national ? *national : context.use("face_verification_age"));
  }
  if (cross_province) {
    const RuleEntry& limits_rule = context.use("wallet_limits");
    const WalletLimits& limits = limits_rule.as<WalletLimits>();
    guidance.notes.push_back(texts.get(
        limits_rule.unconfirmed ? "guidance.wallet_note_unconfirmed" : "guidance.wallet_note",
        {{"per_transfer", texts.money(limits.per_transfer_fen)},
         {"count", integer_text(limits.transfers_per_day)},
         {"closed_from", limits.closed_from},
         {"closed_until", limits.closed_until}}));
  }
  if (!uninsured.empty()) {
    guidance.notes.push_back(
        texts.get("guidance.enrol_first", {{"names", texts.series(uninsured)}}));
  }
  if (!uninsured_unpaid.empty()) {
    guidance.notes.push_back(
        texts.get("guidance.enrol_first_unpaid", {{"names", texts.series(uninsured_unpaid)}}));
  }
  const std::vector<const RuleEntry*> layers = context.rules_all_layers("notes");
  // A note marked "for" concerns only families with relatives bound locally, or relatives who
  // enrol to be bound here (one enrolling in another province is reached through the wallet:
  // 北京's first-contribution note is not for a mother who enrols in 河北).
  const auto concerns = [&](const Note& note) {
    return note.audience == NoteFor::everyone ||
           (note.audience == NoteFor::local ? local_family : !uninsured.empty());
  };
  // A note on a topic that a more local layer's note also speaks to, for this family, gives way to
  // it (the nation says the app's 亲情账户 is not the sharing binding; in 广东, for relatives bound
  // there, the binding is called 亲情账号); for relatives through the wallet the nation's stands.
  const auto replaced = [&](std::size_t layer, const Note& note) {
    if (note.topic.empty()) return false;
    for (std::size_t later = layer + 1; later < layers.size(); ++later) {
      for (const Note& other : layers[later]->as<std::vector<Note>>()) {
        if (other.topic == note.topic && concerns(other)) return true;
      }
    }
    return false;
  };
  for (std::size_t layer = 0; layer < layers.size(); ++layer) {
    const std::vector<Note>& notes = layers[layer]->as<std::vector<Note>>();
    const auto shown = [&](const Note& note) { return !replaced(layer, note) && concerns(note); };
    // Cited where one of its notes is shown: none gave way or concerns another family.
    if (std::any_of(notes.begin(), notes.end(), shown)) context.used("notes", *layers[layer]);
    for (const Note& note : notes) {
      if (shown(note)) guidance.notes.push_back(note.text.in(guidance.lang));
    }
  }
  // Whose account pays first among several holders: for relatives bound here.
  if (local_family) {
    if (const RuleEntry* order = context.rule_if_any("holder_order")) {
      context.used("holder_order", *order);
      guidance.notes.push_back(texts.get(
          "holder_order." + std::string(name_of(order->as<HolderOrder>(), kHolderOrderNames))));
    }
  }
  return guidance;
}

}  // namespace gongji::detail
