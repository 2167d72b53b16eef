// Every file the site ships, raw, gzip and brotli; and what the first result needs.
// Writes build/bench/sizes.json and prints a table.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { siteFiles } from '../scripts/site-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'build/web');
// Loaded before the first answer appears (regions.json, icons and the worker come later).
export const FIRST_RESULT = [
  'index.html',
  'styles.css',
  'app.js',
  'calculator-ui.js',
  'calculator-client.js',
  'dom.js',
  'i18n.js',
  'region-picker.js',
  'results.js',
  'share.js',
  'vocabulary.js',
  'gongji.mjs',
  'gongji-core.mjs',
  'gongji-calculator.wasm', // the calculator's module: no household planner
  // The rules' base with the page's language's texts (English: en.bin), and the part of the
  // province of the first answer's place (北京, the page's first region).
  'gongji-rules/zh-CN.bin',
  'gongji-rules/110000.bin',
];

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
  widget: {
    raw: sum(
      [
        ...FIRST_RESULT.filter((f) => !['index.html', 'app.js', 'share.js'].includes(f)),
        'widget.js',
      ],
      'raw',
    ),
    gzip: sum(
      [
        ...FIRST_RESULT.filter((f) => !['index.html', 'app.js', 'share.js'].includes(f)),
        'widget.js',
      ],
      'gzip',
    ),
  },
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
