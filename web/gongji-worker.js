// The calculator in a module worker: loading the rules and every evaluation run off the page's
// main thread, so typing and scrolling never wait for the WebAssembly. Messages in: first
// {preloaded: {module?, rules?}} (what the page compiled and downloaded while this worker started),
// then {id, method, text}; out: {ready: version} once loaded (or {failed: message}), then {id,
// result} or {id, error}.
import { createCalculator } from './gongji.mjs';
import './gongji-core.mjs'; // needed by gongji.mjs: listed here too so both download at once

let receivePreloaded;
const preloaded = new Promise((resolve) => {
  receivePreloaded = resolve;
});

// createCalculator() instantiates the page's module (or compiles its own) and installs the rules;
// requests that arrive meanwhile wait for it below.
const loading = preloaded.then(createCalculator).then(
  (calculator) => {
    postMessage({ ready: calculator.version });
    return calculator;
  },
  (error) => {
    postMessage({ failed: String(error?.message ?? error) });
    throw error;
  },
);
loading.catch(() => {}); // reported above and to each request; not an unhandled rejection

const METHODS = {
  evaluateJson: (calculator, text) => calculator.evaluateJson(text),
  regionsJson: (calculator) => JSON.stringify(calculator.regions()),
};

addEventListener('message', async ({ data }) => {
  if (data?.preloaded) {
    receivePreloaded(data.preloaded);
    return;
  }
  const { id, method, text } = data ?? {};
  try {
    const calculator = await loading;
    if (!Object.hasOwn(METHODS, method)) throw new Error(`unknown method ${method}`);
    postMessage({ id, result: METHODS[method](calculator, text) });
  } catch (error) {
    postMessage({ id, error: String(error?.message ?? error) });
  }
});
