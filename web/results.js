// Drawing an answer: summary, family picture, member cards, the pool, guidance, warnings, sources.
import { h, svg, textWidth, warningContent, wrapLabel } from './dom.js';
import { formatFen, series, shareableText, sourceFacts } from './i18n.js';

function labelFor(state, t, id) {
  if (id === 'holder') return t.holderSelf;
  const index = state.members.findIndex((m) => m.key === id);
  const member = state.members[index];
  return member?.name.trim() || `${t.member} ${index + 1}`;
}

// A reason's sentence and the links to its sources.
function reasonParts(r) {
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

function reasonsList(reasons, t, key) {
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

// The family picture: the holder on top and the members below in two columns, each joined to the
// holder by a line of its own (green: may use the account; grey and dashed: may not). The lines
// run down the gap between the columns and along the gaps between the rows, so they never cross a
// label. A name wider than its box wraps onto further lines (never cut: between words, after a
// hyphen, beside Chinese characters, inside a word only where the word alone is wider than the
// box), and its row grows: the boxes of a row share the height of the tallest, so that their state
// lines stand level. Sizes in the picture's own units (360 wide; a phone draws it at about 0.9 of
// that: 16 units come out at about 14.5 px, 21 at 19 px). The boxes leave a gap of 16 between the
// columns for the holder's line, and hold a word as long as "Montgomery-" (140 units at 21) whole.
const PICTURE = { width: 360, column: 90, box: 164, padding: 6, margin: 8 };
const PICTURE_TYPE = {
  normal: { size: 16, leading: 20, box: 36, gap: 22 },
  large: { size: 21, leading: 26, box: 44, gap: 26 },
};

function familyPicture(answer, state, t) {
  const type = state.elder ? PICTURE_TYPE.large : PICTURE_TYPE.normal;
  const { size, leading, gap } = type;
  const boxHeight = type.box; // of a box with one line of name
  const { width, column, box: boxWidth, padding, margin } = PICTURE;
  const cx = width / 2;
  const members = answer.members;
  const stateLine = Math.round(size * 1.6); // under a box, clear of its edge
  // Each name's lines as they will be drawn, inside the box's padding and its rounded ends, which
  // take in the corners of a line (about 1.2 em high) at the level of the first and last.
  const radius = boxHeight / 2;
  const inset = radius - Math.sqrt(radius ** 2 - (0.6 * size) ** 2);
  const labels = members.map((member) =>
    wrapLabel(labelFor(state, t, member.id), boxWidth - 2 * (padding + inset), size),
  );
  // Two to a row; an odd last member sits alone in the middle, where the holder's line ends. Each
  // row is as high as its tallest name needs.
  const rows = Math.ceil(members.length / 2);
  const heights = Array.from({ length: rows }, (_, row) => {
    const most = Math.max(...labels.slice(2 * row, 2 * row + 2).map((lines) => lines.length));
    return boxHeight + (most - 1) * leading;
  });
  const tops = [margin + boxHeight + gap];
  heights.forEach((rowHeight, row) => tops.push(tops[row] + rowHeight + stateLine + gap));
  const place = (i) => ({
    x: i === members.length - 1 && i % 2 === 0 ? cx : cx + (i % 2 ? column : -column),
    top: tops[Math.floor(i / 2)],
    tall: heights[Math.floor(i / 2)],
  });
  const height = tops[rows] - gap + margin;
  const eligibleNames = members.filter((m) => m.eligible).map((m) => labelFor(state, t, m.id));
  const picture = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'family-picture',
    'font-size': size,
    'aria-label': t.pictureLabel(eligibleNames.join(t.listSeparator)),
  });
  const rail = (top) => top - gap / 2; // the level of the line to a row, between it and the last
  const holderWidth = Math.max(textWidth(t.you, size) + 4 * padding, 2 * boxHeight);
  // The holder's line runs down the middle to the last pair's row; a member alone below it has a
  // line of its own from there.
  const alone = members.length % 2 === 1;
  const shared =
    members.length === 1 ? margin + boxHeight : rail(place(members.length - (alone ? 2 : 1)).top);
  if (members.length > 1)
    picture.append(
      svg('path', {
        d: `M${cx} ${margin + boxHeight} V${shared}`,
        class: `link ${answer.holder.can_share ? 'ok' : 'no'}`,
      }),
    );
  members.forEach((member, i) => {
    const { x, top, tall } = place(i);
    const tone = standing(member);
    const path = x === cx ? `M${cx} ${shared} V${top}` : `M${cx} ${rail(top)} H${x} V${top}`;
    const lines = labels[i];
    const middle = top + tall / 2;
    picture.append(
      svg('path', { d: path, class: `link ${tone}` }),
      svg(
        'g',
        { class: 'member-node' },
        svg('rect', {
          x: x - boxWidth / 2,
          y: top,
          width: boxWidth,
          height: tall,
          rx: radius,
          class: `node ${tone}`,
        }),
        // The name's lines, centred in its box (each line says its own baseline: SVG 1.1
        // browsers do not pass it down to a tspan).
        svg(
          'text',
          { x, y: middle, class: 'node-label' },
          lines.map((text, k) =>
            svg(
              'tspan',
              {
                x,
                y: middle + (k - (lines.length - 1) / 2) * leading,
                'dominant-baseline': 'central',
              },
              text,
            ),
          ),
        ),
        svg(
          'text',
          { x, y: top + tall + stateLine / 2, class: `node-state ${tone}` },
          standingText(tone, t),
        ),
      ),
    );
  });
  picture.append(
    svg(
      'g',
      { class: 'holder-node' },
      svg('rect', {
        x: cx - holderWidth / 2,
        y: margin,
        width: holderWidth,
        height: boxHeight,
        rx: boxHeight / 2,
        class: `node holder ${answer.holder.can_share ? 'ok' : 'no'}`,
      }),
      svg('text', { x: cx, y: margin + boxHeight / 2, class: 'node-label' }, t.you),
    ),
  );
  return h('figure', { class: 'card' }, h('figcaption', {}, t.picture), picture);
}

