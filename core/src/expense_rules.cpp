// The expense waterfall: each expense in order, the member's own account, then the holder's pool
// (never beyond what that member may use), then out of pocket. A relative across provinces is paid
// through the wallet: the answer counts the transfers, and from 2026 the relative's quota is
// reserved for that relative alone.
#include <algorithm>

#include "answer_writer.hpp"
#include "context.hpp"
#include "integer_text.hpp"

namespace gongji::detail {
namespace {

struct Balances {
  Fen pool;                         // what is left of the holder's shareable money
  Fen holder_balance;               // what is left of the holder's whole balance
  std::vector<Fen> own;             // each member's own account
  std::vector<bool> own_account;    // whether the member's scheme has an account at all
  std::vector<Fen> drawn;           // what each member has drawn from the holder
  std::vector<Fen> reserved;        // a cross-province relative's quota (0: none)
  bool pool_started_empty = false;  // nothing was shareable: "used up" would be untrue
  bool pool_unknown = false;        // what is shareable could not be computed: nothing is drawn
  int64_t wallet_transfers = 0;     // transfers out of the holder's wallet by the bills before
  // The amount the holder authorised, where it caps what is shared (HolderResult), and what is left
  // of it for the relatives in the province where it caps only them.
  std::optional<Fen> authorised = std::nullopt;
  std::optional<Fen> local_left = std::nullopt;

