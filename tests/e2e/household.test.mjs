// The household page: the plan of whom each should be bound to, as a picture and a list, from the
// example household and from a shared link; names stay text; nothing leaves the origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  asciiInChinese,
  drawnLines,
  drawnTextSizes,
  largeTypeProblems,
  linesBrokenInsideWords,
  openSite,
  pdfPages,
  pickRegion,
  pictureProblems,
  settled,
} from './browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

/** Waits until the plan shown is final and returns how it ended: answer or problem. */
async function planSettled(page) {
  const results = await page.waitForSelector('#plan-results:not([data-state="busy"])', {
    state: 'attached',
  });
  return results.getAttribute('data-state');
}

const failed = []; // responses of 400 and over, on the household pages
async function householdPage(hash = '', viewport = { width: 390, height: 844 }) {
  const page = await site.newPage(viewport);
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${site.origin}/household.html${hash}`);
  assert.equal(await planSettled(page), 'answer');
  return page;
}

const encode = (request) => Buffer.from(JSON.stringify(request), 'utf8').toString('base64url');

/**
 * The plan's picture as drawn: each group's words on the left without a holder (暂无共济人,
 * 已由他人绑定) and each uncovered person, as [text, middle of its row], each holder's row, and each
 * line's two ends.
 * A label wrapped onto lines is read back as one text, its lines joined by `space`.
 */
function pictureRows(page, space = '') {
  return page.$eval(
    '.plan-picture svg',
    (svg, join) => {
      const middle = (el) => {
        const box = el.getBBox();
        return Math.round(box.y + box.height / 2);
      };
      const text = (el) => [...el.querySelectorAll('tspan')].map((t) => t.textContent).join(join);
      return {
        groups: [...svg.querySelectorAll('.nobody')].map((el) => [text(el), middle(el)]),
        uncovered: [...svg.querySelectorAll('.uncovered')].map((el) => [
          text(el),
          middle(el.querySelector('rect')),
        ]),
        holders: [...svg.querySelectorAll('.holder rect')].map(middle),
        // Each line's two ends, as heights: where it leaves its holder, where it meets its person.
        links: [...svg.querySelectorAll('.link')].map((link) => {
          const numbers = link
            .getAttribute('d')
            .match(/-?[\d.]+/g)
            .map(Number);
          return [numbers[1], numbers.at(-1)];
        }),
      };
    },
    space,
  );
}

test('the main page links to the household path, in words true for two earners or more that break only between words on a phone', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  for (const [lang, large] of [
    ['zh-CN', false],
    ['zh-CN', true],
    ['en', true],
  ]) {
    await page.goto(`${site.origin}/?${lang === 'en' ? 'lang=en&' : ''}${large ? 'large=1' : ''}`);
    await page.waitForSelector('#summary');
    const link = page.locator('#household-link');
    const text = await link.textContent();
    assert.match(text, lang === 'en' ? /^More than one earner/ : /^家里不止一位/);
    const lines = await link.evaluate(drawnLines);
    assert.deepEqual(linesBrokenInsideWords(lines, text), [], `${lang}: ${lines.join(' / ')}`);
    const box = await link.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${lang}: the link fits 390 px`);
  }
  await page.goto(`${site.origin}/`);
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  assert.equal(await planSettled(page), 'answer');
  await page.close();
});

// From walk 36: following the link from the calculator started the household form on the example's
// region, not the one the user had chosen. The link carries it (?region=310000), as it carries the
// language and large type; nothing is stored.
const selfRegion = '[data-path="/household/people/0/region"]';
async function selfRegionShown(page) {
  await page.waitForFunction((selector) => document.querySelector(selector)?.value, selfRegion);
  return page.inputValue(selfRegion);
}
// The household in the address (#h=…; the calculator's link for the way back may follow, &r=…).
const planRequest = (page) =>
  JSON.parse(Buffer.from(/^#h=([\w-]+)/.exec(new URL(page.url()).hash)[1], 'base64url'));

test('the region chosen on the calculator comes along its link and the household form starts there; nothing is stored', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.evaluate(() => localStorage.clear());
  const carried = () =>
    page.$eval('#household-link', (a) => new URL(a.href).searchParams.get('region'));
  const carries = (code) =>
    page.waitForFunction(
      (region) =>
        new URL(document.getElementById('household-link').href).searchParams.get('region') ===
        region,
      code,
    );
  assert.equal(await carried(), '110000', 'the region shown (北京)');
  // Each change of region is in the link at once, whatever the answer.
  await pickRegion(page, '#holder-region', '上海');
  await carries('310000');
  await page.fill('[data-path="/holder/balance_fen"]', 'abc');
  await pickRegion(page, '#holder-region', 'zz');
  await carries('410100');
  await page.fill('[data-path="/holder/balance_fen"]', '3000');
  await pickRegion(page, '#holder-region', '上海');
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // The English answer drawn first: a click while the page is laid out again can land elsewhere
  // (CI of 22fc41e: the link moved under the click and nothing was opened).
  assert.equal(await settled(page), 'answer');
  assert.equal(await carried(), '310000', 'kept through the language switch');
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  assert.equal(await planSettled(page), 'answer');
  assert.match(await selfRegionShown(page), /^Shanghai/);
  assert.equal(planRequest(page).household.people[0].region, '310000', 'the plan is for 上海');
  // The household's own link has it in its #h=; the query no longer carries it.
  assert.equal(new URL(page.url()).searchParams.get('region'), null);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored');
  await page.close();
});

// The calculator showing `request` (its own #r= link), then its link to the household page.
async function viaCalculator(page, request) {
  await page.goto(`${site.origin}/#r=${encode(request)}`);
  await page.waitForSelector('#summary');
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
}

// From walk 40: following the link from the calculator lost the family typed there; the household
// form started over with the example. It comes along (the calculator's own link, in the
// fragment), each relative at the role that is their relation to the holder; the form asks for
// the holder's age, which the calculator does not ask, and to check a parent's side.
test('the family typed on the calculator comes along its link to the household form, to be checked', async () => {
  const page = await site.newPage();
  const request = {
    as_of: '2026-06-01',
    lang: 'zh-CN',
    holder: { region: '310000', scheme: 'employee', balance_fen: 300000 },
    members: [
      { id: 'm1', relation: 'spouse', age: 60, scheme: 'resident' },
      { id: 'm2', relation: 'parent', age: 85, scheme: 'resident', region: '410100' },
    ],
  };
  await viaCalculator(page, request);
  assert.equal(await planSettled(page), 'problem', 'the holder’s age is asked for');
  const note = await page.textContent('#carried-note');
  assert.match(note, /^已带入您在计算器里填写的家人。请填上您自己的年龄/);
  assert.match(note, /父亲、母亲的顺序/, 'the parent’s side is said to be a guess');
  assert.match(note, /称呼不会随链接带过来/, 'the link left the names out, and the note says so');
  assert.equal(await page.$('#example-note'), null, 'not called an example');
  const roles = await page.$$eval('[data-path$="/role"]', (selects) => selects.map((s) => s.value));
  assert.deepEqual(roles, ['self', 'spouse', 'father']);
  assert.equal(await page.inputValue('[data-path="/household/people/0/balance_fen"]'), '3000');
  assert.equal(await page.inputValue('[data-path="/household/people/2/age"]'), '85');
  await page.fill('[data-path="/household/people/0/age"]', '62');
  assert.equal(await planSettled(page), 'answer');
  const people = planRequest(page).household.people;
  assert.deepEqual(
    people.map((p) => [p.role, p.age, p.region ?? '']),
    [
      ['self', 62, '310000'],
      ['spouse', 60, ''],
      ['father', 85, '410100'],
    ],
  );
  assert.equal(people[0].balance_fen, 300000);
  assert.equal(planRequest(page).as_of, '2026-06-01', 'the date chosen comes too');
  // Still there after the first change: it says what was carried, not what is left to do.
  assert.ok(await page.$('#carried-note'));
  await page.close();
});

// Walk 43: the calculator's example balance (3000, said there to be an example) became the user's
// own on the household page: "可共济：3,000.00 元", unmarked. It is left for the user to fill in,
// and the note says why; a balance the user typed still comes.
test("the calculator's example balance is not carried as the user's own", async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.click('#add-member');
  await page.fill('[data-path="/members/0/age"]', '82');
  await page.selectOption('[data-path="/members/0/relation"]', 'parent');
  await page.waitForFunction(() =>
    /balance=example/.test(document.getElementById('household-link').href),
  );
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  await page.waitForSelector('#carried-note');
  assert.equal(await page.inputValue('[data-path="/household/people/0/balance_fen"]'), '');
  assert.match(await page.textContent('#carried-note'), /计算器里的余额是示例金额，没有带过来/);
  // Typed on the calculator, the balance is the user's and comes along.
  await page.goBack();
  await page.waitForSelector('#summary');
  await page.fill('[data-path="/holder/balance_fen"]', '4200');
  await page.waitForFunction(
    () => !/balance=example/.test(document.getElementById('household-link').href),
  );
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  await page.waitForSelector('#carried-note');
  assert.equal(await page.inputValue('[data-path="/household/people/0/balance_fen"]'), '4200');
  assert.doesNotMatch(await page.textContent('#carried-note'), /示例金额/);
  await page.close();
});

