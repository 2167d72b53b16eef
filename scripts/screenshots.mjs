// Regenerates docs/screenshots/ with the four journeys of issue 15, at 390x844 and 1280x900:
// - 北京 holder with a mother insured in 河北 (contract TC04), in Chinese and English;
// - 郑州, a 58-year-old with an 82-year-old father: the summary bar after the first input, and
//   长辈模式 with the counter first;
// - 深圳 二档: the tier choice named from the policy data, and the answer that there is no account;
// - 上海 in English: the bills as cards on a phone, a refused one with its reason;
// - the printout of a family of four (A4, rendered to PNG by pdftoppm).
// Run scripts/screenshots.sh (it installs the CJK font and poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { enterFamily, openSite, pickRegion, settled } from '../tests/e2e/browser.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const file = (name) => new URL(name, out).pathname;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const BEIJING = {
  asOf: '2026-06-01',
  regionQuery: 'beijing',
  balance: '8000',
  members: [
    { name: '妈妈', relation: 'parent', age: 66, scheme: 'resident', regionQuery: 'shijiazhuang' },
    { name: '小明', relation: 'child', age: 10, scheme: 'resident' },
  ],
  expenses: [{ member: '妈妈', kind: 'pharmacy', amount: '300' }],
};
const ZHENGZHOU = {
  asOf: '2026-06-01',
  regionQuery: 'zz',
  balance: '3,000',
  members: [{ name: '爸爸', relation: 'parent', age: 82, scheme: 'resident' }],
};

const site = await openSite();
async function shoot(page, name, options = {}) {
  await page.screenshot({ path: file(name), ...options });
  console.log(`docs/screenshots/${name}`);
}
async function english(page) {
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await settled(page);
}
const scrollTo = (page, selector) =>
  page.$eval(selector, (element) => element.scrollIntoView({ block: 'start' }));

try {
  for (const viewport of [PHONE, DESKTOP]) {
    const size = `${viewport.width}x${viewport.height}`;
    const page = await site.newPage(viewport);
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    await enterFamily(page, BEIJING);
    if (viewport.width < 900) await scrollTo(page, '#results');
    else await page.evaluate(() => scrollTo(0, 0));
    await shoot(page, `zh-${size}.png`);
    await english(page);
    if (viewport.width < 900) await scrollTo(page, '#results');
    else await page.evaluate(() => scrollTo(0, 0));
    await shoot(page, `en-${size}.png`);
    await page.close();
  }

  // 郑州 on a phone: the summary bar after the first input; then 长辈模式, the counter first.
  const phone = await site.newPage(PHONE);
  await phone.goto(`${site.origin}/`);
  await phone.waitForSelector('#summary');
  await enterFamily(phone, ZHENGZHOU);
  await scrollTo(phone, '[data-path="/members/0/age"]');
  await shoot(phone, 'summary-bar-zh-390x844.png');
  await phone.click('#elder-toggle');
  await phone.waitForSelector('.elder #summary');
  await phone.evaluate(() => scrollTo(0, 0));
  await shoot(phone, 'elder-zh-390x844.png');
  await scrollTo(phone, '.guidance');
  await shoot(phone, 'elder-counter-zh-390x844.png');
  await phone.close();

  // 深圳 二档: the tiers come from the policy data.
  const shenzhen = await site.newPage(PHONE);
  await shenzhen.goto(`${site.origin}/`);
  await shenzhen.waitForSelector('#summary');
  await pickRegion(shenzhen, '#holder-region', 'shenzhen');
  await shenzhen.waitForSelector('[data-path="/holder/tier"]');
  await shenzhen.selectOption('[data-path="/holder/tier"]', '2');
  await settled(shenzhen);
  await scrollTo(shenzhen, '[data-path="/holder/tier"]');
  await shoot(shenzhen, 'shenzhen-tier-zh-390x844.png');
  await scrollTo(shenzhen, '#results');
  await shoot(shenzhen, 'shenzhen-answer-zh-390x844.png');
  await shenzhen.close();

  // 上海 in English on a phone: one card per bill, the refused one with its reason.
  const shanghai = await site.newPage(PHONE);
  await shanghai.goto(`${site.origin}/`);
  await shanghai.waitForSelector('#summary');
  await english(shanghai);
  await enterFamily(shanghai, {
    asOf: '2026-06-01',
    regionQuery: 'shanghai',
    balance: '5500',
    priorYears: '4000',
    members: [{ name: 'Mum', relation: 'parent', age: 63, scheme: 'resident' }],
    expenses: [
      { member: 'Mum', kind: 'pharmacy', amount: '300' },
      { member: 'Mum', kind: 'health_supplement', amount: '800' },
    ],
  });
  await scrollTo(shanghai, '[data-part="pool"]');
  await shoot(shanghai, 'bills-en-390x844.png');
  await shanghai.close();

  // The printout of a family of four, one A4 page.
  const printed = await site.newPage(DESKTOP);
  await printed.goto(`${site.origin}/`);
  await printed.waitForSelector('#summary');
  await enterFamily(printed, {
    ...ZHENGZHOU,
    members: [
      { name: '妻子', relation: 'spouse', age: 56, scheme: 'resident' },
      { name: '女儿', relation: 'child', age: 15, scheme: 'resident' },
      { name: '爸爸', relation: 'parent', age: 82, scheme: 'resident' },
      { name: '妈妈', relation: 'parent', age: 79, scheme: 'none' },
    ],
    expenses: [
      { member: '爸爸', kind: 'inpatient', amount: '1200' },
      { member: '妻子', kind: 'fitness', amount: '300' },
    ],
  });
  await printed.emulateMedia({ media: 'print' });
  const pdf = file('print-zh-a4.pdf');
  writeFileSync(pdf, await printed.pdf({ format: 'A4' }));
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, file('print-zh-a4')]);
  rmSync(pdf);
  console.log('docs/screenshots/print-zh-a4.png');
  await printed.close();
} finally {
  await site.close();
}
