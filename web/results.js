// Drawing an answer: summary, family picture, member cards, the pool, guidance, warnings, sources.
// The family's part (the picture, the member cards, the bills) is drawn by results-family.js,
// loaded before the first answer that has one: renderResults() needs it then.
import { h, warningContent } from './dom.js';
import { aside, formatFen, series, shareableText, sourceFacts } from './i18n.js';
import { today } from './amount.js';
import { once } from './later.js';
import { capitalised } from './vocabulary.js';

// The family's part of an answer (results-family.js), once loaded.
let family;
/** Whether `answer` has a family part to draw (members or bills): loadFamilyResults() first. */
export const hasFamily = (answer) => answer.members.length > 0 || answer.expenses.length > 0;
/** Loads the code that draws the family (once; again after a failure). */
export const loadFamilyResults = once(() =>
  import('./results-family.js').then((module) => (family = module)),
);

// An unnamed member is called by their relation, as the answer's own sentences call them (walk
// 46: "成员 1" on the card, "您的配偶" in the steps); where two unnamed members share a relation,
// their number on the form tells them apart: 子女（成员 3）.
// `inText`: named inside a sentence (您的配偶, your spouse), not as a label (配偶, Spouse).
export function labelFor(state, t, id, inText = false) {
  if (id === 'holder') return t.holderSelf;
  return memberLabel(
    state.members,
    state.members.findIndex((m) => m.key === id),
    t,
    state.lang,
    inText,
  );
}

export function memberLabel(members, index, t, lang, inText = false) {
  const member = members[index];
  const name = member?.name.trim();
  if (name) return name;
  const numbered = `${t.member} ${index + 1}`;
  const relation = (inText ? t.relationsInText : t.relations)?.[member?.relation];
  if (!relation) return numbered;
  const shared = members.some(
    (m, i) => i !== index && !m.name.trim() && m.relation === member.relation,
  );
  return shared ? `${relation}${aside(numbered, lang)}` : relation;
}

// A reason's sentence and the links to its sources.
export function reasonParts(r) {
  return [
    r.text,
    r.sources.length
      ? h(
          'span',
          { class: 'cite' },
          ' ',
          r.sources.map((s) => h('a', { href: `#source-${s}` }, `[${s}]`)),
        )
      : null,
  ];
}

export function reasonsList(reasons, t, key) {
  if (reasons.length === 0) return null;
  return h(
    'details',
    { class: 'reasons', dataset: { key } },
    h('summary', {}, t.reasons),
    h(
      'ul',
      {},
      reasons.map((r) => h('li', { dataset: { code: r.code } }, ...reasonParts(r))),
    ),
  );
}

// Where every reason against a member is a reading no source confirms (is the wallet open
// yet?), the "no" is not known either: the page says 未确认, not 不能使用.
/** A relative the account cannot serve yet but whose residents' contribution it may pay. */
export const payableOnly = (member) => standing(member) === 'no' && member.contribution_payable;

export function standing(member) {
  if (member.eligible) return 'ok';
  const against = member.reasons.filter((r) => r.role === 'why_not');
  const unsure = against.length > 0 && against.every((r) => r.code.endsWith('_unconfirmed'));
  return unsure ? 'unsure' : 'no';
}
// What the bar draws, as [whose bills, fen, colour], summing to the answer's 已用: a relative's bill
// takes from the pool what it took from the holder's account; the holder's own bills shrink the
// pool by the rest of what was used (only once the balance falls below what may be shared, so
// not simply what they took), drawn where the holder's first bill is.
function poolParts(answer) {
  const parts = [];
  let drawn = 0;
  let holder = null;
  answer.expenses.forEach((expense, i) => {
    if (expense.member !== 'holder') {
      if (expense.from_holder_fen <= 0) return;
      parts.push([expense.member, expense.from_holder_fen, i]);
      drawn += expense.from_holder_fen;
    } else if (!holder && expense.from_own_fen > 0) {
      holder = ['holder', 0, i];
      parts.push(holder);
    }
  });
  const own = answer.pool.used_fen - drawn;
  if (own > 0 && !holder) parts.push(['holder', own, answer.expenses.length]);
  else if (holder) holder[1] = own;
  return parts.filter(([, fen]) => fen > 0);
}

