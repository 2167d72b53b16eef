// The household form's state for one person, and the contract's household request made from the
// form (household.md): no DOM, so that Node tests send what the page sends.
import { fenToYuanText, readAge, readDate, readYuan } from './amount.js';

// An account's amounts kept from the calculator or a link are fields of their own here, so that
// they can be changed where they matter (walk 42: a 历年 part above a lowered balance was an error
// the form could not fix).
export const KEPT_AMOUNTS = ['prior_years_balance_fen', 'authorized_limit_fen'];

export function blank(person = {}) {
  const filled = {
    name: '',
    role: 'child',
    sex: '',
    age: '',
    scheme: 'resident',
    status: 'employed',
    region: '',
    balance: '',
    extra: {}, // kept from the calculator or a link (household-from-calculator.js accountExtras)
    ...person,
  };
  // The amounts as the form's text: the prior-years part always (a field of every employee-scheme
  // person, optional: 上海 shares only it), the authorised amount where one was kept.
  filled.amounts = Object.fromEntries(
    KEPT_AMOUNTS.filter(
      (key) => key === 'prior_years_balance_fen' || filled.extra[key] !== undefined,
    ).map((key) => [key, filled.extra[key] === undefined ? '' : fenToYuanText(filled.extra[key])]),
  );
  return filled;
}

/**
 * The contract's household request for the form; an age or a balance the form cannot read is its
 * text, and the request is then not evaluated (formProblems).
 */
export function householdRequest(state, withNames = true) {
  return {
    // The date as people write it (2026/3/1, 2026年3月1日), sent as the contract's 2026-03-01.
    as_of: readDate(state.asOf).date ?? state.asOf,
    lang: state.lang,
    household: {
      people: state.people.map((p, i) => {
        const person = { id: `p${i + 1}`, role: p.role };
        if (withNames && p.name.trim()) person.name = p.name.trim();
        if (p.role === 'self' && p.sex) person.sex = p.sex;
        // An age as typed (６５ too); one the page cannot read is sent as typed, and never
        // evaluated (formProblems says what is wrong first).
        person.age = readAge(p.age).age ?? p.age.trim();
        person.scheme = p.scheme;
        if (p.region) person.region = p.region;
        if (p.scheme === 'employee') {
          person.status = p.status;
          // One the page cannot read is sent as typed too, so that a reload and a link keep it
          // (walk 52: "三百" came back empty); it is never evaluated.
          const amount = readYuan(p.balance);
          if (amount.fen !== undefined) person.balance_fen = amount.fen;
          else if (p.balance.trim()) person.balance_fen = p.balance.trim();
        }
        // Kept from the calculator or the link: an account's only where the person has one; the
        // amounts as the form now reads them (one it cannot read is left out: formProblems).
        for (const [key, value] of Object.entries(p.extra ?? {})) {
          if (KEPT_AMOUNTS.includes(key) || value === '') continue; // a tier unchosen: not sent
          if (key === 'bound_to_other_holder' || p.scheme === 'employee') person[key] = value;
        }
        if (p.scheme === 'employee') {
          for (const [key, text] of Object.entries(p.amounts ?? {})) {
            const amount = readYuan(text);
            if (text.trim() && amount.fen !== undefined) person[key] = amount.fen;
          }
        }
        return person;
      }),
    },
  };
}
