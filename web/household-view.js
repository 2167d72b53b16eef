// The plan view: who binds whom as a picture (holders left, their people right, the uncovered
// apart) and as a list, with each holder's steps, each person's reason and what would change a
// "no". Every text is the core's or the page's own; user names only ever become text nodes.
import { h, svg, warningContent } from './dom.js';
import { wrapLabel } from './label-wrap.js';
import { today } from './amount.js';
import { aside, shareableText, sourceFacts } from './i18n.js';

/** What the page calls each person: their name, else their role (numbered when repeated). */
export function personLabels(request, t) {
  const people = request.household.people;
  return new Map(
    people.map((person) => {
      if (person.name) return [person.id, person.name];
      // Two of a role unnamed are told apart by age, as the plan's sentences tell them apart
      // (walk 44: "子女 2" in the picture, "子女（71岁）" in the text), by number where two are
      // the same age.
      const same = people.filter((p) => p.role === person.role && !p.name);
      const role = t.roles[person.role] ?? person.role;
      if (same.length < 2) return [person.id, role];
      const ages = new Set(same.map((p) => p.age));
      return [
        person.id,
        ages.size === same.length
          ? t.aged(role, person.age)
          : `${role} ${same.indexOf(person) + 1}`,
      ];
    }),
  );
}

// The picture's geometry and type in its own units (420 wide; a phone draws it at about 0.85 of
// that): labels come out at about 14 px, and at 19 px in 长辈模式 (large type). A label wider than
// its box wraps onto further lines and its row grows (never cut: "Spouse's / mother"); the boxes of
// a row share its height, so that a line joins middles. Boxes are wide enough for the longest word
// a role has ("Grandparent", in a holder's bold at large type), so that only a name longer than a
// box is ever broken inside a word.
const WIDTH = 420;
const MARGIN = 8;
const PADDING = 5;
const TYPE = {
  normal: { size: 17, line: 21, gap: 12, box: 32, width: 150 },
  large: { size: 23, line: 28, gap: 12, box: 40, width: 176 },
};
const HOLDER_WEIGHT = 600; // household.css

// The uncovered, in groups: those bound by a holder not listed here (they have one, outside the
// household: walk 44 found them drawn under 暂无共济人, beside a card saying they are bound) and
// those with none. Each group is [its left-hand words, its people].
function uncoveredGroups(plan, t) {
  const outside = new Set(boundOutside(plan));
  const uncovered = plan.people.filter((p) => p.holder === null).map((p) => p.person);
  return [
    [t.boundOutsideColumn, uncovered.filter((id) => outside.has(id))],
    [t.nobodyColumn, uncovered.filter((id) => !outside.has(id))],
  ].filter(([, people]) => people.length);
}

/**
 * The people no holder here covers only because a holder not listed has them (the core's reason
 * for it, where one holder each is the rule): they have a holder. Not one flagged as bound whom
 * the rules keep out anyway (an in-law, one not insured, a day before sharing began: review 47).
 */
export function boundOutside(plan) {
  const has = (person, code) => person.reasons.some((reason) => reason.code === code);
  return plan.people
    .filter(
      (p) =>
        p.holder === null && has(p, 'member.single_holder_bound') && !has(p, 'member.uninsured'),
    )
    .map((p) => p.person);
}

