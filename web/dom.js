// Building DOM nodes without HTML strings: user text only ever becomes a text node.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/**
 * A warning's words: where it names several things (`list`), its lead and then each thing on a
 * line of its own, which an older reader on a phone follows more easily than one long paragraph;
 * else its text.
 */
export function warningContent(warning) {
  if (!warning.list?.length) return warning.text;
  return [
    h('span', { class: 'warning-lead' }, warning.lead),
    h(
      'ul',
      { class: 'warning-items' },
      warning.list.map((item) => h('li', {}, item)),
    ),
  ];
}

/**
 * Keeps a bar at the bottom of a narrow screen out of the way while `target` is in sight (the
 * class answer-in-view hides it). The target counts as in view once it reaches the upper two
 * thirds of the screen: a sliver of it at the bottom edge does not yet replace the bar. One
 * callback may carry several observations, oldest first: only the latest says where it is now.
 * Returns the observer (to disconnect), or null where the browser has none.
 */
export function stepAsideWhileInView(bar, target) {
  if (!bar || !target || !('IntersectionObserver' in window)) return null;
  const watcher = new IntersectionObserver(
    (entries) => bar.classList.toggle('answer-in-view', entries[entries.length - 1].isIntersecting),
    { rootMargin: '0px 0px -33% 0px' },
  );
  watcher.observe(target);
  return watcher;
}

// The answer columns kept sticky while they fit (stickyWhileItFits), checked again when the window
// changes size.
const sticking = new Set();
let listening = false;
const fitsWindow = (element) =>
  element.classList.toggle('fits', element.offsetHeight <= window.innerHeight - 16);

/**
 * Keeps an answer beside the form (`element`, the results column of a wide screen) in sight while
 * the form scrolls, but only while the whole answer fits in the window (the class `fits`, which
 * makes it sticky in styles.css): a taller answer scrolls with the page, so every part of it is
 * reached by the page's own scroll, never by a scroll area of its own. Returns the observer.
 */
export function stickyWhileItFits(element) {
  if (!element || !('ResizeObserver' in window)) return null;
  if (!listening)
    window.addEventListener('resize', () => {
      for (const watched of sticking)
        if (watched.isConnected) fitsWindow(watched);
        else sticking.delete(watched);
    });
  listening = true;
  sticking.add(element);
  const watcher = new ResizeObserver(() => fitsWindow(element));
  watcher.observe(element);
  return watcher;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (name === 'checked') {
      element.checked = Boolean(value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Puts the children of `next` into `container` in place of its own, keeping each old child that
 * equals the new one with the same `data-part`. A kept part is not laid out again, and what the
 * user did in it stays: a ticked checkbox, focus, a scroll position. `<details data-key>` opened
 * in a part that changed are opened again in its new version.
 */
export function updateParts(container, next) {
  const opened = new Set(
    [...container.querySelectorAll('details[data-key][open]')].map((d) => d.dataset.key),
  );
  for (const details of next.querySelectorAll('details[data-key]'))
    details.open = opened.has(details.dataset.key);
  const old = new Map([...container.children].map((child) => [child.dataset.part, child]));
  const wanted = [...next.children].map((part) => {
    const kept = old.get(part.dataset.part);
    return kept?.isEqualNode(part) ? kept : part;
  });
  const keep = new Set(wanted);
  for (const child of [...container.childNodes]) if (!keep.has(child)) child.remove();
  // Kept parts stay in their order, so only new ones are inserted; none is moved.
  wanted.forEach((part, i) => {
    if (container.childNodes[i] !== part)
      container.insertBefore(part, container.childNodes[i] ?? null);
  });
}

// A choice longer than this (a Chinese character counting two) is not read whole in half a form's
// width: "Pharmacy: medicines, devices", "Grandchild (daughter's child)".
const LONG_CHOICE = 18;

/**
 * The class of a form field (`.field`) for `control`: a select with a choice too long for half
 * the form's width takes the whole row (`.span`), so that the choice made is read whole.
 */
export function fieldClass(control) {
  const long = [...(control.options ?? [])].some(
    (option) =>
      option.text.replace(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g, '..').length > LONG_CHOICE,
  );
  return long ? 'field span' : 'field';
}

let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * A problem as every page names it: where (a group such as a member's card, then the field's
 * label) and what to do, "成员 3（小李） · 年龄：请输入0到150的整数". `texts` are i18n.js TEXTS[lang].
 */
export function namedProblem(texts, where, message) {
  const at = where.filter(Boolean).join(' · ');
  return at ? `${at}${texts.fieldSep}${message}` : message;
}

/**
 * The bottom bar's gist on both pages: a line for each part, so that the bar stays two lines
 * high on a phone, in large type too. A problem's gist says what is wrong first, then where, the
 * where cut with an ellipsis (walk 58: "共济人（出钱的人）· 个人账户余额（元）：请输入金" had left
 * the problem itself cut off). `problem`: [message, where[]] of the first problem, or null.
 */
export function setBarText(element, parts, problem) {
  const shown = problem ? [problem[0], problem[1].filter(Boolean).join(' · ')] : parts;
  element.replaceChildren(
    ...shown.flatMap((part, i) => [
      i ? ' ' : '',
      h('span', { class: problem && i ? 'bar-part cut' : 'bar-part' }, part),
    ]),
  );
}

/**
 * A request's problems, presented the same on every page (the calculator, the household page):
 * one lead, `texts.fixFields` (i18n.js, said once for both), then each problem (namedProblem) as
 * a button that takes the user to its field. `problems`: [[path, text]]; `focusField(path)`.
 */
export function problemNotice(texts, problems, focusField) {
  return [
    h('p', { class: 'problem', role: 'alert' }, texts.fixFields),
    h(
      'ul',
      { class: 'problem-list' },
      problems.map(([path, text]) =>
        h(
          'li',
          {},
          h(
            'button',
            // Found when clicked: a redraw of the form keeps the path, not the node.
            { type: 'button', class: 'problem-link', onclick: () => focusField(path) },
            text,
          ),
        ),
      ),
    ),
  ];
}

/** The calculator's module or rules could not be loaded at all: says so, the same on every page. */
export function loadFailedNotice(texts) {
  return h('p', { class: 'problem', role: 'alert' }, texts.loadFailed);
}

/** An answer that could not be computed because a download it needs failed (the module, or the
    rules of the language just chosen, offline): says so, and offers to try again. `texts` are
    the page's (i18n.js TEXTS[lang]). */
export function failedNotice(texts, retry) {
  return h(
    'p',
    { class: 'problem', role: 'alert' },
    texts.answerFailed,
    ' ',
    h('button', { type: 'button', class: 'secondary retry', onclick: retry }, texts.tryAgain),
  );
}

/**
 * What a field is told about the module's error at it: the module's own message, except at a
 * choice (a select), where its list of allowed values is the contract's words ("spouse", "parent"),
 * not the page's: there the person is asked to choose (walk 44: a link with an old value).
 */
export function errorText(error, texts, field) {
  return field?.tagName === 'SELECT' ? texts.chooseFromList : error.message;
}
