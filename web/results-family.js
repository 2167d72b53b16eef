// Drawing the family in an answer: the picture, one card per member, the bills and the printout's
// table. Loaded (results.js loadFamilyResults) before the first answer that has members or bills:
// a holder's answer alone, the page's first, does not wait for it.
import { h, svg } from './dom.js';
import { textWidth, wrapLabel } from './label-wrap.js';
import { formatFen, shareableText } from './i18n.js';
import { withFamilyTexts } from './family-texts.js';
import {
  fieldLink,
  labelFor,
  MEMBER_FIELD,
  payableOnly,
  reasonParts,
  reasonsList,
  standing,
} from './results.js';

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

export function familyPicture(answer, state, pageTexts) {
  const t = withFamilyTexts(pageTexts);
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
          standingText(tone, t), // the picture says who may use the account
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

// A relative whom the account cannot serve yet but whose residents' contribution it may pay (not
// insured yet) is told that first: "不能使用" beside "可代缴居民医保：可以" read as no to a grandmother
// who came to pay her grandson's contribution (walks 63 and 65).
const standingText = (tone, t, member) =>
  member && payableOnly(member)
    ? t.contributionOnly
    : { ok: t.eligible, unsure: t.unsure, no: t.notEligible }[tone];
export function memberCard(member, answer, state, pageTexts, lang) {
  const t = withFamilyTexts(pageTexts);
  const tone = standing(member);
  // For a member who may not use the account: the first reason that stands in the way.
  const reason = member.reasons.find((r) => r.role === 'why_not');
  // What the family must still tell (the quota set in the wallet for a relative across
  // provinces) stands out too, not folded with the reasons (walk 43).
  const ask = member.reasons.find((r) => r.code === 'member.wallet_quota_needed');
  // A yes that rests on a relation no source confirms (广东's widening to 近亲属, a start not
  // known) is said on the card as the doubt it is, not only in the folded reasons (walk 65: a
  // sibling's plain 可以使用 beside a parent's 未确认 read as two kinds of certainty).
  const doubt =
    member.eligible && member.reasons.find((r) => /^member\.relation_.*_unconfirmed$/.test(r.code));
  const index = state.members.findIndex((m) => m.key === member.id);
  const employeeScheme = state.members[index]?.scheme === 'employee';
  // Her own account, which pays her bills first here, counted as empty where left blank: said,
  // with the way to the field (walk 65 #3: the holder's money seemed to pay what it would not).
  const ownBlank =
    employeeScheme &&
    !state.members[index].ownBalance.trim() &&
    answer.expenses.some((e) => e.member === member.id && e.allowed);
  return h(
    'li',
    { class: `card member-result ${tone}`, dataset: { member: member.id } },
    h(
      'h3',
      {},
      labelFor(state, t, member.id),
      ' — ',
      h('span', { class: `badge ${tone}` }, standingText(tone, t, member)),
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
      // A relative in the employee scheme owes no residents' contribution: "不可以" there read as
      // a limit on the holder (walk 63), eligible or not.
      employeeScheme ? null : h('dt', {}, t.contribution),
      employeeScheme
        ? null
        : h('dd', {}, tone === 'unsure' ? t.unsure : member.contribution_payable ? t.yes : t.no),
    ),
    // The reason in the way stands out, with its sources; the list below holds the others.
    !member.eligible && reason ? h('p', { class: 'why-not' }, ...reasonParts(reason)) : null,
    ask
      ? h('p', { class: 'ask' }, ...reasonParts(ask), ' ', fieldLink(MEMBER_FIELD[ask.code], t))
      : null,
    doubt ? h('p', { class: 'ask doubt' }, ...reasonParts(doubt)) : null,
    ownBlank
      ? h(
          'p',
          { class: 'ask own-blank' },
          t.ownBalanceBlank,
          ' ',
          fieldLink(`/members/${index}/own_balance_fen`, t, t.fillOwnBalance),
        )
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
      member.reasons.filter((r) => r !== ask && r !== doubt && (member.eligible || r !== reason)),
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
export function bills(answer, state, pageTexts, lang) {
  const t = withFamilyTexts(pageTexts);
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

// For the printout: who each member is (relation, age, insurance) and the result, in one table.
export function printMembers(answer, state, pageTexts, lang) {
  const t = withFamilyTexts(pageTexts);
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
          // The relation has its own column: an unnamed member is their number on the form here.
          h('td', {}, member.name?.trim() || `${t.member} ${i + 1}`),
          h('td', {}, t.relations[member.relation] ?? ''),
          h('td', {}, member.age ?? ''),
          h('td', {}, t.schemes[member.scheme] ?? ''),
          h(
            'td',
            {},
            m.eligible
              ? `${t.eligible} · ${t.routes[m.route]} · ${t.usable} ${usableText(m, answer, lang, t)}`
              : // On paper too, the reason that stands in the way (walk 49: "May not use" alone).
                [standingText(standing(m), t, m), m.reasons.find((r) => r.role === 'why_not')?.text]
                  .filter(Boolean)
                  .join(' · '),
          ),
        );
      }),
    ),
  );
}
