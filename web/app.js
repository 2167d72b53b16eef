// The page: mounts the calculator on the document, with the page-only tools: a shareable link in
// the URL fragment, print, remembering the family on this device (only when asked), and the
// offline service worker with its update prompt.
import { initialState, mountCalculator } from './calculator-ui.js';
import { h } from './dom.js';
import { decodeRequest, encodeRequest, withoutNames } from './share.js';
import { TEXTS } from './i18n.js';

const STORAGE_KEY = 'gongji.family.v1';

function storedRequest() {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

const shared = decodeRequest(location.hash);
const remembered = storedRequest();
const state = initialState({
  lang: document.documentElement.lang === 'en' ? 'en' : 'zh-CN',
  request: shared ?? remembered ?? undefined,
});
const options = { includeNames: false, remember: remembered !== null };
let lastRequest = null;

function linkFor(request) {
  const url = new URL(location.href);
  url.hash = `r=${encodeRequest(options.includeNames ? request : withoutNames(request))}`;
  return url.href;
}

let answered;
const firstAnswer = new Promise((resolve) => {
  answered = resolve;
});

function onChange(current, request) {
  answered();
  lastRequest = request;
  history.replaceState(null, '', linkFor(request));
  if (options.remember) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(request));
    } catch {
      /* storage full or blocked */
    }
  }
}

function tools({ texts: t }) {
  const status = h('p', { class: 'tool-status', role: 'status' });
  const link = h('input', {
    type: 'text',
    readonly: true,
    id: 'share-link',
    class: 'share-link',
    'aria-label': t.linkLabel,
    hidden: true,
  });
  const copy = async () => {
    if (!lastRequest) return;
    link.value = linkFor(lastRequest);
    link.hidden = false;
    try {
      await navigator.clipboard.writeText(link.value);
    } catch {
      link.select(); // clipboard refused: the link is selected for the user to copy
    }
    status.textContent = t.linkCopied;
  };
  return h(
    'section',
    { class: 'card page-tools', 'aria-labelledby': 'tools-title' },
    h('h2', { id: 'tools-title', class: 'tools-title' }, t.share),
    h(
      'div',
      { class: 'tool-row' },
      h('button', { type: 'button', id: 'copy-link', onclick: copy }, t.copyLink),
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id: 'include-names',
          checked: options.includeNames,
          onchange: (event) => {
            options.includeNames = event.target.checked;
            if (lastRequest) onChange(state, lastRequest);
          },
        }),
        t.includeNames,
      ),
    ),
    link,
    h(
      'div',
      { class: 'tool-row' },
      h(
        'button',
        { type: 'button', id: 'print', class: 'secondary', onclick: () => window.print() },
        t.print,
      ),
    ),
    h(
      'div',
      { class: 'tool-row' },
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          id: 'remember',
          checked: options.remember,
          onchange: (event) => {
            options.remember = event.target.checked;
            if (options.remember && lastRequest) onChange(state, lastRequest);
            if (!options.remember) localStorage.removeItem(STORAGE_KEY);
          },
        }),
        t.remember,
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'forget',
          class: 'secondary',
          onclick: () => {
            localStorage.removeItem(STORAGE_KEY);
            options.remember = false;
            document.getElementById('remember').checked = false;
            status.textContent = t.forgotten;
          },
        },
        t.forget,
      ),
    ),
    status,
  );
}

// The header written into index.html paints first; the form mounts right after that frame (or
// after 50 ms if no frame comes, e.g. in a background tab) and starts the calculator.
let mounted = false;
function mount() {
  if (mounted) return;
  mounted = true;
  mountCalculator(document.getElementById('app'), { state, onChange, tools, pageLevel: true });
}
requestAnimationFrame(() => setTimeout(mount));
setTimeout(mount, 50);

// Offline: the service worker precaches the site; a new version waits until the user agrees.
// Only that agreement reloads the page (the first install just takes control quietly).
let updateAccepted = false;
function offerUpdate(worker) {
  const t = TEXTS[state.lang];
  const banner = h(
    'div',
    { class: 'update-banner', role: 'alert', id: 'update-banner' },
    h('span', {}, t.updateAvailable),
    ' ',
    h(
      'button',
      {
        type: 'button',
        id: 'update-now',
        onclick: () => {
          updateAccepted = true;
          worker.postMessage('skipWaiting');
        },
      },
      t.updateNow,
    ),
  );
  document.getElementById('update-banner')?.remove();
  document.body.prepend(banner);
}

let registered = false;
function registerOfflineWorker() {
  if (registered || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  registered = true;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !updateAccepted) return;
    reloading = true;
    location.reload();
  });
  navigator.serviceWorker
    .register('sw.js')
    .then((registration) => {
      const watch = (worker) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller)
            offerUpdate(worker);
        });
      if (registration.waiting && navigator.serviceWorker.controller)
        offerUpdate(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    })
    .catch((error) => console.warn('service worker not registered', error));
}
// Installing the offline copy downloads the whole site again: it waits for the first answer (or
// 5 s) and an idle moment, so it never competes with what the person came for.
const whenIdle = (task) =>
  window.requestIdleCallback ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200);
firstAnswer.then(() => whenIdle(registerOfflineWorker));
setTimeout(() => whenIdle(registerOfflineWorker), 5000);
