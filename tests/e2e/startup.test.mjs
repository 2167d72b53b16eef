// How the page starts: the header paints from index.html before any script; the module downloads
// and compiles as soon as its client script loads, and the first answer is computed on the page
// itself, with no worker on its path; and when answers race, the newest request's answer is shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openSite, settled } from './browser.mjs';
import { TEXTS } from '../../web/i18n.js';
import { EN_TEXTS } from '../../web/i18n-en.js';

let site;
before(async () => {
  site = await openSite();
});
after(async () => {
  await site?.close();
});

// A browser context of its own (its own routes, init scripts and storage), closed afterwards.
async function inNewContext(body, options = {}) {
  const context = await site.browser.newContext(options);
  try {
    return await body(context);
  } finally {
    await context.close();
  }
}

// Holds back, until release(), the requests of `context` matching `pattern` that the page did not
// preload (what it loads later than its first answer); `held` lists their paths.
async function holdLater(context, pattern) {
  let release;
  const released = new Promise((done) => {
    release = done;
  });
  const held = [];
  await context.route(pattern, async (route) => {
    const preloaded = await route
      .request()
      .frame()
      ?.page()
      .evaluate(
        (url) =>
          [...document.querySelectorAll('link[rel=modulepreload]')].some(
            (link) => link.href === url,
          ),
        route.request().url(),
      )
      .catch(() => false);
    if (!preloaded) {
      held.push(new URL(route.request().url()).pathname);
      await released;
    }
    await route.continue();
  });
  return { held, release };
}

// Init scripts: count WebAssembly instantiations and compilations on the page; refuse compiling.
function countWebAssemblyCalls() {
  window.instantiations = 0;
  window.compilations = 0;
  const counters = {
    instantiate: 'instantiations',
    instantiateStreaming: 'instantiations',
    compileStreaming: 'compilations',
  };
  for (const [name, counter] of Object.entries(counters)) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => {
      window[counter] += 1;
      return original(...args);
    };
  }
}
function refuseCompiling() {
  WebAssembly.compileStreaming = () =>
    Promise.reject(new WebAssembly.CompileError('refused for the test'));
}
// Every element of the header: tag, id, classes, language and own text.
const headerShape = () =>
  [...document.querySelectorAll('.site-header, .site-header *')].map((element) => [
    element.tagName,
    element.id,
    element.className,
    element.lang,
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join(''),
  ]);

test('with scripts off, the page already shows its title and tagline from index.html', async () => {
  let shell;
  await inNewContext(
    async (context) => {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      assert.equal(await page.textContent('h1#title'), TEXTS['zh-CN'].title);
      assert.equal(await page.textContent('#tagline'), TEXTS['zh-CN'].tagline);
      assert.ok(
        await page.isDisabled('.lang-toggle'),
        'the switch does nothing until the page runs',
      );
      shell = await page.evaluate(headerShape);
    },
    { javaScriptEnabled: false },
  );
  // The header written at build time (scripts/page-shell.mjs) is the one the calculator draws.
  const live = await site.newPage();
  await live.goto(`${site.origin}/`);
  await live.waitForSelector('#summary');
  assert.deepEqual(await live.evaluate(headerShape), shell);
  await live.close();
});

test('the first answer is computed on the page: one compile, one instantiation, no worker', async () => {
  await inNewContext(
    async (context) => {
      const fetched = [];
      context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      const page = await context.newPage();
      await page.addInitScript(countWebAssemblyCalls);
      await page.goto(`${site.origin}/`);
      await page.waitForSelector('#summary');
      assert.match(await page.textContent('#summary'), /3,000.00 元/);
      assert.equal(page.workers().length, 0, 'no worker is started');
      assert.equal(await page.evaluate(() => window.compilations), 1);
      assert.equal(await page.evaluate(() => window.instantiations), 1);
      // The note under the region (its coverage, asked of the module after the answer) needs
      // 北京's part only: every province's rules (all.bin) are never downloaded.
      await page.waitForFunction(() => document.querySelector('#coverage-note')?.textContent);
      // The texts the first answer did not need come after it (wasm/first-answers.json).
      const texts = '/gongji-rules/zh-CN.calculator.texts.bin';
      await page.waitForFunction(
        (name) => performance.getEntriesByName(name).length,
        site.origin + texts,
      );
      const [requested, answered] = await page.evaluate(
        (name) => [
          performance.getEntriesByName(name)[0].startTime,
          performance.getEntriesByName('gongji:first-result')[0].startTime,
        ],
        site.origin + texts,
      );
      assert.ok(
        requested > answered,
        `texts asked for at ${requested} ms, answer at ${answered} ms`,
      );
      assert.deepEqual(
        fetched
          .filter((path) =>
            /gongji-((core|calculator)\.wasm|policies\..*bin|rules\/.*bin)$/.test(path),
          )
          .sort(),
        [
          '/gongji-calculator.wasm',
          '/gongji-rules/110000.bin',
          '/gongji-rules/zh-CN.calculator.bin',
          texts,
        ],
        "each downloaded once: the calculator's rules' base with the Chinese texts of the first answer only, 北京's part, then the other texts",
      );
    },
    { serviceWorkers: 'block' },
  );
});

