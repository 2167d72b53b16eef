// The plan as an answer: per holder whom they bind and how (their v1 guidance for exactly those
// bindings), per person the holder chosen and why in one sentence, the others who could serve,
// who may pay their 居民医保 contribution, and for whoever is left out what would change it.
#include <algorithm>
#include <array>

#include "add_unique.hpp"
#include "answer_writer.hpp"
#include "changes.hpp"
#include "gongji/evaluate.hpp"
#include "household_facts.hpp"
#include "integer_text.hpp"

namespace gongji::detail {
namespace {

// Each holder's evaluation warns about its own region; the plan says each thing once. Two
// warnings of a listing kind with one lead sentence ("郑州市有些规定没有查到地方文件…。") differ
// only in how much they list: the longer stays, citing the sources of both.
void add_warnings(std::vector<Reason>& into, const std::vector<Reason>& warnings) {
  auto subject = [](const Reason& reason) {
    std::string_view text = reason.text;
    static constexpr std::array<std::string_view, 7> kListing{
        "policy.national_fallback", "policy.national_only",
        "policy.third_party_only",  "policy.stale",
        "policy.applied_back",      "policy.before_known_since",
        "policy.unconfirmed"};
    if (std::find(kListing.begin(), kListing.end(), reason.code) == kListing.end()) return text;
    const std::size_t end = std::min(text.find("。"), text.find(". "));
    return end == std::string_view::npos ? text : text.substr(0, end);
  };
  for (const Reason& warning : warnings) {
    const auto same = std::find_if(into.begin(), into.end(), [&](const Reason& r) {
      return r.code == warning.code && subject(r) == subject(warning);
    });
    if (same == into.end()) {
      into.push_back(warning);
      continue;
    }
    if (!same->items.empty()) {
      // The lead, then every item of both lists once (the items end the text).
      std::size_t listed = 0;
      for (const std::string& item : same->items) listed += item.size();
      std::string text = same->text.substr(0, same->text.size() - listed);
      for (const std::string& item : warning.items) add_unique(same->items, item);
      for (const std::string& item : same->items) text += item;
      same->text = std::move(text);
      for (const std::string& item : warning.list) add_unique(same->list, item);
    } else if (warning.text.size() > same->text.size()) {
      // The longer says more; its list is what its text says.
      same->text = warning.text;
      same->lead = warning.lead;
      same->list = warning.list;
    }
    for (std::string_view id : warning.sources) add_unique(same->sources, id);
  }
}

std::string_view route_label(const Texts& texts, Route route) {
  return texts.word("route", name_of(route, kRouteNames), "in_text");
}

std::optional<Sex> self_sex(const HouseholdRequest& household) {
  for (const Person& person : household.people) {
    if (person.role == Role::self) return person.sex;
  }
  return std::nullopt;
}

// What the person is to the holder, as exactly as the roles say: to the user their own role
// ("父亲", not the category "父母"); to the spouse, the spouse's parents as "父亲"/"母亲";
// otherwise the relation's category. Where the line runs through the user and the user's sex is
// not given, both words of the pair ("孙子女或外孙子女"): the family picks the one the app offers.
std::string relation_to_holder(Role person, Role holder, Relation relation, std::optional<Sex> sex,
                               const Texts& texts) {
  Role exact = person;
  if (holder == Role::spouse && person == Role::spouse_father) exact = Role::father;
  if (holder == Role::spouse && person == Role::spouse_mother) exact = Role::mother;
  if (holder == Role::self || exact != person) {
    return std::string(texts.word("role", name_of(exact, kRoleNames)));
  }
  const Relation if_female = relation_between(person, holder, Sex::female);
  if (sex || if_female == relation) {
    return std::string(texts.word("relation", name_of(relation, kRelationNames)));
  }
  return texts.either_relation(relation, if_female);
}

// Holders here whom the form cannot tell to be the parent of person j (a grandchild and the
// user's child or child's spouse) and who could share with her if they are: said in one sentence
// beside the choice, whose lead then never says no one else can (review 53: a grandmother across
// cities was "the only one", beside the child's likely father in the same city). Parent and child
// only: the binding every place has had since 14号 [S1] (reviews 56, 57: nine such sentences for
// every pairing the roles leave open, "子女的配偶的配偶").
std::vector<Reason> if_related_holders(const PlanFacts& facts, std::size_t j, int chosen,
                                       const std::vector<std::string>& labels, const Texts& texts) {
  const HouseholdRequest& household = facts.household;
  const std::size_t person = facts.people[j];
  std::vector<std::string> names;
  std::vector<std::string_view> sources;
  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    const std::size_t holder = facts.holders[k];
    if (static_cast<int>(k) == chosen || facts.pair[k][j].eligible ||
        unsettled_relation(household.people[person].role, household.people[holder].role) !=
            Relation::child)
      continue;
    Request related = pairing_request(household, facts.pairing_labels, holder, {person});
    related.members.front().relation = Relation::child;
    const Decision decision = decide(related, facts.policies, false);
    if (!decision.members.front().eligible) continue;
    names.push_back(labels[holder]);
    for (std::string_view id : eligibility_sources(decision.members.front())) {
      add_unique(sources, id);
    }
  }
  std::vector<Reason> reasons;
  if (!names.empty()) {
    reasons.push_back(
        Reason{"plan.also_if_related",
               texts.get("plan.also_if_related", {{"person", labels[person]},
                                                  {"holders", texts.alternatives(names)},
                                                  {"them", them(household, person, texts)}}),
               sources});
  }
  return reasons;
}

// A choice made by balance or order that rests on the near-relative circle, which no official
// document confirms in the place, beside a holder here whose binding rests on 14号's circle,
// certain everywhere [S1]: that holder is named, so the family can choose the surer binding
// (review 57: a child bound to the user's father, not to the user, by balance alone).
void add_surer_holder(std::vector<Reason>& reasons, const PlanFacts& facts, std::size_t j, int k,
                      const std::vector<std::string>& labels, const Texts& texts) {
  // Not where the surer holder's places were needed for others (the choice's own sentence).
  if (facts.options[j].front() != k ||
      !has_reason(facts.pair[k][j].reasons, "member.relation_allowed_unconfirmed"))
    return;
  const HouseholdRequest& household = facts.household;
  const std::size_t person = facts.people[j];
  for (int other : facts.options[j]) {
    const MemberResult& surer = facts.pair[other][j];
    if (other == k || !has_reason(surer.reasons, "member.relation_allowed")) continue;
    const std::size_t holder = facts.holders[other];
    const Relation relation = relation_between(household.people[person].role,
                                               household.people[holder].role, self_sex(household));
    reasons.push_back(Reason{
        "plan.surer_holder",
        texts.get("plan.surer_holder",
                  {{"holder", labels[holder]},
                   {"them", them(household, person, texts)},
                   {"relation",
                    relation_to_holder(household.people[person].role, household.people[holder].role,
                                       relation, self_sex(household), texts)}}),
        eligibility_sources(surer)});
    return;
  }
}

// The one sentence that says why person j is bound to holder k; `only_known`: other holders here
// may be able to as well, if related as the form cannot tell.
Reason choice_reason(const PlanFacts& facts, std::size_t j, int k,
                     const std::vector<std::string>& labels, const Texts& texts, bool only_known) {
  const std::size_t person = facts.people[j];
  const std::size_t holder = facts.holders[k];
  const MemberResult& pairing = facts.pair[k][j];
  const Relation relation =
      relation_between(facts.household.people[person].role, facts.household.people[holder].role,
                       self_sex(facts.household));
  const std::vector<int>& options = facts.options[j];
  // literals: the reason keeps a view of its code
  std::string_view key = only_known ? "plan.only_holder_known" : "plan.only_holder";
  std::size_t other_person = holder;
  Route other_route = pairing.route;
  if (options.front() != k) {
    key = "plan.cap_elsewhere";
    other_person = facts.holders[options.front()];
    other_route = facts.pair[options.front()][j].route;
  } else if (options.size() > 1) {
    const int next = options[1];
    other_person = facts.holders[next];
    // An amount not known (上海's 历年 part not entered) is compared with nothing: the sentence
    // says which is not known, and that the known amount, or the form's order, decided.
    const HolderResult& mine = facts.alone[holder].holder;
    const HolderResult& theirs = facts.alone[facts.holders[next]].holder;
    other_route = facts.pair[next][j].route;
    if (other_route != pairing.route) {
      // Both amounts where known (walk 60 #13: the farther holder may have far more to share).
      key = mine.shareable_known && theirs.shareable_known ? "plan.closer_route_amounts"
                                                           : "plan.closer_route";
    } else if (!mine.shareable_known) {
      key = "plan.balance_not_compared";
    } else if (!theirs.shareable_known) {
      key = "plan.other_balance_unknown";
    } else if (theirs.shareable_fen != mine.shareable_fen) {
      key = "plan.larger_balance";
    } else {
      key = "plan.listed_first";
    }
  }
  const HouseholdRequest& household = facts.household;
  // The user bound to someone is "您"/"you", not "配偶的配偶" ("your spouse's spouse").
  const Person& who = household.people[person];
  const bool you = named_as_you(household, person);
  // Under another holder the relation is "其…" / "their …": "配偶的兄弟姐妹的兄弟姐妹" named the
  // user's own wife, "配偶的子女" read as a stepchild (review 51).
  const bool by_you = household.people[holder].role == Role::self;
  const std::string relation_clause =
      you ? std::string()
          : texts.get(by_you ? "plan.relation_clause" : "plan.relation_clause_theirs",
                      {{"holder_of", possessive(household, holder, labels, texts)},
                       {"relation", relation_to_holder(who.role, household.people[holder].role,
                                                       relation, self_sex(household), texts)}});
  const std::string text = texts.get(
      key, {{"bind", texts.get(you ? "plan.bind_you" : "plan.bind",
                               {{"person", labels[person]}, {"holder", labels[holder]}})},
            {"person", labels[person]},
            {"holder", labels[holder]},
            {"holder_of", possessive(household, holder, labels, texts)},
            {"relation_clause", relation_clause},
            {"them", them(household, person, texts)},
            {"route", route_label(texts, pairing.route)},
            {"other_route", route_label(texts, other_route)},
            {"other", labels[other_person]},
            {"other_of", possessive(household, other_person, labels, texts)},
            {"other_own", possessive(household, other_person, labels, texts, true)},
            {"amount", texts.money(facts.alone[holder].holder.shareable_fen)},
            // Both amounts compared are said (review 51: "3,000 比您多" beside a card
            // of 5,000, where an authorised amount left 1,000 for relatives here).
            {"other_amount", texts.money(facts.alone[other_person].holder.shareable_fen)}});
  return Reason{key, text, eligibility_sources(pairing)};
}

// Who a "对…而言" sentence speaks for: the user is 您 even when named, since the sentence after it
// (from the user's own evaluation) says 您.
std::string speaker(const HouseholdRequest& household, std::size_t person,
                    const std::vector<std::string>& labels, const Texts& texts) {
  return household.people[person].role == Role::self ? texts.get("plan.you") : labels[person];
}

// "For your spouse: …", one per reason that holds the person back under that holder.
void add_blocking(std::vector<Reason>& reasons, const MemberResult& member,
                  const std::string& holder_label, const Texts& texts) {
  for (const Reason* blocking : blocking_reasons(member)) {
    reasons.push_back(
        Reason{blocking->code,
               texts.get("plan.holder_says", {{"holder", holder_label}, {"text", blocking->text}}),
               blocking->sources});
  }
}

std::vector<Reason> uncovered_reasons(const PlanFacts& facts, std::size_t j,
                                      const std::vector<std::vector<std::size_t>>& binds,
                                      const std::vector<std::string>& labels, const Texts& texts) {
  const std::size_t person = facts.people[j];
  std::vector<Reason> reasons;
  if (facts.holders.empty()) {
    std::vector<std::string_view> sources;
    for (const Reason& reason : facts.alone[person].holder.reasons) {
      for (std::string_view id : reason.sources) add_unique(sources, id);
    }
    reasons.push_back(Reason{"plan.no_holders",
                             texts.get("plan.no_holders", {{"person", labels[person]}}), sources});
    for (std::size_t other = 0; other < facts.household.people.size(); ++other) {
      if (other == person || facts.household.people[other].scheme != Scheme::employee) continue;
      for (const Reason& reason : facts.alone[other].holder.reasons) {
        reasons.push_back(
            Reason{reason.code,
                   texts.get("plan.holder_says",
                             {{"holder", speaker(facts.household, other, labels, texts)},
                              {"text", reason.text}}),
                   reason.sources});
      }
    }
    return reasons;
  }
  if (!facts.options[j].empty()) {
    // Eligible, but every such holder's places are taken by people the plan covers instead.
    std::vector<std::string> names;
    for (int k : facts.options[j]) names.push_back(labels[facts.holders[k]]);
    reasons.push_back(
        Reason{"plan.places_full",
               texts.get("plan.places_full", {{"person", labels[person]},
                                              {"holders", texts.series(names)},
                                              {"them", them(facts.household, person, texts)}}),
               eligibility_sources(facts.pair[facts.options[j].front()][j])});
    for (int k : facts.options[j]) {
      std::vector<std::size_t> members;
      for (std::size_t bound : binds[k]) members.push_back(facts.people[bound]);
      members.push_back(person);
      const Decision full =
          decide(pairing_request(facts.household, facts.pairing_labels, facts.holders[k], members),
                 facts.policies, false);
      add_blocking(reasons, full.members.back(),
                   speaker(facts.household, facts.holders[k], labels, texts), texts);
    }
    return reasons;
  }
  std::vector<std::string_view> sources;
  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    for (const Reason* reason : blocking_reasons(facts.pair[k][j])) {
      for (std::string_view id : reason->sources) add_unique(sources, id);
    }
  }
  // Not a near relative only as far as the roles tell (a child and a child's spouse): the form
  // cannot say more, so the plan says so rather than that the holder cannot.
  auto unsettled = [&](std::size_t k, const Reason& blocking) {
    return blocking.code == "member.not_near_relative" &&
           unsettled_relation(facts.household.people[person].role,
                              facts.household.people[facts.holders[k]].role) != Relation::other;
  };
  bool any_unsettled = false;
  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    for (const Reason* blocking : blocking_reasons(facts.pair[k][j])) {
      any_unsettled = any_unsettled || unsettled(k, *blocking);
    }
  }
  // Bound by someone not listed where a relative may have one holder (贵阳): covered already,
  // which is said, not "no holder" (walk 44).
  bool bound_elsewhere = false;
  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    bound_elsewhere =
        bound_elsewhere || has_reason(facts.pair[k][j].reasons, "member.single_holder_bound");
  }
  // "None can" only where every holder is known to be unable; otherwise none is known to be able.
  reasons.push_back(Reason{
      "plan.no_holder_can",
      texts.get(bound_elsewhere ? "plan.no_holder_can.bound_elsewhere"
                : any_unsettled ? "plan.no_holder_can.unsettled"
                                : "plan.no_holder_can",
                {{"person", labels[person]}, {"them", them(facts.household, person, texts)}}),
      sources});
  // A reason every holder gives alike is about the person (not insured): said once, plainly;
  // the rest are said for the holder they concern.
  auto everyone_says = [&](const Reason& reason) {
    for (std::size_t k = 0; k < facts.holders.size(); ++k) {
      const std::vector<const Reason*> theirs = blocking_reasons(facts.pair[k][j]);
      const bool says = std::any_of(theirs.begin(), theirs.end(), [&](const Reason* other) {
        return other->code == reason.code && other->text == reason.text;
      });
      if (!says) return false;
    }
    return facts.holders.size() > 1;
  };
  std::vector<const Reason*> shared;
  for (const Reason* reason : blocking_reasons(facts.pair[0][j])) {
    if (everyone_says(*reason)) {
      shared.push_back(reason);
      reasons.push_back(*reason);
    }
  }
  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    for (const Reason* blocking : blocking_reasons(facts.pair[k][j])) {
      const bool said = std::any_of(shared.begin(), shared.end(), [&](const Reason* one) {
        return one->code == blocking->code && one->text == blocking->text;
      });
      if (said) continue;
      if (unsettled(k, *blocking)) {
        reasons.push_back(Reason{
            "plan.relation_unsettled",
            texts.get("plan.relation_unsettled", {{"person", labels[person]},
                                                  {"holder", labels[facts.holders[k]]},
                                                  {"them", them(facts.household, person, texts)}}),
            {}});
        continue;
      }
      reasons.push_back(
          Reason{blocking->code,
                 texts.get("plan.holder_says",
                           {{"holder", speaker(facts.household, facts.holders[k], labels, texts)},
                            {"text", blocking->text}}),
                 blocking->sources});
    }
  }
  return reasons;
}

}  // namespace

