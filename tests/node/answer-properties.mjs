// Generated families and what every answer's words must satisfy (issue 14): no internal id, no
// statement that contradicts the member's route or the holder's position, no empty list, only
// warnings about rules the answer used, sources exactly those cited, English all the way.
// Used by answer-texts.test.mjs; `node tests/node/answer-properties.mjs BINARY [N]` runs the same
// checks through a native `gongji` (to measure a build without the module).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFen } from '../../web/i18n.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const policies = join(root, 'policies');
const read = (path) => JSON.parse(readFileSync(join(policies, path), 'utf8'));
const divisions = read('divisions.json');
const layers = Object.fromEntries(
  readdirSync(join(policies, 'regions')).map((name) => {
    const layer = read(`regions/${name}`);
    return [layer.region, layer];
  }),
);

// A small deterministic generator (mulberry32), so a failure names a reproducible family.
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

export const CODES = Object.keys(divisions);
// Regions with rules of their own are drawn more often than the rest (national rules only).
export const RULED = CODES.filter((code) => layers[code]);
const RELATIONS = [
  'spouse',
  'parent',
  'child',
  'sibling',
  'grandparent',
  'maternal_grandparent',
  'grandchild',
  'maternal_grandchild',
  'parent_in_law',
  'other',
];
const KINDS = [
  'outpatient',
  'inpatient',
  'pharmacy',
  'resident_contribution',
  'ltc_contribution',
  'physical_exam',
  'cosmetic',
];
const NAMES = ['王秀英', '李建国', 'Anna', '小明', 'Wei Chen', '张桂兰'];
const DAY = 86400000;
const FIRST = Date.UTC(2021, 0, 1);
const LAST = Date.UTC(2027, 11, 31);

export function sameProvince(rng, code) {
  const cities = CODES.filter((c) => c.startsWith(code.slice(0, 2)));
  return rng.pick(cities);
}

/** The `index`-th family of the run seeded by `seed`: 0 to 6 members, in `lang`. */
export function family(seed, index, lang) {
  const rng = random(seed * 100003 + index);
  const region = rng.chance(0.6) ? rng.pick(RULED) : rng.pick(CODES);
  const as_of = new Date(FIRST + rng.int((LAST - FIRST) / DAY + 1) * DAY)
    .toISOString()
    .slice(0, 10);
  const holder = {
    region,
    scheme: rng.chance(0.85) ? 'employee' : rng.pick(['resident', 'none']),
    status: rng.pick(['employed', 'retired', 'flexible']),
    balance_fen: rng.int(1000000),
  };
  if (region.startsWith('4403') && rng.chance(0.7)) holder.tier = rng.pick(['1', '2', '3']);
  if (rng.chance(0.1)) holder.has_personal_account = rng.chance(0.5);
  if (rng.chance(0.2)) holder.prior_years_balance_fen = rng.int(holder.balance_fen + 1);
  const members = [];
  const count = rng.int(7);
  for (let i = 0; i < count; i++) {
    const where = rng.next();
    const member = {
      id: `m${i + 1}`,
      relation: rng.chance(0.6) ? rng.pick(RELATIONS.slice(0, 3)) : rng.pick(RELATIONS),
      age: rng.int(96),
      scheme: rng.pick(['employee', 'resident', 'resident', 'none']),
      region: where < 0.55 ? region : where < 0.75 ? sameProvince(rng, region) : rng.pick(CODES),
      own_balance_fen: rng.chance(0.5) ? rng.int(100000) : 0,
    };
    if (rng.chance(0.4)) member.name = rng.pick(NAMES);
    if (rng.chance(0.1)) member.bound_to_other_holder = true;
    members.push(member);
  }
  const expenses = [];
  for (let i = rng.int(4); i > 0; i--) {
    const who = rng.int(members.length + 1);
    expenses.push({
      member: who === members.length ? 'holder' : members[who].id,
      kind: rng.pick(KINDS),
      amount_fen: 1 + rng.int(500000),
    });
  }
  return { as_of, lang, holder, members, expenses };
}

