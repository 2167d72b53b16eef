// A searchable region field (ARIA combobox): matches Chinese names, full pinyin, initials and
// codes (a code is searched, never shown: it means nothing to the people who use the page).
import { h, uniqueId } from './dom.js';
import { once } from './later.js';

let regionsPromise;
let asked = false;
let listIn;
// The list once it is in, whoever asked for it: a field drawn before the page asked for it (after
// its first answer) waits for it to name its place, never asks (its 39 KB download and parse
// landed in the frames of the first answer); one drawn after asks again if that failed.
const regionsIn = new Promise((resolve) => (listIn = resolve));
const listForField = () => (asked ? loadRegions() : regionsIn);
/**
 * The region list, fetched when the page or a field first asks for it; [] (and a retry when next
 * asked) if it cannot be.
 */
function loadRegions() {
  asked = true;
  regionsPromise ??= fetch(new URL('./regions.json', import.meta.url))
    .then((response) =>
      response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)),
    )
    .then(linkDistricts)
    .then((regions) => (listIn(regions), regions))
    .catch((error) => {
      regionsPromise = undefined;
      console.warn('region list not loaded', error);
      return [];
    });
  return regionsPromise;
}

// The list with the code that searches it (region-search.js), asked for when a place field is
// first focused: the first answer never waits for it.
const loadSearch = once(() => import('./region-search.js'));
const loadFinder = () => Promise.all([loadRegions(), loadSearch()]);
/** The region list and its search, asked for ahead (by a page once its first answer is painted). */
export const prefetchRegionSearch = () => loadFinder().catch(() => {});

/**
 * The list as the picker uses it: a district or county ({n: '朝阳区', t: '110000'}) becomes an
 * entry of the region whose rules it follows, labelled with it (朝阳区（北京市）; in English
 * "Chaoyang (Beijing)") and taken as that region when picked (`to`).
 */
export function linkDistricts(regions) {
  const byCode = new Map(regions.map((r) => [r.c, r]));
  for (const r of regions) {
    const to = !r.to && r.t && byCode.get(r.t); // once: a district's code is then its region's
    // Its English name is its pinyin (Pudong), as the regions' are, unless the build gave it one
    // (Changsha County: scripts/assemble-site.mjs).
    const e = r.e ?? (r.p ? r.p[0].toUpperCase() + r.p.slice(1) : r.n);
    if (to) Object.assign(r, { c: to.c, e, p: r.p ?? '', i: '', v: to.n, w: to.e, to });
  }
  return regions;
}

/** "郑州市（河南省）", or in English "Zhengzhou (Henan)". */
export function regionLabel(region, english = false) {
  if (english) return region.w ? `${region.e} (${region.w})` : region.e;
  return region.v ? `${region.n}（${region.v}）` : region.n;
}

/**
 * @param {object} options { label, value (code or ''), placeholder, allowEmpty, emptyMeans (what
 *   an empty field is computed as: "与共济人相同的参保地"), citiesOnly (a relative's place: a
 *   province is offered as its cities), typed and onTyped(text) (a place typed and not found, kept
 *   by the page across a redraw of its form), via (the district the place was picked by, kept by
 *   the page so that its note is said again after a redraw: walk 52), onChange(code, via), texts }
 */
