// The functions of a .wasm by size, with their names from its name section (a build linked with
// --profiling-funcs): `node scripts/wasm-functions.mjs FILE.wasm [N] [--grep WORD]`. Prints the N
// largest (default 40) and the total of code bytes per name prefix that matters here (nlohmann,
// the policy loader, std::), to see what a module carries.
import { readFileSync } from 'node:fs';

const [file, count = '40', ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-functions.mjs FILE.wasm [N] [--grep WORD]');
  process.exit(2);
}
const filter = rest[0] === '--grep' ? rest[1] : undefined;
const bytes = readFileSync(file);
let at = 8;
const u32 = () => {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return value;
    shift += 7;
  }
};
const name = () => {
  const size = u32();
  const text = bytes.subarray(at, at + size).toString('utf8');
  at += size;
  return text;
};
let imported = 0;
const sizes = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        at++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else {
        at += 2;
      }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const body = u32();
      sizes.push(body);
      at += body;
    }
  } else if (id === 0 && name() === 'name') {
    while (at < end) {
      const sub = bytes[at++];
      const subSize = u32();
      const subEnd = at + subSize;
      if (sub === 1) {
        for (let n = u32(); n > 0; n--) {
          const index = u32();
          names.set(index, name());
        }
      }
      at = subEnd;
    }
  }
  at = end;
}
const functions = sizes
  .map((size, i) => ({ size, name: names.get(i + imported) ?? `#${i + imported}` }))
  .filter((f) => !filter || f.name.includes(filter))
  .sort((a, b) => b.size - a.size);
const total = functions.reduce((sum, f) => sum + f.size, 0);
console.log(
  `${functions.length} functions, ${total} bytes of code${filter ? ` matching ${filter}` : ''}`,
);
for (const f of functions.slice(0, Number(count))) console.log(String(f.size).padStart(7), f.name);
const groups = {
  nlohmann: /nlohmann/,
  'policy loader/checker/shape':
    /load_polic|Checker|check_shape|Shape|rule_kind_shape|PolicyProblem|describe/,
  'policy image reader': /ImageReader|read_policy_image|fields<|check_set/,
  'std::': /^std::|^void std::|std::__2::/,
  printf: /printf|fmt_fp|pop_arg|__floatscan|strtod/,
};
for (const [group, pattern] of Object.entries(groups)) {
  const matched = functions.filter((f) => pattern.test(f.name));
  console.log(
    `${group}: ${matched.length} functions, ${matched.reduce((s, f) => s + f.size, 0)} bytes`,
  );
}