  // What other members' quotas still hold back from everybody else (`except`: the one drawing).
  Fen held_for_others(std::size_t except) const {
    Fen held = 0;
    for (std::size_t j = 0; j < reserved.size(); ++j) {
      if (j != except) held += std::max<Fen>(0, reserved[j] - drawn[j]);
    }
    return held;
  }
};

constexpr std::size_t kNobody = static_cast<std::size_t>(-1);

// "1 transfer" / "2 transfers" ("2笔"): `key` + ".one" for one, `key` for more.
std::string count_text(const Texts& texts, const std::string& key, int64_t n) {
  return texts.get(n == 1 ? key + ".one" : key, {{"n", integer_text(n)}});
}

// How many wallet transfers, and days, the holder's part of a bill needs (S5's limits). The
// limits are the holder's wallet's, whoever receives: the days count every transfer before.
void count_transfers(Context& context, ExpenseResult& result, int64_t& transfers_before) {
  const RuleEntry& limits = context.use("wallet_limits");
  const WalletLimits& limit = limits.as<WalletLimits>();
  const Fen per_transfer = limit.per_transfer_fen;
  const int64_t per_day = limit.transfers_per_day;
  result.wallet_transfers = (result.from_holder_fen + per_transfer - 1) / per_transfer;
  const int64_t before = transfers_before;
  transfers_before += result.wallet_transfers;
  const int64_t days = (transfers_before + per_day - 1) / per_day;
  // Since the 2026 quota notice the limits may no longer apply: then the count is conditional.
  // (A reason keeps a view of its code: a literal, never a built string.)
  const char* code =
      limits.unconfirmed ? "expense.wallet_transfers_unconfirmed" : "expense.wallet_transfers";
  // After other bills' transfers the sentence adds them up (its "_after_others" form).
  const std::string text = before > 0 ? std::string(code) + "_after_others" : std::string(code);
  context.add_reason(
      result.reasons, code,
      context.texts.get(
          text,
          {{"amount", context.texts.money(result.from_holder_fen)},
           {"transfers", count_text(context.texts, "count.transfers", result.wallet_transfers)},
           {"before", count_text(context.texts, "count.transfers", before)},
           {"total", count_text(context.texts, "count.transfers", transfers_before)},
           {"per_transfer", context.texts.money(per_transfer)},
           {"per_day", integer_text(per_day)},
           {"days", count_text(context.texts, "count.days", days)},
           {"closed_from", limit.closed_from},
           {"closed_until", limit.closed_until}}),
      &limits);
}

Fen take(Fen& from, Fen wanted) {
  const Fen taken = std::min(from, wanted);
  from -= taken;
  return taken;
}

// Nothing is paid from an account that does not exist, whatever balance the request states.
void pay_for_holder(Context& context, const HolderResult& holder, const Expense& expense,
                    const RuleEntry& use, Balances& balances, ExpenseResult& result) {
  if (!holder.has_account) {
    if (balances.holder_balance > 0) {
      context.add_reason(result.reasons, "expense.holder_no_account",
                         context.texts.get("expense.holder_no_account"),
                         holder.reasons.empty() ? std::vector<std::string_view>{}
                                                : holder.reasons.front().sources);
    }
    return;
  }
  // A quota granted to a relative across provinces is not the holder's to spend.
  const Fen held = balances.held_for_others(kNobody);
  const Fen spendable = std::max<Fen>(0, balances.holder_balance - held);
  result.from_own_fen = std::min(spendable, expense.amount_fen);
  balances.holder_balance -= result.from_own_fen;
  const bool not_covered = result.from_own_fen < expense.amount_fen;
  if (not_covered && held > 0) {
    context.add_reason(
        result.reasons, "expense.quota_reserved",
        context.texts.get("expense.quota_reserved", {{"amount", context.texts.money(held)}}),
        &context.use("wallet_quota"));
  } else if (not_covered) {
    // Why a part is left to pay (walk 49: "需自付" alone, after relatives' bills listed first
    // had used the balance).
    context.add_said(result.reasons, "expense.holder_balance_short", &use);
  }
  // The holder's own spending shrinks the pool only once the balance falls below it.
  balances.pool = std::min(balances.pool, balances.holder_balance);
  if (result.from_own_fen > 0) {
    context.add_reason(result.reasons, "expense.from_own",
                       context.texts.get("expense.from_own",
                                         {{"amount", context.texts.money(result.from_own_fen)}}),
                       &use);
  }
}

// `holder_closed`: the holder's money may not pay this kind for this member (the wallet's uses),
// which the bill has said already; the member's own account still may.
void pay_for_member(Context& context, const Expense& expense, const RuleEntry& use,
                    const MemberResult& member, std::size_t index, Balances& balances,
                    ExpenseResult& result, bool holder_closed = false) {
  const bool contribution = expense.kind == ExpenseKind::resident_contribution;
  const bool may_draw =
      !holder_closed && (contribution ? member.contribution_payable : member.eligible);
  // Whose account pays first matters only to a member with an account of their own who may also
  // draw on the holder's: only then is the rule used (and, where it is the nation's, warned of).
  const bool ordered = may_draw && balances.own_account[index];
  const RuleEntry& order =
      ordered ? context.use("own_account_first") : context.rule("own_account_first");
  // What a sentence about this bill's payment cites: the order where it decided who paid, else
  // what the account may pay for.
  auto payment_rule = [&]() -> const RuleEntry* { return ordered ? &order : &use; };
  Fen rest = expense.amount_fen;

  auto from_own = [&] {
    if (!balances.own_account[index]) return;
    result.from_own_fen = take(balances.own[index], rest);
    rest -= result.from_own_fen;
  };
  auto from_holder = [&] {
    if (!may_draw) return;
    // A contribution may have drawn past the "up to" (it is paid from the open pool).
    const Fen cap = std::max<Fen>(0, member.usable_fen - balances.drawn[index]);
    const Fen open = std::max<Fen>(0, balances.pool - balances.held_for_others(index));
    // Nothing to draw (a quota of 0 among them: review 56) is not the open pool either.
    const bool quota = balances.reserved[index] > 0 || (member.eligible && member.usable_fen == 0);
    Fen limit = std::min(open, contribution && !quota ? open : cap);
    const bool local = member.route != Route::cross_province;
    if (local && balances.local_left) limit = std::min(limit, *balances.local_left);
    result.from_holder_fen = std::min(rest, limit);
    if (local && balances.local_left) *balances.local_left -= result.from_holder_fen;
    rest -= result.from_holder_fen;
    balances.pool -= result.from_holder_fen;
    balances.holder_balance -= result.from_holder_fen;
    balances.drawn[index] += result.from_holder_fen;
  };
  if (order.as<bool>()) {
    from_own();
    from_holder();
  } else {
    from_holder();
    from_own();
  }

  if (!balances.own_account[index] && balances.own[index] > 0) {
    context.add_said(result.reasons, "expense.member_no_account",
                     &context.use_in(context.member_regions[index], "scheme_account"));
  }
  if (result.from_own_fen > 0) {
    // The nation sets no order: where the region has none, the order is other places' practice
    // (its sources are theirs), and the sentence says so.
    const char* own_code = ordered && !context.region_sets("own_account_first")
                               ? "expense.from_own_by_practice"
                               : "expense.from_own";
    context.add_reason(
        result.reasons, own_code,
        context.texts.get(own_code, {{"amount", context.texts.money(result.from_own_fen)}}),
        payment_rule());
  }
  if (result.from_holder_fen > 0) {
    // What the holder's account may pay for; the order of payment only where it split the bill.
    std::vector<std::string_view> sources(use.sources.begin(), use.sources.end());
    if (result.from_own_fen > 0) {
      for (const auto& id : order.sources) {
        if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
      }
    }
    // A relative in another province is paid through the wallet (a quota or a transfer), never
    // straight from the holder's account.
    const char* code = member.route == Route::cross_province ? "expense.from_holder_wallet"
                                                             : "expense.from_holder";
    context.add_reason(
        result.reasons, code,
        context.texts.get(code, {{"amount", context.texts.money(result.from_holder_fen)},
                                 {"account", context.shared_account()}}),
        std::move(sources));
  }
  // A member held back only because payments have not begun is told that, not "may not use";
  // so is a bill one not yet insured could have paid then (a first contribution), not their care.
  const bool waiting = has_reason(member.reasons, "member.payments_not_started") &&
                       (contribution || context.request.members[index].scheme != Scheme::none);
  if (rest > 0 && !may_draw && waiting) {
    context.add_said(result.reasons, "expense.payments_not_started", &context.use("payments_open"));
  } else if (rest > 0 && holder_closed) {
    // Said already: the wallet does not pay for this.
  } else if (rest > 0 && !may_draw) {
    // Why, in the member's own first "why not" (an in-law, bound elsewhere, no account to share);
    // a contribution, in the contribution's own where there is one (a first contribution the
    // rules do not let the account pay: "not insured" is what the payment would end).
    const auto refusing = [&](bool of_contribution) {
      return std::find_if(member.reasons.begin(), member.reasons.end(), [&](const Reason& r) {
        return of_contribution ? refuses_contribution(r)
                               : reason_role(r.code, false) == ReasonRole::why_not;
      });
    };
    auto why_not = contribution ? refusing(true) : member.reasons.end();
    if (why_not == member.reasons.end()) why_not = refusing(false);
    const bool said_why = why_not != member.reasons.end();
    const char* code =
        contribution ? "expense.contribution_not_payable" : "expense.member_not_eligible";
    const char* because = contribution ? "expense.contribution_not_payable_because"
                                       : "expense.member_not_eligible_because";
    context.add_reason(
        result.reasons, code,
        said_why ? context.texts.get(because, {{"why", why_not->text}}) : context.texts.get(code),
        said_why ? why_not->sources : std::vector<std::string_view>{});
  } else if (rest > 0 && has_quota(context, member) && balances.drawn[index] >= member.usable_fen) {
    // The quota the holder set stops it (a quota of 0 too), not the holder's balance.
    context.add_reason(result.reasons, "expense.quota_exceeded",
                       context.texts.get("expense.quota_exceeded",
                                         {{"amount", context.texts.money(member.usable_fen)}}),
                       &context.use("wallet_quota"));
  } else if (rest > 0 && !context.rule("payments_open").as<bool>()) {
    context.add_said(result.reasons, "expense.payments_not_started", &context.use("payments_open"));
  } else if (rest > 0 && balances.authorised &&
             (balances.local_left && member.route != Route::cross_province
                  ? *balances.local_left == 0
                  : balances.pool == 0 && balances.holder_balance > 0)) {
    // Money is left in the account: what ran out is the amount the holder authorised, which the
    // holder can raise where the region lets holders set one; elsewhere it is only the amount
    // entered.
    const RuleEntry& rule = context.use("holder_limit");
    context.add_reason(result.reasons, "expense.authorized_limit_reached",
                       context.texts.get(rule.as<bool>() ? "expense.authorized_limit_reached"
                                                         : "expense.authorized_amount_used",
                                         {{"limit", context.texts.money(*balances.authorised)}}),
                       &rule);
  } else if (rest > 0 && balances.pool > 0 && balances.held_for_others(index) > 0) {
    // What is left of the pool is a quota held for a relative in another province.
    context.add_reason(result.reasons, "expense.quota_held_for_others",
                       context.texts.get("expense.quota_held_for_others",
                                         {{"amount", context.texts.money(balances.pool)}}),
                       &context.use("wallet_quota"));
  } else if (rest > 0) {
    const char* code = balances.pool_unknown         ? "expense.pool_unknown"
                       : balances.pool_started_empty ? "expense.pool_empty"
                                                     : "expense.pool_exhausted";
    context.add_reason(result.reasons, code,
                       context.texts.get(code, {{"amount", context.texts.money(rest)}}),
                       payment_rule());
  }
  if (member.route == Route::cross_province && result.from_holder_fen > 0) {
    count_transfers(context, result, balances.wallet_transfers);
  }
  result.out_of_pocket_fen = rest;
}

}  // namespace

std::vector<ExpenseResult> apply_expenses(Context& context, const HolderResult& holder,
                                          const std::vector<MemberResult>& members, Pool& pool) {
  const Request& request = context.request;
  Balances balances{holder.shareable_fen, request.holder.balance_fen, {}, {}, {}, {}};
  for (std::size_t i = 0; i < request.members.size(); ++i) {
    const Member& member = request.members[i];
    const RuleEntry& schemes = context.use_in(context.member_regions[i], "scheme_account");
    balances.own.push_back(member.own_balance_fen);
    balances.own_account.push_back(schemes.as<SchemeAccounts>().of(member.scheme));
    balances.drawn.push_back(0);
    balances.reserved.push_back(quota_reserved(context, members[i]));
  }
  pool.start_fen = holder.shareable_fen;
  balances.pool_started_empty = holder.shareable_fen == 0;
  balances.pool_unknown = !holder.shareable_known;
  if (holder.by_authorisation || holder.local_limit_fen) {
    balances.authorised = holder.local_limit_fen ? *holder.local_limit_fen : holder.shareable_fen;
  }
  balances.local_left = holder.local_limit_fen;

  std::vector<ExpenseResult> results;
  for (const Expense& expense : request.expenses) {
    ExpenseResult result;
    result.member = expense.member;
    result.kind = expense.kind;
    result.amount_fen = expense.amount_fen;
    const std::string kind(name_of(expense.kind, kExpenseKindNames));
    const std::string kind_label = std::string(context.texts.word("expense_kind", kind, "in_text"));
    const std::optional<std::size_t> who = expense.member_index;
    const Scheme scheme = who ? request.members[*who].scheme : request.holder.scheme;
    if (kind == "resident_contribution" && scheme == Scheme::employee) {
      // No such contribution exists for this person (a relative or the holder): the card says so,
      // and so does the bill.
      context.add_reason(result.reasons, "expense.contribution_employee",
                         context.texts.get(who ? "expense.contribution_employee"
                                               : "expense.contribution_employee_you"),
                         &context.use("use." + kind));
      result.out_of_pocket_fen = expense.amount_fen;
      results.push_back(std::move(result));
      continue;
    }
    // A relative reached through the wallet is paid for only what the wallet may pay for; their
    // own account still pays what it may.
    const bool through_wallet = who && members[*who].route == Route::cross_province;
    const RuleEntry& use = context.use((through_wallet ? "wallet_use." : "use.") + kind);
    const bool permitted = use.as<Use>().allowed;
    const bool place_ok = expense.designated || !use.as<Use>().designated_only;
    result.allowed = permitted && place_ok;
    const RuleEntry* own_use = nullptr;  // the member's own account's rule, where only it may pay
    const RuleEntry& ordinary = context.rule("use." + kind);
    const Use& rule = ordinary.as<Use>();
    if (through_wallet && !permitted && balances.own_account[*who] && balances.own[*who] > 0) {
      if (rule.allowed && (expense.designated || !rule.designated_only)) own_use = &ordinary;
    }
    // A use only read as allowed or not (a local permission no source states) is said so. Through
    // the wallet, its list decides where the account's own rule allows the use, or not surely (a
    // check-up); where that rule surely refuses it too, the account's money may not pay it at all.
    const std::string region = context.region_name(context.holder_region);
    const bool doubted = context.doubt("use", use, region);
    const char* use_code = doubted     ? (permitted ? "expense.use_allowed_unconfirmed"
                                                    : "expense.use_forbidden_unconfirmed")
                           : permitted ? "expense.use_allowed"
                           : !through_wallet || (!rule.allowed && !ordinary.unconfirmed)
                               ? "expense.use_forbidden"
                               : "expense.wallet_use_forbidden";
    if (permitted && !place_ok) {
      // One sentence: the kind is payable only at a designated place, so this bill is not.
      context.add_reason(result.reasons, "expense.not_designated",
                         context.texts.get("expense.not_designated",
                                           {{"kind", kind_label},
                                            {"amount", context.texts.money(expense.amount_fen)}}),
                         &use);
    } else {
      // Where the relative's own account pays, the bill is not said to be self-paid.
      const char* text = own_use ? "expense.wallet_use_own_only" : use_code;
      context.add_reason(result.reasons, use_code,
                         context.texts.get(text, {{"kind", kind_label}, {"region", region}}), &use);
    }

    if (own_use) {
      result.allowed = true;
      pay_for_member(context, expense, context.used("use." + kind, *own_use), members[*who], *who,
                     balances, result, true);
    } else if (!result.allowed) {
      result.out_of_pocket_fen = expense.amount_fen;
    } else if (!expense.member_index) {
      pay_for_holder(context, holder, expense, use, balances, result);
      result.out_of_pocket_fen = expense.amount_fen - result.from_own_fen;
    } else {
      pay_for_member(context, expense, use, members[*expense.member_index], *expense.member_index,
                     balances, result);
    }
    // Where the pool is unknown the bill is not said to be self-paid: it is only not counted.
    const bool uncounted =
        !result.reasons.empty() && result.reasons.back().code == "expense.pool_unknown";
    if (result.out_of_pocket_fen > 0 && result.allowed && !uncounted) {
      // "The remaining …" only where an account paid a part.
      const bool whole = result.out_of_pocket_fen == expense.amount_fen;
      context.add_reason(
          result.reasons, "expense.out_of_pocket",
          context.texts.get(whole ? "expense.out_of_pocket_whole" : "expense.out_of_pocket",
                            {{"amount", context.texts.money(result.out_of_pocket_fen)}}),
          &use);
    }
    results.push_back(std::move(result));
  }
  pool.remaining_fen = balances.pool;
  pool.used_fen = pool.start_fen - pool.remaining_fen;
  return results;
}

}  // namespace gongji::detail
