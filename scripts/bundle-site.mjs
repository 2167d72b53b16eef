// Bundles the site's scripts in place (esbuild): each page's entry (app.js, household-page.js,
// widget.js) and the module's public entry (gongji.mjs) become one file each, with every module
// it imports, under the entry's name. One file per page rather than chunks shared between pages:
// gzip shares nothing between files, so the calculator page's scripts were 31.6 KB gzip as fifteen
// modules, 29.7 KB as four chunks shared with the other pages, and 23.9 KB as one file with the
// glue in it (README, "Performance"). Each page runs one entry, so module state (gongji.mjs's
// loaded module, the region list) stays one per page; what a page imports only when asked for (the
// English texts, the widget's household plan; on the calculator page the code that draws a family,
// the region search and the links' code, none of which its first answer needs) comes as chunks of
// that page's own build, and the code such a chunk shares with the entry as one more chunk, which
// the page preloads. Emscripten's glue (gongji-core.mjs) is not bundled: gongji.mjs instantiates
// the module itself from the names the glue uses (gongji-abi.mjs, scripts/core-abi.mjs); the file
// emcc wrote stays, unused by the pages, for those who drive the module directly
// (tests/node/split-rules.test.mjs).
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';

export const ENTRIES = ['app.js', 'household-page.js', 'widget.js', 'gongji.mjs'];
export const GLUE = 'gongji-core.mjs';
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;
const name = (path) => path.split('/').pop();

// One entry bundled: its outputs, the entry under its own name (esbuild writes every output as
// .js).
async function bundleEntry(dir, entry) {
  const { outputFiles } = await build({
    entryPoints: [join(dir, entry)],
    outdir: dir,
    write: false,
    bundle: true,
    // Chunks only for what a page imports when asked: the widget's household plan, the English
    // texts (i18n.js loadTexts).
    splitting: true,
    format: 'esm',
    minify: true,
    // Chinese as UTF-8, not \uXXXX escapes (six bytes a character instead of three: about a
    // kilobyte gzip of the first answer's texts). A module script is always read as UTF-8.
    charset: 'utf8',
    legalComments: 'none',
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
    // node:fs only under Node.js (gongji.mjs reads files that way there).
    external: ['node:*'],
  });
  return Promise.all(
    outputFiles.map(async (file) => ({
      name: name(file.path) === entry.replace(/\.mjs$/, '.js') ? entry : name(file.path),
      contents: await compressFurther(file.text),
    })),
  );
}

// terser after esbuild: its compressor joins and inlines more than esbuild's minifier (sequences,
// single-use constants, collapsed variables), 0.9 KB gzip less of the first answer's scripts
// (13,939 → 13,193 B for app.js); two passes and `unsafe` (the page overrides no built-in) 53 B
// more. Chinese stays UTF-8, as esbuild wrote it.
async function compressFurther(code) {
  const { code: smaller } = await minify(code, {
    module: true,
    compress: { passes: 2, unsafe: true },
    mangle: true,
    format: { ascii_only: false, comments: false },
  });
  return Buffer.from(smaller);
}

/**
 * Bundles the scripts of the site in `dir` (web/ copied there), removing the modules bundled;
 * returns the bytes of the scripts before and after.
 */
export async function bundleSite(dir) {
  for (const file of readdirSync(dir)) if (CHUNK.test(file)) rmSync(join(dir, file));
  const sources = readdirSync(dir).filter(
    (file) => /\.m?js$/.test(file) && file !== GLUE && file !== 'sw.js',
  );
  const before = sources.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  const outputs = [];
  for (const entry of ENTRIES) outputs.push(...(await bundleEntry(dir, entry)));
  for (const file of sources) rmSync(join(dir, file));
  for (const file of outputs) writeFileSync(join(dir, file.name), file.contents);
  return { before, after: outputs.reduce((sum, file) => sum + file.contents.length, 0) };
}
