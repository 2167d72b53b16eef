// Binding guidance for this family: the region's channels with numbered steps, tailored to who is
// being bound (face verification, the wallet across provinces), its documents and notes.
#include "context.hpp"

namespace gongji::detail {
namespace {

Channel localise(const Json& channel, Lang lang) {
  const char* lang_key = lang == Lang::en ? "en" : "zh-CN";
  Channel out;
  out.id = channel.at("id").get<std::string>();
  out.kind = channel.at("kind").get<std::string>();
  out.name = channel.at("name").at(lang_key).get<std::string>();
  for (const Json& step : channel.at("steps").at(lang_key))
    out.steps.push_back(step.get<std::string>());
  return out;
}

const std::vector<RuleEntry> no_entries;

std::vector<std::string> texts_of(const Json& list, Lang lang) {
  std::vector<std::string> out;
  for (const Json& item : list)
    out.push_back(item.at(lang == Lang::en ? "en" : "zh-CN").get<std::string>());
  return out;
}

}  // namespace

Guidance build_guidance(Context& context, const HolderResult& holder,
                        const std::vector<MemberResult>& members,
                        const std::vector<MemberBinding>& bindings) {
  const Request& request = context.request;
  const Lang lang = request.lang;
  Texts& texts = context.texts;
  Guidance guidance;

  // Local and in-province members bind through the region's channels; members in another
  // province through the wallet, so each channel carries the face checks of its own members.
  std::vector<std::string> face_local, face_wallet, under_age, uninsured, employee_members;
  bool any_local = false;
  bool cross_province = false;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Member& member = request.members[i];
    const std::string label = context.member_label(member);
    if (member.scheme == Scheme::employee) employee_members.push_back(label);
    if (!bindings[i].binding_ok) continue;
    const bool wallet = members[i].route == Route::cross_province;
    (wallet ? cross_province : any_local) = true;
    if (members[i].needs_face_verification) {
      (wallet ? face_wallet : face_local).push_back(label);
    } else {
      under_age.push_back(label);
    }
    if (member.scheme == Scheme::none) uninsured.push_back(label);
  }
  const int64_t face_limit = context.rule("face_verification_age").value.get<int64_t>();
  auto with_face_step = [&](Channel channel, const std::vector<std::string>& names) {
    if (!names.empty()) {
      channel.steps.push_back(texts.get("guidance.face_step", {{"names", texts.list(names)}}));
    }
    return channel;
  };

  if (holder.can_share) {
    if (any_local || !cross_province) {
      bool counter = false;
      for (const Json& channel : context.rule("channels").value) {
        counter = counter || channel.at("kind") == "office";
        guidance.channels.push_back(with_face_step(localise(channel, lang), face_local));
      }
      // Relatives who cannot use a phone need a counter: where the region's rules name none, the
      // national layer's counter is given, with the local details left to the counter itself
      // (and no face step: the counter checks the person there). Its sources are cited, but it
      // is no fallback of the region's channels, so it adds no warning.
      if (!counter) {
        const RegionPolicy& national = *context.holder_region.layers.front();
        const auto rule = national.rules.find("channels");
        for (const RuleEntry& entry : rule == national.rules.end() ? no_entries : rule->second) {
          if (!entry.covers(request.as_of)) continue;
          context.note_use({rule->first, &national, &entry, false});
          for (const Json& channel : entry.value) {
            if (channel.at("kind") != "office") continue;
            Channel office = localise(channel, lang);
            office.steps.push_back(texts.get("guidance.counter_local_details"));
            guidance.channels.push_back(std::move(office));
          }
        }
      }
    }
    if (cross_province) {
      guidance.channels.push_back(
          with_face_step(localise(context.rule("wallet_channel").value, lang), face_wallet));
    }
    guidance.documents = texts_of(context.rule("documents").value, lang);
  }

  if (!under_age.empty()) {
    guidance.notes.push_back(
        texts.get("guidance.under_age_note",
                  {{"names", texts.list(under_age)}, {"limit", std::to_string(face_limit)}}));
  }
  if (cross_province) {
    const Json& limits = context.rule("wallet_limits").value;
    guidance.notes.push_back(
        texts.get("guidance.wallet_note",
                  {{"per_transfer", texts.money(limits.at("per_transfer_fen").get<Fen>())},
                   {"count", std::to_string(limits.at("transfers_per_day").get<int64_t>())},
                   {"closed_from", limits.at("closed_from").get<std::string>()},
                   {"closed_until", limits.at("closed_until").get<std::string>()}}));
  }
  if (!uninsured.empty()) {
    guidance.notes.push_back(texts.get("guidance.enrol_first", {{"names", texts.list(uninsured)}}));
  }
  if (!holder.can_share && !employee_members.empty()) {
    guidance.notes.push_back(
        texts.get("guidance.reverse_roles", {{"names", texts.list(employee_members)}}));
  }
  if (holder.can_share && !members.empty())
    guidance.notes.push_back(texts.get("guidance.own_card"));
  for (const RuleEntry* notes : context.rules_all_layers("notes")) {
    for (std::string& note : texts_of(notes->value, lang))
      guidance.notes.push_back(std::move(note));
  }
  return guidance;
}

}  // namespace gongji::detail