test("the calculator page loads the module without the household planner and the rules without the plan's texts; the household page the whole ones, once", async () => {
  for (const [path, ready, module, base] of [
    ['/', '#summary', '/gongji-calculator.wasm', '/gongji-rules/zh-CN.calculator.bin'],
    [
      '/household.html',
      '#plan-results[data-state="answer"]',
      '/gongji-core.wasm',
      '/gongji-rules/zh-CN.bin',
    ],
  ]) {
    await inNewContext(
      async (context) => {
        const fetched = [];
        context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
        const page = await context.newPage();
        await page.goto(`${site.origin}${path}`);
        await page.waitForSelector(ready, { state: 'attached' });
        assert.deepEqual(
          fetched.filter((name) => name.endsWith('.wasm')),
          [module],
          path,
        );
        // (The calculator's other texts follow its first answer, tested above.)
        assert.deepEqual(
          fetched.filter((name) => /gongji-rules\/(zh-CN|en)(\.calculator)?\.bin$/.test(name)),
          [base],
          path,
        );
      },
      { serviceWorkers: 'block' },
    );
  }
});

test("the rules and the page's texts come in the page's language only; English ones once the user switches", async () => {
  await inNewContext(
    async (context) => {
      const rules = [];
      const scripts = [];
      const englishIn = [];
      context.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        // The bases (their texts parts follow each one's first answer).
        if (/gongji-(policies|rules\/(zh-CN|en)(\.calculator)?\.bin$)/.test(path)) rules.push(path);
        if (/\.m?js$/.test(path)) scripts.push(path);
      });
      context.on('response', async (response) => {
        const path = new URL(response.url()).pathname;
        if (/\.m?js$/.test(path) && (await response.text()).includes(EN_TEXTS.householdPath))
          englishIn.push(path);
      });
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForSelector('#summary');
      assert.equal(await settled(page), 'answer');
      assert.deepEqual(rules, ['/gongji-rules/zh-CN.calculator.bin']);
      // Before the first answer: the page's script, the module's glue in it, and the chunk it
      // shares with the code that draws a family (which, like the links' code and the region
      // search, comes after the answer, or when a place is typed).
      const beforeAnswer = await page.evaluate(() => {
        const answered = performance.getEntriesByName('gongji:first-result')[0].startTime;
        return performance
          .getEntriesByType('resource')
          .filter((entry) => /\.m?js$/.test(entry.name) && entry.startTime < answered)
          .map((entry) => new URL(entry.name).pathname);
      });
      assert.deepEqual(
        beforeAnswer.filter((path) => !/^\/chunk-[A-Z0-9]+\.js$/.test(path)),
        ['/app.js'],
        "the page's script, the module's glue in it",
      );
      // The chunks before the answer are those index.html preloads, and no more.
      const preloaded = await page.evaluate(() =>
        [...document.querySelectorAll('link[rel=modulepreload]')].map(
          (link) => `/${link.getAttribute('href')}`,
        ),
      );
      assert.deepEqual(beforeAnswer.sort(), preloaded.sort());
      assert.deepEqual(englishIn, [], 'no English texts for a Chinese page');
      const chineseScripts = scripts.length;
      await page.click('#lang-toggle');
      await page.waitForFunction(() =>
        /^Shareable/.test(document.getElementById('summary')?.textContent ?? ''),
      );
      assert.equal(await settled(page), 'answer');
      assert.match(await page.textContent('#summary'), /3,000\.00/);
      assert.equal(await page.textContent('h1#title'), EN_TEXTS.title);
      assert.deepEqual(rules, [
        '/gongji-rules/zh-CN.calculator.bin',
        '/gongji-rules/en.calculator.bin',
      ]);
      assert.equal(scripts.length, chineseScripts + 1, `one script more: ${scripts}`);
      assert.deepEqual(englishIn, [scripts.at(-1)], 'the one with the English texts');
      // Back to Chinese: its rules are still here, nothing is downloaded again.
      await page.click('#lang-toggle');
      await page.waitForFunction(() =>
        /可共济/.test(document.getElementById('summary')?.textContent ?? ''),
      );
      assert.equal(await settled(page), 'answer');
      assert.equal(rules.length, 2);
      assert.equal(scripts.length, chineseScripts + 1);
    },
    { serviceWorkers: 'block' },
  );
});

