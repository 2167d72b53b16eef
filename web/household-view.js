// The plan view: who binds whom as a picture (holders left, their people right, the uncovered
// apart) and as a list, with each holder's steps, each person's reason and what would change a
// "no". Every text is the core's or the page's own; user names only ever become text nodes.
import { fitLabel, h, svg, warningContent } from './dom.js';
import { aside, shareableText, sourceFacts } from './i18n.js';

/** What the page calls each person: their name, else their role (numbered when repeated). */
export function personLabels(request, t) {
  const people = request.household.people;
  return new Map(
    people.map((person) => {
      if (person.name) return [person.id, person.name];
      const same = people.filter((p) => p.role === person.role);
      const n = same.indexOf(person) + 1;
      const role = t.roles[person.role] ?? person.role;
      return [person.id, same.length > 1 ? `${role} ${n}` : role];
    }),
  );
}

// The picture's geometry and type in its own units (420 wide; a phone draws it at about 0.85 of
// that): labels come out at about 14 px, and at 19 px in 长辈模式 (large type).
const BOX = { width: 150, padding: 3 };
const TYPE = { normal: { size: 17, row: 44, box: 32 }, large: { size: 23, row: 52, box: 40 } };
const HOLDER_WEIGHT = 600; // household.css

function picture(plan, labels, t, elder) {
  const { size, row, box: boxHeight } = elder ? TYPE.large : TYPE.normal;
  const columns = [...plan.holders.map((holder) => holder.person)];
  const uncovered = plan.people.filter((p) => p.holder === null).map((p) => p.person);
  const covered = plan.people.filter((p) => p.holder !== null);
  // The uncovered start below both columns, so that 暂无共济人 stands on the row of the first of
  // them and beside no holder.
  const firstUncovered = Math.max(columns.length, covered.length);
  const rows = Math.max(firstUncovered + uncovered.length, 1);
  const height = rows * row + 16;
  const top = (i) => 8 + i * row;
  const middle = (i) => top(i) + boxHeight / 2;
  const holderRow = new Map(columns.map((id, i) => [id, i]));
  const nodes = [];
  // Each label is cut to its box as it will be drawn.
  const label = (x, y, text, weight = 400) =>
    svg(
      'text',
      { x, y, 'dominant-baseline': 'central', 'text-anchor': 'middle' },
      fitLabel(text, BOX.width - 2 * BOX.padding, size, weight),
    );
  const box = (x, i, text, cls) =>
    svg(
      'g',
      { class: cls },
      svg('rect', { x, y: top(i), width: BOX.width, height: boxHeight, rx: 6 }),
      label(x + BOX.width / 2, middle(i), text, cls === 'holder' ? HOLDER_WEIGHT : 400),
    );
  covered.forEach((person, i) => {
    const from = middle(holderRow.get(person.holder));
    nodes.push(
      svg('path', {
        d: `M160 ${from} C 210 ${from}, 210 ${middle(i)}, 260 ${middle(i)}`,
        class: `link route-${person.route}`,
      }),
      box(260, i, labels.get(person.person), 'person'),
    );
  });
  uncovered.forEach((id, i) => {
    nodes.push(box(260, firstUncovered + i, labels.get(id), 'person uncovered'));
  });
  columns.forEach((id, i) => nodes.push(box(8, i, labels.get(id), 'holder')));
  if (uncovered.length) {
    const nobody = label(8 + BOX.width / 2, middle(firstUncovered), t.nobodyColumn);
    nobody.classList.add('nobody');
    nodes.push(nobody);
  }
  return h(
    'figure',
    { class: 'plan-picture', 'data-part': 'picture' },
    svg(
      'svg',
      {
        viewBox: `0 0 420 ${height}`,
        role: 'img',
        'aria-label': t.pictureLabel,
        width: '100%',
        'font-size': size,
      },
      nodes,
    ),
    h(
      'figcaption',
      { class: 'route-legend' },
      t
        .options('route')
        .filter(([route]) => route !== 'none') // a person with no route is drawn apart
        .map(([route, text]) => h('span', { class: `legend route-${route}` }, text)),
    ),
  );
}

