// Amounts as people type them (web/amount.js): what is read, to the fen, and what is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FEN, readYuan } from '../../web/amount.js';

test('full-width digits, separators grouped by three, 元 and ¥ are read to the fen', () => {
  for (const [typed, fen] of [
    ['3000', 300000],
    ['３０００', 300000],
    ['3,000', 300000],
    ['3，000', 300000],
    ['３，０００．５０', 300050],
    ['3000元', 300000],
    [' 3000 元 ', 300000],
    ['¥1,234.5', 123450],
    ['￥0.01', 1],
    ['0', 0],
    ['007', 700],
    ['1,000,000,000', MAX_FEN],
  ])
    assert.deepEqual(readYuan(typed), { fen }, typed);
});

test('what is not an amount is refused, and one over the maximum says it is too large', () => {
  for (const typed of [
    '',
    ' ',
    '三千',
    '30,00',
    '3,0000',
    ',300',
    '3000.505',
    '-5',
    '1e3',
    '3 000',
  ])
    assert.deepEqual(readYuan(typed), { problem: 'format' }, typed);
  for (const typed of ['1000000000.01', '1,000,000,001', '99999999999999999999'])
    assert.deepEqual(readYuan(typed), { problem: 'too_large' }, typed);
});
