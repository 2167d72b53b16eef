// Writes docs/coverage.md from policies/: for every province (and every city with rules of its
// own) which rules it states itself, on what sources, its pooling unit and cap scope, which rules
// are recorded as unknown, how precisely the rules' starts are known, and when it was last
// reviewed. `--check` fails when the committed report is not current (CI runs it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../policies/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, dir), 'utf8'));
const sources = read('sources.json');
const divisions = read('divisions.json');
const version = read('version.json').version;
const files = Object.fromEntries(
  readdirSync(new URL('regions/', dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, 6), read(`regions/${f}`)]),
);

const RANK = { official: 3, media: 2, third_party: 1, unverified: 0 };
const LABEL = { 3: 'official', 2: 'media', 1: 'third_party', 0: 'unverified' };
const GROUPS = [
  ['circle', ['relations']],
  ['account', ['scheme_account', 'holder_account', 'tiers', 'shareable_part', 'share_above']],
  ['routes', ['pooling', 'in_province']],
  ['wallet', ['wallet', 'wallet_limits', 'wallet_quota']],
  ['caps', ['member_cap_total', 'member_cap.*', 'single_holder', 'cap_scope']],
  ['face', ['face_verification_age']],
  ['uses', ['use.*', 'own_account_first']],
  ['channels', ['channels']],
  ['documents', ['documents']],
];
const matches = (key, pattern) =>
  pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern;

// The best reliability among a rule's sources; a group's is its weakest rule's.
function groupCell(policy, patterns) {
  const keys = Object.keys(policy?.rules ?? {}).filter((key) =>
    patterns.some((p) => matches(key, p)),
  );
  if (keys.length) {
    const ranks = keys.map((key) =>
      Math.max(
        ...policy.rules[key].flatMap((e) => e.sources.map((s) => RANK[sources[s].reliability])),
      ),
    );
    return LABEL[Math.min(...ranks)];
  }
  return Object.keys(policy?.unknown ?? {}).some((key) => patterns.some((p) => matches(key, p)))
    ? 'unknown'
    : '·';
}

function sourceList(policy) {
  const ids = new Set(
    Object.values(policy?.rules ?? {}).flatMap((entries) => entries.flatMap((e) => e.sources)),
  );
  return (
    [...ids]
      .sort()
      .map((id) => `${id} (${sources[id].reliability})`)
      .join(', ') || '—'
  );
}

function confidence(policy) {
  if (!policy || !Object.keys(policy.rules).length) return 'national only';
  const ranks = Object.values(policy.rules).map((entries) =>
    Math.max(...entries.flatMap((e) => e.sources.map((s) => RANK[sources[s].reliability]))),
  );
  return LABEL[Math.min(...ranks)];
}

// The value in force on the newest day a layer states: the last entry.
const latest = (policy, key) => policy?.rules?.[key]?.at(-1);
const sinceText = (entry) =>
  entry?.known_since
    ? `, known since ${entry.known_since_precision === 'year' ? `about ${entry.known_since.slice(0, 4)}` : entry.known_since_precision === 'month' ? entry.known_since.slice(0, 7) : entry.known_since}`
    : '';
const cite = (entry) => `${entry.sources.join(', ')}${sinceText(entry)}`;

// Province-administered county-level cities: divisions that are neither a province nor a
// prefecture (their 4-digit prefix names no prefecture).
const directCities = (province) =>
  Object.keys(divisions).filter(
    (code) => code.startsWith(province.slice(0, 2)) && !code.endsWith('00'),
  );

function poolingCell(code) {
  const own = latest(files[code], 'pooling');
  const direct = code.endsWith('0000') ? directCities(code) : [];
  if (own?.value.unit === 'province') return `province (${cite(own)})`;
  const assumed = own?.value.assumed_separate ?? [];
  const separate = direct.filter((c) => !assumed.includes(c)).map((c) => divisions[c]['zh-CN']);
  const parts = [
    own
      ? `prefecture (${cite(own)})`
      : files[code]?.unknown?.pooling
        ? 'unknown: prefecture (fallback)'
        : code.endsWith('0000')
          ? 'national: prefecture'
          : '·',
  ];
  if (separate.length) parts.push(`own areas: ${separate.join('、')}`);
  if (assumed.length)
    parts.push(
      `assumed own areas (warned): ${assumed.map((c) => divisions[c]?.['zh-CN'] ?? c).join('、')}`,
    );
  return parts.join('; ');
}

// Which relatives a region's caps and one-共济人 rule count; "no limit" where it sets none.
function capScopeCell(code) {
  const policy = files[code];
  const limits = Object.keys(policy?.rules ?? {}).filter(
    (key) => key.startsWith('member_cap') || key === 'single_holder',
  );
  if (!limits.length) return 'no local limit';
  const own = latest(policy, 'cap_scope');
  return own ? `${own.value} (${cite(own)})` : 'unconfirmed (national default)';
}

