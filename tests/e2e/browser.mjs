// Headless Chromium (Debian's) driven by playwright-core, against build/web served on loopback.
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { ASCII_BESIDE_CHINESE } from '../node/answer-properties.mjs';

export const siteDir = fileURLToPath(new URL('../../build/web', import.meta.url));

// Flags that keep Chromium quiet on a machine with no network but loopback.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function openSite() {
  const server = await startServer(siteDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext();
  const requests = [];
  const problems = [];
  context.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method() }),
  );
  async function newPage(viewport = { width: 390, height: 844 }) {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    return page;
  }
  async function close() {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  return { origin, browser, context, newPage, requests, problems, close };
}

/**
 * Waits until the answer shown is final — no evaluation scheduled or in flight (the results'
 * data-state, set by web/calculator-ui.js) — and returns how it ended: "answer", "problem" or
 * "failed". `scope` selects a widget's calculator, e.g. 'gongji-calculator'.
 */
export async function settled(page, scope = '') {
  const results = `${scope} #results:not([data-state="busy"])`.trim();
  return (await page.waitForSelector(results, { state: 'attached' })).getAttribute('data-state');
}

/** Types into a region combobox and picks the first match. */
export async function pickRegion(page, selector, query) {
  await page.fill(selector, query);
  await page.waitForSelector(`${selector} ~ [role=listbox] [role=option][aria-selected=true]`);
  await page.press(selector, 'Enter');
}

/**
 * Fills the form like a person would; `family` mirrors the contract's request in page units (yuan).
 */
export async function enterFamily(page, family) {
  if (family.asOf) await page.fill('[data-path="/as_of"]', family.asOf);
  await pickRegion(page, '#holder-region', family.regionQuery);
  if (family.scheme) await page.selectOption('[data-path="/holder/scheme"]', family.scheme);
  await page.fill('[data-path="/holder/balance_fen"]', family.balance);
  if (family.priorYears)
    await page.fill('[data-path="/holder/prior_years_balance_fen"]', family.priorYears);
  for (const [i, member] of (family.members ?? []).entries()) {
    await page.click('#add-member');
    await page.fill(`[data-path="/members/${i}/name"]`, member.name);
    await page.selectOption(`[data-path="/members/${i}/relation"]`, member.relation);
    await page.fill(`[data-path="/members/${i}/age"]`, String(member.age));
    await page.selectOption(`[data-path="/members/${i}/scheme"]`, member.scheme);
    if (member.regionQuery)
      await pickRegion(page, `[data-path="/members/${i}/region"]`, member.regionQuery);
    if (member.ownBalance)
      await page.fill(`[data-path="/members/${i}/own_balance_fen"]`, member.ownBalance);
  }
  for (const [i, expense] of (family.expenses ?? []).entries()) {
    await page.click('#add-expense');
    await page.selectOption(`[data-path="/expenses/${i}/member"]`, { label: expense.member });
    await page.selectOption(`[data-path="/expenses/${i}/kind"]`, expense.kind);
    await page.fill(`[data-path="/expenses/${i}/amount_fen"]`, expense.amount);
  }
  await settled(page); // every change re-evaluates; the last one's answer is drawn
}

/** A member's card in the answer, by the name (or label) in its heading. */
export function memberCard(page, name) {
  return page.locator('.member-result', { has: page.locator('h3', { hasText: name }) });
}

/**
 * The texts of the pictures under `selector` as drawn: each SVG text's font size times the
 * picture's scale on screen (a picture narrower than its viewBox shrinks its letters), smallest
 * first, as [size in px, text].
 */
export function drawnTextSizes(page, selector) {
  return page.$$eval(`${selector} svg text`, (texts) =>
    texts
      .filter((text) => text.textContent.trim() && text.getClientRects().length > 0)
      .map((text) => {
        const scale = text.ownerSVGElement.getScreenCTM().a;
        const size = parseFloat(getComputedStyle(text).fontSize) * scale;
        return [Math.round(size * 10) / 10, text.textContent];
      })
      .sort((a, b) => a[0] - b[0]),
  );
}

/**
 * The lines of an element's text as drawn, each a string (spaces trimmed): every character's box,
 * grouped by its top. Runs in the page, e.g. `locator.evaluate(drawnLines)`.
 */
export function drawnLines(element) {
  const lines = new Map();
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = element.ownerDocument.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box || box.width === 0) continue;
      const top = Math.round(box.top);
      lines.set(top, (lines.get(top) ?? '') + node.data[i]);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text.trim());
}

/**
 * The lines (from drawnLines) of `text` that do not end between two of its words, where words are
 * separated by spaces or zero-width spaces (U+200B, the .whole-words convention): "家里不止一位 /
 * 职工医保参保人？" is whole, "两位职 / 工医保" is not. The lines must make up the whole text. []
 * where every line ends between words.
 */