function poolBar(answer, state, t, lang) {
  const { start_fen: start, remaining_fen: left, used_fen: used } = answer.pool;
  if (answer.holder.shareable_known === false) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'pool-title' },
      h('h3', { id: 'pool-title' }, t.pool),
      h('p', { class: 'pool-figures' }, t.poolNotKnown),
      answer.expenses.length ? family.bills(answer, state, t, lang) : null,
    );
  }
  const bar = h('div', {
    class: 'pool-bar',
    role: 'img',
    'aria-label': `${t.poolStart} ${formatFen(start, lang)}, ${t.poolUsed} ${formatFen(used, lang)}, ${t.poolLeft} ${formatFen(left, lang)}`,
  });
  if (start > 0) {
    for (const [who, fen, colour] of poolParts(answer)) {
      const segment = h('span', {
        class: `segment s${colour % 4}`,
        title: `${labelFor(state, t, who)} ${formatFen(fen, lang)}`,
      });
      segment.style.width = `${(fen * 100) / start}%`;
      bar.append(segment);
    }
  }
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'pool-title' },
    h('h3', { id: 'pool-title' }, t.pool),
    start > 0 ? bar : null,
    h(
      'p',
      { class: 'pool-figures' },
      `${t.poolStart} ${formatFen(start, lang)} · ${t.poolUsed} ${formatFen(used, lang)} · ${t.poolLeft} `,
      h('strong', { class: 'pool-left' }, formatFen(left, lang)),
    ),
    answer.expenses.length ? family.bills(answer, state, t, lang) : null,
  );
}

// 60 and over: the age at which the law counts a person as elderly (老年人权益保障法 第二条). A
// presentation choice, not a rule of the scheme: for them the counter comes first.
const ELDERLY_AGE = 60;

function checklist(steps) {
  return h(
    'ol',
    { class: 'steps' },
    steps.map((step) => h('li', {}, h('label', {}, h('input', { type: 'checkbox' }), ' ', step))),
  );
}

// Members for whom a counter is the better way: they must verify their own face, bind in the
// holder's region (the counter there cannot open another province's wallet), and are elderly
// or the page is in 长辈模式.
function counterMembers(answer, state, t) {
  return answer.members
    .filter((m, i) => {
      const age = Number(state.members[i]?.age);
      return (
        m.eligible &&
        m.needs_face_verification &&
        m.route !== 'cross_province' &&
        (age >= ELDERLY_AGE || state.elder)
      );
    })
    .map((m) => labelFor(state, t, m.id, true));
}

