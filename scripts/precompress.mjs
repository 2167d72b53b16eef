// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9) beside every compressible file of the
// assembled site, as static hosts expect (nginx gzip_static/brotli_static, most CDNs); the served
// site then sends a third of the bytes. `node scripts/precompress.mjs OUT_DIR`.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { siteFiles } from './site-files.mjs';

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.wasm',
  '.svg',
  '.webmanifest',
  '.ts',
  '.txt',
  '.bin',
]);

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/precompress.mjs OUT_DIR');
  process.exit(2);
}
// Copies whose original is gone (a module bundled away, an old chunk) are removed: a static host
// would still serve them.
(function removeOrphans(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeOrphans(path);
    else if (/\.(br|gz)$/.test(entry.name) && !existsSync(path.slice(0, -3))) rmSync(path);
  }
})(out);
let before = 0;
let after = 0;
for (const path of siteFiles(out)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const file = join(out, path);
  const bytes = readFileSync(file);
  const copies = {
    '.br': brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    '.gz': gzipSync(bytes, { level: 9 }),
  };
  for (const [suffix, compressed] of Object.entries(copies)) {
    // A copy that saves nothing is not written (and a stale one is removed): the server sends the
    // original.
    if (compressed.length < bytes.length) writeFileSync(file + suffix, compressed);
    else rmSync(file + suffix, { force: true });
  }
  before += bytes.length;
  after += Math.min(bytes.length, copies['.br'].length);
}
console.log(`precompressed ${out}: ${before} bytes, ${after} with brotli`);
