// Region search by characters, pinyin and initials, on the region data the build generates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { root } from './helpers.mjs';
import { findRegions, regionLabel } from '../../web/region-picker.js';

const regions = JSON.parse(readFileSync(`${root}build/web/regions.json`, 'utf8'));

test('zz, zhengzhou and 郑州 all find 郑州 first', () => {
  for (const query of ['zz', 'zhengzhou', 'ZhengZhou', '郑州', '410100']) {
    assert.equal(findRegions(regions, query)[0]?.c, '410100', query);
  }
});

test('provinces are found by name and pinyin, and unknown text finds nothing', () => {
  assert.equal(findRegions(regions, 'guangdong')[0]?.c, '440000');
  assert.equal(findRegions(regions, '深圳')[0]?.c, '440300');
  assert.equal(
    findRegions(regions, 'sz').some((r) => r.c === '440300'),
    true,
  );
  assert.deepEqual(findRegions(regions, 'qqqqq'), []);
  assert.deepEqual(findRegions(regions, '   '), []);
});

test('every province and city is in the data, with its province named for cities', () => {
  assert.equal(regions.filter((r) => r.c.endsWith('0000')).length, 31);
  const zhengzhou = regions.find((r) => r.c === '410100');
  assert.deepEqual(zhengzhou, {
    c: '410100',
    n: '郑州市',
    e: 'Zhengzhou',
    p: 'zhengzhou',
    i: 'zz',
    v: '河南省',
    w: 'Henan',
  });
});

test('every region has an English name, and English finds it', () => {
  assert.deepEqual(
    regions.filter((r) => !/^[A-ZÜ][A-Za-zü' ]+$/.test(r.e)).map((r) => r.c),
    [],
  );
  assert.equal(regions.find((r) => r.c === '150000').e, 'Inner Mongolia');
  assert.equal(regions.find((r) => r.c === '653100').e, 'Kashgar Prefecture');
  assert.equal(
    regionLabel(
      regions.find((r) => r.c === '610100'),
      true,
    ),
    "Xi'an (Shaanxi)",
  );
  assert.equal(findRegions(regions, 'inner mongolia')[0].c, '150000');
});
