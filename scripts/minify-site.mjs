// Minifies the site's styles in place (esbuild). The scripts are minified as they are bundled
// (bundle-site.mjs). The page's scripts and styles were 37 KB of the first answer's bytes,
// gzipped; comments and whitespace were a third of them.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { siteFiles } from './site-files.mjs';

const LOADERS = { '.css': 'css' };

/** Minifies every style of the site in `dir`; returns the bytes before and after. */
export function minifySite(dir) {
  let before = 0;
  let after = 0;
  for (const path of siteFiles(dir)) {
    const loader = LOADERS[extname(path)];
    if (!loader) continue;
    const file = join(dir, path);
    const source = readFileSync(file, 'utf8');
    const { code } = transformSync(source, {
      loader,
      minify: true,
      // Escaped, not UTF-8: a host page's own encoding (GBK) decodes a stylesheet it links that
      // has no @charset (review 56: the widget's ▸ and ☐).
      legalComments: 'none',
    });
    writeFileSync(file, code);
    before += Buffer.byteLength(source);
    after += Buffer.byteLength(code);
  }
  return { before, after };
}
