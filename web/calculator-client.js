// The calculator as the UI uses it: connectCalculator() returns at once { ready,
// evaluate(request), regions(codes), vocabulary() }, all promises. It computes
// on the page's main thread, for the page and for the widget on any origin alike: an answer costs
// well under a
// millisecond there, while a worker cost the first answer its start (about 100 ms, more beside
// the page's first layout) and every keystroke a round trip of several milliseconds (README,
// "Performance", has the figures).
import {
  createCalculator,
  prefetchPlaces,
  splitBaseName,
  splitRulesUrl,
  TEXTS_NOT_LOADED,
  wasmUrl,
} from './gongji.mjs';
import { whenIdle } from './later.js';
import { modeFromUrl } from './page-mode.js';

// The page names its first request's places as soon as it knows them, so that their provinces'
// rules download beside the module.
export { prefetchPlaces };

// The widget, if the page is a host of one; else the page is ours.
const widget = () => document.querySelector('gongji-calculator');

// The language the first answer will most likely be in, known before the UI is built: the
// widget's own (Chinese unless it says lang="en", as widget.js reads it), else the one the page's
// address asks for (?lang=en, page-mode.js), else the page's (walk 45: a ?lang=en link downloaded
// the Chinese rules first).
function likelyLang() {
  const lang = widget()
    ? widget().getAttribute('lang')
    : (modeFromUrl(location.href).lang ?? document.documentElement.lang);
  return lang === 'en' ? 'en' : 'zh-CN';
}

// Whether the page makes household plans (the household page, or the widget with
// mode="household"): they need the whole module; the calculator's has no planner and is smaller.
function likelyPlanner() {
  return widget()
    ? widget().getAttribute('mode') === 'household'
    : document.documentElement.hasAttribute('data-household');
}

// Started when this module loads, before the UI has built its form: the module downloads and
// compiles off the main thread (compileStreaming) while the rules download: the base of the split
// rules, with the texts of the likely language only (the other's come when an answer in it is
// asked for) and without the provinces' own rules (those of a request's places come before it is
// answered, or when the region's coverage is asked for). What fails here (a host CSP without
// 'wasm-unsafe-eval', a wrong MIME type, a failed download) is left undefined and
// createCalculator() loads it itself, so the error it reports is the real one.
function preloadCore() {
  const lang = likelyLang();
  const planner = likelyPlanner();
  const module = WebAssembly.compileStreaming(fetch(wasmUrl(planner)));
  const rules = fetch(splitRulesUrl(splitBaseName(lang, planner))).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  return Promise.allSettled([module, rules]).then(([compiled, bytes]) => ({
    module: compiled.value,
    rules: bytes.value,
    lang,
    split: true,
    planner,
  }));
}

let preloaded;
try {
  preloaded = preloadCore();
} catch {
  // No compileStreaming here: createCalculator() downloads the module itself.
  preloaded = Promise.resolve({ lang: likelyLang(), split: true, planner: likelyPlanner() });
}

/**
 * `ready` resolves with the rules version once the module is instantiated and the rules in. With
 * `planner`, the module can make household plans (the whole one, loaded instead if the page
 * preloaded the calculator's).
 */
export function connectCalculator({ planner = false } = {}) {
  // A preloaded whole module serves a calculator too; the calculator's cannot make plans.
  // Neither the calculator's module nor its rules' base (no plan texts) serves a plan.
  const calculator = preloaded.then((core) =>
    createCalculator(
      core.planner || !planner ? core : { ...core, module: undefined, rules: undefined, planner },
    ),
  );
  const ready = calculator.then((loaded) => loaded.version);
  ready.catch(() => {}); // reported through the calls that need it
  return {
    ready,
    // An answer in a language whose texts are not in yet waits for them (once per language), and
    // one for places whose province's rules are not in yet waits for those.
    // The rules' base has the texts of the page's likely first answer only
    // (wasm/first-answers.json): the rest download once an answer is in (when the page is idle),
    // and an answer that needs them before that waits for them.
    evaluate: async (request) => {
      const loaded = await calculator;
      await loaded.loadLanguage(request.lang === 'en' ? 'en' : 'zh-CN');
      await loaded.loadPlaces(request);
      let answer = loaded.evaluate(request);
      if (answer.ok && loaded.textsApart()) {
        whenIdle(() => loaded.loadTexts().catch(() => {})); // tried again when next needed
      }
      // Refused for texts apart (core/src/evaluate.cpp), asked again once they are in. (A switch
      // of language meanwhile installs another base, whose texts are apart again.)
      const needsTexts = (refused) => !refused.ok && refused.error.message === TEXTS_NOT_LOADED;
      for (let tries = 0; tries < 3 && needsTexts(answer) && loaded.textsApart(); tries++) {
        await loaded.loadTexts();
        answer = loaded.evaluate(request);
      }
      return answer;
    },
    // The texts the base of `lang` left out, asked for at once: for a first answer that is not
    // the example's (a link's family, one remembered, another place), which would need them.
    loadTexts: async (lang) => {
      const loaded = await calculator;
      await loaded.loadLanguage(lang === 'en' ? 'en' : 'zh-CN');
      await loaded.loadTexts();
    },
    // The regions whose rules are in, with their coverage; the provinces of `codes` are added
    // first (their rules come with the first answer for them anyway). Every province's rules at
    // once (all.bin) are not needed: the page asks only of the places it shows.
    regions: async (codes = []) => {
      const loaded = await calculator;
      await loaded.loadPlaces({ people: codes.map((region) => ({ region })) });
      return loaded.regions();
    },
    vocabulary: async () => (await calculator).vocabulary(),
  };
}
