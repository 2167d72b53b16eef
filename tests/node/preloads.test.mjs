// Each page names every module its script imports statically (link rel=modulepreload), so the
// browser asks for the whole graph at once instead of discovering it one level of imports at a
// time: a module found late holds back the code that starts the .wasm download. The graph is
// esbuild's (a maintained parser) over the built site, static imports only: since the scripts are
// bundled, the calculator page's entry alone, and the household page's with its English texts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { staticImports } from '../../scripts/static-imports.mjs';
import { root } from './helpers.mjs';

const site = join(root, 'build/web');

for (const page of ['index.html', 'household.html']) {
  test(`${page} preloads exactly the modules its script imports statically`, async () => {
    const html = readFileSync(join(site, page), 'utf8');
    const entry = html.match(/<script type="module" src="([^"]+)">/)[1];
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
      (match) => match[1],
    );
    const graph = await staticImports(site, entry);
    assert.equal(graph[0], entry, `the graph of ${entry} was read (${graph})`);
    // Bundled: each page runs its entry and the chunks it shares with what it loads later (the
    // calculator page: the code that draws a family; the household page: its English texts).
    assert.ok(
      graph.slice(1).every((file) => /^chunk-[A-Z0-9]+\.js$/.test(file)),
      `${graph}`,
    );
    // The calculator page: its entry and one chunk, shared with the code that draws a family.
    if (page === 'index.html') assert.equal(graph.length, 2, `${graph}`);
    assert.deepEqual(
      [...new Set(preloaded)].sort(),
      [...graph].sort(),
      `${page}: the modulepreload links and the static imports of ${entry}`,
    );
  });
}
