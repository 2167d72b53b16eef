// Gongji calculator module: createCalculator() -> { evaluate, evaluateJson, languages,
// loadLanguage, loadPlaces, loadAllPlaces, textsApart, loadTexts, regions, vocabulary, version }.
// Works in browsers and, by a plain import, in Node.js 20. The WebAssembly bytes and the rules
// (gongji-policies.bin, prebuilt at build time: a policy image the module installs without
// parsing) are loaded here, from next to this file, and the module is instantiated here too, not
// by Emscripten's glue (instantiateCore); the module holds code only, the rules come as data.
import ABI from './gongji-abi.mjs';

// Two modules, one glue: gongji-core.wasm answers every request; gongji-calculator.wasm (the
// calculator page's, about a sixth smaller) one holder's family only, without the household
// planner.
export const wasmUrl = (planner) =>
  new URL(planner ? './gongji-core.wasm' : './gongji-calculator.wasm', import.meta.url);
// The rules with both languages' texts, or (the page's download) with one language's only.
const policiesUrl = (lang) =>
  new URL(lang ? `./gongji-policies.${lang}.bin` : './gongji-policies.bin', import.meta.url);
// The same rules split by province (the page's first download): a base for each language, and
// each province's part (its rules, sources and cities), or all the parts in one file.
export const splitRulesUrl = (name) => new URL(`./gongji-rules/${name}.bin`, import.meta.url);
// The base of the split rules in `lang` for a module with or without the household planner: the
// calculator's (LANG.calculator.bin) leaves out the plan's texts, which only the planner uses.
export const splitBaseName = (lang, planner) => (planner ? lang : `${lang}.calculator`);
const LANGS = ['zh-CN', 'en'];
/** The message of an answer refused for texts its rules' base left out (core/src/evaluate.cpp). */
export const TEXTS_NOT_LOADED = 'texts not loaded / 说明文字尚未载入';
const isNode =
  typeof process === 'object' && process.versions != null && process.versions.node != null;

// The instance, from a module the caller compiled already or from the .wasm next to this file.
async function instantiate(imports, compiled, planner) {
  if (compiled) return WebAssembly.instantiate(compiled, imports);
  const url = wasmUrl(planner);
  if (isNode) return (await WebAssembly.instantiate(await readBytes(url), imports)).instance;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  if (WebAssembly.instantiateStreaming) {
    return (await WebAssembly.instantiateStreaming(response, imports)).instance;
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

/** An error answer ({ok:false}) turned into an exception, for callers who prefer one. */
export class GongjiError extends Error {
  constructor(error) {
    super(error.message);
    this.name = 'GongjiError';
    this.code = error.code;
    this.path = error.path;
  }
}

// The module in use (`current`, once `corePromise` has it) and whether it has the planner. Every
// calculator of the page calls the current one: a page that asks for a household plan after the
// calculator's module was loaded gets the whole one in its place, with the same rules.
let corePromise;
let current;
let currentHasPlanner = false;
// The installed rules (their languages, the provinces still apart, and which file they are: `key`)
// and the bytes of each file of rules once downloaded, so that a request in another language can
// switch to them at once (a page and a widget in two languages). By file, not by language: the
// calculator's base of a language (zh-CN.calculator) is not the whole module's (zh-CN), and a
// download that lands after an upgrade is kept under its own name, never installed in its place.
// `textsApart`: the base holds only the texts of its likely first answers (the calculator's split
// base; the rest are LANG.calculator.texts.bin, kept under the key KEY.texts once downloaded).
const installed = {
  languages: [],
  apart: [],
  textsApart: false,
  split: false,
  key: undefined,
  bytes: undefined,
};
const textsKey = (key) => `${key}.texts`;
const rulesByKey = new Map();
const downloads = new Map();
// Which file holds `lang`'s rules for the module in use: with split rules the base for a module
// with or without the planner; else the image with that language's texts.
const rulesKey = (lang) =>
  installed.split ? splitBaseName(lang, currentHasPlanner) : `policies.${lang}`;
const rulesUrl = (key) =>
  key.startsWith('policies.') ? policiesUrl(key.slice(9)) : splitRulesUrl(key);
// The parts added to a split base, kept to add again to the other language's base; and the
// downloads of parts, by file name, started early by prefetchPlaces().
const partsAdded = [];
const partDownloads = new Map();

// The province of each place a request names (the holder's, the relatives', the household's).
function provincesOf(request) {
  const codes = [
    request?.holder?.region,
    ...(Array.isArray(request?.members) ? request.members.map((m) => m?.region) : []),
    ...[request?.people, request?.household?.people].flatMap((people) =>
      Array.isArray(people) ? people.map((p) => p?.region) : [],
    ),
  ];
  return [
    ...new Set(
      codes
        .filter((c) => typeof c === 'string' && /^\d{6}$/.test(c)) // a link's 110000 is no code
        .map((c) => `${c.slice(0, 2)}0000`),
    ),
  ];
}

function downloadPart(name) {
  if (!partDownloads.has(name)) {
    const download = readBytes(splitRulesUrl(name));
    download.catch(() => partDownloads.delete(name)); // a failed one may be tried again
    partDownloads.set(name, download);
  }
  return partDownloads.get(name);
}

// The provinces that have a part: GB/T 2260's provincial codes with cities of their own (every one
// but 台湾, 香港 and 澳门); tests/node/split-rules.test.mjs checks it against the base's list.
export const PROVINCES_WITH_PARTS = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])0000$/;

