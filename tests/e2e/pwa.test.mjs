// The offline app, the widget in a hostile page, shareable links, printing, and storage by choice.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { enterFamily, openSite, settled, siteDir } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** Runs `body(page, dir)` on a private copy of the site (so a test may change or stop it). */
async function withOwnSite(body) {
  const dir = mkdtempSync(join(tmpdir(), 'gongji-site-'));
  cpSync(siteDir, dir, { recursive: true, preserveTimestamps: true });
  const server = await startServer(dir);
  const context = await site.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#summary');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await body(page, dir, context);
  } finally {
    await context.close();
    await new Promise((done) => server.close(done));
  }
}

async function freshPage(path = '/') {
  const page = await site.newPage({ width: 1280, height: 800 });
  await page.goto(`${site.origin}${path}`);
  await page.waitForSelector('#summary');
  return page;
}

test('after one online visit, an offline reload loads and computes', () =>
  withOwnSite(async (page, dir, context) => {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#summary');
    await enterFamily(page, {
      asOf: '2026-06-01',
      regionQuery: 'zz',
      balance: '3000',
      members: [{ name: '儿子', relation: 'child', age: 10, scheme: 'resident' }],
      expenses: [{ member: '儿子', kind: 'outpatient', amount: '200' }],
    });
    assert.equal(await page.textContent('.pool-left'), '2,800.00 元');
  }));

test('a new version (new rules) is announced and installed when the user agrees', () =>
  withOwnSite(async (page, dir) => {
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(
      join(dir, 'sw.js'),
      worker.replace(/const VERSION = "[^"]+"/, 'const VERSION = "next-rules"'),
    );
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('#update-banner', { timeout: 15000 });
    await Promise.all([page.waitForEvent('load'), page.click('#update-now')]);
    await page.waitForSelector('#summary');
    assert.deepEqual(
      await page.evaluate(() => caches.keys()),
      ['gongji-next-rules'],
      'the old cache is deleted on activation',
    );
  }));

