// The failed tests of a `node --test` TAP file, for the end of a long CI log (which is often read
// from its end only): `node scripts/failed-tests.mjs FILE`. Each leaf test that failed, with its
// file and line and the first lines of its error; not a group whose only error is that a subtest
// failed, nor a TODO. Prints nothing when none failed.
import { existsSync, readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file || !existsSync(file)) process.exit(0);
const lines = readFileSync(file, 'utf8').split('\n');
// Cut by characters, not bytes, so that Chinese is never cut inside a character.
const cut = (text, most = 200) => {
  const chars = [...text];
  return chars.length > most ? `${chars.slice(0, most).join('')}…` : text;
};
const failed = [];
for (let i = 0; i < lines.length; i++) {
  const head = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
  if (!head || /# TODO/.test(head[2])) continue;
  // The YAML block under it, up to its closing "...".
  const block = [];
  for (let j = i + 1; j < lines.length && !/^\s*\.\.\.\s*$/.test(lines[j]); j++) {
    block.push(lines[j]);
  }
  if (block.some((line) => /failureType: 'subtestsFailed'/.test(line))) continue;
  const location = block.find((line) => /^\s*location:/.test(line));
  const at = block.findIndex((line) => /^\s*error:/.test(line));
  const error = at < 0 ? [] : block.slice(at, at + 8).filter((line) => !/^\s*code:/.test(line));
  failed.push(
    [`not ok - ${head[2]}`, location, ...error].filter(Boolean).map((l) => cut(l.trim())),
  );
}
if (failed.length) {
  console.log(`node and browser tests that failed (${failed.length}):`);
  for (const lines of failed.slice(0, 10))
    console.log(lines.map((l, k) => (k ? `    ${l}` : `  ${l}`)).join('\n'));
  if (failed.length > 10) console.log(`  … and ${failed.length - 10} more (${file})`);
}
