// Checks the measured figures in build/bench/ against bench/budgets.json. Sizes are exact; times
// get the file's slack for a noisy machine. Budgets marked enforce:false are reported, not failed.
import { readFileSync } from 'node:fs';

const read = (name) =>
  JSON.parse(readFileSync(new URL(`../build/bench/${name}.json`, import.meta.url), 'utf8'));
const { slack, budgets } = JSON.parse(
  readFileSync(new URL('../bench/budgets.json', import.meta.url), 'utf8'),
);
const sizes = read('sizes');
const node = read('node');
let browser = null;
try {
  browser = read('browser');
} catch {
  /* the browser bench did not run */
}

const perUnit = (name) => node.evaluate[name].median_us / node.evaluate[name].units;
const measured = {
  wasm_gzip_bytes: [sizes.files['gongji-core.wasm'].gzip, 1],
  first_result_gzip_bytes: [sizes.first_result.gzip, 1],
  linear_cost_ratio: [perUnit('members-20-expenses-20') / perUnit('members-5-expenses-5'), 1],
  evaluate_5x5_median_us: [node.evaluate['members-5-expenses-5'].median_us, slack],
  first_result_warm_ms: [browser?.first_result_warm_ms, slack],
  first_result_ms: [browser?.first_result_cold_ms, slack],
};

let failed = 0;
for (const [name, budget] of Object.entries(budgets)) {
  const [value, allowance] = measured[name];
  if (value === undefined) {
    console.log(`skip  ${name}: not measured`);
    continue;
  }
  const limit = budget.max * allowance;
  const ok = value <= limit;
  const verdict = ok ? 'ok   ' : budget.enforce ? 'FAIL ' : 'over ';
  console.log(
    `${verdict}${name}: ${+value.toFixed(2)} (budget ${budget.max}${allowance > 1 ? ` x${allowance} slack` : ''}) — ${budget.why}`,
  );
  if (!ok && budget.enforce) failed++;
}
const enforced = Object.values(budgets).filter((b) => b.enforce).length;
console.log(`budgets: ${enforced - failed} of ${enforced} enforced budgets met`);
process.exit(failed ? 1 : 0);