test('the widget renders and computes inside a page with hostile CSS, and its CSS stays inside', async () => {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.origin}/embed-demo.html`);
  await page.waitForSelector('gongji-calculator #summary');
  assert.match(await page.textContent('gongji-calculator #summary'), /可共济金额 3,000.00 元/);
  const inside = await page.evaluate(() => {
    const shadow = document.querySelector('gongji-calculator').shadowRoot;
    const button = shadow.querySelector('#add-member');
    const style = getComputedStyle(button);
    return {
      display: style.display,
      color: style.color,
      font: style.fontFamily,
      summary: getComputedStyle(shadow.querySelector('#summary')).display,
    };
  });
  assert.notEqual(inside.display, 'none');
  assert.notEqual(inside.color, 'rgb(255, 0, 255)');
  assert.doesNotMatch(inside.font, /Comic/);
  assert.notEqual(inside.summary, 'none');
  await page.click('gongji-calculator #add-member');
  await page.fill('gongji-calculator [data-path="/members/0/age"]', '8');
  await page.selectOption('gongji-calculator [data-path="/members/0/relation"]', 'child');
  await page.waitForSelector('gongji-calculator [data-channel="shenzhen_wechat"]');
  const host = await page.evaluate(
    () => getComputedStyle(document.querySelector('.card')).borderTopStyle,
  );
  assert.equal(host, 'dashed', 'the host page keeps its own styles');
  const widgetSummary = (pattern) =>
    page.waitForFunction(
      (source) =>
        new RegExp(source).test(
          document.querySelector('gongji-calculator').shadowRoot.querySelector('#summary')
            ?.textContent ?? '',
        ),
      pattern.source,
    );
  await page.evaluate(() => document.querySelector('gongji-calculator').setAttribute('lang', 'en'));
  await widgetSummary(/Shareable/);
  // The user switches inside the widget; the host's lang="en" again switches it back.
  await page.click('gongji-calculator #lang-toggle');
  await widgetSummary(/可共济/);
  await page.evaluate(() => document.querySelector('gongji-calculator').setAttribute('lang', 'en'));
  await widgetSummary(/Shareable/);
});

test('a #r= link round-trips: copying it and opening it shows the same answer, without names unless asked', async () => {
  const page = await freshPage();
  await enterFamily(page, {
    asOf: '2026-06-01',
    regionQuery: 'shanghai',
    balance: '5500',
    priorYears: '4000',
    members: [{ name: '姐姐', relation: 'sibling', age: 35, scheme: 'resident' }],
    expenses: [{ member: '姐姐', kind: 'pharmacy', amount: '300' }],
  });
  const url = page.url();
  assert.match(url, /#r=[A-Za-z0-9_-]+$/);
  const summary = await page.textContent('#summary');
  const other = await site.newPage({ width: 390, height: 844 });
  await other.goto(url);
  await other.waitForSelector('#summary');
  assert.equal(await other.textContent('#summary'), summary);
  assert.equal(await other.textContent('.pool-left'), '3,700.00 元');
  assert.equal(
    await other.inputValue('[data-path="/members/0/name"]'),
    '',
    'names are left out by default',
  );
  await page.check('#include-names');
  await page.click('#copy-link');
  const link = await page.inputValue('#share-link');
  await other.goto('about:blank');
  await other.goto(link);
  await other.waitForSelector('#summary');
  assert.equal(await other.inputValue('[data-path="/members/0/name"]'), '姐姐');
});

test('print emulation gives a PDF whose text holds the answer and the binding steps', async () => {
  const page = await freshPage();
  await enterFamily(page, {
    asOf: '2026-06-01',
    regionQuery: 'wuhan',
    balance: '800',
    members: [{ name: 'father', relation: 'parent', age: 65, scheme: 'resident' }],
    expenses: [{ member: 'father', kind: 'resident_contribution', amount: '400' }],
  });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#form'), false, 'the form is not printed');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  assert.ok(pdf.length > 1000);
  // The steps are in the printed page: check the text the PDF was made from.
  const printed = await page.evaluate(() => document.querySelector('#results').innerText);
  assert.match(printed, /湖北智慧医保APP/);
  assert.match(printed, /阅读并电子签署授权承诺书/);
  assert.match(printed, /规则版本/);
  assert.match(printed, /\[S\d+\]/); // the sources, numbered
});

test('nothing is stored before the user opts in; forget clears it', async () => {
  const page = await freshPage();
  await enterFamily(page, {
    regionQuery: 'zz',
    balance: '3000',
    members: [{ name: '妈妈', relation: 'parent', age: 60, scheme: 'resident' }],
  });
  const storage = () =>
    page.evaluate(() => ({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
    }));
  assert.deepEqual(await storage(), { local: {}, session: {}, cookies: '' });
  await page.check('#remember');
  await page.fill('[data-path="/members/0/age"]', '61');
  await settled(page); // the answer is drawn after the change is remembered
  const saved = JSON.parse((await storage()).local['gongji.family.v1']);
  assert.equal(saved.request.members[0].age, 61);
  assert.equal(saved.dateChosen, false, 'the date was not chosen: it will be today next time');
  const again = await site.newPage();
  await again.goto(`${site.origin}/`);
  await again.waitForSelector('#summary');
  assert.equal(
    await again.inputValue('[data-path="/members/0/name"]'),
    '妈妈',
    'the family comes back',
  );
  assert.equal(await again.isChecked('#remember'), true);
  await again.click('#forget');
  assert.deepEqual(await again.evaluate(() => ({ ...localStorage })), {});
});

test('Chromium finds the app installable (manifest, icons, service worker)', async () => {
  // Installability is not judged in incognito contexts, so this one has a profile of its own.
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('./browser.mjs');
  const profile = mkdtempSync(join(tmpdir(), 'gongji-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
  }
});

test('embedded in a page of another origin, the widget loads from its own origin and computes on the host page', async () => {
  const { createServer } = await import('node:http');
  const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another organisation</title></head>
<body><h1>Another organisation's page</h1>
<script type="module" src="${site.origin}/widget.js"></script>
<gongji-calculator region="440300" lang="zh-CN"></gongji-calculator></body></html>`;
  const host = createServer((request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage),
  );
  await new Promise((done) => host.listen(0, 'localhost', done));
  try {
    const page = await site.newPage({ width: 1280, height: 900 });
    const hostOrigin = `http://localhost:${host.address().port}`;
    assert.notEqual(hostOrigin, site.origin);
    await page.goto(`${hostOrigin}/`);
    await page.waitForSelector('gongji-calculator #summary');
    assert.match(await page.textContent('gongji-calculator #summary'), /可共济金额 3,000.00 元/);
    assert.equal(
      page.workers().length,
      0,
      'a page may not start a worker from another origin: the widget computes in the page',
    );
    await page.click('gongji-calculator #add-member');
    await page.fill('gongji-calculator [data-path="/members/0/age"]', '8');
    await page.selectOption('gongji-calculator [data-path="/members/0/relation"]', 'child');
    await page.waitForSelector('gongji-calculator [data-channel="shenzhen_wechat"]');
    await page.close();
  } finally {
    await new Promise((done) => host.close(done));
  }
});
