// The family typed on the calculator, carried to the household form (web/household-from-
// calculator.js) with the module's own vocabulary: each relative takes the role that is their
// relation to self, only a parent's and a parent-in-law's side is chosen by order (and said so),
// and the household the page then sends is one the planner answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { root } from './helpers.mjs';

const { createCalculator } = await import(`${root}build/web/gongji.mjs`);
const { householdFromCalculator } = await import(`${root}web/household-from-calculator.js`);
const { blank, householdRequest } = await import(`${root}web/household-state.js`);
const calculator = await createCalculator();
const vocabulary = calculator.vocabulary();

const request = {
  as_of: '2026-06-01',
  holder: {
    region: '310000',
    scheme: 'employee',
    status: 'retired',
    balance_fen: 1234550,
    prior_years_balance_fen: 0,
  },
  members: [
    {
      id: 'a',
      name: '老伴',
      relation: 'spouse',
      age: 66,
      scheme: 'employee',
      own_balance_fen: 5000,
    },
    { id: 'b', relation: 'parent', age: 90, scheme: 'resident', region: '410100' },
    { id: 'c', relation: 'parent', age: 88, scheme: 'resident', bound_to_other_holder: true },
    { id: 'd', relation: 'maternal_grandchild', age: 6, scheme: 'resident' },
    { id: 'e', relation: 'other', age: 40, scheme: 'resident' },
    { id: 'f', relation: 'grandparent', age: 99, scheme: 'none', own_balance_fen: 100 },
  ],
  expenses: [{ member: 'b', kind: 'outpatient', amount_fen: 100 }],
};

test('each relative takes the household role that is their relation to the holder', () => {
  const carried = householdFromCalculator(request, vocabulary);
  assert.equal(carried.asOf, '2026-06-01');
  assert.deepEqual(
    carried.people.map((p) => p.role),
    ['self', 'spouse', 'father', 'mother', 'grandchild', 'other', 'paternal_grandparent'],
  );
  // The holder: the calculator asks no age, so it is left for the user.
  assert.deepEqual(carried.people[0], {
    role: 'self',
    age: '',
    scheme: 'employee',
    status: 'retired',
    region: '310000',
    balance: '12345.50',
    // What the household form has no field for is kept, to be sent and shown (a 上海 holder's
    // prior-years part decides what may be shared).
    extra: { prior_years_balance_fen: 0 },
  });
  assert.deepEqual(carried.people[3].extra, { bound_to_other_holder: true });
  assert.deepEqual(carried.people[1], {
    name: '老伴',
    role: 'spouse',
    age: '66',
    scheme: 'employee',
    region: '',
    balance: '50',
    extra: {},
  });
  assert.equal(carried.people[2].region, '410100');
  assert.equal(carried.people[6].balance, '', 'no account of her own without employee insurance');
  assert.equal(carried.guessed, true, 'a parent’s side was chosen by order');
  assert.equal(carried.overflow, false);
  assert.equal(carried.statusGuessed, true, 'the spouse is on the employee scheme');
  assert.equal(carried.namesLeftOut, false, 'the spouse’s name came with the link');
  assert.equal(carried.balanceMissing, false, 'the employee spouse’s balance came too');
  const noBalance = householdFromCalculator(
    { ...request, members: [{ relation: 'spouse', age: 50, scheme: 'employee' }] },
    vocabulary,
  );
  assert.equal(noBalance.balanceMissing, true, 'the form needs it, and the note says so');
});

