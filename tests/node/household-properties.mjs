// Generated households and what every household plan's words must satisfy (issue 14, the plan's
// own texts): the checks of answer-properties.mjs (no internal id, no empty list, English all the
// way, sources exactly those cited, warnings only about rules used and each led by one plain
// sentence), plus what only a plan can get wrong: each person's statements fit whether and how
// they are covered, each holder's guidance fits exactly the people bound to them, and a holder who
// is not the user is named, never called "您"/"you".
// `node tests/node/household-properties.mjs BINARY [N]` runs the checks through a native `gongji`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ASCII_BESIDE_CHINESE,
  CJK,
  CODES,
  EMPTY_LIST,
  FACE_STEP,
  INTERNAL,
  LOCAL_NOTES,
  QUOTED,
  RULED,
  SELF_SERVICE,
  amountProblems,
  LOWER_SENTENCE_START,
  citationProblems,
  regionProblems,
  national,
  random,
  sameProvince,
  sourceProblems,
  tally,
  warningProblems,
} from './answer-properties.mjs';

const READER_FACE =
  /^(如页面要求刷脸，)?您本人用自己的手机|^You confirm with your own face|^If the app asks for a face check, do it yourself/;

const ROLES = [
  'spouse',
  'father',
  'mother',
  'spouse_father',
  'spouse_mother',
  'child',
  'child_spouse',
  'grandchild',
  'sibling',
  'spouse_sibling',
  'paternal_grandparent',
  'maternal_grandparent',
  'other',
];
const SINGLE = new Set(['spouse', 'father', 'mother', 'spouse_father', 'spouse_mother']);
// Ids as a form or a person would choose them; none may reach a text.
const IDS = ['me', 'wife', 'kid', 'dad', 'mom', 'mil', 'fil', 'bro', 'gran', 'p9', 'x2', 'u7'];
const NAMES = ['王秀英', '李建国', 'Anna', '小明', 'Wei Chen', '张桂兰'];
const DAY = 86400000;
const FIRST = Date.UTC(2021, 0, 1);
const LAST = Date.UTC(2027, 11, 31);

function person(rng, id, role, selfRegion) {
  const out = { id, role, age: rng.int(96) };
  const scheme = rng.next();
  out.scheme = scheme < 0.5 ? 'employee' : scheme < 0.85 ? 'resident' : 'none';
  if (rng.chance(0.5)) out.status = rng.pick(['employed', 'retired', 'flexible']);
  if (role !== 'self') {
    const where = rng.next();
    if (where < 0.2) out.region = sameProvince(rng, selfRegion);
    else if (where < 0.45) out.region = rng.pick(CODES);
  }
  const region = out.region ?? selfRegion;
  if (region.startsWith('4403') && out.scheme === 'employee' && rng.chance(0.6)) {
    out.tier = rng.pick(['1', '2', '3']);
  }
  if (rng.chance(0.08)) out.has_personal_account = rng.chance(0.5);
  if (rng.chance(0.7)) out.balance_fen = rng.int(1000000);
  if (rng.chance(0.15)) out.prior_years_balance_fen = rng.int((out.balance_fen ?? 0) + 1);
  if (rng.chance(0.04)) out.authorized_limit_fen = rng.int(500000);
  if (rng.chance(0.05)) out.bound_to_other_holder = true;
  if (rng.chance(0.35)) out.name = rng.pick(NAMES);
  return out;
}

/** The `index`-th household of the run seeded by `seed`: 1 to 9 people, in `lang`. */
export function household(seed, index, lang) {
  const rng = random(seed * 100019 + index);
  const region = rng.chance(0.6) ? rng.pick(RULED) : rng.pick(CODES);
  const as_of = new Date(FIRST + rng.int((LAST - FIRST) / DAY + 1) * DAY)
    .toISOString()
    .slice(0, 10);
  const self = person(rng, 'me', 'self', region);
  self.region = region;
  self.scheme = rng.chance(0.75) ? 'employee' : self.scheme;
  if (rng.chance(0.5)) self.sex = rng.pick(['male', 'female']);
  const people = [self];
  const used = new Set(['self']);
  const count = rng.int(9);
  for (let i = 0; i < count; i++) {
    let role = rng.chance(0.5) ? rng.pick(ROLES.slice(0, 6)) : rng.pick(ROLES);
    if (used.has(role) && SINGLE.has(role)) role = rng.pick(['child', 'sibling', 'other']);
    used.add(role);
    const id = rng.chance(0.6) ? IDS[(i + 1) % IDS.length] : `p${i + 1}`;
    people.push(person(rng, id, role, region));
  }
  // The person filling in the form is not always listed first.
  if (rng.chance(0.3) && people.length > 1) people.push(people.shift());
  return { as_of, lang, household: { people } };
}

