// The calculator page's module (gongji-calculator.wasm): built from the same core without the
// household planner. Every one-holder answer is the whole module's, byte for byte; a household
// request is an error at /household in the request's language; and a page that later asks for a
// household plan gets the whole module in its place, with the rules it had.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { caseFiles, requestText, root } from './helpers.mjs';

const web = join(root, 'build/web');
const { createCalculator } = await import(`${root}build/web/gongji.mjs`);
const whole = await createCalculator();
// A page of its own (a separate instance of gongji.mjs), as the calculator page loads it.
const page = await import(`${root}build/web/gongji.mjs?calculator-page`);
const lean = await page.createCalculator({ planner: false });

const requests = caseFiles().map(requestText);
const isHousehold = (text) => {
  try {
    return JSON.parse(text)?.household !== undefined;
  } catch {
    return false;
  }
};

test('the calculator module is smaller and has the same imports and exports as the whole one', () => {
  const bytes = (name) => readFileSync(join(web, name));
  const shape = (name) => {
    const module = new WebAssembly.Module(bytes(name));
    return [WebAssembly.Module.imports(module), WebAssembly.Module.exports(module)];
  };
  assert.deepEqual(shape('gongji-calculator.wasm'), shape('gongji-core.wasm'));
  assert.ok(bytes('gongji-calculator.wasm').length < bytes('gongji-core.wasm').length * 0.9);
});

test("every one-holder case answer is the whole module's, byte for byte", () => {
  const single = requests.filter((text) => !isHousehold(text));
  assert.ok(single.length > 300, `${single.length} requests`);
  for (const text of single) assert.equal(lean.evaluateJson(text), whole.evaluateJson(text), text);
});

test("a household request is an error at /household in the request's language", () => {
  const households = requests.filter(isHousehold);
  assert.ok(households.length > 20, `${households.length} household requests`);
  for (const text of households) {
    const wholeAnswer = JSON.parse(whole.evaluateJson(text));
    const answer = JSON.parse(lean.evaluateJson(text));
    assert.equal(answer.ok, false, text);
    // A request the whole module refuses is refused where it refuses it, or at /household, where
    // the calculator's module stops reading.
    if (!wholeAnswer.ok) {
      if (answer.error.path !== '/household') assert.deepEqual(answer, wholeAnswer, text);
      continue;
    }
    assert.equal(answer.error.code, 'invalid_request');
    assert.equal(answer.error.path, '/household');
    const english = JSON.parse(text).lang === 'en';
    assert.match(answer.error.message, english ? /household planner/ : /全家一起规划/);
  }
});

test('a text of the rules by its key, in either language, for a problem no answer carries', () => {
  const messages = JSON.parse(readFileSync(join(root, 'policies/messages.json'), 'utf8'));
  for (const calculator of [lean, whole]) {
    for (const lang of ['zh-CN', 'en']) {
      assert.equal(
        calculator.message('error.duplicate_role', lang),
        messages['error.duplicate_role'][lang],
      );
    }
    assert.equal(calculator.message('error.no_such_key', 'en'), '');
    assert.equal(calculator.message('', 'en'), '');
  }
});

test('a later calculator that asks for the planner replaces the module, for every calculator of the page', async () => {
  const household = requests.find(isHousehold);
  const single = requests.find((text) => !isHousehold(text));
  const planner = await page.createCalculator();
  for (const calculator of [planner, lean]) {
    assert.equal(calculator.evaluateJson(household), whole.evaluateJson(household));
    assert.equal(calculator.evaluateJson(single), whole.evaluateJson(single));
  }
});

test('with split rules, the whole module takes over the base, the parts added and a later language', async () => {
  const split = await import(`${root}build/web/gongji.mjs?split-upgrade`);
  const first = await split.createCalculator({ lang: 'zh-CN', split: true, planner: false });
  const single = requests.find((text) => !isHousehold(text) && !JSON.parse(text).lang);
  const household = requests.find(
    (text) =>
      isHousehold(text) && !JSON.parse(text).lang && JSON.parse(whole.evaluateJson(text)).ok,
  );
  await first.loadPlaces(JSON.parse(single));
  await first.loadPlaces(JSON.parse(household));
  const planner = await split.createCalculator({ planner: true });
  assert.equal(planner.evaluateJson(household), whole.evaluateJson(household));
  assert.equal(first.evaluateJson(single), whole.evaluateJson(single));
  const english = JSON.stringify({ ...JSON.parse(household), lang: 'en' });
  await planner.loadLanguage('en');
  assert.equal(
    JSON.stringify(planner.evaluate(JSON.parse(english))),
    JSON.stringify(JSON.parse(whole.evaluateJson(english))),
  );
});

test('a first load that fails, with an upgrade waiting on it, leaves the page free to try again', async () => {
  const failing = await import(`${root}build/web/gongji.mjs?failing-load`);
  const bad = new Uint8Array([1, 2, 3, 4]);
  const results = await Promise.allSettled([
    failing.createCalculator({ rules: bad, planner: false }),
    failing.createCalculator(),
  ]);
  assert.deepEqual(
    results.map((result) => result.status),
    ['rejected', 'rejected'],
  );
  const again = await failing.createCalculator();
  const household = requests.find((text) => isHousehold(text));
  assert.equal(again.evaluateJson(household), whole.evaluateJson(household));
});

test("a language asked for while the whole module replaces the calculator's ends with that language's whole base: plans answer in both languages", async () => {
  const page = await import(`${root}build/web/gongji.mjs?switch-during-upgrade`);
  const household = (lang) => ({
    lang,
    as_of: '2026-06-01',
    household: {
      people: [
        { id: 'a', role: 'self', age: 40, scheme: 'employee', region: '110000', balance_fen: 1e5 },
        { id: 'b', role: 'spouse', age: 40, scheme: 'resident', region: '110000' },
      ],
    },
  });
  const first = await page.createCalculator({ split: true, lang: 'zh-CN', planner: false });
  const [, planner] = await Promise.all([first.loadLanguage('en'), page.createCalculator()]);
  for (const lang of ['en', 'zh-CN', 'en']) {
    await planner.loadLanguage(lang);
    await planner.loadPlaces(household(lang));
    const answer = planner.evaluate(household(lang));
    assert.equal(answer.ok, true, `${lang}: ${JSON.stringify(answer.error)}`);
    assert.equal(
      JSON.stringify(answer),
      JSON.stringify(JSON.parse(whole.evaluateJson(JSON.stringify(household(lang))))),
    );
  }
});
