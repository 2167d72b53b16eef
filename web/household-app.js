// The household page: the people of a household relative to "you", each re-evaluation a plan of
// whom each should be bound to. The state lives in the URL fragment (#h=, names only when asked),
// nothing is stored, and it prints like the single answer.
import { connectCalculator, prefetchPlaces } from './calculator-client.js';
import {
  failedNotice,
  fieldClass,
  h,
  loadFailedNotice,
  namedProblem,
  setBarText,
  problemNotice,
  stepAsideWhileInView,
  stickyWhileItFits,
  uniqueId,
  updateParts,
  errorText,
} from './dom.js';
import { TEXTS, aside } from './i18n.js';
import { fenToYuanText, readAge, readDate, readYuan, today, YUAN_PROBLEM_TEXT } from './amount.js';
import { prefetchRegionSearch, regionPicker } from './region-picker.js';
import { decodeRequest, encodeRequest } from './share.js';
import { accountExtras, householdFromCalculator } from './household-from-calculator.js';
import { blank, householdRequest } from './household-state.js';
import { HOUSEHOLD_TEXTS, householdTexts } from './household-texts.js';
import { headerTools } from './header-tools.js';
import {
  forgetHousehold,
  keepElder,
  keepHousehold,
  keptElder,
  keptHousehold,
} from './remembered.js';
import { boundOutside, renderPlan } from './household-view.js';
import { modeFromUrl, withMode } from './page-mode.js';
import { whenIdle } from './later.js';

// A household like the ones people bring: two earners, a child, a parent, an in-law elsewhere.
const EXAMPLE = [
  { role: 'self', age: '38', scheme: 'employee', region: '410100', balance: '3000' },
  { role: 'spouse', age: '36', scheme: 'employee', region: '', balance: '5000' },
  { role: 'child', age: '8', scheme: 'resident', region: '' },
  { role: 'father', age: '66', scheme: 'resident', region: '410300' },
  { role: 'spouse_mother', age: '63', scheme: 'resident', region: '510100' },
];

// The names typed in this tab, which its link leaves out, kept in the tab's history entry as the
// calculator keeps them: a reload shows them again (walk 46), and they never leave the device.
const namesOfThisTab = (state) => ({ names: state.people.map((p) => p.name) });
function withNamesOfThisTab(state) {
  const names = history.state?.names;
  if (!state || !Array.isArray(names)) return state;
  state.people.forEach((p, i) => {
    if (!p.name && typeof names[i] === 'string') p.name = names[i].slice(0, 64);
  });
  return state;
}

/**
 * Form state from a `#h=` fragment's request; anything that is not text becomes a default, and a
 * word the core does not know is reported by it at its field.
 */
function fromRequest(request) {
  const people = (request?.household?.people ?? []).filter?.((p) => p && typeof p === 'object');
  if (!Array.isArray(people) || people.length === 0) return null;
  const text = (v) => (typeof v === 'string' ? v : '');
  return {
    lang: request.lang === 'en' ? 'en' : 'zh-CN',
    asOf:
      typeof request.as_of === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(request.as_of)
        ? request.as_of
        : today(),
    people: people.slice(0, 20).map((p) =>
      blank({
        name: text(p.name).slice(0, 64),
        role: text(p.role) || 'other',
        sex: text(p.sex),
        // An age or a balance the page could not read comes back as typed (walk 52).
        age: Number.isInteger(p.age) ? String(p.age) : text(p.age).slice(0, 8),
        scheme: text(p.scheme) || 'resident',
        status: text(p.status) || 'employed',
        region: typeof p.region === 'string' && /^\d{6}$/.test(p.region) ? p.region : '',
        balance: Number.isSafeInteger(p.balance_fen)
          ? fenToYuanText(p.balance_fen)
          : text(p.balance_fen).slice(0, 40),
        extra: accountExtras(p),
      }),
    ),
  };
}

// The most people a household may have (the contract's limit).
const MOST_PEOPLE = 20;

// The fragment: the household (#h=…), and the calculator's own link (r=…) where the user came from
// the calculator, kept for the way back to it: #h=…&r=…, or #r=… alone on arrival.
const FRAGMENT =
  /^#(?:h=([A-Za-z0-9_-]{1,200000})(?:&r=([A-Za-z0-9_-]{1,200000}))?|r=([A-Za-z0-9_-]{1,200000}))$/;

/** The calculator's link carried in the fragment (its r=), or ''. */
function calculatorLinkIn(hash) {
  const match = FRAGMENT.exec(hash ?? '');
  return match?.[2] ?? match?.[3] ?? '';
}

