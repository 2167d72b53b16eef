// A contract request as the form's state (a link's family, one remembered, one brought from the
// calculator to the household page), and fen amounts as the form's yuan text. Apart from
// share.js (links), which the calculator page loads only when a link needs it.

/** 300050 -> "3000.50", 300000 -> "3000": the form's yuan text for a fen amount. */
export function fenToYuanText(fen) {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const cents = fen % 100;
  return cents === 0
    ? String(Math.trunc(fen / 100))
    : `${Math.trunc(fen / 100)}.${String(cents).padStart(2, '0')}`;
}

const text = (value, fallback = '') => (typeof value === 'string' ? value : fallback);

/**
 * Form state from a contract request; anything that is not text becomes a default, nothing is
 * interpreted, and a word the core does not know is reported by it at its field.
 */
export function requestToState(request, newKey) {
  const holder = request.holder ?? {};
  const keys = new Map();
  const members = (Array.isArray(request.members) ? request.members : [])
    .slice(0, 20)
    .map((m, i) => {
      const key = newKey();
      keys.set(typeof m.id === 'string' ? m.id : `m${i + 1}`, key);
      return {
        key,
        name: text(m.name).slice(0, 64),
        relation: text(m.relation, 'spouse'),
        age: Number.isInteger(m.age) ? String(m.age) : '',
        scheme: text(m.scheme, 'resident'),
        region: /^\d{6}$/.test(m.region ?? '') ? m.region : '',
        ownBalance: m.own_balance_fen === undefined ? '' : fenToYuanText(m.own_balance_fen),
        bound: m.bound_to_other_holder === true,
      };
    });
  const expenses = (Array.isArray(request.expenses) ? request.expenses : [])
    .slice(0, 200)
    .map((e) => ({
      key: newKey(),
      member: e.member === 'holder' ? 'holder' : (keys.get(e.member) ?? ''),
      kind: text(e.kind, 'outpatient'),
      amount: fenToYuanText(e.amount_fen),
      designated: e.designated !== false,
    }));
  return {
    lang: request.lang === 'en' ? 'en' : 'zh-CN',
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(request.as_of ?? '') ? request.as_of : undefined,
    holder: {
      region: /^\d{6}$/.test(holder.region ?? '') ? holder.region : '110000',
      scheme: text(holder.scheme, 'employee'),
      status: text(holder.status, 'employed'),
      tier: text(holder.tier).slice(0, 8),
      balance: fenToYuanText(holder.balance_fen),
      priorYears:
        holder.prior_years_balance_fen === undefined
          ? ''
          : fenToYuanText(holder.prior_years_balance_fen),
      authorized:
        holder.authorized_limit_fen === undefined ? '' : fenToYuanText(holder.authorized_limit_fen),
    },
    members,
    expenses,
  };
}
