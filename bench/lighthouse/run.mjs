// Lighthouse 12 (mobile defaults, simulated throttling) on the served site, N times: each run's
// category scores and the medians. Lighthouse's own figures swing with the machine's load, so one
// run says little; the median of several is what the README reports. Writes
// build/bench/lighthouse.json. Usage: node bench/lighthouse/run.mjs [RUNS] (scripts/lighthouse.sh).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const AUDITS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'speed-index',
  'cumulative-layout-shift',
];

const server = await startServer(`${root}build/web`, 0, 'localhost');
const url = `http://localhost:${server.address().port}/`;
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    // A new browser each time: a cold profile, as a first visit.
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      const run = {
        scores: Object.fromEntries(
          Object.values(lhr.categories).map((c) => [c.id, Math.round(c.score * 100)]),
        ),
        metrics: Object.fromEntries(
          AUDITS.map((id) => [id, Math.round(lhr.audits[id].numericValue * 1000) / 1000]),
        ),
        benchmark_index: lhr.environment.benchmarkIndex,
        // [script or "/" for the page's own layout and style, start ms, duration ms], simulated
        long_tasks: (lhr.audits['long-tasks'].details?.items ?? []).map((task) => [
          task.url.replace(url, '/'),
          Math.round(task.startTime),
          Math.round(task.duration),
        ]),
      };
      results.push(run);
      console.log(
        `run ${i + 1}: ${JSON.stringify(run.scores)} TBT ${run.metrics['total-blocking-time']} ms`,
      );
    } finally {
      await chrome.kill();
    }
  }
} finally {
  server.close();
}
const categories = Object.keys(results[0].scores);
const summary = {
  lighthouse: '12',
  runs,
  median: Object.fromEntries(categories.map((c) => [c, median(results.map((r) => r.scores[c]))])),
  range: Object.fromEntries(
    categories.map((c) => [
      c,
      [Math.min(...results.map((r) => r.scores[c])), Math.max(...results.map((r) => r.scores[c]))],
    ]),
  ),
  median_metrics: Object.fromEntries(
    AUDITS.map((id) => [id, median(results.map((r) => r.metrics[id]))]),
  ),
  results,
};
mkdirSync(`${root}build/bench`, { recursive: true });
writeFileSync(`${root}build/bench/lighthouse.json`, `${JSON.stringify(summary, null, 1)}\n`);
console.log(
  `median of ${runs}: ${JSON.stringify(summary.median)}; range ${JSON.stringify(summary.range)}`,
);
