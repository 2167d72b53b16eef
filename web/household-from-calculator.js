// The family typed on the calculator (its #r= request) as the household page's people, so that
// following the link to the household plan keeps it: the holder is "self", each relative takes
// the household role that is their relation to self (the vocabulary's `relations` under each
// role, from the core's kinship table). The calculator does not ask whether a parent (or a
// parent-in-law) is a father or a mother, nor the holder's own age: where a relation has two
// roles the first relative takes the first, the next the second (any more: other), the age is
// left empty, and the page asks the user to check them (`guessed`).
import { fenToYuanText } from './share.js';

const text = (value) => (typeof value === 'string' ? value : '');
const region = (value) => (/^\d{6}$/.test(value ?? '') ? value : '');
const yuan = (fen) => (Number.isSafeInteger(fen) && fen >= 0 ? fenToYuanText(fen) : '');

/**
 * `{ asOf, people, guessed }` from a calculator request and the module's vocabulary, or null when
 * it is not one or has no relatives (the household page then shows its example, which shows more
 * than one person alone would). `people` are the household form's fields (as text); `guessed` is
 * true when a relative's role was chosen by order.
 */
export function householdFromCalculator(request, vocabulary) {
  const holder = request?.holder;
  if (!holder || typeof holder !== 'object') return null;
  const rolesOf = (relation) =>
    vocabulary.role.values
      .filter((role) => role.relations?.includes(relation))
      .map((role) => role.id);
  const members = (Array.isArray(request.members) ? request.members.slice(0, 19) : []).filter(
    (m) => m && typeof m === 'object',
  );
  if (members.length === 0) return null;
  const self = {
    role: 'self',
    age: '',
    scheme: text(holder.scheme) || 'employee',
    status: text(holder.status) || 'employed',
    region: region(holder.region),
    balance: yuan(holder.balance_fen),
  };
  const taken = new Map(); // relation -> how many relatives so far
  let guessed = false;
  const people = members.map((m) => {
    const roles = rolesOf(m.relation);
    const count = taken.get(m.relation) ?? 0;
    taken.set(m.relation, count + 1);
    if (roles.length > 1) guessed = true;
    const scheme = text(m.scheme) || 'resident';
    return {
      name: text(m.name).slice(0, 64),
      role: (roles.length === 1 ? roles[0] : roles[count]) ?? 'other',
      age: Number.isInteger(m.age) ? String(m.age) : '',
      scheme,
      region: region(m.region),
      balance: scheme === 'employee' ? yuan(m.own_balance_fen) : '',
    };
  });
  return {
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(request.as_of ?? '') ? request.as_of : undefined,
    people: [self, ...people],
    guessed,
  };
}