// Review of walk 40's change: what the calculator knew that the household form has no field for
// (深圳's tier, a member bound by another holder) was dropped, and the plan then contradicted the
// calculator. It is kept and sent; a tier and the kept amounts are fields of their own (walk 42:
// a 历年 part above a lowered balance was an error the form could not fix), the rest is said
// under the person.
test('what the calculator knew comes along, is sent, and can be changed where it has a field', async () => {
  const page = await site.newPage();
  const request = {
    as_of: '2026-06-01',
    lang: 'zh-CN',
    holder: { region: '440300', scheme: 'employee', tier: '2', balance_fen: 300000 },
    members: [
      { id: 'm1', relation: 'child', age: 8, scheme: 'resident' },
      { id: 'm2', relation: 'spouse', age: 40, scheme: 'resident', bound_to_other_holder: true },
    ],
  };
  await viaCalculator(page, request);
  assert.equal(await planSettled(page), 'problem');
  await page.fill('[data-path="/household/people/0/age"]', '38');
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await page.inputValue('[data-path="/household/people/0/tier"]'), '2');
  // Bound by another holder is a box of its own here, ticked for the spouse only.
  const bound = (i) => page.locator(`[data-path="/household/people/${i}/bound_to_other_holder"]`);
  assert.equal(await bound(0).count(), 0, 'not asked of the one filling in the form');
  assert.equal(await bound(1).isChecked(), false);
  assert.equal(await bound(2).isChecked(), true);
  assert.equal(await page.locator('.person-extra').count(), 0);
  let people = planRequest(page).household.people;
  assert.equal(people[0].tier, '2');
  assert.equal(people[2].bound_to_other_holder, true);
  // As the calculator says: 深圳's second tier has no account to share, so no one is covered,
  // and no heading stands over an empty list of holders (walk 42).
  let plan = await page.textContent('#plan-body');
  assert.doesNotMatch(plan, /本人可共济/);
  assert.doesNotMatch(plan, /共济人和办理步骤/);
  // The first tier has an account: the plan follows the field.
  await page.selectOption('[data-path="/household/people/0/tier"]', '1');
  assert.equal(await planSettled(page), 'answer');
  plan = await page.textContent('#plan-body');
  assert.match(plan, /本人可共济：3,000\.00 元/);
  // Kept through the household's own link (a reload).
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await page.inputValue('[data-path="/household/people/0/tier"]'), '1');
  assert.equal(await bound(2).isChecked(), true);
  // Unticked, it is no longer sent.
  const before = new URL(page.url()).hash;
  await bound(2).uncheck();
  await page.waitForFunction((hash) => location.hash !== hash, before);
  assert.equal(await planSettled(page), 'answer');
  assert.equal(planRequest(page).household.people[2].bound_to_other_holder, undefined);

  // 上海's 历年 part comes as a field: lowering the balance below it is an error the form can fix.
  const shanghai = {
    as_of: '2026-06-01',
    lang: 'zh-CN',
    holder: {
      region: '310000',
      scheme: 'employee',
      balance_fen: 300000,
      prior_years_balance_fen: 200000,
    },
    members: [{ id: 'm1', relation: 'spouse', age: 60, scheme: 'resident' }],
  };
  await viaCalculator(page, shanghai);
  await planSettled(page);
  await page.fill('[data-path="/household/people/0/age"]', '62');
  assert.equal(await planSettled(page), 'answer');
  const prior = '[data-path="/household/people/0/prior_years_balance_fen"]';
  assert.equal(await page.inputValue(prior), '2000');
  await page.fill('[data-path="/household/people/0/balance_fen"]', '1500');
  assert.equal(await planSettled(page), 'problem');
  await page.fill(prior, '1000');
  assert.equal(await planSettled(page), 'answer');
  people = planRequest(page).household.people;
  assert.equal(people[0].prior_years_balance_fen, 100000);
  await page.close();
});

// Session 42: a 深圳 household typed on this page had no tier field, so its plan could only say
// "没有填写档次，按有个人账户计算" with nothing to fill in. Each employee whose place has tiers is
// asked, as the calculator asks its holder; a resident, or an employee elsewhere, is not.
test("each employee whose place's rules have tiers is asked the tier, and the plan follows it", async () => {
  const household = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'p1',
          role: 'self',
          age: 35,
          scheme: 'employee',
          region: '440300',
          balance_fen: 300000,
        },
        { id: 'p2', role: 'spouse', age: 34, scheme: 'employee', balance_fen: 200000 },
        { id: 'p3', role: 'child', age: 6, scheme: 'resident' },
        {
          id: 'p4',
          role: 'father',
          age: 62,
          scheme: 'employee',
          region: '110000',
          balance_fen: 100,
        },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(household)}`);
  const tier = (i) => page.locator(`[data-path="/household/people/${i}/tier"]`);
  await tier(0).waitFor();
  await tier(1).waitFor();
  assert.equal(await tier(2).count(), 0, 'a resident has no tier');
  assert.equal(await tier(3).count(), 0, '北京 has no tiers');
  assert.equal(await tier(0).inputValue(), '');
  assert.match(await page.textContent('#plan-body'), /没有填写档次/);
  // Both earners in the second tier: no account to share, so no one is covered.
  await tier(0).selectOption('2');
  assert.equal(await planSettled(page), 'answer');
  await tier(1).selectOption('2');
  assert.equal(await planSettled(page), 'answer');
  const people = planRequest(page).household.people;
  assert.deepEqual([people[0].tier, people[1].tier, people[2].tier], ['2', '2', undefined]);
  const plan = await page.textContent('#plan-body');
  assert.doesNotMatch(plan, /没有填写档次/);
  assert.doesNotMatch(plan, /本人可共济/);
  // Kept through the household's own link (a reload).
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  await tier(0).waitFor();
  assert.equal(await tier(0).inputValue(), '2');
  // The father moved from 北京 to 深圳, a place already known: he is asked too (review: the
  // field came only with a place not seen before).
  await pickRegion(page, '[data-path="/household/people/3/region"]', 'shenzhen');
  await tier(3).waitFor();
  await page.close();
});

// Walk 41: the names typed on the calculator were gone on coming back from the household page. A
// link leaves them out (privacy); they ride with the tab's history entry instead, so browser Back
// shows them, and still no address carries them.
test('names typed on the calculator are there again on coming Back, and never in an address', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.click('#add-member');
  await page.fill('[data-path="/members/0/name"]', '老伴');
  await page.fill('[data-path="/members/0/age"]', '60');
  assert.equal(await settled(page), 'answer');
  const inAddress = () =>
    Buffer.from(new URL(page.url()).hash.slice(3), 'base64url').toString().includes('老伴');
  assert.equal(inAddress(), false);
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  await planSettled(page);
  await page.goBack();
  await page.waitForSelector('#summary');
  assert.equal(await settled(page), 'answer');
  assert.equal(await page.inputValue('[data-path="/members/0/name"]'), '老伴');
  assert.equal(await page.inputValue('[data-path="/members/0/age"]'), '60');
  assert.equal(inAddress(), false, 'not in the address');
  // And by the page's own way back (walk 42: it lost them where browser Back did not).
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  await planSettled(page);
  await page.click('#back');
  await page.waitForSelector('#summary');
  assert.equal(await settled(page), 'answer');
  assert.equal(await page.inputValue('[data-path="/members/0/name"]'), '老伴');
  assert.equal(inAddress(), false, 'still not in the address');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await page.close();
});

// Walk 41: in large English type at 390 px the household page's header took 580 px, its tagline a
// narrow column beside the buttons. On a phone the tagline and the way back take the whole width.
test('on a phone the tagline takes the header’s whole width, below the title and its buttons', async () => {
  for (const path of ['/', '/household.html']) {
    for (const query of ['', '?lang=en&large=1']) {
      const page = await site.newPage({ width: 390, height: 844 });
      await page.goto(`${site.origin}${path}${query}`);
      const large = query.includes('large');
      await page.waitForSelector(`.gongji-app${large ? '.elder' : ''} .site-header .tagline`);
      const box = await page.$eval('.site-header', (header) => {
        const style = getComputedStyle(header);
        const inner =
          header.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const tagline = header.querySelector('.tagline').getBoundingClientRect();
        const tools = header.querySelector('.header-tools').getBoundingClientRect();
        return { inner, width: tagline.width, top: tagline.top, toolsBottom: tools.bottom };
      });
      const where = `${path}${query}`;
      assert.ok(box.width >= box.inner - 1, `${where}: ${box.width} of ${box.inner} px`);
      assert.ok(box.top >= box.toolsBottom, `${where}: below the buttons`);
      // In large type the buttons stand in a row under the title, which keeps the whole width
      // (walk 42: 527 px of header in English at 360 px).
      if (large) {
        const title = await page.$eval('.site-header :is(h1, h2)', (e) => e.clientWidth);
        assert.ok(title >= box.inner - 1, `${where}: the title is ${title} of ${box.inner} px`);
      }
      await page.close();
    }
  }
});

// Review 41: a link whose region is a number (110000, not "110000"), or whose person is null, left
// the household page blank ("t.slice is not a function"). Such values are ignored.
test('odd values in a link never leave the household page blank', async () => {
  for (const hash of [
    `#r=${encode({ holder: { region: 110000, scheme: 'employee', balance_fen: 1 }, members: [{ relation: 'spouse', age: 40, scheme: 'resident', region: 410100 }] })}`,
    `#h=${encode({ household: { people: [null, { id: 'a', role: 'self', age: 40, scheme: 'employee', region: 110000, balance_fen: 100 }] } })}`,
  ]) {
    const page = await site.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.origin}/household.html${hash}`);
    const state = await planSettled(page);
    assert.ok(['answer', 'problem'].includes(state), state);
    assert.ok(await page.$('#household-form [data-path="/household/people/0/age"]'));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a region in the address that is not a code the rules know is ignored, never an error nor HTML; a shared household keeps its own', async () => {
  const earlier = site.problems.length;
  for (const region of [
    '999999',
    '11000',
    '1100001',
    '110000abc',
    '<img src=x onerror="document.title=1">',
  ]) {
    const page = await householdPage(`?region=${encodeURIComponent(region)}`);
    assert.match(await selfRegionShown(page), /^郑州/, `${region}: the example's region`);
    assert.equal(planRequest(page).household.people[0].region, '410100', region);
    assert.equal(await page.locator('#app img').count(), 0, `${region}: no HTML`);
    assert.doesNotMatch(await page.title(), /^1$/);
    await page.close();
  }
  const request = {
    lang: 'zh-CN',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '440300',
          balance_fen: 300000,
        },
        { id: 'b', role: 'mother', age: 66, scheme: 'resident' },
      ],
    },
  };
  const page = await householdPage(`?region=110000#h=${encode(request)}`);
  assert.match(await selfRegionShown(page), /^深圳/, "the shared household's own region");
  await page.close();
  assert.deepEqual(site.problems.slice(earlier), [], 'no error on the page');
});

