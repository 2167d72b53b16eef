// A searchable region field (ARIA combobox): matches Chinese names, full pinyin, initials and
// codes (a code is searched, never shown: it means nothing to the people who use the page).
import { h, uniqueId } from './dom.js';

let regionsPromise;
/**
 * The region list, fetched once and only when a picker first needs it; [] (and a later retry) if it
 * cannot be.
 */
export function loadRegions() {
  regionsPromise ??= fetch(new URL('./regions.json', import.meta.url))
    .then((response) =>
      response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)),
    )
    .catch((error) => {
      regionsPromise = undefined;
      console.warn('region list not loaded', error);
      return [];
    });
  return regionsPromise;
}

// Among equal matches, the big cities come first — the four municipalities, the provincial
// capitals (codes xx0100) and the five cities with provincial-level budgets (计划单列市: 大连, 青岛,
// 宁波, 厦门, 深圳) — then the provinces, then the other cities: "zz" finds 郑州 before 漳州, 株洲
// and 枣庄, "gz" 广州 before 贵州 and 赣州, and "sz" 深圳 before 朔州.
const BIG_CITIES = new Set(['110000', '120000', '310000', '500000']);
for (const code of ['210200', '370200', '330200', '350200', '440300']) BIG_CITIES.add(code);
const rank = (region) =>
  BIG_CITIES.has(region.c) || region.c.endsWith('0100') ? 0 : region.c.endsWith('0000') ? 1 : 2;

/**
 * The regions `query` finds, best first: the name or code itself; then the whole pinyin or the
 * initials exactly ("gz"); then names and pinyin that start with it; initials or codes that start
 * with it; names that hold it ("州"); English names that start with it. Pinyin is matched from
 * its start only: "gz" does not find 杭州 inside "hangzhou".
 */
