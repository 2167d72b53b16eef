// Script-bearing text in every way in — the form, a #r= link, the widget's attributes — only ever
// shows as text; and a whole visit makes no request but same-origin GETs of static files.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { enterFamily, openSite, settled } from './browser.mjs';
import { encodeRequest } from '../../web/share.js';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=2">',
  'javascript:window.__xss=3',
  '<script>window.__xss=4</script>',
  "'><iframe src=javascript:window.__xss=5>",
];

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

async function injected(page) {
  return page.evaluate(() => {
    const root = document.querySelector('gongji-calculator')?.shadowRoot ?? document;
    return {
      xss: window.__xss,
      elements:
        root.querySelectorAll(
          'img:not([src$=".png"]):not([src$=".svg"]), svg [onload], iframe, script:not([src])',
        ).length +
        document.querySelectorAll('iframe, script:not([src]), [onerror], [onload]').length,
      javascriptLinks: [...root.querySelectorAll('a')].filter((a) =>
        a.href.startsWith('javascript:'),
      ).length,
    };
  });
}

test('payloads typed into the form stay text', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await enterFamily(page, {
    regionQuery: 'zz',
    balance: '3000',
    members: PAYLOADS.map((name, i) => ({
      name,
      relation: 'child',
      age: i + 1,
      scheme: 'resident',
    })),
    expenses: [{ member: PAYLOADS[0], kind: 'outpatient', amount: '10' }],
  });
  assert.deepEqual(await injected(page), { xss: undefined, elements: 0, javascriptLinks: 0 });
  const shown = await page.locator('.member-result h3').allTextContents();
  PAYLOADS.forEach((payload, i) => assert.ok(shown[i].includes(payload), shown[i]));
});

test('payloads in a #r= link stay text, including hostile ids, kinds and regions', async () => {
  const request = {
    as_of: '2026-06-01',
    holder: { region: '410100', scheme: 'employee', balance_fen: 100000, tier: '<b>1</b>' },
    members: PAYLOADS.map((name, i) => ({
      id: PAYLOADS[i],
      name,
      relation: i ? 'child' : '<svg onload=alert(1)>',
      age: 5,
      scheme: 'resident',
      region: i === 4 ? '"><img src=x>' : undefined,
    })),
    expenses: [{ member: PAYLOADS[1], kind: '<img src=x onerror=alert(1)>', amount_fen: 100 }],
  };
  const page = await site.newPage();
  await page.goto(`${site.origin}/#r=${encodeRequest(request)}`);
  await settled(page);
  assert.deepEqual(await injected(page), { xss: undefined, elements: 0, javascriptLinks: 0 });
  assert.equal(await page.inputValue('[data-path="/members/1/name"]'), PAYLOADS[1]);
  const garbage = await site.newPage();
  await garbage.goto(`${site.origin}/#r=%3Cscript%3E`);
  await garbage.waitForSelector('#summary');
  assert.deepEqual(await injected(garbage), { xss: undefined, elements: 0, javascriptLinks: 0 });
});

test("payloads in the widget's attributes are ignored", async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/embed-demo.html`);
  await page.waitForSelector('gongji-calculator #summary');
  for (const payload of PAYLOADS) {
    await page.evaluate((value) => {
      const widget = document.querySelector('gongji-calculator');
      widget.setAttribute('region', value);
      widget.setAttribute('lang', value);
    }, payload);
  }
  await page.evaluate((value) => {
    const fresh = document.createElement('gongji-calculator');
    fresh.setAttribute('region', value);
    fresh.setAttribute('lang', value);
    document.body.append(fresh);
  }, PAYLOADS[0]);
  // Every widget, the changed one and the new one, has drawn its answer to what it was given.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('gongji-calculator')].every((widget) => {
      const state = widget.shadowRoot?.querySelector('#results')?.dataset.state;
      return state && state !== 'busy';
    }),
  );
  assert.deepEqual(await injected(page), { xss: undefined, elements: 0, javascriptLinks: 0 });
  assert.match(await page.textContent('gongji-calculator #summary'), /可共济金额/);
});

test('a whole visit (load, fill, evaluate, share, print, offline reload) only GETs same-origin static files', async () => {
  const context = await site.browser.newContext();
  const requests = [];
  context.on('request', (request) => requests.push(request));
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await enterFamily(page, {
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
      ],
      expenses: [{ member: '妈妈', kind: 'pharmacy', amount: '300' }],
    });
    await page.click('#copy-link');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#summary');
    const cookies = await context.cookies();
    const storage = await page.evaluate(() => ({
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    assert.deepEqual(cookies, []);
    assert.deepEqual(storage, { local: 0, session: 0 });
  } finally {
    await context.close();
  }
  assert.ok(requests.length > 10);
  // A file of the site: a name, for the rules maybe a language (gongji-policies.zh-CN.bin), a type;
  // or a file of the split rules (gongji-rules/zh-CN.bin, gongji-rules/110000.bin), a script's
  // chunk (chunk-HASH.js, scripts/bundle-site.mjs) or an icon.
  const staticFile =
    /\/(|[a-z0-9-]+(\.zh-CN|\.en)?\.(html|js|mjs|css|json|wasm|bin|txt|svg|png|webmanifest)|chunk-[A-Z0-9]+\.js|icons\/[a-z0-9-]+\.png|gongji-rules\/((zh-CN|en)(\.calculator(\.texts)?)?|all|\d{6})\.bin)$/;
  for (const request of requests) {
    const url = new URL(request.url());
    assert.equal(url.origin, site.origin, request.url());
    assert.equal(request.method(), 'GET', request.url());
    assert.match(url.pathname, staticFile, request.url());
  }
});