test('the module and the rules are asked for while the page starts, and the page script is preloaded', async () => {
  await inNewContext(
    async (context) => {
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForSelector('#summary');
      const order = await page.evaluate(() => {
        const started = (name) =>
          performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(name))
            ?.startTime;
        return {
          wasm: started('/gongji-calculator.wasm'),
          rules: started('/gongji-rules/zh-CN.calculator.bin'),
          part: started('/gongji-rules/110000.bin'),
          formBuilt: performance.getEntriesByName('gongji:first-result')[0]?.startTime,
          preloads: [...document.querySelectorAll('link[rel=modulepreload]')].map((link) =>
            link.getAttribute('href'),
          ),
        };
      });
      assert.ok(order.wasm < order.formBuilt, 'the .wasm was requested before the first answer');
      assert.ok(order.rules < order.formBuilt, 'the rules were requested before the first answer');
      assert.ok(
        order.part < order.formBuilt,
        "北京's rules were requested before the first answer",
      );
      // The page's script, with the glue (the scripts are bundled: scripts/bundle-site.mjs), and
      // the chunk it shares with the code that draws a family (loaded later).
      assert.equal(order.preloads[0], 'app.js');
      assert.equal(order.preloads.length, 2, `${order.preloads}`);
    },
    { serviceWorkers: 'block' },
  );
});

test('where the page may not compile WebAssembly by streaming, the calculator loads it itself', async () => {
  await inNewContext(async (context) => {
    const page = await context.newPage();
    await page.addInitScript(countWebAssemblyCalls);
    await page.addInitScript(refuseCompiling);
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    assert.match(await page.textContent('#summary'), /3,000.00 元/);
    assert.equal(
      await page.evaluate(() => window.instantiations),
      1,
      'instantiated from the bytes',
    );
  });
});

test('typing fast, the answer shown is the one for the last value typed', async () => {
  const page = await site.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('#summary');
  const balance = '[data-path="/holder/balance_fen"]';
  await page.fill(balance, '');
  await page.type(balance, '98765', { delay: 0 });
  // Settled: the answer to every value typed has come back, so a late one would show by now.
  assert.equal(await settled(page), 'answer');
  assert.match(await page.textContent('#summary'), /98,765\.00 元/);
  await page.close();
});