/**
 * Starts downloading the rules of the provinces of `codes` (region codes), for a page that knows
 * its first request's places before the module is ready. Only for split rules (the page's); a
 * province without a part (or a code of none) is not asked for.
 */
export const prefetchPlaces = (codes) =>
  // Awaited, if needed, by loadPlaces(), and by a page that draws its first answer all at once.
  Promise.allSettled(
    provincesOf({ people: codes.map((region) => ({ region })) })
      .filter((province) => PROVINCES_WITH_PARTS.test(province))
      .map(downloadPart),
  );

async function readBytes(url) {
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The installed rules' region list, read again whenever rules are installed or added (by any
// calculator of the page).
let regionList;

function install(core, bytes, key) {
  regionList = undefined;
  const result = JSON.parse(call(core, '_gongji_load_policies', bytes));
  if (!result.ok) throw new Error(`the rules did not load: ${result.problems.join('; ')}`);
  installed.languages = result.languages;
  installed.apart = result.apart;
  installed.textsApart = result.texts_apart === true;
  installed.split ||= result.apart.length > 0;
  installed.bytes = bytes;
  installed.key = key;
  if (key) rulesByKey.set(key, bytes);
  for (const part of partsAdded) addPart(core, part);
  if (installed.textsApart && rulesByKey.has(textsKey(key))) {
    addTexts(core, rulesByKey.get(textsKey(key)));
  }
}

function addTexts(core, bytes) {
  addPart(core, bytes);
  installed.textsApart = false;
}

// The file of rules under `key` (a base, or a base's texts part), downloaded once however many ask
// meanwhile; a failed download may be tried again.
async function downloadRules(key) {
  if (!rulesByKey.has(key)) {
    if (!downloads.has(key)) {
      const download = readBytes(rulesUrl(key));
      download.catch(() => downloads.delete(key));
      downloads.set(key, download);
    }
    rulesByKey.set(key, await downloads.get(key));
  }
  return rulesByKey.get(key);
}

function addPart(core, bytes) {
  regionList = undefined;
  const result = JSON.parse(call(core, '_gongji_add_policies', bytes));
  if (!result.ok) throw new Error(`the rules did not load: ${result.problems.join('; ')}`);
  installed.apart = result.apart;
}

// The module instantiated with the three functions of the C runtime it imports, under the names
// emcc gave them (gongji-abi.mjs, read from emcc's glue at build time: scripts/core-abi.mjs); the
// glue itself is not loaded. Returns its exported functions by their C names (_gongji_evaluate,
// _malloc, ...) and HEAPU8, a view of its memory as it is now (the memory grows).
async function instantiateCore(compiled, planner) {
  // The module's memory and exports, set once instantiated, read by the imports when called.
  const wasm = { memory: undefined, exports: undefined };
  const runtime = {
    _abort() {
      throw new WebAssembly.RuntimeError('the Gongji module stopped (abort)');
    },
    // As the glue does: the wall clock (0) or a monotonic one (1, 4) as seconds and nanoseconds
    // at `at`; another clock is EINVAL (28) in errno and -1.
    _clock_gettime(clock, at) {
      let now;
      if (clock === 0) now = Date.now();
      else if (clock === 1 || clock === 4) now = performance.now();
      else {
        new Int32Array(wasm.memory.buffer)[wasm.exports[ABI.exports.___errno_location]() >> 2] = 28;
        return -1;
      }
      const words = new Int32Array(wasm.memory.buffer, at, 2);
      words[0] = (now / 1e3) | 0;
      words[1] = ((now % 1e3) * 1e6) | 0;
      return 0;
    },
    // As the glue does: memory for at least `requested` bytes, up to 2 GiB, grown by a fifth
    // more (then a tenth, a twentieth, if that fails; never more than 96 MB beyond the request)
    // so that growing is rare; false, and malloc returns null, where it cannot be had.
    _emscripten_resize_heap(requested) {
      const max = 2 ** 31;
      const size = requested >>> 0;
      if (size > max) return false;
      const have = wasm.memory.buffer.byteLength;
      for (let cutDown = 1; cutDown <= 4; cutDown *= 2) {
        const overGrown = Math.min(have * (1 + 0.2 / cutDown), size + 100663296);
        const wanted = Math.min(max, Math.ceil(Math.max(size, overGrown) / 65536) * 65536);
        try {
          wasm.memory.grow((wanted - wasm.memory.buffer.byteLength + 65535) >>> 16);
          return true;
        } catch {
          // a smaller growth next
        }
      }
      return false;
    },
  };
  const imports = {
    [ABI.module]: Object.fromEntries(
      Object.entries(ABI.imports).map(([letter, name]) => [letter, runtime[name]]),
    ),
  };
  const { exports } = await instantiate(imports, compiled, planner);
  wasm.exports = exports;
  wasm.memory = exports[ABI.memory];
  exports[ABI.ctors]();
  const core = {
    get HEAPU8() {
      return new Uint8Array(wasm.memory.buffer);
    },
  };
  for (const [name, letter] of Object.entries(ABI.exports)) core[name] = exports[letter];
  return core;
}

function loadCore(options = {}) {
  const { module: compiled, rules: rulesBytes, lang, split, planner = true } = options;
  if (corePromise && planner && !currentHasPlanner) {
    // The calculator's module is in (or coming) and a household plan is asked for: the whole
    // module replaces it, with the rules and parts installed in the other.
    const before = corePromise;
    currentHasPlanner = true;
    const upgrade = (async () => {
      await before;
      // The calculator's base lacks the plan's texts: the whole base of the language in, instead
      // (and any other language's whole base, when it is asked for).
      const whole = installed.split ? rulesKey(installed.languages[0]) : installed.key;
      const [core, bytes] = await Promise.all([
        instantiateCore(undefined, true),
        whole === installed.key ? installed.bytes : readBytes(rulesUrl(whole)),
      ]);
      install(core, bytes, whole);
      current = core;
      return core;
    })();
    corePromise = upgrade;
    upgrade.catch(() => {
      if (corePromise !== upgrade) return;
      // The calculator's module still answers if it loaded; a later call may try again.
      currentHasPlanner = false;
      corePromise = current ? Promise.resolve(current) : undefined;
    });
    return upgrade;
  }
  if (corePromise) {
    // A calculator that needs no planner is not failed by a failed upgrade.
    return planner ? corePromise : corePromise.catch(() => loadCore(options));
  }
  currentHasPlanner = planner;
  const load = (async () => {
    // The rules download while the module compiles, unless the caller has them already.
    const known = LANGS.includes(lang) ? lang : undefined;
    // Rules given by the caller are the file these options name (calculator-client.js's preload).
    const key = split && known ? splitBaseName(known, planner) : `policies.${known ?? 'both'}`;
    const rules = rulesBytes
      ? Promise.resolve(new Uint8Array(rulesBytes))
      : readBytes(split && known ? splitRulesUrl(key) : policiesUrl(known));
    rules.catch(() => {}); // awaited below; not an unhandled rejection in the meantime
    const core = await instantiateCore(compiled, planner);
    install(core, await rules, key);
    current = core;
    return core;
  })();
  corePromise = load;
  load.catch(() => {
    if (corePromise !== load) return; // an upgrade waiting on it resets the state itself
    corePromise = undefined; // a later call may try again
    currentHasPlanner = false;
  });
  return load;
}

const encoder = new TextEncoder();
// The module hands its answers over as UTF-16 (wasm/bindings.cpp): decoding them is a copy.
const decoder = new TextDecoder('utf-16le');

// Text (or bytes) in and out through the module's memory, encoded and decoded natively: UTF-8
// in, UTF-16 out.
function call(core, name, input) {
  let pointer = 0;
  let result;
  if (input === undefined) {
    result = core[name]();
  } else {
    const bytes = typeof input === 'string' ? encoder.encode(input) : input;
    pointer = core._malloc(bytes.length + 1);
    core.HEAPU8.set(bytes, pointer);
    result = core[name](pointer, bytes.length);
  }
  try {
    return decoder.decode(new Uint16Array(core.HEAPU8.buffer, result, core._gongji_answer_size()));
  } finally {
    if (pointer) core._free(pointer);
  }
}

/**
 * Loads the module once (lazily) and returns the calculator. `preloaded`, optional and used by the
 * first call only (but for `planner`, below): { module, rules, lang, split, planner }: a compiled
 * WebAssembly.Module of gongji-core.wasm and the bytes of the rules that the caller has already
 * (the page starts both as it loads). With `planner: false` the module is gongji-calculator.wasm
 * (and `module` a compiled one of it): one holder's family only, a household request answered
 * with an error at /household; a later call without it loads the whole module in its place.
 * `lang` alone downloads the rules with that language's texts only (gongji-policies.LANG.bin), and
 * loadLanguage() the other's when needed. With `split`, the rules are the base of gongji-rules/
 * (gongji-rules/LANG.bin; with `planner: false` LANG.calculator.bin, without the household plan's
 * texts, as are `rules` given so), without the provinces' own rules: before evaluating,
 * `await loadPlaces(request)` adds those of the request's places (a request that needs one not
 * added is answered with an error), and loadAllPlaces() adds every province's.
 */
export async function createCalculator(preloaded) {
  await loadCore(preloaded);
  const version = call(current, '_gongji_version');
  let vocabularyText;
  return {
    version,
    evaluateJson(text) {
      return call(current, '_gongji_evaluate', String(text));
    },
    evaluate(request) {
      const lang = request?.lang ?? 'zh-CN';
      // Another language's base keeps the parts added (install() adds them again).
      const key = rulesKey(lang);
      if (!installed.languages.includes(lang) && rulesByKey.has(key)) {
        install(current, rulesByKey.get(key), key);
      }
      return JSON.parse(this.evaluateJson(JSON.stringify(request)));
    },
    languages() {
      return [...installed.languages];
    },
    async loadLanguage(lang) {
      if (!LANGS.includes(lang)) throw new Error(`no language ${lang}`);
      // Once more if the module was replaced meanwhile (its base of the language is another file).
      for (let tries = 0; tries < 2 && !installed.languages.includes(lang); tries++) {
        const key = rulesKey(lang);
        await downloadRules(key);
        if (key === rulesKey(lang) && !installed.languages.includes(lang)) {
          install(current, rulesByKey.get(key), key);
        }
      }
    },
    evaluateOrThrow(request) {
      const answer = this.evaluate(request);
      if (!answer.ok) throw new GongjiError(answer.error);
      return answer;
    },
    // The provinces' rules that `request`'s places need and the installed base lacks, added.
    async loadPlaces(request) {
      const needed = provincesOf(request).filter((p) => installed.apart.includes(p));
      if (needed.length === 0) return;
      const parts = await Promise.all(needed.map(downloadPart));
      for (const part of parts) {
        addPart(current, part);
        partsAdded.push(part);
      }
    },
    // Whether the installed base holds only its likely first answers' texts (the calculator's
    // split base): an answer that needs another of its texts is an error (ok: false) until
    // loadTexts() has added them.
    textsApart() {
      return installed.textsApart;
    },
    // The texts the installed base left out, added (once more if the base was replaced meanwhile,
    // by another language's).
    async loadTexts() {
      for (let tries = 0; tries < 2 && installed.textsApart; tries++) {
        const key = installed.key;
        const bytes = await downloadRules(textsKey(key));
        if (installed.key === key && installed.textsApart) addTexts(current, bytes);
      }
    },
    // Every province's rules (one file), as regions() needs.
    async loadAllPlaces() {
      if (installed.apart.length === 0) return;
      const all = await downloadPart('all');
      addPart(current, all);
      partsAdded.push(all);
    },
    // Every region whose rules are in, with its coverage: with split rules, the places of the
    // provinces added (loadPlaces, loadAllPlaces) and those that have no part. A province still
    // apart is left out, never reported with the national rules' coverage.
    regions() {
      regionList ??= JSON.parse(call(current, '_gongji_regions'));
      const apart = (code) => installed.apart.includes(`${code.slice(0, 2)}0000`);
      return regionList.filter((region) => !apart(region.code)).map((region) => ({ ...region }));
    },
    // One of the rules' texts by its key, in `lang` (placeholders as written); '' if none.
    message(key, lang = 'zh-CN') {
      return call(current, '_gongji_message', `${lang} ${key}`);
    },
    vocabulary() {
      vocabularyText ??= call(current, '_gongji_vocabulary');
      return JSON.parse(vocabularyText); // a copy of its own for each caller
    },
  };
}