function guidance(answer, state, t) {
  const g = answer.guidance;
  const seniors = counterMembers(answer, state, t);
  const isCounter = (channel) => channel.kind === 'office';
  const channels =
    seniors.length && g.channels.some(isCounter)
      ? [...g.channels.filter(isCounter), ...g.channels.filter((c) => !isCounter(c))]
      : g.channels;
  const payable = answer.members.filter(
    (m, i) => m.contribution_payable && state.members[i]?.scheme !== 'employee',
  );
  const namesOf = (members) =>
    members.length
      ? series(
          members.map((m) => labelFor(state, t, m.id, true)),
          t,
        )
      : null;
  return h(
    'section',
    { class: 'card guidance', 'aria-labelledby': 'guidance-title' },
    // No channel (a holder who cannot share): the notes say what the family can do instead.
    h('h3', { id: 'guidance-title' }, channels.length ? t.guidance : t.guidanceInstead),
    h(
      'div',
      { class: 'channels' },
      channels.map((channel) =>
        h(
          'section',
          { class: 'channel', dataset: { channel: channel.id, kind: channel.kind } },
          h('h4', {}, channel.name),
          isCounter(channel) && seniors.length
            ? h(
                'p',
                { class: 'counter-first' },
                t.counterFirst(capitalised(series(seniors, t), state.lang)),
              )
            : null,
          checklist(channel.steps),
        ),
      ),
    ),
    payable.length
      ? h(
          'section',
          { class: 'channel contribution', dataset: { channel: 'resident-contribution' } },
          h('h4', {}, t.contributionTitle),
          checklist(
            t.contributionSteps(
              namesOf(payable.filter((m) => m.route !== 'cross_province')),
              namesOf(payable.filter((m) => m.route === 'cross_province')),
            ),
          ),
        )
      : null,
    g.documents.length
      ? h(
          'section',
          { class: 'documents' },
          h('h4', {}, t.documents),
          h(
            'ul',
            { class: 'boxes' },
            g.documents.map((d) => h('li', {}, d)),
          ),
        )
      : null,
    g.notes.length
      ? h(
          'section',
          { class: 'notes-section' },
          h('h4', {}, t.notes),
          h(
            'ul',
            { class: 'notes' },
            g.notes.map((n) => h('li', {}, n)),
          ),
        )
      : null,
  );
}

// The form's fields an answer rests on: one it says is missing (a warning: the 历年 part of 上海's
// account, 深圳's tier), linked from the answer, and one whose value decides what may be shared
// (上海 shares only the 历年 part); the form never folds them away (calculator-ui.js).
const MISSING_FIELD = {
  'holder.prior_years_missing': '/holder/prior_years_balance_fen',
  'holder.tier_missing': '/holder/tier',
};
const DECIDING_FIELD = {
  'holder.prior_years_only': '/holder/prior_years_balance_fen',
  'holder.prior_years_unknown': '/holder/prior_years_balance_fen',
};
// A member's reason that asks for a field of the holder's (the quota set in the wallet).
export const MEMBER_FIELD = {
  'member.wallet_quota_needed': '/holder/authorized_limit_fen',
};
const missingFields = (answer) => [
  ...new Set(answer.warnings.map((w) => MISSING_FIELD[w.code]).filter(Boolean)),
];

/** The paths of the fields the answer needs (missing or deciding), as a Set. */
export function fieldsNeeded(answer) {
  const deciding = answer.holder.reasons.map((r) => DECIDING_FIELD[r.code]);
  const asked = answer.members.flatMap((m) => m.reasons.map((r) => MEMBER_FIELD[r.code]));
  return new Set([...missingFields(answer), ...[...deciding, ...asked].filter(Boolean)]);
}

// A link to a field (found by its path when clicked, as the form may have been drawn again).
export function fieldLink(path, t, label = t.fillField[path]) {
  return h(
    'button',
    { type: 'button', class: 'problem-link field-link', dataset: { field: path } },
    label,
  );
}

// Each part of an answer is named, so a redraw can keep the parts that did not change.
function part(name, element) {
  element.dataset.part = name;
  return element;
}

// In 长辈模式 the parts few need wait behind a fold that names them (更多：家庭关系图).
function more(state, t, name, node) {
  return state.elder
    ? h('details', { class: 'more' }, h('summary', {}, t.more([name])), node)
    : node;
}