export function regionPicker({
  label,
  value,
  placeholder,
  allowEmpty,
  emptyMeans = '',
  citiesOnly = false,
  typed = '',
  via = '',
  onTyped = () => {},
  onChange,
  texts,
  describedBy,
}) {
  const english = texts.lang === 'en';
  let search; // region-search.js, once loaded
  const shown = (region) => regionLabel(region, english);
  const inputId = uniqueId('region');
  const listId = uniqueId('region-list');
  const noteId = uniqueId('region-note');
  const input = h('input', {
    id: inputId,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': [noteId, describedBy].filter(Boolean).join(' '),
    placeholder,
  });
  // Says that a place typed was not found, and what the field still holds.
  const note = h('p', { id: noteId, class: 'region-note', 'aria-live': 'polite' });
  // Out of the Tab order: Chromium makes a scrolling list focusable, so Tab from a long list
  // (a province's cities) went to the list, which the field's blur then hid, leaving the focus
  // nowhere (walk 44: a second Tab). Its options are reached with the arrow keys.
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'region-list',
    hidden: true,
    tabindex: '-1',
    'aria-label': label,
  });
  // In the widget the field is in a shadow root, whose own activeElement says where focus is.
  const focused = () => input.getRootNode().activeElement === input;
  let options = [];
  let listed = null; // the list being made for what was typed, until it is shown
  let active = -1;
  // Whether an arrow key has moved in this list: the first option is marked as Enter's choice
  // when the list is made (but a province's cities for a relative's place), and the first ↓ goes
  // to it, not past it (walk 54: "chengdu", ↓, Enter took 称多县, the second option).
  let stepped = false;
  let current = value;

  // The place's name once the list is in, unless something was typed meanwhile (walk 45: 郑州
  // typed and left before the list came was put back to 北京市).
  let typedMeanwhile = false;
  // The place's name as the field last showed it: while the field still shows it, a tap selects
  // it (below).
  let placeShown = '';
  const showPlace = (text) => {
    input.value = text;
    placeShown = text;
  };
  listForField().then((regions) => {
    const found = regions.find((r) => r.c === current);
    if (found && !typedMeanwhile && !focused()) showPlace(shown(found));
    const district = via && regions.find((r) => r.to === found && r.n === via);
    if (district && !typedMeanwhile) sayDistrict(district);
  });
  // A place typed and not found before the form was drawn again stays, marked (regress walk).
  if (!current && typed) {
    input.value = typed;
    input.dataset.unresolved = 'true';
    input.setAttribute('aria-invalid', 'true');
    note.textContent = texts.regionNotFoundEmpty(typed, emptyMeans);
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    highlight(-1);
  }
  // A district picked is taken as its region, and the note says whose rules are used.
  function sayDistrict(district) {
    const region = district?.to;
    note.textContent = region
      ? texts.districtOf(english ? district.e : district.n, english ? region.e : region.n)
      : '';
    note.classList.toggle('district', Boolean(region));
  }
  function choose(picked) {
    const region = picked?.to ?? picked;
    delete input.dataset.unresolved;
    onTyped('');
    current = region ? region.c : '';
    showPlace(region ? shown(region) : '');
    sayDistrict(picked);
    close();
    onChange(current, picked?.to ? picked.n : '');
  }
  // Picked by Enter, the place is selected, so that what is typed next replaces it (review 61:
  // 朝阳 picked, then "长春" typed, made "朝阳市（辽宁省）长春" and Enter kept 朝阳).
  function pickByKey(picked) {
    choose(picked);
    if (focused()) input.select();
  }
  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    // None highlighted (a province's cities): no option is announced that Enter would not take.
    input.removeAttribute('aria-activedescendant');
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
  }
  // A relative's place is a city (citiesOnly): a province, unless a municipality, is offered as
  // its cities, as which of them it is decides the route (walk 44: 湖北 was taken as "another city
  // of the province", where the relative may live in the holder's own).
  const allowed = (r) => !(citiesOnly && search.provinceOnly(r));
  const citiesOf = (regions, found) =>
    citiesOnly
      ? [
          ...new Set(
            found.flatMap((r) =>
              search.provinceOnly(r)
                ? regions.filter((c) => c !== r && !c.to && c.c.startsWith(r.c.slice(0, 2)))
                : [r],
            ),
          ),
        ].slice(0, 12)
      : found;
  async function update() {
    const typed = input.value;
    // Offline without the search's code (never loaded, not cached): the field stays as typed.
    const found = await loadFinder().catch(() => null);
    // A list for what the field no longer holds, or a field left meanwhile, is not shown.
    if (!found || input.value !== typed || !focused()) return;
    const [regions, loaded] = found;
    search = loaded;
    const matches = search.findRegions(regions, input.value);
    options = citiesOf(regions, matches);
    // An address names its place while it is typed (河南郑州, 郑州市金水区): the list offers it,
    // so that Enter takes it too (walk 44: "没有匹配的地区" until the field was left).
    if (!options.length) {
      const named = search.regionNamed(regions, input.value, regionLabel);
      options =
        named && allowed(named) ? [named] : search.namedSoFar(regions, input.value).slice(0, 12);
    }
    list.replaceChildren(
      ...(options.length
        ? options.map((r, i) =>
            h(
              'li',
              {
                id: `${listId}-${i}`,
                role: 'option',
                'aria-selected': 'false',
                onmousedown: (event) => {
                  event.preventDefault();
                  choose(r);
                },
              },
              shown(r),
            ),
          )
        : [h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, texts.noMatch)]),
    );
    list.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!list.hidden));
    // A province typed for a relative's place is listed as its cities (the first offered is then
    // not the first found), none taken by Enter (walk 63: "河南" and Enter made a parent elsewhere
    // in 河南 one of 郑州, "本地共济").
    highlight(options.length && options[0] === (matches[0] ?? options[0]) ? 0 : -1);
    stepped = false;
  }

  input.addEventListener('focus', () => loadFinder().catch(() => {}), { once: true });
  // A field that shows its place has the place selected when entered or tapped, so what is typed
  // replaces the place rather than joining it: on entering (walk 58: a tap put the caret after
  // 北京市, and "郑州" made "北京市郑州", Enter took 北京) and on a tap while the field still has
  // the focus after a pick (walk 60: "朝阳市（辽宁省）长春" kept 朝阳). A drag over part of the name
  // is the user's own selection, and stays.
  const showsPlace = () =>
    input.value !== '' && input.value === placeShown && !input.dataset.unresolved;
  const selectPlace = () => {
    if (showsPlace() && input.selectionStart === input.selectionEnd) input.select();
  };
  input.addEventListener('focus', selectPlace);
  // After the tap's own caret: a tap inside a selection collapses it only after the click event.
  input.addEventListener('click', () => requestAnimationFrame(selectPlace));
  input.addEventListener('input', () => {
    typedMeanwhile = true;
    note.textContent = '';
    note.classList.remove('district');
    input.removeAttribute('aria-invalid');
    delete input.dataset.unresolved;
    onTyped('');
    if (!input.value.trim() && allowEmpty) choose(null);
    const run = update().finally(() => {
      if (listed === run) listed = null;
    });
    listed = run;
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      // Reopened by ↓, the list is on its first option (on none for a province's cities), and the
      // next ↓ moves on from there (review 56).
      if (list.hidden) update().then(() => (stepped = true));
      else highlight(stepped ? (active + 1) % options.length : Math.max(active, 0));
      stepped = true;
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      highlight((active - 1 + options.length) % options.length);
      stepped = true;
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      pickByKey(options[active]);
    } else if (event.key === 'Enter' && listed) {
      // Typed before the search was in (it loads when a place field is first used): Enter takes
      // the first place the list then offers for what was typed, if the field still holds just
      // that and has not been left.
      event.preventDefault();
      const typed = input.value;
      listed.then(() => {
        const still = input.value === typed && focused();
        if (still && !list.hidden && active >= 0) pickByKey(options[active]);
      });
    } else if (event.key === 'Escape') close();
  });
  // Leaving the field with a place typed but not picked: a place named in full is taken; anything
  // else is not silently dropped — the field says it was not found and what it still holds.
  input.addEventListener('blur', () => {
    close();
    loadFinder().then(
      ([regions, loaded]) => {
        search = loaded;
        if (focused()) return; // back in the field meanwhile
        const found = regions.find((r) => r.c === current);
        const typed = input.value.trim();
        if (typed && typed !== (found ? shown(found) : '')) {
          const named = search.regionNamed(regions, typed, regionLabel);
          if (named && allowed(named)) return choose(named);
          // The one place the list showed for the start of its name (石家 → 石家庄市) is the one
          // meant; a single character, or a match inside a name (番 → 吐鲁番), is not enough.
          const listed = citiesOf(regions, search.findRegions(regions, typed));
          const start = typed.toLowerCase();
          if (
            listed.length === 1 &&
            typed.length >= 2 &&
            (listed[0].n.startsWith(typed) || listed[0].p.startsWith(start))
          )
            return choose(listed[0]);
          const quoted = typed.length > 20 ? `${typed.slice(0, 20)}…` : typed;
          const kept = found ? shown(found) : '';
          // Several places match ("wh"): the list is to choose from, not "not found" (walk 44).
          note.textContent =
            listed.length > 1
              ? kept || !emptyMeans
                ? texts.regionSeveral(quoted, kept)
                : texts.regionSeveralEmpty(quoted, emptyMeans)
              : !found && emptyMeans
                ? texts.regionNotFoundEmpty(quoted, emptyMeans)
                : texts.regionNotFound(quoted, kept);
          // An empty field means something (the holder's place): what was typed stays in sight,
          // marked, beside what is computed instead, never silently swapped for it (walk 43).
          // The pages' own checks keep the mark while the text stands (data-unresolved).
          if (!found) {
            onTyped(typed);
            input.dataset.unresolved = 'true';
            return input.setAttribute('aria-invalid', 'true');
          }
        }
        if (found) showPlace(shown(found));
        else if (allowEmpty && !typed) input.value = '';
      },
      // Without the search's code (offline before it was ever kept): a place named as the list
      // names it is taken; anything else stays, marked, beside what is computed instead, and is
      // kept across a redraw, as a place not found is.
      () =>
        loadRegions().then((regions) => {
          const found = regions.find((r) => r.c === current);
          const typed = input.value.trim();
          if (!typed || (found && typed === shown(found))) return;
          const named = regions.filter((r) => r.n === typed || shown(r) === typed);
          if (named.length === 1 && allowed(named[0])) return choose(named[0]);
          const quoted = typed.length > 20 ? `${typed.slice(0, 20)}…` : typed;
          onTyped(typed);
          input.dataset.unresolved = 'true';
          input.setAttribute('aria-invalid', 'true');
          note.textContent =
            !found && emptyMeans
              ? texts.regionNotFoundEmpty(quoted, emptyMeans)
              : texts.regionNotFound(quoted, found ? shown(found) : '');
        }),
    );
  });

  const field = h(
    'div',
    { class: 'field region-field' },
    h('label', { for: inputId }, label),
    input,
    list,
    note,
  );
  // The place's name as the rules give it (a region as the list has it), while the list is still
  // coming: the field is not left empty beside an answer for that place (walk 45), nor written
  // over what is typed.
  field.showName = (region) => {
    if (region.c === current && !input.value && !typedMeanwhile && !focused()) {
      showPlace(shown(region));
    }
  };
  return field;
}
