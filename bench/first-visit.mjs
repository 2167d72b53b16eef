// One first visit, as a person's first load of the page: a new browser context (no HTTP cache, no
// service worker), navigation, and two paints of that same load — the header (first contentful
// paint: it is in index.html) and the answer's summary (Element Timing). The difference is what a
// person waits for once the page is there, and being inside one load it holds on a busy machine
// where navigation-relative times do not. Shared by bench/browser-bench.mjs and compare-sites.mjs.
export async function firstVisit(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise((done) => {
          let header;
          let answer;
          const finish = () => {
            if (header === undefined || answer === undefined) return;
            done({ header, answer, delta: answer - header });
          };
          new PerformanceObserver((list, observer) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0];
            if (!paint) return;
            observer.disconnect();
            header = paint.startTime;
            finish();
          }).observe({ type: 'paint', buffered: true });
          new PerformanceObserver((list, observer) => {
            const painted = list.getEntries().find((entry) => entry.identifier === 'gongji-answer');
            if (!painted) return;
            observer.disconnect();
            answer = painted.renderTime;
            finish();
          }).observe({ type: 'element', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
