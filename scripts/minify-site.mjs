// Minifies the site's own scripts and styles in place (esbuild; no bundling: each file stays the
// module it was, with its imports, exports and names of exports). The page's scripts and styles
// were 37 KB of the first answer's bytes, gzipped; comments and whitespace were a third of them.
// Not the Emscripten glue (gongji-core.mjs: minified by emcc already) and not the service worker,
// which assemble-site.mjs writes from its template afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { siteFiles } from './site-files.mjs';

const LOADERS = { '.js': 'js', '.mjs': 'js', '.css': 'css' };
const KEEP = new Set(['gongji-core.mjs', 'sw.js']);

/** Minifies every script and style of the site in `dir`; returns the bytes before and after. */
export function minifySite(dir) {
  let before = 0;
  let after = 0;
  for (const path of siteFiles(dir)) {
    const loader = LOADERS[extname(path)];
    if (!loader || KEEP.has(path)) continue;
    const file = join(dir, path);
    const source = readFileSync(file, 'utf8');
    const { code } = transformSync(source, { loader, minify: true, legalComments: 'none' });
    writeFileSync(file, code);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
  }
  return { before, after };
}
