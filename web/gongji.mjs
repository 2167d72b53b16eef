// Gongji calculator module: createCalculator() -> { evaluate, evaluateJson, regions, version }.
// Works in browsers and, by a plain import, in Node.js 20. The WebAssembly bytes are loaded here
// (next to this file), so the Emscripten glue never probes its environment.
import createGongjiCore from './gongji-core.mjs';

const wasmUrl = new URL('./gongji-core.wasm', import.meta.url);
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

async function instantiate(imports) {
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.instantiate(await readFile(wasmUrl), imports);
  }
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${response.status}`);
  if (WebAssembly.instantiateStreaming) {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
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

function loadCore() {
  corePromise ??= new Promise((resolve, reject) => {
    createGongjiCore({
      instantiateWasm(imports, receive) {
        instantiate(imports).then((result) => receive(result.instance), reject);
        return {};
      },
    }).then(resolve, reject);
  }).catch((error) => {
    corePromise = undefined; // a later call may try again
    throw error;
  });
  return corePromise;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Text in and out through the module's memory, encoded and decoded natively by the browser.
function call(core, name, text) {
  let pointer = 0;
  let result;
  if (text === undefined) {
    result = core[name]();
  } else {
    const bytes = encoder.encode(text);
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

/** Loads the module once (lazily) and returns the calculator. */
export async function createCalculator() {
  const core = await loadCore();
  const version = call(core, '_gongji_version');
  let regionList;
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
  };
}
