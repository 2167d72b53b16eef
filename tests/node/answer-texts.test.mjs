// The property test of issue 14: 3,000 generated families and 3,000 generated households (1,500 of
// each in each language) across every region and every day from 2021 to 2027, through the
// WebAssembly module, and not one answer with an internal id, a contradicting note or step, an
// empty list, an unused rule's warning or one without a plain first sentence, a source cited but
// not listed (or listed but not cited), a citation that is not of the rule stated, a holder who is
// not the user called "you", or Chinese outside a quoted label in English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { root } from './helpers.mjs';
import { check, family, run, sourceOrder } from './answer-properties.mjs';
import { checkPlan, household, runPlans } from './household-properties.mjs';

const { createCalculator } = await import(`${root}build/web/gongji.mjs`);
const calculator = await createCalculator();

test('3,000 generated families: every answer reads right', (t) => {
  const { families, textsChecked, byClass } = run((text) => calculator.evaluateJson(text));
  t.diagnostic(`${families} families, ${textsChecked} texts checked`);
  assert.equal(families, 3000);
  assert.ok(textsChecked > 100000, `only ${textsChecked} texts`);
  const problems = [...byClass].map(
    ([kind, { count, example }]) =>
      `${count} × ${kind}: ${example.where} ${example.text}\n  ${JSON.stringify(example.request)}`,
  );
  assert.deepEqual(problems, []);
});

test('the generator covers what the checks are about', () => {
  const requests = [];
  for (let i = 0; i < 1500; i++) requests.push(family(14, i, 'zh-CN'));
  const regions = new Set(requests.map((r) => r.holder.region));
  const years = new Set(requests.map((r) => r.as_of.slice(0, 4)));
  assert.ok(regions.size > 250, `${regions.size} regions`);
  assert.deepEqual([...years].sort(), ['2021', '2022', '2023', '2024', '2025', '2026', '2027']);
  const members = requests.flatMap((r) => r.members);
  assert.ok(members.some((m) => !m.name) && members.some((m) => m.name));
  assert.ok(members.some((m) => m.region.slice(0, 2) !== requests[0].holder.region.slice(0, 2)));
});