// ---- what the policy files say, for checks that need to know a text's origin ----

export const national = layers['000000'];
/** Every note that concerns only relatives bound through the region's own channels. */
export const LOCAL_NOTES = new Set();
for (const layer of Object.values(layers)) {
  for (const entry of layer.rules.notes ?? []) {
    for (const note of entry.value) {
      if (note.for === 'local') for (const lang of ['zh-CN', 'en']) LOCAL_NOTES.add(note[lang]);
    }
  }
}
/** The texts of every layer's explanation of an unknown rule, by rule key. */
export const UNKNOWN = new Map();
for (const layer of Object.values(layers)) {
  for (const [key, why] of Object.entries(layer.unknown ?? {})) {
    for (const lang of ['zh-CN', 'en']) UNKNOWN.set(why[lang], key);
  }
}
// The first circle of relatives nationally, and the day the national circle grew beyond it.
const circles = national.rules.relations.filter((entry) => entry.value.length > 0);
export const BASE_CIRCLE = new Set(circles[0].value);
export const WIDER_FROM = circles.find((entry) => entry.value.length > BASE_CIRCLE.size).from;

// Self-service channels: a face check on one's own phone belongs there, not at a counter.
export const SELF_SERVICE = new Set(['app', 'mini_program', 'web']);
export const FACE_STEP =
  /本人用自己的手机完成|verify their own face in the app|face check, .+ must do it in person|face check, do it yourself|own face verification on your own phone/;

/** Every user-facing text of an answer, with where it stands. */
export function texts(answer) {
  const out = [['policy.region_name', answer.policy.region_name]];
  const reasons = (where, list) => list.forEach((r, i) => out.push([`${where}[${i}]`, r.text]));
  reasons('holder.reasons', answer.holder.reasons);
  answer.members.forEach((m, i) => reasons(`members[${i}].reasons`, m.reasons));
  answer.members.forEach((m, i) => reasons(`members[${i}].changes`, m.changes ?? []));
  answer.expenses.forEach((e, i) => reasons(`expenses[${i}].reasons`, e.reasons));
  answer.guidance.channels.forEach((c, i) => {
    out.push([`channels[${i}].name`, c.name]);
    c.steps.forEach((s, j) => out.push([`channels[${i}].steps[${j}]`, s]));
  });
  answer.guidance.documents.forEach((d, i) => out.push([`documents[${i}]`, d]));
  answer.guidance.notes.forEach((n, i) => out.push([`notes[${i}]`, n]));
  reasons('warnings', answer.warnings);
  answer.sources.forEach((s, i) => out.push([`sources[${i}].title`, s.title]));
  return out;
}

// Natural order of source ids: S1, S1b, S2, …, S10 (number, then suffix).
export function sourceOrder(a, b) {
  const split = (id) => {
    const match = /^S(\d+)(.*)$/.exec(id);
    return match ? [Number(match[1]), match[2]] : [Infinity, id];
  };
  const [na, sa] = split(a);
  const [nb, sb] = split(b);
  return na - nb || sa.localeCompare(sb);
}

// An amount in a sentence, as yuan with fen: it must read exactly as the page writes the same
// amount (web/i18n.js formatFen), so that one family never sees "3000.00元" beside "3,000.00 元".
export const AMOUNT = /¥[\d,]+\.\d\d|(?<![\d,.])[\d,]+\.\d\d ?元/g;
export function amountProblems(text, lang) {
  return (text.match(AMOUNT) ?? []).filter((amount) => {
    const fen = Number(amount.replace(/[^\d]/g, ''));
    return amount !== formatFen(fen, lang);
  });
}