test('English and 长辈模式 chosen on the calculator come along its link to the household page and back, and survive a reload; nothing is stored', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.evaluate(() => localStorage.clear());
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.click('#elder-toggle');
  await page.waitForSelector('.gongji-app.elder #summary');
  const shown = () =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      elder: !!document.querySelector('.gongji-app.elder'),
    }));
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  assert.equal(await planSettled(page), 'answer');
  assert.deepEqual(await shown(), { lang: 'en', elder: true }, 'the household page as chosen');
  assert.match(await page.textContent('#plan-results h2'), /The plan/);
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.deepEqual(await shown(), { lang: 'en', elder: true }, 'after a reload');
  // Switched here: the way back says so.
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await planSettled(page), 'answer');
  await page.click('#back');
  await page.waitForSelector('#summary');
  assert.deepEqual(await shown(), { lang: 'zh-CN', elder: true }, 'back on the calculator');
  await page.click('#elder-toggle');
  await page.waitForSelector('.gongji-app:not(.elder) #summary');
  await page.click('#household-link');
  await page.waitForURL(/household\.html/);
  assert.equal(await planSettled(page), 'answer');
  assert.deepEqual(await shown(), { lang: 'zh-CN', elder: false });
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing kept without consent');
  await page.close();
});

test("on a phone the form is the calculator's: fields at 16 px (no zoom into them), labels tied to them, and each 删除 apart from the field above", async () => {
  const page = await householdPage();
  const sizes = await page.$$eval('#household-form :is(input[type=text], select)', (all) => [
    ...new Set(all.map((e) => getComputedStyle(e).fontSize)),
  ]);
  assert.deepEqual(sizes, ['16px']);
  assert.equal(
    await page.$$eval(
      '#household-form :is(input[type=text], select)',
      (all) => all.filter((e) => e.labels.length !== 1).length,
    ),
    0,
    'every field has its label',
  );
  const gaps = await page.$$eval('.person-form fieldset > button', (buttons) =>
    buttons.map((button) => {
      const fields = button.parentElement.querySelectorAll('input, select');
      const above = fields[fields.length - 1].getBoundingClientRect().bottom;
      return Math.round(button.getBoundingClientRect().top - above);
    }),
  );
  assert.ok(gaps.length > 0 && gaps.every((gap) => gap >= 8), `gaps: ${gaps}`);
  await page.close();
});

test('the example household: the in-law goes to the spouse, shown in the picture and the list', async () => {
  const page = await householdPage();
  await page.fill('#as-of', '2026-06-01');
  assert.equal(await planSettled(page), 'answer');
  assert.match(await page.textContent('#plan-summary'), /3 位家人中，3 位/);
  // The picture: two holders, three people, one line each.
  assert.equal(await page.locator('.plan-picture .holder').count(), 2);
  assert.equal(await page.locator('.plan-picture .person').count(), 3);
  assert.equal(await page.locator('.plan-picture .link').count(), 3);
  assert.equal(await page.locator('.plan-picture .link.route-cross_province').count(), 1);
  // At 390 px the picture is narrower than its drawing: its letters, as drawn, stay readable.
  const [smallest] = await drawnTextSizes(page, '.plan-picture');
  assert.ok(smallest[0] >= 14, `the picture's smallest text is drawn at ${smallest.join(': ')}`);
  // The list: the spouse's mother is bound to the spouse, the father to self.
  const inLaw = page.locator('.plan-person[data-person="p5"]');
  assert.match(await inLaw.textContent(), /配偶的母亲绑定到配偶/);
  const father = page.locator('.plan-person[data-person="p4"]');
  assert.match(await father.textContent(), /父亲绑定到您/);
  const spouse = page.locator('.plan-holder[data-person="p2"]');
  assert.match(await spouse.textContent(), /绑定：子女、配偶的母亲/);
  assert.ok((await spouse.locator('details.channel').count()) >= 1, 'the spouse has steps');
  // The spouse's steps say first whose they are; the user's own need no such line, and no step
  // of the spouse's calls its doer 您 (a relative is the user's: 您的配偶的母亲).
  assert.equal(await spouse.locator('.steps-by').textContent(), '以下步骤和材料由配偶办理。');
  assert.equal(await page.locator('.plan-holder[data-person="p1"] .steps-by').count(), 0);
  const spouseSteps = await spouse.locator('details.channel ol').allTextContents().then(String);
  assert.match(spouseSteps, /请您的配偶的母亲本人/);
  assert.doesNotMatch(spouseSteps.replaceAll('您的配偶的母亲', ''), /您/);
  await page.close();
});

