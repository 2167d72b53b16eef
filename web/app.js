// The page: mounts the calculator on the document, with the page-only tools: a shareable link in
// the URL fragment, print, remembering the family on this device (only when asked), and the
// offline service worker with its update prompt.
import { initialState, mountCalculator, newMemberKey } from './calculator-ui.js';
import { h } from './dom.js';
import { decodeRequest, encodeRequest, familyOf, requestToState, withoutNames } from './share.js';
import { loadTexts, TEXTS } from './i18n.js';
import { forgetFamily, keepFamily, keptFamily, STORAGE_KEY } from './remembered.js';
import { modeFromUrl, withMode } from './page-mode.js';
import { whenIdle } from './later.js';
import { reloadOnNewVersion } from './offline-version.js';
import { reloadOnNewLink } from './new-link.js';

// The names a link leaves out ride with this tab's history entry (history.state), never in the
// address: coming Back from the household page (or any page) shows the family named as it was
// left, and a copied link still carries no names unless asked.
function namesOfThisTab(request) {
  const names = (request.members ?? []).map((m) => m.name ?? '');
  return !options.includeNames && names.some(Boolean) ? { names } : null;
}
function withNamesOfThisTab(request) {
  const names = history.state?.names;
  if (!request || !Array.isArray(request.members) || !Array.isArray(names)) return request;
  return {
    ...request,
    members: request.members.map((m, i) =>
      m && typeof m === 'object' && !m.name && typeof names[i] === 'string' && names[i]
        ? { ...m, name: names[i].slice(0, 64) }
        : m,
    ),
  };
}

// What was kept, if the person asked: a family is computed at today's date unless they had chosen
// a date.
function storedFamily() {
  const kept = keptFamily();
  if (!kept) return null;
  return {
    request: kept.dateChosen ? kept.request : { ...kept.request, as_of: undefined },
    elder: kept.elder,
  };
}

const linkGiven = /^#r=/.test(location.hash);
const shared = withNamesOfThisTab(decodeRequest(location.hash));
const remembered = storedFamily();
// The page's own link (a reload, or the way back from the household page) says the family
// remembered, without its names as a link leaves them out: the remembered family is shown, names
// and all. A link to another family is shown as it is.
const ownLink = Boolean(shared && remembered && familyOf(shared) === familyOf(remembered.request));
// The language and 长辈模式 chosen on the household page come with its link back (?lang=en&large=1).
const mode = modeFromUrl(location.href);
const request = (ownLink ? remembered.request : shared) ?? remembered?.request;
const state = initialState({
  lang: mode.lang ?? (document.documentElement.lang === 'en' ? 'en' : 'zh-CN'),
  family: request ? requestToState(request, newMemberKey) : undefined,
  elder: mode.elder ?? remembered?.elder ?? false,
});
// A family's request says the language it was made in; the address says the one the user chose
// last (on the household page, say, before coming back), which is the one shown.
if (mode.lang) state.lang = mode.lang;
// Another family's link is shown without remembering it, and changing it does not replace the
// family remembered either (walk 46: a helper's edit of a family's link wrote over their own):
// only ticking 记住 again keeps the family shown, and the page says so.
const otherFamilysLink = Boolean(shared && remembered && !ownLink);
const options = { includeNames: false, remember: remembered !== null && !otherFamilysLink };
let lastRequest = null;

function keep() {
  if (!options.remember || !lastRequest) return;
  keepFamily({ request: lastRequest, dateChosen: state.asOfChosen, elder: state.elder });
}

function forget() {
  forgetFamily();
  options.remember = false;
  const box = document.getElementById('remember');
  if (box) box.checked = false;
}

// "Forget" in another tab stays forgotten: this tab stops keeping the family too.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY && event.newValue === null) forget();
});

// The link in the address bar (and copied): the family in the fragment, the page's language and
// 长辈模式 in the query, so that a reload shows the page as it was.
function linkFor(request) {
  const url = new URL(withMode(location.href, location.href, state));
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
  history.replaceState(namesOfThisTab(request), '', linkFor(request));
  // The household page's way back can tell this entry is the calculator as left (the Navigation
  // API hides the address of a no-referrer page, not an entry's own state).
  globalThis.navigation?.updateCurrentEntry?.({ state: { calculator: location.href } });
  updateHouseholdLink();
  keep();
  // A link shown to copy by hand follows the family (review 47: it kept the family of the copy).
  const shown = document.getElementById('share-link');
  if (shown && !shown.hidden) shown.value = linkFor(request);
}

