// Drawing an answer: summary, family picture, member cards, the pool, guidance, warnings, sources.
import { h, svg } from './dom.js';
import { formatFen } from './i18n.js';

function labelFor(state, t, id) {
  if (id === 'holder') return t.holderSelf;
  const index = state.members.findIndex((m) => m.key === id);
  const member = state.members[index];
  return member?.name.trim() || `${t.member} ${index + 1}`;
}

function reasonsList(reasons, t, key) {
  return h(
    'details',
    { class: 'reasons', dataset: { key } },
    h('summary', {}, t.reasons),
    h(
      'ul',
      {},
      reasons.map((r) =>
        h(
          'li',
          { dataset: { code: r.code } },
          r.text,
          r.sources.length
            ? h(
                'span',
                { class: 'cite' },
                ' ',
                r.sources.map((s) => h('a', { href: `#source-${s}` }, `[${s}]`)),
              )
            : null,
        ),
      ),
    ),
  );
}

function familyPicture(answer, state, t) {
  const width = 340;
  const height = 240;
  const cx = width / 2;
  const cy = height / 2;
  const members = answer.members;
  const eligibleNames = members.filter((m) => m.eligible).map((m) => labelFor(state, t, m.id));
  const separator = t.switchLang === 'English' ? '、' : ', ';
  const picture = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'family-picture',
    'aria-label': t.pictureLabel(eligibleNames.join(separator)),
  });
  members.forEach((member, i) => {
    const angle = (2 * Math.PI * i) / Math.max(members.length, 1) - Math.PI / 2;
    const x = cx + Math.cos(angle) * 120;
    const y = cy + Math.sin(angle) * 85;
    const tone = member.eligible ? 'ok' : 'no';
    picture.append(
      svg('line', { x1: cx, y1: cy, x2: x, y2: y, class: `link ${tone}` }),
      svg('circle', { cx: x, cy: y, r: 22, class: `node ${tone}` }),
      svg(
        'text',
        { x, y: y + 4, 'text-anchor': 'middle', class: 'node-label' },
        labelFor(state, t, member.id).slice(0, 4),
      ),
      svg(
        'text',
        { x, y: y + 36, 'text-anchor': 'middle', class: `node-state ${tone}` },
        member.eligible ? t.eligible : t.notEligible,
      ),
    );
  });
  picture.append(
    svg('circle', { cx, cy, r: 30, class: `node holder ${answer.holder.can_share ? 'ok' : 'no'}` }),
    svg('text', { x: cx, y: cy + 5, 'text-anchor': 'middle', class: 'node-label' }, t.you),
  );
  return h('figure', { class: 'card' }, h('figcaption', {}, t.picture), picture);
}

function memberCard(member, answer, state, t, lang) {
  const tone = member.eligible ? 'ok' : 'no';
  const reason = member.reasons.find(
    (r) => !['member.face_verification', 'member.no_face_verification'].includes(r.code),
  );
  return h(
    'li',
    { class: `card member-result ${tone}`, dataset: { member: member.id } },
    h(
      'h3',
      {},
      labelFor(state, t, member.id),
      ' — ',
      h('span', { class: `badge ${tone}` }, member.eligible ? t.eligible : t.notEligible),
    ),
    h(
      'dl',
      {},
      h('dt', {}, t.route),
      h('dd', { class: 'route' }, t.routes[member.route]),
      h('dt', {}, t.usable),
      h('dd', { class: 'usable' }, formatFen(member.usable_fen, lang)),
      h('dt', {}, t.face),
      h('dd', {}, member.needs_face_verification ? t.faceYes : t.faceNo),
      h('dt', {}, t.contribution),
      h('dd', {}, member.contribution_payable ? t.yes : t.no),
    ),
    !member.eligible && reason ? h('p', { class: 'why-not' }, reason.text) : null,
    reasonsList(member.reasons, t, `reasons-${member.id}`),
  );
}