// From the new user's walk: each source read "…14号 (2021-04-22 · 官方)" with ASCII brackets.
test('the Chinese plan uses full-width punctuation: no ASCII bracket or comma beside Chinese', async () => {
  const page = await householdPage();
  await page.fill('#as-of', '2026-06-01');
  assert.equal(await planSettled(page), 'answer');
  const source = await page.locator('.plan-sources li').first().textContent();
  assert.match(source, /（(\d{4}-|未注明日期).* · (官方|媒体|第三方|未证实)/, source);
  assert.doesNotMatch(source, /[()]/, source);
  // The title is the link; no raw address is shown on screen.
  assert.doesNotMatch(source, /https?:\/\//, source);
  assert.equal(
    await page.locator('.plan-sources li').first().locator('a[href^="http"]').count(),
    1,
  );
  assert.deepEqual(await asciiInChinese(page), []);
  await page.close();
});

test('a shared link reproduces the plan; names are text, never markup; English throughout', async () => {
  const request = {
    as_of: '2025-06-01',
    lang: 'en',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '110000',
          balance_fen: 800000,
        },
        {
          id: 'b',
          role: 'mother',
          name: '<img src=x onerror=alert(1)>',
          age: 66,
          scheme: 'resident',
          region: '130100',
        },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(request)}`, { width: 1280, height: 900 });
  assert.match(
    await page.textContent('#plan-summary'),
    /The one family member to be covered cannot use the account of a holder/,
  );
  const mother = page.locator('.plan-person[data-person="p2"]');
  assert.match(await mother.textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('.plan-person img').count(), 0);
  // The form's places are English too: "Shijiazhuang (Hebei)", not "河北省 石家庄市".
  const place = page.locator('input[data-path="/household/people/1/region"]');
  await page.waitForFunction(
    () => document.querySelector('input[data-path="/household/people/1/region"]').value !== '',
  );
  assert.equal(await place.inputValue(), 'Shijiazhuang (Hebei)');
  // Before the wallet is known open in 北京, the change is the day it is known to be (S7's list).
  assert.match(
    await mother.locator('.changes').textContent(),
    /known to be in force from 2026-01-09/,
  );
  assert.equal(await page.locator('.changes [data-code="change.date"]').count(), 1);
  await page.close();
});

test('the example household says it is an example until the user changes anything; a shared plan does not', async () => {
  const page = await householdPage();
  assert.match(await page.textContent('#example-note'), /示例家庭/);
  await page.fill('#as-of', '2026-06-01');
  assert.equal(await page.locator('#example-note').count(), 0);
  // Adding a person redraws the form: no stray "null" where the note was; the new person's age
  // is asked for at once, beside the field and in the plan, as on the calculator (walk 54: the
  // plan went on counting the others, and the new person was in none of it); the new card has
  // the focus.
  await page.click('#add-person');
  assert.doesNotMatch(await page.textContent('#household-form'), /null/);
  assert.equal(await planSettled(page), 'problem');
  const last = (await page.locator('.person-form').count()) - 1;
  assert.equal(
    await page.getAttribute(`[data-path="/household/people/${last}/age"]`, 'aria-invalid'),
    'true',
  );
  assert.match(await page.textContent('#plan-body'), /年龄/);
  // The message beside the field is its description: a screen reader says it there too.
  const describedBy = await page.getAttribute(
    `[data-path="/household/people/${last}/age"]`,
    'aria-describedby',
  );
  assert.equal(
    await page.textContent(`#${describedBy}`),
    await page.textContent(`[data-path="/household/people/${last}/age"] + .field-error`),
  );
  assert.doesNotMatch(await page.textContent('#plan-body'), /位可以用/);
  assert.ok(
    await page.evaluate(() => document.activeElement.closest('.person-form:last-of-type') !== null),
    'the new card has the focus',
  );
  await page.close();
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        { id: 'a', role: 'self', age: 40, scheme: 'employee', region: '410100', balance_fen: 1 },
      ],
    },
  };
  const shared = await householdPage(`#h=${encode(request)}`);
  assert.equal(await shared.locator('#example-note').count(), 0);
  await shared.close();
});

test("a relative's place is typed and picked (石家庄 by pinyin), not found in a list of hundreds; empty means the same as yours", async () => {
  const page = await householdPage();
  assert.equal(await page.locator('.person-form select[data-path$="/region"]').count(), 0);
  const place = page.locator('input[data-path="/household/people/1/region"]');
  assert.equal(await place.inputValue(), '');
  assert.match(await place.getAttribute('placeholder'), /不填即与您相同/);
  await place.fill('shijiazhuang');
  await page.click('.region-list [role="option"] >> nth=0');
  assert.match(await place.inputValue(), /石家庄/);
  assert.equal(await planSettled(page), 'answer');
  assert.match(new URL(page.url()).hash, /^#h=/);
  const request = JSON.parse(
    Buffer.from(new URL(page.url()).hash.slice(3), 'base64url').toString('utf8'),
  );
  assert.equal(request.household.people[1].region, '130100');
  await page.close();
});

test('in the picture, 暂无共济人 stands on the row of the person no one can cover, beside no holder', async () => {
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '410100',
          balance_fen: 300000,
        },
        { id: 'b', role: 'spouse', age: 38, scheme: 'employee', balance_fen: 200000 },
        { id: 'c', role: 'mother', age: 66, scheme: 'resident' },
        { id: 'd', role: 'other', age: 50, scheme: 'resident' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(request)}`);
  const rows = await pictureRows(page);
  assert.equal(rows.uncovered.length, 1);
  const [[, nobody]] = rows.groups;
  assert.ok(Math.abs(nobody - rows.uncovered[0][1]) < 2, JSON.stringify(rows));
  assert.ok(
    rows.holders.every((y) => Math.abs(y - nobody) > 10),
    `no holder on that row: ${JSON.stringify(rows)}`,
  );
  // The spouse binds nobody: the card says so in a sentence, not a bare "none".
  assert.equal(
    await page.textContent('.plan-holder[data-person="p2"] .binds'),
    '配偶这次不用绑定任何家人。',
  );
  await page.close();
});

// Walk 44: a relative bound by a holder not on the page (山东: one holder each, S26) was drawn
// under 暂无共济人 beside a card saying they are bound. They stand under words of their own; one
// no one can cover stays under 暂无共济人, each group's words on its first person's row.
test('in the picture, a relative bound by someone not listed is not drawn as having no holder', async () => {
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        { id: 'a', role: 'self', age: 40, scheme: 'employee', region: '370100', balance_fen: 1 },
        { id: 'b', role: 'mother', age: 66, scheme: 'resident', bound_to_other_holder: true },
        { id: 'c', role: 'other', age: 50, scheme: 'resident' },
        { id: 'd', role: 'child', age: 9, scheme: 'resident' },
      ],
    },
  };
  for (const lang of ['zh-CN', 'en']) {
    const page = await householdPage(
      `${lang === 'en' ? '?lang=en' : ''}#h=${encode({ ...request, lang })}`,
    );
    const drawn = await pictureRows(page, lang === 'en' ? ' ' : '');
    const words =
      lang === 'en'
        ? [
            ['Bound by someone else', 'Mother'],
            ['No holder yet', 'Other relative'],
          ]
        : [
            ['已由他人绑定', '母亲'],
            ['暂无共济人', '其他家人'],
          ];
    assert.deepEqual(
      drawn.groups.map(([text]) => text),
      words.map(([group]) => group),
      JSON.stringify(drawn),
    );
    assert.deepEqual(
      drawn.uncovered.map(([text]) => text),
      words.map(([, person]) => person),
    );
    drawn.groups.forEach(([, y], i) =>
      assert.ok(Math.abs(y - drawn.uncovered[i][1]) < 2, JSON.stringify(drawn)),
    );
    // Walk 46: the summary and the bar do not count her as one no one can cover.
    assert.match(
      await page.textContent('#plan-summary'),
      lang === 'en'
        ? /One is already bound by someone not listed here, and that binding can go on\./
        : /另有 1 位已由本页以外的人绑定，现在的绑定可以继续用。/,
    );
    assert.match(
      await page.textContent('#plan-bar-text'),
      lang === 'en' ? /; 1 bound elsewhere$/ : /，1 位已由他人绑定$/,
    );
    await page.close();
  }
});

// Review 53: a tier the rules do not name is an error at that person's tier field, which stays
// marked when the field is drawn again with the place's tiers; choosing one gives the plan.
test("a link's tier that the rules do not name is marked at the person's tier field", async () => {
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '440300',
          tier: '9',
          balance_fen: 1,
        },
        { id: 'b', role: 'child', age: 9, scheme: 'resident' },
      ],
    },
  };
  const page = await site.newPage({ width: 390, height: 844 });
  await page.goto(`${site.origin}/household.html#h=${encode(request)}`);
  assert.equal(await planSettled(page), 'problem');
  const tier = page.locator('[data-path="/household/people/0/tier"] option[value="1"]');
  await tier.waitFor({ state: 'attached' });
  const field = page.locator('[data-path="/household/people/0/tier"]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.textContent('#plan-results'), /档次.*请从列表中选择/);
  await field.selectOption('1');
  assert.equal(await planSettled(page), 'answer');
  await page.close();
});

