// The calculator as the UI uses it: asynchronous, in a worker when the page may start one (same
// origin, CSP allows it), else on the main thread (e.g. the widget on another organisation's site).
// connectCalculator() returns at once { ready, evaluate(request), regions() }, all promises; calls
// made before the rules have loaded wait in the worker, so the first answer needs no extra round
// trip through a busy page.

// The module compiled and the rules downloaded by the page, in parallel with the worker's start
// (100-300 ms on a slow machine), so the worker only instantiates and installs. What fails here (a
// host CSP without 'wasm-unsafe-eval', a wrong MIME type, a failed download) is left undefined and
// the calculator loads it itself, as it would without this.
function preloadCore() {
  const module = WebAssembly.compileStreaming(
    fetch(new URL('./gongji-core.wasm', import.meta.url)),
  );
  const rules = fetch(new URL('./gongji-policies.txt', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  return Promise.allSettled([module, rules]).then(([compiled, bytes]) => ({
    module: compiled.value,
    rules: bytes.value,
  }));
}

function startWorker(preloaded) {
  const worker = new Worker(new URL('./gongji-worker.js', import.meta.url), {
    type: 'module',
    name: 'gongji',
  });
  preloaded.then((value) => worker.postMessage({ preloaded: value }));
  const waiting = new Map();
  let nextId = 1;
  let failure = null;
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error) => {
    failure = error;
    settle.reject(error);
    for (const pending of waiting.values()) pending.fail(error);
    waiting.clear();
  };
  worker.addEventListener('message', ({ data }) => {
    if ('ready' in data) settle.resolve(data.ready);
    else if ('failed' in data) fail(new Error(data.failed));
    else {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if ('error' in data) pending?.fail(new Error(data.error));
      else pending?.done(data.result);
    }
  });
  // A worker the page may not start (blocked script, CSP) reports an error instead of "ready";
  // one that fails later fails its pending calls rather than leaving them waiting.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker.terminate();
    fail(new Error('worker failed'));
  });
  const call = (method, text) =>
    new Promise((done, failCall) => {
      if (failure) {
        failCall(failure);
        return;
      }
      const id = nextId++;
      waiting.set(id, { done, fail: failCall });
      worker.postMessage({ id, method, text });
    });
  return { ready, call };
}

async function onMainThread(preloaded) {
  const { createCalculator } = await import('./gongji.mjs');
  const calculator = await createCalculator(await preloaded);
  return {
    version: calculator.version,
    evaluateJson: async (text) => calculator.evaluateJson(text),
    regionsJson: async () => JSON.stringify(calculator.regions()),
  };
}

/** Starts loading at once; `ready` resolves with the rules version when they are loaded. */
export function connectCalculator() {
  let preloaded;
  try {
    preloaded = preloadCore();
  } catch {
    preloaded = Promise.resolve({}); // no fetch or no WebAssembly.compileStreaming here
  }
  let worker = null;
  try {
    worker = startWorker(preloaded);
  } catch {
    // SecurityError: the script is on another origin than the page
  }
  let mainThread = null;
  const fallback = () => (mainThread ??= onMainThread(preloaded));
  const ready = worker
    ? worker.ready.catch(() => fallback().then((calculator) => calculator.version))
    : fallback().then((calculator) => calculator.version);
  ready.catch(() => {}); // reported through the calls that need it
  async function invoke(method, text) {
    if (worker) {
      try {
        return await worker.call(method, text);
      } catch {
        worker = null; // the worker failed: this call and all later ones run on the main thread
      }
    }
    return (await fallback())[method](text);
  }
  return {
    ready,
    evaluate: async (request) => JSON.parse(await invoke('evaluateJson', JSON.stringify(request))),
    regions: async () => JSON.parse(await invoke('regionsJson')),
  };
}
