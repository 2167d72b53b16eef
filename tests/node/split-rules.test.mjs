// The rules split by province (build/web/gongji-rules/, the page's first download): for every case
// request, the base and only the parts of the request's places give the whole set's answer byte
// for byte; a request needing a part not added is refused at its place; and the page's calculator
// (split: true) adds parts as requests and the region list need them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { caseFiles, requestText, root } from './helpers.mjs';

const web = join(root, 'build/web');
const rules = join(web, 'gongji-rules');
const { createCalculator, PROVINCES_WITH_PARTS, TEXTS_NOT_LOADED } = await import(
  `${root}build/web/gongji.mjs`
);
const whole = await createCalculator(); // both languages, every province

// The module driven directly, so that each request starts again from the base alone.
const { default: createGongjiCore } = await import(`${root}build/web/gongji-core.mjs`);
const wasm = await WebAssembly.compile(readFileSync(join(web, 'gongji-core.wasm')));
const core = await createGongjiCore({
  instantiateWasm(imports, receive) {
    WebAssembly.instantiate(wasm, imports).then(receive);
    return {};
  },
});
const encoder = new TextEncoder();
function call(name, input) {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const pointer = core._malloc(bytes.length + 1);
  core.HEAPU8.set(bytes, pointer);
  const result = core[name](pointer, bytes.length);
  core._free(pointer);
  // The answer in UTF-16 code units (wasm/bindings.cpp).
  return new TextDecoder('utf-16le').decode(
    new Uint16Array(core.HEAPU8.buffer, result, core._gongji_answer_size()),
  );
}
const file = (name) => new Uint8Array(readFileSync(join(rules, `${name}.bin`)));
const bases = { 'zh-CN': file('zh-CN'), en: file('en') };
// The calculator page's bases: the same without the household plan's texts, and with only the
// texts of the page's likely first answers (wasm/first-answers.json); the rest in each one's
// texts part.
const calculatorBases = { 'zh-CN': file('zh-CN.calculator'), en: file('en.calculator') };
const calculatorTexts = {
  'zh-CN': file('zh-CN.calculator.texts'),
  en: file('en.calculator.texts'),
};
const parts = Object.fromEntries(
  readdirSync(rules)
    .filter((name) => /^\d{6}\.bin$/.test(name))
    .map((name) => [name.slice(0, 6), file(name.slice(0, 6))]),
);

function provincesOf(request) {
  const codes = [
    request?.holder?.region,
    ...(request?.members ?? []).map((m) => m?.region),
    ...(request?.household?.people ?? []).map((p) => p?.region),
  ].filter((code) => typeof code === 'string' && /^\d{6}$/.test(code));
  return [...new Set(codes.map((code) => `${code.slice(0, 2)}0000`))];
}

test('the base leaves every province with rules or cities apart, each with its part', () => {
  const installed = JSON.parse(call('_gongji_load_policies', bases['zh-CN']));
  assert.equal(installed.ok, true);
  assert.equal(installed.version, whole.version);
  assert.deepEqual(installed.languages, ['zh-CN']);
  assert.deepEqual(installed.apart, Object.keys(parts).sort());
  // The page asks early only for provinces that have a part (gongji.mjs, prefetchPlaces).
  const divisions = JSON.parse(readFileSync(join(root, 'policies/divisions.json'), 'utf8'));
  const provinces = Object.keys(divisions).filter((code) => code.endsWith('0000'));
  assert.deepEqual(
    provinces.filter((code) => PROVINCES_WITH_PARTS.test(code)),
    installed.apart,
  );
  assert.ok(!PROVINCES_WITH_PARTS.test('990000'));
  assert.ok(installed.apart.includes('110000') && installed.apart.includes('440000'));
  // all.bin is every part back to back: added, nothing is left apart.
  assert.deepEqual(JSON.parse(call('_gongji_add_policies', file('all'))), { ok: true, apart: [] });
});

// Installs the base of `testCase`'s language from `baseOf` and the parts of its places; returns
// that language.
function installFor(testCase, baseOf) {
  const lang = testCase.request?.lang === 'en' ? 'en' : 'zh-CN';
  assert.equal(JSON.parse(call('_gongji_load_policies', baseOf[lang])).ok, true);
  for (const province of provincesOf(testCase.request)) {
    if (!parts[province]) continue; // no rules or cities of its own: in the base
    const added = JSON.parse(call('_gongji_add_policies', parts[province]));
    assert.equal(added.ok, true, `${testCase.name}: ${province}`);
    assert.ok(!added.apart.includes(province));
  }
  return lang;
}