bool named_as_you(const HouseholdRequest& household, std::size_t person) {
  const Person& who = household.people[person];
  return who.role == Role::self && !(who.name && !who.name->empty());
}

std::string possessive(const HouseholdRequest& household, std::size_t person,
                       const std::vector<std::string>& labels, const Texts& texts,
                       bool standalone) {
  if (named_as_you(household, person)) {
    return texts.get(standalone ? "plan.own_you" : "plan.of_you");
  }
  return texts.get("plan.of_person", {{"person", labels[person]}});
}

std::string them(const HouseholdRequest& household, std::size_t person, const Texts& texts) {
  return texts.get(named_as_you(household, person) ? "plan.you" : "plan.them");
}

std::vector<std::string> pairing_labels(const HouseholdRequest& household,
                                        const std::vector<std::string>& labels,
                                        const Texts& texts) {
  std::vector<std::string> yours;
  for (std::size_t i = 0; i < household.people.size(); ++i) {
    const Person& person = household.people[i];
    const bool by_role = person.role != Role::self && !(person.name && !person.name->empty());
    yours.push_back(by_role ? texts.get("plan.yours", {{"person", labels[i]}}) : labels[i]);
  }
  return yours;
}

std::vector<std::string> person_labels(const HouseholdRequest& household, const Texts& texts) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < household.people.size(); ++i) {
    const Person& person = household.people[i];
    if (person.name && !person.name->empty()) {
      labels.push_back(*person.name);
      continue;
    }
    const std::string role =
        std::string(texts.word("role", name_of(person.role, kRoleNames), "in_text"));
    // Several of one role without names are told apart by age, or where two share an age, by
    // number in the order entered (as a single answer's members are).
    int same = 0;
    int position = 0;
    bool same_age = false;
    for (std::size_t other = 0; other < household.people.size(); ++other) {
      const Person& them = household.people[other];
      if (them.role != person.role) continue;
      ++same;
      if (other <= i) ++position;
      // Where any two of the role share an age, the whole role is numbered (as in a single
      // answer), never some by age and some by number.
      for (std::size_t earlier = 0; earlier < other; ++earlier) {
        const Person& before = household.people[earlier];
        const auto unnamed = [](const Person& p) { return !p.name || p.name->empty(); };
        if (before.role == person.role && unnamed(before) && unnamed(them) &&
            before.age == them.age) {
          same_age = true;
        }
      }
    }
    labels.push_back(
        same < 2   ? role
        : same_age ? texts.get("plan.numbered", {{"label", role}, {"n", integer_text(position)}})
                   : texts.get("plan.aged", {{"label", role}, {"age", integer_text(person.age)}}));
  }
  return labels;
}

