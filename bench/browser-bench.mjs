// Headless Chromium on the served site: first visits (a new profile each; the answer painted minus
// the header painted within the same load, the budgeted figure, and both against navigation),
// returning visits (reloads with caches and the service worker), and one keystroke's
// re-evaluation and re-render. Writes build/bench/browser.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSite } from '../tests/e2e/browser.mjs';
import { firstVisit, median } from './first-visit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The first result is on screen when the answer's summary is first painted (Element Timing, the
// paint's render time); the page's own mark, when the answer entered the DOM, comes 60-150 ms
// earlier (style, layout and paint of the answer) and is kept beside it.
const firstResult = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const inDom = () => performance.getEntriesByName('gongji:first-result')[0]?.startTime;
        new PerformanceObserver((list, observer) => {
          const painted = list.getEntries().find((entry) => entry.identifier === 'gongji-answer');
          if (!painted) return;
          observer.disconnect();
          const poll = () =>
            inDom() === undefined
              ? setTimeout(poll, 5)
              : done({ painted: painted.renderTime, inDom: inDom() });
          poll();
        }).observe({ type: 'element', buffered: true });
      }),
  );

const FIRST_VISITS = 15; // the budget takes the median of at least 15

const site = await openSite();
try {
  const firstVisits = [];
  for (let i = 0; i < FIRST_VISITS; i++)
    firstVisits.push(await firstVisit(site.browser, `${site.origin}/`));
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  await firstResult(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const warm = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    warm.push(await firstResult(page));
  }
  // Keystrokes: type a balance digit by digit; each schedules one evaluation and redraw.
  await page.evaluate(() => performance.clearMeasures('gongji:evaluate'));
  await page.click('#add-member');
  await page.fill('[data-path="/holder/balance_fen"]', '');
  for (const digit of '123456789012') {
    await page.type('[data-path="/holder/balance_fen"]', digit);
    await page.waitForTimeout(30);
  }
  const keystrokes = await page.evaluate(() =>
    performance.getEntriesByName('gongji:evaluate').map((e) => e.duration),
  );
  await context.close();
  const painted = (runs) => runs.map((run) => run.painted);
  const inDom = (runs) => runs.map((run) => run.inDom);
  const result = {
    first_visit: {
      visits: firstVisits.length,
      header_painted_ms: median(firstVisits.map((v) => v.header)),
      answer_painted_ms: median(firstVisits.map((v) => v.answer)),
      delta_ms: median(firstVisits.map((v) => v.delta)),
    },
    first_result_cold_ms: median(firstVisits.map((v) => v.answer)),
    first_result_warm_ms: median(painted(warm)),
    answer_in_dom_warm_ms: median(inDom(warm)),
    keystroke_ms: median(keystrokes),
    samples: {
      first_visit_deltas: firstVisits.map((v) => Math.round(v.delta)),
      warm: painted(warm),
      in_dom_warm: inDom(warm),
      keystrokes,
    },
  };
  mkdirSync(`${root}build/bench`, { recursive: true });
  writeFileSync(`${root}build/bench/browser.json`, `${JSON.stringify(result, null, 1)}\n`);
  console.log(JSON.stringify(result, null, 1));
} finally {
  await site.close();
}