/** Every user-facing text of a plan, with where it stands and whom it is about. */
export function planTexts(answer) {
  const out = [];
  const reasons = (where, list) => list.forEach((r, i) => out.push([`${where}[${i}]`, r.text]));
  answer.plan.holders.forEach((holder, k) => {
    reasons(`holders[${k}].reasons`, holder.reasons);
    const g = holder.guidance;
    g.channels.forEach((c, i) => {
      out.push([`holders[${k}].channels[${i}].name`, c.name]);
      c.steps.forEach((s, j) => out.push([`holders[${k}].channels[${i}].steps[${j}]`, s]));
    });
    g.documents.forEach((d, i) => out.push([`holders[${k}].documents[${i}]`, d]));
    g.notes.forEach((n, i) => out.push([`holders[${k}].notes[${i}]`, n]));
  });
  answer.plan.people.forEach((p, j) => {
    reasons(`people[${j}].reasons`, p.reasons);
    reasons(`people[${j}].changes`, p.changes);
  });
  reasons('warnings', answer.warnings);
  answer.sources.forEach((s, i) => out.push([`sources[${i}].title`, s.title]));
  return out;
}

// How a plan names each person: their name, else their role relative to the user, numbered where
// the household has several of that role (household_answer.cpp's person_labels, read back from the
// texts it writes would be circular, so only what the test needs: names and the user).
// "your spouse", "your spouse's mother": a relative named by their relation to the user.
// In Chinese, a holder's own answer names them so too ("您的配偶的母亲"): the household's roles as
// the vocabulary writes them in a plan, after 您的.
const ROLE_WORDS = JSON.parse(
  readFileSync(new URL('../../policies/vocabulary.json', import.meta.url), 'utf8'),
)
  .role.values.filter((v) => v.id !== 'self')
  .map((v) => v.in_text['zh-CN'])
  .sort((a, b) => b.length - a.length);
const RELATIVE = new RegExp(
  `\\byour (spouse|father|mother|child|sibling|grandchild|paternal grandparent|maternal grandparent)('s (father|mother|spouse|sibling))?\\b|您的(${ROLE_WORDS.join('|')})`,
  'g',
);
const SECOND_PERSON = { 'zh-CN': /您|你/, en: /\b(you|your|yours|yourself)\b/i };
const HOLDER_SAYS = { 'zh-CN': /^对(.+?)而言：/, en: /^For (.+?): / };
// Reasons with a "_reader" form (member.uninsured_reader: "您尚未参保") speak to the user as the
// person they are about, not to a holder: on the user's own line, "您" there is the user.
const READER_CODES = new Set(
  Object.keys(
    JSON.parse(readFileSync(new URL('../../policies/messages.json', import.meta.url), 'utf8')),
  )
    .filter((key) => key.endsWith('_reader'))
    .map((key) => key.slice(0, -'_reader'.length)),
);