PlanAnswer write_plan(const PlanFacts& facts) {
  const HouseholdRequest& household = facts.household;
  const Texts texts(facts.policies, household.lang);
  const std::vector<std::string>& labels = facts.labels;
  PlanAnswer answer;
  answer.as_of = format_date(household.as_of);
  answer.lang = household.lang;
  answer.version = facts.policies.version;

  std::vector<std::vector<std::size_t>> binds(facts.holders.size());  // people indices j
  // Holders whose 历年 part is not entered, by region: one warning each, naming them.
  struct PriorMissing {
    std::string region;
    std::vector<std::string> names;
    std::size_t at;  // in answer.warnings
  };
  std::vector<PriorMissing> prior_missing;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t wallet_partial = kNone;  // the one wallet warning, where some holder has it
  std::vector<std::string> partial_places;
  for (std::size_t j = 0; j < facts.people.size(); ++j) {
    if (facts.assignment[j] != kNobody) binds[facts.assignment[j]].push_back(j);
  }

  for (std::size_t k = 0; k < facts.holders.size(); ++k) {
    const std::size_t holder = facts.holders[k];
    std::vector<std::size_t> members;
    std::vector<std::string> names;
    PlanHolder entry;
    entry.person = household.people[holder].id;
    for (std::size_t j : binds[k]) {
      members.push_back(facts.people[j]);
      names.push_back(labels[facts.people[j]]);
      entry.binds.push_back(household.people[facts.people[j]].id);
    }
    Answer full = answer_before_asking(
        pairing_request(household, facts.pairing_labels, holder, members), facts.policies);
    entry.shareable_fen = full.holder.shareable_fen;
    entry.shareable_known = full.holder.shareable_known;
    entry.reasons = std::move(full.holder.reasons);
    if (names.empty()) {
      // Before payments begin (上海, July 2022) binding is open: "no one needs binding" would
      // contradict the line above it (review 51).
      entry.reasons.push_back(
          Reason{"plan.holder_binds_none",
                 texts.get(full.holder.payments_open ? "plan.holder_binds_none"
                                                     : "plan.holder_binds_none_before_payments",
                           {{"holder", labels[holder]}, {"start", full.holder.payments_start}}),
                 {}});
    } else {
      // Several bound to one account share what it holds: each person's "up to" is not each
      // one's own (walk 44: read as 6,000 for each).
      const bool shared = names.size() > 1 && entry.shareable_known && entry.shareable_fen > 0;
      entry.reasons.push_back(
          Reason{"plan.holder_binds",
                 texts.get(shared ? "plan.holder_binds_shared" : "plan.holder_binds",
                           {{"holder", labels[holder]},
                            {"names", texts.series(names)},
                            {"amount", texts.money(entry.shareable_fen)}}),
                 {}});
      entry.guidance = std::move(full.guidance);
      // The steps speak to whoever does them: under another holder, the user is told who that is.
      if (household.people[holder].role != Role::self && !entry.guidance.channels.empty()) {
        entry.steps_by = texts.get("plan.steps_by", {{"holder", labels[holder]}});
      }
    }
    // "Nothing counts on the holder's account" is said of the holders it is true of, by name.
    std::vector<Reason> others;
    for (Reason& warning : full.warnings) {
      if (warning.code == "route.wallet_partial") {
        // One warning naming every province the holders' relatives are reached through.
        if (wallet_partial == kNone) {
          wallet_partial = answer.warnings.size();
          answer.warnings.push_back(warning);
        } else {
          for (std::string_view id : warning.sources)
            add_unique(answer.warnings[wallet_partial].sources, id);
        }
        for (const std::string& place : warning.places) add_unique(partial_places, place);
        continue;
      }
      if (warning.code != "holder.prior_years_missing") {
        others.push_back(std::move(warning));
        continue;
      }
      const auto same = std::find_if(
          prior_missing.begin(), prior_missing.end(),
          [&](const PriorMissing& one) { return one.region == full.policy.region_name; });
      if (same == prior_missing.end()) {
        prior_missing.push_back(
            {full.policy.region_name, {labels[holder]}, answer.warnings.size()});
        answer.warnings.push_back(std::move(warning));
      } else {
        same->names.push_back(labels[holder]);
        for (std::string_view id : warning.sources)
          add_unique(answer.warnings[same->at].sources, id);
      }
    }
    add_warnings(answer.warnings, others);
    answer.plan.holders.push_back(std::move(entry));
  }
  if (wallet_partial < answer.warnings.size()) {
    answer.warnings[wallet_partial].text =
        texts.get("warning.wallet_partial", {{"regions", texts.series(partial_places)}});
  }
  for (const PriorMissing& missing : prior_missing) {
    answer.warnings[missing.at].text =
        texts.get("plan.prior_years_missing",
                  {{"names", texts.series(missing.names)}, {"region", missing.region}});
  }
  if (facts.holders.empty()) {
    for (std::size_t i = 0; i < household.people.size(); ++i) {
      if (household.people[i].role != Role::self) continue;
      add_warnings(answer.warnings, decide(pairing_request(household, facts.pairing_labels, i, {}),
                                           facts.policies, true)
                                        .warnings);
    }
  }

  for (std::size_t j = 0; j < facts.people.size(); ++j) {
    const std::size_t person = facts.people[j];
    const int k = facts.assignment[j];
    PlanPerson entry;
    entry.person = household.people[person].id;
    for (int option : facts.options[j]) {
      if (option != k) entry.alternatives.push_back(household.people[facts.holders[option]].id);
    }
    int payer = kNobody;
    if (k != kNobody && facts.pair[k][j].contribution_payable) payer = k;
    for (int ranked : facts.ranked[j]) {
      if (payer == kNobody && facts.pair[ranked][j].contribution_payable) payer = ranked;
    }
    if (payer != kNobody) entry.contribution_payer = household.people[facts.holders[payer]].id;
    if (k != kNobody) {
      const MemberResult& pairing = facts.pair[k][j];
      entry.holder = household.people[facts.holders[k]].id;
      entry.relation =
          relation_between(household.people[person].role, household.people[facts.holders[k]].role,
                           self_sex(household));
      entry.route = pairing.route;
      const std::vector<Reason> also = if_related_holders(facts, j, k, labels, texts);
      entry.reasons.push_back(choice_reason(facts, j, k, labels, texts, !also.empty()));
      for (const Reason& reason : also) entry.reasons.push_back(reason);
      add_surer_holder(entry.reasons, facts, j, k, labels, texts);
      for (const Reason& reason : pairing.reasons) entry.reasons.push_back(reason);
      ++answer.plan.covered;
    } else {
      entry.reasons = uncovered_reasons(facts, j, binds, labels, texts);
      entry.changes = household_changes(facts, j, labels, texts);
    }
    // An employee who cannot share (深圳's 二档): why, so that a balance typed for them is not
    // read as ignored by mistake (walk 44); where no one covers them, said as theirs, like the
    // other holders' reasons above it (review 60 #3: the same sentence twice, once without whose).
    if (household.people[person].scheme == Scheme::employee) {
      for (const Reason& reason : facts.alone[person].holder.reasons) {
        if (reason_role(reason.code, false) != ReasonRole::why_not) continue;
        entry.reasons.push_back(
            k == kNobody ? Reason{reason.code,
                                  texts.get("plan.holder_says",
                                            {{"holder", speaker(household, person, labels, texts)},
                                             {"text", reason.text}}),
                                  reason.sources}
                         : reason);
        break;
      }
    }
    // Not insured, and no one here may pay the first contribution: why, in the holders' own
    // words (across provinces the wallet reaches only the insured), so the family knows who pays
    // it (walk 44: the calculator said it, the plan did not).
    if (payer == kNobody && household.people[person].scheme == Scheme::none) {
      for (int ranked : facts.ranked[j]) {
        for (const Reason& reason : facts.pair[ranked][j].reasons) {
          if (refuses_contribution(reason) && !has_reason(entry.reasons, reason.code))
            entry.reasons.push_back(reason);
        }
      }
    }
    answer.plan.people.push_back(std::move(entry));
  }
  answer.plan.total = static_cast<int32_t>(facts.people.size());
  ask_office_once(answer.warnings, texts);

  std::vector<std::string_view> ids;
  for (const PlanHolder& holder : answer.plan.holders) collect_source_ids(holder.reasons, ids);
  for (const PlanPerson& person : answer.plan.people) {
    collect_source_ids(person.reasons, ids);
    collect_source_ids(person.changes, ids);
  }
  collect_source_ids(answer.warnings, ids);
  answer.sources = cited_sources(facts.policies, std::move(ids), household.lang);
  return answer;
}

}  // namespace gongji::detail
