// The WebAssembly module in build/web answers byte for byte as the native command does, loads by a
// plain import in Node.js, and never throws across the boundary.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { caseFiles, nativeEvaluate, requestText, root } from './helpers.mjs';

const { createCalculator, GongjiError } = await import(`${root}build/web/gongji.mjs`);
const calculator = await createCalculator();

test('the module exposes the calculator API', () => {
  assert.equal(typeof calculator.evaluate, 'function');
  assert.equal(typeof calculator.evaluateJson, 'function');
  assert.match(calculator.version, /^\d{4}\.\d{2}\.\d{2}-\d+$/);
  const regions = calculator.regions();
  assert.ok(regions.length > 300);
  assert.deepEqual(
    regions.find((r) => r.code === '410100'),
    { code: '410100', name: '郑州市', name_en: 'Zhengzhou', coverage: 'province' },
  );
  assert.equal(regions.find((r) => r.code === '440300').coverage, 'city');
  assert.deepEqual(
    regions.find((r) => r.code === '440300').tiers,
    ['1', '2', '3'],
    '深圳 has tiers',
  );
  assert.equal(regions.find((r) => r.code === '210000').coverage, 'national'); // 辽宁: no rules of its own yet
});

test('vocabulary() gives every enumeration of policies/vocabulary.json, in order, with its words', () => {
  const file = JSON.parse(readFileSync(join(root, 'policies/vocabulary.json'), 'utf8'));
  const vocabulary = calculator.vocabulary();
  const keys = Object.keys(file).filter((key) => !key.startsWith('$'));
  assert.deepEqual(Object.keys(vocabulary).sort(), keys.sort());
  for (const key of keys) {
    assert.deepEqual(vocabulary[key].forms, file[key].forms, key);
    // ids, order and words; a household role also lists its relations to self (unit-household)
    const words = vocabulary[key].values.map(({ relations, ...value }) => value);
    assert.deepEqual(words, file[key].values, key);
  }
  const relationsOf = (role) => vocabulary.role.values.find((v) => v.id === role).relations;
  assert.deepEqual(relationsOf('mother'), ['parent']);
  assert.deepEqual(relationsOf('grandchild'), ['grandchild', 'maternal_grandchild']);
  assert.deepEqual(relationsOf('self'), []);
  assert.equal(vocabulary.relation.values[0].relations, undefined, 'roles only');
  vocabulary.relation.values.length = 0; // each caller gets a copy of its own
  assert.equal(calculator.vocabulary().relation.values.at(-1).label['zh-CN'], '其他亲友');
});

test('createCalculator can be called again and shares one instance', async () => {
  const again = await createCalculator();
  assert.equal(again.version, calculator.version);
});

for (const testCase of caseFiles()) {
  test(`same bytes as gongji eval: ${testCase.name}`, () => {
    const text = requestText(testCase);
    assert.equal(calculator.evaluateJson(text), nativeEvaluate(text));
  });
}

// The module hands answers over as UTF-16 (wasm/bindings.cpp): characters of every UTF-8 length,
// a surrogate pair included, arrive as the native command writes them, and as typed.
test('names of one to four UTF-8 bytes a character cross the boundary unchanged', () => {
  const names = ['Ann', 'Zoë', '奶奶', '爷爷👴🏻', '𠀀x'];
  const text = JSON.stringify({
    as_of: '2026-06-01',
    holder: { region: '110000', scheme: 'employee', balance_fen: 100000 },
    members: names.map((name, index) => ({
      id: `m${index}`,
      name,
      relation: 'parent',
      age: 70,
      scheme: 'resident',
      region: '110000',
    })),
  });
  const answer = calculator.evaluateJson(text);
  assert.equal(answer, nativeEvaluate(text));
  const parsed = JSON.parse(answer);
  assert.equal(parsed.ok, true, answer);
  for (const name of names) assert.ok(answer.includes(name), name);
});

test('evaluate takes and returns objects; evaluateOrThrow raises GongjiError with the path', () => {
  const answer = calculator.evaluate({
    as_of: '2026-06-01',
    holder: { region: '110000', scheme: 'employee', balance_fen: 100 },
  });
  assert.equal(answer.ok, true);
  assert.throws(
    () =>
      calculator.evaluateOrThrow({
        holder: { region: '110000', scheme: 'employee', balance_fen: -1 },
      }),
    (error) =>
      error instanceof GongjiError &&
      error.code === 'invalid_request' &&
      error.path === '/holder/balance_fen',
  );
});

