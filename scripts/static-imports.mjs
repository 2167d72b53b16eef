// The files a module script loads before it runs: itself and its static imports, transitively
// (not its dynamic import()s), read by esbuild (a maintained parser) from the built site.
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/** The paths (relative to `site`) that `entry` loads before it runs, itself first. */
export async function staticImports(site, entry) {
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
  const reached = [];
  const visit = (file) => {
    if (reached.includes(file)) return;
    reached.push(file);
    for (const imported of inputs[file].imports) {
      if (imported.kind === 'import-statement')
        visit(relative(site, join(process.cwd(), imported.path)));
    }
  };
  visit(entry);
  return reached;
}
