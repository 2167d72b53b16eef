// What the policy data's own texts may say, checked over every region file: the texts a family
// reads come from there as written, so each wording rule is checked at its source.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonFiles, root } from './helpers.mjs';

const read = (path) => JSON.parse(readFileSync(join(root, 'policies', path), 'utf8'));
const divisions = read('divisions.json');
const vocabulary = read('vocabulary.json');
const regionFiles = jsonFiles(join(root, 'policies/regions')).map((path) =>
  JSON.parse(readFileSync(path, 'utf8')),
);

// A province-level division named …市 is a municipality (北京、天津、上海、重庆): a city, not a
// province, though it takes the province's place in the rules' layers.
const MUNICIPALITIES = Object.entries(divisions)
  .filter(([code, name]) => code.endsWith('0000') && name['zh-CN'].endsWith('市'))
  .map(([code, name]) => ({ code, name }));
// Calling the place itself a province; "cross-province sharing" and "other provinces" are not that.
const PROVINCE_WORDS = {
  'zh-CN': /本省|该省|全省/,
  en: /\b(this|the|its|whole) province\b|\bprovincial\b/i,
};

/** Every user-facing text of a region file: [where, language, text]. */
function texts(value, where = '') {
  if (typeof value === 'string') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${where}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const out = [];
  for (const lang of ['zh-CN', 'en']) {
    const text = value[lang];
    if (typeof text === 'string') out.push([where, lang, text]);
    if (Array.isArray(text)) text.forEach((t, i) => out.push([`${where}/${lang}/${i}`, lang, t]));
  }
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'zh-CN' && key !== 'en') out.push(...texts(item, `${where}/${key}`));
  }
  return out;
}

test('the municipalities are the four province-level cities', () => {
  assert.deepEqual(
    MUNICIPALITIES.map((m) => m.code),
    ['110000', '120000', '310000', '500000'],
  );
});

// From the new user's walk: the note under 北京 read "Worked out with Beijing's provincial rules".
test('the note under a municipality never calls its rules provincial', () => {
  for (const { id, note } of vocabulary.coverage.values) {
    for (const { name } of MUNICIPALITIES) {
      for (const lang of ['zh-CN', 'en']) {
        const text = note[lang].replace('{place}', name[lang]);
        assert.doesNotMatch(text, PROVINCE_WORDS[lang], `${id}: ${text}`);
      }
    }
  }
});

test("a municipality's own rules never call it a province", () => {
  for (const file of regionFiles.filter((f) => MUNICIPALITIES.some((m) => m.code === f.region))) {
    for (const [where, lang, text] of texts(file)) {
      assert.doesNotMatch(text, PROVINCE_WORDS[lang], `${file.region}${where}: ${text}`);
    }
  }
});

// A detail of an unknown or unconfirmed rule stands inside a warning, and the answer asks the local
// office once (warning.ask): a detail that asked again made 鞍山's warning say it twice.
test('no unknown or unconfirmed detail asks the local office: its warning does', () => {
  const ask = { 'zh-CN': /当地医保经办机构/, en: /\blocal (medical insurance )?office\b/i };
  for (const file of regionFiles) {
    const details = [
      ...Object.entries(file.unknown ?? {}).map(([key, text]) => [`/unknown/${key}`, text]),
      ...Object.entries(file.rules ?? {}).flatMap(([key, entries]) =>
        entries.flatMap((entry, i) =>
          entry.unconfirmed ? [[`/rules/${key}/${i}/unconfirmed`, entry.unconfirmed]] : [],
        ),
      ),
    ];
    for (const [where, text] of details) {
      for (const lang of ['zh-CN', 'en']) {
        assert.doesNotMatch(text[lang], ask[lang], `${file.region}${where}: ${text[lang]}`);
      }
    }
  }
});

// The channels, steps, documents and notes are shown to whoever binds: the user, or in a household
// plan another holder ("以下步骤和材料由老婆办理"). Said to "you", or to 本人 beside the relative,
// they would be about the wrong person (walk 29: "Bring your ID…", "Your and the relative's valid
// ID" under 老婆's steps): the holder is called the holder (共济人).
const GUIDANCE_RULES = ['channels', 'wallet_channel', 'documents', 'notes'];
const ADDRESSED = {
  'zh-CN': /您|你|本人(和|与|信息)|与本人/,
  en: /\b(you|your|yours|yourself)\b/i,
};

test('no channel, step, document or note speaks to the reader as the holder', () => {
  let checked = 0;
  for (const file of regionFiles) {
    for (const key of GUIDANCE_RULES) {
      for (const [i, entry] of (file.rules?.[key] ?? []).entries()) {
        for (const [where, lang, text] of texts(entry.value, `/rules/${key}/${i}`)) {
          checked++;
          assert.doesNotMatch(text, ADDRESSED[lang], `${file.region}${where}: ${text}`);
        }
      }
    }
  }
  assert.ok(checked > 300, `only ${checked} texts`);
});

