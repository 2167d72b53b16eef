// The calculator UI: a form whose every change re-evaluates in the browser and redraws the answer.
// Mounted by the page (app.js) on the document and by the widget (widget.js) in a shadow root.
import { connectCalculator, prefetchPlaces } from './calculator-client.js';
import {
  failedNotice,
  fieldClass,
  h,
  loadFailedNotice,
  namedProblem,
  problemNotice,
  setBarText,
  stepAsideWhileInView,
  stickyWhileItFits,
  uniqueId,
  updateParts,
  errorText,
} from './dom.js';
import { headerTools } from './header-tools.js';
import { readAge, readDate, readYuan, today, YUAN_PROBLEM_TEXT } from './amount.js';
import { TEXTS, aside, loadTexts, shareableText } from './i18n.js';
import { prefetchRegionSearch, regionPicker } from './region-picker.js';
import {
  fieldsNeeded,
  hasFamily,
  loadFamilyResults,
  memberLabel,
  renderResults,
} from './results.js';
import { vocabularyWords } from './vocabulary.js';

let nextKey = 1;

// The contract's limits (20 members, 200 expenses): the form says so where it stops adding.
const MOST_MEMBERS = 20;
const MOST_EXPENSES = 200;

/** A new member's key in the form, unique on the page (share.js requestToState takes it too). */
export const newMemberKey = () => `m${nextKey++}`;

/**
 * A fresh form state; `family` (the form's state of a contract request, e.g. from a shared link:
 * share.js requestToState) fills it. Without a `region` (a widget's host names one), the first
 * region is an example, said as one.
 */
export function initialState({ lang = 'zh-CN', region, family, elder = false } = {}) {
  const exampleRegion = !family && region === undefined;
  region ??= '110000';
  const state = {
    lang,
    elder,
    asOf: today(),
    asOfChosen: false,
    holder: {
      region,
      scheme: 'employee',
      status: 'employed',
      tier: '',
      balance: '3000',
      priorYears: '',
      authorized: '',
    },
    members: [],
    expenses: [],
    // A first visit opens with an example balance and region; each says so until changed.
    exampleBalance: !family,
    exampleRegion,
  };
  if (family) {
    Object.assign(state, family, {
      asOf: family.asOf ?? state.asOf,
      asOfChosen: family.asOf !== undefined,
    });
  }
  return state;
}

// A new member is the spouse while the family has none; after that a child, the relative most
// families add next (the household page starts a new person as 子女 too): a second 配偶 is a
// mistake the page flags, so it is never the default. The age is asked, never assumed (walk 46:
// a child added was answered as 40, with an adult's face check).
function newMember(members) {
  return {
    key: newMemberKey(),
    name: '',
    relation: members.some((m) => m.relation === 'spouse') ? 'child' : 'spouse',
    age: '',
    scheme: 'resident',
    region: '',
    ownBalance: '',
    bound: false,
  };
}

/**
 * Renders the calculator into `root` (an element or shadow root).
 * options: { state, onChange(state, request), tools (extra nodes below the form), pageLevel (sets
 * document.title and <html lang>), onRegionChange(code) (the holder's region picked, whatever
 * the answer) }.
 * Returns { state, setLang(lang), wantedLang(), evaluateNow(), rerender() }.
 */