// Walk 46: the names typed on the household page were lost on a reload (the link leaves them out),
// where the calculator keeps them in the tab. They come back after a reload, and stay out of the
// address and off the device's storage.
test('names typed on the household page come back after a reload, and stay out of its link', async () => {
  const page = await householdPage();
  const name = (i) => `[data-path="/household/people/${i}/name"]`;
  await page.fill(name(0), '王小明');
  await page.fill(name(1), '李娜');
  assert.equal(await planSettled(page), 'answer');
  await page.waitForFunction(() => history.state?.names?.includes('李娜'));
  assert.doesNotMatch(decodeURIComponent(page.url()), /王小明|李娜/);
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await page.inputValue(name(0)), '王小明');
  assert.equal(await page.inputValue(name(1)), '李娜');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.close();
});

// Review 47: the group and the count are the core's decision, not the box ticked: an in-law in
// 北京 ticked as bound elsewhere is kept out by the circle, so she has no holder and is drawn so.
test('one ticked as bound elsewhere whom the rules keep out anyway is drawn as having no holder', async () => {
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        { id: 'a', role: 'self', age: 40, scheme: 'employee', region: '110000', balance_fen: 1 },
        {
          id: 'b',
          role: 'spouse_mother',
          age: 70,
          scheme: 'resident',
          bound_to_other_holder: true,
        },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(request)}`);
  assert.deepEqual(
    (await pictureRows(page)).groups.map(([text]) => text),
    ['暂无共济人'],
  );
  assert.doesNotMatch(await page.textContent('#plan-summary'), /已由本页以外的人绑定/);
  await page.close();
});

test('the widget shows the household plan with mode="household"', async () => {
  const page = await site.newPage({ width: 1280, height: 900 });
  await page.goto(`${site.origin}/embed-demo.html`);
  await page.evaluate(async () => {
    await import('./widget.js');
    const widget = document.createElement('gongji-calculator');
    widget.setAttribute('mode', 'household');
    widget.setAttribute('lang', 'en');
    widget.id = 'household-widget';
    document.body.append(widget);
  });
  const results = await page.waitForSelector(
    '#household-widget #plan-results:not([data-state="busy"])',
  );
  assert.equal(await results.getAttribute('data-state'), 'answer');
  assert.ok((await page.locator('#household-widget .plan-picture .holder').count()) >= 1);
  await page.close();
});

test('a bad entry names its field; nothing was requested from another origin', async () => {
  const page = await householdPage();
  await page.fill('[data-path="/household/people/2/age"]', '300');
  assert.equal(await planSettled(page), 'problem');
  assert.equal(
    await page.getAttribute('[data-path="/household/people/2/age"]', 'aria-invalid'),
    'true',
  );
  // The message names the person and the field, beside the field and in the plan's place.
  const age = page.locator('[data-path="/household/people/2/age"] + .field-error');
  assert.match(await age.textContent(), /0到150/);
  assert.match(
    await page.locator('#plan-body .problem-link').textContent(),
    /^成员 3（子女） · 年龄：.*0到150/,
  );

  // A balance the form cannot read is never planned as 0.00: the field says what to type.
  await page.fill('[data-path="/household/people/2/age"]', '30');
  assert.equal(await planSettled(page), 'answer');
  for (const [typed, says] of [
    ['abc', /请输入金额/],
    ['', /请填写金额/],
    ['99999999999999', /金额太大/],
    ['-500', /金额不能是负数/], // walk 43: said as what it is
    ['3000.555', /最多两位小数/],
  ]) {
    await page.fill('[data-path="/household/people/0/balance_fen"]', typed);
    assert.equal(await planSettled(page), 'problem');
    assert.equal(
      await page.getAttribute('[data-path="/household/people/0/balance_fen"]', 'aria-invalid'),
      'true',
    );
    const problem = await page.locator('#plan-body .problem-list').textContent();
    assert.match(problem, /^成员 1（本人） · 个人账户余额（元）：/);
    assert.match(problem, says);
    assert.equal(await page.locator('.plan-picture').count(), 0);
  }
  await page.fill('[data-path="/household/people/0/balance_fen"]', '3000');
  assert.equal(await planSettled(page), 'answer');
  await page.close();
  const foreign = site.requests.filter((r) => !r.url.startsWith(site.origin));
  assert.deepEqual(foreign, []);
  assert.deepEqual(failed, []);
  assert.deepEqual(
    site.problems.filter((problem) => problem.startsWith('pageerror')),
    [],
  );
});

// From walk 36: the calculator said 请先修正标出的内容。 and listed each problem as a link to its
// field; the household page said 请检查：… or 请先修正标出的内容：… in a sentence of its own. Both
// pages present a request's problems the same way now (dom.js problemNotice, one lead in i18n.js),
// and a module that cannot load the same way too.
test("a request's problems read the same on the calculator and the household page, in both languages, each a link to its field", async () => {
  for (const lang of ['zh-CN', 'en']) {
    const query = lang === 'en' ? '?lang=en' : '';
    const calculator = await site.newPage();
    await calculator.goto(`${site.origin}/${query}`);
    await calculator.waitForSelector('#summary');
    await calculator.fill('[data-path="/holder/balance_fen"]', 'abc');
    await calculator.waitForSelector('#results[data-state="problem"]', { state: 'attached' });
    const lead = await calculator.textContent('#results-body .problem');
    const calculatorSays = await calculator.textContent('#results-body .problem-link');
    await calculator.close();

    const page = await householdPage(query);
    await page.fill('[data-path="/household/people/0/balance_fen"]', 'abc');
    assert.equal(await planSettled(page), 'problem');
    assert.equal(await page.textContent('#plan-body .problem'), lead, `${lang}: the same lead`);
    assert.equal(await page.locator('#plan-body .problem').count(), 1, 'one lead, no other');
    const householdSays = await page.textContent('#plan-body .problem-link');
    // "where · field：what to do", with the same field separator and the same words for the amount.
    const what = (text) => text.slice(text.lastIndexOf(lang === 'en' ? ': ' : '：'));
    assert.equal(what(householdSays), what(calculatorSays), `${householdSays} / ${calculatorSays}`);
    assert.match(householdSays, lang === 'en' ? / · Personal account balance/ : / · 个人账户余额/);
    // The bar names it too: what is wrong first, then where, as on the calculator (review 59 #9).
    const sep = lang === 'en' ? ': ' : '：';
    const at = householdSays.lastIndexOf(sep);
    assert.deepEqual(
      await page.$$eval('#plan-bar-text .bar-part', (parts) => parts.map((p) => p.textContent)),
      [householdSays.slice(at + sep.length), householdSays.slice(0, at)],
    );
    // An age the form cannot take (300) is presented the same way.
    await page.fill('[data-path="/household/people/0/balance_fen"]', '3000');
    await page.fill('[data-path="/household/people/2/age"]', '300');
    assert.equal(await planSettled(page), 'problem');
    assert.equal(await page.textContent('#plan-body .problem'), lead);
    assert.doesNotMatch(await page.textContent('#plan-body'), /请检查|Please check/);
    // Focus lands when the click is handled, which a loaded machine may deliver a frame later;
    // a click whose press and release fell on a page still laying out (CI, session 41) is made
    // again, as a person would tap again.
    for (let attempt = 0; attempt < 2; attempt++) {
      await page.click('#plan-body .problem-link');
      const landed = await page
        .waitForFunction(
          () => document.activeElement?.dataset.path === '/household/people/2/age',
          null,
          { timeout: 5000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (landed) break;
    }
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.path),
      '/household/people/2/age',
      'the problem takes one to its field',
    );
    await page.close();
  }
});

test('a calculator that cannot load is said the same way on both pages', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  try {
    // Either module: the calculator page's (no planner) and the household page's.
    await context.route(/gongji-(core|calculator)\.wasm$/, (route) => route.abort());
    const said = [];
    for (const [path, results] of [
      ['/', '#results'],
      ['/household.html', '#plan-results'],
    ]) {
      const page = await context.newPage();
      await page.goto(`${site.origin}${path}`);
      await page.waitForSelector(`${results}[data-state="failed"]`, { state: 'attached' });
      said.push(await page.textContent(`${results} [role=alert]`));
      await page.close();
    }
    assert.equal(said[1], said[0]);
    assert.match(said[0], /计算器加载失败/);
  } finally {
    await context.close();
  }
});

test('switching language keeps focus on the switch; if the other language cannot be downloaded, the page says so and tries again when asked', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  try {
    let refuse = true;
    await context.route('**/gongji-rules/en.bin', (route) =>
      refuse ? route.abort() : route.continue(),
    );
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}/household.html`);
    assert.equal(await planSettled(page), 'answer');
    await page.click('#lang-toggle');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-toggle');
    assert.equal(await planSettled(page), 'failed');
    const notice = await page.textContent('#plan-body [role=alert]');
    assert.match(notice, /could not be downloaded; check the connection/);
    refuse = false;
    await page.click('#plan-body [role=alert] button');
    assert.equal(await planSettled(page), 'answer');
    assert.match(await page.textContent('#plan-body'), /bound/i);
    await page.click('#lang-toggle');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-toggle');
    assert.equal(await planSettled(page), 'answer');
  } finally {
    await context.close();
  }
});