// An English sentence that begins in lower case ("…as explained below. wallet transfer limits…"):
// whichever value a template puts first, each sentence starts with a capital.
export const LOWER_SENTENCE_START = /(^|[!?]\s+|(?<!\b[a-z])\.\s+)[a-z]/;

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// ASCII punctuation beside Chinese (or beside full-width punctuation): "14号 (2021" or "官方)".
// Chinese text takes the full-width （），；：？！ (walk 29, the household page's sources).
const CHINESE = '[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
export const ASCII_BESIDE_CHINESE = new RegExp(
  `${CHINESE}[ \\t]*[(),;:!?]|[(),;:!?][ \\t]*${CHINESE}`,
);
// App labels quoted in an English text keep their Chinese: “家庭共济”, 《…》.
export const QUOTED = /“[^”]*”|《[^》]*》/g;
export const EMPTY_LIST = /[：:]\s*[；;。.，,）)]|（\s*）|\(\s*\)|、\s*[、；;。]|,\s*[,;.]|^\s*$/;
export const INTERNAL = /\b[a-z]+_[a-z_]+\b|\bseed\b|种子|[{}]|\bS\d+[a-zA-Z]?\b/;

// Rules about the holder's own account: every answer states what they decide.
const HOLDER_RULES = new Set([
  'scheme_account',
  'holder_account',
  'tiers',
  'shareable_part',
  'share_above',
  'payments_open',
]);

// Where a warning may send a family: whom to ask or where to look, in its first sentence.
const WHOM =
  /医保经办机构|医保部门|医保局|窗口|APP|App|医保钱包|参保单位|office|counter|the app|Wallet|employer/;
// An English article that cannot stand: "a a parent", "A other person", "a employee".
const BAD_ARTICLE = /(^|\s)([Aa] (a|an|the|your|other|[aeio]\w*)\b|[Aa]n [^aeiouAEIOU\d¥\s])/;
const LEAD = { 'zh-CN': 70, en: 190 };
/** The warnings that name several things (docs/vocabulary.md). */
const LISTING = new Set([
  'policy.national_fallback',
  'policy.national_only',
  'policy.third_party_only',
  'policy.unconfirmed',
  'policy.stale',
  'policy.applied_back',
  'policy.before_known_since',
]);

/** A warning's first sentence. */
export function lead(text) {
  const match = /^.*?(。|\.(?=\s|$))/.exec(text);
  return match ? match[0] : text;
}

// The request to check with the local office, as the warnings make it (walk 29: 鞍山's warning
// said 咨询当地医保经办机构 twice, and most answers said it in each of two or three warnings).
export const ASK_OFFICE = {
  'zh-CN': /(请向|询问|咨询)当地医保经办机构/g,
  en: /\bask the local (medical insurance )?office\b/gi,
};

/**
 * Warnings a person can act on: each leads with one plain sentence (short, naming whom to ask or
 * where to check, unless an earlier warning already asked the local office), the answer asks the
 * local office once, and no kind of warning stands twice about one region (`regions`: how many
 * regions the answer covers).
 */
export function warningProblems(answer, regions = 1) {
  const found = [];
  const byCode = new Map();
  let asked = 0;
  answer.warnings.forEach((w, i) => {
    const first = lead(w.text);
    if (first.length > LEAD[answer.lang])
      found.push(['warning lead too long', `warnings[${i}]`, w.text]);
    if (!WHOM.test(first) && asked === 0)
      found.push(['warning lead names no one to ask', `warnings[${i}]`, w.text]);
    // Every rule the answer assumed is named: a count ("等8项", "and 4 more") hides which.
    if (/等\d+项|and \d+ more/.test(w.text))
      found.push(['rules hidden behind a count', `warnings[${i}]`, w.text]);
    // A warning naming several things lists them, after a lead its paragraph begins with.
    if ((w.lead === undefined) !== (w.list === undefined))
      found.push(['lead without list, or list without lead', `warnings[${i}]`, w.text]);
    if (LISTING.has(w.code) && !w.list?.length && w.code !== 'policy.national_only')
      found.push(['listing warning without its list', `warnings[${i}]`, w.text]);
    if (w.list && (!w.lead || !w.text.startsWith(w.lead)))
      found.push(['lead is not how the warning begins', `warnings[${i}]`, `${w.lead} | ${w.text}`]);
    const said = w.text.toLowerCase();
    for (const item of w.list ?? []) {
      if (!said.includes(item.toLowerCase()))
        found.push(['list item the text does not say', `warnings[${i}]`, `${item} | ${w.text}`]);
    }
    if (w.list?.some((item) => !item.trim() || w.list.indexOf(item) !== w.list.lastIndexOf(item)))
      found.push(['list item empty or repeated', `warnings[${i}]`, w.list.join(' | ')]);
    asked += (w.text.match(ASK_OFFICE[answer.lang]) ?? []).length;
    if (asked > 1) found.push(['local office asked twice', `warnings[${i}]`, w.text]);
    byCode.set(w.code, (byCode.get(w.code) ?? 0) + 1);
  });
  for (const [code, n] of byCode) {
    if (n > regions) found.push(['warning kind repeated', code, `${n} times`]);
  }
  return found;
}