test('if the rules cannot be downloaded, the page says so instead of waiting forever', async () => {
  await inNewContext(async (context) => {
    await context.route('**/gongji-rules/*.bin', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const alert = await page.waitForSelector('#results-body [role=alert]', { timeout: 15000 });
    assert.equal(await alert.textContent(), TEXTS['zh-CN'].loadFailed);
  });
});

test('if the region list fails to load once, the region field asks for it again when typed in', async () => {
  await inNewContext(async (context) => {
    let refused = 0;
    await context.route('**/regions.json', (route) =>
      refused++ === 0 ? route.fulfill({ status: 503, body: 'busy' }) : route.continue(),
    );
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForSelector('#summary');
    await page.fill('#holder-region', 'zz');
    await page.waitForSelector('#holder-region ~ [role=listbox] [role=option]');
    assert.match(await page.textContent('#holder-region ~ [role=listbox] [role=option]'), /郑州/);
    assert.ok(refused >= 2, 'the list was asked for again');
  });
});

test("a relative added before the rules' other texts and the family's code are in waits for them, and is answered in full", async () => {
  await inNewContext(
    async (context) => {
      // The texts part and every chunk loaded after the first answer are held until released.
      const { held, release } = await holdLater(
        context,
        /gongji-rules\/zh-CN\.calculator\.texts\.bin$|\/chunk-[A-Z0-9]+\.js$/,
      );
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForSelector('#summary');
      assert.equal(await settled(page), 'answer');
      await page.click('#add-member');
      await page.fill('[data-path="/members/0/age"]', '58');
      // The answer for the spouse waits: the one shown is still the holder's alone.
      await page.waitForFunction(
        () => document.querySelector('#results')?.getAttribute('data-state') === 'busy',
      );
      assert.equal(await page.locator('.member-result').count(), 0);
      assert.ok(held.includes('/gongji-rules/zh-CN.calculator.texts.bin'), `${held}`);
      release();
      assert.equal(await settled(page), 'answer');
      assert.equal(await page.locator('.member-result').count(), 1);
      const answer = await page.textContent('#results');
      assert.doesNotMatch(answer, /\b(member|holder|expense|warning|change)\.[a-z_]+/);
      assert.doesNotMatch(answer, /texts not loaded|说明文字尚未载入/);
    },
    { serviceWorkers: 'block' },
  );
});

// Walk 45: the place field stayed empty, beside an answer for 北京, until the region list came.
// The rules name the place once its answer is in; a link's place, in English, the same.
test('the place field names its place from the rules while the region list is still coming', async () => {
  const request = {
    as_of: '2026-06-01',
    lang: 'en',
    holder: { region: '410100', scheme: 'employee', balance_fen: 300000 },
    members: [],
  };
  const link = Buffer.from(JSON.stringify(request)).toString('base64url');
  for (const [path, shown] of [
    ['/', '北京市'],
    [`/?lang=en#r=${link}`, 'Zhengzhou (Henan)'],
  ]) {
    await inNewContext(
      async (context) => {
        const { held, release } = await holdLater(context, /\/regions\.json$/);
        const page = await context.newPage();
        await page.goto(`${site.origin}${path}`);
        assert.equal(await settled(page), 'answer');
        await page.waitForFunction(
          (text) => document.querySelector('#holder-region')?.value === text,
          shown,
        );
        assert.deepEqual(held, ['/regions.json']);
        release();
        assert.equal(await page.inputValue('#holder-region'), shown);
      },
      { serviceWorkers: 'block' },
    );
  }
});

test('a page opened in English by its address (?lang=en) downloads only the English rules', async () => {
  await inNewContext(
    async (context) => {
      const rules = [];
      context.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (/gongji-rules\/(zh-CN|en)(\.calculator)?\.bin$/.test(path)) rules.push(path);
      });
      const page = await context.newPage();
      await page.goto(`${site.origin}/?lang=en`);
      await page.waitForFunction(() =>
        /^Shareable/.test(document.getElementById('summary')?.textContent ?? ''),
      );
      assert.equal(await settled(page), 'answer');
      assert.deepEqual(rules, ['/gongji-rules/en.calculator.bin']);
    },
    { serviceWorkers: 'block' },
  );
});

test('a place typed and left before the place search came is never picked or put back unsaid', async () => {
  await inNewContext(
    async (context) => {
      const { release } = await holdLater(context, /\/chunk-[A-Z0-9]+\.js$/);
      const page = await context.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForSelector('#summary');
      await page.waitForFunction(() => document.getElementById('holder-region')?.value);
      await page.focus('#holder-region');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('zz');
      await page.keyboard.press('Enter'); // before the search is in: waits for it
      await page.keyboard.press('Tab'); // and the field is left before it comes
      release();
      // "zz" names several places: the note says so and that the place before still counts (the
      // Enter typed before the list came does not pick one once the field is left).
      await page.waitForFunction(
        () => document.querySelector('#holder-region ~ .region-note')?.textContent,
      );
      assert.match(await page.textContent('#holder-region ~ .region-note'), /zz/);
      assert.equal(await page.inputValue('#holder-region'), '北京市');
      assert.equal(await settled(page), 'answer');
      assert.match(await page.textContent('#summary'), /3,000\.00/);
      assert.match(await page.textContent('.answer-for'), /北京/);
    },
    { serviceWorkers: 'block' },
  );
});