function picture(plan, labels, t, elder) {
  const { size, line, gap, box: boxHeight, width } = elder ? TYPE.large : TYPE.normal;
  const [holderX, personX] = [MARGIN, WIDTH - MARGIN - width];
  const [linkFrom, linkBend] = [holderX + width + 2, (holderX + width + personX) / 2];
  const columns = [...plan.holders.map((holder) => holder.person)];
  // Each holder's people together, in the holders' order, so that no two lines cross (walk 58 #8).
  const covered = plan.people
    .filter((p) => p.holder !== null)
    .sort((a, b) => columns.indexOf(a.holder) - columns.indexOf(b.holder));
  // The uncovered start below both columns, so that each group's words stand on the row of its
  // first person and beside no holder.
  const firstUncovered = Math.max(columns.length, covered.length);
  const groups = [];
  let row = firstUncovered;
  for (const [words, people] of uncoveredGroups(plan, t)) {
    groups.push({ words, people, first: row });
    row += people.length;
  }
  const rows = Math.max(row, 1);
  // Each label's lines as it will be drawn, and each row as high as its tallest label needs.
  const wrap = (text, weight = 400) => wrapLabel(text, width - 2 * PADDING, size, weight);
  const left = new Map(columns.map((id, i) => [i, wrap(labels.get(id), HOLDER_WEIGHT)]));
  for (const group of groups) left.set(group.first, wrap(group.words));
  const right = new Map([
    ...covered.map((person, i) => [i, wrap(labels.get(person.person))]),
    ...groups.flatMap((group) =>
      group.people.map((id, i) => [group.first + i, wrap(labels.get(id))]),
    ),
  ]);
  const heights = Array.from({ length: rows }, (_, i) => {
    const most = Math.max(left.get(i)?.length ?? 1, right.get(i)?.length ?? 1);
    return boxHeight + (most - 1) * line;
  });
  const tops = [MARGIN];
  heights.forEach((rowHeight, i) => tops.push(tops[i] + rowHeight + gap));
  const height = tops[rows] - gap + MARGIN;
  const middle = (i) => tops[i] + heights[i] / 2;
  const holderRow = new Map(columns.map((id, i) => [id, i]));
  const nodes = [];
  // A label's lines, centred on the middle of its row (each line says its baseline: SVG 1.1
  // browsers do not pass it down to a tspan).
  const label = (x, i, lines, cls) =>
    svg(
      'text',
      { x, 'text-anchor': 'middle', class: cls },
      lines.map((text, k) =>
        svg(
          'tspan',
          {
            x,
            y: middle(i) + (k - (lines.length - 1) / 2) * line,
            'dominant-baseline': 'central',
          },
          text,
        ),
      ),
    );
  const box = (x, i, lines, cls) =>
    svg(
      'g',
      { class: cls },
      svg('rect', { x, y: tops[i], width, height: heights[i], rx: 6 }),
      label(x + width / 2, i, lines, 'node-label'),
    );
  covered.forEach((person, i) => {
    const from = middle(holderRow.get(person.holder));
    nodes.push(
      svg('path', {
        d: `M${linkFrom} ${from} C ${linkBend} ${from}, ${linkBend} ${middle(i)}, ${personX} ${middle(i)}`,
        class: `link route-${person.route}`,
      }),
      box(personX, i, right.get(i), 'person'),
    );
  });
  for (const group of groups) {
    group.people.forEach((id, i) => {
      nodes.push(box(personX, group.first + i, right.get(group.first + i), 'person uncovered'));
    });
  }
  columns.forEach((id, i) => nodes.push(box(holderX, i, left.get(i), 'holder')));
  for (const group of groups) {
    nodes.push(label(holderX + width / 2, group.first, left.get(group.first), 'nobody'));
  }
  return h(
    'figure',
    { class: 'plan-picture', 'data-part': 'picture' },
    svg(
      'svg',
      {
        viewBox: `0 0 ${WIDTH} ${height}`,
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
      // The routes drawn only: a person with no route is drawn apart (walk 43: all three were
      // explained under a picture that had one).
      t
        .options('route')
        .filter(([route]) => plan.people.some((p) => p.route === route))
        .map(([route, text]) => h('span', { class: `legend route-${route}` }, text)),
    ),
  );
}

// `printed`: the notes of the holders above; on paper a note is printed once (walk 52: the same
// 注意事项 under each of two holders took a family of four to three pages).
function guidance(g, stepsBy, t, printed) {
  const repeated = g.notes.filter((n) => printed.has(n));
  g.notes.forEach((n) => printed.add(n));
  return [
    // Whose steps these are, when the holder is not the user (the core's sentence).
    stepsBy ? h('p', { class: 'steps-by' }, stepsBy) : null,
    h(
      'div',
      { class: 'plan-channels' },
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
            { class: 'notes' },
            g.notes.map((n) => h('li', { class: repeated.includes(n) ? 'repeated' : null }, n)),
            repeated.length
              ? h(
                  'li',
                  { class: 'print-only' },
                  repeated.length === g.notes.length ? t.notesAsAbove : t.otherNotesAsAbove,
                )
              : null,
          ),
        )
      : null,
  ];
}