// The rules each kind of reason states: its citations are the sources of those rules' values.
const STATES = {
  'holder.employee_account': ['holder_account'],
  'holder.status_no_account': ['holder_account'],
  'holder.account_declared': ['scheme_account'],
  'holder.account_declared_none': ['scheme_account'],
  'holder.resident_no_account': ['scheme_account'],
  'holder.balance_not_account': ['scheme_account'],
  'holder.uninsured': ['scheme_account'],
  'holder.tier_no_account': ['tiers'],
  'holder.tier_has_account': ['tiers'],
  'holder.sharing_not_started': ['relations'],
  'holder.payments_not_started': ['payments_open'],
  'holder.whole_balance': ['shareable_part', 'share_above'],
  'holder.prior_years_only': ['shareable_part'],
  'holder.prior_years_unknown': ['shareable_part'],
  'holder.kept_in_account': ['share_above'],
  'holder.authorized_limit': ['holder_limit'],
  'holder.authorized_limit_local': ['holder_limit'],
  'holder.needs_balance': ['holder_needs_balance'],
  'member.holder_needs_balance': ['holder_needs_balance'],
  'member.authorized_limit_local': ['holder_limit'],
  'member.route_local': ['pooling'],
  'member.route_in_province': ['in_province'],
  'member.route_in_province_closed': ['in_province'],
  'member.route_cross_province': ['wallet', 'wallet_limits'],
  'member.route_cross_province_closed': ['wallet'],
  'member.relation_allowed': ['relations'],
  'member.relation_allowed_unconfirmed': ['relations'],
  'member.relation_allowed_start_unconfirmed': ['relations'],
  'member.relation_allowed_known_later': ['relations'],
  'member.relation_allowed_wallet': ['wallet_relations'],
  'member.relation_not_yet': ['relations'],
  'member.not_near_relative': ['relations'],
  'member.uninsured': ['relations', 'wallet_relations'],
  'member.cap_total': ['member_cap_total'],
  'member.single_holder_bound': ['single_holder'],
  'member.bound_elsewhere_ok': ['single_holder'],
  'member.face_verification': ['face_verification_age'],
  'member.no_face_verification': ['face_verification_age'],
  'member.face_verification_app': ['face_verification_age'],
  'member.no_face_verification_app': ['face_verification_age'],
  'member.contribution_payable': ['use.resident_contribution'],
  'member.contribution_employee': ['use.resident_contribution', 'wallet_use.resident_contribution'],
  'member.contribution_uninsured_not_allowed': ['uninsured_contribution'],
  'member.contribution_by_quota': ['wallet_quota'],
  'member.contribution_by_transfer': ['wallet_quota'],
  'member.contribution_wallet_uninsured_not_allowed': ['wallet_uninsured_contribution'],
  'member.wallet_quota_needed': ['wallet_quota'],
  'member.wallet_quota': ['wallet_quota'],
  'member.quota_held_for_others': ['wallet_quota'],
  'member.eligible': ['relations', 'wallet_relations'],
  'member.eligible_up_to_quota': ['relations', 'wallet_relations', 'wallet_quota'],
  'member.eligible_nothing_now': ['relations', 'wallet_relations'],
  'member.eligible_amount_unknown': ['relations', 'wallet_relations'],
};
/** Every source any layer gives for `key` (or a key of its family: member_cap.child). */
const SOURCES_OF = new Map();
for (const layer of Object.values(layers)) {
  for (const [key, entries] of Object.entries(layer.rules)) {
    const family = key.startsWith('member_cap.') ? 'member_cap' : key;
    const set = SOURCES_OF.get(family) ?? new Set();
    for (const entry of entries) for (const id of entry.sources ?? []) set.add(id);
    SOURCES_OF.set(family, set);
  }
}
STATES['member.cap_relation'] = ['member_cap'];