function poolBar(answer, state, t, lang) {
  const { start_fen: start, remaining_fen: left, used_fen: used } = answer.pool;
  const bar = h('div', {
    class: 'pool-bar',
    role: 'img',
    'aria-label': `${t.poolStart} ${formatFen(start, lang)}, ${t.poolUsed} ${formatFen(used, lang)}, ${t.poolLeft} ${formatFen(left, lang)}`,
  });
  if (start > 0) {
    answer.expenses.forEach((expense, i) => {
      if (expense.from_holder_fen <= 0) return;
      const segment = h('span', {
        class: `segment s${i % 4}`,
        title: `${labelFor(state, t, expense.member)} ${formatFen(expense.from_holder_fen, lang)}`,
      });
      segment.style.width = `${(expense.from_holder_fen * 100) / start}%`;
      bar.append(segment);
    });
  }
  const rows = answer.expenses.map((e) =>
    h(
      'tr',
      { class: e.allowed ? '' : 'refused' },
      h('td', {}, labelFor(state, t, e.member)),
      h('td', {}, t.kinds[e.kind]),
      h('td', {}, e.allowed ? t.yes : t.no),
      h('td', { class: 'num' }, formatFen(e.from_own_fen, lang)),
      h('td', { class: 'num' }, formatFen(e.from_holder_fen, lang)),
      h('td', { class: 'num' }, formatFen(e.out_of_pocket_fen, lang)),
    ),
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'pool-title' },
    h('h3', { id: 'pool-title' }, t.pool),
    bar,
    h(
      'p',
      { class: 'pool-figures' },
      `${t.poolStart} ${formatFen(start, lang)} · ${t.poolUsed} ${formatFen(used, lang)} · ${t.poolLeft} `,
      h('strong', { class: 'pool-left' }, formatFen(left, lang)),
    ),
    rows.length
      ? h(
          'div',
          { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t.expenseTable },
          h(
            'table',
            {},
            h('caption', {}, t.expenseTable),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t.payer, t.kind, t.allowed, t.fromOwn, t.fromHolder, t.outOfPocket].map((c) =>
                  h('th', { scope: 'col' }, c),
                ),
              ),
            ),
            h('tbody', {}, rows),
          ),
        )
      : null,
  );
}

function guidance(answer, t) {
  const g = answer.guidance;
  return h(
    'section',
    { class: 'card guidance', 'aria-labelledby': 'guidance-title' },
    h('h3', { id: 'guidance-title' }, t.guidance),
    g.channels.map((channel) =>
      h(
        'section',
        { class: 'channel', dataset: { channel: channel.id } },
        h('h4', {}, channel.name),
        h(
          'ol',
          { class: 'steps' },
          channel.steps.map((step) =>
            h('li', {}, h('label', {}, h('input', { type: 'checkbox' }), ' ', step)),
          ),
        ),
      ),
    ),
    g.documents.length
      ? [
          h('h4', {}, t.documents),
          h(
            'ul',
            {},
            g.documents.map((d) => h('li', {}, d)),
          ),
        ]
      : null,
    g.notes.length
      ? [
          h('h4', {}, t.notes),
          h(
            'ul',
            { class: 'notes' },
            g.notes.map((n) => h('li', {}, n)),
          ),
        ]
      : null,
  );
}

// Each part of an answer is named, so a redraw can keep the parts that did not change.
function part(name, element) {
  element.dataset.part = name;
  return element;
}

export function renderResults(answer, state, t, lang) {
  const eligible = answer.members.filter((m) => m.eligible).length;
  const summary = answer.holder.can_share
    ? t.summaryCan(eligible, answer.members.length, formatFen(answer.holder.shareable_fen, lang))
    : t.summaryCannot;
  return h(
    'div',
    { class: 'answer' },
    part(
      'for',
      h(
        'p',
        { class: 'answer-for' },
        h('span', { class: 'print-only' }, `${t.title} — `),
        t.printedOn(answer.policy.region_name, answer.as_of),
      ),
    ),
    part(
      'summary',
      h('p', { class: 'summary', id: 'summary', elementtiming: 'gongji-answer' }, summary),
    ),
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
              answer.warnings.map((w) => h('li', { dataset: { code: w.code } }, w.text)),
            ),
          ),
        )
      : null,
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
      ),
    ),
    answer.members.length ? part('picture', familyPicture(answer, state, t)) : null,
    answer.members.length
      ? part(
          'members',
          h(
            'ul',
            { class: 'member-results' },
            answer.members.map((m) => memberCard(m, answer, state, t, lang)),
          ),
        )
      : null,
    part('pool', poolBar(answer, state, t, lang)),
    part('guidance', guidance(answer, t)),
    part(
      'sources',
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
              ` — ${s.date} · ${t.reliability[s.reliability]}`,
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
