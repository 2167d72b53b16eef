// Gongji calculator module: createCalculator() -> { evaluate, evaluateJson, languages,
// loadLanguage, regions, vocabulary, version }.
// Works in browsers and, by a plain import, in Node.js 20. The WebAssembly bytes and the rules
// (gongji-policies.bin, prebuilt at build time: a policy image the module installs without
// parsing) are loaded here, from next to this file, so the Emscripten glue never probes its
// environment; the module holds code only, the rules come as data.
import createGongjiCore from './gongji-core.mjs';

const wasmUrl = new URL('./gongji-core.wasm', import.meta.url);
// The rules with both languages' texts, or (the page's download) with one language's only.
const policiesUrl = (lang) =>
  new URL(lang ? `./gongji-policies.${lang}.bin` : './gongji-policies.bin', import.meta.url);
const LANGS = ['zh-CN', 'en'];
const isNode =
  typeof process === 'object' && process.versions != null && process.versions.node != null;

// The instance, from a module the caller compiled already or from the .wasm next to this file.
async function instantiate(imports, compiled) {
  if (compiled) return WebAssembly.instantiate(compiled, imports);
  if (isNode) return (await WebAssembly.instantiate(await readBytes(wasmUrl), imports)).instance;
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${response.status}`);
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

let corePromise;
// The installed rules' languages, and the bytes of each language's rules once downloaded, so that
// a request in another language can switch to them at once (a page and a widget in two languages).
const installed = { languages: [] };
const rulesByLang = new Map();
const downloads = new Map();

async function readBytes(url) {
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function install(core, bytes) {
  const result = JSON.parse(call(core, '_gongji_load_policies', bytes));
  if (!result.ok) throw new Error(`the rules did not load: ${result.problems.join('; ')}`);
  installed.languages = result.languages;
  if (result.languages.length === 1) rulesByLang.set(result.languages[0], bytes);
}

function loadCore({ module: compiled, rules: rulesBytes, lang } = {}) {
  corePromise ??= (async () => {
    // The rules download while the module compiles, unless the caller has them already.
    const rules = rulesBytes
      ? Promise.resolve(new Uint8Array(rulesBytes))
      : readBytes(policiesUrl(LANGS.includes(lang) ? lang : undefined));
    rules.catch(() => {}); // awaited below; not an unhandled rejection in the meantime
    const core = await new Promise((resolve, reject) => {
      createGongjiCore({
        instantiateWasm(imports, receive) {
          instantiate(imports, compiled).then(receive, reject);
          return {};
        },
      }).then(resolve, reject);
    });
    install(core, await rules);
    return core;
  })().catch((error) => {
    corePromise = undefined; // a later call may try again
    throw error;
  });
  return corePromise;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Text (or bytes) in and out through the module's memory, encoded and decoded natively.
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
    return decoder.decode(core.HEAPU8.subarray(result, result + core._gongji_answer_size()));
  } finally {
    if (pointer) core._free(pointer);
  }
}

/**
 * Loads the module once (lazily) and returns the calculator. `preloaded`, optional and used by the
 * first call only: { module, rules, lang }: a compiled WebAssembly.Module of gongji-core.wasm and
 * the bytes of the rules that the caller has already (the page starts both as it loads); `lang`
 * alone downloads the rules with that language's texts only (gongji-policies.LANG.bin), and
 * loadLanguage() the other's when needed.
 */
export async function createCalculator(preloaded) {
  const core = await loadCore(preloaded);
  const version = call(core, '_gongji_version');
  let regionList;
  let vocabularyText;
  return {
    version,
    evaluateJson(text) {
      return call(core, '_gongji_evaluate', String(text));
    },
    evaluate(request) {
      const lang = request?.lang ?? 'zh-CN';
      if (!installed.languages.includes(lang) && rulesByLang.has(lang)) {
        install(core, rulesByLang.get(lang));
      }
      return JSON.parse(this.evaluateJson(JSON.stringify(request)));
    },
    languages() {
      return [...installed.languages];
    },
    async loadLanguage(lang) {
      if (!LANGS.includes(lang)) throw new Error(`no language ${lang}`);
      if (installed.languages.includes(lang)) return;
      if (!rulesByLang.has(lang)) {
        // One download however many ask meanwhile; a failed one may be tried again.
        if (!downloads.has(lang)) {
          const download = readBytes(policiesUrl(lang));
          download.catch(() => downloads.delete(lang));
          downloads.set(lang, download);
        }
        rulesByLang.set(lang, await downloads.get(lang));
      }
      if (!installed.languages.includes(lang)) install(core, rulesByLang.get(lang));
    },
    evaluateOrThrow(request) {
      const answer = this.evaluate(request);
      if (!answer.ok) throw new GongjiError(answer.error);
      return answer;
    },
    regions() {
      regionList ??= JSON.parse(call(core, '_gongji_regions'));
      return regionList.map((region) => ({ ...region }));
    },
    vocabulary() {
      vocabularyText ??= call(core, '_gongji_vocabulary');
      return JSON.parse(vocabularyText); // a copy of its own for each caller
    },
  };
}