/** Reasons citing a source that none of the rules they state rests on. */
export function citationProblems(reasons) {
  const found = [];
  for (const reason of reasons) {
    const keys = STATES[reason.code];
    if (!keys) continue;
    const allowed = new Set(keys.flatMap((key) => [...(SOURCES_OF.get(key) ?? [])]));
    for (const id of reason.sources) {
      if (!allowed.has(id))
        found.push(['citation not of the rule stated', reason.code, `${id}: ${reason.text}`]);
    }
    if (reason.sources.length === 0) found.push(['reason cites nothing', reason.code, reason.text]);
  }
  return found;
}

/**
 * The violations of one answer, as [class, where, text]: the classes of issue 14.
 */
export function check(request, answer) {
  const found = [];
  const fail = (kind, where, text = '') => found.push([kind, where, text]);
  if (!answer.ok) {
    fail('error', '', JSON.stringify(answer.error));
    return found;
  }
  const names = request.members.map((m) => m.name).filter(Boolean);
  const ids = request.members.map((m) => m.id);
  const idPattern = ids.length
    ? new RegExp(`(^|[^A-Za-z0-9_])(${ids.join('|')})([^A-Za-z0-9_]|$)`)
    : null;

  for (const [where, raw] of texts(answer)) {
    let text = raw;
    for (const name of names) text = text.split(name).join('N');
    if (idPattern?.test(text)) fail('internal id', where, raw);
    if (INTERNAL.test(text)) fail('internal id', where, raw);
    if (EMPTY_LIST.test(text)) fail('empty list', where, raw);
    if (answer.lang === 'en' && CJK.test(text.replace(QUOTED, ''))) {
      fail('Chinese in English', where, raw);
    }
    if (answer.lang === 'zh-CN' && ASCII_BESIDE_CHINESE.test(raw)) {
      fail('ASCII punctuation in Chinese', where, raw);
    }
    if (answer.lang === 'en' && BAD_ARTICLE.test(text)) fail('English article', where, raw);
    if (answer.lang === 'en' && LOWER_SENTENCE_START.test(text)) {
      fail('English sentence in lower case', where, raw);
    }
    if (amountProblems(text, answer.lang).length) fail('money format', where, raw);
  }

  // The holder's position.
  const holderCodes = answer.holder.reasons.map((r) => r.code);
  const notStarted = holderCodes.includes('holder.sharing_not_started');
  const hasAccount = holderCodes.some((c) =>
    [
      'holder.employee_account',
      'holder.status_account_unconfirmed',
      'holder.account_declared',
      'holder.tier_has_account',
    ].includes(c),
  );
  if (!answer.holder.can_share || notStarted) {
    answer.holder.reasons.forEach((r, i) => {
      if (
        /可以与家庭成员共济|均可用于共济|can be shared with family|can be shared\b/.test(r.text)
      ) {
        fail('holder can share beside can_share:false', `holder.reasons[${i}]`, r.text);
      }
    });
  }
  answer.members.forEach((member, i) => {
    member.reasons.forEach((r, j) => {
      if (hasAccount && /没有可共济的个人账户|has no personal account/.test(r.text)) {
        fail('member says holder has no account', `members[${i}].reasons[${j}]`, r.text);
      }
    });
    // Across provinces the contribution goes through the relative's wallet, never a deduction
    // from the holder's account as in local sharing.
    const direct = member.reasons.find((r) => r.code === 'member.contribution_payable');
    if (member.route === 'cross_province' && direct) {
      fail('wallet contribution said as a deduction', `members[${i}]`, direct.text);
    }
    const bindable = answer.holder.can_share && member.route !== 'none';
    if (member.needs_face_verification && !bindable) {
      fail('face check for a binding that cannot happen', `members[${i}]`, member.id);
    }
  });

  // Guidance fits the routes.
  const { channels, notes } = answer.guidance;
  const routes = answer.members.map((m) => m.route);
  // A family whose relatives are all insured in other provinces has nothing to do locally.
  const province = (code) => (code ?? request.holder.region).slice(0, 2);
  const local = request.members.some((m) => province(m.region) === province());
  channels.forEach((channel, i) => {
    const faces = channel.steps.filter((s) => FACE_STEP.test(s)).length;
    if (faces > 0 && !SELF_SERVICE.has(channel.kind)) {
      fail('face step at a counter', `channels[${i}]`, channel.name);
    }
    if (faces > 1) fail('face step twice', `channels[${i}]`, channel.name);
    const isWallet = channel.id === national.rules.wallet_channel[0].value.id;
    if (!isWallet && !local && answer.members.length > 0) {
      fail('local channel for wallet-only family', `channels[${i}]`, channel.name);
    }
  });
  notes.forEach((note, i) => {
    if (LOCAL_NOTES.has(note) && !local && request.members.length > 0)
      fail('local note without a local member', `notes[${i}]`, note);
    if (notes.indexOf(note) !== i) fail('note twice', `notes[${i}]`, note);
  });
  if (!answer.holder.can_share) {
    if (channels.length > 0) fail('channels for a holder who cannot share', 'channels');
    if (request.members.length > 0 && notes.length === 0) {
      fail('nothing to do for a holder who cannot share', 'notes');
    }
  }

  // Warnings only about rules this answer used.
  const relations = request.members.map((m) => m.relation);
  // A layer's explanation of an unknown rule stands inside the warning that the national rules
  // are used: each one there must be about a rule this family's answer used.
  answer.warnings.forEach((w, i) => {
    for (const [why, key] of UNKNOWN) {
      if (w.text.includes(why) && !unknownRelevant(key)) {
        fail('warning about a rule not used', `warnings[${i}]`, why);
      }
    }
  });
  function unknownRelevant(key) {
    return key === 'relations'
      ? request.as_of >= WIDER_FROM && relations.some((r) => !BASE_CIRCLE.has(r))
      : key === 'in_province'
        ? routes.includes('in_province') ||
          request.members.some(
            (m) =>
              m.region.slice(0, 2) === request.holder.region.slice(0, 2) &&
              m.region.slice(0, 4) !== request.holder.region.slice(0, 4),
          )
        : key === 'channels'
          ? channels.length > 0
          : // What the account may pay for is used by every bill of that kind, answered whether
            // or not the holder can share (its reason says the use's doubt).
            (key.startsWith('use.') &&
              (request.expenses ?? []).some((e) => `use.${e.kind}` === key)) ||
            HOLDER_RULES.has(key) ||
            (answer.holder.can_share && answer.members.length > 0);
  }

  // A source about a region (its `region` in sources.json) is cited only to a family with
  // someone insured there, or where a warning names that region (a rule read from those regions).
  found.push(...regionProblems(request, answer));

  // Sources: exactly those cited, in natural order (the guidance cites those of its rules).
  found.push(
    ...sourceProblems(answer, [
      answer.holder.reasons,
      ...answer.members.flatMap((m) => [m.reasons, m.changes ?? []]),
      ...answer.expenses.map((e) => e.reasons),
      answer.warnings,
      [{ sources: answer.guidance?.sources ?? [] }],
    ]),
  );
  found.push(...warningProblems(answer));
  // Each reason cites a source once (one that gathers several rules' sources too).
  for (const reason of [
    ...answer.holder.reasons,
    ...answer.members.flatMap((m) => [...m.reasons, ...(m.changes ?? [])]),
    ...answer.expenses.flatMap((e) => e.reasons),
    ...answer.warnings,
  ]) {
    if (new Set(reason.sources).size !== reason.sources.length)
      found.push(['a source cited twice', reason.code, reason.sources.join(' ')]);
  }
  found.push(
    ...citationProblems([...answer.holder.reasons, ...answer.members.flatMap((m) => m.reasons)]),
  );
  return found;
}