// Init script: whether the region list (39 KB gzip, parsed on the main thread) was asked for
// before the first answer or plan was in the page.
function watchRegionList() {
  const original = window.fetch;
  window.regionListBeforeAnswer = null;
  window.fetch = (input, ...rest) => {
    if (String(input?.url ?? input).endsWith('/regions.json')) {
      window.regionListBeforeAnswer ??= !document.querySelector('#summary, #plan-summary');
    }
    return original(input, ...rest);
  };
}

test('the region list is asked for once the first answer is in, on both pages, and the places are then named', async () => {
  for (const [path, field, shown] of [
    ['/', '#holder-region', '北京市'],
    ['/household.html', '[data-path="/household/people/0/region"]', null],
  ]) {
    await inNewContext(
      async (context) => {
        await context.addInitScript(watchRegionList);
        const page = await context.newPage();
        await page.goto(`${site.origin}${path}`);
        await page.waitForFunction(() => window.regionListBeforeAnswer !== null);
        assert.equal(
          await page.evaluate(() => window.regionListBeforeAnswer),
          false,
          `${path}: the region list waited for the first answer`,
        );
        if (shown) {
          await page.waitForFunction(
            ([selector, text]) => document.querySelector(selector)?.value === text,
            [field, shown],
          );
        } else {
          // The household example's places, named from the list once it is in.
          await page.waitForFunction(
            (selector) => document.querySelector(selector)?.value.trim().length > 0,
            field,
          );
        }
      },
      { serviceWorkers: 'block' },
    );
  }
});

// Init script: counts the frames drawn with the calculator's form but without its answer.
function countFormAloneFrames() {
  window.formAloneFrames = 0;
  const frame = () => {
    const answer = document.querySelector('#summary');
    if (document.querySelector('#form') && !answer) window.formAloneFrames += 1;
    if (!answer) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test('the page shows its shell until the form and the first answer are drawn together', async () => {
  await inNewContext(
    async (context) => {
      await context.addInitScript(countFormAloneFrames);
      const page = await context.newPage();
      await page.goto(site.origin);
      assert.equal(await settled(page), 'answer');
      assert.equal(await page.evaluate(() => window.formAloneFrames), 0);
    },
    { serviceWorkers: 'block' },
  );
});

test('the household page asks for the region list only once its first plan is drawn, even when the page is idle before it', async () => {
  await inNewContext(
    async (context) => {
      await context.addInitScript(watchRegionList);
      // The provinces' rules held back: the plan cannot be drawn, and the page goes idle.
      const { held, release } = await holdLater(context, /\/gongji-rules\/\d{6}\.bin$/);
      const page = await context.newPage();
      await page.goto(`${site.origin}/household.html`);
      await page.waitForSelector('[data-path="/household/people/0/age"]');
      await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle)));
      assert.ok(held.length > 0, 'a province part was held');
      assert.equal(await page.evaluate(() => window.regionListBeforeAnswer), null, 'not yet');
      release();
      await page.waitForFunction(() => window.regionListBeforeAnswer !== null);
      assert.equal(await page.evaluate(() => window.regionListBeforeAnswer), false);
    },
    { serviceWorkers: 'block' },
  );
});

test("a province's rules that do not come keep the page on its shell no longer than a moment: the form is drawn, and the answer waits", async () => {
  const request = {
    as_of: '2026-06-01',
    holder: { region: '440300', scheme: 'employee', balance_fen: 300000 },
    members: [{ id: 'm', relation: 'parent', age: 66, scheme: 'resident', region: '430100' }],
  };
  const link = Buffer.from(JSON.stringify(request)).toString('base64url');
  await inNewContext(
    async (context) => {
      const { held, release } = await holdLater(context, /\/gongji-rules\/430000\.bin$/);
      const page = await context.newPage();
      await page.goto(`${site.origin}/#r=${link}`);
      await page.waitForSelector('#form [data-path="/members/0/age"]');
      assert.deepEqual(held, ['/gongji-rules/430000.bin']);
      assert.equal(await page.isEnabled('#lang-toggle'), true);
      assert.equal(await page.locator('#summary').count(), 0, 'the answer waits for the rules');
      release();
      assert.equal(await settled(page), 'answer');
    },
    { serviceWorkers: 'block' },
  );
});