/** The violations of one plan, as [class, where, text]. */
export function checkPlan(request, answer) {
  const found = [];
  const fail = (kind, where, text = '') => found.push([kind, where, text]);
  if (!answer.ok) {
    fail('error', '', JSON.stringify(answer.error));
    return found;
  }
  const people = request.household.people;
  const byId = new Map(people.map((p) => [p.id, p]));
  const self = people.find((p) => p.role === 'self');
  const names = people.map((p) => p.name).filter(Boolean);
  const ids = people.map((p) => p.id);
  const idPattern = new RegExp(`(^|[^A-Za-z0-9_])(${ids.join('|')})([^A-Za-z0-9_]|$)`);
  const lang = answer.lang;

  for (const [where, raw] of planTexts(answer)) {
    let text = raw;
    for (const name of names) text = text.split(name).join('N');
    if (idPattern.test(text) || INTERNAL.test(text)) fail('internal id', where, raw);
    if (EMPTY_LIST.test(text)) fail('empty list', where, raw);
    if (lang === 'en' && CJK.test(text.replace(QUOTED, ''))) fail('Chinese in English', where, raw);
    if (lang === 'zh-CN' && ASCII_BESIDE_CHINESE.test(raw)) {
      fail('ASCII punctuation in Chinese', where, raw);
    }
    if (lang === 'en' && /\bof you\b/.test(text)) fail('"of you" for "your"', where, raw);
    if (lang === 'en' && LOWER_SENTENCE_START.test(text)) {
      fail('English sentence in lower case', where, raw);
    }
    if (amountProblems(text, lang).length) fail('money format', where, raw);
  }

  // A holder who is not the user is named: the plan's statements about them (their reasons and
  // notes; steps and documents are instructions to whoever does them) never say "您"/"you" for
  // them. Where the user is bound to that holder, "you" may be the user, so that holder is skipped.
  const second = SECOND_PERSON[lang];
  const strip = (text) => {
    let out = text;
    for (const name of names) out = out.split(name).join('N');
    return out;
  };
  answer.plan.holders.forEach((holder, k) => {
    const role = byId.get(holder.person)?.role;
    if (role === 'self' || holder.binds.includes(self.id)) return;
    const about = [
      ...holder.reasons.map((r, i) => [`holders[${k}].reasons[${i}]`, r.text]),
      ...holder.guidance.notes.map((n, i) => [`holders[${k}].notes[${i}]`, n]),
    ];
    for (const [where, text] of about) {
      // "Bound to your spouse: your child" names people by their relation to the user.
      const plain = strip(text).replace(RELATIVE, 'R');
      if (second.test(plain)) fail('another holder called you', where, text);
    }
  });
  // Steps and documents are instructions to whoever does them: under another holder the plan
  // says first who that is (naming them), and no channel, step or document says 您/you for that
  // person (walk 29: "Bring your ID", "Your and the relative's valid ID" under 老婆's steps).
  answer.plan.holders.forEach((holder, k) => {
    const person = byId.get(holder.person);
    const others = person.role !== 'self' && holder.guidance.channels.length > 0;
    const label = person.name || null;
    if (!others) {
      if (holder.steps_by !== null)
        fail('steps said to be another’s', `holders[${k}]`, holder.steps_by);
      return;
    }
    if (!holder.steps_by || (label && !holder.steps_by.includes(label))) {
      fail(
        'another holder’s steps not said to be theirs',
        `holders[${k}]`,
        String(holder.steps_by),
      );
    }
    const instructions = [
      ...holder.guidance.channels.flatMap((channel, i) => [
        [`holders[${k}].channels[${i}].name`, channel.name],
        ...channel.steps.map((step, n) => [`holders[${k}].channels[${i}].steps[${n}]`, step]),
      ]),
      ...holder.guidance.documents.map((d, i) => [`holders[${k}].documents[${i}]`, d]),
    ];
    for (const [where, text] of instructions) {
      // The user's own face step is said to the user ("You confirm…", 您本人…); a relative is
      // named by their relation to the user ("your spouse's mother").
      if (READER_FACE.test(text)) continue;
      if (SECOND_PERSON[lang].test(strip(text).replace(RELATIVE, 'R'))) {
        fail('another holder called you', where, text);
      }
    }
  });
  answer.plan.people.forEach((p, j) => {
    p.reasons.forEach((r, i) => {
      const says = HOLDER_SAYS[lang].exec(r.text);
      // The user's own line speaks for 您 / you, named or not.
      if (!says || says[1] === (lang === 'en' ? 'you' : '您')) return;
      const reader = byId.get(p.person)?.role === 'self' && !byId.get(p.person)?.name;
      if (reader && READER_CODES.has(r.code)) return;
      const rest = strip(r.text.slice(says[0].length)).replace(RELATIVE, 'R');
      if (second.test(rest))
        fail('another holder called you', `people[${j}].reasons[${i}]`, r.text);
    });
  });

  // Each person's statements fit whether and how they are covered.
  const holderIds = new Set(answer.plan.holders.map((h) => h.person));
  const bindsOf = new Map(answer.plan.holders.map((h) => [h.person, h.binds]));
  const routeOf = new Map();
  answer.plan.people.forEach((p, j) => {
    const at = `people[${j}]`;
    if (p.holder) {
      routeOf.set(p.person, p.route);
      if (!holderIds.has(p.holder) || !bindsOf.get(p.holder).includes(p.person)) {
        fail('covered person not in their holder’s binds', at, p.person);
      }
      if (!['local', 'in_province', 'cross_province'].includes(p.route)) {
        fail('covered person without a route', at, String(p.route));
      }
      if (p.changes.length > 0) fail('changes for a covered person', at, p.changes[0].text);
      if (!p.reasons.some((r) => /^member\.eligible/.test(r.code))) {
        fail('covered person not said eligible', at, p.reasons[0]?.text ?? '');
      }
      const blocking = p.reasons.find((r) => BLOCKING.has(r.code));
      if (blocking) fail('covered person told they cannot', at, blocking.text);
    } else {
      if (p.route !== null || p.relation !== null) fail('uncovered person with a route', at);
      if (p.changes.length === 0) fail('uncovered person without changes', at);
      if (!UNCOVERED.has(p.reasons[0]?.code)) {
        fail('uncovered person’s first reason not why', at, p.reasons[0]?.text ?? '');
      }
      if (p.reasons.some((r) => /^member\.eligible/.test(r.code))) {
        fail('uncovered person said eligible', at, p.person);
      }
    }
  });

  // Each holder's guidance fits exactly the people bound to them.
  const walletId = national.rules.wallet_channel[0].value.id;
  answer.plan.holders.forEach((holder, k) => {
    const at = `holders[${k}]`;
    const { channels, notes, documents } = holder.guidance;
    if (holder.binds.length === 0) {
      if (channels.length + notes.length + documents.length > 0) {
        fail('guidance for a holder who binds nobody', at, channels[0]?.name ?? notes[0] ?? '');
      }
      return;
    }
    const routes = holder.binds.map((id) => routeOf.get(id));
    const local = routes.some((r) => r !== 'cross_province');
    const far = routes.includes('cross_province');
    channels.forEach((channel, i) => {
      // The user's own face check (bound by another holder) is a step of its own.
      const faces = channel.steps.filter((s) => FACE_STEP.test(s) && !READER_FACE.test(s)).length;
      if (faces > 0 && !SELF_SERVICE.has(channel.kind)) {
        fail('face step at a counter', `${at}.channels[${i}]`, channel.name);
      }
      if (faces > 1) fail('face step twice', `${at}.channels[${i}]`, channel.name);
      if (channel.id === walletId ? !far : !local) {
        fail('channel for a route nobody bound uses', `${at}.channels[${i}]`, channel.name);
      }
    });
    if (far && !channels.some((c) => c.id === walletId)) fail('no wallet for a far relative', at);
    notes.forEach((note, i) => {
      if (LOCAL_NOTES.has(note) && !local) {
        fail('local note without a local member', `${at}.notes[${i}]`, note);
      }
      if (notes.indexOf(note) !== i) fail('note twice', `${at}.notes[${i}]`, note);
    });
  });

  // Warnings: one plain sentence first, each kind once per region, only about rules used.
  const regions = new Set(
    answer.plan.holders.map((h) => byId.get(h.person).region ?? self.region),
  ).add(self.region);
  for (const problem of warningProblems(answer, regions.size)) found.push(problem);

  // Sources: exactly those cited, in natural order; each reason cites what its rule rests on.
  found.push(
    ...sourceProblems(answer, [
      ...answer.plan.holders.map((h) => h.reasons),
      ...answer.plan.people.flatMap((p) => [p.reasons, p.changes]),
      answer.warnings,
    ]),
  );
  const reasons = [
    ...answer.plan.holders.flatMap((h) => h.reasons),
    ...answer.plan.people.flatMap((p) => p.reasons),
  ];
  for (const problem of citationProblems(reasons)) found.push(problem);
  // A source about a region: only for someone insured there (or where a warning names it).
  const insured = {
    holder: { region: self.region },
    members: people.map((p) => ({ region: p.region })),
  };
  for (const problem of regionProblems(insured, answer)) found.push(problem);
  return found;
}