// Where every reason against a member is a reading no source confirms (is the wallet open
// yet?), the "no" is not known either: the page says 未确认, not 不能使用.
export function standing(member) {
  if (member.eligible) return 'ok';
  const against = member.reasons.filter((r) => r.role === 'why_not');
  const unsure = against.length > 0 && against.every((r) => r.code.endsWith('_unconfirmed'));
  return unsure ? 'unsure' : 'no';
}
const standingText = (tone, t) => ({ ok: t.eligible, unsure: t.unsure, no: t.notEligible })[tone];

function memberCard(member, answer, state, t, lang) {
  const tone = standing(member);
  // For a member who may not use the account: the first reason that stands in the way.
  const reason = member.reasons.find((r) => r.role === 'why_not');
  // What the family must still tell (the quota set in the wallet for a relative across
  // provinces) stands out too, not folded with the reasons (walk 43).
  const ask = member.reasons.find((r) => r.code === 'member.wallet_quota_needed');
  return h(
    'li',
    { class: `card member-result ${tone}`, dataset: { member: member.id } },
    h(
      'h3',
      {},
      labelFor(state, t, member.id),
      ' — ',
      h('span', { class: `badge ${tone}` }, standingText(tone, t)),
    ),
    h(
      'dl',
      {},
      h('dt', {}, t.route),
      h('dd', { class: 'route' }, routeText(member, t)),
      h('dt', {}, t.usable),
      h(
        'dd',
        { class: 'usable' },
        tone === 'unsure' ? t.unsureUsable : usableText(member, answer, lang, t),
      ),
      h('dt', {}, t.face),
      h('dd', {}, tone === 'unsure' ? t.unsure : faceText(member, t)),
      h('dt', {}, t.contribution),
      h('dd', {}, tone === 'unsure' ? t.unsure : member.contribution_payable ? t.yes : t.no),
    ),
    // The reason in the way stands out, with its sources; the list below holds the others.
    !member.eligible && reason ? h('p', { class: 'why-not' }, ...reasonParts(reason)) : null,
    ask
      ? h('p', { class: 'ask' }, ...reasonParts(ask), ' ', fieldLink(MEMBER_FIELD[ask.code], t))
      : null,
    // What would turn the "no" into a "yes" (enrol, a later date, another holder), or that no
    // known change would, or that a doubt should be checked first.
    !member.eligible && member.changes?.length
      ? h(
          'div',
          { class: 'changes' },
          h('p', { class: 'changes-title' }, t.changesTitle),
          h(
            'ul',
            {},
            member.changes.map((c) => h('li', { 'data-code': c.code }, ...reasonParts(c))),
          ),
        )
      : null,
    reasonsList(
      member.reasons.filter((r) => r !== ask && (member.eligible || r !== reason)),
      t,
      `reasons-${member.id}`,
    ),
  );
}

