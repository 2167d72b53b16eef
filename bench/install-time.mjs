// Instantiating the module and installing its rules, for two site builds taking turns in one
// Node process (paired, so that the machine's load falls on both alike), then one 5+5 call:
// `node bench/install-time.mjs DIR_A DIR_B [ROUNDS]`, DIR a build/web copy. Prints each build's
// median and the median of the per-round ratios B/A. Either build's rules may be the policy image
// (gongji-policies.bin) or the older text bundle (gongji-policies.txt).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const builds = process.argv.slice(2, 4).map((dir) => ({ dir }));
const rounds = Number(process.argv[4] ?? 21);
for (const build of builds) {
  build.create = (await import(pathToFileURL(`${build.dir}/gongji-core.mjs`).href)).default;
  build.module = await WebAssembly.compile(readFileSync(`${build.dir}/gongji-core.wasm`));
  const rules = ['gongji-policies.bin', 'gongji-policies.txt'].find((name) =>
    existsSync(`${build.dir}/${name}`),
  );
  build.rules = new Uint8Array(readFileSync(`${build.dir}/${rules}`));
  build.times = [];
  build.firstCall = [];
}
const request = new TextEncoder().encode(
  JSON.stringify(
    JSON.parse(readFileSync(new URL('families.json', import.meta.url), 'utf8'))[
      'members-5-expenses-5'
    ],
  ),
);
// The answer: UTF-16 from the builds since session 41 (wasm/bindings.cpp), UTF-8 before.
function answerText(core, at) {
  const size = core._gongji_answer_size();
  try {
    const text = new TextDecoder('utf-16le').decode(new Uint16Array(core.HEAPU8.buffer, at, size));
    JSON.parse(text);
    return text;
  } catch {
    return new TextDecoder().decode(core.HEAPU8.subarray(at, at + size));
  }
}
async function once(build) {
  const start = performance.now();
  const core = await build.create({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(build.module, imports).then((instance) => receive(instance));
      return {};
    },
  });
  const p = core._malloc(build.rules.length + 1);
  core.HEAPU8.set(build.rules, p);
  const r = core._gongji_load_policies(p, build.rules.length);
  const answer = answerText(core, r);
  if (!JSON.parse(answer).ok) throw new Error(answer);
  const installed = performance.now();
  const q = core._malloc(request.length + 1);
  core.HEAPU8.set(request, q);
  core._gongji_evaluate(q, request.length);
  build.times.push(installed - start);
  build.firstCall.push(performance.now() - installed);
}
for (let i = 0; i < rounds; i++)
  for (const build of i % 2 ? [...builds].reverse() : builds) await once(build);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
for (const build of builds)
  console.log(
    build.dir,
    'instantiate+install median',
    median(build.times).toFixed(1),
    'ms; first 5+5 call',
    median(build.firstCall).toFixed(2),
    'ms',
  );
const ratios = builds[1].times.map((t, i) => t / builds[0].times[i]);
console.log('paired ratio new/old', median(ratios).toFixed(3));