test('only a parent or a parent-in-law makes the page ask to check the side', () => {
  const without = {
    ...request,
    members: request.members.filter((m) => m.relation !== 'parent'),
  };
  assert.equal(householdFromCalculator(without, vocabulary).guessed, false);
  const inLaws = {
    ...request,
    members: [1, 2, 3].map((n) => ({ relation: 'parent_in_law', age: 60 + n, scheme: 'resident' })),
  };
  assert.deepEqual(
    householdFromCalculator(inLaws, vocabulary).people.map((p) => p.role),
    ['self', 'spouse_father', 'spouse_mother', 'other'],
    'a third has no role of its own left',
  );
  const overflowing = householdFromCalculator(inLaws, vocabulary);
  assert.equal(overflowing.overflow, true, 'and the page says so');
  assert.equal(overflowing.namesLeftOut, true);
  assert.equal(overflowing.statusGuessed, false);
  assert.equal(overflowing.tooMany, false);
  const twenty = Array.from({ length: 20 }, () => ({
    relation: 'child',
    age: 5,
    scheme: 'resident',
  }));
  const many = householdFromCalculator({ ...request, members: twenty }, vocabulary);
  assert.equal(many.people.length, 20, 'the household’s 20 people, you among them');
  assert.equal(many.tooMany, true, 'and the note says the 20th relative stayed behind');
});

test('no relatives, or no calculator family, carries nothing: the page shows its example', () => {
  assert.equal(householdFromCalculator({ ...request, members: [] }, vocabulary), null);
  assert.equal(householdFromCalculator({ holder: request.holder }, vocabulary), null);
  assert.equal(householdFromCalculator(null, vocabulary), null);
  assert.equal(householdFromCalculator({ holder: 'x', members: [{}] }, vocabulary), null);
  const odd = householdFromCalculator(
    { holder: { region: '<b>' }, members: [{ relation: 'cousin', age: '7', name: 5 }, null] },
    vocabulary,
  );
  assert.deepEqual(odd.people[1], {
    name: '',
    role: 'other',
    age: '7', // text as the calculator kept it (its form as typed), read by the household form
    scheme: 'resident',
    region: '',
    balance: '',
    extra: {},
  });
  assert.equal(odd.people[0].region, '');
});

test('the carried household, once the holder’s age is given, is one the planner answers', () => {
  const carried = householdFromCalculator(request, vocabulary);
  carried.people[0].age = '62';
  // As the page sends it: its own form state and request (web/household-state.js).
  const state = { asOf: carried.asOf, lang: 'zh-CN', people: carried.people.map((p) => blank(p)) };
  const sent = householdRequest(state);
  const people = sent.household.people;
  assert.equal(people[0].prior_years_balance_fen, 0, 'the kept 历年 part, read from its field');
  assert.equal(people[0].balance_fen, 1234550);
  assert.equal(people[3].bound_to_other_holder, true);
  // A field emptied sends nothing; one the page cannot read is never sent as a number.
  state.people[0].amounts.prior_years_balance_fen = '';
  assert.equal('prior_years_balance_fen' in householdRequest(state).household.people[0], false);
  state.people[0].amounts.prior_years_balance_fen = 'abc';
  assert.equal('prior_years_balance_fen' in householdRequest(state).household.people[0], false);
  state.people[0].amounts.prior_years_balance_fen = '０';
  const answer = calculator.evaluate(householdRequest(state));
  assert.equal(answer.ok, true, JSON.stringify(answer.error));
  assert.equal(answer.plan.people.length + answer.plan.holders.length, people.length);
  // As the calculator would say: 上海 shares only the prior-years part, here 0, so the holder
  // binds no one local; the mother bound by another holder is bound by no one here.
  const holder = answer.plan.holders.find((h) => h.person === 'p1');
  assert.equal(holder.shareable_fen, 0);
  assert.ok(holder.reasons.some((r) => r.code === 'holder.needs_balance'));
  assert.equal(answer.plan.people.find((p) => p.person === 'p4').holder, null);
});

test('an account’s facts the household form has no field for are kept, typed as the contract has them', () => {
  const carried = householdFromCalculator(
    {
      holder: {
        region: '440300',
        scheme: 'employee',
        balance_fen: 100,
        tier: '2',
        has_personal_account: false,
        authorized_limit_fen: 500,
        prior_years_balance_fen: -1,
      },
      members: [{ relation: 'child', age: 3, scheme: 'resident', bound_to_other_holder: 'yes' }],
    },
    vocabulary,
  );
  assert.deepEqual(carried.people[0].extra, {
    tier: '2',
    has_personal_account: false,
    authorized_limit_fen: 500,
  });
  assert.deepEqual(carried.people[1].extra, {}, 'only true binds');
});