// The route and the face check are parts of a binding: the core states them only of a relative
// whose relation may be bound (and face only of one who can be), so otherwise they do not apply.
function routeText(member, t) {
  const said = member.reasons.find((r) => r.code.startsWith('member.route_'));
  if (!said) return t.notApplicable;
  // A route whose opening no source confirms is named, with the doubt (its reason says more).
  if (said.role === 'why_not' && said.code.endsWith('_unconfirmed')) {
    const route = said.code.includes('cross_province') ? 'cross_province' : 'in_province';
    return t.routeUnsure(t.routes[route]);
  }
  return t.routes[member.route];
}

// Where the age rests on the national app's rule, not a rule of the region (codes ending in _app),
// the answer is what to expect, and says so.
function faceText(member, t) {
  const said = member.reasons.find((r) => /^member\.(no_)?face_verification(_app)?$/.test(r.code));
  if (!said) return t.notApplicable;
  const expected = said.code.endsWith('_app');
  if (member.needs_face_verification) return expected ? t.faceLikely : t.faceYes;
  return expected ? t.faceLikelyNo : t.faceNo;
}

// An eligible member's "up to" is not known where the holder's shareable amount is not; across
// provinces, with no quota entered, it is the quota the holder sets, at most that amount.
function usableText(member, answer, lang, t) {
  const known = !member.eligible || answer.holder.shareable_known !== false;
  const amount = shareableText(member.usable_fen, known, lang, 'above');
  const byQuota = member.reasons.some((r) => r.code === 'member.eligible_up_to_quota');
  return byQuota ? t.upToQuota(amount) : amount;
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
      answer.expenses.length ? bills(answer, state, t, lang) : null,
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
    answer.expenses.length ? bills(answer, state, t, lang) : null,
  );
}

// Why a bill is not (fully) paid from the accounts: the answer's reasons that stand in its way
// (not a permitted use, not a designated institution, the member may not use the account, the
// pool, a cap or a quota used up, payments not begun).
const obstaclesOf = (expense) => expense.reasons.filter((r) => r.role === 'why_not');

function billVerdict(expense, t) {
  if (!expense.allowed) return t.billRefused;
  // What the holder could pay is not known: the rest is not counted, not said to be self-paid.
  if (expense.reasons.some((r) => r.code === 'expense.pool_unknown')) return t.billNotCounted;
  return expense.out_of_pocket_fen > 0 && expense.out_of_pocket_fen < expense.amount_fen
    ? t.billPartly
    : expense.out_of_pocket_fen > 0
      ? t.billNotCovered
      : t.billPaid;
}

