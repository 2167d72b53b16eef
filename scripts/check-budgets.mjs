// Checks the measured figures in build/bench/ against bench/budgets.json. Every figure is a size,
// or a ratio or difference measured within one run (paired, interleaved), which a busy machine
// slows on both sides alike: no slack. A budget marked enforce:false is reported and never fails
// the run; each stretch goal is reported beside its budget.
import { readFileSync } from 'node:fs';

const read = (name) => {
  try {
    return JSON.parse(
      readFileSync(new URL(`../build/bench/${name}.json`, import.meta.url), 'utf8'),
    );
  } catch {
    return null; // that benchmark did not run
  }
};
const { budgets } = JSON.parse(
  readFileSync(new URL('../bench/budgets.json', import.meta.url), 'utf8'),
);
const sizes = read('sizes');
const node = read('node');
const browser = read('browser');
const publicodes = read('publicodes');

const perUnit = (name) => node.evaluate[name].median_us / node.evaluate[name].units;
const measured = {
  wasm_gzip_bytes: sizes?.files['gongji-calculator.wasm'].gzip,
  planner_wasm_gzip_bytes: sizes?.files['gongji-core.wasm'].gzip,
  first_result_gzip_bytes: sizes?.first_result.gzip,
  first_answer_after_header_ms: browser?.first_visit?.delta_ms,
  publicodes_ratio:
    publicodes && Math.min(...Object.values(publicodes.families).map((family) => family.ratio)),
  linear_cost_ratio: node && perUnit('members-20-expenses-20') / perUnit('members-5-expenses-5'),
};

const within = (value, budget, limit) => ('min' in budget ? value >= limit : value <= limit);
let failed = 0;
for (const [name, budget] of Object.entries(budgets)) {
  const value = measured[name];
  if (value === undefined || value === null) {
    console.log(`skip  ${name}: not measured`);
    if (budget.enforce) failed++;
    continue;
  }
  const sign = 'min' in budget ? '>=' : '<=';
  const limit = budget.min ?? budget.max;
  const ok = within(value, budget, limit);
  const verdict = ok ? 'ok   ' : budget.enforce ? 'FAIL ' : 'over ';
  const stretch =
    budget.stretch === undefined
      ? ''
      : `; stretch ${sign} ${budget.stretch}: ${within(value, budget, budget.stretch) ? 'met' : 'not yet'}`;
  console.log(
    `${verdict}${name}: ${+value.toFixed(2)} (budget ${sign} ${limit}${stretch}) — ${budget.why}`,
  );
  if (!ok && budget.enforce) failed++;
}
const enforced = Object.values(budgets).filter((b) => b.enforce).length;
console.log(`budgets: ${enforced - failed} of ${enforced} enforced budgets met`);
process.exit(failed ? 1 : 0);