function decodeFragment(hash) {
  const match = FRAGMENT.exec(hash ?? '');
  if (!match?.[1]) return null;
  try {
    const base64 = match[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

// What the form says of a family carried from the calculator: what was done, then each thing to
// add or check as an item of its own (walk 42: one dense paragraph of five instructions).
function carriedNote(carried, tx) {
  const items = [
    carried.namesLeftOut && tx.carriedNoNames,
    carried.guessed && tx.carriedParents,
    carried.overflow && tx.carriedOverflow,
    carried.statusGuessed && tx.carriedStatus,
    carried.exampleBalance && tx.carriedExampleBalance,
    carried.balanceMissing && tx.carriedBalance,
    carried.tooMany && tx.carriedTooMany,
  ].filter(Boolean);
  return h(
    'div',
    { class: 'example-note', id: 'carried-note' },
    h('p', {}, tx.carriedNote),
    items.length
      ? h(
          'ul',
          {},
          items.map((item) => h('li', {}, item.trim())),
        )
      : null,
  );
}

// Under a person, what was kept for them that the form has no field for (from the calculator or
// the link), as it is sent: an account's facts only for an employee-scheme person.
function extrasLine(person, tx) {
  const extra = person.extra ?? {};
  const account = person.scheme === 'employee';
  const items = [];
  if (account && extra.has_personal_account !== undefined)
    items.push(extra.has_personal_account ? tx.extraHasAccount : tx.extraNoAccount);
  return items.length ? h('p', { class: 'person-extra span' }, tx.extras(items)) : null;
}

/**
 * Mounts the household form and plan in `root`. On the page (`pageLevel`) it owns the title, the
 * document's language and the link in the address bar; in the widget it keeps to its root.
 */
export function mountHousehold(root, { pageLevel = true, lang } = {}) {
  const shared = pageLevel ? withNamesOfThisTab(fromRequest(decodeFragment(location.hash))) : null;
  // The household kept on this device (its 记住 ticked), where no link says another, at today's
  // rules: names and all, as it never leaves the device.
  const kept =
    pageLevel && !location.hash ? fromRequest({ ...keptHousehold(), as_of: undefined }) : null;
  // The calculator's own link, where the user came from there: the way back returns to its form
  // as the user left it.
  const calculatorLink = pageLevel ? calculatorLinkIn(location.hash) : '';
  // The calculator's language and 长辈模式 come with its link here (?lang=en&large=1).
  const mode = pageLevel ? modeFromUrl(location.href) : {};
  // Where the user came from the calculator, the family typed there (its link) becomes the
  // household once the vocabulary is in (household-from-calculator.js); else the example.
  const calculatorRequest =
    shared || !calculatorLink ? null : decodeRequest(`#r=${calculatorLink}`);
  // Only a family: a holder and at least one relative (the example shows more than one alone).
  const fromCalculator =
    calculatorRequest?.holder &&
    typeof calculatorRequest.holder === 'object' &&
    Array.isArray(calculatorRequest.members) &&
    calculatorRequest.members.some((m) => m && typeof m === 'object')
      ? calculatorRequest
      : null;
  // A #h= link that cannot be read (a chat app cut it) says so above the example (walk 60: the
  // example household was taken for the sender's), as the calculator's does.
  const brokenLink = pageLevel && !shared && location.hash.startsWith('#h=');
  const state = shared ??
    kept ?? {
      lang: (mode.lang ?? lang ?? document.documentElement.lang) === 'en' ? 'en' : 'zh-CN',
      asOf: today(),
      people: EXAMPLE.map((p) => blank(p)),
      example: !fromCalculator, // the example household, marked as one until the user changes it
      brokenLink,
      // The family carried from the calculator: the form says what to check (the holder's age, a
      // parent's side) until the page is left.
      carried: null,
    };
  // 长辈模式 as the person chose it on the calculator (its link says so), or where they asked for
  // it to be kept.
  state.elder = pageLevel && (mode.elder ?? keptElder());
  const options = { includeNames: false, remember: Boolean(kept) };
  prefetchPlaces([
    mode.region,
    ...(fromCalculator ? [] : state.people.map((p) => p.region)),
    fromCalculator?.holder?.region,
    ...(Array.isArray(fromCalculator?.members) ? fromCalculator.members : []).map((m) => m?.region),
  ]);
  const calculator = connectCalculator({ planner: true });
  // The region chosen on the calculator (its link's ?region=110000) is where the example household
  // starts: yours, and so your relatives' who are insured where you are. A household from a link
  // (#h=) keeps its own, and a code the rules do not know (asked of the module) is ignored. The
  // form waits for this before it is first drawn.
  const regionCarried =
    mode.region && !shared && !fromCalculator
      ? calculator
          .regions([mode.region])
          .then((regions) => {
            if (regions.some((region) => region.code === mode.region))
              state.people[0].region = mode.region;
          })
          .catch(() => {}) // no module: the plan says so
      : null;
  let pending = 0;
  let sequence = 0;
  let vocabulary; // the option lists and labels, with the module
  let shownProblems = []; // [path, message] the form last marked, kept on a field drawn later
  const t = () =>
    vocabulary ? householdTexts(state.lang, vocabulary) : HOUSEHOLD_TEXTS[state.lang];
  const byId = (id) => root.querySelector(`#${id}`);

  const select = (choices, value, onChange, attributes = {}) =>
    h(
      'select',
      { onchange: (event) => onChange(event.target.value), ...attributes },
      choices.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  // As on the calculator: the label above its control, which keeps the form's type size (16 px:
  // a phone zooms into a smaller field).
  const field = (label, control) => {
    control.id ||= uniqueId('field');
    return h(
      'div',
      { class: fieldClass(control) },
      h('label', { for: control.id }, label),
      control,
    );
  };
  const change =
    (person, key, redraw = false) =>
    (value) => {
      person[key] = value;
      if (redraw) renderForm();
      schedule();
    };

  // The tiers, "not sure" first (as on the calculator, and nothing is sent), and a value the
  // vocabulary does not know as it is, so that what is sent is what is shown.
  function tierChoices(value, tx) {
    const known = tx.options('tier');
    const unknown = value && !known.some(([id]) => id === value) ? [[value, value]] : [];
    return [['', TEXTS[state.lang].tierNone], ...known, ...unknown];
  }

  // 深圳's tier is asked of each employee whose place's rules have tiers, as the calculator asks
  // its holder (without it the plan can only assume an account), and of anyone who has a tier
  // already (from the calculator or a link) until it is cleared. The places' tiers come with
  // their rules, after the first plan: each person's slot is filled in then (learnTiers).
  const tiersOf = new Map(); // region code -> its tiers ([] where none)
  const placeOf = (person) => person.region || state.people[0]?.region || '';
  function tierField(person, i, tx) {
    const tiers = tiersOf.get(placeOf(person)) ?? [];
    if (person.scheme !== 'employee' || (tiers.length === 0 && !person.extra.tier)) return null;
    return field(
      TEXTS[state.lang].tier,
      select(
        tierChoices(person.extra.tier ?? '', tx),
        person.extra.tier ?? '',
        change(person.extra, 'tier'),
        {
          'data-path': `/household/people/${i}/tier`,
        },
      ),
    );
  }
  const tierSlot = (person, i, tx) =>
    h('div', { class: 'slot', id: `tier-slot-${i}` }, tierField(person, i, tx));
  // Bound already by someone not on this page: where a relative may have one holder only (贵州,
  // 山东) that decides the plan, so it is asked of each relative, as the calculator asks it.
  function boundField(person, i, tx) {
    return h(
      'label',
      { class: 'check span' },
      h('input', {
        type: 'checkbox',
        checked: Boolean(person.extra.bound_to_other_holder),
        'data-path': `/household/people/${i}/bound_to_other_holder`,
        onchange: (event) => {
          if (event.target.checked) person.extra.bound_to_other_holder = true;
          else delete person.extra.bound_to_other_holder;
          schedule();
        },
      }),
      tx.boundElsewhere,
    );
  }
  async function learnTiers() {
    const codes = [...new Set(state.people.map(placeOf))].filter((c) => c && !tiersOf.has(c));
    if (codes.length) {
      const regions = await calculator.regions(codes);
      for (const code of codes) {
        tiersOf.set(code, regions.find((region) => region.code === code)?.tiers ?? []);
      }
    }
    // Every slot, places known before included: a person moved between two known places
    // (北京 to 深圳) gets or loses the field too.
    state.people.forEach((person, i) => {
      const slot = byId(`tier-slot-${i}`);
      // A slot whose select has focus is left as it is: redrawing it would take the focus away.
      if (!slot || slot.contains(document.activeElement)) return;
      slot.replaceChildren(tierField(person, i, t()) ?? '');
      // Drawn after the plan may have marked it (a link's tier the rules do not name): the mark
      // stays.
      const marked = shownProblems.find(([path]) => path === `/household/people/${i}/tier`);
      if (marked) markField(...marked);
    });
    // The tier warning drawn before these fields were asked names their people once they are.
    const tiered = codes.some((code) => tiersOf.get(code).length);
    if (tiered && root.querySelector('[data-code="holder.tier_missing"]')) schedule();
  }

  // The amounts kept from the calculator or a link, each a field to change here.
  function keptFields(person, i) {
    const words = TEXTS[state.lang];
    const fields = [];
    for (const key of Object.keys(person.amounts)) {
      fields.push(
        field(
          key === 'prior_years_balance_fen' ? words.priorYears : words.authorized,
          h('input', {
            type: 'text',
            inputmode: 'decimal',
            value: person.amounts[key],
            'data-path': `/household/people/${i}/${key}`,
            oninput: (event) => change(person.amounts, key)(event.target.value),
          }),
        ),
      );
    }
    return fields;
  }

  // A place is typed and picked (郑州 / zhengzhou / zz), as on the calculator, not found in a
  // list of several hundred; a relative's may stay empty: the same as yours.
  function regionField(person, i) {
    const words = TEXTS[state.lang];
    const picker = regionPicker({
      label: t().region,
      value: person.region,
      placeholder: i > 0 ? t().sameRegionPlaceholder : words.regionPlaceholder,
      allowEmpty: i > 0,
      emptyMeans: i > 0 ? t().regionSameAsYou : '',
      citiesOnly: i > 0,
      typed: person.regionTyped ?? '',
      onTyped: (text) => {
        person.regionTyped = text;
      },
      texts: words,
      via: person.regionVia ?? '',
      onChange: (code, via) => {
        person.regionVia = via;
        change(person, 'region')(code);
      },
    });
    picker.querySelector('input').dataset.path = `/household/people/${i}/region`;
    return picker;
  }

  function renderPerson(person, i) {
    const tx = t();
    // The first person is the one filling in the form; everyone else is a relative of theirs.
    const roleChoices = tx.options('role').filter(([role]) => (role === 'self') === (i === 0));
    return h(
      'li',
      { class: 'card person-form' },
      h(
        'fieldset',
        {},
        h('legend', {}, `${tx.person} ${i + 1}`),
        h(
          'div',
          { class: 'grid' },
          field(
            tx.role,
            select(roleChoices, person.role, change(person, 'role', true), {
              'data-path': `/household/people/${i}/role`,
            }),
          ),
          field(
            tx.name,
            h('input', {
              type: 'text',
              value: person.name,
              maxlength: 64,
              'data-path': `/household/people/${i}/name`,
              oninput: (event) => change(person, 'name')(event.target.value),
            }),
          ),
          person.role === 'self'
            ? field(
                tx.sex,
                select(
                  [['', tx.sexNone], ...tx.options('sex')],
                  person.sex,
                  change(person, 'sex'),
                  {
                    'data-path': `/household/people/${i}/sex`,
                  },
                ),
              )
            : null,
          field(
            tx.age,
            h('input', {
              type: 'text',
              inputmode: 'numeric',
              value: person.age,
              'data-path': `/household/people/${i}/age`,
              oninput: (event) => change(person, 'age')(event.target.value),
            }),
          ),
          field(
            tx.scheme,
            select(tx.options('scheme'), person.scheme, change(person, 'scheme', true), {
              'data-path': `/household/people/${i}/scheme`,
            }),
          ),
          regionField(person, i),
          extrasLine(person, tx),
          person.scheme === 'employee'
            ? [
                field(
                  tx.status,
                  select(tx.options('status'), person.status, change(person, 'status'), {
                    'data-path': `/household/people/${i}/status`,
                  }),
                ),
                field(
                  tx.balance,
                  h('input', {
                    type: 'text',
                    inputmode: 'decimal',
                    value: person.balance,
                    'data-path': `/household/people/${i}/balance_fen`,
                    oninput: (event) => change(person, 'balance')(event.target.value),
                  }),
                ),
                tierSlot(person, i, tx),
                ...keptFields(person, i),
              ]
            : null,
          i > 0 ? boundField(person, i, tx) : null,
        ),
        i > 0
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'aria-label': `${tx.remove} ${i + 1}`,
                // Focus moves to the next person's first field, else to 添加成员 (as on the
                // calculator), and the page says who was removed.
                onclick: () => {
                  const who = personName(i);
                  const [removed] = state.people.splice(i, 1);
                  renderForm();
                  const next = root.querySelectorAll('.person-form')[i];
                  (next?.querySelector('select, input') ?? byId('add-person'))?.focus();
                  // One tap removed a card with its age, place and balance: it can be taken back,
                  // as on the calculator (walk 63), to its place and with the focus in it.
                  say(tx.removed(who), () => {
                    if (state.people.length >= MOST_PEOPLE) {
                      say(tx.peopleLimit(MOST_PEOPLE)); // no room left to take it back into
                      return;
                    }
                    state.people.splice(Math.min(i, state.people.length), 0, removed);
                    renderForm();
                    const back = root.querySelectorAll('.person-form')[i];
                    back?.querySelector('select, input')?.focus();
                    say(t().restored);
                    schedule();
                  });
                  schedule();
                },
              },
              tx.remove,
            )
          : null,
      ),
    );
  }

  function renderForm() {
    if (!vocabulary) return;
    const tx = t();
    peopleStatus.textContent = ''; // what was said before this change is no longer news
    byId('household-form').replaceChildren(
      // replaceChildren would write a null as the text "null": nothing is spread instead.
      ...(state.brokenLink
        ? [h('p', { class: 'notice', id: 'broken-link', role: 'alert' }, tx.brokenLink)]
        : []),
      ...(state.example
        ? [
            h(
              'p',
              { class: 'example-note', id: 'example-note' },
              tx.exampleNote,
              ' ',
              // Edited in place, an example person kept the example's place and age when only
              // the role was changed (walk 63: a child "insured in 洛阳" could not be bound):
              // a family may start from a blank form instead.
              h(
                'button',
                { type: 'button', class: 'secondary', id: 'clear-example', onclick: clearExample },
                tx.clearExample,
              ),
            ),
          ]
        : []),
      ...(state.carried ? [carriedNote(state.carried, tx)] : []),
      field(
        tx.asOf,
        h('input', {
          type: 'text',
          id: 'as-of',
          value: state.asOf,
          maxlength: 20, // 2026年12月31日 and 2026 年 12 月 31 日 too
          'data-path': '/as_of',
          oninput: (event) => {
            state.asOf = event.target.value;
            schedule();
          },
        }),
      ),
      h(
        'fieldset',
        { class: 'card' },
        h('legend', {}, tx.people),
        h('ol', { class: 'person-list' }, state.people.map(renderPerson)),
        state.people.length < MOST_PEOPLE
          ? h(
              'button',
              {
                type: 'button',
                id: 'add-person',
                // The new person's age is asked for at once, beside the field and in the plan,
                // as on the calculator (walk 54: the plan went on counting the people before,
                // and the new one was in none of it); the new card takes the focus.
                onclick: () => {
                  state.people.push(blank());
                  renderForm();
                  schedule();
                  const cards = root.querySelectorAll('.person-form');
                  cards[cards.length - 1]?.querySelector('select, input')?.focus();
                },
              },
              tx.add,
            )
          : h('p', { class: 'limit-note', id: 'people-limit' }, tx.peopleLimit(MOST_PEOPLE)),
        peopleStatus,
      ),
    );
  }

  // "成员 3（小李）" or "成员 3（子女）": the card's own title, since several people may share a
  // role, with the name the user gave or the role.
  function personName(i) {
    const tx = t();
    const person = state.people[i];
    const role = tx.options('role').find(([value]) => value === person?.role)?.[1];
    const numbered = `${tx.person} ${i + 1}`;
    const called = person?.name.trim() || role;
    return called ? `${numbered}${aside(called, state.lang)}` : numbered;
  }

  // Who was removed, said under the people, where the user is: one node for the page's life, its
  // text a frame after the redraw, so that a screen reader hears it as news (as on the calculator).
  const peopleStatus = h('p', { class: 'form-status', id: 'people-status', role: 'status' });
  // With `undo`, the removal said can be taken back by a button after it (as on the calculator).
  function say(text, undo) {
    const said = undo
      ? [
          text,
          ' ',
          h('button', { type: 'button', class: 'secondary undo', onclick: undo }, t().undo),
        ]
      : [text];
    requestAnimationFrame(() => peopleStatus.replaceChildren(...said));
  }

  // The address bar's link (and the one copied): the plan in the fragment, the page's language and
  // 长辈模式 in the query, so that a reload shows the page as it was. The address bar's keeps the
  // calculator's link for the way back; the one copied is the household's alone.
  function linkFor({ copied = false } = {}) {
    const url = new URL(withMode(location.href, location.href, state));
    url.searchParams.delete('balance'); // the example's mark, read once on arrival
    const back = calculatorLink && !copied ? `&r=${calculatorLink}` : '';
    url.hash = `h=${encodeRequest(householdRequest(state, options.includeNames))}${back}`;
    return url.href;
  }

  // Back to the calculator as the user left it, names too (its link leaves them out): the tab's
  // previous entry, where the browser can tell (the Navigation API; the calculator marks its
  // entry) that it is that very page in the language and type size chosen here (walk 42: the
  // link lost the names, browser Back did not); else the link.
  function backInHistory(event) {
    const entries = globalThis.navigation?.entries?.() ?? [];
    const previous = entries[(globalThis.navigation?.currentEntry?.index ?? 0) - 1];
    const address = previous?.getState?.()?.calculator; // app.js says it
    if (typeof address !== 'string') return;
    const there = new URL(address);
    const link = new URL(backLink());
    const mode = modeFromUrl(there.href);
    if (
      there.origin !== link.origin ||
      there.pathname !== link.pathname ||
      there.hash !== link.hash ||
      (mode.lang ?? 'zh-CN') !== state.lang ||
      Boolean(mode.elder) !== Boolean(state.elder)
    ) {
      return;
    }
    event.preventDefault();
    history.back();
  }

  function backLink() {
    const url = new URL(withMode('./', location.href, state));
    if (calculatorLink) {
      url.hash = `r=${calculatorLink}`;
      // The form carries the language it was left in: the one chosen here is said, Chinese too.
      url.searchParams.set('lang', state.lang);
    }
    return url.href;
  }

  let listAsked = false; // the region list asked for, after the first plan
  async function evaluate() {
    pending = 0;
    const mine = ++sequence;
    const results = byId('plan-results');
    results.dataset.state = 'busy';
    if (!vocabulary) {
      try {
        vocabulary = await calculator.vocabulary(); // the form's option lists come with the module
      } catch (error) {
        // The module or its rules could not be loaded: said as the calculator says it.
        console.error(error);
        if (mine !== sequence) return;
        byId('plan-body').replaceChildren(loadFailedNotice(TEXTS[state.lang]));
        results.dataset.state = 'failed';
        return;
      }
      await regionCarried;
      const carried = fromCalculator && householdFromCalculator(fromCalculator, vocabulary);
      if (carried) {
        state.people = carried.people.map((p) => blank(p));
        state.asOf = carried.asOf ?? state.asOf;
        // The calculator's example balance is not carried as the user's own.
        const exampleBalance = new URL(location.href).searchParams.get('balance') === 'example';
        if (exampleBalance) state.people[0].balance = '';
        const { guessed, overflow, statusGuessed, balanceMissing, namesLeftOut, tooMany } = carried;
        state.carried = {
          guessed,
          overflow,
          statusGuessed,
          balanceMissing,
          namesLeftOut,
          tooMany,
          exampleBalance,
        };
      } else if (fromCalculator) {
        state.example = true; // a link that says no family: the example, marked
      }
      renderForm();
    }
    const request = householdRequest(state);
    // What the page reads itself (the date, ages, amounts) is checked here, every problem at once;
    // an amount the form cannot read is never planned as 0.
    const found = formProblems();
    let answer;
    try {
      answer = found.length ? null : await calculator.evaluate(request);
    } catch (error) {
      // A download the answer needs failed (e.g. the other language's rules, offline).
      console.error(error);
      if (mine !== sequence) return;
      byId('plan-body').replaceChildren(failedNotice(TEXTS[state.lang], schedule));
      results.dataset.state = 'failed';
      return;
    }
    if (mine !== sequence) return;
    learnTiers().catch(console.error); // the places' rules are in now: their tiers cost nothing
    if (pageLevel) history.replaceState(namesOfThisTab(state), '', linkFor());
    if (options.remember) keepHousehold(householdRequest(state));
    // A link shown to copy by hand follows the household (review 47).
    const shown = root.querySelector('.page-tools .share-link');
    if (shown && !shown.hidden) shown.value = linkFor({ copied: true });
    const body = byId('plan-body');
    // A place typed and not found keeps its mark while its text stands (region-picker.js).
    for (const input of root.querySelectorAll('[aria-invalid]:not([data-unresolved])'))
      input.removeAttribute('aria-invalid');
    for (const note of root.querySelectorAll('.field-error')) {
      for (const input of root.querySelectorAll(`[aria-describedby~="${note.id}"]`)) {
        const rest = input
          .getAttribute('aria-describedby')
          .split(' ')
          .filter((d) => d !== note.id);
        if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
        else input.removeAttribute('aria-describedby');
      }
      note.remove();
    }
    shownProblems = [];
    if (answer?.ok) {
      // The people whose tier is asked and not chosen, for the tier warning to name.
      const tierMissing = request.household.people.flatMap((person, i) => {
        const path = `/household/people/${i}/tier`;
        return fieldAt(path)?.value === '' ? [[person.id, path]] : [];
      });
      updateParts(
        body,
        h('div', {}, renderPlan(answer, request, t(), { ...state, tierMissing, focusField })),
      );
      // A screen reader hears the plan's one-line summary, not the whole plan again.
      // One bound by a holder not listed is not counted as one no one can cover (walk 46).
      const outside = boundOutside(answer.plan).length;
      announce(
        t().summary(answer.plan.covered, answer.plan.total, answer.plan.holders.length, outside),
      );
      showPlanBar([t().barSummary(answer.plan.covered, answer.plan.total, outside)]);
      results.dataset.state = 'answer';
      // The place fields' names: the region list, once the first plan is drawn (never before it).
      if (!listAsked) whenIdle(prefetchRegionSearch);
      listAsked = true;
      return;
    }
    // Presented as the calculator presents its problems (problemNotice): one lead, then each
    // problem naming its person and field, a button to it; the bar gives the first.
    const problems = answer
      ? [[answer.error.path, errorText(answer.error, t(), fieldAt(answer.error.path))]]
      : found;
    shownProblems = problems;
    const named = problems.map(([path, message]) => [path, markField(path, message)]);
    showPlanBar([], [problems[0][1], problemAt(problems[0][0])]);
    body.replaceChildren(...problemNotice(TEXTS[state.lang], named, focusField));
    announce(''); // the problems' own alert says it
    results.dataset.state = 'problem';
  }

  function announce(text) {
    const live = byId('plan-live');
    if (live && live.textContent !== text) live.textContent = text;
  }

  // What the form cannot read, in the order of the form, as [JSON Pointer, what to do]: the date,
  // then each person's age and (for an employee) balance.
  function formProblems() {
    const tx = t();
    const found = [];
    if (!readDate(state.asOf).date) found.push(['/as_of', tx.dateFormat]);
    state.people.forEach((p, i) => {
      if (readAge(p.age).age === undefined)
        found.push([`/household/people/${i}/age`, p.age.trim() ? tx.ageFormat : tx.ageEmpty]);
      if (p.scheme !== 'employee') return;
      // The balance must be read; a kept amount may be left empty (it is then not sent).
      for (const [key, text, needed] of [
        ['balance_fen', p.balance, true],
        ...Object.entries(p.amounts).map(([key, value]) => [key, value, false]),
      ]) {
        const amount = readYuan(text);
        if (amount.fen !== undefined || (!needed && !text.trim())) continue;
        const message = tx[YUAN_PROBLEM_TEXT[amount.problem]];
        found.push([`/household/people/${i}/${key}`, message]);
      }
    });
    return found;
  }

  const fieldAt = (path) => root.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const focusField = (path) => fieldAt(path)?.focus();

  // Marks the field at `path` with the message beside it; returns it named as the calculator
  // names a problem (namedProblem): "成员 3（子女） · 年龄：…".
  function markField(path, message) {
    // The message is the field's description too, as on the calculator: a screen reader says it
    // when the field is focused (walk 54).
    const input = fieldAt(path);
    const id = `error${path.replaceAll('/', '-')}`;
    input?.setAttribute('aria-invalid', 'true');
    input?.after(h('span', { class: 'field-error', id }, message));
    const described = input?.getAttribute('aria-describedby');
    input?.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
    return namedProblem(TEXTS[state.lang], problemAt(path), message);
  }

  // Where a problem is: the person and the field's label, or the day.
  function problemAt(path) {
    const tx = t();
    const words = TEXTS[state.lang];
    const match = /^\/household\/people\/(\d+)(?:\/(\w+))?/.exec(path);
    if (!match) return [path === '/as_of' ? tx.asOf : null];
    const labels = {
      age: tx.age,
      balance_fen: tx.balance,
      region: tx.region,
      scheme: tx.scheme,
      tier: words.tier,
      prior_years_balance_fen: words.priorYears,
      authorized_limit_fen: words.authorized,
    };
    return [personName(Number(match[1])), labels[match[2]]];
  }

  // The example's people all gone: one blank card for the user, employee-insured as a holder
  // usually is, and its first field focused. The place the user chose on the calculator
  // (?region=) stays theirs; the example's own place does not.
  function clearExample() {
    const chosen = mode.region && state.people[0].region === mode.region ? mode.region : '';
    state.people = [blank({ role: 'self', scheme: 'employee', region: chosen })];
    notExample();
    renderForm();
    schedule();
    root.querySelector('.person-form select, .person-form input')?.focus();
    say(t().exampleCleared);
  }

  function notExample() {
    state.example = false;
    byId('example-note')?.remove();
    state.brokenLink = false;
    byId('broken-link')?.remove();
  }

  function schedule() {
    byId('plan-results').dataset.state = 'busy';
    if (!pending) pending = requestAnimationFrame(() => evaluate().catch(console.error));
  }

  // `focusId`: the switch the user pressed, which the redraw replaced.
  function render(focusId) {
    const tx = t();
    if (pageLevel) {
      document.documentElement.lang = state.lang;
      document.title = tx.title.replaceAll('\u200b', '');
    }
    const status = h('p', { class: 'tool-status', id: 'household-status', role: 'status' });
    // The link to copy by hand, shown only where the clipboard refused it.
    const shareLink = h('input', {
      type: 'text',
      readonly: true,
      class: 'share-link',
      'aria-label': tx.linkLabel,
      hidden: true,
    });
    root.replaceChildren(
      h(
        'div',
        { class: `gongji-app household-page${state.elder ? ' elder' : ''}`, lang: state.lang },
        h(
          'header',
          { class: 'site-header' },
          h(
            'div',
            {},
            h(pageLevel ? 'h1' : 'h2', { id: 'title', class: 'whole-words' }, tx.title),
            h('p', { class: 'tagline' }, tx.tagline),
            pageLevel
              ? h(
                  'p',
                  { class: 'no-print' },
                  // Back in the language and type size chosen here.
                  h('a', { href: backLink(), id: 'back', onclick: backInHistory }, tx.back),
                  // The calculator shows its family as it was left (walk 43: edits made here were
                  // looked for there).
                  calculatorLink ? tx.backKeeps : null,
                )
              : null,
          ),
          headerTools(TEXTS[state.lang], {
            lang: state.lang,
            elder: state.elder,
            onElder: () => {
              state.elder = !state.elder;
              if (pageLevel) keepElder(state.elder);
              render('elder-toggle');
            },
            onLang: () => {
              state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
              render('lang-toggle');
            },
          }),
        ),
        h(
          'main',
          { class: 'layout' },
          h(
            'div',
            { class: 'inputs' },
            h('form', {
              id: 'household-form',
              class: 'form',
              novalidate: true,
              onsubmit: (event) => event.preventDefault(),
              // Any change (a field, a person added or removed) makes it the user's household.
              oninput: notExample,
              onchange: notExample,
              onclick: (event) => {
                if (event.target.closest('button')) notExample();
              },
            }),
            h(
              'section',
              { class: 'card page-tools no-print' },
              h(
                'div',
                { class: 'tool-row' },
                h(
                  'button',
                  {
                    type: 'button',
                    id: 'copy-link',
                    onclick: async () => {
                      shareLink.value = linkFor({ copied: true });
                      let copied = true;
                      try {
                        await navigator.clipboard.writeText(shareLink.value);
                      } catch {
                        copied = false;
                      }
                      // Not copied (an in-app browser may refuse, walk 46): never said to be; the
                      // link is shown, selected, to copy by hand, as on the calculator.
                      shareLink.hidden = copied;
                      if (!copied) shareLink.select();
                      const said = copied ? tx.linkCopied : tx.linkNotCopied;
                      // Names typed but not in the link: said, with the way to include them.
                      const namesLeftOut =
                        !options.includeNames && state.people.some((p) => p.name.trim());
                      // One sentence end between the two (review 47: "。。").
                      status.textContent = namesLeftOut
                        ? `${said.replace(/[。.]$/, '')}${tx.sentenceSep}${tx.namesLeftOut}`
                        : said;
                    },
                  },
                  tx.copyLink,
                ),
                h(
                  'label',
                  { class: 'check' },
                  h('input', {
                    type: 'checkbox',
                    id: 'include-names',
                    checked: options.includeNames,
                    onchange: (event) => {
                      options.includeNames = event.target.checked;
                      if (pageLevel) history.replaceState(namesOfThisTab(state), '', linkFor());
                      // What was said of the link copied before is said of the new one.
                      if (status.textContent && state.people.some((p) => p.name.trim())) {
                        status.textContent = options.includeNames
                          ? tx.namesInLink
                          : tx.namesLeftOut;
                      }
                    },
                  }),
                  tx.includeNames,
                ),
              ),
              shareLink,
              h(
                'label',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  id: 'remember-household',
                  checked: options.remember,
                  onchange: (event) => {
                    options.remember = event.target.checked;
                    if (options.remember) keepHousehold(householdRequest(state));
                    else forgetHousehold();
                    status.textContent = options.remember ? tx.rememberedNow : tx.forgotten;
                  },
                }),
                tx.remember,
              ),
              h(
                'div',
                { class: 'tool-row' },
                h(
                  'button',
                  {
                    type: 'button',
                    id: 'print',
                    class: 'secondary',
                    onclick: () => window.print(),
                  },
                  tx.print,
                ),
              ),
              status,
            ),
          ),
          h(
            'section',
            { id: 'plan-results', class: 'results', 'data-state': 'busy' },
            h('h2', { tabindex: '-1' }, tx.plan),
            h('p', { id: 'plan-live', class: 'visually-hidden', role: 'status' }),
            h('div', { id: 'plan-body' }, tx.waiting),
          ),
        ),
        h('footer', { class: 'site-footer' }, h('p', {}, tx.privacy)),
        pageLevel
          ? h(
              'div',
              { class: 'summary-bar', id: 'plan-bar', hidden: true },
              h('p', { id: 'plan-bar-text', 'aria-hidden': 'true' }),
              h('button', { type: 'button', id: 'to-plan', onclick: jumpToPlan }, tx.toPlan),
            )
          : null,
      ),
    );
    watchPlan();
    renderForm();
    if (focusId) byId(focusId)?.focus();
    schedule();
  }

  // ---- on a narrow screen the plan is below the form: its gist stays at the bottom of the
  // screen, with a button to it, until the plan itself is in sight (the calculator's bar).
  function showPlanBar(parts, problem) {
    const bar = byId('plan-bar');
    if (!bar) return;
    setBarText(byId('plan-bar-text'), parts, problem);
    bar.hidden = false;
  }

  function jumpToPlan() {
    const results = byId('plan-results');
    results.scrollIntoView({ block: 'start' });
    results.querySelector('h2')?.focus({ preventScroll: true });
  }

  let planWatcher;
  let planSizeWatcher;
  function watchPlan() {
    planWatcher?.disconnect();
    planWatcher = stepAsideWhileInView(byId('plan-bar'), byId('plan-results'));
    planSizeWatcher?.disconnect();
    planSizeWatcher = stickyWhileItFits(byId('plan-results'));
  }

  render();
}