export function mountCalculator(
  root,
  {
    state,
    onChange = () => {},
    tools = () => [],
    pageLevel = false,
    notice = () => null,
    onElderChange = () => {},
    onRegionChange = () => {},
  },
) {
  const byId = (id) => root.querySelector(`#${id}`);
  // The amount is asked, never made up (walk 54: a 200 the family had not entered was paid from
  // the account, unmarked as an example).
  function newExpense() {
    return {
      key: `e${nextKey++}`,
      member: state.members[0]?.key ?? 'holder',
      kind: 'outpatient',
      amount: '',
      designated: true,
    };
  }

  let calculator;
  let needed = new Set(); // the paths of the fields the latest answer rests on (fieldsNeeded)
  let regionInfo = new Map(); // code -> { coverage, tiers }: the holder's province's regions
  // The page's texts and, once the module is in, the vocabulary's option lists and labels.
  let vocabulary;
  const wordsByLang = new Map();
  const texts = () => {
    if (!vocabulary) return TEXTS[state.lang];
    if (!wordsByLang.has(state.lang))
      wordsByLang.set(state.lang, {
        ...TEXTS[state.lang],
        ...vocabularyWords(vocabulary, state.lang),
      });
    return wordsByLang.get(state.lang);
  };

  // ---- request building: page-side checks only for what the page itself parses (yuan, ages)
  function buildRequest(problems) {
    // A field that cannot be read keeps its text, so that the state written to the address (and
    // remembered) is the form as typed; a request with problems is never evaluated.
    const fen = (text, path, optional) => {
      if (optional && String(text).trim() === '') return undefined;
      const { fen, problem } = readYuan(text);
      if (problem) problems.set(path, texts()[YUAN_PROBLEM_TEXT[problem]]);
      return fen ?? String(text);
    };
    const holder = {
      region: state.holder.region,
      scheme: state.holder.scheme,
      status: state.holder.status,
      balance_fen: fen(state.holder.balance, '/holder/balance_fen'),
    };
    if (state.holder.tier) holder.tier = state.holder.tier;
    const prior = fen(state.holder.priorYears, '/holder/prior_years_balance_fen', true);
    if (prior !== undefined) holder.prior_years_balance_fen = prior;
    const authorized = fen(state.holder.authorized, '/holder/authorized_limit_fen', true);
    if (authorized !== undefined) holder.authorized_limit_fen = authorized;
    const members = state.members.map((m, i) => {
      const { age } = readAge(m.age);
      if (age === undefined)
        problems.set(`/members/${i}/age`, m.age.trim() ? texts().ageFormat : texts().ageEmpty);
      const member = { id: m.key, relation: m.relation, age: age ?? m.age, scheme: m.scheme };
      if (m.name.trim()) member.name = m.name.trim().slice(0, 64);
      if (m.region) member.region = m.region;
      const own =
        m.scheme === 'employee'
          ? fen(m.ownBalance, `/members/${i}/own_balance_fen`, true)
          : undefined;
      if (own !== undefined) member.own_balance_fen = own;
      if (m.bound) member.bound_to_other_holder = true;
      return member;
    });
    const known = new Set(['holder', ...state.members.map((m) => m.key)]);
    const expenses = [];
    state.expenses.forEach((e, i) => {
      const member = known.has(e.member) ? e.member : '';
      if (!member) problems.set(`/expenses/${i}/member`, texts().chooseMember);
      const amount = fen(e.amount, `/expenses/${i}/amount_fen`);
      // Said in yuan here: the core's range is in fen (walk 49: "应在1到100000000000之间").
      if (amount === 0) problems.set(`/expenses/${i}/amount_fen`, texts().yuanZero);
      expenses.push({
        member,
        kind: e.kind,
        amount_fen: amount,
        designated: e.designated,
      });
    });
    // The date as people write it (2026/3/1, 2026年3月1日), sent as the contract's 2026-03-01.
    const { date } = readDate(state.asOf);
    if (!date) problems.set('/as_of', texts().dateFormat);
    return { as_of: date ?? state.asOf, lang: state.lang, holder, members, expenses };
  }

  // ---- evaluation and the answer
  const resultsRoot = () => byId('results-body');
  // A new answer updates the one shown, part by part (see updateParts); anything else replaces it.
  // A step ticked on the checklist stays ticked while its channel still has it (walk 43: every
  // change of the form cleared the ticks of a family working through the steps), also across an
  // answer that was a problem for a while (a balance cleared to be typed again): the ticks are
  // kept as they are made, not read from what is on screen. A step is known by its channel and
  // its words, so a tick stays only on the step ticked; across a switch of language, where the
  // words change and the family does not, the ticks go to the same places (walk 60: a helper
  // switching to English found every step unticked; review 61: keyed by place alone, ticks moved
  // to other steps when the family changed).
  const channelOf = (box) => box.closest('[data-channel]')?.dataset.channel ?? '';
  const stepKey = (box) => `${channelOf(box)}|${box.closest('li').textContent}`;
  const placeKey = (box) => {
    const step = box.closest('li');
    return `${channelOf(box)}|${[...step.parentElement.children].indexOf(step)}`;
  };
  let ticksByPlace = null; // the ticks' places as the language switched, until the answer is in
  const ticked = new Set();
  root.addEventListener('change', (event) => {
    const box = event.target;
    if (!box.matches?.('.steps input')) return;
    if (box.checked) ticked.add(stepKey(box));
    else ticked.delete(stepKey(box));
  });
  function showAnswer(drawn) {
    const shown = resultsRoot().firstElementChild;
    if (shown?.classList.contains('answer')) updateParts(shown, drawn);
    else resultsRoot().replaceChildren(drawn);
    for (const box of resultsRoot().querySelectorAll('.steps input')) {
      if (ticksByPlace?.has(placeKey(box))) ticked.add(stepKey(box));
      if (ticked.has(stepKey(box))) box.checked = true;
    }
    ticksByPlace = null;
  }

  function announce(text = '') {
    const live = byId('results-live');
    if (live && live.textContent !== text) live.textContent = text;
  }

  let shownProblems = new Map(); // the marks last shown, kept on a field drawn again later
  function showFieldProblems(problems) {
    shownProblems = problems;
    for (const element of root.querySelectorAll('[data-path]')) {
      const message = problems.get(element.dataset.path);
      const note = byId(`${element.id}-error`);
      // A place typed and not found stays marked while its text stands (region-picker.js).
      element.setAttribute(
        'aria-invalid',
        String(Boolean(message) || element.dataset.unresolved === 'true'),
      );
      if (note) note.textContent = message ?? '';
    }
  }

  // The results' data-state says whether the answer shown is final, for tests and scripts that
  // wait for it: "busy" while an evaluation is scheduled or any is still in flight, then how the
  // newest request ended ("answer", "problem": fields to fix, "failed"); data-request numbers it.
  let inFlight = 0;
  let outcome = null;
  function showState(ended, sequence) {
    const results = byId('results');
    if (ended) {
      outcome = ended;
      results.dataset.request = String(sequence);
    }
    results.dataset.state = pending || inFlight || !outcome ? 'busy' : outcome;
  }

  let firstResultMarked = false;
  let latest = 0; // answers arrive asynchronously; only the newest request's answer is drawn
  async function evaluateNow() {
    if (!calculator) return;
    const sequence = ++latest;
    pending = 0;
    outcome = null;
    performance.mark('gongji:evaluate-start');
    const problems = new Map();
    const request = buildRequest(problems);
    if (!state.holder.region) problems.set('/holder/region', texts().noMatch);
    // One spouse only: each member after the first named 配偶 is marked at their relation.
    const spouses = state.members.flatMap((m, i) => (m.relation === 'spouse' ? [i] : []));
    for (const i of spouses.slice(1)) problems.set(`/members/${i}/relation`, texts().oneSpouse);
    // A bill not filled in yet (a new row, a mistyped amount) leaves out only itself: the answer
    // stands without it, its problem said above it (walk 60: one empty bill, in a part marked
    // optional, hid who may use the account, the amounts and the steps).
    const billsOnly = [...problems.keys()].every((path) => path.startsWith('/expenses/'));
    const kept = request.expenses.flatMap((e, i) =>
      [...problems.keys()].some((path) => path.startsWith(`/expenses/${i}/`)) ? [] : [i],
    );
    if (problems.size === 0 || billsOnly) {
      let answer;
      inFlight += 1;
      try {
        answer = await calculator.evaluate({
          ...request,
          expenses: kept.map((i) => request.expenses[i]),
        });
      } catch (error) {
        console.error(error);
      }
      inFlight -= 1;
      if (!answer) {
        if (sequence !== latest) return showState();
        resultsRoot().replaceChildren(failedNotice(texts(), () => evaluateNow()));
        return showState('failed', sequence);
      }
      if (sequence !== latest) return showState();
      // The code that draws the family comes before the first answer that has one.
      if (answer.ok && hasFamily(answer)) {
        const drawn = await loadFamilyResults().then(
          () => true,
          (error) => console.error(error),
        );
        if (sequence !== latest) return showState();
        if (!drawn) {
          resultsRoot().replaceChildren(failedNotice(texts(), () => evaluateNow()));
          return showState('failed', sequence);
        }
      }
      if (!answer.ok) {
        // A bill's path in the request sent is its row's in the form.
        const path = answer.error.path.replace(
          /^\/expenses\/(\d+)/,
          (_, i) => `/expenses/${kept[i]}`,
        );
        problems.set(path, errorText(answer.error, texts(), fieldAt(path)));
      }
      showFieldProblems(problems);
      if (answer.ok) {
        needed = fieldsNeeded(answer);
        unfoldNeeded();
        if (needed.has('/holder/tier') && !fieldAt('/holder/tier')) showTierField();
        const drawn = renderResults(answer, state, texts(), state.lang);
        if (problems.size) drawn.prepend(billsLeftOut(problems));
        showAnswer(drawn);
        announce(byId('summary')?.textContent);
        showSummaryBar(answer);
        onChange(state, request);
        // Marks for the benchmarks: first result after navigation, and each re-evaluation.
        performance.measure('gongji:evaluate', 'gongji:evaluate-start');
        if (!firstResultMarked) performance.mark('gongji:first-result');
        firstResultMarked = true;
        return showState('answer', sequence);
      }
    }
    showFieldProblems(problems);
    // The form as typed is the page's state too (walk 49: a reload, a copied link and the way to
    // the household page had lost every entry after an empty age).
    onChange(state, request);
    const named = namedProblems(problems);
    resultsRoot().replaceChildren(...problemNotice(texts(), named, focusField));
    announce(''); // the problems' own alert says it
    showSummaryBar(null, named[0]?.[2]);
    showState('problem', sequence);
  }

  // The bills left out of the answer, each a link to its field, above the answer.
  function billsLeftOut(problems) {
    const named = namedProblems(problems);
    return h(
      'div',
      { class: 'bills-left-out', 'data-part': 'bills-left-out' },
      // Said to a screen reader too, as news, not an alarm at every keystroke (review 61).
      h('p', { class: 'problem', role: 'status' }, texts().billsLeftOut),
      problemNotice(texts(), named, focusField)[1],
    );
  }

  // Each problem as [its field's path, "member 2 · age: enter a whole number from 0 to 150", and
  // apart: [the message, [the group, the label]]]: the field's own label, after its group's (a
  // member's card) where the page has several alike.
  const fieldAt = (path) => root.querySelector(`[data-path="${CSS.escape(path)}"]`);
  // A field behind 更多 is unfolded first; focus scrolls it into view.
  function focusField(path) {
    const control = fieldAt(path);
    control?.closest('details')?.setAttribute('open', '');
    control?.focus();
  }
  function namedProblems(problems) {
    return [...problems].map(([path, message]) => {
      const element = fieldAt(path);
      const label = element?.labels?.[0]?.textContent.trim();
      let group = element?.closest('fieldset fieldset')?.querySelector('legend')?.textContent;
      // A member is named as the user calls them too: 成员 3（小李）.
      const name = state.members[/^\/members\/(\d+)\//.exec(path)?.[1]]?.name.trim();
      if (group && name) group = `${group.trim()}${aside(name, state.lang)}`;
      const where = [group?.trim(), label];
      return [path, namedProblem(texts(), where, message), [message, where.filter(Boolean)]];
    });
  }

  // ---- the summary bar: on a narrow screen the answer is below the form, so its gist stays in
  // sight at the bottom of the screen (until the answer itself is) and jumps to it.
  function showSummaryBar(answer, firstProblem) {
    const bar = byId('summary-bar');
    if (!bar) return;
    const t = texts();
    const eligible = answer?.members.filter((m) => m.eligible).length ?? 0;
    const parts = !answer
      ? [t.fixFields]
      : answer.holder.can_share
        ? t.summaryShort(
            eligible,
            answer.members.length,
            shareableText(
              answer.holder.shareable_fen,
              answer.holder.shareable_known,
              state.lang,
              'none',
            ),
          )
        : holderWhyNot(answer, t);
    setBarText(byId('summary-bar-text'), parts, !answer && firstProblem);
    bar.hidden = false;
  }

  // The bar's gist where the holder cannot share: the gist of the answer's own first reason why
  // not, never a general "no account" beside a reason that says there is one (walk 43: a date
  // before sharing began there).
  function holderWhyNot(answer, t) {
    const code = answer.holder.reasons.find((r) => r.role === 'why_not')?.code ?? '';
    const gist = t.summaryShortWhyNot[code];
    return gist ? [gist] : t.summaryShortCannot;
  }

  function jumpToResults() {
    const heading = byId('results-title');
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }

  // In-page links (the skip link, citations) scroll to their target without touching the URL's
  // fragment, which holds the form's state (#r=...).
  root.addEventListener('click', (event) => {
    // A link in the answer to the field it needs ("填写历年账户余额").
    const toField = event.target.closest?.('[data-field]');
    if (toField) return focusField(toField.dataset.field);
    const link = event.target.closest?.('a[href^="#"]');
    if (!link || /^#r=/.test(link.getAttribute('href'))) return;
    const target = root.querySelector(`[id="${CSS.escape(link.getAttribute('href').slice(1))}"]`);
    if (!target) return;
    event.preventDefault();
    target.closest('details')?.setAttribute('open', '');
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  });

  let pending = 0;
  function scheduleEvaluation() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(evaluateNow);
    showState();
    // A bill's payer list says each member as the answer does, after a name or a relation is
    // changed too (review 56: 子女（成员 3） stayed after the member became 父母).
    const t = texts();
    for (const option of root.querySelectorAll('[data-path$="/member"] option')) {
      const i = state.members.findIndex((m) => m.key === option.value);
      if (i >= 0) option.textContent = memberLabel(state.members, i, t, state.lang);
    }
  }

  // ---- form controls
  function field(label, control, path) {
    const id = control.id || uniqueId('field');
    control.id = id;
    if (path) control.dataset.path = path;
    const error = h('span', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    control.setAttribute('aria-describedby', `${id}-error`);
    return h('div', { class: fieldClass(control) }, h('label', { for: id }, label), control, error);
  }

  function select(options, value, onChange) {
    return h(
      'select',
      { onchange: (event) => onChange(event.target.value) },
      options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  }

  function textInput(value, onInput, attributes = {}) {
    return h('input', {
      type: 'text',
      value,
      oninput: (event) => onInput(event.target.value),
      ...attributes,
    });
  }

  // The example balance of a first visit is marked as one, below its field.
  function exampleHint(balanceField) {
    if (state.exampleBalance) {
      balanceField.append(
        h(
          'p',
          { class: 'example-note', id: 'balance-example' },
          texts().balanceExample(state.holder.balance),
        ),
      );
    }
    return balanceField;
  }

  // What a change did beyond the field changed (a member's expenses removed with them), said under
  // the family, where the user is. One node for the page's life, put back with each redraw of the
  // form; its text comes a frame after the redraw, so that a screen reader hears it as news.
  const formStatus = h('p', { class: 'form-status', id: 'form-status', role: 'status' });
  // What a change of the bills did, under the bills (a bill removed, with its undo).
  const billStatus = h('p', { class: 'form-status', id: 'bill-status', role: 'status' });
  function say(text, where = formStatus) {
    requestAnimationFrame(() => {
      where.textContent = text;
    });
  }

  // A removal says what went, with a button that takes it back (walk 60: one tap removed a member
  // and their bills, just above "+ 添加成员", and Back left the page). `restore()` puts a member
  // back and returns the bills as they were; bills added since are kept after them.
  function removedWithUndo(text, focusId, restore, where = formStatus) {
    const after = state.expenses;
    rerenderForm(focusId);
    const undo = h(
      'button',
      {
        type: 'button',
        class: 'secondary undo',
        onclick: () => {
          const before = restore();
          state.expenses = [
            ...before.filter((e) => state.expenses.includes(e) || !after.includes(e)),
            ...state.expenses.filter((e) => !before.includes(e)),
          ];
          rerenderForm(focusId);
          say(texts().restored, where);
        },
      },
      texts().undo,
    );
    requestAnimationFrame(() => where.replaceChildren(text, ' ', undo));
  }

  function bind(object, key) {
    return (value) => {
      object[key] = value;
      scheduleEvaluation();
    };
  }

  // A box ticked for `object[key]`, its label beside it.
  function checkbox(object, key, label, className) {
    return h(
      'label',
      { class: className },
      h('input', {
        type: 'checkbox',
        checked: object[key],
        onchange: (event) => bind(object, key)(event.target.checked),
      }),
      label,
    );
  }

  // In 长辈模式 the fields few families need wait behind "更多", so the form is short in large type;
  // a field the answer rests on (上海's 历年 part: without it the answer is 算不出) never does.
  const isNeeded = (element) => needed.has(element.querySelector('[data-path]')?.dataset.path);
  const isFilled = (element) => {
    const input = element.querySelector('input');
    return input?.type === 'checkbox' ? input.checked : Boolean(input?.value.trim());
  };
  // In 长辈模式 the fields few need wait behind a fold whose summary names them (更多：历年余额、
  // 授权额度), so that what is behind it is read before it is opened. Each entry is [the field's
  // short name, the field].
  function secondary(...entries) {
    const fields = entries.map(([short, node]) => {
      node.dataset.more = short;
      return node;
    });
    if (!state.elder) return fields;
    // A field the answer rests on, or one the user has filled in, stays in sight (walk 42: an
    // authorised amount typed, then folded away, still capped the answer unseen).
    const shown = (f) => isNeeded(f) || isFilled(f);
    const folded = fields.filter((f) => !shown(f));
    return [
      fields.filter(shown),
      folded.length
        ? h(
            'details',
            { class: 'more' },
            h('summary', {}, texts().more(folded.map((f) => f.dataset.more))),
            h('div', { class: 'grid' }, folded),
          )
        : null,
    ];
  }

  // An answer that needs a field folded behind 更多 (the region just chosen is 上海) brings it out,
  // in front of its fold, keeping what was typed and the focus.
  function unfoldNeeded() {
    if (!state.elder) return;
    for (const path of needed) {
      const control = fieldAt(path);
      const fold = control?.closest('details.more');
      if (!fold) continue;
      const focused = control.getRootNode().activeElement === control;
      fold.before(control.closest('[data-more]'));
      if (focused) control.focus();
      const left = [...fold.querySelector('.grid').children];
      if (!left.length) fold.remove();
      else
        fold.querySelector('summary').textContent = texts().more(left.map((f) => f.dataset.more));
    }
  }

  // "此地按河南省的规定计算": the place is the province for a region using its province's rules,
  // else the city (or the province-administered city) itself.
  function coverageNote(code) {
    const level = regionInfo.get(code)?.coverage;
    if (!level) return '';
    const placeCode = level === 'province' ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
    const place = regionInfo.get(placeCode) ?? regionInfo.get(code);
    const note = texts().coverageNote?.[level] ?? '';
    return note.replace('{place}', state.lang === 'en' ? place.name_en : place.name);
  }

  // The tier choice is asked only where the region's rules have tiers (深圳), with the tiers the
  // policy data names; a tier already chosen (e.g. from a link) stays visible until cleared.
  function tierField() {
    const t = texts();
    const tiers = regionInfo.get(state.holder.region)?.tiers ?? [];
    if (tiers.length === 0 && !state.holder.tier && !needed.has('/holder/tier')) return null;
    const options = [['', t.tierNone], ...tiers.map((tier) => [tier, t.tierName(tier)])];
    if (state.holder.tier && !tiers.includes(state.holder.tier))
      options.push([state.holder.tier, t.tierName(state.holder.tier)]);
    const tier = field(
      t.tier,
      select(options, state.holder.tier, bind(state.holder, 'tier')),
      '/holder/tier',
    );
    // What a tier is and whom to ask (walk 43: asked with no word of either), read with the field.
    const hint = h('p', { class: 'coverage', id: uniqueId('tier-hint') }, t.tierHint);
    const control = tier.querySelector('select');
    control.setAttribute(
      'aria-describedby',
      `${control.getAttribute('aria-describedby')} ${hint.id}`,
    );
    tier.append(hint);
    return tier;
  }

  // Drawn again once the place's tiers are in, after the answer may have marked it (a link's
  // tier the rules do not name): the mark stays.
  function showTierField() {
    byId('tier-slot')?.replaceChildren(tierField() ?? '');
    showFieldProblems(shownProblems);
  }

  // The coverage note and the tier choice of the holder's place, once its province's rules are
  // in (downloaded for its answer anyway); a place changed meanwhile waits for its own.
  async function showRegionInfo(code) {
    if (!calculator) return;
    const regions = await calculator.regions([code]);
    if (state.holder.region !== code) return;
    regionInfo = new Map(regions.map((region) => [region.code, region]));
    byId('coverage-note').textContent = coverageNote(code);
    showTierField();
    // The field's place named from the rules if the region list has not come yet.
    const own = regionInfo.get(code);
    const province = regionInfo.get(`${code.slice(0, 2)}0000`);
    const within = province && province !== own ? { v: province.name, w: province.name_en } : {};
    if (own) {
      byId('holder-region')
        ?.closest('.region-field')
        ?.showName?.({ c: code, n: own.name, e: own.name_en, ...within });
    }
  }

  function renderHolder() {
    const t = texts();
    const coverageText = h(
      'p',
      { class: 'coverage', id: 'coverage-note', 'aria-live': 'polite' },
      coverageNote(state.holder.region),
    );
    const picker = regionPicker({
      label: t.holderRegion,
      value: state.holder.region,
      placeholder: t.regionPlaceholder,
      texts: t,
      describedBy: 'coverage-note',
      via: state.holder.regionVia ?? '',
      onChange: (code, via) => {
        state.holder.region = code;
        state.holder.regionVia = via;
        state.exampleRegion = false;
        byId('region-example')?.remove();
        onRegionChange(code);
        coverageText.textContent = coverageNote(code);
        showTierField();
        showRegionInfo(code).catch(() => {}); // without the module, the answer says so
        scheduleEvaluation();
      },
    });
    picker.querySelector('input').dataset.path = '/holder/region';
    picker.querySelector('input').id = 'holder-region';
    picker.querySelector('label').setAttribute('for', 'holder-region');
    // A text field, not type=date: the first date input on a page loads locale data for ~70 ms,
    // the longest single cost of the first render. The core checks the date and names /as_of.
    const asOf = textInput(
      state.asOf,
      (value) => {
        state.asOfChosen = true;
        bind(state, 'asOf')(value);
      },
      {
        required: true,
        id: 'as-of',
        placeholder: t.asOfPlaceholder, // an example, not letters an older reader must decode
        maxlength: 20, // 2026年12月31日 and 2026 年 12 月 31 日 too
        autocomplete: 'off',
      },
    );
    return h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, t.regionAndDate),
      picker,
      coverageText,
      state.exampleRegion
        ? h('p', { class: 'example-note', id: 'region-example' }, t.regionExample)
        : null,
      field(t.asOf, asOf, '/as_of'),
      h(
        'fieldset',
        { class: 'nested' },
        h('legend', {}, t.holder),
        h(
          'div',
          { class: 'grid' },
          field(
            t.scheme,
            select(t.options('scheme'), state.holder.scheme, bind(state.holder, 'scheme')),
            '/holder/scheme',
          ),
          field(
            t.status,
            select(t.options('status'), state.holder.status, bind(state.holder, 'status')),
            '/holder/status',
          ),
          h('div', { id: 'tier-slot', class: 'slot' }, tierField()),
          exampleHint(
            field(
              t.balance,
              textInput(
                state.holder.balance,
                (value) => {
                  state.exampleBalance = false;
                  byId('balance-example')?.remove();
                  bind(state.holder, 'balance')(value);
                },
                { inputmode: 'decimal', id: 'holder-balance' },
              ),
              '/holder/balance_fen',
            ),
          ),
          secondary(
            [
              t.moreNames.priorYears,
              field(
                t.priorYears,
                textInput(state.holder.priorYears, bind(state.holder, 'priorYears'), {
                  inputmode: 'decimal',
                }),
                '/holder/prior_years_balance_fen',
              ),
            ],
            [
              t.moreNames.authorized,
              field(
                t.authorized,
                textInput(state.holder.authorized, bind(state.holder, 'authorized'), {
                  inputmode: 'decimal',
                }),
                '/holder/authorized_limit_fen',
              ),
            ],
          ),
        ),
      ),
    );
  }

  function renderMembers() {
    const t = texts();
    const items = state.members.map((m, i) => {
      const title = `${t.member} ${i + 1}`;
      const picker = regionPicker({
        label: t.memberRegion,
        value: m.region,
        placeholder: t.regionPlaceholder,
        texts: t,
        allowEmpty: true,
        emptyMeans: t.regionSameAsHolder,
        citiesOnly: true,
        typed: m.regionTyped ?? '',
        via: m.regionVia ?? '',
        onTyped: (text) => {
          m.regionTyped = text;
        },
        onChange: (code, via) => {
          m.region = code;
          m.regionVia = via;
          scheduleEvaluation();
        },
      });
      picker.querySelector('input').dataset.path = `/members/${i}/region`;
      return h(
        'li',
        { class: 'card member-form' },
        h(
          'fieldset',
          {},
          h('legend', {}, title),
          h(
            'div',
            { class: 'grid' },
            field(
              t.memberName,
              textInput(
                m.name,
                (v) => {
                  m.name = v;
                  scheduleEvaluation();
                },
                { maxlength: 64, autocomplete: 'off', class: 'member-name' },
              ),
              `/members/${i}/name`,
            ),
            field(
              t.relation,
              select(t.options('relation'), m.relation, bind(m, 'relation')),
              `/members/${i}/relation`,
            ),
            field(
              t.age,
              textInput(m.age, bind(m, 'age'), { inputmode: 'numeric', class: 'member-age' }),
              `/members/${i}/age`,
            ),
            field(
              t.memberScheme,
              // Drawn again: only the employee scheme has an account of one's own to ask about.
              select(t.options('scheme'), m.scheme, (scheme) => {
                m.scheme = scheme;
                rerenderForm(null, `[data-path="/members/${i}/scheme"]`);
              }),
              `/members/${i}/scheme`,
            ),
            picker,
            secondary(
              // Residents' insurance has no personal account (walk 65: a balance asked for that
              // does not exist); a balance typed before the scheme changed is kept, unasked.
              ...(m.scheme === 'employee'
                ? [
                    [
                      t.moreNames.ownBalance,
                      field(
                        t.ownBalance,
                        textInput(m.ownBalance, bind(m, 'ownBalance'), { inputmode: 'decimal' }),
                        `/members/${i}/own_balance_fen`,
                      ),
                    ],
                  ]
                : []),
              [t.moreNames.bound, checkbox(m, 'bound', t.bound, 'check span')],
            ),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `${t.removeMember} ${i + 1}`,
              // The member's expenses go with them (an expense of nobody would stop the answer),
              // and the page says what was removed.
              onclick: () => {
                const before = state.expenses;
                const [removed] = state.members.splice(i, 1);
                state.expenses = before.filter((e) => e.member !== removed.key);
                const name = removed.name.trim();
                const dropped = before.length - state.expenses.length;
                removedWithUndo(
                  t.memberRemoved(name ? `${title}${aside(name, state.lang)}` : title, dropped),
                  'add-member',
                  () => {
                    state.members.splice(Math.min(i, state.members.length), 0, removed);
                    return before;
                  },
                );
              },
            },
            t.removeMember,
          ),
        ),
      );
    });
    return h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, t.family),
      h('ol', { class: 'member-list' }, items),
      state.members.length < MOST_MEMBERS
        ? h(
            'button',
            {
              type: 'button',
              id: 'add-member',
              onclick: () => {
                state.members.push(newMember(state.members));
                rerenderForm(null, `.member-form:last-of-type .member-name`);
              },
            },
            `+ ${t.addMember}`,
          )
        : h('p', { class: 'limit-note', id: 'member-limit' }, t.memberLimit(MOST_MEMBERS)),
      formStatus,
    );
  }

  function renderExpenses() {
    const t = texts();
    const payers = [
      ['holder', t.holderSelf],
      ...state.members.map((m, i) => [m.key, memberLabel(state.members, i, t, state.lang)]),
    ];
    const items = state.expenses.map((e, i) => {
      const payer = select(payers, e.member, bind(e, 'member'));
      if (!payers.some(([key]) => key === e.member))
        payer.prepend(h('option', { value: '', selected: true }, t.chooseMember));
      return h(
        'li',
        { class: 'card expense-form' },
        h(
          'fieldset',
          {},
          h('legend', {}, `${t.expense} ${i + 1}`),
          h(
            'div',
            { class: 'grid' },
            field(t.payer, payer, `/expenses/${i}/member`),
            field(
              t.kind,
              select(t.options('expense_kind'), e.kind, bind(e, 'kind')),
              `/expenses/${i}/kind`,
            ),
            field(
              t.amount,
              textInput(e.amount, bind(e, 'amount'), { inputmode: 'decimal' }),
              `/expenses/${i}/amount_fen`,
            ),
          ),
          checkbox(e, 'designated', t.designated, 'check'),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `${t.removeExpense} ${i + 1}`,
              onclick: () => {
                const before = state.expenses;
                state.expenses = before.filter((_, j) => j !== i);
                removedWithUndo(t.expenseRemoved(i + 1), 'add-expense', () => before, billStatus);
              },
            },
            t.removeExpense,
          ),
        ),
      );
    });
    return h(
      'fieldset',
      { class: 'card' },
      h('legend', {}, t.expenses),
      h('ol', { class: 'expense-list' }, items),
      state.expenses.length < MOST_EXPENSES
        ? h(
            'button',
            {
              type: 'button',
              id: 'add-expense',
              onclick: () => {
                state.expenses.push(newExpense());
                rerenderForm(null, '.expense-form:last-of-type select');
              },
            },
            `+ ${t.addExpense}`,
          )
        : h('p', { class: 'limit-note', id: 'expense-limit' }, t.expenseLimit(MOST_EXPENSES)),
      billStatus,
    );
  }

  function skeleton() {
    const t = texts();
    const header = h(
      'header',
      { class: 'site-header' },
      h(
        'div',
        {},
        h(pageLevel ? 'h1' : 'h2', { id: 'title' }, t.title),
        h('p', { id: 'tagline', class: 'tagline' }, t.tagline),
      ),
      headerTools(t, {
        lang: state.lang,
        elder: state.elder,
        onElder: () => setElder(!state.elder),
        onLang: () => setLang(state.lang === 'en' ? 'zh-CN' : 'en'),
      }),
    );
    const message = notice(t);
    return h(
      'div',
      { class: `gongji-app${state.elder ? ' elder' : ''}`, lang: state.lang },
      header,
      message ? h('p', { class: 'notice', id: 'notice', role: 'alert' }, message) : null,
      h(
        'main',
        { class: 'layout' },
        h(
          'div',
          { class: 'inputs' },
          h('form', {
            id: 'form',
            class: 'form',
            novalidate: true,
            'aria-label': t.formLabel,
            onsubmit: (event) => event.preventDefault(),
          }),
          h('div', { class: 'tools', id: 'tools' }, tools({ texts: t, state })),
        ),
        h(
          'section',
          {
            id: 'results',
            class: 'results',
            'aria-labelledby': 'results-title',
            'data-state': 'busy',
          },
          h(pageLevel ? 'h2' : 'h3', { id: 'results-title', tabindex: -1 }, t.results),
          // A screen reader hears the headline of each new answer, not the whole answer again.
          h('p', { id: 'results-live', class: 'visually-hidden', role: 'status' }),
          h('div', { id: 'results-body' }, t.waiting),
        ),
      ),
      h(
        'footer',
        { class: 'site-footer' },
        h('p', { id: 'privacy' }, pageLevel ? t.privacy : t.privacyWidget),
      ),
      pageLevel
        ? h(
            'div',
            { class: 'summary-bar', id: 'summary-bar', hidden: true },
            h('p', { id: 'summary-bar-text', 'aria-hidden': 'true' }),
            h('button', { type: 'button', id: 'to-answer', onclick: jumpToResults }, t.toAnswer),
          )
        : null,
    );
  }

  // `keepFocus`: after the user switched language, focus returns to the switch; on first render
  // focus stays where the browser put it.
  let langWanted;
  function setLang(lang, keepFocus = true) {
    langWanted = lang;
    if (!TEXTS[lang]) {
      // The English texts come the first time they are shown; until then the page stays as it is,
      // and if the user (or the host) asks for the other language meanwhile, that one is shown.
      loadTexts(lang).then(
        () => langWanted === lang && setLang(lang, keepFocus),
        (error) => {
          console.error(error);
          if (langWanted === lang) formStatus.textContent = texts().answerFailed;
        },
      );
      return;
    }
    ticksByPlace = new Set([...root.querySelectorAll('.steps input:checked')].map(placeKey));
    state.lang = lang;
    if (pageLevel) {
      document.documentElement.lang = lang;
      document.title = texts().title;
    }
    root.replaceChildren(skeleton());
    watchResults();
    rerenderForm(keepFocus ? 'lang-toggle' : null);
  }

  // The summary bar steps aside while the answer itself is on screen.
  let resultsWatcher;
  let resultsSizeWatcher;
  function watchResults() {
    resultsWatcher?.disconnect();
    resultsWatcher = stepAsideWhileInView(byId('summary-bar'), byId('results'));
    resultsSizeWatcher?.disconnect();
    resultsSizeWatcher = stickyWhileItFits(byId('results'));
  }

  // 长辈模式: large type and controls; secondary detail behind "更多" in the form and the answer.
  function setElder(on) {
    state.elder = on;
    onElderChange(on);
    root.replaceChildren(skeleton());
    watchResults();
    rerenderForm('elder-toggle');
  }

  /** Redraws the form from the state (never loses an entry), then moves focus where it belongs. */
  function rerenderForm(focusId, focusSelector) {
    if (!vocabulary) return; // the form's option lists come with the module
    byId('form').replaceChildren(renderHolder(), renderMembers(), renderExpenses());
    const target = focusId
      ? byId(focusId)
      : focusSelector
        ? root.querySelector(focusSelector)
        : null;
    target?.focus();
    formStatus.textContent = ''; // what was said before this change is no longer news
    billStatus.textContent = '';
    scheduleEvaluation();
  }

  async function start() {
    // The calculator starts (its module has been downloading and compiling since
    // calculator-client.js loaded), with the first request's provinces' rules; on the page, its
    // shell stays until the form (whose option lists and labels come with the rules) and the
    // first answer can be drawn together.
    const places = prefetchPlaces([state.holder.region, ...state.members.map((m) => m.region)]);
    calculator = connectCalculator();
    // A first answer that is not the example's (a link's family, one remembered, a widget's
    // place) needs the rules' other texts, and with a family the code that draws it: asked for
    // now, beside the module, not one after the other once the first answer asks.
    const family = state.members.length > 0 || state.expenses.length > 0;
    const wanted = [calculator.ready, places];
    if (family || !state.exampleBalance || state.holder.region !== '110000') {
      // (If this fails, the answer that needs them asks again.)
      wanted.push(calculator.loadTexts(state.lang));
    }
    if (family) wanted.push(loadFamilyResults());
    // A page or widget first shown in English waits for its texts (Chinese, if they cannot come).
    await loadTexts(state.lang).catch(() => (state.lang = 'zh-CN'));
    // Each frame drawn before the answer cost a layout and a paint of new text on the way; but
    // never more than 1.5 s of the shell (its buttons disabled) for a download that stalls.
    const settledAll = Promise.allSettled(wanted);
    if (pageLevel) await Promise.race([settledAll, new Promise((on) => setTimeout(on, 1500))]);
    setLang(state.lang, false);
    try {
      vocabulary = await calculator.vocabulary();
      rerenderForm(null);
      cancelAnimationFrame(pending); // the evaluation the form scheduled is this one
      pending = 0;
      await evaluateNow();
      // The region list and its coverage wait until the first answer is painted: their work would
      // otherwise land in the frames that lay it out.
      await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
      prefetchRegionSearch(); // the place fields' names (asked again by a field if this fails)
      await showRegionInfo(state.holder.region);
      // And the code that draws a family, so that the first relative added does not wait for it.
      loadFamilyResults().catch(() => {}); // tried again when an answer needs it
    } catch (error) {
      resultsRoot().replaceChildren(loadFailedNotice(texts()));
      showState('failed', latest);
      console.error(error);
    }
  }

  start();
  // A host that changes the widget's region redraws the form: the new place's coverage and tiers
  // come with its province's rules.
  const rerender = () => {
    rerenderForm();
    showRegionInfo(state.holder.region).catch(() => {});
  };
  // The language shown, or the one a switch still waiting for its texts will show.
  const wantedLang = () => langWanted ?? state.lang;
  return { state, setLang, wantedLang, evaluateNow, rerender };
}
