// The page's link and the family remembered on this device (web/share.js): when do they say the
// same family? From walk 38: a reload of the page's own link (names left out) replaced the
// remembered family (names kept) and then overwrote it without its names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeRequest, encodeRequest, familyOf, withoutNames } from '../../web/share.js';

const FAMILY = {
  as_of: '2026-06-01',
  lang: 'zh-CN',
  holder: { region: '410100', scheme: 'employee', status: 'employed', balance_fen: 456700 },
  members: [
    { id: 'm3', relation: 'spouse', age: 60, scheme: 'resident', name: '老伴' },
    { id: 'm4', relation: 'child', age: 30, scheme: 'resident', name: '女儿' },
  ],
  expenses: [{ member: 'm4', kind: 'outpatient', amount_fen: 20000, designated: true }],
};

test('a link without names, another day or language, or other ids says the same family', () => {
  const link = decodeRequest(`#r=${encodeRequest(withoutNames(FAMILY))}`);
  assert.equal(familyOf(link), familyOf(FAMILY));
  assert.equal(familyOf({ ...FAMILY, as_of: '2027-01-01', lang: 'en' }), familyOf(FAMILY));
  // The same family after a reload numbers its members anew: m1, m2.
  const renumbered = {
    ...FAMILY,
    members: FAMILY.members.map((m, i) => ({ ...m, id: `m${i + 1}` })),
    expenses: [{ ...FAMILY.expenses[0], member: 'm2' }],
  };
  assert.equal(familyOf(renumbered), familyOf(FAMILY));
  // Keys in another order are the same family too.
  const { holder, ...rest } = FAMILY;
  assert.equal(familyOf({ ...rest, holder }), familyOf(FAMILY));
});

test('a different balance, member, order or expense is another family', () => {
  const other = [
    { ...FAMILY, holder: { ...FAMILY.holder, balance_fen: 1 } },
    { ...FAMILY, members: FAMILY.members.slice(0, 1), expenses: [] },
    { ...FAMILY, members: [...FAMILY.members].reverse() },
    { ...FAMILY, expenses: [{ ...FAMILY.expenses[0], member: 'm3' }] },
    { ...FAMILY, expenses: [] },
    { holder: {} },
  ];
  for (const family of other) assert.notEqual(familyOf(family), familyOf(FAMILY));
  // Whatever a link holds, the comparison says something and throws nothing.
  for (const odd of [{ holder: {}, members: [null, 3, 'x'], expenses: [null] }, {}, null])
    assert.equal(typeof familyOf(odd), 'string');
});
