// Amounts as people type them (web/amount.js): what is read, to the fen, and what is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_FEN, readAge, readDate, readYuan, today } from '../../web/amount.js';

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
  for (const typed of ['', ' ', '\u3000']) assert.deepEqual(readYuan(typed), { problem: 'empty' });
  for (const typed of ['三千', '30,00', '3,0000', ',300', '1e3', '3 000'])
    assert.deepEqual(readYuan(typed), { problem: 'format' }, typed);
  for (const typed of ['1000000000.01', '1,000,000,001', '99999999999999999999'])
    assert.deepEqual(readYuan(typed), { problem: 'too_large' }, typed);
  // Walk 43: what is wrong is said as what it is.
  for (const typed of ['-5', '－500', '-3,000.50元'])
    assert.deepEqual(readYuan(typed), { problem: 'negative' }, typed);
  for (const typed of ['3000.505', '3,000.555'])
    assert.deepEqual(readYuan(typed), { problem: 'decimals' }, typed);
});

// From walk 38: only 2026-03-01 was read; people write 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日.
test('dates are read as people write them, to the contract’s YYYY-MM-DD; a non-date is not', () => {
  for (const typed of [
    '2026-03-01',
    '2026-3-1',
    '2026/3/1',
    '2026.3.1',
    '2026年3月1日',
    '2026 年 3 月 1 日',
    '2026年3月1',
    ' 2026-03-01 ',
    '２０２６－０３－０１',
    '２０２６年３月１日',
    '２０２６／３／１',
    '20260301',
  ])
    assert.deepEqual(readDate(typed), { date: '2026-03-01' }, typed);
  assert.deepEqual(readDate('2024-2-29'), { date: '2024-02-29' });
  for (const typed of [
    '',
    'abc',
    '2026-02-30',
    '2025-2-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-0',
    '26-3-1',
    '2026-3',
    '3/1/2026',
    '2026-03-01x',
    '二〇二六年三月一日',
  ])
    assert.deepEqual(readDate(typed), { problem: 'format' }, typed);
});

test('ages are whole numbers from 0 to 150, full-width digits too', () => {
  for (const [typed, age] of [
    ['0', 0],
    ['65', 65],
    ['６５', 65],
    [' 8 ', 8],
    ['150', 150],
    ['82岁', 82], // walk 43
    ['82 周岁', 82],
  ])
    assert.deepEqual(readAge(typed), { age }, typed);
  for (const typed of ['', ' ', '-1', '151', '3.5', 'abc', '1000', '六十', '岁', '151岁'])
    assert.deepEqual(readAge(typed), { problem: 'format' }, typed);
});

// Review 65: before 08:00 in China a device on UTC (or abroad) took the day before as today, and
// answered with rules not yet in force (or no longer). Today is China's day, as in the core.
test("the form's today is the calendar day in China, whatever the device's time zone", () => {
  for (const [instant, day] of [
    ['2026-12-07T23:47:00Z', '2026-12-08'],
    ['2026-12-07T15:59:59Z', '2026-12-07'],
    ['2026-12-07T16:00:00Z', '2026-12-08'],
    ['2026-01-08T16:00:00Z', '2026-01-09'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
  ]) {
    assert.equal(today(Date.parse(instant)), day, instant);
  }
  assert.match(today(), /^\d{4}-\d{2}-\d{2}$/);
});
