// axe-core on the filled-in page, in Chinese and in English: no serious or critical violations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { enterFamily, openSite } from './browser.mjs';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

async function audit(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  test(`no serious or critical axe violations at ${viewport.width}px, in Chinese and English, and in 长辈模式`, async () => {
    const page = await site.newPage(viewport);
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
        { name: '岳父', relation: 'parent_in_law', age: 70, scheme: 'none' },
      ],
      expenses: [
        { member: '妈妈', kind: 'pharmacy', amount: '300' },
        { member: '岳父', kind: 'fitness', amount: '100' },
      ],
    });
    await page.click('.member-result details summary');
    assert.deepEqual(await audit(page), [], 'Chinese page');
    await page.click('#lang-toggle');
    await page.waitForFunction(
      () =>
        document.documentElement.lang === 'en' &&
        /Shareable/.test(document.querySelector('#summary')?.textContent ?? ''),
    );
    assert.deepEqual(await audit(page), [], 'English page');
    await page.click('#elder-toggle');
    await page.waitForSelector('.gongji-app.elder #summary');
    await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
    assert.deepEqual(await audit(page), [], '长辈模式, every 更多 open');
  });
}

test('everything can be reached and used by keyboard: region search, add member, language', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.focus('#holder-region');
  await page.keyboard.press('Control+A');
  // The first ↓ goes to the first option, already Enter's choice, not past it (walk 54: "chengdu",
  // ↓, Enter took 称多县, the second).
  await page.keyboard.type('chengdu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#holder-region'), /成都市/);
  // ↓ ↓ ↑ comes back to the first option (a list of several: 成都, 称多县…).
  await page.keyboard.press('Control+A');
  await page.keyboard.type('chengdu');
  await page.waitForSelector('#holder-region[aria-expanded="true"]');
  assert.ok((await page.locator('[role="listbox"]:visible [role="option"]').count()) > 1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#holder-region'), /成都市/);
  // Closed with Escape and reopened by ↓, the list is on its first option: the next ↓ moves on.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('chengdu');
  await page.waitForSelector('#holder-region[aria-expanded="true"]');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await page.waitForSelector('#holder-region[aria-expanded="true"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.doesNotMatch(await page.inputValue('#holder-region'), /成都市/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('wuhan');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#holder-region'), /武汉市/);
  await page.focus('#add-member');
  await page.keyboard.press('Enter');
  assert.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('data-path')),
    '/members/0/name',
  );
  await page.fill('[data-path="/members/0/age"]', '40');
  await page.waitForSelector('[data-channel="hubei_zhihui_yibao"]');
});

// Walk 44: Tab from a place field whose list scrolls (a province's cities, a short pinyin) went to
// the list, which Chromium makes focusable when it scrolls and the field's blur then hides: the
// focus was left nowhere and a second Tab was needed. One Tab reaches the next field, on both
// pages; a relative's place typed and not picked stays in its field.
test('one Tab leaves a place field whose list is long, to the next field', async () => {
  const page = await site.newPage({ width: 390, height: 844 });
  const focused = () =>
    page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  for (const [path, field, typed] of [
    ['/', '#holder-region', 'zh'],
    ['/household.html', '[data-path="/household/people/1/region"]', '山东'],
  ]) {
    await page.goto(`${site.origin}${path}`);
    await page.waitForSelector(path === '/' ? '#summary' : '#plan-results[data-state="answer"]');
    await page.focus(field);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    const list = page.locator(`${field} ~ [role=listbox]`);
    await list.locator('[role=option]').nth(8).waitFor({ state: 'attached' });
    assert.ok(
      await list.evaluate((ul) => ul.scrollHeight > ul.clientHeight),
      `${typed}: the list scrolls`,
    );
    const next = await page.$eval(field, (input) => {
      const all = [...document.querySelectorAll('input, select, button, a[href]')].filter(
        (el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length,
      );
      const after = all.find(
        (el) => input.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      after.dataset.nextField = 'yes';
      return after.tagName;
    });
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.nextField),
      'yes',
      `${typed}: focus on ${await focused()}, not on the ${next} after the field`,
    );
    if (path !== '/') assert.equal(await page.inputValue(field), typed);
  }
  await page.close();
});
