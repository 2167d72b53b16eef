// The calculator as the UI uses it: asynchronous, in a worker when the page may start one (same
// origin, CSP allows it), else on the main thread (e.g. the widget on another organisation's site).
// Either way: connectCalculator() -> { version, evaluate(request), regions() }, methods return promises.

function inWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./gongji-worker.js', import.meta.url), { type: 'module', name: 'gongji' });
    const waiting = new Map();
    let nextId = 1;
    const call = (method, text) => new Promise((done, fail) => {
      const id = nextId++;
      waiting.set(id, { done, fail });
      worker.postMessage({ id, method, text });
    });
    worker.addEventListener('message', ({ data }) => {
      if ('ready' in data) {
        resolve({
          version: data.ready,
          evaluate: async (request) => JSON.parse(await call('evaluateJson', JSON.stringify(request))),
          regions: async () => JSON.parse(await call('regionsJson')),
        });
      } else if ('failed' in data) {
        reject(new Error(data.failed));
      } else {
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
      reject(new Error('worker failed'));
      for (const pending of waiting.values()) pending.fail(new Error('worker failed'));
      waiting.clear();
    });
  });
}

async function onMainThread() {
  const { createCalculator } = await import('./gongji.mjs');
  const calculator = await createCalculator();
  return {
    version: calculator.version,
    evaluate: async (request) => calculator.evaluate(request),
    regions: async () => calculator.regions(),
  };
}

/** Starts loading at once; resolves when the rules are loaded. */
export function connectCalculator() {
  // new Worker() throws (a rejection here) when the script is on another origin than the page.
  return inWorker().catch(() => onMainThread());
}