// How each dated value's first day is known: exact (a start the sources give), the open past (a
// value that has always held: 1900-01-01), known since (in force by a day), or recorded as unknown.
const starts = { exact: 0, always: 0, known_since: 0, unknown: 0 };
for (const policy of Object.values(files)) {
  for (const entries of Object.values(policy.rules)) {
    for (const entry of entries) {
      const kind = entry.known_since
        ? 'known_since'
        : entry.from === '1900-01-01'
          ? 'always'
          : 'exact';
      starts[kind] += 1;
    }
  }
  starts.unknown += Object.keys(policy.unknown ?? {}).length;
}

// Values that are only the most likely reading (`unconfirmed`): answers hedge them.
const unconfirmedLines = Object.entries(files).flatMap(([code, policy]) =>
  Object.entries(policy.rules).flatMap(([key, entries]) =>
    entries
      .filter((entry) => entry.unconfirmed)
      .map(
        (entry) =>
          `- ${divisions[code]?.['zh-CN'] ?? '全国'} (${code}) · \`${key}\`${entry.unconfirmed_parts ? ` (${entry.unconfirmed_parts.join(', ')})` : ''} from ${entry.from}: ${entry.unconfirmed.en}`,
      ),
  ),
);
const basisCount = Object.values(files).reduce(
  (n, policy) =>
    n +
    Object.values(policy.rules)
      .flat()
      .filter((entry) => entry.from_basis).length,
  0,
);

const provinces = Object.keys(divisions).filter((code) => code.endsWith('0000'));
const cities = Object.keys(files).filter((code) => !code.endsWith('0000'));
const header = `| region | code | own rules | ${GROUPS.map(([g]) => g).join(' | ')} | pooling unit | cap scope | sources | last reviewed |`;
const rule = `|${' --- |'.repeat(GROUPS.length + 7)}`;
const row = (code) => {
  const policy = files[code];
  return `| ${divisions[code]?.['zh-CN']} | ${code} | ${confidence(policy)} | ${GROUPS.map(([, p]) => groupCell(policy, p)).join(' | ')} | ${poolingCell(code)} | ${capScopeCell(code)} | ${sourceList(policy)} | ${policy?.last_reviewed ?? '—'} |`;
};

const counts = {};
for (const code of provinces)
  counts[confidence(files[code])] = (counts[confidence(files[code])] ?? 0) + 1;
const unknownLines = Object.entries(files).flatMap(([code, policy]) =>
  Object.entries(policy.unknown ?? {}).map(
    ([key, why]) =>
      `- ${divisions[code]?.['zh-CN'] ?? code} (${code}) · \`${key}\`: ${why['zh-CN']} / ${why.en}`,
  ),
);

const text = `# Coverage of the rules

Generated by \`node scripts/gen-coverage.mjs\` from \`policies/\` (rules version ${version}); CI checks
it is current. Do not edit by hand.

A cell names the reliability of the region's own sources for that group of rules (the weakest rule's
best source): \`official\`, \`media\`, \`third_party\`; \`unknown\` means the file records that the
sources leave it open; \`·\` means no rule of its own. In both last cases the national rule applies
and answers say so in a warning. "own rules" is the weakest reliability among all its own rules, or
"national only".

"pooling unit" is the province's 统筹区: \`province\` (one area), \`prefecture\` (each prefecture-level
city, and each county-level city the province administers directly, is one area), with its sources;
\`unknown: prefecture (fallback)\` where no source states it and answers say the prefecture rule is
a fallback. "cap scope" says which relatives a local cap or one-共济人 rule counts (\`pooling_area\`,
\`province\`, or \`unconfirmed\`: answers say so); relatives reached through the cross-province
wallet are never counted.

## Start dates

Of ${starts.exact + starts.always + starts.known_since} dated values, ${starts.exact} start on a day the sources give (\`from\` exact),
${starts.always} hold from the open past (1900-01-01: a standing rule, or the time before a feature
began), and ${starts.known_since} are known only to be in force since a day (\`known_since\`: answers say "in
force at least since …"). ${starts.unknown} rules are recorded as unknown (the national rule applies with
a warning). ${basisCount} values say in \`from_basis\` why their \`from\` is the first day (a launch
reported the day it happened, a standing arrangement applied back, a doubt that begins after the last
source).

${unconfirmedLines.length} values are only the most likely reading (\`unconfirmed\`): answers keep the
reading, say in the deciding reason that it is not confirmed, and warn whom to ask.

${unconfirmedLines.join('\n')}

## Provinces (${provinces.length})

By confidence: ${Object.entries(counts)
  .sort()
  .map(([level, n]) => `${level} ${n}`)
  .join(', ')}.

${header}
${rule}
${provinces.map(row).join('\n')}

## Cities with rules of their own (${cities.length})

${header}
${rule}
${cities.map(row).join('\n')}

## National layer

${row('000000').replace('| undefined |', '| 全国 National |')}

## Recorded as unknown

${unknownLines.join('\n')}
`;

const target = new URL('../docs/coverage.md', import.meta.url);
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('docs/coverage.md is not current: run `node scripts/gen-coverage.mjs`');
    process.exit(1);
  }
  console.log('docs/coverage.md is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/coverage.md (${provinces.length} provinces, ${cities.length} cities)`);
}
