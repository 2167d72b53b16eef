// Renders web/icon.svg to the PNG sizes browsers ask for (web/icons/), with headless Chromium.
// The maskable icon keeps the drawing inside the central 80% safe zone.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const svg = readFileSync(new URL('../web/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [name, size, padding] of [
  ['icon-192', 192, 0],
  ['icon-512', 512, 0],
  ['maskable-512', 512, 0.1],
]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(`<body style="margin:0;background:#0b5cad;display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`);
  await page.screenshot({
    path: new URL(`../web/icons/${name}.png`, import.meta.url).pathname,
    omitBackground: false,
  });
  console.log(`web/icons/${name}.png`);
}
await browser.close();
