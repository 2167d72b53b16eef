// The family typed on the calculator (its #r= request) as the household page's people, so that
// following the link to the household plan keeps it: the holder is "self", each relative takes
// the household role that is their relation to self (the vocabulary's `relations` under each
// role, from the core's kinship table). The calculator does not ask whether a parent (or a
// parent-in-law) is a father or a mother, nor the holder's own age: where a relation has two
// roles the first relative takes the first, the next the second (any more: other), the age is
// left empty, and the page asks the user to check them (`guessed`).
import { fenToYuanText } from './amount.js';

const text = (value) => (typeof value === 'string' ? value : '');
const region = (value) => (typeof value === 'string' && /^\d{6}$/.test(value) ? value : '');
const fen = (value) => Number.isSafeInteger(value) && value >= 0;
// An amount, or the text the calculator could not read (its form as typed, walk 52).
const yuan = (value) =>
  typeof value === 'string' ? value.slice(0, 40) : fen(value) ? fenToYuanText(value) : '';

/**
 * What a person's account or binding has that the household form has no field for (a tier, no
 * account, the prior-years part, the authorised amount, bound by another holder), from a
 * calculator's holder or member or a household link's person: the household request takes them
 * (household.md), so they are kept and sent as they are, and shown under the person, so that
 * nothing decides the plan unseen.
 */
export function accountExtras(from) {
  const extras = {};
  if (typeof from?.tier === 'string' && from.tier) extras.tier = from.tier.slice(0, 8);
  if (typeof from?.has_personal_account === 'boolean')
    extras.has_personal_account = from.has_personal_account;
  if (fen(from?.prior_years_balance_fen))
    extras.prior_years_balance_fen = from.prior_years_balance_fen;
  if (fen(from?.authorized_limit_fen)) extras.authorized_limit_fen = from.authorized_limit_fen;
  if (from?.bound_to_other_holder === true) extras.bound_to_other_holder = true;
  return extras;
}

/**
 * `{ asOf, people, guessed, overflow, statusGuessed, balanceMissing, namesLeftOut, tooMany }`
 * from a calculator request and the module's vocabulary, or null when it is not one or has no
 * relatives (the household page then shows its example, which shows more than one person alone
 * would). `people` are the household form's fields (as text); the flags say what the page asks
 * the user to check: a role chosen by order, a relative left without a role of their relation, an
 * employee relative's status (which the calculator does not ask) or own balance (which it does
 * not need), names a link never carries, relatives beyond the household's 20 people.
 */
export function householdFromCalculator(request, vocabulary) {
  const holder = request?.holder;
  if (!holder || typeof holder !== 'object') return null;
  const rolesOf = (relation) =>
    vocabulary.role.values
      .filter((role) => role.relations?.includes(relation))
      .map((role) => role.id);
  const all = (Array.isArray(request.members) ? request.members : []).filter(
    (m) => m && typeof m === 'object',
  );
  const members = all.slice(0, 19); // the household's 20 people, the holder one of them
  if (members.length === 0) return null;
  const self = {
    role: 'self',
    age: '',
    scheme: text(holder.scheme) || 'employee',
    status: text(holder.status) || 'employed',
    region: region(holder.region),
    balance: yuan(holder.balance_fen),
    extra: accountExtras(holder),
  };
  const taken = new Map(); // relation -> how many relatives so far
  let guessed = false; // a role chosen by order (父亲 or 母亲)
  let overflow = false; // a relative left without a role of their relation (a third parent)
  const people = members.map((m) => {
    const roles = rolesOf(m.relation);
    const count = taken.get(m.relation) ?? 0;
    taken.set(m.relation, count + 1);
    if (roles.length > 1) guessed = true;
    if (roles.length > 1 && count >= roles.length) overflow = true;
    const scheme = text(m.scheme) || 'resident';
    return {
      name: text(m.name).slice(0, 64),
      role: (roles.length === 1 ? roles[0] : roles[count]) ?? 'other',
      age: Number.isInteger(m.age)
        ? String(m.age)
        : typeof m.age === 'string'
          ? m.age.slice(0, 8)
          : '',
      scheme,
      region: region(m.region),
      balance: scheme === 'employee' ? yuan(m.own_balance_fen) : '',
      extra: accountExtras(m),
    };
  });
  return {
    asOf:
      typeof request.as_of === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(request.as_of)
        ? request.as_of
        : undefined,
    people: [self, ...people],
    guessed,
    overflow,
    // What else the form fills in that the calculator never asked or the link left out.
    statusGuessed: people.some((p) => p.scheme === 'employee'),
    balanceMissing: people.some((p) => p.scheme === 'employee' && !p.balance),
    namesLeftOut: people.every((p) => !p.name),
    tooMany: all.length > members.length,
  };
}
