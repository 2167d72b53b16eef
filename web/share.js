// Shareable state: a contract request in the URL fragment as #r=<base64url of its UTF-8 JSON>.
// The fragment never reaches a server; names are left out unless the user asks. And a request
// as the form's state (requestToState), for a family from a link or remembered.
import { fenToYuanText } from './amount.js';

export function encodeRequest(request) {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The request in a `#r=` fragment, or null when there is none or it is not one. */
export function decodeRequest(hash) {
  const match = /^#r=([A-Za-z0-9_-]{1,200000})$/.exec(hash ?? '');
  if (!match) return null;
  try {
    const base64 = match[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const request = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return request &&
      typeof request === 'object' &&
      !Array.isArray(request) &&
      typeof request.holder === 'object'
      ? request
      : null;
  } catch {
    return null;
  }
}

// JSON with every object's keys in order, so that equal values give equal texts.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * What a request says of the family, as a text to compare: the holder, the members without their
 * names and ids (by their place in the list) and the expenses (whose member by that place); not
 * the date or the language. A link and the family remembered on this device say the same family
 * when these are equal, names or not.
 */
export function familyOf(request) {
  const members = Array.isArray(request?.members) ? request.members : [];
  const place = new Map(members.map((m, i) => [m?.id, i]));
  const expenses = Array.isArray(request?.expenses) ? request.expenses : [];
  return canonical({
    holder: request?.holder,
    members: members.map((m) =>
      m && typeof m === 'object' ? { ...m, name: undefined, id: undefined } : m,
    ),
    expenses: expenses.map((e) =>
      e && typeof e === 'object'
        ? { ...e, member: e.member === 'holder' ? 'holder' : (place.get(e.member) ?? null) }
        : e,
    ),
  });
}

export function withoutNames(request) {
  return { ...request, members: (request.members ?? []).map(({ name, ...member }) => member) };
}

const text = (value, fallback = '') => (typeof value === 'string' ? value : fallback);
// An amount in fen, or the text typed where it could not be read (the form's state as typed).
const yuan = (value) => (typeof value === 'string' ? value.slice(0, 40) : fenToYuanText(value));

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
        age: Number.isInteger(m.age) ? String(m.age) : text(m.age).slice(0, 8),
        scheme: text(m.scheme, 'resident'),
        region: /^\d{6}$/.test(m.region ?? '') ? m.region : '',
        ownBalance: m.own_balance_fen === undefined ? '' : yuan(m.own_balance_fen),
        bound: m.bound_to_other_holder === true,
      };
    });
  const expenses = (Array.isArray(request.expenses) ? request.expenses : [])
    .slice(0, 200)
    .map((e) => ({
      key: newKey(),
      member: e.member === 'holder' ? 'holder' : (keys.get(e.member) ?? ''),
      kind: text(e.kind, 'outpatient'),
      amount: yuan(e.amount_fen),
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
      balance: yuan(holder.balance_fen),
      priorYears:
        holder.prior_years_balance_fen === undefined ? '' : yuan(holder.prior_years_balance_fen),
      authorized:
        holder.authorized_limit_fen === undefined ? '' : yuan(holder.authorized_limit_fen),
    },
    members,
    expenses,
  };
}