// Each check can fail: a doctored answer trips it.
test('the checks catch what they are meant to', () => {
  const request = {
    as_of: '2026-06-01',
    lang: 'en',
    holder: { region: '110000', scheme: 'employee', balance_fen: 100000 },
    members: [
      { id: 'm1', relation: 'parent', age: 70, scheme: 'employee', region: '130100' },
      { id: 'm2', relation: 'parent', age: 68, scheme: 'employee', region: '130100' },
    ],
    expenses: [],
  };
  const good = JSON.parse(calculator.evaluateJson(JSON.stringify(request)));
  assert.deepEqual(check(request, good), []);
  const kinds = (answer) => check(request, answer).map(([kind]) => kind);
  const doctor = (change) => {
    const answer = structuredClone(good);
    change(answer);
    return kinds(answer);
  };
  assert.ok(doctor((a) => (a.guidance.notes[0] = 'Ask m2 to confirm')).includes('internal id'));
  assert.ok(
    doctor((a) => (a.warnings[0].text += ' They are: a, b, and 4 more.')).includes(
      'rules hidden behind a count',
    ),
  );
  assert.ok(
    doctor((a) => (a.guidance.notes[0] = 'Allowed only: ; no more')).includes('empty list'),
  );
  assert.ok(doctor((a) => (a.guidance.notes[0] = '请本人确认')).includes('Chinese in English'));
  assert.deepEqual(
    doctor((a) => (a.guidance.notes[0] = 'Open “家庭共济” in the app')),
    [],
    'a quoted app label may keep its Chinese',
  );
  assert.ok(doctor((a) => a.sources.pop()).includes('cited source not listed'));
  assert.ok(
    doctor((a) => {
      a.members[0].reasons[0].sources.push('S13');
      a.sources.push({ ...a.sources[0], id: 'S13' });
    }).includes('source about another region'),
    "甘肃's page cited to a 北京 family with parents in 河北",
  );
  assert.ok(doctor((a) => (a.guidance.notes[0] = 'Keeps ¥2000.00.')).includes('money format'));
  for (const note of ['Check below. wallet limits apply.', 'wallet limits apply.']) {
    assert.ok(
      doctor((a) => (a.guidance.notes[0] = note)).includes('English sentence in lower case'),
      note,
    );
  }
  assert.deepEqual(
    doctor((a) => (a.guidance.notes[0] = 'Guo Ban Fa [2021] No. 14 applies, e.g. here.')),
    [],
  );
  assert.ok(doctor((a) => (a.guidance.notes[0] = '留存2,000.00元。')).includes('money format'));
  assert.deepEqual(
    doctor((a) => (a.guidance.notes[0] = 'Keeps ¥2,000.00 and ¥0.50.')),
    [],
  );
  assert.ok(doctor((a) => a.sources.reverse()).includes('sources out of order'));
  // The answer asks the local office once: later warnings need not name anyone again.
  const warned = (...texts) =>
    doctor(
      (a) => (a.warnings = texts.map((text) => ({ code: 'policy.stale', text, sources: [] }))),
    );
  const asking =
    'Some rules are old; ask the local medical insurance office to confirm. They are: x.';
  assert.ok(warned(asking, asking).includes('local office asked twice'));
  assert.ok(
    warned('Old rules; ask the local office to confirm. Or ask the local office.').includes(
      'local office asked twice',
    ),
  );
  const once = warned(asking, 'Some rules rest only on third-party pages. They are: y.');
  assert.ok(!once.includes('local office asked twice'), once);
  assert.ok(!once.includes('warning lead names no one to ask'), once);
  assert.ok(
    warned('Some rules rest only on third-party pages. They are: y.').includes(
      'warning lead names no one to ask',
    ),
  );
  assert.ok(
    doctor((a) => {
      a.holder.can_share = false;
      a.holder.reasons[0].text = 'The whole balance can be shared with family.';
    }).includes('holder can share beside can_share:false'),
  );
  assert.ok(
    doctor((a) => (a.members[0].route = 'none')).includes(
      'face check for a binding that cannot happen',
    ),
  );
  assert.ok(
    doctor((a) => (a.guidance.channels[0].kind = 'office')).includes('face step at a counter'),
  );
  assert.ok(
    doctor((a) =>
      a.guidance.notes.push(
        'A relative bound here in Beijing must be insured in Beijing and registered before using the account.',
      ),
    ).includes('local note without a local member'),
  );
  assert.deepEqual(['S10', 'S1b', 'S2', 'S1', 'S7L', 'S7'].sort(sourceOrder), [
    'S1',
    'S1b',
    'S2',
    'S7',
    'S7L',
    'S10',
  ]);
});

test('3,000 generated households: every plan reads right', (t) => {
  const { households, people, textsChecked, byClass } = runPlans((text) =>
    calculator.evaluateJson(text),
  );
  t.diagnostic(`${households} households (${people} people), ${textsChecked} texts checked`);
  assert.equal(households, 3000);
  assert.ok(textsChecked > 100000, `only ${textsChecked} texts`);
  const problems = [...byClass].map(
    ([kind, { count, example }]) =>
      `${count} × ${kind}: ${example.where} ${example.text}\n  ${JSON.stringify(example.request)}`,
  );
  assert.deepEqual(problems, []);
});

test('the household generator covers what the checks are about', () => {
  const requests = [];
  for (let i = 0; i < 1500; i++) requests.push(household(14, i, 'en'));
  const people = requests.flatMap((r) => r.household.people);
  const roles = new Set(people.map((p) => p.role));
  assert.equal(roles.size, 14, [...roles].join());
  assert.ok(new Set(requests.map((r) => r.household.people[0].region)).size > 250);
  const years = new Set(requests.map((r) => r.as_of.slice(0, 4)));
  assert.deepEqual([...years].sort(), ['2021', '2022', '2023', '2024', '2025', '2026', '2027']);
  assert.ok(requests.some((r) => r.household.people.length >= 8));
  assert.ok(people.some((p) => !p.name) && people.some((p) => p.name));
});