// The household page opens in this page's language and type size, and its form starts at the
// holder's region chosen here (?region=110000); the link follows each change of them. It carries
// this page's own #r= link too, in its fragment (never sent, never stored), for the household
// page's way back to return to the form as the user left it.
function updateHouseholdLink() {
  const householdLink = document.getElementById('household-link');
  if (!householdLink) return;
  const url = new URL(
    withMode('household.html', location.href, {
      lang: state.lang,
      elder: state.elder,
      region: state.holder.region,
    }),
  );
  if (/^#r=/.test(location.hash)) url.hash = location.hash;
  // The example's balance is not the user's: the household form leaves it for them to fill in
  // (walk 43: it became "可共济：3,000.00 元" there, unmarked).
  if (state.exampleBalance) url.searchParams.set('balance', 'example');
  householdLink.href = url.href;
  // It stands outside the calculator: 长辈模式's large type is given to it here (walk 43: 16 px).
  householdLink.parentElement.classList.toggle('elder', Boolean(state.elder));
}

function tools({ texts: t }) {
  // The link to the household plan stands outside the calculator, in the shell's language
  // (Chinese) for the first paint; once the page runs it is in the page's language.
  const householdLink = document.getElementById('household-link');
  if (householdLink) householdLink.textContent = t.householdPath;
  // The skip link in the page's language (walk 52: both languages on the Chinese page).
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = t.skipToResults;
  updateHouseholdLink();
  const status = h(
    'p',
    { class: 'tool-status', role: 'status' },
    otherFamilysLink ? t.linkNotRemembered : '',
  );
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
    let copied = true;
    try {
      await navigator.clipboard.writeText(link.value);
    } catch {
      copied = false;
      link.select(); // clipboard refused: the link is selected for the user to copy
    }
    // Never "copied" when it was not (walk 46: an in-app browser refuses the clipboard).
    const said = copied ? t.linkCopied : t.linkNotCopied;
    const names = namesNote();
    status.textContent = names ? `${said}${t.lang === 'en' ? ' ' : ''}${names}` : said;
  };
  // Names typed: whether the link holds them, and the way to change that.
  const namesNote = () =>
    lastRequest?.members.some((member) => member.name)
      ? options.includeNames
        ? t.namesInLink
        : t.namesLeftOut
      : '';
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
            // A link shown is the new one, and what was said of the old one is said again.
            if (!link.hidden && lastRequest) {
              link.value = linkFor(lastRequest);
              status.textContent = namesNote();
            }
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
            if (options.remember) keep();
            else forget();
            status.textContent = options.remember ? t.rememberedNow : t.forgotten;
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
            forget();
            status.textContent = t.forgotten;
          },
        },
        t.forget,
      ),
    ),
    status,
  );
}

// The header written into index.html paints first; the calculator starts right after that frame
// (or after 50 ms if no frame comes, e.g. in a background tab), and draws the form with its first
// answer.
let mounted = false;
function mount() {
  if (mounted) return;
  mounted = true;
  mountCalculator(document.getElementById('app'), {
    state,
    onChange,
    tools,
    pageLevel: true,
    // A #r= link that cannot be read says so, and the default form is shown.
    notice: (t) => (linkGiven && !shared ? t.brokenLink : null),
    onElderChange: () => keep(),
    onRegionChange: updateHouseholdLink,
  });
}

// The skip link jumps to the answer without replacing the #r= state in the URL.
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  const heading = document.getElementById('results-title');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
});
requestAnimationFrame(() => setTimeout(mount));
setTimeout(mount, 50);

// Offline: the service worker precaches the site; a new version waits until the user agrees.
// Only that agreement reloads the page (the first install just takes control quietly).
let updateAccepted = false;
reloadOnNewVersion(() => updateAccepted);
reloadOnNewLink();
async function offerUpdate(worker) {
  // The English texts, if the update is found before the form is up (Chinese, if they cannot come).
  await loadTexts(state.lang).catch(() => {});
  const t = TEXTS[state.lang] ?? TEXTS['zh-CN'];
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
firstAnswer.then(() => whenIdle(registerOfflineWorker));
setTimeout(() => whenIdle(registerOfflineWorker), 5000);
