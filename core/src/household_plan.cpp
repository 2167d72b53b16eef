// The household plan (household.md, "How the plan is made"): every pairing of a holder and a
// person is decided by the single-holder rules, then an exact search picks the assignment that
// covers the most people within what each holder's region allows, preferring, person by person
// in request order, the closer route, the larger shareable balance and the earlier holder.
//
// The search: people in request order, each tried with their eligible holders in preference
// order and last with nobody, so the first assignment found with the most people covered is the
// one the tie rules choose. A branch is cut when even its bound cannot beat the best found: the
// people still open who have a holder with room, and, per holder, how many of them it could
// still take (the caps are counts, so a greedy fill gives that number exactly). Without a cap in
// reach the first descent is optimal and nothing else is visited; caps make the search grow
// with the ways a full holder's people could be spread over the others (measured in the tests).
#include <algorithm>

#include "household_facts.hpp"
#include "small_sort.hpp"

namespace gongji {

Request pairing_request(const HouseholdRequest& household, const std::vector<std::string>& labels,
                        std::size_t holder, const std::vector<std::size_t>& members) {
  const Person& h = household.people[holder];
  std::optional<Sex> self_sex;
  for (const Person& person : household.people) {
    if (person.role == Role::self) self_sex = person.sex;
  }
  Request request;
  request.as_of = household.as_of;
  request.lang = household.lang;
  if (h.role != Role::self) request.holder_label = labels[holder];
  request.holder = {h.region,
                    h.scheme,
                    h.status,
                    h.tier,
                    h.has_personal_account,
                    h.balance_fen,
                    h.prior_years_balance_fen,
                    h.authorized_limit_fen};
  for (std::size_t index : members) {
    const Person& p = household.people[index];
    Member member;
    member.id = p.id;
    member.name = labels[index];
    member.relation = relation_between(p.role, h.role, self_sex);
    member.age = p.age;
    member.scheme = p.scheme;
    member.region = p.region;
    member.own_balance_fen = p.balance_fen;
    member.bound_to_other_holder = p.bound_to_other_holder;
    member.reader = p.role == Role::self && !(p.name && !p.name->empty());
    request.members.push_back(std::move(member));
  }
  return request;
}

namespace {

using detail::Decision;

using detail::kNobody;

int count_bits(uint32_t mask) {
  int count = 0;
  for (; mask != 0; mask &= mask - 1) ++count;
  return count;
}

int route_rank(Route route) {
  return route == Route::local ? 0 : route == Route::in_province ? 1 : 2;
}

class Planner {
 public:
  Planner(const HouseholdRequest& household, const PolicySet& policies, PlanStats& stats)
      : household_(household),
        policies_(policies),
        stats_(stats),
        labels_(detail::person_labels(household, detail::Texts(policies, household.lang))),
        pairing_labels_(
            detail::pairing_labels(household, labels_, detail::Texts(policies, household.lang))) {}

  // Steps 1 to 3: holders, relations and every pairing.
  void decide_pairings() {
    const std::size_t n = household_.people.size();
    alone_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      alone_.push_back(
          detail::decide(pairing_request(household_, pairing_labels_, i, {}), policies_, false));
      if (alone_.back().holder.can_share) {
        holders_.push_back(i);
      } else {
        people_.push_back(i);
      }
    }
    pair_.assign(holders_.size(), {});
    for (std::size_t k = 0; k < holders_.size(); ++k) {
      for (std::size_t person : people_) {
        ++stats_.pairings;
        Decision decision = detail::decide(
            pairing_request(household_, pairing_labels_, holders_[k], {person}), policies_, false);
        pair_[k].push_back(std::move(decision.members.front()));
      }
    }
    ranked_.assign(people_.size(), {});
    options_.assign(people_.size(), {});
    for (std::size_t j = 0; j < people_.size(); ++j) {
      for (std::size_t k = 0; k < holders_.size(); ++k) ranked_[j].push_back(static_cast<int>(k));
      detail::sort_small(ranked_[j], [&](int a, int b) { return prefer(j, a, b); });
      for (int k : ranked_[j]) {
        if (pair_[k][j].eligible) options_[j].push_back(k);
      }
    }
  }

  // Step 5's order between two holders for person j.
  bool prefer(std::size_t j, int a, int b) const {
    const int ra = route_rank(pair_[a][j].route), rb = route_rank(pair_[b][j].route);
    if (ra != rb) return ra < rb;
    const Fen sa = alone_[holders_[a]].holder.shareable_fen;
    const Fen sb = alone_[holders_[b]].holder.shareable_fen;
    if (sa != sb) return sa > sb;
    return a < b;
  }