// Each household check can fail: a doctored plan trips it.
test('the household checks catch what they are meant to', () => {
  const request = {
    as_of: '2026-06-01',
    lang: 'zh-CN',
    household: {
      people: [
        { id: 'me', role: 'self', age: 38, scheme: 'employee', region: '410100', balance_fen: 1 },
        { id: 'wife', role: 'spouse', age: 36, scheme: 'employee', balance_fen: 500000 },
        { id: 'kid', role: 'child', age: 8, scheme: 'resident' },
        { id: 'mil', role: 'spouse_mother', age: 63, scheme: 'resident', region: '510100' },
      ],
    },
  };
  const good = JSON.parse(calculator.evaluateJson(JSON.stringify(request)));
  assert.deepEqual(checkPlan(request, good), []);
  const wife = good.plan.holders.findIndex((h) => h.person === 'wife');
  assert.ok(wife >= 0 && good.plan.holders[wife].binds.includes('kid'));
  // The kinds of problem found in `base` (the answer to `asked`) once `change` is made to it.
  const doctorOf = (asked, base) => (change) => {
    const answer = structuredClone(base);
    change(answer);
    return checkPlan(asked, answer).map(([kind]) => kind);
  };
  const doctor = doctorOf(request, good);
  assert.ok(
    doctor((a) =>
      a.plan.holders[wife].guidance.notes.push('子女未满16周岁，由您代为办理。'),
    ).includes('another holder called you'),
  );
  assert.ok(
    doctor((a) => (a.plan.holders[wife].steps_by = null)).includes(
      'another holder’s steps not said to be theirs',
    ),
  );
  assert.ok(
    doctor((a) => a.plan.holders[wife].guidance.channels[0].steps.push('由您为其代开通')).includes(
      'another holder called you',
    ),
  );
  // Walk 29: "…14号 (2021-04-22 · 官方)" on the household page; Chinese takes （）and ，.
  for (const text of ['国办发〔2021〕14号 (2021-04-22)', '配偶,子女', '官方)']) {
    assert.ok(
      doctor((a) => (a.plan.holders[wife].guidance.notes[0] = text)).includes(
        'ASCII punctuation in Chinese',
      ),
      text,
    );
  }
  // Walk 29: under 老婆's steps, "Your and the relative's valid ID" meant her, not the reader.
  const english = { ...request, lang: 'en' };
  const goodEn = JSON.parse(calculator.evaluateJson(JSON.stringify(english)));
  assert.deepEqual(checkPlan(english, goodEn), []);
  const doctorEn = doctorOf(english, goodEn);
  const theirs = (a) => a.plan.holders[wife].guidance;
  for (const [check, change] of [
    [doctor, (a) => theirs(a).documents.push('您和共济对象的身份证件')],
    [doctor, (a) => (theirs(a).channels[0].name = '您参保地的窗口')],
    [doctorEn, (a) => theirs(a).documents.push("Your and the relative's valid ID")],
    [doctorEn, (a) => theirs(a).channels[0].steps.push('Bring ID to where you are insured')],
  ]) {
    assert.ok(check(change).includes('another holder called you'), String(change));
  }
  assert.ok(
    !doctorEn((a) =>
      a.plan.holders[wife].guidance.channels[0].steps.push(
        "Ask your spouse's mother to confirm with their own face verification on their own phone",
      ),
    ).includes('another holder called you'),
    'a relative named by their relation to the user',
  );
  assert.ok(
    doctor((a) => (a.plan.holders[1 - wife].steps_by = '以下步骤由您办理。')).includes(
      'steps said to be another’s',
    ),
  );
  assert.ok(
    doctor((a) => (a.plan.holders[wife].reasons[0].text = '请问kid')).includes('internal id'),
  );
  assert.ok(
    doctor(
      (a) => (a.plan.people[0].changes = [{ code: 'change.none', text: 'x', sources: [] }]),
    ).includes('changes for a covered person'),
  );
  assert.ok(doctor((a) => a.warnings.push({ ...a.warnings[0] })).includes('warning kind repeated'));
  assert.ok(
    doctor(
      (a) => (a.warnings[0].text = '来源只说明至少自2024-11-26起已经施行，具体哪天不详。'),
    ).includes('warning lead names no one to ask'),
  );
  assert.ok(
    doctor((a) => {
      const face = a.plan.people.flatMap((p) => p.reasons).find((r) => r.code.includes('face'));
      face.sources = ['S16']; // 大连's cap page
    }).includes('citation not of the rule stated'),
  );
});
