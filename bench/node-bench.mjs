// The WebAssembly module in Node.js: instantiation, first call, and steady-state evaluateJson per
// call for the families of bench/families.json. Writes build/bench/node.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const families = JSON.parse(readFileSync(`${root}bench/families.json`, 'utf8'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Instantiation and first call, each in a fresh process (median of 7).
const startup = `
  const t0 = performance.now();
  const { createCalculator } = await import(${JSON.stringify(`${root}build/web/gongji.mjs`)});
  const calculator = await createCalculator();
  const t1 = performance.now();
  calculator.evaluateJson(${JSON.stringify(JSON.stringify(families['members-5-expenses-5']))});
  const t2 = performance.now();
  console.log(JSON.stringify({ instantiate_ms: t1 - t0, first_call_ms: t2 - t1 }));`;
const runs = [...Array(7)].map(() =>
  JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', startup], { encoding: 'utf8' }),
  ),
);

const { createCalculator } = await import(`${root}build/web/gongji.mjs`);
const calculator = await createCalculator();
// Steady state: batches of 20 calls, the families taking turns batch by batch, so that a busy
// machine slows each alike and their ratios (cost per member or expense) hold.
const texts = Object.fromEntries(
  Object.entries(families).map(([name, request]) => [name, JSON.stringify(request)]),
);
for (const text of Object.values(texts)) {
  for (let i = 0; i < 2000; i++) calculator.evaluateJson(text); // past V8's tier-up
}
const batches = Object.fromEntries(Object.keys(texts).map((name) => [name, []]));
for (let b = 0; b < 21; b++) {
  for (const [name, text] of Object.entries(texts)) {
    const start = performance.now();
    for (let i = 0; i < 20; i++) calculator.evaluateJson(text);
    batches[name].push(((performance.now() - start) / 20) * 1000);
  }
}
const steady = Object.fromEntries(
  Object.entries(families).map(([name, request]) => [
    name,
    { median_us: median(batches[name]), units: request.members.length + request.expenses.length },
  ]),
);
const result = {
  instantiate_ms: median(runs.map((r) => r.instantiate_ms)),
  first_call_ms: median(runs.map((r) => r.first_call_ms)),
  evaluate: steady,
};
mkdirSync(`${root}build/bench`, { recursive: true });
writeFileSync(`${root}build/bench/node.json`, `${JSON.stringify(result, null, 1)}\n`);
console.log(JSON.stringify(result, null, 1));