test('hostile text never throws across the boundary', () => {
  for (const text of [
    '',
    '\u0000',
    '{"a":'.repeat(10000),
    '\ud800',
    'x'.repeat(2 * 1024 * 1024),
    '['.repeat(100000),
  ]) {
    const answer = JSON.parse(calculator.evaluateJson(text));
    assert.equal(answer.ok, false);
    assert.ok(['invalid_json', 'limit_exceeded'].includes(answer.error.code), answer.error.code);
  }
});

// A fresh copy of the module (its own instance) in a temporary folder with only the named files
// of build/web, plus `extra` files written there.
async function isolatedCopy(names, extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gongji-module-'));
  for (const name of names) cpSync(join(root, 'build/web', name), join(dir, name));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return import(pathToFileURL(join(dir, 'gongji.mjs')).href);
}

test('the module refuses to start with rules that do not load, and says why', async () => {
  const image = readFileSync(join(root, 'build/web/gongji-policies.bin'));
  const damaged = Buffer.from(image);
  damaged[damaged.length - 1] ^= 0x5a; // one byte of the last text changed
  const broken = await isolatedCopy(['gongji.mjs', 'gongji-core.mjs', 'gongji-core.wasm'], {
    'gongji-policies.bin': damaged,
  });
  await assert.rejects(
    broken.createCalculator(),
    /the rules did not load: not a usable policy image: checksum mismatch/,
  );
  const cut = await isolatedCopy(['gongji.mjs', 'gongji-core.mjs', 'gongji-core.wasm'], {
    'gongji-policies.bin': image.subarray(0, image.length - 1),
  });
  await assert.rejects(cut.createCalculator(), /not a usable policy image: truncated/);
});

test('a calculator made from a module and rules the caller already has reads neither file itself', async () => {
  const copy = await isolatedCopy(['gongji.mjs', 'gongji-core.mjs']); // no .wasm, no rules
  const module = await WebAssembly.compile(readFileSync(join(root, 'build/web/gongji-core.wasm')));
  const rules = readFileSync(join(root, 'build/web/gongji-policies.bin'));
  const preloaded = await copy.createCalculator({
    module,
    rules: rules.buffer.slice(rules.byteOffset, rules.byteOffset + rules.length),
  });
  const request = JSON.stringify(
    JSON.parse(readFileSync(join(root, 'bench/families.json'), 'utf8'))['members-5-expenses-5'],
  );
  assert.equal(preloaded.version, calculator.version);
  assert.equal(preloaded.evaluateJson(request), calculator.evaluateJson(request));
});

test("with a language, the module loads only that language's rules and answers in it as the whole set does; the other comes with loadLanguage", async () => {
  const copy = await isolatedCopy([
    'gongji.mjs',
    'gongji-core.mjs',
    'gongji-core.wasm',
    'gongji-policies.zh-CN.bin',
    'gongji-policies.en.bin',
  ]); // no gongji-policies.bin: a call that wanted it would fail
  const cut = await copy.createCalculator({ lang: 'zh-CN' });
  assert.deepEqual(cut.languages(), ['zh-CN']);
  assert.deepEqual(calculator.languages(), ['zh-CN', 'en']);
  const checked = { zh: 0, en: 0 };
  let english;
  for (const testCase of caseFiles()) {
    const text = requestText(testCase);
    // Every request that is not in English, malformed ones too (their errors are in both).
    if (testCase.request?.lang === 'en') continue;
    assert.equal(cut.evaluateJson(text), calculator.evaluateJson(text), testCase.name);
    checked.zh += 1;
    if (!english && calculator.evaluate(testCase.request).ok) {
      english = { ...testCase.request, lang: 'en' };
    }
  }
  const refused = JSON.parse(cut.evaluateJson(JSON.stringify(english)));
  assert.equal(refused.ok, false);
  assert.equal(refused.error.path, '/lang');
  assert.match(refused.error.message, /^The rules loaded have their texts in the other language/);
  await cut.loadLanguage('en');
  assert.deepEqual(cut.languages(), ['en']);
  assert.equal(JSON.stringify(cut.evaluate(english)), JSON.stringify(calculator.evaluate(english)));
  checked.en += 1;
  // Back to Chinese without a download: evaluate() installs the rules it has already.
  const chinese = { ...english, lang: 'zh-CN' };
  assert.equal(JSON.stringify(cut.evaluate(chinese)), JSON.stringify(calculator.evaluate(chinese)));
  assert.deepEqual(cut.languages(), ['zh-CN']);
  assert.ok(checked.zh > 100, `${checked.zh} Chinese case requests compared`);
  await assert.rejects(cut.loadLanguage('fr'), /no language fr/);
});
