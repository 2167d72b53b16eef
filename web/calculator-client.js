// The calculator as the UI uses it: asynchronous, in a worker when the page may start one (same
// origin, CSP allows it), else on the main thread (e.g. the widget on another organisation's site).
// connectCalculator() returns at once { ready, evaluate(request), regions() }, all promises; calls
// made before the rules have loaded wait in the worker, so the first answer needs no extra round
// trip through a busy page.

function startWorker() {
  const worker = new Worker(new URL('./gongji-worker.js', import.meta.url), { type: 'module', name: 'gongji' });
  const waiting = new Map();
  let nextId = 1;
  let failure = null;
  let settle;
  const ready = new Promise((resolve, reject) => { settle = { resolve, reject }; });
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
  const call = (method, text) => new Promise((done, failCall) => {
    if (failure) { failCall(failure); return; }
    const id = nextId++;
    waiting.set(id, { done, fail: failCall });
    worker.postMessage({ id, method, text });
  });
  return { ready, call };
}

async function onMainThread() {
  const { createCalculator } = await import('./gongji.mjs');
  const calculator = await createCalculator();
  return {
    version: calculator.version,
    evaluateJson: async (text) => calculator.evaluateJson(text),
    regionsJson: async () => JSON.stringify(calculator.regions()),
  };
}

/** Starts loading at once; `ready` resolves with the rules version when they are loaded. */
export function connectCalculator() {
  let worker = null;
  try {
    worker = startWorker();
  } catch {
    // SecurityError: the script is on another origin than the page
  }
  let mainThread = null;
  const fallback = () => (mainThread ??= onMainThread());
  const ready = worker ? worker.ready.catch(() => fallback().then((calculator) => calculator.version))
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