const BLOCKING = new Set([
  'member.holder_cannot_share',
  'member.not_near_relative',
  'member.relation_not_yet',
  'member.route_in_province_closed',
  'member.route_cross_province_closed',
  'member.single_holder_bound',
  'member.cap_total',
  'member.cap_relation',
  'member.uninsured',
]);
const UNCOVERED = new Set(['plan.no_holders', 'plan.places_full', 'plan.no_holder_can']);

/** Runs `count` households in each language through `evaluate`. */
export function runPlans(evaluate, options = {}) {
  let people = 0;
  const generate = (seed, index, lang) => {
    const request = household(seed, index, lang);
    people += request.household.people.length;
    return request;
  };
  const { answers, textsChecked, byClass } = tally(evaluate, {
    generate,
    textsOf: planTexts,
    checkOf: checkPlan,
    ...options,
  });
  return { households: answers, people, textsChecked, byClass };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [binary, count = '300'] = process.argv.slice(2);
  const evaluate = (text) => execFileSync(binary, ['eval', '-'], { input: text, encoding: 'utf8' });
  const { households, people, textsChecked, byClass } = runPlans(evaluate, {
    count: Number(count),
  });
  console.log(`${households} households, ${people} people, ${textsChecked} texts checked`);
  for (const [kind, { count: n, example }] of byClass) {
    console.log(`${n}\t${kind}\t${example.where}\t${example.text}`);
    if (process.env.VERBOSE) console.log(JSON.stringify(example.request));
  }
}
