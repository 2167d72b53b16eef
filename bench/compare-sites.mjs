// Paired first visits of two or more builds of the site, interleaved (A, B, A, B, ...) so that
// the machine's load falls on each alike: `node bench/compare-sites.mjs DIR_A DIR_B [ROUNDS]`.
// Prints, per site, the medians of header paint, answer paint and their difference (ms).
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';
import { startServer } from '../scripts/serve.mjs';
import { firstVisit, median } from './first-visit.mjs';

const args = process.argv.slice(2);
const rounds = /^\d+$/.test(args.at(-1)) ? Number(args.pop()) : 15;
const servers = await Promise.all(args.map((dir) => startServer(dir)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const runs = args.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, server] of servers.entries()) {
      runs[i].push(await firstVisit(browser, `http://127.0.0.1:${server.address().port}/`));
    }
  }
  const result = args.map((dir, i) => ({
    site: dir,
    header_ms: median(runs[i].map((r) => r.header)),
    answer_ms: median(runs[i].map((r) => r.answer)),
    delta_ms: median(runs[i].map((r) => r.delta)),
    deltas: runs[i].map((r) => Math.round(r.delta)),
  }));
  console.log(JSON.stringify({ rounds, result }, null, 1));
} finally {
  await browser.close();
  for (const server of servers) server.close();
}
