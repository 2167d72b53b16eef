// Gongji calculator module: createCalculator() -> { evaluate, evaluateJson, regions, vocabulary,
// version }.
// Works in browsers and, by a plain import, in Node.js 20. The WebAssembly bytes and the rules
// (gongji-policies.bin, prebuilt at build time: a policy image the module installs without
// parsing) are loaded here, from next to this file, so the Emscripten glue never probes its
// environment; the module holds code only, the rules come as data.
import createGongjiCore from './gongji-core.mjs';

const wasmUrl = new URL('./gongji-core.wasm', import.meta.url);
const policiesUrl = new URL('./gongji-policies.bin', import.meta.url);
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

async function readBytes(url) {
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadCore({ module: compiled, rules: rulesBytes } = {}) {
  corePromise ??= (async () => {
    // The rules download while the module compiles, unless the caller has them already.
    const rules = rulesBytes ? Promise.resolve(new Uint8Array(rulesBytes)) : readBytes(policiesUrl);
    rules.catch(() => {}); // awaited below; not an unhandled rejection in the meantime
    const core = await new Promise((resolve, reject) => {
      createGongjiCore({
        instantiateWasm(imports, receive) {
          instantiate(imports, compiled).then(receive, reject);
          return {};
        },
      }).then(resolve, reject);
    });
    const installed = JSON.parse(call(core, '_gongji_load_policies', await rules));
    if (!installed.ok) throw new Error(`the rules did not load: ${installed.problems.join('; ')}`);
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
 * first call only: { module, rules } that the caller has already, a compiled WebAssembly.Module of
 * gongji-core.wasm and the bytes of gongji-policies.bin (the page compiles while its worker
 * starts).
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
      return JSON.parse(this.evaluateJson(JSON.stringify(request)));
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
