// Region search by characters, pinyin and initials, on the region data the build generates.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { root } from './helpers.mjs';
import { linkDistricts, regionLabel } from '../../web/region-picker.js';
import { findRegions, regionNamed } from '../../web/region-search.js';

// The list the page searches: the regions (provinces, cities), then the districts and counties
// (r.to), linked as the picker links them.
const all = linkDistricts(JSON.parse(readFileSync(`${root}build/web/regions.json`, 'utf8')));
const regions = all;

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
  assert.equal(regions.filter((r) => !r.to && r.c.endsWith('0000')).length, 31);
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
    regions.filter((r) => !r.to && !/^[A-ZÜ][A-Za-zü' ]+$/.test(r.e)).map((r) => r.c),
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

// From walk 38: "gz" listed 贵州省 before 广州 and found 杭州 inside "hangzhou".
test('initials find the cities that have them exactly, the big city first, and pinyin matches from its start only', () => {
  const gz = findRegions(regions, 'gz').map((r) => r.n);
  assert.deepEqual(gz.slice(0, 3), ['广州市', '贵州省', '赣州市']);
  assert.ok(!gz.includes('杭州市'), gz.join(' '));
  assert.ok(!findRegions(regions, 'zhou').some((r) => r.n === '杭州市'));
  // A name's start before a name that only holds it: 广 finds 广州, 广东, 广西 first.
  const guang = findRegions(regions, '广').map((r) => r.n);
  assert.ok(guang.slice(0, 3).includes('广州市') && guang.slice(0, 3).includes('广东省'), guang);
  assert.equal(findRegions(regions, 'hz')[0].n, '杭州市');
  assert.equal(findRegions(regions, 'bj')[0].n, '北京市');
});

test('a place named in full is found as that one place; a partial or shared name is not', () => {
  for (const typed of [
    '郑州',
    '郑州市',
    '郑州市（河南省）',
    'Zhengzhou',
    'zhengzhou',
    'Zhengzhou (Henan)',
  ])
    assert.equal(regionNamed(regions, typed, regionLabel)?.c, '410100', typed);
  assert.equal(regionNamed(regions, '广东', regionLabel)?.c, '440000');
  for (const typed of ['', 'xyzzy', '郑', 'zz', 'taizhou'])
    assert.equal(regionNamed(regions, typed, regionLabel), null, typed);
});

// Walk 43: "河北石家庄", "河南郑州" and "郑州市金水区" were not found, and a relative's field was then
// emptied and computed as the holder's place. A place is named as people write an address: the
// province before it, a district or county after it; a name two places share is still no one's.
test('a place is named with its province before it or a district after it, never a guess between two', () => {
  const named = (typed) => regionNamed(regions, typed, regionLabel)?.c ?? null;
  const cases = {
    河北石家庄: '130100',
    河北省石家庄市: '130100',
    河南郑州: '410100',
    郑州市金水区: '410100',
    郑州金水区: '410100',
    深圳市南山区: '440300',
    北京朝阳区: '110000',
    上海市浦东新区: '310000',
    广西南宁: '450100',
    广西壮族自治区南宁市: '450100',
    内蒙古呼和浩特: '150100',
    吉林长春: '220100',
    吉林市: '220200',
    湖北仙桃: '429004',
    taizhou: null, // 台州 and 泰州
    河北: '130000',
    河北石家: null, // a part of a name is the list's to offer, not this
    // After a province's name, only its places (review of walk 43's change).
    吉林省长春市: '220100',
    吉林长春市: '220100',
    吉林市丰满区: '220200',
    海南省海口市: '460100',
    海南儋州市: '460400',
    海南陵水县: null, // not 青海's 海南藏族自治州
    吉林省公主岭市: '220100', // not 吉林市: 公主岭 is a county-level city of 长春 (districts' list)
    吉林延吉市: '222400', // 延吉 is a county-level city of 延边朝鲜族自治州 (districts' list)
  };
  for (const [typed, code] of Object.entries(cases)) assert.equal(named(typed), code, typed);
  // The five cities with provincial-level budgets rank with the capitals: "sz" finds 深圳 first.
  assert.equal(findRegions(regions, 'sz')[0].c, '440300');
});

// A district or county is found by its name and taken as the region whose rules it follows
// (walk 49: 朝阳区 offered only 辽宁's 朝阳市, which Enter took; 昆山, 义乌, 宁乡 found nothing).
test('districts and counties find the region they belong to, never a namesake city elsewhere', () => {
  const found = (query) => findRegions(all, query).map((r) => `${r.n}>${r.to?.c ?? r.c}`);
  assert.deepEqual(found('朝阳区'), ['朝阳区>110000', '朝阳区>220100']);
  // By a bare name, a city or province of that name comes first, its namesake districts next
  // (walk 52: 中山 took 大连's 中山区, 河北 天津's 河北区); leaving the field takes the same.
  assert.deepEqual(found('朝阳').slice(0, 3), ['朝阳市>211300', '朝阳区>110000', '朝阳区>220100']);
  for (const [typed, first] of [
    ['中山', '中山市>442000'],
    ['河北', '河北省>130000'],
    ['资阳', '资阳市>512000'],
    ['西安', '西安市>610100'],
  ]) {
    assert.equal(found(typed)[0], first, typed);
    assert.equal(regionNamed(all, typed, regionLabel)?.c, first.split('>')[1], typed);
  }
  // A city and its district as people write them (walk 52: "没有找到" on leaving the field).
  assert.equal(regionNamed(all, '深圳南山', regionLabel)?.c, '440300');
  assert.equal(regionNamed(all, '上海浦东', regionLabel)?.to?.c, '310000');
  assert.equal(regionNamed(all, '北京朝阳', regionLabel)?.to?.c, '110000');
  // Pinyin and English find districts, and the English label is in English (walk 52).
  for (const [typed, region] of [
    ['Pudong', '310000'],
    ['kunshan', '320500'],
    ['haidian', '110000'],
  ]) {
    const [first] = findRegions(all, typed);
    assert.equal(first?.to?.c, region, typed);
    assert.match(regionLabel(first, true), /^[A-Z][a-z]+ \([A-Za-z' ]+\)$/, typed);
  }
  // A county of its city's own name says its level in English (walk 54: "Changsha (Changsha)").
  assert.deepEqual(
    findRegions(all, 'changsha')
      .map((r) => regionLabel(r, true))
      .slice(0, 2),
    ['Changsha (Hunan)', 'Changsha County (Changsha)'],
  );
  for (const [typed, region] of [
    ['昆山', '320500'],
    ['义乌', '330700'],
    ['宁乡', '430100'],
    ['浦东', '310000'],
    ['金水区', '410100'],
  ]) {
    assert.equal(findRegions(all, typed)[0]?.to?.c, region, typed);
  }
  assert.equal(found('南山')[0], '南山区>440300', "深圳's first, 鹤岗's after");
  assert.equal(regionLabel(findRegions(all, '昆山')[0]), '昆山市（苏州市）');
  // Named in full on leaving the field: the district, taken as its region.
  assert.equal(regionNamed(all, '昆山', regionLabel)?.to?.c, '320500');
  assert.equal(regionNamed(all, '朝阳区', regionLabel), null, 'two 朝阳区: chosen from the list');
  // A region's code finds the region, not its districts.
  assert.deepEqual(found('110000'), ['北京市>110000']);
  // Short input finds regions before districts (review 50: "江" listed districts first).
  assert.deepEqual(
    findRegions(all, '江')
      .slice(0, 3)
      .map((r) => r.n),
    ['江苏省', '江西省', '江门市'],
  );
  assert.equal(findRegions(all, '湖')[0].n, '湖北省');
  // A district of its city's name is not listed beside it (嘉峪关市 under 嘉峪关市).
  assert.equal(regionNamed(all, '嘉峪关', regionLabel)?.c, '620200');
  // Pinyin finds a district where a region is spelled the same: "chaoyang" offers all three.
  const chaoyang = found('chaoyang');
  for (const place of ['朝阳区>110000', '朝阳区>220100', '朝阳市>211300'])
    assert.ok(chaoyang.includes(place), `${place} in ${chaoyang}`);
  // Every district has a region; linking twice changes nothing.
  assert.ok(all.filter((r) => r.t).every((r) => r.to));
  assert.ok(all.filter((r) => r.to).length > 2700);
  const before = JSON.stringify(all.map((r) => [r.c, r.n, r.to?.c]));
  linkDistricts(all);
  assert.equal(JSON.stringify(all.map((r) => [r.c, r.n, r.to?.c])), before);
  assert.equal(findRegions(all, 'zz')[0].c, '410100');
});

// Walk 60 #2: "吉林" took 吉林省, and a parent in 吉林市 was then in another pooling area. A city
// named as its own province comes first; a place of the same name in another province does not
// (青海's 海南州 after 海南省).
test('a city named as its province comes before the province, only within it', () => {
  assert.equal(findRegions(regions, '吉林')[0]?.c, '220200');
  for (const query of ['jilin', 'jl']) {
    const found = findRegions(regions, query).map((r) => r.c);
    const city = found.indexOf('220200');
    assert.ok(city >= 0 && city < found.indexOf('220000'), `${query}: ${found}`);
  }
  assert.equal(findRegions(regions, '海南')[0]?.c, '460000');
  assert.equal(findRegions(regions, '河南')[0]?.c, '410000');
});