// From the expert's review: English steps quoted menu labels such as “进入办事” bare. A label is
// quoted as the app shows it, so the reader can find it, and glossed beside it in English:
// "“进入办事” (Go to services)", or "transfers (“划转”)".
const QUOTED_HAN = /“[^”]*\p{Script=Han}[^”]*”/gu;
function unglossed(text) {
  return [...text.matchAll(QUOTED_HAN)]
    .filter((match) => {
      const before = text.slice(0, match.index);
      const after = text.slice(match.index + match[0].length);
      const glossAfter = /^ \([^()\p{Script=Han}]*[A-Za-z][^()\p{Script=Han}]*\)/u.test(after);
      const glossBefore = /[A-Za-z] \($/.test(before) && after.startsWith(')');
      return !glossAfter && !glossBefore;
    })
    .map((match) => match[0]);
}

test('every Chinese label quoted in English has an English gloss beside it', () => {
  const files = [...regionFiles, { region: 'messages', ...read('messages.json') }];
  const bare = [];
  for (const file of files) {
    for (const [where, lang, text] of texts(file)) {
      if (lang !== 'en') continue;
      for (const label of unglossed(text)) bare.push(`${file.region}${where}: ${label} in ${text}`);
    }
  }
  assert.deepEqual(bare, []);
});

test('the gloss check catches a bare label and passes a glossed one', () => {
  assert.deepEqual(unglossed('Choose “医保家庭共济” > “进入办事”'), [
    '“医保家庭共济”',
    '“进入办事”',
  ]);
  assert.deepEqual(
    unglossed('Choose “进入办事” (Go to services) > “家庭共济” (Family sharing)'),
    [],
  );
  assert.deepEqual(unglossed('Hangzhou transfers (“划转”) money'), []);
  assert.deepEqual(unglossed('search “家庭个账共济” (关于)'), ['“家庭个账共济”']);
});

// The nation's "not confirmed" texts are read in every place without a rule of its own, on every
// day before that place's rule starts: one naming places as examples ("如蚌埠、肇庆", "北京允许")
// told a family in that very place, before its rule, both that its place does so and that its
// rule was not found (review 45). They speak of "some places" instead. The wallet's says which
// provinces went live when (a national fact about every place, not an example of a local rule).
const NAMES_OF_PLACES_ALLOWED = ['wallet'];
test("the nation's texts and the messages name no place as an example of a local rule", () => {
  const national = regionFiles.find((file) => file.region === '000000');
  // Each division's name and its short form (北京市 → 北京, 河北省 → 河北, 深圳市 → 深圳).
  const names = Object.values(divisions).flatMap(({ 'zh-CN': zh, en }) => [
    zh,
    zh.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/, ''),
    en,
  ]);
  const found = [];
  const check = (list) => {
    for (const [where, lang, text] of list) {
      const named = names.filter((name) => name.length > 1 && text.includes(name));
      if (named.length) found.push(`${where} (${lang}): ${[...new Set(named)].join(', ')}`);
    }
  };
  for (const [key, entries] of Object.entries(national.rules)) {
    if (NAMES_OF_PLACES_ALLOWED.includes(key)) continue;
    entries.forEach((entry, i) => check(texts(entry.unconfirmed ?? {}, `/rules/${key}/${i}`)));
  }
  // Said where the nation answers too (review 47: "按北京、湖北、贵州等地的做法" read by a 贵州 family
  // before 贵州's own rule): the messages, which are every place's words. (The national layer's
  // "unknown" texts must name the places whose sources they cite: `gongji check` requires it.)
  check(texts(read('messages.json'), 'messages.json'));
  assert.deepEqual(found, []);
});

// A day known from one source is known as precisely everywhere it is used: 贵州's 2022-11 Q&A gave
// one sentence "at least since 2022-11-01" and "at least since 2022年11月" (review 45).
test('one source and one known-since day have one precision in every rule that uses them', () => {
  const precisions = new Map();
  for (const file of regionFiles) {
    for (const [key, entries] of Object.entries(file.rules ?? {})) {
      entries.forEach((entry, i) => {
        if (!entry.known_since) return;
        const known = `${[...entry.sources].sort().join('+')} ${entry.known_since}`;
        const precision = entry.known_since_precision ?? 'day';
        const seen = precisions.get(known) ?? new Map();
        seen.set(precision, `${file.region}/rules/${key}/${i}`);
        precisions.set(known, seen);
      });
    }
  }
  const mixed = [...precisions]
    .filter(([, seen]) => seen.size > 1)
    .map(([known, seen]) => `${known}: ${[...seen].map(([p, at]) => `${p} at ${at}`).join(', ')}`);
  assert.deepEqual(mixed, []);
});

// A region's texts speak of the rules, not of this tool's form: a note that said "enter it as the
// authorised amount in this calculator" was read on the household page, which has no such field
// (walk 46).
test("no region's text speaks of this calculator or its fields", () => {
  const found = regionFiles.flatMap((file) =>
    texts(file.rules ?? {})
      .concat(texts(file.unknown ?? {}))
      .filter(([, , text]) => /计算器|calculator/i.test(text))
      .map(([where, lang]) => `${file.region}${where} (${lang})`),
  );
  assert.deepEqual(found, []);
});

// An answer speaks of the family's rules, not of what this tool lets one enter: "only one amount
// can be entered here" told a family about a form field, and on the household page of a field it
// does not have (review 48). Saying what the family entered ("您填写的") is fine, and a request
// error (error.*) is about the tool itself.
test('no answer text speaks of what can be entered in this tool', () => {
  const messages = read('messages.json');
  const tool = /计算器|calculator|只能填|这里.{0,4}填|can be entered|enter(ed)? here/i;
  const answers = Object.entries(messages).filter(([key]) => !key.startsWith('error.'));
  const found = answers.flatMap(([key, text]) =>
    ['zh-CN', 'en'].filter((lang) => tool.test(text[lang] ?? '')).map((lang) => `${key} (${lang})`),
  );
  assert.deepEqual(found, []);
});