test('长辈模式 on the household page as on the calculator: large type in both languages, kept across a language switch, and across a reload only where the person asked the calculator to keep their family', async () => {
  const page = await householdPage();
  await page.evaluate(() => localStorage.clear());
  const large = () => page.evaluate(() => !!document.querySelector('.gongji-app.elder'));
  assert.equal(await page.getAttribute('#elder-toggle', 'aria-pressed'), 'false');
  await page.click('#elder-toggle');
  await page.waitForSelector('.gongji-app.elder');
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await page.getAttribute('#elder-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'elder-toggle');
  for (const lang of ['zh-CN', 'en']) {
    if (lang === 'en') {
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(await planSettled(page), 'answer');
      assert.ok(await large(), 'large type survives the language switch');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-toggle');
    }
    assert.deepEqual(await largeTypeProblems(page), [], lang);
    const [smallest] = await drawnTextSizes(page, '.plan-picture');
    assert.ok(smallest[0] >= 18, `${lang}: the picture's text is drawn at ${smallest.join(': ')}`);
    // Each label of the picture inside its box (wrapped onto more lines where it must be).
    const spilled = await page.$$eval('.plan-picture g', (groups) =>
      groups
        .map((g) => [g.querySelector('rect').getBBox(), g.querySelector('text')])
        .filter(([box, text]) => {
          const t = text.getBBox();
          return (
            t.x < box.x ||
            t.y < box.y ||
            t.x + t.width > box.x + box.width ||
            t.y + t.height > box.y + box.height
          );
        })
        .map(([, text]) => text.textContent),
    );
    assert.deepEqual(spilled, [], `${lang}: labels inside their boxes`);
  }
  // Nothing is kept without consent: a reload keeps large type by the address alone
  // (?large=1, as on the calculator), and the page opened afresh is in normal type.
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing kept without consent');
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.ok(await large(), 'the address says large type');
  await page.goto(`${site.origin}/household.html`);
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await large(), false);
  // Once the calculator keeps the family (记住), its 长辈模式 is the household page's too, and a
  // change here is kept there.
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  await page.check('#remember');
  await page.click('#elder-toggle');
  await page.waitForSelector('.gongji-app.elder #summary');
  await page.goto(`${site.origin}/household.html`);
  assert.equal(await planSettled(page), 'answer');
  assert.ok(await large(), 'large type chosen on the calculator');
  await page.click('#elder-toggle');
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await large(), false, 'turned off here and kept');
  await page.click('#elder-toggle');
  await page.reload();
  assert.equal(await planSettled(page), 'answer');
  assert.ok(await large(), 'turned on here and kept');
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('.gongji-app.elder #summary');
  await page.click('#forget');
  await page.goto(`${site.origin}/household.html`);
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await large(), false, 'forgotten with the family');
  await page.close();
});

test('on a phone the plan is below the form: a bar gives its gist and jumps to it, and steps aside once the plan is in sight; the heading breaks only between words', async () => {
  const page = await householdPage();
  const bar = page.locator('#plan-bar');
  assert.equal(await bar.isVisible(), true);
  assert.match(await page.textContent('#plan-bar-text'), /^\d+ 位家人中 \d+ 位可以用共济账户$/);
  // At most two lines high, so it hides little of the form.
  assert.ok((await bar.boundingBox()).height <= 90, 'the bar is at most two lines high');
  await page.click('#to-plan');
  await page.waitForFunction(() =>
    document.querySelector('#plan-bar')?.classList.contains('answer-in-view'),
  );
  assert.equal(await bar.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '共济方案');
  await page.close();
});

// From walk 36: the heading said 我们家有两位职工医保参保人 ("two earners"), where the page plans
// for two holders or more. It says 不止一位 / "more than one", breaks only between words (at its
// zero-width spaces in Chinese, never 职/工) and fits a phone, in both languages and large type.
test('the heading is true for two, three or more earners and fits a phone in both languages, in large type too', async () => {
  const heading = {
    'zh-CN': '家里不止一位\u200b职工医保参保人？\u200b全家一起规划',
    en: 'More than one earner in the family? Plan the whole household',
  };
  for (const [lang, text] of Object.entries(heading)) {
    for (const large of [false, true]) {
      const query = new URLSearchParams({
        ...(lang === 'en' ? { lang: 'en' } : {}),
        ...(large ? { large: '1' } : {}),
      });
      const page = await householdPage(`?${query}`);
      const title = page.locator('#title');
      assert.equal(await title.textContent(), text);
      assert.equal(await page.title(), text.replaceAll('\u200b', ''), 'the tab: no hidden spaces');
      assert.doesNotMatch(await title.textContent(), /两位|\btwo\b/i);
      const lines = await title.evaluate(drawnLines);
      assert.deepEqual(linesBrokenInsideWords(lines, text), [], `${query}: ${lines.join(' / ')}`);
      const fits = await title.evaluate((h1) => {
        const box = h1.getBoundingClientRect();
        return h1.scrollWidth <= h1.clientWidth && box.left >= 0 && box.right <= innerWidth;
      });
      assert.ok(fits, `${query}: the heading fits 390 px`);
      const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(wide <= 390, `${query}: the page scrolls sideways to ${wide} px`);
      await page.close();
    }
  }
});

// From walk 36: in English on a phone the picture cut its labels ("Spouse's fat…", "Maternal …",
// "No holder …"). A label wider than its box wraps onto more lines and its row grows; nothing is
// cut, in normal and in large type.
test('in English on a phone, three holders and three relatives: every label of the picture is drawn whole, wrapped inside its box', async () => {
  const person = (id, role, scheme, more = {}) => ({ id, role, age: 60, scheme, ...more });
  const request = {
    lang: 'en',
    household: {
      people: [
        person('p1', 'self', 'employee', { region: '410100', balance_fen: 300000 }),
        person('p2', 'spouse', 'employee', { balance_fen: 500000 }),
        person('p3', 'spouse_father', 'employee', {
          status: 'retired',
          region: '410300',
          balance_fen: 800000,
        }),
        person('p4', 'maternal_grandparent', 'resident', { region: '510100' }),
        person('p5', 'spouse_mother', 'resident', { region: '410300' }),
        person('p6', 'child_spouse', 'resident', {
          region: '110000',
          name: 'Wang Xiuying, our daughter-in-law',
        }),
      ],
    },
  };
  const compact = (text) => text.replace(/\s+/g, '');
  for (const large of [false, true]) {
    const page = await householdPage(`?lang=en${large ? '&large=1' : ''}#h=${encode(request)}`);
    assert.equal(await page.locator('.plan-picture .holder').count(), 3);
    assert.equal(await page.locator('.plan-picture .person').count(), 3);
    // What the picture draws is each person's whole label, as the list names them.
    const named = await page.$$eval('.plan-holder h4, .plan-person h4', (all) =>
      all.map((h4) => h4.textContent),
    );
    const drawn = await page.$$eval('.plan-picture .node-label', (all) =>
      all.map((text) => [...text.querySelectorAll('tspan')].map((line) => line.textContent)),
    );
    assert.deepEqual(
      drawn.map((lines) => compact(lines.join(''))).sort(),
      named.map(compact).sort(),
    );
    assert.ok(
      drawn.some((lines) => lines.length > 1),
      'a long label wraps onto more lines',
    );
    assert.ok(
      drawn.flat().every((line) => !line.includes('…')),
      `nothing cut: ${JSON.stringify(drawn)}`,
    );
    // Words stay whole where a box holds them: a role's words are never broken.
    const roleWords = drawn.flat().join(' ').split(/\s+/);
    for (const word of ["Spouse's", 'father', 'Maternal', 'grandparent', 'mother'])
      assert.ok(roleWords.includes(word), `${word} whole in ${JSON.stringify(drawn)}`);
    // Inside their boxes, apart from each other and from the lines; large enough to read.
    assert.deepEqual(await page.$eval('.plan-picture svg', pictureProblems), []);
    const [smallest] = await drawnTextSizes(page, '.plan-picture');
    assert.ok(smallest[0] >= (large ? 18 : 14), `drawn at ${smallest.join(': ')}`);
    const right = await page.$eval('.plan-picture svg', (svg) => svg.getBoundingClientRect().right);
    assert.ok(right <= 390, `the picture ends at ${right} px`);
    await page.close();
  }
});