const SOURCE_REGION = new Map(
  Object.entries(read('sources.json')).map(([id, source]) => [id, source.region ?? '']),
);
/** Whether the division `code` lies in `region` (a province or city code; '' for the nation). */
function within(code, region) {
  if (!region) return true;
  const prefix = region.endsWith('0000')
    ? region.slice(0, 2)
    : region.endsWith('00')
      ? region.slice(0, 4)
      : region;
  return code.startsWith(prefix);
}

/**
 * Sources about a region no one in the family is insured in, and that no warning names
 * (a 郑州 family was cited 甘肃's and 新疆's pages for the face-check age).
 */
export function regionProblems(request, answer) {
  const places = [request.holder.region, ...request.members.map((m) => m.region ?? '')].filter(
    Boolean,
  );
  const warned = answer.warnings.map((w) => w.text).join(' ');
  const found = [];
  for (const { id } of answer.sources) {
    const region = SOURCE_REGION.get(id) ?? '';
    if (places.some((code) => within(code, region))) continue;
    const name = divisions[region];
    if (name && (warned.includes(name['zh-CN'].slice(0, 2)) || warned.includes(name.en))) continue;
    found.push(['source about another region', id, region]);
  }
  return found;
}

/** The sources listed against those its reasons (`lists` of them) cite: exactly those, in order. */
export function sourceProblems(answer, lists) {
  const found = [];
  const cited = new Set(lists.flat().flatMap((r) => r.sources));
  const listed = answer.sources.map((s) => s.id);
  for (const id of cited) if (!listed.includes(id)) found.push(['cited source not listed', id, '']);
  for (const id of listed) if (!cited.has(id)) found.push(['listed source never cited', id, '']);
  const sorted = [...listed].sort(sourceOrder);
  if (sorted.join() !== listed.join()) {
    found.push(['sources out of order', 'sources', listed.join(' ')]);
  }
  return found;
}

