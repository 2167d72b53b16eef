// Each page names every module its script imports statically (link rel=modulepreload), so the
// browser asks for the whole graph at once instead of discovering it one level of imports at a
// time: a module found late holds back calculator-client.js, which starts the .wasm download.
// The graph is esbuild's (a maintained parser) over the built site, static imports only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { root } from './helpers.mjs';

const site = join(root, 'build/web');

async function staticGraph(entry) {
  const { metafile } = await build({
    entryPoints: [join(site, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    external: ['node:*'], // gongji.mjs reads files this way under Node.js only
  });
  const inputs = Object.fromEntries(
    Object.entries(metafile.inputs).map(([path, input]) => [
      relative(site, join(process.cwd(), path)),
      input,
    ]),
  );
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const imported of inputs[file].imports) {
      if (imported.kind === 'import-statement')
        visit(relative(site, join(process.cwd(), imported.path)));
    }
  };
  visit(entry);
  return reached;
}

for (const page of ['index.html', 'household.html']) {
  test(`${page} preloads exactly the modules its script imports statically`, async () => {
    const html = readFileSync(join(site, page), 'utf8');
    const entry = html.match(/<script type="module" src="([^"]+)">/)[1];
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
      (match) => match[1],
    );
    const graph = await staticGraph(entry);
    assert.ok(graph.size > 3, `the graph of ${entry} was read (${[...graph]})`);
    assert.deepEqual(
      [...new Set(preloaded)].sort(),
      [...graph].sort(),
      `${page}: the modulepreload links and the static imports of ${entry}`,
    );
  });
}