// Walk 52 #6: a household of four with two holders took three A4 pages, each holder on a page of
// its own and the same 注意事项 printed under both.
test('on paper a household of four with two holders is one A4 page, each note printed once', async () => {
  const request = {
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '440300',
          tier: '1',
          balance_fen: 500000,
        },
        {
          id: 'b',
          role: 'spouse',
          age: 38,
          scheme: 'employee',
          region: '440300',
          tier: '1',
          balance_fen: 200000,
        },
        { id: 'c', role: 'child', age: 6, scheme: 'resident', region: '440300' },
        { id: 'd', role: 'spouse_sibling', age: 35, scheme: 'resident', region: '440100' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(request)}`, { width: 1280, height: 900 });
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await page.locator('.plan-holder').count(), 2);
  await page.emulateMedia({ media: 'print' });
  const notes = await page.$$eval('.plan-holder', (cards) =>
    cards.map((card) =>
      [...card.querySelectorAll('.notes li')]
        .filter((li) => li.getClientRects().length > 0)
        .map((li) => li.textContent),
    ),
  );
  const [first, second] = notes;
  assert.ok(first.length > 1, `the first holder's notes are printed: ${first}`);
  assert.ok(
    second.every((note) => !first.includes(note)),
    `no note printed twice: ${JSON.stringify(notes)}`,
  );
  assert.ok(second.includes('已在上文列出，不再重复。'), JSON.stringify(second));
  assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, 'one A4 page');
  await page.emulateMedia({ media: 'screen' });
  // On screen each holder's card keeps its own notes whole.
  assert.ok(
    (await page.locator('.plan-holder >> nth=1').locator('.notes li.repeated').count()) > 0,
  );
  assert.ok(
    await page.locator('.plan-holder >> nth=1').locator('.notes li.repeated >> nth=0').isVisible(),
  );
  await page.close();
});

// Review 53 C1: a grandchild bound to the grandmother was "the only one", beside the user's son in
// the same city, who is the child's parent if the child is his (the form cannot tell).
test('a holder the form cannot tell to be related is named beside the choice, in sight, not folded', async () => {
  const request = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'me',
          role: 'self',
          sex: 'female',
          age: 62,
          scheme: 'employee',
          status: 'retired',
          region: '420500',
          balance_fen: 200000,
        },
        {
          id: 'son',
          role: 'child',
          age: 35,
          scheme: 'employee',
          region: '420100',
          balance_fen: 800000,
        },
        { id: 'gc', role: 'grandchild', age: 6, scheme: 'resident', region: '420100' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(request)}`);
  assert.equal(await planSettled(page), 'answer');
  const card = page.locator('.plan-person', { has: page.locator('h4', { hasText: '孙辈' }) });
  const shown = card.locator('> p', { hasText: '如果是子女，也可以按父母子女关系为其共济' });
  assert.equal(await shown.count(), 1);
  assert.ok(await shown.isVisible());
  assert.doesNotMatch(await card.locator('.reason').textContent(), /家中只有/);
  await page.close();
  // Review 57: a child bound to the user's father by balance, on a rule unconfirmed in 河南,
  // names the user, who could share with the child as a parent, in sight too.
  const surer = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'me',
          role: 'self',
          age: 35,
          scheme: 'employee',
          region: '410100',
          balance_fen: 50000,
        },
        {
          id: 'f',
          role: 'father',
          age: 62,
          scheme: 'employee',
          status: 'retired',
          balance_fen: 600000,
        },
        { id: 'k', role: 'child', age: 5, scheme: 'resident' },
      ],
    },
  };
  const second = await householdPage(`#h=${encode(surer)}`);
  assert.equal(await planSettled(second), 'answer');
  const child = second.locator('.plan-person', { has: second.locator('h4', { hasText: '子女' }) });
  assert.ok(await child.locator('> p', { hasText: '您也可以为其共济' }).isVisible());
  await second.close();
});

test('on a desktop the plan is beside the form and no bar is shown', async () => {
  const page = await householdPage('', { width: 1280, height: 900 });
  assert.equal(await page.locator('#plan-bar').isVisible(), false);
  await page.close();
});

test("on paper the plan keeps each holder's steps and each person's reasons, which the screen folds", async () => {
  const page = await householdPage('', { width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  const heights = await page.$$eval('.plan details > ol li, .plan details > ul li', (items) =>
    items.map((item) => item.getBoundingClientRect().height),
  );
  assert.ok(heights.length > 3, `${heights.length} folded items`);
  assert.ok(
    heights.every((height) => height > 0),
    'every folded step and reason is laid out in print',
  );
  await page.close();
});

// Walk 43: with every relative removed the plan said "需要共济的 0 位家人中，0 位可以绑定", under an
// empty heading and a legend of three kinds of line with no line drawn.
test('a household of one says there is no one to cover yet, and draws no empty picture; the legend names only the lines drawn', async () => {
  const page = await householdPage();
  const routeOf = (className) => /route-\w+/.exec(className)[0];
  const legend = await page.$$eval('.route-legend .legend', (all) => all.map((l) => l.className));
  const drawn = await page.$$eval('svg .link', (all) => all.map((l) => l.getAttribute('class')));
  assert.deepEqual(
    [...new Set(legend.map(routeOf))].sort(),
    [...new Set(drawn.map(routeOf))].sort(),
    'the legend names the lines drawn, and only them',
  );
  while ((await page.locator('.person-form').count()) > 1) {
    await page.locator('.person-form button.secondary').last().click();
  }
  assert.equal(await planSettled(page), 'answer');
  await page.waitForFunction(() =>
    /还没有需要共济的家人/.test(document.getElementById('plan-summary')?.textContent ?? ''),
  );
  assert.equal(await page.locator('.plan-picture, .picture-title, .plan-people').count(), 0);
  // Two earners with accounts of their own: no one to cover, and not told to add family.
  const couple = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '110000',
          balance_fen: 300000,
        },
        { id: 'b', role: 'spouse', age: 40, scheme: 'employee', balance_fen: 300000 },
      ],
    },
  };
  await page.close();
  const two = await householdPage(`#h=${encode(couple)}`);
  const summary = await two.textContent('#plan-summary');
  assert.match(summary, /每个人都有自己可以共济的职工医保个人账户/);
  assert.doesNotMatch(summary, /添加家人/);
  await two.close();
});

// Walk 58 #8: people were drawn in the form's order, so a child bound to the spouse, entered
// before a father bound to the user, drew two crossing lines. Each holder's people are together.
test('the picture draws each holder’s people together, so that no two lines cross', async () => {
  const household = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'me',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '410100',
          balance_fen: 100000,
        },
        { id: 'w', role: 'spouse', age: 40, scheme: 'employee', balance_fen: 500000 },
        { id: 'kid', role: 'child', age: 10, scheme: 'resident' },
        { id: 'dad', role: 'father', age: 70, scheme: 'resident' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(household)}`);
  assert.equal(await planSettled(page), 'answer');
  const ends = (await pictureRows(page)).links;
  assert.equal(ends.length, 2, JSON.stringify(ends));
  const byPerson = [...ends].sort((a, b) => a[1] - b[1]);
  for (let i = 1; i < byPerson.length; i++) {
    assert.ok(byPerson[i - 1][0] <= byPerson[i][0], `lines cross: ${JSON.stringify(ends)}`);
  }
  await page.close();
});

// Walk 58 #16: before sharing began no one can share, and the plan said "需要共济的 3 位家人中，
// 0 位…", counting the earners as people to cover. It says no one can share, and the reasons stand.
test('a household in which no one can share says so, not "0 of n", in both languages', async () => {
  const before = {
    as_of: '2020-06-01',
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '410100',
          balance_fen: 300000,
        },
        { id: 'b', role: 'spouse', age: 40, scheme: 'employee', balance_fen: 200000 },
        { id: 'c', role: 'child', age: 10, scheme: 'resident' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(before)}`);
  assert.equal(await planSettled(page), 'answer');
  const summary = await page.textContent('#plan-summary');
  assert.match(summary, /家中没有人能用自己的职工医保个人账户为家人共济/);
  assert.doesNotMatch(summary, /位家人中/);
  assert.match(await page.textContent('#plan-body'), /家庭共济/, "each person's reasons are below");
  await page.click('#lang-toggle');
  await page.waitForFunction(() =>
    /No one in the household can share/.test(document.getElementById('plan-summary')?.textContent),
  );
  await page.close();
});

