// The household picture's names for people: told apart as the plan's sentences tell them apart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personLabels } from '../../web/household-view.js';
import { HOUSEHOLD_TEXTS } from '../../web/household-texts.js';

const t = { ...HOUSEHOLD_TEXTS['zh-CN'], roles: { self: '本人', child: '子女', mother: '母亲' } };
const labelsOf = (people) => [...personLabels({ household: { people } }, t).values()];

// Walk 44: the picture said "子女 2" where the sentences said "子女（71岁）".
test('two unnamed people of one role are told apart by age, by number where the ages are the same', () => {
  assert.deepEqual(
    labelsOf([
      { id: 'a', role: 'self', age: 40 },
      { id: 'b', role: 'child', age: 8 },
      { id: 'c', role: 'child', age: 12 },
      { id: 'd', role: 'mother', age: 70 },
    ]),
    ['本人', '子女（8岁）', '子女（12岁）', '母亲'],
  );
  assert.deepEqual(
    labelsOf([
      { id: 'b', role: 'child', age: 8 },
      { id: 'c', role: 'child', age: 8 },
      { id: 'e', role: 'child', age: 8, name: '小明' },
    ]),
    ['子女 1', '子女 2', '小明'],
  );
});