export function renderPlan(answer, request, t, { lang, elder, tierMissing = [], focusField }) {
  const labels = personLabels(request, t);
  const { plan } = answer;
  const names = (ids) => (ids.length ? ids.map((id) => labels.get(id)).join(t.listSep) : t.nobody);
  const printed = new Set();
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
      guidance(holder.guidance, holder.steps_by, t, printed),
    ),
  );
  const people = plan.people.map((person) => {
    // The one sentence for this person: why this holder, or why nobody; the rest are details.
    const main = person.reasons.find((r) => r.role === (person.holder ? 'why' : 'why_not'));
    // Another holder who could share too, if related as the form cannot tell, or by a surer rule:
    // beside the choice, not folded away (reviews 53, 57: the child's parent in the household).
    const also = person.reasons.filter((r) =>
      ['plan.also_if_related', 'plan.surer_holder'].includes(r.code),
    );
    return h(
      'li',
      {
        class: `card plan-person ${person.holder ? 'covered' : 'uncovered'}`,
        'data-person': person.person,
      },
      h('h4', {}, labels.get(person.person)),
      h('p', { class: 'reason' }, main?.text ?? ''),
      also.map((r) => h('p', {}, r.text)),
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
          person.reasons
            .filter((r) => r !== main && !also.includes(r))
            .map((reason) => h('li', {}, reason.text)),
        ),
      ),
    );
  });
  return h(
    'div',
    { class: 'plan', id: 'plan' },
    // On paper the page's heading is not printed: the plan has its own, and says for which day.
    h(
      'div',
      { class: 'print-only plan-for' },
      h('p', { class: 'print-title' }, t.title.replaceAll('\u200b', '')),
      h('p', {}, `${t.printedFor(answer.as_of)} · ${t.version}${t.sep}${answer.version}`),
    ),
    h(
      'p',
      { class: 'plan-summary', id: 'plan-summary' },
      t.summary(plan.covered, plan.total, plan.holders.length, boundOutside(plan).length),
    ),
    answer.as_of > today() ? h('p', { class: 'future-note' }, t.futureDate) : null,
    // The picture and its heading go together: neither is printed, nor drawn with no one to cover.
    plan.total ? h('h3', { class: 'picture-title' }, t.picture) : null,
    plan.total ? picture(plan, labels, t, elder) : null,
    // No one in the household can share (深圳's tier 2 alone): no heading over nothing.
    holders.length ? h('h3', {}, t.holders) : null,
    holders.length ? h('ol', { class: 'plan-holders' }, holders) : null,
    people.length ? h('h3', {}, t.peopleList) : null,
    people.length ? h('ol', { class: 'plan-people' }, people) : null,
    answer.warnings.length
      ? h(
          'section',
          { class: 'plan-warnings' },
          h('h3', {}, t.warnings),
          h(
            'ul',
            {},
            answer.warnings.map((w) =>
              h(
                'li',
                { dataset: { code: w.code } },
                warningContent(w),
                // Whose tier is not chosen, each a way to the field (walk 65: the warning stayed
                // once the spouse's was chosen, naming no one).
                w.code === 'holder.tier_missing' && tierMissing.length
                  ? h(
                      'p',
                      { class: 'tier-missing' },
                      t.tierMissingFor,
                      tierMissing.map(([id, path]) =>
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'problem-link field-link',
                            onclick: () => focusField(path),
                          },
                          labels.get(id),
                        ),
                      ),
                    )
                  : null,
              ),
            ),
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