export function renderResults(answer, state, t, lang) {
  const eligible = answer.members.filter((m) => m.eligible).length;
  const unsure = answer.members.filter((m) => standing(m) === 'unsure').length;
  // Those the account cannot serve yet but whose residents' contribution it may pay (walk 65).
  const payable = answer.members.filter(payableOnly);
  // Where the holder cannot share, the headline is the answer's own first reason why not (sharing
  // not started yet, no account, a tier without one), never a general "no account" beside a
  // reason that says there is one.
  const cannot = answer.holder.reasons.find((r) => r.role === 'why_not')?.text ?? t.summaryCannot;
  const summary = answer.holder.can_share
    ? t.summaryCan(
        eligible,
        answer.members.length,
        shareableText(answer.holder.shareable_fen, answer.holder.shareable_known, lang),
        unsure,
        payable.length,
      ) + (state.exampleBalance ? t.exampleSummary : '')
    : cannot;
  return h(
    'div',
    { class: 'answer' },
    part(
      'for',
      h(
        'div',
        { class: 'answer-for' },
        h('p', { class: 'print-only print-title' }, t.title),
        h(
          'p',
          {},
          t.printedOn(answer.policy.region_name, answer.as_of),
          h(
            'span',
            { class: 'print-only' },
            ` · ${t.rulesVersion(answer.policy.version, answer.policy.last_reviewed)}`,
          ),
        ),
        // A day to come is answered by the rules known now (review 53: 2027 read as settled).
        answer.as_of > today() ? h('p', { class: 'future-note' }, t.futureDate) : null,
      ),
    ),
    part(
      'summary',
      h('p', { class: 'summary', id: 'summary', elementtiming: 'gongji-answer' }, summary),
    ),
    part(
      'holder',
      h(
        'section',
        { class: 'card holder-result' },
        h('h3', {}, t.you),
        h(
          'ul',
          {},
          answer.holder.reasons.map((r) => h('li', {}, r.text)),
        ),
        // What may be shared is not known until a field is filled in: the way to it.
        answer.holder.shareable_known === false
          ? missingFields(answer).map((path) => fieldLink(path, t))
          : null,
      ),
    ),
    answer.members.length
      ? part('picture', more(state, t, t.picture, family.familyPicture(answer, state, t)))
      : null,
    answer.members.length
      ? part(
          'members',
          h(
            'div',
            {},
            h(
              'ul',
              { class: 'member-results' },
              answer.members.map((m) => family.memberCard(m, answer, state, t, lang)),
            ),
            family.printMembers(answer, state, t, lang),
          ),
        )
      : null,
    part('pool', poolBar(answer, state, t, lang)),
    // After the per-person answer: a family reads what it may use first, then what to check.
    answer.warnings.length
      ? part(
          'warnings',
          h(
            'section',
            { class: 'card warnings', 'aria-labelledby': 'warnings-title' },
            h('h3', { id: 'warnings-title' }, t.warnings),
            h(
              'ul',
              {},
              answer.warnings.map((w) =>
                h(
                  'li',
                  { dataset: { code: w.code } },
                  warningContent(w),
                  MISSING_FIELD[w.code] ? fieldLink(MISSING_FIELD[w.code], t) : null,
                ),
              ),
            ),
          ),
        )
      : null,
    part('guidance', guidance(answer, state, t)),
    // Words a family may not know (统筹区, 医保钱包, …), explained once, folded away.
    part(
      'glossary',
      h(
        'details',
        { class: 'card glossary' },
        h('summary', {}, t.glossaryTitle),
        h(
          'dl',
          {},
          // A word the vocabulary defines (a route's label) is taken from it, not written again.
          t.glossary.flatMap(([word, meaning]) => [
            h('dt', {}, word.route ? t.routes[word.route] : word),
            h('dd', {}, meaning),
          ]),
        ),
      ),
    ),
    part(
      'sources',
      more(
        state,
        t,
        t.sources,
        h(
          'section',
          { class: 'card sources', 'aria-labelledby': 'sources-title' },
          h('h3', { id: 'sources-title' }, t.sources),
          h(
            'ol',
            {},
            answer.sources.map((s) =>
              h(
                'li',
                { id: `source-${s.id}` },
                h('span', { class: 'source-id' }, `[${s.id}] `),
                h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.title),
                ` — ${sourceFacts(s, t)}`,
              ),
            ),
          ),
        ),
      ),
    ),
    part(
      'version',
      h(
        'p',
        { class: 'version' },
        t.rulesVersion(answer.policy.version, answer.policy.last_reviewed),
      ),
    ),
  );
}