export function linesBrokenInsideWords(lines, text) {
  const compact = (s) => s.replace(/[\u200b ]/g, '');
  if (lines.map(compact).join('') !== compact(text)) return [`not the text: ${lines.join(' / ')}`];
  const ends = new Set();
  let at = 0;
  for (const word of text.split(/[\u200b ]+/)) ends.add((at += word.length));
  at = 0;
  return lines.filter((line) => !ends.has((at += compact(line).length)));
}

/**
 * What large type (长辈模式) must not have, with every 更多 and reason opened so that all text is
 * measured: a text under 18 px, a text beyond the screen's edges, a page that scrolls sideways.
 * Pictures are checked as drawn (drawnTextSizes). [] where there is none.
 */
export async function largeTypeProblems(page) {
  await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  return page.evaluate(() => {
    const found = new Set();
    // The calculator, and the link to the household plan below it (outside it: walk 43).
    const nodes = [];
    for (const root of document.querySelectorAll('.gongji-app, .household-path')) {
      const walker = document.createTreeWalker(root, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    }
    for (const node of nodes) {
      if (!node.textContent.trim()) continue;
      const element = node.parentElement;
      // Not shown: pictures (checked as drawn), the printout's own parts, a screen reader's text.
      if (element.closest('svg, .print-only, .print-members, [hidden], .visually-hidden')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || element.getClientRects().length === 0) continue;
      const what = `${element.tagName}.${element.className}`;
      if (parseFloat(style.fontSize) < 18) found.add(`${what} at ${style.fontSize}`);
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects())
        if (box.right > innerWidth + 0.5 || box.left < -0.5)
          found.add(`${what} beyond the screen: ${node.textContent.slice(0, 20)}`);
    }
    const width = document.scrollingElement.scrollWidth;
    if (width > innerWidth) found.add(`the page scrolls sideways to ${width} px`);
    // Tick boxes and source links are targets of at least 24 px (WCAG 2.5.8) in large type.
    for (const target of document.querySelectorAll(
      '.gongji-app input[type=checkbox], .gongji-app .cite a',
    )) {
      const box = target.getBoundingClientRect();
      if (box.width === 0 || target.closest('[hidden], .print-only')) continue;
      if (box.width < 24 || box.height < 24)
        found.add(`${target.tagName}.${target.className} is ${box.width}×${box.height} px`);
    }
    return [...found];
  });
}

/**
 * What a picture (an SVG element) must not have, as drawn: a text outside the picture, a name
 * (.node-label) outside every shape (rect or circle), texts or shapes overlapping, a line
 * (.link, followed point by point with its stroke's width) through a text. Runs in the page, e.g.
 * `page.$eval('svg', pictureProblems)`. [] where there is none.
 */
export function pictureProblems(picture) {
  const found = new Set();
  const [, , width, height] = picture.getAttribute('viewBox').split(' ').map(Number);
  const within = (a, b) =>
    a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
  const meet = (a, b, slack = 0) =>
    a.x - slack < b.x + b.width &&
    b.x < a.x + a.width + slack &&
    a.y - slack < b.y + b.height &&
    b.y < a.y + a.height + slack;
  const texts = [...picture.querySelectorAll('text')].map((t) => [t.textContent, t.getBBox()]);
  for (const [text, box] of texts)
    if (!within(box, { x: 0, y: 0, width, height })) found.add(`outside the picture: ${text}`);
  const shapes = [...picture.querySelectorAll('rect, circle')].map((r) => r.getBBox());
  for (const label of picture.querySelectorAll('.node-label'))
    if (!shapes.some((shape) => within(label.getBBox(), shape)))
      found.add(`outside its shape: ${label.textContent}`);
  texts.forEach(([a, boxA], i) =>
    texts.slice(i + 1).forEach(([b, boxB]) => {
      if (meet(boxA, boxB)) found.add(`texts overlap: ${a} / ${b}`);
    }),
  );
  shapes.forEach((a, i) =>
    shapes.slice(i + 1).forEach((b) => {
      if (meet(a, b)) found.add('shapes overlap');
    }),
  );
  for (const line of picture.querySelectorAll('.link')) {
    const half = parseFloat(getComputedStyle(line).strokeWidth) / 2;
    for (let at = 0; at <= line.getTotalLength(); at += 1) {
      const { x, y } = line.getPointAtLength(at);
      for (const [text, box] of texts)
        if (meet({ x, y, width: 0, height: 0 }, box, half)) found.add(`a line crosses ${text}`);
    }
  }
  return [...found];
}

/**
 * ASCII punctuation beside Chinese as the page shows it (a bracket, comma, semicolon, colon,
 * question or exclamation mark next to a Chinese character: "14号 (2021-04-22 · 官方)"): Chinese
 * text takes the full-width （），；：？！. Each finding with a little of its context; [] where
 * there is none. Folded details are opened first, so their text counts too.
 */
export async function asciiInChinese(page) {
  await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
  const text = await page.evaluate(() => document.querySelector('.gongji-app').innerText);
  const beside = new RegExp(`.{0,12}(${ASCII_BESIDE_CHINESE.source}).{0,12}`, 'g');
  return text.match(beside) ?? [];
}

/** How many pages a PDF from page.pdf() has. */
export function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