export function findRegions(regions, query, limit = 12) {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const score = (r) => {
    if (r.n === query.trim() || r.c === q) return 0;
    if (r.p === q || r.i === q) return 1;
    if (r.n.startsWith(q) || r.p.startsWith(q)) return 2;
    if (r.i.startsWith(q) || r.c.startsWith(q)) return 3;
    if (r.n.includes(q)) return 4;
    if (r.e?.toLowerCase().replace(/[\s']/g, '').startsWith(q)) return 5;
    return 9;
  };
  return regions
    .map((r) => [score(r), r])
    .filter(([s]) => s < 9)
    .sort((a, b) => a[0] - b[0] || rank(a[1]) - rank(b[1]) || a[1].c.localeCompare(b[1].c))
    .slice(0, limit)
    .map(([, r]) => r);
}

/** "郑州市（河南省）", or in English "Zhengzhou (Henan)". */
export function regionLabel(region, english = false) {
  if (english) return region.w ? `${region.e} (${region.w})` : region.e;
  return region.v ? `${region.n}（${region.v}）` : region.n;
}

// A name without the word for its level, as people write it: 郑州市 → 郑州, 河北省 → 河北,
// 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边.
const bare = (name) =>
  name.match(/^(.{2,3}?)(?:壮族|回族|维吾尔)?自治区$/u)?.[1] ??
  name.match(/^(.{2,3}?)(?:[\u4e00-\u9fa5]{1,6}?族)+自治州$/u)?.[1] ??
  name.replace(/(?:特别行政区|地区|省|市|盟)$/u, '');

function namedExactly(regions, text) {
  const plain = text.toLowerCase().replace(/[\s']/g, '');
  return regions.filter(
    (r) =>
      r.n === text ||
      r.n === `${text}市` ||
      r.n === `${text}省` ||
      regionLabel(r) === text ||
      regionLabel(r, true) === text ||
      r.e.toLowerCase().replace(/[\s']/g, '') === plain ||
      r.p === plain,
  );
}

// A province that is not a city itself (the four municipalities are).
const provinceOnly = (r) => r.c.endsWith('0000') && !BIG_CITIES.has(r.c);

// The province an address starts with (河北石家庄, 河南省郑州市): its name as typed, the text
// after it and the province's own places; null where the text starts with no province's name.
function provinceFirst(regions, text) {
  for (const province of regions.filter((r) => r.c.endsWith('0000'))) {
    const name = [province.n, bare(province.n)].find(
      (n) => text.startsWith(n) && text.length > n.length,
    );
    if (!name) continue;
    const inside = regions.filter((r) => r.c.startsWith(province.c.slice(0, 2)) && r !== province);
    return { province, name, rest: text.slice(name.length), inside };
  }
  return null;
}

// The regions named after a province's name, or before a district or county (郑州市金水区,
// 郑州金水区): the place as people write an address. After a province's name only that
// province's places count (海南陵水县 is not 青海's 海南州, 吉林省长春市 not 吉林市); a city whose
// own name is longer than the province's still does (吉林市丰满区).
function namedInAddress(regions, text) {
  const first = provinceFirst(regions, text);
  if (!first) return namedBeforeDistrict(regions, text);
  const { province, name, rest, inside } = first;
  // A municipality is its own city: 北京朝阳区, 上海市浦东新区.
  if (!provinceOnly(province) && /^[\u4e00-\u9fa5]{1,8}(?:区|县)$/u.test(rest)) return [province];
  const exactly = namedExactly(inside, rest);
  const found = exactly.length ? exactly : namedBeforeDistrict(inside, rest);
  return found.length ? found : namedBeforeDistrict(regions, text, name.length + 1);
}
// A province is followed by a city, not a district, except the four municipalities (北京朝阳区).
// `longest`: the least length of the name matched (longer than a province's name before it).
function namedBeforeDistrict(regions, text, longest = 2) {
  return regions.filter(
    (r) =>
      !provinceOnly(r) &&
      [r.n, bare(r.n)].some(
        (name) =>
          name.length >= longest &&
          text.startsWith(name) &&
          /^[\u4e00-\u9fa5]{1,8}(?:区|县|旗|市)$/u.test(text.slice(name.length)),
      ),
  );
}

// The places an address still being typed already names (河北石 → 石家庄, 郑州市金水 → 郑州).
function namedSoFar(regions, typed) {
  const text = typed.trim();
  const first = provinceFirst(regions, text);
  if (!first) {
    return regions.filter(
      (r) => !r.c.endsWith('0000') && bare(r.n).length >= 2 && text.startsWith(bare(r.n)),
    );
  }
  const { province, rest, inside } = first;
  if (!provinceOnly(province)) return [province]; // 北京朝阳: the municipality itself
  return inside.filter((r) => r.n.startsWith(rest) || rest.startsWith(bare(r.n)));
}

/**
 * The one region `typed` names (郑州市, 郑州, 郑州市（河南省）, Zhengzhou, zhengzhou; 河北石家庄,
 * 郑州市金水区), or null where none does or several do (taizhou: 台州 and 泰州).
 */
export function regionNamed(regions, typed) {
  const text = typed.trim();
  if (!text) return null;
  const exactly = namedExactly(regions, text);
  if (exactly.length) return exactly.length === 1 ? exactly[0] : null;
  const inAddress = namedInAddress(regions, text.replace(/\s+/g, ''));
  return inAddress.length === 1 ? inAddress[0] : null;
}

/**
 * @param {object} options { label, value (code or ''), placeholder, allowEmpty, emptyMeans (what
 *   an empty field is computed as: "与共济人相同的参保地"), citiesOnly (a relative's place: a
 *   province is offered as its cities), typed and onTyped(text) (a place typed and not found, kept
 *   by the page across a redraw of its form), onChange(code), texts }
 */
export function regionPicker({
  label,
  value,
  placeholder,
  allowEmpty,
  emptyMeans = '',
  citiesOnly = false,
  typed = '',
  onTyped = () => {},
  onChange,
  texts,
  describedBy,
}) {
  const english = texts.lang === 'en';
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
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'region-list',
    hidden: true,
    'aria-label': label,
  });
  let options = [];
  let active = -1;
  let current = value;

  loadRegions().then((regions) => {
    const found = regions.find((r) => r.c === current);
    if (found && document.activeElement !== input) input.value = shown(found);
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
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function choose(region) {
    delete input.dataset.unresolved;
    onTyped('');
    current = region ? region.c : '';
    input.value = region ? shown(region) : '';
    note.textContent = '';
    close();
    onChange(current);
  }
  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
  }
  // A relative's place is a city (citiesOnly): a province, unless a municipality, is offered as
  // its cities, as which of them it is decides the route (walk 44: 湖北 was taken as "another city
  // of the province", where the relative may live in the holder's own).
  const allowed = (r) => !(citiesOnly && provinceOnly(r));
  const citiesOf = (regions, found) =>
    citiesOnly
      ? [
          ...new Set(
            found.flatMap((r) =>
              provinceOnly(r)
                ? regions.filter((c) => c !== r && c.c.startsWith(r.c.slice(0, 2)))
                : [r],
            ),
          ),
        ].slice(0, 12)
      : found;
  async function update() {
    const regions = await loadRegions();
    options = citiesOf(regions, findRegions(regions, input.value));
    // An address names its place while it is typed (河南郑州, 郑州市金水区): the list offers it,
    // so that Enter takes it too (walk 44: "没有匹配的地区" until the field was left).
    if (!options.length) {
      const named = regionNamed(regions, input.value);
      options = named && allowed(named) ? [named] : namedSoFar(regions, input.value).slice(0, 12);
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
    highlight(options.length ? 0 : -1);
  }

  input.addEventListener('input', () => {
    note.textContent = '';
    input.removeAttribute('aria-invalid');
    delete input.dataset.unresolved;
    onTyped('');
    if (!input.value.trim() && allowEmpty) choose(null);
    update();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault();
      if (list.hidden) update();
      else highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault();
      highlight((active - 1 + options.length) % options.length);
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') close();
  });
  // Leaving the field with a place typed but not picked: a place named in full is taken; anything
  // else is not silently dropped — the field says it was not found and what it still holds.
  input.addEventListener('blur', () => {
    close();
    loadRegions().then((regions) => {
      if (input.getRootNode().activeElement === input) return; // back in the field meanwhile
      const found = regions.find((r) => r.c === current);
      const typed = input.value.trim();
      if (typed && typed !== (found ? shown(found) : '')) {
        const named = regionNamed(regions, typed);
        if (named && allowed(named)) return choose(named);
        // The one place the list showed for the start of its name (石家 → 石家庄市) is the one
        // meant; a single character, or a match inside a name (番 → 吐鲁番), is not enough.
        const listed = citiesOf(regions, findRegions(regions, typed));
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
      if (found) input.value = shown(found);
      else if (allowEmpty && !typed) input.value = '';
    });
  });

  return h(
    'div',
    { class: 'field region-field' },
    h('label', { for: inputId }, label),
    input,
    list,
    note,
  );
}
