// Regenerates docs/screenshots/: the page at 390x844 and 1280x800, in Chinese and in English,
// with the contract's TC04 family (北京 holder, mother insured in 河北). Run scripts/screenshots.sh.
import { mkdirSync } from 'node:fs';
import { enterFamily, openSite } from '../tests/e2e/browser.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const site = await openSite();
try {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    const page = await site.newPage({ width, height });
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    await enterFamily(page, {
      asOf: '2026-06-01',
      regionQuery: 'beijing',
      balance: '8000',
      members: [
        {
          name: '妈妈',
          relation: 'parent',
          age: 66,
          scheme: 'resident',
          regionQuery: 'shijiazhuang',
        },
        { name: '小明', relation: 'child', age: 10, scheme: 'resident' },
      ],
      expenses: [{ member: '妈妈', kind: 'pharmacy', amount: '300' }],
    });
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') {
        await page.click('#lang-toggle');
        await page.waitForFunction(
          () =>
            document.documentElement.lang === 'en' &&
            /Shareable/.test(document.querySelector('#summary')?.textContent ?? ''),
        );
      }
      if (width < 900)
        await page.evaluate(() => document.getElementById('results').scrollIntoView());
      await page.screenshot({ path: new URL(`${lang}-${width}x${height}.png`, out).pathname });
      console.log(`docs/screenshots/${lang}-${width}x${height}.png`);
    }
  }
} finally {
  await site.close();
}
