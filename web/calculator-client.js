// The calculator as the UI uses it: connectCalculator() returns at once { ready,
// evaluate(request), regions(), vocabulary() }, all promises. It computes on the page's main
// thread, for the page and for the widget on any origin alike: an answer costs well under a
// millisecond there, while a worker cost the first answer its start (about 100 ms, more beside
// the page's first layout) and every keystroke a round trip of several milliseconds (README,
// "Performance", has the figures).
import { createCalculator } from './gongji.mjs';

// Started when this module loads, before the UI has built its form: the module downloads and
// compiles off the main thread (compileStreaming) while the rules download. What fails here (a
// host CSP without 'wasm-unsafe-eval', a wrong MIME type, a failed download) is left undefined
// and createCalculator() loads it itself, so the error it reports is the real one.
function preloadCore() {
  const module = WebAssembly.compileStreaming(
    fetch(new URL('./gongji-core.wasm', import.meta.url)),
  );
  const rules = fetch(new URL('./gongji-policies.bin', import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  return Promise.allSettled([module, rules]).then(([compiled, bytes]) => ({
    module: compiled.value,
    rules: bytes.value,
  }));
}

let preloaded;
try {
  preloaded = preloadCore();
} catch {
  preloaded = Promise.resolve({}); // no fetch or no WebAssembly.compileStreaming here
}

/** `ready` resolves with the rules version once the module is instantiated and the rules in. */
export function connectCalculator() {
  const calculator = preloaded.then((core) => createCalculator(core));
  const ready = calculator.then((loaded) => loaded.version);
  ready.catch(() => {}); // reported through the calls that need it
  return {
    ready,
    evaluate: async (request) => (await calculator).evaluate(request),
    regions: async () => (await calculator).regions(),
    vocabulary: async () => (await calculator).vocabulary(),
  };
}
