// Every file the site ships, raw, gzip and brotli; and what the first result needs.
// Writes build/bench/sizes.json and prints a table.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { siteFiles } from '../scripts/site-files.mjs';
import { staticImports } from '../scripts/static-imports.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'build/web');
// What the first answer needs besides the page and its scripts: the calculator's module (no
// household planner), the calculator's rules' base with the page's language's texts (English:
// en.calculator.bin), and the
// part of the province of the first answer's place (北京, the page's first region).
const DATA = [
  'gongji-calculator.wasm',
  'gongji-rules/zh-CN.calculator.bin',
  'gongji-rules/110000.bin',
];
// Loaded before the first answer appears (regions.json, icons and the manifest come later): the
// page, its styles, every script its module script loads before it runs, and the data. Read from
// the built page, so that no file is left out of the count.
const index = readFileSync(join(site, 'index.html'), 'utf8');
const entry = index.match(/<script type="module" src="([^"]+)">/)[1];
// The styles the first paint waits for: not the printout's (media="print"), which the browser loads
// without holding the page.
const styles = [...index.matchAll(/<link rel="stylesheet" href="([^"]+)"( media="print")?>/g)]
  .filter((m) => !m[2])
  .map((m) => m[1]);
export const FIRST_RESULT = [
  'index.html',
  ...styles,
  ...(await staticImports(site, entry)),
  ...DATA,
];
// What a host page loads for the widget's first answer: its script's, its styles and the data.
const WIDGET = ['styles.css', ...(await staticImports(site, 'widget.js')), ...DATA];

const sizes = Object.fromEntries(
  siteFiles(site).map((path) => {
    const bytes = readFileSync(join(site, path));
    return [
      path,
      {
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          .length,
      },
    ];
  }),
);
const sum = (names, key) =>
  names.reduce((total, name) => {
    if (!sizes[name]) throw new Error(`${name} is not in the site: update FIRST_RESULT`);
    return total + sizes[name][key];
  }, 0);
const all = Object.keys(sizes);
const result = {
  files: sizes,
  total: { raw: sum(all, 'raw'), gzip: sum(all, 'gzip'), brotli: sum(all, 'brotli') },
  first_result: {
    raw: sum(FIRST_RESULT, 'raw'),
    gzip: sum(FIRST_RESULT, 'gzip'),
    brotli: sum(FIRST_RESULT, 'brotli'),
  },
  widget: { raw: sum(WIDGET, 'raw'), gzip: sum(WIDGET, 'gzip'), brotli: sum(WIDGET, 'brotli') },
  first_result_files: FIRST_RESULT,
};
mkdirSync(join(root, 'build/bench'), { recursive: true });
writeFileSync(join(root, 'build/bench/sizes.json'), `${JSON.stringify(result, null, 1)}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('file'.padEnd(28), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const [name, s] of Object.entries(sizes))
  console.log(
    name.padEnd(28),
    kb(s.raw).padStart(10),
    kb(s.gzip).padStart(10),
    kb(s.brotli).padStart(10),
  );
for (const key of ['total', 'first_result'])
  console.log(
    key.padEnd(28),
    kb(result[key].raw).padStart(10),
    kb(result[key].gzip).padStart(10),
    kb(result[key].brotli).padStart(10),
  );
console.log(
  'widget (what a host page loads)'.padEnd(28),
  kb(result.widget.raw).padStart(10),
  kb(result.widget.gzip).padStart(10),
);