  // Step 4: the assignment.
  void search() {
    masks_.assign(holders_.size(), 0);
    assignment_.assign(people_.size(), kNobody);
    best_assignment_ = assignment_;
    reachable_ = 0;
    for (const auto& options : options_) reachable_ += options.empty() ? 0 : 1;
    visit(0, 0);
  }

  const HouseholdRequest& household_;
  const PolicySet& policies_;
  PlanStats& stats_;
  std::vector<std::string> labels_;
  std::vector<std::string> pairing_labels_;
  std::vector<Decision> alone_;                  // each person as a holder with nobody
  std::vector<std::size_t> holders_;             // person indices, request order
  std::vector<std::size_t> people_;              // everyone else, request order
  std::vector<std::vector<MemberResult>> pair_;  // [holder][person]
  std::vector<std::vector<int>> ranked_;         // per person: every holder, preferred first
  std::vector<std::vector<int>> options_;        // the same, only those they are eligible under
  std::vector<int> best_assignment_;             // per person: holder or kNobody
  int best_ = -1;

 private:
  // Whether holder k may bind exactly the people in `mask` (caps in total and per relation).
  bool allows(int k, uint32_t mask) {
    if (count_bits(mask) <= 1) return true;  // a single pairing is already eligible
    const uint64_t key = (static_cast<uint64_t>(k) << 32) | mask;
    const auto found = std::lower_bound(allowed_.begin(), allowed_.end(), key,
                                        [](const std::pair<uint64_t, bool>& entry,
                                           uint64_t wanted) { return entry.first < wanted; });
    if (found != allowed_.end() && found->first == key) return found->second;
    const auto at = found - allowed_.begin();
    ++stats_.set_checks;
    std::vector<std::size_t> members;
    for (std::size_t j = 0; j < people_.size(); ++j) {
      if (mask & (1u << j)) members.push_back(people_[j]);
    }
    const Decision decision = detail::decide(
        pairing_request(household_, pairing_labels_, holders_[k], members), policies_, false);
    const bool ok = std::all_of(decision.members.begin(), decision.members.end(),
                                [](const MemberResult& m) { return m.eligible; });
    allowed_.emplace(allowed_.begin() + at, key, ok);
    return ok;
  }

  // The most people from `from` on that could still be covered.
  int bound(std::size_t from) {
    int open = 0;
    int room = 0;
    std::vector<uint32_t> fill = masks_;
    for (std::size_t j = from; j < people_.size(); ++j) {
      bool any = false;
      for (int k : options_[j]) {
        if (!allows(k, masks_[k] | (1u << j))) continue;
        any = true;
        if (allows(k, fill[k] | (1u << j))) {
          fill[k] |= 1u << j;
          ++room;
        }
      }
      open += any ? 1 : 0;
    }
    return std::min(open, room);
  }

  void visit(std::size_t j, int covered) {
    ++stats_.search_nodes;
    if (j == people_.size()) {
      if (covered > best_) {
        best_ = covered;
        best_assignment_ = assignment_;
      }
      return;
    }
    if (best_ >= 0 && covered + bound(j) <= best_) return;
    for (int k : options_[j]) {
      if (!allows(k, masks_[k] | (1u << j))) continue;
      assignment_[j] = k;
      masks_[k] |= 1u << j;
      visit(j + 1, covered + 1);
      masks_[k] &= ~(1u << j);
      assignment_[j] = kNobody;
      if (best_ == reachable_) return;  // nobody could do better
    }
    visit(j + 1, covered);
  }

  std::vector<uint32_t> masks_;  // per holder: the people bound so far
  std::vector<int> assignment_;
  int reachable_ = 0;
  // (holder << 32 | mask, allowed), sorted by key: a few hundred at most, so a sorted array
  // (no hash table's code in the module).
  std::vector<std::pair<uint64_t, bool>> allowed_;
};

}  // namespace

PlanAnswer plan_household(const HouseholdRequest& household, const PolicySet& policies,
                          PlanStats* stats) {
  PlanStats local;
  Planner planner(household, policies, stats ? *stats : local);
  planner.decide_pairings();
  planner.search();
  const detail::PlanFacts facts{
      household,       policies,         planner.labels_,         planner.pairing_labels_,
      planner.alone_,  planner.holders_, planner.people_,         planner.pair_,
      planner.ranked_, planner.options_, planner.best_assignment_};
  return detail::write_plan(facts);
}

}  // namespace gongji