test('another household’s link pasted into the same tab shows that household, not the one before', async () => {
  const person = (region, age) => ({
    household: {
      people: [{ id: 'me', role: 'self', age, scheme: 'employee', region, balance_fen: 100000 }],
    },
  });
  const page = await householdPage(`#h=${encode(person('370100', 40))}`);
  const age = '[data-path="/household/people/0/age"]';
  assert.equal(await page.inputValue(age), '40');
  // Only the fragment differs (walk 49: the page stayed on the 济南 family, age 40).
  await page.goto(`${site.origin}/household.html#h=${encode(person('110000', 52))}`);
  await page.waitForFunction((selector) => document.querySelector(selector)?.value === '52', age);
  assert.equal(await planSettled(page), 'answer');
  await page.close();
});

// Walk 52: an age or an amount the page cannot read came back empty after a reload or through a
// link, and the calculator's came over empty; what was typed stays, still marked.
test('an age or a balance the page cannot read is kept as typed across a reload, and comes over from the calculator', async () => {
  const page = await householdPage();
  const age = '[data-path="/household/people/0/age"]';
  const balance = '[data-path="/household/people/0/balance_fen"]';
  await page.fill(age, '三十');
  await page.fill(balance, '三百');
  assert.equal(await planSettled(page), 'problem');
  await page.reload();
  assert.equal(await planSettled(page), 'problem');
  assert.equal(await page.inputValue(age), '三十');
  assert.equal(await page.inputValue(balance), '三百');
  // From the calculator: its balance as typed, and a relative's age.
  const calculator = await site.newPage();
  await calculator.goto(`${site.origin}/`);
  await calculator.waitForSelector('#summary');
  await calculator.fill('[data-path="/holder/balance_fen"]', '三百');
  await calculator.click('#add-member');
  await calculator.fill('[data-path="/members/0/age"]', '七十');
  await settled(calculator);
  await calculator.click('#household-link');
  await calculator.waitForURL(/household\.html/);
  assert.equal(await planSettled(calculator), 'problem');
  assert.equal(await calculator.inputValue(balance), '三百');
  assert.equal(await calculator.inputValue('[data-path="/household/people/1/age"]'), '七十');
  await calculator.close();
  await page.close();
});

// Walk 60 #12: a household link cut short by a chat app, or damaged, showed the example family
// without a word, and the one who opened it took it for the sender's plan. It now says the link
// cannot be read, as the calculator does; a whole link says nothing of the kind.
test('a household link that cannot be read says so above the example; a whole one does not', async () => {
  const whole = encode({
    household: {
      people: [
        {
          id: 'a',
          role: 'self',
          age: 40,
          scheme: 'employee',
          region: '110000',
          balance_fen: 300000,
        },
      ],
    },
  });
  for (const hash of [`#h=${whole.slice(0, whole.length - 7)}`, '#h=zzz', '#h=']) {
    const page = await householdPage(hash);
    assert.match(await page.textContent('#broken-link'), /链接无法读取/, hash);
    assert.ok(await page.$('#example-note'), `${hash}: the example is marked as one`);
    await page.close();
  }
  const page = await householdPage(`#h=${whole}`);
  assert.equal(await page.$('#broken-link'), null);
  await page.close();
});

// Walk 60 #5: the household form, the longest on the site, was lost on every new visit. Its own
// 记住 keeps it on this device, names and all; unticked, it is deleted and the example is back.
test('a household kept with 记住 is there on the next visit; unticked, it is gone', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const open = async () => {
    await page.goto(`${site.origin}/household.html`);
    assert.equal(await planSettled(page), 'answer');
  };
  await open();
  assert.ok(await page.$('#example-note'), 'the example at first');
  assert.equal(await page.isChecked('#remember-household'), false, 'nothing kept unasked');
  await page.fill('[data-path="/household/people/0/balance_fen"]', '7777');
  await page.fill('[data-path="/household/people/0/name"]', '爸爸');
  assert.equal(await planSettled(page), 'answer');
  await page.check('#remember-household');
  assert.match(await page.textContent('#household-status'), /已记住/);
  await open();
  assert.equal(await page.inputValue('[data-path="/household/people/0/balance_fen"]'), '7777');
  assert.equal(await page.inputValue('[data-path="/household/people/0/name"]'), '爸爸');
  assert.equal(await page.$('#example-note'), null, 'not the example');
  assert.equal(await page.isChecked('#remember-household'), true);
  await page.uncheck('#remember-household');
  await open();
  assert.ok(await page.$('#example-note'), 'the example again once forgotten');
  await context.close();
});

test('the example household can be cleared to one blank card for the user, with nothing of the example left (walk 63)', async () => {
  const page = await householdPage();
  await page.click('#clear-example');
  assert.equal(await page.locator('#example-note').count(), 0);
  assert.equal(await page.locator('.person-form').count(), 1);
  const values = await page.$$eval(
    '#household-form input[data-path^="/household/people"]',
    (inputs) => inputs.map((input) => input.value),
  );
  assert.ok(
    values.every((value) => value === ''),
    values.join(' | '),
  );
  assert.equal(
    await page.$eval('#household-form [data-path="/household/people/0/role"]', (e) => e.value),
    'self',
  );
  assert.ok(
    await page.evaluate(() => document.activeElement?.closest('.person-form') !== null),
    'the card has the focus',
  );
  await page.waitForFunction(() =>
    /已清空示例/.test(document.querySelector('#people-status').textContent),
  );
  await page.close();
});

test('a person removed on the household page can be taken back, to the same place with what was typed, and the focus in the card (walk 63)', async () => {
  const page = await householdPage();
  const ages = () =>
    page.$$eval('#household-form input[data-path$="/age"]', (inputs) => inputs.map((i) => i.value));
  const before = await ages();
  await page.fill('[data-path="/household/people/1/age"]', '41');
  await page.locator('.person-form').nth(1).locator('fieldset > button').click();
  assert.equal((await ages()).length, before.length - 1);
  await page.waitForSelector('#people-status button.undo');
  assert.match(await page.textContent('#people-status'), /已删除成员 2/);
  await page.click('#people-status button.undo');
  const restored = await ages();
  assert.deepEqual(restored, [before[0], '41', ...before.slice(2)]);
  assert.ok(
    await page.evaluate(
      () =>
        document.activeElement?.closest('.person-form') ===
        document.querySelectorAll('.person-form')[1],
    ),
    'the focus is in the card taken back',
  );
  await page.waitForFunction(() =>
    /已恢复/.test(document.querySelector('#people-status').textContent),
  );
  assert.equal(await page.locator('#people-status button.undo').count(), 0);
  await page.close();
});

test('the tier warning names whose tier is not chosen yet, each a way to the field (walk 65)', async () => {
  const household = {
    as_of: '2026-06-01',
    household: {
      people: [
        {
          id: 'p1',
          role: 'self',
          age: 35,
          scheme: 'employee',
          region: '440300',
          balance_fen: 200000,
        },
        { id: 'p2', role: 'spouse', age: 33, scheme: 'employee', balance_fen: 600000 },
        { id: 'p3', role: 'child', age: 6, scheme: 'resident' },
      ],
    },
  };
  const page = await householdPage(`#h=${encode(household)}`);
  const tier = (i) => page.locator(`[data-path="/household/people/${i}/tier"]`);
  const named = page.locator('[data-code="holder.tier_missing"] .tier-missing button');
  await named.nth(1).waitFor();
  assert.equal(await named.count(), 2, 'both earners, once their tier fields are asked');
  await tier(1).selectOption('2');
  assert.equal(await planSettled(page), 'answer');
  assert.equal(await named.count(), 1);
  await named.click();
  assert.equal(
    await page.evaluate(() => document.activeElement?.dataset.path),
    '/household/people/0/tier',
  );
  await page.close();
});