test('for every case request, the base and the parts of its places answer as the whole set', () => {
  let compared = 0;
  for (const testCase of caseFiles()) {
    const text = requestText(testCase);
    installFor(testCase, bases);
    assert.equal(call('_gongji_evaluate', text), whole.evaluateJson(text), testCase.name);
    compared += 1;
  }
  assert.ok(compared > 400, `${compared} requests compared`);
});

test("the calculator's bases answer every one-holder request as the whole set; a household plan is refused at /household, never answered with the plan texts' keys", () => {
  let single = 0;
  let households = 0;
  for (const testCase of caseFiles()) {
    const text = requestText(testCase);
    const lang = installFor(testCase, calculatorBases);
    assert.equal(
      call('_gongji_add_policies', calculatorTexts[lang]).startsWith('{"ok":true'),
      true,
    );
    const expected = whole.evaluateJson(text);
    const answer = call('_gongji_evaluate', text);
    if (testCase.request?.household === undefined) {
      assert.equal(answer, expected, testCase.name);
      single += 1;
    } else if (JSON.parse(expected).ok) {
      const { error } = JSON.parse(answer);
      assert.equal(error.path, '/household', testCase.name);
      assert.match(error.message, lang === 'en' ? /household plan's texts/ : /全家规划所需的说明/);
      households += 1;
    }
  }
  assert.ok(single > 300 && households > 20, `${single} and ${households} requests compared`);
  // What was left out: the plan's texts, and nothing else.
  const keys = (bytes, texts) => {
    call('_gongji_load_policies', bytes);
    if (texts) call('_gongji_add_policies', texts);
    return Object.keys(JSON.parse(readFileSync(join(root, 'policies/messages.json'), 'utf8')))
      .filter((key) => call('_gongji_message', `zh-CN ${key}`) !== '')
      .sort();
  };
  const all = keys(bases['zh-CN']);
  const kept = keys(calculatorBases['zh-CN'], calculatorTexts['zh-CN']);
  assert.deepEqual(
    all.filter((key) => !kept.includes(key)),
    all.filter((key) => /^(plan|third)\./.test(key)),
  );
  assert.ok(all.length - kept.length > 50, `${all.length - kept.length} texts left out`);
});

test("the calculator's base alone answers its first answers, and refuses, never with a text's key, an answer that needs its texts part", () => {
  const firstAnswers = JSON.parse(readFileSync(join(root, 'wasm/first-answers.json'), 'utf8'));
  for (const lang of ['zh-CN', 'en']) {
    const installed = JSON.parse(call('_gongji_load_policies', calculatorBases[lang]));
    assert.equal(installed.texts_apart, true);
    for (const request of firstAnswers.requests) {
      // As of today, as the page asks: the texts kept are still those it needs.
      const text = JSON.stringify({ ...request, lang });
      call('_gongji_load_policies', calculatorBases[lang]);
      for (const province of provincesOf(request)) call('_gongji_add_policies', parts[province]);
      assert.equal(call('_gongji_evaluate', text), whole.evaluateJson(text), `${lang} ${text}`);
    }
  }
  let refused = 0;
  for (const testCase of caseFiles()) {
    if (testCase.request?.household !== undefined) continue;
    const text = requestText(testCase);
    installFor(testCase, calculatorBases);
    const answer = call('_gongji_evaluate', text);
    if (answer === whole.evaluateJson(text)) continue;
    // Refused, always in the same words, never answered with a text's key.
    assert.equal(
      answer,
      '{"ok":false,"error":{"code":"invalid_request","message":"texts not loaded / 说明文字尚未载入","path":""}}',
      testCase.name,
    );
    refused += 1;
  }
  assert.ok(refused > 300, `${refused} answers needed the texts part`);
});

test('a request whose place is in a province not added is refused there, not answered', () => {
  assert.equal(JSON.parse(call('_gongji_load_policies', bases.en)).ok, true);
  call('_gongji_add_policies', parts['110000']);
  const request = {
    as_of: '2026-06-01',
    lang: 'en',
    holder: { region: '110000', scheme: 'employee', balance_fen: 100000 },
    members: [{ id: 'm1', relation: 'parent', scheme: 'resident', region: '410100' }],
  };
  const answer = JSON.parse(call('_gongji_evaluate', JSON.stringify(request)));
  assert.equal(answer.ok, false);
  assert.equal(answer.error.code, 'invalid_request');
  assert.equal(answer.error.path, '/members/0/region');
  assert.match(answer.error.message, /^The rules for this region are not loaded yet/);
  call('_gongji_add_policies', parts['410000']);
  assert.equal(
    call('_gongji_evaluate', JSON.stringify(request)),
    whole.evaluateJson(JSON.stringify(request)),
  );
});

test('a damaged part or one of another province set is refused, and the set stays as it was', () => {
  assert.equal(JSON.parse(call('_gongji_load_policies', bases['zh-CN'])).ok, true);
  const damaged = Uint8Array.from(parts['410000']);
  damaged[damaged.length - 1] ^= 0x5a;
  const refused = JSON.parse(call('_gongji_add_policies', damaged));
  assert.equal(refused.ok, false);
  assert.match(refused.problems[0], /checksum mismatch/);
  assert.match(JSON.parse(call('_gongji_add_policies', bases.en)).problems[0], /wrong magic/);
  assert.ok(JSON.parse(call('_gongji_add_policies', parts['410000'])).ok);
  // Added twice: the second is skipped, not an error.
  assert.ok(JSON.parse(call('_gongji_add_policies', parts['410000'])).ok);
});

test("the page's calculator adds the parts a request needs, lists their places, all on request, and keeps them across languages", async () => {
  const { createCalculator: createSplit } = await import(`${root}build/web/gongji.mjs?split`);
  const split = await createSplit({ lang: 'zh-CN', split: true });
  const family = JSON.parse(readFileSync(join(root, 'bench/families.json'), 'utf8'))[
    'members-5-expenses-5'
  ];
  assert.equal(split.evaluate(family).error.path, '/holder/region');
  // The region list holds only places whose rules are in: a province still apart is left out,
  // not reported with the national rules' coverage.
  const codes = () => split.regions().map((region) => region.code);
  const provinces = (codes) => new Set(codes.map((code) => `${code.slice(0, 2)}0000`));
  assert.deepEqual(codes(), [], 'every province has a part, none added yet');
  await split.loadPlaces(family);
  const added = provinces(split.regions().map((region) => region.code));
  for (const province of provincesOf(family)) assert.ok(added.has(province), province);
  const zhengzhou = split.regions().find((region) => region.code === '410100');
  assert.deepEqual(
    zhengzhou,
    whole.regions().find((region) => region.code === '410100'),
  );
  assert.equal(JSON.stringify(split.evaluate(family)), JSON.stringify(whole.evaluate(family)));
  const english = { ...family, lang: 'en' };
  await split.loadLanguage('en');
  assert.equal(JSON.stringify(split.evaluate(english)), JSON.stringify(whole.evaluate(english)));
  await split.loadAllPlaces();
  assert.deepEqual(split.regions(), whole.regions());
});

test("the calculator's own calculator answers its first answer from the base; another waits for loadTexts(), in each language", async () => {
  const { createCalculator: createLean } = await import(`${root}build/web/gongji.mjs?lean`);
  const lean = await createLean({ lang: 'zh-CN', split: true, planner: false });
  assert.equal(lean.textsApart(), true);
  const family = JSON.parse(readFileSync(join(root, 'bench/families.json'), 'utf8'))[
    'members-5-expenses-5'
  ];
  await lean.loadPlaces(family);
  const refused = lean.evaluate(family);
  assert.equal(refused.ok, false);
  assert.equal(refused.error.message, TEXTS_NOT_LOADED);
  assert.equal(lean.message('member.not_near_relative'), '', 'a text apart is not given meanwhile');
  await lean.loadTexts();
  assert.equal(lean.textsApart(), false);
  assert.notEqual(lean.message('member.not_near_relative'), '');
  assert.equal(JSON.stringify(lean.evaluate(family)), JSON.stringify(whole.evaluate(family)));
  await lean.loadTexts(); // nothing left to load: nothing happens
  // Another language's base has its texts apart too, until they are loaded for it.
  const english = { ...family, lang: 'en' };
  await lean.loadLanguage('en');
  assert.equal(lean.evaluate(english).ok, false);
  assert.equal(lean.textsApart(), true);
  await lean.loadTexts();
  assert.equal(JSON.stringify(lean.evaluate(english)), JSON.stringify(whole.evaluate(english)));
  // Back in Chinese: its texts, loaded before, are added again with its base, at once.
  assert.equal(JSON.stringify(lean.evaluate(family)), JSON.stringify(whole.evaluate(family)));
  assert.equal(lean.textsApart(), false);
});