// The bills twice, for two widths: a table where there is room, one card per bill where there is
// not (CSS shows one of them, by the width of the answer column).
function bills(answer, state, t, lang) {
  // Where the holder's share is not known, neither is what the family pays itself.
  const outOfPocket = (e) =>
    e.reasons.some((r) => r.code === 'expense.pool_unknown')
      ? t.notKnownYet
      : formatFen(e.out_of_pocket_fen, lang);
  const why = (e) => {
    const obstacles = obstaclesOf(e);
    return obstacles.length
      ? h('span', { class: 'bill-why' }, obstacles.map((r) => r.text).join(' '))
      : null;
  };
  const rows = answer.expenses.map((e) =>
    h(
      'tr',
      { class: obstaclesOf(e).length ? 'refused' : '' },
      h('td', {}, labelFor(state, t, e.member)),
      h('td', {}, t.kinds[e.kind]),
      h('td', { class: 'verdict' }, billVerdict(e, t), why(e)),
      h('td', { class: 'num' }, formatFen(e.from_own_fen, lang)),
      h('td', { class: 'num' }, formatFen(e.from_holder_fen, lang)),
      h('td', { class: 'num' }, outOfPocket(e)),
    ),
  );
  const table = h(
    'div',
    { class: 'table-wrap bill-table', tabindex: 0, role: 'region', 'aria-label': t.expenseTable },
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
  );
  const cards = h(
    'ol',
    { class: 'bill-cards', 'aria-label': t.expenseTable },
    answer.expenses.map((e) => {
      const figures = [
        [t.fromOwn, e.from_own_fen],
        [t.fromHolder, e.from_holder_fen],
      ]
        .filter(([, fen]) => fen > 0)
        .map(([label, fen]) => [label, formatFen(fen, lang)])
        .concat([[t.outOfPocket, outOfPocket(e)]]);
      return h(
        'li',
        { class: `bill ${obstaclesOf(e).length ? 'refused' : 'paid'}` },
        h(
          'p',
          { class: 'bill-head' },
          h('strong', {}, `${labelFor(state, t, e.member)} · ${t.kinds[e.kind]}`),
          ' ',
          h('span', { class: 'bill-amount' }, formatFen(e.amount_fen, lang)),
        ),
        h('p', { class: 'bill-verdict' }, billVerdict(e, t)),
        why(e),
        h(
          'dl',
          { class: 'bill-figures' },
          figures.map(([label, shown]) => [h('dt', {}, label), h('dd', {}, shown)]),
        ),
      );
    }),
  );
  return [table, cards];
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
    .map((m) => labelFor(state, t, m.id));
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
          members.map((m) => labelFor(state, t, m.id)),
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
            ? h('p', { class: 'counter-first' }, t.counterFirst(series(seniors, t)))
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
const MEMBER_FIELD = {
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
function fieldLink(path, t) {
  return h(
    'button',
    { type: 'button', class: 'problem-link field-link', dataset: { field: path } },
    t.fillField[path],
  );
}

// Each part of an answer is named, so a redraw can keep the parts that did not change.
function part(name, element) {
  element.dataset.part = name;
  return element;
}

// For the printout: who each member is (relation, age, insurance) and the result, in one table.
function printMembers(answer, state, t, lang) {
  return h(
    'table',
    { class: 'print-members' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t.member, t.relation, t.age, t.memberScheme, t.result].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      answer.members.map((m, i) => {
        const member = state.members[i] ?? {};
        return h(
          'tr',
          {},
          h('td', {}, labelFor(state, t, m.id)),
          h('td', {}, t.relations[member.relation] ?? ''),
          h('td', {}, member.age ?? ''),
          h('td', {}, t.schemes[member.scheme] ?? ''),
          h(
            'td',
            {},
            m.eligible
              ? `${t.eligible} · ${t.routes[m.route]} · ${t.usable} ${usableText(m, answer, lang, t)}`
              : standingText(standing(m), t),
          ),
        );
      }),
    ),
  );
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
      ? part('picture', more(state, t, t.picture, familyPicture(answer, state, t)))
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
              answer.members.map((m) => memberCard(m, answer, state, t, lang)),
            ),
            printMembers(answer, state, t, lang),
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
