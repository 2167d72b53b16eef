// The peer in the same run: the same family questions answered by the publicodes engine with the
// model in bench/publicodes/model.mjs, against the Gongji WebAssembly module. Checks both give
// the same money answers, then compares evaluations per second (interleaved) and bytes shipped.
// Writes build/bench/publicodes.json.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Engine from 'publicodes';
import { evaluateFamily, rules } from './publicodes/model.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const families = JSON.parse(readFileSync(`${root}bench/families.json`, 'utf8'));
const { createCalculator } = await import(`${root}build/web/gongji.mjs`);
// The calculator page's module (one holder's family, no household planner), as families use it.
const calculator = await createCalculator({ planner: false });
const engine = new Engine(rules);

// Evaluations per second of each, in alternating slices of 100 ms (15 of each), so that a busy
// machine slows both alike; the ratio is of the medians. Gongji first warms past V8's tier-up.
function perSecondPaired(gongjiCall, publicodesCall) {
  for (let i = 0; i < 200; i++) gongjiCall();
  publicodesCall();
  const slice = (fn) => {
    const start = performance.now();
    let count = 0;
    while (performance.now() - start < 100) {
      fn();
      count++;
    }
    return count / ((performance.now() - start) / 1000);
  };
  const gongji = [];
  const publicodes = [];
  for (let round = 0; round < 15; round++) {
    gongji.push(slice(gongjiCall));
    publicodes.push(slice(publicodesCall));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return [median(gongji), median(publicodes)];
}

const result = { families: {} };
for (const name of ['members-1-expenses-1', 'members-5-expenses-5', 'members-20-expenses-20']) {
  const request = families[name];
  const answer = calculator.evaluate(request);
  // The peer is told which routes are open (it has no regions); it must then agree on the money.
  const routeOpen = (member) => answer.members.find((m) => m.id === member.id).route !== 'none';
  const peer = evaluateFamily(engine, request, routeOpen);
  assert.deepEqual(
    peer.members.map((m) => m.eligible),
    answer.members.map((m) => m.eligible),
    `${name}: eligibility`,
  );
  assert.deepEqual(
    peer.expenses.map((e) => [e.allowed, e.from_own_fen, e.from_holder_fen, e.out_of_pocket_fen]),
    answer.expenses.map((e) => [e.allowed, e.from_own_fen, e.from_holder_fen, e.out_of_pocket_fen]),
    `${name}: money`,
  );
  const text = JSON.stringify(request);
  const [gongji, publicodes] = perSecondPaired(
    () => calculator.evaluateJson(text),
    () => evaluateFamily(engine, request, routeOpen),
  );
  result.families[name] = {
    gongji_per_second: Math.round(gongji),
    publicodes_per_second: Math.round(publicodes),
    ratio: +(gongji / publicodes).toFixed(2),
  };
}
const require = createRequire(import.meta.url);
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const publicodesBytes = gz(require.resolve('publicodes')) + gzipSync(JSON.stringify(rules)).length;
const gongjiBytes = [
  'gongji-calculator.wasm',
  'gongji.mjs', // with the glue (scripts/bundle-site.mjs)
  'gongji-policies.bin',
].reduce((sum, file) => sum + gz(`${root}build/web/${file}`), 0);
result.bytes_gzip = {
  gongji: gongjiBytes,
  publicodes: publicodesBytes,
  ratio: +(gongjiBytes / publicodesBytes).toFixed(2),
  note: "Gongji ships every region's rules, texts in two languages and the validator; the publicodes model covers only the national money rules.",
};
mkdirSync(`${root}build/bench`, { recursive: true });
writeFileSync(`${root}build/bench/publicodes.json`, `${JSON.stringify(result, null, 1)}\n`);
console.log(JSON.stringify(result, null, 1));
