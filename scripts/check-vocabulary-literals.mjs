// Fails if a list of vocabulary values, or a label of one, is written by hand in web/ or core/:
// the enumerations and their words are defined once, in policies/vocabulary.json, and reach the
// core through gongji/vocabulary.hpp (generated) and the page through calculator.vocabulary().
// What counts, to flag lists without flagging words that merely look alike ('none' in CSS):
// - two or more values of one enumeration as elements of one array, object or initializer list
//   (string literals or object keys): ['employee', 'resident'], { spouse: …, parent: … },
//   {"app", "web"}; a value compared or chosen in an expression (kind === 'office',
//   a ? 'why' : 'why_not') is code that uses a value, not a list;
// - a Chinese label of the vocabulary as a whole string literal in web/ ('配偶', '职工医保').
// A single value used as a default or compared once (scheme: 'employee', kind === 'office') is
// not a list, and is allowed.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vocabulary = JSON.parse(readFileSync(join(root, 'policies/vocabulary.json'), 'utf8'));
const GENERATED = new Set(['web/gongji.d.ts']);
// The contract's kinship table (household.md), transcribed cell for cell: unit-household compares
// every cell with the contract's text, and each cell is read as a relation of the vocabulary.
const TRANSCRIBED = new Set(['core/src/kinship.cpp']);
// The languages are the keys of every bilingual text ({"zh-CN": …, "en": …}) and of the page's
// texts, which must draw before the module loads: structure, not a list to keep in one place.
const STRUCTURAL = new Set(['lang']);

const enumerations = Object.entries(vocabulary).filter(
  ([key]) => !key.startsWith('$') && !STRUCTURAL.has(key),
);
// value -> the enumerations it belongs to ('none' is a scheme and a route)
const owners = new Map();
for (const [key, { values }] of enumerations) {
  for (const { id } of values) owners.set(id, [...(owners.get(id) ?? []), key]);
}
const labels = new Set(
  enumerations.flatMap(([, { values }]) =>
    values.flatMap((value) =>
      Object.entries(value)
        .filter(([form]) => form !== 'id')
        .map(([, words]) => words['zh-CN']),
    ),
  ),
);

function sources(dir, extensions) {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((path) => !GENERATED.has(path) && !TRANSCRIBED.has(path));
}

// The string literals and object keys that are elements of a list (after an opening bracket or a
// comma, before a closing one, a comma or a colon), each with the bracket pair it sits in
// directly; comments skipped.
function element(text, start, end) {
  return (
    /[[{(,]\s*$/.test(text.slice(Math.max(0, start - 40), start)) &&
    /^\s*[,\]}):]/.test(text.slice(end, end + 40))
  );
}

function tokens(text) {
  const found = [];
  const stack = [0];
  let groups = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      line++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 1;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') value += text[j++];
        value += text[j++];
      }
      found.push({ value, group: stack.at(-1), line, element: element(text, i, j + 1) });
      line += (value.match(/\n/g) ?? []).length;
      i = j;
    } else if ('([{'.includes(c)) {
      stack.push(groups++);
    } else if (')]}'.includes(c)) {
      if (stack.length > 1) stack.pop();
    } else if (/[A-Za-z_]/.test(c) && !/[\w$.]/.test(text[i - 1] ?? '')) {
      const word = /^[A-Za-z_]\w*/.exec(text.slice(i))[0];
      // An object key: `spouse: …` (not the `b` of `a ? b : c`, which a key never follows).
      if (/^\s*:(?!:)/.test(text.slice(i + word.length)) && /[{,]\s*$/.test(text.slice(0, i)))
        found.push({ value: word, group: stack.at(-1), line, element: true });
      i += word.length - 1;
    }
  }
  return found;
}

const problems = [];
const files = [
  ...sources('web', ['.js', '.mjs', '.ts']),
  ...sources('core', ['.cpp', '.hpp']),
  ...sources('wasm', ['.cpp']),
];
for (const path of files) {
  const text = readFileSync(join(root, path), 'utf8');
  const found = tokens(text);
  const byGroup = new Map();
  for (const token of found) {
    for (const key of token.element ? (owners.get(token.value) ?? []) : []) {
      const id = `${token.group}/${key}`;
      if (!byGroup.has(id)) byGroup.set(id, new Map());
      byGroup.get(id).set(token.value, token.line);
    }
    if (path.startsWith('web/') && labels.has(token.value))
      problems.push(`${path}:${token.line}: the label '${token.value}' belongs in the vocabulary`);
  }
  for (const [id, values] of byGroup) {
    if (values.size < 2) continue;
    const key = id.split('/')[1];
    problems.push(
      `${path}:${Math.min(...values.values())}: a list of ${key} values (${[...values.keys()].join(', ')}) belongs in the vocabulary`,
    );
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(
    `${problems.length} hand-written vocabulary list(s) or label(s): use policies/vocabulary.json`,
  );
  process.exit(1);
}
console.log(`vocabulary literals: ${files.length} sources, no list or label written by hand`);