function guidance(g, stepsBy, t) {
  return [
    // Whose steps these are, when the holder is not the user (the core's sentence).
    stepsBy ? h('p', { class: 'steps-by' }, stepsBy) : null,
    g.channels.map((channel) =>
      h(
        'details',
        { class: 'channel', 'data-key': channel.id },
        h('summary', {}, channel.name),
        h(
          'ol',
          {},
          channel.steps.map((step) => h('li', {}, step)),
        ),
      ),
    ),
    g.documents.length
      ? h(
          'div',
          {},
          h('h5', {}, t.documents),
          h(
            'ul',
            {},
            g.documents.map((d) => h('li', {}, d)),
          ),
        )
      : null,
    g.notes.length
      ? h(
          'div',
          {},
          h('h5', {}, t.notes),
          h(
            'ul',
            {},
            g.notes.map((n) => h('li', {}, n)),
          ),
        )
      : null,
  ];
}

export function renderPlan(answer, request, t, { lang, elder }) {
  const labels = personLabels(request, t);
  const { plan } = answer;
  const names = (ids) => (ids.length ? ids.map((id) => labels.get(id)).join(t.listSep) : t.nobody);
  const holders = plan.holders.map((holder) =>
    h(
      'li',
      { class: 'card plan-holder', 'data-person': holder.person },
      h('h4', {}, labels.get(holder.person)),
      h(
        'p',
        {},
        `${t.shareable}${t.sep}${shareableText(holder.shareable_fen, holder.shareable_known, lang)}`,
      ),
      // A holder who binds nobody is told so in the plan's sentence, not as a bare "none".
      h(
        'p',
        { class: 'binds' },
        holder.binds.length
          ? `${t.binds}${t.sep}${names(holder.binds)}`
          : (holder.reasons.find((r) => r.code === 'plan.holder_binds_none')?.text ?? t.nobody),
      ),
      guidance(holder.guidance, holder.steps_by, t),
    ),
  );
  const people = plan.people.map((person) => {
    // The one sentence for this person: why this holder, or why nobody; the rest are details.
    const main = person.reasons.find((r) => r.role === (person.holder ? 'why' : 'why_not'));
    return h(
      'li',
      {
        class: `card plan-person ${person.holder ? 'covered' : 'uncovered'}`,
        'data-person': person.person,
      },
      h('h4', {}, labels.get(person.person)),
      h('p', { class: 'reason' }, main?.text ?? ''),
      person.alternatives.length
        ? h('p', {}, `${t.alternatives}${t.sep}${names(person.alternatives)}`)
        : null,
      person.contribution_payer
        ? h('p', {}, `${t.payer}${t.sep}${labels.get(person.contribution_payer)}`)
        : null,
      person.changes.length
        ? h(
            'div',
            { class: 'changes' },
            h('h5', {}, t.changes),
            h(
              'ul',
              {},
              person.changes.map((change) => h('li', { 'data-code': change.code }, change.text)),
            ),
          )
        : null,
      h(
        'details',
        { 'data-key': `why-${person.person}` },
        h('summary', {}, t.why),
        h(
          'ul',
          {},
          person.reasons.filter((r) => r !== main).map((reason) => h('li', {}, reason.text)),
        ),
      ),
    );
  });
  return h(
    'div',
    { class: 'plan', id: 'plan' },
    h('p', { class: 'plan-summary', id: 'plan-summary' }, t.summary(plan.covered, plan.total)),
    h('h3', {}, t.picture),
    picture(plan, labels, t, elder),
    h('h3', {}, t.holders),
    h('ol', { class: 'plan-holders' }, holders),
    h('h3', {}, t.peopleList),
    h('ol', { class: 'plan-people' }, people),
    answer.warnings.length
      ? h(
          'section',
          { class: 'plan-warnings' },
          h('h3', {}, t.warnings),
          h(
            'ul',
            {},
            answer.warnings.map((w) => h('li', { dataset: { code: w.code } }, warningContent(w))),
          ),
        )
      : null,
    h(
      'section',
      { class: 'plan-sources' },
      h('h3', {}, t.sources),
      h(
        'ul',
        {},
        answer.sources.map((s) =>
          // The title is the link (as on the calculator); the address shows only on paper.
          h(
            'li',
            {},
            h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.title),
            aside(sourceFacts(s, t), lang),
          ),
        ),
      ),
      h('p', { class: 'version' }, `${t.version}${t.sep}${answer.version}`),
    ),
  );
}