/**
 * Runs `count` generated requests in each language through `evaluate` (JSON text in, JSON text
 * out), tallying each class of violation with its first example.
 */
export function tally(evaluate, { generate, textsOf, checkOf, seed = 14, count = 1500 }) {
  const byClass = new Map();
  let answers = 0;
  let textsChecked = 0;
  for (let index = 0; index < count; index++) {
    for (const lang of ['zh-CN', 'en']) {
      const request = generate(seed, index, lang);
      const answer = JSON.parse(evaluate(JSON.stringify(request)));
      answers++;
      if (answer.ok) textsChecked += textsOf(answer).length;
      for (const [kind, where, text] of checkOf(request, answer)) {
        const entry = byClass.get(kind) ?? { count: 0, example: { request, where, text } };
        entry.count++;
        byClass.set(kind, entry);
      }
    }
  }
  return { answers, textsChecked, byClass };
}

/** Runs `count` families in each language through `evaluate`. */
export function run(evaluate, options = {}) {
  const { answers, textsChecked, byClass } = tally(evaluate, {
    generate: family,
    textsOf: texts,
    checkOf: check,
    ...options,
  });
  return { families: answers, textsChecked, byClass };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [binary, count = '300'] = process.argv.slice(2);
  const evaluate = (text) => execFileSync(binary, ['eval', '-'], { input: text, encoding: 'utf8' });
  const { families, textsChecked, byClass } = run(evaluate, { count: Number(count) });
  console.log(`${families} families, ${textsChecked} texts checked`);
  for (const [kind, { count: n, example }] of byClass) {
    console.log(`${n}\t${kind}\t${example.where}\t${example.text}`);
  }
}
